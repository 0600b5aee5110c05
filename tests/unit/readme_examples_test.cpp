// The README's library example, compiled and run: if the API changes, this breaks first.
// Keep the body of readme_example() identical to the README's code block.
#include <gtest/gtest.h>

#include <iostream>
#include <sstream>

#include "sosu/sosu.h"

namespace {

int readme_example() {
  auto loaded = sosu::load_packs({*sosu::default_patterns_dir()});
  if (!loaded) { for (const sosu::Error& e : loaded.errors()) std::cerr << e.to_string() << '\n'; return 2; }
  auto packs = std::make_shared<const sosu::PackSet>(std::move(loaded).value());
  sosu::Extractor extractor = sosu::ExtractorBuilder().packs(packs).build();  // immutable, shareable
  sosu::JsonlSink out(std::cout);            // or any sosu::FigureSink: figures are pushed, not collected
  extractor.run("note.txt", "당원 1,061명을 받아들였다.", out);
  return 0;
}

TEST(ReadmeExamples, LibraryExampleWritesTheRecord) {
  std::ostringstream captured;
  std::streambuf* old = std::cout.rdbuf(captured.rdbuf());
  const int status = readme_example();
  std::cout.rdbuf(old);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(captured.str(),
            "{\"v\":1,\"doc\":\"note.txt\",\"lang\":\"ko\",\"kind\":\"count\",\"text\":\"1,061명\",\"start\":3,"
            "\"end\":9,\"byte_start\":7,\"byte_end\":15,\"value\":1061,\"from\":null,\"to\":null,\"date\":null,"
            "\"unit\":\"명\",\"subject\":\"당원\",\"qualifier\":null,\"time\":null,\"sentence\":0,"
            "\"pattern\":\"ko/count/counter\",\"direction\":null}\n");
}

}  // namespace
