/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/rademacher.h
 * \brief The Rademacher generalisation bound of paper 002, Theorem 10.1, and its
 *        claim about sparse attention.
 *
 * The bound itself is the standard one (Mohri, Rostamizadeh and Talwalkar,
 * Foundations of Machine Learning, 2nd ed., Theorem 3.3, for a loss with values in
 * [0, 1] and the *empirical* Rademacher complexity of the loss class). The claim
 * \f$\mathfrak R_S(\mathcal H_{SSA}) \le \rho\,\mathfrak R_S(\mathcal H_{Dense})\f$ has no proof
 * in the paper and sits in the experimental tier.
 */
#ifndef THERMOAI_RADEMACHER_H
#define THERMOAI_RADEMACHER_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/rademacher.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Generalisation bound \f$R(h) \le \hat R(h) + 2\mathfrak R_S + 3\sqrt{\ln(2/\delta)/(2m)}\f$.
 *
 * Holds with probability \f$\ge 1 - \delta\f$ over a sample of \f$m\f$ examples, uniformly over
 * the class, for a loss bounded in [0, 1], when \f$\mathfrak R_S\f$ is the empirical Rademacher
 * complexity of the loss class on that sample. The paper's \f$m\f$ is the sample size (not
 * the edges of Theorem 9.7 or the JL dimension).
 *
 * \param[in]  empirical_risk  The value \f$\hat R(h)\f$. [dimensionless]. In [0, 1].
 * \param[in]  rademacher      The value \f$\mathfrak R_S\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  delta           The value \f$\delta\f$. [dimensionless]. In (0, 1).
 * \param[in]  samples         The value \f$m\f$. [dimensionless]. Finite, >= 1.
 * \param[out] bound           The bound on \f$R(h)\f$ (may exceed 1: vacuous). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bound is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Theorem 10.1; Mohri et al. (2018), Theorem 3.3.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rademacher_bound(double empirical_risk, double rademacher, double delta,
                              double samples, double *bound);

#if defined(THERMOAI_EXPERIMENTAL)

/**
 * \brief Theorem 10.1's claim as printed: \f$\mathfrak R_S(\mathcal H_{SSA}) \le \rho\,\mathfrak R_S(\mathcal H_{Dense})\f$.
 *
 * No proof is given, and the class \f$\mathcal H_{SSA}\f$ is not a subset of
 * \f$\mathcal H_{Dense}\f$ whose complexity scales with the density \f$\rho\f$ in any stated
 * sense; read it as a modelling assumption.
 *
 * \param[in]  density           The value \f$\rho\f$. [dimensionless]. In [0, 1].
 * \param[in]  rademacher_dense  The value \f$\mathfrak R_S(\mathcal H_{Dense})\f$. [dimensionless]. Finite, >= 0.
 * \param[out] rademacher        The value \f$\rho\,\mathfrak R_S(\mathcal H_{Dense})\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p rademacher is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result underflows
 * \par Source
 *   Paper 002, Theorem 10.1.
 * \warning Experimental: an unproven claim.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rademacher_sparse(double density, double rademacher_dense, double *rademacher);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_RADEMACHER_H */
