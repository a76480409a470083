/* SPDX-License-Identifier: MIT */
/* thermoai energy decode|prefill|request|train|ladder: the cost models of cost.h,
 * training.h and ladder.h on a model preset, a hardware preset and a serving stack. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

struct energy_opts {
    struct cli_model_opts model;
    struct cli_hardware_opts hw;
    struct cli_serving_opts serving;
    struct cli_work_opts work;
    uint64_t prompt_tokens, generated;
    double measured_j, temperature_k;
};

#define O(field) offsetof(struct energy_opts, field)
#define STEP_GROUPS CLI_STEP_GROUPS(O)

/* Loads model, hardware, serving stack and work parameters; 0 or an exit code. */
static int load(struct cli_ctx *ctx, const struct energy_opts *o, thermoai_model_arch *a,
                thermoai_hardware *h, thermoai_cost_serving *s, thermoai_work_params *p)
{
    return cli_step_load(ctx, &o->model, &o->hw, &o->serving, &o->work, a, h, s, p);
}

static int cost_error(struct cli_ctx *ctx, const char *call, int status, const thermoai_hardware *h)
{
    if (status == THERMOAI_E_UNSUPPORTED && h->j_per_byte == 0.0)
        return cli_value_error(ctx, "%s: the hardware has no energy parameters (its vendor "
                                    "publishes no power); give --board-power-w, or --j-per-flop "
                                    "and --j-per-byte", call);
    if (status == THERMOAI_E_UNSUPPORTED)
        return cli_value_error(ctx, "%s: the hardware has no peak or no energy per FLOP in the "
                                    "--compute precision", call);
    return cli_library_error(ctx, call, status);
}

static void emit_result(struct cli_ctx *ctx, const thermoai_cost_result *r)
{
    emit_double(&ctx->emit, "energy_per_token_j", r->energy_per_token_j);
    emit_double(&ctx->emit, "energy_j", r->energy_j);
    emit_double(&ctx->emit, "step_s", r->step_s);
    emit_double(&ctx->emit, "tokens_per_s", r->tokens_per_s);
    emit_double(&ctx->emit, "average_power_w", r->average_power_w);
    emit_string(&ctx->emit, "bound", cli_bound_name(r->bound));
    emit_double(&ctx->emit, "roofline_s", r->roofline_s);
    emit_double(&ctx->emit, "memory_s", r->memory_s);
    emit_double(&ctx->emit, "compute_s", r->compute_s);
    emit_double(&ctx->emit, "overhead_s", r->overhead_s);
    emit_double(&ctx->emit, "tokens", r->tokens);
    emit_double(&ctx->emit, "flop", r->flop);
    emit_double(&ctx->emit, "bytes", r->bytes);
    emit_begin(&ctx->emit, "breakdown");
    emit_double(&ctx->emit, "weights_j", r->weights_j);
    emit_double(&ctx->emit, "kv_j", r->kv_j);
    emit_double(&ctx->emit, "activations_j", r->activations_j);
    emit_double(&ctx->emit, "arithmetic_j", r->arithmetic_j);
    emit_double(&ctx->emit, "static_j", r->static_j);
    emit_double(&ctx->emit, "overhead_j", r->overhead_j);
    emit_end(&ctx->emit);
}

static void print_result(struct cli_ctx *ctx, const struct energy_opts *o, const char *what,
                         const thermoai_model_arch *a, const thermoai_hardware *h,
                         const thermoai_cost_result *r, const char *per)
{
    uint64_t params = 0;
    double e = r->energy_j;

    if (thermoai_model_params(a, &params) != THERMOAI_OK)
        params = 0;
    fprintf(ctx->out, "model          %s (%u layers, d_model %llu, %u/%u heads, %.4g parameters%s)\n",
            o->model.model, (unsigned)a->layers, (unsigned long long)a->d_model, (unsigned)a->heads,
            (unsigned)(a->kv_heads ? a->kv_heads : a->heads), (double)params,
            a->experts ? ", mixture of experts" : "");
    fprintf(ctx->out, "hardware       %s (%.4g TFLOP/s BF16, %.4g TB/s, %g W, idle %.3g W)\n",
            o->hw.hardware, h->peak_bf16_flop_per_s / 1e12, h->memory_bw_bytes_per_s / 1e12,
            h->board_power_w, h->idle_power_w);
    fprintf(ctx->out, "serving        %s\n", o->serving.serving);
    fprintf(ctx->out, "%-14s batch %llu, context %llu: %.4g ms, %s-bound\n", what,
            (unsigned long long)o->work.batch, (unsigned long long)o->work.context,
            1e3 * r->step_s, cli_bound_name(r->bound));
    fprintf(ctx->out, "energy         %.4g J per %s (%.4g J in all)\n", r->energy_per_token_j, per,
            r->energy_j);
    fprintf(ctx->out, "tokens/s       %.4g\n", r->tokens_per_s);
    fprintf(ctx->out, "average power  %.4g W\n", r->average_power_w);
    fprintf(ctx->out, "breakdown      weights %.3g J (%.1f %%), KV cache %.3g J (%.1f %%), "
                      "activations %.3g J (%.1f %%),\n"
                      "               arithmetic %.3g J (%.1f %%), idle power %.3g J (%.1f %%), "
                      "overheads %.3g J (%.1f %%)\n",
            r->weights_j, 100 * r->weights_j / e, r->kv_j, 100 * r->kv_j / e, r->activations_j,
            100 * r->activations_j / e, r->arithmetic_j, 100 * r->arithmetic_j / e, r->static_j,
            100 * r->static_j / e, r->overhead_j, 100 * r->overhead_j / e);
    fprintf(ctx->out, "time           roofline %.4g ms (memory %.4g, compute %.4g), overheads %.4g ms\n",
            1e3 * r->roofline_s, 1e3 * r->memory_s, 1e3 * r->compute_s, 1e3 * r->overhead_s);
}

static int finish_step(struct cli_ctx *ctx, const struct energy_opts *o, const char *what,
                       const char *per, const thermoai_model_arch *a, const thermoai_hardware *h,
                       const thermoai_cost_result *r)
{
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT) {
        print_result(ctx, o, what, a, h, r, per);
        return cli_out_end(ctx);
    }
    cli_emit_arch(ctx, a);
    cli_emit_hardware(ctx, h);
    emit_result(ctx, r);
    return cli_out_end(ctx);
}

static int run_decode(struct cli_ctx *ctx, void *opts)
{
    const struct energy_opts *o = (const struct energy_opts *)opts;
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_cost_serving s;
    thermoai_work_params p;
    thermoai_cost_result r;
    int rc, status;

    if ((rc = load(ctx, o, &a, &h, &s, &p)) != 0)
        return rc;
    if ((status = thermoai_cost_result_init(&r, sizeof r)) != THERMOAI_OK
        || (status = thermoai_cost_decode(&a, &p, &h, &s, &r)) != THERMOAI_OK)
        return cost_error(ctx, "thermoai_cost_decode", status, &h);
    return finish_step(ctx, o, "decode step", "generated token", &a, &h, &r);
}

static int run_prefill(struct cli_ctx *ctx, void *opts)
{
    const struct energy_opts *o = (const struct energy_opts *)opts;
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_cost_serving s;
    thermoai_work_params p;
    thermoai_cost_result r;
    int rc, status;

    if ((rc = load(ctx, o, &a, &h, &s, &p)) != 0)
        return rc;
    if (o->prompt_tokens == 0)
        return cli_value_error(ctx, "--prompt-tokens must be >= 1, got 0");
    p.tokens = o->prompt_tokens;
    if ((status = thermoai_cost_result_init(&r, sizeof r)) != THERMOAI_OK
        || (status = thermoai_cost_prefill(&a, &p, &h, &s, &r)) != THERMOAI_OK)
        return cost_error(ctx, "thermoai_cost_prefill", status, &h);
    return finish_step(ctx, o, "prefill", "prompt token", &a, &h, &r);
}

static int run_request(struct cli_ctx *ctx, void *opts)
{
    const struct energy_opts *o = (const struct energy_opts *)opts;
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_cost_serving s;
    thermoai_work_params p;
    thermoai_cost_result r;
    int rc, status;

    if ((rc = load(ctx, o, &a, &h, &s, &p)) != 0)
        return rc;
    if (o->prompt_tokens == 0)
        return cli_value_error(ctx, "--prompt-tokens must be >= 1, got 0");
    if (o->generated == 0 || o->generated > (1u << 24))
        return cli_value_error(ctx, "--generated must be in 1 .. 16777216, got %llu",
                               (unsigned long long)o->generated);
    p.tokens = o->prompt_tokens;
    if ((status = thermoai_cost_result_init(&r, sizeof r)) != THERMOAI_OK
        || (status = thermoai_cost_request(&a, &p, o->generated, &h, &s, &r)) != THERMOAI_OK)
        return cost_error(ctx, "thermoai_cost_request", status, &h);
    return finish_step(ctx, o, "request", "generated token (prefill included)", &a, &h, &r);
}

static int run_ladder(struct cli_ctx *ctx, void *opts)
{
    const struct energy_opts *o = (const struct energy_opts *)opts;
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_cost_serving s;
    thermoai_work_params p;
    thermoai_entropy_params ep;
    thermoai_ladder l;
    int rc, status;

    if ((rc = load(ctx, o, &a, &h, &s, &p)) != 0)
        return rc;
    if ((status = thermoai_entropy_params_init(&ep, sizeof ep)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_entropy_params_init", status);
    ep.temperature_k = o->temperature_k;
    ep.seq_len = o->work.context + 1;
    if ((status = thermoai_ladder_init(&l, sizeof l)) != THERMOAI_OK
        || (status = thermoai_ladder_decode(&a, &p, &h, &s, &ep, o->measured_j, &l)) != THERMOAI_OK)
        return cost_error(ctx, "thermoai_ladder_decode", status, &h);
    cli_out_begin(ctx);
    if (ctx->format != CLI_TEXT) {
        cli_emit_arch(ctx, &a);
        cli_emit_hardware(ctx, &h);
        emit_double(&ctx->emit, "landauer_j", l.landauer_j);
        emit_double(&ctx->emit, "arithmetic_j", l.arithmetic_j);
        emit_double(&ctx->emit, "data_j", l.data_j);
        emit_double(&ctx->emit, "modelled_j", l.modelled_j);
        if (l.has_measured)
            emit_double(&ctx->emit, "measured_j", l.measured_j);
        else
            emit_string(&ctx->emit, "measured_j", NULL);
        emit_double(&ctx->emit, "ter_arithmetic", l.ter_arithmetic);
        emit_double(&ctx->emit, "ter_data", l.ter_data);
        emit_double(&ctx->emit, "ter_modelled", l.ter_modelled);
        if (l.has_measured)
            emit_double(&ctx->emit, "ter_measured", l.ter_measured);
        else
            emit_string(&ctx->emit, "ter_measured", NULL);
        return cli_out_end(ctx);
    }
    fprintf(ctx->out, "%s on %s, batch %llu, context %llu, serving %s, %g K; J per token:\n",
            o->model.model, o->hw.hardware, (unsigned long long)o->work.batch,
            (unsigned long long)o->work.context, o->serving.serving, o->temperature_k);
    fprintf(ctx->out, "  Landauer bound (entropy model)     %10.4g J   TER 1\n", l.landauer_j);
    fprintf(ctx->out, "  arithmetic (FLOPs x J/FLOP)        %10.4g J   TER %.3g\n", l.arithmetic_j,
            l.ter_arithmetic);
    fprintf(ctx->out, "  + data movement (bytes x J/byte)   %10.4g J   TER %.3g\n", l.data_j, l.ter_data);
    fprintf(ctx->out, "  modelled (idle power, overheads)   %10.4g J   TER %.3g\n", l.modelled_j,
            l.ter_modelled);
    if (l.has_measured)
        fprintf(ctx->out, "  measured                           %10.4g J   TER %.3g\n", l.measured_j,
                l.ter_measured);
    return cli_out_end(ctx);
}

static const struct cli_option decode_options[] = { STEP_GROUPS };

static const struct cli_option prefill_options[] = {
    { .name = "--prompt-tokens", .type = CLI_COUNT, .offset = O(prompt_tokens), .meta = "P",
      .flags = CLI_REQUIRED, .help = "prompt tokens per sequence" },
    STEP_GROUPS
};

static const struct cli_option request_options[] = {
    { .name = "--prompt-tokens", .type = CLI_COUNT, .offset = O(prompt_tokens), .meta = "P",
      .flags = CLI_REQUIRED, .help = "prompt tokens per sequence" },
    { .name = "--generated", .type = CLI_COUNT, .offset = O(generated), .meta = "G",
      .flags = CLI_REQUIRED, .help = "tokens generated per sequence" },
    STEP_GROUPS
};

static const struct cli_option ladder_options[] = {
    { .name = "--measured-j", .type = CLI_DOUBLE, .offset = O(measured_j), .meta = "E", .unit = "J",
      .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "measured energy per generated token (0: none)" },
    { .name = "--temperature-k", .type = CLI_DOUBLE, .offset = O(temperature_k), .meta = "T",
      .unit = "kelvin", .domain = CLI_POSITIVE, .def = "300", .help = "temperature of the bound" },
    STEP_GROUPS
};

#define STEP_DESCRIPTION                                                                     \
    "The roofline energy model (doc/cost-model.md): time = max(bytes / achieved bandwidth,\n" \
    "FLOPs / achieved FLOP/s) plus the serving stack's overheads, energy = idle power x time\n" \
    "+ energy per byte x bytes + energy per FLOP x FLOPs + overhead power x overhead time,\n" \
    "stretched to the board power limit. The default serving stack is cuda-graphs; use\n"   \
    "--serving ideal for the plain roofline."

const struct cli_command cli_cmd_energy_decode = {
    .name = "energy decode",
    .synopsis = "energy per generated token of a decode step (model, hardware, batch, context)",
    .description = STEP_DESCRIPTION,
    .options = decode_options,
    .n_options = sizeof decode_options / sizeof decode_options[0],
    .opts_size = sizeof(struct energy_opts),
    .run = run_decode,
    .example = "thermoai energy decode --model llama-2-7b --hardware h100-sxm-measured --batch 8 "
               "--context 512",
};

const struct cli_command cli_cmd_energy_prefill = {
    .name = "energy prefill",
    .synopsis = "energy per prompt token of a prefill",
    .description = STEP_DESCRIPTION,
    .options = prefill_options,
    .n_options = sizeof prefill_options / sizeof prefill_options[0],
    .opts_size = sizeof(struct energy_opts),
    .run = run_prefill,
    .example = "thermoai energy prefill --model llama-3.1-8b --hardware h100-sxm --prompt-tokens 2048",
};

const struct cli_command cli_cmd_energy_request = {
    .name = "energy request",
    .synopsis = "a whole request: prefill, then each generated token",
    .description = STEP_DESCRIPTION,
    .options = request_options,
    .n_options = sizeof request_options / sizeof request_options[0],
    .opts_size = sizeof(struct energy_opts),
    .run = run_request,
    .example = "thermoai energy request --model mixtral-8x7b --hardware h100-sxm --batch 16 "
               "--prompt-tokens 1000 --generated 200",
};

const struct cli_command cli_cmd_energy_ladder = {
    .name = "energy ladder",
    .synopsis = "the TER ladder of a decode step: Landauer, arithmetic, data, modelled, measured",
    .description =
        "How far each layer of reality sits above k_B T ln 2 (ladder.h): the entropy model's\n"
        "bound, the FLOPs at the device's energy per FLOP, plus every byte moved, the whole\n"
        "roofline model, and a measured energy when given, each with its TER.",
    .options = ladder_options,
    .n_options = sizeof ladder_options / sizeof ladder_options[0],
    .opts_size = sizeof(struct energy_opts),
    .run = run_ladder,
    .example = "thermoai energy ladder --model llama-2-7b --hardware h100-sxm-measured --batch 8 "
               "--context 512",
};

/* ---- energy train ------------------------------------------------------------------ */

struct train_opts {
    struct cli_model_opts model;
    struct cli_hardware_opts hw;
    uint64_t tokens, seq_len;
    double devices, mfu, pue, grid_g_per_kwh, device_power_w, host_power_w;
    const char *grid;
    uint32_t compute;
    int six_nd, recompute, modelled_power;
};

#define T(field) offsetof(struct train_opts, field)

static const struct cli_choice train_compute[] = {
    { "bf16", THERMOAI_HARDWARE_BF16, "BF16/FP16 tensor math" },
    { "fp8", THERMOAI_HARDWARE_FP8, "FP8 tensor math" },
    { "tf32", THERMOAI_HARDWARE_TF32, "TF32 tensor math" },
    { "fp32", THERMOAI_HARDWARE_FP32, "FP32 vector math" },
};

static const struct cli_option train_options[] = {
    { .name = "--tokens", .type = CLI_COUNT, .offset = T(tokens), .meta = "D",
      .flags = CLI_REQUIRED, .help = "training tokens (all epochs)" },
    { .name = "--seq-len", .type = CLI_COUNT, .offset = T(seq_len), .meta = "N", .def = "2048",
      .help = "training sequence length (for the attention FLOPs)" },
    { .name = "--devices", .type = CLI_DOUBLE, .offset = T(devices), .meta = "G",
      .domain = CLI_AT_LEAST_1, .def = "1", .help = "accelerators" },
    { .name = "--mfu", .type = CLI_DOUBLE, .offset = T(mfu), .meta = "U", .domain = CLI_UNIT,
      .def = "0.4", .help = "model FLOPs utilisation, in (0, 1]" },
    { .name = "--pue", .type = CLI_DOUBLE, .offset = T(pue), .meta = "P", .domain = CLI_AT_LEAST_1,
      .def = "1", .help = "power usage effectiveness of the facility" },
    { .name = "--grid-g-per-kwh", .type = CLI_DOUBLE, .offset = T(grid_g_per_kwh), .meta = "I",
      .unit = "gCO2e/kWh", .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "grid carbon intensity (0: none, or --grid)" },
    { .name = "--grid", .type = CLI_STRING, .offset = T(grid), .meta = "NAME", .def = "",
      .help = "grid-intensity preset (see 'thermoai presets grids')" },
    { .name = "--device-power-w", .type = CLI_DOUBLE, .offset = T(device_power_w), .meta = "P",
      .unit = "W", .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "average power per device (0: the board power limit)" },
    { .name = "--host-power-w", .type = CLI_DOUBLE, .offset = T(host_power_w), .meta = "P",
      .unit = "W", .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "non-accelerator power per device (CPU, network, fans)" },
    { .name = "--compute", .type = CLI_ENUM, .offset = T(compute), .meta = "PRECISION", .def = "bf16",
      .help = "precision whose peak the MFU refers to", .choices = train_compute,
      .n_choices = sizeof train_compute / sizeof train_compute[0] },
    { .name = "--six-nd", .type = CLI_FLAG, .offset = T(six_nd),
      .help = "count 6 N D FLOPs instead of the per-layer count with attention" },
    { .name = "--recompute", .type = CLI_FLAG, .offset = T(recompute),
      .help = "activation recomputation: 4 forward passes per token, not 3" },
    { .name = "--modelled-power", .type = CLI_FLAG, .offset = T(modelled_power),
      .help = "device power from the energy model (idle + J/FLOP x rate), not the board power" },
    { .type = CLI_GROUP, .offset = T(model), .help = "model (a preset, any field overridable)",
      .group = &cli_cost_model_group },
    { .type = CLI_GROUP, .offset = T(hw), .help = "accelerator (a preset or custom, overridable)",
      .group = &cli_hardware_group },
};

static int run_train(struct cli_ctx *ctx, void *opts)
{
    const struct train_opts *o = (const struct train_opts *)opts;
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_work_params wp;
    thermoai_work w;
    thermoai_training_params p;
    thermoai_training_result r;
    uint64_t n = 0;
    double f6 = 0.0, grid = o->grid_g_per_kwh;
    int rc, status;

    if ((rc = cli_model_load(ctx, &o->model, &a)) != 0
        || (rc = cli_hardware_load(ctx, &o->hw, o->compute, &h)) != 0)
        return rc;
    if (o->tokens == 0)
        return cli_value_error(ctx, "--tokens must be >= 1, got 0");
    if (o->seq_len == 0)
        return cli_value_error(ctx, "--seq-len must be >= 1, got 0");
    if (!(o->mfu > 0.0))
        return cli_value_error(ctx, "--mfu must be in (0, 1], got %g", o->mfu);
    if (o->grid != NULL && o->grid[0] != '\0') {
        if (grid != 0.0)
            return cli_usage_error(ctx, "give --grid or --grid-g-per-kwh, not both");
        status = thermoai_carbon_grid_find(o->grid, &grid);
        if (status == THERMOAI_E_NOT_FOUND)
            return cli_usage_error(ctx, "unknown grid '%s' (see 'thermoai presets grids')", o->grid);
        if (status != THERMOAI_OK)
            return cli_library_error(ctx, "thermoai_carbon_grid_find", status);
    }
    if ((status = thermoai_model_params(&a, &n)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_model_params", status);
    if ((status = thermoai_energy_training_flop((double)n, (double)o->tokens, &f6)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_energy_training_flop", status);
    if ((status = thermoai_work_params_init(&wp, sizeof wp)) != THERMOAI_OK
        || (status = thermoai_work_init(&w, sizeof w)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_work_init", status);
    wp.tokens = o->tokens;
    wp.context = o->seq_len;
    wp.compute_precision = o->compute;
    if (o->recompute)
        wp.flags |= THERMOAI_WORK_RECOMPUTE;
    if ((status = thermoai_work_training(&a, &wp, &w)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_work_training", status);
    if ((status = thermoai_training_params_init(&p, sizeof p)) != THERMOAI_OK
        || (status = thermoai_training_result_init(&r, sizeof r)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_training_params_init", status);
    p.flop = o->six_nd ? f6 : w.flop;
    p.devices = o->devices;
    p.mfu = o->mfu;
    p.pue = o->pue;
    p.grid_g_per_kwh = grid;
    p.device_power_w = o->device_power_w;
    p.host_power_w = o->host_power_w;
    p.compute_precision = o->compute;
    if (o->modelled_power)
        p.flags |= THERMOAI_TRAINING_MODELLED_POWER;
    if ((status = thermoai_training_run(&h, &p, &r)) != THERMOAI_OK) {
        if (status == THERMOAI_E_UNSUPPORTED)
            return cli_value_error(ctx, "thermoai_training_run: the hardware has no power figure "
                                        "or no peak for --compute; give --device-power-w");
        return cli_library_error(ctx, "thermoai_training_run", status);
    }
    cli_out_begin(ctx);
    if (ctx->format != CLI_TEXT) {
        cli_emit_arch(ctx, &a);
        cli_emit_hardware(ctx, &h);
        emit_double(&ctx->emit, "flop", p.flop);
        emit_double(&ctx->emit, "flop_6nd", f6);
        emit_double(&ctx->emit, "attention_flop", o->six_nd ? 0.0 : w.attention_flop);
        emit_double(&ctx->emit, "grid_used_g_per_kwh", grid);
        emit_double(&ctx->emit, "time_s", r.time_s);
        emit_double(&ctx->emit, "device_hours", r.device_hours);
        emit_double(&ctx->emit, "device_power_used_w", r.device_power_w);
        emit_double(&ctx->emit, "it_energy_j", r.it_energy_j);
        emit_double(&ctx->emit, "energy_j", r.facility_energy_j);
        emit_double(&ctx->emit, "energy_mwh", r.facility_energy_j / 3.6e9);
        emit_double(&ctx->emit, "co2e_kg", r.co2e_kg);
        return cli_out_end(ctx);
    }
    fprintf(ctx->out, "model          %s (%.4g parameters), %llu tokens of %llu\n", o->model.model,
            (double)n, (unsigned long long)o->tokens, (unsigned long long)o->seq_len);
    fprintf(ctx->out, "FLOPs          %.4g (%s; 6ND = %.4g)\n", p.flop,
            o->six_nd ? "6 N D" : "per layer, attention included", f6);
    fprintf(ctx->out, "hardware       %g x %s at MFU %g, %.4g W each\n", o->devices, o->hw.hardware,
            o->mfu, r.device_power_w);
    fprintf(ctx->out, "time           %.4g days, %.4g device-hours\n", r.time_s / 86400.0, r.device_hours);
    fprintf(ctx->out, "energy         %.4g MWh at PUE %g (%.4g MWh at the devices)\n",
            r.facility_energy_j / 3.6e9, o->pue, r.it_energy_j / 3.6e9);
    fprintf(ctx->out, "CO2e           %.4g t at %g g/kWh\n", r.co2e_kg / 1000.0, grid);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_energy_train = {
    .name = "energy train",
    .synopsis = "time, energy and CO2e of a training run",
    .description =
        "t = FLOPs / (devices x MFU x peak); energy = devices x (device power + host share) x t\n"
        "x PUE; CO2e = energy x grid intensity (training.h). The device power is the board\n"
        "power limit unless --device-power-w or --modelled-power says otherwise.",
    .options = train_options,
    .n_options = sizeof train_options / sizeof train_options[0],
    .opts_size = sizeof(struct train_opts),
    .run = run_train,
    .example = "thermoai energy train --model llama-2-7b --tokens 2000000000000 --hardware "
               "a100-80-sxm --devices 2048 --mfu 0.4 --pue 1.1 --grid us-meta",
};
