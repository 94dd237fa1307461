#!/bin/sh
# Installs what is missing, builds, and starts Unit Desa on the built-in village.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
dir=${UD_BUILD_DIR:-"$root/build"}
exec "$dir/game/unitdesa" run "$@"
