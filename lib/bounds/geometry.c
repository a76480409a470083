/* SPDX-License-Identifier: MIT */
/* Geometry of attention (paper 002, Sec. 5, App. B.8). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>

#include "common/dense.h"
#include "common/internal.h"

#define KEYS_MAX ((size_t)1 << 24)
#define DIM_MAX ((size_t)4096)

int thermoai_geometry_fisher_workspace_bytes(size_t n, size_t d, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n == 0 || n > KEYS_MAX || d == 0 || d > DIM_MAX)
        return THERMOAI_E_INVALID;
    *bytes = thermoai__doubles_bytes(n + d);
    return THERMOAI_OK;
}

int thermoai_geometry_fisher_metric(size_t n, size_t d, const double *query, const double *keys,
                                    void *workspace, size_t workspace_bytes, double *metric)
{
    const int sizes_ok = n > 0 && n <= KEYS_MAX && d > 0 && d <= DIM_MAX;
    double *p, *mean, smax = -(double)INFINITY, z = 0.0, scale;
    size_t i, j, a, b;

    if (metric != NULL && sizes_ok)
        thermoai__fill_nan_d(metric, d * d);
    if (query == NULL || keys == NULL || workspace == NULL || metric == NULL)
        return THERMOAI_E_NULL;
    if (!sizes_ok)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(query, d) || !thermoai__all_finite_d(keys, n * d))
        return THERMOAI_E_NONFINITE;
    p = thermoai__workspace_doubles(workspace, workspace_bytes, n + d);
    if (p == NULL)
        return THERMOAI_E_SIZE;
    mean = p + n;
    scale = 1.0 / sqrt((double)d);
    for (j = 0; j < n; j++) {
        double s = 0.0;

        for (a = 0; a < d; a++)
            s += query[a] * keys[j * d + a];
        p[j] = s * scale;
        if (!isfinite(p[j]))
            return THERMOAI_E_RANGE;
        smax = fmax(smax, p[j]);
    }
    for (j = 0; j < n; j++) {
        p[j] = exp(p[j] - smax);
        z += p[j];
    }
    for (a = 0; a < d; a++)
        mean[a] = 0.0;
    for (j = 0; j < n; j++) {
        p[j] /= z;
        for (a = 0; a < d; a++)
            mean[a] += p[j] * keys[j * d + a];
    }
    for (i = 0; i < d * d; i++)
        metric[i] = 0.0;
    for (j = 0; j < n; j++) {
        const double *k = keys + j * d;

        for (a = 0; a < d; a++) {
            const double ca = p[j] * (k[a] - mean[a]);

            for (b = a; b < d; b++)
                metric[a * d + b] += ca * (k[b] - mean[b]);
        }
    }
    for (a = 0; a < d; a++)
        for (b = a; b < d; b++) {
            const double g = metric[a * d + b] / (double)d;

            if (!isfinite(g)) {
                thermoai__fill_nan_d(metric, d * d);
                return THERMOAI_E_RANGE;
            }
            metric[a * d + b] = metric[b * d + a] = g;
        }
    return THERMOAI_OK;
}

int thermoai_geometry_heat_factor(double lambda, double tau, double layers, double *factor)
{
    double x;

    THERMOAI__OUTPUTS(factor);
    THERMOAI__TRY(THERMOAI__CHECK({ lambda, THERMOAI__NONNEG }, { tau, THERMOAI__NONNEG },
                                  { layers, THERMOAI__NONNEG }));
    /* lambda tau L may overflow to inf (exp gives 0); a zero factor means no decay even
     * when another factor is huge (inf * 0 would be NaN) */
    if (lambda == 0.0 || tau == 0.0 || layers == 0.0) {
        x = 1.0;
    } else {
        /* lambda tau L as hi + lo (two exact products with fma), so that the rounding of
         * the argument does not cost |lambda tau L| ulps in the result */
        const double p = lambda * tau, pe = fma(lambda, tau, -p);
        const double hi = p * layers, lo = fma(p, layers, -hi) + pe * layers;

        /* exp(-hi) is 0 from 746 on, where exp(-lo) of |lo| <= ulp(hi) may be inf */
        x = hi < 746.0 ? exp(-hi) * exp(-lo) : 0.0;
    }
    if (x != 0.0 && x < DBL_MIN)
        x = 0.0; /* a suppressed mode is 0, not a range error */
    return thermoai__finish(x, factor);
}

int thermoai_geometry_heat_cutoff(double tau, double layers, double threshold, double *lambda_cut)
{
    const double num = -log(threshold);
    double den[2];

    THERMOAI__OUTPUTS(lambda_cut);
    THERMOAI__TRY(THERMOAI__CHECK({ tau, THERMOAI__POS }, { layers, THERMOAI__POS },
                                  { threshold, THERMOAI__POS }));
    if (threshold > 1.0)
        return THERMOAI_E_INVALID;
    den[0] = tau;
    den[1] = layers;
    return thermoai__scaled_ratio(&num, 1, den, 2, lambda_cut);
}

int thermoai_geometry_heat_filter_workspace_bytes(size_t n, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n == 0 || n > THERMOAI__DENSE_N_MAX)
        return THERMOAI_E_INVALID;
    *bytes = thermoai__doubles_bytes(2 * n * n + 2 * n);
    return THERMOAI_OK;
}

int thermoai_geometry_heat_filter(size_t n, const double *laplacian, const double *f, double tau,
                                  double layers, void *workspace, size_t workspace_bytes,
                                  double *out)
{
    const int n_ok = n > 0 && n <= THERMOAI__DENSE_N_MAX;
    double *a, *v, *w, *c, big = 0.0;
    size_t i, m;
    int status;

    if (laplacian == NULL || f == NULL || workspace == NULL || out == NULL) {
        if (out != NULL && n_ok && out != f)
            thermoai__fill_nan_d(out, n);
        return THERMOAI_E_NULL;
    }
    status = THERMOAI_E_INVALID;
    if (!n_ok)
        goto fail;
    status = THERMOAI_E_NONFINITE;
    if (!thermoai__all_finite_d(laplacian, n * n) || !thermoai__all_finite_d(f, n))
        goto fail;
    status = THERMOAI__CHECK({ tau, THERMOAI__NONNEG }, { layers, THERMOAI__NONNEG });
    if (status != THERMOAI_OK)
        goto fail;
    status = THERMOAI_E_INVALID;
    if (!thermoai__is_symmetric(n, laplacian, 1e-10))
        goto fail;
    status = THERMOAI_E_SIZE;
    a = thermoai__workspace_doubles(workspace, workspace_bytes, 2 * n * n + 2 * n);
    if (a == NULL)
        goto fail;
    v = a + n * n;
    w = v + n * n;
    c = w + n;
    for (i = 0; i < n; i++)
        for (m = 0; m < n; m++)
            a[i * n + m] = 0.5 * (laplacian[i * n + m] + laplacian[m * n + i]);
    status = THERMOAI_E_NO_CONVERGENCE;
    if (thermoai__symeig(n, a, w, v) != 0)
        goto fail;
    for (m = 0; m < n; m++)
        big = fmax(big, fabs(w[m]));
    status = THERMOAI_E_INVALID;
    for (m = 0; m < n; m++)
        if (w[m] < -1e-10 * big)
            goto fail;
    for (m = 0; m < n; m++) { /* c_m = e^{-lambda_m tau L} <f, phi_m> */
        double s = 0.0, x = fmax(w[m], 0.0);

        for (i = 0; i < n; i++)
            s += v[i * n + m] * f[i];
        c[m] = x == 0.0 || tau == 0.0 || layers == 0.0 ? s : s * exp(-(x * tau) * layers);
    }
    for (i = 0; i < n; i++) {
        double s = 0.0;

        for (m = 0; m < n; m++)
            s += v[i * n + m] * c[m];
        out[i] = s;
    }
    return THERMOAI_OK;
fail:
    thermoai__fill_nan_d(out, n_ok ? n : 0);
    return status;
}

int thermoai_geometry_information_bound(double info0_bits, double kappa_per_s,
                                        double source_bits_per_s, double t_s, double *info_bits)
{
    double x, decay, phi;

    THERMOAI__OUTPUTS(info_bits);
    THERMOAI__TRY(THERMOAI__CHECK({ info0_bits, THERMOAI__NONNEG }, { kappa_per_s, THERMOAI__FINITE },
                                  { source_bits_per_s, THERMOAI__NONNEG }, { t_s, THERMOAI__NONNEG }));
    x = kappa_per_s * t_s;
    decay = exp(-x);
    /* (1 - e^{-kappa t}) / kappa = t (1 - e^{-x}) / x, = t at x = 0 */
    phi = x == 0.0 ? t_s : t_s * (-expm1(-x) / x);
    if (decay != 0.0 && decay < DBL_MIN)
        decay = 0.0; /* the decayed start is 0, a value */
    /* a positive bound that underflows is a range error, as any other */
    if ((info0_bits > 0.0 && decay > 0.0) || (source_bits_per_s > 0.0 && t_s > 0.0))
        return thermoai__finish_positive(info0_bits * decay + source_bits_per_s * phi, info_bits);
    return thermoai__finish(0.0, info_bits);
}

int thermoai_geometry_spectral_energy_j(double k, double n, double d, double energy_per_flop_j,
                                        double energy_per_element_j, double *energy_j)
{
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ k, THERMOAI__NONNEG }, { n, THERMOAI__GE1 }, { d, THERMOAI__GE1 },
                                  { energy_per_flop_j, THERMOAI__NONNEG },
                                  { energy_per_element_j, THERMOAI__NONNEG }));
    {
        /* kN e_flop + kd e_mem without intermediate overflow or underflow */
        const double f[6] = { k, n, energy_per_flop_j, k, d, energy_per_element_j };

        return thermoai__sum_of_products(f, 2, 3, energy_j);
    }
}
