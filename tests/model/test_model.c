/* SPDX-License-Identifier: MIT */
/*
 * Model architecture: init and size-field rules, validation, the
 * parameter-count formula, bad input (presets: test_model_preset.c).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static thermoai_model_arch small(void)
{
    thermoai_model_arch a;

    if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK)
        memset(&a, 0, sizeof a);
    a.layers = 2;
    a.heads = 4;
    a.d_model = 64;
    a.d_ff = 256;
    a.vocab_size = 100;
    a.context_length = 32;
    return a;
}

static void init_and_check(void)
{
    thermoai_model_arch a;
    unsigned char big[sizeof a + 16];

    tap_ok(thermoai_model_arch_size() == sizeof(thermoai_model_arch), "arch size accessor");
    tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK && a.struct_size == sizeof a
               && a.precision_bits == 16.0 && a.layers == 0 && a.params == 0,
           "init: struct_size set, precision 16, everything else zero");
    tap_ok(thermoai_model_arch_init(NULL, sizeof a) == THERMOAI_E_NULL, "init NULL -> E_NULL");
    tap_ok(thermoai_model_arch_init(&a, 119) == THERMOAI_E_SIZE, "init size 119 -> E_SIZE");
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID,
           "an initialised but empty arch is invalid");
    a = small();
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_OK, "a small valid arch passes");
    tap_ok(thermoai_model_arch_check(NULL) == THERMOAI_E_NULL, "check NULL -> E_NULL");

    /* a newer caller's larger struct: fine while the extra bytes are zero */
    memset(big, 0, sizeof big);
    a = small();
    a.struct_size = (uint32_t)sizeof big;
    memcpy(big, &a, sizeof a);
    tap_ok(thermoai_model_arch_check((const thermoai_model_arch *)(const void *)big) == THERMOAI_OK,
           "larger struct with zero tail accepted");
    big[sizeof a + 3] = 1;
    tap_ok(thermoai_model_arch_check((const thermoai_model_arch *)(const void *)big)
               == THERMOAI_E_UNSUPPORTED,
           "larger struct with a non-zero unknown field -> E_UNSUPPORTED");

    a = small();
    a.struct_size = 40;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_SIZE, "struct_size 40 -> E_SIZE");
    a = small();
    a.flags = 0x1000;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_UNSUPPORTED, "unknown flag -> E_UNSUPPORTED");
    a = small();
    a.layers = 0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "zero layers -> E_INVALID");
    a = small();
    a.heads = 0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "zero heads -> E_INVALID");
    a = small();
    a.d_ff = 0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "zero d_ff -> E_INVALID");
    a = small();
    a.vocab_size = 0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "zero vocabulary -> E_INVALID");
    a = small();
    a.context_length = 0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "zero context -> E_INVALID");
    a = small();
    a.kv_heads = 3;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "kv_heads 3 does not divide 4");
    a = small();
    a.kv_heads = 8;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "kv_heads > heads");
    a = small();
    a.d_model = 66;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID,
           "head_dim 0 and heads not dividing d_model -> E_INVALID");
    a.head_dim = 16;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_OK, "explicit head_dim lifts that");
    a = small();
    a.precision_bits = (double)NAN;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_NONFINITE, "NaN precision -> E_NONFINITE");
    a.precision_bits = 0.0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "zero precision -> E_INVALID");
    a.precision_bits = -16.0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "negative precision -> E_INVALID");
}

static void params_formula(void)
{
    thermoai_model_arch a = small(), b;
    uint64_t p = 1, q = 0;

    /* small(): d=64, h=4 (d_k 16), d_ff 256, V 100, L 2, RMSNorm, no bias, untied:
     * per block 2*64*64 + 2*64*64 + 2*64*256 + 2*64 = 49280; *2 = 98560; + 64 + 2*6400 */
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424,
           "hand-counted small model: 111424 parameters (got %llu)", (unsigned long long)p);
    a.flags = THERMOAI_MODEL_GATED_FFN;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 + 2 * 16384,
           "gating adds one d x d_ff matrix per block");
    a.flags = THERMOAI_MODEL_TIED_EMBEDDINGS;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 - 6400,
           "tied embeddings remove one V x d matrix");
    a.flags = THERMOAI_MODEL_NORM_BIAS;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 + 2 * 128 + 64,
           "LayerNorm shifts add d per normalisation (5 of them)");
    a.flags = THERMOAI_MODEL_LINEAR_BIAS;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 + 2 * (64 * 3 + 64 + 256 + 64),
           "linear biases add q + 2kv + d + d_ff + d per block");
    a.flags = THERMOAI_MODEL_LEARNED_POSITIONS;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 + 32 * 64,
           "learned positions add context x d");
    a = small();
    a.kv_heads = 1;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 - 2 * 2 * 64 * 48,
           "multi-query attention shrinks K and V to one head");
    b = small();
    b.params = 123;
    tap_ok(thermoai_model_params(&b, &q) == THERMOAI_OK && q == 123, "a given count is returned as is");
    b = small();
    b.d_model = UINT64_MAX / 2;
    b.head_dim = 1;
    tap_ok(thermoai_model_params(&b, &q) == THERMOAI_E_RANGE && q == 0,
           "a count beyond 64 bits -> E_RANGE, output 0");
    tap_ok(thermoai_model_params(&a, NULL) == THERMOAI_E_NULL, "NULL output -> E_NULL");
    tap_ok(thermoai_model_params(NULL, &q) == THERMOAI_E_NULL && q == 0, "NULL arch -> E_NULL, output 0");
}

/* small() with four experts of width 32, two routed per token and one shared */
static thermoai_model_arch small_moe(void)
{
    thermoai_model_arch a = small();

    a.flags = THERMOAI_MODEL_GATED_FFN;
    a.d_ff = 0;
    a.experts = 4;
    a.active_experts = 2;
    a.shared_experts = 1;
    a.expert_d_ff = 32;
    return a;
}

static void moe_and_mla(void)
{
    thermoai_model_arch a;
    uint64_t p = 0, q = 0;

    /* hand count, d=64, h=kv=4, d_k=16, L=2, V=100, RMSNorm, untied, gated experts:
     *   attention 4 * 64 * 64 = 16384, two norms 128, router 64 * 4 = 256,
     *   experts (4 + 1) * 3 * 64 * 32 = 30720 -> 47488 per layer;
     *   2 * 47488 + final norm 64 + embeddings 2 * 6400 = 107840.
     *   Active: (2 + 1) * 6144 = 18432 -> 35200 per layer -> 83264. */
    a = small_moe();
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_OK, "a small MoE arch (d_ff 0) is valid");
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 107840,
           "hand-counted MoE: 107840 parameters (got %llu)", (unsigned long long)p);
    tap_ok(thermoai_model_active_params(&a, &q) == THERMOAI_OK && q == 83264,
           "hand-counted MoE: 83264 active parameters (got %llu)", (unsigned long long)q);
    a.params = 5;
    tap_ok(thermoai_model_active_params(&a, &q) == THERMOAI_OK && q == 83264,
           "active count ignores a given total");
    /* one leading dense layer of width 256 (gated): 16384 + 128 + 3*64*256 = 65664 */
    a = small_moe();
    a.first_dense_layers = 1;
    a.d_ff = 256;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 65664 + 47488 + 64 + 12800,
           "first dense layer: 126016 parameters (got %llu)", (unsigned long long)p);
    a = small();
    tap_ok(thermoai_model_active_params(&a, &q) == THERMOAI_OK && q == 111424,
           "a dense model's active count is its total");
    /* linear biases on experts and router: router + 4, each expert (2*32 + 64) */
    a = small_moe();
    a.flags |= THERMOAI_MODEL_LINEAR_BIAS;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK
               && p == 107840 + 2 * (4 + 5 * 128 + (64 * 3 + 64)),
           "biases of router, experts and attention (got %llu)", (unsigned long long)p);

    /* MLA, h=4, d_k=16 (rotary 4), d_v=8, kv rank 12, q rank 10, plain FFN 256:
     *   q 64*10 + 10 + 10*4*16 = 1290; latent 64*16 = 1024; norm 12;
     *   up 12*4*(12+8) = 960; O 4*8*64 = 2048 -> 5334; + 128 norms + FFN 32768
     *   = 38230 per layer -> 76460 + 64 + 12800 = 89324 */
    a = small();
    a.head_dim = 16;
    a.kv_lora_rank = 12;
    a.q_lora_rank = 10;
    a.rope_head_dim = 4;
    a.v_head_dim = 8;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 89324,
           "hand-counted MLA: 89324 parameters (got %llu)", (unsigned long long)p);
    a.q_lora_rank = 0; /* a direct query: 64*64 instead of 1290 */
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 89324 + 2 * (4096 - 1290),
           "MLA without a query down-projection");
    /* values narrower than keys in standard attention: Q 4096, K,V 64*2*(16+8), O 4*8*64 */
    a = small();
    a.kv_heads = 2;
    a.v_head_dim = 8;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK
               && p == 111424 + 2 * ((4096 + 3072 + 2048) - 16384),
           "v_head_dim narrower than head_dim (got %llu)", (unsigned long long)p);

    /* the domain of the new fields */
    a = small();
    a.active_experts = 2;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "active experts without experts");
    a = small();
    a.expert_d_ff = 8;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "expert width without experts");
    a = small_moe();
    a.active_experts = 5;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "k > N");
    a.active_experts = 0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "k = 0");
    a = small_moe();
    a.expert_d_ff = 0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "experts of width 0");
    a = small_moe();
    a.first_dense_layers = 1;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "a dense layer needs d_ff");
    a.d_ff = 16;
    a.first_dense_layers = 3;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "first_dense_layers > layers");
    a = small();
    a.d_ff = 0;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "a dense model needs d_ff");
    a = small();
    a.rope_head_dim = 4;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "rotary width without MLA");
    a = small();
    a.kv_lora_rank = 8;
    a.rope_head_dim = 16;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "rotary width >= head_dim");
    a.rope_head_dim = 4;
    a.flags = THERMOAI_MODEL_LINEAR_BIAS;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "MLA with linear biases");
    a.flags = THERMOAI_MODEL_QKV_BIAS;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "MLA with QKV biases");
    a = small();
    a.flags = THERMOAI_MODEL_SLIDING_ALTERNATE;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "alternating window without a window");
    a.sliding_window = 8;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_OK, "alternating window of 8");
    a = small();
    a.flags = THERMOAI_MODEL_PARALLEL_BLOCK | THERMOAI_MODEL_SANDWICH_NORM;
    tap_ok(thermoai_model_arch_check(&a) == THERMOAI_E_INVALID, "parallel block with sandwich norms");
    /* norms per block: 1 (parallel) and 4 (sandwich) instead of 2, d = 64 each, L = 2 */
    a.flags = THERMOAI_MODEL_PARALLEL_BLOCK;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 - 2 * 64,
           "one normalisation per parallel block");
    a.flags = THERMOAI_MODEL_SANDWICH_NORM;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 + 2 * 2 * 64,
           "four normalisations per sandwich block");
    /* QKV biases only: h d_k + 2 kv d_k = 64 + 128 per layer */
    a.flags = THERMOAI_MODEL_QKV_BIAS;
    tap_ok(thermoai_model_params(&a, &p) == THERMOAI_OK && p == 111424 + 2 * 192,
           "QKV biases add q + 2kv per block");
    tap_ok(thermoai_model_active_params(NULL, &q) == THERMOAI_E_NULL && q == 0,
           "active: NULL arch -> E_NULL, output 0");
    tap_ok(thermoai_model_active_params(&a, NULL) == THERMOAI_E_NULL, "active: NULL output");
}

int main(void)
{
    init_and_check();
    params_formula();
    moe_and_mla();
    return tap_done();
}
