// Normalisation: fold what matching must see as ASCII, then NFC on UTF-8 with ICU Edits,
// keeping both steps' offset maps so that every figure points into the source.
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "sosu/text.h"
#include "text/code_point_finder.h"
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

// What a byte may start, for the fold's scans: one table, as they ask it of every byte.
enum ByteRole : unsigned char {
  kFoldedLead = 1,       // a code point fold_code_point changes: C2/E2/E3/EF (spaces, dashes, full-width forms)
  kTonedVowelLead = 2,   // a toned vowel of kToned: C3/C5/E1 (à, ũ, ạ ...)
  kOldToneStart = 4,     // the o/u of an old tone placement (hoà)
};
constexpr std::array<unsigned char, 256> kByteRoles = [] {
  std::array<unsigned char, 256> roles{};
  for (int b : {0xC2, 0xE2, 0xE3, 0xEF}) roles[static_cast<std::size_t>(b)] |= kFoldedLead;
  for (int b : {0xC3, 0xC5, 0xE1}) roles[static_cast<std::size_t>(b)] |= kTonedVowelLead;
  for (char c : {'o', 'O', 'u', 'U'}) roles[static_cast<unsigned char>(c)] |= kOldToneStart;
  return roles;
}();

bool has_role(char c, unsigned roles) { return (kByteRoles[static_cast<unsigned char>(c)] & roles) != 0; }

// Vietnamese vowels with their five tones (grave, acute, hook, tilde, dot), lower and upper.
struct TonedVowel {
  char base;
  char32_t toned[2][5];  // [lower, upper][tone]
};
constexpr TonedVowel kToned[] = {
    {'a', {{0xE0, 0xE1, 0x1EA3, 0xE3, 0x1EA1}, {0xC0, 0xC1, 0x1EA2, 0xC3, 0x1EA0}}},
    {'e', {{0xE8, 0xE9, 0x1EBB, 0x1EBD, 0x1EB9}, {0xC8, 0xC9, 0x1EBA, 0x1EBC, 0x1EB8}}},
    {'y', {{0x1EF3, 0xFD, 0x1EF7, 0x1EF9, 0x1EF5}, {0x1EF2, 0xDD, 0x1EF6, 0x1EF8, 0x1EF4}}},
    {'o', {{0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD}, {0xD2, 0xD3, 0x1ECE, 0xD5, 0x1ECC}}},
    {'u', {{0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5}, {0xD9, 0xDA, 0x1EE6, 0x168, 0x1EE4}}},
};

// The base vowel, case and tone of a toned vowel; false if cp is not one.
bool toned_vowel(char32_t cp, char& base, int& upper, int& tone) {
  for (const TonedVowel& v : kToned) {
    for (int u = 0; u < 2; ++u) {
      for (int t = 0; t < 5; ++t) {
        if (v.toned[u][t] == cp) {
          base = v.base, upper = u, tone = t;
          return true;
        }
      }
    }
  }
  return false;
}

// A quick reject for plain text: nothing to fold, and no toned vowel whose tone could move.
bool may_need_folding(std::string_view text) {
  static const internal::CodePointFinder foldable([](char32_t cp) {
    char base = 0;
    int upper = 0, tone = 0;
    const bool maybe_toned = cp >= 0xC0 && cp <= 0x1EF9;  // from À to ỹ: spares the search elsewhere
    return fold_code_point(cp) != 0 || (maybe_toned && toned_vowel(cp, base, upper, tone));
  });
  return foldable.find(text, 0, text.size()) != text.size();
}

char32_t with_tone(char base, int upper, int tone) {
  for (const TonedVowel& v : kToned) {
    if (v.base == base) return v.toned[upper][tone];
  }
  return static_cast<char32_t>(base);
}

// The old placement puts the tone on the second vowel of oa, oe, uy at a word's end (hoà,
// khoẻ, thuỷ); the new one on the first (hòa, khỏe, thủy). Matching sees the new one, so
// both spellings find the same words; `text` keeps what was written. Returns the bytes
// consumed from source at `i` (0 when nothing applies) and appends the rewrite to out.
std::size_t fold_tone_placement(std::string_view source, std::size_t i, std::string& out) {
  char first = source[i];
  const char lower_first = static_cast<char>(first | 0x20);
  if (lower_first != 'o' && lower_first != 'u') return 0;
  if (lower_first == 'u' && i > 0 && (source[i - 1] | 0x20) == 'q') return 0;  // quý keeps its tone
  std::size_t j = i + 1;
  if (j >= source.size()) return 0;
  if (!has_role(source[j], kTonedVowelLead)) return 0;  // a lead byte no toned vowel has
  char base = 0;
  int upper = 0, tone = 0;
  char32_t second = internal::decode_next(source, j);
  if (!toned_vowel(second, base, upper, tone)) return 0;
  if (lower_first == 'o' ? (base != 'a' && base != 'e') : base != 'y') return 0;
  if (j < source.size()) {
    std::size_t k = j;
    char32_t next = internal::decode_next(source, k);
    if (u_isalpha(static_cast<UChar32>(next))) return 0;  // hoàng, khoảng: not at the end
  }
  internal::append_utf8(out, with_tone(lower_first, first != lower_first ? 1 : 0, tone));
  out += upper ? static_cast<char>(base - 32) : base;
  return j - i;
}

std::string fold(std::string_view source, OffsetMap& map) {
  std::string out;
  out.reserve(source.size());
  std::size_t i = 0;
  while (i < source.size()) {
    // Runs that cannot fold are copied whole; they end on a code point boundary, as the
    // bytes that stop them are ASCII or lead bytes.
    std::size_t run = i;
    while (run < source.size() && !has_role(source[run], kFoldedLead | kOldToneStart)) ++run;
    out.append(source.substr(i, run - i));
    i = run;
    if (i == source.size()) break;
    std::size_t start = i;
    std::size_t before = out.size();
    if (std::size_t used = fold_tone_placement(source, i, out)) {
      map.add_change(start, used, before, out.size() - before);
      i += used;
      continue;
    }
    if (static_cast<unsigned char>(source[i]) < 0x80) {  // an o or u that starts no fold
      out += source[i++];
      continue;
    }
    char32_t cp = internal::decode_next(source, i);
    char folded = fold_code_point(cp);
    if (folded != 0) {
      map.add_change(start, i - start, out.size(), 1);
      out += folded;
    } else {
      out.append(source.substr(start, i - start));
    }
  }
  return out;
}

// Whether the text is in NFC already, as Korean and Vietnamese press text nearly always is:
// if none of its code points is one that NFC may change or combine with what precedes it
// (NFC_Quick_Check other than Yes, or a combining class), it is, and the text is passed over
// 32 bytes at a time; otherwise ICU decides, at ~15 instructions a byte.
bool certainly_nfc(std::string_view text) {
  static const internal::CodePointFinder unstable([](char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    return (cp >= 0xD800 && cp <= 0xDFFF) || u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
           u_getCombiningClass(c) != 0;
  });
  return unstable.find(text, 0, text.size()) == text.size();
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU NFC data is missing");
  return *n;
}

}  // namespace

NormalizedText normalize(std::string_view source) {
  // NFC first, so that folding sees composed letters (a decomposed "hoa\u0300" becomes "hoà").
  NormalizedText result;
  std::string composed;
  std::string_view input = source;
  const icu::Normalizer2& normalizer = nfc();
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(source.data(), static_cast<int32_t>(source.size()));
  if (!certainly_nfc(source) && !(normalizer.isNormalizedUTF8(piece, status) && U_SUCCESS(status))) {
    status = U_ZERO_ERROR;
    icu::Edits edits;
    composed.reserve(source.size());
    icu::StringByteSink<std::string> sink(&composed);
    normalizer.normalizeUTF8(0, piece, sink, &edits, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC failed: ") + u_errorName(status));
    icu::Edits::Iterator it = edits.getFineChangesIterator();
    while (it.next(status)) {
      result.nfc_map.add_change(static_cast<std::size_t>(it.sourceIndex()),
                                static_cast<std::size_t>(it.oldLength()),
                                static_cast<std::size_t>(it.destinationIndex()),
                                static_cast<std::size_t>(it.newLength()));
    }
    input = composed;
  }
  if (may_need_folding(input)) {
    result.text = fold(input, result.fold_map);
  } else {
    result.text = composed.empty() ? std::string(source) : std::move(composed);
  }
  return result;
}

}  // namespace sosu
