/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the information-theory files of lib/bounds (pmf.c, rd.c,
 * ib.c, learning.c): compensated sums and pmf validation. Included only from
 * lib/bounds.
 */
#ifndef THERMOAI_BOUNDS_PMF_INTERNAL_H
#define THERMOAI_BOUNDS_PMF_INTERNAL_H

#include <math.h>
#include <stddef.h>

#include "common/internal.h"

/* Neumaier's compensated sum: s + c carries about twice the precision of s. */
struct thermoai__ksum {
    double s, c;
};

static inline void thermoai__ksum_add(struct thermoai__ksum *k, double x)
{
    const double t = k->s + x;

    if (fabs(k->s) >= fabs(x))
        k->c += (k->s - t) + x;
    else
        k->c += (x - t) + k->s;
    k->s = t;
}

static inline double thermoai__ksum_value(const struct thermoai__ksum *k)
{
    return k->s + k->c;
}

/*
 * Validates a pmf (n >= 1 finite entries >= 0, compensated sum within
 * THERMOAI_PMF_TOLERANCE of 1) and returns its sum in *sum. The order of the
 * statuses: THERMOAI_E_NULL, THERMOAI_E_NONFINITE (any entry), THERMOAI_E_INVALID.
 */
THERMOAI_INTERNAL int thermoai__pmf_sum(const double *p, size_t n, double *sum);

/* Only the finiteness pass of thermoai__pmf_sum (for ordering the statuses of
 * several arrays: every array's NaN check comes before any domain check).
 * THERMOAI_E_INVALID, reading nothing, when n doubles cannot exist. */
THERMOAI_INTERNAL int thermoai__pmf_finite(const double *p, size_t n);

/* sum_i p_i ln p_i over the entries (0 ln 0 = 0), compensated; p_i >= 0 finite. */
THERMOAI_INTERNAL double thermoai__sum_xlogx(const double *p, size_t n);

/* n = a * b, or THERMOAI_E_INVALID when a or b is 0 or the product overflows. */
THERMOAI_INTERNAL int thermoai__size_product(size_t a, size_t b, size_t *n);

#endif
