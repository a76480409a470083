/* SPDX-License-Identifier: MIT */
/*
 * Paper 000: "Thermodynamic Bounds on Neural Network Inference: Landauer's
 * Principle Meets Large Language Models" (shared/papers/000_*.txt).
 */
#include "config.h"

#include <stdio.h>

#include <thermoai/thermoai.h>

#include "calls.h"
#include "repro.h"

/* E000-landauer300: Sec. 1, paragraph 2: "At room temperature (T = 300 K), this
 * yields approximately 2.85 x 10^-21 joules per bit erasure". */
static int landauer300(struct repro_list *list)
{
    const double paper = 2.85e-21;
    char note[160];
    struct repro_reading r[3];
    struct repro_spec s = { 0 };

    s.n_readings = repro_landauer300_readings(r);
    snprintf(note, sizeof note,
             "The printed value is k_B T ln 2 at T = %.1f K; the paper states 300 K",
             repro_landauer_implied_temperature_k(paper));

    s.id = "E000-landauer300.01";
    s.quantity = "Landauer energy per bit erasure at 300 K";
    s.unit = "J";
    s.paper_text = "2.85 × 10^-21 joules";
    s.paper = paper;
    s.computed = repro_landauer_per_bit_j(300.0);
    s.readings = r;
    s.note = note;
    return repro_add(list, &s);
}

int repro_paper000(struct repro_list *list)
{
    int rc = 0;

    rc |= landauer300(list);
    return rc != 0 || list->failed ? -1 : 0;
}
