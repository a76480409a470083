/* SPDX-License-Identifier: MIT */
/*
 * Paper 002, Sec. 4 and serving: Table 4 and Theorem 4.2 (the trilemma's B* = sqrt(p / (N d)),
 * energy per token, tokens per joule), Example 1.1 (dense attention at 32K), Example 4.1
 * (Theorem 4.1's terms for GPT-3) and Example 4.3 (dense vs SSA at 128K), with
 * trilemma.h, slo.h and paper_energy.h; beside them the roofline model's optimum for
 * the same configuration (rerun).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "repro.h"

static double nan_(void)
{
    return (double)NAN;
}

static double bstar(double p, double n, double d)
{
    double v;

    return thermoai_trilemma_paper_batch(p, n, d, &v) == THERMOAI_OK ? v : nan_();
}

/* Table 4 as printed. d = d_model / H of each model (caption): LLaMA-7B 4096/32, LLaMA-70B
 * 8192/64, GPT-3 12288/96, GPT-4 unknown (taken as 128 like the others). */
static const struct {
    const char *name, *preset;
    double p, d, b2k, b32k, mj, tpj;
    const char *b2k_t, *b32k_t, *mj_t, *tpj_t;
} table4[] = {
    { "LLaMA-7B", "llama-2-7b", 7e9, 128.0, 42, 10, 1.2, 833, "42", "10", "1.2", "833" },
    { "LLaMA-70B", "llama-2-70b", 70e9, 128.0, 132, 33, 12, 83, "132", "33", "12", "83" },
    { "GPT-3 175B", "gpt-3-175b", 175e9, 128.0, 209, 52, 30, 33, "209", "52", "30", "33" },
    { "GPT-4 (est.)", NULL, 1.8e12, 128.0, 671, 168, 310, 3.2, "671", "168", "310", "3.2" },
};

static int table_4(struct repro_list *l)
{
    size_t i;
    int rc = 0, k = 1;
    char id[48], q[128];

    for (i = 0; i < sizeof table4 / sizeof table4[0]; i++) {
        struct repro_reading rd[2];
        struct repro_spec s = { 0 };
        const double ctx[2] = { 2048.0, 32768.0 }, printed[2] = { table4[i].b2k, table4[i].b32k };
        const char *text[2] = { table4[i].b2k_t, table4[i].b32k_t };
        size_t c;

        for (c = 0; c < 2; c++) {
            rd[0].label = "N d = 4e6 at 2K (N = 2000 and d = 2000; x16 at 32K)";
            rd[0].value = bstar(table4[i].p, c == 0 ? 2000.0 : 32000.0, 2000.0);
            rd[1].label = "d = d_model instead of d_model / H";
            rd[1].value = bstar(table4[i].p, ctx[c], table4[i].d * (i == 0 ? 32.0 : i == 1 ? 64.0 : 96.0));
            snprintf(id, sizeof id, "T002-table4.%02d", k++);
            snprintf(q, sizeof q, "B* = sqrt(p / (N d)), %s, %s context", table4[i].name, c == 0 ? "2K" : "32K");
            memset(&s, 0, sizeof s);
            s.id = id;
            s.quantity = q;
            s.unit = "1";
            s.paper_text = text[c];
            s.paper = printed[c];
            s.computed = bstar(table4[i].p, ctx[c], table4[i].d);
            s.readings = rd;
            s.n_readings = 2;
            s.note = "caption: d = d_model / H (128 for every model; GPT-4's is not stated)";
            rc |= repro_add(l, &s);
        }
        {
            struct repro_reading er[3];
            const double pb = table4[i].p;

            er[0].label = "p x e_mem (one byte per parameter, 20 pJ/byte)";
            er[0].value = pb * 20e-12;
            er[1].label = "p x e_mem / B* (weights shared by the batch at the printed B*)";
            er[1].value = pb * 20e-12 / table4[i].b2k;
            er[2].label = "2 bytes per parameter, shared by the printed B*";
            er[2].value = 2.0 * pb * 20e-12 / table4[i].b2k;
            snprintf(id, sizeof id, "T002-table4.%02d", k++);
            snprintf(q, sizeof q, "energy per token, %s (e_mem = 20 pJ/byte)", table4[i].name);
            memset(&s, 0, sizeof s);
            s.id = id;
            s.quantity = q;
            s.unit = "J";
            s.paper_text = table4[i].mj_t;
            s.paper = table4[i].mj * 1e-3;
            s.computed = pb * 20e-12;
            s.readings = er;
            s.n_readings = 3;
            s.note = "Theorem 4.2's proof: at least e_mem p per token; the printed column is 1.71e-13 J per "
                     "parameter for every row (116.7 times below p x e_mem); a reading that reproduces one row and not the others is a coincidence";
            rc |= repro_add(l, &s);
        }
        {
            double tpj = 0.0;

            snprintf(id, sizeof id, "T002-table4.%02d", k++);
            snprintf(q, sizeof q, "optimal tokens/J, %s, from the printed energy per token", table4[i].name);
            if (thermoai_serving_tokens_per_j(1.0, table4[i].mj * 1e-3, &tpj) != THERMOAI_OK)
                return -1;
            memset(&s, 0, sizeof s);
            s.id = id;
            s.quantity = q;
            s.unit = "1/J";
            s.paper_text = table4[i].tpj_t;
            s.paper = table4[i].tpj;
            s.computed = tpj;
            s.note = "1 / energy per token (chain)";
            rc |= repro_add(l, &s);
        }
        if (table4[i].preset != NULL) {
            thermoai_model_arch a;
            thermoai_hardware hw;
            thermoai_work_params p;
            thermoai_trilemma_point pt, best;
            uint64_t bmax = 0, b;
            char cond[512];
            int st;

            if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK
                || thermoai_model_preset_find(table4[i].preset, &a) != THERMOAI_OK
                || thermoai_hardware_init(&hw, sizeof hw) != THERMOAI_OK
                || thermoai_hardware_preset_find("h100-sxm-measured", &hw) != THERMOAI_OK
                || thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK)
                return -1;
            p.context = 2048;
            st = thermoai_trilemma_memory_batch(&a, &p, &hw, 0.0, &bmax);
            /* the model's argmin of Theorem 4.2's product over 1 .. 1024 (memory ignored) */
            memset(&best, 0, sizeof best);
            for (b = 1; b <= 1024; b++) {
                p.batch = b;
                memset(&pt, 0, sizeof pt);
                pt.struct_size = (uint32_t)sizeof pt;
                if (thermoai_trilemma_evaluate(&a, &p, &hw, NULL, &pt) != THERMOAI_OK)
                    return -1;
                if (b == 1 || pt.product_j_s2 < best.product_j_s2)
                    best = pt;
            }
            snprintf(cond, sizeof cond,
                     "model, not measurement: the batch minimising latency x energy per token / throughput "
                     "of the roofline model (%s on h100-sxm-measured, ideal serving, context 2048, batches "
                     "1-1024, memory not enforced); there %.3g J per token; the memory cap "
                     "(thermoai_trilemma_memory_batch) is %s%llu",
                     table4[i].preset, best.energy_per_token_j, st == THERMOAI_OK ? "" : "none: does not fit, ",
                     (unsigned long long)bmax);
            snprintf(id, sizeof id, "T002-table4.%02d", k++);
            snprintf(q, sizeof q, "model optimum of Theorem 4.2's product, %s, 2K", table4[i].name);
            rc |= repro_add_rerun(l, id, q, "1", table4[i].b2k, table4[i].b2k_t, best.batch, cond);
        }
    }
    return rc;
}

/* E002-ex1.1: dense attention at 32K for a 175B model. */
static int ex11(struct repro_list *l)
{
    double per_layer = 0.0, t_j = 0.0, year_j = 0.0;
    const double L = 96.0;
    int rc = 0;
    struct repro_spec s = { 0 };
    struct repro_reading rd[1] = { { "one layer instead of all 96", 0.0 } };

    if (thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_DENSE, 32768.0, 12288.0, 1.0, 0.0, 0.0, &per_layer)
            != THERMOAI_OK
        || thermoai_energy_from_power_j(700.0, per_layer * L / 3e14, &t_j) != THERMOAI_OK
        || thermoai_energy_from_power_j(19.4 * 1e6 / 86400.0, 365.0 * 86400.0, &year_j) != THERMOAI_OK)
        return -1;
    s.id = "E002-ex1.1.01";
    s.quantity = "dense attention FLOPs, 2 N^2 d L, N = 32768, d = 12288, L = 96";
    s.unit = "FLOP";
    s.paper_text = "≈ 2.5 × 10^15";
    s.paper = 2.5e15;
    s.computed = per_layer * L;
    s.note = "thermoai_paper_energy_attention_j(dense) with e_flop = 1 per layer, times L";
    rc |= repro_add(l, &s);
    memset(&s, 0, sizeof s);
    rd[0].value = t_j / L;
    s.id = "E002-ex1.1.02";
    s.quantity = "energy per inference at 700 W and 3e14 FLOP/s";
    s.unit = "J";
    s.paper_text = "≈ 19.4 Joules";
    s.paper = 19.4;
    s.computed = t_j;
    s.readings = rd;
    s.n_readings = 1;
    s.note = "2.53e15 FLOPs / 3e14 FLOP/s = 8.4 s at 700 W; 19.4 J would be 27.7 ms at 700 W";
    rc |= repro_add(l, &s);
    memset(&s, 0, sizeof s);
    s.id = "E002-ex1.1.03";
    s.quantity = "a year at 1M queries/day of the printed 19.4 J";
    s.unit = "J";
    s.paper_text = "≈ 7.1 GJ/year";
    s.paper = 7.1e9;
    s.computed = year_j;
    s.note = "from the printed 19.4 J (chain)";
    rc |= repro_add(l, &s);
    memset(&s, 0, sizeof s);
    s.id = "E002-ex1.1.04";
    s.quantity = "the same in MWh";
    s.unit = "MWh";
    s.paper_text = "≈ 2.0 MWh/year";
    s.paper = 2.0;
    s.computed = year_j / 3.6e9;
    s.note = "from the printed 19.4 J (chain); in MWh (3.6e9 J) so that the printed digits set the precision";
    rc |= repro_add(l, &s);
    memset(&s, 0, sizeof s);
    s.id = "E002-ex1.1.05";
    s.quantity = "saving of halving attention";
    s.unit = "MWh";
    s.paper_text = "≈ 1.0 MWh/year";
    s.paper = 1.0;
    s.computed = year_j / 2.0 / 3.6e9;
    s.note = "from the printed 19.4 J (chain); in MWh as printed";
    rc |= repro_add(l, &s);
    {
        double corrected = 0.0;

        if (thermoai_energy_from_power_j(t_j * 1e6 / 86400.0, 365.0 * 86400.0, &corrected) != THERMOAI_OK)
            return -1;
        memset(&s, 0, sizeof s);
        s.id = "E002-ex1.1.06";
        s.quantity = "a year at 1M queries/day, corrected chain (5911 J per inference)";
        s.unit = "MWh";
        s.paper_text = "≈ 2.0 MWh/year";
        s.paper = 2.0;
        s.computed = corrected / 3.6e9;
        s.note = "the corrected per-inference energy carried through";
        rc |= repro_add(l, &s);
    }
    rc |= repro_add_not_derivable(l, "E002-ex1.1.07", "US homes powered for a day by 1.0 MWh", "1", 90.0,
                                  "90 US homes for a day", "a US home's daily consumption (not stated)");
    return rc;
}

static int spec(struct repro_list *l, const char *id, const char *q, const char *unit, const char *text,
                double paper, double computed, const struct repro_reading *rd, size_t n, const char *note)
{
    struct repro_spec s = { 0 };

    s.id = id;
    s.quantity = q;
    s.unit = unit;
    s.paper_text = text;
    s.paper = paper;
    s.computed = computed;
    s.readings = rd;
    s.n_readings = n;
    s.note = note;
    return repro_add(l, &s);
}

/* E002-ex4.1: Theorem 4.1's terms for GPT-3 as Example 4.1 fills them in. */
static int ex41(struct repro_list *l)
{
    thermoai_paper_energy_train_terms t;
    double fb = 0.0, at = 0.0, ck = 0.0, cm = 0.0, all = 0.0, at_once = 0.0;
    int rc = 0;
    struct repro_reading rd[1] = { { "each layer's attention counted once (no factor H)", 0.0 } };

    if (thermoai_paper_energy_train_terms_init(&t, sizeof t) != THERMOAI_OK)
        return -1;
    t.e_flop_j = 1.0;
    t.e_attn_j = 1.0;
    t.params = 175e9;
    t.steps = 300e9;
    t.layers = 96.0;
    t.heads = 96.0;
    t.seq_len = 2048.0;
    t.d_model = 12288.0;
    t.batch = 2048.0;
    if (thermoai_paper_energy_training_j(&t, &fb, &at, &ck, &cm, &all) != THERMOAI_OK)
        return -1;
    t.heads = 1.0;
    if (thermoai_paper_energy_training_j(&t, &cm, &at_once, &ck, &cm, &all) != THERMOAI_OK)
        return -1;
    rd[0].value = at_once;
    rc |= spec(l, "E002-ex4.1.01", "forward/backward FLOPs, 6 x 175B x 300B", "FLOP", "3.15 × 10^23", 3.15e23, fb,
               NULL, 0, "Eq. (13)'s first term with e_flop = 1");
    rc |= spec(l, "E002-ex4.1.02", "attention FLOPs, 4 L H N^2 d S / B with S / B = 300B / 2048", "FLOP",
               "9.2 × 10^22", 9.2e22, at, rd, 1, "Eq. (13)'s second term with e_attn = 1");
    rc |= spec(l, "E002-ex4.1.03", "attention fraction from the printed FLOPs", "1", "≈ 29%", 0.29, 9.2e22 / 3.15e23,
               NULL, 0, "chain");
    rc |= spec(l, "E002-ex4.1.04", "attention fraction, corrected chain", "1", "≈ 29%", 0.29, at / fb, NULL, 0,
               "the formula's own attention FLOPs over the forward/backward FLOPs");
    {
        struct repro_reading r2[1] = { { "attention / (attention + forward/backward), printed 2K value x 16", 0.0 } };

        r2[0].value = 16.0 * 9.2e22 / (16.0 * 9.2e22 + 3.15e23);
        rc |= spec(l, "E002-ex4.1.05", "attention share at 32K (16 x the 2K attention)", "1", "87%", 0.87,
                   16.0 * at / (16.0 * at + fb), r2, 1, "share of total compute, from the formula at N = 32768");
    }
    return rc;
}

/* E002-ex4.3: dense vs SSA attention FLOPs at 128K for a 70B model (d = 8192, L = 80). */
static int ex43(struct repro_list *l)
{
    double dense = 0.0, ssa = 0.0, dense_k = 0.0, ssa_k = 0.0;
    int rc = 0;
    struct repro_reading rd[2] = { { "128K = 128000 tokens", 0.0 }, { "128K = 128000 and a stray factor 10", 0.0 } };

    if (thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_DENSE, 131072.0, 8192.0, 1.0, 0.0, 0.0, &dense)
            != THERMOAI_OK
        || thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_SSA, 131072.0, 8192.0, 1.0, 0.0, 0.0, &ssa)
               != THERMOAI_OK
        || thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_DENSE, 128000.0, 8192.0, 1.0, 0.0, 0.0, &dense_k)
               != THERMOAI_OK
        || thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_SSA, 128000.0, 8192.0, 1.0, 0.0, 0.0, &ssa_k)
               != THERMOAI_OK)
        return -1;
    rd[0].value = 80.0 * dense_k;
    rd[1].value = 800.0 * dense_k;
    rc |= spec(l, "E002-ex4.3.01", "dense attention FLOPs, 2 x 128K^2 x 8192 x 80", "FLOP", "2.1 × 10^17", 2.1e17,
               80.0 * dense, rd, 2, "Theorem 4.6 dense term with e_flop = 1, times 80 (the example's x 80)");
    rd[0].value = 80.0 * ssa_k;
    rd[1].value = 800.0 * ssa_k;
    rc |= spec(l, "E002-ex4.3.02", "SSA attention FLOPs, 2 x 128K^1.5 x 8192 x 80", "FLOP", "6.0 × 10^14", 6.0e14,
               80.0 * ssa, rd, 2, "Theorem 4.6 SSA term with e_flop = 1, times 80");
    rc |= spec(l, "E002-ex4.3.03", "dense / SSA from the printed FLOPs", "1", "350×", 350.0, 2.1e17 / 6.0e14, NULL, 0,
               "chain");
    rd[0].value = dense_k / ssa_k;
    rc |= spec(l, "E002-ex4.3.04", "dense / SSA, N^0.5 at N = 131072", "1", "350×", 350.0, dense / ssa, rd, 1, NULL);
    {
        struct repro_reading r2[1] = { { "attention share 40 % x (1 - SSA/dense) at 128000", 0.0 } };

        r2[0].value = 0.4 * (1.0 - ssa_k / dense_k);
        rc |= spec(l, "E002-ex4.3.05", "total model energy reduction (attention 40 % of compute)", "1", "≈ 47%", 0.47,
                   0.4 * (1.0 - ssa / dense), r2, 1, "a 40 % share can save at most 40 %");
    }
    return rc;
}

/* T002-table1: training energy from training FLOPs under the caption's assumptions
 * (H100 at 700 W, 50 % utilization, 1e15 FLOP/s). */
static int table_1(struct repro_list *l)
{
    static const struct { const char *id, *name, *text; double flop, mwh; } rows[] = {
        { "T002-table1.01", "GPT-3", "1,300", 3.1e23, 1300.0 },
        { "T002-table1.02", "GPT-4 (est.)", "51,000", 1.8e25, 51000.0 },
        { "T002-table1.03", "LLaMA-2 70B", "7,200", 1.7e24, 7200.0 },
        { "T002-table1.04", "Gemini Ultra (est.), FLOPs > 1e25", ">50,000", 1e25, 50000.0 },
    };
    size_t i;
    int rc = 0;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        double e = 0.0, e_full = 0.0, e_half_w = 0.0;
        struct repro_reading rd[2] = { { "utilization ignored (1e15 FLOP/s at 700 W)", 0.0 },
                                       { "utilization applied to the power too (350 W at 1e15 FLOP/s)", 0.0 } };
        char q[96];

        if (thermoai_energy_from_power_j(700.0, rows[i].flop / (0.5 * 1e15), &e) != THERMOAI_OK
            || thermoai_energy_from_power_j(700.0, rows[i].flop / 1e15, &e_full) != THERMOAI_OK
            || thermoai_energy_from_power_j(350.0, rows[i].flop / 1e15, &e_half_w) != THERMOAI_OK)
            return -1;
        rd[0].value = e_full / 3.6e9;
        rd[1].value = e_half_w / 3.6e9;
        snprintf(q, sizeof q, "training energy of %s from its FLOPs", rows[i].name);
        rc |= spec(l, rows[i].id, q, "MWh", rows[i].text, rows[i].mwh, e / 3.6e9, rd, 2,
                   "FLOPs / (0.5 x 1e15 FLOP/s) x 700 W, in MWh as printed; GPT-3's 1,300 is Patterson et "
                   "al.'s measured 1,287 MWh on V100s, not this formula");
    }
    return rc;
}

int repro_paper002_serving(struct repro_list *list)
{
    int rc = 0;

    rc |= table_4(list);
    rc |= ex11(list);
    rc |= ex41(list);
    rc |= table_1(list);
    rc |= ex43(list);
    return rc != 0 ? -1 : 0;
}
