#!/usr/bin/env bash
# post.sh BASE_APK — run by build.sh after staging, before signing. Rewrites the one
# U+D7FF of the binary manifest's UTF-16 string pool (from versionName) into U+D800, a lone
# surrogate: aapt drops one written as \ud800, but a hand-made or tampered APK can carry it,
# and every output must stay valid for it.
set -euo pipefail
export TZ=UTC LC_ALL=C
apk="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
unzip -p "$apk" AndroidManifest.xml > "$tmp/AndroidManifest.xml"
# UTF-16LE U+D7FF is ff d7; exactly one must be there (the marker), or the patch is wrong.
perl -0777 -pi -e '$n = s/\xff\xd7/\x00\xd8/g; die "post.sh: expected one U+D7FF marker, found $n\n" unless $n == 1' \
  "$tmp/AndroidManifest.xml"
touch -h -d '1981-01-01 00:00:00' "$tmp/AndroidManifest.xml"
(cd "$tmp" && zip -q -X -D "$apk" AndroidManifest.xml)
