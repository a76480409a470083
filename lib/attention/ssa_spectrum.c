/* SPDX-License-Identifier: MIT */
/* The normalised Laplacian spectrum of the graph an SSA plan attends over. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/arena.h"
#include "common/arrays.h"
#include "common/internal.h"
#include "common/lanczos.h"
#include "spectral_internal.h"
#include "ssa_internal.h"

/* The SSA graph in compressed rows: row i holds the keys query i attends to. */
struct sparse_op {
    size_t n;
    size_t nnz;      /* the count pass's total (rowptr NULL) */
    size_t *rowptr;  /* n + 1 */
    uint32_t *col;   /* nnz */
    double *val;     /* nnz: weight * e^(logit - shift) */
    double *other;   /* n: W^T x */
};

/* y = (W x + W^T x) / 2, in a fixed order (one thread). */
static int sparse_matvec(void *ctx, const double *x, double *y)
{
    const struct sparse_op *op = (const struct sparse_op *)ctx;
    size_t i, e;

    memset(op->other, 0, op->n * sizeof *op->other);
    for (i = 0; i < op->n; i++) {
        double acc = 0.0;

        for (e = op->rowptr[i]; e < op->rowptr[i + 1]; e++) {
            acc += op->val[e] * x[op->col[e]];
            op->other[op->col[e]] += op->val[e] * x[i];
        }
        y[i] = acc;
    }
    for (i = 0; i < op->n; i++)
        y[i] = 0.5 * (y[i] + op->other[i]);
    return 0;
}

/*
 * Walks the graph: for every query, its allowed cluster members and its
 * sampled keys (the same draws as thermoai_ssa_execute()). With op->col NULL
 * it only counts the edges of each row into op->rowptr[i + 1], and with
 * op->rowptr NULL too only their total into op->nnz.
 */
static void walk(thermoai_ssa *p, struct sparse_op *op, const float *q, const float *k)
{
    struct thermoai__ssa_thread *b = &p->tb[0];
    const int causal = (p->flags & THERMOAI_SSA_CAUSAL) != 0;
    const double inv_sqrt_d = 1.0 / sqrt((double)p->d);
    size_t c, t, j, u;

    for (c = 0; c < p->k; c++) {
        const size_t lo = p->offset[c], size = p->offset[c + 1] - lo;

        if (size == 0)
            continue;
        thermoai__ssa_outside(p, b, c);
        for (t = 0; t < size; t++) {
            const uint32_t tok = p->order[lo + t];
            const size_t members_allowed = causal ? t + 1 : size;
            const size_t allowed = causal ? (size_t)tok + 1 : p->n;
            double weight;
            const size_t drawn =
                thermoai__ssa_draw_samples(p, b, tok, members_allowed, allowed, &weight);
            size_t e;

            if (op->col == NULL) {
                if (op->rowptr != NULL)
                    op->rowptr[tok + 1] = members_allowed + drawn;
                op->nnz += members_allowed + drawn;
                continue;
            }
            e = op->rowptr[tok];
            for (j = 0; j < members_allowed + drawn; j++, e++) {
                const uint32_t key = j < members_allowed ? p->order[lo + j]
                                                         : b->sample_r[j - members_allowed];
                double logit = 0.0;

                for (u = 0; u < p->d; u++)
                    logit += (double)q[(size_t)tok * p->d + u] * (double)k[(size_t)key * p->d + u];
                op->col[e] = key;
                /* log weight + logit; the importance variant counts a sample M / drawn times */
                op->val[e] = logit * inv_sqrt_d
                             + (j >= members_allowed && p->variant == THERMOAI_SSA_IMPORTANCE
                                    ? log(weight)
                                    : 0.0);
            }
        }
    }
}

/* The pieces of the SSA spectrum's workspace for nnz edges. */
struct sparse_layout {
    size_t rowptr, val, other, col, work, total;
};

static int sparse_layout(size_t n, size_t nnz, const struct thermoai__spectrum_setup *set,
                         struct sparse_layout *out)
{
    struct thermoai__layout l = { 0, 0 };
    size_t work;

    if (thermoai__laplacian_spectrum_doubles(n, &set->lanczos, &work) != THERMOAI_OK)
        return THERMOAI_E_NOMEM;
    out->rowptr = thermoai__layout_reserve(&l, n + 1, sizeof(size_t));
    out->val = thermoai__layout_reserve(&l, nnz, sizeof(double));
    out->other = thermoai__layout_reserve(&l, n, sizeof(double));
    out->col = thermoai__layout_reserve(&l, nnz, sizeof(uint32_t));
    out->work = thermoai__layout_reserve(&l, work, sizeof(double));
    out->total = thermoai__layout_total(&l);
    return out->total == 0 ? THERMOAI_E_NOMEM : THERMOAI_OK;
}

/* Checks the plan and params both entry points share; resolves set and the edges. */
static int sparse_args(thermoai_ssa *plan, const thermoai_spectral_params *params, size_t count,
                       struct thermoai__spectrum_setup *set, struct sparse_layout *lay)
{
    struct sparse_op op;
    int status;

    if (!plan->executed)
        return THERMOAI_E_DOMAIN;
    if (plan->variant == THERMOAI_SSA_CENTROID)
        return THERMOAI_E_UNSUPPORTED; /* centroid terms are not edges between tokens */
    status = thermoai__spectrum_setup(params, plan->n, count, set);
    if (status != THERMOAI_OK)
        return status;
    memset(&op, 0, sizeof op);
    op.n = plan->n;
    op.rowptr = NULL;
    op.col = NULL;
    walk(plan, &op, NULL, NULL); /* the count pass reads neither q nor k */
    return sparse_layout(plan->n, op.nnz, set, lay);
}

int thermoai_spectral_ssa_workspace_bytes(thermoai_ssa *plan, const thermoai_spectral_params *params,
                                          size_t count, size_t *bytes)
{
    struct thermoai__spectrum_setup set;
    struct sparse_layout lay;
    int status;

    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (plan == NULL)
        return THERMOAI_E_NULL;
    status = sparse_args(plan, params, count, &set, &lay);
    if (status == THERMOAI_OK)
        *bytes = lay.total;
    return status;
}

int thermoai_spectral_ssa(thermoai_ssa *plan, const float *q, const float *k,
                          const thermoai_spectral_params *params, size_t count, void *workspace,
                          size_t workspace_bytes, double *lambda, thermoai_spectral_info *info)
{
    struct thermoai__spectrum_setup set;
    struct sparse_op op;
    struct sparse_layout lay;
    size_t i, nnz = 0, steps = 0, n;
    double shift = -(double)INFINITY, lambda_max = (double)NAN, pi_min = (double)NAN, residual = (double)NAN;
    unsigned char *base;
    int status;

    if (lambda == NULL || plan == NULL) { /* the info's doubles NaN all the same */
        thermoai__spectrum_nan(lambda, count);
        return thermoai__spectrum_finish(THERMOAI_E_NULL, 0, 0, NULL, 0, (double)NAN, (double)NAN,
                                         (double)NAN, info);
    }
    n = plan->n;
    thermoai__spectrum_nan(lambda, count);
    if (q == NULL || k == NULL || workspace == NULL)
        status = THERMOAI_E_NULL;
    else
        status = sparse_args(plan, params, count, &set, &lay);
    if (status == THERMOAI_OK
        && (!thermoai__all_finite(q, n * plan->d) || !thermoai__all_finite(k, n * plan->d)))
        status = THERMOAI_E_NONFINITE;
    if (status == THERMOAI_OK && workspace_bytes < lay.total)
        status = THERMOAI_E_SIZE;
    if (status != THERMOAI_OK)
        return thermoai__spectrum_finish(status, n, count, lambda, 0, (double)NAN, (double)NAN, (double)NAN, info);

    /* rows, then the edges */
    base = (unsigned char *)thermoai__align(workspace, THERMOAI__ARENA_ALIGN);
    memset(&op, 0, sizeof op);
    op.n = n;
    op.col = NULL;
    op.rowptr = (size_t *)(void *)(base + lay.rowptr);
    op.val = (double *)(void *)(base + lay.val);
    op.other = (double *)(void *)(base + lay.other);
    op.rowptr[0] = 0;
    walk(plan, &op, q, k);
    for (i = 0; i < n; i++)
        op.rowptr[i + 1] += op.rowptr[i];
    nnz = op.rowptr[n];
    op.col = (uint32_t *)(void *)(base + lay.col);
    walk(plan, &op, q, k);
    for (i = 0; i < nnz; i++)
        if (op.val[i] > shift)
            shift = op.val[i];
    for (i = 0; i < nnz; i++)
        op.val[i] = exp(op.val[i] - shift);
    status = thermoai__laplacian_spectrum(n, sparse_matvec, &op, &set.lanczos, count,
                                          (double *)(void *)(base + lay.work), lambda,
                                          &lambda_max, &pi_min, &steps, &residual);
    if (status == THERMOAI_E_CALLBACK)
        status = THERMOAI_E_INTERNAL;
    return thermoai__spectrum_finish(status, n, count, lambda, steps, lambda_max, pi_min, residual,
                                     info);
}
