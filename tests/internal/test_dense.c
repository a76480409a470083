/* SPDX-License-Identifier: MIT */
/*
 * Internal: the Jacobi eigensolver and the workspace helpers of lib/common/dense.c.
 * Known spectra, then random symmetric matrices (seeds 1..40): the residual
 * ||A v - lambda v||, orthonormality, ascending order, trace and Frobenius norm.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/dense.h"
#include "../harness/tap.h"

static uint64_t lcg(uint64_t *s)
{
    *s = *s * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
    return *s >> 11;
}

static double unit(uint64_t *s)
{
    return (double)lcg(s) / 9007199254740992.0 * 2.0 - 1.0;
}

/* max |A v_j - w_j v_j| and max |V^T V - I| for the original a. */
static void check_pairs(size_t n, const double *a, const double *w, const double *v, double *res,
                        double *orth)
{
    size_t i, j, k;

    *res = *orth = 0.0;
    for (j = 0; j < n; j++)
        for (i = 0; i < n; i++) {
            double s = 0.0;

            for (k = 0; k < n; k++)
                s += a[i * n + k] * v[k * n + j];
            *res = fmax(*res, fabs(s - w[j] * v[i * n + j]));
        }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double s = 0.0;

            for (k = 0; k < n; k++)
                s += v[k * n + i] * v[k * n + j];
            *orth = fmax(*orth, fabs(s - (i == j ? 1.0 : 0.0)));
        }
}

static void known(void)
{
    double a2[4] = { 2, 1, 1, 2 }, w[4], v[16];
    double a3[9] = { 2, -1, 0, -1, 2, -1, 0, -1, 2 };
    double z[9] = { 0 }, one[1] = { -3.5 };
    double rep[16] = { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 5 };

    tap_ok(thermoai__symeig(2, a2, w, v) == 0 && fabs(w[0] - 1) < 4 * DBL_EPSILON
               && fabs(w[1] - 3) < 8 * DBL_EPSILON && fabs(fabs(v[0]) - sqrt(0.5)) < 4 * DBL_EPSILON,
           "[[2,1],[1,2]]: eigenvalues 1, 3; eigenvector (1,-1)/sqrt 2");
    tap_ok(thermoai__symeig(3, a3, w, NULL) == 0 && fabs(w[0] - (2 - sqrt(2.0))) < 8 * DBL_EPSILON
               && fabs(w[1] - 2) < 8 * DBL_EPSILON && fabs(w[2] - (2 + sqrt(2.0))) < 8 * DBL_EPSILON,
           "path Laplacian tridiag(-1, 2, -1): 2 - sqrt 2, 2, 2 + sqrt 2");
    tap_ok(thermoai__symeig(3, z, w, v) == 0 && w[0] == 0 && w[2] == 0 && v[0] == 1 && v[4] == 1,
           "the zero matrix: eigenvalues 0, identity eigenvectors");
    tap_ok(thermoai__symeig(1, one, w, v) == 0 && w[0] == -3.5 && v[0] == 1.0, "n = 1");
    tap_ok(thermoai__symeig(4, rep, w, v) == 0 && w[0] == 1 && w[2] == 1 && w[3] == 5,
           "repeated eigenvalue 1 (x3) and 5, ascending");
}

static void random_matrices(void)
{
    static double a[64 * 64], c[64 * 64], v[64 * 64], w[64];
    int seed, worst_ok = 1, sorted = 1, traces = 1;

    for (seed = 1; seed <= 40; seed++) {
        uint64_t s = (uint64_t)seed;
        const size_t n = 1 + (size_t)(lcg(&s) % 64);
        double res, orth, tr = 0.0, sw = 0.0, fro = 0.0, sw2 = 0.0, scale = 0.0;
        size_t i, j;

        for (i = 0; i < n; i++)
            for (j = i; j < n; j++)
                a[i * n + j] = a[j * n + i] = unit(&s) * (seed % 3 == 0 ? 1e6 : 1.0);
        memcpy(c, a, n * n * sizeof *a);
        if (thermoai__symeig(n, c, w, v) != 0) {
            worst_ok = 0;
            continue;
        }
        check_pairs(n, a, w, v, &res, &orth);
        for (i = 0; i < n * n; i++) {
            fro += a[i] * a[i];
            scale = fmax(scale, fabs(a[i]));
        }
        for (i = 0; i < n; i++) {
            tr += a[i * n + i];
            sw += w[i];
            sw2 += w[i] * w[i];
            if (i > 0 && w[i] < w[i - 1])
                sorted = 0;
        }
        if (res > 64 * n * DBL_EPSILON * scale * sqrt((double)n) || orth > 64 * n * DBL_EPSILON) {
            worst_ok = 0;
            tap_diag("seed %d n %zu: residual %g orthogonality %g", seed, n, res, orth);
        }
        if (fabs(tr - sw) > 64 * n * DBL_EPSILON * scale || fabs(fro - sw2) > 1e-12 * fro)
            traces = 0;
    }
    tap_ok(worst_ok, "40 random symmetric matrices (n 1..64): residual and orthogonality near eps");
    tap_ok(sorted, "eigenvalues ascending");
    tap_ok(traces, "sum of eigenvalues = trace, sum of squares = ||A||_F^2");
}

static void helpers(void)
{
    unsigned char buf[100];
    double x[3] = { 1.0, (double)NAN, 2.0 };
    const double sym[4] = { 1, 2, 2 + 1e-12, 3 };

    tap_ok(thermoai__workspace_doubles(buf, sizeof buf, 11) != NULL
               && thermoai__workspace_doubles(buf, sizeof buf, 13) == NULL,
           "a 100-byte workspace holds 11 aligned doubles, not 13");
    tap_ok(thermoai__workspace_doubles(NULL, 100, 1) == NULL, "NULL workspace");
    tap_ok(((uintptr_t)thermoai__workspace_doubles(buf + 1, 99, 1) % sizeof(double)) == 0,
           "the piece is double-aligned");
    tap_ok(thermoai__doubles_bytes(10) == 88 && thermoai__doubles_bytes(SIZE_MAX / 4) == 0,
           "doubles_bytes: 10 -> 88, overflow -> 0");
    tap_ok(thermoai__all_finite_d(x, 1) && !thermoai__all_finite_d(x, 3), "all_finite_d");
    thermoai__fill_nan_d(x, 3);
    tap_ok(isnan(x[0]) && isnan(x[2]), "fill_nan_d");
    tap_ok(thermoai__is_symmetric(2, sym, 1e-10) && !thermoai__is_symmetric(2, sym, 0.0),
           "is_symmetric with and without tolerance");
}

int main(void)
{
    known();
    random_matrices();
    helpers();
    return tap_done();
}
