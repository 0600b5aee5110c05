// PDF through poppler's `pdftotext` (Debian: poppler-utils), run as a separate program so
// that sosu links no GPL code. Pages keep their order and their breaks (records get `page`),
// wrapped lines of a paragraph are joined, and a block of lines in columns is a table read
// row by row, cell by cell.
#ifndef SOSU_SRC_READ_PDF_H_
#define SOSU_SRC_READ_PDF_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "sosu/document.h"

namespace sosu::internal {

bool is_pdf(std::string_view bytes);

Result<Document> pdf_document(const std::filesystem::path& path, const std::string& name);

// The document pdftotext -layout output makes: pages split at form feeds. Exposed for tests.
Document pdf_layout_document(std::string_view layout_text, const std::string& name);

}  // namespace sosu::internal

#endif  // SOSU_SRC_READ_PDF_H_
