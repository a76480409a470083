#!/bin/sh
# SPDX-License-Identifier: MIT
# make bench (bench-info): Blahut-Arimoto curves and information-bottleneck points,
# thermoai (SIMD and portable kernels) against the numpy peer bench/peers/numpy_info.py,
# in one run, same problems, iterations and stopping rules. Results:
# OUTDIR/info.csv and OUTDIR/info_summary.md (time ratios numpy / thermoai).
#
# usage: bench/run_info.sh OUTDIR
# environment: INFO_BENCH [./bench/info_bench], PYTHON (a Python 3 with numpy),
#   INFO_REPEATS [3] (best of), RD_TOL [1e-4] (the certified Blahut-Arimoto gap, both sides)
set -eu
out=${1:-bench-results}
bench=${INFO_BENCH:-./bench/info_bench}
repeats=${INFO_REPEATS:-3}
here=$(dirname "$0")
py=""
for c in "${PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$c" ] || continue
    if "$c" -c 'import numpy' >/dev/null 2>&1; then
        py=$c
        break
    fi
done
mkdir -p "$out"
csv=$out/info.csv
echo "impl,problem,n,points,iterations,seconds" >"$csv"
"$bench" "$repeats" >>"$csv"
if [ -n "$py" ]; then
    "$py" "$here/peers/numpy_info.py" "$repeats" >>"$csv"
else
    echo "no numpy: the peer is skipped" >&2
fi
{
    echo "# Blahut-Arimoto and information bottleneck: thermoai vs numpy"
    echo
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') ($(nproc) logical CPUs); numpy $([ -n "$py" ] && "$py" -c 'import numpy; print(numpy.__version__)' || echo none); best of $repeats"
    echo
    echo "| problem | n | impl | iterations | seconds | numpy / this |"
    echo "|---|---|---|---|---|---|"
    awk -F, 'NR > 1 { key = $2 "," $3; t[key "," $1] = $6; it[key "," $1] = $5; if (!(key in seen)) { seen[key] = 1; order[++k] = key } impls[$1] = 1 }
        END { for (i = 1; i <= k; i++) for (m in impls) if ((order[i] "," m) in t) {
            split(order[i], a, ","); np = t[order[i] ",numpy"];
            r = (np != "" && t[order[i] "," m] > 0) ? sprintf("%.2f", np / t[order[i] "," m]) : "-";
            printf "| %s | %s | %s | %s | %s | %s |\n", a[1], a[2], m, it[order[i] "," m], t[order[i] "," m], r } }' "$csv"
} >"$out/info_summary.md"
cat "$out/info_summary.md"
