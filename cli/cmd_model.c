/* SPDX-License-Identifier: MIT */
/* thermoai landauer-model and ter: paper 000's entropy model of a transformer and
 * the Thermodynamic Efficiency Ratio (entropy.h, ter.h). */
#include "config.h"

#include <stddef.h>
#include <stdio.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

struct model_cmd_opts {
    struct cli_model_opts model;
    struct cli_entropy_opts entropy;
    double energy_per_token_j; /* ter only */
};

#define GROUPS                                                                                \
    { .type = CLI_GROUP, .offset = offsetof(struct model_cmd_opts, model),                   \
      .help = "model (a preset, any field overridable)", .group = &cli_model_group },        \
    { .type = CLI_GROUP, .offset = offsetof(struct model_cmd_opts, entropy),                 \
      .help = "entropy model (paper 000 Sec. 3)", .group = &cli_entropy_group }

/* The resolved architecture and options; 0 or an exit code. */
static int load(struct cli_ctx *ctx, const struct model_cmd_opts *o, thermoai_model_arch *arch,
                thermoai_entropy_params *params)
{
    int rc;

    if ((rc = cli_model_load(ctx, &o->model, arch)) != 0)
        return rc;
    return cli_entropy_load(ctx, &o->entropy, params);
}

static uint64_t seq_len_of(const thermoai_model_arch *a, const thermoai_entropy_params *p)
{
    return p->seq_len != 0 ? p->seq_len : a->context_length;
}

static int run_landauer_model(struct cli_ctx *ctx, void *opts)
{
    const struct model_cmd_opts *o = (const struct model_cmd_opts *)opts;
    thermoai_model_arch a;
    thermoai_entropy_params p;
    thermoai_entropy_breakdown b;
    int rc, status;

    if ((rc = load(ctx, o, &a, &p)) != 0)
        return rc;
    if ((status = thermoai_entropy_breakdown_init(&b, sizeof b)) != THERMOAI_OK
        || (status = thermoai_entropy_token(&a, &p, &b)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_entropy_token", status);
    cli_out_begin(ctx);
    if (ctx->format != CLI_TEXT) {
        cli_emit_arch(ctx, &a);
        emit_uint(&ctx->emit, "seq_len_used", seq_len_of(&a, &p));
        emit_double(&ctx->emit, "attention_bits", b.attention_bits);
        emit_double(&ctx->emit, "ffn_bits", b.ffn_bits);
        emit_double(&ctx->emit, "norm_bits", b.norm_bits);
        emit_double(&ctx->emit, "layer_bits", b.layer_bits);
        emit_double(&ctx->emit, "token_bits", b.token_bits);
        emit_double(&ctx->emit, "token_energy_j", b.token_energy_j);
        return cli_out_end(ctx);
    }
    fprintf(ctx->out, "model              %s (%u layers, %u heads of %u, d_ff %llu, %g-bit values)\n",
            o->model.model, (unsigned)a.layers, (unsigned)a.heads,
            (unsigned)(a.head_dim ? a.head_dim : (uint32_t)(a.d_model / a.heads)),
            (unsigned long long)a.d_ff, a.precision_bits);
    fprintf(ctx->out, "attention rows     %s\n",
            p.attention_rows == THERMOAI_ENTROPY_ROWS_ALL
                ? "all n rows per head (paper 000 formula as printed)"
                : "one query row per head (decoding with a KV cache)");
    fprintf(ctx->out, "sequence length    %llu tokens\n", (unsigned long long)seq_len_of(&a, &p));
    fprintf(ctx->out, "saturation alpha   %g\n", p.saturation_fraction);
    fprintf(ctx->out, "temperature        %g K\n", p.temperature_k);
    fprintf(ctx->out, "per layer\n");
    fprintf(ctx->out, "  attention        %.10g bits\n", b.attention_bits);
    fprintf(ctx->out, "  FFN              %.10g bits\n", b.ffn_bits);
    fprintf(ctx->out, "  2 x LayerNorm    %.10g bits\n", b.norm_bits);
    fprintf(ctx->out, "  total            %.10g bits\n", b.layer_bits);
    fprintf(ctx->out, "per token          %.10g bits\n", b.token_bits);
    fprintf(ctx->out, "Landauer bound     %.10g J per token\n", b.token_energy_j);
    return cli_out_end(ctx);
}

static int run_ter(struct cli_ctx *ctx, void *opts)
{
    const struct model_cmd_opts *o = (const struct model_cmd_opts *)opts;
    thermoai_model_arch a;
    thermoai_entropy_params p;
    double bound_j, ter;
    int rc, status;

    if ((rc = load(ctx, o, &a, &p)) != 0)
        return rc;
    if ((status = thermoai_entropy_token_energy_j(&a, &p, &bound_j)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_entropy_token_energy_j", status);
    if ((status = thermoai_ter_ratio(o->energy_per_token_j, bound_j, &ter)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_ter_ratio", status);
    cli_out_begin(ctx);
    if (ctx->format != CLI_TEXT) {
        cli_emit_arch(ctx, &a);
        emit_uint(&ctx->emit, "seq_len_used", seq_len_of(&a, &p));
        emit_double(&ctx->emit, "landauer_energy_j", bound_j);
        emit_double(&ctx->emit, "ter", ter);
        return cli_out_end(ctx);
    }
    fprintf(ctx->out, "TER %.4g (%.4g J per token over a Landauer bound of %.4g J)\n", ter,
            o->energy_per_token_j, bound_j);
    return cli_out_end(ctx);
}

static const struct cli_option landauer_model_options[] = { GROUPS };

static const struct cli_option ter_options[] = {
    { .name = "--energy-per-token-j", .type = CLI_DOUBLE,
      .offset = offsetof(struct model_cmd_opts, energy_per_token_j), .meta = "E", .unit = "J",
      .domain = CLI_NONNEGATIVE, .flags = CLI_REQUIRED,
      .help = "energy actually spent per generated token" },
    GROUPS
};

const struct cli_command cli_cmd_landauer_model = {
    .name = "landauer-model",
    .synopsis = "per-layer entropy and per-token Landauer bound of a transformer",
    .description =
        "The layer-wise entropy model of paper 000 Sec. 3: bits erased per layer by attention,\n"
        "the FFN and the two normalisations, and the Landauer bound per generated token,\n"
        "L x bits x k_B T ln 2 (doc/entropy-model.md says where the model stops).",
    .options = landauer_model_options,
    .n_options = sizeof landauer_model_options / sizeof landauer_model_options[0],
    .opts_size = sizeof(struct model_cmd_opts),
    .run = run_landauer_model,
    .example = "thermoai landauer-model --model gpt-3-175b --seq-len 2048",
};

const struct cli_command cli_cmd_ter = {
    .name = "ter",
    .synopsis = "Thermodynamic Efficiency Ratio: energy per token over the Landauer bound",
    .description =
        "TER = E / E_Landauer (paper 000 Sec. 3.2): how many times the physical minimum of\n"
        "the entropy model a measured or modelled energy per token is.",
    .options = ter_options,
    .n_options = sizeof ter_options / sizeof ter_options[0],
    .opts_size = sizeof(struct model_cmd_opts),
    .run = run_ter,
    .example = "thermoai ter --model llama-2-7b --energy-per-token-j 0.31e-3",
};
