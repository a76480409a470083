/* SPDX-License-Identifier: MIT */
/* Softmax attention: free energy, largest weight, singular values (paper 002,
 * Definition 8.3, Proposition 8.4, Lemma 8.2, Lemma C.1). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>

#include "common/dense.h"
#include "common/internal.h"

#define KEYS_MAX ((size_t)1 << 24)
#define DIM_MAX ((size_t)4096)

static int check_query(size_t n, size_t d, const double *query, const double *keys)
{
    if (query == NULL || keys == NULL)
        return THERMOAI_E_NULL;
    if (n == 0 || n > KEYS_MAX || d == 0 || d > DIM_MAX)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(query, d) || !thermoai__all_finite_d(keys, n * d))
        return THERMOAI_E_NONFINITE;
    return THERMOAI_OK;
}

static double dot(size_t d, const double *a, const double *b)
{
    double s = 0.0;
    size_t i;

    for (i = 0; i < d; i++)
        s += a[i] * b[i];
    return s;
}

/* Largest logit q.k_j / sqrt d; THERMOAI_E_RANGE when a logit overflows. */
static int max_logit(size_t n, size_t d, const double *query, const double *keys, double *smax)
{
    const double scale = 1.0 / sqrt((double)d);
    size_t j;

    *smax = -(double)INFINITY;
    for (j = 0; j < n; j++) {
        const double s = dot(d, query, keys + j * d) * scale;

        if (!isfinite(s))
            return THERMOAI_E_RANGE;
        *smax = fmax(*smax, s);
    }
    return THERMOAI_OK;
}

int thermoai_softmax_free_energy(size_t n, size_t d, const double *query, const double *keys,
                                 const double *p, double *free_energy)
{
    double sum = 0.0, f = 0.0, ent = 0.0, smax;
    size_t j;

    THERMOAI__OUTPUTS(free_energy);
    if (p == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(check_query(n, d, query, keys));
    if (!thermoai__all_finite_d(p, n))
        return THERMOAI_E_NONFINITE;
    for (j = 0; j < n; j++) {
        if (p[j] < 0.0)
            return THERMOAI_E_INVALID;
        sum += p[j];
    }
    if (!(fabs(sum - 1.0) <= 1e-10))
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(max_logit(n, d, query, keys, &smax));
    for (j = 0; j < n; j++) {
        f -= p[j] * dot(d, query, keys + j * d);
        if (p[j] > 0.0)
            ent += p[j] * log(p[j]);
    }
    return thermoai__finish(f + sqrt((double)d) * ent, free_energy);
}

int thermoai_softmax_free_energy_min(size_t n, size_t d, const double *query, const double *keys,
                                     double *free_energy, double *p_star)
{
    const double scale = 1.0 / sqrt((double)d);
    double smax, z = 0.0;
    size_t j;
    int status;

    if (p_star != NULL && n > 0 && n <= KEYS_MAX)
        thermoai__fill_nan_d(p_star, n);
    THERMOAI__OUTPUTS(free_energy);
    THERMOAI__TRY(check_query(n, d, query, keys));
    THERMOAI__TRY(max_logit(n, d, query, keys, &smax));
    for (j = 0; j < n; j++)
        z += exp(dot(d, query, keys + j * d) * scale - smax);
    /* F* = -sqrt(d) ln sum e^{s_j} = -sqrt(d) (smax + ln z) */
    status = thermoai__finish(-sqrt((double)d) * (smax + log(z)), free_energy);
    if (status == THERMOAI_OK && p_star != NULL)
        for (j = 0; j < n; j++)
            p_star[j] = exp(dot(d, query, keys + j * d) * scale - smax) / z;
    return status;
}

int thermoai_softmax_max_weight(size_t n, size_t d, const double *query, const double *keys,
                                double *alpha_max, double *threshold)
{
    const double scale = 1.0 / sqrt((double)d);
    double smax, z = 0.0, vals[2];
    double *const outs[2] = { alpha_max, threshold };
    size_t j;

    THERMOAI__OUTPUTS(alpha_max, threshold);
    THERMOAI__TRY(check_query(n, d, query, keys));
    THERMOAI__TRY(max_logit(n, d, query, keys, &smax));
    for (j = 0; j < n; j++)
        z += exp(dot(d, query, keys + j * d) * scale - smax);
    vals[0] = 1.0 / z; /* the largest weight is e^{smax - smax} / z */
    vals[1] = log((double)n) / (double)n;
    return thermoai__store(outs, vals, 2);
}

int thermoai_softmax_singular_values_workspace_bytes(size_t n, size_t d, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n == 0 || n > THERMOAI__DENSE_N_MAX || d == 0 || d > DIM_MAX)
        return THERMOAI_E_INVALID;
    *bytes = thermoai__doubles_bytes(2 * n * n + n);
    return THERMOAI_OK;
}

int thermoai_softmax_singular_values(size_t n, size_t d, const double *queries,
                                     const double *keys, void *workspace, size_t workspace_bytes,
                                     double *sigma)
{
    const int sizes_ok = n > 0 && n <= THERMOAI__DENSE_N_MAX && d > 0 && d <= DIM_MAX;
    const double scale = 1.0 / sqrt((double)(d > 0 ? d : 1));
    double *wm, *g, *lam, smax = -(double)INFINITY, top;
    size_t i, j, m;

    if (sigma != NULL && sizes_ok)
        thermoai__fill_nan_d(sigma, n);
    if (queries == NULL || keys == NULL || workspace == NULL || sigma == NULL)
        return THERMOAI_E_NULL;
    if (!sizes_ok)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(queries, n * d) || !thermoai__all_finite_d(keys, n * d))
        return THERMOAI_E_NONFINITE;
    wm = thermoai__workspace_doubles(workspace, workspace_bytes, 2 * n * n + n);
    if (wm == NULL)
        return THERMOAI_E_SIZE;
    g = wm + n * n;
    lam = g + n * n;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            wm[i * n + j] = dot(d, queries + i * d, keys + j * d) * scale;
            if (!isfinite(wm[i * n + j]))
                return THERMOAI_E_RANGE;
            smax = fmax(smax, wm[i * n + j]);
        }
    for (i = 0; i < n * n; i++)
        wm[i] = exp(wm[i] - smax);
    for (i = 0; i < n; i++) /* G = W^T W */
        for (j = i; j < n; j++) {
            double s = 0.0;

            for (m = 0; m < n; m++)
                s += wm[m * n + i] * wm[m * n + j];
            g[i * n + j] = g[j * n + i] = s;
        }
    if (thermoai__symeig(n, g, lam, NULL) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    top = sqrt(fmax(lam[n - 1], 0.0));
    for (i = 0; i < n; i++) /* descending */
        sigma[i] = sqrt(fmax(lam[n - 1 - i], 0.0)) / top;
    return THERMOAI_OK;
}

int thermoai_softmax_effective_rank(size_t n, const double *sigma, double *erank)
{
    double total = 0.0, big = 0.0, h = 0.0;
    size_t i;

    THERMOAI__OUTPUTS(erank);
    if (sigma == NULL)
        return THERMOAI_E_NULL;
    if (n == 0 || n > ((size_t)1 << 28))
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(sigma, n))
        return THERMOAI_E_NONFINITE;
    for (i = 0; i < n; i++) {
        if (sigma[i] < 0.0)
            return THERMOAI_E_INVALID;
        big = fmax(big, sigma[i]);
    }
    if (!(big > 0.0))
        return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++)
        total += sigma[i] / big;
    for (i = 0; i < n; i++) {
        const double p = sigma[i] / big / total;

        if (p > 0.0)
            h -= p * log(p);
    }
    return thermoai__finish(fmin(fmax(exp(h), 1.0), (double)n), erank);
}

int thermoai_softmax_rank_bound(size_t n, size_t r, double *bound)
{
    THERMOAI__OUTPUTS(bound);
    if (n == 0)
        return THERMOAI_E_INVALID;
    return thermoai__finish(r >= 64 ? (double)n : fmin((double)n, ldexp(1.0, (int)r)), bound);
}
