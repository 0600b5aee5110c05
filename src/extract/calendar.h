// Calendar arithmetic for relative times: "지난해", "3주 전", "다음 3달", "quý sau",
// "10월 첫째 화요일", each resolved against the reference date (the article's date or
// --ref-date). Results are ISO 8601 values of the precision the expression states.
#ifndef SOSU_SRC_EXTRACT_CALENDAR_H_
#define SOSU_SRC_EXTRACT_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "sosu/extract.h"

namespace sosu::internal {

std::string two_digits(std::int64_t n);

// Year, month and day as an ISO 8601 value of reduced precision: 2022-06-16, 2024-06, 2020,
// or without a year --06-16 and --08. nullopt when a part is out of range.
std::optional<std::string> iso_date(std::optional<std::int64_t> year, std::optional<std::int64_t> month,
                                    std::optional<std::int64_t> day);

// A relative time code (previous_year, yesterday, this_month ...) against the reference date.
std::optional<std::string> resolve_relative(std::string_view code, const std::optional<CalendarDate>& ref);

// A weekday (1 Monday ... 7 Sunday). `when`: previous_week, this_week and next_week pick the
// day in that Monday-first week; "past" the latest before the reference; "next" and anything
// else the first after it.
std::optional<std::string> resolve_weekday(int weekday, std::string_view when, const std::optional<CalendarDate>& ref);

// A day of the month: "past" is the latest such day on or before the reference, "future" the
// next on or after, anything else the day in the reference month. ---19 without a reference.
std::string resolve_day(int day, std::string_view when, const std::optional<CalendarDate>& ref);

// A month without a year: "past" the latest such month up to the reference, "future" the next
// from it on, anything else the reference year's.
std::string resolve_month(int month, std::string_view when, const CalendarDate& ref);

// A two-digit year ("74/10/31", "3/9/91") in the century that puts it at most 20 years after
// the reference year, or after 2000 for years under 50 when there is no reference.
std::int64_t expand_short_year(std::int64_t year, const std::optional<CalendarDate>& ref);

enum class CalendarUnit { kDay, kWeek, kMonth, kQuarter, kYear };
// day, week, month, quarter, year.
std::optional<CalendarUnit> calendar_unit_from(std::string_view code);

// The date `n` units after the reference (before it for a negative n): "3주 전" is 3 weeks
// before it, to the day; "2년 전" two years before, to the month.
std::string shift_date(const CalendarDate& ref, CalendarUnit unit, int n);

// The first and last of `count` whole units, the first `offset` units from the reference's
// own: "지난 2달" is offset -2, count 2 (the two months before this one); "quý sau" offset 1,
// count 1. Days and weeks as days, months and quarters as months, years as years.
std::pair<std::string, std::string> unit_span(const CalendarDate& ref, CalendarUnit unit, int offset, int count);

// The nth given weekday of a month (nth -1: the last), or its nth day without a weekday
// (-1: the last day). nullopt when the month has no such day.
std::optional<std::string> nth_day_of_month(int year, int month, int nth, std::optional<int> weekday);

}  // namespace sosu::internal

#endif  // SOSU_SRC_EXTRACT_CALENDAR_H_
