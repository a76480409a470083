/* SPDX-License-Identifier: MIT */
/* Shared by trilemma.c and slo.c: one decode step at a given batch. */
#ifndef THERMOAI_TRILEMMA_INTERNAL_H
#define THERMOAI_TRILEMMA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <thermoai/thermoai.h>

#include "common/internal.h"

/* thermoai_cost_decode() with params (NULL: defaults) at the given batch. */
THERMOAI_INTERNAL int thermoai__trilemma_at(const thermoai_model_arch *arch,
                                            const thermoai_work_params *params, uint64_t batch,
                                            const thermoai_hardware *hw,
                                            const thermoai_cost_serving *serving,
                                            thermoai_cost_result *r);

/* sqrt(num[0] ... num[nn-1] / (den[0] ... den[nd-1])) for positive finite values,
 * through the mantissas and exponents so that no intermediate leaves the double range;
 * THERMOAI_E_RANGE when the root does (or is subnormal). */
THERMOAI_INTERNAL int thermoai__sqrt_ratio(const double *num, size_t nn, const double *den, size_t nd,
                                           double *out);

#endif
