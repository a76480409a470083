/* SPDX-License-Identifier: MIT */
/*
 * Paper 001, Figures 1 and 2, regenerated from the library's functions.
 *
 *   paper001 OUTDIR    writes OUTDIR/fig1_curve.dat, fig1_points.dat,
 *                      fig2_curve.dat, fig2_points.dat (whitespace columns,
 *                      '#' comments) for paper001.gp
 *
 * Figure 1 (Sec. 5.3): negentropy against training compute, Eq. (20) with
 * only the compute term: N(C) = N_inf - (C_c / C)^alpha_C.
 *   stated by the paper: N_inf = 7.5 bits/token, alpha_C = 0.057;
 *   NOT stated: C_c. Ours: the least-squares C_c for the Table 1 points (a
 *   scan of log10 C_c in steps of 0.001), the fit the paper says it made.
 *   Points: the Table 1 models, C = 6 N D (Eq. 34), dH by the App. B method.
 *   The header reports R^2 of that best fit (the paper claims > 0.95).
 *
 * Figure 2 (Sec. 5.4): demon efficiency against time, Eq. (28).
 *   stated: doubling time 2.3 years; NOT stated: eta_0. Ours: t_0 = 2020.4
 *   and the least-squares eta_0 for the points with the slope fixed at 2.3 years.
 *   Points: Table 1 eta_D by the App. B method, placed at the models' public
 *   release dates (GPT-3 2020.4, PaLM 2022.3, GPT-4 2023.2, LLaMA-2 2023.5,
 *   Claude 3 2024.2), which the paper does not give either.
 * The least-squares doubling time of the points is written into the headers.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#define H_PRIOR 10.0
#define MODEL_PER_TOKEN 0.5
#define T_GPU_K 350.0
#define MWH_J 3.6e9

static const struct {
    const char *name;
    double params, tokens, energy_mwh, ppl, year;
} models[] = {
    { "GPT-3", 175e9, 0.3e12, 1287, 20.5, 2020.4 },  { "PaLM", 540e9, 0.78e12, 3400, 15.3, 2022.3 },
    { "LLaMA-2-70B", 70e9, 2.0e12, 500, 16.9, 2023.5 }, { "GPT-4", 1800e9, 13e12, 50000, 10.2, 2023.2 },
    { "Claude-3", 200e9, 4.0e12, 2000, 12.5, 2024.2 },
};
#define N_MODELS (sizeof models / sizeof models[0])

static int fail(const char *what, int status)
{
    fprintf(stderr, "paper001: %s: %s\n", what, thermoai_strerror(status));
    return 1;
}

/* dH = 10 - log2 PPL - 0.5, the Appendix B method. */
static int delta_h(double ppl, double tokens, double *dh)
{
    double h;
    int s = thermoai_info_cross_entropy_bits(ppl, &h);

    return s != THERMOAI_OK ? s
                            : thermoai_negentropy_bits_per_token(H_PRIOR, h, MODEL_PER_TOKEN * tokens,
                                                                 tokens, dh);
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    if (f == NULL)
        perror(path);
    return f;
}

/* Sum of squared residuals of the Table 1 points against the law. */
static int residuals(thermoai_scaling_negentropy_law *law, const double *c, const double *y, double *ss)
{
    size_t i;
    int s;

    *ss = 0.0;
    for (i = 0; i < N_MODELS; i++) {
        double pred;

        if ((s = thermoai_scaling_negentropy_bits(law, 0, 0, c[i], &pred)) != THERMOAI_OK)
            return s;
        *ss += (y[i] - pred) * (y[i] - pred);
    }
    return THERMOAI_OK;
}

static int figure1(const char *dir)
{
    thermoai_scaling_negentropy_law law;
    double y[N_MODELS], c[N_MODELS], mean = 0, ss_tot = 0, ss_best = (double)INFINITY, best = 0, lg;
    FILE *curve, *points;
    size_t i;
    int s;

    if ((s = thermoai_scaling_negentropy_law_init(&law, sizeof law)) != THERMOAI_OK)
        return fail("law", s);
    for (i = 0; i < N_MODELS; i++) {
        if ((s = thermoai_energy_training_flop(models[i].params, models[i].tokens, &c[i])) != THERMOAI_OK
            || (s = delta_h(models[i].ppl, models[i].tokens, &y[i])) != THERMOAI_OK)
            return fail(models[i].name, s);
        mean += y[i] / N_MODELS;
    }
    for (i = 0; i < N_MODELS; i++)
        ss_tot += (y[i] - mean) * (y[i] - mean);
    for (lg = 24.0; lg <= 40.0; lg += 0.001) { /* the only free constant: C_c */
        double ss;

        law.c_c = pow(10.0, lg);
        if ((s = residuals(&law, c, y, &ss)) != THERMOAI_OK)
            return fail("fit", s);
        if (ss < ss_best) {
            ss_best = ss;
            best = law.c_c;
        }
    }
    law.c_c = best;
    if ((curve = open_out(dir, "fig1_curve.dat")) == NULL)
        return 1;
    fprintf(curve,
            "# paper 001 Figure 1: N(C) = N_inf - (C_c/C)^alpha_C, Eq. (20)\n"
            "# N_inf = %g bits/token, alpha_C = %g (stated); C_c = %.4g FLOP (NOT stated: our "
            "least-squares fit to the Table 1 points)\n"
            "# R^2 of that best fit: %.3f (the paper claims > 0.95)\n"
            "# compute_flop negentropy_bits_per_token\n",
            law.n_inf_bits, law.alpha_c, law.c_c, 1.0 - ss_best / ss_tot);
    for (i = 0; i <= 80; i++) {
        double cc = pow(10.0, 20.0 + 0.1 * (double)i), n;

        if ((s = thermoai_scaling_negentropy_bits(&law, 0, 0, cc, &n)) != THERMOAI_OK) {
            fclose(curve);
            return fail("curve", s);
        }
        fprintf(curve, "%.6e %.6f\n", cc, n);
    }
    fclose(curve);
    if ((points = open_out(dir, "fig1_points.dat")) == NULL)
        return 1;
    fprintf(points, "# Table 1 models: C = 6 N D (Eq. 34), dH = 10 - log2 PPL - 0.5 (App. B)\n"
                    "# compute_flop negentropy_bits_per_token model\n");
    for (i = 0; i < N_MODELS; i++)
        fprintf(points, "%.6e %.6f %s\n", c[i], y[i], models[i].name);
    fclose(points);
    return 0;
}

static int figure2(const char *dir)
{
    const double year = thermoai_constants_julian_year_s(), tau = 2.3, t0 = 2020.4;
    double eta[N_MODELS], sx = 0, sy = 0, sxx = 0, sxy = 0, slope, log2_eta0 = 0, eta0;
    FILE *curve, *points;
    size_t i;
    int s;

    for (i = 0; i < N_MODELS; i++) {
        double dh, tokens = models[i].tokens, x = models[i].year;

        if ((s = delta_h(models[i].ppl, tokens, &dh)) != THERMOAI_OK
            || (s = thermoai_negentropy_demon_efficiency(tokens, dh, T_GPU_K,
                                                         models[i].energy_mwh * MWH_J, &eta[i]))
                   != THERMOAI_OK)
            return fail(models[i].name, s);
        sx += x;
        sy += log2(eta[i]);
        sxx += x * x;
        sxy += x * log2(eta[i]);
        log2_eta0 += (log2(eta[i]) - (x - t0) / tau) / N_MODELS; /* intercept at fixed slope */
    }
    slope = (N_MODELS * sxy - sx * sy) / (N_MODELS * sxx - sx * sx); /* doublings per year */
    eta0 = exp2(log2_eta0);
    if ((curve = open_out(dir, "fig2_curve.dat")) == NULL)
        return 1;
    fprintf(curve,
            "# paper 001 Figure 2: eta_D(t) = eta_0 2^((t - t_0)/tau), Eq. (28)\n"
            "# tau = %g years (stated); eta_0 = %.3g at t_0 = %g (NOT stated: least squares at fixed tau)\n"
            "# least-squares doubling time of the Table 1 points: %.2f years\n"
            "# year demon_efficiency\n",
            tau, eta0, t0, 1.0 / slope);
    for (i = 0; i <= 40; i++) {
        double t = 2012.0 + 0.5 * (double)i, e;

        if ((s = thermoai_negentropy_demon_trend(eta0, (t - t0) * year, tau * year, &e)) != THERMOAI_OK) {
            fclose(curve);
            return fail("curve", s);
        }
        fprintf(curve, "%.1f %.6e\n", t, e);
    }
    fclose(curve);
    if ((points = open_out(dir, "fig2_points.dat")) == NULL)
        return 1;
    fprintf(points, "# Table 1 eta_D (App. B method, 350 K) at public release dates (not in the paper)\n"
                    "# year demon_efficiency model\n");
    for (i = 0; i < N_MODELS; i++)
        fprintf(points, "%.1f %.6e %s\n", models[i].year, eta[i], models[i].name);
    fclose(points);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: paper001 OUTDIR\n", stderr);
        return 2;
    }
    return figure1(argv[1]) || figure2(argv[1]);
}
