#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tables for make bench from bench/run.sh's results.csv (standard library only).

usage: summarize.py results.csv [machine.txt]

Speed-ups are ratios of medians measured in the same run on the same machine:
numpy + OpenBLAS exact attention is the named baseline. The targets of issue 5
are checked by rule from the measured rows and printed with a verdict.
"""
import csv
import sys

VARIANTS = ("paper", "importance", "centroid")
REGIMES = ("concentrated", "diffuse", "uniform")


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(row, key):
    try:
        return float(row[key])
    except (KeyError, TypeError, ValueError):
        return float("nan")


def fmt_s(x):
    if x != x:
        return "-"
    return "%.3g ms" % (x * 1e3) if x < 1 else "%.3g s" % x


def fmt_x(x):
    return "-" if x != x else "%.2fx" % x


def fmt_bytes(x):
    if x != x:
        return "-"
    for unit in ("B", "KiB", "MiB", "GiB"):
        if x < 1024 or unit == "GiB":
            return "%.3g %s" % (x, unit)
        x /= 1024.0
    return "-"


def find(rows, impl, variant, regime, n, d, t):
    for r in rows:
        if (r["impl"] == impl and r["variant"] == variant and r["regime"] == regime
                and int(r["n"]) == n and int(r["d"]) == d and int(r["threads"]) == t):
            return r
    return None


def seconds(rows, impl, variant, regime, n, d, t):
    r = find(rows, impl, variant, regime, n, d, t)
    return num(r, "seconds") if r else float("nan")


def main():
    rows = load(sys.argv[1])
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            print("```\n" + f.read().strip() + "\n```\n")
    kernel = next((r["kernel"] for r in rows if r["impl"] == "thermoai-dense"), "?")
    blas = next((r["kernel"] for r in rows if r["impl"] == "numpy-openblas"), "numpy not found")
    print("thermoai kernel: %s; baseline: numpy + %s\n" % (kernel, blas))
    combos = sorted({(int(r["d"]), int(r["threads"])) for r in rows})
    sizes = sorted({int(r["n"]) for r in rows})

    print("## Time per attention call (concentrated regime; median of >= 3 runs)\n")
    for d, t in combos:
        print("### d = %d, %d thread%s\n" % (d, t, "" if t == 1 else "s"))
        print("| N | numpy | thermoai exact | exact / numpy | SSA paper | SSA importance |"
              " SSA centroid | best SSA vs numpy | best SSA vs exact |")
        print("|---|---|---|---|---|---|---|---|---|")
        for n in sizes:
            tn = seconds(rows, "numpy-openblas", "exact", "random", n, d, t)
            te = seconds(rows, "thermoai-dense", "exact", "concentrated", n, d, t)
            ts = [seconds(rows, "thermoai-ssa", v, "concentrated", n, d, t) for v in VARIANTS]
            if all(x != x for x in [tn, te] + ts):
                continue
            best = min((x for x in ts if x == x), default=float("nan"))
            print("| %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n, fmt_s(tn), fmt_s(te), fmt_x(te / tn), fmt_s(ts[0]), fmt_s(ts[1]),
                fmt_s(ts[2]), fmt_x(tn / best), fmt_x(te / best)))
        print()

    print("## SSA phases, last run (concentrated, variant paper)\n")
    print("| N | d | threads | projection | k-means | sparse attention | plan memory |")
    print("|---|---|---|---|---|---|---|")
    for d, t in combos:
        for n in sizes:
            r = find(rows, "thermoai-ssa", "paper", "concentrated", n, d, t)
            if r:
                print("| %d | %d | %d | %s | %s | %s | %s |" % (
                    n, d, t, fmt_s(num(r, "projection_s")), fmt_s(num(r, "clustering_s")),
                    fmt_s(num(r, "attention_s")), fmt_bytes(num(r, "held_bytes"))))
    print()

    print("## Accuracy against the exact kernel, per regime\n")
    print("in-cluster mass: share of the exact attention that stays in the planted"
          " cluster (thermoai_attention_cluster_mass).\n")
    print("| N | d | regime | in-cluster mass | variant | rel. Frobenius error | cosine |"
          " norm ratio |")
    print("|---|---|---|---|---|---|---|---|")
    d0, t0 = combos[-1] if combos else (64, 1)
    for d, t in combos:
        if d != 64 or t != max(tt for dd, tt in combos if dd == d):
            continue
        d0, t0 = d, t
    for n in sizes:
        for g in REGIMES:
            for v in VARIANTS:
                r = find(rows, "thermoai-ssa", v, g, n, d0, t0)
                if r:
                    print("| %d | %d | %s | %.4f | %s | %.4f | %.5f | %.4f |" % (
                        n, d0, g, num(r, "in_cluster_mass"), v, num(r, "relerr"),
                        num(r, "cosine"), num(r, "norm_ratio")))
    print()

    print("## Peak memory (resident set of the benchmark process; held = the library's buffers)\n")
    print("| N | d | numpy peak RSS | exact: workspace | exact: peak RSS | SSA centroid: plan |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        rn = find(rows, "numpy-openblas", "exact", "random", n, d0, t0)
        re_ = find(rows, "thermoai-dense", "exact", "concentrated", n, d0, t0)
        rs = find(rows, "thermoai-ssa", "centroid", "concentrated", n, d0, t0)
        print("| %d | %d | %s | %s | %s | %s |" % (
            n, d0, fmt_bytes(num(rn, "peak_rss_bytes")) if rn else "-",
            fmt_bytes(num(re_, "held_bytes")) if re_ else "-",
            fmt_bytes(num(re_, "peak_rss_bytes")) if re_ else "-",
            fmt_bytes(num(rs, "held_bytes")) if rs else "-"))
    print()

    print("## Targets of issue 5 (verdicts by rule from the rows above)\n")
    checks = []
    for n, need in ((4096, 5.0), (16384, 15.0)):
        tn = seconds(rows, "numpy-openblas", "exact", "random", n, 64, 2)
        for v in ("importance", "centroid"):
            r = find(rows, "thermoai-ssa", v, "concentrated", n, 64, 2)
            if r is None or tn != tn:
                continue
            sp = tn / num(r, "seconds")
            ok = num(r, "cosine") >= 0.99 and num(r, "relerr") <= 0.1 and sp >= need
            checks.append(("%s, N = %d, d = 64, 2 threads: cosine %.4f >= 0.99, rel. error %.4f"
                           " <= 0.1, %.1fx numpy >= %gx" % (v, n, num(r, "cosine"),
                                                             num(r, "relerr"), sp, need), ok))
    for d, t in combos:
        for n in sizes:
            if n < 2048:
                continue
            tn = seconds(rows, "numpy-openblas", "exact", "random", n, d, t)
            te = seconds(rows, "thermoai-dense", "exact", "concentrated", n, d, t)
            if tn == tn and te == te:
                checks.append(("exact kernel within 1.5x of numpy, N = %d, d = %d, %d thread(s):"
                               " %.2fx" % (n, d, t, te / tn), te <= 1.5 * tn))
    for d, t in combos:
        te = seconds(rows, "thermoai-dense", "exact", "concentrated", 256, d, t)
        ts = min(seconds(rows, "thermoai-ssa", v, "concentrated", 256, d, t) for v in VARIANTS)
        if te == te and ts == ts:
            checks.append(("SSA faster than the exact kernel at N = 256, d = %d, %d thread(s):"
                           " %s vs %s" % (d, t, fmt_s(ts), fmt_s(te)), ts < te))
    for text, ok in checks:
        print("- %s %s" % ("PASS" if ok else "MISS", text))
    if not checks:
        print("- (no rows for the targets: run the full benchmark with numpy installed)")


if __name__ == "__main__":
    main()
