/* SPDX-License-Identifier: MIT */
/* Option groups of the cost commands: a hardware preset (or a custom profile) with
 * overrides, the serving stack, and the work of a step (batch, context, precisions). */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "commands.h"

#define H(field) offsetof(struct cli_hardware_opts, field)

static const struct cli_option hardware_options[] = {
    { .name = "--hardware", .type = CLI_STRING, .offset = H(hardware), .meta = "NAME",
      .flags = CLI_REQUIRED,
      .help = "accelerator preset (see 'thermoai presets hardware'), or 'custom'" },
    { .name = "--peak-flop-per-s", .type = CLI_DOUBLE, .offset = H(peak_flop_per_s), .meta = "F",
      .unit = "FLOP/s", .domain = CLI_NONNEGATIVE,
      .help = "override: dense peak of the compute precision (0: the preset's)" },
    { .name = "--memory-bw-bytes-per-s", .type = CLI_DOUBLE, .offset = H(memory_bw_bytes_per_s),
      .meta = "B", .unit = "bytes/s", .domain = CLI_NONNEGATIVE,
      .help = "override: memory bandwidth (0: the preset's)" },
    { .name = "--memory-bytes", .type = CLI_DOUBLE, .offset = H(memory_bytes), .meta = "M",
      .unit = "bytes", .domain = CLI_NONNEGATIVE, .help = "override: usable memory (0: the preset's)" },
    { .name = "--board-power-w", .type = CLI_DOUBLE, .offset = H(board_power_w), .meta = "P",
      .unit = "W", .domain = CLI_NONNEGATIVE,
      .help = "override: board power limit; datasheet-derived energies follow it (0: the preset's)" },
    { .name = "--idle-power-w", .type = CLI_DOUBLE, .offset = H(idle_power_w), .meta = "P",
      .unit = "W", .domain = CLI_NONNEGATIVE, .help = "override: idle power (0: the preset's)" },
    { .name = "--j-per-flop", .type = CLI_DOUBLE, .offset = H(j_per_flop), .meta = "E", .unit = "J",
      .domain = CLI_NONNEGATIVE,
      .help = "override: energy per FLOP above idle, compute precision (0: the preset's)" },
    { .name = "--j-per-byte", .type = CLI_DOUBLE, .offset = H(j_per_byte), .meta = "E", .unit = "J",
      .domain = CLI_NONNEGATIVE,
      .help = "override: energy per byte of memory traffic above idle (0: the preset's)" },
    { .name = "--compute-efficiency", .type = CLI_DOUBLE, .offset = H(compute_efficiency),
      .meta = "U", .domain = CLI_UNIT,
      .help = "override: achieved fraction of the peak FLOP/s (0: the preset's)" },
    { .name = "--bandwidth-efficiency", .type = CLI_DOUBLE, .offset = H(bandwidth_efficiency),
      .meta = "U", .domain = CLI_UNIT,
      .help = "override: achieved fraction of the bandwidth (0: the preset's)" },
};
const struct cli_group cli_hardware_group = { hardware_options,
                                             sizeof hardware_options / sizeof hardware_options[0] };

/* --peak-flop-per-s and --j-per-flop apply to the fields of the compute precision. */
int cli_hardware_load(struct cli_ctx *ctx, const struct cli_hardware_opts *o, uint32_t precision,
                      thermoai_hardware *hw)
{
    int status, datasheet_changed;
    double *peaks[8], *energies[8];

    if ((status = thermoai_hardware_init(hw, sizeof *hw)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_hardware_init", status);
    if (strcmp(o->hardware, "custom") == 0) {
        if (o->peak_flop_per_s == 0.0 || o->memory_bw_bytes_per_s == 0.0)
            return cli_value_error(ctx, "--hardware custom needs --peak-flop-per-s and "
                                        "--memory-bw-bytes-per-s");
        if (o->board_power_w == 0.0 && (o->j_per_flop == 0.0 || o->j_per_byte == 0.0))
            return cli_value_error(ctx, "--hardware custom needs --board-power-w, or "
                                        "--j-per-flop and --j-per-byte");
    } else {
        status = thermoai_hardware_preset_find(o->hardware, hw);
        if (status == THERMOAI_E_NOT_FOUND)
            return cli_usage_error(ctx, "unknown hardware '%s' (see 'thermoai presets hardware')",
                                   o->hardware);
        if (status != THERMOAI_OK)
            return cli_library_error(ctx, "thermoai_hardware_preset_find", status);
    }
    peaks[0] = &hw->peak_fp64_flop_per_s;
    peaks[1] = &hw->peak_fp32_flop_per_s;
    peaks[2] = &hw->peak_tf32_flop_per_s;
    peaks[3] = &hw->peak_bf16_flop_per_s;
    peaks[4] = &hw->peak_fp8_flop_per_s;
    peaks[5] = &hw->peak_int8_op_per_s;
    peaks[6] = &hw->peak_fp4_flop_per_s;
    peaks[7] = &hw->peak_int4_op_per_s;
    energies[0] = &hw->j_per_flop_fp64;
    energies[1] = &hw->j_per_flop_fp32;
    energies[2] = &hw->j_per_flop_tf32;
    energies[3] = &hw->j_per_flop_bf16;
    energies[4] = &hw->j_per_flop_fp8;
    energies[5] = &hw->j_per_op_int8;
    energies[6] = &hw->j_per_flop_fp4;
    energies[7] = &hw->j_per_op_int4;
    if (precision >= 8)
        precision = THERMOAI_HARDWARE_BF16;
    datasheet_changed = o->peak_flop_per_s != 0.0 || o->memory_bw_bytes_per_s != 0.0
                        || o->board_power_w != 0.0;
    if (o->peak_flop_per_s != 0.0)
        *peaks[precision] = o->peak_flop_per_s;
    if (o->memory_bw_bytes_per_s != 0.0)
        hw->memory_bw_bytes_per_s = o->memory_bw_bytes_per_s;
    if (o->memory_bytes != 0.0)
        hw->memory_usable_bytes = o->memory_bytes;
    if (o->board_power_w != 0.0)
        hw->board_power_w = o->board_power_w;
    if (datasheet_changed) {
        /* values derived from the old datasheet figures no longer apply */
        if (hw->idle_origin == THERMOAI_HARDWARE_ORIGIN_ASSUMED)
            hw->idle_power_w = 0.0;
        if (hw->byte_energy_origin == THERMOAI_HARDWARE_ORIGIN_DATASHEET)
            hw->j_per_byte = 0.0;
        if (hw->flop_energy_origin == THERMOAI_HARDWARE_ORIGIN_DATASHEET) {
            unsigned p;

            for (p = 0; p < 8; p++)
                if (!(hw->flop_energy_measured & (1u << p)))
                    *energies[p] = 0.0;
        }
    }
    if (o->idle_power_w != 0.0) {
        hw->idle_power_w = o->idle_power_w;
        hw->idle_origin = THERMOAI_HARDWARE_ORIGIN_ASSUMED;
    }
    if (o->j_per_flop != 0.0) {
        *energies[precision] = o->j_per_flop;
        hw->flop_energy_measured &= ~(1u << precision);
    }
    if (o->j_per_byte != 0.0) {
        hw->j_per_byte = o->j_per_byte;
        hw->byte_energy_origin = THERMOAI_HARDWARE_ORIGIN_ASSUMED;
    }
    if (o->compute_efficiency != 0.0 || o->bandwidth_efficiency != 0.0) {
        if (o->compute_efficiency != 0.0)
            hw->compute_efficiency = o->compute_efficiency;
        if (o->bandwidth_efficiency != 0.0)
            hw->bandwidth_efficiency = o->bandwidth_efficiency;
        hw->efficiency_origin = THERMOAI_HARDWARE_ORIGIN_ASSUMED;
    }
    if (hw->board_power_w > 0.0 && (status = thermoai_hardware_derive_energy(hw)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_hardware_derive_energy", status);
    if ((status = thermoai_hardware_check(hw)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_hardware_check", status);
    return 0;
}

static const char *origin_name(uint32_t o)
{
    static const char *const names[] = { "unset", "datasheet", "measured", "assumed" };

    return o < 4 ? names[o] : "unknown";
}

void cli_emit_hardware(struct cli_ctx *ctx, const thermoai_hardware *h)
{
    if (ctx->format == CLI_TEXT)
        return;
    emit_begin(&ctx->emit, "hardware_profile");
    emit_double(&ctx->emit, "peak_bf16_flop_per_s", h->peak_bf16_flop_per_s);
    emit_double(&ctx->emit, "memory_bw_bytes_per_s", h->memory_bw_bytes_per_s);
    emit_double(&ctx->emit, "board_power_w", h->board_power_w);
    emit_double(&ctx->emit, "idle_power_w", h->idle_power_w);
    emit_double(&ctx->emit, "j_per_flop_bf16", h->j_per_flop_bf16);
    emit_double(&ctx->emit, "j_per_byte", h->j_per_byte);
    emit_double(&ctx->emit, "compute_efficiency", h->compute_efficiency);
    emit_double(&ctx->emit, "bandwidth_efficiency", h->bandwidth_efficiency);
    emit_string(&ctx->emit, "idle_origin", origin_name(h->idle_origin));
    emit_string(&ctx->emit, "byte_energy_origin", origin_name(h->byte_energy_origin));
    emit_string(&ctx->emit, "flop_energy_origin",
                (h->flop_energy_measured & (1u << THERMOAI_HARDWARE_BF16))
                    ? "measured" : origin_name(h->flop_energy_origin));
    emit_end(&ctx->emit);
}

#define S(field) offsetof(struct cli_serving_opts, field)

static const struct cli_option serving_options[] = {
    { .name = "--serving", .type = CLI_STRING, .offset = S(serving), .meta = "STACK",
      .def = "cuda-graphs",
      .help = "serving stack: ideal, cuda-graphs or hf-eager (see 'thermoai presets serving')" },
    { .name = "--device-s-per-layer", .type = CLI_DOUBLE, .offset = S(device_s_per_layer),
      .meta = "T", .unit = "s", .def = "-1",
      .help = "override: fixed device time per layer and step (-1: the stack's)" },
    { .name = "--host-s-per-layer", .type = CLI_DOUBLE, .offset = S(host_s_per_layer), .meta = "T",
      .unit = "s", .def = "-1", .help = "override: host time per layer and step (-1: the stack's)" },
    { .name = "--overhead-power-w", .type = CLI_DOUBLE, .offset = S(overhead_power_w), .meta = "P",
      .unit = "W", .def = "-1",
      .help = "override: power above idle during overheads (-1: the stack's)" },
    { .name = "--kv-rewrites", .type = CLI_DOUBLE, .offset = S(kv_rewrites), .meta = "R",
      .def = "-1", .help = "override: whole-KV-cache copies per step (-1: the stack's)" },
    { .name = "--no-power-cap", .type = CLI_FLAG, .offset = S(no_power_cap),
      .help = "do not stretch steps to the board power limit" },
};
const struct cli_group cli_serving_group = { serving_options,
                                            sizeof serving_options / sizeof serving_options[0] };

static int override_nonneg(struct cli_ctx *ctx, const char *name, const char *unit, double v,
                           double *field)
{
    if (v == -1.0)
        return 0;
    if (!(v >= 0.0))
        return cli_value_error(ctx, "%s must be >= 0%s%s%s (or -1 for the stack's), got %g", name,
                               unit ? " (" : "", unit ? unit : "", unit ? ")" : "", v);
    *field = v;
    return 0;
}

int cli_serving_load(struct cli_ctx *ctx, const struct cli_serving_opts *o,
                     thermoai_cost_serving *s)
{
    int status, rc;

    if ((status = thermoai_cost_serving_init(s, sizeof *s)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_cost_serving_init", status);
    status = thermoai_cost_serving_preset(o->serving, s);
    if (status == THERMOAI_E_NOT_FOUND)
        return cli_usage_error(ctx, "unknown serving stack '%s' (see 'thermoai presets serving')",
                               o->serving);
    if (status != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_cost_serving_preset", status);
    if ((rc = override_nonneg(ctx, "--device-s-per-layer", "s", o->device_s_per_layer,
                              &s->device_s_per_layer)) != 0
        || (rc = override_nonneg(ctx, "--host-s-per-layer", "s", o->host_s_per_layer,
                                 &s->host_s_per_layer)) != 0
        || (rc = override_nonneg(ctx, "--overhead-power-w", "W", o->overhead_power_w,
                                 &s->overhead_power_w)) != 0
        || (rc = override_nonneg(ctx, "--kv-rewrites", NULL, o->kv_rewrites,
                                 &s->kv_rewrites_per_step)) != 0)
        return rc;
    if (o->no_power_cap)
        s->flags |= THERMOAI_COST_NO_POWER_CAP;
    return 0;
}

static const struct cli_choice compute_choices[] = {
    { "bf16", THERMOAI_HARDWARE_BF16, "BF16/FP16 tensor math" },
    { "fp8", THERMOAI_HARDWARE_FP8, "FP8 tensor math" },
    { "int8", THERMOAI_HARDWARE_INT8, "INT8 tensor math" },
    { "fp4", THERMOAI_HARDWARE_FP4, "FP4 tensor math" },
    { "tf32", THERMOAI_HARDWARE_TF32, "TF32 tensor math" },
    { "fp32", THERMOAI_HARDWARE_FP32, "FP32 vector math" },
};

#define W(field) offsetof(struct cli_work_opts, field)

static const struct cli_option work_options[] = {
    { .name = "--batch", .type = CLI_COUNT, .offset = W(batch), .meta = "B", .def = "1",
      .help = "sequences processed together" },
    { .name = "--context", .type = CLI_COUNT, .offset = W(context), .meta = "C", .def = "0",
      .help = "tokens already in each sequence's KV cache" },
    { .name = "--weight-bits", .type = CLI_DOUBLE, .offset = W(weight_bits), .meta = "B",
      .unit = "bits", .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "bits per stored weight (0: the model's precision)" },
    { .name = "--kv-bits", .type = CLI_DOUBLE, .offset = W(kv_bits), .meta = "B", .unit = "bits",
      .domain = CLI_NONNEGATIVE, .def = "0", .help = "bits per KV-cache value (0: the model's)" },
    { .name = "--activation-bits", .type = CLI_DOUBLE, .offset = W(activation_bits), .meta = "B",
      .unit = "bits", .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "bits per activation value (0: the model's)" },
    { .name = "--compute", .type = CLI_ENUM, .offset = W(compute), .meta = "PRECISION",
      .def = "bf16", .help = "precision of the arithmetic", .choices = compute_choices,
      .n_choices = sizeof compute_choices / sizeof compute_choices[0] },
    { .name = "--full-attention", .type = CLI_FLAG, .offset = W(full_attention),
      .help = "prefill: count the whole attention square (no causal halving)" },
    { .name = "--all-logits", .type = CLI_FLAG, .offset = W(all_logits),
      .help = "prefill: logits for every prompt token, not only the last" },
};
const struct cli_group cli_work_group = { work_options, sizeof work_options / sizeof work_options[0] };

int cli_work_load(struct cli_ctx *ctx, const struct cli_work_opts *o, thermoai_work_params *p)
{
    int status;

    if ((status = thermoai_work_params_init(p, sizeof *p)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_work_params_init", status);
    if (o->batch == 0)
        return cli_value_error(ctx, "--batch must be >= 1, got 0");
    p->batch = o->batch;
    p->context = o->context;
    p->weight_bits = o->weight_bits;
    p->kv_bits = o->kv_bits;
    p->activation_bits = o->activation_bits;
    p->compute_precision = o->compute;
    if (o->full_attention)
        p->flags |= THERMOAI_WORK_FULL_ATTENTION;
    if (o->all_logits)
        p->flags |= THERMOAI_WORK_ALL_LOGITS;
    return 0;
}

const char *cli_bound_name(uint32_t bound)
{
    switch (bound) {
    case THERMOAI_COST_BOUND_MEMORY: return "memory";
    case THERMOAI_COST_BOUND_COMPUTE: return "compute";
    case THERMOAI_COST_BOUND_HOST: return "host";
    case THERMOAI_COST_BOUND_POWER: return "power";
    default: return "none";
    }
}

int cli_step_load(struct cli_ctx *ctx, const struct cli_model_opts *model,
                  const struct cli_hardware_opts *hw, const struct cli_serving_opts *serving,
                  const struct cli_work_opts *work, thermoai_model_arch *a, thermoai_hardware *h,
                  thermoai_cost_serving *s, thermoai_work_params *p)
{
    int rc;

    if ((rc = cli_model_load(ctx, model, a)) != 0 || (rc = cli_work_load(ctx, work, p)) != 0
        || (rc = cli_hardware_load(ctx, hw, work->compute, h)) != 0
        || (rc = cli_serving_load(ctx, serving, s)) != 0)
        return rc;
    return 0;
}
