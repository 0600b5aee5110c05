// Numeral properties over generated input: a deliberately naive reference parser checks
// parse_decimal on grouped digit strings, format-then-parse round-trips for Korean ("4,925")
// and Vietnamese ("4.925") grouping, and scaled Korean forms match their arithmetic value.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "sosu/numeral.h"

namespace sosu {

// Failure messages show a Decimal as its value (internal linkage: other tests may print it too).
static void PrintTo(const Decimal& d, std::ostream* os) { *os << d.to_string() << " (scale " << d.scale << ")"; }

namespace {

constexpr std::uint64_t kSeed = 20240616;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

NumeralSyntax korean() {
  NumeralSyntax s;
  s.decimal_mark = '.';
  s.group_mark = ',';
  s.large_scales = {{"만", 10000}, {"억", 100000000}, {"조", 1000000000000}};
  s.small_scales = {{"십", 10}, {"백", 100}, {"천", 1000}};
  s.digit_words = {{"일", 1}, {"이", 2}, {"삼", 3}, {"사", 4}, {"오", 5}, {"육", 6}, {"칠", 7}, {"팔", 8}, {"구", 9}};
  return s;
}

NumeralSyntax vietnamese() {
  NumeralSyntax s;
  s.decimal_mark = ',';
  s.group_mark = '.';
  s.large_scales = {{"nghìn", 1000}, {"triệu", 1000000}, {"tỷ", 1000000000}};
  s.small_scales = {{"mươi", 10}, {"mười", 10}, {"trăm", 100}};
  s.digit_words = {{"một", 1}, {"hai", 2}, {"ba", 3}, {"bốn", 4}, {"năm", 5},
                   {"sáu", 6}, {"bảy", 7}, {"tám", 8}, {"chín", 9}, {"linh", 0}};
  return s;
}

// The reference: split at the group mark, check the group sizes by hand, then add up the
// digits one by one. No cleverness, so that it is easy to believe.
std::optional<std::int64_t> reference_parse_grouped(std::string_view text, char group_mark) {
  std::vector<std::string> groups(1);
  for (char c : text) {
    if (c == group_mark) {
      groups.emplace_back();
    } else if (c >= '0' && c <= '9') {
      groups.back() += c;
    } else {
      return std::nullopt;
    }
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].empty()) return std::nullopt;
    if (groups.size() > 1 && i == 0 && groups[i].size() > 3) return std::nullopt;
    if (i > 0 && groups[i].size() != 3) return std::nullopt;
  }
  std::int64_t value = 0;
  for (const std::string& g : groups) {
    for (char c : g) {
      std::int64_t digit = c - '0';
      if (value > (kMax - digit) / 10) return std::nullopt;
      value = value * 10 + digit;
    }
  }
  return value;
}

// 4925 -> "4,925" (Korean) or "4.925" (Vietnamese).
std::string format_grouped(std::int64_t n, char group_mark) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += group_mark;
    out += digits[i];
  }
  return out;
}

// Non-negative integers spread over every length from 1 to 19 digits.
std::int64_t random_integer(std::mt19937_64& rng) {
  int digits = std::uniform_int_distribution<int>(1, 19)(rng);
  std::int64_t high = 1;
  for (int i = 0; i < digits; ++i) high = high > kMax / 10 ? kMax : high * 10;
  return std::uniform_int_distribution<std::int64_t>(0, high == kMax ? kMax : high - 1)(rng);
}

TEST(NumeralProperty, ReferenceParserAgreesOnHandPickedStrings) {
  EXPECT_EQ(reference_parse_grouped("4,925", ','), std::optional<std::int64_t>(4925));
  EXPECT_EQ(reference_parse_grouped("4925", ','), std::optional<std::int64_t>(4925));
  EXPECT_EQ(reference_parse_grouped("4,92", ','), std::nullopt);
  EXPECT_EQ(reference_parse_grouped("1234,567", ','), std::nullopt);
  EXPECT_EQ(reference_parse_grouped("9,223,372,036,854,775,807", ','), std::optional<std::int64_t>(kMax));
  EXPECT_EQ(reference_parse_grouped("9,223,372,036,854,775,808", ','), std::nullopt);
  EXPECT_EQ(format_grouped(4925, ','), "4,925");
  EXPECT_EQ(format_grouped(1234567, '.'), "1.234.567");
  EXPECT_EQ(format_grouped(123, ','), "123");
  EXPECT_EQ(format_grouped(0, ','), "0");
}

TEST(NumeralProperty, FormatThenParseRoundTripsKoreanAndVietnameseGrouping) {
  std::mt19937_64 rng(kSeed);
  const NumeralSyntax ko = korean();
  const NumeralSyntax vi = vietnamese();
  std::vector<std::int64_t> values = {0, 1, 999, 1000, 4925, 999999, 1000000, kMax, kMax - 1};
  for (int i = 0; i < 20000; ++i) values.push_back(random_integer(rng));
  for (std::int64_t n : values) {
    const std::string ko_text = format_grouped(n, ',');
    const std::string vi_text = format_grouped(n, '.');
    const Decimal expected{n, 0};
    ASSERT_EQ(parse_decimal(ko_text, '.', ','), std::optional<Decimal>(expected)) << ko_text;
    ASSERT_EQ(parse_decimal(vi_text, ',', '.'), std::optional<Decimal>(expected)) << vi_text;
    std::optional<ParsedNumeral> ko_parsed = parse_numeral(ko_text, ko);
    ASSERT_TRUE(ko_parsed.has_value()) << ko_text;
    ASSERT_EQ(ko_parsed->value, expected) << ko_text;
    ASSERT_FALSE(ko_parsed->decimals.has_value()) << ko_text;
    std::optional<ParsedNumeral> vi_parsed = parse_numeral(vi_text, vi);
    ASSERT_TRUE(vi_parsed.has_value()) << vi_text;
    ASSERT_EQ(vi_parsed->value, expected) << vi_text;
    // The digits without marks parse the same.
    ASSERT_EQ(parse_decimal(std::to_string(n), '.', ','), std::optional<Decimal>(expected)) << n;
    // And so does the negative.
    ASSERT_EQ(parse_decimal("-" + ko_text, '.', ','), std::optional<Decimal>(Decimal{-n, 0})) << ko_text;
  }
}

TEST(NumeralProperty, ParseDecimalAgreesWithTheReferenceOnRandomDigitStrings) {
  std::mt19937_64 rng(kSeed + 1);
  const std::string alphabet = "0123456789,,,";  // group marks often enough to make groups
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(1, 26);
  int accepted = 0, rejected = 0;
  for (int i = 0; i < 50000; ++i) {
    std::string text;
    int len = length(rng);
    for (int k = 0; k < len; ++k) text += alphabet[pick(rng)];
    std::optional<std::int64_t> expected = reference_parse_grouped(text, ',');
    std::optional<Decimal> got = parse_decimal(text, '.', ',');
    ASSERT_EQ(got.has_value(), expected.has_value()) << "'" << text << "'";
    if (expected) {
      ++accepted;
      ASSERT_EQ(got->coefficient, *expected) << "'" << text << "'";
      ASSERT_EQ(got->scale, 0) << "'" << text << "'";
    } else {
      ++rejected;
    }
    // The same string with Vietnamese marks behaves the same.
    std::string vi_text = text;
    for (char& c : vi_text) c = c == ',' ? '.' : c;
    std::optional<Decimal> vi_got = parse_decimal(vi_text, ',', '.');
    ASSERT_EQ(vi_got.has_value(), expected.has_value()) << "'" << vi_text << "'";
    if (expected) {
      ASSERT_EQ(vi_got->coefficient, *expected) << "'" << vi_text << "'";
    }
  }
  // The generator reaches both sides of the property.
  EXPECT_GT(accepted, 5000);
  EXPECT_GT(rejected, 5000);
}

TEST(NumeralProperty, DecimalToStringThenParseRoundTrips) {
  std::mt19937_64 rng(kSeed + 2);
  std::uniform_int_distribution<int> scale_of(0, 8);
  for (int i = 0; i < 20000; ++i) {
    Decimal d{random_integer(rng) * ((i % 2 != 0) ? -1 : 1), scale_of(rng)};
    while (d.scale > 0 && d.coefficient % 10 == 0) {  // to_string's input is normalised
      d.coefficient /= 10;
      --d.scale;
    }
    const std::string text = d.to_string();
    ASSERT_EQ(parse_decimal(text, '.', ','), std::optional<Decimal>(d)) << text;
  }
}

// "AAAA조BBBB억CCCC만DDDD" with zero parts left out, as news text writes them; a part may
// carry a group mark ("1,234억") and parts may be separated by a space.
TEST(NumeralProperty, KoreanScaledFormsMatchTheirArithmeticValue) {
  std::mt19937_64 rng(kSeed + 3);
  std::uniform_int_distribution<std::int64_t> part(0, 9999);
  std::uniform_int_distribution<int> coin(0, 3);
  const NumeralSyntax ko = korean();
  const char* const scale_words[] = {"조", "억", "만", ""};
  const std::int64_t scales[] = {1000000000000, 100000000, 10000, 1};
  for (int i = 0; i < 20000; ++i) {
    std::int64_t parts[4];
    for (std::int64_t& p : parts) p = coin(rng) == 0 ? 0 : part(rng);
    std::int64_t value = 0;
    std::string text;
    for (int k = 0; k < 4; ++k) {
      if (parts[k] == 0) continue;
      value += parts[k] * scales[k];
      if (!text.empty() && coin(rng) == 0) text += ' ';
      text += coin(rng) == 0 ? format_grouped(parts[k], ',') : std::to_string(parts[k]);
      text += scale_words[k];
    }
    if (text.empty()) continue;
    std::optional<ParsedNumeral> parsed = parse_numeral(text, ko);
    ASSERT_TRUE(parsed.has_value()) << text;
    ASSERT_EQ(parsed->value, (Decimal{value, 0})) << text << " should be " << value;
  }
}

// A section below 10^4 in Korean number words: 2345 -> "이천삼백사십오", 1000 -> "천" or "일천".
std::string korean_section_words(std::int64_t n, std::mt19937_64& rng) {
  static const char* const digit_words[] = {"", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
  static const char* const small_scales[] = {"천", "백", "십", ""};
  static const std::int64_t powers[] = {1000, 100, 10, 1};
  std::string out;
  for (int k = 0; k < 4; ++k) {
    std::int64_t d = (n / powers[k]) % 10;
    if (d == 0) continue;
    bool bare_scale = k < 3 && d == 1 && std::uniform_int_distribution<int>(0, 1)(rng) == 0;
    if (!bare_scale) out += digit_words[d];
    out += small_scales[k];
  }
  return out;
}

TEST(NumeralProperty, KoreanNumberWordsMatchTheirArithmeticValue) {
  std::mt19937_64 rng(kSeed + 4);
  std::uniform_int_distribution<std::int64_t> part(1, 9999);
  std::uniform_int_distribution<int> coin(0, 2);
  const NumeralSyntax ko = korean();
  const char* const scale_words[] = {"조", "억", "만", ""};
  const std::int64_t scales[] = {1000000000000, 100000000, 10000, 1};
  for (int i = 0; i < 20000; ++i) {
    std::int64_t value = 0;
    std::string text;
    for (int k = 0; k < 4; ++k) {
      if (coin(rng) == 0) continue;
      std::int64_t p = part(rng);
      value += p * scales[k];
      // Words or digits per section, as in "3천억" or "이천이십".
      text += coin(rng) == 0 ? std::to_string(p) : korean_section_words(p, rng);
      text += scale_words[k];
    }
    if (text.empty()) continue;
    std::optional<ParsedNumeral> parsed = parse_numeral(text, ko);
    ASSERT_TRUE(parsed.has_value()) << text;
    ASSERT_EQ(parsed->value, (Decimal{value, 0})) << text << " should be " << value;
  }
}

// "X tỷ Y triệu Z nghìn W" with each section grouped Vietnamese-style and zero parts left out.
TEST(NumeralProperty, VietnameseScaledFormsMatchTheirArithmeticValue) {
  std::mt19937_64 rng(kSeed + 5);
  std::uniform_int_distribution<std::int64_t> part(1, 999);
  std::uniform_int_distribution<std::int64_t> billions(1, 999999);
  std::uniform_int_distribution<int> coin(0, 2);
  const NumeralSyntax vi = vietnamese();
  const char* const scale_words[] = {" tỷ", " triệu", " nghìn", ""};
  const std::int64_t scales[] = {1000000000, 1000000, 1000, 1};
  for (int i = 0; i < 20000; ++i) {
    std::int64_t value = 0;
    std::string text;
    for (int k = 0; k < 4; ++k) {
      if (coin(rng) == 0) continue;
      std::int64_t p = k == 0 ? billions(rng) : part(rng);
      value += p * scales[k];
      if (!text.empty()) text += ' ';
      text += format_grouped(p, '.');
      text += scale_words[k];
    }
    if (text.empty()) continue;
    std::optional<ParsedNumeral> parsed = parse_numeral(text, vi);
    ASSERT_TRUE(parsed.has_value()) << text;
    ASSERT_EQ(parsed->value, (Decimal{value, 0})) << text << " should be " << value;
  }
}

// "a,b tỷ" and "a.b억": one decimal digit times a scale is exact.
TEST(NumeralProperty, DecimalTimesScaleIsExact) {
  std::mt19937_64 rng(kSeed + 6);
  std::uniform_int_distribution<std::int64_t> whole(0, 99999);
  std::uniform_int_distribution<std::int64_t> tenth(1, 9);
  const NumeralSyntax ko = korean();
  const NumeralSyntax vi = vietnamese();
  for (int i = 0; i < 5000; ++i) {
    std::int64_t a = whole(rng), b = tenth(rng);
    std::int64_t expected_vi = a * 1000000000 + b * 100000000;
    std::optional<ParsedNumeral> v = parse_numeral(format_grouped(a, '.') + "," + std::to_string(b) + " tỷ", vi);
    ASSERT_TRUE(v.has_value()) << a << "," << b << " tỷ";
    ASSERT_EQ(v->value, (Decimal{expected_vi, 0})) << a << "," << b << " tỷ";
    ASSERT_EQ(v->decimals, std::optional<int>(1));

    std::int64_t expected_ko = a * 100000000 + b * 10000000;
    std::optional<ParsedNumeral> k = parse_numeral(format_grouped(a, ',') + "." + std::to_string(b) + "억", ko);
    ASSERT_TRUE(k.has_value()) << a << "." << b << "억";
    ASSERT_EQ(k->value, (Decimal{expected_ko, 0})) << a << "." << b << "억";
  }
}

}  // namespace
}  // namespace sosu
