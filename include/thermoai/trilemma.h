/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/trilemma.h
 * \brief The latency-energy-throughput trilemma of decoding: the three metrics against
 *        batch size on the roofline model, the memory cap on batch, the Pareto front,
 *        and paper 002's closed forms (Theorem 4.2, Remark 4.1) beside them.
 *
 * For a decode step of batch \f$B\f$ at context \f$C\f$ (cost.h, thermoai_cost_decode()):
 * latency \f$\tau(B)\f$ is the step time (every sequence gets one token per step),
 * energy per token \f$e(B) = E_{step}(B)/B\f$ and throughput \f$T(B) = B/\tau(B)\f$.
 * The trilemma product of Theorem 4.2 is \f$\tau\, e\, T^{-1} = \tau^2 e / B\f$
 * (unit J s\f$^2\f$ per token\f$^2\f$). None of the formulas here is new: they are the cost
 * model evaluated over batch.
 */
#ifndef THERMOAI_TRILEMMA_H
#define THERMOAI_TRILEMMA_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/trilemma.h> directly; use <thermoai/thermoai.h>."
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

/** Largest batch the front and the SLO search evaluate (2^16). \since 0.1.0 */
#define THERMOAI_TRILEMMA_BATCH_MAX 65536u

/**
 * \brief One operating point (output size-field struct; NaN on error, \c bound 0).
 * \since 0.1.0
 */
typedef struct thermoai_trilemma_point {
    uint32_t struct_size;      /**< set by the caller to sizeof(thermoai_trilemma_point) */
    uint32_t bound;            /**< THERMOAI_COST_BOUND_* of the step */
    double batch;              /**< \f$B\f$, sequences per step */
    double latency_s;          /**< \f$\tau(B)\f$, the decode step time (time per output token), s */
    double energy_per_token_j; /**< \f$e(B)\f$, J per generated token */
    double tokens_per_s;       /**< \f$T(B) = B/\tau(B)\f$, tokens/s of the device */
    double product_j_s2;       /**< \f$\tau\, e / T\f$, J s^2 per token^2 (Theorem 4.2's left side) */
    double average_power_w;    /**< step energy over step time, W */
} thermoai_trilemma_point;

/**
 * \brief Prepares an output struct: zero bytes, \c struct_size = \p size.
 * \param[out] point  The struct.
 * \param[in]  size   sizeof(*point) as compiled by the caller; at least 56.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p point is NULL
 * \retval THERMOAI_E_SIZE  \p size below 56 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_trilemma_point_init(thermoai_trilemma_point *point, size_t size);

/**
 * \brief sizeof(thermoai_trilemma_point) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_trilemma_point_size(void);

/**
 * \brief Latency, energy per token, throughput and their product at \c params->batch.
 * \param[in]     arch     The architecture.
 * \param[in]     params   Batch, context, precisions (NULL: batch 1, context 0).
 * \param[in]     hw       The device.
 * \param[in]     serving  The serving stack, or NULL for none.
 * \param[in,out] out      Caller sets \c struct_size.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_cost_decode()
 * \par Source
 *   Paper 002 Sec. 4.2 (the three metrics of Theorem 4.2), evaluated on doc/cost-model.md (R1)-(R4).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_trilemma_evaluate(const thermoai_model_arch *arch, const thermoai_work_params *params,
                               const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                               thermoai_trilemma_point *out);

/**
 * \brief The largest batch whose weights and KV cache fit the device's usable memory.
 *
 * \f[ B_{max} = \left\lfloor \frac{M_{usable} - M_{weights} - M_{overhead}}{m_{KV}(C+1)} \right\rfloor \f]
 * with \f$M_{weights}\f$ every stored parameter (thermoai_model_params()) at the weight
 * precision, and \f$m_{KV}(C+1)\f$ one sequence's KV cache after the step
 * (thermoai_work_decode()'s \c kv_cache_bytes at batch 1: GQA, MLA and windows counted).
 * This is Remark 4.1 with the model's own cache size in place of \f$2Nd\,b_{KV}\f$.
 * \param[in]  arch            The architecture.
 * \param[in]  params          Context and precisions (its batch is ignored); NULL: defaults.
 * \param[in]  hw              The device; \c memory_usable_bytes > 0.
 * \param[in]  overhead_bytes  The value \f$M_{overhead}\f$: activations, workspace, fragmentation. Unit: bytes. Finite, >= 0.
 * \param[out] max_batch       The value \f$B_{max}\f$, at most 2^53; 0 on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  \p overhead_bytes is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p overhead_bytes < 0
 * \retval THERMOAI_E_UNSUPPORTED the profile has no usable memory size
 * \retval THERMOAI_E_DOMAIN     not even one sequence fits (the model is larger than memory)
 * \retval other                 as thermoai_work_decode()
 * \par Source
 *   Paper 002 Remark 4.1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_trilemma_memory_batch(const thermoai_model_arch *arch, const thermoai_work_params *params,
                                   const thermoai_hardware *hw, double overhead_bytes,
                                   uint64_t *max_batch);

/**
 * \brief The batches 1 .. \p max_batch whose (latency, energy per token, throughput) no
 *        other batch in that range dominates, in increasing order.
 *
 * \f$B\f$ is dominated when some \f$B'\f$ has \f$\tau(B') \le \tau(B)\f$,
 * \f$e(B') \le e(B)\f$ and \f$T(B') \ge T(B)\f$, one of them strictly. Costs
 * \p max_batch cost evaluations and up to \p max_batch x front comparisons.
 * \param[in]  arch       The architecture.
 * \param[in]  params     Context and precisions (its batch is ignored); NULL: defaults.
 * \param[in]  hw         The device.
 * \param[in]  serving    The serving stack, or NULL.
 * \param[in]  max_batch  Largest batch, 1 .. #THERMOAI_TRILEMMA_BATCH_MAX (for example
 *                        from thermoai_trilemma_memory_batch()).
 * \param[out] batches    Caller's array of \p capacity entries: the front's batches.
 * \param[in]  capacity   Its length; \p max_batch always suffices.
 * \param[out] count      Entries written; 0 on error.
 * \retval THERMOAI_OK          success
 * \retval THERMOAI_E_NULL      a pointer is NULL
 * \retval THERMOAI_E_INVALID   \p max_batch 0 or above #THERMOAI_TRILEMMA_BATCH_MAX
 * \retval THERMOAI_E_RANGE     the front has more than \p capacity points
 * \retval other                as thermoai_cost_decode()
 * \par Source
 *   Paper 002 Sec. 4.2 ("three metrics are in fundamental tension").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_trilemma_front(const thermoai_model_arch *arch, const thermoai_work_params *params,
                            const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                            uint64_t max_batch, uint64_t *batches, size_t capacity, size_t *count);

/**
 * \brief Paper 002's energy-optimal batch \f$B^* = \sqrt{p / (N d)}\f$ (Theorem 4.2).
 *
 * \f$p\f$ is the parameter count, \f$N\f$ the context in tokens and \f$d\f$ the "KV cache
 * dimension" (Table 4 takes \f$d = d_{model}/H\f$, the head width). The proof's energy
 * \f$E(B) = e_{mem} p + 2 e_{flop} p + 2 e_{cache} N d B\f$ grows with \f$B\f$ and
 * \f$E/B\f$ has no interior minimum, so this \f$B^*\f$ does not follow from the proof;
 * it is implemented as printed. Compare thermoai_trilemma_front().
 * \param[in]  params   The value \f$p\f$. [dimensionless]. Finite, > 0.
 * \param[in]  context  The value \f$N\f$. Unit: tokens. Finite, > 0.
 * \param[in]  kv_dim   The value \f$d\f$. [dimensionless]. Finite, > 0.
 * \param[out] batch    The value \f$B^*\f$ (not rounded). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p batch is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002 Theorem 4.2 and Table 4.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_trilemma_paper_batch(double params, double context, double kv_dim, double *batch);

/**
 * \brief The right side of Theorem 4.2, \f$p\, e_{mem} / B_{mem}\f$.
 *
 * With \f$p\f$ read as the bytes of the weights this is J s; the left side,
 * latency x energy per token / throughput, is J s^2 per token^2, so the inequality
 * compares different units (the theorem's \f$\Omega\f$ hides a time squared over
 * tokens, i.e. it holds only up to a batch- and rate-dependent factor).
 * \param[in]  weight_bytes    The value \f$p\f$ read as bytes. Unit: bytes. Finite, >= 0.
 * \param[in]  j_per_byte      The value \f$e_{mem}\f$. Unit: J/byte. Finite, >= 0.
 * \param[in]  bytes_per_s     The value \f$B_{mem}\f$. Unit: bytes/s. Finite, > 0.
 * \param[out] bound_j_s       The value \f$p e_{mem}/B_{mem}\f$. Unit: J s. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bound_j_s is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input out of its domain
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 002 Theorem 4.2, Eq. (14).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_trilemma_paper_bound_j_s(double weight_bytes, double j_per_byte, double bytes_per_s,
                                      double *bound_j_s);

/**
 * \brief Remark 4.1's memory cap as printed:
 *        \f$B_{max} = \lfloor (M_{GPU} - M_{model} - M_{overhead}) / (2 N d\, b_{KV}) \rfloor\f$.
 * \param[in]  memory_bytes    The value \f$M_{GPU}\f$. Unit: bytes. Finite, >= 0.
 * \param[in]  model_bytes     The value \f$M_{model}\f$. Unit: bytes. Finite, >= 0.
 * \param[in]  overhead_bytes  The value \f$M_{overhead}\f$. Unit: bytes. Finite, >= 0.
 * \param[in]  context         The value \f$N\f$. Unit: tokens. Finite, > 0.
 * \param[in]  kv_dim          The value \f$d\f$, values per token per K (and per V) summed over layers. [dimensionless]. Finite, > 0.
 * \param[in]  kv_bytes        The value \f$b_{KV}\f$, bytes per value. Unit: bytes. Finite, > 0.
 * \param[out] max_batch       The value \f$B_{max}\f$ (an integer value). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p max_batch is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input out of its domain
 * \retval THERMOAI_E_DOMAIN     the free memory holds less than one sequence (\f$B_{max} < 1\f$)
 * \retval THERMOAI_E_RANGE      the denominator overflows or the result is not finite
 * \par Source
 *   Paper 002 Remark 4.1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_trilemma_paper_max_batch(double memory_bytes, double model_bytes, double overhead_bytes,
                                      double context, double kv_dim, double kv_bytes,
                                      double *max_batch);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_TRILEMMA_H */
