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

#define KNOWN_FLAGS                                                                        \
    (THERMOAI_MODEL_GATED_FFN | THERMOAI_MODEL_TIED_EMBEDDINGS | THERMOAI_MODEL_LINEAR_BIAS   \
     | THERMOAI_MODEL_NORM_BIAS | THERMOAI_MODEL_LEARNED_POSITIONS)

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
    if (a->layers == 0 || a->heads == 0 || a->d_model == 0 || a->d_ff == 0
        || a->vocab_size == 0 || a->context_length == 0 || !(a->precision_bits > 0.0))
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

int thermoai_model_params(const thermoai_model_arch *arch, uint64_t *params)
{
    thermoai_model_arch a;
    uint64_t d, q, kv, g, nu, layer, p;
    int ok = 1;

    if (params == NULL)
        return THERMOAI_E_NULL;
    *params = 0;
    THERMOAI__TRY(thermoai__arch_load(arch, &a));
    if (a.params != 0) {
        *params = a.params;
        return THERMOAI_OK;
    }
    d = a.d_model;
    q = mul(a.heads, a.head_dim, &ok);     /* width of Q (and of O's input) */
    kv = mul(a.kv_heads, a.head_dim, &ok); /* width of K and of V */
    g = (a.flags & THERMOAI_MODEL_GATED_FFN) ? 3 : 2;
    nu = (a.flags & THERMOAI_MODEL_NORM_BIAS) ? 2 : 1;

    /* one block: Q, O (d x q each), K, V (d x kv each), FFN (g matrices d x d_ff) */
    layer = mul(mul(2, d, &ok), q, &ok);
    layer = add(layer, mul(mul(2, d, &ok), kv, &ok), &ok);
    layer = add(layer, mul(mul(g, d, &ok), a.d_ff, &ok), &ok);
    if (a.flags & THERMOAI_MODEL_LINEAR_BIAS) {
        /* biases of Q, K, V, O, the g-1 input projections of the FFN and its output */
        uint64_t b = add(add(q, mul(2, kv, &ok), &ok), d, &ok);

        b = add(add(b, mul(g - 1, a.d_ff, &ok), &ok), d, &ok);
        layer = add(layer, b, &ok);
    }
    layer = add(layer, mul(mul(2, nu, &ok), d, &ok), &ok); /* two normalisations */

    p = mul(a.layers, layer, &ok);
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
