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
    tap_ok(thermoai_model_arch_init(&a, 71) == THERMOAI_E_SIZE, "init size 71 -> E_SIZE");
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
    a.flags = 0x100;
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

int main(void)
{
    init_and_check();
    params_formula();
    return tap_done();
}
