#!/usr/bin/env python3
"""Writes the seed corpus of tests/fuzz/fuzz_api.c into tests/fuzz/corpus/.

Per family (the first byte, 0-7): inputs from Python's Mersenne Twister with a
fixed seed (stable across Python versions), of lengths 1-300 bytes, plus a few
hand-made ones (valid preset names, edge doubles for the scalar rows). Files
found by `make fuzz` that crashed, once fixed, are added by hand as
corpus/regress-*. Regenerate: python3 tests/fuzz/make_corpus.py
"""
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")
PER_FAMILY = 40
EDGES = [0.0, -0.0, 1.0, -1.0, 1e-310, 2.2250738585072014e-308, 1.7976931348623157e308,
         float("inf"), float("-inf"), float("nan"), 300.0, 0.5]


def main():
    rng = random.Random(20261202)
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.startswith("seed-"):
            os.remove(os.path.join(OUT, name))
    for fam in range(8):
        for i in range(PER_FAMILY):
            n = rng.randint(1, 300)
            body = bytes(rng.getrandbits(8) for _ in range(n))
            if fam == 0 and i % 2 == 0:  # scalar rows with edge values
                body = bytes([rng.getrandbits(8), rng.getrandbits(8)]) + b"".join(
                    struct.pack(">d", rng.choice(EDGES)) for _ in range(12))
            with open(os.path.join(OUT, "seed-%d-%02d" % (fam, i)), "wb") as f:
                f.write(bytes([fam]) + body)
    for i, name in enumerate(["llama-2-7b", "H100-SXM", "hoffmann2022", "ideal", "", "x" * 47]):
        with open(os.path.join(OUT, "seed-7-name%d" % i), "wb") as f:
            f.write(bytes([7]) + name.encode())


if __name__ == "__main__":
    main()
