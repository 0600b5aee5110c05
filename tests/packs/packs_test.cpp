// Every <example> and <counterexample> in patterns/ behaves (Duckling's corpus tests).
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace sosu
