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

// The fast first pass must take nearly all of well-formed text (else the checker silently
// runs byte by byte), stop on a code point boundary, and stop before the first problem.
TEST(Utf8ValidPrefix, TakesWellFormedTextUpToTheLastBlockAndStopsBeforeAProblem) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (!__builtin_cpu_supports("avx2")) GTEST_SKIP() << "no AVX2: the checker runs byte by byte";
#else
  GTEST_SKIP() << "no AVX2 kernel for this CPU: the checker runs byte by byte";
#endif
  std::string text;
  while (text.size() < 10000) text += "기층당 조직 4,925개, tổ chức cơ sở đảng 91,7% \xF0\x9F\x98\x80\n";
  for (std::size_t size = text.size() - 300; size <= text.size(); ++size) {
    const std::string_view view = std::string_view(text).substr(0, size);
    const std::size_t prefix = utf8_valid_prefix(view);
    EXPECT_GE(prefix + 32 + 3, size) << size;
    EXPECT_LE(prefix, size);
    EXPECT_EQ(utf8_floor(view, prefix), prefix) << size;
  }
  std::string damaged = text;
  damaged[5000] = '\x80';  // in the middle of a code point or after ASCII: either way no longer valid
  damaged[5001] = '\x80';
  damaged[5002] = '\x80';
  damaged[5003] = '\x80';
  EXPECT_LE(utf8_valid_prefix(damaged), 5000u);
  EXPECT_GE(utf8_valid_prefix(damaged) + 32 + 3, 5000u);
  std::string with_nul = text;
  with_nul[7000] = '\0';
  EXPECT_LE(utf8_valid_prefix(with_nul), 7000u);
}

}  // namespace
}  // namespace sosu::internal
