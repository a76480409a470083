/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/synth.h
 * \brief Seeded synthetic attention inputs with planted cluster structure.
 *
 * Tokens belong to \f$c\f$ clusters (balanced sizes, random positions). Each
 * cluster has a random unit direction \f$u\f$; queries and keys are
 * \f[ q_i = \sqrt{\ell\sqrt d}\,\frac{a\,u_{c(i)} + \sigma\,g_i}{\sqrt{a^2 + \sigma^2}},\qquad
 *     k_i = \sqrt{\ell\sqrt d}\,\frac{a\,u_{c(i)} + \sigma\,h_i}{\sqrt{a^2 + \sigma^2}} \f]
 * with separation \f$a\f$, noise \f$\sigma\f$, independent \f$g_i, h_i \sim
 * \mathcal N(0, I_d/d)\f$ and logit scale \f$\ell\f$, so that a logit
 * \f$q_i \cdot k_j/\sqrt d\f$ is about \f$\ell\,a^2/(a^2+\sigma^2)\f$ within a cluster
 * and about 0 across clusters. Values are independent standard normals.
 *
 * Regimes (thermoai_synth_params_init()):
 * - #THERMOAI_SYNTH_CONCENTRATED: a = 3, sigma = 1, l = 12; with 64 clusters of
 *   n = 4096 tokens nearly all attention mass (> 0.99) stays in the cluster.
 * - #THERMOAI_SYNTH_DIFFUSE: a = 1, sigma = 1, l = 6; the in-cluster mass is
 *   about 0.22 at n = 4096 with 64 clusters (tests/test_synth.c checks 0.15 - 0.35).
 * - #THERMOAI_SYNTH_UNIFORM: a = 0, l = 1: no structure, near-uniform attention.
 * thermoai_attention_cluster_mass() measures the mass a regime actually gives.
 *
 * \warning Experimental (doc/abi-policy.md): the whole header is declared only when the program
 *          defines THERMOAI_EXPERIMENTAL before including thermoai.h, exported in
 *          the unfrozen THERMOAI_EXPERIMENTAL version node, and free to change
 *          or disappear in any release.
 */
#ifndef THERMOAI_SYNTH_H
#define THERMOAI_SYNTH_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/synth.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(THERMOAI_EXPERIMENTAL)

/** Strongly clustered tokens: attention concentrates in the cluster. \since 0.1.0 */
#define THERMOAI_SYNTH_CONCENTRATED 0u
/** Weakly clustered tokens: much of the attention leaves the cluster. \since 0.1.0 */
#define THERMOAI_SYNTH_DIFFUSE 1u
/** No cluster structure: near-uniform attention. \since 0.1.0 */
#define THERMOAI_SYNTH_UNIFORM 2u

/**
 * \brief Parameters of the generator (size-field struct).
 * \since 0.1.0
 */
typedef struct thermoai_synth_params {
    uint32_t struct_size; /**< sizeof(thermoai_synth_params); set by thermoai_synth_params_init() */
    uint32_t clusters;    /**< number of clusters \f$c\f$, >= 1; 0 means round(sqrt n) */
    double separation;    /**< \f$a\f$, >= 0 */
    double noise;         /**< \f$\sigma\f$, >= 0; \f$a + \sigma > 0\f$ */
    double logit_scale;   /**< \f$\ell\f$, >= 0 */
    uint64_t seed;        /**< random seed */
} thermoai_synth_params;

/**
 * \brief Fills \p params with a regime's values and seed 0.
 * \param[out] params  The struct.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 40.
 * \param[in]  regime  #THERMOAI_SYNTH_CONCENTRATED, _DIFFUSE or _UNIFORM.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p params is NULL
 * \retval THERMOAI_E_SIZE       \p size below 40 or above 2^31
 * \retval THERMOAI_E_UNSUPPORTED unknown regime
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_synth_params_init(thermoai_synth_params *params, size_t size, uint32_t regime);

/**
 * \brief sizeof(thermoai_synth_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_synth_params_size(void);

/**
 * \brief Generates \p n tokens of dimension \p d.
 * \param[in]  n       Tokens, >= 1, <= 2^28.
 * \param[in]  d       Dimension, >= 1, <= 4096.
 * \param[in]  params  The parameters (NULL: concentrated regime, seed 0).
 * \param[out] q       n x d row-major float32; all NaN on error (when n and d are in range).
 * \param[out] k       n x d row-major float32; all NaN on error.
 * \param[out] v       n x d row-major float32; all NaN on error.
 * \param[out] labels  n cluster labels in [0, c), or NULL.
 * \retval THERMOAI_OK           success (identical output for identical inputs, on every platform)
 * \retval THERMOAI_E_NULL       \p q, \p k or \p v is NULL
 * \retval THERMOAI_E_SIZE       \c struct_size too small
 * \retval THERMOAI_E_UNSUPPORTED non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_NONFINITE  a parameter is NaN or infinite
 * \retval THERMOAI_E_INVALID    a size or parameter out of range, or more clusters than tokens
 * \retval THERMOAI_E_RANGE      an entry of q or k beyond the float range (\f$\ell\f$ near 1e77 or more)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_synth_generate(size_t n, size_t d, const thermoai_synth_params *params, float *q,
                            float *k, float *v, uint32_t *labels);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SYNTH_H */
