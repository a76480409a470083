/* SPDX-License-Identifier: MIT */
/* Magnitude and Wanda masks, unstructured and N:M (prune.h). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/arrays.h"
#include "common/dense.h"
#include "common/internal.h"
#include "order.h"

/* rows x cols within the limits; 0 or E_INVALID */
static int shape_ok(size_t rows, size_t cols)
{
    if (rows == 0 || cols == 0 || rows > THERMOAI__PRUNE_N_MAX / cols)
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

static void keep_all(uint8_t *keep, size_t rows, size_t cols)
{
    if (keep != NULL && shape_ok(rows, cols) == THERMOAI_OK)
        memset(keep, 1, rows * cols);
}

/* k = floor(s N + 1/2) */
static size_t pruned_count(double s, size_t n)
{
    double k = floor(s * (double)n + 0.5);

    return k >= (double)n ? n : (size_t)k;
}

int thermoai_prune_workspace_bytes(size_t rows, size_t cols, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    THERMOAI__TRY(shape_ok(rows, cols));
    if (rows * cols > (SIZE_MAX - 64u) / (2u * sizeof(double) + sizeof(size_t) + 1u))
        return THERMOAI_E_INVALID;
    *bytes = thermoai__prune_ws_bytes(rows * cols);
    return THERMOAI_OK;
}

static int check_norms(size_t cols, const double *x_norm)
{
    size_t j;

    if (!thermoai__all_finite_d(x_norm, cols))
        return THERMOAI_E_NONFINITE;
    for (j = 0; j < cols; j++)
        if (x_norm[j] < 0.0)
            return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

/* Shared by magnitude (x_norm NULL, one group: the matrix) and Wanda (a group per row). */
static int unstructured(size_t rows, size_t cols, const float *w, const double *x_norm,
                        double sparsity, void *workspace, size_t workspace_bytes, uint8_t *keep)
{
    double *key;
    size_t *idx, group, groups, g, i, k;
    unsigned char *spare;

    keep_all(keep, rows, cols);
    if (w == NULL || keep == NULL || workspace == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(shape_ok(rows, cols));
    if (!thermoai__all_finite(w, rows * cols) || !isfinite(sparsity))
        return THERMOAI_E_NONFINITE;
    if (x_norm != NULL)
        THERMOAI__TRY(check_norms(cols, x_norm));
    if (sparsity < 0.0 || sparsity > 1.0)
        return THERMOAI_E_INVALID;
    group = x_norm != NULL ? cols : rows * cols;
    groups = x_norm != NULL ? rows : 1;
    if (thermoai__prune_ws(workspace, workspace_bytes, group, &key, &idx, &spare) != 0)
        return THERMOAI_E_SIZE;
    k = pruned_count(sparsity, group);
    for (g = 0; g < groups; g++) {
        const float *wg = w + g * group;

        for (i = 0; i < group; i++)
            key[i] = fabs((double)wg[i]) * (x_norm != NULL ? x_norm[i] : 1.0);
        thermoai__prune_order(group, key, idx);
        for (i = 0; i < k; i++)
            keep[g * group + idx[i]] = 0;
    }
    return THERMOAI_OK;
}

int thermoai_prune_magnitude(size_t rows, size_t cols, const float *w, double sparsity,
                             void *workspace, size_t workspace_bytes, uint8_t *keep)
{
    return unstructured(rows, cols, w, NULL, sparsity, workspace, workspace_bytes, keep);
}

int thermoai_prune_wanda(size_t rows, size_t cols, const float *w, const double *x_norm,
                         double sparsity, void *workspace, size_t workspace_bytes, uint8_t *keep)
{
    if (x_norm == NULL) {
        keep_all(keep, rows, cols);
        return THERMOAI_E_NULL;
    }
    return unstructured(rows, cols, w, x_norm, sparsity, workspace, workspace_bytes, keep);
}

static int nm(size_t rows, size_t cols, const float *w, const double *x_norm, uint32_t n,
              uint32_t m, uint8_t *keep)
{
    double key[THERMOAI_PRUNE_NM_MAX];
    size_t idx[THERMOAI_PRUNE_NM_MAX], g, i;

    keep_all(keep, rows, cols);
    if (w == NULL || keep == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(shape_ok(rows, cols));
    if (m == 0 || m > THERMOAI_PRUNE_NM_MAX || n > m || cols % m != 0)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite(w, rows * cols))
        return THERMOAI_E_NONFINITE;
    if (x_norm != NULL)
        THERMOAI__TRY(check_norms(cols, x_norm));
    for (g = 0; g < rows * cols; g += m) {
        size_t col0 = g % cols;

        /* the lowest m - n scores are pruned (equal scores: lower index pruned first,
         * so the higher index is kept) */
        for (i = 0; i < m; i++)
            key[i] = fabs((double)w[g + i]) * (x_norm != NULL ? x_norm[col0 + i] : 1.0);
        thermoai__prune_order(m, key, idx);
        for (i = 0; i < m - n; i++)
            keep[g + idx[i]] = 0;
    }
    return THERMOAI_OK;
}

int thermoai_prune_magnitude_nm(size_t rows, size_t cols, const float *w, uint32_t n, uint32_t m,
                                uint8_t *keep)
{
    return nm(rows, cols, w, NULL, n, m, keep);
}

int thermoai_prune_wanda_nm(size_t rows, size_t cols, const float *w, const double *x_norm,
                            uint32_t n, uint32_t m, uint8_t *keep)
{
    if (x_norm == NULL) {
        keep_all(keep, rows, cols);
        return THERMOAI_E_NULL;
    }
    return nm(rows, cols, w, x_norm, n, m, keep);
}

int thermoai_prune_column_norms(size_t tokens, size_t cols, const float *x, double *norm)
{
    size_t t, j;

    if (norm == NULL || x == NULL) {
        if (norm != NULL && cols > 0 && cols <= THERMOAI__PRUNE_N_MAX)
            thermoai__fill_nan_d(norm, cols);
        return THERMOAI_E_NULL;
    }
    if (tokens == 0 || cols == 0 || cols > THERMOAI__PRUNE_N_MAX
        || (double)tokens * (double)cols > 1099511627776.0)
        return THERMOAI_E_INVALID;
    thermoai__fill_nan_d(norm, cols);
    if (!thermoai__all_finite(x, tokens * cols))
        return THERMOAI_E_NONFINITE;
    memset(norm, 0, cols * sizeof *norm);
    for (t = 0; t < tokens; t++)
        for (j = 0; j < cols; j++) {
            double v = (double)x[t * cols + j];

            norm[j] += v * v;
        }
    for (j = 0; j < cols; j++)
        norm[j] = sqrt(norm[j]);
    return THERMOAI_OK;
}
