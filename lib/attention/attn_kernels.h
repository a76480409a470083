/* SPDX-License-Identifier: MIT */
/* The attention tile kernel (lib/attn_kernels.c); private to the library. */
#ifndef THERMOAI_ATTN_KERNELS_H
#define THERMOAI_ATTN_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#include "common/internal.h"

/* Parallel regions with less work than this (multiply-adds) run on the calling
 * thread: below it, waking the OpenMP team costs more than it saves. Entering
 * a region took 1-2 us on the development machine (2 cores, libgomp), while
 * 131072 multiply-adds take some 30 us on one core; 1048576 kept SSA's
 * attention phase serial at N = 256. Results do not depend on it (every
 * region gives the same bits at any thread count). */
#define THERMOAI__PARALLEL_MIN_WORK 131072.0

/* Sizes the attention-domain handles accept, one definition for all of them: tokens
 * of an SSA plan and of synthetic data (indices fit in uint32_t with room for the
 * cluster arithmetic), and the head dimension (per-row scratch on the stack). The
 * exact kernel alone takes up to 2^31 - 1 of each (attention.c); the dense spectrum
 * operator, O(n^2 d) per step, up to 2^20 tokens (spectral.c). */
#define THERMOAI__ATTN_MAX_TOKENS ((size_t)1 << 28)
#define THERMOAI__ATTN_MAX_HEAD_DIM 4096u

/* Query rows per tile and keys per chunk of the score scratch. */
#define ATTN_TILE_ROWS 4
#define ATTN_KCHUNK 256
/* Bytes of score scratch one tile update needs (aligned to 64). */
#define ATTN_SCRATCH_FLOATS (ATTN_TILE_ROWS * ATTN_KCHUNK)

/* Packed key widths are multiples of this many floats (64 bytes). */
#define ATTN_KPAD 16

/* Rounds n up to a multiple of ATTN_KPAD. */
#define ATTN_KWIDTH(n) (((n) + ATTN_KPAD - 1) / ATTN_KPAD * ATTN_KPAD)
/* The row stride of a packed matrix of n keys: ATTN_KWIDTH(n), plus one pad when
 * the stride in bytes would be a multiple of 1 KiB, where the d rows a tile
 * reads would all map to the same few cache sets. */
#define ATTN_KSTRIDE(n) (ATTN_KWIDTH(n) % 256 == 0 ? ATTN_KWIDTH(n) + ATTN_KPAD : ATTN_KWIDTH(n))

struct attn_kernels {
    /* s[r][j - j0] = scale * <q[r], key j> for j in [j0, j0 + nj), r < rows */
    void (*scores)(int rows, const float *const *q, const float *kp, size_t kw, size_t j0, size_t nj,
                   size_t d, float scale, float *s);
    float (*exp2_shift)(float *s, size_t n, float m);
    void (*accumulate)(int rows, float *const *y, const float *p, const float *v, size_t vstride,
                       size_t nj, size_t d);
    void (*scale)(float *y, size_t d, float f);
    float (*max)(const float *s, size_t n);
    /* one row against rows idx[0..nj) of a row-major key matrix of width d */
    void (*gather_scores)(const float *q, const float *k, const uint32_t *idx, size_t nj, size_t d,
                          float scale, float *s);
    void (*gather_accumulate)(float *y, const float *p, const float *v, const uint32_t *idx,
                              size_t nj, size_t d);
    /* the j < n minimising norms[j] - 2 s[j] (the lowest on ties; 0 when none is below
     * infinity) and, in *best, that minimum (k-means assignment) */
    size_t (*argmin_dist)(const float *s, const float *norms, size_t n, float *best);
    /* sum of the s[j] >= tau, j < n, and in *count how many (eight partial sums, the
     * same order in every kernel) */
    float (*mass_above)(const float *s, size_t n, float tau, size_t *count);
    const char *name;
};

/*
 * The online-softmax state of up to ATTN_TILE_ROWS query rows. Scores are in
 * log2 units: scale = log2(e) / sqrt(d), so that exp2 replaces exp. m is the
 * running maximum (-inf before any key), l the running sum of 2^(s - m), y the
 * running, unnormalised output rows (d floats each).
 */
struct attn_tile {
    int rows;
    size_t d;
    float scale;
    const float *q[ATTN_TILE_ROWS];
    float *y[ATTN_TILE_ROWS];
    float m[ATTN_TILE_ROWS];
    float l[ATTN_TILE_ROWS];
    uint32_t position[ATTN_TILE_ROWS]; /* token positions, for causal masks */
};

/* Kernel levels for thermoai__attn_kernels_select(). */
#define ATTN_SIMD_NONE 0 /* portable C */
#define ATTN_SIMD_AVX2 1 /* AVX2+FMA when the CPU has it */
#define ATTN_SIMD_BEST 2 /* AVX-512F when the CPU has it, else AVX2+FMA, else portable */

/* The best kernel up to `level` that this CPU runs. AVX2 and AVX-512 give the same bits. */
THERMOAI_INTERNAL void thermoai__attn_kernels_select(struct attn_kernels *k, int level);

/*
 * Updates the tile with nk keys: kp holds them packed as [d][kw] (kw a
 * multiple of ATTN_KPAD, 32-byte aligned, zero-padded to kw), v their values
 * (row j at v + j * vstride). bias (log2 units, may be NULL) is added to key
 * j's score; with key_index (may be NULL) key j is masked for rows whose
 * position is below key_index[j]. scratch: ATTN_SCRATCH_FLOATS floats,
 * 32-byte aligned.
 */
THERMOAI_INTERNAL void thermoai__attn_tile_update(const struct attn_kernels *k,
                                                  struct attn_tile *tile, const float *kp,
                                                  size_t kw, size_t nk, const float *v,
                                                  size_t vstride, const float *bias,
                                                  const uint32_t *key_index, float *scratch);

/*
 * Updates row 0 of the tile with the nk keys keys[idx[j] * d] and values
 * v[idx[j] * d] (row-major, width tile->d), each score raised by bias (log2
 * units); no packing. scratch as for thermoai__attn_tile_update().
 */
THERMOAI_INTERNAL void thermoai__attn_row_gather_update(const struct attn_kernels *k,
                                                        struct attn_tile *tile, const float *keys,
                                                        const float *v, const uint32_t *idx,
                                                        size_t nk, float bias, float *scratch);

/* Packs n rows (rows[index[j] * stride], or rows[j * stride] when index is NULL)
 * of width d into kp as [d][kw], zero-padding columns n..kw-1. */
THERMOAI_INTERNAL void thermoai__attn_pack(const float *rows, const uint32_t *index, size_t n,
                                           size_t d, size_t stride, float *kp, size_t kw);

#endif
