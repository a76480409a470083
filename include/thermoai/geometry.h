/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/geometry.h
 * \brief Geometry of attention (paper 002, Sec. 5): the Fisher metric of softmax
 *        attention, heat-kernel mode suppression, and the paper's curvature and
 *        spectral-energy statements.
 *
 * Arrays are row-major doubles (these are analysis functions, not kernels; the
 * float32 kernels are in attention.h). The Fisher metric and the heat filter
 * are exact computations; the curvature-information bound and the energy of
 * spectral modes compute the paper's statements as printed and sit in the
 * experimental tier (see each block and doc/dynamics-and-spectra.md).
 */
#ifndef THERMOAI_GEOMETRY_H
#define THERMOAI_GEOMETRY_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/geometry.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Workspace thermoai_geometry_fisher_metric() needs.
 * \param[in]  n      Keys, 1 <= n <= 2^24.
 * \param[in]  d      Dimension, 1 <= d <= 4096.
 * \param[out] bytes  About \f$8(n + d)\f$ bytes; 0 on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bytes is NULL
 * \retval THERMOAI_E_INVALID  n or d out of range
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_geometry_fisher_workspace_bytes(size_t n, size_t d, size_t *bytes);

/**
 * \brief Fisher metric of softmax attention at a query (Proposition 5.1).
 *
 * For \f$P(j\,|\,q) = \mathrm{softmax}_j(q\cdot k_j/\sqrt d)\f$ the score is
 * \f$\partial_q \log P(j|q) = (k_j - \mathbb E_P k)/\sqrt d\f$, so
 * \f[ g(q) = \frac1d\,\mathrm{Cov}_P(k) = \frac1d\sum_j P_j (k_j - \bar k)(k_j - \bar k)^\top,
 *     \qquad \bar k = \sum_j P_j k_j, \f]
 * a \f$d\times d\f$ symmetric positive semi-definite matrix of rank at most
 * \f$\min(d, n-1)\f$. The proposition and its proof agree. Two passes (mean, then
 * centred products), logits shifted by their maximum; the result is symmetric exactly.
 *
 * \param[in]  n                Keys, 1 <= n <= 2^24.
 * \param[in]  d                Dimension, 1 <= d <= 4096.
 * \param[in]  query            The value \f$q\f$, d values. [dimensionless] (embedding units). Finite.
 * \param[in]  keys             The value \f$k_j\f$, n x d row-major. [dimensionless]. Finite.
 * \param[in]  workspace        At least thermoai_geometry_fisher_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] metric           The value \f$g\f$, d x d row-major. [dimensionless]. All NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID    n or d out of range
 * \retval THERMOAI_E_SIZE       \p workspace_bytes too small
 * \retval THERMOAI_E_RANGE      an entry overflows (keys near the double limit)
 * \par Source
 *   Paper 002, Definition 5.2 and Proposition 5.1; Amari, Information Geometry and
 *   Its Applications (2016), Sec. 2.2 (exponential families).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_geometry_fisher_metric(size_t n, size_t d, const double *query, const double *keys,
                                    void *workspace, size_t workspace_bytes, double *metric);

/**
 * \brief Heat-kernel suppression of one mode after \f$L\f$ layers: \f$e^{-\lambda\tau L}\f$ (Theorem 5.6).
 *
 * \param[in]  lambda  Eigenvalue \f$\lambda_n\f$ of \f$-\Delta_g\f$ (or of a graph Laplacian). [dimensionless]. Finite, >= 0.
 * \param[in]  tau     Time constant per layer \f$\tau\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  layers  The value \f$L\f$. [dimensionless]. Finite, >= 0.
 * \param[out] factor  The value \f$e^{-\lambda\tau L} \in [0, 1]\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success (0 once the factor underflows)
 * \retval THERMOAI_E_NULL       \p factor is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input < 0
 * \par Source
 *   Paper 002, Definition 5.5 and Theorem 5.6. The factor is exact for the heat
 *   semigroup; that \f$L\f$ attention layers approximate the semigroup at time
 *   \f$\tau L\f$ is the paper's unproven modelling assumption.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_geometry_heat_factor(double lambda, double tau, double layers, double *factor);

/**
 * \brief Eigenvalue above which modes are suppressed below \p threshold: \f$\lambda_c = \ln(1/\epsilon)/(\tau L)\f$.
 *
 * \param[in]  tau         The value \f$\tau\f$. [dimensionless]. Finite, > 0.
 * \param[in]  layers      The value \f$L\f$. [dimensionless]. Finite, > 0.
 * \param[in]  threshold   The value \f$\epsilon\f$. [dimensionless]. In (0, 1].
 * \param[out] lambda_cut  The value \f$\lambda_c\f$: modes with \f$\lambda > \lambda_c\f$ keep less than \f$\epsilon\f$.
 *                         [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p lambda_cut is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 5.6 ("high-frequency modes are exponentially suppressed").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_geometry_heat_cutoff(double tau, double layers, double threshold, double *lambda_cut);

/**
 * \brief Workspace thermoai_geometry_heat_filter() needs.
 * \param[in]  n      Nodes, 1 <= n <= 1024.
 * \param[out] bytes  About \f$8(2n^2 + 2n)\f$ bytes; 0 on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bytes is NULL
 * \retval THERMOAI_E_INVALID  n out of range
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_geometry_heat_filter_workspace_bytes(size_t n, size_t *bytes);

/**
 * \brief The spectral form of Theorem 5.6 for a symmetric Laplacian: \f$\sum_m e^{-\lambda_m\tau L}\langle f,\phi_m\rangle\phi_m\f$.
 *
 * Equal to \f$e^{-\tau L\,\mathbf L} f\f$ for the symmetric positive semi-definite
 * \f$\mathbf L\f$ (e.g. \f$\mathbf L_{sym}\f$ of an attention graph); the eigenpairs come
 * from the Jacobi method. A semigroup: filtering for \f$\tau_1\f$ then \f$\tau_2\f$
 * equals filtering for \f$\tau_1 + \tau_2\f$.
 *
 * \param[in]  n                Nodes, 1 <= n <= 1024.
 * \param[in]  laplacian        n x n row-major, symmetric (1e-10 relative), eigenvalues
 *                              >= \f$-10^{-10}\max|\lambda|\f$. [dimensionless].
 * \param[in]  f                The signal, n values. [dimensionless]. Finite.
 * \param[in]  tau              The value \f$\tau\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  layers           The value \f$L\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  workspace        At least thermoai_geometry_heat_filter_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] out              n values; may alias \p f. [dimensionless]. All NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           a pointer is NULL
 * \retval THERMOAI_E_NONFINITE      an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID        n out of range, the matrix not symmetric or not PSD, tau or layers < 0
 * \retval THERMOAI_E_SIZE           \p workspace_bytes too small
 * \retval THERMOAI_E_NO_CONVERGENCE the eigensolver did not converge (not expected)
 * \par Source
 *   Paper 002, Theorem 5.6 (the approximation of attention by the heat semigroup is assumed, not proven).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_geometry_heat_filter(size_t n, const double *laplacian, const double *f, double tau,
                                  double layers, void *workspace, size_t workspace_bytes,
                                  double *out);

#if defined(THERMOAI_EXPERIMENTAL)

/**
 * \brief Theorem 5.2 integrated: the largest \f$I(t)\f$ allowed by \f$dI/dt \le -\kappa I + C\f$.
 *
 * By Gronwall's inequality \f$I(t) \le I_0 e^{-\kappa t} + C\,\frac{1 - e^{-\kappa t}}{\kappa}\f$
 * (\f$I_0 + Ct\f$ at \f$\kappa = 0\f$; the fraction is formed with expm1). The integration is
 * exact; the differential inequality itself is not proven: the proof (Sec. 5.2 and
 * App. B.8) derives \f$\frac{d}{dt}\mathrm{KL}(\rho_t\|\pi) \le -2\kappa\,\mathrm{KL}\f$ for the
 * relative entropy of a diffusion (rate \f$2\kappa\f$, no source term) and then asserts the
 * mutual-information form with rate \f$\kappa\f$ and \f$C_{source}\f$ "relating entropy to mutual
 * information", a step it does not carry out.
 *
 * \param[in]  info0_bits         The value \f$I(0)\f$. Unit: bit. Finite, >= 0.
 * \param[in]  kappa_per_s        Ricci lower bound \f$\kappa\f$ as a rate (any sign). Unit: 1/s. Finite.
 * \param[in]  source_bits_per_s  The value \f$C_{source}\f$. Unit: bit/s. Finite, >= 0.
 * \param[in]  t_s                The value \f$t\f$. Unit: s. Finite, >= 0.
 * \param[out] info_bits          The bound on \f$I(t)\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p info_bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the bound overflows (negative curvature over a long time),
 *                               or is positive and below DBL_MIN
 * \par Source
 *   Paper 002, Theorem 5.2 and App. B.8.
 * \warning Experimental: rests on an unproven step of the paper.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_geometry_information_bound(double info0_bits, double kappa_per_s,
                                        double source_bits_per_s, double t_s, double *info_bits);

/**
 * \brief Corollary 5.7 with unit constants: \f$E(k) = k N e_{flop} + k d\, e_{mem}\f$.
 *
 * The corollary states \f$\Theta(kN e_{flop}) + \Theta(kd\,e_{mem})\f$ and leaves both
 * constants open (both are 1 here). It also says the \f$k\f$ modes need \f$O(Nk)\f$
 * storage, yet charges memory energy for \f$kd\f$ elements, and \f$O(k)\f$ eigenvalue
 * computations at \f$O(N)\f$ FLOPs each, although one Lanczos step on a dense attention
 * graph costs \f$O(N^2 d)\f$ (spectral.h).
 *
 * \param[in]  k                     Modes kept. [dimensionless]. Finite, >= 0.
 * \param[in]  n                     Sequence length \f$N\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  d                     Head dimension. [dimensionless]. Finite, >= 1.
 * \param[in]  energy_per_flop_j     The value \f$e_{flop}\f$. Unit: J (per FLOP). Finite, >= 0.
 * \param[in]  energy_per_element_j  The value \f$e_{mem}\f$. Unit: J (per stored element). Finite, >= 0.
 * \param[out] energy_j              The value \f$E(k)\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Corollary 5.7.
 * \warning Experimental: the Theta constants are not given and the memory term is inconsistent.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_geometry_spectral_energy_j(double k, double n, double d, double energy_per_flop_j,
                                        double energy_per_element_j, double *energy_j);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_GEOMETRY_H */
