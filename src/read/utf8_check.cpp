// Streaming UTF-8 validation (RFC 3629 / Unicode Table 3-7 well-formed byte sequences).
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "sosu/read.h"
#include "text/ascii.h"
#include "text/utf8.h"

namespace sosu {
namespace {

using internal::hex_bytes;

// Length of the sequence a lead byte starts, 0 if it cannot start one.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Whether byte `b` may stand at position `index` (1-based) after `lead`.
bool valid_continuation(unsigned char lead, int index, unsigned char b) {
  if (index == 1) {
    if (lead == 0xE0) return b >= 0xA0 && b <= 0xBF;  // no overlong 3-byte forms
    if (lead == 0xED) return b >= 0x80 && b <= 0x9F;  // no surrogates
    if (lead == 0xF0) return b >= 0x90 && b <= 0xBF;  // no overlong 4-byte forms
    if (lead == 0xF4) return b >= 0x80 && b <= 0x8F;  // nothing past U+10FFFF
  }
  return b >= 0x80 && b <= 0xBF;
}

}  // namespace

Error Utf8Checker::make_error(ErrorCode code, std::uint64_t at, const std::string& what) const {
  Error e;
  e.code = code;
  e.file = file_;
  e.byte_offset = at;
  e.line_col = LineCol{line_, col_};
  e.message = what + "; document skipped";
  return e;
}

std::optional<Error> Utf8Checker::feed(std::string_view bytes) {
  // Join a sequence left incomplete by the previous feed with the start of this one.
  std::string joined;
  std::uint64_t base = offset_;
  if (!pending_.empty()) {
    joined = pending_;
    joined.append(bytes.substr(0, std::min<std::size_t>(bytes.size(), 4)));
    std::size_t from_pending = pending_.size();
    base = pending_offset_;
    pending_.clear();
    std::string_view view(joined);
    int len = sequence_length(static_cast<unsigned char>(view[0]));
    std::size_t n = static_cast<std::size_t>(len);
    for (std::size_t i = 1; i < n; ++i) {
      if (i >= view.size()) {  // still incomplete: keep waiting
        pending_ = joined;
        offset_ = base + joined.size();
        return std::nullopt;
      }
      if (!valid_continuation(static_cast<unsigned char>(view[0]), static_cast<int>(i),
                              static_cast<unsigned char>(view[i]))) {
        return make_error(ErrorCode::kInvalidUtf8, base,
                          "invalid UTF-8 (" + hex_bytes(view.substr(0, i + 1)) + ")");
      }
    }
    ++col_;
    bytes.remove_prefix(n - from_pending);
    offset_ = base + n;
  }

  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  // The line and column are worked out for a whole feed at once, or up to a problem: kept
  // per byte they cost more than the check itself.
  auto fail = [&](std::size_t at, ErrorCode code, const std::string& what) {
    advance_position(bytes.substr(0, at));
    return make_error(code, offset_ + at, what);
  };
  std::size_t i = internal::utf8_valid_prefix(bytes);
  while (i < size) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      if (b == 0) return fail(i, ErrorCode::kBinaryFile, "binary file (NUL byte)");
      ++i;
      continue;
    }
    // Hangul syllables and most Vietnamese letters: a 3-byte lead with no special second byte.
    if (b >= 0xE1 && b <= 0xEC && i + 2 < size && internal::is_continuation(p[i + 1]) &&
        internal::is_continuation(p[i + 2])) {
      i += 3;
      continue;
    }
    int len = sequence_length(b);
    if (len == 0) return fail(i, ErrorCode::kInvalidUtf8, "invalid UTF-8 (" + hex_bytes(bytes.substr(i, 1)) + ")");
    std::size_t n = static_cast<std::size_t>(len);
    for (std::size_t k = 1; k < n; ++k) {
      if (i + k >= size) {  // the sequence continues in the next feed
        advance_position(bytes.substr(0, i));
        pending_.assign(bytes.substr(i));
        pending_offset_ = offset_ + i;
        offset_ += size;
        return std::nullopt;
      }
      if (!valid_continuation(b, static_cast<int>(k), p[i + k])) {
        return fail(i, ErrorCode::kInvalidUtf8, "invalid UTF-8 (" + hex_bytes(bytes.substr(i, k + 1)) + ")");
      }
    }
    i += n;
  }
  advance_position(bytes);
  offset_ += size;
  return std::nullopt;
}

void Utf8Checker::advance_position(std::string_view checked) {
  const std::size_t last_break = checked.rfind('\n');
  if (last_break == std::string_view::npos) {
    col_ += internal::count_code_points(checked);
    return;
  }
  // memchr, not std::count: lines are long, and memchr skips a line's bytes many at a time.
  for (const char *p = checked.data(), *end = p + last_break + 1; p < end; ++p, ++line_) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
  }
  col_ = 1 + internal::count_code_points(checked.substr(last_break + 1));
}

std::optional<Error> Utf8Checker::finish() {
  if (pending_.empty()) return std::nullopt;
  return make_error(ErrorCode::kInvalidUtf8, pending_offset_,
                    "invalid UTF-8 (" + hex_bytes(pending_) + ") cut off by the end of the input");
}

}  // namespace sosu
