#!/bin/sh
# Installs the Debian packages Unit Desa needs to build, test and package, if any is missing
# (gettext checks the translations; appstream and desktop-file-utils check the desktop files).
set -e
packages="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev liblua5.4-dev libcmocka-dev\
          gettext appstream desktop-file-utils dpkg-dev"
missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing:$missing"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "error: need root or sudo to install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq $missing
