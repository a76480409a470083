/* SPDX-License-Identifier: MIT */
/*
 * Paper 002: "A Unified Mathematical Theory of Energy-Efficient AI"
 * (shared/papers/002_*.txt).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "calls.h"
#include "repro.h"
#include "ssa_measure.h"

/* E002-eq1: Eq. (1), Remark 3.1, Remark 3.2 and Sec. 12.5. The paper's own k_B
 * (Table 3: 1.38e-23 J/K) is reported as an alternative reading. */
static int eq1(struct repro_list *list)
{
    int rc = 0;
    const double gpu_j_per_flop = 1e-12; /* Remark 3.1: "approx 1 pJ per floating-point operation" */
    const double gap = REPRO_CALL(thermoai_landauer_ratio, gpu_j_per_flop, 300.0);
    struct repro_reading kb_doc = { "k_B = 1.38e-23 J/K as in Table 3", 0.0 };
    struct repro_spec s = { 0 };

    kb_doc.value = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 300.0) * (1.38e-23 / thermoai_constants_boltzmann_j_per_k());

    s.id = "E002-eq1.01";
    s.quantity = "E_min = k_B T ln 2 at T = 300 K, Eq. (1)";
    s.unit = "J";
    s.paper_text = "2.9 × 10^-21 J";
    s.paper = 2.9e-21;
    s.computed = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 300.0);
    s.readings = &kb_doc;
    s.n_readings = 1;
    rc |= repro_add(list, &s);

    s.readings = NULL;
    s.n_readings = 0;
    s.id = "E002-eq1.02";
    s.quantity = "1 pJ per FLOP over the Landauer limit at 300 K, Remark 3.1";
    s.unit = "1";
    s.paper_text = "3×10^8 times";
    s.paper = 3e8;
    s.computed = gap;
    s.note = "One FLOP counted as one bit erased, as the remark does";
    rc |= repro_add(list, &s);

    s.id = "E002-eq1.03";
    s.quantity = "Gap between the Landauer limit and hardware, Remark 3.2";
    s.paper_text = "≈10^8";
    s.paper = 1e8;
    s.form = REPRO_ORDER;
    s.note = "Computed from Remark 3.1's 1 pJ/FLOP at 300 K";
    rc |= repro_add(list, &s);

    s.id = "E002-eq1.04";
    s.quantity = "Hardware above the thermodynamic limit, Sec. 12.5 item 1";
    s.paper_text = "10^8 times";
    rc |= repro_add(list, &s);
    return rc;
}

/* ---- Sec. 11: SSA ----------------------------------------------------------------- */

/* Table 6 as printed (Sec. 11.3). */
static const struct {
    size_t n;
    double dense_s, ssa_s, speedup, relerr, cosine;
    const char *dense_t, *ssa_t, *speedup_t, *relerr_t, *cosine_t;
} table6[] = {
    { 128, 0.0006, 0.0034, 0.17, 0.8134, 0.9535, "0.0006", "0.0034", "0.17x", "0.8134", "0.9535" },
    { 256, 0.0030, 0.0074, 0.41, 1.1678, 0.9276, "0.0030", "0.0074", "0.41x", "1.1678", "0.9276" },
    { 512, 0.0150, 0.0220, 0.68, 1.5747, 0.8928, "0.0150", "0.0220", "0.68x", "1.5747", "0.8928" },
    { 1024, 0.0372, 0.0827, 0.45, 2.3218, 0.8675, "0.0372", "0.0827", "0.45x", "2.3218", "0.8675" },
    { 2048, 0.7865, 0.3917, 2.01, 3.2712, 0.8176, "0.7865", "0.3917", "2.01x", "3.2712", "0.8176" },
    { 4096, 3.1014, 1.5440, 2.01, 4.2556, 0.7601, "3.1014", "1.5440", "2.01x", "4.2556", "0.7601" },
};
#define TABLE6_ROWS (sizeof table6 / sizeof table6[0])

/* Least-squares slope of log y against log x. */
static double loglog_slope(const double *x, const double *y, size_t n)
{
    double mx = 0.0, my = 0.0, sxy = 0.0, sxx = 0.0;
    size_t i;

    for (i = 0; i < n; i++) {
        mx += log(x[i]) / (double)n;
        my += log(y[i]) / (double)n;
    }
    for (i = 0; i < n; i++) {
        sxy += (log(x[i]) - mx) * (log(y[i]) - my);
        sxx += (log(x[i]) - mx) * (log(x[i]) - mx);
    }
    return sxy / sxx;
}

/* T002-table6-derived: arithmetic on Table 6's printed columns and the claims made from them. */
static int table6_derived(struct repro_list *list)
{
    struct repro_spec s = { 0 };
    struct repro_reading trunc;
    char id[64], q[160], note[512];
    double speed[TABLE6_ROWS], xs[TABLE6_ROWS], dense[TABLE6_ROWS], ssa[TABLE6_ROWS];
    double lo = (double)INFINITY, hi = 0.0, frac, cross, slope_ssa, slope_dense, c_ratio;
    size_t i, k = 1;
    int rc = 0;

    for (i = 0; i < TABLE6_ROWS; i++) {
        speed[i] = table6[i].dense_s / table6[i].ssa_s;
        xs[i] = (double)table6[i].n;
        dense[i] = table6[i].dense_s;
        ssa[i] = table6[i].ssa_s;
        if (table6[i].n <= 1024) {
            lo = fmin(lo, speed[i]);
            hi = fmax(hi, speed[i]);
        }
        snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
        snprintf(q, sizeof q, "Speedup at N = %zu: Dense %s s / SSA %s s", table6[i].n,
                 table6[i].dense_t, table6[i].ssa_t);
        memset(&s, 0, sizeof s);
        s.id = id;
        s.quantity = q;
        s.unit = "1";
        s.paper_text = table6[i].speedup_t;
        s.paper = table6[i].speedup;
        s.computed = speed[i];
        trunc.label = "the ratio truncated, not rounded, to two decimals";
        trunc.value = floor(speed[i] * 100.0) / 100.0;
        s.readings = &trunc;
        s.n_readings = 1;
        rc |= repro_add(list, &s);
    }
    memset(&s, 0, sizeof s);
    snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
    s.id = id;
    s.quantity = "Smallest speedup for N <= 1024, Sec. 11.4 'slowdowns of 0.17x-0.68x'";
    s.unit = "1";
    s.paper_text = "0.17x";
    s.paper = 0.17;
    s.computed = lo;
    trunc.label = "the ratio truncated, not rounded, to two decimals";
    trunc.value = floor(lo * 100.0) / 100.0;
    s.readings = &trunc;
    s.n_readings = 1;
    rc |= repro_add(list, &s);
    s.readings = NULL;
    s.n_readings = 0;
    snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
    s.quantity = "Largest speedup for N <= 1024, Sec. 11.4 'slowdowns of 0.17x-0.68x'";
    s.paper_text = "0.68x";
    s.paper = 0.68;
    s.computed = hi;
    rc |= repro_add(list, &s);

    /* crossover: speedup 1 by log-log interpolation between the N = 1024 and 2048 rows,
     * the only bracket (the speedup is not monotone below: 0.68x at 512, 0.45x at 1024) */
    frac = log(1.0 / speed[3]) / log(speed[4] / speed[3]);
    cross = 1024.0 * pow(2.0, frac);
    snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
    s.quantity = "Crossover N (speedup 1) interpolated log-log between Table 6's N = 1024 and 2048 rows, Fig. 2a caption";
    s.unit = "1";
    s.paper_text = "N ≈ 1500";
    s.paper = 1500.0;
    s.computed = cross;
    c_ratio = table6[5].ssa_s / table6[5].dense_s * sqrt(4096.0);
    snprintf(note, sizeof note,
             "Sec. 11.4's own model t_SSA = c_SSA N^1.5, t_dense = c_dense N^2 puts the crossover at "
             "(c_SSA/c_dense)^2 = %.0f with the constants of the N = 4096 row and %.0f with those of "
             "the N = 2048 row: the model does not fit the table",
             c_ratio * c_ratio,
             pow(table6[4].ssa_s / table6[4].dense_s * sqrt(2048.0), 2.0));
    s.note = note;
    rc |= repro_add(list, &s);
    s.note = NULL;

    snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
    s.quantity = "Speedup at N = 4096 (Table 6 row), Abstract '2x speedup at N = 4096'";
    s.paper_text = "2×";
    s.paper = 2.0;
    s.computed = speed[5];
    rc |= repro_add(list, &s);

    /* growth of the speedup the stated complexities imply */
    snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
    s.quantity = "Speedup at N = 4096 implied by the N = 2048 row and O(N^2)/O(N^1.5) scaling (x sqrt 2)";
    s.paper_text = "2.01x";
    s.paper = 2.01;
    s.computed = speed[4] * sqrt(2.0);
    s.note = "the printed speedup stays at 2.01x from N = 2048 to 4096: over that doubling both "
             "columns grow by the same factor, so SSA is a constant factor cheaper there, not "
             "sqrt(N)";
    rc |= repro_add(list, &s);
    s.note = NULL;

    slope_ssa = loglog_slope(xs, ssa, TABLE6_ROWS);
    slope_dense = loglog_slope(xs, dense, TABLE6_ROWS);
    snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
    s.quantity = "Exponent of SSA time in N: least-squares log-log slope of Table 6's SSA column, Fig. 2a 'O(N^1.5)'";
    s.paper_text = "1.5";
    s.paper = 1.5;
    s.computed = slope_ssa;
    snprintf(note, sizeof note,
             "the last doubling (2048 -> 4096) alone gives %.3f for SSA and %.3f for dense",
             log(ssa[5] / ssa[4]) / log(2.0), log(dense[5] / dense[4]) / log(2.0));
    s.note = note;
    rc |= repro_add(list, &s);
    snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
    s.quantity = "Exponent of dense time in N: least-squares log-log slope of Table 6's Dense column, Fig. 2a 'O(N^2)'";
    s.paper_text = "2";
    s.paper = 2.0;
    s.computed = slope_dense;
    snprintf(note, sizeof note,
             "dense time grows %.1fx from N = 1024 to 2048 (exponent %.2f): the 1024 -> 2048 step "
             "dominates the fit",
             dense[4] / dense[3], log(dense[4] / dense[3]) / log(2.0));
    rc |= repro_add(list, &s);
    s.note = NULL;

    /* Fig. 3 at k = s = 64 (N = 4096) is Table 6's N = 4096 row */
    snprintf(id, sizeof id, "T002-table6-derived.%02zu", k++);
    s.quantity = "Fig. 3(a)/(b) speedup at k = s = 64, N = 4096, against Table 6 (3.1014 / 1.5440)";
    s.paper_text = "2.0x";
    s.paper = 2.0;
    s.computed = speed[5];
    rc |= repro_add(list, &s);

    /* the implied output norm: relerr^2 = 1 + r^2 - 2 r cos, for the N = 4096 row */
    snprintf(note, sizeof note,
             "reproduced; Table 6's error and cosine imply the SSA output norm ||Y||/||Y_dense|| = cos + "
             "sqrt(cos^2 + err^2 - 1): %.2f at N = 128, %.2f at N = 4096. Errors above 1 with "
             "cosines near 0.8 mean outputs several times larger than dense attention's, the "
             "signature of Algorithm 2's weight-1 samples when much of the mass leaves the "
             "clusters (our 'paper' variant on the diffuse regime, X002-table6 notes)",
             table6[0].cosine + sqrt(table6[0].cosine * table6[0].cosine
                                     + table6[0].relerr * table6[0].relerr - 1.0),
             table6[5].cosine + sqrt(table6[5].cosine * table6[5].cosine
                                     + table6[5].relerr * table6[5].relerr - 1.0));
    rc |= repro_add_line(list, "T002-table6-derived", note);
    return rc;
}

static void conditions(char *buf, size_t size, const struct ssa_case *c, const struct ssa_result *r,
                       const char *extra)
{
    static const char *const regime[3] = { "concentrated", "diffuse", "uniform" };
    static const char *const variant[3] = { "paper (Algorithm 2 as written)", "importance",
                                            "centroid" };
    const char *kernel = "?";

    if (thermoai_attention_kernel_name(0, &kernel) != THERMOAI_OK)
        kernel = "?";
    snprintf(buf, size,
             "ours: thermoai exact kernel (%s, %s) vs SSA variant %s, N = %zu, d = %zu, k = %u, "
             "s = %u, m = %u, synthetic regime '%s' (seed %llu, in-cluster mass %.4f); "
             "median of >= 3 runs; measured: dense %.4g s, SSA %.4g s, speedup %.3g, rel. error "
             "%.4g, cosine %.4f, norm ratio %.4f%s%s. Paper: PyTorch, naive dense attention, "
             "hardware and data not stated",
             kernel, ssa_machine(), variant[c->variant], c->n, c->d, (unsigned)r->clusters,
             (unsigned)r->samples, (unsigned)r->projection_dim, regime[c->regime],
             (unsigned long long)c->seed, r->mass, r->dense_s, r->ssa_s, r->speedup, r->relerr,
             r->cosine, r->norm_ratio, extra ? "; " : "", extra ? extra : "");
}

/* X002-table6: Table 6 re-run. */
static int table6_rerun(struct repro_list *list)
{
    char id[64], q[128], note[1024], extra[256];
    size_t i, k = 1;
    int rc = 0;

    for (i = 0; i < TABLE6_ROWS; i++) {
        struct ssa_case c = { 0, 64, THERMOAI_SYNTH_CONCENTRATED, THERMOAI_SSA_PAPER, 0, 0, 0 };
        struct ssa_case cd;
        struct ssa_result r, rd;

        if (list->quick && table6[i].n > 256)
            break;
        c.n = table6[i].n;
        cd = c;
        cd.regime = THERMOAI_SYNTH_DIFFUSE;
        if (ssa_measure(&c, &r) != 0 || ssa_measure(&cd, &rd) != 0) {
            list->failed = 1;
            return -1;
        }
        snprintf(extra, sizeof extra,
                 "the diffuse regime (in-cluster mass %.3f) gives rel. error %.3g, cosine %.3f, "
                 "norm ratio %.3g, speedup %.3g",
                 rd.mass, rd.relerr, rd.cosine, rd.norm_ratio, rd.speedup);
        conditions(note, sizeof note, &c, &r, extra);
        snprintf(id, sizeof id, "X002-table6.%02zu", k++);
        snprintf(q, sizeof q, "Dense attention time, N = %zu", c.n);
        rc |= repro_add_rerun(list, id, q, "s", table6[i].dense_s, table6[i].dense_t, r.dense_s,
                              note);
        snprintf(id, sizeof id, "X002-table6.%02zu", k++);
        snprintf(q, sizeof q, "SSA time, N = %zu", c.n);
        rc |= repro_add_rerun(list, id, q, "s", table6[i].ssa_s, table6[i].ssa_t, r.ssa_s, note);
        snprintf(id, sizeof id, "X002-table6.%02zu", k++);
        snprintf(q, sizeof q, "Speedup, N = %zu", c.n);
        rc |= repro_add_rerun(list, id, q, "1", table6[i].speedup, table6[i].speedup_t, r.speedup,
                              note);
        snprintf(id, sizeof id, "X002-table6.%02zu", k++);
        snprintf(q, sizeof q, "Relative Frobenius error, N = %zu", c.n);
        rc |= repro_add_rerun(list, id, q, "1", table6[i].relerr, table6[i].relerr_t, r.relerr,
                              note);
        snprintf(id, sizeof id, "X002-table6.%02zu", k++);
        snprintf(q, sizeof q, "Cosine similarity, N = %zu", c.n);
        rc |= repro_add_rerun(list, id, q, "1", table6[i].cosine, table6[i].cosine_t, r.cosine,
                              note);
    }
    return rc;
}

/* X002-fig3: the k and s ablation at N = 4096 (Fig. 3). */
static int fig3_rerun(struct repro_list *list)
{
    static const struct {
        uint32_t k, s;
        double speedup, cosine;
        const char *speedup_t, *cosine_t;
    } rows[] = {
        { 16, 64, 1.2, 0.89, "1.2x", "0.89" },  { 32, 64, 1.6, 0.82, "1.6x", "0.82" },
        { 64, 64, 2.0, 0.76, "2.0x", "0.76" },  { 128, 64, 1.7, 0.71, "1.7x", "0.71" },
        { 64, 32, 2.3, 0.68, "2.3x", "0.68" },  { 64, 64, 2.0, 0.76, "2.0x", "0.76" },
        { 64, 128, 1.6, 0.81, "1.6x", "0.81" }, { 64, 256, 1.2, 0.85, "1.2x", "0.85" },
    };
    const size_t n = list->quick ? 256 : 4096;
    char id[64], q[128], note[1024];
    size_t i, k = 1;
    int rc = 0;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct ssa_case c = { 0, 64, THERMOAI_SYNTH_CONCENTRATED, THERMOAI_SSA_PAPER, 0, 0, 0 };
        struct ssa_result r;

        c.n = n;
        c.clusters = list->quick ? rows[i].k / 4 : rows[i].k;
        c.samples = list->quick ? rows[i].s / 4 : rows[i].s;
        if (ssa_measure(&c, &r) != 0) {
            list->failed = 1;
            return -1;
        }
        conditions(note, sizeof note, &c, &r, list->quick ? "quick mode: N, k, s divided" : NULL);
        snprintf(id, sizeof id, "X002-fig3.%02zu", k++);
        snprintf(q, sizeof q, "Fig. 3(%c) speedup, k = %u, s = %u", i < 4 ? 'a' : 'b',
                 (unsigned)rows[i].k, (unsigned)rows[i].s);
        rc |= repro_add_rerun(list, id, q, "1", rows[i].speedup, rows[i].speedup_t, r.speedup,
                              note);
        snprintf(id, sizeof id, "X002-fig3.%02zu", k++);
        snprintf(q, sizeof q, "Fig. 3(%c) cosine similarity, k = %u, s = %u", i < 4 ? 'a' : 'b',
                 (unsigned)rows[i].k, (unsigned)rows[i].s);
        rc |= repro_add_rerun(list, id, q, "1", rows[i].cosine, rows[i].cosine_t, r.cosine, note);
    }
    return rc;
}

/* X002-robustness: uniformly random embeddings at N = 4096 (Sec. 11.5). */
static int robustness_rerun(struct repro_list *list)
{
    struct ssa_case c = { 0, 64, THERMOAI_SYNTH_UNIFORM, THERMOAI_SSA_PAPER, 0, 0, 0 };
    struct ssa_case cc;
    struct ssa_result r, rc_;
    char note[1024], extra[256];
    int rc = 0;

    c.n = list->quick ? 256 : 4096;
    cc = c;
    cc.variant = THERMOAI_SSA_CENTROID;
    if (ssa_measure(&c, &r) != 0 || ssa_measure(&cc, &rc_) != 0) {
        list->failed = 1;
        return -1;
    }
    snprintf(extra, sizeof extra, "the centroid variant on the same data: speedup %.3g, cosine %.4f",
             rc_.speedup, rc_.cosine);
    conditions(note, sizeof note, &c, &r, extra);
    rc |= repro_add_rerun(list, "X002-robustness.01", "Speedup on unclustered data, N = 4096", "1",
                          0.9, "0.9x", r.speedup, note);
    rc |= repro_add_rerun(list, "X002-robustness.02",
                          "Cosine similarity on unclustered data, N = 4096", "1", 0.52, "0.52",
                          r.cosine, note);
    return rc;
}

/* X002-Q-table: Q, speedup and cosine per regime, against the bands of Sec. 11.6.1. */
static int q_table_rerun(struct repro_list *list)
{
    static const struct {
        uint32_t regime;
        const char *band, *speedup_t, *cosine_t;
        double speedup, cosine;
    } rows[] = {
        { THERMOAI_SYNTH_CONCENTRATED, "Q > 0.3 (well-clustered)", "> 1.5x", "> 0.85", 1.5, 0.85 },
        { THERMOAI_SYNTH_DIFFUSE, "0.1 < Q < 0.3 (moderate)", "1.0–1.5x", "0.70–0.85", 1.0, 0.70 },
        { THERMOAI_SYNTH_UNIFORM, "Q < 0.1 (poorly clustered)", "< 1.0x", "< 0.70", 1.0, 0.70 },
    };
    static const char *const regime_name[3] = { "concentrated", "diffuse", "uniform" };
    static const char *const decision[3] = { "dense", "hybrid", "SSA" };
    const size_t n = list->quick ? 256 : 1024, d = 64;
    char id[64], q[160], note[1024], extra[320];
    size_t i, k = 1;
    int rc = 0;

    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct ssa_case c = { 0, 64, 0, THERMOAI_SSA_PAPER, 0, 0, 0 };
        struct ssa_result r;
        thermoai_synth_params sp;
        thermoai_spectral_info info;
        float *qm = malloc(n * d * sizeof *qm), *km = malloc(n * d * sizeof *km),
              *vm = malloc(n * d * sizeof *vm);
        double lambda[64], quality = (double)NAN;
        size_t clusters;
        uint32_t dec = 0;
        int s;

        c.n = n;
        c.regime = rows[i].regime;
        if (qm == NULL || km == NULL || vm == NULL || ssa_measure(&c, &r) != 0
            || thermoai_synth_params_init(&sp, sizeof sp, c.regime) != THERMOAI_OK
            || thermoai_synth_generate(n, d, &sp, qm, km, vm, NULL) != THERMOAI_OK) {
            free(qm);
            free(km);
            free(vm);
            list->failed = 1;
            return -1;
        }
        clusters = r.clusters;
        info.struct_size = sizeof info;
        {
            size_t bytes = 0;
            void *work = NULL;

            s = thermoai_spectral_attention_workspace_bytes(n, d, NULL, clusters + 1, &bytes);
            if (s == THERMOAI_OK && (work = malloc(bytes)) == NULL)
                s = THERMOAI_E_NOMEM;
            if (s == THERMOAI_OK)
                s = thermoai_spectral_attention(n, d, qm, km, NULL, clusters + 1, work, bytes, lambda,
                                                &info);
            free(work);
        }
        if (s == THERMOAI_OK)
            s = thermoai_spectral_cluster_quality(lambda[clusters - 1], lambda[clusters], info.lambda_max,
                                         &quality);
        if (s == THERMOAI_OK)
            s = thermoai_spectral_fallback(quality, &dec);
        free(qm);
        free(km);
        free(vm);
        if (s != THERMOAI_OK) {
            fprintf(stderr, "paper002: cluster quality: %s\n", thermoai_strerror(s));
            list->failed = 1;
            return -1;
        }
        snprintf(extra, sizeof extra,
                 "Q = (lambda_%zu - lambda_%zu)/lambda_N = (%.4f - %.4f)/%.4f = %.4f of the "
                 "symmetrised attention Laplacian (thermoai_spectral_attention, %u Lanczos steps); "
                 "fallback rule: %s",
                 clusters + 1, clusters, lambda[clusters], lambda[clusters - 1], info.lambda_max,
                 quality, info.iterations, decision[dec]);
        conditions(note, sizeof note, &c, &r, extra);
        snprintf(id, sizeof id, "X002-Q-table.%02zu", k++);
        snprintf(q, sizeof q, "Cluster quality Q of the %s regime (band '%s')", regime_name[i],
                 rows[i].band);
        rc |= repro_add_rerun(list, id, q, "1", rows[i].regime == THERMOAI_SYNTH_CONCENTRATED ? 0.3 : 0.1,
                              rows[i].band, quality, note);
        snprintf(id, sizeof id, "X002-Q-table.%02zu", k++);
        snprintf(q, sizeof q, "Speedup, %s regime (band '%s')", regime_name[i], rows[i].band);
        rc |= repro_add_rerun(list, id, q, "1", rows[i].speedup, rows[i].speedup_t, r.speedup,
                              note);
        snprintf(id, sizeof id, "X002-Q-table.%02zu", k++);
        snprintf(q, sizeof q, "Cosine similarity, %s regime (band '%s')", regime_name[i],
                 rows[i].band);
        rc |= repro_add_rerun(list, id, q, "1", rows[i].cosine, rows[i].cosine_t, r.cosine, note);
    }
    return rc;
}

int repro_paper002(struct repro_list *list)
{
    int rc = 0;

    rc |= eq1(list);
    rc |= repro_paper002_info(list);
    rc |= repro_paper002_alloc(list);
    rc |= repro_paper002_serving(list);
    rc |= table6_derived(list);
    if (list->reruns) { /* timing experiments: `thermoai reproduce --reruns` only */
        rc |= table6_rerun(list);
        rc |= fig3_rerun(list);
        rc |= robustness_rerun(list);
        rc |= q_table_rerun(list);
    }
    return rc != 0 || list->failed ? -1 : 0;
}
