// Checking published figures: the arithmetic a document states about its own numbers (totals
// and their parts, shares, changes, shares that make 100%), and the figures of two documents
// side by side (a source and its translation, a release and the story about it).
//
//   std::vector<sosu::Figure> figures = ...;   // extracted with ExtractOptions::with_sentence_text
//   for (const sosu::Finding& f : sosu::check_figures(figures)) std::cout << sosu::finding_to_json(f) << '\n';
#ifndef SOSU_CHECK_H_
#define SOSU_CHECK_H_

#include <optional>
#include <string>
#include <vector>

#include "sosu/figure.h"

namespace sosu {

enum class Verdict {
  kHolds,          // the computed value rounds to the printed one at its printed precision
  kOffByRounding,  // they differ in the last printed digit only
  kDoesNotHold,
};
const char* verdict_name(Verdict v);  // holds, off_by_rounding, does_not_hold

// One relation the text states, checked.
struct Finding {
  std::string relation;  // total, share, change, sum_100
  Verdict verdict = Verdict::kHolds;
  std::string formula;   // "21조4310억원 + 30조2518억원 = 51조6828억원"
  std::string stated;    // the printed value the relation is checked against
  std::string computed;  // what the other figures give, at a few more digits than printed
  std::string note;      // "truncation explains it", "computed on the new value as base"
  std::vector<Figure> figures;  // every figure involved, the stated one last
};

// The relations the figures' sentences state: totals with 등, 총, 합계, gồm, trong đó;
// parentheses that restate a share (58개(전체 226개의 25.7%)); "A trong tổng số B …, đạt
// P%", "A/B …, đạt tỷ lệ P%"; a change with an arrow (9.6%(41조2050억원 → 45조1619억원));
// shares of a whole (비중, cơ cấu) that should add up to 100%. Only what the text states.
// The figures need their sentence_text.
std::vector<Finding> check_figures(const std::vector<Figure>& figures);

// How a figure of one document lines up with the other's.
struct Alignment {
  std::string status;  // matched, changed, only_in_a, only_in_b
  std::optional<Figure> a, b;
};

// Aligns the figures of two documents (either language) by kind, value and unit: equal values
// match whatever their writing (4.925 and 4,925; 1,5 tỷ đồng and 15억동); the rest pair up in
// order within a kind as changed values; what is left is in one document only. Years, dates
// and identifiers are left out.
std::vector<Alignment> compare_figures(const std::vector<Figure>& a, const std::vector<Figure>& b);

std::string finding_to_json(const Finding& f);
std::string alignment_to_json(const Alignment& a);

}  // namespace sosu

#endif  // SOSU_CHECK_H_
