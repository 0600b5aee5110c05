// sosu_eval's shared pieces: flags, the extractor, JSON Lines input, exact numbers, spans
// and the Markdown tables every mode prints.
//
//   sosu::eval::Options options = ...;                       // from parse_args()
//   auto packs = sosu::eval::load_configured_packs(options);  // nullptr after reporting
//   sosu::eval::Predictions ours = sosu::eval::extract(
//       sosu::eval::make_extractor(packs, "ko"), "당원 1,061명을 받아들였다.");
//   // ours[0]["kind"] == "count", ours[0]["value"] == 1061
#ifndef SOSU_TOOLS_EVAL_EVAL_SUPPORT_H_
#define SOSU_TOOLS_EVAL_EVAL_SUPPORT_H_

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sosu/sosu.h"

namespace sosu::eval {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// The command line, validated: a mode, its positional arguments and the flags.
struct Options {
  std::string mode;                       // record, spans, duckling, recognizers
  std::vector<std::string> args;          // the mode's positional arguments
  bool json = false;                      // --json: a JSON summary instead of the text report
  std::size_t misses = 0;                 // --misses N: list up to N misses per section
  std::vector<std::string> pattern_dirs;  // --patterns DIR, over the default packs
  std::string lang;                       // --lang: record forces it, duckling filters on it
};

// "sosu_eval: <message>" on stderr, one line.
void report(const std::string& message);

// The default packs plus --patterns, or nullptr after reporting every problem.
std::shared_ptr<const PackSet> load_configured_packs(const Options& options);

// An extractor with every sentence forced to `lang` (empty: detected per sentence) and
// `ref_date` as the date relative times resolve against (none: they stay unresolved).
Extractor make_extractor(std::shared_ptr<const PackSet> packs, const std::string& lang,
                         std::optional<CalendarDate> ref_date = std::nullopt);

// Our records for one in-memory text, each as its RECORD.md JSON (figure_to_json), so that
// gold fields and ours are compared in the same terms.
using Predictions = std::vector<Json>;
Predictions extract(const Extractor& extractor, std::string_view text);

// Reads a JSON Lines file: one object per non-empty line. A line that is not a JSON object is
// reported with its file and line number and skipped; `ok` turns false. Returns nullopt, after
// reporting, when the file cannot be read at all.
struct JsonLine {
  std::size_t line = 0;  // 1-based
  Json value;
};
std::optional<std::vector<JsonLine>> read_jsonl(const std::string& path, bool& ok);

// Non-throwing field access: the value when the key exists with that type, else nullopt.
std::optional<std::string> get_string(const Json& object, const char* key);
std::optional<std::int64_t> get_int(const Json& object, const char* key);
bool get_bool(const Json& object, const char* key);  // false unless present and true

// A number kept exactly as ±digits × 10^exponent (digits without leading or trailing zeros;
// empty for zero), so that 4925, 4925.0, "4.925E+3" and a Decimal of 4925 compare equal
// without floating point.
struct ExactNumber {
  bool negative = false;
  std::string digits;
  long exponent = 0;

  // Parses "-12", "91.70", "1.232E+15", "100%" (a trailing % is dropped); nullopt otherwise.
  static std::optional<ExactNumber> parse(std::string_view text);
  static std::optional<ExactNumber> from_json(const Json& number);  // a JSON number or numeric string
  ExactNumber scaled(long power_of_ten) const;                      // × 10^power_of_ten
  double to_double() const;
  friend bool operator==(const ExactNumber& a, const ExactNumber& b) {
    return a.negative == b.negative && a.digits == b.digits && (a.digits.empty() || a.exponent == b.exponent);
  }
  friend bool operator!=(const ExactNumber& a, const ExactNumber& b) { return !(a == b); }
};

// True when both are numbers (or numeric strings) of the same exact value.
bool same_number(const Json& a, const Json& b);

// Code-point spans, end exclusive, as in RECORD.md.
struct Span {
  std::uint64_t start = 0, end = 0;
};
inline bool overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }
inline bool covers(Span outer, Span inner) { return outer.start <= inner.start && inner.end <= outer.end; }
std::optional<Span> record_span(const Json& record);  // "start"/"end" of a record or gold entity

// UTF-8 helpers.
std::size_t code_point_count(std::string_view text);
std::size_t byte_of_code_point(std::string_view text, std::uint64_t cp);  // clamps to size()
// The text around [start, end) (code points) on one line, the span marked as ⟦…⟧.
std::string context(std::string_view text, Span span, std::uint64_t around = 30);

// "97.3%" for n of d, "–" when d is 0; the rate itself for JSON.
std::string percent(std::size_t n, std::size_t d);
std::string percent(double rate);  // 0.973 → "97.3%"
std::string fraction(std::size_t n, std::size_t d);  // "36/37 (97.3%)"
// How many of `total` items a list shows when capped at `cap`: "12" or "first 12 of 35".
std::string shown_of(std::size_t cap, std::size_t total);
double rate(std::size_t n, std::size_t d);
double f1(double precision, double recall);

// A Markdown table, padded so that it also reads well in a terminal (Hangul counts as two
// columns); pasting it into the README needs no change.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  std::string markdown() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// A short one-line description of one of our records: `text` kind value/from–to/date unit.
std::string describe(const Json& record);

// The modes; each returns the exit status (0, or 2 after reporting errors).
int run_record(const Options& options);
int run_spans(const Options& options);
int run_duckling(const Options& options);
int run_recognizers(const Options& options);

}  // namespace sosu::eval

#endif  // SOSU_TOOLS_EVAL_EVAL_SUPPORT_H_
