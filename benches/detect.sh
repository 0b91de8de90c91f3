#!/bin/sh
# What `sdkflow sdks` costs against `sdkflow inspect` on the same APK (release build,
# hyperfine, JSON output of both). Target: sdks <= 1.10 x inspect.
# The machine is shared, so the runs are interleaved by hyperfine's warmup and the ratio is
# given for the median and the minimum wall time as well as for the mean, plus CPU time
# (user + system), which contention disturbs least.
# `cargo run --release --example detect_ratio -- inspect|sdks APK` shows where the time goes.
# Usage: sh benches/detect.sh [APK]   (default: the 16-dex appium-uiautomator2-server APK)
set -eu
cd "$(dirname "$0")/.."
APK=${1:-target/corpus/apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-v10.6.6.apk}
cargo build --release --quiet --bin sdkflow
BIN=target/release/sdkflow
OUT=$(mktemp)
hyperfine -N --warmup 5 --runs "${RUNS:-40}" --export-json "$OUT" \
  "$BIN inspect $APK --format json" \
  "$BIN sdks $APK --format json"
python3 - "$OUT" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"]
def stats(x):
    t = x["times"]
    return {"mean": statistics.mean(t), "median": statistics.median(t), "min": min(t),
            "cpu": x["user"] + x["system"]}
i, s = stats(r[0]), stats(r[1])
for k in ("mean", "median", "min", "cpu"):
    print(f"{k:>6}: inspect {i[k]*1000:6.1f} ms  sdks {s[k]*1000:6.1f} ms  ratio sdks/inspect {s[k]/i[k]:.2f}")
PY
rm -f "$OUT"
