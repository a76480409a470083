/* SPDX-License-Identifier: MIT */
/*
 * Small dense linear algebra: the cyclic Jacobi eigensolver (Golub and Van Loan,
 * Matrix Computations, 4th ed., Sec. 8.5.2-8.5.3, with Rutishauser's form of the
 * rotation), double-array checks and workspace carving.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/arrays.h"
#include "common/dense.h"

#define JACOBI_SWEEPS 100

/* Applies the rotation (c, s, tau) to the pair (x, y): x - s (y + x tau), y + s (x - y tau). */
static void rotate(double *x, double *y, double s, double tau)
{
    const double g = *x, h = *y;

    *x = g - s * (h + g * tau);
    *y = h + s * (g - h * tau);
}

int thermoai__symeig(size_t n, double *a, double *w, double *v)
{
    size_t p, q, r, sweep;
    double scale = 0.0;

    if (v != NULL)
        for (p = 0; p < n; p++)
            for (q = 0; q < n; q++)
                v[p * n + q] = p == q ? 1.0 : 0.0;
    for (p = 0; p < n * n; p++)
        scale = fmax(scale, fabs(a[p]));
    for (sweep = 0; sweep < JACOBI_SWEEPS; sweep++) {
        int rotated = 0;

        for (p = 0; p + 1 < n; p++)
            for (q = p + 1; q < n; q++) {
                const double apq = a[p * n + q], app = a[p * n + p], aqq = a[q * n + q];
                double theta, t, c, s, tau;

                /* negligible against the diagonal (relative accuracy, Demmel and
                 * Veselic 1992) or against the whole matrix: leave it */
                if (apq == 0.0 || fabs(apq) <= DBL_EPSILON * sqrt(fabs(app)) * sqrt(fabs(aqq))
                    || fabs(apq) <= DBL_EPSILON * DBL_EPSILON * scale) {
                    a[p * n + q] = a[q * n + p] = 0.0;
                    continue;
                }
                rotated = 1;
                theta = (aqq - app) / (2.0 * apq);
                if (fabs(theta) > 1e150)
                    t = 0.5 / theta;
                else
                    t = copysign(1.0, theta) / (fabs(theta) + sqrt(theta * theta + 1.0));
                c = 1.0 / sqrt(t * t + 1.0);
                s = t * c;
                tau = s / (1.0 + c);
                a[p * n + p] = app - t * apq;
                a[q * n + q] = aqq + t * apq;
                a[p * n + q] = a[q * n + p] = 0.0;
                for (r = 0; r < n; r++) {
                    if (r == p || r == q)
                        continue;
                    rotate(&a[r * n + p], &a[r * n + q], s, tau);
                    a[p * n + r] = a[r * n + p];
                    a[q * n + r] = a[r * n + q];
                }
                if (v != NULL)
                    for (r = 0; r < n; r++)
                        rotate(&v[r * n + p], &v[r * n + q], s, tau);
            }
        if (!rotated)
            break;
    }
    if (sweep == JACOBI_SWEEPS)
        return -1;
    for (p = 0; p < n; p++)
        w[p] = a[p * n + p];
    /* ascending, eigenvectors along (insertion sort: n is small) */
    for (p = 1; p < n; p++) {
        for (q = p; q > 0 && w[q - 1] > w[q]; q--) {
            const double tw = w[q - 1];

            w[q - 1] = w[q];
            w[q] = tw;
            if (v != NULL)
                for (r = 0; r < n; r++) {
                    const double tv = v[r * n + q - 1];

                    v[r * n + q - 1] = v[r * n + q];
                    v[r * n + q] = tv;
                }
        }
    }
    return 0;
}

int thermoai__all_finite_d(const double *x, size_t count)
{
    size_t i;

    if (count > 0 && !thermoai__can_own(count, 1, sizeof *x))
        return 0; /* more values than can exist: never read (the caller fails) */
    for (i = 0; i < count; i++)
        if (!isfinite(x[i]))
            return 0;
    return 1;
}

void thermoai__fill_nan_d(double *x, size_t count)
{
    size_t i;

    /* nothing when count doubles cannot exist (an overflowing size) */
    if (x != NULL && thermoai__can_own(count, 1, sizeof *x))
        for (i = 0; i < count; i++)
            x[i] = (double)NAN;
}

int thermoai__is_symmetric(size_t n, const double *a, double rel)
{
    size_t i, j;
    double big = 0.0;

    for (i = 0; i < n * n; i++)
        big = fmax(big, fabs(a[i]));
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            if (fabs(a[i * n + j] - a[j * n + i]) > rel * big)
                return 0;
    return 1;
}

double *thermoai__workspace_doubles(void *workspace, size_t bytes, size_t count)
{
    unsigned char *base, *aligned;

    if (workspace == NULL)
        return NULL;
    base = (unsigned char *)workspace;
    aligned = (unsigned char *)thermoai__align(workspace, sizeof(double));
    if ((size_t)(aligned - base) > bytes || count > (bytes - (size_t)(aligned - base)) / sizeof(double))
        return NULL;
    return (double *)(void *)aligned;
}

size_t thermoai__doubles_bytes(size_t count)
{
    if (count > (SIZE_MAX - sizeof(double)) / sizeof(double))
        return 0;
    return count * sizeof(double) + sizeof(double);
}
