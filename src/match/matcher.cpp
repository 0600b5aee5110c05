#include "match/matcher.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "text/utf8.h"

namespace sosu::internal {

namespace {

// Parses items joined by | up to the end or a closing parenthesis, into `out`. Each item is a
// literal code point, an escaped ASCII punctuation mark, \s, \d, a bracket class of those and
// ranges, or a (?:...) group of items: a grammar small enough to read without doubt.
bool parse_class_items(std::string_view regex, std::size_t& i, CodePointClass& out, int depth) {
  using Ranges = std::vector<std::pair<char32_t, char32_t>>;
  auto escaped = [&](Ranges& ranges) {
    if (i + 1 >= regex.size()) return false;
    const char c = regex[i + 1];
    i += 2;
    if (c == 's') {
      for (char32_t space : {U'\t', U'\n', U'\f', U'\r', U' '}) ranges.emplace_back(space, space);
    } else if (c == 'd') {
      ranges.emplace_back(U'0', U'9');
    } else if (std::string_view("\\.-[]()|^$*+?{}/,:;~_!\"'#%&=<>@`").find(c) != std::string_view::npos) {
      ranges.emplace_back(static_cast<char32_t>(c), static_cast<char32_t>(c));
    } else {
      return false;
    }
    return true;
  };
  while (true) {
    if (i >= regex.size()) return false;  // an empty branch
    if (regex.substr(i, 3) == "(?:") {
      i += 3;
      if (depth > 8 || !parse_class_items(regex, i, out, depth + 1)) return false;
      if (i >= regex.size() || regex[i] != ')') return false;
      ++i;
    } else {
      CodePointClass::Item item;
      if (regex[i] == '[') {
        ++i;
        if (i < regex.size() && regex[i] == '^') {
          item.negated = true;
          ++i;
        }
        bool closed = false;
        while (i < regex.size()) {
          if (regex[i] == ']') {
            closed = true;
            ++i;
            break;
          }
          if (regex[i] == '[') return false;  // [:alpha:] and the like
          if (regex[i] == '\\') {
            if (!escaped(item.ranges)) return false;
            continue;
          }
          char32_t lo = decode_next(regex, i);
          char32_t hi = lo;
          if (i + 1 < regex.size() && regex[i] == '-' && regex[i + 1] != ']') {
            ++i;
            if (regex[i] == '\\') return false;
            hi = decode_next(regex, i);
            if (hi < lo) return false;
          }
          item.ranges.emplace_back(lo, hi);
        }
        if (!closed || item.ranges.empty()) return false;
      } else if (regex[i] == '\\') {
        if (!escaped(item.ranges)) return false;
      } else {
        if (std::string_view(".^$*+?()[]{}|").find(regex[i]) != std::string_view::npos) return false;
        char32_t cp = decode_next(regex, i);
        item.ranges.emplace_back(cp, cp);
      }
      out.items.push_back(std::move(item));
    }
    if (i == regex.size() || regex[i] == ')') return true;
    if (regex[i] != '|') return false;  // a quantifier or a second code point
    ++i;
  }
}

}  // namespace

std::optional<CodePointClass> CodePointClass::parse(std::string_view regex) {
  CodePointClass out;
  std::size_t i = 0;
  if (!parse_class_items(regex, i, out, 0) || i != regex.size()) return std::nullopt;
  return out;
}

std::optional<std::vector<CodePointClass>> CodePointClass::parse_run(std::string_view regex) {
  std::vector<CodePointClass> run;
  std::size_t i = 0;
  while (i < regex.size()) {
    // One part: a bracket class, an escape, or a literal code point.
    const std::size_t start = i;
    if (regex[i] == '[') {
      ++i;
      while (i < regex.size() && regex[i] != ']') i += regex[i] == '\\' ? std::size_t{2} : std::size_t{1};
      ++i;
    } else if (regex[i] == '\\') {
      i += 2;
    } else {
      decode_next(regex, i);
    }
    if (i > regex.size()) return std::nullopt;
    std::optional<CodePointClass> part = parse(regex.substr(start, i - start));
    if (!part) return std::nullopt;
    run.push_back(std::move(*part));
  }
  if (run.empty()) return std::nullopt;
  return run;
}

std::optional<std::string> CodePointClass::bracket(bool complement) const {
  std::string out = complement ? "[^" : "[";
  char hex[16];
  auto append = [&](char32_t cp) {
    std::snprintf(hex, sizeof hex, "\\x{%X}", static_cast<unsigned>(cp));
    out += hex;
  };
  for (const Item& item : items) {
    if (item.negated) return std::nullopt;
    for (const auto& [lo, hi] : item.ranges) {
      append(lo);
      if (hi != lo) {
        out += '-';
        append(hi);
      }
    }
  }
  return out + "]";
}

namespace {

// Guards look this far around a match: enough for any word, and it keeps a guard's cost
// independent of the sentence length.
constexpr std::size_t kGuardWindow = 64;

// Whether one guard lets the match at [start, end) stand.
bool guard_passes(const Guard& g, std::string_view sentence, std::size_t start, std::size_t end) {
  if (g.one_char) {
    std::size_t at = g.before ? start : end;
    const bool hit = g.before ? at > 0 && g.one_char->contains(decode_prev(sentence, at))
                              : at < sentence.size() && g.one_char->contains(decode_next(sentence, at));
    return hit != g.reject;
  }
  std::string_view context;
  if (g.before) {
    std::size_t from = start > kGuardWindow ? utf8_floor(sentence, start - kGuardWindow) : 0;
    context = sentence.substr(from, start - from);
  } else {
    std::size_t to = std::min(sentence.size(), end + kGuardWindow);
    to = utf8_floor(sentence, to);
    context = sentence.substr(end, to - end);
  }
  return re2::RE2::PartialMatch(re2::StringPiece(context.data(), context.size()), *g.re) != g.reject;
}

enum class Verdict { kPass, kBefore, kAfter };

// The guards before the match are tried first, so that a rejection names its side.
Verdict judge(const Rule& rule, std::string_view sentence, std::size_t start, std::size_t end) {
  for (const Guard& g : rule.guards) {
    if (g.before && !guard_passes(g, sentence, start, end)) return Verdict::kBefore;
  }
  for (const Guard& g : rule.guards) {
    if (!g.before && !guard_passes(g, sentence, start, end)) return Verdict::kAfter;
  }
  return Verdict::kPass;
}

// Where a rule matches, without captures: the DFA alone finds a span, and most spans lose
// to a longer overlapping one, so captures are worth their cost only for the winners.
struct Span {
  const Rule* rule;
  std::size_t start;
  std::size_t end;
};

// The leftmost match of the rule starting at or after `pos`, as [start, end) of its own regex.
bool next_match(const Rule& rule, std::string_view sentence, std::size_t pos, std::size_t& start, std::size_t& end) {
  re2::StringPiece text(sentence.data(), sentence.size());
  re2::StringPiece whole;
  // The search regex consumes the code points before the start, so it starts that much
  // earlier; at the sentence's second code point a `^` branch could win with a start before
  // `pos`, and there the rule's own regex is searched instead.
  std::size_t from = pos;
  for (int k = 0; k < rule.search_prefix_code_points && from > 0; ++k) decode_prev(sentence, from);
  const bool folded = rule.search_re != nullptr && !(from == 0 && pos > 0 && rule.search_allows_start);
  const re2::RE2& re = folded ? *rule.search_re : *rule.re;
  if (!re.Match(text, folded ? from : pos, sentence.size(), re2::RE2::UNANCHORED, &whole, 1)) return false;
  start = static_cast<std::size_t>(whole.data() - sentence.data());
  end = start + whole.size();
  // The prefix took its code points, unless its `^` branch did: leftmost-first tries that
  // branch first, so it did when the rule matches at the sentence start.
  if (folded && !(start == 0 && rule.search_allows_start &&
                  rule.re->Match(text, 0, sentence.size(), re2::RE2::ANCHOR_START, nullptr, 0))) {
    for (int k = 0; k < rule.search_prefix_code_points; ++k) decode_next(sentence, start);
  }
  return true;
}

void collect_spans(const Rule& rule, std::string_view sentence, std::vector<Span>& out) {
  std::size_t pos = 0;
  std::size_t start = 0;
  std::size_t end = 0;
  // A match starts with one of the code points `first`: each search starts at the next of
  // them, and none is made after the last (most of what the search that finds no more read).
  auto skip_to_possible_start = [&] {
    if (!rule.match_starts || pos >= sentence.size()) return true;
    pos = rule.match_starts->find(sentence, pos, sentence.size());
    return pos < sentence.size();
  };
  while (pos <= sentence.size() && skip_to_possible_start() && next_match(rule, sentence, pos, start, end)) {
    const Verdict verdict = end == start ? Verdict::kBefore : judge(rule, sentence, start, end);
    if (verdict == Verdict::kAfter) {
      // What follows the match rejects it, and would reject the shorter matches inside it
      // that end at the same place (8,420 and 420 of 68,420가구): go on after it.
      pos = end;
      continue;
    }
    if (verdict == Verdict::kBefore) {
      // Try again one code point further on: a guard may reject this start but not the next.
      std::size_t next = start;
      if (next < sentence.size()) decode_next(sentence, next);
      pos = std::max(next, start + 1);
      continue;
    }
    out.push_back(Span{&rule, start, end});
    pos = end;
  }
}

// The captures of a span found by collect_spans. Anchored at both ends of the span, the
// match is the one the unanchored search found, and RE2 runs it on the span alone.
Match with_captures(const Span& span, std::string_view sentence) {
  const Rule& rule = *span.rule;
  Match m;
  m.rule = &rule;
  m.byte_start = span.start;
  m.byte_end = span.end;
  if (rule.captures.empty()) return m;
  const int groups = rule.re->NumberOfCapturingGroups();
  // Reused: a vector per match was a tenth of the matcher's allocations.
  thread_local std::vector<re2::StringPiece> sub;
  sub.assign(static_cast<std::size_t>(groups) + 1, re2::StringPiece());
  re2::StringPiece text(sentence.data(), sentence.size());
  if (!rule.re->Match(text, span.start, span.end, re2::RE2::ANCHOR_BOTH, sub.data(), groups + 1)) return m;
  m.captures.reserve(rule.captures.size());
  for (const auto& [field, index] : rule.captures) {
    const re2::StringPiece& s = sub[static_cast<std::size_t>(index)];
    if (s.data() == nullptr) continue;
    std::size_t cs = static_cast<std::size_t>(s.data() - sentence.data());
    m.captures.push_back(Capture{field, cs, cs + s.size()});
  }
  return m;
}

// A qualifier that starts a match but is glued to the letter before it ends another word:
// 계약 1,200건 holds no 약 (about). The match then starts after it.
void drop_glued_qualifier(Match& m, std::string_view sentence) {
  if (m.byte_start == 0) return;
  std::size_t before = m.byte_start;
  if (!u_isalpha(static_cast<UChar32>(decode_prev(sentence, before)))) return;
  auto glued = std::find_if(m.captures.begin(), m.captures.end(), [&](const Capture& c) {
    return c.byte_start == m.byte_start && c.field == Field::kQualifier;
  });
  if (glued == m.captures.end()) return;
  std::size_t start = glued->byte_end;
  while (start < m.byte_end && sentence[start] == ' ') ++start;
  if (start >= m.byte_end) return;
  m.byte_start = start;
  m.captures.erase(glued);
}

// Whether a sentence may hold a figure at all. A digit is the common case and needs no
// regex; the prefilter looks for number words.
bool worth_matching(const LanguageRules& rules, std::string_view sentence) {
  const bool has_digit = std::any_of(sentence.begin(), sentence.end(), [](char c) { return c >= '0' && c <= '9'; });
  return has_digit || re2::RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), *rules.prefilter);
}

// The rules a sentence may match, by the set: some, or (when the set's DFA ran out of memory
// on it) all, as no figure may be lost for that.
struct Candidates {
  bool any = false;
  bool all = false;
  std::vector<int> hits;  // sorted
  bool hit(int entry) const { return all || std::binary_search(hits.begin(), hits.end(), entry); }
};

// Into `out`, whose vector is reused from sentence to sentence.
void candidates_of(const LanguageRules& rules, std::string_view sentence, Candidates& out) {
  out.any = out.all = false;
  re2::RE2::Set::ErrorInfo error{};
  const bool set_ran = rules.set->Match(re2::StringPiece(sentence.data(), sentence.size()), &out.hits, &error);
  if (!set_ran && error.kind != re2::RE2::Set::kOutOfMemory) return;
  out.any = true;
  out.all = !set_ran;
  std::sort(out.hits.begin(), out.hits.end());
}

// Among overlapping spans of one sentence the longer wins, then the higher priority, then
// the earlier, then the rule that comes first; the winners in order of their start, into
// `winners`.
void winners_of(std::vector<Span>& spans, std::vector<Span>& winners) {
  // A total order (one rule's spans start apart), so std::sort, which needs no buffer, gives
  // what a stable sort in rule order would.
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    std::size_t la = a.end - a.start, lb = b.end - b.start;
    if (la != lb) return la > lb;
    if (a.rule->priority != b.rule->priority) return a.rule->priority > b.rule->priority;
    if (a.start != b.start) return a.start < b.start;
    return a.rule < b.rule;
  });
  // A sentence holds a handful of spans, so a linear overlap test beats any index.
  winners.clear();
  for (const Span& s : spans) {
    bool overlaps = std::any_of(winners.begin(), winners.end(),
                                [&](const Span& w) { return s.start < w.end && w.start < s.end; });
    if (!overlaps) winners.push_back(s);
  }
  std::sort(winners.begin(), winners.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
}

// Whether every place the fallback rule could match in the sentence lies inside one of the
// winners and loses to it: inside a longer one, or on one of higher priority. Its matches hold
// only code points of `all`, so each lies in a run of them, between a code point it may start
// with and one it may end with. Then adding its spans changes no winner, and it need not be
// searched: a span that loses to a winner already taken is dropped, and takes nothing.
bool cannot_win(const Rule& rule, std::string_view sentence, const std::vector<Span>& winners) {
  const MatchChars& chars = *rule.fallback_chars;
  std::size_t i = 0;
  while (i < sentence.size()) {
    std::size_t next = i;
    if (!chars.all.contains(decode_next(sentence, next))) {
      i = next;
      continue;
    }
    // A run of code points a match may hold: where in it a match may start and end.
    std::size_t start = std::string_view::npos, end = 0;
    while (i < sentence.size()) {
      next = i;
      const char32_t cp = decode_next(sentence, next);
      if (!chars.all.contains(cp)) break;
      if (start == std::string_view::npos && chars.first.contains(cp)) start = i;
      if (chars.last.contains(cp)) end = next;
      i = next;
    }
    if (start == std::string_view::npos || end <= start) continue;
    const bool inside = std::any_of(winners.begin(), winners.end(), [&](const Span& w) {
      return w.start <= start && end <= w.end && (end - start < w.end - w.start || w.rule->priority > rule.priority);
    });
    if (!inside) return false;
  }
  return true;
}

// The spans of the fallback rules (Rule::fallback_chars), after all the others'. A fallback
// rule is searched in a sentence only where it might win against the winners so far; when
// some are searched, those skipped are asked again against the winners with the new spans,
// until none changes its answer.
void collect_fallback_spans(const LanguageRules& rules, const std::vector<std::string_view>& sentences,
                            const std::vector<std::vector<std::uint32_t>>& sentences_of_rule,
                            const std::vector<std::size_t>& fallbacks, std::vector<std::vector<Span>>& spans) {
  enum : std::uint8_t { kNoCandidate, kSkipped, kSearched };
  // state[k * n + f]: what became of fallback rule f in sentence k.
  const std::size_t n = fallbacks.size();
  std::vector<std::uint8_t> state(sentences.size() * n, kNoCandidate);
  for (std::size_t f = 0; f < n; ++f) {
    for (std::uint32_t k : sentences_of_rule[fallbacks[f]]) state[k * n + f] = kSkipped;
  }
  // Marks the skipped rules of sentence k that might win against its winners now as searched,
  // and searches them at once if `now`; whether any was.
  std::vector<Span> winners;
  auto decide = [&](std::uint32_t k, bool now) {
    const auto row = state.begin() + static_cast<std::ptrdiff_t>(k * n);
    if (std::find(row, row + static_cast<std::ptrdiff_t>(n), kSkipped) == row + static_cast<std::ptrdiff_t>(n)) return false;
    bool changed = false;
    winners_of(spans[k], winners);
    for (std::size_t f = 0; f < n; ++f) {
      std::uint8_t& s = state[k * n + f];
      if (s != kSkipped || cannot_win(rules.rules[fallbacks[f]], sentences[k], winners)) continue;
      s = kSearched;
      changed = true;
      if (now) collect_spans(rules.rules[fallbacks[f]], sentences[k], spans[k]);
    }
    return changed;
  };
  std::vector<std::uint32_t> searched;  // the sentences where some fallback rule is searched
  for (std::uint32_t k = 0; k < sentences.size(); ++k) {
    if (decide(k, false)) searched.push_back(k);
  }
  // Rule by rule, as the other rules were.
  for (std::size_t f = 0; f < n; ++f) {
    for (std::uint32_t k : searched) {
      if (state[k * n + f] == kSearched) collect_spans(rules.rules[fallbacks[f]], sentences[k], spans[k]);
    }
  }
  // The new spans may have changed the winners the rules still skipped lost to.
  for (std::uint32_t k : searched) {
    while (decide(k, true)) {
    }
  }
}

}  // namespace

std::vector<std::vector<Match>> find_matches(const LanguageRules& rules,
                                             const std::vector<std::string_view>& sentences) {
  std::vector<std::vector<Match>> accepted(sentences.size());
  if (rules.rules.empty()) return accepted;
  // Rule by rule over all the sentences, not sentence by sentence: each rule's DFA then stays
  // in the cache from one search to the next, where a sentence's dozen rules evicted each other.
  // Each stage over all the sentences before the next, for the same reason.
  std::vector<std::uint32_t> worth;
  for (std::uint32_t k = 0; k < sentences.size(); ++k) {
    if (worth_matching(rules, sentences[k])) worth.push_back(k);
  }
  std::vector<std::vector<std::uint32_t>> sentences_of_rule(rules.rules.size());
  Candidates candidates;
  for (std::uint32_t k : worth) {
    candidates_of(rules, sentences[k], candidates);
    if (!candidates.any) continue;
    auto take = [&](std::size_t index) {
      const Rule& rule = rules.rules[index];
      if (std::all_of(rule.required_contexts.begin(), rule.required_contexts.end(),
                      [&](int entry) { return candidates.hit(entry); })) {
        sentences_of_rule[index].push_back(k);
      }
    };
    if (candidates.all) {
      for (std::size_t index = 0; index < rules.rules.size(); ++index) take(index);
    } else {
      // The set's entries are the rules, by index, then the contexts they require.
      for (int entry : candidates.hits) {
        if (static_cast<std::size_t>(entry) < rules.rules.size()) take(static_cast<std::size_t>(entry));
      }
    }
  }
  std::vector<std::vector<Span>> spans(sentences.size());
  std::vector<std::size_t> fallbacks;
  for (std::size_t index = 0; index < rules.rules.size(); ++index) {
    if (rules.rules[index].fallback_chars) {
      fallbacks.push_back(index);
      continue;
    }
    for (std::uint32_t k : sentences_of_rule[index]) collect_spans(rules.rules[index], sentences[k], spans[k]);
  }
  if (!fallbacks.empty()) collect_fallback_spans(rules, sentences, sentences_of_rule, fallbacks, spans);
  struct Winner {
    std::uint32_t sentence;
    std::uint32_t slot;
    Span span;
  };
  std::vector<Winner> winners;
  std::vector<Span> sentence_winners;
  for (std::uint32_t k = 0; k < sentences.size(); ++k) {
    if (spans[k].empty()) continue;
    winners_of(spans[k], sentence_winners);
    accepted[k].resize(sentence_winners.size());
    for (std::uint32_t slot = 0; slot < sentence_winners.size(); ++slot) {
      winners.push_back(Winner{k, slot, sentence_winners[slot]});
    }
  }
  // Captures rule by rule too, for the same reason.
  std::stable_sort(winners.begin(), winners.end(),
                   [](const Winner& a, const Winner& b) { return a.span.rule < b.span.rule; });
  for (const Winner& w : winners) {
    Match& m = accepted[w.sentence][w.slot];
    m = with_captures(w.span, sentences[w.sentence]);
    drop_glued_qualifier(m, sentences[w.sentence]);
  }
  return accepted;
}

std::vector<Match> find_matches(const LanguageRules& rules, std::string_view sentence) {
  return std::move(find_matches(rules, std::vector<std::string_view>{sentence}).front());
}

}  // namespace sosu::internal
