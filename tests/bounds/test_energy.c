/* SPDX-License-Identifier: MIT */
/* Energy accounting (paper 001): identities, linearity, bad input. */
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

int main(void)
{
    double e, e2, flop, t, s, s2;

    tap_ok(thermoai_energy_from_power_j(300.0, 3600.0, &e) == THERMOAI_OK && e == 1080000.0,
           "300 W for an hour is 1.08 MJ");
    tap_ok(thermoai_energy_training_flop(1e9, 1e12, &flop) == THERMOAI_OK && flop == 6e21,
           "6 N D: 1e9 parameters on 1e12 tokens is 6e21 FLOP");
    tap_ok(thermoai_energy_training_j(1e23, 1e-11, 1.0, &e) == THERMOAI_OK
               && fabs(e - 1e12) <= 2 * DBL_EPSILON * 1e12,
           "1e23 FLOP at 10 pJ, PUE 1: 1e12 J");
    tap_ok(thermoai_energy_training_j(1e23, 1e-11, 1.5, &e2) == THERMOAI_OK && fabs(e2 - 1.5 * e) <= 2 * DBL_EPSILON * e2,
           "PUE multiplies the energy");
    /* Eq. 36's inputs: 2 x 1.75e11 x 2e-11 J x 1.2 = 8.4 J (the paper prints 8.4 mJ) */
    tap_ok(thermoai_energy_facility_j(3.888e12, 1.2, &e) == THERMOAI_OK
               && fabs(e - 4.6656e12) <= 4 * DBL_EPSILON * e,
           "App. B Eq. 45: 1.2 x 3.888e12 J = 4.6656e12 J");
    tap_ok(thermoai_energy_facility_j(5.0, 1.0, &e) == THERMOAI_OK && e == 5.0, "PUE 1 adds nothing");
    BAD(thermoai_energy_facility_j(1, 0.99, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_facility_j(-1, 1.2, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_facility_j((double)NAN, 1.2, out), THERMOAI_E_NONFINITE);
    tap_ok(thermoai_energy_inference_per_token_j(1.75e11, 2e-11, 1.2, &e) == THERMOAI_OK
               && fabs(e - 8.4) <= 4 * DBL_EPSILON * 8.4,
           "Eq. 36 inputs: 2 x 1.75e11 x 20 pJ x 1.2 = 8.4 J per token");
    tap_ok(thermoai_energy_inference_per_token_j(1e9, 1e-12, 1.0, &e) == THERMOAI_OK
               && thermoai_energy_training_flop(1e9, 1.0, &flop) == THERMOAI_OK
               && fabs(3.0 * e - flop * 1e-12) <= 4 * DBL_EPSILON * e,
           "inference is a third of the training FLOPs per token");
    tap_ok(thermoai_energy_break_even_tokens(5e12, 8.4e-3, &t) == THERMOAI_OK
               && thermoai_energy_amortized_per_token_j(5e12, t, 8.4e-3, &e) == THERMOAI_OK
               && fabs(e - 2 * 8.4e-3) <= 8 * DBL_EPSILON * e,
           "at break-even the amortised energy is twice the inference energy");
    tap_ok(thermoai_energy_amortized_per_token_j(5e12, 1e30, 8.4e-3, &e) == THERMOAI_OK
               && fabs(e - 8.4e-3) <= 1e-12,
           "amortised energy tends to the inference energy");
    tap_ok(thermoai_energy_entropy_rate_w_per_k(75e6, 300.0, &s) == THERMOAI_OK && s == 250000.0,
           "App. C: 75 MW / 300 K = 250000 W/K");
    tap_ok(thermoai_energy_entropy_produced_j_per_k(75e6, 300.0, 7.78e6, &s2) == THERMOAI_OK
               && fabs(s2 - s * 7.78e6) <= 2 * DBL_EPSILON * s2,
           "entropy produced = rate x time");
    tap_ok(thermoai_energy_entropy_rate_w_per_k(1e7, 700.0, &s2) == THERMOAI_OK
               && thermoai_energy_entropy_rate_w_per_k(1e7, 350.0, &s) == THERMOAI_OK && fabs(2 * s2 - s) <= 2 * DBL_EPSILON * s,
           "the rate halves when T doubles");

    BAD(thermoai_energy_from_power_j(-1, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_from_power_j(1, (double)NAN, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_energy_from_power_j(1e200, 1e200, out), THERMOAI_E_RANGE);
    BAD(thermoai_energy_training_flop(-1, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_training_j(1, 0, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_training_j(1, 1e-12, 0.9, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_training_j((double)INFINITY, 1e-12, 1, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_energy_inference_per_token_j(1, 1e-12, 0.5, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_amortized_per_token_j(1, 0, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_amortized_per_token_j(-1, 1, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_break_even_tokens(1, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_entropy_rate_w_per_k(1, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_entropy_rate_w_per_k(1, -300, out), THERMOAI_E_INVALID);
    BAD(thermoai_energy_entropy_produced_j_per_k(1, 300, -1, out), THERMOAI_E_INVALID);
    {
        /* issue 19 item 5: E_train / N = 2e-393 underflows alone; the result is
         * E_inf = 1.2059072147255914e-6 (mpmath: 1.20590721472559138042611893288e-6) */
        double x = 0.0;
        int st = thermoai_energy_amortized_per_token_j(7.25057321953933e-219, 3.5817488412058725e+174,
                                                      1.2059072147255914e-06, &x);

        tap_ok(st == THERMOAI_OK && x == 1.2059072147255914e-06,
               "issue 19: amortized with a share of 2e-393: 1.2059072147255914e-6, not E_RANGE (%.17g)", x);
        st = thermoai_energy_amortized_per_token_j(1e-300, 1e300, 0.0, &x);
        tap_ok(st == THERMOAI_E_RANGE && isnan(x), "amortized: 1e-600 + 0 underflows -> E_RANGE, NaN");
        st = thermoai_energy_amortized_per_token_j(1e300, 1e-300, 1.0, &x);
        tap_ok(st == THERMOAI_E_RANGE && isnan(x), "amortized: 1e600 overflows -> E_RANGE, NaN");
    }
    tap_ok(thermoai_energy_from_power_j(1, 1, NULL) == THERMOAI_E_NULL
               && thermoai_energy_break_even_tokens(1, 1, NULL) == THERMOAI_E_NULL,
           "NULL outputs -> E_NULL");
    return tap_done();
}
