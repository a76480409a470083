/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/info.h
 * \brief Information units: cross-entropy and perplexity, bits and nats.
 *
 * \f[ \mathrm{PPL} = 2^{H_{bits}} = e^{H_{nats}}, \qquad H_{bits} = H_{nats} / \ln 2 \f]
 * Language-model losses are usually reported in nats (natural log); the papers
 * and this library count information in bits unless a name says \c _nats.
 */
#ifndef THERMOAI_INFO_H
#define THERMOAI_INFO_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/info.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Perplexity from a cross-entropy in bits: \f$\mathrm{PPL} = 2^{H}\f$.
 * \param[in]  cross_entropy_bits  The value \f$H\f$. Unit: bit per token. Finite, >= 0.
 * \param[out] perplexity          PPL. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p perplexity is NULL
 * \retval THERMOAI_E_NONFINITE  the input is NaN or infinite
 * \retval THERMOAI_E_INVALID    the input is negative
 * \retval THERMOAI_E_RANGE      the result overflows (H >= 1024 bits)
 * \par Accuracy
 *   That of libm's exp2 (glibc: 1 ulp; 0 ulp seen).
 * \par Source
 *   Paper 001, Definition 2.4 (\f$\mathrm{PPL} = 2^{H_{cross}}\f$).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_info_perplexity_from_bits(double cross_entropy_bits, double *perplexity);

/**
 * \brief Perplexity from a cross-entropy in nats: \f$\mathrm{PPL} = e^{H}\f$.
 * \param[in]  cross_entropy_nats  The value \f$H\f$. Unit: nat per token. Finite, >= 0.
 * \param[out] perplexity          PPL. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p perplexity is NULL
 * \retval THERMOAI_E_NONFINITE  the input is NaN or infinite
 * \retval THERMOAI_E_INVALID    the input is negative
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Accuracy
 *   That of libm's exp (glibc: 1 ulp; 0 ulp seen).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_info_perplexity_from_nats(double cross_entropy_nats, double *perplexity);

/**
 * \brief Cross-entropy in bits from a perplexity: \f$H = \log_2 \mathrm{PPL}\f$.
 * \param[in]  perplexity          PPL. [dimensionless]. Finite, >= 1.
 * \param[out] cross_entropy_bits  The value \f$H\f$. Unit: bit per token. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p cross_entropy_bits is NULL
 * \retval THERMOAI_E_NONFINITE  the input is NaN or infinite
 * \retval THERMOAI_E_INVALID    the perplexity is below 1
 * \par Accuracy
 *   That of libm's log2 (glibc: 1 ulp; 1 ulp seen).
 * \par Source
 *   Paper 001, Eq. (47): \f$H_{cross} = \log_2(20.5)\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_info_cross_entropy_bits(double perplexity, double *cross_entropy_bits);

/**
 * \brief Cross-entropy in nats from a perplexity: \f$H = \ln \mathrm{PPL}\f$.
 * \param[in]  perplexity          PPL. [dimensionless]. Finite, >= 1.
 * \param[out] cross_entropy_nats  The value \f$H\f$. Unit: nat per token. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p cross_entropy_nats is NULL
 * \retval THERMOAI_E_NONFINITE  the input is NaN or infinite
 * \retval THERMOAI_E_INVALID    the perplexity is below 1
 * \par Accuracy
 *   That of libm's log (glibc: 1 ulp; 0 ulp seen).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_info_cross_entropy_nats(double perplexity, double *cross_entropy_nats);

/**
 * \brief Nats to bits: \f$H_{bits} = H_{nats} / \ln 2\f$.
 * \param[in]  nats  An information quantity. Unit: nat. Finite.
 * \param[out] bits  The same quantity. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  the input is NaN or infinite
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Accuracy
 *   Within 2 ulp (ln 2 rounded, one division; 1 ulp seen).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_info_bits_from_nats(double nats, double *bits);

/**
 * \brief Bits to nats: \f$H_{nats} = H_{bits} \ln 2\f$.
 * \param[in]  bits  An information quantity. Unit: bit. Finite.
 * \param[out] nats  The same quantity. Unit: nat. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p nats is NULL
 * \retval THERMOAI_E_NONFINITE  the input is NaN or infinite
 * \par Accuracy
 *   Within 2 ulp (ln 2 rounded, one product; 1 ulp seen).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_info_nats_from_bits(double bits, double *nats);

/**
 * \brief Entropy of a uniform distribution over \f$V\f$ outcomes: \f$\log_2 V\f$.
 * \param[in]  outcomes  The value \f$V\f$, e.g. a vocabulary size. [dimensionless]. Finite, >= 1.
 * \param[out] bits      The value \f$\log_2 V\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  the input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p outcomes < 1
 * \par Accuracy
 *   That of libm's log2 (glibc: 1 ulp; 0 ulp seen).
 * \par Source
 *   Paper 001, Remark 1 (\f$H_{uniform} = \log_2 V\f$).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_info_uniform_entropy_bits(double outcomes, double *bits);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_INFO_H */
