/* SPDX-License-Identifier: MIT */
/* Work counting: FLOPs and bytes of decode, prefill and training steps, per layer. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "cost_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_work_params) == THERMOAI__SIZE_V0_WORK_PARAMS, wp_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_work) == THERMOAI__SIZE_V0_WORK, w_size);

#define KNOWN_FLAGS                                                                        \
    (THERMOAI_WORK_FULL_ATTENTION | THERMOAI_WORK_ALL_LOGITS | THERMOAI_WORK_RECOMPUTE)

enum phase { DECODE, PREFILL, TRAINING };

static void defaults(thermoai_work_params *p)
{
    memset(p, 0, sizeof *p);
    p->struct_size = (uint32_t)sizeof *p;
    p->compute_precision = THERMOAI_HARDWARE_BF16;
    p->batch = 1;
}

int thermoai_work_params_init(thermoai_work_params *params, size_t size)
{
    int status = thermoai__struct_init(params, size, THERMOAI__SIZE_V0_WORK_PARAMS);

    if (status == THERMOAI_OK) {
        params->compute_precision = THERMOAI_HARDWARE_BF16;
        params->batch = 1;
    }
    return status;
}

size_t thermoai_work_params_size(void)
{
    return sizeof(thermoai_work_params);
}

int thermoai_work_init(thermoai_work *work, size_t size)
{
    return thermoai__struct_init(work, size, THERMOAI__SIZE_V0_WORK);
}

size_t thermoai_work_size(void)
{
    return sizeof(thermoai_work);
}

int thermoai__cost_arch_load(const thermoai_model_arch *user, thermoai_model_arch *a)
{
    THERMOAI__TRY(thermoai_model_arch_check(user));
    memset(a, 0, sizeof *a);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_MODEL_ARCH, a, sizeof *a));
    /* the defaults thermoai_model_arch_check() accepted */
    if (a->kv_heads == 0)
        a->kv_heads = a->heads;
    if (a->head_dim == 0)
        a->head_dim = (uint32_t)(a->d_model / a->heads);
    if (a->v_head_dim == 0)
        a->v_head_dim = a->head_dim;
    return THERMOAI_OK;
}

/* -N expm1(B log1p(-k/N)); exact edge cases. */
static double distinct(double n, double k, double b)
{
    if (b == 0.0)
        return 0.0;
    if (k >= n)
        return n;
    return -n * expm1(b * log1p(-k / n));
}

int thermoai_work_moe_distinct_experts(uint32_t experts, uint32_t active, double tokens,
                                       double *out)
{
    THERMOAI__OUTPUTS(out);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens, THERMOAI__NONNEG }));
    if (experts == 0 || active == 0 || active > experts)
        return THERMOAI_E_INVALID;
    /* positive for any tokens > 0: an underflow to 0 there is out of range */
    return tokens > 0.0 ? thermoai__finish_positive(distinct((double)experts, (double)active, tokens), out)
                        : thermoai__finish(distinct((double)experts, (double)active, tokens), out);
}

/* Keys attended, summed over T query tokens that follow c cached tokens: token i
 * (1-based) sees c + i keys, at most w (w = 0: no window). */
static double key_sum(double c, double t, double w, int full)
{
    double m;

    if (full)
        return t * (w > 0.0 && c + t > w ? w : c + t);
    if (w <= 0.0)
        return t * c + t * (t + 1.0) / 2.0;
    m = w - c;
    if (m < 0.0)
        m = 0.0;
    if (m > t)
        m = t;
    return m * c + m * (m + 1.0) / 2.0 + (t - m) * w;
}

static int load_params(const thermoai_work_params *user, const thermoai_model_arch *a,
                       thermoai_work_params *p, double *wb, double *kb, double *ab)
{
    defaults(p);
    if (user != NULL)
        THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_WORK_PARAMS, p, sizeof *p));
    if ((p->flags & ~(uint32_t)KNOWN_FLAGS) != 0 || p->reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    if (!isfinite(p->weight_bits) || !isfinite(p->kv_bits) || !isfinite(p->activation_bits))
        return THERMOAI_E_NONFINITE;
    if (p->batch == 0 || p->weight_bits < 0.0 || p->kv_bits < 0.0 || p->activation_bits < 0.0
        || p->compute_precision >= THERMOAI_HARDWARE_PRECISIONS)
        return THERMOAI_E_INVALID;
    *wb = (p->weight_bits > 0.0 ? p->weight_bits : a->precision_bits) / 8.0;
    *kb = (p->kv_bits > 0.0 ? p->kv_bits : a->precision_bits) / 8.0;
    *ab = (p->activation_bits > 0.0 ? p->activation_bits : a->precision_bits) / 8.0;
    return THERMOAI_OK;
}

static int count(const thermoai_model_arch *user_arch, const thermoai_work_params *user,
                 enum phase phase, thermoai_work *w)
{
    thermoai_model_arch a;
    thermoai_work_params p;
    double wb, kb, ab, d, h, kv, dk, dv, g, nu, norms, rq, rkv, r, attn_mm, attn_extra, kvdim,
        per_key, bsz, c, t, tok, win, logit_tok, dense_mm, dense_w, dense_par, e_par = 0.0,
        moe_mm = 0.0, moe_read = 0.0, moe_w = 0.0, nexp = 0.0, flop_mm = 0.0, flop_at = 0.0,
        welems = 0.0, kvr = 0.0, kvw = 0.0, kvc = 0.0, act = 0.0, lm;
    uint32_t l;

    THERMOAI__TRY(thermoai__cost_arch_load(user_arch, &a));
    THERMOAI__TRY(load_params(user, &a, &p, &wb, &kb, &ab));
    if (phase != DECODE && p.tokens == 0)
        return THERMOAI_E_INVALID;
    if (phase == TRAINING && p.context == 0)
        return THERMOAI_E_INVALID;
    d = (double)a.d_model;
    h = (double)a.heads;
    kv = (double)a.kv_heads;
    dk = (double)a.head_dim;
    dv = (double)a.v_head_dim;
    g = (a.flags & THERMOAI_MODEL_GATED_FFN) ? 3.0 : 2.0;
    nu = (a.flags & THERMOAI_MODEL_NORM_BIAS) ? 2.0 : 1.0;
    norms = (a.flags & THERMOAI_MODEL_PARALLEL_BLOCK) ? 1.0
            : (a.flags & THERMOAI_MODEL_SANDWICH_NORM) ? 4.0 : 2.0;
    rq = (double)a.q_lora_rank;
    rkv = (double)a.kv_lora_rank;
    r = (double)a.rope_head_dim;

    /* attention block: matmul weights, other weights (biases, norms), cached values */
    if (a.kv_lora_rank == 0) {
        attn_mm = d * h * dk + d * kv * (dk + dv) + h * dv * d;
        attn_extra = 0.0;
        if (a.flags & (THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_QKV_BIAS))
            attn_extra += h * dk + kv * (dk + dv);
        if (a.flags & THERMOAI_MODEL_LINEAR_BIAS)
            attn_extra += d;
        kvdim = kv * (dk + dv);
        per_key = 2.0 * h * (dk + dv);
    } else {
        attn_mm = (rq > 0.0 ? d * rq + rq * h * dk : d * h * dk) + d * (rkv + r)
                  + rkv * h * (dk - r + dv) + h * dv * d;
        attn_extra = nu * rq + nu * rkv;
        kvdim = rkv + r;
        /* decode runs the absorbed form over the latent; prefill and training expand K, V */
        per_key = phase == DECODE ? 2.0 * h * (2.0 * rkv + r) : 2.0 * h * (dk + dv);
    }
    attn_extra += norms * nu * d;

    /* FFN: a dense layer, and a MoE layer */
    dense_mm = g * d * (double)a.d_ff;
    dense_par = dense_mm;
    if (a.flags & THERMOAI_MODEL_LINEAR_BIAS)
        dense_par += (g - 1.0) * (double)a.d_ff + d;
    dense_w = (double)a.d_ff;

    bsz = (double)p.batch;
    if (phase == DECODE) {
        c = (double)p.context;
        t = 1.0;
    } else if (phase == PREFILL) {
        c = (double)p.context;
        t = (double)p.tokens;
    } else {
        c = 0.0;
        t = (double)p.context; /* one sequence of length N, scaled to D tokens below */
        bsz = 1.0;
    }
    tok = bsz * t;
    if (a.experts != 0) {
        double e = (double)a.expert_d_ff, n = (double)a.experts, k = (double)a.active_experts,
               s = (double)a.shared_experts;

        e_par = g * d * e;
        if (a.flags & THERMOAI_MODEL_LINEAR_BIAS)
            e_par += (g - 1.0) * e + d;
        nexp = distinct(n, k, tok);
        moe_mm = d * n + (k + s) * g * d * e;
        moe_read = d * n + ((a.flags & THERMOAI_MODEL_LINEAR_BIAS) ? n : 0.0) + (s + nexp) * e_par;
        moe_w = (k + s) * e;
    }

    for (l = 0; l < a.layers; l++) {
        int moe = a.experts != 0 && l >= a.first_dense_layers;
        int windowed = a.sliding_window != 0
                       && (!(a.flags & THERMOAI_MODEL_SLIDING_ALTERNATE) || l % 2 == 0);
        double keys, ffn_mm = moe ? moe_mm : dense_mm, width = moe ? moe_w : dense_w;

        win = windowed ? (double)a.sliding_window : 0.0;
        keys = key_sum(c, t, win, (p.flags & THERMOAI_WORK_FULL_ATTENTION) != 0);
        flop_at += bsz * keys * per_key;
        flop_mm += 2.0 * tok * (attn_mm + ffn_mm);
        welems += attn_mm + attn_extra + (moe ? moe_read : dense_par);
        if (phase != TRAINING) {
            double span = c + t;

            kvr += bsz * (windowed && span > win + t - 1.0 ? win + t - 1.0 : span) * kvdim;
            kvw += tok * kvdim;
            kvc += bsz * (windowed && span > win ? win : span) * kvdim;
            act += tok * (7.0 * d + 2.0 * h * dk + 2.0 * h * dv + kvdim + 7.0 * d
                          + 2.0 * g * width + (moe ? (double)a.experts : 0.0));
        }
    }

    /* output head and embeddings */
    lm = d * (double)a.vocab_size;
    if (phase == TRAINING)
        logit_tok = tok;
    else
        logit_tok = (phase == PREFILL && (p.flags & THERMOAI_WORK_ALL_LOGITS)) ? tok : bsz;
    flop_mm += 2.0 * lm * logit_tok;
    welems += nu * d + lm
              + tok * d * ((a.flags & THERMOAI_MODEL_LEARNED_POSITIONS) ? 2.0 : 1.0);
    act += tok * 3.0 * d + logit_tok * (d + (double)a.vocab_size);

    memset(w, 0, sizeof *w);
    w->struct_size = (uint32_t)sizeof *w;
    w->compute_precision = p.compute_precision;
    w->layers = (double)a.layers;
    w->experts_touched = a.experts != 0 ? nexp : 0.0;
    if (phase == TRAINING) {
        /* per token of a length-N sequence, times D tokens, times the passes */
        double passes = (p.flags & THERMOAI_WORK_RECOMPUTE) ? 4.0 : 3.0;
        double scale = passes * (double)p.tokens / t;

        w->matmul_flop = flop_mm * scale;
        w->attention_flop = flop_at * scale;
        w->tokens = (double)p.tokens;
        w->experts_touched = 0.0;
    } else {
        w->matmul_flop = flop_mm;
        w->attention_flop = flop_at;
        w->weight_bytes = welems * wb;
        w->kv_read_bytes = kvr * kb;
        w->kv_write_bytes = kvw * kb;
        w->activation_bytes = act * ab;
        w->kv_cache_bytes = kvc * kb;
        w->tokens = tok;
    }
    w->flop = w->matmul_flop + w->attention_flop;
    w->bytes = w->weight_bytes + w->kv_read_bytes + w->kv_write_bytes + w->activation_bytes;
    if (!isfinite(w->flop) || !isfinite(w->bytes) || !isfinite(w->kv_cache_bytes))
        return THERMOAI_E_RANGE;
    return THERMOAI_OK;
}

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t work_doubles[] = {
    offsetof(thermoai_work, flop),
    offsetof(thermoai_work, matmul_flop),
    offsetof(thermoai_work, attention_flop),
    offsetof(thermoai_work, bytes),
    offsetof(thermoai_work, weight_bytes),
    offsetof(thermoai_work, kv_read_bytes),
    offsetof(thermoai_work, kv_write_bytes),
    offsetof(thermoai_work, activation_bytes),
    offsetof(thermoai_work, kv_cache_bytes),
    offsetof(thermoai_work, tokens),
    offsetof(thermoai_work, layers),
    offsetof(thermoai_work, experts_touched),
};
#define N_WORK_DOUBLES (sizeof work_doubles / sizeof work_doubles[0])

static int run(const thermoai_model_arch *arch, const thermoai_work_params *params,
               enum phase phase, thermoai_work *out)
{
    thermoai_work w;
    int status;

    if (out == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__struct_out_check(out, THERMOAI__SIZE_V0_WORK, sizeof w, work_doubles,
                                             N_WORK_DOUBLES));
    status = arch == NULL ? THERMOAI_E_NULL : count(arch, params, phase, &w);
    if (status != THERMOAI_OK) {
        memset(&w, 0, sizeof w);
        w.struct_size = (uint32_t)sizeof w;
        w.flop = w.matmul_flop = w.attention_flop = w.bytes = w.weight_bytes = w.kv_read_bytes =
            w.kv_write_bytes = w.activation_bytes = w.kv_cache_bytes = w.tokens = w.layers =
                w.experts_touched = (double)NAN;
    }
    (void)thermoai__struct_out(out, THERMOAI__SIZE_V0_WORK, &w, sizeof w);
    return status;
}

int thermoai_work_decode(const thermoai_model_arch *arch, const thermoai_work_params *params,
                         thermoai_work *out)
{
    return run(arch, params, DECODE, out);
}

int thermoai_work_prefill(const thermoai_model_arch *arch, const thermoai_work_params *params,
                          thermoai_work *out)
{
    return run(arch, params, PREFILL, out);
}

int thermoai_work_training(const thermoai_model_arch *arch, const thermoai_work_params *params,
                           thermoai_work *out)
{
    return run(arch, params, TRAINING, out);
}
