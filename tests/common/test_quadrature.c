/* SPDX-License-Identifier: MIT */
/*
 * thermoai_quadrature_integrate() and _points(): exact integrals of smooth
 * functions, an endpoint singularity, callback errors and bad input; a battery
 * of integrands with known integrals (smooth, singular, kinked, jumping, peaked,
 * oscillating, over huge ranges) on which the error estimate is never smaller
 * than the error; breakpoints; the overflow-safe centre of issue 20 item 5.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static int poly_fn(double t, void *user, double *value)
{
    (void)user;
    *value = 3.0 * t * t; /* integral over [0, 2] is 8 */
    return 0;
}

static int exp_fn(double t, void *user, double *value)
{
    (void)user;
    *value = exp(-t);
    return 0;
}

static int sqrt_fn(double t, void *user, double *value)
{
    (void)user;
    *value = sqrt(t); /* integral over [0, 1] is 2/3; singular derivative at 0 */
    return 0;
}

static int failing_fn(double t, void *user, double *value)
{
    (void)user;
    *value = t;
    return t > 0.5 ? 1 : 0;
}

static int nan_fn(double t, void *user, double *value)
{
    (void)user;
    *value = t > 0.5 ? (double)NAN : t;
    return 0;
}

static void quadrature(void)
{
    thermoai_result r;

    tap_ok(thermoai_quadrature_integrate(poly_fn, NULL, 0.0, 2.0, 1e-12, &r) == THERMOAI_OK
               && fabs(r.val - 8.0) <= 8.0 * 4 * DBL_EPSILON && r.err <= 1e-12 * 8.0,
           "integral of 3t^2 over [0, 2] is 8 (Kronrod is exact for polynomials)");
    tap_ok(thermoai_quadrature_integrate(exp_fn, NULL, 0.0, 40.0, 1e-13, &r) == THERMOAI_OK
               && fabs(r.val - (1.0 - exp(-40.0))) <= 1e-13,
           "integral of e^-t over [0, 40]");
    tap_ok(thermoai_quadrature_integrate(sqrt_fn, NULL, 0.0, 1.0, 1e-10, &r) == THERMOAI_OK
               && fabs(r.val - 2.0 / 3.0) <= 1e-10 && r.err >= fabs(r.val - 2.0 / 3.0),
           "integral of sqrt t over [0, 1] (endpoint singularity): 2/3, error estimate honest");
    tap_ok(thermoai_quadrature_integrate(poly_fn, NULL, 1.0, 1.0, 1e-10, &r) == THERMOAI_OK && r.val == 0.0
               && r.err == 0.0,
           "an empty interval integrates to 0");
    tap_ok(thermoai_quadrature_integrate(failing_fn, NULL, 0.0, 1.0, 1e-10, &r) == THERMOAI_E_CALLBACK
               && isnan(r.val) && isnan(r.err),
           "a failing callback -> E_CALLBACK, NaN result");
    tap_ok(thermoai_quadrature_integrate(nan_fn, NULL, 0.0, 1.0, 1e-10, &r) == THERMOAI_E_NONFINITE && isnan(r.val),
           "a callback returning NaN -> E_NONFINITE");
    tap_ok(thermoai_quadrature_integrate(poly_fn, NULL, 2.0, 1.0, 1e-10, &r) == THERMOAI_E_INVALID, "t1 < t0 -> E_INVALID");
    tap_ok(thermoai_quadrature_integrate(poly_fn, NULL, 0.0, 1.0, 1e-20, &r) == THERMOAI_E_INVALID, "rel_tol too small");
    tap_ok(thermoai_quadrature_integrate(poly_fn, NULL, 0.0, 1.0, 1.0, &r) == THERMOAI_E_INVALID, "rel_tol 1");
    tap_ok(thermoai_quadrature_integrate(poly_fn, NULL, 0.0, (double)INFINITY, 1e-10, &r) == THERMOAI_E_NONFINITE, "infinite limit");
    tap_ok(thermoai_quadrature_integrate(NULL, NULL, 0.0, 1.0, 1e-10, &r) == THERMOAI_E_NULL, "NULL function");
    tap_ok(thermoai_quadrature_integrate(poly_fn, NULL, 0.0, 1.0, 1e-10, NULL) == THERMOAI_E_NULL, "NULL result");
}

/* ---- the battery ---------------------------------------------------------------- */

#define FN(name, expr)                                        \
    static int name(double t, void *user, double *value)      \
    {                                                         \
        (void)user;                                           \
        (void)t;                                              \
        *value = (expr);                                      \
        return 0;                                             \
    }
FN(f_poly30, pow(t, 30))
FN(f_exp, exp(t))
FN(f_sqrt, sqrt(t))
FN(f_isqrt, 1.0 / sqrt(t))
FN(f_kink, fabs(t - 1.0 / 3.0))
FN(f_step, t < 0.7 ? 1.0 : 3.0)
FN(f_peak, 1.0 / (1.0 + 1e8 * t * t))
FN(f_narrow, exp(-(t / 1e-3) * (t / 1e-3)))
FN(f_log, log(t))
FN(f_decay, exp(-t))
FN(f_gauss, exp(-t * t))
FN(f_osc, cos(t) * exp(-t / 10.0))
FN(f_tail_step, t < 0.999 ? 2.0 : -1.0)
FN(f_tiny, 1e-300)
FN(f_odd, 1e-300 * (1.0 + t / DBL_MAX))
FN(f_one, 1.0)

struct battery_case {
    const char *name;
    int (*fn)(double, void *, double *);
    double a, b, exact, point; /* point: a breakpoint, or NaN */
};

static void battery(void)
{
    const double sqrt_pi = 1.77245385090551602729816748334;
    /* exact integrals (closed forms; the osc one is 10/101 (1 + e^-10 (10 sin 100 - cos 100))) */
    const struct battery_case cases[] = {
        { "t^30 on [0, 2]", f_poly30, 0, 2, 69273666.0645161290322580645, (double)NAN },
        { "e^t on [0, 40]", f_exp, 0, 40, 235385266837019984.407899910749, (double)NAN },
        { "sqrt t on [0, 1]", f_sqrt, 0, 1, 2.0 / 3.0, (double)NAN },
        { "1/sqrt t on [0, 1]", f_isqrt, 0, 1, 2.0, (double)NAN },
        { "|t - 1/3| on [0, 1]", f_kink, 0, 1, 5.0 / 18.0, (double)NAN },
        { "|t - 1/3| with the kink as breakpoint", f_kink, 0, 1, 5.0 / 18.0, 1.0 / 3.0 },
        { "a step at 0.7", f_step, 0, 1, 1.6, (double)NAN },
        { "a step at 0.7 with it as breakpoint", f_step, 0, 1, 1.6, 0.7 },
        { "a step 0.001 before the end", f_tail_step, 0, 1, 1.996999999999999997335465, (double)NAN },
        { "1/(1 + 1e8 t^2) on [-1, 1]", f_peak, -1, 1, 3.14139265359045990512531e-4, (double)NAN },
        { "a Gaussian of width 1e-3 at the centre", f_narrow, -1, 1, 1.77245385090551602729816748334e-3,
          (double)NAN },
        { "ln t on [0, 1]", f_log, 0, 1, -1.0, (double)NAN },
        { "e^-t on [0, 1e10] (the mass at the end)", f_decay, 0, 1e10, 1.0, (double)NAN },
        { "e^-t^2 on [-1e10, 1e10] (the mass at the centre)", f_gauss, -1e10, 1e10, sqrt_pi, (double)NAN },
        { "e^-t^2 on [-1e3, 1e3]", f_gauss, -1e3, 1e3, sqrt_pi, (double)NAN },
        { "cos t e^(-t/10) on [0, 100]", f_osc, 0, 100, 0.09898326347904555320725449, (double)NAN },
        { "1e-300 on [-DBL_MAX, DBL_MAX]", f_tiny, -DBL_MAX, DBL_MAX, 359538626.9724631506387663, (double)NAN },
        { "1e-300 on [1e308, DBL_MAX]", f_tiny, 1e308, DBL_MAX, 79769313.48623157171556761, (double)NAN },
    };
    const double tols[] = { 1e-6, 1e-10, 1e-13 };
    size_t i, k;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct battery_case *c = &cases[i];
        int honest = 1, converged = 0;

        for (k = 0; k < sizeof tols / sizeof tols[0]; k++) {
            thermoai_result r;
            const int has = !isnan(c->point);
            const int s = thermoai_quadrature_integrate_points(c->fn, NULL, c->a, c->b, has ? &c->point : NULL,
                                                               has ? 1 : 0, tols[k], &r);

            if (s == THERMOAI_OK) {
                converged++;
                /* the estimate covers the error (and the exact value's own last digit) */
                if (!(fabs(r.val - c->exact) <= r.err + 4 * DBL_EPSILON * fabs(c->exact))) {
                    honest = 0;
                    tap_diag("%s, rel_tol %g: %.17g +- %.3g, exact %.17g", c->name, tols[k], r.val, r.err,
                             c->exact);
                }
            } else if (s != THERMOAI_E_NO_CONVERGENCE) {
                honest = 0;
                tap_diag("%s, rel_tol %g: status %d", c->name, tols[k], s);
            }
        }
        tap_ok(honest && converged > 0, "%s: the error estimate is never below the error (%d of 3 tolerances met)",
               c->name, converged);
    }
}

static int inf_calls;

static int f_counting(double t, void *user, double *value)
{
    (void)user;
    if (!isfinite(t))
        inf_calls++;
    *value = 1e-300;
    return 0;
}

static void huge_ranges(void)
{
    thermoai_result r;
    int s;

    /* issue 20 item 5: the centre (a + b) / 2 and half-width (b - a) / 2 overflowed */
    inf_calls = 0;
    s = thermoai_quadrature_integrate(f_counting, NULL, 1e308, DBL_MAX, 1e-10, &r);
    tap_ok(s == THERMOAI_OK && inf_calls == 0 && fabs(r.val - 79769313.48623157171556761) <= r.err,
           "issue 20: [1e308, DBL_MAX]: never called at t = inf, %.17g", r.val);
    inf_calls = 0;
    s = thermoai_quadrature_integrate(f_counting, NULL, -DBL_MAX, DBL_MAX, 1e-10, &r);
    tap_ok(s == THERMOAI_OK && inf_calls == 0 && fabs(r.val - 359538626.9724631506387663) <= r.err,
           "issue 20: [-DBL_MAX, DBL_MAX]: finite, not E_RANGE: %.17g +- %.3g", r.val, r.err);
    s = thermoai_quadrature_integrate(f_odd, NULL, -DBL_MAX, DBL_MAX, 1e-10, &r);
    tap_ok(s == THERMOAI_OK && fabs(r.val - 359538626.9724631506387663) <= r.err,
           "1e-300 (1 + t / DBL_MAX) over [-DBL_MAX, DBL_MAX]: the odd part cancels: %.17g +- %.3g", r.val,
           r.err);
    /* all the mass of e^-t^2 sits at the split point of [-DBL_MAX, DBL_MAX], below any
     * node: 256 pieces cannot reach it, and the result says so instead of 0 +- 0 */
    s = thermoai_quadrature_integrate(f_gauss, NULL, -DBL_MAX, DBL_MAX, 1e-10, &r);
    tap_ok((s == THERMOAI_OK && fabs(r.val - 1.77245385090551602729816748334) <= r.err)
               || (s == THERMOAI_E_NO_CONVERGENCE && isnan(r.val) && isnan(r.err)),
           "e^-t^2 over [-DBL_MAX, DBL_MAX]: a correct value or E_NO_CONVERGENCE (status %d)", s);
    s = thermoai_quadrature_integrate(f_one, NULL, -DBL_MAX, DBL_MAX, 1e-10, &r);
    tap_ok(s == THERMOAI_E_RANGE && isnan(r.val), "1 over [-DBL_MAX, DBL_MAX] = 2 DBL_MAX overflows: E_RANGE, NaN");
}

static int calls_at_points;

static int f_watch(double t, void *user, double *value)
{
    const double *pts = (const double *)user;

    if (t == 0.0 || t == 1.0 || t == pts[0] || t == pts[1])
        calls_at_points++;
    *value = t < pts[0] ? 1.0 : t < pts[1] ? 2.0 : 3.0;
    return 0;
}

static void points(void)
{
    static double pts[2] = { 0.25, 0.5 };
    const double shuffled[4] = { 0.5, 7.0, 0.25, 0.5 }, bad[1] = { (double)NAN };
    double many[256];
    thermoai_result r;
    size_t i;

    calls_at_points = 0;
    tap_ok(thermoai_quadrature_integrate_points(f_watch, pts, 0.0, 1.0, pts, 2, 1e-12, &r)
                   == THERMOAI_OK
               && fabs(r.val - 2.25) <= 1e-15 && r.err <= 1e-12 * 2.25 && calls_at_points == 0,
           "two jumps as breakpoints: 2.25 to rounding, never called at an end or a breakpoint");
    tap_ok(thermoai_quadrature_integrate_points(f_watch, pts, 0.0, 1.0, shuffled, 4, 1e-12, &r)
                   == THERMOAI_OK
               && fabs(r.val - 2.25) <= 1e-15,
           "breakpoints in any order, duplicated, or outside the range");
    tap_ok(thermoai_quadrature_integrate_points(poly_fn, NULL, 0.0, 2.0, NULL, 0, 1e-12, &r) == THERMOAI_OK
               && fabs(r.val - 8.0) <= r.err,
           "no breakpoints: as thermoai_quadrature_integrate()");
    tap_ok(thermoai_quadrature_integrate_points(poly_fn, NULL, 0.0, 2.0, NULL, 1, 1e-12, &r) == THERMOAI_E_NULL
               && isnan(r.val) && isnan(r.err),
           "NULL points with a count -> E_NULL, NaN");
    tap_ok(thermoai_quadrature_integrate_points(poly_fn, NULL, 0.0, 2.0, bad, 1, 1e-12, &r)
                   == THERMOAI_E_NONFINITE,
           "a NaN breakpoint -> E_NONFINITE");
    for (i = 0; i < 256; i++)
        many[i] = (double)i / 256.0;
    tap_ok(thermoai_quadrature_integrate_points(poly_fn, NULL, 0.0, 2.0, many, 256, 1e-12, &r)
                   == THERMOAI_E_INVALID,
           "256 breakpoints -> E_INVALID");
    tap_ok(thermoai_quadrature_integrate_points(poly_fn, NULL, 0.0, 2.0, many, 255, 1e-10, &r) == THERMOAI_OK
               && fabs(r.val - 8.0) <= r.err,
           "255 breakpoints: 256 pieces");
}

int main(void)
{
    quadrature();
    battery();
    huge_ranges();
    points();
    return tap_done();
}
