/* SPDX-License-Identifier: MIT */
/* Operational CO2e and the grid presets: values, linearity, bad input. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

int main(void)
{
    double kg = 0.0, g = 0.0, g2 = 0.0;
    const char *name = "x", *source = "x";
    size_t i, n = thermoai_carbon_grid_count();

    /* BLOOM: 433196 kWh at 57 g/kWh = 24.69 t (Luccioni et al. 2022) */
    tap_ok(thermoai_carbon_co2e_kg(433196.0 * 3.6e6, 57.0, &kg) == THERMOAI_OK, "BLOOM dynamic energy");
    tap_rel(kg, 433196.0 * 57.0 / 1000.0, 1e-14, "24691 kg");
    tap_ok(thermoai_carbon_co2e_kg(3.6e6, 1000.0, &kg) == THERMOAI_OK && kg == 1.0,
           "1 kWh at 1000 g/kWh is 1 kg");
    tap_ok(thermoai_carbon_co2e_kg(0.0, 480.0, &kg) == THERMOAI_OK && kg == 0.0, "no energy, no CO2e");
    tap_ok(thermoai_carbon_co2e_kg(-1.0, 480.0, &kg) == THERMOAI_E_INVALID && isnan(kg), "negative energy");
    tap_ok(thermoai_carbon_co2e_kg(1.0, -480.0, &kg) == THERMOAI_E_INVALID, "negative intensity");
    tap_ok(thermoai_carbon_co2e_kg((double)NAN, 480.0, &kg) == THERMOAI_E_NONFINITE, "NaN");
    tap_ok(thermoai_carbon_co2e_kg(1e308, 1e308, &kg) == THERMOAI_E_RANGE && isnan(kg), "overflow");
    tap_ok(thermoai_carbon_co2e_kg(1.0, 1.0, NULL) == THERMOAI_E_NULL, "NULL");
    tap_ok(thermoai_carbon_co2e_kg(7.2e6, 300.0, &kg) == THERMOAI_OK
               && thermoai_carbon_co2e_kg(3.6e6, 300.0, &g2) == THERMOAI_OK && kg == 2.0 * g2,
           "linear in energy");
    tap_ok(n >= 8, "at least eight grid presets (%zu)", n);
    tap_ok(thermoai_carbon_grid_find("World-2023", &g) == THERMOAI_OK && g == 480.0, "world 2023: 480 g/kWh");
    tap_ok(thermoai_carbon_grid_find("us-2020", &g) == THERMOAI_OK && g == 429.0, "Patterson's US: 429");
    tap_ok(thermoai_carbon_grid_find("us-meta", &g) == THERMOAI_OK && g == 385.0, "Meta's US: 385");
    tap_ok(thermoai_carbon_grid_find("france-bloom", &g) == THERMOAI_OK && g == 57.0, "BLOOM's France: 57");
    tap_ok(thermoai_carbon_grid_find("mars", &g) == THERMOAI_E_NOT_FOUND && isnan(g), "unknown grid");
    tap_ok(thermoai_carbon_grid_find(NULL, &g) == THERMOAI_E_NULL, "NULL name");
    for (i = 0; i < n; i++)
        if (thermoai_carbon_grid_info(i, &name, &g, &source) != THERMOAI_OK || !(g > 0.0 && g < 2000.0)
            || strlen(source) < 20 || thermoai_carbon_grid_find(name, &g2) != THERMOAI_OK || g2 != g)
            break;
    tap_ok(i == n, "every preset has a plausible value, a source, and is found by its name");
    tap_ok(thermoai_carbon_grid_info(n, &name, &g, &source) == THERMOAI_E_NOT_FOUND && name == NULL
               && source == NULL && isnan(g),
           "index past the end");
    tap_ok(thermoai_carbon_grid_info(0, NULL, NULL, NULL) == THERMOAI_OK, "outputs optional");
    return tap_done();
}
