/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/calibrate.h
 * \brief Fitting a hardware profile's energy parameters to measurements (non-negative least squares).
 *
 * A measurement is a run of known work: FLOPs of one precision, bytes of off-chip
 * memory traffic, its duration and the energy the board drew (an NVML energy
 * counter, for example). The additive model of hardware.h,
 * \f$E_i = P_{idle} t_i + e_{byte} B_i + e_{FLOP,p_i} F_i\f$, is linear in its
 * parameters, so they follow from the runs by least squares, constrained to be
 * non-negative (an energy below zero is not physical). The library reads no files:
 * the caller passes the points (the shipped H100 measurement is compiled in, see
 * hardware_preset.h).
 */
#ifndef THERMOAI_CALIBRATE_H
#define THERMOAI_CALIBRATE_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/calibrate.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/hardware.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Most unknowns thermoai_calibrate_nnls() solves for. \since 0.1.0 */
#define THERMOAI_CALIBRATE_MAX_COLS 16u

/** Minimise relative residuals (each point weighted by 1 / its energy) instead of absolute ones. \since 0.1.0 */
#define THERMOAI_CALIBRATE_RELATIVE 0x1u

/**
 * \brief One measured run (plain struct, used in arrays).
 * \since 0.1.0
 */
typedef struct thermoai_calibrate_point {
    uint32_t precision; /**< THERMOAI_HARDWARE_* of \c flop (ignored when \c flop is 0) */
    uint32_t reserved;  /**< must be 0 */
    double flop;        /**< FLOPs (or integer operations) executed, >= 0 */
    double bytes;       /**< off-chip memory bytes moved, reads plus writes, >= 0 */
    double seconds;     /**< duration of the run, s, > 0 */
    double joules;      /**< energy drawn over the run, J, >= 0 */
} thermoai_calibrate_point;

/**
 * \brief Diagnostics of thermoai_calibrate_energy() (output size-field struct).
 * On error every double field that fits is NaN.
 * \since 0.1.0
 */
typedef struct thermoai_calibrate_fit {
    uint32_t struct_size;        /**< set by the caller to sizeof(thermoai_calibrate_fit) */
    uint32_t unknowns;           /**< parameters fitted: idle, per byte, one per precision present */
    uint32_t points;             /**< points used */
    uint32_t at_zero;            /**< fitted parameters held at 0 by the non-negativity constraint */
    double rms_residual_j;       /**< root-mean-square of measured minus modelled energy, J */
    double max_abs_residual_j;   /**< largest |measured - modelled|, J */
    double max_rel_residual;     /**< largest |measured - modelled| / measured [dimensionless] */
    double achieved_bw_bytes_per_s;   /**< least-squares bandwidth of the memory-bound points, bytes/s; 0 if none */
    double achieved_flop_per_s;       /**< least-squares BF16 rate of the compute-bound points, FLOP/s; 0 if none */
} thermoai_calibrate_fit;

/**
 * \brief Prepares an output struct for thermoai_calibrate_energy(): zero bytes, \c struct_size = \p size.
 * \param[out] fit   The struct.
 * \param[in]  size  sizeof(*fit) as compiled by the caller; at least 56.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p fit is NULL
 * \retval THERMOAI_E_SIZE  \p size below 56 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_calibrate_fit_init(thermoai_calibrate_fit *fit, size_t size);

/**
 * \brief sizeof(thermoai_calibrate_fit) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_calibrate_fit_size(void);

/**
 * \brief Non-negative least squares: \f$\min_x \|A x - b\|_2\f$ subject to \f$x \ge 0\f$.
 *
 * Lawson and Hanson's active-set algorithm on the column-scaled normal equations
 * (each column divided by its norm, so that seconds, bytes and FLOPs of very
 * different magnitudes can share one matrix). Pure: no allocation, at most
 * #THERMOAI_CALIBRATE_MAX_COLS unknowns.
 * \param[in]  a          \p rows x \p cols matrix, row-major; finite. Unit: any.
 * \param[in]  rows       Number of equations, >= 1.
 * \param[in]  cols       Number of unknowns, 1 .. THERMOAI_CALIBRATE_MAX_COLS.
 * \param[in]  b          Right-hand side, \p rows values; finite. Unit: any, as \p a x.
 * \param[out] x          The solution, \p cols values, each >= 0; NaN on error. Unit: any.
 * \param[out] residuals  The value \f$b - A x\f$, \p rows values; may be NULL; NaN on error. Unit: as \p b.
 * \retval THERMOAI_OK              success
 * \retval THERMOAI_E_NULL          \p a, \p b or \p x is NULL
 * \retval THERMOAI_E_INVALID       \p rows is 0, \p cols is 0 or above the maximum
 * \retval THERMOAI_E_NONFINITE     an entry of \p a or \p b is NaN or infinite
 * \retval THERMOAI_E_DOMAIN        a column of \p a is all zero (its unknown is undetermined)
 * \retval THERMOAI_E_NO_CONVERGENCE the active set did not settle within 3 \p cols iterations
 * \par Source
 *   Lawson and Hanson 1974, "Solving Least Squares Problems", Ch. 23, algorithm NNLS.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_calibrate_nnls(const double *a, size_t rows, size_t cols, const double *b,
                            double *x, double *residuals);

/**
 * \brief Fits idle power, energy per byte and energy per FLOP of each precision present
 *        to measured runs, and the achieved fractions of peak.
 *
 * The unknowns are \f$P_{idle}\f$, \f$e_{byte}\f$ and one \f$e_{FLOP,p}\f$ for each
 * precision \f$p\f$ with FLOPs in some point, fitted by thermoai_calibrate_nnls() to
 * \f$E_i = P_{idle} t_i + e_{byte} B_i + e_{FLOP,p_i} F_i\f$. Each point is called
 * memory-bound when \f$B_i / B_{mem} > F_i / F_{peak,p_i}\f$ at the profile's datasheet
 * peaks, compute-bound otherwise; the achieved bandwidth is the least-squares rate
 * \f$\sum B_i^2 / \sum B_i t_i\f$ of the memory-bound points, the achieved BF16 rate
 * the same over the compute-bound BF16 points. The results are written into \p hw
 * (origin #THERMOAI_HARDWARE_ORIGIN_MEASURED; \c bandwidth_efficiency and
 * \c compute_efficiency only when such points exist); the other fields of \p hw,
 * its datasheet peaks and bandwidth, are inputs.
 * \param[in]     points       The runs, \p n of them.
 * \param[in]     n            Number of runs, at least the number of unknowns.
 * \param[in]     flags        0 (absolute residuals) or #THERMOAI_CALIBRATE_RELATIVE.
 * \param[in,out] hw           The profile to complete (see thermoai_hardware_check()).
 * \param[out]    residuals_j  Measured minus modelled energy per point, \p n values; may be
 *                             NULL; NaN on error. Unit: J.
 * \param[in,out] fit          Diagnostics (caller sets \c struct_size); may be NULL.
 * \retval THERMOAI_OK              success
 * \retval THERMOAI_E_NULL          \p points or \p hw is NULL
 * \retval THERMOAI_E_SIZE          a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED   unknown \p flags bits, a point's \c reserved non-zero
 * \retval THERMOAI_E_NONFINITE     a point has a NaN or infinite field
 * \retval THERMOAI_E_INVALID       fewer points than unknowns, a negative field, a point with
 *                                  \c seconds <= 0, a precision out of range or without a
 *                                  peak in \p hw, a fitted rate above the datasheet peak, or
 *                                  \p hw invalid
 * \retval THERMOAI_E_DOMAIN        an unknown no point determines (for example bytes in no point)
 * \retval other                    as thermoai_calibrate_nnls()
 * \par Source
 *   doc/cost-model.md, "Calibration"; Lawson and Hanson 1974.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_calibrate_energy(const thermoai_calibrate_point *points, size_t n, uint32_t flags,
                              thermoai_hardware *hw, double *residuals_j,
                              thermoai_calibrate_fit *fit);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_CALIBRATE_H */
