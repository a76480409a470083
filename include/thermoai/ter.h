/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/ter.h
 * \brief Thermodynamic Efficiency Ratio: actual energy over the Landauer minimum.
 *
 * \f[ \mathrm{TER} = \frac{E_{actual}}{E_{Landauer}} \f]
 * for the same work (one token, one inference, one run). Its reciprocal is the
 * share of the energy that the Landauer bound accounts for, the most that
 * reversible computing could remove (paper 000 Sec. 6.2). The measured energy's
 * scope (GPU board, node, facility with PUE) is the caller's; state it with the
 * result.
 */
#ifndef THERMOAI_TER_H
#define THERMOAI_TER_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/ter.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <thermoai/entropy.h>
#include <thermoai/export.h>
#include <thermoai/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief TER from an actual energy and the Landauer minimum for the same work.
 *
 * \f[ \mathrm{TER} = E_{actual} / E_{Landauer} \f]
 *
 * \param[in]  actual_energy_j    Measured or modelled energy. Unit: J. Finite, >= 0.
 * \param[in]  landauer_energy_j  Landauer minimum for the same work. Unit: J. Finite, > 0.
 * \param[out] ter                The ratio. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p ter is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p actual_energy_j < 0 or \p landauer_energy_j <= 0
 * \retval THERMOAI_E_RANGE      the ratio overflows, or is non-zero and subnormal
 * \par Accuracy
 *   Correctly rounded (one division).
 * \par Source
 *   Paper 000, Sec. 1 contribution 2 and Sec. 3.2 (definition of TER).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ter_ratio(double actual_energy_j, double landauer_energy_j, double *ter);

/**
 * \brief TER of a model from its measured energy per generated token.
 *
 * \f[ \mathrm{TER} = E_{token} / E^{token}_{Landauer}(\mathrm{arch}, \mathrm{params}) \f]
 *
 * \param[in]  arch                 The architecture.
 * \param[in]  params               Entropy-model options, or NULL for the defaults.
 * \param[in]  energy_per_token_j   Energy per generated token. Unit: J. Finite, >= 0.
 * \param[out] ter                  The ratio. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_entropy_token() and thermoai_ter_ratio()
 * \par Source
 *   Paper 000, Sec. 3.2 (TER of GPT-3 from 0.004 J/token) and Sec. 4.2.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ter_per_token(const thermoai_model_arch *arch, const thermoai_entropy_params *params,
                           double energy_per_token_j, double *ter);

/**
 * \brief TER of a run that generated \p tokens tokens with energy \p energy_j.
 *
 * \f[ \mathrm{TER} = E / (N_{tokens} \, E^{token}_{Landauer}) \f]
 *
 * \param[in]  arch      The architecture.
 * \param[in]  params    Entropy-model options, or NULL for the defaults.
 * \param[in]  energy_j  Energy of the whole run. Unit: J. Finite, >= 0.
 * \param[in]  tokens    Tokens generated \f$N_{tokens}\f$. [dimensionless]. Finite, > 0.
 * \param[out] ter       The ratio. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_INVALID  \p tokens <= 0, or as thermoai_ter_per_token()
 * \retval other               as thermoai_ter_per_token()
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ter_run(const thermoai_model_arch *arch, const thermoai_entropy_params *params,
                     double energy_j, double tokens, double *ter);

/**
 * \brief Share of the actual energy that is the Landauer minimum: \f$1/\mathrm{TER}\f$.
 *
 * This is the most of the gap that eliminating the Landauer cost (reversible
 * computing) could remove.
 *
 * \param[in]  ter    The TER. [dimensionless]. Finite, >= 1.
 * \param[out] share  The value \f$1/\mathrm{TER}\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p share is NULL
 * \retval THERMOAI_E_NONFINITE  \p ter is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p ter < 1 (below the Landauer limit: not physical)
 * \retval THERMOAI_E_RANGE      the share is subnormal
 * \par Accuracy
 *   Correctly rounded (one division).
 * \par Source
 *   Paper 000, Sec. 6.2.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ter_landauer_share(double ter, double *share);

/**
 * \brief Range of a TER decomposed into independent multiplicative factors.
 *
 * \f[ \mathrm{TER}_{lo} = \prod_i f_{i,lo}, \qquad \mathrm{TER}_{hi} = \prod_i f_{i,hi} \f]
 * Paper 000 Sec. 4.3 names four factors: transistor (~10^4), architecture
 * (~10^1), memory movement (~10^2-10^3) and algorithmic redundancy (~10^1-10^2).
 * The product is monotone increasing in every factor, so the bounds of the
 * product are the products of the bounds.
 *
 * \param[in]  factor_lo  Lower bound of each factor. [dimensionless]. Finite, > 0.
 * \param[in]  factor_hi  Upper bound of each factor. [dimensionless]. Finite, >= factor_lo[i].
 * \param[in]  n_factors  Number of factors, >= 1.
 * \param[out] ter_lo     The value \f$\mathrm{TER}_{lo}\f$. [dimensionless]. NaN on error.
 * \param[out] ter_hi     The value \f$\mathrm{TER}_{hi}\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  a factor is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p n_factors is 0, a factor <= 0, or lo > hi
 * \retval THERMOAI_E_RANGE      a product overflows or underflows
 * \par Source
 *   Paper 000, Sec. 4.3.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ter_gap_product(const double *factor_lo, const double *factor_hi, size_t n_factors,
                             double *ter_lo, double *ter_hi);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_TER_H */
