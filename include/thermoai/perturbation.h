/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/perturbation.h
 * \brief Matrix perturbation and concentration bounds behind SSA's guarantees
 *        (paper 002, Sec. 9, App. B.2, B.3, C): Davis-Kahan, matrix Bernstein,
 *        Johnson-Lindenstrauss, Nystrom, and the SSA bounds of Theorems 9.4, 9.7
 *        and Lemma 9.6, with functions that measure the quantities they bound.
 *
 * **Which to rely on.** Outside the experimental section: the Davis-Kahan bound
 * in the form of Yu, Wang and Samworth (2015), the matrix Bernstein inequality
 * (Tropp 2012), the Gaussian Johnson-Lindenstrauss dimension with every constant
 * explicit (Dasgupta and Gupta 2003), and exact measurements (principal angles,
 * perturbation norms, gaps, Nystrom errors). Inside it: the paper's statements
 * as printed, several of which are false or carry constants the paper does not
 * give; each block says which, and tests/bounds/test_perturbation.c holds the
 * counterexamples.
 *
 * Matrices are row-major doubles, n x n, n <= 1024 (Jacobi eigensolver, O(n^3)).
 */
#ifndef THERMOAI_PERTURBATION_H
#define THERMOAI_PERTURBATION_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/perturbation.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Davis-Kahan \f$\sin\Theta\f$ bound that holds for every symmetric perturbation.
 *
 * For symmetric \f$A\f$ with ascending eigenvalues \f$\lambda_1 \le \dots \le \lambda_n\f$,
 * \f$\tilde A = A + E\f$, and the spans \f$U_k, \tilde U_k\f$ of the eigenvectors of the \f$k\f$
 * smallest eigenvalues, with \f$\delta_k = \lambda_{k+1} - \lambda_k > 0\f$:
 * \f[ \|\sin\Theta(U_k, \tilde U_k)\|_F \le \frac{2\min(\sqrt k\,\|E\|_{op},\ \|E\|_F)}{\delta_k}. \f]
 * Only the gap of \f$A\f$ enters (no condition on \f$\tilde A\f$). The value may exceed
 * \f$\sqrt k\f$, the largest possible \f$\|\sin\Theta\|_F\f$; it is not clipped.
 *
 * \param[in]  norm_op  The value \f$\|E\|_{op}\f$ (spectral norm). [dimensionless]. Finite, >= 0.
 * \param[in]  norm_f   The value \f$\|E\|_F\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  k        Subspace dimension, >= 1.
 * \param[in]  gap      The value \f$\delta_k\f$. [dimensionless]. Finite, > 0.
 * \param[out] bound    The bound on \f$\|\sin\Theta\|_F\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bound is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a norm < 0, \p k = 0 or \p gap <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Y. Yu, T. Wang and R. J. Samworth, Biometrika 102(2):315-323 (2015), Theorem 2
 *   (the variant paper 002's Theorem 9.3 needs in order to hold); C. Davis and
 *   W. M. Kahan, SIAM J. Numer. Anal. 7(1):1-46 (1970).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_sin_theta_bound(double norm_op, double norm_f, size_t k, double gap,
                                          double *bound);

/**
 * \brief Workspace thermoai_perturbation_measure() needs.
 * \param[in]  n      Dimension, 2 <= n <= 1024.
 * \param[out] bytes  About \f$8(3n^2 + n)\f$ bytes; 0 on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bytes is NULL
 * \retval THERMOAI_E_INVALID  n out of range
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_measure_workspace_bytes(size_t n, size_t *bytes);

/**
 * \brief Measures what Theorem 9.3 relates: \f$\|\sin\Theta(U_k, \tilde U_k)\|_F\f$, \f$\delta_k\f$, \f$\|E\|_F\f$, \f$\|E\|_{op}\f$.
 *
 * Both matrices are diagonalised (Jacobi); \f$\|\sin\Theta\|_F^2 = k - \|U_k^\top \tilde U_k\|_F^2\f$
 * (clamped at 0), \f$\delta_k = \lambda_{k+1}(A) - \lambda_k(A)\f$, \f$E = \tilde A - A\f$,
 * \f$\|E\|_{op} = \max|\lambda(E)|\f$. When \f$\lambda_k(\tilde A) = \lambda_{k+1}(\tilde A)\f$ the
 * subspace \f$\tilde U_k\f$ is not unique and the solver's choice is measured.
 *
 * \param[in]  n                Dimension, 2 <= n <= 1024.
 * \param[in]  k                1 <= k < n.
 * \param[in]  a                The value \f$A\f$, n x n row-major, symmetric to 1e-10 relative. [dimensionless].
 * \param[in]  a_tilde          The value \f$\tilde A\f$, as \p a. [dimensionless].
 * \param[in]  workspace        At least thermoai_perturbation_measure_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] sin_theta_f      The value \f$\|\sin\Theta\|_F \in [0, \sqrt k]\f$. [dimensionless]. NaN on error.
 * \param[out] gap              The value \f$\delta_k \ge 0\f$ of \f$A\f$. [dimensionless]. NaN on error.
 * \param[out] norm_f           The value \f$\|E\|_F\f$. [dimensionless]. NaN on error.
 * \param[out] norm_op          The value \f$\|E\|_{op}\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           a pointer is NULL
 * \retval THERMOAI_E_NONFINITE      an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID        n or k out of range, or a matrix not symmetric
 * \retval THERMOAI_E_SIZE           \p workspace_bytes too small
 * \retval THERMOAI_E_RANGE          a norm overflows
 * \retval THERMOAI_E_NO_CONVERGENCE the eigensolver did not converge (not expected)
 * \par Source
 *   Paper 002, Theorem 9.3 (the quantities); Golub and Van Loan, Matrix Computations,
 *   4th ed., Sec. 6.4.3 (principal angles).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_measure(size_t n, size_t k, const double *a, const double *a_tilde,
                                  void *workspace, size_t workspace_bytes, double *sin_theta_f,
                                  double *gap, double *norm_f, double *norm_op);

/**
 * \brief Matrix Bernstein tail (Theorem 9.5): \f$(d_1 + d_2)\exp\!\left(\frac{-t^2/2}{\sigma^2 + Rt/3}\right)\f$.
 *
 * For independent zero-mean \f$d_1\times d_2\f$ matrices with \f$\|X_i\| \le R\f$, a bound on
 * \f$P(\|\sum_i X_i\| \ge t)\f$. The variance parameter must be
 * \f$\sigma^2 = \max(\|\sum\mathbb E X_iX_i^\top\|, \|\sum\mathbb E X_i^\top X_i\|)\f$ (Tropp 2012,
 * Theorem 1.6); the paper names only the first, which suffices for symmetric \f$X_i\f$ (then
 * \f$d_1 + d_2\f$ may be replaced by \f$d\f$, Tropp's Theorem 1.4). Returned as the formula gives
 * it, also when it exceeds 1 (a vacuous bound).
 *
 * \param[in]  d1      Rows, >= 1.
 * \param[in]  d2      Columns, >= 1.
 * \param[in]  sigma2  The value \f$\sigma^2\f$. [dimensionless] (squared matrix units). Finite, >= 0.
 * \param[in]  r       The value \f$R\f$. [dimensionless] (matrix units). Finite, >= 0.
 * \param[in]  t       The value \f$t\f$. [dimensionless] (matrix units). Finite, > 0.
 * \param[out] prob    The bound. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success (0 when the exponential underflows)
 * \retval THERMOAI_E_NULL       \p prob is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain, or \f$\sigma^2 = R = 0\f$
 * \par Source
 *   Paper 002, Theorem 9.5; J. A. Tropp, Found. Comput. Math. 12:389-434 (2012), Theorem 1.6.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_bernstein_tail(size_t d1, size_t d2, double sigma2, double r, double t,
                                         double *prob);

/**
 * \brief Deviation at confidence \f$1 - \delta\f$ from matrix Bernstein: the \f$t\f$ at which the tail equals \f$\delta\f$.
 *
 * With \f$\ell = \ln((d_1 + d_2)/\delta)\f$: \f$t = \ell R/3 + \sqrt{(\ell R/3)^2 + 2\ell\sigma^2}\f$.
 * (App. B.11 keeps only \f$\sqrt{2\sigma^2\ell}\f$, dropping the \f$R\f$ term.)
 *
 * \param[in]  d1      Rows, >= 1.
 * \param[in]  d2      Columns, >= 1.
 * \param[in]  sigma2  The value \f$\sigma^2\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  r       The value \f$R\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  delta   The value \f$\delta\f$. [dimensionless]. In (0, 1).
 * \param[out] t       The deviation. [dimensionless] (matrix units). NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p t is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 9.5 and App. B.11; Tropp (2012).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_bernstein_deviation(size_t d1, size_t d2, double sigma2, double r,
                                              double delta, double *t);

/**
 * \brief Johnson-Lindenstrauss dimension for a Gaussian projection, every constant explicit.
 *
 * For \f$\Phi\f$ with i.i.d. \f$N(0, 1/m)\f$ entries, \f$\|\Phi u\|^2\f$ is \f$\chi^2_m/m\f$ and a
 * Chernoff bound gives \f$P(\|\Phi u\|^2 \notin [1-\epsilon, 1+\epsilon]) \le
 * 2e^{-m(\epsilon^2/2 - \epsilon^3/3)/2}\f$; a union bound over the \f$N(N-1)/2\f$ pairs gives
 * \f[ m = \left\lceil \frac{2\ln(N(N-1)/\delta)}{\epsilon^2/2 - \epsilon^3/3} \right\rceil \f]
 * for \f$(1\pm\epsilon)\f$ distortion of all squared distances with probability \f$\ge 1-\delta\f$.
 *
 * \param[in]  n_points   The value \f$N\f$. [dimensionless]. Finite, >= 2.
 * \param[in]  epsilon    The value \f$\epsilon\f$. [dimensionless]. In (0, 1).
 * \param[in]  delta      The value \f$\delta\f$. [dimensionless]. In (0, 1).
 * \param[out] dimension  The value \f$m\f$ (an integer). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p dimension is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   S. Dasgupta and A. Gupta, Random Struct. Algorithms 22(1):60-65 (2003), Lemma 2.2;
 *   paper 002, Theorem B.1 (whose m omits \f$\delta\f$).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_jl_dimension_gaussian(double n_points, double epsilon, double delta,
                                                double *dimension);

/**
 * \brief Workspace thermoai_perturbation_nystrom_error() needs.
 * \param[in]  n      Matrix order, 1 <= n <= 1024.
 * \param[in]  s      Columns, 1 <= s <= n.
 * \param[out] bytes  About \f$8(2s^2 + s + ns)\f$ bytes; 0 on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bytes is NULL
 * \retval THERMOAI_E_INVALID  n or s out of range
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_nystrom_workspace_bytes(size_t n, size_t s, size_t *bytes);

/**
 * \brief Error of the Nystrom approximation from given columns: \f$\|K - C W^+ C^\top\|_F^2\f$.
 *
 * \f$C\f$ holds the columns \p columns of \f$K\f$, \f$W\f$ the corresponding \f$s\times s\f$
 * block; \f$W^+\f$ is the eigen pseudo-inverse (eigenvalues at most \f$10^{-12}\max\lambda\f$
 * count as 0).
 *
 * \param[in]  n                Order, 1 <= n <= 1024.
 * \param[in]  k                The value \f$K\f$, n x n row-major, symmetric positive semi-definite. [dimensionless].
 * \param[in]  s                Number of columns, 1 <= s <= n.
 * \param[in]  columns          s distinct column indices < n.
 * \param[in]  workspace        At least thermoai_perturbation_nystrom_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] error_f2         The value \f$\|K - \tilde K\|_F^2\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           a pointer is NULL
 * \retval THERMOAI_E_NONFINITE      \p k holds NaN or infinity
 * \retval THERMOAI_E_INVALID        n or s out of range, a column out of range or repeated,
 *                                   \p k not symmetric, or \f$W\f$ not PSD
 * \retval THERMOAI_E_SIZE           \p workspace_bytes too small
 * \retval THERMOAI_E_RANGE          the error overflows
 * \retval THERMOAI_E_NO_CONVERGENCE the eigensolver did not converge (not expected)
 * \par Source
 *   Paper 002, Lemma C.3 (the quantity it bounds); C. K. I. Williams and M. Seeger,
 *   NIPS 13 (2001); P. Drineas and M. W. Mahoney, JMLR 6:2153-2175 (2005).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_nystrom_error(size_t n, const double *k, size_t s,
                                        const uint32_t *columns, void *workspace,
                                        size_t workspace_bytes, double *error_f2);

#if defined(THERMOAI_EXPERIMENTAL)

/**
 * \brief Theorem 9.3 as printed: \f$\|\sin\Theta(U_k, \tilde U_k)\|_F \le \|E\|_F/\delta_k\f$.
 *
 * False in general: with only the gap of \f$A\f$ the factor 2 of Yu, Wang and Samworth
 * is needed. Counterexample: \f$A = \mathrm{diag}(0, 1)\f$, \f$E = \mathrm{diag}(0.6, -0.6)\f$,
 * \f$k = 1\f$: the eigenvectors swap, \f$\|\sin\Theta\|_F = 1 > \|E\|_F/\delta = 0.849\f$. The
 * proof of Theorem 9.4 uses an even stronger form, \f$\|E\|_{op}/\delta_k\f$, which fails already
 * for small \f$E\f$ when \f$k \ge 2\f$ (two independent rotations: ratio \f$\sqrt 2\f$).
 * Use thermoai_perturbation_sin_theta_bound().
 *
 * \param[in]  norm_f  The value \f$\|E\|_F\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  gap     The value \f$\delta_k\f$. [dimensionless]. Finite, > 0.
 * \param[out] bound   The value \f$\|E\|_F/\delta_k\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bound is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p norm_f < 0 or \p gap <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 9.3.
 * \warning Experimental: false as printed.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_davis_kahan(double norm_f, double gap, double *bound);

/**
 * \brief Theorem 9.4 as printed: \f$\frac{C}{\delta_k}\left(\epsilon_{cluster} + \sqrt{\ln(d/\delta)/s}\right)\f$.
 *
 * \f$C\f$ is called universal but its proof (via Lemma 9.6) hides \f$W_{max}\f$ and \f$k\f$ in
 * it; \f$d\f$ is not defined (Lemma 9.6 has \f$\ln(N/\delta)\f$); and the proof applies the
 * operator-norm Davis-Kahan form that is false (thermoai_perturbation_davis_kahan()).
 * Natural logarithm.
 *
 * \param[in]  c            The value \f$C\f$. [dimensionless]. Finite, > 0.
 * \param[in]  gap          The value \f$\delta_k\f$. [dimensionless]. Finite, > 0.
 * \param[in]  eps_cluster  The value \f$\epsilon_{cluster}\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  dim          The value \f$d\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  delta        The value \f$\delta\f$. [dimensionless]. In (0, 1).
 * \param[in]  samples      The value \f$s\f$. [dimensionless]. Finite, >= 1.
 * \param[out] bound        The bound on \f$\|\sin\Theta\|_F\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bound is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 9.4 and App. B.11.
 * \warning Experimental: unspecified constant, undefined d, proof through a false lemma form.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_ssa_bound(double c, double gap, double eps_cluster, double dim,
                                    double delta, double samples, double *bound);

/**
 * \brief Lemma 9.6 as printed: \f$\|E_S\| \le C\sqrt{W_{max}^2 k^2 \ln(N/\delta)/s}\f$.
 *
 * The proof's own steps give something else: with its
 * \f$\sigma^2 \le 4N_{out}^2W_{max}^2/s\f$ and \f$N_{out} \le N^2/k^2\f$ matrix Bernstein yields
 * \f$\|E_S\| \lesssim N^2 W_{max}\sqrt{\ln(N/\delta)}/(k^2\sqrt s)\f$, not \f$W_{max}k\sqrt{\ln/s}\f$;
 * and \f$k^2(N/k)^2\f$ equals \f$N^2\f$, not \f$N^2/k^2\f$ (the number of inter-cluster pairs
 * is \f$N^2(1 - 1/k)\f$ for balanced clusters).
 *
 * \param[in]  c         The value \f$C\f$. [dimensionless]. Finite, > 0.
 * \param[in]  w_max     The value \f$W_{max}\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  clusters  The value \f$k\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  n         The value \f$N\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  delta     The value \f$\delta\f$. [dimensionless]. In (0, 1).
 * \param[in]  samples   The value \f$s\f$. [dimensionless]. Finite, >= 1.
 * \param[out] bound     The bound. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bound is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Lemma 9.6.
 * \warning Experimental: statement and proof disagree.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_ssa_sampling_error(double c, double w_max, double clusters, double n,
                                             double delta, double samples, double *bound);

/**
 * \brief Theorem 9.7 as printed: spectral error \f$C\sqrt{N^2\ln N/m}\f$ for \f$m\f$ edges.
 *
 * At the stated Pareto point \f$m = N^{1.5}\f$ this is \f$C N^{1/4}\sqrt{\ln N}\f$, which *grows*
 * with \f$N\f$; the paper prints \f$N^{-1/4}\sqrt{\log N}\f$ (a sign slip in the exponent). No
 * proof is given, and no cost model makes \f$N^{1.5}\f$ an optimum (the error falls
 * monotonically in \f$m\f$). Natural logarithm.
 *
 * \param[in]  c      The value \f$C\f$ (the O-constant). [dimensionless]. Finite, > 0.
 * \param[in]  n      The value \f$N\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  edges  The value \f$m\f$. [dimensionless]. Finite, >= 1.
 * \param[out] error  The bound on \f$\|(\mathbf L - \tilde{\mathbf L})x\|/\|x\|\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success (0 at N = 1)
 * \retval THERMOAI_E_NULL       \p error is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 9.7.
 * \warning Experimental: no proof; the printed exponent is wrong.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_tradeoff_error(double c, double n, double edges, double *error);

/**
 * \brief Theorem 9.7 inverted: edges needed for spectral error \f$\epsilon\f$, \f$m = C^2 N^2\ln N/\epsilon^2\f$.
 *
 * \param[in]  c      The value \f$C\f$. [dimensionless]. Finite, > 0.
 * \param[in]  n      The value \f$N\f$. [dimensionless]. Finite, >= 2.
 * \param[in]  error  The value \f$\epsilon\f$. [dimensionless]. Finite, > 0.
 * \param[out] edges  The value \f$m\f$ (not rounded). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p edges is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 9.7.
 * \warning Experimental, as thermoai_perturbation_tradeoff_error().
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_tradeoff_edges(double c, double n, double error, double *edges);

/**
 * \brief Lemma C.3 as printed: \f$\mathbb E\|K - \tilde K\|_F^2 \le (1 + N/s)\sum_{i>s}\sigma_i^2\f$.
 *
 * No proof and no sampling distribution are given. Under uniform column sampling it is
 * false: \f$K = e_1e_1^\top\f$ (\f$N = 4\f$, \f$s = 1\f$) has \f$\sum_{i>1}\sigma_i^2 = 0\f$ but
 * expected error \f$3/4\f$ (tests/bounds/test_perturbation.c enumerates it with
 * thermoai_perturbation_nystrom_error()).
 *
 * \param[in]  n            The value \f$N\f$, >= 1.
 * \param[in]  s            Rank \f$s\f$, 1 <= s <= n.
 * \param[in]  eigenvalues  The value \f$\sigma_1 \ge \dots \ge \sigma_N \ge 0\f$, n values. [dimensionless].
 * \param[out] bound        The bound. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an eigenvalue is NaN or infinite
 * \retval THERMOAI_E_INVALID    n or s out of range, or eigenvalues negative or not descending
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Lemma C.3.
 * \warning Experimental: false for uniform sampling.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_nystrom_bound(size_t n, size_t s, const double *eigenvalues,
                                        double *bound);

/**
 * \brief Theorem B.1 as printed: \f$m = \lceil C\epsilon^{-2}\ln N\rceil\f$, the constant a parameter.
 *
 * The statement promises probability \f$\ge 1-\delta\f$ but \f$m\f$ does not depend on
 * \f$\delta\f$; its proof scales the entries by \f$1/\sqrt m\f$ twice and bounds a single
 * coordinate by \f$2e^{-cmt^2}\f$, which cannot hold as \f$m\f$ grows. The result is true for
 * some \f$C\f$ depending on \f$\delta\f$; thermoai_perturbation_jl_dimension_gaussian() gives
 * one with every constant explicit.
 *
 * \param[in]  n_points   The value \f$N\f$. [dimensionless]. Finite, >= 2.
 * \param[in]  epsilon    The value \f$\epsilon\f$. [dimensionless]. In (0, 1).
 * \param[in]  c          The value \f$C\f$. [dimensionless]. Finite, > 0.
 * \param[out] dimension  The value \f$m\f$ (an integer). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p dimension is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Theorem B.1 and Sec. 8.3 ("Projection via Johnson-Lindenstrauss").
 * \warning Experimental: the constant is not given.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_perturbation_jl_dimension(double n_points, double epsilon, double c,
                                       double *dimension);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_PERTURBATION_H */
