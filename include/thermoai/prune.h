/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/prune.h
 * \brief Weight-pruning baselines for TIP: magnitude and Wanda masks, unstructured and N:M.
 *
 * These are the methods paper 000 Sec. 5.3 compares TIP with, on one weight matrix
 * \f$W\f$ of \p rows outputs by \p cols inputs, row-major (\f$y = W x\f$, PyTorch's
 * Linear layout). Each writes a keep mask of one byte per weight (1 kept, 0 pruned):
 *
 * - **magnitude**: score \f$|W_{ij}|\f$, compared over the whole matrix (one threshold
 *   per matrix);
 * - **Wanda** (Sun et al. 2023): score \f$|W_{ij}|\,\|X_j\|_2\f$, with \f$\|X_j\|_2\f$ the
 *   norm of input feature \f$j\f$ over the calibration tokens, compared within each output
 *   row;
 * - **N:M**: in every group of \p m consecutive inputs of a row, the \p n highest scores
 *   are kept (2:4 is the format of NVIDIA's sparse tensor cores).
 *
 * Unstructured: \f$k = \lfloor s N + 1/2 \rfloor\f$ weights of each comparison group of
 * \f$N\f$ (the matrix, or a row) are pruned, the lowest scores first, equal scores by
 * index ascending. These masks change no energy by themselves: a pruned weight stored
 * as a zero in a dense matrix is still read and multiplied (see tip.h and
 * thermoai_tip_unstructured_energy_j() for what a sparse format saves). Research tier:
 * declared only with THERMOAI_EXPERIMENTAL.
 */
#ifndef THERMOAI_PRUNE_H
#define THERMOAI_PRUNE_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/prune.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(THERMOAI_EXPERIMENTAL)

/** Largest group size \p m of the N:M functions. \since 0.1.0 */
#define THERMOAI_PRUNE_NM_MAX 64u

/**
 * \brief Workspace of thermoai_prune_magnitude() and thermoai_prune_wanda().
 * \param[in]  rows   Output features, >= 1.
 * \param[in]  cols   Input features, >= 1; rows x cols <= 2^32.
 * \param[out] bytes  About 25 rows cols bytes (magnitude sorts the whole matrix; enough for Wanda too); 0 on error.
 * \retval THERMOAI_OK        success
 * \retval THERMOAI_E_NULL    \p bytes is NULL
 * \retval THERMOAI_E_INVALID a dimension is 0, or rows x cols above 2^32
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_prune_workspace_bytes(size_t rows, size_t cols, size_t *bytes);

/**
 * \brief Magnitude pruning: the \f$\lfloor s\,\mathrm{rows}\,\mathrm{cols} + 1/2\rfloor\f$
 *        weights of smallest \f$|W_{ij}|\f$ in the matrix are pruned.
 * \param[in]  rows             Rows of the matrix (outputs), as thermoai_prune_workspace_bytes().
 * \param[in]  cols             Columns of the matrix (inputs), as thermoai_prune_workspace_bytes().
 * \param[in]  w                The weights, rows x cols, row-major; finite.
 * \param[in]  sparsity         The value \f$s\f$, in [0, 1]. [dimensionless]
 * \param[in]  workspace        thermoai_prune_workspace_bytes() bytes, any alignment.
 * \param[in]  workspace_bytes  Its size.
 * \param[out] keep             rows x cols bytes, 1 kept; all 1 on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_INVALID    a dimension 0 or too large, \p sparsity outside [0, 1]
 * \retval THERMOAI_E_NONFINITE  a weight or \p sparsity is NaN or infinite
 * \retval THERMOAI_E_SIZE       \p workspace_bytes too small
 * \par Source
 *   Han et al., "Learning both Weights and Connections", NeurIPS 2015; paper 000 Sec. 5.3
 *   ("Magnitude" row).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_prune_magnitude(size_t rows, size_t cols, const float *w, double sparsity,
                             void *workspace, size_t workspace_bytes, uint8_t *keep);

/**
 * \brief Wanda pruning: in each output row, the \f$\lfloor s\,\mathrm{cols} + 1/2\rfloor\f$
 *        weights of smallest \f$|W_{ij}|\,\|X_j\|_2\f$ are pruned.
 * \param[in]  rows             Rows of the matrix (outputs).
 * \param[in]  cols             Columns of the matrix (inputs).
 * \param[in]  w                The weights, rows x cols, row-major; finite.
 * \param[in]  x_norm           \p cols input-feature norms \f$\|X_j\|_2\f$ (thermoai_prune_column_norms()); finite, >= 0. Unit: the activations' unit.
 * \param[in]  sparsity         The value \f$s\f$, in [0, 1]. [dimensionless]
 * \param[in]  workspace        thermoai_prune_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Its size.
 * \param[out] keep             rows x cols bytes; all 1 on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_INVALID    as thermoai_prune_magnitude(), or a negative norm
 * \retval other                as thermoai_prune_magnitude()
 * \par Source
 *   Sun, Liu, Bair, Kolter, "A Simple and Effective Pruning Approach for Large Language
 *   Models", ICLR 2024 (arXiv:2306.11695), Eq. (1) and the per-output comparison group.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_prune_wanda(size_t rows, size_t cols, const float *w, const double *x_norm,
                         double sparsity, void *workspace, size_t workspace_bytes, uint8_t *keep);

/**
 * \brief N:M magnitude pruning: in every group of \p m consecutive weights of a row the
 *        \p n of largest \f$|W_{ij}|\f$ are kept (equal scores: the lower index is
 *        pruned first, as in the unstructured functions).
 * \param[in]  rows             Rows of the matrix (outputs).
 * \param[in]  cols             Columns of the matrix (inputs); \p m divides it.
 * \param[in]  w           The weights, rows x cols, row-major; finite.
 * \param[in]  n           Kept per group, 0 .. \p m.
 * \param[in]  m           Group size, 1 .. #THERMOAI_PRUNE_NM_MAX.
 * \param[out] keep        rows x cols bytes; all 1 on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_INVALID    a dimension 0 or too large, \p m 0 or above the maximum,
 *                               \p n > \p m, \p m does not divide \p cols
 * \retval THERMOAI_E_NONFINITE  a weight is NaN or infinite
 * \par Source
 *   Mishra et al., "Accelerating Sparse Deep Neural Networks", arXiv:2104.08378 (2:4).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_prune_magnitude_nm(size_t rows, size_t cols, const float *w, uint32_t n, uint32_t m,
                                uint8_t *keep);

/**
 * \brief N:M Wanda pruning: as thermoai_prune_magnitude_nm() with scores
 *        \f$|W_{ij}|\,\|X_j\|_2\f$.
 * \param[in]  rows             Rows of the matrix (outputs).
 * \param[in]  cols             Columns of the matrix (inputs); \p m divides it.
 * \param[in]  w           The weights, rows x cols, row-major; finite.
 * \param[in]  x_norm      \p cols input norms; finite, >= 0. Unit: the activations' unit.
 * \param[in]  n           Kept per group.
 * \param[in]  m           Group size.
 * \param[out] keep        rows x cols bytes; all 1 on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_prune_magnitude_nm(), THERMOAI_E_INVALID for a negative norm
 * \par Source
 *   Sun et al. 2023, Sec. 3 ("structured N:M sparsity").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_prune_wanda_nm(size_t rows, size_t cols, const float *w, const double *x_norm,
                            uint32_t n, uint32_t m, uint8_t *keep);

/**
 * \brief Input-feature norms for Wanda: \f$\|X_j\|_2 = (\sum_t x_{tj}^2)^{1/2}\f$ over
 *        \p tokens calibration rows of \p cols features (row-major), accumulated in double
 *        (squares of finite floats cannot overflow it).
 * \param[in]  tokens  Rows of \p x, >= 1.
 * \param[in]  cols    Features, >= 1; tokens x cols <= 2^40.
 * \param[in]  x       The activations, tokens x cols, row-major; finite.
 * \param[out] norm    \p cols norms; all NaN on error. Unit: the activations' unit.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_INVALID    a dimension is 0 or too large
 * \retval THERMOAI_E_NONFINITE  an activation is NaN or infinite
 * \par Source
 *   Sun et al. 2023, Eq. (1).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_prune_column_norms(size_t tokens, size_t cols, const float *x, double *norm);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_PRUNE_H */
