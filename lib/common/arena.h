/* SPDX-License-Identifier: MIT */
/*
 * Handles allocate once, at creation (lib/common/arena.c): a layout pass adds up
 * the aligned pieces a handle needs, one allocation holds them all, and each
 * piece is the arena's aligned base plus its offset. The allocator is the
 * caller's (thermoai_allocator) or malloc/free.
 */
#ifndef THERMOAI_ARENA_H
#define THERMOAI_ARENA_H

#include <stddef.h>

#include "common/internal.h"

/* Alignment of every piece, and of the arena base (a cache line; enough for AVX-512). */
#define THERMOAI__ARENA_ALIGN 64u

/* Running size of an arena; overflow is set once any size_t arithmetic would wrap. */
struct thermoai__layout {
    size_t bytes;
    int overflow;
};

/* Reserves count * size bytes at THERMOAI__ARENA_ALIGN; returns the piece's offset. */
THERMOAI_INTERNAL size_t thermoai__layout_reserve(struct thermoai__layout *l, size_t count,
                                                  size_t size);

/* The bytes to allocate for a layout, with room to align the base; 0 when it overflowed. */
THERMOAI_INTERNAL size_t thermoai__layout_total(const struct thermoai__layout *l);

/*
 * *out = *user, or malloc/free when user is NULL. THERMOAI_E_NULL when user
 * is given but one of its functions is NULL.
 */
THERMOAI_INTERNAL int thermoai__allocator_resolve(const thermoai_allocator *user,
                                                  thermoai_allocator *out);

#endif /* THERMOAI_ARENA_H */
