#include "read/pdf.h"

#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "read/table_text.h"
#include "text/ascii.h"
#include "text/utf8.h"

extern char** environ;

namespace sosu::internal {
namespace {

Error pdf_error(const std::string& name, ErrorCode code, const std::string& message) {
  return document_error(code, name, message);
}

std::optional<std::string> find_program(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const std::size_t colon = dirs.find(':');
    std::string candidate = std::string(dirs.substr(0, colon)) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

struct ProgramRun {
  int status = -1;
  std::string out, err;
};

// Runs a program with its output and errors captured; nullopt if it cannot be started.
std::optional<ProgramRun> run_program(const std::string& program, const std::vector<std::string>& args) {
  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0) return std::nullopt;
  if (::pipe(err_pipe) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  std::vector<char*> argv;
  std::vector<std::string> owned = args;
  owned.insert(owned.begin(), program);
  for (std::string& a : owned) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    return std::nullopt;
  }
  ProgramRun run;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&run.out, &run.err};
  int open_fds = 2;
  char buffer[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || (fds[k].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t got = ::read(fds[k].fd, buffer, sizeof buffer);
      if (got > 0) {
        sinks[k]->append(buffer, static_cast<std::size_t>(got));
      } else {
        ::close(fds[k].fd);
        fds[k].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::size_t width(std::string_view line) { return static_cast<std::size_t>(count_code_points(line)); }

// The cells of a line laid out in columns: runs of text apart by two spaces or more.
std::vector<std::string> columns_of(std::string_view line) {
  std::vector<std::string> cells;
  line = trim_space(line);
  while (!line.empty()) {
    std::size_t gap = line.find("  ");
    cells.emplace_back(trim_space(line.substr(0, gap)));
    if (gap == std::string_view::npos) break;
    line = trim_space(line.substr(gap));
  }
  return cells;
}

bool ends_a_sentence(std::string_view line) {
  static constexpr std::string_view kEnds[] = {".", "?", "!", ":", ";", ")", "\"", "\xE2\x80\x9D", "\xE3\x80\x82"};
  return std::any_of(std::begin(kEnds), std::end(kEnds), [&](std::string_view e) {
    return line.size() >= e.size() && line.substr(line.size() - e.size()) == e;
  });
}

// One page of pdftotext -layout output as lines: a block of two or more lines in columns is a
// table, a line that fills the width and does not end a sentence runs on into the next.
void append_page(std::string_view page, Document& doc) {
  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= page.size();) {
    std::size_t end = page.find('\n', pos);
    if (end == std::string_view::npos) end = page.size();
    lines.push_back(page.substr(pos, end - pos));
    pos = end + 1;
  }
  std::size_t full = 0;
  for (std::string_view l : lines) {
    if (columns_of(l).size() < 2) full = std::max(full, width(trim_space(l)));
  }
  std::string& text = doc.text;
  bool open_line = false;  // the last line written may run on
  for (std::size_t i = 0; i < lines.size();) {
    // A table: consecutive lines of the same two or more columns, numbers in most rows (justified
    // text has double spaces too, but not the same count of them line after line, nor numbers alone).
    std::size_t j = i;
    const std::size_t count = columns_of(lines[i]).size();
    std::size_t numeric_rows = 0;
    while (j < lines.size() && count >= 2 && columns_of(lines[j]).size() == count) {
      const std::vector<std::string> cells = columns_of(lines[j]);
      if (std::any_of(cells.begin(), cells.end(), [](const std::string& c) { return !has_words(c) && !c.empty(); })) {
        ++numeric_rows;
      }
      ++j;
    }
    if (j - i >= 2 && numeric_rows * 2 >= j - i) {
      if (open_line) text += '\n';
      open_line = false;
      std::vector<TableRowText> rows;
      for (std::size_t k = i; k < j; ++k) {
        TableRowText row;
        std::size_t column = 0;
        for (std::string& cell : columns_of(lines[k])) row.cells.push_back(TableCellText{std::move(cell), false, column++});
        rows.push_back(std::move(row));
      }
      append_table(rows, true, text, doc.cells);
      text += '\n';
      i = j;
      continue;
    }
    std::string_view line = trim_space(lines[i]);
    if (line.empty()) {
      if (open_line) text += '\n';
      open_line = false;
      ++i;
      continue;
    }
    if (open_line) text += ' ';
    text += line;
    open_line = width(line) * 4 >= full * 3 && !ends_a_sentence(line);
    if (!open_line) text += '\n';
    ++i;
  }
  if (open_line) text += '\n';
}

}  // namespace

bool is_pdf(std::string_view bytes) { return bytes.substr(0, 5) == "%PDF-"; }

Document pdf_layout_document(std::string_view layout_text, const std::string& name) {
  Document doc;
  doc.id = name;
  doc.meta.format = "pdf";
  std::size_t pos = 0;
  while (pos < layout_text.size()) {
    std::size_t end = layout_text.find('\f', pos);
    if (end == std::string_view::npos) end = layout_text.size();
    if (!doc.text.empty() && doc.text.back() == '\n' && doc.text.size() >= 2 && doc.text[doc.text.size() - 2] != '\n') {
      doc.text += '\n';  // a page break is a paragraph break
    }
    doc.page_starts.push_back(doc.text.size());
    append_page(layout_text.substr(pos, end - pos), doc);
    pos = end + 1;
  }
  return doc;
}

Result<Document> pdf_document(const std::filesystem::path& path, const std::string& name) {
  std::optional<std::string> program = find_program("pdftotext");
  if (!program) {
    return pdf_error(name, ErrorCode::kNoText,
                     "reading PDF needs the pdftotext program: install poppler-utils (apt-get install "
                     "poppler-utils); document skipped");
  }
  std::optional<ProgramRun> run = run_program(*program, {"-layout", "-enc", "UTF-8", "-q", path.string(), "-"});
  if (!run) return pdf_error(name, ErrorCode::kIo, "cannot run " + *program + "; document skipped");
  if (run->status != 0) {
    // pdftotext -q says nothing; ask again for the reason.
    std::optional<ProgramRun> loud = run_program(*program, {"-enc", "UTF-8", "-l", "1", path.string(), "/dev/null"});
    const std::string reason = loud ? std::string(trim_space(loud->err)) : "";
    if (run->status == 1 && (reason.find("password") != std::string::npos || reason.find("ncrypt") != std::string::npos)) {
      return pdf_error(name, ErrorCode::kProtected, "an encrypted PDF that needs a password; document skipped");
    }
    return pdf_error(name, ErrorCode::kMarkup,
                     "pdftotext could not read it" + (reason.empty() ? std::string() : ": " + reason) +
                         "; document skipped");
  }
  Document doc = pdf_layout_document(run->out, name);
  if (trim_space(doc.text).empty()) {
    return pdf_error(name, ErrorCode::kNoText,
                     "a PDF without a text layer (" + std::to_string(doc.page_starts.size()) +
                         " pages of images: scanned?); run OCR on it first; document skipped");
  }
  return doc;
}

}  // namespace sosu::internal
