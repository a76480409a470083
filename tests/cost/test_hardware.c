/* SPDX-License-Identifier: MIT */
/*
 * Hardware profiles: init and validation, peaks (dense and sparse apart), energy per
 * FLOP, the ridge point, and the datasheet rule of thermoai_hardware_derive_energy()
 * against values computed here by hand from the measured H100 fit
 * (tests/ref/calibrate.csv).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

static thermoai_hardware base(void)
{
    thermoai_hardware h;

    if (thermoai_hardware_init(&h, sizeof h) != THERMOAI_OK)
        memset(&h, 0, sizeof h);
    h.peak_bf16_flop_per_s = 100e12;
    h.peak_fp32_flop_per_s = 10e12;
    h.sparse_bf16_flop_per_s = 200e12;
    h.memory_bw_bytes_per_s = 1e12;
    h.board_power_w = 300.0;
    return h;
}

static double ref(const char *key)
{
    FILE *f = ref_open("calibrate.csv");
    char line[256], name[64];
    double v = (double)NAN, x;

    if (f == NULL)
        return v;
    while (fgets(line, sizeof line, f) != NULL)
        if (sscanf(line, "fit,%63[^,],%lf", name, &x) == 2 && strcmp(name, key) == 0)
            v = x;
    fclose(f);
    return v;
}

static void init_and_check(void)
{
    thermoai_hardware h;
    unsigned char big[sizeof h + 8];

    tap_ok(thermoai_hardware_size() == sizeof(thermoai_hardware), "size accessor");
    tap_ok(thermoai_hardware_init(&h, sizeof h) == THERMOAI_OK && h.struct_size == sizeof h
               && h.accumulate_bits == 32 && h.compute_efficiency == 1.0
               && h.bandwidth_efficiency == 1.0 && h.efficiency_origin == 0 && h.j_per_byte == 0.0,
           "init: 32-bit accumulation, efficiencies 1 (unset), energies 0");
    tap_ok(thermoai_hardware_init(NULL, sizeof h) == THERMOAI_E_NULL, "init NULL");
    tap_ok(thermoai_hardware_init(&h, 271) == THERMOAI_E_SIZE, "init size 271 -> E_SIZE");
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_INVALID, "an empty profile is invalid");
    h = base();
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_OK, "a small profile is valid");
    tap_ok(thermoai_hardware_check(NULL) == THERMOAI_E_NULL, "check NULL");
    memset(big, 0, sizeof big);
    memcpy(big, &h, sizeof h);
    {
        uint32_t s = (uint32_t)sizeof big;

        memcpy(big, &s, sizeof s);
    }
    tap_ok(thermoai_hardware_check((const thermoai_hardware *)(const void *)big) == THERMOAI_OK,
           "larger struct with a zero tail");
    big[sizeof h + 2] = 7;
    tap_ok(thermoai_hardware_check((const thermoai_hardware *)(const void *)big)
               == THERMOAI_E_UNSUPPORTED,
           "larger struct with a non-zero tail -> E_UNSUPPORTED");
    h = base();
    h.struct_size = 100;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_SIZE, "struct_size 100 -> E_SIZE");
    h = base();
    h.reserved = 1;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_UNSUPPORTED, "reserved non-zero");
    h = base();
    h.byte_energy_origin = 4;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_UNSUPPORTED, "unknown origin");
    h = base();
    h.flop_energy_measured = 1u << 8;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_UNSUPPORTED, "unknown measured bit");
    h = base();
    h.j_per_byte = (double)NAN;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_NONFINITE, "NaN field");
    h = base();
    h.idle_power_w = (double)INFINITY;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_NONFINITE, "infinite field");
    h = base();
    h.j_per_flop_bf16 = -1e-12;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_INVALID, "negative field");
    h = base();
    h.memory_bw_bytes_per_s = 0.0;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_INVALID, "no bandwidth");
    h = base();
    h.peak_bf16_flop_per_s = h.peak_fp32_flop_per_s = 0.0;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_INVALID, "no dense peak (sparse alone)");
    h = base();
    h.compute_efficiency = 1.5;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_INVALID, "efficiency above 1");
    h.compute_efficiency = 0.0;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_INVALID, "efficiency 0");
    h = base();
    h.idle_power_w = 400.0;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_INVALID, "idle above board power");
    h = base();
    h.accumulate_bits = 8;
    tap_ok(thermoai_hardware_check(&h) == THERMOAI_E_INVALID, "accumulate_bits 8");
}

static void peaks_and_energies(void)
{
    thermoai_hardware h = base();
    double v = 0.0;

    tap_ok(thermoai_hardware_peak_flop_per_s(&h, THERMOAI_HARDWARE_BF16, 0, &v) == THERMOAI_OK
               && v == 100e12,
           "dense BF16 peak");
    tap_ok(thermoai_hardware_peak_flop_per_s(&h, THERMOAI_HARDWARE_BF16, 1, &v) == THERMOAI_OK
               && v == 200e12,
           "sparse BF16 peak is its own field");
    tap_ok(thermoai_hardware_peak_flop_per_s(&h, THERMOAI_HARDWARE_FP32, 1, &v) == THERMOAI_E_UNSUPPORTED
               && isnan(v),
           "no sparse FP32 -> E_UNSUPPORTED, NaN");
    tap_ok(thermoai_hardware_peak_flop_per_s(&h, THERMOAI_HARDWARE_FP8, 0, &v) == THERMOAI_E_UNSUPPORTED,
           "no FP8 -> E_UNSUPPORTED");
    tap_ok(thermoai_hardware_peak_flop_per_s(&h, 8, 0, &v) == THERMOAI_E_INVALID && isnan(v),
           "precision 8 -> E_INVALID");
    tap_ok(thermoai_hardware_peak_flop_per_s(&h, 3, 2, &v) == THERMOAI_E_INVALID, "sparse 2 -> E_INVALID");
    tap_ok(thermoai_hardware_peak_flop_per_s(&h, 3, 0, NULL) == THERMOAI_E_NULL, "NULL output");
    tap_ok(thermoai_hardware_peak_flop_per_s(NULL, 3, 0, &v) == THERMOAI_E_NULL && isnan(v),
           "NULL profile, output NaN");
    tap_ok(thermoai_hardware_j_per_flop(&h, THERMOAI_HARDWARE_BF16, &v) == THERMOAI_E_UNSUPPORTED
               && isnan(v),
           "no energy yet -> E_UNSUPPORTED");
    h.j_per_flop_bf16 = 0.5e-12;
    tap_ok(thermoai_hardware_j_per_flop(&h, THERMOAI_HARDWARE_BF16, &v) == THERMOAI_OK && v == 0.5e-12,
           "energy per BF16 FLOP");
    tap_ok(thermoai_hardware_j_per_flop(&h, 9, &v) == THERMOAI_E_INVALID, "precision 9");
    /* ridge: 100e12 / 1e12 = 100 FLOP/byte; achieved: 0.5 * 100e12 / (0.8 * 1e12) = 62.5 */
    tap_ok(thermoai_hardware_ridge_flop_per_byte(&h, THERMOAI_HARDWARE_BF16, 0, &v) == THERMOAI_OK
               && v == 100.0,
           "ridge at the datasheet peaks: 100 FLOP/byte");
    h.compute_efficiency = 0.5;
    h.bandwidth_efficiency = 0.8;
    tap_ok(thermoai_hardware_ridge_flop_per_byte(&h, THERMOAI_HARDWARE_BF16, 1, &v) == THERMOAI_OK
               && v == 62.5,
           "ridge at the achievable rates: 62.5 FLOP/byte");
    tap_ok(thermoai_hardware_ridge_flop_per_byte(&h, THERMOAI_HARDWARE_BF16, 2, &v) == THERMOAI_E_INVALID,
           "achieved 2 -> E_INVALID");
    tap_ok(thermoai_hardware_ridge_flop_per_byte(&h, THERMOAI_HARDWARE_INT4, 0, &v)
               == THERMOAI_E_UNSUPPORTED,
           "no INT4 peak");
    /* property: the ridge falls as bandwidth rises */
    {
        double r1 = 0.0, r2 = 0.0;

        h.memory_bw_bytes_per_s = 2e12;
        tap_ok(thermoai_hardware_ridge_flop_per_byte(&h, 3, 0, &r1) == THERMOAI_OK
                   && (h.memory_bw_bytes_per_s = 4e12,
                       thermoai_hardware_ridge_flop_per_byte(&h, 3, 0, &r2) == THERMOAI_OK)
                   && r2 == r1 / 2.0,
               "doubling bandwidth halves the ridge");
    }
}

static void derive(void)
{
    thermoai_hardware h = base(), g;
    double idle = ref("idle_power_w"), eb = ref("j_per_byte"), ef = ref("j_per_flop_bf16"),
           bwe = ref("bandwidth_efficiency"), ce = ref("compute_efficiency");
    double bw = ref("achieved_bw_bytes_per_s"), fl = ref("achieved_flop_per_s");
    /* the rule by hand, from the exact fit: ratios of the H100's 700 W */
    double r_idle = idle / 700.0, r_m = (idle + eb * bw) / 700.0, r_c = (idle + ef * fl) / 700.0;
    double want_idle = r_idle * 300.0;
    double want_eb = (r_m * 300.0 - want_idle) / (bwe * 1e12);
    double want_ef = (r_c * 300.0 - want_idle) / (ce * 100e12);
    double want_ef32 = (r_c * 300.0 - want_idle) / (ce * 10e12);

    tap_ok(thermoai_hardware_derive_energy(&h) == THERMOAI_OK, "derive on a 300 W profile");
    tap_rel(h.idle_power_w, want_idle, 1e-12, "derived idle = r_idle P_max");
    tap_rel(h.j_per_byte, want_eb, 1e-12, "derived energy per byte");
    tap_rel(h.j_per_flop_bf16, want_ef, 1e-12, "derived energy per BF16 FLOP");
    tap_rel(h.j_per_flop_fp32, want_ef32, 1e-12, "derived energy per FP32 FLOP");
    tap_rel(h.compute_efficiency, ce, 1e-12, "efficiencies become the H100's");
    tap_ok(h.j_per_flop_fp8 == 0.0 && h.idle_origin == THERMOAI_HARDWARE_ORIGIN_ASSUMED
               && h.byte_energy_origin == THERMOAI_HARDWARE_ORIGIN_DATASHEET
               && h.flop_energy_origin == THERMOAI_HARDWARE_ORIGIN_DATASHEET
               && h.efficiency_origin == THERMOAI_HARDWARE_ORIGIN_ASSUMED,
           "no FP8 energy without an FP8 peak; origins set");
    g = h;
    tap_ok(thermoai_hardware_derive_energy(&g) == THERMOAI_OK && memcmp(&g, &h, sizeof g) == 0,
           "derive is idempotent");
    /* given values are kept */
    h = base();
    h.idle_power_w = 20.0;
    h.j_per_byte = 1e-10;
    h.compute_efficiency = 0.5;
    h.efficiency_origin = THERMOAI_HARDWARE_ORIGIN_ASSUMED;
    tap_ok(thermoai_hardware_derive_energy(&h) == THERMOAI_OK && h.idle_power_w == 20.0
               && h.j_per_byte == 1e-10 && h.compute_efficiency == 0.5
               && h.bandwidth_efficiency == 1.0,
           "given idle, energy per byte and efficiencies are kept");
    tap_rel(h.j_per_flop_bf16, (r_c * 300.0 - 20.0) / (0.5 * 100e12), 1e-12,
            "the derived FLOP energy uses the given idle and efficiency");
    /* property: scaling board power and peaks together keeps the energy per FLOP */
    {
        thermoai_hardware a = base(), b = base();

        b.board_power_w *= 2.0;
        b.peak_bf16_flop_per_s *= 2.0;
        b.peak_fp32_flop_per_s *= 2.0;
        tap_ok(thermoai_hardware_derive_energy(&a) == THERMOAI_OK
                   && thermoai_hardware_derive_energy(&b) == THERMOAI_OK,
               "derive two scaled profiles");
        tap_rel(b.j_per_flop_bf16, a.j_per_flop_bf16, 1e-14, "power and peak doubled: same J/FLOP");
        tap_rel(b.j_per_byte, 2.0 * a.j_per_byte, 1e-14, "power doubled at equal bandwidth: twice J/byte");
    }
    h = base();
    h.board_power_w = 0.0;
    tap_ok(thermoai_hardware_derive_energy(&h) == THERMOAI_E_INVALID, "no board power -> E_INVALID");
    h = base();
    h.idle_power_w = 290.0; /* above 0.76 x 300 W: the copy would draw less than idle */
    tap_ok(thermoai_hardware_derive_energy(&h) == THERMOAI_E_DOMAIN, "idle too high -> E_DOMAIN");
    tap_ok(thermoai_hardware_derive_energy(NULL) == THERMOAI_E_NULL, "derive NULL");
    h = base();
    h.reserved = 3;
    tap_ok(thermoai_hardware_derive_energy(&h) == THERMOAI_E_UNSUPPORTED, "derive on a bad profile");
}

int main(void)
{
    init_and_check();
    peaks_and_energies();
    derive();
    return tap_done();
}
