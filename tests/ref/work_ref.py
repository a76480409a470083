#!/usr/bin/env python3
"""FLOP and byte counts of small shapes, by hand, in exact rational arithmetic.

Writes work.csv (stdout). Each row:
  work,<case>,<phase>,flop,matmul_flop,attention_flop,weight_bytes,kv_read_bytes,
       kv_write_bytes,activation_bytes,kv_cache_bytes,tokens,experts_touched

The counting rules (include/thermoai/work.h and doc/cost-model.md), written out
again here layer by layer, independently of lib/cost/work.c:
  FLOPs    2 per matmul weight per token (projections, FFN or the k + s experts and
           the router, output head per logit token); attention 2 h (d_k + d_v) per
           key (MLA decode: 2 h (2 r_kv + r)); token i of a causal prompt sees c + i
           keys, at most the window.
  weights  every weight touched once per forward pass (MoE: router, shared experts,
           and the expected distinct routed experts N (1 - ((N - k)/N)^B) for the
           B tokens of the step), norms, biases, output head, embedding rows.
  KV       cached values read once (a window caps them), new entries written once.
  act      7d + 2 h d_k + 2 h d_v + c_kv (attention) + 7d + 2 g w (+ N router logits)
           per token per layer, 3d per token, d + V per logit token.
Training: FLOPs only, 3 (4 with recomputation) forward passes per token.

Regenerate: python3 tests/ref/work_ref.py > tests/ref/work.csv
"""
import sys
from fractions import Fraction as Q

from mpmath import mp, mpf, nstr

mp.dps = 40


def arch(**kw):
    a = dict(L=2, d=64, h=4, kv=4, dk=16, dv=0, dff=256, V=100, gated=True, bias=False,
             qkvb=False, lnb=False, norms=2, pos=False, N=0, k=0, s=0, fd=0, e=0, W=0,
             alt=False, rq=0, rkv=0, r=0, bits=16)
    a.update(kw)
    if a["dv"] == 0:
        a["dv"] = a["dk"]
    return a


def count(a, phase, B=1, c=0, T=1, full=False, all_logits=False, recompute=False,
          wbits=0, kbits=0, abits=0):
    d, h, kv, dk, dv = a["d"], a["h"], a["kv"], a["dk"], a["dv"]
    g = 3 if a["gated"] else 2
    nu = 2 if a["lnb"] else 1
    if phase == "training":
        N, D = c, T
        B, c, T = 1, 0, N
    else:
        D = None
    if phase == "decode":
        T = 1
    tok = B * T
    if a["rkv"] == 0:
        amm = d * h * dk + d * kv * (dk + dv) + h * dv * d
        aex = (h * dk + kv * (dk + dv) if (a["bias"] or a["qkvb"]) else 0) + (d if a["bias"] else 0)
        kvdim = kv * (dk + dv)
        pk = 2 * h * (dk + dv)
    else:
        rq, rkv, r = a["rq"], a["rkv"], a["r"]
        amm = (d * rq + rq * h * dk if rq else d * h * dk) + d * (rkv + r) + rkv * h * (dk - r + dv) \
            + h * dv * d
        aex = nu * rq + nu * rkv
        kvdim = rkv + r
        pk = 2 * h * (2 * rkv + r) if phase == "decode" else 2 * h * (dk + dv)
    aex += a["norms"] * nu * d
    fmm = fw = fpar = 0
    if a["dff"]:
        fmm = g * d * a["dff"]
        fpar = fmm + (((g - 1) * a["dff"] + d) if a["bias"] else 0)
    dist = Q(0)
    if a["N"]:
        n, k, s, e = a["N"], a["k"], a["s"], a["e"]
        dist = n * (1 - Q(n - k, n) ** tok)
        epar = g * d * e + (((g - 1) * e + d) if a["bias"] else 0)
        mmm = d * n + (k + s) * g * d * e
        mread = d * n + (n if a["bias"] else 0) + (s + dist) * epar
    F_mm = F_at = Wt = KR = KW = KC = ACT = Q(0)
    for layer in range(a["L"]):
        moe = a["N"] and layer >= a["fd"]
        win = a["W"] if a["W"] and (not a["alt"] or layer % 2 == 0) else 0
        keys = 0
        for i in range(1, T + 1):
            n_i = c + T if full else c + i
            keys += min(n_i, win) if win else n_i
        F_at += B * keys * pk
        F_mm += 2 * tok * (amm + (mmm if moe else fmm))
        Wt += amm + aex + (mread if moe else fpar)
        span = c + T
        KR += B * (min(span, win + T - 1) if win else span) * kvdim
        KW += tok * kvdim
        KC += B * (min(span, win) if win else span) * kvdim
        width = (a["k"] + a["s"]) * a["e"] if moe else a["dff"]
        ACT += tok * (7 * d + 2 * h * dk + 2 * h * dv + kvdim + 7 * d + 2 * g * width
                      + (a["N"] if moe else 0))
    lm = d * a["V"]
    logit = tok if (phase == "training" or (phase == "prefill" and all_logits)) else B
    F_mm += 2 * lm * logit
    Wt += nu * d + lm + tok * d * (2 if a["pos"] else 1)
    ACT += tok * 3 * d + logit * (d + a["V"])
    wb = Q(wbits or a["bits"], 8)
    kb = Q(kbits or a["bits"], 8)
    ab = Q(abits or a["bits"], 8)
    if phase == "training":
        sc = Q(4 if recompute else 3) * D / T
        return [F_mm * sc + F_at * sc, F_mm * sc, F_at * sc, 0, 0, 0, 0, 0, D, 0]
    return [F_mm + F_at, F_mm, F_at, Wt * wb, KR * kb, KW * kb, ACT * ab, KC * kb, tok,
            dist if a["N"] else 0]


DENSE = arch()
GQA = arch(kv=2)
MOE = arch(dff=0, N=4, k=2, s=1, e=32)
MOE1 = arch(dff=256, N=4, k=2, s=1, e=32, fd=1)
WIN = arch(W=8, alt=True)
MLA = arch(dk=16, dv=8, rq=10, rkv=12, r=4, gated=False)
BIAS = arch(bias=True, lnb=True, gated=False, pos=True)

CASES = [
    ("dense", DENSE, "decode", dict(B=2, c=10)),
    ("dense-int8-kv4", DENSE, "decode", dict(B=2, c=10, wbits=8, kbits=4)),
    ("gqa", GQA, "decode", dict(B=3, c=100)),
    ("moe", MOE, "decode", dict(B=4, c=20)),
    ("moe-b1", MOE, "decode", dict(B=1, c=20)),
    ("moe-first-dense", MOE1, "decode", dict(B=4, c=20)),
    ("window", WIN, "decode", dict(B=2, c=20)),
    ("window-short", WIN, "decode", dict(B=2, c=3)),
    ("mla", MLA, "decode", dict(B=2, c=30)),
    ("bias", BIAS, "decode", dict(B=1, c=5)),
    ("dense", DENSE, "prefill", dict(B=2, c=3, T=5)),
    ("dense-full", DENSE, "prefill", dict(B=2, c=3, T=5, full=True)),
    ("dense-logits", DENSE, "prefill", dict(B=2, c=0, T=5, all_logits=True)),
    ("gqa", GQA, "prefill", dict(B=1, c=0, T=64)),
    ("moe", MOE, "prefill", dict(B=2, c=0, T=3)),
    ("window", WIN, "prefill", dict(B=1, c=4, T=12)),
    ("mla", MLA, "prefill", dict(B=1, c=0, T=16)),
    ("dense", DENSE, "training", dict(c=16, T=1000)),
    ("dense-recompute", DENSE, "training", dict(c=16, T=1000, recompute=True)),
    ("dense-full", DENSE, "training", dict(c=16, T=1000, full=True)),
    ("moe", MOE, "training", dict(c=8, T=800)),
]


def main():
    out = sys.stdout
    out.write("# generated by tests/ref/work_ref.py (exact rationals)\n")
    for name, a, phase, kw in CASES:
        vals = count(a, phase, **kw)
        out.write("work,%s,%s,%s\n" % (name, phase, ",".join(
            nstr(mpf(Q(v).numerator) / Q(v).denominator, 25) if v != 0 else "0" for v in vals)))


if __name__ == "__main__":
    main()
