/* SPDX-License-Identifier: MIT */
/*
 * lib/common/lanczos.c against spectra known in closed form: the tridiagonal
 * solver on tridiag(-1, 2, -1) (eigenvalues 2 - 2 cos(k pi / (n + 1))), and the
 * normalised Laplacian of the path graph P_n (1 - cos(k pi / (n - 1))) and of the
 * complete graph K_n (0 once, n / (n - 1) n - 1 times) through the Lanczos driver.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/lanczos.h"

#include "../harness/tap.h"

#define PI 3.14159265358979323846264338327950288

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

static void tridiagonal(void)
{
    const size_t n = 40;
    double d[40], e[40], z[40 * 40], worst = 0.0, orth = 0.0;
    size_t i, j, k;

    for (i = 0; i < n; i++) {
        d[i] = 2.0;
        e[i] = -1.0;
    }
    tap_ok(thermoai__tridiag_eigen(n, d, e, z) == 0, "tridiag(-1, 2, -1), n = 40: converges");
    qsort(d, n, sizeof d[0], cmp_double);
    for (k = 0; k < n; k++)
        worst = fmax(worst, fabs(d[k] - (2.0 - 2.0 * cos((double)(k + 1) * PI / (double)(n + 1)))));
    tap_ok(worst < 1e-13, "eigenvalues 2 - 2 cos(k pi / 41) (worst error %.2g)", worst);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double dot = 0.0;

            for (k = 0; k < n; k++)
                dot += z[k * n + i] * z[k * n + j];
            orth = fmax(orth, fabs(dot - (i == j ? 1.0 : 0.0)));
        }
    tap_ok(orth < 1e-13, "eigenvectors orthonormal (worst %.2g)", orth);
    tap_ok(thermoai__tridiag_eigen(0, d, e, NULL) == 0, "n = 0 is a no-op");
}

struct graph {
    size_t n;
    int complete; /* 1: K_n, 0: P_n */
};

static int matvec(void *ctx, const double *x, double *y)
{
    const struct graph *g = (const struct graph *)ctx;
    size_t i;

    if (g->complete) {
        double sum = 0.0;

        for (i = 0; i < g->n; i++)
            sum += x[i];
        for (i = 0; i < g->n; i++)
            y[i] = sum - x[i];
    } else {
        for (i = 0; i < g->n; i++)
            y[i] = (i > 0 ? x[i - 1] : 0.0) + (i + 1 < g->n ? x[i + 1] : 0.0);
    }
    return 0;
}

static int failing(void *ctx, const double *x, double *y)
{
    (void)ctx, (void)x, (void)y;
    return 1;
}

static void laplacian(void)
{
    struct thermoai__lanczos_settings set = { 200, 1e-10, 5 };
    struct graph path = { 60, 0 }, full = { 30, 1 };
    double lambda[4], lmax, pimin, res, worst = 0.0, *work;
    size_t steps = 0, k, need = 0;
    int status;

    /* 4n + n (m + 1) + 4 (m + 1) + m^2 doubles for n = m = 60, by hand: 7744 */
    status = thermoai__laplacian_spectrum_doubles(path.n, &set, &need);
    tap_ok(status == THERMOAI_OK && need == 7744, "work for P_60: 7744 doubles (got %zu)", need);
    {
        const struct thermoai__lanczos_settings huge = { SIZE_MAX / 2, 1e-10, 5 };

        tap_ok(thermoai__laplacian_spectrum_doubles(SIZE_MAX / 4, &huge, &need) == THERMOAI_E_NOMEM,
               "a work size that overflows size_t: E_NOMEM");
    }
    work = malloc(7744 * sizeof *work);
    if (work == NULL) {
        tap_ok(0, "malloc");
        return;
    }

    status = thermoai__laplacian_spectrum(path.n, matvec, &path, &set, 4, work, lambda, &lmax, &pimin,
                                          &steps, &res);
    tap_ok(status == THERMOAI_OK, "path graph P_60: converges (%zu steps)", steps);
    for (k = 0; k < 4; k++)
        worst = fmax(worst, fabs(lambda[k] - (1.0 - cos((double)k * PI / 59.0))));
    tap_ok(worst < 1e-8, "P_60: the four smallest are 1 - cos(k pi / 59) (worst %.2g)", worst);
    tap_ok(fabs(lmax - 2.0) < 1e-8, "P_60: the largest is 2 (bipartite)");
    tap_ok(fabs(pimin - 1.0 / 118.0) < 1e-15, "P_60: pi_min = 1 / (2 |E|) = 1/118");

    tap_ok(thermoai__laplacian_spectrum(full.n, matvec, &full, &set, 3, work, lambda, &lmax, &pimin,
                                        &steps, &res)
               == THERMOAI_OK,
           "complete graph K_30: converges");
    tap_ok(fabs(lambda[0]) < 1e-8 && fabs(lambda[1] - 30.0 / 29.0) < 1e-8
               && fabs(lambda[2] - 30.0 / 29.0) < 1e-8 && fabs(lmax - 30.0 / 29.0) < 1e-8,
           "K_30: 0, then 30/29 (multiple)");
    tap_ok(thermoai__laplacian_spectrum(full.n, failing, &full, &set, 3, work, lambda, &lmax, &pimin,
                                        &steps, &res)
               == THERMOAI_E_CALLBACK,
           "a failing operator gives THERMOAI_E_CALLBACK");
    free(work);
}

int main(void)
{
    tridiagonal();
    laplacian();
    return tap_done();
}
