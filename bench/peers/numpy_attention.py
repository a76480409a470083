#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Peer baseline for make bench: exact softmax attention in numpy (float32).

    softmax(Q K^T / sqrt(d)) V with the matrix products in the BLAS numpy is
    linked to (OpenBLAS on Debian when libopenblas0 is installed) and the
    softmax as in-place numpy operations: what a CPU user would otherwise run.

usage: numpy_attention.py N D THREADS
Threads are set by the caller through OPENBLAS_NUM_THREADS / OMP_NUM_THREADS
before Python starts (numpy's element-wise operations use one thread).
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


def attention(q, k, v, scale):
    s = q @ k.T
    s *= scale
    s -= s.max(axis=1, keepdims=True)
    np.exp(s, out=s)
    s /= s.sum(axis=1, keepdims=True)
    return s @ v


def main():
    n, d, threads = (int(a) for a in sys.argv[1:4])
    rng = np.random.default_rng(0)
    q = rng.standard_normal((n, d), dtype=np.float32)
    k = rng.standard_normal((n, d), dtype=np.float32)
    v = rng.standard_normal((n, d), dtype=np.float32)
    scale = np.float32(1.0 / np.sqrt(d))
    runs = []
    while len(runs) < 25 and (len(runs) < 3 or sum(runs) < 0.3):
        t0 = time.perf_counter()
        y = attention(q, k, v, scale)
        runs.append(time.perf_counter() - t0)
        if runs[0] > 5.0:
            break
    assert y.shape == (n, d) and np.isfinite(y).all()
    runs.sort()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024.0
    print("numpy-openblas,exact,random,%d,%d,%d,%.6g,,,,,,,,%d,%.6g,%s" % (
        n, d, threads, runs[len(runs) // 2], n * n * 4, rss, blas_description()))


if __name__ == "__main__":
    main()
