/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/energy.h
 * \brief Energy, heat and entropy production of training and inference runs.
 *
 * The accounting of paper 001: energy from power and time, FLOP counts of
 * training (6 per parameter per token) and inference (2 per parameter per
 * token), energy from FLOPs at an energy per FLOP and a PUE, amortisation of
 * training over inference and the break-even token count, and the entropy a
 * dissipated power produces in its surroundings.
 */
#ifndef THERMOAI_ENERGY_H
#define THERMOAI_ENERGY_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/energy.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Energy of a constant power over a duration: \f$E = P t\f$.
 * \param[in]  power_w     The value \f$P\f$. Unit: W. Finite, >= 0.
 * \param[in]  duration_s  The value \f$t\f$. Unit: s. Finite, >= 0.
 * \param[out] energy_j    The value \f$E\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Correctly rounded (one product).
 * \par Source
 *   Paper 001, Appendix B, Eq. (44).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_from_power_j(double power_w, double duration_s, double *energy_j);

/**
 * \brief FLOPs of training: \f$C = 6 N D\f$ (forward and backward pass per token).
 * \param[in]  params  The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  tokens  The value \f$D\f$, tokens processed (all epochs). [dimensionless]. Finite, >= 0.
 * \param[out] flop    The value \f$C\f$. Unit: FLOP. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p flop is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 2 ulp (1 ulp seen).
 * \par Source
 *   Paper 001, Sec. 7.5, Eq. (34) (\f$C_{per\text{-}token} \approx 6 N_{params}\f$); Kaplan et al. 2020.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_training_flop(double params, double tokens, double *flop);

/**
 * \brief Training energy from FLOPs, Eq. (29): \f$E = C \cdot e_{FLOP} \cdot \mathrm{PUE}\f$.
 * \param[in]  flop        The value \f$C\f$. Unit: FLOP. Finite, >= 0.
 * \param[in]  j_per_flop  The value \f$e_{FLOP}\f$, device energy per FLOP. Unit: J/FLOP. Finite, > 0.
 * \param[in]  pue         Power usage effectiveness. [dimensionless]. Finite, >= 1.
 * \param[out] energy_j    The value \f$E\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p flop < 0, \p j_per_flop <= 0 or \p pue < 1
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 2 ulp (1 ulp seen).
 * \par Source
 *   Paper 001, Sec. 5.1, Eq. (29).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_training_j(double flop, double j_per_flop, double pue, double *energy_j);

/**
 * \brief Facility energy from IT energy: \f$E_{facility} = E_{IT} \cdot \mathrm{PUE}\f$.
 * \param[in]  it_energy_j  Energy of the computing equipment. Unit: J. Finite, >= 0.
 * \param[in]  pue          Power usage effectiveness. [dimensionless]. Finite, >= 1.
 * \param[out] energy_j     Energy drawn by the facility. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p it_energy_j < 0 or \p pue < 1
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Correctly rounded (one product).
 * \par Source
 *   Paper 001, Appendix B, Eq. (45).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_facility_j(double it_energy_j, double pue, double *energy_j);

/**
 * \brief Inference energy per token, Eq. (35): \f$E = 2 N e_{FLOP} \mathrm{PUE}\f$.
 * \param[in]  params      The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  j_per_flop  The value \f$e_{FLOP}\f$. Unit: J/FLOP. Finite, > 0.
 * \param[in]  pue         Power usage effectiveness. [dimensionless]. Finite, >= 1.
 * \param[out] energy_j    Energy per generated token. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p params < 0, \p j_per_flop <= 0 or \p pue < 1
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 3 ulp (1 ulp seen).
 * \par Source
 *   Paper 001, Sec. 7.5, Eqs. (35)-(36).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_inference_per_token_j(double params, double j_per_flop, double pue,
                                          double *energy_j);

/**
 * \brief Training energy amortised over inference, Eq. (37).
 *
 * \f[ E_{amortized} = E_{train} / N_{inference} + E_{inference} \f]
 *
 * \param[in]  training_j           The value \f$E_{train}\f$. Unit: J. Finite, >= 0.
 * \param[in]  inference_tokens     The value \f$N_{inference}\f$. [dimensionless]. Finite, > 0.
 * \param[in]  inference_per_token_j The value \f$E_{inference}\f$. Unit: J. Finite, >= 0.
 * \param[out] energy_j             Energy per inference token. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input or \p inference_tokens <= 0
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Accuracy
 *   Within 1 ulp (double-double intermediates; 0 ulp seen).
 * \par Source
 *   Paper 001, Sec. 7.5, Eq. (37).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_amortized_per_token_j(double training_j, double inference_tokens,
                                          double inference_per_token_j, double *energy_j);

/**
 * \brief Inference tokens after which training energy equals inference energy, Eq. (38).
 *
 * \f[ N_{break\text{-}even} = E_{train} / E_{inference} \f]
 *
 * \param[in]  training_j             The value \f$E_{train}\f$. Unit: J. Finite, >= 0.
 * \param[in]  inference_per_token_j  The value \f$E_{inference}\f$. Unit: J. Finite, > 0.
 * \param[out] tokens                 The value \f$N_{break\text{-}even}\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p tokens is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p training_j < 0 or \p inference_per_token_j <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Correctly rounded (one division).
 * \par Source
 *   Paper 001, Sec. 7.5, Eq. (38).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_break_even_tokens(double training_j, double inference_per_token_j,
                                      double *tokens);

/**
 * \brief Entropy production rate of power dissipated at temperature \f$T\f$: \f$\sigma = P/T\f$.
 * \param[in]  power_w        The value \f$P\f$. Unit: W. Finite, >= 0.
 * \param[in]  temperature_k  The value \f$T\f$ of the reservoir receiving the heat. Unit: K. Finite, > 0.
 * \param[out] sigma_w_per_k  The value \f$\sigma\f$. Unit: W/K. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p sigma_w_per_k is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p power_w < 0 or \p temperature_k <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Correctly rounded (one division).
 * \par Source
 *   Paper 001, Sec. 6.2, Eqs. (31)-(32); Appendix C, Eq. (60).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_entropy_rate_w_per_k(double power_w, double temperature_k,
                                         double *sigma_w_per_k);

/**
 * \brief Entropy produced by a power over a duration: \f$\Delta S = P t / T\f$.
 * \param[in]  power_w          The value \f$P\f$. Unit: W. Finite, >= 0.
 * \param[in]  temperature_k    The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[in]  duration_s       The value \f$t\f$. Unit: s. Finite, >= 0.
 * \param[out] entropy_j_per_k  The value \f$\Delta S\f$. Unit: J/K. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p entropy_j_per_k is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input or \p temperature_k <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Accuracy
 *   Within 2 ulp (1 ulp seen).
 * \par Source
 *   Paper 001, Appendix C, Eq. (61).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_energy_entropy_produced_j_per_k(double power_w, double temperature_k,
                                             double duration_s, double *entropy_j_per_k);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_ENERGY_H */
