// Small UTF-8 helpers for text already known to be valid UTF-8.
#ifndef SOSU_SRC_TEXT_UTF8_H_
#define SOSU_SRC_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sosu::internal {

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Of eight bytes read as one word, the continuation bytes (10xxxxxx), as their high bits.
inline std::uint64_t continuation_bits(std::uint64_t eight_bytes) {
  return eight_bytes & ~(eight_bytes << 1) & 0x8080808080808080ULL;
}

// Code points in valid UTF-8 text.
std::uint64_t count_code_points(std::string_view text);

// The largest code point boundary <= byte_offset.
std::size_t utf8_floor(std::string_view text, std::size_t byte_offset);

// The length of the longest prefix of `text` that ends on a code point boundary, for a
// buffer whose last sequence may continue beyond it.
std::size_t utf8_complete_prefix(std::string_view text);

// The length of a prefix of `bytes` that is well-formed UTF-8 without a NUL byte, ending on a
// code point boundary, found many bytes at a time: a first pass for a validator, which checks
// the rest byte by byte. The rest is short (the last block and sequence) unless there is a
// problem, which lies in it; it is all of `bytes` where the CPU lacks AVX2.
std::size_t utf8_valid_prefix(std::string_view bytes);

// Decodes the code point at text[i] and advances i past it. Inline: the text layer, guards
// and language detection call it per code point.
inline char32_t decode_next(std::string_view text, std::size_t& i) {
  auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
  char32_t cp = b0 & (0x3F >> extra);
  ++i;
  for (int k = 0; k < extra && i < text.size(); ++k, ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3F);
  }
  return cp;
}

// Decodes the code point that ends at text[i] (exclusive) and moves i back to its start.
inline char32_t decode_prev(std::string_view text, std::size_t& i) {
  std::size_t start = i;
  do {
    --start;
  } while (start > 0 && is_continuation(static_cast<unsigned char>(text[start])));
  i = start;
  std::size_t j = start;
  return decode_next(text, j);
}

void append_utf8(std::string& out, char32_t cp);

}  // namespace sosu::internal

#endif  // SOSU_SRC_TEXT_UTF8_H_
