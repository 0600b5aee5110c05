// Command-line flags: each defined once in flags.cpp; --help is generated from the table.
#ifndef SOSU_TOOLS_FLAGS_H_
#define SOSU_TOOLS_FLAGS_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sosu/error.h"
#include "sosu/extract.h"

namespace sosu::cli {

enum class Command { kExtract, kTokenize, kText, kCheck, kCompare, kPacksCheck, kHelp, kVersion };

// The validated configuration of one run.
struct Config {
  Command command = Command::kHelp;
  std::vector<std::string> paths;          // inputs, or pack directories for `packs check`
  std::vector<std::string> pattern_dirs;   // --patterns, added over the default packs
  std::string lang;                        // --lang: force one language for every sentence
  std::optional<CalendarDate> ref_date;    // --ref-date: what relative times resolve against
  DocumentOptions documents;               // --input-format, --encoding, --all-text, --xpath
  bool json = false;                       // --json (text)
  bool stats = false;                      // --stats
  std::string format = "jsonl";            // --format jsonl|csv|json
  bool bom = false;                        // --bom (csv)
  bool with_sentence = false;              // --with-sentence
  std::set<std::string> kinds;             // --kinds count,percent
  std::string only_lang;                   // --only-lang
  std::optional<double> min_value;         // --min-value
  std::string sqlite;                      // --sqlite FILE
  std::string errors_file;                 // --errors FILE
  bool quiet = false;                      // --quiet
  bool jsonl_in = false;                   // --jsonl-in
  unsigned jobs = 0;                       // --jobs (0: the number of cores)
  std::string packs_version;               // filled in once the packs are loaded
};

// Parses argv into a Config, or the usage errors found.
Result<Config> parse_flags(const std::vector<std::string>& args);

// The --help text, grouped by concern.
std::string help_text();

}  // namespace sosu::cli

#endif  // SOSU_TOOLS_FLAGS_H_
