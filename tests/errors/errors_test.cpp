// Bad input gets one clear diagnostic naming the file and the place; the run goes on with the
// other documents and exits 2 at the end. Each ErrorCode is checked on code, offset and message.
#include <gtest/gtest.h>

#include "test_support.h"

namespace sosu {
namespace {

using testing::cli;
using testing::quoted;
using testing::run_command;

std::filesystem::path fixture(const std::string& name) { return testing::error_fixture(name); }

TEST(Errors, InvalidUtf8IsReportedWithOffsetLineColumnAndBytes) {
  std::string out, err;
  int status = run_command(cli() + "extract " + quoted(fixture("invalid_utf8.txt")), &out, &err);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(out, "");
  EXPECT_EQ(err, "sosu: " + fixture("invalid_utf8.txt").string() +
                     ": byte 27 (line 2, col 8): invalid UTF-8 (C3 28), and no legacy encoding reads it (name one with "
                "--encoding); document skipped\n");
}

TEST(Errors, BinaryFileIsReportedAtItsNulByte) {
  std::string err;
  EXPECT_EQ(run_command(cli() + "extract " + quoted(fixture("binary.bin")), nullptr, &err), 2);
  EXPECT_EQ(err, "sosu: " + fixture("binary.bin").string() + ": byte 3 (line 1, col 4): binary file (NUL byte); document skipped\n");
}

TEST(Errors, TruncatedSequenceAtTheEnd) {
  std::string err;
  EXPECT_EQ(run_command(cli() + "extract " + quoted(fixture("truncated_utf8.txt")), nullptr, &err), 2);
  EXPECT_EQ(err, "sosu: " + fixture("truncated_utf8.txt").string() +
                     ": byte 12 (line 2, col 1): invalid UTF-8 (EB 8B) cut off by the end of the input, and no legacy encoding reads it "
                "(name one with --encoding); document skipped\n");
}

TEST(Errors, EmptyFileIsNoErrorAndNoRecords) {
  std::string out, err;
  EXPECT_EQ(run_command(cli() + "extract " + quoted(fixture("empty.txt")), &out, &err), 0);
  EXPECT_EQ(out, "");
  EXPECT_EQ(err, "");
}

TEST(Errors, BadDocumentsAreSkippedAndTheOthersGoOn) {
  std::string out, err;
  int status = run_command(cli() + "extract " + quoted(fixture("good.txt")) + " " + quoted(fixture("invalid_utf8.txt")) +
                               " " + quoted(fixture("binary.bin")) + " " + quoted(fixture("empty.txt")) + " " +
                               quoted(fixture("bom.txt")),
                           &out, &err);
  EXPECT_EQ(status, 2);
  // good.txt's 318개 and bom.txt's 283명, in input order.
  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 2);
  EXPECT_NE(out.find("\"text\":\"318개\""), std::string::npos);
  EXPECT_LT(out.find("318개"), out.find("283명"));
  // The BOM counts in the offsets: 학생 283명 starts after 3 bytes and 1 code point.
  EXPECT_NE(out.find("\"start\":4,\"end\":8,\"byte_start\":10,\"byte_end\":16"), std::string::npos) << out;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 2) << err;
}

TEST(Errors, MissingInputIsReportedAndTheRunGoesOn) {
  std::string out, err;
  int status = run_command(cli() + "extract /no/such/file.txt " + quoted(fixture("good.txt")), &out, &err);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(err, "sosu: /no/such/file.txt: no such file or directory\n");
  EXPECT_NE(out.find("318개"), std::string::npos);
}

TEST(Errors, BadPatternPacksStopTheRunBeforeAnyInputIsRead) {
  std::string out, err;
  int status = run_command(cli() + "extract --patterns " +
                               quoted(testing::test_data_dir() / "errors" / "bad_packs" / "multiple_problems") + " " +
                               quoted(fixture("good.txt")),
                           &out, &err);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(out, "");
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 2) << err;
  EXPECT_NE(err.find("b.xml: line 4, col 1: undefined fragment ${undefined_here}"), std::string::npos) << err;
  EXPECT_NE(err.find("a.xml: line 4, col 1: rule ko/count/first: regex does not compile"), std::string::npos) << err;
}

TEST(Errors, FailingPackExamplesFailPacksCheck) {
  std::string out, err;
  int status = run_command(cli() + "packs check " +
                               quoted(testing::test_data_dir() / "errors" / "bad_packs" / "failing_example"),
                           &out, &err);
  EXPECT_EQ(status, 2);
  EXPECT_EQ(out, "packs: 1 rules, 2 examples, 2 failing\n");
  EXPECT_NE(err.find("example.xml: line 5, col 1: rule ko/count/wrong_example: example \"사과 12개\": expected value=13"),
            std::string::npos)
      << err;
}

TEST(Errors, HugeFileIsStreamedAndEveryFigureFound) {
  // 10 MiB: twenty 512 KiB pieces, so piece boundaries and sentence numbering are exercised (the
  // flat memory of far larger inputs is measured by the benchmark, not here).
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("sosu-huge-" + std::to_string(::getpid()) + ".txt");
  const std::string line = "도내 기층당 조직이 725개, 당 세포가 4,925개 있었다. 입당 비율은 3.2% 이상이다.\n";
  std::size_t lines = 0;
  {
    std::ofstream out(path, std::ios::binary);
    for (std::size_t written = 0; written < (std::size_t{10} << 20); written += line.size(), ++lines) out << line;
  }
  std::string out, err;
  int status = run_command(cli() + "extract " + quoted(path) + " | wc -l", &out, &err);
  std::filesystem::remove(path);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(err, "");
  EXPECT_EQ(std::stoull(out), lines * 3);
}

}  // namespace
}  // namespace sosu
