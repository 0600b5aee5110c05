#include "commands.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <iostream>
#include <memory>

#include "sosu/sosu.h"

namespace sosu::cli {
namespace {

void report(const Error& e) { std::cerr << "sosu: " << e.to_string() << '\n'; }

// True when standard output was closed under us (a pipe into head): not an error.
bool output_closed() { return !std::cout && errno == EPIPE; }

// The default packs plus --patterns directories, or nullptr after reporting every problem.
std::shared_ptr<const PackSet> load_configured_packs(const Config& config) {
  std::vector<std::filesystem::path> dirs;
  std::optional<std::filesystem::path> defaults = default_patterns_dir();
  if (!defaults) {
    Error e;
    e.code = ErrorCode::kIo;
    e.message = "the default pattern packs were not found; set SOSU_PATTERNS_DIR to the patterns directory";
    report(e);
    return nullptr;
  }
  dirs.push_back(*defaults);
  for (const std::string& d : config.pattern_dirs) dirs.emplace_back(d);
  Result<PackSet> packs = load_packs(dirs);
  if (!packs) {
    for (const Error& e : packs.errors()) report(e);
    return nullptr;
  }
  return std::make_shared<const PackSet>(std::move(packs).value());
}

// Reads every input in order and hands each piece of each valid document to on_piece.
// Bad documents are reported and skipped; returns false if any input failed.
template <class OnDocument>
bool for_each_document(const Config& config, OnDocument&& on_document) {
  std::vector<Error> errors;
  std::vector<Input> inputs = expand_inputs(config.paths, errors);
  for (const Error& e : errors) report(e);
  bool ok = errors.empty();
  for (const Input& input : inputs) {
    DocumentCursor cursor;
    bool keep_going = true;
    Result<std::uint64_t> read = read_text_document(input, ReadOptions{}, [&](const TextPiece& piece) {
      keep_going = on_document(input, piece, cursor);
      return keep_going;
    });
    if (!read) {
      for (const Error& e : read.errors()) report(e);
      ok = false;
    }
    if (!keep_going) break;
  }
  return ok;
}

}  // namespace

int run_extract(const Config& config) {
  std::shared_ptr<const PackSet> packs = load_configured_packs(config);
  if (!packs) return 2;
  ExtractOptions options;
  options.forced_lang = config.lang;
  options.ref_date = config.ref_date;
  Extractor extractor = ExtractorBuilder().packs(packs).options(options).build();
  JsonlSink sink(std::cout);
  bool ok = for_each_document(config, [&](const Input& input, const TextPiece& piece, DocumentCursor& cursor) {
    return extractor.run_piece(input.name, piece, cursor, sink);
  });
  std::cout.flush();
  if (output_closed()) return ok ? 0 : 2;
  return ok ? 0 : 2;
}

int run_tokenize(const Config& config) {
  ExtractOptions options;
  options.forced_lang = config.lang;
  bool ok = for_each_document(config, [&](const Input& input, const TextPiece& piece, DocumentCursor& cursor) {
    PreparedPiece prepared(piece);
    for (const SentenceSpan& span : prepared.sentences()) {
      const std::uint32_t index = cursor.next_sentence++;
      std::string_view sentence =
          prepared.normalized().substr(span.byte_start, span.byte_end - span.byte_start);
      const std::string lang = sentence_language(sentence, options);
      for (const Token& token : tokenize_words(sentence)) {
        PreparedPiece::SourceSpan src =
            prepared.to_source(span.byte_start + token.byte_start, span.byte_start + token.byte_end);
        nlohmann::ordered_json j;
        j["doc"] = input.name;
        j["sentence"] = index;
        j["lang"] = lang;
        j["text"] = std::string(src.text);
        j["start"] = src.cp_start;
        j["end"] = src.cp_end;
        j["byte_start"] = src.byte_start;
        j["byte_end"] = src.byte_end;
        j["type"] = token_type_name(token.type);
        std::cout << j.dump() << '\n';
      }
    }
    return static_cast<bool>(std::cout);
  });
  std::cout.flush();
  return ok ? 0 : 2;
}

int run_text(const Config& config) {
  bool ok = for_each_document(config, [&](const Input&, const TextPiece& piece, DocumentCursor&) {
    std::cout.write(piece.text.data(), static_cast<std::streamsize>(piece.text.size()));
    return static_cast<bool>(std::cout);
  });
  std::cout.flush();
  return ok ? 0 : 2;
}

int run_packs_check(const Config& config) {
  std::vector<std::filesystem::path> dirs;
  for (const std::string& p : config.paths) dirs.emplace_back(p);
  if (dirs.empty()) {
    std::optional<std::filesystem::path> defaults = default_patterns_dir();
    if (!defaults) {
      Error e;
      e.code = ErrorCode::kIo;
      e.message = "the default pattern packs were not found; name a directory: sosu packs check DIR";
      report(e);
      return 2;
    }
    dirs.push_back(*defaults);
  }
  for (const std::string& d : config.pattern_dirs) dirs.emplace_back(d);
  Result<PackSet> loaded = load_packs(dirs);
  if (!loaded) {
    for (const Error& e : loaded.errors()) report(e);
    return 2;
  }
  auto packs = std::make_shared<const PackSet>(std::move(loaded).value());
  std::vector<Error> failures = check_pack_examples(packs);
  for (const Error& e : failures) report(e);
  std::cout << "packs: " << packs->rule_count() << " rules, " << packs->example_count() << " examples, "
            << failures.size() << " failing\n";
  return failures.empty() ? 0 : 2;
}

int run_version(const Config& config) {
  std::cout << "sosu " << version() << '\n';
  std::shared_ptr<const PackSet> packs = load_configured_packs(config);
  if (!packs) return 2;
  std::cout << "packs: " << packs->versions() << '\n';
  return 0;
}

}  // namespace sosu::cli
