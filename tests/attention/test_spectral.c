/* SPDX-License-Identifier: MIT */
/*
 * Spectral quantities: the Lanczos spectrum of the symmetrised attention
 * Laplacian against a cyclic Jacobi eigensolver run here on the explicitly
 * formed matrix (a different method on a matrix built independently in
 * double), the SSA graph spectrum, the cluster quality, the fallback rule,
 * the mixing-time bound (hand algebra), and bad input.
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

/* The spectrum functions with a workspace of exactly the queried size
 * (malloc'ed here). Where the query itself refuses the arguments, the call is
 * made with a small workspace so that the function's own checks answer. */
static int spec_dense(size_t n, size_t d, const float *q, const float *k,
                      const thermoai_spectral_params *p, size_t count, double *lambda,
                      thermoai_spectral_info *info)
{
    size_t bytes = 0;
    double small[8];
    void *work;
    int rc;

    if (thermoai_spectral_attention_workspace_bytes(n, d, p, count, &bytes) != THERMOAI_OK)
        return thermoai_spectral_attention(n, d, q, k, p, count, small, sizeof small, lambda, info);
    work = malloc(bytes);
    if (work == NULL)
        return THERMOAI_E_NOMEM;
    rc = thermoai_spectral_attention(n, d, q, k, p, count, work, bytes, lambda, info);
    free(work);
    return rc;
}

static int spec_ssa(thermoai_ssa *plan, const float *q, const float *k,
                    const thermoai_spectral_params *p, size_t count, double *lambda,
                    thermoai_spectral_info *info)
{
    size_t bytes = 0;
    double small[8];
    void *work;
    int rc;

    if (thermoai_spectral_ssa_workspace_bytes(plan, p, count, &bytes) != THERMOAI_OK)
        return thermoai_spectral_ssa(plan, q, k, p, count, small, sizeof small, lambda, info);
    work = malloc(bytes);
    if (work == NULL)
        return THERMOAI_E_NOMEM;
    rc = thermoai_spectral_ssa(plan, q, k, p, count, work, bytes, lambda, info);
    free(work);
    return rc;
}

/* Eigenvalues of the symmetric n x n matrix a (destroyed) by cyclic Jacobi, ascending. */
static void jacobi_eigenvalues(size_t n, double *a, double *w)
{
    size_t sweep, p, q, i;

    for (sweep = 0; sweep < 100; sweep++) {
        double off = 0.0;

        for (p = 0; p < n; p++)
            for (q = p + 1; q < n; q++)
                off += a[p * n + q] * a[p * n + q];
        if (off < 1e-30)
            break;
        for (p = 0; p < n; p++)
            for (q = p + 1; q < n; q++) {
                double theta, t, c, s;

                if (fabs(a[p * n + q]) < 1e-300)
                    continue;
                theta = (a[q * n + q] - a[p * n + p]) / (2.0 * a[p * n + q]);
                t = (theta >= 0 ? 1.0 : -1.0) / (fabs(theta) + sqrt(theta * theta + 1.0));
                c = 1.0 / sqrt(t * t + 1.0);
                s = t * c;
                for (i = 0; i < n; i++) { /* columns p, q */
                    const double aip = a[i * n + p], aiq = a[i * n + q];

                    a[i * n + p] = c * aip - s * aiq;
                    a[i * n + q] = s * aip + c * aiq;
                }
                for (i = 0; i < n; i++) { /* rows p, q */
                    const double api = a[p * n + i], aqi = a[q * n + i];

                    a[p * n + i] = c * api - s * aqi;
                    a[q * n + i] = s * api + c * aqi;
                }
            }
    }
    for (i = 0; i < n; i++)
        w[i] = a[i * n + i];
    for (p = 1; p < n; p++) /* insertion sort */
        for (q = p; q > 0 && w[q - 1] > w[q]; q--) {
            const double t = w[q];

            w[q] = w[q - 1];
            w[q - 1] = t;
        }
}

/* The reference: L_sym of W_s = (W + W^T)/2, W_ij = exp(q_i.k_j / sqrt d), in double. */
static void reference_spectrum(size_t n, size_t d, const float *q, const float *k, double *w,
                               double *pi_min)
{
    double *a = malloc(n * n * sizeof *a), *deg = malloc(n * sizeof *deg), smax = -(double)INFINITY,
           total = 0.0, dmin = (double)INFINITY;
    size_t i, j, t;

    if (a == NULL || deg == NULL)
        abort();
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double s = 0.0;

            for (t = 0; t < d; t++)
                s += (double)q[i * d + t] * (double)k[j * d + t];
            a[i * n + j] = s / sqrt((double)d);
            smax = fmax(smax, a[i * n + j]);
        }
    for (i = 0; i < n * n; i++)
        a[i] = exp(a[i] - smax);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            a[i * n + j] = a[j * n + i] = 0.5 * (a[i * n + j] + a[j * n + i]);
    for (i = 0; i < n; i++) {
        deg[i] = 0.0;
        for (j = 0; j < n; j++)
            deg[i] += a[i * n + j];
        total += deg[i];
        dmin = fmin(dmin, deg[i]);
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            a[i * n + j] = (i == j ? 1.0 : 0.0) - a[i * n + j] / sqrt(deg[i] * deg[j]);
    jacobi_eigenvalues(n, a, w);
    *pi_min = dmin / total;
    free(a);
    free(deg);
}

static void check_against_jacobi(size_t n, size_t d, double amp, size_t count, int same_qk,
                                 uint32_t flags)
{
    float *q = malloc(n * d * sizeof *q), *k = malloc(n * d * sizeof *k);
    double *lam = malloc(count * sizeof *lam), *ref = malloc(n * sizeof *ref), pi_ref, err = 0.0;
    thermoai_spectral_params p;
    thermoai_spectral_info info;
    size_t i;
    int rc, ordered = 1;

    if (!q || !k || !lam || !ref || thermoai_spectral_params_init(&p, sizeof p) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    util_fill(q, n * d, amp, 100 + n);
    if (same_qk)
        memcpy(k, q, n * d * sizeof *k);
    else
        util_fill(k, n * d, amp, 200 + n);
    reference_spectrum(n, d, q, k, ref, &pi_ref);
    p.flags = flags;
    info.struct_size = sizeof info;
    rc = spec_dense(n, d, q, k, &p, count, lam, &info);
    for (i = 0; i < count; i++) {
        err = fmax(err, fabs(lam[i] - ref[i]));
        if (i > 0 && lam[i] < lam[i - 1])
            ordered = 0;
        if (!(lam[i] >= 0.0 && lam[i] <= 2.0))
            ordered = 0;
    }
    tap_ok(rc == THERMOAI_OK && err <= 2e-6 && ordered,
           "n=%zu d=%zu a=%g count=%zu%s%s: eigenvalues within %.1e of Jacobi, ascending in [0, 2]",
           n, d, amp, count, same_qk ? " Q=K" : "", flags ? " portable" : "", err);
    tap_ok(rc == THERMOAI_OK && fabs(lam[0]) <= 1e-6 && fabs(info.lambda_max - ref[n - 1]) <= 2e-6
               && fabs(info.pi_min - pi_ref) <= 1e-6 * pi_ref && info.iterations >= count
               && info.residual <= 1e-9,
           "  lambda_1 = %.1e ~ 0, lambda_N %.8f (Jacobi %.8f), pi_min %.6g (%.6g), %u steps",
           lam[0], info.lambda_max, ref[n - 1], info.pi_min, pi_ref, info.iterations);
    free(q);
    free(k);
    free(lam);
    free(ref);
}

static void check_threads_and_bad_input(void)
{
    const size_t n = 120, d = 16;
    float *q = malloc(n * d * sizeof *q), *k = malloc(n * d * sizeof *k);
    double a[10], b[10];
    thermoai_spectral_params p;
    thermoai_spectral_info info;
    int rc, rc2, i, allnan;

    if (!q || !k || thermoai_spectral_params_init(&p, sizeof p) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    tap_ok(p.struct_size == sizeof p && p.flags == 0 && p.max_iterations == 0 && p.threads == 0
               && p.tolerance == 0.0 && p.seed == 0 && sizeof p == 32 && sizeof info == 32,
           "params_init: every setting 0; both structs 32 bytes");
    util_fill(q, n * d, 2.0, 1);
    util_fill(k, n * d, 2.0, 2);
    p.threads = 1;
    rc = spec_dense(n, d, q, k, &p, 10, a, NULL);
    p.threads = 2;
    rc2 = spec_dense(n, d, q, k, &p, 10, b, NULL);
    tap_ok(rc == THERMOAI_OK && rc2 == THERMOAI_OK && memcmp(a, b, sizeof a) == 0,
           "1 and 2 threads: bit-identical eigenvalues");
    p.threads = 0;
    p.seed = 99;
    rc2 = spec_dense(n, d, q, k, &p, 10, b, NULL);
    for (i = 0, allnan = 1; i < 10; i++)
        allnan &= fabs(a[i] - b[i]) <= 1e-9;
    tap_ok(rc2 == THERMOAI_OK && allnan, "another starting vector: the same eigenvalues");
    p.seed = 0;
    {
        size_t bytes = 0, big = 7;
        void *work;
        /* the workspace holds at least 4n + n (m + 1) doubles (m >= 1 Lanczos steps)
           and the packed keys and queries, 2 n d floats */
        info.struct_size = sizeof info;
        rc = thermoai_spectral_attention_workspace_bytes(n, d, &p, 10, &bytes);
        tap_ok(rc == THERMOAI_OK && bytes >= 8 * (4 * n + n * 2) + 4 * 2 * n * d,
               "dense workspace query: %zu bytes", bytes);
        work = malloc(bytes + 64);
        rc = work == NULL ? THERMOAI_E_NOMEM
                          : thermoai_spectral_attention(n, d, q, k, &p, 10, (char *)work + 1, bytes,
                                                        b, NULL);
        tap_ok(rc == THERMOAI_OK && memcmp(a, b, sizeof a) == 0,
               "an unaligned workspace of exactly the queried size: the same eigenvalues");
        rc = work == NULL ? THERMOAI_E_NOMEM
                          : thermoai_spectral_attention(n, d, q, k, &p, 10, work, bytes - 1, b, &info);
        tap_ok(rc == THERMOAI_E_SIZE && isnan(b[0]) && isnan(b[9]) && isnan(info.lambda_max),
               "one byte short -> E_SIZE, lambda and info NaN");
        rc = thermoai_spectral_attention(n, d, q, k, &p, 10, NULL, bytes, b, NULL);
        tap_ok(rc == THERMOAI_E_NULL && isnan(b[0]), "NULL workspace -> E_NULL, lambda NaN");
        free(work);
        tap_ok(thermoai_spectral_attention_workspace_bytes(n, d, &p, 10, NULL) == THERMOAI_E_NULL,
               "workspace query: NULL bytes -> E_NULL");
        tap_ok(thermoai_spectral_attention_workspace_bytes(1, d, &p, 1, &big) == THERMOAI_E_INVALID
                   && big == 0,
               "workspace query: n = 1 -> E_INVALID, bytes 0");
        big = 7;
        tap_ok(thermoai_spectral_attention_workspace_bytes(n, d, &p, n + 1, &big) == THERMOAI_E_INVALID
                   && big == 0,
               "workspace query: count > n -> E_INVALID, bytes 0");
    }

#define ALL_NAN(v, c) (((c) > 0 && isnan((v)[0])) && isnan((v)[(c) - 1]))
    tap_ok(spec_dense(n, d, q, k, NULL, 10, NULL, NULL) == THERMOAI_E_NULL,
           "NULL lambda -> E_NULL");
    rc = spec_dense(n, d, NULL, k, NULL, 10, a, NULL);
    tap_ok(rc == THERMOAI_E_NULL && ALL_NAN(a, 10), "NULL q -> E_NULL, NaN");
    rc = spec_dense(1, d, q, k, NULL, 1, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID && isnan(a[0]), "n = 1 -> E_INVALID");
    rc = spec_dense(n, 0, q, k, NULL, 10, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID && ALL_NAN(a, 10), "d = 0 -> E_INVALID");
    rc = spec_dense(n, d, q, k, NULL, 0, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID, "count = 0 -> E_INVALID");
    rc = spec_dense(8, d, q, k, NULL, 9, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID && ALL_NAN(a, 9), "count > n -> E_INVALID, all 9 NaN");
    /* issue 20: every entry the caller passed is NaN on error, also beyond n */
    for (i = 0; i < 10; i++)
        a[i] = 1.0;
    rc = spec_dense(4, d, q, k, NULL, 6, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID && isnan(a[4]) && isnan(a[5]) && a[6] == 1.0,
           "n = 4, count = 6 -> E_INVALID, lambda[0..5] NaN, lambda[6] untouched");
    a[0] = 1.0;
    rc = spec_dense(0, d, q, k, NULL, 1, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID && isnan(a[0]), "n = 0 -> E_INVALID, lambda[0] NaN");
    a[0] = 1.0;
    rc = spec_dense(((size_t)1 << 20) + 1, d, q, k, NULL, 1, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID && isnan(a[0]), "n = 2^20 + 1 -> E_INVALID, lambda[0] NaN");
    a[0] = 1.0;
    rc = spec_ssa(NULL, q, k, NULL, 1, a, NULL);
    tap_ok(rc == THERMOAI_E_NULL && isnan(a[0]), "ssa spectrum: NULL plan -> E_NULL, NaN");
    p.tolerance = -1.0;
    rc = spec_dense(n, d, q, k, &p, 10, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID && ALL_NAN(a, 10), "negative tolerance -> E_INVALID");
    p.tolerance = (double)NAN;
    rc = spec_dense(n, d, q, k, &p, 10, a, NULL);
    tap_ok(rc == THERMOAI_E_INVALID, "NaN tolerance -> E_INVALID");
    p.tolerance = 0.0;
    p.flags = 0x1u;
    rc = spec_dense(n, d, q, k, &p, 10, a, NULL);
    tap_ok(rc == THERMOAI_E_UNSUPPORTED, "unknown flag -> E_UNSUPPORTED");
    p.flags = 0;
    p.struct_size = 16;
    rc = spec_dense(n, d, q, k, &p, 10, a, NULL);
    tap_ok(rc == THERMOAI_E_SIZE, "params struct_size 16 -> E_SIZE");
    p.struct_size = sizeof p;
    info.struct_size = 8;
    rc = spec_dense(n, d, q, k, &p, 10, a, &info);
    tap_ok(rc == THERMOAI_E_SIZE && ALL_NAN(a, 10), "info struct_size 8 -> E_SIZE, NaN");
    info.struct_size = sizeof info;
    q[7] = (double)INFINITY;
    rc = spec_dense(n, d, q, k, &p, 10, a, &info);
    tap_ok(rc == THERMOAI_E_NONFINITE && ALL_NAN(a, 10) && isnan(info.lambda_max)
               && isnan(info.pi_min),
           "infinite query -> E_NONFINITE, eigenvalues and info NaN");
    util_fill(q, n * d, 6.0, 1); /* large logits: slow convergence */
    util_fill(k, n * d, 6.0, 2);
    p.max_iterations = 11;
    p.tolerance = 1e-14;
    rc = spec_dense(n, d, q, k, &p, 10, a, &info);
    tap_ok(rc == THERMOAI_E_NO_CONVERGENCE && ALL_NAN(a, 10) && info.iterations == 11,
           "11 steps for 10 eigenvalues at tolerance 1e-14 -> E_NO_CONVERGENCE, NaN (%d)", rc);
    free(q);
    free(k);
}

/* The SSA graph: with k = 1, or s covering every key, it is the dense graph. */
static void check_ssa_spectrum(void)
{
    const size_t n = 80, d = 12;
    float *q = malloc(n * d * sizeof *q), *k = malloc(n * d * sizeof *k),
          *v = malloc(n * d * sizeof *v), *y = malloc(n * d * sizeof *y);
    double dense[80], sparse[81], pi_ref, err; /* sparse: count = 81 below (all NaN on error) */
    thermoai_ssa_params sp;
    thermoai_ssa *plan;
    thermoai_spectral_info info;
    uint32_t var;
    size_t i;
    int rc;

    if (!q || !k || !v || !y || thermoai_ssa_params_init(&sp, sizeof sp) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    util_fill(q, n * d, 1.5, 5);
    util_fill(k, n * d, 1.5, 6);
    util_fill(v, n * d, 1.0, 7);
    reference_spectrum(n, d, q, k, dense, &pi_ref);
    for (var = 0; var < 2; var++) {
        const uint32_t clusters[2] = { 1, 6 };
        int c;

        for (c = 0; c < 2; c++) {
            sp.variant = var;
            sp.clusters = clusters[c];
            sp.samples = (uint32_t)n;
            plan = NULL;
            rc = thermoai_ssa_create(n, d, &sp, &plan);
            if (rc == THERMOAI_OK)
                rc = thermoai_ssa_execute(plan, q, k, v, y);
            info.struct_size = sizeof info;
            if (rc == THERMOAI_OK)
                rc = spec_ssa(plan, q, k, NULL, n, sparse, &info);
            for (i = 0, err = 0.0; i < n; i++)
                err = fmax(err, fabs(sparse[i] - dense[i]));
            tap_ok(rc == THERMOAI_OK && err <= 1e-9 && fabs(info.pi_min - pi_ref) <= 1e-9,
                   "SSA graph, variant %u, k = %u, s = n: the dense spectrum (error %.1e)",
                   (unsigned)var, (unsigned)clusters[c], err);
            thermoai_ssa_free(plan);
        }
    }
    /* default sparsity: a valid spectrum of a graph with fewer links */
    sp.variant = THERMOAI_SSA_PAPER;
    sp.clusters = 8;
    sp.samples = 3;
    if (thermoai_ssa_create(n, d, &sp, &plan) != THERMOAI_OK) {
        tap_ok(0, "create");
        return;
    }
    rc = spec_ssa(plan, q, k, NULL, 5, sparse, NULL);
    tap_ok(rc == THERMOAI_E_DOMAIN && isnan(sparse[0]), "before execution -> E_DOMAIN");
    {
        size_t bytes = 7;

        tap_ok(thermoai_spectral_ssa_workspace_bytes(plan, NULL, 5, &bytes) == THERMOAI_E_DOMAIN
                   && bytes == 0,
               "SSA workspace query before execution -> E_DOMAIN, bytes 0");
    }
    rc = thermoai_ssa_execute(plan, q, k, v, y);
    rc = rc == THERMOAI_OK ? spec_ssa(plan, q, k, NULL, 5, sparse, &info) : rc;
    tap_ok(rc == THERMOAI_OK && fabs(sparse[0]) <= 1e-9 && sparse[4] >= sparse[0]
               && info.lambda_max <= 2.0,
           "k = 8, s = 3: lambda_1 = 0, lambda_5 = %.4f, lambda_N = %.4f", sparse[4],
           info.lambda_max);
    {
        size_t bytes = 0, again = 0;
        void *work;

        rc = thermoai_spectral_ssa_workspace_bytes(plan, NULL, 5, &bytes);
        tap_ok(rc == THERMOAI_OK && bytes > 80 * 12
                   && thermoai_spectral_ssa_workspace_bytes(plan, NULL, 5, &again) == THERMOAI_OK
                   && again == bytes,
               "SSA workspace query: %zu bytes, the same twice", bytes);
        work = malloc(bytes);
        rc = work == NULL ? THERMOAI_E_NOMEM
                          : thermoai_spectral_ssa(plan, q, k, NULL, 5, work, bytes - 1, sparse, &info);
        tap_ok(rc == THERMOAI_E_SIZE && isnan(sparse[0]) && isnan(sparse[4]) && isnan(info.lambda_max),
               "SSA spectrum: one byte short -> E_SIZE, lambda and info NaN");
        rc = thermoai_spectral_ssa(plan, q, k, NULL, 5, NULL, bytes, sparse, NULL);
        tap_ok(rc == THERMOAI_E_NULL && isnan(sparse[0]), "SSA spectrum: NULL workspace -> E_NULL");
        free(work);
        tap_ok(thermoai_spectral_ssa_workspace_bytes(plan, NULL, 5, NULL) == THERMOAI_E_NULL
                   && thermoai_spectral_ssa_workspace_bytes(NULL, NULL, 5, &bytes) == THERMOAI_E_NULL
                   && bytes == 0,
               "SSA workspace query: NULL bytes or plan -> E_NULL, bytes 0");
    }
    tap_ok(spec_ssa(plan, NULL, k, NULL, 5, sparse, NULL) == THERMOAI_E_NULL,
           "SSA spectrum: NULL q -> E_NULL");
    tap_ok(spec_ssa(NULL, q, k, NULL, 5, sparse, NULL) == THERMOAI_E_NULL,
           "SSA spectrum: NULL plan -> E_NULL");
    tap_ok(spec_ssa(plan, q, k, NULL, 81, sparse, NULL) == THERMOAI_E_INVALID
               && isnan(sparse[80]),
           "SSA spectrum: count > n -> E_INVALID, all 81 NaN");
    thermoai_ssa_free(plan);
    sp.variant = THERMOAI_SSA_CENTROID;
    if (thermoai_ssa_create(n, d, &sp, &plan) == THERMOAI_OK
        && thermoai_ssa_execute(plan, q, k, v, y) == THERMOAI_OK)
        tap_ok(spec_ssa(plan, q, k, NULL, 5, sparse, NULL) == THERMOAI_E_UNSUPPORTED,
               "SSA spectrum of the centroid variant -> E_UNSUPPORTED");
    else
        tap_ok(0, "centroid plan");
    thermoai_ssa_free(plan);
    free(q);
    free(k);
    free(v);
    free(y);
}

static void check_quality_fallback_mixing(void)
{
    double x = 0.0, y;
    uint32_t dec = 99;

    tap_rel(thermoai_spectral_cluster_quality(0.1, 0.5, 1.5, &x) == THERMOAI_OK ? x : (double)NAN, 0.4 / 1.5, 1e-15,
            "Q = (0.5 - 0.1) / 1.5");
    tap_ok(thermoai_spectral_cluster_quality(0.0, 0.0, 2.0, &x) == THERMOAI_OK && x == 0.0, "Q = 0 at no gap");
    tap_ok(thermoai_spectral_cluster_quality(0.0, 1.0, 1.0, &x) == THERMOAI_OK && x == 1.0,
           "Q = 1 at the largest gap");
    tap_ok(thermoai_spectral_cluster_quality(0.1, 0.6, 1.5, &y) == THERMOAI_OK && y > 0.4 / 1.5,
           "Q grows with lambda_{k+1}");
    tap_ok(thermoai_spectral_cluster_quality(0.5, 0.4, 1.5, &x) == THERMOAI_E_INVALID && isnan(x),
           "Q: lambda_k > lambda_k+1 -> E_INVALID, NaN");
    tap_ok(thermoai_spectral_cluster_quality(0.0, 0.0, 0.0, &x) == THERMOAI_E_INVALID, "Q: lambda_N = 0");
    tap_ok(thermoai_spectral_cluster_quality(0.1, 0.5, 2.5, &x) == THERMOAI_E_INVALID, "Q: lambda_N > 2");
    tap_ok(thermoai_spectral_cluster_quality(0.1, 1.6, 1.5, &x) == THERMOAI_E_INVALID,
           "Q: lambda_k+1 > lambda_N");
    tap_ok(thermoai_spectral_cluster_quality(-0.1, 0.5, 1.5, &x) == THERMOAI_E_INVALID, "Q: negative");
    tap_ok(thermoai_spectral_cluster_quality((double)NAN, 0.5, 1.5, &x) == THERMOAI_E_NONFINITE, "Q: NaN");
    tap_ok(thermoai_spectral_cluster_quality(0.1, 0.5, 1.5, NULL) == THERMOAI_E_NULL, "Q: NULL");

    tap_ok(thermoai_spectral_fallback(0.0, &dec) == THERMOAI_OK && dec == THERMOAI_SPECTRAL_FALLBACK_DENSE,
           "fallback: Q = 0 -> dense");
    tap_ok(thermoai_spectral_fallback(0.0999, &dec) == THERMOAI_OK && dec == THERMOAI_SPECTRAL_FALLBACK_DENSE,
           "fallback: Q = 0.0999 -> dense");
    tap_ok(thermoai_spectral_fallback(0.1, &dec) == THERMOAI_OK && dec == THERMOAI_SPECTRAL_FALLBACK_HYBRID,
           "fallback: Q = 0.1 -> hybrid");
    tap_ok(thermoai_spectral_fallback(0.3, &dec) == THERMOAI_OK && dec == THERMOAI_SPECTRAL_FALLBACK_HYBRID,
           "fallback: Q = 0.3 -> hybrid");
    tap_ok(thermoai_spectral_fallback(nextafter(0.3, 1.0), &dec) == THERMOAI_OK
               && dec == THERMOAI_SPECTRAL_FALLBACK_SSA,
           "fallback: Q just above 0.3 -> SSA");
    tap_ok(thermoai_spectral_fallback(1.0, &dec) == THERMOAI_OK && dec == THERMOAI_SPECTRAL_FALLBACK_SSA,
           "fallback: Q = 1 -> SSA");
    tap_ok(thermoai_spectral_fallback(-0.01, &dec) == THERMOAI_E_INVALID, "fallback: Q < 0");
    tap_ok(thermoai_spectral_fallback(1.01, &dec) == THERMOAI_E_INVALID, "fallback: Q > 1");
    tap_ok(thermoai_spectral_fallback((double)NAN, &dec) == THERMOAI_E_NONFINITE, "fallback: NaN");
    tap_ok(thermoai_spectral_fallback(0.5, NULL) == THERMOAI_E_NULL, "fallback: NULL");

    /* ln(1 / (0.25 * 0.01)) = ln 400 = 5.991464547107982 (hand); / 0.5 and / 0.4 */
    tap_rel(thermoai_spectral_mixing_time_bound(0.5, 0.01, 0.25, 0.0, &x) == THERMOAI_OK ? x : (double)NAN,
            11.982929094215963, 1e-15, "tau <= ln 400 / 0.5");
    tap_rel(thermoai_spectral_mixing_time_bound(0.5, 0.01, 0.25, 0.1, &y) == THERMOAI_OK ? y : (double)NAN,
            14.978661367769955, 1e-15, "tau~ <= ln 400 / (0.5 - 0.1)");
    tap_ok(thermoai_spectral_mixing_time_bound(0.6, 0.01, 0.25, 0.0, &y) == THERMOAI_OK && y < x,
           "a larger gap mixes faster");
    tap_ok(thermoai_spectral_mixing_time_bound(0.5, 1e-300, 1e-300, 0.0, &y) == THERMOAI_OK
               && fabs(y - 2.0 * 300.0 * log(10.0) / 0.5) <= 1e-9 * y,
           "eps pi_min = 1e-600 does not underflow: %.6f", y);
    tap_ok(thermoai_spectral_mixing_time_bound(0.5, 0.01, 0.25, 0.5, &x) == THERMOAI_E_DOMAIN && isnan(x),
           "delta = gap -> E_DOMAIN, NaN");
    tap_ok(thermoai_spectral_mixing_time_bound(0.0, 0.01, 0.25, 0.0, &x) == THERMOAI_E_INVALID,
           "gap 0 -> E_INVALID");
    tap_ok(thermoai_spectral_mixing_time_bound(2.5, 0.01, 0.25, 0.0, &x) == THERMOAI_E_INVALID,
           "gap > 2 -> E_INVALID");
    tap_ok(thermoai_spectral_mixing_time_bound(0.5, 1.5, 0.25, 0.0, &x) == THERMOAI_E_INVALID,
           "pi_min > 1 -> E_INVALID");
    tap_ok(thermoai_spectral_mixing_time_bound(0.5, 0.01, 1.0, 0.0, &x) == THERMOAI_E_INVALID,
           "epsilon = 1 -> E_INVALID");
    tap_ok(thermoai_spectral_mixing_time_bound(0.5, 0.01, 0.25, -0.1, &x) == THERMOAI_E_INVALID,
           "negative delta -> E_INVALID");
    tap_ok(thermoai_spectral_mixing_time_bound(0.5, 0.01, (double)NAN, 0.0, &x) == THERMOAI_E_NONFINITE,
           "NaN epsilon -> E_NONFINITE");
    tap_ok(thermoai_spectral_mixing_time_bound(0.5, 0.01, 0.25, 0.0, NULL) == THERMOAI_E_NULL,
           "mixing: NULL");
}

int main(void)
{
    check_against_jacobi(2, 3, 1.0, 2, 0, 0);
    check_against_jacobi(5, 4, 1.0, 5, 0, 0);
    check_against_jacobi(40, 8, 1.0, 40, 0, 0);
    check_against_jacobi(40, 8, 1.0, 40, 1, 0);
    check_against_jacobi(97, 16, 2.0, 97, 0, THERMOAI_SPECTRAL_PORTABLE);
    check_against_jacobi(150, 32, 2.0, 12, 0, 0);
    check_against_jacobi(150, 32, 2.0, 1, 1, 0);
    check_threads_and_bad_input();
    check_ssa_spectrum();
    check_quality_fallback_mixing();
    return tap_done();
}
