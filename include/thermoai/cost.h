/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/cost.h
 * \brief The roofline energy model: time, energy, energy per token, tokens/s and power
 *        of a prefill, a decode step or a whole request on one accelerator.
 *
 * For a step with \f$F\f$ FLOPs and \f$B\f$ bytes of memory traffic (work.h) on a
 * profile (hardware.h) with achieved rates \f$\eta_c F_{peak}\f$ and
 * \f$\eta_{bw} B_{mem}\f$, and a serving stack (#thermoai_cost_serving) that adds fixed
 * device time per layer and per step, host (CPU) time, KV-cache copies and power
 * during its overheads:
 * \f[
 *   t_{roof} = \max\!\Bigl(\frac{B}{\eta_{bw} B_{mem}}, \frac{F}{\eta_c F_{peak}}\Bigr),\quad
 *   t = \max\bigl(t_{roof} + L\,\tau_{dev,l} + \tau_{dev,s},\; L\,\tau_{host,l} + \tau_{host,s}\bigr)
 * \f]
 * \f[
 *   E = P_{idle}\, t + e_{byte} B + e_{FLOP} F + P_{ovh} (t - t_{roof})
 * \f]
 * and, when the average power would exceed the board power limit \f$P_{max}\f$, the
 * step is stretched until it does not (the device throttles). Energy per token is
 * \f$E\f$ over the tokens of the step (decode: the batch). With the default serving
 * stack (all zeros) this is the plain roofline energy model. doc/cost-model.md gives
 * every assumption, the validation against measured H100 energies and where the
 * model is known to be wrong.
 */
#ifndef THERMOAI_COST_H
#define THERMOAI_COST_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/cost.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/hardware.h>
#include <thermoai/model.h>
#include <thermoai/work.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The step is limited by memory bandwidth. \since 0.1.0 */
#define THERMOAI_COST_BOUND_MEMORY 1u
/** The step is limited by arithmetic throughput. \since 0.1.0 */
#define THERMOAI_COST_BOUND_COMPUTE 2u
/** The step is limited by the host issuing kernels (eager frameworks at small batch). \since 0.1.0 */
#define THERMOAI_COST_BOUND_HOST 3u
/** The step is limited by the board power limit (stretched until the power fits). \since 0.1.0 */
#define THERMOAI_COST_BOUND_POWER 4u

/** Serving flag: do not apply the board power limit. \since 0.1.0 */
#define THERMOAI_COST_NO_POWER_CAP 0x1u

/**
 * \brief The serving stack's overheads (size-field struct; NULL or all zeros: none).
 *
 * These are inputs, not constants: an eager Python framework, CUDA graphs and a fused
 * C++ server differ by orders of magnitude. thermoai_cost_serving_preset() gives the
 * named stacks of doc/cost-model.md with the measurements their values come from.
 * \since 0.1.0
 */
typedef struct thermoai_cost_serving {
    uint32_t struct_size;        /**< sizeof(thermoai_cost_serving); set by thermoai_cost_serving_init() */
    uint32_t flags;              /**< THERMOAI_COST_* flags */
    double device_s_per_layer;   /**< fixed device time per layer and forward pass (kernel launch gaps,
                                      ramp-up and tails of small kernels), s */
    double device_s_per_step;    /**< fixed device time per forward pass (embedding, sampling), s */
    double host_s_per_layer;     /**< host time to issue one layer's kernels, s; the step lasts at
                                      least layers x this + host_s_per_step */
    double host_s_per_step;      /**< fixed host time per forward pass (framework, sampling), s */
    double overhead_power_w;     /**< board power above idle while the device is not doing roofline
                                      work (waiting for the host, between kernels), W */
    double kv_rewrites_per_step; /**< times the whole KV cache is read and written again each step
                                      (Hugging Face DynamicCache concatenation: 1), [dimensionless] */
} thermoai_cost_serving;

/**
 * \brief Result of a step or request (output size-field struct). On error every
 *        double field that fits is NaN and \c bound is 0.
 * \since 0.1.0
 */
typedef struct thermoai_cost_result {
    uint32_t struct_size;      /**< set by the caller to sizeof(thermoai_cost_result) */
    uint32_t bound;            /**< THERMOAI_COST_BOUND_* that sets the time (for a request, the one
                                    that accounts for most of the time) */
    double step_s;             /**< time of the step (request: of prefill and all decode steps), s */
    double roofline_s;         /**< \f$t_{roof}\f$, s */
    double memory_s;           /**< bytes over achieved bandwidth, s */
    double compute_s;          /**< FLOPs over achieved throughput, s */
    double overhead_s;         /**< \c step_s minus \c roofline_s, s */
    double energy_j;           /**< energy of the step, J */
    double energy_per_token_j; /**< \c energy_j over \c tokens, J */
    double tokens_per_s;       /**< \c tokens over \c step_s */
    double average_power_w;    /**< \c energy_j over \c step_s, W */
    double weights_j;          /**< energy of reading weights, J */
    double kv_j;               /**< energy of KV-cache traffic (reads, writes, rewrites), J */
    double activations_j;      /**< energy of activation traffic, J */
    double arithmetic_j;       /**< energy of the FLOPs, J */
    double static_j;           /**< idle power times the step time, J */
    double overhead_j;         /**< overhead power times the overhead time, J */
    double tokens;             /**< tokens produced or processed (decode: batch; request: batch x generated) */
    double flop;               /**< FLOPs of the step */
    double bytes;              /**< bytes moved, with the serving stack's KV rewrites */
} thermoai_cost_result;

/**
 * \brief Fills \p serving with zeros (no overheads) and \c struct_size = \p size.
 * \param[out] serving  The struct to initialise.
 * \param[in]  size     sizeof(*serving) as compiled by the caller; at least 56.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p serving is NULL
 * \retval THERMOAI_E_SIZE  \p size below 56 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_cost_serving_init(thermoai_cost_serving *serving, size_t size);

/**
 * \brief sizeof(thermoai_cost_serving) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_cost_serving_size(void);

/**
 * \brief Prepares an output struct: zero bytes, \c struct_size = \p size.
 * \param[out] result  The struct.
 * \param[in]  size    sizeof(*result) as compiled by the caller; at least 152.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p result is NULL
 * \retval THERMOAI_E_SIZE  \p size below 152 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_cost_result_init(thermoai_cost_result *result, size_t size);

/**
 * \brief sizeof(thermoai_cost_result) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_cost_result_size(void);

/**
 * \brief A named serving stack: "ideal", "cuda-graphs" or "hf-eager".
 *
 * - \c ideal: no overheads (the plain roofline).
 * - \c cuda-graphs: 53 us of fixed device time per layer, from gpt-fast's published
 *   batch-1 decode of LLaMA-2-7B with torch.compile and CUDA graphs on an A100
 *   (104.9 tokens/s at 1397 GB/s against "about 1700 GB/s" achievable: 9.53 ms per
 *   token, 1.69 ms above the bandwidth time, over 32 layers); 67 W above idle during
 *   overheads (below).
 * - \c hf-eager: Hugging Face transformers in eager mode: 1.13 ms of host time per
 *   layer per step (the median over the six points of data/h100_hf_eager_decode.json
 *   of measured step time over layers: a time measurement, not an energy), the device
 *   overheads of cuda-graphs, one KV-cache rewrite per step (DynamicCache concatenates
 *   the cache with torch.cat every step) and 67 W above idle while the GPU waits (the
 *   mean over the same six points of the energy the roofline does not explain over the
 *   time it does not explain). doc/cost-model.md reports the validation on that file
 *   with these two values estimated without the point being predicted.
 * \param[in]     name     The stack, case-insensitive.
 * \param[in,out] serving  Initialised with thermoai_cost_serving_init(); overwritten.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_SIZE       \c serving->struct_size is too small
 * \retval THERMOAI_E_NOT_FOUND  no stack of that name
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_cost_serving_preset(const char *name, thermoai_cost_serving *serving);

/**
 * \brief Number of named serving stacks.
 * \return The count; indexes 0 .. count-1 are valid for thermoai_cost_serving_preset_info().
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_cost_serving_preset_count(void);

/**
 * \brief The serving stack at \p index, with its name and source.
 * \param[in]     index    0 .. thermoai_cost_serving_preset_count() - 1.
 * \param[out]    name     Its name (static storage); may be NULL.
 * \param[out]    source   Where its values come from (static storage); may be NULL.
 * \param[in,out] serving  As in thermoai_cost_serving_preset(); may be NULL.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_SIZE       \c serving->struct_size is too small
 * \retval THERMOAI_E_NOT_FOUND  \p index out of range (outputs NULL)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_cost_serving_preset_info(size_t index, const char **name, const char **source,
                                      thermoai_cost_serving *serving);

/**
 * \brief Time and energy of one step of known work on one device.
 * \param[in]     hw       The device (see thermoai_hardware_check()); needs the peak and
 *                         energy per FLOP of the work's compute precision and an energy per
 *                         byte.
 * \param[in]     work     The step's work (from work.h, or filled by hand).
 * \param[in]     serving  The serving stack, or NULL for none.
 * \param[in,out] out      Caller sets \c struct_size; the result is written.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        \p hw, \p work or \p out is NULL
 * \retval THERMOAI_E_SIZE        a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED unknown serving flags; the profile has no peak, no energy
 *                                per FLOP for the work's precision or no energy per byte
 *                                (for example a TPU preset, whose power is unpublished)
 * \retval THERMOAI_E_NONFINITE   a work or serving field is NaN or infinite
 * \retval THERMOAI_E_INVALID     a negative work or serving field, \c work->tokens <= 0, or
 *                                the profile is invalid
 * \retval THERMOAI_E_RANGE       a result overflows
 * \par Source
 *   doc/cost-model.md Eqs. (R1)-(R4); Williams et al. 2009 (roofline).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_cost_step(const thermoai_hardware *hw, const thermoai_work *work,
                       const thermoai_cost_serving *serving, thermoai_cost_result *out);

/**
 * \brief One decode step of \c batch sequences with \c context cached tokens:
 *        thermoai_work_decode() then thermoai_cost_step().
 * \param[in]     arch     The architecture.
 * \param[in]     params   Batch, context, precisions (NULL: batch 1, context 0).
 * \param[in]     hw       The device.
 * \param[in]     serving  The serving stack, or NULL for none.
 * \param[in,out] out      Caller sets \c struct_size; \c energy_per_token_j is per generated token.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_work_decode() and thermoai_cost_step()
 * \par Source
 *   doc/cost-model.md; paper 003's decode breakdown generalised to batch, context and idle power.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_cost_decode(const thermoai_model_arch *arch, const thermoai_work_params *params,
                         const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                         thermoai_cost_result *out);

/**
 * \brief A prefill of \c batch prompts of \c tokens tokens: thermoai_work_prefill() then
 *        thermoai_cost_step(); \c energy_per_token_j is per prompt token.
 * \param[in]     arch     The architecture.
 * \param[in]     params   Batch, prompt tokens, context, precisions.
 * \param[in]     hw       The device.
 * \param[in]     serving  The serving stack, or NULL for none.
 * \param[in,out] out      Caller sets \c struct_size.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_work_prefill() and thermoai_cost_step()
 * \par Source
 *   doc/cost-model.md.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_cost_prefill(const thermoai_model_arch *arch, const thermoai_work_params *params,
                          const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                          thermoai_cost_result *out);

/**
 * \brief A whole request: the prefill of \c tokens prompt tokens per sequence, then
 *        \p generated decode steps, the context growing by one each step.
 *
 * Times, energies, FLOPs and bytes are sums over the prefill and the steps;
 * \c tokens is batch x generated and \c energy_per_token_j the whole energy (prefill
 * included) per generated token. Costs \p generated decode evaluations.
 * \param[in]     arch       The architecture.
 * \param[in]     params     Batch, prompt tokens (\c tokens, >= 1), earlier context, precisions.
 * \param[in]     generated  Tokens generated per sequence, 1 .. 2^24.
 * \param[in]     hw         The device.
 * \param[in]     serving    The serving stack, or NULL for none.
 * \param[in,out] out        Caller sets \c struct_size.
 * \retval THERMOAI_OK          success
 * \retval THERMOAI_E_INVALID   \p generated 0 or above 2^24, or as the parts
 * \retval other                as thermoai_cost_prefill() and thermoai_cost_decode()
 * \par Source
 *   doc/cost-model.md.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_cost_request(const thermoai_model_arch *arch, const thermoai_work_params *params,
                          uint64_t generated, const thermoai_hardware *hw,
                          const thermoai_cost_serving *serving, thermoai_cost_result *out);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_COST_H */
