/* SPDX-License-Identifier: MIT */
/* Internal: thermoai__scaled_ratio (lib/scaled.c, compiled into this test). */
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
    return tap_done();
}
