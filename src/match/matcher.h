// Matching: one RE2::Set pass per sentence finds candidate rules; only candidates run their
// own RE2, and only the winners' captures are read. Overlapping matches are resolved to the
// longest. Over many sentences each stage runs over all of them, rule by rule, so that each
// regex's DFA stays in the cache.
#ifndef SOSU_SRC_MATCH_MATCHER_H_
#define SOSU_SRC_MATCH_MATCHER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "match/pack_data.h"

namespace sosu::internal {

struct Capture {
  Field field;
  std::size_t byte_start;  // sentence-relative
  std::size_t byte_end;
};

struct Match {
  const Rule* rule = nullptr;
  std::size_t byte_start = 0;  // sentence-relative
  std::size_t byte_end = 0;
  std::vector<Capture> captures;  // only those that took part in the match

  const Capture* capture(Field field) const {
    for (const Capture& c : captures) {
      if (c.field == field) return &c;
    }
    return nullptr;
  }
};

// Every accepted match in the sentence, sorted by start, none overlapping: among overlapping
// candidates the longer wins, then the higher priority, then the earlier.
std::vector<Match> find_matches(const LanguageRules& rules, std::string_view sentence);
// The same for many sentences at once, each sentence's matches in its place: faster than one
// sentence at a time, as each rule runs over all of them in turn.
std::vector<std::vector<Match>> find_matches(const LanguageRules& rules,
                                             const std::vector<std::string_view>& sentences);

}  // namespace sosu::internal

#endif  // SOSU_SRC_MATCH_MATCHER_H_
