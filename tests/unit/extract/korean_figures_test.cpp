// Korean figures in depth (issue 3): time, relative dates, direction, status, per, source,
// approximations, native numerals, ranges, signs, quantities, durations. Realistic
// sentences, each asserting the values, not only that something was found.
#include <gtest/gtest.h>

#include "test_support.h"

namespace sosu {
namespace {

using testing::extract_with_ref;

const Figure& by_text(const std::vector<Figure>& figures, std::string_view text) {
  return testing::figure_by_text(figures, text);
}

TEST(KoreanTime, FiguresTakeTheTimeStatedBeforeThem) {
  auto figures = testing::extract("2020년 초 현재, 전 성에는 기층당 조직이 725개, 당 세포가 4,925개 있었다.");
  const Figure& cells = by_text(figures, "4,925개");
  ASSERT_TRUE(cells.time.has_value());
  EXPECT_EQ(cells.time->text, "2020년 초");
  EXPECT_EQ(cells.time->date, "2020");
  EXPECT_EQ(cells.time->part, "early");
  EXPECT_FALSE(by_text(figures, "2020년 초").time.has_value());  // a year has no time of its own
}

TEST(KoreanTime, EachFigureOfAListTakesItsOwnYear) {
  auto figures = testing::extract("연도별로는 2021년 2,180명, 2022년 2,375명, 2023년 2,315명이었다.");
  EXPECT_EQ(by_text(figures, "2,180명").time->date, "2021");
  EXPECT_EQ(by_text(figures, "2,375명").time->date, "2022");
  EXPECT_EQ(by_text(figures, "2,315명").time->date, "2023");
}

TEST(KoreanTime, ATimeAfterTheFigureCountsOnlyInItsClause) {
  // After it, in its clause: the half of the year the money is spent in.
  auto spent = testing::extract("군은 신규 사업비의 70% 이상을 상반기에 집행하기로 했다.");
  ASSERT_TRUE(by_text(spent, "70% 이상").time.has_value());
  EXPECT_EQ(by_text(spent, "70% 이상").time->text, "상반기");
  // Past a comma or a closing quote the time belongs to what follows.
  auto listed = testing::extract(
      "신규 당원은 1,214명으로 집계됐으며, 도당은 2026-2030년 임기 목표로 5천명 확보를 내걸었다.");
  EXPECT_FALSE(by_text(listed, "1,214명").time.has_value());
  auto quoted = testing::extract("그는 \"조합원 3명, 작업반 1개가 기본\"이라며 \"2027년까지 두 배로 늘리겠다\"고 말했다.");
  EXPECT_FALSE(by_text(quoted, "3명").time.has_value());
}

TEST(KoreanTime, TheBaseOfAComparisonIsNoFiguresTime) {
  auto figures = testing::extract("2025년 관광객은 412만명으로 2024년(388만명)보다 6.2% 늘었다.");
  EXPECT_EQ(by_text(figures, "412만명").time->text, "2025년");
  // The change took place in 2025, against 2024; 388만명 in the parenthesis is 2024's.
  EXPECT_EQ(by_text(figures, "6.2%").time->text, "2025년");
  EXPECT_EQ(by_text(figures, "388만명").time->text, "2024년");
  auto after = testing::extract("외국인 등록 인구는 24만1천명으로 전년(22만7천명)보다 1만4천명 많다.");
  EXPECT_FALSE(by_text(after, "24만1천명").time.has_value());
  EXPECT_EQ(by_text(after, "22만7천명").time->text, "전년");
  EXPECT_FALSE(by_text(after, "1만4천명").time.has_value());
}

TEST(KoreanTime, ATimeInTheParenthesisAfterTheFigureIsItsOwn) {
  auto figures = testing::extract("2025년 실태조사에서 도내 사회복지시설은 1,284곳(2024년 말 기준)으로 집계됐다.");
  ASSERT_TRUE(by_text(figures, "1,284곳").time.has_value());
  EXPECT_EQ(by_text(figures, "1,284곳").time->text, "2024년 말");
}

TEST(KoreanTime, FromToBecomesOneRange) {
  auto figures = testing::extract("2020년 초부터 2024년 6월까지 전성에서 283명의 학생이 당에 입당했다.");
  const Figure& students = by_text(figures, "283명");
  ASSERT_TRUE(students.time.has_value());
  EXPECT_EQ(students.time->text, "2020년 초부터 2024년 6월");
  EXPECT_EQ(students.time->date, "2020/2024-06");
  // The two ends stay figures of their own, as the seed's reference annotates them.
  EXPECT_EQ(by_text(figures, "2024년 6월").date, "2024-06");
}

TEST(KoreanTime, RelativeTimesResolveAgainstTheReferenceDate) {
  const std::string text = "지난해 입당한 당원은 2,315명이었고 지난달에는 120명이 더 늘었다.";
  auto unresolved = testing::extract(text);
  ASSERT_TRUE(by_text(unresolved, "2,315명").time.has_value());
  EXPECT_EQ(by_text(unresolved, "2,315명").time->text, "지난해");
  EXPECT_FALSE(by_text(unresolved, "2,315명").time->date.has_value());
  EXPECT_EQ(by_text(unresolved, "2,315명").time->relative, "previous_year");

  auto resolved = extract_with_ref(text, "2024-03-15");
  EXPECT_EQ(by_text(resolved, "2,315명").time->date, "2023");
  EXPECT_FALSE(by_text(resolved, "2,315명").time->relative.has_value());
  EXPECT_EQ(by_text(resolved, "120명").time->text, "지난달");
  EXPECT_EQ(by_text(resolved, "120명").time->date, "2024-02");
  EXPECT_EQ(by_text(resolved, "120명").direction, "increase");
}

TEST(KoreanTime, PreviousMonthAcrossNewYearAndToDate) {
  auto january = extract_with_ref("지난달 실업자는 8,488명이었다.", "2024-01-10");
  EXPECT_EQ(by_text(january, "8,488명").time->date, "2023-12");
  auto so_far = extract_with_ref("지금까지 전성에는 674개의 기초당 조직이 있다.", "2024-07-15");
  EXPECT_EQ(by_text(so_far, "674개").time->date, "2024-07-15");
}

TEST(KoreanTime, ComparisonBaseIsNotTheFiguresTime) {
  auto figures = testing::extract("고용률은 전년 대비 0.6%p 올랐다.");
  EXPECT_FALSE(by_text(figures, "0.6%p").time.has_value());
  EXPECT_EQ(by_text(figures, "0.6%p").direction, "increase");
}

TEST(KoreanPeriods, HalvesAndQuartersAreDateRanges) {
  auto figures = testing::extract("2023년 상반기 수출은 3,120억달러로, 4분기에는 더 늘 전망이다.");
  const Figure& half = by_text(figures, "2023년 상반기");
  EXPECT_EQ(half.kind, Kind::kDateRange);
  EXPECT_EQ(half.from_date, "2023-01");
  EXPECT_EQ(half.to_date, "2023-06");
  const Figure& exports = by_text(figures, "3,120억달러");
  EXPECT_EQ(exports.value->to_string(), "312000000000");
  EXPECT_EQ(exports.unit, "USD");
  EXPECT_EQ(exports.time->part, "h1");
  EXPECT_EQ(by_text(figures, "4분기").from_date, "--10");
}

TEST(KoreanChange, DirectionFromWordsAndSigns) {
  auto figures = testing::extract("1인 가구는 154,000가구(0.7%) 늘었고, 4인 가구는 △3,518가구 줄었다.");
  EXPECT_EQ(by_text(figures, "154,000가구").direction, "increase");
  EXPECT_EQ(by_text(figures, "0.7%").direction, "increase");
  const Figure& fewer = by_text(figures, "△3,518가구");
  EXPECT_EQ(fewer.value->to_string(), "-3518");
  EXPECT_EQ(fewer.direction, "decrease");
}

TEST(KoreanChange, ATableLineKeepsTheLevelApartFromTheChange) {
  auto figures = testing::extract("서울 9,386,034명 (0.4% 감소)");
  EXPECT_EQ(by_text(figures, "9,386,034명").subject, "서울");
  EXPECT_FALSE(by_text(figures, "9,386,034명").direction.has_value());
  EXPECT_EQ(by_text(figures, "0.4%").direction, "decrease");
}

TEST(KoreanApproximations, 여수백AndRanges) {
  auto figures = testing::extract("행사장에는 5천여 명이 몰렸고 수백 명은 발길을 돌렸으며, 3~5명씩 입장했다.");
  const Figure& about = by_text(figures, "5천여 명");
  EXPECT_EQ(about.value->to_string(), "5000");
  EXPECT_EQ(about.qualifier, "about");
  const Figure& hundreds = by_text(figures, "수백 명");
  EXPECT_FALSE(hundreds.value.has_value());
  EXPECT_EQ(hundreds.from->to_string(), "100");
  EXPECT_EQ(hundreds.to->to_string(), "999");
  const Figure& range = by_text(figures, "3~5명");
  EXPECT_EQ(range.from->to_string(), "3");
  EXPECT_EQ(range.to->to_string(), "5");
}

TEST(KoreanNumerals, NativeNumbersWithCountersAndOrdinals) {
  auto figures = testing::extract("사고로 근로자 두 명이 다쳤고, 스무 명이 대피했다. 이번이 세 번째 사고다.");
  EXPECT_EQ(by_text(figures, "두 명").value->to_string(), "2");
  EXPECT_EQ(by_text(figures, "두 명").subject, "근로자");
  EXPECT_EQ(by_text(figures, "스무 명").value->to_string(), "20");
  EXPECT_EQ(by_text(figures, "세 번째").kind, Kind::kOrdinal);
  EXPECT_EQ(by_text(figures, "세 번째").value->to_string(), "3");
}

TEST(KoreanDetails, PerSourceAndStatus) {
  auto figures = testing::extract("통계청에 따르면 청년 1인당 월평균 지원액은 1인당 500,000원이며, 목표 고용률은 70% 이상이다.");
  const Figure& amount = by_text(figures, "500,000원");
  EXPECT_EQ(amount.per, "person");
  EXPECT_EQ(amount.source, "통계청");
  EXPECT_EQ(amount.unit, "KRW");
  EXPECT_EQ(by_text(figures, "70% 이상").source, "통계청");
}

TEST(KoreanDetails, TargetInParentheses) {
  auto figures = testing::extract("도당위원회는 매년 당원 입당 목표(3.2% 이상)를 초과 달성했다.");
  const Figure& target = by_text(figures, "3.2% 이상");
  EXPECT_EQ(target.status, "target");
  EXPECT_EQ(target.qualifier, "at_least");
}

TEST(KoreanMeasures, QuantitiesAgesDurationsAndMultiples) {
  auto figures = testing::extract(
      "쌀 생산량은 41.8만 톤으로 3년간 1.5배 늘었고, 65세 이상 농가는 15~64세 농가보다 많았다.");
  EXPECT_EQ(by_text(figures, "41.8만 톤").value->to_string(), "418000");
  EXPECT_EQ(by_text(figures, "41.8만 톤").kind, Kind::kQuantity);
  EXPECT_EQ(by_text(figures, "3년간").kind, Kind::kDuration);
  EXPECT_EQ(by_text(figures, "3년간").unit, "년");
  EXPECT_EQ(by_text(figures, "1.5배").unit, "배");
  EXPECT_EQ(by_text(figures, "65세 이상").qualifier, "at_least");
  EXPECT_EQ(by_text(figures, "15~64세").from->to_string(), "15");
  EXPECT_EQ(by_text(figures, "15~64세").to->to_string(), "64");
}

TEST(KoreanSubjects, NotAcrossAnOpeningQuoteNorAVerbBeforeTheFigure) {
  auto quoted = testing::extract("도 관계자는 \"70세 이상 어르신 일자리를 더 늘리겠다\"고 말했다.");
  EXPECT_NE(by_text(quoted, "70세 이상").subject, std::optional<std::string>("도 관계자"));
  auto reported = testing::extract("수출은 정부가 연초에 제시한 6,800억달러에 못 미쳤다.");
  EXPECT_FALSE(by_text(reported, "6,800억달러").subject.has_value());
}

TEST(KoreanSubjects, NeitherATimeNorASizeWordIsASubject) {
  auto glossed = testing::extract("관광 수입은 9,120억원으로 전년(8,430억원)보다 늘었다.");
  EXPECT_NE(by_text(glossed, "8,430억원").subject, std::optional<std::string>("전년"));
  EXPECT_EQ(by_text(glossed, "8,430억원").time->text, "전년");
  auto sized = testing::extract("시는 700억원 규모의 펀드를 조성한다.");
  EXPECT_NE(by_text(sized, "700억원").subject, std::optional<std::string>("규모"));
}

// 도 (also) is a particle, except where it ends a noun (제도, 만족도, 경기도, 전북특별자치도);
// a relative time before the subject is no part of it.
TEST(KoreanSubjects, ParticleDoIsStrippedButNotFromNounsEndingInDo) {
  auto also = testing::extract("지난달 건설업 취업자도 4만1000명 줄었고, 숙박업 사업장도 320곳 문을 닫았다.");
  EXPECT_EQ(by_text(also, "4만1000명").subject, "건설업 취업자");
  EXPECT_EQ(by_text(also, "320곳").subject, "숙박업 사업장");
  auto province = testing::extract("지역별 학교 수는 경기도 2,480곳, 전북특별자치도 760곳이었다.");
  EXPECT_EQ(by_text(province, "2,480곳").subject, "경기도");
  EXPECT_EQ(by_text(province, "760곳").subject, "전북특별자치도");
  auto nouns = testing::extract("정부는 제도 개선 과제 27건을 확정했다.");
  EXPECT_EQ(by_text(nouns, "27건").subject, "제도 개선 과제");
  // Nouns in -아 and -어 are no verb forms: 출생아, 러시아.
  auto births = testing::extract("올해 1~9월 누적 출생아 수는 17만8600명, 러시아 수출은 12억달러였다.");
  EXPECT_EQ(by_text(births, "17만8600명").subject, "누적 출생아 수");
  EXPECT_EQ(by_text(births, "17만8600명").time->text, "올해 1~9월");
  EXPECT_EQ(by_text(births, "12억달러").subject, "러시아 수출");
}

// A market report: index points are a quantity, the change verb before the level and the
// estimator before an amount are no subjects.
TEST(KoreanSubjects, NeitherAChangeVerbNorAnEstimatorIsASubject) {
  auto market = testing::extract("코스피는 전 거래일보다 12.45포인트(0.48%) 오른 2,613.68에 마감했다.");
  EXPECT_EQ(by_text(market, "12.45포인트").kind, Kind::kQuantity);
  EXPECT_EQ(by_text(market, "12.45포인트").unit, "포인트");
  EXPECT_FALSE(by_text(market, "2,613.68").subject.has_value());  // was 오른
  // ... but the subject of the level is found across the change and its comparison.
  EXPECT_EQ(by_text(market, "12.45포인트").subject, "코스피");
  auto sales = testing::extract("이 회사의 지난해 매출은 전년 대비 15% 증가한 3조2000억원을 기록했다.");
  EXPECT_EQ(by_text(sales, "3조2000억원").subject, "매출");
  auto reported = testing::extract("정부가 제시한 23만명은 과장됐다는 지적이 나왔다.");
  EXPECT_FALSE(by_text(reported, "23만명").subject.has_value());  // no change word: not across it
  auto fire = testing::extract("이번 화재의 재산 피해는 소방서 추산 3억2000만원에 달한다.");
  EXPECT_NE(by_text(fire, "3억2000만원").subject, std::optional<std::string>("소방서 추산"));
}

// A clause that ends in a verb's -고 before the next figure gives it no subject, while nouns
// ending in 고 still head a phrase; a size word with the copula (규모인) describes the figure.
TEST(KoreanSubjects, NeitherAVerbInGoNorASizeWithTheCopulaIsASubject) {
  auto fire = testing::extract("이번 화재로 2명이 숨지고 30여명이 다쳤으며, 차량 12대가 불에 탔고 5대가 파손됐다.");
  EXPECT_FALSE(by_text(fire, "30여명").subject.has_value());  // was 숨지고
  EXPECT_EQ(by_text(fire, "30여명").qualifier, "about");
  EXPECT_EQ(by_text(fire, "12대").subject, "차량");
  EXPECT_FALSE(by_text(fire, "5대").subject.has_value());  // was 탔고
  auto nouns = testing::extract("사고 차량 3대가 견인됐고, 광고 매출은 1,200억원, 재고 물량은 5만톤이었다.");
  EXPECT_EQ(by_text(nouns, "3대").subject, "사고 차량");
  EXPECT_EQ(by_text(nouns, "1,200억원").subject, "광고 매출");
  EXPECT_EQ(by_text(nouns, "5만톤").subject, "재고 물량");
  auto budget = testing::extract("정부는 역대 최대 규모인 48조1천억원의 추경을 편성했다.");
  EXPECT_EQ(by_text(budget, "48조1천억원").subject, "추경");  // was 역대 최대 규모인
  EXPECT_EQ(by_text(budget, "48조1천억원").value->to_string(), "48100000000000");
}

// A group that is itself a figure heads the count in its parenthesis.
TEST(KoreanSubjects, AnAgeGroupHeadsTheCountInItsParenthesis) {
  auto ages = testing::extract("연령대별로는 60세 이상(26만5000명), 20대(-12만4000명) 순으로 변동 폭이 컸다.");
  EXPECT_EQ(by_text(ages, "26만5000명").subject, "60세 이상");
  EXPECT_EQ(by_text(ages, "-12만4000명").subject, "20대");
  EXPECT_EQ(by_text(ages, "-12만4000명").value->to_string(), "-124000");
}

// A range runs upwards: an end with fewer digits keeps the start's leading ones; a score or
// a lot number is no range.
TEST(KoreanRanges, AnAbbreviatedEndAndNoDescendingRange) {
  auto ages = testing::extract("26~7살 청년 1,200명이 지원했다.");
  EXPECT_EQ(by_text(ages, "26~7살").from->to_string(), "26");
  EXPECT_EQ(by_text(ages, "26~7살").to->to_string(), "27");
  auto lots = testing::extract("광양시 황금동 산 187-7번지와 아인트호벤의 3-1 승리");
  EXPECT_TRUE(lots.empty());
}

// A comma right after a figure closes it: the noun after the comma belongs to the next one.
TEST(KoreanSubjects, NotAcrossTheCommaAfterTheFigure) {
  auto sectors = testing::extract("산업별로는 보건업에서 11만6000명, 정보통신업에서 4만4000명이 늘었다.");
  EXPECT_NE(by_text(sectors, "11만6000명").subject, std::optional<std::string>("정보통신업"));
  auto listed = testing::extract("도소매업 5만명, 제조업 3만명이 각각 줄었다.");
  EXPECT_EQ(by_text(listed, "5만명").subject, "도소매업");
  EXPECT_EQ(by_text(listed, "3만명").subject, "제조업");
}

// 약 (about) glued to the syllable before it ends another word: 계약, 예약, 협약.
TEST(KoreanQualifiers, AQualifierInsideAWordIsNone) {
  auto contracts = testing::extract("올해 수출 계약 1,200건과 업무 협약 35건이 체결됐고, 약 300건은 보류됐다.");
  ASSERT_EQ(contracts.size(), 4u);  // 올해 and the three counts
  EXPECT_EQ(by_text(contracts, "1,200건").subject, "수출 계약");
  EXPECT_FALSE(by_text(contracts, "1,200건").qualifier.has_value());
  EXPECT_EQ(by_text(contracts, "35건").subject, "업무 협약");
  EXPECT_EQ(by_text(contracts, "약 300건").qualifier, "about");
}

// 제 is an ordinal prefix only where it starts a word: 과제 15건 and 경제 5단체 are counts.
TEST(KoreanOrdinals, JeInsideAWordIsNoPrefix) {
  auto tasks = testing::extract("위원회는 과제 15건과 경제 5단체의 건의 8건을 검토했다.");
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].text, "15건");
  EXPECT_EQ(tasks[0].kind, Kind::kCount);
  EXPECT_EQ(tasks[1].text, "5단체");
  EXPECT_EQ(tasks[1].unit, "단체");
  EXPECT_EQ(tasks[2].text, "8건");
  auto ordinal = testing::extract("제 15 차 회의가 열렸다.");
  EXPECT_EQ(ordinal.at(0).kind, Kind::kOrdinal);
}

TEST(KoreanSubjects, AHouseholdSizeIsPartOfTheSubjectAndNoCount) {
  auto figures = testing::extract(
      "혼자 사는 1인 가구는 804만5천 가구로, 2인 이상 가구의 소비는 월평균 약 290만원에 그쳤다.");
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].text, "804만5천 가구");
  EXPECT_EQ(figures[0].value->to_string(), "8045000");
  EXPECT_EQ(figures[0].subject, "1인 가구");
  // 월평균 is hopped over like an adverb: the spending is the subject, not the average.
  EXPECT_EQ(figures[1].text, "약 290만원");
  EXPECT_EQ(figures[1].subject, "소비");
  // N인 alone still counts people.
  auto people = testing::extract("이번 사고의 사망자는 3인으로 늘었다.");
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].text, "3인");
  EXPECT_EQ(people[0].subject, "사망자");
}

TEST(KoreanMeasures, NativeNumbersOfMonthsAreDurations) {
  auto figures = testing::extract("소비자물가는 석 달 만에 2%대로 올라섰고 수출은 두 달 연속 감소했다.");
  EXPECT_EQ(by_text(figures, "석 달 만에").kind, Kind::kDuration);
  EXPECT_EQ(by_text(figures, "석 달 만에").value->to_string(), "3");
  EXPECT_EQ(by_text(figures, "두 달 연속").value->to_string(), "2");
  EXPECT_EQ(by_text(figures, "두 달 연속").unit, "달");
}

TEST(KoreanIgnored, EnumeratorsAndCommentCountersAreNoFigures) {
  EXPECT_TRUE(testing::extract("(1) 기층 조직 정비\n댓글 (0)").empty());
}

TEST(KoreanNumbers, BareNumbersKeepTheirValue) {
  auto figures = testing::extract("노령화지수는 167.0으로 1년 전 160에서 높아졌다.");
  EXPECT_EQ(by_text(figures, "167.0").kind, Kind::kNumber);
  EXPECT_EQ(by_text(figures, "167.0").decimals, 1);
  EXPECT_EQ(by_text(figures, "160").value->to_string(), "160");
}

TEST(CalendarDate, ParsesRealDatesOnly) {
  ASSERT_TRUE(CalendarDate::parse("2024-02-29").has_value());
  EXPECT_EQ(CalendarDate::parse("2024-02-29")->day, 29);
  EXPECT_FALSE(CalendarDate::parse("2023-02-29").has_value());
  EXPECT_FALSE(CalendarDate::parse("2024-13-01").has_value());
  EXPECT_FALSE(CalendarDate::parse("24-01-01").has_value());
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

TEST(KoreanTime, MonthAndDayTakeTheReferenceYear) {
  ExtractOptions options;
  options.ref_date = CalendarDate::parse("2013-02-12");
  Extractor ex = ExtractorBuilder().packs(testing::project_packs()).options(options).build();
  CollectingSink sink;
  ex.run("t", "3월 1일 개막하고 지난 19일 발표했다.", sink);
  ASSERT_EQ(sink.figures.size(), 2u);
  EXPECT_EQ(sink.figures[0].date, "2013-03-01");
  EXPECT_EQ(sink.figures[1].text, "지난 19일");
  EXPECT_EQ(sink.figures[1].date, "2013-01-19");  // the latest 19th before 12 February
  auto unresolved = testing::extract("3월 1일 개막하고 지난 19일 발표했다.");
  EXPECT_EQ(unresolved[0].date, "--03-01");
  EXPECT_EQ(unresolved[1].date, "---19");
}

// A half or quarter takes the year word before it as a month does (올해 상반기 as 올해 3월),
// and neither the year nor the period is part of the subject.
TEST(KoreanTime, AYearWordBeforeAHalfOrQuarterIsItsYear) {
  auto figures = extract_with_ref(
      "올해 상반기 영업이익은 5200억원, 지난해 4분기 매출은 3조1000억원이었고 올해 초 주가는 10% 올랐다.",
      "2024-10-25");
  const Figure& half = by_text(figures, "올해 상반기");
  EXPECT_EQ(half.kind, Kind::kDateRange);
  EXPECT_EQ(half.from_date, "2024-01");
  EXPECT_EQ(half.to_date, "2024-06");
  EXPECT_EQ(by_text(figures, "5200억원").time->date, "2024-01/2024-06");  // was 2024
  EXPECT_EQ(by_text(figures, "5200억원").subject, "영업이익");              // was 상반기 영업이익
  EXPECT_EQ(by_text(figures, "지난해 4분기").from_date, "2023-10");
  EXPECT_EQ(by_text(figures, "3조1000억원").subject, "매출");
  // A point of the year stays the figure's time with its part, no record.
  EXPECT_EQ(by_text(figures, "10%").time->text, "올해 초");
  EXPECT_EQ(by_text(figures, "10%").time->part, "early");
  for (const Figure& f : figures) EXPECT_NE(f.kind, Kind::kYear) << f.text;
}

// A range of months takes the reference year as one month does (1~9월 as 3월), and so does
// Vietnamese's first months of the year.
TEST(KoreanTime, AMonthRangeTakesTheReferenceYearAsOneMonthDoes) {
  auto figures = extract_with_ref("1~9월 출생아는 17만8600명, 3월은 2만1000명이었다.", "2024-10-25");
  EXPECT_EQ(by_text(figures, "1~9월").from_date, "2024-01");  // was --01
  EXPECT_EQ(by_text(figures, "1~9월").to_date, "2024-09");
  EXPECT_EQ(by_text(figures, "3월").date, "2024-03");
  EXPECT_EQ(by_text(figures, "17만8600명").time->date, "2024-01/2024-09");
  auto vietnamese = extract_with_ref("6 tháng đầu năm, GRDP tăng 7,6%.", "2024-10-25");
  EXPECT_EQ(by_text(vietnamese, "6 tháng đầu năm").to_date, "2024-06");
  auto unresolved = testing::extract("1~9월 출생아는 17만8600명이었다.");
  EXPECT_EQ(by_text(unresolved, "1~9월").from_date, "--01");
}

TEST(KoreanTime, AYearWordBeforeAMonthIsItsYear) {
  // 지난해 3월 is March of the year before the reference date, one record, as 2023년 3월 is.
  auto figures = extract_with_ref(
      "지난해 3월 수출은 551억달러로 집계됐고, 올해 1~10월 누적 관광객은 1,320만명, "
      "내년 1월부터 최저임금은 1만30원으로 오른다.",
      "2024-10-25");
  const Figure& march = by_text(figures, "지난해 3월");
  EXPECT_EQ(march.kind, Kind::kDate);
  EXPECT_EQ(march.date, "2023-03");
  EXPECT_EQ(by_text(figures, "551억달러").time->text, "지난해 3월");
  EXPECT_EQ(by_text(figures, "551억달러").time->date, "2023-03");
  EXPECT_EQ(by_text(figures, "올해 1~10월").from_date, "2024-01");
  EXPECT_EQ(by_text(figures, "올해 1~10월").to_date, "2024-10");
  EXPECT_EQ(by_text(figures, "1,320만명").time->date, "2024-01/2024-10");
  EXPECT_EQ(by_text(figures, "1만30원").time->date, "2025-01");
  for (const Figure& f : figures) EXPECT_NE(f.kind, Kind::kYear) << f.text;  // each year joined its month
  // Without a reference date the month keeps its relative year.
  auto unresolved = testing::extract("지난해 3월 15일 기준 가입자는 1,234만명이었다.");
  const Figure& day = by_text(unresolved, "지난해 3월 15일");
  EXPECT_EQ(day.date, "--03-15");
  EXPECT_EQ(day.relative, "previous_year");
  // Apart from the month (a comma between), the year stays its own figure; a month with a
  // year of its own keeps it.
  auto apart = extract_with_ref("지난해, 3월에는 수출이 늘었다.", "2024-10-25");
  EXPECT_EQ(by_text(apart, "지난해").date, "2023");
  EXPECT_EQ(by_text(apart, "3월").date, "2024-03");
  auto stated = extract_with_ref("올해 2023년 3월 기준", "2024-10-25");
  EXPECT_EQ(by_text(stated, "2023년 3월").date, "2023-03");
  EXPECT_EQ(by_text(stated, "올해").date, "2024");
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

TEST(KoreanShares, FractionsHalvesAndPlaces) {
  auto figures = testing::extract("주민의 3분의 1이 찬성했고 응답자의 절반이 반대했다. 지역별로는 충북(2만3418명)이 가장 많았다.");
  const Figure& third = by_text(figures, "3분의 1");
  EXPECT_EQ(third.fraction, "1/3");
  EXPECT_FALSE(third.value.has_value());  // 0.333... does not end: never rounded
  const Figure& half = by_text(figures, "절반");
  EXPECT_EQ(half.value->to_string(), "0.5");
  const Figure& chungbuk = by_text(figures, "2만3418명");
  EXPECT_EQ(chungbuk.value->to_string(), "23418");
  EXPECT_EQ(chungbuk.subject, "충북");
  EXPECT_EQ(chungbuk.place, "충북");
}

TEST(KoreanNumerals, HanjaScales) {
  auto figures = testing::extract("그의 재산은 3億원, 부채는 2千萬원이었다.");
  EXPECT_EQ(by_text(figures, "3億원").value->to_string(), "300000000");
  EXPECT_EQ(by_text(figures, "2千萬원").value->to_string(), "20000000");
}

}  // namespace
}  // namespace sosu

namespace sosu {
namespace {

TEST(KoreanRelativePeriods, AgoLastAndNextInARealisticSentence) {
  auto figures = extract_with_ref(
      "3년 전 문을 연 이 공장의 생산량은 지난 2달 동안 4만2000톤으로, 회사는 앞으로 5년간 1조2000억원을 더 투자한다.",
      "2024-11-27");
  const Figure& ago = by_text(figures, "3년 전");
  EXPECT_EQ(ago.kind, Kind::kDate);
  EXPECT_EQ(ago.date, "2021-11");
  const Figure& last = by_text(figures, "지난 2달 동안");
  EXPECT_EQ(last.kind, Kind::kDateRange);
  EXPECT_EQ(last.from_date, "2024-09");
  EXPECT_EQ(last.to_date, "2024-10");
  const Figure& tonnes = by_text(figures, "4만2000톤");
  ASSERT_TRUE(tonnes.time.has_value());
  EXPECT_EQ(tonnes.time->text, "지난 2달 동안");
  EXPECT_EQ(tonnes.time->date, "2024-09/2024-10");
  const Figure& money = by_text(figures, "1조2000억원");
  ASSERT_TRUE(money.time.has_value());
  EXPECT_EQ(money.time->date, "2025/2029");
}

TEST(KoreanRelativePeriods, UnresolvedWithoutAReferenceDate) {
  auto figures = testing::extract("취업자는 1년 전보다 28만2000명 늘었다. 3주 전 발표치는 5.1%였다.");
  EXPECT_FALSE(by_text(figures, "28만2000명").time.has_value());  // 1년 전보다 is a comparison base
  const Figure& ago = by_text(figures, "3주 전");
  EXPECT_FALSE(ago.date.has_value());
  EXPECT_EQ(ago.relative, "ago P3W");
}

TEST(KoreanCalendar, NthWeekdayQuartersAndShortYears) {
  auto figures = extract_with_ref("10월 첫째 화요일 발표에 따르면 3분기 수출은 74/10/31 이후 최대였다.", "2024-11-27");
  EXPECT_EQ(by_text(figures, "10월 첫째 화요일").date, "2024-10-01");
  EXPECT_EQ(by_text(figures, "3분기").from_date, "2024-07");
  EXPECT_EQ(by_text(figures, "74/10/31").date, "1974-10-31");
}

TEST(KoreanMoney, DollarsAndCents) {
  auto figures = testing::extract("입장료는 2달러 50센트, 기념품은 75센트였다.");
  const Figure& ticket = by_text(figures, "2달러 50센트");
  EXPECT_EQ(ticket.value->to_string(), "2.5");
  EXPECT_EQ(ticket.unit, "USD");
  EXPECT_EQ(by_text(figures, "75센트").value->to_string(), "0.75");
}

// A word that glosses an amount (amount_gloss: 상당, 규모, 어치), bare or with the genitive,
// reads as F의 NP: the noun after it is the subject, before any subject of the sentence.
TEST(KoreanSubject, AWordThatGlossesTheAmountLeadsToItsNoun) {
  auto figures = testing::extract(
      "총 9000여만원 상당의 귀금속을 훔쳤다. 정부는 1조원 규모의 예산을 편성했다. "
      "아들에게는 15만 원 어치 장난감을 사줬다. 미국은 73억 달러어치의 무기를 팔았다. "
      "피해액은 30만원 상당으로 집계됐다. 76세 남성의 40대 딸에게도 증상이 나타났다.");
  EXPECT_EQ(by_text(figures, "9000여만원").subject, "귀금속");  // was 상당
  EXPECT_EQ(by_text(figures, "1조원").subject, "예산");         // was 정부
  EXPECT_EQ(by_text(figures, "15만 원").subject, "장난감");
  EXPECT_EQ(by_text(figures, "73억 달러").subject, "무기");
  EXPECT_EQ(by_text(figures, "30만원").subject, "피해액");     // 상당으로: no genitive, no gloss
  EXPECT_EQ(by_text(figures, "40대").subject, "딸");            // 에게도 is stripped
}

// Court news: the terms of a sentence are durations, and 월 there counts months (징역 6월
// was June).
TEST(KoreanDurations, TermsOfACourtSentence) {
  auto figures = testing::extract(
      "재판부는 A씨에게 징역 6월에 집행유예 2년을, B씨에게 징역 1년6월을 선고했다. "
      "검찰은 이 의원에게 징역 20년, 자격정지 10년을 구형했다.");
  const Figure& six_months = testing::figure_by_text(figures, "6월");
  EXPECT_EQ(six_months.kind, Kind::kDuration);
  EXPECT_EQ(six_months.value->to_string(), "6");
  EXPECT_EQ(six_months.unit, "월");
  EXPECT_FALSE(six_months.date.has_value());
  EXPECT_EQ(testing::figure_by_text(figures, "2년").kind, Kind::kDuration);
  const Figure& compound = testing::figure_by_text(figures, "1년6월");
  EXPECT_EQ(compound.kind, Kind::kDuration);
  EXPECT_EQ(compound.value->to_string(), "18");
  EXPECT_EQ(compound.unit, "월");
  EXPECT_EQ(testing::figure_by_text(figures, "20년").value->to_string(), "20");
  EXPECT_EQ(testing::figure_by_text(figures, "10년").unit, "년");
}

}  // namespace
}  // namespace sosu
