#include "eval_support.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace sosu::eval {

void report(const std::string& message) { std::cerr << "sosu_eval: " << message << '\n'; }

std::shared_ptr<const PackSet> load_configured_packs(const Options& options) {
  std::optional<std::filesystem::path> defaults = default_patterns_dir();
  if (!defaults) {
    report("the default pattern packs were not found; set SOSU_PATTERNS_DIR to the patterns directory");
    return nullptr;
  }
  std::vector<std::filesystem::path> dirs{*defaults};
  for (const std::string& dir : options.pattern_dirs) dirs.emplace_back(dir);
  Result<PackSet> loaded = load_packs(dirs);
  if (!loaded) {
    for (const Error& e : loaded.errors()) report(e.to_string());
    return nullptr;
  }
  return std::make_shared<const PackSet>(std::move(loaded).value());
}

Extractor make_extractor(std::shared_ptr<const PackSet> packs, const std::string& lang,
                         std::optional<CalendarDate> ref_date) {
  ExtractOptions options;
  options.forced_lang = lang;
  options.ref_date = ref_date;
  return ExtractorBuilder().packs(std::move(packs)).options(options).build();
}

Predictions extract(const Extractor& extractor, std::string_view text) {
  CollectingSink sink;
  extractor.run("eval", text, sink);
  Predictions out;
  out.reserve(sink.figures.size());
  for (const Figure& f : sink.figures) out.push_back(Json::parse(figure_to_json(f)));
  return out;
}

std::optional<std::vector<JsonLine>> read_jsonl(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report(path + ": cannot open the file");
    ok = false;
    return std::nullopt;
  }
  std::vector<JsonLine> lines;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    // Non-throwing parse: a bad line is reported and skipped, the others still count.
    Json value = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded() || !value.is_object()) {
      report(path + ": line " + std::to_string(number) + ": not a JSON object (or not UTF-8); line skipped");
      ok = false;
      continue;
    }
    lines.push_back({number, std::move(value)});
  }
  if (in.bad()) {
    report(path + ": read error");
    ok = false;
  }
  return lines;
}

std::optional<std::string> get_string(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<std::int64_t> get_int(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

bool get_bool(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

std::optional<ExactNumber> ExactNumber::parse(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '%')) text.remove_suffix(1);
  ExactNumber n;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) n.negative = text[i++] == '-';
  std::string digits;
  long fraction_digits = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      if (seen_point) ++fraction_digits;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (digits.empty()) return std::nullopt;
  long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (exponent > 100000) return std::nullopt;  // absurd; refuse rather than overflow
      exponent = exponent * 10 + (text[i] - '0');
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return ExactNumber{};  // zero, without a sign
  digits.erase(0, first);
  n.exponent = exponent - fraction_digits;
  while (!digits.empty() && digits.back() == '0') {
    digits.pop_back();
    ++n.exponent;
  }
  n.digits = std::move(digits);
  return n;
}

std::optional<ExactNumber> ExactNumber::from_json(const Json& number) {
  if (number.is_number()) return parse(number.dump());  // nlohmann prints the shortest round trip
  if (number.is_string()) return parse(number.get<std::string>());
  return std::nullopt;
}

ExactNumber ExactNumber::scaled(long power_of_ten) const {
  ExactNumber n = *this;
  if (!n.digits.empty()) n.exponent += power_of_ten;
  return n;
}

double ExactNumber::to_double() const {
  if (digits.empty()) return 0.0;
  const double v = std::stod(digits + "e" + std::to_string(exponent));
  return negative ? -v : v;
}

bool same_number(const Json& a, const Json& b) {
  std::optional<ExactNumber> x = ExactNumber::from_json(a), y = ExactNumber::from_json(b);
  return x && y && *x == *y;
}

std::optional<Span> record_span(const Json& record) {
  std::optional<std::int64_t> start = get_int(record, "start"), end = get_int(record, "end");
  if (!start || !end || *start < 0 || *end < *start) return std::nullopt;
  return Span{static_cast<std::uint64_t>(*start), static_cast<std::uint64_t>(*end)};
}

namespace {
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Decodes the code point starting at text[i]; advances i. Input is valid UTF-8 (checked on read).
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(text[i++]);
  if (lead < 0x80) return lead;
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
  char32_t cp = lead & (0x3F >> extra);
  for (; extra > 0 && i < text.size(); --extra) cp = (cp << 6) | (static_cast<unsigned char>(text[i++]) & 0x3F);
  return cp;
}

// Columns a code point takes in a terminal: two for Hangul and other East Asian wide letters.
std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    width += wide ? std::size_t{2} : std::size_t{1};
  }
  return width;
}
}  // namespace

std::size_t code_point_count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    if (!is_continuation(c)) ++n;
  }
  return n;
}

std::size_t byte_of_code_point(std::string_view text, std::uint64_t cp) {
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(text[i])) continue;
    if (seen == cp) return i;
    ++seen;
  }
  return text.size();
}

std::string context(std::string_view text, Span span, std::uint64_t around) {
  const std::size_t from = byte_of_code_point(text, span.start > around ? span.start - around : 0);
  const std::size_t start = byte_of_code_point(text, span.start);
  const std::size_t end = byte_of_code_point(text, span.end);
  const std::size_t to = byte_of_code_point(text, span.end + around);
  std::string out = from > 0 ? "…" : "";
  out.append(text.substr(from, start - from));
  out += "⟦";
  out.append(text.substr(start, end - start));
  out += "⟧";
  out.append(text.substr(end, to - end));
  if (to < text.size()) out += "…";
  // One line per item: the document's own line breaks would break the list.
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

std::string shown_of(std::size_t cap, std::size_t total) {
  return total <= cap ? std::to_string(total) : "first " + std::to_string(cap) + " of " + std::to_string(total);
}

double rate(std::size_t n, std::size_t d) { return d == 0 ? 0.0 : static_cast<double>(n) / static_cast<double>(d); }

double f1(double precision, double recall) {
  return precision + recall == 0.0 ? 0.0 : 2 * precision * recall / (precision + recall);
}

std::string percent(double rate) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << 100.0 * rate << '%';
  return s.str();
}

std::string percent(std::size_t n, std::size_t d) { return d == 0 ? "–" : percent(rate(n, d)); }

std::string fraction(std::size_t n, std::size_t d) {
  return std::to_string(n) + "/" + std::to_string(d) + " (" + percent(n, d) + ")";
}

std::string Table::markdown() const {
  std::vector<std::size_t> widths(header_.size(), 3);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string out = "|";
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const std::string cell = c < row.size() ? row[c] : "";
      out += " " + cell + std::string(widths[c] - display_width(cell), ' ') + " |";
    }
    return out + "\n";
  };
  std::string out = line(header_);
  out += "|";
  for (std::size_t w : widths) out += std::string(w + 2, '-') + "|";
  out += "\n";
  for (const auto& row : rows_) out += line(row);
  return out;
}

std::string describe(const Json& record) {
  std::string out = "`" + get_string(record, "text").value_or("") + "` " + get_string(record, "kind").value_or("?");
  auto add = [&](const char* key) {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) return;
    out += std::string(" ") + key + "=" + (it->is_string() ? it->get<std::string>() : it->dump());
  };
  for (const char* key : {"value", "from", "to", "date", "unit", "qualifier", "subject"}) add(key);
  return out;
}

}  // namespace sosu::eval
