#!/usr/bin/env python3
"""Reference values for the learning energy bounds of paper 002 Sec. 3
(lib/bounds/learning.c, include/thermoai/learning.h), computed with mpmath at
50 digits from the printed formulas, by a route other than the library's:

  pac_bayes      the printed square root of (KL + log(2 sqrt(n)/delta)) / (2(n-1))
  awgn           findroot of the capacity equation eta = log2(1 + Eb eta / N0) for
                 Eb (the library: the closed form (2^eta - 1)/eta with expm1/exp2)
  accuracy       Eq. (2) with log2(1/(eps - E_inf)) (the library: -log2 of the excess,
                 mantissas and exponents apart)
  condition      Eq. (3), k_B T p kappa ln(E0/x)
  landauer       KL(Q||P) + H(Q) - H(P), the three terms as printed (the library:
                 the collapsed form -sum (q - p) log2 p)
  attn_*         Theorem 3.10 items 1-3 and Corollary 3.11
  channel        Theorem 3.14, N0 ln2 R / (1 - R/C)
  training_*     Theorem 3.17, Eq. (9)
  inference_*    Theorem 3.18, Eq. (10)

Writes learning.csv (stdout), one case per line:
    function;status;tol;expected;arg1;arg2;...
status is the library's status for the inputs (OK, or a status name with
expected 0); tol is relative. Arrays are passed as n, q[0..n-1], p[0..n-1].
tests/bounds/test_learning.c reads every row.

Regenerate: python3 tests/ref/learning_ref.py > tests/ref/learning.csv
"""
import random

from mpmath import mp, mpf, sqrt, log, findroot, nstr

mp.dps = 50
KB = mpf("1.380649e-23")
K = KB * log(2)
TOL = "1e-14"


def x(v):
    return mpf(float(v))


def fmt(v):
    return "0" if v == 0 else nstr(v, 30, min_fixed=1, max_fixed=0)


out = []


def row(fn, value, args, tol=TOL, status="OK"):
    out.append(";".join([fn, status, tol, fmt(value)] + [repr(float(a)) for a in args]))


rng = random.Random(20261202)

# ---- PAC-Bayes (Theorem 3.15) ----
for emp, kl, n, dl, lam, e in [(0.05, 10.0, 1e4, 0.05, 0.0, 0.0), (0.1, 0.0, 2.0, 0.5, 1e-3, 1e3),
                               (0.0, 1e6, 1e9, 1e-6, 1e-12, 4.7e12), (1.0, 3.5, 100.0, 0.01, 2.0, 0.0)]:
    v = x(emp) + sqrt((x(kl) + log(2 * sqrt(x(n)) / x(dl))) / (2 * (x(n) - 1))) + x(lam) * x(e) / x(n)
    row("pac_bayes", v, [emp, kl, n, dl, lam, e])
for _ in range(20):
    a = [rng.random(), rng.uniform(0, 1e3), 10 ** rng.uniform(0.4, 12), 10 ** rng.uniform(-9, -0.01),
         10 ** rng.uniform(-15, 0), 10 ** rng.uniform(0, 13)]
    v = x(a[0]) + sqrt((x(a[1]) + log(2 * sqrt(x(a[2])) / x(a[3]))) / (2 * (x(a[2]) - 1))) + x(a[4]) * x(a[5]) / x(a[2])
    row("pac_bayes", v, a)

# ---- AWGN energy per bit: solve the capacity equation for Eb ----
for n0, eta in [(4.14e-21, 0.5), (1.0, 1.0), (1.0, 2.0), (1.0, 6.0), (2.5e-20, 1e-3), (1.0, 30.0),
                (1e-300, 900.0), (1.0, 0.999)]:
    n0m, em = x(n0), x(eta)
    u = findroot(lambda b: log(1 + b * em, 2) - em, (mpf(0.5), 2 ** em / em), solver="illinois")  # Eb / N0
    row("awgn", n0m * u, [n0, eta], "1e-13")
row("awgn", x(3e-21) * log(2), [3e-21, 0.0])

# ---- Theorem 3.3 ----
for a in [(1e6, 0.01, 2.8e12, 300.0), (0.0, 0.5, 1.0, 300.0), (1e3, 1.0, 0.0, 77.0), (5.0, 1e-300, 0.0, 1e-3)]:
    row("accuracy", K * x(a[3]) * (x(a[0]) * log(1 / x(a[1]), 2) + x(a[2])), a)
for a in [(1.75e11, 100.0, 1.0, 0.01, 300.0), (1.0, 1.0, 1.5, 1.0, 300.0), (1e9, 1e4, 3.0, 2.999, 300.0)]:
    row("condition", KB * x(a[4]) * x(a[0]) * x(a[1]) * log(x(a[2]) / x(a[3])), a)

# ---- Theorem 3.6: KL(Q||P) + H(Q) - H(P), three terms ----
def th36(q, p):
    q = [x(v) for v in q]
    p = [x(v) for v in p]
    sq, sp = sum(q), sum(p)
    q = [v / sq for v in q]
    p = [v / sp for v in p]
    kl = sum(a * log(a / b, 2) for a, b in zip(q, p) if a > 0)
    hq = -sum(a * log(a, 2) for a in q if a > 0)
    hp = -sum(b * log(b, 2) for b in p if b > 0)
    return kl + hq - hp


cases = [([0.25] * 4, [0.25] * 4), ([1.0, 0.0, 0.0, 0.0], [0.25] * 4), ([0.7, 0.2, 0.1], [0.5, 0.3, 0.2]),
         ([1.0, 0.0, 0.0], [0.5, 0.3, 0.2]), ([0.0, 0.0, 1.0], [0.5, 0.3, 0.2]), ([0.1, 0.9], [0.9, 0.1])]
for _ in range(8):
    n = rng.randint(2, 12)
    q = [rng.random() ** 3 for _ in range(n)]
    p = [rng.random() + 1e-3 for _ in range(n)]
    q = [v / sum(q) for v in q]
    p = [v / sum(p) for v in p]
    cases.append((q, p))
for q, p in cases:
    v = th36(q, p)
    tol = TOL if abs(v) > 1e-3 else "1e-11"
    row("landauer_bits", v, [len(q)] + q + p, tol)
    row("landauer_j", K * 300 * v, [len(q)] + q + p + [300.0], tol)

# ---- Theorem 3.10, Corollary 3.11 ----
for a in [(2048.0, 12288.0, 300.0), (1.0, 64.0, 300.0), (131072.0, 8192.0, 350.0)]:
    row("attn_info", K * x(a[2]) * x(a[0]) * x(a[1]) * log(x(a[0]), 2), a)
for a in [(2048.0, 12288.0, 1e-12), (32768.0, 128.0, 3.7e-13)]:
    row("attn_flop", x(a[2]) * 2 * x(a[0]) ** 2 * x(a[1]), a)
for a in [(2048.0, 12288.0, 1e5, 1e-11), (32768.0, 128.0, 2.5e7, 6e-12)]:
    row("attn_io", x(a[3]) * x(a[0]) ** 2 * x(a[1]) / x(a[2]), a)
for a in [(2048.0, 12288.0, 0.1, 300.0), (1e6, 1.0, 1e-9, 300.0), (4096.0, 64.0, 0.999, 300.0)]:
    row("attn_approx", K * x(a[3]) * x(a[0]) * x(a[1]) * log(1 / x(a[2]), 2), a)

# ---- Theorem 3.14 as printed ----
for a in [(4.14e-21, 0.5, 1.0), (1.0, 0.0, 2.0), (1.0, 0.999999, 1.0), (3e-21, 10.0, 1e3)]:
    row("channel", x(a[0]) * log(2) / (1 - x(a[1]) / x(a[2])) * x(a[1]), a)

# ---- Theorems 3.17 and 3.18 ----
for a in [(300e9, 16.0, 175e9, 16.0, 1e11), (0.0, 0.0, 0.0, 0.0, 5.0), (1e3, 2.5, 7e9, 4.0, 0.0)]:
    bits = x(a[0]) * x(a[1]) + x(a[2]) * x(a[3]) + x(a[4])
    row("training_bits", bits, a)
    row("training_j", K * 300 * bits, list(a) + [300.0])
for a in [(1000.0, 3.0, 175e9), (1.0, 0.0, 1.0), (1e6, 11.2, 7e10)]:
    bits = x(a[0]) * (x(a[1]) + log(x(a[2]), 2))
    row("inference_bits", bits, a)
    row("inference_j", K * 300 * bits, list(a) + [300.0])

print("# learning.csv: generated by tests/ref/learning_ref.py; do not edit")
print("\n".join(out))
