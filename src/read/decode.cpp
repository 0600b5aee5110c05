#include "read/decode.h"

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <set>

#include "text/ascii.h"
#include "text/utf8.h"

namespace sosu::internal {
namespace {

Error encoding_error(const std::string& file, std::optional<std::uint64_t> at, const std::string& message) {
  Error e;
  e.code = ErrorCode::kEncoding;
  e.file = file;
  e.byte_offset = at;
  e.message = message;
  return e;
}

// Code points of UTF-8 text, for scoring.
std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) out.push_back(decode_next(utf8, i));
  return out;
}

// How much text reads as Korean: the share of its Hangul syllables that are among the most
// frequent ones of news text (다 는 의 이 ...). Text decoded with the wrong charset lands on
// rare syllables, Hanja and symbols.
double korean_score(std::string_view utf8) {
  static const std::u32string kCommon = U"다는의이에을를한고로하가서지기정국년도있대사인시일자부리수제전장들적어원보것만해";
  std::size_t hangul = 0, common = 0, other = 0;
  for (char32_t c : code_points(utf8)) {
    if (c >= 0xAC00 && c <= 0xD7A3) {
      ++hangul;
      if (kCommon.find(c) != std::u32string::npos) ++common;
    } else if (c >= 0x80) {
      ++other;
    }
  }
  if (hangul < 4 || hangul < other) return 0;
  return static_cast<double>(common) / static_cast<double>(hangul);
}

// How much text reads as Vietnamese: the share of its words that are among the most frequent
// ones of news text, after NFC (Windows-1258 writes tones as combining marks).
double vietnamese_score(std::string_view utf8) {
  static const std::set<std::string> kCommon = {
      "của", "và", "các", "có", "được", "trong", "là", "với", "những", "người", "cho", "đã", "này",
      "năm", "không", "một", "đến", "tỉnh", "đồng", "tăng", "theo", "về", "khi", "cũng", "để", "tại",
      "từ", "ra", "sẽ", "nhiều", "đạt", "so", "việc", "hơn", "trên", "như", "sau", "công", "triệu",
      "tỷ", "đảng", "xã", "huyện", "dân", "kinh", "tế", "số", "ngày", "tháng", "giảm", "chi", "bộ"};
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return 0;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string composed;
  nfc->normalize(text.toLower(), status).toUTF8String(composed);
  if (U_FAILURE(status)) return 0;
  std::size_t words = 0, common = 0;
  std::size_t i = 0;
  while (i < composed.size()) {
    while (i < composed.size() && (composed[i] == ' ' || composed[i] == '\n' || composed[i] == '\r' ||
                                   composed[i] == '\t' || composed[i] == ',' || composed[i] == '.')) {
      ++i;
    }
    std::size_t j = i;
    while (j < composed.size() && composed[j] != ' ' && composed[j] != '\n' && composed[j] != '\r' &&
           composed[j] != '\t' && composed[j] != ',' && composed[j] != '.') {
      ++j;
    }
    if (j > i) {
      ++words;
      if (kCommon.count(composed.substr(i, j - i))) ++common;
    }
    i = j;
  }
  return words < 4 ? 0 : static_cast<double>(common) / static_cast<double>(words);
}

}  // namespace

std::optional<std::string> iconv_charset(std::string_view label) {
  std::string l = ascii_lower(label);
  l.erase(std::remove_if(l.begin(), l.end(), [](char c) { return c == ' ' || c == '"' || c == '\''; }), l.end());
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return "UTF-8";
  // EUC-KR pages are CP949 in practice (browsers decode them so): a superset, never a misreading.
  if (l == "euc-kr" || l == "euckr" || l == "cp949" || l == "windows-949" || l == "uhc" || l == "ks_c_5601-1987" ||
      l == "ks_c_5601" || l == "ksc5601" || l == "x-windows-949" || l == "ms949") {
    return "CP949";
  }
  if (l == "utf-16le") return "UTF-16LE";
  if (l == "utf-16be") return "UTF-16BE";
  if (l == "utf-16") return "UTF-16";
  if (l == "windows-1258" || l == "cp1258" || l == "x-cp1258") return "CP1258";
  if (l == "viscii" || l == "csviscii") return "VISCII";
  if (l == "tcvn" || l == "tcvn3" || l == "tcvn-5712" || l == "tcvn5712-1" || l == "tcvn5712" || l == "vn3") {
    return "TCVN5712-1";
  }
  if (l == "iso-8859-1" || l == "latin1" || l == "windows-1252" || l == "cp1252" || l == "us-ascii" || l == "ascii") {
    return "CP1252";  // what browsers read all three as
  }
  return std::nullopt;
}

std::optional<Bom> detect_bom(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return Bom{"UTF-8", 3};
  if (bytes.substr(0, 2) == "\xFF\xFE") return Bom{"UTF-16LE", 2};
  if (bytes.substr(0, 2) == "\xFE\xFF") return Bom{"UTF-16BE", 2};
  return std::nullopt;
}

Result<std::string> decode_to_utf8(std::string_view bytes, const std::string& charset, const std::string& file,
                                   std::uint64_t offset_base) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return encoding_error(file, std::nullopt, "this system's iconv cannot convert from " + charset);
  }
  std::string out;
  out.reserve(bytes.size() * 3 / 2 + 16);
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
  std::size_t in_left = bytes.size();
  char buffer[16384];
  std::optional<Error> failure;
  while (in_left > 0) {
    char* to = buffer;
    std::size_t to_left = sizeof buffer;
    std::size_t r = iconv(cd, &in, &in_left, &to, &to_left);
    out.append(buffer, static_cast<std::size_t>(to - buffer));
    if (r != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    const std::uint64_t at = static_cast<std::uint64_t>(in - bytes.data());
    const std::string_view bad = bytes.substr(at, std::min<std::size_t>(in_left, 2));
    failure = encoding_error(file, offset_base + at,
                             errno == EINVAL ? "the " + charset + " text ends inside a character (" + hex_bytes(bad) +
                                                   "); document skipped"
                                             : "bytes that are not " + charset + " (" + hex_bytes(bad) +
                                                   "); name the encoding with --encoding if it is another; document skipped");
    break;
  }
  iconv_close(cd);
  if (failure) return *failure;
  return out;
}

std::optional<std::string> guess_legacy_charset(std::string_view bytes) {
  // A sample is enough to tell. Text up to a fault counts too: a CP949 file with one bad byte
  // is CP949, and decoding it then reports that byte.
  std::string_view sample = bytes.substr(0, 65536);
  auto decoded = [&](const char* charset) -> std::optional<std::string> {
    Result<std::string> text = decode_to_utf8(sample, charset, "");
    if (text) return std::move(text).value();
    const Error& e = text.errors().front();
    if (e.byte_offset && *e.byte_offset >= 16) {
      Result<std::string> head = decode_to_utf8(sample.substr(0, *e.byte_offset), charset, "");
      if (head) return std::move(head).value();
    }
    return std::nullopt;
  };
  if (auto korean = decoded("CP949"); korean && korean_score(*korean) >= 0.15) return "CP949";
  std::optional<std::string> best;
  double best_score = 0.05;  // below this, no candidate reads as Vietnamese
  for (const char* charset : {"CP1258", "VISCII", "TCVN5712-1"}) {
    std::optional<std::string> text = decoded(charset);
    if (!text) continue;
    const double score = vietnamese_score(*text);
    if (score > best_score) {
      best_score = score;
      best = charset;
    }
  }
  return best;
}

}  // namespace sosu::internal
