/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/softmax.h
 * \brief Softmax attention as a thermodynamic and low-rank object (paper 002,
 *        Definition 8.3, Proposition 8.4, Lemma 8.2, Lemma C.1): the attention
 *        free energy and its minimiser, the largest attention weight, and the
 *        singular values and effective rank of the weight matrix.
 *
 * For a query \f$q\f$ and keys \f$k_j\f$ (row-major doubles, \f$d\f$ wide) the logits are
 * \f$s_j = q\cdot k_j/\sqrt d\f$ and \f$\alpha = \mathrm{softmax}(s)\f$. Proposition 8.4 (dense
 * softmax minimises the free energy) is true, and its proof is correct; Lemma 8.2's rank
 * bound and Lemma C.1's concentration are false as stated (tests/bounds/test_softmax.c
 * holds counterexamples); the functions here compute the quantities so that a user can
 * check them on their own data.
 */
#ifndef THERMOAI_SOFTMAX_H
#define THERMOAI_SOFTMAX_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/softmax.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Attention free energy of Definition 8.3: \f$\mathcal F(P) = \mathbb E_P[E(q,k)] - \beta^{-1}H(P)\f$.
 *
 * With \f$E(q, k_j) = -q\cdot k_j\f$, \f$\beta = 1/\sqrt d\f$ and \f$H\f$ in nats:
 * \f$\mathcal F(P) = -\sum_j P_j\,q\cdot k_j + \sqrt d\sum_j P_j\ln P_j\f$ (\f$0\ln 0 = 0\f$).
 * \f$\mathcal F(P) - \mathcal F_{min} = \sqrt d\,\mathrm{KL}(P\,\|\,\alpha) \ge 0\f$.
 *
 * \param[in]  n            Keys, 1 <= n <= 2^24.
 * \param[in]  d            Dimension, 1 <= d <= 4096.
 * \param[in]  query        The value \f$q\f$, d values. [dimensionless]. Finite.
 * \param[in]  keys         n x d row-major. [dimensionless]. Finite.
 * \param[in]  p            A distribution over the keys: n values >= 0 summing to 1 within 1e-10.
 *                          [dimensionless].
 * \param[out] free_energy  The value \f$\mathcal F(P)\f$. [dimensionless] (logit units). NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID    n or d out of range, or \p p not a distribution
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Definition 8.3.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_softmax_free_energy(size_t n, size_t d, const double *query, const double *keys,
                                 const double *p, double *free_energy);

/**
 * \brief The minimum of the free energy and its minimiser (Proposition 8.4).
 *
 * \f$\mathcal F_{min} = -\sqrt d\,\ln\sum_j e^{q\cdot k_j/\sqrt d}\f$, reached exactly at
 * \f$P^* = \mathrm{softmax}(q\cdot k/\sqrt d)\f$ and nowhere else (strict convexity of
 * \f$\sum P\ln P\f$): the proposition holds. Log-sum-exp with the maximum logit taken out.
 *
 * \param[in]  n            Keys, 1 <= n <= 2^24.
 * \param[in]  d            Dimension, 1 <= d <= 4096.
 * \param[in]  query        The value \f$q\f$, d values. [dimensionless]. Finite.
 * \param[in]  keys         n x d row-major. [dimensionless]. Finite.
 * \param[out] free_energy  The value \f$\mathcal F_{min}\f$. [dimensionless]. NaN on error.
 * \param[out] p_star       The value \f$P^*\f$, n values, or NULL. [dimensionless]. All NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p query, \p keys or \p free_energy is NULL
 * \retval THERMOAI_E_NONFINITE  an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID    n or d out of range
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Proposition 8.4.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_softmax_free_energy_min(size_t n, size_t d, const double *query, const double *keys,
                                     double *free_energy, double *p_star);

/**
 * \brief The largest attention weight \f$\max_i\alpha_i\f$ and Lemma C.1's threshold \f$\ln N/N\f$.
 *
 * Lemma C.1 claims \f$P(\max_i\alpha_i > \ln N/N) \le 1/N\f$ for \f$q \sim N(0, I_d/d)\f$ and
 * unit keys. It has no proof and is false without a condition on \f$d\f$: for \f$N = 2\f$,
 * \f$\max\alpha \ge 1/2 > \ln 2/2\f$ always; for \f$d = 1\f$, \f$N = 10\f$ and keys
 * \f$(1, -1, \dots, -1)\f$ the probability is about 0.31. The threshold uses the natural
 * logarithm (the paper does not say which).
 *
 * \param[in]  n          Keys, 1 <= n <= 2^24.
 * \param[in]  d          Dimension, 1 <= d <= 4096.
 * \param[in]  query      The value \f$q\f$, d values. [dimensionless]. Finite.
 * \param[in]  keys       n x d row-major. [dimensionless]. Finite.
 * \param[out] alpha_max  The value \f$\max_i\alpha_i \in [1/N, 1]\f$. [dimensionless]. NaN on error.
 * \param[out] threshold  The value \f$\ln N/N\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID    n or d out of range
 * \par Source
 *   Paper 002, Lemma C.1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_softmax_max_weight(size_t n, size_t d, const double *query, const double *keys,
                                double *alpha_max, double *threshold);

/**
 * \brief Workspace thermoai_softmax_singular_values() needs.
 * \param[in]  n      Tokens, 1 <= n <= 1024.
 * \param[in]  d      Dimension, 1 <= d <= 4096.
 * \param[out] bytes  About \f$8(2n^2 + n)\f$ bytes; 0 on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bytes is NULL
 * \retval THERMOAI_E_INVALID  n or d out of range
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_softmax_singular_values_workspace_bytes(size_t n, size_t d, size_t *bytes);

/**
 * \brief Singular values of the attention weights \f$W_{ij} = e^{q_i\cdot k_j/\sqrt d}\f$, relative to the largest.
 *
 * \f$W\f$ is formed as \f$e^{s_{ij} - s_{max}}\f$ (scaling changes neither the rank nor the
 * relative values) and \f$\sigma_i = \sqrt{\lambda_i(W^\top W)}\f$ by the Jacobi method; values
 * below about \f$10^{-8}\f$ are at the rounding level of the squared matrix.
 *
 * \param[in]  n                Tokens (queries and keys), 1 <= n <= 1024.
 * \param[in]  d                Dimension, 1 <= d <= 4096.
 * \param[in]  queries          n x d row-major. [dimensionless]. Finite.
 * \param[in]  keys             n x d row-major. [dimensionless]. Finite.
 * \param[in]  workspace        At least thermoai_softmax_singular_values_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] sigma            n values \f$\sigma_i/\sigma_1\f$, descending, the first 1. [dimensionless].
 *                              All NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           a pointer is NULL
 * \retval THERMOAI_E_NONFINITE      an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID        n or d out of range
 * \retval THERMOAI_E_SIZE           \p workspace_bytes too small
 * \retval THERMOAI_E_NO_CONVERGENCE the eigensolver did not converge (not expected)
 * \par Source
 *   Paper 002, Lemma 8.2 (the quantity it bounds).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_softmax_singular_values(size_t n, size_t d, const double *queries,
                                     const double *keys, void *workspace, size_t workspace_bytes,
                                     double *sigma);

/**
 * \brief Effective rank \f$\exp(H(\sigma/\|\sigma\|_1))\f$ of Lemma 8.2 (Roy and Vetterli 2007).
 *
 * \param[in]  n       Values, 1 <= n <= 2^28.
 * \param[in]  sigma   Singular values (any scale), n values >= 0, not all 0. [dimensionless].
 * \param[out] erank   In [1, n]. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  a value is NaN or infinite
 * \retval THERMOAI_E_INVALID    n out of range, a negative value, or all zero
 * \par Source
 *   Paper 002, Lemma 8.2; O. Roy and M. Vetterli, EUSIPCO 2007.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_softmax_effective_rank(size_t n, const double *sigma, double *erank);

#if defined(THERMOAI_EXPERIMENTAL)

/**
 * \brief Lemma 8.2 as printed: \f$\mathrm{rank}(W) \le \min(N, 2^r)\f$ when queries and keys span \f$r\f$ dimensions.
 *
 * False: \f$e^{q\cdot k}\f$ is not a polynomial kernel, and for \f$r = 1\f$, \f$q_i = k_i = i\sqrt d\f$
 * (\f$i = 0, 1, 2\f$) \f$W\f$ is the Vandermonde matrix of \f$(1, e, e^2)\f$, of rank 3 > 2. No
 * proof is given; the effective-rank statement \f$O(d\log N)\f$ "for typical token distributions"
 * cannot be checked as stated.
 *
 * \param[in]  n      The value \f$N\f$, >= 1.
 * \param[in]  r      The value \f$r\f$.
 * \param[out] bound  The value \f$\min(N, 2^r)\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bound is NULL
 * \retval THERMOAI_E_INVALID  n = 0
 * \par Source
 *   Paper 002, Lemma 8.2.
 * \warning Experimental: false as printed.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_softmax_rank_bound(size_t n, size_t r, double *bound);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SOFTMAX_H */
