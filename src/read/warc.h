// Web archives: WARC and WARC.gz (each record its own gzip member, or the whole file one
// stream), read with zlib as they stream by. Each HTTP response that holds HTML becomes a
// document, its target URI its id and URL and the record's date its date when the page
// states none; every other record is skipped and counted.
#ifndef SOSU_SRC_READ_WARC_H_
#define SOSU_SRC_READ_WARC_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sosu/document.h"

namespace sosu::internal {

bool looks_like_warc(std::string_view head);

// Reads the archive at `path` (compressed or not). Errors name the file and the byte offset;
// the documents before a fault (a cut-off gzip stream, a broken record) are handed on first.
std::vector<Error> warc_documents(const std::filesystem::path& path, const std::string& name,
                                  const DocumentOptions& options, ReadStats* stats,
                                  const std::function<bool(const Document&)>& on_document);

}  // namespace sosu::internal

#endif  // SOSU_SRC_READ_WARC_H_
