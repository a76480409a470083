/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/ssa.h
 * \brief Spectral Sparse Attention (paper 002, Sec. 8-11): a plan that approximates
 *        softmax attention from clustered queries, with an error check (routed variant).
 *
 * Algorithm 2 of paper 002, per execution:
 * 1. **Projection**: \f$\tilde Q = Q \Phi^\top\f$ with a seeded Rademacher JL matrix
 *    \f$\Phi \in \{\pm 1/\sqrt{m}\}^{m \times d}\f$.
 * 2. **Clustering**: k-means on \f$\tilde Q\f$, \f$k\f$ clusters: greedy k-means++
 *    seeding (\f$2 + \lfloor\ln k\rfloor\f$ candidates per centre, the one that lowers
 *    the within-cluster sum of squares most), Lloyd iterations until no
 *    assignment changes or the iteration limit, and up to 8 split-merge moves
 *    that each lower the sum of squares; for \f$N > \max(4096, 32k)\f$ these run
 *    on a uniform subset of that many tokens, then every token is assigned and
 *    two Lloyd steps refine the centres. Token \f$j\f$ is in the cluster of its query.
 * 3. **Graph**: query \f$i\f$ keeps every key of its cluster \f$C_{c(i)}\f$ and,
 *    depending on the variant, \f$s\f$ keys drawn uniformly without replacement
 *    from the rest or one term per key cluster.
 * 4. **Attention**: softmax over the kept terms.
 *
 * Variants (#thermoai_ssa_params.variant) and their estimators of
 * \f$\sum_j e^{q_i \cdot k_j/\sqrt d} v_j\f$ and of the normaliser:
 * - #THERMOAI_SSA_PAPER, Algorithm 2 as written: the \f$s\f$ sampled keys enter
 *   with weight 1. The out-of-cluster mass is under-counted by the factor
 *   \f$s / (N - |C|)\f$: biased towards the cluster.
 * - #THERMOAI_SSA_IMPORTANCE: each sampled key is weighted by its inverse
 *   inclusion probability \f$(N - |C|)/s\f$ (Horvitz-Thompson), an unbiased
 *   estimate of both sums; their ratio is consistent, with \f$O(1/s)\f$ bias.
 * - #THERMOAI_SSA_CENTROID: keys are clustered too (k-means on projected keys,
 *   \f$k\f$ clusters); each key cluster \f$c'\f$ contributes
 *   \f$n'_{c'} e^{q_i \cdot \bar k_{c'}/\sqrt d} \bar v_{c'}\f$ over its keys outside
 *   \f$C_{c(i)}\f$ (count \f$n'\f$, means \f$\bar k, \bar v\f$), in the spirit of
 *   improved clustered attention (Vyas et al. 2020). Deterministic; by Jensen it
 *   under-estimates the out-of-cluster mass, by a factor near
 *   \f$e^{-\sigma^2/2}\f$ for a key-cluster logit spread \f$\sigma\f$. \f$s\f$ is unused.
 *
 * - #THERMOAI_SSA_ROUTED, the default (doc/ssa.md): each query cluster is routed to
 *   the keys that carry its mass, by its mean query's exact score of every key plus
 *   a spread term; the keys not routed are summarised per key group (their exact mass
 *   at the centroid, tilted to each query to first order); outliers and rows that
 *   lean on the summaries are computed exactly; a stratified draw of exact rows
 *   estimates \f$\|Y - Y_{exact}\|_F/\|Y_{exact}\|_F\f$, and above
 *   #thermoai_ssa_params.tolerance clusters or all rows are recomputed exactly. The
 *   output's error exceeds the tolerance in at most 1 call in 10 on the random
 *   inputs of tests/attention/test_ssa.c (the draw can miss an error held by a few
 *   rows). Not causal.
 *
 * Execution allocates nothing: every buffer is made by thermoai_ssa_create().
 * The same inputs and seed give bit-identical outputs at any thread count on
 * the same machine (per-query random streams; fixed summation orders).
 */
#ifndef THERMOAI_SSA_H
#define THERMOAI_SSA_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/ssa.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Algorithm 2 as written (sampled keys with weight 1). \since 0.1.0 */
#define THERMOAI_SSA_PAPER 0u
/** Sampled keys reweighted by inverse inclusion probability (Horvitz-Thompson). \since 0.1.0 */
#define THERMOAI_SSA_IMPORTANCE 1u
/** Out-of-cluster mass through per-key-cluster centroids. \since 0.1.0 */
#define THERMOAI_SSA_CENTROID 2u
/** The default: each query cluster routed to the keys that carry its mass, the rest
 *  estimated per key group, with an a-posteriori error check. \since 0.1.0 */
#define THERMOAI_SSA_ROUTED 3u

/** Causal: query \f$i\f$ uses keys \f$j \le i\f$ only. \since 0.1.0 */
#define THERMOAI_SSA_CAUSAL 0x1u
/** Use the portable C kernels even where SIMD kernels are available. \since 0.1.0 */
#define THERMOAI_SSA_PORTABLE 0x2u

/**
 * \brief Parameters of an SSA plan (size-field struct); 0 in a count means its default.
 * \since 0.1.0
 */
typedef struct thermoai_ssa_params {
    uint32_t struct_size;       /**< sizeof(thermoai_ssa_params); set by thermoai_ssa_params_init() */
    uint32_t variant;           /**< THERMOAI_SSA_ROUTED (thermoai_ssa_params_init() and NULL params),
                                     _PAPER (0), _IMPORTANCE or _CENTROID */
    uint32_t flags;             /**< THERMOAI_SSA_CAUSAL, THERMOAI_SSA_PORTABLE */
    uint32_t clusters;          /**< \f$k\f$, 1 <= k <= n; 0: round(sqrt n) (Theorem 8.3); routed: ceil(n/16) */
    uint32_t samples;           /**< \f$s\f$, <= n; 0: round(sqrt n). Routed: the most keys routed to a
                                     query cluster; 0: max(64, n/8), at most n */
    uint32_t projection_dim;    /**< \f$m\f$, 1 <= m <= d; 0: min(d, max(8, ceil(2 log2 n))) */
    uint32_t kmeans_iterations; /**< most Lloyd iterations (fewer once converged); 0: 8 */
    uint32_t threads;           /**< threads with --enable-openmp, at most 64 (more: THERMOAI_E_INVALID);
                                     0: omp_get_max_threads(), capped at 64; ignored without OpenMP.
                                     Small phases run on the calling thread */
    uint64_t seed;              /**< seed of the projection, the initial centres and the samples */
    /* --- appended after the first field set (40 bytes); read only from larger structs --- */
    double tolerance;           /**< routed: the relative error \f$\|Y - Y_{exact}\|_F/\|Y_{exact}\|_F\f$ the
                                     error check accepts [dimensionless]; 0: 0.1; negative: no check */
    uint32_t check_rows;        /**< routed: rows computed exactly to estimate the error;
                                     0: min(n, max(64, 4 round(sqrt n))) */
    uint32_t key_groups;        /**< routed: key clusters that summarise the keys not routed; 0: round(sqrt n) */
} thermoai_ssa_params;

/**
 * \brief Measurements of the last thermoai_ssa_execute() (output struct).
 *
 * Set \c struct_size to sizeof before calling thermoai_ssa_get_stats(); the
 * library writes the fields that fit.
 * \since 0.1.0
 */
typedef struct thermoai_ssa_stats {
    uint32_t struct_size;      /**< set by the caller to sizeof(thermoai_ssa_stats) */
    uint32_t clusters;         /**< \f$k\f$ used */
    uint32_t samples;          /**< \f$s\f$ used */
    uint32_t projection_dim;   /**< \f$m\f$ used */
    uint32_t kmeans_iterations;/**< the most Lloyd iterations one run of the last query k-means took
                                    (the first run, each run after a repair, the full-data refinement);
                                    at most the limit */
    uint32_t empty_clusters;   /**< clusters left empty by the last k-means */
    double projection_s;       /**< time of phase 1 by the plan's clock, s; 0 without a clock */
    double clustering_s;       /**< time of phase 2 (and key clustering), s; 0 without a clock */
    double attention_s;        /**< time of phases 3-4, s; 0 without a clock */
    double exact_pairs;        /**< query-key pairs scored exactly (intra-cluster plus sampled) */
    double centroid_terms;     /**< query-centroid pairs scored (centroid variant) */
    double kmeans_objective;   /**< final within-cluster sum of squares of the projected queries */
    double bytes;              /**< memory held by the plan, bytes */
    /* --- appended after the first field set (80 bytes) --- */
    double error_estimate;     /**< routed: estimated \f$\|Y - Y_{exact}\|_F/\|Y_{exact}\|_F\f$ of the output
                                    from the last check's exact rows; NaN for the other variants */
    double error_bound;        /**< routed: the upper confidence bound the check compared with the tolerance */
    double exact_rows;         /**< routed: rows computed exactly (check rows and rows that fell back) */
    double routed_keys;        /**< routed: mean keys per query scored exactly (routed to its cluster) */
    uint32_t fallback;         /**< routed: 0 accepted as approximated, 1 some clusters recomputed exactly,
                                    2 every row exact */
    uint32_t check_rounds;     /**< routed: error checks made (each on fresh rows) */
} thermoai_ssa_stats;

/** Opaque SSA plan. \since 0.1.0 */
typedef struct thermoai_ssa thermoai_ssa;

/**
 * \brief Defaults: variant routed, no flags, every count and the tolerance 0 (their defaults), seed 0.
 *
 * A caller's struct of the first field set (40 bytes) is accepted too: it gets variant
 * routed, and execution uses the defaults of the appended fields.
 * \param[out] params  The struct.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 40.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size below 40 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ssa_params_init(thermoai_ssa_params *params, size_t size);

/**
 * \brief sizeof(thermoai_ssa_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_ssa_params_size(void);

/**
 * \brief sizeof(thermoai_ssa_stats) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_ssa_stats_size(void);

/**
 * \brief Prepares an output struct for thermoai_ssa_get_stats(): zero bytes, \c struct_size = \p size.
 * \param[out] out   The struct.
 * \param[in]  size  sizeof(*out) as compiled by the caller; at least 80.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p out is NULL
 * \retval THERMOAI_E_SIZE  \p size below 80 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ssa_stats_init(thermoai_ssa_stats *out, size_t size);

/**
 * \brief Creates a plan for sequences of \p n tokens with head dimension \p d.
 *
 * Allocates every buffer execution needs, in one block, with malloc: about
 * \f$4n(2d + m + 4) + 4S(T + 2)\f$ bytes, with \f$S = \min(n, \max(4096, 32k))\f$ rows
 * for seeding k-means and \f$T = 2 + \lfloor \ln k \rfloor\f$ candidates, plus
 * \f$4n\f$ bytes and 8 KiB per thread; the centroid variant adds \f$4n(m + 1)\f$
 * and about \f$40kd\f$ bytes per thread. thermoai_ssa_stats.bytes reports the exact size.
 *
 * \param[in]  n       Sequence length, 2 <= n <= 2^28.
 * \param[in]  d       Head dimension, 1 <= d <= 4096.
 * \param[in]  params  Parameters, or NULL for the defaults.
 * \param[out] plan    The plan; NULL on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p plan is NULL
 * \retval THERMOAI_E_SIZE       \c struct_size too small
 * \retval THERMOAI_E_UNSUPPORTED unknown variant or flags, or non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_INVALID    \p n or \p d out of range, \f$k > n\f$, \f$s > n\f$, \f$m > d\f$,
 *                              or more than 64 threads
 * \retval THERMOAI_E_NOMEM      an allocation failed (nothing is leaked)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ssa_create(size_t n, size_t d, const thermoai_ssa_params *params, thermoai_ssa **plan);

/**
 * \brief As thermoai_ssa_create(), with the caller's allocator.
 * \param[in]  n          As thermoai_ssa_create().
 * \param[in]  d          As thermoai_ssa_create().
 * \param[in]  params     As thermoai_ssa_create().
 * \param[in]  allocator  The allocator (copied into the plan; \c alloc and \c release non-NULL),
 *                        or NULL for malloc/free.
 * \param[out] plan       The plan; NULL on error.
 * \retval THERMOAI_OK    success
 * \retval other          as thermoai_ssa_create(); THERMOAI_E_NULL also for a NULL function
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ssa_create_ex(size_t n, size_t d, const thermoai_ssa_params *params,
                           const thermoai_allocator *allocator, thermoai_ssa **plan);

/**
 * \brief Sets the clock that times the phases of later executions.
 *
 * The library reads no clock of its own; with a clock set,
 * thermoai_ssa_get_stats() reports the phase times it measured, otherwise 0.
 * \param[in,out] plan   The plan.
 * \param[in]     clock  The clock, or NULL to stop timing.
 * \param[in]     user   Passed to \p clock unchanged.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p plan is NULL
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ssa_set_clock(thermoai_ssa *plan, thermoai_clock_fn clock, void *user);

/**
 * \brief Approximate attention \f$Y \approx \mathrm{softmax}(QK^\top/\sqrt d)\,V\f$.
 *
 * \param[in,out] plan  The plan (its scratch is overwritten; one execution at a time).
 * \param[in]     q     Queries, n x d row-major float32, finite.
 * \param[in]     k     Keys, n x d row-major, finite.
 * \param[in]     v     Values, n x d row-major, finite.
 * \param[out]    y     Output, n x d row-major; all NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an input holds NaN or infinity
 * \retval THERMOAI_E_RANGE      a score could overflow float (\f$\max_i|q_i| \max_j|k_j| \log_2 e/\sqrt d\f$
 *                              above FLT_MAX/2, so that the result does not depend on which pairs
 *                              are scored), or an output overflowed
 * \par Source
 *   Paper 002, Sec. 8.5, Algorithm 2 (variant THERMOAI_SSA_PAPER); the routed variant:
 *   improved clustered attention (Vyas et al. 2020), routing (Roy et al. 2021), sparse plus
 *   estimated remainder (Chen et al. 2021, Scatterbrain), and an a-posteriori check.
 * \par Thread safety
 *   A plan may not be executed concurrently; distinct plans may.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ssa_execute(thermoai_ssa *plan, const float *q, const float *k, const float *v,
                         float *y);

/**
 * \brief Phase times and counts of the last execution.
 * \param[in]     plan   The plan.
 * \param[in,out] stats  Caller sets \c struct_size; the fields that fit are written. On
 *                       error every double field \c struct_size covers is NaN.
 * \retval THERMOAI_OK      success (all zero before the first execution)
 * \retval THERMOAI_E_NULL  a pointer is NULL
 * \retval THERMOAI_E_SIZE  \c struct_size below 80
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ssa_get_stats(const thermoai_ssa *plan, thermoai_ssa_stats *stats);

#if defined(THERMOAI_EXPERIMENTAL)
/**
 * \brief The query clusters of the last execution: \p assignment[i] in [0, k).
 * \param[in]  plan        The plan.
 * \param[out] assignment  n entries.
 * \retval THERMOAI_OK       success
 * \retval THERMOAI_E_NULL   a pointer is NULL
 * \retval THERMOAI_E_DOMAIN the plan has not been executed
 * \warning Experimental (doc/abi-policy.md): declared only when the program
 *          defines THERMOAI_EXPERIMENTAL before including thermoai.h, exported in
 *          the unfrozen THERMOAI_EXPERIMENTAL version node, and free to change
 *          or disappear in any release.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ssa_clusters(const thermoai_ssa *plan, uint32_t *assignment);

#endif /* THERMOAI_EXPERIMENTAL */

/**
 * \brief Frees a plan; NULL is allowed.
 * \param[in] plan  The plan or NULL.
 * \since 0.1.0
 */
THERMOAI_API void thermoai_ssa_free(thermoai_ssa *plan);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SSA_H */
