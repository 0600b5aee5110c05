// Checking published figures (issue 8): sosu check on documents of our own with planted
// errors and on clean ones, which must raise no alarm; sosu compare on a Vietnamese source
// and its Korean translation, faithful and altered.
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace sosu {
namespace {

std::string cli() { return std::string(SOSU_CLI_PATH) + " "; }
std::string doc(const std::string& name) { return (testing::test_data_dir() / "data" / "check" / name).string(); }

std::vector<nlohmann::json> run_json(const std::string& args, int* status) {
  std::string out, err;
  *status = testing::run_command(cli() + args, &out, &err);
  std::vector<nlohmann::json> lines;
  for (std::size_t start = 0; start < out.size();) {
    const std::size_t end = out.find('\n', start);
    lines.push_back(nlohmann::json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}

TEST(Check, CleanDocumentsRaiseNoAlarm) {
  for (const char* name : {"ko-budget-clean.txt", "vi-party-clean.txt"}) {
    int status = -1;
    auto findings = run_json("check " + doc(name), &status);
    EXPECT_EQ(status, 0) << name;
    EXPECT_GE(findings.size(), 3u) << name;
    for (const auto& f : findings) EXPECT_EQ(f["verdict"], "holds") << name << ": " << f.dump();
  }
}

TEST(Check, OrdinaryTextRaisesNoAlarm) {
  // Our press and report documents: lists with 등 inside a noun (군·경찰 등 무장세력), "이 가운데"
  // subsets, percentages that are rates, not shares of one whole.
  int status = -1;
  auto findings = run_json("check " + (testing::source_dir() / "corpora" / "ko").string() + " " +
                               (testing::source_dir() / "corpora" / "vi").string(),
                           &status);
  EXPECT_EQ(status, 0);
  EXPECT_GE(findings.size(), 3u);
  for (const auto& f : findings) EXPECT_EQ(f["verdict"], "holds") << f.dump();
}

TEST(Check, PlantedErrorsAreFoundWithTheirFormula) {
  int status = -1;
  auto findings = run_json("check " + doc("ko-budget-errors.txt"), &status);
  EXPECT_EQ(status, 1);
  ASSERT_EQ(findings.size(), 6u);
  EXPECT_EQ(findings[0]["relation"], "total");  // a wrong total
  EXPECT_EQ(findings[0]["verdict"], "does_not_hold");
  EXPECT_EQ(findings[0]["formula"], "21조4310억원 + 30조2518억원 = 52조6828억원");
  EXPECT_EQ(findings[0]["computed"], "51682800000000");
  ASSERT_EQ(findings[0]["figures"].size(), 3u);
  EXPECT_EQ(findings[0]["figures"][2]["text"], "52조6828억원");
  EXPECT_EQ(findings[1]["relation"], "change");  // a change computed on the wrong base
  EXPECT_EQ(findings[1]["verdict"], "does_not_hold");
  EXPECT_NE(findings[1]["note"].get<std::string>().find("new value as base"), std::string::npos);
  EXPECT_EQ(findings[2]["relation"], "share");  // a wrong percentage
  EXPECT_EQ(findings[2]["verdict"], "does_not_hold");
  EXPECT_EQ(findings[2]["computed"], "25.6637");
  EXPECT_EQ(findings[3]["verdict"], "off_by_rounding");  // 25.66… printed 25.6: cut, not rounded
  EXPECT_NE(findings[3]["note"].get<std::string>().find("truncation"), std::string::npos);
  EXPECT_EQ(findings[4]["relation"], "sum_100");
  EXPECT_EQ(findings[4]["verdict"], "does_not_hold");
  EXPECT_EQ(findings[4]["computed"], "98.2000");
  EXPECT_EQ(findings[5]["relation"], "change");  // 3.24% of a 1조7120억원 rise to 51조7660억원 is 3.42%
  EXPECT_EQ(findings[5]["verdict"], "does_not_hold");
  EXPECT_EQ(findings[5]["computed"], "3.42031");
}

TEST(Check, VietnameseTotalsAndShares) {
  int status = -1;
  auto findings = run_json("check " + doc("vi-party-errors.txt"), &status);
  EXPECT_EQ(status, 1);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0]["formula"], "212 + 305 = 518");  // exact counts: 517 is not 518
  EXPECT_EQ(findings[0]["verdict"], "does_not_hold");
  EXPECT_EQ(findings[1]["formula"], "388 / 418 × 100 = 93,8%");
  EXPECT_EQ(findings[1]["verdict"], "does_not_hold");
  EXPECT_EQ(findings[2]["formula"], "611 / 640 × 100 = 95,46%");
  EXPECT_EQ(findings[2]["verdict"], "off_by_rounding");
}

TEST(Compare, AFaithfulTranslationMatchesFigureForFigure) {
  int status = -1;
  auto alignments = run_json("compare " + doc("vi-source.txt") + " " + doc("ko-translation-clean.txt"), &status);
  EXPECT_EQ(status, 0);
  ASSERT_EQ(alignments.size(), 5u);
  for (const auto& a : alignments) EXPECT_EQ(a["alignment"], "matched") << a.dump();
  EXPECT_EQ(alignments[0]["a"]["text"], "4.925");
  EXPECT_EQ(alignments[0]["b"]["text"], "4,925개");
  EXPECT_EQ(alignments[3]["a"]["text"], "1,5 tỷ đồng");
  EXPECT_EQ(alignments[3]["b"]["text"], "15억동");
}

TEST(Compare, AChangedNumberAndADroppedFigureAreReported) {
  int status = -1;
  auto alignments = run_json("compare " + doc("vi-source.txt") + " " + doc("ko-translation-errors.txt"), &status);
  EXPECT_EQ(status, 1);
  ASSERT_EQ(alignments.size(), 5u);
  EXPECT_EQ(alignments[0]["alignment"], "changed");  // 4.925 turned into the decimal 4.925
  EXPECT_EQ(alignments[0]["b"]["value"], 4.925);
  EXPECT_EQ(alignments[2]["alignment"], "changed");  // 91,7% became 97.1%
  EXPECT_EQ(alignments[4]["alignment"], "only_in_a");  // the dropped 137 đảng viên
  EXPECT_EQ(alignments[4]["a"]["text"], "137");
  std::string out, err;
  EXPECT_EQ(testing::run_command(cli() + "compare --format text " + doc("vi-source.txt") + " " +
                                     doc("ko-translation-errors.txt"),
                                 &out, &err),
            1);
  EXPECT_NE(out.find("compare: 2 matched, 2 changed, 1 only in"), std::string::npos) << out;
  EXPECT_EQ(testing::run_command(cli() + "compare " + doc("vi-source.txt"), &out, &err), 2);
}

}  // namespace
}  // namespace sosu
