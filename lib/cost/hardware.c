/* SPDX-License-Identifier: MIT */
/* Hardware profiles: init, validation, peaks, energies, ridge point, derived energies. */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "common/internal.h"
#include "cost_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_hardware) == THERMOAI__SIZE_V0_HARDWARE, hw_size);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_hardware, peak_fp64_flop_per_s) == 32, hw_peaks);
THERMOAI__STATIC_ASSERT(offsetof(thermoai_hardware, bandwidth_efficiency) == 264, hw_last);

/* the double fields, in order, from peak_fp64_flop_per_s to bandwidth_efficiency */
#define N_DOUBLES 30

int thermoai_hardware_init(thermoai_hardware *hw, size_t size)
{
    int status = thermoai__struct_init(hw, size, THERMOAI__SIZE_V0_HARDWARE);

    if (status == THERMOAI_OK) {
        hw->accumulate_bits = 32;
        hw->compute_efficiency = 1.0;
        hw->bandwidth_efficiency = 1.0; /* origin UNSET: derive_energy() may replace them */
    }
    return status;
}

size_t thermoai_hardware_size(void)
{
    return sizeof(thermoai_hardware);
}

void thermoai__hardware_peaks(const thermoai_hardware *hw, double *peak)
{
    peak[THERMOAI_HARDWARE_FP64] = hw->peak_fp64_flop_per_s;
    peak[THERMOAI_HARDWARE_FP32] = hw->peak_fp32_flop_per_s;
    peak[THERMOAI_HARDWARE_TF32] = hw->peak_tf32_flop_per_s;
    peak[THERMOAI_HARDWARE_BF16] = hw->peak_bf16_flop_per_s;
    peak[THERMOAI_HARDWARE_FP8] = hw->peak_fp8_flop_per_s;
    peak[THERMOAI_HARDWARE_INT8] = hw->peak_int8_op_per_s;
    peak[THERMOAI_HARDWARE_FP4] = hw->peak_fp4_flop_per_s;
    peak[THERMOAI_HARDWARE_INT4] = hw->peak_int4_op_per_s;
}

void thermoai__hardware_flop_energies(thermoai_hardware *hw, double **j)
{
    j[THERMOAI_HARDWARE_FP64] = &hw->j_per_flop_fp64;
    j[THERMOAI_HARDWARE_FP32] = &hw->j_per_flop_fp32;
    j[THERMOAI_HARDWARE_TF32] = &hw->j_per_flop_tf32;
    j[THERMOAI_HARDWARE_BF16] = &hw->j_per_flop_bf16;
    j[THERMOAI_HARDWARE_FP8] = &hw->j_per_flop_fp8;
    j[THERMOAI_HARDWARE_INT8] = &hw->j_per_op_int8;
    j[THERMOAI_HARDWARE_FP4] = &hw->j_per_flop_fp4;
    j[THERMOAI_HARDWARE_INT4] = &hw->j_per_op_int4;
}

int thermoai__hardware_load(const thermoai_hardware *user, thermoai_hardware *hw)
{
    double v[N_DOUBLES], peak[THERMOAI_HARDWARE_PRECISIONS], any = 0.0;
    size_t i;

    if (user == NULL)
        return THERMOAI_E_NULL;
    memset(hw, 0, sizeof *hw);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_HARDWARE, hw, sizeof *hw));
    if (hw->reserved != 0 || hw->idle_origin > THERMOAI_HARDWARE_ORIGIN_ASSUMED
        || hw->flop_energy_origin > THERMOAI_HARDWARE_ORIGIN_ASSUMED
        || hw->byte_energy_origin > THERMOAI_HARDWARE_ORIGIN_ASSUMED
        || hw->efficiency_origin > THERMOAI_HARDWARE_ORIGIN_ASSUMED
        || (hw->flop_energy_measured >> THERMOAI_HARDWARE_PRECISIONS) != 0)
        return THERMOAI_E_UNSUPPORTED;
    memcpy(v, &hw->peak_fp64_flop_per_s, sizeof v);
    for (i = 0; i < N_DOUBLES; i++)
        if (!isfinite(v[i]))
            return THERMOAI_E_NONFINITE;
    for (i = 0; i < N_DOUBLES; i++)
        if (v[i] < 0.0)
            return THERMOAI_E_INVALID;
    thermoai__hardware_peaks(hw, peak);
    for (i = 0; i < THERMOAI_HARDWARE_PRECISIONS; i++)
        any += peak[i];
    if (!(any > 0.0) || !(hw->memory_bw_bytes_per_s > 0.0)
        || !(hw->compute_efficiency > 0.0 && hw->compute_efficiency <= 1.0)
        || !(hw->bandwidth_efficiency > 0.0 && hw->bandwidth_efficiency <= 1.0)
        || (hw->board_power_w > 0.0 && hw->idle_power_w > hw->board_power_w)
        || (hw->accumulate_bits != 16 && hw->accumulate_bits != 32))
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

int thermoai_hardware_check(const thermoai_hardware *hw)
{
    thermoai_hardware h;

    return thermoai__hardware_load(hw, &h);
}

int thermoai_hardware_peak_flop_per_s(const thermoai_hardware *hw, uint32_t precision,
                                      uint32_t sparse, double *flop_per_s)
{
    thermoai_hardware h;
    double v;

    THERMOAI__OUTPUTS(flop_per_s);
    THERMOAI__TRY(thermoai__hardware_load(hw, &h));
    if (precision >= THERMOAI_HARDWARE_PRECISIONS || sparse > 1)
        return THERMOAI_E_INVALID;
    if (sparse) {
        switch (precision) {
        case THERMOAI_HARDWARE_BF16: v = h.sparse_bf16_flop_per_s; break;
        case THERMOAI_HARDWARE_FP8: v = h.sparse_fp8_flop_per_s; break;
        case THERMOAI_HARDWARE_INT8: v = h.sparse_int8_op_per_s; break;
        case THERMOAI_HARDWARE_FP4: v = h.sparse_fp4_flop_per_s; break;
        default: v = 0.0; break;
        }
    } else {
        double peak[THERMOAI_HARDWARE_PRECISIONS];

        thermoai__hardware_peaks(&h, peak);
        v = peak[precision];
    }
    if (!(v > 0.0))
        return THERMOAI_E_UNSUPPORTED;
    return thermoai__finish(v, flop_per_s);
}

int thermoai_hardware_j_per_flop(const thermoai_hardware *hw, uint32_t precision,
                                 double *j_per_flop)
{
    thermoai_hardware h;
    double *j[THERMOAI_HARDWARE_PRECISIONS];

    THERMOAI__OUTPUTS(j_per_flop);
    THERMOAI__TRY(thermoai__hardware_load(hw, &h));
    if (precision >= THERMOAI_HARDWARE_PRECISIONS)
        return THERMOAI_E_INVALID;
    thermoai__hardware_flop_energies(&h, j);
    if (!(*j[precision] > 0.0))
        return THERMOAI_E_UNSUPPORTED;
    return thermoai__finish(*j[precision], j_per_flop);
}

int thermoai_hardware_ridge_flop_per_byte(const thermoai_hardware *hw, uint32_t precision,
                                          uint32_t achieved, double *flop_per_byte)
{
    thermoai_hardware h;
    double peak[THERMOAI_HARDWARE_PRECISIONS], f, b;

    THERMOAI__OUTPUTS(flop_per_byte);
    THERMOAI__TRY(thermoai__hardware_load(hw, &h));
    if (precision >= THERMOAI_HARDWARE_PRECISIONS || achieved > 1)
        return THERMOAI_E_INVALID;
    thermoai__hardware_peaks(&h, peak);
    if (!(peak[precision] > 0.0))
        return THERMOAI_E_UNSUPPORTED;
    f = peak[precision] * (achieved ? h.compute_efficiency : 1.0);
    b = h.memory_bw_bytes_per_s * (achieved ? h.bandwidth_efficiency : 1.0);
    return thermoai__finish(f / b, flop_per_byte);
}

int thermoai_hardware_derive_energy(thermoai_hardware *hw)
{
    thermoai_hardware h, ref;
    double peak[THERMOAI_HARDWARE_PRECISIONS], rpeak[THERMOAI_HARDWARE_PRECISIONS];
    double *j[THERMOAI_HARDWARE_PRECISIONS], *rj[THERMOAI_HARDWARE_PRECISIONS];
    double r_idle, r_m, r_c, pmax, idle, eta_c, eta_bw;
    size_t p;

    if (hw == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__hardware_load(hw, &h));
    if (!(h.board_power_w > 0.0))
        return THERMOAI_E_INVALID;
    /* the reference: the measured H100 fit (its BF16 GEMM and its copy) */
    THERMOAI__TRY(thermoai__hardware_h100_fitted(&ref));
    thermoai__hardware_peaks(&ref, rpeak);
    thermoai__hardware_flop_energies(&ref, rj);
    r_idle = ref.idle_power_w / ref.board_power_w;
    r_m = (ref.idle_power_w
           + ref.j_per_byte * ref.bandwidth_efficiency * ref.memory_bw_bytes_per_s)
          / ref.board_power_w;
    r_c = (ref.idle_power_w
           + ref.j_per_flop_bf16 * ref.compute_efficiency * rpeak[THERMOAI_HARDWARE_BF16])
          / ref.board_power_w;
    (void)rj;

    pmax = h.board_power_w;
    if (h.idle_power_w == 0.0) {
        h.idle_power_w = r_idle * pmax;
        h.idle_origin = THERMOAI_HARDWARE_ORIGIN_ASSUMED;
    }
    idle = h.idle_power_w;
    if (h.efficiency_origin == THERMOAI_HARDWARE_ORIGIN_UNSET) {
        /* the placeholder 1 of thermoai_hardware_init() becomes the H100's measured fractions */
        h.compute_efficiency = ref.compute_efficiency;
        h.bandwidth_efficiency = ref.bandwidth_efficiency;
        h.efficiency_origin = THERMOAI_HARDWARE_ORIGIN_ASSUMED;
    }
    eta_c = h.compute_efficiency;
    eta_bw = h.bandwidth_efficiency;
    if (!(r_m * pmax - idle > 0.0) || !(r_c * pmax - idle > 0.0))
        return THERMOAI_E_DOMAIN;
    if (h.j_per_byte == 0.0) {
        h.j_per_byte = (r_m * pmax - idle) / (eta_bw * h.memory_bw_bytes_per_s);
        h.byte_energy_origin = THERMOAI_HARDWARE_ORIGIN_DATASHEET;
    }
    thermoai__hardware_peaks(&h, peak);
    thermoai__hardware_flop_energies(&h, j);
    for (p = 0; p < THERMOAI_HARDWARE_PRECISIONS; p++)
        if (*j[p] == 0.0 && peak[p] > 0.0) {
            *j[p] = (r_c * pmax - idle) / (eta_c * peak[p]);
            h.flop_energy_origin = THERMOAI_HARDWARE_ORIGIN_DATASHEET;
        }
    return thermoai__struct_out(hw, THERMOAI__SIZE_V0_HARDWARE, &h, sizeof h);
}
