#!/usr/bin/env bash
# Batch-audit speed and memory (issue 6): N copies (default 100) of the registry APKs
# audited in one run with --jobs J (default 2), against the sum of single runs of the same
# inputs. Not run by `cargo test`: timings on a shared machine are noisy, so no test
# asserts on them.
#
# Usage: benches/batch.sh [-n N] [-j J] [-r RUNS] [--policy FILE] [--no-build] [--boost]
#                         [-- EXTRA]
#   EXTRA: more `sdkflow audit` flags for every run (e.g. `--no-flows`).
#   --boost: raise this session's scheduler autogroup to nice -15 for the run (root only;
#   reset on exit). With autogroup scheduling (Linux's default for desktop/VM kernels) the
#   CPU is shared per session, not per thread: on a machine where other sessions keep both
#   cores busy, the batch's two threads get one session's share and cannot show that they
#   use both cores. The boost makes the measurement possible on such a machine.
# Prints, per distinct APK: median wall and peak RSS of its single runs; then the sum of
# single runs (each APK's median times its number of copies), the batch wall time, the
# ratio (goal <= 0.60), the CPU time (user+sys) of both, the largest single peak RSS x J
# (the bound) and the batch peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
N=100; J=2; RUNS=3; BUILD=1; BOOST=0
POLICY=samples/policies/demo-shop.md
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N="$2"; shift 2 ;;
    -j) J="$2"; shift 2 ;;
    -r) RUNS="$2"; shift 2 ;;
    --policy) POLICY="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --boost) BOOST=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
BIN="${SDKFLOW_BIN:-target/release/sdkflow}"
CORPUS="${SDKFLOW_CORPUS:-target/corpus}/apk"
[ "$BUILD" = 1 ] && cargo build --release --quiet
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
ls "$CORPUS"/*.apk >/dev/null 2>&1 || { echo "no APKs in $CORPUS: run bash .ci/run" >&2; exit 2; }
work="$(mktemp -d /tmp/sdkflow-batch.XXXXXX)"
group_nice=""
cleanup() {
  rm -rf "$work"
  [ -n "$group_nice" ] && echo "$group_nice" > /proc/$$/autogroup
  return 0
}
trap cleanup EXIT
if [ "$BOOST" = 1 ]; then
  group_nice="$(sed -n 's/.* nice //p' /proc/$$/autogroup)"
  echo -15 > /proc/$$/autogroup || { echo "--boost needs root and autogroup" >&2; exit 2; }
fi
mapfile -t apks < <(ls "$CORPUS"/*.apk | sort)
mkdir -p "$work/batch"
# Hard links when /tmp shares the corpus's filesystem (the default), copies otherwise:
# either way each input is a distinct regular file, as in a real batch.
declare -A copies
for i in $(seq 0 $((N - 1))); do
  k=$((i % ${#apks[@]})); src="$(realpath "${apks[$k]}")"
  dst="$work/batch/$(printf '%03d' "$i")-$(basename "$src")"
  ln "$src" "$dst" 2>/dev/null || cp "$src" "$dst"
  copies[$k]=$(( ${copies[$k]:-0} + 1 ))
done

# One timed run: "wall_s peak_kib cpu_s" (GNU time: %e is only 10 ms precise, so wall is
# taken from $EPOCHREALTIME).
run() {
  local t0 t1
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%M %U %S' -o "$work/time" "$BIN" audit "$@" \
    --policy "$POLICY" --format json --fail-on never "${EXTRA[@]}" >/dev/null
  t1=$EPOCHREALTIME
  read -r rss user sys < "$work/time"
  echo "$(echo "$t1 - $t0" | bc -l) $rss $(echo "$user + $sys" | bc -l)"
}

sum=0; sum_cpu=0; max_rss=0
printf '%-70s %6s %8s %8s\n' "APK (median of $RUNS single runs)" copies "wall s" "RSS KiB"
for k in "${!apks[@]}"; do
  walls=(); cpus=(); rss_max=0
  for _ in $(seq "$RUNS"); do
    read -r w r c < <(run "${apks[$k]}" -o /dev/null)
    walls+=("$w"); cpus+=("$c"); [ "$r" -gt "$rss_max" ] && rss_max=$r
  done
  mid=$(( (RUNS + 1) / 2 ))
  med=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "${mid}p")
  med_cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "${mid}p")
  n=${copies[$k]:-0}
  sum=$(echo "$sum + $med * $n" | bc -l); sum_cpu=$(echo "$sum_cpu + $med_cpu * $n" | bc -l)
  [ "$rss_max" -gt "$max_rss" ] && max_rss=$rss_max
  printf '%-70.70s %6d %8.3f %8d\n' "$(basename "${apks[$k]}")" "$n" "$med" "$rss_max"
done
read -r batch batch_rss batch_cpu < <(run "$work/batch" --jobs "$J" -o "$work/out.jsonl")
records=$(wc -l < "$work/out.jsonl")
printf '\ninputs: %d (%d distinct registry APKs), jobs: %d, JSON Lines records: %d, load: %s, %s\n' \
  "$N" "${#apks[@]}" "$J" "$records" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$(cat /proc/$$/autogroup 2>/dev/null || echo 'no autogroup')"
printf 'sum of single runs: %7.2f s wall, %7.2f s CPU\n' "$sum" "$sum_cpu"
printf 'batch:              %7.2f s wall, %7.2f s CPU\n' "$batch" "$batch_cpu"
printf 'ratio:              %7.2f (goal <= 0.60)\n' "$(echo "$batch / $sum" | bc -l)"
printf 'largest single peak RSS: %d KiB\nbatch peak RSS:          %d KiB (bound %d KiB = largest x %d): %s\n' \
  "$max_rss" "$batch_rss" "$((max_rss * J))" "$J" \
  "$([ "$batch_rss" -le $((max_rss * J)) ] && echo within || echo OVER)"
