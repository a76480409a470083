/* SPDX-License-Identifier: MIT */
/*
 * Interval propagation: hand-worked bounds, the examples of issue 19 (a bound
 * one ulp outward that still excluded the truth), and the property that every
 * returned interval contains the exact range: thousands of random inputs per
 * function over wide ranges, each bound compared with the exact value of its
 * corner in exact big-number arithmetic (tests/harness/exact.h), and the width
 * within the documented outward rounding. Bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include <thermoai/thermoai.h>

#include "../harness/exact.h"
#include "../harness/tap.h"

/* A small deterministic generator (splitmix64). */
static uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static double unit(uint64_t *s)
{
    return (double)(next(s) >> 11) / 9007199254740992.0;
}

static double uniform(uint64_t *s, const thermoai_interval *x)
{
    return x->lo + (x->hi - x->lo) * unit(s);
}

/* A random double with log2 magnitude uniform in [lo, hi] and a random mantissa. */
static double logu(uint64_t *s, double lo, double hi)
{
    return ldexp(0.5 + 0.5 * unit(s), (int)floor(lo + (hi - lo) * unit(s)));
}

/* A random interval around x: equal bounds, or hi up to 2x above lo. */
static thermoai_interval around(uint64_t *s, double x)
{
    thermoai_interval r;

    r.lo = x;
    r.hi = (next(s) & 3) == 0 ? x : x * (1.0 + unit(s));
    if (!isfinite(r.hi))
        r.hi = x;
    return r;
}

static int quick(void)
{
    return getenv("THERMOAI_TEST_QUICK") != NULL;
}

/* ---- exact truth ------------------------------------------------------------ */

/* The exact monomial at one corner as num / den: num = c prod x^p (p > 0),
 * den = prod x^-p (p < 0); lower corner when lower != 0. */
static void monomial_exact(double c, const thermoai_interval *f, const int32_t *p, size_t n, int lower,
                           xbig *num, xbig *den)
{
    xbig t;
    size_t i;
    int32_t k;

    xb_from(num, c);
    xb_from(den, 1.0);
    for (i = 0; i < n; i++) {
        const double x = (p[i] > 0) == (lower != 0) ? f[i].lo : f[i].hi;

        xb_from(&t, x);
        for (k = 0; k < (p[i] < 0 ? -p[i] : p[i]); k++)
            xb_mul(p[i] > 0 ? num : den, p[i] > 0 ? num : den, &t);
    }
}

/* sign of (bound - num / den) */
static int compare_ratio(double bound, const xbig *num, const xbig *den)
{
    xbig b;

    xb_from(&b, bound);
    xb_mul(&b, &b, den);
    return xb_cmp(&b, num);
}

/* An approximate double of num / den (relative error ~2^-50), for widths. */
static double approx(const xbig *num, const xbig *den)
{
    long tn = xb_log2_top(num), td = xb_log2_top(den);
    double a = 0.0, b = 0.0;
    int i;

    for (i = num->n - 1; i >= 0 && i >= num->n - 3; i--)
        a += ldexp((double)num->w[i], (int)(32 * i + num->e - tn));
    for (i = den->n - 1; i >= 0 && i >= den->n - 3; i--)
        b += ldexp((double)den->w[i], (int)(32 * i + den->e - td));
    return ldexp(a / b, (int)(tn - td));
}

/* ln 2 < LN2_P / 2^128 < ln 2 + 2^-128: floor(ln 2 * 2^128), from mpmath. */
static void ln2_bound(xbig *r, int upper)
{
    static const uint32_t p[4] = { 0x03f2f6afu, 0xc9e3b398u, 0xd1cf79abu, 0xb17217f7u };
    int i;

    memset(r, 0, sizeof *r);
    for (i = 0; i < 4; i++)
        r->w[i] = p[i];
    r->n = 4;
    r->e = -128;
    if (upper) {
        xbig one;

        memset(&one, 0, sizeof one);
        one.w[0] = 1;
        one.n = 1;
        one.e = -128;
        xb_add(r, r, &one);
    }
}

/* Exact bounds on k_B ln2 T N (H_d - H_c) times 10^29 (k_B = 1380649e-29 J/K
 * exactly): the lower with ln 2's lower bound, the upper with its upper. */
static void training_exact(double n, double hd, double hc, double t, int upper, xbig *r)
{
    xbig a, b, d;

    xb_from(&a, hd);
    xb_from(&b, hc);
    xb_sub(&d, &a, &b);
    xb_from(r, n);
    xb_from(&a, t);
    xb_mul(r, r, &a);
    xb_mul(r, r, &d);
    xb_mul_u64(r, 1380649u);
    ln2_bound(&a, upper);
    xb_mul(r, r, &a);
}

/* bound * 10^29 exactly */
static void times_1e29(double bound, xbig *r)
{
    xb_from(r, bound);
    xb_mul_u64(r, UINT64_C(7450580596923828125)); /* 5^27 */
    xb_mul_u64(r, 25u);                           /* 5^29 */
    r->e += 29;                                    /* 2^29 */
}

/* ---- hand-worked cases and the examples ------------------------------ */

static void hand_worked(void)
{
    const thermoai_interval e = { 1.4e-8, 2.8e-8 }, a = { 1e13, 1e14 };
    const thermoai_interval tok = { 1e12, 1e12 }, hd = { 10, 10 }, hc = { 3, 5 }, t = { 320, 380 };
    const int32_t ratio[2] = { 1, -1 };
    thermoai_interval f[2], out, d, em;
    uint64_t seed = 42;
    int contained = 1, i;
    double lo, hi;

    f[0] = e;
    f[1] = a;
    /* 3 roundings (c, x, /y): each bound moves out by at most 4 2^-52 + 2 * 3 u */
    tap_ok(thermoai_interval_monomial(1.0, f, ratio, 2, &out) == THERMOAI_OK
               && out.lo <= 1.4e-22 && out.lo >= 1.4e-22 * (1 - 8 * DBL_EPSILON)
               && out.hi >= 2.8e-21 && out.hi <= 2.8e-21 * (1 + 12 * DBL_EPSILON),
           "ratio [1.4, 2.8]e-8 / [1e13, 1e14] = [1.4e-22, 2.8e-21], rounded outward");
    {
        const thermoai_interval sq[1] = { { 2.0, 3.0 } };
        const int32_t p2[1] = { 2 }, m2[1] = { -2 };

        tap_ok(thermoai_interval_monomial(1.0, sq, p2, 1, &out) == THERMOAI_OK && out.lo <= 4.0
                   && out.lo > 3.999999 && out.hi >= 9.0 && out.hi < 9.000001,
               "[2, 3]^2 = [4, 9]");
        tap_ok(thermoai_interval_monomial(36.0, sq, m2, 1, &out) == THERMOAI_OK && out.lo <= 4.0
                   && out.hi >= 9.0 && out.hi < 9.000001,
               "36 [2, 3]^-2 = [4, 9]");
    }
    for (i = 0; i < 1000; i++) {
        double x0 = uniform(&seed, &f[0]), x1 = uniform(&seed, &f[1]), v = x0 / x1;

        if (thermoai_interval_monomial(1.0, f, ratio, 2, &out) != THERMOAI_OK || v < out.lo || v > out.hi)
            contained = 0;
    }
    tap_ok(contained, "1000 random interior points lie inside the monomial range");
    tap_ok(thermoai_interval_difference(&hd, &hc, &d) == THERMOAI_OK && d.lo <= 5.0 && d.lo > 4.999999
               && d.hi >= 7.0 && d.hi < 7.000001,
           "10 - [3, 5] = [5, 7]");
    /* 6 roundings: each bound within 7 2^-52 + 12 u of the corner's value */
    tap_ok(thermoai_interval_training_min_j(&tok, &hd, &hc, &t, &em) == THERMOAI_OK
               && thermoai_negentropy_training_min_j(1e12, 10, 5, 320, &lo) == THERMOAI_OK
               && thermoai_negentropy_training_min_j(1e12, 10, 3, 380, &hi) == THERMOAI_OK
               && em.lo <= lo && em.lo >= lo * (1 - 16 * DBL_EPSILON) && em.hi >= hi
               && em.hi <= hi * (1 + 24 * DBL_EPSILON),
           "E_min range: (H_cross high, T low) and (H_cross low, T high) corners");
    contained = 1;
    for (i = 0; i < 1000; i++) {
        double v;

        if (thermoai_negentropy_training_min_j(1e12, 10, uniform(&seed, &hc), uniform(&seed, &t), &v)
                != THERMOAI_OK
            || v < em.lo || v > em.hi)
            contained = 0;
    }
    tap_ok(contained, "1000 random interior points lie inside the E_min range");

    /* issue 19 item 1: 1.5^-16 = 0.0015224388403474448147...; the old lower
     * bound 0.001522438840347445 (one ulp below the computed value) lay above it */
    {
        const thermoai_interval x[1] = { { 1.5, 1.5 } };
        const int32_t p[1] = { -16 };
        xbig num, den;

        int s = thermoai_interval_monomial(1.0, x, p, 1, &out);

        monomial_exact(1.0, x, p, 1, 1, &num, &den);
        tap_ok(s == THERMOAI_OK && compare_ratio(out.lo, &num, &den) <= 0
                   && compare_ratio(out.hi, &num, &den) >= 0,
               "issue 19: [1.5, 1.5]^-16 contains 1.5^-16 (lo %.17g, hi %.17g)", out.lo, out.hi);
    }
    /* a partial product out of range is not an error: only the bounds are judged */
    {
        const thermoai_interval x[2] = { { 1e300, 1e300 }, { 1e-300, 1e-300 } };
        const int32_t p[2] = { 2, 2 };

        tap_ok(thermoai_interval_monomial(1.0, x, p, 2, &out) == THERMOAI_OK && out.lo <= 1.0
                   && out.hi >= 1.0 && out.hi - out.lo < 1e-13,
               "(1e300)^2 (1e-300)^2 = 1: no range error from the partial product 1e600");
    }
}

/* ---- the property tests -------------------------------------------------------- */

static void monomial_property(int cases)
{
    uint64_t seed = 20240519;
    int bad = 0, ok = 0, range = 0, wide = 0, i;

    for (i = 0; i < cases; i++) {
        thermoai_interval f[4], out;
        int32_t p[4];
        size_t n = 1 + (size_t)(next(&seed) % 4), j;
        long total = 1;
        double c, spread;
        int s;

        for (j = 0; j < n; j++) {
            p[j] = (int32_t)(next(&seed) % 33) - 16;
            total += p[j] < 0 ? -p[j] : p[j];
        }
        /* magnitudes that mostly keep the bounds in range, and some that do not */
        spread = (next(&seed) % 8 == 0 ? 1300.0 : 1000.0) / (double)total;
        c = logu(&seed, -40, 40);
        for (j = 0; j < n; j++)
            f[j] = around(&seed, logu(&seed, -spread, spread));
        s = thermoai_interval_monomial(c, f, p, n, &out);
        if (s == THERMOAI_OK) {
            xbig ln, ld, hn, hd;

            monomial_exact(c, f, p, n, 1, &ln, &ld);
            monomial_exact(c, f, p, n, 0, &hn, &hd);
            if (compare_ratio(out.lo, &ln, &ld) > 0 || compare_ratio(out.hi, &hn, &hd) < 0
                || !(out.lo <= out.hi)) {
                if (bad++ < 5)
                    tap_diag("not contained: c %.17g n %zu lo %.17g hi %.17g", c, n, out.lo, out.hi);
            } else {
                /* outward by at most (k+1) 2^-51 plus the k roundings, k = total */
                const double slack = (double)(4 * total + 8) * DBL_EPSILON;

                if (out.lo < approx(&ln, &ld) * (1 - slack) || out.hi > approx(&hn, &hd) * (1 + slack))
                    wide++;
            }
            ok++;
        } else if (s == THERMOAI_E_RANGE) {
            xbig ln, ld, hn, hd;

            monomial_exact(c, f, p, n, 1, &ln, &ld);
            monomial_exact(c, f, p, n, 0, &hn, &hd);
            /* allowed only when a true bound is within a factor 2 of the edge or beyond */
            if (xb_log2_top(&ln) - xb_log2_top(&ld) > -1021 && xb_log2_top(&hn) - xb_log2_top(&hd) < 1022) {
                if (bad++ < 5)
                    tap_diag("spurious E_RANGE: c %.17g n %zu", c, n);
            }
            range++;
        } else {
            bad++;
        }
    }
    tap_ok(bad == 0, "monomial: %d random cases (%d in range, %d E_RANGE), every bound contains the "
                     "exact corner value", cases, ok, range);
    tap_ok(wide == 0, "monomial: every bound within the documented outward rounding (%d too wide)", wide);
}

static void difference_property(int cases)
{
    uint64_t seed = 77;
    int bad = 0, wide = 0, i;

    for (i = 0; i < cases; i++) {
        thermoai_interval a, b, out;
        double x = logu(&seed, -1074, 1023) * ((next(&seed) & 1) ? -1 : 1), y;
        int s;

        /* near cancellation in a quarter of the cases */
        y = (next(&seed) & 3) == 0 ? x * (1.0 + ldexp(unit(&seed), -(int)(next(&seed) % 60)))
                                   : logu(&seed, -1074, 1023) * ((next(&seed) & 1) ? -1 : 1);
        if (!isfinite(y))
            y = x;
        a = around(&seed, fabs(x));
        b = around(&seed, fabs(y));
        if (x < 0) {
            const double t = a.lo;

            a.lo = -a.hi;
            a.hi = -t;
        }
        if (y < 0) {
            const double t = b.lo;

            b.lo = -b.hi;
            b.hi = -t;
        }
        s = thermoai_interval_difference(&a, &b, &out);
        if (s == THERMOAI_OK) {
            /* out.lo <= a.lo - b.hi <= ... exactly: sign(a.lo - b.hi - out.lo) >= 0 */
            double plus[3], minus[3];
            int np = 0, nm = 0;

#define TERM(v, sgn) do { if (((v) >= 0) == ((sgn) > 0)) plus[np++] = fabs(v); else minus[nm++] = fabs(v); } while (0)
            TERM(a.lo, 1);
            TERM(b.hi, -1);
            TERM(out.lo, -1);
            if (xb_sign_of_sum(plus, np, minus, nm) < 0)
                bad++;
            np = nm = 0;
            TERM(out.hi, 1);
            TERM(a.hi, -1);
            TERM(b.lo, 1);
            if (xb_sign_of_sum(plus, np, minus, nm) < 0)
                bad++;
#undef TERM
            if (fabs(out.lo - (a.lo - b.hi)) > 8 * DBL_EPSILON * fabs(a.lo - b.hi)
                || fabs(out.hi - (a.hi - b.lo)) > 8 * DBL_EPSILON * fabs(a.hi - b.lo))
                wide++;
        } else if (s == THERMOAI_E_RANGE) {
            if (fabs(a.lo) < 0x1p1022 && fabs(b.hi) < 0x1p1022 && fabs(a.hi) < 0x1p1022
                && fabs(b.lo) < 0x1p1022)
                bad++; /* only an overflowing difference is out of range */
        } else {
            bad++;
        }
    }
    tap_ok(bad == 0, "difference: %d random cases, both signs, cancellation and subnormals: every "
                     "bound contains the exact difference", cases);
    tap_ok(wide == 0, "difference: within 8 eps of the corner (%d too wide)", wide);
}

static void training_property(int cases)
{
    uint64_t seed = 1961;
    int bad = 0, ok = 0, wide = 0, i;

    for (i = 0; i < cases; i++) {
        thermoai_interval n, hd, hc, t, out;
        const int wild = (next(&seed) % 4) == 0;
        int s;

        n = around(&seed, (next(&seed) % 16) == 0 ? 0.0 : logu(&seed, 0, wild ? 300 : 100));
        hd = around(&seed, logu(&seed, -10, wild ? 900 : 8));
        hc = around(&seed, hd.lo * unit(&seed) * 0.5);
        if (hc.hi > hd.lo || (next(&seed) % 16) == 0)
            hc.lo = hc.hi = hd.lo; /* no compression at the lower corner: 0 J */
        t = around(&seed, logu(&seed, wild ? -300 : -10, wild ? 300 : 20));
        s = thermoai_interval_training_min_j(&n, &hd, &hc, &t, &out);
        if (s == THERMOAI_OK) {
            xbig truth, b;

            training_exact(n.lo, hd.lo, hc.hi, t.lo, 0, &truth);
            times_1e29(out.lo, &b);
            if (xb_cmp(&b, &truth) > 0)
                bad++;
            training_exact(n.hi, hd.hi, hc.lo, t.hi, 1, &truth);
            times_1e29(out.hi, &b);
            if (xb_cmp(&b, &truth) < 0)
                bad++;
            {
                double lo, hi;

                if (thermoai_negentropy_training_min_j(n.lo, hd.lo, hc.hi, t.lo, &lo) == THERMOAI_OK
                    && thermoai_negentropy_training_min_j(n.hi, hd.hi, hc.lo, t.hi, &hi) == THERMOAI_OK
                    && (out.lo < lo * (1 - 24 * DBL_EPSILON) || out.hi > hi * (1 + 32 * DBL_EPSILON)))
                    wide++;
            }
            ok++;
        } else if (s != THERMOAI_E_RANGE) {
            bad++;
        }
    }
    tap_ok(bad == 0, "training_min_j: %d random cases (%d in range), every bound contains the exact "
                     "corner value (k_B exact, ln 2 bounded to 2^-128)", cases, ok);
    tap_ok(wide == 0, "training_min_j: within the documented outward rounding (%d too wide)", wide);
}

static void bad_input(void)
{
    const thermoai_interval e = { 1.4e-8, 2.8e-8 }, a = { 1e13, 1e14 };
    const thermoai_interval tok = { 1e12, 1e12 }, hd = { 10, 10 }, hc = { 3, 5 }, t = { 320, 380 };
    const int32_t ratio[2] = { 1, -1 };
    thermoai_interval f[2], out, d, em;

    f[0] = e;
    f[1] = a;
    out.lo = out.hi = 1;
    tap_ok(thermoai_interval_monomial(1.0, f, ratio, 0, &out) == THERMOAI_E_INVALID && isnan(out.lo) && isnan(out.hi),
           "no factors -> E_INVALID, NaN bounds");
    {
        const thermoai_interval bad[1] = { { 2.0, 1.0 } }, zero[1] = { { 0.0, 1.0 } },
                                nan1[1] = { { (double)NAN, 1.0 } }, big[1] = { { 1e300, 1e300 } },
                                tiny[1] = { { 1e-300, 1e-300 } };
        const int32_t one[1] = { 1 }, many[1] = { 17 }, p2[1] = { 2 };

        tap_ok(thermoai_interval_monomial(1.0, bad, one, 1, &out) == THERMOAI_E_INVALID, "lo > hi");
        tap_ok(thermoai_interval_monomial(1.0, zero, one, 1, &out) == THERMOAI_E_INVALID, "non-positive factor");
        tap_ok(thermoai_interval_monomial(1.0, nan1, one, 1, &out) == THERMOAI_E_NONFINITE, "NaN bound");
        tap_ok(thermoai_interval_monomial(1.0, f, many, 1, &out) == THERMOAI_E_INVALID, "power 17");
        tap_ok(thermoai_interval_monomial(0.0, f, one, 1, &out) == THERMOAI_E_INVALID, "zero coefficient");
        tap_ok(thermoai_interval_monomial(1.0, big, p2, 1, &out) == THERMOAI_E_RANGE && isnan(out.hi), "overflow");
        tap_ok(thermoai_interval_monomial(1.0, tiny, p2, 1, &out) == THERMOAI_E_RANGE && isnan(out.lo),
               "underflow");
        tap_ok(thermoai_interval_monomial(1.0, NULL, one, 1, &out) == THERMOAI_E_NULL, "NULL factors");
        tap_ok(thermoai_interval_difference(bad, &hd, &d) == THERMOAI_E_INVALID && isnan(d.lo), "difference lo > hi");
        tap_ok(thermoai_interval_difference(&hd, NULL, &d) == THERMOAI_E_NULL, "difference NULL");
    }
    {
        const thermoai_interval overlap = { 9, 11 }, cold = { 0, 300 }, hot = { -DBL_MAX, DBL_MAX };

        tap_ok(thermoai_interval_training_min_j(&tok, &hd, &overlap, &t, &em) == THERMOAI_E_DOMAIN
                   && isnan(em.lo),
               "E_min range that includes no compression -> E_DOMAIN");
        tap_ok(thermoai_interval_training_min_j(&tok, &hd, &hc, &cold, &em) == THERMOAI_E_INVALID,
               "a temperature range reaching 0 K -> E_INVALID");
        tap_ok(thermoai_interval_training_min_j(NULL, &hd, &hc, &t, &em) == THERMOAI_E_NULL, "NULL tokens");
        tap_ok(thermoai_interval_training_min_j(&tok, &hd, &hc, &t, NULL) == THERMOAI_E_NULL, "NULL output");
        tap_ok(thermoai_interval_difference(&hot, &hot, &d) == THERMOAI_E_RANGE && isnan(d.lo) && isnan(d.hi),
               "[-DBL_MAX, DBL_MAX] - itself overflows -> E_RANGE, NaN");
    }
}

int main(void)
{
    const int cases = quick() ? 300 : 4000;

    hand_worked();
    monomial_property(cases);
    difference_property(cases);
    training_property(cases);
    bad_input();
    return tap_done();
}
