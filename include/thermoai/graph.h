/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/graph.h
 * \brief Weighted graphs for the spectral statements of paper 002 (Sec. 9.1, 10.1,
 *        App. A.3): Cheeger's inequality, exact conductance, the normalised
 *        Laplacian spectrum, effective resistances, and the effective-resistance
 *        sparsifier of Theorem 9.2 as the reference against which SSA's sampling
 *        can be compared.
 *
 * A graph is its symmetric weight matrix \f$W\f$ (n x n row-major doubles, finite,
 * \f$W_{ij} = W_{ji} \ge 0\f$, symmetric to 1e-10 relative). Degrees
 * \f$d_i = \sum_j W_{ij}\f$ include a self-loop \f$W_{ii}\f$ (as the attention graphs of
 * spectral.h do); a self-loop is never part of a cut and does not change the
 * combinatorial Laplacian \f$D - W\f$. Sizes: n <= 1024 (dense eigensolver), and
 * n <= 24 for the exact conductance (it enumerates the \f$2^n\f$ subsets).
 */
#ifndef THERMOAI_GRAPH_H
#define THERMOAI_GRAPH_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/graph.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Conductance as paper 002 defines it: \f$|S| \le n/2\f$ and \f$\mathrm{vol}(S)\f$ in the denominator. \since 0.1.0 */
#define THERMOAI_GRAPH_CONDUCTANCE_PAPER 0x1u

/**
 * \brief Cheeger's inequality for the normalised Laplacian: \f$\lambda_2/2 \le \phi(G) \le \sqrt{2\lambda_2}\f$.
 *
 * Holds for the conductance \f$\phi(G) = \min_S w(\partial S)/\min(\mathrm{vol}\,S, \mathrm{vol}\,\bar S)\f$
 * and \f$\lambda_2\f$ of \f$\mathbf L_{sym}\f$ (Chung, Spectral Graph Theory, Thm. 2.2). Theorem A.4
 * prints it with \f$\min_{|S| \le n/2} |\partial S|/\mathrm{vol}(S)\f$ (a restriction on the
 * *number* of vertices); with that definition the upper bound still holds but the lower
 * bound fails (thermoai_graph_conductance() with #THERMOAI_GRAPH_CONDUCTANCE_PAPER; a
 * counterexample is in tests/bounds/test_graph.c).
 *
 * \param[in]  lambda2  The value \f$\lambda_2\f$ of \f$\mathbf L_{sym}\f$. [dimensionless]. In [0, 2].
 * \param[out] lower    The value \f$\lambda_2/2\f$. [dimensionless]. NaN on error.
 * \param[out] upper    The value \f$\sqrt{2\lambda_2}\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       an output is NULL
 * \retval THERMOAI_E_NONFINITE  \p lambda2 is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p lambda2 outside [0, 2]
 * \par Source
 *   Paper 002, Theorem A.4; F. R. K. Chung, Spectral Graph Theory (AMS 1997), Sec. 2.2.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_cheeger_bounds(double lambda2, double *lower, double *upper);

/**
 * \brief Exact conductance of a small graph by enumerating every vertex subset.
 *
 * Default: \f$\phi = \min_{\emptyset \ne S \ne V} w(\partial S)/\min(\mathrm{vol}\,S, \mathrm{vol}\,\bar S)\f$.
 * With #THERMOAI_GRAPH_CONDUCTANCE_PAPER: \f$\min_{1 \le |S| \le n/2} w(\partial S)/\mathrm{vol}(S)\f$
 * (Theorem A.4 as printed). Gray-code order, the cut updated per vertex move and
 * recomputed every 4096 subsets: \f$O(2^n n)\f$ time, no memory.
 *
 * \param[in]  n      Vertices, 2 <= n <= 24.
 * \param[in]  w      Weights, n x n (see the file comment). Unit: [weight] (any).
 * \param[in]  flags  0 or #THERMOAI_GRAPH_CONDUCTANCE_PAPER.
 * \param[out] phi    The value \f$\phi \in [0, 1]\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_NONFINITE   a weight is NaN or infinite
 * \retval THERMOAI_E_INVALID     n out of range, a negative weight, or W not symmetric
 * \retval THERMOAI_E_UNSUPPORTED unknown flags
 * \retval THERMOAI_E_DOMAIN      a vertex has degree 0
 * \par Source
 *   Paper 002, Theorem A.4 (definition of \f$\phi(G)\f$); Chung (1997), Sec. 2.2.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_conductance(size_t n, const double *w, uint32_t flags, double *phi);

/**
 * \brief Workspace thermoai_graph_laplacian_spectrum() and thermoai_graph_effective_resistance() need.
 * \param[in]  n      Vertices, 2 <= n <= 1024.
 * \param[out] bytes  About \f$8(2n^2 + n)\f$ bytes; 0 on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bytes is NULL
 * \retval THERMOAI_E_INVALID  n out of range
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_workspace_bytes(size_t n, size_t *bytes);

/**
 * \brief All eigenvalues of \f$\mathbf L_{sym} = I - D^{-1/2} W D^{-1/2}\f$, ascending.
 *
 * \param[in]  n                Vertices, 2 <= n <= 1024.
 * \param[in]  w                Weights, n x n. Unit: [weight] (any).
 * \param[in]  workspace        At least thermoai_graph_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] lambda           n eigenvalues in [0, 2] (rounding outside is clamped). [dimensionless]. All NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           a pointer is NULL
 * \retval THERMOAI_E_NONFINITE      a weight is NaN or infinite
 * \retval THERMOAI_E_INVALID        n out of range, a negative weight, or W not symmetric
 * \retval THERMOAI_E_SIZE           \p workspace_bytes too small
 * \retval THERMOAI_E_DOMAIN         a vertex has degree 0
 * \retval THERMOAI_E_NO_CONVERGENCE the eigensolver did not converge (not expected)
 * \par Source
 *   Paper 002, Definition 8.2.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_laplacian_spectrum(size_t n, const double *w, void *workspace,
                                      size_t workspace_bytes, double *lambda);

/**
 * \brief Effective resistances \f$R_{ij} = (e_i - e_j)^\top L^+ (e_i - e_j)\f$ of a connected graph (Definition 9.2).
 *
 * \f$L = D - W\f$ (the combinatorial Laplacian); \f$L^+\f$ from its Jacobi eigendecomposition,
 * eigenvalues below \f$10^{-10}\lambda_{max}\f$ counting as 0. For a connected graph
 * \f$\sum_{i<j} W_{ij}R_{ij} = n - 1\f$ (Foster's theorem).
 *
 * \param[in]  n                Vertices, 2 <= n <= 1024.
 * \param[in]  w                Weights, n x n. Unit: [weight] (any).
 * \param[in]  workspace        At least thermoai_graph_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] resistance       n x n, symmetric, zero diagonal. Unit: 1/[weight]. All NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           a pointer is NULL
 * \retval THERMOAI_E_NONFINITE      a weight is NaN or infinite
 * \retval THERMOAI_E_INVALID        n out of range, a negative weight, or W not symmetric
 * \retval THERMOAI_E_SIZE           \p workspace_bytes too small
 * \retval THERMOAI_E_DOMAIN         the graph is not connected
 * \retval THERMOAI_E_NO_CONVERGENCE the eigensolver did not converge (not expected)
 * \par Source
 *   Paper 002, Definition 9.2; D. A. Spielman and N. Srivastava, SIAM J. Comput. 40(6):1913-1926 (2011).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_effective_resistance(size_t n, const double *w, void *workspace,
                                        size_t workspace_bytes, double *resistance);

/** Opaque effective-resistance sampler (Theorem 9.2). \since 0.1.0 */
typedef struct thermoai_graph_sampler thermoai_graph_sampler;

/**
 * \brief Creates a sampler for graphs of \p n vertices (malloc/free).
 *
 * Allocates, once, about \f$8(2n^2 + n) + 16\binom n2\f$ bytes (the Laplacian, its
 * eigenvectors, and the cumulative probabilities and endpoints of every possible edge).
 *
 * \param[in]  n        Vertices, 2 <= n <= 1024.
 * \param[out] sampler  The sampler; NULL on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p sampler is NULL
 * \retval THERMOAI_E_INVALID  n out of range
 * \retval THERMOAI_E_NOMEM    an allocation failed (nothing is leaked)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_sampler_create(size_t n, thermoai_graph_sampler **sampler);

/**
 * \brief As thermoai_graph_sampler_create(), with the caller's allocator.
 * \param[in]  n          As thermoai_graph_sampler_create().
 * \param[in]  allocator  Copied into the sampler (both functions non-NULL), or NULL for malloc/free.
 * \param[out] sampler    The sampler; NULL on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_graph_sampler_create(); THERMOAI_E_NULL also for a NULL function
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_sampler_create_ex(size_t n, const thermoai_allocator *allocator,
                                     thermoai_graph_sampler **sampler);

/**
 * \brief Samples a spectral sparsifier of \p w by effective resistances (Spielman and Srivastava).
 *
 * Draws \p samples edges independently with probability \f$p_e = w_e R_e / \sum_f w_f R_f\f$
 * and adds \f$w_e/(q\,p_e)\f$ to edge \f$e\f$ of the output for each draw (\f$q\f$ = \p samples),
 * so that \f$\mathbb E[\tilde L] = L\f$. With \f$q = O(n\log n/\epsilon^2)\f$ the result is an
 * \f$\epsilon\f$-spectral sparsifier with high probability (Theorem 9.2, a theorem of Spielman and
 * Srivastava 2011). Disconnected graphs are allowed (resistances within each component).
 * Allocates nothing; the diagonal of \p w is ignored. Draws come from the seeded stream
 * GRAPH_SAMPLES of the library's table (lib/common/rng.h): the same inputs and seed give
 * the same output on every platform.
 *
 * \param[in,out] sampler         The sampler (its scratch is overwritten).
 * \param[in]     w               Weights, n x n, at least one edge. Unit: [weight] (any).
 * \param[in]     samples         The value \f$q\f$, 1 <= q <= 2^32.
 * \param[in]     seed            Seed of the draws.
 * \param[out]    w_out           The sparsifier's weights, n x n, symmetric, zero diagonal.
 *                                Unit: [weight]. All NaN on error.
 * \param[out]    distinct_edges  Edges with non-zero output weight; may be NULL.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           \p sampler, \p w or \p w_out is NULL
 * \retval THERMOAI_E_NONFINITE      a weight is NaN or infinite
 * \retval THERMOAI_E_INVALID        a negative weight, W not symmetric, or \p samples out of range
 * \retval THERMOAI_E_DOMAIN         the graph has no edge
 * \retval THERMOAI_E_NO_CONVERGENCE the eigensolver did not converge (not expected)
 * \par Source
 *   Paper 002, Theorem 9.2 and Definition 9.2; Spielman and Srivastava (2011), Sec. 3.
 * \par Thread safety
 *   One execution per sampler at a time; distinct samplers may run concurrently.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_sampler_execute(thermoai_graph_sampler *sampler, const double *w,
                                   size_t samples, uint64_t seed, double *w_out,
                                   size_t *distinct_edges);

/**
 * \brief Frees a sampler.
 * \param[in] sampler  The sampler or NULL.
 * \since 0.1.0
 */
THERMOAI_API void thermoai_graph_sampler_free(thermoai_graph_sampler *sampler);

#if defined(THERMOAI_EXPERIMENTAL)

/**
 * \brief Theorem 10.2 with its constant as a parameter: an \f$\epsilon\f$-sparsifier of \f$K_N\f$ needs \f$\ge cN/\epsilon^2\f$ edges.
 *
 * The \f$\Omega(N/\epsilon^2)\f$ lower bound is true (Batson, Spielman and Srivastava, SIAM J.
 * Comput. 41(6), 2012, Sec. 4, from the Alon-Boppana bound), but the paper attributes it to
 * Spielman and Srivastava (2011), which proves the \f$O(N\log N/\epsilon^2)\f$ *upper* bound,
 * and calls it tight "up to logarithmic factors" where BSS make it tight up to constants.
 * The constant is not given.
 *
 * \param[in]  n        The value \f$N\f$. [dimensionless]. Finite, >= 2.
 * \param[in]  epsilon  The value \f$\epsilon\f$. [dimensionless]. In (0, 1).
 * \param[in]  c        The constant. [dimensionless]. Finite, > 0.
 * \param[out] edges    The value \f$cN/\epsilon^2\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p edges is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 10.2 and Corollary 10.3.
 * \warning Experimental: the constant is not given.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_graph_sparsifier_min_edges(double n, double epsilon, double c, double *edges);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_GRAPH_H */
