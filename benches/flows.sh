#!/usr/bin/env bash
# Speed and memory of `sdkflow flows` (issue 12), measured in one run against its peers on
# the same machine: the inflate floor (`unzip -p APK 'classes*.dex'`), `sdkflow inspect`
# and `sdkflow audit` (demo policy), on the 16-dex registry APK and the Yosemite APK.
#
#   bash benches/flows.sh [-n RUNS] [--no-build] [--before BIN] [APK...]
#
# --before BIN also times `BIN flows` and `BIN audit` (a build of another commit, e.g. main) in
# the same run.
# Prints per APK and task: median and min wall time (ms) over RUNS runs after one warm-up,
# the ratio to the floor and to `inspect`, peak RSS (GNU time %M) and RSS / APK size.
# Targets (issue 12): flows <= 3x inspect on the 16-dex APK; flows <= 6x and audit <= 8x the
# floor on Yosemite; peak RSS of flows < 4x the APK size on both.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=5
BUILD=1
BEFORE=""
APKS=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --before) BEFORE="$2"; shift 2 ;;
    *) APKS+=("$1"); shift ;;
  esac
done
CORPUS=${SDKFLOW_CORPUS:-target/corpus}
if [ ${#APKS[@]} -eq 0 ]; then
  APKS=("$CORPUS/apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-v10.6.6.apk"
        "$CORPUS/apk/pypi__airtest==1.4.3__airtest_core_android_static_apks_Yosemite.apk")
fi
for a in "${APKS[@]}"; do
  [ -f "$a" ] || { echo "missing $a: run bash .ci/run (or ../shared/corpus/corpus-fetch.sh target/corpus --big)" >&2; exit 2; }
done
[ "$BUILD" = 1 ] && cargo build --release --quiet
BIN=target/release/sdkflow
POLICY=samples/policies/demo-shop.md
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

# run_task LABEL CMD... : prints "median min rss_kb" for RUNS runs after a warm-up.
run_task() {
  local times=() rss=0 t0 t1 r
  sh -c 'exec "$@" >/dev/null 2>&1' sh "$@" || true
  for _ in $(seq "$RUNS"); do
    t0=$EPOCHREALTIME
    r=$( { /usr/bin/time -f '%M' sh -c 'exec "$@" >/dev/null 2>&1' sh "$@" ; } 2>&1 >/dev/null | tail -1 ) || true
    t1=$EPOCHREALTIME
    times+=("$(echo "($t1 - $t0) * 1000" | bc -l)")
    [ "${r:-0}" -gt "$rss" ] 2>/dev/null && rss=$r
  done
  printf '%s\n' "${times[@]}" | sort -g | awk -v rss="$rss" '{a[NR]=$1} END {printf "%.1f %.1f %d\n", a[int((NR+1)/2)], a[1], rss}'
}

echo "runs: $RUNS per task (after one warm-up); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for apk in "${APKS[@]}"; do
  size=$(stat -c %s "$apk")
  echo
  echo "## $(basename "$apk") ($(echo "$size / 1048576" | bc -l | xargs printf '%.1f') MB)"
  printf '%-14s %9s %9s %8s %8s %9s %8s\n' task median_ms min_ms x_floor x_inspect rss_MB rss/apk
  declare -A MED=()
  tasks=("floor|unzip -p $apk classes*.dex"
         "inspect|$BIN inspect $apk --format json"
         "flows|$BIN flows $apk --format json"
         "audit|$BIN audit $apk --policy $POLICY --format json")
  [ -n "$BEFORE" ] && tasks+=("flows(before)|$BEFORE flows $apk --format json"
                              "audit(before)|$BEFORE audit $apk --policy $POLICY --format json")
  for t in "${tasks[@]}"; do
    label=${t%%|*}
    read -r -a cmd <<< "${t#*|}"
    read -r med min rss < <(run_task "${cmd[@]}")
    MED[$label]=$med
    xf=$(echo "$med / ${MED[floor]}" | bc -l)
    xi=$( [ -n "${MED[inspect]:-}" ] && echo "$med / ${MED[inspect]}" | bc -l || echo 0)
    printf '%-14s %9.1f %9.1f %8.2f %8.2f %9.1f %8.2f\n' "$label" "$med" "$min" "$xf" "$xi" \
      "$(echo "$rss / 1024" | bc -l)" "$(echo "$rss * 1024 / $size" | bc -l)"
  done
  unset MED
done
