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
    return NAN;
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
    r[0].value = repro_landauer_per_bit_j(300.0) * (1.38e-23 / thermoai_boltzmann_j_per_k());
    r[1].label = "T = 298 K instead of the stated 300 K";
    r[1].value = repro_landauer_per_bit_j(298.0);
    r[2].label = "T = 298.15 K (25 degC) instead of the stated 300 K";
    r[2].value = repro_landauer_per_bit_j(298.15);
    return 3;
}
