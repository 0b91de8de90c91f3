#!/usr/bin/env bash
# Inventory + call graph against the inflate floor, dexdump and androguard, on the 16-dex
# appium-uiautomator2-server APK and Yosemite (the issue's benchmark). Release build.
#
#   bash benches/callgraph.sh                 # hyperfine table + peak RSS
#   AG=1 bash benches/callgraph.sh            # also androguard AnalyzeAPK + xrefs (slow, ~20 s a run)
#
# Needs: hyperfine, unzip, dexdump, GNU time (/usr/bin/time). For AG=1 a venv with
# androguard 4.1.4 (`python3 -m venv /tmp/agvenv && /tmp/agvenv/bin/pip install
# androguard==4.1.4`; override with AGPY=/path/to/python). The corpus is in
# target/corpus (`bash ../shared/corpus/corpus-fetch.sh target/corpus --big`).
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${SDKFLOW_CORPUS:-target/corpus}"
APKS=(
  "$CORPUS/apk/npm__appium-uiautomator2-server@10.6.6__appium-uiautomator2-server-v10.6.6.apk"
  "$CORPUS/apk/pypi__airtest==1.4.3__airtest_core_android_static_apks_Yosemite.apk"
)
RUNS="${RUNS:-10}"
cargo build --release --quiet --bin sdkflow --example inventory
BIN=target/release/sdkflow
INV=target/release/examples/inventory
OUT="${OUT:-target/bench-callgraph}"
mkdir -p "$OUT"
# androguard's full analysis, exactly as in ../shared/research/perf-anchors.md §3 (ag.full).
cat > "$OUT/ag_full.py" <<'PY'
import sys, logging
from loguru import logger
logger.remove()
from androguard.misc import AnalyzeAPK
a, d, dx = AnalyzeAPK(sys.argv[1])
n = sum(len(list(m.get_xref_to())) for m in dx.get_methods())
print(n)
PY
for apk in "${APKS[@]}"; do
  [ -f "$apk" ] || { echo "missing $apk" >&2; exit 2; }
  id="$(basename "$apk" .apk)"
  echo "== $id ($(stat -c %s "$apk") bytes)"
  hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$OUT/$id.json" \
    -n floor.unzip "sh -c \"unzip -p '$apk' 'classes*.dex' >/dev/null\"" \
    -n inventory "$INV $apk" \
    -n inventory+callgraph "$INV $apk --callgraph" \
    -n sdkflow.callgraph "$BIN callgraph $apk" \
    -n dexdump.d "sh -c \"dexdump -d '$apk' >/dev/null 2>&1\""
  for cmd in "$INV $apk --callgraph" "$BIN callgraph $apk"; do
    /usr/bin/time -f "peak RSS %M KiB  ($cmd)" $cmd >/dev/null
  done
  echo "4x APK size: $(( $(stat -c %s "$apk") * 4 / 1024 )) KiB"
  if [ "${AG:-0}" = 1 ]; then
    AGPY="${AGPY:-/tmp/agvenv/bin/python}"
    hyperfine -N --runs "${AG_RUNS:-1}" --export-json "$OUT/$id.ag.json" \
      -n ag.full "$AGPY $OUT/ag_full.py $apk"
  fi
done
# Ratios from the JSON: each tool's mean over the floor's mean, and androguard over ours.
python3 - "$OUT" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for f in sorted(out.glob("*.json")):
    if f.name.endswith(".ag.json"):
        continue
    r = {x["command"]: x for x in json.loads(f.read_text())["results"]}
    floor = r["floor.unzip"]["mean"]
    print(f"\n{f.stem}")
    for name, x in r.items():
        print(f"  {name:22} {x['mean']*1000:8.1f} ms ± {x['stddev']*1000:5.1f}  {x['mean']/floor:5.2f}x floor")
    ag = f.with_name(f.stem + ".ag.json")
    if ag.exists():
        a = json.loads(ag.read_text())["results"][0]["mean"]
        ours = r["inventory+callgraph"]["mean"]
        print(f"  {'ag.full':22} {a*1000:8.1f} ms          {a/floor:5.1f}x floor; "
              f"androguard / inventory+callgraph = {a/ours:.0f}x")
PY
