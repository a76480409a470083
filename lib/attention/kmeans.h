/* SPDX-License-Identifier: MIT */
/* Lloyd's k-means on float rows (lib/kmeans.c), deterministic, allocation-free. */
#ifndef THERMOAI_KMEANS_H
#define THERMOAI_KMEANS_H

#include <stddef.h>
#include <stdint.h>

#include "attn_kernels.h"

/* At most this many k-means++ candidates per step. */
#define KMEANS_TRIALS_MAX 16
/* Rows per block of the seeding sums (fixed, so sums do not depend on threads). */
#define KMEANS_BLOCK 1024

/* Most split-merge moves after Lloyd (each lowers the objective). */
#define KMEANS_REPAIR_ROUNDS 8
/* Lloyd steps of the 2-means that prices a split. */
#define SPLIT_ITERATIONS 4

/* Seeding, Lloyd and the repairs look at a uniform subset of max(KMEANS_SEED_ROWS_MIN,
 * KMEANS_SEED_ROWS_PER_CLUSTER k) rows (all rows when n is smaller); then every row
 * is assigned and at most KMEANS_FULL_ITERATIONS Lloyd steps run on all rows. */
#define KMEANS_SEED_ROWS_MIN 4096
#define KMEANS_SEED_ROWS_PER_CLUSTER 32
#define KMEANS_FULL_ITERATIONS 2
/* The fast mode's subset: max(KMEANS_FAST_ROWS_MIN, KMEANS_FAST_ROWS_PER_CLUSTER k) rows. */
#define KMEANS_FAST_ROWS_MIN 2048
#define KMEANS_FAST_ROWS_PER_CLUSTER 4

/* Caller-provided buffers (sizes in elements); S = thermoai__kmeans_seed_rows(n, k). */
struct kmeans_buffers {
    float *centroids;  /* (k + KMEANS_TRIALS_MAX) * m */
    float *packed;     /* m * ATTN_KWIDTH(k), 32-byte aligned: centroids as [m][kw] (Lloyd) */
    float *norms;      /* ATTN_KWIDTH(max(k, KMEANS_TRIALS_MAX)): centroid or candidate norms */
    double *sums;      /* k * m */
    uint32_t *counts;  /* k */
    float *mindist;    /* S: squared distance to the nearest centre while seeding */
    float *xnorm;      /* S: squared row norms */
    float *trial_dist; /* thermoai__kmeans_trials(k) * S: distances to the candidates */
    float *xpacked;    /* m * ATTN_KSTRIDE(S), 32-byte aligned: the seeding rows as [m][kw] */
    float *subset;     /* S * m when S < n: the rows seeding looks at */
    uint32_t *subset_assign; /* S when S < n */
    uint64_t *chosen;  /* (n + 63) / 64 bits: the subset */
    double *block_sum; /* thermoai__kmeans_trials(k) * ceil(S / KMEANS_BLOCK): potentials */
    uint32_t *trial_row; /* KMEANS_TRIALS_MAX */
    uint32_t *order;   /* n: rows sorted by cluster (split-merge) */
    size_t *offset;    /* k + 1 */
    size_t *fill;      /* k */
    double *split;     /* 4 m: two centres and their sums */
    float *scratch;    /* threads * ATTN_SCRATCH_FLOATS, each 32-byte aligned */
};

struct kmeans_result {
    double objective;  /* sum of squared distances to the assigned centres */
    unsigned iterations; /* the most Lloyd updates of one run (each run stops at the limit, or
                            earlier once nothing changes): at most the limit */
    unsigned total_iterations; /* Lloyd updates of all runs (the first, after each repair, full) */
    uint32_t empty;    /* clusters empty after the last iteration */
};

/*
 * Clusters n rows x[i * m .. i * m + m) into k clusters. When n > S the steps
 * below run on a uniform subset of S rows, then every row is assigned to the
 * centres and at most min(KMEANS_FULL_ITERATIONS, iterations) Lloyd steps refine them. Greedy
 * k-means++ seeding with the seed, then Lloyd: up to `iterations`
 * rounds (fewer once an update changes no assignment) of assignment (nearest centre, ties to the lower index) and update
 * (means summed in double in row order; an empty cluster keeps its centre),
 * then up to KMEANS_REPAIR_ROUNDS split-merge moves, each followed by Lloyd,
 * while a move lowers the objective. assign[i] receives the final cluster of row i. Deterministic for a seed at
 * any thread count (threads parallelise the assignment only).
 */
/* Candidate centres per k-means++ step: 2 + floor(ln k) (scikit-learn's choice), at most
 * KMEANS_TRIALS_MAX. */
THERMOAI_INTERNAL size_t thermoai__kmeans_trials(size_t k);
/* S, the rows seeding looks at. */
THERMOAI_INTERNAL size_t thermoai__kmeans_seed_rows(size_t n, size_t k);

/* S of the fast mode (at most thermoai__kmeans_seed_rows()). */
THERMOAI_INTERNAL size_t thermoai__kmeans_fast_rows(size_t n, size_t k);

/* fast: plain k-means++ (one candidate per centre), S = thermoai__kmeans_fast_rows(),
 * no split-merge repairs (the routed SSA variant, whose error check catches what a
 * rougher partition costs); 0: as described above. */
THERMOAI_INTERNAL void thermoai__kmeans(const struct attn_kernels *kern, const float *x, size_t n,
                                        size_t m, size_t k, unsigned iterations, uint64_t seed,
                                        int threads, int fast, const struct kmeans_buffers *buf,
                                        uint32_t *assign, struct kmeans_result *result);

#endif
