// Golden tests: every corpora/<lang>/<name>.txt against <name>.expected.jsonl, field by field.
// Expectations change on purpose only: tools/update_golden.sh rewrites them for review.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "test_support.h"

namespace sosu {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::vector<fs::path> golden_documents() {
  std::vector<fs::path> docs;
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_dir() / "corpora")) {
    if (entry.path().extension() == ".txt") docs.push_back(entry.path());
  }
  std::sort(docs.begin(), docs.end());
  return docs;
}

std::vector<Json> read_jsonl(const std::string& text) {
  std::vector<Json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(Json::parse(line));
  }
  return out;
}

class Golden : public ::testing::TestWithParam<fs::path> {};

TEST_P(Golden, MatchesExpectedRecordsFieldByField) {
  const fs::path doc = GetParam();
  fs::path expected_path = doc;
  expected_path.replace_extension(".expected.jsonl");
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path << " is missing: run tools/update_golden.sh";
  const std::string id = fs::relative(doc, testing::source_dir() / "corpora").string();

  Extractor ex = ExtractorBuilder().packs(testing::project_packs()).build();
  CollectingSink sink;
  ex.run(id, testing::read_file(doc), sink);
  std::vector<Json> got;
  for (const Figure& f : sink.figures) got.push_back(Json::parse(figure_to_json(f)));
  std::vector<Json> want = read_jsonl(testing::read_file(expected_path));

  const std::size_t n = std::min(got.size(), want.size());
  for (std::size_t i = 0; i < n; ++i) {
    for (auto it = want[i].begin(); it != want[i].end(); ++it) {
      EXPECT_EQ(got[i].value(it.key(), Json()), it.value())
          << id << ": record " << i << " (" << want[i]["text"] << "): field " << it.key();
    }
    for (auto it = got[i].begin(); it != got[i].end(); ++it) {
      EXPECT_TRUE(want[i].contains(it.key()))
          << id << ": record " << i << " (" << got[i]["text"] << "): unexpected field " << it.key();
    }
  }
  for (std::size_t i = n; i < want.size(); ++i) ADD_FAILURE() << id << ": missing record " << want[i].dump();
  for (std::size_t i = n; i < got.size(); ++i) ADD_FAILURE() << id << ": extra record " << got[i].dump();
}

INSTANTIATE_TEST_SUITE_P(Corpora, Golden, ::testing::ValuesIn(golden_documents()),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                           std::string name = param_info.param.parent_path().filename().string() + "_" +
                                              param_info.param.stem().string();
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(GoldenCorpora, EachLanguageHasAtLeastThreeDocuments) {
  std::size_t ko = 0;
  for (const fs::path& p : golden_documents()) ko += p.parent_path().filename() == "ko";
  EXPECT_GE(ko, 3u);
}

}  // namespace
}  // namespace sosu
