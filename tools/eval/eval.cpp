// sosu_eval: scores the extractor against gold data and prints a Markdown report (or, with
// --json, a JSON summary). One function per mode, each in its own file:
//
//   sosu_eval record TEXT_FILE GOLD_JSONL      RECORD.md-shaped gold for one document
//   sosu_eval spans CORPUS_JSONL               entity spans of shared/corpora (KLUE NER, UD VTB)
//   sosu_eval duckling PEERS_JSONL [--lang L]  Duckling's KO/VI corpus examples
//   sosu_eval recognizers PEERS_JSONL          Recognizers-Text's Korean Number/NumberWithUnit specs
//
// Exit status as for sosu: 0 when the run went through (whatever the scores), 2 on a bad flag,
// bad packs or unreadable input.
#include <csignal>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "eval_support.h"

namespace sosu::eval {
namespace {

const char kUsage[] =
    "Usage:\n"
    "  sosu_eval record TEXT_FILE GOLD_JSONL [OPTIONS]   gold in spec/RECORD.md shape (code-point offsets)\n"
    "  sosu_eval spans CORPUS_JSONL [OPTIONS]            entity-span corpus (shared/corpora/*.jsonl)\n"
    "  sosu_eval duckling PEERS_JSONL [OPTIONS]          shared/peers/duckling_ko_vi.jsonl\n"
    "  sosu_eval recognizers PEERS_JSONL [OPTIONS]       shared/peers/recognizers_ko.jsonl\n"
    "\n"
    "Options:\n"
    "  --json                a JSON summary instead of the Markdown report\n"
    "  --misses N            list up to N missed or wrong items (with their text) per section\n"
    "  -p, --patterns DIR    add the pattern packs in DIR over the default ones; repeatable\n"
    "  --lang LANG           record: treat every sentence as LANG; duckling: only examples in LANG\n"
    "  -h, --help            print this help\n"
    "\n"
    "The default packs are $SOSU_PATTERNS_DIR, else the installed or source-tree patterns.\n"
    "Exit status: 0 the evaluation ran, 2 bad flags, bad packs or unreadable input.\n";

struct ModeDef {
  const char* name;
  std::size_t positional;  // how many positional arguments the mode takes
  bool takes_lang;
  int (*run)(const Options&);
};

constexpr ModeDef kModes[] = {
    {"record", 2, true, run_record},
    {"spans", 1, false, run_spans},
    {"duckling", 1, true, run_duckling},
    {"recognizers", 1, false, run_recognizers},
};

// Collects every problem before giving up, as sosu does for its flags.
std::optional<Options> parse_args(const std::vector<std::string>& args, bool& help) {
  Options options;
  std::vector<std::string> problems;
  auto value_of = [&](std::size_t& i, const std::string& flag) -> std::optional<std::string> {
    if (i + 1 >= args.size()) {
      problems.push_back(flag + " needs a value");
      return std::nullopt;
    }
    return args[++i];
  };
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      help = true;
      return std::nullopt;
    } else if (a == "--json") {
      options.json = true;
    } else if (a == "--misses") {
      if (auto v = value_of(i, a)) {
        if (v->empty() || v->find_first_not_of("0123456789") != std::string::npos || v->size() > 9) {
          problems.push_back("--misses takes a count, not '" + *v + "'");
        } else {
          options.misses = std::stoul(*v);
        }
      }
    } else if (a == "-p" || a == "--patterns") {
      if (auto v = value_of(i, a)) options.pattern_dirs.push_back(*v);
    } else if (a == "--lang") {
      if (auto v = value_of(i, a)) options.lang = *v;
    } else if (a.size() > 1 && a[0] == '-') {
      problems.push_back("unknown flag " + a);
    } else {
      positional.push_back(a);
    }
  }
  const ModeDef* mode = nullptr;
  if (positional.empty()) {
    problems.push_back("no mode given: record, spans, duckling or recognizers");
  } else {
    for (const ModeDef& m : kModes) {
      if (positional[0] == m.name) mode = &m;
    }
    if (mode == nullptr) problems.push_back("unknown mode '" + positional[0] + "'");
  }
  if (mode != nullptr) {
    options.mode = mode->name;
    options.args.assign(positional.begin() + 1, positional.end());
    if (options.args.size() != mode->positional) {
      problems.push_back(std::string(mode->name) + " takes " + std::to_string(mode->positional) + " file argument" +
                         (mode->positional == 1 ? "" : "s") + ", got " + std::to_string(options.args.size()));
    }
    if (!options.lang.empty() && !mode->takes_lang) problems.push_back(std::string("--lang is not used by ") + mode->name);
  }
  for (const std::string& dir : options.pattern_dirs) {
    if (!std::filesystem::is_directory(dir)) problems.push_back("--patterns " + dir + ": not a directory");
  }
  if (!problems.empty()) {
    for (const std::string& p : problems) report(p + " (see sosu_eval --help)");
    return std::nullopt;
  }
  return options;
}

}  // namespace
}  // namespace sosu::eval

int main(int argc, char** argv) {
  // A closed pipe (sosu_eval ... | head) must end the run quietly.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  using namespace sosu::eval;

  bool help = false;
  std::optional<Options> options = parse_args(std::vector<std::string>(argv + 1, argv + argc), help);
  if (help) {
    std::cout << kUsage;
    return 0;
  }
  if (!options) return 2;
  try {
    for (const ModeDef& m : kModes) {
      if (options->mode == m.name) return m.run(*options);
    }
  } catch (const std::exception& e) {
    // Gold data is read without exceptions; one here is a bug (or out-of-memory). Say so.
    report(std::string("internal error: ") + e.what());
    return 2;
  }
  return 2;
}
