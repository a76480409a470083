/* SPDX-License-Identifier: MIT */
/*
 * Interval propagation: exact bounds on hand-worked cases, containment of
 * random interior points, outward rounding, and bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

/* A small deterministic generator (splitmix64) for interior points. */
static uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static double uniform(uint64_t *s, const thermoai_interval *x)
{
    return x->lo + (x->hi - x->lo) * ((double)(next(s) >> 11) / 9007199254740992.0);
}

int main(void)
{
    const thermoai_interval e = { 1.4e-8, 2.8e-8 }, a = { 1e13, 1e14 };
    thermoai_interval f[2], out, d;
    const int32_t ratio[2] = { 1, -1 };
    const thermoai_interval tok = { 1e12, 1e12 }, hd = { 10, 10 }, hc = { 3, 5 }, t = { 320, 380 };
    thermoai_interval em;
    uint64_t seed = 42;
    int contained = 1, i;
    double lo, hi;

    f[0] = e;
    f[1] = a;
    tap_ok(thermoai_interval_monomial(1.0, f, ratio, 2, &out) == THERMOAI_OK
               && out.lo <= 1.4e-22 && out.lo >= 1.4e-22 * (1 - 4 * DBL_EPSILON)
               && out.hi >= 2.8e-21 && out.hi <= 2.8e-21 * (1 + 4 * DBL_EPSILON),
           "ratio [1.4, 2.8]e-8 / [1e13, 1e14] = [1.4e-22, 2.8e-21], rounded outward");
    {
        const thermoai_interval sq[1] = { { 2.0, 3.0 } };
        const int32_t p2[1] = { 2 }, m2[1] = { -2 };

        tap_ok(thermoai_interval_monomial(1.0, sq, p2, 1, &out) == THERMOAI_OK && out.lo <= 4.0
                   && out.lo > 3.999999 && out.hi >= 9.0 && out.hi < 9.000001,
               "[2, 3]^2 = [4, 9]");
        tap_ok(thermoai_interval_monomial(36.0, sq, m2, 1, &out) == THERMOAI_OK && out.lo <= 4.0
                   && out.hi >= 9.0 && out.hi < 9.000001,
               "36 [2, 3]^-2 = [4, 9]");
    }
    /* random interior points are always inside the propagated range */
    for (i = 0; i < 1000; i++) {
        double x0 = uniform(&seed, &f[0]), x1 = uniform(&seed, &f[1]), v = x0 / x1;

        if (thermoai_interval_monomial(1.0, f, ratio, 2, &out) != THERMOAI_OK || v < out.lo || v > out.hi)
            contained = 0;
    }
    tap_ok(contained, "1000 random interior points lie inside the monomial range");

    tap_ok(thermoai_interval_difference(&hd, &hc, &d) == THERMOAI_OK && d.lo <= 5.0 && d.lo > 4.999999
               && d.hi >= 7.0 && d.hi < 7.000001,
           "10 - [3, 5] = [5, 7]");
    tap_ok(thermoai_interval_training_min_j(&tok, &hd, &hc, &t, &em) == THERMOAI_OK
               && thermoai_negentropy_training_min_j(1e12, 10, 5, 320, &lo) == THERMOAI_OK
               && thermoai_negentropy_training_min_j(1e12, 10, 3, 380, &hi) == THERMOAI_OK
               && em.lo <= lo && em.lo >= nextafter(lo, 0) && em.hi >= hi && em.hi <= nextafter(hi, (double)INFINITY),
           "E_min range: (H_cross high, T low) and (H_cross low, T high) corners");
    contained = 1;
    for (i = 0; i < 1000; i++) {
        double v;

        if (thermoai_negentropy_training_min_j(1e12, 10, uniform(&seed, &hc), uniform(&seed, &t), &v)
                != THERMOAI_OK
            || v < em.lo || v > em.hi)
            contained = 0;
    }
    tap_ok(contained, "1000 random interior points lie inside the E_min range");

    out.lo = out.hi = 1;
    tap_ok(thermoai_interval_monomial(1.0, f, ratio, 0, &out) == THERMOAI_E_INVALID && isnan(out.lo) && isnan(out.hi),
           "no factors -> E_INVALID, NaN bounds");
    {
        const thermoai_interval bad[1] = { { 2.0, 1.0 } }, zero[1] = { { 0.0, 1.0 } },
                                nan1[1] = { { (double)NAN, 1.0 } }, big[1] = { { 1e300, 1e300 } };
        const int32_t one[1] = { 1 }, many[1] = { 17 }, p2[1] = { 2 };

        tap_ok(thermoai_interval_monomial(1.0, bad, one, 1, &out) == THERMOAI_E_INVALID, "lo > hi");
        tap_ok(thermoai_interval_monomial(1.0, zero, one, 1, &out) == THERMOAI_E_INVALID, "non-positive factor");
        tap_ok(thermoai_interval_monomial(1.0, nan1, one, 1, &out) == THERMOAI_E_NONFINITE, "NaN bound");
        tap_ok(thermoai_interval_monomial(1.0, f, many, 1, &out) == THERMOAI_E_INVALID, "power 17");
        tap_ok(thermoai_interval_monomial(0.0, f, one, 1, &out) == THERMOAI_E_INVALID, "zero coefficient");
        tap_ok(thermoai_interval_monomial(1.0, big, p2, 1, &out) == THERMOAI_E_RANGE && isnan(out.hi), "overflow");
        tap_ok(thermoai_interval_monomial(1.0, NULL, one, 1, &out) == THERMOAI_E_NULL, "NULL factors");
        tap_ok(thermoai_interval_difference(bad, &hd, &d) == THERMOAI_E_INVALID && isnan(d.lo), "difference lo > hi");
        tap_ok(thermoai_interval_difference(&hd, NULL, &d) == THERMOAI_E_NULL, "difference NULL");
    }
    {
        const thermoai_interval overlap = { 9, 11 }, cold = { 0, 300 };

        tap_ok(thermoai_interval_training_min_j(&tok, &hd, &overlap, &t, &em) == THERMOAI_E_DOMAIN
                   && isnan(em.lo),
               "E_min range that includes no compression -> E_DOMAIN");
        tap_ok(thermoai_interval_training_min_j(&tok, &hd, &hc, &cold, &em) == THERMOAI_E_INVALID,
               "a temperature range reaching 0 K -> E_INVALID");
        tap_ok(thermoai_interval_training_min_j(NULL, &hd, &hc, &t, &em) == THERMOAI_E_NULL, "NULL tokens");
        tap_ok(thermoai_interval_training_min_j(&tok, &hd, &hc, &t, NULL) == THERMOAI_E_NULL, "NULL output");
    }
    return tap_done();
}
