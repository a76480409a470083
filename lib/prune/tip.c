/* SPDX-License-Identifier: MIT */
/* TIP scoring (paper 000, Sec. 5.2-5.3). */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_tip_relative_degradation(double ppl_base, double ppl_pruned, double *fraction)
{
    THERMOAI__OUTPUTS(fraction);
    THERMOAI__TRY(THERMOAI__CHECK({ ppl_base, THERMOAI__GE1 }, { ppl_pruned, THERMOAI__GE1 }));
    /* the difference is exact for perplexities within a factor 2 (Sterbenz) */
    *fraction = (ppl_pruned - ppl_base) / ppl_base;
    return THERMOAI_OK;
}

int thermoai_tip_score(double ppl_base, double ppl_without, double component_energy_j,
                       double total_energy_j, double *score)
{
    double rel, num[2];

    THERMOAI__OUTPUTS(score);
    THERMOAI__TRY(THERMOAI__CHECK({ ppl_base, THERMOAI__GE1 }, { ppl_without, THERMOAI__GE1 },
                                  { component_energy_j, THERMOAI__POS },
                                  { total_energy_j, THERMOAI__POS }));
    if (total_energy_j < component_energy_j)
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(thermoai_tip_relative_degradation(ppl_base, ppl_without, &rel));
    /* s = (dPPL / PPL) * (E_total / E_i); a zero or negative loss scores 0 or below */
    num[0] = fabs(rel);
    num[1] = total_energy_j;
    return thermoai__signed_scale(rel, num, 2, &component_energy_j, 1, score);
}

int thermoai_tip_score_from_loss(double delta_loss_nats, double component_energy_j,
                                 double total_energy_j, double *score)
{
    double num[2];

    THERMOAI__OUTPUTS(score);
    THERMOAI__TRY(THERMOAI__CHECK({ delta_loss_nats, THERMOAI__FINITE },
                                  { component_energy_j, THERMOAI__POS },
                                  { total_energy_j, THERMOAI__POS }));
    if (total_energy_j < component_energy_j)
        return THERMOAI_E_INVALID;
    /* s = expm1(dL) * E_total / E_i; expm1 is accurate near 0 and overflows above ~709.78 */
    num[0] = fabs(expm1(delta_loss_nats));
    if (!isfinite(num[0]))
        return THERMOAI_E_RANGE;
    num[1] = total_energy_j;
    return thermoai__signed_scale(delta_loss_nats, num, 2, &component_energy_j, 1, score);
}
