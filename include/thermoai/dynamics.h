/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/dynamics.h
 * \brief Training as a Langevin process (paper 002, Sec. 6 and App. B.1): the
 *        computational temperature, the Wasserstein distance between Gaussians,
 *        entropy production in closed form, and the paper's schedules and
 *        transport, second-law and dissipation statements.
 *
 * **Model and units.** SGD with learning rate \f$\eta\f$ and batch size \f$B\f$,
 * \f$\theta_{t+1} = \theta_t - \eta\, g\f$, is approximated (App. B.1) by the
 * overdamped Langevin equation (Eq. 23)
 * \f[ d\theta = -\nabla\mathcal L\,dt + \sqrt{2D}\,dW,\qquad D = \frac{\eta}{2B}\Sigma, \f]
 * in which one SGD step lasts \f$dt = \eta\f$ ("Langevin time" \f$t = \eta \times\f$ steps)
 * and \f$\Sigma\f$ is the per-sample gradient covariance. Three units recur:
 * the parameter unit \f$[\theta]\f$, the loss unit \f$[\mathcal L]\f$, and Langevin
 * time \f$[\theta]^2/[\mathcal L]\f$ (the unit of \f$\eta\f$). The temperature
 * \f$T_{comp}\f$ is in loss units, entropies are in nats (units of \f$k_B\f$), and
 * \f$W_2^2\f$ is in \f$[\theta]^2\f$. The library does not convert any of these to
 * joules: the paper's "energy" in Theorem 6.4 has the dimension
 * \f$W_2^2/(T_{comp}\tau)\f$ = \f$[\theta]^2/([\mathcal L][\theta]^2/[\mathcal L])\f$,
 * a pure number: an entropy.
 *
 * **What holds.** The functions above the experimental section are exact
 * mathematics: the temperature is the definition that makes the diffusion
 * isotropic with \f$D = T_{comp}\f$ (fluctuation-dissipation with unit mobility),
 * \f$W_2\f$ between Gaussians is the closed form of Dowson and Landau (1982),
 * the Ornstein-Uhlenbeck quantities are closed forms of Theorem 6.1's integral,
 * and the transport entropy bound is that of Aurell, Mejia-Monasterio and
 * Muratore-Ginanneschi (Phys. Rev. Lett. 106, 250601, 2011). The experimental
 * functions compute the paper's statements as printed; see each block, and
 * doc/dynamics-and-spectra.md, for where the statement and its proof disagree.
 */
#ifndef THERMOAI_DYNAMICS_H
#define THERMOAI_DYNAMICS_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/dynamics.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>
#include <thermoai/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Computational temperature of SGD: \f$T_{comp} = \eta\,\sigma^2 / (2B)\f$.
 *
 * App. B.1 gives \f$D \approx \frac{\eta}{2B}\Sigma\f$ and defines \f$T_{comp}\f$ by
 * \f$D \propto T_{comp}\f$, "hence \f$T_{comp} \propto \eta/B\f$". With isotropic
 * noise \f$\Sigma = \sigma^2 I\f$ and the fluctuation-dissipation relation of
 * Eq. 23 (unit mobility, \f$D = T_{comp} I\f$, stationary law
 * \f$\propto e^{-\mathcal L/T_{comp}}\f$) the constant is \f$\sigma^2/2\f$.
 * For anisotropic \f$\Sigma\f$ no single temperature exists; pass
 * \f$\sigma^2 = \mathrm{tr}\,\Sigma/p\f$ for the mean over the \f$p\f$ coordinates.
 *
 * \param[in]  learning_rate   The value \f$\eta\f$. Unit: [theta]^2/[loss] (Langevin time per step). Finite, > 0.
 * \param[in]  batch_size      The value \f$B\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  noise_variance  Per-sample gradient variance per coordinate \f$\sigma^2\f$.
 *                             Unit: ([loss]/[theta])^2. Finite, >= 0.
 * \param[out] temperature     The value \f$T_{comp}\f$. Unit: [loss]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p temperature is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p learning_rate <= 0, \p batch_size < 1 or \p noise_variance < 0
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Remark 2.1, Eq. (23) and App. B.1; Mandt, Hoffman and Blei,
 *   JMLR 18(134), 2017, Sec. 3 (the same constant).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_temperature(double learning_rate, double batch_size, double noise_variance,
                                  double *temperature);

/**
 * \brief Squared 2-Wasserstein distance between Gaussians with diagonal covariances.
 *
 * \f[ W_2^2 = \sum_i (m_{1,i} - m_{2,i})^2 + \left(\sqrt{v_{1,i}} - \sqrt{v_{2,i}}\right)^2, \f]
 * the second term evaluated as \f$(v_1 - v_2)^2/(\sqrt{v_1} + \sqrt{v_2})^2\f$ (no cancellation).
 *
 * \param[in]  n           Dimension, 1 <= n <= 2^28.
 * \param[in]  mean1       The value \f$m_1\f$, n values. Unit: [theta]. Finite.
 * \param[in]  var1        Diagonal of \f$\Sigma_1\f$, n values. Unit: [theta]^2. Finite, >= 0.
 * \param[in]  mean2       The value \f$m_2\f$, n values. Unit: [theta]. Finite.
 * \param[in]  var2        Diagonal of \f$\Sigma_2\f$, n values. Unit: [theta]^2. Finite, >= 0.
 * \param[out] w2_squared  The value \f$W_2^2\f$. Unit: [theta]^2. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID    n out of range or a negative variance
 * \retval THERMOAI_E_RANGE      the sum overflows
 * \par Source
 *   Paper 002, Theorem 6.4 (\f$W_2\f$); D. C. Dowson and B. V. Landau, J. Multivariate
 *   Anal. 12:450-455, 1982.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_w2_gaussian_diag(size_t n, const double *mean1, const double *var1,
                                       const double *mean2, const double *var2,
                                       double *w2_squared);

/**
 * \brief Workspace thermoai_dynamics_w2_gaussian() needs for dimension \p n.
 * \param[in]  n      Dimension, 1 <= n <= 1024.
 * \param[out] bytes  About \f$8(4n^2 + n)\f$ bytes; 0 on error.
 * \retval THERMOAI_OK         success
 * \retval THERMOAI_E_NULL     \p bytes is NULL
 * \retval THERMOAI_E_INVALID  n out of range
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_w2_gaussian_workspace_bytes(size_t n, size_t *bytes);

/**
 * \brief Squared 2-Wasserstein distance between Gaussians with full covariances.
 *
 * \f[ W_2^2 = \|m_1 - m_2\|^2 + \mathrm{tr}\,\Sigma_1 + \mathrm{tr}\,\Sigma_2
 *     - 2\,\mathrm{tr}\left(\Sigma_1^{1/2}\Sigma_2\Sigma_1^{1/2}\right)^{1/2}. \f]
 * \f$\Sigma_1^{1/2} = V\Lambda^{1/2}V^\top\f$ from the Jacobi eigendecomposition of
 * \f$\Sigma_1\f$; the trace of the outer root is \f$\sum_i \sqrt{\mu_i}\f$ over the
 * eigenvalues of \f$\Sigma_1^{1/2}\Sigma_2\Sigma_1^{1/2}\f$. Absolute error of
 * order \f$n\,\epsilon\,(\mathrm{tr}\,\Sigma_1 + \mathrm{tr}\,\Sigma_2)\f$; a result
 * that rounding makes negative is returned as 0.
 *
 * \param[in]  n                Dimension, 1 <= n <= 1024.
 * \param[in]  mean1            The value \f$m_1\f$, n values. Unit: [theta]. Finite.
 * \param[in]  cov1             The value \f$\Sigma_1\f$, n x n row-major, symmetric (to 1e-10 relative;
 *                              the mean of the two triangles is used), positive semi-definite.
 *                              Unit: [theta]^2.
 * \param[in]  mean2            The value \f$m_2\f$, n values. Unit: [theta]. Finite.
 * \param[in]  cov2             The value \f$\Sigma_2\f$, as \p cov1. Unit: [theta]^2.
 * \param[in]  workspace        At least thermoai_dynamics_w2_gaussian_workspace_bytes() bytes.
 * \param[in]  workspace_bytes  Size of \p workspace.
 * \param[out] w2_squared       The value \f$W_2^2\f$. Unit: [theta]^2. NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           a pointer is NULL
 * \retval THERMOAI_E_NONFINITE      an input holds NaN or infinity
 * \retval THERMOAI_E_INVALID        n out of range, a covariance not symmetric, or an
 *                                   eigenvalue below \f$-10^{-10}\max|\lambda|\f$
 *                                   (not positive semi-definite)
 * \retval THERMOAI_E_SIZE           \p workspace_bytes too small
 * \retval THERMOAI_E_RANGE          the result overflows
 * \retval THERMOAI_E_NO_CONVERGENCE the eigensolver did not converge (not expected)
 * \par Source
 *   Paper 002, Theorem 6.4; Dowson and Landau (1982); Olkin and Pukelsheim,
 *   Linear Algebra Appl. 48:257-263, 1982.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_w2_gaussian(size_t n, const double *mean1, const double *cov1,
                                  const double *mean2, const double *cov2, void *workspace,
                                  size_t workspace_bytes, double *w2_squared);

/**
 * \brief Least entropy production of a transport in time \f$\tau\f$: \f$\Sigma \ge W_2^2/(T\,\tau)\f$.
 *
 * For the overdamped Langevin dynamics of Eq. 23 with \f$D = T\f$ (any loss, any
 * protocol that changes it), the total entropy production of Theorem 6.1 over
 * \f$[0, \tau]\f$ is \f$\frac1T\int_0^\tau\!\int \|v\|^2\rho\f$ with the current
 * velocity \f$v = J/\rho\f$; by the Benamou-Brenier formula on \f$[0,\tau]\f$,
 * \f$\int_0^\tau\!\int\|v\|^2\rho \ge W_2^2(\rho_0, \rho_\tau)/\tau\f$. This is a
 * theorem (Aurell et al. 2011) and twice the paper's Theorem 6.4 read as an entropy
 * (thermoai_dynamics_transport_energy_bound()).
 *
 * \param[in]  w2_squared    The value \f$W_2^2(\rho_0, \rho_\tau)\f$. Unit: [theta]^2. Finite, >= 0.
 * \param[in]  temperature   The value \f$T\f$. Unit: [loss]. Finite, > 0.
 * \param[in]  duration      The value \f$\tau\f$. Unit: Langevin time [theta]^2/[loss]. Finite, > 0.
 * \param[out] entropy_nats  The least \f$\Sigma\f$. Unit: nat (k_B). NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p entropy_nats is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p w2_squared < 0, or \p temperature or \p duration <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   E. Aurell, C. Mejia-Monasterio and P. Muratore-Ginanneschi, Phys. Rev. Lett. 106,
 *   250601 (2011); J.-D. Benamou and Y. Brenier, Numer. Math. 84:375-393 (2000);
 *   paper 002, Theorem 6.4 and App. B.13 (the corrected reading).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_transport_entropy_bound(double w2_squared, double temperature,
                                              double duration, double *entropy_nats);

/**
 * \brief Entropy production rate of Theorem 6.1 for quadratic-loss Langevin (Ornstein-Uhlenbeck) dynamics.
 *
 * Loss \f$\mathcal L = \frac12\sum_i k_i(\theta_i - \theta^*_i)^2\f$, diffusion \f$D = T\f$,
 * Gaussian start with offset \f$\mu_{0,i} = m_i(0) - \theta^*_i\f$ and variance \f$s_{0,i}\f$.
 * Then \f$\mu_i(t) = \mu_{0,i}e^{-k_i t}\f$, \f$s_i(t) = a_i + (s_{0,i} - a_i)e^{-2k_i t}\f$ with
 * \f$a_i = T/k_i\f$, and Theorem 6.1's \f$\dot\Sigma = \int \|J\|^2/(\rho D)\,d\theta\f$ is
 * \f[ \dot\Sigma(t) = \sum_i \frac{k_i^2}{T}\left[\frac{(s_{0,i} - a_i)^2 e^{-4k_i t}}{s_i(t)}
 *     + \mu_{0,i}^2 e^{-2k_i t}\right] \ge 0. \f]
 *
 * \param[in]  n           Coordinates, 1 <= n <= 2^28.
 * \param[in]  stiffness   The value \f$k_i\f$ (Hessian eigenvalues), n values. Unit: [loss]/[theta]^2. Finite, > 0.
 * \param[in]  offset0     The value \f$\mu_{0,i}\f$, n values. Unit: [theta]. Finite.
 * \param[in]  var0        The value \f$s_{0,i}\f$, n values. Unit: [theta]^2. Finite, > 0.
 * \param[in]  temperature The value \f$T\f$. Unit: [loss]. Finite, > 0.
 * \param[in]  t           Time. Unit: Langevin time [theta]^2/[loss]. Finite, >= 0.
 * \param[out] rate_nats   The value \f$\dot\Sigma(t)\f$. Unit: nat per Langevin time. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    n out of range, a stiffness or variance <= 0, \p temperature <= 0, \p t < 0
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Theorem 6.1 (its statement; the proof has a sign slip, see
 *   doc/dynamics-and-spectra.md); U. Seifert, Rep. Prog. Phys. 75, 126001 (2012), Sec. 4.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_ou_entropy_rate(size_t n, const double *stiffness, const double *offset0,
                                      const double *var0, double temperature, double t,
                                      double *rate_nats);

/**
 * \brief Entropy production, entropy change and mean-loss change of Ornstein-Uhlenbeck relaxation over \f$[0,\tau]\f$.
 *
 * The model of thermoai_dynamics_ou_entropy_rate(). With \f$g_i = 1 - e^{-2k_i\tau}\f$,
 * \f$b_i = s_{0,i} - a_i\f$ and \f$u_i = -b_i g_i / s_{0,i}\f$ (so \f$s_i(\tau)/s_{0,i} = 1 + u_i\f$):
 * \f[ \Sigma = \sum_i \frac{k_i\mu_{0,i}^2 g_i}{2T} + \frac{k_i b_i^2 g_i}{2 T s_{0,i}}
 *     + \tfrac12\left(\ln(1 + u_i) - u_i\right) \f]
 * (the integral of the rate; it equals \f$\mathrm{KL}(\rho_0\|\pi) - \mathrm{KL}(\rho_\tau\|\pi)\f$),
 * \f$\Delta S = \frac12\sum_i \ln(1 + u_i)\f$ (differential entropy of \f$\rho\f$) and
 * \f$\Delta\langle\mathcal L\rangle = \frac12\sum_i g_i\,(T - k_i s_{0,i} - k_i\mu_{0,i}^2)\f$.
 * No work is done (the loss is fixed), so \f$T\Sigma = T\Delta S - \Delta\langle\mathcal L\rangle\f$
 * (the second law, \f$\Delta F \le 0\f$, with equality only at equilibrium). Each term is
 * formed without cancellation (expm1, log1p and a series for \f$\ln(1+u) - u\f$); relative
 * error below 1e-13.
 *
 * \param[in]  n                     As thermoai_dynamics_ou_entropy_rate().
 * \param[in]  stiffness             The value \f$k_i\f$. Unit: [loss]/[theta]^2. Finite, > 0.
 * \param[in]  offset0               The value \f$\mu_{0,i}\f$. Unit: [theta]. Finite.
 * \param[in]  var0                  The value \f$s_{0,i}\f$. Unit: [theta]^2. Finite, > 0.
 * \param[in]  temperature           The value \f$T\f$. Unit: [loss]. Finite, > 0.
 * \param[in]  duration              The value \f$\tau\f$. Unit: Langevin time [theta]^2/[loss]. Finite, >= 0.
 * \param[out] production_nats       The value \f$\Sigma \ge 0\f$. Unit: nat. NaN on error.
 * \param[out] entropy_change_nats   The value \f$\Delta S\f$. Unit: nat. NaN on error.
 * \param[out] loss_change           The value \f$\Delta\langle\mathcal L\rangle\f$. Unit: [loss]. NaN on error.
 * \retval THERMOAI_OK  success (all 0 when \p duration is 0)
 * \retval other        as thermoai_dynamics_ou_entropy_rate()
 * \par Source
 *   Paper 002, Theorem 6.1 and Theorem 6.7 (the tractable case); Seifert (2012).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_ou_entropy_production(size_t n, const double *stiffness,
                                            const double *offset0, const double *var0,
                                            double temperature, double duration,
                                            double *production_nats, double *entropy_change_nats,
                                            double *loss_change);

#if defined(THERMOAI_EXPERIMENTAL)

/**
 * \brief Theorem 6.6 as printed: \f$\eta^*(t) = \eta_0 e^{-t/\tau_{opt}}\left(1 + \kappa e^{-2t/\tau_{opt}}\right)^{-1/2}\f$.
 *
 * Stated for a quadratic loss with condition number \f$\kappa = \lambda_{max}/\lambda_{min}\f$;
 * the paper gives no derivation, and at \f$t = 0\f$ the schedule is \f$\eta_0/\sqrt{1+\kappa}\f$,
 * not \f$\eta_0\f$.
 *
 * \param[in]  eta0     The value \f$\eta_0\f$. Unit: [theta]^2/[loss]. Finite, > 0.
 * \param[in]  t_s      Time \f$t\f$. Unit: s. Finite, >= 0.
 * \param[in]  tau_s    The value \f$\tau_{opt}\f$ (thermoai_dynamics_lr_tau_opt()). Unit: s. Finite, > 0.
 * \param[in]  kappa    The value \f$\kappa\f$. [dimensionless]. Finite, >= 1.
 * \param[out] eta      The value \f$\eta^*(t)\f$. Unit: [theta]^2/[loss]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p eta is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result is below the normal range of double (large t / tau)
 * \par Source
 *   Paper 002, Theorem 6.6 (no proof given).
 * \warning Experimental (doc/abi-policy.md): rests on a statement the paper does not prove.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_lr_schedule(double eta0, double t_s, double tau_s, double kappa, double *eta);

/**
 * \brief Theorem 6.6's time constant as printed: \f$\tau_{opt} = \sqrt{\kappa\,E_{total}/P_0}\f$.
 *
 * Dimension slip: \f$E_{total}/P_0\f$ is a time, so \f$\sqrt{\kappa E/P_0}\f$ has the unit
 * \f$\mathrm{s}^{1/2}\f$. The value returned is the number \f$\sqrt{\kappa\,(E/P_0)/(1\,\mathrm s)}\f$,
 * read in seconds, as the formula must be used for \f$e^{-t/\tau}\f$ to make sense.
 *
 * \param[in]  kappa           The value \f$\kappa\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  energy_total_j  The value \f$E_{total}\f$. Unit: J. Finite, > 0.
 * \param[in]  power_w         The value \f$P_0\f$. Unit: W. Finite, > 0.
 * \param[out] tau_s           The value \f$\tau_{opt}\f$. Unit: s (see the slip above). NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p tau_s is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Theorem 6.6.
 * \warning Experimental: dimensionally inconsistent as printed.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_lr_tau_opt(double kappa, double energy_total_j, double power_w,
                                 double *tau_s);

/**
 * \brief Eq. (24) over time: \f$\eta^*(t) = \eta_0 / \left(1 + \lambda\int_0^t d\tau/E_{step}(\tau)\right)\f$.
 *
 * The integral is taken by the library's adaptive Gauss-Kronrod quadrature to relative
 * accuracy 1e-10. Note the direction: the integrand is \f$1/E_{step}\f$, so the rate
 * decays *more slowly* where a step costs more energy, the opposite of the paper's
 * reading ("decay the learning rate faster in phases where the energy cost per step is
 * high"). The formula is computed as printed.
 *
 * \param[in]  eta0       The value \f$\eta_0\f$. Unit: [theta]^2/[loss]. Finite, > 0.
 * \param[in]  lambda_w   The value \f$\lambda\f$. Unit: W (J/s, so that \f$\lambda\int d\tau/E\f$ is a number). Finite, >= 0.
 * \param[in]  e_step     The value \f$E_{step}(\tau)\f$ in J, > 0 and finite on \f$[0, t]\f$.
 * \param[in]  user_data  Passed to \p e_step unchanged.
 * \param[in]  t_s        The value \f$t\f$. Unit: s. Finite, >= 0.
 * \param[out] eta        The value \f$\eta^*(t)\f$. Unit: [theta]^2/[loss]. NaN on error.
 * \retval THERMOAI_OK               success
 * \retval THERMOAI_E_NULL           \p e_step or \p eta is NULL
 * \retval THERMOAI_E_NONFINITE      an input, or a value of \p e_step, is NaN or infinite
 * \retval THERMOAI_E_INVALID        an input outside its domain
 * \retval THERMOAI_E_DOMAIN         \p e_step returned a value <= 0
 * \retval THERMOAI_E_CALLBACK       \p e_step returned non-zero
 * \retval THERMOAI_E_NO_CONVERGENCE the quadrature did not converge
 * \par Source
 *   Paper 002, Sec. 6.4, Eq. (24) (no derivation given).
 * \warning Experimental: no derivation in the paper; its text contradicts the formula.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_lr_energy_aware(double eta0, double lambda_w, thermoai_time_fn e_step,
                                      void *user_data, double t_s, double *eta);

/**
 * \brief Eq. (24) over steps for a measured per-step energy profile.
 *
 * Time counted in steps: \f$\eta_i = \eta_0 / \left(1 + \lambda\sum_{j<i} 1/E_j\right)\f$,
 * \f$i = 0 \dots n-1\f$ (so \f$\eta_0\f$ at the first step), the sum in order.
 *
 * \param[in]  eta0        The value \f$\eta_0\f$. Unit: [theta]^2/[loss]. Finite, > 0.
 * \param[in]  lambda_j    The value \f$\lambda\f$. Unit: J (per step). Finite, >= 0.
 * \param[in]  n           Steps, 1 <= n <= 2^28.
 * \param[in]  e_step_j    The value \f$E_j\f$, n energies. Unit: J. Finite, > 0.
 * \param[out] eta         n learning rates. Unit: [theta]^2/[loss]. All NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \par Source
 *   Paper 002, Eq. (24).
 * \warning Experimental, as thermoai_dynamics_lr_energy_aware().
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_lr_energy_profile(double eta0, double lambda_j, size_t n,
                                        const double *e_step_j, double *eta);

/**
 * \brief Theorem 6.4 as printed: \f$E_{transport} \ge W_2^2/(2\,T_{comp}\,\tau)\f$.
 *
 * The proof (App. B.13) reaches only \f$E \ge c'\,W_2^2/\tau\f$ with an unspecified
 * constant; the factor \f$1/(2T_{comp})\f$ is not derived, and the Benamou-Brenier
 * formula is quoted without the factor \f$\tau\f$ it has on \f$[0, \tau]\f$. The bound
 * has the dimension of an entropy. Read as entropy production it holds (it is half of
 * thermoai_dynamics_transport_entropy_bound()); Figure 1 and Sec. 12.1 print
 * \f$E\tau \ge W_2^2/T_{comp}\f$, without the 2.
 *
 * \param[in]  w2_squared   The value \f$W_2^2\f$. Unit: [theta]^2. Finite, >= 0.
 * \param[in]  temperature  The value \f$T_{comp}\f$. Unit: [loss]. Finite, > 0.
 * \param[in]  duration     The value \f$\tau\f$. Unit: Langevin time [theta]^2/[loss]. Finite, > 0.
 * \param[out] bound        The value \f$W_2^2/(2T_{comp}\tau)\f$. Unit: nat (see above). NaN on error.
 * \retval THERMOAI_OK  success
 * \retval other        as thermoai_dynamics_transport_entropy_bound()
 * \par Source
 *   Paper 002, Theorem 6.4 and App. B.13.
 * \warning Experimental: the constant rests on an unproven proportionality of power to kinetic energy.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_transport_energy_bound(double w2_squared, double temperature,
                                             double duration, double *bound);

/**
 * \brief Corollary 6.5 as printed: \f$\tau\cdot\bar P \ge d^2/(2T_{comp})\f$.
 *
 * With \f$\bar P = E/\tau\f$ the left side is \f$E\f$ itself, and Theorem 6.4 gives
 * \f$E \ge d^2/(2T_{comp}\tau)\f$, not \f$d^2/(2T_{comp})\f$: the corollary follows from the
 * theorem only when read as \f$\tau\cdot E \ge d^2/(2T_{comp})\f$ (the product of Figure 1).
 * Returned: \f$d^2/(2T_{comp})\f$.
 *
 * \param[in]  w2_squared   The value \f$d^2 = W_2^2\f$. Unit: [theta]^2. Finite, >= 0.
 * \param[in]  temperature  The value \f$T_{comp}\f$. Unit: [loss]. Finite, > 0.
 * \param[out] product      The value \f$d^2/(2T_{comp})\f$. Unit: Langevin time [theta]^2/[loss]
 *                          (a time times the entropy-valued E). NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p product is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p w2_squared < 0 or \p temperature <= 0
 * \retval THERMOAI_E_RANGE      the result overflows or underflows
 * \par Source
 *   Paper 002, Corollary 6.5.
 * \warning Experimental: does not follow from Theorem 6.4 as printed.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_speed_energy_product(double w2_squared, double temperature,
                                           double *product);

/**
 * \brief Slack of Theorem 6.7 as printed: \f$s = -T_{comp}\Delta S + W_{diss} - \Delta\mathcal L\f$.
 *
 * The theorem claims \f$s \ge 0\f$ for every trajectory. Its proof (App. B.14) combines
 * \f$\Delta\mathcal L = \Delta F + T\Delta S\f$ with \f$W_{diss} = W - \Delta F\f$ and does not
 * reach the claim; for relaxation in a fixed quadratic loss (no work, \f$W_{diss} = T\Sigma\f$)
 * the printed inequality reduces to \f$\Delta\langle\mathcal L\rangle \le 0\f$ and fails whenever
 * the mean loss rises (a start narrower than equilibrium; tests/bounds/test_dynamics.c).
 * The second law itself gives \f$\Delta\langle\mathcal L\rangle \le T\Delta S + W_{ext}\f$.
 *
 * \param[in]  delta_loss          The value \f$\Delta\mathcal L\f$ (mean loss, final minus initial). Unit: [loss]. Finite.
 * \param[in]  temperature         The value \f$T_{comp}\f$. Unit: [loss]. Finite, > 0.
 * \param[in]  delta_entropy_nats  The value \f$\Delta S_{system}\f$. Unit: nat. Finite.
 * \param[in]  dissipated_work     The value \f$W_{diss}\f$. Unit: [loss]. Finite, >= 0.
 * \param[out] slack               The value \f$s\f$ (negative: the printed inequality is violated). Unit: [loss]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p slack is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p temperature <= 0 or \p dissipated_work < 0
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Theorem 6.7 and App. B.14.
 * \warning Experimental: false as printed (counterexample in the tests).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_second_law_slack(double delta_loss, double temperature,
                                       double delta_entropy_nats, double dissipated_work,
                                       double *slack);

/**
 * \brief Corollary 6.8 as printed: \f$W_{diss}^{min} = T_{comp}\Delta S_{system} + (\mathcal L_0 - \mathcal L_f)\f$.
 *
 * Rearranging Theorem 6.7 gives \f$W_{diss} \ge (\mathcal L_f - \mathcal L_0) + T\Delta S\f$: the
 * loss term has the opposite sign. The corollary also says the minimum is reached by
 * quasi-static training, for which Theorem 6.7 says \f$W_{diss} \to 0\f$, and the printed
 * value can be negative although \f$W_{diss} \ge 0\f$. Returned as printed, of either sign.
 *
 * \param[in]  temperature         The value \f$T_{comp}\f$. Unit: [loss]. Finite, > 0.
 * \param[in]  delta_entropy_nats  The value \f$\Delta S_{system}\f$. Unit: nat. Finite.
 * \param[in]  loss_initial        The value \f$\mathcal L_0\f$. Unit: [loss]. Finite.
 * \param[in]  loss_final          The value \f$\mathcal L_f\f$. Unit: [loss]. Finite.
 * \param[out] work                The printed \f$W_{diss}^{min}\f$. Unit: [loss]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p work is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p temperature <= 0
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 002, Corollary 6.8.
 * \warning Experimental: inconsistent with Theorem 6.7.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_dynamics_min_dissipation(double temperature, double delta_entropy_nats,
                                      double loss_initial, double loss_final, double *work);

#endif /* THERMOAI_EXPERIMENTAL */

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_DYNAMICS_H */
