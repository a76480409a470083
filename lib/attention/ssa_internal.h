/* SPDX-License-Identifier: MIT */
/* The SSA plan's layout (ssa.c), shared with ssa_spectrum.c. */
#ifndef THERMOAI_SSA_INTERNAL_H
#define THERMOAI_SSA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "attn_kernels.h"
#include "common/internal.h"
#include "kmeans.h"

/* Per-thread scratch. */
struct thermoai__ssa_thread {
    float *scores;      /* ATTN_SCRATCH_FLOATS */
    uint32_t *sample_r; /* s: ranks drawn among the non-members, then their tokens */
    uint64_t *bitmap;   /* (n + 63) / 64: ranks drawn so far (Floyd) */
    uint32_t *outside;  /* n: the tokens outside the current cluster, ascending */
    /* centroid variant: statistics of the key clusters outside this query cluster */
    double *excl_k;     /* kk * d */
    double *excl_v;     /* kk * d */
    uint32_t *excl_n;   /* kk */
    float *cen_keys;    /* d * ATTN_KWIDTH(kk), packed */
    float *cen_vals;    /* kk * d */
    float *cen_bias;    /* ATTN_KWIDTH(kk) */
};

struct thermoai_ssa {
    size_t n, d, k, s, m, kk;
    unsigned iterations;
    uint32_t variant, flags;
    uint64_t seed;
    int threads;
    thermoai_allocator alloc;
    void *arena;
    size_t arena_bytes;
    struct attn_kernels kern;
    int executed;
    thermoai_ssa_stats stats;
    thermoai_clock_fn clock; /* phase timing, NULL: none (thermoai_ssa_set_clock) */
    void *clock_user;

    float *phi_packed;  /* d * ATTN_KWIDTH(m): the JL matrix as keys */
    float *qproj;       /* n * m */
    float *kproj;       /* n * m (centroid variant) */
    struct kmeans_buffers km;
    uint32_t *assign;   /* n: query cluster of each token */
    uint32_t *kassign;  /* n: key cluster (centroid variant) */
    uint32_t *order;    /* n: tokens sorted by cluster, ascending within a cluster */
    size_t *offset;     /* k + 1 */
    size_t *seg_offset; /* k + 1: packed key segment of each cluster, in floats */
    float *segments;    /* d * (n + ATTN_KPAD * k) */
    float *vsorted;     /* n * d: values in cluster order */
    double *tot_k;      /* kk * d: key sums per key cluster */
    double *tot_v;      /* kk * d */
    uint32_t *tot_n;    /* kk */
    uint32_t *owner;    /* k: the thread that attends each cluster */
    struct thermoai__ssa_thread *tb;
};

/* The tokens outside query cluster c, ascending, into b->outside. */
THERMOAI_INTERNAL void thermoai__ssa_outside(const thermoai_ssa *p, struct thermoai__ssa_thread *b,
                                             size_t c);

/*
 * Draws the sampled keys of query `token`: min(s, M) distinct tokens, M =
 * allowed - members_allowed, uniformly from the first M entries of b->outside
 * (all of them when M <= s), into b->sample_r; returns how many. *weight is
 * M / drawn (1 when nothing is drawn). Deterministic per (seed, token).
 */
THERMOAI_INTERNAL size_t thermoai__ssa_draw_samples(const thermoai_ssa *p,
                                                    struct thermoai__ssa_thread *b, uint32_t token,
                                                    size_t members_allowed, size_t allowed,
                                                    double *weight);

#endif
