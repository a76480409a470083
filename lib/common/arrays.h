/* SPDX-License-Identifier: MIT */
/* Helpers for caller float arrays (lib/common/arrays.c). */
#ifndef THERMOAI_ARRAYS_H
#define THERMOAI_ARRAYS_H

#include <stddef.h>

#include "common/internal.h"

/* p rounded up to a multiple of alignment (a power of two). */
THERMOAI_INTERNAL void *thermoai__align(void *p, size_t alignment);
/* 1 when every element is finite. */
THERMOAI_INTERNAL int thermoai__all_finite(const float *x, size_t count);
/* x[0..count) = NaN (x may be NULL); nothing when count floats cannot exist. */
THERMOAI_INTERNAL void thermoai__fill_nan(float *x, size_t count);

#endif /* THERMOAI_ARRAYS_H */
