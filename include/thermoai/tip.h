/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/tip.h
 * \brief Thermodynamically-Informed Pruning: quality loss per unit of energy.
 *
 * TIP (paper 000 Sec. 5) ranks prunable components (heads, neurons, layers) by
 * the perplexity they cost per share of energy they use, and prunes the lowest
 * first. The two scoring formulas below are stable; the algorithm (experimental
 * tier, define THERMOAI_EXPERIMENTAL) describes \f$n\f$ components as parallel
 * arrays:
 *
 * - \c kind[i]: #THERMOAI_TIP_KIND_HEAD, _KV_GROUP, _NEURON or _LAYER (for the
 *   energy helper and for reporting; selection does not read it);
 * - \c energy_j[i]: \f$E_i\f$, the energy per token removing component \f$i\f$ saves,
 *   J (thermoai_tip_component_energy_j() from the cost model, or measured);
 * - \c delta_loss_nats[i]: \f$\Delta L_i\f$, the increase of the mean cross-entropy
 *   (nats per token) when component \f$i\f$ alone is removed, so that
 *   \f$\Delta\mathrm{PPL}_i/\mathrm{PPL} = e^{\Delta L_i} - 1\f$
 *   (thermoai_tip_loss_leave_one_out() exactly, thermoai_tip_loss_taylor() to first order);
 * - \c size[i]: what "sparsity" counts (parameters of the component), or NULL for 1 each.
 *
 * A keep mask has one byte per component: 1 kept, 0 removed.
 *
 * **What the energy argument needs.** Removing a head, a group of FFN neurons or a
 * layer removes their FLOPs and bytes from every step, and the cost model turns that
 * into joules. Zeroing weights inside dense matrices (unstructured or N:M pruning
 * stored densely) removes nothing: the same bytes are read and the same products
 * computed, so its saving is 0 (thermoai_tip_unstructured_energy_j() with
 * #THERMOAI_TIP_STORE_DENSE). Savings from unstructured sparsity exist only under a
 * sparse storage format and a kernel that skips the zeros, and the index bits of that
 * format are charged. doc/tip.md states what TIP can and cannot claim.
 */
#ifndef THERMOAI_TIP_H
#define THERMOAI_TIP_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/tip.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/cost.h>

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

#if defined(THERMOAI_EXPERIMENTAL)

/** An attention head: one query head; with multi-head attention (kv_heads = heads) its key
 *  and value projections and cache go with it. \since 0.1.0 */
#define THERMOAI_TIP_KIND_HEAD 1u
/** A key-value head with the heads/kv_heads query heads that share it (grouped-query
 *  attention: the unit whose removal also frees KV-cache traffic). \since 0.1.0 */
#define THERMOAI_TIP_KIND_KV_GROUP 2u
/** One FFN neuron (a row of the gate and up matrices and a column of the down matrix);
 *  a group is a count of them. \since 0.1.0 */
#define THERMOAI_TIP_KIND_NEURON 3u
/** A whole transformer block (attention, FFN and their norms). \since 0.1.0 */
#define THERMOAI_TIP_KIND_LAYER 4u

/** One decode step (thermoai_work_decode()). \since 0.1.0 */
#define THERMOAI_TIP_DECODE 1u
/** A prefill (thermoai_work_prefill()). \since 0.1.0 */
#define THERMOAI_TIP_PREFILL 2u

/** Selection target: remove at least this fraction of the total size (sum of \c size). \since 0.1.0 */
#define THERMOAI_TIP_TARGET_SPARSITY 1u
/** Selection target: save at least this fraction of \c total_energy_j. \since 0.1.0 */
#define THERMOAI_TIP_TARGET_ENERGY 2u
/** Selection target: remove as much as keeps \f$\mathrm{PPL}'/\mathrm{PPL} - 1\f$ at most this. \since 0.1.0 */
#define THERMOAI_TIP_TARGET_QUALITY 3u

/** Pruned weights are stored as zeros in dense matrices: nothing is saved. \since 0.1.0 */
#define THERMOAI_TIP_STORE_DENSE 1u
/** Only kept weights are stored, each with \c index_bits of position metadata, and the kernel
 *  computes only their products. \since 0.1.0 */
#define THERMOAI_TIP_STORE_SPARSE 2u

/**
 * \brief The caller's evaluator: the loss of the model with the components \p keep keeps.
 *
 * \param[in]  keep  One byte per component: 1 kept, 0 removed.
 * \param[in]  user  The pointer given to the selecting function.
 * \param[out] loss  Mean cross-entropy on the caller's evaluation set, nats per token.
 * \return 0 on success; any other value stops the caller of the callback with
 *         #THERMOAI_E_CALLBACK.
 * \since 0.1.0
 */
typedef int (*thermoai_tip_eval_fn)(const uint8_t *keep, void *user, double *loss);

/**
 * \brief TIP score from a loss increase:
 *        \f$s_i = (e^{\Delta L_i} - 1)\,E_{total}/E_i\f$.
 *
 * Equals thermoai_tip_score() with \f$\mathrm{PPL} = e^{L}\f$, since
 * \f$\Delta\mathrm{PPL}_i/\mathrm{PPL} = e^{\Delta L_i} - 1\f$ (evaluated with expm1).
 * \param[in]  delta_loss_nats     The value \f$\Delta L_i\f$, nats per token. Finite (negative: removing helps). Unit: nats per token.
 * \param[in]  component_energy_j  The value \f$E_i\f$, J. Finite, > 0. Unit: J.
 * \param[in]  total_energy_j      The value \f$E_{total}\f$, J. Finite, >= \p component_energy_j. Unit: J per token.
 * \param[out] score               The value \f$s_i\f$ [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p score is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an energy <= 0, or \p component_energy_j > \p total_energy_j
 * \retval THERMOAI_E_RANGE      the score overflows (\f$\Delta L\f$ above about 709)
 * \par Accuracy
 *   Within 4 ulp.
 * \par Source
 *   Paper 000, Sec. 5.2, equation for \f$s_i\f$, with perplexity written as \f$e^L\f$.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_score_from_loss(double delta_loss_nats, double component_energy_j,
                                 double total_energy_j, double *score);

/**
 * \brief The scores of \p n components: thermoai_tip_score_from_loss() of each.
 * \param[in]  n                Components, >= 1.
 * \param[in]  energy_j         \p n energies \f$E_i\f$, J; each finite, > 0; their sum <= \p total_energy_j. Unit: J per token.
 * \param[in]  delta_loss_nats  \p n losses \f$\Delta L_i\f$, nats per token; each finite. Unit: nats per token.
 * \param[in]  total_energy_j   The value \f$E_{total}\f$, J per token of the whole model. Unit: J per token.
 * \param[out] score            \p n scores; all NaN on error (when \p n >= 1). [dimensionless]
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p n is 0, an energy <= 0, or the energies sum above the total
 * \retval THERMOAI_E_RANGE      a score overflows
 * \par Source
 *   Paper 000, Sec. 5.2.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_scores(size_t n, const double *energy_j, const double *delta_loss_nats,
                        double total_energy_j, double *score);

/**
 * \brief Workspace of thermoai_tip_select() and thermoai_tip_select_rounds() for \p n components.
 * \param[in]  n      Components, 1 .. 2^32.
 * \param[out] bytes  About \f$25 n\f$ on 64-bit targets; 0 on error.
 * \retval THERMOAI_OK        success
 * \retval THERMOAI_E_NULL    \p bytes is NULL
 * \retval THERMOAI_E_INVALID \p n is 0 or above 2^32
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_select_workspace_bytes(size_t n, size_t *bytes);

/**
 * \brief One-shot greedy TIP selection: remove components in increasing score until the
 *        target is met.
 *
 * The components are ordered by \f$s_i\f$ ascending, equal scores by index ascending,
 * and the shortest prefix of that order that reaches the target is removed:
 * - #THERMOAI_TIP_TARGET_SPARSITY: removed size / total size >= \p value, in [0, 1];
 * - #THERMOAI_TIP_TARGET_ENERGY: removed \f$\sum E_i / E_{total}\f$ >= \p value, in [0, 1];
 * - #THERMOAI_TIP_TARGET_QUALITY: the longest prefix whose predicted degradation
 *   \f$e^{\sum \Delta L_i} - 1\f$ is <= \p value (>= 0); it stops at the first component
 *   that would exceed it.
 * Losses are assumed additive (a first-order assumption; thermoai_tip_select_rounds()
 * re-measures them). Energies are additive by construction of the cost model's
 * marginal energies only approximately (doc/tip.md).
 * \param[in]  n                Components, >= 1.
 * \param[in]  energy_j         \p n energies \f$E_i\f$, J per token; each > 0, sum <= \p total_energy_j. Unit: J per token.
 * \param[in]  delta_loss_nats  \p n losses \f$\Delta L_i\f$, nats per token. Unit: nats per token.
 * \param[in]  size             \p n sizes, one per component (> 0), or NULL for 1 each. Unit: the caller's (parameters).
 * \param[in]  total_energy_j   The value \f$E_{total}\f$, J per token. Unit: J per token.
 * \param[in]  target           THERMOAI_TIP_TARGET_*.
 * \param[in]  value            The target's value (above). [dimensionless]
 * \param[in]  workspace        thermoai_tip_select_workspace_bytes() bytes, any alignment.
 * \param[in]  workspace_bytes  Its size.
 * \param[out] keep             \p n bytes: 1 kept, 0 removed. All 1 on error.
 * \param[out] order            NULL, or \p n indices: the removal order (all components).
 * \param[out] saved_fraction   Removed \f$\sum E_i / E_{total}\f$. NaN on error. [dimensionless]
 * \param[out] size_fraction    Removed size / total size. NaN on error. [dimensionless]
 * \param[out] degradation      Predicted \f$e^{\sum \Delta L_i} - 1\f$ of the removed set. NaN on error. [dimensionless]
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a required pointer is NULL
 * \retval THERMOAI_E_SIZE       \p workspace_bytes too small
 * \retval THERMOAI_E_UNSUPPORTED unknown \p target
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p n 0, an energy or size <= 0, energies above the total,
 *                               \p value out of range for the target
 * \retval THERMOAI_E_DOMAIN     the energy target exceeds what removing every component saves
 * \retval THERMOAI_E_RANGE      the predicted degradation overflows (losses summing above 709 nats)
 * \par Source
 *   Paper 000, Sec. 5.2 ("components with low s_i are pruned first").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_select(size_t n, const double *energy_j, const double *delta_loss_nats,
                        const double *size, double total_energy_j, uint32_t target, double value,
                        void *workspace, size_t workspace_bytes, uint8_t *keep, size_t *order,
                        double *saved_fraction, double *size_fraction, double *degradation);

/**
 * \brief Iterative TIP: \p rounds rounds of exact re-scoring through \p eval, each removing
 *        the lowest-scored components up to its share of the target.
 *
 * Round \f$k\f$ (1 .. \p rounds) measures, for every component still kept, the loss with it
 * also removed (one \p eval call each, plus one for the current mask), scores them with
 * thermoai_tip_score_from_loss() and removes the shortest prefix in score order that brings
 * the removed set to \f$k/\mathrm{rounds}\f$ of a sparsity or energy target. For
 * #THERMOAI_TIP_TARGET_QUALITY the allowed loss of round \f$k\f$ is
 * \f$L_0 + \ln(1 + v k/\mathrm{rounds})\f$: the prefix is chosen on the measured increments,
 * the result is evaluated, and the components added last are put back one at a time until
 * the measured loss is within it; the final mask therefore meets the quality budget as
 * measured. Calls \p eval at most \f$\mathrm{rounds}(n + 1) + n + 1\f$ times.
 * \param[in]  n                Components, >= 1.
 * \param[in]  energy_j         \p n energies \f$E_i\f$ (as thermoai_tip_select()). Unit: J per token.
 * \param[in]  size             \p n sizes, one per component, or NULL. Unit: the caller's (parameters).
 * \param[in]  total_energy_j   The value \f$E_{total}\f$, J per token. Unit: J per token.
 * \param[in]  target           THERMOAI_TIP_TARGET_*.
 * \param[in]  value            The target's value. [dimensionless]
 * \param[in]  rounds           1 .. n.
 * \param[in]  eval             The evaluator; must return a finite loss.
 * \param[in]  user             Passed to \p eval.
 * \param[in]  workspace        thermoai_tip_select_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Its size.
 * \param[out] keep             \p n bytes, the final mask. All 1 on error.
 * \param[out] base_loss        The loss with every component kept, nats. NaN on error. Unit: nats per token.
 * \param[out] final_loss       The loss of the final mask, as measured, nats. NaN on error. Unit: nats per token.
 * \param[out] saved_fraction   Removed \f$\sum E_i / E_{total}\f$. NaN on error. [dimensionless]
 * \param[out] size_fraction    Removed size / total size. NaN on error. [dimensionless]
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_CALLBACK   \p eval returned non-zero
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite, or \p eval gave a non-finite loss
 * \retval THERMOAI_E_INVALID    as thermoai_tip_select(), or \p rounds 0 or above \p n
 * \retval other                as thermoai_tip_select()
 * \par Source
 *   Paper 000, Sec. 5.2 (\f$\Delta\mathrm{PPL}_i\f$ "when component i is removed"); iterative
 *   re-scoring as in Molchanov et al., "Importance Estimation for Neural Network Pruning", CVPR 2019.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_select_rounds(size_t n, const double *energy_j, const double *size,
                               double total_energy_j, uint32_t target, double value, uint32_t rounds,
                               thermoai_tip_eval_fn eval, void *user, void *workspace,
                               size_t workspace_bytes, uint8_t *keep, double *base_loss,
                               double *final_loss, double *saved_fraction, double *size_fraction);

/**
 * \brief Exact leave-one-out loss increases: \f$\Delta L_i = L(\text{keep} \setminus i) - L(\text{keep})\f$.
 *
 * Calls \p eval once for \p keep and once for each component it keeps, with that one also
 * removed; components \p keep already removes get \f$\Delta L_i = 0\f$.
 * \param[in]  n                Components, >= 1.
 * \param[in]  keep             \p n bytes, the current mask, or NULL for every component kept.
 * \param[in]  eval             The evaluator.
 * \param[in]  user             Passed to \p eval.
 * \param[in]  workspace        \p n bytes (the mask handed to \p eval).
 * \param[in]  workspace_bytes  Its size, >= \p n.
 * \param[out] base_loss        The value \f$L(\text{keep})\f$, nats. NaN on error. Unit: nats per token.
 * \param[out] delta_loss_nats  \p n increases, nats. All NaN on error. Unit: nats per token.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a required pointer is NULL
 * \retval THERMOAI_E_INVALID    \p n is 0, or a \p keep byte is neither 0 nor 1
 * \retval THERMOAI_E_SIZE       \p workspace_bytes < \p n
 * \retval THERMOAI_E_CALLBACK   \p eval returned non-zero
 * \retval THERMOAI_E_NONFINITE  \p eval gave a non-finite loss
 * \par Source
 *   Paper 000, Sec. 5.2 (\f$\Delta\mathrm{PPL}_i\f$ "when component i is removed").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_loss_leave_one_out(size_t n, const uint8_t *keep, thermoai_tip_eval_fn eval,
                                    void *user, void *workspace, size_t workspace_bytes,
                                    double *base_loss, double *delta_loss_nats);

/**
 * \brief First-order Taylor estimate of each component's loss increase:
 *        \f$\Delta L_i \approx |\sum_{j \in i} g_j w_j|\f$.
 *
 * Setting the weights of component \f$i\f$ to zero changes the loss by
 * \f$-\sum_{j\in i} g_j w_j\f$ to first order; its magnitude is the importance of
 * Molchanov et al. (2019). Accumulated in double.
 * \param[in]  n_weights        Weights, >= 1.
 * \param[in]  grad             \p n_weights gradients \f$g_j = \partial L/\partial w_j\f$ (nats per token), finite.
 * \param[in]  weight           \p n_weights weights \f$w_j\f$, finite.
 * \param[in]  component        \p n_weights indices: the component of each weight, or any value >= \p n for none.
 * \param[in]  n                Components, >= 1.
 * \param[out] delta_loss_nats  \p n estimates, nats per token (0 for a component with no Unit: nats per token.
 *                              weight). All NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_INVALID    \p n_weights or \p n is 0
 * \retval THERMOAI_E_NONFINITE  a gradient or weight is NaN or infinite
 * \retval THERMOAI_E_RANGE      a sum overflows
 * \par Source
 *   Molchanov, Mallya, Tyree, Frosio, Kautz, CVPR 2019, Eq. (3) (first-order, group form).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_loss_taylor(size_t n_weights, const float *grad, const float *weight,
                             const uint32_t *component, size_t n, double *delta_loss_nats);

/**
 * \brief Spearman rank correlation of two score lists (for Taylor against leave-one-out).
 *
 * \f$\rho\f$ = the Pearson correlation of the ranks of \p x and of \p y, equal values
 * sharing their mean rank (so ties are handled exactly, not by the
 * \f$1 - 6\sum d^2/(n(n^2-1))\f$ shortcut, which holds only without ties).
 * \param[in]  n                Values, >= 2.
 * \param[in]  x                \p n values, the first list, finite. Unit: any.
 * \param[in]  y                \p n values, the second list, finite. Unit: any.
 * \param[in]  workspace        thermoai_tip_select_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Its size.
 * \param[out] rho              The value \f$\rho \in [-1, 1]\f$ [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_INVALID    \p n below 2 or above 2^32
 * \retval THERMOAI_E_NONFINITE  a value is NaN or infinite
 * \retval THERMOAI_E_SIZE       \p workspace_bytes too small
 * \retval THERMOAI_E_DOMAIN     a list is constant (its ranks have no variance)
 * \par Source
 *   Spearman 1904; Kendall and Gibbons, Rank Correlation Methods, Ch. 3 (tied ranks).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_rank_correlation(size_t n, const double *x, const double *y, void *workspace,
                                  size_t workspace_bytes, double *rho);

/**
 * \brief Energy per token that removing \p count components of one kind saves, from the
 *        cost model's work counts on a hardware profile.
 *
 * With \f$W\f$ the step's work (work.h) and \f$W'\f$ the work without the components,
 * \f$E_i = (E(W) - E(W'))/\text{tokens}\f$ where \f$E\f$ is thermoai_cost_step().
 * The work of one component is a difference of whole-model counts, so it follows work.h's
 * conventions exactly: a query head is \f$W(h{=}2, n_{kv}{=}1) - W(1, 1)\f$ (its Q and O
 * projections, its attention products, its activations), a KV head adds
 * \f$W(2, 2) - W(2, 1)\f$ (K and V projections, cache reads and writes), a neuron is
 * \f$W(d_{ff}{=}2) - W(1)\f$, a layer \f$(W(2L) - W(L))/L\f$; each summed over the layers
 * and divided by their number (the mean layer; layers differ only with alternating
 * windows). Biases of the removed rows are not counted. Because \f$E\f$ is a roofline,
 * \f$E(W) - E(W')\f$ is not linear in \p count: ask for the count you remove.
 * \param[in]  arch      The architecture; not MLA for heads and KV groups, not MoE for neurons.
 * \param[in]  params    Batch, context, prompt tokens, precisions (NULL: defaults; prefill needs
 *                       \c tokens >= 1).
 * \param[in]  phase     #THERMOAI_TIP_DECODE or #THERMOAI_TIP_PREFILL.
 * \param[in]  hw        The hardware profile (thermoai_hardware_preset_find()).
 * \param[in]  serving   The serving stack, or NULL for none.
 * \param[in]  kind      THERMOAI_TIP_KIND_*.
 * \param[in]  count     Components removed, 1 .. the model's number of that kind (heads x layers,
 *                       kv_heads x layers, d_ff x layers, layers - 1).
 * \param[out] energy_j  The value \f$E_i\f$, J per token (may be 0 when the step's time is set by something Unit: J per token.
 *                       the component does not use). NaN on error.
 * \param[out] total_j   The value \f$E_{total}\f$ = E(W)/tokens, J per token. NaN on error. Unit: J per token.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a required pointer is NULL
 * \retval THERMOAI_E_UNSUPPORTED unknown \p kind or \p phase; heads of an MLA model; neurons of a
 *                                MoE model; or as thermoai_cost_step()
 * \retval THERMOAI_E_INVALID     \p count 0 or too large, or as thermoai_work_decode()
 * \retval other                 as thermoai_work_decode() and thermoai_cost_step()
 * \par Source
 *   doc/cost-model.md (the work and energy model); paper 000 Sec. 5.2 (\f$E_i\f$, "measured
 *   energy consumption", here modelled).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_component_energy_j(const thermoai_model_arch *arch,
                                    const thermoai_work_params *params, uint32_t phase,
                                    const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                                    uint32_t kind, uint64_t count, double *energy_j, double *total_j);

/**
 * \brief Energy per token that unstructured pruning of the block weights saves, under a
 *        stated storage format.
 *
 * The pruned matrices are every projection and FFN matrix of the blocks (not embeddings,
 * not the output head). With sparsity \f$s\f$, \f$b\f$ bytes per weight and \f$i\f$ index
 * bits per kept weight:
 * - #THERMOAI_TIP_STORE_DENSE: the zeros are stored and multiplied: the work is unchanged
 *   and the saving is exactly 0;
 * - #THERMOAI_TIP_STORE_SPARSE: those matrices read \f$(1-s)(b + i/8)\f$ bytes per weight and
 *   compute \f$(1-s)\f$ of their FLOPs (a kernel that skips zeros at full speed: an optimistic
 *   assumption). CSR with 32-bit column indices is \f$i = 32\f$; a bitmap is
 *   \f$i = 1/(1-s)\f$; NVIDIA's 2:4 format is \f$s = 0.5, i = 2\f$. The saving is negative when
 *   the indices cost more than the zeros saved.
 * \param[in]  arch        A dense (not MoE) architecture.
 * \param[in]  params      As for thermoai_tip_component_energy_j().
 * \param[in]  phase       #THERMOAI_TIP_DECODE or #THERMOAI_TIP_PREFILL.
 * \param[in]  hw          The hardware profile.
 * \param[in]  serving     The serving stack, or NULL.
 * \param[in]  storage     THERMOAI_TIP_STORE_*.
 * \param[in]  sparsity    The value \f$s\f$, in [0, 1). [dimensionless]
 * \param[in]  index_bits  The value \f$i\f$, >= 0 (ignored for dense storage). Unit: bits.
 * \param[out] saved_j     The value \f$E(W) - E(W_s)\f$, J per token. NaN on error. Unit: J per token.
 * \param[out] total_j     E(W) per token, J. NaN on error. Unit: J per token.
 * \retval THERMOAI_OK            success
 * \retval THERMOAI_E_NULL        a required pointer is NULL
 * \retval THERMOAI_E_UNSUPPORTED unknown \p storage or \p phase, a MoE model
 * \retval THERMOAI_E_NONFINITE   \p sparsity or \p index_bits is NaN or infinite
 * \retval THERMOAI_E_INVALID     \p sparsity outside [0, 1), \p index_bits < 0
 * \retval other                 as thermoai_work_decode() and thermoai_cost_step()
 * \par Source
 *   The storage counts of sparsity.h (paper 002 Theorem 3.24, every stored bit counted);
 *   NVIDIA Ampere 2:4 sparsity (2-bit metadata per kept value).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_tip_unstructured_energy_j(const thermoai_model_arch *arch,
                                       const thermoai_work_params *params, uint32_t phase,
                                       const thermoai_hardware *hw,
                                       const thermoai_cost_serving *serving, uint32_t storage,
                                       double sparsity, double index_bits, double *saved_j,
                                       double *total_j);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_TIP_H */
