// libFuzzer target: any bytes as a WARC or WARC.gz. The reader streams from a file, so each
// input is written to one temporary file first, removed when the process exits.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "read/warc.h"

namespace {

// Removes the file at exit (static destruction), so runs do not leave one behind per process.
struct TemporaryInput {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("sosu-warc-fuzz-" + std::to_string(::getpid()));
  ~TemporaryInput() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const TemporaryInput input;
  const std::filesystem::path& path = input.path;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  sosu::ReadStats stats;
  std::size_t documents = 0;
  sosu::internal::warc_documents(path, "fuzz.warc", {}, &stats, [&](const sosu::Document& doc) {
    if (doc.id.empty() && doc.text.size() > (std::size_t{64} << 20)) __builtin_trap();
    ++documents;
    return true;
  });
  return 0;
}
