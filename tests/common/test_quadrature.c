/* SPDX-License-Identifier: MIT */
/*
 * thermoai_quadrature_integrate(): exact integrals of smooth functions, an
 * endpoint singularity, callback errors and bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>

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

int main(void)
{
    quadrature();
    return tap_done();
}
