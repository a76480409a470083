/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/model.h
 * \brief Transformer architecture description shared by the bounds and cost models.
 *
 * A #thermoai_model_arch holds the dimensions of a decoder-only transformer.
 * It is a size-field struct: fill it with thermoai_model_arch_init() (or a
 * preset, see model_preset.h) and then set the fields; fields are only ever
 * appended, so a program built against this version keeps working with later
 * libraries.
 */
#ifndef THERMOAI_MODEL_H
#define THERMOAI_MODEL_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/model.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The FFN is gated (SwiGLU/GeGLU): three d x d_ff matrices instead of two. \since 0.1.0 */
#define THERMOAI_MODEL_GATED_FFN 0x1u
/** The output projection shares the token-embedding matrix. \since 0.1.0 */
#define THERMOAI_MODEL_TIED_EMBEDDINGS 0x2u
/** Attention and FFN projections carry bias vectors. \since 0.1.0 */
#define THERMOAI_MODEL_LINEAR_BIAS 0x4u
/** Normalisation layers have a shift (LayerNorm) besides the gain (RMSNorm has none). \since 0.1.0 */
#define THERMOAI_MODEL_NORM_BIAS 0x8u
/** Learned absolute position embeddings (context_length x d_model). \since 0.1.0 */
#define THERMOAI_MODEL_LEARNED_POSITIONS 0x10u
/** The sliding window applies to every other layer (layers 0, 2, 4, ...), the others
 *  attend to the whole context (Gemma 2, gpt-oss); without it, to every layer. \since 0.1.0 */
#define THERMOAI_MODEL_SLIDING_ALTERNATE 0x20u
/** Biases on the Q, K and V projections only (Qwen2/2.5); implied by THERMOAI_MODEL_LINEAR_BIAS. \since 0.1.0 */
#define THERMOAI_MODEL_QKV_BIAS 0x40u
/** One normalisation per block feeds both attention and FFN (GPT-J, Falcon-7B parallel blocks). \since 0.1.0 */
#define THERMOAI_MODEL_PARALLEL_BLOCK 0x80u
/** A normalisation before and after each sub-layer: four per block (Gemma 2). \since 0.1.0 */
#define THERMOAI_MODEL_SANDWICH_NORM 0x100u

/**
 * \brief Dimensions of a decoder-only transformer.
 *
 * Counts are plain integers; \c precision_bits is the number of bits per
 * stored or computed value (16 for FP16/BF16), the \f$b\f$ of paper 000 Sec. 3.1.
 * \since 0.1.0
 */
typedef struct thermoai_model_arch {
    uint32_t struct_size;    /**< sizeof(thermoai_model_arch); set by thermoai_model_arch_init() */
    uint32_t flags;          /**< THERMOAI_MODEL_* bits; unknown bits give THERMOAI_E_UNSUPPORTED */
    uint32_t layers;         /**< transformer blocks \f$L\f$, >= 1 */
    uint32_t heads;          /**< query heads \f$h\f$, >= 1 */
    uint32_t kv_heads;       /**< key/value heads (GQA/MQA); 0 means \c heads; must divide \c heads */
    uint32_t head_dim;       /**< per-head width \f$d_k\f$ of queries and keys; 0 means d_model / heads (must divide) */
    uint64_t d_model;        /**< hidden width \f$d\f$, >= 1 */
    uint64_t d_ff;           /**< dense FFN intermediate width \f$d_{ff}\f$ (one of the gate/up
                                  matrices); >= 1, or 0 in a model whose every layer is MoE */
    uint64_t vocab_size;     /**< vocabulary size \f$V\f$, >= 1 */
    uint64_t context_length; /**< maximum sequence length in tokens, >= 1 */
    double precision_bits;   /**< bits per value \f$b\f$, finite and > 0; default 16 */
    uint64_t params;         /**< parameter count; 0 means computed by thermoai_model_params() */
    /* ---- mixture of experts (all 0: a dense model) ---- */
    uint32_t experts;            /**< routed experts \f$N\f$ per MoE layer; 0 means a dense model */
    uint32_t active_experts;     /**< routed experts per token \f$k\f$ (top-k), 1 <= k <= N */
    uint32_t shared_experts;     /**< experts every token uses, besides the k routed ones */
    uint32_t first_dense_layers; /**< leading layers with a dense FFN of width \c d_ff instead of experts */
    uint64_t expert_d_ff;        /**< intermediate width of one expert FFN (routed and shared), >= 1 with experts */
    /* ---- attention variants ---- */
    uint64_t sliding_window;     /**< keys a query attends to in a windowed layer; 0 means full attention */
    uint32_t q_lora_rank;        /**< MLA: width of the query down-projection; 0 means a direct d x (h d_k) query */
    uint32_t kv_lora_rank;       /**< MLA (DeepSeek-V2/V3): latent width cached per token and layer;
                                      0 means standard multi-head / grouped attention */
    uint32_t rope_head_dim;      /**< MLA: width of the shared rotary key, cached beside the latent
                                      (part of \c head_dim); < head_dim */
    uint32_t v_head_dim;         /**< per-head width of values; 0 means \c head_dim */
} thermoai_model_arch;

/**
 * \brief Fills \p arch with zeros, \c struct_size = \p size and \c precision_bits = 16.
 *
 * \param[out] arch  The struct to initialise.
 * \param[in]  size  sizeof(*arch) as the caller compiled it; at least 120 (the
 *                   size in 0.1.0).
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p arch is NULL
 * \retval THERMOAI_E_SIZE  \p size is smaller than 120 or larger than 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_arch_init(thermoai_model_arch *arch, size_t size);

/**
 * \brief sizeof(thermoai_model_arch) in this library, for FFI callers.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_model_arch_size(void);

/**
 * \brief Checks an architecture against the documented domain.
 *
 * \param[in] arch  The architecture.
 * \retval THERMOAI_OK           the architecture is usable
 * \retval THERMOAI_E_NULL       \p arch is NULL
 * \retval THERMOAI_E_SIZE       \c struct_size is smaller than 120
 * \retval THERMOAI_E_UNSUPPORTED unknown flag bits, or non-zero bytes beyond this
 *                               library's struct
 * \retval THERMOAI_E_NONFINITE  \c precision_bits is NaN or infinite
 * \retval THERMOAI_E_INVALID    a count is zero, \c kv_heads does not divide \c heads,
 *                               \c head_dim is 0 and \c heads does not divide
 *                               \c d_model, or \c precision_bits <= 0; MoE fields
 *                               without \c experts, \c active_experts outside 1..experts,
 *                               \c expert_d_ff 0, \c first_dense_layers > layers, \c d_ff 0
 *                               while a layer is dense; MLA fields without
 *                               \c kv_lora_rank, \c rope_head_dim >= head_dim;
 *                               THERMOAI_MODEL_SLIDING_ALTERNATE without a window,
 *                               PARALLEL_BLOCK together with SANDWICH_NORM
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_arch_check(const thermoai_model_arch *arch);

/**
 * \brief Parameter count: \c arch->params when set, else computed from the dimensions.
 *
 * With \f$n_{kv} = \f$ kv_heads, \f$d_v\f$ = v_head_dim, \f$g = 3\f$ for a gated FFN and
 * 2 otherwise, \f$\nu = 2\f$ with THERMOAI_MODEL_NORM_BIAS and 1 without, \f$\beta = 1\f$
 * with linear biases (0 otherwise):
 * \f[
 *   P = V d \,(2 - t) + p\, n_{ctx} d + \nu d + \sum_{l=1}^{L} \bigl[ A + F_l + 2 \nu d \bigr]
 * \f]
 * where \f$t = 1\f$ for tied embeddings and \f$p = 1\f$ for learned positions. The
 * attention block is
 * \f$A = d h d_k + d n_{kv} (d_k + d_v) + h d_v d + \beta (h d_k + n_{kv}(d_k + d_v) + d)\f$
 * (with THERMOAI_MODEL_QKV_BIAS alone, the bias term lacks its last \f$d\f$ and the
 * FFN has none),
 * or with MLA (\c kv_lora_rank \f$r_{kv} > 0\f$, rotary width \f$r\f$, query rank \f$r_q\f$)
 * \f$A = [d r_q + \nu r_q + r_q h d_k] + d (r_{kv} + r) + \nu r_{kv} + r_{kv} h (d_k - r + d_v) + h d_v d\f$
 * (the bracket is \f$d h d_k\f$ when \f$r_q = 0\f$). A dense FFN is
 * \f$F = g d d_{ff} + \beta((g-1) d_{ff} + d)\f$; a MoE layer (from layer
 * \c first_dense_layers on, \f$N\f$ experts of width \f$e\f$, \f$s\f$ shared) is
 * \f$F = d N + \beta N + (N + s)\,[g d e + \beta((g-1) e + d)]\f$.
 * Two normalisations per block and one final normalisation, as in pre-LN GPT,
 * LLaMA and Falcon blocks. Reproduces the published counts of the shipped
 * presets (exactly where the publisher gives an exact count, for example
 * 6738415616 for LLaMA-2-7B and 179522565120 for Falcon-180B; see
 * tests/ref/model_presets_ref.py).
 *
 * \param[in]  arch    The architecture.
 * \param[out] params  The parameter count [dimensionless]; 0 on error.
 * \retval THERMOAI_OK     success
 * \retval THERMOAI_E_RANGE the count does not fit in 64 bits
 * \retval other           as thermoai_model_arch_check()
 * \par Source
 *   Vaswani et al. 2017 (blocks); DeepSeek-V2/V3 technical reports (MLA); Fedus et al.
 *   2022 and the Mixtral report (experts).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_params(const thermoai_model_arch *arch, uint64_t *params);

/**
 * \brief Parameters one token uses: as thermoai_model_params() with each MoE layer
 *        counting its router, its \f$s\f$ shared and \f$k\f$ routed experts only.
 *
 * \f[ P_{active} = P - \sum_{l \in \mathrm{MoE}} (N - k)\,[g d e + \beta((g-1) e + d)] \f]
 * Embedding tables are included, as the publishers of Mixtral (12.9B) and
 * DeepSeek-V3 (37B) count them. Equals thermoai_model_params() for a dense model;
 * a given \c arch->params is ignored here (the split cannot be inferred from it).
 *
 * \param[in]  arch    The architecture.
 * \param[out] params  Active parameters per token [dimensionless]; 0 on error.
 * \retval THERMOAI_OK     success
 * \retval THERMOAI_E_RANGE the count does not fit in 64 bits
 * \retval other           as thermoai_model_arch_check()
 * \par Source
 *   Fedus et al. 2022 (Switch Transformer, "activated parameters"); Jiang et al. 2024 (Mixtral).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_active_params(const thermoai_model_arch *arch, uint64_t *params);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_MODEL_H */
