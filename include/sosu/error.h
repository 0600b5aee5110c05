// Errors as values: every failure sosu reports names the file and the place.
//
//   sosu::Result<sosu::PackSet> packs = sosu::load_packs("patterns");
//   if (!packs.ok()) { for (const sosu::Error& e : packs.errors()) std::cerr << e.to_string() << '\n'; }
//
// Exceptions are reserved for bugs and out-of-memory; what dependencies throw is caught
// at the stage boundary and turned into an Error.
#ifndef SOSU_ERROR_H_
#define SOSU_ERROR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sosu {

enum class ErrorCode {
  kIo,              // a file or directory cannot be opened or read
  kInvalidUtf8,     // bytes that are not UTF-8
  kBinaryFile,      // a NUL byte: not a text document
  kPackXml,         // a pattern pack that is not well-formed XML
  kPackSchema,      // a pack element or attribute that is missing or unknown
  kPackRegex,       // a rule's regex does not compile
  kPackFragment,    // an undefined or cyclic ${fragment}
  kPackCapture,     // a capture name that sosu does not know
  kPackExample,     // an <example> or <counterexample> that does not behave
  kUsage,           // a bad command-line flag or value
  kEncoding,        // bytes that are not in the document's encoding, or an encoding not told
  kMarkup,          // XML that is not well-formed, a broken zip, a decompression bomb
  kProtected,       // a password-protected PDF, DOCX or ODT
  kNoText,          // a PDF without a text layer (scanned), or a reader program missing
};

// The stable name of a code, e.g. "invalid_utf8" (used in JSON error records).
const char* error_code_name(ErrorCode code);

struct LineCol {
  std::uint64_t line = 1;  // 1-based
  std::uint64_t col = 1;   // 1-based, in code points
};

struct Error {
  ErrorCode code = ErrorCode::kIo;
  std::string file;                          // as given on the command line
  std::optional<std::uint64_t> byte_offset;  // into that file
  std::optional<LineCol> line_col;           // 1-based, when known
  std::string message;                       // what happened, what to do

  // One diagnostic line without the "sosu: " prefix, e.g.
  // "news/a.txt: byte 1532 (line 12, col 8): invalid UTF-8 (C3 28); document skipped"
  std::string to_string() const;
};

// An error about a whole document, with no place in it: document_error(kIo, "a.txt", "cannot open").
inline Error document_error(ErrorCode code, std::string file, std::string message) {
  Error e;
  e.code = code;
  e.file = std::move(file);
  e.message = std::move(message);
  return e;
}

// A value or the errors that prevented it. Small enough to become std::expected later.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::vector<Error>{std::move(error)}) {}
  Result(std::vector<Error> errors) : state_(std::move(errors)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const std::vector<Error>& errors() const { return std::get<std::vector<Error>>(state_); }

 private:
  std::variant<T, std::vector<Error>> state_;
};

}  // namespace sosu

#endif  // SOSU_ERROR_H_
