/* SPDX-License-Identifier: MIT */
/* The SSA plan's layout (ssa.c), shared with ssa_spectrum.c. */
#ifndef THERMOAI_SSA_INTERNAL_H
#define THERMOAI_SSA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "attn_kernels.h"
#include "common/internal.h"
#include "kmeans.h"

/* Clusters of the routed variant whose centroids score the keys together. */
#define ROUTED_BATCH 16

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
    /* routed variant */
    float *rscore;      /* ROUTED_BATCH * ATTN_KWIDTH(n): centroid scores of every key (log2 units) */
    float *rspread;     /* ROUTED_BATCH * ATTN_KWIDTH(n): the selection scores (with the spread) */
    uint32_t *sel;      /* budget: the keys routed to the cluster, ascending */
    float *skeys;       /* d * ATTN_KWIDTH(budget): those keys packed */
    float *svals;       /* budget * d: their values */
    float *gk, *gv;     /* groups * d: key and value sums of the routed keys of each group */
    uint32_t *touched;  /* groups: the groups holding routed keys */
    uint32_t *inliers;  /* n: the members of a cluster that are approximated */
    double *mom;        /* 2 d: sums of a cluster's queries and of their squares */
    double *gz;         /* groups: each group's unrouted mass at the centroid */
    uint32_t *gn;       /* groups */
    float *pkeys;       /* d * ATTN_KWIDTH(groups): the group summaries packed */
    float *pvals;       /* groups * d */
    float *pbias;       /* ATTN_KWIDTH(groups) */
    float *cen, *var;   /* ROUTED_BATCH * d each: mean queries and variances per dimension */
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

    /* routed variant (lib/attention/ssa_routed.c) */
    size_t groups;      /* G: key groups */
    size_t checks;      /* rows per error check */
    double tolerance;   /* < 0: no check */
    float *kpacked;     /* d * ATTN_KSTRIDE(n): every key packed (in token order) */
    float *k2packed;    /* d * ATTN_KSTRIDE(n): the keys in group order, squared */
    float *kgpacked;    /* d * ATTN_KSTRIDE(n): the keys in group order */
    uint32_t *kgroup;   /* n: the group of each key */
    uint32_t *korder;   /* n: the keys sorted by group (ascending within a group) */
    size_t *goff;       /* G + 1: each group's range in korder */
    double *gsum_k;     /* G * d: key sums per group (in token order) */
    double *gsum_v;     /* G * d */
    float *gsum_kf;     /* G * d: the same in float */
    float *gsum_vf;     /* G * d */
    uint32_t *gcount;   /* G */
    uint32_t *exact;    /* k: 1 when a cluster is computed exactly */
    uint32_t *pool;     /* n: the rows an error check draws from */
    uint32_t *check;    /* checks: the rows of one check */
    double *cerr;       /* 2 checks: the squared error and the squared norm of each drawn row */
    uint32_t *cstr;     /* checks: the stratum of each drawn row */
    double *csize;      /* checks: each stratum's approximated rows */
    unsigned char *outlier; /* n: 1 for a row computed exactly as an outlier of its cluster */
    uint32_t *outl;     /* n: the outliers */
    uint64_t *cbits;    /* (n + 63) / 64: draws (Floyd) */
    float *ycheck;      /* checks * d: their exact outputs */
};

/* The routed variant's execution after the argument checks (lib/attention/ssa_routed.c). */
THERMOAI_INTERNAL int thermoai__ssa_routed_execute(thermoai_ssa *p, const float *q, const float *k,
                                                   const float *v, float *y);

/* Stable counting sort of the tokens by query cluster (ssa.c). */
THERMOAI_INTERNAL void thermoai__ssa_sort_clusters(thermoai_ssa *p);

/* The caller's clock, or 0 (ssa.c). */
THERMOAI_INTERNAL double thermoai__ssa_now(const thermoai_ssa *p);

/* Projects the n rows of x (n x d) with the JL matrix into out (n x m) (ssa.c). */
THERMOAI_INTERNAL void thermoai__ssa_project(const thermoai_ssa *p, const float *x, float *out);

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
