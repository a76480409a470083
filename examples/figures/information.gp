# SPDX-License-Identifier: MIT
# Rate-distortion curves (closed form and Blahut-Arimoto) with the energy axis
# k_B T ln 2 R(D), and an information-bottleneck curve, from the data written by
# examples/figures/information.
# Usage: gnuplot -e "dir='DIR'" information.gp   (writes DIR/information.png)
if (!exists("dir")) dir = "."
kt = 1.380649e-23 * 300 * log(2)
set terminal pngcairo size 1500,500 enhanced font ",10"
set output dir."/information.png"
set multiplot layout 1,3 title "Paper 002 Theorems 3.12-3.13: R(D), its energy bound k_B T ln 2 R(D) at 300 K, and the information curve"
set grid
set key right top font ",9"
set title "Bernoulli(0.3), Hamming distortion"
set xlabel "distortion D (bit error probability)"
set ylabel "R(D) [bit per symbol]"
set y2label "E_{min} = k_B T ln 2 R(D) [10^{-21} J]"
set xrange [0:0.32]
set yrange [0:0.9]
set y2range [0:0.9 * kt * 1e21]
set y2tics
set ytics nomirror
plot dir."/info_rd_binary.dat" using 1:2 with lines lw 3 lc rgb "#2471a3" title "H(p) - H(D) (closed form)", \
     "" using 1:3 with points pt 7 ps 0.6 lc rgb "#c0392b" title "Blahut-Arimoto (60 slopes)"
set title "Gaussian, variance 1, squared error"
set xlabel "distortion D"
set xrange [0:0.8]
set yrange [0:2.5]
set y2range [0:2.5 * kt * 1e21]
plot dir."/info_rd_gaussian.dat" using 1:2 with lines lw 3 lc rgb "#2471a3" title "log_2(1/D)/2 (closed form)", \
     "" using 1:3 with points pt 7 ps 0.6 lc rgb "#c0392b" title "Blahut-Arimoto, 61 bins of 0.2 (grid variance 1 + 0.2^2/12)"
unset y2tics
unset y2label
set title "Information bottleneck, 16 x 8 joint, |Z| = 16"
set xlabel "I(X;Z) [bit]"
set ylabel "I(Z;Y) [bit]"
set xrange [0:4.2]
set yrange [0:1.2]
set key right bottom
ixy = system("awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == \"I(X;Y)\") print $(i + 2) }' ".dir."/info_ib.dat") + 0
plot dir."/info_ib.dat" using 2:3 with linespoints pt 7 ps 0.5 lw 2 lc rgb "#c0392b" title "iterative IB, annealed over {/Symbol b}", \
     ixy with lines dt 2 lc rgb "black" title "I(X;Y) (data processing bound)", \
     x with lines dt 3 lc rgb "gray40" title "I(Z;Y) = I(X;Z)"
unset multiplot
