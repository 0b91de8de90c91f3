#!/usr/bin/env bash
# Prepare the peer tools the benchmarks compare sdkflow with, in /tmp/sdkflow-bench
# (or $SDKFLOW_BENCH). Idempotent: a second run only checks what is there.
#
#   bash benches/setup.sh            # venv with androguard 4.1.4, check dexdump/aapt/unzip/hyperfine
#
# Debian tools (dexdump, aapt, unzip, GNU time, hyperfine) are installed with apt-get when
# missing and we are root; nothing else is fetched but androguard from PyPI.
set -euo pipefail

BENCH=${SDKFLOW_BENCH:-/tmp/sdkflow-bench}
ANDROGUARD_VERSION=4.1.4
mkdir -p "$BENCH/py"

need_apt=()
for tool in dexdump:dexdump aapt:aapt unzip:unzip /usr/bin/time:time hyperfine:hyperfine readelf:binutils; do
    bin=${tool%%:*} pkg=${tool##*:}
    command -v "$bin" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if ((${#need_apt[@]})); then
    if [[ $(id -u) == 0 ]]; then
        apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" python3-venv
    else
        echo "setup: missing ${need_apt[*]}: install them with apt-get" >&2
        exit 2
    fi
fi

# The androguard venv: reuse it when it already has the pinned version.
VENV=$BENCH/venv-androguard
if [[ ! -x $VENV/bin/python ]] ||
   [[ $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("androguard"))' 2>/dev/null) != "$ANDROGUARD_VERSION" ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check "androguard==$ANDROGUARD_VERSION"
fi

# The androguard full analysis, as in shared/research/perf-anchors.md §3 (`ag.full`):
# AnalyzeAPK (APK + every DEX + Analysis + create_xref), then count the xref edges.
cat > "$BENCH/py/ag_full.py" <<'PY'
import sys
from loguru import logger
logger.remove()
from androguard.misc import AnalyzeAPK

a, d, dx = AnalyzeAPK(sys.argv[1])
methods = 0
edges = 0
for m in dx.get_methods():
    methods += 1
    edges += len(list(m.get_xref_to()))
print(f"methods={methods} xref_to={edges}")
PY

{
    echo "androguard $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("androguard"))')"
    dpkg-query -W -f '${Package} ${Version}\n' dexdump aapt unzip hyperfine binutils 2>/dev/null || true
} > "$BENCH/versions.txt"
echo "setup: peers ready in $BENCH"
cat "$BENCH/versions.txt"
