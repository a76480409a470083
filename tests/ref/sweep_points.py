#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reference points for the accuracy sweep (tests/ref/test_sweep.py).

Reads the table tests/ref/sweep_table.h, draws inputs over each row's domain
(log-uniform magnitudes over the whole range unless the row narrows it, the
edges one time in ten), evaluates the row's formula exactly with mpmath (50
digits; again at 100, and at 1200 where the two disagree, so that a
cancellation cannot fool the reference) and writes one line per point:

    function;status;tolerance_ulps;expected;input1;input2;...

expected is the correctly rounded double of the exact result.

status is OK, RANGE (the exact result overflows or is non-zero below DBL_MIN),
DOMAIN (the formula says so) or EDGE (within the tolerance of the range's
edge: either outcome is right). Deterministic for a seed.

    python3 tests/ref/sweep_points.py [--points N] [--seed S] [--only NAME] > points
"""
import argparse
import math
import os
import random
import re
import sys

from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "sweep_table.h")

DBL_MAX = float.fromhex("0x1.fffffffffffffp+1023")
DBL_MIN = float.fromhex("0x1p-1022")
DENORM_MIN = float.fromhex("0x0.0000000000001p-1022")


class Domain(Exception):
    """The formula's answer where the function must return THERMOAI_E_DOMAIN."""


DOMAIN = "DOMAIN"


# ---- the table ------------------------------------------------------------------

def _split_args(text):
    """Splits a macro's argument list at top-level commas (strings and
    parentheses respected; adjacent string literals joined)."""
    args, cur, depth, i = [], [], 0, 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            args.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
        i += 1
    args.append("".join(cur).strip())
    out = []
    for a in args:
        if a.startswith('"'):
            out.append("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', a)))
        else:
            out.append(a)
    return out


STRUCT_ROWS = {"FLUX_1": 9, "NLAW_1": 10, "LLAW_1": 10}


def read_table(path=TABLE):
    """The rows: dicts with name, kind, types, outputs, tol, domains, formula, pre."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    rows = []
    for m in re.finditer(r"\bSWEEP_(\w+?)\s*\(", text):
        kind = m.group(1)
        depth, j = 1, m.end()
        while depth:
            if text[j] == '"':
                j += 1
                while text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
            elif text[j] == "(":
                depth += 1
            elif text[j] == ")":
                depth -= 1
            j += 1
        args = _split_args(text[m.end():j - 1])
        if kind in STRUCT_ROWS:
            name, tol, doms, formula, pre = args
            types = "d" * STRUCT_ROWS[kind]
            outputs = 1
        else:
            nin, nout = (int(v) for v in kind.split("_"))
            name = args[0]
            types = "".join(args[1:1 + nin])
            tol, doms, formula, pre = args[1 + nin:]
            outputs = nout
        domains = [d.strip() for d in doms.split(";")]
        if len(domains) != len(types):
            raise ValueError("%s: %d domains for %d inputs" % (name, len(domains), len(types)))
        rows.append(dict(name=name, kind=kind, types=types, outputs=outputs, tol=tol,
                         domains=domains, formula=formula, pre=pre))
    return rows


# ---- drawing inputs ---------------------------------------------------------------

def _parse_domain(spec):
    m = re.match(r"^(\w+)\s*(?:\[\s*([^,\]]+)\s*,\s*([^\]]+)\s*\])?$", spec)
    if not m:
        raise ValueError("bad domain %r" % spec)
    kind, lo, hi = m.groups()
    return kind, lo, hi


def _logu(rng, lo, hi):
    """A double with log2 |x| uniform over [log2 lo, log2 hi] and a random mantissa."""
    if lo == hi:
        return lo
    l2 = math.log2(lo) if lo > 0 else -1074.0
    h2 = math.log2(hi)
    e = rng.uniform(l2, h2)
    x = math.ldexp(1.0, int(math.floor(e))) * (1.0 + rng.random())
    return min(max(x, lo), hi)


def draw(rng, spec):
    kind, lo, hi = _parse_domain(spec)
    if kind in ("u32", "u64"):
        top = 2 ** 32 - 1 if kind == "u32" else 2 ** 64 - 1
        lo_i = int(lo) if lo else 1
        hi_i = int(hi) if hi else top
        if rng.random() < 0.1:
            return rng.choice([lo_i, hi_i, min(max(2, lo_i), hi_i)])
        return min(max(int(2 ** rng.uniform(math.log2(max(lo_i, 1)), math.log2(hi_i))), lo_i), hi_i)
    if kind == "flag":
        return rng.choice([0.0, 1.0])
    if kind == "unit":
        if rng.random() < 0.1:
            return rng.choice([0.0, 1.0, 0.5])
        return _logu(rng, 2.0 ** -60, 1.0)
    if kind == "open01":
        if rng.random() < 0.1:
            return rng.choice([DENORM_MIN, 0.5, 1.0 - 2.0 ** -53])
        return min(_logu(rng, DENORM_MIN, 1.0), 1.0 - 2.0 ** -53)
    lo_f = float(eval(lo)) if lo else (1.0 if kind == "ge1" else DENORM_MIN)
    hi_f = float(eval(hi)) if hi else DBL_MAX
    if kind == "nonneg" and rng.random() < 0.05:
        return 0.0
    if rng.random() < 0.1:
        edges = [lo_f, hi_f] + [v for v in (1.0, DBL_MIN, DENORM_MIN, DBL_MAX, 2.0) if lo_f <= v <= hi_f]
        x = rng.choice(edges)
    else:
        x = _logu(rng, lo_f, hi_f)
    if kind == "finite" and rng.random() < 0.5:
        x = -x
    return x


# ---- helpers the formulas and tolerances may use --------------------------------------

def flux_pre(x):
    """tau3 >= tau1."""
    x = list(x)
    if x[3] < x[1]:
        x[1], x[3] = x[3], x[1]
    return x


def _phases(x):
    phi0, t1, t2, t3, t4, a, b, cont = (mpf(v) for v in x[:8])
    cont = x[7] != 0
    return phi0, t1, t2, t3, t4, a, b, cont


def flux_rate(x):
    phi0, t1, t2, t3, t4, a, b, cont = _phases(x)
    t = mpf(x[8])
    if t < t1:
        return phi0 if (t == 0 and a == 0) else (0 if t == 0 else phi0 * (t / t1) ** a)
    if t <= t3:
        return phi0 * mp.exp(-(t - (t1 if cont else 0)) / t2)
    if cont:  # phi0 e^{-(t3 - t1)/t2} (t/t3)^-beta
        return phi0 * mp.exp(-(t3 - t1) / t2) * (t / t3) ** (-b)
    return phi0 * (t / t4) ** (-b)


def flux_total(x):
    phi0, t1, t2, t3, t4, a, b, cont = _phases(x)
    tf = mpf(x[8])
    s = phi0 * t1 * (min(tf, t1) / t1) ** (a + 1) / (a + 1)
    if tf > t1:
        o = t1 if cont else 0
        s += phi0 * t2 * (mp.exp(-(t1 - o) / t2) - mp.exp(-(min(tf, t3) - o) / t2))
    if tf > t3:
        amp = mp.exp(-(t3 - t1) / t2) if cont else (t4 / t3) ** b  # (tau4 / tau3)^beta
        L = mp.log(tf / t3)
        s += phi0 * t3 * amp * (L if b == 1 else mp.expm1((1 - b) * L) / (1 - b))
    return s


def _rel(terms, value):
    """sum |term| * cond / |value|: the ulps the rounding of each term's inputs
    (amplified by its condition number) makes in a sum of terms."""
    if value == 0:
        return 0.0
    return float(sum(abs(t) * c for t, c in terms) / abs(value))


def flux_rate_tol(x):
    """4 ulp, plus the rounding of an exponential's argument times its size
    (the condition number of e^x is |x|) or of a power's base times its exponent."""
    phi0, t1, t2, t3, t4, a, b, cont, t = (float(v) for v in x)
    if t < t1:
        return 4.0 + 2.0 * a
    if t <= t3:
        return 4.0 + 2.0 * abs((t - (t1 if cont else 0.0)) / t2)
    if cont:
        return 4.0 + 2.0 * b + 2.0 * abs((t3 - t1) / t2)
    return 4.0 + 2.0 * b


def flux_total_tol(x):
    """The three phases' terms, each with the condition numbers of its own
    exponentials and powers, weighted by the term's share of the total."""
    with mp.workdps(30):
        phi0, t1, t2, t3, t4, a, b, cont = _phases(x)
        tf = mpf(x[8])
        o = t1 if cont else 0
        terms = [(phi0 * t1 * (min(tf, t1) / t1) ** (a + 1) / (a + 1), 4 + 2 * (a + 1))]
        if tf > t1:
            terms.append((phi0 * t2 * (mp.exp(-(t1 - o) / t2) - mp.exp(-(min(tf, t3) - o) / t2)),
                          8 + 2 * abs((t1 - o) / t2)))
        if tf > t3:
            amp = mp.exp(-(t3 - t1) / t2) if cont else (t4 / t3) ** b
            L = mp.log(tf / t3)
            g = (1 - b) * L
            part = phi0 * t3 * amp * (L if b == 1 else mp.expm1(g) / (1 - b))
            amp_cond = 2 * abs((t3 - t1) / t2) if cont else 2 * b
            terms.append((part, 10 + amp_cond + 6 * (1 + abs(g))))
        total = sum(t for t, _ in terms)
        return 4.0 + _rel(terms, total)


def nlaw_tol(x):
    """N_inf - sum (X_c / X)^alpha: each power to 4 ulps plus half an ulp of its
    quotient times alpha, weighted by its share of the result."""
    with mp.workdps(30):
        terms = [(mpf(x[0]), 1)]
        for i in range(3):
            if x[1 + i] > 0:
                terms.append(((mpf(x[1 + i]) / mpf(x[7 + i])) ** mpf(x[4 + i]), 4 + x[4 + i]))
        value = terms[0][0] - sum(t for t, _ in terms[1:])
        return 2.0 + _rel(terms, value)


def llaw_tol(x):
    """L_inf + sum a X^-alpha: all terms positive, no cancellation."""
    with mp.workdps(30):
        terms = [(mpf(x[0]), 1)]
        for i in range(3):
            if x[1 + i] > 0:
                terms.append((mpf(x[1 + i]) * mpf(x[7 + i]) ** -mpf(x[4 + i]), 4 + x[4 + i]))
        value = sum(t for t, _ in terms)
        return 2.0 + _rel(terms, value)


def hb(v):
    """The binary entropy in bits, with 0 log 0 = 0 (rd.h)."""
    v = mpf(v)
    if v <= 0 or v >= 1:
        return mpf(0)
    return -v * mp.log(v, 2) - (1 - v) * mp.log(1 - v, 2)


def flush(v):
    """v, or 0 where |v| is below DBL_MIN: the functions whose documented result
    for a vanishing quantity (a suppressed mode, an underflowed tail) is 0 and not
    a range error."""
    return mpf(0) if abs(v) < mpf(DBL_MIN) else v


def ceil_tol(v, k):
    """The tolerance of ceil(v'), v' the library's v within k ulps: k where ceil
    no longer rounds (v >= 2^52), else 0 unless v is within k ulps of an integer,
    where the result may be either neighbour (one integer apart)."""
    v = mpf(v)
    if abs(v) >= mpf(2) ** 52:
        return k
    near = mp.nint(v)
    if abs(v - near) <= (k + 1) * mpf(2) ** -52 * max(abs(v), 1):
        return k + mpf(2) ** 53 / max(abs(v), 1)
    return 0


def info_bound_tol(x):
    """I0 e^{-x} + C t (1 - e^{-x}) / x, x = kappa t: the rounding of x is
    amplified by |x| in e^{-x}, and by |x (d/dx) ln g| in g(x) = (1 - e^{-x}) / x
    (at most |x|, for x < 0; below 1 for x > 0); each term weighted by its share."""
    with mp.workdps(30):
        i0, kappa, c, t = (mpf(v) for v in x)
        xx = kappa * t
        t1 = i0 * flush(mp.exp(-xx))
        if xx == 0:
            t2, c2 = c * t, 1
        else:
            g = -mp.expm1(-xx) / xx
            t2 = c * t * g
            c2 = abs(xx * mp.exp(-xx) / (-mp.expm1(-xx)) - 1)
        total = t1 + t2
        if total == 0:
            return 4.0
        return 4.0 + float(2 * (t1 * (1 + abs(xx)) + t2 * (2 + c2)) / total)


def near_pow2(v, i):
    """v, or (one draw in four, by the draw's index i) the double just above the
    power of two below it: where log2 rounds down to an integer."""
    if i % 4 != 0 or v < 2:
        return v
    return math.nextafter(math.ldexp(0.5, math.frexp(v)[1]), math.inf)


def ceil_log2(v):
    """ceil(log2 v) of v >= 1, exactly: from the binary exponent (v = m 2^e,
    m in [1/2, 1): e, or e - 1 when v is a power of two)."""
    m, e = mp.frexp(mpf(v))
    return e - 1 if m == mpf(0.5) else e


NAMES = {name: getattr(mp, name) for name in ("exp", "expm1", "log", "log1p", "sqrt", "pi", "floor", "ceil")}
NAMES.update(log2=lambda v: mp.log(v, 2), flux_rate=flux_rate, flux_total=flux_total, DOMAIN=DOMAIN,
             min=min, max=max, abs=abs, sum=sum, range=range, hb=hb, flush=flush, ceil=mp.ceil, ceil_log2=ceil_log2)
TOL_NAMES = dict(abs=abs, max=max, min=min, log=mp.log, log2=lambda v: mp.log(v, 2), flux_rate_tol=flux_rate_tol,
                 flux_total_tol=flux_total_tol, nlaw_tol=nlaw_tol, llaw_tol=llaw_tol, range=range, sum=sum,
                 hb=hb, ceil_tol=ceil_tol, info_bound_tol=info_bound_tol, exp=mp.exp, sqrt=mp.sqrt)


def tolerance(row, x):
    """The row's tolerance at x, evaluated on exact inputs (no overflow in the
    expression), capped at 1e9 ulps."""
    with mp.workdps(30):
        env = dict(TOL_NAMES, x=[float(v) for v in x])
        for i, v in enumerate(x):
            env["abcdefghijkl"[i]] = mpf(v)
        tol = mpf(eval(row["tol"], env))
    return float(min(tol, mpf(1e9)))


def exact(row, x, dps):
    with mp.workdps(dps):
        env = dict(NAMES, K=mpf("1.380649e-23") * mp.log(2), LN2=mp.log(2))
        env["x"] = [mpf(v) for v in x]
        for i, v in enumerate(env["x"]):
            env["abcdefghijkl"[i]] = v
        v = eval(row["formula"], env)
        return v if v is DOMAIN else mpf(v)


def reference(row, x):
    """The exact result, at 50 digits, checked at 100 and redone at 1200 if
    they disagree (terms that cancel across the exponent range)."""
    v50 = exact(row, x, 50)
    if v50 is DOMAIN:
        return v50
    v100 = exact(row, x, 100)
    if v100 == v50 or (v100 != 0 and abs(v100 - v50) <= abs(v100) * mpf(10) ** -45):
        return v100
    return exact(row, x, 1200)


def status_of(v, tol):
    if v is DOMAIN:
        return "DOMAIN", "nan"
    if v == 0:
        return "OK", "0"
    a = abs(v)
    margin = mpf(1) + mpf(tol + 2) * mpf(2) ** -52
    top = mpf(2) ** 1024 * (1 - mpf(2) ** -54)  # rounds to infinity from here on
    if a >= top * margin or a < mpf(DBL_MIN) / margin:
        return "RANGE", "nan"
    # the correctly rounded double (mpmath rounds to nearest, ties to even), so
    # that the driver's ulp distance is from the correctly rounded result
    if a >= top / margin or a < mpf(DBL_MIN) * margin:
        return "EDGE", repr(float(v))
    return "OK", repr(float(v))


def fmt(v, t):
    return str(int(v)) if t != "d" else repr(float(v))


def points(rows, n, seed, only=None):
    out = []
    for row in rows:
        if only and row["name"] != only:
            continue
        rng = random.Random("%s:%d" % (row["name"], seed))
        for i in range(n):
            x = [draw(rng, d) for d in row["domains"]]
            if row["pre"]:
                x = eval(row["pre"], {"sorted": sorted, "flux_pre": flux_pre, "near_pow2": near_pow2},
                         {"x": x, "i": i})
            x = [int(v) if t != "d" else float(v) for v, t in zip(x, row["types"])]
            tol = tolerance(row, x)
            status, expected = status_of(reference(row, x), tol)
            out.append("%s;%s;%.3f;%s;%s" % (row["name"], status, tol, expected,
                                             ";".join(fmt(v, t) for v, t in zip(x, row["types"]))))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only")
    args = ap.parse_args()
    sys.stdout.write("# sweep points (tests/ref/sweep_points.py, seed %d)\n" % args.seed)
    sys.stdout.write("\n".join(points(read_table(), args.points, args.seed, args.only)) + "\n")


if __name__ == "__main__":
    main()
