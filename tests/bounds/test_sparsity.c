/* SPDX-License-Identifier: MIT */
/*
 * Sparsity (include/thermoai/sparsity.h): the sparsity rows of
 * tests/ref/precision.csv (mpmath), the structure of Theorem 3.24 (dense =
 * unstructured at full density plus the index; block of side 1 = unstructured),
 * Proposition 4.9's break-even (exact and first order), Proposition 3.23's
 * Pareto multiplier and density (inverse of each other), bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

static void reference_rows(void)
{
    FILE *f = ref_open("precision.csv");
    char line[2048];
    int rows = 0, bad = 0;

    if (!tap_ok(f != NULL, "open tests/ref/precision.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[48], *save = NULL, *tok;
        double a[44] = { 0 }, want, tol, got = (double)NAN, other;
        const char *fn;
        int n = 0, i, st;

        if (line[0] == '#')
            continue;
        line[strcspn(line, "\n")] = '\0';
        for (tok = strtok_r(line, ";", &save); tok != NULL && n < 48; tok = strtok_r(NULL, ";", &save))
            field[n++] = tok;
        if (n < 5)
            continue;
        fn = field[0];
        tol = strtod(field[2], NULL);
        want = strtod(field[3], NULL);
        for (i = 4; i < n; i++)
            a[i - 4] = strtod(field[i], NULL);
        if (!strcmp(fn, "dense"))
            st = thermoai_sparsity_dense_energy_j(a[0], a[1], a[2], a[3], a[4], &got);
        else if (!strcmp(fn, "unstructured"))
            st = thermoai_sparsity_unstructured_energy_j(a[0], a[1], a[2], a[3], a[4], &got);
        else if (!strcmp(fn, "block"))
            st = thermoai_sparsity_block_energy_j(a[0], a[1], a[2], a[3], a[4], a[5], &got);
        else if (!strcmp(fn, "lowrank"))
            st = thermoai_sparsity_lowrank_energy_j(a[0], a[1], a[2], a[3], a[4], a[5], &got);
        else if (!strcmp(fn, "index_bits"))
            st = thermoai_sparsity_attention_index_bits(a[0], a[1], &got);
        else if (!strcmp(fn, "breakeven"))
            st = thermoai_sparsity_breakeven_density(a[0], a[1], a[2], a[3], &got, &other);
        else if (!strcmp(fn, "breakeven_first_order"))
            st = thermoai_sparsity_breakeven_density(a[0], a[1], a[2], a[3], &other, &got);
        else if (!strcmp(fn, "pareto_multiplier"))
            st = thermoai_sparsity_pareto_multiplier(a[0], a[1], a[2], a[3], &got);
        else if (!strcmp(fn, "pareto_density"))
            st = thermoai_sparsity_pareto_density(a[0], a[1], a[2], a[3], &got);
        else
            continue; /* a precision row: tests/bounds/test_precision.c */
        rows++;
        if (st != THERMOAI_OK || !(fabs(got - want) <= tol * fabs(want))) {
            bad++;
            tap_diag("%s: status %d got %.17g want %.17g", fn, st, got, want);
        }
    }
    fclose(f);
    tap_ok(rows >= 25, "read %d sparsity reference rows", rows);
    tap_ok(bad == 0, "every row within its tolerance (%d bad)", bad);
}

int main(void)
{
    double d, u, blk, lr, x, y, rho, lam;
    int ok, i;

    reference_rows();

    /* Theorem 3.24's structure, with every stored bit counted */
    tap_ok(thermoai_sparsity_dense_energy_j(512, 256, 16, 1e-12, 2e-13, &d) == THERMOAI_OK
               && thermoai_sparsity_unstructured_energy_j(512.0 * 256, 16, 0, 1e-12, 2e-13, &u) == THERMOAI_OK
               && fabs(u - d) <= 1e-15 * d,
           "all entries kept, no index: unstructured = dense");
    tap_ok(thermoai_sparsity_unstructured_energy_j(1000, 16, 12, 1e-12, 2e-13, &u) == THERMOAI_OK
               && thermoai_sparsity_block_energy_j(1000, 1, 16, 12, 1e-12, 2e-13, &blk) == THERMOAI_OK
               && fabs(u - blk) <= 1e-15 * u,
           "blocks of side 1 are unstructured non-zeros");
    tap_ok(thermoai_sparsity_unstructured_energy_j(4096, 16, 12, 1e-12, 2e-13, &u) == THERMOAI_OK
               && thermoai_sparsity_block_energy_j(256, 4, 16, 12, 1e-12, 2e-13, &blk) == THERMOAI_OK && blk < u
               && fabs((u - blk) - (4096.0 - 256.0) * 12 * 2e-13) <= 1e-15 * u,
           "the same 4096 values in 4x4 blocks save exactly 15/16 of the index bits");
    tap_ok(thermoai_sparsity_lowrank_energy_j(4096, 4096, 64, 16, 1e-12, 2e-13, &lr) == THERMOAI_OK
               && thermoai_sparsity_dense_energy_j(4096, 4096, 16, 1e-12, 2e-13, &d) == THERMOAI_OK
               && fabs(lr / d - 2.0 * 4096 * 64 / (4096.0 * 4096)) < 1e-15,
           "rank 64 of 4096x4096: 2(m+n)r / mn = 1/32 of dense");
    /* Proposition 4.9 */
    tap_ok(thermoai_sparsity_breakeven_density(128, 1.0, 12, 0.1, &x, &y) == THERMOAI_OK && x > y
               && fabs(x - y - pow(12 * 0.1 / 128, 2) / (1 + 12 * 0.1 / 128)) < 1e-15,
           "exact break-even 1/(1+x) exceeds the paper's 1-x by x^2/(1+x)");
    tap_ok(thermoai_sparsity_breakeven_density(128, 1.0, 192, 0.1, &x, &y) == THERMOAI_OK && fabs(y - 0.85) < 1e-15,
           "the paper's 0.85 needs log2 N = 192 index bits per entry (N = 2^192) with d = 128, c_idx/c_flop = 0.1");
    for (ok = 1, i = 2; i <= 40; i++) {
        const double n = ldexp(1.0, i);

        if (thermoai_sparsity_breakeven_density(128, 1.0, ceil(log2(n)), 0.1, &x, &y) != THERMOAI_OK
            || !(pow(n, -0.5) < x))
            ok = 0;
    }
    tap_ok(ok, "SSA's density N^-0.5 is below the break-even for every N from 4 to 2^40, not only N > 100");
    tap_ok(thermoai_sparsity_breakeven_density(1, 1, 10, 1, &x, &y) == THERMOAI_OK && y < 0.0 && x > 0.0,
           "large index overhead: the first-order form goes negative, the exact one stays in (0, 1)");
    tap_ok(thermoai_sparsity_attention_index_bits(4096, 1.0 / 64, &x) == THERMOAI_OK && x == 4096.0 * 64 * 12,
           "index bits of SSA at N = 4096: rho N^2 log2 N = 4096 x 64 x 12");
    /* Proposition 3.23: the multiplier and the density invert each other */
    for (ok = 1, i = 1; i <= 20; i++) {
        const double r = 0.05 * i;

        if (thermoai_sparsity_pareto_multiplier(0.02, 1.5, 40.0, r, &lam) != THERMOAI_OK
            || thermoai_sparsity_pareto_density(0.02, 1.5, 40.0, lam, &rho) != THERMOAI_OK
            || fabs(rho - r) > 1e-14)
            ok = 0;
    }
    tap_ok(ok, "every density in (0, 1] is Pareto-optimal: the density at its multiplier is itself");
    tap_ok(thermoai_sparsity_pareto_density(0.02, 1.5, 40.0, 1e-9, &rho) == THERMOAI_OK && rho == 1.0,
           "a low price of energy keeps full density");
    /* bad input */
    tap_ok(thermoai_sparsity_dense_energy_j(-1, 1, 1, 1, 1, &d) == THERMOAI_E_INVALID && isnan(d), "dense: negative rows");
    tap_ok(thermoai_sparsity_dense_energy_j(1, (double)NAN, 1, 1, 1, &d) == THERMOAI_E_NONFINITE, "dense: NaN");
    tap_ok(thermoai_sparsity_dense_energy_j(1e200, 1e200, 16, 1, 1, &d) == THERMOAI_E_RANGE && isnan(d), "dense: overflow");
    tap_ok(thermoai_sparsity_unstructured_energy_j(1, 1, -1, 1, 1, &u) == THERMOAI_E_INVALID, "unstructured: negative index");
    tap_ok(thermoai_sparsity_block_energy_j(1, 0.5, 1, 1, 1, 1, &u) == THERMOAI_E_INVALID, "block: side below 1");
    tap_ok(thermoai_sparsity_lowrank_energy_j(1, 1, 1, 1, 1, 1, NULL) == THERMOAI_E_NULL, "lowrank: NULL");
    tap_ok(thermoai_sparsity_attention_index_bits(0.5, 0.1, &x) == THERMOAI_E_INVALID && isnan(x), "index bits: N < 1");
    tap_ok(thermoai_sparsity_attention_index_bits(100, 1.5, &x) == THERMOAI_E_INVALID, "index bits: density > 1");
    tap_ok(thermoai_sparsity_breakeven_density(0, 1, 1, 1, &x, &y) == THERMOAI_E_INVALID && isnan(x) && isnan(y),
           "break-even: zero FLOP per entry");
    tap_ok(thermoai_sparsity_breakeven_density(1, 1e-300, 1e300, 1e300, &x, &y) == THERMOAI_E_RANGE,
           "break-even: overhead ratio overflows");
    tap_ok(thermoai_sparsity_breakeven_density(1, 1, 1, 1, NULL, &y) == THERMOAI_E_NULL && isnan(y), "break-even: NULL");
    tap_ok(thermoai_sparsity_pareto_multiplier(1, 1, 1, 0.0, &lam) == THERMOAI_E_INVALID && isnan(lam),
           "pareto multiplier: density 0");
    tap_ok(thermoai_sparsity_pareto_multiplier(1, 1, 1, 1.5, &lam) == THERMOAI_E_INVALID, "pareto multiplier: density > 1");
    tap_ok(thermoai_sparsity_pareto_density(1, -1, 1, 1, &rho) == THERMOAI_E_INVALID && isnan(rho),
           "pareto density: negative eta");
    tap_ok(thermoai_sparsity_pareto_density(1e-300, 0.01, 1, 1e300, &rho) == THERMOAI_E_RANGE,
           "pareto density: underflow");
    return tap_done();
}
