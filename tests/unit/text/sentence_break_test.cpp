// internal::sentence_ends settles most paragraphs without ICU: it must give ICU's root sentence
// boundaries exactly, on real text and on random text full of the cases UAX #29 treats apart.
#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "test_support.h"
#include "text/sentence_break.h"

namespace sosu::internal {
namespace {

// ICU's BreakIterator over the whole text, its UTF-16 boundaries turned into byte offsets.
std::vector<std::size_t> icu_ends(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  EXPECT_TRUE(U_SUCCESS(status));
  icu::UnicodeString utf16 =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  it->setText(utf16);
  std::vector<std::size_t> byte_of_unit;  // UTF-16 index -> byte offset
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    byte_of_unit.push_back(i);
    if (length == 4) byte_of_unit.push_back(i);
    i += length;
  }
  byte_of_unit.push_back(text.size());
  std::vector<std::size_t> ends;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    ends.push_back(byte_of_unit[static_cast<std::size_t>(b)]);
  }
  return ends;
}

::testing::AssertionResult same_as_icu(const std::string& text) {
  const std::vector<std::size_t> ours = sentence_ends(text);
  const std::vector<std::size_t> icu = icu_ends(text);
  if (ours == icu) return ::testing::AssertionSuccess();
  std::size_t k = 0;
  while (k < ours.size() && k < icu.size() && ours[k] == icu[k]) ++k;
  const std::size_t at = k < icu.size() ? icu[k] : k < ours.size() ? ours[k] : 0;
  const std::size_t from = at > 40 ? at - 40 : 0;
  return ::testing::AssertionFailure() << "boundary " << k << ": ours "
                                       << (k < ours.size() ? std::to_string(ours[k]) : "none") << ", ICU "
                                       << (k < icu.size() ? std::to_string(icu[k]) : "none") << " near \""
                                       << text.substr(from, 80) << "\" in \"" << text << "\"";
}

TEST(SentenceEnds, CommonCasesAsIcu) {
  for (const std::string text : {
           "", " ", "\n", "\n\n", "한 문장.", "문장이다. 다음 문장이다.\n새 단락이다.", "Chỉ số tăng 91,7%. Theo Bộ Tài chính.",
           "비율은 3.5%다. 2020년 초에는", "U.S. Army", "e.g. the cases", "Mr. Smith went.", "끝났다.그러나",
           "“그렇다.” 그는 말했다.", "He said (yes.) and left.", "Really?! Yes.", "Wait... what?", "2022. 6. 16. 발표했다.",
           "끝. ", "끝.  \n", "a.\r\nb.", "a\u2028b. c", "caf\u0065\u0301. Next", "soft\u00ADhyphen. Next", "。次", "끝？ 다음",
           "phần trăm. 3 người tham gia.", "phần trăm. 3 Người", "tổng số. (theo báo cáo) lên tới"}) {
    EXPECT_TRUE(same_as_icu(text));
  }
}

// Random text from pieces that UAX #29 treats apart: terminators, closing marks, spaces of
// several kinds, letters of each case, digits, and (in one run) the separators, Extend and
// Format characters that send a paragraph to ICU.
void expect_random_text_as_icu(bool with_icu_only_pieces) {
  std::vector<std::string> pieces = {
      "다", "가나", "Theo", "các", "A", "a", "U", "S", "3", "91", "1,5", ".", ".", ".", "?", "!", "。", "？", "！",
      "…", " ", " ", " ", "  ", "\u00A0", "\u3000", "\t", "\n", "\n", "\"", "'", "(", ")", "[", "“", "”", "‘",
      "’", "「", "」", "»", ",", ":", ";", "-", "、", "Đ", "ộ", "Ở", "e.g.", "Mr.", "tr.", "😀", "𝐀", "\u05C3",
      "ǅ", "ª", "Ⅻ", "٣"};
  if (with_icu_only_pieces) {
    for (const char* piece : {"\r\n", "\r", "\u2028", "\u0085", "\u0301", "\u00AD", "\u200B", "\u200D", "\uFEFF"}) {
      pieces.push_back(piece);
    }
  }
  std::mt19937 random(with_icu_only_pieces ? 6122026 : 20261206);
  std::size_t failures = 0;
  for (int round = 0; round < 150000 && failures < 5; ++round) {
    std::string text;
    const int count = std::uniform_int_distribution<int>(1, 24)(random);
    for (int k = 0; k < count; ++k) text += pieces[std::uniform_int_distribution<std::size_t>(0, pieces.size() - 1)(random)];
    ::testing::AssertionResult result = same_as_icu(text);
    if (!result) {
      ++failures;
      ADD_FAILURE() << result.message();
    }
  }
}

TEST(SentenceEnds, RandomTextAsIcu) { expect_random_text_as_icu(false); }

TEST(SentenceEnds, RandomTextWithSeparatorsExtendAndFormatAsIcu) { expect_random_text_as_icu(true); }

// Real sentences, one per line and run together into paragraphs of several.
TEST(SentenceEnds, CorporaAsIcu) {
  const std::vector<std::string> texts = testing::shared_corpus_texts();
  if (texts.empty()) GTEST_SKIP() << "../shared/corpora is not here (a user's clone): nothing to compare";
  ASSERT_GT(texts.size(), 1000u);
  std::string lines, paragraphs;
  for (std::size_t k = 0; k < texts.size(); ++k) {
    lines += texts[k] + "\n";
    paragraphs += texts[k] + ((k + 1) % 7 == 0 ? "\n" : " ");
  }
  EXPECT_TRUE(same_as_icu(lines));
  EXPECT_TRUE(same_as_icu(paragraphs));
  const auto seed = testing::shared_dir() / "seed" / "quang-ninh-party-building.ko.txt";
  if (std::filesystem::exists(seed)) {
    EXPECT_TRUE(same_as_icu(testing::read_file(seed)));
  }
}

}  // namespace
}  // namespace sosu::internal
