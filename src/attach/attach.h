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

// Figures that are times themselves: the other figures of their sentence refer to them.
inline bool is_time_kind(Kind kind) {
  return kind == Kind::kYear || kind == Kind::kYearRange || kind == Kind::kDate || kind == Kind::kDateRange;
}

// A time expression in a sentence that figures can refer to: a year, date or range figure,
// or a match of a time rule (지난해, 지금까지).
struct TimeMention {
  std::size_t byte_start = 0, byte_end = 0;  // sentence-relative
  std::optional<std::string> date;           // ISO 8601, an interval "2020/2024-06" for ranges
  std::optional<std::string> part;
  std::optional<std::string> relative;       // when it could not be resolved
};

// Sets what the words around each figure of one sentence say about it: `subject` (and `place`)
// on figures that count or measure something; `per` (1인당), `direction` (늘었다, tăng),
// `status` (목표, ước đạt) and `source` (통계청에 따르면, theo ...) from the language's tables.
// `mentions`: the sentence's time expressions, which a subject never includes.
void attach(const LanguageRules& rules, std::string_view sentence, const std::vector<TimeMention>& mentions,
            std::vector<Draft>& drafts);

// Joins "A부터 B까지" mentions into one range, then points each figure that can have a time
// at the nearest mention before it (else after it) in the sentence.
void attach_times(const LanguageRules& rules, std::string_view sentence, std::vector<TimeMention>& mentions,
                  std::vector<Draft>& drafts);

}  // namespace sosu::internal

#endif  // SOSU_SRC_ATTACH_ATTACH_H_
