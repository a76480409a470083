/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/flux.h
 * \brief Negentropy flux during training: the three-phase model and its integral.
 *
 * Paper 001 (Sec. 3.2) models the rate at which training extracts negentropy as
 * \f[
 *   \Phi_{\mathcal{N}}(t) \approx \Phi_0 \cdot
 *   \begin{cases}
 *     (t/\tau_1)^{\alpha} & t < \tau_1 \quad \text{(warm-up)} \\
 *     e^{-t/\tau_2} & \tau_1 \le t \le \tau_3 \quad \text{(exponential decay)} \\
 *     (t/\tau_4)^{-\beta} & t > \tau_3 \quad \text{(power-law tail)}
 *   \end{cases}
 * \f]
 * and the total negentropy as \f$\mathcal{N}_{total} = \int_0^{t_f} \Phi\,dt\f$
 * (Eq. 19). As printed, the three pieces do not meet: at \f$\tau_1\f$ the
 * warm-up reaches \f$\Phi_0\f$ while the decay starts at
 * \f$\Phi_0 e^{-\tau_1/\tau_2}\f$, and \f$\tau_4\f$ is a free parameter. With
 * #THERMOAI_FLUX_CONTINUOUS the decay is measured from \f$\tau_1\f$,
 * \f$e^{-(t-\tau_1)/\tau_2}\f$, and \f$\tau_4 = \tau_3\,e^{-(\tau_3-\tau_1)/(\beta\tau_2)}\f$
 * is derived so that the flux is continuous everywhere. The library never forms
 * \f$\tau_4\f$ itself (it underflows for ordinary parameters: \f$e^{-5878}\f$ for
 * \f$\tau_3 - \tau_1 = 5878\,\beta\tau_2\f$); it evaluates the tail as
 * \f$\Phi_0 e^{-(\tau_3-\tau_1)/\tau_2} (t/\tau_3)^{-\beta}\f$, the same function.
 *
 * The rate jumps at \f$\tau_1\f$ as printed and has kinks at \f$\tau_1\f$ and
 * \f$\tau_3\f$: a numerical integral of it should pass them as breakpoints
 * (thermoai_flux_phase_bounds_s(), thermoai_quadrature_integrate_points()).
 */
#ifndef THERMOAI_FLUX_H
#define THERMOAI_FLUX_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/flux.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Continuous variant: decay measured from tau1, tau4 derived from continuity at tau3. \since 0.1.0 */
#define THERMOAI_FLUX_CONTINUOUS 0x1u

/**
 * \brief Parameters of the three-phase flux (size-field struct).
 * \since 0.1.0
 */
typedef struct thermoai_flux_phases {
    uint32_t struct_size;   /**< sizeof(thermoai_flux_phases); set by thermoai_flux_phases_init() */
    uint32_t flags;         /**< 0 (as printed) or #THERMOAI_FLUX_CONTINUOUS */
    double phi0_bits_per_s; /**< \f$\Phi_0\f$, bit/s, > 0 */
    double tau1_s;          /**< end of warm-up \f$\tau_1\f$, s, > 0 */
    double tau2_s;          /**< decay time \f$\tau_2\f$, s, > 0 */
    double tau3_s;          /**< start of the tail \f$\tau_3\f$, s, >= tau1 */
    double tau4_s;          /**< tail scale \f$\tau_4\f$, s, > 0 (ignored with #THERMOAI_FLUX_CONTINUOUS) */
    double alpha;           /**< warm-up exponent \f$\alpha\f$, >= 0; default 1.5 (paper: 1-2) */
    double beta;            /**< tail exponent \f$\beta\f$, > 0; default 0.75 (paper: 0.5-1) */
} thermoai_flux_phases;

/**
 * \brief Fills \p phases with zeros, \c struct_size, \f$\alpha = 1.5\f$, \f$\beta = 0.75\f$.
 * \param[out] phases  The struct.
 * \param[in]  size    sizeof(*phases) as compiled by the caller; at least 64.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p phases is NULL
 * \retval THERMOAI_E_SIZE  \p size is below 64 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_flux_phases_init(thermoai_flux_phases *phases, size_t size);

/**
 * \brief sizeof(thermoai_flux_phases) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_flux_phases_size(void);

/**
 * \brief The flux at time \p t_s, Eq. (18).
 * \param[in]  phases           The parameters.
 * \param[in]  t_s              Time since the start of training. Unit: s. Finite, >= 0.
 * \param[out] flux_bits_per_s  The value \f$\Phi_{\mathcal{N}}(t)\f$. Unit: bit/s. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_SIZE       \c struct_size is below 64
 * \retval THERMOAI_E_UNSUPPORTED unknown flags, or non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_NONFINITE  a parameter or \p t_s is NaN or infinite
 * \retval THERMOAI_E_INVALID    a parameter outside its domain, \f$\tau_3 < \tau_1\f$, or \p t_s < 0
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Accuracy
 *   Within 4 + 2 alpha ulp in the warm-up, 4 + 2 |t - s| / tau2 ulp in the decay (the rounding
 *   of the exponential's argument, times its size), 4 + 2 beta (+ 2 (tau3 - tau1)/tau2 when
 *   continuous) ulp in the tail; no power or exponential under- or overflows before the product
 *   with phi0.
 * \par Source
 *   Paper 001, Proposition 3.3, Eq. (18).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_flux_rate_bits_per_s(const thermoai_flux_phases *phases, double t_s,
                                  double *flux_bits_per_s);

/**
 * \brief The phase boundaries \f$\tau_1\f$ and \f$\tau_3\f$: where the flux is not smooth.
 *
 * The rate jumps at \f$\tau_1\f$ as printed (and has kinks at both boundaries
 * in the continuous variant), so a numerical integral of it needs these as
 * breakpoints: pass both to thermoai_quadrature_integrate_points().
 *
 * \param[in]  phases        The parameters (checked as by thermoai_flux_rate_bits_per_s()).
 * \param[out] warmup_end_s  The value \f$\tau_1\f$. Unit: s. NaN on error.
 * \param[out] tail_start_s  The value \f$\tau_3\f$. Unit: s. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_flux_rate_bits_per_s()
 * \par Source
 *   Paper 001, Proposition 3.3, Eq. (18).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_flux_phase_bounds_s(const thermoai_flux_phases *phases, double *warmup_end_s,
                                 double *tail_start_s);

/**
 * \brief Total negentropy \f$\int_0^{t_f} \Phi\,dt\f$ in closed form, Eq. (19).
 *
 * Phase by phase: \f$\Phi_0 \tau_1 (t/\tau_1)^{\alpha+1}/(\alpha+1)\f$;
 * \f$\Phi_0 \tau_2 (e^{-a/\tau_2} - e^{-b/\tau_2})\f$ (shifted by \f$\tau_1\f$ in
 * the continuous variant); \f$\Phi_0 \tau_4^{\beta} (b^{1-\beta} - a^{1-\beta})/(1-\beta)\f$,
 * or \f$\Phi_0 \tau_4 \ln(b/a)\f$ when \f$\beta = 1\f$, with expm1 and log1p
 * where a phase starts (\f$\ln(b/a)\f$ is \f$\mathrm{log1p}((b-a)/a)\f$ just
 * past \f$\tau_3\f$) and every intermediate in extended range. The integral of the power-law tail grows without
 * limit as \f$t_f \to \infty\f$ when \f$\beta \le 1\f$, as the paper's exponents allow.
 *
 * \param[in]  phases      The parameters.
 * \param[in]  t_final_s   The value \f$t_f\f$. Unit: s. Finite, >= 0.
 * \param[out] total_bits  The value \f$\mathcal{N}_{total}\f$. Unit: bit. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_flux_rate_bits_per_s()
 * \par Accuracy
 *   Each phase within a few ulp plus the condition numbers of its exponentials and powers (see
 *   doc/accuracy.md), weighted by its share of the total; 37 ulp seen over random parameters.
 *   Every intermediate is in extended range: only the total is judged.
 * \par Source
 *   Paper 001, Eq. (19).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_flux_total_bits(const thermoai_flux_phases *phases, double t_final_s,
                             double *total_bits);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_FLUX_H */
