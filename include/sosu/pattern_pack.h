// Pattern packs: the RE2 rules sosu matches, loaded from patterns/**/*.xml.
//
//   sosu::Result<sosu::PackSet> packs = sosu::load_packs({"patterns"});
//   if (!packs) { for (const auto& e : packs.errors()) report(e); return 2; }
//   auto shared = std::make_shared<const sosu::PackSet>(std::move(*packs));
//   sosu::Extractor ex = sosu::ExtractorBuilder().packs(shared).build();
//
// patterns/README.md documents the file format: <pack>, <fragment>, <table>, <numerals>,
// <rule> with <regex>, <guard>, <example> and <counterexample>.
#ifndef SOSU_PATTERN_PACK_H_
#define SOSU_PATTERN_PACK_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sosu/error.h"

namespace sosu {
namespace internal {
struct PackSetData;  // the compiled rules; src/match/pack_data.h
}

class PackSet {
 public:
  PackSet();
  ~PackSet();
  // Not copyable: compiled rules are large. Share a std::shared_ptr<const PackSet>.
  PackSet(const PackSet&) = delete;
  PackSet& operator=(const PackSet&) = delete;
  PackSet(PackSet&&) noexcept;
  PackSet& operator=(PackSet&&) noexcept;

  std::size_t rule_count() const;
  std::size_t example_count() const;  // <example> and <counterexample> elements
  std::vector<std::string> languages() const;
  // Each pack file's language, kind and version, e.g. "ko/count 1, ko/percent 1".
  std::string versions() const;

  const internal::PackSetData& data() const { return *data_; }

 private:
  friend Result<PackSet> load_packs(const std::vector<std::filesystem::path>& dirs, unsigned threads);
  std::unique_ptr<internal::PackSetData> data_;
};

// Loads every *.xml below each directory, in order: a later directory adds packs, and its
// rules, fragments and tables replace earlier ones with the same id or name. Returns the set
// iff every pack parses, every reference resolves and every regex compiles; otherwise all
// problems found (each with file and line), not just the first. Examples are not run here:
// see check_pack_examples() in sosu/extract.h. With `threads` above 1, up to that many
// languages compile at the same time; the result is the same.
[[nodiscard]] Result<PackSet> load_packs(const std::vector<std::filesystem::path>& dirs, unsigned threads = 1);

// The default packs: $SOSU_PATTERNS_DIR, else share/sosu/patterns beside the installed
// binary, else the install prefix chosen at build time, else the source tree it was built
// from. nullopt when none of them exists.
std::optional<std::filesystem::path> default_patterns_dir();

}  // namespace sosu

#endif  // SOSU_PATTERN_PACK_H_
