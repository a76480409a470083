/* SPDX-License-Identifier: MIT */
/* Layer-wise entropy model of transformer inference (paper 000, Sec. 3.1-3.2). */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "arch.h"
#include "common/internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_entropy_params) == THERMOAI__SIZE_V0_ENTROPY_PARAMS,
                        params_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_entropy_breakdown)
                            == THERMOAI__SIZE_V0_ENTROPY_BREAKDOWN,
                        breakdown_size);

#define DEFAULT_SATURATION 0.15 /* paper 000 Sec. 3.1: "alpha ~ 0.15" */
#define DEFAULT_TEMPERATURE_K 300.0

static void defaults(thermoai_entropy_params *p)
{
    memset(p, 0, sizeof *p);
    p->struct_size = (uint32_t)sizeof *p;
    p->attention_rows = THERMOAI_ENTROPY_ROWS_ONE;
    p->seq_len = 0;
    p->saturation_fraction = DEFAULT_SATURATION;
    p->temperature_k = DEFAULT_TEMPERATURE_K;
}

int thermoai_entropy_params_init(thermoai_entropy_params *params, size_t size)
{
    thermoai_entropy_params d;
    int status = thermoai__struct_init(params, size, THERMOAI__SIZE_V0_ENTROPY_PARAMS);

    if (status != THERMOAI_OK)
        return status;
    defaults(&d);
    return thermoai__struct_out(params, THERMOAI__SIZE_V0_ENTROPY_PARAMS, &d, sizeof d);
}

size_t thermoai_entropy_params_size(void)
{
    return sizeof(thermoai_entropy_params);
}

size_t thermoai_entropy_breakdown_size(void)
{
    return sizeof(thermoai_entropy_breakdown);
}

int thermoai_entropy_breakdown_init(thermoai_entropy_breakdown *out, size_t size)
{
    return thermoai__struct_init(out, size, THERMOAI__SIZE_V0_ENTROPY_BREAKDOWN);
}

/*
 * d - log2(n) from n's exact integer value: n = 2^k (1 + x) with |x| <= 1/2,
 * k the nearer power of two, x = (n - 2^k) / 2^k formed in 64-bit integers, so
 * that d - k is exact when d is near log2 n and only log1p(x) is rounded.
 * (double)n would round n = 2^64 - 1 up to 2^64, and log2(2^64) - 64 = 0.
 */
static double minus_log2(double d, uint64_t n)
{
    int k = 0;
    uint64_t p;
    double x;

    while (k < 63 && (n >> (k + 1)) != 0)
        k++; /* 2^k <= n < 2^(k+1) */
    p = (uint64_t)1 << k;
    if (n - p <= p / 2) {
        x = (double)(n - p) / (double)p;
    } else {
        /* nearer 2^(k+1): n = 2^(k+1) (1 - s / 2^(k+1)); 2^(k+1) - n wraps to the
         * right value in uint64_t also for k = 63 */
        const uint64_t s = (uint64_t)0 - n + (k == 63 ? 0 : p << 1);

        k++;
        x = -(double)s / ldexp(1.0, k);
    }
    return (d - (double)k) - log1p(x) * THERMOAI__LOG2E;
}

int thermoai_entropy_attention_bits(uint32_t heads, uint32_t head_dim, double precision_bits,
                                    uint64_t seq_len, uint64_t rows, double *bits)
{
    double num[3];

    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ precision_bits, THERMOAI__POS }));
    if (heads == 0 || head_dim == 0 || seq_len == 0 || rows == 0)
        return THERMOAI_E_INVALID;
    num[0] = (double)heads;
    num[1] = (double)rows;
    num[2] = minus_log2((double)head_dim * precision_bits, seq_len);
    if (!isfinite(num[2]))
        return THERMOAI_E_RANGE;
    if (!(num[2] > 0.0))
        return THERMOAI_E_DOMAIN;
    return thermoai__scaled_ratio(num, 3, NULL, 0, bits);
}

int thermoai_entropy_ffn_bits(uint64_t d_ff, double saturation_fraction, double precision_bits,
                              double *bits)
{
    double num[3];

    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ saturation_fraction, THERMOAI__FINITE },
                                  { precision_bits, THERMOAI__POS }));
    if (d_ff == 0 || !(saturation_fraction >= 0.0 && saturation_fraction <= 1.0))
        return THERMOAI_E_INVALID;
    num[0] = (double)d_ff;
    num[1] = saturation_fraction;
    num[2] = precision_bits;
    return thermoai__scaled_ratio(num, 3, NULL, 0, bits);
}

int thermoai_entropy_norm_bits(double precision_bits, double *bits)
{
    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ precision_bits, THERMOAI__POS }));
    return thermoai__finish(2.0 * precision_bits, bits); /* E_RANGE above DBL_MAX or subnormal */
}

/* Loads the options (NULL = defaults) and checks them. */
static int params_load(const thermoai_entropy_params *user, thermoai_entropy_params *p)
{
    defaults(p);
    if (user != NULL)
        THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_ENTROPY_PARAMS, p, sizeof *p));
    if (p->attention_rows != THERMOAI_ENTROPY_ROWS_ONE
        && p->attention_rows != THERMOAI_ENTROPY_ROWS_ALL)
        return THERMOAI_E_UNSUPPORTED;
    if (!isfinite(p->saturation_fraction) || !isfinite(p->temperature_k))
        return THERMOAI_E_NONFINITE;
    if (!(p->saturation_fraction >= 0.0 && p->saturation_fraction <= 1.0)
        || !(p->temperature_k > 0.0))
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

static int compute(const thermoai_model_arch *user_arch, const thermoai_entropy_params *user_params,
                   thermoai_entropy_breakdown *r)
{
    thermoai_model_arch a;
    thermoai_entropy_params p;
    uint64_t n;
    double norm_one;

    THERMOAI__TRY(thermoai__arch_load(user_arch, &a));
    THERMOAI__TRY(params_load(user_params, &p));
    n = p.seq_len != 0 ? p.seq_len : a.context_length;
    THERMOAI__TRY(thermoai_entropy_attention_bits(
                                                  a.heads, a.head_dim, a.precision_bits, n,
                                                  p.attention_rows == THERMOAI_ENTROPY_ROWS_ALL ? n : 1, &r->attention_bits));
    /* a model whose every layer is MoE: the FFN width a token passes through is
     * that of its k routed and s shared experts */
    THERMOAI__TRY(thermoai_entropy_ffn_bits(
        a.d_ff != 0 ? a.d_ff : (uint64_t)(a.active_experts + a.shared_experts) * a.expert_d_ff,
        p.saturation_fraction, a.precision_bits, &r->ffn_bits));
    THERMOAI__TRY(thermoai_entropy_norm_bits(a.precision_bits, &norm_one));
    r->norm_bits = 2.0 * norm_one; /* two normalisations per block: "2 dH_norm" */
    r->layer_bits = r->attention_bits + r->ffn_bits + r->norm_bits;
    r->token_bits = (double)a.layers * r->layer_bits;
    if (!isfinite(r->norm_bits) || !isfinite(r->token_bits))
        return THERMOAI_E_RANGE;
    return thermoai_landauer_energy_j(r->token_bits, p.temperature_k, &r->token_energy_j);
}

/* The double fields of the breakdown, for the error path of an output struct. */
static const size_t breakdown_doubles[] = {
    offsetof(thermoai_entropy_breakdown, attention_bits),
    offsetof(thermoai_entropy_breakdown, ffn_bits),
    offsetof(thermoai_entropy_breakdown, norm_bits),
    offsetof(thermoai_entropy_breakdown, layer_bits),
    offsetof(thermoai_entropy_breakdown, token_bits),
    offsetof(thermoai_entropy_breakdown, token_energy_j),
};

int thermoai_entropy_token(const thermoai_model_arch *arch, const thermoai_entropy_params *params,
                           thermoai_entropy_breakdown *out)
{
    thermoai_entropy_breakdown r;
    int status = THERMOAI_E_SIZE;

    if (out == NULL)
        return THERMOAI_E_NULL;
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    if (thermoai__struct_size_of(out) >= THERMOAI__SIZE_V0_ENTROPY_BREAKDOWN)
        status = compute(arch, params, &r);
    if (status != THERMOAI_OK) {
        /* every double the caller's struct_size covers, also below V0 */
        thermoai__struct_nan(out, sizeof r, breakdown_doubles,
                             sizeof breakdown_doubles / sizeof breakdown_doubles[0]);
        return status;
    }
    return thermoai__struct_out(out, THERMOAI__SIZE_V0_ENTROPY_BREAKDOWN, &r, sizeof r);
}

int thermoai_entropy_token_energy_j(const thermoai_model_arch *arch,
                                    const thermoai_entropy_params *params, double *energy_j)
{
    thermoai_entropy_breakdown r;
    int status;

    if (energy_j == NULL)
        return THERMOAI_E_NULL;
    r.struct_size = (uint32_t)sizeof r;
    status = thermoai_entropy_token(arch, params, &r);
    *energy_j = status == THERMOAI_OK ? r.token_energy_j : (double)NAN;
    return status;
}
