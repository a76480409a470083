/* SPDX-License-Identifier: MIT */
/* The roofline energy model of a step, a decode, a prefill and a request. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "cost_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_cost_serving) == THERMOAI__SIZE_V0_COST_SERVING, sv_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_cost_result) == THERMOAI__SIZE_V0_COST_RESULT, res_size);

#define KNOWN_FLAGS (THERMOAI_COST_NO_POWER_CAP)
#define MAX_GENERATED (1u << 24)

int thermoai_cost_serving_init(thermoai_cost_serving *serving, size_t size)
{
    return thermoai__struct_init(serving, size, THERMOAI__SIZE_V0_COST_SERVING);
}

size_t thermoai_cost_serving_size(void)
{
    return sizeof(thermoai_cost_serving);
}

int thermoai_cost_result_init(thermoai_cost_result *result, size_t size)
{
    return thermoai__struct_init(result, size, THERMOAI__SIZE_V0_COST_RESULT);
}

size_t thermoai_cost_result_size(void)
{
    return sizeof(thermoai_cost_result);
}

/* ---- named serving stacks (doc/cost-model.md, "Serving stacks") ---------------------- */

struct stack {
    const char *name, *source;
    double dev_layer, dev_step, host_layer, host_step, power, rewrites;
};

/* gpt-fast README (pytorch-labs/gpt-fast, "Benchmarks"): LLaMA-2-7B, batch 1, A100-80GB,
 * torch.compile with CUDA graphs, 104.9 tokens/s at 1397.31 GB/s, "peak bandwidth is
 * about 1700 GB/s": 1/104.9 - 1397.31e9 / 104.9 / 1700e9 = 1.695 ms over 32 layers. */
#define GRAPH_S_PER_LAYER 53e-6
/* data/h100_hf_eager_decode.json: median over the six points of decode_s / 128 / layers
 * (a measured time: 1.128 ms); and the mean over the six points of the energy the roofline
 * with one KV rewrite does not explain, over the time it does not explain (67.2 W)
 * (bench/validate_decode.c prints both; doc/cost-model.md, "Validation"). */
#define EAGER_S_PER_LAYER 1.13e-3
#define WAIT_POWER_W 67.0

static const struct stack stacks[] = {
    { "ideal", "no overheads: the plain roofline", 0, 0, 0, 0, 0, 0 },
    { "cuda-graphs",
      "53 us of device time per layer: gpt-fast's LLaMA-2-7B batch-1 decode with CUDA graphs "
      "on an A100 (pytorch-labs/gpt-fast README: 104.9 tokens/s at 1397 GB/s of about 1700 "
      "GB/s achievable); 67 W above idle during overheads, from the H100 eager measurement "
      "(data/h100_hf_eager_decode.json)",
      GRAPH_S_PER_LAYER, 0, 0, 0, WAIT_POWER_W, 0 },
    { "hf-eager",
      "Hugging Face transformers, eager PyTorch: 1.13 ms of host time per layer per step "
      "(median of the measured step times of data/h100_hf_eager_decode.json over layers), "
      "one KV-cache rewrite per step (DynamicCache torch.cat), 67 W above idle while the GPU "
      "waits (mean over that file's points), device overheads as cuda-graphs",
      GRAPH_S_PER_LAYER, 0, EAGER_S_PER_LAYER, 0, WAIT_POWER_W, 1 },
};

#define N_STACKS (sizeof stacks / sizeof stacks[0])

static int same_name(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t serving_doubles[] = {
    offsetof(thermoai_cost_serving, device_s_per_layer),
    offsetof(thermoai_cost_serving, device_s_per_step),
    offsetof(thermoai_cost_serving, host_s_per_layer),
    offsetof(thermoai_cost_serving, host_s_per_step),
    offsetof(thermoai_cost_serving, overhead_power_w),
    offsetof(thermoai_cost_serving, kv_rewrites_per_step),
};
#define N_SERVING_DOUBLES (sizeof serving_doubles / sizeof serving_doubles[0])

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t result_doubles[] = {
    offsetof(thermoai_cost_result, step_s),
    offsetof(thermoai_cost_result, roofline_s),
    offsetof(thermoai_cost_result, memory_s),
    offsetof(thermoai_cost_result, compute_s),
    offsetof(thermoai_cost_result, overhead_s),
    offsetof(thermoai_cost_result, energy_j),
    offsetof(thermoai_cost_result, energy_per_token_j),
    offsetof(thermoai_cost_result, tokens_per_s),
    offsetof(thermoai_cost_result, average_power_w),
    offsetof(thermoai_cost_result, weights_j),
    offsetof(thermoai_cost_result, kv_j),
    offsetof(thermoai_cost_result, activations_j),
    offsetof(thermoai_cost_result, arithmetic_j),
    offsetof(thermoai_cost_result, static_j),
    offsetof(thermoai_cost_result, overhead_j),
    offsetof(thermoai_cost_result, tokens),
    offsetof(thermoai_cost_result, flop),
    offsetof(thermoai_cost_result, bytes),
};
#define N_RESULT_DOUBLES (sizeof result_doubles / sizeof result_doubles[0])

static int fill_stack(size_t i, thermoai_cost_serving *serving)
{
    thermoai_cost_serving s;

    memset(&s, 0, sizeof s);
    s.struct_size = (uint32_t)sizeof s;
    s.device_s_per_layer = stacks[i].dev_layer;
    s.device_s_per_step = stacks[i].dev_step;
    s.host_s_per_layer = stacks[i].host_layer;
    s.host_s_per_step = stacks[i].host_step;
    s.overhead_power_w = stacks[i].power;
    s.kv_rewrites_per_step = stacks[i].rewrites;
    return thermoai__struct_out_nan(serving, THERMOAI__SIZE_V0_COST_SERVING, &s, sizeof s,
                                    serving_doubles, N_SERVING_DOUBLES);
}

int thermoai_cost_serving_preset(const char *name, thermoai_cost_serving *serving)
{
    size_t i;

    if (serving == NULL)
        return THERMOAI_E_NULL;
    if (name == NULL) {
        thermoai__struct_nan(serving, sizeof(thermoai_cost_serving), serving_doubles,
                             N_SERVING_DOUBLES);
        return THERMOAI_E_NULL;
    }
    for (i = 0; i < N_STACKS; i++)
        if (same_name(name, stacks[i].name))
            return fill_stack(i, serving);
    thermoai__struct_nan(serving, sizeof(thermoai_cost_serving), serving_doubles, N_SERVING_DOUBLES);
    return THERMOAI_E_NOT_FOUND;
}

size_t thermoai_cost_serving_preset_count(void)
{
    return N_STACKS;
}

int thermoai_cost_serving_preset_info(size_t index, const char **name, const char **source,
                                      thermoai_cost_serving *serving)
{
    if (name != NULL)
        *name = NULL;
    if (source != NULL)
        *source = NULL;
    if (index >= N_STACKS)
        return THERMOAI_E_NOT_FOUND;
    if (serving != NULL)
        THERMOAI__TRY(fill_stack(index, serving));
    if (name != NULL)
        *name = stacks[index].name;
    if (source != NULL)
        *source = stacks[index].source;
    return THERMOAI_OK;
}

/* ---- the model ------------------------------------------------------------------ */

static int load_serving(const thermoai_cost_serving *user, thermoai_cost_serving *s)
{
    memset(s, 0, sizeof *s);
    s->struct_size = (uint32_t)sizeof *s;
    if (user == NULL)
        return THERMOAI_OK;
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_COST_SERVING, s, sizeof *s));
    if ((s->flags & ~(uint32_t)KNOWN_FLAGS) != 0)
        return THERMOAI_E_UNSUPPORTED;
    return thermoai__check((const struct thermoai__arg[]){ { s->device_s_per_layer, THERMOAI__NONNEG },
                                                            { s->device_s_per_step, THERMOAI__NONNEG },
                                                            { s->host_s_per_layer, THERMOAI__NONNEG },
                                                            { s->host_s_per_step, THERMOAI__NONNEG },
                                                            { s->overhead_power_w, THERMOAI__NONNEG },
                                                            { s->kv_rewrites_per_step, THERMOAI__NONNEG } },
                           6);
}

static int load_work(const thermoai_work *user, thermoai_work *w)
{
    memset(w, 0, sizeof *w);
    w->struct_size = (uint32_t)sizeof *w;
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_WORK, w, sizeof *w));
    THERMOAI__TRY(thermoai__check((const struct thermoai__arg[]){ { w->flop, THERMOAI__NONNEG },
                                                                   { w->weight_bytes, THERMOAI__NONNEG },
                                                                   { w->kv_read_bytes, THERMOAI__NONNEG },
                                                                   { w->kv_write_bytes, THERMOAI__NONNEG },
                                                                   { w->activation_bytes, THERMOAI__NONNEG },
                                                                   { w->kv_cache_bytes, THERMOAI__NONNEG },
                                                                   { w->tokens, THERMOAI__POS },
                                                                   { w->layers, THERMOAI__NONNEG } },
                                  8));
    if (w->compute_precision >= THERMOAI_HARDWARE_PRECISIONS)
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

/* The step; r is a full-size result, written only on success. */
static int step(const thermoai_hardware *user_hw, const thermoai_work *user_work,
                const thermoai_cost_serving *user_serving, thermoai_cost_result *r)
{
    thermoai_hardware h;
    thermoai_work w;
    thermoai_cost_serving s;
    double peak[THERMOAI_HARDWARE_PRECISIONS], *jf[THERMOAI_HARDWARE_PRECISIONS];
    double rewrite, kv, bytes, mem, comp, roof, dev, host, t, ef, eb, e_dyn_work;
    uint32_t bound;

    THERMOAI__TRY(thermoai__hardware_load(user_hw, &h));
    THERMOAI__TRY(load_work(user_work, &w));
    THERMOAI__TRY(load_serving(user_serving, &s));
    thermoai__hardware_peaks(&h, peak);
    thermoai__hardware_flop_energies(&h, jf);
    ef = *jf[w.compute_precision];
    eb = h.j_per_byte;
    if (!(peak[w.compute_precision] > 0.0) || !(ef > 0.0) || !(eb > 0.0))
        return THERMOAI_E_UNSUPPORTED;

    rewrite = 2.0 * s.kv_rewrites_per_step * w.kv_cache_bytes; /* read the cache, write it anew */
    kv = w.kv_read_bytes + w.kv_write_bytes + rewrite;
    bytes = w.weight_bytes + kv + w.activation_bytes;
    mem = bytes / (h.bandwidth_efficiency * h.memory_bw_bytes_per_s);
    comp = w.flop / (h.compute_efficiency * peak[w.compute_precision]);
    roof = mem > comp ? mem : comp;
    bound = comp > mem ? THERMOAI_COST_BOUND_COMPUTE : THERMOAI_COST_BOUND_MEMORY;
    dev = roof + w.layers * s.device_s_per_layer + s.device_s_per_step;
    host = w.layers * s.host_s_per_layer + s.host_s_per_step;
    t = dev;
    if (host > dev) {
        t = host;
        bound = THERMOAI_COST_BOUND_HOST;
    }
    e_dyn_work = eb * bytes + ef * w.flop;
    /* the power limit: P_idle t + e_work + P_ovh (t - roof) <= P_max t */
    if (!(s.flags & THERMOAI_COST_NO_POWER_CAP) && h.board_power_w > 0.0
        && h.idle_power_w * t + e_dyn_work + s.overhead_power_w * (t - roof) > h.board_power_w * t) {
        double head = h.board_power_w - h.idle_power_w - s.overhead_power_w;

        if (head > 0.0) {
            double tc = (e_dyn_work - s.overhead_power_w * roof) / head;

            if (tc > t) {
                t = tc;
                bound = THERMOAI_COST_BOUND_POWER;
            }
        }
    }
    r->bound = bound;
    r->step_s = t;
    r->roofline_s = roof;
    r->memory_s = mem;
    r->compute_s = comp;
    r->overhead_s = t - roof;
    r->weights_j = eb * w.weight_bytes;
    r->kv_j = eb * kv;
    r->activations_j = eb * w.activation_bytes;
    r->arithmetic_j = ef * w.flop;
    r->static_j = h.idle_power_w * t;
    r->overhead_j = s.overhead_power_w * r->overhead_s;
    r->energy_j = r->weights_j + r->kv_j + r->activations_j + r->arithmetic_j + r->static_j
                  + r->overhead_j;
    r->tokens = w.tokens;
    r->energy_per_token_j = r->energy_j / w.tokens;
    r->tokens_per_s = w.tokens / t;
    r->average_power_w = r->energy_j / t;
    r->flop = w.flop;
    r->bytes = bytes;
    if (!isfinite(r->energy_j) || !isfinite(r->tokens_per_s) || !isfinite(r->average_power_w)
        || !(t > 0.0))
        return THERMOAI_E_RANGE;
    return THERMOAI_OK;
}

static void poison(thermoai_cost_result *r)
{
    memset(r, 0, sizeof *r);
    r->struct_size = (uint32_t)sizeof *r;
    r->step_s = r->roofline_s = r->memory_s = r->compute_s = r->overhead_s = r->energy_j =
        r->energy_per_token_j = r->tokens_per_s = r->average_power_w = r->weights_j = r->kv_j =
            r->activations_j = r->arithmetic_j = r->static_j = r->overhead_j = r->tokens =
                r->flop = r->bytes = (double)NAN;
}

/* Common output handling: size check, NaN on error, copy out. */
static int finish(int status, thermoai_cost_result *r, thermoai_cost_result *out)
{
    if (status != THERMOAI_OK)
        poison(r);
    (void)thermoai__struct_out(out, THERMOAI__SIZE_V0_COST_RESULT, r, sizeof *r);
    return status;
}

#define OUT_CHECK(out)                                                                     \
    do {                                                                                   \
        if ((out) == NULL)                                                                 \
            return THERMOAI_E_NULL;                                                        \
        THERMOAI__TRY(thermoai__struct_out_check(out, THERMOAI__SIZE_V0_COST_RESULT,        \
                                                 sizeof(thermoai_cost_result), result_doubles, \
                                                 N_RESULT_DOUBLES));                          \
    } while (0)

int thermoai_cost_step(const thermoai_hardware *hw, const thermoai_work *work,
                       const thermoai_cost_serving *serving, thermoai_cost_result *out)
{
    thermoai_cost_result r;

    OUT_CHECK(out);
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    return finish(hw == NULL || work == NULL ? THERMOAI_E_NULL : step(hw, work, serving, &r), &r,
                  out);
}

static int phase_cost(const thermoai_model_arch *arch, const thermoai_work_params *params,
                      const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                      int prefill, thermoai_cost_result *r)
{
    thermoai_work w;

    memset(&w, 0, sizeof w);
    w.struct_size = (uint32_t)sizeof w;
    if (arch == NULL || hw == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(prefill ? thermoai_work_prefill(arch, params, &w)
                          : thermoai_work_decode(arch, params, &w));
    return step(hw, &w, serving, r);
}

int thermoai_cost_decode(const thermoai_model_arch *arch, const thermoai_work_params *params,
                         const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                         thermoai_cost_result *out)
{
    thermoai_cost_result r;

    OUT_CHECK(out);
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    return finish(phase_cost(arch, params, hw, serving, 0, &r), &r, out);
}

int thermoai_cost_prefill(const thermoai_model_arch *arch, const thermoai_work_params *params,
                          const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                          thermoai_cost_result *out)
{
    thermoai_cost_result r;

    OUT_CHECK(out);
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    return finish(phase_cost(arch, params, hw, serving, 1, &r), &r, out);
}

static void accumulate(thermoai_cost_result *sum, const thermoai_cost_result *x, double *by_bound)
{
    sum->step_s += x->step_s;
    sum->roofline_s += x->roofline_s;
    sum->memory_s += x->memory_s;
    sum->compute_s += x->compute_s;
    sum->overhead_s += x->overhead_s;
    sum->energy_j += x->energy_j;
    sum->weights_j += x->weights_j;
    sum->kv_j += x->kv_j;
    sum->activations_j += x->activations_j;
    sum->arithmetic_j += x->arithmetic_j;
    sum->static_j += x->static_j;
    sum->overhead_j += x->overhead_j;
    sum->flop += x->flop;
    sum->bytes += x->bytes;
    by_bound[x->bound] += x->step_s;
}

static int request(const thermoai_model_arch *arch, const thermoai_work_params *user,
                   uint64_t generated, const thermoai_hardware *hw,
                   const thermoai_cost_serving *serving, thermoai_cost_result *sum)
{
    thermoai_work_params p;
    thermoai_cost_result x;
    double by_bound[5] = { 0, 0, 0, 0, 0 };
    uint64_t i, c0;
    uint32_t b;

    if (arch == NULL || hw == NULL)
        return THERMOAI_E_NULL;
    memset(&p, 0, sizeof p);
    if (thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK)
        return THERMOAI_E_INTERNAL;
    if (user != NULL)
        THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_WORK_PARAMS, &p, sizeof p));
    if (generated == 0 || generated > MAX_GENERATED || p.tokens == 0)
        return THERMOAI_E_INVALID;
    memset(&x, 0, sizeof x);
    x.struct_size = (uint32_t)sizeof x;
    THERMOAI__TRY(phase_cost(arch, &p, hw, serving, 1, &x));
    accumulate(sum, &x, by_bound);
    c0 = p.context + p.tokens;
    if (c0 < p.context)
        return THERMOAI_E_INVALID;
    for (i = 0; i < generated; i++) {
        /* step i: the context holds the prompt and the i tokens generated before */
        p.context = c0 + i;
        THERMOAI__TRY(phase_cost(arch, &p, hw, serving, 0, &x));
        accumulate(sum, &x, by_bound);
    }
    sum->bound = THERMOAI_COST_BOUND_MEMORY;
    for (b = 1; b < 5; b++)
        if (by_bound[b] > by_bound[sum->bound])
            sum->bound = b;
    sum->tokens = (double)p.batch * (double)generated;
    sum->energy_per_token_j = sum->energy_j / sum->tokens;
    sum->tokens_per_s = sum->tokens / sum->step_s;
    sum->average_power_w = sum->energy_j / sum->step_s;
    if (!isfinite(sum->energy_j) || !isfinite(sum->step_s))
        return THERMOAI_E_RANGE;
    return THERMOAI_OK;
}

int thermoai_cost_request(const thermoai_model_arch *arch, const thermoai_work_params *params,
                          uint64_t generated, const thermoai_hardware *hw,
                          const thermoai_cost_serving *serving, thermoai_cost_result *out)
{
    thermoai_cost_result r;

    OUT_CHECK(out);
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    return finish(request(arch, params, generated, hw, serving, &r), &r, out);
}
