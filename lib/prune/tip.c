/* SPDX-License-Identifier: MIT */
/* TIP scoring (paper 000, Sec. 5.2-5.3). */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_tip_relative_degradation(double ppl_base, double ppl_pruned, double *fraction)
{
    if (fraction == NULL)
        return THERMOAI_E_NULL;
    *fraction = (double)NAN;
    if (!isfinite(ppl_base) || !isfinite(ppl_pruned))
        return THERMOAI_E_NONFINITE;
    if (!(ppl_base >= 1.0) || !(ppl_pruned >= 1.0))
        return THERMOAI_E_INVALID;
    /* the difference is exact for perplexities within a factor 2 (Sterbenz) */
    *fraction = (ppl_pruned - ppl_base) / ppl_base;
    return THERMOAI_OK;
}

int thermoai_tip_score(double ppl_base, double ppl_without, double component_energy_j,
                       double total_energy_j, double *score)
{
    double rel, num[2];
    int status;

    if (score == NULL)
        return THERMOAI_E_NULL;
    *score = (double)NAN;
    if (!isfinite(component_energy_j) || !isfinite(total_energy_j))
        return THERMOAI_E_NONFINITE;
    if ((status = thermoai_tip_relative_degradation(ppl_base, ppl_without, &rel)) != THERMOAI_OK)
        return status;
    if (!(component_energy_j > 0.0) || !(total_energy_j >= component_energy_j))
        return THERMOAI_E_INVALID;
    /* s = (dPPL / PPL) * (E_total / E_i); a zero or negative loss scores 0 or below */
    num[0] = fabs(rel);
    num[1] = total_energy_j;
    if ((status = thermoai__scaled_ratio(num, 2, &component_energy_j, 1, score)) != THERMOAI_OK)
        return status;
    if (rel < 0.0)
        *score = -*score;
    return THERMOAI_OK;
}
