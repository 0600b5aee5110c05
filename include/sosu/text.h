// The text layer: normalisation with a map back to the source, sentences, words.
//
//   sosu::NormalizedText nt = sosu::normalize("２０２４년 ９１．７％");   // "2024년 91.7%"
//   std::size_t src = nt.to_source_start(0);                             // 0
//   for (sosu::SentenceSpan s : sosu::split_sentences(nt.text)) { ... }
//
// Offsets in this header are UTF-8 byte offsets unless a name says otherwise.
#ifndef SOSU_TEXT_H_
#define SOSU_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sosu {

// Maps byte offsets of a rewritten text back to the text it was made from. Only the
// changed stretches are stored, so an unchanged text costs nothing.
class OffsetMap {
 public:
  // Records that source bytes [source, source + source_len) became target bytes
  // [target, target + target_len). Changes must be added in increasing order.
  void add_change(std::size_t source, std::size_t source_len, std::size_t target, std::size_t target_len);
  // A span start inside a changed stretch maps to the stretch's source start ...
  std::size_t to_source_start(std::size_t target) const;
  // ... and a span end to its source end, so a span never cuts a source character.
  std::size_t to_source_end(std::size_t target) const;
  bool empty() const { return changes_.empty(); }

 private:
  struct Change {
    std::size_t source, source_len, target, target_len;
  };
  const Change* last_change_at_or_before(std::size_t target) const;
  std::vector<Change> changes_;
};

// Text prepared for matching: NFC (not NFKC, which would rewrite compatibility jamo), then
// full-width digits and signs folded to ASCII (０-９ ％ ， ． ＋ －), unusual spaces (NBSP,
// thin and narrow spaces, ideographic space) to ' ', dashes and minus signs (‐ ‒ – — ― −)
// to '-', wave dashes and tildes (～ 〜 ∼) to '~', and the old Vietnamese tone placement
// at a word's end to the new one (hoà -> hòa, thuỷ -> thủy, khoẻ -> khỏe).
struct NormalizedText {
  std::string text;
  OffsetMap nfc_map;   // NFC text -> source
  OffsetMap fold_map;  // text -> NFC text

  std::size_t to_source_start(std::size_t byte_offset) const {
    return nfc_map.to_source_start(fold_map.to_source_start(byte_offset));
  }
  std::size_t to_source_end(std::size_t byte_offset) const {
    return nfc_map.to_source_end(fold_map.to_source_end(byte_offset));
  }
};

// Normalises valid UTF-8 text. NFC runs on UTF-8 directly (ICU normalizeUTF8 with Edits).
NormalizedText normalize(std::string_view source);

struct SentenceSpan {
  std::size_t byte_start = 0;  // first non-space byte
  std::size_t byte_end = 0;    // after the last non-space byte
};

// Splits text into sentences with ICU's sentence BreakIterator. Every line break ends a
// sentence (so a blank line is a paragraph break), and a break is never placed between
// digits joined by '.' or ',' (91.7%, 4.925, 2022.6.16) nor inside or right after a date
// written with spaces (2022. 6. 16.). Spans are trimmed of white space;
// stretches of white space alone are not sentences.
std::vector<SentenceSpan> split_sentences(std::string_view text);

enum class TokenType { kWord, kNumber, kPunct, kSymbol };
const char* token_type_name(TokenType type);  // "word", "number", "punct", "symbol"

struct Token {
  std::size_t byte_start = 0;
  std::size_t byte_end = 0;
  TokenType type = TokenType::kWord;
};

// Word tokens of one sentence by ICU's word BreakIterator; white space is dropped. A token
// made of digits and number separators only is a number; one that holds a letter is a word.
std::vector<Token> tokenize_words(std::string_view sentence);

}  // namespace sosu

#endif  // SOSU_TEXT_H_
