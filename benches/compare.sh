#!/usr/bin/env bash
# Compare sdkflow with the tools a user would otherwise run, on the same APKs, in ONE run
# (same machine, same load), and print a Markdown table of medians and ratios.
#
#   bash benches/setup.sh                      # once: androguard venv in /tmp/sdkflow-bench
#   bash benches/compare.sh                    # uia2-server (16 dex) and Yosemite (2 dex + 6 .so)
#   bash benches/compare.sh -n 3 --ag-runs 1 path/to/app.apk
#
# Options:
#   -n N              counted runs per task after one warm-up (default 5)
#   --ag-runs N       counted runs of androguard AnalyzeAPK (default 3; it takes ~17 s each)
#   --no-androguard   skip androguard
#   --no-build        use target/release/sdkflow as it is
#   --task 'LABEL|ARGS'  add an sdkflow task; {} in ARGS is the APK (repeatable), e.g.
#                        --task 'callgraph|callgraph {} --to Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;'
#   --cmd 'LABEL|COMMAND'  add any other command to time ({} is the APK; repeatable), e.g. a
#                        build of sdkflow from another branch: --cmd 'main inspect|/path/sdkflow inspect {}'
#   -o FILE           also write the table to FILE
#
# Every task runs as `sh -c 'exec CMD >/dev/null 2>&1'` (one process, output not counted).
# Wall time is bash's $EPOCHREALTIME around the process; peak RSS is GNU time's %M. An
# sdkflow subcommand that answers "not implemented" (or fails) in its warm-up run is
# listed as skipped, not timed. Raw runs go to $SDKFLOW_BENCH/results/raw-<time>.tsv.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=${SDKFLOW_BENCH:-/tmp/sdkflow-bench}
CORPUS=${SDKFLOW_CORPUS:-$ROOT/target/corpus}
RUNS=5
AG_RUNS=3
ANDROGUARD=1
BUILD=1
OUT=
EXTRA_TASKS=()
EXTRA_CMDS=()
APKS=()

while (($#)); do
    case $1 in
        -n) RUNS=$2; shift 2 ;;
        --ag-runs) AG_RUNS=$2; shift 2 ;;
        --no-androguard) ANDROGUARD=0; shift ;;
        --no-build) BUILD=0; shift ;;
        --task) EXTRA_TASKS+=("$2"); shift 2 ;;
        --cmd) EXTRA_CMDS+=("$2"); shift 2 ;;
        -o) OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,26p' "${BASH_SOURCE[0]}"; exit 0 ;;
        -*) echo "compare: unknown option $1" >&2; exit 2 ;;
        *) APKS+=("$1"); shift ;;
    esac
done
if ((${#APKS[@]} == 0)); then
    APKS=("$CORPUS/apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-v10.6.6.apk"
          "$CORPUS/apk/pypi__airtest==1.4.3__airtest_core_android_static_apks_Yosemite.apk")
fi
for apk in "${APKS[@]}"; do
    [[ -f $apk ]] || { echo "compare: missing $apk (run bash .ci/run to fetch the corpus)" >&2; exit 2; }
done
for tool in unzip dexdump aapt readelf /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "compare: $tool missing: run bash benches/setup.sh" >&2; exit 2; }
done
AG_PY=$BENCH/venv-androguard/bin/python
if ((ANDROGUARD)) && [[ ! -x $AG_PY || ! -f $BENCH/py/ag_full.py ]]; then
    echo "compare: androguard venv missing: run bash benches/setup.sh (or pass --no-androguard)" >&2
    exit 2
fi

SDKFLOW=$ROOT/target/release/sdkflow
if ((BUILD)); then
    (cd "$ROOT" && cargo build --release --quiet)
fi
[[ -x $SDKFLOW ]] || { echo "compare: $SDKFLOW missing: cargo build --release" >&2; exit 2; }

mkdir -p "$BENCH/results"
RAW=$BENCH/results/raw-$(date +%Y%m%d-%H%M%S).tsv
printf 'apk\ttask\trun\twall_s\tpeak_kib\texit\n' > "$RAW"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run_once CMD -> sets WALL (seconds) RSS (KiB) CODE
run_once() {
    local start end
    start=$EPOCHREALTIME
    set +e
    /usr/bin/time -f '%M' -o "$TMP/time" sh -c "exec $1 >/dev/null 2>$TMP/stderr"
    CODE=$?
    set -e
    end=$EPOCHREALTIME
    WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
    RSS=$(grep -E '^[0-9]+$' "$TMP/time" | tail -1)
    RSS=${RSS:-0}
}

# The median, min and max of the numbers on stdin.
stats() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit; m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s %s %s\n", m, v[1], v[NR] }'; }

declare -A MEDIAN PEAK NOTE
ROWS=()

# bench APK_ID LABEL RUNS CMD [sdkflow]
bench() {
    local id=$1 label=$2 runs=$3 cmd=$4 ours=${5:-}
    ROWS+=("$id|$label")
    run_once "$cmd" # warm-up: page cache, and the not-implemented check
    if [[ -n $ours ]] && { ((CODE >= 2)) || grep -qi 'not implemented' "$TMP/stderr"; }; then
        local why
        why=$(head -c 160 "$TMP/stderr" | head -1)
        NOTE[$id|$label]="skipped (exit $CODE: ${why:-no message})"
        echo "  $label: skipped (exit $CODE: ${why:-no message})" >&2
        return
    fi
    if [[ -z $ours ]] && ((CODE != 0)); then
        NOTE[$id|$label]="failed (exit $CODE)"
        echo "  $label: failed (exit $CODE): $(head -c 160 "$TMP/stderr")" >&2
        return
    fi
    local walls=() rsss=() i
    for ((i = 1; i <= runs; i++)); do
        run_once "$cmd"
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$label" "$i" "$WALL" "$RSS" "$CODE" >> "$RAW"
        walls+=("$WALL")
        rsss+=("$RSS")
    done
    read -r med min max < <(printf '%s\n' "${walls[@]}" | stats)
    read -r rss_med _ _ < <(printf '%s\n' "${rsss[@]}" | stats)
    MEDIAN[$id|$label]=$med
    PEAK[$id|$label]=$rss_med
    NOTE[$id|$label]="$min / $max"
    printf '  %-22s median %8.3f s  peak %7.1f MiB\n' "$label" "$med" "$(awk -v k="$rss_med" 'BEGIN { print k / 1024 }')" >&2
}

declare -A APK_BYTES APK_NAME
IDS=()
for apk in "${APKS[@]}"; do
    id=$(basename "$apk" .apk)
    id=${id##*__}
    IDS+=("$id")
    APK_NAME[$id]=$(basename "$apk")
    APK_BYTES[$id]=$(stat -c %s "$apk")
    q=$(printf '%q' "$apk")
    echo "== $id ($(awk -v b="${APK_BYTES[$id]}" 'BEGIN { printf "%.1f MB", b / 1e6 }'))" >&2
    bench "$id" "floor.unzip" "$RUNS" "unzip -p $q 'classes*.dex'"
    bench "$id" "dexdump.d" "$RUNS" "dexdump -d $q"
    bench "$id" "aapt.badging" "$RUNS" "aapt dump badging $q"
    if unzip -Z1 "$apk" 'lib/*.so' >/dev/null 2>&1; then
        bench "$id" "native.readelf" "$RUNS" "sh -c 'd=\$(mktemp -d); unzip -q -o $q \"lib/*.so\" -d \$d; readelf -h -d --dyn-syms -W \$d/lib/*/*.so; rm -rf \$d'"
    fi
    if ((ANDROGUARD)); then
        bench "$id" "androguard.full" "$AG_RUNS" "$AG_PY $BENCH/py/ag_full.py $q"
    fi
    bench "$id" "sdkflow inspect" "$RUNS" "$SDKFLOW inspect $q --format json" ours
    bench "$id" "sdkflow sdks" "$RUNS" "$SDKFLOW sdks $q" ours
    bench "$id" "sdkflow flows" "$RUNS" "$SDKFLOW flows $q" ours
    bench "$id" "sdkflow audit" "$RUNS" "$SDKFLOW audit $q" ours
    for task in "${EXTRA_TASKS[@]}"; do
        label=${task%%|*}
        args=${task#*|}
        bench "$id" "sdkflow $label" "$RUNS" "$SDKFLOW ${args//\{\}/$q}" ours
    done
    for task in "${EXTRA_CMDS[@]}"; do
        label=${task%%|*}
        args=${task#*|}
        bench "$id" "$label" "$RUNS" "${args//\{\}/$q}" ours
    done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "–"; else { r = a / b; printf (r < 10 ? "%.2f×" : "%.1f×"), r } }'; }

{
    echo "## sdkflow vs peers ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), runs: $RUNS, androguard: $AG_RUNS)"
    echo
    echo "| APK | task | median s | min / max s | peak RSS MiB | × floor | androguard / this | RSS / APK |"
    echo "|---|---|---|---|---|---|---|---|"
    for key in "${ROWS[@]}"; do
        id=${key%%|*}
        label=${key#*|}
        med=${MEDIAN[$key]:-}
        if [[ -z $med ]]; then
            echo "| $id | $label | ${NOTE[$key]} | | | | | |"
            continue
        fi
        rss_kib=${PEAK[$key]}
        rss=$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')
        floor=${MEDIAN[$id|floor.unzip]:-}
        ag=${MEDIAN[$id|androguard.full]:-}
        rss_ratio=$(awk -v k="$rss_kib" -v b="${APK_BYTES[$id]}" 'BEGIN { printf "%.2f×", k * 1024 / b }')
        printf '| %s | %s | %.3f | %s | %s | %s | %s | %s |\n' "$id" "$label" "$med" "${NOTE[$key]}" "$rss" \
            "$(ratio "$med" "$floor")" "$(ratio "$ag" "$med")" "$rss_ratio"
    done
    echo
    echo "APKs: $(for id in "${IDS[@]}"; do printf '%s = %s (%s bytes); ' "$id" "${APK_NAME[$id]}" "${APK_BYTES[$id]}"; done)"
    echo "Raw runs: $RAW"
} | tee ${OUT:+"$OUT"}
