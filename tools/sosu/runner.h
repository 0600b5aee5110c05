// Extraction on N threads with the output in input order. The reader (the calling thread)
// submits line-aligned pieces of documents; workers extract them; results come back to the
// calling thread strictly in submission order, so records, sentence numbers and documents
// are the same whatever the number of threads. At most 2 × jobs + 2 pieces are in flight, which
// bounds memory.
#ifndef SOSU_TOOLS_RUNNER_H_
#define SOSU_TOOLS_RUNNER_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sosu/sosu.h"

namespace sosu::cli {

// A document as the runner sees it: shared by its pieces.
struct RunDocument {
  std::string id;
  std::string path;                          // the input it came from
  std::shared_ptr<const Document> document;  // from a reader (meta, cells, pages); null for streamed text
  std::string forced_lang;                   // --jsonl-in "lang"
  std::uint32_t sentences_so_far = 0;        // renumbering, on the delivering thread
  std::uint64_t bytes = 0;
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a of its text
  std::optional<char> decimal_mark;          // what its first piece was read with
  std::optional<Error> error;                // a document that failed to read
};

struct SentenceCopy {
  std::uint32_t index = 0;
  std::string text, lang;
  std::uint64_t start = 0, end = 0, byte_start = 0, byte_end = 0;
};

// Records a worker wrote as text (JSON Lines, CSV, JSON, the CSV rows SQLite takes), with
// where each sentence number stands: numbers count from 0 within the piece until delivery
// renumbers them.
struct RecordText {
  struct SentenceNumber {
    std::size_t at;           // in text
    std::uint32_t in_piece;   // the number written there
  };
  std::string text;
  std::vector<SentenceNumber> sentence_numbers;
  std::map<Kind, std::uint64_t> kinds;  // records per kind, for --stats
};

// How workers write records: the filters, and the output's record writer, which returns
// where the record's sentence number starts.
struct TextWriting {
  std::function<bool(const Figure&)> keep;
  std::function<std::size_t(const Figure&, std::string&)> append;
};

struct PieceResult {
  std::shared_ptr<RunDocument> doc;
  RecordText records;
  std::vector<SentenceCopy> sentences;  // when the output keeps sentences
  std::uint32_t sentence_count = 0;
  std::uint64_t bytes = 0;              // of the piece's text
  std::optional<char> decimal_mark;
  bool first = false, last = false;     // of its document
};

class Runner {
 public:
  using Deliver = std::function<bool(PieceResult&)>;  // false stops the run
  Runner(const Extractor& extractor, unsigned jobs, bool keep_sentences, TextWriting writing, Deliver deliver);
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  // A piece of a document (its text is copied); false once delivery asked to stop.
  bool submit(const std::shared_ptr<RunDocument>& doc, const TextPiece& piece, bool first, bool last);
  // A document that failed, delivered in its place in the order.
  bool submit_failure(const std::shared_ptr<RunDocument>& doc);
  // Waits for every piece and delivers the rest; false if delivery stopped.
  bool finish();

 private:
  struct Task {
    std::uint64_t seq = 0;
    std::shared_ptr<RunDocument> doc;
    std::string text;
    std::uint64_t byte_offset = 0, cp_offset = 0;
    bool first = false, last = false, failure = false;
  };
  PieceResult run_task(const Task& task) const;
  bool enqueue(Task task);
  bool deliver_ready(bool wait_for_one);
  void work();

  const Extractor& extractor_;
  const unsigned jobs_;
  const bool keep_sentences_;
  const TextWriting writing_;
  Deliver deliver_;
  std::uint64_t next_seq_ = 0, next_delivery_ = 0;
  bool stopped_ = false;
  std::mutex mutex_;
  std::condition_variable task_ready_, result_ready_;
  std::deque<Task> tasks_;
  std::map<std::uint64_t, PieceResult> results_;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace sosu::cli

#endif  // SOSU_TOOLS_RUNNER_H_
