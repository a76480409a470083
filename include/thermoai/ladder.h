/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/ladder.h
 * \brief The TER ladder of a decode step: how far each layer of reality sits above kT ln 2.
 *
 * Rungs, per generated token, each with its Thermodynamic Efficiency Ratio
 * \f$\mathrm{TER} = E / E_{Landauer}\f$ (ter.h):
 *
 * 1. Landauer: the entropy model's erasure bound (entropy.h), \f$k_B T \ln 2\f$ per bit;
 * 2. arithmetic: the step's FLOPs at the device's energy per FLOP;
 * 3. data movement: plus every byte at its energy per byte;
 * 4. modelled: the whole roofline model of cost.h (idle power over the step time and the
 *    serving stack's overheads included);
 * 5. measured: the caller's measured energy per token, when given.
 */
#ifndef THERMOAI_LADDER_H
#define THERMOAI_LADDER_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/ladder.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/cost.h>
#include <thermoai/entropy.h>
#include <thermoai/export.h>
#include <thermoai/hardware.h>
#include <thermoai/model.h>
#include <thermoai/work.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief The rungs (output size-field struct; NaN on error). \c measured_j and
 *        \c ter_measured are 0 when no measurement was given.
 * \since 0.1.0
 */
typedef struct thermoai_ladder {
    uint32_t struct_size;   /**< set by the caller to sizeof(thermoai_ladder) */
    uint32_t has_measured;  /**< 1 when a measured energy was given */
    double landauer_j;      /**< Landauer bound per token, J */
    double arithmetic_j;    /**< FLOPs x energy per FLOP, per token, J */
    double data_j;          /**< arithmetic plus bytes x energy per byte, per token, J */
    double modelled_j;      /**< the roofline model's energy per token, J */
    double measured_j;      /**< the measured energy per token, J; 0 if none */
    double ter_arithmetic;  /**< arithmetic_j / landauer_j */
    double ter_data;        /**< data_j / landauer_j */
    double ter_modelled;    /**< modelled_j / landauer_j */
    double ter_measured;    /**< measured_j / landauer_j; 0 if none */
} thermoai_ladder;

/**
 * \brief Prepares an output struct: zero bytes, \c struct_size = \p size.
 * \param[out] ladder  The struct.
 * \param[in]  size    sizeof(*ladder) as compiled by the caller; at least 80.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p ladder is NULL
 * \retval THERMOAI_E_SIZE  \p size below 80 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ladder_init(thermoai_ladder *ladder, size_t size);

/**
 * \brief sizeof(thermoai_ladder) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_ladder_size(void);

/**
 * \brief The TER ladder of one decode step.
 *
 * With \p entropy NULL the Landauer rung uses the entropy model's defaults with the
 * sequence length set to the step's context plus one.
 * \param[in]     arch        The architecture.
 * \param[in]     params      Batch, context, precisions (NULL: the defaults).
 * \param[in]     hw          The device.
 * \param[in]     serving     The serving stack, or NULL for none.
 * \param[in]     entropy     Entropy-model options, or NULL.
 * \param[in]     measured_j  Measured energy per generated token, or 0 for none. Unit: J. Finite, >= 0.
 * \param[in,out] out         Caller sets \c struct_size.
 * \retval THERMOAI_OK  success
 * \retval THERMOAI_E_NONFINITE \p measured_j is NaN or infinite
 * \retval THERMOAI_E_INVALID   \p measured_j < 0
 * \retval other        as thermoai_cost_decode(), thermoai_entropy_token_energy_j() and
 *                      thermoai_ter_ratio()
 * \par Source
 *   Paper 000, Sec. 3.2 (TER) and Sec. 4.3 (its decomposition); PRESETS.md item 1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_ladder_decode(const thermoai_model_arch *arch, const thermoai_work_params *params,
                           const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                           const thermoai_entropy_params *entropy, double measured_j,
                           thermoai_ladder *out);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_LADDER_H */
