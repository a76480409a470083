/* SPDX-License-Identifier: MIT */
/* Spectral graph quantities of attention (paper 002, Sec. 8.2-8.6, 11.6). */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#ifdef THERMOAI_WITH_OPENMP
#  include <omp.h>
#endif

#include "attn_kernels.h"
#include "common/arena.h"
#include "common/arrays.h"
#include "common/internal.h"
#include "common/lanczos.h"
#include "spectral_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_spectral_params) == THERMOAI__SIZE_V0_SPECTRAL_PARAMS,
                        spectral_params_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_spectral_info) == THERMOAI__SIZE_V0_SPECTRAL_INFO,
                        spectral_info_size);

#define MAX_N (UINT32_C(1) << 20)
#define MAX_D THERMOAI__ATTN_MAX_HEAD_DIM
#define KNOWN_FLAGS THERMOAI_SPECTRAL_PORTABLE

int thermoai_spectral_params_init(thermoai_spectral_params *params, size_t size)
{
    return thermoai__struct_init(params, size, THERMOAI__SIZE_V0_SPECTRAL_PARAMS);
}

size_t thermoai_spectral_params_size(void)
{
    return sizeof(thermoai_spectral_params);
}

int thermoai_spectral_info_init(thermoai_spectral_info *out, size_t size)
{
    return thermoai__struct_init(out, size, THERMOAI__SIZE_V0_SPECTRAL_INFO);
}

size_t thermoai_spectral_info_size(void)
{
    return sizeof(thermoai_spectral_info);
}

int thermoai__spectrum_setup(const thermoai_spectral_params *user, size_t n, size_t count,
                             struct thermoai__spectrum_setup *out)
{
    thermoai_spectral_params par;
    int status;

    memset(&par, 0, sizeof par);
    par.struct_size = (uint32_t)sizeof par;
    if (user != NULL
        && (status = thermoai__struct_in(user, THERMOAI__SIZE_V0_SPECTRAL_PARAMS, &par, sizeof par)) != THERMOAI_OK)
        return status;
    if ((par.flags & ~(uint32_t)KNOWN_FLAGS) != 0)
        return THERMOAI_E_UNSUPPORTED;
    if (isnan(par.tolerance) || par.tolerance < 0.0)
        return THERMOAI_E_INVALID;
    if (count < 1 || count > n)
        return THERMOAI_E_INVALID;
    out->lanczos.tolerance = par.tolerance > 0.0 ? par.tolerance : 1e-9;
    out->lanczos.seed = par.seed;
    if (par.max_iterations) {
        out->lanczos.max_steps = par.max_iterations;
    } else {
        const size_t a = 3 * count, b = count + 150;

        out->lanczos.max_steps = a > b ? a : b;
    }
    if (out->lanczos.max_steps > n)
        out->lanczos.max_steps = n;
    if (out->lanczos.max_steps < count + 1) /* count + 1 Ritz values separate the ends */
        out->lanczos.max_steps = count + 1 < n ? count + 1 : n;
    out->flags = par.flags;
    out->threads = 1;
#ifdef THERMOAI_WITH_OPENMP
    out->threads = par.threads ? (int)par.threads : omp_get_max_threads();
    if (out->threads < 1)
        out->threads = 1;
#endif
    return THERMOAI_OK;
}

/* The double fields of the info, for the error path of an output struct. */
static const size_t info_doubles[] = {
    offsetof(thermoai_spectral_info, lambda_max),
    offsetof(thermoai_spectral_info, pi_min),
    offsetof(thermoai_spectral_info, residual),
};

void thermoai__spectrum_nan(double *lambda, size_t count)
{
    size_t i;

    /* every entry the caller passed, when count doubles can exist at all */
    if (lambda != NULL && thermoai__can_own(count, 1, sizeof(double)))
        for (i = 0; i < count; i++)
            lambda[i] = (double)NAN;
}

int thermoai__spectrum_finish(int status, size_t n, size_t count, double *lambda, size_t steps,
                              double lambda_max, double pi_min, double residual,
                              thermoai_spectral_info *info)
{
    thermoai_spectral_info out;

    (void)n;
    if (status != THERMOAI_OK) {
        thermoai__spectrum_nan(lambda, count);
        lambda_max = pi_min = residual = (double)NAN;
    }
    if (info != NULL) {
        int st;

        memset(&out, 0, sizeof out);
        out.struct_size = (uint32_t)sizeof out;
        out.iterations = (uint32_t)steps;
        out.lambda_max = lambda_max;
        out.pi_min = pi_min;
        out.residual = residual;
        st = thermoai__struct_out(info, THERMOAI__SIZE_V0_SPECTRAL_INFO, &out, sizeof out);
        if (status != THERMOAI_OK || st != THERMOAI_OK) /* also below the V0 size */
            thermoai__struct_nan(info, sizeof out, info_doubles,
                                 sizeof info_doubles / sizeof info_doubles[0]);
        if (status == THERMOAI_OK && st != THERMOAI_OK) {
            thermoai__spectrum_nan(lambda, count);
            return st;
        }
    }
    return status;
}

/* ---- the dense attention operator ------------------------------------------- */

struct dense_op {
    size_t n, d, kw;
    const float *q, *k;
    float *qp, *kp;  /* Q and K packed as keys ([d][kw]) */
    float scale;     /* log2(e) / sqrt(d): scores in binary orders */
    float shift;     /* the largest score: weights 2^(s - shift) <= 1 */
    double *other;   /* n: W^T x */
    struct attn_kernels kern;
    int threads;
};

/*
 * One tile of four rows of a against the packed bp, chunk by chunk. With x NULL it
 * returns the largest score; otherwise out_i = sum_j 2^(a_i . b_j scale - shift) x_j
 * for the tile's rows (and returns -infinity).
 */
static float visit_tile(const struct dense_op *op, const float *a, const float *bp, long t,
                        const double *x, double *out)
{
    float buf[ATTN_SCRATCH_FLOATS + 16], best = -INFINITY;
    float *s = (float *)thermoai__align(buf, 64);
    const size_t i0 = (size_t)t * ATTN_TILE_ROWS;
    const int rows = (int)(op->n - i0 < ATTN_TILE_ROWS ? op->n - i0 : ATTN_TILE_ROWS);
    const float *qr[ATTN_TILE_ROWS];
    double acc[ATTN_TILE_ROWS] = { 0.0, 0.0, 0.0, 0.0 };
    size_t j0, j;
    int r;

    for (r = 0; r < ATTN_TILE_ROWS; r++)
        qr[r] = a + (i0 + (size_t)(r < rows ? r : 0)) * op->d;
    for (j0 = 0; j0 < op->n; j0 += ATTN_KCHUNK) {
        const size_t nj = op->n - j0 < ATTN_KCHUNK ? op->n - j0 : ATTN_KCHUNK;

        op->kern.scores(rows, qr, bp, op->kw, j0, nj, op->d, op->scale, s);
        for (r = 0; r < rows; r++) {
            float *sr = s + (size_t)r * ATTN_KCHUNK;

            if (x == NULL) {
                const float m = op->kern.max(sr, nj);

                best = m > best ? m : best;
                continue;
            }
            (void)op->kern.exp2_shift(sr, nj, op->shift);
            for (j = 0; j < nj; j++)
                acc[r] += (double)sr[j] * x[j0 + j];
        }
    }
    if (x != NULL)
        for (r = 0; r < rows; r++)
            out[i0 + (size_t)r] = acc[r];
    return best;
}

/* out_i = sum_j 2^(a_i . b_j * scale - shift) x_j for every row a_i of a (b packed in bp) */
static void half_product(const struct dense_op *op, const float *a, const float *bp,
                         const double *x, double *out)
{
    const long tiles = (long)((op->n + ATTN_TILE_ROWS - 1) / ATTN_TILE_ROWS);
    long t;

#ifdef THERMOAI_WITH_OPENMP
#  pragma omp parallel for schedule(static) num_threads(op->threads) default(none) \
      shared(op, a, bp, x, out, tiles) \
      if((double)op->n * (double)op->n * (double)op->d >= THERMOAI__PARALLEL_MIN_WORK)
#endif
    for (t = 0; t < tiles; t++)
        (void)visit_tile(op, a, bp, t, x, out);
}

/* y = W_s x = (W x + W^T x) / 2; W^T x is W with the roles of Q and K swapped, which
 * gives bitwise the same weights (the same products summed in the same order). */
static int dense_matvec(void *ctx, const double *x, double *y)
{
    const struct dense_op *op = (const struct dense_op *)ctx;
    size_t i;

    half_product(op, op->q, op->kp, x, y);
    half_product(op, op->k, op->qp, x, op->other);
    for (i = 0; i < op->n; i++)
        y[i] = 0.5 * (y[i] + op->other[i]);
    return 0;
}

/* The largest score max_ij q_i . k_j * scale. */
static float largest_score(const struct dense_op *op)
{
    const long tiles = (long)((op->n + ATTN_TILE_ROWS - 1) / ATTN_TILE_ROWS);
    float best = -INFINITY;
    long t;

#ifdef THERMOAI_WITH_OPENMP
#  pragma omp parallel for schedule(static) num_threads(op->threads) default(none) \
      shared(op, tiles) reduction(max : best) \
      if((double)op->n * (double)op->n * (double)op->d >= THERMOAI__PARALLEL_MIN_WORK)
#endif
    for (t = 0; t < tiles; t++) {
        const float m = visit_tile(op, op->q, op->kp, t, NULL, NULL);

        best = m > best ? m : best;
    }
    return best;
}

/* The pieces of the dense spectrum's workspace: packed keys and queries (16
 * floats of slack each for the kernels' tails), W^T x, and the Lanczos work. */
struct dense_layout {
    size_t kp, qp, other, work, total;
};

static int dense_layout(size_t n, size_t d, const struct thermoai__spectrum_setup *set,
                        struct dense_layout *out)
{
    struct thermoai__layout l = { 0, 0 };
    const size_t kw = ATTN_KSTRIDE(n);
    size_t work;

    if (thermoai__laplacian_spectrum_doubles(n, &set->lanczos, &work) != THERMOAI_OK
        || kw > (SIZE_MAX - 16) / d)
        return THERMOAI_E_NOMEM;
    out->kp = thermoai__layout_reserve(&l, d * kw + 16, sizeof(float));
    out->qp = thermoai__layout_reserve(&l, d * kw + 16, sizeof(float));
    out->other = thermoai__layout_reserve(&l, n, sizeof(double));
    out->work = thermoai__layout_reserve(&l, work, sizeof(double));
    out->total = thermoai__layout_total(&l);
    return out->total == 0 ? THERMOAI_E_NOMEM : THERMOAI_OK;
}

/* Checks the arguments both entry points share; resolves set. */
static int dense_args(size_t n, size_t d, const thermoai_spectral_params *params, size_t count,
                      struct thermoai__spectrum_setup *set)
{
    if (n < 2 || n > MAX_N || d < 1 || d > MAX_D)
        return THERMOAI_E_INVALID;
    return thermoai__spectrum_setup(params, n, count, set);
}

int thermoai_spectral_attention_workspace_bytes(size_t n, size_t d,
                                                const thermoai_spectral_params *params,
                                                size_t count, size_t *bytes)
{
    struct thermoai__spectrum_setup set;
    struct dense_layout lay;
    int status;

    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    status = dense_args(n, d, params, count, &set);
    if (status == THERMOAI_OK)
        status = dense_layout(n, d, &set, &lay);
    if (status == THERMOAI_OK)
        *bytes = lay.total;
    return status;
}

int thermoai_spectral_attention(size_t n, size_t d, const float *q, const float *k,
                                const thermoai_spectral_params *params, size_t count,
                                void *workspace, size_t workspace_bytes, double *lambda,
                                thermoai_spectral_info *info)
{
    struct thermoai__spectrum_setup set;
    struct dense_op op;
    struct dense_layout lay;
    size_t steps = 0;
    double lambda_max = (double)NAN, pi_min = (double)NAN, residual = (double)NAN;
    unsigned char *base;
    int status;

    if (lambda == NULL) /* the info's doubles NaN all the same */
        return thermoai__spectrum_finish(THERMOAI_E_NULL, 0, 0, NULL, 0, (double)NAN, (double)NAN,
                                         (double)NAN, info);
    thermoai__spectrum_nan(lambda, count);
    if (q == NULL || k == NULL || workspace == NULL)
        status = THERMOAI_E_NULL;
    else
        status = dense_args(n, d, params, count, &set);
    if (status == THERMOAI_OK && (!thermoai__all_finite(q, n * d) || !thermoai__all_finite(k, n * d)))
        status = THERMOAI_E_NONFINITE;
    if (status == THERMOAI_OK)
        status = dense_layout(n, d, &set, &lay);
    if (status == THERMOAI_OK && workspace_bytes < lay.total)
        status = THERMOAI_E_SIZE;
    if (status != THERMOAI_OK)
        return thermoai__spectrum_finish(status, n <= MAX_N ? n : 0, count, lambda, 0, (double)NAN, (double)NAN,
                                         (double)NAN, info);

    base = (unsigned char *)thermoai__align(workspace, THERMOAI__ARENA_ALIGN);
    op.n = n;
    op.d = d;
    op.q = q;
    op.k = k;
    op.kw = ATTN_KSTRIDE(n);
    op.threads = set.threads;
    op.kp = (float *)(void *)(base + lay.kp);
    op.qp = (float *)(void *)(base + lay.qp);
    op.other = (double *)(void *)(base + lay.other);
    thermoai__attn_kernels_select(&op.kern, (set.flags & THERMOAI_SPECTRAL_PORTABLE) ? ATTN_SIMD_NONE : ATTN_SIMD_BEST);
    thermoai__attn_pack(k, NULL, n, d, d, op.kp, op.kw);
    thermoai__attn_pack(q, NULL, n, d, d, op.qp, op.kw);
    op.scale = (float)(THERMOAI__LOG2E / sqrt((double)d));
    op.shift = largest_score(&op);
    if (!isfinite(op.shift)) {
        status = THERMOAI_E_RANGE;
    } else {
        status = thermoai__laplacian_spectrum(n, dense_matvec, &op, &set.lanczos, count,
                                              (double *)(void *)(base + lay.work), lambda,
                                              &lambda_max, &pi_min, &steps, &residual);
        if (status == THERMOAI_E_CALLBACK) /* dense_matvec cannot fail */
            status = THERMOAI_E_INTERNAL;
    }
    return thermoai__spectrum_finish(status, n, count, lambda, steps, lambda_max, pi_min, residual,
                                     info);
}

int thermoai_spectral_cluster_quality(double lambda_k, double lambda_k1, double lambda_n, double *quality)
{
    THERMOAI__OUTPUTS(quality);
    THERMOAI__TRY(THERMOAI__CHECK({ lambda_k, THERMOAI__NONNEG }, { lambda_k1, THERMOAI__NONNEG },
                                  { lambda_n, THERMOAI__POS }));
    if (lambda_n > 2.0 || lambda_k > lambda_k1 || lambda_k1 > lambda_n)
        return THERMOAI_E_INVALID;
    *quality = (lambda_k1 - lambda_k) / lambda_n;
    return THERMOAI_OK;
}

int thermoai_spectral_fallback(double quality, uint32_t *decision)
{
    if (decision == NULL)
        return THERMOAI_E_NULL;
    *decision = THERMOAI_SPECTRAL_FALLBACK_DENSE;
    if (!isfinite(quality))
        return THERMOAI_E_NONFINITE;
    if (quality < 0.0 || quality > 1.0)
        return THERMOAI_E_INVALID;
    *decision = quality < 0.1   ? THERMOAI_SPECTRAL_FALLBACK_DENSE
                : quality > 0.3 ? THERMOAI_SPECTRAL_FALLBACK_SSA
                                : THERMOAI_SPECTRAL_FALLBACK_HYBRID;
    return THERMOAI_OK;
}

int thermoai_spectral_mixing_time_bound(double gap, double pi_min, double epsilon, double delta,
                               double *steps)
{
    THERMOAI__OUTPUTS(steps);
    THERMOAI__TRY(THERMOAI__CHECK({ gap, THERMOAI__POS }, { pi_min, THERMOAI__POS },
                                  { epsilon, THERMOAI__POS }, { delta, THERMOAI__NONNEG }));
    if (gap > 2.0 || pi_min > 1.0 || epsilon >= 1.0)
        return THERMOAI_E_INVALID;
    if (delta >= gap)
        return THERMOAI_E_DOMAIN;
    /* ln(1/(eps pi_min)) = -(ln eps + ln pi_min): no underflow of the product */
    return thermoai__finish(-(log(epsilon) + log(pi_min)) / (gap - delta), steps);
}
