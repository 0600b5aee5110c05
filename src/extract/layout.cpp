#include "extract/layout.h"

#include <algorithm>

#include "match/pack_data.h"
#include "sosu/sink.h"
#include "text/ascii.h"

namespace sosu {
namespace {

bool remove_prefix(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}

// a × b exactly, or nullopt past 63 bits.
std::optional<Decimal> times(const Decimal& a, const Decimal& b) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a.coefficient, b.coefficient, &product)) return std::nullopt;
  return Decimal{product, a.scale + b.scale}.normalized();
}

bool is_measure(Kind k) {
  return k == Kind::kCount || k == Kind::kPercent || k == Kind::kPercentPoint || k == Kind::kMoney ||
         k == Kind::kQuantity || k == Kind::kNumber;
}

}  // namespace

Extractor::Layout::Layout(const Extractor& extractor, const TextPiece& piece, const DocumentCursor& cursor)
    : extractor_(extractor), piece_(piece), cells_(cursor.cells) {}

void Extractor::Layout::find_unit_lines() {
  // 1. Unit lines and the stretch of text each governs.
  const auto& languages = extractor_.packs_->data().languages;
  const std::string_view text = piece_.text;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = internal::trim_space(text.substr(pos, end - pos));
    const std::size_t next = end + 1;
    // A table's title may end in its unit line: 시도별 인구 (단위: 명).
    if (!line.empty() && line.back() == ')') {  // first: rfind walks the whole line back
      if (const std::size_t open = line.rfind('('); open != std::string_view::npos && open > 0) line = line.substr(open);
    }
    bool bracketed = !line.empty() && (line.front() == '(' || line.front() == '[' || line.front() == '<');
    if (bracketed) line = internal::trim_space(line.substr(1));
    for (const auto& [lang, rules] : languages) {
      const internal::Table* markers = rules.table("unit_line_marker");
      if (markers == nullptr) continue;
      auto marker = markers->longest_prefix(line);
      if (!marker) continue;
      std::string_view rest = internal::trim_space(line.substr(marker->first.size()));
      if (!remove_prefix(rest, ":") && !remove_prefix(rest, "\xEF\xBC\x9A")) break;  // ":" or "："
      rest = internal::trim_space(rest);
      while (!rest.empty() && (rest.back() == ')' || rest.back() == ']' || rest.back() == '>')) rest = internal::trim_space(rest.substr(0, rest.size() - 1));
      // "(단위: 천명, %)" names a unit per column: not one that scales them all.
      if (rest.empty() || rest.find(',') != std::string_view::npos) break;
      const std::optional<Figure>& unit = scale_of(lang, std::string(rest));
      if (!unit) break;
      std::size_t blank = text.find("\n\n", end);
      const std::size_t scope_end = blank == std::string_view::npos ? text.size() : blank;
      scopes_.push_back(Scope{piece_.byte_offset + end, piece_.byte_offset + scope_end, *unit});
      break;
    }
    pos = next;
  }
}

// The figure one unit stands for ("천명" → count 1000 명, "tỷ đồng" → money 10^9 VND): the
// extractor's own reading of "1" and the unit, in the language whose marker the line has.
const std::optional<Figure>& Extractor::Layout::scale_of(const std::string& lang, const std::string& unit) {
  auto [it, added] = scales_.try_emplace({lang, unit});
  if (!added) return it->second;
  ExtractOptions options;
  options.forced_lang = lang;
  Extractor reader = ExtractorBuilder().packs(extractor_.packs_).options(options).build();
  for (const std::string& probe : {"1" + unit, "1 " + unit}) {
    CollectingSink sink;
    reader.run("unit", probe, sink);
    if (sink.figures.size() == 1 && sink.figures[0].text == probe && sink.figures[0].value && sink.figures[0].unit &&
        is_measure(sink.figures[0].kind)) {
      it->second = sink.figures[0];
      break;
    }
  }
  return it->second;
}

// The time a column header names (2023년, 1분기), if it names one.
const std::optional<TimeRef>& Extractor::Layout::time_of(const std::string& header) {
  auto [it, added] = header_times_.try_emplace(header);
  if (!added) return it->second;
  CollectingSink sink;
  extractor_.run("header", header, sink);
  for (const Figure& h : sink.figures) {
    std::optional<std::string> date;
    if (h.kind == Kind::kYear || h.kind == Kind::kDate) date = h.date;
    else if (h.kind == Kind::kDateRange && h.from_date && h.to_date) date = *h.from_date + "/" + *h.to_date;
    else if (h.kind == Kind::kYearRange && h.from && h.to) date = h.from->to_string() + "/" + h.to->to_string();
    else continue;
    it->second = TimeRef{header, date, std::nullopt, h.relative};
    break;
  }
  return it->second;
}

void Extractor::Layout::apply(std::vector<Figure>::iterator first, std::vector<Figure>::iterator last) {
  if (!scopes_found_) {
    find_unit_lines();
    scopes_found_ = true;
  }
  for (auto f = first; f != last; ++f) {
    if (f->kind != Kind::kNumber || f->unit) continue;
    for (const Scope& s : scopes_) {
      if (f->byte_start < s.start || f->byte_end > s.end) continue;
      std::optional<Decimal> value = f->value ? times(*f->value, *s.unit.value) : std::nullopt;
      if (f->value && !value) break;
      f->value = value;
      if (f->from) f->from = times(*f->from, *s.unit.value);
      if (f->to) f->to = times(*f->to, *s.unit.value);
      f->kind = s.unit.kind;
      f->unit = s.unit.unit;
      break;
    }
  }

  // 2. Table cells: the row header as subject, a time in the column header as time, and a
  // unit in it ("취업자(천명)", "Doanh thu (tỷ đồng)") for the column's bare numbers.
  if (cells_ == nullptr || cells_->empty()) return;
  const std::vector<TableCell>& cells = *cells_;
  for (auto f = first; f != last; ++f) {
    auto cell = std::upper_bound(cells.begin(), cells.end(), f->byte_start,
                                 [](std::uint64_t at, const TableCell& c) { return at < c.byte_start; });
    if (cell == cells.begin()) continue;
    --cell;
    if (f->byte_end > cell->byte_end || !is_measure(f->kind)) continue;
    if (!f->subject && !cell->row_header.empty()) f->subject = cell->row_header;
    if (!f->time && !cell->column_header.empty()) f->time = time_of(cell->column_header);
    const std::string& header = cell->column_header;
    const std::size_t open = header.rfind('(');
    if (f->kind == Kind::kNumber && !f->unit && f->value && open != std::string::npos && header.back() == ')') {
      const std::string unit(internal::trim_space(std::string_view(header).substr(open + 1, header.size() - open - 2)));
      if (const std::optional<Figure>& scale = unit.empty() ? std::nullopt : scale_of(f->lang, unit)) {
        if (std::optional<Decimal> value = times(*f->value, *scale->value)) {
          f->value = value;
          f->kind = scale->kind;
          f->unit = scale->unit;
        }
      }
    }
  }
}

}  // namespace sosu
