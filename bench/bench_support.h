// Shared by the benchmarks: the generated corpus, the project's packs, peak RSS.
#ifndef SOSU_BENCH_SUPPORT_H_
#define SOSU_BENCH_SUPPORT_H_

#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "sosu/sosu.h"

namespace sosu::bench {

// $SOSU_BENCH_CORPUS, else bench/inputs/generated/corpus.txt (made by tools/gen_corpus).
inline std::string corpus_path() {
  const char* env = std::getenv("SOSU_BENCH_CORPUS");
  return env != nullptr ? env : std::string(SOSU_PATTERNS_DIR_FOR_BENCH) + "/../bench/inputs/generated/corpus.txt";
}

inline const std::string& corpus_text() {
  static const std::string text = [] {
    std::ifstream in(corpus_path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

inline std::shared_ptr<const PackSet> packs() {
  static std::shared_ptr<const PackSet> p = [] {
    Result<PackSet> loaded = load_packs({SOSU_PATTERNS_DIR_FOR_BENCH});
    if (!loaded) std::abort();
    return std::make_shared<const PackSet>(std::move(loaded).value());
  }();
  return p;
}

inline double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace sosu::bench

#endif  // SOSU_BENCH_SUPPORT_H_
