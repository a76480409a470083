/* SPDX-License-Identifier: MIT */
/*
 * Energy-optimal allocation (include/thermoai/allocate.h):
 *   - every allocation row of tests/ref/allocate.csv (mpmath: closed form derived
 *     by hand and checked with sympy, general optimum by golden section and
 *     Newton on a different parametrisation);
 *   - property tests over seeds: solver = closed form to 1e-9 where one exists,
 *     the marginal-efficiency condition (Theorem 3.2) recomputed here to 1e-6,
 *     monotone in the budget, never beaten by any point of a grid of the same
 *     energy, the multiplier is the derivative of L* in E, iso-loss inverts the budget problem;
 *   - the published fits: the tokens-per-parameter ratio at Chinchilla's budget;
 *   - large-budget exponents, the Corollary 4.4 form, lifetime inference;
 *   - bad input, with every double of the result NaN.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

static int quick(void)
{
    const char *q = getenv("THERMOAI_TEST_QUICK");

    return q != NULL && q[0] != '\0' && q[0] != '0';
}

/* ---- helpers ------------------------------------------------------------------------------ */

static int loss_model(thermoai_loss_model *m, const double *a, int with_data)
{
    if (thermoai_loss_model_init(m, sizeof *m) != THERMOAI_OK)
        return -1;
    m->irreducible_nats = a[0];
    m->params_coef = a[1];
    m->params_exponent = a[2];
    m->tokens_coef = a[3];
    m->tokens_exponent = a[4];
    m->data_coef = with_data ? a[5] : 0.0;
    m->data_exponent = with_data ? a[6] : 0.0;
    return 0;
}

static int energy_model(thermoai_allocate_energy_model *e, double ac, double ad, double am, double e0)
{
    if (thermoai_allocate_energy_model_init(e, sizeof *e) != THERMOAI_OK)
        return -1;
    e->compute_j_per_param_token = ac;
    e->data_j_per_sample = ad;
    e->memory_j_per_param = am;
    e->fixed_j = e0;
    return 0;
}

static void preset(thermoai_loss_model *m, const char *name)
{
    if (thermoai_loss_model_init(m, sizeof *m) != THERMOAI_OK || thermoai_loss_preset_find(name, m) != THERMOAI_OK)
        tap_ok(0, "preset %s", name);
}

static int fresh(thermoai_allocate_result *r)
{
    return thermoai_allocate_result_init(r, sizeof *r) == THERMOAI_OK ? 0 : -1;
}

/* Every double field of a result is NaN. */
static int all_nan(const thermoai_allocate_result *r)
{
    const double v[] = { r->params, r->tokens, r->data, r->loss_nats, r->multiplier_nats_per_j,
                         r->energy_j, r->compute_energy_j, r->data_energy_j, r->memory_energy_j,
                         r->fixed_energy_j, r->tokens_per_param, r->marginal_spread,
                         r->params_elasticity, r->tokens_elasticity, r->data_elasticity };
    size_t i;

    for (i = 0; i < sizeof v / sizeof v[0]; i++)
        if (!isnan(v[i]))
            return 0;
    return r->iterations == 0;
}

static double rel(double a, double b)
{
    return fabs(a - b) / fabs(b);
}

/* splitmix64 */
static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15u);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static double uniform(uint64_t *s, double lo, double hi)
{
    return lo + (hi - lo) * ((double)(rng_next(s) >> 11) * 0x1.0p-53);
}

static double log_uniform(uint64_t *s, double lo, double hi)
{
    return pow(10.0, uniform(s, lo, hi));
}

/* A random instance: exponents in [0.05, 1.5], coefficients 10^[-1, 4], energies over
 * many decades; with probability 1/2 a data term, 1/2 a per-parameter energy. */
static void random_instance(uint64_t *s, thermoai_loss_model *m, thermoai_allocate_energy_model *e,
                            double *budget, int two_term)
{
    double a[7];

    a[0] = uniform(s, 0.0, 3.0);
    a[1] = log_uniform(s, -1, 4);
    a[2] = uniform(s, 0.05, 1.5);
    a[3] = log_uniform(s, -1, 4);
    a[4] = uniform(s, 0.05, 1.5);
    a[5] = log_uniform(s, -1, 3);
    a[6] = uniform(s, 0.05, 1.5);
    (void)loss_model(m, a, !two_term && (rng_next(s) & 1u));
    (void)energy_model(e, log_uniform(s, -14, 0), log_uniform(s, -12, 0),
                       !two_term && (rng_next(s) & 1u) ? log_uniform(s, -12, 3) : 0.0,
                       rng_next(s) & 1u ? log_uniform(s, 0, 6) : 0.0);
    *budget = e->fixed_j + log_uniform(s, 2, 24);
}

/* The marginal efficiencies recomputed here from the returned allocation. */
static double spread_here(const thermoai_loss_model *m, const thermoai_allocate_energy_model *e,
                          const thermoai_allocate_result *r)
{
    const double rp = m->params_exponent * m->params_coef * pow(r->params, -m->params_exponent - 1.0)
                      / (e->compute_j_per_param_token * r->tokens + e->memory_j_per_param);
    const double rs = m->tokens_exponent * m->tokens_coef * pow(r->tokens, -m->tokens_exponent - 1.0)
                      / (e->compute_j_per_param_token * r->params);
    double worst = fmax(rel(rp, r->multiplier_nats_per_j), rel(rs, r->multiplier_nats_per_j));

    if (m->data_coef > 0.0) {
        const double rn = m->data_exponent * m->data_coef * pow(r->data, -m->data_exponent - 1.0)
                          / e->data_j_per_sample;

        worst = fmax(worst, rel(rn, r->multiplier_nats_per_j));
    }
    return worst;
}

/* ---- the reference table ------------------------------------------------------------------- */

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* One value of a row: -2 for an unknown name. */
static int evaluate(const char *fn, const double *a, double *got)
{
    thermoai_loss_model m;
    thermoai_allocate_energy_model e;
    thermoai_allocate_result r;
    double v[3];
    int st;

    if (fresh(&r))
        return -1;
    if (starts(fn, "compute_optimal.")) {
        (void)loss_model(&m, a, 0);
        st = thermoai_allocate_compute_optimal(&m, a[5], &v[0], &v[1], &v[2]);
        *got = !strcmp(fn, "compute_optimal.params") ? v[0]
               : !strcmp(fn, "compute_optimal.tokens") ? v[1]
               : !strcmp(fn, "compute_optimal.loss") ? v[2] : v[1] / v[0];
        return st;
    }
    if (starts(fn, "closed_form.")) {
        (void)loss_model(&m, a, 0);
        (void)energy_model(&e, a[5], 0.0, 0.0, a[6]);
        st = thermoai_allocate_closed_form(&m, &e, a[7], &r);
    } else if (starts(fn, "solve.")) {
        (void)loss_model(&m, a, 1);
        (void)energy_model(&e, a[7], a[8], a[9], a[10]);
        st = thermoai_allocate_solve(&m, &e, a[11], &r);
    } else if (starts(fn, "isoloss_asymptotic.")) {
        (void)loss_model(&m, a, 0);
        (void)energy_model(&e, a[5], 0.0, 0.0, 0.0);
        st = thermoai_allocate_isoloss_asymptotic_j(&m, &e, a[6], &v[0], &v[1]);
        *got = !strcmp(fn, "isoloss_asymptotic.energy") ? v[0] : v[1];
        return st;
    } else if (starts(fn, "isoloss.")) {
        (void)loss_model(&m, a, 1);
        (void)energy_model(&e, a[7], a[8], a[9], a[10]);
        st = thermoai_allocate_isoloss(&m, &e, a[11], &r);
    } else {
        return -2;
    }
    {
        const char *field = strchr(fn, '.') + 1;

        *got = !strcmp(field, "params") ? r.params
               : !strcmp(field, "tokens") ? r.tokens
               : !strcmp(field, "data") ? r.data
               : !strcmp(field, "loss") ? r.loss_nats
               : !strcmp(field, "multiplier") ? r.multiplier_nats_per_j
               : !strcmp(field, "energy") ? r.energy_j : (double)NAN;
    }
    if (st != THERMOAI_OK && !all_nan(&r))
        return -3;
    return st;
}

static void reference_rows(void)
{
    FILE *f = ref_open("allocate.csv");
    char line[2048];
    int rows = 0, bad = 0, solver_rows = 0, solver_bad = 0;

    if (!tap_ok(f != NULL, "open tests/ref/allocate.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[32], *save = NULL, *tok;
        double a[28] = { 0 }, want, tol, got = (double)NAN;
        int n = 0, i, st, ok;

        if (line[0] == '#' || starts(line, "loss;"))
            continue;
        line[strcspn(line, "\n")] = '\0';
        for (tok = strtok_r(line, ";", &save); tok != NULL && n < 32; tok = strtok_r(NULL, ";", &save))
            field[n++] = tok;
        if (n < 5)
            continue;
        tol = strtod(field[2], NULL);
        want = strtod(field[3], NULL);
        for (i = 4; i < n; i++)
            a[i - 4] = strtod(field[i], NULL);
        st = evaluate(field[0], a, &got);
        if (!strcmp(field[1], "OK"))
            ok = st == THERMOAI_OK && fabs(got - want) <= tol * fabs(want);
        else
            ok = st == THERMOAI_E_DOMAIN && isnan(got);
        rows++;
        if (!ok) {
            bad++;
            tap_diag("%s: status %d, got %.17g want %s %.17g", field[0], st, got, field[1], want);
        }
        /* the closed-form rows through the general solver too */
        if (starts(field[0], "closed_form.") && !strcmp(field[1], "OK")) {
            thermoai_loss_model m;
            thermoai_allocate_energy_model e;
            thermoai_allocate_result r;
            const char *fl = field[0] + strlen("closed_form.");

            (void)loss_model(&m, a, 0);
            (void)energy_model(&e, a[5], 0.0, 0.0, a[6]);
            (void)fresh(&r);
            st = thermoai_allocate_solve(&m, &e, a[7], &r);
            got = !strcmp(fl, "params") ? r.params : !strcmp(fl, "tokens") ? r.tokens
                  : !strcmp(fl, "loss") ? r.loss_nats : r.multiplier_nats_per_j;
            solver_rows++;
            if (st != THERMOAI_OK || !(fabs(got - want) <= 1e-12 * fabs(want))) {
                solver_bad++;
                tap_diag("solve on %s: got %.17g want %.17g", field[0], got, want);
            }
        }
    }
    fclose(f);
    tap_ok(rows >= 150, "read %d allocation reference rows", rows);
    tap_ok(bad == 0, "every row within its tolerance (closed forms 1e-13, solver 1e-11) or with its status (%d bad)",
           bad);
    tap_ok(solver_rows >= 20 && solver_bad == 0,
           "the general solver on the %d closed-form rows: within 1e-12 of mpmath (%d bad)", solver_rows,
           solver_bad);
}

/* ---- properties over seeds ------------------------------------------------------------------ */

static void property_closed_form(int seeds)
{
    double worst = 0.0, worst_spread = 0.0;
    int s, bad = 0;

    for (s = 0; s < seeds; s++) {
        uint64_t st = 0x5eed0000u + (uint64_t)s;
        thermoai_loss_model m;
        thermoai_allocate_energy_model e;
        thermoai_allocate_result c, r;
        double budget, d;

        random_instance(&st, &m, &e, &budget, 1);
        if (fresh(&c) || fresh(&r) || thermoai_allocate_closed_form(&m, &e, budget, &c) != THERMOAI_OK
            || thermoai_allocate_solve(&m, &e, budget, &r) != THERMOAI_OK) {
            bad++;
            continue;
        }
        d = fmax(fmax(rel(r.params, c.params), rel(r.tokens, c.tokens)),
                 fmax(rel(r.loss_nats, c.loss_nats), rel(r.multiplier_nats_per_j, c.multiplier_nats_per_j)));
        worst = fmax(worst, d);
        worst_spread = fmax(worst_spread, spread_here(&m, &e, &c));
        if (!(d <= 1e-9))
            bad++;
    }
    tap_diag("closed form vs solver over %d seeds: worst relative difference %.3g; "
             "closed form's marginal spread %.3g", seeds, worst, worst_spread);
    tap_ok(bad == 0 && worst_spread <= 1e-12,
           "%d random two-term instances: solver = closed form to 1e-9 (p, s, L, mu)", seeds);
}

static void property_marginal(int seeds)
{
    double worst = 0.0, worst_lib = 0.0, worst_budget = 0.0;
    int s, bad = 0, with_data = 0, with_memory = 0;

    for (s = 0; s < seeds; s++) {
        uint64_t st = 0xa11ce000u + (uint64_t)s;
        thermoai_loss_model m;
        thermoai_allocate_energy_model e;
        thermoai_allocate_result r;
        double budget, d, rp, rs, rn, used;

        random_instance(&st, &m, &e, &budget, 0);
        with_data += m.data_coef > 0.0;
        with_memory += e.memory_j_per_param > 0.0;
        if (fresh(&r) || thermoai_allocate_solve(&m, &e, budget, &r) != THERMOAI_OK) {
            bad++;
            tap_diag("seed %d: solve failed", s);
            continue;
        }
        d = spread_here(&m, &e, &r);
        worst = fmax(worst, d);
        worst_lib = fmax(worst_lib, r.marginal_spread);
        if (thermoai_allocate_marginal(&m, &e, r.params, r.tokens, r.data, &rp, &rs, &rn) != THERMOAI_OK
            || !(rel(rp, rs) <= 1e-6) || (m.data_coef > 0.0 && !(rel(rn, rs) <= 1e-6)))
            bad++;
        used = e.compute_j_per_param_token * r.params * r.tokens + e.data_j_per_sample * r.data
               + e.memory_j_per_param * r.params + e.fixed_j;
        worst_budget = fmax(worst_budget, rel(used, budget));
        if (!(d <= 1e-6) || !(rel(used, budget) <= 1e-12))
            bad++;
    }
    tap_diag("marginal spread over %d seeds (%d with a data term, %d with a_m > 0): worst %.3g here, "
             "%.3g reported; budget spent to %.3g", seeds, with_data, with_memory, worst, worst_lib,
             worst_budget);
    tap_ok(bad == 0, "%d random instances: marginal efficiencies equal to 1e-6, budget spent to 1e-12", seeds);
}

static void property_monotone_and_grid(int seeds)
{
    int s, bad_mono = 0, bad_grid = 0, bad_mu = 0, bad_iso = 0, bad_el = 0, points = 0, conditioned = 0;

    for (s = 0; s < seeds; s++) {
        uint64_t st = 0x9e1d0000u + (uint64_t)s;
        thermoai_loss_model m;
        thermoai_allocate_energy_model e;
        thermoai_allocate_result r, prev, lo, hi, iso;
        double budget, b, ev;
        int k, i, j;

        memset(&prev, 0, sizeof prev);
        random_instance(&st, &m, &e, &budget, 0);
        /* monotone in the budget over 12 decades */
        for (k = 0, b = e.fixed_j + 1e3; k < 40; k++, b = e.fixed_j + (b - e.fixed_j) * 2.0) {
            if (fresh(&r) || thermoai_allocate_solve(&m, &e, b, &r) != THERMOAI_OK) {
                bad_mono++;
                break;
            }
            /* the loss may stop falling in double once its excess is below an ulp of E */
            if (k > 0 && !(r.params > prev.params && r.tokens > prev.tokens && r.loss_nats <= prev.loss_nats
                           && (m.data_coef == 0.0 || r.data > prev.data)))
                bad_mono++;
            prev = r;
        }
        if (fresh(&r) || thermoai_allocate_solve(&m, &e, budget, &r) != THERMOAI_OK) {
            bad_grid++;
            continue;
        }
        ev = budget - e.fixed_j;
        /* no (p, n) of a log grid around the optimum, s from the same energy, does better */
        for (i = -40; i <= 40; i++) {
            const double p = r.params * pow(10.0, 0.075 * i);

            for (j = (m.data_coef > 0.0 ? -40 : 0); j <= (m.data_coef > 0.0 ? 40 : 0); j += 2) {
                const double n = m.data_coef > 0.0 ? r.data * pow(10.0, 0.075 * j) : 0.0;
                const double sv = (ev - e.data_j_per_sample * n - e.memory_j_per_param * p)
                                  / (e.compute_j_per_param_token * p);
                double l;

                if (!(sv > 0.0))
                    continue;
                points++;
                if (thermoai_loss_nats(&m, p, sv, n, &l) != THERMOAI_OK
                    || !(l >= r.loss_nats - 8.0 * DBL_EPSILON * r.loss_nats))
                    bad_grid++;
            }
        }
        /* differences of L* need an excess loss well above the rounding of E: the next
         * three checks use the instances where (L* - E) / L* > 1e-4 */
        if (!(r.loss_nats - m.irreducible_nats > 1e-4 * r.loss_nats))
            continue;
        conditioned++;
        /* the multiplier is minus the derivative of the optimal loss in E (central difference) */
        if (fresh(&lo) || fresh(&hi) || thermoai_allocate_solve(&m, &e, budget - 1e-4 * ev, &lo) != THERMOAI_OK
            || thermoai_allocate_solve(&m, &e, budget + 1e-4 * ev, &hi) != THERMOAI_OK
            || !(rel((lo.loss_nats - hi.loss_nats) / (2e-4 * ev), r.multiplier_nats_per_j) <= 1e-5))
            bad_mu++;
        /* elasticity d ln p / d ln E_v against the same difference */
        if (!(fabs((log(hi.params) - log(lo.params)) / (log(1.0 + 1e-4) - log(1.0 - 1e-4)) - r.params_elasticity)
              <= 1e-5))
            bad_el++;
        /* iso-loss at the optimum's loss gives back the budget */
        if (fresh(&iso) || thermoai_allocate_isoloss(&m, &e, r.loss_nats, &iso) != THERMOAI_OK
            || !(rel(iso.energy_j - e.fixed_j, ev) <= 1e-9) || !(rel(iso.params, r.params) <= 1e-9))
            bad_iso++;
    }
    tap_ok(bad_mono == 0, "%d instances x 40 budgets: p*, s*, n* grow and L* falls with the budget", seeds);
    tap_ok(bad_grid == 0 && points > 1000,
           "no point of %d on grids of equal energy reaches a lower loss than the optimum", points);
    tap_ok(bad_mu == 0 && conditioned * 2 > seeds,
           "the multiplier equals -dL*/dE (central difference, 1e-5; %d well-conditioned instances)", conditioned);
    tap_ok(bad_el == 0, "the reported elasticity d ln p*/d ln E equals the difference quotient (1e-5)");
    tap_ok(bad_iso == 0, "iso-loss at L*(E) returns E and the same allocation (1e-9)");
}

/* ---- the published fits ---------------------------------------------------------------------- */

/* Tokens per parameter of a two-term fit at budget C = 6 N D (through the solver, e_flop 1 J). */
static double ratio_at(double e, double a, double alpha, double b, double beta, double flop)
{
    const double v[7] = { e, a, alpha, b, beta, 0.0, 0.0 };
    thermoai_loss_model m;
    thermoai_allocate_energy_model en;
    thermoai_allocate_result r;

    (void)loss_model(&m, v, 0);
    (void)energy_model(&en, 6.0, 0.0, 0.0, 0.0);
    if (fresh(&r) || thermoai_allocate_solve(&m, &en, flop, &r) != THERMOAI_OK)
        return (double)NAN;
    return r.tokens_per_param;
}

static void published_fits(void)
{
    const double c = 5.88e23; /* Chinchilla: 70e9 parameters x 1.4e12 tokens x 6 */
    thermoai_loss_model m;
    thermoai_allocate_energy_model en;
    thermoai_allocate_result r;
    double lo = (double)INFINITY, hi = 0.0, q, ep, es, en_, el;
    int i;

    /* Hoffmann et al.'s approach-3 fit as printed, through the solver */
    q = ratio_at(1.69, 406.4, 0.34, 410.7, 0.28, c);
    tap_rel(q, 92.8324212613604418, 1e-12, "hoffmann2022 at C = 5.88e23 FLOP: D*/N* = 92.83 (mpmath, allocate.csv)");
    /* every corner of the rounding box of the printed coefficients */
    for (i = 0; i < 16; i++) {
        const double v = ratio_at(1.69, 406.4 + (i & 1 ? 0.05 : -0.05), 0.34 + (i & 2 ? 0.005 : -0.005),
                                  410.7 + (i & 4 ? 0.05 : -0.05), 0.28 + (i & 8 ? 0.005 : -0.005), c);

        lo = fmin(lo, v);
        hi = fmax(hi, v);
    }
    tap_diag("hoffmann2022: the ratio over the rounding box of A, B, alpha, beta: [%.1f, %.1f]", lo, hi);
    tap_ok(lo > 40.0 && hi < 200.0 && !(lo <= 20.0),
           "hoffmann2022 does NOT reproduce ~20 tokens/parameter: 20 lies outside [%.1f, %.1f], the "
           "range its printed digits allow", lo, hi);
    q = ratio_at(1.6934, 406.4, 0.3392, 410.7, 0.2849, c);
    tap_ok(q > 55.0 && q < 65.0, "hoffmann2022-tex (unrounded exponents): D*/N* = %.1f, still not 20", q);
    /* the replication recovers Chinchilla's own allocation */
    preset(&m, "besiroglu2024");
    (void)energy_model(&en, 6.0, 0.0, 0.0, 0.0);
    (void)fresh(&r);
    i = thermoai_allocate_solve(&m, &en, c, &r);
    tap_ok(i == THERMOAI_OK && r.tokens_per_param > 15.0 && r.tokens_per_param < 25.0,
           "besiroglu2024 at C = 5.88e23: D*/N* = %.2f, about 20", r.tokens_per_param);
    tap_ok(rel(r.params, 70e9) < 0.05 && rel(r.tokens, 1.4e12) < 0.05,
           "besiroglu2024: N* = %.3g, D* = %.3g, within 5%% of Chinchilla's 70e9 x 1.4e12", r.params, r.tokens);
    /* Hoffmann Table 2, approach 3: N_opt ~ C^0.46, D_opt ~ C^0.54 */
    preset(&m, "hoffmann2022-tex");
    i = thermoai_allocate_asymptotic_exponents(&m, &ep, &es, &en_, &el);
    tap_ok(i == THERMOAI_OK && floor(ep * 100.0 + 0.5) == 46.0 && floor(es * 100.0 + 0.5) == 54.0,
           "hoffmann2022-tex: exponents a = %.4f, b = %.4f round to Table 2's 0.46 / 0.54", ep, es);
    preset(&m, "hoffmann2022");
    i = thermoai_allocate_asymptotic_exponents(&m, &ep, &es, &en_, &el);
    tap_ok(i == THERMOAI_OK && floor(ep * 100.0 + 0.5) == 45.0,
           "hoffmann2022 as printed: a = %.4f rounds to 0.45, not Table 2's 0.46 (the rounding bias)", ep);
}

/* ---- exponents, Corollary 4.4, lifetime inference ------------------------------------------------ */

static void exponents_and_corollary(void)
{
    const double v2[7] = { 1.0, 3.0, 0.6, 2.0, 0.3, 0.0, 0.0 };
    const double v3[7] = { 1.0, 3.0, 0.6, 2.0, 0.3, 5.0, 0.1 };  /* g_n = 0.1 < delta = 0.2 */
    const double v4[7] = { 1.0, 3.0, 0.6, 2.0, 0.3, 5.0, 0.9 };  /* g_n = 0.9 > delta */
    thermoai_loss_model m;
    thermoai_allocate_energy_model e;
    thermoai_allocate_result r, r0;
    double ep, es, en, el, ea, ex, prev_p, prev_q;
    int ok, k;

    (void)loss_model(&m, v2, 0);
    tap_ok(thermoai_allocate_asymptotic_exponents(&m, &ep, &es, &en, &el) == THERMOAI_OK
               && fabs(ep - 1.0 / 3.0) < 1e-15 && fabs(es - 2.0 / 3.0) < 1e-15 && en == 0.0
               && fabs(el + 0.2) < 1e-15,
           "two terms (0.6, 0.3): p ~ E^1/3, s ~ E^2/3, L - E ~ E^-0.2");
    (void)loss_model(&m, v3, 1);
    tap_ok(thermoai_allocate_asymptotic_exponents(&m, &ep, &es, &en, &el) == THERMOAI_OK && en == 1.0
               && fabs(el + 0.1) < 1e-15 && fabs(ep - (1.1 / 1.2) / 3.0) < 1e-15,
           "a slow data term (0.1 < 0.2) takes the budget: n ~ E, pair energy ~ E^(1.1/1.2)");
    (void)energy_model(&e, 1.0, 1.0, 0.5, 10.0);
    (void)fresh(&r);
    k = thermoai_allocate_solve(&m, &e, 1e200, &r);
    tap_ok(k == THERMOAI_OK && fabs(r.data_elasticity - en) < 0.02 && fabs(r.params_elasticity - ep) < 0.02,
           "at E = 1e200 the solver's elasticities (%.4f, %.4f) approach them", r.data_elasticity,
           r.params_elasticity);
    (void)loss_model(&m, v4, 1);
    tap_ok(thermoai_allocate_asymptotic_exponents(&m, &ep, &es, &en, &el) == THERMOAI_OK
               && fabs(en - 1.2 / 1.9) < 1e-15 && fabs(el + 0.2) < 1e-15 && fabs(ep - 1.0 / 3.0) < 1e-15,
           "a fast data term (0.9 > 0.2): n ~ E^(1.2/1.9), the pair takes the budget");
    k = thermoai_allocate_solve(&m, &e, 1e200, &r);
    tap_ok(k == THERMOAI_OK && fabs(r.data_elasticity - en) < 0.02 && fabs(r.tokens_elasticity - es) < 0.02,
           "and the solver's elasticities (%.4f, %.4f) approach those", r.data_elasticity, r.tokens_elasticity);
    /* Theorem 3.20 as printed: n ~ E^(1/(alpha+1)) etc. would make p s grow faster than E */
    tap_ok(1.0 / 1.3 + 1.0 / 1.6 > 1.0 && fabs(ep + es - 1.0) < 1e-15,
           "the printed exponents 1/(beta+1) + 1/(gamma+1) = %.3f > 1 break the budget; the corrected sum is 1",
           1.0 / 1.3 + 1.0 / 1.6);

    /* Corollary 4.4: exact for the two-term model, an underestimate otherwise */
    (void)loss_model(&m, v2, 0);
    (void)energy_model(&e, 2.0, 0.0, 0.0, 0.0);
    (void)fresh(&r);
    tap_ok(thermoai_allocate_isoloss_asymptotic_j(&m, &e, 1.05, &ea, &ex) == THERMOAI_OK
               && thermoai_allocate_isoloss(&m, &e, 1.05, &r) == THERMOAI_OK && rel(ea, r.energy_j) < 1e-12
               && fabs(ex - 5.0) < 1e-14,
           "two terms: the Corollary 4.4 form is exact (exponent (a+b)/(ab) = 5)");
    (void)energy_model(&e, 2.0, 0.0, 30.0, 100.0);
    k = thermoai_allocate_isoloss_asymptotic_j(&m, &e, 1.05, &ea, &ex) == THERMOAI_OK
        && thermoai_allocate_isoloss(&m, &e, 1.05, &r) == THERMOAI_OK;
    tap_ok(k && ea < r.energy_j,
           "with a_m and E_0 the asymptotic form underestimates: %.4g < %.4g J", ea, r.energy_j);

    /* lifetime inference (a_m = 2 e_flop T): a smaller model trained on more tokens */
    preset(&m, "hoffmann2022");
    for (ok = 1, k = 0, prev_p = (double)INFINITY, prev_q = 0.0; k < 8; k++) {
        (void)energy_model(&e, 6e-12, 0.0, 2e-12 * (k == 0 ? 0.0 : pow(10.0, 8.0 + k)), 0.0);
        if (fresh(&r) || thermoai_allocate_solve(&m, &e, 5.88e11, &r) != THERMOAI_OK || !(r.params < prev_p)
            || !(r.tokens_per_param > prev_q))
            ok = 0;
        if (k == 0)
            r0 = r;
        prev_p = r.params;
        prev_q = r.tokens_per_param;
    }
    tap_ok(ok, "serving 1e9 .. 1e15 lifetime tokens moves the optimum to smaller, longer-trained models");
    tap_diag("hoffmann2022, 5.88e11 J at 1 pJ/FLOP: N* %.3g -> %.3g, D*/N* %.1f -> %.1f with 1e15 tokens served",
             r0.params, r.params, r0.tokens_per_param, r.tokens_per_param);
}

/* ---- bad input ------------------------------------------------------------------------------ */

static void bad_input(void)
{
    thermoai_loss_model m;
    thermoai_allocate_energy_model e;
    thermoai_allocate_result r;
    unsigned char big[sizeof(thermoai_allocate_result) + 16];
    double a, b, c;

    preset(&m, "hoffmann2022");
    (void)energy_model(&e, 6e-12, 0.0, 0.0, 0.0);
#define EXPECT(call, code, what)                                                                   \
    do {                                                                                           \
        (void)fresh(&r);                                                                           \
        tap_ok((call) == (code) && all_nan(&r), what ": " #code ", every double NaN");             \
    } while (0)
    EXPECT(thermoai_allocate_solve(&m, &e, (double)NAN, &r), THERMOAI_E_NONFINITE, "NaN budget");
    EXPECT(thermoai_allocate_solve(&m, &e, (double)INFINITY, &r), THERMOAI_E_NONFINITE, "infinite budget");
    EXPECT(thermoai_allocate_solve(&m, &e, -1.0, &r), THERMOAI_E_INVALID, "negative budget");
    EXPECT(thermoai_allocate_solve(&m, &e, 0.0, &r), THERMOAI_E_DOMAIN, "zero budget");
    e.fixed_j = 1e6;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e6, &r), THERMOAI_E_DOMAIN, "budget = E_0 (below the minimum)");
    EXPECT(thermoai_allocate_closed_form(&m, &e, 5e5, &r), THERMOAI_E_DOMAIN, "closed form, budget < E_0");
    EXPECT(thermoai_allocate_isoloss(&m, &e, 1.69, &r), THERMOAI_E_DOMAIN, "target = E (unreachable)");
    EXPECT(thermoai_allocate_isoloss(&m, &e, 1.0, &r), THERMOAI_E_DOMAIN, "target < E");
    e.fixed_j = 0.0;
    m.params_exponent = 0.0;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_INVALID, "params exponent 0");
    m.params_exponent = -0.34;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_INVALID, "negative params exponent");
    EXPECT(thermoai_allocate_closed_form(&m, &e, 1e9, &r), THERMOAI_E_INVALID, "closed form, negative exponent");
    m.params_exponent = 0.34;
    m.tokens_exponent = 0.0;
    EXPECT(thermoai_allocate_isoloss(&m, &e, 2.0, &r), THERMOAI_E_INVALID, "iso-loss, tokens exponent 0");
    m.tokens_exponent = 0.28;
    m.data_coef = 1.0;
    m.data_exponent = 0.3;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_DOMAIN, "data term with free data (a_d = 0)");
    EXPECT(thermoai_allocate_closed_form(&m, &e, 1e9, &r), THERMOAI_E_UNSUPPORTED,
           "closed form with a data term");
    m.data_exponent = 0.0;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_INVALID, "data term with exponent 0");
    m.data_coef = 0.0;
    e.memory_j_per_param = 1.0;
    EXPECT(thermoai_allocate_closed_form(&m, &e, 1e9, &r), THERMOAI_E_UNSUPPORTED, "closed form with a_m > 0");
    e.memory_j_per_param = -1.0;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_INVALID, "negative a_m");
    e.memory_j_per_param = 0.0;
    e.compute_j_per_param_token = 0.0;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_INVALID, "a_c = 0");
    e.compute_j_per_param_token = (double)NAN;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_NONFINITE, "a_c NaN");
    e.compute_j_per_param_token = 1e-300;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e300, &r), THERMOAI_E_RANGE, "resources beyond double");
    EXPECT(thermoai_allocate_closed_form(&m, &e, 1e300, &r), THERMOAI_E_RANGE, "closed form beyond double");
    e.compute_j_per_param_token = 6e-12;
    e.reserved = 7;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_UNSUPPORTED, "energy model reserved non-zero");
    e.reserved = 0;
    e.struct_size = 16;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_SIZE, "energy model struct_size 16");
    e.struct_size = (uint32_t)sizeof e;
    m.struct_size = 16;
    EXPECT(thermoai_allocate_solve(&m, &e, 1e9, &r), THERMOAI_E_SIZE, "loss model struct_size 16");
    m.struct_size = (uint32_t)sizeof m;
    EXPECT(thermoai_allocate_solve(NULL, &e, 1e9, &r), THERMOAI_E_NULL, "NULL loss model");
    EXPECT(thermoai_allocate_solve(&m, NULL, 1e9, &r), THERMOAI_E_NULL, "NULL energy model");
    EXPECT(thermoai_allocate_isoloss(&m, NULL, 2.0, &r), THERMOAI_E_NULL, "iso-loss, NULL energy model");
#undef EXPECT
    tap_ok(thermoai_allocate_solve(&m, &e, 1e9, NULL) == THERMOAI_E_NULL, "NULL result: E_NULL");
    memset(&r, 0x5a, sizeof r);
    r.struct_size = 64;
    tap_ok(thermoai_allocate_solve(&m, &e, 1e9, &r) == THERMOAI_E_SIZE && r.struct_size == 64
               && ((unsigned char *)&r)[100] == 0x5a,
           "result struct_size 64 (< 128): E_SIZE, nothing written");
    memset(big, 0x5a, sizeof big);
    {
        thermoai_allocate_result *rb = (thermoai_allocate_result *)(void *)big;
        uint32_t sz = (uint32_t)sizeof big;

        memcpy(big, &sz, sizeof sz);
        tap_ok(thermoai_allocate_solve(&m, &e, 1e9, rb) == THERMOAI_OK && big[sizeof r] == 0x5a
                   && rb->struct_size == sz && rb->params > 0.0,
               "a newer caller's larger result struct: filled, its tail untouched");
    }
    tap_ok(thermoai_allocate_compute_optimal(&m, 0.0, &a, &b, &c) == THERMOAI_E_INVALID && isnan(a) && isnan(b)
               && isnan(c),
           "compute_optimal, zero FLOP: E_INVALID, NaN");
    tap_ok(thermoai_allocate_compute_optimal(&m, 1e20, &a, NULL, &c) == THERMOAI_E_NULL && isnan(a),
           "compute_optimal, NULL output: E_NULL");
    tap_ok(thermoai_allocate_isoloss_asymptotic_j(&m, &e, 1.5, &a, &b) == THERMOAI_E_DOMAIN && isnan(a) && isnan(b),
           "asymptotic iso-loss below E: E_DOMAIN, NaN");
    tap_ok(thermoai_allocate_marginal(&m, &e, 0.0, 1.0, 0.0, &a, &b, &c) == THERMOAI_E_INVALID && isnan(a)
               && isnan(b) && isnan(c),
           "marginal at p = 0: E_INVALID, NaN");
    m.data_coef = 1.0;
    m.data_exponent = 0.5;
    tap_ok(thermoai_allocate_marginal(&m, &e, 1e9, 1e10, 1e6, &a, &b, &c) == THERMOAI_E_DOMAIN && isnan(c),
           "marginal with a data term and a_d = 0: E_DOMAIN");
    m.data_coef = 0.0;
    tap_ok(thermoai_allocate_marginal(&m, &e, 1e9, 1e10, 0.0, &a, &b, &c) == THERMOAI_OK && c == 0.0 && a > 0.0,
           "marginal without a data term: r_n = 0");
    tap_ok(thermoai_allocate_energy_j(&e, 1e9, 1e10, 0.0, &a) == THERMOAI_OK && rel(a, 6e-12 * 1e19) < 1e-15,
           "energy of an allocation: a_c p s");
    tap_ok(thermoai_allocate_energy_j(&e, -1.0, 1e10, 0.0, &a) == THERMOAI_E_INVALID && isnan(a),
           "energy of a negative allocation: E_INVALID");
    tap_ok(thermoai_allocate_energy_j(NULL, 1.0, 1.0, 0.0, &a) == THERMOAI_E_NULL, "energy, NULL model");
    tap_ok(thermoai_allocate_asymptotic_exponents(NULL, &a, &b, &c, &c) == THERMOAI_E_NULL, "exponents, NULL model");
}

int main(void)
{
    thermoai_allocate_energy_model e;
    thermoai_allocate_result r;
    const int seeds = quick() ? 12 : 200;

    tap_ok(thermoai_allocate_energy_model_size() == 40 && sizeof e == 40, "energy model is 40 bytes");
    tap_ok(thermoai_allocate_result_size() == 128 && sizeof r == 128, "result is 128 bytes");
    tap_ok(thermoai_allocate_energy_model_init(&e, sizeof e) == THERMOAI_OK && e.compute_j_per_param_token == 6e-12
               && e.data_j_per_sample == 0.0 && e.memory_j_per_param == 0.0 && e.fixed_j == 0.0,
           "energy model defaults: 6 FLOP at 1 pJ per parameter-token, nothing else");
    reference_rows();
    property_closed_form(seeds);
    property_marginal(seeds);
    property_monotone_and_grid(quick() ? 4 : 40);
    published_fits();
    exponents_and_corollary();
    bad_input();
    return tap_done();
}
