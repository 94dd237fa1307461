#!/bin/sh
# Installs what is missing, then configures and builds Unit Desa into build/ (or $UD_BUILD_DIR).
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/deps.sh"
dir=${UD_BUILD_DIR:-"$root/build"}
cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
