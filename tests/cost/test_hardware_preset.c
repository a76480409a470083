/* SPDX-License-Identifier: MIT */
/*
 * Hardware presets: every one valid and sourced; datasheet values spot-checked against
 * the vendor figures typed here from the sources (hardware.tsv of the research pass);
 * the measured H100 against the exact fit of tests/ref/calibrate.csv; lookup and bad input.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

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

static int get(const char *name, thermoai_hardware *h)
{
    return thermoai_hardware_init(h, sizeof *h) == THERMOAI_OK
           && thermoai_hardware_preset_find(name, h) == THERMOAI_OK;
}

static void every_preset(void)
{
    size_t i, n = thermoai_hardware_preset_count();
    int valid = 1, sourced = 1, statuses = 1, energy = 1, sparse_ok = 1;
    const char *required[] = { "v100-sxm2-16", "a100-40-sxm", "a100-80-sxm", "a100-40-pcie",
                               "a100-80-pcie", "h100-sxm", "h100-pcie", "h100-nvl", "h200",
                               "gh200", "b200", "gb200", "mi250x", "mi300x", "mi325x", "gaudi3",
                               "tpu-v5e", "tpu-v5p", "tpu-v6e", "l40s", "l4", "a10", "rtx-4090",
                               "rtx-4060-laptop", "apple-m4", "h100-sxm-measured" };

    tap_ok(n >= 26, "at least 26 presets (%zu)", n);
    for (i = 0; i < n; i++) {
        thermoai_hardware h;
        const char *name = NULL, *source = NULL, *st = NULL, *asof = NULL;

        if (thermoai_hardware_init(&h, sizeof h) != THERMOAI_OK
            || thermoai_hardware_preset_info(i, &name, &source, &h) != THERMOAI_OK
            || thermoai_hardware_check(&h) != THERMOAI_OK)
            valid = 0;
        if (source == NULL || strlen(source) < 40)
            sourced = 0;
        if (thermoai_hardware_preset_status(i, &st, &asof) != THERMOAI_OK || st == NULL
            || (strcmp(st, "verified") && strcmp(st, "secondary") && strcmp(st, "unverified")
                && strcmp(st, "measured"))
            || asof == NULL || strlen(asof) < 4)
            statuses = 0;
        /* a device with a board power has energies; one without (TPU) has none */
        if ((h.board_power_w > 0.0) != (h.j_per_byte > 0.0 && h.j_per_flop_bf16 > 0.0))
            energy = 0;
        /* sparse peaks, where printed, are twice the dense ones (not mixed in; L40S prints
         * 362.05 | 733, a ratio of 2.02) */
        if (h.sparse_bf16_flop_per_s > 0.0
            && fabs(h.sparse_bf16_flop_per_s / h.peak_bf16_flop_per_s - 2.0) > 0.03)
            sparse_ok = 0;
    }
    tap_ok(valid, "every preset is a valid profile");
    tap_ok(sourced, "every preset cites its source");
    tap_ok(statuses, "every preset has a status and an as-of date");
    tap_ok(energy, "energies exactly where a board power is published");
    tap_ok(sparse_ok, "sparse BF16 peaks are 2x dense, kept apart");
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        thermoai_hardware h;

        tap_ok(get(required[i], &h), "preset %s exists", required[i]);
    }
}

static void datasheet_values(void)
{
    thermoai_hardware h;

#define NEAR(x, y) (fabs((x) - (y)) <= 1e-12 * fabs(y))
    tap_ok(get("H100-SXM", &h) && NEAR(h.peak_bf16_flop_per_s, 989.4e12)
               && NEAR(h.sparse_bf16_flop_per_s, 1979e12) && NEAR(h.memory_bw_bytes_per_s, 3.35e12)
               && h.board_power_w == 700.0 && NEAR(h.memory_usable_bytes, 80e9),
           "h100-sxm: 989.4 dense / 1979 sparse TFLOP/s, 3.35 TB/s, 700 W (case-insensitive)");
    tap_ok(get("b200", &h) && NEAR(h.memory_usable_bytes, 180e9)
               && NEAR(h.memory_physical_bytes, 192e9) && NEAR(h.memory_bw_bytes_per_s, 7.7e12)
               && NEAR(h.peak_fp4_flop_per_s, 9000e12),
           "b200: 180 GB usable of 192, 7.7 TB/s per GPU, FP4 9 PFLOP/s dense");
    tap_ok(get("mi300x", &h) && NEAR(h.peak_bf16_flop_per_s, 1307.4e12)
               && NEAR(h.sparse_bf16_flop_per_s, 2614.9e12),
           "mi300x: BF16 dense 1307.4 (the sparse 2614.9 is not mixed in)");
    tap_ok(get("tpu-v5e", &h) && NEAR(h.peak_int8_op_per_s, 393e12) && h.board_power_w == 0.0
               && h.j_per_byte == 0.0,
           "tpu-v5e: INT8 393 (not 394), no published power, no energies");
    tap_ok(get("rtx-4090", &h) && NEAR(h.peak_bf16_flop_per_s, 165.2e12) && h.accumulate_bits == 32,
           "rtx-4090: 165.2 with FP32 accumulate");
    tap_ok(get("a100", &h) && NEAR(h.memory_bw_bytes_per_s, 2.039e12), "alias a100 is the 80 GB SXM");
}

static void measured(void)
{
    thermoai_hardware h;

    tap_ok(get("h100-sxm-measured", &h), "h100-sxm-measured");
    /* the library's NNLS against the exact rational solution of tests/ref/calibrate_ref.py */
    tap_rel(h.idle_power_w, ref("idle_power_w"), 1e-9, "measured idle power");
    tap_rel(h.j_per_flop_bf16, ref("j_per_flop_bf16"), 1e-9, "measured energy per BF16 FLOP above idle");
    tap_rel(h.j_per_flop_fp32, ref("j_per_flop_fp32"), 1e-9, "measured energy per FP32 FLOP above idle");
    tap_rel(h.j_per_byte, ref("j_per_byte"), 1e-9, "measured energy per byte above idle");
    tap_rel(h.bandwidth_efficiency, ref("bandwidth_efficiency"), 1e-12, "achieved bandwidth fraction");
    tap_rel(h.compute_efficiency, ref("compute_efficiency"), 1e-12, "achieved BF16 fraction");
    tap_ok(h.idle_origin == THERMOAI_HARDWARE_ORIGIN_MEASURED
               && h.byte_energy_origin == THERMOAI_HARDWARE_ORIGIN_MEASURED
               && h.efficiency_origin == THERMOAI_HARDWARE_ORIGIN_MEASURED
               && h.flop_energy_measured
                      == ((1u << THERMOAI_HARDWARE_BF16) | (1u << THERMOAI_HARDWARE_FP32))
               && h.flop_energy_origin == THERMOAI_HARDWARE_ORIGIN_DATASHEET,
           "origins: idle, bytes, BF16, FP32 and efficiencies measured; FP8 etc. derived");
    tap_ok(h.j_per_flop_fp8 > 0.0 && h.j_per_flop_fp8 < h.j_per_flop_bf16,
           "the derived FP8 energy is below the BF16 one");
}

static void bad_input(void)
{
    thermoai_hardware h;
    const char *name = "x", *source = "x", *st = "x", *asof = "x";
    size_t n = thermoai_hardware_preset_count();

    tap_ok(thermoai_hardware_init(&h, sizeof h) == THERMOAI_OK, "init");
    tap_ok(thermoai_hardware_preset_find("h100-sx", &h) == THERMOAI_E_NOT_FOUND, "prefix is not a match");
    tap_ok(thermoai_hardware_preset_find("no-such-gpu", &h) == THERMOAI_E_NOT_FOUND, "unknown name");
    tap_ok(thermoai_hardware_preset_find(NULL, &h) == THERMOAI_E_NULL, "NULL name");
    tap_ok(thermoai_hardware_preset_find("h100-sxm", NULL) == THERMOAI_E_NULL, "NULL profile");
    h.struct_size = 16;
    tap_ok(thermoai_hardware_preset_find("h100-sxm", &h) == THERMOAI_E_SIZE, "small struct_size");
    tap_ok(thermoai_hardware_preset_info(n, &name, &source, NULL) == THERMOAI_E_NOT_FOUND
               && name == NULL && source == NULL,
           "index past the end");
    tap_ok(thermoai_hardware_preset_status(n, &st, &asof) == THERMOAI_E_NOT_FOUND && st == NULL
               && asof == NULL,
           "status past the end");
    tap_ok(thermoai_hardware_preset_info(0, NULL, NULL, NULL) == THERMOAI_OK
               && thermoai_hardware_preset_status(0, NULL, NULL) == THERMOAI_OK,
           "all outputs optional");
}

int main(void)
{
    every_preset();
    datasheet_values();
    measured();
    bad_input();
    return tap_done();
}
