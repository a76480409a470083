/* SPDX-License-Identifier: MIT */
/* Landauer's bound: E = B k_B T ln 2 (Landauer 1961). */
#include "config.h"

#include <math.h>

#include "common/internal.h"

/*
 * Validation shared by every function here. Precedence of errors, the same in
 * the whole library: NULL output, then non-finite input, then domain.
 * quantity is a non-negative amount (bits, J/bit); temperature_k must be > 0.
 */
static int check_inputs(double quantity, double temperature_k)
{
    if (!isfinite(quantity) || !isfinite(temperature_k))
        return THERMOAI_E_NONFINITE;
    if (quantity < 0.0 || !(temperature_k > 0.0))
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

int thermoai_landauer_energy_per_bit_j(double temperature_k, double *energy_j)
{
    return thermoai_landauer_energy_j(1.0, temperature_k, energy_j);
}

int thermoai_landauer_energy_j(double bits, double temperature_k, double *energy_j)
{
    int status;
    double num[3];

    if (energy_j == NULL)
        return THERMOAI_E_NULL;
    *energy_j = (double)NAN;
    if ((status = check_inputs(bits, temperature_k)) != THERMOAI_OK)
        return status;
    num[0] = THERMOAI__K_B_LN2_J_PER_K;
    num[1] = temperature_k;
    num[2] = bits;
    return thermoai__scaled_ratio(num, 3, NULL, 0, energy_j);
}

int thermoai_landauer_bits_per_j(double temperature_k, double *bits_per_j)
{
    int status;
    const double one = 1.0;
    double den[2];

    if (bits_per_j == NULL)
        return THERMOAI_E_NULL;
    *bits_per_j = (double)NAN;
    if ((status = check_inputs(0.0, temperature_k)) != THERMOAI_OK)
        return status;
    den[0] = THERMOAI__K_B_LN2_J_PER_K;
    den[1] = temperature_k;
    return thermoai__scaled_ratio(&one, 1, den, 2, bits_per_j);
}

int thermoai_landauer_ratio(double energy_per_bit_j, double temperature_k, double *ratio)
{
    int status;
    double den[2];

    if (ratio == NULL)
        return THERMOAI_E_NULL;
    *ratio = (double)NAN;
    if ((status = check_inputs(energy_per_bit_j, temperature_k)) != THERMOAI_OK)
        return status;
    den[0] = THERMOAI__K_B_LN2_J_PER_K;
    den[1] = temperature_k;
    return thermoai__scaled_ratio(&energy_per_bit_j, 1, den, 2, ratio);
}
