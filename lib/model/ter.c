/* SPDX-License-Identifier: MIT */
/* Thermodynamic Efficiency Ratio (paper 000, Sec. 3.2, 4.3, 6.2). */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_ter_ratio(double actual_energy_j, double landauer_energy_j, double *ter)
{
    THERMOAI__OUTPUTS(ter);
    THERMOAI__TRY(THERMOAI__CHECK({ actual_energy_j, THERMOAI__NONNEG },
                                  { landauer_energy_j, THERMOAI__POS }));
    return thermoai__scaled_ratio(&actual_energy_j, 1, &landauer_energy_j, 1, ter);
}

int thermoai_ter_per_token(const thermoai_model_arch *arch, const thermoai_entropy_params *params,
                           double energy_per_token_j, double *ter)
{
    return thermoai_ter_run(arch, params, energy_per_token_j, 1.0, ter);
}

int thermoai_ter_run(const thermoai_model_arch *arch, const thermoai_entropy_params *params,
                     double energy_j, double tokens, double *ter)
{
    double bound_j, den[2];

    THERMOAI__OUTPUTS(ter);
    THERMOAI__TRY(THERMOAI__CHECK({ energy_j, THERMOAI__NONNEG }, { tokens, THERMOAI__POS }));
    THERMOAI__TRY(thermoai_entropy_token_energy_j(arch, params, &bound_j));
    den[0] = bound_j;
    den[1] = tokens;
    return thermoai__scaled_ratio(&energy_j, 1, den, 2, ter);
}

int thermoai_ter_landauer_share(double ter, double *share)
{
    THERMOAI__OUTPUTS(share);
    THERMOAI__TRY(THERMOAI__CHECK({ ter, THERMOAI__GE1 }));
    return thermoai__scaled_ratio(NULL, 0, &ter, 1, share);
}

int thermoai_ter_gap_product(const double *factor_lo, const double *factor_hi, size_t n_factors,
                             double *ter_lo, double *ter_hi)
{
    size_t i;
    double lo, hi;

    THERMOAI__OUTPUTS(ter_lo, ter_hi);
    if (factor_lo == NULL || factor_hi == NULL)
        return THERMOAI_E_NULL;
    if (!thermoai__can_own(n_factors, 1, sizeof *factor_lo)) /* 0, or more than can exist */
        return THERMOAI_E_INVALID;
    for (i = 0; i < n_factors; i++)
        if (!isfinite(factor_lo[i]) || !isfinite(factor_hi[i]))
            return THERMOAI_E_NONFINITE;
    for (i = 0; i < n_factors; i++)
        if (!(factor_lo[i] > 0.0) || factor_lo[i] > factor_hi[i])
            return THERMOAI_E_INVALID;
    /* the product is increasing in every factor: its bounds are the bounds' products */
    THERMOAI__TRY(thermoai__scaled_ratio(factor_lo, n_factors, NULL, 0, &lo));
    THERMOAI__TRY(thermoai__scaled_ratio(factor_hi, n_factors, NULL, 0, &hi));
    return thermoai__store((double *const[]){ ter_lo, ter_hi }, (const double[]){ lo, hi }, 2);
}
