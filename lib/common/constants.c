/* SPDX-License-Identifier: MIT */
#include "config.h"

#include "common/internal.h"

double thermoai_constants_boltzmann_j_per_k(void)
{
    return THERMOAI_CONSTANTS_BOLTZMANN_J_PER_K;
}

double thermoai_constants_julian_year_s(void)
{
    return THERMOAI_CONSTANTS_JULIAN_YEAR_S;
}
