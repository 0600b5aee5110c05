// The seed article (../shared/seed): every one of its 37 reference figures must come out
// right, and nothing else may. Its text is read from ../shared, never copied here.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "test_support.h"

namespace sosu {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const fs::path kSeedText = "seed/quang-ninh-party-building.ko.txt";
const fs::path kSeedGold = "seed/quang-ninh-party-building.ko.gold.jsonl";

class Seed : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(testing::shared_dir() / kSeedText)) {
      GTEST_SKIP() << "the seed article is not here (" << (testing::shared_dir() / kSeedText)
                   << "); it is in ../shared beside the project in CI";
    }
    text_ = testing::read_file(testing::shared_dir() / kSeedText);
    std::istringstream gold(testing::read_file(testing::shared_dir() / kSeedGold));
    for (std::string line; std::getline(gold, line);) {
      if (!line.empty()) gold_.push_back(Json::parse(line));
    }
    Extractor ex = ExtractorBuilder().packs(testing::project_packs()).build();
    CollectingSink sink;
    ex.run("seed", text_, sink);
    for (const Figure& f : sink.figures) got_.push_back(Json::parse(figure_to_json(f)));
  }

  const Json* ours_at(const Json& g) const {
    for (const Json& r : got_) {
      if (r["start"] == g["start"] && r["end"] == g["end"]) return &r;
    }
    return nullptr;
  }

  std::string text_;
  std::vector<Json> gold_, got_;
};

TEST_F(Seed, EveryReferenceFigureIsFoundWithItsValueUnitSubjectAndQualifier) {
  ASSERT_EQ(gold_.size(), 37u);
  for (const Json& g : gold_) {
    const Json* r = ours_at(g);
    ASSERT_NE(r, nullptr) << "missing: " << g.dump();
    EXPECT_EQ((*r)["text"], g["text"]);
    EXPECT_EQ((*r)["kind"], g["kind"]) << g["text"];
    for (const char* field : {"value", "from", "to", "date", "unit", "qualifier"}) {
      if (g.contains(field)) {
        EXPECT_EQ((*r)[field], g[field]) << g["text"] << ": " << field;
      }
    }
    if (g.contains("subject")) {
      // RECORD.md: modifiers that narrow the subject may stay, so ours may end with the gold one.
      std::string ours = (*r)["subject"].is_string() ? (*r)["subject"].get<std::string>() : "";
      std::string want = g["subject"];
      EXPECT_TRUE(ours == want || (ours.size() > want.size() && ours.substr(ours.size() - want.size()) == want &&
                                   ours[ours.size() - want.size() - 1] == ' '))
          << g["text"] << ": subject " << ours << ", reference " << want;
    }
  }
}

TEST_F(Seed, NoFigureBeyondTheReference) {
  for (const Json& r : got_) {
    bool known = false;
    for (const Json& g : gold_) known = known || (r["start"] == g["start"] && r["end"] == g["end"]);
    EXPECT_TRUE(known) << "not in the reference: " << r.dump();
  }
}

TEST_F(Seed, FirstExampleOfRecordMdHasItsOffsets) {
  // RECORD.md's first example: 4,925개 at code points 663-669, bytes 1587-1595.
  for (const Json& r : got_) {
    if (r["text"] != "4,925개") continue;
    EXPECT_EQ(r["start"], 663);
    EXPECT_EQ(r["end"], 669);
    EXPECT_EQ(r["byte_start"], 1587);
    EXPECT_EQ(r["byte_end"], 1595);
    EXPECT_EQ(r["subject"], "당 세포");
    return;
  }
  ADD_FAILURE() << "4,925개 not found";
}

}  // namespace
}  // namespace sosu
