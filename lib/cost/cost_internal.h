/* SPDX-License-Identifier: MIT */
/* Private to lib/cost/: loading profiles, the compiled-in H100 measurement. */
#ifndef THERMOAI_COST_INTERNAL_H
#define THERMOAI_COST_INTERNAL_H

#include "common/internal.h"

/* Copies and validates a caller's profile into *hw (full size). */
THERMOAI_INTERNAL int thermoai__hardware_load(const thermoai_hardware *user, thermoai_hardware *hw);

/* The dense peaks of *hw by precision index (0 where the device has none). */
THERMOAI_INTERNAL void thermoai__hardware_peaks(const thermoai_hardware *hw, double *peak);

/* Pointers to the j_per_flop_* fields of *hw by precision index. */
THERMOAI_INTERNAL void thermoai__hardware_flop_energies(thermoai_hardware *hw, double **j);

/* The h100-sxm-measured profile: the h100-sxm datasheet row fitted to the
 * compiled-in microbenchmark (lib/cost/h100_microbench.h); the remaining
 * precisions are derived from it by thermoai_hardware_derive_energy(). */
THERMOAI_INTERNAL int thermoai__hardware_h100_measured(thermoai_hardware *hw);

/* The same fit without the derived precisions (the reference the rule scales). */
THERMOAI_INTERNAL int thermoai__hardware_h100_fitted(thermoai_hardware *hw);

/* Loads a caller's architecture with the defaults applied (kv_heads, head_dim,
 * v_head_dim), after thermoai_model_arch_check(). */
THERMOAI_INTERNAL int thermoai__cost_arch_load(const thermoai_model_arch *user,
                                               thermoai_model_arch *arch);

#endif /* THERMOAI_COST_INTERNAL_H */
