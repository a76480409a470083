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

figures() {
    "$ex/figures/paper001" "$tap_tmp" || return 1
    for f in fig1_curve fig1_points fig2_curve fig2_points; do
        test -s "$tap_tmp/$f.dat" || { echo "missing $f.dat"; return 1; }
    done
    # Fig. 1: the curve rises monotonically and stays below N_inf = 7.5
    awk '!/^#/ { if (n++ && $2 <= prev) bad = 1; prev = $2 }
         END { exit (bad || n != 81 || prev >= 7.5) }' "$tap_tmp/fig1_curve.dat" || return 1
    grep -q 'NOT stated' "$tap_tmp/fig1_curve.dat" && grep -q 'R^2' "$tap_tmp/fig1_curve.dat" || return 1
    grep -q 'NOT stated' "$tap_tmp/fig2_curve.dat" || return 1
    # Fig. 2: doubling every 2.3 years: 4.5 years apart is a factor 2^(4.5/2.3) = 3.881
    awk '!/^#/ { v[$1] = $2 } END { r = v["2022.0"] / v["2017.5"]; exit !(r > 3.877 && r < 3.885) }' \
        "$tap_tmp/fig2_curve.dat"
}
ok "examples/figures/paper001 writes Figures 1 and 2 with stated assumptions" figures
done_testing
