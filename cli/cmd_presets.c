/* SPDX-License-Identifier: MIT */
/* thermoai presets models: the model presets and their sources (model_preset.h). */
#include "config.h"

#include <stdio.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

static int run_models(struct cli_ctx *ctx, void *opts)
{
    const size_t n = thermoai_model_preset_count();
    size_t i;

    (void)opts;
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT)
        fprintf(ctx->out, "%-15s %6s %7s %9s %8s %7s %8s %15s  %s\n", "name", "layers", "d_model",
                "heads/kv", "d_ff", "vocab", "context", "parameters", "experts (active, shared, width)");
    else
        emit_array_begin(&ctx->emit, "presets");
    for (i = 0; i < n; i++) {
        thermoai_model_arch a;
        const char *name, *source;
        uint64_t params, active = 0;
        const char *status_s = NULL, *as_of = NULL;
        int status;

        if ((status = thermoai_model_arch_init(&a, sizeof a)) != THERMOAI_OK
            || (status = thermoai_model_preset_info(i, &name, &source, &a)) != THERMOAI_OK
            || (status = thermoai_model_params(&a, &params)) != THERMOAI_OK
            || (status = thermoai_model_active_params(&a, &active)) != THERMOAI_OK
            || (status = thermoai_model_preset_status(i, &status_s, &as_of)) != THERMOAI_OK) {
            if (ctx->format != CLI_TEXT)
                (void)emit_finish(&ctx->emit);
            return cli_library_error(ctx, "thermoai_model_preset_info", status);
        }
        if (ctx->format == CLI_TEXT) {
            fprintf(ctx->out, "%-15s %6u %7llu %5u/%-3u %8llu %7llu %8llu %15llu", name,
                    (unsigned)a.layers, (unsigned long long)a.d_model, (unsigned)a.heads,
                    (unsigned)a.kv_heads, (unsigned long long)a.d_ff,
                    (unsigned long long)a.vocab_size, (unsigned long long)a.context_length,
                    (unsigned long long)params);
            if (a.experts != 0)
                fprintf(ctx->out, "  %u (%u, %u, %llu), %llu active parameters", (unsigned)a.experts,
                        (unsigned)a.active_experts, (unsigned)a.shared_experts,
                        (unsigned long long)a.expert_d_ff, (unsigned long long)active);
            fprintf(ctx->out, "\n    source (%s, %s): %s\n", status_s, as_of, source);
            continue;
        }
        emit_begin(&ctx->emit, NULL);
        emit_string(&ctx->emit, "name", name);
        emit_uint(&ctx->emit, "layers", a.layers);
        emit_uint(&ctx->emit, "d_model", a.d_model);
        emit_uint(&ctx->emit, "heads", a.heads);
        emit_uint(&ctx->emit, "kv_heads", a.kv_heads);
        emit_uint(&ctx->emit, "head_dim", a.head_dim);
        emit_uint(&ctx->emit, "d_ff", a.d_ff);
        emit_uint(&ctx->emit, "vocab_size", a.vocab_size);
        emit_uint(&ctx->emit, "context_length", a.context_length);
        emit_double(&ctx->emit, "precision_bits", a.precision_bits);
        emit_uint(&ctx->emit, "flags", a.flags);
        emit_uint(&ctx->emit, "params", params);
        emit_uint(&ctx->emit, "active_params", active);
        emit_uint(&ctx->emit, "experts", a.experts);
        emit_uint(&ctx->emit, "active_experts", a.active_experts);
        emit_uint(&ctx->emit, "shared_experts", a.shared_experts);
        emit_uint(&ctx->emit, "expert_d_ff", a.expert_d_ff);
        emit_uint(&ctx->emit, "first_dense_layers", a.first_dense_layers);
        emit_uint(&ctx->emit, "sliding_window", a.sliding_window);
        emit_uint(&ctx->emit, "kv_lora_rank", a.kv_lora_rank);
        emit_string(&ctx->emit, "status", status_s);
        emit_string(&ctx->emit, "as_of", as_of);
        emit_string(&ctx->emit, "source", source);
        emit_end(&ctx->emit);
    }
    if (ctx->format != CLI_TEXT)
        emit_array_end(&ctx->emit);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_presets_models = {
    .name = "presets models",
    .synopsis = "the model presets, their dimensions and their sources",
    .description =
        "Every architecture preset with its dimensions, the parameter count the library\n"
        "computes from them, and the public source of the configuration.",
    .run = run_models,
    .example = "thermoai presets models --csv",
};

/* ---- presets hardware -------------------------------------------------------------- */

static const char *origin(uint32_t o)
{
    static const char *const names[] = { "unset", "datasheet", "measured", "assumed" };

    return o < 4 ? names[o] : "unknown";
}

static int run_hardware(struct cli_ctx *ctx, void *opts)
{
    const size_t n = thermoai_hardware_preset_count();
    size_t i;

    (void)opts;
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT)
        fprintf(ctx->out, "%-18s %9s %9s %9s %6s %7s %6s %7s %8s %9s\n", "name", "BF16 TF/s",
                "sparse", "FP8 TF/s", "GB", "TB/s", "W", "idle W", "pJ/FLOP", "pJ/byte");
    else
        emit_array_begin(&ctx->emit, "presets");
    for (i = 0; i < n; i++) {
        thermoai_hardware h;
        const char *name, *source, *st, *as_of;
        int status;

        if ((status = thermoai_hardware_init(&h, sizeof h)) != THERMOAI_OK
            || (status = thermoai_hardware_preset_info(i, &name, &source, &h)) != THERMOAI_OK
            || (status = thermoai_hardware_preset_status(i, &st, &as_of)) != THERMOAI_OK) {
            if (ctx->format != CLI_TEXT)
                (void)emit_finish(&ctx->emit);
            return cli_library_error(ctx, "thermoai_hardware_preset_info", status);
        }
        if (ctx->format == CLI_TEXT) {
            fprintf(ctx->out, "%-18s %9.5g %9.5g %9.5g %6.4g %7.4g %6.4g %7.3g %8.3g %9.4g\n"
                              "    %s, %s; energies %s/%s: %s\n",
                    name, h.peak_bf16_flop_per_s / 1e12, h.sparse_bf16_flop_per_s / 1e12,
                    h.peak_fp8_flop_per_s / 1e12, h.memory_usable_bytes / 1e9,
                    h.memory_bw_bytes_per_s / 1e12, h.board_power_w, h.idle_power_w,
                    h.j_per_flop_bf16 * 1e12, h.j_per_byte * 1e12, st, as_of,
                    (h.flop_energy_measured & (1u << THERMOAI_HARDWARE_BF16)) ? "measured"
                                                                            : origin(h.flop_energy_origin),
                    origin(h.byte_energy_origin), source);
            continue;
        }
        emit_begin(&ctx->emit, NULL);
        emit_string(&ctx->emit, "name", name);
        emit_double(&ctx->emit, "peak_fp64_flop_per_s", h.peak_fp64_flop_per_s);
        emit_double(&ctx->emit, "peak_fp32_flop_per_s", h.peak_fp32_flop_per_s);
        emit_double(&ctx->emit, "peak_tf32_flop_per_s", h.peak_tf32_flop_per_s);
        emit_double(&ctx->emit, "peak_bf16_flop_per_s", h.peak_bf16_flop_per_s);
        emit_double(&ctx->emit, "peak_fp8_flop_per_s", h.peak_fp8_flop_per_s);
        emit_double(&ctx->emit, "peak_int8_op_per_s", h.peak_int8_op_per_s);
        emit_double(&ctx->emit, "peak_fp4_flop_per_s", h.peak_fp4_flop_per_s);
        emit_double(&ctx->emit, "peak_int4_op_per_s", h.peak_int4_op_per_s);
        emit_double(&ctx->emit, "sparse_bf16_flop_per_s", h.sparse_bf16_flop_per_s);
        emit_double(&ctx->emit, "sparse_fp8_flop_per_s", h.sparse_fp8_flop_per_s);
        emit_double(&ctx->emit, "sparse_int8_op_per_s", h.sparse_int8_op_per_s);
        emit_double(&ctx->emit, "sparse_fp4_flop_per_s", h.sparse_fp4_flop_per_s);
        emit_double(&ctx->emit, "memory_usable_bytes", h.memory_usable_bytes);
        emit_double(&ctx->emit, "memory_physical_bytes", h.memory_physical_bytes);
        emit_double(&ctx->emit, "memory_bw_bytes_per_s", h.memory_bw_bytes_per_s);
        emit_double(&ctx->emit, "board_power_w", h.board_power_w);
        emit_double(&ctx->emit, "idle_power_w", h.idle_power_w);
        emit_double(&ctx->emit, "j_per_flop_bf16", h.j_per_flop_bf16);
        emit_double(&ctx->emit, "j_per_flop_fp8", h.j_per_flop_fp8);
        emit_double(&ctx->emit, "j_per_byte", h.j_per_byte);
        emit_double(&ctx->emit, "interconnect_bw_bytes_per_s", h.interconnect_bw_bytes_per_s);
        emit_double(&ctx->emit, "compute_efficiency", h.compute_efficiency);
        emit_double(&ctx->emit, "bandwidth_efficiency", h.bandwidth_efficiency);
        emit_uint(&ctx->emit, "accumulate_bits", h.accumulate_bits);
        emit_string(&ctx->emit, "idle_origin", origin(h.idle_origin));
        emit_string(&ctx->emit, "flop_energy_origin",
                    (h.flop_energy_measured & (1u << THERMOAI_HARDWARE_BF16)) ? "measured"
                                                                            : origin(h.flop_energy_origin));
        emit_string(&ctx->emit, "byte_energy_origin", origin(h.byte_energy_origin));
        emit_string(&ctx->emit, "status", st);
        emit_string(&ctx->emit, "as_of", as_of);
        emit_string(&ctx->emit, "source", source);
        emit_end(&ctx->emit);
    }
    if (ctx->format != CLI_TEXT)
        emit_array_end(&ctx->emit);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_presets_hardware = {
    .name = "presets hardware",
    .synopsis = "the accelerator presets, their peaks, memory, power and sources",
    .description =
        "Every hardware preset: dense and 2:4-sparse peaks, memory, bandwidth, board and idle\n"
        "power, energy per FLOP and per byte with where each came from (datasheet-derived,\n"
        "measured, assumed), how the datasheet was read and as of when.",
    .run = run_hardware,
    .example = "thermoai presets hardware --json",
};

/* ---- presets serving, presets grids ------------------------------------------------ */

static int run_serving(struct cli_ctx *ctx, void *opts)
{
    size_t i, n = thermoai_cost_serving_preset_count();

    (void)opts;
    cli_out_begin(ctx);
    if (ctx->format != CLI_TEXT)
        emit_array_begin(&ctx->emit, "presets");
    for (i = 0; i < n; i++) {
        thermoai_cost_serving s;
        const char *name, *source;
        int status;

        if ((status = thermoai_cost_serving_init(&s, sizeof s)) != THERMOAI_OK
            || (status = thermoai_cost_serving_preset_info(i, &name, &source, &s)) != THERMOAI_OK) {
            if (ctx->format != CLI_TEXT)
                (void)emit_finish(&ctx->emit);
            return cli_library_error(ctx, "thermoai_cost_serving_preset_info", status);
        }
        if (ctx->format == CLI_TEXT) {
            fprintf(ctx->out, "%-12s device %.3g us/layer, host %.3g ms/layer, %g W while waiting, "
                              "%g KV rewrites/step\n    %s\n",
                    name, 1e6 * s.device_s_per_layer, 1e3 * s.host_s_per_layer, s.overhead_power_w,
                    s.kv_rewrites_per_step, source);
            continue;
        }
        emit_begin(&ctx->emit, NULL);
        emit_string(&ctx->emit, "name", name);
        emit_double(&ctx->emit, "device_s_per_layer", s.device_s_per_layer);
        emit_double(&ctx->emit, "device_s_per_step", s.device_s_per_step);
        emit_double(&ctx->emit, "host_s_per_layer", s.host_s_per_layer);
        emit_double(&ctx->emit, "host_s_per_step", s.host_s_per_step);
        emit_double(&ctx->emit, "overhead_power_w", s.overhead_power_w);
        emit_double(&ctx->emit, "kv_rewrites_per_step", s.kv_rewrites_per_step);
        emit_string(&ctx->emit, "source", source);
        emit_end(&ctx->emit);
    }
    if (ctx->format != CLI_TEXT)
        emit_array_end(&ctx->emit);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_presets_serving = {
    .name = "presets serving",
    .synopsis = "the serving stacks of the cost model and the measurements behind them",
    .description = "The named serving stacks (cost.h): their overheads and where each value comes from.",
    .run = run_serving,
    .example = "thermoai presets serving",
};

static int run_grids(struct cli_ctx *ctx, void *opts)
{
    size_t i, n = thermoai_carbon_grid_count();

    (void)opts;
    cli_out_begin(ctx);
    if (ctx->format != CLI_TEXT)
        emit_array_begin(&ctx->emit, "presets");
    for (i = 0; i < n; i++) {
        const char *name, *source;
        double g;
        int status;

        if ((status = thermoai_carbon_grid_info(i, &name, &g, &source)) != THERMOAI_OK) {
            if (ctx->format != CLI_TEXT)
                (void)emit_finish(&ctx->emit);
            return cli_library_error(ctx, "thermoai_carbon_grid_info", status);
        }
        if (ctx->format == CLI_TEXT) {
            fprintf(ctx->out, "%-14s %5g gCO2e/kWh  %s\n", name, g, source);
            continue;
        }
        emit_begin(&ctx->emit, NULL);
        emit_string(&ctx->emit, "name", name);
        emit_double(&ctx->emit, "grid_g_per_kwh", g);
        emit_string(&ctx->emit, "source", source);
        emit_end(&ctx->emit);
    }
    if (ctx->format != CLI_TEXT)
        emit_array_end(&ctx->emit);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_presets_grids = {
    .name = "presets grids",
    .synopsis = "annual grid carbon intensities with their sources",
    .description = "The grid-intensity presets of carbon.h for 'thermoai energy train --grid'.",
    .run = run_grids,
    .example = "thermoai presets grids",
};
