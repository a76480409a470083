/* SPDX-License-Identifier: MIT */
/*
 * Paper 002, Sec. 3 (information theory and the learning bounds): Corollary 3.4's
 * "one additional bit, about 40 %", Corollary 3.11's "N/3" and Example 3.1's
 * information budget for GPT-3, with learning.h, landauer.h and energy.h
 * (doc/information-theory.md). Eq. (1) and Remarks 3.1-3.2 are E002-eq1 in
 * paper002.c; Remarks 3.3 and 3.4 and Theorems 3.6-3.18 print no number.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "repro.h"

#define T_ROOM 300.0 /* K, paper 002 Table 3 */

static double nan_value(void)
{
    return (double)NAN;
}

/* Eq. (2) in bits per task bit at excess error x: log2(1/x) (H(model) = 0). */
static double eq2_bits(double excess)
{
    double e, kt;

    if (thermoai_learning_energy_accuracy_j(1.0, excess, 0.0, T_ROOM, &e) != THERMOAI_OK
        || thermoai_landauer_energy_per_bit_j(T_ROOM, &kt) != THERMOAI_OK)
        return nan_value();
    return e / kt;
}

/* ---- E002-cor3.4 ------------------------------------------------------------------------ */

static int cor34(struct repro_list *list)
{
    struct repro_spec s = { 0 };
    char note[512];
    double eps40;
    int rc = 0;

    s.id = "E002-cor3.4.01";
    s.quantity = "Bits added per task bit by halving the error, Eq. (2)/(4): log2(2/x) - log2(1/x)";
    s.unit = "bit";
    s.paper_text = "one additional bit (= 1)";
    s.paper = 1.0;
    s.computed = eq2_bits(0.05) - eq2_bits(0.1);
    s.note = "At x = 0.1 -> 0.05 (any x gives 1); log2, as the 'bit' requires";
    rc |= repro_add(list, &s);

    /* the relative increase 1/log2(1/x) is 40 % only at x = 2^-2.5 */
    eps40 = exp2(-1.0 / 0.4);
    snprintf(note, sizeof note,
             "The relative increase is log2(2/x)/log2(1/x) - 1 = 1/log2(1/x), which depends on the error x the "
             "corollary does not state: %.1f %% at x = 0.1 (Corollary 3.11's epsilon), %.1f %% at x = 0.01, "
             "%.1f %% at x = 0.001; 40 %% only at x = %.3f. "
             "The constant sqrt(2) - 1 = %.3f would also print as 40 %%",
             100.0 * (eq2_bits(0.05) / eq2_bits(0.1) - 1.0), 100.0 * (eq2_bits(0.005) / eq2_bits(0.01) - 1.0),
             100.0 * (eq2_bits(0.0005) / eq2_bits(0.001) - 1.0), eps40, sqrt(2.0) - 1.0);
    rc |= repro_add_not_derivable(list, "E002-cor3.4.02",
                                  "Relative energy increase from halving the error, Eq. (4)", "1", 0.40,
                                  "≈40%", note);
    return rc;
}

/* ---- E002-cor3.11 ----------------------------------------------------------------------- */

static int cor311(struct repro_list *list)
{
    struct repro_spec s = { 0 };
    struct repro_reading r[3];
    const double n = 32768.0, d = 12288.0; /* Example 1.1's 32K context and GPT-3's width */
    double approx1, approx, info, flop_as_bits, kt;
    int rc = 0;

    if (thermoai_learning_attention_approx_j(1.0, 1.0, 0.1, T_ROOM, &approx1) != THERMOAI_OK
        || thermoai_landauer_energy_per_bit_j(T_ROOM, &kt) != THERMOAI_OK)
        approx1 = kt = nan_value();
    r[0].label = "natural log, ln 10";
    r[0].value = log(10.0);
    s.id = "E002-cor3.11.01";
    s.quantity = "log(1/epsilon) at epsilon = 0.1, the divisor of 'N/log(1/epsilon) ≈ N/3'";
    s.unit = "bit";
    s.paper_text = "N/3";
    s.paper = 3.0;
    s.computed = approx1 / kt;
    s.readings = r;
    s.n_readings = 1;
    s.note = "Eq. (8) at N = d = 1 over k_B T ln 2: log2(1/0.1)";
    rc |= repro_add(list, &s);

    /* the reduction against Theorem 3.10's exact-attention bounds, at N = 32K, d = 12288 */
    if (thermoai_learning_attention_approx_j(n, d, 0.1, T_ROOM, &approx) != THERMOAI_OK
        || thermoai_learning_attention_info_j(n, d, T_ROOM, &info) != THERMOAI_OK
        || thermoai_learning_attention_flop_j(n, d, kt, &flop_as_bits) != THERMOAI_OK)
        approx = info = flop_as_bits = nan_value();
    memset(&s, 0, sizeof s);
    r[0].label = "exact attention priced at N^2 d bits (one k_B T ln 2 per multiply-accumulate)";
    r[0].value = 0.5 * flop_as_bits / approx;
    r[1].label = "exact attention priced at its 2 N^2 d FLOPs, k_B T ln 2 each (Theorem 3.10 item 2)";
    r[1].value = flop_as_bits / approx;
    s.id = "E002-cor3.11.02";
    s.quantity = "Energy reduction of 0.1-approximate attention over Theorem 3.10's exact bound, N = 32768";
    s.unit = "1";
    s.paper_text = "≈ N/3";
    s.paper = n / 3.0;
    s.computed = info / approx;
    s.readings = r;
    s.n_readings = 2;
    s.note = "Computed: Theorem 3.10 item 1 (N d log2 N) over Eq. (8) (N d log2 10), which is log2 N / log2 10, "
             "not N / log2 10; N = 32768 is Example 1.1's context (the corollary states none); d cancels";
    rc |= repro_add(list, &s);
    return rc;
}

/* ---- E002-ex3.1 ------------------------------------------------------------------------- */

static double budget_bits(double tokens, double label_bits, double params, double precision,
                          double info_bits)
{
    double b;

    return thermoai_learning_training_bits(tokens, label_bits, params, precision, info_bits, &b)
                   == THERMOAI_OK
               ? b
               : nan_value();
}

static int ex31(struct repro_list *list)
{
    struct repro_spec s = { 0 };
    struct repro_reading r[2];
    const double tokens = 300e9, params = 175e9, bits = 16.0, info = 1e11;
    double e_min = nan_value(), actual = nan_value(), vocab_bits, kt, gap_printed;
    int rc = 0;

    if (thermoai_learning_training_j(tokens, bits, params, bits, info, T_ROOM, &e_min) != THERMOAI_OK
        || thermoai_energy_from_power_j(1300e6, 3600.0, &actual) != THERMOAI_OK
        || thermoai_info_uniform_entropy_bits(50257.0, &vocab_bits) != THERMOAI_OK
        || thermoai_landauer_energy_per_bit_j(T_ROOM, &kt) != THERMOAI_OK)
        e_min = actual = vocab_bits = kt = nan_value();

    s.id = "E002-ex3.1.01";
    s.quantity = "Label entropy n H(Y|X): 300B tokens x 16 bits/token, Eq. (9)";
    s.unit = "bit";
    s.paper_text = "4.8 × 10^12 bits";
    s.paper = 4.8e12;
    s.computed = budget_bits(tokens, bits, 0.0, 0.0, 0.0);
    r[0].label = "H(Y|X) at most log2 50257 (GPT-3's vocabulary) bits/token";
    r[0].value = budget_bits(tokens, vocab_bits, 0.0, 0.0, 0.0);
    s.readings = r;
    s.n_readings = 1;
    s.note = "16 bits/token is the width of a token id, an upper bound on H(Y|X) (log2 of a 65536-word "
             "vocabulary), not the conditional entropy Theorem 3.17 names";
    rc |= repro_add(list, &s);

    memset(&s, 0, sizeof s);
    s.id = "E002-ex3.1.02";
    s.quantity = "Model storage p b: 175B parameters x 16 bits, Eq. (9)";
    s.unit = "bit";
    s.paper_text = "2.8 × 10^12 bits";
    s.paper = 2.8e12;
    s.computed = budget_bits(0.0, 0.0, params, bits, 0.0);
    rc |= repro_add(list, &s);

    rc |= repro_add_not_derivable(list, "E002-ex3.1.03", "Information extraction I(D; theta)", "bit", 1e11,
                                  "≈ 10^11 bits",
                                  "'estimated from validation loss improvement': no loss values are given");

    memset(&s, 0, sizeof s);
    s.id = "E002-ex3.1.04";
    s.quantity = "Total information n H(Y|X) + p b + I(D; theta), Eq. (9)";
    s.unit = "bit";
    s.paper_text = "≈ 7.7 × 10^12 bits";
    s.paper = 7.7e12;
    s.computed = budget_bits(tokens, bits, params, bits, info);
    s.note = "With the printed 10^11 bits of I(D; theta)";
    rc |= repro_add(list, &s);

    memset(&s, 0, sizeof s);
    r[0].label = "the printed 7.7e12 bits x the printed 2.9e-21 J/bit";
    r[0].value = 7.7e12 * 2.9e-21;
    s.id = "E002-ex3.1.05";
    s.quantity = "Landauer minimum of the budget at 300 K, Theorem 3.17";
    s.unit = "J";
    s.paper_text = "2.2 × 10^-8 Joules";
    s.paper = 2.2e-8;
    s.computed = e_min;
    s.readings = r;
    s.n_readings = 1;
    rc |= repro_add(list, &s);

    memset(&s, 0, sizeof s);
    s.id = "E002-ex3.1.06";
    s.quantity = "Actual training energy 1300 MWh in joules";
    s.unit = "J";
    s.paper_text = "4.7 × 10^12 Joules";
    s.paper = 4.7e12;
    s.computed = actual;
    s.note = "1300 MW for 3600 s";
    rc |= repro_add(list, &s);

    /* the chain from the printed values, then the corrected chain */
    gap_printed = 4.7e12 / 2.2e-8;
    memset(&s, 0, sizeof s);
    s.id = "E002-ex3.1.07";
    s.quantity = "Efficiency gap 4.7e12 J / 2.2e-8 J (the printed values)";
    s.unit = "1";
    s.paper_text = "≈ 2 × 10^20";
    s.paper = 2e20;
    s.computed = gap_printed;
    rc |= repro_add(list, &s);

    memset(&s, 0, sizeof s);
    s.id = "E002-ex3.1.08";
    s.quantity = "Efficiency gap, corrected chain (computed energy over computed minimum)";
    s.unit = "1";
    s.paper_text = "≈ 2 × 10^20";
    s.paper = 2e20;
    s.computed = actual / e_min;
    rc |= repro_add(list, &s);

    memset(&s, 0, sizeof s);
    s.id = "E002-ex3.1.09";
    s.quantity = "'20 orders of magnitude'";
    s.unit = "1";
    s.paper_text = "10^20";
    s.paper = 1e20;
    s.form = REPRO_ORDER;
    s.computed = actual / e_min;
    s.note = "Same power of ten";
    rc |= repro_add(list, &s);

    memset(&s, 0, sizeof s);
    r[0].label = "with Remark 3.1's 3e8 for digital logic";
    r[0].value = 3e8 * 1e3 * 1e4 * 1e2 * 1e3;
    s.id = "E002-ex3.1.10";
    s.quantity = "Product of the five listed inefficiencies (1e8 x 1e3 x 1e4 x 1e2 x 1e3) vs the gap";
    s.unit = "1";
    s.paper_text = "20 orders of magnitude (10^20)";
    s.paper = 1e20;
    s.form = REPRO_ORDER;
    s.computed = 1e8 * 1e3 * 1e4 * 1e2 * 1e3;
    s.readings = r;
    s.n_readings = 1;
    s.note = "Order-of-magnitude form: the factors are printed as '~10^n'";
    rc |= repro_add(list, &s);

    memset(&s, 0, sizeof s);
    s.id = "E002-ex3.1.11";
    s.quantity = "Digital logic above Landauer: 1 pJ/FLOP (Remark 3.1) over k_B T ln 2 at 300 K";
    s.unit = "1";
    s.paper_text = "~10^8";
    s.paper = 1e8;
    s.form = REPRO_ORDER;
    s.computed = 1e-12 / kt;
    s.note = "Same power of ten; Remark 3.1 itself prints 3x10^8";
    rc |= repro_add(list, &s);
    return rc;
}

/* ---- statements against their proofs (errata lines) -------------------------------------- */

static int statements(struct repro_list *list)
{
    return repro_add_line(
        list, "Q002-theory",
        "Sec. 3 statements vs proofs (thermoai implements the statements, learning.h): Theorem 3.3's Eq. (2) "
        "sums I_task log(1/(eps - E_inf)) + H(model), its proof p b + kappa p log(E_0/eps) + R(eps); "
        "Theorem 3.6 is an inequality, App. B.5 an equality, and the introduction writes k_B T KL(Q||P) "
        "without ln 2 or entropy terms; KL(Q||P) + H(Q) - H(P) = H(Q,P) - H(P) is 0 for a uniform prior and "
        "negative for a posterior on the prior's mode; Theorem 3.10's I/O bound is N^2 d/M, its proof "
        "quotes N^2 d/sqrt(M); Theorem 3.14's N_0 ln 2 R/(1 - R/C) vanishes at R -> 0, below Shannon's "
        "N_0 ln 2 (thermoai_learning_awgn_energy_per_bit_j); Theorem 3.15 claims the bound for all h ~ Q, "
        "PAC-Bayes bounds the Gibbs risk; Theorem 3.18 glosses H(next token) as 'perplexity in bits' "
        "(it is log2 PPL)");
}

int repro_paper002_info(struct repro_list *list)
{
    int rc = 0;

    rc |= cor34(list);
    rc |= cor311(list);
    rc |= ex31(list);
    rc |= statements(list);
    return rc;
}
