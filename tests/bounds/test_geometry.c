/* SPDX-License-Identifier: MIT */
/*
 * Geometry of attention (paper 002, Sec. 5): the Fisher metric is symmetric,
 * positive semi-definite, invariant under a common shift of the keys, has trace
 * E|k - Ek|^2 / d and rank <= n - 1; the heat filter is a semigroup that keeps
 * the kernel and damps the rest; the Gronwall integration of Theorem 5.2 solves
 * its equality case; bad input. Values against mpmath are in test_paper002_ref.c.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "bounds_util.h"

static unsigned char ws[1 << 20];

static void fisher(void)
{
    enum { N = 7, D = 3 };
    double q[D], k[N * D], ks[N * D], g[D * D], gs[D * D], p[N], z = 0.0, tr = 0.0, mean[D] = { 0 };
    double sum_sq = 0.0, det;
    uint64_t s = 3;
    size_t i, j, a;
    int sym = 1, shift = 1;
    size_t bytes = 0;

    for (a = 0; a < D; a++)
        q[a] = rng_sym(&s) * 2;
    for (i = 0; i < N * D; i++) {
        k[i] = rng_sym(&s);
        ks[i] = k[i] + (i % D == 1 ? 5.0 : -2.0);
    }
    tap_ok(thermoai_geometry_fisher_workspace_bytes(N, D, &bytes) == THERMOAI_OK && bytes >= 8 * (N + D),
           "fisher workspace: n + d doubles");
    tap_ok(thermoai_geometry_fisher_metric(N, D, q, k, ws, sizeof ws, g) == THERMOAI_OK, "fisher metric: OK");
    for (i = 0; i < D; i++)
        for (j = 0; j < D; j++)
            if (g[i * D + j] != g[j * D + i])
                sym = 0;
    tap_ok(sym, "the metric is exactly symmetric");
    det = g[0] * (g[4] * g[8] - g[5] * g[7]) - g[1] * (g[3] * g[8] - g[5] * g[6])
          + g[2] * (g[3] * g[7] - g[4] * g[6]);
    tap_ok(g[0] > 0 && g[0] * g[4] - g[1] * g[3] > 0 && det > 0,
           "positive definite for 7 generic keys in 3-d (leading minors > 0)");
    /* trace = E|k - E k|^2 / d, computed here from the softmax directly */
    for (i = 0; i < N; i++) {
        double l = 0.0;

        for (a = 0; a < D; a++)
            l += q[a] * k[i * D + a];
        p[i] = exp(l / sqrt((double)D));
        z += p[i];
    }
    for (i = 0; i < N; i++) {
        p[i] /= z;
        for (a = 0; a < D; a++)
            mean[a] += p[i] * k[i * D + a];
    }
    for (i = 0; i < N; i++)
        for (a = 0; a < D; a++)
            sum_sq += p[i] * (k[i * D + a] - mean[a]) * (k[i * D + a] - mean[a]);
    for (a = 0; a < D; a++)
        tr += g[a * D + a];
    tap_rel(tr, sum_sq / D, 1e-13, "trace g = E_P|k - E_P k|^2 / d");
    /* a common shift of the keys changes the logits by a constant: same P, same covariance */
    tap_ok(thermoai_geometry_fisher_metric(N, D, q, ks, ws, sizeof ws, gs) == THERMOAI_OK, "shifted keys: OK");
    for (i = 0; i < D * D; i++)
        if (fabs(gs[i] - g[i]) > 1e-12)
            shift = 0;
    tap_ok(shift, "keys shifted by a common vector: the metric is unchanged");
    /* two keys: rank 1, g = p(1-p)(k1 - k2)(k1 - k2)^T / d */
    {
        const double q2[2] = { 0.3, -1.1 }, k2[4] = { 1.0, 2.0, -0.5, 0.25 };
        double g2[4], l1 = (0.3 * 1.0 - 1.1 * 2.0) / sqrt(2.0), l2 = (0.3 * -0.5 - 1.1 * 0.25) / sqrt(2.0);
        double p1 = 1.0 / (1.0 + exp(l2 - l1)), c = p1 * (1 - p1) / 2.0;

        tap_ok(thermoai_geometry_fisher_metric(2, 2, q2, k2, ws, sizeof ws, g2) == THERMOAI_OK
                   && fabs(g2[0] - c * 1.5 * 1.5) < 1e-15 && fabs(g2[1] - c * 1.5 * 1.75) < 1e-15
                   && fabs(g2[3] - c * 1.75 * 1.75) < 1e-15
                   && fabs(g2[0] * g2[3] - g2[1] * g2[2]) < 1e-15,
               "two keys: g = p(1-p)(k1-k2)(k1-k2)^T/d, rank 1");
    }
    {
        const double one[2] = { 1.0, 2.0 };
        double g1[4];

        tap_ok(thermoai_geometry_fisher_metric(1, 2, q, one, ws, sizeof ws, g1) == THERMOAI_OK && g1[0] == 0
                   && g1[1] == 0 && g1[3] == 0,
               "one key: P is a point mass, the metric is 0");
    }
    /* bad input */
    g[0] = 1;
    tap_ok(thermoai_geometry_fisher_metric(N, D, q, k, ws, 8, g) == THERMOAI_E_SIZE && isnan(g[0]) && isnan(g[8]),
           "fisher: small workspace -> E_SIZE, the whole metric NaN");
    tap_ok(thermoai_geometry_fisher_metric(0, D, q, k, ws, sizeof ws, g) == THERMOAI_E_INVALID, "fisher: n = 0");
    tap_ok(thermoai_geometry_fisher_metric(N, 5000, q, k, ws, sizeof ws, g) == THERMOAI_E_INVALID,
           "fisher: d above 4096");
    k[4] = (double)NAN;
    tap_ok(thermoai_geometry_fisher_metric(N, D, q, k, ws, sizeof ws, g) == THERMOAI_E_NONFINITE && isnan(g[0]),
           "fisher: a NaN key -> E_NONFINITE");
    tap_ok(thermoai_geometry_fisher_metric(N, D, NULL, k, ws, sizeof ws, g) == THERMOAI_E_NULL, "fisher: NULL");
    tap_ok(thermoai_geometry_fisher_workspace_bytes(0, 1, &bytes) == THERMOAI_E_INVALID && bytes == 0,
           "fisher workspace: n = 0 -> E_INVALID, 0 bytes");
    {
        const double big[4] = { 1e200, 1e200, 1e200, -1e200 }, qb[2] = { 1e-300, 0 };
        double gb[4];

        tap_ok(thermoai_geometry_fisher_metric(2, 2, qb, big, ws, sizeof ws, gb) == THERMOAI_E_RANGE
                   && isnan(gb[0]),
               "fisher: a covariance beyond double -> E_RANGE");
    }
}

static void heat(void)
{
    enum { N = 6 };
    double w[N * N], lap[N * N], f[N], y1[N], y2[N], y12[N], deg[N], y0[N];
    uint64_t s = 11;
    size_t i, j;
    int semigroup = 1, kernel = 1, contract, same = 1;
    double n0 = 0, n1 = 0, factor, cut;

    for (i = 0; i < N; i++)
        for (j = i; j < N; j++)
            w[i * N + j] = w[j * N + i] = i == j ? 0.0 : 0.5 + 0.5 * rng_sym(&s);
    for (i = 0; i < N; i++) {
        deg[i] = 0;
        for (j = 0; j < N; j++)
            deg[i] += w[i * N + j];
    }
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            lap[i * N + j] = (i == j) - w[i * N + j] / sqrt(deg[i] * deg[j]);
    for (i = 0; i < N; i++)
        for (j = 0; j < i; j++)
            lap[i * N + j] = lap[j * N + i];
    for (i = 0; i < N; i++)
        f[i] = rng_sym(&s);
    tap_ok(thermoai_geometry_heat_filter(N, lap, f, 0.3, 2.0, ws, sizeof ws, y1) == THERMOAI_OK
               && thermoai_geometry_heat_filter(N, lap, y1, 0.2, 2.0, ws, sizeof ws, y2) == THERMOAI_OK
               && thermoai_geometry_heat_filter(N, lap, f, 0.5, 2.0, ws, sizeof ws, y12) == THERMOAI_OK,
           "heat filter: three runs OK");
    for (i = 0; i < N; i++)
        if (fabs(y2[i] - y12[i]) > 1e-14)
            semigroup = 0;
    tap_ok(semigroup, "semigroup: filtering for 0.6 then 0.4 layers-time = filtering for 1.0");
    for (i = 0; i < N; i++) {
        n0 += f[i] * f[i];
        n1 += y1[i] * y1[i];
    }
    contract = n1 < n0;
    tap_ok(contract, "the filter contracts (||e^{-tL} f|| < ||f||)");
    /* the kernel of L_sym is D^{1/2} 1: kept exactly */
    for (i = 0; i < N; i++)
        f[i] = sqrt(deg[i]);
    tap_ok(thermoai_geometry_heat_filter(N, lap, f, 5.0, 10.0, ws, sizeof ws, y1) == THERMOAI_OK, "kernel: OK");
    for (i = 0; i < N; i++)
        if (fabs(y1[i] - f[i]) > 1e-13)
            kernel = 0;
    tap_ok(kernel, "the zero mode D^1/2 1 passes unchanged (lambda = 0: factor 1)");
    tap_ok(thermoai_geometry_heat_filter(N, lap, f, 0.0, 10.0, ws, sizeof ws, y0) == THERMOAI_OK, "tau 0: OK");
    for (i = 0; i < N; i++)
        if (fabs(y0[i] - f[i]) > 1e-13)
            same = 0;
    tap_ok(same, "tau = 0: the identity");
    memcpy(y1, f, sizeof f);
    tap_ok(thermoai_geometry_heat_filter(N, lap, y1, 1.0, 1.0, ws, sizeof ws, y1) == THERMOAI_OK,
           "out may alias f");

    tap_ok(thermoai_geometry_heat_factor(2.0, 0.5, 3.0, &factor) == THERMOAI_OK && fabs(factor - exp(-3.0)) < 1e-16,
           "heat factor e^{-2 * 0.5 * 3}");
    tap_ok(thermoai_geometry_heat_factor(0.0, 1e300, 1e300, &factor) == THERMOAI_OK && factor == 1.0,
           "lambda = 0: factor 1 even for huge tau L (no inf * 0)");
    tap_ok(thermoai_geometry_heat_factor(1e300, 1e300, 1.0, &factor) == THERMOAI_OK && factor == 0.0,
           "a huge exponent: factor 0, a value");
    tap_ok(thermoai_geometry_heat_cutoff(0.5, 12.0, 1e-3, &cut) == THERMOAI_OK
               && thermoai_geometry_heat_factor(cut, 0.5, 12.0, &factor) == THERMOAI_OK
               && fabs(factor - 1e-3) < 1e-15,
           "at the cutoff eigenvalue the factor equals the threshold");
    /* bad input */
    {
        const double asym[4] = { 1, 0.5, 0.2, 1 }, neg[4] = { -1, 0, 0, 1 }, v2[2] = { 1, 2 };
        const double l2[4] = { 1, -1, -1, 1 };
        double o[2] = { 1, 1 };

        tap_ok(thermoai_geometry_heat_filter(2, asym, v2, 1, 1, ws, sizeof ws, o) == THERMOAI_E_INVALID
                   && isnan(o[0]) && isnan(o[1]),
               "heat filter: non-symmetric -> E_INVALID, outputs NaN");
        tap_ok(thermoai_geometry_heat_filter(2, neg, v2, 1, 1, ws, sizeof ws, o) == THERMOAI_E_INVALID,
               "heat filter: negative eigenvalue (not a Laplacian) -> E_INVALID");
        tap_ok(thermoai_geometry_heat_filter(2, l2, v2, -1, 1, ws, sizeof ws, o) == THERMOAI_E_INVALID,
               "heat filter: tau < 0");
        tap_ok(thermoai_geometry_heat_filter(2, l2, v2, (double)NAN, 1, ws, sizeof ws, o) == THERMOAI_E_NONFINITE,
               "heat filter: NaN tau");
        tap_ok(thermoai_geometry_heat_filter(2, l2, v2, 1, 1, ws, 8, o) == THERMOAI_E_SIZE, "heat filter: E_SIZE");
        tap_ok(thermoai_geometry_heat_filter(2000, lap, v2, 1, 1, ws, sizeof ws, o) == THERMOAI_E_INVALID,
               "heat filter: n above 1024");
        tap_ok(thermoai_geometry_heat_filter(2, l2, NULL, 1, 1, ws, sizeof ws, o) == THERMOAI_E_NULL
                   && isnan(o[0]),
               "heat filter: NULL f -> E_NULL, outputs NaN");
    }
    tap_ok(thermoai_geometry_heat_factor(-1, 1, 1, &factor) == THERMOAI_E_INVALID && isnan(factor),
           "heat factor: negative lambda");
    tap_ok(thermoai_geometry_heat_cutoff(1, 1, 1.5, &cut) == THERMOAI_E_INVALID && isnan(cut),
           "heat cutoff: threshold above 1");
    tap_ok(thermoai_geometry_heat_cutoff(1, 1, 1.0, &cut) == THERMOAI_OK && cut == 0.0,
           "heat cutoff: threshold 1 -> every non-zero mode is below it");
}

static void curvature(void)
{
    double i0, it, prev = 1e300, e;
    int decreasing = 1;
    double t;

    /* the equality case dI/dt = -kappa I + C is solved exactly: check the ODE by differences */
    for (t = 0.1; t < 10; t += 0.7) {
        const double h = 1e-6;
        double ip, im;

        if (thermoai_geometry_information_bound(10, 0.5, 1, t, &it) != THERMOAI_OK
            || thermoai_geometry_information_bound(10, 0.5, 1, t + h, &ip) != THERMOAI_OK
            || thermoai_geometry_information_bound(10, 0.5, 1, t - h, &im) != THERMOAI_OK
            || fabs((ip - im) / (2 * h) - (-0.5 * it + 1)) > 1e-7)
            decreasing = 0;
        if (it > prev)
            decreasing = 0;
        prev = it;
    }
    tap_ok(decreasing, "Theorem 5.2 integrated: satisfies dI/dt = -kappa I + C and decays towards C/kappa");
    tap_ok(thermoai_geometry_information_bound(10, 0.5, 1, 1e4, &it) == THERMOAI_OK && fabs(it - 2.0) < 1e-14,
           "the limit C / kappa = 2");
    tap_ok(thermoai_geometry_information_bound(3, 0.0, 2, 5, &i0) == THERMOAI_OK && i0 == 13.0,
           "kappa = 0: I0 + C t");
    tap_ok(thermoai_geometry_information_bound(3, 1e-300, 2, 5, &e) == THERMOAI_OK && fabs(e - 13.0) < 1e-14,
           "kappa -> 0 is continuous (expm1 form)");
    tap_ok(thermoai_geometry_information_bound(3, -1.0, 0, 2, &e) == THERMOAI_OK && fabs(e - 3 * exp(2.0)) < 1e-14,
           "negative curvature: growth I0 e^{|kappa| t}");
    tap_ok(thermoai_geometry_information_bound(3, -10.0, 1, 1e3, &e) == THERMOAI_E_RANGE && isnan(e),
           "negative curvature over a long time: E_RANGE");
    tap_ok(thermoai_geometry_information_bound(-1, 1, 1, 1, &e) == THERMOAI_E_INVALID, "I0 < 0 -> E_INVALID");
    tap_ok(thermoai_geometry_information_bound(1, (double)NAN, 1, 1, &e) == THERMOAI_E_NONFINITE, "NaN kappa");
    tap_ok(thermoai_geometry_spectral_energy_j(64, 4096, 128, 1e-12, 2e-11, &e) == THERMOAI_OK
               && fabs(e - (64 * 4096 * 1e-12 + 64 * 128 * 2e-11)) < 1e-22,
           "Corollary 5.7 with unit constants");
    tap_ok(thermoai_geometry_spectral_energy_j(1, 0.5, 1, 1, 1, &e) == THERMOAI_E_INVALID, "Corollary 5.7: N < 1");
}

int main(void)
{
    fisher();
    heat();
    curvature();
    return tap_done();
}
