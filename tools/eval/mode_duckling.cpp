// sosu_eval duckling PEERS_JSONL [--lang ko|vi]: Duckling's KO/VI corpus examples, scored as
// Duckling scores them (makeCorpusTest): one entity spanning the whole example (surrounding
// white space allowed) whose value equals the expected one. Our records map to Duckling's
// dimensions as shared/peers/README.md says: numeral → a number (any kind whose value is
// right passes), ordinal → ordinal, money → money, quantity/distance/volume/temperature →
// quantity, duration → duration, time of grain day/month/quarter/year → year, date,
// date_range or year_range. Times of day and weeks are counted but not targeted.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <set>

#include "eval_support.h"
#include "extract/calendar.h"

namespace sosu::eval {
namespace {

enum class Outcome {
  kPass, kNothing, kPartial, kSeveral, kWrongKind, kWrongValue, kYearUnresolved, kUnexpected, kNotTargeted
};
constexpr Outcome kFailures[] = {Outcome::kNothing,    Outcome::kPartial,        Outcome::kSeveral,   Outcome::kWrongKind,
                                 Outcome::kWrongValue, Outcome::kYearUnresolved, Outcome::kUnexpected};

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kPass: return "pass";
    case Outcome::kNothing: return "no record";
    case Outcome::kPartial: return "no record spans the text";
    case Outcome::kSeveral: return "several records span it";
    case Outcome::kWrongKind: return "wrong kind";
    case Outcome::kWrongValue: return "wrong value";
    case Outcome::kYearUnresolved: return "year unresolved";
    case Outcome::kUnexpected: return "a record where none is expected";
    case Outcome::kNotTargeted: return "not targeted";
  }
  return "?";
}

const char* outcome_key(Outcome o) {
  switch (o) {
    case Outcome::kPass: return "pass";
    case Outcome::kNothing: return "no_record";
    case Outcome::kPartial: return "partial_span";
    case Outcome::kSeveral: return "several";
    case Outcome::kWrongKind: return "wrong_kind";
    case Outcome::kWrongValue: return "wrong_value";
    case Outcome::kYearUnresolved: return "year_unresolved";
    case Outcome::kUnexpected: return "unexpected_record";
    case Outcome::kNotTargeted: return "not_targeted";
  }
  return "?";
}

struct Verdict {
  Outcome outcome = Outcome::kPass;
  std::string note;  // a unit mismatch that did not fail the example, for the report
};

Json member(const Json& object, const char* key) {
  if (!object.is_object()) return Json();
  auto it = object.find(key);
  return it == object.end() ? Json() : *it;
}

std::string kind_of(const Json& r) { return get_string(r, "kind").value_or(""); }

// --- money ---------------------------------------------------------------------------------

// Duckling's money units as ours: $ is a dollar of no stated country, taken as USD; a cent
// is a hundredth of one.
std::optional<std::pair<ExactNumber, std::string>> money_as_ours(const Json& amount) {
  std::optional<ExactNumber> value = ExactNumber::from_json(member(amount, "value"));
  std::optional<std::string> unit = get_string(amount, "unit");
  if (!value || !unit) return std::nullopt;
  if (*unit == "$") return std::make_pair(*value, std::string("USD"));
  if (*unit == "cent") return std::make_pair(value->scaled(-2), std::string("USD"));
  if (*unit == "£") return std::make_pair(*value, std::string("GBP"));
  return std::make_pair(*value, *unit);
}

bool number_is(const Json& ours, const ExactNumber& want) {
  std::optional<ExactNumber> got = ExactNumber::from_json(ours);
  return got && *got == want;
}

// An interval's bounds against our from/to and qualifier. An open one ("십달러 미만", "trên
// 1000 đồng") may be our value with an at_most/less_than or at_least/more_than qualifier.
template <class Convert>
bool interval_right(const Json& want, const Json& ours, Convert&& convert, std::string& unit_out) {
  const Json from = member(want, "from"), to = member(want, "to");
  const std::string qualifier = get_string(ours, "qualifier").value_or("");
  auto side = [&](const Json& bound, const char* our_key) {
    auto expected = convert(bound);
    if (!expected) return false;
    unit_out = expected->second;
    return number_is(member(ours, our_key), expected->first);
  };
  if (!from.is_null() && !to.is_null()) return side(from, "from") && side(to, "to");
  if (!from.is_null()) {
    return (side(from, "from") || side(from, "value")) && member(ours, "to").is_null() &&
           (qualifier == "at_least" || qualifier == "more_than");
  }
  if (!to.is_null()) {
    return (side(to, "to") || side(to, "value")) && member(ours, "from").is_null() &&
           (qualifier == "at_most" || qualifier == "less_than");
  }
  return false;
}

Verdict check_money(const Json& expected, const Json& ours) {
  if (kind_of(ours) != "money") return {Outcome::kWrongKind, ""};
  std::string want_unit;
  bool right = false;
  if (get_string(expected, "type") == "interval") {
    right = interval_right(expected, ours, money_as_ours, want_unit);
  } else if (auto want = money_as_ours(expected)) {
    want_unit = want->second;
    right = number_is(member(ours, "value"), want->first);
  }
  right = right && get_string(ours, "unit") == want_unit;
  return {right ? Outcome::kPass : Outcome::kWrongValue, ""};
}

// --- quantities: distance, volume, temperature, quantity -----------------------------------

// Duckling's unit names and the ways ours may write them; a unit missing here is compared as is.
const std::map<std::string, std::set<std::string>> kUnitSpellings = {
    {"kilometre", {"km", "㎞", "킬로미터", "킬로", "키로", "키로미터"}},
    {"metre", {"m", "미터"}},
    {"centimetre", {"cm", "㎝", "센티미터", "센치미터", "센티", "센치"}},
    {"millimetre", {"mm", "㎜", "밀리미터"}},
    {"mile", {"mile", "mi", "마일"}},
    {"celsius", {"°C", "℃", "C", "섭씨", "섭씨 도"}},
    {"fahrenheit", {"°F", "℉", "F", "화씨", "화씨 도"}},
    {"degree", {"°", "도"}},
    {"millilitre", {"ml", "mL", "㎖", "밀리리터", "미리리터"}},
    {"litre", {"l", "L", "ℓ", "리터"}},
    {"gallon", {"gallon", "갤런"}},
    {"hectolitre", {"hl", "hL", "헥토리터"}},
    {"gram", {"g", "그램", "그람"}},
    {"kilogram", {"kg", "㎏", "킬로그램", "킬로그람"}},
    {"cup", {"cup", "컵"}},
};

bool unit_matches(const std::string& duckling_unit, const std::string& ours) {
  auto it = kUnitSpellings.find(duckling_unit);
  return it == kUnitSpellings.end() ? ours == duckling_unit : it->second.count(ours) > 0;
}

std::optional<std::pair<ExactNumber, std::string>> quantity_as_ours(const Json& amount) {
  std::optional<ExactNumber> value = ExactNumber::from_json(member(amount, "value"));
  if (!value) return std::nullopt;
  return std::make_pair(*value, get_string(amount, "unit").value_or(""));
}

// The value decides; a unit written differently is reported, not failed (units are written
// as in the text, Duckling names them).
Verdict check_quantity(const Json& expected, const Json& ours) {
  if (kind_of(ours) != "quantity") return {Outcome::kWrongKind, ""};
  std::string want_unit;
  bool right = false;
  if (get_string(expected, "type") == "interval") {
    right = interval_right(expected, ours, quantity_as_ours, want_unit);
  } else if (auto want = quantity_as_ours(expected)) {
    want_unit = want->second;
    right = number_is(member(ours, "value"), want->first);
  }
  if (!right) return {Outcome::kWrongValue, ""};
  // Duckling's product ("삼겹살 두근") is what we call the subject.
  if (auto product = get_string(expected, "product"); product && get_string(ours, "subject") != product) {
    return {Outcome::kWrongValue, ""};
  }
  const std::string unit = get_string(ours, "unit").value_or("");
  if (!unit_matches(want_unit, unit)) return {Outcome::kPass, "unit " + want_unit + " written as '" + unit + "'"};
  return {Outcome::kPass, ""};
}

// --- duration ------------------------------------------------------------------------------

// Seconds in one of our time units, with Duckling's month of 30 days and year of 365.
std::optional<double> seconds_per(const std::string& unit) {
  static const std::map<std::string, double> kSeconds = {
      {"초", 1},          {"s", 1},           {"giây", 1},          {"분", 60},         {"phút", 60},
      {"시간", 3600},     {"h", 3600},        {"giờ", 3600},        {"tiếng", 3600},    {"일", 86400},
      {"날", 86400},      {"ngày", 86400},    {"주", 604800},       {"주일", 604800},   {"tuần", 604800},
      {"개월", 2592000},  {"달", 2592000},    {"tháng", 2592000},   {"년", 31536000},   {"해", 31536000},
      {"năm", 31536000},
  };
  auto it = kSeconds.find(unit);
  if (it == kSeconds.end()) return std::nullopt;
  return it->second;
}

// Duckling normalises ("1.1 시간" is 66 minutes); compare in seconds.
Verdict check_duration(const Json& expected, const Json& ours) {
  if (kind_of(ours) != "duration") return {Outcome::kWrongKind, ""};
  std::optional<ExactNumber> value = ExactNumber::from_json(member(ours, "value"));
  std::optional<double> per = seconds_per(get_string(ours, "unit").value_or(""));
  std::optional<ExactNumber> want = ExactNumber::from_json(member(member(expected, "normalized"), "value"));
  if (!value || !per || !want) return {Outcome::kWrongValue, ""};
  const double got = value->to_double() * *per, w = want->to_double();
  return {std::fabs(got - w) <= 1e-9 * std::max(1.0, std::fabs(w)) ? Outcome::kPass : Outcome::kWrongValue, ""};
}

// --- time ----------------------------------------------------------------------------------

bool targeted_grain(const std::string& grain) {
  return grain == "day" || grain == "month" || grain == "quarter" || grain == "year";
}

std::string time_grain(const Json& expected) {
  if (auto g = get_string(expected, "grain")) return *g;
  for (const char* side : {"from", "to"}) {
    if (auto g = get_string(member(expected, side), "grain")) return *g;
  }
  return "";
}

struct Ymd {
  int y = 0, m = 0, d = 0;
};

std::optional<Ymd> parse_ymd(const std::string& iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  try {
    return Ymd{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// The ISO value at a grain: 2013 (year), 2013-03 (month, and quarter at month precision), 2013-03-01.
std::string at_grain(Ymd t, const std::string& grain) {
  if (grain == "year") return std::to_string(t.y);
  if (grain == "day") return std::to_string(t.y) + "-" + two(t.m) + "-" + two(t.d);
  return std::to_string(t.y) + "-" + two(t.m);
}

// Duckling's exclusive end as our inclusive one: one day, month or year earlier (a quarter
// interval ends with the month before).
Ymd before(Ymd t, const std::string& grain) {
  if (grain == "day") {
    // The extractor's own calendar arithmetic, which its tests hold to the civil calendar.
    const std::string day =
        sosu::internal::shift_date(sosu::CalendarDate{t.y, t.m, t.d}, sosu::internal::CalendarUnit::kDay, -1);
    return *parse_ymd(day);
  }
  if (grain == "year") return Ymd{t.y - 1, t.m, t.d};
  return t.m == 1 ? Ymd{t.y - 1, 12, t.d} : Ymd{t.y, t.m - 1, t.d};
}

Ymd months_later(Ymd t, int months) {
  const int index = t.y * 12 + (t.m - 1) + months;
  return Ymd{index / 12, index % 12 + 1, t.d};
}

// Our date or bound without a year ("--03-01") that is right apart from it.
bool right_but_yearless(const Json& ours_date, const std::string& want) {
  return ours_date.is_string() && ours_date.get<std::string>() == "--" + want.substr(std::min<std::size_t>(5, want.size()));
}

Verdict check_time(const Json& expected, const Json& ours) {
  const std::string grain = time_grain(expected);
  const std::string kind = kind_of(ours);
  if (get_string(expected, "type") != "interval") {
    std::optional<Ymd> t = parse_ymd(get_string(expected, "value").value_or(""));
    if (!t) return {Outcome::kWrongValue, ""};
    if (grain == "quarter") {
      // A quarter is our date_range of its three months: 2018년 4분기 → 2018-10 … 2018-12.
      if (kind != "date_range") return {Outcome::kWrongKind, ""};
      const std::string from = at_grain(*t, "month"), to = at_grain(months_later(*t, 2), "month");
      if (member(ours, "from") == from && member(ours, "to") == to) return {Outcome::kPass, ""};
      if (right_but_yearless(member(ours, "from"), from) && right_but_yearless(member(ours, "to"), to)) {
        return {Outcome::kYearUnresolved, ""};
      }
      return {Outcome::kWrongValue, ""};
    }
    const std::string want = at_grain(*t, grain);
    const bool kind_ok = kind == "date" || (grain == "year" && kind == "year");
    if (!kind_ok) return {Outcome::kWrongKind, ""};
    if (member(ours, "date") == want) return {Outcome::kPass, ""};
    if (right_but_yearless(member(ours, "date"), want)) return {Outcome::kYearUnresolved, ""};
    return {Outcome::kWrongValue, ""};
  }
  // An interval: year_range (numbers) for years, date_range (ISO strings) for the rest.
  const bool years = grain == "year" && kind == "year_range";
  if (kind != "date_range" && !years) return {Outcome::kWrongKind, ""};
  bool right = true, yearless = true;
  for (const char* side : {"from", "to"}) {
    const Json bound = member(expected, side);
    const Json got = member(ours, side);
    if (bound.is_null()) {
      right = right && got.is_null();
      yearless = yearless && got.is_null();
      continue;
    }
    std::optional<Ymd> t = parse_ymd(get_string(bound, "value").value_or(""));
    if (!t) return {Outcome::kWrongValue, ""};
    if (std::string(side) == "to") t = before(*t, grain == "quarter" ? "month" : grain);
    const std::string want = at_grain(*t, grain == "quarter" ? "month" : grain);
    const bool side_right = years ? same_number(got, Json(t->y)) : got == want;
    right = right && side_right;
    yearless = yearless && !years && right_but_yearless(got, want);
  }
  if (right) return {Outcome::kPass, ""};
  return {yearless ? Outcome::kYearUnresolved : Outcome::kWrongValue, ""};
}

// --- the example as a whole ----------------------------------------------------------------

Verdict check_example(const std::string& dimension, const Json& expected, const Json& ours) {
  if (dimension == "numeral") {
    // Any kind with the right value passes: "세 개" is our count 3, Duckling's numeral 3.
    if (same_number(member(ours, "value"), member(expected, "value"))) return {Outcome::kPass, ""};
    return {kind_of(ours) == "number" ? Outcome::kWrongValue : Outcome::kWrongKind, ""};
  }
  if (dimension == "ordinal") {
    if (kind_of(ours) != "ordinal") return {Outcome::kWrongKind, ""};
    return {same_number(member(ours, "value"), member(expected, "value")) ? Outcome::kPass : Outcome::kWrongValue, ""};
  }
  if (dimension == "money") return check_money(expected, ours);
  if (dimension == "duration") return check_duration(expected, ours);
  if (dimension == "time") return check_time(expected, ours);
  return check_quantity(expected, ours);  // quantity, distance, volume, temperature
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// The part of an example that is the figure itself, as code points of the example: Duckling
// spans "15일에", "1 AED." and "삼겹살 두근" whole, where our span stops before the particle
// 에 (and 에는, 까지, 부터) or the full stop, and leaves the product "삼겹살" to `subject`.
Span figure_part(std::string_view text, std::string_view product) {
  std::size_t lead = 0, end = text.size();
  while (lead < end && is_space(text[lead])) ++lead;
  if (!product.empty() && text.substr(lead, product.size()) == product) {
    lead += product.size();
    while (lead < end && is_space(text[lead])) ++lead;
  }
  while (end > lead && is_space(text[end - 1])) --end;
  for (std::string_view closing : {"에는", "에", "까지", "부터", "."}) {
    if (ends_with(text.substr(lead, end - lead), closing)) {
      end -= closing.size();
      break;
    }
  }
  return Span{code_point_count(text.substr(0, lead)), code_point_count(text.substr(0, end))};
}

struct Tally {
  std::map<Outcome, std::size_t> outcomes;
  std::size_t total = 0;
  std::size_t with_year = 0, with_year_pass = 0;  // time: the expected year is written in the text
  std::size_t spanned = 0;                        // not targeted: a record of ours spans the text
  std::size_t unit_notes = 0;
  void add(Outcome o) {
    ++outcomes[o];
    ++total;
  }
  std::size_t count(Outcome o) const {
    auto it = outcomes.find(o);
    return it == outcomes.end() ? 0 : it->second;
  }
};

}  // namespace

int run_duckling(const Options& options) {
  const std::string& path = options.args[0];
  std::shared_ptr<const PackSet> packs = load_configured_packs(options);
  if (!packs) return 2;
  bool ok = true;
  std::optional<std::vector<JsonLine>> lines = read_jsonl(path, ok);
  if (!lines) return 2;

  std::map<std::pair<std::string, std::string>, Tally> by_dimension;  // (lang, dimension)
  std::map<std::pair<std::string, std::string>, Tally> by_grain;      // (lang, grain), time only
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> misses;
  std::map<std::pair<std::string, std::string>, Extractor> extractors;  // (lang, reference date)

  for (const JsonLine& line : *lines) {
    const Json& ex = line.value;
    std::optional<std::string> lang = get_string(ex, "lang"), dimension = get_string(ex, "dimension"),
                               text = get_string(ex, "text");
    const bool negative = get_bool(ex, "negative");
    const Json expected = member(ex, "expected");
    if (!lang || !dimension || !text || (!negative && !expected.is_object())) {
      report(path + ": line " + std::to_string(line.line) + ": needs lang, dimension, text and expected; example skipped");
      ok = false;
      continue;
    }
    if (!options.lang.empty() && *lang != options.lang) continue;

    // Relative times ("오늘", "3월 1일", "năm ngoái") resolve against the example's own "now";
    // only its date matters to the grains we target.
    const std::string ref_date = get_string(ex, "reference_time").value_or("").substr(0, 10);
    std::optional<CalendarDate> ref = CalendarDate::parse(ref_date);
    if (!ref_date.empty() && !ref) {
      report(path + ": line " + std::to_string(line.line) + ": reference_time '" + ref_date +
             "' is not a date; the example is scored without one");
      ok = false;
    }
    auto it = extractors.find({*lang, ref_date});
    if (it == extractors.end()) {
      it = extractors.emplace(std::make_pair(*lang, ref_date), make_extractor(packs, *lang, ref)).first;
    }
    Predictions ours = extract(it->second, *text);

    // The text a record must cover, in code points: the example less what RECORD.md keeps out
    // of a figure's span (surrounding white space, a closing particle or full stop, and the
    // product Duckling names, which is our subject).
    const Span whole = figure_part(*text, get_string(expected, "product").value_or(""));
    std::vector<const Json*> spanning;
    for (const Json& r : ours) {
      std::optional<Span> s = record_span(r);
      if (s && covers(*s, whole)) spanning.push_back(&r);
    }

    const std::string grain = *dimension == "time" ? (negative ? "negative" : time_grain(expected)) : "";
    const bool targeted = *dimension != "time" || negative || targeted_grain(grain);
    Verdict v;
    if (negative) {
      v.outcome = ours.empty() ? Outcome::kPass : Outcome::kUnexpected;
    } else if (!targeted) {
      v.outcome = Outcome::kNotTargeted;
    } else if (ours.empty()) {
      v.outcome = Outcome::kNothing;
    } else if (spanning.empty()) {
      v.outcome = Outcome::kPartial;
    } else if (spanning.size() > 1) {
      v.outcome = Outcome::kSeveral;
    } else {
      v = check_example(*dimension, expected, *spanning.front());
    }

    Tally& d = by_dimension[{*lang, *dimension}];
    if (targeted) d.add(v.outcome);
    if (!v.note.empty()) {
      ++d.unit_notes;
      misses[{*lang, *dimension}].push_back("`" + *text + "`: passed on value; " + v.note);
    }
    if (*dimension == "time") {
      Tally& g = by_grain[{*lang, grain}];
      g.add(v.outcome);
      if (!spanning.empty()) ++g.spanned;
      // Whether the year is written decides whether a reference date is needed at all.
      std::string value = get_string(expected, "value").value_or("");
      if (value.empty()) value = get_string(member(expected, "from"), "value").value_or("");
      if (value.empty()) value = get_string(member(expected, "to"), "value").value_or("");
      if (value.size() >= 4 && text->find(value.substr(0, 4)) != std::string::npos) {
        ++g.with_year;
        if (v.outcome == Outcome::kPass) ++g.with_year_pass;
      }
    }
    if (targeted && v.outcome != Outcome::kPass) {
      std::string got;
      for (const Json& r : ours) got += (got.empty() ? "" : "; ") + describe(r);
      misses[{*lang, *dimension}].push_back("`" + *text + "`: " + outcome_name(v.outcome) + "; expected " +
                                            (negative ? std::string("nothing") : expected.dump()) +
                                            "; ours: " + (got.empty() ? "nothing" : got));
    }
  }

  const std::string ref_note =
      "Reference dates: each example's reference_time (its date) is passed as ExtractOptions::ref_date. "
      "'year unresolved': our date is right but for the year, which it left out (--MM-DD).";

  if (options.json) {
    OrderedJson out = {{"mode", "duckling"}, {"peers", path}};
    auto tally_json = [](const Tally& t) {
      OrderedJson j = {{"examples", t.total}, {"pass", t.count(Outcome::kPass)}, {"rate", rate(t.count(Outcome::kPass), t.total)}};
      for (Outcome o : kFailures) j[outcome_key(o)] = t.count(o);
      return j;
    };
    for (const auto& [key, t] : by_dimension) {
      OrderedJson j = tally_json(t);
      if (t.unit_notes > 0) j["unit_written_differently"] = t.unit_notes;
      out["dimensions"][key.first][key.second] = j;
    }
    for (const auto& [key, t] : by_grain) {
      OrderedJson j = tally_json(t);
      j["targeted"] = key.second == "negative" || targeted_grain(key.second);
      j["year_in_text"] = {{"examples", t.with_year}, {"pass", t.with_year_pass}};
      j["a_record_spans_it"] = t.spanned;
      out["time_grains"][key.first][key.second] = j;
    }
    std::cout << out.dump(2) << '\n';
    return ok ? 0 : 2;
  }

  std::cout << "## sosu_eval duckling: " << path << "\n\n" << ref_note << "\n\n";
  Table dims({"lang", "dimension", "pass", "no record", "no record spans the text", "wrong kind", "wrong value",
              "year unresolved", "other"});
  // "other": several records spanning the text, or a record in the negative example.
  auto dim_row = [&](const std::string& lang, const std::string& name, const Tally& t) {
    dims.add({lang, name, fraction(t.count(Outcome::kPass), t.total), std::to_string(t.count(Outcome::kNothing)),
              std::to_string(t.count(Outcome::kPartial)), std::to_string(t.count(Outcome::kWrongKind)),
              std::to_string(t.count(Outcome::kWrongValue)), std::to_string(t.count(Outcome::kYearUnresolved)),
              std::to_string(t.count(Outcome::kSeveral) + t.count(Outcome::kUnexpected))});
  };
  std::map<std::string, Tally> lang_totals;
  for (const auto& [key, t] : by_dimension) {
    const std::string name = key.second == "time" ? "time (day/month/quarter/year)" : key.second;
    dim_row(key.first, name, t);
    Tally& sum = lang_totals[key.first];
    for (const auto& [o, n] : t.outcomes) {
      sum.outcomes[o] += n;
      sum.total += n;
    }
  }
  for (const auto& [lang, t] : lang_totals) {
    dim_row(lang, "all targeted", t);
  }
  std::cout << "Pass rate by language and dimension (time: only grains day, month, quarter, year, and the negative "
               "example):\n\n"
            << dims.markdown() << '\n';

  Table grains({"lang", "grain", "examples", "pass", "year written in the text: pass", "year unresolved",
                "a record spans the text"});
  for (const auto& [key, t] : by_grain) {
    const bool targeted = key.second == "negative" || targeted_grain(key.second);
    grains.add({key.first, key.second, std::to_string(t.total),
                targeted ? fraction(t.count(Outcome::kPass), t.total) : "not targeted",
                targeted && key.second != "negative" ? std::to_string(t.with_year_pass) + "/" + std::to_string(t.with_year) : "–",
                targeted ? std::to_string(t.count(Outcome::kYearUnresolved)) : "–", std::to_string(t.spanned)});
  }
  std::cout << "Time by grain (value and interval examples together):\n\n" << grains.markdown();
  for (const auto& [key, t] : by_dimension) {
    if (t.unit_notes > 0) {
      std::cout << "\n" << key.first << " " << key.second << ": " << t.unit_notes
                << " passed on value with the unit written differently from Duckling's name for it.";
    }
  }
  std::cout << '\n';

  if (options.misses > 0) {
    for (const auto& [key, list] : misses) {
      std::cout << "\nMisses, " << key.first << " " << key.second << " (" << shown_of(options.misses, list.size()) << "):\n";
      for (std::size_t i = 0; i < list.size() && i < options.misses; ++i) std::cout << "- " << list[i] << '\n';
    }
  }
  return ok ? 0 : 2;
}

}  // namespace sosu::eval
