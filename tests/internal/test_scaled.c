/* SPDX-License-Identifier: MIT */
/* Internal: thermoai__scaled_ratio and thermoai__sum_of_products (lib/scaled.c,
 * compiled into this test). */
#include "config.h"

#include <float.h>
#include <math.h>

#include "common/internal.h"
#include "../harness/tap.h"

int main(void)
{
    double r = 0.0;
    const double a[] = { 3.0, 5.0 }, b[] = { 2.0 };
    const double big[] = { 1e300, 1e300 }, small[] = { 1e-300, 1e-300 };
    const double huge_den[] = { 1e300 };
    const double zero[] = { 0.0, 1e300 };
    const double edge[] = { DBL_MAX };
    const double half[] = { 0.5 };
    const double dmin[] = { DBL_MIN };
    const double sub[] = { DBL_MIN / 4 };

    tap_ok(thermoai__scaled_ratio(a, 2, b, 1, &r) == THERMOAI_OK && r == 7.5,
           "3 * 5 / 2 = 7.5 exactly");
    tap_ok(thermoai__scaled_ratio(a, 2, NULL, 0, &r) == THERMOAI_OK && r == 15.0,
           "empty denominator");
    tap_ok(thermoai__scaled_ratio(NULL, 0, b, 1, &r) == THERMOAI_OK && r == 0.5,
           "empty numerator is 1");
    tap_ok(thermoai__scaled_ratio(big, 2, big, 2, &r) == THERMOAI_OK && r == 1.0,
           "(1e300 * 1e300) / (1e300 * 1e300) = 1 without overflow");
    tap_ok(thermoai__scaled_ratio(small, 2, small, 2, &r) == THERMOAI_OK && r == 1.0,
           "(1e-300)^2 / (1e-300)^2 = 1 without underflow");
    tap_ok(thermoai__scaled_ratio(big, 2, huge_den, 1, &r) == THERMOAI_OK
               && fabs(r - 1e300) <= 2 * DBL_EPSILON * 1e300,
           "1e300 * 1e300 / 1e300 = 1e300");
    tap_ok(thermoai__scaled_ratio(zero, 2, NULL, 0, &r) == THERMOAI_OK && r == 0.0,
           "a zero factor gives exactly 0");
    tap_ok(thermoai__scaled_ratio(edge, 1, NULL, 0, &r) == THERMOAI_OK && r == DBL_MAX,
           "DBL_MAX passes through");
    tap_ok(thermoai__scaled_ratio(edge, 1, half, 1, &r) == THERMOAI_E_RANGE && isnan(r),
           "DBL_MAX / 0.5 overflows: THERMOAI_E_RANGE, NaN");
    tap_ok(thermoai__scaled_ratio(dmin, 1, NULL, 0, &r) == THERMOAI_OK && r == DBL_MIN,
           "DBL_MIN passes through");
    tap_ok(thermoai__scaled_ratio(dmin, 1, b, 1, &r) == THERMOAI_E_RANGE && isnan(r),
           "DBL_MIN / 2 is subnormal: THERMOAI_E_RANGE, NaN");
    tap_ok(thermoai__scaled_ratio(sub, 1, half, 1, &r) == THERMOAI_E_RANGE && isnan(r),
           "a subnormal input whose result is still subnormal: THERMOAI_E_RANGE");
    tap_ok(thermoai__scaled_ratio(sub, 1, sub, 1, &r) == THERMOAI_OK && r == 1.0,
           "subnormal / subnormal = 1");

    /* thermoai__sum_of_products: terms of nf factors each */
    {
        const double exact[] = { 2.0, 3.0, 4.0, 5.0 };             /* 2*3 + 4*5 */
        const double over[] = { 1e300, 1e300, 1e-300, 1.0, 1.0, 1.0 }; /* 1e300 + 1 */
        const double under[] = { 1e-300, 1e-300, 1e300, 1e-200, 1.0, 1.0 };
        const double zeros[] = { 0.0, 1e300, 1e300, 0.0 };
        const double one_zero[] = { 0.0, 1e300, 3.0, 0.5 };
        const double far[] = { 1e300, 1.0, 1e-300, 1e-300 };       /* 1e300 + 1e-600 */
        const double top[] = { DBL_MAX, 1.0, DBL_MAX, 1.0 };
        const double tiny[] = { DBL_MIN, 0.5, DBL_MIN, 0.25 };

        tap_ok(thermoai__sum_of_products(exact, 2, 2, &r) == THERMOAI_OK && r == 26.0,
               "sum of products: 2 * 3 + 4 * 5 = 26 exactly");
        tap_ok(thermoai__sum_of_products(over, 2, 3, &r) == THERMOAI_OK
                   && fabs(r - 1e300) <= 2 * DBL_EPSILON * 1e300,
               "sum of products: 1e300 * 1e300 * 1e-300 + 1 = 1e300 (no intermediate overflow)");
        tap_ok(thermoai__sum_of_products(under, 2, 3, &r) == THERMOAI_OK
                   && fabs(r - 1e-200) <= 2 * DBL_EPSILON * 1e-200,
               "sum of products: 1e-300 * 1e-300 * 1e300 + 1e-200 = 1e-200 (no intermediate underflow)");
        tap_ok(thermoai__sum_of_products(under, 1, 3, &r) == THERMOAI_OK
                   && fabs(r - 1e-300) <= 2 * DBL_EPSILON * 1e-300,
               "sum of products: one term, 1e-300 * 1e-300 * 1e300 = 1e-300");
        tap_ok(thermoai__sum_of_products(zeros, 2, 2, &r) == THERMOAI_OK && r == 0.0,
               "sum of products: every term with a zero factor: exactly 0");
        tap_ok(thermoai__sum_of_products(one_zero, 2, 2, &r) == THERMOAI_OK && r == 1.5,
               "sum of products: a zero term (with a huge factor) adds nothing");
        tap_ok(thermoai__sum_of_products(far, 2, 2, &r) == THERMOAI_OK && r == 1e300,
               "sum of products: a term 900 binades below adds nothing");
        tap_ok(thermoai__sum_of_products(top, 2, 2, &r) == THERMOAI_E_RANGE && isnan(r),
               "sum of products: DBL_MAX + DBL_MAX overflows: THERMOAI_E_RANGE, NaN");
        tap_ok(thermoai__sum_of_products(tiny, 2, 2, &r) == THERMOAI_E_RANGE && isnan(r),
               "sum of products: DBL_MIN / 2 + DBL_MIN / 4 is subnormal: THERMOAI_E_RANGE, NaN");
    }
    return tap_done();
}
