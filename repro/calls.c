/* SPDX-License-Identifier: MIT */
/* Checked library calls for the paper drivers (calls.h). */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <thermoai/thermoai.h>

#include "calls.h"

static double checked(int status, double value, const char *call, const double *args, int n)
{
    int k;

    if (status == THERMOAI_OK)
        return value;
    fprintf(stderr, "thermoai reproduce: %s(", call);
    for (k = 0; k < n; k++)
        fprintf(stderr, "%s%.17g", k ? ", " : "", args[k]);
    fprintf(stderr, ") failed: %s\n", thermoai_status_name(status));
    return (double)NAN;
}

double repro_call1(const char *name, int (*fn)(double, double *), double a)
{
    double r, x[1];
    int s = fn(a, &r);

    x[0] = a;
    return checked(s, r, name, x, 1);
}

double repro_call2(const char *name, int (*fn)(double, double, double *), double a, double b)
{
    double r, x[2];
    int s = fn(a, b, &r);

    x[0] = a;
    x[1] = b;
    return checked(s, r, name, x, 2);
}

double repro_call3(const char *name, int (*fn)(double, double, double, double *), double a,
                   double b, double c)
{
    double r, x[3];
    int s = fn(a, b, c, &r);

    x[0] = a;
    x[1] = b;
    x[2] = c;
    return checked(s, r, name, x, 3);
}

double repro_call4(const char *name, int (*fn)(double, double, double, double, double *),
                   double a, double b, double c, double d)
{
    double r, x[4];
    int s = fn(a, b, c, d, &r);

    x[0] = a;
    x[1] = b;
    x[2] = c;
    x[3] = d;
    return checked(s, r, name, x, 4);
}

double repro_landauer_implied_temperature_k(double energy_per_bit_j)
{
    /* E / (k_B * 1 K * ln 2) is the temperature in kelvin at which E is the limit. */
    return REPRO_CALL(thermoai_landauer_ratio, energy_per_bit_j, 1.0);
}

size_t repro_landauer300_readings(struct repro_reading r[3])
{
    r[0].label = "k_B rounded to 1.38e-23 J/K";
    r[0].value = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 300.0) * (1.38e-23 / thermoai_constants_boltzmann_j_per_k());
    r[1].label = "T = 298 K instead of the stated 300 K";
    r[1].value = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 298.0);
    r[2].label = "T = 298.15 K (25 degC) instead of the stated 300 K";
    r[2].value = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 298.15);
    return 3;
}

double repro_nan(void)
{
    return (double)NAN;
}

thermoai_entropy_breakdown repro_entropy(const thermoai_model_arch *arch,
                                         const thermoai_entropy_params *params)
{
    thermoai_entropy_breakdown b;
    int s;

    b.struct_size = (uint32_t)sizeof b;
    s = thermoai_entropy_token(arch, params, &b);
    if (s != THERMOAI_OK)
        fprintf(stderr, "thermoai reproduce: thermoai_entropy_token failed: %s\n",
                thermoai_status_name(s));
    return b; /* the library sets every double to NaN on failure */
}

int repro_model_preset(const char *name, thermoai_model_arch *arch)
{
    int s = thermoai_model_arch_init(arch, sizeof *arch);

    if (s == THERMOAI_OK)
        s = thermoai_model_preset_find(name, arch);
    if (s != THERMOAI_OK) {
        fprintf(stderr, "thermoai reproduce: preset %s: %s\n", name, thermoai_status_name(s));
        return -1;
    }
    return 0;
}

uint64_t repro_model_params(const char *preset)
{
    thermoai_model_arch a;
    uint64_t p = 0;
    int s;

    if (repro_model_preset(preset, &a) != 0)
        return 0;
    s = thermoai_model_params(&a, &p);
    if (s != THERMOAI_OK)
        fprintf(stderr, "thermoai reproduce: thermoai_model_params(%s): %s\n", preset,
                thermoai_status_name(s));
    return p;
}



int repro_ter_gap_product(const double *lo, const double *hi, size_t n, double *ter_lo,
                          double *ter_hi)
{
    int s = thermoai_ter_gap_product(lo, hi, n, ter_lo, ter_hi);

    double x = (double)n;

    return isnan(checked(s, 0.0, "thermoai_ter_gap_product", &x, 1)) ? -1 : 0;
}


thermoai_interval repro_interval_monomial(double coefficient, const thermoai_interval *factors,
                                          const int32_t *powers, size_t n)
{
    thermoai_interval r;
    int s = thermoai_interval_monomial(coefficient, factors, powers, n, &r);

    if (s != THERMOAI_OK)
        fprintf(stderr, "thermoai reproduce: thermoai_interval_monomial failed: %s\n",
                thermoai_status_name(s));
    return r;
}

thermoai_interval repro_interval_training_min_j(thermoai_interval tokens, thermoai_interval data,
                                                thermoai_interval cross, thermoai_interval t)
{
    thermoai_interval r;
    int s = thermoai_interval_training_min_j(&tokens, &data, &cross, &t, &r);

    if (s != THERMOAI_OK)
        fprintf(stderr, "thermoai reproduce: thermoai_interval_training_min_j failed: %s\n",
                thermoai_status_name(s));
    return r;
}
