// Loads pattern packs (XML, read with pugixml) and compiles their rules with RE2.
// Every problem is collected with its file and line; loading goes on to find the rest.
#include <pugixml.hpp>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "match/pack_data.h"
#include "sosu/extract.h"
#include "sosu/pattern_pack.h"

namespace sosu {
namespace fs = std::filesystem;
using internal::LanguageRules;
using internal::kMaxStatusReach;
using internal::PackSetData;
using internal::SourcePlace;

namespace internal {

namespace {
// By Field, in its order.
constexpr std::string_view kFieldNames[] = {
    "value", "from", "to", "unit", "currency", "qualifier", "direction", "status", "part", "year", "month",
    "day", "to_year", "to_month", "to_day", "subject", "per", "sign", "relative", "approx", "numerator",
    "denominator", "weekday", "holiday", "minor", "minor_currency", "short_year", "amount", "calendar_unit",
    "nth", "larger", "larger_unit", "decade",
};
static_assert(std::size(kFieldNames) == static_cast<std::size_t>(Field::kDecade) + 1, "a name for every Field");
}  // namespace

std::optional<Field> capture_field(std::string_view name) {
  if (name.size() > 2 && name[name.size() - 2] == '_' && name.back() >= '0' && name.back() <= '9') {
    name.remove_suffix(2);
  }
  for (std::size_t k = 0; k < std::size(kFieldNames); ++k) {
    if (kFieldNames[k] == name) return static_cast<Field>(k);
  }
  return std::nullopt;
}

std::string_view field_name(Field field) { return kFieldNames[static_cast<std::size_t>(field)]; }

}  // namespace internal

namespace {

constexpr const char* kCommon = "common";
// The pseudo-kinds of rules whose matches are no records: time expressions for attachment,
// and spans to ignore.
constexpr const char* kTimeKind = "time";
constexpr const char* kIgnoreKind = "ignore";
bool is_pseudo_kind(const std::string& kind) { return kind == kTimeKind || kind == kIgnoreKind; }

// The raw, uncompiled content of all pack files, grouped by language ("common" is shared).
struct RawFragment {
  std::string text;
  SourcePlace at;
};
struct RawRule {
  std::string local_id;
  std::string name;
  std::string kind;
  int priority = 0;
  std::string regex;
  SourcePlace regex_at;
  std::vector<std::pair<std::string, std::string>> fixed;
  struct RawGuard {
    bool before, reject;
    std::string regex;
    SourcePlace at;
  };
  std::vector<RawGuard> guards;
  std::vector<internal::PackExample> examples;
  SourcePlace at;
};
struct RawLanguage {
  std::map<std::string, RawFragment> fragments;
  std::map<std::string, internal::Table> tables;
  std::map<std::string, RawRule> rules;  // by full id
  std::vector<std::string> rule_order;   // ids in load order, for deterministic output
  std::optional<char> decimal_mark, group_mark;
  bool infer_marks = false;
  bool short_tail = false;
};

void add_error(std::vector<Error>& errors, ErrorCode code, const SourcePlace& at, const std::string& message) {
  Error e;
  e.code = code;
  e.file = at.file;
  if (at.line > 0) e.line_col = LineCol{at.line, 1};
  e.message = message;
  errors.push_back(std::move(e));
}

class Loader {
 public:
  void load_dir(const fs::path& dir, std::size_t dir_index);
  // Compiles the languages, up to `threads` of them at once.
  Result<std::unique_ptr<PackSetData>> finish(unsigned threads);

 private:
  void load_file(const fs::path& path, std::size_t dir_index);
  void error(ErrorCode code, const SourcePlace& at, const std::string& message) {
    add_error(errors_, code, at, message);
  }
  // One language's rules, compiled; its problems go to `errors`. Reads the loader only, so
  // that languages can compile at the same time.
  LanguageRules build_language(const std::string& lang, const RawLanguage& raw, std::vector<Error>& errors) const;
  // ${name} expansion against a language's fragments and tables, then the common ones.
  std::optional<std::string> expand(const std::string& lang, const std::string& text, const SourcePlace& at,
                                    std::vector<std::string>& stack, std::vector<Error>& errors) const;
  const RawFragment* find_fragment(const std::string& lang, const std::string& name) const;
  // Every table as a fragment, before any expansion.
  void index_table_fragments();

  std::map<std::string, RawLanguage> raw_;
  // Where each id or name was first defined in the current directory, to catch duplicates.
  std::map<std::string, std::pair<std::size_t, SourcePlace>> defined_;
  std::map<std::string, RawFragment> table_fragments_;  // "lang\0name" -> alternation of keys
  std::vector<std::string> versions_;
  std::vector<Error> errors_;
};

std::uint64_t line_of(const std::string& buffer, std::ptrdiff_t offset) {
  if (offset < 0) return 0;
  auto end = buffer.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(buffer.size()));
  return 1 + static_cast<std::uint64_t>(std::count(buffer.begin(), end, '\n'));
}

// Regex-escapes a table word for use inside an alternation.
std::string quote(const std::string& word) { return re2::RE2::QuoteMeta(word); }

void Loader::load_dir(const fs::path& dir, std::size_t dir_index) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error(ErrorCode::kIo, SourcePlace{dir.string(), 0}, "pattern directory not found");
    return;
  }
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".xml") files.push_back(it->path());
  }
  if (ec) error(ErrorCode::kIo, SourcePlace{dir.string(), 0}, "cannot list: " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.empty()) error(ErrorCode::kPackSchema, SourcePlace{dir.string(), 0}, "no *.xml pattern packs here");
  for (const fs::path& f : files) load_file(f, dir_index);
}

void Loader::load_file(const fs::path& path, std::size_t dir_index) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  std::string buffer((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    error(ErrorCode::kIo, SourcePlace{file, 0}, "cannot read pattern pack");
    return;
  }
  pugi::xml_document doc;
  // Default parsing: entities are the five XML ones only; a DOCTYPE is skipped, never expanded.
  pugi::xml_parse_result parsed = doc.load_buffer(buffer.data(), buffer.size());
  if (!parsed) {
    Error e;
    e.code = ErrorCode::kPackXml;
    e.file = file;
    e.byte_offset = static_cast<std::uint64_t>(parsed.offset);
    std::uint64_t line = line_of(buffer, parsed.offset);
    std::size_t line_start = buffer.rfind('\n', static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 1) - 1));
    e.line_col = LineCol{line, static_cast<std::uint64_t>(parsed.offset) -
                                   (line_start == std::string::npos ? 0 : line_start + 1) + 1};
    e.message = std::string("malformed XML: ") + parsed.description();
    errors_.push_back(std::move(e));
    return;
  }
  auto place = [&](const pugi::xml_node& n) { return SourcePlace{file, line_of(buffer, n.offset_debug())}; };

  pugi::xml_node pack = doc.document_element();
  if (std::string(pack.name()) != "pack") {
    error(ErrorCode::kPackSchema, place(pack), "the root element must be <pack>, not <" + std::string(pack.name()) + ">");
    return;
  }
  const std::string lang = pack.attribute("lang").as_string();
  const std::string pack_kind = pack.attribute("kind").as_string();
  if (lang.empty()) {
    error(ErrorCode::kPackSchema, place(pack), "<pack> needs a lang attribute (ko, vi, common, ...)");
    return;
  }
  if (!pack_kind.empty() && !is_pseudo_kind(pack_kind) && !kind_from_name(pack_kind)) {
    error(ErrorCode::kPackSchema, place(pack), "unknown kind \"" + pack_kind + "\" (see spec/RECORD.md)");
  }
  versions_.push_back(lang + "/" + (pack_kind.empty() ? path.stem().string() : pack_kind) + " " +
                      pack.attribute("version").as_string("0"));
  RawLanguage& raw = raw_[lang];

  // A name defined twice in one directory is an error; a later directory overrides.
  auto define = [&](const std::string& key, const SourcePlace& at) {
    auto it = defined_.find(key);
    if (it != defined_.end() && it->second.first == dir_index) {
      error(ErrorCode::kPackSchema, at,
            key.substr(key.find('\t') + 1) + " is defined twice (first at " + it->second.second.file + ":" +
                std::to_string(it->second.second.line) + ")");
      return false;
    }
    defined_[key] = {dir_index, at};
    return true;
  };

  for (pugi::xml_node node : pack.children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string element = node.name();
    const SourcePlace at = place(node);
    if (element == "fragment") {
      std::string name = node.attribute("name").as_string();
      if (name.empty()) {
        error(ErrorCode::kPackSchema, at, "<fragment> needs a name");
        continue;
      }
      if (define(lang + "\tfragment " + name, at)) raw.fragments[name] = RawFragment{node.text().as_string(), at};
    } else if (element == "table") {
      std::string name = node.attribute("name").as_string();
      if (name.empty()) {
        error(ErrorCode::kPackSchema, at, "<table> needs a name");
        continue;
      }
      internal::Table table;
      table.at = at;
      for (pugi::xml_node entry : node.children()) {
        if (entry.type() != pugi::node_element) continue;
        if (std::string(entry.name()) != "entry" || entry.attribute("key").empty()) {
          error(ErrorCode::kPackSchema, place(entry), "a <table> holds <entry key=\"...\" [value=\"...\"]/> elements");
          continue;
        }
        std::string key = entry.attribute("key").as_string();
        table.entries.emplace_back(key, entry.attribute("value").as_string(key.c_str()));
      }
      table.index_entries();
      if (define(lang + "\ttable " + name, at)) raw.tables[name] = std::move(table);
    } else if (element == "numerals") {
      for (const char* attr : {"decimal-mark", "group-mark"}) {
        std::string v = node.attribute(attr).as_string();
        if (v.size() != 1) {
          error(ErrorCode::kPackSchema, at, std::string("<numerals> needs ") + attr + " as one ASCII character");
          continue;
        }
        (std::string(attr) == "decimal-mark" ? raw.decimal_mark : raw.group_mark) = v[0];
      }
      raw.infer_marks = node.attribute("infer").as_bool(false);
      raw.short_tail = node.attribute("short-tail").as_bool(false);
    } else if (element == "rule") {
      RawRule rule;
      rule.at = at;
      rule.local_id = node.attribute("id").as_string();
      rule.name = node.attribute("name").as_string();
      rule.kind = node.attribute("kind").as_string(pack_kind.c_str());
      rule.priority = node.attribute("priority").as_int(0);
      if (rule.local_id.empty() || rule.name.empty()) {
        error(ErrorCode::kPackSchema, at, "<rule> needs an id and a name");
        continue;
      }
      if (!is_pseudo_kind(rule.kind) && !kind_from_name(rule.kind)) {
        error(ErrorCode::kPackSchema, at, "rule " + rule.local_id + ": unknown kind \"" + rule.kind + "\"");
        continue;
      }
      for (pugi::xml_attribute a : node.attributes()) {
        std::string n = a.name();
        if (n == "unit" || n == "qualifier" || n == "direction" || n == "status" || n == "part" || n == "fraction") {
          rule.fixed.emplace_back(n, a.value());
        } else if (n != "id" && n != "name" && n != "kind" && n != "priority") {
          error(ErrorCode::kPackSchema, at, "rule " + rule.local_id + ": unknown attribute " + n);
        }
      }
      for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string c = child.name();
        SourcePlace cat = place(child);
        if (c == "regex") {
          rule.regex = child.text().as_string();
          rule.regex_at = cat;
        } else if (c == "guard") {
          bool found = false;
          for (const char* attr : {"reject-before", "reject-after", "require-before", "require-after"}) {
            if (child.attribute(attr).empty()) continue;
            std::string a = attr;
            rule.guards.push_back(RawRule::RawGuard{a.find("before") != std::string::npos,
                                                    a.rfind("reject", 0) == 0, child.attribute(attr).as_string(), cat});
            found = true;
          }
          if (!found) error(ErrorCode::kPackSchema, cat, "<guard> needs reject-before, reject-after, require-before or require-after");
        } else if (c == "example" || c == "counterexample") {
          internal::PackExample ex;
          ex.negative = c == "counterexample";
          ex.at = cat;
          ex.text = child.attribute("text").as_string();
          if (ex.text.empty()) error(ErrorCode::kPackSchema, cat, "<" + c + "> needs a text attribute");
          for (pugi::xml_attribute a : child.attributes()) {
            const std::string name = a.name();
            if (name == "ref-date") {
              ex.ref_date = a.value();
              if (!CalendarDate::parse(ex.ref_date)) error(ErrorCode::kPackSchema, cat, "ref-date must be YYYY-MM-DD");
            } else if (name != "text") {
              ex.expect.emplace_back(name, a.value());
            }
          }
          rule.examples.push_back(std::move(ex));
        } else {
          error(ErrorCode::kPackSchema, cat, "unknown element <" + c + "> in <rule>");
        }
      }
      if (rule.regex.empty()) {
        error(ErrorCode::kPackSchema, at, "rule " + rule.local_id + " has no <regex>");
        continue;
      }
      std::string full_id = lang + "/" + rule.kind + "/" + rule.local_id;
      if (!define(lang + "\trule " + full_id, at)) continue;
      if (!raw.rules.count(full_id)) raw.rule_order.push_back(full_id);
      raw.rules[full_id] = std::move(rule);
    } else {
      error(ErrorCode::kPackSchema, at, "unknown element <" + element + "> in <pack>");
    }
  }
}

void Loader::index_table_fragments() {
  for (const auto& [space, raw] : raw_) {
    for (const auto& [name, table] : raw.tables) {
      // A table is also a fragment: its keys, longest first so that alternation prefers them.
      std::vector<std::string> words;
      for (const auto& e : table.entries) words.push_back(e.first);
      std::sort(words.begin(), words.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
      });
      std::string alternation;
      for (const std::string& w : words) alternation += (alternation.empty() ? "" : "|") + quote(w);
      table_fragments_[space + '\0' + name] = RawFragment{alternation, table.at};
    }
  }
}

const RawFragment* Loader::find_fragment(const std::string& lang, const std::string& name) const {
  for (const std::string& space : {lang, std::string(kCommon)}) {
    auto lit = raw_.find(space);
    if (lit == raw_.end()) continue;
    auto fit = lit->second.fragments.find(name);
    if (fit != lit->second.fragments.end()) return &fit->second;
    auto table = table_fragments_.find(space + '\0' + name);
    if (table != table_fragments_.end()) return &table->second;
  }
  return nullptr;
}

std::optional<std::string> Loader::expand(const std::string& lang, const std::string& text, const SourcePlace& at,
                                          std::vector<std::string>& stack, std::vector<Error>& errors) const {
  std::string out;
  std::size_t i = 0;
  bool ok = true;
  while (i < text.size()) {
    std::size_t open = text.find("${", i);
    if (open == std::string::npos) {
      out.append(text, i, std::string::npos);
      break;
    }
    out.append(text, i, open - i);
    std::size_t close = text.find('}', open);
    if (close == std::string::npos) {
      add_error(errors, ErrorCode::kPackFragment, at, "unclosed ${ in regex");
      return std::nullopt;
    }
    std::string name = text.substr(open + 2, close - open - 2);
    i = close + 1;
    if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
      std::string cycle;
      for (const std::string& s : stack) cycle += s + " -> ";
      add_error(errors, ErrorCode::kPackFragment, at, "cyclic fragment reference: " + cycle + name);
      ok = false;
      continue;
    }
    const RawFragment* f = find_fragment(lang, name);
    if (f == nullptr) {
      add_error(errors, ErrorCode::kPackFragment, at, "undefined fragment ${" + name + "}");
      ok = false;
      continue;
    }
    stack.push_back(name);
    std::optional<std::string> inner = expand(lang, f->text, f->at, stack, errors);
    stack.pop_back();
    if (!inner) {
      ok = false;
      continue;
    }
    out += "(?:" + *inner + ")";
  }
  if (!ok) return std::nullopt;
  return out;
}

std::unique_ptr<re2::RE2> compile(const std::string& pattern) {
  re2::RE2::Options options;
  options.set_log_errors(false);  // errors are reported with file and line instead
  return std::make_unique<re2::RE2>(pattern, options);
}

// Whether a guard's regex can stand as a test of the whole sentence: no anchor or word
// boundary ties it to where the guard looks, and it cannot match the empty string (asked of
// the guard's compiled, anchored form).
bool can_prefilter(const std::string& body, const re2::RE2& guard) {
  if (body.find_first_of("^$") != std::string::npos) return false;
  for (const char* boundary : {"\\b", "\\B", "\\A", "\\z"}) {
    if (body.find(boundary) != std::string::npos) return false;
  }
  return !re2::RE2::FullMatch("", guard);
}

// The before-guards that read one code point, merged into the prefix of the rule's search
// regex (Rule::search_re): every rejected class as one complement, else one required class,
// else a required run of classes ([가-힣A-Za-z]\(, a letter and a parenthesis).
struct SearchPrefix {
  std::string regex;
  bool allows_start = false;
  int code_points = 1;
};

// The alternatives of a regex at its top level (`[0-9]|월\s?` -> `[0-9]`, `월\s?`); the whole
// regex when it has none.
std::vector<std::string_view> top_level_alternatives(std::string_view regex) {
  std::vector<std::string_view> out;
  int depth = 0;
  bool in_class = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      ++i;  // the escaped character
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < regex.size() && regex[i + 1] == ']') ++i;  // []...] holds a ]
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      out.push_back(regex.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(regex.substr(start));
  return out;
}

class BeforeContext {
 public:
  void add(bool reject, std::string_view body) {
    if (reject) {
      // Each alternative of one code point folds (`[0-9.,~-]` of `[0-9.,~-]|월\s?`): the starts
      // it rejects are skipped, and the guard still judges the others.
      for (std::string_view alternative : top_level_alternatives(body)) {
        if (auto c = internal::CodePointClass::parse(alternative)) {
          rejected_.items.insert(rejected_.items.end(), c->items.begin(), c->items.end());
        }
      }
      return;
    }
    if (!required_.empty()) return;  // one is enough to narrow the search
    // require-before="^|\s$": the sentence start, or that code point.
    const bool allows_start = body.substr(0, 2) == "^|";
    if (allows_start) {
      body.remove_prefix(2);
      if (body.size() >= 2 && body.back() == '$' && body[body.size() - 2] != '\\') body.remove_suffix(1);
    }
    if (auto c = internal::CodePointClass::parse(body)) {
      required_ = {std::move(*c)};
      required_allows_start_ = allows_start;
    } else if (auto run = internal::CodePointClass::parse_run(body); run && !allows_start) {
      required_ = std::move(*run);
    }
  }

  // The prefix; none when no guard folds.
  std::optional<SearchPrefix> prefix() const {
    if (!rejected_.items.empty()) {
      if (auto complement = rejected_.bracket(true)) return SearchPrefix{"(?:^|" + *complement + ")", true, 1};
    }
    if (required_.empty()) return std::nullopt;
    std::string regex;
    for (const internal::CodePointClass& c : required_) {
      std::optional<std::string> allowed = c.bracket(false);
      if (!allowed) return std::nullopt;
      regex += *allowed;
    }
    if (required_allows_start_) return SearchPrefix{"(?:^|" + regex + ")", true, 1};
    return SearchPrefix{regex, false, static_cast<int>(required_.size())};
  }

 private:
  internal::CodePointClass rejected_;
  std::vector<internal::CodePointClass> required_;  // one class per code point
  bool required_allows_start_ = false;
};

std::string regex_error(const re2::RE2& re) {
  std::string msg = "regex does not compile: " + re.error();
  if (!re.error_arg().empty()) msg += " (at \"" + re.error_arg() + "\")";
  return msg;
}

LanguageRules Loader::build_language(const std::string& lang, const RawLanguage& raw,
                                     std::vector<Error>& errors) const {
  auto problem = [&](ErrorCode code, const SourcePlace& at, const std::string& message) {
    add_error(errors, code, at, message);
  };
  LanguageRules rules;
  rules.lang = lang;
  // Tables: the common ones, then the language's own (which win).
  if (auto c = raw_.find(kCommon); c != raw_.end()) rules.tables = {c->second.tables.begin(), c->second.tables.end()};
  for (const auto& [name, table] : raw.tables) rules.tables[name] = table;
  rules.index_tables();
  rules.numerals.decimal_mark = raw.decimal_mark.value_or('.');
  rules.numerals.group_mark = raw.group_mark.value_or(',');
  rules.numerals.infer_marks = raw.infer_marks;
  rules.numerals.short_tail = raw.short_tail;
  auto numeric_table = [&](const char* name, std::vector<std::pair<std::string, std::int64_t>>& out) {
    const internal::Table* t = rules.table(name);
    if (t == nullptr) return;
    for (const auto& [key, value] : t->entries) {
      char* end = nullptr;
      long long v = std::strtoll(value.c_str(), &end, 10);
      if (end == value.c_str() || *end != '\0') {
        problem(ErrorCode::kPackSchema, t->at, std::string("table ") + name + ": \"" + key + "\" needs a whole-number value");
        continue;
      }
      out.emplace_back(key, static_cast<std::int64_t>(v));
    }
  };
  numeric_table("numeral_digit", rules.numerals.digit_words);
  // Words that are numbers only where a rule captures them (thứ nhất): the parser reads
  // them, the word_numeral fragments do not include them.
  numeric_table("numeral_ordinal_only", rules.numerals.digit_words);
  numeric_table("numeral_small_scale", rules.numerals.small_scales);
  numeric_table("numeral_large_scale", rules.numerals.large_scales);
  numeric_table("numeral_ones_after_tens", rules.numerals.ones_after_tens);
  auto word_table = [&](const char* name, std::vector<std::string>& out) {
    if (const internal::Table* t = rules.table(name)) {
      for (const auto& [key, value] : t->entries) out.push_back(key);
    }
  };
  word_table("numeral_approximate", rules.numerals.approximate_words);
  word_table("numeral_point", rules.numerals.point_words);
  word_table("numeral_half", rules.numerals.half_words);

  // How many words back a status word may stand from its figure (ước tính xuất siêu 23,31 tỷ USD).
  if (const internal::Table* reach = rules.table("status_reach")) {
    for (const auto& [key, value] : reach->entries) {
      std::size_t words = 0;
      const char* end = value.data() + value.size();
      auto [stop, parse_error] = std::from_chars(value.data(), end, words);
      if (key != "words" || parse_error != std::errc() || stop != end || words < 1 || words > kMaxStatusReach) {
        problem(ErrorCode::kPackSchema, reach->at,
                "table status_reach: \"" + key + "\" = \"" + value +
                  "\"; it takes one entry, key=\"words\" with a whole number from 1 to " +
                  std::to_string(kMaxStatusReach));
        continue;
      }
      rules.status_reach = words;
    }
  }
  rules.numerals_swapped = rules.numerals;
  std::swap(rules.numerals_swapped.decimal_mark, rules.numerals_swapped.group_mark);

  re2::RE2::Options set_options;
  set_options.set_log_errors(false);
  std::vector<std::pair<std::size_t, std::vector<std::string>>> contexts;  // rule index -> required contexts
  rules.set = std::make_unique<re2::RE2::Set>(set_options, re2::RE2::UNANCHORED);
  for (const std::string& id : raw.rule_order) {
    const RawRule& r = raw.rules.at(id);
    internal::Rule rule;
    rule.id = id;
    rule.name = r.name;
    rule.role = r.kind == kTimeKind     ? internal::Rule::Role::kTime
                : r.kind == kIgnoreKind ? internal::Rule::Role::kIgnore
                                        : internal::Rule::Role::kFigure;
    rule.kind = is_pseudo_kind(r.kind) ? Kind::kNumber : *kind_from_name(r.kind);
    rule.priority = r.priority;
    rule.fixed = r.fixed;
    rule.examples = r.examples;
    rule.at = r.at;
    std::vector<std::string> stack;
    std::optional<std::string> pattern = expand(lang, r.regex, r.regex_at, stack, errors);
    if (!pattern) continue;
    std::vector<std::string> required_contexts;
    rule.re = compile(*pattern);
    if (!rule.re->ok()) {
      problem(ErrorCode::kPackRegex, r.regex_at, "rule " + id + ": " + regex_error(*rule.re));
      continue;
    }
    bool captures_ok = true;
    for (const auto& [name, index] : rule.re->NamedCapturingGroups()) {
      if (const std::optional<internal::Field> field = internal::capture_field(name)) {
        rule.captures.emplace_back(*field, index);
      } else {
        problem(ErrorCode::kPackCapture, r.regex_at,
                "rule " + id + ": unknown capture name (?P<" + name + ">); see patterns/README.md for the names");
        captures_ok = false;
      }
    }
    BeforeContext before_context;
    for (const RawRule::RawGuard& g : r.guards) {
      std::optional<std::string> body = expand(lang, g.regex, g.at, stack, errors);
      if (!body) {
        captures_ok = false;
        continue;
      }
      internal::Guard guard;
      guard.before = g.before;
      guard.reject = g.reject;
      guard.re = compile(g.before ? "(?:" + *body + ")$" : "^(?:" + *body + ")");
      guard.one_char = internal::CodePointClass::parse(*body);
      if (!guard.re->ok()) {
        problem(ErrorCode::kPackRegex, g.at, "rule " + id + ": guard " + regex_error(*guard.re));
        captures_ok = false;
        continue;
      }
      if (!g.reject && can_prefilter(*body, *guard.re)) required_contexts.push_back(*body);
      if (g.before) before_context.add(g.reject, *body);
      rule.guards.push_back(std::move(guard));
    }
    if (!captures_ok) continue;
    if (auto prefix = before_context.prefix()) {
      rule.search_re = compile(prefix->regex + "(?:" + *pattern + ")");
      rule.search_allows_start = prefix->allows_start;
      rule.search_prefix_code_points = prefix->code_points;
      // Only a speed-up: where the longer regex does not compile, `re` is searched as is.
      if (!rule.search_re->ok()) rule.search_re.reset();
    }
    std::string set_error;
    // The set takes the search regex: a sentence where no start passes the guards is no
    // candidate for the rule.
    if (rules.set->Add(rule.search_re ? rule.search_re->pattern() : *pattern, &set_error) < 0) {
      problem(ErrorCode::kPackRegex, r.regex_at, "rule " + id + ": " + set_error);
      continue;
    }
    rules.rules.push_back(std::move(rule));
    contexts.emplace_back(rules.rules.size() - 1, std::move(required_contexts));
  }
  // The lowest-priority rules lose to any longer match around them: see Rule::fallback_chars.
  if (!rules.rules.empty()) {
    const int lowest = std::min_element(rules.rules.begin(), rules.rules.end(), [](const auto& a, const auto& b) {
                         return a.priority < b.priority;
                       })->priority;
    for (internal::Rule& rule : rules.rules) {
      if (rule.priority == lowest) rule.fallback_chars = internal::match_chars(rule.re->pattern());
      rule.match_starts = internal::match_starts(rule.re->pattern());
    }
  }
  // A context a rule requires (require-before="국번\s?없이\s?") goes into the set as well:
  // a sentence without it cannot hold the rule's match, and the rule is then not run.
  for (auto& [index, bodies] : contexts) {
    for (const std::string& body : bodies) {
      const int entry = rules.set->Add(body, nullptr);
      if (entry >= 0) rules.rules[index].required_contexts.push_back(entry);
    }
  }
  if (!rules.rules.empty() && !rules.set->Compile()) {
    problem(ErrorCode::kPackRegex, SourcePlace{lang, 0}, "the combined rule set for " + lang + " does not compile (too large)");
  }
  // Prefilter: a digit, or what the language's ${prefilter} fragment matches (number words).
  std::string prefilter = "[0-9]";
  if (find_fragment(lang, "prefilter") != nullptr) {
    std::vector<std::string> stack;
    if (std::optional<std::string> words = expand(lang, "${prefilter}", find_fragment(lang, "prefilter")->at, stack, errors)) {
      prefilter += "|" + *words;
    }
  }
  rules.prefilter = compile(prefilter);
  if (!rules.prefilter->ok()) {
    problem(ErrorCode::kPackRegex, find_fragment(lang, "prefilter")->at, "prefilter " + regex_error(*rules.prefilter));
  }
  return rules;
}

Result<std::unique_ptr<PackSetData>> Loader::finish(unsigned threads) {
  index_table_fragments();
  std::vector<std::string> langs;
  for (const auto& [lang, raw] : raw_) {
    if (lang != kCommon) langs.push_back(lang);
  }
  // Compiling the regexes is most of the loading time, and languages share nothing but the
  // loader, which they only read. Their problems are reported in the order of the languages.
  std::vector<LanguageRules> built(langs.size());
  std::vector<std::vector<Error>> problems(langs.size());
  std::atomic<std::size_t> next{0};
  auto build_next = [&] {
    for (std::size_t k = next++; k < langs.size(); k = next++) {
      built[k] = build_language(langs[k], raw_.at(langs[k]), problems[k]);
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < std::min<std::size_t>(threads, langs.size()); ++t) helpers.emplace_back(build_next);
  build_next();
  for (std::thread& t : helpers) t.join();

  auto data = std::make_unique<PackSetData>();
  data->versions = versions_;
  for (std::size_t k = 0; k < langs.size(); ++k) {
    errors_.insert(errors_.end(), problems[k].begin(), problems[k].end());
    data->languages.emplace(langs[k], std::move(built[k])).first->second.index_tables();  // the map moved
  }
  if (!errors_.empty()) return errors_;
  return Result<std::unique_ptr<PackSetData>>(std::move(data));
}

}  // namespace

PackSet::PackSet() : data_(std::make_unique<PackSetData>()) {}
PackSet::~PackSet() = default;
PackSet::PackSet(PackSet&&) noexcept = default;
PackSet& PackSet::operator=(PackSet&&) noexcept = default;

std::size_t PackSet::rule_count() const {
  std::size_t n = 0;
  for (const auto& [lang, rules] : data_->languages) n += rules.rules.size();
  return n;
}

std::size_t PackSet::example_count() const {
  std::size_t n = 0;
  for (const auto& [lang, rules] : data_->languages) {
    for (const internal::Rule& rule : rules.rules) n += rule.examples.size();
  }
  return n;
}

std::vector<std::string> PackSet::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, rules] : data_->languages) out.push_back(lang);
  return out;
}

std::string PackSet::versions() const {
  std::string out;
  for (const std::string& v : data_->versions) out += (out.empty() ? "" : ", ") + v;
  return out;
}

Result<PackSet> load_packs(const std::vector<fs::path>& dirs, unsigned threads) {
  Loader loader;
  for (std::size_t i = 0; i < dirs.size(); ++i) loader.load_dir(dirs[i], i);
  Result<std::unique_ptr<PackSetData>> data = loader.finish(std::max(1u, threads));
  if (!data) return data.errors();
  PackSet set;
  set.data_ = std::move(data).value();
  return set;
}

std::optional<fs::path> default_patterns_dir() {
  std::error_code ec;
  if (const char* env = std::getenv("SOSU_PATTERNS_DIR"); env != nullptr && *env != '\0') {
    return fs::path(env);
  }
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path beside = exe.parent_path().parent_path() / "share" / "sosu" / "patterns";
    if (fs::is_directory(beside, ec)) return beside;
  }
  for (const char* dir : {SOSU_INSTALL_PATTERNS_DIR, SOSU_SOURCE_PATTERNS_DIR}) {
    if (fs::is_directory(dir, ec)) return fs::path(dir);
  }
  return std::nullopt;
}

}  // namespace sosu
