// Finding the few code points a scan stops at, 32 bytes at a time.
#ifndef SOSU_SRC_TEXT_CODE_POINT_FINDER_H_
#define SOSU_SRC_TEXT_CODE_POINT_FINDER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace sosu::internal {

// A set of BMP code points, found in UTF-8 text without decoding the rest. Scans that stop at
// a few kinds of code point (sentence terminators, what NFC may change) read most of the text
// only to pass it by: here a block of 32 bytes goes by with two table lookups on the nibbles of
// its bytes (AVX2, where the CPU has it; the method of Keiser and Lemire's UTF-8 validation),
// which name the lead bytes that may start a member, and the byte after such a lead tells its
// block of 64 code points. The text must be well-formed UTF-8; code points beyond the BMP are
// always found, as are the bytes C0, C1 and F5 to FF, which start none.
class CodePointFinder {
 public:
  // `in_set(char32_t)` for every BMP code point: ~65k calls, once.
  template <typename InSet>
  explicit CodePointFinder(InSet in_set) {
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      if (in_set(cp)) add(cp);
    }
    finish();
  }

  // The code points of `ranges` (inclusive, any order; those beyond the BMP are found anyway).
  explicit CodePointFinder(const std::vector<std::pair<char32_t, char32_t>>& ranges);

  // The start of the first code point in [from, to) that is in the set, or `to`. `from` is
  // the start of a code point.
  std::size_t find(std::string_view text, std::size_t from, std::size_t to) const;

 private:
  void add(char32_t cp);
  void finish();
  // By lead byte, the second bytes (their low six bits) of what may be a member: exact for
  // ASCII and two-byte sequences, by blocks of 64 for three-byte ones; all for ASCII members
  // and the leads always found.
  std::array<std::uint64_t, 256> second_bytes_{};
  // The vector test: a byte may be a lead of interest where the entries of its high and its low
  // nibble share a bit. Each bit stands for the high nibbles with one set of low nibbles; past
  // eight such sets the last bit takes the rest, and second_bytes_ settles what the bits let by.
  std::array<std::uint8_t, 16> by_high_nibble_{};
  std::array<std::uint8_t, 16> by_low_nibble_{};
};

}  // namespace sosu::internal

#endif  // SOSU_SRC_TEXT_CODE_POINT_FINDER_H_
