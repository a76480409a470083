/* SPDX-License-Identifier: MIT */
/* TIP scoring, selection and loss estimators (paper 000 Sec. 5.2-5.3); every expected
 * value is worked out by hand in the comments (orders, prefixes, evaluator calls). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

/* ---- score from a loss increase ---------------------------------------------------- */

static void test_score_from_loss(void)
{
    double x = 0, y = 0;

    /* dL = ln 1.5: PPL' / PPL = 1.5, so s = 0.5 x 4 / 1 = 2 (expm1(log(1.5)) within 1 ulp) */
    tap_ok(thermoai_tip_score_from_loss(log(1.5), 1.0, 4.0, &x) == THERMOAI_OK && fabs(x - 2.0) <= 8 * DBL_EPSILON,
           "ln 1.5 nats over a quarter of the energy: 2 (got %.17g)", x);
    /* the same component through the perplexity form */
    tap_ok(thermoai_tip_score(5.0, 7.5, 1.0, 4.0, &y) == THERMOAI_OK && fabs(x - y) <= 8 * DBL_EPSILON,
           "agrees with thermoai_tip_score(5 -> 7.5)");
    tap_ok(thermoai_tip_score_from_loss(0.0, 1.0, 4.0, &x) == THERMOAI_OK && x == 0.0, "no loss: 0");
    tap_ok(thermoai_tip_score_from_loss(-log(2.0), 1.0, 2.0, &x) == THERMOAI_OK && fabs(x + 1.0) <= 4 * DBL_EPSILON,
           "removal halves the perplexity: -0.5 x 2 = -1");
    /* small dL: e^1e-12 - 1 = 1e-12 + 5e-25 (+ 1.7e-37); x 10. exp(dL) - 1 would keep 4 digits */
    tap_ok(thermoai_tip_score_from_loss(1e-12, 1.0, 10.0, &x) == THERMOAI_OK && fabs(x - (1e-11 + 5e-24)) <= 8e-27,
           "1e-12 nats x 10 = 1.0000000000005e-11 (expm1, no cancellation; got %.17g)", x);
    x = 1;
    tap_ok(thermoai_tip_score_from_loss(800.0, 1.0, 2.0, &x) == THERMOAI_E_RANGE && isnan(x), "e^800 overflows: E_RANGE, NaN");
    tap_ok(thermoai_tip_score_from_loss((double)NAN, 1.0, 2.0, &x) == THERMOAI_E_NONFINITE && isnan(x), "NaN loss");
    tap_ok(thermoai_tip_score_from_loss(0.1, 3.0, 2.0, &x) == THERMOAI_E_INVALID, "component above total");
    tap_ok(thermoai_tip_score_from_loss(0.1, -1.0, 2.0, &x) == THERMOAI_E_INVALID, "negative energy");
    tap_ok(thermoai_tip_score_from_loss(0.1, 1.0, 2.0, NULL) == THERMOAI_E_NULL, "NULL output");
}

/* The hand-made set: total 10 J; E = 2, 1, 2, 5; dL = 0.1, 0.2, 0.1, 0.05 nats.
 * Scores expm1(dL) 10 / E: 0.5259, 2.214, 0.5259 (an exact tie with 0), 0.1025.
 * Order: 3, then the tie 0 before 2, then 1. */
static const double E4[4] = { 2.0, 1.0, 2.0, 5.0 };
static const double L4[4] = { 0.1, 0.2, 0.1, 0.05 };

static void test_scores(void)
{
    double s[4], bad[4] = { 2.0, 1.0, 2.0, 6.0 };

    tap_ok(thermoai_tip_scores(4, E4, L4, 10.0, s) == THERMOAI_OK && fabs(s[0] - expm1(0.1) * 5.0) <= 1e-15
               && fabs(s[1] - expm1(0.2) * 10.0) <= 1e-15 && s[0] == s[2]
               && fabs(s[3] - expm1(0.05) * 2.0) <= 1e-15,
           "scores of the hand-made set");
    tap_ok(thermoai_tip_scores(4, bad, L4, 10.0, s) == THERMOAI_E_INVALID && isnan(s[0]) && isnan(s[3]),
           "energies summing to 11 J of 10 -> E_INVALID, all NaN");
    tap_ok(thermoai_tip_scores(0, E4, L4, 10.0, s) == THERMOAI_E_INVALID, "empty list -> E_INVALID");
    tap_ok(thermoai_tip_scores(4, NULL, L4, 10.0, s) == THERMOAI_E_NULL && isnan(s[0]), "NULL energies");
}

/* workspace of the right size, with a guard region after it */
static unsigned char ws_buf[4096];

static size_t ws_for(size_t n)
{
    size_t b = 0;

    if (thermoai_tip_select_workspace_bytes(n, &b) != THERMOAI_OK || b + 64 > sizeof ws_buf)
        return 0;
    memset(ws_buf, 0xA5, sizeof ws_buf);
    return b;
}

static int guard_intact(size_t b)
{
    size_t i;

    for (i = b; i < b + 64; i++)
        if (ws_buf[i] != 0xA5)
            return 0;
    return 1;
}

static int mask_is(const uint8_t *keep, const char *want)
{
    size_t i;

    for (i = 0; want[i]; i++)
        if (keep[i] != (uint8_t)(want[i] - '0'))
            return 0;
    return 1;
}

static void test_select_order(void)
{
    uint8_t keep[4];
    size_t order[4], b = ws_for(4);
    double sv, sz, dg;

    tap_ok(b > 0, "workspace for 4 components: %zu bytes", b);
    tap_ok(thermoai_tip_select(4, E4, L4, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, ws_buf, b, keep, order,
                               &sv, &sz, &dg)
                   == THERMOAI_OK
               && guard_intact(b),
           "select 50%%: OK, nothing written past the workspace");
    tap_ok(order[0] == 3 && order[1] == 0 && order[2] == 2 && order[3] == 1,
           "order 3, 0, 2, 1: lowest score first, the tie by index (got %zu %zu %zu %zu)", order[0], order[1],
           order[2], order[3]);
    tap_ok(mask_is(keep, "0110"), "50%% of 4 removes 3 and 0");
    tap_ok(sv == 0.7 && sz == 0.5 && fabs(dg - expm1(0.15)) <= 1e-16,
           "saved (5 + 2) / 10 = 0.7, size 0.5, predicted degradation e^0.15 - 1 (got %g %g %g)", sv, sz, dg);
    /* the tie the other way round: swap components 0 and 2 - the lower index still goes first */
    {
        const double e[4] = { 2.0, 1.0, 2.0, 5.0 }, l[4] = { 0.1, 0.2, 0.1, 0.05 };

        tap_ok(thermoai_tip_select(4, e, l, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.25, ws_buf, b, keep, NULL,
                                   &sv, &sz, &dg)
                       == THERMOAI_OK
                   && mask_is(keep, "1110"),
               "25%%: only component 3 (order may be NULL)");
    }
    /* a harmful component (dL < 0) scores below 0 and goes first */
    {
        const double l[4] = { 0.1, -0.01, 0.1, 0.05 };

        tap_ok(thermoai_tip_select(4, E4, l, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.25, ws_buf, b, keep, order,
                                   &sv, &sz, &dg)
                       == THERMOAI_OK
                   && order[0] == 1 && mask_is(keep, "1011") && dg < 0.0,
               "a component whose removal helps is removed first, degradation < 0");
    }
}

static void test_select_targets(void)
{
    uint8_t keep[4];
    size_t b = ws_for(4);
    double sv, sz, dg;
    const double size[4] = { 1.0, 1.0, 1.0, 7.0 };

#define SEL(tgt, val, sizes, want, what)                                                                     \
    tap_ok(thermoai_tip_select(4, E4, L4, sizes, 10.0, tgt, val, ws_buf, b, keep, NULL, &sv, &sz, &dg)        \
                   == THERMOAI_OK                                                                            \
               && mask_is(keep, want),                                                                       \
           "%s -> %s", what, want)
    SEL(THERMOAI_TIP_TARGET_SPARSITY, 0.0, NULL, "1111", "sparsity 0 removes nothing");
    SEL(THERMOAI_TIP_TARGET_SPARSITY, 0.6, NULL, "0100", "sparsity 0.6 of 4 needs 3 (2.4 rounds up)");
    SEL(THERMOAI_TIP_TARGET_SPARSITY, 1.0, NULL, "0000", "sparsity 1 removes all");
    SEL(THERMOAI_TIP_TARGET_SPARSITY, 0.5, size, "1110", "sizes 1,1,1,7: component 3 alone is 70%");
    SEL(THERMOAI_TIP_TARGET_ENERGY, 0.5, NULL, "1110", "energy 50%: component 3 saves 5 of 10 J");
    SEL(THERMOAI_TIP_TARGET_ENERGY, 0.51, NULL, "0110", "energy 51%: 3 and 0 (7 J)");
    SEL(THERMOAI_TIP_TARGET_ENERGY, 1.0, NULL, "0000", "energy 100% with energies summing to the total");
    /* quality: cumulative dL in order 0.05, 0.15, 0.25, 0.45; log1p(0.17) = 0.157 */
    SEL(THERMOAI_TIP_TARGET_QUALITY, 0.17, NULL, "0110", "quality 17%: 3 and 0 (e^0.15 - 1 = 16.2%)");
    SEL(THERMOAI_TIP_TARGET_QUALITY, 0.0, NULL, "1111", "quality 0: nothing (the first costs 0.05 nats)");
    SEL(THERMOAI_TIP_TARGET_QUALITY, 10.0, NULL, "0000", "quality 1000%: everything");
#undef SEL
    tap_ok(sz == 1.0 && sv == 1.0 && fabs(dg - expm1(0.45)) <= 1e-15, "all removed: fractions 1, degradation e^0.45 - 1");
}

static void test_select_bad(void)
{
    uint8_t keep[4];
    size_t b = ws_for(4), small = 0;
    double sv = 0, sz = 0, dg = 0;
    const double nan_e[4] = { 2.0, (double)NAN, 2.0, 5.0 }, zero_e[4] = { 2.0, 0.0, 2.0, 5.0 };

#define BAD(call, want, what)                                                                                \
    do {                                                                                                     \
        sv = sz = dg = 0.5;                                                                                  \
        memset(keep, 7, sizeof keep);                                                                        \
        tap_ok((call) == (want) && isnan(sv) && isnan(sz) && isnan(dg) && mask_is(keep, "1111"),              \
               "%s -> %s, outputs NaN, mask all kept", what, #want);                                          \
    } while (0)
    sv = 0.5;
    tap_ok(thermoai_tip_select(0, E4, L4, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, ws_buf, b, keep, NULL, &sv, &sz,
                               &dg)
                   == THERMOAI_E_INVALID
               && isnan(sv) && isnan(dg),
           "empty component list -> E_INVALID, outputs NaN");
    BAD(thermoai_tip_select(4, E4, L4, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 1.5, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_INVALID, "sparsity 1.5");
    BAD(thermoai_tip_select(4, E4, L4, NULL, 10.0, THERMOAI_TIP_TARGET_ENERGY, -0.1, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_INVALID, "energy target -0.1");
    BAD(thermoai_tip_select(4, E4, L4, NULL, 10.0, THERMOAI_TIP_TARGET_QUALITY, -0.01, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_INVALID, "quality budget -1%");
    BAD(thermoai_tip_select(4, E4, L4, NULL, 20.0, THERMOAI_TIP_TARGET_ENERGY, 0.6, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_DOMAIN, "energy 60% of 20 J when all components save 10 J");
    BAD(thermoai_tip_select(4, E4, L4, NULL, 9.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_INVALID, "energies (10 J) above the total (9 J)");
    BAD(thermoai_tip_select(4, zero_e, L4, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_INVALID, "a zero energy");
    BAD(thermoai_tip_select(4, nan_e, L4, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_NONFINITE, "a NaN energy");
    BAD(thermoai_tip_select(4, E4, L4, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, (double)NAN, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_NONFINITE, "a NaN target");
    BAD(thermoai_tip_select(4, E4, L4, NULL, 10.0, 9u, 0.5, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_UNSUPPORTED, "unknown target");
    BAD(thermoai_tip_select(4, E4, L4, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, ws_buf, b - 1, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_SIZE, "workspace one byte short");
    BAD(thermoai_tip_select(4, E4, NULL, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, ws_buf, b, keep, NULL, &sv, &sz, &dg),
        THERMOAI_E_NULL, "NULL losses");
#undef BAD
    tap_ok(thermoai_tip_select(4, E4, L4, NULL, 10.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, ws_buf, b, NULL, NULL, &sv, &sz,
                               &dg)
               == THERMOAI_E_NULL,
           "NULL mask");
    tap_ok(thermoai_tip_select_workspace_bytes(0, &small) == THERMOAI_E_INVALID && small == 0, "workspace of 0 components");
    tap_ok(thermoai_tip_select_workspace_bytes(4, NULL) == THERMOAI_E_NULL, "workspace query, NULL output");
}

/* ---- the evaluator: L = 2 + sum of a_i over removed, + 1 when 0 and 1 are both removed */

struct toy {
    int calls;
    int fail_at;  /* call number that fails (0: none) */
    int nan_at;   /* call number that returns NaN (0: none) */
};

static int toy_eval(const uint8_t *keep, void *user, double *loss)
{
    static const double a[3] = { 0.1, 0.2, 0.3 };
    struct toy *t = (struct toy *)user;
    double l = 2.0;
    int i;

    t->calls++;
    if (t->fail_at == t->calls)
        return -1;
    for (i = 0; i < 3; i++)
        if (!keep[i])
            l += a[i];
    if (!keep[0] && !keep[1])
        l += 1.0;
    *loss = t->nan_at == t->calls ? (double)NAN : l;
    return 0;
}

static void test_leave_one_out(void)
{
    struct toy t = { 0, 0, 0 };
    unsigned char mask[3];
    const uint8_t keep0[3] = { 0, 1, 1 }, bad_keep[3] = { 1, 2, 1 };
    double base = 0, dl[3];

    tap_ok(thermoai_tip_loss_leave_one_out(3, NULL, toy_eval, &t, mask, sizeof mask, &base, dl) == THERMOAI_OK
               && base == 2.0 && fabs(dl[0] - 0.1) < 1e-12 && fabs(dl[1] - 0.2) < 1e-12 && fabs(dl[2] - 0.3) < 1e-12
               && t.calls == 4,
           "leave-one-out from the full model: 0.1, 0.2, 0.3 in 4 calls");
    t.calls = 0;
    tap_ok(thermoai_tip_loss_leave_one_out(3, keep0, toy_eval, &t, mask, sizeof mask, &base, dl) == THERMOAI_OK
               && fabs(base - 2.1) < 1e-12 && dl[0] == 0.0 && fabs(dl[1] - 1.2) < 1e-12 && fabs(dl[2] - 0.3) < 1e-12
               && t.calls == 3,
           "with 0 removed: 1 now costs 1.2 (the interaction), 3 calls");
    t.calls = 0;
    t.fail_at = 2;
    base = 0;
    tap_ok(thermoai_tip_loss_leave_one_out(3, NULL, toy_eval, &t, mask, sizeof mask, &base, dl) == THERMOAI_E_CALLBACK
               && isnan(base) && isnan(dl[0]) && isnan(dl[2]),
           "callback failure -> E_CALLBACK, all NaN");
    t.calls = 0;
    t.fail_at = 0;
    t.nan_at = 3;
    tap_ok(thermoai_tip_loss_leave_one_out(3, NULL, toy_eval, &t, mask, sizeof mask, &base, dl) == THERMOAI_E_NONFINITE
               && isnan(base) && isnan(dl[1]),
           "a NaN loss from the callback -> E_NONFINITE");
    t.nan_at = 0;
    tap_ok(thermoai_tip_loss_leave_one_out(3, bad_keep, toy_eval, &t, mask, sizeof mask, &base, dl) == THERMOAI_E_INVALID,
           "mask byte 2 -> E_INVALID");
    tap_ok(thermoai_tip_loss_leave_one_out(3, NULL, toy_eval, &t, mask, 2, &base, dl) == THERMOAI_E_SIZE,
           "2-byte workspace for 3 -> E_SIZE");
    tap_ok(thermoai_tip_loss_leave_one_out(0, NULL, toy_eval, &t, mask, 3, &base, dl) == THERMOAI_E_INVALID,
           "no components -> E_INVALID");
    tap_ok(thermoai_tip_loss_leave_one_out(3, NULL, NULL, &t, mask, 3, &base, dl) == THERMOAI_E_NULL, "NULL callback");
}

static const double E3[3] = { 1.0, 1.0, 1.0 };

static void test_rounds(void)
{
    struct toy t = { 0, 0, 0 };
    uint8_t keep[3];
    size_t b = ws_for(3);
    double l0, l1, sv, sz, dl[3];

    /* one-shot greedy on leave-one-out scores removes 0 and 1: the pair costs 1.3 nats */
    {
        unsigned char mask[3];
        double base;

        tap_ok(thermoai_tip_loss_leave_one_out(3, NULL, toy_eval, &t, mask, 3, &base, dl) == THERMOAI_OK
                   && thermoai_tip_select(3, E3, dl, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 2.0 / 3.0, ws_buf, b, keep,
                                          NULL, &sv, &sz, &l0)
                          == THERMOAI_OK
                   && mask_is(keep, "001"),
               "one-shot: removes 0 and 1 (predicted 0.3 nats, measured 1.3)");
    }
    /* two rounds: round 1 removes 0 (score 0.1 x 3); round 2 re-measures: 1 costs 1.2, 2 costs 0.3 */
    t.calls = 0;
    b = ws_for(3);
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 2.0 / 3.0, 2, toy_eval, &t,
                                      ws_buf, b, keep, &l0, &l1, &sv, &sz)
                   == THERMOAI_OK
               && guard_intact(b) && mask_is(keep, "010") && l0 == 2.0 && fabs(l1 - 2.4) < 1e-12,
           "two rounds: removes 0 and 2, loss 2.4 instead of 3.3");
    tap_ok(t.calls == 8, "4 + 3 evaluations in the rounds and 1 of the result (got %d)", t.calls);
    tap_ok(fabs(sv - 2.0 / 3.0) < 1e-15 && fabs(sz - 2.0 / 3.0) < 1e-15, "saved and size fractions 2/3");
    /* quality budget 42% (ln 1.42 = 0.3507 nats): the prefix 0, 1 (predicted 0.3) measures 1.3, so 1 is
     * put back: final loss 2.1 */
    t.calls = 0;
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_QUALITY, 0.42, 1, toy_eval, &t, ws_buf, b,
                                      keep, &l0, &l1, &sv, &sz)
                   == THERMOAI_OK
               && mask_is(keep, "011") && fabs(l1 - 2.1) < 1e-12,
           "quality 42%%: the measured loss puts component 1 back (final 2.1 nats)");
    tap_ok(t.calls == 7, "4 leave-one-out, 1 of the prefix, 1 after putting back, 1 final (got %d)", t.calls);
    tap_ok(expm1(l1 - l0) <= 0.42, "the final mask meets the budget as measured");
    /* energy target in one round, equal scores through the callback order by index */
    t.calls = 0;
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_ENERGY, 0.3, 1, toy_eval, &t, ws_buf, b,
                                      keep, &l0, &l1, &sv, &sz)
                   == THERMOAI_OK
               && mask_is(keep, "011") && fabs(l1 - 2.1) < 1e-12,
           "energy 30%% in one round: component 0 (1 J of 3)");
}

static void test_rounds_bad(void)
{
    struct toy t = { 0, 3, 0 };
    uint8_t keep[3];
    size_t b = ws_for(3);
    double l0 = 0, l1 = 0, sv = 0, sz = 0;

    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, 2, toy_eval, &t, ws_buf, b,
                                      keep, &l0, &l1, &sv, &sz)
                   == THERMOAI_E_CALLBACK
               && isnan(l0) && isnan(l1) && isnan(sv) && isnan(sz) && mask_is(keep, "111"),
           "callback failing on call 3 -> E_CALLBACK, NaN outputs, mask all kept");
    t.fail_at = 0;
    t.nan_at = 6;
    t.calls = 0;
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, 2, toy_eval, &t, ws_buf, b,
                                      keep, &l0, &l1, &sv, &sz)
                   == THERMOAI_E_NONFINITE
               && isnan(l1) && mask_is(keep, "111"),
           "NaN loss in round 2 -> E_NONFINITE");
    t.nan_at = 0;
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, 0, toy_eval, &t, ws_buf, b,
                                      keep, &l0, &l1, &sv, &sz)
               == THERMOAI_E_INVALID,
           "0 rounds -> E_INVALID");
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, 4, toy_eval, &t, ws_buf, b,
                                      keep, &l0, &l1, &sv, &sz)
               == THERMOAI_E_INVALID,
           "4 rounds for 3 components -> E_INVALID");
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 2.0, 1, toy_eval, &t, ws_buf, b,
                                      keep, &l0, &l1, &sv, &sz)
               == THERMOAI_E_INVALID,
           "sparsity 2 -> E_INVALID");
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, 1, NULL, &t, ws_buf, b, keep,
                                      &l0, &l1, &sv, &sz)
               == THERMOAI_E_NULL,
           "NULL callback -> E_NULL");
    tap_ok(thermoai_tip_select_rounds(3, E3, NULL, 3.0, THERMOAI_TIP_TARGET_SPARSITY, 0.5, 1, toy_eval, &t, ws_buf, 10,
                                      keep, &l0, &l1, &sv, &sz)
               == THERMOAI_E_SIZE,
           "10-byte workspace -> E_SIZE");
}

static void test_taylor(void)
{
    /* comp 0: 1*2 + (-2)*1 = 0; comp 1: 0.5*4 + 3*(-1) = -1 -> 1; comp 2 has no weight; the last
     * weight belongs to none */
    const float g[5] = { 1.0f, -2.0f, 0.5f, 3.0f, 1.0f }, w[5] = { 2.0f, 1.0f, 4.0f, -1.0f, 7.0f };
    const float gnan[5] = { 1.0f, (float)NAN, 0.5f, 3.0f, 1.0f };
    const uint32_t comp[5] = { 0, 0, 1, 1, UINT32_MAX };
    double dl[3];

    tap_ok(thermoai_tip_loss_taylor(5, g, w, comp, 3, dl) == THERMOAI_OK && dl[0] == 0.0 && dl[1] == 1.0 && dl[2] == 0.0,
           "|g . w| per component: 0, 1, 0");
    tap_ok(thermoai_tip_loss_taylor(5, gnan, w, comp, 3, dl) == THERMOAI_E_NONFINITE && isnan(dl[0]) && isnan(dl[2]),
           "NaN gradient -> E_NONFINITE, all NaN");
    tap_ok(thermoai_tip_loss_taylor(0, g, w, comp, 3, dl) == THERMOAI_E_INVALID, "no weights -> E_INVALID");
    tap_ok(thermoai_tip_loss_taylor(5, g, w, comp, 0, dl) == THERMOAI_E_INVALID, "no components -> E_INVALID");
    tap_ok(thermoai_tip_loss_taylor(5, g, NULL, comp, 3, dl) == THERMOAI_E_NULL && isnan(dl[1]), "NULL weights");
}


static void test_rank_correlation(void)
{
    const double a[4] = { 1.0, 2.0, 3.0, 4.0 }, rev[4] = { 40.0, 30.0, 20.0, 10.0 };
    const double swap[4] = { 1.0, 3.0, 2.0, 4.0 }, tie[4] = { 1.0, 2.0, 2.0, 3.0 };
    const double flat[4] = { 5.0, 5.0, 5.0, 5.0 }, bad[4] = { 1.0, (double)NAN, 3.0, 4.0 };
    size_t b = ws_for(4);
    double r = 0;

    tap_ok(thermoai_tip_rank_correlation(4, a, a, ws_buf, b, &r) == THERMOAI_OK && r == 1.0, "same order: 1");
    tap_ok(thermoai_tip_rank_correlation(4, a, rev, ws_buf, b, &r) == THERMOAI_OK && r == -1.0, "reversed: -1");
    /* d^2 = 0 + 1 + 1 + 0: 1 - 6 x 2 / (4 x 15) = 0.8 */
    tap_ok(thermoai_tip_rank_correlation(4, swap, a, ws_buf, b, &r) == THERMOAI_OK && fabs(r - 0.8) < 1e-15,
           "one swap: 0.8 (got %.17g)", r);
    /* ranks 1, 2.5, 2.5, 4 against 1..4: 4.5 / sqrt(4.5 x 5) = 0.948683... */
    tap_ok(thermoai_tip_rank_correlation(4, tie, a, ws_buf, b, &r) == THERMOAI_OK
               && fabs(r - 4.5 / sqrt(22.5)) < 1e-15 && guard_intact(b),
           "a tie shares its mean rank: 0.9487 (got %.17g)", r);
    r = 0;
    tap_ok(thermoai_tip_rank_correlation(4, flat, a, ws_buf, b, &r) == THERMOAI_E_DOMAIN && isnan(r),
           "a constant list -> E_DOMAIN, NaN");
    tap_ok(thermoai_tip_rank_correlation(4, bad, a, ws_buf, b, &r) == THERMOAI_E_NONFINITE, "NaN value");
    tap_ok(thermoai_tip_rank_correlation(1, a, a, ws_buf, b, &r) == THERMOAI_E_INVALID, "one value");
    tap_ok(thermoai_tip_rank_correlation(4, a, a, ws_buf, 8, &r) == THERMOAI_E_SIZE, "8-byte workspace");
    tap_ok(thermoai_tip_rank_correlation(4, a, NULL, ws_buf, b, &r) == THERMOAI_E_NULL, "NULL list");
}

int main(void)
{
    double x = 0;

    /* (5.54 - 5.47) / 5.47 = 0.0127970749... */
    tap_ok(thermoai_tip_relative_degradation(5.47, 5.54, &x) == THERMOAI_OK
               && fabs(x - 0.07 / 5.47) <= 8 * DBL_EPSILON,
           "TIP 50%%: 1.28%% degradation (got %.6g)", x);
    tap_ok(thermoai_tip_relative_degradation(4.0, 6.0, &x) == THERMOAI_OK && x == 0.5,
           "4 -> 6 is +50%% exactly");
    tap_ok(thermoai_tip_relative_degradation(6.0, 3.0, &x) == THERMOAI_OK && x == -0.5,
           "an improvement is negative");
    tap_ok(thermoai_tip_relative_degradation(5.0, 5.0, &x) == THERMOAI_OK && x == 0.0, "no change: 0");
    x = 1;
    tap_ok(thermoai_tip_relative_degradation(0.5, 5.0, &x) == THERMOAI_E_INVALID && isnan(x),
           "perplexity below 1 -> E_INVALID, NaN");
    tap_ok(thermoai_tip_relative_degradation((double)NAN, 5.0, &x) == THERMOAI_E_NONFINITE, "NaN perplexity");
    tap_ok(thermoai_tip_relative_degradation(5.0, (double)INFINITY, &x) == THERMOAI_E_NONFINITE, "Inf perplexity");
    tap_ok(thermoai_tip_relative_degradation(5.0, 5.0, NULL) == THERMOAI_E_NULL, "NULL output");

    /* s = (dPPL/PPL) / (E_i/E_total): (6-4)/4 = 0.5 over 0.25 of the energy = 2 */
    tap_ok(thermoai_tip_score(4.0, 6.0, 1.0, 4.0, &x) == THERMOAI_OK && x == 2.0,
           "score 0.5 / 0.25 = 2");
    tap_ok(thermoai_tip_score(4.0, 6.0, 2.0, 4.0, &x) == THERMOAI_OK && x == 1.0,
           "twice the energy halves the score");
    tap_ok(thermoai_tip_score(4.0, 4.0, 1.0, 4.0, &x) == THERMOAI_OK && x == 0.0,
           "a free component scores 0");
    tap_ok(thermoai_tip_score(6.0, 3.0, 1.0, 2.0, &x) == THERMOAI_OK && x == -1.0,
           "a harmful component scores below 0: -0.5 / 0.5 = -1");
    x = 1;
    tap_ok(thermoai_tip_score(4.0, 6.0, 0.0, 4.0, &x) == THERMOAI_E_INVALID && isnan(x),
           "zero component energy -> E_INVALID, NaN");
    tap_ok(thermoai_tip_score(4.0, 6.0, 5.0, 4.0, &x) == THERMOAI_E_INVALID, "component above total");
    tap_ok(thermoai_tip_score(4.0, 6.0, (double)NAN, 4.0, &x) == THERMOAI_E_NONFINITE, "NaN energy");
    tap_ok(thermoai_tip_score(0.9, 6.0, 1.0, 4.0, &x) == THERMOAI_E_INVALID, "perplexity below 1");
    tap_ok(thermoai_tip_score(4.0, 6.0, 1.0, 4.0, NULL) == THERMOAI_E_NULL, "NULL output");

    test_score_from_loss();
    test_scores();
    test_select_order();
    test_select_targets();
    test_select_bad();
    test_leave_one_out();
    test_rounds();
    test_rounds_bad();
    test_taylor();
    test_rank_correlation();
    return tap_done();
}
