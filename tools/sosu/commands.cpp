#include "commands.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "sosu/sosu.h"

namespace sosu::cli {
namespace {

void report(const Error& e) { std::cerr << "sosu: " << e.to_string() << '\n'; }

// True when standard output was closed under us (a pipe into head): not an error.
bool output_closed() { return !std::cout && errno == EPIPE; }

// The default packs plus --patterns directories, or nullptr after reporting every problem.
std::shared_ptr<const PackSet> load_configured_packs(const Config& config) {
  std::vector<std::filesystem::path> dirs;
  std::optional<std::filesystem::path> defaults = default_patterns_dir();
  if (!defaults) {
    Error e;
    e.code = ErrorCode::kIo;
    e.message = "the default pattern packs were not found; set SOSU_PATTERNS_DIR to the patterns directory";
    report(e);
    return nullptr;
  }
  dirs.push_back(*defaults);
  for (const std::string& d : config.pattern_dirs) dirs.emplace_back(d);
  Result<PackSet> packs = load_packs(dirs);
  if (!packs) {
    for (const Error& e : packs.errors()) report(e);
    return nullptr;
  }
  return std::make_shared<const PackSet>(std::move(packs).value());
}

// The first bytes of a file, to tell its format and encoding.
std::string file_head(const Input& input) {
  std::ifstream in(input.path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// What a run did, for --stats: every document read is ok or failed (an input that fails
// before giving any document counts as one failed document, and so does each fault of a feed
// or archive after the documents it gave).
struct RunStats {
  std::uint64_t ok = 0, failed = 0;
  std::map<std::string, std::uint64_t> figures_by_kind;
  ReadStats read;

  void print() const {
    std::cerr << "sosu: stats: documents: " << ok + failed << " read, " << ok << " ok, " << failed << " failed\n";
    std::uint64_t figures = 0;
    std::string kinds;
    for (const auto& [kind, n] : figures_by_kind) {
      figures += n;
      kinds += (kinds.empty() ? "" : ", ") + kind + " " + std::to_string(n);
    }
    std::cerr << "sosu: stats: figures: " << figures << (kinds.empty() ? "" : " (" + kinds + ")") << "\n";
    std::uint64_t skipped = 0;
    std::string what;
    for (const auto& [type, n] : read.skipped_records) {
      skipped += n;
      what += (what.empty() ? "" : ", ") + type + " " + std::to_string(n);
    }
    if (skipped > 0) std::cerr << "sosu: stats: skipped WARC records: " << skipped << " (" << what << ")\n";
  }
};

// Counts the figures it passes on.
class CountingSink : public FigureSink {
 public:
  CountingSink(FigureSink& next, RunStats& stats) : next_(next), stats_(stats) {}
  bool on_figure(const Figure& f) override {
    ++stats_.figures_by_kind[kind_name(f.kind)];
    return next_.on_figure(f);
  }

 private:
  FigureSink& next_;
  RunStats& stats_;
};

// Reads every input in order and hands each piece of each valid document to
// on_piece(doc_id, piece, cursor), then calls on_end(doc_id, cursor) once per document.
// Plain UTF-8 text streams; HTML, XML, feeds and legacy encodings go through the document
// readers (a feed gives a document per item). Bad documents are reported and skipped;
// returns false if any input failed.
template <class OnPiece, class OnEnd>
bool for_each_document(const Config& config, OnPiece&& on_piece, OnEnd&& on_end, RunStats* stats = nullptr) {
  RunStats unused;
  RunStats& run = stats != nullptr ? *stats : unused;
  std::vector<Error> errors;
  std::vector<Input> inputs = expand_inputs(config.paths, errors);
  for (const Error& e : errors) report(e);
  run.failed += errors.size();
  bool ok = errors.empty();
  bool keep_going = true;
  auto read_with_readers = [&](const Input& input) {
    std::vector<Error> failed = read_documents(input, config.documents, [&](const Document& doc) {
      ++run.ok;
      DocumentCursor cursor;
      cursor.meta = &doc.meta;
      cursor.cells = &doc.cells;
      cursor.page_starts = &doc.page_starts;
      split_pieces(doc.text, ReadOptions{}, [&](const TextPiece& piece) {
        keep_going = on_piece(doc.id, piece, cursor);
        return keep_going;
      });
      on_end(doc.id, cursor);
      return keep_going;
    }, &run.read);
    for (const Error& e : failed) report(e);
    run.failed += failed.size();
    ok = ok && failed.empty();
  };
  for (const Input& input : inputs) {
    if (!keep_going) break;
    if (input.is_stdin) {
      read_with_readers(input);  // standard input is read once, into memory
      continue;
    }
    const InputKind kind = sniff_input(input.name, file_head(input), config.documents);
    const bool utf8_text = kind.format == InputFormat::kText && (kind.encoding.empty() || kind.encoding == "UTF-8" ||
                                                                 kind.encoding == "utf-8");
    if (!utf8_text) {
      read_with_readers(input);
      continue;
    }
    DocumentCursor cursor;
    Result<std::uint64_t> read = read_text_document(input, ReadOptions{}, [&](const TextPiece& piece) {
      keep_going = on_piece(input.name, piece, cursor);
      return keep_going;
    });
    if (read) {
      ++run.ok;
      on_end(input.name, cursor);
      continue;
    }
    // Not UTF-8: a text in a legacy encoding, unless it reads as none (the readers tell).
    if (read.errors().front().code == ErrorCode::kInvalidUtf8 && kind.encoding.empty()) {
      read_with_readers(input);
      continue;
    }
    for (const Error& e : read.errors()) report(e);
    ++run.failed;
    ok = false;
  }
  return ok;
}

void no_end(const std::string&, const DocumentCursor&) {}

}  // namespace

int run_extract(const Config& config) {
  std::shared_ptr<const PackSet> packs = load_configured_packs(config);
  if (!packs) return 2;
  ExtractOptions options;
  options.forced_lang = config.lang;
  options.ref_date = config.ref_date;
  Extractor extractor = ExtractorBuilder().packs(packs).options(options).build();
  JsonlSink jsonl(std::cout);
  RunStats stats;
  CountingSink sink(jsonl, stats);
  bool ok = for_each_document(
      config,
      [&](const std::string& doc_id, const TextPiece& piece, DocumentCursor& cursor) {
        return extractor.run_piece(doc_id, piece, cursor, sink);
      },
      no_end, &stats);
  if (config.stats) stats.print();
  std::cout.flush();
  if (output_closed()) return ok ? 0 : 2;
  return ok ? 0 : 2;
}

int run_tokenize(const Config& config) {
  ExtractOptions options;
  options.forced_lang = config.lang;
  bool ok = for_each_document(config, [&](const std::string& doc_id, const TextPiece& piece, DocumentCursor& cursor) {
    PreparedPiece prepared(piece);
    for (const SentenceSpan& span : prepared.sentences()) {
      const std::uint32_t index = cursor.next_sentence++;
      std::string_view sentence =
          prepared.normalized().substr(span.byte_start, span.byte_end - span.byte_start);
      const std::string lang = sentence_language(sentence, options);
      for (const Token& token : tokenize_words(sentence)) {
        PreparedPiece::SourceSpan src =
            prepared.to_source(span.byte_start + token.byte_start, span.byte_start + token.byte_end);
        nlohmann::ordered_json j;
        j["doc"] = doc_id;
        j["sentence"] = index;
        j["lang"] = lang;
        j["text"] = std::string(src.text);
        j["start"] = src.cp_start;
        j["end"] = src.cp_end;
        j["byte_start"] = src.byte_start;
        j["byte_end"] = src.byte_end;
        j["type"] = token_type_name(token.type);
        std::cout << j.dump() << '\n';
      }
    }
    return static_cast<bool>(std::cout);
  }, no_end);
  std::cout.flush();
  return ok ? 0 : 2;
}

int run_text(const Config& config) {
  if (!config.json) {
    bool ok = for_each_document(
        config,
        [&](const std::string&, const TextPiece& piece, DocumentCursor&) {
          std::cout.write(piece.text.data(), static_cast<std::streamsize>(piece.text.size()));
          return static_cast<bool>(std::cout);
        },
        no_end);
    std::cout.flush();
    return ok ? 0 : 2;
  }
  // --json: one object per document, its text whole (documents from readers are in memory).
  std::string text;
  bool ok = for_each_document(
      config,
      [&](const std::string&, const TextPiece& piece, DocumentCursor&) {
        text.append(piece.text);
        return true;
      },
      [&](const std::string& doc_id, const DocumentCursor& cursor) {
        nlohmann::ordered_json j;
        j["doc"] = doc_id;
        if (const DocumentMeta* m = cursor.meta) {
          j["format"] = m->format;
          j["encoding"] = m->encoding;
          auto optional = [&](const char* key, const std::optional<std::string>& v) {
            j[key] = v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json();
          };
          optional("url", m->url);
          optional("title", m->title);
          optional("date", m->date);
          optional("author", m->author);
          optional("site_name", m->site_name);
          optional("lang", m->lang);
          j["table_cells"] = cursor.cells != nullptr ? cursor.cells->size() : 0;
        } else {
          j["format"] = "text";
          j["encoding"] = "UTF-8";
        }
        j["text"] = text;
        std::cout << j.dump() << '\n';
        text.clear();
      });
  std::cout.flush();
  return ok ? 0 : 2;
}

int run_packs_check(const Config& config) {
  std::vector<std::filesystem::path> dirs;
  for (const std::string& p : config.paths) dirs.emplace_back(p);
  if (dirs.empty()) {
    std::optional<std::filesystem::path> defaults = default_patterns_dir();
    if (!defaults) {
      Error e;
      e.code = ErrorCode::kIo;
      e.message = "the default pattern packs were not found; name a directory: sosu packs check DIR";
      report(e);
      return 2;
    }
    dirs.push_back(*defaults);
  }
  for (const std::string& d : config.pattern_dirs) dirs.emplace_back(d);
  Result<PackSet> loaded = load_packs(dirs);
  if (!loaded) {
    for (const Error& e : loaded.errors()) report(e);
    return 2;
  }
  auto packs = std::make_shared<const PackSet>(std::move(loaded).value());
  std::vector<Error> failures = check_pack_examples(packs);
  for (const Error& e : failures) report(e);
  std::cout << "packs: " << packs->rule_count() << " rules, " << packs->example_count() << " examples, "
            << failures.size() << " failing\n";
  return failures.empty() ? 0 : 2;
}

int run_version(const Config& config) {
  std::cout << "sosu " << version() << '\n';
  std::shared_ptr<const PackSet> packs = load_configured_packs(config);
  if (!packs) return 2;
  std::cout << "packs: " << packs->versions() << '\n';
  return 0;
}

}  // namespace sosu::cli
