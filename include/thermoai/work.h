/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/work.h
 * \brief Work of a transformer step: FLOPs and bytes of memory traffic for prefill,
 *        decode and training, layer by layer.
 *
 * Counts follow the architecture of model.h: grouped-query and latent (MLA)
 * attention, gated FFNs, mixture-of-experts layers, sliding windows, weight, KV-cache
 * and activation precisions set separately. One multiply-add is 2 FLOPs. What is
 * counted, per layer and per token (doc/cost-model.md, "Work"):
 *
 * - **FLOPs**: 2 per weight of every projection, FFN or expert the token passes
 *   through, plus the router (\f$2dN\f$) and the output head (\f$2dV\f$ per token whose
 *   logits are computed); attention \f$2 h (d_k + d_v)\f$ per key attended
 *   (MLA decode, absorbed: \f$2h(2 r_{kv} + r)\f$ per key). Norms, softmax,
 *   activations and residual additions are not counted (under 1 % of the total).
 * - **Weight bytes**: every weight the step touches, read once per forward pass and
 *   shared by the whole batch: all layers' projections, norms and biases, the output
 *   head, the embedding rows looked up, and in a MoE layer the router, the shared
 *   experts and the expected number of distinct routed experts the batch's tokens
 *   select (thermoai_work_moe_distinct_experts()).
 * - **KV-cache bytes**: each sequence's cached keys and values read once per step
 *   (\f$n_{kv}(d_k + d_v)\f$ values per token and layer, or \f$r_{kv} + r\f$ with MLA),
 *   the new tokens' entries written once; a windowed layer reads at most its window.
 * - **Activation bytes**: each kernel of an unfused block reads its inputs and writes
 *   its outputs once: \f$7d + 2 h d_k + 2 h d_v + c_{kv}\f$ values per token in
 *   attention and \f$7d + 2 g w\f$ in the FFN (\f$g\f$ = 3 gated, 2 not; \f$w\f$ the width
 *   the token passes through).
 *
 * Training counts only FLOPs: 3 forward-pass equivalents per token (forward and the
 * two backward products), 4 with activation recomputation.
 */
#ifndef THERMOAI_WORK_H
#define THERMOAI_WORK_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/work.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Prefill and training: every token attends to all keys of the step (no causal halving). \since 0.1.0 */
#define THERMOAI_WORK_FULL_ATTENTION 0x1u
/** Prefill: logits for every prompt token (Hugging Face's default), not only the last. \since 0.1.0 */
#define THERMOAI_WORK_ALL_LOGITS 0x2u
/** Training: activations recomputed in the backward pass (4 forward equivalents, not 3). \since 0.1.0 */
#define THERMOAI_WORK_RECOMPUTE 0x4u

/**
 * \brief What is counted: batch, context, precisions (size-field struct; NULL means defaults).
 * \since 0.1.0
 */
typedef struct thermoai_work_params {
    uint32_t struct_size;       /**< sizeof(thermoai_work_params); set by thermoai_work_params_init() */
    uint32_t flags;             /**< THERMOAI_WORK_* bits */
    uint32_t compute_precision; /**< THERMOAI_HARDWARE_* of the arithmetic; default BF16 */
    uint32_t reserved;          /**< must be 0 */
    uint64_t batch;             /**< sequences processed together, >= 1; default 1 */
    uint64_t context;           /**< decode/prefill: tokens already in each sequence's KV cache;
                                     training: the sequence length (>= 1); default 0 */
    uint64_t tokens;            /**< prefill: prompt tokens per sequence (>= 1); training: training
                                     tokens (>= 1); decode: ignored (one token per sequence) */
    double weight_bits;         /**< bits per stored weight; 0 (default) means arch precision_bits */
    double kv_bits;             /**< bits per KV-cache value; 0 means arch precision_bits */
    double activation_bits;     /**< bits per activation value; 0 means arch precision_bits */
} thermoai_work_params;

/**
 * \brief FLOPs and bytes of one step (output size-field struct). On error every
 *        double field that fits is NaN.
 * \since 0.1.0
 */
typedef struct thermoai_work {
    uint32_t struct_size;       /**< set by the caller to sizeof(thermoai_work) */
    uint32_t compute_precision; /**< the params' compute precision, for the cost model */
    double flop;                /**< all FLOPs: matmul_flop + attention_flop */
    double matmul_flop;         /**< projections, FFN or experts, router, output head */
    double attention_flop;      /**< query-key products and attention-weighted values */
    double bytes;               /**< all memory traffic: the four byte fields summed */
    double weight_bytes;        /**< weights read (once per forward pass) */
    double kv_read_bytes;       /**< KV cache read */
    double kv_write_bytes;      /**< KV cache written (the new tokens) */
    double activation_bytes;    /**< activations read and written between kernels */
    double kv_cache_bytes;      /**< size of the KV cache after the step, all sequences and layers */
    double tokens;              /**< tokens the step processes (decode: batch; prefill: batch x prompt) */
    double layers;              /**< layer executions per forward pass (for per-layer overheads) */
    double experts_touched;     /**< expected distinct routed experts per MoE layer; 0 if dense */
} thermoai_work;

/**
 * \brief Fills \p params with the defaults: batch 1, context 0, BF16 compute, the
 *        architecture's precision for weights, KV cache and activations.
 * \param[out] params  The struct to initialise.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 64.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size below 64 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_work_params_init(thermoai_work_params *params, size_t size);

/**
 * \brief sizeof(thermoai_work_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_work_params_size(void);

/**
 * \brief Prepares an output struct: zero bytes, \c struct_size = \p size.
 * \param[out] work  The struct.
 * \param[in]  size  sizeof(*work) as compiled by the caller; at least 104.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p work is NULL
 * \retval THERMOAI_E_SIZE  \p size below 104 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_work_init(thermoai_work *work, size_t size);

/**
 * \brief sizeof(thermoai_work) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_work_size(void);

/**
 * \brief Expected number of distinct experts a batch of tokens selects.
 *
 * With \f$N\f$ experts, \f$k\f$ distinct experts per token chosen uniformly and
 * independently across \f$B\f$ tokens, an expert is missed by one token with
 * probability \f$(N-k)/N\f$, so
 * \f[ \mathbb{E}[\text{distinct}] = N \left(1 - \left(\frac{N-k}{N}\right)^{B}\right) \f]
 * (evaluated as \f$-N\,\mathrm{expm1}(B\,\mathrm{log1p}(-k/N))\f$). Real routers are not
 * uniform; skewed routing touches fewer experts, so this is an upper estimate of
 * the weight traffic for a given batch.
 * \param[in]  experts   The value \f$N\f$, >= 1.
 * \param[in]  active    The value \f$k\f$, 1 .. \p experts.
 * \param[in]  tokens    The value \f$B\f$, tokens routed together. [dimensionless]. Finite, >= 0.
 * \param[out] distinct  The expectation, in [0, N]. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p distinct is NULL
 * \retval THERMOAI_E_NONFINITE  \p tokens is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p experts 0, \p active 0 or above \p experts, \p tokens < 0
 * \par Source
 *   Occupancy of uniform sampling without replacement per token; PRESETS.md item 15
 *   (llmfit and inference-sim bugs).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_work_moe_distinct_experts(uint32_t experts, uint32_t active, double tokens,
                                       double *distinct);

/**
 * \brief Work of one decode step: each of \c batch sequences, with \c context tokens
 *        cached, generates one token.
 * \param[in]     arch    The architecture (see thermoai_model_arch_check()).
 * \param[in]     params  Batch, context and precisions; NULL means the defaults.
 * \param[in,out] out     Caller sets \c struct_size; the counts are written.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        \p arch or \p out is NULL
 * \retval THERMOAI_E_SIZE        a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED unknown \c flags bits or \c reserved non-zero
 * \retval THERMOAI_E_NONFINITE   a bits field is NaN or infinite
 * \retval THERMOAI_E_INVALID     \c batch 0, a bits field < 0, \c compute_precision out of
 *                                range, or the architecture is invalid
 * \retval THERMOAI_E_RANGE       a count overflows double
 * \par Source
 *   doc/cost-model.md, "Work"; paper 003 ("Decode Power Breakdown": weights once per step,
 *   KV cache per sequence).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_work_decode(const thermoai_model_arch *arch, const thermoai_work_params *params,
                         thermoai_work *out);

/**
 * \brief Work of a prefill: \c batch sequences of \c tokens prompt tokens each, after
 *        \c context cached tokens; causal attention unless THERMOAI_WORK_FULL_ATTENTION.
 *
 * Token \f$i\f$ of the prompt (1-based) attends \f$c + i\f$ keys (at most the window),
 * so a sequence's attention covers \f$T c + T(T+1)/2\f$ keys. Logits are computed for
 * the last token of each sequence (every token with THERMOAI_WORK_ALL_LOGITS).
 * \param[in]     arch    The architecture.
 * \param[in]     params  As for thermoai_work_decode(); \c tokens >= 1.
 * \param[in,out] out     Caller sets \c struct_size; the counts are written.
 * \retval THERMOAI_OK          success
 * \retval THERMOAI_E_INVALID   \c tokens 0, or as thermoai_work_decode()
 * \retval other                as thermoai_work_decode()
 * \par Source
 *   doc/cost-model.md, "Work".
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_work_prefill(const thermoai_model_arch *arch, const thermoai_work_params *params,
                          thermoai_work *out);

/**
 * \brief FLOPs of training on \c tokens tokens in sequences of length \c context.
 *
 * \f[ C = \pi\, D \,\bigl(2 P_{matmul} + \bar n\, a\bigr) \f]
 * with \f$\pi = 3\f$ (4 with THERMOAI_WORK_RECOMPUTE), \f$P_{matmul}\f$ the weights of
 * the matrix products one token passes through (output head included), \f$a\f$ the
 * attention FLOPs per key summed over layers and \f$\bar n = (N+1)/2\f$ the mean number
 * of keys per token under causal masking (\f$N\f$ with THERMOAI_WORK_FULL_ATTENTION; a
 * window caps it). The first term is the familiar \f$6 N D\f$ (paper 001 Eq. 34,
 * thermoai_energy_training_flop()); the second is paper 002 Theorem 4.1's attention
 * term, with each layer counted once (see doc/cost-model.md for the paper's form).
 * Bytes are not counted (0).
 * \param[in]     arch    The architecture.
 * \param[in]     params  \c tokens = training tokens \f$D\f$, \c context = sequence length \f$N\f$.
 * \param[in,out] out     Caller sets \c struct_size; FLOPs are written, bytes are 0.
 * \retval THERMOAI_OK          success
 * \retval THERMOAI_E_INVALID   \c tokens or \c context 0, or as thermoai_work_decode()
 * \retval other                as thermoai_work_decode()
 * \par Source
 *   Kaplan et al. 2020 (6 N D); Narayanan et al. 2021 (recomputation); paper 002 Theorem 4.1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_work_training(const thermoai_model_arch *arch, const thermoai_work_params *params,
                           thermoai_work *out);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_WORK_H */
