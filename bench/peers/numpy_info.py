#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Peer baseline for make bench: Blahut-Arimoto and the information bottleneck in numpy.

The same problems as bench/info_bench.c (built from the same formulas), the same
iterations and the same stopping rules, written as a careful numpy user writes them:
vectorised over the whole matrix, the kernel matrix computed once per slope,
float64 throughout.

  Blahut-Arimoto: A = 2^(s (d - d_min(x))), c = A q, lam = A^T (p / c), q <- q lam;
  stop when log2 max lam - sum q lam log2 lam <= tol (Blahut's certified gap);
  warm start along the curve with every q lifted by 1e-9/n.
  IB: p(z) = p(x) p(z|x), p(y|z) = p(x,y)^T p(z|x) / p(z), p(z|x) = softmax(ln p(z) +
  beta sum_y p(y|x) ln p(y|z)); stop when neither I(X;Z) nor I(Z;Y) moves by more
  than tol.

usage: numpy_info.py [REPEATS]      prints CSV rows: impl,problem,n,points,iterations,seconds
"""
import os
import sys
import time

import numpy as np

SLOPES = 50
TOL = float(os.environ.get("RD_TOL", "1e-4"))


def rd_problem(n):
    p = 1.0 + (np.arange(n) % 7)
    p /= p.sum()
    i = np.arange(n)[:, None]
    j = np.arange(n)[None, :]
    d = np.where(i == j, 0.0, 1.0 + ((7 * i + 3 * j) % 5) / 5.0)
    return p, d


def ba_point(p, d, dmin, q, s, tol, max_iter=100000):
    a = np.exp2(s * (d - dmin[:, None]))
    it = 0
    while it < max_iter:
        c = a @ q
        lam = a.T @ (p / c)
        it += 1
        m = lam.max()
        gap = np.log2(m) - float(q @ (lam * np.log2(lam)))
        q = q * lam
        q /= q.sum()
        if gap <= tol:
            break
    c = a @ q
    ch = a * q[None, :] / c[:, None]
    dist = float(p @ (ch * d).sum(axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(ch > 0, ch * np.log2(ch / q[None, :]), 0.0)
    rate = float(p @ t.sum(axis=1))
    return q, it, dist, rate


def rd_bench(n, repeats):
    p, d = rd_problem(n)
    dmin = d.min(axis=1)
    slopes = [-10.0 ** (0.3 + 1.2 * k / (SLOPES - 1.0)) for k in range(SLOPES)]
    best = 1e300
    for _ in range(repeats):
        q = np.full(n, 1.0 / n)
        iters = 0
        t0 = time.perf_counter()
        for k, s in enumerate(slopes):
            if k:
                q = (q + 1e-9 / n) / (1.0 + 1e-9)
            q, it, dist, rate = ba_point(p, d, dmin, q, s, TOL)
            iters += it
        best = min(best, time.perf_counter() - t0)
    print("numpy,rd,%d,%d,%d,%.6e" % (n, SLOPES, iters, best))
    sys.stderr.write("# numpy rd %d: R(D) at the last slope %.6f bits at D = %.3g\n" % (n, rate, dist))


def ib_problem(n):
    x = np.arange(n)[:, None]
    y = np.arange(n)[None, :]
    j = 1.0 + ((3 * x + 5 * y) % 11) + np.where(np.abs(x - y) < 3, 10.0, 0.0)
    j /= j.sum()
    z = np.arange(n)[None, :]
    e = 1.0 + ((x + 2 * z) % 5)
    e /= e.sum(axis=1, keepdims=True)
    return j, e


def informations(px, pygx, enc, py):
    pz = px @ enc
    pxz = px[:, None] * enc
    with np.errstate(divide="ignore", invalid="ignore"):
        ixz = np.nansum(np.where(pxz > 0, pxz * np.log2(enc / pz[None, :]), 0.0))
        pzy = enc.T @ (px[:, None] * pygx)
        izy = np.nansum(np.where(pzy > 0, pzy * np.log2(pzy / (pz[:, None] * py[None, :])), 0.0))
    return ixz, izy, pz, pzy


def ib_point(joint, enc, beta, tol, max_iter=100000):
    px = joint.sum(axis=1)
    py = joint.sum(axis=0)
    pygx = joint / px[:, None]
    ixz, izy, pz, pzy = informations(px, pygx, enc, py)
    it = 0
    while it < max_iter:
        with np.errstate(divide="ignore"):
            lpyz = np.log(pzy / pz[:, None])
            logits = np.log(pz)[None, :] + beta * (pygx @ np.where(np.isfinite(lpyz), lpyz, -1e300).T)
        logits -= logits.max(axis=1, keepdims=True)
        enc = np.exp(logits)
        enc /= enc.sum(axis=1, keepdims=True)
        it += 1
        nixz, nizy, pz, pzy = informations(px, pygx, enc, py)
        done = abs(nixz - ixz) <= tol and abs(nizy - izy) <= tol
        ixz, izy = nixz, nizy
        if done:
            break
    return it, ixz, izy


def ib_bench(n, repeats):
    joint, enc = ib_problem(n)
    best = 1e300
    for _ in range(repeats):
        t0 = time.perf_counter()
        it, ixz, izy = ib_point(joint, enc.copy(), 20.0, 1e-10)
        best = min(best, time.perf_counter() - t0)
    print("numpy,ib,%d,1,%d,%.6e" % (n, it, best))
    sys.stderr.write("# numpy ib %d: I(X;Z) = %.6f, I(Z;Y) = %.6f bits\n" % (n, ixz, izy))


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rd_bench(64, repeats)
    rd_bench(512, repeats)
    ib_bench(64, repeats)
    ib_bench(256, repeats)


if __name__ == "__main__":
    main()
