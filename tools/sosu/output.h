// What `sosu extract` writes: records as JSON Lines, CSV or one JSON object per document, or
// a SQLite database; filtered by kind, language and value.
#ifndef SOSU_TOOLS_OUTPUT_H_
#define SOSU_TOOLS_OUTPUT_H_

#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>

#include "flags.h"
#include "sosu/sosu.h"

namespace sosu::cli {

// A document as it ends: what its reader knew, its size, and why it failed if it did.
struct DocumentEnd {
  std::string id;
  std::string path;                  // the input it came from
  const DocumentMeta* meta = nullptr;  // null for plain text
  std::uint64_t bytes = 0;           // of its text
  std::string content_hash;          // of its text, hex; only for outputs that want it
  std::optional<char> decimal_mark;  // the number convention its numbers were read with
  std::optional<Error> error;        // a document that failed
};

// Where records go. The worker threads write them as text (append_record, which returns
// where the record's sentence number starts, so that the delivering thread can renumber it
// once it knows the document's numbering); write_records takes that text in input order.
class Output {
 public:
  virtual ~Output() = default;
  virtual std::size_t append_record(const Figure& f, std::string& out) const = 0;
  virtual bool write_records(std::string_view records) = 0;
  // Sentences, for outputs that keep them (SQLite).
  virtual bool wants_sentences() const { return false; }
  virtual bool write_sentence(const SentenceRecord& s) {
    (void)s;
    return true;
  }
  // Whether end_document needs the content hash of the document's text (SQLite keeps it).
  virtual bool wants_content_hash() const { return false; }
  // Before a document's first figure (or its failure).
  virtual bool begin_document(const std::string& id, const std::string& path, const DocumentMeta* meta) {
    (void)id, (void)path, (void)meta;
    return true;
  }
  // After a document's last figure (or its failure).
  virtual bool end_document(const DocumentEnd& end) {
    (void)end;
    return true;
  }
  // After the last document; false if writing failed.
  virtual bool finish() { return true; }
};

// The writer --format and --sqlite ask for, or nullptr after reporting why not.
std::unique_ptr<Output> make_output(const Config& config, std::ostream& out);

// Whether --kinds, --only-lang and --min-value let a record through.
bool passes_filters(const Figure& f, const Config& config);

}  // namespace sosu::cli

#endif  // SOSU_TOOLS_OUTPUT_H_
