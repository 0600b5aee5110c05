#include "commands.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>
#include <iostream>
#include <map>
#include <memory>

#include "output.h"
#include "runner.h"
#include "sosu/sosu.h"

namespace sosu::cli {
namespace {

void report(const Error& e) { std::cerr << "sosu: " << e.to_string() << '\n'; }

// True when standard output was closed under us (a pipe into head): not an error.
bool output_closed() { return !std::cout && errno == EPIPE; }

// --jobs, or the number of cores.
unsigned job_count(const Config& config) {
  return config.jobs != 0 ? config.jobs : std::max(1u, std::thread::hardware_concurrency());
}

// The default packs plus --patterns directories, or nullptr after reporting every problem.
// They compile on as many threads as extraction will use.
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
  Result<PackSet> packs = load_packs(dirs, job_count(config));
  if (!packs) {
    for (const Error& e : packs.errors()) report(e);
    return nullptr;
  }
  return std::make_shared<const PackSet>(std::move(packs).value());
}

// --errors FILE: every error also as one JSON line.
class ErrorLog {
 public:
  explicit ErrorLog(const std::string& path) {
    if (!path.empty()) file_.open(path, std::ios::binary | std::ios::trunc);
  }
  bool failed_to_open(const std::string& path) const { return !path.empty() && !file_.is_open(); }
  void write(const Error& e) {
    if (!file_.is_open()) return;
    nlohmann::ordered_json j;
    j["doc"] = e.file;
    j["code"] = error_code_name(e.code);
    j["byte_offset"] = e.byte_offset ? nlohmann::ordered_json(*e.byte_offset) : nlohmann::ordered_json();
    j["line"] = e.line_col ? nlohmann::ordered_json(e.line_col->line) : nlohmann::ordered_json();
    j["col"] = e.line_col ? nlohmann::ordered_json(e.line_col->col) : nlohmann::ordered_json();
    j["message"] = e.message;
    file_ << j.dump() << '\n';
  }

 private:
  std::ofstream file_;
};

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

// Where the documents of a run go, piece by piece.
class DocumentVisitor {
 public:
  virtual ~DocumentVisitor() = default;
  // The pieces of one document in order (an empty document: one empty piece, first and last).
  virtual bool piece(const std::shared_ptr<RunDocument>& doc, const TextPiece& piece, bool first, bool last) = 0;
  // A document that could not be read; doc->error says why.
  virtual bool failure(const std::shared_ptr<RunDocument>& doc) = 0;
};

// FNV-1a over the document's text, piece by piece.
void update_hash(RunDocument& doc, std::string_view text) {
  for (char c : text) {
    doc.hash ^= static_cast<unsigned char>(c);
    doc.hash *= 1099511628211ull;
  }
}

// Hands on the pieces of a document held in memory, the last one marked.
bool visit_in_memory(const std::shared_ptr<RunDocument>& doc, std::string_view text, DocumentVisitor& visitor) {
  std::vector<TextPiece> pieces;
  split_pieces(text, ReadOptions{}, [&](const TextPiece& p) {
    pieces.push_back(p);
    return true;
  });
  if (pieces.empty()) pieces.push_back(TextPiece{});
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    doc->bytes += pieces[k].text.size();
    if (!visitor.piece(doc, pieces[k], k == 0, k + 1 == pieces.size())) return false;
  }
  return true;
}

// Reads every input in order and hands each document to the visitor. Plain UTF-8 text streams;
// HTML, XML, feeds, PDF, DOCX, ODT, WARC and legacy encodings go through the document readers;
// with --jsonl-in each line of an input is a document. Bad documents are reported and handed
// on as failures; returns false if any input failed.
bool walk_documents(const Config& config, DocumentVisitor& visitor, RunStats& stats, ErrorLog& log) {
  bool ok = true;
  bool keep_going = true;
  auto fail = [&](const std::string& id, const std::string& path, const Error& e) {
    report(e);
    log.write(e);
    ok = false;
    ++stats.failed;
    auto doc = std::make_shared<RunDocument>();
    doc->id = id;
    doc->path = path;
    doc->error = e;
    keep_going = keep_going && visitor.failure(doc);
  };
  std::vector<Error> errors;
  std::vector<Input> inputs = expand_inputs(config.paths, errors);
  for (const Error& e : errors) fail(e.file, e.file, e);

  auto read_with_readers = [&](const Input& input) {
    std::vector<Error> failed = read_documents(input, config.documents, [&](const Document& read) {
      ++stats.ok;
      auto doc = std::make_shared<RunDocument>();
      doc->id = read.id;
      doc->path = input.name;
      auto held = std::make_shared<Document>(read);
      doc->document = held;
      keep_going = visit_in_memory(doc, held->text, visitor);
      return keep_going;
    }, &stats.read);
    for (const Error& e : failed) fail(e.file.empty() ? input.name : e.file, input.name, e);
  };

  auto read_jsonl_documents = [&](const Input& input) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (!input.is_stdin) {
      file.open(input.path, std::ios::binary);
      if (!file) {
        Error e;
        e.code = ErrorCode::kIo;
        e.file = input.name;
        e.message = "cannot open";
        return fail(input.name, input.name, e);
      }
      in = &file;
    }
    std::string line;
    std::uint64_t number = 0;
    while (keep_going && std::getline(*in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      const bool shaped = !j.is_discarded() && j.is_object() && j.contains("id") && j["id"].is_string() &&
                          j.contains("text") && j["text"].is_string();
      Error e;
      e.code = ErrorCode::kMarkup;
      e.file = input.name;
      e.line_col = LineCol{number, 1};
      if (!shaped) {
        e.message = "not a JSON document {\"id\": string, \"text\": string}; line skipped";
        fail(input.name + ":" + std::to_string(number), input.name, e);
        continue;
      }
      auto held = std::make_shared<Document>();
      held->id = j["id"].get<std::string>();
      held->text = j["text"].get<std::string>();
      if (auto bad = Utf8Checker(held->id).feed(held->text)) {
        fail(held->id, input.name, *bad);
        continue;
      }
      held->meta.format = "jsonl";
      if (j.contains("url") && j["url"].is_string()) held->meta.url = j["url"].get<std::string>();
      if (j.contains("date") && j["date"].is_string()) held->meta.date = j["date"].get<std::string>();
      auto doc = std::make_shared<RunDocument>();
      doc->id = held->id;
      doc->path = input.name;
      if (j.contains("lang") && j["lang"].is_string()) doc->forced_lang = j["lang"].get<std::string>();
      doc->document = held;
      ++stats.ok;
      keep_going = visit_in_memory(doc, held->text, visitor);
    }
  };

  for (const Input& input : inputs) {
    if (!keep_going) break;
    if (config.jsonl_in) {
      read_jsonl_documents(input);
      continue;
    }
    if (input.is_stdin) {
      read_with_readers(input);  // standard input is read once, into memory
      continue;
    }
    const InputKind kind = sniff_file(input, config.documents);
    const bool utf8_text = kind.format == InputFormat::kText && (kind.encoding.empty() || kind.encoding == "UTF-8" ||
                                                                 kind.encoding == "utf-8");
    if (!utf8_text) {
      read_with_readers(input);
      continue;
    }
    // A plain UTF-8 file streams: each piece is handed on once the next one shows it was not
    // the last.
    auto doc = std::make_shared<RunDocument>();
    doc->id = input.name;
    doc->path = input.name;
    std::string held;
    std::optional<TextPiece> pending;
    bool first = true;
    auto flush = [&](bool last) {
      if (!pending) return true;
      TextPiece p{held, pending->byte_offset, pending->cp_offset};
      doc->bytes += held.size();
      const bool go = visitor.piece(doc, p, first, last);
      first = false;
      pending.reset();
      return go;
    };
    Result<std::uint64_t> read = read_text_document(input, ReadOptions{}, [&](const TextPiece& piece) {
      keep_going = flush(false);
      held.assign(piece.text);
      pending = piece;
      return keep_going;
    });
    if (read) {
      ++stats.ok;
      if (!pending && first) pending = TextPiece{};  // an empty file: one empty piece
      keep_going = keep_going && flush(true);
      continue;
    }
    // Not UTF-8: a text in a legacy encoding, unless it reads as none (the readers tell).
    if (read.errors().front().code == ErrorCode::kInvalidUtf8 && kind.encoding.empty()) {
      read_with_readers(input);
      continue;
    }
    for (const Error& e : read.errors()) fail(input.name, input.name, e);
  }
  return ok;
}

// A progress line on stderr when it is a terminal: documents, MB, MB/s and, when the inputs
// are files, the time left (from their sizes: decoded and HTML documents make it rough).
class Progress {
 public:
  Progress(bool quiet, std::uint64_t total_bytes)
      : on_(!quiet && ::isatty(2) != 0), total_(total_bytes), started_(std::chrono::steady_clock::now()) {}
  void update(std::uint64_t documents, std::uint64_t bytes) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double mb = static_cast<double>(bytes) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0.0;
    char eta[48] = "";
    if (total_ > bytes && rate > 0) {
      const auto left = static_cast<long long>(static_cast<double>(total_ - bytes) / 1e6 / rate);
      std::snprintf(eta, sizeof eta, ", ETA %lldm%02llds", left / 60, left % 60);
    }
    char line[160];
    std::snprintf(line, sizeof line, "\rsosu: %llu documents, %.1f MB, %.1f MB/s%s   ",
                  static_cast<unsigned long long>(documents), mb, rate, eta);
    std::cerr << line << std::flush;
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::cerr << "\r\x1b[K" << std::flush;
  }

 private:
  bool on_;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point started_, last_;
  bool shown_ = false;
};

// The bytes of the input files, for the progress line's time left (standard input: unknown).
std::uint64_t input_bytes(const Config& config) {
  std::vector<Error> ignored;
  std::uint64_t total = 0;
  for (const Input& input : expand_inputs(config.paths, ignored)) {
    std::error_code ec;
    if (!input.is_stdin) total += std::filesystem::file_size(input.path, ec);
  }
  return total;
}

class ExtractVisitor : public DocumentVisitor {
 public:
  ExtractVisitor(const Extractor& extractor, const Config& config, Output& output, RunStats& stats)
      : output_(output),
        stats_(stats),
        progress_(config.quiet, config.quiet || ::isatty(2) == 0 ? 0 : input_bytes(config)),
        runner_(extractor, config.jobs, output.wants_sentences(), text_writing(output, config),
                [this](PieceResult& result) { return deliver(result); }) {}

  bool piece(const std::shared_ptr<RunDocument>& doc, const TextPiece& piece, bool first, bool last) override {
    // The hash costs the reading thread a multiply per byte: only for outputs that keep it.
    if (output_.wants_content_hash()) update_hash(*doc, piece.text);
    return runner_.submit(doc, piece, first, last);
  }
  bool failure(const std::shared_ptr<RunDocument>& doc) override { return runner_.submit_failure(doc); }
  bool finish() { return runner_.finish(); }

 private:
  static TextWriting text_writing(const Output& output, const Config& config) {
    return TextWriting{[&config](const Figure& f) { return passes_filters(f, config); },
                       [&output](const Figure& f, std::string& out) { return output.append_record(f, out); }};
  }

  // A piece's text records with the document's sentence numbers in place of the piece's.
  bool write_renumbered(const RecordText& records, std::uint32_t first_sentence) {
    for (const auto& [kind, n] : records.kinds) stats_.figures_by_kind[kind_name(kind)] += n;
    if (first_sentence == 0) return output_.write_records(records.text);
    renumbered_.clear();
    std::size_t copied = 0;
    for (const RecordText::SentenceNumber& n : records.sentence_numbers) {
      renumbered_.append(records.text, copied, n.at - copied);
      char digits[16];
      renumbered_.append(digits, std::to_chars(digits, digits + sizeof digits, n.in_piece + first_sentence).ptr);
      copied = n.at + static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, n.in_piece).ptr - digits);
    }
    renumbered_.append(records.text, copied, std::string::npos);
    return output_.write_records(renumbered_);
  }

  bool deliver(PieceResult& result) {
    RunDocument& doc = *result.doc;
    if (result.first) {
      doc.decimal_mark = result.decimal_mark;
      if (!output_.begin_document(doc.id, doc.path, doc.document ? &doc.document->meta : nullptr)) return false;
    }
    for (SentenceCopy& s : result.sentences) {
      SentenceRecord record{doc.id, doc.sentences_so_far + s.index, s.text, s.start, s.end, s.byte_start, s.byte_end, s.lang};
      if (!output_.write_sentence(record)) return false;
    }
    if (!write_renumbered(result.records, doc.sentences_so_far)) return false;
    doc.sentences_so_far += result.sentence_count;
    delivered_bytes_ += result.bytes;
    progress_.update(stats_.ok + stats_.failed, delivered_bytes_);
    if (!result.last) return true;
    DocumentEnd end;
    end.id = doc.id;
    end.path = doc.path;
    end.meta = doc.document ? &doc.document->meta : nullptr;
    end.bytes = doc.bytes;
    if (!doc.error && output_.wants_content_hash()) {
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(doc.hash));
      end.content_hash = hex;
    }
    end.decimal_mark = doc.decimal_mark;
    end.error = doc.error;
    return output_.end_document(end);
  }

  Output& output_;
  RunStats& stats_;
  Progress progress_;
  std::uint64_t delivered_bytes_ = 0;
  std::string renumbered_;
  Runner runner_;
};

// tokenize and text run on the reading thread: they are as fast as reading.
template <class OnPiece, class OnEnd>
class SimpleVisitor : public DocumentVisitor {
 public:
  SimpleVisitor(OnPiece on_piece, OnEnd on_end) : on_piece_(std::move(on_piece)), on_end_(std::move(on_end)) {}
  bool piece(const std::shared_ptr<RunDocument>& doc, const TextPiece& piece, bool, bool last) override {
    if (!on_piece_(*doc, piece)) return false;
    if (last) on_end_(*doc);
    return true;
  }
  bool failure(const std::shared_ptr<RunDocument>&) override { return true; }

 private:
  OnPiece on_piece_;
  OnEnd on_end_;
};

template <class OnPiece, class OnEnd>
SimpleVisitor<OnPiece, OnEnd> simple_visitor(OnPiece on_piece, OnEnd on_end) {
  return SimpleVisitor<OnPiece, OnEnd>(std::move(on_piece), std::move(on_end));
}

}  // namespace

int run_extract(const Config& given) {
  std::shared_ptr<const PackSet> packs = load_configured_packs(given);
  if (!packs) return 2;
  Config config = given;
  config.packs_version = packs->versions();
  config.jobs = job_count(config);
  ExtractOptions options;
  options.forced_lang = config.lang;
  options.ref_date = config.ref_date;
  options.with_sentence_text = config.with_sentence;
  Extractor extractor = ExtractorBuilder().packs(packs).options(options).build();
  ErrorLog log(config.errors_file);
  if (log.failed_to_open(config.errors_file)) {
    Error e;
    e.code = ErrorCode::kIo;
    e.file = config.errors_file;
    e.message = "cannot write the --errors file";
    report(e);
    return 2;
  }
  std::unique_ptr<Output> output = make_output(config, std::cout);
  if (!output) return 2;
  RunStats stats;
  bool read_ok, written;
  {
    ExtractVisitor visitor(extractor, config, *output, stats);
    read_ok = walk_documents(config, visitor, stats, log);
    written = visitor.finish();
  }
  written = output->finish() && written;
  if (config.stats) stats.print();
  std::cout.flush();
  // A closed pipe (sosu extract … | head) ends the run quietly: only reading errors count.
  if (output_closed()) return read_ok ? 0 : 2;
  return read_ok && written ? 0 : 2;
}

int run_tokenize(const Config& config) {
  ExtractOptions options;
  options.forced_lang = config.lang;
  RunStats stats;
  ErrorLog log(config.errors_file);
  auto visitor = simple_visitor(
      [&](RunDocument& doc, const TextPiece& piece) {
        PreparedPiece prepared(piece);
        for (const SentenceSpan& span : prepared.sentences()) {
          const std::uint32_t index = doc.sentences_so_far++;
          std::string_view sentence = prepared.normalized().substr(span.byte_start, span.byte_end - span.byte_start);
          const std::string lang = doc.forced_lang.empty() ? sentence_language(sentence, options) : doc.forced_lang;
          for (const Token& token : tokenize_words(sentence)) {
            PreparedPiece::SourceSpan src =
                prepared.to_source(span.byte_start + token.byte_start, span.byte_start + token.byte_end);
            nlohmann::ordered_json j;
            j["doc"] = doc.id;
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
      },
      [](RunDocument&) {});
  bool ok = walk_documents(config, visitor, stats, log);
  std::cout.flush();
  return ok ? 0 : 2;
}

int run_text(const Config& config) {
  RunStats stats;
  ErrorLog log(config.errors_file);
  std::string text;  // --json: a document's text, whole
  auto visitor = simple_visitor(
      [&](RunDocument&, const TextPiece& piece) {
        if (config.json) {
          text.append(piece.text);
          return true;
        }
        std::cout.write(piece.text.data(), static_cast<std::streamsize>(piece.text.size()));
        return static_cast<bool>(std::cout);
      },
      [&](RunDocument& doc) {
        if (!config.json) return;
        nlohmann::ordered_json j;
        j["doc"] = doc.id;
        if (doc.document) {
          const DocumentMeta& m = doc.document->meta;
          j["format"] = m.format;
          j["encoding"] = m.encoding;
          auto optional = [&](const char* key, const std::optional<std::string>& v) {
            j[key] = v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json();
          };
          optional("url", m.url);
          optional("title", m.title);
          optional("date", m.date);
          optional("author", m.author);
          optional("site_name", m.site_name);
          optional("lang", m.lang);
          j["table_cells"] = doc.document->cells.size();
          j["pages"] = doc.document->page_starts.size();
        } else {
          j["format"] = "text";
          j["encoding"] = "UTF-8";
        }
        j["text"] = text;
        std::cout << j.dump() << '\n';
        text.clear();
      });
  bool ok = walk_documents(config, visitor, stats, log);
  std::cout.flush();
  return ok ? 0 : 2;
}

namespace {

// Every figure of the inputs, with its sentence's text (check and compare hold them all).
bool collect_figures(const Config& config, const Extractor& extractor, std::vector<Figure>& out) {
  RunStats stats;
  ErrorLog log(config.errors_file);
  auto visitor = simple_visitor(
      [&](RunDocument& doc, const TextPiece& piece) {
        DocumentCursor cursor;
        if (doc.document) {
          cursor.meta = &doc.document->meta;
          cursor.cells = &doc.document->cells;
          cursor.page_starts = &doc.document->page_starts;
        }
        cursor.forced_lang = doc.forced_lang;
        CollectingSink sink;
        extractor.run_piece(doc.id, piece, cursor, sink);
        for (Figure& f : sink.figures) {
          f.sentence += doc.sentences_so_far;
          out.push_back(std::move(f));
        }
        doc.sentences_so_far += cursor.next_sentence;
        return true;
      },
      [](RunDocument&) {});
  return walk_documents(config, visitor, stats, log);
}

Extractor checking_extractor(const Config& config, const std::shared_ptr<const PackSet>& packs) {
  ExtractOptions options;
  options.forced_lang = config.lang;
  options.ref_date = config.ref_date;
  options.with_sentence_text = true;
  return ExtractorBuilder().packs(packs).options(options).build();
}

// Where a figure is, for people: its document and sentence (1-based).
std::string place(const Figure& f) { return f.doc + ", sentence " + std::to_string(f.sentence + 1); }

}  // namespace

int run_check(const Config& config) {
  std::shared_ptr<const PackSet> packs = load_configured_packs(config);
  if (!packs) return 2;
  std::vector<Figure> figures;
  const bool read_ok = collect_figures(config, checking_extractor(config, packs), figures);
  std::size_t failing = 0, rounding = 0;
  std::vector<Finding> findings = check_figures(figures);
  for (const Finding& f : findings) {
    if (f.verdict == Verdict::kDoesNotHold) ++failing;
    if (f.verdict == Verdict::kOffByRounding) ++rounding;
    if (config.format == "text") {
      std::cout << place(f.figures.back()) << ": " << f.relation << " " << verdict_name(f.verdict) << ": " << f.formula
                << " (computed " << f.computed << ")" << (f.note.empty() ? "" : "; " + f.note) << '\n';
    } else {
      std::cout << finding_to_json(f) << '\n';
    }
  }
  if (config.format == "text") {
    std::cout << "check: " << findings.size() << " relations, " << findings.size() - failing - rounding << " hold, "
              << rounding << " off by rounding, " << failing << " do not hold\n";
  }
  std::cout.flush();
  if (!read_ok) return 2;
  return failing > 0 ? 1 : 0;
}

int run_compare(const Config& config) {
  std::shared_ptr<const PackSet> packs = load_configured_packs(config);
  if (!packs) return 2;
  const Extractor extractor = checking_extractor(config, packs);
  std::vector<Figure> a, b;
  Config first = config, second = config;
  first.paths = {config.paths[0]};
  second.paths = {config.paths[1]};
  const bool read_ok = collect_figures(first, extractor, a) & collect_figures(second, extractor, b);
  std::size_t differences = 0;
  std::map<std::string, std::size_t> counts;
  for (const Alignment& al : compare_figures(a, b)) {
    ++counts[al.status];
    if (al.status != "matched") ++differences;
    if (config.format == "text") {
      const auto show = [](const std::optional<Figure>& f) {
        return f ? "`" + f->text + "` (" + kind_name(f->kind) + " " + (f->value ? f->value->to_string() : "") +
                       (f->unit ? " " + *f->unit : "") + ", " + place(*f) + ")"
                 : std::string("—");
      };
      std::cout << al.status << ": " << show(al.a) << "  |  " << show(al.b) << '\n';
    } else {
      std::cout << alignment_to_json(al) << '\n';
    }
  }
  if (config.format == "text") {
    std::cout << "compare: " << counts["matched"] << " matched, " << counts["changed"] << " changed, "
              << counts["only_in_a"] << " only in " << config.paths[0] << ", " << counts["only_in_b"] << " only in "
              << config.paths[1] << '\n';
  }
  std::cout.flush();
  if (!read_ok) return 2;
  return differences > 0 ? 1 : 0;
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
  Result<PackSet> loaded = load_packs(dirs, job_count(config));
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
