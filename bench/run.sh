#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench: SSA and thermoai's exact kernel on every input family of
# bench/families.h, against numpy + OpenBLAS and PyTorch on this machine, in one
# run. Results: OUTDIR/results.csv, OUTDIR/summary.md.
#
# usage: bench/run.sh OUTDIR
# environment (defaults in brackets):
#   SSA_BENCH       the ssa_bench program [./bench/ssa_bench]
#   FMA_PEAK        the fma_peak program [./bench/fma_peak]
#   BENCH_SIZES     sequence lengths [1024 4096 16384]
#   BENCH_DIMS      head dimensions [64 128]
#   BENCH_THREADS   thread counts [1 2]
#   BENCH_FAMILIES  input families [all of them]
#   BENCH_VARIANTS  SSA variants [routed,paper,importance,centroid]
#   BENCH_CORES     OpenBLAS core types the numpy peer is timed with, the fastest
#                   counting ["auto Haswell SkylakeX Cooperlake"]; auto leaves
#                   OPENBLAS_CORETYPE unset (OpenBLAS's own choice for this CPU)
#   BENCH_TEXT      a text file for the text family [OUTDIR/bible.txt, made with
#                   Debian's bible-kjv: bible -f "Genesis 1:1-Revelation 22:21"]
#   PYTHON          a Python 3 with numpy (tried first; then python3, /usr/bin/python3)
# What the peers need (tools/deps.sh bench installs it): python3-numpy with
# libopenblas0-pthread, so that numpy's libblas.so.3 is OpenBLAS and not the
# reference BLAS; python3-torch; bible-kjv for the text.
set -eu
out=${1:-bench-results}
bench=${SSA_BENCH:-./bench/ssa_bench}
peak=${FMA_PEAK:-./bench/fma_peak}
sizes=${BENCH_SIZES:-"1024 4096 16384"}
dims=${BENCH_DIMS:-"64 128"}
threads=${BENCH_THREADS:-"1 2"}
families=${BENCH_FAMILIES:-balanced,zipf,qkdiff,lowrank,local,uniform,peaked,text}
variants=${BENCH_VARIANTS:-routed,paper,importance,centroid}
cores=${BENCH_CORES:-"auto Haswell SkylakeX Cooperlake"}
here=$(dirname "$0")

py=""
for c in "${PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$c" ] || continue
    if "$c" -c 'import numpy' >/dev/null 2>&1; then
        py=$c
        break
    fi
done
torch=no
if [ -n "$py" ] && "$py" -c 'import torch' >/dev/null 2>&1; then
    torch=yes
fi
mkdir -p "$out"
text=${BENCH_TEXT:-$out/bible.txt}
if [ ! -s "$text" ] && command -v bible >/dev/null 2>&1; then
    bible -f "Genesis 1:1-Revelation 22:21" >"$text" 2>/dev/null || true
fi
[ -s "$text" ] || echo "no text (install bible-kjv): the text family is skipped" >&2
export BENCH_TEXT="$text"
csv=$out/results.csv
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') family $(grep -m1 'cpu family' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') ($(nproc) logical CPUs)"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
    echo "kernel: $(uname -sr)"
    echo "numpy: $([ -n "$py" ] && "$py" -c 'import numpy; print(numpy.__version__)' || echo 'not found: the peer is skipped')"
    echo "torch: $([ "$torch" = yes ] && "$py" -c 'import torch; print(torch.__version__)' || echo 'not found: the peer is skipped')"
    echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
} >"$out/machine.txt"
cat "$out/machine.txt"

"$bench" 8 8 1 balanced routed | head -n 1 >"$csv"
for t in $threads; do
    OMP_NUM_THREADS=$t "$peak" "$t" | sed 's/^/# /' >>"$csv" || true
done
for t in $threads; do
    for d in $dims; do
        for n in $sizes; do
            echo "N=$n d=$d threads=$t" >&2
            OMP_NUM_THREADS=$t "$bench" "$n" "$d" "$t" "$families" "$variants" | tail -n +2 >>"$csv"
            if [ -n "$py" ]; then
                for core in $cores; do
                    if [ "$core" = auto ]; then
                        env -u OPENBLAS_CORETYPE OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t \
                            "$py" "$here/peers/numpy_attention.py" "$n" "$d" "$t" 256 >>"$csv" || true
                    else
                        OPENBLAS_CORETYPE=$core OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t \
                            "$py" "$here/peers/numpy_attention.py" "$n" "$d" "$t" 256 >>"$csv" || true
                    fi
                done
            fi
            if [ "$torch" = yes ]; then
                OMP_NUM_THREADS=$t "$py" "$here/peers/torch_attention.py" "$n" "$d" "$t" >>"$csv" || true
            fi
        done
    done
done
"${py:-python3}" "$here/summarize.py" "$csv" "$out/machine.txt" >"$out/summary.md"
cat "$out/summary.md"
