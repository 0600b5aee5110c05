#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (in build-fuzz/) and runs each for SECONDS (default
# 60) from its seed corpus: the fixtures of tests/data/reports and tests/fuzz/corpus.
# New inputs go to build-fuzz/corpus-<target>/; a crash is saved as build-fuzz/crash-*, which
# belongs in tests/fuzz/corpus/<target>/ once fixed, so that ctest replays it.
#   tools/fuzz.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
cd "$root"
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOSU_BUILD_FUZZERS=ON \
  -DSOSU_SANITIZERS=fuzzer-no-link,address >/dev/null
cmake --build build-fuzz --target sosu_fuzz_office sosu_fuzz_warc
for target in office warc; do
  corpus="build-fuzz/corpus-$target"
  mkdir -p "$corpus"
  echo "fuzz: $target for ${seconds}s"
  (cd build-fuzz && "./tests/sosu_fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=20 \
     -artifact_prefix=./crash-$target- "corpus-$target" "$root/tests/fuzz/corpus/$target" "$root/tests/data/reports")
done
