// Streaming UTF-8 validation (RFC 3629 / Unicode Table 3-7 well-formed byte sequences).
#include <cstdio>

#include "sosu/read.h"
#include "text/ascii.h"

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
  std::size_t i = 0;
  while (i < size) {
    unsigned char b = p[i];
    if (b < 0x80) {
      if (b == 0) {
        return make_error(ErrorCode::kBinaryFile, offset_ + i,
                          "binary file (NUL byte)");
      }
      if (b == '\n') {
        ++line_;
        col_ = 1;
      } else {
        ++col_;
      }
      ++i;
      continue;
    }
    int len = sequence_length(b);
    if (len == 0) {
      return make_error(ErrorCode::kInvalidUtf8, offset_ + i,
                        "invalid UTF-8 (" + hex_bytes(bytes.substr(i, 1)) + ")");
    }
    std::size_t n = static_cast<std::size_t>(len);
    for (std::size_t k = 1; k < n; ++k) {
      if (i + k >= size) {  // the sequence continues in the next feed
        pending_.assign(bytes.substr(i));
        pending_offset_ = offset_ + i;
        offset_ += size;
        return std::nullopt;
      }
      if (!valid_continuation(b, static_cast<int>(k), p[i + k])) {
        return make_error(ErrorCode::kInvalidUtf8, offset_ + i,
                          "invalid UTF-8 (" + hex_bytes(bytes.substr(i, k + 1)) + ")");
      }
    }
    ++col_;
    i += n;
  }
  offset_ += size;
  return std::nullopt;
}

std::optional<Error> Utf8Checker::finish() {
  if (pending_.empty()) return std::nullopt;
  return make_error(ErrorCode::kInvalidUtf8, pending_offset_,
                    "invalid UTF-8 (" + hex_bytes(pending_) + ") cut off by the end of the input");
}

}  // namespace sosu
