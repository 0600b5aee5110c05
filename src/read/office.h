// Word-processor documents: DOCX (Office Open XML) and ODT (OpenDocument), both zip files of
// XML, opened with libarchive and read with pugixml: paragraphs and headings as lines, tables
// cell by cell, footnotes at the end; tracked deletions are not text.
#ifndef SOSU_SRC_READ_OFFICE_H_
#define SOSU_SRC_READ_OFFICE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "sosu/document.h"

namespace sosu::internal {

// Decompression limits against zip bombs: no member may expand past kMaxMemberBytes, nor past
// kMaxExpansion times the size of the whole file once it is over kExpansionFloorBytes.
constexpr std::uint64_t kMaxMemberBytes = std::uint64_t{64} << 20;
constexpr std::uint64_t kMaxExpansion = 100;
constexpr std::uint64_t kExpansionFloorBytes = std::uint64_t{1} << 20;

// Whether bytes start like an OLE2 compound file: a password-protected OOXML file or a
// legacy .doc.
bool is_ole2(std::string_view bytes);

// Reads a DOCX or ODT held in memory (the format from its members, not its name).
Result<Document> office_document(std::string_view zip_bytes, const std::string& name);

}  // namespace sosu::internal

#endif  // SOSU_SRC_READ_OFFICE_H_
