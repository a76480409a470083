/* SPDX-License-Identifier: MIT */
/*
 * Exact arithmetic on doubles for the tests: non-negative big binary numbers
 * (an integer of 32-bit limbs times a power of two), products, sums and
 * comparisons without any rounding. The truth an interval must contain is
 * computed here exactly (the products and differences of the exact doubles
 * the test passes); an irrational constant enters as a rational bound on each
 * side. Header-only, for the test programs.
 *
 *   xb_from(&x, d)            x = d exactly (d >= 0, finite)
 *   xb_mul(&r, &a, &b)        r = a * b
 *   xb_mul_u64(&r, m)         r = r * m
 *   xb_cmp(&a, &b)            -1, 0, 1
 *   xb_add / xb_sub           r = a + b, r = a - b (a >= b)
 *   xb_log2_top(&a)           floor(log2 a) (a > 0)
 */
#ifndef THERMOAI_EXACT_H
#define THERMOAI_EXACT_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#define XB_LIMBS 320 /* 10240 bits */

typedef struct xbig {
    uint32_t w[XB_LIMBS];
    int n;  /* limbs in use; 0 is the value 0 */
    long e; /* value = integer * 2^e */
} xbig;

static void xb_trim(xbig *a)
{
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
    if (a->n == 0)
        a->e = 0;
}

static void xb_from(xbig *r, double d)
{
    int k;
    double m = frexp(d, &k);
    uint64_t mant;

    memset(r, 0, sizeof *r);
    if (d == 0.0)
        return;
    mant = (uint64_t)ldexp(m, 53); /* exact: 53-bit integer */
    r->w[0] = (uint32_t)mant;
    r->w[1] = (uint32_t)(mant >> 32);
    r->n = 2;
    r->e = k - 53;
    xb_trim(r);
}

static void xb_mul(xbig *r, const xbig *a, const xbig *b)
{
    xbig t;
    int i, j;

    memset(&t, 0, sizeof t);
    if (a->n == 0 || b->n == 0 || a->n + b->n > XB_LIMBS) {
        *r = t; /* an overflow of the limbs is a test bug: 0 makes checks fail loudly */
        return;
    }
    for (i = 0; i < a->n; i++) {
        uint64_t carry = 0;

        for (j = 0; j < b->n; j++) {
            uint64_t p = (uint64_t)a->w[i] * b->w[j] + t.w[i + j] + carry;

            t.w[i + j] = (uint32_t)p;
            carry = p >> 32;
        }
        t.w[i + b->n] = (uint32_t)carry;
    }
    t.n = a->n + b->n;
    t.e = a->e + b->e;
    xb_trim(&t);
    *r = t;
}

static void xb_mul_u64(xbig *r, uint64_t m)
{
    xbig b;

    memset(&b, 0, sizeof b);
    b.w[0] = (uint32_t)m;
    b.w[1] = (uint32_t)(m >> 32);
    b.n = 2;
    xb_trim(&b);
    xb_mul(r, r, &b);
}

static int xb_bits(const xbig *a)
{
    int b = 32 * (a->n - 1);
    uint32_t top = a->w[a->n - 1];

    while (top != 0) {
        b++;
        top >>= 1;
    }
    return b;
}

/* floor(log2 a) for a > 0. */
static long xb_log2_top(const xbig *a)
{
    return a->e + xb_bits(a) - 1;
}

/* a << k (k >= 0 bits), keeping the value: the exponent drops by k. */
static int xb_shl(xbig *a, long k)
{
    long limbs = k / 32, bits = k % 32, i;

    if (a->n == 0)
        return 1;
    if (a->n + limbs + 1 > XB_LIMBS)
        return 0;
    for (i = a->n - 1 + limbs + 1; i >= 0; i--) {
        uint64_t hi = i - limbs >= 0 && i - limbs < a->n ? a->w[i - limbs] : 0;
        uint64_t lo = i - limbs - 1 >= 0 && i - limbs - 1 < a->n ? a->w[i - limbs - 1] : 0;

        a->w[i] = bits ? (uint32_t)((hi << bits) | (lo >> (32 - bits))) : (uint32_t)hi;
    }
    a->n += (int)limbs + 1;
    a->e -= k;
    xb_trim(a);
    return 1;
}

/* Both to the smaller exponent. 0 when the limbs do not suffice. */
static int xb_align(xbig *a, xbig *b)
{
    if (a->n == 0 || b->n == 0)
        return 1;
    if (a->e > b->e)
        return xb_shl(a, a->e - b->e);
    if (b->e > a->e)
        return xb_shl(b, b->e - a->e);
    return 1;
}

static int xb_cmp_aligned(const xbig *a, const xbig *b)
{
    int i;

    if (a->n != b->n)
        return a->n > b->n ? 1 : -1;
    for (i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] > b->w[i] ? 1 : -1;
    return 0;
}

static int xb_cmp(const xbig *a, const xbig *b)
{
    xbig x = *a, y = *b;
    long ta, tb;

    if (x.n == 0 || y.n == 0)
        return x.n == 0 ? (y.n == 0 ? 0 : -1) : 1;
    ta = xb_log2_top(&x);
    tb = xb_log2_top(&y);
    if (ta != tb)
        return ta > tb ? 1 : -1;
    /* same top bit: the exponents differ by at most the bit lengths */
    xb_align(&x, &y);
    while (x.n < y.n)
        x.w[x.n++] = 0;
    while (y.n < x.n)
        y.w[y.n++] = 0;
    return xb_cmp_aligned(&x, &y);
}

static int xb_add(xbig *r, const xbig *a, const xbig *b)
{
    xbig x = *a, y = *b;
    uint64_t carry = 0;
    int i, n;

    if (x.n == 0 || y.n == 0) {
        *r = x.n == 0 ? y : x;
        return 1;
    }
    if (!xb_align(&x, &y))
        return 0;
    n = x.n > y.n ? x.n : y.n;
    if (n + 1 > XB_LIMBS)
        return 0;
    for (i = 0; i < n; i++) {
        uint64_t s = (uint64_t)(i < x.n ? x.w[i] : 0) + (i < y.n ? y.w[i] : 0) + carry;

        x.w[i] = (uint32_t)s;
        carry = s >> 32;
    }
    x.w[n] = (uint32_t)carry;
    x.n = n + 1;
    xb_trim(&x);
    *r = x;
    return 1;
}

/* r = a - b for a >= b. */
static int xb_sub(xbig *r, const xbig *a, const xbig *b)
{
    xbig x = *a, y = *b;
    int64_t borrow = 0;
    int i;

    if (y.n == 0) {
        *r = x;
        return 1;
    }
    if (!xb_align(&x, &y))
        return 0;
    for (i = 0; i < x.n; i++) {
        int64_t d = (int64_t)x.w[i] - (i < y.n ? y.w[i] : 0) - borrow;

        borrow = d < 0;
        x.w[i] = (uint32_t)(d + (borrow ? ((int64_t)1 << 32) : 0));
    }
    xb_trim(&x);
    *r = x;
    return 1;
}

/* The sign of sum(plus) - sum(minus), exactly, for finite non-negative terms. */
static int xb_sign_of_sum(const double *plus, int np, const double *minus, int nm)
{
    xbig p, m, t;
    int i;

    xb_from(&p, 0.0);
    xb_from(&m, 0.0);
    for (i = 0; i < np; i++) {
        xb_from(&t, plus[i]);
        xb_add(&p, &p, &t);
    }
    for (i = 0; i < nm; i++) {
        xb_from(&t, minus[i]);
        xb_add(&m, &m, &t);
    }
    return xb_cmp(&p, &m);
}

#endif /* THERMOAI_EXACT_H */
