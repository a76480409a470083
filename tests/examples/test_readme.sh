#!/bin/sh
# SPDX-License-Identifier: MIT
# README.md stays true: its C example is examples/landauer_basic.c (built and
# run by test_examples.sh), its test command is what .ci/run calls, and its
# Quick start has exactly two commands.
. "$top_srcdir/tests/harness/taplib.sh"
readme=$top_srcdir/README.md

# the first ```c block of the README
awk '/^```c$/ {f = 1; next} /^```/ && f {exit} f' "$readme" >"$tap_tmp/example.c"
ok "README's C example is examples/landauer_basic.c verbatim" \
    diff -u "$top_srcdir/examples/landauer_basic.c" "$tap_tmp/example.c"
ok "README's C example is at most 16 lines" test "$(wc -l <"$tap_tmp/example.c")" -le 16

# the second ```c block (the SSA excerpt): every line is in examples/ssa_basic.c
# (indentation aside)
awk '/^```c$/ {n++; if (n == 2) {f = 1; next}} /^```/ && f {exit} f' "$readme" >"$tap_tmp/ssa.c"
ssa_excerpt() {
    test -s "$tap_tmp/ssa.c" || return 1
    sed 's/^ *//' "$top_srcdir/examples/ssa_basic.c" >"$tap_tmp/ssa_basic.trim"
    sed 's/^ *//' "$tap_tmp/ssa.c" | while IFS= read -r line; do
        grep -qxF -- "$line" "$tap_tmp/ssa_basic.trim" || { echo "not in ssa_basic.c: $line"; exit 1; }
    done
}
ok "README's SSA excerpt is in examples/ssa_basic.c line by line" ssa_excerpt

# the ```sh block under "## Quick start"
awk '/^## Quick start/ {q = 1} q && /^```sh$/ {f = 1; next} f && /^```/ {exit} f' "$readme" |
    grep -v '^#' | grep -v '^[[:space:]]*$' >"$tap_tmp/quick"
ok "Quick start holds exactly two commands" test "$(wc -l <"$tap_tmp/quick")" -eq 2
test_cmd=$(sed -n 2p "$tap_tmp/quick")
ok "the second Quick start command is the test command .ci/run calls ($test_cmd)" \
    grep -qxF "$test_cmd" "$top_srcdir/.ci/run"

# the ```console block under "## What can I ask it?": every output line shown is what
# the command prints now (lines the README elides with "..." aside)
awk '/^## What can I ask it/ {q = 1} q && /^```console$/ {f = 1; next} f && /^```/ {exit} f' \
    "$readme" >"$tap_tmp/ask"
ask_outputs() {
    test -s "$tap_tmp/ask" || { echo "no console block"; return 1; }
    n=0
    while IFS= read -r line; do
        case $line in
        '$ thermoai '*)
            cmd=${line#'$ thermoai '}
            cmd=${cmd%%#*}
            # shellcheck disable=SC2086
            "$top_builddir/cli/thermoai" $cmd >"$tap_tmp/ask.out" 2>&1 || { echo "failed: $cmd"; return 1; }
            n=$((n + 1)) ;;
        '...') ;;
        *)
            grep -qxF -- "$line" "$tap_tmp/ask.out" || { echo "not printed by '$cmd': $line"; return 1; } ;;
        esac
    done <"$tap_tmp/ask"
    test "$n" -eq 3 || { echo "$n commands, want 3"; return 1; }
}
ok "README's three example commands print what it shows" ask_outputs
done_testing
