/* SPDX-License-Identifier: MIT */
/* The TER ladder of a decode step. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_ladder) == THERMOAI__SIZE_V0_LADDER, ladder_size);

int thermoai_ladder_init(thermoai_ladder *ladder, size_t size)
{
    return thermoai__struct_init(ladder, size, THERMOAI__SIZE_V0_LADDER);
}

size_t thermoai_ladder_size(void)
{
    return sizeof(thermoai_ladder);
}

static int rungs(const thermoai_model_arch *arch, const thermoai_work_params *params,
                 const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                 const thermoai_entropy_params *entropy, double measured_j, thermoai_ladder *l)
{
    thermoai_work w;
    thermoai_cost_result r;
    thermoai_entropy_params ep;
    double ef, tokens;

    THERMOAI__TRY(THERMOAI__CHECK({ measured_j, THERMOAI__NONNEG }));
    if (arch == NULL || hw == NULL)
        return THERMOAI_E_NULL;
    memset(&w, 0, sizeof w);
    w.struct_size = (uint32_t)sizeof w;
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    THERMOAI__TRY(thermoai_work_decode(arch, params, &w));
    THERMOAI__TRY(thermoai_cost_step(hw, &w, serving, &r));
    THERMOAI__TRY(thermoai_hardware_j_per_flop(hw, w.compute_precision, &ef));
    if (entropy == NULL) {
        THERMOAI__TRY(thermoai_entropy_params_init(&ep, sizeof ep));
        /* the new token attends to the cached context and itself */
        ep.seq_len = params != NULL ? params->context + 1 : 1;
        entropy = &ep;
    }
    THERMOAI__TRY(thermoai_entropy_token_energy_j(arch, entropy, &l->landauer_j));
    tokens = w.tokens;
    l->arithmetic_j = ef * w.flop / tokens;
    l->data_j = l->arithmetic_j + (r.weights_j + r.kv_j + r.activations_j) / tokens;
    l->modelled_j = r.energy_per_token_j;
    THERMOAI__TRY(thermoai_ter_ratio(l->arithmetic_j, l->landauer_j, &l->ter_arithmetic));
    THERMOAI__TRY(thermoai_ter_ratio(l->data_j, l->landauer_j, &l->ter_data));
    THERMOAI__TRY(thermoai_ter_ratio(l->modelled_j, l->landauer_j, &l->ter_modelled));
    if (measured_j > 0.0) {
        l->has_measured = 1;
        l->measured_j = measured_j;
        THERMOAI__TRY(thermoai_ter_ratio(measured_j, l->landauer_j, &l->ter_measured));
    }
    return THERMOAI_OK;
}

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t ladder_doubles[] = {
    offsetof(thermoai_ladder, landauer_j),
    offsetof(thermoai_ladder, arithmetic_j),
    offsetof(thermoai_ladder, data_j),
    offsetof(thermoai_ladder, modelled_j),
    offsetof(thermoai_ladder, measured_j),
    offsetof(thermoai_ladder, ter_arithmetic),
    offsetof(thermoai_ladder, ter_data),
    offsetof(thermoai_ladder, ter_modelled),
    offsetof(thermoai_ladder, ter_measured),
};
#define N_LADDER_DOUBLES (sizeof ladder_doubles / sizeof ladder_doubles[0])

int thermoai_ladder_decode(const thermoai_model_arch *arch, const thermoai_work_params *params,
                           const thermoai_hardware *hw, const thermoai_cost_serving *serving,
                           const thermoai_entropy_params *entropy, double measured_j,
                           thermoai_ladder *out)
{
    thermoai_ladder l;
    int status;

    if (out == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__struct_out_check(out, THERMOAI__SIZE_V0_LADDER, sizeof l, ladder_doubles,
                                             N_LADDER_DOUBLES));
    memset(&l, 0, sizeof l);
    l.struct_size = (uint32_t)sizeof l;
    status = rungs(arch, params, hw, serving, entropy, measured_j, &l);
    if (status != THERMOAI_OK) {
        l.has_measured = 0;
        l.landauer_j = l.arithmetic_j = l.data_j = l.modelled_j = l.measured_j = l.ter_arithmetic =
            l.ter_data = l.ter_modelled = l.ter_measured = (double)NAN;
    }
    (void)thermoai__struct_out(out, THERMOAI__SIZE_V0_LADDER, &l, sizeof l);
    return status;
}
