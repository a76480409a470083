/* SPDX-License-Identifier: MIT */
/*
 * The Rademacher bound of paper 002, Theorem 10.1: the value, its monotonicity in
 * delta and m, the printed density claim, and bad input. The values against mpmath
 * are in test_paper002_ref.c. A Monte Carlo check: for the class of thresholds on
 * [0, 1] and a 0-1 loss the bound holds on every one of 200 seeded samples.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <thermoai/thermoai.h>

#include "bounds_util.h"

/*
 * Thresholds h_c(x) = [x >= c] with labels y = [x >= 0.5] flipped with probability
 * 0.1: the true risk of h_c is 0.1 + 0.8 |c - 0.5|. The empirical Rademacher
 * complexity of the loss class is estimated by 200 sign draws on the grid of c
 * (an underestimate of the supremum by at most the grid error, taken as 1/m).
 */
static void monte_carlo(void)
{
    enum { M = 200, GRID = 41 };
    const int samples = quick() ? 20 : 200;
    uint64_t s = 2718;
    int trial, holds = 1;

    for (trial = 0; trial < samples; trial++) {
        double x[M], loss[GRID][M], rad = 0.0, best = 1e9, bound;
        int y[M], c, i, r, best_c = 0;

        for (i = 0; i < M; i++) {
            x[i] = 0.5 + 0.5 * rng_sym(&s);
            y[i] = (x[i] >= 0.5) ^ (0.5 + 0.5 * rng_sym(&s) < 0.1);
        }
        for (c = 0; c < GRID; c++) {
            double emp = 0.0;

            for (i = 0; i < M; i++) {
                loss[c][i] = (double)((x[i] >= (double)c / (GRID - 1)) != y[i]);
                emp += loss[c][i] / M;
            }
            if (emp < best) {
                best = emp;
                best_c = c;
            }
        }
        for (r = 0; r < 200; r++) {
            double sup = -1e9, sg[M];

            for (i = 0; i < M; i++)
                sg[i] = (rng_next(&s) >> 63) ? 1.0 : -1.0;
            for (c = 0; c < GRID; c++) {
                double v = 0.0;

                for (i = 0; i < M; i++)
                    v += sg[i] * loss[c][i] / M;
                sup = fmax(sup, v);
            }
            rad += sup / 200;
        }
        if (thermoai_rademacher_bound(best, rad + 1.0 / M, 0.05, M, &bound) != THERMOAI_OK
            || !(0.1 + 0.8 * fabs((double)best_c / (GRID - 1) - 0.5) <= bound))
            holds = 0;
    }
    tap_ok(holds, "the bound holds for the empirical minimiser on %d seeded samples of 200 points", samples);
}

int main(void)
{
    double b1, b2, b3, r;

    tap_ok(thermoai_rademacher_bound(0.1, 0.05, 0.05, 1e4, &b1) == THERMOAI_OK
               && fabs(b1 - (0.2 + 3 * sqrt(log(40.0) / 2e4))) < 1e-15,
           "R <= 0.1 + 2 * 0.05 + 3 sqrt(ln(2/0.05)/(2 * 1e4))");
    tap_ok(thermoai_rademacher_bound(0.1, 0.05, 0.01, 1e4, &b2) == THERMOAI_OK && b2 > b1,
           "higher confidence, larger bound");
    tap_ok(thermoai_rademacher_bound(0.1, 0.05, 0.05, 4e4, &b3) == THERMOAI_OK && b3 < b1
               && fabs((b1 - 0.2) / (b3 - 0.2) - 2.0) < 1e-12,
           "the confidence term falls as 1/sqrt(m)");
    monte_carlo();
    tap_ok(thermoai_rademacher_sparse(0.0156, 0.3, &r) == THERMOAI_OK && fabs(r - 0.0156 * 0.3) < 1e-18,
           "Theorem 10.1's density claim as printed: rho R_dense");
    tap_ok(thermoai_rademacher_bound(1.5, 0, 0.1, 10, &b1) == THERMOAI_E_INVALID && isnan(b1),
           "empirical risk above 1 -> E_INVALID, NaN");
    tap_ok(thermoai_rademacher_bound(0.1, -0.1, 0.1, 10, &b1) == THERMOAI_E_INVALID, "negative complexity");
    tap_ok(thermoai_rademacher_bound(0.1, 0.1, 1.0, 10, &b1) == THERMOAI_E_INVALID, "delta = 1");
    tap_ok(thermoai_rademacher_bound(0.1, 0.1, 0.1, 0.5, &b1) == THERMOAI_E_INVALID, "m < 1");
    tap_ok(thermoai_rademacher_bound((double)NAN, 0.1, 0.1, 10, &b1) == THERMOAI_E_NONFINITE, "NaN");
    tap_ok(thermoai_rademacher_bound(0.1, 0.1, 0.1, 10, NULL) == THERMOAI_E_NULL, "NULL output");
    tap_ok(thermoai_rademacher_sparse(1.5, 0.1, &r) == THERMOAI_E_INVALID && isnan(r), "density above 1");
    tap_ok(thermoai_rademacher_sparse(0.5, 1e-320, &r) == THERMOAI_E_RANGE, "a subnormal product -> E_RANGE");
    return tap_done();
}
