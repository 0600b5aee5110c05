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
};

// Sets `subject` on the figures of one sentence that count or measure something.
void attach_subjects(const LanguageRules& rules, std::string_view sentence, std::vector<Draft>& drafts);

}  // namespace sosu::internal

#endif  // SOSU_SRC_ATTACH_ATTACH_H_
