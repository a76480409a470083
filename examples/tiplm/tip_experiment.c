/* SPDX-License-Identifier: MIT */
/*
 * tip_experiment: the TIP experiment of issue 14 item 3 (paper 000 Sec. 5.3) on
 * the tiny byte-level transformer of examples/tiplm.
 *
 *   tip_experiment --ckpt CKPT --text bible.txt [--windows 64] [--loo-windows N]
 *                  [--calib 64] [--hw h100-sxm] [--md FILE] [--tsv FILE]
 *   tip_experiment --toy            (a random "tiny" model on synthetic text: the smoke test)
 *
 * It measures on the first --windows validation windows (129 bytes, stride 128):
 * the dense model; magnitude and Wanda pruning of every block matrix (unstructured
 * at 50 % and 60 %, and 2:4); TIP over heads and FFN neurons with exact
 * leave-one-out and first-order Taylor losses, selected by thermoai_tip_select at
 * 50 % and 60 % of the structured parameters and at energy targets; the energy each
 * saves from the cost model (decode, one sequence, context 128, bf16, on --hw); and
 * the Spearman correlation of Taylor with leave-one-out. Calibration (Taylor
 * gradients, Wanda activation norms) uses the first --calib training windows.
 * Results go to stdout (markdown), --md and --tsv.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <thermoai/thermoai.h>

#include "examples/tiplm/tiplm.h"

#define LN2 0.69314718055994530942

struct row {
    const char *method, *unit, *scores;
    double target;   /* sparsity or energy target asked for */
    double removed;  /* fraction of prunable weights (unstructured) or structured params removed */
    double loss;     /* measured, nats/byte */
    double e_dense;  /* energy saved, dense storage / structured removal, fraction */
    double e_sparse; /* saved under the stated sparse format (NaN: not applicable) */
    double e_serv;   /* structured, or the sparse format, with the cuda-graphs serving stack */
    double pred;     /* predicted degradation (TIP), NaN otherwise */
};

struct ctx {
    tiplm_model m;
    tiplm_data d;
    tiplm_evaluator es, el, ew; /* structured (report), structured (leave-one-out), weights */
    thermoai_model_arch arch;
    thermoai_work_params wp;
    thermoai_hardware hw;
    thermoai_cost_serving sv;
    struct row rows[32];
    int nrows;
    double dense;
};

static int fail(const char *what, int st)
{
    fprintf(stderr, "tip_experiment: %s failed (%d)\n", what, st);
    return -1;
}

static double secs(void)
{
    return (double)clock() / CLOCKS_PER_SEC;
}

/* Unstructured energy share saved at sparsity s: dense (always 0) and a sparse reading. */
static int unstructured_energy(struct ctx *c, double s, double index_bits, double *dense,
                               double *sparse, double *serv)
{
    double saved, total;
    int st = thermoai_tip_unstructured_energy_j(&c->arch, &c->wp, THERMOAI_TIP_DECODE, &c->hw, NULL,
                                                THERMOAI_TIP_STORE_DENSE, s, 0.0, &saved, &total);
    if (st != THERMOAI_OK)
        return fail("thermoai_tip_unstructured_energy_j (dense)", st);
    *dense = saved / total;
    st = thermoai_tip_unstructured_energy_j(&c->arch, &c->wp, THERMOAI_TIP_DECODE, &c->hw, NULL,
                                            THERMOAI_TIP_STORE_SPARSE, s, index_bits, &saved, &total);
    if (st != THERMOAI_OK)
        return fail("thermoai_tip_unstructured_energy_j (sparse)", st);
    *sparse = saved / total;
    st = thermoai_tip_unstructured_energy_j(&c->arch, &c->wp, THERMOAI_TIP_DECODE, &c->hw, &c->sv,
                                            THERMOAI_TIP_STORE_SPARSE, s, index_bits, &saved, &total);
    if (st != THERMOAI_OK)
        return fail("thermoai_tip_unstructured_energy_j (sparse, serving)", st);
    *serv = saved / total;
    return 0;
}

/* method: 0 magnitude, 1 Wanda; nm: 0 unstructured, else 2:4. */
static int unstructured(struct ctx *c, int method, int nm, double s, const double *act_norm)
{
    const int nmat = tiplm_n_matrices(&c->m.cfg);
    uint8_t *mask = malloc(tiplm_n_prunable(&c->m.cfg));
    float *wt = NULL;
    uint8_t *kt = NULL;
    void *ws = NULL;
    size_t wsb = 0, an = 0, kept = 0, total = 0;
    struct row *r = &c->rows[c->nrows];
    int k, rc = -1;

    if (!mask)
        return -1;
    for (k = 0; k < nmat; k++) {
        tiplm_matrix mt;
        size_t i, j, rows, cols;
        int st;

        tiplm_matrix_at(&c->m, k, &mt);
        /* tiplm stores [in][out]; thermoai_prune_* wants [out][in] row-major. */
        rows = (size_t)mt.cols;
        cols = (size_t)mt.rows;
        free(wt);
        free(kt);
        free(ws);
        wt = malloc(rows * cols * sizeof *wt);
        kt = malloc(rows * cols);
        ws = NULL;
        if (!wt || !kt || thermoai_prune_workspace_bytes(rows, cols, &wsb) != THERMOAI_OK ||
            !(ws = malloc(wsb)))
            goto done;
        for (i = 0; i < cols; i++)
            for (j = 0; j < rows; j++)
                wt[j * cols + i] = (float)c->m.w[mt.offset + i * rows + j];
        if (nm)
            st = method == 0 ? thermoai_prune_magnitude_nm(rows, cols, wt, 2, 4, kt)
                             : thermoai_prune_wanda_nm(rows, cols, wt, act_norm + an, 2, 4, kt);
        else
            st = method == 0 ? thermoai_prune_magnitude(rows, cols, wt, s, ws, wsb, kt)
                             : thermoai_prune_wanda(rows, cols, wt, act_norm + an, s, ws, wsb, kt);
        if (st != THERMOAI_OK) {
            fail("thermoai_prune_*", st);
            goto done;
        }
        for (i = 0; i < cols; i++)
            for (j = 0; j < rows; j++) {
                mask[mt.first + i * rows + j] = kt[j * cols + i];
                kept += kt[j * cols + i];
            }
        total += rows * cols;
        an += (size_t)mt.rows;
    }
    r->method = method == 0 ? "Magnitude" : "Wanda";
    r->unit = nm ? "2:4 (per output row, groups of 4 inputs)" : "unstructured";
    r->scores = method == 0 ? "abs(W), per matrix" : "abs(W) x norm(X), per output row";
    r->target = nm ? 0.5 : s;
    r->removed = 1.0 - (double)kept / (double)total;
    r->pred = (double)NAN;
    if (tiplm_eval(mask, &c->ew, &r->loss) != 0) {
        fail("tiplm_eval", -1);
        goto done;
    }
    /* Sparse reading: 2:4 with NVIDIA's 2-bit metadata; unstructured as a bitmap (1/(1-s)). */
    if (unstructured_energy(c, r->removed, nm ? 2.0 : 1.0 / (1.0 - r->removed), &r->e_dense,
                            &r->e_sparse, &r->e_serv) != 0)
        goto done;
    c->nrows++;
    rc = 0;
done:
    free(mask);
    free(wt);
    free(kt);
    free(ws);
    return rc;
}

/* Energy share saved by removing the structured components keep == 0 marks: the sum of
 * the cost model's removals of that many heads and that many neurons (each kind
 * removed alone; the roofline is not additive, doc/tip.md). */
static int structured_energy(struct ctx *c, const uint8_t *keep, const thermoai_cost_serving *sv,
                             double *share)
{
    const size_t nh = (size_t)c->m.cfg.layers * (size_t)c->m.cfg.heads;
    const size_t n = nh + (size_t)c->m.cfg.layers * (size_t)c->m.cfg.ffn;
    size_t i, rh = 0, rn = 0;
    double e, t = 0, sum = 0;
    int st;

    for (i = 0; i < n; i++)
        if (!keep[i])
            *(i < nh ? &rh : &rn) += 1;
    if (rh) {
        st = thermoai_tip_component_energy_j(&c->arch, &c->wp, THERMOAI_TIP_DECODE, &c->hw, sv,
                                             THERMOAI_TIP_KIND_HEAD, rh, &e, &t);
        if (st != THERMOAI_OK)
            return fail("thermoai_tip_component_energy_j (heads)", st);
        sum += e;
    }
    if (rn) {
        st = thermoai_tip_component_energy_j(&c->arch, &c->wp, THERMOAI_TIP_DECODE, &c->hw, sv,
                                             THERMOAI_TIP_KIND_NEURON, rn, &e, &t);
        if (st != THERMOAI_OK)
            return fail("thermoai_tip_component_energy_j (neurons)", st);
        sum += e;
    }
    *share = t > 0 ? sum / t : 0.0;
    return 0;
}

static int tip_row(struct ctx *c, const char *scores, const double *delta, const double *energy,
                   const double *size, double total_j, uint32_t target, double value)
{
    const size_t n = (size_t)c->m.cfg.layers * ((size_t)c->m.cfg.heads + (size_t)c->m.cfg.ffn);
    struct row *r = &c->rows[c->nrows];
    uint8_t *keep = malloc(n);
    void *ws = NULL;
    size_t wsb = 0;
    double saved, sizef, pred;
    int st, rc = -1;

    if (!keep || thermoai_tip_select_workspace_bytes(n, &wsb) != THERMOAI_OK || !(ws = malloc(wsb)))
        goto done;
    st = thermoai_tip_select(n, energy, delta, size, total_j, target, value, ws, wsb, keep, NULL,
                             &saved, &sizef, &pred);
    if (st != THERMOAI_OK) {
        fail("thermoai_tip_select", st);
        goto done;
    }
    r->method = "TIP";
    r->unit = target == THERMOAI_TIP_TARGET_SPARSITY ? "heads + neurons, sparsity target"
                                                     : "heads + neurons, energy target";
    r->scores = scores;
    r->target = value;
    r->removed = sizef;
    r->pred = pred;
    r->e_sparse = (double)NAN;
    if (tiplm_eval(keep, &c->es, &r->loss) != 0 || structured_energy(c, keep, NULL, &r->e_dense) != 0 ||
        structured_energy(c, keep, &c->sv, &r->e_serv) != 0)
        goto done;
    c->nrows++;
    rc = 0;
done:
    free(keep);
    free(ws);
    return rc;
}

static void print_table(FILE *f, const struct ctx *c)
{
    int i;

    fprintf(f, "| method | unit | scores | target | removed | bits/byte | PPL/byte | "
               "degradation | energy saved (dense / structured) | energy saved (sparse format) | "
               "with cuda-graphs serving |\n"
               "|---|---|---|---|---|---|---|---|---|---|---|\n");
    fprintf(f, "| Dense | - | - | - | 0%% | %.4f | %.4f | 0%% | 0%% | - | 0%% |\n", c->dense / LN2,
            exp(c->dense));
    for (i = 0; i < c->nrows; i++) {
        const struct row *r = &c->rows[i];

        fprintf(f, "| %s | %s | %s | %.0f%% | %.1f%% | %.4f | %.4f | %+.1f%%", r->method, r->unit,
                r->scores, 100 * r->target, 100 * r->removed, r->loss / LN2, exp(r->loss),
                100 * expm1(r->loss - c->dense));
        if (!isnan(r->pred))
            fprintf(f, " (pred. %+.1f%%)", 100 * r->pred);
        fprintf(f, " | %.1f%% | ", 100 * r->e_dense);
        if (isnan(r->e_sparse))
            fprintf(f, "- | ");
        else
            fprintf(f, "%.1f%% | ", 100 * r->e_sparse);
        fprintf(f, "%.2g%% |\n", 100 * r->e_serv);
    }
}

static void print_tsv(FILE *f, const struct ctx *c)
{
    int i;

    fprintf(f, "method\tunit\tscores\ttarget\tremoved\tloss_nats\tbpb\tppl\tenergy_saved_dense\t"
               "energy_saved_sparse\tenergy_saved_serving\n");
    fprintf(f, "Dense\t-\t-\t0\t0\t%.6f\t%.6f\t%.6f\t0\tnan\t0\n", c->dense, c->dense / LN2,
            exp(c->dense));
    for (i = 0; i < c->nrows; i++) {
        const struct row *r = &c->rows[i];

        fprintf(f, "%s\t%s\t%s\t%.3f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\t%.6f\n", r->method, r->unit,
                r->scores, r->target, r->removed, r->loss, r->loss / LN2, exp(r->loss), r->e_dense,
                r->e_sparse, r->e_serv);
    }
}

static const char paper_table[] =
    "Paper 000 Sec. 5.3 (LLaMA-2-7B, as printed; no dataset, context, calibration set,\n"
    "hardware or sparsity unit stated):\n\n"
    "| method | sparsity | perplexity | energy reduction |\n"
    "|---|---|---|---|\n"
    "| Dense baseline | 0% | 5.47 | 0% |\n"
    "| Magnitude | 50% | 7.83 | 38% |\n"
    "| Wanda | 50% | 6.12 | 39% |\n"
    "| SparseGPT | 50% | 5.89 | 40% |\n"
    "| TIP (ours) | 50% | 5.54 | 40% |\n"
    "| TIP (ours) | 60% | 5.81 | 51% |\n";

int main(int argc, char **argv)
{
    static struct ctx c;
    const char *ckpt = NULL, *text = NULL, *hwname = "h100-sxm", *md = NULL, *tsv = NULL;
    size_t windows = 64, loo_windows = 0, calib = 64;
    int toy = 0, i, st;
    size_t nh, nn, n, k;
    double *taylor = NULL, *act = NULL, *loo = NULL, *tay = NULL, *energy = NULL, *size = NULL;
    double e_head, e_neuron, total_j, e_head_sv, total_sv, base_loo, rho_all, rho_h, rho_n, t0, t_loo, t_all;
    void *ws = NULL;
    size_t wsb;
    uint8_t *mws = NULL;
    FILE *f;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

        if (!strcmp(a, "--toy"))
            toy = 1;
        else if (v && !strcmp(a, "--ckpt"))
            ckpt = argv[++i];
        else if (v && !strcmp(a, "--text"))
            text = argv[++i];
        else if (v && !strcmp(a, "--windows"))
            windows = (size_t)strtoul(argv[++i], NULL, 10);
        else if (v && !strcmp(a, "--loo-windows"))
            loo_windows = (size_t)strtoul(argv[++i], NULL, 10);
        else if (v && !strcmp(a, "--calib"))
            calib = (size_t)strtoul(argv[++i], NULL, 10);
        else if (v && !strcmp(a, "--hw"))
            hwname = argv[++i];
        else if (v && !strcmp(a, "--md"))
            md = argv[++i];
        else if (v && !strcmp(a, "--tsv"))
            tsv = argv[++i];
        else {
            fprintf(stderr, "usage: tip_experiment (--toy | --ckpt CKPT --text TEXT) [--windows N] "
                            "[--loo-windows N] [--calib N] [--hw NAME] [--md F] [--tsv F]\n");
            return !strcmp(a, "--help") ? 0 : 2;
        }
    }
    t0 = secs();
    if (toy) {
        tiplm_config cfg;
        uint8_t *buf = malloc(200000);
        size_t j;

        if (!buf || tiplm_config_preset(&cfg, "tiny") != 0 || tiplm_model_init(&c.m, &cfg, 7) != 0)
            return fail("toy model", 1), 1;
        for (j = 0; j < 200000; j++) /* a fixed, slightly structured byte stream */
            buf[j] = (uint8_t)("in the beginning god created "[j % 29] ^ (uint8_t)((j / 97) & 1));
        st = tiplm_data_from_bytes(&c.d, buf, 200000);
        free(buf);
        if (st != 0)
            return fail("tiplm_data_from_bytes", st), 1;
        windows = windows > 16 ? 16 : windows;
        calib = calib > 16 ? 16 : calib;
    } else {
        if (!ckpt || !text)
            return fail("--ckpt and --text are required", 2), 2;
        if (tiplm_load(&c.m, ckpt, NULL, NULL) != 0)
            return fail("tiplm_load", 1), 1;
        if (tiplm_data_load(&c.d, text) != 0)
            return fail("tiplm_data_load", 1), 1;
    }
    if (!loo_windows)
        loo_windows = windows;
    if (tiplm_evaluator_create(&c.es, &c.m, &c.d, TIPLM_MASK_STRUCTURED, windows) != 0 ||
        tiplm_evaluator_create(&c.el, &c.m, &c.d, TIPLM_MASK_STRUCTURED, loo_windows) != 0 ||
        tiplm_evaluator_create(&c.ew, &c.m, &c.d, TIPLM_MASK_WEIGHTS, windows) != 0)
        return fail("tiplm_evaluator_create", 1), 1;
    windows = c.es.windows;
    loo_windows = c.el.windows;

    /* The cost model's view of the same architecture: decode of one sequence at context
     * ctx, weights and activations in bf16 (16 bits), on the named profile. */
    if ((st = thermoai_model_arch_init(&c.arch, sizeof c.arch)) != THERMOAI_OK ||
        (st = thermoai_work_params_init(&c.wp, sizeof c.wp)) != THERMOAI_OK ||
        (st = thermoai_hardware_init(&c.hw, sizeof c.hw)) != THERMOAI_OK ||
        (st = thermoai_hardware_preset_find(hwname, &c.hw)) != THERMOAI_OK ||
        (st = thermoai_cost_serving_init(&c.sv, sizeof c.sv)) != THERMOAI_OK ||
        (st = thermoai_cost_serving_preset("cuda-graphs", &c.sv)) != THERMOAI_OK)
        return fail("cost model setup", st), 1;
    c.arch.layers = (uint32_t)c.m.cfg.layers;
    c.arch.heads = (uint32_t)c.m.cfg.heads;
    c.arch.kv_heads = (uint32_t)c.m.cfg.heads;
    c.arch.d_model = (uint64_t)c.m.cfg.dim;
    c.arch.d_ff = (uint64_t)c.m.cfg.ffn;
    c.arch.vocab_size = (uint64_t)c.m.cfg.vocab;
    c.arch.context_length = (uint64_t)c.m.cfg.ctx;
    c.wp.context = (uint64_t)c.m.cfg.ctx;

    if (tiplm_eval(NULL, &c.es, &c.dense) != 0)
        return fail("tiplm_eval (dense)", 1), 1;

    nh = (size_t)c.m.cfg.layers * (size_t)c.m.cfg.heads;
    nn = (size_t)c.m.cfg.layers * (size_t)c.m.cfg.ffn;
    n = nh + nn;
    taylor = malloc(n * sizeof *taylor);
    tay = malloc(n * sizeof *tay);
    loo = malloc(n * sizeof *loo);
    energy = malloc(n * sizeof *energy);
    size = malloc(n * sizeof *size);
    act = malloc(tiplm_act_norm_len(&c.m.cfg) * sizeof *act);
    mws = malloc(n);
    if (!taylor || !tay || !loo || !energy || !size || !act || !mws ||
        thermoai_tip_select_workspace_bytes(n, &wsb) != THERMOAI_OK || !(ws = malloc(wsb)))
        return fail("malloc", 1), 1;
    if (tiplm_taylor(&c.m, &c.d, calib, 16, taylor, NULL, act) != 0)
        return fail("tiplm_taylor", 1), 1;

    /* Baselines on the weights. */
    if (unstructured(&c, 0, 0, 0.5, act) || unstructured(&c, 0, 0, 0.6, act) ||
        unstructured(&c, 1, 0, 0.5, act) || unstructured(&c, 1, 0, 0.6, act) ||
        unstructured(&c, 0, 1, 0.5, act) || unstructured(&c, 1, 1, 0.5, act))
        return 1;

    /* Structured components: energies and sizes. */
    if ((st = thermoai_tip_component_energy_j(&c.arch, &c.wp, THERMOAI_TIP_DECODE, &c.hw, NULL,
                                              THERMOAI_TIP_KIND_HEAD, 1, &e_head, &total_j)) !=
            THERMOAI_OK ||
        (st = thermoai_tip_component_energy_j(&c.arch, &c.wp, THERMOAI_TIP_DECODE, &c.hw, NULL,
                                              THERMOAI_TIP_KIND_NEURON, 1, &e_neuron, &total_j)) !=
            THERMOAI_OK ||
        (st = thermoai_tip_component_energy_j(&c.arch, &c.wp, THERMOAI_TIP_DECODE, &c.hw, &c.sv,
                                              THERMOAI_TIP_KIND_HEAD, 1, &e_head_sv, &total_sv)) !=
            THERMOAI_OK)
        return fail("thermoai_tip_component_energy_j", st), 1;
    for (k = 0; k < n; k++) {
        energy[k] = k < nh ? e_head : e_neuron;
        size[k] = k < nh ? 4.0 * c.m.cfg.dim * (c.m.cfg.dim / c.m.cfg.heads) : 3.0 * c.m.cfg.dim;
        tay[k] = fabs(taylor[k]);
    }
    t_loo = secs();
    st = thermoai_tip_loss_leave_one_out(n, NULL, tiplm_eval, &c.el, mws, n, &base_loo, loo);
    if (st != THERMOAI_OK)
        return fail("thermoai_tip_loss_leave_one_out", st), 1;
    t_loo = secs() - t_loo;
    if ((st = thermoai_tip_rank_correlation(n, tay, loo, ws, wsb, &rho_all)) != THERMOAI_OK ||
        (st = thermoai_tip_rank_correlation(nh, tay, loo, ws, wsb, &rho_h)) != THERMOAI_OK ||
        (st = thermoai_tip_rank_correlation(nn, tay + nh, loo + nh, ws, wsb, &rho_n)) != THERMOAI_OK)
        return fail("thermoai_tip_rank_correlation", st), 1;

    if (tip_row(&c, "exact leave-one-out", loo, energy, size, total_j, THERMOAI_TIP_TARGET_SPARSITY, 0.5) ||
        tip_row(&c, "exact leave-one-out", loo, energy, size, total_j, THERMOAI_TIP_TARGET_SPARSITY, 0.6) ||
        tip_row(&c, "Taylor abs(g.w)", tay, energy, size, total_j, THERMOAI_TIP_TARGET_SPARSITY, 0.5) ||
        tip_row(&c, "Taylor abs(g.w)", tay, energy, size, total_j, THERMOAI_TIP_TARGET_SPARSITY, 0.6))
        return 1;
    {
        /* Energy targets: 25 % and 50 % of what removing every head and neuron saves. */
        double all = (double)nh * e_head + (double)nn * e_neuron;

        if (tip_row(&c, "exact leave-one-out", loo, energy, size, total_j, THERMOAI_TIP_TARGET_ENERGY,
                    0.25 * all / total_j) ||
            tip_row(&c, "exact leave-one-out", loo, energy, size, total_j, THERMOAI_TIP_TARGET_ENERGY,
                    0.5 * all / total_j))
            return 1;
    }
    t_all = secs() - t0;

    for (i = 0; i < 2; i++) {
        f = i == 0 ? stdout : (md ? fopen(md, "w") : NULL);
        if (!f)
            continue;
        fprintf(f, "# TIP experiment on tiplm (examples/tiplm/tip_experiment.c)\n\n");
        fprintf(f, "Model: %s, %d layers x %d heads, d %d, %d FFN neurons per layer, context %d, "
                   "%zu prunable block weights.\n",
                toy ? "random tiny (smoke test)" : ckpt, c.m.cfg.layers, c.m.cfg.heads,
                c.m.cfg.dim, c.m.cfg.ffn, c.m.cfg.ctx, tiplm_n_prunable(&c.m.cfg));
        fprintf(f, "Evaluation: the first %zu validation windows (%zu predicted bytes); "
                   "leave-one-out scores on the first %zu. Calibration (Taylor, Wanda norms): "
                   "the first %zu training windows.\n",
                windows, windows * (size_t)c.m.cfg.ctx, loo_windows, calib);
        fprintf(f, "Energy: cost model, decode, batch 1, context %d, bf16, profile %s, no serving "
                   "overhead: E_total %.4g J/token, one head %.4g J, one neuron %.4g J.\n",
                c.m.cfg.ctx, hwname, total_j, e_head, e_neuron);
        fprintf(f, "With the cuda-graphs serving stack (per-step overheads): E_total %.4g J/token, "
                   "one head %.4g J.\n", total_sv, e_head_sv);
        fprintf(f, "Sparse-format reading for unstructured rows: bitmap (1/(1-s) index bits per "
                   "kept weight), 2:4 with 2-bit metadata; zero-skipping kernel at full speed.\n\n");
        print_table(f, &c);
        fprintf(f, "\nSpearman rho (|Taylor| vs exact leave-one-out): all %zu components %.3f, "
                   "heads %.3f, neurons %.3f. Leave-one-out base loss %.4f nats (%zu windows).\n",
                n, rho_all, rho_h, rho_n, base_loo, loo_windows);
        fprintf(f, "CPU time: %.1f s in all, %.1f s of it the %zu leave-one-out evaluations "
                   "(one thread, %s kernel).\n\n",
                t_all, t_loo, n + 1, tiplm_simd_name());
        fputs(paper_table, f);
        if (f != stdout)
            fclose(f);
    }
    if (tsv && (f = fopen(tsv, "w")) != NULL) {
        print_tsv(f, &c);
        fprintf(f, "#rho\t%.6f\t%.6f\t%.6f\n#windows\t%zu\t%zu\t%zu\n", rho_all, rho_h, rho_n,
                windows, loo_windows, calib);
        fclose(f);
    }
    tiplm_evaluator_free(&c.es);
    tiplm_evaluator_free(&c.el);
    tiplm_evaluator_free(&c.ew);
    tiplm_model_free(&c.m);
    tiplm_data_free(&c.d);
    free(taylor);
    free(tay);
    free(loo);
    free(energy);
    free(size);
    free(act);
    free(mws);
    free(ws);
    return 0;
}
