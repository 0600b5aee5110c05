// Numerals: digits with group and decimal marks, scale words and number words, parsed
// into exact decimals. The words and marks of each language come from its pattern pack
// (patterns/<lang>/numerals.xml), not from code.
//
//   sosu::NumeralSyntax ko;  // decimal '.', group ','
//   ko.large_scales = {{"만", 10000}, {"억", 100000000}, {"조", 1000000000000}};
//   sosu::parse_numeral("4987만3105", ko)->to_string();   // "49873105"
#ifndef SOSU_NUMERAL_H_
#define SOSU_NUMERAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sosu {

// An exact decimal: coefficient / 10^scale. Nothing is ever rounded.
struct Decimal {
  std::int64_t coefficient = 0;
  int scale = 0;  // digits after the decimal point, trailing zeros removed

  bool is_integer() const { return scale == 0; }
  // The same value with the trailing zeros of its decimals removed: 2.50 -> 2.5, 3.0 -> 3.
  Decimal normalized() const {
    Decimal d = *this;
    while (d.scale > 0 && d.coefficient % 10 == 0) {
      d.coefficient /= 10;
      --d.scale;
    }
    return d;
  }
  double to_double() const;
  // "4925", "91.7", "-1862", "0.05"
  std::string to_string() const;
  friend bool operator==(const Decimal& a, const Decimal& b) {
    return a.coefficient == b.coefficient && a.scale == b.scale;
  }
};

// Parses "4,925", "91.7", "-3.5" and the like with the given marks; nullopt when malformed.
std::optional<Decimal> parse_decimal(std::string_view text, char decimal_mark, char group_mark);

struct NumeralSyntax {
  char decimal_mark = '.';
  char group_mark = ',';
  // The language writes numbers both ways (Vietnamese press: 4.925 and, in some documents,
  // 4,925): each document's marks are inferred from its unambiguous numbers.
  bool infer_marks = false;
  // Words for digits and numbers that add up (일 1, 열 10, hai 2, lăm 5, linh 0).
  std::vector<std::pair<std::string, std::int64_t>> digit_words;
  // Scales that multiply the number before them within a section (십 10, 백, 천; mươi, trăm).
  std::vector<std::pair<std::string, std::int64_t>> small_scales;
  // Scales that close a section (만 10^4, 억 10^8, 조 10^12; nghìn 10^3, triệu, tỷ).
  std::vector<std::pair<std::string, std::int64_t>> large_scales;
  // Words for the decimal point (점, 쩜; phẩy): the digit words after one are decimals (일점이삼 1.23).
  std::vector<std::string> point_words;
  // Words that mark an amount as approximate inside a numeral (3억7천여만원): skipped, and the
  // result says it was approximate.
  std::vector<std::string> approximate_words;
  // Ones that may follow a digit word with the ten left unsaid (Vietnamese hai mốt 21, ba
  // lăm 35, bốn tư 44): the digit word before counts tens.
  std::vector<std::pair<std::string, std::int64_t>> ones_after_tens;
  // Words for a half of the scale word just before them (hai nghìn rưỡi 2500, 2 tỷ rưỡi).
  std::vector<std::string> half_words;
  // A lone digit right after a scale of a hundred or more, ending the number, counts one
  // place lower (Vietnamese: một trăm hai 120, hai nghìn ba 2300, 7 triệu 5 7500000).
  bool short_tail = false;
};

struct ParsedNumeral {
  Decimal value;
  std::optional<int> decimals;  // digits printed after the decimal mark, when there was one
  bool approximate = false;     // an approximate_words entry stood inside the numeral
};

// Parses a numeral span captured by a rule: digit runs, number words and scale words in any
// mix ("12조4307억", "1,5 tỷ", "이천이십", "hai mươi lăm"), white space between parts allowed,
// or a Roman numeral ("XIII").
// Returns nullopt when a part is not a numeral or the value does not fit in 63 bits.
std::optional<ParsedNumeral> parse_numeral(std::string_view text, const NumeralSyntax& syntax);

}  // namespace sosu

#endif  // SOSU_NUMERAL_H_
