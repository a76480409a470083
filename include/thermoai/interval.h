/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/interval.h
 * \brief Interval propagation for monotone formulas: ranges in, guaranteed ranges out.
 *
 * The papers state inputs as ranges (T = 350 ± 30 K, PUE 1.1-1.5, energies
 * ± 30 %). For a formula that is monotone in each input the exact range of the
 * output is reached at the corners of the input box; these functions take the
 * right corner for each input, say which monotonicity they use, and round the
 * bounds outward so that the true range is always contained.
 *
 * \par Outward rounding, proven
 *   No rounding mode is set (the library never touches the floating-point
 *   environment). Each corner is a product of mantissas with the binary
 *   exponents carried apart (no operation can over- or underflow), so each of
 *   its k multiplications or divisions is one rounding, of relative size at most
 *   \f$2u = 2^{-52}\f$ in any rounding mode. The computed \f$v'\f$ then lies
 *   within \f$(1 \pm 2u)^{\pm k}\f$ of the exact \f$v\f$, and the bounds are
 *   \f$lo = fl(v'(1 - (k+1)2^{-52}))\f$ and \f$hi = fl(v'(1 + (k+1)2^{-51}))\f$
 *   (the derivation is in lib/bounds/interval.c and doc/accuracy.md). So each
 *   bound is outside the true range by at most about \f$(k+1)2^{-51}\f$
 *   relative: a few ulp, k stated per function. A partial product out of the
 *   double range is no error; only the bounds are judged.
 *   tests/bounds/test_interval.c checks containment on thousands of random
 *   inputs per function against the exact corner values (big-integer arithmetic).
 */
#ifndef THERMOAI_INTERVAL_H
#define THERMOAI_INTERVAL_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/interval.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Range of a monomial \f$c \prod_i x_i^{p_i}\f$ over positive intervals.
 *
 * Monotonicity used: for \f$x_i > 0\f$ the monomial increases in \f$x_i\f$ when
 * \f$p_i > 0\f$ and decreases when \f$p_i < 0\f$, so
 * \f$lo = c \prod x_{i,lo}^{p_i}\f$ over \f$p_i > 0\f$ times \f$\prod x_{i,hi}^{p_i}\f$
 * over \f$p_i < 0\f$, and symmetrically for \f$hi\f$. Covers products and
 * quotients such as \f$\eta = E_{min}/E_{actual}\f$ (powers +1, -1).
 *
 * \param[in]  coefficient  The value \f$c\f$. [dimensionless]. Finite, > 0.
 * \param[in]  factors      The value \f$n\f$ intervals, each with 0 < lo <= hi, finite.
 * \param[in]  powers       The value \f$n\f$ integer exponents in [-16, 16].
 * \param[in]  n            Number of factors, >= 1.
 * \param[out] out          The range, rounded outward (k = 1 + the sum of |p_i| roundings);
 *                          both bounds NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  a bound or the coefficient is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p n is 0, \p coefficient <= 0, a bound <= 0, lo > hi,
 *                               or a power outside [-16, 16]
 * \retval THERMOAI_E_RANGE      a bound overflows or is subnormal (after outward rounding)
 * \par Source
 *   Used for paper 001 Eqs. (14), (15) and the uncertainty columns of Table 1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_interval_monomial(double coefficient, const thermoai_interval *factors,
                               const int32_t *powers, size_t n, thermoai_interval *out);

/**
 * \brief Range of a difference \f$a - b\f$: \f$[a_{lo} - b_{hi},\ a_{hi} - b_{lo}]\f$.
 *
 * Monotonicity used: increasing in \f$a\f$, decreasing in \f$b\f$.
 *
 * \param[in]  a    Interval, finite, lo <= hi.
 * \param[in]  b    Interval, finite, lo <= hi.
 * \param[out] out  The range, rounded outward (k = 1; a subnormal difference is exact);
 *                  both bounds NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  a bound is NaN or infinite
 * \retval THERMOAI_E_INVALID    lo > hi in an input
 * \retval THERMOAI_E_RANGE      a bound overflows
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_interval_difference(const thermoai_interval *a, const thermoai_interval *b,
                                 thermoai_interval *out);

/**
 * \brief Range of the generalized Landauer minimum for training, Eq. (12).
 *
 * \f$E_{min} = N k_B T \ln 2 (H_{data} - H_{cross})\f$ increases in \f$N\f$,
 * \f$T\f$ and \f$H_{data}\f$ and decreases in \f$H_{cross}\f$; the bounds use
 * those corners.
 *
 * \param[in]  tokens              The value \f$N\f$ range, 0 <= lo <= hi.
 * \param[in]  data_entropy_bits   The value \f$H_{data}\f$ range, bit per token, 0 <= lo <= hi.
 * \param[in]  cross_entropy_bits  The value \f$H_{cross}\f$ range, bit per token, 0 <= lo <= hi.
 * \param[in]  temperature_k       The value \f$T\f$ range, K, 0 < lo <= hi.
 * \param[out] energy_j            The value \f$E_{min}\f$ range, J, rounded outward (k = 6: the
 *                                 constant \f$k_B \ln 2\f$, the difference, four products);
 *                                 NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  a bound is NaN or infinite
 * \retval THERMOAI_E_INVALID    lo > hi, a negative bound, or a temperature <= 0
 * \retval THERMOAI_E_DOMAIN     \f$H_{cross,hi} > H_{data,lo}\f$: the range includes no compression
 * \retval THERMOAI_E_RANGE      a bound overflows or is subnormal
 * \par Source
 *   Paper 001, Eq. (12) and the range after Eq. (14).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_interval_training_min_j(const thermoai_interval *tokens,
                                     const thermoai_interval *data_entropy_bits,
                                     const thermoai_interval *cross_entropy_bits,
                                     const thermoai_interval *temperature_k,
                                     thermoai_interval *energy_j);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_INTERVAL_H */
