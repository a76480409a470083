#!/bin/sh
# SPDX-License-Identifier: MIT
# The thermoai command: acceptance value, argument forms, usage errors, exit codes.
. "$top_srcdir/tests/taplib.sh"
cli=$top_builddir/cli/thermoai

# expect_exit CODE STDOUT_PATTERN STDERR_PATTERN ARGS...
expect() {
    want=$1 out_pat=$2 err_pat=$3
    shift 3
    "$cli" "$@" >"$tap_tmp/o" 2>"$tap_tmp/e"
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "exit $got, want $want"; cat "$tap_tmp/o" "$tap_tmp/e"; return 1
    fi
    if [ -n "$out_pat" ] && ! grep -q -e "$out_pat" "$tap_tmp/o"; then
        echo "stdout lacks '$out_pat':"; cat "$tap_tmp/o"; return 1
    fi
    if [ -n "$err_pat" ] && ! grep -q -e "$err_pat" "$tap_tmp/e"; then
        echo "stderr lacks '$err_pat':"; cat "$tap_tmp/e"; return 1
    fi
    return 0
}

ok "landauer 1 bit at 300 K prints 2.870978885e-21 J" \
    expect 0 '^2\.870978885e-21 J$' '' landauer --bits 1 --temperature-k 300
ok "--opt=value form" expect 0 '^2\.870978885e-21 J$' '' landauer --bits=1 --temperature-k=300
ok "options in any order" expect 0 '^2\.870978885e-21 J$' '' landauer --temperature-k 300 --bits 1
ok "8 bits at 350 K" expect 0 '^2\.679580293e-20 J$' '' landauer --bits 8 --temperature-k 350
ok "--json prints one object" expect 0 '"energy_j": 2.87097888507872' '' \
    landauer --bits 1 --temperature-k 300 --json
ok "version" expect 0 "^thermoai [0-9][0-9.]* (ABI [0-9]*)$" '' version
ok "--version" expect 0 "^thermoai " '' --version
ok "help exits 0" expect 0 'usage: thermoai' '' help
ok "no command: usage on stderr, exit 2" expect 2 '' 'usage: thermoai'
ok "unknown command: exit 2" expect 2 '' "unknown command 'frobnicate'" frobnicate
ok "version with an argument: exit 2" expect 2 '' 'takes no arguments' version extra
ok "missing --bits: exit 2" expect 2 '' 'missing --bits' landauer --temperature-k 300
ok "missing --temperature-k: exit 2" expect 2 '' 'missing --temperature-k' landauer --bits 1
ok "option without value: exit 2" expect 2 '' "needs a value" landauer --bits 1 --temperature-k
ok "non-number: exit 2" expect 2 '' "not a number: 'abc'" landauer --bits abc --temperature-k 300
ok "trailing garbage: exit 2" expect 2 '' "not a number: '300K'" landauer --bits 1 --temperature-k 300K
ok "empty value: exit 2" expect 2 '' "not a number" landauer --bits= --temperature-k 300
ok "literal beyond double: exit 2" expect 2 '' "not a number" landauer --bits 1e999 --temperature-k 300
ok "unknown option: exit 2" expect 2 '' "unknown argument '--bytes'" landauer --bytes 1 --temperature-k 300
ok "negative bits: library error, exit 1" expect 1 '' 'THERMOAI_E_INVALID' landauer --bits -1 --temperature-k 300
ok "0 K: library error, exit 1" expect 1 '' 'THERMOAI_E_INVALID' landauer --bits 1 --temperature-k 0
ok "NaN: library error, exit 1" expect 1 '' 'THERMOAI_E_NONFINITE' landauer --bits nan --temperature-k 300
ok "overflow: library error, exit 1" expect 1 '' 'THERMOAI_E_RANGE' landauer --bits 1e300 --temperature-k 1e300
ok "reproduce: unknown format, exit 2" expect 2 '' "unknown format 'yaml'" reproduce --format yaml
ok "reproduce: unknown paper, exit 2" expect 2 '' "unknown paper '004'" reproduce --paper 004
ok "reproduce: unknown argument, exit 2" expect 2 '' "unknown argument" reproduce --all
ok "reproduce --paper 000 text" expect 0 '^E000-landauer300\.01 ' '' reproduce --paper 000
ok "reproduce text ends with a summary" expect 0 '^[0-9]* records: [0-9]* match' '' reproduce
ok "reproduce markdown has the coverage table" expect 0 '^## Catalog coverage' '' \
    reproduce --format markdown
done_testing
