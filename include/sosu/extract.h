// The extractor: text in, figure records out.
//
//   auto packs = std::make_shared<const sosu::PackSet>(std::move(*sosu::load_packs({dir})));
//   sosu::Extractor ex = sosu::ExtractorBuilder().packs(packs).build();
//   sosu::CollectingSink sink;
//   ex.run("note.txt", "전 성에는 기층당 조직이 725개 있었다.", sink);
//   // sink.figures[0]: kind count, value 725, unit "개", subject "기층당 조직"
//
// An Extractor is immutable once built and may be shared by threads.
#ifndef SOSU_EXTRACT_H_
#define SOSU_EXTRACT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sosu/document.h"
#include "sosu/error.h"
#include "sosu/figure.h"
#include "sosu/pattern_pack.h"
#include "sosu/read.h"
#include "sosu/sink.h"
#include "sosu/text.h"

namespace sosu {

namespace internal {
struct Match;
}  // namespace internal

// A calendar date, for resolving relative times (지난해, 지난달, năm ngoái).
struct CalendarDate {
  int year = 0, month = 0, day = 0;
  // Parses "YYYY-MM-DD"; nullopt when it is not a real date.
  static std::optional<CalendarDate> parse(std::string_view iso);
};

struct ExtractOptions {
  // Forces one language for every sentence (--lang); empty (the default) detects it per sentence.
  std::string forced_lang;
  // The date relative times resolve against (--ref-date); none by default, and then a
  // figure's time keeps `relative` (previous_year, ...) with a null `date`.
  std::optional<CalendarDate> ref_date;
  // Each record carries the text of its sentence, as in the document (--with-sentence).
  bool with_sentence_text = false;
};

// A piece of a document, normalised and split into sentences, with the way back from the
// normalised text to the document's own offsets (bytes and code points).
class PreparedPiece {
 public:
  explicit PreparedPiece(const TextPiece& piece);

  struct SourceSpan {
    std::uint64_t byte_start, byte_end;  // in the document
    std::uint64_t cp_start, cp_end;
    std::string_view text;               // the document's own text there
  };
  // Maps a span of normalized() (piece-relative bytes) to the document.
  SourceSpan to_source(std::size_t byte_start, std::size_t byte_end) const;

  std::string_view normalized() const { return normalized_.text; }
  const std::vector<SentenceSpan>& sentences() const { return sentences_; }

 private:
  std::uint64_t cp_at(std::size_t piece_byte) const;
  TextPiece piece_;
  NormalizedText normalized_;
  std::vector<SentenceSpan> sentences_;
  // Code points are counted from the last query, since queries stay close to each other.
  mutable std::size_t cp_cursor_byte_ = 0;
  mutable std::uint64_t cp_cursor_ = 0;
};

// What carries over between the pieces of one document: the sentence count, the inferred
// number convention, and what its reader knew of it.
struct DocumentCursor {
  std::uint32_t next_sentence = 0;
  // From readers of web documents (document.h): the metadata goes into every record and its
  // date resolves relative times (before ExtractOptions::ref_date); a figure in a table cell
  // takes the cell's row header as subject and a time in its column header as time.
  const DocumentMeta* meta = nullptr;
  const std::vector<TableCell>* cells = nullptr;
  const std::vector<std::uint64_t>* page_starts = nullptr;  // a PDF's pages: records get `page`
  // The decimal mark this document uses, for languages that write numbers both ways:
  // inferred from the first piece's unambiguous numbers (1.234.567, 91,7 or 1,234,567, 91.7).
  std::optional<char> inferred_decimal_mark;
  // The language of the last sentence that had one: a line of digits alone (a table cell)
  // is read in it.
  std::string last_language;
  // A language every sentence of this document is read in (--jsonl-in "lang"), if not empty.
  std::string forced_lang;
};

// The decimal mark that text's unambiguous numbers point to, or nullopt when they do not
// (4.925 alone could be either): "1.234.567", "1.234,5", "91,7" say ','; "1,234,567",
// "1,234.5", "91.7" say '.'.
std::optional<char> infer_decimal_mark(std::string_view text);

class Extractor {
 public:
  // Runs the pipeline over one line-aligned piece of a document (see read_text_document).
  // Returns false iff the sink asked to stop.
  bool run_piece(std::string_view doc_id, const TextPiece& piece, DocumentCursor& cursor, FigureSink& sink) const;
  // Runs over a whole document held in memory.
  bool run(std::string_view doc_id, std::string_view text, FigureSink& sink) const;
  // Runs over a document from a reader (HTML, feed item, XML, legacy encoding), with its metadata
  // and table cells.
  bool run_document(const Document& document, FigureSink& sink) const;

  const PackSet& packs() const { return *packs_; }
  const ExtractOptions& options() const { return options_; }

 private:
  // A stretch of a sentence matched as one language.
  struct Segment {
    std::size_t byte_start = 0, byte_end = 0;  // sentence-relative
    std::string lang;
  };
  // Quotations and parentheses whose language differs from the sentence's and has packs.
  std::vector<Segment> foreign_quotes(std::string_view sentence, const std::string& lang) const;
  // Steps 5-7 over one segment's matches, appending its figures; matches overlapping
  // `excluded` are dropped.
  void run_segment(std::string_view doc_id, const PreparedPiece& prepared, std::size_t sentence_offset,
                   std::uint32_t index, std::string_view sentence, const Segment& segment,
                   std::vector<internal::Match>& matches, const std::vector<Segment>& excluded,
                   std::optional<char> document_decimal_mark, const ExtractOptions& options,
                   std::vector<Figure>& out) const;
  // What the lines around figures say of them: a unit line ("(단위: 억원)") scales the bare
  // numbers under it; a table cell lends its headers. Made once per piece (it finds the unit
  // lines), then applied to the figures of each sentence as they come.
  class Layout;

  friend class ExtractorBuilder;
  Extractor(std::shared_ptr<const PackSet> packs, ExtractOptions options)
      : packs_(std::move(packs)), options_(std::move(options)) {}
  std::shared_ptr<const PackSet> packs_;
  ExtractOptions options_;
};

class ExtractorBuilder {
 public:
  ExtractorBuilder& packs(std::shared_ptr<const PackSet> packs) {
    packs_ = std::move(packs);
    return *this;
  }
  ExtractorBuilder& options(ExtractOptions options) {
    options_ = std::move(options);
    return *this;
  }
  // Without packs, the extractor finds nothing.
  Extractor build() const;

 private:
  std::shared_ptr<const PackSet> packs_;
  ExtractOptions options_;
};

// The language a sentence is matched as: forced_lang if set, else detect_language().
std::string sentence_language(std::string_view sentence, const ExtractOptions& options);

// Runs every <example> and <counterexample> of every rule through a full extractor built on
// `packs`; returns one error per one that does not behave, with its file and line.
std::vector<Error> check_pack_examples(const std::shared_ptr<const PackSet>& packs);

}  // namespace sosu

#endif  // SOSU_EXTRACT_H_
