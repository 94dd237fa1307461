#!/bin/sh
# Installs what is missing, builds, and runs the whole test suite through ctest.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" "$@"
dir=${UD_BUILD_DIR:-"$root/build"}
cd "$dir"
ctest --output-on-failure -j "$(nproc)"
