/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/scaling.h
 * \brief Scaling laws: loss and negentropy against parameters, data and compute.
 *
 * The loss law of paper 001 Appendix A (Eq. 39), in bits per token,
 * \f[ L(N, D, C) = L_\infty + \frac{a}{N^{\alpha_N}} + \frac{b}{D^{\alpha_D}} + \frac{c}{C^{\alpha_C}}, \f]
 * and its negentropy form (Eqs. 20 and 40), \f$\mathcal{N} = H_{data} - L\f$:
 * \f[ \mathcal{N} = \mathcal{N}_\infty - \Bigl(\frac{N_c}{N}\Bigr)^{\alpha_N}
 *     - \Bigl(\frac{D_c}{D}\Bigr)^{\alpha_D} - \Bigl(\frac{C_c}{C}\Bigr)^{\alpha_C}, \f]
 * with \f$\mathcal{N}_\infty = H_{data} - L_\infty\f$ and \f$N_c = a^{1/\alpha_N}\f$,
 * \f$D_c = b^{1/\alpha_D}\f$, \f$C_c = c^{1/\alpha_C}\f$. A term whose
 * coefficient or scale is 0 is absent (many fits use only N and D, or only C).
 * Kaplan et al. report losses in nats; convert with thermoai_info_bits_from_nats().
 */
#ifndef THERMOAI_SCALING_H
#define THERMOAI_SCALING_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/scaling.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief The negentropy scaling law, Eq. (20) (size-field struct).
 * \since 0.1.0
 */
typedef struct thermoai_scaling_negentropy_law {
    uint32_t struct_size; /**< sizeof(thermoai_scaling_negentropy_law); set by thermoai_scaling_negentropy_law_init() */
    uint32_t reserved;    /**< must be 0 */
    double n_inf_bits;    /**< \f$\mathcal{N}_\infty\f$, bit per token; default 7.5 (paper 001 Sec. 5.3) */
    double n_c;           /**< \f$N_c\f$, parameters; 0 = no parameter term (default) */
    double d_c;           /**< \f$D_c\f$, tokens; 0 = no data term (default) */
    double c_c;           /**< \f$C_c\f$, FLOP; 0 = no compute term (default) */
    double alpha_n;       /**< \f$\alpha_N\f$, default 0.076 */
    double alpha_d;       /**< \f$\alpha_D\f$, default 0.095 */
    double alpha_c;       /**< \f$\alpha_C\f$, default 0.057 */
} thermoai_scaling_negentropy_law;

/**
 * \brief The loss scaling law, Eq. (39), in bits per token (size-field struct).
 * \since 0.1.0
 */
typedef struct thermoai_scaling_loss_law {
    uint32_t struct_size; /**< sizeof(thermoai_scaling_loss_law); set by thermoai_scaling_loss_law_init() */
    uint32_t reserved;    /**< must be 0 */
    double l_inf_bits;    /**< \f$L_\infty\f$, bit per token, >= 0 */
    double a;             /**< parameter coefficient, bit per token times parameters^alpha_n; 0 = absent */
    double b;             /**< data coefficient; 0 = absent */
    double c;             /**< compute coefficient; 0 = absent */
    double alpha_n;       /**< default 0.076 */
    double alpha_d;       /**< default 0.095 */
    double alpha_c;       /**< default 0.057 */
} thermoai_scaling_loss_law;

/**
 * \brief Defaults: \f$\mathcal{N}_\infty\f$ = 7.5 bits, exponents 0.076/0.095/0.057, no terms.
 * \param[out] law   The struct.
 * \param[in]  size  sizeof(*law) as compiled by the caller; at least 64.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p law is NULL
 * \retval THERMOAI_E_SIZE  \p size below 64 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scaling_negentropy_law_init(thermoai_scaling_negentropy_law *law, size_t size);

/**
 * \brief Defaults: \f$L_\infty\f$ = 0, exponents 0.076/0.095/0.057, no terms.
 * \param[out] law   The struct.
 * \param[in]  size  sizeof(*law) as compiled by the caller; at least 64.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p law is NULL
 * \retval THERMOAI_E_SIZE  \p size below 64 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scaling_loss_law_init(thermoai_scaling_loss_law *law, size_t size);

/**
 * \brief sizeof(thermoai_scaling_negentropy_law) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_scaling_negentropy_law_size(void);

/**
 * \brief sizeof(thermoai_scaling_loss_law) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_scaling_loss_law_size(void);

/**
 * \brief Negentropy of a model of \p params parameters trained on \p tokens with \p flop, Eq. (20).
 *
 * Each present term is a decreasing power of its resource, so \f$\mathcal{N}\f$
 * rises monotonically to \f$\mathcal{N}_\infty\f$ as every resource grows.
 *
 * \param[in]  law     The law.
 * \param[in]  params  The value \f$N\f$. [dimensionless]. Finite; > 0 when the parameter term is present.
 * \param[in]  tokens  The value \f$D\f$. [dimensionless]. Finite; > 0 when the data term is present.
 * \param[in]  flop    The value \f$C\f$. Unit: FLOP. Finite; > 0 when the compute term is present.
 * \param[out] bits    The value \f$\mathcal{N}\f$. Unit: bit per token. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_SIZE       \c struct_size below 64
 * \retval THERMOAI_E_UNSUPPORTED \c reserved non-zero, or non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_NONFINITE  a field or input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative scale or exponent, or a resource <= 0 for a present term
 * \retval THERMOAI_E_RANGE      the result overflows or is non-zero below DBL_MIN (a quotient or term
 *                               alone out of range is no error)
 * \par Accuracy
 *   Within 2 ulp plus, for each term, (4 + alpha) ulp times its size over the result
 *   (cancellation against N_inf); 10 ulp seen. A quotient or power may leave the double range:
 *   only the result is judged.
 * \par Source
 *   Paper 001, Theorem 3.4, Eq. (20).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scaling_negentropy_bits(const thermoai_scaling_negentropy_law *law, double params,
                                     double tokens, double flop, double *bits);

/**
 * \brief Loss of a model, Eq. (39).
 * \param[in]  law     The law.
 * \param[in]  params  The value \f$N\f$. [dimensionless]. Finite; > 0 when the parameter term is present.
 * \param[in]  tokens  The value \f$D\f$. [dimensionless]. Finite; > 0 when the data term is present.
 * \param[in]  flop    The value \f$C\f$. Unit: FLOP. Finite; > 0 when the compute term is present.
 * \param[out] loss_bits  The value \f$L\f$. Unit: bit per token. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_scaling_negentropy_bits()
 * \par Accuracy
 *   Within 2 ulp plus (4 + alpha) ulp per term weighted by its share (all terms positive; 1 ulp
 *   seen). Only the result is judged.
 * \par Source
 *   Paper 001, Appendix A, Eq. (39).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scaling_loss_bits(const thermoai_scaling_loss_law *law, double params, double tokens,
                               double flop, double *loss_bits);

/**
 * \brief The negentropy form of a loss law, Eq. (40) and Appendix A.
 *
 * \f$\mathcal{N}_\infty = H_{data} - L_\infty\f$, \f$N_c = a^{1/\alpha_N}\f$,
 * \f$D_c = b^{1/\alpha_D}\f$, \f$C_c = c^{1/\alpha_C}\f$; the exponents are copied.
 *
 * \param[in]     loss                The loss law.
 * \param[in]     data_entropy_bits   The value \f$H_{data}\f$. Unit: bit per token. Finite, >= 0.
 * \param[in,out] law                 Initialised with thermoai_scaling_negentropy_law_init(); filled.
 *                                    On error every double field its \c struct_size covers
 *                                    is NaN (the caller's old values never survive).
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_SIZE       a \c struct_size is too small
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative coefficient, a zero exponent for a present
 *                               term, or \p data_entropy_bits < 0
 * \retval THERMOAI_E_RANGE      a scale overflows or underflows to 0
 * \par Accuracy
 *   Each scale within 2 ulp of \f$c^{1/\alpha}\f$ (the rounding of \f$1/\alpha\f$ is
 *   corrected: pow(406.4, fl(1/0.076)) alone is 19 ulp off).
 * \par Source
 *   Paper 001, Appendix A, Eqs. (39)-(40).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scaling_negentropy_from_loss(const thermoai_scaling_loss_law *loss, double data_entropy_bits,
                                          thermoai_scaling_negentropy_law *law);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SCALING_H */
