// sosu::Utf8Checker: streaming validation with exact byte offsets, line:column and the
// offending bytes, across feed() boundaries.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sosu/read.h"

namespace sosu {
namespace {

// Checks `bytes` in one feed plus finish(); returns the first error.
std::optional<Error> check_all(std::string_view bytes) {
  Utf8Checker checker("t.txt");
  if (auto err = checker.feed(bytes)) return err;
  return checker.finish();
}

// Asserts every field of an error in one place, so a failure shows the whole record.
void expect_error(const std::optional<Error>& err, ErrorCode code, std::uint64_t byte_offset,
                  std::uint64_t line, std::uint64_t col, const std::string& hex) {
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(err->code, code);
  EXPECT_EQ(err->file, "t.txt");
  ASSERT_TRUE(err->byte_offset.has_value());
  EXPECT_EQ(*err->byte_offset, byte_offset);
  ASSERT_TRUE(err->line_col.has_value());
  EXPECT_EQ(err->line_col->line, line);
  EXPECT_EQ(err->line_col->col, col);
  if (!hex.empty()) {
    EXPECT_NE(err->message.find("(" + hex + ")"), std::string::npos) << err->message;
  }
}

TEST(Utf8Checker, AcceptsAscii) {
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("Plain ASCII text, 4925 and 91.7%.\nSecond line.\n").has_value());
  EXPECT_FALSE(checker.finish().has_value());
  EXPECT_EQ(checker.bytes_seen(), 47u);
}

TEST(Utf8Checker, AcceptsHangulAndVietnamese) {
  const std::string text =
      "전 성에는 기층당 조직이 725개 있었다.\n"
      "Toàn tỉnh có 725 tổ chức cơ sở đảng, đạt 91,7%.\n"
      "Emoji past the BMP: \xF0\x9F\x98\x80 and U+10FFFF: \xF4\x8F\xBF\xBF.";
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed(text).has_value());
  EXPECT_FALSE(checker.finish().has_value());
  EXPECT_EQ(checker.bytes_seen(), text.size());
}

TEST(Utf8Checker, AcceptsEmptyInput) {
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("").has_value());
  EXPECT_FALSE(checker.finish().has_value());
  EXPECT_EQ(checker.bytes_seen(), 0u);
}

TEST(Utf8Checker, ReportsBadContinuationWithOffsetLineAndColumn) {
  // "ab가" is 5 bytes and 3 code points; C3 must be followed by 80..BF, not '('.
  std::optional<Error> err = check_all("ab\xEA\xB0\x80\xC3\x28 rest");
  expect_error(err, ErrorCode::kInvalidUtf8, 5, 1, 4, "C3 28");
  EXPECT_NE(err->message.find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(err->to_string(), "t.txt: byte 5 (line 1, col 4): " + err->message);
}

TEST(Utf8Checker, CountsLinesAndColumnsInCodePoints) {
  // Line 3 starts at byte 11; "다라" is two code points, so the bad byte is in column 3.
  std::optional<Error> err = check_all("가나\nabc\n다라\xFF");
  expect_error(err, ErrorCode::kInvalidUtf8, 17, 3, 3, "FF");
}

// A line break or NUL at any position of a long ASCII run is counted where it is.
TEST(Utf8Checker, CountsLinesAndColumnsAcrossLongAsciiRuns) {
  const std::string run = "The province has 4,925 party cells";  // 35 bytes
  for (std::size_t at = 0; at < 16; ++at) {
    std::string text = run;
    text.insert(at, "\n");
    // Line 2 starts after the break; the bad byte follows the rest of the run.
    expect_error(check_all(text + "\xFF"), ErrorCode::kInvalidUtf8, run.size() + 1, 2, run.size() - at + 1, "FF");
    std::string with_nul = run;
    with_nul.insert(at, std::string(1, '\0'));
    expect_error(check_all(with_nul), ErrorCode::kBinaryFile, at, 1, at + 1, "");
  }
  expect_error(check_all(std::string(64, 'a') + "\xC0"), ErrorCode::kInvalidUtf8, 64, 1, 65, "C0");
}

TEST(Utf8Checker, ReportsOverlongWithOffset) {
  // C0 can never start a sequence: it is reported alone.
  expect_error(check_all("x\xC0\x80"), ErrorCode::kInvalidUtf8, 1, 1, 2, "C0");
  expect_error(check_all("\xC1\xBF"), ErrorCode::kInvalidUtf8, 0, 1, 1, "C1");
  // E0 80 80 would be an overlong U+0000: E0 must be followed by A0..BF.
  expect_error(check_all("ab\xE0\x80\x80"), ErrorCode::kInvalidUtf8, 2, 1, 3, "E0 80");
  // F0 80 80 80: overlong four-byte form.
  expect_error(check_all("\xF0\x80\x80\x80"), ErrorCode::kInvalidUtf8, 0, 1, 1, "F0 80");
}

TEST(Utf8Checker, ReportsSurrogateWithOffset) {
  // ED A0 80 would be U+D800.
  expect_error(check_all("가\xED\xA0\x80"), ErrorCode::kInvalidUtf8, 3, 1, 2, "ED A0");
  // ED 9F BF is U+D7FF, the last code point before the surrogates: valid.
  EXPECT_FALSE(check_all("\xED\x9F\xBF").has_value());
}

// Hangul syllables take a shorter path than other sequences: a bad byte in the second or
// third place of one is still found, with its line and column after earlier feeds.
TEST(Utf8Checker, ReportsBadHangulContinuation) {
  expect_error(check_all("가나\n다\xEB\x9D\x41"), ErrorCode::kInvalidUtf8, 10, 2, 2, "EB 9D 41");
  expect_error(check_all("\xEA\x41\x80"), ErrorCode::kInvalidUtf8, 0, 1, 1, "EA 41");
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("첫 줄\n둘째 줄 ").has_value());  // 19 bytes; line 2 ends at column 6
  expect_error(checker.feed("셋\xEC\xC0"), ErrorCode::kInvalidUtf8, 22, 2, 7, "EC C0");
}

TEST(Utf8Checker, ReportsCodePointPastMaximum) {
  // F4 90 80 80 would be U+110000.
  expect_error(check_all("12\xF4\x90\x80\x80"), ErrorCode::kInvalidUtf8, 2, 1, 3, "F4 90");
  // F5..FF never start a sequence.
  expect_error(check_all("\xF5\x80\x80\x80"), ErrorCode::kInvalidUtf8, 0, 1, 1, "F5");
}

TEST(Utf8Checker, ReportsLoneContinuation) {
  expect_error(check_all("abc\x80"), ErrorCode::kInvalidUtf8, 3, 1, 4, "80");
  expect_error(check_all("\n\n\xBF"), ErrorCode::kInvalidUtf8, 2, 3, 1, "BF");
}

TEST(Utf8Checker, ReportsNulAsBinaryFile) {
  std::optional<Error> err = check_all(std::string("line one\nab\0cd", 15));
  expect_error(err, ErrorCode::kBinaryFile, 11, 2, 3, "");
  EXPECT_NE(err->message.find("NUL"), std::string::npos) << err->message;
}

TEST(Utf8Checker, AcceptsSequenceSplitAcrossFeeds) {
  // 가 = EA B0 80, split after every possible byte.
  const std::string text = "ab가cd";
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    Utf8Checker checker("t.txt");
    EXPECT_FALSE(checker.feed(std::string_view(text).substr(0, cut)).has_value()) << cut;
    EXPECT_FALSE(checker.feed(std::string_view(text).substr(cut)).has_value()) << cut;
    EXPECT_FALSE(checker.finish().has_value()) << cut;
    EXPECT_EQ(checker.bytes_seen(), text.size()) << cut;
  }
}

TEST(Utf8Checker, AcceptsFourByteSequenceFedOneByteAtATime) {
  const std::string text = "\xF0\x9F\x98\x80z\xF0\x9F\x98\x80";
  Utf8Checker checker("t.txt");
  for (char c : text) EXPECT_FALSE(checker.feed(std::string_view(&c, 1)).has_value());
  EXPECT_FALSE(checker.finish().has_value());
  EXPECT_EQ(checker.bytes_seen(), 9u);
}

TEST(Utf8Checker, ReportsBadSequenceSplitAcrossFeedsAtItsStart) {
  // E0 in one feed, 80 80 in the next: the error points at E0, in the first feed.
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("ab\xE0").has_value());
  expect_error(checker.feed("\x80\x80"), ErrorCode::kInvalidUtf8, 2, 1, 3, "E0 80");
}

TEST(Utf8Checker, ReportsSequenceCutOffByFinish) {
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("x\n가\xEA\xB0").has_value());
  std::optional<Error> err = checker.finish();
  expect_error(err, ErrorCode::kInvalidUtf8, 5, 2, 2, "EA B0");
  EXPECT_NE(err->message.find("cut off"), std::string::npos) << err->message;
}

TEST(Utf8Checker, ReportsSequenceCutOffAfterSeveralFeeds) {
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("ab").has_value());
  EXPECT_FALSE(checker.feed("\xF0").has_value());
  EXPECT_FALSE(checker.feed("\x9F").has_value());
  EXPECT_FALSE(checker.feed("").has_value());
  EXPECT_EQ(checker.bytes_seen(), 4u);
  expect_error(checker.finish(), ErrorCode::kInvalidUtf8, 2, 1, 3, "F0 9F");
}

TEST(Utf8Checker, KeepsOffsetsAcrossSeveralFeeds) {
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("ab\n").has_value());     // bytes 0-2
  EXPECT_FALSE(checker.feed("가나").has_value());     // bytes 3-8, line 2 cols 1-2
  EXPECT_FALSE(checker.feed("\n다").has_value());     // bytes 9-12, line 3 col 1
  EXPECT_EQ(checker.bytes_seen(), 13u);
  expect_error(checker.feed("x\xC3\x28"), ErrorCode::kInvalidUtf8, 14, 3, 3, "C3 28");
}

TEST(Utf8Checker, KeepsOffsetsAfterASplitSequence) {
  // 가 split 1+2 across feeds, then a bad byte: offsets and columns count 가 once.
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("a\xEA").has_value());
  EXPECT_FALSE(checker.feed("\xB0\x80").has_value());
  EXPECT_EQ(checker.bytes_seen(), 4u);
  expect_error(checker.feed("b\x80"), ErrorCode::kInvalidUtf8, 5, 1, 4, "80");
}

TEST(Utf8Checker, ReportsNulAfterSeveralFeeds) {
  Utf8Checker checker("t.txt");
  EXPECT_FALSE(checker.feed("hello\n").has_value());
  expect_error(checker.feed(std::string_view("wo\0", 3)), ErrorCode::kBinaryFile, 8, 2, 3, "");
}

// The first problem in `bytes` by Unicode's Table 3-7, written out plainly: where it starts
// and what it is. The checker, which reads most text many bytes at a time, must agree.
std::optional<std::pair<std::size_t, ErrorCode>> first_problem(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b == 0) return std::make_pair(i, ErrorCode::kBinaryFile);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char second_low = 0x80, second_high = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      length = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      length = 3;
      if (b == 0xE0) second_low = 0xA0;
      if (b == 0xED) second_high = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      length = 4;
      if (b == 0xF0) second_low = 0x90;
      if (b == 0xF4) second_high = 0x8F;
    } else {
      return std::make_pair(i, ErrorCode::kInvalidUtf8);
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= bytes.size()) return std::make_pair(i, ErrorCode::kInvalidUtf8);
      const auto c = static_cast<unsigned char>(bytes[i + k]);
      const unsigned char low = k == 1 ? second_low : 0x80, high = k == 1 ? second_high : 0xBF;
      if (c < low || c > high) return std::make_pair(i, ErrorCode::kInvalidUtf8);
    }
    i += length;
  }
  return std::nullopt;
}

// Compares the checker with first_problem on `bytes`, fed in two parts cut at `cut`.
::testing::AssertionResult agrees(std::string_view bytes, std::size_t cut) {
  Utf8Checker checker("t.txt");
  std::optional<Error> err = checker.feed(bytes.substr(0, cut));
  if (!err) err = checker.feed(bytes.substr(cut));
  if (!err) err = checker.finish();
  const auto expected = first_problem(bytes);
  auto hex = [&] {
    std::string out;
    for (char c : bytes) out += std::to_string(static_cast<unsigned char>(c)) + " ";
    return out + "cut " + std::to_string(cut);
  };
  if (expected.has_value() != err.has_value()) {
    return ::testing::AssertionFailure() << (err ? "unexpected error: " + err->message : "missed a problem") << " in "
                                         << hex();
  }
  if (!expected) return ::testing::AssertionSuccess();
  if (err->code != expected->second || err->byte_offset != expected->first) {
    return ::testing::AssertionFailure() << "at byte " << err->byte_offset.value_or(0) << " (" << err->message
                                         << "), expected byte " << expected->first << " in " << hex();
  }
  return ::testing::AssertionSuccess();
}

// Well-formed text of one- to four-byte code points, ASCII lines among them.
const std::string kMixedText =
    "\xEA\xB8\xB0\xEC\xB8\xB5 4,925\xEA\xB0\x9C t\xE1\xBB\x95 ch\xE1\xBB\xA9" "c 91,7% \xC3\xA9\xF0\x9F\x98\x80\n"
    "\xF4\x8F\xBF\xBF\xED\x9F\xBF\xE0\xA0\x80\xF0\x90\x80\x80 \xC2\x80\xDF\xBF ab";

// Many bytes at a time, a problem is found in blocks of 32: every pair of bytes, and every
// sequence of up to four bytes made of the values at Table 3-7's edges, written across the
// first block boundary of well-formed text, must be judged as byte by byte.
TEST(Utf8Checker, AgreesWithTable37AroundTheBlockBoundary) {
  ASSERT_GE(kMixedText.size(), 40u);
  const std::vector<unsigned char> edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                            0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                            0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  std::size_t failures = 0;
  auto check = [&](const std::string& text) {
    if (failures < 5 && !agrees(text, text.size())) {
      ++failures;
      ADD_FAILURE() << agrees(text, text.size()).message();
    }
  };
  for (std::size_t at = 28; at <= 34; ++at) {
    for (int first = 0; first < 256; ++first) {
      for (int second = 0; second < 256; ++second) {
        std::string text = kMixedText;
        text[at] = static_cast<char>(first);
        text[at + 1] = static_cast<char>(second);
        check(text);
      }
    }
    for (unsigned char b0 : edges) {
      for (unsigned char b1 : edges) {
        for (unsigned char b2 : edges) {
          for (unsigned char b3 : edges) {
            std::string text = kMixedText;
            text.replace(at, 4, {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2),
                                 static_cast<char>(b3)});
            check(text);
          }
        }
      }
    }
  }
}

// Long well-formed texts with one or two bytes changed at random places, fed in two parts cut
// anywhere: the same first problem, at the same byte, as byte by byte.
TEST(Utf8Checker, AgreesWithTable37OnRandomDamage) {
  std::mt19937 random(20261206);
  std::string base;
  while (base.size() < 400) base += kMixedText;
  std::size_t failures = 0;
  for (int round = 0; round < 20000 && failures < 5; ++round) {
    std::string text = base.substr(0, std::uniform_int_distribution<std::size_t>(0, base.size())(random));
    const int changes = round % 3;  // none, one or two
    for (int k = 0; k < changes && !text.empty(); ++k) {
      text[std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random)] =
          static_cast<char>(std::uniform_int_distribution<int>(0, 255)(random));
    }
    const std::size_t cut = std::uniform_int_distribution<std::size_t>(0, text.size())(random);
    ::testing::AssertionResult result = agrees(text, cut);
    if (!result) {
      ++failures;
      ADD_FAILURE() << result.message();
    }
  }
}

}  // namespace
}  // namespace sosu
