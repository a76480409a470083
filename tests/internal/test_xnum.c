/* SPDX-License-Identifier: MIT */
/*
 * Internal: the extended-range double-double intermediates (lib/common/xnum.c):
 * products and quotients whose partial results leave the double range, sums
 * that cancel, exp and pow outside the range of a double, the range judgement
 * of the end. Expected values are exact or mpmath's (50 digits) at the exact
 * double inputs.
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "common/xnum.h"
#include "../harness/tap.h"

static thermoai__xn x(double v)
{
    return thermoai__xn_from(v);
}

static double value(thermoai__xn a)
{
    double v = (double)NAN;

    return thermoai__xn_finish(a, &v) == THERMOAI_OK ? v : (double)NAN;
}

int main(void)
{
    const double num[] = { 1e300, 1e300, 1e-300 }, den[] = { 1e300 };
    double v;

    tap_ok(tap_ulp_distance(value(thermoai__xn_mul(thermoai__xn_mul(x(1e300), x(1e300)), x(1e-300))), 1e300) <= 1,
           "1e300 * 1e300 * 1e-300 = 1e300: the partial 1e600 is kept");
    tap_ok(thermoai__xn_finish(thermoai__xn_div(x(1e-300), x(1e300)), &v) == THERMOAI_E_RANGE && isnan(v),
           "1e-300 / 1e300 alone is out of range: E_RANGE, NaN");
    tap_ok(value(thermoai__xn_ratio(num, 3, den, 1)) == 1.0, "ratio (1e300 1e300 1e-300) / 1e300 = 1");
    tap_ok(value(thermoai__xn_sub(thermoai__xn_sub(x(DBL_MAX), x(5.3671434687506394e287)), x(DBL_MAX)))
               == -5.3671434687506394e287,
           "DBL_MAX - 5.37e287 - DBL_MAX = -5.37e287 exactly (no cancellation to 0)");
    tap_ok(value(thermoai__xn_add(x(1.0), x(1e-30))) == 1.0
               && value(thermoai__xn_sub(thermoai__xn_add(x(1.0), x(1e-30)), x(1.0))) == 1e-30,
           "(1 + 1e-30) - 1 = 1e-30: the low part is kept");
    tap_ok(value(thermoai__xn_add(x(1.0), x(-1.0))) == 0.0 && thermoai__xn_finish(thermoai__xn_add(x(1.0), x(-1.0)), &v)
                                                                  == THERMOAI_OK && v == 0.0,
           "1 - 1 = 0 exactly, not a range error");
    tap_ok(value(thermoai__xn_mul(x(3.0), thermoai__xn_div(x(1.0), x(3.0)))) == 1.0, "3 (1/3) = 1");
    /* e^-800 is below any double; 1e300 e^-800 = 3.6678745841776874e-48 (mpmath) */
    tap_ok(tap_ulp_distance(value(thermoai__xn_mul(x(1e300), thermoai__xn_exp(-800.0))),
                            3.667874584177687406036371e-48) <= 2,
           "1e300 e^-800 = 3.668e-48 (e^-800 is below DBL_MIN)");
    tap_ok(value(thermoai__xn_exp(1.0)) == exp(1.0), "exp in range is libm's exp");
    tap_ok(thermoai__xn_finish_positive(thermoai__xn_exp(-1e6), &v) == THERMOAI_E_RANGE,
           "e^-1e6: non-zero, out of range");
    /* (1e300 / 1e-300)^0.01 = 1e6 within an ulp or two (mpmath 1000000.0000000002878...) */
    tap_ok(tap_ulp_distance(value(thermoai__xn_pow_ratio(1e300, 1e-300, 0.01)), 1000000.0000000002879) <= 2,
           "(1e300 / 1e-300)^0.01 = 1e6: the quotient 1e600 is kept");
    tap_ok(value(thermoai__xn_pow_ratio(3.0, 2.0, 1.5)) == pow(1.5, 1.5),
           "in range: (x / y)^p is exactly libm's pow(x / y, p)");
    tap_ok(thermoai__xn_finish(thermoai__xn_pow(x(1e-200), -2.0), &v) == THERMOAI_E_RANGE && isnan(v),
           "(1e-200)^-2 = 1e400 alone: E_RANGE");
    tap_ok(fabs(value(thermoai__xn_mul(x(1e-300), thermoai__xn_pow(x(1e-200), -2.0))) - 1e100) <= 4e-16 * 1e100,
           "1e-300 (1e-200)^-2 = 1e100");
    tap_ok(value(thermoai__xn_pow(x(1.0), 1e300)) == 1.0 && value(thermoai__xn_pow(x(2.0), 1000.5)) == ldexp(sqrt(2.0), 1000),
           "1^1e300 = 1; 2^1000.5 = sqrt 2 2^1000");
    tap_ok(thermoai__xn_finish(thermoai__xn_pow(x(0.5), 1074.5), &v) == THERMOAI_E_RANGE,
           "0.5^1074.5 is below every double: E_RANGE");
    tap_ok(tap_ulp_distance(value(thermoai__xn_mul(x(0x1p1000), thermoai__xn_pow(x(0.5), 1074.5))),
                            ldexp(sqrt(0.5), -74)) <= 2,
           "2^1000 0.5^1074.5 = 2^-74.5");
    tap_ok(thermoai__log_ratio(1.0 + 0x1p-40, 1.0) == log1p(0x1p-40), "log(x/y) near 1 is log1p");
    tap_ok(fabs(thermoai__log_ratio(1e300, 1e-300) - 600 * log(10.0)) <= 1e-13 * 600 * log(10.0),
           "log(1e300 / 1e-300) = 600 ln 10 though the quotient overflows");
    tap_ok(thermoai__xn_finish(x(DBL_MIN / 2), &v) == THERMOAI_E_RANGE
               && thermoai__xn_finish(x(DBL_MAX), &v) == THERMOAI_OK && v == DBL_MAX,
           "the end judges: a subnormal is E_RANGE, DBL_MAX passes");
    return tap_done();
}
