/* SPDX-License-Identifier: MIT */
/* TIP energy accounting (tip.h): the energy a head, a KV group, an FFN neuron or a layer
 * saves, and what unstructured sparsity saves under each storage format. On a linear
 * profile (no idle power, E = e_byte B + e_flop F) every expected value is a hand count
 * of FLOPs and bytes, written out in the comments; on a preset the roofline's max() makes
 * the saving nonlinear, and it is checked against removing a head from every layer of
 * the architecture itself. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

#define MUST(x)                                                                                      \
    do {                                                                                           \
        if ((x) != THERMOAI_OK)                                                                    \
            tap_ok(0, "setup: %s", #x);                                                            \
    } while (0)

/* 2 layers, d 8, 2 heads of 4 (MHA unless kv_heads is set), d_ff 16 ungated, vocab 10, 16-bit */
static void tiny(thermoai_model_arch *a, uint32_t kv_heads)
{
    MUST(thermoai_model_arch_init(a, sizeof *a));
    a->layers = 2;
    a->heads = 2;
    a->kv_heads = kv_heads;
    a->head_dim = 4;
    a->d_model = 8;
    a->d_ff = 16;
    a->vocab_size = 10;
    a->context_length = 64;
}

/* 1 TFLOP/s, 1 GB/s, 1 pJ per FLOP, 100 pJ per byte, no idle power */
static void linear_hw(thermoai_hardware *hw)
{
    MUST(thermoai_hardware_init(hw, sizeof *hw));
    hw->peak_bf16_flop_per_s = 1e12;
    hw->memory_bw_bytes_per_s = 1e9;
    hw->j_per_flop_bf16 = 1e-12;
    hw->j_per_byte = 1e-10;
}

static void decode_params(thermoai_work_params *p, uint64_t context)
{
    MUST(thermoai_work_params_init(p, sizeof *p));
    p->context = context;
}

static double joules(double bytes, double flop)
{
    return 1e-10 * bytes + 1e-12 * flop;
}

static void test_linear(void)
{
    thermoai_model_arch a;
    thermoai_hardware hw;
    thermoai_work_params p;
    thermoai_cost_result r;
    double e = 0, t = 0, want;

    tiny(&a, 0);
    linear_hw(&hw);
    decode_params(&p, 3);
    /* one MHA head, decode, context 3 (4 keys): matmul 2 (32 + 64 + 32) = 256 FLOPs, attention
     * 4 x 2 x 8 = 64; weights 128 x 2 B = 256, KV read 4 x 8 x 2 = 64, KV write 16, activations
     * (8 + 8 + 8) x 2 = 48 bytes */
    want = joules(256.0 + 64.0 + 16.0 + 48.0, 256.0 + 64.0);
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 1, &e, &t)
                   == THERMOAI_OK
               && fabs(e / want - 1.0) < 1e-12,
           "MHA head, decode: 384 bytes and 320 FLOPs = %.6g J (got %.6g)", want, e);
    MUST(thermoai_cost_result_init(&r, sizeof r));
    tap_ok(thermoai_cost_decode(&a, &p, &hw, NULL, &r) == THERMOAI_OK && t == r.energy_per_token_j,
           "the total is the model's decode energy per token (%.6g J)", t);
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 3, &e, &t)
                   == THERMOAI_OK
               && fabs(e / (3.0 * want) - 1.0) < 1e-12,
           "three heads: three times (linear profile)");
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_KV_GROUP, 1, &e, &t)
                   == THERMOAI_OK
               && fabs(e / want - 1.0) < 1e-12,
           "MHA: a KV group is one head");
    /* a neuron: matmul 2 x 2 x 8 = 32 FLOPs; weights 16 x 2 = 32 bytes; activations 4 x 2 = 8 */
    want = joules(40.0, 32.0);
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_NEURON, 1, &e, &t)
                   == THERMOAI_OK
               && fabs(e / want - 1.0) < 1e-12,
           "neuron: 40 bytes, 32 FLOPs (got %.6g J)", e);
    /* a layer: matmul 2 (256 + 256) = 1024, attention 4 x 2 x 2 x 8 = 128 FLOPs; weights (512 +
     * 2 norms x 8) x 2 = 1056, KV read 4 x 16 x 2 = 128, write 32, activations (56 + 16 + 16 + 16
     * + 56 + 64) x 2 = 448 bytes */
    want = joules(1056.0 + 128.0 + 32.0 + 448.0, 1152.0);
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_LAYER, 1, &e, &t)
                   == THERMOAI_OK
               && fabs(e / want - 1.0) < 1e-12,
           "layer: 1664 bytes, 1152 FLOPs (got %.6g J)", e);

    /* grouped-query (2 heads, 1 KV head): a head is its query part only: matmul 2 x 64, attention
     * 64 FLOPs; weights 64 x 2, activations 16 x 2 bytes */
    tiny(&a, 1);
    want = joules(128.0 + 32.0, 128.0 + 64.0);
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 1, &e, &t)
                   == THERMOAI_OK
               && fabs(e / want - 1.0) < 1e-12,
           "GQA head: no KV saving, 160 bytes, 192 FLOPs");
    /* the KV group: both query heads, plus K and V (128 FLOPs, 128 + 64 + 16 + 16 bytes) */
    want = joules(2.0 * 160.0 + 224.0, 2.0 * 192.0 + 128.0);
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_KV_GROUP, 1, &e,
                                           &t)
                   == THERMOAI_OK
               && fabs(e / want - 1.0) < 1e-12,
           "GQA KV group: 544 bytes, 512 FLOPs");

    /* prefill of 2 tokens, no context: matmul 2 x 2 x 128 = 512, attention (1 + 2) keys x 16 = 48
     * FLOPs; weights 256, KV read 2 x 8 x 2 = 32, write 32, activations 2 x 48 = 96 bytes; per token / 2 */
    tiny(&a, 0);
    MUST(thermoai_work_params_init(&p, sizeof p));
    p.tokens = 2;
    want = joules(416.0, 560.0) / 2.0;
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_PREFILL, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 1, &e, &t)
                   == THERMOAI_OK
               && fabs(e / want - 1.0) < 1e-12,
           "prefill head: 416 bytes, 560 FLOPs over 2 tokens (got %.6g J)", e);
}

static void test_unstructured(void)
{
    thermoai_model_arch a;
    thermoai_hardware hw;
    thermoai_work_params p;
    double s = 1, t = 0, want;

    tiny(&a, 0);
    linear_hw(&hw);
    decode_params(&p, 3);
    tap_ok(thermoai_tip_unstructured_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_STORE_DENSE, 0.5, 0.0,
                                              &s, &t)
                   == THERMOAI_OK
               && s == 0.0 && t > 0.0,
           "zeros stored densely save exactly nothing");
    /* 2:4: 1024 block weights; bytes 1024 (0.5 (2 + 2/8) - 2) = -896, FLOPs -0.5 x 2048 */
    want = joules(896.0, 1024.0);
    tap_ok(thermoai_tip_unstructured_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_STORE_SPARSE, 0.5,
                                              2.0, &s, &t)
                   == THERMOAI_OK
               && fabs(s / want - 1.0) < 1e-12,
           "2:4 with 2-bit metadata saves 896 bytes and 1024 FLOPs (%.6g J)", want);
    /* CSR with 32-bit indices at 50%: 0.5 (2 + 4) - 2 = +1 byte per weight: a loss */
    want = joules(-1024.0, 1024.0);
    tap_ok(thermoai_tip_unstructured_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_STORE_SPARSE, 0.5,
                                              32.0, &s, &t)
                   == THERMOAI_OK
               && fabs(s / want - 1.0) < 1e-12 && s < 0.0,
           "CSR (32-bit indices) at 50%% costs more than it saves (%.6g J)", want);
    s = 1;
    tap_ok(thermoai_tip_unstructured_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_STORE_SPARSE, 1.0,
                                              2.0, &s, &t)
                   == THERMOAI_E_INVALID
               && isnan(s) && isnan(t),
           "sparsity 1 -> E_INVALID, NaN");
    tap_ok(thermoai_tip_unstructured_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_STORE_SPARSE, 0.5,
                                              (double)NAN, &s, &t)
               == THERMOAI_E_NONFINITE,
           "NaN index bits");
    tap_ok(thermoai_tip_unstructured_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, 7u, 0.5, 2.0, &s, &t)
               == THERMOAI_E_UNSUPPORTED,
           "unknown storage");
}

static void test_preset(void)
{
    thermoai_model_arch a, b;
    thermoai_hardware hw;
    thermoai_work_params p;
    thermoai_cost_result r0, r1;
    double e = 0, t = 0, want;

    if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK || thermoai_model_preset_find("llama-2-7b", &a) != THERMOAI_OK
        || thermoai_hardware_init(&hw, sizeof hw) != THERMOAI_OK || thermoai_hardware_preset_find("h100-sxm", &hw) != THERMOAI_OK) {
        tap_ok(0, "presets llama-2-7b and h100-sxm load");
        return;
    }
    decode_params(&p, 512);
    /* one head out of every layer (32 heads) = the architecture with 31 heads and KV heads */
    b = a;
    b.heads = 31;
    b.kv_heads = 31;
    b.head_dim = 128;
    MUST(thermoai_cost_result_init(&r0, sizeof r0));
    MUST(thermoai_cost_result_init(&r1, sizeof r1));
    if (thermoai_cost_decode(&a, &p, &hw, NULL, &r0) != THERMOAI_OK || thermoai_cost_decode(&b, &p, &hw, NULL, &r1) != THERMOAI_OK) {
        tap_ok(0, "cost_decode of llama-2-7b");
        return;
    }
    want = r0.energy_per_token_j - r1.energy_per_token_j;
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, a.layers, &e,
                                           &t)
                   == THERMOAI_OK
               && fabs(e / want - 1.0) < 1e-9 && t == r0.energy_per_token_j,
           "llama-2-7b on h100-sxm: 32 heads (one per layer) = 32 -> 31 heads (%.6g J of %.6g)", e, t);
    /* a layer of 32 on a memory-bound decode: about 1/32 of the weight traffic */
    tap_ok(thermoai_tip_component_energy_j(&a, &p, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_LAYER, 1, &e, &t)
                   == THERMOAI_OK
               && e > 0.0 && e < t / 30.0,
           "one layer saves under 1/30 of the total (%.3g of %.3g J)", e, t);
}

static void test_bad(void)
{
    thermoai_model_arch a;
    thermoai_hardware hw;
    double e = 1, t = 1;

    tiny(&a, 0);
    linear_hw(&hw);
#define BAD(call, want, what)                                                                                \
    do {                                                                                                     \
        e = t = 1;                                                                                           \
        tap_ok((call) == (want) && isnan(e) && isnan(t), "%s -> %s, NaN", what, #want);                       \
    } while (0)
    BAD(thermoai_tip_component_energy_j(&a, NULL, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 0, &e, &t),
        THERMOAI_E_INVALID, "count 0");
    BAD(thermoai_tip_component_energy_j(&a, NULL, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 5, &e, &t),
        THERMOAI_E_INVALID, "5 heads of 4");
    BAD(thermoai_tip_component_energy_j(&a, NULL, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_LAYER, 2, &e, &t),
        THERMOAI_E_INVALID, "every layer");
    BAD(thermoai_tip_component_energy_j(&a, NULL, THERMOAI_TIP_DECODE, &hw, NULL, 9u, 1, &e, &t), THERMOAI_E_UNSUPPORTED,
        "unknown kind");
    BAD(thermoai_tip_component_energy_j(&a, NULL, 0u, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 1, &e, &t), THERMOAI_E_UNSUPPORTED,
        "unknown phase");
    BAD(thermoai_tip_component_energy_j(&a, NULL, THERMOAI_TIP_PREFILL, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 1, &e, &t),
        THERMOAI_E_INVALID, "prefill of 0 tokens");
    BAD(thermoai_tip_component_energy_j(NULL, NULL, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 1, &e, &t),
        THERMOAI_E_NULL, "NULL architecture");
    a.d_model = 0;
    BAD(thermoai_tip_component_energy_j(&a, NULL, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 1, &e, &t),
        THERMOAI_E_INVALID, "invalid architecture");
    if (thermoai_model_preset_find("mixtral-8x7b", &a) == THERMOAI_OK)
        BAD(thermoai_tip_component_energy_j(&a, NULL, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_NEURON, 1, &e, &t),
            THERMOAI_E_UNSUPPORTED, "neurons of a MoE model");
    if (thermoai_model_preset_find("deepseek-v3", &a) == THERMOAI_OK)
        BAD(thermoai_tip_component_energy_j(&a, NULL, THERMOAI_TIP_DECODE, &hw, NULL, THERMOAI_TIP_KIND_HEAD, 1, &e, &t),
            THERMOAI_E_UNSUPPORTED, "heads of an MLA model");
#undef BAD
}

int main(void)
{
    test_linear();
    test_unstructured();
    test_preset();
    test_bad();
    return tap_done();
}
