/* SPDX-License-Identifier: MIT */
/*
 * Paper 002, allocation and precision: Theorem 4.3 and Sec. 12.2 (n* ~ 20 p*),
 * Example 4.2 (Corollary 4.4's energy multipliers), Table 5 (precision energy),
 * Proposition 4.9 (break-even density) and Table 7 (predicted reductions), with
 * allocate.h, loss.h, precision.h and sparsity.h (doc/allocation.md).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "repro.h"

#define CHINCHILLA_FLOP 5.88e23 /* 6 x 70e9 parameters x 1.4e12 tokens */

static double fail_nan(void)
{
    return (double)NAN;
}

static int fit(const char *name, thermoai_loss_model *m)
{
    return thermoai_loss_model_init(m, sizeof *m) == THERMOAI_OK && thermoai_loss_preset_find(name, m) == THERMOAI_OK
               ? 0
               : -1;
}

/* The ratio D*:N* of a fit at a FLOP budget (Hoffmann et al. Eq. 4, the corrected Theorem 4.3). */
static double ratio_at(const char *name, double flop)
{
    thermoai_loss_model m;
    double n, d, l;

    if (fit(name, &m) != 0 || thermoai_allocate_compute_optimal(&m, flop, &n, &d, &l) != THERMOAI_OK)
        return fail_nan();
    return d / n;
}

/* Energy to reach a target excess loss over E_inf relative to another, with Corollary
 * 4.4's exponent for the fit's alpha, beta (the ratio is independent of A, B, a_c). */
static double multiplier(double alpha, double beta, double e_inf, double from, double to)
{
    thermoai_loss_model m;
    thermoai_allocate_energy_model e;
    double e1, e2, x;

    if (fit("hoffmann2022", &m) != 0 || thermoai_allocate_energy_model_init(&e, sizeof e) != THERMOAI_OK)
        return fail_nan();
    m.irreducible_nats = e_inf;
    m.params_exponent = alpha;
    m.tokens_exponent = beta;
    if (thermoai_allocate_isoloss_asymptotic_j(&m, &e, to, &e2, &x) != THERMOAI_OK
        || thermoai_allocate_isoloss_asymptotic_j(&m, &e, from, &e1, &x) != THERMOAI_OK)
        return fail_nan();
    return e2 / e1;
}

/* ---- E002-thm4.3 ------------------------------------------------------------------------- */

static int thm43(struct repro_list *list)
{
    static const char *const fits[] = { "hoffmann2022", "hoffmann2022-tex", "besiroglu2024", "kaplan2020" };
    char note[1400];
    size_t i, used;
    thermoai_loss_model h;
    double eq15, proof;
    int rc = 0;

    used = (size_t)snprintf(note, sizeof note,
                            "A and B, the loss coefficients behind the ratio, are not stated (only alpha = 0.34, "
                            "beta = 0.28). The correct optimum (Hoffmann et al. Eq. 4) is "
                            "D*/N* = G^-2 (C/6)^((alpha-beta)/(alpha+beta)), budget-dependent unless alpha = beta; "
                            "with each published fit at Chinchilla's C = 5.88e23 FLOP:");
    for (i = 0; i < sizeof fits / sizeof fits[0] && used < sizeof note; i++)
        used += (size_t)snprintf(note + used, sizeof note - used, " %s %.4g%s", fits[i],
                                 ratio_at(fits[i], CHINCHILLA_FLOP), i + 1 < sizeof fits / sizeof fits[0] ? "," : ".");
    if (fit("hoffmann2022", &h) != 0)
        return -1;
    /* the paper's letters: n (data) with alpha = 0.34 and coefficient A, p (parameters) with
     * beta = 0.28 and B; Hoffmann's fit has 0.34 on the parameters, so A = 410.7 (data), B = 406.4 */
    eq15 = (0.34 / 0.28) * pow(h.params_coef, 1.0 / (0.34 + 0.28)) / h.tokens_coef;
    proof = pow(h.tokens_coef * 0.34 / (h.params_coef * 0.28), 1.0 / (0.34 + 0.28));
    if (used < sizeof note)
        snprintf(note + used, sizeof note - used,
                 " hoffmann2022's ratio moves from %.3g at 1e21 FLOP to %.3g at 1e25. Eq. (15) as printed with "
                 "Hoffmann's A, B gives %.3g and the proof's (A alpha/(B beta))^(1/(alpha+beta)) %.3g; the "
                 "printed alpha/beta are Hoffmann's with the roles of data and parameters swapped. The "
                 "Lagrangian of the proof drops p from the constraint (lambda(c n - E) for E = c n p), which is "
                 "why its ratio comes out budget-free. ~20 is Hoffmann's approaches 1-2 (and the Epoch "
                 "replication), not approach 3's printed fit",
                 ratio_at("hoffmann2022", 1e21), ratio_at("hoffmann2022", 1e25), eq15, proof);
    rc |= repro_add_not_derivable(list, "E002-thm4.3.01", "Energy-optimal tokens per parameter n*/p*, Eq. (16)", "1",
                                  20.0, "n* ≈ 20 · p*", note);
    rc |= repro_add_not_derivable(list, "E002-thm4.3.02",
                                  "Chinchilla scaling from marginal efficiency, Sec. 12.2 item 1", "1", 20.0,
                                  "n* ≈ 20p*", "The same claim as E002-thm4.3.01; see its note for the fits' ratios");
    return rc;
}

/* ---- E002-ex4.2 -------------------------------------------------------------------------- */

static int ex42(struct repro_list *list)
{
    /* Example 4.2: E* = 0.05, E_inf = 0.02; Corollary 4.4 with Theorem 4.3's alpha, beta */
    const double a = 0.34, b = 0.28;
    static const struct {
        const char *id, *quantity, *text;
        double paper, to;
    } rows[] = {
        { "E002-ex4.2.01", "Energy multiplier to reduce the error 10%, 0.05 -> 0.045", "≈ 1.8× more energy", 1.8,
          0.045 },
        { "E002-ex4.2.02", "Energy multiplier to 'reduce the error 50%', printed target 0.035", "≈ 8× more energy",
          8.0, 0.035 },
        { "E002-ex4.2.03", "Energy multiplier to halve the gap to E_inf, 0.05 -> 0.035", "≈ 16× more energy", 16.0,
          0.035 },
    };
    size_t i;
    int rc = 0;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct repro_reading r[5];
        struct repro_spec s = { 0 };

        r[0].label = "the Epoch fit's exponents (0.3478, 0.3658)";
        r[0].value = multiplier(0.3478, 0.3658, 0.02, 0.05, rows[i].to);
        r[1].label = "exponent 1/alpha (the parameter term alone)";
        r[1].value = multiplier(0.34, 1e9, 0.02, 0.05, rows[i].to);
        r[2].label = "exponent 1/beta (the data term alone)";
        r[2].value = multiplier(1e9, 0.28, 0.02, 0.05, rows[i].to);
        r[3].label = "the error itself instead of its gap to E_inf (E_inf = 0)";
        r[3].value = multiplier(a, b, 0.0, 0.05, rows[i].to);
        r[4].label = "a 50% reduction of the error, to 0.025";
        r[4].value = multiplier(a, b, 0.02, 0.05, 0.025);
        s.id = rows[i].id;
        s.quantity = rows[i].quantity;
        s.unit = "1";
        s.paper_text = rows[i].text;
        s.paper = rows[i].paper;
        s.computed = multiplier(a, b, 0.02, 0.05, rows[i].to);
        s.readings = r;
        s.n_readings = i == 1 ? 5 : 4;
        s.note = i == 0 ? "Corollary 4.4: E* ∝ (E - E_inf)^-(alpha+beta)/(alpha beta), exponent 6.513 for 0.34, "
                          "0.28; exact (not only asymptotic) for the two-term loss under E = 6 e N D. The "
                          "growth is a power law, not 'exponential'"
                 : i == 1 ? "The printed target 0.035 halves the gap (0.03 -> 0.015), the same target as "
                            "E002-ex4.2.03, which the paper prices at 16x: the example contradicts itself"
                          : "(0.03/0.015)^6.513 = 91.3";
        rc |= repro_add(list, &s);
    }
    return rc;
}

/* ---- T002-table5 ------------------------------------------------------------------------- */

static double law(double ref, double bits, double exponent)
{
    double v;

    return thermoai_precision_energy_j(ref, 32.0, bits, exponent, &v) == THERMOAI_OK ? v : fail_nan();
}

static int table5(struct repro_list *list)
{
    static const struct {
        const char *name;
        double bits, e_flop_pj, e_mem_pj, relative;
        const char *t_flop, *t_mem, *t_rel;
    } rows[] = {
        { "FP16", 16, 0.4, 0.25, 0.45, "0.4", "0.25", "0.45×" },
        { "INT8", 8, 0.2, 0.125, 0.22, "0.2", "0.125", "0.22×" },
        { "INT4", 4, 0.1, 0.0625, 0.11, "0.1", "0.0625", "0.11×" },
    };
    char id[32], q[400];
    size_t i;
    int rc = 0, k = 1;
    double d4, d8, d16, b, bw;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct repro_reading r[2];
        struct repro_spec s = { 0 };

        snprintf(id, sizeof id, "T002-table5.%02d", k++);
        snprintf(q, sizeof q, "e_flop of %s from FP32's 0.9 pJ by Theorem 4.5's b^1.5 (digital)", rows[i].name);
        r[0].label = "e_flop linear in b";
        r[0].value = law(0.9e-12, rows[i].bits, 1.0);
        r[1].label = "e_flop ∝ b^2 (analog)";
        r[1].value = law(0.9e-12, rows[i].bits, THERMOAI_PRECISION_ANALOG_EXPONENT);
        s.id = id;
        s.quantity = q;
        s.unit = "J";
        s.paper_text = rows[i].t_flop;
        s.paper = rows[i].e_flop_pj * 1e-12;
        s.computed = law(0.9e-12, rows[i].bits, THERMOAI_PRECISION_DIGITAL_EXPONENT);
        s.readings = r;
        s.n_readings = 2;
        s.note = "Printed in pJ; FP32's 0.9 pJ is the reference";
        rc |= repro_add(list, &s);
    }
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct repro_reading r[1];
        struct repro_spec s = { 0 };

        snprintf(id, sizeof id, "T002-table5.%02d", k++);
        snprintf(q, sizeof q, "e_mem of %s per bit, from FP32's 0.5 pJ/bit with e_mem ∝ b per word", rows[i].name);
        r[0].label = "the column is per value (word), not per bit";
        r[0].value = law(0.5e-12, rows[i].bits, THERMOAI_PRECISION_MEMORY_EXPONENT);
        s.id = id;
        s.quantity = q;
        s.unit = "J/bit";
        s.paper_text = rows[i].t_mem;
        s.paper = rows[i].e_mem_pj * 1e-12;
        s.computed = law(0.5e-12, 32.0, 0.0); /* a per-word law linear in b is a constant per bit */
        s.readings = r;
        s.n_readings = 1;
        s.note = "Printed as pJ/bit; e_mem ∝ b per word leaves the energy per bit unchanged";
        rc |= repro_add(list, &s);
    }
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct repro_reading r[3];
        struct repro_spec s = { 0 };

        snprintf(id, sizeof id, "T002-table5.%02d", k++);
        snprintf(q, sizeof q, "Relative energy of %s (e_flop(b)/e_flop(32) under b^1.5)", rows[i].name);
        r[0].label = "e_flop linear in b";
        r[0].value = law(1.0, rows[i].bits, 1.0);
        r[1].label = "the table's own e_flop over FP32's (0.9 pJ)";
        r[1].value = rows[i].e_flop_pj / 0.9;
        r[2].label = "(e_flop + e_mem per value) over FP32's, the table's numbers";
        r[2].value = (rows[i].e_flop_pj + rows[i].e_mem_pj) / (0.9 + 0.5);
        s.id = id;
        s.quantity = q;
        s.unit = "1";
        s.paper_text = rows[i].t_rel;
        s.paper = rows[i].relative;
        s.computed = law(1.0, rows[i].bits, THERMOAI_PRECISION_DIGITAL_EXPONENT);
        s.readings = r;
        s.n_readings = 3;
        rc |= repro_add(list, &s);
    }
    /* the accuracy column and b*: c_sens and the tolerance are not stated */
    if (thermoai_precision_degradation(1.0, 4.0, &d4) != THERMOAI_OK
        || thermoai_precision_degradation(1.0, 8.0, &d8) != THERMOAI_OK
        || thermoai_precision_degradation(1.0, 16.0, &d16) != THERMOAI_OK)
        return -1;
    snprintf(q, sizeof q,
             "c_sens is not stated. Theorem 4.5's c 2^-2b makes INT8's degradation %.4g x FP16's and INT4's %.4g x "
             "INT8's, while the column prints <0.1%%, <1%% and 2-5%% (ratios of about 10 and 2-5)",
             d8 / d16, d4 / d8);
    snprintf(id, sizeof id, "T002-table5.%02d", k++);
    rc |= repro_add_not_derivable(list, id, "Typical ΔErr column (FP16 <0.1%, INT8 <1%, INT4 2-5%)", "1",
                                  fail_nan(), "<0.1% / <1% / 2–5%", q);
    if (thermoai_precision_optimal_bits(256.0, 1.0, &b, &bw) != THERMOAI_OK)
        return -1;
    snprintf(q, sizeof q,
             "c_sens and the tolerance are not stated; b* = 1/2 log2(c/tol) is %g bits at c/tol = 2^8 "
             "(thermoai_precision_optimal_bits) and 8 bits at 2^16",
             b);
    snprintf(id, sizeof id, "T002-table5.%02d", k++);
    rc |= repro_add_not_derivable(list, id, "b* for Transformers, Theorem 4.5 (inference / training)", "bit", 4.0,
                                  "b* ≈ 4 bits for inference, b* ≈ 8 bits for training", q);
    return rc;
}

/* ---- E002-prop4.9 ------------------------------------------------------------------------ */

static double breakeven(double d, double ratio, double index_bits, int exact)
{
    double rho, first;

    if (thermoai_sparsity_breakeven_density(d, 1.0, index_bits, ratio, &rho, &first) != THERMOAI_OK)
        return fail_nan();
    return exact ? rho : first;
}

static int prop49(struct repro_list *list)
{
    struct repro_reading r[4];
    struct repro_spec s = { 0 };
    double n;
    int rc = 0;

    r[0].label = "natural log, ln 100";
    r[0].value = breakeven(128, 0.1, log(100.0), 0);
    r[1].label = "N = 32768 (32K context)";
    r[1].value = breakeven(128, 0.1, 15.0, 0);
    r[2].label = "the exact condition 1/(1 + x) at N = 100";
    r[2].value = breakeven(128, 0.1, log2(100.0), 1);
    r[3].label = "log2 N = 192 bits of index per entry (N = 2^192)";
    r[3].value = breakeven(128, 0.1, 192.0, 0);
    s.id = "E002-prop4.9.01";
    s.quantity = "Break-even density 1 - c_idx log N/(c_flop d), d = 128, c_idx/c_flop = 0.1";
    s.unit = "1";
    s.paper_text = "ρ ≈ 0.85";
    s.paper = 0.85;
    s.computed = breakeven(128, 0.1, log2(100.0), 0);
    s.readings = r;
    s.n_readings = 4;
    s.note = "N is not stated; computed at the N = 100 of the same sentence, log2. The condition as printed is the "
             "first-order form of the exact rho < 1/(1 + c_idx log N/(c_flop d))";
    rc |= repro_add(list, &s);

    /* the least N where SSA's density N^-1/2 is below the (exact) break-even */
    for (n = 2.0; n < 1e6; n += 1.0)
        if (1.0 / sqrt(n) < breakeven(128, 0.1, ceil(log2(n)), 1))
            break;
    memset(&s, 0, sizeof s);
    r[0].label = "with the paper's rho = 0.85: N > 1/0.85^2";
    r[0].value = 1.0 / (0.85 * 0.85);
    s.id = "E002-prop4.9.02";
    s.quantity = "Least N at which SSA's density N^-0.5 is below the break-even";
    s.unit = "1";
    s.paper_text = "N > 100";
    s.paper = 100.0;
    s.computed = n;
    s.readings = r;
    s.n_readings = 1;
    s.note = "The paper's N > 100 is sufficient, not the threshold: the condition already holds at N = 2";
    rc |= repro_add(list, &s);
    return rc;
}

/* ---- T002-table7 ------------------------------------------------------------------------- */

/* 1 - E*(L(N, D)) / (6 N D): the compute saved by training at the optimum of a fit, at the
 * loss the (N, D) run reached. */
static double saving(const char *name, double n, double d)
{
    thermoai_loss_model m;
    thermoai_allocate_energy_model e;
    thermoai_allocate_result r;
    double l;

    if (fit(name, &m) != 0 || thermoai_allocate_energy_model_init(&e, sizeof e) != THERMOAI_OK
        || thermoai_allocate_result_init(&r, sizeof r) != THERMOAI_OK)
        return fail_nan();
    e.compute_j_per_param_token = 6.0; /* energy in FLOP */
    if (thermoai_loss_nats(&m, n, d, 0.0, &l) != THERMOAI_OK || thermoai_allocate_isoloss(&m, &e, l, &r) != THERMOAI_OK)
        return fail_nan();
    return 1.0 - r.energy_j / (6.0 * n * d);
}

static int table7(struct repro_list *list)
{
    struct repro_reading r[4];
    struct repro_spec s = { 0 };
    char note[700];
    int rc = 0;

    r[0].label = "e_mem ∝ b (a memory-bound workload)";
    r[0].value = 1.0 - law(1.0, 4.0, 1.0) / law(1.0, 16.0, 1.0);
    r[1].label = "Table 5's relative energies, 1 - 0.11/0.45";
    r[1].value = 1.0 - 0.11 / 0.45;
    r[2].label = "e_flop ∝ b^2 (analog)";
    r[2].value = 1.0 - law(1.0, 4.0, 2.0) / law(1.0, 16.0, 2.0);
    s.id = "T002-table7.01";
    s.quantity = "Energy reduction FP16 -> INT4, Theorem 4.5's e_flop ∝ b^1.5";
    s.unit = "1";
    s.paper_text = "Up to 80%";
    s.paper = 0.8;
    s.computed = 1.0 - law(1.0, 4.0, 1.5) / law(1.0, 16.0, 1.5);
    s.readings = r;
    s.n_readings = 3;
    rc |= repro_add(list, &s);

    snprintf(note, sizeof note,
             "The baseline allocation is not stated. Compute saved at the same loss by the fit's optimum, for "
             "GPT-3 (175e9 x 300e9): hoffmann2022 %.0f%%, besiroglu2024 %.0f%%, kaplan2020 %.0f%%; for Gopher "
             "(280e9 x 300e9): hoffmann2022 %.0f%%, besiroglu2024 %.0f%%",
             100.0 * saving("hoffmann2022", 175e9, 300e9), 100.0 * saving("besiroglu2024", 175e9, 300e9),
             100.0 * saving("kaplan2020", 175e9, 300e9), 100.0 * saving("hoffmann2022", 280e9, 300e9),
             100.0 * saving("besiroglu2024", 280e9, 300e9));
    rc |= repro_add_not_derivable(list, "T002-table7.02", "Energy reduction from Chinchilla-optimal allocation", "1",
                                  0.3, "30%", note);

    memset(&s, 0, sizeof s);
    /* the rows' upper bounds composed: each reduction applies to what the others leave */
    r[0].label = "the rows added (capped at 100%)";
    r[0].value = fmin(1.0, 0.5 + 0.8 + 0.3 + 0.3);
    r[1].label = "batch size at its lower bound, 20%";
    r[1].value = 1.0 - 0.5 * 0.2 * 0.8 * 0.7;
    r[2].label = "attention and precision only";
    r[2].value = 1.0 - 0.5 * 0.2;
    r[3].label = "precision and batch size (midpoint 25%) only";
    r[3].value = 1.0 - 0.2 * 0.75;
    s.id = "T002-table7.03";
    s.quantity = "Combined reduction: the four rows' upper bounds composed, 1 - (1-0.5)(1-0.8)(1-0.3)(1-0.3)";
    s.unit = "1";
    s.paper_text = "Up to 85%";
    s.paper = 0.85;
    s.computed = 1.0 - (1.0 - 0.5) * (1.0 - 0.8) * (1.0 - 0.3) * (1.0 - 0.3);
    s.readings = r;
    s.n_readings = 4;
    s.note = "Computed from the table's own printed rows; the batch row at its upper bound";
    rc |= repro_add(list, &s);
    return rc;
}

int repro_paper002_alloc(struct repro_list *list)
{
    int rc = 0;

    rc |= thm43(list);
    rc |= ex42(list);
    rc |= table5(list);
    rc |= prop49(list);
    rc |= table7(list);
    return rc;
}
