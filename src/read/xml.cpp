#include "read/xml.h"

#include <pugixml.hpp>
#include <re2/re2.h>

#include <cctype>
#include <cstring>
#include <sstream>

#include "read/html.h"
#include "read/web_meta.h"

namespace sosu::internal {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Text with runs of white space made one space, trimmed.
std::string collapsed(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// All text under a node, on one line.
std::string node_text(const pugi::xml_node& node) {
  std::string raw;
  for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      raw += n.value();
      raw += ' ';
    } else if (n.type() == pugi::node_element) {
      raw += node_text(n);
      raw += ' ';
    }
  }
  return collapsed(raw);
}

bool has_own_text(const pugi::xml_node& node) {
  for (pugi::xml_node n = node.first_child(); n; n = n.next_sibling()) {
    if ((n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) && !collapsed(n.value()).empty()) return true;
  }
  return false;
}

// Lines in document order: an element that holds text of its own is one line (its inline
// children with it), any other is read through its children.
void append_lines(const pugi::xml_node& node, std::string& out) {
  if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
    std::string line = collapsed(node.value());
    if (!line.empty()) out += line + '\n';
    return;
  }
  if (node.type() != pugi::node_element && node.type() != pugi::node_document) return;
  if (node.type() == pugi::node_element && has_own_text(node)) {
    std::string line = node_text(node);
    if (!line.empty()) out += line + '\n';
    return;
  }
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) append_lines(c, out);
}

// A child by local name, whatever its namespace prefix (dc:date, content:encoded, atom:link).
pugi::xml_node child_named(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    std::string_view name = c.name();
    if (name == local) return c;
  }
  return {};
}

std::string local_name(const pugi::xml_node& n) {
  std::string_view name = n.name();
  std::size_t colon = name.find(':');
  return std::string(colon == std::string_view::npos ? name : name.substr(colon + 1));
}

std::optional<std::string> non_empty(std::string s) {
  s = collapsed(s);
  if (s.empty()) return std::nullopt;
  return s;
}

Error markup_error(const std::string& name, std::string_view xml, std::size_t offset, const std::string& what) {
  Error e;
  e.code = ErrorCode::kMarkup;
  e.file = name;
  e.byte_offset = offset;
  LineCol lc;
  for (std::size_t i = 0; i < offset && i < xml.size(); ++i) {
    if (xml[i] == '\n') {
      ++lc.line;
      lc.col = 1;
    } else if ((static_cast<unsigned char>(xml[i]) & 0xC0) != 0x80) {
      ++lc.col;
    }
  }
  e.line_col = lc;
  e.message = what;
  return e;
}

// The text of a feed item's body: HTML (RSS description, content:encoded, Atom type="html")
// or plain text.
std::string body_text(const pugi::xml_node& node, bool is_html) {
  if (!node) return {};
  if (!is_html) {
    std::string out;
    append_lines(node, out);
    return out;
  }
  std::string html;
  if (std::string_view(node.attribute("type").value()) == "xhtml") {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      std::ostringstream s;
      c.print(s, "", pugi::format_raw);
      html += s.str();
    }
  } else {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) html += c.value();
  }
  return html_fragment_text(html);
}

// One document of a feed item: its title on the first line, then its body.
Document item_document(const std::string& id, const std::optional<std::string>& title, const std::string& body,
                       DocumentMeta meta) {
  Document doc;
  doc.id = id;
  if (title) doc.text = *title + "\n";
  doc.text += body;
  if (!doc.text.empty() && doc.text.back() != '\n') doc.text += '\n';
  meta.title = title;
  doc.meta = std::move(meta);
  return doc;
}

// Whether an item that starts at `start` was closed before the parser stopped at `fault`.
bool closed_before(std::string_view xml, std::size_t start, std::size_t fault, std::string_view close_tag) {
  std::size_t at = xml.find(close_tag, start);
  return at != std::string_view::npos && at + close_tag.size() <= fault;
}

struct FeedRead {
  bool is_feed = false;
  bool stopped = false;
};

FeedRead read_rss(const pugi::xml_node& root, std::string_view xml, const std::string& name,
                  std::optional<std::size_t> fault, const std::function<bool(const Document&)>& on_document) {
  FeedRead read;
  pugi::xml_node channel = child_named(root, "channel");
  // RSS 1.0 (rdf:RDF) keeps its items beside the channel.
  pugi::xml_node holder = channel && child_named(channel, "item") ? channel : root;
  std::optional<std::string> channel_lang = channel ? non_empty(child_named(channel, "language").text().get()) : std::nullopt;
  std::size_t index = 0;
  for (pugi::xml_node item = holder.first_child(); item; item = item.next_sibling()) {
    if (local_name(item) != "item") continue;
    read.is_feed = true;
    ++index;
    if (fault && !closed_before(xml, static_cast<std::size_t>(item.offset_debug()), *fault, "</item>")) break;
    DocumentMeta meta;
    meta.format = "rss";
    meta.lang = channel_lang;
    std::optional<std::string> link = non_empty(child_named(item, "link").text().get());
    std::optional<std::string> guid = non_empty(child_named(item, "guid").text().get());
    meta.url = link;
    if (!meta.url && guid && std::string_view(child_named(item, "guid").attribute("isPermaLink").value()) != "false") {
      meta.url = guid;
    }
    for (const char* date_field : {"pubDate", "dc:date", "date"}) {
      if (meta.date) break;
      if (auto raw = non_empty(child_named(item, date_field).text().get())) meta.date = normalize_date(*raw);
    }
    meta.author = non_empty(child_named(item, "dc:creator").text().get());
    if (!meta.author) meta.author = non_empty(child_named(item, "author").text().get());
    pugi::xml_node body = child_named(item, "content:encoded");
    if (!body) body = child_named(item, "description");
    std::optional<std::string> title = non_empty(child_named(item, "title").text().get());
    const std::string id = guid ? *guid : link ? *link : name + "#" + std::to_string(index);
    if (!on_document(item_document(id, title, body_text(body, true), std::move(meta)))) {
      read.stopped = true;
      break;
    }
  }
  return read;
}

FeedRead read_atom(const pugi::xml_node& feed, std::string_view xml, const std::string& name,
                   std::optional<std::size_t> fault, const std::function<bool(const Document&)>& on_document) {
  FeedRead read;
  read.is_feed = true;
  std::optional<std::string> feed_lang = non_empty(feed.attribute("xml:lang").value());
  std::optional<std::string> feed_author = non_empty(child_named(child_named(feed, "author"), "name").text().get());
  std::size_t index = 0;
  for (pugi::xml_node entry = feed.first_child(); entry; entry = entry.next_sibling()) {
    if (local_name(entry) != "entry") continue;
    ++index;
    if (fault && !closed_before(xml, static_cast<std::size_t>(entry.offset_debug()), *fault, "</entry>")) break;
    DocumentMeta meta;
    meta.format = "atom";
    meta.lang = non_empty(entry.attribute("xml:lang").value());
    if (!meta.lang) meta.lang = feed_lang;
    for (pugi::xml_node link = entry.first_child(); link; link = link.next_sibling()) {
      const std::string_view rel = link.attribute("rel").value();
      if (local_name(link) == "link" && (rel.empty() || rel == "alternate") && !meta.url) {
        meta.url = non_empty(link.attribute("href").value());
      }
    }
    for (const char* date_field : {"published", "updated"}) {
      if (meta.date) break;
      if (auto raw = non_empty(child_named(entry, date_field).text().get())) meta.date = normalize_date(*raw);
    }
    meta.author = non_empty(child_named(child_named(entry, "author"), "name").text().get());
    if (!meta.author) meta.author = feed_author;
    pugi::xml_node body = child_named(entry, "content");
    if (!body) body = child_named(entry, "summary");
    const std::string_view type = body.attribute("type").value();
    pugi::xml_node title_node = child_named(entry, "title");
    std::optional<std::string> title =
        std::string_view(title_node.attribute("type").value()) == "html"
            ? non_empty(html_fragment_text(title_node.text().get()))
            : non_empty(title_node.text().get());
    std::optional<std::string> entry_id = non_empty(child_named(entry, "id").text().get());
    const std::string id = entry_id ? *entry_id : meta.url ? *meta.url : name + "#" + std::to_string(index);
    if (!on_document(item_document(id, title, body_text(body, type == "html" || type == "xhtml"), std::move(meta)))) {
      read.stopped = true;
      break;
    }
  }
  return read;
}

}  // namespace

std::optional<std::string> xml_declared_encoding(std::string_view head) {
  static const RE2 kDeclaration(R"(^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)["'])");
  std::string_view window = head.substr(0, 256);
  std::string encoding;
  if (RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), kDeclaration, &encoding)) return encoding;
  return std::nullopt;
}

std::vector<Error> xml_documents(std::string_view xml, const std::string& name, const DocumentOptions& options,
                                 const std::function<bool(const Document&)>& on_document) {
  std::vector<Error> errors;
  pugi::xml_document doc;
  // parse_default leaves the DOCTYPE out: no entity of a DTD is ever expanded or fetched.
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  std::optional<std::size_t> fault;
  if (!parsed) {
    fault = static_cast<std::size_t>(parsed.offset);
    errors.push_back(markup_error(name, xml, *fault, std::string("XML is not well-formed: ") + parsed.description()));
  }
  pugi::xml_node root = doc.document_element();
  const std::string root_name = local_name(root);
  if (options.xpath.empty() && (root_name == "rss" || root_name == "RDF")) {
    FeedRead read = read_rss(root, xml, name, fault, on_document);
    if (read.is_feed || root_name == "rss") return errors;
  }
  if (options.xpath.empty() && root_name == "feed") {
    read_atom(root, xml, name, fault, on_document);
    return errors;
  }
  if (fault) return errors;  // a broken document that is not a feed yields nothing

  Document out;
  out.id = name;
  out.meta.format = "xml";
  out.meta.lang = non_empty(root.attribute("xml:lang").value());
  if (!options.xpath.empty()) {
    try {
      pugi::xpath_node_set nodes = doc.select_nodes(options.xpath.c_str());
      for (const pugi::xpath_node& n : nodes) {
        if (n.attribute()) {
          if (auto v = non_empty(n.attribute().value())) out.text += *v + "\n";
        } else {
          append_lines(n.node(), out.text);
        }
      }
    } catch (const pugi::xpath_exception& e) {
      Error err;
      err.code = ErrorCode::kUsage;
      err.file = name;
      err.message = std::string("--xpath '") + options.xpath + "': " + e.what();
      errors.push_back(err);
      return errors;
    }
  } else {
    append_lines(doc, out.text);
  }
  pugi::xml_node title = doc.select_node("//*[local-name()='title']").node();
  if (title) out.meta.title = non_empty(node_text(title));
  for (const char* element : {"datePublished", "published", "pubDate", "date", "dateline"}) {
    pugi::xml_node date = doc.select_node((std::string("//*[local-name()='") + element + "']").c_str()).node();
    if (date && (out.meta.date = normalize_date(node_text(date)))) break;
  }
  on_document(out);
  return errors;
}

}  // namespace sosu::internal
