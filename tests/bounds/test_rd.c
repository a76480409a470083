/* SPDX-License-Identifier: MIT */
/*
 * rd.h: the closed forms and energies against tests/ref/rd.csv (mpmath, 50
 * digits), Blahut-Arimoto against an independent mpmath Blahut-Arimoto
 * (rd.csv ba_point rows), against the binary closed form to 1e-9 and the
 * Gaussian limit to 1e-3, monotone convergence, degenerate problems, warm and
 * cold starts, SIMD against portable kernels, the channel, bad input and
 * allocation failure at every k.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

static int quick;

static int close_to(double got, double want, double tol)
{
    return fabs(got - want) <= tol * (fabs(want) > 1.0 ? fabs(want) : 1.0);
}

static thermoai_rd_ba *solver(const double *p, size_t nx, const double *d, size_t ny,
                              uint32_t flags, double tol)
{
    thermoai_rd_ba_params par;
    thermoai_rd_ba *h = NULL;

    if (thermoai_rd_ba_params_init(&par, sizeof par) != THERMOAI_OK)
        return NULL;
    par.flags = flags;
    par.tolerance_bits = tol;
    par.max_iterations = 1000000;
    if (thermoai_rd_ba_create(p, nx, d, ny, &par, &h) != THERMOAI_OK)
        return NULL;
    return h;
}

static void result_init(thermoai_rd_ba_result *r)
{
    if (thermoai_rd_ba_result_init(r, sizeof *r) != THERMOAI_OK)
        memset(r, 0, sizeof *r);
}

/* The two small problems of tests/ref/rd_ref.py. */
static const double PA[3] = { 0.5, 0.3, 0.2 };
static const double DA[9] = { 0.0, 1.0, 2.0, 1.0, 0.0, 1.0, 2.0, 1.0, 0.0 };
static const double PB[4] = { 0.1, 0.4, 0.3, 0.2 };
static const double DB[12] = { 0.0, 0.5, 1.0, 0.3, 0.0, 0.8, 1.0, 0.2, 0.0, 0.6, 0.4, 0.1 };

static void reference(void)
{
    char line[512];
    FILE *f = ref_open("rd.csv");
    int rows = 0, bad = 0, ba_rows = 0;
    double worst = 0.0, worst_ba = 0.0;
    thermoai_rd_ba *ha = solver(PA, 3, DA, 3, 0, 1e-13), *hb = solver(PB, 4, DB, 3, 0, 1e-13);

    if (!tap_ok(f != NULL && ha != NULL && hb != NULL, "open tests/ref/rd.csv; two solvers"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char fn[32], a_s[64], st_s[16], e1_s[64], e2_s[64];
        double b, c, e1, e2, got = 0.0;
        int st = -1, want;

        if (line[0] == '#' || strncmp(line, "function,", 9) == 0)
            continue;
        if (sscanf(line, "%31[^,],%63[^,],%lf,%lf,%15[^,],%63[^,],%63s", fn, a_s, &b, &c, st_s,
                   e1_s, e2_s) != 7) {
            tap_ok(0, "parse '%s'", line);
            continue;
        }
        e1 = strtod(e1_s, NULL);
        e2 = strtod(e2_s, NULL);
        want = strcmp(st_s, "OK") == 0 ? THERMOAI_OK
               : strcmp(st_s, "DOMAIN") == 0 ? THERMOAI_E_DOMAIN : THERMOAI_E_RANGE;
        rows++;
        if (strcmp(fn, "ba_point") == 0) {
            thermoai_rd_ba_result r;

            result_init(&r);
            st = thermoai_rd_ba_execute(a_s[0] == 'A' ? ha : hb, b, &r);
            ba_rows++;
            /* the returned D differs from the optimum's by ~1e-13: move the reference
             * along the curve's tangent (slope b) to it before bracketing */
            e2 += b * (r.distortion - e1);
            if (st != THERMOAI_OK || !close_to(r.distortion, e1, 1e-11) || !close_to(r.rate_bits, e2, 1e-11)
                || !(r.rate_lower_bits <= e2 + 1e-14 && e2 <= r.rate_bits + 1e-14)) {
                bad++;
                tap_diag("ba %s slope %g: %s D %.17g R %.17g [%.17g], want D %.17g R %.17g", a_s, b,
                         thermoai_status_name(st), r.distortion, r.rate_bits, r.rate_lower_bits, e1, e2);
            }
            if (fabs(r.rate_bits - e2) > worst_ba)
                worst_ba = fabs(r.rate_bits - e2);
            if (fabs(r.distortion - e1) > worst_ba)
                worst_ba = fabs(r.distortion - e1);
            continue;
        }
        {
            const double a = strtod(a_s, NULL);

            if (strcmp(fn, "gaussian_bits") == 0)
                st = thermoai_rd_gaussian_bits(a, b, &got);
            else if (strcmp(fn, "gaussian_distortion") == 0)
                st = thermoai_rd_gaussian_distortion(a, b, &got);
            else if (strcmp(fn, "bernoulli_bits") == 0)
                st = thermoai_rd_bernoulli_bits(a, b, &got);
            else if (strcmp(fn, "gaussian_energy_j") == 0)
                st = thermoai_rd_gaussian_energy_j(a, b, c, &got);
            else if (strcmp(fn, "bernoulli_energy_j") == 0)
                st = thermoai_rd_bernoulli_energy_j(a, b, c, &got);
            if (st != want || (want == THERMOAI_OK && !close_to(got, e1, 4e-15))
                || (want != THERMOAI_OK && !isnan(got))) {
                bad++;
                tap_diag("%s(%s, %g, %g): %s %.17g, want %s %.17g", fn, a_s, b, c,
                         thermoai_status_name(st), got, st_s, e1);
            } else if (want == THERMOAI_OK && fabs(got - e1) / (fabs(e1) > 1.0 ? fabs(e1) : 1.0) > worst) {
                worst = fabs(got - e1) / (fabs(e1) > 1.0 ? fabs(e1) : 1.0);
            }
        }
    }
    fclose(f);
    tap_ok(rows > 70 && bad == 0,
           "%d reference rows: closed forms within 4e-15 (worst %.2g); %d Blahut-Arimoto points "
           "against an mpmath Blahut-Arimoto within 1e-11 (worst %.2g), each inside [lower, rate]",
           rows, worst, ba_rows, worst_ba);
    thermoai_rd_ba_free(ha);
    thermoai_rd_ba_free(hb);
}

/* ---- closed forms: properties and bad input -------------------------------------------- */

#define BAD(expr, want)                                                                    \
    do {                                                                                   \
        double o_ = 1.0, *out = &o_;                                                       \
        int s_ = (expr);                                                                   \
        tap_ok(s_ == (want) && isnan(o_), "%s -> %s (got %s)", #expr, #want,               \
               thermoai_status_name(s_));                                                  \
    } while (0)

static void closed_forms(void)
{
    double r0, r1, r2, d, e, k;
    int mono = 1, conv = 1, sym = 1, inv = 1, i;

    for (i = 1; i < 200; i++) {
        const double a = 0.005 * i, b = a + 0.005, m = 0.5 * (a + b);

        if (thermoai_rd_gaussian_bits(1.0, a, &r0) || thermoai_rd_gaussian_bits(1.0, b, &r1)
            || thermoai_rd_gaussian_bits(1.0, m, &r2))
            mono = 0;
        mono &= r1 <= r0;
        conv &= r2 <= 0.5 * (r0 + r1) + 1e-15;
        if (thermoai_rd_bernoulli_bits(0.3, a * 0.3, &r0) || thermoai_rd_bernoulli_bits(0.7, a * 0.3, &r1))
            sym = 0;
        sym &= fabs(r0 - r1) <= 1e-15;
        if (thermoai_rd_gaussian_bits(2.0, a, &r0) || thermoai_rd_gaussian_distortion(2.0, r0, &d))
            inv = 0;
        inv &= a >= 2.0 || close_to(d, a, 4e-15);
    }
    tap_ok(mono && conv, "Gaussian R(D): non-increasing and convex on (0, 1]");
    tap_ok(sym, "Bernoulli R(D) is symmetric in p <-> 1 - p");
    tap_ok(inv, "D(R(D)) = D below the variance");
    tap_ok(thermoai_rd_gaussian_bits(3.0, 3.0, &r0) == THERMOAI_OK && r0 == 0.0
               && thermoai_rd_gaussian_bits(3.0, 7.0, &r1) == THERMOAI_OK && r1 == 0.0,
           "Gaussian: R = 0 from D = variance on");
    tap_ok(thermoai_rd_gaussian_bits(1.0, 0.25, &r0) == THERMOAI_OK && r0 == 1.0,
           "Gaussian: R(var/4) = 1 bit exactly");
    tap_ok(thermoai_rd_bernoulli_bits(0.5, 0.0, &r0) == THERMOAI_OK && r0 == 1.0,
           "Bernoulli(1/2): R(0) = 1 bit exactly");
    tap_ok(thermoai_rd_bernoulli_bits(0.2, 0.2, &r0) == THERMOAI_OK && r0 == 0.0
               && thermoai_rd_bernoulli_bits(0.8, 0.2, &r1) == THERMOAI_OK && r1 == 0.0,
           "Bernoulli: R = 0 from min(p, 1-p) on");
    tap_ok(thermoai_rd_gaussian_bits(1.0, 0.25, &r0) == THERMOAI_OK
               && thermoai_rd_gaussian_energy_j(1.0, 0.25, 300.0, &e) == THERMOAI_OK
               && thermoai_landauer_energy_j(r0, 300.0, &k) == THERMOAI_OK && e == k,
           "E_min(D) = thermoai_landauer_energy_j(R(D), T) exactly");
    tap_ok(thermoai_rd_gaussian_energy_j(1.0, 2.0, 300.0, &e) == THERMOAI_OK && e == 0.0,
           "no energy bound beyond D = variance");

    BAD(thermoai_rd_gaussian_bits(1.0, 0.0, out), THERMOAI_E_DOMAIN);
    BAD(thermoai_rd_gaussian_bits(0.0, 0.5, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_gaussian_bits(-1.0, 0.5, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_gaussian_bits(1.0, -0.5, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_gaussian_bits((double)NAN, 0.5, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_rd_gaussian_bits(1.0, (double)INFINITY, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_rd_gaussian_distortion(1.0, -1.0, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_gaussian_distortion(1.0, 1e6, out), THERMOAI_E_RANGE);
    BAD(thermoai_rd_gaussian_distortion((double)INFINITY, 1.0, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_rd_bernoulli_bits(1.5, 0.1, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_bernoulli_bits(-0.1, 0.1, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_bernoulli_bits(0.3, -0.1, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_bernoulli_bits(0.3, (double)NAN, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_rd_gaussian_energy_j(1.0, 0.5, 0.0, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_gaussian_energy_j(1.0, 0.0, 300.0, out), THERMOAI_E_DOMAIN);
    BAD(thermoai_rd_gaussian_energy_j(1.0, -1.0, (double)NAN, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_rd_bernoulli_energy_j(0.3, 0.1, -300.0, out), THERMOAI_E_INVALID);
    BAD(thermoai_rd_bernoulli_energy_j(2.0, 0.1, 300.0, out), THERMOAI_E_INVALID);
    tap_ok(thermoai_rd_gaussian_bits(1.0, 0.5, NULL) == THERMOAI_E_NULL
               && thermoai_rd_bernoulli_energy_j(0.3, 0.1, 300.0, NULL) == THERMOAI_E_NULL,
           "NULL output -> E_NULL");
}

/* ---- Blahut-Arimoto against the closed forms --------------------------------------------- */

static void binary(void)
{
    const double p = 0.3, src[2] = { 0.7, 0.3 }, ham[4] = { 0.0, 1.0, 1.0, 0.0 };
    const double targets[] = { 1e-6, 0.001, 0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.28 };
    thermoai_rd_ba *h = solver(src, 2, ham, 2, 0, 1e-11);
    thermoai_rd_ba_result r;
    double worst = 0.0, worst_t = 0.0, rc;
    int ok = 1, ok_t = 1, bracket = 1, i;

    result_init(&r);
    if (!tap_ok(h != NULL, "binary solver"))
        return;
    for (i = 0; i < 40; i++) {
        const double s = -30.0 + 0.7 * i; /* down to -2.7 bits, D up to 0.13 */

        if (thermoai_rd_ba_execute(h, s, &r) != THERMOAI_OK
            || thermoai_rd_bernoulli_bits(p, r.distortion, &rc) != THERMOAI_OK) {
            ok = 0;
            break;
        }
        ok &= fabs(r.rate_bits - rc) <= 1e-9;
        bracket &= r.rate_lower_bits <= rc + 1e-15 && rc <= r.rate_bits + 1e-15;
        /* the slope of the closed form at D is log2(D / (1 - D)) */
        ok &= close_to(r.slope_bits, log2(r.distortion / (1.0 - r.distortion)), 1e-6);
        if (fabs(r.rate_bits - rc) > worst)
            worst = fabs(r.rate_bits - rc);
    }
    tap_ok(ok, "binary source, Hamming distortion: 40 slopes, |R_BA - (h(p) - h(D))| <= 1e-9 "
               "(worst %.2g bits) at the returned D", worst);
    tap_ok(bracket, "the closed form lies in [rate_lower_bits, rate_bits] at every slope");
    for (i = 0; i < (int)(sizeof targets / sizeof targets[0]); i++) {
        if (thermoai_rd_ba_execute_distortion(h, targets[i], &r) != THERMOAI_OK
            || thermoai_rd_bernoulli_bits(p, targets[i], &rc) != THERMOAI_OK) {
            tap_diag("target %g failed", targets[i]);
            ok_t = 0;
            continue;
        }
        ok_t &= r.distortion == targets[i] && fabs(r.rate_bits - rc) <= 1e-9;
        if (fabs(r.rate_bits - rc) > worst_t)
            worst_t = fabs(r.rate_bits - rc);
    }
    tap_ok(ok_t, "target distortions 1e-6 .. 0.28: R(D*) within 1e-9 (worst %.2g bits)", worst_t);
    tap_ok(thermoai_rd_ba_execute_distortion(h, 0.0, &r) == THERMOAI_OK && r.distortion == 0.0
               && fabs(r.rate_bits - 0.88129089923069259) <= 1e-12 && r.slope_bits == -DBL_MAX,
           "D* = D_min = 0: R = h(0.3) = 0.881291 bits, slope -DBL_MAX (-infinity)");
    tap_ok(thermoai_rd_ba_execute_distortion(h, 0.3, &r) == THERMOAI_OK && r.rate_bits == 0.0
               && r.distortion == 0.3 && r.iterations == 0,
           "D* = D_max = min(p, 1-p): rate 0 without iterating");
    tap_ok(thermoai_rd_ba_execute_distortion(h, 0.45, &r) == THERMOAI_OK && r.rate_bits == 0.0
               && fabs(r.distortion - 0.3) <= 1e-16,
           "D* beyond D_max: rate 0 at D_max");
    thermoai_rd_ba_free(h);
}

/* A Gaussian N(0, 1) on n points of [-L, L] with bin masses; squared error. */
static void gaussian_problem(size_t n, double L, double *p, double *d, double *var)
{
    const double step = 2.0 * L / (double)(n - 1);
    double s = 0.0, m2 = 0.0;
    size_t i, j;

    for (i = 0; i < n; i++) {
        const double x = -L + step * (double)i;
        const double a = i == 0 ? -(double)INFINITY : x - step / 2, b = i == n - 1 ? (double)INFINITY : x + step / 2;

        p[i] = 0.5 * (erfc(a / sqrt(2.0)) - erfc(b / sqrt(2.0)));
        s += p[i];
    }
    for (i = 0; i < n; i++) {
        const double x = -L + step * (double)i;

        p[i] /= s;
        m2 += p[i] * x * x;
        for (j = 0; j < n; j++) {
            const double y = -L + step * (double)j;

            d[i * n + j] = (x - y) * (x - y);
        }
    }
    *var = m2;
}

static void gaussian(void)
{
    enum { N = 61 };
    static double p[N], d[N * N];
    const double slopes[3] = { -1.0, -2.0, -4.0 };
    double var, worst = 0.0, worst_var = 0.0;
    thermoai_rd_ba_result r;
    thermoai_rd_ba *h;
    int ok = 1, okd = 1, i;

    gaussian_problem(N, 6.0, p, d, &var);
    h = solver(p, N, d, N, 0, 1e-4);
    result_init(&r);
    if (!tap_ok(h != NULL, "Gaussian grid solver (61 points, step 0.2 on [-6, 6], bin masses)"))
        return;
    for (i = 0; i < (quick ? 1 : 3); i++) {
        double g, gv;

        if (thermoai_rd_ba_execute(h, slopes[i], &r) != THERMOAI_OK) {
            ok = 0;
            continue;
        }
        g = 0.5 * log2(1.0 / r.distortion);
        gv = 0.5 * log2(var / r.distortion);
        ok &= fabs(r.rate_bits - gv) <= 1e-3 && fabs(r.rate_bits - g) <= 3e-3;
        /* continuous Gaussian: R'(D) = -1 / (2 D ln 2) */
        okd &= close_to(r.distortion, -1.0 / (2.0 * slopes[i] * log(2.0)), 2e-3);
        if (fabs(r.rate_bits - gv) > worst)
            worst = fabs(r.rate_bits - gv);
        if (fabs(r.rate_bits - g) > worst_var)
            worst_var = fabs(r.rate_bits - g);
    }
    tap_ok(ok, "Gaussian limit: |R_BA - log2(var_grid / D)/2| <= 1e-3 (worst %.2g bits), and "
               "<= 3e-3 against var = 1 (worst %.2g: the grid adds step^2/12 to the variance)",
           worst, worst_var);
    tap_ok(okd, "Gaussian limit: D at slope s is -1/(2 s ln 2) within 0.2%%");
    thermoai_rd_ba_free(h);
}

/* ---- convergence, degenerate problems, warm starts ---------------------------------------- */

static void convergence(void)
{
    thermoai_rd_ba *h = solver(PB, 4, DB, 3, 0, 1e-12);
    thermoai_rd_ba_result r;
    double prev = (double)INFINITY, first_gap = 0.0, gap = 0.0;
    int mono = 1, bounds = 1, k;

    result_init(&r);
    if (!tap_ok(h != NULL, "solver for the convergence test"))
        return;
    for (k = 0; k < 300; k++) {
        if (thermoai_rd_ba_iterate(h, -6.0, 1, &r) != THERMOAI_OK) {
            mono = 0;
            break;
        }
        mono &= r.lagrangian_bits <= prev + 1e-15 * fabs(prev);
        bounds &= r.rate_lower_bits <= r.rate_bits && r.iterations == 1;
        prev = r.lagrangian_bits;
        gap = r.rate_bits - r.rate_lower_bits;
        if (k == 0)
            first_gap = gap;
    }
    tap_ok(mono, "300 single iterations: the Lagrangian R - s (D - D_min) never increases");
    tap_ok(bounds && gap < 1e-10 * first_gap,
           "lower <= rate at every iterate; the gap fell from %.3g to %.3g bits", first_gap, gap);
    /* the lagrangian of a converged execution is the minimum */
    tap_ok(thermoai_rd_ba_execute(h, -6.0, &r) == THERMOAI_OK && r.lagrangian_bits <= prev + 1e-14,
           "execute after iterate continues to the same optimum");
    thermoai_rd_ba_free(h);
}

static void degenerate(void)
{
    const double one[1] = { 1.0 }, row[4] = { 0.4, 0.2, 0.7, 0.2 };
    const double zero[9] = { 0 }, two[2] = { 0.6, 0.4 }, col[2] = { 0.5, 2.0 };
    thermoai_rd_ba_result r;
    thermoai_rd_ba *h;
    double dmin, dmax;
    int st;

    result_init(&r);
    h = solver(one, 1, row, 4, 0, 1e-10);
    tap_ok(h != NULL && thermoai_rd_ba_distortion_range(h, &dmin, &dmax) == THERMOAI_OK
               && dmin == 0.2 && dmax == 0.2,
           "one-symbol source: D_min = D_max = the smallest distortion");
    st = h != NULL ? thermoai_rd_ba_execute(h, -3.0, &r) : -1;
    tap_ok(st == THERMOAI_OK && r.rate_bits == 0.0 && fabs(r.distortion - 0.2) < 1e-9,
           "one-symbol source: R = 0 at any slope (D %.3g)", r.distortion);
    tap_ok(h != NULL && thermoai_rd_ba_execute_distortion(h, 0.2, &r) == THERMOAI_OK
               && r.rate_bits == 0.0 && r.distortion == 0.2,
           "one-symbol source: target D_min gives rate 0");
    tap_ok(h != NULL && thermoai_rd_ba_execute_distortion(h, 0.1, &r) == THERMOAI_E_DOMAIN
               && isnan(r.rate_bits) && isnan(r.distortion),
           "D below D_min -> E_DOMAIN, outputs NaN");
    thermoai_rd_ba_free(h);

    h = solver(PA, 3, zero, 3, 0, 1e-10);
    tap_ok(h != NULL && thermoai_rd_ba_distortion_range(h, &dmin, &dmax) == THERMOAI_OK
               && dmin == 0.0 && dmax == 0.0,
           "zero distortion matrix: D_min = D_max = 0");
    tap_ok(h != NULL && thermoai_rd_ba_execute(h, -5.0, &r) == THERMOAI_OK && r.rate_bits == 0.0
               && r.distortion == 0.0 && r.rate_lower_bits == 0.0,
           "zero distortion matrix: R = 0, D = 0 at any slope");
    tap_ok(h != NULL && thermoai_rd_ba_execute_distortion(h, 0.0, &r) == THERMOAI_OK && r.rate_bits == 0.0,
           "zero distortion matrix: R(0) = 0");
    thermoai_rd_ba_free(h);

    h = solver(two, 2, col, 1, 0, 1e-10);
    tap_ok(h != NULL && thermoai_rd_ba_execute(h, -2.0, &r) == THERMOAI_OK && r.rate_bits == 0.0
               && close_to(r.distortion, 0.6 * 0.5 + 0.4 * 2.0, 1e-15),
           "one reproduction symbol: R = 0 at D = E d(X, 0)");
    thermoai_rd_ba_free(h);

    h = solver(PA, 3, DA, 3, 0, 1e-10);
    tap_ok(h != NULL && thermoai_rd_ba_execute(h, 0.0, &r) == THERMOAI_OK && r.rate_bits == 0.0
               && r.iterations == 0 && r.distortion >= 0.0,
           "slope 0: rate 0 at the current pmf's distortion, no iteration");
    st = h != NULL ? thermoai_rd_ba_execute(h, -1e300, &r) : -1;
    tap_ok(st == THERMOAI_OK && r.distortion == 0.0 && fabs(r.rate_bits - 1.4854752972273344) < 1e-9,
           "slope -1e300: the channel of the row minima, R = H(X) = %.9f", r.rate_bits);
    thermoai_rd_ba_free(h);
}

static void warm_and_kernels(void)
{
    enum { N = 24 };
    static double p[N], d[N * N], slopes[12], dw[12], rw[12], dc[12], rc[12], dp[12], rp[12];
    thermoai_rd_ba *warm, *cold, *port;
    double var, s = 0.0, tot = 0.0;
    const char *name = NULL;
    int i, j, same = 1, agree = 1;
    uint64_t x = 12345;
    thermoai_rd_ba_result r;

    gaussian_problem(N, 4.0, p, d, &var);
    for (i = 0; i < N * N; i++) { /* a perturbed, asymmetric matrix */
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        d[i] *= 1.0 + 0.3 * (double)(x >> 11) * 0x1.0p-53;
    }
    for (i = 0; i < 12; i++)
        slopes[i] = -20.0 * pow(0.05, i / 11.0);
    warm = solver(p, N, d, N, 0, 1e-8);
    cold = solver(p, N, d, N, THERMOAI_RD_BA_COLD, 1e-8);
    port = solver(p, N, d, N, THERMOAI_RD_BA_PORTABLE, 1e-8);
    if (!tap_ok(warm && cold && port, "three solvers: warm, cold, portable"))
        return;
    tap_ok(thermoai_rd_ba_curve(warm, slopes, 12, dw, rw) == THERMOAI_OK
               && thermoai_rd_ba_curve(cold, slopes, 12, dc, rc) == THERMOAI_OK
               && thermoai_rd_ba_curve(port, slopes, 12, dp, rp) == THERMOAI_OK,
           "thermoai_rd_ba_curve: 12 slopes with each solver");
    for (i = 0; i < 12; i++) {
        same &= fabs(rw[i] - rc[i]) <= 2e-8 && fabs(dw[i] - dc[i]) <= 1e-5;
        agree &= fabs(rw[i] - rp[i]) <= 2e-8;
        if (i > 0)
            same &= rw[i] <= rw[i - 1] + 1e-8 && dw[i] >= dw[i - 1] - 1e-8;
    }
    tap_ok(same, "warm and cold starts agree within the tolerance; R falls and D rises along the curve");
    tap_ok(agree, "portable and SIMD kernels agree within the tolerance");
    tap_ok(thermoai_rd_ba_kernel_name(port, &name) == THERMOAI_OK && strcmp(name, "portable C") == 0,
           "THERMOAI_RD_BA_PORTABLE selects the portable kernels");
    tap_ok(thermoai_rd_ba_kernel_name(warm, &name) == THERMOAI_OK && name != NULL, "kernels: %s", name);
    /* the curve equals point-by-point executions on a fresh solver */
    thermoai_rd_ba_free(cold);
    cold = solver(p, N, d, N, 0, 1e-8);
    result_init(&r);
    for (i = 0; i < 12 && cold != NULL; i++)
        same &= thermoai_rd_ba_execute(cold, slopes[i], &r) == THERMOAI_OK && r.rate_bits == rw[i]
                && r.distortion == dw[i];
    tap_ok(same, "the curve is bit for bit the sequence of executions");
    /* the channel: rows are pmfs; its mutual information and distortion are the result's */
    {
        static double ch[N * N], joint[N * N];
        double mi, dist = 0.0;

        tap_ok(thermoai_rd_ba_execute(warm, -3.0, &r) == THERMOAI_OK
                   && thermoai_rd_ba_channel(warm, ch) == THERMOAI_OK,
               "channel of a slope point");
        for (i = 0; i < N; i++) {
            s = 0.0;
            for (j = 0; j < N; j++) {
                s += ch[i * N + j];
                joint[i * N + j] = p[i] * ch[i * N + j];
                dist += joint[i * N + j] * d[i * N + j];
            }
            tot += fabs(s - 1.0);
        }
        tap_ok(tot < 1e-12 && thermoai_pmf_mutual_information_bits(joint, N, N, &mi) == THERMOAI_OK
                   && fabs(mi - r.rate_bits) < 1e-12 && close_to(dist, r.distortion, 1e-12),
               "its rows sum to 1; I(X;Xhat) = rate_bits, E d = distortion (to 1e-12)");
        tap_ok(thermoai_rd_ba_execute_distortion(warm, 0.2, &r) == THERMOAI_OK
                   && thermoai_rd_ba_channel(warm, ch) == THERMOAI_OK,
               "channel of a target distortion (a time-sharing mixture)");
        dist = 0.0;
        for (i = 0; i < N * N; i++) {
            joint[i] = p[i / N] * ch[i];
            dist += joint[i] * d[i];
        }
        j = thermoai_pmf_mutual_information_bits(joint, N, N, &mi);
        tap_ok(j == THERMOAI_OK && mi <= r.rate_bits + 1e-12 && mi >= r.rate_lower_bits - 1e-12
                   && close_to(dist, 0.2, 1e-12),
               "the mixture achieves D* = 0.2 at a rate within [lower, rate_bits] (I = %.9f)", mi);
    }
    {
        double q[N], qs = 0.0;

        tap_ok(thermoai_rd_ba_output_pmf(warm, q) == THERMOAI_OK, "output pmf");
        for (i = 0; i < N; i++)
            qs += q[i];
        tap_ok(fabs(qs - 1.0) < 1e-14, "the output pmf sums to 1");
    }
    thermoai_rd_ba_free(warm);
    thermoai_rd_ba_free(cold);
    thermoai_rd_ba_free(port);
}

static void limits(void)
{
    thermoai_rd_ba_params par;
    thermoai_rd_ba_result r;
    thermoai_rd_ba *h;
    double ds[2], rs[2];
    const double sl[2] = { -1.0, -2.0 };

    result_init(&r);
    if (thermoai_rd_ba_params_init(&par, sizeof par) != THERMOAI_OK)
        return;
    par.max_iterations = 3;
    par.tolerance_bits = 1e-14;
    tap_ok(thermoai_rd_ba_create(PB, 4, DB, 3, &par, &h) == THERMOAI_OK, "solver with 3 iterations");
    tap_ok(thermoai_rd_ba_execute(h, -6.0, &r) == THERMOAI_E_NO_CONVERGENCE && isnan(r.rate_bits)
               && isnan(r.distortion) && isnan(r.slope_bits),
           "iteration limit -> E_NO_CONVERGENCE, outputs NaN");
    tap_ok(thermoai_rd_ba_execute_distortion(h, 0.1, &r) == THERMOAI_E_NO_CONVERGENCE && isnan(r.rate_bits),
           "iteration limit in a target search -> E_NO_CONVERGENCE");
    tap_ok(thermoai_rd_ba_curve(h, sl, 2, ds, rs) == THERMOAI_E_NO_CONVERGENCE && isnan(ds[0])
               && isnan(rs[1]),
           "curve: a failing point -> its status, every output NaN");
    tap_ok(thermoai_rd_ba_channel(h, NULL) == THERMOAI_E_NULL, "channel(NULL) -> E_NULL");
    thermoai_rd_ba_free(h);
}

static void bad_input(void)
{
    const double dneg[9] = { 0, 1, 2, 1, -1, 1, 2, 1, 0 }, dnan[9] = { 0, 1, 2, 1, (double)NAN, 1, 2, 1, 0 };
    const double pbad[3] = { 0.5, 0.3, 0.3 };
    thermoai_rd_ba_params par;
    thermoai_rd_ba_result r, small;
    thermoai_rd_ba *h = (thermoai_rd_ba *)&par;
    thermoai_allocator al = { NULL, NULL, NULL };
    unsigned char big[64];
    double a = 1.0, b = 1.0, ds[2], rs[2];
    const double sl[2] = { -1.0, 0.5 };
    const char *nm;

    tap_ok(thermoai_rd_ba_params_init(&par, sizeof par) == THERMOAI_OK && par.struct_size == 24
               && thermoai_rd_ba_params_size() == 24 && thermoai_rd_ba_result_size() == 48,
           "params 24 bytes, result 48 bytes");
    tap_ok(thermoai_rd_ba_create(NULL, 3, DA, 3, NULL, &h) == THERMOAI_E_NULL && h == NULL, "create: NULL source");
    tap_ok(thermoai_rd_ba_create(PA, 3, NULL, 3, NULL, &h) == THERMOAI_E_NULL, "create: NULL distortion");
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, NULL, NULL) == THERMOAI_E_NULL, "create: NULL solver");
    tap_ok(thermoai_rd_ba_create(PA, 0, DA, 3, NULL, &h) == THERMOAI_E_INVALID, "create: nx = 0");
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 0, NULL, &h) == THERMOAI_E_INVALID, "create: nxhat = 0");
    tap_ok(thermoai_rd_ba_create(PA, (size_t)1 << 40, DA, (size_t)1 << 40, NULL, &h) == THERMOAI_E_INVALID,
           "create: absurd sizes -> E_INVALID");
    tap_ok(thermoai_rd_ba_create(PA, 3, dneg, 3, NULL, &h) == THERMOAI_E_INVALID, "create: negative distortion");
    tap_ok(thermoai_rd_ba_create(PA, 3, dnan, 3, NULL, &h) == THERMOAI_E_NONFINITE, "create: NaN distortion");
    tap_ok(thermoai_rd_ba_create(pbad, 3, dnan, 3, NULL, &h) == THERMOAI_E_NONFINITE,
           "create: NaN is reported before an invalid pmf");
    tap_ok(thermoai_rd_ba_create(pbad, 3, DA, 3, NULL, &h) == THERMOAI_E_INVALID, "create: source sums to 1.1");
    par.flags = 0x80u;
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, &par, &h) == THERMOAI_E_UNSUPPORTED, "create: unknown flag");
    par.flags = 0;
    par.reserved = 1;
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, &par, &h) == THERMOAI_E_UNSUPPORTED, "create: reserved != 0");
    par.reserved = 0;
    par.tolerance_bits = -1.0;
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, &par, &h) == THERMOAI_E_INVALID, "create: negative tolerance");
    par.tolerance_bits = (double)NAN;
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, &par, &h) == THERMOAI_E_NONFINITE, "create: NaN tolerance");
    par.tolerance_bits = 0.0;
    par.struct_size = 20;
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, &par, &h) == THERMOAI_E_SIZE, "create: struct_size 20");
    memset(big, 0, sizeof big);
    memcpy(big, &par, sizeof par);
    big[0] = 64;
    big[40] = 1;
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, (thermoai_rd_ba_params *)(void *)big, &h) == THERMOAI_E_UNSUPPORTED,
           "create: a newer caller's non-zero extra field -> E_UNSUPPORTED");
    big[40] = 0;
    tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, (thermoai_rd_ba_params *)(void *)big, &h) == THERMOAI_OK,
           "create: a newer caller's zero extra fields are accepted");
    thermoai_rd_ba_free(h);
    tap_ok(thermoai_rd_ba_create_ex(PA, 3, DA, 3, NULL, &al, &h) == THERMOAI_E_NULL && h == NULL,
           "create_ex: allocator without functions -> E_NULL");

    if (thermoai_rd_ba_create(PA, 3, DA, 3, NULL, &h) != THERMOAI_OK)
        return;
    result_init(&r);
    tap_ok(thermoai_rd_ba_execute(h, (double)NAN, &r) == THERMOAI_E_NONFINITE && isnan(r.rate_bits),
           "execute: NaN slope");
    tap_ok(thermoai_rd_ba_execute(h, -(double)INFINITY, &r) == THERMOAI_E_NONFINITE, "execute: -Inf slope");
    tap_ok(thermoai_rd_ba_execute(h, 0.5, &r) == THERMOAI_E_INVALID && isnan(r.lagrangian_bits),
           "execute: positive slope -> E_INVALID");
    tap_ok(thermoai_rd_ba_execute(NULL, -1.0, &r) == THERMOAI_E_NULL && isnan(r.distortion), "execute: NULL solver");
    tap_ok(thermoai_rd_ba_execute(h, -1.0, NULL) == THERMOAI_E_NULL, "execute: NULL result");
    memset(&small, 0, sizeof small);
    small.struct_size = 16;
    small.rate_bits = 7.0;
    tap_ok(thermoai_rd_ba_execute(h, -1.0, &small) == THERMOAI_E_SIZE && isnan(small.slope_bits)
               && small.rate_bits == 7.0,
           "execute: struct_size 16 -> E_SIZE; NaN only within the caller's size");
    tap_ok(thermoai_rd_ba_iterate(h, -1.0, 0, &r) == THERMOAI_E_INVALID && isnan(r.rate_bits),
           "iterate: count 0");
    tap_ok(thermoai_rd_ba_execute_distortion(h, -0.1, &r) == THERMOAI_E_INVALID, "target: negative");
    tap_ok(thermoai_rd_ba_execute_distortion(h, (double)INFINITY, &r) == THERMOAI_E_NONFINITE, "target: Inf");
    tap_ok(thermoai_rd_ba_curve(h, sl, 2, ds, rs) == THERMOAI_E_INVALID && isnan(ds[0]) && isnan(rs[0]),
           "curve: a positive slope -> E_INVALID, outputs NaN");
    tap_ok(thermoai_rd_ba_curve(h, sl, 0, ds, rs) == THERMOAI_E_INVALID, "curve: count 0");
    tap_ok(thermoai_rd_ba_curve(h, NULL, 2, ds, rs) == THERMOAI_E_NULL, "curve: NULL slopes");
    tap_ok(thermoai_rd_ba_distortion_range(NULL, &a, &b) == THERMOAI_E_NULL && isnan(a) && isnan(b),
           "distortion_range: NULL solver, outputs NaN");
    tap_ok(thermoai_rd_ba_output_pmf(h, NULL) == THERMOAI_E_NULL && thermoai_rd_ba_kernel_name(NULL, &nm) == THERMOAI_E_NULL,
           "getters: NULL -> E_NULL");
    {
        double ch[9];
        thermoai_rd_ba *fresh = NULL;

        tap_ok(thermoai_rd_ba_create(PA, 3, DA, 3, NULL, &fresh) == THERMOAI_OK
                   && thermoai_rd_ba_channel(fresh, ch) == THERMOAI_E_DOMAIN && isnan(ch[4]),
               "channel before any execution -> E_DOMAIN, NaN");
        thermoai_rd_ba_free(fresh);
    }
    thermoai_rd_ba_free(h);
    thermoai_rd_ba_free(NULL);
    tap_ok(1, "free(NULL) is a no-op");
}

/* ---- allocation failure -------------------------------------------------------------- */

struct counting {
    int calls, fail_at, outstanding;
};

static void *count_alloc(size_t size, void *user)
{
    struct counting *c = (struct counting *)user;
    void *p;

    if (c->calls++ == c->fail_at)
        return NULL;
    p = malloc(size);
    if (p != NULL)
        c->outstanding++;
    return p;
}

static void count_release(void *ptr, void *user)
{
    struct counting *c = (struct counting *)user;

    c->outstanding--;
    free(ptr);
}

static void allocator(void)
{
    struct counting c;
    thermoai_allocator a;
    thermoai_rd_ba *h;
    thermoai_rd_ba_result r;
    int i, rc;

    a.alloc = count_alloc;
    a.release = count_release;
    a.user = &c;
    result_init(&r);
    for (i = 0; i < 8; i++) {
        c.calls = 0;
        c.fail_at = i;
        c.outstanding = 0;
        h = (thermoai_rd_ba *)&c;
        rc = thermoai_rd_ba_create_ex(PB, 4, DB, 3, NULL, &a, &h);
        if (i < c.calls) {
            tap_ok(rc == THERMOAI_E_NOMEM && h == NULL && c.outstanding == 0,
                   "allocation %d of %d fails: E_NOMEM, solver NULL, nothing leaked", i + 1, c.calls);
        } else {
            int before = c.calls;

            tap_ok(rc == THERMOAI_OK && thermoai_rd_ba_execute(h, -6.0, &r) == THERMOAI_OK
                       && thermoai_rd_ba_execute_distortion(h, 0.1, &r) == THERMOAI_OK
                       && c.calls == before,
                   "create makes %d allocations; executions make none", c.calls);
            thermoai_rd_ba_free(h);
            tap_ok(c.outstanding == 0, "free releases them all");
            break;
        }
    }
}

int main(void)
{
    quick = getenv("THERMOAI_TEST_QUICK") != NULL;
    reference();
    closed_forms();
    binary();
    gaussian();
    convergence();
    degenerate();
    warm_and_kernels();
    limits();
    bad_input();
    allocator();
    return tap_done();
}
