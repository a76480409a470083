/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/ib.h
 * \brief The information bottleneck: the iterative algorithm on a joint pmf
 *        \f$p(x,y)\f$, the information curve over \f$\beta\f$, and the energy bound
 *        \f$E_{\min}(I_0) = k_B T \ln 2 \cdot \Phi^{-1}(I_0)\f$ (paper 002 Theorem 3.12).
 *
 * For a representation \f$Z\f$ of \f$X\f$ with \f$n_z\f$ values and the Markov chain
 * \f$Y - X - Z\f$, the bottleneck minimises \f$\mathcal L = I(X;Z) - \beta\, I(Z;Y)\f$ over
 * encoders \f$p(z|x)\f$. The iteration (Tishby, Pereira and Bialek 1999) is
 * \f[ p(z) = \sum_x p(x) p(z|x),\quad p(y|z) = \frac{\sum_x p(x,y) p(z|x)}{p(z)},\quad
 *     p(z|x) \propto p(z)\, e^{-\beta\, \mathrm{KL}[p(y|x) \,\|\, p(y|z)]}, \f]
 * computed as a row softmax of \f$\ln p(z) + \beta \sum_y p(y|x) \ln p(y|z)\f$ (the
 * \f$-H(Y|X=x)\f$ part of the divergence is the same for every \f$z\f$ and cancels).
 * \f$\mathcal L\f$ never increases from one iteration to the next; an execution stops
 * when an iteration changes neither \f$I(X;Z)\f$ nor \f$I(Z;Y)\f$ by more than the
 * tolerance. (A test on the decrease of \f$\mathcal L\f$ would stop too early: near a
 * stationary point \f$\mathcal L\f$ moves with the square of the encoder's error.) The algorithm finds a stationary
 * point, not necessarily the global optimum: executions along increasing
 * \f$\beta\f$ from a warm start (deterministic annealing) find the good branch.
 *
 * **Always true**, whatever the encoder (data processing): \f$I(Z;Y) \le I(X;Y)\f$,
 * \f$I(Z;Y) \le I(X;Z) \le \min(H(X), \log_2 n_z)\f$; the results are clamped to these
 * bounds against rounding.
 *
 * **Starts.** The first execution starts from a random encoder drawn from the
 * seed (rows Dirichlet(1)). Later executions continue from the last encoder;
 * when \f$\beta\f$ changes it is first mixed 99:1 with that random encoder, so that
 * a collapsed solution (all rows equal, a fixed point at every \f$\beta\f$) can
 * leave the trivial branch. #THERMOAI_IB_COLD restarts every execution from the
 * random encoder; thermoai_ib_set_encoder() sets the next start exactly.
 *
 * Execution allocates nothing. Kernels as in rd.h (AVX-512F, AVX2+FMA or portable C).
 *
 * \par References
 *   N. Tishby, F. C. Pereira and W. Bialek, "The information bottleneck method",
 *   Proc. 37th Allerton Conference, 1999, arXiv:physics/0004057; R. Gilad-Bachrach,
 *   A. Navot and N. Tishby, "An information theoretic tradeoff between complexity
 *   and accuracy", COLT 2003 (concavity of the information curve).
 */
#ifndef THERMOAI_IB_H
#define THERMOAI_IB_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/ib.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Restart every execution from the seeded random encoder. \since 0.1.0 */
#define THERMOAI_IB_COLD 0x1u
/** Use the portable C kernels even where SIMD kernels are available. \since 0.1.0 */
#define THERMOAI_IB_PORTABLE 0x2u

/**
 * \brief Settings of a bottleneck solver (size-field struct); 0 means the default.
 * \since 0.1.0
 */
typedef struct thermoai_ib_params {
    uint32_t struct_size;    /**< sizeof(thermoai_ib_params); set by thermoai_ib_params_init() */
    uint32_t flags;          /**< #THERMOAI_IB_COLD, #THERMOAI_IB_PORTABLE */
    uint32_t max_iterations; /**< most iterations per execution; 0: 100000 */
    uint32_t reserved;       /**< must be 0 */
    double tolerance_bits;   /**< stop when neither information moves by more than this in an
                                  iteration, bits, >= 0; 0: 1e-10 */
    uint64_t seed;           /**< seed of the random encoder */
} thermoai_ib_params;

/**
 * \brief One point of the information curve (output struct).
 *
 * Set \c struct_size to sizeof before the call; the library writes the fields
 * that fit (doubles NaN on error).
 * \since 0.1.0
 */
typedef struct thermoai_ib_result {
    uint32_t struct_size;   /**< set by the caller */
    uint32_t iterations;    /**< iterations this execution made */
    double beta;            /**< the trade-off parameter \f$\beta\f$ */
    double ixz_bits;        /**< \f$I(X;Z)\f$ of the encoder, bits */
    double izy_bits;        /**< \f$I(Z;Y)\f$ of the encoder, bits */
    double functional_bits; /**< \f$I(X;Z) - \beta\, I(Z;Y)\f$, bits */
} thermoai_ib_result;

/** Opaque bottleneck solver. \since 0.1.0 */
typedef struct thermoai_ib thermoai_ib;

/**
 * \brief Defaults: no flags, 100000 iterations, tolerance 1e-10 bits, seed 0.
 * \param[out] params  The struct.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 32.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size below 32 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_params_init(thermoai_ib_params *params, size_t size);

/**
 * \brief sizeof(thermoai_ib_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_ib_params_size(void);

/**
 * \brief Prepares a result struct: zero bytes, \c struct_size = \p size.
 * \param[out] result  The struct.
 * \param[in]  size    sizeof(*result) as compiled by the caller; at least 40.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p result is NULL
 * \retval THERMOAI_E_SIZE  \p size below 40 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_result_init(thermoai_ib_result *result, size_t size);

/**
 * \brief sizeof(thermoai_ib_result) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_ib_result_size(void);

/**
 * \brief Creates a solver for a joint pmf (copied) and a representation with \p nz values.
 *
 * Allocates about \f$8\,(2 n_x n_y + 4 n_x n_z + 2 n_z n_y)\f$ bytes (rows padded
 * to 8 doubles) in two blocks, and draws the random encoder.
 * \param[in]  joint   The value \f$p(x,y)\f$, \p nx x \p ny row-major, a pmf (pmf.h rules). [dimensionless]
 * \param[in]  nx      Values of \f$X\f$, >= 1.
 * \param[in]  ny      Values of \f$Y\f$, >= 1.
 * \param[in]  nz      Values of \f$Z\f$, >= 1; each of \p nx, \p ny, \p nz at most 2^24.
 * \param[in]  params  Settings, or NULL for the defaults.
 * \param[out] ib      The solver; NULL on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_NONFINITE   an entry of \p joint or the tolerance is NaN or infinite
 * \retval THERMOAI_E_INVALID     \p joint is not a pmf, a size is 0 or too large, or the tolerance is negative
 * \retval THERMOAI_E_SIZE        \c struct_size too small
 * \retval THERMOAI_E_UNSUPPORTED unknown flags, \c reserved non-zero, or non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_NOMEM       an allocation failed (nothing is leaked)
 * \par Source
 *   Tishby, Pereira and Bialek (1999), Sec. 4.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_create(const double *joint, size_t nx, size_t ny, size_t nz,
                       const thermoai_ib_params *params, thermoai_ib **ib);

/**
 * \brief As thermoai_ib_create(), with the caller's allocator.
 * \param[in]  joint      As thermoai_ib_create(). [dimensionless]
 * \param[in]  nx         As thermoai_ib_create().
 * \param[in]  ny         As thermoai_ib_create().
 * \param[in]  nz         As thermoai_ib_create().
 * \param[in]  params     As thermoai_ib_create().
 * \param[in]  allocator  The allocator (copied; \c alloc and \c release non-NULL), or NULL for malloc/free.
 * \param[out] ib         The solver; NULL on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_ib_create(); THERMOAI_E_NULL also for a NULL function
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_create_ex(const double *joint, size_t nx, size_t ny, size_t nz,
                          const thermoai_ib_params *params, const thermoai_allocator *allocator,
                          thermoai_ib **ib);

/**
 * \brief Iterates at \p beta until the informations stop moving (by more than the tolerance).
 * \param[in,out] ib      The solver (its encoder is updated).
 * \param[in]     beta    The value \f$\beta\f$. [dimensionless]. Finite, > 0, at most 1e12.
 * \param[in,out] result  Caller sets \c struct_size; NaN doubles on error.
 * \retval THERMOAI_OK              converged
 * \retval THERMOAI_E_NULL          a pointer is NULL
 * \retval THERMOAI_E_NONFINITE     \p beta is NaN or infinite
 * \retval THERMOAI_E_INVALID       \p beta <= 0 or > 1e12
 * \retval THERMOAI_E_SIZE          \c struct_size below 40
 * \retval THERMOAI_E_NO_CONVERGENCE the iteration limit was reached (execute again to continue)
 * \par Source
 *   Tishby, Pereira and Bialek (1999), Theorem 5 (the self-consistent equations);
 *   paper 002 Theorem 3.12 (\f$\mathcal L_{IB}\f$).
 * \par Thread safety
 *   One execution per solver at a time; distinct solvers may run concurrently.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_execute(thermoai_ib *ib, double beta, thermoai_ib_result *result);

/**
 * \brief Exactly \p count iterations at \p beta, without a stopping test.
 *
 * Reports the encoder the last iteration started from; consecutive calls at
 * the same \p beta continue one sequence of iterations.
 * \param[in,out] ib      The solver.
 * \param[in]     beta    The value \f$\beta\f$. [dimensionless]. Finite, > 0, at most 1e12.
 * \param[in]     count   Iterations, >= 1.
 * \param[in,out] result  Caller sets \c struct_size.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_ib_execute() (THERMOAI_E_INVALID also for \p count 0)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_iterate(thermoai_ib *ib, double beta, uint32_t count, thermoai_ib_result *result);

/**
 * \brief The information curve: thermoai_ib_execute() at each \f$\beta\f$ in turn, warm-started.
 *
 * Give the \f$\beta\f$ in increasing order (annealing).
 * \param[in,out] ib        The solver.
 * \param[in]     betas     \p count values of \f$\beta\f$. [dimensionless]. Each finite, in (0, 1e12].
 * \param[in]     count     Number of points, >= 1.
 * \param[out]    ixz_bits  \p count values of \f$I(X;Z)\f$. Unit: bit. All NaN on error.
 * \param[out]    izy_bits  \p count values of \f$I(Z;Y)\f$. Unit: bit. All NaN on error.
 * \retval THERMOAI_OK  every point converged
 * \retval other        the first failing point's status (THERMOAI_E_INVALID also for \p count 0)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_curve(thermoai_ib *ib, const double *betas, size_t count, double *ixz_bits,
                      double *izy_bits);

/**
 * \brief The encoder \f$p(z|x)\f$ the next iteration starts from (after a converged execution: its result's).
 * \param[in]  ib       The solver.
 * \param[out] encoder  \p nx x \p nz row-major; each row a pmf. [dimensionless]
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  a pointer is NULL
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_encoder(const thermoai_ib *ib, double *encoder);

/**
 * \brief Sets the encoder the next execution starts from, exactly (no mixing, even with #THERMOAI_IB_COLD).
 * \param[in,out] ib       The solver.
 * \param[in]     encoder  \p nx x \p nz row-major; each row a pmf (pmf.h rules). [dimensionless]
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an entry is NaN or infinite
 * \retval THERMOAI_E_INVALID    a row is not a pmf (the solver is unchanged)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_set_encoder(thermoai_ib *ib, const double *encoder);

/**
 * \brief Name of the kernels a solver uses: "AVX-512F", "AVX2+FMA" or "portable C".
 * \param[in]  ib    The solver.
 * \param[out] name  A static string.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  a pointer is NULL
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_kernel_name(const thermoai_ib *ib, const char **name);

/**
 * \brief Frees a solver; NULL is allowed.
 * \param[in] ib  The solver.
 * \since 0.1.0
 */
THERMOAI_API void thermoai_ib_free(thermoai_ib *ib);

/**
 * \brief The value \f$\Phi^{-1}(I_0)\f$ from points of an information curve: the least \f$I(X;Z)\f$ with \f$I(Z;Y) \ge I_0\f$.
 *
 * Over the given points, the origin (a constant \f$Z\f$), and their time-sharings
 * (the convex hull: any mixture of two encoders, with a switch variable in
 * \f$Z\f$, is achievable):
 * \f$\min \{ \theta a_i + (1-\theta) a_j : \theta b_i + (1-\theta) b_j \ge I_0 \}\f$. The points
 * are achievable, so this is an upper bound on the true \f$\Phi^{-1}(I_0)\f$ (tight
 * when the points lie on the curve); \f$I_0\f$ itself is a lower bound
 * (\f$I(X;Z) \ge I(Z;Y)\f$).
 * \param[in]  ixz_bits     \p count values of \f$I(X;Z)\f$. Unit: bit. Finite, >= 0.
 * \param[in]  izy_bits     \p count values of \f$I(Z;Y)\f$. Unit: bit. Finite, >= 0.
 * \param[in]  count        Number of points, >= 1.
 * \param[in]  target_bits  The value \f$I_0\f$. Unit: bit. Finite, >= 0.
 * \param[out] min_ixz_bits The value \f$\Phi^{-1}(I_0)\f$ (0 for \f$I_0 = 0\f$). Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  a value is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p count is 0 or a value is negative
 * \retval THERMOAI_E_DOMAIN     \p target_bits exceeds every \f$I(Z;Y)\f$ given (the curve does not reach it)
 * \par Source
 *   Paper 002 Theorem 3.12 (\f$\Phi\f$ concave, \f$\min_{I(Z;Y)\ge I_0} I(X;Z)\f$).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_min_rate_bits(const double *ixz_bits, const double *izy_bits, size_t count,
                              double target_bits, double *min_ixz_bits);

/**
 * \brief Energy bound of Theorem 3.12 from curve points: \f$k_B T \ln 2 \cdot \Phi^{-1}(I_0)\f$.
 *
 * thermoai_ib_min_rate_bits() and thermoai_landauer_energy_j(). The bound holds for
 * an implementation that erases the \f$I(X;Z)\f$ bits it encodes (the theorem's proof
 * applies Landauer's principle to encoding; only erasure has a thermodynamic
 * floor, doc/information-theory.md).
 * \param[in]  ixz_bits       \p count values of \f$I(X;Z)\f$. Unit: bit. Finite, >= 0.
 * \param[in]  izy_bits       \p count values of \f$I(Z;Y)\f$. Unit: bit. Finite, >= 0.
 * \param[in]  count          Number of points, >= 1.
 * \param[in]  target_bits    The value \f$I_0\f$. Unit: bit. Finite, >= 0.
 * \param[in]  temperature_k  Bath temperature \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The value \f$E_{\min}(I_0)\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_ib_min_rate_bits() and thermoai_landauer_energy_j()
 * \par Source
 *   Paper 002 Theorem 3.12.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ib_energy_j(const double *ixz_bits, const double *izy_bits, size_t count,
                         double target_bits, double temperature_k, double *energy_j);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_IB_H */
