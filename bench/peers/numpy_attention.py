#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Peer baseline for make bench: exact softmax attention in numpy (float32).

    softmax(Q K^T / sqrt(d)) V as a careful numpy user writes it: rows in chunks
    (so that the chunk's scores stay in cache instead of an N x N matrix), every
    buffer allocated once and reused (matmul(out=...), in-place softmax), the two
    products in the BLAS numpy is linked to. On Debian that is whatever
    libblas.so.3 points to; bench/run.sh installs libopenblas0-pthread so that it is
    OpenBLAS, which picks its kernel for this CPU (OPENBLAS_CORETYPE unset). The
    script reports the library mapped into the process and OpenBLAS's own
    configuration and core, so that a reference-BLAS run shows as one.

usage: numpy_attention.py N D THREADS [CHUNK]
Threads are set by the caller (OPENBLAS_NUM_THREADS / OMP_NUM_THREADS) before
Python starts; numpy's element-wise operations use one thread. CHUNK: rows per
chunk (default: the fastest of 256, 1024 and N, tried in this run).
Prints one CSV row in the format of bench/ssa_bench.c (no header).
"""
import ctypes
import resource
import sys
import time

import numpy as np


def blas_description():
    """The BLAS library mapped into this process, and OpenBLAS's own report."""
    libs = set()
    with open("/proc/self/maps", encoding="utf-8") as f:
        for line in f:
            path = line.split()[-1]
            if "blas" in path.lower() or "lapack" in path.lower():
                libs.add(path)
    info = ""
    for path in sorted(libs):
        if "openblas" in path:
            try:
                lib = ctypes.CDLL(path)
                lib.openblas_get_config.restype = ctypes.c_char_p
                lib.openblas_get_corename.restype = ctypes.c_char_p
                info = "%s core %s threads %d" % (
                    lib.openblas_get_config().decode(), lib.openblas_get_corename().decode(),
                    lib.openblas_get_num_threads())
            except (OSError, AttributeError):
                pass
    name = ";".join(p.rsplit("/", 1)[-1] for p in sorted(libs)) or "unknown"
    return (name + (" (" + info + ")" if info else "")).replace(",", " ")


class Attention:
    """Exact attention with buffers made once: scores for `chunk` rows, row maxima, sums."""

    def __init__(self, n, d, chunk):
        self.chunk = min(chunk, n)
        self.s = np.empty((self.chunk, n), dtype=np.float32)
        self.m = np.empty((self.chunk, 1), dtype=np.float32)
        self.scale = np.float32(1.0 / np.sqrt(d))

    def __call__(self, q, k, v, y):
        n = q.shape[0]
        kt = k.T
        for i in range(0, n, self.chunk):
            rows = min(self.chunk, n - i)
            s, m = self.s[:rows], self.m[:rows]
            np.matmul(q[i:i + rows], kt, out=s)
            s *= self.scale
            np.max(s, axis=1, keepdims=True, out=m)
            s -= m
            np.exp(s, out=s)
            np.sum(s, axis=1, keepdims=True, out=m)
            np.matmul(s, v, out=y[i:i + rows])
            y[i:i + rows] /= m
        return y


def timed(fn, *args):
    runs = []
    while len(runs) < 25 and (len(runs) < 3 or sum(runs) < 0.3):
        t0 = time.perf_counter()
        fn(*args)
        runs.append(time.perf_counter() - t0)
        if runs[0] > 5.0:
            break
    runs.sort()
    return runs[len(runs) // 2]


def main():
    n, d, threads = (int(a) for a in sys.argv[1:4])
    rng = np.random.default_rng(0)
    q = rng.standard_normal((n, d), dtype=np.float32)
    k = rng.standard_normal((n, d), dtype=np.float32)
    v = rng.standard_normal((n, d), dtype=np.float32)
    y = np.empty((n, d), dtype=np.float32)
    chunks = [int(sys.argv[4])] if len(sys.argv) > 4 else sorted({256, 1024, n})
    best, best_chunk = float("inf"), 0
    for c in chunks:
        att = Attention(n, d, c)
        t = timed(att, q, k, v, y)
        if t < best:
            best, best_chunk = t, min(c, n)
    assert np.isfinite(y).all()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024.0
    print("numpy,exact,random,%d,%d,%d,%.6g,,,,,,,,,,,,%d,%.6g,numpy %s chunk %d %s" % (
        n, d, threads, best, best_chunk * n * 4, rss, np.__version__, best_chunk,
        blas_description()))


if __name__ == "__main__":
    main()
