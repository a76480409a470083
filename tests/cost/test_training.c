/* SPDX-License-Identifier: MIT */
/*
 * Training runs: time, GPU-hours, energy and CO2e against hand-computed values
 * (Patterson et al. 2021's GPT-3 inputs), the modelled-power variant, scaling
 * properties, bad input.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static thermoai_hardware v100(void)
{
    thermoai_hardware h;

    if (thermoai_hardware_init(&h, sizeof h) != THERMOAI_OK
        || thermoai_hardware_preset_find("v100-sxm2-32", &h) != THERMOAI_OK)
        memset(&h, 0, sizeof h);
    return h;
}

static thermoai_training_params gpt3(void)
{
    thermoai_training_params p;

    if (thermoai_training_params_init(&p, sizeof p) != THERMOAI_OK)
        memset(&p, 0, sizeof p);
    p.flop = 3.14e23;       /* Patterson Table 4 */
    p.devices = 10000.0;
    p.mfu = 24.6 / 125.0;   /* measured 24.6 TFLOP/s of the 125 peak */
    p.device_power_w = 330.0; /* measured system power per accelerator */
    p.pue = 1.1;
    p.grid_g_per_kwh = 429.0;
    return p;
}

static void by_hand(void)
{
    thermoai_hardware h = v100();
    thermoai_training_params p = gpt3();
    thermoai_training_result r;
    /* t = 3.14e23 / (1e4 x 24.6e12) = 1276422.76 s = 14.77 days;
     * E_IT = 1e4 x 330 W x t; E = 1.1 E_IT = 4.6334e12 J = 1287.1 MWh;
     * CO2e = 1287.1 MWh x 0.429 t/MWh = 552.2 t */
    double t = 3.14e23 / (1e4 * 24.6e12);

    tap_ok(thermoai_training_result_init(&r, sizeof r) == THERMOAI_OK
               && thermoai_training_run(&h, &p, &r) == THERMOAI_OK,
           "GPT-3 with Patterson's inputs");
    tap_rel(r.time_s, t, 1e-14, "14.77 days");
    tap_rel(r.device_hours, 1e4 * t / 3600.0, 1e-14, "GPU-hours");
    tap_rel(r.it_energy_j, 1e4 * 330.0 * t, 1e-14, "IT energy");
    tap_rel(r.facility_energy_j, 1.1 * 1e4 * 330.0 * t, 1e-14, "facility energy (PUE 1.1)");
    tap_rel(r.facility_energy_j / 3.6e9, 1287.0, 0.001, "1287 MWh as Patterson prints (%.1f)",
            r.facility_energy_j / 3.6e9);
    tap_rel(r.co2e_kg, 1.1 * 1e4 * 330.0 * t / 3.6e6 * 0.429, 1e-13, "CO2e at 429 g/kWh");
    tap_rel(r.co2e_kg / 1000.0, 552.1, 0.001, "552.1 t as printed");
    tap_ok(r.device_power_w == 330.0, "the given power");
    /* default power: the board's 300 W */
    p.device_power_w = 0.0;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_OK && r.device_power_w == 300.0, "board power");
    p.host_power_w = 25.0;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_OK && r.device_power_w == 325.0,
           "host share added");
    /* modelled power: idle + e_FLOP x MFU x peak */
    p.host_power_w = 0.0;
    p.flags = THERMOAI_TRAINING_MODELLED_POWER;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_OK, "modelled power");
    tap_rel(r.device_power_w, h.idle_power_w + h.j_per_flop_bf16 * 24.6e12, 1e-13,
            "P = idle + e_FLOP x achieved rate");
    tap_ok(r.device_power_w < 300.0, "below the board power (it leaves out memory and communication)");
}

static void properties(void)
{
    thermoai_hardware h = v100();
    thermoai_training_params p = gpt3();
    thermoai_training_result a, b;

    tap_ok(thermoai_training_result_init(&a, sizeof a) == THERMOAI_OK
               && thermoai_training_result_init(&b, sizeof b) == THERMOAI_OK
               && thermoai_training_run(&h, &p, &a) == THERMOAI_OK,
           "setup");
    p.devices *= 2.0;
    tap_ok(thermoai_training_run(&h, &p, &b) == THERMOAI_OK && fabs(b.time_s - a.time_s / 2.0) <= 1e-9 * a.time_s
               && fabs(b.facility_energy_j - a.facility_energy_j) <= 1e-12 * a.facility_energy_j,
           "twice the devices: half the time, the same energy");
    p = gpt3();
    p.mfu /= 2.0;
    tap_ok(thermoai_training_run(&h, &p, &b) == THERMOAI_OK
               && fabs(b.facility_energy_j - 2.0 * a.facility_energy_j) <= 1e-12 * a.facility_energy_j,
           "half the MFU: twice the energy at fixed power");
    p = gpt3();
    p.grid_g_per_kwh = 0.0;
    tap_ok(thermoai_training_run(&h, &p, &b) == THERMOAI_OK && b.co2e_kg == 0.0, "no grid: no CO2e");
}

static void bad_input(void)
{
    thermoai_hardware h = v100(), tpu;
    thermoai_training_params p = gpt3();
    thermoai_training_result r;

    tap_ok(thermoai_training_params_size() == sizeof(thermoai_training_params)
               && thermoai_training_result_size() == sizeof(thermoai_training_result),
           "size accessors");
    tap_ok(thermoai_training_params_init(&p, 71) == THERMOAI_E_SIZE
               && thermoai_training_result_init(&r, 55) == THERMOAI_E_SIZE,
           "init sizes");
    tap_ok(thermoai_training_result_init(&r, sizeof r) == THERMOAI_OK, "init");
    p = gpt3();
    p.mfu = 1.5;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_INVALID && isnan(r.time_s), "MFU > 1");
    p.mfu = 0.0;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_INVALID, "MFU 0");
    p = gpt3();
    p.devices = 0.5;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_INVALID, "half a device");
    p = gpt3();
    p.pue = 0.9;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_INVALID, "PUE < 1");
    p = gpt3();
    p.flop = (double)NAN;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_NONFINITE, "NaN FLOPs");
    p = gpt3();
    p.flop = 0.0;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_INVALID, "zero FLOPs");
    p = gpt3();
    p.flags = 0x8;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_UNSUPPORTED, "unknown flag");
    p = gpt3();
    p.compute_precision = THERMOAI_HARDWARE_FP8;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_UNSUPPORTED, "V100 has no FP8");
    p = gpt3();
    p.device_power_w = 0.0;
    tap_ok(thermoai_hardware_init(&tpu, sizeof tpu) == THERMOAI_OK
               && thermoai_hardware_preset_find("tpu-v5p", &tpu) == THERMOAI_OK
               && thermoai_training_run(&tpu, &p, &r) == THERMOAI_E_UNSUPPORTED,
           "a TPU without a given power -> E_UNSUPPORTED");
    p.device_power_w = 350.0;
    tap_ok(thermoai_training_run(&tpu, &p, &r) == THERMOAI_OK, "with a given power it works");
    tap_ok(thermoai_training_run(NULL, &p, &r) == THERMOAI_E_NULL
               && thermoai_training_run(&h, NULL, &r) == THERMOAI_E_NULL
               && thermoai_training_run(&h, &p, NULL) == THERMOAI_E_NULL,
           "NULLs");
    r.struct_size = 4;
    tap_ok(thermoai_training_run(&h, &p, &r) == THERMOAI_E_SIZE, "small result");
}

int main(void)
{
    by_hand();
    properties();
    bad_input();
    return tap_done();
}
