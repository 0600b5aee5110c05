// Writing figures as CSV (RFC 4180) for spreadsheets: one header row, then a row per figure,
// the columns in RECORD.md order, the `time` object as time_text, time_date, time_part.
//
//   sosu::CsvSink sink(std::cout, {.bom = true});  // a BOM so that Excel reads UTF-8
//   extractor.run("a.txt", text, sink);
#ifndef SOSU_CSV_H_
#define SOSU_CSV_H_

#include <ostream>
#include <string>
#include <vector>

#include "sosu/figure.h"
#include "sosu/sink.h"

namespace sosu {

struct CsvOptions {
  bool bom = false;            // start with U+FEFF: Excel then reads the file as UTF-8
  bool sentence_text = false;  // a sentence_text column (--with-sentence)
};

// The column names, in order.
std::vector<std::string> csv_columns(const CsvOptions& options);

// One figure's fields as strings, in csv_columns() order ("" for null).
std::vector<std::string> csv_fields(const Figure& figure, const CsvOptions& options);

// A field quoted as RFC 4180 wants: in double quotes, doubled inside, when it holds a comma,
// a quote or a line break.
std::string csv_quote(const std::string& field);

// The first line: a BOM if asked, then the column names, CRLF.
std::string csv_header(const CsvOptions& options);

// One row with its CRLF appended to `out`; returns where in `out` its sentence number starts
// (see append_figure_json).
std::size_t append_csv_row(const Figure& figure, const CsvOptions& options, std::string& out);

class CsvSink : public FigureSink {
 public:
  CsvSink(std::ostream& out, CsvOptions options);
  bool on_figure(const Figure& figure) override;

 private:
  std::ostream& out_;
  CsvOptions options_;
  std::string line_;
};

}  // namespace sosu

#endif  // SOSU_CSV_H_
