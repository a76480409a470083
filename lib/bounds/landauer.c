/* SPDX-License-Identifier: MIT */
/* Landauer's bound: E = B k_B T ln 2 (Landauer 1961). */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_landauer_energy_per_bit_j(double temperature_k, double *energy_j)
{
    return thermoai_landauer_energy_j(1.0, temperature_k, energy_j);
}

int thermoai_landauer_energy_j(double bits, double temperature_k, double *energy_j)
{
    double num[3];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ bits, THERMOAI__NONNEG }, { temperature_k, THERMOAI__POS }));
    num[0] = THERMOAI__K_B_LN2_J_PER_K;
    num[1] = temperature_k;
    num[2] = bits;
    return thermoai__scaled_ratio(num, 3, NULL, 0, energy_j);
}

int thermoai_landauer_bits_per_j(double temperature_k, double *bits_per_j)
{
    const double one = 1.0;
    double den[2];

    THERMOAI__OUTPUTS(bits_per_j);
    THERMOAI__TRY(THERMOAI__CHECK({ temperature_k, THERMOAI__POS }));
    den[0] = THERMOAI__K_B_LN2_J_PER_K;
    den[1] = temperature_k;
    return thermoai__scaled_ratio(&one, 1, den, 2, bits_per_j);
}

int thermoai_landauer_ratio(double energy_per_bit_j, double temperature_k, double *ratio)
{
    double den[2];

    THERMOAI__OUTPUTS(ratio);
    THERMOAI__TRY(THERMOAI__CHECK({ energy_per_bit_j, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }));
    den[0] = THERMOAI__K_B_LN2_J_PER_K;
    den[1] = temperature_k;
    return thermoai__scaled_ratio(&energy_per_bit_j, 1, den, 2, ratio);
}
