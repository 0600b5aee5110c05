// sosu: the command-line tool. Flags are parsed and validated before any input is read.
#include <csignal>
#include <iostream>
#include <string>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "commands.h"
#include "flags.h"

int main(int argc, char** argv) {
  // A closed pipe (sosu extract ... | head) must end the run quietly, not kill it mid-line.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
#if defined(__GLIBC__)
  // Every piece of a run allocates and frees buffers of a megabyte or so (its text, the
  // normalised copy, the UTF-16 copy ICU breaks, the records). By default glibc maps such
  // blocks fresh and returns them on free, so each piece page-faults them in again: 19% of a
  // run's time. Keeping freed memory lets the next piece reuse it; the working set is bounded
  // by the pieces in flight, so peak RSS stays what it was.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif

  std::vector<std::string> args(argv + 1, argv + argc);
  sosu::Result<sosu::cli::Config> config = sosu::cli::parse_flags(args);
  if (!config) {
    for (const sosu::Error& e : config.errors()) std::cerr << "sosu: " << e.to_string() << '\n';
    return 2;
  }
  try {
    switch (config->command) {
      case sosu::cli::Command::kExtract: return sosu::cli::run_extract(*config);
      case sosu::cli::Command::kTokenize: return sosu::cli::run_tokenize(*config);
      case sosu::cli::Command::kText: return sosu::cli::run_text(*config);
      case sosu::cli::Command::kCheck: return sosu::cli::run_check(*config);
      case sosu::cli::Command::kCompare: return sosu::cli::run_compare(*config);
      case sosu::cli::Command::kPacksCheck: return sosu::cli::run_packs_check(*config);
      case sosu::cli::Command::kVersion: return sosu::cli::run_version(*config);
      case sosu::cli::Command::kHelp:
        std::cout << sosu::cli::help_text();
        return 0;
    }
  } catch (const std::exception& e) {
    // Exceptions mean a bug or out-of-memory; say so rather than abort silently.
    std::cerr << "sosu: internal error: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
