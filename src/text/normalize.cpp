// Normalisation: fold what matching must see as ASCII, then NFC on UTF-8 with ICU Edits,
// keeping both steps' offset maps so that every figure points into the source.
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <stdexcept>

#include "sosu/text.h"
#include "text/utf8.h"

namespace sosu {
namespace {

// What a code point folds to, or 0 if it stays.
char fold_code_point(char32_t cp) {
  if (cp >= 0xFF10 && cp <= 0xFF19) return static_cast<char>('0' + (cp - 0xFF10));
  switch (cp) {
    case 0xFF05: return '%';
    case 0xFF0C: return ',';
    case 0xFF0E: return '.';
    case 0xFF0B: return '+';
    case 0xFF0D: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE63:
      return '-';
    case 0xFF5E: case 0x301C: case 0x223C:
      return '~';
    case 0x00A0: case 0x2002: case 0x2003: case 0x2004: case 0x2005: case 0x2006:
    case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F: case 0x205F: case 0x3000:
      return ' ';
    default:
      return 0;
  }
}

// Lead bytes of every code point fold_code_point changes: a quick reject for plain text.
bool may_need_folding(std::string_view text) {
  for (char c : text) {
    auto b = static_cast<unsigned char>(c);
    if (b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF) return true;
  }
  return false;
}

std::string fold(std::string_view source, OffsetMap& map) {
  std::string out;
  out.reserve(source.size());
  std::size_t i = 0;
  while (i < source.size()) {
    std::size_t start = i;
    char32_t cp = internal::decode_next(source, i);
    char folded = cp >= 0x80 ? fold_code_point(cp) : 0;
    if (folded != 0) {
      map.add_change(start, i - start, out.size(), 1);
      out += folded;
    } else {
      out.append(source.substr(start, i - start));
    }
  }
  return out;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFC data is missing");
  return *n;
}

}  // namespace

NormalizedText normalize(std::string_view source) {
  NormalizedText result;
  std::string folded;
  std::string_view input = source;
  if (may_need_folding(source)) {
    folded = fold(source, result.fold_map);
    input = folded;
  }

  const icu::Normalizer2& normalizer = nfc();
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(input.data(), static_cast<int32_t>(input.size()));
  if (normalizer.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    result.text = folded.empty() ? std::string(source) : std::move(folded);
    return result;
  }

  status = U_ZERO_ERROR;
  icu::Edits edits;
  std::string out;
  out.reserve(input.size());
  icu::StringByteSink<std::string> sink(&out);
  normalizer.normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC failed: ") + u_errorName(status));

  icu::Edits::Iterator it = edits.getFineChangesIterator();
  while (it.next(status)) {
    result.nfc_map.add_change(static_cast<std::size_t>(it.sourceIndex()),
                              static_cast<std::size_t>(it.oldLength()),
                              static_cast<std::size_t>(it.destinationIndex()),
                              static_cast<std::size_t>(it.newLength()));
  }
  result.text = std::move(out);
  return result;
}

}  // namespace sosu
