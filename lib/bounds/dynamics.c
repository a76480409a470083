/* SPDX-License-Identifier: MIT */
/* Training as a Langevin process (paper 002, Sec. 6, App. B.1, B.13, B.14). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/dense.h"
#include "common/internal.h"
#include "common/xnum.h"

/* Largest array length of the per-coordinate functions. */
#define N_MAX ((size_t)1 << 28)
/* Equal pieces of [0, t] for the quadrature of Eq. (24). */
#define QUAD_PIECES 32

int thermoai_dynamics_temperature(double learning_rate, double batch_size, double noise_variance,
                                  double *temperature)
{
    const double num[2] = { learning_rate, noise_variance };
    double den[2];

    THERMOAI__OUTPUTS(temperature);
    THERMOAI__TRY(THERMOAI__CHECK({ learning_rate, THERMOAI__POS }, { batch_size, THERMOAI__GE1 },
                                  { noise_variance, THERMOAI__NONNEG }));
    den[0] = 2.0;
    den[1] = batch_size;
    return thermoai__scaled_ratio(num, 2, den, 2, temperature);
}

/* ---- Wasserstein distance between Gaussians ------------------------------------- */

int thermoai_dynamics_w2_gaussian_diag(size_t n, const double *mean1, const double *var1,
                                       const double *mean2, const double *var2,
                                       double *w2_squared)
{
    double sum = 0.0;
    size_t i;

    THERMOAI__OUTPUTS(w2_squared);
    if (mean1 == NULL || var1 == NULL || mean2 == NULL || var2 == NULL)
        return THERMOAI_E_NULL;
    if (n == 0 || n > N_MAX)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(mean1, n) || !thermoai__all_finite_d(var1, n)
        || !thermoai__all_finite_d(mean2, n) || !thermoai__all_finite_d(var2, n))
        return THERMOAI_E_NONFINITE;
    for (i = 0; i < n; i++)
        if (var1[i] < 0.0 || var2[i] < 0.0)
            return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++) {
        const double dm = mean1[i] - mean2[i];
        const double r = sqrt(var1[i]) + sqrt(var2[i]);
        /* (sqrt v1 - sqrt v2)^2 = (v1 - v2)^2 / (sqrt v1 + sqrt v2)^2, without cancellation */
        const double ds = r > 0.0 ? (var1[i] - var2[i]) / r : 0.0;

        sum += dm * dm + ds * ds;
    }
    return thermoai__finish(sum, w2_squared);
}

int thermoai_dynamics_w2_gaussian_workspace_bytes(size_t n, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n == 0 || n > THERMOAI__DENSE_N_MAX)
        return THERMOAI_E_INVALID;
    *bytes = thermoai__doubles_bytes(4 * n * n + n);
    return THERMOAI_OK;
}

/* Symmetric part of a into s; 0, or THERMOAI_E_INVALID when a is not symmetric. */
static int symmetrize(size_t n, const double *a, double *s)
{
    size_t i, j;

    if (!thermoai__is_symmetric(n, a, 1e-10))
        return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            s[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]);
    return THERMOAI_OK;
}

/* Eigenvalues of a PSD matrix are >= -1e-10 max|lambda|; those slightly below 0 become 0. */
static int psd_clamp(size_t n, double *w)
{
    double big = 0.0;
    size_t i;

    for (i = 0; i < n; i++)
        big = fmax(big, fabs(w[i]));
    for (i = 0; i < n; i++) {
        if (w[i] < -1e-10 * big)
            return THERMOAI_E_INVALID;
        if (w[i] < 0.0)
            w[i] = 0.0;
    }
    return THERMOAI_OK;
}

/* c = a b for n x n row-major matrices (c distinct from a and b). */
static void matmul(size_t n, const double *a, const double *b, double *c)
{
    size_t i, j, k;

    for (i = 0; i < n; i++) {
        double *ci = c + i * n;

        for (j = 0; j < n; j++)
            ci[j] = 0.0;
        for (k = 0; k < n; k++) {
            const double aik = a[i * n + k];
            const double *bk = b + k * n;

            for (j = 0; j < n; j++)
                ci[j] += aik * bk[j];
        }
    }
}

int thermoai_dynamics_w2_gaussian(size_t n, const double *mean1, const double *cov1,
                                  const double *mean2, const double *cov2, void *workspace,
                                  size_t workspace_bytes, double *w2_squared)
{
    double *root, *tmp, *a, *v, *w, *ws;
    double sum = 0.0, trace = 0.0, roots = 0.0;
    size_t i, j, nn;

    THERMOAI__OUTPUTS(w2_squared);
    if (mean1 == NULL || cov1 == NULL || mean2 == NULL || cov2 == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    if (n == 0 || n > THERMOAI__DENSE_N_MAX)
        return THERMOAI_E_INVALID;
    nn = n * n;
    if (!thermoai__all_finite_d(mean1, n) || !thermoai__all_finite_d(mean2, n)
        || !thermoai__all_finite_d(cov1, nn) || !thermoai__all_finite_d(cov2, nn))
        return THERMOAI_E_NONFINITE;
    ws = thermoai__workspace_doubles(workspace, workspace_bytes, 4 * nn + n);
    if (ws == NULL)
        return THERMOAI_E_SIZE;
    root = ws;
    tmp = root + nn;
    a = tmp + nn;
    v = a + nn;
    w = v + nn;

    /* Sigma_2 must be PSD too (Sigma_1^1/2 Sigma_2 Sigma_1^1/2 may hide it when Sigma_1 is singular) */
    THERMOAI__TRY(symmetrize(n, cov2, a));
    if (thermoai__symeig(n, a, w, NULL) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    THERMOAI__TRY(psd_clamp(n, w));
    /* Sigma_1 = V diag(w) V^T and its root V diag(sqrt w) V^T */
    THERMOAI__TRY(symmetrize(n, cov1, a));
    if (thermoai__symeig(n, a, w, v) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    THERMOAI__TRY(psd_clamp(n, w));
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            tmp[i * n + j] = v[i * n + j] * sqrt(w[j]);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double s = 0.0;
            size_t k;

            for (k = 0; k < n; k++)
                s += tmp[i * n + k] * v[j * n + k];
            root[i * n + j] = s;
        }
    for (i = 0; i < n; i++) /* make the root exactly symmetric */
        for (j = i + 1; j < n; j++)
            root[i * n + j] = root[j * n + i] = 0.5 * (root[i * n + j] + root[j * n + i]);
    /* M = R Sigma_2 R, symmetric PSD; the trace of its root is sum sqrt(mu) */
    THERMOAI__TRY(symmetrize(n, cov2, v));
    matmul(n, root, v, tmp);
    matmul(n, tmp, root, a);
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            a[i * n + j] = a[j * n + i] = 0.5 * (a[i * n + j] + a[j * n + i]);
    if (thermoai__symeig(n, a, w, NULL) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    for (i = 0; i < n; i++)
        roots += sqrt(fmax(w[i], 0.0));
    for (i = 0; i < n; i++) {
        const double dm = mean1[i] - mean2[i];

        sum += dm * dm;
        trace += cov1[i * n + i] + cov2[i * n + i];
    }
    sum += fmax(trace - 2.0 * roots, 0.0);
    return thermoai__finish(sum, w2_squared);
}

int thermoai_dynamics_transport_entropy_bound(double w2_squared, double temperature,
                                              double duration, double *entropy_nats)
{
    const double den[2] = { temperature, duration };

    THERMOAI__OUTPUTS(entropy_nats);
    THERMOAI__TRY(THERMOAI__CHECK({ w2_squared, THERMOAI__NONNEG }, { temperature, THERMOAI__POS },
                                  { duration, THERMOAI__POS }));
    return thermoai__scaled_ratio(&w2_squared, 1, den, 2, entropy_nats);
}

/* ---- Ornstein-Uhlenbeck relaxation ---------------------------------------------- */

static int ou_check(size_t n, const double *stiffness, const double *offset0, const double *var0,
                    double temperature, double t)
{
    size_t i;

    if (stiffness == NULL || offset0 == NULL || var0 == NULL)
        return THERMOAI_E_NULL;
    /* the size first: arrays of an invalid size are never read (issue 20) */
    if (n == 0 || n > N_MAX)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(stiffness, n) || !thermoai__all_finite_d(offset0, n)
        || !thermoai__all_finite_d(var0, n))
        return THERMOAI_E_NONFINITE;
    THERMOAI__TRY(THERMOAI__CHECK({ temperature, THERMOAI__POS }, { t, THERMOAI__NONNEG }));
    for (i = 0; i < n; i++)
        if (!(stiffness[i] > 0.0) || !(var0[i] > 0.0))
            return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

int thermoai_dynamics_ou_entropy_rate(size_t n, const double *stiffness, const double *offset0,
                                      const double *var0, double temperature, double t,
                                      double *rate_nats)
{
    double sum = 0.0;
    size_t i;

    THERMOAI__OUTPUTS(rate_nats);
    THERMOAI__TRY(ou_check(n, stiffness, offset0, var0, temperature, t));
    for (i = 0; i < n; i++) {
        const double k = stiffness[i], a = temperature / k, b = var0[i] - a;
        const double e2 = exp(-2.0 * k * t);
        const double s = a + b * e2;
        const double mu = offset0[i] * exp(-k * t);

        /* (k^2/T) [ b^2 e^{-4kt} / s + mu^2 ], each factor formed without cancellation */
        sum += (k / temperature) * k * ((b * e2) * (b * e2) / s + mu * mu);
    }
    return thermoai__finish(sum, rate_nats);
}

/* log(1 + u) - u for u > -1, accurate near 0 (series) and elsewhere (direct). */
static double log1pmx(double u)
{
    double term, sum = 0.0;
    int j;

    if (fabs(u) >= 0.25)
        return log1p(u) - u;
    term = u; /* sum_{j>=2} (-1)^{j+1} u^j / j: term is (-1)^{j+1} u^j */
    for (j = 2; j < 64; j++) {
        double add;

        term *= -u;
        add = term / j;
        sum += add;
        if (fabs(add) <= 1e-17 * fabs(sum))
            break;
    }
    return sum;
}

int thermoai_dynamics_ou_entropy_production(size_t n, const double *stiffness,
                                            const double *offset0, const double *var0,
                                            double temperature, double duration,
                                            double *production_nats, double *entropy_change_nats,
                                            double *loss_change)
{
    double sigma = 0.0, ds = 0.0, dl = 0.0, vals[3];
    double *const outs[3] = { production_nats, entropy_change_nats, loss_change };
    size_t i;

    THERMOAI__OUTPUTS(production_nats, entropy_change_nats, loss_change);
    THERMOAI__TRY(ou_check(n, stiffness, offset0, var0, temperature, duration));
    for (i = 0; i < n; i++) {
        const double k = stiffness[i], s0 = var0[i], mu0 = offset0[i];
        const double a = temperature / k, b = s0 - a;
        const double g = -expm1(-2.0 * k * duration); /* 1 - e^{-2k tau} */
        const double u = -b * g / s0;                  /* s(tau)/s0 - 1, > -1 */

        /* mean part k mu0^2 g / (2T) >= 0; variance part KL(s0) - KL(s(tau)) in one of two
         * forms, each without severe cancellation in its regime: for |u| < 1/4 the
         * negative term (log(1+u) - u)/2 is at most about g a/(2 s0) <= 0.63 times the
         * positive k b^2 g/(2 T s0); for |u| >= 1/4 log(1+u) and b g/a differ enough */
        sigma += 0.5 * (k / temperature) * mu0 * mu0 * g;
        if (fabs(u) < 0.25)
            sigma += 0.5 * (k / temperature) * b * b * g / s0 + 0.5 * log1pmx(u);
        else
            sigma += 0.5 * (log1p(u) + (k / temperature) * b * g);
        ds += 0.5 * log1p(u);
        dl += 0.5 * g * (temperature - k * s0 - k * mu0 * mu0);
    }
    vals[0] = fmax(sigma, 0.0); /* >= 0 exactly; rounding of tiny values only */
    vals[1] = ds;
    vals[2] = dl;
    return thermoai__store(outs, vals, 3);
}

/* ---- the paper's statements as printed (experimental) --------------------------- */

int thermoai_dynamics_lr_schedule(double eta0, double t_s, double tau_s, double kappa, double *eta)
{
    thermoai__xn e, s;

    THERMOAI__OUTPUTS(eta);
    THERMOAI__TRY(THERMOAI__CHECK({ eta0, THERMOAI__POS }, { t_s, THERMOAI__NONNEG },
                                  { tau_s, THERMOAI__POS }, { kappa, THERMOAI__GE1 }));
    /* eta0 e^{-x} (1 + kappa e^{-2x})^{-1/2} in extended range: positive for every t, so
     * a value below the range of double is E_RANGE, as everywhere in the library */
    e = thermoai__xn_exp(-(t_s / tau_s));
    s = thermoai__xn_add(thermoai__xn_from(1.0),
                         thermoai__xn_mul(thermoai__xn_from(kappa), thermoai__xn_mul(e, e)));
    return thermoai__xn_finish_positive(
        thermoai__xn_mul(thermoai__xn_mul(thermoai__xn_from(eta0), e), thermoai__xn_pow(s, -0.5)),
        eta);
}

int thermoai_dynamics_lr_tau_opt(double kappa, double energy_total_j, double power_w,
                                 double *tau_s)
{
    double num[2], den;

    THERMOAI__OUTPUTS(tau_s);
    THERMOAI__TRY(THERMOAI__CHECK({ kappa, THERMOAI__GE1 }, { energy_total_j, THERMOAI__POS },
                                  { power_w, THERMOAI__POS }));
    /* the ratio of the roots, not the root of the ratio: kappa E / P may overflow or
     * underflow where its root does not */
    num[0] = sqrt(kappa);
    num[1] = sqrt(energy_total_j);
    den = sqrt(power_w);
    return thermoai__scaled_ratio(num, 2, &den, 1, tau_s);
}

struct inverse_energy {
    thermoai_time_fn fn;
    void *user;
    int status; /* THERMOAI_E_DOMAIN when fn gave a value <= 0 */
};

static int inverse_energy_fn(double t, void *user, double *value)
{
    struct inverse_energy *c = (struct inverse_energy *)user;
    double e;

    if (c->fn(t, c->user, &e) != 0)
        return 1;
    if (!isfinite(e)) {
        c->status = THERMOAI_E_NONFINITE;
        return 1;
    }
    if (!(e > 0.0)) {
        c->status = THERMOAI_E_DOMAIN;
        return 1;
    }
    *value = 1.0 / e;
    return 0;
}

int thermoai_dynamics_lr_energy_aware(double eta0, double lambda_w, thermoai_time_fn e_step,
                                      void *user_data, double t_s, double *eta)
{
    struct inverse_energy c;
    double integral, err;
    int status, piece;

    THERMOAI__OUTPUTS(eta);
    if (e_step == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(THERMOAI__CHECK({ eta0, THERMOAI__POS }, { lambda_w, THERMOAI__NONNEG },
                                  { t_s, THERMOAI__NONNEG }));
    c.fn = e_step;
    c.user = user_data;
    c.status = THERMOAI_OK;
    /* in QUAD_PIECES equal pieces: a single Gauss-Kronrod pair over a long interval can
     * miss an oscillating profile (its error estimate vanishes by accident) */
    integral = 0.0;
    for (piece = 0; piece < QUAD_PIECES; piece++) {
        const double a = t_s * piece / QUAD_PIECES, b = t_s * (piece + 1) / QUAD_PIECES;
        double part;

        status = thermoai__integrate(inverse_energy_fn, &c, a, b, NULL, 0, 1e-10, &part, &err);
        if (status == THERMOAI_E_CALLBACK && c.status != THERMOAI_OK)
            return c.status;
        THERMOAI__TRY(status);
        integral += part;
    }
    return thermoai__finish_positive(eta0 / (1.0 + lambda_w * integral), eta);
}

int thermoai_dynamics_lr_energy_profile(double eta0, double lambda_j, size_t n,
                                        const double *e_step_j, double *eta)
{
    double sum = 0.0;
    size_t i;

    if (eta != NULL && n > 0 && n <= N_MAX)
        thermoai__fill_nan_d(eta, n);
    if (e_step_j == NULL || eta == NULL)
        return THERMOAI_E_NULL;
    if (n == 0 || n > N_MAX)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(e_step_j, n))
        return THERMOAI_E_NONFINITE;
    THERMOAI__TRY(THERMOAI__CHECK({ eta0, THERMOAI__POS }, { lambda_j, THERMOAI__NONNEG }));
    for (i = 0; i < n; i++)
        if (!(e_step_j[i] > 0.0))
            return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++) {
        const double v = eta0 / (1.0 + lambda_j * sum);

        if (!(v >= DBL_MIN) || !isfinite(sum)) {
            thermoai__fill_nan_d(eta, n);
            return THERMOAI_E_RANGE;
        }
        eta[i] = v;
        sum += 1.0 / e_step_j[i];
    }
    return THERMOAI_OK;
}

int thermoai_dynamics_transport_energy_bound(double w2_squared, double temperature,
                                             double duration, double *bound)
{
    const double den[3] = { 2.0, temperature, duration };

    THERMOAI__OUTPUTS(bound);
    THERMOAI__TRY(THERMOAI__CHECK({ w2_squared, THERMOAI__NONNEG }, { temperature, THERMOAI__POS },
                                  { duration, THERMOAI__POS }));
    return thermoai__scaled_ratio(&w2_squared, 1, den, 3, bound);
}

int thermoai_dynamics_speed_energy_product(double w2_squared, double temperature,
                                           double *product)
{
    const double den[2] = { 2.0, temperature };

    THERMOAI__OUTPUTS(product);
    THERMOAI__TRY(THERMOAI__CHECK({ w2_squared, THERMOAI__NONNEG }, { temperature, THERMOAI__POS }));
    return thermoai__scaled_ratio(&w2_squared, 1, den, 2, product);
}

int thermoai_dynamics_second_law_slack(double delta_loss, double temperature,
                                       double delta_entropy_nats, double dissipated_work,
                                       double *slack)
{
    THERMOAI__OUTPUTS(slack);
    THERMOAI__TRY(THERMOAI__CHECK({ delta_loss, THERMOAI__FINITE }, { temperature, THERMOAI__POS },
                                  { delta_entropy_nats, THERMOAI__FINITE },
                                  { dissipated_work, THERMOAI__NONNEG }));
    return thermoai__finish(-temperature * delta_entropy_nats + dissipated_work - delta_loss, slack);
}

int thermoai_dynamics_min_dissipation(double temperature, double delta_entropy_nats,
                                      double loss_initial, double loss_final, double *work)
{
    THERMOAI__OUTPUTS(work);
    THERMOAI__TRY(THERMOAI__CHECK({ temperature, THERMOAI__POS },
                                  { delta_entropy_nats, THERMOAI__FINITE },
                                  { loss_initial, THERMOAI__FINITE }, { loss_final, THERMOAI__FINITE }));
    return thermoai__finish(temperature * delta_entropy_nats + (loss_initial - loss_final), work);
}
