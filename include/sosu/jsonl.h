// Writing figures as spec/RECORD.md JSON Lines.
//
//   sosu::JsonlSink sink(std::cout);
//   extractor.run("a.txt", text, sink);   // one line per figure
#ifndef SOSU_JSONL_H_
#define SOSU_JSONL_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "sosu/figure.h"
#include "sosu/sink.h"

namespace sosu {

// One record, without the line break. Fields in RECORD.md order; every "always" field is
// present (null when it does not apply) and `direction` too; the other optional fields only
// when known. Integers are written exactly; decimals as printed (shortest round trip).
std::string figure_to_json(const Figure& figure);
// The same record appended to `out`; returns where in `out` its sentence number starts, so
// that a writer that numbers sentences later (pieces of a document extracted apart) can
// rewrite it.
std::size_t append_figure_json(const Figure& figure, std::string& out);

// Writes one line per figure; stops the run when the stream fails (a closed pipe).
class JsonlSink : public FigureSink {
 public:
  explicit JsonlSink(std::ostream& out) : out_(out) {}
  bool on_figure(const Figure& figure) override;
  std::uint64_t written() const { return written_; }

 private:
  std::ostream& out_;
  std::string line_;  // reused, so that writing allocates nothing per record
  std::uint64_t written_ = 0;
};

}  // namespace sosu

#endif  // SOSU_JSONL_H_
