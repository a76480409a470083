/* SPDX-License-Identifier: MIT */
/* Seeded random numbers (lib/common/rng.c): explicit state, no globals. */
#ifndef THERMOAI_RNG_H
#define THERMOAI_RNG_H

#include <stdint.h>

#include "common/internal.h"

/* The next 64 bits of a splitmix64 stream. */
THERMOAI_INTERNAL uint64_t thermoai__rng_next(uint64_t *state);
/*
 * Every random stream the library draws, in one table. A stream is named by a
 * purpose and an index; thermoai__rng_stream_id() turns the pair into a 64-bit
 * id, and the ids of different pairs never coincide:
 *
 *   purpose                 id                           index
 *   SSA_SAMPLES             index + 1                    token, < 2^28
 *   SSA_PROJECTION          0x70726f6a ("proj")          0
 *   KMEANS_SEEDING          0x6b6d65616e73 ("kmeans")    0
 *   KMEANS_SUBSET           0x737562736574 ("subset")    0
 *   LANCZOS_START           0x6c616e637a6f73 ("lanczos") 0
 *   SYNTH_LABELS            0x73796e7468 ("synth")       0
 *   SYNTH_DIRECTION         0x646972 << 32 | index       cluster label, < 2^32
 *   SYNTH_TOKEN             0x746f6b << 32 | index       token, < 2^32
 *
 * Indexed purposes own a whole block of ids (below 2^28 + 1, or one 2^32 block
 * each); the unindexed ones lie outside every block (tests/internal/test_rng.c
 * checks every boundary). For a fixed seed thermoai__rng_stream() is a bijection
 * of the id, so two distinct ids never start at the same state.
 */
enum thermoai__rng_purpose {
    THERMOAI__RNG_SSA_SAMPLES = 0,
    THERMOAI__RNG_SSA_PROJECTION = 1,
    THERMOAI__RNG_KMEANS_SEEDING = 2,
    THERMOAI__RNG_KMEANS_SUBSET = 3,
    THERMOAI__RNG_LANCZOS_START = 4,
    THERMOAI__RNG_SYNTH_LABELS = 5,
    THERMOAI__RNG_SYNTH_DIRECTION = 6,
    THERMOAI__RNG_SYNTH_TOKEN = 7
};
#define THERMOAI__RNG_PURPOSES 8

/* The id of stream (purpose, index); index must lie in the purpose's range above. */
THERMOAI_INTERNAL uint64_t thermoai__rng_stream_id(int purpose, uint64_t index);

/* The initial state of the stream with that id (splitmix64 mix of seed and id). */
THERMOAI_INTERNAL uint64_t thermoai__rng_stream(uint64_t seed, uint64_t id);
/* Uniform on [0, bound), exactly (rejection). */
THERMOAI_INTERNAL uint64_t thermoai__rng_below(uint64_t *state, uint64_t bound);
/* Uniform on [0, 1) with 53 random bits. */
THERMOAI_INTERNAL double thermoai__rng_unit(uint64_t *state);
/* log x for x in (0, 1] and cos(2 pi u) for u in [0, 1), from IEEE basic operations
 * only (the same bits on every platform); about 2 ulp from the true values. */
THERMOAI_INTERNAL double thermoai__portable_log(double x);
THERMOAI_INTERNAL double thermoai__portable_cos_turn(double u);
/* Standard normal (Box-Muller with our own log and cosine: the same bits on every
 * IEEE-754 platform). */
THERMOAI_INTERNAL double thermoai__rng_normal(uint64_t *state);

#endif
