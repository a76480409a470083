/* SPDX-License-Identifier: MIT */
/* Interval propagation for monotone formulas. */
#include "config.h"

#include <float.h>
#include <math.h>

#include "common/internal.h"

#define MAX_POWER 16

static int check_interval(const thermoai_interval *x, int positive)
{
    int status = THERMOAI__CHECK({ x->lo, THERMOAI__FINITE }, { x->hi, THERMOAI__FINITE });

    if (status != THERMOAI_OK)
        return status;
    if (x->lo > x->hi || (positive && !(x->lo > 0.0)))
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

/*
 * Proven outward rounding, by an error bound per operation (no rounding mode
 * is set: the library never touches the floating-point environment).
 *
 * A bound is evaluated as a product of mantissas m in [0.25, 2) with the binary
 * exponents carried apart (frexp and ldexp are exact), so no operation can
 * overflow or underflow, and each multiplication or division is one rounding:
 * fl(x op y) = (x op y)(1 + d) with |d| <= 2u, u = 2^-53, in every rounding
 * mode. After k such roundings the computed v' satisfies
 *     v' (1 + 2u)^-k <= v <= v' (1 - 2u)^-k.
 * One more rounding widens it: with y = 2(k + 1)u <= 1/2,
 *     lo = fl(v' (1 - y))        <= v' (1 - y)(1 + 2u) <= v' (1 + 2u)^-k <= v,
 *     hi = fl(v' (1 + 2y))       >= v' (1 + 2y)(1 - 2u) >= v' (1 - 2u)^-k >= v,
 * using (1 + 2u)^(k+1) <= 1 / (1 - y) and (1 - 2u)^-(k+1) <= 1 / (1 - y) <= 1 + 2y.
 * 1 - y = 1 - (k+1) 2^-52 and 1 + 2y = 1 + (k+1) 2^-51 are exact doubles.
 * The widening is done on the mantissa, before the exact ldexp; a result
 * that then lies below DBL_MIN is rounded once more by ldexp, which one
 * nextafter outward covers.
 */
struct acc {
    double m;         /* mantissa in [0.5, 1) */
    long e;           /* binary exponent */
    unsigned long k;  /* roundings so far */
};

static void acc_init(struct acc *a)
{
    a->m = 1.0;
    a->e = 0;
    a->k = 0;
}

static void acc_renorm(struct acc *a)
{
    int ei;

    a->m = frexp(a->m, &ei);
    a->e += ei;
    if (a->e > 100000L)
        a->e = 100000L;
    if (a->e < -100000L)
        a->e = -100000L;
}

static void acc_mul(struct acc *a, double x)
{
    int ei;

    a->m *= frexp(x, &ei); /* one rounding */
    a->e += ei;
    a->k++;
    acc_renorm(a);
}

static void acc_div(struct acc *a, double x)
{
    int ei;

    a->m /= frexp(x, &ei); /* one rounding */
    a->e -= ei;
    a->k++;
    acc_renorm(a);
}

/* The value of a rounded down (dir < 0) or up (dir > 0) by the bound above,
 * times sign (+1 or -1: the value is sign * m 2^e). */
static double widen(const struct acc *a, double sign, int dir)
{
    const double y = (double)(a->k + 1) * 0x1p-52;
    /* moving down for a positive value, or up for a negative one, shrinks |v| */
    const int shrink = (dir < 0) == (sign > 0);
    const double m = a->m * (shrink ? 1.0 - y : 1.0 + 2.0 * y);
    double v;

    if (a->e > 1100)
        return sign * (double)INFINITY;
    if (a->e < -1100)
        v = 0.0;
    else
        v = ldexp(m, (int)a->e);
    if (v < DBL_MIN) /* ldexp rounded into the subnormal range: one more step */
        v = shrink ? nextafter(v, 0.0) : nextafter(v, (double)INFINITY);
    return sign * v;
}

/* The bounds into *out: E_RANGE (both NaN) when one is infinite, or, unless
 * subnormal_ok, non-zero and below DBL_MIN. */
static int store(double lo, double hi, int subnormal_ok, thermoai_interval *out)
{
    if (!isfinite(lo) || !isfinite(hi)
        || (!subnormal_ok && ((lo != 0.0 && fabs(lo) < DBL_MIN) || (hi != 0.0 && fabs(hi) < DBL_MIN)))) {
        out->lo = out->hi = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    out->lo = lo;
    out->hi = hi;
    return THERMOAI_OK;
}

/* One difference x - y, rounded once, widened outward (dir as in widen()). An
 * exact zero stays; a subnormal difference is exact (IEEE-754 subtraction). */
static double outward_difference(double x, double y, int dir)
{
    const double d = x - y;
    struct acc a;

    if (d == 0.0 || !isfinite(d) || fabs(d) < DBL_MIN)
        return d;
    acc_init(&a);
    a.m = fabs(d);
    a.k = 1;
    acc_renorm(&a);
    return widen(&a, d > 0.0 ? 1.0 : -1.0, dir);
}

static void set_nan(thermoai_interval *out)
{
    if (out != NULL)
        out->lo = out->hi = (double)NAN;
}

int thermoai_interval_monomial(double coefficient, const thermoai_interval *factors,
                               const int32_t *powers, size_t n, thermoai_interval *out)
{
    struct acc lo, hi;
    size_t i;

    set_nan(out);
    if (factors == NULL || powers == NULL || out == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(THERMOAI__CHECK({ coefficient, THERMOAI__POS }));
    if (!thermoai__can_own(n, 1, sizeof *factors)) /* 0, or more factors than can exist */
        return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++)
        THERMOAI__TRY(check_interval(&factors[i], 1));
    for (i = 0; i < n; i++)
        if (powers[i] < -MAX_POWER || powers[i] > MAX_POWER)
            return THERMOAI_E_INVALID;
    /* lo takes each factor's lower corner when its power is positive and its
     * upper corner otherwise; hi the other corner. One product over all the
     * factors: no partial product is judged, only the bounds. */
    acc_init(&lo);
    acc_init(&hi);
    acc_mul(&lo, coefficient);
    acc_mul(&hi, coefficient);
    for (i = 0; i < n; i++) {
        const int32_t p = powers[i];
        int32_t k;

        for (k = 0; k < (p < 0 ? -p : p); k++) {
            if (p > 0) {
                acc_mul(&lo, factors[i].lo);
                acc_mul(&hi, factors[i].hi);
            } else {
                acc_div(&lo, factors[i].hi);
                acc_div(&hi, factors[i].lo);
            }
        }
    }
    {
        const double l = widen(&lo, 1.0, -1), h = widen(&hi, 1.0, 1);

        if (!(l > 0.0)) /* the positive lower bound underflows */
            return THERMOAI_E_RANGE;
        return store(l, h, 0, out);
    }
}

int thermoai_interval_difference(const thermoai_interval *a, const thermoai_interval *b,
                                 thermoai_interval *out)
{

    set_nan(out);
    if (a == NULL || b == NULL || out == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(check_interval(a, 0));
    THERMOAI__TRY(check_interval(b, 0));
    return store(outward_difference(a->lo, b->hi, -1), outward_difference(a->hi, b->lo, 1), 1, out);
}

/* One corner of Eq. (12), k_B ln2 T N (H_d - H_c), rounded outward (dir). The
 * constant k_B ln 2 is one rounding, H_d - H_c one, and the product three. */
static double training_corner(double tokens, double h_data, double h_cross, double t, int dir)
{
    const double d = h_data - h_cross; /* >= 0: the caller checked H_c,hi <= H_d,lo */
    struct acc a;

    if (tokens == 0.0 || d == 0.0)
        return 0.0; /* exact: the corner's energy is 0 */
    acc_init(&a);
    acc_mul(&a, THERMOAI__K_B_LN2_J_PER_K);
    acc_mul(&a, t);
    acc_mul(&a, tokens);
    acc_mul(&a, d);
    a.k += 2; /* the rounding of the constant and of the difference */
    return widen(&a, 1.0, dir);
}

int thermoai_interval_training_min_j(const thermoai_interval *tokens,
                                     const thermoai_interval *data_entropy_bits,
                                     const thermoai_interval *cross_entropy_bits,
                                     const thermoai_interval *temperature_k,
                                     thermoai_interval *energy_j)
{
    const thermoai_interval *in[4];
    int i;

    set_nan(energy_j);
    in[0] = tokens;
    in[1] = data_entropy_bits;
    in[2] = cross_entropy_bits;
    in[3] = temperature_k;
    if (energy_j == NULL)
        return THERMOAI_E_NULL;
    for (i = 0; i < 4; i++)
        if (in[i] == NULL)
            return THERMOAI_E_NULL;
    for (i = 0; i < 4; i++)
        THERMOAI__TRY(check_interval(in[i], i == 3));
    for (i = 0; i < 3; i++)
        if (in[i]->lo < 0.0)
            return THERMOAI_E_INVALID;
    if (cross_entropy_bits->hi > data_entropy_bits->lo)
        return THERMOAI_E_DOMAIN;
    /* increasing in N, H_data and T; decreasing in H_cross */
    return store(training_corner(tokens->lo, data_entropy_bits->lo, cross_entropy_bits->hi,
                                 temperature_k->lo, -1),
                 training_corner(tokens->hi, data_entropy_bits->hi, cross_entropy_bits->lo,
                                 temperature_k->hi, 1),
                 0, energy_j);
}
