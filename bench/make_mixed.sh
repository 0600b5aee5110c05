#!/usr/bin/env bash
# A mixed Korean/Vietnamese benchmark corpus of about SIZE_MB: the generator's Korean press text
# with, after every ~3 MB of it, the Vietnamese documents of corpora/vi (a quarter of the bytes).
#   bench/make_mixed.sh BUILD_DIR OUT.txt SIZE_MB
set -euo pipefail
build=$1 out=$2 size=$3
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp)
"$build/sosu_gen_corpus" "$tmp" "$(( (size * 3 + 3) / 4 ))" >/dev/null
vi_block=$(mktemp)
for i in $(seq 1 40); do cat "$root"/corpora/vi/*.txt; done > "$vi_block"   # ~0.5 MB
: > "$out"
split -C 1500000 -d -a 5 "$tmp" "$tmp.part."
for part in "$tmp".part.*; do
  cat "$part" >> "$out"
  printf '\n' >> "$out"
  cat "$vi_block" >> "$out"
done
rm -f "$tmp" "$tmp".part.* "$vi_block"
