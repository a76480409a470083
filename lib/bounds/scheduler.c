/* SPDX-License-Identifier: MIT */
/* Algorithm 1 of paper 002 (Sec. 3.9): an SPSA projected-gradient scheduler. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "common/arena.h"
#include "common/arrays.h"
#include "common/dense.h"
#include "common/internal.h"
#include "common/rng.h"

#define SCHEDULER_CONTROLS_MAX 64u
#define PROJECTION_ROUNDS 16
#define DEFAULT_STEP 0.1
#define DEFAULT_PERTURBATION 0.05
#define DEFAULT_HOLD 8u

THERMOAI__STATIC_ASSERT(sizeof(thermoai_scheduler_params) == THERMOAI__SIZE_V0_SCHEDULER_PARAMS,
                        scheduler_params_size);

struct thermoai_scheduler {
    thermoai_allocator alloc;
    void *arena;
    size_t c;
    uint32_t horizon, steps, pairs, hold, held;
    int phase;            /* 0: the + probe runs; 1: the - probe */
    double win_start, win_energy; /* loss before the window's first step, energy so far */
    int done;
    double budget, spent, step_size, delta;
    double r_plus, e_plus;
    uint64_t rng;
    double *lo, *hi;      /* the box, caller units */
    double *x;            /* centre, box units */
    double *sign;         /* sigma, +-1 */
    double *xp, *xm;      /* the probes, box units */
    double *g;            /* gradient scratch */
};

int thermoai_scheduler_params_init(thermoai_scheduler_params *params, size_t size)
{
    thermoai_scheduler_params d;
    int status = thermoai__struct_init(params, size, THERMOAI__SIZE_V0_SCHEDULER_PARAMS);

    if (status != THERMOAI_OK)
        return status;
    memset(&d, 0, sizeof d);
    d.struct_size = (uint32_t)sizeof d;
    return thermoai__struct_out(params, THERMOAI__SIZE_V0_SCHEDULER_PARAMS, &d, sizeof d);
}

size_t thermoai_scheduler_params_size(void)
{
    return sizeof(thermoai_scheduler_params);
}

static void clamp01(size_t c, double *x)
{
    size_t i;

    for (i = 0; i < c; i++)
        x[i] = fmin(fmax(x[i], 0.0), 1.0);
}

static void draw_signs(thermoai_scheduler *s)
{
    size_t i;

    for (i = 0; i < s->c; i++)
        s->sign[i] = (thermoai__rng_next(&s->rng) >> 63) ? 1.0 : -1.0;
}

/* The probe of the current phase into xp or xm. */
static void set_probe(thermoai_scheduler *s)
{
    double *p = s->phase == 0 ? s->xp : s->xm;
    const double sgn = s->phase == 0 ? 1.0 : -1.0;
    size_t i;

    for (i = 0; i < s->c; i++)
        p[i] = s->x[i] + sgn * s->delta * s->sign[i];
    clamp01(s->c, p);
}

static void to_caller(const thermoai_scheduler *s, const double *x, double *u)
{
    size_t i;

    for (i = 0; i < s->c; i++)
        u[i] = s->lo[i] + x[i] * (s->hi[i] - s->lo[i]);
}

static const double *current(const thermoai_scheduler *s)
{
    if (s->done)
        return s->x;
    return s->phase == 0 ? s->xp : s->xm;
}

int thermoai_scheduler_create_ex(const thermoai_scheduler_params *params, const double *lower,
                                 const double *upper, const double *initial,
                                 const thermoai_allocator *allocator,
                                 thermoai_scheduler **scheduler)
{
    thermoai_scheduler_params p;
    thermoai_scheduler *s;
    thermoai_allocator a;
    struct thermoai__layout l = { 0, 0 };
    size_t o_lo, o_hi, o_x, o_sign, o_xp, o_xm, o_g, c, i, bytes;
    char *base;

    if (scheduler == NULL)
        return THERMOAI_E_NULL;
    *scheduler = NULL;
    if (params == NULL || lower == NULL || upper == NULL || initial == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__allocator_resolve(allocator, &a));
    memset(&p, 0, sizeof p);
    THERMOAI__TRY(thermoai__struct_in(params, THERMOAI__SIZE_V0_SCHEDULER_PARAMS, &p, sizeof p));
    if (p.flags != 0 || p.reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    c = p.controls;
    if (c == 0 || c > SCHEDULER_CONTROLS_MAX || p.horizon == 0)
        return THERMOAI_E_INVALID;
    if (!thermoai__all_finite_d(lower, c) || !thermoai__all_finite_d(upper, c)
        || !thermoai__all_finite_d(initial, c))
        return THERMOAI_E_NONFINITE;
    THERMOAI__TRY(THERMOAI__CHECK({ p.budget_j, THERMOAI__POS }, { p.step_size, THERMOAI__NONNEG },
                                  { p.perturbation, THERMOAI__NONNEG }));
    if (p.step_size > 1.0 || p.perturbation > 0.5)
        return THERMOAI_E_INVALID;
    for (i = 0; i < c; i++)
        if (!(upper[i] > lower[i]) || !isfinite(upper[i] - lower[i]) || initial[i] < lower[i]
            || initial[i] > upper[i])
            return THERMOAI_E_INVALID;
    o_lo = thermoai__layout_reserve(&l, c, sizeof(double));
    o_hi = thermoai__layout_reserve(&l, c, sizeof(double));
    o_x = thermoai__layout_reserve(&l, c, sizeof(double));
    o_sign = thermoai__layout_reserve(&l, c, sizeof(double));
    o_xp = thermoai__layout_reserve(&l, c, sizeof(double));
    o_xm = thermoai__layout_reserve(&l, c, sizeof(double));
    o_g = thermoai__layout_reserve(&l, 2 * c, sizeof(double));
    if ((bytes = thermoai__layout_total(&l)) == 0)
        return THERMOAI_E_NOMEM;
    s = (thermoai_scheduler *)a.alloc(sizeof *s, a.user);
    if (s == NULL)
        return THERMOAI_E_NOMEM;
    memset(s, 0, sizeof *s);
    s->alloc = a;
    s->arena = a.alloc(bytes, a.user);
    if (s->arena == NULL) {
        a.release(s, a.user);
        return THERMOAI_E_NOMEM;
    }
    base = (char *)thermoai__align(s->arena, THERMOAI__ARENA_ALIGN);
    s->lo = (double *)(void *)(base + o_lo);
    s->hi = (double *)(void *)(base + o_hi);
    s->x = (double *)(void *)(base + o_x);
    s->sign = (double *)(void *)(base + o_sign);
    s->xp = (double *)(void *)(base + o_xp);
    s->xm = (double *)(void *)(base + o_xm);
    s->g = (double *)(void *)(base + o_g);
    s->c = c;
    s->horizon = p.horizon;
    s->budget = p.budget_j;
    s->step_size = p.step_size > 0.0 ? p.step_size : DEFAULT_STEP;
    s->delta = p.perturbation > 0.0 ? p.perturbation : DEFAULT_PERTURBATION;
    s->hold = p.hold > 0 ? p.hold : DEFAULT_HOLD;
    s->rng = thermoai__rng_stream(p.seed, thermoai__rng_stream_id(THERMOAI__RNG_SCHEDULER_SIGNS, 0));
    for (i = 0; i < c; i++) {
        s->lo[i] = lower[i];
        s->hi[i] = upper[i];
        s->x[i] = (initial[i] - lower[i]) / (upper[i] - lower[i]);
    }
    clamp01(c, s->x);
    draw_signs(s);
    set_probe(s);
    *scheduler = s;
    return THERMOAI_OK;
}

int thermoai_scheduler_create(const thermoai_scheduler_params *params, const double *lower,
                              const double *upper, const double *initial,
                              thermoai_scheduler **scheduler)
{
    return thermoai_scheduler_create_ex(params, lower, upper, initial, NULL, scheduler);
}

void thermoai_scheduler_free(thermoai_scheduler *scheduler)
{
    thermoai_allocator a;

    if (scheduler == NULL)
        return;
    a = scheduler->alloc;
    a.release(scheduler->arena, a.user);
    a.release(scheduler, a.user);
}

int thermoai_scheduler_controls(const thermoai_scheduler *scheduler, double *controls)
{
    if (scheduler == NULL || controls == NULL)
        return THERMOAI_E_NULL;
    to_caller(scheduler, current(scheduler), controls);
    return THERMOAI_OK;
}

static double allowance(const thermoai_scheduler *s)
{
    if (s->done || s->steps >= s->horizon)
        return 0.0;
    return fmax(s->budget - s->spent, 0.0) / (double)(s->horizon - s->steps);
}

/* After a +/- pair: the SPSA step, then the projection onto box and budget half-space. */
static void pair_step(thermoai_scheduler *s, double r_minus, double e_minus)
{
    double *gr = s->g, *ge = s->g + s->c, nr = 0.0, ne = 0.0, ebar, a;
    size_t i;
    int round;

    for (i = 0; i < s->c; i++) {
        const double dx = s->xp[i] - s->xm[i];

        gr[i] = dx != 0.0 ? (s->r_plus - r_minus) / dx : 0.0;
        ge[i] = dx != 0.0 ? (s->e_plus - e_minus) / dx : 0.0;
        nr = fmax(nr, fabs(gr[i]));
        ne = fmax(ne, fabs(ge[i]));
    }
    /* normalise by the largest entry first so that the norms cannot overflow */
    if (nr > 0.0 && isfinite(nr)) {
        double norm = 0.0;

        for (i = 0; i < s->c; i++)
            norm += (gr[i] / nr) * (gr[i] / nr);
        norm = sqrt(norm);
        a = s->step_size;
        for (i = 0; i < s->c; i++)
            s->x[i] += a * (gr[i] / nr) / norm;
    }
    clamp01(s->c, s->x);
    ebar = 0.5 * (s->e_plus + e_minus);
    if (ne > 0.0 && isfinite(ne)) {
        const double cap = allowance(s);

        for (round = 0; round < PROJECTION_ROUNDS; round++) {
            double pred = ebar, gg = 0.0;

            for (i = 0; i < s->c; i++) {
                pred += ge[i] * (s->x[i] - 0.5 * (s->xp[i] + s->xm[i]));
                gg += (ge[i] / ne) * (ge[i] / ne);
            }
            if (!(pred > cap))
                break;
            for (i = 0; i < s->c; i++) /* onto the half-space, then back into the box */
                s->x[i] -= (pred - cap) / (ne * gg) * (ge[i] / ne);
            clamp01(s->c, s->x);
        }
    }
    s->pairs++;
}

int thermoai_scheduler_update(thermoai_scheduler *scheduler, double loss_before,
                              double loss_after, double energy_j, double *controls,
                              uint32_t *state)
{
    thermoai_scheduler *s = scheduler;
    double r;

    if (state != NULL)
        *state = 0;
    if (controls != NULL && s != NULL)
        thermoai__fill_nan_d(controls, s->c);
    if (s == NULL || controls == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(THERMOAI__CHECK({ loss_before, THERMOAI__FINITE }, { loss_after, THERMOAI__FINITE },
                                  { energy_j, THERMOAI__POS }));
    if (s->steps < UINT32_MAX)
        s->steps++;
    s->spent += energy_j;
    if (!s->done) {
        if (s->held == 0)
            s->win_start = loss_before;
        s->win_energy += energy_j;
        if (++s->held == s->hold) { /* the window at this probe is complete */
            const double e_mean = s->win_energy / s->hold;

            r = (s->win_start - loss_after) / s->win_energy;
            if (!isfinite(r))
                r = r > 0.0 ? DBL_MAX : -DBL_MAX;
            s->held = 0;
            s->win_energy = 0.0;
            if (s->phase == 0) {
                s->r_plus = r;
                s->e_plus = e_mean;
                s->phase = 1;
            } else {
                pair_step(s, r, e_mean);
                draw_signs(s);
                s->phase = 0;
            }
        }
        if (s->steps >= s->horizon || s->spent >= s->budget)
            s->done = 1;
        else
            set_probe(s);
    }
    to_caller(s, current(s), controls);
    if (state != NULL)
        *state = s->done ? THERMOAI_SCHEDULER_DONE : 0u;
    return THERMOAI_OK;
}

int thermoai_scheduler_budget(const thermoai_scheduler *scheduler, double *spent_j,
                              double *allowance_j, uint32_t *steps)
{
    double vals[2];
    double *const outs[2] = { spent_j, allowance_j };

    if (steps != NULL)
        *steps = 0;
    THERMOAI__OUTPUTS(spent_j, allowance_j);
    if (scheduler == NULL)
        return THERMOAI_E_NULL;
    vals[0] = scheduler->spent;
    vals[1] = allowance(scheduler);
    if (steps != NULL)
        *steps = scheduler->steps;
    return thermoai__store(outs, vals, 2);
}
