/* SPDX-License-Identifier: MIT */
/* Rate-distortion: closed forms, the energy bound, Blahut-Arimoto (rd.h). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "common/arena.h"
#include "common/arrays.h"
#include "common/xnum.h"
#include "info_kernels.h"
#include "pmf_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_rd_ba_params) == THERMOAI__SIZE_V0_RD_BA_PARAMS,
                        rd_ba_params_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_rd_ba_result) == THERMOAI__SIZE_V0_RD_BA_RESULT,
                        rd_ba_result_size);

#define DEFAULT_MAX_ITERATIONS 100000u
#define DEFAULT_TOLERANCE_BITS 1e-6
/* Warm starts lift every output probability by this much (over the alphabet). */
#define WARM_LIFT 1e-9
/* Most slopes one target-distortion search evaluates. */
#define SEARCH_EVALUATIONS 200
#define KNOWN_FLAGS (THERMOAI_RD_BA_COLD | THERMOAI_RD_BA_PORTABLE)

/* ---- closed forms ------------------------------------------------------------------ */

/* Binary entropy in nats, exact at the ends. */
static double hb_nats(double x)
{
    if (x <= 0.0 || x >= 1.0)
        return 0.0;
    return -x * log(x) - (1.0 - x) * log1p(-x);
}

int thermoai_rd_gaussian_bits(double variance, double distortion, double *rate_bits)
{
    THERMOAI__OUTPUTS(rate_bits);
    THERMOAI__TRY(THERMOAI__CHECK({ variance, THERMOAI__POS }, { distortion, THERMOAI__NONNEG }));
    if (distortion == 0.0)
        return THERMOAI_E_DOMAIN;
    if (distortion >= variance) {
        *rate_bits = 0.0;
        return THERMOAI_OK;
    }
    /* ln(sigma^2 / D) without forming the ratio (it may overflow) and without a
     * difference of two logs (it cancels where D is near sigma^2) */
    return thermoai__finish(thermoai__log_ratio(variance, distortion) * (0.5 * THERMOAI__LOG2E),
                            rate_bits);
}

int thermoai_rd_gaussian_distortion(double variance, double rate_bits, double *distortion)
{
    THERMOAI__OUTPUTS(distortion);
    THERMOAI__TRY(THERMOAI__CHECK({ variance, THERMOAI__POS }, { rate_bits, THERMOAI__NONNEG }));
    /* sigma^2 2^(-2R) in extended range: 2^(-2R) alone may underflow */
    return thermoai__xn_finish_positive(
        thermoai__xn_mul(thermoai__xn_from(variance),
                         thermoai__xn_pow(thermoai__xn_from(2.0), -2.0 * rate_bits)),
        distortion);
}

int thermoai_rd_bernoulli_bits(double p, double distortion, double *rate_bits)
{
    double m;

    THERMOAI__OUTPUTS(rate_bits);
    THERMOAI__TRY(THERMOAI__CHECK({ p, THERMOAI__NONNEG }, { distortion, THERMOAI__NONNEG }));
    if (p > 1.0)
        return THERMOAI_E_INVALID;
    m = p <= 0.5 ? p : 1.0 - p; /* exact for p >= 1/2 (Sterbenz) */
    if (distortion >= m) {
        *rate_bits = 0.0;
        return THERMOAI_OK;
    }
    return thermoai__finish((hb_nats(m) - hb_nats(distortion)) / THERMOAI__LN2, rate_bits);
}

int thermoai_rd_gaussian_energy_j(double variance, double distortion, double temperature_k,
                                  double *energy_j)
{
    double r;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ variance, THERMOAI__POS }, { distortion, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }));
    THERMOAI__TRY(thermoai_rd_gaussian_bits(variance, distortion, &r));
    return thermoai_landauer_energy_j(r, temperature_k, energy_j);
}

int thermoai_rd_bernoulli_energy_j(double p, double distortion, double temperature_k,
                                   double *energy_j)
{
    double r;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ p, THERMOAI__NONNEG }, { distortion, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }));
    THERMOAI__TRY(thermoai_rd_bernoulli_bits(p, distortion, &r));
    return thermoai_landauer_energy_j(r, temperature_k, energy_j);
}

/* ---- the solver -------------------------------------------------------------------- */

/* What the matrix a holds. */
enum { A_NONE = 0, A_SLOPE = 1, A_INDICATOR = 2 };

/* A point reported by an execution: the mixture theta Q(q_lo, s_lo) + (1 - theta) Q(q_hi, s_hi). */
struct point {
    int valid;
    int lo_indicator;  /* q_lo's slope is -infinity */
    double s_lo, s_hi; /* nats per unit of distortion */
    double theta;      /* weight of the lo channel, in [0, 1] */
};

struct thermoai_rd_ba {
    thermoai_allocator alloc;
    void *arena;
    size_t arena_bytes;
    struct thermoai__info_kernels k;
    size_t nx, ny, ld;
    uint32_t flags, max_iterations;
    double tol_nats;
    double *p;    /* nx: the source pmf, normalised */
    double *dmin; /* nx: row minima of the distortion */
    double *c;    /* nx: normalisers of the last pass */
    double *dsh;  /* nx x ld: d - dmin(x), padding 0 */
    double *a;    /* nx x ld: 2^(s dsh) for the current slope, padding 0 */
    double *q;    /* ld: the output pmf the next iteration starts from, padding 0 */
    double *t;    /* ld: lambda of the last pass */
    double *q_lo, *q_hi; /* ld: the pmfs of the reported point */
    double d_min, d_max; /* D_min and D_max */
    size_t y_max;        /* the constant reproduction that achieves D_max */
    int a_state;
    double a_slope;      /* nats, when a_state is A_SLOPE */
    int q_state;         /* what q was last iterated at (A_NONE: never) */
    double q_slope;
    struct point pt;
};

/* Statistics of one pass. */
struct pass {
    double f;      /* -sum_x p ln c (shifted) */
    double lnmax;  /* ln max lambda */
    double mean;   /* sum_y q lambda ln lambda */
    double gap;    /* lnmax - mean: rate minus lower bound, nats */
};

/* A point of the curve in nats and shifted distortion. */
struct curve_point {
    double s;      /* slope, nats; -INFINITY for the indicator */
    double dsh;    /* D - D_min */
    double rate;   /* I(p, Q), nats (clamped >= 0) */
    double tl;     /* f - lnmax: the supporting line is s * (D - D_min) + tl */
    double lag;    /* f - mean */
    double gap;
};

int thermoai_rd_ba_params_init(thermoai_rd_ba_params *params, size_t size)
{
    return thermoai__struct_init(params, size, THERMOAI__SIZE_V0_RD_BA_PARAMS);
}

size_t thermoai_rd_ba_params_size(void)
{
    return sizeof(thermoai_rd_ba_params);
}

int thermoai_rd_ba_result_init(thermoai_rd_ba_result *result, size_t size)
{
    return thermoai__struct_init(result, size, THERMOAI__SIZE_V0_RD_BA_RESULT);
}

size_t thermoai_rd_ba_result_size(void)
{
    return sizeof(thermoai_rd_ba_result);
}

/* NaN in every double field of the caller's result that fits its struct_size. */
static void result_nan(thermoai_rd_ba_result *user)
{
    static const size_t offs[] = { offsetof(thermoai_rd_ba_result, slope_bits),
                                   offsetof(thermoai_rd_ba_result, distortion),
                                   offsetof(thermoai_rd_ba_result, rate_bits),
                                   offsetof(thermoai_rd_ba_result, rate_lower_bits),
                                   offsetof(thermoai_rd_ba_result, lagrangian_bits) };
    const double nan = (double)NAN;
    uint32_t size;
    size_t i;

    if (user == NULL)
        return;
    size = thermoai__struct_size_of(user);
    for (i = 0; i < sizeof offs / sizeof offs[0]; i++)
        if (offs[i] + sizeof(double) <= size)
            memcpy((unsigned char *)user + offs[i], &nan, sizeof nan);
}

/* The common start of every execution: E_NULL, then E_SIZE. */
static int result_check(const thermoai_rd_ba *h, thermoai_rd_ba_result *res)
{
    result_nan(res);
    if (h == NULL || res == NULL)
        return THERMOAI_E_NULL;
    if (thermoai__struct_size_of(res) < THERMOAI__SIZE_V0_RD_BA_RESULT)
        return THERMOAI_E_SIZE;
    return THERMOAI_OK;
}

static int result_store(thermoai_rd_ba_result *res, const thermoai_rd_ba_result *ours)
{
    const double v[5] = { ours->slope_bits, ours->distortion, ours->rate_bits,
                          ours->rate_lower_bits, ours->lagrangian_bits };
    size_t i;

    for (i = 0; i < 5; i++)
        if (!isfinite(v[i])) {
            result_nan(res);
            return THERMOAI_E_RANGE;
        }
    return thermoai__struct_out(res, THERMOAI__SIZE_V0_RD_BA_RESULT, ours, sizeof *ours);
}

int thermoai_rd_ba_create(const double *source, size_t nx, const double *distortion,
                          size_t nxhat, const thermoai_rd_ba_params *params,
                          thermoai_rd_ba **solver)
{
    return thermoai_rd_ba_create_ex(source, nx, distortion, nxhat, params, NULL, solver);
}

/* Validates everything create needs, in the order of the error idiom. */
static int create_check(const double *source, size_t nx, const double *distortion,
                        size_t nxhat, const thermoai_rd_ba_params *params,
                        thermoai_rd_ba_params *par, size_t *ld)
{
    size_t n, i;
    double s;

    memset(par, 0, sizeof *par);
    par->struct_size = (uint32_t)sizeof *par;
    if (source == NULL || distortion == NULL)
        return THERMOAI_E_NULL;
    if (params != NULL)
        THERMOAI__TRY(thermoai__struct_in(params, THERMOAI__SIZE_V0_RD_BA_PARAMS, par, sizeof *par));
    if (nx == 0 || nxhat == 0 || nxhat > ((size_t)1 << 40) || nx > ((size_t)1 << 40))
        return THERMOAI_E_INVALID;
    *ld = thermoai__info_ld(nxhat);
    if (nx > ((size_t)1 << 40) / *ld)
        return THERMOAI_E_INVALID;
    n = nx * nxhat;
    THERMOAI__TRY(thermoai__pmf_finite(source, nx));
    THERMOAI__TRY(thermoai__pmf_finite(distortion, n));
    if (!isfinite(par->tolerance_bits))
        return THERMOAI_E_NONFINITE;
    if ((par->flags & ~KNOWN_FLAGS) != 0 || par->reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    if (par->tolerance_bits < 0.0)
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(thermoai__pmf_sum(source, nx, &s));
    for (i = 0; i < n; i++)
        if (distortion[i] < 0.0)
            return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

int thermoai_rd_ba_create_ex(const double *source, size_t nx, const double *distortion,
                             size_t nxhat, const thermoai_rd_ba_params *params,
                             const thermoai_allocator *allocator, thermoai_rd_ba **solver)
{
    thermoai_rd_ba_params par;
    thermoai_allocator al;
    struct thermoai__layout l = { 0, 0 };
    size_t ld = 0, o_p, o_dmin, o_c, o_dsh, o_a, o_q, o_t, o_qlo, o_qhi, x, y;
    struct thermoai__ksum kd = { 0.0, 0.0 };
    thermoai_rd_ba *h;
    double sum, best;
    char *base;

    if (solver == NULL)
        return THERMOAI_E_NULL;
    *solver = NULL;
    THERMOAI__TRY(create_check(source, nx, distortion, nxhat, params, &par, &ld));
    THERMOAI__TRY(thermoai__allocator_resolve(allocator, &al));
    h = (thermoai_rd_ba *)al.alloc(sizeof *h, al.user);
    if (h == NULL)
        return THERMOAI_E_NOMEM;
    memset(h, 0, sizeof *h);
    h->alloc = al;
    o_p = thermoai__layout_reserve(&l, nx, sizeof(double));
    o_dmin = thermoai__layout_reserve(&l, nx, sizeof(double));
    o_c = thermoai__layout_reserve(&l, nx, sizeof(double));
    o_dsh = thermoai__layout_reserve(&l, nx * ld, sizeof(double));
    o_a = thermoai__layout_reserve(&l, nx * ld, sizeof(double));
    o_q = thermoai__layout_reserve(&l, ld, sizeof(double));
    o_t = thermoai__layout_reserve(&l, ld, sizeof(double));
    o_qlo = thermoai__layout_reserve(&l, ld, sizeof(double));
    o_qhi = thermoai__layout_reserve(&l, ld, sizeof(double));
    if ((h->arena_bytes = thermoai__layout_total(&l)) == 0
        || (h->arena = al.alloc(h->arena_bytes, al.user)) == NULL) {
        al.release(h, al.user);
        return THERMOAI_E_NOMEM;
    }
    base = (char *)thermoai__align(h->arena, THERMOAI__ARENA_ALIGN);
    h->p = (double *)(void *)(base + o_p);
    h->dmin = (double *)(void *)(base + o_dmin);
    h->c = (double *)(void *)(base + o_c);
    h->dsh = (double *)(void *)(base + o_dsh);
    h->a = (double *)(void *)(base + o_a);
    h->q = (double *)(void *)(base + o_q);
    h->t = (double *)(void *)(base + o_t);
    h->q_lo = (double *)(void *)(base + o_qlo);
    h->q_hi = (double *)(void *)(base + o_qhi);
    h->nx = nx;
    h->ny = nxhat;
    h->ld = ld;
    h->flags = par.flags;
    h->max_iterations = par.max_iterations ? par.max_iterations : DEFAULT_MAX_ITERATIONS;
    h->tol_nats = (par.tolerance_bits > 0.0 ? par.tolerance_bits : DEFAULT_TOLERANCE_BITS)
                  * THERMOAI__LN2;
    thermoai__info_kernels_select(&h->k, (par.flags & THERMOAI_RD_BA_PORTABLE) == 0);

    (void)thermoai__pmf_sum(source, nx, &sum); /* validated by create_check */
    memset(h->dsh, 0, nx * ld * sizeof(double));
    memset(h->a, 0, nx * ld * sizeof(double));
    for (x = 0; x < nx; x++) {
        const double *row = distortion + x * nxhat;
        double m = row[0];

        h->p[x] = source[x] / sum;
        for (y = 1; y < nxhat; y++)
            if (row[y] < m)
                m = row[y];
        h->dmin[x] = m;
        for (y = 0; y < nxhat; y++)
            h->dsh[x * ld + y] = row[y] - m;
        thermoai__ksum_add(&kd, h->p[x] * m);
    }
    h->d_min = thermoai__ksum_value(&kd);
    best = (double)INFINITY;
    for (y = 0; y < nxhat; y++) {
        struct thermoai__ksum k = { 0.0, 0.0 };

        for (x = 0; x < nx; x++)
            thermoai__ksum_add(&k, h->p[x] * distortion[x * nxhat + y]);
        if (thermoai__ksum_value(&k) < best) {
            best = thermoai__ksum_value(&k);
            h->y_max = y;
        }
    }
    h->d_max = best > h->d_min ? best : h->d_min;
    memset(h->q, 0, ld * sizeof(double));
    memset(h->t, 0, ld * sizeof(double));
    memset(h->q_lo, 0, ld * sizeof(double));
    memset(h->q_hi, 0, ld * sizeof(double));
    for (y = 0; y < nxhat; y++)
        h->q[y] = 1.0 / (double)nxhat;
    h->a_state = A_NONE;
    h->q_state = A_NONE;
    *solver = h;
    return THERMOAI_OK;
}

void thermoai_rd_ba_free(thermoai_rd_ba *solver)
{
    thermoai_allocator al;

    if (solver == NULL)
        return;
    al = solver->alloc;
    al.release(solver->arena, al.user);
    al.release(solver, al.user);
}

int thermoai_rd_ba_distortion_range(const thermoai_rd_ba *solver, double *dmin, double *dmax)
{
    const double v[2] = { solver != NULL ? solver->d_min : 0.0, solver != NULL ? solver->d_max : 0.0 };
    double *const outs[2] = { dmin, dmax };

    THERMOAI__OUTPUTS(dmin, dmax);
    if (solver == NULL)
        return THERMOAI_E_NULL;
    return thermoai__store(outs, v, 2);
}

int thermoai_rd_ba_kernel_name(const thermoai_rd_ba *solver, const char **name)
{
    if (name != NULL)
        *name = NULL;
    if (solver == NULL || name == NULL)
        return THERMOAI_E_NULL;
    *name = solver->k.name;
    return THERMOAI_OK;
}

/* ---- the iteration ------------------------------------------------------------------ */

/* Fills a for slope s (nats), or with the indicator of dsh == 0. */
static void set_matrix(thermoai_rd_ba *h, int state, double s)
{
    size_t x, y;

    if (h->a_state == state && (state == A_INDICATOR || h->a_slope == s))
        return;
    if (state == A_INDICATOR) {
        for (x = 0; x < h->nx; x++)
            for (y = 0; y < h->ny; y++)
                h->a[x * h->ld + y] = h->dsh[x * h->ld + y] == 0.0 ? 1.0 : 0.0;
    } else {
        h->k.expscale(h->a, h->dsh, h->nx * h->ld, s);
        if (h->ld != h->ny)
            for (x = 0; x < h->nx; x++)
                memset(h->a + x * h->ld + h->ny, 0, (h->ld - h->ny) * sizeof(double));
    }
    h->a_state = state;
    h->a_slope = s;
}

static void q_uniform(thermoai_rd_ba *h)
{
    size_t y;

    for (y = 0; y < h->ny; y++)
        h->q[y] = 1.0 / (double)h->ny;
}

/* The start of an execution at (state, s): cold, or a warm start lifted when
 * the slope differs from the one q was last iterated at. */
static void prepare_q(thermoai_rd_ba *h, int state, double s, int cold)
{
    size_t y;

    if (cold || h->q_state == A_NONE) {
        q_uniform(h);
    } else if (h->q_state != state || (state == A_SLOPE && h->q_slope != s)) {
        const double lift = WARM_LIFT / (double)h->ny;

        for (y = 0; y < h->ny; y++)
            h->q[y] = (h->q[y] + lift) / (1.0 + WARM_LIFT);
    }
    h->q_state = state;
    h->q_slope = s;
}

/* One pass: c and t from q, and their statistics. */
static int pass(thermoai_rd_ba *h, struct pass *st)
{
    struct thermoai__ksum f = { 0.0, 0.0 }, mean = { 0.0, 0.0 };
    double tmax = 0.0;
    size_t x, y;

    h->k.ba_pass(h->a, h->nx, h->ld, h->q, h->p, h->c, h->t);
    for (x = 0; x < h->nx; x++)
        if (h->p[x] > 0.0) {
            if (!(h->c[x] >= DBL_MIN) || !isfinite(h->c[x]))
                return THERMOAI_E_LOSS;
            thermoai__ksum_add(&f, -h->p[x] * log(h->c[x]));
        }
    for (y = 0; y < h->ny; y++) {
        const double ty = h->t[y];

        if (!isfinite(ty))
            return THERMOAI_E_LOSS;
        if (ty > tmax)
            tmax = ty;
        if (ty > 0.0 && h->q[y] > 0.0)
            thermoai__ksum_add(&mean, h->q[y] * ty * log(ty));
    }
    if (!(tmax > 0.0))
        return THERMOAI_E_LOSS;
    st->f = thermoai__ksum_value(&f);
    st->lnmax = log(tmax);
    st->mean = thermoai__ksum_value(&mean);
    st->gap = st->lnmax - st->mean;
    return THERMOAI_OK;
}

/* q <- q lambda, renormalised. */
static void update(thermoai_rd_ba *h)
{
    double s = 0.0;
    size_t y;

    for (y = 0; y < h->ny; y++) {
        h->q[y] *= h->t[y];
        s += h->q[y];
    }
    for (y = 0; y < h->ny; y++)
        h->q[y] /= s;
}

/* The shifted distortion sum_x p(x)/c(x) sum_y a q dsh of the channel of q (after a pass). */
static double channel_dsh(const thermoai_rd_ba *h)
{
    struct thermoai__ksum k = { 0.0, 0.0 };
    size_t x, y;

    for (x = 0; x < h->nx; x++) {
        const double *ar = h->a + x * h->ld, *dr = h->dsh + x * h->ld;
        double s = 0.0;

        if (!(h->p[x] > 0.0))
            continue;
        for (y = 0; y < h->ny; y++)
            s += ar[y] * h->q[y] * dr[y];
        thermoai__ksum_add(&k, h->p[x] / h->c[x] * s);
    }
    return thermoai__ksum_value(&k);
}

static void make_point(const thermoai_rd_ba *h, int state, double s, const struct pass *st,
                       struct curve_point *cp)
{
    cp->s = state == A_INDICATOR ? -(double)INFINITY : s;
    cp->dsh = state == A_INDICATOR ? 0.0 : channel_dsh(h);
    cp->lag = st->f - st->mean;
    cp->rate = (state == A_INDICATOR ? 0.0 : s * cp->dsh) + cp->lag;
    if (cp->rate < 0.0)
        cp->rate = 0.0;
    cp->tl = st->f - st->lnmax;
    cp->gap = st->gap;
}

/*
 * Iterates at (state, s) until the gap is at most tol or *budget passes are
 * spent (decremented). On THERMOAI_OK, *cp is the converged point and q its pmf
 * (not updated past it).
 */
static int run(thermoai_rd_ba *h, int state, double s, double tol, uint32_t *budget,
               struct curve_point *cp)
{
    struct pass st;

    set_matrix(h, state, s);
    while (*budget > 0) {
        (*budget)--;
        THERMOAI__TRY(pass(h, &st));
        if (st.gap <= tol) {
            make_point(h, state, s, &st, cp);
            return THERMOAI_OK;
        }
        update(h);
    }
    return THERMOAI_E_NO_CONVERGENCE;
}

static void fill_result(const thermoai_rd_ba *h, const struct curve_point *cp, uint32_t iterations,
                        thermoai_rd_ba_result *r)
{
    const double lower = cp->s == -(double)INFINITY ? cp->tl : cp->s * cp->dsh + cp->tl;

    memset(r, 0, sizeof *r);
    r->struct_size = (uint32_t)sizeof *r;
    r->iterations = iterations;
    r->slope_bits = cp->s == -(double)INFINITY ? -DBL_MAX : cp->s / THERMOAI__LN2;
    r->distortion = h->d_min + cp->dsh;
    r->rate_bits = cp->rate / THERMOAI__LN2;
    r->rate_lower_bits = lower > 0.0 ? lower / THERMOAI__LN2 : 0.0;
    if (r->rate_lower_bits > r->rate_bits)
        r->rate_lower_bits = r->rate_bits;
    r->lagrangian_bits = cp->lag / THERMOAI__LN2;
}

static void save_single(thermoai_rd_ba *h, int state, double s)
{
    memcpy(h->q_lo, h->q, h->ld * sizeof(double));
    h->pt.valid = 1;
    h->pt.lo_indicator = state == A_INDICATOR;
    h->pt.s_lo = s;
    h->pt.s_hi = s;
    h->pt.theta = 1.0;
}

/* The argument checks of execute and iterate: E_NULL, E_SIZE, E_NONFINITE, E_INVALID. */
static int slope_check(const thermoai_rd_ba *h, double slope_bits, thermoai_rd_ba_result *res)
{
    THERMOAI__TRY(result_check(h, res));
    if (!isfinite(slope_bits))
        return THERMOAI_E_NONFINITE;
    if (slope_bits > 0.0)
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

/* Slope 0: every pmf is optimal; rate 0 at the distortion of the current q. */
static int flat(thermoai_rd_ba *h, thermoai_rd_ba_result *res)
{
    thermoai_rd_ba_result r;
    struct curve_point cp;
    size_t x, y;
    struct thermoai__ksum k = { 0.0, 0.0 };

    if (h->flags & THERMOAI_RD_BA_COLD)
        q_uniform(h);
    for (x = 0; x < h->nx; x++) {
        double s = 0.0;

        for (y = 0; y < h->ny; y++)
            s += h->q[y] * h->dsh[x * h->ld + y];
        thermoai__ksum_add(&k, h->p[x] * s);
    }
    memset(&cp, 0, sizeof cp);
    cp.dsh = thermoai__ksum_value(&k);
    fill_result(h, &cp, 0, &r);
    h->q_state = A_SLOPE;
    h->q_slope = 0.0;
    save_single(h, A_SLOPE, 0.0);
    return result_store(res, &r);
}

int thermoai_rd_ba_execute(thermoai_rd_ba *solver, double slope_bits,
                           thermoai_rd_ba_result *result)
{
    thermoai_rd_ba_result r;
    struct curve_point cp;
    uint32_t budget;
    double s;
    int status;

    THERMOAI__TRY(slope_check(solver, slope_bits, result));
    if (slope_bits == 0.0)
        return flat(solver, result);
    s = slope_bits * THERMOAI__LN2;
    prepare_q(solver, A_SLOPE, s, (solver->flags & THERMOAI_RD_BA_COLD) != 0);
    budget = solver->max_iterations;
    status = run(solver, A_SLOPE, s, solver->tol_nats, &budget, &cp);
    if (status != THERMOAI_OK) {
        result_nan(result);
        return status;
    }
    fill_result(solver, &cp, solver->max_iterations - budget, &r);
    save_single(solver, A_SLOPE, s);
    return result_store(result, &r);
}

int thermoai_rd_ba_iterate(thermoai_rd_ba *solver, double slope_bits, uint32_t count,
                           thermoai_rd_ba_result *result)
{
    thermoai_rd_ba_result r;
    struct curve_point cp;
    struct pass st;
    uint32_t i;
    double s;

    THERMOAI__TRY(slope_check(solver, slope_bits, result));
    if (count == 0)
        return THERMOAI_E_INVALID;
    s = slope_bits * THERMOAI__LN2;
    prepare_q(solver, A_SLOPE, s, 0);
    set_matrix(solver, A_SLOPE, s);
    for (i = 0; i < count; i++) {
        THERMOAI__TRY(pass(solver, &st));
        if (i + 1 == count) {
            make_point(solver, A_SLOPE, s, &st, &cp);
            save_single(solver, A_SLOPE, s);
        }
        update(solver);
    }
    fill_result(solver, &cp, count, &r);
    return result_store(result, &r);
}

int thermoai_rd_ba_curve(thermoai_rd_ba *solver, const double *slopes_bits, size_t count,
                         double *distortion, double *rate_bits)
{
    thermoai_rd_ba_result r;
    size_t i;
    int status = THERMOAI_OK;

    if (distortion != NULL && rate_bits != NULL && slopes_bits != NULL
        && thermoai__can_own(count, 1, sizeof(double)))
        for (i = 0; i < count; i++)
            distortion[i] = rate_bits[i] = (double)NAN;
    if (solver == NULL || slopes_bits == NULL || distortion == NULL || rate_bits == NULL)
        return THERMOAI_E_NULL;
    if (!thermoai__can_own(count, 1, sizeof(double)))
        return THERMOAI_E_INVALID; /* 0, or more values than can exist */
    if (thermoai__pmf_finite(slopes_bits, count) != THERMOAI_OK)
        return THERMOAI_E_NONFINITE;
    for (i = 0; i < count; i++)
        if (slopes_bits[i] > 0.0)
            return THERMOAI_E_INVALID;
    THERMOAI__TRY(thermoai_rd_ba_result_init(&r, sizeof r));
    for (i = 0; i < count && status == THERMOAI_OK; i++) {
        status = thermoai_rd_ba_execute(solver, slopes_bits[i], &r);
        distortion[i] = r.distortion;
        rate_bits[i] = r.rate_bits;
    }
    if (status != THERMOAI_OK)
        for (i = 0; i < count; i++)
            distortion[i] = rate_bits[i] = (double)NAN;
    return status;
}

/* ---- a target distortion ----------------------------------------------------------- */

/* The constant reproduction y_max: rate 0 at D_max. */
static int constant_point(thermoai_rd_ba *h, thermoai_rd_ba_result *res)
{
    thermoai_rd_ba_result r;
    struct curve_point cp;

    memset(h->q, 0, h->ld * sizeof(double));
    h->q[h->y_max] = 1.0;
    h->q_state = A_SLOPE;
    h->q_slope = 0.0;
    memset(&cp, 0, sizeof cp);
    cp.dsh = h->d_max - h->d_min;
    fill_result(h, &cp, 0, &r);
    save_single(h, A_SLOPE, 0.0);
    return result_store(res, &r);
}

/* An evaluated slope of the search. */
struct eval {
    int have;
    double s, g;   /* slope (nats); D - D* */
    struct curve_point cp;
};

int thermoai_rd_ba_execute_distortion(thermoai_rd_ba *solver, double distortion,
                                      thermoai_rd_ba_result *result)
{
    thermoai_rd_ba *h = solver;
    thermoai_rd_ba_result r;
    struct curve_point cp;
    struct eval lo, hi, cur;
    uint32_t budget;
    double target, slack, s, tol_in, best_l, best_s, upper = 0.0;
    int status, evals, side_lo = 0, side_hi = 0;

    THERMOAI__TRY(result_check(h, result));
    if (!isfinite(distortion))
        return THERMOAI_E_NONFINITE;
    if (distortion < 0.0)
        return THERMOAI_E_INVALID;
    slack = 8.0 * DBL_EPSILON * (h->d_min > 1.0 ? h->d_min : 1.0);
    if (distortion < h->d_min - slack)
        return THERMOAI_E_DOMAIN;
    if (distortion >= h->d_max)
        return constant_point(h, result);
    budget = h->max_iterations;
    if (distortion <= h->d_min + slack) {
        /* D_min: the slope -infinity, the channel restricted to the row minima */
        prepare_q(h, A_INDICATOR, 0.0, (h->flags & THERMOAI_RD_BA_COLD) != 0);
        status = run(h, A_INDICATOR, 0.0, h->tol_nats, &budget, &cp);
        if (status != THERMOAI_OK) {
            result_nan(result);
            return status;
        }
        fill_result(h, &cp, h->max_iterations - budget, &r);
        save_single(h, A_INDICATOR, 0.0);
        return result_store(result, &r);
    }

    /*
     * Safeguarded secant (Illinois) on g(s) = ln(D(s) - D_min) - ln(D* - D_min), s in
     * nats: D - D_min is close to exponential in s on steep parts of the curve. The
     * bracket starts with the constant reproduction (s = 0, rate 0 at D_max), so
     * one evaluation with D <= D* completes it.
     */
    target = distortion - h->d_min;
    memset(&lo, 0, sizeof lo);
    memset(&hi, 0, sizeof hi);
    hi.have = 1;
    hi.s = 0.0;
    hi.cp.dsh = h->d_max - h->d_min;
    hi.g = log(hi.cp.dsh / target);
    memset(h->q_hi, 0, h->ld * sizeof(double));
    h->q_hi[h->y_max] = 1.0;
    s = (h->q_state == A_SLOPE && h->q_slope < 0.0) ? h->q_slope
                                                     : -THERMOAI__LN2 / (h->d_max - h->d_min);
    if (!(s < 0.0) || !isfinite(s))
        s = -1.0;
    tol_in = h->tol_nats / 4.0;
    best_l = 0.0; /* R >= 0: the supporting line of slope 0 */
    best_s = 0.0;
    for (evals = 0; evals < SEARCH_EVALUATIONS; evals++) {
        prepare_q(h, A_SLOPE, s, (h->flags & THERMOAI_RD_BA_COLD) != 0 && evals == 0);
        status = run(h, A_SLOPE, s, tol_in, &budget, &cur.cp);
        if (status != THERMOAI_OK) {
            result_nan(result);
            return status;
        }
        cur.have = 1;
        cur.s = s;
        cur.g = cur.cp.dsh > 0.0 ? log(cur.cp.dsh / target) : -(double)INFINITY;
        if (s * target + cur.cp.tl > best_l) {
            best_l = s * target + cur.cp.tl;
            best_s = s;
        }
        if (cur.g <= 0.0) {
            lo = cur;
            memcpy(h->q_lo, h->q, h->ld * sizeof(double));
            side_lo++;
            side_hi = 0;
        } else {
            hi = cur;
            memcpy(h->q_hi, h->q, h->ld * sizeof(double));
            side_hi++;
            side_lo = 0;
        }
        if (!lo.have) {
            s *= 2.0; /* steeper until D <= D* */
            continue;
        }
        upper = lo.cp.rate + (hi.cp.rate - lo.cp.rate) * (target - lo.cp.dsh)
                                 / (hi.cp.dsh - lo.cp.dsh);
        if (upper - best_l <= h->tol_nats)
            break;
        {
            /* Illinois: halve the stale end's residual when one side repeats */
            double glo = lo.g, ghi = hi.g, sn;

            if (side_lo >= 2)
                ghi *= 0.5;
            if (side_hi >= 2)
                glo *= 0.5;
            sn = isfinite(glo) ? lo.s - glo * (hi.s - lo.s) / (ghi - glo) : lo.s;
            if (!(sn > lo.s && sn < hi.s))
                sn = 0.5 * (lo.s + hi.s);
            if (!(sn > lo.s && sn < hi.s)) {
                /* the bracket cannot shrink: tighten the inner tolerance instead */
                if (tol_in < 1e-15)
                    break;
                tol_in *= 0.125;
                sn = side_lo ? lo.s : hi.s;
            }
            s = sn;
        }
    }
    if (!lo.have || upper - best_l > h->tol_nats) {
        result_nan(result);
        return THERMOAI_E_NO_CONVERGENCE;
    }
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    r.iterations = h->max_iterations - budget;
    r.slope_bits = best_s / THERMOAI__LN2;
    r.distortion = distortion;
    r.rate_bits = upper / THERMOAI__LN2;
    r.rate_lower_bits = best_l / THERMOAI__LN2;
    if (r.rate_lower_bits > r.rate_bits)
        r.rate_lower_bits = r.rate_bits;
    r.lagrangian_bits = (upper - best_s * target) / THERMOAI__LN2;
    h->pt.valid = 1;
    h->pt.lo_indicator = 0;
    h->pt.s_lo = lo.s;
    h->pt.s_hi = hi.s;
    h->pt.theta = (hi.cp.dsh - target) / (hi.cp.dsh - lo.cp.dsh);
    return result_store(result, &r);
}

/* ---- getters ------------------------------------------------------------------------ */

int thermoai_rd_ba_output_pmf(const thermoai_rd_ba *solver, double *pmf)
{
    if (solver == NULL || pmf == NULL)
        return THERMOAI_E_NULL;
    memcpy(pmf, solver->q, solver->ny * sizeof(double));
    return THERMOAI_OK;
}

/* Row x of the channel of (q, s): out[y] += w q(y) e^{s dsh} / c, c its normaliser. */
static void channel_row(const thermoai_rd_ba *h, size_t x, const double *q, double s, int indicator,
                        double w, double *out)
{
    const double *dr = h->dsh + x * h->ld;
    double c = 0.0, v;
    size_t y;

    for (y = 0; y < h->ny; y++) {
        const double e = indicator ? (dr[y] == 0.0 ? 1.0 : 0.0)
                                   : (s * dr[y] < INFO_EXP_MIN ? 0.0 : exp(s * dr[y]));
        c += q[y] * e;
    }
    for (y = 0; y < h->ny; y++) {
        const double e = indicator ? (dr[y] == 0.0 ? 1.0 : 0.0)
                                   : (s * dr[y] < INFO_EXP_MIN ? 0.0 : exp(s * dr[y]));
        v = q[y] * e / c;
        out[y] += w * v;
    }
}

int thermoai_rd_ba_channel(const thermoai_rd_ba *solver, double *channel)
{
    const thermoai_rd_ba *h = solver;
    size_t x, y;

    if (h == NULL || channel == NULL)
        return THERMOAI_E_NULL;
    if (!h->pt.valid) {
        for (x = 0; x < h->nx * h->ny; x++)
            channel[x] = (double)NAN;
        return THERMOAI_E_DOMAIN;
    }
    for (x = 0; x < h->nx; x++) {
        double *row = channel + x * h->ny;

        for (y = 0; y < h->ny; y++)
            row[y] = 0.0;
        channel_row(h, x, h->q_lo, h->pt.s_lo, h->pt.lo_indicator, h->pt.theta, row);
        if (h->pt.theta < 1.0)
            channel_row(h, x, h->q_hi, h->pt.s_hi, 0, 1.0 - h->pt.theta, row);
    }
    return THERMOAI_OK;
}
