#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench: SSA and thermoai's exact kernel against numpy + OpenBLAS on this
# machine, in one run. Results: OUTDIR/results.csv, OUTDIR/summary.md.
#
# usage: bench/run.sh OUTDIR
# environment (defaults in brackets):
#   SSA_BENCH      the ssa_bench program [./bench/ssa_bench]
#   BENCH_SIZES    sequence lengths [256 512 1024 2048 4096 8192 16384]
#   BENCH_BIG      lengths for SSA and the streaming kernel only [65536]
#   BENCH_DIMS     head dimensions [64 128]
#   BENCH_THREADS  thread counts [1 2]
#   PYTHON         a Python 3 with numpy (tried first; then python3, /usr/bin/python3)
# OPENBLAS_CORETYPE is unset so that OpenBLAS picks its kernels for this CPU
# itself, the strongest baseline; the core it chose is printed.
set -eu
out=${1:-bench-results}
bench=${SSA_BENCH:-./bench/ssa_bench}
sizes=${BENCH_SIZES:-"256 512 1024 2048 4096 8192 16384"}
big=${BENCH_BIG-65536}
dims=${BENCH_DIMS:-"64 128"}
threads=${BENCH_THREADS:-"1 2"}
here=$(dirname "$0")
unset OPENBLAS_CORETYPE

py=""
for c in "${PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$c" ] || continue
    if "$c" -c 'import numpy' >/dev/null 2>&1; then
        py=$c
        break
    fi
done
mkdir -p "$out"
csv=$out/results.csv
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') ($(nproc) logical CPUs)"
    echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
    echo "kernel: $(uname -sr)"
    echo "numpy: $([ -n "$py" ] && "$py" -c 'import numpy; print(numpy.__version__)' || echo 'not found: the peer is skipped')"
} >"$out/machine.txt"
cat "$out/machine.txt"

"$bench" 2 8 1 c | head -n 1 >"$csv"
for t in $threads; do
    for d in $dims; do
        for n in $sizes; do
            echo "N=$n d=$d threads=$t" >&2
            OMP_NUM_THREADS=$t "$bench" "$n" "$d" "$t" | tail -n +2 >>"$csv"
            if [ -n "$py" ]; then
                OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t "$py" "$here/peers/numpy_attention.py" \
                    "$n" "$d" "$t" >>"$csv"
            fi
        done
        for n in $big; do
            echo "N=$n d=$d threads=$t (SSA and the streaming kernel)" >&2
            OMP_NUM_THREADS=$t "$bench" "$n" "$d" "$t" c | tail -n +2 >>"$csv"
        done
    done
done
"${py:-python3}" "$here/summarize.py" "$csv" "$out/machine.txt" >"$out/summary.md"
cat "$out/summary.md"
