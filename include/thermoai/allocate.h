/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/allocate.h
 * \brief Energy-optimal allocation of parameters, tokens and data under an energy budget.
 *
 * Minimise the loss of a thermoai_loss_model,
 * \f$L = E_\infty + c_p p^{-\gamma_p} + c_s s^{-\gamma_s} + c_n n^{-\gamma_n}\f$,
 * subject to the energy model of paper 002 (Theorem 3.20, Eq. 5 with the
 * constants absorbed, plus the fixed overhead \f$E_0\f$ of Axiom 3.3)
 * \f[ E(p, s, n) = a_c\,p\,s + a_d\,n + a_m\,p + E_0 \le E_{max}. \f]
 * \f$a_c\f$ is the energy per parameter per training token, \f$6 e_{flop}\f$ for a
 * dense transformer (Theorem 4.3: \f$E = e_{flop} \cdot 6 n p\f$); \f$a_m\f$ is an
 * energy per parameter (storage, checkpoints, or the inference a deployment will
 * serve: \f$2 e_{flop} T_{life}\f$ for \f$T_{life}\f$ lifetime tokens); \f$a_d\f$ an
 * energy per data sample.
 *
 * \par The optimum
 * In logarithmic coordinates \f$x = \ln r\f$ the loss and the energy are both
 * convex, so the problem is convex, its Karush-Kuhn-Tucker point is the global
 * optimum, the budget is spent in full, and the marginal-efficiency condition
 * of Theorem 3.2 holds with one multiplier
 * \f$\mu = -\partial L^{*}/\partial E_{max} > 0\f$:
 * \f[ \frac{\gamma_n c_n n^{-\gamma_n-1}}{a_d} = \frac{\gamma_s c_s s^{-\gamma_s-1}}{a_c p}
 *     = \frac{\gamma_p c_p p^{-\gamma_p-1}}{a_c s + a_m} = \mu. \f]
 * (Theorem 3.20 states this with the paper's letters.) Every resource grows
 * with the budget. Without the data term and with \f$a_m = 0\f$ the optimum is
 * the closed form of Hoffmann et al. (their Eq. 4), which is what Theorem 4.3
 * should read:
 * \f[ p^* = G \Bigl(\frac{E_{max}-E_0}{a_c}\Bigr)^{\frac{\gamma_s}{\gamma_p+\gamma_s}},\quad
 *     s^* = G^{-1} \Bigl(\frac{E_{max}-E_0}{a_c}\Bigr)^{\frac{\gamma_p}{\gamma_p+\gamma_s}},\quad
 *     G = \Bigl(\frac{\gamma_p c_p}{\gamma_s c_s}\Bigr)^{\frac{1}{\gamma_p+\gamma_s}}. \f]
 * The tokens-per-parameter ratio \f$s^{*}/p^* = G^{-2} X^{(\gamma_p-\gamma_s)/(\gamma_p+\gamma_s)}\f$
 * depends on the budget unless the exponents are equal; paper 002's Eq. (15)
 * and the ratio its proof derives are both budget-free, and neither is this
 * (doc/allocation.md).
 *
 * \par Errors
 * On any error every double field of the result within the caller's
 * \c struct_size is NaN and \c iterations is 0. A budget at or below \f$E_0\f$
 * leaves nothing to allocate: #THERMOAI_E_DOMAIN. A present loss term whose
 * resource costs nothing (a data term with \f$a_d = 0\f$) has no optimum:
 * #THERMOAI_E_DOMAIN.
 */
#ifndef THERMOAI_ALLOCATE_H
#define THERMOAI_ALLOCATE_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/allocate.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/loss.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief The energy model \f$E = a_c p s + a_d n + a_m p + E_0\f$ (size-field struct).
 * \since 0.1.0
 */
typedef struct thermoai_allocate_energy_model {
    uint32_t struct_size;             /**< sizeof(thermoai_allocate_energy_model); set by _init() */
    uint32_t reserved;                /**< must be 0 */
    double compute_j_per_param_token; /**< \f$a_c\f$, J per parameter per token, > 0; default 6e-12 (6 FLOP at 1 pJ, paper 002 Remark 3.1) */
    double data_j_per_sample;         /**< \f$a_d\f$, J per data sample, >= 0; default 0 */
    double memory_j_per_param;        /**< \f$a_m\f$, J per parameter, >= 0; default 0 */
    double fixed_j;                   /**< \f$E_0\f$, J, >= 0; default 0 */
} thermoai_allocate_energy_model;

/**
 * \brief An optimal allocation and its certificate (size-field output struct).
 * \since 0.1.0
 */
typedef struct thermoai_allocate_result {
    uint32_t struct_size;         /**< set by the caller (thermoai_allocate_result_init()) */
    uint32_t iterations;          /**< outer solver iterations; 0 for a closed form */
    double params;                /**< \f$p^*\f$ (Chinchilla's \f$N\f$) */
    double tokens;                /**< \f$s^*\f$ (Chinchilla's \f$D\f$) */
    double data;                  /**< \f$n^*\f$; 0 without a data term */
    double loss_nats;             /**< \f$L(p^*, s^*, n^*)\f$, nat per token */
    double multiplier_nats_per_j; /**< \f$\mu = -dL^{*}/dE_{max}\f$, the Lagrange multiplier, nat per token per J */
    double energy_j;              /**< total energy of the allocation, J (the budget, or the iso-loss minimum) */
    double compute_energy_j;      /**< \f$a_c p s\f$, J */
    double data_energy_j;         /**< \f$a_d n\f$, J */
    double memory_energy_j;       /**< \f$a_m p\f$, J */
    double fixed_energy_j;        /**< \f$E_0\f$, J */
    double tokens_per_param;      /**< \f$s^{*}/p^*\f$ */
    double marginal_spread;       /**< \f$\max_i |r_i/\mu - 1|\f$ over the marginal efficiencies \f$r_i\f$ of Theorem 3.2, recomputed from the returned allocation */
    double params_elasticity;     /**< \f$d\ln p^{*}/d\ln(E_{max}-E_0)\f$ at this budget */
    double tokens_elasticity;     /**< \f$d\ln s^{*}/d\ln(E_{max}-E_0)\f$ */
    double data_elasticity;       /**< \f$d\ln n^{*}/d\ln(E_{max}-E_0)\f$; 0 without a data term */
} thermoai_allocate_result;

/**
 * \brief Defaults: \f$a_c = 6\cdot10^{-12}\f$ J, \f$a_d = a_m = E_0 = 0\f$ (Theorem 4.3 at 1 pJ/FLOP).
 * \param[out] model  The struct.
 * \param[in]  size   sizeof(*model) as compiled by the caller; at least 40.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p model is NULL
 * \retval THERMOAI_E_SIZE  \p size below 40 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_energy_model_init(thermoai_allocate_energy_model *model, size_t size);

/**
 * \brief sizeof(thermoai_allocate_energy_model) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_allocate_energy_model_size(void);

/**
 * \brief Prepares a result struct: zeros and \c struct_size.
 * \param[out] result  The struct.
 * \param[in]  size    sizeof(*result) as compiled by the caller; at least 128.
 * \retval THERMOAI_OK      success
 * \retval THERMOAI_E_NULL  \p result is NULL
 * \retval THERMOAI_E_SIZE  \p size below 128 or above 2^31
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_result_init(thermoai_allocate_result *result, size_t size);

/**
 * \brief sizeof(thermoai_allocate_result) in this library.
 * \return The size in bytes.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_allocate_result_size(void);

/**
 * \brief Energy of an allocation: \f$E = a_c p s + a_d n + a_m p + E_0\f$.
 * \param[in]  model     The energy model.
 * \param[in]  params    Parameters \f$p\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  tokens    Training tokens \f$s\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  data      Data samples \f$n\f$. [dimensionless]. Finite, >= 0.
 * \param[out] energy_j  Energy \f$E\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        \c struct_size below 40
 * \retval THERMOAI_E_UNSUPPORTED \c reserved non-zero, or non-zero bytes beyond this library's struct
 * \retval THERMOAI_E_NONFINITE   a field or input is NaN or infinite
 * \retval THERMOAI_E_INVALID     \f$a_c \le 0\f$, another coefficient or an input < 0
 * \retval THERMOAI_E_RANGE       the energy overflows
 * \par Source
 *   Paper 002, Theorem 3.20 (Eq. 5 with constants absorbed) and Axiom 3.3.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_energy_j(const thermoai_allocate_energy_model *model, double params,
                               double tokens, double data, double *energy_j);

/**
 * \brief The marginal efficiencies of Theorem 3.2 at any allocation.
 *
 * \f$r_p = \gamma_p c_p p^{-\gamma_p-1}/(a_c s + a_m)\f$,
 * \f$r_s = \gamma_s c_s s^{-\gamma_s-1}/(a_c p)\f$,
 * \f$r_n = \gamma_n c_n n^{-\gamma_n-1}/a_d\f$: the loss removed per joule spent on each
 * resource. They are equal (to the multiplier) exactly at the optimum.
 *
 * \param[in]  loss                The loss model.
 * \param[in]  energy              The energy model.
 * \param[in]  params              Parameters \f$p\f$. [dimensionless]. Finite, > 0.
 * \param[in]  tokens              Training tokens \f$s\f$. [dimensionless]. Finite, > 0.
 * \param[in]  data                Data samples \f$n\f$. [dimensionless]. Finite; > 0 with a data term, else ignored.
 * \param[out] params_nats_per_j   Efficiency of parameters \f$r_p\f$. Unit: nat per token per J. NaN on error.
 * \param[out] tokens_nats_per_j   Efficiency of tokens \f$r_s\f$. Unit: nat per token per J. NaN on error.
 * \param[out] data_nats_per_j     Efficiency of data \f$r_n\f$; 0 without a data term. Unit: nat per token per J. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED non-zero reserved or unknown fields
 * \retval THERMOAI_E_NONFINITE   a field or input is NaN or infinite
 * \retval THERMOAI_E_INVALID     a field outside its domain, or a resource <= 0
 * \retval THERMOAI_E_DOMAIN      a data term with \f$a_d = 0\f$ (its efficiency is infinite)
 * \retval THERMOAI_E_RANGE       a result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 3.2 and Theorem 3.20.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_marginal(const thermoai_loss_model *loss,
                               const thermoai_allocate_energy_model *energy, double params,
                               double tokens, double data, double *params_nats_per_j,
                               double *tokens_nats_per_j, double *data_nats_per_j);

/**
 * \brief The compute-optimal allocation for a FLOP budget, \f$C = 6 N D\f$ (Hoffmann et al. Eq. 4).
 *
 * \f$N^* = G (C/6)^{\beta/(\alpha+\beta)}\f$, \f$D^* = (C/6)/N^*\f$, in logarithms.
 * The data term, if any, is left out (it does not cost FLOPs in this model).
 *
 * \param[in]  loss       The loss model.
 * \param[in]  flop       Budget \f$C\f$. Unit: FLOP. Finite, > 0.
 * \param[out] params     Parameters \f$N^*\f$. [dimensionless]. NaN on error.
 * \param[out] tokens     Training tokens \f$D^*\f$. [dimensionless]. NaN on error.
 * \param[out] loss_nats  Loss \f$L(N^*, D^*)\f$ without the data term. Unit: nat per token. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        \c struct_size too small
 * \retval THERMOAI_E_UNSUPPORTED non-zero reserved or unknown fields
 * \retval THERMOAI_E_NONFINITE   a field or \p flop is NaN or infinite
 * \retval THERMOAI_E_INVALID     a model field outside its domain, or \p flop <= 0
 * \retval THERMOAI_E_RANGE       a result overflows or underflows
 * \par Source
 *   Hoffmann et al. 2022, Eq. (4); paper 002, Theorem 4.3 (corrected).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_compute_optimal(const thermoai_loss_model *loss, double flop, double *params,
                                      double *tokens, double *loss_nats);

/**
 * \brief Closed-form energy-optimal allocation (Theorem 4.3, corrected).
 *
 * For a model without the data term and an energy model with \f$a_m = 0\f$
 * (\f$a_d\f$ is then irrelevant), with \f$X = (E_{max} - E_0)/a_c\f$:
 * \f$p^* = G X^{\gamma_s/(\gamma_p+\gamma_s)}\f$, \f$s^* = X/p^*\f$,
 * \f$\mu = \gamma_p c_p p^{*-\gamma_p}/(E_{max} - E_0)\f$. Elasticities are the
 * exponents. Relative error a few units of \f$10^{-15}\f$ times \f$|\ln X|\f$.
 *
 * \param[in]     loss      The loss model.
 * \param[in]     energy    The energy model.
 * \param[in]     budget_j  Budget \f$E_{max}\f$. Unit: J. Finite, > \f$E_0\f$.
 * \param[in,out] result    Initialised with thermoai_allocate_result_init(); filled.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED non-zero reserved or unknown fields; or a data term or
 *                                \f$a_m > 0\f$, for which no closed form exists (use
 *                                thermoai_allocate_solve())
 * \retval THERMOAI_E_NONFINITE   a field or \p budget_j is NaN or infinite
 * \retval THERMOAI_E_INVALID     a field outside its domain, or \p budget_j < 0
 * \retval THERMOAI_E_DOMAIN      \p budget_j <= \f$E_0\f$: nothing to allocate
 * \retval THERMOAI_E_RANGE       a result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 4.3; Hoffmann et al. 2022, Eq. (4).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_closed_form(const thermoai_loss_model *loss,
                                  const thermoai_allocate_energy_model *energy, double budget_j,
                                  thermoai_allocate_result *result);

/**
 * \brief Energy-optimal allocation for the general model (Theorem 3.20), numerically.
 *
 * For a multiplier \f$\mu\f$ the stationarity conditions give \f$n(\mu)\f$ in
 * closed form and \f$s(\mu)\f$ as the root of a concave increasing function of
 * \f$\ln s\f$ (Newton from the left, monotone); \f$p(\mu)\f$ follows. The spent
 * energy is strictly decreasing in \f$\ln \mu\f$ with a slope bounded away from
 * 0, and a bracketed, safeguarded Newton iteration finds the \f$\mu\f$ that spends
 * the budget. Allocation-free. The result's \c marginal_spread is recomputed
 * from the returned allocation; the function fails with #THERMOAI_E_LOSS rather
 * than return an allocation whose spread exceeds \f$10^{-9}\f$ or whose energy
 * misses the budget by more than \f$10^{-12}\f$ relative. Agrees with
 * thermoai_allocate_closed_form() to about \f$10^{-13}\f$ where both apply.
 *
 * \param[in]     loss      The loss model.
 * \param[in]     energy    The energy model.
 * \param[in]     budget_j  Budget \f$E_{max}\f$. Unit: J. Finite, > \f$E_0\f$.
 * \param[in,out] result    Initialised with thermoai_allocate_result_init(); filled.
 * \retval THERMOAI_OK             success
 * \retval THERMOAI_E_NULL         a pointer is NULL
 * \retval THERMOAI_E_SIZE         a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED  non-zero reserved or unknown fields
 * \retval THERMOAI_E_NONFINITE    a field or \p budget_j is NaN or infinite
 * \retval THERMOAI_E_INVALID      a field outside its domain, or \p budget_j < 0
 * \retval THERMOAI_E_DOMAIN       \p budget_j <= \f$E_0\f$, or a data term with \f$a_d = 0\f$
 * \retval THERMOAI_E_RANGE        a resource overflows or underflows
 * \retval THERMOAI_E_NO_CONVERGENCE the iteration limit was reached (not seen in testing)
 * \retval THERMOAI_E_LOSS         the optimality check failed (not seen in testing)
 * \par Source
 *   Paper 002, Theorems 3.2 and 3.20; Axiom 3.3 for \f$E_0\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_solve(const thermoai_loss_model *loss,
                            const thermoai_allocate_energy_model *energy, double budget_j,
                            thermoai_allocate_result *result);

/**
 * \brief Minimum energy to reach a target loss, exactly (Corollary 4.4 without approximation).
 *
 * The same parametrisation by \f$\mu\f$ as thermoai_allocate_solve(), solved for
 * \f$L(\mu) = L_{target}\f$; the result's \c energy_j is the minimum energy
 * (including \f$E_0\f$) and the allocation is the one that reaches it.
 *
 * \param[in]     loss              The loss model.
 * \param[in]     energy            The energy model.
 * \param[in]     target_loss_nats  Target loss \f$L_{target}\f$. Unit: nat per token. Finite, > \f$E_\infty\f$.
 * \param[in,out] result            Initialised with thermoai_allocate_result_init(); filled.
 * \retval THERMOAI_OK             success
 * \retval THERMOAI_E_NULL         a pointer is NULL
 * \retval THERMOAI_E_SIZE         a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED  non-zero reserved or unknown fields
 * \retval THERMOAI_E_NONFINITE    a field or the target is NaN or infinite
 * \retval THERMOAI_E_INVALID      a field outside its domain
 * \retval THERMOAI_E_DOMAIN       \p target_loss_nats <= \f$E_\infty\f$ (unreachable), or a data
 *                                 term with \f$a_d = 0\f$
 * \retval THERMOAI_E_RANGE        the energy or a resource overflows or underflows
 * \retval THERMOAI_E_NO_CONVERGENCE the iteration limit was reached (not seen in testing)
 * \retval THERMOAI_E_LOSS         the optimality check failed (not seen in testing)
 * \par Source
 *   Paper 002, Theorem 3.2 and Corollary 4.4.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_isoloss(const thermoai_loss_model *loss,
                              const thermoai_allocate_energy_model *energy,
                              double target_loss_nats, thermoai_allocate_result *result);

/**
 * \brief Minimum energy to reach a target loss from Corollary 4.4's power law.
 *
 * \f$E^* = a_c (K/\Delta)^{(\gamma_p+\gamma_s)/(\gamma_p\gamma_s)}\f$ with
 * \f$\Delta = L_{target} - E_\infty\f$ and \f$K = c_p G^{-\gamma_p} + c_s G^{\gamma_s}\f$:
 * Corollary 4.4's exponent with the prefactor of the two-term problem, which
 * is exact there. It leaves out the data term, \f$a_m\f$ and \f$E_0\f$; compare with
 * thermoai_allocate_isoloss() to see what they cost.
 *
 * \param[in]  loss              The loss model.
 * \param[in]  energy            The energy model (only \f$a_c\f$ is used).
 * \param[in]  target_loss_nats  Target loss \f$L_{target}\f$. Unit: nat per token. Finite, > \f$E_\infty\f$.
 * \param[out] energy_j          Energy \f$E^*\f$. Unit: J. NaN on error.
 * \param[out] exponent          Exponent \f$(\gamma_p+\gamma_s)/(\gamma_p\gamma_s)\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        a \c struct_size is too small
 * \retval THERMOAI_E_UNSUPPORTED non-zero reserved or unknown fields
 * \retval THERMOAI_E_NONFINITE   a field or the target is NaN or infinite
 * \retval THERMOAI_E_INVALID     a field outside its domain
 * \retval THERMOAI_E_DOMAIN      \p target_loss_nats <= \f$E_\infty\f$
 * \retval THERMOAI_E_RANGE       the energy overflows or underflows
 * \par Source
 *   Paper 002, Corollary 4.4, Eq. (17).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_isoloss_asymptotic_j(const thermoai_loss_model *loss,
                                           const thermoai_allocate_energy_model *energy,
                                           double target_loss_nats, double *energy_j,
                                           double *exponent);

/**
 * \brief Large-budget scaling exponents of the optimum (Theorem 3.20, corrected).
 *
 * As \f$E_{max} \to \infty\f$, \f$r^* \propto E_{max}^{e_r}\f$ and
 * \f$L^* - E_\infty \propto E_{max}^{e_L}\f$. With \f$\delta = \gamma_p\gamma_s/(\gamma_p+\gamma_s)\f$
 * (the decay of the parameter-token pair) and no data term:
 * \f$e_p = \gamma_s/(\gamma_p+\gamma_s)\f$, \f$e_s = \gamma_p/(\gamma_p+\gamma_s)\f$, \f$e_L = -\delta\f$.
 * With a data term the slower-decaying of \f$\gamma_n\f$ and \f$\delta\f$ takes the budget:
 * for \f$\gamma_n < \delta\f$, \f$e_n = 1\f$, \f$e_L = -\gamma_n\f$ and the pair's energy grows
 * as \f$E^{(\gamma_n+1)/(\delta+1)}\f$; for \f$\gamma_n > \delta\f$, \f$e_n = (\delta+1)/(\gamma_n+1)\f$
 * and \f$e_L = -\delta\f$. \f$a_m\f$ and \f$E_0\f$ do not change the limits. (The theorem's
 * \f$1/(\alpha+1)\f$, \f$1/(\beta+1)\f$, \f$1/(\gamma+1)\f$ would give \f$p^* s^*\f$ growing faster
 * than the budget.)
 *
 * \param[in]  loss             The loss model.
 * \param[out] params_exponent  Parameter exponent \f$e_p\f$. [dimensionless]. NaN on error.
 * \param[out] tokens_exponent  Token exponent \f$e_s\f$. [dimensionless]. NaN on error.
 * \param[out] data_exponent    Data exponent \f$e_n\f$; 0 without a data term. [dimensionless]. NaN on error.
 * \param[out] loss_exponent    Loss exponent \f$e_L < 0\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a pointer is NULL
 * \retval THERMOAI_E_SIZE        \c struct_size too small
 * \retval THERMOAI_E_UNSUPPORTED non-zero reserved or unknown fields
 * \retval THERMOAI_E_NONFINITE   a field is NaN or infinite
 * \retval THERMOAI_E_INVALID     a field outside its domain
 * \par Source
 *   Paper 002, Theorem 3.20 (derived here; doc/allocation.md).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_allocate_asymptotic_exponents(const thermoai_loss_model *loss, double *params_exponent,
                                           double *tokens_exponent, double *data_exponent,
                                           double *loss_exponent);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_ALLOCATE_H */
