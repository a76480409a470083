/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/landauer.h
 * \brief Landauer's bound: the minimum heat dissipated by erasing information.
 *
 * Erasing one bit in contact with a heat bath at temperature \f$T\f$ dissipates
 * at least \f$k_B T \ln 2\f$ of heat. Information is counted in bits; the
 * temperature is the bath (environment) temperature in kelvin.
 *
 * All functions here are pure: no allocation, no global state, reentrant.
 * Accuracy: each result is within 2 or 3 ulp of the correctly rounded value
 * for every representable input (see each function and doc/accuracy.md;
 * products are formed on scaled mantissas, so no intermediate overflow or
 * underflow occurs; only the final result can be out of range).
 *
 * \par References
 *   R. Landauer, "Irreversibility and heat generation in the computing process",
 *   IBM J. Res. Dev. 5(3):183-191, 1961, doi:10.1147/rd.53.0183.
 */
#ifndef THERMOAI_LANDAUER_H
#define THERMOAI_LANDAUER_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/landauer.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Minimum energy to erase one bit: \f$k_B T \ln 2\f$.
 *
 * \f[ E_{\mathrm{bit}} = k_B \, T \ln 2 \f]
 * At \f$T = 300\f$ K this is 2.870978885e-21 J.
 *
 * \param[in]  temperature_k  Bath temperature \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The value \f$E_{\mathrm{bit}}\f$. Unit: J. NaN on error.
 *
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  \p temperature_k is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p temperature_k <= 0
 * \retval THERMOAI_E_RANGE      the result is below the normal range of double
 *
 * \par Accuracy
 *   Within 2 ulp of the correctly rounded result (the constant and one product; 1 ulp seen in
 *   the sweep of doc/accuracy.md).
 * \par Source
 *   Landauer (1961); paper 000 Sec. 1 and Sec. 2.1; paper 001 Eq. (1);
 *   paper 002 Eq. (1).
 * \par Thread safety
 *   Reentrant; touches no global state.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_landauer_energy_per_bit_j(double temperature_k, double *energy_j);

/**
 * \brief Minimum energy to erase \f$B\f$ bits at temperature \f$T\f$.
 *
 * \f[ E_{\min} = B \, k_B \, T \ln 2 \f]
 *
 * \param[in]  bits           Number of bits erased \f$B\f$. Unit: bit. Finite, >= 0
 *                            (need not be an integer: it is an entropy in bits).
 * \param[in]  temperature_k  Bath temperature \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The value \f$E_{\min}\f$. Unit: J. NaN on error.
 *
 * \retval THERMOAI_OK           success (exactly 0 J when \p bits is 0)
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  \p bits or \p temperature_k is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p bits < 0 or \p temperature_k <= 0
 * \retval THERMOAI_E_RANGE      the result overflows, or is non-zero but below the
 *                               normal range of double
 *
 * \par Accuracy
 *   Within 3 ulp of the correctly rounded result (the constant and two products on scaled
 *   mantissas; 1 ulp seen).
 * \par Source
 *   Landauer (1961); paper 000 Sec. 2.1 (\f$E_{\min} = k_B T \ln 2 \cdot \Delta H\f$);
 *   paper 002 Proposition 3.5.
 * \par Thread safety
 *   Reentrant; touches no global state.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_landauer_energy_j(double bits, double temperature_k, double *energy_j);

/**
 * \brief Maximum number of bits one joule can erase at temperature \f$T\f$.
 *
 * \f[ n = \frac{1}{k_B \, T \ln 2} \f]
 *
 * \param[in]  temperature_k  Bath temperature \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] bits_per_j     The value \f$n\f$. Unit: bit/J. NaN on error.
 *
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits_per_j is NULL
 * \retval THERMOAI_E_NONFINITE  \p temperature_k is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p temperature_k <= 0
 * \retval THERMOAI_E_RANGE      the result overflows (\p temperature_k too small)
 *
 * \par Accuracy
 *   Within 3 ulp of the correctly rounded result (1 ulp seen).
 * \par Source
 *   Landauer (1961), the bound read as a capacity.
 * \par Thread safety
 *   Reentrant; touches no global state.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_landauer_bits_per_j(double temperature_k, double *bits_per_j);

/**
 * \brief How many times the Landauer limit a measured energy per bit is.
 *
 * \f[ r = \frac{E_{\mathrm{bit}}}{k_B \, T \ln 2} \f]
 * \f$\log_{10} r\f$ is the number of orders of magnitude above the limit.
 *
 * \param[in]  energy_per_bit_j  Energy spent per bit \f$E_{\mathrm{bit}}\f$. Unit: J/bit.
 *                               Finite, >= 0.
 * \param[in]  temperature_k     Bath temperature \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] ratio             The value \f$r\f$. [dimensionless]. NaN on error.
 *
 * \retval THERMOAI_OK           success (exactly 0 when \p energy_per_bit_j is 0)
 * \retval THERMOAI_E_NULL       \p ratio is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p energy_per_bit_j < 0 or \p temperature_k <= 0
 * \retval THERMOAI_E_RANGE      the result overflows, or is non-zero but below the
 *                               normal range of double
 *
 * \par Accuracy
 *   Within 3 ulp of the correctly rounded result (1 ulp seen).
 * \par Source
 *   Paper 002 Remark 3.1 (GPU energy per operation over the Landauer limit);
 *   the same ratio per bit underlies the TER of paper 000 Sec. 3.2.
 * \par Thread safety
 *   Reentrant; touches no global state.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_landauer_ratio(double energy_per_bit_j, double temperature_k, double *ratio);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_LANDAUER_H */
