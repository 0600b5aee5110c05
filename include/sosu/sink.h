// Where figures go: the extractor pushes each one as it is found, so memory stays flat.
#ifndef SOSU_SINK_H_
#define SOSU_SINK_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "sosu/figure.h"

namespace sosu {

// A sentence as the extractor saw it, for sinks that keep sentences (SQLite): its text as in
// the document, its place (code points and bytes) and its language.
struct SentenceRecord {
  std::string_view doc;
  std::uint32_t index = 0;
  std::string_view text;
  std::uint64_t start = 0, end = 0, byte_start = 0, byte_end = 0;
  std::string_view lang;
};

class FigureSink {
 public:
  virtual ~FigureSink() = default;
  // Returns false to stop the run early.
  virtual bool on_figure(const Figure& figure) = 0;
  // Sentences come before their figures, only to sinks that want them.
  virtual bool wants_sentences() const { return false; }
  virtual bool on_sentence(const SentenceRecord& sentence) {
    (void)sentence;
    return true;
  }
};

// Keeps every figure; for tests and small documents.
class CollectingSink : public FigureSink {
 public:
  bool on_figure(const Figure& figure) override {
    figures.push_back(figure);
    return true;
  }
  std::vector<Figure> figures;
};

}  // namespace sosu

#endif  // SOSU_SINK_H_
