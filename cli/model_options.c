/* SPDX-License-Identifier: MIT */
/* Option groups shared by the model commands: a preset with overrides, and the
 * entropy model's options. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "commands.h"

#define M(field) offsetof(struct cli_model_opts, field)

static const struct cli_option model_options[] = {
    { .name = "--model", .type = CLI_STRING, .offset = M(model), .meta = "NAME",
      .flags = CLI_REQUIRED, .help = "model preset (see 'thermoai presets models')" },
    { .name = "--layers", .type = CLI_COUNT, .offset = M(layers), .meta = "L", 
      .help = "override: transformer blocks (0: the preset's)" },
    { .name = "--d-model", .type = CLI_COUNT, .offset = M(d_model), .meta = "D", 
      .help = "override: hidden width (0: the preset's)" },
    { .name = "--heads", .type = CLI_COUNT, .offset = M(heads), .meta = "H", 
      .help = "override: query heads (0: the preset's)" },
    { .name = "--kv-heads", .type = CLI_COUNT, .offset = M(kv_heads), .meta = "H", 
      .help = "override: key/value heads (0: the preset's)" },
    { .name = "--head-dim", .type = CLI_COUNT, .offset = M(head_dim), .meta = "DK", 
      .help = "override: per-head width (0: the preset's)" },
    { .name = "--d-ff", .type = CLI_COUNT, .offset = M(d_ff), .meta = "F", 
      .help = "override: FFN intermediate width (0: the preset's)" },
    { .name = "--vocab", .type = CLI_COUNT, .offset = M(vocab), .meta = "V", 
      .help = "override: vocabulary size (0: the preset's)" },
    { .name = "--context", .type = CLI_COUNT, .offset = M(context), .meta = "N",
      .help = "override: maximum context in tokens (0: the preset's)" },
    { .name = "--precision-bits", .type = CLI_DOUBLE, .offset = M(precision_bits), .meta = "B",
      .unit = "bits", .domain = CLI_NONNEGATIVE,
      .help = "override: bits per value (0: the preset's)" },
};
const struct cli_group cli_model_group = { model_options,
                                          sizeof model_options / sizeof model_options[0] };

static const struct cli_choice rows_choices[] = {
    { "one", THERMOAI_ENTROPY_ROWS_ONE, "one query row per head (decoding with a KV cache)" },
    { "all", THERMOAI_ENTROPY_ROWS_ALL, "all n rows per head (paper 000's formula as printed)" },
};

#define E(field) offsetof(struct cli_entropy_opts, field)

static const struct cli_option entropy_options[] = {
    { .name = "--temperature-k", .type = CLI_DOUBLE, .offset = E(temperature_k), .meta = "T",
      .unit = "kelvin", .domain = CLI_POSITIVE, .def = "300", .help = "temperature" },
    { .name = "--seq-len", .type = CLI_COUNT, .offset = E(seq_len), .meta = "N",
      .help = "sequence length in tokens (0: the model's context)" },
    { .name = "--saturation", .type = CLI_DOUBLE, .offset = E(saturation), .meta = "ALPHA",
      .domain = CLI_UNIT, .def = "0.15", .help = "share of FFN neurons near zero (paper 000)" },
    { .name = "--attention-rows", .type = CLI_ENUM, .offset = E(attention_rows), .meta = "ROWS",
      .def = "one", .help = "attention rows that erase per token", .choices = rows_choices,
      .n_choices = sizeof rows_choices / sizeof rows_choices[0] },
};
const struct cli_group cli_entropy_group = { entropy_options,
                                            sizeof entropy_options / sizeof entropy_options[0] };

/* Narrows an override to a 32-bit field; 0 keeps the preset's value. */
static int override32(struct cli_ctx *ctx, const char *name, uint64_t v, uint32_t *field)
{
    if (v == 0)
        return 0;
    if (v > UINT32_MAX)
        return cli_value_error(ctx, "%s must be at most %u, got %llu", name, (unsigned)UINT32_MAX,
                               (unsigned long long)v);
    *field = (uint32_t)v;
    return 0;
}

int cli_model_load(struct cli_ctx *ctx, const struct cli_model_opts *m, thermoai_model_arch *arch)
{
    int status, rc;

    if ((status = thermoai_model_arch_init(arch, sizeof *arch)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_model_arch_init", status);
    status = thermoai_model_preset_find(m->model, arch);
    if (status == THERMOAI_E_NOT_FOUND)
        return cli_usage_error(ctx, "unknown model '%s' (see 'thermoai presets models')", m->model);
    if (status != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_model_preset_find", status);
    if ((rc = override32(ctx, "--layers", m->layers, &arch->layers)) != 0
        || (rc = override32(ctx, "--heads", m->heads, &arch->heads)) != 0
        || (rc = override32(ctx, "--kv-heads", m->kv_heads, &arch->kv_heads)) != 0
        || (rc = override32(ctx, "--head-dim", m->head_dim, &arch->head_dim)) != 0)
        return rc;
    if (m->d_model != 0)
        arch->d_model = m->d_model;
    if (m->d_ff != 0)
        arch->d_ff = m->d_ff;
    if (m->vocab != 0)
        arch->vocab_size = m->vocab;
    if (m->context != 0)
        arch->context_length = m->context;
    if (m->precision_bits != 0.0)
        arch->precision_bits = m->precision_bits;
    if (m->layers || m->d_model || m->heads || m->kv_heads || m->head_dim || m->d_ff || m->vocab)
        arch->params = 0; /* the published count no longer applies: computed from the shape */
    if ((status = thermoai_model_arch_check(arch)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_model_arch_check", status);
    return 0;
}

void cli_emit_arch(struct cli_ctx *ctx, const thermoai_model_arch *a)
{
    uint64_t params = 0;

    if (ctx->format == CLI_TEXT)
        return;
    emit_begin(&ctx->emit, "architecture");
    emit_uint(&ctx->emit, "layers", a->layers);
    emit_uint(&ctx->emit, "d_model", a->d_model);
    emit_uint(&ctx->emit, "heads", a->heads);
    emit_uint(&ctx->emit, "kv_heads", a->kv_heads != 0 ? a->kv_heads : a->heads);
    emit_uint(&ctx->emit, "head_dim", a->head_dim != 0 ? a->head_dim : a->d_model / a->heads);
    emit_uint(&ctx->emit, "d_ff", a->d_ff);
    emit_uint(&ctx->emit, "vocab_size", a->vocab_size);
    emit_uint(&ctx->emit, "context_length", a->context_length);
    emit_double(&ctx->emit, "precision_bits", a->precision_bits);
    emit_uint(&ctx->emit, "flags", a->flags);
    if (thermoai_model_params(a, &params) == THERMOAI_OK)
        emit_uint(&ctx->emit, "params", params);
    else
        emit_string(&ctx->emit, "params", NULL);
    emit_end(&ctx->emit);
}

int cli_entropy_load(struct cli_ctx *ctx, const struct cli_entropy_opts *e,
                     thermoai_entropy_params *params)
{
    int status;

    if ((status = thermoai_entropy_params_init(params, sizeof *params)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_entropy_params_init", status);
    params->temperature_k = e->temperature_k;
    params->seq_len = e->seq_len;
    params->saturation_fraction = e->saturation;
    params->attention_rows = e->attention_rows;
    return 0;
}
