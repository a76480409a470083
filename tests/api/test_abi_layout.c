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

    /* Every public struct, every field (issue 20). The block is the output of
     * tests/api/abi_layout_ref.py, which lays the headers out by the C rules without
     * a compiler; test_api_sync.py checks that the two agree. */
    /* BEGIN abi_layout_ref.py (do not edit by hand) */
    /* allocate.h */
    tap_ok(sizeof(thermoai_allocate_energy_model) == 40
           && offsetof(thermoai_allocate_energy_model, struct_size) == 0
           && offsetof(thermoai_allocate_energy_model, reserved) == 4
           && offsetof(thermoai_allocate_energy_model, compute_j_per_param_token) == 8
           && offsetof(thermoai_allocate_energy_model, data_j_per_sample) == 16
           && offsetof(thermoai_allocate_energy_model, memory_j_per_param) == 24
           && offsetof(thermoai_allocate_energy_model, fixed_j) == 32,
           "thermoai_allocate_energy_model: 40 bytes, every field offset pinned");
    /* allocate.h */
    tap_ok(sizeof(thermoai_allocate_result) == 128
           && offsetof(thermoai_allocate_result, struct_size) == 0
           && offsetof(thermoai_allocate_result, iterations) == 4
           && offsetof(thermoai_allocate_result, params) == 8
           && offsetof(thermoai_allocate_result, tokens) == 16
           && offsetof(thermoai_allocate_result, data) == 24
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
           "thermoai_allocate_result: 128 bytes, every field offset pinned");
    /* calibrate.h */
    tap_ok(sizeof(thermoai_calibrate_point) == 40
           && offsetof(thermoai_calibrate_point, precision) == 0
           && offsetof(thermoai_calibrate_point, reserved) == 4
           && offsetof(thermoai_calibrate_point, flop) == 8
           && offsetof(thermoai_calibrate_point, bytes) == 16
           && offsetof(thermoai_calibrate_point, seconds) == 24
           && offsetof(thermoai_calibrate_point, joules) == 32,
           "thermoai_calibrate_point: 40 bytes, every field offset pinned");
    /* calibrate.h */
    tap_ok(sizeof(thermoai_calibrate_fit) == 56
           && offsetof(thermoai_calibrate_fit, struct_size) == 0
           && offsetof(thermoai_calibrate_fit, unknowns) == 4
           && offsetof(thermoai_calibrate_fit, points) == 8
           && offsetof(thermoai_calibrate_fit, at_zero) == 12
           && offsetof(thermoai_calibrate_fit, rms_residual_j) == 16
           && offsetof(thermoai_calibrate_fit, max_abs_residual_j) == 24
           && offsetof(thermoai_calibrate_fit, max_rel_residual) == 32
           && offsetof(thermoai_calibrate_fit, achieved_bw_bytes_per_s) == 40
           && offsetof(thermoai_calibrate_fit, achieved_flop_per_s) == 48,
           "thermoai_calibrate_fit: 56 bytes, every field offset pinned");
    /* cost.h */
    tap_ok(sizeof(thermoai_cost_serving) == 56
           && offsetof(thermoai_cost_serving, struct_size) == 0
           && offsetof(thermoai_cost_serving, flags) == 4
           && offsetof(thermoai_cost_serving, device_s_per_layer) == 8
           && offsetof(thermoai_cost_serving, device_s_per_step) == 16
           && offsetof(thermoai_cost_serving, host_s_per_layer) == 24
           && offsetof(thermoai_cost_serving, host_s_per_step) == 32
           && offsetof(thermoai_cost_serving, overhead_power_w) == 40
           && offsetof(thermoai_cost_serving, kv_rewrites_per_step) == 48,
           "thermoai_cost_serving: 56 bytes, every field offset pinned");
    /* cost.h */
    tap_ok(sizeof(thermoai_cost_result) == 152
           && offsetof(thermoai_cost_result, struct_size) == 0
           && offsetof(thermoai_cost_result, bound) == 4
           && offsetof(thermoai_cost_result, step_s) == 8
           && offsetof(thermoai_cost_result, roofline_s) == 16
           && offsetof(thermoai_cost_result, memory_s) == 24
           && offsetof(thermoai_cost_result, compute_s) == 32
           && offsetof(thermoai_cost_result, overhead_s) == 40
           && offsetof(thermoai_cost_result, energy_j) == 48
           && offsetof(thermoai_cost_result, energy_per_token_j) == 56
           && offsetof(thermoai_cost_result, tokens_per_s) == 64
           && offsetof(thermoai_cost_result, average_power_w) == 72
           && offsetof(thermoai_cost_result, weights_j) == 80
           && offsetof(thermoai_cost_result, kv_j) == 88
           && offsetof(thermoai_cost_result, activations_j) == 96
           && offsetof(thermoai_cost_result, arithmetic_j) == 104
           && offsetof(thermoai_cost_result, static_j) == 112
           && offsetof(thermoai_cost_result, overhead_j) == 120
           && offsetof(thermoai_cost_result, tokens) == 128
           && offsetof(thermoai_cost_result, flop) == 136
           && offsetof(thermoai_cost_result, bytes) == 144,
           "thermoai_cost_result: 152 bytes, every field offset pinned");
    /* entropy.h */
    tap_ok(sizeof(thermoai_entropy_params) == 32
           && offsetof(thermoai_entropy_params, struct_size) == 0
           && offsetof(thermoai_entropy_params, attention_rows) == 4
           && offsetof(thermoai_entropy_params, seq_len) == 8
           && offsetof(thermoai_entropy_params, saturation_fraction) == 16
           && offsetof(thermoai_entropy_params, temperature_k) == 24,
           "thermoai_entropy_params: 32 bytes, every field offset pinned");
    /* entropy.h */
    tap_ok(sizeof(thermoai_entropy_breakdown) == 56
           && offsetof(thermoai_entropy_breakdown, struct_size) == 0
           && offsetof(thermoai_entropy_breakdown, reserved) == 4
           && offsetof(thermoai_entropy_breakdown, attention_bits) == 8
           && offsetof(thermoai_entropy_breakdown, ffn_bits) == 16
           && offsetof(thermoai_entropy_breakdown, norm_bits) == 24
           && offsetof(thermoai_entropy_breakdown, layer_bits) == 32
           && offsetof(thermoai_entropy_breakdown, token_bits) == 40
           && offsetof(thermoai_entropy_breakdown, token_energy_j) == 48,
           "thermoai_entropy_breakdown: 56 bytes, every field offset pinned");
    /* flux.h */
    tap_ok(sizeof(thermoai_flux_phases) == 64
           && offsetof(thermoai_flux_phases, struct_size) == 0
           && offsetof(thermoai_flux_phases, flags) == 4
           && offsetof(thermoai_flux_phases, phi0_bits_per_s) == 8
           && offsetof(thermoai_flux_phases, tau1_s) == 16
           && offsetof(thermoai_flux_phases, tau2_s) == 24
           && offsetof(thermoai_flux_phases, tau3_s) == 32
           && offsetof(thermoai_flux_phases, tau4_s) == 40
           && offsetof(thermoai_flux_phases, alpha) == 48
           && offsetof(thermoai_flux_phases, beta) == 56,
           "thermoai_flux_phases: 64 bytes, every field offset pinned");
    /* hardware.h */
    tap_ok(sizeof(thermoai_hardware) == 272
           && offsetof(thermoai_hardware, struct_size) == 0
           && offsetof(thermoai_hardware, accumulate_bits) == 4
           && offsetof(thermoai_hardware, idle_origin) == 8
           && offsetof(thermoai_hardware, flop_energy_origin) == 12
           && offsetof(thermoai_hardware, flop_energy_measured) == 16
           && offsetof(thermoai_hardware, byte_energy_origin) == 20
           && offsetof(thermoai_hardware, efficiency_origin) == 24
           && offsetof(thermoai_hardware, reserved) == 28
           && offsetof(thermoai_hardware, peak_fp64_flop_per_s) == 32
           && offsetof(thermoai_hardware, peak_fp32_flop_per_s) == 40
           && offsetof(thermoai_hardware, peak_tf32_flop_per_s) == 48
           && offsetof(thermoai_hardware, peak_bf16_flop_per_s) == 56
           && offsetof(thermoai_hardware, peak_fp8_flop_per_s) == 64
           && offsetof(thermoai_hardware, peak_int8_op_per_s) == 72
           && offsetof(thermoai_hardware, peak_fp4_flop_per_s) == 80
           && offsetof(thermoai_hardware, peak_int4_op_per_s) == 88
           && offsetof(thermoai_hardware, sparse_bf16_flop_per_s) == 96
           && offsetof(thermoai_hardware, sparse_fp8_flop_per_s) == 104
           && offsetof(thermoai_hardware, sparse_int8_op_per_s) == 112
           && offsetof(thermoai_hardware, sparse_fp4_flop_per_s) == 120
           && offsetof(thermoai_hardware, memory_usable_bytes) == 128
           && offsetof(thermoai_hardware, memory_physical_bytes) == 136
           && offsetof(thermoai_hardware, memory_bw_bytes_per_s) == 144
           && offsetof(thermoai_hardware, board_power_w) == 152
           && offsetof(thermoai_hardware, idle_power_w) == 160
           && offsetof(thermoai_hardware, j_per_flop_fp64) == 168
           && offsetof(thermoai_hardware, j_per_flop_fp32) == 176
           && offsetof(thermoai_hardware, j_per_flop_tf32) == 184
           && offsetof(thermoai_hardware, j_per_flop_bf16) == 192
           && offsetof(thermoai_hardware, j_per_flop_fp8) == 200
           && offsetof(thermoai_hardware, j_per_op_int8) == 208
           && offsetof(thermoai_hardware, j_per_flop_fp4) == 216
           && offsetof(thermoai_hardware, j_per_op_int4) == 224
           && offsetof(thermoai_hardware, j_per_byte) == 232
           && offsetof(thermoai_hardware, interconnect_bw_bytes_per_s) == 240
           && offsetof(thermoai_hardware, j_per_interconnect_byte) == 248
           && offsetof(thermoai_hardware, compute_efficiency) == 256
           && offsetof(thermoai_hardware, bandwidth_efficiency) == 264,
           "thermoai_hardware: 272 bytes, every field offset pinned");
    /* ib.h */
    tap_ok(sizeof(thermoai_ib_params) == 32
           && offsetof(thermoai_ib_params, struct_size) == 0
           && offsetof(thermoai_ib_params, flags) == 4
           && offsetof(thermoai_ib_params, max_iterations) == 8
           && offsetof(thermoai_ib_params, reserved) == 12
           && offsetof(thermoai_ib_params, tolerance_bits) == 16
           && offsetof(thermoai_ib_params, seed) == 24,
           "thermoai_ib_params: 32 bytes, every field offset pinned");
    /* ib.h */
    tap_ok(sizeof(thermoai_ib_result) == 40
           && offsetof(thermoai_ib_result, struct_size) == 0
           && offsetof(thermoai_ib_result, iterations) == 4
           && offsetof(thermoai_ib_result, beta) == 8
           && offsetof(thermoai_ib_result, ixz_bits) == 16
           && offsetof(thermoai_ib_result, izy_bits) == 24
           && offsetof(thermoai_ib_result, functional_bits) == 32,
           "thermoai_ib_result: 40 bytes, every field offset pinned");
    /* ladder.h */
    tap_ok(sizeof(thermoai_ladder) == 80
           && offsetof(thermoai_ladder, struct_size) == 0
           && offsetof(thermoai_ladder, has_measured) == 4
           && offsetof(thermoai_ladder, landauer_j) == 8
           && offsetof(thermoai_ladder, arithmetic_j) == 16
           && offsetof(thermoai_ladder, data_j) == 24
           && offsetof(thermoai_ladder, modelled_j) == 32
           && offsetof(thermoai_ladder, measured_j) == 40
           && offsetof(thermoai_ladder, ter_arithmetic) == 48
           && offsetof(thermoai_ladder, ter_data) == 56
           && offsetof(thermoai_ladder, ter_modelled) == 64
           && offsetof(thermoai_ladder, ter_measured) == 72,
           "thermoai_ladder: 80 bytes, every field offset pinned");
    /* loss.h */
    tap_ok(sizeof(thermoai_loss_model) == 64
           && offsetof(thermoai_loss_model, struct_size) == 0
           && offsetof(thermoai_loss_model, reserved) == 4
           && offsetof(thermoai_loss_model, irreducible_nats) == 8
           && offsetof(thermoai_loss_model, params_coef) == 16
           && offsetof(thermoai_loss_model, params_exponent) == 24
           && offsetof(thermoai_loss_model, tokens_coef) == 32
           && offsetof(thermoai_loss_model, tokens_exponent) == 40
           && offsetof(thermoai_loss_model, data_coef) == 48
           && offsetof(thermoai_loss_model, data_exponent) == 56,
           "thermoai_loss_model: 64 bytes, every field offset pinned");
    /* model.h */
    tap_ok(sizeof(thermoai_model_arch) == 120
           && offsetof(thermoai_model_arch, struct_size) == 0
           && offsetof(thermoai_model_arch, flags) == 4
           && offsetof(thermoai_model_arch, layers) == 8
           && offsetof(thermoai_model_arch, heads) == 12
           && offsetof(thermoai_model_arch, kv_heads) == 16
           && offsetof(thermoai_model_arch, head_dim) == 20
           && offsetof(thermoai_model_arch, d_model) == 24
           && offsetof(thermoai_model_arch, d_ff) == 32
           && offsetof(thermoai_model_arch, vocab_size) == 40
           && offsetof(thermoai_model_arch, context_length) == 48
           && offsetof(thermoai_model_arch, precision_bits) == 56
           && offsetof(thermoai_model_arch, params) == 64
           && offsetof(thermoai_model_arch, experts) == 72
           && offsetof(thermoai_model_arch, active_experts) == 76
           && offsetof(thermoai_model_arch, shared_experts) == 80
           && offsetof(thermoai_model_arch, first_dense_layers) == 84
           && offsetof(thermoai_model_arch, expert_d_ff) == 88
           && offsetof(thermoai_model_arch, sliding_window) == 96
           && offsetof(thermoai_model_arch, q_lora_rank) == 104
           && offsetof(thermoai_model_arch, kv_lora_rank) == 108
           && offsetof(thermoai_model_arch, rope_head_dim) == 112
           && offsetof(thermoai_model_arch, v_head_dim) == 116,
           "thermoai_model_arch: 120 bytes, every field offset pinned");
    /* paper_energy.h */
    tap_ok(sizeof(thermoai_paper_energy_train_terms) == 112
           && offsetof(thermoai_paper_energy_train_terms, struct_size) == 0
           && offsetof(thermoai_paper_energy_train_terms, reserved) == 4
           && offsetof(thermoai_paper_energy_train_terms, e_flop_j) == 8
           && offsetof(thermoai_paper_energy_train_terms, params) == 16
           && offsetof(thermoai_paper_energy_train_terms, steps) == 24
           && offsetof(thermoai_paper_energy_train_terms, e_attn_j) == 32
           && offsetof(thermoai_paper_energy_train_terms, layers) == 40
           && offsetof(thermoai_paper_energy_train_terms, heads) == 48
           && offsetof(thermoai_paper_energy_train_terms, seq_len) == 56
           && offsetof(thermoai_paper_energy_train_terms, d_model) == 64
           && offsetof(thermoai_paper_energy_train_terms, batch) == 72
           && offsetof(thermoai_paper_energy_train_terms, e_mem_j) == 80
           && offsetof(thermoai_paper_energy_train_terms, checkpoint_interval) == 88
           && offsetof(thermoai_paper_energy_train_terms, e_comm_j_per_byte) == 96
           && offsetof(thermoai_paper_energy_train_terms, allreduce_bytes) == 104,
           "thermoai_paper_energy_train_terms: 112 bytes, every field offset pinned");
    /* rd.h */
    tap_ok(sizeof(thermoai_rd_ba_params) == 24
           && offsetof(thermoai_rd_ba_params, struct_size) == 0
           && offsetof(thermoai_rd_ba_params, flags) == 4
           && offsetof(thermoai_rd_ba_params, max_iterations) == 8
           && offsetof(thermoai_rd_ba_params, reserved) == 12
           && offsetof(thermoai_rd_ba_params, tolerance_bits) == 16,
           "thermoai_rd_ba_params: 24 bytes, every field offset pinned");
    /* rd.h */
    tap_ok(sizeof(thermoai_rd_ba_result) == 48
           && offsetof(thermoai_rd_ba_result, struct_size) == 0
           && offsetof(thermoai_rd_ba_result, iterations) == 4
           && offsetof(thermoai_rd_ba_result, slope_bits) == 8
           && offsetof(thermoai_rd_ba_result, distortion) == 16
           && offsetof(thermoai_rd_ba_result, rate_bits) == 24
           && offsetof(thermoai_rd_ba_result, rate_lower_bits) == 32
           && offsetof(thermoai_rd_ba_result, lagrangian_bits) == 40,
           "thermoai_rd_ba_result: 48 bytes, every field offset pinned");
    /* scaling.h */
    tap_ok(sizeof(thermoai_scaling_negentropy_law) == 64
           && offsetof(thermoai_scaling_negentropy_law, struct_size) == 0
           && offsetof(thermoai_scaling_negentropy_law, reserved) == 4
           && offsetof(thermoai_scaling_negentropy_law, n_inf_bits) == 8
           && offsetof(thermoai_scaling_negentropy_law, n_c) == 16
           && offsetof(thermoai_scaling_negentropy_law, d_c) == 24
           && offsetof(thermoai_scaling_negentropy_law, c_c) == 32
           && offsetof(thermoai_scaling_negentropy_law, alpha_n) == 40
           && offsetof(thermoai_scaling_negentropy_law, alpha_d) == 48
           && offsetof(thermoai_scaling_negentropy_law, alpha_c) == 56,
           "thermoai_scaling_negentropy_law: 64 bytes, every field offset pinned");
    /* scaling.h */
    tap_ok(sizeof(thermoai_scaling_loss_law) == 64
           && offsetof(thermoai_scaling_loss_law, struct_size) == 0
           && offsetof(thermoai_scaling_loss_law, reserved) == 4
           && offsetof(thermoai_scaling_loss_law, l_inf_bits) == 8
           && offsetof(thermoai_scaling_loss_law, a) == 16
           && offsetof(thermoai_scaling_loss_law, b) == 24
           && offsetof(thermoai_scaling_loss_law, c) == 32
           && offsetof(thermoai_scaling_loss_law, alpha_n) == 40
           && offsetof(thermoai_scaling_loss_law, alpha_d) == 48
           && offsetof(thermoai_scaling_loss_law, alpha_c) == 56,
           "thermoai_scaling_loss_law: 64 bytes, every field offset pinned");
    /* scheduler.h */
    tap_ok(sizeof(thermoai_scheduler_params) == 56
           && offsetof(thermoai_scheduler_params, struct_size) == 0
           && offsetof(thermoai_scheduler_params, controls) == 4
           && offsetof(thermoai_scheduler_params, horizon) == 8
           && offsetof(thermoai_scheduler_params, flags) == 12
           && offsetof(thermoai_scheduler_params, hold) == 16
           && offsetof(thermoai_scheduler_params, reserved) == 20
           && offsetof(thermoai_scheduler_params, budget_j) == 24
           && offsetof(thermoai_scheduler_params, step_size) == 32
           && offsetof(thermoai_scheduler_params, perturbation) == 40
           && offsetof(thermoai_scheduler_params, seed) == 48,
           "thermoai_scheduler_params: 56 bytes, every field offset pinned");
    /* slo.h */
    tap_ok(sizeof(thermoai_slo_params) == 40
           && offsetof(thermoai_slo_params, struct_size) == 0
           && offsetof(thermoai_slo_params, flags) == 4
           && offsetof(thermoai_slo_params, slo_s) == 8
           && offsetof(thermoai_slo_params, arrival_per_s) == 16
           && offsetof(thermoai_slo_params, max_batch) == 24
           && offsetof(thermoai_slo_params, overhead_bytes) == 32,
           "thermoai_slo_params: 40 bytes, every field offset pinned");
    /* slo.h */
    tap_ok(sizeof(thermoai_slo_result) == 120
           && offsetof(thermoai_slo_result, struct_size) == 0
           && offsetof(thermoai_slo_result, fill_meets_slo) == 4
           && offsetof(thermoai_slo_result, root_meets_slo) == 8
           && offsetof(thermoai_slo_result, reserved) == 12
           && offsetof(thermoai_slo_result, batch) == 16
           && offsetof(thermoai_slo_result, latency_s) == 24
           && offsetof(thermoai_slo_result, wait_s) == 32
           && offsetof(thermoai_slo_result, step_s) == 40
           && offsetof(thermoai_slo_result, energy_per_token_j) == 48
           && offsetof(thermoai_slo_result, tokens_per_s) == 56
           && offsetof(thermoai_slo_result, cap_batch) == 64
           && offsetof(thermoai_slo_result, fill_batch) == 72
           && offsetof(thermoai_slo_result, fill_energy_per_token_j) == 80
           && offsetof(thermoai_slo_result, fill_gap) == 88
           && offsetof(thermoai_slo_result, root_batch) == 96
           && offsetof(thermoai_slo_result, root_energy_per_token_j) == 104
           && offsetof(thermoai_slo_result, root_gap) == 112,
           "thermoai_slo_result: 120 bytes, every field offset pinned");
    /* spectral.h */
    tap_ok(sizeof(thermoai_spectral_params) == 32
           && offsetof(thermoai_spectral_params, struct_size) == 0
           && offsetof(thermoai_spectral_params, flags) == 4
           && offsetof(thermoai_spectral_params, max_iterations) == 8
           && offsetof(thermoai_spectral_params, threads) == 12
           && offsetof(thermoai_spectral_params, tolerance) == 16
           && offsetof(thermoai_spectral_params, seed) == 24,
           "thermoai_spectral_params: 32 bytes, every field offset pinned");
    /* spectral.h */
    tap_ok(sizeof(thermoai_spectral_info) == 32
           && offsetof(thermoai_spectral_info, struct_size) == 0
           && offsetof(thermoai_spectral_info, iterations) == 4
           && offsetof(thermoai_spectral_info, lambda_max) == 8
           && offsetof(thermoai_spectral_info, pi_min) == 16
           && offsetof(thermoai_spectral_info, residual) == 24,
           "thermoai_spectral_info: 32 bytes, every field offset pinned");
    /* ssa.h */
    tap_ok(sizeof(thermoai_ssa_params) == 56
           && offsetof(thermoai_ssa_params, struct_size) == 0
           && offsetof(thermoai_ssa_params, variant) == 4
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
           "thermoai_ssa_params: 56 bytes, every field offset pinned");
    /* ssa.h */
    tap_ok(sizeof(thermoai_ssa_stats) == 120
           && offsetof(thermoai_ssa_stats, struct_size) == 0
           && offsetof(thermoai_ssa_stats, clusters) == 4
           && offsetof(thermoai_ssa_stats, samples) == 8
           && offsetof(thermoai_ssa_stats, projection_dim) == 12
           && offsetof(thermoai_ssa_stats, kmeans_iterations) == 16
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
           "thermoai_ssa_stats: 120 bytes, every field offset pinned");
    /* synth.h */
    tap_ok(sizeof(thermoai_synth_params) == 40
           && offsetof(thermoai_synth_params, struct_size) == 0
           && offsetof(thermoai_synth_params, clusters) == 4
           && offsetof(thermoai_synth_params, separation) == 8
           && offsetof(thermoai_synth_params, noise) == 16
           && offsetof(thermoai_synth_params, logit_scale) == 24
           && offsetof(thermoai_synth_params, seed) == 32,
           "thermoai_synth_params: 40 bytes, every field offset pinned");
    /* training.h */
    tap_ok(sizeof(thermoai_training_params) == 72
           && offsetof(thermoai_training_params, struct_size) == 0
           && offsetof(thermoai_training_params, flags) == 4
           && offsetof(thermoai_training_params, compute_precision) == 8
           && offsetof(thermoai_training_params, reserved) == 12
           && offsetof(thermoai_training_params, flop) == 16
           && offsetof(thermoai_training_params, devices) == 24
           && offsetof(thermoai_training_params, mfu) == 32
           && offsetof(thermoai_training_params, device_power_w) == 40
           && offsetof(thermoai_training_params, host_power_w) == 48
           && offsetof(thermoai_training_params, pue) == 56
           && offsetof(thermoai_training_params, grid_g_per_kwh) == 64,
           "thermoai_training_params: 72 bytes, every field offset pinned");
    /* training.h */
    tap_ok(sizeof(thermoai_training_result) == 56
           && offsetof(thermoai_training_result, struct_size) == 0
           && offsetof(thermoai_training_result, reserved) == 4
           && offsetof(thermoai_training_result, time_s) == 8
           && offsetof(thermoai_training_result, device_hours) == 16
           && offsetof(thermoai_training_result, device_power_w) == 24
           && offsetof(thermoai_training_result, it_energy_j) == 32
           && offsetof(thermoai_training_result, facility_energy_j) == 40
           && offsetof(thermoai_training_result, co2e_kg) == 48,
           "thermoai_training_result: 56 bytes, every field offset pinned");
    /* trilemma.h */
    tap_ok(sizeof(thermoai_trilemma_point) == 56
           && offsetof(thermoai_trilemma_point, struct_size) == 0
           && offsetof(thermoai_trilemma_point, bound) == 4
           && offsetof(thermoai_trilemma_point, batch) == 8
           && offsetof(thermoai_trilemma_point, latency_s) == 16
           && offsetof(thermoai_trilemma_point, energy_per_token_j) == 24
           && offsetof(thermoai_trilemma_point, tokens_per_s) == 32
           && offsetof(thermoai_trilemma_point, product_j_s2) == 40
           && offsetof(thermoai_trilemma_point, average_power_w) == 48,
           "thermoai_trilemma_point: 56 bytes, every field offset pinned");
    /* types.h */
    tap_ok(sizeof(thermoai_result) == 16
           && offsetof(thermoai_result, val) == 0
           && offsetof(thermoai_result, err) == 8,
           "thermoai_result: 16 bytes, every field offset pinned");
    /* types.h */
    tap_ok(sizeof(thermoai_interval) == 16
           && offsetof(thermoai_interval, lo) == 0
           && offsetof(thermoai_interval, hi) == 8,
           "thermoai_interval: 16 bytes, every field offset pinned");
    /* work.h */
    tap_ok(sizeof(thermoai_work_params) == 64
           && offsetof(thermoai_work_params, struct_size) == 0
           && offsetof(thermoai_work_params, flags) == 4
           && offsetof(thermoai_work_params, compute_precision) == 8
           && offsetof(thermoai_work_params, reserved) == 12
           && offsetof(thermoai_work_params, batch) == 16
           && offsetof(thermoai_work_params, context) == 24
           && offsetof(thermoai_work_params, tokens) == 32
           && offsetof(thermoai_work_params, weight_bits) == 40
           && offsetof(thermoai_work_params, kv_bits) == 48
           && offsetof(thermoai_work_params, activation_bits) == 56,
           "thermoai_work_params: 64 bytes, every field offset pinned");
    /* work.h */
    tap_ok(sizeof(thermoai_work) == 104
           && offsetof(thermoai_work, struct_size) == 0
           && offsetof(thermoai_work, compute_precision) == 4
           && offsetof(thermoai_work, flop) == 8
           && offsetof(thermoai_work, matmul_flop) == 16
           && offsetof(thermoai_work, attention_flop) == 24
           && offsetof(thermoai_work, bytes) == 32
           && offsetof(thermoai_work, weight_bytes) == 40
           && offsetof(thermoai_work, kv_read_bytes) == 48
           && offsetof(thermoai_work, kv_write_bytes) == 56
           && offsetof(thermoai_work, activation_bytes) == 64
           && offsetof(thermoai_work, kv_cache_bytes) == 72
           && offsetof(thermoai_work, tokens) == 80
           && offsetof(thermoai_work, layers) == 88
           && offsetof(thermoai_work, experts_touched) == 96,
           "thermoai_work: 104 bytes, every field offset pinned");
    /* END abi_layout_ref.py */

    return tap_done();
}
