#include "match/matcher.h"

#include <algorithm>
#include <map>

#include "text/utf8.h"

namespace sosu::internal {
namespace {

// Guards look this far around a match: enough for any word, and it keeps a guard's cost
// independent of the sentence length.
constexpr std::size_t kGuardWindow = 64;

bool guards_pass(const Rule& rule, std::string_view sentence, std::size_t start, std::size_t end) {
  for (const Guard& g : rule.guards) {
    std::string_view context;
    if (g.before) {
      std::size_t from = start > kGuardWindow ? utf8_floor(sentence, start - kGuardWindow) : 0;
      context = sentence.substr(from, start - from);
    } else {
      std::size_t to = std::min(sentence.size(), end + kGuardWindow);
      to = utf8_floor(sentence, to);
      context = sentence.substr(end, to - end);
    }
    bool hit = re2::RE2::PartialMatch(re2::StringPiece(context.data(), context.size()), *g.re);
    if (hit == g.reject) return false;
  }
  return true;
}

void collect(const Rule& rule, std::string_view sentence, std::vector<Match>& out) {
  const int groups = rule.re->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<std::size_t>(groups) + 1);
  re2::StringPiece text(sentence.data(), sentence.size());
  std::size_t pos = 0;
  while (pos <= sentence.size() &&
         rule.re->Match(text, pos, sentence.size(), re2::RE2::UNANCHORED, sub.data(), groups + 1)) {
    std::size_t start = static_cast<std::size_t>(sub[0].data() - sentence.data());
    std::size_t end = start + sub[0].size();
    if (end == start || !guards_pass(rule, sentence, start, end)) {
      // Try again one code point further on: a guard may reject this start but not the next.
      std::size_t next = start;
      if (next < sentence.size()) decode_next(sentence, next);
      pos = std::max(next, start + 1);
      continue;
    }
    Match m;
    m.rule = &rule;
    m.byte_start = start;
    m.byte_end = end;
    for (const auto& [name, index] : rule.captures) {
      const re2::StringPiece& s = sub[static_cast<std::size_t>(index)];
      if (s.data() == nullptr) continue;
      std::size_t cs = static_cast<std::size_t>(s.data() - sentence.data());
      m.captures.push_back(Capture{name, cs, cs + s.size()});
    }
    out.push_back(std::move(m));
    pos = end;
  }
}

}  // namespace

std::vector<Match> find_matches(const LanguageRules& rules, std::string_view sentence) {
  std::vector<Match> candidates;
  if (rules.rules.empty()) return candidates;
  re2::StringPiece text(sentence.data(), sentence.size());
  if (!re2::RE2::PartialMatch(text, *rules.prefilter)) return candidates;
  std::vector<int> hits;
  re2::RE2::Set::ErrorInfo error{};
  if (!rules.set->Match(text, &hits, &error)) {
    if (error.kind != re2::RE2::Set::kOutOfMemory) return candidates;
    // The set's DFA ran out of memory on this sentence: no figure may be lost for it, so
    // every rule runs on its own instead.
    hits.clear();
    for (std::size_t i = 0; i < rules.rules.size(); ++i) hits.push_back(static_cast<int>(i));
  }
  std::sort(hits.begin(), hits.end());
  for (int index : hits) collect(rules.rules[static_cast<std::size_t>(index)], sentence, candidates);

  std::stable_sort(candidates.begin(), candidates.end(), [](const Match& a, const Match& b) {
    std::size_t la = a.byte_end - a.byte_start, lb = b.byte_end - b.byte_start;
    if (la != lb) return la > lb;
    if (a.rule->priority != b.rule->priority) return a.rule->priority > b.rule->priority;
    return a.byte_start < b.byte_start;
  });
  std::map<std::size_t, std::size_t> taken;  // start -> end of accepted matches
  std::vector<Match> accepted;
  for (Match& m : candidates) {
    auto next = taken.lower_bound(m.byte_start);
    if (next != taken.end() && next->first < m.byte_end) continue;
    if (next != taken.begin() && std::prev(next)->second > m.byte_start) continue;
    taken.emplace(m.byte_start, m.byte_end);
    accepted.push_back(std::move(m));
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const Match& a, const Match& b) { return a.byte_start < b.byte_start; });
  return accepted;
}

}  // namespace sosu::internal
