// Sentence boundaries before sosu's own rules (numbers, dotted dates, abbreviations) apply.
#ifndef SOSU_SRC_TEXT_SENTENCE_BREAK_H_
#define SOSU_SRC_TEXT_SENTENCE_BREAK_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace sosu::internal {

// ICU's root sentence boundaries in `text` as byte offsets, ascending and ending with
// text.size(); none for empty text. Most paragraphs are settled by UAX #29's rules applied
// around their terminators, the rest by ICU's BreakIterator; the result is the same.
std::vector<std::size_t> sentence_ends(std::string_view text);

}  // namespace sosu::internal

#endif  // SOSU_SRC_TEXT_SENTENCE_BREAK_H_
