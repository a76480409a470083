/* SPDX-License-Identifier: MIT */
/*
 * Training as a Langevin process (paper 002, Sec. 6): properties of W2 between
 * Gaussians (diagonal = full on diagonal input, commuting closed form, symmetry,
 * the triangle inequality over 200 seeds), of the Ornstein-Uhlenbeck entropy
 * production (rate = derivative, the second-law identity, the limit KL(rho0||pi),
 * the transport bound Sigma >= W2^2/(T tau) over 300 seeds), the counterexample to
 * Theorem 6.7, the sign of Corollary 6.8, the direction of Eq. (24), and bad input.
 * Values against mpmath are in test_paper002_ref.c.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "bounds_util.h"

static unsigned char ws[1 << 20];

static double w2_full(size_t n, const double *m1, const double *s1, const double *m2,
                      const double *s2)
{
    double r = (double)NAN;

    if (thermoai_dynamics_w2_gaussian(n, m1, s1, m2, s2, ws, sizeof ws, &r) != THERMOAI_OK)
        return (double)NAN;
    return r;
}

static void temperature(void)
{
    double t1, t2, t3;

    tap_ok(thermoai_dynamics_temperature(0.1, 32, 4.0, &t1) == THERMOAI_OK && t1 == 0.1 * 4.0 / 64.0,
           "T_comp = eta sigma^2 / (2B): 0.1 * 4 / 64");
    tap_ok(thermoai_dynamics_temperature(0.2, 32, 4.0, &t2) == THERMOAI_OK
               && thermoai_dynamics_temperature(0.1, 64, 4.0, &t3) == THERMOAI_OK
               && t2 == 2 * t1 && t3 == t1 / 2,
           "T_comp proportional to eta / B (App. B.1)");
    tap_ok(thermoai_dynamics_temperature(0.1, 8, 0.0, &t1) == THERMOAI_OK && t1 == 0.0,
           "no gradient noise: T_comp = 0");
}

static void w2_properties(void)
{
    static double s1[36], s2[36], s3[36], m1[6], m2[6], m3[6], d1[6], d2[6];
    uint64_t s = 1;
    int seed, triangle = 1, symmetric = 1, self = 1, diag = 1, worst_seed = 0;
    const int seeds = quick() ? 40 : 200;
    double r, q, worst = 0.0;
    size_t i, j;

    /* diagonal covariances: the full form equals the diagonal one */
    for (seed = 0; seed < 20; seed++) {
        const size_t n = 1 + (size_t)seed % 6;

        memset(s1, 0, sizeof s1);
        memset(s2, 0, sizeof s2);
        for (i = 0; i < n; i++) {
            m1[i] = rng_sym(&s);
            m2[i] = rng_sym(&s);
            d1[i] = s1[i * n + i] = 1.5 + rng_sym(&s);
            d2[i] = s2[i * n + i] = 1.5 + rng_sym(&s);
        }
        if (thermoai_dynamics_w2_gaussian_diag(n, m1, d1, m2, d2, &q) != THERMOAI_OK
            || fabs(w2_full(n, m1, s1, m2, s2) - q) > 1e-13 * (1 + q))
            diag = 0;
    }
    tap_ok(diag, "diagonal covariances: full W2 = diagonal W2 (20 cases)");

    /* commuting covariances: W2^2 = sum (sqrt a_i - sqrt b_i)^2 in the common eigenbasis */
    {
        const double c = cos(0.7), sn = sin(0.7);
        const double rot[4] = { c, -sn, sn, c };
        const double la[2] = { 4.0, 0.25 }, lb[2] = { 1.0, 9.0 };
        double a[4], b[4], z[2] = { 0, 0 };

        for (i = 0; i < 2; i++)
            for (j = 0; j < 2; j++) {
                a[i * 2 + j] = rot[i * 2] * la[0] * rot[j * 2] + rot[i * 2 + 1] * la[1] * rot[j * 2 + 1];
                b[i * 2 + j] = rot[i * 2] * lb[0] * rot[j * 2] + rot[i * 2 + 1] * lb[1] * rot[j * 2 + 1];
            }
        a[1] = a[2] = 0.5 * (a[1] + a[2]);
        b[1] = b[2] = 0.5 * (b[1] + b[2]);
        tap_rel(w2_full(2, z, a, z, b), (2.0 - 1.0) * (2.0 - 1.0) + (0.5 - 3.0) * (0.5 - 3.0), 1e-13,
                "commuting rotated covariances: (2 - 1)^2 + (0.5 - 3)^2 = 7.25");
    }

    /* a property over many seeds that must hold: W2 is a metric on Gaussians */
    for (seed = 1; seed <= seeds; seed++) {
        uint64_t t = (uint64_t)seed * 7919;
        const size_t n = 1 + (size_t)(rng_next(&t) % 6);
        double ab, bc, ac, ba, aa;

        rand_spd(&t, n, 1e-3, s1);
        rand_spd(&t, n, 1e-3, s2);
        rand_spd(&t, n, 1e-3, s3);
        for (i = 0; i < n; i++) {
            m1[i] = rng_sym(&t);
            m2[i] = rng_sym(&t);
            m3[i] = rng_sym(&t);
        }
        ab = sqrt(w2_full(n, m1, s1, m2, s2));
        bc = sqrt(w2_full(n, m2, s2, m3, s3));
        ac = sqrt(w2_full(n, m1, s1, m3, s3));
        ba = sqrt(w2_full(n, m2, s2, m1, s1));
        aa = w2_full(n, m1, s1, m1, s1);
        if (!(ac <= ab + bc + 1e-9)) {
            triangle = 0;
            tap_diag("seed %d: W2(a,c) %.17g > W2(a,b) + W2(b,c) %.17g", seed, ac, ab + bc);
        }
        if (!(fabs(ab - ba) <= 1e-9 * (1 + ab)))
            symmetric = 0;
        if (!(aa >= 0.0 && aa <= 1e-12 * n)) {
            self = 0;
            if (aa > worst) {
                worst = aa;
                worst_seed = seed;
            }
        }
    }
    tap_ok(triangle, "triangle inequality W2(a,c) <= W2(a,b) + W2(b,c) on %d random Gaussian triples", seeds);
    tap_ok(symmetric, "W2(a,b) = W2(b,a) on %d seeds", seeds);
    tap_ok(self, "W2(a,a) = 0 to rounding on %d seeds (worst %g at seed %d)", seeds, worst, worst_seed);

    /* mean shift only: |dm|^2 */
    rand_spd(&s, 3, 0.1, s1);
    m1[0] = 1; m1[1] = 2; m1[2] = 3;
    m2[0] = 0; m2[1] = 0; m2[2] = 0;
    tap_rel(w2_full(3, m1, s1, m2, s1), 14.0, 1e-12, "equal covariances: W2^2 = |m1 - m2|^2 = 14");
    /* scaling: W2^2(N(0, c^2 S), N(0, c^2 T)) = c^2 W2^2(N(0,S), N(0,T)) */
    rand_spd(&s, 4, 0.1, s2);
    rand_spd(&s, 4, 0.1, s3);
    memset(m3, 0, sizeof m3);
    r = w2_full(4, m3, s2, m3, s3);
    for (i = 0; i < 16; i++) {
        s2[i] *= 9.0;
        s3[i] *= 9.0;
    }
    tap_rel(w2_full(4, m3, s2, m3, s3), 9.0 * r, 1e-12, "covariances times 9: W2^2 times 9");
    /* singular (PSD) covariance: a point mass against N(0, I) in 2-d is (0-1)^2 * 2 */
    {
        const double zero[4] = { 0, 0, 0, 0 }, eye[4] = { 1, 0, 0, 1 }, mz[2] = { 0, 0 };

        tap_rel(w2_full(2, mz, zero, mz, eye), 2.0, 1e-14, "point mass vs N(0, I_2): W2^2 = 2");
    }
}

/* ---- Ornstein-Uhlenbeck ------------------------------------------------------------ */

struct ou {
    size_t n;
    double k[4], mu[4], s[4], T;
};

static int ou_sigma(const struct ou *o, double tau, double *sigma, double *ds, double *dl)
{
    return thermoai_dynamics_ou_entropy_production(o->n, o->k, o->mu, o->s, o->T, tau, sigma, ds, dl);
}

/* W2^2 between the Gaussians at 0 and tau (diagonal). */
static double ou_w2(const struct ou *o, double tau)
{
    double m1[4], v1[4], m2[4], v2[4], w2 = (double)NAN;
    size_t i;

    for (i = 0; i < o->n; i++) {
        const double a = o->T / o->k[i];

        m1[i] = o->mu[i];
        v1[i] = o->s[i];
        m2[i] = o->mu[i] * exp(-o->k[i] * tau);
        v2[i] = a + (o->s[i] - a) * exp(-2.0 * o->k[i] * tau);
    }
    if (thermoai_dynamics_w2_gaussian_diag(o->n, m1, v1, m2, v2, &w2) != THERMOAI_OK)
        return (double)NAN;
    return w2;
}

static void ou_properties(void)
{
    const struct ou base = { 2, { 1.0, 3.0 }, { 0.5, -1.0 }, { 0.2, 0.01 }, 0.3 };
    double sig, ds, dl, prev = -1.0, r0, r1, rate, tau;
    int seed, mono = 1, deriv = 1, identity = 1, transport = 1, printed = 1, nonneg = 1;
    const int seeds = quick() ? 60 : 300;
    size_t i;

    for (tau = 0.0; tau <= 8.0; tau += 0.25) {
        if (ou_sigma(&base, tau, &sig, &ds, &dl) != THERMOAI_OK || sig < prev)
            mono = 0;
        prev = sig;
        /* T Sigma = T dS - d<L> (no work is done: the second law as an identity) */
        if (fabs(base.T * sig - (base.T * ds - dl)) > 1e-13 * (1 + fabs(dl)))
            identity = 0;
        if (tau > 0.0) {
            const double h = 1e-5 * tau;
            double sp, sm, x, y;

            if (ou_sigma(&base, tau + h, &sp, &x, &y) != THERMOAI_OK
                || ou_sigma(&base, tau - h, &sm, &x, &y) != THERMOAI_OK
                || thermoai_dynamics_ou_entropy_rate(base.n, base.k, base.mu, base.s, base.T, tau, &rate)
                       != THERMOAI_OK
                || fabs((sp - sm) / (2 * h) - rate) > 1e-6 * (rate + 1e-3))
                deriv = 0;
        }
    }
    tap_ok(mono, "Sigma(tau) is non-decreasing in tau");
    tap_ok(identity, "T Sigma = T dS - d<L> at every tau (relaxation without work)");
    tap_ok(deriv, "dSigma/dtau = the rate of Theorem 6.1 (central differences)");
    /* tau -> infinity: Sigma = KL(rho0 || pi) = sum (x - 1 - ln x)/2 + k mu^2 / (2T), x = k s0 / T */
    {
        double kl = 0.0;

        for (i = 0; i < base.n; i++) {
            const double xk = base.k[i] * base.s[i] / base.T;

            kl += 0.5 * (xk - 1 - log(xk)) + base.k[i] * base.mu[i] * base.mu[i] / (2 * base.T);
        }
        tap_ok(ou_sigma(&base, 200.0, &sig, &ds, &dl) == THERMOAI_OK && fabs(sig - kl) <= 1e-13 * kl,
               "Sigma(infinity) = KL(rho_0 || pi) = %.15g", kl);
    }
    tap_ok(thermoai_dynamics_ou_entropy_rate(base.n, base.k, base.mu, base.s, base.T, 0.0, &r0) == THERMOAI_OK
               && thermoai_dynamics_ou_entropy_rate(base.n, base.k, base.mu, base.s, base.T, 50.0, &r1)
                      == THERMOAI_OK
               && r0 > 0 && r1 >= 0 && r1 < 1e-30,
           "the rate is positive out of equilibrium and vanishes at equilibrium");
    {
        const struct ou eq = { 1, { 2.0 }, { 0.0 }, { 0.15 }, 0.3 };

        tap_ok(ou_sigma(&eq, 3.0, &sig, &ds, &dl) == THERMOAI_OK && sig == 0.0 && ds == 0.0 && dl == 0.0,
               "starting in equilibrium (s0 = T/k, mu0 = 0): no entropy production");
    }

    /* must hold on every instance: Sigma >= W2^2 / (T tau) (Aurell et al. 2011), and so the
     * paper's W2^2 / (2 T tau) */
    for (seed = 1; seed <= seeds; seed++) {
        uint64_t t = (uint64_t)seed * 104729;
        struct ou o;
        double b, bp;

        o.n = 1 + (size_t)(rng_next(&t) % 4);
        o.T = exp(3 * rng_sym(&t));
        for (i = 0; i < o.n; i++) {
            o.k[i] = exp(3 * rng_sym(&t));
            o.mu[i] = 3 * rng_sym(&t);
            o.s[i] = exp(4 * rng_sym(&t));
        }
        tau = exp(4 * rng_sym(&t));
        if (ou_sigma(&o, tau, &sig, &ds, &dl) != THERMOAI_OK
            || thermoai_dynamics_transport_entropy_bound(ou_w2(&o, tau), o.T, tau, &b) != THERMOAI_OK
            || thermoai_dynamics_transport_energy_bound(ou_w2(&o, tau), o.T, tau, &bp) != THERMOAI_OK) {
            transport = 0;
            continue;
        }
        if (sig < 0)
            nonneg = 0;
        if (!(sig >= b * (1 - 1e-10))) {
            transport = 0;
            tap_diag("seed %d: Sigma %.17g < W2^2/(T tau) %.17g", seed, sig, b);
        }
        if (!(sig >= bp * (1 - 1e-10)) || !(fabs(bp - 0.5 * b) <= 1e-15 * b))
            printed = 0;
    }
    tap_ok(nonneg, "Sigma >= 0 on %d random OU relaxations", seeds);
    tap_ok(transport, "Sigma >= W2^2(rho_0, rho_tau)/(T tau) on %d random OU relaxations", seeds);
    tap_ok(printed, "Theorem 6.4 read as entropy (W2^2/(2 T tau)) holds there too, with slack 2");
}

static void printed_statements(void)
{
    /* Theorem 6.7 counterexample: a start narrower than equilibrium raises the mean loss;
     * with W_diss = T Sigma the printed inequality dL <= -T dS + W_diss fails */
    const struct ou narrow = { 1, { 1.0 }, { 0.0 }, { 0.01 }, 0.5 };
    double sig = 0, ds = 0, dl = 0, slack = 0, w = 0, w_from_67;

    int st = ou_sigma(&narrow, 1.0, &sig, &ds, &dl);

    tap_ok(st == THERMOAI_OK && dl > 0 && ds > 0,
           "narrow start: the mean loss rises (dL = %.6g) and so does the entropy (dS = %.6g)", dl, ds);
    st = thermoai_dynamics_second_law_slack(dl, narrow.T, ds, narrow.T * sig, &slack);
    tap_ok(st == THERMOAI_OK && slack < 0 && fabs(slack + 2 * dl) <= 1e-12 * dl,
           "Theorem 6.7 as printed is violated: slack %.6g = -2 dL < 0", slack);
    tap_ok(narrow.T * ds + 0.0 - dl >= 0, "the second law itself, dL <= T dS (no work), holds");
    /* Corollary 6.8: the printed W_min = T dS + (L0 - Lf) vs Theorem 6.7 rearranged: (Lf - L0) + T dS */
    tap_ok(thermoai_dynamics_min_dissipation(0.5, 0.2, 2.0, 1.0, &w) == THERMOAI_OK && fabs(w - 1.1) < 1e-15,
           "Corollary 6.8 as printed: 0.5 * 0.2 + (2 - 1) = 1.1");
    w_from_67 = (1.0 - 2.0) + 0.5 * 0.2;
    tap_ok(w_from_67 < 0 && w > 0, "Theorem 6.7 rearranged gives %.2g: the loss term has the other sign",
           w_from_67);
    tap_ok(thermoai_dynamics_min_dissipation(1.0, -2.0, 0.0, 1.0, &w) == THERMOAI_OK && w == -3.0,
           "the printed minimum dissipation can be negative (-3)");

    /* Theorem 6.6: eta(0) = eta0 / sqrt(1 + kappa), decreasing in t */
    {
        double e0, e1;

        tap_ok(thermoai_dynamics_lr_schedule(0.1, 0.0, 10.0, 3.0, &e0) == THERMOAI_OK && e0 == 0.05,
               "Theorem 6.6 at t = 0: eta0 / sqrt(1 + kappa) = 0.05, not eta0");
        tap_ok(thermoai_dynamics_lr_schedule(0.1, 1.0, 10.0, 3.0, &e1) == THERMOAI_OK && e1 < e0,
               "... and decreasing");
        tap_ok(thermoai_dynamics_lr_schedule(0.1, 1e6, 1.0, 3.0, &e1) == THERMOAI_E_RANGE && isnan(e1),
               "... below the range of double: E_RANGE and NaN, as everywhere in the library");
        tap_ok(thermoai_dynamics_lr_schedule(0.1, 700.0, 1.0, 3.0, &e1) == THERMOAI_OK && e1 > 0.0
                   && fabs(e1 / (0.1 * exp(-700.0)) - 1.0) < 1e-12,
               "... and exact where e^{-t/tau} is tiny but the result is normal");
    }

    /* Eq. (24): a higher energy per step makes the rate decay SLOWER (against the paper's text) */
    {
        const double cheap[4] = { 1, 1, 1, 1 }, dear[4] = { 10, 10, 10, 10 };
        double ec[4], ed[4];
        const int s1 = thermoai_dynamics_lr_energy_profile(0.1, 1.0, 4, cheap, ec);
        const int s2 = thermoai_dynamics_lr_energy_profile(0.1, 1.0, 4, dear, ed);

        tap_ok(s1 == THERMOAI_OK && s2 == THERMOAI_OK && ec[0] == 0.1 && ed[0] == 0.1 && ed[3] > ec[3],
               "Eq. (24): eta after 3 steps at 10 J (%.4g) > at 1 J (%.4g): slower decay when steps cost more",
               ed[3], ec[3]);
        tap_ok(fabs(ec[3] - 0.1 / 4.0) < 1e-17 && fabs(ed[3] - 0.1 / 1.3) < 1e-16,
               "Eq. (24) values: 0.1/(1 + 3) and 0.1/(1 + 0.3)");
    }

    /* Corollary 6.5 does not depend on tau although Theorem 6.4's bound does */
    {
        double p, e1, e2;

        tap_ok(thermoai_dynamics_speed_energy_product(2.0, 0.5, &p) == THERMOAI_OK && p == 2.0
                   && thermoai_dynamics_transport_energy_bound(2.0, 0.5, 1.0, &e1) == THERMOAI_OK
                   && thermoai_dynamics_transport_energy_bound(2.0, 0.5, 4.0, &e2) == THERMOAI_OK
                   && e1 == 4.0 * e2 && e2 * 4.0 == p,
               "Theorem 6.4: E >= W2^2/(2 T tau) scales as 1/tau; Corollary 6.5's tau*P = E is tau-free");
    }
    {
        double t;

        tap_ok(thermoai_dynamics_lr_tau_opt(4.0, 100.0, 1.0, &t) == THERMOAI_OK && t == 20.0,
               "tau_opt = sqrt(kappa E / P0) = sqrt(400) = 20 (the number; the unit is s^1/2)");
    }
}

static int const_energy(double t, void *user, double *value)
{
    (void)t;
    *value = *(const double *)user;
    return 0;
}

static int bad_energy(double t, void *user, double *value)
{
    (void)user;
    *value = t > 0.5 ? -1.0 : 1.0;
    return 0;
}

static int failing_energy(double t, void *user, double *value)
{
    (void)t;
    (void)user;
    *value = 1.0;
    return 7;
}

static void energy_aware(void)
{
    double e = 4.0, eta;

    tap_ok(thermoai_dynamics_lr_energy_aware(0.1, 2.0, const_energy, &e, 6.0, &eta) == THERMOAI_OK
               && fabs(eta - 0.1 / (1 + 2.0 * 6.0 / 4.0)) < 1e-15,
           "Eq. (24), constant 4 J: 0.1 / (1 + 2 * 6/4)");
    tap_ok(thermoai_dynamics_lr_energy_aware(0.1, 2.0, const_energy, &e, 0.0, &eta) == THERMOAI_OK && eta == 0.1,
           "Eq. (24) at t = 0: eta0");
    eta = 1;
    tap_ok(thermoai_dynamics_lr_energy_aware(0.1, 2.0, bad_energy, NULL, 1.0, &eta) == THERMOAI_E_DOMAIN
               && isnan(eta),
           "a non-positive energy per step -> E_DOMAIN, NaN");
    tap_ok(thermoai_dynamics_lr_energy_aware(0.1, 2.0, failing_energy, NULL, 1.0, &eta) == THERMOAI_E_CALLBACK
               && isnan(eta),
           "a failing callback -> E_CALLBACK");
    tap_ok(thermoai_dynamics_lr_energy_aware(0.1, 2.0, NULL, NULL, 1.0, &eta) == THERMOAI_E_NULL,
           "NULL callback -> E_NULL");
    tap_ok(thermoai_dynamics_lr_energy_aware(0.1, -2.0, const_energy, &e, 1.0, &eta) == THERMOAI_E_INVALID,
           "negative lambda -> E_INVALID");
}

static void bad_input(void)
{
    double x = 1, y = 1, z = 1, v[2] = { 1, 1 }, m[2] = { 0, 0 }, eta[2];
    const double nanv[2] = { (double)NAN, 1 }, negv[2] = { -1, 1 };
    const double asym[4] = { 1, 0.5, 0.4, 1 }, indef[4] = { 1, 2, 2, 1 }, eye[4] = { 1, 0, 0, 1 };
    size_t bytes = 7;

    tap_ok(thermoai_dynamics_temperature((double)NAN, 1, 1, &x) == THERMOAI_E_NONFINITE && isnan(x),
           "temperature: NaN -> E_NONFINITE, NaN");
    x = 1;
    tap_ok(thermoai_dynamics_temperature(0.1, 0.5, 1, &x) == THERMOAI_E_INVALID && isnan(x),
           "temperature: batch < 1 -> E_INVALID");
    tap_ok(thermoai_dynamics_temperature(0.0, 1, 1, &x) == THERMOAI_E_INVALID, "temperature: eta 0 -> E_INVALID");
    tap_ok(thermoai_dynamics_temperature(1e300, 1, 1e300, &x) == THERMOAI_E_RANGE && isnan(x),
           "temperature: overflow -> E_RANGE");
    tap_ok(thermoai_dynamics_temperature(0.1, 1, 1, NULL) == THERMOAI_E_NULL, "temperature: NULL -> E_NULL");

    x = 1;
    tap_ok(thermoai_dynamics_w2_gaussian_diag(2, m, negv, m, v, &x) == THERMOAI_E_INVALID && isnan(x),
           "w2_diag: negative variance -> E_INVALID");
    tap_ok(thermoai_dynamics_w2_gaussian_diag(2, nanv, v, m, v, &x) == THERMOAI_E_NONFINITE,
           "w2_diag: NaN mean -> E_NONFINITE");
    tap_ok(thermoai_dynamics_w2_gaussian_diag(0, m, v, m, v, &x) == THERMOAI_E_INVALID, "w2_diag: n = 0");
    tap_ok(thermoai_dynamics_w2_gaussian_diag((size_t)1 << 40, m, v, m, v, &x) == THERMOAI_E_INVALID,
           "w2_diag: absurd n -> E_INVALID");
    tap_ok(thermoai_dynamics_w2_gaussian_diag(2, m, NULL, m, v, &x) == THERMOAI_E_NULL, "w2_diag: NULL");

    tap_ok(thermoai_dynamics_w2_gaussian_workspace_bytes(2, &bytes) == THERMOAI_OK && bytes >= 8 * 18,
           "w2 workspace for n = 2: at least 18 doubles");
    tap_ok(thermoai_dynamics_w2_gaussian_workspace_bytes(5000, &bytes) == THERMOAI_E_INVALID && bytes == 0,
           "w2 workspace: n above 1024 -> E_INVALID, 0 bytes");
    x = 1;
    tap_ok(thermoai_dynamics_w2_gaussian(2, m, asym, m, eye, ws, sizeof ws, &x) == THERMOAI_E_INVALID && isnan(x),
           "w2: non-symmetric covariance -> E_INVALID");
    tap_ok(thermoai_dynamics_w2_gaussian(2, m, eye, m, indef, ws, sizeof ws, &x) == THERMOAI_E_INVALID,
           "w2: indefinite covariance (eigenvalue -1) -> E_INVALID");
    tap_ok(thermoai_dynamics_w2_gaussian(2, m, eye, m, eye, ws, 16, &x) == THERMOAI_E_SIZE && isnan(x),
           "w2: small workspace -> E_SIZE");
    tap_ok(thermoai_dynamics_w2_gaussian(2, m, eye, m, eye, NULL, 0, &x) == THERMOAI_E_NULL, "w2: NULL workspace");
    {
        const double inf4[4] = { 1, 0, 0, (double)INFINITY };

        tap_ok(thermoai_dynamics_w2_gaussian(2, m, eye, m, inf4, ws, sizeof ws, &x) == THERMOAI_E_NONFINITE,
               "w2: infinite covariance -> E_NONFINITE");
    }

    tap_ok(thermoai_dynamics_transport_entropy_bound(1, 0, 1, &x) == THERMOAI_E_INVALID && isnan(x),
           "transport bound: T = 0 -> E_INVALID");
    tap_ok(thermoai_dynamics_transport_entropy_bound(-1, 1, 1, &x) == THERMOAI_E_INVALID, "transport: W2^2 < 0");
    tap_ok(thermoai_dynamics_transport_energy_bound(1, 1, (double)INFINITY, &x) == THERMOAI_E_NONFINITE,
           "printed transport bound: infinite tau -> E_NONFINITE");
    tap_ok(thermoai_dynamics_speed_energy_product(1, -1, &x) == THERMOAI_E_INVALID, "speed-energy: T < 0");

    {
        const double k[1] = { 1 }, mu[1] = { 0 }, s0[1] = { 1 }, kz[1] = { 0 }, sz[1] = { 0 };

        x = y = z = 1;
        tap_ok(thermoai_dynamics_ou_entropy_production(1, kz, mu, s0, 1, 1, &x, &y, &z) == THERMOAI_E_INVALID
                   && isnan(x) && isnan(y) && isnan(z),
               "OU: stiffness 0 -> E_INVALID, all three outputs NaN");
        tap_ok(thermoai_dynamics_ou_entropy_production(1, k, mu, sz, 1, 1, &x, &y, &z) == THERMOAI_E_INVALID,
               "OU: variance 0 -> E_INVALID");
        tap_ok(thermoai_dynamics_ou_entropy_production(1, k, mu, s0, 1, -1, &x, &y, &z) == THERMOAI_E_INVALID,
               "OU: negative duration -> E_INVALID");
        tap_ok(thermoai_dynamics_ou_entropy_production(1, k, mu, s0, (double)NAN, 1, &x, &y, &z)
                   == THERMOAI_E_NONFINITE,
               "OU: NaN temperature -> E_NONFINITE");
        tap_ok(thermoai_dynamics_ou_entropy_production(1, k, mu, s0, 1, 1, &x, NULL, &z) == THERMOAI_E_NULL
                   && isnan(x),
               "OU: a NULL output -> E_NULL, the others NaN");
        tap_ok(thermoai_dynamics_ou_entropy_rate(0, k, mu, s0, 1, 1, &x) == THERMOAI_E_INVALID, "OU rate: n = 0");
        tap_ok(thermoai_dynamics_ou_entropy_rate(1, NULL, mu, s0, 1, 1, &x) == THERMOAI_E_NULL, "OU rate: NULL");
    }
    x = 1;
    tap_ok(thermoai_dynamics_lr_schedule(0.1, 1, 1, 0.5, &x) == THERMOAI_E_INVALID && isnan(x),
           "Theorem 6.6: kappa < 1 -> E_INVALID");
    tap_ok(thermoai_dynamics_lr_tau_opt(1, 0, 1, &x) == THERMOAI_E_INVALID, "tau_opt: E = 0 -> E_INVALID");
    eta[0] = eta[1] = 1;
    tap_ok(thermoai_dynamics_lr_energy_profile(0.1, 1, 2, negv, eta) == THERMOAI_E_INVALID && isnan(eta[0])
               && isnan(eta[1]),
           "profile: a negative energy -> E_INVALID, all outputs NaN");
    tap_ok(thermoai_dynamics_lr_energy_profile(0.1, 1, 2, nanv, eta) == THERMOAI_E_NONFINITE,
           "profile: NaN energy -> E_NONFINITE");
    tap_ok(thermoai_dynamics_lr_energy_profile(0.1, 1, 0, v, eta) == THERMOAI_E_INVALID, "profile: n = 0");
    tap_ok(thermoai_dynamics_second_law_slack(1, 1, 1, -1, &x) == THERMOAI_E_INVALID && isnan(x),
           "second law: negative W_diss -> E_INVALID");
    tap_ok(thermoai_dynamics_min_dissipation(0, 1, 1, 1, &x) == THERMOAI_E_INVALID, "min dissipation: T = 0");
}

int main(void)
{
    temperature();
    w2_properties();
    ou_properties();
    printed_statements();
    energy_aware();
    bad_input();
    return tap_done();
}
