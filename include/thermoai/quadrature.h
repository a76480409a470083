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

#include <stddef.h>
#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Integral of a function over \f$[t_0, t_1]\f$ by adaptive Gauss-Kronrod quadrature.
 *
 * As thermoai_quadrature_integrate_points() with no breakpoints: for an
 * integrand that is smooth on the whole of \f$[t_0, t_1]\f$.
 *
 * \param[in]  fn         The integrand.
 * \param[in]  user_data  Passed to \p fn unchanged; may be NULL.
 * \param[in]  t0_s       Lower limit. Unit: s. Finite.
 * \param[in]  t1_s       Upper limit. Unit: s. Finite, >= t0_s.
 * \param[in]  rel_tol    Requested relative accuracy. [dimensionless]. In [1e-14, 1).
 * \param[out] result     The integral (Unit: unit of f times s) and its error
 *                        estimate; both NaN on error.
 * \retval THERMOAI_OK               success
 * \retval other                     as thermoai_quadrature_integrate_points()
 * \par Source
 *   Paper 001, Eq. (19); the Gauss-Kronrod (7, 15) nodes and weights of
 *   R. Piessens et al., QUADPACK, Springer 1983.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_quadrature_integrate(thermoai_time_fn fn, void *user_data, double t0_s, double t1_s,
                                  double rel_tol, thermoai_result *result);

/**
 * \brief Integral of a piecewise-smooth function over \f$[t_0, t_1]\f$, given the points where it is not smooth.
 *
 * \f[ \int_{t_0}^{t_1} f(t)\,dt = \sum_{k} \int_{p_k}^{p_{k+1}} f(t)\,dt, \qquad
 *     t_0 = p_0 < p_1 < \dots < p_m = t_1 \f]
 * For measured or custom curves without a closed form (a negentropy flux, a
 * power trace). The breakpoints \p points_s (jumps, kinks, phase boundaries:
 * thermoai_flux_phase_bounds_s() gives the flux model's) start the pieces, in
 * any order; those outside \f$(t_0, t_1)\f$ and duplicates are ignored. Each
 * piece gets the 7-point Gauss / 15-point Kronrod pair, and the piece of
 * largest error is bisected, up to 256 pieces in all, with no allocation
 * (QUADPACK's QAGP scheme). \p fn is called only strictly inside the pieces:
 * never at \f$t_0\f$, \f$t_1\f$ or a breakpoint, so a jump there, or an
 * integrable singularity at an end, is harmless.
 *
 * The error estimate is QUADPACK's (\f$|K_{15} - G_7|\f$ scaled by the
 * variation of \f$f\f$ over the piece, at least 50 eps of \f$\int |f|\f$ for
 * the rounding), plus the disagreement of a bisected piece with its halves
 * where that exceeds the piece's own estimate, plus the rounding of the sum
 * of the pieces. It is an upper bound of the error when \f$f\f$ is smooth on
 * each piece at the scale of the rule's nodes: then, and on every integrand
 * of the test suite, it is never smaller than the error. No method that only
 * samples \f$f\f$ can promise more: a jump between the outermost node and an
 * end of a piece, or a spike between nodes, is invisible to every sample.
 * Pass such points as breakpoints. Succeeds when the estimate is at most
 * \p rel_tol times \f$|\int f|\f$ (or \f$10^{-300}\f$ absolute).
 *
 * \param[in]  fn         The integrand.
 * \param[in]  user_data  Passed to \p fn unchanged; may be NULL.
 * \param[in]  t0_s       Lower limit. Unit: s. Finite.
 * \param[in]  t1_s       Upper limit. Unit: s. Finite, >= t0_s. Any finite range:
 *                        [-DBL_MAX, DBL_MAX] is allowed.
 * \param[in]  points_s   Breakpoints. Unit: s. Finite; may be NULL when \p n_points is 0.
 * \param[in]  n_points   Number of breakpoints, below 256.
 * \param[in]  rel_tol    Requested relative accuracy. [dimensionless]. In [1e-14, 1).
 * \param[out] result     The integral (Unit: unit of f times s) and its error
 *                        estimate; both NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           \p fn or \p result is NULL, or \p points_s is NULL
 *                                   with \p n_points > 0
 * \retval THERMOAI_E_NONFINITE      a limit, a breakpoint or \p rel_tol is NaN or
 *                                   infinite, or \p fn returned a non-finite value
 * \retval THERMOAI_E_INVALID        \p t1_s < \p t0_s, \p rel_tol outside [1e-14, 1),
 *                                   or 256 breakpoints or more
 * \retval THERMOAI_E_CALLBACK       \p fn returned non-zero
 * \retval THERMOAI_E_RANGE          the integral or its estimate overflows
 * \retval THERMOAI_E_NO_CONVERGENCE 256 pieces did not reach \p rel_tol
 * \par Source
 *   Paper 001, Eq. (19); the Gauss-Kronrod (7, 15) nodes, weights and error
 *   estimate of R. Piessens et al., QUADPACK, Springer 1983 (qk15, qagp).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_quadrature_integrate_points(thermoai_time_fn fn, void *user_data, double t0_s,
                                         double t1_s, const double *points_s, size_t n_points,
                                         double rel_tol, thermoai_result *result);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_QUADRATURE_H */
