/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/hardware.h
 * \brief Accelerator profiles: peaks per precision, memory, power and energy per operation.
 *
 * A #thermoai_hardware describes one device (one GPU, one TPU chip, one SoC) for the
 * cost models of cost.h: dense peak throughput per precision (2:4-sparse peaks in
 * separate fields, never mixed with dense), memory capacity and bandwidth (bytes and
 * bytes/s, decimal), board power limit and idle power, energy per FLOP per precision
 * and per byte of off-chip memory traffic, interconnect bandwidth and energy, and the
 * achievable fractions of peak. Each energy parameter says where it came from
 * (#THERMOAI_HARDWARE_ORIGIN_DATASHEET, _MEASURED or _ASSUMED).
 *
 * The energy model every profile feeds is additive (doc/cost-model.md):
 * \f[ E = P_{idle}\, t + e_{byte} B + \sum_p e_{FLOP,p} F_p \f]
 * where \f$e_{byte}\f$ and \f$e_{FLOP,p}\f$ are energies *above idle*. Fill a profile
 * from a preset (hardware_preset.h), by hand, or from measurements with
 * thermoai_calibrate_energy().
 */
#ifndef THERMOAI_HARDWARE_H
#define THERMOAI_HARDWARE_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/hardware.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** FP64 (vector rate; tensor-core FP64 is not stored). \since 0.1.0 */
#define THERMOAI_HARDWARE_FP64 0u
/** FP32 (vector, non-tensor rate). \since 0.1.0 */
#define THERMOAI_HARDWARE_FP32 1u
/** TF32 tensor math. \since 0.1.0 */
#define THERMOAI_HARDWARE_TF32 2u
/** BF16 and FP16 tensor math (equal rates on every shipped device). \since 0.1.0 */
#define THERMOAI_HARDWARE_BF16 3u
/** FP8 tensor math. \since 0.1.0 */
#define THERMOAI_HARDWARE_FP8 4u
/** INT8 tensor math (operations, not FLOPs). \since 0.1.0 */
#define THERMOAI_HARDWARE_INT8 5u
/** FP4 (and MXFP4/NVFP4) tensor math. \since 0.1.0 */
#define THERMOAI_HARDWARE_FP4 6u
/** INT4 tensor math (operations). \since 0.1.0 */
#define THERMOAI_HARDWARE_INT4 7u
/** Number of precisions; valid precision values are 0 .. THERMOAI_HARDWARE_PRECISIONS - 1. \since 0.1.0 */
#define THERMOAI_HARDWARE_PRECISIONS 8u

/** The value is not set (0). \since 0.1.0 */
#define THERMOAI_HARDWARE_ORIGIN_UNSET 0u
/** Derived from datasheet figures (board power, peaks, bandwidth) by the rule of
 *  thermoai_hardware_derive_energy(). \since 0.1.0 */
#define THERMOAI_HARDWARE_ORIGIN_DATASHEET 1u
/** Fitted to measurements by thermoai_calibrate_energy(). \since 0.1.0 */
#define THERMOAI_HARDWARE_ORIGIN_MEASURED 2u
/** An assumption: a library default or a value the caller typed in. \since 0.1.0 */
#define THERMOAI_HARDWARE_ORIGIN_ASSUMED 3u

/**
 * \brief One accelerator (size-field struct; initialise with thermoai_hardware_init()).
 *
 * Every double is finite and >= 0; 0 means "not available" (a peak the device does
 * not have, a power nobody publishes). Units are in the field names.
 * \since 0.1.0
 */
typedef struct thermoai_hardware {
    uint32_t struct_size;        /**< sizeof(thermoai_hardware); set by thermoai_hardware_init() */
    uint32_t accumulate_bits;    /**< accumulator width of the BF16/FP16/FP8 peaks: 32 (default) or
                                      16 (GeForce parts run FP32-accumulate tensor math at half rate) */
    uint32_t idle_origin;        /**< THERMOAI_HARDWARE_ORIGIN_* of \c idle_power_w */
    uint32_t flop_energy_origin; /**< THERMOAI_HARDWARE_ORIGIN_* of the \c j_per_flop_* fields, except
                                      those whose bit (1 << precision) is set in \c flop_energy_measured */
    uint32_t flop_energy_measured; /**< bit (1 << precision) set: that \c j_per_flop_* was measured */
    uint32_t byte_energy_origin; /**< THERMOAI_HARDWARE_ORIGIN_* of \c j_per_byte */
    uint32_t efficiency_origin;  /**< THERMOAI_HARDWARE_ORIGIN_* of the two efficiencies */
    uint32_t reserved;           /**< must be 0 */
    /* dense peaks */
    double peak_fp64_flop_per_s; /**< dense FP64 vector peak, FLOP/s */
    double peak_fp32_flop_per_s; /**< dense FP32 vector peak, FLOP/s */
    double peak_tf32_flop_per_s; /**< dense TF32 tensor peak, FLOP/s */
    double peak_bf16_flop_per_s; /**< dense BF16/FP16 tensor peak, FLOP/s */
    double peak_fp8_flop_per_s;  /**< dense FP8 tensor peak, FLOP/s */
    double peak_int8_op_per_s;   /**< dense INT8 tensor peak, operations/s */
    double peak_fp4_flop_per_s;  /**< dense FP4 tensor peak, FLOP/s */
    double peak_int4_op_per_s;   /**< dense INT4 tensor peak, operations/s */
    /* 2:4 structured-sparse peaks, separate from the dense ones */
    double sparse_bf16_flop_per_s; /**< 2:4-sparse BF16/FP16 peak, FLOP/s */
    double sparse_fp8_flop_per_s;  /**< 2:4-sparse FP8 peak, FLOP/s */
    double sparse_int8_op_per_s;   /**< 2:4-sparse INT8 peak, operations/s */
    double sparse_fp4_flop_per_s;  /**< 2:4-sparse FP4 peak, FLOP/s */
    /* memory */
    double memory_usable_bytes;    /**< memory a program can allocate, bytes (decimal GB x 1e9) */
    double memory_physical_bytes;  /**< memory installed, bytes (B200: 192e9 vs 180e9 usable) */
    double memory_bw_bytes_per_s;  /**< off-chip memory bandwidth, bytes/s (decimal), > 0 */
    /* power */
    double board_power_w;          /**< board power limit (TDP/TGP/TBP), W; 0 if unpublished */
    double idle_power_w;           /**< board power with nothing running, W */
    /* energy above idle */
    double j_per_flop_fp64;        /**< energy per FP64 FLOP above idle, J */
    double j_per_flop_fp32;        /**< energy per FP32 FLOP above idle, J */
    double j_per_flop_tf32;        /**< energy per TF32 FLOP above idle, J */
    double j_per_flop_bf16;        /**< energy per BF16/FP16 FLOP above idle, J */
    double j_per_flop_fp8;         /**< energy per FP8 FLOP above idle, J */
    double j_per_op_int8;          /**< energy per INT8 operation above idle, J */
    double j_per_flop_fp4;         /**< energy per FP4 FLOP above idle, J */
    double j_per_op_int4;          /**< energy per INT4 operation above idle, J */
    double j_per_byte;             /**< energy per byte of off-chip memory traffic above idle, J */
    /* interconnect */
    double interconnect_bw_bytes_per_s; /**< device-to-device bandwidth (NVLink, ICI, ...), bytes/s,
                                             bidirectional total as vendors print it */
    double j_per_interconnect_byte;     /**< energy per byte sent over the interconnect, J; 0 if unknown */
    /* achievable fractions */
    double compute_efficiency;     /**< achieved / peak throughput of large GEMMs, in (0, 1]; default 1 */
    double bandwidth_efficiency;   /**< achieved / peak bandwidth of a large copy, in (0, 1]; default 1 */
} thermoai_hardware;

/**
 * \brief Fills \p hw with zeros, \c struct_size = \p size, 32-bit accumulation and both
 *        efficiencies 1 with origin #THERMOAI_HARDWARE_ORIGIN_UNSET (a placeholder that
 *        thermoai_hardware_derive_energy() replaces; set the origin when you set them).
 * \param[out] hw    The struct to initialise.
 * \param[in]  size  sizeof(*hw) as the caller compiled it; at least 272.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p hw is NULL
 * \retval THERMOAI_E_SIZE  \p size is smaller than 272 or larger than 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_init(thermoai_hardware *hw, size_t size);

/**
 * \brief sizeof(thermoai_hardware) in this library, for FFI callers.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_hardware_size(void);

/**
 * \brief Checks a profile against the documented domain.
 * \param[in] hw  The profile.
 * \retval THERMOAI_OK            the profile is usable
 * \retval THERMOAI_E_NULL        \p hw is NULL
 * \retval THERMOAI_E_SIZE        \c struct_size is smaller than 272
 * \retval THERMOAI_E_UNSUPPORTED \c reserved non-zero, an unknown origin, an unknown bit in
 *                                \c flop_energy_measured, or non-zero bytes beyond this
 *                                library's struct
 * \retval THERMOAI_E_NONFINITE   a double field is NaN or infinite
 * \retval THERMOAI_E_INVALID     a negative field, \c memory_bw_bytes_per_s 0, no dense
 *                                peak at all, an efficiency outside (0, 1], idle power
 *                                above a non-zero board power, or \c accumulate_bits not
 *                                16 or 32
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_check(const thermoai_hardware *hw);

/**
 * \brief The peak throughput of one precision, dense or 2:4-sparse.
 * \param[in]  hw         The profile.
 * \param[in]  precision  THERMOAI_HARDWARE_FP64 .. THERMOAI_HARDWARE_INT4.
 * \param[in]  sparse     0 for the dense peak, 1 for the 2:4-sparse peak (BF16, FP8, INT8, FP4).
 * \param[out] flop_per_s The peak. Unit: FLOP/s (operations/s for integers). NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_INVALID     \p precision or \p sparse out of range, or as thermoai_hardware_check()
 * \retval THERMOAI_E_UNSUPPORTED the device has no such peak (the field is 0)
 * \retval other                  as thermoai_hardware_check()
 * \par Source
 *   Vendor datasheets (see each preset); dense and sparse kept apart as in doc/cost-model.md.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_peak_flop_per_s(const thermoai_hardware *hw, uint32_t precision,
                                      uint32_t sparse, double *flop_per_s);

/**
 * \brief Energy per FLOP (or integer operation) above idle of one precision.
 * \param[in]  hw          The profile.
 * \param[in]  precision   THERMOAI_HARDWARE_FP64 .. THERMOAI_HARDWARE_INT4.
 * \param[out] j_per_flop  The value \f$e_{FLOP,p}\f$. Unit: J/FLOP. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_INVALID     \p precision out of range, or as thermoai_hardware_check()
 * \retval THERMOAI_E_UNSUPPORTED the profile has no energy for that precision (0)
 * \retval other                  as thermoai_hardware_check()
 * \par Source
 *   The additive energy model, doc/cost-model.md Eq. (E1).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_j_per_flop(const thermoai_hardware *hw, uint32_t precision,
                                 double *j_per_flop);

/**
 * \brief Ridge point of the roofline: \f$I^* = F_{peak,p} / B_{mem}\f$.
 *
 * Below this arithmetic intensity (FLOPs per byte of memory traffic) a kernel is
 * memory-bound at peak rates; with the achievable fractions the ridge moves to
 * \f$\eta_c F_{peak} / (\eta_{bw} B_{mem})\f$ (\p achieved = 1).
 * \param[in]  hw                 The profile.
 * \param[in]  precision          THERMOAI_HARDWARE_FP64 .. THERMOAI_HARDWARE_INT4.
 * \param[in]  achieved           0: datasheet peaks; 1: peaks times the achievable fractions.
 * \param[out] flop_per_byte      The value \f$I^*\f$. Unit: FLOP/byte. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_INVALID     \p precision or \p achieved out of range, or as thermoai_hardware_check()
 * \retval THERMOAI_E_UNSUPPORTED the device has no dense peak in that precision
 * \par Source
 *   Williams, Waterman and Patterson 2009, "Roofline" (CACM 52(4)).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_ridge_flop_per_byte(const thermoai_hardware *hw, uint32_t precision,
                                          uint32_t achieved, double *flop_per_byte);

/**
 * \brief Fills the missing energy parameters of a profile from its datasheet figures.
 *
 * Scales the measured H100 SXM profile (h100-sxm-measured, fitted by
 * thermoai_calibrate_energy() to data/h100_microbench.json) to this device. From
 * the measurement: idle power is a fraction \f$r_{idle}\f$ of the board power, a
 * large GEMM runs at \f$r_c\f$ of it and a large copy at \f$r_m\f$, with achieved
 * fractions \f$\eta_c, \eta_{bw}\f$. For a device of board power \f$P_{max}\f$:
 * \f[
 *   P_{idle} = r_{idle} P_{max},\quad
 *   e_{byte} = \frac{r_m P_{max} - P_{idle}}{\eta_{bw} B_{mem}},\quad
 *   e_{FLOP,p} = \frac{r_c P_{max} - P_{idle}}{\eta_c F_{peak,p}}
 * \f]
 * Only missing values are filled: a zero idle power or energy, and the efficiencies
 * while their origin is #THERMOAI_HARDWARE_ORIGIN_UNSET. Idle and efficiencies get
 * origin #THERMOAI_HARDWARE_ORIGIN_ASSUMED (they are the H100's), the energies
 * #THERMOAI_HARDWARE_ORIGIN_DATASHEET. A profile that already has all of them is
 * left as it is. The derived values are first-order estimates: they assume that, as
 * on the measured H100, idle is 9.9 % of the board power, the arithmetic of a large
 * GEMM draws 94 % of it and a large copy 76 %; doc/cost-model.md lists where that is
 * known to be wrong.
 * \param[in,out] hw  The profile; \c board_power_w must be > 0.
 * \retval THERMOAI_OK          success
 * \retval THERMOAI_E_NULL      \p hw is NULL
 * \retval THERMOAI_E_INVALID   \c board_power_w is 0 (nothing to scale), or as thermoai_hardware_check()
 * \retval THERMOAI_E_DOMAIN    the board power is too low for the scaled idle power
 *                              (a derived energy would be <= 0)
 * \retval other                as thermoai_hardware_check()
 * \par Source
 *   doc/cost-model.md, "Profiles without measurements".
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_hardware_derive_energy(thermoai_hardware *hw);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_HARDWARE_H */
