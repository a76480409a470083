/* SPDX-License-Identifier: MIT */
/*
 * The output-struct error rule (doc/abi-policy.md, issue 20 defect 4), checked for
 * every public function that writes a size-field struct: on any error, every
 * double field that lies wholly inside the caller's struct_size is NaN, and
 * nothing else is written (not struct_size, not a non-double field, not a byte
 * at or past struct_size). Each function is called with every struct_size from
 * 0 to its V0 size - 1 (THERMOAI_E_SIZE), and once at full size with a bad
 * input (its documented error).
 */
#include "config.h"

#define THERMOAI_EXPERIMENTAL 1

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

/* work memory of the spectra (thermoai_spectral_*_workspace_bytes() for the sizes used
 * here is far below this) */
static double spec_ws[1 << 16];

/* The double fields of each output struct (generated from the headers with the
 * same parser as tests/api/abi_layout_ref.py). */
static const size_t D_ALLOCATE_RESULT[] = {offsetof(thermoai_allocate_result, params), offsetof(thermoai_allocate_result, tokens), offsetof(thermoai_allocate_result, data), offsetof(thermoai_allocate_result, loss_nats), offsetof(thermoai_allocate_result, multiplier_nats_per_j), offsetof(thermoai_allocate_result, energy_j), offsetof(thermoai_allocate_result, compute_energy_j), offsetof(thermoai_allocate_result, data_energy_j), offsetof(thermoai_allocate_result, memory_energy_j), offsetof(thermoai_allocate_result, fixed_energy_j), offsetof(thermoai_allocate_result, tokens_per_param), offsetof(thermoai_allocate_result, marginal_spread), offsetof(thermoai_allocate_result, params_elasticity), offsetof(thermoai_allocate_result, tokens_elasticity), offsetof(thermoai_allocate_result, data_elasticity)};
static const size_t D_CALIBRATE_FIT[] = {offsetof(thermoai_calibrate_fit, rms_residual_j), offsetof(thermoai_calibrate_fit, max_abs_residual_j), offsetof(thermoai_calibrate_fit, max_rel_residual), offsetof(thermoai_calibrate_fit, achieved_bw_bytes_per_s), offsetof(thermoai_calibrate_fit, achieved_flop_per_s)};
static const size_t D_HARDWARE[] = {offsetof(thermoai_hardware, peak_fp64_flop_per_s), offsetof(thermoai_hardware, peak_fp32_flop_per_s), offsetof(thermoai_hardware, peak_tf32_flop_per_s), offsetof(thermoai_hardware, peak_bf16_flop_per_s), offsetof(thermoai_hardware, peak_fp8_flop_per_s), offsetof(thermoai_hardware, peak_int8_op_per_s), offsetof(thermoai_hardware, peak_fp4_flop_per_s), offsetof(thermoai_hardware, peak_int4_op_per_s), offsetof(thermoai_hardware, sparse_bf16_flop_per_s), offsetof(thermoai_hardware, sparse_fp8_flop_per_s), offsetof(thermoai_hardware, sparse_int8_op_per_s), offsetof(thermoai_hardware, sparse_fp4_flop_per_s), offsetof(thermoai_hardware, memory_usable_bytes), offsetof(thermoai_hardware, memory_physical_bytes), offsetof(thermoai_hardware, memory_bw_bytes_per_s), offsetof(thermoai_hardware, board_power_w), offsetof(thermoai_hardware, idle_power_w), offsetof(thermoai_hardware, j_per_flop_fp64), offsetof(thermoai_hardware, j_per_flop_fp32), offsetof(thermoai_hardware, j_per_flop_tf32), offsetof(thermoai_hardware, j_per_flop_bf16), offsetof(thermoai_hardware, j_per_flop_fp8), offsetof(thermoai_hardware, j_per_op_int8), offsetof(thermoai_hardware, j_per_flop_fp4), offsetof(thermoai_hardware, j_per_op_int4), offsetof(thermoai_hardware, j_per_byte), offsetof(thermoai_hardware, interconnect_bw_bytes_per_s), offsetof(thermoai_hardware, j_per_interconnect_byte), offsetof(thermoai_hardware, compute_efficiency), offsetof(thermoai_hardware, bandwidth_efficiency)};
static const size_t D_COST_SERVING[] = {offsetof(thermoai_cost_serving, device_s_per_layer), offsetof(thermoai_cost_serving, device_s_per_step), offsetof(thermoai_cost_serving, host_s_per_layer), offsetof(thermoai_cost_serving, host_s_per_step), offsetof(thermoai_cost_serving, overhead_power_w), offsetof(thermoai_cost_serving, kv_rewrites_per_step)};
static const size_t D_COST_RESULT[] = {offsetof(thermoai_cost_result, step_s), offsetof(thermoai_cost_result, roofline_s), offsetof(thermoai_cost_result, memory_s), offsetof(thermoai_cost_result, compute_s), offsetof(thermoai_cost_result, overhead_s), offsetof(thermoai_cost_result, energy_j), offsetof(thermoai_cost_result, energy_per_token_j), offsetof(thermoai_cost_result, tokens_per_s), offsetof(thermoai_cost_result, average_power_w), offsetof(thermoai_cost_result, weights_j), offsetof(thermoai_cost_result, kv_j), offsetof(thermoai_cost_result, activations_j), offsetof(thermoai_cost_result, arithmetic_j), offsetof(thermoai_cost_result, static_j), offsetof(thermoai_cost_result, overhead_j), offsetof(thermoai_cost_result, tokens), offsetof(thermoai_cost_result, flop), offsetof(thermoai_cost_result, bytes)};
static const size_t D_ENTROPY_BREAKDOWN[] = {offsetof(thermoai_entropy_breakdown, attention_bits), offsetof(thermoai_entropy_breakdown, ffn_bits), offsetof(thermoai_entropy_breakdown, norm_bits), offsetof(thermoai_entropy_breakdown, layer_bits), offsetof(thermoai_entropy_breakdown, token_bits), offsetof(thermoai_entropy_breakdown, token_energy_j)};
static const size_t D_IB_RESULT[] = {offsetof(thermoai_ib_result, beta), offsetof(thermoai_ib_result, ixz_bits), offsetof(thermoai_ib_result, izy_bits), offsetof(thermoai_ib_result, functional_bits)};
static const size_t D_LADDER[] = {offsetof(thermoai_ladder, landauer_j), offsetof(thermoai_ladder, arithmetic_j), offsetof(thermoai_ladder, data_j), offsetof(thermoai_ladder, modelled_j), offsetof(thermoai_ladder, measured_j), offsetof(thermoai_ladder, ter_arithmetic), offsetof(thermoai_ladder, ter_data), offsetof(thermoai_ladder, ter_modelled), offsetof(thermoai_ladder, ter_measured)};
static const size_t D_LOSS_MODEL[] = {offsetof(thermoai_loss_model, irreducible_nats), offsetof(thermoai_loss_model, params_coef), offsetof(thermoai_loss_model, params_exponent), offsetof(thermoai_loss_model, tokens_coef), offsetof(thermoai_loss_model, tokens_exponent), offsetof(thermoai_loss_model, data_coef), offsetof(thermoai_loss_model, data_exponent)};
static const size_t D_MODEL_ARCH[] = {offsetof(thermoai_model_arch, precision_bits)};
static const size_t D_RD_BA_RESULT[] = {offsetof(thermoai_rd_ba_result, slope_bits), offsetof(thermoai_rd_ba_result, distortion), offsetof(thermoai_rd_ba_result, rate_bits), offsetof(thermoai_rd_ba_result, rate_lower_bits), offsetof(thermoai_rd_ba_result, lagrangian_bits)};
static const size_t D_SCALING_NEGENTROPY_LAW[] = {offsetof(thermoai_scaling_negentropy_law, n_inf_bits), offsetof(thermoai_scaling_negentropy_law, n_c), offsetof(thermoai_scaling_negentropy_law, d_c), offsetof(thermoai_scaling_negentropy_law, c_c), offsetof(thermoai_scaling_negentropy_law, alpha_n), offsetof(thermoai_scaling_negentropy_law, alpha_d), offsetof(thermoai_scaling_negentropy_law, alpha_c)};
static const size_t D_SPECTRAL_INFO[] = {offsetof(thermoai_spectral_info, lambda_max), offsetof(thermoai_spectral_info, pi_min), offsetof(thermoai_spectral_info, residual)};
static const size_t D_SSA_STATS[] = {offsetof(thermoai_ssa_stats, projection_s), offsetof(thermoai_ssa_stats, clustering_s), offsetof(thermoai_ssa_stats, attention_s), offsetof(thermoai_ssa_stats, exact_pairs), offsetof(thermoai_ssa_stats, centroid_terms), offsetof(thermoai_ssa_stats, kmeans_objective), offsetof(thermoai_ssa_stats, bytes), offsetof(thermoai_ssa_stats, error_estimate), offsetof(thermoai_ssa_stats, error_bound), offsetof(thermoai_ssa_stats, exact_rows), offsetof(thermoai_ssa_stats, routed_keys)};
static const size_t D_TRAINING_RESULT[] = {offsetof(thermoai_training_result, time_s), offsetof(thermoai_training_result, device_hours), offsetof(thermoai_training_result, device_power_w), offsetof(thermoai_training_result, it_energy_j), offsetof(thermoai_training_result, facility_energy_j), offsetof(thermoai_training_result, co2e_kg)};
static const size_t D_WORK[] = {offsetof(thermoai_work, flop), offsetof(thermoai_work, matmul_flop), offsetof(thermoai_work, attention_flop), offsetof(thermoai_work, bytes), offsetof(thermoai_work, weight_bytes), offsetof(thermoai_work, kv_read_bytes), offsetof(thermoai_work, kv_write_bytes), offsetof(thermoai_work, activation_bytes), offsetof(thermoai_work, kv_cache_bytes), offsetof(thermoai_work, tokens), offsetof(thermoai_work, layers), offsetof(thermoai_work, experts_touched)};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define BUF_BYTES 1024
#define FILL 0x41u /* a finite double 0x4141414141414141 */

/* shared valid inputs, made once in main() */
static thermoai_model_arch g_arch;
static thermoai_work_params g_wp;
static thermoai_hardware g_hw;
static thermoai_cost_serving g_srv;
static thermoai_entropy_params g_ep;
static thermoai_loss_model g_loss;
static thermoai_allocate_energy_model g_em;
static thermoai_training_params g_tp;
static thermoai_work g_work;
static thermoai_scaling_loss_law g_law;
static thermoai_rd_ba *g_rd;
static thermoai_ib *g_ib;
static thermoai_ssa *g_ssa;
static float g_q[64], g_k[64], g_v[64];

static const double PA[3] = { 0.5, 0.3, 0.2 };
static const double DA[9] = { 0.0, 1.0, 2.0, 1.0, 0.0, 1.0, 2.0, 1.0, 0.0 };
static const double J1[12] = { 0.2, 0.05, 0.0, 0.05, 0.2, 0.0, 0.0, 0.05, 0.2, 0.1, 0.05, 0.1 };

/* Each call writes its output struct to out; bad != 0 makes one input invalid. */
typedef int (*call_fn)(void *out, int bad);

static int c_alloc_closed(void *o, int bad)
{
    return thermoai_allocate_closed_form(&g_loss, &g_em, bad ? -1.0 : 1e20, o);
}
static int c_alloc_solve(void *o, int bad)
{
    return thermoai_allocate_solve(&g_loss, &g_em, bad ? (double)NAN : 1e20, o);
}
static int c_alloc_isoloss(void *o, int bad)
{
    return thermoai_allocate_isoloss(&g_loss, &g_em, bad ? -1.0 : 2.5, o);
}
static int c_calibrate_fit(void *o, int bad)
{
    thermoai_calibrate_point pts[3];
    thermoai_hardware hw = g_hw;
    size_t i;

    memset(pts, 0, sizeof pts);
    for (i = 0; i < 3; i++) {
        pts[i].precision = THERMOAI_HARDWARE_BF16;
        pts[i].flop = 1e12 * (double)(i + 1);
        pts[i].bytes = 1e9 * (double)(3 - i);
        pts[i].seconds = 1.0;
        pts[i].joules = 100.0 + 10.0 * (double)i;
    }
    if (bad)
        pts[1].seconds = -1.0;
    return thermoai_calibrate_energy(pts, 3, 0, &hw, NULL, o);
}
static int c_serving_preset(void *o, int bad)
{
    return thermoai_cost_serving_preset(bad ? "no-such-preset" : "ideal", o);
}
static int c_cost_step(void *o, int bad)
{
    thermoai_hardware hw = g_hw;
    if (bad)
        hw.board_power_w = -1.0;
    return thermoai_cost_step(&hw, &g_work, &g_srv, o);
}
static int c_cost_decode(void *o, int bad)
{
    return thermoai_cost_decode(bad ? NULL : &g_arch, &g_wp, &g_hw, &g_srv, o);
}
static int c_cost_prefill(void *o, int bad)
{
    return thermoai_cost_prefill(bad ? NULL : &g_arch, &g_wp, &g_hw, &g_srv, o);
}
static int c_cost_request(void *o, int bad)
{
    return thermoai_cost_request(&g_arch, &g_wp, 16, bad ? NULL : &g_hw, &g_srv, o);
}
static int c_entropy_token(void *o, int bad)
{
    return thermoai_entropy_token(bad ? NULL : &g_arch, &g_ep, o);
}
static int c_hw_preset(void *o, int bad)
{
    return thermoai_hardware_preset_find(bad ? "no-such-gpu" : "h100-sxm", o);
}
static int c_ib_execute(void *o, int bad)
{
    return thermoai_ib_execute(g_ib, bad ? -1.0 : 2.0, o);
}
static int c_ib_iterate(void *o, int bad)
{
    return thermoai_ib_iterate(g_ib, bad ? (double)NAN : 2.0, 3, o);
}
static int c_ladder(void *o, int bad)
{
    return thermoai_ladder_decode(&g_arch, &g_wp, &g_hw, &g_srv, &g_ep, bad ? -1.0 : 1.0, o);
}
static int c_loss_preset(void *o, int bad)
{
    return thermoai_loss_preset_find(bad ? "no-such-fit" : "hoffmann2022", o);
}
static int c_model_preset(void *o, int bad)
{
    return thermoai_model_preset_find(bad ? "no-such-model" : "llama-2-7b", o);
}
static int c_rd_execute(void *o, int bad)
{
    return thermoai_rd_ba_execute(g_rd, bad ? (double)NAN : -1.0, o);
}
static int c_rd_execute_d(void *o, int bad)
{
    return thermoai_rd_ba_execute_distortion(g_rd, bad ? -1.0 : 0.5, o);
}
static int c_rd_iterate(void *o, int bad)
{
    return thermoai_rd_ba_iterate(g_rd, bad ? (double)NAN : -1.0, 3, o);
}
static int c_negentropy_from_loss(void *o, int bad)
{
    return thermoai_scaling_negentropy_from_loss(&g_law, bad ? (double)NAN : 10.0, o);
}
static int c_spectral_attention(void *o, int bad)
{
    double lambda[16];
    return thermoai_spectral_attention(8, 8, g_q, g_k, NULL, bad ? 9 : 2, spec_ws, sizeof spec_ws, lambda, o);
}
static int c_spectral_ssa(void *o, int bad)
{
    double lambda[16];
    return thermoai_spectral_ssa(g_ssa, bad ? NULL : g_q, g_k, NULL, 2, spec_ws, sizeof spec_ws, lambda, o);
}
static int c_ssa_stats(void *o, int bad)
{
    return thermoai_ssa_get_stats(bad ? NULL : g_ssa, o);
}
static int c_training(void *o, int bad)
{
    thermoai_training_params tp = g_tp;
    if (bad)
        tp.flop = -1.0;
    return thermoai_training_run(&g_hw, &tp, o);
}
static int c_work_decode(void *o, int bad)
{
    return thermoai_work_decode(bad ? NULL : &g_arch, &g_wp, o);
}
static int c_work_prefill(void *o, int bad)
{
    return thermoai_work_prefill(bad ? NULL : &g_arch, &g_wp, o);
}
static int c_work_training(void *o, int bad)
{
    return thermoai_work_training(bad ? NULL : &g_arch, &g_wp, o);
}

struct out_case {
    const char *name;
    call_fn call;
    size_t full, v0;
    const size_t *dbl;
    size_t ndbl;
};

#define CASE(fn, call, type, v0, tab) { fn, call, sizeof(type), v0, tab, N_OF(tab) }

static const struct out_case CASES[] = {
    CASE("allocate_closed_form", c_alloc_closed, thermoai_allocate_result, 128, D_ALLOCATE_RESULT),
    CASE("allocate_solve", c_alloc_solve, thermoai_allocate_result, 128, D_ALLOCATE_RESULT),
    CASE("allocate_isoloss", c_alloc_isoloss, thermoai_allocate_result, 128, D_ALLOCATE_RESULT),
    CASE("calibrate_energy (fit)", c_calibrate_fit, thermoai_calibrate_fit, 56, D_CALIBRATE_FIT),
    CASE("cost_serving_preset", c_serving_preset, thermoai_cost_serving, 56, D_COST_SERVING),
    CASE("cost_step", c_cost_step, thermoai_cost_result, 152, D_COST_RESULT),
    CASE("cost_decode", c_cost_decode, thermoai_cost_result, 152, D_COST_RESULT),
    CASE("cost_prefill", c_cost_prefill, thermoai_cost_result, 152, D_COST_RESULT),
    CASE("cost_request", c_cost_request, thermoai_cost_result, 152, D_COST_RESULT),
    CASE("entropy_token", c_entropy_token, thermoai_entropy_breakdown, 56, D_ENTROPY_BREAKDOWN),
    CASE("hardware_preset_find", c_hw_preset, thermoai_hardware, 272, D_HARDWARE),
    CASE("ib_execute", c_ib_execute, thermoai_ib_result, 40, D_IB_RESULT),
    CASE("ib_iterate", c_ib_iterate, thermoai_ib_result, 40, D_IB_RESULT),
    CASE("ladder_decode", c_ladder, thermoai_ladder, 80, D_LADDER),
    CASE("loss_preset_find", c_loss_preset, thermoai_loss_model, 64, D_LOSS_MODEL),
    CASE("model_preset_find", c_model_preset, thermoai_model_arch, 120, D_MODEL_ARCH),
    CASE("rd_ba_execute", c_rd_execute, thermoai_rd_ba_result, 48, D_RD_BA_RESULT),
    CASE("rd_ba_execute_distortion", c_rd_execute_d, thermoai_rd_ba_result, 48, D_RD_BA_RESULT),
    CASE("rd_ba_iterate", c_rd_iterate, thermoai_rd_ba_result, 48, D_RD_BA_RESULT),
    CASE("scaling_negentropy_from_loss", c_negentropy_from_loss, thermoai_scaling_negentropy_law, 64,
         D_SCALING_NEGENTROPY_LAW),
    CASE("spectral_attention (info)", c_spectral_attention, thermoai_spectral_info, 32, D_SPECTRAL_INFO),
    CASE("spectral_ssa (info)", c_spectral_ssa, thermoai_spectral_info, 32, D_SPECTRAL_INFO),
    CASE("ssa_get_stats", c_ssa_stats, thermoai_ssa_stats, 80, D_SSA_STATS),
    CASE("training_run", c_training, thermoai_training_result, 56, D_TRAINING_RESULT),
    CASE("work_decode", c_work_decode, thermoai_work, 104, D_WORK),
    CASE("work_prefill", c_work_prefill, thermoai_work, 104, D_WORK),
    CASE("work_training", c_work_training, thermoai_work, 104, D_WORK),
};

static union {
    double align;
    unsigned char b[BUF_BYTES];
} g_buf;

static int is_double_field(const struct out_case *c, size_t off)
{
    size_t i;
    for (i = 0; i < c->ndbl; i++)
        if (c->dbl[i] == off)
            return 1;
    return 0;
}

/* 1 when the buffer obeys the rule for a caller's struct_size of size. */
static int obeys(const struct out_case *c, uint32_t size, const char **why)
{
    size_t limit = size < c->full ? size : c->full, off, i;
    uint32_t now;

    memcpy(&now, g_buf.b, sizeof now);
    if (now != size) {
        *why = "struct_size changed";
        return 0;
    }
    for (i = 0; i < c->ndbl; i++) {
        double x;
        off = c->dbl[i];
        if (off + sizeof x > limit)
            continue;
        memcpy(&x, g_buf.b + off, sizeof x);
        if (!isnan(x)) {
            *why = "a double inside struct_size is not NaN";
            return 0;
        }
    }
    for (off = sizeof(uint32_t); off < BUF_BYTES; off++) {
        size_t start = off;
        if (off + sizeof(double) <= limit && is_double_field(c, off)) {
            off += sizeof(double) - 1;
            continue;
        }
        if (g_buf.b[start] != FILL) {
            *why = "a byte other than a double inside struct_size was written";
            return 0;
        }
    }
    return 1;
}

static void check_case(const struct out_case *c)
{
    uint32_t size, bad_size = 0;
    const char *why = "";
    int status, wrong_status = 0, broken = 0;

    for (size = 0; size < c->v0 && !broken; size++) {
        memset(g_buf.b, FILL, sizeof g_buf.b);
        memcpy(g_buf.b, &size, sizeof size);
        status = c->call(g_buf.b, 0);
        if (status != THERMOAI_E_SIZE && !wrong_status) {
            wrong_status = 1;
            bad_size = size;
        }
        if (!obeys(c, size, &why)) {
            broken = 1;
            bad_size = size;
        }
    }
    tap_ok(!wrong_status && !broken, "%s: struct_size 0 .. %u -> E_SIZE, doubles inside NaN, "
           "nothing else written%s%s (first bad size %u)", c->name, (unsigned)(c->v0 - 1),
           broken ? ": " : "", why, (unsigned)bad_size);

    /* full size, valid input: OK */
    memset(g_buf.b, FILL, sizeof g_buf.b);
    size = (uint32_t)c->full;
    memcpy(g_buf.b, &size, sizeof size);
    status = c->call(g_buf.b, 0);
    tap_ok(status == THERMOAI_OK, "%s: full struct_size, valid input -> OK (%d)", c->name, status);

    /* full size, bad input: an error, every double NaN, nothing past the struct */
    memset(g_buf.b, FILL, sizeof g_buf.b);
    memcpy(g_buf.b, &size, sizeof size);
    status = c->call(g_buf.b, 1);
    why = "";
    {
        size_t i, nan_all = 1, tail_ok = 1;
        for (i = 0; i < c->ndbl; i++) {
            double x;
            memcpy(&x, g_buf.b + c->dbl[i], sizeof x);
            if (!isnan(x))
                nan_all = 0;
        }
        for (i = c->full; i < BUF_BYTES; i++)
            if (g_buf.b[i] != FILL)
                tail_ok = 0;
        tap_ok(status != THERMOAI_OK && nan_all && tail_ok,
               "%s: full struct_size, bad input -> error (%d), every double NaN%s%s", c->name, status,
               nan_all ? "" : " [not all NaN]", tail_ok ? "" : " [wrote past the struct]");
    }
}

static int setup(void)
{
    thermoai_ssa_params sp;
    thermoai_synth_params syp;
    float y[64];
    size_t i;

    if (thermoai_model_arch_init(&g_arch, sizeof g_arch) != THERMOAI_OK
        || thermoai_model_preset_find("llama-2-7b", &g_arch) != THERMOAI_OK)
        return 0;
    if (thermoai_work_params_init(&g_wp, sizeof g_wp) != THERMOAI_OK
        || thermoai_hardware_init(&g_hw, sizeof g_hw) != THERMOAI_OK
        || thermoai_hardware_preset_find("h100-sxm", &g_hw) != THERMOAI_OK
        || thermoai_cost_serving_init(&g_srv, sizeof g_srv) != THERMOAI_OK
        || thermoai_entropy_params_init(&g_ep, sizeof g_ep) != THERMOAI_OK
        || thermoai_loss_model_init(&g_loss, sizeof g_loss) != THERMOAI_OK
        || thermoai_loss_preset_find("hoffmann2022", &g_loss) != THERMOAI_OK
        || thermoai_allocate_energy_model_init(&g_em, sizeof g_em) != THERMOAI_OK
        || thermoai_training_params_init(&g_tp, sizeof g_tp) != THERMOAI_OK
        || thermoai_work_init(&g_work, sizeof g_work) != THERMOAI_OK
        || thermoai_scaling_loss_law_init(&g_law, sizeof g_law) != THERMOAI_OK)
        return 0;
    g_wp.tokens = 16;
    g_wp.context = 64;
    g_em.compute_j_per_param_token = 1e-9;
    g_tp.flop = 1e20;
    g_law.l_inf_bits = 2.0;
    g_law.a = 10.0;
    if (thermoai_work_decode(&g_arch, &g_wp, &g_work) != THERMOAI_OK)
        return 0;
    if (thermoai_rd_ba_create(PA, 3, DA, 3, NULL, &g_rd) != THERMOAI_OK
        || thermoai_ib_create(J1, 4, 3, 2, NULL, &g_ib) != THERMOAI_OK)
        return 0;
    if (thermoai_synth_params_init(&syp, sizeof syp, THERMOAI_SYNTH_CONCENTRATED) != THERMOAI_OK
        || thermoai_synth_generate(8, 8, &syp, g_q, g_k, g_v, NULL) != THERMOAI_OK)
        return 0;
    if (thermoai_ssa_params_init(&sp, sizeof sp) != THERMOAI_OK)
        return 0;
    sp.clusters = 2;
    sp.samples = 2;
    if (thermoai_ssa_create(8, 8, &sp, &g_ssa) != THERMOAI_OK
        || thermoai_ssa_execute(g_ssa, g_q, g_k, g_v, y) != THERMOAI_OK)
        return 0;
    for (i = 0; i < 64; i++)
        if (!isfinite(y[i]))
            return 0;
    return 1;
}

int main(void)
{
    size_t i;

    if (!tap_ok(setup(), "valid inputs for every case")) {
        tap_diag("setup failed");
        return tap_done();
    }
    for (i = 0; i < N_OF(CASES); i++)
        check_case(&CASES[i]);
    thermoai_rd_ba_free(g_rd);
    thermoai_ib_free(g_ib);
    thermoai_ssa_free(g_ssa);
    return tap_done();
}
