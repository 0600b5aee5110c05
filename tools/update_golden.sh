#!/usr/bin/env bash
# Rewrites corpora/<lang>/<name>.expected.jsonl from the current extractor, for review with
# `git diff corpora/`. Expectations change on purpose only: read every changed line.
#   tools/update_golden.sh [BUILD_DIR]     (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
cd "$root/corpora"
for doc in */*.txt; do
  SOSU_PATTERNS_DIR="$root/patterns" "$build/sosu" extract "$doc" > "${doc%.txt}.expected.jsonl"
  echo "$doc: $(wc -l < "${doc%.txt}.expected.jsonl") records"
done
