#!/usr/bin/env python3
"""Reference values for paper 002's dynamics, geometry and spectral bounds
(lib/bounds/dynamics.c, geometry.c, perturbation.c, graph.c, rademacher.c,
softmax.c), each computed with mpmath by a method other than the library's.

Writes paper002.csv (stdout), one case per line:
    function;status;tol;expected;arg1;arg2;...
status is OK (the library's status for the inputs); tol is a relative tolerance,
or an absolute one when it starts with "a". Arguments are the exact doubles the
C test passes (repr), matrices row-major. tests/bounds/test_paper002_ref.c reads
every row.

Methods, where they differ from the library's:
  w2_full          Denman-Beavers iteration (mpmath.sqrtm) for both matrix roots,
                   tr(S1 + S2 - 2 (S2^1/2 S1 S2^1/2)^1/2) (the library: Jacobi
                   eigendecomposition, roots of S1 and of S1^1/2 S2 S1^1/2)
  ou_rate          Theorem 6.1's integral of |J|^2/(rho D) over theta by mpmath.quad
                   (the library: the closed Gaussian moment formula)
  ou_sigma         the time integral of that rate by mpmath.quad (the library: the
                   closed form with expm1/log1p), and KL(rho_0||pi) - KL(rho_tau||pi)
                   checked to agree
  lr_energy_aware  mpmath.quad of 1/E(t) for E(t) = e0 (2 + cos(w t)), in 400 pieces
  info_bound       mpmath.odefun on dI/dt = -kappa I + C (the library: Gronwall's
                   closed form)
  fisher           E_P[d_a log P  d_b log P] with the scores by mpmath.diff (the
                   library: the covariance formula of Proposition 5.1)
  heat_filter      mpmath.expm(-tau L Lap) f (Pade; the library: Jacobi eigenpairs)
  measure_*        mpmath.eigsy and the principal angles from U^T U~ (the library:
                   Jacobi)
  bernstein_dev    mpmath.findroot of tail(t) = delta (the library: the quadratic root)
  jl_gaussian      the least integer m with N(N-1) e^{-m(eps^2/2 - eps^3/3)/2} <= delta,
                   by search (the library: the closed form and ceil)
  nystrom_error    K - C W^-1 C^T with mpmath.inverse (the library: eigen pseudo-inverse)
  resistance       exact rationals: L^+ = (L + J/n)^-1 - J/n by Fraction Gaussian
                   elimination (the library: Jacobi)
  laplacian        mpmath.eigsy of I - D^-1/2 W D^-1/2
  conductance      direct enumeration of subsets with Fractions
  free_energy_min  log-sum-exp in mpmath; free_energy with the given P
  singular         mpmath.svd_r of W = exp(Q K^T / sqrt d)

Regenerate: python3 tests/ref/paper002_ref.py > tests/ref/paper002.csv
"""
import itertools
import random
from fractions import Fraction

from mpmath import mp, mpf, matrix, sqrt, log, exp, quad, inf, cos, nstr, odefun, diff
from mpmath import sqrtm, expm, eigsy, inverse, findroot, svd_r, ceil, linspace

mp.dps = 40
EXACT, LIBM, DENSE, OU, QUAD = "1e-15", "4e-15", "1e-12", "1e-13", "1e-10"


def x(v):
    """The exact value of the double the C test passes."""
    return mpf(float(v))


def fmt(v):
    return "0" if v == 0 else nstr(v, 30, min_fixed=1, max_fixed=0)


def row(fn, value, args, tol=EXACT):
    return "%s;OK;%s;%s;%s" % (fn, tol, fmt(value), ";".join(repr(float(a)) for a in args))


def rnd(rng, lo, hi):
    """A short double in [lo, hi)."""
    return float("%.6g" % rng.uniform(lo, hi))


def spd(rng, n, scale=1.0):
    """A symmetric positive definite n x n matrix with short entries (as floats)."""
    a = [[rnd(rng, -1, 1) for _ in range(n)] for _ in range(n)]
    m = [[sum(a[i][k] * a[j][k] for k in range(n)) * scale for j in range(n)] for i in range(n)]
    for i in range(n):
        m[i][i] += 0.1 * scale
    return [[float("%.6g" % m[i][j]) if i <= j else None for j in range(n)] for i in range(n)]


def symmetric(upper):
    n = len(upper)
    return [[upper[min(i, j)][max(i, j)] for j in range(n)] for i in range(n)]


def flat(m):
    return [v for r in m for v in r]


out = []

# ---- dynamics ----------------------------------------------------------------------
for eta, b, s2 in [(0.1, 32, 4.0), (3e-4, 1024, 0.25), (1e-2, 1, 1e-3), (0.5, 7, 0.0)]:
    out.append(row("temperature", x(eta) * x(s2) / (2 * x(b)), [eta, b, s2]))

rng = random.Random(2024)
for n in (1, 3, 6):
    m1 = [rnd(rng, -2, 2) for _ in range(n)]
    m2 = [rnd(rng, -2, 2) for _ in range(n)]
    v1 = [rnd(rng, 0, 3) for _ in range(n)]
    v2 = [rnd(rng, 0, 3) for _ in range(n)]
    w2 = sum((x(a) - x(b)) ** 2 for a, b in zip(m1, m2)) + sum((sqrt(x(a)) - sqrt(x(b))) ** 2 for a, b in zip(v1, v2))
    out.append(row("w2_diag", w2, [n] + m1 + v1 + m2 + v2, LIBM))

for n, seed in ((1, 1), (2, 2), (3, 3), (5, 4), (8, 5)):
    r = random.Random(seed)
    s1 = symmetric(spd(r, n))
    s2 = symmetric(spd(r, n, 2.0))
    m1 = [rnd(r, -1, 1) for _ in range(n)]
    m2 = [rnd(r, -1, 1) for _ in range(n)]
    S1 = matrix([[x(v) for v in rr] for rr in s1])
    S2 = matrix([[x(v) for v in rr] for rr in s2])
    r2 = sqrtm(S2)
    inner = sqrtm(r2 * S1 * r2)
    tr = sum(S1[i, i] + S2[i, i] - 2 * inner[i, i] for i in range(n))
    w2 = sum((x(a) - x(b)) ** 2 for a, b in zip(m1, m2)) + tr
    out.append(row("w2_full", mp.re(w2), [n] + m1 + flat(s1) + m2 + flat(s2), DENSE))
# the same Gaussian twice: exactly 0 up to rounding of the roots
r = random.Random(9)
s1 = symmetric(spd(r, 4))
out.append(row("w2_full", 0, [4] + [0.5] * 4 + flat(s1) + [0.5] * 4 + flat(s1), "a1e-12"))


def ou_case(k, mu0, s0, T, t):
    """Theorem 6.1's rate by quadrature over theta: int |J|^2 / (rho D)."""
    total = mpf(0)
    for ki, mi, si in zip(k, mu0, s0):
        ki, mi, si = x(ki), x(mi), x(si)
        a = T / ki
        s = a + (si - a) * exp(-2 * ki * t)
        m = mi * exp(-ki * t)

        def integrand(th, s=s, m=m, ki=ki):
            rho = exp(-(th - m) ** 2 / (2 * s)) / sqrt(2 * mp.pi * s)
            v = T * (th - m) / s - ki * th  # J / rho = -T d log rho - dL
            return rho * v * v / T
        total += quad(integrand, [-inf, m - 10 * sqrt(s), m, m + 10 * sqrt(s), inf])
    return total


def ou_rate_closed(k, mu0, s0, T, t):
    total = mpf(0)
    for ki, mi, si in zip(k, mu0, s0):
        ki, mi, si = x(ki), x(mi), x(si)
        a = T / ki
        b = si - a
        s = a + b * exp(-2 * ki * t)
        total += ki * ki / T * (b * b * exp(-4 * ki * t) / s + mi * mi * exp(-2 * ki * t))
    return total


def kl(s, mu, a):
    return (s / a - 1 - log(s / a)) / 2 + mu * mu / (2 * a)


ou_cases = [
    ([1.0], [0.5], [0.2], 0.3, [0.0, 0.1, 1.0, 4.0]),
    ([2.5, 0.4, 7.0], [1.0, -0.3, 0.05], [0.01, 2.0, 0.5], 0.05, [0.01, 0.5, 3.0]),
    ([0.1, 10.0], [-2.0, 0.0], [1e-4, 1e-3], 1.5, [0.2, 2.0]),
]
for k, mu0, s0, T, times in ou_cases:
    n = len(k)
    Tm = x(T)
    for t in times:
        args = [n] + k + mu0 + s0 + [T, t]
        rate = ou_case(k, mu0, s0, Tm, x(t))
        assert abs(rate - ou_rate_closed(k, mu0, s0, Tm, x(t))) <= mpf(10) ** -25 * (1 + abs(rate))
        out.append(row("ou_rate", rate, args, OU))
        if t == 0:
            continue
        sigma = quad(lambda tt: ou_rate_closed(k, mu0, s0, Tm, tt), [0, x(t)])
        ds = mpf(0)
        dl = mpf(0)
        kls = mpf(0)
        for ki, mi, si in zip(k, mu0, s0):
            ki, mi, si = x(ki), x(mi), x(si)
            a = Tm / ki
            st = a + (si - a) * exp(-2 * ki * x(t))
            mt = mi * exp(-ki * x(t))
            ds += log(st / si) / 2
            dl += ki * (mt * mt + st - mi * mi - si) / 2
            kls += kl(si, mi, a) - kl(st, mt, a)
        assert abs(sigma - kls) <= mpf(10) ** -25 * (1 + sigma)
        out.append(row("ou_sigma", sigma, args, OU))
        out.append(row("ou_ds", ds, args, OU))
        out.append(row("ou_dl", dl, args, OU))

for eta0, t, tau, kappa in [(0.1, 0.0, 10.0, 1.0), (0.1, 5.0, 10.0, 100.0), (3e-4, 250.0, 40.0, 1e4)]:
    e = exp(-x(t) / x(tau))
    out.append(row("lr_schedule", x(eta0) * e / sqrt(1 + x(kappa) * e * e), [eta0, t, tau, kappa], LIBM))
for kappa, ej, pw in [(1.0, 3.6e9, 1e6), (100.0, 1e4, 300.0)]:
    out.append(row("lr_tau_opt", sqrt(x(kappa) * x(ej) / x(pw)), [kappa, ej, pw], LIBM))
for eta0, lam, e0, w, t in [(0.1, 2.0, 5.0, 0.7, 10.0), (1e-3, 0.5, 1e3, 3.0, 100.0)]:
    # in 400 pieces: one tanh-sinh rule over tens of periods is off in the 6th digit
    fn = lambda tt, e0=e0, w=w: 1 / (x(e0) * (2 + cos(x(w) * tt)))
    integral = quad(fn, linspace(0, x(t), 401))
    assert abs(integral - quad(fn, linspace(0, x(t), 201))) <= mpf(10) ** -30
    out.append(row("lr_energy_aware", x(eta0) / (1 + x(lam) * integral), [eta0, lam, e0, w, t], QUAD))
profile = [3.0, 1.5, 8.0, 2.25, 0.5]
for i in range(len(profile)):
    s = sum(1 / x(v) for v in profile[:i])
    out.append(row("lr_profile", x(0.05) / (1 + x(0.75) * s), [0.05, 0.75, i, len(profile)] + profile, LIBM))
for w2, T, tau in [(2.0, 0.1, 5.0), (1e-6, 3e-3, 1e4)]:
    out.append(row("transport_entropy", x(w2) / (x(T) * x(tau)), [w2, T, tau]))
    out.append(row("transport_energy", x(w2) / (2 * x(T) * x(tau)), [w2, T, tau]))
    out.append(row("speed_energy", x(w2) / (2 * x(T)), [w2, T]))
for dl, T, ds, w in [(-1.0, 0.1, 2.0, 0.5), (0.25, 0.2, 0.8, 0.0)]:
    out.append(row("second_law_slack", -x(T) * x(ds) + x(w) - x(dl), [dl, T, ds, w], "a1e-15"))
    out.append(row("min_dissipation", x(T) * x(ds) + (x(1.5) - x(1.5 + dl)), [T, ds, 1.5, 1.5 + dl], "a1e-15"))

# ---- geometry ----------------------------------------------------------------------


def fisher_entry(q, keys, d, a, b):
    n = len(keys) // d
    qv = [x(v) for v in q]

    def logp(j, qq):
        s = [sum(qq[c] * x(keys[i * d + c]) for c in range(d)) / sqrt(d) for i in range(n)]
        mx = max(s)
        return s[j] - mx - log(sum(exp(v - mx) for v in s))

    def score(j, c):
        def f(h):
            qq = list(qv)
            qq[c] = qq[c] + h
            return logp(j, qq)
        return diff(f, 0)
    total = mpf(0)
    for j in range(n):
        total += exp(logp(j, qv)) * score(j, a) * score(j, b)
    return total


rng = random.Random(77)
for n, d in ((1, 2), (4, 2), (6, 3)):
    q = [rnd(rng, -2, 2) for _ in range(d)]
    keys = [rnd(rng, -1.5, 1.5) for _ in range(n * d)]
    for a in range(d):
        for b in range(a, d):
            out.append(row("fisher", fisher_entry(q, keys, d, a, b), [n, d, a, b] + q + keys, "a1e-13"))

for lam, tau, lay in [(0.0, 1.0, 4.0), (0.3, 0.5, 12.0), (1.9, 2.0, 96.0)]:
    out.append(row("heat_factor", exp(-x(lam) * x(tau) * x(lay)), [lam, tau, lay], LIBM))
for tau, lay, thr in [(0.5, 12.0, 1e-3), (1.0, 1.0, 0.5)]:
    out.append(row("heat_cutoff", -log(x(thr)) / (x(tau) * x(lay)), [tau, lay, thr], LIBM))

rng = random.Random(5)
n = 5
wg = [[0.0] * n for _ in range(n)]
for i in range(n):
    for j in range(i + 1, n):
        wg[i][j] = wg[j][i] = rnd(rng, 0.1, 2.0)
deg = [sum(x(v) for v in r) for r in wg]
lap = [[float((1 if i == j else 0) - x(wg[i][j]) / sqrt(deg[i] * deg[j])) for j in range(n)] for i in range(n)]
for i in range(n):  # exactly symmetric doubles
    for j in range(i):
        lap[i][j] = lap[j][i]
f = [rnd(rng, -1, 1) for _ in range(n)]
for tau, lay in ((0.25, 2.0), (1.0, 6.0)):
    E = expm(-x(tau) * x(lay) * matrix([[x(v) for v in r] for r in lap]))
    y = E * matrix([x(v) for v in f])
    for i in range(n):
        out.append(row("heat_filter", y[i], [n, i, tau, lay] + flat(lap) + f, "a1e-13"))

for i0, kappa, c, t in [(10.0, 0.5, 1.0, 3.0), (5.0, 0.0, 2.0, 4.0), (1.0, -0.2, 0.5, 2.0), (8.0, 1e-9, 3.0, 0.5)]:
    sol = odefun(lambda tt, y, kappa=kappa, c=c: -x(kappa) * y + x(c), 0, x(i0))
    out.append(row("info_bound", sol(x(t)), [i0, kappa, c, t], "1e-13"))
for k, nn, d, ef, em in [(64.0, 4096.0, 128.0, 1e-12, 2e-11), (0.0, 10.0, 1.0, 1.0, 1.0)]:
    out.append(row("spectral_energy", x(k) * x(nn) * x(ef) + x(k) * x(d) * x(em), [k, nn, d, ef, em], LIBM))

# ---- perturbation ------------------------------------------------------------------
for op, fr, k, gap in [(0.1, 0.15, 2, 0.5), (0.3, 0.2, 4, 0.05)]:
    out.append(row("sin_theta_bound", 2 * min(sqrt(k) * x(op), x(fr)) / x(gap), [op, fr, k, gap], LIBM))
    out.append(row("davis_kahan", x(fr) / x(gap), [fr, gap]))


def eig_sorted(m):
    e, v = eigsy(m)
    idx = sorted(range(len(e)), key=lambda i: e[i])
    return [e[i] for i in idx], [[v[r, i] for i in idx] for r in range(len(e))]


rng = random.Random(31)
for n, k, scale in ((4, 1, 0.05), (5, 2, 0.2), (6, 3, 0.5)):
    a = [[None] * n for _ in range(n)]
    e = [[None] * n for _ in range(n)]
    for i in range(n):
        for j in range(i, n):
            a[i][j] = rnd(rng, -1, 1) + (2.0 * i if i == j else 0.0)
            e[i][j] = rnd(rng, -scale, scale)
    A = symmetric(a)
    Et = symmetric(e)
    At = [[float(x(A[i][j]) + x(Et[i][j])) for j in range(n)] for i in range(n)]
    MA = matrix([[x(v) for v in r] for r in A])
    MT = matrix([[x(v) for v in r] for r in At])
    wa, va = eig_sorted(MA)
    wt, vt = eig_sorted(MT)
    ov = sum(sum(va[r][p] * vt[r][q] for r in range(n)) ** 2 for p in range(k) for q in range(k))
    E = MT - MA
    we, _ = eigsy(E)
    args = [n, k] + flat(A) + flat(At)
    out.append(row("measure_sin", sqrt(max(k - ov, 0)), args, "a1e-12"))
    out.append(row("measure_gap", wa[k] - wa[k - 1], args, "a1e-13"))
    out.append(row("measure_nf", sqrt(sum(E[i, j] ** 2 for i in range(n) for j in range(n))), args, "1e-14"))
    out.append(row("measure_nop", max(abs(v) for v in we), args, "a1e-14"))

for d1, d2, s2, rr, t in [(10, 10, 1.0, 0.5, 3.0), (100, 1, 0.01, 2.0, 1.0)]:
    out.append(row("bernstein_tail", (d1 + d2) * exp(-(x(t) ** 2 / 2) / (x(s2) + x(rr) * x(t) / 3)), [d1, d2, s2, rr, t], LIBM))
for d1, d2, s2, rr, dl in [(10, 10, 1.0, 0.5, 0.01), (64, 64, 0.25, 0.0, 1e-6)]:
    tail = lambda t, d1=d1, d2=d2, s2=s2, rr=rr: log(d1 + d2) - (t ** 2 / 2) / (x(s2) + x(rr) * t / 3) - log(x(dl))
    out.append(row("bernstein_dev", findroot(tail, 5), [d1, d2, s2, rr, dl], "1e-14"))
for nn, eps, dl in [(1000.0, 0.1, 0.01), (2.0, 0.5, 0.5), (1e6, 0.25, 1e-3)]:
    rate = x(eps) ** 2 / 2 - x(eps) ** 3 / 3
    m = int(ceil(2 * log(x(nn) * (x(nn) - 1) / x(dl)) / rate)) - 3
    while x(nn) * (x(nn) - 1) * exp(-m * rate / 2) > x(dl):
        m += 1
    out.append(row("jl_gaussian", m, [nn, eps, dl]))
    out.append(row("jl_printed", ceil(x(3.0) * log(x(nn)) / x(eps) ** 2), [nn, eps, 3.0]))

rng = random.Random(8)
n = 6
kmat = symmetric(spd(rng, n))
for cols in ([0], [1, 4], [0, 2, 5], [5, 1, 3, 2]):
    K = matrix([[x(v) for v in r] for r in kmat])
    s = len(cols)
    W = matrix([[K[i, j] for j in cols] for i in cols])
    C = matrix([[K[i, j] for j in cols] for i in range(n)])
    R = K - C * inverse(W) * C.T
    err = sum(R[i, j] ** 2 for i in range(n) for j in range(n))
    out.append(row("nystrom_error", err, [n, s] + cols + flat(kmat), "1e-10"))
ev = [5.0, 3.0, 1.0, 0.5, 0.25]
for s in (1, 3, 5):
    out.append(row("nystrom_bound", (1 + x(len(ev)) / s) * sum(x(v) ** 2 for v in ev[s:]), [len(ev), s] + ev))
for c, gap, ec, dim, dl, s in [(1.0, 0.5, 0.1, 64.0, 0.05, 100.0)]:
    out.append(row("ssa_bound", x(c) / x(gap) * (x(ec) + sqrt(log(x(dim) / x(dl)) / x(s))), [c, gap, ec, dim, dl, s], LIBM))
for c, wm, k, nn, dl, s in [(1.0, 2.0, 64.0, 4096.0, 0.01, 64.0)]:
    out.append(row("ssa_sampling", x(c) * x(wm) * x(k) * sqrt(log(x(nn) / x(dl)) / x(s)), [c, wm, k, nn, dl, s], LIBM))
for nn in (16.0, 4096.0, 1e6):
    m = x(nn) ** mpf(1.5)
    out.append(row("tradeoff_error", sqrt(x(nn) ** 2 * log(x(nn)) / mpf(float(m))), [1.0, nn, float(m)], LIBM))
    out.append(row("tradeoff_edges", x(2.0) ** 2 * x(nn) ** 2 * log(x(nn)) / x(0.1) ** 2, [2.0, nn, 0.1], LIBM))

# ---- graph -------------------------------------------------------------------------


def frac_pinv_resistance(w):
    n = len(w)
    L = [[Fraction(0)] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j:
                L[i][j] = -Fraction(w[i][j])
                L[i][i] += Fraction(w[i][j])
    M = [[L[i][j] + Fraction(1, n) for j in range(n)] for i in range(n)]
    inv = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
    for c in range(n):  # Gauss-Jordan on M | I
        p = next(r for r in range(c, n) if M[r][c] != 0)
        M[c], M[p] = M[p], M[c]
        inv[c], inv[p] = inv[p], inv[c]
        pv = M[c][c]
        M[c] = [v / pv for v in M[c]]
        inv[c] = [v / pv for v in inv[c]]
        for r in range(n):
            if r != c and M[r][c] != 0:
                fct = M[r][c]
                M[r] = [a - fct * b for a, b in zip(M[r], M[c])]
                inv[r] = [a - fct * b for a, b in zip(inv[r], inv[c])]
    P = [[inv[i][j] - Fraction(1, n) for j in range(n)] for i in range(n)]
    return [[P[i][i] + P[j][j] - 2 * P[i][j] for j in range(n)] for i in range(n)]


def frac_conductance(w, paper):
    n = len(w)
    deg = [sum(Fraction(v) for v in r) for r in w]
    tot = sum(deg)
    best = None
    for r in range(1, n):
        for S in itertools.combinations(range(n), r):
            S = set(S)
            if paper and 2 * len(S) > n:
                continue
            cut = sum(Fraction(w[i][j]) for i in S for j in range(n) if j not in S)
            vol = sum(deg[i] for i in S)
            v = cut / vol if paper else cut / min(vol, tot - vol)
            best = v if best is None or v < best else best
    return best


graphs = []
rng = random.Random(12)
n = 6
g = [[0.0] * n for _ in range(n)]
for i in range(n):
    for j in range(i + 1, n):
        if rng.random() < 0.7 or j == i + 1:
            g[i][j] = g[j][i] = float(rng.randint(1, 9)) / 4
graphs.append(g)
graphs.append([[0, 100, 1, 0], [100, 0, 0, 1], [1, 0, 0, 1], [0, 1, 1, 0]])  # Cheeger counterexample
path = [[0.0] * 5 for _ in range(5)]
for i in range(4):
    path[i][i + 1] = path[i + 1][i] = 1.0
graphs.append(path)
for g in graphs:
    n = len(g)
    fl = [float(v) for v in flat(g)]
    R = frac_pinv_resistance(g)
    for i in range(n):
        for j in range(i + 1, n):
            out.append(row("resistance", mpf(R[i][j].numerator) / R[i][j].denominator, [n, i, j] + fl, "1e-12"))
    deg = [sum(x(v) for v in r) for r in g]
    Ls = matrix([[(1 if i == j else 0) - x(g[i][j]) / sqrt(deg[i] * deg[j]) for j in range(n)] for i in range(n)])
    lam, _ = eig_sorted(Ls)
    for i in range(n):
        out.append(row("laplacian", max(lam[i], 0), [n, i] + fl, "a1e-13"))
    for paper in (0, 1):
        c = frac_conductance(g, paper)
        out.append(row("conductance", mpf(c.numerator) / c.denominator, [n, paper] + fl, "1e-13"))
for lam in (0.0, 0.5, 1.9):
    out.append(row("cheeger_lo", x(lam) / 2, [lam]))
    out.append(row("cheeger_hi", sqrt(2 * x(lam)), [lam], LIBM))
for nn, eps, c in [(1024.0, 0.1, 1.0), (4096.0, 0.5, 0.25)]:
    out.append(row("sparsifier_min", x(c) * x(nn) / x(eps) ** 2, [nn, eps, c]))

# ---- rademacher --------------------------------------------------------------------
for er, rc, dl, m in [(0.1, 0.05, 0.05, 1e4), (0.0, 0.0, 0.5, 1.0)]:
    out.append(row("rademacher", x(er) + 2 * x(rc) + 3 * sqrt(log(2 / x(dl)) / (2 * x(m))), [er, rc, dl, m], LIBM))
out.append(row("rademacher_sparse", x(0.0156) * x(0.3), [0.0156, 0.3]))

# ---- softmax -----------------------------------------------------------------------
rng = random.Random(41)
for n, d in ((1, 1), (5, 4), (9, 2)):
    q = [rnd(rng, -2, 2) for _ in range(d)]
    keys = [rnd(rng, -2, 2) for _ in range(n * d)]
    s = [sum(x(q[c]) * x(keys[j * d + c]) for c in range(d)) / sqrt(d) for j in range(n)]
    mx = max(s)
    lse = mx + log(sum(exp(v - mx) for v in s))
    out.append(row("free_energy_min", -sqrt(d) * lse, [n, d] + q + keys, "1e-14"))
    p = [rnd(rng, 0, 1) for _ in range(n)]
    tot = sum(p)
    p = [v / tot for v in p]
    pe = [x(v) for v in p]
    fe = -sum(pe[j] * s[j] * sqrt(d) for j in range(n)) + sqrt(d) * sum(v * log(v) for v in pe if v > 0)
    out.append(row("free_energy", fe, [n, d] + q + keys + p, "a1e-14"))
    out.append(row("max_weight", max(exp(v - lse) for v in s), [n, d] + q + keys, "1e-14"))
    out.append(row("max_threshold", log(x(n)) / n, [n, d] + q + keys, LIBM))
for n, d, seed in ((3, 1, 0), (6, 3, 1)):
    r = random.Random(100 + seed)
    if seed == 0:
        qs = [0.0, 1.0, 2.0]
        ks = [0.0, 1.0, 2.0]  # Lemma 8.2's counterexample: rank 3 from a 1-d span
    else:
        qs = [rnd(r, -1, 1) for _ in range(n * d)]
        ks = [rnd(r, -1, 1) for _ in range(n * d)]
    W = matrix([[exp(sum(x(qs[i * d + c]) * x(ks[j * d + c]) for c in range(d)) / sqrt(d)) for j in range(n)] for i in range(n)])
    sv = sorted(svd_r(W, compute_uv=False), reverse=True)
    for i in range(n):
        out.append(row("singular", sv[i] / sv[0], [n, d, i] + qs + ks, "a1e-10"))
for sig in ([1.0], [1.0, 1.0, 1.0, 1.0], [3.0, 1.0, 0.5, 0.0]):
    tot = sum(x(v) for v in sig)
    h = -sum((x(v) / tot) * log(x(v) / tot) for v in sig if v > 0)
    out.append(row("erank", exp(h), [len(sig)] + sig, LIBM))

print("# generated by tests/ref/paper002_ref.py (mpmath, 40 digits)")
print("# function;status;tol;expected;args...")
for line in out:
    print(line)
