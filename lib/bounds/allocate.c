/* SPDX-License-Identifier: MIT */
/*
 * Energy-optimal allocation (paper 002, Theorems 3.2, 3.20, 4.3, Corollary 4.4).
 *
 * Everything is computed in logarithms of the resources, x = ln r, where the
 * loss c r^-g = exp(ln c - g x) and the energy terms exp(ln a + x + ...) are
 * convex: the problem is a convex program, and its stationary point is the
 * optimum. For a multiplier mu = exp(ell) the stationary allocation is
 *
 *   x_n(ell) = (ln(g_n c_n) - ell - ln a_d) / (g_n + 1)                    (data)
 *   f(x_s)   = K0 + g_p ell + q x_s - ln(a_c e^x_s + a_m) = 0               (tokens)
 *   x_p(ell) = ln(g_s c_s) - (g_s + 1) x_s - ell - ln a_c                   (params)
 *
 * with q = (g_s + 1)(g_p + 1) and K0 = ln(g_p c_p) - (g_p + 1)(ln(g_s c_s) - ln a_c).
 * f is increasing (slope in [q - 1, q]) and concave in x_s, so Newton from the
 * root of the a_m = 0 problem, which lies left of the root, converges
 * monotonically. The spent energy ln E(ell) decreases and the excess loss
 * ln(L - E_inf)(ell) increases in ell, each with a slope bounded away from 0;
 * the outer equation is solved by a bracketed Newton iteration on ell with the
 * analytic derivative (implicit differentiation of f).
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "loss_model.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_allocate_energy_model) == THERMOAI__SIZE_V0_ALLOCATE_ENERGY_MODEL,
                        allocate_energy_model_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_allocate_result) == THERMOAI__SIZE_V0_ALLOCATE_RESULT,
                        allocate_result_size);

#define P THERMOAI__RES_PARAMS
#define S THERMOAI__RES_TOKENS
#define N THERMOAI__RES_DATA

#define MAX_OUTER 200
#define MAX_INNER 200
#define SPREAD_TOL 1e-9
#define BUDGET_TOL 1e-12

static void energy_defaults(thermoai_allocate_energy_model *e)
{
    memset(e, 0, sizeof *e);
    e->struct_size = (uint32_t)sizeof *e;
    e->compute_j_per_param_token = 6e-12; /* 6 FLOP per parameter per token at 1 pJ/FLOP */
}

int thermoai_allocate_energy_model_init(thermoai_allocate_energy_model *model, size_t size)
{
    thermoai_allocate_energy_model d;
    int status = thermoai__struct_init(model, size, THERMOAI__SIZE_V0_ALLOCATE_ENERGY_MODEL);

    if (status != THERMOAI_OK)
        return status;
    energy_defaults(&d);
    return thermoai__struct_out(model, THERMOAI__SIZE_V0_ALLOCATE_ENERGY_MODEL, &d, sizeof d);
}

size_t thermoai_allocate_energy_model_size(void)
{
    return sizeof(thermoai_allocate_energy_model);
}

int thermoai_allocate_result_init(thermoai_allocate_result *result, size_t size)
{
    return thermoai__struct_init(result, size, THERMOAI__SIZE_V0_ALLOCATE_RESULT);
}

size_t thermoai_allocate_result_size(void)
{
    return sizeof(thermoai_allocate_result);
}

/* The energy model as used. */
struct emodel {
    double ac, ad, am, e0;
    double ln_ac, ln_ad, ln_am; /* -inf for a zero coefficient */
};

static int energy_load(const thermoai_allocate_energy_model *user, struct emodel *e)
{
    thermoai_allocate_energy_model m;

    if (user == NULL)
        return THERMOAI_E_NULL;
    energy_defaults(&m);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_ALLOCATE_ENERGY_MODEL, &m, sizeof m));
    if (m.reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(THERMOAI__CHECK({ m.compute_j_per_param_token, THERMOAI__POS },
                                  { m.data_j_per_sample, THERMOAI__NONNEG },
                                  { m.memory_j_per_param, THERMOAI__NONNEG }, { m.fixed_j, THERMOAI__NONNEG }));
    e->ac = m.compute_j_per_param_token;
    e->ad = m.data_j_per_sample;
    e->am = m.memory_j_per_param;
    e->e0 = m.fixed_j;
    e->ln_ac = log(e->ac);
    e->ln_ad = e->ad > 0.0 ? log(e->ad) : -(double)INFINITY;
    e->ln_am = e->am > 0.0 ? log(e->am) : -(double)INFINITY;
    return THERMOAI_OK;
}

/* Loss and energy models together: the loads in the documented order. */
static int load_both(const thermoai_loss_model *loss, const thermoai_allocate_energy_model *energy,
                     struct thermoai__loss *m, struct emodel *e)
{
    if (loss == NULL || energy == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__loss_load(loss, m));
    return energy_load(energy, e);
}

int thermoai_allocate_energy_j(const thermoai_allocate_energy_model *model, double params,
                               double tokens, double data, double *energy_j)
{
    struct emodel e;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(energy_load(model, &e));
    THERMOAI__TRY(THERMOAI__CHECK({ params, THERMOAI__NONNEG }, { tokens, THERMOAI__NONNEG },
                                  { data, THERMOAI__NONNEG }));
    return thermoai__finish(e.ac * params * tokens + e.ad * data + e.am * params + e.e0, energy_j);
}

/* A finished positive double: E_RANGE unless normal and finite. */
static int positive(double v)
{
    return isfinite(v) && v >= DBL_MIN ? THERMOAI_OK : THERMOAI_E_RANGE;
}

/* ln of the three marginal efficiencies r_p, r_s, r_n at x (Theorem 3.2). */
static void ln_marginals(const struct thermoai__loss *m, const struct emodel *e, const double *x,
                         double *lr)
{
    lr[P] = log(m->expo[P]) + m->ln_coef[P] - (m->expo[P] + 1.0) * x[P]
            - thermoai__lse2(e->ln_ac + x[S], e->ln_am);
    lr[S] = log(m->expo[S]) + m->ln_coef[S] - (m->expo[S] + 1.0) * x[S] - e->ln_ac - x[P];
    lr[N] = m->has_data ? log(m->expo[N]) + m->ln_coef[N] - (m->expo[N] + 1.0) * x[N] - e->ln_ad : 0.0;
}

int thermoai_allocate_marginal(const thermoai_loss_model *loss,
                               const thermoai_allocate_energy_model *energy, double params,
                               double tokens, double data, double *params_nats_per_j,
                               double *tokens_nats_per_j, double *data_nats_per_j)
{
    struct thermoai__loss m;
    struct emodel e;
    double x[3], lr[3], v[3];

    THERMOAI__OUTPUTS(params_nats_per_j, tokens_nats_per_j, data_nats_per_j);
    THERMOAI__TRY(load_both(loss, energy, &m, &e));
    THERMOAI__TRY(THERMOAI__CHECK({ params, THERMOAI__POS }, { tokens, THERMOAI__POS }, { data, THERMOAI__FINITE }));
    if (m.has_data && !(data > 0.0))
        return THERMOAI_E_INVALID;
    if (m.has_data && !(e.ad > 0.0))
        return THERMOAI_E_DOMAIN;
    x[P] = log(params);
    x[S] = log(tokens);
    x[N] = m.has_data ? log(data) : 0.0;
    ln_marginals(&m, &e, x, lr);
    v[P] = exp(lr[P]);
    v[S] = exp(lr[S]);
    v[N] = m.has_data ? exp(lr[N]) : 0.0;
    THERMOAI__TRY(positive(v[P]));
    THERMOAI__TRY(positive(v[S]));
    if (m.has_data)
        THERMOAI__TRY(positive(v[N]));
    {
        double *const outs[3] = { params_nats_per_j, tokens_nats_per_j, data_nats_per_j };

        return thermoai__store(outs, v, 3);
    }
}

/* ---- the two-term closed form --------------------------------------------------- */

/* ln G = (ln(g_p c_p) - ln(g_s c_s)) / (g_p + g_s). */
static double ln_g(const struct thermoai__loss *m)
{
    return (log(m->expo[P]) + m->ln_coef[P] - log(m->expo[S]) - m->ln_coef[S]) / (m->expo[P] + m->expo[S]);
}

/* x_p, x_s of the two-term optimum for ln X = ln(E_compute / a_c). */
static void closed_form_x(const struct thermoai__loss *m, double ln_x, double *x)
{
    x[P] = ln_g(m) + m->expo[S] / (m->expo[P] + m->expo[S]) * ln_x;
    x[S] = ln_x - x[P];
    x[N] = 0.0;
}

int thermoai_allocate_compute_optimal(const thermoai_loss_model *loss, double flop, double *params,
                                      double *tokens, double *loss_nats)
{
    struct thermoai__loss m;
    double x[3], v[3];

    THERMOAI__OUTPUTS(params, tokens, loss_nats);
    THERMOAI__TRY(thermoai__loss_load(loss, &m));
    THERMOAI__TRY(THERMOAI__CHECK({ flop, THERMOAI__POS }));
    m.has_data = 0;
    closed_form_x(&m, log(flop) - log(6.0), x);
    v[0] = exp(x[P]);
    v[1] = exp(x[S]);
    v[2] = m.e_inf + exp(thermoai__loss_ln_excess(&m, x));
    THERMOAI__TRY(positive(v[0]));
    THERMOAI__TRY(positive(v[1]));
    {
        double *const outs[3] = { params, tokens, loss_nats };

        return thermoai__store(outs, v, 3);
    }
}

/* ---- the result ------------------------------------------------------------------- */

/* NaN in every double field of a result struct, iterations 0. */
static void result_nan(thermoai_allocate_result *r)
{
    r->iterations = 0;
    r->params = r->tokens = r->data = r->loss_nats = r->multiplier_nats_per_j = r->energy_j =
        r->compute_energy_j = r->data_energy_j = r->memory_energy_j = r->fixed_energy_j =
            r->tokens_per_param = r->marginal_spread = r->params_elasticity = r->tokens_elasticity =
                r->data_elasticity = (double)NAN;
}

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t result_doubles[] = {
    offsetof(thermoai_allocate_result, params),
    offsetof(thermoai_allocate_result, tokens),
    offsetof(thermoai_allocate_result, data),
    offsetof(thermoai_allocate_result, loss_nats),
    offsetof(thermoai_allocate_result, multiplier_nats_per_j),
    offsetof(thermoai_allocate_result, energy_j),
    offsetof(thermoai_allocate_result, compute_energy_j),
    offsetof(thermoai_allocate_result, data_energy_j),
    offsetof(thermoai_allocate_result, memory_energy_j),
    offsetof(thermoai_allocate_result, fixed_energy_j),
    offsetof(thermoai_allocate_result, tokens_per_param),
    offsetof(thermoai_allocate_result, marginal_spread),
    offsetof(thermoai_allocate_result, params_elasticity),
    offsetof(thermoai_allocate_result, tokens_elasticity),
    offsetof(thermoai_allocate_result, data_elasticity),
};
#define N_RESULT_DOUBLES (sizeof result_doubles / sizeof result_doubles[0])

/* Output check: E_NULL, E_SIZE (the doubles the caller's size covers are NaN then). */
static int result_check(thermoai_allocate_result *out)
{
    if (out == NULL)
        return THERMOAI_E_NULL;
    return thermoai__struct_out_check(out, THERMOAI__SIZE_V0_ALLOCATE_RESULT, sizeof *out,
                                      result_doubles, N_RESULT_DOUBLES);
}

/* Writes r (or NaN on error) into the caller's struct; returns status. */
static int result_out(thermoai_allocate_result *out, thermoai_allocate_result *r, int status)
{
    r->struct_size = (uint32_t)sizeof *r;
    if (status != THERMOAI_OK)
        result_nan(r);
    (void)thermoai__struct_out(out, THERMOAI__SIZE_V0_ALLOCATE_RESULT, r, sizeof *r);
    return status;
}

/*
 * Fills r from log-resources x and multiplier ell: resources, loss, energy
 * split, ratio and the marginal spread recomputed from the returned doubles.
 */
static int fill_result(const struct thermoai__loss *m, const struct emodel *e, const double *x,
                       double ell, thermoai_allocate_result *r)
{
    double xr[3], lr[3], spread = 0.0;
    int i;

    r->params = exp(x[P]);
    r->tokens = exp(x[S]);
    r->data = m->has_data ? exp(x[N]) : 0.0;
    THERMOAI__TRY(positive(r->params));
    THERMOAI__TRY(positive(r->tokens));
    if (m->has_data)
        THERMOAI__TRY(positive(r->data));
    xr[P] = log(r->params);
    xr[S] = log(r->tokens);
    xr[N] = m->has_data ? log(r->data) : 0.0;
    r->loss_nats = m->e_inf + exp(thermoai__loss_ln_excess(m, xr));
    r->multiplier_nats_per_j = exp(ell);
    THERMOAI__TRY(positive(r->multiplier_nats_per_j));
    r->compute_energy_j = e->ac * r->params * r->tokens;
    r->data_energy_j = e->ad * r->data;
    r->memory_energy_j = e->am * r->params;
    r->fixed_energy_j = e->e0;
    r->energy_j = r->compute_energy_j + r->data_energy_j + r->memory_energy_j + r->fixed_energy_j;
    if (!isfinite(r->energy_j) || !isfinite(r->compute_energy_j))
        return THERMOAI_E_RANGE;
    r->tokens_per_param = exp(xr[S] - xr[P]);
    ln_marginals(m, e, xr, lr);
    for (i = 0; i < (m->has_data ? 3 : 2); i++) {
        double d = fabs(expm1(lr[i] - ell));

        if (!(d <= spread)) /* NaN-safe maximum */
            spread = d;
    }
    r->marginal_spread = spread;
    if (!isfinite(r->tokens_per_param) || !isfinite(r->loss_nats))
        return THERMOAI_E_RANGE;
    return THERMOAI_OK;
}

int thermoai_allocate_closed_form(const thermoai_loss_model *loss,
                                  const thermoai_allocate_energy_model *energy, double budget_j,
                                  thermoai_allocate_result *result)
{
    thermoai_allocate_result r;
    struct thermoai__loss m;
    struct emodel e;
    double x[3], ev;
    int status;

    THERMOAI__TRY(result_check(result));
    memset(&r, 0, sizeof r);
    status = load_both(loss, energy, &m, &e);
    if (status == THERMOAI_OK)
        status = THERMOAI__CHECK({ budget_j, THERMOAI__NONNEG });
    if (status == THERMOAI_OK && (m.has_data || e.am > 0.0))
        status = THERMOAI_E_UNSUPPORTED;
    if (status == THERMOAI_OK && !(budget_j > e.e0))
        status = THERMOAI_E_DOMAIN;
    if (status == THERMOAI_OK) {
        ev = budget_j - e.e0;
        closed_form_x(&m, log(ev) - e.ln_ac, x);
        /* mu = g_p c_p p^-g_p / (a_c p s): from the params condition with a_m = 0 */
        status = fill_result(&m, &e, x, log(m.expo[P]) + m.ln_coef[P] - m.expo[P] * x[P] - log(ev), &r);
        r.params_elasticity = m.expo[S] / (m.expo[P] + m.expo[S]);
        r.tokens_elasticity = m.expo[P] / (m.expo[P] + m.expo[S]);
        r.data_elasticity = 0.0;
    }
    return result_out(result, &r, status);
}

/* ---- the general solver ---------------------------------------------------------------- */

struct problem {
    const struct thermoai__loss *m;
    const struct emodel *e;
    double k0, q;
};

/* The stationary allocation at multiplier exp(ell) and its derivatives. */
struct station {
    double x[3];   /* log-resources */
    double dx[3];  /* d x / d ell */
    double ln_e;   /* ln of the variable energy */
    double dln_e;  /* d ln_e / d ell (< 0) */
    double ln_l;   /* ln of the excess loss */
    double dln_l;  /* d ln_l / d ell (> 0) */
};

static void problem_init(struct problem *pb, const struct thermoai__loss *m, const struct emodel *e)
{
    pb->m = m;
    pb->e = e;
    pb->q = (m->expo[S] + 1.0) * (m->expo[P] + 1.0);
    pb->k0 = log(m->expo[P]) + m->ln_coef[P] - (m->expo[P] + 1.0) * (log(m->expo[S]) + m->ln_coef[S] - e->ln_ac);
}

/* sigma(x) = a_c e^x / (a_c e^x + a_m) */
static double sigma(const struct emodel *e, double x)
{
    return e->am > 0.0 ? 1.0 / (1.0 + exp(e->ln_am - e->ln_ac - x)) : 1.0;
}

static int station_at(const struct problem *pb, double ell, struct station *st)
{
    const struct thermoai__loss *m = pb->m;
    const struct emodel *e = pb->e;
    double x, t[3], w, lt[3];
    int i, k;

    /* tokens: Newton on the concave increasing f from the a_m = 0 root (left of the root) */
    x = (e->ln_ac - pb->k0 - m->expo[P] * ell) / (pb->q - 1.0);
    if (e->am > 0.0) {
        for (k = 0;; k++) {
            double f = pb->k0 + m->expo[P] * ell + pb->q * x - thermoai__lse2(e->ln_ac + x, e->ln_am);
            double step = f / (pb->q - sigma(e, x));

            if (!isfinite(step))
                return THERMOAI_E_RANGE;
            /* from the left the steps are negative (x grows); a step >= 0 is rounding at the root */
            if (!(step < 0.0))
                break;
            x -= step;
            if (-step <= 4.0 * DBL_EPSILON * (1.0 + fabs(x)))
                break;
            if (k == MAX_INNER)
                return THERMOAI_E_NO_CONVERGENCE;
        }
    }
    st->x[S] = x;
    st->dx[S] = -m->expo[P] / (pb->q - sigma(e, x));
    st->x[P] = log(m->expo[S]) + m->ln_coef[S] - (m->expo[S] + 1.0) * x - ell - e->ln_ac;
    st->dx[P] = -(m->expo[S] + 1.0) * st->dx[S] - 1.0;
    if (m->has_data) {
        st->x[N] = (log(m->expo[N]) + m->ln_coef[N] - ell - e->ln_ad) / (m->expo[N] + 1.0);
        st->dx[N] = -1.0 / (m->expo[N] + 1.0);
    } else {
        st->x[N] = 0.0;
        st->dx[N] = 0.0;
    }
    /* energy terms: compute, memory, data */
    t[0] = e->ln_ac + st->x[P] + st->x[S];
    t[1] = e->ln_am + st->x[P];
    t[2] = m->has_data ? e->ln_ad + st->x[N] : -(double)INFINITY;
    st->ln_e = thermoai__lse2(thermoai__lse2(t[0], t[1]), t[2]);
    st->dln_e = 0.0;
    {
        const double dt[3] = { st->dx[P] + st->dx[S], st->dx[P], st->dx[N] };

        for (i = 0; i < 3; i++)
            if (t[i] > -(double)INFINITY) {
                w = exp(t[i] - st->ln_e);
                st->dln_e += w * dt[i];
            }
    }
    /* excess-loss terms */
    st->ln_l = thermoai__loss_ln_excess(m, st->x);
    st->dln_l = 0.0;
    for (i = 0; i < (m->has_data ? 3 : 2); i++) {
        lt[i] = m->ln_coef[i] - m->expo[i] * st->x[i];
        st->dln_l += exp(lt[i] - st->ln_l) * -m->expo[i] * st->dx[i];
    }
    if (!isfinite(st->ln_e) || !isfinite(st->ln_l) || !isfinite(st->dln_e) || !isfinite(st->dln_l)
        || !(st->dln_e < 0.0) || !(st->dln_l > 0.0))
        return THERMOAI_E_RANGE;
    return THERMOAI_OK;
}

/* g(ell) = sign * (h(ell) - target), increasing; h = ln_e (sign -1) or ln_l (sign +1). */
static int eval(const struct problem *pb, int by_loss, double target, double ell, struct station *st,
                double *g, double *dg)
{
    THERMOAI__TRY(station_at(pb, ell, st));
    if (by_loss) {
        *g = st->ln_l - target;
        *dg = st->dln_l;
    } else {
        *g = target - st->ln_e;
        *dg = -st->dln_e;
    }
    return THERMOAI_OK;
}

/*
 * Solves g(ell) = 0 from the guess ell0: a bracket by doubling steps, then
 * Newton steps kept inside it (bisection when one would leave it).
 */
static int solve_ell(const struct problem *pb, int by_loss, double target, double ell0,
                     struct station *st, double *ell_out, uint32_t *iterations)
{
    double lo, hi, ell = ell0, g, dg, step = 1.0;
    int k;

    THERMOAI__TRY(eval(pb, by_loss, target, ell, st, &g, &dg));
    lo = hi = ell;
    if (g < 0.0) {
        for (k = 0; g < 0.0; k++) {
            lo = ell;
            if (k == 64)
                return THERMOAI_E_RANGE;
            ell = lo + step;
            step *= 2.0;
            THERMOAI__TRY(eval(pb, by_loss, target, ell, st, &g, &dg));
        }
        hi = ell;
    } else if (g > 0.0) {
        for (k = 0; g > 0.0; k++) {
            hi = ell;
            if (k == 64)
                return THERMOAI_E_RANGE;
            ell = hi - step;
            step *= 2.0;
            THERMOAI__TRY(eval(pb, by_loss, target, ell, st, &g, &dg));
        }
        lo = ell;
    }
    for (k = 1;; k++) {
        const double tol = 2.0 * DBL_EPSILON * (1.0 + fabs(ell));
        double next;
        int done;

        if (!(fabs(g) > 8.0 * DBL_EPSILON * (1.0 + fabs(target))))
            break; /* at the root to the rounding of g */
        if (g < 0.0)
            lo = ell;
        else
            hi = ell;
        next = ell - g / dg;
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        done = fabs(next - ell) <= tol || !(hi - lo > tol);
        ell = next;
        THERMOAI__TRY(eval(pb, by_loss, target, ell, st, &g, &dg));
        if (done)
            break;
        if (k == MAX_OUTER)
            return THERMOAI_E_NO_CONVERGENCE;
    }
    *ell_out = ell;
    *iterations = (uint32_t)k;
    return THERMOAI_OK;
}

/* The two-term closed-form multiplier for a variable energy ln_ev: the first guess. */
static double guess_ell(const struct thermoai__loss *m, const struct emodel *e, double ln_ev)
{
    double x[3];

    closed_form_x(m, ln_ev - e->ln_ac, x);
    return log(m->expo[P]) + m->ln_coef[P] - m->expo[P] * x[P] - ln_ev;
}

static int solve_common(const struct thermoai__loss *m, const struct emodel *e, int by_loss,
                        double target, double ln_ev_guess, thermoai_allocate_result *r)
{
    struct problem pb;
    struct station st;
    double ell = 0.0;
    uint32_t it = 0;

    problem_init(&pb, m, e);
    THERMOAI__TRY(solve_ell(&pb, by_loss, target, guess_ell(m, e, ln_ev_guess), &st, &ell, &it));
    THERMOAI__TRY(fill_result(m, e, st.x, ell, r));
    r->iterations = it;
    r->params_elasticity = st.dx[P] / st.dln_e;
    r->tokens_elasticity = st.dx[S] / st.dln_e;
    r->data_elasticity = m->has_data ? st.dx[N] / st.dln_e : 0.0;
    if (!(r->marginal_spread <= SPREAD_TOL))
        return THERMOAI_E_LOSS;
    return THERMOAI_OK;
}

int thermoai_allocate_solve(const thermoai_loss_model *loss,
                            const thermoai_allocate_energy_model *energy, double budget_j,
                            thermoai_allocate_result *result)
{
    thermoai_allocate_result r;
    struct thermoai__loss m;
    struct emodel e;
    int status;

    THERMOAI__TRY(result_check(result));
    memset(&r, 0, sizeof r);
    status = load_both(loss, energy, &m, &e);
    if (status == THERMOAI_OK)
        status = THERMOAI__CHECK({ budget_j, THERMOAI__NONNEG });
    if (status == THERMOAI_OK && (!(budget_j > e.e0) || (m.has_data && !(e.ad > 0.0))))
        status = THERMOAI_E_DOMAIN;
    if (status == THERMOAI_OK) {
        const double ev = budget_j - e.e0, ln_ev = log(ev);

        status = solve_common(&m, &e, 0, ln_ev, ln_ev, &r);
        if (status == THERMOAI_OK
            && !(fabs(r.compute_energy_j + r.data_energy_j + r.memory_energy_j - ev) <= BUDGET_TOL * ev))
            status = THERMOAI_E_LOSS;
    }
    return result_out(result, &r, status);
}

int thermoai_allocate_isoloss(const thermoai_loss_model *loss,
                              const thermoai_allocate_energy_model *energy,
                              double target_loss_nats, thermoai_allocate_result *result)
{
    thermoai_allocate_result r;
    struct thermoai__loss m;
    struct emodel e;
    int status;

    THERMOAI__TRY(result_check(result));
    memset(&r, 0, sizeof r);
    status = load_both(loss, energy, &m, &e);
    if (status == THERMOAI_OK)
        status = THERMOAI__CHECK({ target_loss_nats, THERMOAI__FINITE });
    if (status == THERMOAI_OK && (!(target_loss_nats > m.e_inf) || (m.has_data && !(e.ad > 0.0))))
        status = THERMOAI_E_DOMAIN;
    if (status == THERMOAI_OK) {
        const double ln_delta = log(target_loss_nats - m.e_inf);
        const double gp = m.expo[P], gs = m.expo[S], delta = gp * gs / (gp + gs), lg = ln_g(&m);
        /* two-term inverse for the first guess: ln X = (ln K - ln Delta) / delta */
        const double ln_k = thermoai__lse2(m.ln_coef[P] - gp * lg, m.ln_coef[S] + gs * lg);

        status = solve_common(&m, &e, 1, ln_delta, e.ln_ac + (ln_k - ln_delta) / delta, &r);
        if (status == THERMOAI_OK
            && !(fabs(r.loss_nats - target_loss_nats) <= 1e-12 * (target_loss_nats - m.e_inf) + 4.0 * DBL_EPSILON * target_loss_nats))
            status = THERMOAI_E_LOSS;
    }
    return result_out(result, &r, status);
}

int thermoai_allocate_isoloss_asymptotic_j(const thermoai_loss_model *loss,
                                           const thermoai_allocate_energy_model *energy,
                                           double target_loss_nats, double *energy_j,
                                           double *exponent)
{
    struct thermoai__loss m;
    struct emodel e;
    double gp, gs, lg, ln_k, v[2];

    THERMOAI__OUTPUTS(energy_j, exponent);
    THERMOAI__TRY(load_both(loss, energy, &m, &e));
    THERMOAI__TRY(THERMOAI__CHECK({ target_loss_nats, THERMOAI__FINITE }));
    if (!(target_loss_nats > m.e_inf))
        return THERMOAI_E_DOMAIN;
    gp = m.expo[P];
    gs = m.expo[S];
    lg = ln_g(&m);
    ln_k = thermoai__lse2(m.ln_coef[P] - gp * lg, m.ln_coef[S] + gs * lg);
    v[1] = (gp + gs) / (gp * gs);
    v[0] = exp(e.ln_ac + v[1] * (ln_k - log(target_loss_nats - m.e_inf)));
    THERMOAI__TRY(positive(v[0]));
    {
        double *const outs[2] = { energy_j, exponent };

        return thermoai__store(outs, v, 2);
    }
}

int thermoai_allocate_asymptotic_exponents(const thermoai_loss_model *loss, double *params_exponent,
                                           double *tokens_exponent, double *data_exponent,
                                           double *loss_exponent)
{
    struct thermoai__loss m;
    double gp, gs, delta, share = 1.0, v[4];

    THERMOAI__OUTPUTS(params_exponent, tokens_exponent, data_exponent, loss_exponent);
    THERMOAI__TRY(thermoai__loss_load(loss, &m));
    gp = m.expo[P];
    gs = m.expo[S];
    delta = gp * gs / (gp + gs);
    v[2] = 0.0;
    v[3] = -delta;
    if (m.has_data) {
        const double gn = m.expo[N];

        if (gn < delta) { /* the data term decays slower: it takes the budget */
            v[2] = 1.0;
            v[3] = -gn;
            share = (gn + 1.0) / (delta + 1.0);
        } else {
            v[2] = (delta + 1.0) / (gn + 1.0);
        }
    }
    v[0] = share * gs / (gp + gs);
    v[1] = share * gp / (gp + gs);
    {
        double *const outs[4] = { params_exponent, tokens_exponent, data_exponent, loss_exponent };

        return thermoai__store(outs, v, 4);
    }
}
