/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/scheduler.h
 * \brief Algorithm 1 of paper 002 (the energy-aware training scheduler) as a handle
 *        driven by the caller's loss and energy measurements.
 *
 * The paper's Algorithm 1 reads: for \f$t = 1 \dots H\f$, measure the energy per step,
 * "estimate marginal utility \f$\partial\hat E/\partial(b, \rho, L, \mathrm{batch})\f$", "update
 * controls by projected gradient to maximize error reduction per Joule", and enforce the
 * constraints and the budget. It fixes no estimator, step size or projection. This
 * handle makes each concrete:
 *
 * - **Controls**: \f$c\f$ caller-defined numbers (precision, density, sequence length,
 *   batch, ...) each in a box \f$[\ell_i, h_i]\f$, the throughput and memory constraints of
 *   line 5; internally \f$x_i = (u_i - \ell_i)/(h_i - \ell_i) \in [0, 1]\f$.
 * - **Utility**: error reduction per joule over a window of \f$h\f$ steps (the hold),
 *   \f$r = (\mathcal L_{before,first} - \mathcal L_{after,last})/\sum E_{step}\f$. A single step's
 *   loss change is mostly gradient noise; the window averages it.
 * - **Marginal utility**: simultaneous-perturbation estimates (SPSA, Spall 1992). Windows come
 *   in pairs: the first runs at \f$x + \delta\sigma\f$, the second at \f$x - \delta\sigma\f$ with a
 *   seeded random sign vector \f$\sigma \in \{\pm1\}^c\f$ (both clamped to the box); then
 *   \f$\hat g_{r,i} = (r_+ - r_-)/(x_{+,i} - x_{-,i})\f$ and likewise \f$\hat g_{E,i}\f$ for the mean
 *   energy per step.
 * - **Projected gradient step**: \f$x \leftarrow \Pi(x + a\,\hat g_r/\|\hat g_r\|)\f$ with a
 *   constant gain \f$a\f$ (the optimum moves as training proceeds), \f$\Pi\f$ the projection
 *   onto the box intersected with the budget half-space
 *   \f$\bar E + \hat g_E\cdot(x - \bar x) \le A\f$, where \f$A = (E_{max} - E_{spent})/(H - t)\f$ is
 *   the energy per remaining step and \f$\bar E, \bar x\f$ the pair's means (alternating
 *   projections, at most 16 rounds).
 * - **Stop**: #THERMOAI_SCHEDULER_DONE once \f$H\f$ steps are done or the budget is spent.
 *
 * The handle allocates once at creation and never afterwards; the same inputs, seed and
 * measurements give the same controls on every platform.
 *
 * \warning Experimental (doc/abi-policy.md): the whole header is declared only when the
 *          program defines THERMOAI_EXPERIMENTAL before including thermoai.h. The paper
 *          states Algorithm 1 without any guarantee; the choices above are this library's.
 */
#ifndef THERMOAI_SCHEDULER_H
#define THERMOAI_SCHEDULER_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/scheduler.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(THERMOAI_EXPERIMENTAL)

/** State flag: the horizon is reached or the budget spent; stop training. \since 0.1.0 */
#define THERMOAI_SCHEDULER_DONE 0x1u

/**
 * \brief Settings of a scheduler (size-field struct); 0 in a setting means its default.
 * \since 0.1.0
 */
typedef struct thermoai_scheduler_params {
    uint32_t struct_size;  /**< sizeof(thermoai_scheduler_params); set by thermoai_scheduler_params_init() */
    uint32_t controls;     /**< \f$c\f$, 1 <= c <= 64 */
    uint32_t horizon;      /**< \f$H\f$, steps, >= 1 */
    uint32_t flags;        /**< 0 (no flags are defined) */
    uint32_t hold;         /**< steps each probe is held, >= 1; 0: 8 */
    uint32_t reserved;     /**< must be 0 */
    double budget_j;       /**< \f$E_{max}\f$, J, > 0 */
    double step_size;      /**< \f$a\f$ in box units, in (0, 1]; 0: 0.1 */
    double perturbation;   /**< \f$\delta\f$ in box units, in (0, 0.5]; 0: 0.05 */
    uint64_t seed;         /**< seed of the sign vectors */
} thermoai_scheduler_params;

/** Opaque scheduler. \since 0.1.0 */
typedef struct thermoai_scheduler thermoai_scheduler;

/**
 * \brief Defaults: every field 0 (controls, horizon and budget must then be set).
 * \param[out] params  The struct.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 56.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size below 56 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scheduler_params_init(thermoai_scheduler_params *params, size_t size);

/**
 * \brief sizeof(thermoai_scheduler_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_scheduler_params_size(void);

/**
 * \brief Creates a scheduler (malloc/free).
 *
 * \param[in]  params     The settings (required: controls, horizon, budget).
 * \param[in]  lower      The value \f$\ell\f$, c values. [dimensionless] (the controls' own units). Finite.
 * \param[in]  upper      The value \f$h\f$, c values, each > the lower bound. [dimensionless]. Finite.
 * \param[in]  initial    The starting controls, c values in the box. [dimensionless]. Finite.
 * \param[out] scheduler  The scheduler; NULL on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        \c struct_size below 56
 * \retval THERMOAI_E_UNSUPPORTED non-zero flags or reserved field, or non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_NONFINITE   a bound, start value or setting is NaN or infinite
 * \retval THERMOAI_E_INVALID     a setting outside its range, an empty box, or a start outside it
 * \retval THERMOAI_E_NOMEM       an allocation failed (nothing is leaked)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scheduler_create(const thermoai_scheduler_params *params, const double *lower,
                              const double *upper, const double *initial,
                              thermoai_scheduler **scheduler);

/**
 * \brief As thermoai_scheduler_create(), with the caller's allocator.
 * \param[in]  params     As thermoai_scheduler_create().
 * \param[in]  lower      As thermoai_scheduler_create(). [dimensionless].
 * \param[in]  upper      As thermoai_scheduler_create(). [dimensionless].
 * \param[in]  initial    As thermoai_scheduler_create(). [dimensionless].
 * \param[in]  allocator  Copied into the scheduler (both functions non-NULL), or NULL for malloc/free.
 * \param[out] scheduler  The scheduler; NULL on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_scheduler_create(); THERMOAI_E_NULL also for a NULL function
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scheduler_create_ex(const thermoai_scheduler_params *params, const double *lower,
                                 const double *upper, const double *initial,
                                 const thermoai_allocator *allocator,
                                 thermoai_scheduler **scheduler);

/**
 * \brief The controls to run the next step with (the first probe after creation).
 * \param[in]  scheduler  The scheduler.
 * \param[out] controls   c values in the box. [dimensionless]. All NaN on error.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  a pointer is NULL
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scheduler_controls(const thermoai_scheduler *scheduler, double *controls);

/**
 * \brief Reports one step run with the controls last returned, and returns the next controls.
 *
 * \param[in,out] scheduler    The scheduler.
 * \param[in]     loss_before  Loss before the step. [dimensionless] (the caller's loss unit). Finite.
 * \param[in]     loss_after   Loss after the step. [dimensionless]. Finite.
 * \param[in]     energy_j     Energy the step used. Unit: J. Finite, > 0.
 * \param[out]    controls     The controls for the next step, c values (the centre once done).
 *                             [dimensionless]. All NaN on error.
 * \param[out]    state        0 or #THERMOAI_SCHEDULER_DONE; may be NULL.
 * \retval THERMOAI_OK           success (also after DONE: the step is counted, controls stay)
 * \retval THERMOAI_E_NULL       \p scheduler or \p controls is NULL
 * \retval THERMOAI_E_NONFINITE  a measurement is NaN or infinite (the step is not counted)
 * \retval THERMOAI_E_INVALID    \p energy_j <= 0 (the step is not counted)
 * \par Source
 *   Paper 002, Sec. 3.9, Algorithm 1; J. C. Spall, IEEE Trans. Autom. Control 37(3):332-341 (1992).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scheduler_update(thermoai_scheduler *scheduler, double loss_before,
                              double loss_after, double energy_j, double *controls,
                              uint32_t *state);

/**
 * \brief Where the budget stands.
 * \param[in]  scheduler    The scheduler.
 * \param[out] spent_j      Energy reported so far. Unit: J. NaN on error.
 * \param[out] allowance_j  Budget left per remaining step (0 when done). Unit: J. NaN on error.
 * \param[out] steps        Steps reported so far; may be NULL.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p scheduler, \p spent_j or \p allowance_j is NULL
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_scheduler_budget(const thermoai_scheduler *scheduler, double *spent_j,
                              double *allowance_j, uint32_t *steps);

/**
 * \brief Frees a scheduler.
 * \param[in] scheduler  The scheduler or NULL.
 * \since 0.1.0
 */
THERMOAI_API void thermoai_scheduler_free(thermoai_scheduler *scheduler);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SCHEDULER_H */
