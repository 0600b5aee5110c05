#include "read/table_text.h"

#include <algorithm>
#include <cctype>

namespace sosu::internal {

bool has_words(const std::string& cell) {
  for (char byte : cell) {
    const auto c = static_cast<unsigned char>(byte);
    if (std::isalpha(c) || c >= 0x80) return true;
  }
  return false;
}

void separate_table_from_paragraph(std::string& text) {
  if (text.size() < 2) return;
  const std::size_t before_last = text.rfind('\n', text.size() - 2);
  const std::size_t last_start = before_last == std::string::npos ? 0 : before_last + 1;
  if (text.size() - 1 - last_start > 40) text += '\n';
}

void append_table(const std::vector<TableRowText>& rows, bool first_row_names_columns, std::string& text,
                  std::vector<TableCell>& cells) {
  std::size_t header_rows = 0;
  while (header_rows < rows.size() && rows[header_rows].in_head) ++header_rows;
  if (header_rows == 0 && rows.size() >= 2 && !rows[0].cells.empty()) {
    const auto& first = rows[0].cells;
    const bool all_headers = std::all_of(first.begin(), first.end(), [](const TableCellText& c) {
      return c.header || c.text.empty();
    });
    const bool all_words = std::all_of(first.begin(), first.end(), [](const TableCellText& c) {
      return c.text.empty() || has_words(c.text);
    });
    if (all_headers || (first_row_names_columns && all_words)) header_rows = 1;
  }
  std::vector<std::string> column_headers;
  if (header_rows > 0) {
    for (const TableCellText& c : rows[header_rows - 1].cells) {
      if (c.column >= column_headers.size()) column_headers.resize(c.column + 1);
      column_headers[c.column] = c.text;
    }
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::vector<TableCellText>& row = rows[r].cells;
    const bool named = row.size() > 1 && (row[0].header || has_words(row[0].text));
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (row[k].text.empty()) continue;
      const std::size_t start = text.size();
      text += row[k].text;
      text += '\n';
      if (r < header_rows || (named && k == 0)) continue;
      TableCell cell;
      cell.byte_start = start;
      cell.byte_end = text.size() - 1;
      if (named) cell.row_header = row[0].text;
      if (row[k].column < column_headers.size()) cell.column_header = column_headers[row[k].column];
      cells.push_back(std::move(cell));
    }
  }
}

}  // namespace sosu::internal
