// Legacy encodings to UTF-8 with glibc's iconv, the one converter that has every encoding
// Korean and Vietnamese documents come in: CP949 (Microsoft's superset of EUC-KR), UTF-16,
// Windows-1258, VISCII and TCVN3 (ICU has neither of the last two).
#ifndef SOSU_SRC_READ_DECODE_H_
#define SOSU_SRC_READ_DECODE_H_

#include <optional>
#include <string>
#include <string_view>

#include "sosu/error.h"

namespace sosu::internal {

// The iconv name for a charset label as documents and users write it ("euc-kr",
// "ks_c_5601-1987", "windows-1258", "tcvn3", "utf-16le"); "UTF-8" for UTF-8 and its aliases;
// nullopt for a label sosu does not read.
std::optional<std::string> iconv_charset(std::string_view label);

// The encoding a byte-order mark names, and the mark's length (UTF-8, UTF-16LE, UTF-16BE).
struct Bom {
  std::string charset;
  std::size_t length = 0;
};
std::optional<Bom> detect_bom(std::string_view bytes);

// Converts `bytes` from `charset` (an iconv name) to UTF-8. A byte sequence that is not in the
// charset, or one cut off at the end, is an error naming the file and its byte offset
// (counted from `offset_base`: the bytes before, a BOM). Nothing is replaced or dropped.
Result<std::string> decode_to_utf8(std::string_view bytes, const std::string& charset, const std::string& file,
                                   std::uint64_t offset_base = 0);

// For bytes that are not UTF-8 and declare no charset: the legacy charset under which they
// read best as Korean or Vietnamese (CP949, WINDOWS-1258, VISCII, TCVN5712-1), or nullopt
// when none reads as either.
std::optional<std::string> guess_legacy_charset(std::string_view bytes);

}  // namespace sosu::internal

#endif  // SOSU_SRC_READ_DECODE_H_
