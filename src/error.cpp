#include "sosu/error.h"
#include "sosu/sosu.h"

namespace sosu {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInvalidUtf8: return "invalid_utf8";
    case ErrorCode::kBinaryFile: return "binary_file";
    case ErrorCode::kPackXml: return "pack_xml";
    case ErrorCode::kPackSchema: return "pack_schema";
    case ErrorCode::kPackRegex: return "pack_regex";
    case ErrorCode::kPackFragment: return "pack_fragment";
    case ErrorCode::kPackCapture: return "pack_capture";
    case ErrorCode::kPackExample: return "pack_example";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kEncoding: return "encoding";
    case ErrorCode::kMarkup: return "markup";
    case ErrorCode::kProtected: return "protected";
    case ErrorCode::kNoText: return "no_text";
  }
  return "unknown";
}

std::string Error::to_string() const {
  std::string out = file;
  if (byte_offset || line_col) {
    out += file.empty() ? "" : ": ";
    if (byte_offset) {
      out += "byte " + std::to_string(*byte_offset);
      if (line_col) out += " ";
    }
    if (line_col) {
      out += (byte_offset ? "(line " : "line ") + std::to_string(line_col->line) + ", col " +
             std::to_string(line_col->col) + (byte_offset ? ")" : "");
    }
  }
  if (!out.empty()) out += ": ";
  out += message;
  return out;
}

}  // namespace sosu

namespace sosu {
const char* version() { return SOSU_VERSION; }
}  // namespace sosu
