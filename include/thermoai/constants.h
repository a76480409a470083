/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/constants.h
 * \brief Physical constants used by the library, with their sources.
 *
 * Only constants the library actually uses are listed. Each macro has a
 * function twin for FFI users who cannot read C macros.
 */
#ifndef THERMOAI_CONSTANTS_H
#define THERMOAI_CONSTANTS_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/constants.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Boltzmann constant \f$k_B\f$. Unit: J/K. Exact by definition.
 *
 * Fixed at exactly 1.380649e-23 J/K by the 2019 redefinition of the SI base
 * units. The decimal literal is exact; its nearest double is what the library uses.
 *
 * \par References
 *   BIPM, The International System of Units (SI Brochure), 9th edition, 2019,
 *   Sec. 2.2 (defining constants). CODATA 2018 lists the same exact value.
 * \since 0.1.0
 */
#define THERMOAI_CONSTANTS_BOLTZMANN_J_PER_K 1.380649e-23

/**
 * \brief The Julian year, 365.25 days of 86400 s. Unit: s. Exact by definition.
 *
 * Used where the papers state rates "per year" (doubling times, negentropy per
 * year); the API itself stays in seconds.
 *
 * \par References
 *   IAU, resolution of 1976 (the Julian year as the unit of time for ephemerides);
 *   BIPM SI Brochure, 9th edition, 2019, Table 8 (day = 86400 s).
 * \since 0.1.0
 */
#define THERMOAI_CONSTANTS_JULIAN_YEAR_S 31557600.0

/**
 * \brief Run-time twin of #THERMOAI_CONSTANTS_BOLTZMANN_J_PER_K.
 * \return The value \f$k_B\f$. Unit: J/K.
 * \since 0.1.0
 */
THERMOAI_API double thermoai_constants_boltzmann_j_per_k(void);

/**
 * \brief Run-time twin of #THERMOAI_CONSTANTS_JULIAN_YEAR_S.
 * \return The Julian year. Unit: s.
 * \since 0.1.0
 */
THERMOAI_API double thermoai_constants_julian_year_s(void);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_CONSTANTS_H */
