/* SPDX-License-Identifier: MIT */
/* Energy-optimal batch under a latency SLO (paper 002 Theorem 4.7) on the roofline model. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "trilemma_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_slo_params) == THERMOAI__SIZE_V0_SLO_PARAMS, slo_params_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_slo_result) == THERMOAI__SIZE_V0_SLO_RESULT, slo_result_size);

int thermoai_slo_params_init(thermoai_slo_params *params, size_t size)
{
    return thermoai__struct_init(params, size, THERMOAI__SIZE_V0_SLO_PARAMS);
}

size_t thermoai_slo_params_size(void)
{
    return sizeof(thermoai_slo_params);
}

int thermoai_slo_result_init(thermoai_slo_result *result, size_t size)
{
    return thermoai__struct_init(result, size, THERMOAI__SIZE_V0_SLO_RESULT);
}

size_t thermoai_slo_result_size(void)
{
    return sizeof(thermoai_slo_result);
}

struct slo_ctx {
    const thermoai_model_arch *arch;
    const thermoai_work_params *params;
    const thermoai_hardware *hw;
    const thermoai_cost_serving *serving;
    double lambda; /* 0: backlog */
    double slo_s;
    double idle_w;
};

/* The queue model at batch b: latency, energy per request, feasibility. */
struct slo_eval {
    double step_s, wait_s, latency_s, energy_j, energy_step_j;
    int feasible;
};

static int eval(const struct slo_ctx *c, uint64_t b, struct slo_eval *e)
{
    thermoai_cost_result r;
    const double bd = (double)b;

    THERMOAI__TRY(thermoai__trilemma_at(c->arch, c->params, b, c->hw, c->serving, &r));
    e->step_s = r.step_s;
    e->energy_step_j = r.energy_j;
    if (c->lambda > 0.0) {
        const double fill = bd / c->lambda, idle = fill - r.step_s;

        e->wait_s = (bd - 1.0) / c->lambda;
        e->latency_s = e->wait_s + r.step_s;
        e->energy_j = (r.energy_j + c->idle_w * (idle > 0.0 ? idle : 0.0)) / bd;
        e->feasible = e->latency_s <= c->slo_s && r.step_s <= fill;
    } else {
        e->wait_s = 0.0;
        e->latency_s = r.step_s;
        e->energy_j = r.energy_j / bd;
        e->feasible = r.step_s <= c->slo_s;
    }
    return THERMOAI_OK;
}

static int solve(const struct slo_ctx *c, uint64_t cap, thermoai_slo_result *o)
{
    struct slo_eval e, best, e1, e2;
    uint64_t b, best_b = 0, fill_b = 0, root_b;
    double root;

    memset(&best, 0, sizeof best);
    for (b = 1; b <= cap; b++) {
        THERMOAI__TRY(eval(c, b, &e));
        /* the latency only grows with b: stop at the first batch past the SLO */
        if (e.latency_s > c->slo_s)
            break;
        if (e.feasible && (best_b == 0 || e.energy_j <= best.energy_j)) {
            best = e;
            best_b = b;
        }
        /* Eq. (20): b <= lambda (slo - t(b)); under backlog, the cap */
        if (c->lambda > 0.0 && (double)b <= c->lambda * (c->slo_s - e.step_s))
            fill_b = b;
    }
    if (best_b == 0)
        return THERMOAI_E_DOMAIN;
    o->batch = (double)best_b;
    o->latency_s = best.latency_s;
    o->wait_s = best.wait_s;
    o->step_s = best.step_s;
    o->energy_per_token_j = best.energy_j;
    o->tokens_per_s = c->lambda > 0.0 ? c->lambda : (double)best_b / best.step_s;
    o->cap_batch = (double)cap;
    if (c->lambda <= 0.0)
        fill_b = cap;
    if (fill_b > 0) {
        THERMOAI__TRY(eval(c, fill_b, &e));
        o->fill_batch = (double)fill_b;
        o->fill_energy_per_token_j = e.energy_j;
        o->fill_gap = e.energy_j / best.energy_j - 1.0;
        o->fill_meets_slo = (uint32_t)e.feasible;
    }
    /* Eq. (21) with e_static = P_idle and e_marginal = E_step(2) - E_step(1) */
    THERMOAI__TRY(eval(c, 1, &e1));
    THERMOAI__TRY(eval(c, 2, &e2));
    if (e2.energy_step_j - e1.energy_step_j > 0.0
        && thermoai_slo_paper_root_batch(c->idle_w, c->slo_s, e2.energy_step_j - e1.energy_step_j, &root)
               == THERMOAI_OK) {
        root = floor(root + 0.5);
        root_b = root < 1.0 ? 1 : root > (double)cap ? cap : (uint64_t)root;
    } else {
        root_b = 1; /* no static power (root 0) or no marginal energy: the smallest batch */
    }
    THERMOAI__TRY(eval(c, root_b, &e));
    o->root_batch = (double)root_b;
    o->root_energy_per_token_j = e.energy_j;
    o->root_gap = e.energy_j / best.energy_j - 1.0;
    o->root_meets_slo = (uint32_t)e.feasible;
    return THERMOAI_OK;
}

static void result_nan(thermoai_slo_result *o)
{
    o->fill_meets_slo = o->root_meets_slo = 0;
    o->batch = o->latency_s = o->wait_s = o->step_s = o->energy_per_token_j = o->tokens_per_s =
        o->cap_batch = o->fill_batch = o->fill_energy_per_token_j = o->fill_gap = o->root_batch =
            o->root_energy_per_token_j = o->root_gap = (double)NAN;
}

static int run(const thermoai_model_arch *arch, const thermoai_work_params *params,
               const thermoai_hardware *hw, const thermoai_cost_serving *serving,
               const thermoai_slo_params *user, thermoai_slo_result *o)
{
    thermoai_slo_params s;
    struct slo_ctx c;
    uint64_t cap = 0;
    int status;

    if (arch == NULL || hw == NULL || user == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai_slo_params_init(&s, sizeof s));
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_SLO_PARAMS, &s, sizeof s));
    if ((s.flags & ~THERMOAI_SLO_BACKLOG) != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(THERMOAI__CHECK({ s.slo_s, THERMOAI__POS }, { s.arrival_per_s, THERMOAI__NONNEG },
                                  { s.overhead_bytes, THERMOAI__NONNEG }));
    if ((s.flags & THERMOAI_SLO_BACKLOG) != 0 ? s.arrival_per_s != 0.0 : !(s.arrival_per_s > 0.0))
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(thermoai_hardware_check(hw));
    status = thermoai_trilemma_memory_batch(arch, params, hw, s.overhead_bytes, &cap);
    if (s.max_batch != 0) {
        /* the caller's cap; the memory cap too where the profile has a memory size */
        if (status == THERMOAI_OK && cap < s.max_batch)
            ;
        else if (status == THERMOAI_OK || status == THERMOAI_E_UNSUPPORTED)
            cap = s.max_batch;
        else
            return status;
    } else if (status != THERMOAI_OK) {
        return status;
    }
    if (cap > THERMOAI_TRILEMMA_BATCH_MAX)
        cap = THERMOAI_TRILEMMA_BATCH_MAX;
    c.arch = arch;
    c.params = params;
    c.hw = hw;
    c.serving = serving;
    c.lambda = s.arrival_per_s;
    c.slo_s = s.slo_s;
    c.idle_w = hw->idle_power_w;
    return solve(&c, cap, o);
}

int thermoai_slo_batch(const thermoai_model_arch *arch, const thermoai_work_params *params,
                       const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                       const thermoai_slo_params *slo, thermoai_slo_result *out)
{
    thermoai_slo_result o;
    int status;

    if (out == NULL)
        return THERMOAI_E_NULL;
    if (thermoai__struct_size_of(out) < THERMOAI__SIZE_V0_SLO_RESULT)
        return THERMOAI_E_SIZE;
    memset(&o, 0, sizeof o);
    o.struct_size = (uint32_t)sizeof o;
    status = run(arch, params, hw, serving, slo, &o);
    if (status == THERMOAI_OK
        && !(isfinite(o.energy_per_token_j) && isfinite(o.fill_gap) && isfinite(o.root_gap)))
        status = THERMOAI_E_RANGE;
    if (status != THERMOAI_OK)
        result_nan(&o);
    (void)thermoai__struct_out(out, THERMOAI__SIZE_V0_SLO_RESULT, &o, sizeof o);
    return status;
}

int thermoai_slo_paper_fill_batch(double arrival_per_s, double slo_s, double compute_s,
                                  double max_batch, double *batch)
{
    THERMOAI__OUTPUTS(batch);
    THERMOAI__TRY(THERMOAI__CHECK({ arrival_per_s, THERMOAI__POS }, { slo_s, THERMOAI__POS },
                                  { compute_s, THERMOAI__NONNEG }, { max_batch, THERMOAI__GE1 }));
    {
        const double room = slo_s - compute_s;
        double b;

        if (!(room > 0.0))
            return THERMOAI_E_DOMAIN;
        b = arrival_per_s * room;
        b = b < max_batch ? floor(b) : floor(max_batch);
        if (!(b >= 1.0))
            return THERMOAI_E_DOMAIN;
        return thermoai__finish(b, batch);
    }
}

int thermoai_slo_paper_root_batch(double static_power_w, double slo_s, double marginal_j,
                                  double *batch)
{
    THERMOAI__OUTPUTS(batch);
    THERMOAI__TRY(THERMOAI__CHECK({ static_power_w, THERMOAI__NONNEG }, { slo_s, THERMOAI__POS },
                                  { marginal_j, THERMOAI__POS }));
    {
        const double num[2] = { static_power_w, slo_s }, den[1] = { marginal_j };

        if (static_power_w == 0.0)
            return thermoai__finish(0.0, batch);
        return thermoai__sqrt_ratio(num, 2, den, 1, batch);
    }
}
