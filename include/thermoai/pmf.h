/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/pmf.h
 * \brief Information measures of probability mass functions on caller arrays:
 *        entropy, conditional entropy, cross-entropy, KL divergence, mutual
 *        information of a joint pmf; validation and log-sum-exp.
 *
 * **Input pmfs.** An array of \f$n \ge 1\f$ finite, non-negative doubles whose
 * sum is 1 within #THERMOAI_PMF_TOLERANCE (absolute; the sum is formed with
 * Neumaier's compensated summation). A NaN or infinity gives
 * #THERMOAI_E_NONFINITE, a negative entry or a sum outside the tolerance
 * #THERMOAI_E_INVALID. An accepted array is used divided by its computed sum,
 * so the results are exactly those of a normalised pmf and rounding in the
 * caller's entries does not leak into them. A joint pmf is \f$n_x \times n_y\f$,
 * row-major: \c joint[x * ny + y] \f$= p(x, y)\f$.
 *
 * **Conventions.** \f$0 \log 0 = 0\f$ and \f$0 \log(0/q) = 0\f$; \f$p \log(p/0)\f$ with
 * \f$p > 0\f$ is \f$+\infty\f$, which is reported as #THERMOAI_E_DOMAIN (a result
 * is never infinite). Every sum is compensated. Each function comes in bits
 * (\f$\log_2\f$) and nats (\f$\ln\f$); the bit variants are the nat values
 * divided by \f$\ln 2\f$.
 *
 * **Accuracy.** Entropies, cross-entropies and divergences are accurate to a
 * few ulp of their largest term; mutual information and conditional entropy are
 * differences of entropies, accurate to about \f$10^{-15} H(X,Y)\f$ absolute.
 * KL divergence and mutual information are never below 0, and mutual
 * information never above \f$\min(H(X), H(Y))\f$ (rounding is clamped to the
 * mathematical range).
 *
 * All functions are pure: no allocation, no global state, reentrant.
 */
#ifndef THERMOAI_PMF_H
#define THERMOAI_PMF_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/pmf.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Largest accepted \f$|\sum_i p_i - 1|\f$ of an input pmf (absolute): \f$10^{-9}\f$.
 *
 * Loose enough for any pmf computed in double precision, tight enough to
 * reject unnormalised counts and float32 rounding of large alphabets.
 * thermoai_pmf_tolerance() returns the same value at run time.
 * \since 0.1.0
 */
#define THERMOAI_PMF_TOLERANCE 1e-9

/**
 * \brief #THERMOAI_PMF_TOLERANCE at run time.
 * \return The value \f$10^{-9}\f$.
 * \since 0.1.0
 */
THERMOAI_API double thermoai_pmf_tolerance(void);

/**
 * \brief Checks that \p p is a pmf: \f$n \ge 1\f$ finite entries, \f$p_i \ge 0\f$, \f$|\sum p_i - 1| \le 10^{-9}\f$.
 * \param[in] p  The array, \p n entries. [dimensionless]
 * \param[in] n  Number of entries, >= 1.
 * \retval THERMOAI_OK           \p p is a pmf
 * \retval THERMOAI_E_NULL       \p p is NULL
 * \retval THERMOAI_E_NONFINITE  an entry is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p n is 0, an entry is negative, or the sum is off by more than the tolerance
 * \par Source
 *   The tolerance rule of this header.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_check(const double *p, size_t n);

/**
 * \brief Shannon entropy in bits: \f$H(p) = -\sum_i p_i \log_2 p_i\f$.
 * \param[in]  p     A pmf, \p n entries. [dimensionless]
 * \param[in]  n     Number of entries, >= 1.
 * \param[out] bits  The value \f$H(p)\f$, in \f$[0, \log_2 n]\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an entry is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p p is not a pmf (see thermoai_pmf_check())
 * \retval THERMOAI_E_RANGE      the entropy is non-zero but below the normal range
 * \par Source
 *   Shannon (1948); paper 002 Table 3 (\f$H(\cdot)\f$).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_entropy_bits(const double *p, size_t n, double *bits);

/**
 * \brief Shannon entropy in nats: \f$H(p) = -\sum_i p_i \ln p_i\f$.
 * \param[in]  p     A pmf, \p n entries. [dimensionless]
 * \param[in]  n     Number of entries, >= 1.
 * \param[out] nats  The value \f$H(p)\f$, in \f$[0, \ln n]\f$. Unit: nat. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_pmf_entropy_bits()
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_entropy_nats(const double *p, size_t n, double *nats);

/**
 * \brief Cross-entropy in bits: \f$H(p, q) = -\sum_i p_i \log_2 q_i\f$.
 * \param[in]  p     A pmf, \p n entries. [dimensionless]
 * \param[in]  q     A pmf, \p n entries. [dimensionless]
 * \param[in]  n     Number of entries, >= 1.
 * \param[out] bits  The value \f$H(p, q) \ge H(p)\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an entry is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p p or \p q is not a pmf
 * \retval THERMOAI_E_DOMAIN     \f$q_i = 0 < p_i\f$ for some \f$i\f$ (the cross-entropy is infinite)
 * \retval THERMOAI_E_RANGE      the result is non-zero but below the normal range
 * \par Source
 *   Cover and Thomas, Elements of Information Theory (2006), Sec. 2.3.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_cross_entropy_bits(const double *p, const double *q, size_t n, double *bits);

/**
 * \brief Cross-entropy in nats: \f$H(p, q) = -\sum_i p_i \ln q_i\f$.
 * \param[in]  p     A pmf, \p n entries. [dimensionless]
 * \param[in]  q     A pmf, \p n entries. [dimensionless]
 * \param[in]  n     Number of entries, >= 1.
 * \param[out] nats  The value \f$H(p, q)\f$. Unit: nat. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_pmf_cross_entropy_bits()
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_cross_entropy_nats(const double *p, const double *q, size_t n, double *nats);

/**
 * \brief Kullback-Leibler divergence in bits: \f$\mathrm{KL}(p \| q) = \sum_i p_i \log_2 (p_i / q_i)\f$.
 * \param[in]  p     A pmf, \p n entries (the first argument of KL). [dimensionless]
 * \param[in]  q     A pmf, \p n entries (the reference). [dimensionless]
 * \param[in]  n     Number of entries, >= 1.
 * \param[out] bits  The value \f$\mathrm{KL}(p \| q) \ge 0\f$ (0 when \f$p = q\f$). Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an entry is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p p or \p q is not a pmf
 * \retval THERMOAI_E_DOMAIN     \f$q_i = 0 < p_i\f$ for some \f$i\f$ (\f$p\f$ is not absolutely
 *                               continuous with respect to \f$q\f$: KL is infinite)
 * \retval THERMOAI_E_RANGE      the result is non-zero but below the normal range
 * \par Source
 *   Kullback and Leibler (1951); paper 002 Table 3 and Theorem 3.6.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_kl_divergence_bits(const double *p, const double *q, size_t n, double *bits);

/**
 * \brief Kullback-Leibler divergence in nats: \f$\mathrm{KL}(p \| q) = \sum_i p_i \ln (p_i / q_i)\f$.
 * \param[in]  p     A pmf, \p n entries. [dimensionless]
 * \param[in]  q     A pmf, \p n entries. [dimensionless]
 * \param[in]  n     Number of entries, >= 1.
 * \param[out] nats  The value \f$\mathrm{KL}(p \| q) \ge 0\f$. Unit: nat. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_pmf_kl_divergence_bits()
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_kl_divergence_nats(const double *p, const double *q, size_t n, double *nats);

/**
 * \brief Mutual information of a joint pmf in bits: \f$I(X;Y) = H(X) + H(Y) - H(X,Y)\f$.
 * \param[in]  joint  The value \f$p(x, y)\f$, \p nx x \p ny row-major, a pmf. [dimensionless]
 * \param[in]  nx     Rows (values of \f$X\f$), >= 1.
 * \param[in]  ny     Columns (values of \f$Y\f$), >= 1; \p nx * \p ny must not overflow.
 * \param[out] bits   The value \f$I(X;Y)\f$, in \f$[0, \min(H(X), H(Y))]\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an entry is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p joint is not a pmf, or \p nx * \p ny overflows
 * \retval THERMOAI_E_RANGE      the result is non-zero but below the normal range
 * \par Source
 *   Shannon (1948); paper 002 Table 3 and Definition 3.1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_mutual_information_bits(const double *joint, size_t nx, size_t ny, double *bits);

/**
 * \brief Mutual information of a joint pmf in nats.
 * \param[in]  joint  The value \f$p(x, y)\f$, \p nx x \p ny row-major, a pmf. [dimensionless]
 * \param[in]  nx     Rows, >= 1.
 * \param[in]  ny     Columns, >= 1.
 * \param[out] nats   The value \f$I(X;Y)\f$. Unit: nat. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_pmf_mutual_information_bits()
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_mutual_information_nats(const double *joint, size_t nx, size_t ny, double *nats);

/**
 * \brief Conditional entropy of the columns given the rows, in bits: \f$H(Y|X) = H(X,Y) - H(X)\f$.
 *
 * \f$H(X|Y)\f$ is \f$H(X,Y) - H(Y)\f$: pass the transpose, or subtract from the
 * entropy of the flattened joint (thermoai_pmf_entropy_bits() with \f$n_x n_y\f$ entries).
 * \param[in]  joint  The value \f$p(x, y)\f$, \p nx x \p ny row-major, a pmf. [dimensionless]
 * \param[in]  nx     Rows (values of the condition \f$X\f$), >= 1.
 * \param[in]  ny     Columns (values of \f$Y\f$), >= 1; \p nx * \p ny must not overflow.
 * \param[out] bits   The value \f$H(Y|X)\f$, in \f$[0, \log_2 n_y]\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an entry is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p joint is not a pmf, or \p nx * \p ny overflows
 * \retval THERMOAI_E_RANGE      the result is non-zero but below the normal range
 * \par Source
 *   Cover and Thomas (2006), Sec. 2.2; paper 002 Theorem 3.17 (\f$H(Y|X)\f$).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_conditional_entropy_bits(const double *joint, size_t nx, size_t ny,
                                          double *bits);

/**
 * \brief Conditional entropy \f$H(Y|X)\f$ in nats.
 * \param[in]  joint  The value \f$p(x, y)\f$, \p nx x \p ny row-major, a pmf. [dimensionless]
 * \param[in]  nx     Rows, >= 1.
 * \param[in]  ny     Columns, >= 1.
 * \param[out] nats   The value \f$H(Y|X)\f$. Unit: nat. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_pmf_conditional_entropy_bits()
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_conditional_entropy_nats(const double *joint, size_t nx, size_t ny,
                                          double *nats);

/**
 * \brief Log-sum-exp: \f$\ln \sum_i e^{x_i}\f$, without overflow or underflow.
 *
 * Computed as \f$m + \ln \sum_i e^{x_i - m}\f$ with \f$m = \max_i x_i\f$ (the sum
 * compensated), accurate to a few ulp of \f$\max(|m|, 1)\f$. Normalises a pmf
 * given by its logarithms: \f$p_i = e^{x_i - \mathrm{lse}}\f$.
 * \param[in]  x    \p n finite values. Unit: nat (log-probabilities or any logits).
 * \param[in]  n    Number of values, >= 1.
 * \param[out] out  The value \f$\ln \sum_i e^{x_i}\f$. Unit: nat. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  a value is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p n is 0
 * \retval THERMOAI_E_RANGE      the result is non-zero but below the normal range
 * \par Source
 *   The standard shift by the maximum (e.g. Blanchard, Higham and Higham,
 *   IMA J. Numer. Anal. 41 (2021) 2311).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_pmf_log_sum_exp(const double *x, size_t n, double *out);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_PMF_H */
