/* SPDX-License-Identifier: MIT */
/*
 * TER (paper 000): ratio, per token and per run, Landauer share, gap product.
 * Expected values are exact in binary or worked out by hand in the comments.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

#define EXPECT_NAN(call, want, out, what)                                                  \
    do {                                                                                   \
        out = 1.0;                                                                         \
        tap_ok((call) == (want) && isnan(out), "%s -> %s, NaN", what, #want);              \
    } while (0)

static void ratio(void)
{
    double t = 0;

    tap_ok(thermoai_ter_ratio(0.004, 1.7e-14, &t) == THERMOAI_OK
               && fabs(t - 0.004 / 1.7e-14) <= 2 * DBL_EPSILON * t,
           "0.004 J / 1.7e-14 J = 2.3529e11 (paper 000 Sec. 3.2)");
    tap_ok(thermoai_ter_ratio(3.0, 1.5, &t) == THERMOAI_OK && t == 2.0, "3 / 1.5 = 2 exactly");
    tap_ok(thermoai_ter_ratio(0.0, 1.0, &t) == THERMOAI_OK && t == 0.0, "zero energy: TER 0");
    tap_ok(thermoai_ter_ratio(1e300, 1e-300, &t) == THERMOAI_E_RANGE && isnan(t), "overflow -> E_RANGE");
    EXPECT_NAN(thermoai_ter_ratio((double)NAN, 1.0, &t), THERMOAI_E_NONFINITE, t, "ratio NaN energy");
    EXPECT_NAN(thermoai_ter_ratio(1.0, (double)INFINITY, &t), THERMOAI_E_NONFINITE, t, "ratio Inf bound");
    EXPECT_NAN(thermoai_ter_ratio(-1.0, 1.0, &t), THERMOAI_E_INVALID, t, "ratio negative energy");
    EXPECT_NAN(thermoai_ter_ratio(1.0, 0.0, &t), THERMOAI_E_INVALID, t, "ratio zero bound");
    EXPECT_NAN(thermoai_ter_ratio(1.0, -1e-15, &t), THERMOAI_E_INVALID, t, "ratio negative bound");
    tap_ok(thermoai_ter_ratio(1.0, 1.0, NULL) == THERMOAI_E_NULL, "ratio NULL out -> E_NULL");
}

static void per_token(void)
{
    thermoai_model_arch a;
    thermoai_entropy_params p;
    double bound = 0, t1 = 0, t2 = 0, t3 = 0;

    if (!tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
                    && thermoai_model_preset_find("gpt-3-175b", &a) == THERMOAI_OK
                    && thermoai_entropy_params_init(&p, sizeof p) == THERMOAI_OK,
                "GPT-3 preset"))
        return;
    tap_ok(thermoai_entropy_token_energy_j(&a, &p, &bound) == THERMOAI_OK
               && thermoai_ter_per_token(&a, &p, 0.004, &t1) == THERMOAI_OK
               && fabs(t1 * bound / 0.004 - 1.0) <= 4 * DBL_EPSILON,
           "TER per token x bound = energy per token");
    tap_ok(thermoai_ter_run(&a, &p, 0.004, 1.0, &t2) == THERMOAI_OK && t2 == t1,
           "a run of one token equals the per-token TER");
    tap_ok(thermoai_ter_run(&a, &p, 0.004 * 1e6, 1e6, &t3) == THERMOAI_OK
               && fabs(t3 - t1) <= 4 * DBL_EPSILON * t1,
           "a run of 1e6 tokens at 1e6 x the energy has the same TER");
    tap_ok(thermoai_ter_per_token(&a, NULL, 0.008, &t3) == THERMOAI_OK && t3 == 2 * t1,
           "TER is linear in the energy (NULL params = defaults)");
    p.temperature_k = 600.0;
    tap_ok(thermoai_ter_per_token(&a, &p, 0.004, &t3) == THERMOAI_OK && fabs(2 * t3 - t1) <= 4 * DBL_EPSILON * t1,
           "doubling T halves the TER");
    p.temperature_k = 300.0;
    EXPECT_NAN(thermoai_ter_per_token(NULL, &p, 0.004, &t3), THERMOAI_E_NULL, t3, "per token NULL arch");
    EXPECT_NAN(thermoai_ter_per_token(&a, &p, -0.004, &t3), THERMOAI_E_INVALID, t3, "per token negative energy");
    EXPECT_NAN(thermoai_ter_per_token(&a, &p, (double)NAN, &t3), THERMOAI_E_NONFINITE, t3, "per token NaN energy");
    EXPECT_NAN(thermoai_ter_run(&a, &p, 1.0, 0.0, &t3), THERMOAI_E_INVALID, t3, "run of zero tokens");
    EXPECT_NAN(thermoai_ter_run(&a, &p, 1.0, -5.0, &t3), THERMOAI_E_INVALID, t3, "run of negative tokens");
    EXPECT_NAN(thermoai_ter_run(&a, &p, 1.0, (double)INFINITY, &t3), THERMOAI_E_NONFINITE, t3, "run of Inf tokens");
    p.saturation_fraction = 2.0;
    EXPECT_NAN(thermoai_ter_per_token(&a, &p, 0.004, &t3), THERMOAI_E_INVALID, t3, "per token bad alpha");
    tap_ok(thermoai_ter_per_token(&a, NULL, 0.004, NULL) == THERMOAI_E_NULL, "per token NULL out");
}

static void share(void)
{
    double s = 0;

    tap_ok(thermoai_ter_landauer_share(1e8, &s) == THERMOAI_OK && fabs(s - 1e-8) <= DBL_EPSILON * 1e-8,
           "1/TER at 1e8 is 1e-8");
    tap_ok(thermoai_ter_landauer_share(1.0, &s) == THERMOAI_OK && s == 1.0, "at the limit the share is 1");
    tap_ok(thermoai_ter_landauer_share(4.0, &s) == THERMOAI_OK && s == 0.25, "1/4 exactly");
    EXPECT_NAN(thermoai_ter_landauer_share(0.5, &s), THERMOAI_E_INVALID, s, "share below the limit");
    EXPECT_NAN(thermoai_ter_landauer_share((double)NAN, &s), THERMOAI_E_NONFINITE, s, "share NaN");
    EXPECT_NAN(thermoai_ter_landauer_share((double)INFINITY, &s), THERMOAI_E_NONFINITE, s, "share Inf");
    EXPECT_NAN(thermoai_ter_landauer_share(DBL_MAX, &s), THERMOAI_E_RANGE, s, "share subnormal");
    tap_ok(thermoai_ter_landauer_share(2.0, NULL) == THERMOAI_E_NULL, "share NULL out");
}

static void gap(void)
{
    /* paper 000 Sec. 4.3: 1e4 * 1e1 * [1e2, 1e3] * [1e1, 1e2] = [1e8, 1e10]; powers of
     * ten up to 1e22 and their products here are exact doubles */
    const double lo[4] = { 1e4, 1e1, 1e2, 1e1 }, hi[4] = { 1e4, 1e1, 1e3, 1e2 };
    const double bad_lo[2] = { 2.0, 0.0 }, bad_hi[2] = { 1.0, 1.0 }, big[2] = { 1e200, 1e200 };
    double tl = 0, th = 0;

    tap_ok(thermoai_ter_gap_product(lo, hi, 4, &tl, &th) == THERMOAI_OK && tl == 1e8 && th == 1e10,
           "paper 000's four factors multiply to [1e8, 1e10]");
    tap_ok(thermoai_ter_gap_product(lo, lo, 1, &tl, &th) == THERMOAI_OK && tl == 1e4 && th == 1e4,
           "one factor is itself");
    tl = th = 1;
    tap_ok(thermoai_ter_gap_product(lo, hi, 0, &tl, &th) == THERMOAI_E_INVALID && isnan(tl) && isnan(th),
           "no factors -> E_INVALID, NaN");
    tap_ok(thermoai_ter_gap_product(bad_lo, bad_hi, 1, &tl, &th) == THERMOAI_E_INVALID, "lo > hi -> E_INVALID");
    tap_ok(thermoai_ter_gap_product(bad_lo + 1, bad_hi + 1, 1, &tl, &th) == THERMOAI_E_INVALID,
           "zero factor -> E_INVALID");
    tap_ok(thermoai_ter_gap_product(big, big, 2, &tl, &th) == THERMOAI_E_RANGE && isnan(tl) && isnan(th),
           "overflowing product -> E_RANGE, NaN");
    tap_ok(thermoai_ter_gap_product(NULL, hi, 4, &tl, &th) == THERMOAI_E_NULL && isnan(tl),
           "NULL factors -> E_NULL");
    tap_ok(thermoai_ter_gap_product(lo, hi, 4, NULL, &th) == THERMOAI_E_NULL && isnan(th),
           "NULL output -> E_NULL, the other output NaN");
    {
        const double n[1] = { (double)NAN };

        tap_ok(thermoai_ter_gap_product(n, hi, 1, &tl, &th) == THERMOAI_E_NONFINITE, "NaN factor");
    }
}

/* Issue 19 item 6: seq_len = 2^64 - 1 with d_k b = 64 gave E_DOMAIN. */
static void long_sequence(void)
{
    thermoai_model_arch a;
    thermoai_entropy_params p;
    double ter = 0.0, bound = 0.0;
    int ok = thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
             && thermoai_entropy_params_init(&p, sizeof p) == THERMOAI_OK;

    a.layers = 1;
    a.heads = 1;
    a.d_model = 4; /* d_k = 4, b = 16: d_k b = 64 */
    a.d_ff = 4;
    a.vocab_size = 2;
    a.context_length = 16;
    a.precision_bits = 16.0;
    p.seq_len = UINT64_MAX;
    tap_ok(ok && thermoai_ter_run(&a, &p, 1.0, 1.0, &ter) == THERMOAI_OK && ter > 0.0
               && thermoai_entropy_token_energy_j(&a, &p, &bound) == THERMOAI_OK
               && fabs(ter * bound - 1.0) <= 4 * DBL_EPSILON,
           "issue 19: ter_run with seq_len = 2^64 - 1: %.17g, not E_DOMAIN", ter);
}

int main(void)
{
    long_sequence();
    ratio();
    per_token();
    share();
    gap();
    return tap_done();
}
