#include "read/office.h"

#include <archive.h>
#include <archive_entry.h>
#include <pugixml.hpp>

#include <map>
#include <memory>
#include <set>

#include "read/table_text.h"
#include "read/web_meta.h"

namespace sosu::internal {
namespace {

// libarchive's message for its last failure; it may have none.
std::string archive_message(archive* a) {
  const char* m = archive_error_string(a);
  return m != nullptr ? m : "unknown archive error";
}

Error office_error(const std::string& name, ErrorCode code, const std::string& message) {
  return document_error(code, name, message);
}

// The members of a zip file that a reader needs, decompressed within the bomb limits.
Result<std::map<std::string, std::string>> unzip(std::string_view bytes, const std::string& name,
                                                 const std::set<std::string>& wanted) {
  std::unique_ptr<archive, decltype(&archive_read_free)> zip(archive_read_new(), archive_read_free);
  archive_read_support_format_zip(zip.get());
  if (archive_read_open_memory(zip.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return office_error(name, ErrorCode::kMarkup, std::string("not a zip file: ") + archive_message(zip.get()));
  }
  const std::uint64_t budget =
      std::max(kExpansionFloorBytes, std::min<std::uint64_t>(kMaxMemberBytes, bytes.size() * kMaxExpansion));
  std::map<std::string, std::string> members;
  archive_entry* entry = nullptr;
  int status;
  while ((status = archive_read_next_header(zip.get(), &entry)) == ARCHIVE_OK) {
    const char* entry_path = archive_entry_pathname(entry);
    const std::string path = entry_path != nullptr ? entry_path : "";
    if (archive_entry_is_encrypted(entry)) {
      return office_error(name, ErrorCode::kProtected,
                          "password-protected (" + path + " is encrypted); save it without a password; document skipped");
    }
    if (!wanted.count(path)) continue;
    std::string data;
    char block[65536];
    la_ssize_t got;
    while ((got = archive_read_data(zip.get(), block, sizeof block)) > 0) {
      data.append(block, static_cast<std::size_t>(got));
      if (data.size() > budget) {
        return office_error(name, ErrorCode::kMarkup,
                            path + " expands past " + std::to_string(budget >> 20) +
                                " MiB, the limit for this file (100 times its size, at most 64 MiB a member): a zip "
                                "bomb? document skipped");
      }
    }
    if (got < 0) {
      return office_error(name, ErrorCode::kMarkup, path + ": " + archive_message(zip.get()) + "; document skipped");
    }
    members[path] = std::move(data);
  }
  if (status != ARCHIVE_EOF) {
    return office_error(name, ErrorCode::kMarkup,
                        std::string("broken zip file: ") + archive_message(zip.get()) + "; document skipped");
  }
  return members;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Runs of white space as one space, line by line; trimmed.
std::string collapsed(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty() && out.back() != '\n') out += '\n';
      space = false;
    } else if (is_space(c)) {
      space = !out.empty() && out.back() != '\n';
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

// What the body writers share: lines, a blank line around tables, the tables' cells.
struct BodyText {
  std::string text;
  std::vector<TableCell> cells;
  std::vector<std::string> footnotes;

  void line(const std::string& raw) {
    std::string l = collapsed(raw);
    if (!l.empty()) text += l + "\n";
  }
  void table(const std::vector<TableRowText>& rows) {
    separate_table_from_paragraph(text);
    append_table(rows, true, text, cells);
    text += "\n";
  }
  Document finish(const std::string& name, const char* format) {
    Document doc;
    doc.id = name;
    doc.meta.format = format;
    doc.text = std::move(text);
    if (!footnotes.empty()) {
      doc.text += "\n";
      for (const std::string& f : footnotes) {
        std::string l = collapsed(f);
        if (!l.empty()) doc.text += l + "\n";
      }
    }
    doc.cells = std::move(cells);
    return doc;
  }
};

// --- DOCX ---------------------------------------------------------------------------------

// The text of a paragraph's runs: w:t, tabs and breaks; deleted runs and field codes are not
// text, inserted runs are.
void docx_runs(const pugi::xml_node& node, std::string& out) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    const std::string_view n = c.name();
    if (n == "w:t") out += c.text().get();
    else if (n == "w:tab") out += ' ';
    else if (n == "w:br" || n == "w:cr") out += '\n';
    else if (n == "w:del" || n == "w:delText" || n == "w:instrText" || n == "w:pPr" || n == "w:rPr" ||
             n == "w:moveFrom" || n == "w:footnoteReference" || n == "w:endnoteReference" || n == "w:commentReference") {
      continue;
    } else {
      docx_runs(c, out);
    }
  }
}

std::string docx_cell_text(const pugi::xml_node& cell) {
  std::string out;
  for (const pugi::xpath_node& p : cell.select_nodes(".//w:p")) {
    std::string line;
    docx_runs(p.node(), line);
    if (!out.empty()) out += ' ';
    out += line;
  }
  std::string one_line = collapsed(out);
  for (char& c : one_line) {
    if (c == '\n') c = ' ';
  }
  return one_line;
}

void docx_blocks(const pugi::xml_node& node, BodyText& body) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    const std::string_view n = c.name();
    if (n == "w:p") {
      std::string line;
      docx_runs(c, line);
      body.line(line);
    } else if (n == "w:tbl") {
      std::vector<TableRowText> rows;
      for (pugi::xml_node tr = c.child("w:tr"); tr; tr = tr.next_sibling("w:tr")) {
        TableRowText row;
        row.in_head = static_cast<bool>(tr.child("w:trPr").child("w:tblHeader"));
        std::size_t column = 0;
        for (pugi::xml_node tc = tr.child("w:tc"); tc; tc = tc.next_sibling("w:tc")) {
          row.cells.push_back(TableCellText{docx_cell_text(tc), false, column});
          const int span = tc.child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int(1);
          column += static_cast<std::size_t>(std::max(span, 1));
        }
        rows.push_back(std::move(row));
      }
      body.table(rows);
    } else if (n == "w:sdt") {
      docx_blocks(c.child("w:sdtContent"), body);
    } else if (n == "w:ins" || n == "w:customXml" || n == "w:smartTag") {
      docx_blocks(c, body);
    }
  }
}

Result<Document> read_docx(const std::map<std::string, std::string>& members, const std::string& name) {
  pugi::xml_document xml;
  const std::string& main = members.at("word/document.xml");
  pugi::xml_parse_result parsed = xml.load_buffer(main.data(), main.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return office_error(name, ErrorCode::kMarkup,
                        std::string("word/document.xml is not well-formed XML (byte ") + std::to_string(parsed.offset) +
                            "): " + parsed.description() + "; document skipped");
  }
  BodyText body;
  docx_blocks(xml.child("w:document").child("w:body"), body);
  if (auto it = members.find("word/footnotes.xml"); it != members.end()) {
    pugi::xml_document notes;
    if (notes.load_buffer(it->second.data(), it->second.size(), pugi::parse_default, pugi::encoding_utf8)) {
      for (pugi::xml_node note = notes.child("w:footnotes").child("w:footnote"); note; note = note.next_sibling("w:footnote")) {
        if (note.attribute("w:id").as_int() <= 0) continue;  // the separators
        std::string text;
        docx_runs(note, text);
        body.footnotes.push_back(text);
      }
    }
  }
  Document doc = body.finish(name, "docx");
  if (auto it = members.find("docProps/core.xml"); it != members.end()) {
    pugi::xml_document core;
    if (core.load_buffer(it->second.data(), it->second.size(), pugi::parse_default, pugi::encoding_utf8)) {
      pugi::xml_node props = core.first_child();
      if (std::string title = collapsed(props.child("dc:title").text().get()); !title.empty()) doc.meta.title = title;
      if (std::string author = collapsed(props.child("dc:creator").text().get()); !author.empty()) doc.meta.author = author;
      doc.meta.date = normalize_date(props.child("dcterms:created").text().get());
    }
  }
  return doc;
}

// --- ODT ----------------------------------------------------------------------------------

void odt_inline(const pugi::xml_node& node, std::string& out, BodyText& body) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out += c.value();
      continue;
    }
    const std::string_view n = c.name();
    if (n == "text:s") out.append(static_cast<std::size_t>(std::max(1, c.attribute("text:c").as_int(1))), ' ');
    else if (n == "text:tab") out += ' ';
    else if (n == "text:line-break") out += '\n';
    else if (n == "text:note") {
      std::string note;
      odt_inline(c.child("text:note-body"), note, body);
      body.footnotes.push_back(note);
    } else if (n == "office:annotation" || n == "text:note-citation" || n == "text:tracked-changes") {
      continue;
    } else {
      odt_inline(c, out, body);
      if (n == "text:p" || n == "text:h") out += '\n';
    }
  }
}

void odt_blocks(const pugi::xml_node& node, BodyText& body) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    const std::string_view n = c.name();
    if (n == "text:p" || n == "text:h") {
      std::string line;
      odt_inline(c, line, body);
      body.line(line);
    } else if (n == "table:table") {
      std::vector<TableRowText> rows;
      auto add_rows = [&](const pugi::xml_node& holder, bool head) {
        for (pugi::xml_node tr = holder.child("table:table-row"); tr; tr = tr.next_sibling("table:table-row")) {
          TableRowText row;
          row.in_head = head;
          std::size_t column = 0;
          for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
            const std::string_view cn = tc.name();
            if (cn == "table:covered-table-cell") {
              ++column;
              continue;
            }
            if (cn != "table:table-cell") continue;
            std::string text;
            odt_inline(tc, text, body);
            std::string one_line = collapsed(text);
            for (char& ch : one_line) {
              if (ch == '\n') ch = ' ';
            }
            const int repeated = std::min(tc.attribute("table:number-columns-repeated").as_int(1), 64);
            for (int k = 0; k < std::max(repeated, 1); ++k) {
              row.cells.push_back(TableCellText{one_line, false, column});
              ++column;
            }
          }
          while (!row.cells.empty() && row.cells.back().text.empty()) row.cells.pop_back();
          rows.push_back(std::move(row));
        }
      };
      add_rows(c.child("table:table-header-rows"), true);
      add_rows(c, false);
      add_rows(c.child("table:table-rows"), false);
      body.table(rows);
    } else if (n == "text:tracked-changes" || n == "office:forms" || n == "text:sequence-decls" ||
               n == "table:table-columns" || n == "table:table-column") {
      continue;
    } else {
      odt_blocks(c, body);  // text:list, text:list-item, text:section ...
    }
  }
}

Result<Document> read_odt(const std::map<std::string, std::string>& members, const std::string& name) {
  if (auto it = members.find("META-INF/manifest.xml");
      it != members.end() && it->second.find("encryption-data") != std::string::npos) {
    return office_error(name, ErrorCode::kProtected, "password-protected ODT; save it without a password; document skipped");
  }
  pugi::xml_document xml;
  const std::string& content = members.at("content.xml");
  pugi::xml_parse_result parsed =
      xml.load_buffer(content.data(), content.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return office_error(name, ErrorCode::kMarkup,
                        std::string("content.xml is not well-formed XML (byte ") + std::to_string(parsed.offset) +
                            "): " + parsed.description() + "; document skipped");
  }
  BodyText body;
  odt_blocks(xml.child("office:document-content").child("office:body").child("office:text"), body);
  Document doc = body.finish(name, "odt");
  if (auto it = members.find("meta.xml"); it != members.end()) {
    pugi::xml_document meta;
    if (meta.load_buffer(it->second.data(), it->second.size(), pugi::parse_default, pugi::encoding_utf8)) {
      pugi::xml_node m = meta.child("office:document-meta").child("office:meta");
      if (std::string title = collapsed(m.child("dc:title").text().get()); !title.empty()) doc.meta.title = title;
      if (std::string author = collapsed(m.child("meta:initial-creator").text().get()); !author.empty()) doc.meta.author = author;
      doc.meta.date = normalize_date(m.child("meta:creation-date").text().get());
    }
  }
  return doc;
}

}  // namespace

bool is_ole2(std::string_view bytes) { return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8); }

Result<Document> office_document(std::string_view zip_bytes, const std::string& name) {
  if (is_ole2(zip_bytes)) {
    return office_error(name, ErrorCode::kProtected,
                        "a password-protected Office file or a legacy .doc (OLE2), not a DOCX or ODT; save it as an "
                        "unprotected .docx; document skipped");
  }
  Result<std::map<std::string, std::string>> members =
      unzip(zip_bytes, name,
            {"word/document.xml", "word/footnotes.xml", "docProps/core.xml", "content.xml", "meta.xml",
             "META-INF/manifest.xml"});
  if (!members) return members.errors();
  if (members->count("word/document.xml")) return read_docx(*members, name);
  if (members->count("content.xml")) return read_odt(*members, name);
  return office_error(name, ErrorCode::kMarkup, "a zip file without word/document.xml or content.xml: neither DOCX nor ODT; document skipped");
}

}  // namespace sosu::internal
