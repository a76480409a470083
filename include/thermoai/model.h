/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/model.h
 * \brief Transformer architecture description shared by the bounds and cost models.
 *
 * A #thermoai_model_arch holds the dimensions of a decoder-only transformer.
 * It is a size-field struct: fill it with thermoai_model_arch_init() (or a
 * preset, see presets.h) and then set the fields; fields are only ever
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
    uint32_t head_dim;       /**< per-head width \f$d_k\f$; 0 means d_model / heads (must divide) */
    uint64_t d_model;        /**< hidden width \f$d\f$, >= 1 */
    uint64_t d_ff;           /**< FFN intermediate width \f$d_{ff}\f$, >= 1 */
    uint64_t vocab_size;     /**< vocabulary size \f$V\f$, >= 1 */
    uint64_t context_length; /**< maximum sequence length in tokens, >= 1 */
    double precision_bits;   /**< bits per value \f$b\f$, finite and > 0; default 16 */
    uint64_t params;         /**< parameter count; 0 means computed by thermoai_model_params() */
} thermoai_model_arch;

/**
 * \brief Fills \p arch with zeros, \c struct_size = \p size and \c precision_bits = 16.
 *
 * \param[out] arch  The struct to initialise.
 * \param[in]  size  sizeof(*arch) as the caller compiled it; at least 72 (the
 *                   size in 0.1.0).
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p arch is NULL
 * \retval THERMOAI_E_SIZE  \p size is smaller than 72 or larger than 2^31
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
 * \retval THERMOAI_E_SIZE       \c struct_size is smaller than 72
 * \retval THERMOAI_E_UNSUPPORTED unknown flag bits, or non-zero bytes beyond this
 *                               library's struct
 * \retval THERMOAI_E_NONFINITE  \c precision_bits is NaN or infinite
 * \retval THERMOAI_E_INVALID    a count is zero, \c kv_heads does not divide \c heads,
 *                               \c head_dim is 0 and \c heads does not divide
 *                               \c d_model, or \c precision_bits <= 0
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_arch_check(const thermoai_model_arch *arch);

/**
 * \brief Parameter count: \c arch->params when set, else computed from the dimensions.
 *
 * With \f$n_{kv} = \f$ kv_heads, \f$g = 3\f$ for a gated FFN and 2 otherwise,
 * \f$\nu = 2\f$ with THERMOAI_MODEL_NORM_BIAS and 1 without:
 * \f[
 *   P = V d \,(2 - t) + p\, n_{ctx} d
 *     + L \bigl[ 2 d h d_k + 2 d n_{kv} d_k + g\, d\, d_{ff}
 *       + \beta (h d_k + 2 n_{kv} d_k + d + (g-1) d_{ff} + d) + 2 \nu d \bigr] + \nu d
 * \f]
 * where \f$t = 1\f$ for tied embeddings, \f$p = 1\f$ for learned positions and
 * \f$\beta = 1\f$ for linear biases (0 otherwise). Two normalisations per block
 * and one final normalisation, as in pre-LN GPT, LLaMA and Falcon blocks.
 * Reproduces the published counts of the shipped presets exactly (for example
 * 6738415616 for LLaMA-2-7B, 179522565120 for Falcon-180B).
 *
 * \param[in]  arch    The architecture.
 * \param[out] params  The parameter count [dimensionless]; 0 on error.
 * \retval THERMOAI_OK     success
 * \retval THERMOAI_E_RANGE the count does not fit in 64 bits
 * \retval other           as thermoai_model_arch_check()
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_params(const thermoai_model_arch *arch, uint64_t *params);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_MODEL_H */
