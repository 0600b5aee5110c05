// The UTF-8 helpers of the text layer (src/text/utf8.h).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "text/utf8.h"

namespace sosu::internal {
namespace {

std::uint64_t count_one_by_one(std::string_view text) {
  std::uint64_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The count runs eight bytes at a time in blocks of 255 words: every length around those
// sizes, from every alignment, in text of one- to four-byte code points.
TEST(CountCodePoints, AgreesWithAByteByByteCountAtEveryLengthAndAlignment) {
  std::string text;
  while (text.size() < 2 * 255 * 8 + 64) text += "4,925개 đảng viên 😀 91,7% ";
  for (std::size_t from = 0; from < 9; ++from) {
    for (std::size_t length : {0u, 1u, 7u, 8u, 9u, 15u, 16u, 17u, 63u, 2039u, 2040u, 2041u, 2047u, 2048u, 4079u, 4080u, 4081u}) {
      if (from + length > text.size()) continue;
      const std::string_view part = std::string_view(text).substr(from, length);
      EXPECT_EQ(count_code_points(part), count_one_by_one(part)) << "from " << from << ", length " << length;
    }
  }
  EXPECT_EQ(count_code_points("4,925개"), 6u);
  EXPECT_EQ(count_code_points("😀😀😀"), 3u);
  // Lone continuation bytes are no code point starts; other invalid bytes are.
  EXPECT_EQ(count_code_points("\x80\x80\xFF\xC0" "abcdefgh"), 10u);
}

}  // namespace
}  // namespace sosu::internal
