# SPDX-License-Identifier: MIT
# The trilemma and paper 003's tokens per watt, from the data of examples/figures/trilemma.
# Usage: gnuplot -e "dir='DIR'" trilemma.gp
if (!exists("dir")) dir = "."
set terminal pngcairo size 1100,650 enhanced
set grid

set output dir."/trilemma.png"
set title "LLaMA-2-7B decode on h100-sxm-measured (context 512, cuda-graphs): energy per token against latency"
set xlabel "latency per token (ms)"
set ylabel "J per token"
set logscale y
set arrow from 20, graph 0 to 20, graph 1 nohead dt 2 lw 2
set label "SLO 20 ms" at 20.5, graph 0.9
set key outside right top
plot dir."/trilemma.dat" using 2:3 with lines lw 2 title "batch 1 .. memory cap", \
     "" using ($5 > 0 ? $2 : 1/0):3 with points pt 7 ps 0.5 title "Pareto front", \
     "" using ($6 > 0 ? $2 : 1/0):3 with points pt 6 ps 0.8 title "within the SLO"

unset arrow
unset label
unset logscale y
set output dir."/tokens_per_watt.png"
set title "Paper 003's tokens per watt: printed and recomputed from its speed and power"
set xlabel ""
set ylabel "tokens/s/W"
set style data histograms
set style fill solid 0.6
set xtics rotate by -20 font ",9"
plot dir."/tokens_per_watt.dat" using 3:xtic(2) title "printed", "" using 4 title "recomputed"
