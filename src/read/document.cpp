// Web inputs: which format and encoding, decoding to UTF-8, then the HTML, XML or text reader.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include <unistd.h>

#include "read/decode.h"
#include "read/html.h"
#include "read/office.h"
#include "read/pdf.h"
#include "read/warc.h"
#include "read/xml.h"
#include "text/ascii.h"
#include "sosu/document.h"

namespace sosu {
namespace {

Error encoding_error(const std::string& file, const std::string& message) {
  return document_error(ErrorCode::kEncoding, file, message);
}

// The bytes as UTF-8, with the encoding they were read from. A charset named by --encoding, a
// BOM or the document itself is used as named; otherwise UTF-8 if the bytes are UTF-8, else
// the legacy encoding they read best in.
Result<std::string> to_utf8(const std::string& name, std::string_view bytes, const InputKind& kind,
                            std::string& encoding_out) {
  std::size_t skip = 0;
  std::string charset;
  if (!kind.encoding.empty()) {
    std::optional<std::string> known = internal::iconv_charset(kind.encoding);
    if (!known) return encoding_error(name, "unknown encoding '" + kind.encoding + "'; sosu reads UTF-8, UTF-16, EUC-KR/CP949, Windows-1258, VISCII and TCVN3");
    charset = *known;
  }
  if (std::optional<internal::Bom> bom = internal::detect_bom(bytes)) {
    charset = bom->charset;  // a byte-order mark outranks any declaration
    skip = bom->length;
  }
  // A NUL byte in anything but UTF-16 is a binary file (an image saved as .html).
  if (charset.rfind("UTF-16", 0) != 0) {
    if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
      Error e;
      e.code = ErrorCode::kBinaryFile;
      e.file = name;
      e.byte_offset = nul;
      e.message = "a NUL byte: not a text document; document skipped";
      return e;
    }
  }
  if (charset.empty() || charset == "UTF-8") {
    Utf8Checker checker(name);
    std::optional<Error> bad = checker.feed(bytes);
    if (!bad) bad = checker.finish();
    if (!bad) {
      // A UTF-8 BOM stays: the text of a UTF-8 file is the file, byte for byte (RECORD.md).
      encoding_out = "UTF-8";
      return std::string(bytes);
    }
    if (!charset.empty() || bad->code != ErrorCode::kInvalidUtf8) return *bad;
    std::optional<std::string> guess = internal::guess_legacy_charset(bytes);
    if (!guess) {
      const std::string skipped = "; document skipped";
      std::string& m = bad->message;
      if (m.size() >= skipped.size() && m.compare(m.size() - skipped.size(), skipped.size(), skipped) == 0) {
        m.resize(m.size() - skipped.size());
      }
      m += ", and no legacy encoding reads it (name one with --encoding)" + skipped;
      return *bad;
    }
    charset = *guess;
  }
  encoding_out = charset;
  return internal::decode_to_utf8(bytes.substr(skip), charset, name, skip);
}

}  // namespace

InputKind sniff_input(const std::string& name, std::string_view head, const DocumentOptions& options) {
  InputKind kind;
  kind.encoding = options.encoding;
  const std::string lower_name = internal::ascii_lower(name);
  // The markup's start: past a BOM, white space and, in UTF-16, the zero bytes.
  std::string start;
  for (char c : head.substr(0, 2048)) {
    if (c != '\0') start += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  start.erase(0, std::min(start.find('<') == std::string::npos ? 0 : start.find('<'), start.size()));
  if (options.format != InputFormat::kAuto) {
    kind.format = options.format;
  } else if (internal::is_pdf(head) || internal::ends_with(lower_name, ".pdf")) {
    kind.format = InputFormat::kPdf;
  } else if (internal::looks_like_warc(head) || internal::ends_with(lower_name, ".warc") || internal::ends_with(lower_name, ".warc.gz") ||
             internal::ends_with(lower_name, ".arc.gz")) {
    kind.format = InputFormat::kWarc;
  } else if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4) || internal::is_ole2(head) ||
             internal::ends_with(lower_name, ".docx") || internal::ends_with(lower_name, ".odt")) {
    kind.format = InputFormat::kOffice;
  } else if (internal::ends_with(lower_name, ".html") || internal::ends_with(lower_name, ".htm") || internal::ends_with(lower_name, ".xhtml") ||
             internal::ends_with(lower_name, ".shtml")) {
    kind.format = InputFormat::kHtml;
  } else if (internal::ends_with(lower_name, ".xml") || internal::ends_with(lower_name, ".rss") || internal::ends_with(lower_name, ".atom") ||
             internal::ends_with(lower_name, ".rdf")) {
    kind.format = InputFormat::kXml;
  } else if (start.rfind("<!doctype html", 0) == 0 || start.rfind("<html", 0) == 0) {
    kind.format = InputFormat::kHtml;
  } else if (start.rfind("<?xml", 0) == 0 || start.rfind("<rss", 0) == 0 || start.rfind("<feed", 0) == 0) {
    kind.format = start.find("<html") != std::string::npos && start.find("<rss") == std::string::npos &&
                          start.find("<feed") == std::string::npos
                      ? InputFormat::kHtml
                      : InputFormat::kXml;
  }
  if (kind.encoding.empty()) {
    if (kind.format == InputFormat::kHtml) {
      if (auto declared = internal::html_declared_charset(head)) kind.encoding = *declared;
    } else if (kind.format == InputFormat::kXml) {
      if (auto declared = internal::xml_declared_encoding(head)) kind.encoding = *declared;
    }
  }
  return kind;
}

namespace {

// A document from a reader, or its errors, handed on.
std::vector<Error> hand_on(Result<Document> doc, const std::function<bool(const Document&)>& on_document) {
  if (!doc) return doc.errors();
  on_document(*doc);
  return {};
}

// Readers that need a file (pdftotext, the WARC stream) get bytes held in memory through one.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string_view bytes) {
    std::string pattern = (std::filesystem::temp_directory_path() / "sosu-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return;
    path_ = pattern;
    std::size_t written = 0;
    while (written < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
      if (n <= 0) break;
      written += static_cast<std::size_t>(n);
    }
    ::close(fd);
    ok_ = written == bytes.size();
  }
  ~TemporaryFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  bool ok() const { return ok_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  bool ok_ = false;
};

std::vector<Error> temporary_file_error(const std::string& name) {
  Error e;
  e.code = ErrorCode::kIo;
  e.file = name;
  e.message = "cannot write a temporary file to read it from; document skipped";
  return {e};
}

}  // namespace

std::vector<Error> read_documents_from_bytes(const std::string& name, std::string bytes,
                                             const DocumentOptions& options,
                                             const std::function<bool(const Document&)>& on_document,
                                             ReadStats* stats) {
  std::vector<Error> errors;
  if (bytes.empty()) return errors;  // an empty document has no figures and is no fault
  const InputKind kind = sniff_input(name, bytes, options);
  if (kind.format == InputFormat::kOffice) return hand_on(internal::office_document(bytes, name), on_document);
  if (kind.format == InputFormat::kPdf || kind.format == InputFormat::kWarc) {
    TemporaryFile file(bytes);
    if (!file.ok()) return temporary_file_error(name);
    if (kind.format == InputFormat::kPdf) return hand_on(internal::pdf_document(file.path(), name), on_document);
    return internal::warc_documents(file.path(), name, options, stats, on_document);
  }
  std::string encoding;
  Result<std::string> text = to_utf8(name, bytes, kind, encoding);
  if (!text) return text.errors();
  std::string().swap(bytes);  // the raw bytes are not needed any more
  auto with_encoding = [&](const Document& d) {
    Document copy = d;
    copy.meta.encoding = encoding;
    return on_document(copy);
  };
  switch (kind.format) {
    case InputFormat::kHtml:
      with_encoding(internal::html_document(*text, name, options.all_text));
      break;
    case InputFormat::kXml:
      errors = internal::xml_documents(*text, name, options, with_encoding);
      break;
    case InputFormat::kPdf:
    case InputFormat::kOffice:
    case InputFormat::kWarc:
      break;  // read above
    case InputFormat::kText:
    case InputFormat::kAuto: {
      Document doc;
      doc.id = name;
      doc.text = std::move(text).value();
      doc.meta.encoding = encoding;
      on_document(doc);
      break;
    }
  }
  return errors;
}

InputKind sniff_file(const Input& input, const DocumentOptions& options) {
  std::ifstream probe(input.path, std::ios::binary);
  std::string head(4096, '\0');
  probe.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(probe.gcount()));
  return sniff_input(input.name, head, options);
}

std::vector<Error> read_documents(const Input& input, const DocumentOptions& options,
                                  const std::function<bool(const Document&)>& on_document, ReadStats* stats) {
  if (!input.is_stdin) {
    // PDF and WARC are read from the file itself: pdftotext reads it, a WARC streams.
    const InputKind kind = sniff_file(input, options);
    if (kind.format == InputFormat::kPdf) return hand_on(internal::pdf_document(input.path, input.name), on_document);
    if (kind.format == InputFormat::kWarc) return internal::warc_documents(input.path, input.name, options, stats, on_document);
  }
  std::string bytes;
  if (input.is_stdin) {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(input.path, std::ios::binary);
    if (!in) {
      Error e;
      e.code = ErrorCode::kIo;
      e.file = input.name;
      e.message = std::string("cannot open: ") + std::strerror(errno);
      return {e};
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
      Error e;
      e.code = ErrorCode::kIo;
      e.file = input.name;
      e.message = "read error";
      return {e};
    }
  }
  return read_documents_from_bytes(input.name, std::move(bytes), options, on_document, stats);
}

}  // namespace sosu
