/* SPDX-License-Identifier: MIT */
/*
 * Precision (include/thermoai/precision.h): values against tests/ref/precision.csv
 * (mpmath; water-filling by an exact breakpoint scan; whole-bit optimum by
 * exhaustive search), Theorem 3.22's formula where no bound is active, the
 * whole-bit allocation against exhaustive search over random seeds, and bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

#define MAXL 16

static int quick(void)
{
    const char *q = getenv("THERMOAI_TEST_QUICK");

    return q != NULL && q[0] != '\0' && q[0] != '0';
}

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15u);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static double uniform(uint64_t *s, double lo, double hi)
{
    return lo + (hi - lo) * ((double)(rng_next(s) >> 11) * 0x1.0p-53);
}

static double err_of(const double *s, const uint32_t *b, size_t n, double k)
{
    double e = 0.0;
    size_t i;

    for (i = 0; i < n; i++)
        e += s[i] * exp2(-k * (double)b[i]);
    return e;
}

/* The least error over every whole vector in [lo, hi]^n with sum total. */
static double exhaustive(const double *s, size_t n, uint32_t total, double k, uint32_t lo, uint32_t hi)
{
    uint32_t b[MAXL];
    double best = (double)INFINITY;
    size_t i;

    for (i = 0; i < n; i++)
        b[i] = lo;
    for (;;) {
        uint32_t sum = 0;

        for (i = 0; i < n; i++)
            sum += b[i];
        if (sum == total)
            best = fmin(best, err_of(s, b, n, k));
        for (i = 0; i < n && b[i] == hi; i++)
            b[i] = lo;
        if (i == n)
            break;
        b[i]++;
    }
    return best;
}

static void reference_rows(void)
{
    FILE *f = ref_open("precision.csv");
    char line[2048];
    int rows = 0, bad = 0;

    if (!tap_ok(f != NULL, "open tests/ref/precision.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[48], *save = NULL, *tok;
        double a[44] = { 0 }, want, tol, got = (double)NAN, other = (double)NAN, bits[MAXL];
        uint32_t wb[MAXL];
        const char *fn;
        int n = 0, i, st = -1, ok, is_domain;

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
        if (!strcmp(fn, "degradation"))
            st = thermoai_precision_degradation(a[0], a[1], &got);
        else if (!strcmp(fn, "optimal_bits"))
            st = thermoai_precision_optimal_bits(a[0], a[1], &got, &other);
        else if (!strcmp(fn, "optimal_bits_whole"))
            st = thermoai_precision_optimal_bits(a[0], a[1], &other, &got);
        else if (!strcmp(fn, "energy"))
            st = thermoai_precision_energy_j(a[0], a[1], a[2], a[3], &got);
        else if (!strcmp(fn, "layer_bits")) {
            st = thermoai_precision_layer_bits(a + 6, (size_t)a[5], a[3], a[0], a[1], a[2], bits);
            got = bits[(int)a[4]];
        } else if (!strcmp(fn, "layer_error"))
            st = thermoai_precision_layer_error(a + 2, a + 2 + (int)a[1], (size_t)a[1], a[0], &got);
        else if (!strcmp(fn, "layer_bits_whole")) {
            st = thermoai_precision_layer_bits_whole(a + 5, (size_t)a[4], (uint64_t)a[3], a[0], (uint32_t)a[1],
                                                     (uint32_t)a[2], wb, &got);
        } else {
            continue; /* a sparsity row: tests/bounds/test_sparsity.c */
        }
        is_domain = !strcmp(field[1], "DOMAIN");
        if (is_domain)
            ok = st == THERMOAI_E_DOMAIN && (strcmp(fn, "layer_bits_whole") ? isnan(got) : wb[0] == 0);
        else
            ok = st == THERMOAI_OK && fabs(got - want) <= tol * fabs(want);
        rows++;
        if (!ok) {
            bad++;
            tap_diag("%s: status %d got %.17g want %.17g", fn, st, got, want);
        }
    }
    fclose(f);
    tap_ok(rows >= 50, "read %d precision reference rows", rows);
    tap_ok(bad == 0, "every row within its tolerance or with its status (%d bad)", bad);
}

int main(void)
{
    const double s4[4] = { 1.0, 4.0, 16.0, 0.25 };
    double b[MAXL], bs, bw, e1, e2, e3, gmean, sum;
    uint32_t w[MAXL];
    const int seeds = quick() ? 20 : 300;
    int i, ok, bad, seed;

    reference_rows();

    /* Theorem 3.22 where no bound is active: b_i = B/L + (1/k) log2(s_i / geometric mean) */
    tap_ok(thermoai_precision_layer_bits(s4, 4, 30.0, 2.0, 0.0, 64.0, b) == THERMOAI_OK, "layer bits, 4 layers");
    for (ok = 1, gmean = 1.0, i = 0; i < 4; i++)
        gmean *= pow(s4[i], 0.25);
    for (i = 0; i < 4; i++)
        if (fabs(b[i] - (7.5 + 0.5 * log2(s4[i] / gmean))) > 1e-13)
            ok = 0;
    tap_ok(ok, "no active bound: the theorem's b_i = b_bar + 1/2 log2(s_i / s_bar)");
    tap_ok(thermoai_precision_layer_bits(s4, 4, 30.0, 1.0, 0.0, 64.0, b) == THERMOAI_OK
               && fabs(b[2] - b[0] - 4.0) < 1e-13,
           "error exponent 1 (the proof's model): 16x the sensitivity is 4 more bits, not 2");
    /* properties over seeds: the sum, the bounds, monotone in sensitivity, whole = exhaustive */
    for (bad = 0, seed = 0; seed < seeds; seed++) {
        uint64_t st = 0xb175u + (uint64_t)seed;
        const size_t n = 1 + (size_t)(rng_next(&st) % 4);
        const uint32_t lo = (uint32_t)(rng_next(&st) % 4), hi = lo + 1 + (uint32_t)(rng_next(&st) % 6);
        const double k = rng_next(&st) & 1u ? 2.0 : 1.0;
        const uint32_t total = (uint32_t)(n * lo + rng_next(&st) % (n * (hi - lo) + 1));
        double s[MAXL], best, got, cont;
        size_t j, jj;

        for (j = 0; j < n; j++)
            s[j] = pow(10.0, uniform(&st, -3.0, 3.0));
        if (thermoai_precision_layer_bits(s, n, (double)total, k, lo, hi, b) != THERMOAI_OK
            || thermoai_precision_layer_bits_whole(s, n, total, k, lo, hi, w, &got) != THERMOAI_OK) {
            bad++;
            continue;
        }
        for (sum = 0.0, j = 0; j < n; j++) {
            sum += b[j];
            if (b[j] < lo || b[j] > hi || w[j] < lo || w[j] > hi || fabs((double)w[j] - b[j]) >= 1.0 + 1e-9)
                bad++;
            for (jj = 0; jj < n; jj++)
                if (s[jj] > s[j] && (b[jj] < b[j] - 1e-12 || w[jj] < w[j]))
                    bad++;
        }
        for (j = 0, jj = 0; j < n; j++)
            jj += w[j];
        if (fabs(sum - total) > 1e-9 * (1.0 + total) || jj != total)
            bad++;
        best = exhaustive(s, n, total, k, lo, hi);
        if (thermoai_precision_layer_error(s, b, n, k, &cont) != THERMOAI_OK || !(cont <= got * (1.0 + 1e-12))
            || fabs(got - best) > 1e-12 * best || fabs(err_of(s, w, n, k) - got) > 1e-15 * got) {
            bad++;
            tap_diag("seed %d: whole error %.17g, exhaustive %.17g, continuous %.17g", seed, got, best, cont);
        }
    }
    tap_ok(bad == 0,
           "%d random instances: sums exact, bounds kept, more sensitive layers get no fewer bits, whole bits "
           "within 1 of the real optimum, whole error = exhaustive minimum, real error below it", seeds);
    {
        double s[12];

        for (i = 0; i < 12; i++)
            s[i] = pow(2.0, 0.37 * i);
        tap_ok(thermoai_precision_layer_bits_whole(s, 12, 12 * 6 + 5, 2.0, 2, 12, w, &e1) == THERMOAI_OK,
               "12 layers, 77 bits");
        for (sum = 0, i = 0; i < 12; i++)
            sum += w[i];
        for (ok = 1, i = 0; i < 12; i++) {
            int j;

            for (j = 0; j < 12; j++) {
                /* moving one bit from j to i never lowers the error (separable convex: local = global) */
                if (i == j || w[j] == 2 || w[i] == 12)
                    continue;
                if (s[i] * exp2(-2.0 * (w[i] + 1.0)) + s[j] * exp2(-2.0 * (w[j] - 1.0))
                    < s[i] * exp2(-2.0 * w[i]) + s[j] * exp2(-2.0 * w[j]) - 1e-15)
                    ok = 0;
            }
        }
        tap_ok(sum == 77.0 && ok, "12 layers: exactly 77 bits, and no one-bit exchange lowers the error");
    }

    /* b*: the degradation at b* is the tolerance; the ceiling meets it */
    tap_ok(thermoai_precision_optimal_bits(1.0, 1.0 / 65536.0, &bs, &bw) == THERMOAI_OK && bs == 8.0 && bw == 8.0,
           "c_sens 1, tolerance 2^-16: b* = 8 bits (the paper's training value needs c/tol = 2^16)");
    tap_ok(thermoai_precision_optimal_bits(1.0, 1.0 / 256.0, &bs, &bw) == THERMOAI_OK && bs == 4.0,
           "c_sens/tol = 2^8: b* = 4 bits (the paper's inference value)");
    tap_ok(thermoai_precision_optimal_bits(3.0, 1e-3, &bs, &bw) == THERMOAI_OK
               && thermoai_precision_degradation(3.0, bs, &e1) == THERMOAI_OK && fabs(e1 - 1e-3) < 1e-15
               && thermoai_precision_degradation(3.0, bw, &e2) == THERMOAI_OK && e2 <= 1e-3
               && thermoai_precision_degradation(3.0, bw - 1.0, &e3) == THERMOAI_OK && e3 > 1e-3,
           "degradation(b*) = tol; ceil(b*) meets it and one bit fewer does not");
    tap_ok(thermoai_precision_optimal_bits(1.0, 4.0, &bs, &bw) == THERMOAI_OK && bs == -1.0 && bw == 0.0,
           "a loose tolerance: b* = -1, whole 0");
    /* Table 5's laws */
    tap_ok(thermoai_precision_energy_j(0.9e-12, 32, 16, THERMOAI_PRECISION_DIGITAL_EXPONENT, &e1) == THERMOAI_OK
               && fabs(e1 - 0.9e-12 / pow(2.0, 1.5)) < 1e-27,
           "e_flop(16) = e_flop(32) / 2^1.5 = %.3g pJ under b^1.5 (Table 5 prints 0.4 pJ)", e1 * 1e12);
    tap_ok(thermoai_precision_energy_j(0.5e-12, 32, 4, THERMOAI_PRECISION_MEMORY_EXPONENT, &e1) == THERMOAI_OK
               && fabs(e1 - 0.0625e-12) < 1e-28,
           "e_mem(4) = e_mem(32) / 8 = 0.0625 pJ (Table 5's column follows b)");
    tap_ok(thermoai_precision_energy_j(1.0, 8, 0, 1.5, &e1) == THERMOAI_OK && e1 == 0.0, "zero bits cost 0");
    tap_ok(thermoai_precision_energy_j(1.0, 8, 4, 0.0, &e1) == THERMOAI_OK && e1 == 1.0, "exponent 0: flat");

    /* bad input */
    tap_ok(thermoai_precision_optimal_bits(0.0, 1.0, &bs, &bw) == THERMOAI_E_INVALID && isnan(bs) && isnan(bw),
           "b*: zero sensitivity E_INVALID, NaN");
    tap_ok(thermoai_precision_optimal_bits(1.0, -1.0, &bs, &bw) == THERMOAI_E_INVALID, "b*: negative tolerance");
    tap_ok(thermoai_precision_optimal_bits((double)NAN, 1.0, &bs, &bw) == THERMOAI_E_NONFINITE, "b*: NaN");
    tap_ok(thermoai_precision_optimal_bits(1.0, 1.0, NULL, &bw) == THERMOAI_E_NULL && isnan(bw), "b*: NULL output");
    tap_ok(thermoai_precision_degradation(1.0, -1.0, &e1) == THERMOAI_E_INVALID && isnan(e1), "degradation, b < 0");
    tap_ok(thermoai_precision_degradation(1.0, 600.0, &e1) == THERMOAI_E_RANGE && isnan(e1),
           "degradation below the normal range: E_RANGE");
    tap_ok(thermoai_precision_energy_j(1.0, 0.0, 4.0, 1.0, &e1) == THERMOAI_E_INVALID, "energy law: b_ref 0");
    tap_ok(thermoai_precision_energy_j(1.0, 8.0, 4.0, -1.0, &e1) == THERMOAI_E_INVALID, "energy law: exponent < 0");
    tap_ok(thermoai_precision_energy_j(1e300, 1.0, 1e10, 2.0, &e1) == THERMOAI_E_RANGE && isnan(e1),
           "energy law: overflow");
    tap_ok(thermoai_precision_layer_bits(s4, 4, 300.0, 2.0, 0.0, 64.0, b) == THERMOAI_E_DOMAIN && isnan(b[0])
               && isnan(b[3]),
           "layer bits: budget above L b_max: E_DOMAIN, every width NaN");
    tap_ok(thermoai_precision_layer_bits(s4, 4, 3.0, 2.0, 1.0, 64.0, b) == THERMOAI_E_DOMAIN,
           "layer bits: budget below L b_min (the minimum achievable): E_DOMAIN");
    tap_ok(thermoai_precision_layer_bits(s4, 0, 3.0, 2.0, 0.0, 64.0, b) == THERMOAI_E_SIZE, "layer bits: 0 layers");
    tap_ok(thermoai_precision_layer_bits(s4, 4, 30.0, 0.0, 0.0, 64.0, b) == THERMOAI_E_INVALID,
           "layer bits: error exponent 0");
    tap_ok(thermoai_precision_layer_bits(s4, 4, 30.0, 2.0, 9.0, 8.0, b) == THERMOAI_E_INVALID,
           "layer bits: min > max");
    {
        const double bad_s[3] = { 1.0, -2.0, 3.0 }, nan_s[3] = { 1.0, (double)NAN, 3.0 };

        tap_ok(thermoai_precision_layer_bits(bad_s, 3, 12.0, 2.0, 0.0, 8.0, b) == THERMOAI_E_INVALID && isnan(b[2]),
               "layer bits: a negative sensitivity");
        tap_ok(thermoai_precision_layer_bits(nan_s, 3, 12.0, 2.0, 0.0, 8.0, b) == THERMOAI_E_NONFINITE,
               "layer bits: a NaN sensitivity");
        w[0] = w[1] = w[2] = 9;
        tap_ok(thermoai_precision_layer_bits_whole(bad_s, 3, 12, 2.0, 0, 8, w, &e1) == THERMOAI_E_INVALID && w[0] == 0
                   && w[2] == 0 && isnan(e1),
               "whole bits: a negative sensitivity, every width 0, error NaN");
    }
    tap_ok(thermoai_precision_layer_bits_whole(s4, 4, 40, 2.0, 2, 8, w, &e1) == THERMOAI_E_DOMAIN,
           "whole bits: 40 > 4 x 8: E_DOMAIN");
    tap_ok(thermoai_precision_layer_bits_whole(s4, 4, 10, 2.0, 8, 2, w, &e1) == THERMOAI_E_INVALID,
           "whole bits: min > max");
    tap_ok(thermoai_precision_layer_bits_whole(s4, 4, 10, 2.0, 0, 2000000u, w, &e1) == THERMOAI_E_INVALID,
           "whole bits: max above 2^20");
    tap_ok(thermoai_precision_layer_bits_whole(s4, 4, 10, 2.0, 0, 8, NULL, &e1) == THERMOAI_E_NULL && isnan(e1),
           "whole bits: NULL output");
    tap_ok(thermoai_precision_layer_bits_whole(s4, 4, 10, 2.0, 0, 8, w, NULL) == THERMOAI_OK,
           "whole bits: the error output may be NULL");
    tap_ok(thermoai_precision_layer_error(s4, NULL, 4, 2.0, &e1) == THERMOAI_E_NULL && isnan(e1), "error: NULL bits");
    b[0] = -1.0;
    b[1] = b[2] = b[3] = 4.0;
    tap_ok(thermoai_precision_layer_error(s4, b, 4, 2.0, &e1) == THERMOAI_E_INVALID, "error: negative bits");
    tap_ok(thermoai_precision_layer_error(s4, b, (size_t)-1, 2.0, &e1) == THERMOAI_E_SIZE, "error: absurd size");
    return tap_done();
}
