/* SPDX-License-Identifier: MIT */
/*
 * Paper 001: "Local Entropy Inversion in Large-Scale AI Systems: Thermodynamics
 * of Algorithmic Compression" (shared/papers/001_*.txt).
 */
#include "config.h"

#include <thermoai/thermoai.h>

#include "calls.h"
#include "repro.h"

/* E001-eq1: the Landauer energy per bit as printed in Eq. (1), Sec. 3.4 and the
 * last line of Appendix B. The paper's working temperature elsewhere is 350 K
 * (Eq. 14), so that reading is reported beside the stated 300 K. */
static int eq1(struct repro_list *list)
{
    int rc = 0;
    const double at300 = repro_landauer_per_bit_j(300.0);
    struct repro_reading at350 = { "T = 350 K, the paper's GPU temperature (Eq. 14)", 0.0 };
    struct repro_spec s = { 0 };

    at350.value = repro_landauer_per_bit_j(350.0);

    s.id = "E001-eq1.01";
    s.quantity = "Q_min = k_B T ln 2 at T = 300 K, Eq. (1)";
    s.unit = "J";
    s.paper_text = "2.87 × 10^-21 J";
    s.paper = 2.87e-21;
    s.computed = at300;
    rc |= repro_add(list, &s);

    s.id = "E001-eq1.02";
    s.quantity = "Landauer limit C_min = k_B T ln 2, Sec. 3.4 (T from Eq. 1)";
    s.unit = "J/bit";
    s.paper_text = "3 × 10^-21 J/bit";
    s.paper = 3e-21;
    s.readings = &at350;
    s.n_readings = 1;
    rc |= repro_add(list, &s);

    s.id = "E001-eq1.03";
    s.quantity = "Landauer limit quoted in the last line of Appendix B";
    s.paper_text = "3×10^-21 J/bit";
    rc |= repro_add(list, &s);
    return rc;
}

int repro_paper001(struct repro_list *list)
{
    int rc = 0;

    rc |= eq1(list);
    return rc != 0 || list->failed ? -1 : 0;
}
