// The figure record of spec/RECORD.md (format version 1), as a C++ value.
#ifndef SOSU_FIGURE_H_
#define SOSU_FIGURE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sosu/numeral.h"

namespace sosu {

enum class Kind {
  kCount, kPercent, kPercentPoint, kMoney, kQuantity, kNumber, kOrdinal,
  kYear, kYearRange, kDate, kDateRange, kDuration, kIdentifier,
};

// The RECORD.md name of a kind ("count", "percent_point", ...), and back.
const char* kind_name(Kind kind);
std::optional<Kind> kind_from_name(std::string_view name);

// When a figure refers to: {"text": "2020년 초", "date": "2020", "part": "early"}.
struct TimeRef {
  std::string text;
  std::optional<std::string> date;
  std::optional<std::string> part;      // early mid late h1 h2 q1-q4
  std::optional<std::string> relative;  // previous_year, this_year, ... when unresolved
};

struct Figure {
  std::string doc;
  std::string lang;
  Kind kind = Kind::kNumber;
  std::string text;                       // exactly as in the document text
  std::uint64_t start = 0, end = 0;       // code points, end exclusive
  std::uint64_t byte_start = 0, byte_end = 0;
  std::optional<Decimal> value;
  std::optional<Decimal> from, to;        // numeric bounds, inclusive
  std::optional<std::string> from_date, to_date;  // ISO bounds of a date_range
  std::optional<std::string> date;
  std::optional<std::string> unit;
  std::optional<std::string> subject;
  std::optional<std::string> qualifier;   // at_least more_than at_most less_than about
  std::optional<TimeRef> time;
  std::uint32_t sentence = 0;
  std::string pattern;                    // <lang>/<kind>/<rule>
  // Present when known.
  std::optional<std::string> direction;   // increase decrease (always written, null if unknown)
  std::optional<std::string> status;
  std::optional<int> decimals;
  std::optional<std::string> per;
  std::optional<std::string> place;
  std::optional<std::string> source;
  // A fraction as written, "1/3": its value is exact only when the decimal ends (3/4 = 0.75),
  // so `value` is null for 1/3 and this field keeps the figure. Added to RECORD.md v1.
  std::optional<std::string> fraction;
  // A relative date that no reference date resolved: previous_year, yesterday ... (its `date`
  // is null then). Added to RECORD.md v1, as `time.relative` is for times.
  std::optional<std::string> relative;
  // The decimal mark the figure's numbers were read with, for languages whose documents
  // write numbers either way (Vietnamese): "," (4.925 is 4925) or "." (4,925 is 4925).
  std::optional<std::string> decimal_mark;
  // RECORD.md's document metadata, from readers that know it (HTML, feeds).
  std::optional<std::string> doc_url, doc_title, doc_date;
  std::optional<std::uint32_t> page;  // 1-based, for paged inputs (PDF)
  std::optional<std::string> sentence_text;  // the sentence as in the document (--with-sentence)
};

}  // namespace sosu

#endif  // SOSU_FIGURE_H_
