#!/usr/bin/env bash
# A mixed Korean/Vietnamese benchmark corpus of about SIZE_MB, all generated press-style text
# (tools/gen_corpus): three quarters Korean, one quarter Vietnamese, alternating in blocks of
# about 1.5 MB and 0.5 MB so that both languages run through every part of a large input.
#   bench/make_mixed.sh BUILD_DIR OUT.txt SIZE_MB
set -euo pipefail
build=$1 out=$2 size=$3
ko=$(mktemp) vi=$(mktemp)
"$build/sosu_gen_corpus" --lang ko "$ko" "$(( (size * 3 + 3) / 4 ))" >/dev/null 2>&1
"$build/sosu_gen_corpus" --lang vi "$vi" "$(( (size + 3) / 4 ))" >/dev/null 2>&1
split -C 1500000 -d -a 5 "$ko" "$ko.part."
split -C 500000 -d -a 5 "$vi" "$vi.part."
: > "$out"
for part in "$ko".part.*; do
  cat "$part" >> "$out"
  vi_part="$vi.part.${part##*.}"
  [[ -f $vi_part ]] && cat "$vi_part" >> "$out"
done
cat $(ls "$vi".part.* | tail -n +"$(( $(ls "$ko".part.* | wc -l) + 1 ))") /dev/null >> "$out"
rm -f "$ko" "$vi" "$ko".part.* "$vi".part.*
