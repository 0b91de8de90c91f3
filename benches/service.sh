#!/usr/bin/env bash
# Queue throughput (issue 13): N copies (default 3) of the registry APKs submitted to a
# Redis queue and audited by one `sdkflow worker -j J` for each J (default "1 2"), timed
# from the first submission to `results --wait` returning. The peer, measured in the same
# run on the same files: `sdkflow audit DIR -j J` (one process, no queue, no child per
# job). Not run by `cargo test`: timings on a shared machine are noisy.
#
# Usage: benches/service.sh [-n N] [-j "1 2"] [--policy FILE] [--no-build] [-- EXTRA]
#   EXTRA: more `sdkflow submit` flags (e.g. `--no-flows`).
# Prints per J: wall and CPU seconds of the queue run and of the peer, APKs per minute of
# wall time, and APKs per CPU-minute (what one core does when it is not shared; on a
# machine shared with other work the wall times are noisy, the CPU times much less).
set -euo pipefail
cd "$(dirname "$0")/.."
N=3; JS="1 2"; BUILD=1
POLICY=samples/policies/demo-shop.md
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) N="$2"; shift 2 ;;
    -j) JS="$2"; shift 2 ;;
    --policy) POLICY="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
BIN="${SDKFLOW_BIN:-target/release/sdkflow}"
CORPUS="${SDKFLOW_CORPUS:-target/corpus}/apk"
[ "$BUILD" = 1 ] && cargo build --release --quiet
[ -x "$BIN" ] || { echo "build first: cargo build --release" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "install redis-server (apt-get)" >&2; exit 2; }
ls "$CORPUS"/*.apk >/dev/null 2>&1 || { echo "no APKs in $CORPUS: run bash .ci/run" >&2; exit 2; }

work="$(mktemp -d /tmp/sdkflow-service.XXXXXX)"
redis_pid=""; worker_pid=""
cleanup() {
  [ -n "$worker_pid" ] && { pkill -KILL -P "$worker_pid" 2>/dev/null; kill -KILL "$worker_pid" 2>/dev/null; } || true
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A free port on 127.0.0.1, chosen by the OS.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
redis-server --bind 127.0.0.1 --port "$port" --dir "$work" --save "" --appendonly no \
  --daemonize no >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
url="redis://127.0.0.1:$port/"

mapfile -t apks < <(ls "$CORPUS"/*.apk | sort)
mkdir -p "$work/batch"
for i in $(seq 0 $((N * ${#apks[@]} - 1))); do
  src="$(realpath "${apks[$((i % ${#apks[@]}))]}")"
  dst="$work/batch/$(printf '%03d' "$i")-$(basename "$src")"
  ln "$src" "$dst" 2>/dev/null || cp "$src" "$dst"
done
cp "$POLICY" "$work/policy"
count=$(ls "$work/batch" | wc -l)
now() { date +%s.%N; }

# CPU seconds (user+sys) of a process, from /proc (clock ticks).
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
printf '%-3s %4s %8s %8s %8s %8s %8s %9s %9s\n' \
  J jobs w_wall w_cpu rds_cpu a_wall a_cpu apk/min apk/cpu-min
for J in $JS; do
  /usr/bin/time -q -f "%e %U %S" -o "$work/audit.time" \
    "$BIN" audit "$work/batch" --policy "$work/policy" --format json -j "$J" -o /dev/null || true
  read -r audit_wall audit_user audit_sys <"$work/audit.time"

  redis-cli -p "$port" flushall >/dev/null
  redis_cpu0=$(cpu_of "$redis_pid")
  t0=$(now)
  "$BIN" submit --redis "$url" --policy "$work/policy" "${EXTRA[@]}" "$work"/batch/*.apk >/dev/null
  # GNU time reports the worker with every audit child it reaped.
  /usr/bin/time -q -f "%e %U %S" -o "$work/worker.time" \
    "$BIN" worker --redis "$url" --root "$work" -j "$J" 2>"$work/worker.log" &
  worker_pid=$!
  "$BIN" results --redis "$url" --wait --timeout 1h >"$work/results.jsonl" || true
  worker_wall=$(echo "$(now) - $t0" | bc)
  kill -TERM "$(pgrep -P "$worker_pid" -x sdkflow)"; wait "$worker_pid" || true; worker_pid=""
  redis_cpu=$(echo "$(cpu_of "$redis_pid") - $redis_cpu0" | bc)
  read -r _ worker_user worker_sys <"$work/worker.time"
  [ -n "${KEEP:-}" ] && cp "$work/results.jsonl" "$KEEP.j$J.jsonl"
  done_jobs=$(wc -l <"$work/results.jsonl")
  audited=$(grep -c '"status":"audited"' "$work/results.jsonl" || true)
  [ "$done_jobs" = "$count" ] && [ "$audited" = "$count" ] || {
    echo "J=$J: $audited of $count jobs audited" >&2; exit 1; }
  awk -v j="$J" -v n="$count" -v ww="$worker_wall" -v wc="$(echo "$worker_user + $worker_sys" | bc)" \
      -v rc="$redis_cpu" -v aw="$audit_wall" -v ac="$(echo "$audit_user + $audit_sys" | bc)" 'BEGIN {
    printf "%-3s %4d %8.1f %8.1f %8.2f %8.1f %8.1f %9.1f %9.1f\n", j, n, ww, wc, rc, aw, ac, n*60/ww, n*60/(wc+rc) }'
done
echo "w_*: worker (from the first submit to results --wait returning; CPU of the worker,"
echo "its audit children and Redis: rds_cpu); a_*: sdkflow audit DIR -j J on the same files."
echo "apk/cpu-min: APKs per CPU-minute = per core per minute on a machine of its own."
