/* SPDX-License-Identifier: MIT */
/* The latency-energy-throughput trilemma on the roofline model (paper 002 Sec. 4.2). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "trilemma_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_trilemma_point) == THERMOAI__SIZE_V0_TRILEMMA_POINT,
                        trilemma_point_size);

int thermoai_trilemma_point_init(thermoai_trilemma_point *point, size_t size)
{
    return thermoai__struct_init(point, size, THERMOAI__SIZE_V0_TRILEMMA_POINT);
}

size_t thermoai_trilemma_point_size(void)
{
    return sizeof(thermoai_trilemma_point);
}

int thermoai__trilemma_at(const thermoai_model_arch *arch, const thermoai_work_params *params,
                          uint64_t batch, const thermoai_hardware *hw,
                          const thermoai_cost_serving *serving, thermoai_cost_result *r)
{
    thermoai_work_params p;

    if (params != NULL) {
        THERMOAI__TRY(thermoai__struct_in(params, THERMOAI__SIZE_V0_WORK_PARAMS, &p, sizeof p));
    } else {
        THERMOAI__TRY(thermoai_work_params_init(&p, sizeof p));
    }
    p.batch = batch;
    memset(r, 0, sizeof *r);
    r->struct_size = (uint32_t)sizeof *r;
    return thermoai_cost_decode(arch, &p, hw, serving, r);
}

static void point_from(const thermoai_cost_result *r, thermoai_trilemma_point *pt)
{
    pt->bound = r->bound;
    pt->batch = r->tokens;
    pt->latency_s = r->step_s;
    pt->energy_per_token_j = r->energy_per_token_j;
    pt->tokens_per_s = r->tokens_per_s;
    pt->product_j_s2 = r->step_s * r->energy_per_token_j / r->tokens_per_s;
    pt->average_power_w = r->average_power_w;
}

int thermoai_trilemma_evaluate(const thermoai_model_arch *arch, const thermoai_work_params *params,
                               const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                               thermoai_trilemma_point *out)
{
    thermoai_trilemma_point pt;
    thermoai_cost_result r;
    int status;

    if (out == NULL)
        return THERMOAI_E_NULL;
    if (thermoai__struct_size_of(out) < THERMOAI__SIZE_V0_TRILEMMA_POINT)
        return THERMOAI_E_SIZE;
    memset(&pt, 0, sizeof pt);
    pt.struct_size = (uint32_t)sizeof pt;
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    status = thermoai_cost_decode(arch, params, hw, serving, &r);
    if (status == THERMOAI_OK) {
        point_from(&r, &pt);
        if (!isfinite(pt.product_j_s2))
            status = THERMOAI_E_RANGE;
    }
    if (status != THERMOAI_OK) {
        pt.bound = 0;
        pt.batch = pt.latency_s = pt.energy_per_token_j = pt.tokens_per_s = pt.product_j_s2 =
            pt.average_power_w = (double)NAN;
    }
    (void)thermoai__struct_out(out, THERMOAI__SIZE_V0_TRILEMMA_POINT, &pt, sizeof pt);
    return status;
}

int thermoai_trilemma_memory_batch(const thermoai_model_arch *arch, const thermoai_work_params *params,
                                   const thermoai_hardware *hw, double overhead_bytes,
                                   uint64_t *max_batch)
{
    thermoai_work_params p;
    thermoai_work w;
    uint64_t n_params = 0;
    double wb, free_bytes, b;

    if (max_batch == NULL)
        return THERMOAI_E_NULL;
    *max_batch = 0;
    if (arch == NULL || hw == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(THERMOAI__CHECK({ overhead_bytes, THERMOAI__NONNEG }));
    THERMOAI__TRY(thermoai_hardware_check(hw));
    if (!(hw->memory_usable_bytes > 0.0))
        return THERMOAI_E_UNSUPPORTED;
    if (params != NULL) {
        THERMOAI__TRY(thermoai__struct_in(params, THERMOAI__SIZE_V0_WORK_PARAMS, &p, sizeof p));
    } else {
        THERMOAI__TRY(thermoai_work_params_init(&p, sizeof p));
    }
    p.batch = 1;
    memset(&w, 0, sizeof w);
    w.struct_size = (uint32_t)sizeof w;
    THERMOAI__TRY(thermoai_work_decode(arch, &p, &w));
    THERMOAI__TRY(thermoai_model_params(arch, &n_params));
    wb = (p.weight_bits > 0.0 ? p.weight_bits : arch->precision_bits) / 8.0;
    free_bytes = hw->memory_usable_bytes - (double)n_params * wb - overhead_bytes;
    if (!(w.kv_cache_bytes > 0.0))
        return THERMOAI_E_RANGE;
    b = floor(free_bytes / w.kv_cache_bytes);
    if (!(b >= 1.0))
        return THERMOAI_E_DOMAIN;
    *max_batch = b < 9007199254740992.0 ? (uint64_t)b : (uint64_t)9007199254740992.0;
    return THERMOAI_OK;
}

int thermoai__sqrt_ratio(const double *num, size_t nn, const double *den, size_t nd, double *out)
{
    double m = 1.0, r;
    long e = 0;
    size_t i;
    int k;

    for (i = 0; i < nn; i++) {
        m *= frexp(num[i], &k);
        e += k;
        m = frexp(m, &k);
        e += k;
    }
    for (i = 0; i < nd; i++) {
        m /= frexp(den[i], &k);
        e -= k;
        m = frexp(m, &k);
        e += k;
    }
    if (e % 2 != 0) {
        m *= 2.0;
        e -= 1;
    }
    if (e / 2 > 2000 || e / 2 < -2000)
        return THERMOAI_E_RANGE;
    r = ldexp(sqrt(m), (int)(e / 2));
    return thermoai__finish_positive(r, out);
}

/* a dominates b: no worse in all three, better in one */
static int dominates(const thermoai_cost_result *a, const thermoai_cost_result *b)
{
    const int no_worse = a->step_s <= b->step_s && a->energy_per_token_j <= b->energy_per_token_j
                         && a->tokens_per_s >= b->tokens_per_s;
    const int better = a->step_s < b->step_s || a->energy_per_token_j < b->energy_per_token_j
                       || a->tokens_per_s > b->tokens_per_s;

    return no_worse && better;
}

int thermoai_trilemma_front(const thermoai_model_arch *arch, const thermoai_work_params *params,
                            const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                            uint64_t max_batch, uint64_t *batches, size_t capacity, size_t *count)
{
    uint64_t b;
    size_t n = 0, i, j;
    thermoai_cost_result r, q;

    if (count == NULL)
        return THERMOAI_E_NULL;
    *count = 0;
    if (batches == NULL || arch == NULL || hw == NULL)
        return THERMOAI_E_NULL;
    if (max_batch == 0 || max_batch > THERMOAI_TRILEMMA_BATCH_MAX)
        return THERMOAI_E_INVALID;
    for (b = 1; b <= max_batch; b++) {
        int dominated = 0;

        THERMOAI__TRY(thermoai__trilemma_at(arch, params, b, hw, serving, &r));
        /* drop the front's points b dominates; keep b unless one dominates it */
        for (i = 0, j = 0; i < n; i++) {
            THERMOAI__TRY(thermoai__trilemma_at(arch, params, batches[i], hw, serving, &q));
            if (dominates(&q, &r))
                dominated = 1;
            if (!dominates(&r, &q))
                batches[j++] = batches[i];
        }
        n = j;
        if (!dominated) {
            if (n >= capacity)
                return THERMOAI_E_RANGE;
            batches[n++] = b;
        }
    }
    *count = n;
    return THERMOAI_OK;
}

int thermoai_trilemma_paper_batch(double params, double context, double kv_dim, double *batch)
{
    THERMOAI__OUTPUTS(batch);
    THERMOAI__TRY(THERMOAI__CHECK({ params, THERMOAI__POS }, { context, THERMOAI__POS },
                                  { kv_dim, THERMOAI__POS }));
    {
        const double num[1] = { params }, den[2] = { context, kv_dim };

        return thermoai__sqrt_ratio(num, 1, den, 2, batch);
    }
}

int thermoai_trilemma_paper_bound_j_s(double weight_bytes, double j_per_byte, double bytes_per_s,
                                      double *bound_j_s)
{
    THERMOAI__OUTPUTS(bound_j_s);
    THERMOAI__TRY(THERMOAI__CHECK({ weight_bytes, THERMOAI__NONNEG }, { j_per_byte, THERMOAI__NONNEG },
                                  { bytes_per_s, THERMOAI__POS }));
    {
        const double num[2] = { weight_bytes, j_per_byte }, den[1] = { bytes_per_s };
        double v;

        THERMOAI__TRY(thermoai__scaled_ratio(num, 2, den, 1, &v));
        return thermoai__finish(v, bound_j_s);
    }
}

int thermoai_trilemma_paper_max_batch(double memory_bytes, double model_bytes, double overhead_bytes,
                                      double context, double kv_dim, double kv_bytes,
                                      double *max_batch)
{
    THERMOAI__OUTPUTS(max_batch);
    THERMOAI__TRY(THERMOAI__CHECK({ memory_bytes, THERMOAI__NONNEG }, { model_bytes, THERMOAI__NONNEG },
                                  { overhead_bytes, THERMOAI__NONNEG }, { context, THERMOAI__POS },
                                  { kv_dim, THERMOAI__POS }, { kv_bytes, THERMOAI__POS }));
    {
        const double free_bytes = memory_bytes - model_bytes - overhead_bytes;
        const double per_seq = 2.0 * context * kv_dim * kv_bytes;
        double q;

        if (!(free_bytes > 0.0))
            return THERMOAI_E_DOMAIN;
        if (!isfinite(per_seq))
            return THERMOAI_E_RANGE;
        q = floor(free_bytes / per_seq);
        if (!(q >= 1.0))
            return THERMOAI_E_DOMAIN;
        return thermoai__finish(q, max_batch);
    }
}
