// Time attachment: which time expression of its sentence a figure refers to. Korean and
// Vietnamese state the time before the figures it governs (2020년 초 현재 ... 725개;
// năm 2019 ... 418 tổ chức), so the nearest mention before a figure wins, else the one after
// it within its clause ("예산의 60% 이상을 상반기에", "1,8 tỷ USD trong 3 năm tới"). A mention
// that is the base of a comparison ("2022년(17.8%)보다", "so với cuối năm 2020", "cùng kỳ")
// is no figure's time, except for the figure in the parenthesis right after it (17.8%). A
// time joined to the figure after it ("7,6% của 6 tháng đầu năm", "4,925명(2023년 기준)")
// wins over one before it. The words are the packs' tables: clause_break, comparison_after,
// comparison_base, comparison_time, time_after_binder.
#include <algorithm>

#include "attach/attach.h"
#include "text/ascii.h"

namespace sosu::internal {
namespace {

bool takes_time(Kind kind) {
  switch (kind) {
    case Kind::kYear: case Kind::kYearRange: case Kind::kDate: case Kind::kDateRange:
    case Kind::kIdentifier: case Kind::kOrdinal:
      return false;
    default:
      return true;
  }
}

// The word right after a mention, if it is one of the table's words ("부터", "까지").
bool followed_by(const LanguageRules& rules, const char* table, std::string_view sentence, std::size_t at) {
  const Table* t = rules.table(table);
  if (t == nullptr) return false;
  while (at < sentence.size() && sentence[at] == ' ') ++at;
  return t->longest_prefix(sentence.substr(at)).has_value();
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// What stands between two places of the sentence, without the spaces around it.
std::string_view gap_between(std::string_view sentence, std::size_t from, std::size_t to) {
  return to > from ? trim_spaces(sentence.substr(from, to - from)) : std::string_view();
}

// Whether text ends with one of the table's keys as a whole word.
bool ends_with_key(const Table* table, std::string_view text) {
  if (table == nullptr) return false;
  for (const auto& [key, value] : table->entries) {
    if (ends_with(text, key) && (text.size() == key.size() || text[text.size() - key.size() - 1] == ' ')) return true;
  }
  return false;
}

bool is_comparison_base(const LanguageRules& rules, std::string_view sentence, const TimeMention& m) {
  const std::string_view own = sentence.substr(m.byte_start, m.byte_end - m.byte_start);
  if (const Table* times = rules.table("comparison_time"); times != nullptr && times->longest_prefix(own)) return true;
  if (ends_with_key(rules.table("comparison_base"), trim_spaces(sentence.substr(0, m.byte_start)))) return true;
  const Table* after = rules.table("comparison_after");
  if (after == nullptr) return false;
  std::string_view rest = trim_spaces(sentence.substr(m.byte_end));
  if (!rest.empty() && rest.front() == '(') {  // 2022년(17.8%)보다
    const std::size_t close = rest.find(')');
    if (close != std::string_view::npos) rest = trim_spaces(rest.substr(close + 1));
  }
  return after->longest_prefix(rest).has_value();
}

// Whether a figure ending at figure_end may take a mention after it: no clause ends between.
bool in_same_clause(const LanguageRules& rules, std::string_view sentence, std::size_t figure_end,
                    const TimeMention& m) {
  const Table* breaks = rules.table("clause_break");
  return breaks == nullptr || !breaks->occurs_in(sentence.substr(figure_end, m.byte_start - figure_end));
}

// Whether a mention after a figure is joined to it: only an opening parenthesis or a word of
// the time_after_binder table (của, vào, trong) stands between them.
bool is_bound_to(const LanguageRules& rules, std::string_view sentence, std::size_t figure_end, const TimeMention& m) {
  const std::string_view gap = gap_between(sentence, figure_end, m.byte_start);
  if (gap == "(") return true;
  const Table* binders = rules.table("time_after_binder");
  return binders != nullptr && !gap.empty() && binders->lookup(gap).has_value();
}

}  // namespace

void attach_times(const LanguageRules& rules, std::string_view sentence, std::vector<TimeMention>& mentions,
                  std::vector<Draft>& drafts) {
  std::sort(mentions.begin(), mentions.end(),
            [](const TimeMention& a, const TimeMention& b) { return a.byte_start < b.byte_start; });
  // 1. "2020년 초부터 2024년 6월까지": one range mention in place of its two ends.
  for (std::size_t i = 0; i + 1 < mentions.size(); ++i) {
    TimeMention& a = mentions[i];
    const TimeMention& b = mentions[i + 1];
    // Korean marks the ends after them (A부터 B까지); Vietnamese puts a word between (từ A đến B).
    const bool marked_after =
        followed_by(rules, "range_from", sentence, a.byte_end) && followed_by(rules, "range_to", sentence, b.byte_end);
    const Table* between = rules.table("range_between");
    const std::string_view gap = gap_between(sentence, a.byte_end, b.byte_start);
    const bool joined_between = between != nullptr && !gap.empty() && between->lookup(gap);
    if (!marked_after && !joined_between) continue;
    TimeMention range;
    range.byte_start = a.byte_start;
    range.byte_end = b.byte_end;
    if (a.date && b.date) range.date = *a.date + "/" + *b.date;
    mentions[i] = range;
    mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  // 2. The nearest mention before each figure, else the nearest after it in its clause.
  std::vector<bool> bases(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i) bases[i] = is_comparison_base(rules, sentence, mentions[i]);
  for (Draft& d : drafts) {
    if (!takes_time(d.figure.kind)) continue;
    int before = -1, after = -1, glossed = -1;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      // A figure in the parenthesis right after a mention is that time's figure, base or not:
      // "전년(118억1000만달러)보다", "2022년(17.8%)보다".
      if (mentions[i].byte_end <= d.match->byte_start &&
          gap_between(sentence, mentions[i].byte_end, d.match->byte_start) == "(") {
        glossed = static_cast<int>(i);
      }
      if (bases[i]) continue;
      if (mentions[i].byte_end <= d.match->byte_start) before = static_cast<int>(i);
      if (after < 0 && mentions[i].byte_start >= d.match->byte_end) after = static_cast<int>(i);
    }
    // A time joined to the figure right after it binds tighter than one before it:
    // "7,6% của 6 tháng đầu năm", "150 tỷ USD vào năm 2030", "4,925명(2023년 기준)".
    const bool bound_after =
        after >= 0 && is_bound_to(rules, sentence, d.match->byte_end, mentions[static_cast<std::size_t>(after)]);
    if (before < 0 && after >= 0 &&
        !in_same_clause(rules, sentence, d.match->byte_end, mentions[static_cast<std::size_t>(after)])) {
      after = -1;
    }
    d.time = glossed >= 0 ? glossed : bound_after ? after : before >= 0 ? before : after;
  }
}

}  // namespace sosu::internal
