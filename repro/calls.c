/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <thermoai/thermoai.h>

#include "calls.h"

static double checked(int status, double value, const char *call, double a, double b)
{
    if (status == THERMOAI_OK)
        return value;
    fprintf(stderr, "thermoai reproduce: %s(%g, %g) failed: %s\n", call, a, b,
            thermoai_status_name(status));
    return (double)NAN;
}

double repro_landauer_per_bit_j(double temperature_k)
{
    double e;
    int s = thermoai_landauer_energy_per_bit_j(temperature_k, &e);

    return checked(s, e, "thermoai_landauer_energy_per_bit_j", temperature_k, 0.0);
}

double repro_landauer_energy_j(double bits, double temperature_k)
{
    double e;
    int s = thermoai_landauer_energy_j(bits, temperature_k, &e);

    return checked(s, e, "thermoai_landauer_energy_j", bits, temperature_k);
}

double repro_landauer_ratio(double energy_per_bit_j, double temperature_k)
{
    double r;
    int s = thermoai_landauer_ratio(energy_per_bit_j, temperature_k, &r);

    return checked(s, r, "thermoai_landauer_ratio", energy_per_bit_j, temperature_k);
}

double repro_landauer_implied_temperature_k(double energy_per_bit_j)
{
    /* E / (k_B * 1 K * ln 2) is the temperature in kelvin at which E is the limit. */
    return repro_landauer_ratio(energy_per_bit_j, 1.0);
}

size_t repro_landauer300_readings(struct repro_reading r[3])
{
    r[0].label = "k_B rounded to 1.38e-23 J/K";
    r[0].value = repro_landauer_per_bit_j(300.0) * (1.38e-23 / thermoai_constants_boltzmann_j_per_k());
    r[1].label = "T = 298 K instead of the stated 300 K";
    r[1].value = repro_landauer_per_bit_j(298.0);
    r[2].label = "T = 298.15 K (25 degC) instead of the stated 300 K";
    r[2].value = repro_landauer_per_bit_j(298.15);
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

double repro_ter_ratio(double actual_energy_j, double landauer_energy_j)
{
    double r;
    int s = thermoai_ter_ratio(actual_energy_j, landauer_energy_j, &r);

    return checked(s, r, "thermoai_ter_ratio", actual_energy_j, landauer_energy_j);
}

double repro_ter_landauer_share(double ter)
{
    double r;
    int s = thermoai_ter_landauer_share(ter, &r);

    return checked(s, r, "thermoai_ter_landauer_share", ter, 0.0);
}

int repro_ter_gap_product(const double *lo, const double *hi, size_t n, double *ter_lo,
                          double *ter_hi)
{
    int s = thermoai_ter_gap_product(lo, hi, n, ter_lo, ter_hi);

    return isnan(checked(s, 0.0, "thermoai_ter_gap_product", (double)n, 0.0)) ? -1 : 0;
}

double repro_tip_degradation(double ppl_base, double ppl_pruned)
{
    double r;
    int s = thermoai_tip_relative_degradation(ppl_base, ppl_pruned, &r);

    return checked(s, r, "thermoai_tip_relative_degradation", ppl_base, ppl_pruned);
}

/* Value-returning wrappers of functions with 1 to 4 double inputs and one output. */
#define WRAP1(name, fn)                                                                    \
    double name(double a)                                                                  \
    {                                                                                      \
        double r;                                                                          \
        int s = fn(a, &r);                                                               \
        return checked(s, r, #fn, a, 0.0);                                         \
    }
#define WRAP2(name, fn)                                                                    \
    double name(double a, double b)                                                        \
    {                                                                                      \
        double r;                                                                          \
        int s = fn(a, b, &r);                                                               \
        return checked(s, r, #fn, a, b);                                        \
    }
#define WRAP3(name, fn)                                                                    \
    double name(double a, double b, double c)                                              \
    {                                                                                      \
        double r;                                                                          \
        int s = fn(a, b, c, &r);                                                               \
        return checked(s, r, #fn, a, b);                                     \
    }
#define WRAP4(name, fn)                                                                    \
    double name(double a, double b, double c, double d)                                    \
    {                                                                                      \
        double r;                                                                          \
        int s = fn(a, b, c, d, &r);                                                               \
        return checked(s, r, #fn, a, b);                                  \
    }

WRAP1(repro_info_perplexity_from_bits, thermoai_info_perplexity_from_bits)
WRAP1(repro_info_cross_entropy_bits, thermoai_info_cross_entropy_bits)
WRAP1(repro_info_uniform_entropy_bits, thermoai_info_uniform_entropy_bits)
WRAP2(repro_negentropy_description_bits_per_token, thermoai_negentropy_description_bits_per_token)
WRAP4(repro_negentropy_bits_per_token, thermoai_negentropy_bits_per_token)
WRAP2(repro_negentropy_total_bits, thermoai_negentropy_total_bits)
WRAP4(repro_negentropy_entropy_reduction_j_per_k, thermoai_negentropy_entropy_reduction_j_per_k)
WRAP4(repro_negentropy_training_min_j, thermoai_negentropy_training_min_j)
WRAP2(repro_negentropy_efficiency, thermoai_negentropy_efficiency)
WRAP3(repro_negentropy_cost_j_per_bit, thermoai_negentropy_cost_j_per_bit)
WRAP4(repro_negentropy_demon_efficiency, thermoai_negentropy_demon_efficiency)
WRAP3(repro_negentropy_demon_trend, thermoai_negentropy_demon_trend)
WRAP3(repro_negentropy_flux_limit_bits_per_s, thermoai_negentropy_flux_limit_bits_per_s)
WRAP3(repro_negentropy_compression_ratio, thermoai_negentropy_compression_ratio)
WRAP2(repro_energy_from_power_j, thermoai_energy_from_power_j)
WRAP2(repro_energy_facility_j, thermoai_energy_facility_j)
WRAP2(repro_energy_training_flop, thermoai_energy_training_flop)
WRAP3(repro_energy_training_j, thermoai_energy_training_j)
WRAP3(repro_energy_inference_per_token_j, thermoai_energy_inference_per_token_j)
WRAP3(repro_energy_amortized_per_token_j, thermoai_energy_amortized_per_token_j)
WRAP2(repro_energy_break_even_tokens, thermoai_energy_break_even_tokens)
WRAP2(repro_energy_entropy_rate_w_per_k, thermoai_energy_entropy_rate_w_per_k)
WRAP3(repro_energy_entropy_produced_j_per_k, thermoai_energy_entropy_produced_j_per_k)

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
