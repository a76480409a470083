/* SPDX-License-Identifier: MIT */
/*
 * Checked library calls for the paper drivers.
 *
 * REPRO_CALL(fn, a, ...) calls the library function fn (1 to 4 double inputs and
 * one double output, its last parameter) and is the value: the output when fn
 * returns THERMOAI_OK, else NaN after printing the call, its arguments and its
 * status to stderr. repro_add() refuses a NaN computed value, so a failed call can
 * never turn into a verdict. The compiler checks fn's type against the arity.
 *
 *   double e = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 300.0);
 *
 * The other helpers compose several calls (a preset's parameter count, the
 * per-token entropy, intervals); each prints a failing call the same way.
 */
#ifndef THERMOAI_REPRO_CALLS_H
#define THERMOAI_REPRO_CALLS_H

#include <stddef.h>
#include <stdint.h>

#include <thermoai/thermoai.h>

#include "repro.h"

/* The checked call of a function of n double inputs (REPRO_CALL picks by arity). */
double repro_call1(const char *name, int (*fn)(double, double *), double a);
double repro_call2(const char *name, int (*fn)(double, double, double *), double a, double b);
double repro_call3(const char *name, int (*fn)(double, double, double, double *), double a,
                   double b, double c);
double repro_call4(const char *name, int (*fn)(double, double, double, double, double *),
                   double a, double b, double c, double d);

#define REPRO__PICK(a, b, c, d, name, ...) name
#define REPRO_CALL(fn, ...)                                                               \
    REPRO__PICK(__VA_ARGS__, repro_call4, repro_call3, repro_call2, repro_call1, none)    \
    (#fn, fn, __VA_ARGS__)

/* Temperature at which k_B T ln 2 equals energy_per_bit_j (ratio at T = 1 K). */
double repro_landauer_implied_temperature_k(double energy_per_bit_j);

/* thermoai_entropy_token(arch, params); all fields NaN on failure */
thermoai_entropy_breakdown repro_entropy(const thermoai_model_arch *arch,
                                         const thermoai_entropy_params *params);
/* thermoai_model_preset_find(name) into *arch (initialised here); 0 or -1 */
int repro_model_preset(const char *name, thermoai_model_arch *arch);
/* thermoai_model_params() of a preset; 0 on failure */
uint64_t repro_model_params(const char *preset);
/* thermoai_ter_gap_product(); 0 or -1 */
int repro_ter_gap_product(const double *lo, const double *hi, size_t n, double *ter_lo,
                          double *ter_hi);
/* NaN, for values that could not be computed */
double repro_nan(void);

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
