/* SPDX-License-Identifier: MIT */
/* The Rademacher generalisation bound (paper 002, Theorem 10.1). */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_rademacher_bound(double empirical_risk, double rademacher, double delta,
                              double samples, double *bound)
{
    THERMOAI__OUTPUTS(bound);
    THERMOAI__TRY(THERMOAI__CHECK({ empirical_risk, THERMOAI__NONNEG }, { rademacher, THERMOAI__NONNEG },
                                  { delta, THERMOAI__POS }, { samples, THERMOAI__GE1 }));
    if (empirical_risk > 1.0 || delta >= 1.0)
        return THERMOAI_E_INVALID;
    return thermoai__finish(empirical_risk + 2.0 * rademacher
                                + 3.0 * (sqrt(0.5 * (log(2.0) - log(delta))) / sqrt(samples)),
                            bound);
}

int thermoai_rademacher_sparse(double density, double rademacher_dense, double *rademacher)
{
    THERMOAI__OUTPUTS(rademacher);
    THERMOAI__TRY(THERMOAI__CHECK({ density, THERMOAI__NONNEG }, { rademacher_dense, THERMOAI__NONNEG }));
    if (density > 1.0)
        return THERMOAI_E_INVALID;
    if (density > 0.0 && rademacher_dense > 0.0) /* positive: an underflow is a range error */
        return thermoai__finish_positive(density * rademacher_dense, rademacher);
    return thermoai__finish(0.0, rademacher);
}
