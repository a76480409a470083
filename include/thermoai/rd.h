/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/rd.h
 * \brief Rate-distortion: the Gaussian and Bernoulli closed forms, the energy
 *        bound \f$E_{\min}(D) = k_B T \ln 2 \cdot R(D)\f$ (paper 002 Theorem 3.13), and
 *        the Blahut-Arimoto algorithm for any discrete source and distortion matrix.
 *
 * \f[ R(D) = \min_{p(\hat x|x):\ \mathbb{E}\,d(X,\hat X) \le D} I(X;\hat X) \f]
 * in bits. \f$R\f$ is convex and non-increasing in \f$D\f$; it is \f$+\infty\f$ below
 * \f$D_{\min} = \sum_x p(x) \min_{\hat x} d(x, \hat x)\f$ and 0 from
 * \f$D_{\max} = \min_{\hat x} \sum_x p(x) d(x, \hat x)\f$ on.
 *
 * **Blahut-Arimoto** (thermoai_rd_ba). For a slope \f$s \le 0\f$ of the curve, in
 * bits per unit of distortion (\f$s = R'(D)\f$), with \f$A(x,\hat x) = 2^{s\,(d(x,\hat x) - d_{\min}(x))}\f$
 * (the row minimum subtracted, so no entry overflows or underflows for any
 * finite slope) and an output pmf \f$q\f$, each iteration is
 * \f[ c(x) = \sum_{\hat x} q(\hat x) A(x,\hat x),\qquad
 *     \lambda(\hat x) = \sum_x \frac{p(x) A(x,\hat x)}{c(x)},\qquad q \leftarrow q\,\lambda, \f]
 * one pass over \f$A\f$ (computed once per slope). The test channel of \f$q\f$ is
 * \f$Q(\hat x|x) = q(\hat x) A(x,\hat x)/c(x)\f$; its rate \f$I(p, Q)\f$ is achievable at its
 * distortion \f$D(Q)\f$, so it is an upper bound on \f$R(D(Q))\f$, and Blahut's
 * supporting line gives a lower bound valid at every \f$D\f$:
 * \f[ R(D) \;\ge\; s D - \textstyle\sum_x p(x) \log_2 c_s(x) - \log_2 \max_{\hat x} \lambda(\hat x) \f]
 * (\f$c_s\f$ with the unshifted \f$2^{s d}\f$). The iteration stops when the two differ
 * by at most the tolerance: \f$\log_2 \max \lambda - \sum q \lambda \log_2 \lambda \le\f$
 * \c tolerance_bits. So on success \f$R(D) \in [\f$\c rate_lower_bits, \c rate_bits\f$]\f$
 * at the returned distortion: the tolerance is a certified error bound. The
 * Lagrangian \f$I - s\,(D - D_{\min})\f$ is non-increasing from iteration to iteration.
 *
 * A target distortion \f$D^*\f$ (thermoai_rd_ba_execute_distortion()) is found by a
 * safeguarded secant search on the slope; the returned point is the time-sharing
 * of two converged channels on either side of \f$D^*\f$ (achievable, by convexity),
 * with the best supporting line as lower bound, again certified to the tolerance.
 *
 * **Warm start.** A solver keeps its output pmf between executions: a curve
 * traced slope by slope (thermoai_rd_ba_curve()) starts each point from the
 * previous one. When the slope changes, every entry of \f$q\f$ is first lifted by
 * \f$10^{-9}/n_{\hat x}\f$ (then renormalised), so that no output symbol that has
 * died out at one slope stays extinct at the next. #THERMOAI_RD_BA_COLD starts
 * every execution from the uniform pmf instead.
 *
 * **Kernels.** AVX-512F or AVX2+FMA where the CPU has them (selected at run time;
 * #THERMOAI_RD_BA_PORTABLE forces portable C): \f$2^{s d}\f$ by a degree-13
 * polynomial with exact scaling (within 2 ulp of libm's \c exp; entries below
 * \f$2^{-1022}\f$ are 0, as in the portable path), the pass by fused multiply-add.
 * Paths agree to rounding (about \f$10^{-15}\f$ relative in rate and distortion);
 * each path gives the same bits for the same calls on any machine that runs it.
 * Execution allocates nothing.
 *
 * \par References
 *   R. E. Blahut, "Computation of channel capacity and rate-distortion functions",
 *   IEEE Trans. Inf. Theory 18(4):460-473, 1972 (the iteration and the bounds);
 *   S. Arimoto, IEEE Trans. Inf. Theory 18(1):14-20, 1972; T. M. Cover and
 *   J. A. Thomas, Elements of Information Theory, 2nd ed., Sec. 10.3 and 10.8.
 */
#ifndef THERMOAI_RD_H
#define THERMOAI_RD_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/rd.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- closed forms ---------------------------------------------------------------- */

/**
 * \brief The value \f$R(D)\f$ of a Gaussian source under squared error: \f$\tfrac12 \log_2(\sigma^2/D)\f$, 0 for \f$D \ge \sigma^2\f$.
 * \param[in]  variance    Source variance \f$\sigma^2\f$. Unit: (source unit)^2. Finite, > 0.
 * \param[in]  distortion  Mean squared error \f$D\f$. Unit: (source unit)^2. Finite, > 0.
 * \param[out] rate_bits   The value \f$R(D)\f$. Unit: bit per source sample. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p rate_bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p variance <= 0 or \p distortion < 0
 * \retval THERMOAI_E_DOMAIN     \p distortion is 0 (\f$R(0) = +\infty\f$ for a continuous source)
 * \par Source
 *   Shannon (1959); paper 002 Remark 3.4 (written there with an unspecified log:
 *   base 2 makes it bits, as Theorem 3.13's \f$k_B T \ln 2\f$ per bit requires).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_gaussian_bits(double variance, double distortion, double *rate_bits);

/**
 * \brief Inverse of the Gaussian \f$R(D)\f$: \f$D(R) = \sigma^2\, 2^{-2R}\f$.
 * \param[in]  variance    Source variance \f$\sigma^2\f$. Unit: (source unit)^2. Finite, > 0.
 * \param[in]  rate_bits   Rate \f$R\f$. Unit: bit per source sample. Finite, >= 0.
 * \param[out] distortion  The value \f$D(R)\f$. Unit: (source unit)^2. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p distortion is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p variance <= 0 or \p rate_bits < 0
 * \retval THERMOAI_E_RANGE      the result underflows
 * \par Source
 *   Cover and Thomas (2006), Theorem 10.3.2.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_gaussian_distortion(double variance, double rate_bits, double *distortion);

/**
 * \brief The value \f$R(D)\f$ of a Bernoulli(\f$p\f$) source under Hamming distortion: \f$H_b(p) - H_b(D)\f$ for \f$D < \min(p, 1-p)\f$, else 0.
 *
 * \f$H_b(x) = -x \log_2 x - (1-x)\log_2(1-x)\f$, evaluated with \c log1p; absolute
 * error below \f$4 \times 10^{-16}\f$.
 * \param[in]  p           The value \f$P(X = 1)\f$. [dimensionless]. Finite, in [0, 1].
 * \param[in]  distortion  Bit error probability \f$D\f$. [dimensionless]. Finite, >= 0.
 * \param[out] rate_bits   The value \f$R(D)\f$. Unit: bit per source symbol. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p rate_bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p p outside [0, 1] or \p distortion < 0
 * \retval THERMOAI_E_RANGE      the result is non-zero but below the normal range
 * \par Source
 *   Cover and Thomas (2006), Theorem 10.3.1; paper 002 Remark 3.4.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_bernoulli_bits(double p, double distortion, double *rate_bits);

/**
 * \brief Energy bound of a Gaussian source: \f$E_{\min}(D) = k_B T \ln 2 \cdot \tfrac12 \log_2(\sigma^2/D)\f$.
 *
 * The kT ln 2 part is thermoai_landauer_energy_j(). A lower bound on the heat of
 * any implementation that irreversibly erases at least \f$R(D)\f$ bits per sample
 * (the hypothesis of Theorem 3.13).
 * \param[in]  variance       The value \f$\sigma^2\f$. Unit: (source unit)^2. Finite, > 0.
 * \param[in]  distortion     The value \f$D\f$. Unit: (source unit)^2. Finite, > 0.
 * \param[in]  temperature_k  Bath temperature \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The value \f$E_{\min}(D)\f$ per source sample. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success (0 J for \f$D \ge \sigma^2\f$)
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p variance <= 0, \p distortion < 0 or \p temperature_k <= 0
 * \retval THERMOAI_E_DOMAIN     \p distortion is 0
 * \retval THERMOAI_E_RANGE      the result is out of the range of double
 * \par Source
 *   Paper 002 Theorem 3.13 and Remark 3.4.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_gaussian_energy_j(double variance, double distortion, double temperature_k,
                                  double *energy_j);

/**
 * \brief Energy bound of a Bernoulli source: \f$E_{\min}(D) = k_B T \ln 2\, [H_b(p) - H_b(D)]^+\f$.
 * \param[in]  p              The value \f$P(X = 1)\f$. [dimensionless]. Finite, in [0, 1].
 * \param[in]  distortion     The value \f$D\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  temperature_k  Bath temperature \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The value \f$E_{\min}(D)\f$ per source symbol. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p p outside [0, 1], \p distortion < 0 or \p temperature_k <= 0
 * \retval THERMOAI_E_RANGE      the result is out of the range of double
 * \par Source
 *   Paper 002 Theorem 3.13 and Remark 3.4.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_bernoulli_energy_j(double p, double distortion, double temperature_k,
                                   double *energy_j);

/* ---- Blahut-Arimoto ------------------------------------------------------------------ */

/** Start every execution from the uniform output pmf instead of the last one. \since 0.1.0 */
#define THERMOAI_RD_BA_COLD 0x1u
/** Use the portable C kernels even where SIMD kernels are available. \since 0.1.0 */
#define THERMOAI_RD_BA_PORTABLE 0x2u

/**
 * \brief Settings of a Blahut-Arimoto solver (size-field struct); 0 means the default.
 * \since 0.1.0
 */
typedef struct thermoai_rd_ba_params {
    uint32_t struct_size;    /**< sizeof(thermoai_rd_ba_params); set by thermoai_rd_ba_params_init() */
    uint32_t flags;          /**< #THERMOAI_RD_BA_COLD, #THERMOAI_RD_BA_PORTABLE */
    uint32_t max_iterations; /**< most iterations per execution (a target distortion: all slopes
                                  together); 0: 100000 */
    uint32_t reserved;       /**< must be 0 */
    double tolerance_bits;   /**< largest accepted rate_bits - rate_lower_bits, bits, >= 0; 0: 1e-6 */
} thermoai_rd_ba_params;

/**
 * \brief One point of the curve from a solver (output struct).
 *
 * Set \c struct_size to sizeof before the call; the library writes the fields
 * that fit (doubles NaN on error).
 * \since 0.1.0
 */
typedef struct thermoai_rd_ba_result {
    uint32_t struct_size;   /**< set by the caller */
    uint32_t iterations;    /**< iterations this execution made */
    double slope_bits;      /**< slope \f$s\f$ of the supporting line, bit per unit of distortion, <= 0;
                                 -DBL_MAX stands for \f$-\infty\f$ at \f$D = D_{\min}\f$ */
    double distortion;      /**< \f$D\f$ of the returned channel, in the matrix's unit */
    double rate_bits;       /**< the channel's rate: achievable at \c distortion, so \f$\ge R(D)\f$, bits */
    double rate_lower_bits; /**< Blahut's lower bound on \f$R(D)\f$ at \c distortion, bits (>= 0) */
    double lagrangian_bits; /**< \f$I - s\,(D - D_{\min})\f$ of the channel, bits; non-increasing
                                 over iterations (the rate itself at \f$D_{\min}\f$) */
} thermoai_rd_ba_result;

/** Opaque Blahut-Arimoto solver. \since 0.1.0 */
typedef struct thermoai_rd_ba thermoai_rd_ba;

/**
 * \brief Defaults: no flags, 100000 iterations, tolerance 1e-6 bits (all fields 0).
 * \param[out] params  The struct.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 24.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size below 24 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_params_init(thermoai_rd_ba_params *params, size_t size);

/**
 * \brief sizeof(thermoai_rd_ba_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_rd_ba_params_size(void);

/**
 * \brief Prepares a result struct: zero bytes, \c struct_size = \p size.
 * \param[out] result  The struct.
 * \param[in]  size    sizeof(*result) as compiled by the caller; at least 48.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p result is NULL
 * \retval THERMOAI_E_SIZE  \p size below 48 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_result_init(thermoai_rd_ba_result *result, size_t size);

/**
 * \brief sizeof(thermoai_rd_ba_result) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_rd_ba_result_size(void);

/**
 * \brief Creates a solver for a source pmf and a distortion matrix (both copied).
 *
 * Allocates \f$16\,n_x n_{\hat x} + 8(4 n_x + 5 n_{\hat x})\f$ bytes and a few cache lines,
 * in two blocks. The output pmf starts uniform.
 * \param[in]  source      The value \f$p(x)\f$, a pmf of \p nx entries (pmf.h rules). [dimensionless]
 * \param[in]  nx          Source alphabet size, >= 1.
 * \param[in]  distortion  The value \f$d(x,\hat x)\f$, \p nx x \p nxhat row-major, finite, >= 0.
 *                         Unit: any (the unit of every distortion of this solver).
 * \param[in]  nxhat       Reproduction alphabet size, >= 1; \p nx * \p nxhat <= 2^40.
 * \param[in]  params      Settings, or NULL for the defaults.
 * \param[out] solver      The solver; NULL on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_NONFINITE   an entry of \p source, \p distortion or the tolerance is NaN or infinite
 * \retval THERMOAI_E_INVALID     \p source is not a pmf, a distortion is negative, a size is 0
 *                                or too large, or the tolerance is negative
 * \retval THERMOAI_E_SIZE        \c struct_size too small
 * \retval THERMOAI_E_UNSUPPORTED unknown flags, \c reserved non-zero, or non-zero bytes beyond this
 *                                library's struct
 * \retval THERMOAI_E_NOMEM       an allocation failed (nothing is leaked)
 * \par Source
 *   Blahut (1972), Sec. III.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_create(const double *source, size_t nx, const double *distortion,
                          size_t nxhat, const thermoai_rd_ba_params *params,
                          thermoai_rd_ba **solver);

/**
 * \brief As thermoai_rd_ba_create(), with the caller's allocator.
 * \param[in]  source      As thermoai_rd_ba_create(). [dimensionless]
 * \param[in]  nx          As thermoai_rd_ba_create().
 * \param[in]  distortion  As thermoai_rd_ba_create(). Unit: any.
 * \param[in]  nxhat       As thermoai_rd_ba_create().
 * \param[in]  params      As thermoai_rd_ba_create().
 * \param[in]  allocator   The allocator (copied; \c alloc and \c release non-NULL), or NULL for malloc/free.
 * \param[out] solver      The solver; NULL on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_rd_ba_create(); THERMOAI_E_NULL also for a NULL function
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_create_ex(const double *source, size_t nx, const double *distortion,
                             size_t nxhat, const thermoai_rd_ba_params *params,
                             const thermoai_allocator *allocator, thermoai_rd_ba **solver);

/**
 * \brief The value \f$D_{\min}\f$ and \f$D_{\max}\f$ of the solver's problem.
 *
 * \f$D_{\min} = \sum_x p(x)\min_{\hat x} d(x,\hat x)\f$: no lower distortion is achievable
 * (\f$R\f$ is finite at \f$D_{\min}\f$). \f$D_{\max} = \min_{\hat x} \sum_x p(x) d(x,\hat x)\f$: \f$R = 0\f$
 * from there on (one constant reproduction).
 * \param[in]  solver  The solver.
 * \param[out] dmin    The value \f$D_{\min}\f$. Unit: the distortion matrix's. NaN on error.
 * \param[out] dmax    The value \f$D_{\max} \ge D_{\min}\f$. Unit: the distortion matrix's. NaN on error.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  a pointer is NULL
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_distortion_range(const thermoai_rd_ba *solver, double *dmin, double *dmax);

/**
 * \brief The point of the curve with slope \p slope_bits: iterates until converged.
 *
 * Every output pmf is optimal at slope 0 (the curve is flat there): the result
 * is then rate 0 at the distortion of the current pmf, without iterating.
 * \param[in,out] solver      The solver (its output pmf is updated).
 * \param[in]     slope_bits  The value \f$s = R'(D)\f$. Unit: bit per unit of distortion. Finite, <= 0.
 * \param[in,out] result      Caller sets \c struct_size; NaN doubles on error.
 * \retval THERMOAI_OK              converged: rate_bits - rate_lower_bits <= tolerance
 * \retval THERMOAI_E_NULL          a pointer is NULL
 * \retval THERMOAI_E_NONFINITE     \p slope_bits is NaN or infinite
 * \retval THERMOAI_E_INVALID       \p slope_bits > 0
 * \retval THERMOAI_E_SIZE          \c struct_size below 48
 * \retval THERMOAI_E_NO_CONVERGENCE the iteration limit was reached (the solver keeps its
 *                                  last pmf: execute again to continue)
 * \retval THERMOAI_E_LOSS          a normaliser \f$c(x)\f$ underflowed (only for absurd slopes)
 * \par Source
 *   Blahut (1972), Theorems 6 and 8 (iteration and bounds); paper 002 Theorem 3.13.
 * \par Thread safety
 *   One execution per solver at a time; distinct solvers may run concurrently.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_execute(thermoai_rd_ba *solver, double slope_bits,
                           thermoai_rd_ba_result *result);

/**
 * \brief The value \f$R(D^*)\f$ at a target distortion: searches the slope, then time-shares two points.
 *
 * Below \f$D_{\min}\f$ there is no answer; at \f$D_{\min}\f$ the slope is \f$-\infty\f$ and the
 * iteration runs on the support \f$\{d(x,\hat x) = d_{\min}(x)\}\f$; from \f$D_{\max}\f$ on the
 * result is rate 0 at \f$D_{\max}\f$ (the best constant reproduction), without iterating.
 * \param[in,out] solver      The solver.
 * \param[in]     distortion  The value \f$D^*\f$. Unit: the distortion matrix's. Finite, >= 0.
 * \param[in,out] result      Caller sets \c struct_size. On success \c distortion is \f$D^*\f$
 *                            (\f$D_{\max}\f$ when \f$D^* > D_{\max}\f$) and \f$R(D^*)\f$ lies in
 *                            [\c rate_lower_bits, \c rate_bits].
 * \retval THERMOAI_OK              success
 * \retval THERMOAI_E_NULL          a pointer is NULL
 * \retval THERMOAI_E_NONFINITE     \p distortion is NaN or infinite
 * \retval THERMOAI_E_INVALID       \p distortion < 0
 * \retval THERMOAI_E_SIZE          \c struct_size below 48
 * \retval THERMOAI_E_DOMAIN        \p distortion < \f$D_{\min}\f$: no channel achieves it (\f$R = +\infty\f$)
 * \retval THERMOAI_E_NO_CONVERGENCE the iteration limit was reached
 * \retval THERMOAI_E_LOSS          a normaliser underflowed
 * \par Source
 *   Blahut (1972), Sec. III; paper 002 Theorem 3.13.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_execute_distortion(thermoai_rd_ba *solver, double distortion,
                                      thermoai_rd_ba_result *result);

/**
 * \brief Exactly \p count iterations at slope \p slope_bits, without a convergence test.
 *
 * Reports the point of the pmf the last iteration started from; the solver
 * keeps the updated pmf, so consecutive calls continue one sequence of
 * iterations (the lift of warm starts is applied only when the slope changes).
 * For watching convergence (rate_bits - rate_lower_bits, lagrangian_bits).
 * \param[in,out] solver      The solver.
 * \param[in]     slope_bits  The value \f$s\f$. Unit: bit per unit of distortion. Finite, <= 0.
 * \param[in]     count       Iterations, >= 1.
 * \param[in,out] result      Caller sets \c struct_size.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  \p slope_bits is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p slope_bits > 0 or \p count is 0
 * \retval THERMOAI_E_SIZE       \c struct_size below 48
 * \retval THERMOAI_E_LOSS       a normaliser underflowed
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_iterate(thermoai_rd_ba *solver, double slope_bits, uint32_t count,
                           thermoai_rd_ba_result *result);

/**
 * \brief Traces the curve: thermoai_rd_ba_execute() at each slope in turn, warm-started.
 *
 * Order the slopes monotonically (steep to flat or flat to steep) for the best
 * warm starts.
 * \param[in,out] solver       The solver.
 * \param[in]     slopes_bits  \p count slopes. Unit: bit per unit of distortion. Finite, <= 0.
 * \param[in]     count        Number of points, >= 1.
 * \param[out]    distortion   \p count distortions. Unit: the distortion matrix's. All NaN on error.
 * \param[out]    rate_bits    \p count rates (achievable, within the tolerance of \f$R(D)\f$).
 *                             Unit: bit. All NaN on error.
 * \retval THERMOAI_OK  every point converged
 * \retval other        the first failing point's status, as thermoai_rd_ba_execute()
 *                      (THERMOAI_E_INVALID also for \p count 0)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_curve(thermoai_rd_ba *solver, const double *slopes_bits, size_t count,
                         double *distortion, double *rate_bits);

/**
 * \brief The output pmf \f$q(\hat x)\f$ the next iteration starts from.
 * \param[in]  solver  The solver.
 * \param[out] pmf     \p nxhat entries. [dimensionless]
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  a pointer is NULL
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_output_pmf(const thermoai_rd_ba *solver, double *pmf);

/**
 * \brief The test channel \f$Q(\hat x|x)\f$ of the last successful execution's point.
 *
 * For a target distortion, the time-sharing mixture of the two channels; each
 * row is a pmf.
 * \param[in]  solver   The solver.
 * \param[out] channel  \p nx x \p nxhat row-major. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  a pointer is NULL
 * \retval THERMOAI_E_DOMAIN no execution has succeeded yet
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_channel(const thermoai_rd_ba *solver, double *channel);

/**
 * \brief Name of the kernels a solver uses: "AVX-512F", "AVX2+FMA" or "portable C".
 * \param[in]  solver  The solver.
 * \param[out] name    A static string.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  a pointer is NULL
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_rd_ba_kernel_name(const thermoai_rd_ba *solver, const char **name);

/**
 * \brief Frees a solver; NULL is allowed.
 * \param[in] solver  The solver.
 * \since 0.1.0
 */
THERMOAI_API void thermoai_rd_ba_free(thermoai_rd_ba *solver);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_RD_H */
