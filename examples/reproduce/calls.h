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

#include "repro.h"

/* thermoai_landauer_energy_per_bit_j(temperature_k) */
double repro_landauer_per_bit_j(double temperature_k);
/* thermoai_landauer_energy_j(bits, temperature_k) */
double repro_landauer_energy_j(double bits, double temperature_k);
/* thermoai_landauer_ratio(energy_per_bit_j, temperature_k) */
double repro_landauer_ratio(double energy_per_bit_j, double temperature_k);
/* Temperature at which k_B T ln 2 equals energy_per_bit_j (ratio at T = 1 K). */
double repro_landauer_implied_temperature_k(double energy_per_bit_j);

/* The alternative readings of a printed "k_B T ln 2 at 300 K" (rounded k_B,
 * 298 K, 298.15 K); fills r[0..2] and returns 3. */
size_t repro_landauer300_readings(struct repro_reading r[3]);

#endif
