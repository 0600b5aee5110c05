// Quality floors (tests/golden/floors.json): the evaluation numbers of the README may rise but
// not slide back unnoticed. Measured with tools/eval on ../shared, skipped without it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace sosu {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

class Floors : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(testing::shared_dir() / "corpora" / "ko_ner_dev.jsonl")) {
      GTEST_SKIP() << "the shared corpora are not here (" << testing::shared_dir() << "); CI has them";
    }
    floors_ = Json::parse(testing::read_file(testing::test_data_dir() / "golden" / "floors.json"));
  }
  Json eval(const std::string& args) {
    std::string out, err;
    int status = testing::run_command("SOSU_PATTERNS_DIR=" + testing::quoted(testing::patterns_dir()) + " " +
                                          std::string(SOSU_EVAL_PATH) + " " + args + " --json",
                                      &out, &err);
    EXPECT_EQ(status, 0) << err;
    return Json::parse(out);
  }
  double floor(const char* name) { return floors_.at(name).get<double>(); }
  Json floors_;
};

TEST_F(Floors, SeedArticle) {
  const fs::path seed = testing::shared_dir() / "seed";
  Json r = eval("record " + testing::quoted(seed / "quang-ninh-party-building.ko.txt") + " " +
                testing::quoted(seed / "quang-ninh-party-building.ko.gold.jsonl"));
  EXPECT_GE(r["exact"]["f1"].get<double>(), floor("seed_exact_f1"));
}

TEST_F(Floors, KoreanNewsRecall) {
  Json r = eval("spans " + testing::quoted(testing::shared_dir() / "corpora" / "ko_ner_dev.jsonl"));
  const Json& news = r["languages"]["ko"]["with_number"]["wikitree"];
  EXPECT_GE(news["QT"]["recall"].get<double>(), floor("ko_ner_dev_news_QT_recall"));
  EXPECT_GE(news["DT"]["recall"].get<double>(), floor("ko_ner_dev_news_DT_recall"));
}

TEST_F(Floors, VietnameseNumeralRecall) {
  Json r = eval("spans " + testing::quoted(testing::shared_dir() / "corpora" / "vi_dev.jsonl"));
  EXPECT_GE(r["languages"]["vi"]["with_number"]["all"]["NUM"]["recall"].get<double>(), floor("vi_dev_NUM_recall"));
}

}  // namespace
}  // namespace sosu
