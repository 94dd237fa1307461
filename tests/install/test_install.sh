#!/bin/sh
# The installed program: `cmake --install` into a staging folder (DESTDIR), moved elsewhere so
# that neither the source tree nor the install prefix is where it runs from, must find its own
# data and play every shipped scenario; the desktop entry and AppStream metadata must be
# valid; the Debian package must hold the same files and declare its library dependencies.
# usage: test_install.sh BUILD_DIR SOURCE_DIR VERSION
. "$(dirname "$0")/../cli/cli_lib.sh"
BUILD=$1
SOURCE=$2
VERSION=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$out" "$err"' EXIT

need_tool() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "FAIL: '$1' is missing: install the Debian package '$2' (./scripts/deps.sh does)"
    exit 1
}
need_tool desktop-file-validate desktop-file-utils
need_tool appstreamcli appstream
need_tool dpkg-deb dpkg
need_tool cpack cmake

# Stage, then move the staged tree: the program must find its data relative to itself.
DESTDIR="$tmp/stage" cmake --install "$BUILD" --prefix /usr >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log"; echo "FAIL: cmake --install"; exit 1; }
mkdir "$tmp/moved"
cp -a "$tmp/stage/usr" "$tmp/moved/"
UD="$tmp/moved/usr/bin/unitdesa"
DATA="$tmp/moved/usr/share/unitdesa"
cd "$tmp" || exit 1
CLEAN="env -u UNITDESA_SCENARIOS -u UNITDESA_ASSETS -u UNITDESA_PO -u UNITDESA_DATA_DIR"

for f in bin/unitdesa share/applications/org.unitdesa.UnitDesa.desktop \
         share/metainfo/org.unitdesa.UnitDesa.metainfo.xml \
         share/icons/hicolor/scalable/apps/org.unitdesa.UnitDesa.svg \
         share/icons/hicolor/256x256/apps/org.unitdesa.UnitDesa.png \
         share/unitdesa/assets/fonts/DejaVuSans.ttf share/unitdesa/assets/fonts/LICENSE.txt \
         share/unitdesa/scenarios/tutorial/first_steps.lua share/unitdesa/scenarios/lib/common.lua \
         share/doc/unitdesa/copyright; do
    checks=$((checks + 1))
    [ -f "$tmp/moved/usr/$f" ] || bad "not installed: $f"
done
for po in "$SOURCE"/po/*.po; do
    [ -f "$po" ] || continue
    checks=$((checks + 1))
    [ -f "$DATA/po/${po##*/}" ] || bad "translation not installed: share/unitdesa/po/${po##*/}"
done

expect_status 0 $CLEAN "$UD" --version
expect_stdout_has "unitdesa $VERSION" $CLEAN "$UD" --version
# Every shipped scenario is listed from the moved data folder, not from the source tree.
expect_status 0 $CLEAN "$UD" list
checks=$((checks + 1))
if [ "$(wc -l <"$out")" -lt 6 ] || grep -v "^moved/usr/share/unitdesa/scenarios/" "$out" >/dev/null; then
    bad "list should show the 6+ shipped scenarios under the moved install"
fi
expect_status 0 $CLEAN "$UD" check
expect_stdout_has "0 with errors" $CLEAN "$UD" check
expect_status 0 $CLEAN "$UD" run --months 3
expect_status 0 $CLEAN "$UD" compare "$DATA/scenarios/m1-poverty/reaching_the_poor.lua" --runs 3 --need 0

expect_status 0 desktop-file-validate "$tmp/moved/usr/share/applications/org.unitdesa.UnitDesa.desktop"
checks=$((checks + 1))
[ -s "$out" ] && bad "desktop-file-validate has remarks: $(cat "$out")"
expect_status 0 appstreamcli validate --no-net "$tmp/moved/usr/share/metainfo/org.unitdesa.UnitDesa.metainfo.xml"

# The Debian package, built from the same build folder.
cpack -G DEB -B "$tmp/pkg" --config "$BUILD/CPackConfig.cmake" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1; }
deb=$(ls "$tmp"/pkg/unitdesa_"$VERSION"_*.deb 2>/dev/null | head -n 1)
checks=$((checks + 1))
if [ -z "$deb" ]; then
    bad "no unitdesa_${VERSION}_*.deb in $tmp/pkg"
    finish
    exit 1
fi
expect_status 0 dpkg-deb --field "$deb" Depends
for lib in libsdl2-2.0-0 libsdl2-ttf-2.0-0 liblua5.4-0 libc6; do
    checks=$((checks + 1))
    grep -q "$lib" "$out" || bad "the package does not depend on $lib: $(cat "$out")"
done
expect_stdout_has "unitdesa" dpkg-deb --field "$deb" Package
dpkg-deb -c "$deb" | sed 's/.* \.\//\//' | sort >"$tmp/contents"
(cd "$tmp/stage" && find . -type f | sed 's/^\.//' | sort) >"$tmp/staged"
checks=$((checks + 1))
missing=$(comm -13 "$tmp/contents" "$tmp/staged")
[ -z "$missing" ] || bad "installed by cmake but not in the package: $missing"
finish
