#!/bin/sh
# SPDX-License-Identifier: MIT
# The example programs run and print what their comments promise.
. "$top_srcdir/tests/harness/taplib.sh"
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
ssa() {
    "$ex/ssa_basic" >"$tap_tmp/ssa" || return 1
    cat "$tap_tmp/ssa"
    grep -q '^SSA (centroid) vs exact attention, N = 4096: relative error 0\.0' "$tap_tmp/ssa"
}
ok "examples/ssa_basic runs SSA within 0.1 of exact attention" ssa

figures002() {
    "$ex/figures/paper002" "$tap_tmp" --quick || return 1
    for f in fig2a fig2a_paper fig2b fig3; do
        test -s "$tap_tmp/$f.dat" || { echo "missing $f.dat"; return 1; }
    done
    # Fig. 2a: six sizes 16 ... 512 with positive times and the guides equal to the
    # measured times at the reference size (256 in quick mode: N = 4096 / 16)
    awk '!/^#/ { n++; for (i = 2; i <= 7; i++) if (!($i > 0)) bad = 1
                 if ($1 == 256 && ($6 != $3 || $7 != $2)) bad = 1 }
         END { exit (bad || n != 6) }' "$tap_tmp/fig2a.dat" || return 1
    # Fig. 2b: the whole spectrum (32 values) of three Laplacians, ascending, lambda_1 = 0,
    # all in [0, 2], and Q reported for each
    awk '!/^#/ { n++; for (i = 2; i <= 4; i++) { if ($i < -1e-12 || $i > 2) bad = 1
                 if (n > 1 && $i < prev[i] - 1e-12) bad = 1; prev[i] = $i }
                 if (n == 1 && ($2 > 1e-9 || $3 > 1e-9 || $4 > 1e-9)) bad = 1 }
         END { exit (bad || n != 32) }' "$tap_tmp/fig2b.dat" || return 1
    test "$(grep -c ' Q ' "$tap_tmp/fig2b.dat")" -eq 3 || return 1
    # Fig. 3: seven ablation rows with cosines in [-1, 1]
    awk '!/^#/ { n++; if ($5 < -1 || $5 > 1 || $6 < -1 || $6 > 1 || !($4 > 0)) bad = 1 }
         END { exit (bad || n != 7) }' "$tap_tmp/fig3.dat"
}
ok "examples/figures/paper002 --quick writes Figures 2a, 2b and 3" figures002
figures_alloc() {
    "$ex/figures/allocation" "$tap_tmp" || return 1
    for fit in hoffmann2022 hoffmann2022-tex besiroglu2024 kaplan2020; do
        for k in iso frontier lifetime; do
            test -s "$tap_tmp/alloc_${fit}_$k.dat" || { echo "missing alloc_${fit}_$k.dat"; return 1; }
        done
    done
    test -s "$tap_tmp/precision.dat" && test -s "$tap_tmp/precision_table5.dat" || return 1
    # the frontier: 101 budgets 1e17 .. 1e27; hoffmann2022 has D/N = 122.1 at 1e25 FLOP
    awk '!/^#/ { n++; if ($1 > 0.999e25 && $1 < 1.001e25) r = $4 } END { exit !(n == 101 && r > 122.0 && r < 122.2) }' \
        "$tap_tmp/alloc_hoffmann2022_frontier.dat" || return 1
    # serving 1e13 tokens: a smaller model than the frontier's at every budget
    paste "$tap_tmp/alloc_besiroglu2024_frontier.dat" "$tap_tmp/alloc_besiroglu2024_lifetime.dat" |
        awk '!/^#/ { if (!($7 < $2)) bad = 1 } END { exit bad }' || return 1
    # precision: the b^1.5 law is 1 at 32 bits and 2^-1.5 at 16
    awk '!/^#/ { if ($1 == 32 && $2 != 1) bad = 1; if ($1 == 16 && ($2 < 0.3535 || $2 > 0.3536)) bad = 1 }
         END { exit bad }' "$tap_tmp/precision.dat"
}
ok "examples/figures/allocation writes the iso-loss, frontier and precision data" figures_alloc
figures_cost() {
    "$ex/figures/cost" "$tap_tmp" || return 1
    # every ladder row: Landauer < CMOS limit < arithmetic < arithmetic + data <= modelled
    awk '!/^#/ { n++; if (!($3 > 0 && $3 < $4 && $4 < $5 && $5 < $6 && $6 <= $7)) bad = 1 }
         END { exit bad || n != 9 }' "$tap_tmp/cost_ladder.dat" || return 1
    # energy per token falls with batch and rises with context, on every device, while it fits
    awk '!/^#/ && !/^batch/ { for (c = 2; c <= NF; c++) { if ($c > 0 && last[c] > 0 && $c > last[c]) bad = 1;
         last[c] = $c } } END { exit bad }' "$tap_tmp/cost_batch.dat" || return 1
    awk '!/^#/ && !/^context/ { for (c = 2; c <= NF; c++) { if ($c > 0 && last[c] > 0 && $c < last[c]) bad = 1;
         last[c] = $c } } END { exit bad }' "$tap_tmp/cost_context.dat"
}
ok "examples/figures/cost: the ladder's rungs in order, energy falls with batch, rises with context" figures_cost
figures_trilemma() {
    "$ex/figures/trilemma" "$tap_tmp" || return 1
    # 247 batches (the memory cap); latency rises and energy falls with batch; the SLO
    # marks a prefix; memory-bound decode puts every batch on the front
    awk 'NR > 1 { n++; if (NR > 2 && !($2 >= lat && $3 < e)) bad = 1; if (!$5) bad = 1;
         if ($6 && off) bad = 1; if (!$6) off = 1; lat = $2; e = $3 }
         END { exit bad || n != 247 }' "$tap_tmp/trilemma.dat" || return 1
    awk 'NR > 1 { n++; d = $NF - $(NF-1); if (d < 0) d = -d; if (d > 0.05 * $(NF-1)) bad = 1 }
         END { exit bad || n != 5 }' "$tap_tmp/tokens_per_watt.dat"
}
ok "examples/figures/trilemma: the memory cap, monotone trade-off, the blog's t/s/W within 5 %" figures_trilemma
figures_info() {
    "$ex/figures/information" "$tap_tmp" || return 1
    for f in info_rd_binary info_rd_gaussian info_ib; do
        test -s "$tap_tmp/$f.dat" || { echo "missing $f.dat"; return 1; }
    done
    # Blahut-Arimoto against H(0.3) - H(D) to 1e-9 where the curve is not flat (R > 0.01)
    awk '!/^#/ && $2 > 0.01 { d = $3 - $2; if (d < 0) d = -d; if (d > 1e-9 + 1e-6) bad = 1; n++ }
         END { exit (bad || n < 40) }' "$tap_tmp/info_rd_binary.dat" || return 1
    # the IB curve stays below I(X;Y) and below the diagonal, and ends within 1 % of I(X;Y)
    ixy=$(awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "I(X;Y)") print $(i + 2) }' "$tap_tmp/info_ib.dat")
    awk -v ixy="$ixy" '!/^#/ { if ($3 > ixy + 1e-9 || $3 > $2 + 1e-9) bad = 1; last = $3 }
         END { exit (bad || last < 0.99 * ixy) }' "$tap_tmp/info_ib.dat"
}
ok "examples/figures/information writes R(D) curves and an information curve within their bounds" figures_info
done_testing
