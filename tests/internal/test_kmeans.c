/* SPDX-License-Identifier: MIT */
/*
 * lib/attention/kmeans.c: well-separated blobs are recovered exactly (up to a
 * relabelling), the reported objective is the sum of squared distances to the
 * cluster means recomputed here, the result is the same for the same seed with
 * every kernel (portable, AVX2, best), iterations stay within the limit, and
 * the subset path (n above the seeding rows) gives the same partition.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "attention/kmeans.h"

#include "../harness/tap.h"

/* One allocation per buffer, generously sized and 64-byte aligned. */
struct owned {
    void *raw[32];
    int n;
};

static void *take(struct owned *o, size_t bytes)
{
    char *p = (char *)calloc(1, bytes + 64);

    if (p == NULL)
        return NULL;
    o->raw[o->n++] = p;
    return (void *)(p + (64 - (uintptr_t)p % 64) % 64);
}

static int buffers(struct owned *o, size_t n, size_t m, size_t k, struct kmeans_buffers *b)
{
    const size_t s = thermoai__kmeans_seed_rows(n, k), t = thermoai__kmeans_trials(k);
    const size_t kw = ATTN_KWIDTH(k > KMEANS_TRIALS_MAX ? k : KMEANS_TRIALS_MAX);

    memset(b, 0, sizeof *b);
    b->centroids = (float *)take(o, (k + KMEANS_TRIALS_MAX) * m * sizeof(float));
    b->packed = (float *)take(o, m * ATTN_KWIDTH(k) * sizeof(float));
    b->norms = (float *)take(o, kw * sizeof(float));
    b->sums = (double *)take(o, k * m * sizeof(double));
    b->counts = (uint32_t *)take(o, k * sizeof(uint32_t));
    b->mindist = (float *)take(o, s * sizeof(float));
    b->xnorm = (float *)take(o, s * sizeof(float));
    b->trial_dist = (float *)take(o, t * s * sizeof(float));
    b->xpacked = (float *)take(o, m * ATTN_KSTRIDE(s) * sizeof(float));
    b->subset = (float *)take(o, s * m * sizeof(float));
    b->subset_assign = (uint32_t *)take(o, s * sizeof(uint32_t));
    b->chosen = (uint64_t *)take(o, ((n + 63) / 64) * sizeof(uint64_t));
    b->block_sum = (double *)take(o, t * ((s + KMEANS_BLOCK - 1) / KMEANS_BLOCK) * sizeof(double));
    b->trial_row = (uint32_t *)take(o, KMEANS_TRIALS_MAX * sizeof(uint32_t));
    b->order = (uint32_t *)take(o, n * sizeof(uint32_t));
    b->offset = (size_t *)take(o, (k + 1) * sizeof(size_t));
    b->fill = (size_t *)take(o, k * sizeof(size_t));
    b->split = (double *)take(o, 4 * m * sizeof(double));
    b->scratch = (float *)take(o, ATTN_SCRATCH_FLOATS * sizeof(float));
    return b->scratch != NULL && b->split != NULL && b->centroids != NULL ? 0 : -1;
}

static void release(struct owned *o)
{
    while (o->n > 0)
        free(o->raw[--o->n]);
}

/* n rows in m dims around k centres 0, 100, 200, ... on every axis, jitter < 1. */
static void blobs(size_t n, size_t m, size_t k, float *x, uint32_t *truth)
{
    uint64_t s = 12345;
    size_t i, t;

    for (i = 0; i < n; i++) {
        truth[i] = (uint32_t)((i * 7) % k);
        for (t = 0; t < m; t++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            x[i * m + t] = (float)(100.0 * truth[i] + ((double)(s >> 11) / 9007199254740992.0 - 0.5));
        }
    }
}

/* 1 when assign is truth relabelled (a bijection between labels). */
static int same_partition(const uint32_t *a, const uint32_t *truth, size_t n, size_t k)
{
    uint32_t map[16];
    size_t i;

    for (i = 0; i < k; i++)
        map[i] = UINT32_MAX;
    for (i = 0; i < n; i++) {
        if (a[i] >= k)
            return 0;
        if (map[a[i]] == UINT32_MAX)
            map[a[i]] = truth[i];
        else if (map[a[i]] != truth[i])
            return 0;
    }
    return 1;
}

static double objective(const float *x, const uint32_t *a, size_t n, size_t m, size_t k)
{
    double mean[16 * 8] = { 0 }, cnt[16] = { 0 }, sum = 0.0;
    size_t i, t;

    for (i = 0; i < n; i++) {
        cnt[a[i]] += 1.0;
        for (t = 0; t < m; t++)
            mean[a[i] * m + t] += (double)x[i * m + t];
    }
    for (i = 0; i < k * m; i++)
        mean[i] /= cnt[i / m] > 0 ? cnt[i / m] : 1.0;
    for (i = 0; i < n; i++)
        for (t = 0; t < m; t++) {
            const double dlt = (double)x[i * m + t] - mean[a[i] * m + t];

            sum += dlt * dlt;
        }
    return sum;
}

static void run(size_t n, size_t m, size_t k, const char *what)
{
    float *x = (float *)malloc(n * m * sizeof(float));
    uint32_t *truth = (uint32_t *)malloc(n * sizeof(uint32_t)), *a[3];
    struct kmeans_result r[3];
    struct attn_kernels kern;
    static const int levels[3] = { ATTN_SIMD_NONE, ATTN_SIMD_AVX2, ATTN_SIMD_BEST };
    int l, ok_all = 1;

    blobs(n, m, k, x, truth);
    for (l = 0; l < 3; l++) {
        struct owned o = { { 0 }, 0 };
        struct kmeans_buffers b;

        a[l] = (uint32_t *)malloc(n * sizeof(uint32_t));
        if (x == NULL || truth == NULL || a[l] == NULL || buffers(&o, n, m, k, &b) != 0) {
            tap_ok(0, "%s: memory", what);
            release(&o);
            return;
        }
        thermoai__attn_kernels_select(&kern, levels[l]);
        thermoai__kmeans(&kern, x, n, m, k, 20, 7, 1, 0, &b, a[l], &r[l]);
        release(&o);
    }
    tap_ok(same_partition(a[0], truth, n, k), "%s: the blobs are recovered exactly", what);
    tap_ok(fabs(r[0].objective - objective(x, a[0], n, m, k)) <= 1e-6 * r[0].objective + 1e-9,
           "%s: objective %.6g is the sum of squares to the means (%.6g)", what, r[0].objective,
           objective(x, a[0], n, m, k));
    tap_ok(r[0].iterations <= 20 && r[0].empty == 0, "%s: %u iterations <= 20, no empty cluster", what,
           r[0].iterations);
    for (l = 1; l < 3; l++)
        ok_all &= memcmp(a[0], a[l], n * sizeof(uint32_t)) == 0;
    tap_ok(ok_all, "%s: the same partition with the portable, AVX2 and best kernels", what);
    for (l = 0; l < 3; l++)
        free(a[l]);
    free(x);
    free(truth);
}

int main(void)
{
    run(300, 4, 3, "n = 300, m = 4, k = 3");
    run(257, 8, 5, "n = 257, m = 8, k = 5 (rows beyond a block of 32)");
    if (!getenv("THERMOAI_TEST_QUICK"))
        run(6000, 4, 4, "n = 6000 > seeding rows (the subset path)");
    return tap_done();
}
