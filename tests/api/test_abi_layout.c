/* SPDX-License-Identifier: MIT */
/*
 * ABI pins, written as literal numbers: status code values, constants, and
 * (as they are added) the size and field offsets of every public struct.
 * A change here is an ABI change and needs a conscious edit (doc/abi-policy.md).
 */
#include "config.h"

#include <float.h>
#include <stddef.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

int main(void)
{
    /* The library's numbers are IEEE 754 binary64. */
    tap_ok(sizeof(double) == 8 && DBL_MANT_DIG == 53 && FLT_RADIX == 2,
           "double is IEEE 754 binary64");

    /* Status codes are pinned from the first release. */
    tap_ok(THERMOAI_OK == 0, "THERMOAI_OK == 0");
    tap_ok(THERMOAI_E_NULL == 1, "THERMOAI_E_NULL == 1");
    tap_ok(THERMOAI_E_INVALID == 2, "THERMOAI_E_INVALID == 2");
    tap_ok(THERMOAI_E_NONFINITE == 3, "THERMOAI_E_NONFINITE == 3");
    tap_ok(THERMOAI_E_SIZE == 4, "THERMOAI_E_SIZE == 4");
    tap_ok(THERMOAI_E_UNSUPPORTED == 5, "THERMOAI_E_UNSUPPORTED == 5");
    tap_ok(THERMOAI_E_CALLBACK == 6, "THERMOAI_E_CALLBACK == 6");
    tap_ok(THERMOAI_E_DOMAIN == 100, "THERMOAI_E_DOMAIN == 100");
    tap_ok(THERMOAI_E_RANGE == 101, "THERMOAI_E_RANGE == 101");
    tap_ok(THERMOAI_E_NO_CONVERGENCE == 102, "THERMOAI_E_NO_CONVERGENCE == 102");
    tap_ok(THERMOAI_E_LOSS == 103, "THERMOAI_E_LOSS == 103");
    tap_ok(THERMOAI_E_NOMEM == 200, "THERMOAI_E_NOMEM == 200");
    tap_ok(THERMOAI_E_INTERNAL == 299, "THERMOAI_E_INTERNAL == 299");
    tap_ok(THERMOAI_E_NOT_FOUND == 300, "THERMOAI_E_NOT_FOUND == 300");

    tap_ok(THERMOAI_CONSTANTS_BOLTZMANN_J_PER_K == 1.380649e-23, "k_B macro is 1.380649e-23 J/K");
    tap_ok(THERMOAI_CONSTANTS_JULIAN_YEAR_S == 31557600.0 && thermoai_constants_julian_year_s() == 31557600.0,
           "Julian year is 31557600 s");

    /* the cost structs (0.1.0) */
    tap_ok(sizeof(thermoai_hardware) == 272 && offsetof(thermoai_hardware, accumulate_bits) == 4
               && offsetof(thermoai_hardware, reserved) == 28
               && offsetof(thermoai_hardware, peak_fp64_flop_per_s) == 32
               && offsetof(thermoai_hardware, peak_bf16_flop_per_s) == 56
               && offsetof(thermoai_hardware, sparse_bf16_flop_per_s) == 96
               && offsetof(thermoai_hardware, memory_usable_bytes) == 128
               && offsetof(thermoai_hardware, memory_bw_bytes_per_s) == 144
               && offsetof(thermoai_hardware, board_power_w) == 152
               && offsetof(thermoai_hardware, idle_power_w) == 160
               && offsetof(thermoai_hardware, j_per_flop_fp64) == 168
               && offsetof(thermoai_hardware, j_per_flop_bf16) == 192
               && offsetof(thermoai_hardware, j_per_byte) == 232
               && offsetof(thermoai_hardware, interconnect_bw_bytes_per_s) == 240
               && offsetof(thermoai_hardware, compute_efficiency) == 256
               && offsetof(thermoai_hardware, bandwidth_efficiency) == 264,
           "thermoai_hardware: 272 bytes, pinned offsets");
    tap_ok(sizeof(thermoai_calibrate_point) == 40 && offsetof(thermoai_calibrate_point, flop) == 8
               && offsetof(thermoai_calibrate_point, joules) == 32,
           "thermoai_calibrate_point: 40 bytes");
    tap_ok(sizeof(thermoai_calibrate_fit) == 56 && offsetof(thermoai_calibrate_fit, rms_residual_j) == 16
               && offsetof(thermoai_calibrate_fit, achieved_flop_per_s) == 48,
           "thermoai_calibrate_fit: 56 bytes");
    tap_ok(sizeof(thermoai_work_params) == 64 && offsetof(thermoai_work_params, batch) == 16
               && offsetof(thermoai_work_params, tokens) == 32
               && offsetof(thermoai_work_params, activation_bits) == 56,
           "thermoai_work_params: 64 bytes");
    tap_ok(sizeof(thermoai_work) == 104 && offsetof(thermoai_work, flop) == 8
               && offsetof(thermoai_work, bytes) == 32 && offsetof(thermoai_work, kv_cache_bytes) == 72
               && offsetof(thermoai_work, experts_touched) == 96,
           "thermoai_work: 104 bytes");
    tap_ok(sizeof(thermoai_cost_serving) == 56 && offsetof(thermoai_cost_serving, device_s_per_layer) == 8
               && offsetof(thermoai_cost_serving, kv_rewrites_per_step) == 48,
           "thermoai_cost_serving: 56 bytes");
    tap_ok(sizeof(thermoai_cost_result) == 152 && offsetof(thermoai_cost_result, step_s) == 8
               && offsetof(thermoai_cost_result, energy_per_token_j) == 56
               && offsetof(thermoai_cost_result, weights_j) == 80
               && offsetof(thermoai_cost_result, bytes) == 144,
           "thermoai_cost_result: 152 bytes");
    tap_ok(sizeof(thermoai_training_params) == 72 && offsetof(thermoai_training_params, flop) == 16
               && offsetof(thermoai_training_params, grid_g_per_kwh) == 64
               && sizeof(thermoai_training_result) == 56
               && offsetof(thermoai_training_result, co2e_kg) == 48,
           "training structs: 72 and 56 bytes");
    tap_ok(sizeof(thermoai_paper_energy_train_terms) == 112
               && offsetof(thermoai_paper_energy_train_terms, allreduce_bytes) == 104
               && sizeof(thermoai_ladder) == 80 && offsetof(thermoai_ladder, ter_measured) == 72,
           "paper-energy terms 112 and ladder 80 bytes");
    /* thermoai_model_arch (0.1.0): 120 bytes */
    tap_ok(sizeof(thermoai_model_arch) == 120, "sizeof(thermoai_model_arch) == 120");
    tap_ok(thermoai_model_arch_size() == 120, "thermoai_model_arch_size() == 120");
    tap_ok(offsetof(thermoai_model_arch, struct_size) == 0 && offsetof(thermoai_model_arch, flags) == 4
               && offsetof(thermoai_model_arch, layers) == 8 && offsetof(thermoai_model_arch, heads) == 12
               && offsetof(thermoai_model_arch, kv_heads) == 16
               && offsetof(thermoai_model_arch, head_dim) == 20
               && offsetof(thermoai_model_arch, d_model) == 24 && offsetof(thermoai_model_arch, d_ff) == 32
               && offsetof(thermoai_model_arch, vocab_size) == 40
               && offsetof(thermoai_model_arch, context_length) == 48
               && offsetof(thermoai_model_arch, precision_bits) == 56
               && offsetof(thermoai_model_arch, params) == 64,
           "thermoai_model_arch field offsets 0,4,8,12,16,20,24,32,40,48,56,64");
    tap_ok(offsetof(thermoai_model_arch, experts) == 72
               && offsetof(thermoai_model_arch, active_experts) == 76
               && offsetof(thermoai_model_arch, shared_experts) == 80
               && offsetof(thermoai_model_arch, first_dense_layers) == 84
               && offsetof(thermoai_model_arch, expert_d_ff) == 88
               && offsetof(thermoai_model_arch, sliding_window) == 96
               && offsetof(thermoai_model_arch, q_lora_rank) == 104
               && offsetof(thermoai_model_arch, kv_lora_rank) == 108
               && offsetof(thermoai_model_arch, rope_head_dim) == 112
               && offsetof(thermoai_model_arch, v_head_dim) == 116,
           "thermoai_model_arch MoE/attention field offsets 72,76,80,84,88,96,104,108,112,116");
    tap_ok(THERMOAI_MODEL_GATED_FFN == 0x1u && THERMOAI_MODEL_TIED_EMBEDDINGS == 0x2u
               && THERMOAI_MODEL_LINEAR_BIAS == 0x4u && THERMOAI_MODEL_NORM_BIAS == 0x8u
               && THERMOAI_MODEL_LEARNED_POSITIONS == 0x10u,
           "architecture flag bits 0x1, 0x2, 0x4, 0x8, 0x10");

    /* thermoai_entropy_params (0.1.0): 32 bytes */
    tap_ok(sizeof(thermoai_entropy_params) == 32 && thermoai_entropy_params_size() == 32,
           "sizeof(thermoai_entropy_params) == 32");
    tap_ok(offsetof(thermoai_entropy_params, attention_rows) == 4
               && offsetof(thermoai_entropy_params, seq_len) == 8
               && offsetof(thermoai_entropy_params, saturation_fraction) == 16
               && offsetof(thermoai_entropy_params, temperature_k) == 24,
           "thermoai_entropy_params field offsets 4, 8, 16, 24");
    tap_ok(THERMOAI_ENTROPY_ROWS_ONE == 0 && THERMOAI_ENTROPY_ROWS_ALL == 1,
           "attention row modes 0 (one) and 1 (all)");

    /* thermoai_entropy_breakdown (0.1.0): 56 bytes */
    tap_ok(sizeof(thermoai_entropy_breakdown) == 56 && thermoai_entropy_breakdown_size() == 56,
           "sizeof(thermoai_entropy_breakdown) == 56");
    tap_ok(offsetof(thermoai_entropy_breakdown, reserved) == 4
               && offsetof(thermoai_entropy_breakdown, attention_bits) == 8
               && offsetof(thermoai_entropy_breakdown, ffn_bits) == 16
               && offsetof(thermoai_entropy_breakdown, norm_bits) == 24
               && offsetof(thermoai_entropy_breakdown, layer_bits) == 32
               && offsetof(thermoai_entropy_breakdown, token_bits) == 40
               && offsetof(thermoai_entropy_breakdown, token_energy_j) == 48,
           "thermoai_entropy_breakdown field offsets 4, 8, ..., 48");
    /* attention, SSA, synthetic data, spectra (0.1.0) */
    tap_ok(THERMOAI_ATTENTION_CAUSAL == 0x1u && THERMOAI_ATTENTION_PORTABLE == 0x2u
               && THERMOAI_SSA_CAUSAL == 0x1u && THERMOAI_SSA_PORTABLE == 0x2u
               && THERMOAI_SPECTRAL_PORTABLE == 0x2u && THERMOAI_ATTENTION_NO_AVX512 == 0x4u,
           "attention, SSA and spectrum flag bits");
    tap_ok(THERMOAI_SSA_PAPER == 0 && THERMOAI_SSA_IMPORTANCE == 1 && THERMOAI_SSA_CENTROID == 2
               && THERMOAI_SSA_ROUTED == 3,
           "SSA variants 0, 1, 2, 3");
    tap_ok(THERMOAI_SYNTH_CONCENTRATED == 0 && THERMOAI_SYNTH_DIFFUSE == 1
               && THERMOAI_SYNTH_UNIFORM == 2,
           "synthetic regimes 0, 1, 2");
    tap_ok(THERMOAI_SPECTRAL_FALLBACK_DENSE == 0 && THERMOAI_SPECTRAL_FALLBACK_HYBRID == 1
               && THERMOAI_SPECTRAL_FALLBACK_SSA == 2,
           "fallback decisions 0, 1, 2");
    tap_ok(sizeof(thermoai_ssa_params) == 56 && offsetof(thermoai_ssa_params, variant) == 4
               && offsetof(thermoai_ssa_params, flags) == 8
               && offsetof(thermoai_ssa_params, clusters) == 12
               && offsetof(thermoai_ssa_params, samples) == 16
               && offsetof(thermoai_ssa_params, projection_dim) == 20
               && offsetof(thermoai_ssa_params, kmeans_iterations) == 24
               && offsetof(thermoai_ssa_params, threads) == 28
               && offsetof(thermoai_ssa_params, seed) == 32
               && offsetof(thermoai_ssa_params, tolerance) == 40
               && offsetof(thermoai_ssa_params, check_rows) == 48
               && offsetof(thermoai_ssa_params, key_groups) == 52,
           "thermoai_ssa_params: 56 bytes, offsets 4, 8, ..., 28, 32; appended 40, 48, 52");
    tap_ok(sizeof(thermoai_ssa_stats) == 120 && offsetof(thermoai_ssa_stats, clusters) == 4
               && offsetof(thermoai_ssa_stats, empty_clusters) == 20
               && offsetof(thermoai_ssa_stats, projection_s) == 24
               && offsetof(thermoai_ssa_stats, clustering_s) == 32
               && offsetof(thermoai_ssa_stats, attention_s) == 40
               && offsetof(thermoai_ssa_stats, exact_pairs) == 48
               && offsetof(thermoai_ssa_stats, centroid_terms) == 56
               && offsetof(thermoai_ssa_stats, kmeans_objective) == 64
               && offsetof(thermoai_ssa_stats, bytes) == 72
               && offsetof(thermoai_ssa_stats, error_estimate) == 80
               && offsetof(thermoai_ssa_stats, error_bound) == 88
               && offsetof(thermoai_ssa_stats, exact_rows) == 96
               && offsetof(thermoai_ssa_stats, routed_keys) == 104
               && offsetof(thermoai_ssa_stats, fallback) == 112
               && offsetof(thermoai_ssa_stats, check_rounds) == 116,
           "thermoai_ssa_stats: 120 bytes, doubles from offset 24; appended 80 .. 116");
    tap_ok(sizeof(thermoai_rd_ba_params) == 24 && offsetof(thermoai_rd_ba_params, flags) == 4
               && offsetof(thermoai_rd_ba_params, max_iterations) == 8
               && offsetof(thermoai_rd_ba_params, reserved) == 12
               && offsetof(thermoai_rd_ba_params, tolerance_bits) == 16,
           "thermoai_rd_ba_params: 24 bytes, offsets 4, 8, 12, 16");
    tap_ok(sizeof(thermoai_rd_ba_result) == 48 && offsetof(thermoai_rd_ba_result, iterations) == 4
               && offsetof(thermoai_rd_ba_result, slope_bits) == 8
               && offsetof(thermoai_rd_ba_result, distortion) == 16
               && offsetof(thermoai_rd_ba_result, rate_bits) == 24
               && offsetof(thermoai_rd_ba_result, rate_lower_bits) == 32
               && offsetof(thermoai_rd_ba_result, lagrangian_bits) == 40,
           "thermoai_rd_ba_result: 48 bytes, doubles from offset 8");
    tap_ok(sizeof(thermoai_ib_params) == 32 && offsetof(thermoai_ib_params, flags) == 4
               && offsetof(thermoai_ib_params, max_iterations) == 8
               && offsetof(thermoai_ib_params, reserved) == 12
               && offsetof(thermoai_ib_params, tolerance_bits) == 16
               && offsetof(thermoai_ib_params, seed) == 24,
           "thermoai_ib_params: 32 bytes, offsets 4, 8, 12, 16, 24");
    tap_ok(sizeof(thermoai_ib_result) == 40 && offsetof(thermoai_ib_result, iterations) == 4
               && offsetof(thermoai_ib_result, beta) == 8 && offsetof(thermoai_ib_result, ixz_bits) == 16
               && offsetof(thermoai_ib_result, izy_bits) == 24
               && offsetof(thermoai_ib_result, functional_bits) == 32,
           "thermoai_ib_result: 40 bytes, doubles from offset 8");
    tap_ok(offsetof(thermoai_allocator, alloc) == 0
               && offsetof(thermoai_allocator, release) == sizeof(void (*)(void))
               && offsetof(thermoai_allocator, user) == 2 * sizeof(void (*)(void))
               && sizeof(thermoai_allocator) == 3 * sizeof(void *),
           "thermoai_allocator: alloc, release, user (three pointers)");
    tap_ok(sizeof(thermoai_scheduler_params) == 56 && offsetof(thermoai_scheduler_params, controls) == 4
               && offsetof(thermoai_scheduler_params, horizon) == 8
               && offsetof(thermoai_scheduler_params, flags) == 12
               && offsetof(thermoai_scheduler_params, hold) == 16
               && offsetof(thermoai_scheduler_params, reserved) == 20
               && offsetof(thermoai_scheduler_params, budget_j) == 24
               && offsetof(thermoai_scheduler_params, step_size) == 32
               && offsetof(thermoai_scheduler_params, perturbation) == 40
               && offsetof(thermoai_scheduler_params, seed) == 48,
           "thermoai_scheduler_params: 56 bytes, offsets 4, 8, ..., 40, 48");
    tap_ok(THERMOAI_SCHEDULER_DONE == 0x1u && THERMOAI_GRAPH_CONDUCTANCE_PAPER == 0x1u,
           "scheduler state and conductance flag bits");
    tap_ok(sizeof(thermoai_synth_params) == 40 && offsetof(thermoai_synth_params, clusters) == 4
               && offsetof(thermoai_synth_params, separation) == 8
               && offsetof(thermoai_synth_params, noise) == 16
               && offsetof(thermoai_synth_params, logit_scale) == 24
               && offsetof(thermoai_synth_params, seed) == 32,
           "thermoai_synth_params: 40 bytes, offsets 4, 8, 16, 24, 32");
    tap_ok(sizeof(thermoai_spectral_params) == 32 && offsetof(thermoai_spectral_params, flags) == 4
               && offsetof(thermoai_spectral_params, max_iterations) == 8
               && offsetof(thermoai_spectral_params, threads) == 12
               && offsetof(thermoai_spectral_params, tolerance) == 16
               && offsetof(thermoai_spectral_params, seed) == 24,
           "thermoai_spectral_params: 32 bytes, offsets 4, 8, 12, 16, 24");
    tap_ok(sizeof(thermoai_spectral_info) == 32 && offsetof(thermoai_spectral_info, iterations) == 4
               && offsetof(thermoai_spectral_info, lambda_max) == 8
               && offsetof(thermoai_spectral_info, pi_min) == 16
               && offsetof(thermoai_spectral_info, residual) == 24,
           "thermoai_spectral_info: 32 bytes, offsets 4, 8, 16, 24");
    tap_ok(THERMOAI_VERSION_ABI == 0, "ABI (SONAME major) version is 0");
    /* thermoai_loss_model (0.1.0): 64 bytes */
    tap_ok(sizeof(thermoai_loss_model) == 64 && thermoai_loss_model_size() == 64,
           "sizeof(thermoai_loss_model) == 64");
    tap_ok(offsetof(thermoai_loss_model, reserved) == 4 && offsetof(thermoai_loss_model, irreducible_nats) == 8
               && offsetof(thermoai_loss_model, params_coef) == 16
               && offsetof(thermoai_loss_model, params_exponent) == 24
               && offsetof(thermoai_loss_model, tokens_coef) == 32
               && offsetof(thermoai_loss_model, tokens_exponent) == 40
               && offsetof(thermoai_loss_model, data_coef) == 48
               && offsetof(thermoai_loss_model, data_exponent) == 56,
           "thermoai_loss_model field offsets 4, 8, 16, ..., 56");

    /* thermoai_allocate_energy_model (0.1.0): 40 bytes */
    tap_ok(sizeof(thermoai_allocate_energy_model) == 40 && thermoai_allocate_energy_model_size() == 40,
           "sizeof(thermoai_allocate_energy_model) == 40");
    tap_ok(offsetof(thermoai_allocate_energy_model, reserved) == 4
               && offsetof(thermoai_allocate_energy_model, compute_j_per_param_token) == 8
               && offsetof(thermoai_allocate_energy_model, data_j_per_sample) == 16
               && offsetof(thermoai_allocate_energy_model, memory_j_per_param) == 24
               && offsetof(thermoai_allocate_energy_model, fixed_j) == 32,
           "thermoai_allocate_energy_model field offsets 4, 8, 16, 24, 32");

    /* thermoai_allocate_result (0.1.0): 128 bytes */
    tap_ok(sizeof(thermoai_allocate_result) == 128 && thermoai_allocate_result_size() == 128,
           "sizeof(thermoai_allocate_result) == 128");
    tap_ok(offsetof(thermoai_allocate_result, iterations) == 4 && offsetof(thermoai_allocate_result, params) == 8
               && offsetof(thermoai_allocate_result, tokens) == 16 && offsetof(thermoai_allocate_result, data) == 24
               && offsetof(thermoai_allocate_result, loss_nats) == 32
               && offsetof(thermoai_allocate_result, multiplier_nats_per_j) == 40
               && offsetof(thermoai_allocate_result, energy_j) == 48
               && offsetof(thermoai_allocate_result, compute_energy_j) == 56
               && offsetof(thermoai_allocate_result, data_energy_j) == 64
               && offsetof(thermoai_allocate_result, memory_energy_j) == 72
               && offsetof(thermoai_allocate_result, fixed_energy_j) == 80
               && offsetof(thermoai_allocate_result, tokens_per_param) == 88
               && offsetof(thermoai_allocate_result, marginal_spread) == 96
               && offsetof(thermoai_allocate_result, params_elasticity) == 104
               && offsetof(thermoai_allocate_result, tokens_elasticity) == 112
               && offsetof(thermoai_allocate_result, data_elasticity) == 120,
           "thermoai_allocate_result field offsets 4, 8, 16, ..., 120");
    tap_ok(THERMOAI_PRECISION_DIGITAL_EXPONENT == 1.5 && THERMOAI_PRECISION_ANALOG_EXPONENT == 2.0
               && THERMOAI_PRECISION_MEMORY_EXPONENT == 1.0 && THERMOAI_PRECISION_MAX_LAYERS == 4294967296.0,
           "precision exponents 1.5, 2, 1; at most 2^32 layers");

    return tap_done();
}
