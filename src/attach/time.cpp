// Time attachment: which time expression of its sentence a figure refers to. Korean and
// Vietnamese state the time before the figures it governs (2020년 초 현재 ... 725개;
// năm 2019 ... 418 tổ chức), so the nearest mention before a figure wins, else the one after.
#include <algorithm>

#include "attach/attach.h"

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
    std::string_view gap = b.byte_start > a.byte_end ? sentence.substr(a.byte_end, b.byte_start - a.byte_end)
                                                     : std::string_view();
    while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
    while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
    const bool joined_between = between != nullptr && !gap.empty() && between->lookup(gap);
    if (!marked_after && !joined_between) continue;
    TimeMention range;
    range.byte_start = a.byte_start;
    range.byte_end = b.byte_end;
    if (a.date && b.date) range.date = *a.date + "/" + *b.date;
    mentions[i] = range;
    mentions.erase(mentions.begin() + static_cast<std::ptrdiff_t>(i) + 1);
  }
  // 2. The nearest mention before each figure, else the nearest after it.
  for (Draft& d : drafts) {
    if (!takes_time(d.figure.kind)) continue;
    int before = -1, after = -1;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      if (mentions[i].byte_end <= d.match->byte_start) before = static_cast<int>(i);
      if (after < 0 && mentions[i].byte_start >= d.match->byte_end) after = static_cast<int>(i);
    }
    d.time = before >= 0 ? before : after;
  }
}

}  // namespace sosu::internal
