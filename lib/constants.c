/* SPDX-License-Identifier: MIT */
#include "config.h"

#include "internal.h"

double thermoai_boltzmann_j_per_k(void)
{
    return THERMOAI_BOLTZMANN_J_PER_K;
}

double thermoai_julian_year_s(void)
{
    return THERMOAI_JULIAN_YEAR_S;
}
