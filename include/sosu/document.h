// Documents from every input but plain UTF-8 text: HTML articles, RSS/Atom feeds, other XML,
// text in legacy encodings (EUC-KR/CP949, UTF-16, Windows-1258, VISCII, TCVN3), PDF, DOCX,
// ODT and WARC web archives. Each becomes UTF-8 text that `sosu text` prints and that every
// record's offsets point into, with what the reader learnt about it: title, date, URL, the
// headers of each table cell, where each page starts.
//
//   sosu::DocumentOptions options;  // format and encoding detected
//   std::vector<sosu::Error> errors = sosu::read_documents(input, options, [&](const sosu::Document& d) {
//     extractor.run_document(d, sink);
//     return true;  // false stops reading
//   });
//
// Plain UTF-8 text is not read here but streamed in pieces (read.h), so that its size does
// not matter; a WARC streams record by record; everything else is held in memory one
// document at a time.
#ifndef SOSU_DOCUMENT_H_
#define SOSU_DOCUMENT_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sosu/error.h"
#include "sosu/read.h"

namespace sosu {

enum class InputFormat { kAuto, kText, kHtml, kXml, kPdf, kOffice, kWarc };

struct DocumentMeta {
  std::optional<std::string> url;        // canonical URL, og:url, a feed item's link
  std::optional<std::string> title;      // og:title, the headline, <title>
  std::optional<std::string> date;       // publication date, ISO 8601 (2024-03-15 or 2024-03-15T10:21:00+09:00)
  std::optional<std::string> author;
  std::optional<std::string> site_name;
  std::optional<std::string> lang;       // as the document declares it (<html lang>, <language>)
  std::string format = "text";           // text, html, xml, rss, atom, pdf, docx, odt, warc
  std::string encoding = "UTF-8";        // what its bytes were decoded from
};

// The line of one table cell in the document text, with the headers of its row and column:
// a count in a cell takes its row header as subject, a year in its column header as time.
struct TableCell {
  std::uint64_t byte_start = 0, byte_end = 0;
  std::string row_header;
  std::string column_header;
};

struct Document {
  std::string id;    // the path as given, or a feed item's guid / link / id
  std::string text;  // UTF-8; records' offsets point into it
  DocumentMeta meta;
  std::vector<TableCell> cells;
  // Paged inputs (PDF): the byte offset in `text` where each page starts, the first at 0.
  std::vector<std::uint64_t> page_starts;
};

// What reading skipped without it being a fault, for --stats: WARC records that are no HTML
// response, by what they were ("request", "metadata", "response not HTML" ...).
struct ReadStats {
  std::map<std::string, std::uint64_t> skipped_records;
};

struct DocumentOptions {
  InputFormat format = InputFormat::kAuto;  // --input-format (detected from the name and bytes)
  std::string encoding;                     // --encoding: a charset name overriding detection
  bool all_text = false;                    // --all-text: keep navigation, comments, footers ...
  std::string xpath;                        // --xpath: the XML nodes whose text is the document
};

// The format and encoding an input is read with, from its name, its first bytes (BOM, <html,
// <?xml, <rss, <feed) and the options. A plain text file in UTF-8 is the one case that
// streams (read_text_document); every other is read by read_documents.
struct InputKind {
  InputFormat format = InputFormat::kText;
  std::string encoding;  // empty: UTF-8, or to be detected from the bytes
};
InputKind sniff_input(const std::string& name, std::string_view head, const DocumentOptions& options);
// The same for a file, from its first 4 KiB.
InputKind sniff_file(const Input& input, const DocumentOptions& options);

// Reads one input into documents (a feed gives one per item) and hands each on in order.
// Errors name the file and the place (byte offset, line:col); documents before a fault in a
// broken feed are still handed on. Returns the errors; on_document returning false stops.
std::vector<Error> read_documents(const Input& input, const DocumentOptions& options,
                                  const std::function<bool(const Document&)>& on_document, ReadStats* stats = nullptr);

// The same over bytes already in memory, named `name` in errors and document ids.
std::vector<Error> read_documents_from_bytes(const std::string& name, std::string bytes,
                                             const DocumentOptions& options,
                                             const std::function<bool(const Document&)>& on_document,
                                             ReadStats* stats = nullptr);

}  // namespace sosu

#endif  // SOSU_DOCUMENT_H_
