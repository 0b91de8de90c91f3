#!/usr/bin/env bash
# Render an sdkflow HTML report in headless Chromium: dump the DOM the browser built (to
# check the findings are really rendered) and take a screenshot (to look at).
# Usage: tests/html_render.sh REPORT.html OUT_DIR
# Writes OUT_DIR/dom.html and OUT_DIR/report.png. Needs Debian's `chromium` package.
set -euo pipefail
report="$(realpath "$1")"
out="$2"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "chromium not installed: apt-get install -y chromium" >&2
  exit 3
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile"
       --disable-dev-shm-usage)
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$report" > "$out/dom.html" 2>"$out/chromium.log"
timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size=1200,3200 \
  --screenshot="$out/report.png" "file://$report" >>"$out/chromium.log" 2>&1
test -s "$out/dom.html"
test -s "$out/report.png"
