// libFuzzer target: any bytes as a DOCX or ODT (zip of XML). The reader must return a document
// or an error, within the decompression limits, and never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "read/office.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sosu::Result<sosu::Document> doc =
      sosu::internal::office_document(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.docx");
  if (doc) {
    // Every table cell the reader records lies inside its text.
    for (const sosu::TableCell& cell : doc->cells) {
      if (cell.byte_start > cell.byte_end || cell.byte_end > doc->text.size()) __builtin_trap();
    }
  }
  return 0;
}
