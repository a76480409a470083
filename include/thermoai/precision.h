/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/precision.h
 * \brief Numerical precision: the optimal bit width, per-layer bit allocation, energy per bit width.
 *
 * Paper 002 models the accuracy cost of \f$b\f$-bit quantisation as
 * \f$\Delta\mathcal{E}(b) = c_{sens} 2^{-2b}\f$ (Theorem 4.5, from the noise
 * \f$\sigma_q^2 = \Delta^2/12\f$ of a step \f$\Delta = 2^{-b}\f$ with the 1/12 absorbed in
 * \f$c_{sens}\f$) and the energy per operation as a power of \f$b\f$:
 * \f$e_{flop}(b) \propto b^{1.5}\f$ for digital and \f$\propto b^2\f$ for analog circuits,
 * \f$e_{mem}(b) \propto b\f$ (Theorem 4.5, the laws behind Table 5). Since the
 * energy grows with \f$b\f$, the energy-optimal width is the smallest that meets
 * the tolerance (Proposition 3.21).
 *
 * For layers of sensitivity \f$s_i\f$ and error \f$\epsilon_i = s_i 2^{-k b_i}\f$, the
 * allocation minimising \f$\sum_i \epsilon_i\f$ under \f$\sum_i b_i = B\f$ is
 * \f$b_i = \bar b + \frac{1}{k}\log_2(s_i/\bar s)\f$ with \f$\bar s\f$ the geometric mean
 * (Theorem 3.22). The theorem states \f$k = 2\f$ (the variance model of Theorem 4.5)
 * but its proof uses \f$\epsilon_i \propto s_i 2^{-b_i}\f$, which gives \f$k = 1\f$;
 * both are available through \p error_exponent. Bounds
 * \f$b_{min} \le b_i \le b_{max}\f$ turn the formula into water-filling (some layers
 * sit at a bound, the others share the rest), and an integer allocation that
 * keeps \f$\sum b_i = B\f$ exactly is the continuous one rounded down, with the
 * leftover bits given one each to the layers where a bit removes the most error
 * (for layers off their bounds: those of largest fractional part). For this
 * error model that is an exact integer optimum (doc/allocation.md has the
 * proof; tests/bounds/test_precision.c checks it against exhaustive search).
 */
#ifndef THERMOAI_PRECISION_H
#define THERMOAI_PRECISION_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/precision.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Exponent of \f$e_{flop}(b)\f$ for digital circuits, Theorem 4.5. \since 0.1.0 */
#define THERMOAI_PRECISION_DIGITAL_EXPONENT 1.5
/** Exponent of \f$e_{flop}(b)\f$ for analog circuits, Theorem 4.5. \since 0.1.0 */
#define THERMOAI_PRECISION_ANALOG_EXPONENT 2.0
/** Exponent of \f$e_{mem}(b)\f$ (bandwidth-limited memory), Theorem 4.5. \since 0.1.0 */
#define THERMOAI_PRECISION_MEMORY_EXPONENT 1.0
/** The most layers the allocation functions accept (\f$2^{32}\f$). \since 0.1.0 */
#define THERMOAI_PRECISION_MAX_LAYERS 4294967296.0

/**
 * \brief Accuracy degradation of \f$b\f$-bit quantisation: \f$\Delta\mathcal{E} = c_{sens} 2^{-2b}\f$.
 * \param[in]  sensitivity   Sensitivity \f$c_{sens}\f$, in the unit of the error. [dimensionless]. Finite, >= 0.
 * \param[in]  bits          Bit width \f$b\f$. Unit: bit. Finite, >= 0.
 * \param[out] degradation   Degradation \f$\Delta\mathcal{E}\f$, the unit of \p sensitivity. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p degradation is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result is subnormal
 * \par Source
 *   Paper 002, Theorem 4.5 item 3.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_precision_degradation(double sensitivity, double bits, double *degradation);

/**
 * \brief Energy-optimal bit width for a tolerance, Eq. (18) / Proposition 3.21.
 *
 * \f$b^* = \frac{1}{2}\log_2(c_{sens}/\Delta\mathcal{E}_{tol})\f$, the width at which the
 * degradation equals the tolerance, and \f$\lceil b^* \rceil\f$ (at least 0), the smallest
 * whole number of bits that meets it. \f$b^* \le 0\f$ means any width meets it.
 *
 * \param[in]  sensitivity  Sensitivity \f$c_{sens}\f$. [dimensionless]. Finite, > 0.
 * \param[in]  tolerance    Tolerance \f$\Delta\mathcal{E}_{tol}\f$, same unit. [dimensionless]. Finite, > 0.
 * \param[out] bits         Bit width \f$b^*\f$. Unit: bit. NaN on error.
 * \param[out] whole_bits   Whole bits \f$\max(0, \lceil b^* \rceil)\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       an output is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input <= 0
 * \par Source
 *   Paper 002, Proposition 3.21 and Theorem 4.5, Eq. (18).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_precision_optimal_bits(double sensitivity, double tolerance, double *bits,
                                    double *whole_bits);

/**
 * \brief Energy at bit width \f$b\f$ from a reference: \f$e(b) = e_{ref} (b/b_{ref})^x\f$.
 *
 * The laws of Theorem 4.5 and Table 5: \f$x\f$ = #THERMOAI_PRECISION_DIGITAL_EXPONENT
 * (1.5) or #THERMOAI_PRECISION_ANALOG_EXPONENT (2) for \f$e_{flop}\f$,
 * #THERMOAI_PRECISION_MEMORY_EXPONENT (1) for \f$e_{mem}\f$ per word. Any \f$x \ge 0\f$.
 *
 * \param[in]  ref_energy_j  Reference energy \f$e_{ref}\f$ at \f$b_{ref}\f$. Unit: J. Finite, >= 0.
 * \param[in]  ref_bits      Reference width \f$b_{ref}\f$. Unit: bit. Finite, > 0.
 * \param[in]  bits          Bit width \f$b\f$. Unit: bit. Finite, >= 0.
 * \param[in]  exponent      Exponent \f$x\f$. [dimensionless]. Finite, >= 0.
 * \param[out] energy_j      Energy \f$e(b)\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 002, Theorem 4.5 items 1-2; Table 5.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_precision_energy_j(double ref_energy_j, double ref_bits, double bits, double exponent,
                                double *energy_j);

/**
 * \brief Total quantisation error of a per-layer allocation: \f$\sum_i s_i 2^{-k b_i}\f$.
 * \param[in]  sensitivity     Sensitivities \f$s_i\f$, \p layers values, each finite and > 0. [dimensionless].
 * \param[in]  bits            Widths \f$b_i\f$, \p layers values, each finite and >= 0. Unit: bit.
 * \param[in]  layers          Layers \f$L\f$, 1 .. #THERMOAI_PRECISION_MAX_LAYERS.
 * \param[in]  error_exponent  Error exponent \f$k\f$: 2 (Theorem 3.22 as stated) or 1 (its proof). [dimensionless]. Finite, > 0.
 * \param[out] error           Total error \f$\sum_i s_i 2^{-k b_i}\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_SIZE       \p layers is 0 or too large
 * \retval THERMOAI_E_NONFINITE  a value is NaN or infinite
 * \retval THERMOAI_E_INVALID    a value outside its domain
 * \retval THERMOAI_E_RANGE      the sum overflows
 * \par Source
 *   Paper 002, Theorem 3.22 (its proof's objective).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_precision_layer_error(const double *sensitivity, const double *bits, size_t layers,
                                   double error_exponent, double *error);

/**
 * \brief Optimal real-valued per-layer bit widths under a total budget (Theorem 3.22).
 *
 * Minimises \f$\sum_i s_i 2^{-k b_i}\f$ subject to \f$\sum_i b_i = B\f$ and
 * \f$b_{min} \le b_i \le b_{max}\f$: \f$b_i = \mathrm{clamp}(\nu + \frac{1}{k}\log_2 s_i)\f$ with
 * the level \f$\nu\f$ that spends \f$B\f$ (water-filling; exact, no iteration
 * tolerance). Without active bounds this is the theorem's
 * \f$b_i = \bar b + \frac{1}{k}\log_2(s_i/\bar s)\f$. Allocation-free; O(L log(1/eps)).
 *
 * \param[in]  sensitivity     Sensitivities \f$s_i\f$, \p layers values, each finite and > 0. [dimensionless].
 * \param[in]  layers          Layers \f$L\f$, 1 .. #THERMOAI_PRECISION_MAX_LAYERS.
 * \param[in]  total_bits      Budget \f$B\f$. Unit: bit. Finite, \f$L b_{min} \le B \le L b_{max}\f$.
 * \param[in]  error_exponent  Error exponent \f$k\f$. [dimensionless]. Finite, > 0.
 * \param[in]  min_bits        Lower bound \f$b_{min}\f$. Unit: bit. Finite, >= 0.
 * \param[in]  max_bits        Upper bound \f$b_{max}\f$. Unit: bit. Finite, >= \p min_bits.
 * \param[out] bits            Widths \f$b_i\f$, \p layers values. Unit: bit. All NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_SIZE       \p layers is 0 or too large
 * \retval THERMOAI_E_NONFINITE  a value is NaN or infinite
 * \retval THERMOAI_E_INVALID    a value outside its domain
 * \retval THERMOAI_E_DOMAIN     \p total_bits outside \f$[L b_{min}, L b_{max}]\f$: no allocation
 *                               fits the budget
 * \par Source
 *   Paper 002, Theorem 3.22.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_precision_layer_bits(const double *sensitivity, size_t layers, double total_bits,
                                  double error_exponent, double min_bits, double max_bits,
                                  double *bits);

/**
 * \brief Optimal whole-bit per-layer widths that spend the total budget exactly.
 *
 * The real-valued optimum of thermoai_precision_layer_bits(), each width rounded
 * down, and the \f$B - \sum_i \lfloor b_i \rfloor\f$ leftover bits given one each to the
 * layers where one more bit removes the most error, \f$s_i 2^{-k b_i}\f$ largest (for
 * layers off their bounds these are the largest fractional parts; ties to the
 * lower index). For the error
 * \f$s_i 2^{-k b_i}\f$ this is an exact optimum over whole-bit allocations with the
 * same bounds and total. Allocation-free (the caller's output array is the only
 * storage).
 *
 * \param[in]  sensitivity     Sensitivities \f$s_i\f$, \p layers values, each finite and > 0. [dimensionless].
 * \param[in]  layers          Layers \f$L\f$, 1 .. #THERMOAI_PRECISION_MAX_LAYERS.
 * \param[in]  total_bits      Budget \f$B\f$, whole bits, \f$L b_{min} \le B \le L b_{max}\f$.
 * \param[in]  error_exponent  Error exponent \f$k\f$. [dimensionless]. Finite, > 0.
 * \param[in]  min_bits        Lower bound \f$b_{min}\f$, whole bits.
 * \param[in]  max_bits        Upper bound \f$b_{max}\f$, whole bits, >= \p min_bits, at most 2^20.
 * \param[out] bits            Widths \f$b_i\f$, \p layers whole numbers of bits; all 0 on error.
 * \param[out] error           Total error \f$\sum_i s_i 2^{-k b_i}\f$ of the result; may be NULL. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p sensitivity or \p bits is NULL
 * \retval THERMOAI_E_SIZE       \p layers is 0 or too large
 * \retval THERMOAI_E_NONFINITE  a sensitivity or the exponent is NaN or infinite
 * \retval THERMOAI_E_INVALID    a value outside its domain
 * \retval THERMOAI_E_DOMAIN     \p total_bits outside \f$[L b_{min}, L b_{max}]\f$
 * \par Source
 *   Paper 002, Theorem 3.22 (with integer rounding; doc/allocation.md).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_precision_layer_bits_whole(const double *sensitivity, size_t layers, uint64_t total_bits,
                                        double error_exponent, uint32_t min_bits, uint32_t max_bits,
                                        uint32_t *bits, double *error);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_PRECISION_H */
