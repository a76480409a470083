# SPDX-License-Identifier: MIT
# Iso-loss curves with the energy-optimal frontier per published fit, and the
# precision trade-off, from the data written by examples/figures/allocation.
# Usage: gnuplot -e "dir='DIR'" allocation.gp
#   (writes DIR/allocation_isoloss.png and DIR/allocation_precision.png)
if (!exists("dir")) dir = "."
set terminal pngcairo size 1200,1000 enhanced font ",10"
set output dir."/allocation_isoloss.png"
set multiplot layout 2,2 title "Iso-loss curves L(N, D) and the energy-optimal frontier (E = 6 e N D; C = 1e18 ... 1e26 FLOP)"
set logscale xy
set format x "10^{%L}"
set format y "10^{%L}"
set xrange [1e6:1e14]
set yrange [1e8:1e16]
set xlabel "parameters N"
set ylabel "training tokens D"
set grid
set key left top font ",9"
do for [f in "hoffmann2022 hoffmann2022-tex besiroglu2024 kaplan2020"] {
    set title f
    plot dir."/alloc_".f."_iso.dat" using 1:2 with lines lc rgb "gray60" title "iso-loss at the optimum's loss", \
         dir."/alloc_".f."_frontier.dat" using 2:3 with lines lw 3 lc rgb "#c0392b" title "energy-optimal frontier", \
         dir."/alloc_".f."_lifetime.dat" using 2:3 with lines lw 2 dt 2 lc rgb "#2471a3" title "with 1e13 lifetime tokens served", \
         20*x with lines lw 1 dt 3 lc rgb "black" title "paper 002 Eq. (16): D = 20 N"
}
unset multiplot

set terminal pngcairo size 1100,500 enhanced font ",10"
set output dir."/allocation_precision.png"
set multiplot layout 1,2 title "Precision: energy per operation (Theorem 4.5, Table 5) and the energy-accuracy trade-off"
unset logscale
set logscale y
set xrange [2:32]
set yrange [1e-3:2]
set format x "%g"
set format y "%g"
set xlabel "bit width b"
set ylabel "energy relative to 32 bits"
set key left top
set title "laws of Theorem 4.5 and Table 5 as printed"
plot dir."/precision.dat" using 1:2 with lines lw 2 title "e_{flop} ∝ b^{1.5} (digital)", \
     dir."/precision.dat" using 1:3 with lines lw 2 title "e_{flop} ∝ b^2 (analog)", \
     dir."/precision.dat" using 1:4 with lines lw 2 title "e_{mem} ∝ b (per value)", \
     dir."/precision_table5.dat" using 2:($3/0.9) with points pt 7 ps 1.5 title "Table 5: e_{flop}", \
     dir."/precision_table5.dat" using 2:($4/0.5) with points pt 5 ps 1.5 title "Table 5: e_{mem} (\"pJ/bit\")", \
     dir."/precision_table5.dat" using 2:5 with points pt 9 ps 1.5 title "Table 5: relative energy"
set logscale xy
set xrange [1e-19:1]
set yrange [1e-3:2]
set format x "10^{%L}"
set xlabel "degradation c_{sens} 2^{-2b} (c_{sens} = 1)"
set ylabel "energy per FLOP relative to 32 bits (b^{1.5})"
set key right bottom
set title "the trade-off curve (points every 4 bits)"
plot dir."/precision.dat" using 5:2 with lines lw 2 title "digital", \
     dir."/precision.dat" using 5:3 with lines lw 2 title "analog", \
     dir."/precision.dat" using (abs($1 - 4*floor($1/4 + 0.5)) < 0.01 ? $5 : 1/0):2:(sprintf("%d", $1)) \
         with labels point pt 7 offset char 1,-0.7 notitle
unset multiplot
