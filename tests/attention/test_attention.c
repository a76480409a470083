/* SPDX-License-Identifier: MIT */
/*
 * Exact attention: the streaming kernel against a two-pass double-precision
 * reference (tests/attn_util.h), causal masking, both kernels, determinism,
 * the in-cluster mass, and bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "attn_util.h"
#include "../harness/tap.h"

struct buffers {
    float *q, *k, *v, *y, *y2;
    double *r;
    void *ws;
    size_t ws_bytes;
};

static int alloc_buffers(struct buffers *b, size_t n, size_t d)
{
    memset(b, 0, sizeof *b);
    if (thermoai_attention_workspace_bytes(n, d, &b->ws_bytes) != THERMOAI_OK)
        return 0;
    b->q = malloc(n * d * sizeof(float));
    b->k = malloc(n * d * sizeof(float));
    b->v = malloc(n * d * sizeof(float));
    b->y = malloc(n * d * sizeof(float));
    b->y2 = malloc(n * d * sizeof(float));
    b->r = malloc(n * d * sizeof(double));
    b->ws = malloc(b->ws_bytes);
    return b->q && b->k && b->v && b->y && b->y2 && b->r && b->ws;
}

static void free_buffers(struct buffers *b)
{
    free(b->q);
    free(b->k);
    free(b->v);
    free(b->y);
    free(b->y2);
    free(b->r);
    free(b->ws);
}

/* dense attention against the reference for one shape */
static void check_shape(size_t n, size_t d, double amplitude, uint32_t flags)
{
    struct buffers b;
    const int causal = (flags & THERMOAI_ATTENTION_CAUSAL) != 0;
    double err;
    int rc;

    if (!alloc_buffers(&b, n, d)) {
        tap_ok(0, "allocation n=%zu d=%zu", n, d);
        return;
    }
    util_fill(b.q, n * d, amplitude, 1 + n);
    util_fill(b.k, n * d, amplitude, 2 + n);
    util_fill(b.v, n * d, 1.0, 3 + n);
    util_reference(n, d, b.q, b.k, b.v, causal, b.r);
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, flags, b.ws, b.ws_bytes, b.y);
    err = util_row_error(n, d, b.y, b.r, 1e-3);
    tap_ok(rc == THERMOAI_OK && err <= 2e-5,
           "n=%zu d=%zu a=%g flags=%u: worst row error %.2e <= 2e-5", n, d, amplitude,
           (unsigned)flags, err);
    /* the same call again: bit-identical */
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, flags, b.ws, b.ws_bytes, b.y2);
    tap_ok(rc == THERMOAI_OK && memcmp(b.y, b.y2, n * d * sizeof(float)) == 0,
           "n=%zu d=%zu flags=%u: repeat is bit-identical", n, d, (unsigned)flags);
    /* the AVX-512 kernel (where the CPU has it) gives the AVX2 kernel's bits */
    if (!(flags & THERMOAI_ATTENTION_PORTABLE)) {
        rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, flags | THERMOAI_ATTENTION_NO_AVX512, b.ws,
                                      b.ws_bytes, b.y2);
        tap_ok(rc == THERMOAI_OK && memcmp(b.y, b.y2, n * d * sizeof(float)) == 0,
               "n=%zu d=%zu flags=%u: AVX-512 and AVX2 kernels bit-identical", n, d, (unsigned)flags);
    }
    free_buffers(&b);
}

/* Causal: rows before n/2 do not change, to the bit, when later keys and values do. */
static void check_causal_blind_to_future(size_t n, size_t d, uint32_t extra)
{
    struct buffers b;
    int rc1, rc2;

    if (!alloc_buffers(&b, n, d)) {
        tap_ok(0, "allocation");
        return;
    }
    util_fill(b.q, n * d, 2.0, 11);
    util_fill(b.k, n * d, 2.0, 12);
    util_fill(b.v, n * d, 1.0, 13);
    rc1 = thermoai_attention_dense(n, d, b.q, b.k, b.v, THERMOAI_ATTENTION_CAUSAL | extra, b.ws,
                                   b.ws_bytes, b.y);
    util_fill(b.k + n / 2 * d, (n - n / 2) * d, 5.0, 99);
    util_fill(b.v + n / 2 * d, (n - n / 2) * d, 50.0, 98);
    rc2 = thermoai_attention_dense(n, d, b.q, b.k, b.v, THERMOAI_ATTENTION_CAUSAL | extra, b.ws,
                                   b.ws_bytes, b.y2);
    tap_ok(rc1 == THERMOAI_OK && rc2 == THERMOAI_OK
               && memcmp(b.y, b.y2, n / 2 * d * sizeof(float)) == 0,
           "causal n=%zu flags=%u: rows < n/2 ignore later keys and values", n, (unsigned)extra);
    tap_ok(memcmp(b.y + n / 2 * d, b.y2 + n / 2 * d, (n - n / 2) * d * sizeof(float)) != 0,
           "causal n=%zu: rows >= n/2 do see them (the test can fail)", n);
    free_buffers(&b);
}

/* mass of the reference: mean over rows of the in-cluster softmax share */
static double reference_mass(size_t n, size_t d, const float *q, const float *k,
                             const uint32_t *labels, int causal)
{
    double total = 0.0;
    size_t i, j, t;

    for (i = 0; i < n; i++) {
        const size_t nk = causal ? i + 1 : n;
        double m = -(double)INFINITY, all = 0.0, in = 0.0;
        double *s = malloc(nk * sizeof *s);

        if (s == NULL)
            abort();
        for (j = 0; j < nk; j++) {
            double dot = 0.0;

            for (t = 0; t < d; t++)
                dot += (double)q[i * d + t] * (double)k[j * d + t];
            s[j] = dot / sqrt((double)d);
            m = fmax(m, s[j]);
        }
        for (j = 0; j < nk; j++) {
            const double e = exp(s[j] - m);

            all += e;
            if (labels[j] == labels[i])
                in += e;
        }
        total += in / all;
        free(s);
    }
    return total / (double)n;
}

static void check_cluster_mass(void)
{
    const size_t n = 300, d = 24;
    struct buffers b;
    uint32_t *labels = malloc(n * sizeof *labels);
    uint64_t s = 5;
    double mass = 0.0, ref;
    size_t i;
    int rc, causal;

    if (labels == NULL || !alloc_buffers(&b, n, d)) {
        tap_ok(0, "allocation");
        free(labels);
        return;
    }
    util_fill(b.q, n * d, 2.0, 21);
    util_fill(b.k, n * d, 2.0, 22);
    for (i = 0; i < n; i++)
        labels[i] = (uint32_t)(util_next(&s) % 4);
    for (causal = 0; causal <= 1; causal++) {
        ref = reference_mass(n, d, b.q, b.k, labels, causal);
        rc = thermoai_attention_cluster_mass(n, d, b.q, b.k, labels,
                                             causal ? THERMOAI_ATTENTION_CAUSAL : 0u, b.ws,
                                             b.ws_bytes, &mass);
        tap_ok(rc == THERMOAI_OK && fabs(mass - ref) <= 1e-5,
               "cluster mass (causal=%d) %.8f vs reference %.8f", causal, mass, ref);
    }
    for (i = 0; i < n; i++)
        labels[i] = 7;
    rc = thermoai_attention_cluster_mass(n, d, b.q, b.k, labels, 0, b.ws, b.ws_bytes, &mass);
    tap_ok(rc == THERMOAI_OK && fabs(mass - 1.0) <= 1e-12, "one cluster: mass 1 (%.15f)", mass);
    for (i = 0; i < n; i++)
        labels[i] = (uint32_t)i;
    rc = thermoai_attention_cluster_mass(n, d, b.q, b.k, labels, 0, b.ws, b.ws_bytes, &mass);
    ref = reference_mass(n, d, b.q, b.k, labels, 0);
    tap_ok(rc == THERMOAI_OK && fabs(mass - ref) <= 1e-6 && mass < 0.5,
           "singleton clusters: mass is the mean diagonal weight %.6f (ref %.6f)", mass, ref);

    /* bad input */
    tap_ok(thermoai_attention_cluster_mass(n, d, b.q, b.k, labels, 0, b.ws, b.ws_bytes, NULL)
               == THERMOAI_E_NULL,
           "mass: NULL output");
    rc = thermoai_attention_cluster_mass(n, d, b.q, b.k, NULL, 0, b.ws, b.ws_bytes, &mass);
    tap_ok(rc == THERMOAI_E_NULL && isnan(mass), "mass: NULL labels -> E_NULL, NaN");
    rc = thermoai_attention_cluster_mass(n, d, b.q, b.k, labels, 0, b.ws, b.ws_bytes - 1, &mass);
    tap_ok(rc == THERMOAI_E_SIZE && isnan(mass), "mass: short workspace -> E_SIZE");
    rc = thermoai_attention_cluster_mass(n, d, b.q, b.k, labels, 0x80u, b.ws, b.ws_bytes, &mass);
    tap_ok(rc == THERMOAI_E_UNSUPPORTED && isnan(mass), "mass: unknown flag -> E_UNSUPPORTED");
    b.q[17] = (double)NAN;
    rc = thermoai_attention_cluster_mass(n, d, b.q, b.k, labels, 0, b.ws, b.ws_bytes, &mass);
    tap_ok(rc == THERMOAI_E_NONFINITE && isnan(mass), "mass: NaN query -> E_NONFINITE");
    rc = thermoai_attention_cluster_mass(0, d, b.q, b.k, labels, 0, b.ws, b.ws_bytes, &mass);
    tap_ok(rc == THERMOAI_E_INVALID && isnan(mass), "mass: n = 0 -> E_INVALID");
    free(labels);
    free_buffers(&b);
}

static void check_bad_input(void)
{
    const size_t n = 10, d = 4;
    struct buffers b;
    size_t bytes = 1;
    int rc;

    tap_ok(thermoai_attention_workspace_bytes(n, d, NULL) == THERMOAI_E_NULL,
           "workspace: NULL output");
    rc = thermoai_attention_workspace_bytes(0, d, &bytes);
    tap_ok(rc == THERMOAI_E_INVALID && bytes == 0, "workspace: n = 0 -> E_INVALID, 0");
    rc = thermoai_attention_workspace_bytes(n, 0, &bytes);
    tap_ok(rc == THERMOAI_E_INVALID, "workspace: d = 0 -> E_INVALID");
    rc = thermoai_attention_workspace_bytes((size_t)1 << 32, d, &bytes);
    tap_ok(rc == THERMOAI_E_INVALID, "workspace: n = 2^32 -> E_INVALID");
    rc = thermoai_attention_workspace_bytes(1000, 64, &bytes);
    tap_ok(rc == THERMOAI_OK && bytes >= 1000 * 64 * sizeof(float) && bytes < 2 * 1008 * 65 * 4,
           "workspace for n=1000 d=64: %zu bytes, about 4 n (d + 1)", bytes);

    if (!alloc_buffers(&b, n, d)) {
        tap_ok(0, "allocation");
        return;
    }
    util_fill(b.q, n * d, 1.0, 1);
    util_fill(b.k, n * d, 1.0, 2);
    util_fill(b.v, n * d, 1.0, 3);
    rc = thermoai_attention_dense(n, d, NULL, b.k, b.v, 0, b.ws, b.ws_bytes, b.y);
    tap_ok(rc == THERMOAI_E_NULL && util_all_nan(b.y, n * d), "dense: NULL q -> E_NULL, y NaN");
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, 0, NULL, b.ws_bytes, b.y);
    tap_ok(rc == THERMOAI_E_NULL, "dense: NULL workspace -> E_NULL");
    tap_ok(thermoai_attention_dense(n, d, b.q, b.k, b.v, 0, b.ws, b.ws_bytes, NULL)
               == THERMOAI_E_NULL,
           "dense: NULL y -> E_NULL");
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, 0, b.ws, b.ws_bytes - 1, b.y);
    tap_ok(rc == THERMOAI_E_SIZE && util_all_nan(b.y, n * d), "dense: short workspace -> E_SIZE");
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, 0x10u, b.ws, b.ws_bytes, b.y);
    tap_ok(rc == THERMOAI_E_UNSUPPORTED, "dense: unknown flag -> E_UNSUPPORTED");
    rc = thermoai_attention_dense(0, d, b.q, b.k, b.v, 0, b.ws, b.ws_bytes, b.y);
    tap_ok(rc == THERMOAI_E_INVALID, "dense: n = 0 -> E_INVALID");
    b.v[n * d - 1] = (double)INFINITY;
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, 0, b.ws, b.ws_bytes, b.y);
    tap_ok(rc == THERMOAI_E_NONFINITE && util_all_nan(b.y, n * d),
           "dense: infinite value -> E_NONFINITE, y NaN");
    b.v[n * d - 1] = 0.5f;
    b.k[3] = (double)NAN;
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, 0, b.ws, b.ws_bytes, b.y);
    tap_ok(rc == THERMOAI_E_NONFINITE, "dense: NaN key -> E_NONFINITE");
    /* finite inputs whose scores overflow float */
    util_fill(b.k, n * d, 1.0, 2);
    {
        size_t i;

        for (i = 0; i < n * d; i++)
            b.q[i] = b.k[i] = 1e30f;
    }
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, 0, b.ws, b.ws_bytes, b.y);
    tap_ok(rc == THERMOAI_E_RANGE && util_all_nan(b.y, n * d),
           "dense: scores overflow float -> E_RANGE, y NaN (got %d)", rc);
    /* issue 20: n = d = 2^31 passes the range checks, its workspace size overflows, and
     * the error path must not fill n d floats it cannot prove the caller owns */
    if (SIZE_MAX / ((size_t)1 << 31) > ((size_t)1 << 31)) { /* 64-bit size_t */
        const size_t huge = (size_t)1 << 31;
        size_t i;
        int untouched = 1;

        for (i = 0; i < n * d; i++)
            b.y[i] = 2.0f;
        rc = thermoai_attention_dense(huge, huge, b.q, b.k, b.v, 0, b.ws, b.ws_bytes, b.y);
        for (i = 0; i < n * d; i++)
            untouched &= b.y[i] == 2.0f;
        tap_ok(rc == THERMOAI_E_RANGE && untouched,
               "dense: n = d = 2^31 -> E_RANGE, nothing written (got %d)", rc);
    } else {
        tap_ok(1, "dense: n = d = 2^31 (skipped: 32-bit size_t)");
    }
    free_buffers(&b);
}

/* Issue 21: finite entries of about 1e19 make q . k overflow float; every kernel must
 * report E_RANGE (the AVX2 one returned OK with garbage where the keys fill whole
 * vectors: its exp2 turned the NaN of inf - inf into 2^-126). */
static void check_score_overflow(uint32_t flags)
{
    const size_t n = 64, d = 16;
    struct buffers b;
    size_t i;
    int rc;

    if (!alloc_buffers(&b, n, d)) {
        tap_ok(0, "allocation");
        return;
    }
    util_fill(b.q, n * d, 1.0, 7);
    util_fill(b.k, n * d, 1.0, 8);
    util_fill(b.v, n * d, 1.0, 9);
    for (i = 0; i < n * d; i++) {
        b.q[i] = b.q[i] >= 0.0f ? 1e19f : -1e19f;
        b.k[i] = b.k[i] >= 0.0f ? 1e19f : -1e19f;
    }
    rc = thermoai_attention_dense(n, d, b.q, b.k, b.v, flags, b.ws, b.ws_bytes, b.y);
    tap_ok(rc == THERMOAI_E_RANGE && util_all_nan(b.y, n * d),
           "dense flags=%u: entries +-1e19 (q . k overflows) -> E_RANGE, y NaN (got %d)",
           (unsigned)flags, rc);
    free_buffers(&b);
}

int main(void)
{
    static const size_t shapes[][2] = { { 1, 1 },   { 2, 3 },   { 3, 5 },    { 7, 16 },
                                        { 64, 64 }, { 257, 33 }, { 300, 128 }, { 1000, 64 } };
    const char *simd = NULL, *portable = NULL;
    size_t i;
    int f;

    tap_ok(thermoai_attention_kernel_name(0, &simd) == THERMOAI_OK && simd != NULL,
           "kernel here: %s", simd ? simd : "?");
    tap_ok(thermoai_attention_kernel_name(THERMOAI_ATTENTION_PORTABLE, &portable) == THERMOAI_OK
               && strcmp(portable, "portable C") == 0,
           "PORTABLE selects the portable C kernel");
    tap_ok(thermoai_attention_kernel_name(0, NULL) == THERMOAI_E_NULL, "kernel name: NULL");
    {
        const char *unknown = "set";

        tap_ok(thermoai_attention_kernel_name(0x80000000u, &unknown) == THERMOAI_E_UNSUPPORTED
                   && unknown == NULL,
               "kernel name: unknown flag bits are E_UNSUPPORTED (they were ignored)");
    }
    tap_ok(thermoai_attention_kernel_name(THERMOAI_ATTENTION_NO_AVX512, &portable) == THERMOAI_OK
               && strcmp(portable, "AVX-512F") != 0,
           "NO_AVX512 selects at most AVX2 (%s)", portable);
    for (f = 0; f < 4; f++)
        for (i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
            check_shape(shapes[i][0], shapes[i][1], 1.0, (uint32_t)f);
    /* larger logits (|s| up to ~ 9 sqrt(d)) */
    check_shape(200, 16, 3.0, 0);
    check_shape(130, 24, 2.0, THERMOAI_ATTENTION_CAUSAL); /* columns beyond 16 and 32 */
    if (!util_quick()) {
        check_shape(333, 40, 2.0, 0);
        check_shape(520, 80, 1.5, 0);
    }
    check_shape(200, 16, 3.0, THERMOAI_ATTENTION_PORTABLE | THERMOAI_ATTENTION_CAUSAL);
    check_causal_blind_to_future(300, 32, 0);
    check_causal_blind_to_future(300, 32, THERMOAI_ATTENTION_PORTABLE);
    check_cluster_mass();
    check_bad_input();
    check_score_overflow(0);
    check_score_overflow(THERMOAI_ATTENTION_PORTABLE);
    check_score_overflow(THERMOAI_ATTENTION_CAUSAL);
    return tap_done();
}
