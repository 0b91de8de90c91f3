#!/usr/bin/env bash
# samples/build.sh — build the sample APKs from their sources with Debian's Android tools.
#
#   bash samples/build.sh            build every sample into samples/apk/<name>.apk
#   bash samples/build.sh NAME...    build only these samples (broken needs multidex's sources)
#   bash samples/build.sh --check    rebuild everything into a temp dir and compare byte for
#                                    byte with the committed samples/apk/*.apk (exit 1 if any differ)
#
# Sources: samples/<name>/AndroidManifest.xml, res/ (optional), smali/ -> classes.dex,
# smali2/ -> classes2.dex, ..., native/*.c -> lib/<abi>/lib*.so for arm64-v8a and armeabi-v7a,
# native-assets/*.c -> assets/lib*.so for the one ABI its `// abi:` line names (packers keep
# their loaders there).
# Optional per sample: entries.txt (extra zip entries, names as printf formats, for names a
# source tree should not hold) and post.sh (run on the unsigned APK before signing).
# `broken` is not built from source: it is `multidex` post-processed (classes2.dex replaced by
# a corrupted dex, lib/arm64-v8a/libBugly.so replaced by a non-ELF file) and re-signed.
#
# Reproducible: single-threaded smali over a sorted file list, fixed zip timestamps, sorted
# entry order, no debug info or host paths in the
# .so files, and a committed throwaway key (samples/keystore/). RSA PKCS#1 v1.5 signatures are
# deterministic, so a rebuild gives byte-identical signed APKs (that is what --check verifies).
#
# Tools (Debian 12): apt-get install -y aapt android-framework-res libsmali-java apksigner \
#   zipalign zip unzip default-jre-headless gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf
set -euo pipefail
export TZ=UTC LC_ALL=C

HERE="$(cd "$(dirname "$0")" && pwd)"
FW="${FW:-/usr/share/android-framework-res/framework-res.apk}"
KS="$HERE/keystore/throwaway.jks"
ALL=(basic multidex obfuscated flows broken hostile vendor-demo vendor-tool leftovers packed share-plugins)
ABIS=(arm64-v8a armeabi-v7a)
STAMP='1981-01-01 00:00:00'

die() { echo "build.sh: $*" >&2; exit 1; }

need() { # need TOOL DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 || die "missing tool '$1' (apt-get install $2)"
}
need aapt aapt
need smali libsmali-java
need zipalign zipalign
need apksigner apksigner
need zip zip
need unzip unzip
need java default-jre-headless
need aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu
need arm-linux-gnueabihf-gcc gcc-arm-linux-gnueabihf
[ -f "$FW" ] || die "missing $FW (apt-get install android-framework-res)"
[ -f "$KS" ] || die "missing throwaway keystore $KS (see samples/keystore/README.md)"

MODE=build
if [ "${1:-}" = "--check" ]; then MODE=check; shift; fi
if [ $# -gt 0 ]; then NAMES=("$@"); else NAMES=("${ALL[@]}"); fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sdkflow-samples.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
if [ "$MODE" = check ]; then OUT="$WORK/out"; else OUT="$HERE/apk"; fi
mkdir -p "$OUT"

cc_for() { # cc_for ABI
  case "$1" in
    arm64-v8a) echo aarch64-linux-gnu-gcc ;;
    # Android's armeabi-v7a is ARMv7 Thumb-2 with the softfp calling convention (not Debian's hf)
    armeabi-v7a) echo "arm-linux-gnueabihf-gcc -march=armv7-a -mthumb -mfloat-abi=softfp -mfpu=vfpv3-d16" ;;
    *) die "unknown ABI $1" ;;
  esac
}

# -nostdlib shared objects: no C runtime, no debug info, host paths mapped away so the
# output does not depend on where the repository lives.
CFLAGS=(-shared -fPIC -nostdlib -Os -fno-asynchronous-unwind-tables -fno-ident
        "-ffile-prefix-map=$HERE=samples" -Wl,--hash-style=both -Wl,-z,noexecstack -Wl,-z,max-page-size=4096)

# Tiny stand-ins for the Android system libraries (liblog, libc, libm, libdl) so that the
# sample libraries link against them and carry real DT_NEEDED entries. They are link-time
# only and never packaged.
build_stubs() { # build_stubs ABI DIR
  local abi="$1" dir="$2" cc stub
  read -r -a cc <<< "$(cc_for "$abi")"
  mkdir -p "$dir"
  for stub in "$HERE"/native-stubs/*.c; do
    local name; name="$(basename "$stub" .c)"
    "${cc[@]}" "${CFLAGS[@]}" -Wl,-soname,"$name.so" -o "$dir/$name.so" "$stub"
  done
}

# native/<name>.c -> lib/<abi>/<name>.so. A line `// needed: log c m` in the source lists the
# system libraries to link (each becomes a DT_NEEDED entry).
build_native() { # build_native SRCDIR STAGE
  local src="$1" stage="$2" abi c
  [ -d "$src/native" ] || return 0
  for abi in "${ABIS[@]}"; do
    local stubs="$WORK/stubs/$abi" cc
    [ -d "$stubs" ] || build_stubs "$abi" "$stubs"
    read -r -a cc <<< "$(cc_for "$abi")"
    mkdir -p "$stage/lib/$abi"
    for c in "$src"/native/*.c; do
      local lib needed=() n
      lib="$(basename "$c" .c)"
      for n in $(sed -n 's|^// needed: ||p' "$c"); do needed+=("-l$n"); done
      "${cc[@]}" "${CFLAGS[@]}" -I"$HERE/native-stubs" -Wl,-soname,"$lib.so" -o "$stage/lib/$abi/$lib.so" \
        "$c" -L"$stubs" -Wl,--no-as-needed "${needed[@]}"
    done
  done
}

# native-assets/<name>.c -> assets/<name>.so, built for the ABI named by its `// abi:` line.
build_native_assets() { # build_native_assets SRCDIR STAGE
  local src="$1" stage="$2" c
  [ -d "$src/native-assets" ] || return 0
  mkdir -p "$stage/assets"
  for c in "$src"/native-assets/*.c; do
    local lib abi cc needed=() n stubs
    lib="$(basename "$c" .c)"
    abi="$(sed -n 's|^// abi: ||p' "$c")"
    [ -n "$abi" ] || die "$c: no '// abi:' line"
    stubs="$WORK/stubs/$abi"
    [ -d "$stubs" ] || build_stubs "$abi" "$stubs"
    read -r -a cc <<< "$(cc_for "$abi")"
    for n in $(sed -n 's|^// needed: ||p' "$c"); do needed+=("-l$n"); done
    "${cc[@]}" "${CFLAGS[@]}" -I"$HERE/native-stubs" -Wl,-soname,"$lib.so" -o "$stage/assets/$lib.so" \
      "$c" -L"$stubs" -Wl,--no-as-needed "${needed[@]}"
  done
}

# Zip the staged files into the aapt-made base APK, sorted, with fixed timestamps.
# Native libraries are stored (not deflated) when the manifest says extractNativeLibs="false",
# as the Android Gradle plugin does; zipalign -p then page-aligns them.
add_entries() { # add_entries STAGE APK STORE_LIBS(0|1)
  local stage="$1" apk="$2" store="$3"
  find "$stage" -exec touch -h -d "$STAMP" {} +
  (
    cd "$stage"
    find . -type f ! -path './lib/*' | sed 's|^\./||' | sort | zip -q -X -D -@ "$apk"
    if [ -d lib ]; then
      if [ "$store" = 1 ]; then
        find lib -type f | sort | zip -q -X -D -0 -@ "$apk"
      else
        find lib -type f | sort | zip -q -X -D -@ "$apk"
      fi
    fi
  )
}

# entries.txt: `NAME<TAB>CONTENT` per line (`#` comments), both printf(1) formats, staged as
# files so add_entries zips them like the rest (names must not contain a newline).
stage_entries() { # stage_entries ENTRIES_TXT STAGE
  local list="$1" stage="$2" fmt body name
  while IFS=$'\t' read -r fmt body; do
    case "$fmt" in ''|'#'*) continue ;; esac
    # shellcheck disable=SC2059  # the line is a printf format on purpose
    name="$(printf "$fmt")"
    mkdir -p "$stage/$(dirname -- "$name")"
    # shellcheck disable=SC2059
    printf "$body" > "$stage/$name"
  done < "$list"
}

sign() { # sign UNSIGNED_APK OUT_APK
  zipalign -f -p 4 "$1" "$1.aligned"
  apksigner sign --ks "$KS" --ks-pass pass:android --key-pass pass:android \
    --ks-key-alias sdkflow-samples --v1-signer-name CERT --out "$2" "$1.aligned"
  rm -f "$2.idsig"
}

build_app() { # build_app NAME
  local name="$1" src="$HERE/$1" w="$WORK/$1" res=() i d dexname store=0
  [ -f "$src/AndroidManifest.xml" ] || die "no sources for sample '$name' in $src"
  rm -rf "$w"; mkdir -p "$w/stage"
  [ -d "$src/res" ] && res=(-S "$src/res")
  aapt package -f -M "$src/AndroidManifest.xml" "${res[@]}" -I "$FW" -F "$w/base.apk" \
    || die "aapt failed on $src/AndroidManifest.xml"
  i=1
  while :; do
    if [ "$i" = 1 ]; then d="$src/smali"; dexname=classes.dex
    else d="$src/smali$i"; dexname="classes$i.dex"; fi
    [ -d "$d" ] || break
    # -j 1: smali's parallel assembler orders the type lists nondeterministically under load;
    # one thread and a sorted file list give the same dex on every run and file system.
    (cd "$d" && find . -name '*.smali' | LC_ALL=C sort | xargs smali a -j 1 --api 21 -o "$w/stage/$dexname") \
      || die "smali failed on $d"
    i=$((i + 1))
  done
  build_native "$src" "$w/stage"
  build_native_assets "$src" "$w/stage"
  [ -f "$src/entries.txt" ] && stage_entries "$src/entries.txt" "$w/stage"
  grep -q 'android:extractNativeLibs="false"' "$src/AndroidManifest.xml" && store=1
  add_entries "$w/stage" "$w/base.apk" "$store"
  [ -f "$src/post.sh" ] && bash "$src/post.sh" "$w/base.apk"
  sign "$w/base.apk" "$OUT/$name.apk"
}

# broken = multidex with a corrupted classes2.dex and a non-ELF lib/arm64-v8a/libBugly.so.
build_broken() {
  local w="$WORK/broken" base="$OUT/multidex.apk"
  [ -f "$base" ] || build_app multidex
  rm -rf "$w"; mkdir -p "$w/x"
  (cd "$w/x" && unzip -q "$base" && rm -rf META-INF)
  # classes2.dex: keep the real 112-byte header (valid magic), claim 0x7fffffff string ids,
  # and cut the file to 1 KiB so every table points past the end.
  head -c 1024 "$w/x/classes2.dex" > "$w/classes2.dex"
  printf '\xff\xff\xff\x7f' | dd of="$w/classes2.dex" bs=1 seek=56 conv=notrunc status=none
  mv "$w/classes2.dex" "$w/x/classes2.dex"
  # libBugly.so (arm64 only): an HTML error page saved under the library's name, as a broken
  # download in a build pipeline would leave it.
  printf '<html><head><title>404 Not Found</title></head><body>libBugly.so not found</body></html>\n' \
    > "$w/x/lib/arm64-v8a/libBugly.so"
  # Rebuild the zip in the original entry order (AndroidManifest.xml first, as aapt wrote it).
  find "$w/x" -exec touch -h -d "$STAMP" {} +
  (cd "$w/x" && unzip -Z1 "$base" | grep -v '^META-INF/' | grep -v '^lib/' | zip -q -X -D -@ "$w/base.apk" \
    && unzip -Z1 "$base" | grep '^lib/' | zip -q -X -D -0 -@ "$w/base.apk")
  sign "$w/base.apk" "$OUT/broken.apk"
}

for name in "${NAMES[@]}"; do
  case "$name" in
    broken) build_broken ;;
    *) build_app "$name" ;;
  esac
  echo "built $name.apk"
done

if [ "$MODE" = check ]; then
  status=0
  for name in "${NAMES[@]}"; do
    if cmp -s "$OUT/$name.apk" "$HERE/apk/$name.apk"; then
      echo "same      $name.apk"
    else
      echo "DIFFERENT $name.apk (rebuilt copy differs from samples/apk/$name.apk)"; status=1
    fi
  done
  exit "$status"
fi
