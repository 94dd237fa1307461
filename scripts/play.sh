#!/bin/sh
# Installs what is missing, builds, and opens Unit Desa on the tutorial's briefing.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
dir=${UD_BUILD_DIR:-"$root/build"}
cd "$root"
exec "$dir/game/unitdesa" play scenarios/tutorial/first_steps.lua "$@"
