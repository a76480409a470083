/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/learning.h
 * \brief The learning energy bounds of paper 002 Sec. 3: energy-accuracy
 *        trade-off (Theorem 3.3), generalised Landauer bound for learning
 *        (Theorem 3.6), attention energy bounds (Theorem 3.10, Corollary 3.11),
 *        channel energy per bit (Theorem 3.14), energy-aware PAC-Bayes
 *        (Theorem 3.15), training and inference information budgets
 *        (Theorems 3.17, 3.18).
 *
 * Two tiers. The stable part holds bounds that are theorems outside the paper:
 * the PAC-Bayes bound of Theorem 3.15 (valid, for the Gibbs risk, with the
 * paper's \f$2(n-1)\f$; the energy term only loosens it) and Shannon's minimum
 * energy per bit on the AWGN channel, which is what Theorem 3.14 should say.
 * Everything else is the paper's statement evaluated exactly as printed, in
 * the experimental tier: those formulas rest on assumptions the paper does not
 * prove (that each stored, streamed or output bit is erased once), and some
 * contradict known results (doc/information-theory.md says which and why).
 * Proposition 3.5 (\f$E \ge k_B T \ln 2 \cdot B\f$) is thermoai_landauer_energy_j().
 *
 * Logarithms: \f$\log_2\f$ wherever the paper prices a quantity in bits at
 * \f$k_B T \ln 2\f$ per bit; \f$\ln\f$ in the PAC-Bayes bound (KL in nats) and in
 * Eq. (3), which has no \f$\ln 2\f$. The exact SI \f$k_B\f$ throughout.
 *
 * All functions are pure: no allocation, no global state, reentrant.
 */
#ifndef THERMOAI_LEARNING_H
#define THERMOAI_LEARNING_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/learning.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief PAC-Bayes bound of Theorem 3.15:
 *        \f$\hat{\mathcal E} + \sqrt{\frac{\mathrm{KL}(Q\|P) + \ln(2\sqrt n/\delta)}{2(n-1)}} + \lambda E_{train}/n\f$.
 *
 * With probability \f$\ge 1-\delta\f$ over a sample of \f$n\f$ examples the
 * expected risk of the Gibbs classifier of \f$Q\f$ (not every \f$h \sim Q\f$, as the
 * theorem says) is at most the first two terms: Maurer's bound with Pinsker's
 * inequality, made looser by \f$2(n-1) < 2n\f$. The energy term is non-negative,
 * so the sum is a valid but looser bound; it adds nothing about generalisation.
 * \param[in]  empirical_risk  The value \f$\hat{\mathcal E}\f$, of a loss in [0, 1]. [dimensionless]. In [0, 1].
 * \param[in]  kl_nats         The value \f$\mathrm{KL}(Q\|P)\f$. Unit: nat. Finite, >= 0.
 * \param[in]  samples         The value \f$n\f$. [dimensionless]. Finite, >= 2.
 * \param[in]  delta           The value \f$\delta\f$. [dimensionless]. In (0, 1).
 * \param[in]  lambda_per_j    The value \f$\lambda\f$. Unit: 1/J. Finite, >= 0.
 * \param[in]  train_energy_j  The value \f$E_{train}\f$. Unit: J. Finite, >= 0.
 * \param[out] bound           The bound on the risk (above 1: vacuous). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bound is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002 Theorem 3.15 and App. B.9; A. Maurer, "A note on the PAC Bayesian
 *   theorem", arXiv:cs/0411099 (2004).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_pac_bayes_bound(double empirical_risk, double kl_nats, double samples,
                                      double delta, double lambda_per_j, double train_energy_j,
                                      double *bound);

/**
 * \brief Shannon's minimum energy per bit on the AWGN channel: \f$E_b \ge N_0 (2^\eta - 1)/\eta\f$.
 *
 * \f$\eta\f$ is the spectral efficiency in bit/s/Hz (\f$\eta = 2R\f$ for \f$R\f$ bits per
 * real channel use). The bound increases with \f$\eta\f$ from \f$N_0 \ln 2\f$ at
 * \f$\eta \to 0\f$ (the value returned for \f$\eta = 0\f$): reliable communication needs
 * at least \f$N_0 \ln 2\f$ per bit at any rate, the opposite of Theorem 3.14's
 * vanishing bound at \f$R \to 0\f$.
 * \param[in]  n0_j                 The value \f$N_0\f$, the one-sided noise spectral density. Unit: J (W/Hz). Finite, > 0.
 * \param[in]  spectral_efficiency  The value \f$\eta\f$. Unit: bit/s/Hz. Finite, >= 0.
 * \param[out] energy_j             The value \f$E_b\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   C. E. Shannon (1948/1949); Cover and Thomas (2006), Sec. 9.3; what paper 002
 *   Theorem 3.14 should state.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_awgn_energy_per_bit_j(double n0_j, double spectral_efficiency,
                                            double *energy_j);

#if defined(THERMOAI_EXPERIMENTAL)

/**
 * \brief Theorem 3.3, Eq. (2), as printed:
 *        \f$k_B T \ln 2\,[I_{task} \log_2(1/(\epsilon - \mathcal E_\infty)) + H(\mathrm{model})]\f$.
 *
 * The excess error \f$\epsilon - \mathcal E_\infty\f$ is the input (no cancellation).
 * The proof sums different terms (\f$p b\f$ and \f$\kappa p \log(\mathcal E_0/\epsilon)\f$
 * instead of \f$H(\mathrm{model})\f$); this is the statement.
 * \param[in]  task_bits      The value \f$I_{task}\f$. Unit: bit. Finite, >= 0.
 * \param[in]  excess_error   The value \f$\epsilon - \mathcal E_\infty\f$. [dimensionless]. In (0, 1].
 * \param[in]  model_bits     The value \f$H(\mathrm{model})\f$. Unit: bit. Finite, >= 0.
 * \param[in]  temperature_k  The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The value \f$E^*(\epsilon)\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows, or is non-zero below the normal range
 * \par Source
 *   Paper 002 Theorem 3.3, Eq. (2).
 * \warning Experimental: the paper's statement, not a proven bound.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_energy_accuracy_j(double task_bits, double excess_error, double model_bits,
                                        double temperature_k, double *energy_j);

/**
 * \brief Theorem 3.3, Eq. (3), the expression inside the \f$\Omega\f$:
 *        \f$k_B T\, p\, \kappa \ln(\mathcal E_0/(\epsilon - \mathcal E_\infty))\f$.
 *
 * An order of growth with an unstated constant; the value is the expression
 * with constant 1 (natural log, no \f$\ln 2\f$, as printed).
 * \param[in]  params         The value \f$p\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  condition      The value \f$\kappa\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  initial_error  The value \f$\mathcal E_0\f$. [dimensionless]. Finite, >= \p excess_error.
 * \param[in]  excess_error   The value \f$\epsilon - \mathcal E_\infty\f$. [dimensionless]. Finite, > 0.
 * \param[in]  temperature_k  The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The expression. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows, or is non-zero below the normal range
 * \par Source
 *   Paper 002 Theorem 3.3, Eq. (3).
 * \warning Experimental: an order of growth, not a bound with a constant.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_energy_condition_j(double params, double condition, double initial_error,
                                         double excess_error, double temperature_k,
                                         double *energy_j);

/**
 * \brief Theorem 3.6 as printed, in bits: \f$\mathrm{KL}(Q\|P) + H(Q) - H(P) = -\sum_i (q_i - p_i) \log_2 p_i\f$.
 *
 * The three terms collapse to \f$H(Q, P) - H(P)\f$ (cross-entropy minus entropy),
 * which is evaluated in that form (no cancellation between the terms). It is
 * 0 for a uniform prior whatever the posterior, and negative when the posterior
 * moves mass onto the prior's likelier hypotheses (e.g. a point mass on the mode),
 * where the bound says nothing. The introduction's \f$k_B T\,\mathrm{KL}(Q\|P)\f$ is a
 * different expression (doc/information-theory.md).
 * \param[in]  q     The posterior \f$Q\f$, a pmf, \p n entries (pmf.h rules). [dimensionless]
 * \param[in]  p     The prior \f$P\f$, a pmf, \p n entries. [dimensionless]
 * \param[in]  n     Number of hypotheses, >= 1.
 * \param[out] bits  The bracket, of either sign. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an entry is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p q or \p p is not a pmf
 * \retval THERMOAI_E_DOMAIN     \f$p_i = 0 < q_i\f$ for some \f$i\f$ (KL is infinite)
 * \retval THERMOAI_E_RANGE      the result is non-zero but below the normal range
 * \par Source
 *   Paper 002 Theorem 3.6 (and App. B.5, which states it as an equality).
 * \warning Experimental: the paper's statement; no valid proof is given.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_landauer_bits(const double *q, const double *p, size_t n, double *bits);

/**
 * \brief Theorem 3.6 in joules: \f$k_B T \ln 2 \cdot [\mathrm{KL}(Q\|P) + H(Q) - H(P)]\f$.
 * \param[in]  q              The posterior, a pmf, \p n entries. [dimensionless]
 * \param[in]  p              The prior, a pmf, \p n entries. [dimensionless]
 * \param[in]  n              Number of hypotheses, >= 1.
 * \param[in]  temperature_k  The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The bound, of either sign (negative: vacuous). Unit: J. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_learning_landauer_bits(); THERMOAI_E_INVALID also for \p temperature_k <= 0
 * \par Source
 *   Paper 002 Theorem 3.6.
 * \warning Experimental.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_landauer_j(const double *q, const double *p, size_t n, double temperature_k,
                                 double *energy_j);

/**
 * \brief Theorem 3.10, information bound: \f$k_B T \ln 2 \cdot N d \log_2 N\f$.
 * \param[in]  seq_len        The value \f$N\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  d_model        The value \f$d\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  temperature_k  The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The bound (0 at \f$N = 1\f$). Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows, or is non-zero below the normal range
 * \par Source
 *   Paper 002 Theorem 3.10, item 1.
 * \warning Experimental: the output need not be erased, so no Landauer cost is proven.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_attention_info_j(double seq_len, double d_model, double temperature_k,
                                       double *energy_j);

/**
 * \brief Theorem 3.10, computational bound: \f$e_{flop} \cdot 2 N^2 d\f$.
 * \param[in]  seq_len     The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  d_model     The value \f$d\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  e_flop_j    Energy per FLOP. Unit: J. Finite, >= 0.
 * \param[out] energy_j    The bound. Unit: J. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_learning_attention_info_j()
 * \par Source
 *   Paper 002 Theorem 3.10, item 2.
 * \warning Experimental: counts the FLOPs of the dense algorithm, not a lower bound over algorithms.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_attention_flop_j(double seq_len, double d_model, double e_flop_j,
                                       double *energy_j);

/**
 * \brief Theorem 3.10, I/O bound: \f$e_{IO} \cdot N^2 d / M\f$.
 * \param[in]  seq_len     The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  d_model     The value \f$d\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  cache_words The value \f$M\f$, the fast memory in words. [dimensionless]. Finite, > 0.
 * \param[in]  e_io_j      Energy per slow-memory word. Unit: J. Finite, >= 0.
 * \param[out] energy_j    The bound. Unit: J. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_learning_attention_info_j()
 * \par Source
 *   Paper 002 Theorem 3.10, item 3 (its proof quotes \f$N^2 d/\sqrt M\f$ for matrix products).
 * \warning Experimental.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_attention_io_j(double seq_len, double d_model, double cache_words,
                                     double e_io_j, double *energy_j);

/**
 * \brief Corollary 3.11: \f$k_B T \ln 2 \cdot N d \log_2(1/\epsilon)\f$ for \f$\epsilon\f$-approximate attention.
 * \param[in]  seq_len        The value \f$N\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  d_model        The value \f$d\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  epsilon        The value \f$\epsilon\f$. [dimensionless]. In (0, 1).
 * \param[in]  temperature_k  The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The bound. Unit: J. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_learning_attention_info_j()
 * \par Source
 *   Paper 002 Corollary 3.11, Eq. (8).
 * \warning Experimental.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_attention_approx_j(double seq_len, double d_model, double epsilon,
                                         double temperature_k, double *energy_j);

/**
 * \brief Theorem 3.14 as printed: \f$E_{bit} \ge N_0 \ln 2 \cdot R / (1 - R/C)\f$.
 *
 * Vanishes at \f$R \to 0\f$ and diverges at \f$R \to C\f$; Shannon's bound
 * (thermoai_learning_awgn_energy_per_bit_j()) is \f$N_0 \ln 2\f$ at \f$R \to 0\f$ and
 * finite at capacity. Not a valid bound: doc/information-theory.md.
 * \param[in]  n0_j      The value \f$N_0\f$. Unit: J. Finite, > 0.
 * \param[in]  rate      The value \f$R\f$, bits per transmission. Unit: bit. Finite, >= 0, < \p capacity.
 * \param[in]  capacity  The value \f$C\f$, bits per transmission. Unit: bit. Finite, > 0.
 * \param[out] energy_j  The printed expression. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain (also \p rate >= \p capacity)
 * \retval THERMOAI_E_RANGE      the result overflows, or is non-zero below the normal range
 * \par Source
 *   Paper 002 Theorem 3.14.
 * \warning Experimental: contradicts Shannon's bound at low rate.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_channel_energy_per_bit_j(double n0_j, double rate, double capacity,
                                               double *energy_j);

/**
 * \brief Theorem 3.17, Eq. (9), in bits: \f$n H(Y|X) + p b + I(D;\theta)\f$.
 * \param[in]  samples     The value \f$n\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  label_bits  The value \f$H(Y|X)\f$ per sample. Unit: bit. Finite, >= 0.
 * \param[in]  params      The value \f$p\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  precision   The value \f$b\f$, bits per parameter. Unit: bit. Finite, >= 0.
 * \param[in]  info_bits   The value \f$I(D;\theta)\f$. Unit: bit. Finite, >= 0.
 * \param[out] bits        The information budget. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows, or is non-zero below the normal range
 * \par Source
 *   Paper 002 Theorem 3.17, Eq. (9); Example 3.1.
 * \warning Experimental: the three terms are not shown to be erased, nor disjoint.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_training_bits(double samples, double label_bits, double params,
                                    double precision, double info_bits, double *bits);

/**
 * \brief Theorem 3.17, Eq. (9): \f$k_B T \ln 2\,[n H(Y|X) + p b + I(D;\theta)]\f$.
 * \param[in]  samples        The value \f$n\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  label_bits     The value \f$H(Y|X)\f$. Unit: bit. Finite, >= 0.
 * \param[in]  params         The value \f$p\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  precision      The value \f$b\f$. Unit: bit. Finite, >= 0.
 * \param[in]  info_bits      The value \f$I(D;\theta)\f$. Unit: bit. Finite, >= 0.
 * \param[in]  temperature_k  The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The bound. Unit: J. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_learning_training_bits()
 * \par Source
 *   Paper 002 Theorem 3.17, Eq. (9).
 * \warning Experimental.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_training_j(double samples, double label_bits, double params,
                                 double precision, double info_bits, double temperature_k,
                                 double *energy_j);

/**
 * \brief Theorem 3.18, Eq. (10), in bits: \f$T_{tok}\,[H(\text{next token}) + \log_2 p]\f$.
 *
 * \f$H\f$ is the next-token entropy in bits (\f$\log_2\f$ of the perplexity, not
 * "the perplexity in bits" as the theorem glosses it).
 * \param[in]  tokens      The value \f$T_{tok}\f$, tokens generated. [dimensionless]. Finite, >= 0.
 * \param[in]  token_bits  The value \f$H(\text{next token})\f$. Unit: bit. Finite, >= 0.
 * \param[in]  params      The value \f$p\f$. [dimensionless]. Finite, >= 1.
 * \param[out] bits        The budget. Unit: bit. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_learning_training_bits()
 * \par Source
 *   Paper 002 Theorem 3.18, Eq. (10).
 * \warning Experimental: nothing in the proofless theorem requires the \f$\log_2 p\f$ bits per token to be erased.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_inference_bits(double tokens, double token_bits, double params, double *bits);

/**
 * \brief Theorem 3.18, Eq. (10): \f$k_B T \ln 2 \cdot T_{tok}\,[H(\text{next token}) + \log_2 p]\f$.
 * \param[in]  tokens         The value \f$T_{tok}\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  token_bits     The value \f$H\f$. Unit: bit. Finite, >= 0.
 * \param[in]  params         The value \f$p\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  temperature_k  The value \f$T\f$. Unit: K. Finite, > 0.
 * \param[out] energy_j       The bound. Unit: J. NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_learning_training_bits()
 * \par Source
 *   Paper 002 Theorem 3.18, Eq. (10).
 * \warning Experimental.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_learning_inference_j(double tokens, double token_bits, double params,
                                  double temperature_k, double *energy_j);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_LEARNING_H */
