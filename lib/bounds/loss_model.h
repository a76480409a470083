/* SPDX-License-Identifier: MIT */
/* The validated loss model shared by loss.c and allocate.c (lib/bounds only). */
#ifndef THERMOAI_BOUNDS_LOSS_MODEL_H
#define THERMOAI_BOUNDS_LOSS_MODEL_H

#include "common/internal.h"

/* Resource indices. */
#define THERMOAI__RES_PARAMS 0
#define THERMOAI__RES_TOKENS 1
#define THERMOAI__RES_DATA 2

/* A loss model as used: every present term as (ln coefficient, exponent). */
struct thermoai__loss {
    double e_inf;     /* irreducible loss */
    double coef[3];   /* coefficients (params, tokens, data) */
    double ln_coef[3];
    double expo[3];
    int has_data;     /* the data term is present */
};

/* Copies and validates a caller's model: E_NULL, E_SIZE, E_UNSUPPORTED,
 * E_NONFINITE (any field), E_INVALID, in that order. */
THERMOAI_INTERNAL int thermoai__loss_load(const thermoai_loss_model *user, struct thermoai__loss *out);

/* ln of the excess loss (L - E_inf) at log-resources x[] (x[2] ignored without
 * the data term): a log-sum-exp, exact for any finite x. */
THERMOAI_INTERNAL double thermoai__loss_ln_excess(const struct thermoai__loss *m, const double *x);

/* ln(e^a + e^b) without overflow; either may be -inf. */
THERMOAI_INTERNAL double thermoai__lse2(double a, double b);

#endif
