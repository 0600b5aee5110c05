// The compiled form of the pattern packs, shared by the match and extract stages.
#ifndef SOSU_SRC_MATCH_PACK_DATA_H_
#define SOSU_SRC_MATCH_PACK_DATA_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <algorithm>
#include <bitset>
#include <functional>
#include <map>
#include <string_view>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "match/match_chars.h"
#include "sosu/figure.h"
#include "sosu/numeral.h"

namespace sosu::internal {

struct SourcePlace {
  std::string file;
  std::uint64_t line = 0;
};

// One code point out of classes and literals: [0-9A-Za-z.,], [^가-힣], 인|래|장.
struct CodePointClass {
  struct Item {
    bool negated = false;
    std::vector<std::pair<char32_t, char32_t>> ranges;  // inclusive
  };
  std::vector<Item> items;  // any of them

  bool contains(char32_t cp) const {
    for (const Item& item : items) {
      bool in = false;
      for (const auto& [lo, hi] : item.ranges) in = in || (cp >= lo && cp <= hi);
      if (in != item.negated) return true;
    }
    return false;
  }
  // The class a guard's regex states, if it is only that (no repetition, groups or anchors).
  static std::optional<CodePointClass> parse(std::string_view regex);
  // The classes of a regex that is only a run of them ([가-힣A-Za-z]\(: two), one per code
  // point; none when any part is more than one class.
  static std::optional<std::vector<CodePointClass>> parse_run(std::string_view regex);
  // The class as an RE2 bracket expression, `[...]` or `[^...]` for its complement; none when
  // an item is negated, as a union of complements has no bracket form.
  std::optional<std::string> bracket(bool complement) const;
};

// Rejects (or requires) a match by the text just before or after it, since RE2 has no
// look-around. The regex is anchored at the match: `(?:X)$` before, `^(?:X)` after.
struct Guard {
  bool before = true;
  bool reject = true;
  std::unique_ptr<re2::RE2> re;
  // Most guards look at the one code point next to the match ([0-9A-Za-z.,]): that is read
  // directly, as an RE2 search per candidate match cost a tenth of the extraction.
  std::optional<CodePointClass> one_char;
};

// What a capture of a rule's regex stands for: a record field, a numeral part or an attachment
// hint, named in the regex as in patterns/README.md (kMinorCurrency: minor_currency). Extraction
// asks a match for its captures a dozen times, by this rather than by name.
enum class Field : std::uint8_t {
  kValue, kFrom, kTo, kUnit, kCurrency, kQualifier, kDirection, kStatus, kPart, kYear, kMonth, kDay, kToYear,
  kToMonth, kToDay, kSubject, kPer, kSign, kRelative, kApprox, kNumerator, kDenominator, kWeekday, kHoliday,
  kMinor, kMinorCurrency, kShortYear, kAmount, kCalendarUnit, kNth, kLarger, kLargerUnit, kDecade
};
// The field a capture name stands for, none for a name sosu does not know. A field captured in
// two places of one regex takes a suffix there, as RE2 wants distinct names: `qualifier_2`.
std::optional<Field> capture_field(std::string_view name);
// The name of the field, as written in packs and tables.
std::string_view field_name(Field field);

struct PackExample {
  bool negative = false;  // a <counterexample>: the rule must not fire
  std::string text;
  std::string ref_date;  // ref-date="2013-02-12": relative times resolve against it
  std::vector<std::pair<std::string, std::string>> expect;  // record field -> value as written
  SourcePlace at;
};

struct Rule {
  std::string id;    // <lang>/<kind>/<name>: the record's `pattern`
  std::string name;  // reads as a sentence
  Kind kind = Kind::kNumber;
  // What a match is. kind="time": a time expression (지난해, 지금까지) that figures attach to
  // as their `time`. kind="ignore": a span that is no figure and that no other rule may take
  // (the enumerator "(1)", a comment counter). Neither is a record of its own.
  enum class Role { kFigure, kTime, kIgnore };
  Role role = Role::kFigure;
  bool time_only() const { return role == Role::kTime; }
  // The kind segment of the rule id: a RECORD.md kind, "time" or "ignore".
  std::string kind_segment() const {
    return role == Role::kTime ? "time" : role == Role::kIgnore ? "ignore" : kind_name(kind);
  }
  int priority = 0;  // breaks ties between overlapping matches of equal length
  std::vector<std::pair<std::string, std::string>> fixed;  // fields set by attribute (unit="%")
  std::unique_ptr<re2::RE2> re;
  // What is searched for the rule's matches: `re` behind the code points its before-guards
  // allow there, `(?:^|[^0-9A-Za-z.,])(?:re)` or `[가-힣A-Za-z][(](?:re)`, so that starts the
  // guards reject are skipped by the DFA instead of being found and retried one by one. Null
  // when no guard has that form.
  std::unique_ptr<re2::RE2> search_re;
  bool search_allows_start = false;  // the prefix is `(?:^|...)`: a match may start the sentence
  int search_prefix_code_points = 1;  // what the prefix takes before the match, but for `^`
  std::vector<std::pair<Field, int>> captures;             // capture -> group index
  // For a rule of the language's lowest priority (bare numbers and the like), the code points
  // its matches may hold, start and end with, when its regex could be read for them: where
  // every place it could match lies inside a longer winner, it is not searched at all.
  std::optional<MatchChars> fallback_chars;
  // Where the rule's matches may start (match_starts), when its regex could be read for it: a
  // search starts at the next such code point, and none is made after the last.
  std::optional<CodePointFinder> match_starts;
  std::vector<Guard> guards;
  // Entries of the language's set for contexts the guards require: the rule runs only on a
  // sentence where all of them occur.
  std::vector<int> required_contexts;
  std::vector<PackExample> examples;
  SourcePlace at;
};

// FNV-1a: table keys are a few bytes, where std::hash's setup costs more than the bytes.
struct ShortKeyHash {
  std::uint64_t operator()(std::string_view key) const noexcept {
    std::uint64_t h = 14695981039346656037ULL;
    for (char c : key) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h;
  }
};

// An index of short string keys to values kept elsewhere: open addressing over a power of
// two of slots, probed linearly, at most half full. A lookup costs about half of
// std::unordered_map's (no division, no chain of nodes); attachment asks several per word.
template <typename Value>
class ShortKeyIndex {
 public:
  // `count` keys at most will be added.
  void reset(std::size_t count) {
    std::size_t capacity = 4;
    while (capacity < 2 * count) capacity *= 2;
    slots_.assign(capacity, Slot{});
  }
  // The key's text and the value must outlive the index. The first of equal keys wins.
  void add(std::string_view key, const Value* value) {
    const std::uint64_t hash = ShortKeyHash{}(key);
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hash & mask;
    for (; slots_[slot].value != nullptr; slot = (slot + 1) & mask) {
      if (slots_[slot].hash == hash && slots_[slot].key == key) return;
    }
    slots_[slot] = Slot{hash, key, value};
  }
  const Value* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t hash = ShortKeyHash{}(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask; slots_[slot].value != nullptr; slot = (slot + 1) & mask) {
      if (slots_[slot].hash == hash && slots_[slot].key == key) return slots_[slot].value;
    }
    return nullptr;
  }
  bool empty() const { return slots_.empty(); }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::string_view key;
    const Value* value = nullptr;  // null: an empty slot
  };
  std::vector<Slot> slots_;
};

// A word list with optional values (`이상` -> `at_least`); also usable as ${name} in regexes.
struct Table {
  std::vector<std::pair<std::string, std::string>> entries;  // in file order
  SourcePlace at;

  Table() = default;
  // The index points into entries, so a copy builds its own.
  Table(const Table& other) : entries(other.entries), at(other.at) { index_entries(); }
  Table& operator=(const Table& other) {
    entries = other.entries;
    at = other.at;
    index_entries();
    return *this;
  }
  Table(Table&&) noexcept = default;
  Table& operator=(Table&&) noexcept = default;

  // Builds the lookup index; called once the entries are final. The first of equal keys wins.
  void index_entries() {
    key_lengths.clear();
    first_bytes.reset();
    last_bytes.reset();
    index.reset(entries.size());
    for (const auto& e : entries) {
      index.add(e.first, &e.second);
      key_lengths.push_back(e.first.size());
      if (e.first.empty()) continue;
      first_bytes.set(static_cast<unsigned char>(e.first.front()));
      last_bytes.set(static_cast<unsigned char>(e.first.back()));
    }
    std::sort(key_lengths.begin(), key_lengths.end(), std::greater<>());
    key_lengths.erase(std::unique(key_lengths.begin(), key_lengths.end()), key_lengths.end());
  }
  std::optional<std::string_view> lookup(std::string_view key) const {
    if (index.empty() || (!key.empty() && !first_bytes[static_cast<unsigned char>(key.front())])) return std::nullopt;
    if (const std::string* value = index.find(key)) return std::string_view(*value);
    return std::nullopt;
  }
  // Whether any key occurs in text: a cheap test before looking up every word of a sentence.
  bool occurs_in(std::string_view text) const {
    return std::any_of(entries.begin(), entries.end(),
                       [&](const auto& e) { return text.find(e.first) != std::string_view::npos; });
  }
  // The longest key that text starts with (text itself may be the key): 늘었다 -> 늘.
  std::optional<std::pair<std::string_view, std::string_view>> longest_prefix(std::string_view text) const {
    if (text.empty() || !first_bytes[static_cast<unsigned char>(text.front())]) return empty_key(text.substr(0, 0));
    for (std::size_t len : key_lengths) {
      if (len > text.size()) continue;
      if (auto value = lookup(text.substr(0, len))) return std::make_pair(text.substr(0, len), *value);
    }
    return std::nullopt;
  }
  // The longest key that text ends with, leaving something before it: 청주시 -> 시.
  std::optional<std::pair<std::string_view, std::string_view>> longest_suffix(std::string_view text) const {
    // Every suffix ends with the text's last byte.
    if (text.empty() || !last_bytes[static_cast<unsigned char>(text.back())]) return empty_key(text.substr(text.size()));
    for (std::size_t len : key_lengths) {
      if (len >= text.size()) continue;
      std::string_view tail = text.substr(text.size() - len);
      if (auto value = lookup(tail)) return std::make_pair(tail, *value);
    }
    return std::nullopt;
  }

  // Where no key of one byte or more can match: only an empty key would.
  std::optional<std::pair<std::string_view, std::string_view>> empty_key(std::string_view empty) const {
    if (auto value = lookup(empty)) return std::make_pair(empty, *value);
    return std::nullopt;
  }

  ShortKeyIndex<std::string> index;  // into entries
  std::vector<std::size_t> key_lengths;  // distinct key sizes in bytes, longest first
  // The bytes keys start and end with: most words are rejected before any hashing.
  std::bitset<256> first_bytes;
  std::bitset<256> last_bytes;
};

// The most words a status word may stand before its figure (table status_reach).
inline constexpr std::size_t kMaxStatusReach = 16;

struct LanguageRules {
  std::string lang;
  std::vector<Rule> rules;
  std::map<std::string, Table, std::less<>> tables;  // this language's and the common ones
  NumeralSyntax numerals;
  NumeralSyntax numerals_swapped;  // decimal and group marks the other way round (1.234,5 / 1,234.5)
  std::unique_ptr<re2::RE2::Set> set;                  // finds candidate rules in one pass
  std::unique_ptr<re2::RE2> prefilter;                 // a digit, or the ${prefilter} fragment
  // How many words back a status word may stand from its figure: table status_reach, else 2.
  std::size_t status_reach = 2;

  const Table* table(std::string_view name) const { return table_index.find(name); }
  // Attachment asks for tables by name several times per sentence: hashing the name beats
  // the map's string comparisons. Built once the language is in its final place.
  void index_tables() {
    table_index.reset(tables.size());
    for (const auto& [name, t] : tables) table_index.add(name, &t);
  }
  ShortKeyIndex<Table> table_index;  // into `tables`
};

struct PackSetData {
  std::map<std::string, LanguageRules> languages;
  std::vector<std::string> versions;  // "ko/count 1" per pack file
};

}  // namespace sosu::internal

#endif  // SOSU_SRC_MATCH_PACK_DATA_H_
