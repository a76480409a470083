/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/quadrature.h
 * \brief Numerical integration of a caller's function.
 */
#ifndef THERMOAI_QUADRATURE_H
#define THERMOAI_QUADRATURE_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/quadrature.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Integral of a function over \f$[t_0, t_1]\f$ by adaptive Gauss-Kronrod quadrature.
 *
 * For measured or custom curves without a closed form (a negentropy flux,
 * a power trace). Uses the 7-point
 * Gauss / 15-point Kronrod pair with bisection of the interval of largest
 * error, at most 256 subintervals, and no allocation. Succeeds when the summed
 * error estimate is at most \p rel_tol times \f$|\int f|\f$ (or \f$10^{-300}\f$
 * absolute).
 *
 * \param[in]  fn         The integrand.
 * \param[in]  user_data  Passed to \p fn unchanged; may be NULL.
 * \param[in]  t0_s       Lower limit. Unit: s. Finite.
 * \param[in]  t1_s       Upper limit. Unit: s. Finite, >= t0_s.
 * \param[in]  rel_tol    Requested relative accuracy. [dimensionless]. In [1e-14, 1).
 * \param[out] result     The integral (Unit: unit of f times s) and its error
 *                        estimate; both NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           \p fn or \p result is NULL
 * \retval THERMOAI_E_NONFINITE      a limit or \p rel_tol is NaN or infinite, or \p fn
 *                                   returned a non-finite value
 * \retval THERMOAI_E_INVALID        \p t1_s < \p t0_s or \p rel_tol outside [1e-14, 1)
 * \retval THERMOAI_E_CALLBACK       \p fn returned non-zero
 * \retval THERMOAI_E_NO_CONVERGENCE 256 subintervals did not reach \p rel_tol
 * \par Source
 *   Paper 001, Eq. (19); the Gauss-Kronrod (7, 15) nodes and weights of
 *   R. Piessens et al., QUADPACK, Springer 1983.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_quadrature_integrate(thermoai_time_fn fn, void *user_data, double t0_s, double t1_s,
                                  double rel_tol, thermoai_result *result);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_QUADRATURE_H */
