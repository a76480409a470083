/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/paper_energy.h
 * \brief The energy formulas of papers 002 and 003 exactly as printed, for the reproductions.
 *
 * These are the documents' own forms, each with its equation, so that the reproduction
 * can compute what they print from their stated inputs. They are not the cost model
 * users should trust (cost.h): each ignores terms that decide real energy (idle power,
 * batch, the serving stack). Paper 001's Eqs. (29) and (35) are
 * thermoai_energy_training_j() and thermoai_energy_inference_per_token_j() in energy.h.
 * doc/cost-model.md, "The papers' forms", lists what each leaves out and where its
 * printed examples do not follow from it.
 */
#ifndef THERMOAI_PAPER_ENERGY_H
#define THERMOAI_PAPER_ENERGY_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/paper_energy.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Theorem 4.6 (1): dense attention. \since 0.1.0 */
#define THERMOAI_PAPER_ENERGY_DENSE 0u
/** Theorem 4.6 (2): FlashAttention. \since 0.1.0 */
#define THERMOAI_PAPER_ENERGY_FLASH 1u
/** Theorem 4.6 (3): Spectral Sparse Attention. \since 0.1.0 */
#define THERMOAI_PAPER_ENERGY_SSA 2u

/**
 * \brief Inputs of paper 002 Eq. (13) (size-field struct; initialise with
 *        thermoai_paper_energy_train_terms_init()). Every field finite and >= 0.
 * \since 0.1.0
 */
typedef struct thermoai_paper_energy_train_terms {
    uint32_t struct_size;         /**< sizeof(thermoai_paper_energy_train_terms) */
    uint32_t reserved;            /**< must be 0 */
    double e_flop_j;              /**< \f$e_{flop}\f$, J per FLOP */
    double params;                /**< \f$p\f$, parameters */
    double steps;                 /**< \f$S\f$ as the formula uses it (Example 4.1 puts the token count here) */
    double e_attn_j;              /**< \f$e_{attn}\f$, J per attention FLOP */
    double layers;                /**< \f$L\f$ */
    double heads;                 /**< \f$H\f$ */
    double seq_len;               /**< \f$N\f$ */
    double d_model;               /**< \f$d\f$ */
    double batch;                 /**< \f$B\f$, > 0 (Example 4.1 divides by \f$N\f$ here) */
    double e_mem_j;               /**< \f$e_{mem}\f$, J per parameter checkpointed */
    double checkpoint_interval;   /**< \f$C\f$, steps between checkpoints; 0: no checkpoint term */
    double e_comm_j_per_byte;     /**< \f$e_{comm}\f$, J per byte */
    double allreduce_bytes;       /**< \f$V_{allreduce}\f$, bytes */
} thermoai_paper_energy_train_terms;

/**
 * \brief Fills \p terms with zeros and \c struct_size = \p size.
 * \param[out] terms  The struct.
 * \param[in]  size   sizeof(*terms) as compiled by the caller; at least 112.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p terms is NULL
 * \retval THERMOAI_E_SIZE  \p size below 112 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_paper_energy_train_terms_init(thermoai_paper_energy_train_terms *terms, size_t size);

/**
 * \brief sizeof(thermoai_paper_energy_train_terms) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_paper_energy_train_terms_size(void);

/**
 * \brief Paper 002 Eq. (11): \f$E \approx e_{mem}\, p\, T + e_{flop}\, 2 p\, T + e_{cache}\, 2 N d\, T\f$.
 * \param[in]  e_mem_j    The value \f$e_{mem}\f$, energy per parameter loaded. Unit: J. Finite, >= 0.
 * \param[in]  params     The value \f$p\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  tokens     The value \f$T\f$, tokens generated. [dimensionless]. Finite, >= 0.
 * \param[in]  e_flop_j   The value \f$e_{flop}\f$, energy per FLOP. Unit: J. Finite, >= 0.
 * \param[in]  e_cache_j  The value \f$e_{cache}\f$, energy per KV-cache value. Unit: J. Finite, >= 0.
 * \param[in]  seq_len    The value \f$N\f$, context. [dimensionless]. Finite, >= 0.
 * \param[in]  d_model    The value \f$d\f$. [dimensionless]. Finite, >= 0.
 * \param[out] energy_j   The value \f$E\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Sec. 3.6, Eq. (11) (after Theorem 3.18).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_paper_energy_inference_j(double e_mem_j, double params, double tokens,
                                      double e_flop_j, double e_cache_j, double seq_len,
                                      double d_model, double *energy_j);

/**
 * \brief Paper 002 Eq. (13), Theorem 4.1, as printed:
 * \f[ E = e_{flop}\, 6 p S + e_{attn}\, 4 L H N^2 d\, S / B + e_{mem}\, p \lceil S / C \rceil
 *       + e_{comm} V_{allreduce} \f]
 * \param[in]  terms        The inputs.
 * \param[out] compute_j    The forward/backward term. Unit: J. NaN on error.
 * \param[out] attention_j  The attention term. Unit: J. NaN on error.
 * \param[out] checkpoint_j The checkpointing term (0 when \c checkpoint_interval is 0). Unit: J.
 * \param[out] comm_j       The communication term. Unit: J. NaN on error.
 * \param[out] energy_j     Their sum. Unit: J. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        \c terms->struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED \c reserved non-zero or unknown trailing bytes
 * \retval THERMOAI_E_NONFINITE   a field is NaN or infinite
 * \retval THERMOAI_E_INVALID     a negative field, or \c batch 0
 * \retval THERMOAI_E_RANGE       a result overflows
 * \par Source
 *   Paper 002, Sec. 4.1, Theorem 4.1, Eq. (13); Example 4.1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_paper_energy_training_j(const thermoai_paper_energy_train_terms *terms,
                                     double *compute_j, double *attention_j, double *checkpoint_j,
                                     double *comm_j, double *energy_j);

/**
 * \brief Paper 002 Theorem 4.6: attention energy over \f$N\f$ tokens, dense, flash or SSA.
 * \f[ E_{dense} = e_{flop} 2 N^2 d + e_{mem} N^2,\quad
 *     E_{flash} = e_{flop} 2 N^2 d + e_{mem} N^2 d / M_{SRAM},\quad
 *     E_{SSA} = e_{flop} 2 N^{1.5} d + e_{mem} N^{1.5} \f]
 * \param[in]  kind       THERMOAI_PAPER_ENERGY_DENSE, _FLASH or _SSA.
 * \param[in]  seq_len    The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  d_model    The value \f$d\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  e_flop_j   The value \f$e_{flop}\f$. Unit: J. Finite, >= 0.
 * \param[in]  e_mem_j    The value \f$e_{mem}\f$, energy per value moved. Unit: J. Finite, >= 0.
 * \param[in]  sram_values The value \f$M_{SRAM}\f$, on-chip capacity in values (flash only, > 0). [dimensionless].
 * \param[out] energy_j   The value \f$E\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input, an unknown \p kind, or flash with \p sram_values <= 0
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Sec. 4.5, Theorem 4.6 (1)-(3).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_paper_energy_attention_j(uint32_t kind, double seq_len, double d_model,
                                      double e_flop_j, double e_mem_j, double sram_values,
                                      double *energy_j);

/**
 * \brief Paper 003's decode breakdown: bytes x 8 x energy per bit and FLOPs x energy per FLOP.
 * \f[ E_w = 8 B_w e_{bit},\quad E_a = F e_{FLOP},\quad E_{kv} = 8 B_{kv} e_{bit} \f]
 * \param[in]  weight_bytes  The value \f$B_w\f$, weight bytes read per token. Unit: byte. Finite, >= 0.
 * \param[in]  flop          The value \f$F\f$, FLOPs per token. Unit: FLOP. Finite, >= 0.
 * \param[in]  kv_bytes      The value \f$B_{kv}\f$, KV-cache bytes read per token. Unit: byte. Finite, >= 0.
 * \param[in]  j_per_bit     The value \f$e_{bit}\f$, memory energy per bit. Unit: J. Finite, >= 0.
 * \param[in]  j_per_flop    The value \f$e_{FLOP}\f$. Unit: J. Finite, >= 0.
 * \param[out] weights_j     The value \f$E_w\f$. Unit: J. NaN on error.
 * \param[out] arithmetic_j  The value \f$E_a\f$. Unit: J. NaN on error.
 * \param[out] kv_j          The value \f$E_{kv}\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       an output is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      a result overflows
 * \par Source
 *   Paper 003, "Decode Power Breakdown" (decode_power_breakdown: 140 GB x 8 x 20 pJ/bit).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_paper_energy_blog_decode(double weight_bytes, double flop, double kv_bytes,
                                      double j_per_bit, double j_per_flop, double *weights_j,
                                      double *arithmetic_j, double *kv_j);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_PAPER_ENERGY_H */
