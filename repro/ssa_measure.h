/* SPDX-License-Identifier: MIT */
/*
 * Measurements behind paper 002's empirical items and figures: seeded
 * synthetic data (thermoai/synth.h), thermoai's exact kernel as the dense
 * reference, one SSA plan, wall-clock medians, and the accuracy metrics of
 * the paper (relative Frobenius error, cosine) plus the output-norm ratio.
 */
#ifndef THERMOAI_REPRO_SSA_MEASURE_H
#define THERMOAI_REPRO_SSA_MEASURE_H

#include <stddef.h>
#include <stdint.h>

struct ssa_case {
    size_t n, d;
    uint32_t regime;   /* THERMOAI_SYNTH_* */
    uint32_t variant;  /* THERMOAI_SSA_* */
    uint32_t clusters; /* 0: default */
    uint32_t samples;  /* 0: default */
    uint64_t seed;     /* of the data and of the plan */
};

struct ssa_result {
    double dense_s, ssa_s;   /* medians of at least 3 runs, s */
    double speedup;          /* dense_s / ssa_s */
    double relerr, cosine, norm_ratio;
    double mass;             /* in-cluster mass of the exact attention (planted labels) */
    uint32_t clusters, samples, projection_dim;
    double projection_s, clustering_s, attention_s; /* phases of the last SSA run */
};

/* Runs the case; 0 on success, -1 after printing what failed to stderr. */
int ssa_measure(const struct ssa_case *c, struct ssa_result *r);

/* A short description of the conditions: kernel, OpenMP, CPU model. */
const char *ssa_machine(void);

#endif
