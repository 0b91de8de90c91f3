#!/usr/bin/env bash
# Batch-audit speed and memory: N copies (default 100) of the registry APKs audited in one
# run with --jobs J (default 2), against the sum of single runs of the same inputs.
# Usage: tests/audit_batch_bench.sh [N] [J]   (after `cargo build --release`)
# Prints: sum of single wall times, batch wall time, ratio, largest single peak RSS,
# batch peak RSS and its bound (largest single x J). Not run by `cargo test`: timings on
# a shared machine are noisy, so no test asserts on them.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100}"; J="${2:-2}"
BIN=target/release/sdkflow
POLICY=tests/audit_fixture/shop.policy.json
CORPUS="${SDKFLOW_CORPUS:-target/corpus}/apk"
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
ls "$CORPUS"/*.apk >/dev/null 2>&1 || { echo "no APKs in $CORPUS: run bash .ci/run" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mapfile -t apks < <(ls "$CORPUS"/*.apk | sort)
mkdir -p "$work/batch"
for i in $(seq 0 $((N - 1))); do
  src="${apks[$((i % ${#apks[@]}))]}"
  ln -s "$(realpath "$src")" "$work/batch/$(printf '%03d' "$i")-$(basename "$src")"
done

now() { date +%s.%N; }
# Each distinct APK once (3 runs, the median), weighted by how often it occurs in the batch.
sum=0; max_rss=0
for src in "${apks[@]}"; do
  count=0
  for f in "$work"/batch/*; do [ "$(readlink "$f")" = "$(realpath "$src")" ] && count=$((count + 1)); done
  times=()
  for _ in 1 2 3; do
    t0=$(now)
    /usr/bin/time -f %M -o "$work/rss" "$BIN" audit "$src" --policy "$POLICY" --format json \
      -o /dev/null --fail-on never
    t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
    rss=$(cat "$work/rss"); [ "$rss" -gt "$max_rss" ] && max_rss=$rss
  done
  med=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
  sum=$(echo "$sum + $med * $count" | bc -l)
done
t0=$(now)
/usr/bin/time -f %M -o "$work/rss" "$BIN" audit "$work/batch" --policy "$POLICY" --format json \
  -o "$work/out.jsonl" --fail-on never --jobs "$J"
t1=$(now)
batch=$(echo "$t1 - $t0" | bc -l)
batch_rss=$(cat "$work/rss")
records=$(wc -l < "$work/out.jsonl")
printf 'inputs: %d (%d distinct registry APKs), jobs: %d, records: %d\n' "$N" "${#apks[@]}" "$J" "$records"
printf 'sum of single runs: %.2f s\nbatch:              %.2f s\nratio:              %.2f (target <= 0.60)\n' \
  "$sum" "$batch" "$(echo "$batch / $sum" | bc -l)"
printf 'largest single peak RSS: %d KiB\nbatch peak RSS:          %d KiB (bound %d KiB = largest x %d)\n' \
  "$max_rss" "$batch_rss" "$((max_rss * J))" "$J"
