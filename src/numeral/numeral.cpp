// Numeral parsing: one left-to-right pass in the East Asian style that Korean and Vietnamese
// share. A section accumulates digits and small scales (이천이십 = 2×1000 + 2×10); a large
// scale closes the section and multiplies it (4987만3105 = 4987×10^4 + 3105).
#include "sosu/numeral.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace sosu {
namespace {

__extension__ typedef __int128 Wide;  // room for a value times a scale before the range check
constexpr Wide kMax = std::numeric_limits<std::int64_t>::max();

Wide pow10(int n) {
  Wide p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

// A decimal kept wide while it is being built.
struct WideDecimal {
  Wide coefficient = 0;
  int scale = 0;

  void normalize() {
    while (scale > 0 && coefficient % 10 == 0) {
      coefficient /= 10;
      --scale;
    }
  }
  bool fits() const { return coefficient <= kMax && coefficient >= -kMax; }
};

WideDecimal add(WideDecimal a, WideDecimal b) {
  int scale = std::max(a.scale, b.scale);
  WideDecimal r{a.coefficient * pow10(scale - a.scale) + b.coefficient * pow10(scale - b.scale), scale};
  r.normalize();
  return r;
}

WideDecimal times(WideDecimal a, std::int64_t factor) {
  WideDecimal r{a.coefficient * factor, a.scale};
  r.normalize();
  return r;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The size of the first of `words` that text starts with, 0 if none.
std::size_t starting_word(std::string_view text, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (!w.empty() && text.substr(0, w.size()) == w) return w.size();
  }
  return 0;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The longest table word that starts text, or nullptr. A word of Latin letters must end there:
// the scale K of "10K" is not the k of "không".
const std::pair<std::string, std::int64_t>* longest_word(
    std::string_view text, const std::vector<std::pair<std::string, std::int64_t>>& words) {
  const std::pair<std::string, std::int64_t>* best = nullptr;
  for (const auto& w : words) {
    if (text.substr(0, w.first.size()) != w.first) continue;
    if (!w.first.empty() && is_ascii_letter(w.first.back()) && text.size() > w.first.size() &&
        (is_ascii_letter(text[w.first.size()]) || (static_cast<unsigned char>(text[w.first.size()]) & 0x80) != 0)) {
      continue;
    }
    if (best == nullptr || w.first.size() > best->first.size()) {
      best = &w;
    }
  }
  return best;
}

}  // namespace

double Decimal::to_double() const {
  return static_cast<double>(coefficient) / static_cast<double>(pow10(scale));
}

std::string Decimal::to_string() const {
  std::string digits = std::to_string(coefficient < 0 ? -coefficient : coefficient);
  if (scale > 0) {
    std::size_t s = static_cast<std::size_t>(scale);
    if (digits.size() <= s) digits.insert(0, s - digits.size() + 1, '0');
    digits.insert(digits.size() - s, ".");
  }
  return coefficient < 0 ? "-" + digits : digits;
}

std::optional<Decimal> parse_decimal(std::string_view text, char decimal_mark, char group_mark) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || !is_digit(text[0])) return std::nullopt;
  Wide coefficient = 0;
  int scale = 0;
  bool in_fraction = false;
  std::size_t digits_since_group = 0;
  bool grouped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_digit(c)) {
      coefficient = coefficient * 10 + (c - '0');
      if (coefficient > kMax) return std::nullopt;
      if (in_fraction && ++scale > 18) return std::nullopt;  // beyond int64 precision anyway
      ++digits_since_group;
    } else if (c == group_mark && !in_fraction) {
      // A group mark is followed by exactly three digits, and the first group has 1-3.
      if ((grouped && digits_since_group != 3) || (!grouped && digits_since_group > 3)) return std::nullopt;
      if (i + 3 >= text.size()) return std::nullopt;
      grouped = true;
      digits_since_group = 0;
    } else if (c == decimal_mark && !in_fraction) {
      if (grouped && digits_since_group != 3) return std::nullopt;
      if (i + 1 >= text.size() || !is_digit(text[i + 1])) return std::nullopt;
      in_fraction = true;
      grouped = false;
      digits_since_group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (grouped && digits_since_group != 3) return std::nullopt;
  WideDecimal d{negative ? -coefficient : coefficient, scale};
  d.normalize();
  return Decimal{static_cast<std::int64_t>(d.coefficient), d.scale};
}

namespace {

// Roman numerals name party congresses and quarters (khóa XIII, quý IV): I V X L C D M.
std::optional<std::int64_t> parse_roman(std::string_view text) {
  auto value_of = [](char c) -> int {
    switch (c) {
      case 'I': return 1; case 'V': return 5; case 'X': return 10; case 'L': return 50;
      case 'C': return 100; case 'D': return 500; case 'M': return 1000; default: return 0;
    }
  };
  if (text.empty() || text.size() > 15) return std::nullopt;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    int v = value_of(text[i]);
    if (v == 0) return std::nullopt;
    int next = i + 1 < text.size() ? value_of(text[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  return total > 0 ? std::optional<std::int64_t>(total) : std::nullopt;
}

}  // namespace

std::optional<ParsedNumeral> parse_numeral(std::string_view text, const NumeralSyntax& syntax) {
  if (auto roman = parse_roman(text)) return ParsedNumeral{Decimal{*roman, 0}, std::nullopt};
  WideDecimal total, section, current;
  bool have_current = false, have_any = false;
  std::int64_t last_large = 0;
  bool after_large = false;  // the last part was a large scale word
  bool after_digit_word = false;  // the last part was a digit word (hai, 삼)
  std::int64_t scale_before = 0;  // the scale word the last part followed directly, if any
  std::int64_t last_scale = 0;    // the last part's value when it was a scale word
  std::int64_t tail_digit = -1;   // the last part, when a lone digit right after a scale ≥ 100
  bool after_half = false;        // the last part was a half word: only a larger scale may follow
  bool approximate = false;
  std::optional<int> decimals;
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }

  while (!text.empty()) {
    char c = text[0];
    if (c == ' ') {
      text.remove_prefix(1);
      continue;
    }
    const bool prev_digit_word = after_digit_word;
    after_digit_word = false;
    scale_before = last_scale;
    last_scale = 0;
    tail_digit = -1;
    const bool prev_half = after_half;
    after_half = false;
    if (prev_half) {
      const auto* w = longest_word(text, syntax.large_scales);
      if (w == nullptr || w->second <= last_large) return std::nullopt;
    }
    // A number may open with its decimal mark: ",77" in Vietnamese, ".345" (a batting average).
    const bool opens_with_mark = c == syntax.decimal_mark && !have_any && text.size() > 1 && is_digit(text[1]);
    if (is_digit(c) || opens_with_mark) {
      std::size_t n = opens_with_mark ? 1 : 0;
      while (n < text.size() && (is_digit(text[n]) ||
                                 ((text[n] == syntax.decimal_mark || text[n] == syntax.group_mark) &&
                                  n + 1 < text.size() && is_digit(text[n + 1])))) {
        ++n;
      }
      std::string_view run = text.substr(0, n);
      std::optional<Decimal> d = parse_decimal(opens_with_mark ? "0" + std::string(run) : run, syntax.decimal_mark,
                                               syntax.group_mark);
      if (!d) return std::nullopt;
      std::size_t mark = run.find(syntax.decimal_mark);
      if (mark != std::string_view::npos) decimals = static_cast<int>(run.size() - mark - 1);
      current = add(current, WideDecimal{d->coefficient, d->scale});
      have_current = have_any = true;
      after_large = false;
      if (n == 1 && scale_before >= 100) tail_digit = text[0] - '0';
      text.remove_prefix(n);
      continue;
    }
    if (const auto* w = longest_word(text, syntax.large_scales)) {
      // A larger scale after a smaller one multiplies everything so far (một trăm nghìn tỷ);
      // a scale alone counts one of it (만 = 10000), but not right after another scale.
      const bool empty_section = !have_current && section.coefficient == 0;
      WideDecimal unit = add(section, have_current ? current : WideDecimal{empty_section && !after_large ? 1 : 0, 0});
      if (last_large != 0 && w->second > last_large) {
        total = times(add(total, unit), w->second);
      } else {
        total = add(total, times(unit, w->second));
      }
      last_large = w->second;
      last_scale = w->second;
      section = current = WideDecimal{};
      have_current = false;
      have_any = true;
      after_large = true;
      text.remove_prefix(w->first.size());
      if (!total.fits()) return std::nullopt;
      continue;
    }
    if (std::size_t len = starting_word(text, syntax.half_words); len > 0) {
      // Half of the scale just before: of the section's hundred (trăm rưỡi), else of the
      // large scale that closed the total (hai nghìn rưỡi).
      if (scale_before < 100) return std::nullopt;
      const WideDecimal half{scale_before * 5, 1};
      if (after_large) {
        total = add(total, half);
      } else {
        section = add(section, half);
      }
      after_half = true;
      text.remove_prefix(len);
      continue;
    }
    if (std::size_t len = starting_word(text, syntax.approximate_words); len > 0 && have_any) {
      approximate = true;
      text.remove_prefix(len);
      continue;
    }
    after_large = false;
    if (std::size_t len = starting_word(text, syntax.point_words); len > 0 && have_current) {
      // 일점이삼, một chấm ba: each digit word after the point is one decimal digit, and so
      // is each digit of a run (2 chấm 23).
      text.remove_prefix(len);
      WideDecimal fraction{0, 0};
      int digits = 0;
      auto push_digit = [&](int digit) {
        fraction.coefficient = fraction.coefficient * 10 + digit;
        fraction.scale = ++digits;
      };
      while (!text.empty()) {
        if (text[0] == ' ') {
          text.remove_prefix(1);
          continue;
        }
        if (digits >= 18) return std::nullopt;
        if (is_digit(text[0])) {
          push_digit(text[0] - '0');
          text.remove_prefix(1);
          continue;
        }
        const auto* d = longest_word(text, syntax.digit_words);
        if (d == nullptr || d->second > 9) return std::nullopt;
        push_digit(static_cast<int>(d->second));
        text.remove_prefix(d->first.size());
      }
      if (digits == 0) return std::nullopt;
      decimals = digits;
      fraction.normalize();
      current = add(current, fraction);
      continue;
    }
    if (const auto* s = longest_word(text, syntax.small_scales)) {
      section = add(section, times(have_current ? current : WideDecimal{1, 0}, s->second));
      current = WideDecimal{};
      have_current = false;
      have_any = true;
      last_scale = s->second;
      text.remove_prefix(s->first.size());
    } else if (const auto* d = longest_word(text, syntax.digit_words)) {
      // A unit word after a unit word makes no number (ba bốn người, 사오천원: "three or four");
      // after a zero (một trăm linh năm) or a native ten (열두, 서른다섯) it adds, and after
      // a digit word of two to nine a ones word of ones_after_tens makes tens and ones.
      if (prev_digit_word && current.coefficient % 10 != 0) {
        const auto* ones = longest_word(text, syntax.ones_after_tens);
        if (ones == nullptr || current.scale != 0 || current.coefficient < 2 || current.coefficient > 9) {
          return std::nullopt;
        }
        current = WideDecimal{current.coefficient * 10 + ones->second, 0};
        text.remove_prefix(ones->first.size());
        after_digit_word = true;
        continue;
      }
      current = add(current, WideDecimal{d->second, 0});
      have_current = have_any = true;
      if (scale_before >= 100 && d->second >= 1 && d->second <= 9) tail_digit = d->second;
      text.remove_prefix(d->first.size());
      after_digit_word = true;
      continue;
    } else {
      return std::nullopt;
    }
    if (!total.fits() || !section.fits() || !current.fits()) return std::nullopt;
  }
  if (!have_any) return std::nullopt;
  if (syntax.short_tail && tail_digit > 0) current = WideDecimal{tail_digit * (scale_before / 10), 0};
  WideDecimal value = add(add(total, section), current);
  if (negative) value.coefficient = -value.coefficient;
  if (!value.fits()) return std::nullopt;
  return ParsedNumeral{Decimal{static_cast<std::int64_t>(value.coefficient), value.scale}, decimals, approximate};
}

}  // namespace sosu
