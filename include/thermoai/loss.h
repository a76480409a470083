/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/loss.h
 * \brief Loss models for allocation: separable power laws and published fits.
 *
 * One separable model covers both forms in use. With \f$p\f$ parameters,
 * \f$s\f$ training tokens (the resource that costs compute with the parameters:
 * steps times tokens per step) and \f$n\f$ distinct data samples,
 * \f[ L(p, s, n) = E_\infty + \frac{c_p}{p^{\gamma_p}} + \frac{c_s}{s^{\gamma_s}}
 *     + \frac{c_n}{n^{\gamma_n}}. \f]
 * Without the data term (\f$c_n = 0\f$) this is the Chinchilla form of
 * Hoffmann et al. 2022, \f$L(N, D) = E + A/N^\alpha + B/D^\beta\f$, with
 * \f$A = c_p\f$, \f$\alpha = \gamma_p\f$, \f$B = c_s\f$, \f$\beta = \gamma_s\f$.
 * With it, it is paper 002's Eq. (6),
 * \f$\mathcal{E}(n, p, s) = \mathcal{E}_\infty + a n^{-\alpha} + b s^{-\beta} + c p^{-\gamma}\f$,
 * with \f$a = c_n\f$, \f$\alpha = \gamma_n\f$, \f$b = c_s\f$, \f$\beta = \gamma_s\f$,
 * \f$c = c_p\f$, \f$\gamma = \gamma_p\f$. (The letters clash between the two
 * papers, so the fields are named by resource.)
 *
 * Losses are in nats per token, the unit of every published fit. Everything
 * is linear in \f$E_\infty\f$ and the coefficients, so a model written in bits
 * gives losses (and multipliers) in bits; allocations do not depend on the unit.
 *
 * \par Presets (thermoai_loss_preset_find())
 * | name | alias | \f$E\f$ | \f$A\f$ | \f$\alpha\f$ | \f$B\f$ | \f$\beta\f$ | source |
 * |---|---|---|---|---|---|---|---|
 * | hoffmann2022 | chinchilla | 1.69 | 406.4 | 0.34 | 410.7 | 0.28 | Hoffmann et al. 2022, approach 3, Eq. (10), as printed |
 * | hoffmann2022-tex | | 1.6934 | 406.4 | 0.3392 | 410.7 | 0.2849 | the same fit with the unrounded exponents of the paper's TeX source, as quoted by Besiroglu et al. 2024 |
 * | besiroglu2024 | epoch2024 | 1.8172 | 482.01 | 0.3478 | 2085.43 | 0.3658 | Besiroglu, Erdil, Barnett, You 2024 (Epoch AI), the replication's estimates |
 * | kaplan2020 | kaplan | 0 | \f$(8.8\cdot10^{13})^{0.076}\f$ | 0.076 | \f$(5.4\cdot10^{13})^{0.095}\f$ | 0.095 | Kaplan et al. 2020, Eqs. (1.1)-(1.2), summed as in paper 001 Eq. (20) |
 *
 * The Kaplan row is the sum of Kaplan's two single-resource laws
 * \f$(N_c/N)^{\alpha_N}\f$ and \f$(D_c/D)^{\alpha_D}\f$ with the exponents paper 001
 * quotes (its Theorem 3.4); Kaplan's own joint law (their Eq. 1.5) is not
 * separable, and their \f$N\f$ counts non-embedding parameters.
 */
#ifndef THERMOAI_LOSS_H
#define THERMOAI_LOSS_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/loss.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief A separable power-law loss model (size-field struct).
 *
 * The parameter and token terms are always present (coefficients and
 * exponents > 0); the data term is present when \c data_coef > 0.
 * \since 0.1.0
 */
typedef struct thermoai_loss_model {
    uint32_t struct_size;    /**< sizeof(thermoai_loss_model); set by thermoai_loss_model_init() */
    uint32_t reserved;       /**< must be 0 */
    double irreducible_nats; /**< \f$E_\infty\f$ (Chinchilla's \f$E\f$), nat per token, >= 0 */
    double params_coef;      /**< \f$c_p\f$ (Chinchilla's \f$A\f$, Eq. 6's \f$c\f$), > 0 */
    double params_exponent;  /**< \f$\gamma_p\f$ (Chinchilla's \f$\alpha\f$, Eq. 6's \f$\gamma\f$), > 0 */
    double tokens_coef;      /**< \f$c_s\f$ (Chinchilla's \f$B\f$, Eq. 6's \f$b\f$), > 0 */
    double tokens_exponent;  /**< \f$\gamma_s\f$ (Chinchilla's \f$\beta\f$, Eq. 6's \f$\beta\f$), > 0 */
    double data_coef;        /**< \f$c_n\f$ (Eq. 6's \f$a\f$), >= 0; 0 = no data term (the Chinchilla form) */
    double data_exponent;    /**< \f$\gamma_n\f$ (Eq. 6's \f$\alpha\f$), > 0 when the data term is present */
} thermoai_loss_model;

/**
 * \brief Defaults: the hoffmann2022 preset (no data term).
 * \param[out] model  The struct.
 * \param[in]  size   sizeof(*model) as compiled by the caller; at least 64.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p model is NULL
 * \retval THERMOAI_E_SIZE  \p size below 64 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_loss_model_init(thermoai_loss_model *model, size_t size);

/**
 * \brief sizeof(thermoai_loss_model) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_loss_model_size(void);

/**
 * \brief Loss of an allocation.
 *
 * \f[ L = E_\infty + c_p p^{-\gamma_p} + c_s s^{-\gamma_s} + c_n n^{-\gamma_n}. \f]
 * Each term is \f$\exp(\ln c - \gamma \ln x)\f$, so no intermediate overflows.
 *
 * \param[in]  model      The model.
 * \param[in]  params     Parameters \f$p\f$, parameters. [dimensionless]. Finite, > 0.
 * \param[in]  tokens     Training tokens \f$s\f$, training tokens. [dimensionless]. Finite, > 0.
 * \param[in]  data       Data samples \f$n\f$, data samples. [dimensionless]. Finite; > 0 when the data
 *                        term is present, ignored otherwise.
 * \param[out] loss_nats  Loss \f$L\f$. Unit: nat per token. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        \c struct_size below 64
 * \retval THERMOAI_E_UNSUPPORTED \c reserved non-zero, or non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_NONFINITE   a field or input is NaN or infinite
 * \retval THERMOAI_E_INVALID     \f$E_\infty < 0\f$, a non-positive coefficient or exponent of a
 *                                present term, a negative data coefficient, or a resource <= 0
 * \retval THERMOAI_E_RANGE       the loss overflows
 * \par Source
 *   Paper 002, Eq. (6); Hoffmann et al. 2022, Eq. (2).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_loss_nats(const thermoai_loss_model *model, double params, double tokens, double data,
                       double *loss_nats);

/**
 * \brief Looks up a published fit by name (table in the file description).
 * \param[in]     name   Preset name or alias, case-insensitive.
 * \param[in,out] model  Initialised with thermoai_loss_model_init(); the preset is written
 *                       over it (its \c struct_size is kept).
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p name or \p model is NULL
 * \retval THERMOAI_E_SIZE       \c model->struct_size is smaller than 64
 * \retval THERMOAI_E_NOT_FOUND  no preset of that name
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_loss_preset_find(const char *name, thermoai_loss_model *model);

/**
 * \brief Number of loss-model presets.
 * \return The count; indexes 0 .. count-1 are valid for thermoai_loss_preset_info().
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_loss_preset_count(void);

/**
 * \brief The preset at \p index, with its name and its source, for listing.
 * \param[in]     index   0 .. thermoai_loss_preset_count() - 1.
 * \param[out]    name    The canonical name (static storage); may be NULL.
 * \param[out]    source  Paper, table or equation, and the printed values (static storage);
 *                        may be NULL.
 * \param[in,out] model   As in thermoai_loss_preset_find(); may be NULL.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_SIZE       \c model->struct_size is smaller than 64
 * \retval THERMOAI_E_NOT_FOUND  \p index is out of range (\p name and \p source set to NULL)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_loss_preset_info(size_t index, const char **name, const char **source,
                              thermoai_loss_model *model);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_LOSS_H */
