// Inputs named on the command line, and reading one plain UTF-8 document in pieces.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "sosu/read.h"
#include "text/utf8.h"

namespace sosu {
namespace fs = std::filesystem;

namespace {

Error io_error(const std::string& name, const std::string& what) { return document_error(ErrorCode::kIo, name, what); }

constexpr std::size_t kReadBlock = 1 << 16;

}  // namespace

std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::vector<Error>& errors) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    if (arg == "-") {
      inputs.push_back(Input{"-", {}, true});
      continue;
    }
    std::error_code ec;
    fs::path path(arg);
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back(io_error(arg, "no such file or directory"));
      continue;
    }
    if (!fs::is_directory(status)) {
      inputs.push_back(Input{arg, path, false});
      continue;
    }
    // Directories: every regular file below, sorted by path so that output is deterministic.
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) found.push_back(it->path());
    }
    if (ec) errors.push_back(io_error(arg, "cannot list directory: " + ec.message()));
    std::sort(found.begin(), found.end());
    for (const fs::path& p : found) inputs.push_back(Input{p.string(), p, false});
  }
  return inputs;
}

void split_pieces(std::string_view text, const ReadOptions& options,
                  const std::function<bool(const TextPiece&)>& on_piece) {
  const std::size_t max_bytes = std::max<std::size_t>(options.max_piece_bytes, 16);
  std::uint64_t byte_offset = 0;
  std::uint64_t cp_offset = 0;
  while (!text.empty()) {
    std::size_t cut = text.size();
    if (cut > max_bytes) {
      // Prefer the last line break, then the last space, then the last code point boundary.
      std::string_view window = text.substr(0, max_bytes);
      std::size_t nl = window.rfind('\n');
      if (nl != std::string_view::npos) {
        cut = nl + 1;
      } else {
        std::size_t sp = window.rfind(' ');
        cut = sp != std::string_view::npos ? sp + 1 : internal::utf8_floor(text, max_bytes);
      }
    }
    TextPiece piece{text.substr(0, cut), byte_offset, cp_offset};
    if (!on_piece(piece)) return;
    byte_offset += cut;
    cp_offset += internal::count_code_points(piece.text);
    text.remove_prefix(cut);
  }
}

Result<std::uint64_t> read_text_document(const Input& input, const ReadOptions& options,
                                         const std::function<bool(const TextPiece&)>& on_piece) {
  Utf8Checker checker(input.name);
  if (input.is_stdin) {
    // Standard input cannot be read twice, so it is held in memory.
    std::string text;
    std::string block(kReadBlock, '\0');
    while (std::cin.read(block.data(), static_cast<std::streamsize>(block.size())) ||
           std::cin.gcount() > 0) {
      std::string_view got(block.data(), static_cast<std::size_t>(std::cin.gcount()));
      if (auto err = checker.feed(got)) return *err;
      text.append(got);
    }
    if (auto err = checker.finish()) return *err;
    split_pieces(text, options, on_piece);
    return static_cast<std::uint64_t>(text.size());
  }

  // Pass 1: check every byte, so that a bad document yields no records at all.
  {
    std::ifstream in(input.path, std::ios::binary);
    if (!in) return io_error(input.name, std::string("cannot open: ") + std::strerror(errno));
    std::string block(kReadBlock, '\0');
    while (in.read(block.data(), static_cast<std::streamsize>(block.size())) || in.gcount() > 0) {
      if (auto err = checker.feed(std::string_view(block.data(), static_cast<std::size_t>(in.gcount())))) {
        return *err;
      }
    }
    if (in.bad()) return io_error(input.name, "read error");
    if (auto err = checker.finish()) return *err;
  }

  // Pass 2: hand on line-aligned pieces of at most max_piece_bytes.
  std::ifstream in(input.path, std::ios::binary);
  if (!in) return io_error(input.name, std::string("cannot reopen: ") + std::strerror(errno));
  const std::size_t max_bytes = std::max<std::size_t>(options.max_piece_bytes, 16);
  std::string buffer;
  std::uint64_t byte_offset = 0;
  std::uint64_t cp_offset = 0;
  bool keep_going = true;
  bool at_end = false;
  while (keep_going && !(at_end && buffer.empty())) {
    if (!at_end && buffer.size() < max_bytes) {
      std::size_t old = buffer.size();
      buffer.resize(max_bytes);
      in.read(buffer.data() + old, static_cast<std::streamsize>(max_bytes - old));
      buffer.resize(old + static_cast<std::size_t>(in.gcount()));
      if (!in) at_end = true;
    }
    // Hand on everything up to the last whole piece; keep the rest for the next read.
    std::string_view view(buffer);
    std::size_t consumed = 0;
    ReadOptions piece_options = options;
    piece_options.max_piece_bytes = max_bytes;
    std::string_view usable = view;
    if (!at_end) {
      std::size_t nl = view.rfind('\n');
      if (nl != std::string_view::npos) {
        usable = view.substr(0, nl + 1);
      } else if (view.size() >= max_bytes) {
        std::size_t sp = view.rfind(' ');
        // The buffer may end inside a character: cut before it.
        usable = view.substr(0, sp != std::string_view::npos ? sp + 1 : internal::utf8_complete_prefix(view));
      } else {
        continue;  // the buffer is not full yet: read more
      }
    }
    split_pieces(usable, piece_options, [&](const TextPiece& p) {
      TextPiece shifted{p.text, byte_offset + p.byte_offset, cp_offset + p.cp_offset};
      keep_going = on_piece(shifted);
      return keep_going;
    });
    consumed = usable.size();
    byte_offset += consumed;
    cp_offset += internal::count_code_points(usable);
    buffer.erase(0, consumed);
  }
  return checker.bytes_seen();
}

}  // namespace sosu
