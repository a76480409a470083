#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench-tiplm: training and evaluation tokens/s of examples/tiplm's C
# transformer against the same architecture in PyTorch (bench/peers/torch_tiplm.py),
# in one run, one thread each, CPU time. Not part of make check.
#
# usage: bench/tiplm_bench.sh OUTDIR
# environment: TIPLM [./examples/tiplm/tiplm], PYTHON (a Python 3 with torch;
#   tried first, then python3, /usr/bin/python3), TIPLM_BENCH_SIZES [base small],
#   TIPLM_BENCH_STEPS [20], TIPLM_BENCH_THREADS [1], BENCH_TEXT [OUTDIR/bible.txt]
set -eu
out=${1:-bench-results}
tiplm=${TIPLM:-./examples/tiplm/tiplm}
sizes=${TIPLM_BENCH_SIZES:-"base small"}
steps=${TIPLM_BENCH_STEPS:-20}
threads=${TIPLM_BENCH_THREADS:-1}
here=$(dirname "$0")
mkdir -p "$out"
text=${BENCH_TEXT:-$out/bible.txt}
if [ ! -s "$text" ] && command -v bible >/dev/null 2>&1; then
    bible -f "Genesis 1:1-Revelation 22:21" >"$text" 2>/dev/null || true
fi
[ -s "$text" ] || { echo "no text (install bible-kjv)" >&2; exit 77; }
py=""
for c in "${PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$c" ] || continue
    if "$c" -c 'import torch' >/dev/null 2>&1; then
        py=$c
        break
    fi
done
csv=$out/tiplm.csv
echo "peer,size,params,ctx,batch,steps,train_tok_s,eval_tok_s,info" >"$csv"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //') ($(nproc) logical CPUs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for s in $sizes; do
    OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads "$tiplm" bench --text "$text" --size "$s" --steps "$steps" >>"$csv"
    if [ -n "$py" ]; then
        OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads "$py" "$here/peers/torch_tiplm.py" "$text" "$s" "$steps" 16 "$threads" >>"$csv"
    else
        echo "no torch (apt-get install python3-torch): the peer is skipped" >&2
    fi
done
cat "$csv"
awk -F, 'NR > 1 { tr[$1 "," $2] = $7; ev[$1 "," $2] = $8; sz[$2] = 1 }
         END { for (s in sz) if (("torch," s) in tr)
                 printf "%s: C/torch training %.2fx, evaluation %.2fx\n", s,
                        tr["tiplm-c," s] / tr["torch," s], ev["tiplm-c," s] / ev["torch," s] }' "$csv" |
    tee "$out/tiplm_ratio.txt"
