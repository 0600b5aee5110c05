#include "read/web_meta.h"

#include <re2/re2.h>

#include <cctype>
#include <nlohmann/json.hpp>

#include "sosu/extract.h"
#include "text/ascii.h"

namespace sosu::internal {
namespace {

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string trimmed(std::string_view s) { return std::string(trim_space(s)); }

bool real_date(int y, int m, int d) {
  return CalendarDate::parse(std::to_string(y) + "-" + two(m) + "-" + two(d)).has_value();
}

std::string iso(int y, int m, int d, int hour = -1, int minute = -1) {
  std::string out = std::to_string(y) + "-" + two(m) + "-" + two(d);
  if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60) out += "T" + two(hour) + ":" + two(minute);
  return out;
}

// A JSON-LD value that names something: a string, or an object's "name", or an array's first.
std::optional<std::string> name_of(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();
  if (v.is_array() && !v.empty()) return name_of(v.front());
  return std::nullopt;
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view text) {
  const std::string s = trimmed(text);
  static const RE2 kIso(R"((\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?.*)");
  int y = 0, m = 0, d = 0;
  std::string hour, minute, second, zone;
  if (RE2::FullMatch(s, kIso, &y, &m, &d, &hour, &minute, &second, &zone)) {
    if (!real_date(y, m, d)) return std::nullopt;
    std::string out = iso(y, m, d);
    if (!hour.empty()) {
      out += "T" + hour + ":" + minute + ":" + (second.empty() ? "00" : second);
      if (zone.size() == 5) zone.insert(3, ":");
      out += zone;
    }
    return out;
  }
  // RFC 822, as RSS writes it: "Fri, 15 Mar 2024 10:21:00 +0900".
  static const RE2 kRfc822(R"((?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UT|Z)?)");
  std::string month_name, zone822;
  if (RE2::FullMatch(s, kRfc822, &d, &month_name, &y, &hour, &minute, &second, &zone822)) {
    static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::string mon = ascii_lower(month_name);
    for (m = 1; m <= 12 && mon != kMonths[m - 1]; ++m) {
    }
    if (m > 12 || !real_date(y, m, d)) return std::nullopt;
    std::string out = iso(y, m, d) + "T" + hour + ":" + minute + ":" + (second.empty() ? "00" : second);
    if (zone822.size() == 5) out += zone822.substr(0, 3) + ":" + zone822.substr(3);
    else if (!zone822.empty()) out += "Z";
    return out;
  }
  return std::nullopt;
}

std::optional<std::string> visible_date(std::string_view text) {
  // Only the top of the article: a date further down is what the story is about.
  std::size_t end = 0;
  for (int lines = 0; lines < 12 && end != std::string_view::npos; ++lines) {
    end = text.find('\n', end == 0 ? 0 : end + 1);
  }
  std::string_view top = text.substr(0, end == std::string_view::npos ? text.size() : end);
  re2::StringPiece input(top.data(), top.size());
  static const RE2 kKorean(R"((?:입력|등록|기사입력|발행|승인)\s*:?\s*(\d{4})[./-]\s?(\d{1,2})[./-]\s?(\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2}))?)");
  static const RE2 kVietnamese(R"((?:[Tt]hứ\s[^\s,]+|[Cc]hủ\s[Nn]hật),?\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*[-,]?\s*(\d{1,2}):(\d{2}))?)");
  int y = 0, m = 0, d = 0, hour = -1, minute = -1;
  std::string h, mi;
  if (RE2::PartialMatch(input, kKorean, &y, &m, &d, &h, &mi) && real_date(y, m, d)) {
    if (!h.empty()) hour = std::stoi(h), minute = std::stoi(mi);
    return iso(y, m, d, hour, minute);
  }
  if (RE2::PartialMatch(input, kVietnamese, &d, &m, &y, &h, &mi) && real_date(y, m, d)) {
    if (!h.empty()) hour = std::stoi(h), minute = std::stoi(mi);
    return iso(y, m, d, hour, minute);
  }
  return std::nullopt;
}

void WebMeta::set(const std::string& key, std::string value) {
  value = trimmed(value);
  if (!value.empty()) values_.emplace(key, std::move(value));
}

void WebMeta::from_meta_tag(const std::string& name, std::string content) {
  if (!name.empty()) set(ascii_lower(name), std::move(content));
}

void WebMeta::from_json_ld(std::string_view json) {
  nlohmann::json parsed = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (parsed.is_discarded()) return;  // a page's broken JSON-LD is no reason to drop the page
  std::vector<const nlohmann::json*> objects;
  std::function<void(const nlohmann::json&)> gather = [&](const nlohmann::json& v) {
    if (v.is_array()) {
      for (const auto& x : v) gather(x);
    } else if (v.is_object()) {
      objects.push_back(&v);
      if (v.contains("@graph")) gather(v["@graph"]);
    }
  };
  gather(parsed);
  for (const nlohmann::json* o : objects) {
    if (!o->contains("datePublished") && !o->contains("headline")) continue;
    for (const char* field : {"headline", "datePublished", "url"}) {
      if (o->contains(field) && (*o)[field].is_string()) set(std::string("ld:") + field, (*o)[field].get<std::string>());
    }
    if (o->contains("author")) {
      if (auto author = name_of((*o)["author"])) set("ld:author", *author);
    }
    if (o->contains("publisher")) {
      if (auto publisher = name_of((*o)["publisher"])) set("ld:publisher", *publisher);
    }
  }
}

std::optional<std::string> WebMeta::first(std::initializer_list<const char*> keys) const {
  for (const char* k : keys) {
    auto it = values_.find(k);
    if (it != values_.end()) return it->second;
  }
  return std::nullopt;
}

std::optional<std::string> WebMeta::title() const {
  return first({"og:title", "twitter:title", "ld:headline", "h1", "dc.title", "html_title"});
}

void WebMeta::fill(DocumentMeta& meta, std::string_view text) const {
  meta.title = title();
  meta.url = first({"canonical", "og:url", "ld:url"});
  meta.author = first({"author", "dc.creator", "ld:author", "byl"});
  meta.site_name = first({"og:site_name", "ld:publisher", "application-name"});
  meta.lang = first({"lang", "og:locale", "content-language"});
  for (const char* key : {"article:published_time", "og:article:published_time", "ld:datePublished", "datepublished",
                          "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "article.published",
                          "time_element"}) {
    if (auto v = first({key})) {
      if (auto date = normalize_date(*v)) {
        meta.date = date;
        return;
      }
    }
  }
  meta.date = visible_date(text);
}

}  // namespace sosu::internal
