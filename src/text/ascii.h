// Small helpers on ASCII inside byte strings: the reader's labels, headers and diagnostics.
#ifndef SOSU_SRC_TEXT_ASCII_H_
#define SOSU_SRC_TEXT_ASCII_H_

#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

namespace sosu::internal {

// "C3 28": bytes as upper-case hex pairs, for diagnostics.
inline std::string hex_bytes(std::string_view bytes) {
  std::string out;
  char buf[4];
  for (char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned char>(c));
    if (!out.empty()) out += ' ';
    out += buf;
  }
  return out;
}

// ASCII letters lower-cased; other bytes (UTF-8 included) as they are.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Without the ASCII white space around it.
inline std::string_view trim_space(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

inline bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

}  // namespace sosu::internal

#endif  // SOSU_SRC_TEXT_ASCII_H_
