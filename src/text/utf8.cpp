#include "text/utf8.h"

namespace sosu::internal {

std::uint64_t count_code_points(std::string_view text) {
  std::uint64_t n = 0;
  for (char c : text) n += !is_continuation(static_cast<unsigned char>(c));
  return n;
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
