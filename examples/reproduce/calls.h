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
/* thermoai_model_preset(name) into *arch (initialised here); 0 or -1 */
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

/* The alternative readings of a printed "k_B T ln 2 at 300 K" (rounded k_B,
 * 298 K, 298.15 K); fills r[0..2] and returns 3. */
size_t repro_landauer300_readings(struct repro_reading r[3]);

#endif
