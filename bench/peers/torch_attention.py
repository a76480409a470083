#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Peer baseline for make bench: PyTorch's CPU scaled-dot-product attention (float32).

    torch.nn.functional.scaled_dot_product_attention (PyTorch 2) or, in Debian 12's
    PyTorch 1.13, the same operator under its earlier name
    torch.nn.functional._scaled_dot_product_attention; one head, batch 1, inputs
    made once, no autograd. It reports the operator it ran, PyTorch's version, its
    BLAS and its CPU capability.

usage: torch_attention.py N D THREADS
Prints one CSV row in the format of bench/ssa_bench.c (no header).
"""
import resource
import sys
import time

import torch
import torch.nn.functional as F


def main():
    n, d, threads = (int(a) for a in sys.argv[1:4])
    torch.set_num_threads(threads)
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(1, n, d, generator=g, dtype=torch.float32) for _ in range(3))
    if hasattr(F, "scaled_dot_product_attention"):
        name = "scaled_dot_product_attention"
        op = lambda: F.scaled_dot_product_attention(q, k, v)
    else:
        name = "_scaled_dot_product_attention"
        op = lambda: F._scaled_dot_product_attention(q, k, v, None, 0.0, False, False)[0]
    runs = []
    with torch.inference_mode():
        y = op()
        while len(runs) < 25 and (len(runs) < 3 or sum(runs) < 0.3):
            t0 = time.perf_counter()
            y = op()
            runs.append(time.perf_counter() - t0)
            if runs[0] > 5.0:
                break
    assert tuple(y.shape) == (1, n, d) and torch.isfinite(y).all()
    runs.sort()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024.0
    cfg = torch.__config__.show()
    blas = next((p.split("=")[1] for p in cfg.replace(",", " ").split() if p.startswith("BLAS_INFO=")),
                "?")
    cap = next((line.split(":")[1].strip() for line in cfg.splitlines() if "CPU capability" in line), "?")
    print("torch,exact,random,%d,%d,%d,%.6g,,,,,,,,,,,,%d,%.6g,torch %s %s BLAS %s CPU %s threads %d" % (
        n, d, threads, runs[len(runs) // 2], n * n * 4, rss, torch.__version__, name, blas, cap,
        torch.get_num_threads()))


if __name__ == "__main__":
    main()
