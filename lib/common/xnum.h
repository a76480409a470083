/* SPDX-License-Identifier: MIT */
/*
 * Extended-range double-double numbers (lib/common/xnum.c): the intermediates
 * of the scalar functions, so that no partial product, quotient, power or
 * exponential can overflow or underflow before the result is known, and so
 * that a difference of nearly equal terms keeps its digits.
 *
 *   value = (hi + lo) * 2^e,   0.5 <= |hi| < 1 and |lo| <= ulp(hi) / 2,
 *   or hi = lo = 0 (the value 0, e = 0).
 *
 * hi + lo carries about 106 bits (Dekker, Knuth; no fma needed: every
 * operation here is plain IEEE-754 double arithmetic in round-to-nearest);
 * e is clamped to +-THERMOAI__XN_EXP_MAX, far beyond any double, so an
 * exponent sum can never overflow an int. Only the end of a computation,
 * thermoai__xn_finish(), judges the range: the result, never an intermediate.
 *
 * Error bounds, relative, for operands already in this form: mul 2^-104,
 * div 2^-103, add 2^-105 of the larger operand (the sum of two terms of either
 * sign, so a cancellation keeps ~106 - k bits when k bits cancel), exp and pow
 * about 2^-53 (one libm call on a reduced argument; see each function).
 */
#ifndef THERMOAI_XNUM_H
#define THERMOAI_XNUM_H

#include "common/internal.h"

/* Exponents are clamped here: 2^+-100000 is out of range for any double. */
#define THERMOAI__XN_EXP_MAX 100000L

typedef struct thermoai__xn {
    double hi, lo;
    long e;
} thermoai__xn;

/* x exactly (x finite). */
THERMOAI_INTERNAL thermoai__xn thermoai__xn_from(double x);
/* a * b, a / b (b non-zero), a + b, a - b, -a, a * 2^k. */
THERMOAI_INTERNAL thermoai__xn thermoai__xn_mul(thermoai__xn a, thermoai__xn b);
THERMOAI_INTERNAL thermoai__xn thermoai__xn_div(thermoai__xn a, thermoai__xn b);
THERMOAI_INTERNAL thermoai__xn thermoai__xn_add(thermoai__xn a, thermoai__xn b);
THERMOAI_INTERNAL thermoai__xn thermoai__xn_sub(thermoai__xn a, thermoai__xn b);
THERMOAI_INTERNAL thermoai__xn thermoai__xn_neg(thermoai__xn a);
THERMOAI_INTERNAL thermoai__xn thermoai__xn_ldexp(thermoai__xn a, long k);
/* The product of doubles num[0..nn) / den[0..nd) (every den[i] non-zero). */
THERMOAI_INTERNAL thermoai__xn thermoai__xn_ratio(const double *num, size_t nn, const double *den,
                                                  size_t nd);
/* exp(x) for finite x, to about 1 ulp, for any x (no overflow or underflow). */
THERMOAI_INTERNAL thermoai__xn thermoai__xn_exp(double x);
/* a^p for a > 0 and finite p, to about 2 ulp (more where p * log2(a) is
 * large: the result's condition number in p). Where a is a double and
 * pow(a, p) is a normal double, the value is exactly libm's pow(a, p). */
THERMOAI_INTERNAL thermoai__xn thermoai__xn_pow(thermoai__xn a, double p);
/* (x / y)^p for x, y > 0: pow(x / y, p) when the quotient and the power are
 * normal doubles (then exactly libm's value), else the extended path. */
THERMOAI_INTERNAL thermoai__xn thermoai__xn_pow_ratio(double x, double y, double p);
/* ln(x / y) for x, y > 0: log1p((x - y) / y) when x is within a factor 2
 * above y (x - y is then exact), log(x / y) when the quotient is a normal
 * double, else log of the mantissas plus the exponents times ln 2. */
THERMOAI_INTERNAL double thermoai__log_ratio(double x, double y);

/* The value as a double: E_RANGE (and NaN) when it is non-zero and overflows
 * or lies below DBL_MIN, else stored. */
THERMOAI_INTERNAL int thermoai__xn_finish(thermoai__xn a, double *out);
/* As thermoai__xn_finish() for a quantity known to be positive: 0 is an
 * underflow too (E_RANGE). */
THERMOAI_INTERNAL int thermoai__xn_finish_positive(thermoai__xn a, double *out);
/* The value rounded to a double with no range check (inf, 0 or subnormal
 * where it does not fit): for comparisons. */
THERMOAI_INTERNAL double thermoai__xn_value(thermoai__xn a);

#endif /* THERMOAI_XNUM_H */
