/* SPDX-License-Identifier: MIT */
/*
 * Paper 002: "A Unified Mathematical Theory of Energy-Efficient AI"
 * (shared/papers/002_*.txt).
 */
#include "config.h"

#include <thermoai/thermoai.h>

#include "calls.h"
#include "repro.h"

/* E002-eq1: Eq. (1), Remark 3.1, Remark 3.2 and Sec. 12.5. The paper's own k_B
 * (Table 3: 1.38e-23 J/K) is reported as an alternative reading. */
static int eq1(struct repro_list *list)
{
    int rc = 0;
    const double gpu_j_per_flop = 1e-12; /* Remark 3.1: "approx 1 pJ per floating-point operation" */
    const double gap = repro_landauer_ratio(gpu_j_per_flop, 300.0);
    struct repro_reading kb_doc = { "k_B = 1.38e-23 J/K as in Table 3", 0.0 };
    struct repro_spec s = { 0 };

    kb_doc.value = repro_landauer_per_bit_j(300.0) * (1.38e-23 / thermoai_boltzmann_j_per_k());

    s.id = "E002-eq1.01";
    s.quantity = "E_min = k_B T ln 2 at T = 300 K, Eq. (1)";
    s.unit = "J";
    s.paper_text = "2.9 × 10^-21 J";
    s.paper = 2.9e-21;
    s.computed = repro_landauer_per_bit_j(300.0);
    s.readings = &kb_doc;
    s.n_readings = 1;
    rc |= repro_add(list, &s);

    s.readings = NULL;
    s.n_readings = 0;
    s.id = "E002-eq1.02";
    s.quantity = "1 pJ per FLOP over the Landauer limit at 300 K, Remark 3.1";
    s.unit = "1";
    s.paper_text = "3×10^8 times";
    s.paper = 3e8;
    s.computed = gap;
    s.note = "One FLOP counted as one bit erased, as the remark does";
    rc |= repro_add(list, &s);

    s.id = "E002-eq1.03";
    s.quantity = "Gap between the Landauer limit and hardware, Remark 3.2";
    s.paper_text = "≈10^8";
    s.paper = 1e8;
    s.form = REPRO_ORDER;
    s.note = "Computed from Remark 3.1's 1 pJ/FLOP at 300 K";
    rc |= repro_add(list, &s);

    s.id = "E002-eq1.04";
    s.quantity = "Hardware above the thermodynamic limit, Sec. 12.5 item 1";
    s.paper_text = "10^8 times";
    rc |= repro_add(list, &s);
    return rc;
}

int repro_paper002(struct repro_list *list)
{
    int rc = 0;

    rc |= eq1(list);
    return rc != 0 || list->failed ? -1 : 0;
}
