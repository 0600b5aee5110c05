// The pipeline over one piece of a document:
//   1. normalise (NFC + folding, with the offset map)   2. sentences
//   3. language per sentence                            4. match the language's rules
//   5. numerals: captures become values                 6. attach subjects
//   7. map spans back to the document and push to the sink
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "attach/attach.h"
#include "extract/calendar.h"
#include "extract/layout.h"
#include "match/matcher.h"
#include "match/pack_data.h"
#include "sosu/extract.h"
#include "sosu/lang.h"
#include "text/utf8.h"

namespace sosu {
namespace {

using internal::CalendarUnit;
using internal::Capture;
using internal::Draft;
using internal::Field;
using internal::field_name;
using internal::LanguageRules;
using internal::Match;
using internal::iso_date;
using internal::resolve_day;
using internal::resolve_relative;
using internal::resolve_weekday;

std::string_view capture_text(std::string_view sentence, const Capture* c) {
  return c == nullptr ? std::string_view() : sentence.substr(c->byte_start, c->byte_end - c->byte_start);
}

// n/d as an exact decimal, or nullopt when it does not end (1/3).
std::optional<Decimal> exact_quotient(std::int64_t n, std::int64_t d) {
  std::int64_t reduced = d;
  while (reduced % 2 == 0) reduced /= 2;
  while (reduced % 5 == 0) reduced /= 5;
  if (reduced != 1 && n % d != 0) {
    // Only denominators made of 2s and 5s end, unless d divides n.
    std::int64_t g = n, h = d;
    while (h != 0) std::tie(g, h) = std::make_pair(h, g % h);
    std::int64_t rest = d / g;
    while (rest % 2 == 0) rest /= 2;
    while (rest % 5 == 0) rest /= 5;
    if (rest != 1) return std::nullopt;
  }
  Decimal q{n, 0};
  std::int64_t denominator = d;
  while (denominator != 1 && q.scale < 18) {
    if (q.coefficient % denominator == 0) {
      q.coefficient /= denominator;
      denominator = 1;
      break;
    }
    q.coefficient *= 10;
    ++q.scale;
  }
  if (denominator != 1) return std::nullopt;
  return q.normalized();
}

class FigureBuilder {
 public:
  FigureBuilder(const LanguageRules& rules, const NumeralSyntax& numerals, std::string_view sentence,
                const ExtractOptions& options)
      : rules_(rules), numerals_(numerals), sentence_(sentence), options_(options) {}

  // A match of a time rule (지난해 상반기, 지금까지) as a mention figures can refer to.
  internal::TimeMention time_mention(const Match& m) const {
    internal::TimeMention t;
    t.byte_start = m.byte_start;
    t.byte_end = m.byte_end;
    if (const Capture* c = m.capture(Field::kPart)) {
      if (auto v = lookup("time_part", capture_text(sentence_, c))) t.part = *v;
    }
    if (const Capture* c = m.capture(Field::kRelative)) {
      if (auto code = lookup("relative_time", capture_text(sentence_, c))) {
        t.date = resolve_relative(*code, options_.ref_date);
        if (!t.date) t.relative = *code;
      }
    }
    return t;
  }

  // A year, date or range figure as a time mention.
  static internal::TimeMention time_mention(const Draft& d) {
    internal::TimeMention t;
    t.byte_start = d.match->byte_start;
    t.byte_end = d.match->byte_end;
    const Figure& f = d.figure;
    if (f.kind == Kind::kYearRange && f.from && f.to) t.date = f.from->to_string() + "/" + f.to->to_string();
    else if (f.kind == Kind::kDateRange && f.from_date && f.to_date) t.date = *f.from_date + "/" + *f.to_date;
    else t.date = f.date;
    t.part = d.part;
    t.relative = f.relative;
    return t;
  }

  // The code of the part of the year a match names, from the given table.
  std::optional<std::string> part_of(const Match& m, std::string_view table = "time_part") const {
    const Capture* c = m.capture(Field::kPart);
    return c == nullptr ? std::nullopt : lookup(table, capture_text(sentence_, c));
  }

  // Fills the kind-specific fields from the captures; false if a capture is not a numeral.
  // `beside_year`: the year of a year figure written beside a date that states none (지난해 3월).
  bool build(const Match& m, Figure& f, std::optional<std::int64_t> beside_year = std::nullopt) const {
    const internal::Rule& rule = *m.rule;
    f.kind = rule.kind;
    f.pattern = rule.id;
    for (const auto& [field, value] : rule.fixed) set_field(f, field, value);

    if (const Capture* c = m.capture(Field::kValue)) {
      auto n = numeral(capture_text(sentence_, c));
      if (!n) return false;
      f.value = n->value;
      f.decimals = n->decimals;
      if (n->approximate && !f.qualifier) f.qualifier = "about";
    }
    for (Field bound : {Field::kFrom, Field::kTo}) {
      const Capture* c = m.capture(bound);
      if (c == nullptr) continue;
      auto n = numeral(capture_text(sentence_, c));
      if (!n) return false;
      (bound == Field::kFrom ? f.from : f.to) = n->value;
      if (n->decimals) f.decimals = n->decimals;
    }
    // "1~3위", "15~64세": a rule that captures `from` and `value` states a range ending at value.
    if (f.from && !f.to && f.value) {
      f.to = f.value;
      f.value.reset();
    }
    // A range of amounts runs upwards: "thắng Lào 4-1" and "3-1 승리" are scores, "187-7번지"
    // an address. An end with fewer digits keeps the start's leading ones: 26~7살 is 26 to 27.
    // (Year ranges abbreviate their end too, 2021년~23년, and are read below.)
    if (!internal::is_time_kind(f.kind) && f.from && f.to && f.from->to_double() > f.to->to_double()) {
      if (!abbreviated_end(*f.from, *f.to)) return false;
      f.to = abbreviated_end(*f.from, *f.to);
    }
    if (const Capture* c = m.capture(Field::kPer)) {
      f.per = lookup("per_unit", capture_text(sentence_, c)).value_or(std::string(capture_text(sentence_, c)));
    }
    if (const Capture* c = m.capture(Field::kUnit)) f.unit = std::string(capture_text(sentence_, c));
    if (const Capture* c = m.capture(Field::kLarger)) {
      // 1년 6개월, 2 giờ 30 phút: the larger unit's amount in the smaller one (table unit_ratio).
      auto larger = numeral(capture_text(sentence_, c));
      std::optional<std::string> ratio =
          f.unit ? lookup("unit_ratio", std::string(capture_text(sentence_, m.capture(Field::kLargerUnit))) + " " + *f.unit)
                 : std::nullopt;
      if (!larger || !larger->value.is_integer() || !ratio || !f.value || !f.value->is_integer()) return false;
      f.value->coefficient += larger->value.coefficient * std::stoll(*ratio);
    }
    if (const Capture* c = m.capture(Field::kCurrency)) {
      f.unit = lookup("currency", capture_text(sentence_, c)).value_or(std::string(capture_text(sentence_, c)));
    }
    if (const Capture* c = m.capture(Field::kMinor)) {
      // 2 đô la và 23 xen, 이달러이십삼센트, 십센트: hundredths of the currency.
      auto cents = numeral(capture_text(sentence_, c));
      if (!cents || !cents->value.is_integer() || cents->value.coefficient < 0 || cents->value.coefficient > 99) {
        return false;
      }
      if (f.value && !f.value->is_integer()) return false;
      const std::int64_t whole = f.value ? f.value->coefficient : 0;
      f.value = Decimal{whole * 100 + cents->value.coefficient, 2}.normalized();
      if (const Capture* mc = m.capture(Field::kMinorCurrency); mc != nullptr && !f.unit) {
        f.unit = lookup("minor_currency", capture_text(sentence_, mc));
        if (!f.unit) return false;
      }
    }
    for (Field field : {Field::kQualifier, Field::kDirection, Field::kStatus}) {
      if (const Capture* c = m.capture(field)) {
        if (auto v = lookup(field_name(field), capture_text(sentence_, c))) set_field(f, field_name(field), *v);
      }
    }
    if (const Capture* c = m.capture(Field::kSign)) {
      // ▲ marks an increase; - and △ (the Korean accounts' minus) a decrease and a negative value.
      std::string_view sign = capture_text(sentence_, c);
      if (auto v = lookup("sign", sign)) f.direction = *v;
      if (lookup("negative_sign", sign)) {
        for (std::optional<Decimal>* d : {&f.value, &f.from, &f.to}) {
          if (*d) (*d)->coefficient = -(*d)->coefficient;
        }
      }
    }
    if (const Capture* num = m.capture(Field::kNumerator), *den = m.capture(Field::kDenominator); num && den) {
      // 3분의 1, 3/4: the value when its decimal ends, and always the fraction as numbers.
      auto n = numeral(capture_text(sentence_, num));
      auto d = numeral(capture_text(sentence_, den));
      if (!n || !d || !n->value.is_integer() || !d->value.is_integer() || d->value.coefficient <= 0) return false;
      f.fraction = std::to_string(n->value.coefficient) + "/" + std::to_string(d->value.coefficient);
      f.value = exact_quotient(n->value.coefficient, d->value.coefficient);
    }
    if (const Capture* c = m.capture(Field::kApprox)) {
      // 수백 명: some hundreds, a range of 100 to 999 with no single value.
      auto scale = numeral(capture_text(sentence_, c));
      if (!scale || !scale->value.is_integer() || scale->value.coefficient <= 0) return false;
      f.from = scale->value;
      f.to = Decimal{scale->value.coefficient * 10 - 1, 0};
      f.value.reset();
    }

    if (const Capture* c = m.capture(Field::kDecade)) {
      // 1970년대: the ten years from the decade's first.
      auto first = numeral(capture_text(sentence_, c));
      if (!first || !first->value.is_integer() || first->value.coefficient % 10 != 0) return false;
      f.from = first->value;
      f.to = Decimal{first->value.coefficient + 9, 0};
      f.value.reset();
    }

    auto integer = [&](Field field) { return integer_capture(m, field); };
    std::optional<std::int64_t> year = integer(Field::kYear), month = integer(Field::kMonth), day = integer(Field::kDay);
    if (!year) {
      // 74/10/31, 3/9/91: a two-digit year in the century the reference date suggests.
      if (auto short_year = integer(Field::kShortYear)) year = internal::expand_short_year(*short_year, options_.ref_date);
    }
    if (!year) year = beside_year;
    switch (f.kind) {
      case Kind::kYear:
        if (const Capture* c = m.capture(Field::kRelative); c != nullptr && !year) {
          if (!relative_year(*c, f, year)) return false;
          if (!year) break;  // no reference date: relative keeps the word's code
        }
        if (!year) return false;
        f.value = Decimal{*year, 0};
        f.date = std::to_string(*year);
        break;
      case Kind::kYearRange: {
        if (!f.from || !f.to || !f.from->is_integer() || !f.to->is_integer()) return false;
        // A shortened end year takes the start's century: 2021~23년 -> 2023.
        if (f.to->coefficient < 100 && f.from->coefficient >= 1000) {
          f.to->coefficient += f.from->coefficient / 100 * 100;
        }
        f.decimals.reset();
        break;
      }
      case Kind::kDate: {
        const Capture* relative = m.capture(Field::kRelative);
        if (m.capture(Field::kCalendarUnit) != nullptr) return build_shifted_date(m, f);
        if (m.capture(Field::kNth) != nullptr) return build_nth_day(m, f, year, month);
        if (const Capture* w = m.capture(Field::kWeekday)) {
          // 다음주 화요일, thứ Hai tuần trước.
          std::optional<std::string> weekday = lookup("weekday", capture_text(sentence_, w));
          std::optional<std::string> when =
              relative ? lookup("week_relative", capture_text(sentence_, relative)) : std::nullopt;
          if (!weekday) return false;
          f.date = resolve_weekday(std::stoi(*weekday), when.value_or(""), options_.ref_date);
          if (!f.date) f.relative = when.value_or("weekday");
          break;
        }
        if (const Capture* h = m.capture(Field::kHoliday)) {
          // 광복절, 크리스마스: a fixed month and day, the next one from the reference date.
          std::optional<std::string> month_day = lookup("holiday", capture_text(sentence_, h));
          if (!month_day || month_day->size() != 5) return false;
          const int hm = std::stoi(month_day->substr(0, 2)), hd = std::stoi(month_day->substr(3, 2));
          if (!options_.ref_date) {
            f.date = "--" + *month_day;
          } else {
            const CalendarDate& r = *options_.ref_date;
            const bool passed = hm < r.month || (hm == r.month && hd < r.day);
            f.date = std::to_string(r.year + (passed ? 1 : 0)) + "-" + *month_day;
          }
          break;
        }
        if (relative != nullptr && !day && !month && !year) {
          // 오늘, 어제, 지난달, hôm qua: a day or month once the reference date is known.
          std::optional<std::string> code = lookup("relative_time", capture_text(sentence_, relative));
          if (!code) return false;
          f.date = resolve_relative(*code, options_.ref_date);
          if (!f.date) f.relative = *code;
          break;
        }
        if (month && !day && !year && relative && options_.ref_date) {
          // 지난 6월, tháng 3 tới: the month before or after the reference date.
          std::optional<std::string> when = lookup("day_relative", capture_text(sentence_, relative));
          f.date = internal::resolve_month(static_cast<int>(*month), when.value_or(""), *options_.ref_date);
          break;
        }
        if (day && !month && !year) {
          // A day alone (지난 19일): ---19, or a full date against the reference date.
          if (*day < 1 || *day > 31) return false;
          std::optional<std::string> when;
          if (const Capture* c = m.capture(Field::kRelative)) when = lookup("day_relative", capture_text(sentence_, c));
          f.date = resolve_day(static_cast<int>(*day), when.value_or(""), options_.ref_date);
          break;
        }
        // A month and day without a year take the reference date's year (6월 16일 -> 2024-06-16).
        std::optional<std::int64_t> year_or_ref = year;
        if (!year && options_.ref_date) year_or_ref = options_.ref_date->year;
        auto iso = iso_date(year_or_ref, month, day);
        if (!iso) return false;
        f.date = *iso;
        break;
      }
      case Kind::kDateRange: {
        if (m.capture(Field::kCalendarUnit) != nullptr) return build_unit_span(m, f);
        std::optional<std::string> period = part_of(m, "period_part");
        if (!period) {
          // Stated ends: từ ngày 1/7 đến 31/12/2024, 9 tháng đầu năm 2024 (months 1 to 9).
          std::optional<std::int64_t> to_year = integer(Field::kToYear), to_month = integer(Field::kToMonth),
                                      to_day = integer(Field::kToDay);
          if (!to_month && to_day && month) to_month = month;  // 7월 13일 - 15일
          if (!month && !to_month && day && to_day) return build_day_span(m, f, *day, *to_day);
          if (!to_month) return false;
          // 10 tháng năm nay: the months of a year said from the reference date's.
          if (const Capture* c = m.capture(Field::kRelative); c != nullptr && !year && !to_year) {
            if (!relative_year(*c, f, year)) return false;
          }
          // Without a year, the reference date's, as for one month (1~9월, 6 tháng đầu năm).
          if (!year && !to_year && !f.relative && options_.ref_date) to_year = options_.ref_date->year;
          std::optional<std::int64_t> from_year = year ? year : to_year;
          f.from_date = iso_date(from_year, month ? month : std::optional<std::int64_t>(1), day);
          f.to_date = iso_date(to_year ? to_year : year, to_month, to_day);
          if (!f.from_date || !f.to_date) return false;
          break;
        }
        // A half or quarter of a year: its first and last months (2023년 상반기 -> 2023-01/2023-06).
        static const std::pair<const char*, std::pair<int, int>> kMonths[] = {
            {"h1", {1, 6}}, {"h2", {7, 12}}, {"q1", {1, 3}}, {"q2", {4, 6}}, {"q3", {7, 9}}, {"q4", {10, 12}}};
        // Without a year, the reference date's (1분기, quý 3).
        if (!year && options_.ref_date) year = options_.ref_date->year;
        for (const auto& [code, months] : kMonths) {
          if (*period != code) continue;
          f.from_date = iso_date(year, months.first, std::nullopt);
          f.to_date = iso_date(year, months.second, std::nullopt);
        }
        if (!f.from_date || !f.to_date) return false;
        break;
      }
      default:
        break;
    }
    return true;
  }

 private:
  // 지난해, năm nay: the year a relative word names once the reference date is known; without
  // one, f.relative keeps the word's code. False for a word relative_time lacks.
  bool relative_year(const Capture& c, Figure& f, std::optional<std::int64_t>& year) const {
    std::optional<std::string> code = lookup("relative_time", capture_text(sentence_, &c));
    if (!code) return false;
    if (std::optional<std::string> date = resolve_relative(*code, options_.ref_date)) {
      year = std::stoll(*date);
    } else {
      f.relative = *code;
    }
    return true;
  }

  std::optional<std::int64_t> integer_capture(const Match& m, Field field) const {
    const Capture* c = m.capture(field);
    if (c == nullptr) return std::nullopt;
    auto n = numeral(capture_text(sentence_, c));
    if (!n || !n->value.is_integer()) return std::nullopt;
    return n->value.coefficient;
  }

  std::optional<CalendarUnit> calendar_unit(const Match& m) const {
    std::optional<std::string> code = lookup("calendar_unit", capture_text(sentence_, m.capture(Field::kCalendarUnit)));
    return code ? internal::calendar_unit_from(*code) : std::nullopt;
  }

  // "P3W", "P2Y": an amount of units as an ISO 8601 duration, for a relative left unresolved.
  // The end of a range written with fewer digits than its start, completed from the start's
  // leading digits when that makes it larger (26, 7 -> 27); none otherwise (3, 1).
  static std::optional<Decimal> abbreviated_end(const Decimal& from, const Decimal& to) {
    if (!from.is_integer() || !to.is_integer() || from.coefficient <= 0 || to.coefficient < 0) return std::nullopt;
    std::int64_t place = 1;
    while (place <= to.coefficient) place *= 10;
    if (place > from.coefficient) return std::nullopt;
    Decimal end{from.coefficient - from.coefficient % place + to.coefficient, 0};
    if (end.coefficient <= from.coefficient) return std::nullopt;
    return end;
  }

  static std::string iso_duration(std::int64_t amount, CalendarUnit unit) {
    switch (unit) {
      case CalendarUnit::kDay: return "P" + std::to_string(amount) + "D";
      case CalendarUnit::kWeek: return "P" + std::to_string(amount) + "W";
      case CalendarUnit::kMonth: return "P" + std::to_string(amount) + "M";
      case CalendarUnit::kQuarter: return "P" + std::to_string(3 * amount) + "M";
      case CalendarUnit::kYear: return "P" + std::to_string(amount) + "Y";
    }
    return {};
  }

  // 3주 전, 2 năm trước, 5일 후: that many units before or after the reference date.
  bool build_shifted_date(const Match& m, Figure& f) const {
    std::optional<CalendarUnit> unit = calendar_unit(m);
    std::optional<std::int64_t> amount = integer_capture(m, Field::kAmount);
    std::optional<std::string> way = lookup("offset_relative", capture_text(sentence_, m.capture(Field::kRelative)));
    if (!unit || !amount || *amount < 1 || *amount > 9999 || !way || (*way != "ago" && *way != "later")) return false;
    if (!options_.ref_date) {
      f.relative = *way + " " + iso_duration(*amount, *unit);
      return true;
    }
    f.date = internal::shift_date(*options_.ref_date, *unit, static_cast<int>(*way == "ago" ? -*amount : *amount));
    return true;
  }

  // 지난 21~24일, 이달 3∼4일: days of a month the text does not name. The first day is
  // placed as a day alone is (지난 is the latest such day before the reference date, a month
  // word names its month), the last in the same month.
  bool build_day_span(const Match& m, Figure& f, std::int64_t day, std::int64_t to_day) const {
    if (day < 1 || to_day > 31 || to_day <= day) return false;
    const std::string_view relative = capture_text(sentence_, m.capture(Field::kRelative));
    std::optional<std::string> month;  // YYYY-MM, or none while the reference date is unknown
    if (std::optional<std::string> code = lookup("relative_time", relative)) {
      month = resolve_relative(*code, options_.ref_date);
      if (!month) f.relative = *code;
      if (month && month->size() != 7) return false;  // a code of a day or year, not a month
    } else if (options_.ref_date) {
      const std::string first = resolve_day(static_cast<int>(day), lookup("day_relative", relative).value_or(""),
                                            options_.ref_date);
      month = first.substr(0, 7);
    }
    const std::string prefix = month ? *month + "-" : std::string("---");
    f.from_date = prefix + internal::two_digits(day);
    f.to_date = prefix + internal::two_digits(to_day);
    return true;
  }

  // 지난 2달, 다음 3년, 3 tháng tới, 이번 분기, quý sau: whole units before or after the
  // reference date's own, from the first to the last.
  bool build_unit_span(const Match& m, Figure& f) const {
    std::optional<CalendarUnit> unit = calendar_unit(m);
    std::optional<std::string> way = lookup("span_relative", capture_text(sentence_, m.capture(Field::kRelative)));
    std::optional<std::int64_t> amount = integer_capture(m, Field::kAmount);
    if (!unit || !way || (amount && (*amount < 1 || *amount > 9999))) return false;
    const int n = static_cast<int>(amount.value_or(1));
    int offset;
    if (*way == "last") offset = -n;
    else if (*way == "next") offset = 1;
    else if (*way == "this" && !amount) offset = 0;
    else if (*way == "previous" && !amount) offset = -1;
    else return false;
    if (!options_.ref_date) {
      f.relative = *way + " " + iso_duration(n, *unit);
      return true;
    }
    std::tie(f.from_date, f.to_date) = internal::unit_span(*options_.ref_date, *unit, offset, n);
    return true;
  }

  // 10월 첫째 화요일, 3월 마지막 월요일, 2015년 10월 마지막날, ngày đầu tiên của tháng 3.
  bool build_nth_day(const Match& m, Figure& f, std::optional<std::int64_t> year,
                     std::optional<std::int64_t> month) const {
    const std::string_view nth_text = capture_text(sentence_, m.capture(Field::kNth));
    std::optional<std::int64_t> nth;
    if (std::optional<std::string> fixed = lookup("nth", nth_text)) nth = std::stoll(*fixed);
    else nth = integer_capture(m, Field::kNth);
    std::optional<int> weekday;
    if (const Capture* w = m.capture(Field::kWeekday)) {
      std::optional<std::string> code = lookup("weekday", capture_text(sentence_, w));
      if (!code) return false;
      weekday = std::stoi(*code);
    }
    if (!nth || *nth == 0 || *nth > 5 || *nth < -5 || !month) return false;
    if (!year && options_.ref_date) year = options_.ref_date->year;
    if (!year) {
      f.relative = "nth_day_of_month";
      return true;
    }
    f.date = internal::nth_day_of_month(static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*nth), weekday);
    return f.date.has_value();
  }

  // The key as written, else in lower case: a headline or sentence may start with it (Hơn,
  // Khoảng), which a pack's regex takes with (?i:...).
  std::optional<std::string> lookup(std::string_view table, std::string_view key) const {
    const internal::Table* t = rules_.table(table);
    if (t == nullptr) return std::nullopt;
    std::optional<std::string_view> v = t->lookup(key);
    if (!v) {
      if (std::optional<std::string> lower = lower_case_if_capitalized(key)) v = t->lookup(*lower);
    }
    if (!v) return std::nullopt;
    return std::string(*v);
  }
  // A numeral as written, else in lower case, as a key is looked up: Hai mươi lăm người at a
  // sentence's start is 25.
  std::optional<ParsedNumeral> numeral(std::string_view text) const {
    std::optional<ParsedNumeral> n = parse_numeral(text, numerals_);
    if (!n) {
      if (std::optional<std::string> lower = lower_case_if_capitalized(text)) n = parse_numeral(*lower, numerals_);
    }
    return n;
  }
  // The text in lower case when it starts with a capital letter, else none.
  static std::optional<std::string> lower_case_if_capitalized(std::string_view text) {
    std::size_t first_end = 0;
    if (text.empty() || !u_isupper(static_cast<UChar32>(internal::decode_next(text, first_end)))) return std::nullopt;
    std::string lower;
    icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
        .toLower(icu::Locale::getRoot())
        .toUTF8String(lower);
    if (lower == text) return std::nullopt;
    return lower;
  }
  static void set_field(Figure& f, std::string_view field, const std::string& value) {
    if (field == "unit") f.unit = value;
    else if (field == "qualifier") f.qualifier = value;
    else if (field == "direction") f.direction = value;
    else if (field == "status") f.status = value;
    else if (field == "fraction") {
      // fraction="1/2" on a rule: 절반, một nửa.
      std::size_t slash = value.find('/');
      f.fraction = value;
      f.value = exact_quotient(std::stoll(value.substr(0, slash)), std::stoll(value.substr(slash + 1)));
    }
  }

  const LanguageRules& rules_;
  const NumeralSyntax& numerals_;
  std::string_view sentence_;
  const ExtractOptions& options_;
};

// 지난해 3월, 올해 1~10월, 올해 상반기, quý I năm nay: a date or period that states no year
// takes the year figure written right beside it, on the side the language's table
// year_beside_date names (`before` or `after`), and the two become one record spanning both,
// as 2023년 3월 is one.
void join_years_to_dates(const internal::LanguageRules& rules, std::string_view sentence,
                         const FigureBuilder& builder, std::vector<Match>& matches, std::vector<Draft>& drafts) {
  const internal::Table* sides = rules.table("year_beside_date");
  if (sides == nullptr || drafts.size() < 2) return;
  const bool year_before = sides->lookup("before").has_value(), year_after = sides->lookup("after").has_value();
  auto touching = [&](const Match& left, const Match& right) {
    return left.byte_end <= right.byte_start &&
           sentence.substr(left.byte_end, right.byte_start - left.byte_end).find_first_not_of(' ') ==
               std::string_view::npos;
  };
  auto stated_year = [](const Figure& f) {
    return f.value && f.value->is_integer() ? std::optional<std::int64_t>(f.value->coefficient) : std::nullopt;
  };
  auto is_plain_year = [&](const Draft& d) {
    return d.figure.kind == Kind::kYear && !d.part && (stated_year(d.figure) || d.figure.relative);
  };
  auto states_no_year = [](const Match& m) {
    const bool has_months = m.capture(Field::kMonth) != nullptr || m.capture(Field::kPart) != nullptr;
    return has_months && m.capture(Field::kYear) == nullptr && m.capture(Field::kShortYear) == nullptr &&
           m.capture(Field::kToYear) == nullptr && m.capture(Field::kRelative) == nullptr;
  };
  std::vector<bool> absorbed(drafts.size(), false);
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    Draft& date = drafts[i];
    if ((date.figure.kind != Kind::kDate && date.figure.kind != Kind::kDateRange) || !states_no_year(*date.match)) {
      continue;
    }
    std::size_t at = drafts.size();
    if (year_before && i > 0 && !absorbed[i - 1] && is_plain_year(drafts[i - 1]) &&
        touching(*drafts[i - 1].match, *date.match)) {
      at = i - 1;
    } else if (year_after && i + 1 < drafts.size() && is_plain_year(drafts[i + 1]) &&
               touching(*date.match, *drafts[i + 1].match)) {
      at = i + 1;
    }
    if (at == drafts.size()) continue;
    const Figure& year = drafts[at].figure;
    Figure joined;
    const std::optional<std::int64_t> stated = stated_year(year);
    if (!builder.build(*date.match, joined, stated)) continue;
    // Without a reference date the year stays relative: --03 of the previous_year.
    if (!stated) joined.relative = year.relative;
    Match& span = matches[static_cast<std::size_t>(date.match - matches.data())];
    span.byte_start = std::min(span.byte_start, drafts[at].match->byte_start);
    span.byte_end = std::max(span.byte_end, drafts[at].match->byte_end);
    date.figure = std::move(joined);
    absorbed[at] = true;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    if (absorbed[i]) continue;
    if (kept != i) drafts[kept] = std::move(drafts[i]);
    ++kept;
  }
  drafts.resize(kept);
}

}  // namespace

std::optional<char> infer_decimal_mark(std::string_view text) {
  int comma_decimal = 0, dot_decimal = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < text.size();) {
    if (!digit(text[i])) {
      ++i;
      continue;
    }
    // One number: digits and the marks between them.
    std::size_t end = i;
    while (end < text.size() && (digit(text[end]) || ((text[end] == '.' || text[end] == ',') && end + 1 < text.size() &&
                                                       digit(text[end + 1])))) {
      ++end;
    }
    std::string_view number = text.substr(i, end - i);
    i = end;
    const auto dots = std::count(number.begin(), number.end(), '.');
    const auto commas = std::count(number.begin(), number.end(), ',');
    if (dots > 0 && commas > 0) {
      // Both marks: the last one is the decimal mark (1.234,5 or 1,234.5).
      (number.find_last_of(".,") == number.rfind(',') ? comma_decimal : dot_decimal) += 2;
    } else if (dots >= 2) {
      comma_decimal += 2;  // 1.234.567: dots group
    } else if (commas >= 2) {
      dot_decimal += 2;  // 1,234,567: commas group
    } else if (dots == 1 || commas == 1) {
      // A single mark followed by other than three digits is a decimal mark (91,7; 3.25).
      std::size_t mark = number.find_first_of(".,");
      if (number.size() - mark - 1 != 3) (number[mark] == ',' ? comma_decimal : dot_decimal) += 1;
    }
  }
  if (comma_decimal == dot_decimal) return std::nullopt;
  return comma_decimal > dot_decimal ? ',' : '.';
}

std::optional<CalendarDate> CalendarDate::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto field = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  CalendarDate d{field(0, 4), field(5, 2), field(8, 2)};
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 0 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1]) return std::nullopt;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
  return d;
}

PreparedPiece::PreparedPiece(const TextPiece& piece)
    : piece_(piece), normalized_(normalize(piece.text)), sentences_(split_sentences(normalized_.text)) {}

std::uint64_t PreparedPiece::cp_at(std::size_t piece_byte) const {
  // Walk from the last query, back or forth: queries cluster within a sentence (a figure, then
  // its time just before it), so this stays linear in the piece.
  if (piece_byte < cp_cursor_byte_) {
    cp_cursor_ -= internal::count_code_points(piece_.text.substr(piece_byte, cp_cursor_byte_ - piece_byte));
    cp_cursor_byte_ = piece_byte;
    return cp_cursor_;
  }
  cp_cursor_ += internal::count_code_points(piece_.text.substr(cp_cursor_byte_, piece_byte - cp_cursor_byte_));
  cp_cursor_byte_ = piece_byte;
  return cp_cursor_;
}

PreparedPiece::SourceSpan PreparedPiece::to_source(std::size_t byte_start, std::size_t byte_end) const {
  std::size_t s = normalized_.to_source_start(byte_start);
  std::size_t e = normalized_.to_source_end(byte_end);
  std::uint64_t cs = cp_at(s);
  std::uint64_t ce = cp_at(e);
  return SourceSpan{piece_.byte_offset + s, piece_.byte_offset + e, piece_.cp_offset + cs, piece_.cp_offset + ce,
                    piece_.text.substr(s, e - s)};
}

std::string sentence_language(std::string_view sentence, const ExtractOptions& options) {
  return options.forced_lang.empty() ? detect_language(sentence) : options.forced_lang;
}

Extractor ExtractorBuilder::build() const {
  return Extractor(packs_ ? packs_ : std::make_shared<const PackSet>(), options_);
}

bool Extractor::run_piece(std::string_view doc_id, const TextPiece& piece, DocumentCursor& cursor,
                          FigureSink& sink) const {
  // 1-2. normalise and split into sentences
  PreparedPiece prepared(piece);
  const std::string_view text = prepared.normalized();
  // 3. language: each sentence's, and that of any quotation in another language inside it
  // (a Korean report quoting "81.991 đồng chí (Tỷ lệ đạt 91,7%)" reads the quote as Vietnamese).
  struct SentenceLanguages {
    std::string_view text;
    Segment whole;
    std::vector<Segment> quotes;
  };
  std::vector<SentenceLanguages> sentences;
  sentences.reserve(prepared.sentences().size());
  for (const SentenceSpan& span : prepared.sentences()) {
    std::string_view sentence = text.substr(span.byte_start, span.byte_end - span.byte_start);
    std::string lang = cursor.forced_lang.empty() ? sentence_language(sentence, options_) : cursor.forced_lang;
    if (lang == "und" && !cursor.last_language.empty()) lang = cursor.last_language;
    else if (lang != "und") cursor.last_language = lang;
    std::vector<Segment> quotes = foreign_quotes(sentence, lang);
    sentences.push_back(SentenceLanguages{sentence, Segment{0, sentence.size(), std::move(lang)}, std::move(quotes)});
  }
  if (!cursor.inferred_decimal_mark) {
    // Evidence only from the text of languages that write numbers both ways: a Korean
    // article's 95.2% says nothing about the Vietnamese it quotes.
    std::string evidence;
    const auto& languages = packs_->data().languages;
    auto add_if_inferring = [&](std::string_view part, const std::string& lang) {
      auto it = languages.find(lang);
      if (it != languages.end() && it->second.numerals.infer_marks) evidence.append(part).push_back('\n');
    };
    for (const SentenceLanguages& s : sentences) {
      add_if_inferring(s.text, s.whole.lang);
      for (const Segment& q : s.quotes) add_if_inferring(s.text.substr(q.byte_start, q.byte_end - q.byte_start), q.lang);
    }
    cursor.inferred_decimal_mark = infer_decimal_mark(evidence);
  }
  // Relative times resolve against the document's own date when its reader found one.
  ExtractOptions options = options_;
  if (cursor.meta != nullptr && cursor.meta->date) {
    if (auto date = CalendarDate::parse(cursor.meta->date->substr(0, 10))) options.ref_date = date;
  }
  // 4. match the piece's segments, each sentence's quotations and then the sentence, all those
  // of a language at once (find_matches runs faster over many sentences than one by one)
  std::vector<std::vector<internal::Match>> segment_matches;
  {
    struct LanguageBatch {
      std::vector<std::string_view> texts;
      std::vector<std::size_t> places;  // in segment_matches
    };
    std::map<std::string_view, LanguageBatch> batches;
    auto add = [&](std::string_view sentence, const Segment& segment) {
      LanguageBatch& batch = batches[segment.lang];
      batch.texts.push_back(sentence.substr(segment.byte_start, segment.byte_end - segment.byte_start));
      batch.places.push_back(segment_matches.size());
      segment_matches.emplace_back();
    };
    for (const SentenceLanguages& s : sentences) {
      for (const Segment& quote : s.quotes) add(s.text, quote);
      add(s.text, s.whole);
    }
    const auto& languages = packs_->data().languages;
    for (auto& [lang, batch] : batches) {
      auto rules = languages.find(std::string(lang));
      if (rules == languages.end()) continue;
      std::vector<std::vector<internal::Match>> found = internal::find_matches(rules->second, batch.texts);
      for (std::size_t i = 0; i < found.size(); ++i) segment_matches[batch.places[i]] = std::move(found[i]);
    }
  }
  // Figures go to the sink sentence by sentence, so that a piece never holds them all.
  Layout layout(*this, piece, cursor);
  std::vector<Figure> figures;
  const bool wants_sentences = sink.wants_sentences();
  std::size_t next_segment = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const std::uint32_t index = cursor.next_sentence++;
    const SentenceLanguages& s = sentences[k];
    const std::size_t offset = prepared.sentences()[k].byte_start;
    if (wants_sentences) {
      PreparedPiece::SourceSpan src = prepared.to_source(offset, offset + s.text.size());
      SentenceRecord record{doc_id, index, src.text, src.cp_start, src.cp_end, src.byte_start, src.byte_end, s.whole.lang};
      if (!sink.on_sentence(record)) return false;
    }
    figures.clear();
    for (const Segment& quote : s.quotes) {
      run_segment(doc_id, prepared, offset, index, s.text, quote, segment_matches[next_segment++], {},
                  cursor.inferred_decimal_mark, options, figures);
    }
    run_segment(doc_id, prepared, offset, index, s.text, s.whole, segment_matches[next_segment++], s.quotes,
                cursor.inferred_decimal_mark, options, figures);
    if (figures.empty()) continue;
    // Quotations' figures come first: put them in their place (a Figure is costly to move).
    auto by_start = [](const Figure& a, const Figure& b) { return a.byte_start < b.byte_start; };
    if (!std::is_sorted(figures.begin(), figures.end(), by_start)) {
      std::stable_sort(figures.begin(), figures.end(), by_start);
    }
    layout.apply(figures.begin(), figures.end());
    std::optional<std::string> sentence_text;
    if (options_.with_sentence_text) sentence_text = std::string(prepared.to_source(offset, offset + s.text.size()).text);
    for (Figure& f : figures) {
      f.sentence_text = sentence_text;
      if (cursor.page_starts != nullptr && !cursor.page_starts->empty()) {
        const auto& pages = *cursor.page_starts;
        f.page = static_cast<std::uint32_t>(std::upper_bound(pages.begin(), pages.end(), f.byte_start) - pages.begin());
      }
      if (cursor.meta != nullptr) {
        f.doc_url = cursor.meta->url;
        f.doc_title = cursor.meta->title;
        f.doc_date = cursor.meta->date;
      }
      if (!sink.on_figure(f)) return false;
    }
  }
  return true;
}

bool Extractor::run_document(const Document& document, FigureSink& sink) const {
  DocumentCursor cursor;
  cursor.meta = &document.meta;
  cursor.cells = &document.cells;
  cursor.page_starts = &document.page_starts;
  bool keep_going = true;
  split_pieces(document.text, ReadOptions{}, [&](const TextPiece& piece) {
    keep_going = run_piece(document.id, piece, cursor, sink);
    return keep_going;
  });
  return keep_going;
}

std::vector<Extractor::Segment> Extractor::foreign_quotes(std::string_view sentence, const std::string& lang) const {
  std::vector<Segment> out;
  if (!options_.forced_lang.empty()) return out;
  const auto& languages = packs_->data().languages;
  static const std::pair<std::string_view, std::string_view> kQuotes[] = {
      {"\"", "\""}, {"\u201C", "\u201D"}, {"(", ")"}, {"\u2018", "\u2019"}};
  for (const auto& [open, close] : kQuotes) {
    std::size_t at = 0;
    while ((at = sentence.find(open, at)) != std::string_view::npos) {
      std::size_t inner = at + open.size();
      std::size_t end = sentence.find(close, inner);
      if (end == std::string_view::npos) break;
      std::string_view quoted = sentence.substr(inner, end - inner);
      std::string quoted_lang = detect_language(quoted);
      bool overlaps = std::any_of(out.begin(), out.end(), [&](const Segment& s) {
        return inner < s.byte_end && s.byte_start < end;
      });
      if (!overlaps && quoted_lang != lang && quoted_lang != "und" && languages.count(quoted_lang)) {
        out.push_back(Segment{inner, end, quoted_lang});
      }
      at = end + close.size();
    }
  }
  return out;
}

void Extractor::run_segment(std::string_view doc_id, const PreparedPiece& prepared, std::size_t sentence_offset,
                            std::uint32_t index, std::string_view sentence, const Segment& segment,
                            std::vector<internal::Match>& matches, const std::vector<Segment>& excluded,
                            std::optional<char> document_decimal_mark, const ExtractOptions& options,
                            std::vector<Figure>& out) const {
  const auto& languages = packs_->data().languages;
  auto rules_it = languages.find(segment.lang);
  if (rules_it == languages.end()) return;
  const LanguageRules& rules = rules_it->second;
  // A language that writes numbers both ways reads them with the document's own marks.
  const bool swap_marks = rules.numerals.infer_marks && document_decimal_mark &&
                          *document_decimal_mark != rules.numerals.decimal_mark;
  const NumeralSyntax& numerals = swap_marks ? rules.numerals_swapped : rules.numerals;
  std::string_view text = sentence.substr(segment.byte_start, segment.byte_end - segment.byte_start);
  const std::size_t base = sentence_offset + segment.byte_start;
  // Leave out what quotations in other languages hold.
  matches.erase(std::remove_if(matches.begin(), matches.end(),
                               [&](const Match& m) {
                                 return std::any_of(excluded.begin(), excluded.end(), [&](const Segment& e) {
                                   return m.byte_start < e.byte_end && e.byte_start < m.byte_end;
                                 });
                               }),
                matches.end());
  if (matches.empty()) return;
  // 5. numerals
  FigureBuilder builder(rules, numerals, text, options);
  std::vector<Draft> drafts;
  drafts.reserve(matches.size());
  std::vector<internal::TimeMention> mentions;
  for (const Match& m : matches) {
    if (m.rule->role == internal::Rule::Role::kIgnore) continue;
    if (m.rule->time_only()) {
      mentions.push_back(builder.time_mention(m));
      continue;
    }
    Draft d;
    d.match = &m;
    if (!builder.build(m, d.figure)) continue;
    d.part = builder.part_of(m);
    drafts.push_back(std::move(d));
  }
  join_years_to_dates(rules, text, builder, matches, drafts);
  // 6. attach
  internal::attach(rules, text, mentions, drafts);
  for (const Draft& d : drafts) {
    if (internal::is_time_kind(d.figure.kind)) mentions.push_back(FigureBuilder::time_mention(d));
  }
  internal::attach_times(rules, text, mentions, drafts);
  // 7. back to the document's offsets
  for (Draft& d : drafts) {
    Figure& f = d.figure;
    PreparedPiece::SourceSpan src = prepared.to_source(base + d.match->byte_start, base + d.match->byte_end);
    f.doc = std::string(doc_id);
    f.lang = segment.lang;
    f.text = std::string(src.text);
    f.start = src.cp_start;
    f.end = src.cp_end;
    f.byte_start = src.byte_start;
    f.byte_end = src.byte_end;
    f.sentence = index;
    if (numerals.infer_marks) f.decimal_mark = std::string(1, numerals.decimal_mark);
    if (d.time >= 0) {
      const internal::TimeMention& t = mentions[static_cast<std::size_t>(d.time)];
      PreparedPiece::SourceSpan time_src = prepared.to_source(base + t.byte_start, base + t.byte_end);
      f.time = TimeRef{std::string(time_src.text), t.date, t.part, t.relative};
    }
    out.push_back(std::move(f));
  }
}

bool Extractor::run(std::string_view doc_id, std::string_view text, FigureSink& sink) const {
  DocumentCursor cursor;
  bool keep_going = true;
  split_pieces(text, ReadOptions{}, [&](const TextPiece& piece) {
    keep_going = run_piece(doc_id, piece, cursor, sink);
    return keep_going;
  });
  return keep_going;
}

}  // namespace sosu
