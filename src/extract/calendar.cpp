#include "extract/calendar.h"

namespace sosu::internal {
namespace {

struct Ymd {
  int y = 0, m = 0, d = 0;
};

// Days since 1970-01-01 and back (H. Hinnant's civil-calendar algorithms).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp + (mp < 10 ? 3 : -9);
  return Ymd{static_cast<int>(yoe + era * 400 + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::int64_t days_of(const CalendarDate& d) { return days_from_civil(d.year, d.month, d.day); }

std::string iso_day(std::int64_t days) {
  const Ymd t = civil_from_days(days);
  return std::to_string(t.y) + "-" + two_digits(t.m) + "-" + two_digits(t.d);
}

// Months counted from year 0, and back to "2024-06".
std::int64_t month_index(int year, int month) { return std::int64_t{year} * 12 + (month - 1); }
std::string iso_month(std::int64_t index) { return std::to_string(index / 12) + "-" + two_digits(index % 12 + 1); }

// 1 Monday ... 7 Sunday; 1970-01-01 was a Thursday.
int weekday_of(std::int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

int days_in_month(int year, int month) {
  return static_cast<int>(days_from_civil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) -
                          days_from_civil(year, month, 1));
}

}  // namespace

std::string two_digits(std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::optional<std::string> iso_date(std::optional<std::int64_t> year, std::optional<std::int64_t> month,
                                    std::optional<std::int64_t> day) {
  if (month && (*month < 1 || *month > 12)) return std::nullopt;
  if (day && (*day < 1 || *day > 31 || !month)) return std::nullopt;
  if (!year && !month) return std::nullopt;
  // "--01" is a month without a year; a year alone is "2024".
  std::string out = year ? std::to_string(*year) : "-";
  if (month) out += "-" + two_digits(*month);
  if (day) out += "-" + two_digits(*day);
  return out;
}

std::optional<std::string> resolve_relative(std::string_view code, const std::optional<CalendarDate>& ref) {
  if (!ref) return std::nullopt;
  const std::int64_t today = days_of(*ref);
  if (code == "yesterday") return iso_day(today - 1);
  if (code == "tomorrow") return iso_day(today + 1);
  if (code == "day_before_yesterday") return iso_day(today - 2);
  if (code == "day_after_tomorrow") return iso_day(today + 2);
  if (code == "to_date" || code == "today") return iso_day(today);
  if (code == "year_before_last") return std::to_string(ref->year - 2);
  if (code == "previous_year" || code == "same_period_last_year") return std::to_string(ref->year - 1);
  if (code == "this_year") return std::to_string(ref->year);
  if (code == "next_year") return std::to_string(ref->year + 1);
  const std::int64_t this_month = month_index(ref->year, ref->month);
  if (code == "previous_month") return iso_month(this_month - 1);
  if (code == "this_month") return iso_month(this_month);
  if (code == "next_month") return iso_month(this_month + 1);
  return std::nullopt;
}

std::optional<std::string> resolve_weekday(int weekday, std::string_view when, const std::optional<CalendarDate>& ref) {
  if (!ref || weekday < 1 || weekday > 7) return std::nullopt;
  const std::int64_t today = days_of(*ref);
  const int ref_weekday = weekday_of(today);
  const std::int64_t monday = today - (ref_weekday - 1);
  if (when == "previous_week") return iso_day(monday - 7 + (weekday - 1));
  if (when == "this_week") return iso_day(monday + (weekday - 1));
  if (when == "next_week") return iso_day(monday + 7 + (weekday - 1));
  if (when == "past") {
    const int back = (ref_weekday - weekday + 7) % 7;
    return iso_day(today - (back == 0 ? 7 : back));
  }
  const int ahead = (weekday - ref_weekday + 7) % 7;
  return iso_day(today + (ahead == 0 ? 7 : ahead));
}

std::string resolve_day(int day, std::string_view when, const std::optional<CalendarDate>& ref) {
  if (!ref) return "---" + two_digits(day);
  std::int64_t month = month_index(ref->year, ref->month);
  if (when == "past" && day > ref->day) --month;
  else if (when == "future" && day < ref->day) ++month;
  return iso_month(month) + "-" + two_digits(day);
}

std::string resolve_month(int month, std::string_view when, const CalendarDate& ref) {
  int year = ref.year;
  if (when == "past" && month > ref.month) --year;
  else if (when == "future" && month < ref.month) ++year;
  return std::to_string(year) + "-" + two_digits(month);
}

std::int64_t expand_short_year(std::int64_t year, const std::optional<CalendarDate>& ref) {
  if (year >= 100) return year;
  if (!ref) return year < 50 ? 2000 + year : 1900 + year;
  const std::int64_t century = ref->year / 100 * 100;
  const std::int64_t candidate = century + year;
  return candidate > ref->year + 20 ? candidate - 100 : candidate;
}

std::optional<CalendarUnit> calendar_unit_from(std::string_view code) {
  if (code == "day") return CalendarUnit::kDay;
  if (code == "week") return CalendarUnit::kWeek;
  if (code == "month") return CalendarUnit::kMonth;
  if (code == "quarter") return CalendarUnit::kQuarter;
  if (code == "year") return CalendarUnit::kYear;
  return std::nullopt;
}

std::string shift_date(const CalendarDate& ref, CalendarUnit unit, int n) {
  switch (unit) {
    case CalendarUnit::kDay: return iso_day(days_of(ref) + n);
    case CalendarUnit::kWeek: return iso_day(days_of(ref) + 7 * std::int64_t{n});
    case CalendarUnit::kMonth: return iso_month(month_index(ref.year, ref.month) + n);
    case CalendarUnit::kQuarter: return iso_month(month_index(ref.year, ref.month) + 3 * std::int64_t{n});
    case CalendarUnit::kYear: return iso_month(month_index(ref.year, ref.month) + 12 * std::int64_t{n});
  }
  return {};
}

std::pair<std::string, std::string> unit_span(const CalendarDate& ref, CalendarUnit unit, int offset, int count) {
  const std::int64_t last = offset + count - 1;
  switch (unit) {
    case CalendarUnit::kDay: return {iso_day(days_of(ref) + offset), iso_day(days_of(ref) + last)};
    case CalendarUnit::kWeek: {
      const std::int64_t monday = days_of(ref) - (weekday_of(days_of(ref)) - 1);
      return {iso_day(monday + 7 * std::int64_t{offset}), iso_day(monday + 7 * last + 6)};
    }
    case CalendarUnit::kMonth: {
      const std::int64_t month = month_index(ref.year, ref.month);
      return {iso_month(month + offset), iso_month(month + last)};
    }
    case CalendarUnit::kQuarter: {
      const std::int64_t first = month_index(ref.year, ref.month) - (ref.month - 1) % 3;
      return {iso_month(first + 3 * std::int64_t{offset}), iso_month(first + 3 * last + 2)};
    }
    case CalendarUnit::kYear: return {std::to_string(ref.year + offset), std::to_string(ref.year + last)};
  }
  return {};
}

std::optional<std::string> nth_day_of_month(int year, int month, int nth, std::optional<int> weekday) {
  if (month < 1 || month > 12 || nth == 0) return std::nullopt;
  const int length = days_in_month(year, month);
  const std::int64_t first = days_from_civil(year, month, 1);
  std::int64_t day;
  if (!weekday) {
    day = nth > 0 ? first + nth - 1 : first + length + nth;
  } else if (nth > 0) {
    day = first + (*weekday - weekday_of(first) + 7) % 7 + 7 * std::int64_t{nth - 1};
  } else {
    const std::int64_t last = first + length - 1;
    day = last - (weekday_of(last) - *weekday + 7) % 7 + 7 * std::int64_t{nth + 1};
  }
  if (day < first || day >= first + length) return std::nullopt;
  return iso_day(day);
}

}  // namespace sosu::internal
