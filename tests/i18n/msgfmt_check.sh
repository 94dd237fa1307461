#!/bin/sh
# gettext's own check of every catalog: `msgfmt --check` (syntax, header, plural forms, and
# the placeholders of c-format entries); any message or a fuzzy entry fails the test.
# usage: msgfmt_check.sh PO_DIR
command -v msgfmt >/dev/null 2>&1 ||
    { echo "FAIL: msgfmt is missing: install the Debian package 'gettext' (./scripts/deps.sh does)"; exit 1; }
status=0
for po in "$1"/*.po; do
    report=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
    echo "$po: $report"
    case "$report" in
    *fuzzy* | *untranslated* | *warning* | *error*) status=1 ;;
    esac
    msgfmt --check -o /dev/null "$po" >/dev/null 2>&1 || status=1
done
exit $status
