// internal::match_chars: which code points a regex's matches can hold, start and end with. The
// matcher skips a fallback rule on its word, so the sets must never be too small: they are
// checked against what RE2 matches, for every rule of the packs, on the corpora.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "match/match_chars.h"
#include "match/pack_data.h"
#include "test_support.h"
#include "text/utf8.h"

namespace sosu::internal {
namespace {

TEST(MatchChars, ReadsLiteralsClassesAndWhatMayBeAbsent) {
  const char* const counter_regex = "(?:(?P<qualifier>약|총)\\s)?(?P<value>[0-9]+(?:,[0-9]{3})*)명";
  std::optional<MatchChars> counter = match_chars(counter_regex);
  ASSERT_TRUE(counter.has_value());
  for (char32_t c : {U'약', U'총', U' ', U'0', U'9', U',', U'명'}) EXPECT_TRUE(counter->all.contains(c)) << c;
  EXPECT_FALSE(counter->all.contains(U'개'));
  EXPECT_FALSE(counter->all.contains(U'.'));
  for (char32_t c : {U'약', U'총', U'0', U'5'}) EXPECT_TRUE(counter->first.contains(c)) << c;
  EXPECT_FALSE(counter->first.contains(U'명'));
  EXPECT_FALSE(counter->first.contains(U','));
  EXPECT_TRUE(counter->last.contains(U'명'));
  EXPECT_FALSE(counter->last.contains(U'0'));  // the counter always ends it

  // match_starts finds where such a match may start, and nothing else.
  std::optional<CodePointFinder> starts = match_starts(counter_regex);
  ASSERT_TRUE(starts.has_value());
  const std::string text = "명, 개 총 12명";
  EXPECT_EQ(starts->find(text, 0, text.size()), text.find("총"));
  EXPECT_EQ(starts->find(text, text.find("총") + 3, text.size()), text.find("12"));
  EXPECT_EQ(starts->find(text, text.find("명", 4), text.size()), text.size());

  std::optional<MatchChars> either = match_chars("가|나다|(?:라)?");
  ASSERT_TRUE(either.has_value());
  EXPECT_TRUE(either->first.contains(U'나'));
  EXPECT_TRUE(either->first.contains(U'라'));
  EXPECT_FALSE(either->first.contains(U'다'));
  EXPECT_TRUE(either->last.contains(U'다'));
  EXPECT_FALSE(either->last.contains(U'나'));

  // Escapes, a negated class, \x{...}, repetition counts, anchors and word boundaries.
  std::optional<MatchChars> mixed = match_chars("^\\b[^0-9]\\x{AC00}(?:\\.\\d){0,2}\\w+$");
  ASSERT_TRUE(mixed.has_value());
  EXPECT_TRUE(mixed->first.contains(U'나'));
  EXPECT_FALSE(mixed->first.contains(U'7'));
  EXPECT_TRUE(mixed->all.contains(U'가'));
  EXPECT_TRUE(mixed->all.contains(U'.'));
  EXPECT_TRUE(mixed->last.contains(U'_'));
  EXPECT_FALSE(mixed->last.contains(U'.'));
  EXPECT_TRUE(mixed->all.contains(U'\U0001F600'));  // the negated class reaches past the BMP
}

// Inside (?i:...) every code point stands for its case variants, as RE2 matches them (k also
// for the Kelvin sign); outside it, for itself.
TEST(MatchChars, ClosesCaseInsensitiveGroupsOverCase) {
  std::optional<MatchChars> words = match_chars("(?i:khoảng|Đ[a-c]|(?:hơn))\\s(?:k)");
  ASSERT_TRUE(words.has_value());
  for (char32_t c : {U'k', U'K', U'\u212A', U'đ', U'Đ', U'h', U'H'}) EXPECT_TRUE(words->first.contains(c)) << c;
  EXPECT_FALSE(words->first.contains(U'o'));
  for (char32_t c : {U'ả', U'Ả', U'ơ', U'Ơ', U'a', U'A', U'C', U' '}) EXPECT_TRUE(words->all.contains(c)) << c;
  EXPECT_FALSE(words->all.contains(U'd'));
  EXPECT_TRUE(words->last.contains(U'k'));
  EXPECT_FALSE(words->last.contains(U'K'));
  EXPECT_FALSE(words->last.contains(U'g'));
}

TEST(MatchChars, GivesNothingForWhatItDoesNotRead) {
  for (const char* regex : {"(?i)abc", "(?s:.)", "\\p{Han}", "\\D", "[[:alpha:]]", "a{", "(?=x)", "a**", "[a-", "(a", "\\Qa\\E"}) {
    EXPECT_FALSE(match_chars(regex).has_value()) << regex;
    EXPECT_FALSE(match_starts(regex).has_value()) << regex;
  }
}

// Every match RE2 finds, for every rule whose regex is read, holds only code points of `all`
// and starts and ends with ones of `first` and `last`.
TEST(MatchChars, HoldEveryMatchOfEveryRuleOnTheCorpora) {
  std::vector<std::string> lines = testing::corpus_lines();
  for (std::string& text : testing::shared_corpus_texts()) lines.push_back(std::move(text));
  std::size_t rules_read = 0, matches = 0;
  for (const auto& [lang, rules] : testing::project_packs()->data().languages) {
    for (const Rule& rule : rules.rules) {
      const std::optional<MatchChars> chars = match_chars(rule.re->pattern());
      const std::optional<CodePointFinder> starts = match_starts(rule.re->pattern());
      ASSERT_EQ(chars.has_value(), starts.has_value()) << rule.id;
      if (!chars) continue;
      ++rules_read;
      for (const std::string& line : lines) {
        re2::StringPiece text(line), whole;
        for (std::size_t pos = 0; pos < line.size() &&
                                  rule.re->Match(text, pos, line.size(), re2::RE2::UNANCHORED, &whole, 1);) {
          const auto start = static_cast<std::size_t>(whole.data() - line.data());
          const std::string_view m(whole.data(), whole.size());
          pos = whole.empty() ? start + 1 : start + whole.size();
          if (m.empty()) continue;
          ++matches;
          std::size_t i = 0;
          char32_t cp = decode_next(m, i);
          ASSERT_TRUE(chars->first.contains(cp)) << rule.id << ": " << m;
          ASSERT_EQ(starts->find(line, start, start + i), start) << rule.id << ": " << m;
          ASSERT_TRUE(chars->all.contains(cp)) << rule.id << ": " << m;
          while (i < m.size()) {
            cp = decode_next(m, i);
            ASSERT_TRUE(chars->all.contains(cp)) << rule.id << ": " << m;
          }
          ASSERT_TRUE(chars->last.contains(cp)) << rule.id << ": " << m;
        }
      }
    }
  }
  EXPECT_GT(rules_read, 100u);
  EXPECT_GT(matches, 2000u);
}

}  // namespace
}  // namespace sosu::internal
