#!/bin/sh
# What SDK detection adds to the dex inventory (release build, hyperfine).
# `sdkflow inspect` does not read the dex files yet, so the baseline is the example
# `detect_ratio inventory` (load + full dex inventory) against `detect_ratio detect`
# (the same + manifest + embedded catalogue + detect_app), plus `sdkflow sdks` itself.
# Usage: sh benches/detect.sh [APK]   (default: the 16-dex appium-uiautomator2-server APK)
set -eu
cd "$(dirname "$0")/.."
APK=${1:-target/corpus/apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-v10.6.6.apk}
cargo build --release --quiet --example detect_ratio --bin sdkflow
EX=target/release/examples/detect_ratio
hyperfine -N --warmup 3 --runs ${RUNS:-30} \
  "$EX inventory $APK" \
  "$EX detect $APK" \
  "target/release/sdkflow sdks $APK"
