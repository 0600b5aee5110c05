// internal::CodePointFinder skips what cannot be in its set, 32 bytes at a time: it must stop
// exactly where a plain decode-and-test walk would, on random text of every UTF-8 length, in
// the vector blocks and the tail, and for sets whose lead bytes the vector test cannot tell
// apart exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "text/code_point_finder.h"
#include "text/utf8.h"

namespace sosu::internal {
namespace {

// The documented answer, plainly: the first code point in [from, to) that is in the set, or
// beyond the BMP, or three bytes long and in a block of 64 that holds a member.
std::size_t plain_find(const std::function<bool(char32_t)>& in_set, std::string_view text, std::size_t from,
                       std::size_t to) {
  for (std::size_t i = from; i < to;) {
    const std::size_t start = i;
    const char32_t cp = decode_next(text.substr(0, to), i);
    if (cp >= 0x10000 || in_set(cp)) return start;
    if (cp >= 0x800) {
      for (char32_t other = cp & ~char32_t{0x3F}; other <= (cp | 0x3F); ++other) {
        if (in_set(other)) return start;
      }
    }
  }
  return to;
}

std::string random_text(std::mt19937& random, const std::vector<char32_t>& pool, std::size_t code_points) {
  std::string text;
  for (std::size_t k = 0; k < code_points; ++k) append_utf8(text, pool[random() % pool.size()]);
  return text;
}

// Code point starts of `text`, for `from` and `to`.
std::vector<std::size_t> starts_of(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); decode_next(text, i)) starts.push_back(i);
  starts.push_back(text.size());
  return starts;
}

void expect_plain_answers(const std::function<bool(char32_t)>& in_set, const std::vector<char32_t>& pool,
                          unsigned seed) {
  const CodePointFinder finder(in_set);
  std::mt19937 random(seed);
  std::size_t found = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(random, pool, 1 + random() % 120);
    const std::vector<std::size_t> starts = starts_of(text);
    const std::size_t from = starts[random() % starts.size()];
    std::size_t to = starts[random() % starts.size()];
    if (to < from) to = text.size();
    const std::size_t expected = plain_find(in_set, text, from, to);
    ASSERT_EQ(finder.find(text, from, to), expected) << "round " << round << ", from " << from << " to " << to;
    found += expected < to;
  }
  EXPECT_GT(found, 300u);  // the sets are found, not only passed over
  EXPECT_LT(found, 2900u);
}

// Mostly Hangul, spaces and digits with a few members: terminators, a combining mark, a
// separator, a CJK full stop; and neighbours of members that are not members.
const std::vector<char32_t> kPressPool = {U'가', U'나', U'한', U'힣', U' ', U' ', U'1', U'9', U'a', U'Z', U'.', U'!',
                                          U'\u0301', U'\u2028', U'\u3002', U'\u3001', U'ạ', U'ế', U'à', U'đ',
                                          U'\u00A0', U'\U0001F600', U'\u1E00', U'\uA66F', U'\uA640'};

TEST(CodePointFinder, StopsWhereADecodeAndTestWalkDoes) {
  expect_plain_answers([](char32_t cp) { return cp == '.' || cp == '!' || cp == 0x0301 || cp == 0x2028 || cp == 0x3002; },
                       kPressPool, 1);
}

TEST(CodePointFinder, TellsTwoByteMembersApartFromTheirNeighbours) {
  // à (C3 A0) is in the set, đ (C4 91) and Â (C3 82) are not: the second byte decides.
  const std::vector<char32_t> pool = {U'à', U'Â', U'đ', U'a', U'가', U' '};
  expect_plain_answers([](char32_t cp) { return cp == U'à'; }, pool, 2);
}

TEST(CodePointFinder, HandlesSetsTheVectorTestCannotSeparate) {
  // Members under more than eight different high nibbles with different low nibbles: the
  // vector test lets some non-members through, which must still be passed over.
  const std::vector<char32_t> members = {U'\x01', U'\x12', U'#', U'4', U'E', U'V', U'g', U'q', U'é', U'α', U'\u1E01', U'갂'};
  auto in_set = [&](char32_t cp) { return std::find(members.begin(), members.end(), cp) != members.end(); };
  std::vector<char32_t> pool = members;
  for (char32_t cp : {U'\x02', U'\x13', U'$', U'5', U'F', U'W', U'h', U'r', U'ê', U'β', U'\u1E41', U'곁', U'힣', U' '}) {
    pool.push_back(cp);
  }
  for (int k = 0; k < 30; ++k) pool.push_back(U'가' + static_cast<char32_t>(k * 97));
  expect_plain_answers(in_set, pool, 3);
}

// Built from ranges (one of a block of 64 is enough for three-byte code points), it finds
// what the same set given as a test of each code point finds.
TEST(CodePointFinder, RangesFindWhatTheSameSetFinds) {
  const std::vector<std::pair<char32_t, char32_t>> ranges = {
      {U'0', U'9'}, {U'à', U'á'}, {U'가', U'가'}, {0xAC3F, 0xAC41}, {0x1E00, 0x1EFF}, {0xD7A0, 0x10FFFF}};
  auto in_ranges = [&](char32_t cp) {
    return std::any_of(ranges.begin(), ranges.end(), [&](const auto& r) { return cp >= r.first && cp <= r.second; });
  };
  const CodePointFinder by_test(in_ranges);
  const CodePointFinder by_ranges(ranges);
  std::mt19937 random(4);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(random, kPressPool, 1 + random() % 80);
    ASSERT_EQ(by_ranges.find(text, 0, text.size()), by_test.find(text, 0, text.size())) << text;
    ASSERT_EQ(by_ranges.find(text, 0, text.size()), plain_find(in_ranges, text, 0, text.size())) << text;
  }
}

TEST(CodePointFinder, AnEmptySetFindsOnlyWhatLiesBeyondTheBmp) {
  const CodePointFinder nothing([](char32_t) { return false; });
  const std::string korean = "기층당 조직은 4,925개로 2020년 초보다 3.2% 이상 늘었다. Toàn tỉnh có 725 tổ chức.";
  EXPECT_EQ(nothing.find(korean, 0, korean.size()), korean.size());
  const std::string with_emoji = korean + "\U0001F4C8" + korean;
  EXPECT_EQ(nothing.find(with_emoji, 0, with_emoji.size()), korean.size());
  EXPECT_EQ(nothing.find(with_emoji, korean.size() + 4, with_emoji.size()), with_emoji.size());
  EXPECT_EQ(nothing.find("", 0, 0), 0u);
}

}  // namespace
}  // namespace sosu::internal
