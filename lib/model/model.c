/* SPDX-License-Identifier: MIT */
/* The transformer architecture struct: init, validation, parameter count. */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "arch.h"
#include "common/internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_model_arch) == THERMOAI__SIZE_V0_MODEL_ARCH, arch_size);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_model_arch, d_model) == 24, arch_d_model);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_model_arch, precision_bits) == 56, arch_precision);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_model_arch, params) == 64, arch_params);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_model_arch, experts) == 72, arch_experts);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_model_arch, expert_d_ff) == 88, arch_expert_d_ff);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_model_arch, sliding_window) == 96, arch_window);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_model_arch, v_head_dim) == 116, arch_v_head_dim);

#define KNOWN_FLAGS                                                                        \
    (THERMOAI_MODEL_GATED_FFN | THERMOAI_MODEL_TIED_EMBEDDINGS | THERMOAI_MODEL_LINEAR_BIAS   \
     | THERMOAI_MODEL_NORM_BIAS | THERMOAI_MODEL_LEARNED_POSITIONS                            \
     | THERMOAI_MODEL_SLIDING_ALTERNATE | THERMOAI_MODEL_QKV_BIAS | THERMOAI_MODEL_PARALLEL_BLOCK  \
     | THERMOAI_MODEL_SANDWICH_NORM)

int thermoai_model_arch_init(thermoai_model_arch *arch, size_t size)
{
    int status = thermoai__struct_init(arch, size, THERMOAI__SIZE_V0_MODEL_ARCH);

    if (status == THERMOAI_OK)
        arch->precision_bits = 16.0;
    return status;
}

size_t thermoai_model_arch_size(void)
{
    return sizeof(thermoai_model_arch);
}

int thermoai__arch_load(const thermoai_model_arch *user, thermoai_model_arch *a)
{

    if (user == NULL)
        return THERMOAI_E_NULL;
    memset(a, 0, sizeof *a);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_MODEL_ARCH, a, sizeof *a));
    if ((a->flags & ~(uint32_t)KNOWN_FLAGS) != 0)
        return THERMOAI_E_UNSUPPORTED;
    if (!isfinite(a->precision_bits))
        return THERMOAI_E_NONFINITE;
    if (a->layers == 0 || a->heads == 0 || a->d_model == 0 || a->vocab_size == 0
        || a->context_length == 0 || !(a->precision_bits > 0.0))
        return THERMOAI_E_INVALID;
    if (a->kv_heads == 0)
        a->kv_heads = a->heads;
    if (a->kv_heads > a->heads || a->heads % a->kv_heads != 0)
        return THERMOAI_E_INVALID;
    if (a->head_dim == 0) {
        if (a->d_model % a->heads != 0 || a->d_model / a->heads > UINT32_MAX)
            return THERMOAI_E_INVALID;
        a->head_dim = (uint32_t)(a->d_model / a->heads);
    }
    if (a->v_head_dim == 0)
        a->v_head_dim = a->head_dim;
    /* mixture of experts: all fields zero for a dense model */
    if (a->experts == 0) {
        if (a->active_experts != 0 || a->shared_experts != 0 || a->first_dense_layers != 0
            || a->expert_d_ff != 0 || a->d_ff == 0)
            return THERMOAI_E_INVALID;
    } else if (a->active_experts == 0 || a->active_experts > a->experts || a->expert_d_ff == 0
               || a->first_dense_layers > a->layers
               || (a->first_dense_layers > 0 && a->d_ff == 0)) {
        return THERMOAI_E_INVALID;
    }
    /* multi-head latent attention */
    if (a->kv_lora_rank == 0) {
        if (a->q_lora_rank != 0 || a->rope_head_dim != 0)
            return THERMOAI_E_INVALID;
    } else if (a->rope_head_dim >= a->head_dim
               || (a->flags & (THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_QKV_BIAS))) {
        return THERMOAI_E_INVALID;
    }
    if ((a->flags & THERMOAI_MODEL_SLIDING_ALTERNATE) && a->sliding_window == 0)
        return THERMOAI_E_INVALID;
    if ((a->flags & THERMOAI_MODEL_PARALLEL_BLOCK) && (a->flags & THERMOAI_MODEL_SANDWICH_NORM))
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

int thermoai_model_arch_check(const thermoai_model_arch *arch)
{
    thermoai_model_arch a;

    return thermoai__arch_load(arch, &a);
}

/* Overflow-checked 64-bit arithmetic: *ok becomes 0 on overflow. */
static uint64_t mul(uint64_t a, uint64_t b, int *ok)
{
    if (a != 0 && b > UINT64_MAX / a) {
        *ok = 0;
        return 0;
    }
    return a * b;
}

static uint64_t add(uint64_t a, uint64_t b, int *ok)
{
    if (b > UINT64_MAX - a) {
        *ok = 0;
        return 0;
    }
    return a + b;
}

/* Parameters of one expert (or of a dense FFN of width w). */
static uint64_t ffn_params(const thermoai_model_arch *a, uint64_t w, uint64_t g, int *ok)
{
    uint64_t p = mul(mul(g, a->d_model, ok), w, ok);

    if (a->flags & THERMOAI_MODEL_LINEAR_BIAS)
        p = add(p, add(mul(g - 1, w, ok), a->d_model, ok), ok);
    return p;
}

/* Parameters of one attention block (projections, their biases, MLA norms). */
static uint64_t attention_params(const thermoai_model_arch *a, uint64_t nu, int *ok)
{
    uint64_t d = a->d_model, h = a->heads, dk = a->head_dim, dv = a->v_head_dim, p;

    if (a->kv_lora_rank == 0) {
        uint64_t kv = a->kv_heads;

        p = mul(mul(d, h, ok), dk, ok);                          /* Q */
        p = add(p, mul(mul(d, kv, ok), add(dk, dv, ok), ok), ok); /* K, V */
        p = add(p, mul(mul(h, dv, ok), d, ok), ok);              /* O */
        if (a->flags & (THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_QKV_BIAS))
            p = add(p, add(mul(h, dk, ok), mul(kv, add(dk, dv, ok), ok), ok), ok);
        if (a->flags & THERMOAI_MODEL_LINEAR_BIAS)
            p = add(p, d, ok); /* output projection */
        return p;
    }
    {
        uint64_t rq = a->q_lora_rank, rkv = a->kv_lora_rank, r = a->rope_head_dim;

        if (rq == 0)
            p = mul(mul(d, h, ok), dk, ok);
        else
            p = add(add(mul(d, rq, ok), mul(nu, rq, ok), ok), mul(mul(rq, h, ok), dk, ok), ok);
        p = add(p, mul(d, add(rkv, r, ok), ok), ok);                       /* latent + rotary key */
        p = add(p, mul(nu, rkv, ok), ok);                                   /* latent norm */
        p = add(p, mul(mul(rkv, h, ok), add(dk - r, dv, ok), ok), ok);     /* up-projections */
        p = add(p, mul(mul(h, dv, ok), d, ok), ok);                         /* O */
        return p;
    }
}

/* The count; with active != 0, MoE layers count only k routed experts. */
static int count(const thermoai_model_arch *user, int active, uint64_t *params)
{
    thermoai_model_arch a;
    uint64_t d, g, nu, norms, attn, dense, moe, p;
    int ok = 1;

    if (params == NULL)
        return THERMOAI_E_NULL;
    *params = 0;
    THERMOAI__TRY(thermoai__arch_load(user, &a));
    if (!active && a.params != 0) {
        *params = a.params;
        return THERMOAI_OK;
    }
    d = a.d_model;
    g = (a.flags & THERMOAI_MODEL_GATED_FFN) ? 3 : 2;
    nu = (a.flags & THERMOAI_MODEL_NORM_BIAS) ? 2 : 1;
    norms = (a.flags & THERMOAI_MODEL_PARALLEL_BLOCK) ? 1
            : (a.flags & THERMOAI_MODEL_SANDWICH_NORM) ? 4 : 2;
    attn = add(attention_params(&a, nu, &ok), mul(mul(norms, nu, &ok), d, &ok), &ok);
    dense = a.d_ff != 0 ? ffn_params(&a, a.d_ff, g, &ok) : 0;
    moe = 0;
    if (a.experts != 0) {
        uint64_t n = active ? (uint64_t)a.active_experts : (uint64_t)a.experts;

        moe = mul(d, a.experts, &ok); /* router */
        if (a.flags & THERMOAI_MODEL_LINEAR_BIAS)
            moe = add(moe, a.experts, &ok);
        moe = add(moe, mul(add(n, a.shared_experts, &ok), ffn_params(&a, a.expert_d_ff, g, &ok), &ok),
                  &ok);
        p = add(mul(a.first_dense_layers, add(attn, dense, &ok), &ok),
                mul(a.layers - a.first_dense_layers, add(attn, moe, &ok), &ok), &ok);
    } else {
        p = mul(a.layers, add(attn, dense, &ok), &ok);
    }
    p = add(p, mul(nu, d, &ok), &ok); /* final normalisation */
    p = add(p, mul(mul(a.vocab_size, d, &ok), (a.flags & THERMOAI_MODEL_TIED_EMBEDDINGS) ? 1 : 2,
                   &ok),
            &ok);
    if (a.flags & THERMOAI_MODEL_LEARNED_POSITIONS)
        p = add(p, mul(a.context_length, d, &ok), &ok);
    if (!ok)
        return THERMOAI_E_RANGE;
    *params = p;
    return THERMOAI_OK;
}

int thermoai_model_params(const thermoai_model_arch *arch, uint64_t *params)
{
    return count(arch, 0, params);
}

int thermoai_model_active_params(const thermoai_model_arch *arch, uint64_t *params)
{
    return count(arch, 1, params);
}
