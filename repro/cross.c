/* SPDX-License-Identifier: MIT */
/*
 * XDOC-constants: the constants the four documents state differently.
 * The per-bit entries repeat printed values that also have a record under
 * their own paper's id; here they stand side by side.
 */
#include "config.h"

#include <thermoai/thermoai.h>

#include "calls.h"
#include "repro.h"

static int per_bit_entries(struct repro_list *list)
{
    static const struct {
        const char *id, *quantity, *text, *unit;
        double paper;
    } printed[] = {
        { "XDOC-constants.01", "k_B T ln 2 at 300 K in paper 000 Sec. 1 (= E000-landauer300.01)",
          "2.85 × 10^-21 joules", "J", 2.85e-21 },
        { "XDOC-constants.02", "k_B T ln 2 at 300 K in paper 001 Eq. (1) (= E001-eq1.01)",
          "2.87 × 10^-21 J", "J", 2.87e-21 },
        { "XDOC-constants.03", "k_B T ln 2 in paper 001 Sec. 3.4 and App. B (= E001-eq1.02)",
          "3 × 10^-21 J/bit", "J/bit", 3e-21 },
        { "XDOC-constants.04", "k_B T ln 2 at 300 K in paper 002 Eq. (1) (= E002-eq1.01)",
          "2.9 × 10^-21 J", "J", 2.9e-21 },
    };
    const double at300 = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 300.0);
    struct repro_reading readings[3];
    size_t i, n_readings = repro_landauer300_readings(readings);
    int rc = 0;

    for (i = 0; i < sizeof printed / sizeof printed[0]; i++) {
        struct repro_spec s = { 0 };

        s.id = printed[i].id;
        s.quantity = printed[i].quantity;
        s.unit = printed[i].unit;
        s.paper_text = printed[i].text;
        s.paper = printed[i].paper;
        s.computed = at300;
        if (i == 0) { /* only paper 000's value needs diagnosing */
            s.readings = readings;
            s.n_readings = n_readings;
        }
        s.note = "The four documents print k_B T ln 2 at 300 K at four precisions";
        rc |= repro_add(list, &s);
    }
    return rc;
}

static int constant_entries(struct repro_list *list)
{
    int rc = 0;
    const double kb = thermoai_constants_boltzmann_j_per_k();
    struct repro_spec s = { 0 };

    s.id = "XDOC-constants.05";
    s.quantity = "Boltzmann constant in paper 001 Eqs. (14) and (52)";
    s.unit = "J/K";
    s.paper_text = "1.38 × 10^-23";
    s.paper = 1.38e-23;
    s.computed = kb;
    s.note = "Exact SI 2019 value 1.380649e-23 J/K; the rounding changes results in the "
             "fourth digit only";
    rc |= repro_add(list, &s);

    s.id = "XDOC-constants.06";
    s.quantity = "Boltzmann constant in paper 002 Table 3";
    s.paper_text = "1.38 × 10^-23 J/K";
    rc |= repro_add(list, &s);

    s.id = "XDOC-constants.07";
    s.quantity = "ln 2 as printed in paper 001 Eqs. (14) and (52)";
    s.unit = "1";
    s.paper_text = "0.693";
    s.paper = 0.693;
    /* ln 2 recovered from the library: (k_B * 1 K * ln 2) / k_B. */
    s.computed = REPRO_CALL(thermoai_landauer_energy_per_bit_j, 1.0) / kb;
    s.note = NULL;
    rc |= repro_add(list, &s);
    return rc;
}

int repro_cross(struct repro_list *list)
{
    int rc = 0;

    rc |= per_bit_entries(list);
    rc |= constant_entries(list);
    return rc != 0 || list->failed ? -1 : 0;
}
