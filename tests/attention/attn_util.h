/* SPDX-License-Identifier: MIT */
/*
 * Helpers of the attention tests: seeded inputs and a plain double-precision
 * reference, written for clarity (two passes per row, no blocking), so it
 * shares no code or arithmetic order with the library's kernel.
 */
#ifndef THERMOAI_TEST_ATTN_UTIL_H
#define THERMOAI_TEST_ATTN_UTIL_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "../harness/tap.h" /* TAP_UNUSED */

/* 1 under make check-valgrind (THERMOAI_TEST_QUICK set): heavy cases shrink. */
static TAP_UNUSED int util_quick(void)
{
    const char *q = getenv("THERMOAI_TEST_QUICK");

    return q != NULL && *q != '\0' && *q != '0';
}

static TAP_UNUSED uint64_t util_next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* A standard normal (Box-Muller). */
static TAP_UNUSED double util_normal(uint64_t *s)
{
    const double a = ((double)(util_next(s) >> 11) + 0.5) / 9007199254740992.0;
    const double b = (double)(util_next(s) >> 11) / 9007199254740992.0;

    return sqrt(-2.0 * log(a)) * cos(6.283185307179586 * b);
}

/* Uniform on (-a, a) rounded to float. */
static TAP_UNUSED void util_fill(float *x, size_t count, double a, uint64_t seed)
{
    size_t i;

    for (i = 0; i < count; i++)
        x[i] = (float)(a * (2.0 * ((double)(util_next(&seed) >> 11) / 9007199254740992.0) - 1.0));
}

/* y = softmax(q k^T / sqrt(d)) v in double; causal keeps j <= i. */
static TAP_UNUSED void util_reference(size_t n, size_t d, const float *q, const float *k, const float *v,
                           int causal, double *y)
{
    double *s = (double *)malloc(n * sizeof *s);
    size_t i, j, t;

    if (s == NULL)
        abort();
    for (i = 0; i < n; i++) {
        const size_t nk = causal ? i + 1 : n;
        double m = -(double)INFINITY, sum = 0.0;

        for (j = 0; j < nk; j++) {
            double dot = 0.0;

            for (t = 0; t < d; t++)
                dot += (double)q[i * d + t] * (double)k[j * d + t];
            s[j] = dot / sqrt((double)d);
            if (s[j] > m)
                m = s[j];
        }
        for (j = 0; j < nk; j++) {
            s[j] = exp(s[j] - m);
            sum += s[j];
        }
        for (t = 0; t < d; t++) {
            double acc = 0.0;

            for (j = 0; j < nk; j++)
                acc += s[j] * (double)v[j * d + t];
            y[i * d + t] = acc / sum;
        }
    }
    free(s);
}

/* max over rows of |y_i - r_i| / max(|r_i|, floor) (Euclidean norms per row). */
static TAP_UNUSED double util_row_error(size_t n, size_t d, const float *y, const double *r, double floor)
{
    double worst = 0.0;
    size_t i, t;

    for (i = 0; i < n; i++) {
        double e = 0.0, nr = 0.0;

        for (t = 0; t < d; t++) {
            e += ((double)y[i * d + t] - r[i * d + t]) * ((double)y[i * d + t] - r[i * d + t]);
            nr += r[i * d + t] * r[i * d + t];
        }
        e = sqrt(e) / fmax(sqrt(nr), floor);
        if (!(e <= worst))
            worst = e; /* NaN propagates */
    }
    return worst;
}

/* ||a - b||_F / ||b||_F for float arrays. */
static TAP_UNUSED double util_rel_frobenius(size_t count, const float *a, const float *b)
{
    double e = 0.0, nb = 0.0;
    size_t i;

    for (i = 0; i < count; i++) {
        e += ((double)a[i] - (double)b[i]) * ((double)a[i] - (double)b[i]);
        nb += (double)b[i] * (double)b[i];
    }
    return sqrt(e / nb);
}

/* cos(a, b) over all entries. */
static TAP_UNUSED double util_cosine(size_t count, const float *a, const float *b)
{
    double ab = 0.0, aa = 0.0, bb = 0.0;
    size_t i;

    for (i = 0; i < count; i++) {
        ab += (double)a[i] * (double)b[i];
        aa += (double)a[i] * (double)a[i];
        bb += (double)b[i] * (double)b[i];
    }
    return ab / sqrt(aa * bb);
}

static TAP_UNUSED int util_all_nan(const float *x, size_t count)
{
    size_t i;

    for (i = 0; i < count; i++)
        if (!isnan(x[i]))
            return 0;
    return 1;
}

#endif
