/* SPDX-License-Identifier: MIT */
/* Hardware presets: datasheet rows with their sources; the measured H100 is fitted here. */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "common/internal.h"
#include "cost_internal.h"
#include "h100_microbench.h"

/* TFLOP/s, GB, TB/s, GB/s as printed; converted to SI when a profile is filled. */
struct hw_preset {
    const char *name, *alias, *source, *status, *as_of;
    double fp64, fp32, tf32, bf16, fp8, int8, fp4, int4; /* dense, TFLOP/s (TOP/s) */
    double s_bf16, s_fp8, s_int8, s_fp4;                 /* 2:4 sparse */
    double mem_gb, mem_phys_gb, bw_tb_s, board_w, idle_w, link_gb_s;
};

#define NONE 0, 0, 0, 0

/* Values from hardware_notes.md / hardware.tsv of the research pass (2025), each
 * checked against the source cited in the row; dense = half the printed "with
 * sparsity" figure where the vendor prints only that. */
static const struct hw_preset presets[] = {
    { "v100-sxm2-16", "v100",
      "NVIDIA Tesla V100 datasheet, SXM2 column (https://www.nvidia.com/en-us/data-center/v100/); "
      "125 TFLOP/s = FP16 tensor math with FP32 accumulate (no BF16, TF32 or sparsity on Volta); "
      "Patterson et al. 2021 footnote 12 uses the same peak",
      "secondary", "2018-2020", 7.8, 15.7, 0, 125, 0, 0, 0, 0, NONE, 16, 16, 0.900, 300, 0, 300 },
    { "v100-sxm2-32", NULL, "NVIDIA Tesla V100 datasheet, SXM2 32GB column (as v100-sxm2-16)",
      "secondary", "2018-2020", 7.8, 15.7, 0, 125, 0, 0, 0, 0, NONE, 32, 32, 0.900, 300, 0, 300 },
    { "a100-40-sxm", NULL,
      "NVIDIA A100 datasheet nvidia-a100-datasheet-us-nvidia-1758950-r4 "
      "(https://www.nvidia.com/en-us/data-center/a100/), dense|sparse pairs as printed",
      "secondary", "2021", 9.7, 19.5, 156, 312, 0, 624, 0, 1248, 624, 0, 1248, 0, 40, 40, 1.555, 400,
      0, 600 },
    { "a100-80-sxm", "a100",
      "NVIDIA A100 datasheet nvidia-a100-datasheet-us-nvidia-1758950-r4, A100 80GB SXM column",
      "secondary", "2021", 9.7, 19.5, 156, 312, 0, 624, 0, 1248, 624, 0, 1248, 0, 80, 80, 2.039, 400,
      0, 600 },
    { "a100-40-pcie", NULL,
      "NVIDIA A100 datasheet (earlier revision with the 40GB PCIe card: 1555 GB/s, 250 W)",
      "secondary", "2020-2021", 9.7, 19.5, 156, 312, 0, 624, 0, 1248, 624, 0, 1248, 0, 40, 40, 1.555,
      250, 0, 600 },
    { "a100-80-pcie", NULL,
      "NVIDIA A100 datasheet nvidia-a100-datasheet-us-nvidia-1758950-r4, A100 80GB PCIe column",
      "secondary", "2021", 9.7, 19.5, 156, 312, 0, 624, 0, 1248, 624, 0, 1248, 0, 80, 80, 1.935, 300,
      0, 600 },
    { "h100-sxm", "h100",
      "NVIDIA H100 Tensor Core GPU datasheet, H100 SXM column "
      "(https://www.nvidia.com/en-us/data-center/h100/), via transcriptions of the table; "
      "printed peaks are with sparsity, dense = half (989.4 as tabulated); TDP up to 700 W",
      "secondary", "2022-2025", 34, 67, 494.7, 989.4, 1978.9, 1978.9, 0, 0, 1979, 3958, 3958, 0, 80,
      80, 3.35, 700, 0, 900 },
    { "h100-sxm-measured", NULL,
      "h100-sxm datasheet row with idle power, energy per BF16 and FP32 FLOP and per byte above "
      "idle, achieved bandwidth and BF16 rate fitted by thermoai_calibrate_energy() to "
      "data/h100_microbench.json (NVIDIA H100 80GB HBM3 SXM, driver 580.159.04, 700 W limit, "
      "NVML energy counter, whole board); other precisions derived from the fit",
      "measured", "2026-11-22", 34, 67, 494.7, 989.4, 1978.9, 1978.9, 0, 0, 1979, 3958, 3958, 0,
      80, 80, 3.35, 700, 0, 900 },
    { "h100-pcie", NULL,
      "NVIDIA H100 PCIe product brief PB-11133-001_v02 and the H100 spec table (sparse figures "
      "halved); TDP 350 W (300-350 W configurable), bandwidth '>2,000 GB/s'",
      "secondary", "2022-11", 26, 51, 378, 756.5, 1513, 1513, 0, 0, 1513, 3026, 3026, 0, 80, 80, 2.0,
      350, 0, 600 },
    { "h100-nvl", NULL,
      "NVIDIA H100 datasheet, H100 NVL column (PNY-hosted copy): per card, 94 GB HBM3, 3.9 TB/s, "
      "350-400 W configurable",
      "secondary", "2023", 30, 60, 417.5, 835.5, 1670.5, 1670.5, 0, 0, 1671, 3341, 3341, 0, 94, 94,
      3.9, 400, 0, 600 },
    { "h200", "h200-sxm",
      "NVIDIA H200 product page spec table, H200 SXM column "
      "(https://www.nvidia.com/en-us/data-center/h200/): compute as H100 SXM, 141 GB HBM3e, "
      "4.8 TB/s, up to 700 W",
      "secondary", "2024", 34, 67, 494.7, 989.4, 1978.9, 1978.9, 0, 0, 1979, 3958, 3958, 0, 141, 141,
      4.8, 700, 0, 900 },
    { "h200-nvl", NULL,
      "NVIDIA H200 product page spec table, H200 NVL column: compute as H100 NVL, up to 600 W",
      "secondary", "2024", 30, 60, 417.5, 835.5, 1670.5, 1670.5, 0, 0, 1671, 3341, 3341, 0, 141, 141,
      4.8, 600, 0, 900 },
    { "gh200", NULL,
      "NVIDIA GH200 Grace Hopper Superchip product page/brief (secondary transcriptions): GPU "
      "compute as H100 SXM, 96 GB HBM3 at 4.0 TB/s variant (144 GB HBM3e at 4.9 TB/s also "
      "sold); the 1000 W is the configurable power of the whole module (Grace CPU, LPDDR5X and "
      "GPU), and NVML reports module power",
      "secondary", "2023-2024", 34, 67, 494.7, 989.4, 1978.9, 1978.9, 0, 0, 1979, 3958, 3958, 0, 96,
      96, 4.0, 1000, 0, 900 },
    { "b200", NULL,
      "NVIDIA HGX platform page, per-GPU B200 table (https://www.nvidia.com/en-us/data-center/hgx/), "
      "sparse figures halved; 180 GB usable (192 GB physical is not printed by NVIDIA); 7.7 TB/s "
      "per GPU (DGX B200 material gives 64 TB/s for 8, i.e. 8.0); up to 1000 W",
      "secondary", "2024-2025", 37, 75, 1100, 2250, 4500, 4500, 9000, 0, 4500, 9000, 9000, 18000,
      180, 192, 7.7, 1000, 0, 1800 },
    { "gb200", NULL,
      "NVIDIA GB200 NVL72 spec table, per GPU (https://www.nvidia.com/en-us/data-center/gb200-nvl72/): "
      "186 GB HBM3E, 8 TB/s, configurable up to 1200 W per GPU",
      "secondary", "2024-2025", 40, 80, 1250, 2500, 5000, 5000, 10000, 0, 5000, 10000, 10000, 20000,
      186, 192, 8.0, 1200, 0, 1800 },
    { "b300", NULL,
      "NVIDIA HGX B300 per-GPU spec table (transcription): FP4 14 PF dense / 18 PF sparse; "
      "BF16/FP8 taken as printed-with-sparsity and halved (an assumption); INT8 left out (its "
      "dense/sparse status is unclear); 270 GB usable, 288 GB physical; up to 1100 W",
      "secondary", "2025", 1.2, 75, 1100, 2250, 4500, 0, 14000, 0, 4500, 9000, 0, 18000, 270, 288,
      7.7, 1100, 0, 1800 },
    { "mi250x", NULL,
      "AMD Instinct MI250X specifications "
      "(https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html, secondary "
      "reproductions): FP16/BF16 383, INT8 383, vector FP64/FP32 47.9, 3.2 TB/s, 560 W peak TBP; "
      "no TF32, FP8 or sparsity on CDNA2",
      "secondary", "2021-11", 47.9, 47.9, 0, 383, 0, 383, 0, 0, NONE, 128, 128, 3.2, 560, 0, 0 },
    { "mi250", NULL,
      "AMD ROCm documentation, 'AMD Instinct MI250 microarchitecture' peak table "
      "(https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi250.html); 500 W TBP secondary",
      "verified", "ROCm docs (undated)", 45.3, 45.3, 0, 362.1, 0, 362.1, 0, 0, NONE, 128, 128, 3.2,
      500, 0, 0 },
    { "mi300x", NULL,
      "AMD ROCm documentation, 'AMD Instinct MI300 series microarchitecture' peak table "
      "(https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi300.html): dense BF16 1307.4, "
      "FP8 2614.9 (several third-party sites print the sparse 2614.9 as BF16); 5.3 TB/s; "
      "750 W and 192 GB from AMD product pages (secondary); sparse = 2 x dense",
      "verified", "ROCm docs (undated)", 81.7, 163.4, 653.7, 1307.4, 2614.9, 2614.9, 0, 0, 2614.9,
      5229.8, 5229.8, 0, 192, 192, 5.3, 750, 0, 0 },
    { "mi325x", NULL,
      "AMD Instinct MI325X product page "
      "(https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html, secondary "
      "reproduction): CDNA3 compute as MI300X, 256 GB HBM3E, 6 TB/s, 1000 W TBP; INT8 and FP64 "
      "not confirmed (left out)",
      "secondary", "2024-10", 0, 163.4, 653.7, 1307.4, 2614.9, 0, 0, 0, 2614.9, 5229.8, 0, 0, 256,
      256, 6.0, 1000, 0, 0 },
    { "gaudi3", "gaudi-3",
      "Intel, 'Intel Gaudi 3 AI Accelerator', Hot Chips 2024 slides (third-party host): MME BF16 "
      "and FP8 1835 TFLOP/s dense (no sparsity figure), 128 GB HBM2e at 3.67 TB/s, 900 W "
      "air-cooled OAM; 24 x 200 GbE",
      "secondary", "2024-08", 0, 0, 0, 1835, 1835, 0, 0, 0, NONE, 128, 128, 3.67, 900, 0, 1200 },
    { "tpu-v5e", NULL,
      "Google Cloud TPU documentation, 'TPU v5e' chip table (https://cloud.google.com/tpu/docs/v5e): "
      "197 TFLOP/s BF16, 393 TOP/s INT8, 16 GB HBM2e, 819 GBps (a newer page: 800 GiBps); chip "
      "power not published, so no energy parameters",
      "verified", "2024-2025", 0, 0, 0, 197, 0, 393, 0, 0, NONE, 16, 16, 0.819, 0, 0, 400 },
    { "tpu-v5p", NULL,
      "Google Cloud TPU documentation, 'TPU v5p' chip table (https://cloud.google.com/tpu/docs/v5p): "
      "459 TFLOP/s BF16 (FP8 the same, so not stored), INT8 918 (Google Cloud blog, secondary), "
      "95 GiB HBM2e = 102.0 GB, 2765 GBps; power not published",
      "verified", "2024-2025", 0, 0, 0, 459, 0, 918, 0, 0, NONE, 102.005473280, 102.005473280,
      2.765, 0, 0, 1200 },
    { "tpu-v6e", "trillium",
      "Google Cloud TPU documentation, 'TPU v6e' chip table (https://cloud.google.com/tpu/docs/v6e): "
      "918 TFLOP/s BF16, 1836 TOP/s INT8, 32 GB, 1640 GBps (a newer page: 1600); power not "
      "published",
      "verified", "2024-2025", 0, 0, 0, 918, 0, 1836, 0, 0, NONE, 32, 32, 1.64, 0, 0, 800 },
    { "l40s", NULL,
      "NVIDIA L40S datasheet (https://www.nvidia.com/en-us/data-center/l40s/, reseller "
      "reproductions): dense|sparse BF16 362.05|733, FP8 733|1466, TF32 183, FP32 91.6; 48 GB "
      "GDDR6, 864 GB/s, 350 W",
      "secondary", "2023", 0, 91.6, 183, 362.05, 733, 733, 0, 0, 733, 1466, 1466, 0, 48, 48, 0.864,
      350, 0, 64 },
    { "l4", NULL,
      "NVIDIA L4 Tensor Core GPU datasheet (Cisco-hosted copy): only sparse tensor figures are "
      "printed (BF16 242*, FP8 485*), dense = half; 24 GB GDDR6, 300 GB/s, 72 W",
      "secondary", "2023", 0, 30.3, 60, 121, 242.5, 242.5, 0, 0, 242, 485, 485, 0, 24, 24, 0.300, 72,
      0, 64 },
    { "a10", NULL,
      "NVIDIA A10 Tensor Core GPU datasheet (transcription): BF16 125 (250 sparse), INT8 250, "
      "INT4 500, FP32 31.2; 24 GB GDDR6, 600 GB/s, 150 W",
      "secondary", "2021", 0, 31.2, 62.5, 125, 0, 250, 0, 500, 250, 0, 500, 0, 24, 24, 0.600, 150, 0,
      64 },
    { "rtx-4090", NULL,
      "NVIDIA Ada Lovelace GPU Architecture whitepaper v2.02, Appendix A (RTX 4090), via "
      "transcriptions: tensor peaks with FP32 accumulate (FP16 accumulate doubles them: "
      "BF16/FP16 330.3, FP8 660.6); INT4 1321.2 unverified; 24 GB GDDR6X, 1008 GB/s, 450 W TGP",
      "secondary", "2023", 0, 82.6, 0, 165.2, 330.3, 660.6, 0, 1321.2, 330.4, 660.6, 1321.2, 0, 24, 24,
      1.008, 450, 0, 0 },
    { "rtx-4060-laptop", "rtx-4060",
      "NVIDIA GeForce RTX 40 Series Laptops spec table ('233 AI TOPS' = INT8 sparse at 2370 MHz "
      "boost) plus notebookcheck: every tensor figure derived from that one number (FP32 "
      "accumulate; real laptops run lower clocks); 8 GB GDDR6, 256 GB/s; TGP 35-115 W chosen by "
      "the OEM, 115 W used",
      "unverified", "2023-01", 0, 14.56, 0, 29.1, 58.2, 116.5, 0, 0, 58.2, 116.5, 233, 0, 8, 8, 0.256,
      115, 0, 0 },
    { "apple-m4", "m4",
      "Apple Newsroom 2024-05-07 'Apple introduces M4 chip' (10-core GPU, 120 GB/s, Neural Engine "
      "'38 trillion operations per second', precision unstated, stored as INT8); GPU FP32 3.76 "
      "TFLOP/s is a third-party estimate (10 x 128 ALUs x 2 x 1.47 GHz) and FP16 is assumed to "
      "run at the FP32 rate; power is the Mac mini (2024) system at the wall: 65 W maximum, 4 W "
      "idle (Apple), so energies are system-scope",
      "unverified", "2024-05-07", 0, 3.76, 0, 3.76, 0, 38, 0, 0, NONE, 16, 16, 0.120, 65, 4, 0 },
};

#define N_PRESETS (sizeof presets / sizeof presets[0])
#define MEASURED_INDEX 7 /* h100-sxm-measured */

static const thermoai_calibrate_point h100_points[] = { THERMOAI__H100_MICROBENCH_POINTS };

static int same_name(const char *a, const char *b)
{
    if (b == NULL)
        return 0;
    for (; *a != '\0' && *b != '\0'; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* The datasheet row as a full-size profile (no energies yet). */
static void datasheet(const struct hw_preset *p, thermoai_hardware *h)
{
    memset(h, 0, sizeof *h);
    h->struct_size = (uint32_t)sizeof *h;
    h->accumulate_bits = 32;
    h->peak_fp64_flop_per_s = p->fp64 * 1e12;
    h->peak_fp32_flop_per_s = p->fp32 * 1e12;
    h->peak_tf32_flop_per_s = p->tf32 * 1e12;
    h->peak_bf16_flop_per_s = p->bf16 * 1e12;
    h->peak_fp8_flop_per_s = p->fp8 * 1e12;
    h->peak_int8_op_per_s = p->int8 * 1e12;
    h->peak_fp4_flop_per_s = p->fp4 * 1e12;
    h->peak_int4_op_per_s = p->int4 * 1e12;
    h->sparse_bf16_flop_per_s = p->s_bf16 * 1e12;
    h->sparse_fp8_flop_per_s = p->s_fp8 * 1e12;
    h->sparse_int8_op_per_s = p->s_int8 * 1e12;
    h->sparse_fp4_flop_per_s = p->s_fp4 * 1e12;
    h->memory_usable_bytes = p->mem_gb * 1e9;
    h->memory_physical_bytes = p->mem_phys_gb * 1e9;
    h->memory_bw_bytes_per_s = p->bw_tb_s * 1e12;
    h->board_power_w = p->board_w;
    h->idle_power_w = p->idle_w;
    if (p->idle_w > 0.0)
        h->idle_origin = THERMOAI_HARDWARE_ORIGIN_DATASHEET;
    h->interconnect_bw_bytes_per_s = p->link_gb_s * 1e9;
    h->compute_efficiency = 1.0;
    h->bandwidth_efficiency = 1.0;
}

int thermoai__hardware_h100_fitted(thermoai_hardware *h)
{
    datasheet(&presets[MEASURED_INDEX], h);
    return thermoai_calibrate_energy(h100_points, sizeof h100_points / sizeof h100_points[0], 0, h,
                                     NULL, NULL);
}

int thermoai__hardware_h100_measured(thermoai_hardware *h)
{
    THERMOAI__TRY(thermoai__hardware_h100_fitted(h));
    return thermoai_hardware_derive_energy(h);
}

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t hw_doubles[] = {
    offsetof(thermoai_hardware, peak_fp64_flop_per_s),
    offsetof(thermoai_hardware, peak_fp32_flop_per_s),
    offsetof(thermoai_hardware, peak_tf32_flop_per_s),
    offsetof(thermoai_hardware, peak_bf16_flop_per_s),
    offsetof(thermoai_hardware, peak_fp8_flop_per_s),
    offsetof(thermoai_hardware, peak_int8_op_per_s),
    offsetof(thermoai_hardware, peak_fp4_flop_per_s),
    offsetof(thermoai_hardware, peak_int4_op_per_s),
    offsetof(thermoai_hardware, sparse_bf16_flop_per_s),
    offsetof(thermoai_hardware, sparse_fp8_flop_per_s),
    offsetof(thermoai_hardware, sparse_int8_op_per_s),
    offsetof(thermoai_hardware, sparse_fp4_flop_per_s),
    offsetof(thermoai_hardware, memory_usable_bytes),
    offsetof(thermoai_hardware, memory_physical_bytes),
    offsetof(thermoai_hardware, memory_bw_bytes_per_s),
    offsetof(thermoai_hardware, board_power_w),
    offsetof(thermoai_hardware, idle_power_w),
    offsetof(thermoai_hardware, j_per_flop_fp64),
    offsetof(thermoai_hardware, j_per_flop_fp32),
    offsetof(thermoai_hardware, j_per_flop_tf32),
    offsetof(thermoai_hardware, j_per_flop_bf16),
    offsetof(thermoai_hardware, j_per_flop_fp8),
    offsetof(thermoai_hardware, j_per_op_int8),
    offsetof(thermoai_hardware, j_per_flop_fp4),
    offsetof(thermoai_hardware, j_per_op_int4),
    offsetof(thermoai_hardware, j_per_byte),
    offsetof(thermoai_hardware, interconnect_bw_bytes_per_s),
    offsetof(thermoai_hardware, j_per_interconnect_byte),
    offsetof(thermoai_hardware, compute_efficiency),
    offsetof(thermoai_hardware, bandwidth_efficiency),
};
#define N_HW_DOUBLES (sizeof hw_doubles / sizeof hw_doubles[0])

/* NaN into the doubles of the caller's struct that its struct_size covers; returns status. */
static int poison(thermoai_hardware *hw, int status)
{
    thermoai__struct_nan(hw, sizeof *hw, hw_doubles, N_HW_DOUBLES);
    return status;
}

/* Writes preset i over the caller's struct, keeping its struct_size; on error its
 * doubles are NaN (doc/abi-policy.md). */
static int fill(size_t i, thermoai_hardware *hw)
{
    thermoai_hardware h;

    THERMOAI__TRY(thermoai__struct_out_check(hw, THERMOAI__SIZE_V0_HARDWARE, sizeof h, hw_doubles,
                                             N_HW_DOUBLES));
    if (i == MEASURED_INDEX) {
        if (thermoai__hardware_h100_measured(&h) != THERMOAI_OK)
            return poison(hw, THERMOAI_E_INTERNAL);
    } else {
        datasheet(&presets[i], &h);
        if (h.board_power_w > 0.0 && thermoai_hardware_derive_energy(&h) != THERMOAI_OK)
            return poison(hw, THERMOAI_E_INTERNAL);
    }
    return thermoai__struct_out(hw, THERMOAI__SIZE_V0_HARDWARE, &h, sizeof h);
}

int thermoai_hardware_preset_find(const char *name, thermoai_hardware *hw)
{
    size_t i;

    if (hw == NULL)
        return THERMOAI_E_NULL;
    if (name == NULL)
        return poison(hw, THERMOAI_E_NULL);
    for (i = 0; i < N_PRESETS; i++)
        if (same_name(name, presets[i].name) || same_name(name, presets[i].alias))
            return fill(i, hw);
    return poison(hw, THERMOAI_E_NOT_FOUND);
}

size_t thermoai_hardware_preset_count(void)
{
    return N_PRESETS;
}

int thermoai_hardware_preset_info(size_t index, const char **name, const char **source,
                                  thermoai_hardware *hw)
{
    if (name != NULL)
        *name = NULL;
    if (source != NULL)
        *source = NULL;
    if (index >= N_PRESETS)
        return THERMOAI_E_NOT_FOUND;
    if (hw != NULL)
        THERMOAI__TRY(fill(index, hw));
    if (name != NULL)
        *name = presets[index].name;
    if (source != NULL)
        *source = presets[index].source;
    return THERMOAI_OK;
}

int thermoai_hardware_preset_status(size_t index, const char **status, const char **as_of)
{
    if (status != NULL)
        *status = NULL;
    if (as_of != NULL)
        *as_of = NULL;
    if (index >= N_PRESETS)
        return THERMOAI_E_NOT_FOUND;
    if (status != NULL)
        *status = presets[index].status;
    if (as_of != NULL)
        *as_of = presets[index].as_of;
    return THERMOAI_OK;
}
