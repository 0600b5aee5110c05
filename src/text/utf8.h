// Small UTF-8 helpers for text already known to be valid UTF-8.
#ifndef SOSU_SRC_TEXT_UTF8_H_
#define SOSU_SRC_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sosu::internal {

inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Code points in valid UTF-8 text.
std::uint64_t count_code_points(std::string_view text);

// The largest code point boundary <= byte_offset.
std::size_t utf8_floor(std::string_view text, std::size_t byte_offset);

// The length of the longest prefix of `text` that ends on a code point boundary, for a
// buffer whose last sequence may continue beyond it.
std::size_t utf8_complete_prefix(std::string_view text);

// Decodes the code point at text[i] and advances i past it.
char32_t decode_next(std::string_view text, std::size_t& i);

// Decodes the code point that ends at text[i] (exclusive) and moves i back to its start.
char32_t decode_prev(std::string_view text, std::size_t& i);

void append_utf8(std::string& out, char32_t cp);

}  // namespace sosu::internal

#endif  // SOSU_SRC_TEXT_UTF8_H_
