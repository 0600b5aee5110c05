// Calendar arithmetic behind relative times, against dates checked on a calendar.
#include "extract/calendar.h"

#include <gtest/gtest.h>

namespace sosu::internal {
namespace {

const CalendarDate kTuesday{2013, 2, 12};  // Duckling's reference date for Korean: a Tuesday

TEST(Calendar, ShiftsByDaysWeeksToTheDayAndByMonthsYearsToTheMonth) {
  EXPECT_EQ(shift_date(kTuesday, CalendarUnit::kWeek, -3), "2013-01-22");
  EXPECT_EQ(shift_date(kTuesday, CalendarUnit::kDay, 20), "2013-03-04");  // across February
  EXPECT_EQ(shift_date(kTuesday, CalendarUnit::kMonth, -2), "2012-12");
  EXPECT_EQ(shift_date(kTuesday, CalendarUnit::kYear, -2), "2011-02");
  EXPECT_EQ(shift_date(kTuesday, CalendarUnit::kQuarter, 4), "2014-02");
}

TEST(Calendar, UnitSpansAreWholeUnitsBeforeOrAfterTheReferencesOwn) {
  using Span = std::pair<std::string, std::string>;
  EXPECT_EQ(unit_span(kTuesday, CalendarUnit::kMonth, -2, 2), Span("2012-12", "2013-01"));  // 지난 2달
  EXPECT_EQ(unit_span(kTuesday, CalendarUnit::kYear, 1, 3), Span("2014", "2016"));          // 다음 3년
  EXPECT_EQ(unit_span(kTuesday, CalendarUnit::kQuarter, 0, 1), Span("2013-01", "2013-03"));  // 이번 분기
  EXPECT_EQ(unit_span(CalendarDate{2017, 11, 30}, CalendarUnit::kQuarter, 1, 1), Span("2018-01", "2018-03"));
  EXPECT_EQ(unit_span(kTuesday, CalendarUnit::kDay, -2, 2), Span("2013-02-10", "2013-02-11"));
  // Weeks begin on Monday: the week of Tuesday 12 February 2013 is 11-17.
  EXPECT_EQ(unit_span(kTuesday, CalendarUnit::kWeek, 1, 2), Span("2013-02-18", "2013-03-03"));
}

TEST(Calendar, NthWeekdayAndNthDayOfAMonth) {
  EXPECT_EQ(nth_day_of_month(2014, 9, 3, 2), "2014-09-16");   // third Tuesday
  EXPECT_EQ(nth_day_of_month(2014, 10, 1, 3), "2014-10-01");  // first Wednesday is the 1st
  EXPECT_EQ(nth_day_of_month(2013, 3, -1, 1), "2013-03-25");  // last Monday
  EXPECT_EQ(nth_day_of_month(2014, 3, -1, 7), "2014-03-30");  // last Sunday
  EXPECT_EQ(nth_day_of_month(2024, 2, -1, std::nullopt), "2024-02-29");
  EXPECT_EQ(nth_day_of_month(2023, 2, -1, std::nullopt), "2023-02-28");
  EXPECT_EQ(nth_day_of_month(2014, 9, 5, 2), "2014-09-30");
  EXPECT_EQ(nth_day_of_month(2014, 10, 5, 2), std::nullopt);  // October 2014 has four Tuesdays
  EXPECT_EQ(nth_day_of_month(2014, 13, 1, 2), std::nullopt);
}

TEST(Calendar, TwoDigitYearsFallInTheCenturyOfTheReference) {
  EXPECT_EQ(expand_short_year(74, kTuesday), 1974);
  EXPECT_EQ(expand_short_year(17, CalendarDate{2017, 2, 2}), 2017);
  EXPECT_EQ(expand_short_year(33, kTuesday), 2033);  // up to 20 years ahead
  EXPECT_EQ(expand_short_year(34, kTuesday), 1934);
  EXPECT_EQ(expand_short_year(91, std::nullopt), 1991);
  EXPECT_EQ(expand_short_year(24, std::nullopt), 2024);
}

TEST(Calendar, MonthsAndWeekdaysAroundTheReference) {
  EXPECT_EQ(resolve_month(3, "future", CalendarDate{2017, 2, 2}), "2017-03");
  EXPECT_EQ(resolve_month(12, "past", CalendarDate{2017, 2, 2}), "2016-12");
  EXPECT_EQ(resolve_weekday(2, "past", CalendarDate{2017, 2, 2}), "2017-01-31");
  EXPECT_EQ(resolve_weekday(5, "next", CalendarDate{2017, 2, 2}), "2017-02-03");
  EXPECT_EQ(resolve_weekday(3, "next_week", CalendarDate{2017, 2, 2}), "2017-02-08");
}

}  // namespace
}  // namespace sosu::internal
