/* SPDX-License-Identifier: MIT */
/* Seeded random numbers (lib/rng.c): explicit state, no globals. */
#ifndef THERMOAI_RNG_H
#define THERMOAI_RNG_H

#include <stdint.h>

#include "internal.h"

/* The next 64 bits of a splitmix64 stream. */
THERMOAI_INTERNAL uint64_t thermoai__rng_next(uint64_t *state);
/* The initial state of stream number `stream` of a seed (independent streams). */
THERMOAI_INTERNAL uint64_t thermoai__rng_stream(uint64_t seed, uint64_t stream);
/* Uniform on [0, bound), exactly (rejection). */
THERMOAI_INTERNAL uint64_t thermoai__rng_below(uint64_t *state, uint64_t bound);
/* Uniform on [0, 1) with 53 random bits. */
THERMOAI_INTERNAL double thermoai__rng_unit(uint64_t *state);
/* Standard normal (Box-Muller). */
THERMOAI_INTERNAL double thermoai__rng_normal(uint64_t *state);

#endif
