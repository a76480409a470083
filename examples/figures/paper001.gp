# SPDX-License-Identifier: MIT
# Paper 001, Figures 1 and 2 from the data written by examples/figures/paper001.
# Usage: gnuplot -e "dir='DIR'" paper001.gp   (writes DIR/paper001_fig1.png, DIR/paper001_fig2.png)
if (!exists("dir")) dir = "."
set terminal pngcairo size 900,600 enhanced
set grid
set key left top

set output dir."/paper001_fig1.png"
set title "Paper 001 Fig. 1: negentropy vs compute (Eq. 20; C_c fitted by us, see data header)"
set logscale x
set format x "10^{%L}"
set xlabel "training compute C (FLOP)"
set ylabel "negentropy (bits per token)"
plot dir."/fig1_curve.dat" using 1:2 with lines lw 2 title "N_{inf} - (C_c/C)^{0.057}", \
     dir."/fig1_points.dat" using 1:2 with points pt 7 ps 1.5 title "Table 1 (App. B method)", \
     dir."/fig1_points.dat" using 1:2:3 with labels offset 1,1 notitle

set output dir."/paper001_fig2.png"
set title "Paper 001 Fig. 2: demon efficiency vs time (Eq. 28, doubling 2.3 years)"
unset logscale x
set format x "%g"
set logscale y
set format y "10^{%L}"
set xlabel "year"
set ylabel "demon efficiency"
plot dir."/fig2_curve.dat" using 1:2 with lines lw 2 title "{/Symbol h}_0 2^{(t-t_0)/2.3 yr}", \
     dir."/fig2_points.dat" using 1:2 with points pt 7 ps 1.5 title "Table 1 (App. B method)", \
     dir."/fig2_points.dat" using 1:2:3 with labels offset 1,1 notitle
