/* SPDX-License-Identifier: MIT */
/*
 * Model architecture and presets: init and size-field rules, validation,
 * the parameter-count formula against published totals
 * (tests/ref/entropy.csv, params rows), preset lookup, bad input.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
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

static void presets_against_published(void)
{
    FILE *f = ref_open("entropy.csv");
    char line[512], name[64];
    unsigned long long published;
    int rows = 0;

    if (!tap_ok(f != NULL, "open tests/ref/entropy.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        thermoai_model_arch a;
        uint64_t p = 0;

        if (sscanf(line, "params,%63[^,],%llu", name, &published) != 2)
            continue;
        rows++;
        tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
                   && thermoai_model_preset_find(name, &a) == THERMOAI_OK
                   && thermoai_model_params(&a, &p) == THERMOAI_OK && p == published,
               "preset %s has the published %llu parameters (got %llu)", name, published,
               (unsigned long long)p);
    }
    fclose(f);
    tap_ok(rows == (int)thermoai_model_preset_count(), "every preset has a published count");
}

static void preset_lookup(void)
{
    thermoai_model_arch a, b;
    const char *name = "x", *source = "x";
    size_t i, n = thermoai_model_preset_count();
    int all_valid = 1, all_sourced = 1;

    tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK, "init for lookups");
    tap_ok(n >= 9, "at least the nine presets of paper 000 and LLaMA-3 (%zu)", n);
    tap_ok(thermoai_model_preset_find("LLaMA-2-7B", &a) == THERMOAI_OK && a.layers == 32
               && a.d_ff == 11008 && a.struct_size == sizeof a,
           "lookup is case-insensitive and keeps struct_size");
    tap_ok(thermoai_model_arch_init(&b, sizeof b) == THERMOAI_OK
               && thermoai_model_preset_find("pythia-1.4b", &b) == THERMOAI_OK
               && thermoai_model_preset_find("pythia-1.3b", &a) == THERMOAI_OK
               && memcmp(&a, &b, sizeof a) == 0,
           "alias pythia-1.4b is pythia-1.3b");
    tap_ok(thermoai_model_preset_find("gpt-5", &a) == THERMOAI_E_NOT_FOUND, "unknown name -> E_NOT_FOUND");
    tap_ok(thermoai_model_preset_find("llama-2-7", &a) == THERMOAI_E_NOT_FOUND, "a prefix is not a match");
    tap_ok(thermoai_model_preset_find(NULL, &a) == THERMOAI_E_NULL, "NULL name -> E_NULL");
    tap_ok(thermoai_model_preset_find("llama-2-7b", NULL) == THERMOAI_E_NULL, "NULL arch -> E_NULL");
    b.struct_size = 8;
    tap_ok(thermoai_model_preset_find("llama-2-7b", &b) == THERMOAI_E_SIZE, "small struct_size -> E_SIZE");
    for (i = 0; i < n; i++) {
        if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK
            || thermoai_model_preset_info(i, &name, &source, &a) != THERMOAI_OK
            || thermoai_model_arch_check(&a) != THERMOAI_OK)
            all_valid = 0;
        if (source == NULL || strlen(source) < 20)
            all_sourced = 0;
    }
    tap_ok(all_valid, "every preset is a valid architecture");
    tap_ok(all_sourced, "every preset cites its source");
    tap_ok(thermoai_model_preset_info(n, &name, &source, NULL) == THERMOAI_E_NOT_FOUND && name == NULL
               && source == NULL,
           "index past the end -> E_NOT_FOUND, outputs NULL");
    tap_ok(thermoai_model_preset_info(0, NULL, NULL, NULL) == THERMOAI_OK, "all outputs optional");
}

int main(void)
{
    init_and_check();
    params_formula();
    presets_against_published();
    preset_lookup();
    return tap_done();
}
