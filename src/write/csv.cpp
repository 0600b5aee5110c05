#include "sosu/csv.h"

#include <algorithm>

namespace sosu {
namespace {

std::string or_empty(const std::optional<std::string>& s) { return s.value_or(""); }
std::string or_empty(const std::optional<Decimal>& d) { return d ? d->to_string() : ""; }

}  // namespace

std::vector<std::string> csv_columns(const CsvOptions& options) {
  std::vector<std::string> columns = {
      "v", "doc", "lang", "kind", "text", "start", "end", "byte_start", "byte_end", "value", "from", "to",
      "date", "unit", "subject", "qualifier", "time_text", "time_date", "time_part", "sentence", "pattern",
      "direction", "status", "decimals", "per", "place", "source", "fraction", "relative", "decimal_mark",
      "doc_url", "doc_title", "doc_date", "page"};
  if (options.sentence_text) columns.push_back("sentence_text");
  return columns;
}

std::vector<std::string> csv_fields(const Figure& f, const CsvOptions& options) {
  std::vector<std::string> fields = {
      "1",
      f.doc,
      f.lang,
      kind_name(f.kind),
      f.text,
      std::to_string(f.start),
      std::to_string(f.end),
      std::to_string(f.byte_start),
      std::to_string(f.byte_end),
      or_empty(f.value),
      f.from_date ? *f.from_date : or_empty(f.from),
      f.to_date ? *f.to_date : or_empty(f.to),
      or_empty(f.date),
      or_empty(f.unit),
      or_empty(f.subject),
      or_empty(f.qualifier),
      f.time ? f.time->text : "",
      f.time ? or_empty(f.time->date) : "",
      f.time ? or_empty(f.time->part) : "",
      std::to_string(f.sentence),
      f.pattern,
      or_empty(f.direction),
      or_empty(f.status),
      f.decimals ? std::to_string(*f.decimals) : "",
      or_empty(f.per),
      or_empty(f.place),
      or_empty(f.source),
      or_empty(f.fraction),
      or_empty(f.relative),
      or_empty(f.decimal_mark),
      or_empty(f.doc_url),
      or_empty(f.doc_title),
      or_empty(f.doc_date),
      f.page ? std::to_string(*f.page) : ""};
  if (options.sentence_text) fields.push_back(or_empty(f.sentence_text));
  return fields;
}

std::string csv_quote(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_header(const CsvOptions& options) {
  std::string header = options.bom ? "\xEF\xBB\xBF" : "";
  const std::vector<std::string> columns = csv_columns(options);
  for (std::size_t k = 0; k < columns.size(); ++k) header += (k > 0 ? "," : "") + columns[k];
  return header + "\r\n";
}

CsvSink::CsvSink(std::ostream& out, CsvOptions options) : out_(out), options_(options) { out_ << csv_header(options_); }

std::size_t append_csv_row(const Figure& figure, const CsvOptions& options, std::string& out) {
  static const std::size_t kSentenceColumn = [] {
    const std::vector<std::string> columns = csv_columns(CsvOptions{});
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), "sentence") - columns.begin());
  }();
  std::size_t sentence_at = 0;
  const std::vector<std::string> fields = csv_fields(figure, options);
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (k > 0) out += ',';
    if (k == kSentenceColumn) sentence_at = out.size();
    out += csv_quote(fields[k]);
  }
  out += "\r\n";
  return sentence_at;
}

bool CsvSink::on_figure(const Figure& figure) {
  line_.clear();
  append_csv_row(figure, options_, line_);
  out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  return static_cast<bool>(out_);
}

}  // namespace sosu
