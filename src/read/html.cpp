#include "read/html.h"

#include <gumbo.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "read/table_text.h"
#include "read/web_meta.h"

namespace sosu::internal {
namespace {

using Node = GumboNode;

// gumbo's tree, freed with the parser's own allocator.
struct ParsedHtml {
  explicit ParsedHtml(std::string_view html)
      : output(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size())) {}
  ~ParsedHtml() { gumbo_destroy_output(&kGumboDefaultOptions, output); }
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;
  GumboOutput* output;
};

bool is_element(const Node* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }
GumboTag tag_of(const Node* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view attribute(const Node* n, const char* name) {
  if (!is_element(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

const GumboVector& children_of(const Node* n) {
  return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}

template <class Visit>
void for_each_child(const Node* n, Visit&& visit) {
  if (!is_element(n) && n->type != GUMBO_NODE_DOCUMENT) return;
  const GumboVector& kids = children_of(n);
  for (unsigned i = 0; i < kids.length; ++i) visit(static_cast<const Node*>(kids.data[i]));
}

// Depth-first, parents before children; `visit` returning false skips a node's children.
void walk_tree(const Node* n, const std::function<bool(const Node*)>& visit) {
  if (!visit(n)) return;
  for_each_child(n, [&](const Node* c) { walk_tree(c, visit); });
}

bool never_text(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_HEAD: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_PRE:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BODY: case GUMBO_TAG_FORM: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

// Class and id words of page furniture: menus, share bars, comments, rankings, related links.
bool furniture_word(const std::string& w) {
  static const std::set<std::string> kWords = {
      "nav", "navbar", "navigation", "menu", "gnb", "lnb", "share", "sharing", "sns", "social", "comment",
      "comments", "reply", "replies", "footer", "related", "relate", "ranking", "rank", "popular", "most",
      "breadcrumb", "breadcrumbs", "banner", "ad", "ads", "advert", "advertisement", "sidebar", "subscribe",
      "recommend", "recommended", "tags", "copyright", "widget", "outbrain", "taboola", "newsletter", "toolbar"};
  static const char* const kPrefixes[] = {"comment", "share", "related", "ranking", "popular", "advert", "sidebar"};
  if (kWords.count(w)) return true;
  return std::any_of(std::begin(kPrefixes), std::end(kPrefixes), [&](const char* p) { return w.rfind(p, 0) == 0; });
}

bool has_furniture_name(const Node* n) {
  for (const char* name : {"class", "id", "role"}) {
    std::string_view v = attribute(n, name);
    std::string word;
    for (std::size_t i = 0; i <= v.size(); ++i) {
      const char c = i < v.size() ? v[i] : ' ';
      if (std::isalnum(static_cast<unsigned char>(c))) {
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (!word.empty()) {
        if (furniture_word(word)) return true;
        word.clear();
      }
    }
  }
  return false;
}

bool contains_tag(const Node* n, GumboTag t) {
  bool found = false;
  walk_tree(n, [&](const Node* c) {
    if (tag_of(c) == t) found = true;
    return !found;
  });
  return found;
}

// Navigation, asides, footers, forms, a site header without the headline, and elements named
// as furniture: left out of the main text.
bool is_furniture(const Node* n) {
  switch (tag_of(n)) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
      return true;
    case GUMBO_TAG_HEADER:
      return !contains_tag(n, GUMBO_TAG_H1);
    case GUMBO_TAG_BODY: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HTML:
      return false;
    default:
      return has_furniture_name(n) || attribute(n, "hidden").data() != nullptr;
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Lines of text with white space collapsed inside each.
class TextBuilder {
 public:
  void text(std::string_view s) {
    for (char c : s) {
      if (is_space(c)) {
        space_ = !line_.empty();
      } else {
        if (space_) line_ += ' ';
        space_ = false;
        line_ += c;
      }
    }
  }
  void line_break() {
    if (!line_.empty()) {
      out_ += line_;
      out_ += '\n';
    }
    line_.clear();
    space_ = false;
  }
  void blank_line() {
    line_break();
    if (!out_.empty() && out_.compare(out_.size() - std::min<std::size_t>(2, out_.size()), 2, "\n\n") != 0) out_ += '\n';
  }
  // The text so far, to append whole lines to once the current line is ended.
  std::string& raw() {
    line_break();
    return out_;
  }
  std::string take() {
    line_break();
    while (!out_.empty() && out_.back() == '\n' && out_.size() >= 2 && out_[out_.size() - 2] == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_, line_;
  bool space_ = false;
};

// All the text under a node on one line (a table cell, a headline, a title); furniture left
// out unless `keep_furniture`.
std::string inline_text(const Node* n, bool keep_furniture = true) {
  TextBuilder b;
  walk_tree(n, [&](const Node* c) {
    if (!keep_furniture && c != n && is_element(c) && is_furniture(c)) return false;
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA || c->type == GUMBO_NODE_WHITESPACE) {
      b.text(c->v.text.text);
      b.text(" ");
      return false;
    }
    if (is_element(c) && never_text(tag_of(c))) return false;
    if (is_element(c) && (is_block(tag_of(c)) || tag_of(c) == GUMBO_TAG_BR)) b.text(" ");
    return true;
  });
  std::string s = b.take();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Whether all of a node's text sits in <b>/<strong>: a header row written without <th>.
bool all_text_bold(const Node* n, bool inside_bold = false) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) return inside_bold;
  if (!is_element(n)) return true;
  const bool bold = inside_bold || tag_of(n) == GUMBO_TAG_B || tag_of(n) == GUMBO_TAG_STRONG;
  bool all = true;
  for_each_child(n, [&](const Node* c) { all = all && all_text_bold(c, bold); });
  return all;
}

class MainTextWriter {
 public:
  MainTextWriter(bool all_text, std::vector<TableCell>& cells) : all_text_(all_text), cells_(cells) {}

  void write(const Node* n) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      out_.text(n->v.text.text);
      return;
    }
    if (!is_element(n)) return;
    const GumboTag tag = tag_of(n);
    if (never_text(tag) || (!all_text_ && is_furniture(n))) return;
    if (tag == GUMBO_TAG_BR) {
      out_.line_break();
      return;
    }
    if (tag == GUMBO_TAG_TABLE) {
      table(n);
      return;
    }
    const bool block = is_block(tag);
    if (block) out_.line_break();
    for_each_child(n, [&](const Node* c) { write(c); });
    if (block) out_.line_break();
  }

  std::string take() { return out_.take(); }

 private:
  // A table: its caption, then every cell on a line of its own, each data cell recorded with
  // the headers of its row and column; a blank line around it, except after a short line just
  // before it ("(단위: 천명)", a title), which belongs to it.
  void table(const Node* t) {
    separate_table_from_paragraph(out_.raw());
    std::vector<TableRowText> rows;
    walk_tree(t, [&](const Node* n) {
      if (n != t && tag_of(n) == GUMBO_TAG_TABLE) return false;  // a nested table is read as text of its cell
      if (tag_of(n) == GUMBO_TAG_CAPTION) {
        out_.text(inline_text(n));
        out_.line_break();
        return false;
      }
      if (tag_of(n) != GUMBO_TAG_TR) return true;
      TableRowText row;
      row.in_head = n->parent != nullptr && tag_of(n->parent) == GUMBO_TAG_THEAD;
      std::size_t column = 0;
      for_each_child(n, [&](const Node* c) {
        if (tag_of(c) != GUMBO_TAG_TD && tag_of(c) != GUMBO_TAG_TH) return;
        row.cells.push_back(
            TableCellText{inline_text(c, all_text_), tag_of(c) == GUMBO_TAG_TH || all_text_bold(c), column});
        int span = 1;
        if (std::string_view s = attribute(c, "colspan"); !s.empty()) span = std::clamp(std::atoi(std::string(s).c_str()), 1, 100);
        column += static_cast<std::size_t>(span);
      });
      rows.push_back(std::move(row));
      return false;
    });
    append_table(rows, false, out_.raw(), cells_);
    out_.blank_line();
  }

  bool all_text_;
  std::vector<TableCell>& cells_;
  TextBuilder out_;
};

std::size_t text_length(const Node* n) {
  std::size_t length = 0;
  walk_tree(n, [&](const Node* c) {
    if (c->type == GUMBO_NODE_TEXT) length += std::string_view(c->v.text.text).size();
    return !(is_element(c) && never_text(tag_of(c)));
  });
  return length;
}

// Text outside links, in a node's own paragraphs: what a block of body text has much of and
// a menu or a list of headlines has little of.
std::size_t paragraph_score(const Node* n) {
  std::size_t score = 0;
  for_each_child(n, [&](const Node* c) {
    if (c->type == GUMBO_NODE_TEXT) score += std::string_view(c->v.text.text).size();
    if (tag_of(c) != GUMBO_TAG_P && tag_of(c) != GUMBO_TAG_BR) return;
    walk_tree(c, [&](const Node* d) {
      if (tag_of(d) == GUMBO_TAG_A) return false;
      if (d->type == GUMBO_NODE_TEXT) score += std::string_view(d->v.text.text).size();
      return true;
    });
  });
  return score;
}

bool is_ancestor(const Node* ancestor, const Node* n) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

// The element holding the article: the longest <article>, else <main>, else
// itemprop="articleBody", else the block with the most paragraph text; the body if none.
const Node* main_text_root(const Node* body) {
  const Node* article = nullptr;
  const Node* main = nullptr;
  const Node* article_body = nullptr;
  const Node* densest = nullptr;
  std::size_t article_length = 0, best_score = 0;
  walk_tree(body, [&](const Node* n) {
    if (!is_element(n)) return false;
    if (never_text(tag_of(n))) return false;
    if (tag_of(n) == GUMBO_TAG_ARTICLE) {
      const std::size_t length = text_length(n);
      if (length > article_length) article = n, article_length = length;
    }
    if (tag_of(n) == GUMBO_TAG_MAIN && main == nullptr) main = n;
    if (attribute(n, "itemprop") == "articleBody" && article_body == nullptr) article_body = n;
    if (!is_furniture(n)) {
      const std::size_t score = paragraph_score(n);
      if (score > best_score) densest = n, best_score = score;
    }
    return true;
  });
  if (article != nullptr) return article;
  if (main != nullptr) return main;
  if (article_body != nullptr) return article_body;
  if (densest != nullptr && best_score >= 80) return densest;
  return body;
}

const Node* find_element(const Node* root, GumboTag tag) {
  const Node* found = nullptr;
  walk_tree(root, [&](const Node* n) {
    if (found == nullptr && tag_of(n) == tag) found = n;
    return found == nullptr;
  });
  return found;
}

// What <meta>, <link>, <time>, <html lang> and JSON-LD say about the page.
void read_head(const Node* html, WebMeta& meta) {
  if (std::string_view lang = attribute(html, "lang"); !lang.empty()) meta.set("lang", std::string(lang));
  walk_tree(html, [&](const Node* n) {
    const GumboTag tag = tag_of(n);
    if (tag == GUMBO_TAG_META) {
      std::string key(attribute(n, "property"));
      if (key.empty()) key = std::string(attribute(n, "name"));
      if (key.empty()) key = std::string(attribute(n, "itemprop"));
      meta.from_meta_tag(key, std::string(attribute(n, "content")));
    } else if (tag == GUMBO_TAG_LINK && attribute(n, "rel") == "canonical") {
      meta.set("canonical", std::string(attribute(n, "href")));
    } else if (tag == GUMBO_TAG_TITLE) {
      meta.set("html_title", inline_text(n));
    } else if (tag == GUMBO_TAG_TIME && !attribute(n, "datetime").empty()) {
      meta.set("time_element", std::string(attribute(n, "datetime")));
    } else if (tag == GUMBO_TAG_SCRIPT && attribute(n, "type") == "application/ld+json") {
      for_each_child(n, [&](const Node* c) {
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) meta.from_json_ld(c->v.text.text);
      });
    } else if (is_element(n) && !attribute(n, "datetime").empty() && attribute(n, "itemprop") == "datePublished") {
      meta.set("article:published_time", std::string(attribute(n, "datetime")));
    }
    return true;
  });
}

}  // namespace

std::optional<std::string> html_declared_charset(std::string_view head) {
  static const RE2 kCharset(R"((?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+))");
  std::string_view window = head.substr(0, 1024);
  std::string charset;
  if (RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), kCharset, &charset)) return charset;
  return std::nullopt;
}

Document html_document(std::string_view html, const std::string& id, bool all_text) {
  Document doc;
  doc.id = id;
  doc.meta.format = "html";
  if (html.substr(0, 3) == "\xEF\xBB\xBF") html.remove_prefix(3);
  ParsedHtml parsed(html);
  const Node* root_html = parsed.output->root;
  WebMeta meta;
  read_head(root_html, meta);
  const Node* body = find_element(root_html, GUMBO_TAG_BODY);
  if (body == nullptr) body = root_html;
  const Node* root = all_text ? body : main_text_root(body);

  MainTextWriter writer(all_text, doc.cells);
  writer.write(root);
  std::string body_text = writer.take();
  // The headline first, when the chosen block does not start with it (itemprop="articleBody").
  const Node* h1 = find_element(body, GUMBO_TAG_H1);
  std::string headline = h1 != nullptr ? inline_text(h1) : "";
  if (!headline.empty()) meta.set("h1", headline);
  if (headline.empty()) headline = meta.title().value_or("");
  const bool has_headline = h1 != nullptr ? is_ancestor(root, h1) : body_text.find(headline) < 400;
  if (!headline.empty() && !has_headline) {
    const std::size_t shift = headline.size() + 1;
    doc.text = headline + "\n";
    for (TableCell& c : doc.cells) c.byte_start += shift, c.byte_end += shift;
  }
  doc.text += body_text;
  meta.fill(doc.meta, doc.text);
  return doc;
}

std::string html_fragment_text(std::string_view html) { return html_document(html, "", true).text; }

}  // namespace sosu::internal
