/* SPDX-License-Identifier: MIT */
/* Private to lib/model/: loading a caller's architecture (lib/model/model.c). */
#ifndef THERMOAI_MODEL_ARCH_H
#define THERMOAI_MODEL_ARCH_H

#include "common/internal.h"

/*
 * Loads and validates a caller's architecture into *arch (full size, defaults
 * applied: kv_heads 0 -> heads, head_dim 0 -> d_model / heads).
 */
THERMOAI_INTERNAL int thermoai__arch_load(const thermoai_model_arch *user,
                                          thermoai_model_arch *arch);

#endif /* THERMOAI_MODEL_ARCH_H */
