// Which code points a regex's matches can hold, start with and end with, read from the
// regex's text. The matcher uses it to see, without searching, that a low-priority rule
// cannot win in a sentence (every place it could match lies inside a longer winner), and to
// start each search where a match may start.
#ifndef SOSU_SRC_MATCH_MATCH_CHARS_H_
#define SOSU_SRC_MATCH_MATCH_CHARS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "text/code_point_finder.h"

namespace sosu::internal {

// A set of code points: a bit per code point of the Basic Multilingual Plane (8 KiB, as the
// matcher asks about every code point of a sentence), sorted ranges beyond it.
class CodePointSet {
 public:
  void add(char32_t lo, char32_t hi);
  bool contains(char32_t cp) const {
    if (cp < 0x10000) return !bmp_.empty() && ((bmp_[cp >> 6] >> (cp & 63)) & 1) != 0;
    for (const auto& [lo, hi] : beyond_) {
      if (cp >= lo && cp <= hi) return true;
    }
    return false;
  }

 private:
  std::vector<std::uint64_t> bmp_;                     // empty until a code point is added
  std::vector<std::pair<char32_t, char32_t>> beyond_;  // above U+FFFF
};

struct MatchChars {
  CodePointSet all;    // every code point a match may hold
  CodePointSet first;  // the code points a non-empty match may start with
  CodePointSet last;   // ... and end with
};

// The sets for an RE2 regex in the syntax pattern packs use (literals, classes, \d \s \w,
// groups, (?i:...), alternation, quantifiers, anchors and word boundaries); none for anything
// else (other flags, Unicode classes, negated escapes), where nothing may be assumed. Zero-width
// assertions are read as matching always, which only widens the sets.
std::optional<MatchChars> match_chars(std::string_view regex);
// Only the code points `first`, found fast: where a search for the regex's next non-empty
// match may start. Reads the regex as match_chars does, at a third of the cost.
std::optional<CodePointFinder> match_starts(std::string_view regex);

}  // namespace sosu::internal

#endif  // SOSU_SRC_MATCH_MATCH_CHARS_H_
