# SPDX-License-Identifier: MIT
# The cost model's figures from the data written by examples/figures/cost.
# Usage: gnuplot -e "dir='DIR'" cost.gp
if (!exists("dir")) dir = "."
set terminal pngcairo size 1100,650 enhanced
set grid

set output dir."/cost_ladder.png"
set title "The TER ladder: J per generated token, batch-1 decode at context 2048 (TER = rung / Landauer)"
set logscale y
set format y "10^{%L}"
set ylabel "J per token"
set xtics rotate by -30 font ",9"
set key below horizontal maxcols 3
set xrange [-0.5:8.5]
set bmargin 9
plot dir."/cost_ladder.dat" using 1:3:xtic(2) with points pt 7 ps 1.6 title "Landauer (entropy model)", \
     "" using 1:4 with points pt 9 ps 1.6 title "CMOS limit (Epoch AI, FLOPs only)", \
     "" using 1:5 with points pt 5 ps 1.6 title "arithmetic at the device's J/FLOP", \
     "" using 1:6 with points pt 13 ps 1.6 title "arithmetic + data movement", \
     "" using 1:7 with points pt 11 ps 1.8 title "roofline model (cuda-graphs)", \
     "" using 1:($8 > 0 ? $8 : 1/0) with points pt 3 ps 2.2 lw 2 title "measured (HF eager, H100)"

set xtics norotate font ",10"
unset xrange
set bmargin
set key outside right top
set output dir."/cost_batch.png"
set title "LLaMA-3.1-8B decode: energy per token against batch (context 2048, cuda-graphs serving)"
set logscale x 2
set xlabel "batch"
set key outside right top
plot for [c=2:7] dir."/cost_batch.dat" using 1:(column(c) > 0 ? column(c) : 1/0) with linespoints lw 2 \
     title columnhead(c)

set output dir."/cost_context.png"
set title "LLaMA-3.1-8B decode: energy per token against context (batch 8, cuda-graphs serving)"
set xlabel "context (tokens in the KV cache)"
plot for [c=2:7] dir."/cost_context.dat" using 1:(column(c) > 0 ? column(c) : 1/0) with linespoints lw 2 \
     title columnhead(c)
