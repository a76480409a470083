/* SPDX-License-Identifier: MIT */
/* Energy, time and CO2e of a training run. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "cost_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_training_params) == THERMOAI__SIZE_V0_TRAINING_PARAMS, tp);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_training_result) == THERMOAI__SIZE_V0_TRAINING_RESULT, tr);

int thermoai_training_params_init(thermoai_training_params *params, size_t size)
{
    int status = thermoai__struct_init(params, size, THERMOAI__SIZE_V0_TRAINING_PARAMS);

    if (status == THERMOAI_OK) {
        params->compute_precision = THERMOAI_HARDWARE_BF16;
        params->devices = 1.0;
        params->mfu = 1.0;
        params->pue = 1.0;
    }
    return status;
}

size_t thermoai_training_params_size(void)
{
    return sizeof(thermoai_training_params);
}

int thermoai_training_result_init(thermoai_training_result *result, size_t size)
{
    return thermoai__struct_init(result, size, THERMOAI__SIZE_V0_TRAINING_RESULT);
}

size_t thermoai_training_result_size(void)
{
    return sizeof(thermoai_training_result);
}

static int compute(const thermoai_hardware *user_hw, const thermoai_training_params *user,
                   thermoai_training_result *r)
{
    thermoai_hardware h;
    thermoai_training_params p;
    double peak[THERMOAI_HARDWARE_PRECISIONS], *jf[THERMOAI_HARDWARE_PRECISIONS], power;

    if (user_hw == NULL || user == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__hardware_load(user_hw, &h));
    memset(&p, 0, sizeof p);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_TRAINING_PARAMS, &p, sizeof p));
    if ((p.flags & ~(uint32_t)THERMOAI_TRAINING_MODELLED_POWER) != 0 || p.reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(THERMOAI__CHECK({ p.flop, THERMOAI__POS }, { p.devices, THERMOAI__GE1 },
                                  { p.mfu, THERMOAI__POS }, { p.device_power_w, THERMOAI__NONNEG },
                                  { p.host_power_w, THERMOAI__NONNEG }, { p.pue, THERMOAI__GE1 },
                                  { p.grid_g_per_kwh, THERMOAI__NONNEG }));
    if (p.mfu > 1.0 || p.compute_precision >= THERMOAI_HARDWARE_PRECISIONS)
        return THERMOAI_E_INVALID;
    thermoai__hardware_peaks(&h, peak);
    thermoai__hardware_flop_energies(&h, jf);
    if (!(peak[p.compute_precision] > 0.0))
        return THERMOAI_E_UNSUPPORTED;
    r->time_s = p.flop / (p.devices * p.mfu * peak[p.compute_precision]);
    if (p.device_power_w > 0.0) {
        power = p.device_power_w;
    } else if (p.flags & THERMOAI_TRAINING_MODELLED_POWER) {
        if (!(*jf[p.compute_precision] > 0.0))
            return THERMOAI_E_UNSUPPORTED;
        power = h.idle_power_w + *jf[p.compute_precision] * p.mfu * peak[p.compute_precision];
        if (h.board_power_w > 0.0 && power > h.board_power_w)
            power = h.board_power_w;
    } else {
        if (!(h.board_power_w > 0.0))
            return THERMOAI_E_UNSUPPORTED;
        power = h.board_power_w;
    }
    r->device_power_w = power + p.host_power_w;
    r->device_hours = p.devices * r->time_s / 3600.0;
    r->it_energy_j = p.devices * r->device_power_w * r->time_s;
    r->facility_energy_j = p.pue * r->it_energy_j;
    THERMOAI__TRY(thermoai_carbon_co2e_kg(r->facility_energy_j, p.grid_g_per_kwh, &r->co2e_kg));
    if (!isfinite(r->time_s) || !isfinite(r->facility_energy_j))
        return THERMOAI_E_RANGE;
    return THERMOAI_OK;
}

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t result_doubles[] = {
    offsetof(thermoai_training_result, time_s),
    offsetof(thermoai_training_result, device_hours),
    offsetof(thermoai_training_result, device_power_w),
    offsetof(thermoai_training_result, it_energy_j),
    offsetof(thermoai_training_result, facility_energy_j),
    offsetof(thermoai_training_result, co2e_kg),
};
#define N_RESULT_DOUBLES (sizeof result_doubles / sizeof result_doubles[0])

int thermoai_training_run(const thermoai_hardware *hw, const thermoai_training_params *params,
                          thermoai_training_result *out)
{
    thermoai_training_result r;
    int status;

    if (out == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__struct_out_check(out, THERMOAI__SIZE_V0_TRAINING_RESULT, sizeof r,
                                             result_doubles, N_RESULT_DOUBLES));
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    status = compute(hw, params, &r);
    if (status != THERMOAI_OK)
        r.time_s = r.device_hours = r.device_power_w = r.it_energy_j = r.facility_energy_j =
            r.co2e_kg = (double)NAN;
    (void)thermoai__struct_out(out, THERMOAI__SIZE_V0_TRAINING_RESULT, &r, sizeof r);
    return status;
}
