#!/bin/sh
# SPDX-License-Identifier: MIT
# The HTML API reference builds with zero Doxygen warnings, and where a local MathJax
# is installed (Debian: libjs-mathjax) every page loads it from there and none from
# the network, so the formulas render offline.
. "$top_srcdir/tests/harness/taplib.sh"
[ -n "${DOXYGEN:-}" ] || skip_all "doxygen not found (Debian: doxygen)"
[ "${THERMOAI_SANITIZERS:-}" = yes ] && skip_all "the documentation is checked in the plain build"
"$top_builddir/cli/thermoai" reproduce --format markdown >"$tap_tmp/errata.md"
inputs="$top_srcdir/include/thermoai $top_builddir/include/thermoai/version.h $tap_tmp/errata.md"
for p in $THERMOAI_DOC_PAGES; do inputs="$inputs $top_srcdir/$p"; done
{
    cat "$top_builddir/doc/Doxyfile"
    echo "OUTPUT_DIRECTORY = $tap_tmp/doc"
    echo "INPUT = $inputs"
} | (cd "$tap_tmp" && "$DOXYGEN" - >"$tap_tmp/log" 2>&1)
ok "doxygen builds the reference with zero warnings" sh -c "test -f '$tap_tmp/doc/html/index.html' && ! grep -q . '$tap_tmp/log'"
[ -s "$tap_tmp/log" ] && sed 's/^/# /' "$tap_tmp/log" | head -20
# function documentation in source order (SORT_MEMBER_DOCS = NO), not alphabetical:
# the order of landauer.h's declarations, whose alphabetical order differs
sed -n 's/^int \(thermoai_landauer_[a-z0-9_]*\)(.*/\1/p' "$top_srcdir/include/thermoai/landauer.h" >"$tap_tmp/src_order"
sed -n 's/.*<td class="memname">int \(thermoai_landauer_[a-z0-9_]*\) .*/\1/p' \
    "$tap_tmp/doc/html/landauer_8h.html" >"$tap_tmp/doc_order"
ok "function documentation follows the header's order" sh -c \
    "test \$(wc -l <'$tap_tmp/src_order') -ge 3 && cmp '$tap_tmp/src_order' '$tap_tmp/doc_order' \
     && ! sort '$tap_tmp/src_order' | cmp -s - '$tap_tmp/src_order'"
relpath=$(sed -n 's/^MATHJAX_RELPATH *= *//p' "$top_builddir/doc/Doxyfile")
grep -l 'MathJax' "$tap_tmp"/doc/html/*.html >"$tap_tmp/pages" 2>/dev/null
ok "pages with formulas load MathJax" test -s "$tap_tmp/pages"
case $relpath in
http*)
    ok "local MathJax # SKIP none installed: the pages use $relpath" true ;;
*)
    ok "MathJax is the local copy $relpath" test -f "$relpath/MathJax.js"
    ok "every page loads MathJax from $relpath" sh -c \
        "! grep -L 'src=\"$relpath/MathJax.js' \$(cat '$tap_tmp/pages') | grep -q ."
    ok "no page loads MathJax from the network" sh -c \
        "! grep -l 'src=\"https\?://[^\"]*[Mm]ath[Jj]ax' \$(cat '$tap_tmp/pages') | grep -q ."
    ;;
esac
done_testing
