#!/usr/bin/env bash
# Regenerate the sources of the `multidex` and `obfuscated` samples (the same shop app, once
# readable and once as an R8-style release build) from one description, so the two stay in
# step. build.sh does NOT run this: the generated smali, manifests, resources and C files are
# committed, and are what build.sh assembles. Run it after editing gen_shop.py, the manifest
# template or the C sources here, then run build.sh.
set -euo pipefail
T="$(cd "$(dirname "$0")" && pwd)"
S="$(dirname "$T")"
for V in multidex obfuscated; do
  D="$S/$V"
  rm -rf "$D/smali" "$D/smali2" "$D/smali3" "$D/native" "$D/res"
  mkdir -p "$D/native" "$D/res/values" "$D/res/xml" "$D/res/drawable"
  python3 "$T/gen_shop.py" "$V" "$D" >/dev/null
  if [ "$V" = multidex ]; then
    PKG=com.sdkflow.demo.shop; P=shop; EXTRACT=false
    TITLE="multidex: the demo shop app (3 dex files, 7 SDKs, native libraries for arm64-v8a and armeabi-v7a)."
    AMAP='        <meta-data android:name="com.amap.api.v2.apikey" android:value="8f4e2d1c0b9a87654321fedcba098765" />'
  else
    PKG=com.sdkflow.demo.mall; P=mall; EXTRACT=true
    TITLE="obfuscated: the same shop as an R8-minified release build. Manifest components, meta-data and native library names survive; code is renamed. AMap's key is set in code (AMapLocationClient.setApiKey), so its only traces are APSService and its host string."
    AMAP='        <!-- the AMap key is set in code in this build (no com.amap.api.v2.apikey meta-data) -->'
  fi
  python3 - "$T/shop-manifest.tmpl" "$PKG" "$EXTRACT" "$TITLE" "$AMAP" > "$D/AndroidManifest.xml" <<'PY'
import sys
tmpl, pkg, ex, title, amap = sys.argv[1:]
t = open(tmpl).read()
print(t.replace('__PKG__', pkg).replace('__EXTRACT__', ex).replace('__TITLE__', title)
       .replace('__AMAP_KEY__', amap), end='')
PY
  cp "$T/libjcore330.c" "$T/libBugly.c" "$D/native/"
  sed "s/@PKG@/$P/g" "$T/libshopguard.c.tmpl" > "$D/native/libshopguard.c"
  cp "$T"/res/values/strings.xml "$D/res/values/"
  cp "$T"/res/xml/*.xml "$D/res/xml/"
  cp "$S/basic/res/drawable/ic_launcher.xml" "$D/res/drawable/"
done
