#include "runner.h"

namespace sosu::cli {
namespace {

// Writes a piece's records as text and, if asked, keeps its sentences.
class PieceSink : public FigureSink {
 public:
  PieceSink(PieceResult& result, bool keep_sentences, const TextWriting& writing)
      : result_(result), keep_sentences_(keep_sentences), writing_(writing) {}
  bool on_figure(const Figure& f) override {
    if (!writing_.keep(f)) return true;
    RecordText& records = result_.records;
    ++records.kinds[f.kind];
    records.sentence_numbers.push_back(RecordText::SentenceNumber{writing_.append(f, records.text), f.sentence});
    return true;
  }
  bool wants_sentences() const override { return keep_sentences_; }
  bool on_sentence(const SentenceRecord& s) override {
    result_.sentences.push_back(SentenceCopy{s.index, std::string(s.text), std::string(s.lang), s.start, s.end,
                                             s.byte_start, s.byte_end});
    return true;
  }

 private:
  PieceResult& result_;
  bool keep_sentences_;
  const TextWriting& writing_;
};

}  // namespace

Runner::Runner(const Extractor& extractor, unsigned jobs, bool keep_sentences, TextWriting writing, Deliver deliver)
    : extractor_(extractor),
      jobs_(std::max(1u, jobs)),
      keep_sentences_(keep_sentences),
      writing_(std::move(writing)),
      deliver_(std::move(deliver)) {
  if (jobs_ > 1) {
    for (unsigned k = 0; k < jobs_; ++k) workers_.emplace_back([this] { work(); });
  }
}

Runner::~Runner() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  task_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

PieceResult Runner::run_task(const Task& task) const {
  PieceResult result;
  result.doc = task.doc;
  result.first = task.first;
  result.last = task.last;
  result.bytes = task.text.size();
  if (task.failure) return result;
  // Each piece starts afresh (sentences from 0, its own number convention), so that the
  // output is the same on one thread or many; sentences are renumbered on delivery.
  DocumentCursor cursor;
  if (const Document* d = task.doc->document.get()) {
    cursor.meta = &d->meta;
    cursor.cells = &d->cells;
    cursor.page_starts = &d->page_starts;
  }
  cursor.forced_lang = task.doc->forced_lang;
  PieceSink sink(result, keep_sentences_, writing_);
  extractor_.run_piece(task.doc->id, TextPiece{task.text, task.byte_offset, task.cp_offset}, cursor, sink);
  result.sentence_count = cursor.next_sentence;
  result.decimal_mark = cursor.inferred_decimal_mark;
  return result;
}

void Runner::work() {
  while (true) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      task_ready_.wait(lock, [&] { return closing_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    PieceResult result = run_task(task);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      results_.emplace(task.seq, std::move(result));
    }
    result_ready_.notify_all();
  }
}

bool Runner::deliver_ready(bool wait_for_one) {
  while (!stopped_) {
    PieceResult result;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (wait_for_one) result_ready_.wait(lock, [&] { return results_.count(next_delivery_) > 0; });
      auto it = results_.find(next_delivery_);
      if (it == results_.end()) return true;
      result = std::move(it->second);
      results_.erase(it);
    }
    ++next_delivery_;
    wait_for_one = false;
    if (!deliver_(result)) stopped_ = true;
  }
  return !stopped_;
}

bool Runner::enqueue(Task task) {
  if (stopped_) return false;
  task.seq = next_seq_++;
  if (workers_.empty()) {
    PieceResult result = run_task(task);
    ++next_delivery_;
    if (!deliver_(result)) stopped_ = true;
    return !stopped_;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  task_ready_.notify_one();
  // Bounded: wait for the oldest piece once 2 × jobs + 2 are in flight.
  while (!stopped_ && next_seq_ - next_delivery_ >= 2 * jobs_ + 2) deliver_ready(true);
  return deliver_ready(false);
}

bool Runner::submit(const std::shared_ptr<RunDocument>& doc, const TextPiece& piece, bool first, bool last) {
  Task task;
  task.doc = doc;
  task.text = std::string(piece.text);
  task.byte_offset = piece.byte_offset;
  task.cp_offset = piece.cp_offset;
  task.first = first;
  task.last = last;
  return enqueue(std::move(task));
}

bool Runner::submit_failure(const std::shared_ptr<RunDocument>& doc) {
  Task task;
  task.doc = doc;
  task.first = task.last = task.failure = true;
  return enqueue(std::move(task));
}

bool Runner::finish() {
  while (!stopped_ && next_delivery_ < next_seq_) deliver_ready(true);
  return !stopped_;
}

}  // namespace sosu::cli
