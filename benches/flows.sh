#!/usr/bin/env bash
# Speed of `sdkflow flows` against `sdkflow inspect` on the 16-dex registry APK (release),
# plus peak RSS. Target (issue 7): flows <= 3x inspect. Falls back to `sdkflow sdks` as the
# baseline while `inspect` is not implemented on this branch.
set -euo pipefail
cd "$(dirname "$0")/.."
APK=${1:-target/corpus/apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-v10.6.6.apk}
cargo build --release --quiet
BIN=target/release/sdkflow
base=inspect
if ! "$BIN" inspect "$APK" >/dev/null 2>&1; then
  echo "note: \`sdkflow inspect\` unavailable here; using \`sdkflow sdks\` as the baseline" >&2
  base=sdks
fi
hyperfine --warmup 2 --runs 10 -i --export-json /tmp/flows-bench.json \
  "$BIN $base $APK" "$BIN flows $APK"
python3 - <<'PY'
import json
r = json.load(open('/tmp/flows-bench.json'))['results']
print(f"ratio flows/{r[0]['command'].split()[1]}: {r[1]['mean'] / r[0]['mean']:.2f}x")
PY
for cmd in "$base" flows; do
  /usr/bin/time -f "$cmd peak RSS: %M KB" "$BIN" $cmd "$APK" >/dev/null || true
done
