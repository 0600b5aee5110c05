// Helpers shared by the test binaries: the project's packs, files, slicing by code points.
#ifndef SOSU_TESTS_TEST_SUPPORT_H_
#define SOSU_TESTS_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "sosu/sosu.h"

namespace sosu::testing {

inline std::filesystem::path source_dir() { return SOSU_SOURCE_DIR; }
inline std::filesystem::path patterns_dir() { return SOSU_PATTERNS_DIR_FOR_TESTS; }
inline std::filesystem::path shared_dir() { return SOSU_SHARED_DIR; }
inline std::filesystem::path test_data_dir() { return SOSU_TEST_DATA_DIR; }

// The project's own packs, loaded once per test binary.
inline std::shared_ptr<const PackSet> project_packs() {
  static std::shared_ptr<const PackSet> packs = [] {
    Result<PackSet> loaded = load_packs({patterns_dir()});
    if (!loaded) {
      for (const Error& e : loaded.errors()) ADD_FAILURE() << e.to_string();
      return std::make_shared<const PackSet>();
    }
    return std::make_shared<const PackSet>(std::move(loaded).value());
  }();
  return packs;
}

inline std::vector<Figure> extract(std::string_view text, const std::string& forced_lang = "") {
  ExtractOptions options;
  options.forced_lang = forced_lang;
  Extractor ex = ExtractorBuilder().packs(project_packs()).options(options).build();
  CollectingSink sink;
  ex.run("test", text, sink);
  return sink.figures;
}

// Figures with relative times resolved against `ref` (YYYY-MM-DD), as --ref-date does.
inline std::vector<Figure> extract_with_ref(std::string_view text, const std::string& ref) {
  ExtractOptions options;
  options.ref_date = CalendarDate::parse(ref);
  Extractor ex = ExtractorBuilder().packs(project_packs()).options(options).build();
  CollectingSink sink;
  ex.run("t", text, sink);
  return sink.figures;
}

// What a reader made of a file: its documents, its errors and what it skipped.
struct ReadResult {
  std::vector<Document> documents;
  std::vector<Error> errors;
  ReadStats stats;
};

inline ReadResult read_input(const std::string& name, const std::filesystem::path& path,
                             const DocumentOptions& options = {}) {
  ReadResult r;
  Input input{name, path, false};
  r.errors = read_documents(
      input, options,
      [&](const Document& d) {
        r.documents.push_back(d);
        return true;
      },
      &r.stats);
  return r;
}

// The one document a read gave (a copy: the ReadResult is usually a temporary).
inline Document only_document(const ReadResult& r) {
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : r.errors.front().to_string());
  EXPECT_EQ(r.documents.size(), 1u);
  return r.documents.empty() ? Document() : r.documents.front();
}

// A reader's document through the extractor, with its metadata and table cells.
inline std::vector<Figure> extract_document(const Document& doc) {
  Extractor ex = ExtractorBuilder().packs(project_packs()).build();
  CollectingSink sink;
  ex.run_document(doc, sink);
  return sink.figures;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every line of the project's own sample documents (corpora/ko, corpora/vi).
inline std::vector<std::string> corpus_lines() {
  std::vector<std::string> lines;
  for (const char* dir : {"ko", "vi"}) {
    for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "corpora" / dir)) {
      if (entry.path().extension() != ".txt") continue;
      std::istringstream text(read_file(entry.path()));
      for (std::string line; std::getline(text, line);) lines.push_back(line);
    }
  }
  return lines;
}

// The "text" of every line of the shared corpora (../shared/corpora, CC BY-SA); none in a
// user's clone, where ../shared is not.
inline std::vector<std::string> shared_corpus_texts() {
  std::vector<std::string> texts;
  for (const char* name : {"ko_ner_dev.jsonl", "vi_dev.jsonl"}) {
    std::ifstream in(shared_dir() / "corpora" / name);
    for (std::string line; std::getline(in, line);) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  }
  return texts;
}

// text[start, end) in code points, as Python slicing would give.
inline std::string slice_code_points(std::string_view text, std::uint64_t start, std::uint64_t end) {
  std::uint64_t cp = 0;
  std::size_t byte_start = text.size(), byte_end = text.size();
  for (std::size_t i = 0; i <= text.size(); ++i) {
    bool boundary = i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (!boundary) continue;
    if (cp == start) byte_start = std::min(byte_start, i);
    if (cp == end) {
      byte_end = i;
      break;
    }
    ++cp;
  }
  if (byte_start > byte_end) return "<bad span>";
  return std::string(text.substr(byte_start, byte_end - byte_start));
}

// Runs a shell command; returns its exit status and fills out/err with what it printed.
inline int run_command(const std::string& command, std::string* out = nullptr, std::string* err = nullptr,
                       const std::string& stdin_text = "") {
  static int counter = 0;
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("sosu-cmd-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "in", std::ios::binary) << stdin_text;
  std::ofstream(dir / "cmd.sh") << command << "\n";
  // bash, not sh: tests use pipefail.
  std::string full = "bash " + (dir / "cmd.sh").string() + " <" + (dir / "in").string() + " >" +
                     (dir / "out").string() + " 2>" + (dir / "err").string();
  int status = std::system(full.c_str());
  if (out != nullptr) *out = read_file(dir / "out");
  if (err != nullptr) *err = read_file(dir / "err");
  std::filesystem::remove_all(dir);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string cli() { return std::string(SOSU_CLI_PATH) + " "; }

// A file of tests/errors/, the bad-input fixtures.
inline std::filesystem::path error_fixture(const std::string& name) { return test_data_dir() / "errors" / name; }

// The figure whose text is `text`; a test failure (and an empty figure) if there is none.
inline const Figure& figure_by_text(const std::vector<Figure>& figures, std::string_view text) {
  for (const Figure& f : figures) {
    if (f.text == text) return f;
  }
  static const Figure none;
  ADD_FAILURE() << "no figure " << text;
  return none;
}

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace sosu::testing

#endif  // SOSU_TESTS_TEST_SUPPORT_H_
