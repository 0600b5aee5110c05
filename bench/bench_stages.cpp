// One stage at a time on the same 4 MiB of the generated corpus, to see which dominates.
#include <benchmark/benchmark.h>

#include "bench_support.h"
#include "match/matcher.h"
#include "match/pack_data.h"

namespace sosu::bench {
namespace {

std::string_view slice() {
  const std::string& corpus = corpus_text();
  std::string_view text(corpus.data(), std::min<std::size_t>(corpus.size(), 4 << 20));
  std::size_t nl = text.rfind('\n');
  return nl == std::string_view::npos ? text : text.substr(0, nl + 1);
}

bool require_corpus(benchmark::State& state) {
  if (slice().empty()) state.SkipWithError(("generate the corpus first: " + corpus_path()).c_str());
  return !slice().empty();
}

void BM_Normalize(benchmark::State& state) {
  if (!require_corpus(state)) return;
  for (auto _ : state) benchmark::DoNotOptimize(normalize(slice()).text.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(slice().size()) * state.iterations());
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_SplitSentences(benchmark::State& state) {
  if (!require_corpus(state)) return;
  for (auto _ : state) benchmark::DoNotOptimize(split_sentences(slice()).size());
  state.SetBytesProcessed(static_cast<std::int64_t>(slice().size()) * state.iterations());
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMillisecond);

void BM_DetectLanguage(benchmark::State& state) {
  if (!require_corpus(state)) return;
  std::vector<SentenceSpan> sentences = split_sentences(slice());
  for (auto _ : state) {
    for (const SentenceSpan& s : sentences) {
      benchmark::DoNotOptimize(detect_language(slice().substr(s.byte_start, s.byte_end - s.byte_start)));
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(slice().size()) * state.iterations());
}
BENCHMARK(BM_DetectLanguage)->Unit(benchmark::kMillisecond);

void BM_Match(benchmark::State& state) {
  if (!require_corpus(state)) return;
  std::vector<SentenceSpan> sentences = split_sentences(slice());
  const internal::LanguageRules& ko = packs()->data().languages.at("ko");
  std::size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const SentenceSpan& s : sentences) {
      matches += internal::find_matches(ko, slice().substr(s.byte_start, s.byte_end - s.byte_start)).size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(slice().size()) * state.iterations());
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_Match)->Unit(benchmark::kMillisecond);

void BM_MatchBatch(benchmark::State& state) {
  if (!require_corpus(state)) return;
  std::vector<std::string_view> sentences;
  for (const SentenceSpan& s : split_sentences(slice())) {
    sentences.push_back(slice().substr(s.byte_start, s.byte_end - s.byte_start));
  }
  const internal::LanguageRules& ko = packs()->data().languages.at("ko");
  std::size_t matches = 0;
  for (auto _ : state) {
    matches = 0;
    for (const auto& m : internal::find_matches(ko, sentences)) matches += m.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(slice().size()) * state.iterations());
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_MatchBatch)->Unit(benchmark::kMillisecond);

void BM_TokenizeWords(benchmark::State& state) {
  if (!require_corpus(state)) return;
  std::vector<SentenceSpan> sentences = split_sentences(slice());
  for (auto _ : state) {
    for (const SentenceSpan& s : sentences) {
      benchmark::DoNotOptimize(tokenize_words(slice().substr(s.byte_start, s.byte_end - s.byte_start)).size());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(slice().size()) * state.iterations());
}
BENCHMARK(BM_TokenizeWords)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sosu::bench
