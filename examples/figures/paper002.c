/* SPDX-License-Identifier: MIT */
/*
 * Paper 002, Figures 2a, 2b and 3, measured with the library on this machine.
 *
 *   paper002 OUTDIR [--quick]   writes OUTDIR/fig2a.dat, fig2a_paper.dat,
 *                               fig2b.dat, fig3.dat for paper002.gp
 *
 * Figure 2a (Sec. 11.2): time per attention call against N on log-log axes:
 *   thermoai's exact kernel and the three SSA variants (concentrated regime,
 *   d = 64, k = s = round(sqrt N)), with N^1.5 and N^2 guides through the
 *   N = 4096 points, and Table 6's printed times for comparison.
 * Figure 2b (Sec. 11.2): the whole spectrum of L_sym for dense attention and
 *   for the graph of SSA's paper and importance variants (N = 512, the
 *   paper's figure gives neither N nor d), with lambda_k, lambda_k+1 and Q.
 * Figure 3 (Sec. 11.5): speedup and cosine against k (s = 64) and s (k = 64)
 *   at N = 4096, variant paper, and the centroid variant's cosine beside it.
 * --quick divides every N by 16 (the test suite's run).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "ssa_measure.h"

static FILE *open_dat(const char *dir, const char *name)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    if (f == NULL)
        perror(path);
    return f;
}

static int fig2a(const char *dir, size_t scale)
{
    static const double paper[][3] = { { 128, 0.0006, 0.0034 },   { 256, 0.0030, 0.0074 },
                                       { 512, 0.0150, 0.0220 },   { 1024, 0.0372, 0.0827 },
                                       { 2048, 0.7865, 0.3917 },  { 4096, 3.1014, 1.5440 } };
    FILE *f = open_dat(dir, "fig2a.dat"), *g = open_dat(dir, "fig2a_paper.dat");
    struct ssa_result r[3];
    double ref_dense = (double)NAN, ref_ssa = (double)NAN, ref_n = 4096.0 / (double)scale;
    size_t n, i;
    unsigned v;

    if (f == NULL || g == NULL)
        return 1;
    fprintf(f, "# Paper 002 Fig. 2a: seconds per attention call, d = 64, concentrated regime\n"
               "# thermoai exact kernel vs SSA (k = s = round(sqrt N)); %s\n"
               "# N dense paper importance centroid N^1.5_guide N^2_guide\n",
            ssa_machine());
    for (n = 128 / scale < 16 ? 16 : 128 / scale; n <= 8192 / scale; n *= 2) {
        double dense = (double)NAN;

        for (v = 0; v < 3; v++) {
            struct ssa_case c = { 0, 64, THERMOAI_SYNTH_CONCENTRATED, 0, 0, 0, 0 };

            c.n = n;
            c.variant = v;
            if (ssa_measure(&c, &r[v]) != 0)
                return 1;
            dense = v == 0 ? r[v].dense_s : fmin(dense, r[v].dense_s);
        }
        if ((double)n == ref_n) {
            ref_dense = dense;
            ref_ssa = r[0].ssa_s;
        }
        fprintf(f, "%zu %.6g %.6g %.6g %.6g", n, dense, r[0].ssa_s, r[1].ssa_s, r[2].ssa_s);
        fprintf(f, " GUIDE\n");
    }
    fclose(f);
    /* guides through the N = 4096 points: rewrite the placeholder columns */
    {
        char path[4096], line[512], out[64 * 512];
        size_t len = 0;

        snprintf(path, sizeof path, "%s/fig2a.dat", dir);
        f = fopen(path, "r");
        if (f == NULL)
            return 1;
        while (fgets(line, sizeof line, f) != NULL && len + 600 < sizeof out) {
            char *guide = strstr(line, " GUIDE");
            double nn;

            if (guide != NULL && sscanf(line, "%lf", &nn) == 1) {
                *guide = '\0';
                len += (size_t)snprintf(out + len, sizeof out - len, "%s %.6g %.6g\n", line,
                                        ref_ssa * pow(nn / ref_n, 1.5),
                                        ref_dense * pow(nn / ref_n, 2.0));
            } else {
                len += (size_t)snprintf(out + len, sizeof out - len, "%s", line);
            }
        }
        fclose(f);
        f = fopen(path, "w");
        if (f == NULL || fwrite(out, 1, len, f) != len)
            return 1;
        fclose(f);
    }
    fprintf(g, "# Paper 002 Table 6 as printed: N dense_s SSA_s (PyTorch, hardware not stated)\n");
    for (i = 0; i < sizeof paper / sizeof paper[0]; i++)
        fprintf(g, "%.0f %.4f %.4f\n", paper[i][0], paper[i][1], paper[i][2]);
    fclose(g);
    return 0;
}

static int spectrum_of(size_t n, size_t d, const float *q, const float *k, const float *v,
                       uint32_t variant, double *lambda, double *lmax)
{
    thermoai_spectral_info info;
    size_t bytes = 0;
    void *work = NULL;
    int s;

    info.struct_size = sizeof info;
    if (variant == UINT32_MAX) {
        s = thermoai_spectral_attention_workspace_bytes(n, d, NULL, n, &bytes);
        if (s == THERMOAI_OK && (work = malloc(bytes)) == NULL)
            s = THERMOAI_E_NOMEM;
        if (s == THERMOAI_OK)
            s = thermoai_spectral_attention(n, d, q, k, NULL, n, work, bytes, lambda, &info);
        free(work);
    } else {
        thermoai_ssa_params p;
        thermoai_ssa *plan = NULL;
        float *y = malloc(n * d * sizeof *y);

        s = y == NULL ? THERMOAI_E_NOMEM : thermoai_ssa_params_init(&p, sizeof p);
        if (s == THERMOAI_OK) {
            p.variant = variant;
            s = thermoai_ssa_create(n, d, &p, &plan);
        }
        if (s == THERMOAI_OK)
            s = thermoai_ssa_execute(plan, q, k, v, y);
        if (s == THERMOAI_OK)
            s = thermoai_spectral_ssa_workspace_bytes(plan, NULL, n, &bytes);
        if (s == THERMOAI_OK && (work = malloc(bytes)) == NULL)
            s = THERMOAI_E_NOMEM;
        if (s == THERMOAI_OK)
            s = thermoai_spectral_ssa(plan, q, k, NULL, n, work, bytes, lambda, &info);
        free(work);
        thermoai_ssa_free(plan);
        free(y);
    }
    if (s != THERMOAI_OK) {
        fprintf(stderr, "paper002: spectrum: %s\n", thermoai_strerror(s));
        return 1;
    }
    *lmax = info.lambda_max;
    return 0;
}

static int fig2b(const char *dir, size_t scale)
{
    const size_t n = 512 / scale < 32 ? 32 : 512 / scale, d = 64;
    const size_t k = (size_t)floor(sqrt((double)n) + 0.5);
    float *q = malloc(n * d * sizeof *q), *kk = malloc(n * d * sizeof *kk),
          *v = malloc(n * d * sizeof *v);
    double *lam[3], lmax[3];
    thermoai_synth_params sp;
    FILE *f;
    size_t i;
    int j, rc = 1;

    lam[0] = malloc(n * sizeof(double));
    lam[1] = malloc(n * sizeof(double));
    lam[2] = malloc(n * sizeof(double));
    if (!q || !kk || !v || !lam[0] || !lam[1] || !lam[2]
        || thermoai_synth_params_init(&sp, sizeof sp, THERMOAI_SYNTH_CONCENTRATED) != THERMOAI_OK
        || thermoai_synth_generate(n, d, &sp, q, kk, v, NULL) != THERMOAI_OK)
        goto out;
    if (spectrum_of(n, d, q, kk, v, UINT32_MAX, lam[0], &lmax[0])
        || spectrum_of(n, d, q, kk, v, THERMOAI_SSA_PAPER, lam[1], &lmax[1])
        || spectrum_of(n, d, q, kk, v, THERMOAI_SSA_IMPORTANCE, lam[2], &lmax[2]))
        goto out;
    if ((f = open_dat(dir, "fig2b.dat")) == NULL)
        goto out;
    fprintf(f, "# Paper 002 Fig. 2b: eigenvalues of L_sym = I - D^-1/2 W_s D^-1/2, W_s = (W + W^T)/2,\n"
               "# N = %zu, d = %zu, concentrated regime, SSA k = s = %zu (the paper states no N or d)\n",
            n, d, k);
    for (j = 0; j < 3; j++) {
        double quality = (double)NAN;

        if (thermoai_spectral_cluster_quality(lam[j][k - 1], lam[j][k], lmax[j], &quality) != THERMOAI_OK)
            quality = (double)NAN;
        fprintf(f, "# %-15s lambda_2 %.6g lambda_k %.6g lambda_k+1 %.6g lambda_N %.6g Q %.4f\n",
                j == 0 ? "dense" : j == 1 ? "SSA paper" : "SSA importance", lam[j][1], lam[j][k - 1],
                lam[j][k], lmax[j], quality);
    }
    fprintf(f, "# index dense ssa_paper ssa_importance\n");
    for (i = 0; i < n; i++)
        fprintf(f, "%zu %.8g %.8g %.8g\n", i + 1, lam[0][i], lam[1][i], lam[2][i]);
    fclose(f);
    rc = 0;
out:
    free(q);
    free(kk);
    free(v);
    free(lam[0]);
    free(lam[1]);
    free(lam[2]);
    return rc;
}

static int fig3(const char *dir, size_t scale)
{
    static const unsigned ks[][2] = { { 16, 64 }, { 32, 64 }, { 64, 64 }, { 128, 64 },
                                      { 64, 32 }, { 64, 128 }, { 64, 256 } };
    FILE *f = open_dat(dir, "fig3.dat");
    size_t i;

    if (f == NULL)
        return 1;
    fprintf(f, "# Paper 002 Fig. 3: N = %zu, d = 64, concentrated regime; %s\n"
               "# panel k s speedup_paper cosine_paper cosine_centroid (paper: a = k sweep, b = s sweep)\n",
            4096 / scale, ssa_machine());
    for (i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        struct ssa_case c = { 0, 64, THERMOAI_SYNTH_CONCENTRATED, THERMOAI_SSA_PAPER, 0, 0, 0 };
        struct ssa_result r, rc;
        struct ssa_case cc;

        c.n = 4096 / scale;
        c.clusters = ks[i][0] / (unsigned)(scale > 4 ? 4 : scale);
        c.samples = ks[i][1] / (unsigned)(scale > 4 ? 4 : scale);
        cc = c;
        cc.variant = THERMOAI_SSA_CENTROID;
        if (ssa_measure(&c, &r) != 0 || ssa_measure(&cc, &rc) != 0) {
            fclose(f);
            return 1;
        }
        fprintf(f, "%c %u %u %.4g %.6f %.6f\n", i < 4 ? 'a' : 'b', (unsigned)c.clusters,
                (unsigned)c.samples, r.speedup, r.cosine, rc.cosine);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    size_t scale = 1;

    if (argc < 2 || argc > 3 || (argc == 3 && strcmp(argv[2], "--quick") != 0)) {
        fprintf(stderr, "usage: paper002 OUTDIR [--quick]\n");
        return 2;
    }
    if (argc == 3)
        scale = 16;
    if (fig2a(argv[1], scale) || fig2b(argv[1], scale) || fig3(argv[1], scale))
        return 1;
    return 0;
}
