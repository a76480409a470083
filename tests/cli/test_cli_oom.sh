#!/bin/sh
# SPDX-License-Identifier: MIT
# Allocation failure at every k (issue 20, defect 6): `thermoai reproduce` for papers
# 000, 001, 003 and cross (paper 002 takes half a second a run; its allocating paths
# are the same drivers' push()), each run with the k-th malloc/calloc/realloc
# failing, for every k up to the run's total. Each run must either exit 0 with
# output identical to the run without failures, or exit non-zero (not by a
# signal) with a message on stderr and no record on stdout.
# Needs the LD_PRELOAD shim tests/cli/failmalloc.c (glibc); skipped without it,
# and under the sanitizers (ASan must come first in the link order).
. "$top_srcdir/tests/harness/taplib.sh"
bin=$top_builddir/cli/.libs/thermoai
[ -x "$bin" ] || bin=$top_builddir/cli/thermoai
shim=$top_builddir/tests/cli/.libs/failmalloc.so
libdir=$top_builddir/lib/.libs
if [ ! -f "$shim" ] || [ "${THERMOAI_SANITIZERS:-no}" = yes ]; then
    skip_all "no failmalloc shim, or a sanitizer build"
fi

run() { LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} "$bin" "$@"; }

oom_every_k() {
    run reproduce --quick --paper "$1" >"$tap_tmp/ref" 2>/dev/null || { echo "reference run failed"; return 1; }
    THERMOAI_FAIL_COUNT=$tap_tmp/count LD_PRELOAD=$shim run reproduce --quick --paper "$1" \
        >/dev/null 2>&1
    total=$(cat "$tap_tmp/count")
    [ "$total" -gt 0 ] || { echo "no allocation counted"; return 1; }
    k=1 bad=0
    while [ "$k" -le "$total" ]; do
        THERMOAI_FAIL_AT=$k LD_PRELOAD=$shim run reproduce --quick --paper "$1" \
            >"$tap_tmp/o" 2>"$tap_tmp/e"
        rc=$?
        if [ "$rc" -eq 0 ]; then
            cmp -s "$tap_tmp/o" "$tap_tmp/ref" || { echo "k=$k: exit 0 with different output"; bad=1; }
        elif [ "$rc" -ge 128 ]; then
            echo "k=$k: killed by signal $((rc - 128))"; bad=1
        elif [ ! -s "$tap_tmp/e" ]; then
            echo "k=$k: exit $rc without a message"; bad=1
        elif grep -q '^E[0-9]' "$tap_tmp/o"; then
            echo "k=$k: exit $rc but a record was printed"; bad=1
        fi
        [ "$bad" -eq 0 ] || { cat "$tap_tmp/e"; return 1; }
        k=$((k + 1))
    done
    echo "$total runs"
    return 0
}

for p in 000 001 003 cross; do
    ok "reproduce --paper $p: allocation failure at every k" oom_every_k "$p"
done
done_testing
