/* SPDX-License-Identifier: MIT */
/* Exact streaming attention (the reference and baseline of SSA). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "attn_kernels.h"
#include "common/arrays.h"
#include "common/internal.h"

#define KNOWN_FLAGS \
    (THERMOAI_ATTENTION_CAUSAL | THERMOAI_ATTENTION_PORTABLE | THERMOAI_ATTENTION_NO_AVX512)
#define MAX_DIM 0x80000000u
#define QBLOCK_ROWS 32   /* query rows that share each pass over a chunk of keys */
#define MASS_BLOCKS 256 /* fixed summation blocks of thermoai_attention_cluster_mass() */

static int kernel_level(uint32_t flags)
{
    return (flags & THERMOAI_ATTENTION_PORTABLE)      ? ATTN_SIMD_NONE
           : (flags & THERMOAI_ATTENTION_NO_AVX512) ? ATTN_SIMD_AVX2
                                                     : ATTN_SIMD_BEST;
}

int thermoai_attention_workspace_bytes(size_t n, size_t d, size_t *bytes)
{
    size_t kw, floats;

    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n == 0 || d == 0 || n > MAX_DIM || d > MAX_DIM)
        return THERMOAI_E_INVALID;
    kw = ATTN_KSTRIDE(n);
    if (kw > SIZE_MAX / sizeof(float) / d - 1)
        return THERMOAI_E_RANGE;
    floats = kw * d + n; /* packed keys [d][kw], then positions for the causal mask */
    if (floats > (SIZE_MAX - 64) / sizeof(float))
        return THERMOAI_E_RANGE;
    *bytes = floats * sizeof(float) + 64;
    return THERMOAI_OK;
}

int thermoai_attention_kernel_name(uint32_t flags, const char **name)
{
    struct attn_kernels k;

    if (name == NULL)
        return THERMOAI_E_NULL;
    if ((flags & ~(uint32_t)KNOWN_FLAGS) != 0) { /* as every other flag-taking function */
        *name = NULL;
        return THERMOAI_E_UNSUPPORTED;
    }
    thermoai__attn_kernels_select(&k, kernel_level(flags));
    *name = k.name;
    return THERMOAI_OK;
}

/*
 * QBLOCK_ROWS query rows (a few tiles) against all keys, chunk by chunk: each
 * chunk of keys and values is read once for the whole block while it sits in
 * cache, instead of once per tile. Returns 1 when an output is not finite.
 */
static int dense_block(const struct attn_kernels *kern, size_t n, size_t d, const float *q,
                       const float *v, float *y, uint32_t flags, const float *kp, size_t kw,
                       float scale, const uint32_t *position, size_t block)
{
    float buf[ATTN_SCRATCH_FLOATS + 16];
    float *scratch = (float *)thermoai__align(buf, 64);
    struct attn_tile t[QBLOCK_ROWS / ATTN_TILE_ROWS];
    size_t nk[QBLOCK_ROWS / ATTN_TILE_ROWS], j0, c, keys = 0;
    const int causal = (flags & THERMOAI_ATTENTION_CAUSAL) != 0;
    int tiles = 0, i, r, bad = 0;

    for (i = 0; i < QBLOCK_ROWS / ATTN_TILE_ROWS; i++) {
        const size_t i0 = block * QBLOCK_ROWS + (size_t)i * ATTN_TILE_ROWS;

        if (i0 >= n)
            break;
        t[i].rows = (int)(n - i0 < ATTN_TILE_ROWS ? n - i0 : ATTN_TILE_ROWS);
        t[i].d = d;
        t[i].scale = scale;
        for (r = 0; r < ATTN_TILE_ROWS; r++) {
            const size_t row = i0 + (size_t)(r < t[i].rows ? r : 0);

            t[i].q[r] = q + row * d;
            t[i].y[r] = y + row * d;
            t[i].m[r] = -INFINITY;
            t[i].l[r] = 0.0f;
            t[i].position[r] = (uint32_t)row;
        }
        /* causal: keys beyond the tile's last row are all masked */
        nk[i] = causal ? i0 + (size_t)t[i].rows : n;
        keys = nk[i] > keys ? nk[i] : keys;
        tiles++;
    }
    for (j0 = 0; j0 < keys; j0 += ATTN_KCHUNK)
        for (i = 0; i < tiles; i++) {
            if (nk[i] <= j0)
                continue;
            thermoai__attn_tile_update(kern, &t[i], kp + j0, kw,
                                       nk[i] - j0 < ATTN_KCHUNK ? nk[i] - j0 : ATTN_KCHUNK,
                                       v + j0 * d, d, NULL, causal ? position + j0 : NULL,
                                       scratch);
        }
    for (i = 0; i < tiles; i++)
        for (r = 0; r < t[i].rows; r++) {
            const float inv = 1.0f / t[i].l[r];

            for (c = 0; c < d; c++) {
                t[i].y[r][c] *= inv;
                if (!isfinite(t[i].y[r][c]))
                    bad = 1;
            }
        }
    return bad;
}

int thermoai_attention_dense(size_t n, size_t d, const float *q, const float *k, const float *v,
                             uint32_t flags, void *workspace, size_t workspace_bytes, float *y)
{
    struct attn_kernels kern;
    size_t need, kw, i;
    float *kp, scale;
    uint32_t *position;
    int status;
    long block, n_blocks;
    int bad = 0;

    if (y == NULL || q == NULL || k == NULL || v == NULL || workspace == NULL)
        status = THERMOAI_E_NULL;
    else if ((status = thermoai_attention_workspace_bytes(n, d, &need)) != THERMOAI_OK)
        ;
    else if (workspace_bytes < need)
        status = THERMOAI_E_SIZE;
    else if ((flags & ~(uint32_t)KNOWN_FLAGS) != 0)
        status = THERMOAI_E_UNSUPPORTED;
    else if (!thermoai__all_finite(q, n * d) || !thermoai__all_finite(k, n * d)
             || !thermoai__all_finite(v, n * d))
        status = THERMOAI_E_NONFINITE;
    if (status != THERMOAI_OK) {
        /* only an output the caller can own: n d floats must fit in ptrdiff_t bytes
         * (n = d = 2^31 passes the range checks, and n d 4 bytes do not; nor do
         * n = 2^61 + 1, d = 1) */
        if (y != NULL && thermoai__can_own(n, d, sizeof(float)))
            thermoai__fill_nan(y, n * d);
        return status;
    }

    thermoai__attn_kernels_select(&kern, kernel_level(flags));
    kw = ATTN_KSTRIDE(n);
    kp = (float *)thermoai__align(workspace, 64);
    position = (uint32_t *)(void *)(kp + kw * d);
    thermoai__attn_pack(k, NULL, n, d, d, kp, kw);
    for (i = 0; i < n; i++)
        position[i] = (uint32_t)i;
    memset(y, 0, n * d * sizeof *y);
    scale = (float)(THERMOAI__LOG2E / sqrt((double)d)); /* log2(e) / sqrt(d) */
    n_blocks = (long)((n + QBLOCK_ROWS - 1) / QBLOCK_ROWS);
#ifdef THERMOAI_WITH_OPENMP
#  pragma omp parallel for schedule(static) default(none) \
      shared(kern, n, d, q, v, y, flags, kp, kw, scale, position, n_blocks) reduction(| : bad) \
      if((double)n * (double)n * (double)d >= THERMOAI__PARALLEL_MIN_WORK)
#endif
    for (block = 0; block < n_blocks; block++)
        bad |= dense_block(&kern, n, d, q, v, y, flags, kp, kw, scale, position, (size_t)block);
    if (bad) {
        thermoai__fill_nan(y, n * d);
        return THERMOAI_E_RANGE;
    }
    return THERMOAI_OK;
}

/* Sum over the rows of one tile of the in-cluster share of their attention
 * (cluster_mass): running max m, all-key sum l and in-cluster sum w per row. */
static double mass_tile(const struct attn_kernels *kern, size_t n, size_t d, const float *q,
                        const uint32_t *labels, uint32_t flags, const float *kp, size_t kw,
                        float scale, long tile)
{
    float buf[ATTN_SCRATCH_FLOATS + 16];
    float *s = (float *)thermoai__align(buf, 64);
    const size_t i0 = (size_t)tile * ATTN_TILE_ROWS;
    const int rows = (int)(n - i0 < ATTN_TILE_ROWS ? n - i0 : ATTN_TILE_ROWS);
    const int causal = (flags & THERMOAI_ATTENTION_CAUSAL) != 0;
    const float *qr[ATTN_TILE_ROWS];
    double m[ATTN_TILE_ROWS], l[ATTN_TILE_ROWS], w[ATTN_TILE_ROWS], sum = 0.0;
    size_t j0, j, nk = causal ? i0 + (size_t)rows : n;
    int r;

    for (r = 0; r < ATTN_TILE_ROWS; r++) {
        qr[r] = q + (i0 + (size_t)(r < rows ? r : 0)) * d;
        m[r] = -(double)INFINITY;
        l[r] = w[r] = 0.0;
    }
    for (j0 = 0; j0 < nk; j0 += ATTN_KCHUNK) {
        const size_t nj = nk - j0 < ATTN_KCHUNK ? nk - j0 : ATTN_KCHUNK;

        kern->scores(rows, qr, kp, kw, j0, nj, d, scale, s);
        for (r = 0; r < rows; r++) {
            const float *sr = s + (size_t)r * ATTN_KCHUNK;
            const size_t row = i0 + (size_t)r;
            const size_t last = causal ? (row + 1 > j0 ? row + 1 - j0 : 0) : nj;
            const size_t end = last < nj ? last : nj; /* keys j0 .. j0 + end allowed */
            double cmax = -(double)INFINITY, f;

            for (j = 0; j < end; j++)
                if ((double)sr[j] > cmax)
                    cmax = (double)sr[j];
            if (cmax > m[r]) {
                f = exp2(m[r] - cmax);
                l[r] *= f;
                w[r] *= f;
                m[r] = cmax;
            }
            for (j = 0; j < end; j++) {
                const double e = exp2((double)sr[j] - m[r]);

                l[r] += e;
                if (labels[j0 + j] == labels[row])
                    w[r] += e;
            }
        }
    }
    for (r = 0; r < rows; r++)
        sum += w[r] / l[r];
    return sum;
}

int thermoai_attention_cluster_mass(size_t n, size_t d, const float *q, const float *k,
                                    const uint32_t *labels, uint32_t flags, void *workspace,
                                    size_t workspace_bytes, double *mass)
{
    struct attn_kernels kern;
    size_t need, kw;
    float *kp, scale;
    long block, blocks, n_tiles;
    double total = 0.0, partial[MASS_BLOCKS];

    THERMOAI__OUTPUTS(mass);
    if (q == NULL || k == NULL || labels == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai_attention_workspace_bytes(n, d, &need));
    if (workspace_bytes < need)
        return THERMOAI_E_SIZE;
    if ((flags & ~(uint32_t)KNOWN_FLAGS) != 0)
        return THERMOAI_E_UNSUPPORTED;
    if (!thermoai__all_finite(q, n * d) || !thermoai__all_finite(k, n * d))
        return THERMOAI_E_NONFINITE;
    thermoai__attn_kernels_select(&kern, kernel_level(flags));
    kw = ATTN_KSTRIDE(n);
    kp = (float *)thermoai__align(workspace, 64);
    thermoai__attn_pack(k, NULL, n, d, d, kp, kw);
    scale = (float)(THERMOAI__LOG2E / sqrt((double)d));
    n_tiles = (long)((n + ATTN_TILE_ROWS - 1) / ATTN_TILE_ROWS);

    /* MASS_BLOCKS fixed blocks of tiles, summed in order: the same total at any thread count */
    blocks = n_tiles < MASS_BLOCKS ? n_tiles : MASS_BLOCKS;
#ifdef THERMOAI_WITH_OPENMP
#  pragma omp parallel for schedule(dynamic, 1) default(none) \
      shared(kern, n, d, q, labels, flags, kp, kw, scale, n_tiles, blocks, partial) \
      if((double)n * (double)n * (double)d >= THERMOAI__PARALLEL_MIN_WORK)
#endif
    for (block = 0; block < blocks; block++) {
        long tile;

        partial[block] = 0.0;
        for (tile = block * n_tiles / blocks; tile < (block + 1) * n_tiles / blocks; tile++)
            partial[block] += mass_tile(&kern, n, d, q, labels, flags, kp, kw, scale, tile);
    }
    for (block = 0; block < blocks; block++)
        total += partial[block];
    *mass = total / (double)n;
    if (!isfinite(*mass)) {
        *mass = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    return THERMOAI_OK;
}
