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

// A rule's search starts only where one of its matches may start, and a fallback rule (the
// lowest priority: bare numbers and the like) is not searched where every place it could match
// lies inside a longer winner. That must change nothing: the matches are those of searching
// every candidate rule everywhere from the sentence's start, on the corpora and on sentences
// where the fallback rules do win.
TEST(FindMatches, RulesAreSkippedOnlyWhereTheyCannotMatchOrWin) {
  Result<PackSet> skipping = load_packs({testing::patterns_dir()});
  Result<PackSet> searching = load_packs({testing::patterns_dir()});
  ASSERT_TRUE(skipping.ok() && searching.ok());
  std::size_t fallbacks = 0;
  for (const auto& [lang, rules] : skipping->data().languages) {
    for (const internal::Rule& rule : rules.rules) fallbacks += rule.fallback_chars.has_value();
  }
  ASSERT_GE(fallbacks, 3u);
  std::size_t with_starts = 0;
  for (const auto& [lang, rules] : skipping->data().languages) {
    for (const internal::Rule& rule : rules.rules) with_starts += rule.match_starts.has_value();
  }
  ASSERT_GE(with_starts, 140u);  // every rule of the packs is read for it
  // This test owns `searching`: its rules lose their sets, so every candidate is searched.
  for (const auto& [lang, rules] : searching->data().languages) {
    for (internal::Rule& rule : const_cast<internal::LanguageRules&>(rules).rules) {
      rule.fallback_chars.reset();
      rule.match_starts.reset();
    }
  }
  std::vector<std::string> lines = {
      "지수는 167.0으로 올랐다", "이 가운데 1만2000이 남았다", "1만2000명이 모였고 3억 5000만 원이 들었다",
      "타율 .345로 1위", "벽돌 하나를 숨겼다", "응답자의 절반이 찬성했다", "2022. 6. 16. 발표에서 12, 13, 14가 나왔다",
      "G20 정상회의와 E-9 비자", "-3과 +5 사이", "3/4와 3분의 1", "Chỉ số 100.000 và 1,1 và ,77",
      "ba mươi ba người và 12 hộ", "(2만3418명) 12 34 56"};
  for (std::string& line : testing::corpus_lines()) lines.push_back(std::move(line));
  for (std::string& text : testing::shared_corpus_texts()) lines.push_back(std::move(text));
  const std::vector<std::string_view> views(lines.begin(), lines.end());
  std::size_t fallback_wins = 0;
  for (const auto& [lang, rules] : skipping->data().languages) {
    const auto skipped = internal::find_matches(rules, views);
    const auto searched = internal::find_matches(searching->data().languages.at(lang), views);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      EXPECT_EQ(describe(skipped[k]), describe(searched[k])) << lang << ": " << lines[k];
      for (const internal::Match& m : skipped[k]) fallback_wins += m.rule->fallback_chars.has_value();
    }
  }
  EXPECT_GT(fallback_wins, 5u);
}

}  // namespace
}  // namespace sosu
