/* SPDX-License-Identifier: MIT */
/* The commands of `thermoai` (one file per family) and the option groups they share. */
#ifndef THERMOAI_CLI_COMMANDS_H
#define THERMOAI_CLI_COMMANDS_H

#include <stddef.h>
#include <stdint.h>

#include <thermoai/thermoai.h>

#include "cli.h"

extern const struct cli_command cli_cmd_version;
extern const struct cli_command cli_cmd_landauer;
extern const struct cli_command cli_cmd_landauer_model;
extern const struct cli_command cli_cmd_ter;
extern const struct cli_command cli_cmd_presets_models;
extern const struct cli_command cli_cmd_reproduce;
extern const struct cli_command cli_cmd_allocate;
extern const struct cli_command cli_cmd_precision;
extern const struct cli_command cli_cmd_presets_fits;

/* ---- the model group: a preset and overrides of any of its fields (cli/model_options.c) */

struct cli_model_opts {
    const char *model;
    uint64_t layers, d_model, heads, kv_heads, head_dim, d_ff, vocab, context;
    double precision_bits;
};

extern const struct cli_group cli_model_group;

/* The preset named by m->model with m's non-zero fields over it. Returns 0, or an
 * exit code after the message (unknown model: usage error). */
int cli_model_load(struct cli_ctx *ctx, const struct cli_model_opts *m, thermoai_model_arch *arch);

/* The resolved architecture as an "architecture" object (JSON/CSV). */
void cli_emit_arch(struct cli_ctx *ctx, const thermoai_model_arch *arch);

/* ---- the entropy-model group of paper 000 (cli/model_options.c) ---------------------- */

struct cli_entropy_opts {
    double temperature_k;
    uint64_t seq_len;
    double saturation;
    uint32_t attention_rows;
};

extern const struct cli_group cli_entropy_group;

/* thermoai_entropy_params from the group; 0 or an exit code. */
int cli_entropy_load(struct cli_ctx *ctx, const struct cli_entropy_opts *e,
                     thermoai_entropy_params *params);

#endif /* THERMOAI_CLI_COMMANDS_H */
