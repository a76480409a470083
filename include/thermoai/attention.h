/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/attention.h
 * \brief Exact softmax attention: a streaming, blocked kernel without an N x N buffer.
 *
 * \f[ Y = \mathrm{softmax}\!\left(\frac{Q K^\top}{\sqrt{d}}\right) V \f]
 * for row-major float32 \f$Q, K, V, Y \in \mathbb{R}^{n \times d}\f$ (one head).
 * The kernel walks the keys in blocks and keeps, per query row, the running
 * maximum, the running sum and the unnormalised output (the online softmax of
 * FlashAttention), so memory is \f$O(nd)\f$ whatever \f$n\f$.
 *
 * Arithmetic: float32 throughout. Scores are fused multiply-adds over \f$d\f$,
 * the running maximum is subtracted before exponentiation, and sums and
 * outputs are accumulated in float; the SIMD kernels' exp2 has relative error
 * below 2e-7. The AVX-512F kernel (chosen at run time where the CPU has it) and
 * the AVX2+FMA kernel give bit-identical results. Against a double-precision reference the relative error of each
 * output row is of order \f$10^{-6}\f$ (tests/test_attention.c bounds it by
 * 2e-5 for \f$n \le 4096\f$). The same inputs give bit-identical results at any
 * OpenMP thread count on the same machine.
 *
 * This is the reference and the baseline of Spectral Sparse Attention (ssa.h).
 */
#ifndef THERMOAI_ATTENTION_H
#define THERMOAI_ATTENTION_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/attention.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Causal mask: query \f$i\f$ attends to keys \f$j \le i\f$ only. \since 0.1.0 */
#define THERMOAI_ATTENTION_CAUSAL 0x1u
/** Use the portable C kernel even where a SIMD kernel is available. \since 0.1.0 */
#define THERMOAI_ATTENTION_PORTABLE 0x2u
/** Use at most the AVX2 kernel (the AVX-512 one gives the same bits, faster). \since 0.1.0 */
#define THERMOAI_ATTENTION_NO_AVX512 0x4u

/**
 * \brief Workspace that thermoai_attention_dense() needs for \p n keys of width \p d.
 * \param[in]  n      Sequence length, >= 1.
 * \param[in]  d      Head dimension, >= 1.
 * \param[out] bytes  The size in bytes (about \f$4 n (d + 1)\f$); 0 on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bytes is NULL
 * \retval THERMOAI_E_INVALID  \p n or \p d is 0, or either exceeds 2^31
 * \retval THERMOAI_E_RANGE    the size overflows size_t
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_attention_workspace_bytes(size_t n, size_t d, size_t *bytes);

/**
 * \brief Exact attention \f$Y = \mathrm{softmax}(QK^\top/\sqrt{d})\,V\f$.
 *
 * \param[in]  n                Sequence length (queries and keys), >= 1.
 * \param[in]  d                Head dimension, >= 1.
 * \param[in]  q                Queries, \p n x \p d row-major. [dimensionless], finite.
 * \param[in]  k                Keys, \p n x \p d row-major, finite.
 * \param[in]  v                Values, \p n x \p d row-major, finite.
 * \param[in]  flags            0, or THERMOAI_ATTENTION_CAUSAL, THERMOAI_ATTENTION_PORTABLE,
 *                              THERMOAI_ATTENTION_NO_AVX512.
 * \param[in]  workspace        At least thermoai_attention_workspace_bytes() bytes, any alignment.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] y                Output, \p n x \p d row-major; may not alias the inputs.
 *                              All NaN on error (when \p y is not NULL).
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_INVALID    \p n or \p d is 0 or above 2^31
 * \retval THERMOAI_E_SIZE       \p workspace_bytes is too small
 * \retval THERMOAI_E_UNSUPPORTED unknown flag bits
 * \retval THERMOAI_E_NONFINITE  an input holds NaN or infinity
 * \retval THERMOAI_E_RANGE      an output overflowed float (inputs of extreme magnitude)
 * \par Source
 *   Paper 002, Sec. 8.1 (dense attention as the reference of SSA); the online
 *   softmax of Dao et al., FlashAttention, NeurIPS 2022.
 * \par Thread safety
 *   Reentrant; with --enable-openmp the query rows are shared among threads.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_attention_dense(size_t n, size_t d, const float *q, const float *k, const float *v,
                             uint32_t flags, void *workspace, size_t workspace_bytes, float *y);

#if defined(THERMOAI_EXPERIMENTAL)
/**
 * \brief Mean in-cluster attention mass of the exact attention.
 *
 * \f[ \bar\mu = \frac1n \sum_i \sum_{j:\, \ell_j = \ell_i} \mathrm{softmax}_j(q_i \cdot k_j/\sqrt d) \f]
 * for cluster labels \f$\ell\f$: how much of the attention a query spends in its
 * own cluster (the share intra-cluster sparse attention keeps exactly).
 *
 * \param[in]  n                Sequence length, >= 1.
 * \param[in]  d                Head dimension, >= 1.
 * \param[in]  q                Queries, n x d row-major, finite.
 * \param[in]  k                Keys, n x d row-major, finite.
 * \param[in]  labels           n cluster labels.
 * \param[in]  flags            0, or THERMOAI_ATTENTION_CAUSAL and/or THERMOAI_ATTENTION_PORTABLE.
 * \param[in]  workspace        At least thermoai_attention_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] mass             The value \f$\bar\mu\f$ in [0, 1]. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_attention_dense()
 * \warning Experimental (doc/abi-policy.md): declared only when the program
 *          defines THERMOAI_EXPERIMENTAL before including thermoai.h, exported in
 *          the unfrozen THERMOAI_EXPERIMENTAL version node, and free to change
 *          or disappear in any release.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_attention_cluster_mass(size_t n, size_t d, const float *q, const float *k,
                                    const uint32_t *labels, uint32_t flags, void *workspace,
                                    size_t workspace_bytes, double *mass);

#endif /* THERMOAI_EXPERIMENTAL */

/**
 * \brief Name of the kernel thermoai_attention_dense() and SSA use with \p flags here.
 * \param[in]  flags  As for thermoai_attention_dense().
 * \param[out] name   "AVX-512F", "AVX2+FMA" or "portable C" (static storage).
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL         \p name is NULL
 * \retval THERMOAI_E_UNSUPPORTED  unknown bits in \p flags (\p *name is NULL then)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_attention_kernel_name(uint32_t flags, const char **name);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_ATTENTION_H */
