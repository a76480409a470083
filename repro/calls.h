/* SPDX-License-Identifier: MIT */
/*
 * Library calls for the paper drivers, in value-returning form.
 * Each wrapper returns the library's result, or NaN after printing the failing
 * call and its status to stderr; repro_add() refuses a NaN computed value, so
 * a failed call can never turn into a verdict.
 */
#ifndef THERMOAI_REPRO_CALLS_H
#define THERMOAI_REPRO_CALLS_H

#include <stddef.h>
#include <stdint.h>

#include <thermoai/thermoai.h>

#include "repro.h"

/* thermoai_landauer_energy_per_bit_j(temperature_k) */
double repro_landauer_per_bit_j(double temperature_k);
/* thermoai_landauer_energy_j(bits, temperature_k) */
double repro_landauer_energy_j(double bits, double temperature_k);
/* thermoai_landauer_ratio(energy_per_bit_j, temperature_k) */
double repro_landauer_ratio(double energy_per_bit_j, double temperature_k);
/* Temperature at which k_B T ln 2 equals energy_per_bit_j (ratio at T = 1 K). */
double repro_landauer_implied_temperature_k(double energy_per_bit_j);

/* thermoai_entropy_token(arch, params); all fields NaN on failure */
thermoai_entropy_breakdown repro_entropy(const thermoai_model_arch *arch,
                                         const thermoai_entropy_params *params);
/* thermoai_model_preset_find(name) into *arch (initialised here); 0 or -1 */
int repro_model_preset(const char *name, thermoai_model_arch *arch);
/* thermoai_model_params() of a preset; 0 on failure */
uint64_t repro_model_params(const char *preset);
/* thermoai_ter_ratio(actual_energy_j, landauer_energy_j) */
double repro_ter_ratio(double actual_energy_j, double landauer_energy_j);
/* thermoai_ter_landauer_share(ter) */
double repro_ter_landauer_share(double ter);
/* thermoai_ter_gap_product(); 0 or -1 */
int repro_ter_gap_product(const double *lo, const double *hi, size_t n, double *ter_lo,
                          double *ter_hi);
/* thermoai_tip_relative_degradation(ppl_base, ppl_pruned) */
double repro_tip_degradation(double ppl_base, double ppl_pruned);
/* NaN, for values that could not be computed */
double repro_nan(void);

/* Paper 001's scalar functions, value-returning (NaN after a printed failure). */
double repro_info_perplexity_from_bits(double cross_entropy_bits);
double repro_info_cross_entropy_bits(double perplexity);
double repro_info_uniform_entropy_bits(double outcomes);
double repro_negentropy_description_bits_per_token(double model_bits, double tokens);
double repro_negentropy_bits_per_token(double data_bits, double cross_bits, double model_bits,
                                       double tokens);
double repro_negentropy_total_bits(double tokens, double bits_per_token);
double repro_negentropy_entropy_reduction_j_per_k(double tokens, double prior_bits,
                                                  double cross_bits, double model_bits);
double repro_negentropy_training_min_j(double tokens, double data_bits, double cross_bits,
                                       double temperature_k);
double repro_negentropy_efficiency(double min_energy_j, double actual_energy_j);
double repro_negentropy_cost_j_per_bit(double energy_j, double tokens, double bits_per_token);
double repro_negentropy_demon_efficiency(double tokens, double delta_h_bits,
                                         double temperature_k, double heat_j);
double repro_negentropy_demon_trend(double efficiency0, double elapsed_s,
                                    double doubling_time_s);
double repro_negentropy_flux_limit_bits_per_s(double power_w, double efficiency,
                                              double temperature_k);
double repro_negentropy_compression_ratio(double tokens, double bits_per_token,
                                          double model_bits);
double repro_energy_from_power_j(double power_w, double duration_s);
double repro_energy_facility_j(double it_energy_j, double pue);
double repro_energy_training_flop(double params, double tokens);
double repro_energy_training_j(double flop, double j_per_flop, double pue);
double repro_energy_inference_per_token_j(double params, double j_per_flop, double pue);
double repro_energy_amortized_per_token_j(double training_j, double tokens, double inference_j);
double repro_energy_break_even_tokens(double training_j, double inference_per_token_j);
double repro_energy_entropy_rate_w_per_k(double power_w, double temperature_k);
double repro_energy_entropy_produced_j_per_k(double power_w, double temperature_k,
                                             double duration_s);
/* thermoai_interval_monomial(1, factors, powers, n); NaN bounds on failure */
thermoai_interval repro_interval_monomial(double coefficient, const thermoai_interval *factors,
                                          const int32_t *powers, size_t n);
/* thermoai_interval_training_min_j(); NaN bounds on failure */
thermoai_interval repro_interval_training_min_j(thermoai_interval tokens, thermoai_interval data,
                                                thermoai_interval cross, thermoai_interval t);

/* The alternative readings of a printed "k_B T ln 2 at 300 K" (rounded k_B,
 * 298 K, 298.15 K); fills r[0..2] and returns 3. */
size_t repro_landauer300_readings(struct repro_reading r[3]);

#endif
