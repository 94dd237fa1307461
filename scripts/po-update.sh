#!/bin/sh
# Refreshes the translation template po/unitdesa.pot from the code and the shipped scenarios,
# then merges it into every po/<lang>.po (new texts arrive untranslated, changed ones fuzzy),
# and prints each catalog's statistics. Run it after adding or changing user-visible text;
# translate what it reports (Poedit, Weblate or a text editor), then ./scripts/test.sh.
#
# Texts that count (TRN, NN_) are printf formats (c-format: msgfmt --check compares their
# placeholders); the others are plain text, whatever '%' they hold ("100% or more").
#
# Where the texts come from:
#   - the game's code: every string passed to TR()/ud_tr() (TRN()/ud_trn() with plurals) or
#     marked N_() (NN_() for both forms of a counted text) in game/ (xgettext);
#   - the shipped scenarios: every text a scenario shows, found by playing it with its
#     default, naive and sound strategies (build/game/ud_scenario_pot);
#   - the template's own earlier entries that neither finds but that are still string
#     literals in engine/, game/ or scenarios/ (names the engine supplies, such as business types and
#     loan methods): kept; the others are dropped. The GUI test fails on any text shown that
#     a catalog lacks.
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
    --keyword= --keyword=TR:2 --keyword=ud_tr:2 --keyword=TRN:3,4 --keyword=ud_trn:3,4 \
    --keyword=N_ --keyword=NN_:1,2 --package-name=unitdesa --package-version="$version" \
    --flag=TR:2:no-c-format --flag=ud_tr:2:no-c-format --flag=N_:1:no-c-format \
    --flag=TRN:3:c-format --flag=TRN:4:c-format --flag=ud_trn:3:c-format \
    --flag=ud_trn:4:c-format --flag=NN_:1:c-format --flag=NN_:2:c-format \
    -o "$tmp/code.pot" $(find game -name '*.c' | sort)
"$build/game/ud_scenario_pot" >"$tmp/scenarios.pot"
msgcat --use-first -o "$tmp/found.pot" "$tmp/code.pot" "$tmp/scenarios.pot"
if [ -f po/unitdesa.pot ]; then
    # entries of the old template that nothing found this time
    msgcomm --more-than=1 --no-location -o "$tmp/common.pot" "$tmp/found.pot" po/unitdesa.pot
    msgcat --less-than=2 --no-location -o "$tmp/kept.pot" po/unitdesa.pot "$tmp/common.pot"
    # kept only if the code still has the text (a name the engine supplies, say)
    msgcat --no-wrap "$tmp/kept.pot" | sed -n 's/^msgid "\(..*\)"$/\1/p' >"$tmp/kept.txt"
    set --
    while IFS= read -r id; do
        # the whole text, or its start (a long text is split over several C literals)
        start=$(printf '%s' "$id" | cut -c1-30)
        if grep -rqF -- "\"$id\"" engine game scenarios || grep -rqF -- "\"$start" engine game; then
            set -- "$@" -e "^$(printf '%s' "$id" | sed 's/[][\.*^$+?(){}|/]/\\&/g')\$"
        else
            echo "dropped (no longer in the code): $id"
        fi
    done <"$tmp/kept.txt"
    if [ $# -gt 0 ]; then
        msggrep -K -E "$@" -o "$tmp/kept2.pot" "$tmp/kept.pot"
        mv "$tmp/kept2.pot" "$tmp/kept.pot"
        echo "kept from the old template (found in the code, not by xgettext): $(($# / 2)) entries"
    else
        : >"$tmp/kept.pot"
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
