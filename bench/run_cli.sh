#!/usr/bin/env bash
# The CLI benchmark of the README: sosu extract on mixed corpora of several sizes, on 1 and 2
# threads; MB/s, records/s and peak RSS (GNU time). Inputs are made in bench/inputs/generated/.
#   bench/run_cli.sh BUILD_DIR [SIZE_MB ...]     (default sizes: 10 64 256)
set -euo pipefail
build=$(cd "$1" && pwd)
shift
sizes=("${@:-10 64 256}")
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/bench/inputs/generated"
printf '| input | threads | seconds | MB/s | records | records/s | peak RSS |\n|---|---|---|---|---|---|---|\n'
for size in ${sizes[@]}; do
  input="$root/bench/inputs/generated/mixed-$size.txt"
  [[ -f $input ]] || bash "$root/bench/make_mixed.sh" "$build" "$input" "$size" 2>/dev/null
  bytes=$(stat -c %s "$input")
  for jobs in 1 2; do
    /usr/bin/time -f '%e %M' -o /tmp/sosu-bench-time "$build/sosu" extract --jobs "$jobs" "$input" > /tmp/sosu-bench-out
    read -r seconds kib < /tmp/sosu-bench-time
    records=$(wc -l < /tmp/sosu-bench-out)
    awk -v b="$bytes" -v s="$seconds" -v r="$records" -v k="$kib" -v j="$jobs" -v n="$size" 'BEGIN {
      printf "| %d MB mixed | %d | %.2f | %.1f | %d | %.0f | %.0f MiB |\n", n, j, s, b / 1e6 / s, r, r / s, k / 1024 }'
  done
done
rm -f /tmp/sosu-bench-out /tmp/sosu-bench-time
