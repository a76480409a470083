/* SPDX-License-Identifier: MIT */
/* Helpers shared by the tests of paper 002's bounds: a seeded generator, random
 * symmetric and positive definite matrices, and a counting allocator. */
#ifndef THERMOAI_TEST_BOUNDS_UTIL_H
#define THERMOAI_TEST_BOUNDS_UTIL_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../harness/tap.h"

/* THERMOAI_TEST_QUICK=1 (valgrind): smaller loops. */
static TAP_UNUSED int quick(void)
{
    const char *q = getenv("THERMOAI_TEST_QUICK");

    return q != NULL && q[0] == '1';
}

static TAP_UNUSED uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform on [-1, 1). */
static TAP_UNUSED double rng_sym(uint64_t *s)
{
    return (double)(rng_next(s) >> 11) / 4503599627370496.0 - 1.0;
}

/* Standard normal (Box-Muller). */
static TAP_UNUSED double rng_normal(uint64_t *s)
{
    double u = ((double)(rng_next(s) >> 11) + 0.5) / 9007199254740992.0;
    double v = (double)(rng_next(s) >> 11) / 9007199254740992.0;

    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* A random symmetric n x n matrix with entries in [-scale, scale]. */
static TAP_UNUSED void rand_sym(uint64_t *s, size_t n, double scale, double *a)
{
    size_t i, j;

    for (i = 0; i < n; i++)
        for (j = i; j < n; j++)
            a[i * n + j] = a[j * n + i] = scale * rng_sym(s);
}

/* A random symmetric positive definite matrix B B^T + ridge I. */
static TAP_UNUSED void rand_spd(uint64_t *s, size_t n, double ridge, double *a)
{
    double *b = (double *)malloc(n * n * sizeof *b);
    size_t i, j, k;

    if (b == NULL)
        return;
    for (i = 0; i < n * n; i++)
        b[i] = rng_sym(s);
    for (i = 0; i < n; i++)
        for (j = 0; j <= i; j++) {
            double t = 0.0;

            for (k = 0; k < n; k++)
                t += b[i * n + k] * b[j * n + k];
            a[i * n + j] = a[j * n + i] = t + (i == j ? ridge : 0.0);
        }
    free(b);
}

/* An allocator that fails its fail_at-th call (1-based; 0: never) and counts live blocks. */
struct counting_alloc {
    int calls, fail_at, live;
};

static TAP_UNUSED void *counting_malloc(size_t size, void *user)
{
    struct counting_alloc *c = (struct counting_alloc *)user;

    if (++c->calls == c->fail_at)
        return NULL;
    c->live++;
    return malloc(size);
}

static TAP_UNUSED void counting_free(void *p, void *user)
{
    struct counting_alloc *c = (struct counting_alloc *)user;

    if (p != NULL)
        c->live--;
    free(p);
}

#endif
