#include "text/utf8.h"

#include <algorithm>
#include <cstring>

namespace sosu::internal {

std::uint64_t count_code_points(std::string_view text) {
  // Eight bytes at a time: a code point starts at every byte but a continuation (10xxxxxx).
  // Each byte lane of `lanes` counts its continuations, for at most 255 words at once.
  constexpr std::uint64_t kEvenLanes = 0x00FF00FF00FF00FFULL;
  const char* p = text.data();
  std::size_t left = text.size();
  std::uint64_t continuations = 0;
  while (left >= 8) {
    const std::size_t words = std::min<std::size_t>(left / 8, 255);
    std::uint64_t lanes = 0;
    for (std::size_t k = 0; k < words; ++k, p += 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      lanes += continuation_bits(w) >> 7;
    }
    const std::uint64_t pairs = (lanes & kEvenLanes) + ((lanes >> 8) & kEvenLanes);  // four 16-bit sums
    continuations += (pairs * 0x0001000100010001ULL) >> 48;
    left -= words * 8;
  }
  for (; left > 0; --left, ++p) continuations += is_continuation(static_cast<unsigned char>(*p));
  return text.size() - continuations;
}

std::size_t utf8_floor(std::string_view text, std::size_t byte_offset) {
  if (byte_offset >= text.size()) return text.size();
  while (byte_offset > 0 && is_continuation(static_cast<unsigned char>(text[byte_offset]))) --byte_offset;
  return byte_offset;
}

std::size_t utf8_complete_prefix(std::string_view text) {
  std::size_t lead = text.size();
  while (lead > 0 && is_continuation(static_cast<unsigned char>(text[lead - 1]))) --lead;
  if (lead == 0) return 0;
  --lead;  // the last lead byte (or ASCII)
  auto b = static_cast<unsigned char>(text[lead]);
  std::size_t need = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  return lead + need <= text.size() ? text.size() : lead;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace sosu::internal
