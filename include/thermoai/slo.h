/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/slo.h
 * \brief Energy-optimal batch under a latency SLO: the exact optimum over integer batch
 *        on the roofline model, and paper 002 Theorem 4.7's closed forms beside it.
 *
 * **Queue model.** Requests arrive at a steady rate \f$\lambda\f$ (deterministic
 * arrivals, the fluid limit of a Poisson stream); the server waits until \f$B\f$ have
 * arrived and runs them as one decode step of time \f$t(B)\f$ (cost.h). The first
 * request of a batch waits \f$(B-1)/\lambda\f$ for the others, so its latency is
 * \f[ \tau(B) = \frac{B-1}{\lambda} + t(B) \le \tau_{max}. \f]
 * The queue is stable when a batch is served before the next one has filled,
 * \f$t(B) \le B/\lambda\f$; between steps the device idles at \f$P_{idle}\f$ for
 * \f$B/\lambda - t(B)\f$, so the energy per request (token) is
 * \f[ e(B) = \frac{E_{step}(B) + P_{idle}\,(B/\lambda - t(B))}{B}. \f]
 * With #THERMOAI_SLO_BACKLOG requests are always waiting (\f$\lambda \to \infty\f$):
 * \f$\tau(B) = t(B)\f$ and \f$e(B) = E_{step}(B)/B\f$.
 *
 * **Exact optimum.** \f$\arg\min_B e(B)\f$ over the integers \f$1 \le B \le B_{cap}\f$
 * that meet the SLO (and stability), \f$B_{cap}\f$ the memory cap
 * (thermoai_trilemma_memory_batch()) or the caller's; ties go to the larger batch.
 *
 * **Closed forms.** Eq. (20), \f$B = \min(B_{max}, \lfloor\lambda(\tau_{max} -
 * \tau_{compute}(B))\rfloor)\f$, solved as the largest \f$B\f$ with
 * \f$B \le \lambda(\tau_{max} - t(B))\f$ (\f$B_{cap}\f$ under backlog); and Eq. (21)'s
 * \f$B^* = \sqrt{e_{static}\,\tau_{max}/e_{marginal}}\f$ with \f$e_{static} = P_{idle}\f$
 * and \f$e_{marginal} = E_{step}(2) - E_{step}(1)\f$, rounded to the nearest integer in
 * \f$[1, B_{cap}]\f$. Each is evaluated by the same model; the result says whether it
 * meets the SLO and its energy gap to the exact optimum.
 */
#ifndef THERMOAI_SLO_H
#define THERMOAI_SLO_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/slo.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/cost.h>
#include <thermoai/export.h>
#include <thermoai/hardware.h>
#include <thermoai/model.h>
#include <thermoai/work.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Requests are always waiting: no fill time, no idle between steps; \c arrival_per_s must be 0. \since 0.1.0 */
#define THERMOAI_SLO_BACKLOG 0x1u

/**
 * \brief The SLO and the traffic (size-field struct; thermoai_slo_params_init()).
 * \since 0.1.0
 */
typedef struct thermoai_slo_params {
    uint32_t struct_size;  /**< sizeof(thermoai_slo_params) */
    uint32_t flags;        /**< THERMOAI_SLO_* bits */
    double slo_s;          /**< \f$\tau_{max}\f$, the latency a request may see, s; > 0 */
    double arrival_per_s;  /**< \f$\lambda\f$, requests/s; > 0 unless THERMOAI_SLO_BACKLOG (then 0) */
    uint64_t max_batch;    /**< batch cap; 0: the memory cap of thermoai_trilemma_memory_batch() */
    double overhead_bytes; /**< memory reserved besides weights and KV cache, bytes; >= 0 */
} thermoai_slo_params;

/**
 * \brief The optimum and the closed forms (output size-field struct; NaN and 0 flags on error).
 * \since 0.1.0
 */
typedef struct thermoai_slo_result {
    uint32_t struct_size;          /**< set by the caller to sizeof(thermoai_slo_result) */
    uint32_t fill_meets_slo;       /**< 1 when Eq. (20)'s batch meets the SLO and is stable */
    uint32_t root_meets_slo;       /**< 1 when Eq. (21)'s batch meets the SLO and is stable */
    uint32_t reserved;             /**< 0 */
    double batch;                  /**< the exact energy-optimal batch */
    double latency_s;              /**< its \f$\tau(B)\f$ (wait plus step), s */
    double wait_s;                 /**< its \f$(B-1)/\lambda\f$ (0 under backlog), s */
    double step_s;                 /**< its decode step time \f$t(B)\f$, s */
    double energy_per_token_j;     /**< its \f$e(B)\f$, J */
    double tokens_per_s;           /**< its throughput: \f$\lambda\f$, or \f$B/t(B)\f$ under backlog */
    double cap_batch;              /**< \f$B_{cap}\f$ searched */
    double fill_batch;             /**< Eq. (20)'s batch; 0 when even batch 1 does not satisfy it */
    double fill_energy_per_token_j;/**< its \f$e(B)\f$; 0 when \c fill_batch is 0 */
    double fill_gap;               /**< fill energy / optimum energy - 1; 0 when \c fill_batch is 0 */
    double root_batch;             /**< Eq. (21)'s \f$B^*\f$ rounded into [1, B_cap] */
    double root_energy_per_token_j;/**< its \f$e(B)\f$, J */
    double root_gap;               /**< root energy / optimum energy - 1 */
} thermoai_slo_result;

/**
 * \brief Fills \p params: no flags, everything 0 (slo_s and arrival_per_s must be set).
 * \param[out] params  The struct.
 * \param[in]  size    sizeof(*params); at least 40.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size below 40 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_slo_params_init(thermoai_slo_params *params, size_t size);

/**
 * \brief sizeof(thermoai_slo_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_slo_params_size(void);

/**
 * \brief Prepares an output struct: zero bytes, \c struct_size = \p size.
 * \param[out] result  The struct.
 * \param[in]  size    sizeof(*result); at least 120.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p result is NULL
 * \retval THERMOAI_E_SIZE  \p size below 120 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_slo_result_init(thermoai_slo_result *result, size_t size);

/**
 * \brief sizeof(thermoai_slo_result) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_slo_result_size(void);

/**
 * \brief The energy-optimal batch under the SLO, and Theorem 4.7's batches beside it.
 *
 * Costs up to \f$B_{cap}\f$ (at most #THERMOAI_TRILEMMA_BATCH_MAX) decode evaluations.
 * \param[in]     arch     The architecture.
 * \param[in]     params   Context and precisions (its batch is ignored); NULL: defaults.
 * \param[in]     hw       The device.
 * \param[in]     serving  The serving stack, or NULL.
 * \param[in]     slo      The SLO and traffic.
 * \param[in,out] out      Caller sets \c struct_size.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_SIZE       a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED unknown flags
 * \retval THERMOAI_E_NONFINITE  a field is NaN or infinite
 * \retval THERMOAI_E_INVALID    \c slo_s <= 0; \c arrival_per_s <= 0 without backlog (zero
 *                               arrival rate) or non-zero with it; \c overhead_bytes < 0
 * \retval THERMOAI_E_DOMAIN     no batch meets the SLO (the SLO is below the batch-1
 *                               latency, or the queue is unstable at every feasible batch),
 *                               or the model does not fit in memory
 * \retval other                 as thermoai_cost_decode() and thermoai_trilemma_memory_batch()
 * \par Source
 *   Paper 002 Theorem 4.7, Eqs. (20)-(21); the queue model above.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_slo_batch(const thermoai_model_arch *arch, const thermoai_work_params *params,
                       const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                       const thermoai_slo_params *slo, thermoai_slo_result *out);

/**
 * \brief Eq. (20) for a given compute time:
 *        \f$B = \min(B_{max}, \lfloor \lambda (\tau_{max} - \tau_{compute}) \rfloor)\f$.
 * \param[in]  arrival_per_s  The value \f$\lambda\f$. Unit: 1/s. Finite, > 0.
 * \param[in]  slo_s          The value \f$\tau_{max}\f$. Unit: s. Finite, > 0.
 * \param[in]  compute_s      The value \f$\tau_{compute}\f$. Unit: s. Finite, >= 0.
 * \param[in]  max_batch      The value \f$B_{max}\f$. [dimensionless]. Finite, >= 1.
 * \param[out] batch          The value \f$B\f$ (an integer value). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p batch is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input out of its domain
 * \retval THERMOAI_E_DOMAIN     \f$B < 1\f$: the compute time leaves no room for one request
 * \par Source
 *   Paper 002 Theorem 4.7, Eq. (20).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_slo_paper_fill_batch(double arrival_per_s, double slo_s, double compute_s,
                                  double max_batch, double *batch);

/**
 * \brief Eq. (21)'s minimiser \f$B^* = \sqrt{e_{static}\,\tau_{max} / e_{marginal}}\f$.
 *
 * \f$e_{static}\f$ is read as a power (W) so that \f$e_{static}\tau_{max}\f$ is the static
 * energy of one SLO window (J), and \f$e_{marginal}\f$ as the energy one more request adds
 * to a batch (J). Eq. (21)'s \f$e_{static}\tau_{max}/B + e_{dynamic}(B)\f$ is minimised
 * there only if the dynamic energy per request grows as \f$e_{marginal} B\f$; on the
 * roofline model it is flat or falling in \f$B\f$ (shared weight reads), so the exact
 * optimum of thermoai_slo_batch() usually lies elsewhere.
 * \param[in]  static_power_w  The value \f$e_{static}\f$. Unit: W. Finite, >= 0.
 * \param[in]  slo_s           The value \f$\tau_{max}\f$. Unit: s. Finite, > 0.
 * \param[in]  marginal_j      The value \f$e_{marginal}\f$. Unit: J. Finite, > 0.
 * \param[out] batch           The value \f$B^*\f$ (not rounded). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p batch is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input out of its domain
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 002 Theorem 4.7, Eq. (21).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_slo_paper_root_batch(double static_power_w, double slo_s, double marginal_j,
                                  double *batch);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SLO_H */
