/* SPDX-License-Identifier: MIT */
/*
 * Negentropy (paper 001): identities, monotonicity,
 * limits and bad input. Reference values are in test_paper001_ref.
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

#define BAD(expr, want)                                                                    \
    do {                                                                                   \
        double o_ = 1.0, *out = &o_;                                                       \
        int s_ = (expr);                                                                   \
        tap_ok(s_ == (want) && isnan(o_), "%s -> %s (got %s)", #expr, #want,               \
               thermoai_status_name(s_));                                                  \
    } while (0)

static void negentropy(void)
{
    double e1, e2, e3, eta, eta2, c, n, ds, d, r;
    const double kln2 = 9.569929616929079e-24; /* k_B ln 2, J/K per bit (tests/ref/landauer.csv) */

    /* Eq. 12 is linear in N, T and (H_data - H_cross) */
    tap_ok(thermoai_negentropy_training_min_j(1e12, 10, 4, 350, &e1) == THERMOAI_OK
               && thermoai_negentropy_training_min_j(2e12, 10, 4, 350, &e2) == THERMOAI_OK && e2 == 2 * e1
               && thermoai_negentropy_training_min_j(1e12, 10, 4, 700, &e3) == THERMOAI_OK && e3 == 2 * e1,
           "E_min doubles with N and with T (exactly)");
    tap_ok(thermoai_negentropy_training_min_j(1e12, 16, 4, 350, &e2) == THERMOAI_OK && e2 == 2 * e1,
           "E_min doubles with the compression");
    tap_ok(thermoai_negentropy_training_min_j(1e12, 10, 4.5, 350, &e2) == THERMOAI_OK && e2 < e1
               && thermoai_negentropy_training_min_j(1e12, 10.5, 4, 350, &e3) == THERMOAI_OK && e3 > e1,
           "E_min decreases in H_cross, increases in H_data");
    tap_ok(thermoai_negentropy_training_min_j(1e12, 4, 4, 350, &e2) == THERMOAI_OK && e2 == 0.0,
           "no compression costs 0 J");
    tap_ok(thermoai_landauer_energy_j(6e12, 350, &e2) == THERMOAI_OK && fabs(e2 - e1) <= 4 * DBL_EPSILON * e1,
           "E_min equals the Landauer energy of N dH bits");

    /* Eq. 13 and Eq. 27 agree when Q_actual = E_actual */
    tap_ok(thermoai_negentropy_efficiency(e1, 1e13, &eta) == THERMOAI_OK
               && thermoai_negentropy_demon_efficiency(1e12, 6, 350, 1e13, &eta2) == THERMOAI_OK
               && fabs(eta - eta2) <= 4 * DBL_EPSILON * eta,
           "demon efficiency (27) = E_min / E_actual (13)");
    tap_ok(thermoai_negentropy_efficiency(1.0, 1.0, &eta) == THERMOAI_OK && eta == 1.0, "a perfect demon: 1");

    /* Eq. 21 times the per-bit Landauer cost at T is the inverse efficiency */
    tap_ok(thermoai_negentropy_cost_j_per_bit(1e13, 1e12, 6, &c) == THERMOAI_OK
               && thermoai_landauer_ratio(c, 350, &r) == THERMOAI_OK && fabs(r * eta2 - 1.0) <= 8 * DBL_EPSILON,
           "cost per bit / (k T ln 2) = 1 / efficiency");

    /* Eq. 16 and Eq. 11 */
    tap_ok(thermoai_negentropy_bits_per_token(10, 4, 3e11, 3e11, &n) == THERMOAI_OK && n == 5.0,
           "negentropy 10 - 4 - 1 = 5 bits/token");
    tap_ok(thermoai_negentropy_bits_per_token(10, 4.36, 2.8e12, 3e11, &n) == THERMOAI_OK && n < 0,
           "a description longer than the compression gives negative negentropy");
    tap_ok(thermoai_negentropy_entropy_reduction_j_per_k(1e12, 10, 4, 0, &ds) == THERMOAI_OK
               && fabs(ds - 6e12 * kln2) <= 4 * DBL_EPSILON * ds,
           "entropy reduction = N dH k_B ln 2");
    tap_ok(thermoai_negentropy_entropy_reduction_j_per_k(1e12, 10, 4, 6e12, &ds) == THERMOAI_OK && ds == 0.0,
           "a description of exactly N dH bits cancels the reduction");
    tap_ok(thermoai_negentropy_entropy_reduction_j_per_k(1e12, 4, 10, 0, &ds) == THERMOAI_OK && ds < 0,
           "negative when the model is worse than the prior");
    tap_ok(thermoai_negentropy_total_bits(3e11, 5.0, &d) == THERMOAI_OK && d == 1.5e12,
           "total negentropy 3e11 x 5 = 1.5e12 bits");
    BAD(thermoai_negentropy_total_bits(-1, 5, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_total_bits(1, (double)INFINITY, out), THERMOAI_E_NONFINITE);
    tap_ok(thermoai_negentropy_description_bits_per_token(1.5e11, 3e11, &d) == THERMOAI_OK && d == 0.5,
           "L(M)/N = 1.5e11 / 3e11 = 0.5");

    /* Eq. 28: one doubling time doubles, backwards halves */
    tap_ok(thermoai_negentropy_demon_trend(1e-21, 2.3, 2.3, &e1) == THERMOAI_OK && e1 == 2e-21,
           "one doubling time doubles eta");
    tap_ok(thermoai_negentropy_demon_trend(1e-21, -4.6, 2.3, &e1) == THERMOAI_OK && e1 == 0.25e-21,
           "two doubling times back quarter it");
    tap_ok(thermoai_negentropy_demon_trend(3e-21, 0.0, 2.3, &e1) == THERMOAI_OK && e1 == 3e-21,
           "zero elapsed time: eta0");

    /* Eq. 33: linear in P and eta */
    tap_ok(thermoai_negentropy_flux_limit_bits_per_s(1e7, 1e-21, 350, &e1) == THERMOAI_OK
               && thermoai_negentropy_flux_limit_bits_per_s(2e7, 1e-21, 350, &e2) == THERMOAI_OK && e2 == 2 * e1
               && thermoai_negentropy_flux_limit_bits_per_s(1e7, 2e-21, 350, &e3) == THERMOAI_OK && e3 == 2 * e1,
           "flux limit is linear in power and in efficiency");
    tap_ok(thermoai_negentropy_flux_limit_bits_per_s(1.0, 1.0, 300, &e1) == THERMOAI_OK
               && thermoai_landauer_bits_per_j(300, &e2) == THERMOAI_OK && e1 == e2,
           "a perfect demon at 1 W erases 1/(k T ln 2) bits per second");
    tap_ok(thermoai_negentropy_compression_ratio(1e13, 12, 1e11, &r) == THERMOAI_OK && r == 1200.0,
           "1e13 tokens x 12 bits into 1e11 bits: 1200");

    BAD(thermoai_negentropy_training_min_j(1e12, 4, 5, 350, out), THERMOAI_E_DOMAIN);
    BAD(thermoai_negentropy_training_min_j(-1, 10, 4, 350, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_training_min_j(1e12, 10, 4, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_training_min_j(1e12, (double)NAN, 4, 350, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_negentropy_training_min_j(-1, 10, 4, (double)NAN, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_negentropy_efficiency(1, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_efficiency(-1, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_efficiency(1e300, 1e-300, out), THERMOAI_E_RANGE);
    BAD(thermoai_negentropy_cost_j_per_bit(1, 1, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_cost_j_per_bit(1, 0, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_demon_efficiency(1, 1, 300, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_demon_efficiency(1, -1, 300, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_demon_trend(0, 1, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_demon_trend(1, 1, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_demon_trend(1, (double)INFINITY, 1, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_negentropy_demon_trend(1, 2000, 1, out), THERMOAI_E_RANGE);
    BAD(thermoai_negentropy_flux_limit_bits_per_s(-1, 1, 300, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_bits_per_token(10, 4, 1, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_bits_per_token(-10, 4, 1, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_entropy_reduction_j_per_k(0, 10, 4, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_description_bits_per_token(-1, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_negentropy_compression_ratio(1, 1, 0, out), THERMOAI_E_INVALID);
    tap_ok(thermoai_negentropy_training_min_j(1, 2, 1, 300, NULL) == THERMOAI_E_NULL
               && thermoai_negentropy_demon_trend(1, 1, 1, NULL) == THERMOAI_E_NULL
               && thermoai_negentropy_compression_ratio(1, 1, 1, NULL) == THERMOAI_E_NULL,
           "NULL outputs -> E_NULL");
}

/* Issue 19, items 4 and 5: cancellation and intermediates out of range. The
 * expected values are mpmath's at 50 digits, at the exact double inputs. */
static void edges(void)
{
    double x = 0.0;
    int s;

    /* k_B ln2 N (H_p - H_c - L/N) with H_p = L = DBL_MAX: the bracket is -H_c,
     * which subtracting first cancelled to 0 (with status OK) */
    s = thermoai_negentropy_entropy_reduction_j_per_k(1.0, 1.7976931348623157e308, 5.3671434687506394e287,
                                                      1.7976931348623157e308, &x);
    tap_ok(s == THERMOAI_OK && tap_ulp_distance(x, -5.13631852399042162331545037756e264) <= 2,
           "issue 19: entropy_reduction(1, DBL_MAX, 5.37e287, DBL_MAX) = -5.1363e264, not 0: %.17g", x);
    /* L/N = 1.9e-563 underflows alone; the result is 9.1 */
    s = thermoai_negentropy_bits_per_token(17.990741152666914, 8.883779403602876, 4.981421077200288e-266,
                                           2.5642416092718245e+297, &x);
    tap_ok(s == THERMOAI_OK && tap_ulp_distance(x, 9.10696174906403754789607774001) <= 1,
           "issue 19: bits_per_token with L/N = 1.9e-563: 9.1069617490640375, not E_RANGE: %.17g", x);
    /* ... and overflows alone: L/N = 1e300 / 1e-10 = 1e310, H - L/N = -1e310 is out of range */
    s = thermoai_negentropy_bits_per_token(1e300, 0.0, 1e300, 1e-10, &x);
    tap_ok(s == THERMOAI_E_RANGE && isnan(x), "bits_per_token: 1e300 - 1e310 overflows -> E_RANGE, NaN");
    s = thermoai_negentropy_bits_per_token(1e300, 0.0, 1e300, 0.5, &x);
    tap_ok(s == THERMOAI_OK && x == -1e300, "bits_per_token: 1e300 - 1e300 / 0.5 = -1e300 exactly: %.17g", x);
    s = thermoai_negentropy_bits_per_token(1.0, 1.0, 1e-300, 1e300, &x);
    tap_ok(s == THERMOAI_E_RANGE && isnan(x), "bits_per_token: 0 - 1e-600 underflows -> E_RANGE, NaN");
    /* the totals N (H_p - H_c) and L are both near or above DBL_MAX, their difference is not */
    s = thermoai_negentropy_entropy_reduction_j_per_k(4.0, 1e308, 0.0, 1.7976931348623157e308, &x);
    tap_ok(s == THERMOAI_OK && tap_ulp_distance(x, 2.10759216942473609962709726981e285) <= 2,
           "entropy_reduction: k_B ln2 (4 x 1e308 - DBL_MAX) without overflow of N H_p: %.17g", x);
}

int main(void)
{
    negentropy();
    edges();
    return tap_done();
}
