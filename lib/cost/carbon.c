/* SPDX-License-Identifier: MIT */
/* Operational CO2e and sourced grid-intensity presets. */
#include "config.h"

#include <ctype.h>
#include <math.h>

#include "common/internal.h"
#include "common/xnum.h"

/* 1 kWh = 3.6e6 J; g -> kg: 1e3 */
#define J_PER_KWH_G_PER_KG 3.6e9

int thermoai_carbon_co2e_kg(double energy_j, double grid_g_per_kwh, double *co2e_kg)
{
    THERMOAI__OUTPUTS(co2e_kg);
    THERMOAI__TRY(THERMOAI__CHECK({ energy_j, THERMOAI__NONNEG }, { grid_g_per_kwh, THERMOAI__NONNEG }));
    {
        const double num[2] = { energy_j, grid_g_per_kwh }, den = J_PER_KWH_G_PER_KG;

        return thermoai__xn_finish(thermoai__xn_ratio(num, 2, &den, 1), co2e_kg);
    }
}

struct grid {
    const char *name;
    double g_per_kwh;
    const char *source;
};

/* Annual averages with their sources (validation.md of the research pass, section 7). */
static const struct grid grids[] = {
    { "world-2023", 480.0,
      "World 2023, lifecycle: Ember, Global Electricity Review 2024 (secondary)" },
    { "us-2020", 429.0,
      "United States average as used by Patterson et al. 2021, Table 1 (verified)" },
    { "us-meta", 385.0,
      "United States national average as used by Meta for LLaMA and LLaMA 2 (Touvron et al. "
      "2023a, Sec. 6; verified)" },
    { "france-2023", 56.0, "France 2023, lifecycle: Ember via Our World in Data (secondary)" },
    { "france-bloom", 57.0,
      "French grid as used for BLOOM (Luccioni et al. 2022, arXiv:2211.02001; secondary)" },
    { "germany-2023", 381.0, "Germany 2023, lifecycle: Ember via Our World in Data (secondary)" },
    { "china-2023", 582.0, "China 2023, lifecycle: Ember via Our World in Data (secondary)" },
    { "india-2023", 713.0, "India 2023, lifecycle: Ember via Our World in Data (secondary)" },
    { "norway-2023", 30.0, "Norway 2023, lifecycle: Ember via Our World in Data (secondary)" },
};

#define N_GRIDS (sizeof grids / sizeof grids[0])

static int same_name(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

int thermoai_carbon_grid_find(const char *name, double *grid_g_per_kwh)
{
    size_t i;

    THERMOAI__OUTPUTS(grid_g_per_kwh);
    if (name == NULL)
        return THERMOAI_E_NULL;
    for (i = 0; i < N_GRIDS; i++)
        if (same_name(name, grids[i].name))
            return thermoai__finish(grids[i].g_per_kwh, grid_g_per_kwh);
    return THERMOAI_E_NOT_FOUND;
}

size_t thermoai_carbon_grid_count(void)
{
    return N_GRIDS;
}

int thermoai_carbon_grid_info(size_t index, const char **name, double *grid_g_per_kwh,
                              const char **source)
{
    if (name != NULL)
        *name = NULL;
    if (source != NULL)
        *source = NULL;
    thermoai__set_nan(grid_g_per_kwh);
    if (index >= N_GRIDS)
        return THERMOAI_E_NOT_FOUND;
    if (name != NULL)
        *name = grids[index].name;
    if (source != NULL)
        *source = grids[index].source;
    if (grid_g_per_kwh != NULL)
        *grid_g_per_kwh = grids[index].g_per_kwh;
    return THERMOAI_OK;
}
