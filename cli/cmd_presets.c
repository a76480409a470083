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
        fprintf(ctx->out, "%-13s %6s %7s %9s %8s %7s %8s %15s\n", "name", "layers", "d_model",
                "heads/kv", "d_ff", "vocab", "context", "parameters");
    else
        emit_array_begin(&ctx->emit, "presets");
    for (i = 0; i < n; i++) {
        thermoai_model_arch a;
        const char *name, *source;
        uint64_t params;
        int status;

        if ((status = thermoai_model_arch_init(&a, sizeof a)) != THERMOAI_OK
            || (status = thermoai_model_preset_info(i, &name, &source, &a)) != THERMOAI_OK
            || (status = thermoai_model_params(&a, &params)) != THERMOAI_OK) {
            if (ctx->format != CLI_TEXT)
                (void)emit_finish(&ctx->emit);
            return cli_library_error(ctx, "thermoai_model_preset_info", status);
        }
        if (ctx->format == CLI_TEXT) {
            fprintf(ctx->out, "%-13s %6u %7llu %5u/%-3u %8llu %7llu %8llu %15llu\n    source: %s\n",
                    name, (unsigned)a.layers, (unsigned long long)a.d_model, (unsigned)a.heads,
                    (unsigned)a.kv_heads, (unsigned long long)a.d_ff,
                    (unsigned long long)a.vocab_size, (unsigned long long)a.context_length,
                    (unsigned long long)params, source);
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
