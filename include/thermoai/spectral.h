/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/spectral.h
 * \brief Spectral graph quantities of attention (paper 002, Sec. 8.2-8.6 and 11.6):
 *        the normalised Laplacian spectrum, the cluster quality Q, the SSA
 *        fallback rule and the mixing-time bound of Theorem 8.5.
 *
 * **Which matrix.** Attention defines weights \f$W_{ij} = e^{q_i \cdot k_j/\sqrt d}\f$
 * and the row-stochastic \f$P = D^{-1}W\f$. For \f$Q \ne K\f$, \f$W\f$ is not symmetric:
 * \f$P\f$ may have complex eigenvalues and is not a reversible chain, so the
 * statements of paper 002 (a real spectrum in [0, 2], Definition 8.2; the
 * reversible-chain mixing bound, Theorem 8.5 and its proof in B.10) do not apply
 * to it as written. This library uses the symmetrised weights
 * \f[ W_s = \tfrac12 (W + W^\top),\qquad D_s = \mathrm{diag}(W_s \mathbf 1),\qquad
 *     \mathbf L_{sym} = I - D_s^{-1/2} W_s D_s^{-1/2}, \f]
 * the undirected graph in which tokens \f$i\f$ and \f$j\f$ are linked by their mutual
 * attention, the graph spectral clustering of the tokens would use. For
 * \f$Q = K\f$ it is the paper's matrix exactly. Its eigenvalues
 * \f$0 = \lambda_1 \le \dots \le \lambda_N \le 2\f$ are real, and \f$D_s^{-1}W_s\f$ is a
 * reversible chain with stationary distribution \f$\pi_i = (D_s)_{ii}/\sum_j (D_s)_{jj}\f$.
 *
 * **How.** Lanczos with full reorthogonalisation on
 * \f$A = D_s^{-1/2} W_s D_s^{-1/2}\f$ (eigenvalues \f$1 - \lambda\f$), whose product with a
 * vector is computed from \f$Q\f$ and \f$K\f$ block by block with the attention
 * score kernel: \f$O(N^2 d)\f$ time per step and \f$O(N m)\f$ memory for \f$m\f$ steps,
 * never an \f$N \times N\f$ matrix. The Ritz values of the tridiagonal Lanczos
 * matrix come from the implicit QL method. Weights are formed in float32 as
 * \f$2^{s - s_{max}}\f$ (the global maximum logit subtracted; the spectrum of
 * \f$\mathbf L_{sym}\f$ does not change when \f$W\f$ is scaled) and summed in double.
 *
 * \warning Experimental (doc/abi-policy.md): the whole header is declared only when the program
 *          defines THERMOAI_EXPERIMENTAL before including thermoai.h, exported in
 *          the unfrozen THERMOAI_EXPERIMENTAL version node, and free to change
 *          or disappear in any release.
 */
#ifndef THERMOAI_SPECTRAL_H
#define THERMOAI_SPECTRAL_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/spectral.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(THERMOAI_EXPERIMENTAL)

struct thermoai_ssa; /* the SSA plan (ssa.h) */

/** Use the portable C score kernel even where a SIMD kernel is available. \since 0.1.0 */
#define THERMOAI_SPECTRAL_PORTABLE 0x2u

/**
 * \brief Settings of the Lanczos iteration (size-field struct); 0 means the default.
 * \since 0.1.0
 */
typedef struct thermoai_spectral_params {
    uint32_t struct_size;    /**< sizeof(thermoai_spectral_params); set by thermoai_spectral_params_init() */
    uint32_t flags;          /**< 0 or #THERMOAI_SPECTRAL_PORTABLE */
    uint32_t max_iterations; /**< most Lanczos steps; 0: min(N, max(3 count, count + 150)) */
    uint32_t threads;        /**< OpenMP threads with --enable-openmp; 0: OpenMP's default */
    double tolerance;        /**< largest accepted Ritz residual \f$\|Az - \theta z\|\f$; 0: 1e-9 */
    uint64_t seed;           /**< seed of the starting vector */
} thermoai_spectral_params;

/**
 * \brief What a spectrum computation found besides the eigenvalues (output struct).
 *
 * Set \c struct_size to sizeof before the call; the library writes the fields
 * that fit (doubles NaN on error).
 * \since 0.1.0
 */
typedef struct thermoai_spectral_info {
    uint32_t struct_size; /**< set by the caller */
    uint32_t iterations;  /**< Lanczos steps taken */
    double lambda_max;    /**< \f$\lambda_N\f$, the largest eigenvalue of \f$\mathbf L_{sym}\f$ */
    double pi_min;        /**< \f$\min_i \pi_i\f$ of the symmetrised walk (Theorem 8.5) */
    double residual;      /**< the largest Ritz residual among the reported eigenvalues */
} thermoai_spectral_info;

/** Dense attention: Q < 0.1. \since 0.1.0 */
#define THERMOAI_SPECTRAL_FALLBACK_DENSE 0u
/** Hybrid, SSA with reduced sparsification: 0.1 <= Q <= 0.3. \since 0.1.0 */
#define THERMOAI_SPECTRAL_FALLBACK_HYBRID 1u
/** Full SSA: Q > 0.3. \since 0.1.0 */
#define THERMOAI_SPECTRAL_FALLBACK_SSA 2u

/**
 * \brief Defaults: no flags, every setting 0 (its default), seed 0.
 * \param[out] params  The struct.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 32.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size below 32 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_params_init(thermoai_spectral_params *params, size_t size);

/**
 * \brief sizeof(thermoai_spectral_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_spectral_params_size(void);

/**
 * \brief Prepares an output struct for the spectrum functions: zero bytes, \c struct_size = \p size.
 * \param[out] out   The struct.
 * \param[in]  size  sizeof(*out) as compiled by the caller; at least 32.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p out is NULL
 * \retval THERMOAI_E_SIZE  \p size below 32 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_info_init(thermoai_spectral_info *out, size_t size);

/**
 * \brief sizeof(thermoai_spectral_info) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_spectral_info_size(void);

/**
 * \brief The \p count smallest eigenvalues of \f$\mathbf L_{sym}\f$ of dense attention.
 *
 * \param[in]  n       Sequence length, 2 <= n <= 2^20.
 * \param[in]  d       Head dimension, 1 <= d <= 4096.
 * \param[in]  q       Queries, n x d row-major float32, finite.
 * \param[in]  k       Keys, n x d row-major float32, finite.
 * \param[in]  params  Settings, or NULL for the defaults.
 * \param[in]  count   How many eigenvalues, 1 <= count <= n (n: the whole spectrum).
 * \param[in]  workspace        At least thermoai_spectral_attention_workspace_bytes() bytes,
 *                              any alignment (nothing is allocated here).
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] lambda  \p count eigenvalues ascending, \f$\lambda_1 \dots \lambda_{count}\f$,
 *                     [dimensionless], in [0, 2] (rounding below 0 or above 2 is clamped). On error all
 *                     \p count entries are NaN (also those beyond n).
 * \param[out] info    Steps, \f$\lambda_N\f$, \f$\pi_{min}\f$, residual; may be NULL. On
 *                     error every double field its \c struct_size covers is NaN.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           \p q, \p k, \p workspace or \p lambda is NULL
 * \retval THERMOAI_E_SIZE           a \c struct_size too small, or \p workspace_bytes too small
 * \retval THERMOAI_E_UNSUPPORTED    unknown flags, or non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_INVALID        n, d or count out of range, or a negative or NaN tolerance
 * \retval THERMOAI_E_NONFINITE      an input holds NaN or infinity
 * \retval THERMOAI_E_RANGE          a degree underflowed to 0 (logits spanning more than
 *                                   126 binary orders of magnitude)
 * \retval THERMOAI_E_NO_CONVERGENCE the residuals stayed above the tolerance after
 *                                   max_iterations steps
 * \retval THERMOAI_E_NOMEM          the workspace size overflows size_t
 * \par Source
 *   Paper 002, Definition 8.2 (for the symmetrised weights, see the file comment).
 * \par Thread safety
 *   Reentrant; the workspace is the caller's (one per concurrent call).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_attention(size_t n, size_t d, const float *q, const float *k,
                                const thermoai_spectral_params *params, size_t count,
                                void *workspace, size_t workspace_bytes, double *lambda,
                                thermoai_spectral_info *info);

/**
 * \brief Bytes of workspace thermoai_spectral_attention() needs.
 *
 * About \f$8N(m + 5) + 8Nd + 8m^2\f$ bytes for \f$m\f$ = min(max_iterations, N) Lanczos steps.
 * \param[in]  n       As thermoai_spectral_attention().
 * \param[in]  d       As thermoai_spectral_attention().
 * \param[in]  params  As thermoai_spectral_attention(), or NULL.
 * \param[in]  count   As thermoai_spectral_attention().
 * \param[out] bytes   The size; 0 on error.
 * \retval THERMOAI_OK       success
 * \retval THERMOAI_E_NULL   \p bytes is NULL
 * \retval THERMOAI_E_NOMEM  the size overflows size_t
 * \retval other             as thermoai_spectral_attention() for bad n, d, count or params
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_attention_workspace_bytes(size_t n, size_t d,
                                                const thermoai_spectral_params *params,
                                                size_t count, size_t *bytes);

/**
 * \brief The \p count smallest eigenvalues of \f$\mathbf L_{sym}\f$ of the graph an SSA plan attends over.
 *
 * The graph of the last thermoai_ssa_execute(): query \f$i\f$ is linked to the
 * members of its cluster it may attend to and to its sampled keys (the same
 * draws), with weights \f$e^{q_i \cdot k_j/\sqrt d}\f$ (times \f$(N - |C|)/s\f$ for a
 * sampled key in the importance variant), symmetrised as for
 * thermoai_spectral_attention(). Logits are formed in double here. With
 * \f$k = 1\f$ the graph is the dense one (paper 002, Figure 2b compares the two).
 *
 * \param[in,out] plan    An executed plan of variant paper or importance (its scratch is used).
 * \param[in]     q       The queries of that execution, n x d, finite.
 * \param[in]     k       Its keys, n x d, finite.
 * \param[in]     params  Settings, or NULL (flags and threads are ignored: one thread).
 * \param[in]     count   1 <= count <= n.
 * \param[in]     workspace        At least thermoai_spectral_ssa_workspace_bytes() bytes for
 *                                 this plan and execution, any alignment.
 * \param[in]     workspace_bytes  Size of \p workspace.
 * \param[out]    lambda  \p count eigenvalues ascending [dimensionless]; all \p count NaN on error.
 * \param[out]    info    As thermoai_spectral_attention(); may be NULL.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        \p plan, \p q, \p k, \p workspace or \p lambda is NULL
 * \retval THERMOAI_E_SIZE        \p workspace_bytes too small (or a \c struct_size)
 * \retval THERMOAI_E_DOMAIN      the plan has not been executed
 * \retval THERMOAI_E_UNSUPPORTED the centroid variant (its terms are not token edges), or bad flags
 * \retval other                  as thermoai_spectral_attention()
 * \par Source
 *   Paper 002, Theorem 9.4 and Figure 2b.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_ssa(struct thermoai_ssa *plan, const float *q, const float *k,
                          const thermoai_spectral_params *params, size_t count, void *workspace,
                          size_t workspace_bytes, double *lambda, thermoai_spectral_info *info);

/**
 * \brief Bytes of workspace thermoai_spectral_ssa() needs for the last execution of \p plan.
 *
 * The graph's edges depend on the plan's clusters and sample draws (not on q and k):
 * \f$8(N + 1) + 12\,\mathrm{nnz} + 8N\f$ bytes plus the Lanczos work of
 * thermoai_spectral_attention_workspace_bytes(). Walks the graph once to count.
 * \param[in,out] plan    An executed plan of variant paper or importance (its scratch is used).
 * \param[in]     params  As thermoai_spectral_ssa(), or NULL.
 * \param[in]     count   As thermoai_spectral_ssa().
 * \param[out]    bytes   The size; 0 on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        \p plan or \p bytes is NULL
 * \retval THERMOAI_E_DOMAIN      the plan has not been executed
 * \retval THERMOAI_E_UNSUPPORTED the centroid variant
 * \retval THERMOAI_E_NOMEM       the size overflows size_t
 * \retval other                  as thermoai_spectral_ssa() for bad count or params
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_ssa_workspace_bytes(struct thermoai_ssa *plan,
                                          const thermoai_spectral_params *params, size_t count,
                                          size_t *bytes);

/**
 * \brief Cluster quality \f$\mathcal Q = (\lambda_{k+1} - \lambda_k)/\lambda_N\f$.
 * \param[in]  lambda_k      The value \f$\lambda_k\f$ [dimensionless], in [0, 2].
 * \param[in]  lambda_k1     The value \f$\lambda_{k+1}\f$ [dimensionless], \f$\lambda_k \le \lambda_{k+1} \le \lambda_N\f$.
 * \param[in]  lambda_n      The value \f$\lambda_N\f$ [dimensionless], in (0, 2].
 * \param[out] quality       The value \f$\mathcal Q \in [0, 1]\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p quality is NULL
 * \retval THERMOAI_E_NONFINITE  an argument is NaN or infinite
 * \retval THERMOAI_E_INVALID    an eigenvalue outside [0, 2], out of order, or \f$\lambda_N = 0\f$
 * \par Accuracy
 *   Within 2 ulp (1 ulp seen).
 * \par Source
 *   Paper 002, Sec. 11.6.1 ("Cluster Quality Metric").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_cluster_quality(double lambda_k, double lambda_k1, double lambda_n, double *quality);

/**
 * \brief The adaptive fallback rule of paper 002, Sec. 11.6.1.
 * \param[in]  quality   The value \f$\mathcal Q\f$ [dimensionless], in [0, 1].
 * \param[out] decision  #THERMOAI_SPECTRAL_FALLBACK_DENSE (\f$\mathcal Q < 0.1\f$),
 *                       #THERMOAI_SPECTRAL_FALLBACK_HYBRID (\f$0.1 \le \mathcal Q \le 0.3\f$) or
 *                       #THERMOAI_SPECTRAL_FALLBACK_SSA (\f$\mathcal Q > 0.3\f$). The paper leaves the
 *                       boundaries open; they go to the hybrid here.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p decision is NULL
 * \retval THERMOAI_E_NONFINITE  \p quality is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p quality outside [0, 1]
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_fallback(double quality, uint32_t *decision);

/**
 * \brief Mixing-time bound of Theorem 8.5: \f$\tau(\epsilon) \le \ln(1/(\epsilon\,\pi_{min}))/(\gamma - \delta)\f$.
 *
 * With \f$\delta = 0\f$ this is the bound for the graph itself; with \f$\delta\f$ the
 * bound for a sparsifier whose gap is within \f$\delta\f$ of \f$\gamma\f$. The
 * standard theorem (Levin, Peres and Wilmer, Markov Chains and Mixing Times,
 * Thm. 12.4) holds for a reversible chain with the *absolute* spectral gap
 * \f$\gamma_* = 1 - \max(|1 - \lambda_2|, |1 - \lambda_N|) = \min(\lambda_2, 2 - \lambda_N)\f$;
 * the paper writes \f$\lambda_2\f$, which equals \f$\gamma_*\f$ only when
 * \f$\lambda_N \le 2 - \lambda_2\f$. Pass whichever gap is meant.
 *
 * \param[in]  gap      The value \f$\gamma\f$ [dimensionless], in (0, 2].
 * \param[in]  pi_min   The value \f$\pi_{min}\f$ [dimensionless], in (0, 1].
 * \param[in]  epsilon  Total-variation distance \f$\epsilon\f$ [dimensionless], in (0, 1).
 * \param[in]  delta    The value \f$\delta \ge 0\f$ [dimensionless].
 * \param[out] steps    The bound on \f$\tau\f$. Unit: steps of the chain (attention layers
 *                      for the paper's reading). NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p steps is NULL
 * \retval THERMOAI_E_NONFINITE  an argument is NaN or infinite
 * \retval THERMOAI_E_INVALID    an argument outside its range
 * \retval THERMOAI_E_DOMAIN     \f$\delta \ge \gamma\f$: the bound says nothing
 * \par Accuracy
 *   Within 5 ulp (two libm logarithms, a sum, a difference, a division; 2 ulp seen).
 * \par Source
 *   Paper 002, Theorem 8.5 and its proof (Appendix B.10).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_spectral_mixing_time_bound(double gap, double pi_min, double epsilon, double delta,
                               double *steps);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SPECTRAL_H */
