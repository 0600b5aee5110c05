// find_matches over many sentences at once runs rule by rule; it must give each sentence
// exactly what matching that sentence alone gives: the same rules, spans and captures.
#include <gtest/gtest.h>

#include <sstream>

#include "match/matcher.h"
#include "match/pack_data.h"
#include "test_support.h"

namespace sosu {
namespace {

std::vector<std::string> describe(const std::vector<internal::Match>& matches) {
  std::vector<std::string> out;
  for (const internal::Match& m : matches) {
    std::ostringstream line;
    line << m.rule->id << " [" << m.byte_start << "," << m.byte_end << ")";
    for (const internal::Capture& c : m.captures) {
      line << " " << internal::field_name(c.field) << "=[" << c.byte_start << "," << c.byte_end << ")";
    }
    out.push_back(line.str());
  }
  return out;
}

TEST(FindMatches, ManySentencesAtOnceGiveWhatEachGivesAlone) {
  Result<PackSet> packs = load_packs({testing::patterns_dir()});
  ASSERT_TRUE(packs.ok());
  // Edge cases first: empty, no number, a match at the start and at the end.
  std::vector<std::string> lines = {"", "숫자가 없는 문장.", "3.5", "1개", "총 4,925개 조직이 2020년 초에 있었다",
                                    "Có 81.991 đồng chí, đạt 91,7%.", "ba mươi ba người"};
  for (std::string& line : testing::corpus_lines()) lines.push_back(std::move(line));
  const std::vector<std::string_view> views(lines.begin(), lines.end());
  for (const auto& [lang, rules] : packs->data().languages) {
    const std::vector<std::vector<internal::Match>> together = internal::find_matches(rules, views);
    ASSERT_EQ(together.size(), lines.size());
    std::size_t matches = 0, captures = 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      EXPECT_EQ(describe(together[k]), describe(internal::find_matches(rules, lines[k]))) << lang << ": " << lines[k];
      matches += together[k].size();
      for (const internal::Match& m : together[k]) captures += m.captures.size();
    }
    EXPECT_GT(matches, 200U) << lang;
    EXPECT_GT(captures, matches) << lang;
  }
  // No sentences, no matches.
  EXPECT_TRUE(internal::find_matches(packs->data().languages.at("ko"), std::vector<std::string_view>{}).empty());
}

}  // namespace
}  // namespace sosu
