/* SPDX-License-Identifier: MIT */
/* Matrix perturbation and concentration bounds (paper 002, Sec. 9, App. B.2, B.3, C). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>

#include "common/dense.h"
#include "common/internal.h"

int thermoai_perturbation_sin_theta_bound(double norm_op, double norm_f, size_t k, double gap,
                                          double *bound)
{
    double num[2], den[2], s;

    THERMOAI__OUTPUTS(bound);
    THERMOAI__TRY(THERMOAI__CHECK({ norm_op, THERMOAI__NONNEG }, { norm_f, THERMOAI__NONNEG },
                                  { gap, THERMOAI__POS }));
    if (k == 0)
        return THERMOAI_E_INVALID;
    /* both norms times 2^64 (exact) when the operator norm is small, so that
     * sqrt(k) |E|_op is not rounded as a subnormal; sqrt(k) <= 2^32 cannot overflow it */
    s = norm_op < 1.0 ? 0x1p64 : 1.0;
    num[0] = 2.0;
    num[1] = fmin(sqrt((double)k) * (norm_op * s), norm_f * s);
    den[0] = gap;
    den[1] = s;
    return thermoai__scaled_ratio(num, 2, den, 2, bound);
}

int thermoai_perturbation_measure_workspace_bytes(size_t n, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n < 2 || n > THERMOAI__DENSE_N_MAX)
        return THERMOAI_E_INVALID;
    *bytes = thermoai__doubles_bytes(3 * n * n + n);
    return THERMOAI_OK;
}

/* c = (m + m^T)/2. */
static void sym_copy(size_t n, const double *m, double *c)
{
    size_t i, j;

    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            c[i * n + j] = 0.5 * (m[i * n + j] + m[j * n + i]);
}

int thermoai_perturbation_measure(size_t n, size_t k, const double *a, const double *a_tilde,
                                  void *workspace, size_t workspace_bytes, double *sin_theta_f,
                                  double *gap, double *norm_f, double *norm_op)
{
    double *c, *v, *vt, *w, vals[4], overlap = 0.0, fro = 0.0, op = 0.0;
    double *const outs[4] = { sin_theta_f, gap, norm_f, norm_op };
    size_t i, j, p, q;

    THERMOAI__OUTPUTS(sin_theta_f, gap, norm_f, norm_op);
    if (a == NULL || a_tilde == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    if (n < 2 || n > THERMOAI__DENSE_N_MAX || k == 0 || k >= n)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(a, n * n) || !thermoai__all_finite_d(a_tilde, n * n))
        return THERMOAI_E_NONFINITE;
    if (!thermoai__is_symmetric(n, a, 1e-10) || !thermoai__is_symmetric(n, a_tilde, 1e-10))
        return THERMOAI_E_INVALID;
    c = thermoai__workspace_doubles(workspace, workspace_bytes, 3 * n * n + n);
    if (c == NULL)
        return THERMOAI_E_SIZE;
    v = c + n * n;
    vt = v + n * n;
    w = vt + n * n;
    sym_copy(n, a, c);
    if (thermoai__symeig(n, c, w, v) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    vals[1] = w[k] - w[k - 1];
    sym_copy(n, a_tilde, c);
    if (thermoai__symeig(n, c, w, vt) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    /* ||sin Theta||_F^2 = k - ||U_k^T U~_k||_F^2 */
    for (p = 0; p < k; p++)
        for (q = 0; q < k; q++) {
            double s = 0.0;

            for (i = 0; i < n; i++)
                s += v[i * n + p] * vt[i * n + q];
            overlap += s * s;
        }
    vals[0] = sqrt(fmax((double)k - overlap, 0.0));
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            const double e = 0.5 * ((a_tilde[i * n + j] + a_tilde[j * n + i])
                                    - (a[i * n + j] + a[j * n + i]));

            c[i * n + j] = e;
            op = fmax(op, fabs(e));
        }
    if (op > 0.0) { /* ||E||_F scaled by the largest entry: no overflow, no underflow */
        for (i = 0; i < n * n; i++)
            fro += (c[i] / op) * (c[i] / op);
        fro = op * sqrt(fro);
    }
    op = 0.0;
    if (thermoai__symeig(n, c, w, NULL) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    for (i = 0; i < n; i++)
        op = fmax(op, fabs(w[i]));
    vals[2] = fro;
    vals[3] = op;
    return thermoai__store(outs, vals, 4);
}

int thermoai_perturbation_bernstein_tail(size_t d1, size_t d2, double sigma2, double r, double t,
                                         double *prob)
{
    double den, x;

    THERMOAI__OUTPUTS(prob);
    THERMOAI__TRY(THERMOAI__CHECK({ sigma2, THERMOAI__NONNEG }, { r, THERMOAI__NONNEG },
                                  { t, THERMOAI__POS }));
    if (d1 == 0 || d2 == 0 || (sigma2 == 0.0 && r == 0.0))
        return THERMOAI_E_INVALID;
    /* t^2 / (2 (sigma^2 + R t / 3)) as t / (2 (sigma^2 / t + R / 3)): R t may
     * overflow where the exponent is merely large */
    den = sigma2 / t + r / 3.0;
    x = ((double)d1 + (double)d2) * exp(-0.5 * (t / den));
    if (x < DBL_MIN)
        x = 0.0; /* a vanishing tail is a value */
    return thermoai__finish(x, prob);
}

int thermoai_perturbation_bernstein_deviation(size_t d1, size_t d2, double sigma2, double r,
                                              double delta, double *t)
{
    double l, b;

    THERMOAI__OUTPUTS(t);
    THERMOAI__TRY(THERMOAI__CHECK({ sigma2, THERMOAI__NONNEG }, { r, THERMOAI__NONNEG },
                                  { delta, THERMOAI__POS }));
    if (d1 == 0 || d2 == 0 || delta >= 1.0)
        return THERMOAI_E_INVALID;
    l = log((double)d1 + (double)d2) - log(delta);
    b = l * (r / 3.0); /* l R may overflow where l R / 3 does not */
    /* the positive root of t^2 - 2 b t - 2 l sigma^2 = 0, with hypot and the root
     * of each factor: b^2 or 2 l sigma^2 may overflow, or be subnormal, where t is not */
    if (sigma2 == 0.0 && r == 0.0)
        return thermoai__finish(0.0, t);
    /* positive: one that underflows (R / 3 of a subnormal R) is a range error */
    return thermoai__finish_positive(b + hypot(b, sqrt(2.0 * l) * sqrt(sigma2)), t);
}

/* Rounds an integer-valued dimension up; RANGE beyond 2^53 (no longer an exact integer). */
static int finish_count(double x, double *out)
{
    if (!(x <= 9007199254740992.0))
        return thermoai__finish((double)INFINITY, out);
    return thermoai__finish(ceil(x), out);
}

int thermoai_perturbation_jl_dimension_gaussian(double n_points, double epsilon, double delta,
                                                double *dimension)
{
    double l, rate;

    THERMOAI__OUTPUTS(dimension);
    THERMOAI__TRY(THERMOAI__CHECK({ n_points, THERMOAI__GE1 }, { epsilon, THERMOAI__POS },
                                  { delta, THERMOAI__POS }));
    if (n_points < 2.0 || epsilon >= 1.0 || delta >= 1.0)
        return THERMOAI_E_INVALID;
    l = log(n_points) + log(n_points - 1.0) - log(delta);
    rate = epsilon * epsilon * (0.5 - epsilon / 3.0);
    return finish_count(2.0 * l / rate, dimension);
}

int thermoai_perturbation_nystrom_workspace_bytes(size_t n, size_t s, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n == 0 || n > THERMOAI__DENSE_N_MAX || s == 0 || s > n)
        return THERMOAI_E_INVALID;
    *bytes = thermoai__doubles_bytes(2 * s * s + s + n * s);
    return THERMOAI_OK;
}

int thermoai_perturbation_nystrom_error(size_t n, const double *k, size_t s,
                                        const uint32_t *columns, void *workspace,
                                        size_t workspace_bytes, double *error_f2)
{
    double *wm, *v, *w, *b, big = 0.0, err = 0.0;
    size_t i, j, a, m;

    THERMOAI__OUTPUTS(error_f2);
    if (k == NULL || columns == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    if (n == 0 || n > THERMOAI__DENSE_N_MAX || s == 0 || s > n)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(k, n * n))
        return THERMOAI_E_NONFINITE;
    for (a = 0; a < s; a++) {
        if (columns[a] >= n)
            return THERMOAI_E_INVALID;
        for (j = 0; j < a; j++)
            if (columns[j] == columns[a])
                return THERMOAI_E_INVALID;
    }
    if (!thermoai__is_symmetric(n, k, 1e-10))
        return THERMOAI_E_INVALID;
    wm = thermoai__workspace_doubles(workspace, workspace_bytes, 2 * s * s + s + n * s);
    if (wm == NULL)
        return THERMOAI_E_SIZE;
    v = wm + s * s;
    w = v + s * s;
    b = w + s;
    for (a = 0; a < s; a++)
        for (j = 0; j < s; j++)
            wm[a * s + j] = 0.5 * (k[columns[a] * n + columns[j]] + k[columns[j] * n + columns[a]]);
    if (thermoai__symeig(s, wm, w, v) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    for (m = 0; m < s; m++)
        big = fmax(big, fabs(w[m]));
    for (m = 0; m < s; m++)
        if (w[m] < -1e-10 * big)
            return THERMOAI_E_INVALID;
    /* B = C V diag(w^-1/2) over the kept eigenvalues, so that K~ = B B^T */
    for (i = 0; i < n; i++)
        for (m = 0; m < s; m++) {
            double acc = 0.0;

            if (!(w[m] > 1e-12 * big)) {
                b[i * s + m] = 0.0;
                continue;
            }
            for (a = 0; a < s; a++)
                acc += k[i * n + columns[a]] * v[a * s + m];
            b[i * s + m] = acc / sqrt(w[m]);
        }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double approx = 0.0, e;

            for (m = 0; m < s; m++)
                approx += b[i * s + m] * b[j * s + m];
            e = 0.5 * (k[i * n + j] + k[j * n + i]) - approx;
            err += e * e;
        }
    return thermoai__finish(err, error_f2);
}

/* ---- the paper's statements as printed (experimental) --------------------------- */

int thermoai_perturbation_davis_kahan(double norm_f, double gap, double *bound)
{
    THERMOAI__OUTPUTS(bound);
    THERMOAI__TRY(THERMOAI__CHECK({ norm_f, THERMOAI__NONNEG }, { gap, THERMOAI__POS }));
    return thermoai__scaled_ratio(&norm_f, 1, &gap, 1, bound);
}

int thermoai_perturbation_ssa_bound(double c, double gap, double eps_cluster, double dim,
                                    double delta, double samples, double *bound)
{
    THERMOAI__OUTPUTS(bound);
    THERMOAI__TRY(THERMOAI__CHECK({ c, THERMOAI__POS }, { gap, THERMOAI__POS },
                                  { eps_cluster, THERMOAI__NONNEG }, { dim, THERMOAI__GE1 },
                                  { delta, THERMOAI__POS }, { samples, THERMOAI__GE1 }));
    if (delta >= 1.0)
        return THERMOAI_E_INVALID;
    {
        /* C s / gap scaled (no intermediate overflow or underflow); the root of the
         * quotient as a quotient of roots (l / samples may be subnormal); s > 0 */
        const double num[2] = { c, eps_cluster + sqrt(log(dim) - log(delta)) / sqrt(samples) };

        return thermoai__scaled_ratio(num, 2, &gap, 1, bound);
    }
}

int thermoai_perturbation_ssa_sampling_error(double c, double w_max, double clusters, double n,
                                             double delta, double samples, double *bound)
{
    THERMOAI__OUTPUTS(bound);
    THERMOAI__TRY(THERMOAI__CHECK({ c, THERMOAI__POS }, { w_max, THERMOAI__NONNEG },
                                  { clusters, THERMOAI__GE1 }, { n, THERMOAI__GE1 },
                                  { delta, THERMOAI__POS }, { samples, THERMOAI__GE1 }));
    if (delta >= 1.0)
        return THERMOAI_E_INVALID;
    {
        /* scaled, as thermoai_perturbation_ssa_bound() */
        const double num[4] = { c, w_max, clusters, sqrt(log(n) - log(delta)) };
        const double den = sqrt(samples);

        return thermoai__scaled_ratio(num, 4, &den, 1, bound);
    }
}

int thermoai_perturbation_tradeoff_error(double c, double n, double edges, double *error)
{
    THERMOAI__OUTPUTS(error);
    THERMOAI__TRY(THERMOAI__CHECK({ c, THERMOAI__POS }, { n, THERMOAI__GE1 }, { edges, THERMOAI__GE1 }));
    {
        /* scaled (no intermediate overflow or underflow); 0 at N = 1 */
        const double num[3] = { c, n, sqrt(log(n)) };
        const double den = sqrt(edges);

        return thermoai__scaled_ratio(num, 3, &den, 1, error);
    }
}

int thermoai_perturbation_tradeoff_edges(double c, double n, double error, double *edges)
{
    THERMOAI__OUTPUTS(edges);
    THERMOAI__TRY(THERMOAI__CHECK({ c, THERMOAI__POS }, { n, THERMOAI__GE1 }, { error, THERMOAI__POS }));
    if (n < 2.0)
        return THERMOAI_E_INVALID;
    {
        /* m = (C N / eps)^2 ln N, scaled (no intermediate overflow or underflow) */
        const double num[5] = { c, c, n, n, log(n) };
        const double den[2] = { error, error };

        return thermoai__scaled_ratio(num, 5, den, 2, edges);
    }
}

int thermoai_perturbation_nystrom_bound(size_t n, size_t s, const double *eigenvalues,
                                        double *bound)
{
    double tail = 0.0;
    size_t i;

    THERMOAI__OUTPUTS(bound);
    if (eigenvalues == NULL)
        return THERMOAI_E_NULL;
    if (n == 0 || n > ((size_t)1 << 28) || s == 0 || s > n)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(eigenvalues, n))
        return THERMOAI_E_NONFINITE;
    for (i = 0; i < n; i++)
        if (eigenvalues[i] < 0.0 || (i > 0 && eigenvalues[i] > eigenvalues[i - 1]))
            return THERMOAI_E_INVALID;
    for (i = s; i < n; i++)
        tail += eigenvalues[i] * eigenvalues[i];
    return thermoai__finish((1.0 + (double)n / (double)s) * tail, bound);
}

int thermoai_perturbation_jl_dimension(double n_points, double epsilon, double c,
                                       double *dimension)
{
    THERMOAI__OUTPUTS(dimension);
    THERMOAI__TRY(THERMOAI__CHECK({ n_points, THERMOAI__GE1 }, { epsilon, THERMOAI__POS },
                                  { c, THERMOAI__POS }));
    if (n_points < 2.0 || epsilon >= 1.0)
        return THERMOAI_E_INVALID;
    return finish_count(c * log(n_points) / (epsilon * epsilon), dimension);
}
