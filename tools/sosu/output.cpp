#include "output.h"

#include <sqlite3.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

namespace sosu::cli {
namespace {

void report(const std::string& message) { std::cerr << "sosu: " << message << '\n'; }

// One RFC 4180 row of `text` from `pos` (quoted fields may hold commas, quotes and line
// breaks), into `fields`; pos moves past its CRLF.
void read_csv_row(std::string_view text, std::size_t& pos, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (quoted) {
      if (c != '"') field += c;
      else if (pos + 1 < text.size() && text[pos + 1] == '"') field += text[++pos];
      else quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
      pos += 2;
      break;
    } else {
      field += c;
    }
  }
  fields.push_back(std::move(field));
}

// Text records straight to the stream.
class StreamOutput : public Output {
 public:
  explicit StreamOutput(std::ostream& out) : out_(out) {}
  bool write_records(std::string_view records) override {
    out_.write(records.data(), static_cast<std::streamsize>(records.size()));
    return static_cast<bool>(out_);
  }

 protected:
  std::ostream& out_;
};

class JsonlOutput : public StreamOutput {
 public:
  using StreamOutput::StreamOutput;
  std::size_t append_record(const Figure& f, std::string& out) const override {
    const std::size_t sentence_at = append_figure_json(f, out);
    out += '\n';
    return sentence_at;
  }
};

class CsvOutput : public StreamOutput {
 public:
  CsvOutput(std::ostream& out, CsvOptions options) : StreamOutput(out), options_(options) {
    out_ << csv_header(options_);
  }
  std::size_t append_record(const Figure& f, std::string& out) const override {
    return append_csv_row(f, options_, out);
  }

 private:
  CsvOptions options_;
};

nlohmann::ordered_json optional_json(const std::optional<std::string>& s) {
  return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json();
}

// --format json: one object per document, streamed so that a huge document costs no memory:
// what is known before reading it (doc, path, format, encoding, url, title, date, lang), then
// its figures, then what is known only after (bytes, decimal_mark, error).
class JsonDocumentsOutput : public Output {
 public:
  explicit JsonDocumentsOutput(std::ostream& out) : out_(out) {}
  bool begin_document(const std::string& id, const std::string& path, const DocumentMeta* meta) override {
    nlohmann::ordered_json j;
    j["doc"] = id;
    j["path"] = path;
    j["format"] = meta ? meta->format : "text";
    j["encoding"] = meta ? meta->encoding : "UTF-8";
    j["url"] = meta ? optional_json(meta->url) : nullptr;
    j["title"] = meta ? optional_json(meta->title) : nullptr;
    j["date"] = meta ? optional_json(meta->date) : nullptr;
    j["lang"] = meta ? optional_json(meta->lang) : nullptr;
    std::string head = j.dump();
    head.pop_back();
    out_ << head << ",\"figures\":[";
    records_in_document_ = false;
    return static_cast<bool>(out_);
  }
  // The records go in as written by the JSONL writer, so that values stay exact; each after
  // a comma, which the document's first one drops.
  std::size_t append_record(const Figure& f, std::string& out) const override {
    out += ',';
    return append_figure_json(f, out);
  }
  bool write_records(std::string_view records) override {
    if (records.empty()) return true;
    if (!records_in_document_) records.remove_prefix(1);
    records_in_document_ = true;
    out_.write(records.data(), static_cast<std::streamsize>(records.size()));
    return static_cast<bool>(out_);
  }
  bool end_document(const DocumentEnd& end) override {
    nlohmann::ordered_json j;
    j["bytes"] = end.bytes;
    j["decimal_mark"] = end.decimal_mark ? nlohmann::ordered_json(std::string(1, *end.decimal_mark)) : nullptr;
    j["error"] = end.error ? nlohmann::ordered_json(end.error->to_string()) : nullptr;
    std::string tail = j.dump();
    tail.front() = ',';
    out_ << "]" << tail << "\n";
    return static_cast<bool>(out_);
  }

 private:
  std::ostream& out_;
  bool records_in_document_ = false;
};

// --sqlite FILE: documents, sentences (with an FTS5 index) and figures. A document read again
// replaces its earlier rows: one transaction per document, nothing duplicated.
class SqliteOutput : public Output {
 public:
  bool wants_content_hash() const override { return true; }
  static std::unique_ptr<SqliteOutput> open(const std::string& path, const std::string& packs_version) {
    std::unique_ptr<SqliteOutput> out(new SqliteOutput(packs_version));
    // One thread writes the database: SQLite need not lock for each call.
    if (sqlite3_open_v2(path.c_str(), &out->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      report(path + ": cannot open the SQLite database: " + sqlite3_errmsg(out->db_));
      return nullptr;
    }
    static const char* kSchema = R"sql(
      PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS documents (
        id TEXT PRIMARY KEY, content_hash TEXT, url TEXT, title TEXT, date TEXT, lang TEXT, path TEXT,
        bytes INTEGER, format TEXT, encoding TEXT, decimal_mark TEXT, error TEXT, tool TEXT, packs TEXT);
      CREATE TABLE IF NOT EXISTS sentences (
        doc TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT, start INTEGER, "end" INTEGER, lang TEXT,
        PRIMARY KEY (doc, idx));
      CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(text, doc UNINDEXED, idx UNINDEXED);
      CREATE TABLE IF NOT EXISTS figures (
        doc TEXT NOT NULL, lang TEXT, kind TEXT, text TEXT, start INTEGER, "end" INTEGER, byte_start INTEGER,
        byte_end INTEGER, value NUMERIC, "from" TEXT, "to" TEXT, date TEXT, unit TEXT, subject TEXT, qualifier TEXT,
        time_text TEXT, time_date TEXT, time_part TEXT, sentence INTEGER, pattern TEXT, direction TEXT, status TEXT,
        decimals INTEGER, per TEXT, place TEXT, source TEXT, fraction TEXT, relative TEXT, decimal_mark TEXT,
        doc_url TEXT, doc_title TEXT, doc_date TEXT, page INTEGER);
      CREATE INDEX IF NOT EXISTS figures_doc ON figures (doc);
      CREATE INDEX IF NOT EXISTS figures_kind ON figures (kind, unit);
      CREATE INDEX IF NOT EXISTS figures_subject ON figures (subject);
    )sql";
    char* message = nullptr;
    if (sqlite3_exec(out->db_, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
      report(path + ": " + (message ? message : "cannot create the tables"));
      sqlite3_free(message);
      return nullptr;
    }
    return out;
  }
  ~SqliteOutput() override {
    for (sqlite3_stmt* s : {insert_figure_, insert_sentence_, insert_fts_}) sqlite3_finalize(s);
    if (db_ != nullptr) sqlite3_close(db_);
  }

  bool wants_sentences() const override { return true; }

  bool write_sentence(const SentenceRecord& s) override {
    if (!begin(std::string(s.doc))) return false;
    sqlite3_stmt* st = statement(insert_sentence_, "INSERT OR REPLACE INTO sentences VALUES (?,?,?,?,?,?)");
    sqlite3_bind_text(st, 1, s.doc.data(), static_cast<int>(s.doc.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, s.index);
    sqlite3_bind_text(st, 3, s.text.data(), static_cast<int>(s.text.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, static_cast<sqlite3_int64>(s.start));
    sqlite3_bind_int64(st, 5, static_cast<sqlite3_int64>(s.end));
    sqlite3_bind_text(st, 6, s.lang.data(), static_cast<int>(s.lang.size()), SQLITE_TRANSIENT);
    if (!step(st)) return false;
    sqlite3_stmt* fts = statement(insert_fts_, "INSERT INTO sentences_fts (text, doc, idx) VALUES (?,?,?)");
    sqlite3_bind_text(fts, 1, s.text.data(), static_cast<int>(s.text.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(fts, 2, s.doc.data(), static_cast<int>(s.doc.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(fts, 3, s.index);
    return step(fts);
  }

  // Rows come as CSV from the workers (the record's fields in csv_columns() order) and go in
  // field by field; numbers go in as numbers.
  std::size_t append_record(const Figure& f, std::string& out) const override {
    return append_csv_row(f, CsvOptions{}, out);
  }
  bool write_records(std::string_view records) override {
    std::vector<std::string> fields;
    for (std::size_t pos = 0; pos < records.size();) {
      read_csv_row(records, pos, fields);
      if (fields.size() != columns_.size() || !insert_figure(fields)) return false;
    }
    return true;
  }

  bool end_document(const DocumentEnd& end) override {
    if (!begin(end.id)) return false;
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &st, nullptr);
    auto text = [&](int at, const std::optional<std::string>& v) {
      if (v) sqlite3_bind_text(st, at, v->data(), static_cast<int>(v->size()), SQLITE_TRANSIENT);
      else sqlite3_bind_null(st, at);
    };
    text(1, end.id);
    text(2, end.content_hash.empty() ? std::nullopt : std::optional<std::string>(end.content_hash));
    text(3, end.meta ? end.meta->url : std::nullopt);
    text(4, end.meta ? end.meta->title : std::nullopt);
    text(5, end.meta ? end.meta->date : std::nullopt);
    text(6, end.meta ? end.meta->lang : std::nullopt);
    text(7, end.path);
    sqlite3_bind_int64(st, 8, static_cast<sqlite3_int64>(end.bytes));
    text(9, end.meta ? end.meta->format : std::string("text"));
    text(10, end.meta ? end.meta->encoding : std::string("UTF-8"));
    text(11, end.decimal_mark ? std::optional<std::string>(std::string(1, *end.decimal_mark)) : std::nullopt);
    text(12, end.error ? std::optional<std::string>(end.error->to_string()) : std::nullopt);
    text(13, std::string("sosu ") + version());
    text(14, packs_version_);
    const bool ok = step(st);
    sqlite3_finalize(st);
    current_.clear();
    return ok && exec("COMMIT");
  }

  bool finish() override { return current_.empty() || exec("COMMIT"); }

 private:
  explicit SqliteOutput(std::string packs_version)
      : packs_version_(std::move(packs_version)), columns_(csv_columns(CsvOptions{})) {
    for (const std::string& column : columns_) {
      numeric_.push_back(column == "value" || column == "start" || column == "end" || column == "byte_start" ||
                         column == "byte_end" || column == "sentence" || column == "decimals" || column == "page");
    }
  }

  // The first row of a document opens its transaction and clears what an earlier run wrote.
  bool begin(const std::string& doc) {
    if (doc == current_) return true;
    if (!current_.empty() && !exec("COMMIT")) return false;
    current_ = doc;
    if (!exec("BEGIN")) return false;
    for (const char* sql : {"DELETE FROM figures WHERE doc = ?", "DELETE FROM sentences WHERE doc = ?",
                            "DELETE FROM sentences_fts WHERE doc = ?", "DELETE FROM documents WHERE id = ?"}) {
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(db_, sql, -1, &st, nullptr);
      sqlite3_bind_text(st, 1, doc.data(), static_cast<int>(doc.size()), SQLITE_TRANSIENT);
      const bool ok = step(st);
      sqlite3_finalize(st);
      if (!ok) return false;
    }
    return true;
  }
  bool insert_figure(const std::vector<std::string>& fields) {
    if (!begin(fields[1])) return false;
    sqlite3_stmt* st = statement(
        insert_figure_,
        "INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    // The first field is v: the table leaves it out.
    for (std::size_t k = 1; k < fields.size(); ++k) {
      const int at = static_cast<int>(k);
      const std::string& v = fields[k];
      if (v.empty()) {
        sqlite3_bind_null(st, at);
      } else if (numeric_[k]) {
        if (v.find('.') != std::string::npos) sqlite3_bind_double(st, at, std::strtod(v.c_str(), nullptr));
        else sqlite3_bind_int64(st, at, std::stoll(v));
      } else {
        sqlite3_bind_text(st, at, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
      }
    }
    return step(st);
  }
  sqlite3_stmt* statement(sqlite3_stmt*& cached, const char* sql) {
    if (cached == nullptr) sqlite3_prepare_v2(db_, sql, -1, &cached, nullptr);
    sqlite3_reset(cached);
    sqlite3_clear_bindings(cached);
    return cached;
  }
  bool step(sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    report(std::string("SQLite: ") + sqlite3_errmsg(db_));
    return false;
  }
  bool exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    report(std::string("SQLite: ") + (message ? message : sql));
    sqlite3_free(message);
    return false;
  }

  sqlite3* db_ = nullptr;
  std::string packs_version_;
  std::vector<std::string> columns_;
  std::vector<bool> numeric_;  // per column: bound as a number
  std::string current_;
  sqlite3_stmt* insert_figure_ = nullptr;
  sqlite3_stmt* insert_sentence_ = nullptr;
  sqlite3_stmt* insert_fts_ = nullptr;
};

}  // namespace

std::unique_ptr<Output> make_output(const Config& config, std::ostream& out) {
  if (!config.sqlite.empty()) {
    std::unique_ptr<SqliteOutput> db = SqliteOutput::open(config.sqlite, config.packs_version);
    return db;
  }
  if (config.format == "csv") return std::make_unique<CsvOutput>(out, CsvOptions{config.bom, config.with_sentence});
  if (config.format == "json") return std::make_unique<JsonDocumentsOutput>(out);
  return std::make_unique<JsonlOutput>(out);
}

bool passes_filters(const Figure& f, const Config& config) {
  if (!config.kinds.empty() && !config.kinds.count(kind_name(f.kind))) return false;
  if (!config.only_lang.empty() && f.lang != config.only_lang) return false;
  if (config.min_value && (!f.value || f.value->to_double() < *config.min_value)) return false;
  return true;
}



}  // namespace sosu::cli
