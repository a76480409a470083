/* SPDX-License-Identifier: MIT */
/* The comparators in tests/tap.h measure what they claim (a test that cannot
 * fail is a defect, so the tools that decide failure are tested too). */
#include "config.h"

#include <float.h>
#include <math.h>

#include "tap.h"

int main(void)
{
    const double one_up = nextafter(1.0, 2.0), big = 4e18, big_up = nextafter(4e18, (double)INFINITY);

    tap_ok(tap_ulp_distance(1.0, 1.0) == 0.0, "equal values are 0 ulp apart");
    tap_ok(tap_ulp_distance(1.0, one_up) == 1.0, "1 and its successor are 1 ulp apart");
    tap_ok(tap_ulp_distance(big, big_up) == 1.0, "a 1-ulp step near 4e18 is seen");
    tap_ok(tap_ulp_distance(1e300, nextafter(nextafter(1e300, 0), 0)) == 2.0, "2 ulp below 1e300");
    tap_ok(tap_ulp_distance(-0.0, 0.0) == 0.0, "-0 and +0 are 0 ulp apart");
    tap_ok(tap_ulp_distance(-nextafter(0.0, 1.0), nextafter(0.0, 1.0)) == 2.0,
           "the smallest subnormals of both signs are 2 ulp apart");
    tap_ok(tap_ulp_distance(-1.0, 1.0) > 9e18, "-1 and 1 are far apart");
    tap_ok(tap_ulp_distance(1.0, 1.0 + 4 * DBL_EPSILON) == 4.0, "1 + 4 eps is 4 ulp above 1");
    return tap_done();
}
