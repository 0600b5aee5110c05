#include <gtest/gtest.h>

#include "test_support.h"

namespace sosu {
namespace {

using testing::extract;

const Figure* find(const std::vector<Figure>& figures, std::string_view text) {
  for (const Figure& f : figures) {
    if (f.text == text) return &f;
  }
  return nullptr;
}

TEST(Extractor, CountsWithSubjectsBeforeAndAfter) {
  auto figures = extract(
      "2023년 말 현재 도내에는 기층당 조직이 318개, 당 세포가 1,204개 있으며, 올해 새로 "
      "1,086명의 당원을 받아들였다.");
  ASSERT_EQ(figures.size(), 5u);
  const Figure* this_year = find(figures, "올해");
  ASSERT_NE(this_year, nullptr);
  EXPECT_EQ(this_year->kind, Kind::kYear);
  EXPECT_EQ(this_year->relative, "this_year");  // no reference date: left relative
  const Figure* organisations = find(figures, "318개");
  ASSERT_NE(organisations, nullptr);
  EXPECT_EQ(organisations->kind, Kind::kCount);
  EXPECT_EQ(organisations->value->to_string(), "318");
  EXPECT_EQ(organisations->unit, "개");
  EXPECT_EQ(organisations->subject, "기층당 조직");
  const Figure* cells = find(figures, "1,204개");
  ASSERT_NE(cells, nullptr);
  EXPECT_EQ(cells->value->to_string(), "1204");
  EXPECT_EQ(cells->subject, "당 세포");
  const Figure* members = find(figures, "1,086명");
  ASSERT_NE(members, nullptr);
  EXPECT_EQ(members->subject, "당원");
  EXPECT_EQ(members->unit, "명");
}

TEST(Extractor, ListOfFiguresSeparatedByCommas) {
  auto figures = extract("도 산하 12개 부, 4개 지부, 57개 공공서비스기관을 줄였다.");
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[0].subject, "부");
  EXPECT_EQ(figures[1].subject, "지부");
  EXPECT_EQ(figures[2].subject, "공공서비스기관");
  EXPECT_EQ(figures[2].value->to_string(), "57");
}

TEST(Extractor, PercentWithQualifierInParentheses) {
  auto figures = extract("도당위원회는 매년 입당 목표(3.5% 이상)를 넘겼다.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].kind, Kind::kPercent);
  EXPECT_EQ(figures[0].text, "3.5% 이상");
  EXPECT_EQ(figures[0].value->to_string(), "3.5");
  EXPECT_EQ(figures[0].qualifier, "at_least");
  EXPECT_EQ(figures[0].unit, "%");
  EXPECT_EQ(figures[0].decimals, 1);
}

TEST(Extractor, YearsRangesAndDates) {
  auto figures = extract("2021~2023년 3년간, 그리고 2020-2025년 임기 중 2024년 3월 15일 발표된 자료");
  const Figure* range = find(figures, "2021~2023년");
  ASSERT_NE(range, nullptr);
  EXPECT_EQ(range->kind, Kind::kYearRange);
  EXPECT_EQ(range->from->to_string(), "2021");
  EXPECT_EQ(range->to->to_string(), "2023");
  EXPECT_FALSE(range->value.has_value());
  const Figure* term = find(figures, "2020-2025년");
  ASSERT_NE(term, nullptr);
  EXPECT_EQ(term->to->to_string(), "2025");
  const Figure* date = find(figures, "2024년 3월 15일");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->kind, Kind::kDate);
  EXPECT_EQ(date->date, "2024-03-15");
}

TEST(Extractor, ScaledKoreanNumbers) {
  auto figures = extract("인구는 4987만3105명으로 집계됐다.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].value->to_string(), "49873105");
  EXPECT_EQ(figures[0].text, "4987만3105명");
}

TEST(Extractor, IdentifiersAreNotQuantities) {
  auto figures = extract("고용노동부 고시 제2024-15호에 따라 문의는 02-2100-1234로 하면 된다.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].kind, Kind::kIdentifier);
  EXPECT_EQ(figures[0].text, "제2024-15호");
  EXPECT_EQ(figures[1].kind, Kind::kIdentifier);
  EXPECT_EQ(figures[1].text, "02-2100-1234");
}

TEST(Extractor, FullWidthDigitsPointIntoTheOriginalText) {
  std::string text = "참가 업체는 １，２５０곳이다.";
  auto figures = extract(text);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].text, "１，２５０곳");
  EXPECT_EQ(figures[0].value->to_string(), "1250");
  EXPECT_EQ(text.substr(figures[0].byte_start, figures[0].byte_end - figures[0].byte_start), "１，２５０곳");
  EXPECT_EQ(testing::slice_code_points(text, figures[0].start, figures[0].end), "１，２５０곳");
}

TEST(Extractor, SentenceIndexAndLanguage) {
  auto figures = extract("첫 문장이다.\n\n다음 문장에는 학생 283명이 있다. This has 5 cats.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].sentence, 1u);
  EXPECT_EQ(figures[0].lang, "ko");
  EXPECT_EQ(figures[0].subject, "학생");
}

TEST(Extractor, ForcedLanguage) {
  // Forced to a language without packs, nothing is matched; forced to Vietnamese, 명 is no
  // unit it knows, so 283 is a bare number.
  EXPECT_TRUE(extract("학생 283명", "en").empty());
  auto as_vi = extract("학생 283명", "vi");
  ASSERT_EQ(as_vi.size(), 1u);
  EXPECT_EQ(as_vi[0].kind, Kind::kNumber);
  EXPECT_EQ(as_vi[0].lang, "vi");
  auto as_ko = extract("학생 283명", "ko");
  ASSERT_EQ(as_ko.size(), 1u);
  EXPECT_EQ(as_ko[0].kind, Kind::kCount);
}

TEST(Extractor, ModelNamesAreNotFigures) {
  EXPECT_TRUE(extract("\"4선당세포\" 모델을 구축했다.").empty());
}

TEST(Extractor, PiecesContinueSentenceNumbering) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "당원 " + std::to_string(i + 1) + "명이 있다.\n";
  Extractor ex = ExtractorBuilder().packs(testing::project_packs()).build();
  CollectingSink sink;
  DocumentCursor cursor;
  ReadOptions small;
  small.max_piece_bytes = 1000;
  split_pieces(text, small, [&](const TextPiece& piece) { return ex.run_piece("t", piece, cursor, sink); });
  ASSERT_EQ(sink.figures.size(), 2000u);
  EXPECT_EQ(sink.figures[1999].sentence, 1999u);
  EXPECT_EQ(sink.figures[1999].value->to_string(), "2000");
  const Figure& last = sink.figures.back();
  EXPECT_EQ(text.substr(last.byte_start, last.byte_end - last.byte_start), "2000명");
}

TEST(Extractor, SinkCanStopTheRun) {
  struct StopAfterOne : FigureSink {
    int seen = 0;
    bool on_figure(const Figure&) override { return ++seen < 1; }
  } sink;
  Extractor ex = ExtractorBuilder().packs(testing::project_packs()).build();
  EXPECT_FALSE(ex.run("t", "학생 1명, 교사 2명, 직원 3명", sink));
  EXPECT_EQ(sink.seen, 1);
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

TEST(Extractor, VietnameseOldTonePlacementKeepsItsText) {
  auto figures = extract("Ban Chấp hành Trung ương Đảng khoá XIII đã ban hành nghị quyết.");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].text, "khoá XIII");
  EXPECT_EQ(figures[0].value->to_string(), "13");
  EXPECT_EQ(figures[0].lang, "vi");
}

}  // namespace
}  // namespace sosu
