#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build, and run `sosu extract` on a bundled
# sample document.   bash tools/setup.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/tools/deps.sh"
sosu_install_deps
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build"
sample="$root/corpora/ko/party-cells-province.txt"
echo "sosu: figures of $sample:" >&2
"$root/build/sosu" extract "$sample"
