#!/usr/bin/env bash
# The CLI benchmark of the README: sosu extract on mixed corpora of several sizes, on 1 and 2
# threads; MB/s, records/s and peak RSS (GNU time). Inputs are made in bench/inputs/generated/.
# Each cell is the median of RUNS runs (default 3), taken in rounds: a shared VM's speed varies
# from minute to minute.
# Before and after the table, one thread pinned to each CPU in turn (taskset) on the smallest
# input of at least 64 MB (where starting up weighs little), else the largest: on a VM one
# virtual CPU can run much slower than another while its host is busy, or both slower when both
# work, and two threads then cannot reach twice one thread's speed; these lines show whether
# that happened.
#   [RUNS=N] bench/run_cli.sh BUILD_DIR [SIZE_MB ...]     (default sizes: 10 64 256)
set -euo pipefail
build=$(cd "$1" && pwd)
shift
sizes=("${@:-10 64 256}")
runs=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/bench/inputs/generated"
for size in ${sizes[@]}; do
  input="$root/bench/inputs/generated/mixed-$size.txt"
  [[ -f $input ]] || bash "$root/bench/make_mixed.sh" "$build" "$input" "$size" 2>/dev/null
done
check_size=$(printf '%s\n' ${sizes[@]} | sort -n | awk '$1 >= 64 { found = $1; exit } { last = $1 } END { print found ? found : last }')

# Two lines: the MB/s of one thread pinned to each CPU in turn, then of one on each CPU at
# once (two processes): what two threads can reach at best just then.
cpu_check() {
  local input="$root/bench/inputs/generated/mixed-$check_size.txt"
  local bytes cpu seconds alone="$1: one thread pinned to each CPU in turn, $check_size MB:" together="$1: one on each CPU at once:"
  bytes=$(stat -c %s "$input")
  mb_per_s() { awk -v b="$bytes" -v s="$1" -v c="$2" 'BEGIN { printf " cpu%d %.1f MB/s", c, b / 1e6 / s }'; }
  for cpu in $(seq 0 $(($(nproc) - 1))); do
    seconds=$( { /usr/bin/time -f '%e' taskset -c "$cpu" "$build/sosu" extract --jobs 1 --quiet "$input" > /dev/null; } 2>&1)
    alone+=$(mb_per_s "$seconds" "$cpu")
  done
  for cpu in $(seq 0 $(($(nproc) - 1))); do
    { /usr/bin/time -f '%e' -o "/tmp/sosu-bench-cpu-$cpu" taskset -c "$cpu" "$build/sosu" extract --jobs 1 --quiet "$input" > /dev/null; } &
  done
  wait
  for cpu in $(seq 0 $(($(nproc) - 1))); do together+=$(mb_per_s "$(cat "/tmp/sosu-bench-cpu-$cpu")" "$cpu"); done
  printf '%s\n%s\n\n' "$alone" "$together"
}

cpu_check before
# Round by round, each cell once per round: a spell of slowness in the VM then falls on every
# cell alike, instead of on all the runs of one.
cells=()
for size in ${sizes[@]}; do
  for jobs in 1 2; do cells+=("$size $jobs"); : > "/tmp/sosu-bench-times-$size-$jobs"; done
done
for ((run = 0; run < runs; run++)); do
  for cell in "${cells[@]}"; do
    read -r size jobs <<< "$cell"
    /usr/bin/time -f '%e %M' -a -o "/tmp/sosu-bench-times-$size-$jobs" \
      "$build/sosu" extract --jobs "$jobs" "$root/bench/inputs/generated/mixed-$size.txt" > "/tmp/sosu-bench-out-$size"
  done
done
printf '| input | threads | seconds (median of %d) | MB/s | records | records/s | peak RSS |\n|---|---|---|---|---|---|---|\n' "$runs"
for cell in "${cells[@]}"; do
  read -r size jobs <<< "$cell"
  bytes=$(stat -c %s "$root/bench/inputs/generated/mixed-$size.txt")
  records=$(wc -l < "/tmp/sosu-bench-out-$size")
  sort -n "/tmp/sosu-bench-times-$size-$jobs" | awk -v b="$bytes" -v r="$records" -v j="$jobs" -v n="$size" '
    { seconds[NR] = $1; if ($2 > kib) kib = $2 }
    END {
      s = seconds[int((NR + 1) / 2)]
      printf "| %d MB mixed | %d | %.2f | %.1f | %d | %.0f | %.0f MiB |\n", n, j, s, b / 1e6 / s, r, r / s, kib / 1024 }'
done
echo
cpu_check after
rm -f /tmp/sosu-bench-out-* /tmp/sosu-bench-times-* /tmp/sosu-bench-cpu-*
