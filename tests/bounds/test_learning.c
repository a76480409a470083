/* SPDX-License-Identifier: MIT */
/*
 * The learning energy bounds of paper 002 Sec. 3 (learning.h): every row of
 * tests/ref/learning.csv (mpmath, see tests/ref/learning_ref.py), the limits and
 * monotonicity the doc comments state, the identities between the functions,
 * and bad input (documented status, NaN outputs).
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "bounds_util.h"

#define MAX_ARGS 64

static size_t count_of(double x)
{
    return x >= 1.0 && x < 64.0 ? (size_t)x : 0;
}

/* Calls the function named fn with args a; -1 for an unknown name. */
static int call(const char *fn, const double *a, double *out)
{
    const size_t n = count_of(a[0]);

    if (!strcmp(fn, "pac_bayes"))
        return thermoai_learning_pac_bayes_bound(a[0], a[1], a[2], a[3], a[4], a[5], out);
    if (!strcmp(fn, "awgn"))
        return thermoai_learning_awgn_energy_per_bit_j(a[0], a[1], out);
    if (!strcmp(fn, "accuracy"))
        return thermoai_learning_energy_accuracy_j(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "condition"))
        return thermoai_learning_energy_condition_j(a[0], a[1], a[2], a[3], a[4], out);
    if (!strcmp(fn, "landauer_bits"))
        return thermoai_learning_landauer_bits(a + 1, a + 1 + n, n, out);
    if (!strcmp(fn, "landauer_j"))
        return thermoai_learning_landauer_j(a + 1, a + 1 + n, n, a[1 + 2 * n], out);
    if (!strcmp(fn, "attn_info"))
        return thermoai_learning_attention_info_j(a[0], a[1], a[2], out);
    if (!strcmp(fn, "attn_flop"))
        return thermoai_learning_attention_flop_j(a[0], a[1], a[2], out);
    if (!strcmp(fn, "attn_io"))
        return thermoai_learning_attention_io_j(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "attn_approx"))
        return thermoai_learning_attention_approx_j(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "channel"))
        return thermoai_learning_channel_energy_per_bit_j(a[0], a[1], a[2], out);
    if (!strcmp(fn, "training_bits"))
        return thermoai_learning_training_bits(a[0], a[1], a[2], a[3], a[4], out);
    if (!strcmp(fn, "training_j"))
        return thermoai_learning_training_j(a[0], a[1], a[2], a[3], a[4], a[5], out);
    if (!strcmp(fn, "inference_bits"))
        return thermoai_learning_inference_bits(a[0], a[1], a[2], out);
    if (!strcmp(fn, "inference_j"))
        return thermoai_learning_inference_j(a[0], a[1], a[2], a[3], out);
    return -1;
}

static void reference_rows(void)
{
    FILE *f = ref_open("learning.csv");
    static char line[8192];
    int rows = 0, bad = 0;

    if (!tap_ok(f != NULL, "open tests/ref/learning.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[4 + MAX_ARGS], *save = NULL, *tok;
        double args[MAX_ARGS], want, tol, got = 0.0;
        int n = 0, status, i;

        if (line[0] == '#')
            continue;
        line[strcspn(line, "\n")] = '\0';
        for (tok = strtok_r(line, ";", &save); tok != NULL && n < 4 + MAX_ARGS;
             tok = strtok_r(NULL, ";", &save))
            field[n++] = tok;
        if (n < 5) {
            bad++;
            continue;
        }
        tol = strtod(field[2], NULL);
        want = strtod(field[3], NULL);
        memset(args, 0, sizeof args);
        for (i = 4; i < n; i++)
            args[i - 4] = strtod(field[i], NULL);
        status = call(field[0], args, &got);
        rows++;
        if (!(strcmp(field[1], "OK") == 0 && status == THERMOAI_OK
              && fabs(got - want) <= tol * fabs(want))) {
            bad++;
            tap_diag("%s(%g, %g, ...): status %d, got %.17g, want %.17g", field[0], args[0],
                     args[1], status, got, want);
        }
    }
    fclose(f);
    tap_ok(rows > 80, "read %d reference rows", rows);
    tap_ok(bad == 0, "every reference row within its tolerance (%d bad)", bad);
}

static void limits(void)
{
    double a, b, c, e1, kt;
    const double u[4] = { 0.25, 0.25, 0.25, 0.25 }, mode[4] = { 1, 0, 0, 0 };
    const double p[3] = { 0.5, 0.3, 0.2 }, qm[3] = { 1, 0, 0 };
    int ok = 1, i;

    /* PAC-Bayes: larger KL, larger bound; more samples, smaller; lambda E adds exactly */
    ok &= thermoai_learning_pac_bayes_bound(0.1, 5.0, 1e4, 0.05, 0.0, 0.0, &a) == THERMOAI_OK;
    ok &= thermoai_learning_pac_bayes_bound(0.1, 50.0, 1e4, 0.05, 0.0, 0.0, &b) == THERMOAI_OK;
    ok &= thermoai_learning_pac_bayes_bound(0.1, 5.0, 1e6, 0.05, 0.0, 0.0, &c) == THERMOAI_OK;
    tap_ok(ok && b > a && c < a, "PAC-Bayes: increasing in KL, decreasing in n");
    ok = thermoai_learning_pac_bayes_bound(0.1, 5.0, 1e4, 0.05, 1e-3, 2e4, &b) == THERMOAI_OK;
    tap_ok(ok && fabs(b - a - 2e-3) < 1e-15, "PAC-Bayes: the energy term adds lambda E / n");

    /* AWGN: N0 ln 2 at eta = 0 and the limit eta -> 0; increasing in eta */
    ok = thermoai_learning_awgn_energy_per_bit_j(1.0, 0.0, &a) == THERMOAI_OK
         && thermoai_learning_awgn_energy_per_bit_j(1.0, 1e-300, &b) == THERMOAI_OK;
    tap_ok(ok && a == b && fabs(a - log(2.0)) < 1e-16, "AWGN: N0 ln 2 at zero spectral efficiency");
    for (i = 0, ok = 1, c = a; i < 200; i++) {
        ok &= thermoai_learning_awgn_energy_per_bit_j(1.0, 0.05 * (i + 1), &b) == THERMOAI_OK;
        ok &= b > c;
        c = b;
    }
    tap_ok(ok, "AWGN: strictly increasing in eta over (0, 10]");
    /* Theorem 3.14 as printed is below Shannon's bound at low rate (R = eta/2 per real use, C large) */
    ok = thermoai_learning_channel_energy_per_bit_j(1.0, 0.05, 10.0, &a) == THERMOAI_OK
         && thermoai_learning_awgn_energy_per_bit_j(1.0, 0.1, &b) == THERMOAI_OK;
    tap_ok(ok && a < b / 10, "Theorem 3.14 as printed: far below Shannon's N0 ln 2 at low rate");

    /* Theorem 3.6: 0 for a uniform prior, negative for the mode of a non-uniform one */
    ok = thermoai_learning_landauer_bits(mode, u, 4, &a) == THERMOAI_OK && a == 0.0;
    tap_ok(ok, "Theorem 3.6: 0 for a point posterior on a uniform prior");
    ok = thermoai_learning_landauer_bits(qm, p, 3, &a) == THERMOAI_OK && a < 0.0;
    tap_ok(ok, "Theorem 3.6: negative (vacuous) for a point posterior on the prior's mode");
    ok = thermoai_learning_landauer_bits(p, p, 3, &a) == THERMOAI_OK && a == 0.0;
    tap_ok(ok, "Theorem 3.6: 0 when Q = P");
    ok = thermoai_learning_landauer_bits(qm, p, 3, &a) == THERMOAI_OK
         && thermoai_learning_landauer_j(qm, p, 3, 300.0, &b) == THERMOAI_OK
         && thermoai_landauer_energy_per_bit_j(300.0, &kt) == THERMOAI_OK;
    tap_ok(ok && fabs(b - a * kt) <= 4 * DBL_EPSILON * fabs(b), "Theorem 3.6: joules = k_B T ln 2 x bits");

    /* Theorem 3.10: the info bound is 0 at N = 1; Corollary 3.11 at eps = 1/N equals item 1 */
    tap_ok(thermoai_learning_attention_info_j(1.0, 64.0, 300.0, &a) == THERMOAI_OK && a == 0.0,
           "Theorem 3.10: information bound 0 at N = 1");
    ok = thermoai_learning_attention_info_j(1024.0, 64.0, 300.0, &a) == THERMOAI_OK
         && thermoai_learning_attention_approx_j(1024.0, 64.0, 1.0 / 1024.0, 300.0, &b) == THERMOAI_OK;
    tap_ok(ok && fabs(a - b) <= 4 * DBL_EPSILON * a, "Corollary 3.11 at eps = 1/N is Theorem 3.10 item 1");
    ok = thermoai_learning_attention_flop_j(1024.0, 64.0, 1e-12, &a) == THERMOAI_OK
         && thermoai_learning_attention_io_j(1024.0, 64.0, 1.0, 5e-13, &b) == THERMOAI_OK;
    tap_ok(ok && fabs(a - 4 * b) <= 4 * DBL_EPSILON * a, "Theorem 3.10: flop = 2 N^2 d e, io = N^2 d e / M");

    /* Theorem 3.3: Eq. (2) with no task bits is the Landauer cost of the model */
    ok = thermoai_learning_energy_accuracy_j(0.0, 0.3, 1e6, 300.0, &a) == THERMOAI_OK
         && thermoai_landauer_energy_j(1e6, 300.0, &b) == THERMOAI_OK;
    tap_ok(ok && fabs(a - b) <= 4 * DBL_EPSILON * b, "Eq. (2) with I_task = 0 is k_B T ln 2 H(model)");
    ok = thermoai_learning_energy_accuracy_j(1e6, 0.25, 0.0, 300.0, &a) == THERMOAI_OK
         && thermoai_learning_energy_accuracy_j(1e6, 0.125, 0.0, 300.0, &b) == THERMOAI_OK;
    tap_ok(ok && fabs(b / a - 1.5) < 1e-15, "Eq. (2): halving the excess error adds one bit per task bit");
    ok = thermoai_learning_energy_condition_j(1e9, 10.0, 1.0, 1.0, 300.0, &a) == THERMOAI_OK;
    tap_ok(ok && a == 0.0, "Eq. (3): 0 when the initial error equals the excess");
    ok = thermoai_learning_energy_condition_j(1.0, 1.0, 1.0 + 1e-12, 1.0, 1.0, &a) == THERMOAI_OK;
    tap_ok(ok && fabs(a / (thermoai_constants_boltzmann_j_per_k() * 1e-12) - 1.0) < 1e-3,
           "Eq. (3): ln(E0/x) accurate next to 1");

    /* Theorems 3.17 and 3.18: joules = k_B T ln 2 x bits; Example 3.1's sum */
    ok = thermoai_learning_training_bits(300e9, 16.0, 175e9, 16.0, 1e11, &a) == THERMOAI_OK
         && thermoai_learning_training_j(300e9, 16.0, 175e9, 16.0, 1e11, 300.0, &e1) == THERMOAI_OK;
    tap_ok(ok && a == 7.7e12 && fabs(e1 - a * kt) <= 4 * DBL_EPSILON * e1,
           "Theorem 3.17: 4.8e12 + 2.8e12 + 1e11 = 7.7e12 bits");
    ok = thermoai_learning_inference_bits(10.0, 3.0, 1024.0, &a) == THERMOAI_OK;
    tap_ok(ok && a == 130.0, "Theorem 3.18: 10 tokens x (3 + log2 1024) bits");
    ok = thermoai_learning_training_bits(1e300, 1e300, 0.0, 0.0, 0.0, &a) == THERMOAI_E_RANGE && isnan(a);
    tap_ok(ok, "Theorem 3.17: overflow is E_RANGE with NaN");
    ok = thermoai_learning_training_j(1e300, 1e10, 0.0, 0.0, 0.0, 1e-10, &a) == THERMOAI_OK;
    tap_ok(ok && fabs(a / (1e300 * (1e10 * 1e-10) * kt / 300.0) - 1) < 1e-15,
           "Theorem 3.17: no intermediate overflow (bits 1e310, energy 1e277 J)");
}

static void bad_input(void)
{
    double o = 0.0;
    const double p[2] = { 0.5, 0.5 }, q0[2] = { 1.0, 0.0 }, z[2] = { 0.0, 1.0 };
    const double nan = (double)NAN, inf = (double)INFINITY;
    int ok = 1;

    ok &= thermoai_learning_pac_bayes_bound(0.1, 1, 100, 0.05, 0, 0, NULL) == THERMOAI_E_NULL;
    ok &= thermoai_learning_pac_bayes_bound(nan, 1, 100, 0.05, 0, 0, &o) == THERMOAI_E_NONFINITE && isnan(o);
    ok &= thermoai_learning_pac_bayes_bound(0.1, 1, 100, 0.05, 0, inf, &o) == THERMOAI_E_NONFINITE && isnan(o);
    ok &= thermoai_learning_pac_bayes_bound(1.5, 1, 100, 0.05, 0, 0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_pac_bayes_bound(0.1, 1, 1.5, 0.05, 0, 0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_pac_bayes_bound(0.1, 1, 100, 1.0, 0, 0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_pac_bayes_bound(0.1, -1, 100, 0.5, 0, 0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_pac_bayes_bound(0.1, 1, 100, 0.5, -1, 0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_pac_bayes_bound(0.1, 1, 100, 0.5, 1e300, 1e300, &o) == THERMOAI_E_RANGE && isnan(o);
    tap_ok(ok, "PAC-Bayes: NULL, NaN, inf, out of domain, overflow");
    ok = thermoai_learning_pac_bayes_bound(0.1, 1, 100, 0.5, 1e-300, 1e-300, &o) == THERMOAI_OK && o > 0.1;
    tap_ok(ok, "PAC-Bayes: an energy term below DBL_MIN is negligible, not an error");

    ok = thermoai_learning_awgn_energy_per_bit_j(0.0, 1.0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_awgn_energy_per_bit_j(1.0, -1.0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_awgn_energy_per_bit_j(1.0, nan, &o) == THERMOAI_E_NONFINITE && isnan(o);
    ok &= thermoai_learning_awgn_energy_per_bit_j(1.0, 2000.0, &o) == THERMOAI_E_RANGE && isnan(o);
    ok &= thermoai_learning_awgn_energy_per_bit_j(1e-310, 0.0, &o) == THERMOAI_E_RANGE && isnan(o);
    ok &= thermoai_learning_awgn_energy_per_bit_j(1.0, 1.0, NULL) == THERMOAI_E_NULL;
    tap_ok(ok, "AWGN: bad input and overflow");

    ok = thermoai_learning_energy_accuracy_j(1, 0.0, 1, 300, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_energy_accuracy_j(1, 1.5, 1, 300, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_energy_accuracy_j(1, 0.5, 1, 0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_energy_condition_j(1, 0.5, 1, 0.5, 300, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_energy_condition_j(1, 2, 0.1, 0.5, 300, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_energy_condition_j(1, 2, nan, 0.5, 300, &o) == THERMOAI_E_NONFINITE && isnan(o);
    tap_ok(ok, "Theorem 3.3: excess error outside (0, 1], kappa < 1, E0 below the excess, NaN");

    ok = thermoai_learning_landauer_bits(NULL, p, 2, &o) == THERMOAI_E_NULL && isnan(o);
    ok &= thermoai_learning_landauer_bits(p, p, 0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_landauer_bits(q0, z, 2, &o) == THERMOAI_E_DOMAIN && isnan(o);
    ok &= thermoai_learning_landauer_j(p, p, 2, 0.0, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_landauer_j(p, p, 2, nan, &o) == THERMOAI_E_NONFINITE && isnan(o);
    {
        const double bad[2] = { 0.5, nan }, un[2] = { 0.5, 0.6 };

        ok &= thermoai_learning_landauer_bits(un, bad, 2, &o) == THERMOAI_E_NONFINITE && isnan(o);
        ok &= thermoai_learning_landauer_bits(un, p, 2, &o) == THERMOAI_E_INVALID && isnan(o);
    }
    tap_ok(ok, "Theorem 3.6: NULL, n = 0, P = 0 < Q, bad T; NaN before an unnormalised pmf");

    ok = thermoai_learning_attention_info_j(0.5, 1, 300, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_attention_io_j(1, 1, 0, 1, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_attention_approx_j(1, 1, 1.0, 300, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_attention_flop_j(1e200, 1e200, 1, &o) == THERMOAI_E_RANGE && isnan(o);
    ok &= thermoai_learning_channel_energy_per_bit_j(1, 2, 2, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_inference_bits(1, 1, 0.5, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_inference_j(1, 1, 2, -300, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_training_j(1, 1, 1, 1, -1, 300, &o) == THERMOAI_E_INVALID && isnan(o);
    ok &= thermoai_learning_training_bits(1, 1, 1, 1, 1, NULL) == THERMOAI_E_NULL;
    tap_ok(ok, "Theorems 3.10, 3.14, 3.17, 3.18: out of domain, overflow, NULL");
}

int main(void)
{
    reference_rows();
    limits();
    bad_input();
    return tap_done();
}
