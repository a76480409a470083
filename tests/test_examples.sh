#!/bin/sh
# SPDX-License-Identifier: MIT
# The example programs run and print what their comments promise.
. "$top_srcdir/tests/taplib.sh"
ex=$top_builddir/examples

basic() {
    "$ex/landauer_basic" >"$tap_tmp/basic" || return 1
    cat "$tap_tmp/basic"
    # kT ln 2 = 1.380649e-23 * 300 * 0.693147... = 2.870979e-21 J;
    # 0.707e-12 / 2.870979e-21 = 2.4626e8
    grep -qx 'Landauer limit at 300 K: 2.87098e-21 J per bit' "$tap_tmp/basic" &&
        grep -qx '0.707 pJ per operation is 2.46e+08 times the limit' "$tap_tmp/basic"
}
ok "examples/landauer_basic prints the limit and the ratio" basic
done_testing
