// Attachment: what a figure counts (subject), read from the words around it. Driven by the
// language's tables (particles, phrase stops, conjunctions), not by language branches.
#ifndef SOSU_SRC_ATTACH_ATTACH_H_
#define SOSU_SRC_ATTACH_ATTACH_H_

#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "sosu/figure.h"

namespace sosu::internal {

// A figure under construction with its place in the normalised sentence.
struct Draft {
  Figure figure;
  const Match* match = nullptr;
  std::optional<std::string> part;  // early, h1, q3 ...: the part of a year a time figure names
  int time = -1;                    // index of the TimeMention it refers to, or -1
};

// A time expression in a sentence that figures can refer to: a year, date or range figure,
// or a match of a time rule (지난해, 지금까지).
struct TimeMention {
  std::size_t byte_start = 0, byte_end = 0;  // sentence-relative
  std::optional<std::string> date;           // ISO 8601, an interval "2020/2024-06" for ranges
  std::optional<std::string> part;
  std::optional<std::string> relative;       // when it could not be resolved
};

// Sets `subject` on the figures of one sentence that count or measure something.
void attach_subjects(const LanguageRules& rules, std::string_view sentence, std::vector<Draft>& drafts);

// Sets `per` (1인당), `direction` (증가, 늘었다 after the figure), `status` (목표, 예정) and
// `source` (통계청에 따르면) from the language's tables: per_unit, direction_word,
// status_word, source_marker.
void attach_details(const LanguageRules& rules, std::string_view sentence, std::vector<Draft>& drafts);

// Joins "A부터 B까지" mentions into one range, then points each figure that can have a time
// at the nearest mention before it (else after it) in the sentence.
void attach_times(const LanguageRules& rules, std::string_view sentence, std::vector<TimeMention>& mentions,
                  std::vector<Draft>& drafts);

}  // namespace sosu::internal

#endif  // SOSU_SRC_ATTACH_ATTACH_H_
