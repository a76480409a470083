/* SPDX-License-Identifier: MIT */
/*
 * Matrix perturbation bounds (paper 002, Sec. 9, App. B, C).
 *
 * The acceptance property: over 2000 random symmetric matrices and perturbations
 * (seeds 1..2000; sizes 3..12, subspace sizes 1..n-1, perturbation scales from 1e-3
 * to 3 times the gap) the measured ||sin Theta||_F never exceeds the Davis-Kahan
 * bound of Yu, Wang and Samworth; the test fails on the first violation. The
 * printed Theorem 9.3 (no factor 2) and the operator-norm form used in the proof
 * of Theorem 9.4 fail on explicit counterexamples; how often they fail on the
 * random cases is reported (on these dense random perturbations: never, the
 * failures need a swap of eigenvalues or several aligned rotations). Also: matrix Bernstein against a Monte Carlo sum of
 * Rademacher matrices, the Gaussian JL dimension against random projections,
 * Nystrom errors and the counterexample to Lemma C.3, the exponent slip of
 * Theorem 9.7, and bad input. Values against mpmath are in test_paper002_ref.c.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "bounds_util.h"

static unsigned char ws[1 << 21];

static int measure(size_t n, size_t k, const double *a, const double *at, double *sin_t, double *gap,
                   double *nf, double *nop)
{
    return thermoai_perturbation_measure(n, k, a, at, ws, sizeof ws, sin_t, gap, nf, nop);
}

static void davis_kahan_property(void)
{
    static double a[144], e[144], at[144];
    const int seeds = quick() ? 300 : 2000;
    int seed, holds = 1, printed_fail = 0, op_fail = 0, counted = 0;

    for (seed = 1; seed <= seeds; seed++) {
        uint64_t s = (uint64_t)seed;
        const size_t n = 3 + (size_t)(rng_next(&s) % 10);
        const size_t k = 1 + (size_t)(rng_next(&s) % (n - 1));
        double sin_t, gap, nf, nop, yws, dk, scale;
        size_t i;

        rand_sym(&s, n, 1.0, a);
        rand_sym(&s, n, 1.0, e);
        /* measure the gap first, then scale E between 1e-3 and 3 times it */
        if (measure(n, k, a, a, &sin_t, &gap, &nf, &nop) != THERMOAI_OK || !(gap > 1e-9))
            continue;
        scale = gap * pow(10.0, -3.0 + 3.5 * (0.5 + 0.5 * rng_sym(&s)));
        for (i = 0; i < n * n; i++)
            at[i] = a[i] + scale * e[i];
        if (measure(n, k, a, at, &sin_t, &gap, &nf, &nop) != THERMOAI_OK
            || thermoai_perturbation_sin_theta_bound(nop, nf, k, gap, &yws) != THERMOAI_OK
            || thermoai_perturbation_davis_kahan(nf, gap, &dk) != THERMOAI_OK) {
            holds = 0;
            continue;
        }
        counted++;
        if (!(sin_t <= yws * (1 + 1e-10) + 1e-12)) {
            holds = 0;
            tap_diag("seed %d (n %zu, k %zu): ||sin Theta||_F %.17g > bound %.17g", seed, n, k, sin_t, yws);
        }
        if (sin_t > dk * (1 + 1e-10) + 1e-12)
            printed_fail++;
        if (sin_t > nop / gap * (1 + 1e-10) + 1e-12)
            op_fail++;
    }
    tap_ok(holds && counted > seeds * 9 / 10,
           "Davis-Kahan (Yu-Wang-Samworth, 2 min(sqrt k ||E||op, ||E||F)/gap) holds on all %d random cases",
           counted);
    tap_diag("printed Theorem 9.3 (||E||_F/gap) violated on %d of %d random cases; "
             "||E||_op/gap (proof of 9.4) on %d",
             printed_fail, counted, op_fail);

    /* adversarial family: A diagonal with sorted eigenvalues, E pushes lambda_k up and
     * lambda_{k+1} down by 0.3..0.9 times the gap, plus random symmetric noise */
    holds = 1;
    printed_fail = counted = 0;
    for (seed = 1; seed <= seeds; seed++) {
        uint64_t s = (uint64_t)seed * 31337;
        const size_t n = 3 + (size_t)(rng_next(&s) % 10);
        const size_t k = 1 + (size_t)(rng_next(&s) % (n - 1));
        double sin_t, gap, nf, nop, yws, dk, lam = 0.0, push;
        size_t i;

        memset(a, 0, n * n * sizeof *a);
        for (i = 0; i < n; i++) {
            lam += 0.1 + (0.5 + 0.5 * rng_sym(&s));
            a[i * n + i] = lam;
        }
        gap = a[k * n + k] - a[(k - 1) * n + (k - 1)];
        push = gap * (0.6 + 0.3 * rng_sym(&s));
        rand_sym(&s, n, 0.05 * gap, e);
        for (i = 0; i < n * n; i++)
            at[i] = a[i] + e[i];
        at[(k - 1) * n + (k - 1)] += push;
        at[k * n + k] -= push;
        if (measure(n, k, a, at, &sin_t, &gap, &nf, &nop) != THERMOAI_OK
            || thermoai_perturbation_sin_theta_bound(nop, nf, k, gap, &yws) != THERMOAI_OK
            || thermoai_perturbation_davis_kahan(nf, gap, &dk) != THERMOAI_OK) {
            holds = 0;
            continue;
        }
        counted++;
        if (!(sin_t <= yws * (1 + 1e-10) + 1e-12)) {
            holds = 0;
            tap_diag("adversarial seed %d (n %zu, k %zu): %.17g > bound %.17g", seed, n, k, sin_t, yws);
        }
        if (sin_t > dk * (1 + 1e-10) + 1e-12)
            printed_fail++;
    }
    tap_ok(holds && counted == seeds,
           "... and on all %d adversarial cases (eigenvalues pushed across the gap)", counted);
    tap_ok(printed_fail > 0, "printed Theorem 9.3 fails on %d of those %d cases", printed_fail, counted);
}

static void counterexamples(void)
{
    /* Theorem 9.3 as printed: A = diag(0, 1), E = diag(0.6, -0.6), k = 1 */
    const double a[4] = { 0, 0, 0, 1 }, at[4] = { 0.6, 0, 0, 0.4 };
    double sin_t, gap, nf, nop, dk, yws;
    /* proof of Theorem 9.4: two independent rotations, k = 2 */
    double b[16] = { 0 }, bt[16];
    const double eps = 0.1;

    tap_ok(measure(2, 1, a, at, &sin_t, &gap, &nf, &nop) == THERMOAI_OK && fabs(sin_t - 1) < 1e-15
               && gap == 1 && fabs(nf - 0.6 * sqrt(2.0)) < 1e-15,
           "A = diag(0,1), E = diag(0.6,-0.6): the eigenvectors swap, ||sin Theta||_F = 1");
    dk = yws = (double)NAN;
    if (thermoai_perturbation_davis_kahan(nf, gap, &dk) != THERMOAI_OK
        || thermoai_perturbation_sin_theta_bound(nop, nf, 1, gap, &yws) != THERMOAI_OK)
        dk = yws = (double)NAN;
    tap_ok(sin_t > dk, "Theorem 9.3 as printed is violated: 1 > ||E||_F/gap = %.4f", dk);
    tap_ok(sin_t <= yws, "the Yu-Wang-Samworth bound (%.2f) holds", yws);
    b[10] = b[15] = 1.0;
    memcpy(bt, b, sizeof b);
    bt[0 * 4 + 2] = bt[2 * 4 + 0] = eps;
    bt[1 * 4 + 3] = bt[3 * 4 + 1] = eps;
    sin_t = nop = gap = (double)NAN;
    tap_ok(measure(4, 2, b, bt, &sin_t, &gap, &nf, &nop) == THERMOAI_OK
               && fabs(sin_t - sqrt(2.0) * sin(0.5 * atan(2 * eps))) < 1e-14 && fabs(nop - eps) < 1e-15,
           "diag(0,0,1,1) with two couplings eps = 0.1: ||sin Theta||_F = sqrt2 sin(atan(0.2)/2)");
    tap_ok(sin_t > nop / gap, "the operator-norm form ||E||_op/gap = %.3f is violated (%.4f)", nop / gap, sin_t);
}

static void measure_properties(void)
{
    double a[25], at[25], sin_t, gap, nf, nop;
    uint64_t s = 99;
    size_t i;

    rand_sym(&s, 5, 1.0, a);
    tap_ok(measure(5, 2, a, a, &sin_t, &gap, &nf, &nop) == THERMOAI_OK && sin_t < 1e-7 && nf == 0 && nop == 0,
           "no perturbation: sin Theta 0 (to rounding), norms 0");
    for (i = 0; i < 25; i++)
        at[i] = 3.0 * a[i] + (i % 6 == 0 ? 2.0 : 0.0); /* 3A + 2I: same eigenvectors */
    tap_ok(measure(5, 2, a, at, &sin_t, &gap, &nf, &nop) == THERMOAI_OK && sin_t < 1e-7,
           "3A + 2I has the same invariant subspaces");
    for (i = 0; i < 25; i++)
        at[i] = -a[i]; /* the order reverses: the bottom-2 space of -A is the top-2 of A */
    tap_ok(measure(5, 2, a, at, &sin_t, &gap, &nf, &nop) == THERMOAI_OK && fabs(sin_t - sqrt(2.0)) < 1e-7,
           "-A: the bottom-k space becomes orthogonal, ||sin Theta||_F = sqrt k");
}

static void bernstein(void)
{
    enum { D = 4, S = 24 };
    static double bm[S][D * D], sum[D * D], zero[D * D];
    const int trials = quick() ? 400 : 4000;
    double sigma2 = 0.0, r = 0.0, t, tail, back, prob;
    double g[D * D];
    uint64_t s = 5;
    int trial, over = 0;
    size_t i, j, l;

    for (l = 0; l < S; l++) {
        double sin_t, gap, nf, nop;

        rand_sym(&s, D, 1.0, bm[l]);
        if (measure(D, 1, zero, bm[l], &sin_t, &gap, &nf, &nop) == THERMOAI_OK)
            r = fmax(r, nop);
    }
    /* sigma^2 = || sum_l B_l^2 || for X_l = eps_l B_l */
    memset(g, 0, sizeof g);
    for (l = 0; l < S; l++)
        for (i = 0; i < D; i++)
            for (j = 0; j < D; j++) {
                size_t m;

                for (m = 0; m < D; m++)
                    g[i * D + j] += bm[l][i * D + m] * bm[l][m * D + j];
            }
    {
        double sin_t, gap, nf, nop;

        tap_ok(measure(D, 1, zero, g, &sin_t, &gap, &nf, &nop) == THERMOAI_OK, "sigma^2 measured");
        sigma2 = nop;
    }
    tap_ok(thermoai_perturbation_bernstein_deviation(D, D, sigma2, r, 0.2, &t) == THERMOAI_OK
               && thermoai_perturbation_bernstein_tail(D, D, sigma2, r, t, &back) == THERMOAI_OK
               && fabs(back - 0.2) < 1e-14,
           "deviation and tail are inverse: tail(t(0.2)) = 0.2");
    for (trial = 0; trial < trials; trial++) {
        double sin_t, gap, nf, nop;

        memset(sum, 0, sizeof sum);
        for (l = 0; l < S; l++) {
            const double sg = (rng_next(&s) >> 63) ? 1.0 : -1.0;

            for (i = 0; i < D * D; i++)
                sum[i] += sg * bm[l][i];
        }
        if (measure(D, 1, zero, sum, &sin_t, &gap, &nf, &nop) == THERMOAI_OK && nop >= t)
            over++;
    }
    prob = (double)over / trials;
    tap_ok(prob <= 0.2, "matrix Bernstein: P(||sum eps_l B_l|| >= t) measured %.4f <= 0.2 (%d trials)", prob,
           trials);
    tail = (double)NAN;
    if (thermoai_perturbation_bernstein_tail(D, D, sigma2, r, 0.01, &tail) != THERMOAI_OK)
        tail = (double)NAN;
    tap_ok(tail > 1,
           "small t: the bound exceeds 1 and is returned as is (%.3g)", tail);
    tap_ok(thermoai_perturbation_bernstein_tail(D, D, sigma2, r, 1e4, &tail) == THERMOAI_OK && tail == 0.0,
           "huge t: the tail underflows to 0, a value");
}

static void johnson_lindenstrauss(void)
{
    enum { N = 12, DIM = 40 };
    static double pts[N][DIM], phi[4096 * DIM];
    double m, m2, mp1, mp2;
    const double eps = 0.5, delta = 0.1;
    const int trials = quick() ? 10 : 60;
    int trial, failures = 0;
    uint64_t s = 17;
    size_t i, j, a, b, dim;

    const int st = thermoai_perturbation_jl_dimension_gaussian(N, eps, delta, &m);

    tap_ok(st == THERMOAI_OK && m == ceil(m) && m > 0 && m <= 4096,
           "JL dimension for N = 12, eps = 0.5, delta = 0.1: m = %g", m);
    dim = (size_t)m;
    for (i = 0; i < N; i++)
        for (a = 0; a < DIM; a++)
            pts[i][a] = rng_normal(&s);
    for (trial = 0; trial < trials; trial++) {
        int bad = 0;

        for (i = 0; i < dim * DIM; i++)
            phi[i] = rng_normal(&s) / sqrt((double)dim);
        for (i = 0; i < N && !bad; i++)
            for (j = i + 1; j < N && !bad; j++) {
                double orig = 0.0, proj = 0.0;

                for (a = 0; a < DIM; a++)
                    orig += (pts[i][a] - pts[j][a]) * (pts[i][a] - pts[j][a]);
                for (b = 0; b < dim; b++) {
                    double c = 0.0;

                    for (a = 0; a < DIM; a++)
                        c += phi[b * DIM + a] * (pts[i][a] - pts[j][a]);
                    proj += c * c;
                }
                if (proj < (1 - eps) * orig || proj > (1 + eps) * orig)
                    bad = 1;
            }
        failures += bad;
    }
    tap_ok((double)failures / trials <= delta,
           "Gaussian projections of that dimension distort some distance in %d of %d trials (<= delta)", failures,
           trials);
    tap_ok(thermoai_perturbation_jl_dimension_gaussian(1e6, eps, delta, &m2) == THERMOAI_OK && m2 > m,
           "more points need more dimensions");
    tap_ok(thermoai_perturbation_jl_dimension(1000, 0.1, 1.0, &mp1) == THERMOAI_OK && mp1 == ceil(log(1000.0) / 0.01)
               && thermoai_perturbation_jl_dimension(1000, 0.05, 1.0, &mp2) == THERMOAI_OK
               && mp2 >= 4 * mp1 - 4,
           "Theorem B.1 as printed: C ln N / eps^2 (halving eps quadruples m)");
    tap_ok(thermoai_perturbation_jl_dimension(1e300, 1e-200, 1.0, &mp1) == THERMOAI_E_RANGE && isnan(mp1),
           "a dimension beyond 2^53 -> E_RANGE");
}

static void nystrom(void)
{
    /* Lemma C.3 counterexample: K = e1 e1^T, N = 4, s = 1, uniform columns */
    double k[16] = { 0 }, err, total = 0.0, bound;
    const double ev[4] = { 1, 0, 0, 0 };
    static double kk[36];
    uint64_t s = 23;
    uint32_t c;
    uint32_t all[6] = { 0, 1, 2, 3, 4, 5 }, dup[2] = { 1, 1 }, out_of[1] = { 9 };
    size_t bytes;

    k[0] = 1.0;
    for (c = 0; c < 4; c++) {
        if (thermoai_perturbation_nystrom_error(4, k, 1, &c, ws, sizeof ws, &err) != THERMOAI_OK)
            total = (double)NAN;
        total += err / 4.0;
    }
    tap_ok(total == 0.75, "K = e1 e1^T, one uniform column: E||K - K~||_F^2 = 3/4");
    tap_ok(thermoai_perturbation_nystrom_bound(4, 1, ev, &bound) == THERMOAI_OK && bound == 0.0 && total > bound,
           "Lemma C.3 as printed bounds it by (1 + N/s) sum_{i>1} sigma_i^2 = 0: false");
    rand_spd(&s, 6, 0.1, kk);
    tap_ok(thermoai_perturbation_nystrom_error(6, kk, 6, all, ws, sizeof ws, &err) == THERMOAI_OK && err < 1e-20,
           "all columns: the Nystrom approximation is exact");
    /* a rank-2 K = u u^T + v v^T is reproduced from any two columns that span it */
    {
        double r2[16];
        const double u[4] = { 1, 2, 0, 1 }, v[4] = { 0, 1, 3, -1 };
        uint32_t two[2] = { 0, 2 };
        size_t i, j;

        for (i = 0; i < 4; i++)
            for (j = 0; j < 4; j++)
                r2[i * 4 + j] = u[i] * u[j] + v[i] * v[j];
        tap_ok(thermoai_perturbation_nystrom_error(4, r2, 2, two, ws, sizeof ws, &err) == THERMOAI_OK && err < 1e-24,
               "rank-2 K from two spanning columns: exact");
    }
    tap_ok(thermoai_perturbation_nystrom_error(6, kk, 2, dup, ws, sizeof ws, &err) == THERMOAI_E_INVALID && isnan(err),
           "a repeated column -> E_INVALID");
    tap_ok(thermoai_perturbation_nystrom_error(6, kk, 1, out_of, ws, sizeof ws, &err) == THERMOAI_E_INVALID,
           "a column out of range -> E_INVALID");
    tap_ok(thermoai_perturbation_nystrom_error(6, kk, 7, all, ws, sizeof ws, &err) == THERMOAI_E_INVALID,
           "s > n -> E_INVALID");
    tap_ok(thermoai_perturbation_nystrom_error(6, kk, 2, all, ws, 16, &err) == THERMOAI_E_SIZE, "small workspace");
    tap_ok(thermoai_perturbation_nystrom_workspace_bytes(6, 2, &bytes) == THERMOAI_OK
               && bytes >= 8 * (2 * 4 + 2 + 12),
           "Nystrom workspace: 2 s^2 + s + n s doubles");
    {
        const double unsorted[3] = { 1, 2, 0 }, neg[3] = { 1, 0, -1 };

        tap_ok(thermoai_perturbation_nystrom_bound(3, 1, unsorted, &bound) == THERMOAI_E_INVALID && isnan(bound),
               "Nystrom bound: eigenvalues not descending -> E_INVALID");
        tap_ok(thermoai_perturbation_nystrom_bound(3, 1, neg, &bound) == THERMOAI_E_INVALID,
               "Nystrom bound: a negative eigenvalue -> E_INVALID");
    }
}

static void printed_ssa(void)
{
    double e16 = (double)NAN, e4096 = (double)NAN, m, b1, b2;
    const int st = thermoai_perturbation_tradeoff_error(1.0, 16, pow(16, 1.5), &e16)
                   | thermoai_perturbation_tradeoff_error(1.0, 4096, pow(4096, 1.5), &e4096);

    tap_ok(st == THERMOAI_OK && e4096 > e16 && fabs(e4096 - pow(4096, 0.25) * sqrt(log(4096.0))) < 1e-12,
           "Theorem 9.7 at m = N^1.5 is N^(+1/4) sqrt(ln N): it grows (%.3g -> %.3g), not N^(-1/4)", e16, e4096);
    tap_ok(thermoai_perturbation_tradeoff_edges(1.0, 4096, e4096, &m) == THERMOAI_OK
               && fabs(m - pow(4096, 1.5)) < 1e-6 * m,
           "tradeoff_edges inverts tradeoff_error");
    tap_ok(thermoai_perturbation_tradeoff_error(1.0, 1, 5, &e16) == THERMOAI_OK && e16 == 0.0, "N = 1: error 0");
    tap_ok(thermoai_perturbation_ssa_bound(1, 0.5, 0.1, 64, 0.05, 100, &b1) == THERMOAI_OK
               && thermoai_perturbation_ssa_bound(1, 0.5, 0.1, 64, 0.05, 400, &b2) == THERMOAI_OK && b2 < b1,
           "Theorem 9.4's bound falls with the sample count");
    tap_ok(thermoai_perturbation_ssa_sampling_error(1, 2, 8, 1024, 0.01, 64, &b1) == THERMOAI_OK
               && thermoai_perturbation_ssa_sampling_error(1, 2, 16, 1024, 0.01, 64, &b2) == THERMOAI_OK
               && fabs(b2 - 2 * b1) < 1e-14 * b2,
           "Lemma 9.6 as printed is linear in k (its proof gives N^2/k^2)");
}

static void bad_input(void)
{
    double x = 1, y = 1, z = 1, w = 1;
    const double a[4] = { 1, 0, 0, 2 }, asym[4] = { 1, 0.5, 0, 2 }, nan4[4] = { 1, (double)NAN, (double)NAN, 2 };
    size_t bytes;

    tap_ok(thermoai_perturbation_sin_theta_bound(1, 1, 0, 1, &x) == THERMOAI_E_INVALID && isnan(x),
           "sin theta bound: k = 0 -> E_INVALID");
    tap_ok(thermoai_perturbation_sin_theta_bound(1, 1, 1, 0, &x) == THERMOAI_E_INVALID, "sin theta bound: gap 0");
    tap_ok(thermoai_perturbation_sin_theta_bound((double)NAN, 1, 1, 1, &x) == THERMOAI_E_NONFINITE, "NaN norm");
    tap_ok(thermoai_perturbation_sin_theta_bound(1, 1, 1, 1, NULL) == THERMOAI_E_NULL, "NULL output");
    tap_ok(thermoai_perturbation_davis_kahan(-1, 1, &x) == THERMOAI_E_INVALID, "printed DK: negative norm");
    tap_ok(measure(2, 2, a, a, &x, &y, &z, &w) == THERMOAI_E_INVALID && isnan(x) && isnan(w),
           "measure: k = n -> E_INVALID, all outputs NaN");
    tap_ok(measure(2, 1, a, asym, &x, &y, &z, &w) == THERMOAI_E_INVALID, "measure: non-symmetric -> E_INVALID");
    tap_ok(measure(2, 1, a, nan4, &x, &y, &z, &w) == THERMOAI_E_NONFINITE, "measure: NaN -> E_NONFINITE");
    tap_ok(thermoai_perturbation_measure(2, 1, a, a, ws, 8, &x, &y, &z, &w) == THERMOAI_E_SIZE, "measure: E_SIZE");
    tap_ok(thermoai_perturbation_measure(2, 1, a, a, ws, sizeof ws, &x, &y, NULL, &w) == THERMOAI_E_NULL && isnan(x),
           "measure: a NULL output -> E_NULL");
    tap_ok(thermoai_perturbation_measure_workspace_bytes(1, &bytes) == THERMOAI_E_INVALID && bytes == 0,
           "measure workspace: n = 1 -> E_INVALID");
    tap_ok(thermoai_perturbation_bernstein_tail(0, 1, 1, 1, 1, &x) == THERMOAI_E_INVALID && isnan(x),
           "Bernstein: d1 = 0 -> E_INVALID");
    tap_ok(thermoai_perturbation_bernstein_tail(1, 1, 0, 0, 1, &x) == THERMOAI_E_INVALID,
           "Bernstein: sigma^2 = R = 0 -> E_INVALID");
    tap_ok(thermoai_perturbation_bernstein_deviation(1, 1, 1, 1, 1.0, &x) == THERMOAI_E_INVALID,
           "Bernstein deviation: delta = 1 -> E_INVALID");
    tap_ok(thermoai_perturbation_jl_dimension_gaussian(1, 0.5, 0.1, &x) == THERMOAI_E_INVALID,
           "JL: one point -> E_INVALID");
    tap_ok(thermoai_perturbation_jl_dimension_gaussian(10, 1.0, 0.1, &x) == THERMOAI_E_INVALID, "JL: eps = 1");
    tap_ok(thermoai_perturbation_ssa_bound(1, 1, 0, 1, 1.5, 1, &x) == THERMOAI_E_INVALID, "SSA bound: delta > 1");
    tap_ok(thermoai_perturbation_ssa_sampling_error(1, 1, 0.5, 1, 0.1, 1, &x) == THERMOAI_E_INVALID,
           "Lemma 9.6: k < 1");
    tap_ok(thermoai_perturbation_tradeoff_edges(1, 1, 0.1, &x) == THERMOAI_E_INVALID, "tradeoff edges: N = 1");
    tap_ok(thermoai_perturbation_tradeoff_edges(1, 1e200, 1e-200, &x) == THERMOAI_E_RANGE && isnan(x),
           "tradeoff edges: overflow -> E_RANGE");
}

int main(void)
{
    davis_kahan_property();
    counterexamples();
    measure_properties();
    bernstein();
    johnson_lindenstrauss();
    nystrom();
    printed_ssa();
    bad_input();
    return tap_done();
}
