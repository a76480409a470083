/* SPDX-License-Identifier: MIT */
/* Extended-range double-double arithmetic for intermediates (see xnum.h). */
#include "config.h"

#include <float.h>
#include <math.h>

#include "common/xnum.h"

/* ln 2 split for Cody-Waite reduction (fdlibm): LN2_HI has 20 trailing zero
 * bits, so k * LN2_HI is exact for |k| < 2^20; LN2_LO is the rest. */
#define LN2_HI 6.93147180369123816490e-01
#define LN2_LO 1.90821492927058770002e-10

static const thermoai__xn zero = { 0.0, 0.0, 0 };

/* ---- error-free transformations (Knuth, Dekker; round to nearest) ----------- */

static void two_sum(double a, double b, double *s, double *err)
{
    const double x = a + b, bb = x - a;

    *s = x;
    *err = (a - (x - bb)) + (b - bb);
}

/* Splits |a| <= 4 into 26- and 27-bit halves (Dekker). */
static void split(double a, double *hi, double *lo)
{
    const double c = 134217729.0 * a; /* 2^27 + 1 */

    *hi = c - (c - a);
    *lo = a - *hi;
}

/* a * b = p + err exactly for |a|, |b| <= 4 and no underflow. */
static void two_prod(double a, double b, double *p, double *err)
{
    double ah, al, bh, bl;

    *p = a * b;
    split(a, &ah, &al);
    split(b, &bh, &bl);
    *err = ((ah * bh - *p) + ah * bl + al * bh) + al * bl;
}

static long clamp(long e)
{
    return e > THERMOAI__XN_EXP_MAX ? THERMOAI__XN_EXP_MAX
           : e < -THERMOAI__XN_EXP_MAX ? -THERMOAI__XN_EXP_MAX
                                       : e;
}

/* Renormalises (hi + lo) * 2^e: 0.5 <= |hi| < 1 afterwards. */
static thermoai__xn make(double hi, double lo, long e)
{
    thermoai__xn r;
    double s, t;
    int k;

    two_sum(hi, lo, &s, &t);
    if (s == 0.0)
        return zero;
    r.hi = frexp(s, &k);
    r.lo = ldexp(t, -k);
    r.e = clamp(e + k);
    return r;
}

thermoai__xn thermoai__xn_from(double x)
{
    thermoai__xn r;
    int k;

    if (x == 0.0)
        return zero;
    r.hi = frexp(x, &k);
    r.lo = 0.0;
    r.e = k;
    return r;
}

thermoai__xn thermoai__xn_mul(thermoai__xn a, thermoai__xn b)
{
    double p, err;

    if (a.hi == 0.0 || b.hi == 0.0)
        return zero;
    two_prod(a.hi, b.hi, &p, &err);
    err += a.hi * b.lo + a.lo * b.hi;
    return make(p, err, a.e + b.e);
}

thermoai__xn thermoai__xn_div(thermoai__xn a, thermoai__xn b)
{
    double q1, q2, p, err, r;

    if (a.hi == 0.0)
        return zero;
    q1 = a.hi / b.hi;
    two_prod(q1, b.hi, &p, &err);
    /* a - q1 * b, where a.hi - p is exact (Sterbenz) */
    r = (((a.hi - p) - err) + a.lo) - q1 * b.lo;
    q2 = r / b.hi;
    return make(q1, q2, a.e - b.e);
}

thermoai__xn thermoai__xn_add(thermoai__xn a, thermoai__xn b)
{
    double bh, bl, s, s2, t, t2;
    long d;

    if (a.hi == 0.0)
        return b;
    if (b.hi == 0.0)
        return a;
    if (a.e < b.e) {
        thermoai__xn c = a;

        a = b;
        b = c;
    }
    d = a.e - b.e;
    if (d > 1100)
        return a; /* b is below 2^-1100 of a: far beneath 106 bits */
    bh = ldexp(b.hi, (int)-d);
    bl = ldexp(b.lo, (int)-d);
    two_sum(a.hi, bh, &s, &s2);
    two_sum(a.lo, bl, &t, &t2);
    s2 += t;
    two_sum(s, s2, &s, &s2);
    s2 += t2;
    return make(s, s2, a.e);
}

thermoai__xn thermoai__xn_neg(thermoai__xn a)
{
    a.hi = -a.hi;
    a.lo = -a.lo;
    return a;
}

thermoai__xn thermoai__xn_sub(thermoai__xn a, thermoai__xn b)
{
    return thermoai__xn_add(a, thermoai__xn_neg(b));
}

thermoai__xn thermoai__xn_ldexp(thermoai__xn a, long k)
{
    if (a.hi == 0.0)
        return a;
    if (k > THERMOAI__XN_EXP_MAX)
        k = THERMOAI__XN_EXP_MAX;
    if (k < -THERMOAI__XN_EXP_MAX)
        k = -THERMOAI__XN_EXP_MAX;
    a.e = clamp(a.e + k);
    return a;
}

thermoai__xn thermoai__xn_ratio(const double *num, size_t nn, const double *den, size_t nd)
{
    thermoai__xn r = thermoai__xn_from(1.0);
    size_t i;

    for (i = 0; i < nn; i++)
        r = thermoai__xn_mul(r, thermoai__xn_from(num[i]));
    for (i = 0; i < nd; i++)
        r = thermoai__xn_div(r, thermoai__xn_from(den[i]));
    return r;
}

/* A value too large (sign > 0) or too small (sign < 0) for any double, but
 * non-zero, so that the range check reports it. */
static thermoai__xn out_of_range(int sign)
{
    thermoai__xn r;

    r.hi = 0.5;
    r.lo = 0.0;
    r.e = sign > 0 ? THERMOAI__XN_EXP_MAX : -THERMOAI__XN_EXP_MAX;
    return r;
}

thermoai__xn thermoai__xn_exp(double x)
{
    double k, r, v = exp(x);

    if (isnormal(v))
        return thermoai__xn_from(v); /* in range: exactly libm's value */
    if (x > 7e5)
        return out_of_range(1);
    if (x < -7e5)
        return out_of_range(-1);
    /* x = k ln 2 + r, |r| <= ln2 / 2: k * LN2_HI is exact and x - k * LN2_HI
     * cancels exactly (Sterbenz) */
    k = floor(x * THERMOAI__LOG2E + 0.5);
    r = (x - k * LN2_HI) - k * LN2_LO;
    return thermoai__xn_ldexp(thermoai__xn_from(exp(r)), (long)k);
}

/* m^n for a positive m in xn form and an integer n >= 1 (n < 2^53 as double;
 * exact integer values), by binary powering; the exponent is clamped, so the
 * loop stops growing once the value is out of any range. */
static thermoai__xn ipow(thermoai__xn m, double n)
{
    thermoai__xn r = thermoai__xn_from(1.0);
    int k;
    double mant = frexp(n, &k);
    /* n = M * 2^s with M < 2^53 an integer */
    int s = k > 53 ? k - 53 : 0;
    double big = ldexp(mant, k - s);
    uint64_t bits = (uint64_t)big;

    while (bits != 0) {
        if (bits & 1u)
            r = thermoai__xn_mul(r, m);
        bits >>= 1;
        if (bits != 0)
            m = thermoai__xn_mul(m, m);
        if (m.e >= THERMOAI__XN_EXP_MAX / 4 || m.e <= -THERMOAI__XN_EXP_MAX / 4)
            break; /* and r already holds such a factor or will: out of range */
    }
    if (bits != 0) /* stopped early: m^(remaining bits) is out of range */
        return out_of_range(m.e > 0 ? 1 : -1);
    for (; s > 0; s--) {
        r = thermoai__xn_mul(r, r);
        if (r.e >= THERMOAI__XN_EXP_MAX / 4 || r.e <= -THERMOAI__XN_EXP_MAX / 4)
            return out_of_range(r.e > 0 ? 1 : -1);
    }
    return r;
}

thermoai__xn thermoai__xn_pow(thermoai__xn a, double p)
{
    thermoai__xn m, r;
    double v, pi, pf, th, tl, n, f, scale;
    long e;

    if (p == 0.0)
        return thermoai__xn_from(1.0);
    if (a.lo == 0.0 && a.e >= -1021 && a.e <= 1024) {
        v = ldexp(a.hi, (int)a.e);
        if (isnormal(v)) {
            double w = pow(v, p);

            if (isnormal(w))
                return thermoai__xn_from(w); /* exactly libm's pow */
        }
    }
    /* a = m * 2^e with m in [sqrt(1/2), sqrt(2)): |log2 m| <= 1/2 */
    m = a;
    e = a.e;
    m.e = 0;
    if (m.hi < 0.70710678118654752440) {
        m.e = 1;
        e -= 1;
    }
    /* 2^(e p): e p = th + tl exactly; out of range when it is huge, for
     * |p log2 m| <= |p| / 2 cannot bring it back */
    if (e != 0 && fabs(p) > 1099511627776.0) /* 2^40 */
        return out_of_range((e > 0) == (p > 0) ? 1 : -1);
    th = (double)e * p;
    tl = 0.0;
    if (e != 0) {
        double eh = (double)e;
        int ke, kp;
        /* two_prod on the mantissas, scaled back exactly */
        double me = frexp(eh, &ke), mp = frexp(p, &kp), ph, pl;

        two_prod(me, mp, &ph, &pl);
        th = ldexp(ph, ke + kp);
        tl = ldexp(pl, ke + kp);
        if (fabs(th) > 4503599627370496.0) /* 2^52: certainly out of range */
            return out_of_range(th > 0 ? 1 : -1);
    }
    n = floor(th);
    f = (th - n) + tl; /* in about [0, 1]; th - n is exact */
    scale = exp2(f);
    /* m^p = m^|pi| (binary powering, exact to ~2^-100) times m^pf */
    pi = p < 0.0 ? ceil(p) : floor(p);
    pf = p - pi; /* exact */
    r = thermoai__xn_from(1.0);
    if (pi != 0.0) {
        r = ipow(m, fabs(pi));
        if (pi < 0.0)
            r = thermoai__xn_div(thermoai__xn_from(1.0), r);
    }
    if (pf != 0.0) {
        /* (hi + lo)^pf = hi^pf (1 + pf lo / hi), with m's own exponent */
        double mh = ldexp(m.hi, (int)m.e), ml = ldexp(m.lo, (int)m.e);
        double w = pow(mh, pf);
        thermoai__xn c = thermoai__xn_from(w);

        c = thermoai__xn_mul(c, thermoai__xn_add(thermoai__xn_from(1.0),
                                                 thermoai__xn_from(pf * (ml / mh))));
        r = thermoai__xn_mul(r, c);
    }
    r = thermoai__xn_mul(r, thermoai__xn_from(scale));
    if (n > 1e6)
        return out_of_range(1);
    if (n < -1e6)
        return out_of_range(-1);
    return thermoai__xn_ldexp(r, (long)n);
}

thermoai__xn thermoai__xn_pow_ratio(double x, double y, double p)
{
    const double q = x / y;

    if (isnormal(q)) {
        const double w = pow(q, p);

        if (isnormal(w))
            return thermoai__xn_from(w); /* exactly the plain formula */
    }
    return thermoai__xn_pow(thermoai__xn_div(thermoai__xn_from(x), thermoai__xn_from(y)), p);
}

double thermoai__log_ratio(double x, double y)
{
    double q;
    thermoai__xn r;

    if (x >= 0.5 * y && x <= 2.0 * y)
        return log1p((x - y) / y); /* x - y exact (Sterbenz) */
    q = x / y;
    if (isnormal(q))
        return log(q);
    r = thermoai__xn_div(thermoai__xn_from(x), thermoai__xn_from(y));
    return log(r.hi + r.lo) + (double)r.e * THERMOAI__LN2;
}

double thermoai__xn_value(thermoai__xn a)
{
    if (a.hi == 0.0)
        return 0.0;
    if (a.e > 2000)
        return a.hi > 0 ? (double)INFINITY : -(double)INFINITY;
    if (a.e < -2000)
        return a.hi > 0 ? 0.0 : -0.0;
    return ldexp(a.hi + a.lo, (int)a.e);
}

int thermoai__xn_finish(thermoai__xn a, double *out)
{
    double v;

    if (a.hi == 0.0) {
        *out = 0.0;
        return THERMOAI_OK;
    }
    v = thermoai__xn_value(a);
    if (!isfinite(v) || fabs(v) < DBL_MIN) {
        *out = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    *out = v;
    return THERMOAI_OK;
}

int thermoai__xn_finish_positive(thermoai__xn a, double *out)
{
    if (!(a.hi > 0.0)) {
        *out = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    return thermoai__xn_finish(a, out);
}
