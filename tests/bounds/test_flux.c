/* SPDX-License-Identifier: MIT */
/*
 * The three-phase negentropy flux (paper 001 Eqs. 17-19): the closed-form total
 * against the library's own adaptive quadrature (a different method), the
 * continuity the continuous variant promises and the printed one lacks,
 * quadrature accuracy on known integrals, callback errors, bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static thermoai_flux_phases phases(unsigned flags)
{
    thermoai_flux_phases p;

    if (thermoai_flux_phases_init(&p, sizeof p) != THERMOAI_OK)
        memset(&p, 0, sizeof p);
    p.flags = flags;
    p.phi0_bits_per_s = 1e8;
    p.tau1_s = 1e4;
    p.tau2_s = 1e5;
    p.tau3_s = 3e5;
    p.tau4_s = 2e4;
    return p;
}

static int flux_fn(double t, void *user, double *value)
{
    return thermoai_flux_rate_bits_per_s((const thermoai_flux_phases *)user, t, value);
}


static void closed_form_vs_quadrature(void)
{
    static const double t_final[] = { 5e3, 1e4, 5e4, 3e5, 1e6, 1e7 };
    unsigned flags;
    size_t i;

    for (flags = 0; flags <= THERMOAI_FLUX_CONTINUOUS; flags++) {
        thermoai_flux_phases p = phases(flags);
        int agree = 1;

        for (i = 0; i < sizeof t_final / sizeof t_final[0]; i++) {
            thermoai_result r;
            double total, q = 0.0, err = 0.0;
            /* integrate piecewise, as the kinks at tau1 and tau3 would slow the quadrature */
            const double edges[4] = { 0.0, p.tau1_s, p.tau3_s, t_final[i] };
            int k, s = thermoai_flux_total_bits(&p, t_final[i], &total);

            for (k = 0; k < 3; k++) {
                double a = edges[k], b = fmin(edges[k + 1], t_final[i]);

                if (b <= a)
                    continue;
                if (thermoai_quadrature_integrate(flux_fn, &p, a, b, 1e-12, &r) != THERMOAI_OK)
                    s = -1;
                q += r.val;
                err += r.err;
            }
            if (s != THERMOAI_OK || fabs(total - q) > 1e-11 * total + err) {
                agree = 0;
                tap_diag("t = %g: closed form %.17g, quadrature %.17g +- %g", t_final[i], total, q, err);
            }
        }
        tap_ok(agree, "%s model: closed-form total = adaptive quadrature of the rate",
               flags ? "continuous" : "printed");
    }
}

static void continuity(void)
{
    thermoai_flux_phases p = phases(THERMOAI_FLUX_CONTINUOUS), q = phases(0);
    double below, above, t, r1, r2;

    t = p.tau1_s;
    tap_ok(thermoai_flux_rate_bits_per_s(&p, nextafter(t, 0), &below) == THERMOAI_OK
               && thermoai_flux_rate_bits_per_s(&p, t, &above) == THERMOAI_OK && fabs(above - below) <= 1e-9 * above,
           "continuous variant: no jump at tau1");
    t = p.tau3_s;
    tap_ok(thermoai_flux_rate_bits_per_s(&p, t, &below) == THERMOAI_OK
               && thermoai_flux_rate_bits_per_s(&p, nextafter(t, (double)INFINITY), &above) == THERMOAI_OK
               && fabs(above - below) <= 1e-9 * above,
           "continuous variant: no jump at tau3");
    tap_ok(thermoai_flux_rate_bits_per_s(&q, nextafter(q.tau1_s, 0), &below) == THERMOAI_OK
               && thermoai_flux_rate_bits_per_s(&q, q.tau1_s, &above) == THERMOAI_OK
               && fabs(above / below - exp(-q.tau1_s / q.tau2_s)) <= 1e-9,
           "printed variant: the decay starts at phi0 e^{-tau1/tau2}, a jump at tau1");
    tap_ok(thermoai_flux_rate_bits_per_s(&q, q.tau1_s, &r1) == THERMOAI_OK
               && thermoai_flux_rate_bits_per_s(&q, 2 * q.tau1_s, &r2) == THERMOAI_OK && r2 < r1,
           "the flux decays after tau1");
    tap_ok(thermoai_flux_rate_bits_per_s(&q, 0.0, &r1) == THERMOAI_OK && r1 == 0.0,
           "the warm-up starts at 0 (alpha > 0)");
    tap_ok(thermoai_flux_rate_bits_per_s(&q, 0.5 * q.tau1_s, &r1) == THERMOAI_OK
               && fabs(r1 - q.phi0_bits_per_s * pow(0.5, 1.5)) <= 4 * DBL_EPSILON * r1,
           "warm-up at tau1/2: phi0 (1/2)^1.5");
    tap_ok(thermoai_flux_total_bits(&q, 0.0, &r1) == THERMOAI_OK && r1 == 0.0, "total over nothing is 0");
    tap_ok(thermoai_flux_total_bits(&q, 1e6, &r1) == THERMOAI_OK && thermoai_flux_total_bits(&q, 2e6, &r2) == THERMOAI_OK
               && r2 > r1,
           "the total grows with time (beta <= 1 tails have no finite limit)");
}


static void bad_input(void)
{
    thermoai_flux_phases p;
    double x;

    tap_ok(thermoai_flux_phases_size() == sizeof p && thermoai_flux_phases_init(&p, sizeof p) == THERMOAI_OK
               && p.alpha == 1.5 && p.beta == 0.75 && p.tau1_s == 0.0,
           "init: alpha 1.5, beta 0.75, times 0");
    tap_ok(thermoai_flux_phases_init(&p, 8) == THERMOAI_E_SIZE, "init too small -> E_SIZE");
    x = 1;
    tap_ok(thermoai_flux_rate_bits_per_s(&p, 1.0, &x) == THERMOAI_E_INVALID && isnan(x),
           "an initialised struct without rates and times is invalid");
    p = phases(0);
    x = 1;
    tap_ok(thermoai_flux_rate_bits_per_s(&p, -1.0, &x) == THERMOAI_E_INVALID && isnan(x), "negative time -> E_INVALID, NaN");
    tap_ok(thermoai_flux_total_bits(&p, (double)NAN, &x) == THERMOAI_E_NONFINITE && isnan(x), "NaN time -> E_NONFINITE");
    p.tau3_s = 0.5 * p.tau1_s;
    tap_ok(thermoai_flux_rate_bits_per_s(&p, 1.0, &x) == THERMOAI_E_INVALID, "tau3 < tau1 -> E_INVALID");
    p = phases(0);
    p.tau4_s = 0.0;
    tap_ok(thermoai_flux_rate_bits_per_s(&p, 1.0, &x) == THERMOAI_E_INVALID, "printed model needs tau4 > 0");
    p.flags = THERMOAI_FLUX_CONTINUOUS;
    tap_ok(thermoai_flux_rate_bits_per_s(&p, 1.0, &x) == THERMOAI_OK, "continuous model derives tau4");
    p.flags = 0x8;
    tap_ok(thermoai_flux_rate_bits_per_s(&p, 1.0, &x) == THERMOAI_E_UNSUPPORTED, "unknown flag -> E_UNSUPPORTED");
    p = phases(0);
    p.beta = 0.0;
    tap_ok(thermoai_flux_total_bits(&p, 1.0, &x) == THERMOAI_E_INVALID, "beta 0 -> E_INVALID");
    p = phases(0);
    p.alpha = -1.0;
    tap_ok(thermoai_flux_total_bits(&p, 1.0, &x) == THERMOAI_E_INVALID, "negative alpha -> E_INVALID");
    p = phases(0);
    p.phi0_bits_per_s = (double)INFINITY;
    tap_ok(thermoai_flux_total_bits(&p, 1.0, &x) == THERMOAI_E_NONFINITE, "infinite phi0 -> E_NONFINITE");
    p = phases(0);
    p.struct_size = 16;
    tap_ok(thermoai_flux_total_bits(&p, 1.0, &x) == THERMOAI_E_SIZE, "struct_size 16 -> E_SIZE");
    tap_ok(thermoai_flux_total_bits(NULL, 1.0, &x) == THERMOAI_E_NULL, "NULL phases -> E_NULL");
    p = phases(0);
    tap_ok(thermoai_flux_total_bits(&p, 1.0, NULL) == THERMOAI_E_NULL, "NULL output -> E_NULL");
}

static thermoai_flux_phases custom(unsigned flags, double phi0, double tau1, double tau2, double tau3,
                                   double tau4, double alpha, double beta)
{
    thermoai_flux_phases p;

    if (thermoai_flux_phases_init(&p, sizeof p) != THERMOAI_OK)
        memset(&p, 0, sizeof p);
    p.flags = flags;
    p.phi0_bits_per_s = phi0;
    p.tau1_s = tau1;
    p.tau2_s = tau2;
    p.tau3_s = tau3;
    p.tau4_s = tau4;
    p.alpha = alpha;
    p.beta = beta;
    return p;
}

/* Issue 19, items 2-4. Expected values: mpmath at 50 digits at the exact double
 * inputs (closed form, and mpmath.quad over the phases for the first). */
static void issue19(void)
{
    /* item 2: the printed three-phase flux; the jump at tau1 lies 5.8 s before
     * t_f, between the outermost Kronrod node and the end */
    thermoai_flux_phases p = custom(0, 321.3769206335113, 62224.76181844852, 6430.546185265493,
                                          62232.967566814215, 1.670243633442221, 0.9287891728549774,
                                          0.8631346278261761);
    const double tf = 62230.552944870265, truth = 10367956.66781053005134877;
    thermoai_result r;
    double x = 0.0, pts[2];
    int s;

    s = thermoai_quadrature_integrate(flux_fn, &p, 0.0, tf, 1.63e-11, &r);
    tap_ok(s == THERMOAI_OK && fabs(r.val - truth) <= r.err,
           "issue 19: the jump 5.8 s before t_f, no breakpoints: |%.17g - truth| = %.3g <= estimate %.3g",
           r.val, fabs(r.val - truth), r.err);
    tap_ok(thermoai_flux_phase_bounds_s(&p, &pts[0], &pts[1]) == THERMOAI_OK && pts[0] == p.tau1_s
               && pts[1] == p.tau3_s,
           "phase bounds: tau1 and tau3");
    s = thermoai_quadrature_integrate_points(flux_fn, &p, 0.0, tf, pts, 2, 1.63e-11, &r);
    tap_ok(s == THERMOAI_OK && fabs(r.val - truth) <= r.err && r.err <= 1.63e-11 * fabs(r.val),
           "the same with the phase bounds as breakpoints: %.17g +- %.3g", r.val, r.err);
    tap_ok(thermoai_flux_total_bits(&p, tf, &x) == THERMOAI_OK && fabs(x - truth) <= 1e-14 * truth,
           "and the closed form: %.17g", x);
    {
        thermoai_flux_phases q = p;

        q.tau3_s = 1.0; /* below tau1 */
        tap_ok(thermoai_flux_phase_bounds_s(&q, &pts[0], &pts[1]) == THERMOAI_E_INVALID && isnan(pts[0])
                   && isnan(pts[1]),
               "phase bounds of invalid phases: E_INVALID, NaN");
        tap_ok(thermoai_flux_phase_bounds_s(NULL, &pts[0], &pts[1]) == THERMOAI_E_NULL, "phase bounds NULL");
    }

    /* item 3: with THERMOAI_FLUX_CONTINUOUS the derived tau4 = tau3 e^-5878
     * underflowed, and every t gave E_RANGE */
    {
        const thermoai_flux_phases c = custom(THERMOAI_FLUX_CONTINUOUS, 174080442.48034912, 7206.71498615956,
                                              234.99771549484734, 1388450.8196210477, 0.0, 0.0,
                                              0.9999999999999999);

        s = thermoai_flux_rate_bits_per_s(&c, 788.0844014882322, &x);
        tap_ok(s == THERMOAI_OK && x == 174080442.48034912,
               "issue 19: continuous flux at t = 788 s (warm-up, alpha 0) = phi0: %.17g", x);
        s = thermoai_flux_total_bits(&c, 788.0844014882322, &x);
        tap_ok(s == THERMOAI_OK && tap_ulp_distance(x, 137190081322.9325662023453) <= 2,
               "continuous total to t = 788 s: %.17g", x);
        s = thermoai_flux_total_bits(&c, 1e7, &x);
        tap_ok(s == THERMOAI_OK && fabs(x - 1295456639915.633514601812) <= 1e-14 * x,
               "continuous total into the tail, whose scale e^-5878 is below any double: %.17g", x);
        s = thermoai_flux_rate_bits_per_s(&c, 2e6, &x);
        tap_ok(s == THERMOAI_E_RANGE && isnan(x), "continuous rate in that tail is 2.7e-2545: E_RANGE, NaN");
    }

    /* item 4: just past tau3, log(b/a) lost 1e-10; log1p((b - a)/a) does not */
    {
        const thermoai_flux_phases t = custom(0, 1e8, 1.0, 1e-3, 1e6, 1e12, 1.5, 0.75);

        s = thermoai_flux_total_bits(&t, 1000001.0, &x);
        tap_ok(s == THERMOAI_OK && fabs(x - 3162316474314.948516619229) <= 1e-14 * x,
               "issue 19: the total 1 s past tau3 = 1e6 s, tail-dominated: %.17g", x);
    }
    /* item 4: at tiny t, (t/tau1)^alpha = 1e-320 is subnormal before phi0 = 1e300 multiplies it */
    {
        const thermoai_flux_phases t = custom(0, 1e300, 1.0, 1.0, 2.0, 1.0, 2.0, 0.75);

        s = thermoai_flux_rate_bits_per_s(&t, 1e-160, &x);
        tap_ok(s == THERMOAI_OK && tap_ulp_distance(x, 1.000000000000000029778055e-20) <= 2,
               "issue 19: phi0 (t/tau1)^2 = 1e300 (1e-160)^2 = 1e-20 to full precision: %.17g", x);
    }
}

int main(void)
{
    issue19();
    closed_form_vs_quadrature();
    continuity();
    bad_input();
    return tap_done();
}
