#include "read/warc.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "read/office.h"
#include "text/ascii.h"

namespace sosu::internal {
namespace {

constexpr std::size_t kMaxHeaderBytes = 64 << 10;

// "Name: value" lines up to a blank line, names lower-cased.
std::vector<std::pair<std::string, std::string>> parse_headers(std::string_view block) {
  std::vector<std::pair<std::string, std::string>> headers;
  while (!block.empty()) {
    std::size_t end = block.find('\n');
    std::string_view line = trim_space(block.substr(0, end));
    block.remove_prefix(end == std::string_view::npos ? block.size() : end + 1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.emplace_back(ascii_lower(trim_space(line.substr(0, colon))), std::string(trim_space(line.substr(colon + 1))));
  }
  return headers;
}

std::string header(const std::vector<std::pair<std::string, std::string>>& headers, const char* name) {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

// A stream of decompressed bytes with a bomb check: it may not grow past 64 MiB beyond 100
// times the compressed bytes read.
class ArchiveStream {
 public:
  explicit ArchiveStream(const std::filesystem::path& path) : file_(gzopen(path.c_str(), "rb")) {
    if (file_ != nullptr) gzbuffer(file_, 1 << 17);
  }
  ~ArchiveStream() {
    if (file_ != nullptr) gzclose(file_);
  }
  ArchiveStream(const ArchiveStream&) = delete;
  ArchiveStream& operator=(const ArchiveStream&) = delete;

  bool opened() const { return file_ != nullptr; }
  std::uint64_t offset() const { return consumed_; }             // decompressed bytes handed on
  std::uint64_t compressed_offset() { return static_cast<std::uint64_t>(gzoffset(file_)); }
  const std::string& fault() const { return fault_; }

  // Up to n bytes (fewer at the end or on a fault).
  std::string read(std::size_t n) {
    std::string out;
    while (out.size() < n && fill()) {
      const std::size_t take = std::min(n - out.size(), buffer_.size() - at_);
      out.append(buffer_, at_, take);
      at_ += take;
      consumed_ += take;
    }
    return out;
  }
  // Bytes up to and including `delimiter`, or nullopt past `limit` bytes or at the end.
  std::optional<std::string> read_until(std::string_view delimiter, std::size_t limit) {
    std::string out;
    while (fill()) {
      const std::size_t before = out.size();
      out.append(buffer_, at_, buffer_.size() - at_);
      const std::size_t from = before >= delimiter.size() ? before - delimiter.size() + 1 : 0;
      const std::size_t found = out.find(delimiter, from);
      if (found != std::string::npos) {
        const std::size_t keep = found + delimiter.size();
        at_ += keep - before;
        consumed_ += keep;
        out.resize(keep);
        return out;
      }
      at_ = buffer_.size();
      consumed_ += out.size() - before;
      if (out.size() > limit) return std::nullopt;
    }
    return std::nullopt;
  }
  void skip(std::uint64_t n) {
    while (n > 0 && fill()) {
      const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(n, buffer_.size() - at_));
      at_ += take;
      consumed_ += take;
      n -= take;
    }
  }
  bool at_end() { return !fill(); }

 private:
  bool fill() {
    if (at_ < buffer_.size()) return true;
    if (!fault_.empty() || eof_) return false;
    buffer_.resize(1 << 16);
    const int got = gzread(file_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
    if (got <= 0) {
      int code = Z_OK;
      const char* message = gzerror(file_, &code);
      if (got < 0 || (code != Z_OK && code != Z_STREAM_END)) {
        fault_ = std::string("the compressed stream breaks off (") + message + ")";
      }
      eof_ = true;
      buffer_.clear();
      at_ = 0;
      return false;
    }
    buffer_.resize(static_cast<std::size_t>(got));
    at_ = 0;
    decompressed_ += static_cast<std::uint64_t>(got);
    const std::uint64_t compressed = compressed_offset();
    if (decompressed_ > kMaxMemberBytes + kMaxExpansion * compressed) {
      fault_ = "it expands past 100 times its compressed size (a gzip bomb?)";
      buffer_.clear();
      return false;
    }
    return true;
  }

  gzFile file_;
  std::string buffer_;
  std::size_t at_ = 0;
  std::uint64_t consumed_ = 0, decompressed_ = 0;
  bool eof_ = false;
  std::string fault_;
};

// An HTTP body sent in chunks, joined; nullopt if the chunking is broken.
std::optional<std::string> dechunk(std::string_view body) {
  std::string out;
  while (true) {
    const std::size_t line_end = body.find("\r\n");
    if (line_end == std::string_view::npos) return std::nullopt;
    const std::string size_text(trim_space(body.substr(0, body.find_first_of(";\r", 0))));
    char* end = nullptr;
    const unsigned long size = std::strtoul(size_text.c_str(), &end, 16);
    if (end == size_text.c_str()) return std::nullopt;
    body.remove_prefix(line_end + 2);
    if (size == 0) return out;
    if (size > body.size() || body.size() - size < 2) return std::nullopt;
    out.append(body.substr(0, size));
    body.remove_prefix(size + 2);
  }
}

// A gzip or deflate body, inflated within the limits.
std::optional<std::string> inflate_body(std::string_view body) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) return std::nullopt;  // 32: gzip or zlib header
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  std::string out;
  char buffer[65536];
  int status = Z_OK;
  while (status == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    status = inflate(&z, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - z.avail_out);
    if (out.size() > kMaxMemberBytes) status = Z_MEM_ERROR;
  }
  inflateEnd(&z);
  if (status != Z_STREAM_END) return std::nullopt;
  return out;
}

}  // namespace

bool looks_like_warc(std::string_view head) {
  return head.substr(0, 5) == "WARC/";
}

std::vector<Error> warc_documents(const std::filesystem::path& path, const std::string& name,
                                  const DocumentOptions& options, ReadStats* stats,
                                  const std::function<bool(const Document&)>& on_document) {
  std::vector<Error> errors;
  auto fail = [&](std::uint64_t at, const std::string& message) {
    Error e;
    e.code = ErrorCode::kMarkup;
    e.file = name;
    e.byte_offset = at;
    e.message = message;
    errors.push_back(e);
  };
  auto skipped = [&](const std::string& what) {
    if (stats != nullptr) ++stats->skipped_records[what];
  };
  ArchiveStream in(path);
  if (!in.opened()) {
    Error e;
    e.code = ErrorCode::kIo;
    e.file = name;
    e.message = "cannot open";
    return {e};
  }
  while (!in.at_end()) {
    const std::uint64_t record_at = in.offset();
    std::optional<std::string> head = in.read_until("\r\n\r\n", kMaxHeaderBytes);
    if (!head) {
      if (!in.fault().empty()) break;
      if (in.offset() != record_at) {
        fail(record_at, "not a WARC record (no header end within 64 KiB): the archive is broken here; records after it are not read");
      }
      return errors;
    }
    std::string_view block = *head;
    while (!block.empty() && (block.front() == '\r' || block.front() == '\n')) block.remove_prefix(1);
    if (block.substr(0, 5) != "WARC/") {
      fail(record_at, "not a WARC record (it does not start with WARC/): records after it are not read");
      return errors;
    }
    const auto headers = parse_headers(block.substr(block.find('\n') + 1));
    const std::string length_text = header(headers, "content-length");
    char* end = nullptr;
    const unsigned long long length = std::strtoull(length_text.c_str(), &end, 10);
    if (length_text.empty() || end == length_text.c_str()) {
      fail(record_at, "a WARC record without Content-Length: records after it are not read");
      return errors;
    }
    const std::string type = ascii_lower(header(headers, "warc-type"));
    const bool http_response = type == "response" && ascii_lower(header(headers, "content-type")).find("application/http") == 0;
    if (!http_response || length > kMaxMemberBytes) {
      skipped(http_response ? "response over 64 MiB" : type.empty() ? "untyped" : type);
      in.skip(length);
      in.read_until("\r\n\r\n", 8);
      continue;
    }
    std::string record = in.read(static_cast<std::size_t>(length));
    if (record.size() < length) {
      if (in.fault().empty()) fail(record_at, "the archive ends inside a record; the records before it were read");
      break;
    }
    in.read_until("\r\n\r\n", 8);
    // The HTTP message: status line and headers, then the body.
    std::size_t split = record.find("\r\n\r\n");
    std::size_t body_at = split == std::string::npos ? std::string::npos : split + 4;
    if (split == std::string::npos) {
      split = record.find("\n\n");
      body_at = split == std::string::npos ? std::string::npos : split + 2;
    }
    if (split == std::string::npos) {
      skipped("response without HTTP headers");
      continue;
    }
    std::string_view http(record);
    const std::string_view status_line = http.substr(0, http.find('\n'));
    const auto http_headers = parse_headers(http.substr(status_line.size() + 1, split - status_line.size()));
    const std::string content_type = ascii_lower(header(http_headers, "content-type"));
    if (status_line.find(" 200") == std::string_view::npos) {
      skipped("response not 200 OK");
      continue;
    }
    if (content_type.find("text/html") == std::string::npos && content_type.find("xhtml") == std::string::npos) {
      skipped("response not HTML");
      continue;
    }
    std::string body = record.substr(body_at);
    if (ascii_lower(header(http_headers, "transfer-encoding")).find("chunked") != std::string::npos) {
      std::optional<std::string> joined = dechunk(body);
      if (!joined) {
        fail(record_at, "a response's chunked body is broken; that document is skipped");
        continue;
      }
      body = std::move(*joined);
    }
    const std::string encoding = ascii_lower(header(http_headers, "content-encoding"));
    if (encoding == "gzip" || encoding == "deflate" || encoding == "x-gzip") {
      std::optional<std::string> inflated = inflate_body(body);
      if (!inflated) {
        fail(record_at, "a response's " + encoding + " body does not inflate (or past 64 MiB); that document is skipped");
        continue;
      }
      body = std::move(*inflated);
    }
    DocumentOptions page_options = options;
    page_options.format = InputFormat::kHtml;
    if (page_options.encoding.empty()) {
      if (std::size_t at = content_type.find("charset="); at != std::string::npos) {
        page_options.encoding = std::string(trim_space(content_type.substr(at + 8)));
        page_options.encoding.erase(std::remove(page_options.encoding.begin(), page_options.encoding.end(), '"'),
                                    page_options.encoding.end());
      }
    }
    const std::string uri = header(headers, "warc-target-uri");
    const std::string warc_date = header(headers, "warc-date");
    bool keep_going = true;
    std::vector<Error> page_errors = read_documents_from_bytes(uri.empty() ? name : uri, std::move(body), page_options,
                                                               [&](const Document& page) {
                                                                 Document doc = page;
                                                                 if (!uri.empty()) doc.meta.url = uri;
                                                                 if (!doc.meta.date && !warc_date.empty()) doc.meta.date = warc_date;
                                                                 doc.meta.format = "warc";
                                                                 keep_going = on_document(doc);
                                                                 return keep_going;
                                                               });
    for (Error& e : page_errors) {
      e.message += " (WARC record at byte " + std::to_string(record_at) + " of " + name + ")";
      errors.push_back(std::move(e));
    }
    if (!keep_going) return errors;
  }
  if (!in.fault().empty()) {
    Error e;
    e.code = ErrorCode::kMarkup;
    e.file = name;
    e.byte_offset = in.compressed_offset();
    e.message = in.fault() + "; the records before it were read";
    errors.push_back(e);
  }
  return errors;
}

}  // namespace sosu::internal
