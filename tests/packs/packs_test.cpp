// Every <example> and <counterexample> in patterns/ behaves (Duckling's corpus tests), and
// packs load the same on one thread or several.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "match/pack_data.h"
#include "test_support.h"

namespace sosu {
namespace {

TEST(Packs, EveryExampleAndCounterexamplePasses) {
  auto packs = testing::project_packs();
  ASSERT_GT(packs->example_count(), 40u);
  std::vector<Error> failures = check_pack_examples(packs);
  for (const Error& e : failures) ADD_FAILURE() << e.to_string();
  EXPECT_TRUE(failures.empty());
}

TEST(Packs, EveryRuleHasAnExampleAndAReadableName) {
  const auto& data = testing::project_packs()->data();
  for (const auto& [lang, rules] : data.languages) {
    for (const auto& rule : rules.rules) {
      bool has_positive = false;
      for (const auto& ex : rule.examples) has_positive = has_positive || !ex.negative;
      EXPECT_TRUE(has_positive) << rule.id << " (" << rule.at.file << ":" << rule.at.line << ") has no <example>";
      EXPECT_GE(rule.name.size(), 10u) << rule.id << ": the name should read as a sentence";
      EXPECT_EQ(rule.id.rfind(lang + "/" + rule.kind_segment() + "/", 0), 0u) << rule.id;
    }
  }
}

// The rules of every language as "id\tregex" lines, to compare two loads.
std::vector<std::string> rule_lines(const PackSet& packs) {
  std::vector<std::string> lines;
  for (const auto& [lang, rules] : packs.data().languages) {
    for (const auto& rule : rules.rules) lines.push_back(rule.id + "\t" + rule.re->pattern());
  }
  return lines;
}

TEST(Packs, LoadTheSameOnSeveralThreads) {
  const auto dir = *default_patterns_dir();
  Result<PackSet> one = load_packs({dir}, 1);
  ASSERT_TRUE(one.ok());
  for (unsigned threads : {2u, 4u}) {
    Result<PackSet> several = load_packs({dir}, threads);
    ASSERT_TRUE(several.ok()) << threads;
    EXPECT_EQ(several->versions(), one->versions()) << threads;
    EXPECT_EQ(several->languages(), one->languages()) << threads;
    EXPECT_EQ(rule_lines(*several), rule_lines(*one)) << threads;
  }
}

// Problems in two languages, found while they compile at the same time, are all reported,
// in the same order (language by language, rule by rule) as on one thread.
TEST(Packs, ReportProblemsOfLanguagesCompiledAtTheSameTimeInOrder) {
  const auto dir = testing::error_fixture("bad_packs") / "two_languages";
  std::vector<std::string> expected;
  for (unsigned threads : {1u, 2u, 4u}) {
    Result<PackSet> loaded = load_packs({dir}, threads);
    ASSERT_FALSE(loaded.ok()) << threads;
    std::vector<std::string> problems;
    for (const Error& e : loaded.errors()) problems.push_back(e.to_string());
    ASSERT_EQ(problems.size(), 4u) << threads;
    EXPECT_NE(problems[0].find("ko.xml: line 4, col 1: rule ko/count/unclosed: regex does not compile"), std::string::npos)
        << problems[0];
    EXPECT_NE(problems[1].find("ko.xml: line 7, col 1: undefined fragment ${no_such_fragment}"), std::string::npos)
        << problems[1];
    EXPECT_NE(problems[2].find("vi.xml: line 4, col 1: rule vi/count/unknown_capture: unknown capture name"),
              std::string::npos)
        << problems[2];
    EXPECT_NE(problems[3].find("vi.xml: line 8, col 1: rule vi/count/bad_guard: guard regex does not compile"),
              std::string::npos)
        << problems[3];
    if (expected.empty()) expected = problems;
    EXPECT_EQ(problems, expected) << threads;
  }
}

}  // namespace
}  // namespace sosu
