#include "match/match_chars.h"

#include <unicode/uniset.h>

#include <algorithm>

#include "text/utf8.h"

namespace sosu::internal {

void CodePointSet::add(char32_t lo, char32_t hi) {
  if (lo > hi) return;
  if (lo < 0x10000) {
    if (bmp_.empty()) bmp_.assign(0x10000 / 64, 0);
    const char32_t top = std::min<char32_t>(hi, 0xFFFF);
    // Whole words at once: a negated class spans most of the plane.
    for (char32_t cp = lo; cp <= top;) {
      const char32_t word_end = std::min<char32_t>(top, cp | 63);
      const unsigned bits = static_cast<unsigned>(word_end - cp) + 1;
      const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : ((std::uint64_t{1} << bits) - 1) << (cp & 63);
      bmp_[cp >> 6] |= mask;
      cp = word_end + 1;
    }
  }
  if (hi >= 0x10000) beyond_.emplace_back(std::max<char32_t>(lo, 0x10000), hi);
}

namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;
using Ranges = std::vector<std::pair<char32_t, char32_t>>;

// Sorted, with overlapping and adjacent ranges joined: the sets stay small while they are
// joined node by node, and become bitmaps only at the end.
void tidy(Ranges& ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::size_t out = 0;
  for (const auto& range : ranges) {
    if (out > 0 && range.first <= ranges[out - 1].second + 1) {
      ranges[out - 1].second = std::max(ranges[out - 1].second, range.second);
    } else {
      ranges[out++] = range;
    }
  }
  ranges.resize(out);
}

void add_all(Ranges& to, const Ranges& from) { to.insert(to.end(), from.begin(), from.end()); }

// Every code point that matches one of `ranges` when case is ignored: ICU's case closure,
// which holds RE2's simple case folding (k, K and the Kelvin sign) and more. More is safe.
void close_over_case(Ranges& ranges) {
  if (ranges.empty()) return;
  icu::UnicodeSet set;
  for (const auto& [lo, hi] : ranges) set.add(static_cast<UChar32>(lo), static_cast<UChar32>(hi));
  set.closeOver(USET_CASE_INSENSITIVE);
  set.removeAllStrings();
  ranges.clear();
  for (int32_t k = 0; k < set.getRangeCount(); ++k) {
    ranges.emplace_back(static_cast<char32_t>(set.getRangeStart(k)), static_cast<char32_t>(set.getRangeEnd(k)));
  }
}

struct Sets {
  Ranges all, first, last;
};

struct Node {
  bool nullable = true;  // the empty string matches
  Sets chars;
};

Node epsilon() { return Node{}; }

// With `whole` false only `first` is kept: the others stay empty through then() and either().
Node one_of(const Ranges& ranges, bool whole) {
  Node n;
  n.nullable = false;
  n.chars.first = ranges;
  if (whole) n.chars.all = n.chars.last = ranges;
  return n;
}

// A then B, into A.
void then(Node& a, const Node& b) {
  add_all(a.chars.all, b.chars.all);
  if (a.nullable) add_all(a.chars.first, b.chars.first);
  if (b.nullable) {
    add_all(a.chars.last, b.chars.last);
  } else {
    a.chars.last = b.chars.last;
  }
  a.nullable = a.nullable && b.nullable;
}

// A or B, into A.
void either(Node& a, const Node& b) {
  add_all(a.chars.all, b.chars.all);
  add_all(a.chars.first, b.chars.first);
  add_all(a.chars.last, b.chars.last);
  a.nullable = a.nullable || b.nullable;
}

void tidy(Node& n) {
  tidy(n.chars.all);
  tidy(n.chars.first);
  tidy(n.chars.last);
}

Ranges complement(Ranges ranges) {
  std::sort(ranges.begin(), ranges.end());
  Ranges out;
  char32_t next = 0;
  for (const auto& [lo, hi] : ranges) {
    if (lo > next) out.emplace_back(next, lo - 1);
    next = std::max<char32_t>(next, hi + 1);
  }
  if (next <= kMaxCodePoint) out.emplace_back(next, kMaxCodePoint);
  return out;
}

// The value of a hexadecimal digit, or -1.
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Recursive descent over RE2's syntax, as far as the packs use it. Any other construct ends
// the reading with no result.
class Reader {
 public:
  // `whole`: all three sets, else only where matches may start.
  Reader(std::string_view re, bool whole) : re_(re), whole_(whole) {}

  std::optional<Node> read() {
    std::optional<Node> n = alternation(0);
    if (!n || at_ != re_.size()) return std::nullopt;
    return n;
  }

 private:
  bool more() const { return at_ < re_.size(); }
  char peek() const { return re_[at_]; }

  std::optional<Node> alternation(int depth) {
    if (depth > 100) return std::nullopt;
    std::optional<Node> left = sequence(depth);
    while (left && more() && peek() == '|') {
      ++at_;
      std::optional<Node> right = sequence(depth);
      if (!right) return std::nullopt;
      either(*left, *right);
    }
    return left;
  }

  std::optional<Node> sequence(int depth) {
    Node acc = epsilon();
    while (more() && peek() != '|' && peek() != ')') {
      std::optional<Node> part = atom(depth);
      if (!part || !quantify(*part)) return std::nullopt;
      then(acc, *part);
    }
    return acc;
  }

  // ?, *, +, {n}, {n,}, {n,m}, each perhaps lazy.
  bool quantify(Node& n) {
    if (!more()) return true;
    const char c = peek();
    bool may_be_absent = false;
    if (c == '?' || c == '*') {
      may_be_absent = true;
      ++at_;
    } else if (c == '+') {
      ++at_;
    } else if (c == '{') {
      std::size_t j = at_ + 1;
      std::size_t digits = 0;
      unsigned least = 0;
      for (; j < re_.size() && re_[j] >= '0' && re_[j] <= '9'; ++j, ++digits) {
        least = std::min(least * 10 + static_cast<unsigned>(re_[j] - '0'), 100000u);
      }
      if (digits == 0) return false;
      if (j < re_.size() && re_[j] == ',') {
        ++j;
        while (j < re_.size() && re_[j] >= '0' && re_[j] <= '9') ++j;
      }
      if (j >= re_.size() || re_[j] != '}') return false;
      at_ = j + 1;
      may_be_absent = least == 0;
    } else {
      return true;
    }
    if (more() && peek() == '?') ++at_;  // lazy: the same strings
    if (more() && (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{')) return false;
    if (may_be_absent) n.nullable = true;
    return true;
  }

  std::optional<Node> atom(int depth) {
    const char c = peek();
    if (c == '(') {
      bool ignore_case = false;
      if (re_.substr(at_, 3) == "(?:") {
        at_ += 3;
      } else if (re_.substr(at_, 4) == "(?i:") {
        ignore_case = true;
        at_ += 4;
      } else if (re_.substr(at_, 4) == "(?P<") {
        const std::size_t close = re_.find('>', at_);
        if (close == std::string_view::npos) return std::nullopt;
        at_ = close + 1;
      } else if (re_.substr(at_, 2) == "(?") {
        return std::nullopt;  // other flags, and flags that hold to the group's end
      } else {
        ++at_;
      }
      std::optional<Node> inner = alternation(depth + 1);
      if (!inner || !more() || peek() != ')') return std::nullopt;
      ++at_;
      // The sets of what is inside, each closed over case: a union, so the closure of each
      // part's set is the closure of the whole.
      if (ignore_case) {
        close_over_case(inner->chars.all);
        close_over_case(inner->chars.first);
        close_over_case(inner->chars.last);
      } else {
        tidy(*inner);
      }
      return inner;
    }
    if (c == '[') return bracket();
    if (c == '^' || c == '$') {
      ++at_;
      return epsilon();
    }
    if (c == '.') {
      ++at_;
      return one_of({{0, '\n' - 1}, {'\n' + 1, kMaxCodePoint}}, whole_);
    }
    if (c == '\\') {
      Ranges ranges;
      bool zero_width = false;
      if (!escape(ranges, zero_width)) return std::nullopt;
      return zero_width ? epsilon() : one_of(ranges, whole_);
    }
    if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')') return std::nullopt;
    const char32_t cp = decode_next(re_, at_);
    return one_of({{cp, cp}}, whole_);
  }

  // An escape at `at_`, into ranges; zero-width ones (\b \B \A \z) set `zero_width`.
  bool escape(Ranges& ranges, bool& zero_width) {
    if (at_ + 1 >= re_.size()) return false;
    const char e = re_[at_ + 1];
    at_ += 2;
    switch (e) {
      case 'd': ranges.emplace_back('0', '9'); return true;
      case 's':
        for (char32_t s : {U'\t', U'\n', U'\f', U'\r', U' '}) ranges.emplace_back(s, s);
        return true;
      case 'w':
        ranges.insert(ranges.end(), {{'0', '9'}, {'A', 'Z'}, {'a', 'z'}, {'_', '_'}});
        return true;
      case 'b': case 'B': case 'A': case 'z': zero_width = true; return true;
      case 'n': ranges.emplace_back('\n', '\n'); return true;
      case 't': ranges.emplace_back('\t', '\t'); return true;
      case 'r': ranges.emplace_back('\r', '\r'); return true;
      case 'f': ranges.emplace_back('\f', '\f'); return true;
      case 'v': ranges.emplace_back('\v', '\v'); return true;
      case 'x': {
        char32_t cp = 0;
        if (more() && peek() == '{') {
          std::size_t j = at_ + 1;
          for (; j < re_.size() && hex_value(re_[j]) >= 0 && cp <= kMaxCodePoint; ++j) {
            cp = cp * 16 + static_cast<char32_t>(hex_value(re_[j]));
          }
          if (j >= re_.size() || re_[j] != '}' || j == at_ + 1 || cp > kMaxCodePoint) return false;
          at_ = j + 1;
        } else {
          if (at_ + 2 > re_.size() || hex_value(re_[at_]) < 0 || hex_value(re_[at_ + 1]) < 0) return false;
          cp = static_cast<char32_t>(hex_value(re_[at_]) * 16 + hex_value(re_[at_ + 1]));
          at_ += 2;
        }
        ranges.emplace_back(cp, cp);
        return true;
      }
      default:
        // Escaped punctuation stands for itself; letters and digits are classes or
        // constructs this reader does not follow.
        if (static_cast<unsigned char>(e) < 128 && !((e >= '0' && e <= '9') || (e >= 'A' && e <= 'Z') || (e >= 'a' && e <= 'z'))) {
          ranges.emplace_back(static_cast<char32_t>(e), static_cast<char32_t>(e));
          return true;
        }
        return false;
    }
  }

  std::optional<Node> bracket() {
    ++at_;  // [
    bool negated = false;
    if (more() && peek() == '^') {
      negated = true;
      ++at_;
    }
    Ranges ranges;
    bool first = true;
    while (more() && (peek() != ']' || first)) {
      first = false;
      if (re_.substr(at_, 2) == "[:") return std::nullopt;
      char32_t lo = 0;
      if (peek() == '\\') {
        Ranges escaped;
        bool zero_width = false;
        if (!escape(escaped, zero_width) || zero_width) return std::nullopt;
        if (escaped.size() != 1 || escaped[0].first != escaped[0].second) {  // \d, \s, \w
          ranges.insert(ranges.end(), escaped.begin(), escaped.end());
          continue;
        }
        lo = escaped[0].first;
      } else {
        lo = decode_next(re_, at_);
      }
      char32_t hi = lo;
      if (at_ + 1 < re_.size() && peek() == '-' && re_[at_ + 1] != ']') {
        ++at_;
        if (peek() == '\\') {
          Ranges escaped;
          bool zero_width = false;
          if (!escape(escaped, zero_width) || zero_width || escaped.size() != 1 ||
              escaped[0].first != escaped[0].second) {
            return std::nullopt;
          }
          hi = escaped[0].first;
        } else {
          hi = decode_next(re_, at_);
        }
        if (hi < lo) return std::nullopt;
      }
      ranges.emplace_back(lo, hi);
    }
    if (!more()) return std::nullopt;
    ++at_;  // ]
    return one_of(negated ? complement(ranges) : ranges, whole_);
  }

  std::string_view re_;
  bool whole_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<CodePointFinder> match_starts(std::string_view regex) {
  std::optional<Node> n = Reader(regex, false).read();
  if (!n) return std::nullopt;
  return CodePointFinder(n->chars.first);
}

std::optional<MatchChars> match_chars(std::string_view regex) {
  std::optional<Node> n = Reader(regex, true).read();
  if (!n) return std::nullopt;
  MatchChars chars;
  for (const auto& [lo, hi] : n->chars.all) chars.all.add(lo, hi);
  for (const auto& [lo, hi] : n->chars.first) chars.first.add(lo, hi);
  for (const auto& [lo, hi] : n->chars.last) chars.last.add(lo, hi);
  return chars;
}

}  // namespace sosu::internal
