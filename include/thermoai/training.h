/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/training.h
 * \brief Energy, time and operational CO2e of a training run.
 *
 * A run of \f$C\f$ FLOPs on \f$G\f$ devices of peak \f$F_{peak}\f$ at model FLOPs
 * utilisation \f$u\f$ takes \f$t = C / (G\, u\, F_{peak})\f$. Each device draws an average
 * power \f$P\f$ (by default its board power limit, the convention of the LLaMA, BLOOM
 * and LLMCarbon reports; or a measured system power, as in Patterson et al. 2021) plus
 * a host share \f$P_{host}\f$:
 * \f[ E_{IT} = G\,(P + P_{host})\, t,\qquad E = \mathrm{PUE}\; E_{IT},\qquad
 *     m_{CO_2e} = E \cdot I / 3.6\times 10^{9} \f]
 * with \f$I\f$ the grid intensity in g/kWh (carbon.h for sourced values). The FLOPs come
 * from thermoai_work_training() or thermoai_energy_training_flop() (6 N D).
 */
#ifndef THERMOAI_TRAINING_H
#define THERMOAI_TRAINING_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/training.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/hardware.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Device power from the profile's energy model, \f$P_{idle} + e_{FLOP}\, u\, F_{peak}\f$,
 *  instead of the board power (a lower estimate: memory, communication and non-matmul
 *  work are left out). \since 0.1.0 */
#define THERMOAI_TRAINING_MODELLED_POWER 0x1u

/**
 * \brief A training run (size-field struct; initialise with thermoai_training_params_init()).
 * \since 0.1.0
 */
typedef struct thermoai_training_params {
    uint32_t struct_size;       /**< sizeof(thermoai_training_params) */
    uint32_t flags;             /**< THERMOAI_TRAINING_* bits */
    uint32_t compute_precision; /**< THERMOAI_HARDWARE_* whose peak \f$u\f$ refers to; default BF16 */
    uint32_t reserved;          /**< must be 0 */
    double flop;                /**< FLOPs of the run \f$C\f$, > 0 */
    double devices;             /**< accelerators \f$G\f$, >= 1 */
    double mfu;                 /**< model FLOPs utilisation \f$u\f$, in (0, 1] */
    double device_power_w;      /**< average power per device, W; 0 (default) means the board power */
    double host_power_w;        /**< non-accelerator power per device (CPU, memory, network, fans), W; default 0 */
    double pue;                 /**< power usage effectiveness, >= 1; default 1 */
    double grid_g_per_kwh;      /**< grid carbon intensity, gCO2e/kWh, >= 0; default 0 */
} thermoai_training_params;

/**
 * \brief The run's time, energy and CO2e (output size-field struct; NaN on error).
 * \since 0.1.0
 */
typedef struct thermoai_training_result {
    uint32_t struct_size;     /**< set by the caller to sizeof(thermoai_training_result) */
    uint32_t reserved;        /**< written as 0 */
    double time_s;            /**< wall time \f$t\f$, s */
    double device_hours;      /**< \f$G\, t\f$ in hours (GPU-hours) */
    double device_power_w;    /**< average power per device used, host share included, W */
    double it_energy_j;       /**< \f$E_{IT}\f$, J */
    double facility_energy_j; /**< \f$E\f$ = PUE x \f$E_{IT}\f$, J */
    double co2e_kg;           /**< operational emissions, kg CO2e */
} thermoai_training_result;

/**
 * \brief Fills \p params with the defaults (BF16, PUE 1, board power, no host share, no grid).
 * \param[out] params  The struct.
 * \param[in]  size    sizeof(*params) as compiled by the caller; at least 72.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p params is NULL
 * \retval THERMOAI_E_SIZE  \p size below 72 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_training_params_init(thermoai_training_params *params, size_t size);

/**
 * \brief sizeof(thermoai_training_params) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_training_params_size(void);

/**
 * \brief Prepares an output struct: zero bytes, \c struct_size = \p size.
 * \param[out] result  The struct.
 * \param[in]  size    sizeof(*result) as compiled by the caller; at least 56.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p result is NULL
 * \retval THERMOAI_E_SIZE  \p size below 56 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_training_result_init(thermoai_training_result *result, size_t size);

/**
 * \brief sizeof(thermoai_training_result) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_training_result_size(void);

/**
 * \brief Time, GPU-hours, energy and CO2e of a training run on \c devices copies of \p hw.
 * \param[in]     hw      The device (its peak in the compute precision; its board power, or
 *                        its energies with THERMOAI_TRAINING_MODELLED_POWER, unless
 *                        \c device_power_w is given).
 * \param[in]     params  The run.
 * \param[in,out] out     Caller sets \c struct_size.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED unknown flags, \c reserved non-zero, no peak in the compute
 *                                precision, or no power: \c device_power_w and the board
 *                                power both 0 (a TPU preset), or no energies for the
 *                                modelled power
 * \retval THERMOAI_E_NONFINITE   a field is NaN or infinite
 * \retval THERMOAI_E_INVALID     \c flop <= 0, \c devices < 1, \c mfu outside (0, 1], a
 *                                negative power or intensity, \c pue < 1, precision out of
 *                                range, or the profile is invalid
 * \retval THERMOAI_E_RANGE       a result overflows
 * \par Source
 *   Patterson et al. 2021 (arXiv:2104.10350), "KWh = hours x processors x average power x
 *   PUE"; Touvron et al. 2023 (LLaMA 2, Table 2); paper 001 Eq. (29) with
 *   \f$e_{FLOP} = P / (u F_{peak})\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_training_run(const thermoai_hardware *hw, const thermoai_training_params *params,
                          thermoai_training_result *out);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_TRAINING_H */
