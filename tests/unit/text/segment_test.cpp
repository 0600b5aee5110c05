// sosu::split_sentences and sosu::tokenize_words (ICU BreakIterators plus sosu's rules).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sosu/text.h"

namespace sosu {
namespace {

std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : split_sentences(text)) {
    out.emplace_back(text.substr(s.byte_start, s.byte_end - s.byte_start));
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> sentence_spans(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const SentenceSpan& s : split_sentences(text)) out.emplace_back(s.byte_start, s.byte_end);
  return out;
}

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
using Texts = std::vector<std::string>;

// "text/type" for each token, cut from the sentence by the token's byte offsets.
std::vector<std::string> token_strings(std::string_view sentence) {
  std::vector<std::string> out;
  for (const Token& t : tokenize_words(sentence)) {
    out.push_back(std::string(sentence.substr(t.byte_start, t.byte_end - t.byte_start)) + "/" +
                  token_type_name(t.type));
  }
  return out;
}

// Whether a single sentence holds the first occurrence of `needle` whole.
bool held_whole_by_one_sentence(std::string_view text, std::string_view needle) {
  std::size_t at = text.find(needle);
  if (at == std::string_view::npos) return false;
  for (const SentenceSpan& s : split_sentences(text)) {
    if (s.byte_start <= at && at + needle.size() <= s.byte_end) return true;
  }
  return false;
}

TEST(SplitSentences, NeverSplitsInsideKoreanNumbersAndIdentifiers) {
  const std::string text = "전 성에서 91.7%의 단위가 있다. 4.925개를 세웠다. 결의 21-NQ/TW를 냈다.";
  EXPECT_EQ(sentence_texts(text),
            (Texts{"전 성에서 91.7%의 단위가 있다.", "4.925개를 세웠다.", "결의 21-NQ/TW를 냈다."}));
  EXPECT_EQ(sentence_spans(text), (Spans{{0, 40}, {41, 63}, {64, 90}}));
}

TEST(SplitSentences, NeverSplitsInsideVietnamesePlacesDatesAndNumbers) {
  const std::string text = "Ở TP.HCM, ngày 2022.6.16 có 4.925 người. Tỷ lệ đạt 91,7%. Xong.";
  EXPECT_EQ(sentence_texts(text),
            (Texts{"Ở TP.HCM, ngày 2022.6.16 có 4.925 người.", "Tỷ lệ đạt 91,7%.", "Xong."}));
  EXPECT_EQ(sentence_spans(text), (Spans{{0, 47}, {48, 71}, {72, 77}}));
}

TEST(SplitSentences, KeepsEachNumberInOneSentence) {
  const std::string text =
      "기준일은 2022.6.16이다. 비율은 91.7%이다. 당원은 4.925명이다. 결의 21-NQ/TW. 장소는 TP.HCM이다. "
      "Số 1.234,5 tấn.";
  for (std::string_view needle : {"2022.6.16", "91.7%", "4.925", "21-NQ/TW", "TP.HCM", "1.234,5"}) {
    EXPECT_TRUE(held_whole_by_one_sentence(text, needle)) << needle;
  }
  EXPECT_EQ(split_sentences(text).size(), 6u);
}

TEST(SplitSentences, AnAbbreviationBeforeANumberIsNoSentenceEnd) {
  const std::string text = "Giá vé là Rs. 20 (xem tr. 12). Doanh thu đạt 5 tỷ USD. 20 tỉnh đã báo cáo.";
  // ICU itself keeps "USD. 20 tỉnh" together: a lower-case word follows the number (UAX #29 SB8).
  EXPECT_EQ(sentence_texts(text), (Texts{"Giá vé là Rs. 20 (xem tr. 12).", "Doanh thu đạt 5 tỷ USD. 20 tỉnh đã báo cáo."}));
}

TEST(SplitSentences, SplitsKoreanSentencesEndingInDaAndAPeriod) {
  const std::string text = "가격은 12.5달러다. 다음 문장이다. 셋째다.";
  EXPECT_EQ(sentence_texts(text), (Texts{"가격은 12.5달러다.", "다음 문장이다.", "셋째다."}));
  EXPECT_EQ(sentence_spans(text), (Spans{{0, 24}, {25, 45}, {46, 56}}));
}

TEST(SplitSentences, EveryLineBreakEndsASentence) {
  // Lines without final punctuation (a headline, a list item) are sentences of their own.
  const std::string text = "제목 없는 첫 줄\n본문 첫 문장이다\n- 항목 하나\n마지막 줄.";
  EXPECT_EQ(sentence_texts(text), (Texts{"제목 없는 첫 줄", "본문 첫 문장이다", "- 항목 하나", "마지막 줄."}));
  const std::string crlf = "하나다.\r\n둘이다.\r\n";
  EXPECT_EQ(sentence_spans(crlf), (Spans{{0, 10}, {12, 22}}));
}

TEST(SplitSentences, BlankLinesAreParagraphBreaksAndProduceNoSentence) {
  const std::string text = "첫 줄\n둘째 줄\n\n   \n셋째 줄. 넷째.  ";
  EXPECT_EQ(sentence_texts(text), (Texts{"첫 줄", "둘째 줄", "셋째 줄.", "넷째."}));
  EXPECT_EQ(sentence_spans(text), (Spans{{0, 7}, {8, 18}, {24, 35}, {36, 43}}));
}

TEST(SplitSentences, WhiteSpaceAloneIsNoSentence) {
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_TRUE(split_sentences(" ").empty());
  EXPECT_TRUE(split_sentences("\n\n \t \r\n\n").empty());
  EXPECT_TRUE(split_sentences("\xEF\xBB\xBF\n").empty());  // a byte-order mark is not a sentence
}

TEST(SplitSentences, SpansAreTrimmed) {
  const std::string text = "  \t앞뒤에 공백이 있다.   \n   둘째 문장.\t ";
  EXPECT_EQ(sentence_spans(text), (Spans{{3, 30}, {37, 51}}));
  EXPECT_EQ(sentence_texts(text), (Texts{"앞뒤에 공백이 있다.", "둘째 문장."}));
  // A leading byte-order mark is trimmed too.
  const std::string bom = "\xEF\xBB\xBF첫 문장이다. 둘째.";
  EXPECT_EQ(sentence_spans(bom), (Spans{{3, 20}, {21, 28}}));
}

TEST(SplitSentences, SplitsVietnameseText) {
  const std::string text =
      "Toàn tỉnh có 725 tổ chức cơ sở đảng. Năm 2019, kết nạp 1.061 đảng viên mới!\n"
      "Tỷ lệ đạt 91,7% so với kế hoạch? Đúng vậy.";
  EXPECT_EQ(sentence_texts(text),
            (Texts{"Toàn tỉnh có 725 tổ chức cơ sở đảng.", "Năm 2019, kết nạp 1.061 đảng viên mới!",
                   "Tỷ lệ đạt 91,7% so với kế hoạch?", "Đúng vậy."}));
}

// ---------------------------------------------------------------------------------------
// tokenize_words

TEST(TokenizeWords, TypeNames) {
  EXPECT_STREQ(token_type_name(TokenType::kWord), "word");
  EXPECT_STREQ(token_type_name(TokenType::kNumber), "number");
  EXPECT_STREQ(token_type_name(TokenType::kPunct), "punct");
  EXPECT_STREQ(token_type_name(TokenType::kSymbol), "symbol");
}

TEST(TokenizeWords, KoreanCountSentence) {
  const std::string sentence = "당원 1,061명을 받아들였다.";
  EXPECT_EQ(token_strings(sentence),
            (std::vector<std::string>{"당원/word", "1,061/number", "명을/word", "받아들였다/word", "./punct"}));
  std::vector<Token> tokens = tokenize_words(sentence);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[0].byte_start, 0u);
  EXPECT_EQ(tokens[0].byte_end, 6u);
  EXPECT_EQ(tokens[1].byte_start, 7u);
  EXPECT_EQ(tokens[1].byte_end, 12u);
  EXPECT_EQ(tokens[2].byte_start, 12u);  // ICU breaks between digits and Hangul
  EXPECT_EQ(tokens[2].byte_end, 18u);
  EXPECT_EQ(tokens[3].byte_start, 19u);
  EXPECT_EQ(tokens[3].byte_end, 34u);
  EXPECT_EQ(tokens[4].byte_start, 34u);
  EXPECT_EQ(tokens[4].byte_end, 35u);
}

TEST(TokenizeWords, VietnamesePercentSentence) {
  const std::string sentence = "Tỷ lệ đạt 91,7%.";
  EXPECT_EQ(token_strings(sentence),
            (std::vector<std::string>{"Tỷ/word", "lệ/word", "đạt/word", "91,7/number", "%/punct", "./punct"}));
  std::vector<Token> tokens = tokenize_words(sentence);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[3].byte_start, 17u);
  EXPECT_EQ(tokens[3].byte_end, 21u);
  EXPECT_EQ(tokens[5].byte_end, sentence.size());
}

TEST(TokenizeWords, NumbersSymbolsAndIdentifiers) {
  EXPECT_EQ(token_strings("+ $100 ₩200 ~ 4.925 2022.6.16"),
            (std::vector<std::string>{"+/symbol", "$/symbol", "100/number", "₩/symbol", "200/number", "~/symbol",
                                      "4.925/number", "2022.6.16/number"}));
  EXPECT_EQ(token_strings("21-NQ/TW TP.HCM (3 - 4)"),
            (std::vector<std::string>{"21/number", "-/punct", "NQ/word", "//punct", "TW/word", "TP.HCM/word",
                                      "(/punct", "3/number", "-/punct", "4/number", ")/punct"}));
}

TEST(TokenizeWords, DropsWhiteSpace) {
  EXPECT_TRUE(tokenize_words("").empty());
  EXPECT_TRUE(tokenize_words(" \t ").empty());
  EXPECT_EQ(token_strings("  12개  "), (std::vector<std::string>{"12/number", "개/word"}));
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

TEST(SplitSentences, KeepsKoreanDatesWrittenWithSpacesTogether) {
  std::string text = "정부는 2022. 6. 16. 발표했다. 다음 문장이다.";
  std::vector<SentenceSpan> s = split_sentences(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text.substr(s[0].byte_start, s[0].byte_end - s[0].byte_start), "정부는 2022. 6. 16. 발표했다.");
  EXPECT_EQ(text.substr(s[1].byte_start, s[1].byte_end - s[1].byte_start), "다음 문장이다.");
}

TEST(SplitSentences, StillBreaksAfterANumberThatEndsASentence) {
  std::string text = "올해 목표는 5. 내년에는 더 늘린다.";
  EXPECT_EQ(split_sentences(text).size(), 2u);
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

// Boundaries come back from UTF-16 to bytes eight bytes at a time: sentences of one-, two-,
// three- and four-byte code points (the last two UTF-16 units each), in every alignment,
// must start and end on the bytes of their own text.
TEST(SplitSentences, MapsBoundariesBackToBytesInEveryAlignment) {
  const std::vector<std::string> sentences = {"Có 3 người.", "당원 4,925명이다.", "Giá 😀 tăng 5%.", "Ăn 𝟘 và ê.",
                                              "Sau đó là 1.200 hộ."};
  for (std::size_t pad = 0; pad < 9; ++pad) {
    std::string text(pad, ' ');
    Texts expected;
    for (int round = 0; round < 3; ++round) {
      for (const std::string& s : sentences) {
        text += s + "\n";
        expected.push_back(s);
      }
    }
    EXPECT_EQ(sentence_texts(text), expected) << "padding " << pad;
  }
}

}  // namespace
}  // namespace sosu
