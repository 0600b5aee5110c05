#include "sosu/lang.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/utf8.h"

namespace sosu {
namespace {

// Letters that only Vietnamese uses among the Latin-script languages sosu meets: the
// horned, breved and circumflexed vowels, đ, and vowels carrying the five tone marks.
bool is_vietnamese_letter(char32_t cp) {
  switch (cp) {
    case U'đ': case U'Đ': case U'ơ': case U'Ơ': case U'ư': case U'Ư': case U'ă': case U'Ă':
    case U'â': case U'Â': case U'ê': case U'Ê': case U'ô': case U'Ô':
    case U'à': case U'À': case U'á': case U'Á': case U'ã': case U'Ã': case U'è': case U'È':
    case U'é': case U'É': case U'ì': case U'Ì': case U'í': case U'Í': case U'ĩ': case U'Ĩ':
    case U'ò': case U'Ò': case U'ó': case U'Ó': case U'õ': case U'Õ': case U'ù': case U'Ù':
    case U'ú': case U'Ú': case U'ũ': case U'Ũ': case U'ỳ': case U'Ỳ': case U'ý': case U'Ý':
      return true;
    default:
      // Latin Extended Additional: ạ ả ấ ầ ... ỹ, and the combining tone marks of NFD text.
      // NFD text spells the marks apart: circumflex, breve and horn as well as the tones.
      return (cp >= 0x1EA0 && cp <= 0x1EF9) || cp == 0x0300 || cp == 0x0301 || cp == 0x0302 ||
             cp == 0x0303 || cp == 0x0306 || cp == 0x0309 || cp == 0x031B || cp == 0x0323;
  }
}

}  // namespace

std::string detect_language(std::string_view sentence) {
  std::size_t hangul = 0, latin = 0, vietnamese = 0;
  // The answer is often settled before the end: the rest of the sentence adds at most one
  // letter per byte and one Hangul code point per three bytes.
  auto settled_korean = [&](std::size_t rest) { return 3 * hangul >= latin + rest; };
  auto settled_vietnamese = [&](std::size_t rest) { return vietnamese > 0 && 3 * hangul + rest < latin; };
  for (std::size_t i = 0; i < sentence.size();) {
    char32_t cp = internal::decode_next(sentence, i);
    if (cp < 0x80) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
        ++latin;
        if (settled_vietnamese(sentence.size() - i)) return "vi";
      }
      continue;
    }
    // The common ranges first: ICU's script lookup is the slow path. Hangul syllables before
    // the Vietnamese letters, as they are most of a Korean sentence and none of those letters.
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      ++hangul;
      if (settled_korean(sentence.size() - i)) return "ko";
      continue;
    }
    if (is_vietnamese_letter(cp)) {
      ++vietnamese;
      ++latin;
      if (settled_vietnamese(sentence.size() - i)) return "vi";
      continue;
    }
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F)) {
      ++hangul;
      continue;
    }
    if (cp < 0x0250 || (cp >= 0x1E00 && cp <= 0x1EFF)) {
      if (u_isalpha(static_cast<UChar32>(cp))) ++latin;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
    if (script == USCRIPT_HANGUL) {
      ++hangul;
    } else if (script == USCRIPT_LATIN) {
      ++latin;
    }
  }
  // A Hangul syllable stands for about three Latin letters.
  if (hangul > 0 && 3 * hangul >= latin) return "ko";
  if (latin == 0) return hangul > 0 ? "ko" : "und";
  return vietnamese > 0 ? "vi" : "en";
}

}  // namespace sosu
