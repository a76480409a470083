/* SPDX-License-Identifier: MIT */
/* Thermodynamic Efficiency Ratio (paper 000, Sec. 3.2, 4.3, 6.2). */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_ter_ratio(double actual_energy_j, double landauer_energy_j, double *ter)
{
    if (ter == NULL)
        return THERMOAI_E_NULL;
    *ter = (double)NAN;
    if (!isfinite(actual_energy_j) || !isfinite(landauer_energy_j))
        return THERMOAI_E_NONFINITE;
    if (actual_energy_j < 0.0 || !(landauer_energy_j > 0.0))
        return THERMOAI_E_INVALID;
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
    int status;

    if (ter == NULL)
        return THERMOAI_E_NULL;
    *ter = (double)NAN;
    if (!isfinite(energy_j) || !isfinite(tokens))
        return THERMOAI_E_NONFINITE;
    if (energy_j < 0.0 || !(tokens > 0.0))
        return THERMOAI_E_INVALID;
    if ((status = thermoai_entropy_token_energy_j(arch, params, &bound_j)) != THERMOAI_OK)
        return status;
    den[0] = bound_j;
    den[1] = tokens;
    return thermoai__scaled_ratio(&energy_j, 1, den, 2, ter);
}

int thermoai_ter_landauer_share(double ter, double *share)
{
    if (share == NULL)
        return THERMOAI_E_NULL;
    *share = (double)NAN;
    if (!isfinite(ter))
        return THERMOAI_E_NONFINITE;
    if (!(ter >= 1.0))
        return THERMOAI_E_INVALID;
    return thermoai__scaled_ratio(NULL, 0, &ter, 1, share);
}

int thermoai_ter_gap_product(const double *factor_lo, const double *factor_hi, size_t n_factors,
                             double *ter_lo, double *ter_hi)
{
    size_t i;
    int status;

    thermoai__set_nan(ter_lo);
    thermoai__set_nan(ter_hi);
    if (factor_lo == NULL || factor_hi == NULL || ter_lo == NULL || ter_hi == NULL)
        return THERMOAI_E_NULL;
    if (n_factors == 0)
        return THERMOAI_E_INVALID;
    for (i = 0; i < n_factors; i++)
        if (!isfinite(factor_lo[i]) || !isfinite(factor_hi[i]))
            return THERMOAI_E_NONFINITE;
    for (i = 0; i < n_factors; i++)
        if (!(factor_lo[i] > 0.0) || factor_lo[i] > factor_hi[i])
            return THERMOAI_E_INVALID;
    /* the product is increasing in every factor: its bounds are the bounds' products */
    if ((status = thermoai__scaled_ratio(factor_lo, n_factors, NULL, 0, ter_lo)) != THERMOAI_OK
        || (status = thermoai__scaled_ratio(factor_hi, n_factors, NULL, 0, ter_hi))
               != THERMOAI_OK) {
        *ter_lo = *ter_hi = (double)NAN;
        return status;
    }
    return THERMOAI_OK;
}
