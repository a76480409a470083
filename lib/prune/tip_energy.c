/* SPDX-License-Identifier: MIT */
/* TIP energy accounting on the cost model: the energy a structured component or an
 * unstructured sparsity saves per token (tip.h). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/internal.h"

/* a - b (or a + f b) over the counted fields of a work struct */
static void work_axpy(thermoai_work *a, double f, const thermoai_work *b)
{
    a->matmul_flop += f * b->matmul_flop;
    a->attention_flop += f * b->attention_flop;
    a->weight_bytes += f * b->weight_bytes;
    a->kv_read_bytes += f * b->kv_read_bytes;
    a->kv_write_bytes += f * b->kv_write_bytes;
    a->activation_bytes += f * b->activation_bytes;
    a->kv_cache_bytes += f * b->kv_cache_bytes;
    a->layers += f * b->layers;
}

/* Clamps the rounding residue of a difference at 0 and recomputes the sums. */
static void work_settle(thermoai_work *w)
{
    double *f[] = { &w->matmul_flop, &w->attention_flop, &w->weight_bytes, &w->kv_read_bytes,
                    &w->kv_write_bytes, &w->activation_bytes, &w->kv_cache_bytes, &w->layers };
    size_t i;

    for (i = 0; i < sizeof f / sizeof f[0]; i++)
        if (*f[i] < 0.0)
            *f[i] = 0.0;
    w->flop = w->matmul_flop + w->attention_flop;
    w->bytes = w->weight_bytes + w->kv_read_bytes + w->kv_write_bytes + w->activation_bytes;
}

static int work_of(const thermoai_model_arch *a, const thermoai_work_params *params, uint32_t phase,
                   thermoai_work *w)
{
    THERMOAI__TRY(thermoai_work_init(w, sizeof *w));
    return phase == THERMOAI_TIP_DECODE ? thermoai_work_decode(a, params, w)
                                        : thermoai_work_prefill(a, params, w);
}

/* w = work(x) - work(y) */
static int work_diff(const thermoai_model_arch *x, const thermoai_model_arch *y,
                     const thermoai_work_params *params, uint32_t phase, thermoai_work *w)
{
    thermoai_work wy;

    THERMOAI__TRY(work_of(x, params, phase, w));
    THERMOAI__TRY(work_of(y, params, phase, &wy));
    work_axpy(w, -1.0, &wy);
    return THERMOAI_OK;
}

/* The caller's architecture, checked, copied into this library's struct with the defaults
 * of kv_heads, head_dim and v_head_dim resolved. */
static int load_arch(const thermoai_model_arch *arch, thermoai_model_arch *a)
{
    size_t n;

    THERMOAI__TRY(thermoai_model_arch_check(arch));
    THERMOAI__TRY(thermoai_model_arch_init(a, sizeof *a));
    n = arch->struct_size < sizeof *a ? arch->struct_size : sizeof *a;
    memcpy(a, arch, n);
    a->struct_size = (uint32_t)sizeof *a;
    if (a->kv_heads == 0)
        a->kv_heads = a->heads;
    if (a->head_dim == 0)
        a->head_dim = (uint32_t)(a->d_model / a->heads);
    if (a->v_head_dim == 0)
        a->v_head_dim = a->head_dim;
    a->params = 0;
    return THERMOAI_OK;
}

/* The step's energy, J. */
static int energy(const thermoai_hardware *hw, const thermoai_work *w,
                  const thermoai_cost_serving *serving, double *e)
{
    thermoai_cost_result r;

    THERMOAI__TRY(thermoai_cost_result_init(&r, sizeof r));
    THERMOAI__TRY(thermoai_cost_step(hw, w, serving, &r));
    *e = r.energy_j;
    return THERMOAI_OK;
}

/* The work of one component of the kind, and how many the model has. */
static int unit_work(const thermoai_model_arch *a, const thermoai_work_params *params, uint32_t phase,
                     uint32_t kind, thermoai_work *u, double *available)
{
    thermoai_model_arch x = *a, y = *a;
    const double layers = (double)a->layers;
    thermoai_work kvw;

    switch (kind) {
    case THERMOAI_TIP_KIND_HEAD:
    case THERMOAI_TIP_KIND_KV_GROUP:
        if (a->kv_lora_rank != 0)
            return THERMOAI_E_UNSUPPORTED;
        x.heads = 2;
        x.kv_heads = 1;
        y.heads = 1;
        y.kv_heads = 1;
        THERMOAI__TRY(work_diff(&x, &y, params, phase, u)); /* one query head per layer */
        y = x;
        x.kv_heads = 2;
        THERMOAI__TRY(work_diff(&x, &y, params, phase, &kvw)); /* one KV head per layer */
        if (kind == THERMOAI_TIP_KIND_KV_GROUP) {
            double group = (double)(a->heads / a->kv_heads);

            work_axpy(u, group - 1.0, u);
            work_axpy(u, 1.0, &kvw);
            *available = (double)a->kv_heads * layers;
        } else {
            if (a->kv_heads == a->heads)
                work_axpy(u, 1.0, &kvw);
            *available = (double)a->heads * layers;
        }
        work_axpy(u, 1.0 / layers - 1.0, u);
        return THERMOAI_OK;
    case THERMOAI_TIP_KIND_NEURON:
        if (a->experts != 0)
            return THERMOAI_E_UNSUPPORTED;
        x.d_ff = 2;
        y.d_ff = 1;
        THERMOAI__TRY(work_diff(&x, &y, params, phase, u));
        work_axpy(u, 1.0 / layers - 1.0, u);
        *available = (double)a->d_ff * layers;
        return THERMOAI_OK;
    case THERMOAI_TIP_KIND_LAYER:
        if (a->layers > UINT32_MAX / 2)
            return THERMOAI_E_INVALID;
        x.layers = 2 * a->layers;
        THERMOAI__TRY(work_diff(&x, &y, params, phase, u));
        work_axpy(u, 1.0 / layers - 1.0, u);
        *available = layers - 1.0;
        return THERMOAI_OK;
    default:
        return THERMOAI_E_UNSUPPORTED;
    }
}

int thermoai_tip_component_energy_j(const thermoai_model_arch *arch,
                                    const thermoai_work_params *params, uint32_t phase,
                                    const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                                    uint32_t kind, uint64_t count, double *energy_j, double *total_j)
{
    thermoai_model_arch a;
    thermoai_work w, u, wp;
    double available = 0.0, e_full, e_pruned;

    THERMOAI__OUTPUTS(energy_j, total_j);
    if (arch == NULL || hw == NULL)
        return THERMOAI_E_NULL;
    if (phase != THERMOAI_TIP_DECODE && phase != THERMOAI_TIP_PREFILL)
        return THERMOAI_E_UNSUPPORTED;
    if (kind < THERMOAI_TIP_KIND_HEAD || kind > THERMOAI_TIP_KIND_LAYER)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(load_arch(arch, &a));
    THERMOAI__TRY(work_of(&a, params, phase, &w));
    THERMOAI__TRY(unit_work(&a, params, phase, kind, &u, &available));
    if (count == 0 || (double)count > available)
        return THERMOAI_E_INVALID;
    wp = w;
    work_axpy(&wp, -(double)count, &u);
    work_settle(&wp);
    THERMOAI__TRY(energy(hw, &w, serving, &e_full));
    THERMOAI__TRY(energy(hw, &wp, serving, &e_pruned));
    {
        const double vals[2] = { (e_full - e_pruned) / w.tokens, e_full / w.tokens };
        double *const outs[2] = { energy_j, total_j };

        return thermoai__store(outs, vals, 2);
    }
}

int thermoai_tip_unstructured_energy_j(const thermoai_model_arch *arch,
                                       const thermoai_work_params *params, uint32_t phase,
                                       const thermoai_hardware *hw,
                                       const thermoai_cost_serving *serving, uint32_t storage,
                                       double sparsity, double index_bits, double *saved_j,
                                       double *total_j)
{
    thermoai_model_arch a;
    thermoai_work_params p;
    thermoai_work w, u, ws;
    double available, e_full, e_sparse, elems, b;

    THERMOAI__OUTPUTS(saved_j, total_j);
    if (arch == NULL || hw == NULL)
        return THERMOAI_E_NULL;
    if (phase != THERMOAI_TIP_DECODE && phase != THERMOAI_TIP_PREFILL)
        return THERMOAI_E_UNSUPPORTED;
    if (storage != THERMOAI_TIP_STORE_DENSE && storage != THERMOAI_TIP_STORE_SPARSE)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(THERMOAI__CHECK({ sparsity, THERMOAI__NONNEG }, { index_bits, THERMOAI__NONNEG }));
    if (sparsity >= 1.0)
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(load_arch(arch, &a));
    if (a.experts != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(work_of(&a, params, phase, &w));
    THERMOAI__TRY(energy(hw, &w, serving, &e_full));
    ws = w;
    if (storage == THERMOAI_TIP_STORE_SPARSE) {
        /* the bits per weight the work was counted with */
        THERMOAI__TRY(thermoai_work_params_init(&p, sizeof p));
        if (params != NULL) {
            size_t n = params->struct_size < sizeof p ? params->struct_size : sizeof p;

            memcpy(&p, params, n);
        }
        b = (p.weight_bits > 0.0 ? p.weight_bits : a.precision_bits) / 8.0;
        /* the block matrices: the matmul work of the mean layer, times the layers */
        THERMOAI__TRY(unit_work(&a, params, phase, THERMOAI_TIP_KIND_LAYER, &u, &available));
        elems = u.matmul_flop / (2.0 * w.tokens) * (double)a.layers;
        ws.matmul_flop -= sparsity * u.matmul_flop * (double)a.layers;
        ws.weight_bytes += elems * ((1.0 - sparsity) * (b + index_bits / 8.0) - b);
        work_settle(&ws);
    }
    THERMOAI__TRY(energy(hw, &ws, serving, &e_sparse));
    {
        const double vals[2] = { (e_full - e_sparse) / w.tokens, e_full / w.tokens };
        double *const outs[2] = { saved_j, total_j };

        return thermoai__store(outs, vals, 2);
    }
}
