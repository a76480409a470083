/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/carbon.h
 * \brief Operational CO2e from energy and a grid carbon intensity, with sourced annual averages.
 *
 * \f$m_{CO_2e} = E \cdot I\f$ with \f$E\f$ in kWh and \f$I\f$ in g/kWh. The intensity is the
 * user's: the presets are annual averages as their sources publish them, and sources
 * differ in scope (lifecycle vs combustion-only differ by 10-20 %); each preset's
 * source says which.
 */
#ifndef THERMOAI_CARBON_H
#define THERMOAI_CARBON_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/carbon.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Operational emissions of an energy: \f$m = E\, I / (3.6 \times 10^{9})\f$ kg.
 * \param[in]  energy_j        The value \f$E\f$. Unit: J. Finite, >= 0.
 * \param[in]  grid_g_per_kwh  The value \f$I\f$. Unit: gCO2e/kWh. Finite, >= 0.
 * \param[out] co2e_kg         The value \f$m\f$. Unit: kg CO2e. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p co2e_kg is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Definition (1 kWh = 3.6e6 J); Patterson et al. 2021, tCO2e = MWh x t/MWh.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_carbon_co2e_kg(double energy_j, double grid_g_per_kwh, double *co2e_kg);

/**
 * \brief Looks up a grid-intensity preset ("world-2023", "us-2020", "france-2023", ...).
 * \param[in]  name            Preset name, case-insensitive.
 * \param[out] grid_g_per_kwh  The annual average. Unit: gCO2e/kWh. NaN if not found.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       a pointer is NULL
 * \retval THERMOAI_E_NOT_FOUND  no preset of that name
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_carbon_grid_find(const char *name, double *grid_g_per_kwh);

/**
 * \brief Number of grid-intensity presets.
 * \return The count.
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_carbon_grid_count(void);

/**
 * \brief The grid preset at \p index: name, value and source.
 * \param[in]  index           0 .. thermoai_carbon_grid_count() - 1.
 * \param[out] name            Its name (static storage); may be NULL.
 * \param[out] grid_g_per_kwh  Its value. Unit: gCO2e/kWh. May be NULL; NaN on error.
 * \param[out] source          Source, year, scope and status (static storage); may be NULL.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NOT_FOUND  \p index out of range (strings NULL)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_carbon_grid_info(size_t index, const char **name, double *grid_g_per_kwh,
                              const char **source);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_CARBON_H */
