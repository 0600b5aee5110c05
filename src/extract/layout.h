// What a document's layout says of its figures: a unit line ("(단위: 억원)", "Đơn vị: tỷ đồng")
// scales the bare numbers of the lines under it, up to the next blank line (a table after
// it); a table cell lends its row header as subject and a time in its column header as time.
#ifndef SOSU_SRC_EXTRACT_LAYOUT_H_
#define SOSU_SRC_EXTRACT_LAYOUT_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sosu/extract.h"

namespace sosu {

class Extractor::Layout {
 public:
  Layout(const Extractor& extractor, const TextPiece& piece, const DocumentCursor& cursor);
  // Scales and labels the figures of one sentence. The piece's unit lines are found at the
  // first call, so a piece without figures costs nothing.
  void apply(std::vector<Figure>::iterator first, std::vector<Figure>::iterator last);

 private:
  void find_unit_lines();
  const std::optional<Figure>& scale_of(const std::string& lang, const std::string& unit);
  const std::optional<TimeRef>& time_of(const std::string& header);

  struct Scope {
    std::uint64_t start, end;  // document bytes
    Figure unit;
  };
  const Extractor& extractor_;
  const TextPiece& piece_;
  const std::vector<TableCell>* cells_;
  bool scopes_found_ = false;
  std::vector<Scope> scopes_;
  std::map<std::pair<std::string, std::string>, std::optional<Figure>> scales_;
  std::map<std::string, std::optional<TimeRef>> header_times_;
};

}  // namespace sosu

#endif  // SOSU_SRC_EXTRACT_LAYOUT_H_
