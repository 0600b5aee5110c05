// The command line: help, version, flags, stdin, directories, text and tokenize, exit codes,
// and a closed pipe.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace sosu {
namespace {

using testing::cli;
using testing::quoted;
using testing::run_command;

std::filesystem::path fixture(const std::string& name) { return testing::error_fixture(name); }

TEST(Cli, HelpListsCommandsAndFlagsByConcern) {
  std::string out;
  EXPECT_EQ(run_command(cli() + "--help", &out), 0);
  for (const char* s : {"sosu extract", "sosu tokenize", "sosu text", "sosu packs check", "Input:", "Patterns:",
                        "Diagnostics:", "--lang LANG", "--patterns DIR"}) {
    EXPECT_NE(out.find(s), std::string::npos) << s;
  }
}

TEST(Cli, VersionNamesToolAndPackVersions) {
  std::string out;
  EXPECT_EQ(run_command(cli() + "--version", &out), 0);
  EXPECT_EQ(out.rfind(std::string("sosu ") + version() + "\n", 0), 0u) << out;
  EXPECT_NE(out.find("ko/count 1"), std::string::npos) << out;
}

TEST(Cli, UnknownFlagAndMissingCommandAreUsageErrors) {
  std::string out, err;
  EXPECT_EQ(run_command(cli() + "extract --frobnicate x", &out, &err), 2);
  EXPECT_EQ(out, "");
  EXPECT_EQ(err, "sosu: unknown flag --frobnicate (see sosu --help)\n");
  EXPECT_EQ(run_command(cli(), &out, &err), 2);
  EXPECT_EQ(err, "sosu: no command given (see sosu --help)\n");
  EXPECT_EQ(run_command(cli() + "extract", &out, &err), 2);
  EXPECT_EQ(err, "sosu: extract needs at least one PATH (- for standard input) (see sosu --help)\n");
  EXPECT_EQ(run_command(cli() + "extract --lang", &out, &err), 2);
  EXPECT_NE(err.find("--lang needs a value LANG"), std::string::npos);
}

TEST(Cli, ReadsStandardInput) {
  std::string out;
  EXPECT_EQ(run_command(cli() + "extract -", &out, nullptr, "동지 5명을 임명했다.\n"), 0);
  nlohmann::json r = nlohmann::json::parse(out);
  EXPECT_EQ(r["doc"], "-");
  EXPECT_EQ(r["text"], "5명");
  EXPECT_EQ(r["subject"], "동지");
  EXPECT_EQ(r["start"], 3);
  EXPECT_EQ(r["byte_start"], 7);
}

TEST(Cli, InvalidStandardInputIsReported) {
  std::string out, err;
  EXPECT_EQ(run_command(cli() + "extract -", &out, &err, "ok 5명 \xFF"), 2);
  EXPECT_EQ(err, "sosu: -: byte 8 (line 1, col 7): invalid UTF-8 (FF), and no legacy encoding reads it (name one with --encoding); "
            "document skipped\n");
  EXPECT_EQ(out, "");
}

TEST(Cli, DirectoriesAreReadRecursivelyInSortedOrder) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("sosu-dir-" + std::to_string(::getpid()));
  fs::create_directories(dir / "b" / "inner");
  fs::create_directories(dir / "a");
  std::ofstream(dir / "b" / "inner" / "z.txt") << "학생 3명\n";
  std::ofstream(dir / "b" / "c.txt") << "학생 2명\n";
  std::ofstream(dir / "a" / "y.txt") << "학생 1명\n";
  std::string out;
  EXPECT_EQ(run_command(cli() + "extract " + quoted(dir), &out), 0);
  fs::remove_all(dir);
  std::istringstream lines(out);
  std::vector<std::string> docs;
  for (std::string line; std::getline(lines, line);) docs.push_back(nlohmann::json::parse(line)["doc"]);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0], (dir / "a" / "y.txt").string());
  EXPECT_EQ(docs[1], (dir / "b" / "c.txt").string());
  EXPECT_EQ(docs[2], (dir / "b" / "inner" / "z.txt").string());
}

TEST(Cli, TextPrintsThePlainDocumentByteForByte) {
  std::string out;
  EXPECT_EQ(run_command(cli() + "text " + quoted(fixture("bom.txt")), &out), 0);
  EXPECT_EQ(out, testing::read_file(fixture("bom.txt")));
}

TEST(Cli, TokenizeWritesTokensWithOffsetsAndTypes) {
  std::string out;
  EXPECT_EQ(run_command(cli() + "tokenize -", &out, nullptr, "당원 1,061명을 받아들였다.\n둘째 91.7%"), 0);
  std::istringstream lines(out);
  std::vector<nlohmann::json> tokens;
  for (std::string line; std::getline(lines, line);) tokens.push_back(nlohmann::json::parse(line));
  ASSERT_GE(tokens.size(), 5u);
  EXPECT_EQ(tokens[0]["text"], "당원");
  EXPECT_EQ(tokens[0]["type"], "word");
  EXPECT_EQ(tokens[0]["sentence"], 0);
  EXPECT_EQ(tokens[0]["lang"], "ko");
  EXPECT_EQ(tokens[0]["start"], 0);
  EXPECT_EQ(tokens[0]["byte_end"], 6);
  const nlohmann::json& last = tokens.back();
  EXPECT_EQ(last["sentence"], 1);
  EXPECT_EQ(last["type"], "punct");
  EXPECT_EQ(last["text"], "%");
  bool found_number = false;
  for (const auto& t : tokens) found_number = found_number || (t["text"] == "91.7" && t["type"] == "number");
  EXPECT_TRUE(found_number) << out;
}

TEST(Cli, PatternsFlagOverridesRules) {
  std::string out;
  EXPECT_EQ(run_command(cli() + "extract --patterns " +
                            quoted(testing::test_data_dir() / "errors" / "bad_packs" / "override") + " -",
                        &out, nullptr, "조직 725개, 업체 1,250곳\n"),
            0);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);  // 725개 is no count any more
  EXPECT_NE(out.find("\"text\":\"1,250곳\""), std::string::npos);
}

TEST(Cli, ClosedPipeEndsTheRunQuietly) {
  std::string input;
  for (int i = 0; i < 200000; ++i) input += "학생 283명이 입당했다.\n";
  std::string out, err;
  int status = run_command("set -o pipefail; " + cli() + "extract - | head -n 1", &out, &err, input);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
  EXPECT_EQ(err, "");
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

TEST(Cli, InstalledBinaryFindsThePacksBesideIt) {
  // An installed layout: PREFIX/bin/sosu and PREFIX/share/sosu/patterns, run from elsewhere.
  // A marker pack with its own version proves which packs were found.
  namespace fs = std::filesystem;
  fs::path prefix = fs::temp_directory_path() / ("sosu-prefix-" + std::to_string(::getpid()));
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "share" / "sosu");
  fs::copy_file(SOSU_CLI_PATH, prefix / "bin" / "sosu");
  fs::copy(testing::patterns_dir(), prefix / "share" / "sosu" / "patterns", fs::copy_options::recursive);
  std::ofstream(prefix / "share" / "sosu" / "patterns" / "ko" / "marker.xml")
      << "<pack lang=\"ko\" kind=\"number\" version=\"77\"/>\n";
  std::string out;
  int status = run_command("cd / && env -u SOSU_PATTERNS_DIR " + quoted(prefix / "bin" / "sosu") + " --version", &out);
  std::string extracted;
  int extract_status = run_command("cd / && env -u SOSU_PATTERNS_DIR " + quoted(prefix / "bin" / "sosu") + " extract -",
                                   &extracted, nullptr, "학생 283명\n");
  fs::remove_all(prefix);
  EXPECT_EQ(status, 0);
  EXPECT_NE(out.find("ko/number 77"), std::string::npos) << out;
  EXPECT_EQ(extract_status, 0);
  EXPECT_NE(extracted.find("\"value\":283"), std::string::npos);
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

TEST(Cli, RefDateResolvesRelativeTimes) {
  std::string out, err;
  EXPECT_EQ(run_command(cli() + "extract --ref-date 2024-03-15 -", &out, &err, "지난해 당원 2,315명이 입당했다.\n"), 0);
  std::istringstream lines(out);
  std::string year_line, count_line;
  std::getline(lines, year_line);
  std::getline(lines, count_line);
  nlohmann::json year = nlohmann::json::parse(year_line);
  EXPECT_EQ(year["text"], "지난해");
  EXPECT_EQ(year["value"], 2023);
  EXPECT_EQ(year["date"], "2023");
  nlohmann::json r = nlohmann::json::parse(count_line);
  EXPECT_EQ(r["time"]["text"], "지난해");
  EXPECT_EQ(r["time"]["date"], "2023");
  EXPECT_EQ(run_command(cli() + "extract --ref-date 2024-02-30 -", &out, &err, ""), 2);
  EXPECT_EQ(err, "sosu: --ref-date takes a date as YYYY-MM-DD, not 2024-02-30 (see sosu --help)\n");
}

}  // namespace
}  // namespace sosu
