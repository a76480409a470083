#!/bin/sh
# SPDX-License-Identifier: MIT
# The man pages: thermoai(1), generated from the command table, lists every command
# of `thermoai help` and renders with man; thermoai(3) names every public header.
. "$top_srcdir/tests/harness/taplib.sh"
cli=$top_builddir/cli/thermoai
"$cli" help --man >"$tap_tmp/thermoai.1"
ok "thermoai help --man writes a page" test -s "$tap_tmp/thermoai.1"
"$cli" help | sed -n 's/^  \([a-z][a-z-]*\( [a-z][a-z-]*\)\{0,1\}\)  .*/\1/p' | grep -v '^help' >"$tap_tmp/cmds"
ok "the command list is not empty" test -s "$tap_tmp/cmds"
while read -r cmd; do
    pat=$(printf '%s' "$cmd" | sed 's/-/\\\\-/g')
    ok "thermoai(1) has a section for '$cmd'" grep -q "^\.SS $pat\$" "$tap_tmp/thermoai.1"
done <"$tap_tmp/cmds"
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man -l "$tap_tmp/thermoai.1" >"$tap_tmp/rendered" 2>"$tap_tmp/warn"
    ok "man -l renders thermoai(1)" test -s "$tap_tmp/rendered"
    ok "and shows the landauer command with its options" grep -q -- '--temperature-k T' "$tap_tmp/rendered"
    ok "without warnings" sh -c "! grep -q . '$tap_tmp/warn'"
    # the rendered page, as a reader sees it: a heading per command of the table
    while read -r cmd; do
        ok "man -l shows the command '$cmd'" grep -q "^   $cmd\$" "$tap_tmp/rendered"
    done <"$tap_tmp/cmds"
    ok "and the options of reproduce" sh -c "grep -q -- '--verdict V\[,V\]' '$tap_tmp/rendered' \
        && grep -q -- '--id PREFIX\[,PREFIX\]' '$tap_tmp/rendered' && grep -q -- '--brief' '$tap_tmp/rendered'"
    ok "and the exit status" grep -q '^EXIT STATUS' "$tap_tmp/rendered"
else
    ok "man available # SKIP man not installed" true
fi
for h in "$top_srcdir"/include/thermoai/*.h; do
    name=$(basename "$h")
    [ "$name" = thermoai.h ] && continue
    ok "thermoai(3) names $name" grep -q "$name" "$top_srcdir/doc/thermoai.3"
done
done_testing
