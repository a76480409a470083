/* SPDX-License-Identifier: MIT */
/*
 * Work counting: FLOPs and bytes of small dense, GQA, MoE, windowed and MLA shapes
 * against the hand counts of tests/ref/work_ref.py (exact rationals) and one written
 * out below; the expected distinct experts; properties (batch shares weights, context
 * grows KV, GQA shrinks KV, 6ND); bad input.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

/* d=64, h=4 of 16, d_ff=256 gated, L=2, V=100, RMSNorm, untied (tests/ref/work_ref.py arch()) */
static thermoai_model_arch small(void)
{
    thermoai_model_arch a;

    if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK)
        memset(&a, 0, sizeof a);
    a.flags = THERMOAI_MODEL_GATED_FFN;
    a.layers = 2;
    a.heads = 4;
    a.d_model = 64;
    a.d_ff = 256;
    a.vocab_size = 100;
    a.context_length = 4096;
    return a;
}

static thermoai_model_arch shape(const char *name)
{
    thermoai_model_arch a = small();

    if (strncmp(name, "gqa", 3) == 0)
        a.kv_heads = 2;
    else if (strncmp(name, "moe", 3) == 0) {
        a.d_ff = strcmp(name, "moe-first-dense") == 0 ? 256 : 0;
        a.first_dense_layers = strcmp(name, "moe-first-dense") == 0 ? 1 : 0;
        a.experts = 4;
        a.active_experts = 2;
        a.shared_experts = 1;
        a.expert_d_ff = 32;
    } else if (strncmp(name, "window", 6) == 0) {
        a.sliding_window = 8;
        a.flags |= THERMOAI_MODEL_SLIDING_ALTERNATE;
    } else if (strcmp(name, "mla") == 0) {
        a.flags = 0;
        a.head_dim = 16;
        a.v_head_dim = 8;
        a.q_lora_rank = 10;
        a.kv_lora_rank = 12;
        a.rope_head_dim = 4;
    } else if (strcmp(name, "bias") == 0) {
        a.flags = THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_NORM_BIAS
                  | THERMOAI_MODEL_LEARNED_POSITIONS;
    }
    return a;
}

static thermoai_work_params params(unsigned long long b, unsigned long long c, unsigned long long t)
{
    thermoai_work_params p;

    if (thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK)
        memset(&p, 0, sizeof p);
    p.batch = b;
    p.context = c;
    p.tokens = t;
    return p;
}

static void hand_count(void)
{
    thermoai_model_arch a = small();
    thermoai_work_params p = params(2, 10, 0);
    thermoai_work w;

    /* decode, batch 2, 10 cached tokens, 16-bit everything:
     *   attention weights 64*64 (Q) + 64*4*32 (K, V) + 64*64 (O) = 16384, FFN 3*64*256 = 49152
     *   matmul FLOPs 2 layers * 2 * 2 tokens * 65536 = 524288, + head 2 * 6400 * 2 = 25600
     *   attention FLOPs 2 layers * 2 seq * 11 keys * 2*4*(16+16) = 11264
     *   weights (16384 + 128 norms + 49152) * 2 + 64 + 6400 + 2 rows * 64 = 137920 values
     *   KV read 2 layers * 2 * 11 * 128 = 5632 values, written 2 * 2 * 128 = 512
     *   activations per token and layer 7*64 + 128 + 128 + 128 + 7*64 + 6*256 = 2816,
     *   * 2 tokens * 2 layers + 2 * 192 + 2 * (64 + 100) = 11976 values */
    tap_ok(thermoai_work_init(&w, sizeof w) == THERMOAI_OK
               && thermoai_work_decode(&a, &p, &w) == THERMOAI_OK,
           "decode of the small shape");
    tap_ok(w.matmul_flop == 549888.0 && w.attention_flop == 11264.0 && w.flop == 561152.0,
           "FLOPs 549888 + 11264 by hand");
    tap_ok(w.weight_bytes == 2.0 * 137920.0 && w.kv_read_bytes == 2.0 * 5632.0
               && w.kv_write_bytes == 2.0 * 512.0 && w.activation_bytes == 2.0 * 11976.0,
           "bytes by hand (weights 275840, KV 11264 + 1024, activations 23952)");
    tap_ok(w.bytes == 312080.0 && w.tokens == 2.0 && w.layers == 2.0 && w.experts_touched == 0.0
               && w.kv_cache_bytes == 11264.0,
           "total 312080 bytes, 2 tokens, 2 layers, cache 11264 bytes");
}

static void against_ref(void)
{
    FILE *f = ref_open("work.csv");
    char line[512], name[64], phase[16];
    double v[10];
    int rows = 0;

    if (!tap_ok(f != NULL, "open tests/ref/work.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        thermoai_model_arch a;
        thermoai_work_params p;
        thermoai_work w;
        int s, i;
        double got[10];

        if (sscanf(line, "work,%63[^,],%15[^,],%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf", name,
                   phase, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9])
            != 12)
            continue;
        rows++;
        a = shape(name);
        /* the cases of work_ref.py CASES, in order of appearance */
        if (strcmp(phase, "decode") == 0) {
            static const unsigned long long b[] = { 2, 2, 3, 4, 1, 4, 2, 2, 2, 1 };
            static const unsigned long long c[] = { 10, 10, 100, 20, 20, 20, 20, 3, 30, 5 };
            int k = rows - 1;

            p = params(b[k], c[k], 0);
            if (strcmp(name, "dense-int8-kv4") == 0) {
                p.weight_bits = 8;
                p.kv_bits = 4;
            }
            s = thermoai_work_init(&w, sizeof w) == THERMOAI_OK ? thermoai_work_decode(&a, &p, &w) : -1;
        } else if (strcmp(phase, "prefill") == 0) {
            static const unsigned long long b[] = { 2, 2, 2, 1, 2, 1, 1 };
            static const unsigned long long c[] = { 3, 3, 0, 0, 0, 4, 0 };
            static const unsigned long long t[] = { 5, 5, 5, 64, 3, 12, 16 };
            int k = rows - 11;

            p = params(b[k], c[k], t[k]);
            if (strcmp(name, "dense-full") == 0)
                p.flags = THERMOAI_WORK_FULL_ATTENTION;
            if (strcmp(name, "dense-logits") == 0)
                p.flags = THERMOAI_WORK_ALL_LOGITS;
            s = thermoai_work_init(&w, sizeof w) == THERMOAI_OK ? thermoai_work_prefill(&a, &p, &w) : -1;
        } else {
            p = params(1, strcmp(name, "moe") == 0 ? 8 : 16, strcmp(name, "moe") == 0 ? 800 : 1000);
            if (strcmp(name, "dense-recompute") == 0)
                p.flags = THERMOAI_WORK_RECOMPUTE;
            if (strcmp(name, "dense-full") == 0)
                p.flags = THERMOAI_WORK_FULL_ATTENTION;
            s = thermoai_work_init(&w, sizeof w) == THERMOAI_OK ? thermoai_work_training(&a, &p, &w) : -1;
        }
        got[0] = w.flop;
        got[1] = w.matmul_flop;
        got[2] = w.attention_flop;
        got[3] = w.weight_bytes;
        got[4] = w.kv_read_bytes;
        got[5] = w.kv_write_bytes;
        got[6] = w.activation_bytes;
        got[7] = w.kv_cache_bytes;
        got[8] = w.tokens;
        got[9] = w.experts_touched;
        for (i = 0; i < 10; i++)
            if (!(fabs(got[i] - v[i]) <= 1e-13 * fabs(v[i])))
                break;
        tap_ok(s == THERMOAI_OK && i == 10, "%s %s: all ten counts match the hand count%s", phase,
               name, i < 10 ? " (first mismatch below)" : "");
        if (i < 10)
            tap_diag("field %d: got %.17g, expected %.17g", i, got[i], v[i]);
    }
    fclose(f);
    tap_ok(rows == 21, "21 reference cases (%d)", rows);
}

static void distinct_experts(void)
{
    double e = 0.0;

    /* N (1 - ((N-k)/N)^B): 8 experts, top-2, batch 1 -> 2; batch 2 -> 8 (1 - 9/16) = 3.5 */
    tap_ok(thermoai_work_moe_distinct_experts(8, 2, 1.0, &e) == THERMOAI_OK, "8, 2, 1");
    tap_rel(e, 2.0, 1e-15, "one token touches k = 2 experts");
    tap_ok(thermoai_work_moe_distinct_experts(8, 2, 2.0, &e) == THERMOAI_OK, "8, 2, 2");
    tap_rel(e, 3.5, 1e-15, "two tokens: 8 (1 - (6/8)^2) = 3.5");
    tap_ok(thermoai_work_moe_distinct_experts(256, 8, 64.0, &e) == THERMOAI_OK, "256, 8, 64");
    /* 256 (1 - (248/256)^64) = 256 (1 - 0.96875^64); 0.96875^64 = 0.131086...; by mpmath:
     * 222.441766339... */
    tap_rel(e, 256.0 * (1.0 - pow(248.0 / 256.0, 64.0)), 1e-13, "DeepSeek-like 256/8 at batch 64");
    tap_ok(thermoai_work_moe_distinct_experts(8, 8, 3.0, &e) == THERMOAI_OK && e == 8.0,
           "k = N touches all");
    tap_ok(thermoai_work_moe_distinct_experts(8, 2, 0.0, &e) == THERMOAI_OK && e == 0.0,
           "no tokens touch none");
    tap_ok(thermoai_work_moe_distinct_experts(128, 8, 1e6, &e) == THERMOAI_OK && e == 128.0,
           "a large batch saturates at N");
    tap_ok(thermoai_work_moe_distinct_experts(128, 8, 0.5, &e) == THERMOAI_OK && e > 0.0 && e < 8.0,
           "fractional tokens interpolate");
    tap_ok(thermoai_work_moe_distinct_experts(0, 0, 1.0, &e) == THERMOAI_E_INVALID && isnan(e),
           "N = 0 -> E_INVALID, NaN");
    tap_ok(thermoai_work_moe_distinct_experts(8, 9, 1.0, &e) == THERMOAI_E_INVALID, "k > N");
    tap_ok(thermoai_work_moe_distinct_experts(8, 0, 1.0, &e) == THERMOAI_E_INVALID, "k = 0");
    tap_ok(thermoai_work_moe_distinct_experts(8, 2, -1.0, &e) == THERMOAI_E_INVALID, "B < 0");
    tap_ok(thermoai_work_moe_distinct_experts(8, 2, (double)NAN, &e) == THERMOAI_E_NONFINITE, "B NaN");
    tap_ok(thermoai_work_moe_distinct_experts(8, 2, 1.0, NULL) == THERMOAI_E_NULL, "NULL output");
    /* property: increasing in B */
    {
        double prev = 0.0, x = 0.0;
        int ok = 1, b;

        for (b = 1; b <= 64; b++) {
            ok &= thermoai_work_moe_distinct_experts(64, 4, (double)b, &x) == THERMOAI_OK && x > prev
                  && x <= 64.0;
            prev = x;
        }
        tap_ok(ok, "distinct experts rise with batch, bounded by N");
    }
}

static void properties(void)
{
    thermoai_model_arch a, g;
    thermoai_work_params p;
    thermoai_work w1, w2;

    tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
               && thermoai_model_preset_find("llama-2-7b", &a) == THERMOAI_OK
               && thermoai_work_init(&w1, sizeof w1) == THERMOAI_OK
               && thermoai_work_init(&w2, sizeof w2) == THERMOAI_OK,
           "llama-2-7b");
    p = params(1, 512, 0);
    tap_ok(thermoai_work_decode(&a, &p, &w1) == THERMOAI_OK, "decode batch 1");
    /* weights 2 (P - V d) + 2 d (one embedding row): 2 (6738415616 - 131072000) + 8192 */
    tap_ok(w1.weight_bytes == 2.0 * (6738415616.0 - 131072000.0) + 8192.0,
           "7B weights read: every parameter but the unused embedding rows (%.0f bytes)", w1.weight_bytes);
    p.batch = 8;
    tap_ok(thermoai_work_decode(&a, &p, &w2) == THERMOAI_OK
               && w2.weight_bytes - w1.weight_bytes == 7.0 * 8192.0,
           "batch 8 reads the same weights (plus 7 embedding rows)");
    tap_ok(w2.kv_read_bytes == 8.0 * w1.kv_read_bytes && w2.matmul_flop == 8.0 * w1.matmul_flop,
           "KV traffic and FLOPs scale with the batch");
    p = params(1, 1024, 0);
    tap_ok(thermoai_work_decode(&a, &p, &w2) == THERMOAI_OK
               && w2.kv_read_bytes / w1.kv_read_bytes == 1025.0 / 513.0,
           "KV reads grow with context: (1024 + 1) / (512 + 1)");
    /* KV per token: 32 layers * 2 * 32 heads * 128 * 2 bytes = 524288 bytes */
    tap_ok(w1.kv_read_bytes == 513.0 * 524288.0, "LLaMA-2-7B: 512 KiB of KV cache per token");
    g = a;
    g.kv_heads = 8;
    p = params(1, 512, 0);
    tap_ok(thermoai_work_decode(&g, &p, &w2) == THERMOAI_OK && w2.kv_read_bytes == w1.kv_read_bytes / 4.0,
           "GQA with 8 of 32 KV heads reads a quarter of the cache");
    /* training: matmul FLOPs = 6 * (P - V d) per token at full causal attention counted apart */
    p = params(1, 4096, 1000000);
    tap_ok(thermoai_work_training(&a, &p, &w1) == THERMOAI_OK, "training");
    /* matmul weights: all parameters but the embedding table (V d) and the 2L + 1 norm gains */
    tap_rel(w1.matmul_flop, 6.0 * 1e6 * (6738415616.0 - 131072000.0 - 65.0 * 4096.0), 1e-12,
            "training matmul FLOPs = 6 D x matmul weights (6ND without embeddings and norms)");
    /* attention: 3 passes * D * 32 layers * 4*32*128 * (4096+1)/2 */
    tap_rel(w1.attention_flop, 3.0 * 1e6 * 32.0 * 4.0 * 4096.0 * 4097.0 / 2.0, 1e-13,
            "training attention FLOPs with causal halving");
    tap_ok(w1.bytes == 0.0 && w1.tokens == 1e6, "training counts no bytes");
    /* MoE: the touched experts and their bytes grow with batch until all are touched */
    {
        thermoai_model_arch m;
        double prev = 0.0;
        int ok = 1;
        unsigned long long b;

        tap_ok(thermoai_model_arch_init(&m, sizeof m) == THERMOAI_OK
                   && thermoai_model_preset_find("mixtral-8x7b", &m) == THERMOAI_OK,
               "mixtral-8x7b");
        for (b = 1; b <= 64; b *= 2) {
            p = params(b, 100, 0);
            ok &= thermoai_work_decode(&m, &p, &w1) == THERMOAI_OK && w1.weight_bytes > prev;
            prev = w1.weight_bytes;
        }
        tap_ok(ok, "MoE weight bytes rise with batch");
        tap_ok(w1.experts_touched > 7.99 && w1.experts_touched <= 8.0, "batch 64 touches all 8");
        p = params(1, 100, 0);
        tap_ok(thermoai_work_decode(&m, &p, &w2) == THERMOAI_OK
                   && fabs(w2.experts_touched - 2.0) < 1e-14
                   && w2.weight_bytes < 0.3 * w1.weight_bytes,
               "batch 1 reads 2 of 8 experts: under 30 %% of the all-expert weight bytes");
    }
}

static void bad_input(void)
{
    thermoai_model_arch a = small();
    thermoai_work_params p = params(1, 0, 4);
    thermoai_work w;

    tap_ok(thermoai_work_params_size() == sizeof(thermoai_work_params)
               && thermoai_work_size() == sizeof(thermoai_work),
           "size accessors");
    tap_ok(thermoai_work_init(&w, sizeof w) == THERMOAI_OK, "init");
    tap_ok(thermoai_work_params_init(NULL, sizeof p) == THERMOAI_E_NULL
               && thermoai_work_params_init(&p, 63) == THERMOAI_E_SIZE
               && thermoai_work_init(&w, 103) == THERMOAI_E_SIZE,
           "init: NULL and small sizes");
    tap_ok(thermoai_work_init(&w, sizeof w) == THERMOAI_OK, "init again");
    tap_ok(thermoai_work_decode(&a, NULL, &w) == THERMOAI_OK && w.tokens == 1.0,
           "NULL params: batch 1");
    tap_ok(thermoai_work_decode(NULL, NULL, &w) == THERMOAI_E_NULL && isnan(w.flop) && isnan(w.bytes),
           "NULL arch -> E_NULL, NaN");
    tap_ok(thermoai_work_decode(&a, NULL, NULL) == THERMOAI_E_NULL, "NULL output");
    p = params(0, 0, 1);
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_INVALID && isnan(w.weight_bytes),
           "batch 0 -> E_INVALID");
    p = params(1, 0, 0);
    tap_ok(thermoai_work_prefill(&a, &p, &w) == THERMOAI_E_INVALID, "prefill of 0 tokens");
    tap_ok(thermoai_work_training(&a, &p, &w) == THERMOAI_E_INVALID, "training on 0 tokens");
    p = params(1, 0, 10);
    tap_ok(thermoai_work_training(&a, &p, &w) == THERMOAI_E_INVALID, "training sequence length 0");
    p = params(1, 0, 1);
    p.flags = 0x80;
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_UNSUPPORTED, "unknown flag");
    p = params(1, 0, 1);
    p.reserved = 1;
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_UNSUPPORTED, "reserved");
    p = params(1, 0, 1);
    p.kv_bits = (double)INFINITY;
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_NONFINITE, "infinite bits");
    p.kv_bits = -4.0;
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_INVALID, "negative bits");
    p = params(1, 0, 1);
    p.compute_precision = 8;
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_INVALID, "precision 8");
    p = params(1, 0, 1);
    p.struct_size = 8;
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_SIZE, "small params struct");
    a.layers = 0;
    p = params(1, 0, 1);
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_INVALID, "invalid architecture");
    a = small();
    p = params(UINT64_MAX, UINT64_MAX, 0);
    a.d_model = UINT64_MAX / 4;
    a.head_dim = 1;
    {
        int s = thermoai_work_decode(&a, &p, &w);

        tap_ok((s == THERMOAI_OK && isfinite(w.flop) && isfinite(w.bytes))
                   || (s == THERMOAI_E_RANGE && isnan(w.flop)),
               "absurd sizes: finite counts or E_RANGE, never Inf with OK");
    }
    w.struct_size = 16;
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_E_SIZE, "small output struct");
}

int main(void)
{
    hand_count();
    against_ref();
    distinct_experts();
    properties();
    bad_input();
    return tap_done();
}
