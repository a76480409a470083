/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/negentropy.h
 * \brief Training as compression: negentropy, its Landauer price, demon efficiency.
 *
 * Paper 001 treats training as a Maxwell demon: a model trained on \f$N\f$
 * tokens compresses them from \f$H_{data}\f$ to \f$H_{cross}\f$ bits per token,
 * less its own description length \f$L(M)\f$ amortised over the tokens. The
 * net compression per token is the algorithmic negentropy, and erasing it
 * costs at least \f$k_B T \ln 2\f$ per bit.
 *
 * Entropies are in bits per token; \c tokens is a count (a double, since
 * corpora reach \f$10^{13}\f$); energies in J; temperatures in K.
 */
#ifndef THERMOAI_NEGENTROPY_H
#define THERMOAI_NEGENTROPY_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/negentropy.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Model description length amortised over the training tokens: \f$L(M)/N\f$.
 * \param[in]  model_bits  The value \f$L(M)\f$, e.g. parameters times bits per parameter. Unit: bit. Finite, >= 0.
 * \param[in]  tokens      The value \f$N\f$. [dimensionless]. Finite, > 0.
 * \param[out] bits        The value \f$L(M)/N\f$. Unit: bit per token. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p model_bits < 0 or \p tokens <= 0
 * \retval THERMOAI_E_RANGE      the result is subnormal or overflows
 * \par Accuracy
 *   Correctly rounded (one division on scaled mantissas).
 * \par Source
 *   Paper 001, Eq. (11) and (16), third term.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_description_bits_per_token(double model_bits, double tokens,
                                                   double *bits);

/**
 * \brief Algorithmic negentropy per token, Eq. (16).
 *
 * \f[ \mathcal{N} = H(P_{data}) - H_{cross} - L(M)/N \f]
 * Negative when the model's description is longer than what it compresses.
 *
 * \param[in]  data_entropy_bits   The value \f$H(P_{data})\f$. Unit: bit per token. Finite, >= 0.
 * \param[in]  cross_entropy_bits  The value \f$H_{cross}\f$. Unit: bit per token. Finite, >= 0.
 * \param[in]  model_bits          The value \f$L(M)\f$. Unit: bit. Finite, >= 0.
 * \param[in]  tokens              The value \f$N\f$. [dimensionless]. Finite, > 0.
 * \param[out] bits                The value \f$\mathcal{N}\f$. Unit: bit per token. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative entropy or size, or \p tokens <= 0
 * \retval THERMOAI_E_RANGE      the result overflows, or is non-zero and below DBL_MIN
 *                               (\f$L(M)/N\f$ alone may be out of range: only the result counts)
 * \par Accuracy
 *   Within 1 ulp (double-double intermediates), unless the terms cancel to below 2^-50 of the
 *   largest: then within 2^-104 of the largest term. 0 ulp seen.
 * \par Source
 *   Paper 001, Definition 3.1, Eq. (16); Appendix B Eq. (49).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_bits_per_token(double data_entropy_bits, double cross_entropy_bits,
                                       double model_bits, double tokens, double *bits);

/**
 * \brief Total negentropy of a run: \f$\mathcal{N}_{total} = N \cdot \mathcal{N}\f$.
 * \param[in]  tokens                     The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  negentropy_bits_per_token  The value \f$\mathcal{N}\f$. Unit: bit per token. Finite, >= 0.
 * \param[out] total_bits                 The value \f$\mathcal{N}_{total}\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p total_bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Correctly rounded (one product on scaled mantissas).
 * \par Source
 *   Paper 001, Appendix B, Eq. (50); the total of Eq. (19) for a finished run.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_total_bits(double tokens, double negentropy_bits_per_token,
                                   double *total_bits);

/**
 * \brief Entropy reduction of training, Eq. (11).
 *
 * \f[ \Delta S_{info} = N k_B \ln 2 \,(H_{prior} - H_{cross} - L(M)/N) \f]
 *
 * \param[in]  tokens              The value \f$N\f$. [dimensionless]. Finite, > 0.
 * \param[in]  prior_entropy_bits  The value \f$H_{prior}\f$, cross-entropy of the untrained model.
 *                                 Unit: bit per token. Finite, >= 0.
 * \param[in]  cross_entropy_bits  The value \f$H_{cross}\f$. Unit: bit per token. Finite, >= 0.
 * \param[in]  model_bits          The value \f$L(M)\f$. Unit: bit. Finite, >= 0.
 * \param[out] entropy_j_per_k     The value \f$\Delta S_{info}\f$ (negative when nothing is compressed).
 *                                 Unit: J/K. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p entropy_j_per_k is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative entropy or size, or \p tokens <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 2 ulp (the constant, double-double intermediates), unless the totals cancel to below
 *   2^-50 of the largest: then within 2^-104 of it. 1 ulp seen.
 * \par Source
 *   Paper 001, Proposition 2.5, Eq. (11).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_entropy_reduction_j_per_k(double tokens, double prior_entropy_bits,
                                                  double cross_entropy_bits, double model_bits,
                                                  double *entropy_j_per_k);

/**
 * \brief Generalized Landauer minimum for training, Eq. (12).
 *
 * \f[ E_{min} = N k_B T \ln 2 \,(H_{data} - H_{cross}) \f]
 *
 * \param[in]  tokens              The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  data_entropy_bits   The value \f$H_{data}\f$. Unit: bit per token. Finite, >= 0.
 * \param[in]  cross_entropy_bits  The value \f$H_{cross}\f$. Unit: bit per token. Finite, >= 0.
 * \param[in]  temperature_k       The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j            The value \f$E_{min}\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success (0 J when nothing is compressed, \f$H_{data} = H_{cross}\f$)
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input, or \p temperature_k <= 0
 * \retval THERMOAI_E_DOMAIN     \f$H_{cross} > H_{data}\f$: no compression, the formula
 *                               gives no bound
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 5 ulp (the constant, the difference and three products; 2 ulp seen).
 * \par Source
 *   Paper 001, Theorem 2.6, Eq. (12); Eq. (14); Appendix B Eqs. (51)-(53).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_training_min_j(double tokens, double data_entropy_bits,
                                       double cross_entropy_bits, double temperature_k,
                                       double *energy_j);

/**
 * \brief Thermodynamic efficiency of training, Eq. (13): \f$\eta = E_{min}/E_{actual}\f$.
 *
 * \param[in]  min_energy_j     The value \f$E_{min}\f$. Unit: J. Finite, >= 0.
 * \param[in]  actual_energy_j  The value \f$E_{actual}\f$. Unit: J. Finite, > 0.
 * \param[out] efficiency       The value \f$\eta\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p efficiency is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p min_energy_j < 0 or \p actual_energy_j <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Correctly rounded (one division).
 * \par Source
 *   Paper 001, Corollary 2.7, Eq. (13); Eq. (15); Appendix B Eq. (54).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_efficiency(double min_energy_j, double actual_energy_j,
                                   double *efficiency);

/**
 * \brief Thermodynamic cost of negentropy, Eq. (21): energy per bit of net compression.
 *
 * \f[ \mathcal{C} = \frac{E_{actual}}{N \cdot \mathcal{N}} \f]
 *
 * \param[in]  actual_energy_j            The value \f$E_{actual}\f$. Unit: J. Finite, >= 0.
 * \param[in]  tokens                     The value \f$N\f$. [dimensionless]. Finite, > 0.
 * \param[in]  negentropy_bits_per_token  The value \f$\mathcal{N}\f$. Unit: bit per token. Finite, > 0.
 * \param[out] cost_j_per_bit             The value \f$\mathcal{C}\f$. Unit: J/bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p cost_j_per_bit is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p actual_energy_j < 0, \p tokens <= 0, or negentropy <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 2 ulp (1 ulp seen).
 * \par Source
 *   Paper 001, Definition 3.5, Eq. (21); Appendix B Eq. (55).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_cost_j_per_bit(double actual_energy_j, double tokens,
                                       double negentropy_bits_per_token, double *cost_j_per_bit);

/**
 * \brief Demon efficiency, Eq. (27).
 *
 * \f[ \eta_D = \frac{\Delta S_{info}}{Q_{actual}/T} = \frac{N \,\Delta H\, k_B T \ln 2}{Q_{actual}} \f]
 * With \f$Q_{actual}\f$ the dissipated energy this equals Eq. (13).
 *
 * \param[in]  tokens         The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  delta_h_bits   The value \f$\Delta H\f$, compression achieved. Unit: bit per token. Finite, >= 0.
 * \param[in]  temperature_k  The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[in]  heat_j         The value \f$Q_{actual}\f$, heat dissipated. Unit: J. Finite, > 0.
 * \param[out] efficiency     The value \f$\eta_D\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p efficiency is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input, \p temperature_k <= 0 or \p heat_j <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 5 ulp (3 ulp seen).
 * \par Source
 *   Paper 001, Definition 4.2, Eq. (27).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_demon_efficiency(double tokens, double delta_h_bits,
                                         double temperature_k, double heat_j,
                                         double *efficiency);

/**
 * \brief Historical trend of the demon efficiency, Eq. (28).
 *
 * \f[ \eta_D(t) = \eta_0 \, 2^{(t - t_0)/\tau} \f]
 * Only the ratio \f$(t-t_0)/\tau\f$ enters: pass both times in the same unit
 * (seconds by the library's convention; thermoai_constants_julian_year_s() converts years).
 *
 * \param[in]  efficiency0      The value \f$\eta_0\f$ at \f$t_0\f$. [dimensionless]. Finite, > 0.
 * \param[in]  elapsed_s        The value \f$t - t_0\f$ (negative looks back). Unit: s. Finite.
 * \param[in]  doubling_time_s  The value \f$\tau\f$. Unit: s. Finite, > 0.
 * \param[out] efficiency       The value \f$\eta_D(t)\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p efficiency is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p efficiency0 <= 0 or \p doubling_time_s <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 3 + 0.7 |x| ulp, x = elapsed / doubling time: the rounding of x is amplified by |x|
 *   ln 2, the condition number of 2^x (557 ulp seen at |x| near 1000; 3 ulp for |x| < 4).
 * \par Source
 *   Paper 001, Proposition 4.3, Eq. (28); Sec. 5.4 (doubling time 2.3 years).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_demon_trend(double efficiency0, double elapsed_s, double doubling_time_s,
                                    double *efficiency);

/**
 * \brief Upper limit of the negentropy flux at a power budget, Eq. (33).
 *
 * \f[ \Phi^{max}_{\mathcal{N}} = \frac{P}{k_B T \ln 2 / \eta_D} = \frac{P\,\eta_D}{k_B T \ln 2} \f]
 *
 * \param[in]  power_w            The value \f$P\f$, power available. Unit: W. Finite, >= 0.
 * \param[in]  demon_efficiency   The value \f$\eta_D\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  temperature_k      The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] flux_bits_per_s    The value \f$\Phi^{max}\f$. Unit: bit/s. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p flux_bits_per_s is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input or \p temperature_k <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 4 ulp (2 ulp seen).
 * \par Source
 *   Paper 001, Sec. 7.3, Eq. (33).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_flux_limit_bits_per_s(double power_w, double demon_efficiency,
                                              double temperature_k, double *flux_bits_per_s);

/**
 * \brief Compression ratio of a corpus into a model: \f$N \cdot H / L(M)\f$.
 *
 * \param[in]  tokens              The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  data_bits_per_token The value \f$H\f$, bits per token of the raw data. Unit: bit per token. Finite, >= 0.
 * \param[in]  model_bits          The value \f$L(M)\f$. Unit: bit. Finite, > 0.
 * \param[out] ratio               Data bits per model bit. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p ratio is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input or \p model_bits <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 2 ulp (1 ulp seen).
 * \par Source
 *   Paper 001, Sec. 1 ("compression ratios exceeding 10^4 : 1").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_negentropy_compression_ratio(double tokens, double data_bits_per_token,
                                          double model_bits, double *ratio);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_NEGENTROPY_H */
