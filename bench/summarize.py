#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tables for make bench from bench/run.sh's results.csv (standard library only).

usage: summarize.py results.csv [machine.txt]

Every ratio is of medians measured in the same run on the same machine. The
numpy peer is timed with each OpenBLAS core type run.sh tries; the fastest
counts (OpenBLAS's best kernel). The targets of issue 21 are checked by rule
from the measured rows and printed with a verdict.
"""
import csv
import sys

VARIANTS = ("routed", "paper", "importance", "centroid")
FAMILIES = ("balanced", "zipf", "qkdiff", "lowrank", "local", "uniform", "peaked", "text")
# structure: most of each row's mass in a small share of the keys (bench/families.h)
STRUCTURED = ("balanced", "zipf", "qkdiff", "local", "text")
TOLERANCE = 0.1  # the routed variant's default


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


def load(path):
    rows, peaks = [], {}
    with open(path, newline="", encoding="utf-8") as f:
        lines = f.read().splitlines()
    body = [ln for ln in lines if not ln.startswith("#")]
    for ln in lines:
        if ln.startswith("# peak,"):
            _, kind, t, g = ln[2:].split(",")
            peaks[(kind, int(t))] = float(g)
    rows = list(csv.DictReader(body))
    return rows, peaks


def main():
    rows, peaks = load(sys.argv[1])
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            print("```\n" + f.read().strip() + "\n```\n")
    combos = sorted({(int(r["d"]), int(r["threads"])) for r in rows})
    sizes = sorted({int(r["n"]) for r in rows})

    def pick(impl, n, d, t, family=None, variant=None):
        out = [r for r in rows if r["impl"] == impl and int(r["n"]) == n and int(r["d"]) == d
               and int(r["threads"]) == t and (family is None or r["family"] == family)
               and (variant is None or r["variant"] == variant)]
        return out

    def exact_s(n, d, t):
        xs = [num(r, "seconds") for r in pick("thermoai-exact", n, d, t)]
        return min(xs) if xs else float("nan")  # the kernel does not depend on the family

    def numpy_best(n, d, t):
        xs = pick("numpy", n, d, t)
        if not xs:
            return float("nan"), "-"
        best = min(xs, key=lambda r: num(r, "seconds"))
        core = best["kernel"].split(" core ")[-1].split(" ")[0] if " core " in best["kernel"] else "?"
        return num(best, "seconds"), core

    def torch_s(n, d, t):
        xs = [num(r, "seconds") for r in pick("torch", n, d, t)]
        return min(xs) if xs else float("nan")

    print("## The machine's FMA peak (bench/fma_peak: independent FMA chains, 2 flop each)\n")
    print("| threads | AVX-512 | AVX2 |")
    print("|---|---|---|")
    for t in sorted({t for _, t in peaks}):
        print("| %d | %.0f GFLOP/s | %.0f GFLOP/s |" % (
            t, peaks.get(("avx512", t), float("nan")), peaks.get(("avx2", t), float("nan"))))
    print()
    kern = next((r["kernel"] for r in rows if r["impl"] == "thermoai-exact"), "?")
    blas = next((r["kernel"] for r in rows if r["impl"] == "numpy"), "numpy not found")
    tor = next((r["kernel"] for r in rows if r["impl"] == "torch"), "torch not found")
    print("thermoai exact kernel: %s. numpy: %s. PyTorch: %s.\n" % (kern, blas, tor))

    print("## Exact attention: time per call (median), and the share of the FMA peak\n")
    print("FLOP = 4 N^2 d (the two products). numpy: the fastest OpenBLAS core type tried.\n")
    print("| d | threads | N | thermoai AVX-512 | GFLOP/s | of AVX-512 peak | thermoai AVX2 |"
          " numpy (core) | PyTorch | numpy / thermoai | PyTorch / thermoai |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for d, t in combos:
        for n in sizes:
            te = exact_s(n, d, t)
            if te != te:
                continue
            a2 = [num(r, "seconds") for r in pick("thermoai-exact-avx2", n, d, t)]
            tn, core = numpy_best(n, d, t)
            tt = torch_s(n, d, t)
            gf = 4.0 * n * n * d / te / 1e9
            pk = peaks.get(("avx512", t), float("nan"))
            print("| %d | %d | %d | %s | %.0f | %.0f%% | %s | %s (%s) | %s | %s | %s |" % (
                d, t, n, fmt_s(te), gf, 100.0 * gf / pk, fmt_s(a2[0] if a2 else float("nan")),
                fmt_s(tn), core, fmt_s(tt), fmt_x(tn / te), fmt_x(tt / te)))
    print()

    print("## SSA per family, variant and N: accuracy against the exact kernel, and speed\n")
    print("speed-up: the exact kernel's time (same threads) / SSA's; est./bound: the routed"
          " variant's own error estimate and the bound its check compared with the tolerance"
          " (%.2g); exact rows: share computed exactly (checks, outliers, fallback).\n" % TOLERANCE)
    for d, t in combos:
        print("### d = %d, %d thread%s\n" % (d, t, "" if t == 1 else "s"))
        print("| family | variant | N | cosine | rel. error | est. | bound | exact rows |"
              " keys/query | SSA time | vs exact | vs numpy | vs PyTorch |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for fam in FAMILIES:
            for var in VARIANTS:
                for n in sizes:
                    rs = pick("thermoai-ssa", n, d, t, fam, var)
                    if not rs:
                        continue
                    r = rs[0]
                    ts = num(r, "seconds")
                    te = exact_s(n, d, t)
                    tn, _ = numpy_best(n, d, t)
                    tt = torch_s(n, d, t)
                    er = num(r, "exact_rows") / n
                    print("| %s | %s | %d | %.4f | %.4f | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                        fam, var, n, num(r, "cosine"), num(r, "relerr"),
                        "-" if var != "routed" else "%.4f" % num(r, "error_estimate"),
                        "-" if var != "routed" else "%.4f" % num(r, "error_bound"),
                        "-" if var != "routed" else "%.0f%%" % (100 * er),
                        "-" if var != "routed" else "%.0f" % num(r, "routed_keys"),
                        fmt_s(ts), fmt_x(te / ts), fmt_x(tn / ts), fmt_x(tt / ts)))
        print()

    print("## Targets of issue 21 (verdicts by rule from the rows above)\n")
    checks = []
    for d, t in combos:
        for n, need in ((4096, 3.0), (16384, 8.0)):
            for fam in FAMILIES:
                rs = pick("thermoai-ssa", n, d, t, fam, "routed")
                if not rs:
                    continue
                r = rs[0]
                sp = exact_s(n, d, t) / num(r, "seconds")
                if fam in STRUCTURED:
                    ok = num(r, "cosine") >= 0.99 and sp >= need
                    checks.append(("%s (structured), N = %d, d = %d, %d thread(s): cosine %.4f >= 0.99"
                                   " and %.2fx >= %gx the exact kernel" % (
                                       fam, n, d, t, num(r, "cosine"), sp, need), ok))
                ok = num(r, "relerr") <= TOLERANCE
                checks.append(("%s, N = %d, d = %d, %d thread(s): rel. error %.4f <= tolerance %.2g"
                               " (%.0f%% rows exact)" % (fam, n, d, t, num(r, "relerr"), TOLERANCE,
                                                         100 * num(r, "exact_rows") / n), ok))
        for n in sizes:
            te = exact_s(n, d, t)
            tn, core = numpy_best(n, d, t)
            if te == te and tn == tn:
                checks.append(("exact kernel faster than numpy + OpenBLAS (%s), N = %d, d = %d, %d"
                               " thread(s): %.2fx" % (core, n, d, t, tn / te), te < tn))
            pk = peaks.get(("avx512", t), float("nan"))
            if te == te and n >= 4096 and pk == pk:
                gf = 4.0 * n * n * d / te / 1e9
                checks.append(("exact kernel at >= 60%% of the AVX-512 FMA peak, N = %d, d = %d,"
                               " %d thread(s): %.0f%%" % (n, d, t, 100 * gf / pk), gf >= 0.6 * pk))
    passed = sum(1 for _, ok in checks if ok)
    for text, ok in checks:
        print("- %s %s" % ("PASS" if ok else "MISS", text))
    print("\n%d of %d targets met." % (passed, len(checks)))


if __name__ == "__main__":
    main()
