// Document metadata gathered from the many places web pages and feeds state it (<meta>
// tags, OpenGraph, JSON-LD, <time>, the visible date line), then chosen by precedence.
#ifndef SOSU_SRC_READ_WEB_META_H_
#define SOSU_SRC_READ_WEB_META_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sosu/document.h"

namespace sosu::internal {

// An ISO 8601 date or date-time from the forms pages and feeds write: 2024-03-15T10:21:00+09:00,
// "2024-03-15 10:21", "Fri, 15 Mar 2024 10:21:00 +0900" (RFC 822). nullopt if it is none.
std::optional<std::string> normalize_date(std::string_view text);

// The publication date a visible date line states in the first lines of a text:
// "입력 2024.03.15 10:21", "Thứ Ba, 14/05/2024 09:15".
std::optional<std::string> visible_date(std::string_view text);

class WebMeta {
 public:
  // Records a candidate under its source's name (og:title, canonical, ld:datePublished ...);
  // the first one of each name is kept.
  void set(const std::string& key, std::string value);
  void from_meta_tag(const std::string& name, std::string content);
  // A JSON-LD block: its (News)Article's headline, datePublished, author, publisher, url.
  void from_json_ld(std::string_view json);

  std::optional<std::string> title() const;
  // Chooses each field by precedence; the visible date line of `text` is the last resort.
  void fill(DocumentMeta& meta, std::string_view text) const;

 private:
  std::optional<std::string> first(std::initializer_list<const char*> keys) const;
  std::map<std::string, std::string> values_;
};

}  // namespace sosu::internal

#endif  // SOSU_SRC_READ_WEB_META_H_
