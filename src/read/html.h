// HTML to a document with gumbo, the HTML5 parser: the headline and the article body as
// lines (navigation, scripts, comments, share bars, rankings, related links and footers
// left out), each table cell on a line of its own with its row and column headers, and
// the page's metadata (title, publication date, URL, author, site, language).
#ifndef SOSU_SRC_READ_HTML_H_
#define SOSU_SRC_READ_HTML_H_

#include <optional>
#include <string>
#include <string_view>

#include "sosu/document.h"

namespace sosu::internal {

// The charset a page declares in its first 1024 bytes (<meta charset>, http-equiv
// Content-Type), as the HTML standard's prescan finds it.
std::optional<std::string> html_declared_charset(std::string_view head);

// Parses UTF-8 HTML. `all_text` keeps the whole body; otherwise the main text is chosen:
// <article>, then <main>, then itemprop="articleBody", then the block densest in text.
Document html_document(std::string_view html, const std::string& id, bool all_text);

// The text of an HTML fragment (a feed item's description), all of it.
std::string html_fragment_text(std::string_view html);

}  // namespace sosu::internal

#endif  // SOSU_SRC_READ_HTML_H_
