/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/tip.h
 * \brief Thermodynamically-Informed Pruning: quality loss per unit of energy.
 *
 * TIP (paper 000 Sec. 5) ranks prunable components (heads, neurons, layers) by
 * the perplexity they cost per share of energy they use, and prunes the lowest
 * first. This header holds the scoring formulas; the pruning algorithm itself
 * builds on them.
 */
#ifndef THERMOAI_TIP_H
#define THERMOAI_TIP_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/tip.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Relative perplexity degradation \f$(\mathrm{PPL}' - \mathrm{PPL}) / \mathrm{PPL}\f$.
 *
 * \param[in]  ppl_base    Perplexity before pruning. [dimensionless]. Finite, >= 1.
 * \param[in]  ppl_pruned  Perplexity after pruning. [dimensionless]. Finite, >= 1.
 * \param[out] fraction    The relative change (0.013 for 1.3 %). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success (negative when pruning improved perplexity)
 * \retval THERMOAI_E_NULL       \p fraction is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a perplexity is below 1
 * \par Accuracy
 *   Within 2 ulp (1 ulp seen).
 * \par Source
 *   Paper 000, Sec. 5.3 (degradations quoted under the TIP table).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_relative_degradation(double ppl_base, double ppl_pruned, double *fraction);

/**
 * \brief TIP importance score of one component.
 *
 * \f[ s_i = \frac{\Delta\mathrm{PPL}_i / \mathrm{PPL}}{E_i / E_{total}} \f]
 * where \f$\Delta\mathrm{PPL}_i\f$ is the perplexity increase when component
 * \f$i\f$ is removed. Low scores (much energy, little quality) are pruned first.
 *
 * \param[in]  ppl_base          Perplexity of the full model. [dimensionless]. Finite, >= 1.
 * \param[in]  ppl_without       Perplexity with the component removed. [dimensionless]. Finite, >= 1.
 * \param[in]  component_energy_j Energy the component uses \f$E_i\f$. Unit: J. Finite, > 0.
 * \param[in]  total_energy_j    Energy of the whole model \f$E_{total}\f$ for the same work.
 *                               Unit: J. Finite, >= \p component_energy_j.
 * \param[out] score             The value \f$s_i\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p score is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a perplexity below 1, an energy <= 0, or
 *                               \p component_energy_j > \p total_energy_j
 * \par Accuracy
 *   Within 4 ulp (2 ulp seen).
 * \par Source
 *   Paper 000, Sec. 5.2, equation for \f$s_i\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_score(double ppl_base, double ppl_without, double component_energy_j,
                       double total_energy_j, double *score);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_TIP_H */
