// Where figures go: the extractor pushes each one as it is found, so memory stays flat.
#ifndef SOSU_SINK_H_
#define SOSU_SINK_H_

#include <vector>

#include "sosu/figure.h"

namespace sosu {

class FigureSink {
 public:
  virtual ~FigureSink() = default;
  // Returns false to stop the run early.
  virtual bool on_figure(const Figure& figure) = 0;
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
