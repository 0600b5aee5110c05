#include "flags.h"

#include <algorithm>
#include <cstdlib>

namespace sosu::cli {
namespace {

struct FlagDef {
  const char* name;      // long form, without "--"
  char short_name;       // 0 if none
  const char* value;     // the value's placeholder, nullptr for a switch
  const char* category;  // Input, Patterns, Output, Diagnostics
  const char* help;
};

// The one table of flags.
constexpr FlagDef kFlags[] = {
    {"lang", 0, "LANG", "Input", "Treat every sentence as LANG (ko, vi, ...) instead of detecting it per sentence."},
    {"ref-date", 0, "YYYY-MM-DD", "Input",
     "Resolve relative times (지난해, 지난달, năm ngoái) against this date; without it they stay relative."},
    {"input-format", 0, "FORMAT", "Input",
     "Read every input as text, html or xml instead of telling by its name and first bytes (auto)."},
    {"encoding", 0, "NAME", "Input",
     "Decode inputs from NAME (euc-kr, cp949, utf-16, windows-1258, viscii, tcvn3) instead of the "
     "BOM, the declared charset or detection."},
    {"all-text", 0, nullptr, "Input",
     "HTML: keep all the text of the page, menus, comments and footers included, not only the article."},
    {"xpath", 0, "EXPR", "Input", "XML: the document is the text of the nodes EXPR selects (default: all text)."},
    {"json", 0, nullptr, "Output", "text: one JSON object per document, with its metadata, instead of the bare text."},
    {"format", 0, "FORMAT", "Output",
     "extract: jsonl (one record a line, the default), csv (RFC 4180, a header row) or json (one object per "
     "document with its metadata and figures); check and compare: jsonl (the default) or text (a report)."},
    {"bom", 0, nullptr, "Output", "csv: start with a byte-order mark, so that Excel shows Korean and Vietnamese right."},
    {"with-sentence", 0, nullptr, "Output", "Add the text of its sentence to each record (sentence_text)."},
    {"sqlite", 0, "FILE", "Output",
     "extract: write tables documents, sentences (with full-text search) and figures to the SQLite database FILE; "
     "a document read again replaces its rows."},
    {"kinds", 0, "KIND,...", "Output", "Keep only records of these kinds (count,percent,money,...)."},
    {"only-lang", 0, "LANG", "Output", "Keep only records of sentences in LANG (--lang forces the language instead)."},
    {"min-value", 0, "NUMBER", "Output", "Keep only records whose value is at least NUMBER."},
    {"errors", 0, "FILE", "Output", "Also write each error as one JSON line to FILE."},
    {"quiet", 'q', nullptr, "Output", "No progress line on a terminal."},
    {"jsonl-in", 0, nullptr, "Input",
     "Each input is JSON Lines of documents: {\"id\", \"text\"} and optional \"url\", \"date\", \"lang\" "
     "(a filter for Spark rdd.pipe or Hadoop Streaming)."},
    {"jobs", 'j', "N", "Input", "Extract with N threads (default: the number of cores); output keeps input order."},
    {"stats", 0, nullptr, "Output",
     "Print on stderr, at the end: documents read, ok and failed, figures by kind, WARC records skipped."},
    {"patterns", 'p', "DIR", "Patterns",
     "Add the pattern packs in DIR over the default ones; its rules replace those with the same id. Repeatable."},
    {"help", 'h', nullptr, "Diagnostics", "Print this help and exit."},
    {"version", 'V', nullptr, "Diagnostics", "Print the version of sosu and of its pattern packs, and exit."},
};

Error usage(const std::string& message) {
  Error e;
  e.code = ErrorCode::kUsage;
  e.message = message + " (see sosu --help)";
  return e;
}

const FlagDef* find_flag(const std::string& arg) {
  for (const FlagDef& f : kFlags) {
    if (arg == std::string("--") + f.name || (f.short_name != 0 && arg == std::string("-") + f.short_name)) return &f;
  }
  return nullptr;
}

}  // namespace

std::string help_text() {
  std::string out =
      "sosu " SOSU_VERSION " - figures out of Korean and Vietnamese news text\n\n"
      "Usage:\n"
      "  sosu extract [OPTIONS] PATH...   write one JSON line per figure (spec/RECORD.md)\n"
      "  sosu tokenize [OPTIONS] PATH...  write one JSON line per word token\n"
      "  sosu text PATH...                print the document text that offsets point into\n"
      "  sosu check [OPTIONS] PATH...     check the totals, shares and changes the text states\n"
      "  sosu compare [OPTIONS] A B       align the figures of two documents; report changed and missing ones\n"
      "  sosu packs check [DIR...]        load pattern packs and run all their examples\n\n"
      "PATH is a file, a directory (read recursively, in sorted order) or - for standard input.\n"
      "Exit status: 0 no errors, 1 check found a relation that does not hold or compare a changed or missing\n"
      "figure, 2 any error (bad flags, bad packs, unreadable or invalid input).\n";
  for (const char* category : {"Input", "Output", "Patterns", "Diagnostics"}) {
    out += std::string("\n") + category + ":\n";
    for (const FlagDef& f : kFlags) {
      if (std::string(f.category) != category) continue;
      std::string left = "  ";
      left += f.short_name != 0 ? std::string("-") + f.short_name + ", " : "    ";
      left += std::string("--") + f.name + (f.value != nullptr ? std::string(" ") + f.value : "");
      left.resize(std::max<std::size_t>(left.size() + 2, 26), ' ');
      out += left + f.help + "\n";
    }
  }
  return out;
}

Result<Config> parse_flags(const std::vector<std::string>& args) {
  Config config;
  std::vector<Error> errors;
  std::vector<std::string> positional;
  bool only_positional = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positional || arg == "-" || arg.empty() || arg[0] != '-') {
      positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg, value;
    bool has_inline_value = false;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_inline_value = true;
    }
    const FlagDef* flag = find_flag(name);
    if (flag == nullptr) {
      errors.push_back(usage("unknown flag " + name));
      continue;
    }
    if (flag->value != nullptr && !has_inline_value) {
      if (i + 1 >= args.size()) {
        errors.push_back(usage(name + " needs a value " + flag->value));
        continue;
      }
      value = args[++i];
    }
    const std::string long_name = flag->name;
    if (long_name == "help") config.command = Command::kHelp;
    else if (long_name == "version") config.command = Command::kVersion;
    else if (long_name == "lang") config.lang = value;
    else if (long_name == "ref-date") {
      config.ref_date = CalendarDate::parse(value);
      if (!config.ref_date) errors.push_back(usage("--ref-date takes a date as YYYY-MM-DD, not " + value));
    }
    else if (long_name == "patterns") config.pattern_dirs.push_back(value);
    else if (long_name == "encoding") config.documents.encoding = value;
    else if (long_name == "all-text") config.documents.all_text = true;
    else if (long_name == "xpath") config.documents.xpath = value;
    else if (long_name == "json") config.json = true;
    else if (long_name == "stats") config.stats = true;
    else if (long_name == "bom") config.bom = true;
    else if (long_name == "with-sentence") config.with_sentence = true;
    else if (long_name == "sqlite") config.sqlite = value;
    else if (long_name == "errors") config.errors_file = value;
    else if (long_name == "quiet") config.quiet = true;
    else if (long_name == "jsonl-in") config.jsonl_in = true;
    else if (long_name == "only-lang") config.only_lang = value;
    else if (long_name == "format") {
      if (value != "jsonl" && value != "csv" && value != "json" && value != "text") {
        errors.push_back(usage("--format takes jsonl, csv, json (extract) or text (check, compare), not " + value));
      }
      config.format = value;
    } else if (long_name == "kinds") {
      std::size_t start = 0;
      while (start <= value.size()) {
        const std::size_t comma = value.find(',', start);
        const std::string kind = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!kind_from_name(kind)) errors.push_back(usage("--kinds: no kind " + kind + " (see spec/RECORD.md)"));
        config.kinds.insert(kind);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (long_name == "min-value") {
      char* end = nullptr;
      const double v = std::strtod(value.c_str(), &end);
      if (value.empty() || end != value.c_str() + value.size()) errors.push_back(usage("--min-value takes a number, not " + value));
      config.min_value = v;
    } else if (long_name == "jobs") {
      char* end = nullptr;
      const long n = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || end != value.c_str() + value.size() || n < 1 || n > 256) {
        errors.push_back(usage("--jobs takes a number of threads from 1 to 256, not " + value));
      }
      config.jobs = static_cast<unsigned>(std::max(1L, n));
    }
    else if (long_name == "input-format") {
      if (value == "auto") config.documents.format = InputFormat::kAuto;
      else if (value == "text") config.documents.format = InputFormat::kText;
      else if (value == "html") config.documents.format = InputFormat::kHtml;
      else if (value == "xml") config.documents.format = InputFormat::kXml;
      else errors.push_back(usage("--input-format takes auto, text, html or xml, not " + value));
    }
  }
  bool wants_info = std::find(args.begin(), args.end(), "--help") != args.end() ||
                    std::find(args.begin(), args.end(), "-h") != args.end() ||
                    std::find(args.begin(), args.end(), "--version") != args.end() ||
                    std::find(args.begin(), args.end(), "-V") != args.end();
  if (!wants_info) {
    if (positional.empty()) {
      errors.push_back(usage("no command given"));
    } else {
      const std::string command = positional.front();
      positional.erase(positional.begin());
      if (command == "extract") config.command = Command::kExtract;
      else if (command == "tokenize") config.command = Command::kTokenize;
      else if (command == "text") config.command = Command::kText;
      else if (command == "check") config.command = Command::kCheck;
      else if (command == "compare") config.command = Command::kCompare;
      else if (command == "packs") {
        if (positional.empty() || positional.front() != "check") {
          errors.push_back(usage("the packs command is: sosu packs check [DIR...]"));
        } else {
          positional.erase(positional.begin());
          config.command = Command::kPacksCheck;
        }
      } else {
        errors.push_back(usage("unknown command " + command));
      }
      if (config.command == Command::kCompare && positional.size() != 2) {
        errors.push_back(usage("compare takes two documents: sosu compare A B"));
      }
      if (config.command != Command::kPacksCheck && config.command != Command::kHelp && positional.empty()) {
        errors.push_back(usage(command + " needs at least one PATH (- for standard input)"));
      }
    }
  }
  if (!config.lang.empty() && config.lang.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) {
    errors.push_back(usage("--lang takes a language code such as ko or vi, not " + config.lang));
  }
  config.paths = positional;
  if (!errors.empty()) return errors;
  return config;
}

}  // namespace sosu::cli
