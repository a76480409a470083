/* SPDX-License-Identifier: MIT */
/*
 * Information units (info.h): identities, exact values, monotonicity and bad
 * input. Reference values of the paper 001 chains are in test_paper001_ref.
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

static void info(void)
{
    double p, h, b, n;

    tap_ok(thermoai_info_perplexity_from_bits(4.5, &p) == THERMOAI_OK
               && thermoai_info_cross_entropy_bits(p, &h) == THERMOAI_OK && fabs(h - 4.5) <= 4 * DBL_EPSILON * 4.5,
           "log2(2^H) = H");
    tap_ok(thermoai_info_perplexity_from_nats(3.0, &p) == THERMOAI_OK
               && thermoai_info_cross_entropy_nats(p, &h) == THERMOAI_OK && fabs(h - 3.0) <= 4 * DBL_EPSILON * 3.0,
           "ln(e^H) = H");
    tap_ok(thermoai_info_bits_from_nats(2.0, &b) == THERMOAI_OK && thermoai_info_nats_from_bits(b, &n) == THERMOAI_OK
               && fabs(n - 2.0) <= 2 * DBL_EPSILON * 2.0,
           "bits and nats are inverse conversions");
    tap_ok(thermoai_info_cross_entropy_nats(20.5, &n) == THERMOAI_OK
               && thermoai_info_bits_from_nats(n, &b) == THERMOAI_OK && thermoai_info_cross_entropy_bits(20.5, &h) == THERMOAI_OK
               && fabs(b - h) <= 4 * DBL_EPSILON * h,
           "ln PPL / ln 2 = log2 PPL");
    tap_ok(thermoai_info_perplexity_from_bits(0.0, &p) == THERMOAI_OK && p == 1.0, "zero cross-entropy: PPL 1");
    tap_ok(thermoai_info_perplexity_from_bits(10.0, &p) == THERMOAI_OK && p == 1024.0, "2^10 = 1024 exactly");
    tap_ok(thermoai_info_uniform_entropy_bits(1.0, &h) == THERMOAI_OK && h == 0.0, "one outcome: 0 bits");
    tap_ok(thermoai_info_uniform_entropy_bits(65536.0, &h) == THERMOAI_OK && h == 16.0, "65536 outcomes: 16 bits");
    tap_ok(thermoai_info_cross_entropy_bits(16.9, &h) == THERMOAI_OK && thermoai_info_cross_entropy_bits(17.0, &b) == THERMOAI_OK && b > h,
           "cross-entropy increases with perplexity");

    BAD(thermoai_info_perplexity_from_bits(-0.1, out), THERMOAI_E_INVALID);
    BAD(thermoai_info_perplexity_from_bits((double)NAN, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_info_perplexity_from_bits((double)INFINITY, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_info_perplexity_from_bits(1100.0, out), THERMOAI_E_RANGE);
    BAD(thermoai_info_perplexity_from_nats(-1.0, out), THERMOAI_E_INVALID);
    BAD(thermoai_info_cross_entropy_bits(0.99, out), THERMOAI_E_INVALID);
    BAD(thermoai_info_cross_entropy_bits(0.0, out), THERMOAI_E_INVALID);
    BAD(thermoai_info_cross_entropy_nats(-5.0, out), THERMOAI_E_INVALID);
    BAD(thermoai_info_bits_from_nats(-(double)INFINITY, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_info_nats_from_bits((double)NAN, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_info_uniform_entropy_bits(0.5, out), THERMOAI_E_INVALID);
    tap_ok(thermoai_info_perplexity_from_bits(1.0, NULL) == THERMOAI_E_NULL
               && thermoai_info_cross_entropy_nats(2.0, NULL) == THERMOAI_E_NULL
               && thermoai_info_uniform_entropy_bits(2.0, NULL) == THERMOAI_E_NULL,
           "NULL outputs -> E_NULL");
}

int main(void)
{
    info();
    return tap_done();
}
