// Tables as every reader hands them on (HTML, DOCX, ODT, PDF): each cell a line of its own,
// each data cell recorded with the headers of its row and column (document.h: TableCell).
#ifndef SOSU_SRC_READ_TABLE_TEXT_H_
#define SOSU_SRC_READ_TABLE_TEXT_H_

#include <string>
#include <vector>

#include "sosu/document.h"

namespace sosu::internal {

struct TableCellText {
  std::string text;      // on one line
  bool header = false;   // a <th>, or a cell of bold text only
  std::size_t column = 0;
};

struct TableRowText {
  std::vector<TableCellText> cells;
  bool in_head = false;  // in <thead>, or a repeated header row
};

// Appends the table's lines to `text` (which ends in a line break or is empty) and records
// its data cells. The header row is the rows in the head, else a first row of header cells
// (or, when `first_row_names_columns`, any first row of words) above other rows. A row's
// first cell names the row when it is a header cell or words rather than a number.
void append_table(const std::vector<TableRowText>& rows, bool first_row_names_columns, std::string& text,
                  std::vector<TableCell>& cells);

// Before a table in flowing text: a short last line ("(단위: 천명)", a title) belongs to the
// table and stays next to it; after a long one (a paragraph), a blank line, so that a unit
// line above that paragraph does not reach into the table. `text` ends in a line break or is
// empty.
void separate_table_from_paragraph(std::string& text);

// Whether a cell holds words rather than a number alone ("서울", "15~29세", "Thu nội địa").
bool has_words(const std::string& cell);

}  // namespace sosu::internal

#endif  // SOSU_SRC_READ_TABLE_TEXT_H_
