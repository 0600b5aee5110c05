// Vietnamese figures (issue 4): the document's number marks, counts with the noun after,
// money with scales and rates, change, status, source and time.
#include <algorithm>

#include <gtest/gtest.h>

#include "test_support.h"

namespace sosu {
namespace {

const Figure& by_text(const std::vector<Figure>& figures, std::string_view text) {
  return testing::figure_by_text(figures, text);
}

TEST(InferDecimalMark, ReadsTheUnambiguousNumbers) {
  EXPECT_EQ(infer_decimal_mark("có 1.234.567 người, đạt 91,7%"), ',');
  EXPECT_EQ(infer_decimal_mark("1.234,5 tỷ"), ',');
  EXPECT_EQ(infer_decimal_mark("1,234,567 people, 91.7%"), '.');
  EXPECT_EQ(infer_decimal_mark("1,234.5 billion"), '.');
  EXPECT_FALSE(infer_decimal_mark("4.925 chi bộ").has_value());  // either way
  EXPECT_FALSE(infer_decimal_mark("91,7% và 91.7%").has_value());  // a tie
  EXPECT_FALSE(infer_decimal_mark("không có số").has_value());
}

TEST(VietnameseNumbers, VietnameseMarksByDefault) {
  auto figures = testing::extract("Toàn tỉnh có 4.925 chi bộ, tỷ lệ đạt 91,7%.");
  EXPECT_EQ(by_text(figures, "4.925").value->to_string(), "4925");
  EXPECT_EQ(by_text(figures, "4.925").decimal_mark, ",");
  EXPECT_EQ(by_text(figures, "91,7%").value->to_string(), "91.7");
}

TEST(VietnameseNumbers, ADocumentInEnglishStyleIsReadWithItsOwnMarks) {
  auto figures = testing::extract("Tổng vốn đạt 1,234.5 tỷ đồng, tăng 12.5% so với năm 2023; có 4,925 chi bộ.");
  EXPECT_EQ(by_text(figures, "1,234.5 tỷ đồng").value->to_string(), "1234500000000");
  EXPECT_EQ(by_text(figures, "12.5%").value->to_string(), "12.5");
  EXPECT_EQ(by_text(figures, "4,925").value->to_string(), "4925");
  EXPECT_EQ(by_text(figures, "4,925").decimal_mark, ".");
}

TEST(VietnameseNumbers, KoreanSentencesKeepKoreanMarks) {
  // The document's Vietnamese evidence (1.234.567) does not touch the Korean sentence.
  auto figures = testing::extract("Có 1.234.567 người.\n당원 4,925명, 비율 91.7%.");
  EXPECT_EQ(by_text(figures, "4,925명").value->to_string(), "4925");
  EXPECT_EQ(by_text(figures, "91.7%").value->to_string(), "91.7");
  EXPECT_FALSE(by_text(figures, "4,925명").decimal_mark.has_value());
}

TEST(VietnameseCounts, TheNounAfterTheNumberAndShares) {
  auto figures = testing::extract("Đến nay, toàn tỉnh có 725 tổ chức cơ sở đảng, 418 trong tổng số 433 tổ chức cơ sở đảng.");
  EXPECT_EQ(by_text(figures, "725").subject, "tổ chức cơ sở đảng");
  EXPECT_EQ(by_text(figures, "418").subject, "tổ chức cơ sở đảng");
  EXPECT_EQ(by_text(figures, "433").subject, "tổ chức cơ sở đảng");
  EXPECT_EQ(by_text(figures, "725").time->text, "Đến nay");
}

TEST(VietnameseCounts, AMeasureWordWithTheWordsAfterItIsTheSubject) {
  auto figures = testing::extract(
      "Năm nay, huyện còn 2.150 hộ nghèo, giảm 412 hộ so với năm 2023; có 137 người.");
  EXPECT_EQ(by_text(figures, "2.150 hộ").unit, "hộ");
  EXPECT_EQ(by_text(figures, "2.150 hộ").subject, "hộ nghèo");
  // so với ends the phrase before it starts, and a measure word alone is no subject.
  EXPECT_FALSE(by_text(figures, "412 hộ").subject.has_value());
  EXPECT_FALSE(by_text(figures, "137 người").subject.has_value());
  auto firms = testing::extract("Cả nước có hơn 159.000 doanh nghiệp thành lập mới trong 10 tháng.");
  EXPECT_EQ(by_text(firms, "hơn 159.000 doanh nghiệp").value->to_string(), "159000");
  EXPECT_EQ(by_text(firms, "hơn 159.000 doanh nghiệp").subject, "doanh nghiệp thành lập mới");
}

TEST(VietnameseMoney, ScalesRatesAndChange) {
  auto figures = testing::extract(
      "Theo Cục Thống kê tỉnh, thu ngân sách ước đạt 17.500 tỷ đồng, tăng 12,4%; mức hỗ trợ 500.000 đồng/người/tháng.");
  const Figure& budget = by_text(figures, "17.500 tỷ đồng");
  EXPECT_EQ(budget.value->to_string(), "17500000000000");
  EXPECT_EQ(budget.unit, "VND");
  EXPECT_EQ(budget.status, "estimate");
  EXPECT_EQ(budget.source, "Cục Thống kê tỉnh");
  EXPECT_EQ(by_text(figures, "12,4%").direction, "increase");
  EXPECT_EQ(by_text(figures, "500.000 đồng/người/tháng").per, "person/month");
}

TEST(VietnameseTime, PeriodsAndRelativeTimes) {
  ExtractOptions options;
  options.ref_date = CalendarDate::parse("2024-10-05");
  Extractor ex = ExtractorBuilder().packs(testing::project_packs()).options(options).build();
  CollectingSink sink;
  ex.run("t", "9 tháng đầu năm 2024, GRDP tăng 8,5%. Năm ngoái tỉnh thu 1,5 tỷ đồng.", sink);
  const Figure& period = by_text(sink.figures, "9 tháng đầu năm 2024");
  EXPECT_EQ(period.from_date, "2024-01");
  EXPECT_EQ(period.to_date, "2024-09");
  EXPECT_EQ(by_text(sink.figures, "8,5%").time->date, "2024-01/2024-09");
  EXPECT_EQ(by_text(sink.figures, "Năm ngoái").date, "2023");
  EXPECT_EQ(by_text(sink.figures, "1,5 tỷ đồng").value->to_string(), "1500000000");
}

TEST(VietnameseTime, AYearWordAfterAMonthIsItsYear) {
  auto figures = testing::extract_with_ref(
      "Tháng 3 năm ngoái, kim ngạch xuất khẩu đạt 29,57 tỷ USD. Ngày 15/3 năm nay, giá xăng tăng 1.200 đồng/lít.",
      "2024-10-25");
  EXPECT_EQ(by_text(figures, "Tháng 3 năm ngoái").date, "2023-03");
  EXPECT_EQ(by_text(figures, "29,57 tỷ USD").time->date, "2023-03");
  EXPECT_EQ(by_text(figures, "Ngày 15/3 năm nay").date, "2024-03-15");
  EXPECT_EQ(by_text(figures, "1.200 đồng/lít").time->text, "Ngày 15/3 năm nay");
  EXPECT_EQ(by_text(figures, "1.200 đồng/lít").time->date, "2024-03-15");
  // A year before the month is not its year in Vietnamese: năm nay, tháng 3 are two times.
  auto apart = testing::extract_with_ref("Năm ngoái tháng 3 mưa nhiều.", "2024-10-25");
  EXPECT_EQ(by_text(apart, "Năm ngoái").date, "2023");
  EXPECT_EQ(by_text(apart, "tháng 3").date, "2024-03");
}

// A status word may stand before the verb of its figure (status_reach), not across a comma.
TEST(VietnameseStatus, AStatusWordBeforeTheFiguresVerb) {
  auto figures = testing::extract(
      "Ước tính xuất siêu 23,31 tỷ USD. Theo kế hoạch, doanh nghiệp thu về 500 tỷ đồng.");
  EXPECT_EQ(by_text(figures, "23,31 tỷ USD").status, "estimate");  // was none
  EXPECT_FALSE(by_text(figures, "500 tỷ đồng").status.has_value());
}

// A word that names the amount after it (amount_noun) is its subject, with a link word between
// or none; a verb before an amount with no link word still names nothing.
TEST(VietnameseSubject, AWordThatNamesTheAmountAfterIt) {
  auto figures = testing::extract(
      "Trong 11 tháng, cả nước ước tính xuất siêu 23,31 tỷ USD, riêng tháng 11 nhập siêu ước 1,2 tỷ USD. "
      "Thanh tra đã xử phạt hành chính 1,5 tỷ đồng.");
  EXPECT_EQ(by_text(figures, "23,31 tỷ USD").subject, "xuất siêu");  // was none
  EXPECT_EQ(by_text(figures, "23,31 tỷ USD").status, "estimate");
  EXPECT_EQ(by_text(figures, "1,2 tỷ USD").subject, "nhập siêu");  // linked by ước, as before
  EXPECT_FALSE(by_text(figures, "1,5 tỷ đồng").subject.has_value());
}

// The statistics office's months so far of a year said from this one: months 1 to N of it,
// one record, not a duration and a year.
TEST(VietnameseTime, TheFirstMonthsOfAYearSaidFromThisOne) {
  auto figures = testing::extract_with_ref(
      "Trong 10 tháng năm nay, kim ngạch xuất khẩu đạt 335,6 tỷ USD, cao hơn 6 tháng đầu năm ngoái; "
      "dự án hoàn thành sau 10 tháng thi công.",
      "2024-10-25");
  const Figure& months = by_text(figures, "10 tháng năm nay");
  EXPECT_EQ(months.kind, Kind::kDateRange);
  EXPECT_EQ(months.from_date, "2024-01");
  EXPECT_EQ(months.to_date, "2024-10");
  EXPECT_EQ(by_text(figures, "335,6 tỷ USD").time->date, "2024-01/2024-10");
  EXPECT_EQ(by_text(figures, "335,6 tỷ USD").subject, "kim ngạch xuất khẩu");
  EXPECT_EQ(by_text(figures, "6 tháng đầu năm ngoái").to_date, "2023-06");
  EXPECT_EQ(by_text(figures, "10 tháng").kind, Kind::kDuration);  // sau 10 tháng thi công
  EXPECT_EQ(std::count_if(figures.begin(), figures.end(), [](const Figure& f) { return f.kind == Kind::kYear; }), 0);
  // Without a reference date the year stays relative.
  auto unresolved = testing::extract("Trong 10 tháng năm nay, xuất khẩu tăng 14,9%.");
  EXPECT_EQ(by_text(unresolved, "10 tháng năm nay").from_date, "--01");
  EXPECT_EQ(by_text(unresolved, "10 tháng năm nay").relative, "this_year");
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

TEST(VietnameseTime, ATimeAfterTheFigureCountsOnlyInItsClauseAndNeverAsAComparisonBase) {
  auto planned = testing::extract("Tập đoàn dự kiến đầu tư thêm 2,4 tỷ USD trong 5 năm tới vào tỉnh Bắc Ninh.");
  ASSERT_TRUE(testing::figure_by_text(planned, "2,4 tỷ USD").time.has_value());
  EXPECT_EQ(testing::figure_by_text(planned, "2,4 tỷ USD").time->text, "5 năm tới");
  auto compared = testing::extract(
      "Toàn huyện hiện có 37 chi bộ, tăng 4 chi bộ so với cuối năm 2022; sản lượng đạt 12.400 tấn, gấp 2 lần cùng kỳ.");
  EXPECT_FALSE(testing::figure_by_text(compared, "37").time.has_value());
  EXPECT_FALSE(testing::figure_by_text(compared, "4").time.has_value());
  EXPECT_FALSE(testing::figure_by_text(compared, "12.400 tấn").time.has_value());
  EXPECT_FALSE(testing::figure_by_text(compared, "gấp 2 lần").subject.has_value());  // cùng kỳ is the base
  auto clauses = testing::extract("Thu ngân sách 4 tháng tăng 9,1%, nhập khẩu tháng 4 đạt 21,3 tỷ USD.");
  EXPECT_FALSE(testing::figure_by_text(clauses, "9,1%").time.has_value());
  EXPECT_EQ(testing::figure_by_text(clauses, "21,3 tỷ USD").time->text, "tháng 4");
}

TEST(VietnameseTime, ATimeJoinedAfterTheFigureWinsOverOneBefore) {
  auto figures = testing::extract(
      "Năm 2024, hai tỉnh đặt mục tiêu đưa kim ngạch lên 5 tỷ USD vào năm 2027 và 8 tỷ USD vào năm 2030, "
      "cao hơn mức 3,1% của quý II/2024.");
  EXPECT_EQ(testing::figure_by_text(figures, "5 tỷ USD").time->text, "năm 2027");
  EXPECT_EQ(testing::figure_by_text(figures, "8 tỷ USD").time->text, "năm 2030");
  EXPECT_EQ(testing::figure_by_text(figures, "3,1%").time->text, "quý II/2024");
}

TEST(VietnameseSubjects, CompoundNounsGoOnAndNegationsEndThePhrase) {
  auto tax = testing::extract("Nhà nước tiếp tục giảm 2% thuế suất thuế giá trị gia tăng trong năm tới.");
  EXPECT_EQ(testing::figure_by_text(tax, "2%").subject, "thuế suất thuế giá trị gia tăng");
  auto cells = testing::extract("Toàn huyện còn 12 chi bộ chưa tổ chức sinh hoạt chuyên đề.");
  EXPECT_EQ(testing::figure_by_text(cells, "12").subject, "chi bộ");
}

TEST(VietnameseNumbers, AQuoteInAKoreanArticleIsReadTheVietnameseWay) {
  // The Korean text's 95.2% and 3.5% must not make the quote's 81.991 a decimal.
  auto figures = testing::extract(
      "평가 결과 95.2%가 완수했고 입당률은 3.5%였다.\n"
      "원문에는 \"Đảng viên hoàn thành tốt nhiệm vụ: 81.991 đồng chí (Tỷ lệ đạt 91,7%)\"라고 적혀 있다.");
  const Figure& members = by_text(figures, "81.991");
  EXPECT_EQ(members.lang, "vi");
  EXPECT_EQ(members.value->to_string(), "81991");
  EXPECT_EQ(members.subject, "đồng chí");
  EXPECT_EQ(by_text(figures, "91,7%").value->to_string(), "91.7");
  EXPECT_EQ(by_text(figures, "95.2%").value->to_string(), "95.2");
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

using testing::extract_with_ref;

TEST(VietnameseRelativePeriods, LastAndNextUnitsQuartersAndWeekdays) {
  auto figures = extract_with_ref(
      "Trong 2 tháng qua, tỉnh thu hút 1,8 tỷ USD; quý tới dự kiến thêm 500 triệu USD, công bố vào thứ Sáu tới.",
      "2024-11-27");
  const Figure& last = by_text(figures, "2 tháng qua");
  EXPECT_EQ(last.kind, Kind::kDateRange);
  EXPECT_EQ(last.from_date, "2024-09");
  EXPECT_EQ(last.to_date, "2024-10");
  EXPECT_EQ(by_text(figures, "1,8 tỷ USD").time->date, "2024-09/2024-10");
  const Figure& quarter = by_text(figures, "quý tới");
  EXPECT_EQ(quarter.from_date, "2025-01");
  EXPECT_EQ(quarter.to_date, "2025-03");
  EXPECT_EQ(by_text(figures, "thứ Sáu tới").date, "2024-11-29");  // 27 November 2024 was a Wednesday
}

TEST(VietnameseRelativePeriods, AQuarterWithoutAYearTakesTheReferenceYear) {
  auto inner = extract_with_ref("Trong quý 3, xuất khẩu đạt 12,5 tỷ USD.", "2024-11-27");
  EXPECT_EQ(by_text(inner, "quý 3").from_date, "2024-07");
  EXPECT_EQ(by_text(inner, "quý 3").to_date, "2024-09");
}

// An amount with no noun after it is named by the noun phrase before it, across a link word
// and a time: the head with its modifiers (trên địa bàn, từ dầu thô), never a verb phrase.
TEST(VietnameseSubjects, AnAmountTakesTheNounPhraseBeforeItsLinkWord) {
  auto budget = testing::extract(
      "Tổng thu ngân sách nhà nước trên địa bàn 10 tháng ước đạt 8.340 tỷ đồng, bằng 91,2% dự toán; "
      "thu từ dầu thô đạt 1.120 tỷ đồng.");
  EXPECT_EQ(by_text(budget, "8.340 tỷ đồng").subject, "Tổng thu ngân sách nhà nước trên địa bàn");
  EXPECT_EQ(by_text(budget, "8.340 tỷ đồng").status, "estimate");
  EXPECT_EQ(by_text(budget, "1.120 tỷ đồng").subject, "thu từ dầu thô");
  auto rice = testing::extract("Năm nay, sản lượng lúa của huyện có thể đạt trên 95.000 tấn.");
  EXPECT_EQ(by_text(rice, "trên 95.000 tấn").subject, "sản lượng lúa của huyện");
  auto raised = testing::extract("Hai nước đặt mục tiêu nâng kim ngạch thương mại lên 150 tỷ USD vào năm 2030.");
  EXPECT_EQ(by_text(raised, "150 tỷ USD").subject, "kim ngạch thương mại");
  auto trade = testing::extract(
      "Kim ngạch xuất khẩu hàng hóa 10 tháng đạt 335,6 tỷ USD; vốn đầu tư đăng ký vào Việt Nam đạt gần 27,3 tỷ USD.");
  EXPECT_EQ(by_text(trade, "335,6 tỷ USD").subject, "Kim ngạch xuất khẩu hàng hóa");  // hàng hóa: a compound
  EXPECT_EQ(by_text(trade, "gần 27,3 tỷ USD").subject, "vốn đầu tư đăng ký vào Việt Nam");
  auto economy = testing::extract(
      "Quy mô nền kinh tế theo giá hiện hành ước đạt 11.511,9 nghìn tỷ đồng, vượt mục tiêu 6-6,5% đề ra.");
  EXPECT_EQ(by_text(economy, "11.511,9 nghìn tỷ đồng").subject, "Quy mô nền kinh tế theo giá hiện hành");
  EXPECT_FALSE(by_text(economy, "6-6,5%").subject.has_value());  // đề ra is a verb
  auto project = testing::extract("Nhà máy có tổng vốn đầu tư khoảng 3.200 tỷ đồng, với diện tích 45 ha.");
  EXPECT_EQ(by_text(project, "khoảng 3.200 tỷ đồng").subject, "tổng vốn đầu tư");  // after có
}

// A count by its measure word with nothing after it: the phrase before, whose head stands
// before a time when a modifier follows that (năm 2024 của cả nước).
TEST(VietnameseSubjects, ACountByItsMeasureWordTakesTheHeadBeforeATime) {
  auto people = testing::extract(
      "Dân số trung bình năm 2024 của cả nước ước đạt 101,3 triệu người; lực lượng lao động từ 15 tuổi "
      "trở lên là 53 triệu người.");
  EXPECT_EQ(by_text(people, "101,3 triệu người").subject, "Dân số trung bình");
  EXPECT_FALSE(by_text(people, "53 triệu người").subject.has_value());  // trở lên is no phrase
  auto communes = testing::extract("Tỉnh đã có thêm 7 xã đạt chuẩn nông thôn mới.");
  EXPECT_FALSE(by_text(communes, "7 xã").subject.has_value());
  auto gold = testing::extract("Giá vàng miếng hôm nay niêm yết ở mức 85,5 triệu đồng.");
  EXPECT_FALSE(by_text(gold, "85,5 triệu đồng").subject.has_value());  // niêm yết is a verb
}

// A headline starts with its qualifier; a school year is a year range, not a count.
TEST(VietnameseNumbers, AHeadlineQualifierAndASchoolYear) {
  auto headline = testing::extract("Hà Nội: Hơn 1.200 ca sốt xuất huyết trong tuần qua");
  EXPECT_EQ(by_text(headline, "Hơn 1.200 ca").qualifier, "more_than");
  auto school = testing::extract("Năm học 2024-2025 toàn thành phố có 2.834 trường.");
  EXPECT_EQ(by_text(school, "Năm học 2024-2025").kind, Kind::kYearRange);
  EXPECT_EQ(by_text(school, "2.834").time->text, "Năm học 2024-2025");
}

// A range runs upwards: a dash between a larger and a smaller number is a score.
TEST(VietnameseNumbers, ARangeOfMeasuresAndNoScore) {
  auto weather = testing::extract("Nhiệt độ tại Sa Pa xuống âm 2 độ C, Hà Nội phổ biến 12-14 độ C.");
  EXPECT_EQ(by_text(weather, "âm 2 độ C").value->to_string(), "-2");
  EXPECT_EQ(by_text(weather, "12-14 độ C").from->to_string(), "12");
  EXPECT_EQ(by_text(weather, "12-14 độ C").to->to_string(), "14");
  auto match = testing::extract("Đội tuyển Việt Nam thắng Lào 4-1 trong trận ra quân.");
  EXPECT_TRUE(match.empty());
}

TEST(VietnameseSubjects, AVerbAndItsObjectOrAnotherFigureIsNoSubject) {
  auto fines = testing::extract("Đoàn kiểm tra 312 cơ sở, xử phạt hành chính 1,4 tỷ đồng.");
  EXPECT_FALSE(by_text(fines, "1,4 tỷ đồng").subject.has_value());
  auto passed = testing::extract("Vốn đầu tư lũy kế của các nhà đầu tư đã vượt mốc 30 tỷ USD.");
  EXPECT_FALSE(by_text(passed, "30 tỷ USD").subject.has_value());
  // "từ 1,8 triệu đồng lên 2,1 triệu đồng": the words before are the other amount.
  auto wage = testing::extract("Mức lương tối thiểu tăng từ 1,8 triệu đồng lên 2,1 triệu đồng.");
  EXPECT_FALSE(by_text(wage, "2,1 triệu đồng").subject.has_value());
}

TEST(VietnameseMoney, CentsSpokenDecimalsAndBounds) {
  auto figures = testing::extract("Vé giá 2 đô la và 50 xen, phí hai phẩy năm đô, từ 7.000 đồng trở xuống.", "vi");
  EXPECT_EQ(by_text(figures, "2 đô la và 50 xen").value->to_string(), "2.5");
  EXPECT_EQ(by_text(figures, "hai phẩy năm đô").value->to_string(), "2.5");
  const Figure& bound = by_text(figures, "từ 7.000 đồng trở xuống");
  EXPECT_EQ(bound.value->to_string(), "7000");
  EXPECT_EQ(bound.qualifier, "at_most");
}

TEST(VietnameseChange, AComparativeWithAComparisonBaseIsADifference) {
  auto figures = testing::extract(
      "GRDP tăng 8,5%, cao hơn 0,3 điểm phần trăm so với năm trước; giá trần cao hơn 1.000 đồng.", "vi");
  const Figure& difference = by_text(figures, "cao hơn 0,3 điểm phần trăm");
  EXPECT_EQ(difference.direction, "increase");
  EXPECT_FALSE(difference.qualifier.has_value());
  const Figure& bound = by_text(figures, "cao hơn 1.000 đồng");
  EXPECT_EQ(bound.qualifier, "more_than");
  EXPECT_FALSE(bound.direction.has_value());
}

// A subject holds a letter: the dash between two numbers of a spaced date names nothing.
TEST(VietnameseSubject, AMarkBetweenNumbersIsNoSubject) {
  auto figures = testing::extract("Quy định chính thức áp dụng vào 1 - 4 – 2004 tại thành phố.");
  for (const Figure& f : figures) EXPECT_NE(f.subject, std::optional<std::string>("-")) << f.text;
  EXPECT_FALSE(by_text(figures, "1").subject.has_value());  // was "-"
}

// A number in words may start a sentence with a capital (Hai mươi lăm người: 25, not mươi
// lăm = 15); two unit words in a row are no number (ba bốn người, "three or four", not 7).
TEST(VietnameseNumerals, CapitalizedAndPairedNumberWords) {
  auto figures = testing::extract("Hai mươi lăm người đã đến. Ba nghìn hộ dân được hỗ trợ. Có ba bốn người ở lại.");
  EXPECT_EQ(by_text(figures, "Hai mươi lăm người").value->to_string(), "25");  // was mươi lăm người, 15
  EXPECT_EQ(by_text(figures, "Ba nghìn hộ").value->to_string(), "3000");       // was nghìn, 1000
  for (const Figure& f : figures) EXPECT_EQ(f.text.find("ba bốn"), std::string::npos) << f.text;  // was 7
}

// Amounts as they are said: a lone digit after the scale is the next place down, rưỡi is a
// half of the scale, and lower places may carry their own scale.
TEST(VietnameseNumerals, AmountsAsTheyAreSaid) {
  auto figures = testing::extract(
      "Giá vàng tăng thêm 1 triệu 2 đồng mỗi lượng, thu nhập bình quân đạt 7 triệu 5 mỗi tháng. "
      "Dự án cần hai nghìn rưỡi tỷ đồng, trong đó vốn vay 2 tỷ rưỡi đồng và 1 tỷ 200 triệu đồng tiền "
      "mặt; huyện có một trăm hai hộ nghèo và một trăm linh hai hộ cận nghèo.");
  const Figure& gold = by_text(figures, "1 triệu 2 đồng");
  EXPECT_EQ(gold.kind, Kind::kMoney);
  EXPECT_EQ(gold.value->to_string(), "1200000");
  EXPECT_EQ(gold.unit, "VND");
  EXPECT_EQ(gold.subject, "Giá vàng");
  const Figure& income = by_text(figures, "7 triệu 5");
  EXPECT_EQ(income.value->to_string(), "7500000");
  EXPECT_NE(income.kind, Kind::kCount);  // mỗi tháng (each month) is counted by nothing
  EXPECT_EQ(by_text(figures, "hai nghìn rưỡi tỷ đồng").value->to_string(), "2500000000000");
  EXPECT_EQ(by_text(figures, "2 tỷ rưỡi đồng").value->to_string(), "2500000000");
  EXPECT_EQ(by_text(figures, "1 tỷ 200 triệu đồng").value->to_string(), "1200000000");
  EXPECT_EQ(by_text(figures, "một trăm hai hộ").value->to_string(), "120");
  EXPECT_EQ(by_text(figures, "một trăm linh hai hộ").value->to_string(), "102");
  for (const Figure& f : figures) EXPECT_NE(f.text, "5") << "the tail of 7 triệu 5 stood alone";
}

TEST(VietnameseNumerals, ShortTensYearsReadOutAndProvinces) {
  auto figures = testing::extract(
      "Năm hai nghìn không trăm linh năm, anh mới hai mốt tuổi, còn vợ anh ba lăm tuổi. "
      "Đến nay mạng 5G đã phủ sóng 63 tỉnh, thành phố; có ba bốn người phản đối.");
  const Figure& year = by_text(figures, "Năm hai nghìn không trăm linh năm");
  EXPECT_EQ(year.kind, Kind::kYear);
  EXPECT_EQ(year.date, "2005");
  const Figure& age = by_text(figures, "hai mốt tuổi");
  EXPECT_EQ(age.kind, Kind::kQuantity);
  EXPECT_EQ(age.value->to_string(), "21");
  EXPECT_EQ(age.unit, "tuổi");
  EXPECT_EQ(by_text(figures, "ba lăm tuổi").value->to_string(), "35");
  const Figure& provinces = by_text(figures, "63 tỉnh, thành phố");  // 63 tỉ (billion) took it
  EXPECT_EQ(provinces.kind, Kind::kCount);
  EXPECT_EQ(provinces.value->to_string(), "63");
  for (const Figure& f : figures) {
    EXPECT_EQ(f.text.find("5G"), std::string::npos) << f.text;
    EXPECT_EQ(f.text.find("ba bốn"), std::string::npos) << f.text;
  }
}

}  // namespace
}  // namespace sosu
