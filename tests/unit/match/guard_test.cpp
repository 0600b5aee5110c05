// Guards that test one code point are read without RE2: they must agree with their regex.
#include <gtest/gtest.h>

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
        for (char32_t c : samples) {
          std::string context;
          internal::append_utf8(context, c);
          EXPECT_EQ(guard.one_char->contains(c), re2::RE2::PartialMatch(context, *guard.re))
              << rule.id << " " << guard.re->pattern() << " U+" << std::hex << static_cast<std::uint32_t>(c);
        }
      }
    }
  }
  EXPECT_GE(checked, 100);  // most guards are one code point
}

}  // namespace
}  // namespace sosu
