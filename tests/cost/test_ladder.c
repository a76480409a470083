/* SPDX-License-Identifier: MIT */
/* The TER ladder: rungs against the parts they are made of, their order, bad input. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

int main(void)
{
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_work_params p;
    thermoai_cost_serving s;
    thermoai_ladder l;
    thermoai_cost_result r;
    thermoai_entropy_params ep;
    double landauer = 0.0;

    tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
               && thermoai_model_preset_find("llama-2-7b", &a) == THERMOAI_OK
               && thermoai_hardware_init(&h, sizeof h) == THERMOAI_OK
               && thermoai_hardware_preset_find("h100-sxm-measured", &h) == THERMOAI_OK
               && thermoai_work_params_init(&p, sizeof p) == THERMOAI_OK
               && thermoai_cost_serving_init(&s, sizeof s) == THERMOAI_OK
               && thermoai_cost_serving_preset("cuda-graphs", &s) == THERMOAI_OK
               && thermoai_ladder_init(&l, sizeof l) == THERMOAI_OK
               && thermoai_cost_result_init(&r, sizeof r) == THERMOAI_OK
               && thermoai_entropy_params_init(&ep, sizeof ep) == THERMOAI_OK,
           "setup: LLaMA-2-7B, calibrated H100, CUDA graphs");
    p.batch = 8;
    p.context = 511;
    tap_ok(thermoai_ladder_decode(&a, &p, &h, &s, NULL, 0.9, &l) == THERMOAI_OK, "ladder with a measurement");
    ep.seq_len = 512;
    tap_ok(thermoai_entropy_token_energy_j(&a, &ep, &landauer) == THERMOAI_OK, "the entropy model at n = 512");
    tap_rel(l.landauer_j, landauer, 1e-15, "rung 1 is the entropy model's bound at context + 1");
    tap_ok(thermoai_cost_decode(&a, &p, &h, &s, &r) == THERMOAI_OK, "the cost model");
    tap_rel(l.modelled_j, r.energy_per_token_j, 1e-15, "rung 4 is the cost model's energy per token");
    tap_rel(l.arithmetic_j, r.arithmetic_j / 8.0, 1e-14, "rung 2: arithmetic per token");
    tap_rel(l.data_j, (r.arithmetic_j + r.weights_j + r.kv_j + r.activations_j) / 8.0, 1e-14,
            "rung 3: arithmetic plus data movement");
    tap_rel(l.ter_modelled, l.modelled_j / l.landauer_j, 1e-14, "TER of each rung");
    tap_ok(l.has_measured == 1 && l.measured_j == 0.9 && fabs(l.ter_measured - 0.9 / l.landauer_j) < 1e-6 * l.ter_measured,
           "rung 5: the measurement");
    tap_ok(l.landauer_j < l.arithmetic_j && l.arithmetic_j < l.data_j && l.data_j < l.modelled_j,
           "the rungs climb");
    tap_ok(l.ter_arithmetic > 1e4, "even arithmetic alone is far above kT ln 2 (%.3g x)", l.ter_arithmetic);
    tap_ok(thermoai_ladder_decode(&a, &p, &h, &s, &ep, 0.0, &l) == THERMOAI_OK && l.has_measured == 0
               && l.measured_j == 0.0 && l.ter_measured == 0.0,
           "without a measurement its rung is 0, not NaN");
    tap_ok(thermoai_ladder_decode(&a, &p, &h, &s, NULL, -1.0, &l) == THERMOAI_E_INVALID && isnan(l.landauer_j)
               && isnan(l.ter_modelled),
           "negative measurement -> E_INVALID, NaN");
    tap_ok(thermoai_ladder_decode(&a, &p, &h, &s, NULL, (double)NAN, &l) == THERMOAI_E_NONFINITE, "NaN measurement");
    tap_ok(thermoai_ladder_decode(NULL, &p, &h, &s, NULL, 0.0, &l) == THERMOAI_E_NULL, "NULL arch");
    tap_ok(thermoai_ladder_decode(&a, &p, &h, &s, NULL, 0.0, NULL) == THERMOAI_E_NULL, "NULL output");
    l.struct_size = 8;
    tap_ok(thermoai_ladder_decode(&a, &p, &h, &s, NULL, 0.0, &l) == THERMOAI_E_SIZE, "small output");
    tap_ok(thermoai_ladder_size() == sizeof l && thermoai_ladder_init(&l, 79) == THERMOAI_E_SIZE, "sizes");
    return tap_done();
}
