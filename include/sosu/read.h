// Reading: command-line paths become inputs, inputs become checked UTF-8 text pieces.
//
//   std::vector<sosu::Error> errors;
//   for (const sosu::Input& in : sosu::expand_inputs({"corpora/ko", "-"}, errors)) {
//     sosu::Status st = sosu::read_text_document(in, {}, [&](const sosu::TextPiece& p) {
//       consume(p.text, p.byte_offset);
//       return true;  // false stops reading
//     });
//   }
#ifndef SOSU_READ_H_
#define SOSU_READ_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sosu/error.h"

namespace sosu {

// One document source: a file or standard input.
struct Input {
  std::string name;             // as given, or the path found under a given directory; "-" for stdin
  std::filesystem::path path;   // empty for stdin
  bool is_stdin = false;
};

// Expands files, directories (recursively, entries sorted by path so runs are deterministic)
// and "-" (standard input). A path that does not exist adds an error to `errors`; the other
// inputs are still returned.
std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::vector<Error>& errors);

// Validates UTF-8 as it streams by and tracks line and column, so a problem is reported
// with its byte offset, line:column and the offending bytes. A NUL byte is reported as a
// binary file. Overlong forms, surrogates and values past U+10FFFF are invalid.
class Utf8Checker {
 public:
  explicit Utf8Checker(std::string file_name) : file_(std::move(file_name)) {}
  // Checks the next bytes; returns the first problem, after which the checker is spent.
  std::optional<Error> feed(std::string_view bytes);
  // Reports a multi-byte sequence cut off by the end of the input.
  std::optional<Error> finish();
  std::uint64_t bytes_seen() const { return offset_; }

 private:
  Error make_error(ErrorCode code, std::uint64_t at, const std::string& what) const;
  // Moves the line and column past bytes that passed the check.
  void advance_position(std::string_view checked);
  std::string file_;
  std::uint64_t offset_ = 0;      // bytes consumed so far
  std::uint64_t line_ = 1;
  std::uint64_t col_ = 1;
  std::string pending_;           // an incomplete sequence at the end of the last feed
  std::uint64_t pending_offset_ = 0;
};

// A line-aligned piece of a document's text, with where it starts in the document.
struct TextPiece {
  std::string_view text;          // valid UTF-8; ends at a line break or the end of the document
  std::uint64_t byte_offset = 0;  // of text[0] in the document
  std::uint64_t cp_offset = 0;    // the same place in code points
};

struct ReadOptions {
  // Pieces end at the last line break within this many bytes (default 512 KiB), so that memory
  // stays bounded however large the document; a line longer than this is cut at a space.
  std::size_t max_piece_bytes = std::size_t{512} << 10;
};

// Reads one plain UTF-8 document. Every byte is checked before the first piece is handed on,
// so a bad document yields an error and no pieces. Files are read twice (check, then pieces)
// to keep memory flat; standard input is held in memory. An empty input calls on_piece never.
// Returns the total size in bytes, or the error.
Result<std::uint64_t> read_text_document(const Input& input, const ReadOptions& options,
                                         const std::function<bool(const TextPiece&)>& on_piece);

// Splits text that is already in memory into pieces as read_text_document would.
void split_pieces(std::string_view text, const ReadOptions& options,
                  const std::function<bool(const TextPiece&)>& on_piece);

}  // namespace sosu

#endif  // SOSU_READ_H_
