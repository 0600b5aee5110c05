#!/usr/bin/env bash
# Quick start, step 2: the whole test suite (installs and builds first if needed).
#   bash tools/test.sh              RelWithDebInfo build in build/
#   bash tools/test.sh --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/tools/deps.sh"
sosu_install_deps
build="$root/build"
extra=()
if [[ ${1:-} == --sanitize ]]; then
  build="$root/build-asan"
  extra=(-DCMAKE_BUILD_TYPE=Debug -DSOSU_SANITIZERS=address,undefined)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  extra=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
fi
cmake -S "$root" -B "$build" -G Ninja -DSOSU_WARNINGS_AS_ERRORS=ON "${extra[@]}" >/dev/null
cmake --build "$build"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
