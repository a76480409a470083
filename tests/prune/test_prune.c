/* SPDX-License-Identifier: MIT */
/* Magnitude and Wanda masks, unstructured and N:M (prune.h), on small matrices whose
 * masks are worked out by hand in the comments. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

#define MUST(x)                                                                                      \
    do {                                                                                           \
        if ((x) != THERMOAI_OK)                                                                    \
            tap_ok(0, "setup: %s", #x);                                                            \
    } while (0)

static unsigned char ws[4096];

static int mask_is(const uint8_t *keep, const char *want)
{
    size_t i;

    for (i = 0; want[i]; i++)
        if (keep[i] != (uint8_t)(want[i] - '0'))
            return 0;
    return 1;
}

/* W (2 x 3) = [0.5 -0.1 0.3; -0.2 0.4 0.1]: |W| = .5 .1 .3 / .2 .4 .1 */
static const float W23[6] = { 0.5f, -0.1f, 0.3f, -0.2f, 0.4f, 0.1f };

static void test_magnitude(void)
{
    uint8_t keep[6];
    size_t b = 0;

    tap_ok(thermoai_prune_workspace_bytes(2, 3, &b) == THERMOAI_OK && b > 0 && b + 64 < sizeof ws,
           "workspace for 2 x 3: %zu bytes", b);
#define MAG(s, want, what)                                                                                   \
    tap_ok(thermoai_prune_magnitude(2, 3, W23, s, ws, b, keep) == THERMOAI_OK && mask_is(keep, want),         \
           "magnitude %s -> %s", what, want)
    /* k = 3: |.1| (index 1), |.1| (index 5, the tie by index), |.2| (index 3) */
    MAG(0.5, "101010", "50%: the three smallest of the matrix");
    /* k = floor(6 x 0.4 + 1/2) = 2 */
    MAG(0.4, "101110", "40%: k = 2, the tie 0.1 = |-0.1| pruned by index");
    MAG(0.25, "101110", "25%: 1.5 rounds to 2");
    MAG(0.0, "111111", "0%");
    MAG(1.0, "000000", "100%");
#undef MAG
}

static void test_wanda(void)
{
    uint8_t keep[6];
    size_t b = 0;
    const double xn[3] = { 1.0, 10.0, 1.0 }, neg[3] = { 1.0, -1.0, 1.0 };

    MUST(thermoai_prune_workspace_bytes(2, 3, &b));
    /* scores row 0: .5, 1.0, .3; row 1: .2, 4.0, .1; k = floor(1.5 + .5) = 2 per row */
    tap_ok(thermoai_prune_wanda(2, 3, W23, xn, 0.5, ws, b, keep) == THERMOAI_OK && mask_is(keep, "010010"),
           "Wanda 50%% per row keeps the column of large activations: 010010 (magnitude: 101010)");
    /* k = floor(1 + .5) = 1 per row: row 0 drops .3 (index 2), row 1 drops .1 (index 5) */
    tap_ok(thermoai_prune_wanda(2, 3, W23, xn, 1.0 / 3.0, ws, b, keep) == THERMOAI_OK && mask_is(keep, "110110"),
           "Wanda 1/3: one per row");
    /* with unit norms Wanda is magnitude compared per row: row 0 drops .1, .3; row 1 drops .1, .2 */
    {
        const double one[3] = { 1.0, 1.0, 1.0 };

        tap_ok(thermoai_prune_wanda(2, 3, W23, one, 0.5, ws, b, keep) == THERMOAI_OK && mask_is(keep, "100010"),
               "unit norms: per-row magnitude (100010), not the matrix threshold (101010)");
    }
    memset(keep, 7, sizeof keep);
    tap_ok(thermoai_prune_wanda(2, 3, W23, neg, 0.5, ws, b, keep) == THERMOAI_E_INVALID && mask_is(keep, "111111"),
           "negative norm -> E_INVALID, mask all kept");
    tap_ok(thermoai_prune_wanda(2, 3, W23, NULL, 0.5, ws, b, keep) == THERMOAI_E_NULL, "NULL norms");
}

static void test_nm(void)
{
    /* group 0: |1, 3, 2, .5| keeps 3 and 2; group 1: |4, 4, 1, 0| keeps both 4s */
    const float w[8] = { 1.0f, -3.0f, 2.0f, 0.5f, 4.0f, 4.0f, -1.0f, 0.0f };
    const float ties[4] = { 1.0f, -1.0f, 1.0f, 1.0f };
    const double xn[8] = { 1.0, 1.0, 1.0, 10.0, 1.0, 1.0, 1.0, 1.0 };
    const float wnan[8] = { 1.0f, (float)NAN, 2.0f, 0.5f, 4.0f, 4.0f, -1.0f, 0.0f };
    uint8_t keep[8];

    tap_ok(thermoai_prune_magnitude_nm(1, 8, w, 2, 4, keep) == THERMOAI_OK && mask_is(keep, "01101100"),
           "2:4 magnitude: 0110 1100");
    tap_ok(thermoai_prune_magnitude_nm(1, 4, ties, 2, 4, keep) == THERMOAI_OK && mask_is(keep, "0011"),
           "2:4 of equal magnitudes: the lower indices pruned first");
    /* scores 1, 3, 2, 5 in group 0 */
    tap_ok(thermoai_prune_wanda_nm(1, 8, w, xn, 2, 4, keep) == THERMOAI_OK && mask_is(keep, "01011100"),
           "2:4 Wanda: norm 10 on input 3 keeps it: 0101 1100");
    tap_ok(thermoai_prune_magnitude_nm(2, 4, w, 1, 4, keep) == THERMOAI_OK && mask_is(keep, "01000100"),
           "1:4 on two rows: the largest of each group; of the tie 4, 4 the higher index is kept");
    tap_ok(thermoai_prune_magnitude_nm(1, 8, w, 4, 4, keep) == THERMOAI_OK && mask_is(keep, "11111111"), "4:4 keeps all");
    tap_ok(thermoai_prune_magnitude_nm(1, 8, w, 0, 4, keep) == THERMOAI_OK && mask_is(keep, "00000000"), "0:4 prunes all");
    memset(keep, 7, sizeof keep);
    tap_ok(thermoai_prune_magnitude_nm(1, 8, w, 2, 3, keep) == THERMOAI_E_INVALID && mask_is(keep, "11111111"),
           "3 does not divide 8 -> E_INVALID, mask all kept");
    tap_ok(thermoai_prune_magnitude_nm(1, 8, w, 5, 4, keep) == THERMOAI_E_INVALID, "n > m");
    tap_ok(thermoai_prune_magnitude_nm(1, 8, w, 0, 0, keep) == THERMOAI_E_INVALID, "m = 0");
    {
        /* the mask is set to all-kept before the checks: it needs rows x cols bytes */
        float w130[130] = { 0.0f };
        uint8_t keep130[130];

        tap_ok(thermoai_prune_magnitude_nm(1, 130, w130, 2, 65, keep130) == THERMOAI_E_INVALID,
               "m = 65 above the maximum");
    }
    {
        int st = thermoai_prune_magnitude_nm(1, 8, wnan, 2, 4, keep);

        tap_ok(st == THERMOAI_E_NONFINITE, "NaN weight -> E_NONFINITE (got %d)", st);
    }
    tap_ok(thermoai_prune_magnitude_nm(0, 8, w, 2, 4, keep) == THERMOAI_E_INVALID, "0 rows");
    tap_ok(thermoai_prune_wanda_nm(1, 8, w, NULL, 2, 4, keep) == THERMOAI_E_NULL, "NULL norms");
}

static void test_bad(void)
{
    uint8_t keep[6];
    size_t b = 0, z = 7;
    const float wnan[6] = { 0.5f, (float)INFINITY, 0.3f, -0.2f, 0.4f, 0.1f };

    MUST(thermoai_prune_workspace_bytes(2, 3, &b));
    memset(keep, 7, sizeof keep);
    tap_ok(thermoai_prune_magnitude(2, 3, W23, 1.5, ws, b, keep) == THERMOAI_E_INVALID && mask_is(keep, "111111"),
           "sparsity 1.5 -> E_INVALID, mask all kept");
    tap_ok(thermoai_prune_magnitude(2, 3, W23, -0.1, ws, b, keep) == THERMOAI_E_INVALID, "sparsity -0.1");
    tap_ok(thermoai_prune_magnitude(2, 3, W23, (double)NAN, ws, b, keep) == THERMOAI_E_NONFINITE, "NaN sparsity");
    tap_ok(thermoai_prune_magnitude(2, 3, wnan, 0.5, ws, b, keep) == THERMOAI_E_NONFINITE, "infinite weight");
    tap_ok(thermoai_prune_magnitude(2, 3, W23, 0.5, ws, b - 1, keep) == THERMOAI_E_SIZE, "workspace one byte short");
    tap_ok(thermoai_prune_magnitude(2, 3, W23, 0.5, NULL, b, keep) == THERMOAI_E_NULL, "NULL workspace");
    tap_ok(thermoai_prune_magnitude(0, 3, W23, 0.5, ws, b, keep) == THERMOAI_E_INVALID, "0 rows");
    tap_ok(thermoai_prune_workspace_bytes(0, 3, &z) == THERMOAI_E_INVALID && z == 0, "workspace of 0 rows");
    tap_ok(thermoai_prune_workspace_bytes((size_t)1 << 20, (size_t)1 << 20, &z) == THERMOAI_E_INVALID,
           "2^40 weights: above the limit");
}

static void test_norms(void)
{
    /* columns (3, 4) and (0, -1): norms 5 and 1 */
    const float x[4] = { 3.0f, 0.0f, 4.0f, -1.0f }, xnan[4] = { 3.0f, (float)NAN, 4.0f, -1.0f };
    const float big[2] = { 3e38f, 3e38f };
    double n[2];

    tap_ok(thermoai_prune_column_norms(2, 2, x, n) == THERMOAI_OK && n[0] == 5.0 && n[1] == 1.0, "norms 5 and 1");
    tap_ok(thermoai_prune_column_norms(2, 1, big, n) == THERMOAI_OK && fabs(n[0] / (3e38 * sqrt(2.0)) - 1.0) < 1e-7,
           "3e38 twice: no overflow (double accumulation)");
    tap_ok(thermoai_prune_column_norms(2, 2, xnan, n) == THERMOAI_E_NONFINITE && isnan(n[0]) && isnan(n[1]),
           "NaN activation -> E_NONFINITE, NaN norms");
    tap_ok(thermoai_prune_column_norms(0, 2, x, n) == THERMOAI_E_INVALID, "no tokens");
    tap_ok(thermoai_prune_column_norms(2, 2, NULL, n) == THERMOAI_E_NULL && isnan(n[0]), "NULL activations");
}

int main(void)
{
    test_magnitude();
    test_wanda();
    test_nm();
    test_bad();
    test_norms();
    return tap_done();
}
