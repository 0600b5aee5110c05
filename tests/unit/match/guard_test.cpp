// Guards that test one code point are read without RE2: they must agree with their regex.
#include <gtest/gtest.h>

#include <algorithm>

#include "match/matcher.h"
#include "match/pack_data.h"
#include "test_support.h"
#include "text/utf8.h"

namespace sosu {
namespace {

using internal::CodePointClass;

TEST(CodePointClass, ReadsClassesLiteralsAndGroups) {
  auto digits = CodePointClass::parse("[0-9A-Za-z.,~-]");
  ASSERT_TRUE(digits);
  EXPECT_TRUE(digits->contains(U'7'));
  EXPECT_TRUE(digits->contains(U'~'));
  EXPECT_TRUE(digits->contains(U'-'));
  EXPECT_FALSE(digits->contains(U'%'));
  EXPECT_FALSE(digits->contains(U'가'));

  auto not_hangul = CodePointClass::parse("[^가-힣]");
  ASSERT_TRUE(not_hangul);
  EXPECT_FALSE(not_hangul->contains(U'한'));
  EXPECT_TRUE(not_hangul->contains(U' '));

  auto syllables = CodePointClass::parse("(?:인|래|(?:[0-9]|\\s))");
  ASSERT_TRUE(syllables);
  EXPECT_TRUE(syllables->contains(U'래'));
  EXPECT_TRUE(syllables->contains(U'\t'));
  EXPECT_FALSE(syllables->contains(U'장'));
}

TEST(CodePointClass, LeavesAnythingLongerToRe2) {
  for (const char* regex : {"의원", "\\s[가-힣]", "[0-9]+", "^|\\s", "$|[^가-힣]", "[[:alpha:]]", "\\p{L}", "(?:a|b",
                            "a|", "[a-", "\\w", "(?i)[a-z]", "[0-9]?", "x{2}"}) {
    EXPECT_FALSE(CodePointClass::parse(regex)) << regex;
  }
}

// Every pack guard read directly gives RE2's answer on a context of one code point, for
// ASCII, Hangul, Vietnamese letters and other scripts.
TEST(CodePointClass, AgreesWithRe2OnEveryPackGuard) {
  Result<PackSet> packs = load_packs({testing::patterns_dir()});
  ASSERT_TRUE(packs.ok());
  std::vector<char32_t> samples;
  for (char32_t c = 1; c < 0x250; ++c) samples.push_back(c);
  for (char32_t c : {U'가', U'힣', U'각', U'ㄱ', U'ạ', U'ằ', U'ệ', U'ự', U'ỹ', U'Đ', U'đ', U'一', U'·', U'…', U'“', U'”',
                     U'～', U'％', U'\u00A0', U'\u3000', U'😀'}) {
    samples.push_back(c);
  }
  int checked = 0;
  for (const auto& [lang, rules] : packs->data().languages) {
    for (const internal::Rule& rule : rules.rules) {
      for (const internal::Guard& guard : rule.guards) {
        if (!guard.one_char) continue;
        ++checked;
        std::optional<std::string> bracket = guard.one_char->bracket(false);
        std::optional<re2::RE2> in_bracket, outside_bracket;
        if (bracket) {
          in_bracket.emplace(*bracket);
          outside_bracket.emplace(*guard.one_char->bracket(true));
        }
        for (char32_t c : samples) {
          std::string context;
          internal::append_utf8(context, c);
          EXPECT_EQ(guard.one_char->contains(c), re2::RE2::PartialMatch(context, *guard.re))
              << rule.id << " " << guard.re->pattern() << " U+" << std::hex << static_cast<std::uint32_t>(c);
          // The bracket form the search regexes are built from says the same.
          if (bracket) {
            EXPECT_EQ(guard.one_char->contains(c), re2::RE2::FullMatch(context, *in_bracket)) << rule.id << " " << *bracket;
            EXPECT_NE(guard.one_char->contains(c), re2::RE2::FullMatch(context, *outside_bracket)) << rule.id << " " << *bracket;
          }
        }
      }
    }
  }
  EXPECT_GE(checked, 100);  // most guards are one code point
}

TEST(CodePointClass, ReadsARunOfClassesOnePerCodePoint) {
  auto run = CodePointClass::parse_run("[가-힣A-Za-z]\\(");
  ASSERT_TRUE(run);
  ASSERT_EQ(run->size(), 2U);
  EXPECT_TRUE((*run)[0].contains(U'씨'));
  EXPECT_FALSE((*run)[0].contains(U'('));
  EXPECT_TRUE((*run)[1].contains(U'('));
  EXPECT_FALSE((*run)[1].contains(U'A'));
  ASSERT_TRUE(CodePointClass::parse_run("억원"));
  EXPECT_EQ(CodePointClass::parse_run("억원")->size(), 2U);
  for (const char* regex : {"", "[0-9]+", "a|bc", "(?:ab)", "[a-", "\\", "ab?"}) {
    EXPECT_FALSE(CodePointClass::parse_run(regex)) << regex;
  }
}

TEST(CodePointClass, HasNoBracketFormForAComplementInAUnion) {
  EXPECT_FALSE(CodePointClass::parse("[^가-힣]|[0-9]")->bracket(false));
  EXPECT_EQ(CodePointClass::parse("[0-9]|\\.")->bracket(true), "[^\\x{30}-\\x{39}\\x{2E}]");
}

// Each rule's search regex folds its one-code-point before-guards in (Rule::search_re), and the
// alternatives of one code point of a guard of several (`[0-9.,~-]` of `[0-9.,~-]|월\s?`). The
// matches must be exactly those of the rule's own regex with the guards applied after: on
// every line of the project's corpora and on the edge cases of the fold (a match at the
// sentence start, on its second code point, right after another match, after a rejected run).
TEST(FoldedGuards, FindTheSameMatchesAsTheRulesOwnRegex) {
  Result<PackSet> packs = load_packs({testing::patterns_dir()});
  ASSERT_TRUE(packs.ok());
  // The test owns the packs: it takes the search regexes out to run the plain search.
  auto& data = const_cast<internal::PackSetData&>(packs->data());
  std::vector<std::string> lines = {"3.5", ".345로", " .345로 1위", "1개", "가1개", "A5개 3개5명",
                                    "x12345개 그리고 12개", "1,2,3개", "ba mươi ba", ",77 và ,5",
                                    // a required run of two code points (A(57)씨): at the start,
                                    // right after another match, doubled, nested
                                    "(57)씨", "A(57)씨는", "A(5)B(6)·", "가(1)(2)", "A((57)씨", "손흥민(23·토트넘)",
                                    // guards of alternatives, one code point folded and the rest not:
                                    // [0-9.,~-]|월\s? before a day
                                    "지난 19일", "5월 19일", "5월19일", "3.19일", "~19일", "19일", "가19일"};
  for (std::string& line : testing::corpus_lines()) lines.push_back(std::move(line));
  // A guard of alternatives folds those of one code point: [0-9.,~-] of [0-9.,~-]|월\s?.
  const std::vector<internal::Rule>& ko_rules = data.languages.at("ko").rules;
  auto day = std::find_if(ko_rules.begin(), ko_rules.end(), [](const internal::Rule& r) { return r.id == "ko/date/day"; });
  ASSERT_NE(day, ko_rules.end());
  ASSERT_NE(day->search_re, nullptr);
  const std::string day_prefix = "(?:^|[^\\x{30}-\\x{39}\\x{2E}\\x{2C}\\x{7E}\\x{2D}])";
  EXPECT_EQ(day->search_re->pattern().rfind(day_prefix, 0), 0u) << day->search_re->pattern();
  ASSERT_GT(lines.size(), 100U);
  int folded = 0;
  for (auto& [lang, rules] : data.languages) {
    auto spans = [&] {
      std::vector<std::string> out;
      for (const std::string& line : lines) {
        for (const internal::Match& m : internal::find_matches(rules, line)) {
          out.push_back(line + " | " + m.rule->id + " " + line.substr(m.byte_start, m.byte_end - m.byte_start));
        }
      }
      return out;
    };
    const std::vector<std::string> with_fold = spans();
    std::vector<std::unique_ptr<re2::RE2>> taken;
    for (internal::Rule& rule : rules.rules) {
      if (rule.search_re) ++folded;
      taken.push_back(std::move(rule.search_re));
    }
    // The set was built from the search regexes: it may only be narrower, never miss a match.
    EXPECT_EQ(with_fold, spans()) << lang;
    EXPECT_GT(with_fold.size(), 200U) << lang;
  }
  EXPECT_GE(folded, 110);
  const internal::LanguageRules& ko = data.languages.at("ko");
  auto age = std::find_if(ko.rules.begin(), ko.rules.end(),
                          [](const internal::Rule& r) { return r.id == "ko/quantity/age_after_name"; });
  ASSERT_NE(age, ko.rules.end());
  EXPECT_EQ(age->search_prefix_code_points, 2);
}

}  // namespace
}  // namespace sosu
