/* SPDX-License-Identifier: MIT */
/*
 * The roofline energy model: one step computed by hand; the calibrated H100's batch-1
 * FP16 decode of LLaMA-2-7B against the physics (bytes x energy per byte + idle power x
 * time); the power limit; host-bound steps; monotonicity in batch and context; a request
 * as the sum of its steps; serving stacks; bad input.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static thermoai_hardware toy(void)
{
    thermoai_hardware h;

    if (thermoai_hardware_init(&h, sizeof h) != THERMOAI_OK)
        memset(&h, 0, sizeof h);
    h.peak_bf16_flop_per_s = 100e12;
    h.memory_bw_bytes_per_s = 1e12;
    h.compute_efficiency = 0.5;
    h.bandwidth_efficiency = 0.5;
    h.board_power_w = 300.0;
    h.idle_power_w = 50.0;
    h.j_per_byte = 100e-12;
    h.j_per_flop_bf16 = 1e-12;
    return h;
}

static thermoai_work toy_work(void)
{
    thermoai_work w;

    if (thermoai_work_init(&w, sizeof w) != THERMOAI_OK)
        memset(&w, 0, sizeof w);
    w.compute_precision = THERMOAI_HARDWARE_BF16;
    w.flop = 5e11;
    w.weight_bytes = 6e9;
    w.kv_read_bytes = 3e9;
    w.kv_write_bytes = 0.5e9;
    w.activation_bytes = 0.5e9;
    w.kv_cache_bytes = 3e9;
    w.tokens = 4.0;
    w.layers = 10.0;
    return w;
}

static thermoai_cost_serving serving(double dev_layer, double host_layer, double power)
{
    thermoai_cost_serving s;

    if (thermoai_cost_serving_init(&s, sizeof s) != THERMOAI_OK)
        memset(&s, 0, sizeof s);
    s.device_s_per_layer = dev_layer;
    s.host_s_per_layer = host_layer;
    s.overhead_power_w = power;
    return s;
}

static void by_hand(void)
{
    thermoai_hardware h = toy();
    thermoai_work w = toy_work();
    thermoai_cost_serving s = serving(1e-4, 0.0, 20.0);
    thermoai_cost_result r;

    /* bytes 1e10 at 0.5 x 1 TB/s: 0.02 s; 5e11 FLOPs at 0.5 x 100 TFLOP/s: 0.01 s.
     * t = 0.02 + 10 layers x 0.1 ms = 0.021 s.
     * E = 50 W x 0.021 s + 100 pJ x 1e10 + 1 pJ x 5e11 + 20 W x 0.001 s
     *   = 1.05 + 1.0 + 0.5 + 0.02 = 2.57 J; per token 2.57 / 4 = 0.6425 J */
    tap_ok(thermoai_cost_result_init(&r, sizeof r) == THERMOAI_OK
               && thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_OK,
           "a hand-sized step");
    tap_rel(r.memory_s, 0.02, 1e-15, "memory time 0.02 s");
    tap_rel(r.compute_s, 0.01, 1e-15, "compute time 0.01 s");
    tap_rel(r.step_s, 0.021, 1e-15, "step 0.021 s with 10 x 0.1 ms of device overhead");
    tap_rel(r.overhead_s, 0.001, 1e-12, "overhead 1 ms");
    tap_rel(r.energy_j, 2.57, 1e-14, "energy 2.57 J");
    tap_rel(r.energy_per_token_j, 0.6425, 1e-14, "0.6425 J per token");
    tap_rel(r.tokens_per_s, 4.0 / 0.021, 1e-14, "tokens/s");
    tap_rel(r.average_power_w, 2.57 / 0.021, 1e-14, "average power 122.4 W");
    tap_rel(r.weights_j, 0.6, 1e-14, "weights 0.6 J");
    tap_rel(r.kv_j, 0.35, 1e-14, "KV 0.35 J");
    tap_rel(r.activations_j, 0.05, 1e-14, "activations 0.05 J");
    tap_rel(r.arithmetic_j, 0.5, 1e-14, "arithmetic 0.5 J");
    tap_rel(r.static_j, 1.05, 1e-14, "static 1.05 J");
    tap_rel(r.overhead_j, 0.02, 1e-12, "overhead 0.02 J");
    tap_ok(r.bound == THERMOAI_COST_BOUND_MEMORY && r.bytes == 1e10 && r.flop == 5e11,
           "memory-bound");

    /* one KV rewrite per step: + 2 x 3e9 bytes -> memory 0.032 s, KV energy + 0.6 J */
    s.kv_rewrites_per_step = 1.0;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_OK, "with a KV rewrite");
    tap_rel(r.memory_s, 0.032, 1e-14, "rewrite adds 6e9 bytes");
    tap_rel(r.kv_j, 0.95, 1e-14, "and 0.6 J of KV traffic");

    /* power limit 100 W: P_idle t + 1.5 J + 20 W (t - 0.02) = 100 t -> t = 1.1 / 30 s */
    h.board_power_w = 100.0;
    s.kv_rewrites_per_step = 0.0;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_OK && r.bound == THERMOAI_COST_BOUND_POWER,
           "a 100 W limit binds");
    tap_rel(r.step_s, 1.1 / 30.0, 1e-14, "stretched to 36.7 ms");
    tap_rel(r.average_power_w, 100.0, 1e-13, "average power = the limit");
    s.flags = THERMOAI_COST_NO_POWER_CAP;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_OK && r.bound == THERMOAI_COST_BOUND_MEMORY
               && fabs(r.step_s - 0.021) < 1e-15,
           "NO_POWER_CAP ignores the limit");

    /* host-bound: 10 layers x 5 ms = 50 ms of host time */
    h = toy();
    s = serving(0.0, 5e-3, 10.0);
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_OK && r.bound == THERMOAI_COST_BOUND_HOST,
           "host-bound step");
    tap_rel(r.step_s, 0.05, 1e-14, "the host's 50 ms");
    /* E = 50 x 0.05 + 1.5 + 10 x (0.05 - 0.02) = 4.3 J */
    tap_rel(r.energy_j, 4.3, 1e-14, "energy 4.3 J with 10 W while waiting");
    /* compute-bound */
    w.flop = 5e12;
    tap_ok(thermoai_cost_step(&h, &w, NULL, &r) == THERMOAI_OK
               && r.bound == THERMOAI_COST_BOUND_COMPUTE && fabs(r.step_s - 0.1) < 1e-15,
           "compute-bound at 0.1 s, NULL serving");
}

static int preset(const char *name, thermoai_model_arch *a)
{
    return thermoai_model_arch_init(a, sizeof *a) == THERMOAI_OK
           && thermoai_model_preset_find(name, a) == THERMOAI_OK;
}

static void physics(void)
{
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_work_params p;
    thermoai_work w;
    thermoai_cost_result r;
    double bw, t, physics_j, weights, kv;

    tap_ok(preset("llama-2-7b", &a) && thermoai_hardware_init(&h, sizeof h) == THERMOAI_OK
               && thermoai_hardware_preset_find("h100-sxm-measured", &h) == THERMOAI_OK
               && thermoai_work_params_init(&p, sizeof p) == THERMOAI_OK
               && thermoai_work_init(&w, sizeof w) == THERMOAI_OK
               && thermoai_cost_result_init(&r, sizeof r) == THERMOAI_OK,
           "LLaMA-2-7B on the calibrated H100");
    p.context = 512;
    tap_ok(thermoai_work_decode(&a, &p, &w) == THERMOAI_OK
               && thermoai_cost_decode(&a, &p, &h, NULL, &r) == THERMOAI_OK,
           "batch-1 FP16 decode at 512 tokens of context");
    /* the physics, by hand: weights 2 (P - V d) bytes (+ one embedding row), KV 513 tokens
     * x 512 KiB, at the copy's achieved bandwidth; idle power over that time */
    weights = 2.0 * (6738415616.0 - 32000.0 * 4096.0) + 2.0 * 4096.0;
    kv = 513.0 * 32.0 * 2.0 * 4096.0 * 2.0;
    bw = h.bandwidth_efficiency * 3.35e12;
    t = (weights + kv) / bw;
    physics_j = (weights + kv) * h.j_per_byte + h.idle_power_w * t;
    tap_rel(r.energy_j, physics_j, 0.01,
            "agrees with weights + KV bytes x e_byte + idle x time within 1 %% (%.4f vs %.4f J)",
            r.energy_j, physics_j);
    tap_ok(r.energy_j > physics_j, "and lies above it (arithmetic, activations, new KV)");
    tap_rel(r.energy_j,
            h.idle_power_w * r.step_s
                + h.j_per_byte * (w.weight_bytes + w.kv_read_bytes + w.kv_write_bytes + w.activation_bytes)
                + h.j_per_flop_bf16 * w.flop,
            1e-14, "and equals the full additive model exactly");
    tap_ok(r.bound == THERMOAI_COST_BOUND_MEMORY, "memory-bound");
    tap_ok(r.energy_per_token_j > 2.0 && r.energy_per_token_j < 3.0,
           "2-3 J per token (%.3f J)", r.energy_per_token_j);
    tap_ok(r.tokens_per_s > 200.0 && r.tokens_per_s < 250.0, "about 220 tokens/s (%.1f)", r.tokens_per_s);
    tap_ok(r.average_power_w > 450.0 && r.average_power_w < 600.0,
           "average power near the copy's 532 W (%.1f W)", r.average_power_w);
}

static void monotonicity(void)
{
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_work_params p;
    thermoai_cost_result r;
    double prev = 1e300, ridge_e = 0.0;
    int falls = 1, reached = 0;
    unsigned long long b;

    tap_ok(preset("llama-3.1-8b", &a) && thermoai_hardware_init(&h, sizeof h) == THERMOAI_OK
               && thermoai_hardware_preset_find("h100-sxm-measured", &h) == THERMOAI_OK
               && thermoai_work_params_init(&p, sizeof p) == THERMOAI_OK
               && thermoai_cost_result_init(&r, sizeof r) == THERMOAI_OK,
           "LLaMA-3.1-8B on the calibrated H100");
    p.context = 256;
    for (b = 1; b <= 4096; b *= 2) {
        p.batch = b;
        if (thermoai_cost_decode(&a, &p, &h, NULL, &r) != THERMOAI_OK)
            falls = 0;
        if (r.bound == THERMOAI_COST_BOUND_MEMORY) {
            if (!(r.energy_per_token_j < prev))
                falls = 0;
        } else if (!reached) {
            reached = 1;
            ridge_e = r.energy_per_token_j;
        }
        prev = r.energy_per_token_j;
    }
    tap_ok(falls, "energy per token falls with batch while memory-bound");
    tap_ok(reached, "the compute roof is reached by batch 4096");
    tap_ok(prev > 0.5 * ridge_e, "beyond the roof it stops falling fast (%.4g vs %.4g J)", prev, ridge_e);
    {
        double e1 = 0.0;
        int rises = 1;
        unsigned long long c;

        p.batch = 8;
        for (c = 0; c <= 65536; c = c ? c * 4 : 64) {
            p.context = c;
            if (thermoai_cost_decode(&a, &p, &h, NULL, &r) != THERMOAI_OK || !(r.energy_per_token_j > e1))
                rises = 0;
            e1 = r.energy_per_token_j;
        }
        tap_ok(rises, "energy per token rises with context");
    }
    /* GQA: fewer KV heads, less energy at long context */
    {
        thermoai_model_arch g = a;
        double full, grouped;

        p.batch = 16;
        p.context = 16384;
        g.kv_heads = 32;
        tap_ok(thermoai_cost_decode(&g, &p, &h, NULL, &r) == THERMOAI_OK
                   && (full = r.energy_per_token_j, thermoai_cost_decode(&a, &p, &h, NULL, &r) == THERMOAI_OK)
                   && (grouped = r.energy_per_token_j, grouped < 0.5 * full),
               "GQA (8 of 32 KV heads) halves the long-context decode energy or better");
    }
}

static void request(void)
{
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_work_params p;
    thermoai_cost_result r, x;
    thermoai_cost_serving s;
    double e = 0.0, t = 0.0;
    unsigned long long i;

    tap_ok(preset("llama-2-7b", &a) && thermoai_hardware_init(&h, sizeof h) == THERMOAI_OK
               && thermoai_hardware_preset_find("h100-sxm-measured", &h) == THERMOAI_OK
               && thermoai_work_params_init(&p, sizeof p) == THERMOAI_OK
               && thermoai_cost_result_init(&r, sizeof r) == THERMOAI_OK
               && thermoai_cost_result_init(&x, sizeof x) == THERMOAI_OK
               && thermoai_cost_serving_init(&s, sizeof s) == THERMOAI_OK
               && thermoai_cost_serving_preset("cuda-graphs", &s) == THERMOAI_OK,
           "request setup");
    p.batch = 4;
    p.tokens = 100;
    tap_ok(thermoai_cost_request(&a, &p, 20, &h, &s, &r) == THERMOAI_OK, "a request of 100 + 20 tokens");
    tap_ok(thermoai_cost_prefill(&a, &p, &h, &s, &x) == THERMOAI_OK, "its prefill");
    e = x.energy_j;
    t = x.step_s;
    for (i = 0; i < 20; i++) {
        p.context = 100 + i;
        if (thermoai_cost_decode(&a, &p, &h, &s, &x) != THERMOAI_OK)
            break;
        e += x.energy_j;
        t += x.step_s;
    }
    tap_rel(r.energy_j, e, 1e-13, "request energy = prefill + 20 decode steps");
    tap_rel(r.step_s, t, 1e-13, "request time likewise");
    tap_ok(r.tokens == 80.0 && fabs(r.energy_per_token_j - e / 80.0) <= 1e-13 * e,
           "per generated token (4 x 20), prefill included");
    p.context = 0;
    tap_ok(thermoai_cost_request(&a, &p, 0, &h, &s, &r) == THERMOAI_E_INVALID && isnan(r.energy_j),
           "0 generated -> E_INVALID");
    tap_ok(thermoai_cost_request(&a, &p, (1u << 24) + 1, &h, &s, &r) == THERMOAI_E_INVALID,
           "more than 2^24 generated -> E_INVALID");
    p.tokens = 0;
    tap_ok(thermoai_cost_request(&a, &p, 5, &h, &s, &r) == THERMOAI_E_INVALID, "no prompt");
}

static void stacks(void)
{
    thermoai_cost_serving s;
    const char *name = "x", *source = "x";
    size_t i, n = thermoai_cost_serving_preset_count();

    tap_ok(n == 3, "three serving stacks");
    tap_ok(thermoai_cost_serving_init(&s, sizeof s) == THERMOAI_OK
               && thermoai_cost_serving_preset("HF-Eager", &s) == THERMOAI_OK
               && s.host_s_per_layer == 1.13e-3 && s.kv_rewrites_per_step == 1.0
               && s.overhead_power_w == 67.0 && s.device_s_per_layer == 53e-6,
           "hf-eager: 1.13 ms host per layer, one rewrite, 67 W, 53 us device per layer");
    tap_ok(thermoai_cost_serving_preset("ideal", &s) == THERMOAI_OK && s.host_s_per_layer == 0.0
               && s.overhead_power_w == 0.0 && s.device_s_per_layer == 0.0,
           "ideal: nothing");
    for (i = 0; i < n; i++)
        if (thermoai_cost_serving_preset_info(i, &name, &source, &s) != THERMOAI_OK || strlen(source) < 20)
            break;
    tap_ok(i == n, "every stack has a source");
    tap_ok(thermoai_cost_serving_preset("vllm", &s) == THERMOAI_E_NOT_FOUND, "unknown stack");
    tap_ok(thermoai_cost_serving_preset(NULL, &s) == THERMOAI_E_NULL, "NULL name");
    tap_ok(thermoai_cost_serving_preset_info(n, &name, &source, NULL) == THERMOAI_E_NOT_FOUND
               && name == NULL && source == NULL,
           "index past the end");
    s.struct_size = 8;
    tap_ok(thermoai_cost_serving_preset("ideal", &s) == THERMOAI_E_SIZE, "small serving struct");
}

static void bad_input(void)
{
    thermoai_hardware h = toy(), tpu;
    thermoai_work w = toy_work();
    thermoai_cost_serving s = serving(0, 0, 0);
    thermoai_cost_result r;
    thermoai_model_arch a;

    tap_ok(thermoai_cost_serving_size() == sizeof(thermoai_cost_serving)
               && thermoai_cost_result_size() == sizeof(thermoai_cost_result),
           "size accessors");
    tap_ok(thermoai_cost_result_init(&r, 151) == THERMOAI_E_SIZE
               && thermoai_cost_serving_init(&s, 55) == THERMOAI_E_SIZE
               && thermoai_cost_result_init(NULL, 152) == THERMOAI_E_NULL,
           "init sizes");
    tap_ok(thermoai_cost_result_init(&r, sizeof r) == THERMOAI_OK
               && thermoai_cost_serving_init(&s, sizeof s) == THERMOAI_OK,
           "init");
    tap_ok(thermoai_cost_step(NULL, &w, &s, &r) == THERMOAI_E_NULL && isnan(r.energy_j) && r.bound == 0,
           "NULL profile -> E_NULL, NaN");
    tap_ok(thermoai_cost_step(&h, NULL, &s, &r) == THERMOAI_E_NULL, "NULL work");
    tap_ok(thermoai_cost_step(&h, &w, &s, NULL) == THERMOAI_E_NULL, "NULL result");
    s.overhead_power_w = (double)NAN;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_NONFINITE && isnan(r.step_s), "NaN serving");
    s.overhead_power_w = -1.0;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_INVALID, "negative serving field");
    s.overhead_power_w = 0.0;
    s.flags = 0x10;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_UNSUPPORTED, "unknown serving flag");
    s.flags = 0;
    w.tokens = 0.0;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_INVALID, "zero tokens");
    w = toy_work();
    w.flop = (double)INFINITY;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_NONFINITE, "infinite FLOPs");
    w = toy_work();
    w.compute_precision = THERMOAI_HARDWARE_FP8;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_UNSUPPORTED && isnan(r.energy_j),
           "no FP8 peak on the profile -> E_UNSUPPORTED");
    w.compute_precision = 9;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_INVALID, "precision 9");
    w = toy_work();
    h.j_per_byte = 0.0;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_UNSUPPORTED, "no energy per byte");
    tap_ok(thermoai_hardware_init(&tpu, sizeof tpu) == THERMOAI_OK
               && thermoai_hardware_preset_find("tpu-v5e", &tpu) == THERMOAI_OK
               && preset("llama-2-7b", &a)
               && thermoai_cost_decode(&a, NULL, &tpu, NULL, &r) == THERMOAI_E_UNSUPPORTED
               && isnan(r.energy_per_token_j),
           "a TPU preset (no published power) -> E_UNSUPPORTED");
    tap_ok(thermoai_cost_decode(NULL, NULL, &tpu, NULL, &r) == THERMOAI_E_NULL, "decode: NULL arch");
    tap_ok(thermoai_cost_prefill(&a, NULL, &tpu, NULL, &r) == THERMOAI_E_INVALID,
           "prefill with no prompt tokens");
    r.struct_size = 12;
    tap_ok(thermoai_cost_step(&h, &w, &s, &r) == THERMOAI_E_SIZE, "small result struct");
}

int main(void)
{
    by_hand();
    physics();
    monotonicity();
    request();
    stacks();
    bad_input();
    return tap_done();
}
