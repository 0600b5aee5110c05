// sosu_eval spans CORPUS_JSONL: recall on entity-span corpora (shared/corpora/*.jsonl).
//
// These corpora mark where numbers, dates and times are, not RECORD.md figures: KLUE's QT/DT/TI
// spans include the counter, UD Vietnamese's NUM spans only the numeral. So a gold entity
// counts as found when any record of ours overlaps it, and no value is checked.
//
// Recall is reported on spans that hold a digit or a number word, which is what sosu looks for;
// spans without one (오늘, 이날, a lone "một") are reported apart: they need a lexicon of
// date words, not number rules. Our records that overlap no gold entity give a rough
// precision; the corpora do not mark every figure (a NUM span is only the numeral, and KLUE
// leaves some numbers unmarked), so read those as candidates for a look, not as errors.
#include <algorithm>
#include <array>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "eval_support.h"

namespace sosu::eval {
namespace {

bool has_ascii_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Splits on spaces and drops quotes and brackets at the edges of each word.
std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    std::string_view w = s.substr(i, j - i);
    for (std::string_view lead : {"(", "\"", "'", "‘", "“", "[", "<", "《", "「"}) {
      if (starts_with(w, lead)) w.remove_prefix(lead.size());
    }
    if (!w.empty()) out.push_back(w);
    i = j;
  }
  return out;
}

// The longest entry of `list` that `s` starts with; empty when none.
template <std::size_t N>
std::string_view longest_prefix(std::string_view s, const std::array<std::string_view, N>& list) {
  std::string_view best;
  for (std::string_view p : list) {
    if (p.size() > best.size() && starts_with(s, p)) best = p;
  }
  return best;
}

// Korean number words, for telling "두 명" (a number word) from "이날" (none). KLUE spans are
// already dates, times and quantities, so the question is only whether a number is written;
// the lists are small and the rules are prefix rules, which is why 이날 (이 "this") and 오늘
// (오 "five" as a syllable) stay out. Heuristic by nature; see the report's two groups.
constexpr std::array<std::string_view, 33> kKoNative = {
    "하나", "둘", "셋", "넷", "한", "두", "세", "네", "석", "넉", "다섯", "여섯", "일곱", "여덟", "아홉", "열", "스물",
    "스무", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔", "첫", "두어", "두세", "서너", "한두", "너덧", "대여섯",
    "예닐곱"};
// Words after a native numeral (or a lone 천, 백 ...) that make it a count: 두 명, 한번, 천년.
constexpr std::array<std::string_view, 50> kKoCounters = {
    "날", "번째", "번", "째", "개월", "개", "명", "분", "사람", "시간", "시", "가지", "달", "해", "줄", "방", "잔", "살",
    "마리", "글자", "차례", "주일", "주년", "주", "송이", "갑", "대", "편", "권", "곳", "군데", "켤레", "벌", "그릇",
    "병", "장", "채", "척", "쌍", "끼", "년", "배", "원", "세", "층", "회", "위", "등", "점", "발"};
// Words that are a number of days, or a half.
constexpr std::array<std::string_view, 15> kKoCountWords = {
    "하루", "하룻", "이틀", "사흘", "나흘", "닷새", "엿새", "이레", "여드레", "아흐레", "열흘", "보름", "절반", "반년", "반나절"};
constexpr std::array<std::string_view, 15> kKoSino = {"일", "이", "삼", "사", "오", "육", "륙", "칠",
                                                      "팔", "구", "십", "백", "천", "만", "억"};
constexpr std::array<std::string_view, 6> kKoSinoScales = {"십", "백", "천", "만", "억", "조"};
constexpr std::array<std::string_view, 4> kKoSinoCounters = {"년", "개월", "주일", "주년"};

bool korean_number_word(std::string_view word) {
  if (!longest_prefix(word, kKoCountWords).empty()) return true;
  // Native numerals, possibly compound (열두, 스물한): then nothing or a counter.
  std::string_view rest = word;
  bool native = false;
  for (std::string_view p = longest_prefix(rest, kKoNative); !p.empty(); p = longest_prefix(rest, kKoNative)) {
    rest.remove_prefix(p.size());
    native = true;
  }
  if (native && (rest.empty() || !longest_prefix(rest, kKoCounters).empty())) return true;
  // Sino-Korean: 수십, 수백만, 몇십, 삼십, 백만 (a run with a scale), 천년 (a lone scale and a
  // counter), 일년, 일주일 (digits and a time counter).
  rest = word;
  std::size_t syllables = 0;
  bool scale = false;
  for (std::string_view p : {std::string_view("수"), std::string_view("몇")}) {
    if (starts_with(rest, p)) {
      rest.remove_prefix(p.size());
      ++syllables;
    }
  }
  for (;;) {
    std::string_view d = longest_prefix(rest, kKoSino);
    std::string_view s = longest_prefix(rest, kKoSinoScales);
    std::string_view p = d.size() >= s.size() ? d : s;
    if (p.empty()) break;
    scale = scale || !s.empty();
    rest.remove_prefix(p.size());
    ++syllables;
  }
  if (scale && syllables >= 2) return true;
  if (scale && syllables == 1) return !longest_prefix(rest, kKoCounters).empty();
  return syllables >= 1 && !longest_prefix(rest, kKoSinoCounters).empty();
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Vietnamese: a scale word (mười, trăm, nghìn ...) or two or more number words in a row
// ("hai mươi", "ba bốn"); a lone một/hai/ba is too often an article or part of a name.
const std::set<std::string> kViScales = {"mười", "mươi", "chục", "trăm", "nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"};
const std::set<std::string> kViDigits = {"một", "hai", "ba",  "bốn", "tư",   "năm",   "lăm", "sáu", "bảy",
                                         "bẩy", "tám", "chín", "mốt", "linh", "lẻ", "không", "rưỡi", "nửa"};

bool vietnamese_number_word(std::string_view span) {
  std::size_t digit_words = 0;
  for (std::string_view w : words(span)) {
    const std::string lower = ascii_lower(w);  // number words start with ASCII letters: Một, Hai
    if (kViScales.count(lower) > 0) return true;
    if (kViDigits.count(lower) > 0) ++digit_words;
  }
  return digit_words >= 2;
}

bool has_number(std::string_view span, const std::string& lang) {
  if (has_ascii_digit(span)) return true;
  if (lang == "vi") return vietnamese_number_word(span);
  for (std::string_view w : words(span)) {
    if (korean_number_word(w)) return true;
  }
  return false;
}

struct Tally {
  std::size_t found = 0, total = 0;
  void add(bool hit) {
    ++total;
    found += hit ? 1 : 0;
  }
};

OrderedJson tally_json(const Tally& t) { return {{"found", t.found}, {"spans", t.total}, {"recall", rate(t.found, t.total)}}; }
std::string cell(const Tally& t) { return t.total == 0 ? "–" : fraction(t.found, t.total); }

const char* domain_title(const std::string& domain) {
  if (domain == "wikitree") return "wikitree (news)";
  if (domain == "nsmc") return "nsmc (movie reviews)";
  return "";
}

}  // namespace

int run_spans(const Options& options) {
  const std::string& path = options.args[0];
  std::shared_ptr<const PackSet> packs = load_configured_packs(options);
  if (!packs) return 2;
  bool ok = true;
  std::optional<std::vector<JsonLine>> lines = read_jsonl(path, ok);
  if (!lines) return 2;

  // Keys: (lang, domain or "all", label, has a number). Labels are KLUE's or UD's.
  std::map<std::tuple<std::string, std::string, std::string, bool>, Tally> recall;
  std::map<std::pair<std::string, bool>, Tally> fine;  // Korean fine class, has a number
  struct OursTally {
    std::size_t records = 0, on_gold = 0, on_name_only = 0, on_nothing = 0;
  };
  std::map<std::pair<std::string, std::string>, OursTally> ours_by_kind;  // (lang, kind)
  std::map<std::string, std::size_t> sentences_by_lang;
  std::set<std::string> domains;
  std::vector<std::string> missed, unmatched;  // for --misses
  std::map<std::string, Extractor> extractors;

  for (const JsonLine& line : *lines) {
    const Json& s = line.value;
    std::optional<std::string> text = get_string(s, "text"), lang = get_string(s, "lang");
    auto entities = s.find("entities");
    if (!text || !lang || entities == s.end() || !entities->is_array()) {
      report(path + ": line " + std::to_string(line.line) + ": needs text, lang and an entities array; sentence skipped");
      ok = false;
      continue;
    }
    ++sentences_by_lang[*lang];
    const std::string domain = get_string(s, "domain").value_or("");
    if (!domain.empty()) domains.insert(domain);
    auto ex = extractors.find(*lang);
    if (ex == extractors.end()) ex = extractors.emplace(*lang, make_extractor(packs, *lang)).first;
    Predictions ours = extract(ex->second, *text);
    std::vector<Span> our_spans;
    for (const Json& r : ours) our_spans.push_back(record_span(r).value_or(Span{}));
    auto found = [&](Span span) {
      return std::any_of(our_spans.begin(), our_spans.end(), [&](Span o) { return overlaps(o, span); });
    };

    // Gold entities (and the names, to tell a digit inside a name from a stray figure).
    std::vector<Span> gold_spans, name_spans;
    bool malformed = false;
    for (const Json& e : *entities) {
      std::optional<Span> span = record_span(e);
      std::optional<std::string> label = get_string(e, "label"), etext = get_string(e, "text");
      if (!span || !label || !etext) {
        malformed = true;
        continue;
      }
      gold_spans.push_back(*span);
      const bool numeric = has_number(*etext, *lang);
      const bool hit = found(*span);
      recall[{*lang, "all", *label, numeric}].add(hit);
      if (!domain.empty()) recall[{*lang, domain, *label, numeric}].add(hit);
      if (numeric && !hit && missed.size() < options.misses) {
        missed.push_back(*label + (domain.empty() ? "" : " " + domain) + " `" + *etext + "`: " + context(*text, *span));
      }
    }
    if (auto f = s.find("fine_entities"); f != s.end() && f->is_array()) {
      for (const Json& e : *f) {
        std::optional<Span> span = record_span(e);
        std::optional<std::string> label = get_string(e, "label"), etext = get_string(e, "text");
        if (!span || !label || !etext) {
          malformed = true;
          continue;
        }
        fine[{*label, has_number(*etext, *lang)}].add(found(*span));
      }
    }
    if (auto o = s.find("other_entities"); o != s.end() && o->is_array()) {
      for (const Json& e : *o) {
        if (std::optional<Span> span = record_span(e)) name_spans.push_back(*span);
      }
    }
    if (malformed) {
      report(path + ": line " + std::to_string(line.line) + ": an entity without integer start/end, label or text; skipped");
      ok = false;
    }

    for (std::size_t p = 0; p < ours.size(); ++p) {
      OursTally& t = ours_by_kind[{*lang, get_string(ours[p], "kind").value_or("?")}];
      ++t.records;
      auto any_overlap = [&](const std::vector<Span>& spans) {
        return std::any_of(spans.begin(), spans.end(), [&](Span g) { return overlaps(g, our_spans[p]); });
      };
      if (any_overlap(gold_spans)) {
        ++t.on_gold;
        continue;
      }
      const bool on_name = any_overlap(name_spans);
      ++(on_name ? t.on_name_only : t.on_nothing);
      if (unmatched.size() < options.misses) {
        unmatched.push_back(describe(ours[p]) + (on_name ? " (inside a name)" : "") + ": " + context(*text, our_spans[p]));
      }
    }
  }

  std::vector<std::string> langs;
  for (const auto& [lang, n] : sentences_by_lang) langs.push_back(lang);
  auto labels_of = [&](const std::string& lang) {
    std::vector<std::string> out;
    for (const auto& [key, t] : recall) {
      if (std::get<0>(key) == lang && std::find(out.begin(), out.end(), std::get<2>(key)) == out.end()) {
        out.push_back(std::get<2>(key));
      }
    }
    return out;
  };
  auto total = [&](const std::string& lang, const std::string& group, bool numeric) {
    Tally sum;
    for (const auto& [key, t] : recall) {
      if (std::get<0>(key) == lang && std::get<1>(key) == group && std::get<3>(key) == numeric) {
        sum.found += t.found;
        sum.total += t.total;
      }
    }
    return sum;
  };
  // Columns: all, then news before reviews (the README's order), then any other domain.
  std::vector<std::string> groups{"all"};
  groups.insert(groups.end(), domains.begin(), domains.end());
  auto domain_rank = [](const std::string& d) { return d == "all" ? 0 : d == "wikitree" ? 1 : d == "nsmc" ? 2 : 3; };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const std::string& a, const std::string& b) { return domain_rank(a) < domain_rank(b); });

  if (options.json) {
    OrderedJson out = {{"mode", "spans"}, {"corpus", path}};
    for (const std::string& lang : langs) {
      OrderedJson& l = out["languages"][lang];
      l["sentences"] = sentences_by_lang[lang];
      for (const std::string& group : groups) {
        for (bool numeric : {true, false}) {
          OrderedJson& g = l[numeric ? "with_number" : "without_number"][group];
          for (const std::string& label : labels_of(lang)) {
            auto it = recall.find({lang, group, label, numeric});
            if (it != recall.end()) g[label] = tally_json(it->second);
          }
          if (!g.is_null()) g["all"] = tally_json(total(lang, group, numeric));
        }
      }
      for (const auto& [key, t] : ours_by_kind) {
        if (key.first != lang) continue;
        l["ours"][key.second] = {{"records", t.records}, {"overlap_gold", t.on_gold},
                                 {"overlap_name_only", t.on_name_only}, {"overlap_nothing", t.on_nothing}};
      }
    }
    for (const auto& [key, t] : fine) out["fine"][key.second ? "with_number" : "without_number"][key.first] = tally_json(t);
    std::cout << out.dump(2) << '\n';
    return ok ? 0 : 2;
  }

  std::cout << "## sosu_eval spans: " << path << "\n\n";
  for (const std::string& lang : langs) {
    std::cout << "### " << lang << ": " << sentences_by_lang[lang] << " sentences\n\n"
              << "Gold entities found (a record of ours overlaps the span), spans with a digit or number word:\n\n";
    // Columns: all, then each domain this language has (Korean: news and movie reviews).
    std::vector<std::string> lang_groups{"all"};
    for (const std::string& g : groups) {
      if (g != "all" && total(lang, g, true).total + total(lang, g, false).total > 0) lang_groups.push_back(g);
    }
    std::vector<std::string> header{"label"};
    for (const std::string& g : lang_groups) header.push_back(g == "all" ? "all" : domain_title(g));
    for (bool numeric : {true, false}) {
      Table t(header);
      for (const std::string& label : labels_of(lang)) {
        std::vector<std::string> row{label};
        for (const std::string& g : lang_groups) {
          auto it = recall.find({lang, g, label, numeric});
          row.push_back(it == recall.end() ? "–" : cell(it->second));
        }
        t.add(row);
      }
      std::vector<std::string> row{"all"};
      for (const std::string& g : lang_groups) row.push_back(cell(total(lang, g, numeric)));
      t.add(row);
      if (!numeric) std::cout << "Spans without a digit or number word (오늘, 이날, a lone \"một\"; not targeted):\n\n";
      std::cout << t.markdown() << '\n';
    }
    if (lang == "ko" && !fine.empty()) {
      std::cout << "Korean fine classes (fine_entities, NIKL tag set; konne spans may be wider than KLUE's):\n\n";
      std::set<std::string> classes;
      for (const auto& [key, t] : fine) classes.insert(key.first);
      std::vector<std::string> ordered(classes.begin(), classes.end());
      auto fine_total = [&](const std::string& c, bool numeric) {
        auto it = fine.find({c, numeric});
        return it == fine.end() ? Tally{} : it->second;
      };
      std::stable_sort(ordered.begin(), ordered.end(), [&](const std::string& a, const std::string& b) {
        return fine_total(a, true).total > fine_total(b, true).total;
      });
      Table t({"class", "with a digit or number word", "without"});
      for (const std::string& c : ordered) t.add({c, cell(fine_total(c, true)), cell(fine_total(c, false))});
      std::cout << t.markdown() << '\n';
    }
    std::cout << "Our records and the gold entities (records overlapping no entity are candidates for a look: the "
                 "corpus does not mark every figure):\n\n";
    Table t({"our kind", "records", "overlap an entity", "only a name (PS/LC/OG)", "nothing"});
    OursTally sum;
    for (const auto& [key, o] : ours_by_kind) {
      if (key.first != lang) continue;
      t.add({key.second, std::to_string(o.records), fraction(o.on_gold, o.records), std::to_string(o.on_name_only),
             std::to_string(o.on_nothing)});
      sum.records += o.records;
      sum.on_gold += o.on_gold;
      sum.on_name_only += o.on_name_only;
      sum.on_nothing += o.on_nothing;
    }
    t.add({"all", std::to_string(sum.records), fraction(sum.on_gold, sum.records), std::to_string(sum.on_name_only),
           std::to_string(sum.on_nothing)});
    std::cout << t.markdown() << '\n';
  }
  if (options.misses > 0) {
    std::cout << "Missed entities with a digit or number word (first " << options.misses << "):\n";
    for (const std::string& m : missed) std::cout << "- " << m << '\n';
    if (missed.empty()) std::cout << "(none)\n";
    std::cout << "\nOur records overlapping no entity (first " << options.misses << "):\n";
    for (const std::string& m : unmatched) std::cout << "- " << m << '\n';
    if (unmatched.empty()) std::cout << "(none)\n";
  }
  return ok ? 0 : 2;
}

}  // namespace sosu::eval
