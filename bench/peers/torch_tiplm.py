#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Peer for make bench-tiplm: examples/tiplm's transformer in PyTorch (CPU, float32).

The same architecture as examples/tiplm/tiplm.h: byte embedding + learned
positions, pre-norm RMSNorm (eps 1e-5), causal multi-head attention without
biases, SwiGLU FFN, untied output head; AdamW (betas 0.9/0.95, weight decay 0.1
on the matrices), gradient clipping at 1, batches of random windows of the text.
Timed like the C program: CPU time of the process (time.process_time) over the
training steps after one warm-up step, and over one pass of evaluation forwards
(inference_mode) on the first validation windows.

usage: torch_tiplm.py TEXT SIZE STEPS BATCH THREADS [WINDOWS]
Prints one CSV row: peer,size,params,ctx,batch,steps,train_tok_s,eval_tok_s,info
"""
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {  # vocab, ctx, dim, layers, heads, ffn (tiplm_config_preset)
    "tiny": (256, 8, 16, 2, 2, 24),
    "small": (256, 64, 64, 4, 4, 192),
    "base": (256, 128, 128, 4, 4, 320),
    "wide": (256, 128, 160, 4, 5, 384),
}


class RMSNorm(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.g = nn.Parameter(torch.ones(d))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5) * self.g


class Block(nn.Module):
    def __init__(self, d, h, f):
        super().__init__()
        self.h = h
        self.n1, self.n2 = RMSNorm(d), RMSNorm(d)
        self.wq, self.wk, self.wv, self.wo = (nn.Linear(d, d, bias=False) for _ in range(4))
        self.w1, self.w3 = nn.Linear(d, f, bias=False), nn.Linear(d, f, bias=False)
        self.w2 = nn.Linear(f, d, bias=False)

    def forward(self, x, mask):
        b, t, d = x.shape
        hd = d // self.h
        a = self.n1(x)
        q, k, v = (w(a).view(b, t, self.h, hd).transpose(1, 2) for w in (self.wq, self.wk, self.wv))
        s = (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(hd))
        p = torch.softmax(s.masked_fill(mask, float("-inf")), dim=-1)
        o = (p @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.wo(o)
        a = self.n2(x)
        return x + self.w2(F.silu(self.w1(a)) * self.w3(a))


class TipLM(nn.Module):
    def __init__(self, vocab, ctx, d, layers, heads, ffn):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.randn(ctx, d) * 0.02)
        self.blocks = nn.ModuleList(Block(d, heads, ffn) for _ in range(layers))
        self.nf = RMSNorm(d)
        self.head = nn.Linear(d, vocab, bias=False)
        for p in self.parameters():
            if p.dim() == 2:
                nn.init.normal_(p, 0.0, 0.02)
        self.register_buffer("mask", torch.triu(torch.ones(ctx, ctx, dtype=torch.bool), 1))

    def forward(self, idx, targets):
        x = self.tok(idx) + self.pos[: idx.shape[1]]
        for blk in self.blocks:
            x = blk(x, self.mask)
        logits = self.head(self.nf(x))
        return F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))


def main():
    text_path, size, steps, batch, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(
        sys.argv[4]), int(sys.argv[5])
    windows = int(sys.argv[6]) if len(sys.argv) > 6 else 256
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    vocab, ctx, d, layers, heads, ffn = PRESETS[size]
    data = torch.frombuffer(bytearray(open(text_path, "rb").read()), dtype=torch.uint8).long()
    # the split of tiplm_data_from_bytes: 4096-byte blocks, every 20th is validation
    blocks = data.split(4096)
    train = torch.cat([blk for i, blk in enumerate(blocks) if i % 20 != 19])
    val = torch.cat([blk for i, blk in enumerate(blocks) if i % 20 == 19])
    model = TipLM(vocab, ctx, d, layers, heads, ffn)
    nparams = sum(p.numel() for p in model.parameters())
    decay = [p for n, p in model.named_parameters() if p.dim() == 2 and n not in ("tok.weight", "pos")]
    other = [p for n, p in model.named_parameters() if not (p.dim() == 2 and n not in ("tok.weight", "pos"))]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1},
                             {"params": other, "weight_decay": 0.0}],
                            lr=3e-3, betas=(0.9, 0.95), eps=1e-8)
    g = torch.Generator().manual_seed(1)

    def step():
        starts = torch.randint(0, train.numel() - ctx - 1, (batch,), generator=g)
        win = torch.stack([train[s:s + ctx + 1] for s in starts.tolist()])
        loss = model(win[:, :-1], win[:, 1:])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        return loss.item()

    step()  # warm-up
    c0, w0 = time.process_time(), time.perf_counter()
    for _ in range(steps):
        loss = step()
    train_cpu, train_wall = time.process_time() - c0, time.perf_counter() - w0
    nwin = min(windows, (val.numel() - 1) // ctx)
    with torch.inference_mode():
        c0 = time.process_time()
        tot = 0.0
        for i in range(0, nwin, 16):
            ws = [val[j * ctx:j * ctx + ctx + 1] for j in range(i, min(nwin, i + 16))]
            win = torch.stack(ws)
            tot += model(win[:, :-1], win[:, 1:]).item() * len(ws)
        eval_cpu = time.process_time() - c0
    assert math.isfinite(loss) and math.isfinite(tot)
    # Debian's torch calls libblas.so.3: OpenBLAS with libopenblas0-pthread, else the reference BLAS
    with open("/proc/self/maps") as f:
        libs = sorted({ln.split()[-1] for ln in f if "blas" in ln and ".so" in ln})
    blas = "openblas" if any("openblas" in x for x in libs) else ("reference" if libs else "?")
    print("torch,%s,%d,%d,%d,%d,%.1f,%.1f,torch %s BLAS %s threads %d train wall %.1f tok/s last loss %.3f" % (
        size, nparams, ctx, batch, steps, steps * batch * ctx / train_cpu, nwin * ctx / eval_cpu,
        torch.__version__, blas, torch.get_num_threads(), steps * batch * ctx / train_wall, loss))


if __name__ == "__main__":
    main()
