/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/entropy.h
 * \brief Layer-wise entropy model of transformer inference and its per-token Landauer bound.
 *
 * Paper 000 (Sec. 3.1-3.2) estimates the information a transformer erases to
 * generate one token, layer by layer, and prices it at \f$k_B T \ln 2\f$ per bit:
 * \f[
 *   \Delta H_{attn} = h\, r\, (d_k b - \log_2 n), \quad
 *   \Delta H_{FFN} = d_{ff}\, \alpha\, b, \quad
 *   \Delta H_{norm} = 2b \text{ per application},
 * \f]
 * \f[
 *   E^{token}_{Landauer} = k_B T \ln 2 \sum_{l=1}^{L}
 *     \bigl(\Delta H_{attn} + \Delta H_{FFN} + 2\Delta H_{norm}\bigr).
 * \f]
 * Here \f$r\f$ is the number of softmax rows per head. The paper writes
 * \f$h \cdot n \cdot (\ldots)\f$, which counts all \f$n\f$ query rows, while its
 * prose is about generating one new token, where a decoder with a KV cache
 * evaluates one query row per head. thermoai makes the choice explicit:
 * #THERMOAI_ENTROPY_ROWS_ONE (\f$r = 1\f$, the default: the work actually done
 * for one token) or #THERMOAI_ENTROPY_ROWS_ALL (\f$r = n\f$, the formula as
 * printed). See the page "The entropy model" for the assumptions and limits.
 */
#ifndef THERMOAI_ENTROPY_H
#define THERMOAI_ENTROPY_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/entropy.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One softmax row per head: the new token's query during decoding with a KV cache (default). \since 0.1.0 */
#define THERMOAI_ENTROPY_ROWS_ONE 0u
/** \f$n\f$ softmax rows per head: the formula of paper 000 Sec. 3.1 as printed. \since 0.1.0 */
#define THERMOAI_ENTROPY_ROWS_ALL 1u

/**
 * \brief Options of the entropy model (size-field struct; NULL means all defaults).
 * \since 0.1.0
 */
typedef struct thermoai_entropy_params {
    uint32_t struct_size;       /**< sizeof(thermoai_entropy_params); set by thermoai_entropy_params_init() */
    uint32_t attention_rows;    /**< #THERMOAI_ENTROPY_ROWS_ONE (default) or #THERMOAI_ENTROPY_ROWS_ALL */
    uint64_t seq_len;           /**< sequence length \f$n\f$ in tokens; 0 (default) means the model's context length */
    double saturation_fraction; /**< \f$\alpha\f$, FFN neurons in the near-zero regime, in [0, 1]; default 0.15 (paper 000) */
    double temperature_k;       /**< bath temperature \f$T\f$ in K, > 0; default 300 */
} thermoai_entropy_params;

/**
 * \brief Per-layer and per-token result of the entropy model (output struct).
 *
 * Set \c struct_size to sizeof before the call; the library writes the fields
 * that fit. On error every \c double field that fits is NaN, also when
 * \c struct_size is below 56 (the call is then THERMOAI_E_SIZE).
 * \since 0.1.0
 */
typedef struct thermoai_entropy_breakdown {
    uint32_t struct_size;  /**< set by the caller to sizeof(thermoai_entropy_breakdown) */
    uint32_t reserved;     /**< written as 0 */
    double attention_bits; /**< \f$\Delta H_{attn}\f$ of one layer, bits */
    double ffn_bits;       /**< \f$\Delta H_{FFN}\f$ of one layer, bits */
    double norm_bits;      /**< \f$2\Delta H_{norm}\f$ of one layer (both normalisations), bits */
    double layer_bits;     /**< sum of the three, one layer, bits */
    double token_bits;     /**< \f$L\f$ times \c layer_bits, bits per generated token */
    double token_energy_j; /**< \c token_bits times \f$k_B T \ln 2\f$, J per generated token */
} thermoai_entropy_breakdown;

/**
 * \brief Fills \p params with the defaults (rows one, \f$n\f$ = context, \f$\alpha\f$ = 0.15, 300 K).
 * \param[out] params  The struct to initialise.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 32.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size is smaller than 32 or larger than 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_entropy_params_init(thermoai_entropy_params *params, size_t size);

/**
 * \brief sizeof(thermoai_entropy_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_entropy_params_size(void);

/**
 * \brief sizeof(thermoai_entropy_breakdown) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_entropy_breakdown_size(void);

/**
 * \brief Prepares an output struct for thermoai_entropy_token(): zero bytes, \c struct_size = \p size.
 * \param[out] out   The struct.
 * \param[in]  size  sizeof(*out) as compiled by the caller; at least 56.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p out is NULL
 * \retval THERMOAI_E_SIZE  \p size below 56 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_entropy_breakdown_init(thermoai_entropy_breakdown *out, size_t size);

/**
 * \brief Entropy erased by the softmax of one layer's attention.
 *
 * \f[ \Delta H_{attn} = h \, r \, (d_k \, b - \log_2 n) \f]
 *
 * \param[in]  heads           Query heads \f$h\f$, >= 1.
 * \param[in]  head_dim        Per-head width \f$d_k\f$, >= 1.
 * \param[in]  precision_bits  Bits per value \f$b\f$. Unit: bit. Finite, > 0.
 * \param[in]  seq_len         Sequence length \f$n\f$ (keys per softmax), >= 1.
 * \param[in]  rows            Softmax rows per head \f$r\f$: 1 when decoding with a KV
 *                             cache, \f$n\f$ for the formula as printed; >= 1.
 * \param[out] bits            The value \f$\Delta H_{attn}\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  \p precision_bits is NaN or infinite
 * \retval THERMOAI_E_INVALID    a count is 0 or \p precision_bits <= 0
 * \retval THERMOAI_E_DOMAIN     \f$\log_2 n \ge d_k b\f$: the approximation gives no
 *                               positive erasure
 * \retval THERMOAI_E_RANGE      the result overflows double
 * \par Accuracy
 *   Within 4 + 2 (d_k b + log2 n + 1) / |d_k b - log2 n| ulp: the difference cancels when log2
 *   n nears d_k b; log2 n is formed from the exact integer n. 1 ulp without cancellation.
 * \par Source
 *   Paper 000, Sec. 3.1, equation for \f$\Delta H_{attn}\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_entropy_attention_bits(uint32_t heads, uint32_t head_dim, double precision_bits,
                                    uint64_t seq_len, uint64_t rows, double *bits);

/**
 * \brief Entropy erased by one layer's FFN activation.
 *
 * \f[ \Delta H_{FFN} = d_{ff} \, \alpha \, b \f]
 *
 * \param[in]  d_ff                 FFN width \f$d_{ff}\f$, >= 1.
 * \param[in]  saturation_fraction  The value \f$\alpha\f$, fraction of neurons near zero. [dimensionless].
 *                                  In [0, 1]; the paper estimates 0.15.
 * \param[in]  precision_bits       Bits per value \f$b\f$. Unit: bit. Finite, > 0.
 * \param[out] bits                 The value \f$\Delta H_{FFN}\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p d_ff is 0, \f$\alpha\f$ outside [0, 1], or \p precision_bits <= 0
 * \retval THERMOAI_E_RANGE      the result overflows double
 * \par Accuracy
 *   Within 3 ulp (d_ff rounded to a double above 2^53, two products; 1 ulp seen).
 * \par Source
 *   Paper 000, Sec. 3.1, equation for \f$\Delta H_{FFN}\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_entropy_ffn_bits(uint64_t d_ff, double saturation_fraction, double precision_bits,
                              double *bits);

/**
 * \brief Entropy erased by one normalisation (LayerNorm fixes mean and variance).
 *
 * \f[ \Delta H_{norm} = 2 b \f]
 *
 * \param[in]  precision_bits  Bits per value \f$b\f$. Unit: bit. Finite, > 0.
 * \param[out] bits            The value \f$\Delta H_{norm}\f$ per application. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  \p precision_bits is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p precision_bits <= 0
 * \retval THERMOAI_E_RANGE      the result overflows double or is subnormal
 * \par Accuracy
 *   Exact.
 * \par Source
 *   Paper 000, Sec. 3.1, equation for \f$\Delta H_{norm}\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_entropy_norm_bits(double precision_bits, double *bits);

/**
 * \brief Per-layer terms, per-token bits and the per-token Landauer energy.
 *
 * \f[ E^{token} = k_B T \ln 2 \cdot L \,(\Delta H_{attn} + \Delta H_{FFN} + 2\Delta H_{norm}) \f]
 * with \f$h\f$ = heads, \f$d_k\f$ = head_dim, \f$b\f$ = precision_bits of \p arch; in a
 * model whose every layer is mixture-of-experts (\c d_ff = 0), \f$d_{ff}\f$ is the width a
 * token passes through, (active_experts + shared_experts) x expert_d_ff.
 *
 * \param[in]     arch    The architecture (see thermoai_model_arch_check()).
 * \param[in]     params  Options, or NULL for the defaults.
 * \param[in,out] out     Caller sets \c struct_size; the result is written.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p arch or \p out is NULL
 * \retval THERMOAI_E_SIZE       a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED unknown \c attention_rows value or flag bits, or
 *                               non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_NONFINITE  \f$\alpha\f$ or \f$T\f$ is NaN or infinite
 * \retval THERMOAI_E_INVALID    \f$\alpha\f$ outside [0, 1], \f$T \le 0\f$, or the
 *                               architecture is invalid
 * \retval THERMOAI_E_DOMAIN     \f$\log_2 n \ge d_k b\f$
 * \retval THERMOAI_E_RANGE      a result overflows or underflows double
 * \par Source
 *   Paper 000, Sec. 3.2, equation for \f$E_{Landauer}^{token}\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_entropy_token(const thermoai_model_arch *arch, const thermoai_entropy_params *params,
                           thermoai_entropy_breakdown *out);

/**
 * \brief Per-token Landauer energy only; as thermoai_entropy_token().
 *
 * \param[in]  arch      The architecture.
 * \param[in]  params    Options, or NULL for the defaults.
 * \param[out] energy_j  The value \f$E^{token}\f$. Unit: J per generated token. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_entropy_token()
 * \par Source
 *   Paper 000, Sec. 3.2.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_entropy_token_energy_j(const thermoai_model_arch *arch,
                                    const thermoai_entropy_params *params, double *energy_j);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_ENTROPY_H */
