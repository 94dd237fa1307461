#!/bin/sh
# Refreshes the translation template po/unitdesa.pot from the code and the shipped scenarios,
# then merges it into every po/<lang>.po (new texts arrive untranslated, changed ones fuzzy),
# and prints each catalog's statistics. Run it after adding or changing user-visible text;
# translate what it reports (Poedit, Weblate or a text editor), then ./scripts/test.sh.
#
# Where the texts come from:
#   - the game's code: every string passed to TR()/ud_tr() (ud_trn()/TRN() with plurals) or
#     marked N_() in game/ (xgettext);
#   - the shipped scenarios: every text a scenario shows, found by playing it with its
#     default, naive and sound strategies (build/game/ud_scenario_pot);
#   - the template's own earlier entries that neither finds (names the engine supplies, such
#     as business types and loan methods): kept, and listed so that an unused one can be
#     removed by hand. The GUI test fails on any text shown that a catalog lacks.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
build=${UD_BUILD_DIR:-"$root/build"}
for tool in xgettext msgcat msgcomm msgmerge msgfmt; do
    command -v "$tool" >/dev/null 2>&1 ||
        { echo "error: $tool is missing: install the Debian package 'gettext'" >&2; exit 1; }
done
[ -f "$build/CMakeCache.txt" ] || "$root/scripts/build.sh"
cmake --build "$build" --target ud_scenario_pot >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
version=$(sed -n 's/^project(unitdesa VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)

xgettext --from-code=UTF-8 --language=C --sort-by-file --add-comments=TRANSLATORS: \
    --keyword= --keyword=TR:2 --keyword=ud_tr:2 --keyword=TRN:2,3 --keyword=ud_trn:2,3 \
    --keyword=N_ --package-name=unitdesa --package-version="$version" \
    -o "$tmp/code.pot" $(find game -name '*.c' | sort)
"$build/game/ud_scenario_pot" >"$tmp/scenarios.pot"
msgcat --use-first -o "$tmp/found.pot" "$tmp/code.pot" "$tmp/scenarios.pot"
if [ -f po/unitdesa.pot ]; then
    # entries of the old template that nothing found this time
    msgcomm --more-than=1 --no-location -o "$tmp/common.pot" "$tmp/found.pot" po/unitdesa.pot
    msgcat --less-than=2 --no-location -o "$tmp/kept.pot" po/unitdesa.pot "$tmp/common.pot"
    if [ -s "$tmp/kept.pot" ]; then
        echo "kept from the old template (not found in the code or the scenarios):"
        grep '^msgid "..*"' "$tmp/kept.pot" | sed 's/^msgid /  /'
    fi
    msgcat --use-first -o "$tmp/all.pot" "$tmp/found.pot" "$tmp/kept.pot"
else
    cp "$tmp/found.pot" "$tmp/all.pot"
fi
# a stable header, so that an unchanged template gives an unchanged file
sed -e '/^"POT-Creation-Date:/d' -e 's/^"Content-Type: text\/plain; charset=CHARSET/"Content-Type: text\/plain; charset=UTF-8/' \
    "$tmp/all.pot" >po/unitdesa.pot
for po in po/*.po; do
    [ -f "$po" ] || continue
    msgmerge --quiet --update --backup=none --previous "$po" po/unitdesa.pot
    printf '%s: ' "$po"
    msgfmt --check --statistics -o /dev/null "$po"
done
