/* SPDX-License-Identifier: MIT */
/*
 * constants.h: the functions return exactly the macros, and the macros are the
 * defined values (k_B is exact by the 2019 SI definition; the Julian year is
 * 365.25 days of 86400 s by definition, IAU).
 */
#include "config.h"

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

int main(void)
{
    tap_ok(THERMOAI_CONSTANTS_BOLTZMANN_J_PER_K == 1.380649e-23, "k_B = 1.380649e-23 J/K (SI 2019)");
    tap_ok(thermoai_constants_boltzmann_j_per_k() == THERMOAI_CONSTANTS_BOLTZMANN_J_PER_K,
           "thermoai_constants_boltzmann_j_per_k() equals the macro");
    tap_ok(THERMOAI_CONSTANTS_JULIAN_YEAR_S == 365.25 * 86400.0, "Julian year = 365.25 * 86400 s");
    tap_ok(thermoai_constants_julian_year_s() == THERMOAI_CONSTANTS_JULIAN_YEAR_S,
           "thermoai_constants_julian_year_s() equals the macro");
    return tap_done();
}
