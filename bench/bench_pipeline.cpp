// The whole extract pipeline, as `sosu extract FILE > /dev/null` runs it: read in pieces,
// normalise, segment, match, attach, write JSON. Reports MB/s and peak RSS.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bench_support.h"

namespace sosu::bench {
namespace {

// Serialises every record as the CLI does, and counts them.
struct CountingJsonSink : FigureSink {
  std::uint64_t records = 0, bytes = 0;
  bool on_figure(const Figure& f) override {
    bytes += figure_to_json(f).size() + 1;
    ++records;
    return true;
  }
};

void BM_ExtractFile(benchmark::State& state) {
  const std::string path = corpus_path();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size < (std::uint64_t{50} << 20)) {
    state.SkipWithError(("generate a corpus of 50 MB or more first: sosu_gen_corpus " + path + " 64").c_str());
    return;
  }
  Extractor ex = ExtractorBuilder().packs(packs()).build();
  Input input{path, path, false};
  CountingJsonSink sink;
  for (auto _ : state) {
    sink = CountingJsonSink{};
    DocumentCursor cursor;
    Result<std::uint64_t> read = read_text_document(input, ReadOptions{}, [&](const TextPiece& piece) {
      return ex.run_piece(path, piece, cursor, sink);
    });
    if (!read || sink.records == 0) {
      state.SkipWithError("the corpus produced no records");
      return;
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(size) * state.iterations());
  state.counters["records"] = static_cast<double>(sink.records);
  state.counters["records_per_s"] =
      benchmark::Counter(static_cast<double>(sink.records) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}
BENCHMARK(BM_ExtractFile)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

// In-memory documents from 1 KiB to 64 MiB: MB/s should stay level as the size grows.
void BM_ExtractInMemory(benchmark::State& state) {
  const std::string& corpus = corpus_text();
  const auto size = static_cast<std::size_t>(state.range(0));
  if (corpus.size() < size) {
    state.SkipWithError("the generated corpus is smaller than this size");
    return;
  }
  std::string_view text(corpus.data(), size);
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.remove_suffix(1);
  if (!text.empty()) text.remove_suffix(1);
  Extractor ex = ExtractorBuilder().packs(packs()).build();
  for (auto _ : state) {
    CountingJsonSink sink;
    ex.run("bench", text, sink);
    benchmark::DoNotOptimize(sink.records);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size()) * state.iterations());
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}
BENCHMARK(BM_ExtractInMemory)->RangeMultiplier(8)->Range(1 << 10, 64 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sosu::bench
