/* SPDX-License-Identifier: MIT */
/*
 * The Gauss-Kronrod (7, 15) tables of lib/common/quadrature.c: the 15-point
 * Kronrod rule integrates x^p over [-1, 1] exactly (2 / (p + 1) for even p, 0
 * for odd p by symmetry) up to degree 22, the 7-point Gauss rule up to degree
 * 13, and neither beyond (so that a wrong table entry cannot hide in a test of
 * smooth integrands the adaptive scheme would refine anyway).
 */
#include "config.h"

#include <math.h>

#include "common/internal.h"

#include "../harness/tap.h"

/* sum_i w_i x_i^p over the symmetric rule given by its non-negative half. */
static double rule(const double *x, const double *w, int half, int zero_last, int p)
{
    double s = 0.0;
    int i;

    for (i = 0; i < half; i++) {
        const double v = w[i] * pow(x[i], p);

        s += (zero_last && i == half - 1) ? (p == 0 ? w[i] : 0.0) : 2.0 * v;
    }
    return s;
}

int main(void)
{
    const double *xk, *wk, *wg;
    double gx[4];
    int p, k15 = 1, g7 = 1;

    thermoai__gk15_rule(&xk, &wk, &wg);
    gx[0] = xk[1];
    gx[1] = xk[3];
    gx[2] = xk[5];
    gx[3] = xk[7];
    for (p = 0; p <= 22; p += 2)
        k15 &= fabs(rule(xk, wk, 8, 1, p) - 2.0 / (p + 1)) <= 4e-16;
    tap_ok(k15, "K15 integrates x^0 .. x^22 over [-1, 1] to 4e-16");
    tap_ok(fabs(rule(xk, wk, 8, 1, 24) - 2.0 / 25) > 1e-12,
           "and not x^24 (the rule has degree 22 exactly)");
    for (p = 0; p <= 12; p += 2)
        g7 &= fabs(rule(gx, wg, 4, 1, p) - 2.0 / (p + 1)) <= 4e-16;
    tap_ok(g7, "G7 integrates x^0 .. x^13 over [-1, 1] to 4e-16");
    tap_ok(fabs(rule(gx, wg, 4, 1, 14) - 2.0 / 15) > 1e-8,
           "and not x^14 (degree 13 exactly)");
    tap_ok(xk[7] == 0.0 && xk[0] < 1.0 && xk[0] > xk[1], "nodes descend from below 1 to 0");
    return tap_done();
}
