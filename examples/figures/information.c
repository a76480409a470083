/* SPDX-License-Identifier: MIT */
/*
 * Data for the information-theory figures (doc/information-theory.md), written to
 * OUTDIR (examples/figures/information.gp plots them):
 *   info_rd_binary.dat    Bernoulli(0.3) with Hamming distortion: D, R(D) closed form,
 *                         Blahut-Arimoto's certified interval at the same slopes, and the
 *                         energy bound k_B T ln 2 R(D) at 300 K (paper 002 Theorem 3.13)
 *   info_rd_gaussian.dat  Gaussian, variance 1: D, R(D) = log2(1/D)/2 and Blahut-Arimoto on
 *                         61 bins of step 0.2 over [-6, 6] (bin masses of N(0, 1))
 *   info_ib.dat           the information curve I(Z;Y) against I(X;Z) of a 16 x 8 joint
 *                         (annealed over beta), with I(X;Y) and H(X) as bounds
 * usage: information OUTDIR
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <thermoai/thermoai.h>

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    if (f == NULL)
        fprintf(stderr, "information: cannot write %s\n", path);
    return f;
}

static int fail(const char *what, int status)
{
    fprintf(stderr, "information: %s: %s\n", what, thermoai_strerror(status));
    return 1;
}

static int rd_binary(const char *dir)
{
    const double src[2] = { 0.7, 0.3 }, d[4] = { 0, 1, 1, 0 };
    thermoai_rd_ba_result r;
    thermoai_rd_ba *h;
    double kt;
    FILE *f = open_in(dir, "info_rd_binary.dat");
    int st, k;

    if (f == NULL)
        return 1;
    if ((st = thermoai_rd_ba_create(src, 2, d, 2, NULL, &h)) != THERMOAI_OK
        || (st = thermoai_rd_ba_result_init(&r, sizeof r)) != THERMOAI_OK
        || (st = thermoai_landauer_energy_per_bit_j(300.0, &kt)) != THERMOAI_OK) {
        fclose(f);
        return fail("binary source", st);
    }
    fprintf(f, "# Bernoulli(0.3), Hamming distortion. D  R_closed_bits  R_BA_bits  R_BA_lower_bits  "
               "E_min_J_at_300K (k_B T ln 2 R_closed)\n");
    for (k = 0; k < 60; k++) {
        const double s = -0.05 - 12.0 * k / 59.0;
        double rc;

        if ((st = thermoai_rd_ba_execute(h, s, &r)) != THERMOAI_OK
            || (st = thermoai_rd_bernoulli_bits(0.3, r.distortion, &rc)) != THERMOAI_OK) {
            thermoai_rd_ba_free(h);
            fclose(f);
            return fail("binary Blahut-Arimoto", st);
        }
        fprintf(f, "%.8g %.10g %.10g %.10g %.6e\n", r.distortion, rc, r.rate_bits, r.rate_lower_bits, kt * rc);
    }
    thermoai_rd_ba_free(h);
    return fclose(f) != 0;
}

static int rd_gaussian(const char *dir)
{
    enum { N = 61 };
    static double p[N], d[N * N];
    const double step = 0.2, half = 6.0;
    thermoai_rd_ba_params params;
    thermoai_rd_ba_result r;
    thermoai_rd_ba *h;
    double s = 0.0;
    FILE *f = open_in(dir, "info_rd_gaussian.dat");
    int i, j, st, k;

    if (f == NULL)
        return 1;
    for (i = 0; i < N; i++) {
        const double x = -half + step * i;

        p[i] = 0.5 * (erf((x + 0.5 * step) / sqrt(2.0)) - erf((x - 0.5 * step) / sqrt(2.0)));
        s += p[i];
        for (j = 0; j < N; j++)
            d[i * N + j] = (x - (-half + step * j)) * (x - (-half + step * j));
    }
    for (i = 0; i < N; i++)
        p[i] /= s;
    if ((st = thermoai_rd_ba_params_init(&params, sizeof params)) != THERMOAI_OK
        || (st = thermoai_rd_ba_result_init(&r, sizeof r)) != THERMOAI_OK) {
        fclose(f);
        return fail("Gaussian", st);
    }
    params.tolerance_bits = 1e-4;
    if ((st = thermoai_rd_ba_create(p, N, d, N, &params, &h)) != THERMOAI_OK) {
        fclose(f);
        return fail("Gaussian grid", st);
    }
    fprintf(f, "# Gaussian, variance 1, squared error. D  R_closed_bits  R_BA_bits (61 bins, step 0.2)\n");
    for (k = 0; k < 40; k++) {
        const double slope = -1.0 - 14.0 * k / 39.0;
        double rc;

        if ((st = thermoai_rd_ba_execute(h, slope, &r)) != THERMOAI_OK
            || (st = thermoai_rd_gaussian_bits(1.0, r.distortion, &rc)) != THERMOAI_OK) {
            thermoai_rd_ba_free(h);
            fclose(f);
            return fail("Gaussian Blahut-Arimoto", st);
        }
        fprintf(f, "%.8g %.10g %.10g\n", r.distortion, rc, r.rate_bits);
    }
    thermoai_rd_ba_free(h);
    return fclose(f) != 0;
}

static int ib_curve(const char *dir)
{
    enum { NX = 16, NY = 8, NB = 60 };
    double joint[NX * NY], s = 0.0, betas[NB], ixz[NB], izy[NB], ixy, hx, px[NX];
    thermoai_ib_params params;
    thermoai_ib *h;
    FILE *f = open_in(dir, "info_ib.dat");
    int x, y, k, st;

    if (f == NULL)
        return 1;
    for (x = 0; x < NX; x++)
        for (y = 0; y < NY; y++) {
            const double c = (double)x / (NX - 1) * (NY - 1);

            joint[x * NY + y] = exp(-0.5 * (y - c) * (y - c)) * (1.0 + 0.5 * (x % 3));
            s += joint[x * NY + y];
        }
    for (x = 0; x < NX * NY; x++)
        joint[x] /= s;
    for (x = 0; x < NX; x++) {
        px[x] = 0.0;
        for (y = 0; y < NY; y++)
            px[x] += joint[x * NY + y];
    }
    for (k = 0; k < NB; k++)
        betas[k] = pow(10.0, -0.2 + 2.7 * k / (NB - 1.0));
    if ((st = thermoai_pmf_mutual_information_bits(joint, NX, NY, &ixy)) != THERMOAI_OK
        || (st = thermoai_pmf_entropy_bits(px, NX, &hx)) != THERMOAI_OK
        || (st = thermoai_ib_params_init(&params, sizeof params)) != THERMOAI_OK) {
        fclose(f);
        return fail("IB joint", st);
    }
    params.seed = 7;
    params.tolerance_bits = 1e-9;
    if ((st = thermoai_ib_create(joint, NX, NY, NX, &params, &h)) != THERMOAI_OK
        || (st = thermoai_ib_curve(h, betas, NB, ixz, izy)) != THERMOAI_OK) {
        thermoai_ib_free(h);
        fclose(f);
        return fail("IB curve", st);
    }
    thermoai_ib_free(h);
    fprintf(f, "# 16 x 8 joint, |Z| = 16, annealed over beta. I(X;Y) = %.6f bits, H(X) = %.6f bits\n"
               "# beta  I(X;Z)_bits  I(Z;Y)_bits\n", ixy, hx);
    for (k = 0; k < NB; k++)
        fprintf(f, "%.6g %.8f %.8f\n", betas[k], ixz[k], izy[k]);
    return fclose(f) != 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: information OUTDIR\n");
        return 2;
    }
    return rd_binary(argv[1]) | rd_gaussian(argv[1]) | ib_curve(argv[1]);
}
