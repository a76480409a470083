/* SPDX-License-Identifier: MIT */
/* Private to lib/prune: ordering of indices by a key, and the workspace layout. */
#ifndef THERMOAI_PRUNE_ORDER_H
#define THERMOAI_PRUNE_ORDER_H

#include <stddef.h>

#include "common/internal.h"

/* Largest count of components or weights the prune functions accept (2^32). */
#define THERMOAI__PRUNE_N_MAX ((size_t)0xFFFFFFFFu)

/* Sorts idx[0..n) so that key[idx[0]] <= key[idx[1]] <= ..., equal keys by index
 * ascending (a total order: the result does not depend on the sort). Heapsort: no
 * allocation, O(n log n). Keys must not be NaN. */
THERMOAI_INTERNAL void thermoai__prune_order(size_t n, const double *key, size_t *idx);

/* Bytes of a workspace holding 2n doubles, n size_t and n bytes, each part aligned. */
THERMOAI_INTERNAL size_t thermoai__prune_ws_bytes(size_t n);

/* Carves the workspace; 0, or -1 when it is too small (or NULL). */
THERMOAI_INTERNAL int thermoai__prune_ws(void *ws, size_t bytes, size_t n, double **d, size_t **idx,
                                         unsigned char **mask);

#endif /* THERMOAI_PRUNE_ORDER_H */
