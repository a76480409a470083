# SPDX-License-Identifier: MIT
# Paper 002, Figures 2a, 2b and 3 from the data written by examples/figures/paper002.
# Usage: gnuplot -e "dir='DIR'" paper002.gp
#   (writes DIR/paper002_fig2a.png, paper002_fig2b.png, paper002_fig3.png)
if (!exists("dir")) dir = "."
set terminal pngcairo size 900,600 enhanced
set grid
set key left top

set output dir."/paper002_fig2a.png"
set title "Paper 002 Fig. 2a: time per attention call (this machine; Table 6 as printed)"
set logscale xy
set format y "10^{%L}"
set xlabel "sequence length N"
set ylabel "seconds"
plot dir."/fig2a.dat" using 1:2 with linespoints lw 2 pt 7 title "thermoai exact (streaming)", \
     dir."/fig2a.dat" using 1:3 with linespoints lw 2 pt 5 title "SSA paper", \
     dir."/fig2a.dat" using 1:4 with linespoints lw 2 pt 9 title "SSA importance", \
     dir."/fig2a.dat" using 1:5 with linespoints lw 2 pt 11 title "SSA centroid", \
     dir."/fig2a.dat" using 1:6 with lines lc rgb "gray" dt 2 title "N^{1.5}", \
     dir."/fig2a.dat" using 1:7 with lines lc rgb "gray" dt 3 title "N^2", \
     dir."/fig2a_paper.dat" using 1:2 with points pt 6 ps 1.5 title "paper: dense", \
     dir."/fig2a_paper.dat" using 1:3 with points pt 4 ps 1.5 title "paper: SSA"

set output dir."/paper002_fig2b.png"
set terminal pngcairo size 900,800 enhanced
unset title
set multiplot layout 2,1 title "Paper 002 Fig. 2b: spectrum of L_{sym} (symmetrised attention graph)"
unset logscale
set format y "%g"
set xlabel "eigenvalue index"
set ylabel "eigenvalue"
set key right bottom
# the three spectra lie on top of each other: dense drawn wide and grey underneath
plot dir."/fig2b.dat" using 1:2 with lines lw 8 lc rgb "#bbbbbb" title "dense (wide grey)", \
     dir."/fig2b.dat" using 1:3 with lines lw 2 lc rgb "#cc0000" title "SSA paper", \
     dir."/fig2b.dat" using 1:4 with lines lw 2 dt 2 lc rgb "#0044cc" title "SSA importance"
set ylabel "|SSA - dense|"
set logscale y
set format y "10^{%L}"
set key right top
plot dir."/fig2b.dat" using 1:(abs($3 - $2) > 0 ? abs($3 - $2) : 1/0) with lines lw 2 lc rgb "#cc0000" title "SSA paper", \
     dir."/fig2b.dat" using 1:(abs($4 - $2) > 0 ? abs($4 - $2) : 1/0) with lines lw 2 dt 2 lc rgb "#0044cc" title "SSA importance"
unset multiplot

set output dir."/paper002_fig3.png"
set terminal pngcairo size 1000,800 enhanced
unset title
set multiplot layout 2,1 title "Paper 002 Fig. 3: k and s ablation (N = 4096; variant paper, centroid for contrast)"
unset logscale
set format y "%g"
set logscale x 2
set key outside right top
set xlabel "k (s = 64) or s (k = 64)"
set ylabel "speedup over the exact kernel"
plot dir."/fig3.dat" using (strcol(1) eq "a" ? $2 : 1/0):4 with linespoints lw 2 pt 7 title "vs k", \
     dir."/fig3.dat" using (strcol(1) eq "b" ? $3 : 1/0):4 with linespoints lw 2 pt 5 title "vs s", \
     1 with lines lc rgb "gray" dt 2 title "break-even"
set ylabel "cosine to exact attention"
set yrange [*:1.02]
plot dir."/fig3.dat" using (strcol(1) eq "a" ? $2 : 1/0):5 with linespoints lw 2 pt 6 title "paper vs k", \
     dir."/fig3.dat" using (strcol(1) eq "b" ? $3 : 1/0):5 with linespoints lw 2 pt 4 title "paper vs s", \
     dir."/fig3.dat" using (strcol(1) eq "a" ? $2 : 1/0):6 with linespoints lw 2 pt 8 title "centroid vs k"
unset multiplot
