/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/hardware_preset.h
 * \brief Named accelerator profiles, each with its source, how it was read and its date.
 *
 * Names are matched case-insensitively. Each preset's datasheet values (dense and
 * 2:4-sparse peaks, memory, bandwidth, board power) come from the vendor document
 * cited in its source; thermoai_hardware_preset_status() says how the value was read:
 * "verified" (the vendor's own document text), "secondary" (a reputable copy of the
 * vendor table: reseller datasheets, transcriptions, a vendor slide deck hosted by a
 * third party), "unverified" (derived or kept without confirmation) or "measured".
 * Peaks, capacity and bandwidth are decimal (1 TB/s = 1e12 bytes/s).
 *
 * The energy parameters of a datasheet preset are filled by
 * thermoai_hardware_derive_energy() (origin DATASHEET; idle and efficiencies ASSUMED).
 * Devices whose vendor publishes no board power (the TPUs) have none: set
 * \c board_power_w and call thermoai_hardware_derive_energy(), or set the energies.
 *
 * \c h100-sxm-measured is the h100-sxm row fitted by thermoai_calibrate_energy() to
 * the microbenchmark in data/h100_microbench.json (compiled in; idle power, energy
 * per BF16 and FP32 FLOP and per byte above idle, achieved bandwidth and BF16 rate);
 * its other precisions are derived from the fit.
 *
 * | name | BF16 dense TFLOP/s | memory GB | TB/s | W | status |
 * |---|---|---|---|---|---|
 * | v100-sxm2-16 / v100-sxm2-32 | 125 (FP16 tensor) | 16 / 32 | 0.90 | 300 | secondary |
 * | a100-40-sxm / a100-80-sxm | 312 | 40 / 80 | 1.555 / 2.039 | 400 | secondary |
 * | a100-40-pcie / a100-80-pcie | 312 | 40 / 80 | 1.555 / 1.935 | 250 / 300 | secondary |
 * | h100-sxm, h100-sxm-measured | 989.4 | 80 | 3.35 | 700 | secondary / measured |
 * | h100-pcie / h100-nvl | 756.5 / 835.5 | 80 / 94 | 2.0 / 3.9 | 350 / 400 | secondary |
 * | h200 / h200-nvl | 989.4 / 835.5 | 141 | 4.8 | 700 / 600 | secondary |
 * | gh200 (GPU; power is the module's) | 989.4 | 96 | 4.0 | 1000 | secondary |
 * | b200 / gb200 (per GPU) / b300 | 2250 / 2500 / 2250 | 180 / 186 / 270 | 7.7 / 8.0 / 7.7 | 1000 / 1200 / 1100 | secondary |
 * | mi250x / mi250 / mi300x / mi325x | 383 / 362.1 / 1307.4 / 1307.4 | 128 / 128 / 192 / 256 | 3.2 / 3.2 / 5.3 / 6.0 | 560 / 500 / 750 / 1000 | secondary, verified, verified, secondary |
 * | gaudi3 | 1835 | 128 | 3.67 | 900 | secondary |
 * | tpu-v5e / tpu-v5p / tpu-v6e | 197 / 459 / 918 | 16 / 102 / 32 | 0.819 / 2.765 / 1.64 | not published | verified |
 * | l40s / l4 / a10 | 362.05 / 121 / 125 | 48 / 24 / 24 | 0.864 / 0.300 / 0.600 | 350 / 72 / 150 | secondary |
 * | rtx-4090 (FP32 accumulate) | 165.2 | 24 | 1.008 | 450 | secondary |
 * | rtx-4060-laptop | 29.1 (derived) | 8 | 0.256 | 115 | unverified |
 * | apple-m4 (10-core GPU; system power) | 3.76 (FP32 rate, estimated) | 16 | 0.120 | 65 | unverified |
 */
#ifndef THERMOAI_HARDWARE_PRESET_H
#define THERMOAI_HARDWARE_PRESET_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/hardware_preset.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <thermoai/export.h>
#include <thermoai/hardware.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Looks up a hardware preset by name.
 * \param[in]     name  Preset name or alias, case-insensitive.
 * \param[in,out] hw    Initialised with thermoai_hardware_init(); the preset is written
 *                      over it (its \c struct_size is kept).
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p name or \p hw is NULL
 * \retval THERMOAI_E_SIZE       \c hw->struct_size is smaller than 272
 * \retval THERMOAI_E_NOT_FOUND  no preset of that name
 * \retval THERMOAI_E_INTERNAL   the compiled-in calibration failed (a bug)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_preset_find(const char *name, thermoai_hardware *hw);

/**
 * \brief Number of hardware presets.
 * \return The count; indexes 0 .. count-1 are valid for thermoai_hardware_preset_info().
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_hardware_preset_count(void);

/**
 * \brief The preset at \p index, with its name and source, for listing.
 * \param[in]     index   0 .. thermoai_hardware_preset_count() - 1.
 * \param[out]    name    The canonical name (static storage); may be NULL.
 * \param[out]    source  Source document, its address and notes (static storage); may be NULL.
 * \param[in,out] hw      As in thermoai_hardware_preset_find(); may be NULL.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_SIZE       \c hw->struct_size is smaller than 272
 * \retval THERMOAI_E_NOT_FOUND  \p index is out of range (\p name and \p source set to NULL)
 * \retval THERMOAI_E_INTERNAL   the compiled-in calibration failed (a bug)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_preset_info(size_t index, const char **name, const char **source,
                                  thermoai_hardware *hw);

/**
 * \brief How the preset at \p index was sourced, and as of when.
 * \param[in]  index   0 .. thermoai_hardware_preset_count() - 1.
 * \param[out] status  "verified", "secondary", "unverified" or "measured" (static storage);
 *                     may be NULL.
 * \param[out] as_of   Date of the source document or measurement, as precise as known
 *                     (static storage); may be NULL.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NOT_FOUND  \p index is out of range (outputs set to NULL)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_preset_status(size_t index, const char **status, const char **as_of);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_HARDWARE_PRESET_H */
