/* SPDX-License-Identifier: MIT */
/*
 * ABI pins, written as literal numbers: status code values, constants, and
 * (as they are added) the size and field offsets of every public struct.
 * A change here is an ABI change and needs a conscious edit (doc/abi-policy.md).
 */
#include "config.h"

#include <float.h>
#include <stddef.h>

#include <thermoai/thermoai.h>

#include "tap.h"

int main(void)
{
    /* The library's numbers are IEEE 754 binary64. */
    tap_ok(sizeof(double) == 8 && DBL_MANT_DIG == 53 && FLT_RADIX == 2,
           "double is IEEE 754 binary64");

    /* Status codes are pinned from the first release. */
    tap_ok(THERMOAI_OK == 0, "THERMOAI_OK == 0");
    tap_ok(THERMOAI_E_NULL == 1, "THERMOAI_E_NULL == 1");
    tap_ok(THERMOAI_E_INVALID == 2, "THERMOAI_E_INVALID == 2");
    tap_ok(THERMOAI_E_NONFINITE == 3, "THERMOAI_E_NONFINITE == 3");
    tap_ok(THERMOAI_E_SIZE == 4, "THERMOAI_E_SIZE == 4");
    tap_ok(THERMOAI_E_UNSUPPORTED == 5, "THERMOAI_E_UNSUPPORTED == 5");
    tap_ok(THERMOAI_E_DOMAIN == 100, "THERMOAI_E_DOMAIN == 100");
    tap_ok(THERMOAI_E_RANGE == 101, "THERMOAI_E_RANGE == 101");
    tap_ok(THERMOAI_E_NO_CONVERGENCE == 102, "THERMOAI_E_NO_CONVERGENCE == 102");
    tap_ok(THERMOAI_E_LOSS == 103, "THERMOAI_E_LOSS == 103");
    tap_ok(THERMOAI_E_NOMEM == 200, "THERMOAI_E_NOMEM == 200");
    tap_ok(THERMOAI_E_INTERNAL == 299, "THERMOAI_E_INTERNAL == 299");
    tap_ok(THERMOAI_E_NOT_FOUND == 300, "THERMOAI_E_NOT_FOUND == 300");

    tap_ok(THERMOAI_BOLTZMANN_J_PER_K == 1.380649e-23, "k_B macro is 1.380649e-23 J/K");
    tap_ok(THERMOAI_ABI_VERSION == 0, "ABI (SONAME major) version is 0");
    return tap_done();
}
