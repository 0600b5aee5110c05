// The relations a text states about its own figures, checked at the printed precision, and
// the alignment of two documents' figures.
#include "sosu/check.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "sosu/jsonl.h"

namespace sosu {
namespace {

using Real = long double;

Real value_of(const Figure& f) { return f.value ? static_cast<Real>(f.value->to_double()) : 0; }

bool is_amount(const Figure& f) {
  return f.value && (f.kind == Kind::kCount || f.kind == Kind::kNumber || f.kind == Kind::kMoney || f.kind == Kind::kQuantity);
}
bool is_percent(const Figure& f) { return f.value && f.kind == Kind::kPercent; }

// Amounts that can add up: money of one currency, or counts and bare numbers of one unit
// (a bare number counts what the counts around it count: 212 chi bộ và 305 Đảng bộ).
bool same_measure(const Figure& a, const Figure& b) {
  if (a.kind == Kind::kMoney || b.kind == Kind::kMoney) return a.kind == b.kind && a.unit == b.unit;
  if (a.kind == Kind::kQuantity || b.kind == Kind::kQuantity) return a.kind == b.kind && a.unit == b.unit;
  return !a.unit || !b.unit || a.unit == b.unit;
}

// The worth of one step of the last printed digit: 0.1 for 25.7%, 10^8 for 51조6828억원
// (the last digits count 억), 10^8 for 1,5 tỷ, 1 for 4,925.
Real printed_unit(const Figure& f) {
  static const std::pair<const char*, int> kScales[] = {{"조", 12}, {"억", 8}, {"만", 4}, {"천", 3}, {"백", 2},
                                                        {"tỷ", 9},  {"tỉ", 9}, {"triệu", 6}, {"nghìn", 3}, {"ngàn", 3}};
  const std::string& t = f.text;
  std::size_t last_digit = t.find_last_of("0123456789");
  int exponent = -f.decimals.value_or(0);
  if (last_digit != std::string::npos) {
    std::string_view rest = std::string_view(t).substr(last_digit + 1);
    bool found = true;
    while (found) {
      found = false;
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      for (const auto& [word, power] : kScales) {
        if (rest.substr(0, std::char_traits<char>::length(word)) == word) {
          exponent += power;
          rest.remove_prefix(std::char_traits<char>::length(word));
          found = true;
          break;
        }
      }
    }
  }
  return std::pow(10.0L, exponent);
}

// The computed value at a few more digits than the stated one prints.
std::string show(Real v, Real unit) {
  int digits = 0;
  for (Real u = unit; u < 1 && digits < 12; u *= 10) ++digits;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*Lf", digits + 3, v);
  std::string s = buffer;
  if (unit >= 1) s = s.substr(0, s.find('.'));
  return s;
}

Verdict judge(Real computed, Real stated, Real tolerance_holds, Real tolerance_rounding) {
  const Real diff = std::fabs(computed - stated);
  const Real epsilon = 1e-9L * std::max<Real>(1, std::fabs(stated));
  if (diff <= tolerance_holds + epsilon) return Verdict::kHolds;
  if (diff <= tolerance_rounding + epsilon) return Verdict::kOffByRounding;
  return Verdict::kDoesNotHold;
}

// A count or amount written out to its last unit (4,925; 517; 500,000원): exact, not rounded.
bool exact(const Figure& f) { return !f.decimals && printed_unit(f) == 1; }

// A stated value against a computed one at the stated printed precision (an exact figure
// must equal it); notes truncation. `slack` widens it for parts that were rounded themselves.
Finding judged(std::string relation, Real computed, const Figure& stated, std::vector<Figure> involved,
               std::string formula, Real slack = 0) {
  Finding f;
  f.relation = std::move(relation);
  const Real unit = printed_unit(stated);
  if (exact(stated) && slack == 0) f.verdict = judge(computed, value_of(stated), 0, 0);
  else f.verdict = judge(computed, value_of(stated), std::max(unit / 2, slack), std::max(unit, 2 * slack));
  f.stated = stated.text;
  f.computed = show(computed, unit);
  if (f.verdict == Verdict::kOffByRounding) {
    const Real truncated = std::floor(computed / unit + 1e-9L) * unit;
    f.note = std::fabs(truncated - value_of(stated)) <= unit * 1e-6L ? "truncation explains it (the digits after were cut, not rounded)"
                                                                     : "the last printed digit differs";
  }
  f.formula = std::move(formula);
  involved.push_back(stated);
  f.figures = std::move(involved);
  return f;
}

struct SentenceFigures {
  std::string text;                   // the sentence as in the document
  std::uint64_t byte_start = 0;       // of the sentence in the document
  std::vector<const Figure*> figures;  // in order
};

std::string_view between(const SentenceFigures& s, const Figure& a, const Figure& b) {
  if (b.byte_start < a.byte_end || a.byte_end < s.byte_start) return {};
  return std::string_view(s.text).substr(a.byte_end - s.byte_start, b.byte_start - a.byte_end);
}
std::string_view after(const SentenceFigures& s, const Figure& a, std::size_t length) {
  const std::size_t from = a.byte_end - s.byte_start;
  return from > s.text.size() ? std::string_view() : std::string_view(s.text).substr(from, length);
}
std::string_view before(const SentenceFigures& s, const Figure& a, std::size_t length) {
  const std::size_t to = a.byte_start - s.byte_start;
  const std::size_t from = to > length ? to - length : 0;
  return to > s.text.size() ? std::string_view() : std::string_view(s.text).substr(from, to - from);
}
bool has(std::string_view text, std::string_view word) { return text.find(word) != std::string_view::npos; }
bool has_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (has(text, w)) return true;
  }
  return false;
}

std::string join_texts(const std::vector<Figure>& parts, const char* op) {
  std::string out;
  for (const Figure& p : parts) out += (out.empty() ? "" : std::string(" ") + op + " ") + p.text;
  return out;
}

bool ends_with_word(std::string_view text, std::string_view word) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text.size() >= word.size() && text.substr(text.size() - word.size()) == word;
}

// Totals: "A, B 등 T" and "A, B, 총 T" (the parts just before, 등 or 총 right before the
// total); "T …, gồm A và B" (the parts just after, up to the next clause). "T, trong đó A"
// names parts that need not be all of it: their sum may not pass the total.
void check_totals(const SentenceFigures& s, std::vector<Finding>& out) {
  const auto& fs = s.figures;
  for (std::size_t t = 0; t < fs.size(); ++t) {
    const Figure& total = *fs[t];
    if (!is_amount(total)) continue;
    std::vector<Figure> parts;
    bool subset = false;
    if (t >= 2) {
      const std::string_view lead = between(s, *fs[t - 1], total);
      if (ends_with_word(lead, "등") || ends_with_word(lead, "총") || ends_with_word(lead, "합계") ||
          ends_with_word(lead, "모두")) {
        for (std::size_t k = t; k-- > 0;) {
          if (!is_amount(*fs[k]) || !same_measure(*fs[k], total)) break;
          parts.insert(parts.begin(), *fs[k]);
          if (k > 0 && !has_any(between(s, *fs[k - 1], *fs[k]), {",", "와 ", "과 ", "및 ", "·"})) break;
        }
      }
    }
    if (parts.empty() && t + 1 < fs.size()) {
      const std::string_view lead = between(s, total, *fs[t + 1]);
      subset = has(lead, "trong đó");
      if (has_any(lead, {"gồm", "trong đó"})) {
        for (std::size_t k = t + 1; k < fs.size(); ++k) {
          if (!is_amount(*fs[k]) || !same_measure(*fs[k], total)) break;
          parts.push_back(*fs[k]);
          if (k + 1 < fs.size() && has_any(between(s, *fs[k], *fs[k + 1]), {"với", ";", "còn", "trong đó", ". "})) break;
        }
      }
    }
    if (parts.size() < 2) continue;
    // Parts rounded each may add up to a little off the rounded total; exact ones may not.
    Real sum = 0, part_slack = 0, largest = 0;
    for (const Figure& p : parts) {
      sum += value_of(p);
      largest = std::max(largest, value_of(p));
      if (!exact(p)) part_slack += printed_unit(p) / 2;
    }
    if (largest > value_of(total)) continue;  // a part above the "total": not what the text says
    if (subset) {
      Finding f = judged("total", sum, total, parts, join_texts(parts, "+") + " ≤ " + total.text, part_slack);
      f.relation = "parts";
      f.verdict = sum <= value_of(total) + part_slack ? Verdict::kHolds : Verdict::kDoesNotHold;
      f.note.clear();
      out.push_back(std::move(f));
      continue;
    }
    out.push_back(judged("total", sum, total, parts, join_texts(parts, "+") + " = " + total.text, part_slack));
  }
}

// Shares: "58개(전체 시군구 226개의 25.7%)", "388 trong tổng số 418 …, đạt 92,8%".
void check_shares(const SentenceFigures& s, std::vector<Finding>& out) {
  const auto& fs = s.figures;
  for (std::size_t p = 2; p < fs.size(); ++p) {
    const Figure& share = *fs[p];
    if (!is_percent(share)) continue;
    const Figure& whole = *fs[p - 1];
    const Figure& part = *fs[p - 2];
    if (!is_amount(whole) || !is_amount(part) || value_of(whole) == 0 || value_of(part) > value_of(whole)) continue;
    const std::string_view part_to_whole = between(s, part, whole);
    const std::string_view whole_to_share = between(s, whole, share);
    const bool korean = has_any(part_to_whole, {"(전체", "( 전체", "중 ", "가운데"}) && has(whole_to_share, "의");
    const bool vietnamese = has_any(part_to_whole, {"trong tổng số", "trên tổng số", "trong số"}) &&
                            has_any(whole_to_share, {"đạt", "chiếm", "bằng", "tỷ lệ"});
    if (!korean && !vietnamese) continue;
    const Real computed = value_of(part) / value_of(whole) * 100;
    out.push_back(judged("share", computed, share, {part, whole}, part.text + " / " + whole.text + " × 100 = " + share.text));
  }
  // "611/640 …, đạt tỷ lệ 95,47%": the fraction is in the text.
  for (const Figure* p : fs) {
    if (!is_percent(*p)) continue;
    const std::string_view head = before(s, *p, p->byte_start - s.byte_start);
    if (!has_any(head, {"tỷ lệ", "đạt", "비율"})) continue;
    const std::size_t slash = head.rfind('/');
    if (slash == std::string_view::npos || slash == 0) continue;
    std::size_t a0 = slash, b1 = slash + 1;
    while (a0 > 0 && (std::isdigit(static_cast<unsigned char>(head[a0 - 1])) || head[a0 - 1] == '.' || head[a0 - 1] == ',')) --a0;
    while (b1 < head.size() && (std::isdigit(static_cast<unsigned char>(head[b1])) || head[b1] == '.' || head[b1] == ',')) ++b1;
    std::string a_text(head.substr(a0, slash - a0)), b_text(head.substr(slash + 1, b1 - slash - 1));
    while (!b_text.empty() && !std::isdigit(static_cast<unsigned char>(b_text.back()))) b_text.pop_back();
    if (a_text.empty() || b_text.empty()) continue;
    // Counts here have no decimals: the marks group thousands either way.
    auto digits_only = [](std::string t) {
      t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == '.' || c == ','; }), t.end());
      return t;
    };
    const Real a = std::stold(digits_only(a_text)), b = std::stold(digits_only(b_text));
    if (b == 0 || a > b) continue;
    Figure part_figure, whole_figure;
    part_figure.text = a_text;
    whole_figure.text = b_text;
    part_figure.value = Decimal{static_cast<std::int64_t>(a), 0};
    whole_figure.value = Decimal{static_cast<std::int64_t>(b), 0};
    out.push_back(judged("share", a / b * 100, *p, {part_figure, whole_figure},
                         a_text + " / " + b_text + " × 100 = " + p->text));
  }
}

// Changes with an arrow: "9.6%(2021년 41조2050억원 → 2022년 45조1619억원)".
void check_changes(const SentenceFigures& s, std::vector<Finding>& out) {
  const auto& fs = s.figures;
  for (std::size_t p = 0; p < fs.size(); ++p) {
    const Figure& change = *fs[p];
    if (!change.value || (change.kind != Kind::kPercent && change.kind != Kind::kPercentPoint)) continue;
    if (!has(after(s, change, 2), "(")) continue;
    const Figure* from = nullptr;
    const Figure* to = nullptr;
    for (std::size_t k = p + 1; k < fs.size() && to == nullptr; ++k) {
      const Figure& f = *fs[k];
      if (f.kind == Kind::kYear || f.kind == Kind::kDate) continue;
      if (from == nullptr) {
        from = &f;
      } else if (same_measure(*from, f) && f.kind == from->kind && has_any(between(s, *from, f), {"→", "->", "⇒"})) {
        to = &f;
      } else {
        break;
      }
    }
    if (from == nullptr || to == nullptr || !from->value || !to->value || value_of(*from) == 0) continue;
    const Real old_value = value_of(*from), new_value = value_of(*to);
    const bool points = change.kind == Kind::kPercentPoint;
    const Real computed = points ? new_value - old_value : (new_value - old_value) / old_value * 100;
    // A decrease written without its sign (3.2% 감소) is the size of the change.
    const Real signed_computed = value_of(change) >= 0 ? std::fabs(computed) : computed;
    Finding f = judged("change", signed_computed, change, {*from, *to},
                       points ? to->text + " − " + from->text + " = " + change.text
                              : "(" + to->text + " − " + from->text + ") / " + from->text + " × 100 = " + change.text);
    if (f.verdict != Verdict::kHolds && !points) {
      const Real on_new = std::fabs((new_value - old_value) / new_value * 100);
      const Real unit = printed_unit(change);
      if (judge(on_new, value_of(change), unit / 2, unit / 2) == Verdict::kHolds) {
        f.note = "the change was computed on the new value as base (" + show(on_new, unit) + ")";
      }
    }
    out.push_back(std::move(f));
  }
}

// A change stated with its amount before the new level: "3.42%(1조7120억원) 늘어난 51조7660억원"
// (the base is the new level less the change, or plus it for a decrease).
void check_change_amounts(const SentenceFigures& s, std::vector<Finding>& out) {
  const auto& fs = s.figures;
  for (std::size_t p = 0; p + 2 < fs.size(); ++p) {
    const Figure& rate = *fs[p];
    const Figure& amount = *fs[p + 1];
    const Figure& level = *fs[p + 2];
    if (!is_percent(rate) || !is_amount(amount) || !is_amount(level) || !same_measure(amount, level)) continue;
    if (!has(between(s, rate, amount), "(")) continue;
    const std::string_view verb = between(s, amount, level);
    const bool up = has_any(verb, {"늘어난", "증가한", "늘어", "증가해", "tăng"});
    const bool down = has_any(verb, {"줄어든", "감소한", "줄어", "감소해", "giảm"});
    if (up == down) continue;
    const Real base = up ? value_of(level) - value_of(amount) : value_of(level) + value_of(amount);
    if (base <= 0) continue;
    out.push_back(judged("change", value_of(amount) / base * 100, rate, {amount, level},
                         amount.text + " / (" + level.text + (up ? " − " : " + ") + amount.text + ") × 100 = " + rate.text));
  }
}

// Shares of one whole listed together (비중, 구성비, cơ cấu, tỷ trọng) should make 100%.
void check_sum_100(const SentenceFigures& s, std::vector<Finding>& out) {
  if (!has_any(s.text, {"비중", "구성비", "점유율", "cơ cấu", "tỷ trọng"})) return;
  std::vector<Figure> shares;
  for (const Figure* f : s.figures) {
    if (is_percent(*f)) shares.push_back(*f);
  }
  if (shares.size() < 3) return;
  Real sum = 0, slack = 0;
  for (const Figure& f : shares) {
    sum += value_of(f);
    slack += printed_unit(f) / 2;
  }
  // Percentages far from making 100 are not the parts of one whole (rates, changes).
  if (sum < 90 || sum > 110) return;
  Finding f;
  f.relation = "sum_100";
  f.verdict = judge(sum, 100, slack, 2 * slack);
  f.stated = "100%";
  f.computed = show(sum, printed_unit(shares.front()));
  f.formula = join_texts(shares, "+") + " = 100%";
  f.figures = shares;
  out.push_back(std::move(f));
}

bool alignable(const Figure& f) {
  return f.value && (f.kind == Kind::kCount || f.kind == Kind::kNumber || f.kind == Kind::kMoney ||
                     f.kind == Kind::kQuantity || f.kind == Kind::kPercent || f.kind == Kind::kPercentPoint ||
                     f.kind == Kind::kDuration);
}

// Kinds that may stand for each other across languages: a count in one is often a bare
// number in the other ("4.925 chi bộ" is a count, so is "당 세포 4,925개").
int kind_class(const Figure& f) {
  switch (f.kind) {
    case Kind::kCount: case Kind::kNumber: return 0;
    case Kind::kMoney: return 1;
    case Kind::kPercent: return 2;
    case Kind::kPercentPoint: return 3;
    case Kind::kQuantity: return 4;
    default: return 5;
  }
}

// Units compared where they are language-independent: currencies, %, %p.
bool units_agree(const Figure& a, const Figure& b) {
  if (a.kind == Kind::kMoney || a.kind == Kind::kPercent || a.kind == Kind::kPercentPoint) return a.unit == b.unit;
  return true;
}

nlohmann::ordered_json figure_json(const Figure& f) { return nlohmann::ordered_json::parse(figure_to_json(f)); }

}  // namespace

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::kHolds: return "holds";
    case Verdict::kOffByRounding: return "off_by_rounding";
    case Verdict::kDoesNotHold: return "does_not_hold";
  }
  return "?";
}

std::vector<Finding> check_figures(const std::vector<Figure>& figures) {
  // Figures by document and sentence, in order.
  std::map<std::pair<std::string, std::uint32_t>, SentenceFigures> sentences;
  for (const Figure& f : figures) {
    if (!f.sentence_text) continue;
    SentenceFigures& s = sentences[{f.doc, f.sentence}];
    if (s.figures.empty()) {
      s.text = *f.sentence_text;
      // The sentence starts where the figure's text sits in it, from the figure's own offset.
      const std::size_t at = s.text.find(f.text);
      s.byte_start = at == std::string::npos || f.byte_start < at ? f.byte_start : f.byte_start - at;
    }
    s.figures.push_back(&f);
  }
  std::vector<Finding> out;
  for (auto& [key, s] : sentences) {
    check_totals(s, out);
    check_shares(s, out);
    check_changes(s, out);
    check_change_amounts(s, out);
    check_sum_100(s, out);
  }
  return out;
}

std::vector<Alignment> compare_figures(const std::vector<Figure>& a, const std::vector<Figure>& b) {
  std::vector<const Figure*> left, right;
  for (const Figure& f : a) {
    if (alignable(f)) left.push_back(&f);
  }
  for (const Figure& f : b) {
    if (alignable(f)) right.push_back(&f);
  }
  std::vector<int> match_of_left(left.size(), -1), match_of_right(right.size(), -1);
  std::vector<std::string> status(left.size());
  // 1. Equal values of one kind class and unit, nearest in order first.
  for (std::size_t i = 0; i < left.size(); ++i) {
    for (std::size_t j = 0; j < right.size(); ++j) {
      if (match_of_right[j] >= 0 || kind_class(*left[i]) != kind_class(*right[j]) || !units_agree(*left[i], *right[j])) continue;
      if (!(*left[i]->value == *right[j]->value)) continue;
      match_of_left[i] = static_cast<int>(j);
      match_of_right[j] = static_cast<int>(i);
      status[i] = "matched";
      break;
    }
  }
  // 2. What is left pairs up in order within a kind class, between the matched neighbours:
  // a value that changed.
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (match_of_left[i] >= 0) continue;
    // The right figures between the matches around i.
    int low = -1, high = static_cast<int>(right.size());
    for (std::size_t k = i; k-- > 0;) {
      if (match_of_left[k] >= 0) {
        low = match_of_left[k];
        break;
      }
    }
    for (std::size_t k = i + 1; k < left.size(); ++k) {
      if (match_of_left[k] >= 0 && status[k] == "matched") {
        high = match_of_left[k];
        break;
      }
    }
    for (int j = low + 1; j < high; ++j) {
      const auto uj = static_cast<std::size_t>(j);
      if (match_of_right[uj] >= 0 || kind_class(*left[i]) != kind_class(*right[uj]) || !units_agree(*left[i], *right[uj])) continue;
      match_of_left[i] = j;
      match_of_right[uj] = static_cast<int>(i);
      status[i] = "changed";
      break;
    }
  }
  std::vector<Alignment> out;
  std::size_t j = 0;
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (match_of_left[i] >= 0) {
      // Figures of b that only b has, up to this one's partner, come first.
      for (; j < static_cast<std::size_t>(match_of_left[i]); ++j) {
        if (match_of_right[j] < 0) out.push_back(Alignment{"only_in_b", std::nullopt, *right[j]});
      }
      out.push_back(Alignment{status[i], *left[i], *right[static_cast<std::size_t>(match_of_left[i])]});
      j = std::max(j, static_cast<std::size_t>(match_of_left[i]) + 1);
    } else {
      out.push_back(Alignment{"only_in_a", *left[i], std::nullopt});
    }
  }
  for (; j < right.size(); ++j) {
    if (match_of_right[j] < 0) out.push_back(Alignment{"only_in_b", std::nullopt, *right[j]});
  }
  return out;
}

std::string finding_to_json(const Finding& f) {
  nlohmann::ordered_json j;
  j["relation"] = f.relation;
  j["verdict"] = verdict_name(f.verdict);
  j["formula"] = f.formula;
  j["stated"] = f.stated;
  j["computed"] = f.computed;
  j["note"] = f.note.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.note);
  j["doc"] = f.figures.empty() ? "" : f.figures.back().doc;
  j["sentence"] = f.figures.empty() ? 0 : f.figures.back().sentence;
  nlohmann::ordered_json spans = nlohmann::ordered_json::array();
  for (const Figure& fig : f.figures) {
    spans.push_back({{"text", fig.text}, {"start", fig.start}, {"end", fig.end}, {"value", fig.value ? nlohmann::ordered_json::parse(fig.value->to_string()) : nlohmann::ordered_json()}});
  }
  j["figures"] = spans;
  return j.dump();
}

std::string alignment_to_json(const Alignment& a) {
  nlohmann::ordered_json j;
  j["alignment"] = a.status;
  j["a"] = a.a ? figure_json(*a.a) : nlohmann::ordered_json();
  j["b"] = a.b ? figure_json(*a.b) : nlohmann::ordered_json();
  return j.dump();
}

}  // namespace sosu
