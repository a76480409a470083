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
extern const struct cli_command cli_cmd_rd;
extern const struct cli_command cli_cmd_landauer_model;
extern const struct cli_command cli_cmd_ter;
extern const struct cli_command cli_cmd_presets_models;
extern const struct cli_command cli_cmd_presets_hardware;
extern const struct cli_command cli_cmd_presets_serving;
extern const struct cli_command cli_cmd_presets_grids;
extern const struct cli_command cli_cmd_energy_decode;
extern const struct cli_command cli_cmd_energy_prefill;
extern const struct cli_command cli_cmd_energy_request;
extern const struct cli_command cli_cmd_energy_train;
extern const struct cli_command cli_cmd_energy_ladder;
extern const struct cli_command cli_cmd_reproduce;
extern const struct cli_command cli_cmd_bounds_temperature;
extern const struct cli_command cli_cmd_bounds_transport;
extern const struct cli_command cli_cmd_bounds_ou;
extern const struct cli_command cli_cmd_bounds_w2;
extern const struct cli_command cli_cmd_bounds_schedule;
extern const struct cli_command cli_cmd_bounds_davis_kahan;
extern const struct cli_command cli_cmd_bounds_bernstein;
extern const struct cli_command cli_cmd_bounds_jl;
extern const struct cli_command cli_cmd_bounds_ssa;
extern const struct cli_command cli_cmd_bounds_cheeger;
extern const struct cli_command cli_cmd_bounds_graph;
extern const struct cli_command cli_cmd_bounds_sparsifier;
extern const struct cli_command cli_cmd_bounds_rademacher;
extern const struct cli_command cli_cmd_bounds_heat;
extern const struct cli_command cli_cmd_bounds_curvature;
extern const struct cli_command cli_cmd_bounds_spectral_energy;
extern const struct cli_command cli_cmd_bounds_softmax;
extern const struct cli_command cli_cmd_allocate;
extern const struct cli_command cli_cmd_precision;
extern const struct cli_command cli_cmd_presets_fits;
extern const struct cli_command cli_cmd_tip_energy;
extern const struct cli_command cli_cmd_tip;
extern const struct cli_command cli_cmd_batch;
extern const struct cli_command cli_cmd_serve;

/* ---- the model group: a preset and overrides of any of its fields (cli/model_options.c) */

struct cli_model_opts {
    const char *model;
    uint64_t layers, d_model, heads, kv_heads, head_dim, d_ff, vocab, context;
    double precision_bits;
    /* mixture of experts and attention variants */
    uint64_t experts, active_experts, shared_experts, expert_d_ff, first_dense_layers,
        sliding_window;
};

extern const struct cli_group cli_model_group;
/* The same options without --context (the cost commands' --context is the KV cache). */
extern const struct cli_group cli_cost_model_group;

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

/* ---- the cost groups: hardware, serving stack, work (cli/cost_options.c) ------------- */

struct cli_hardware_opts {
    const char *hardware;
    double peak_flop_per_s, memory_bw_bytes_per_s, memory_bytes, board_power_w, idle_power_w,
        j_per_flop, j_per_byte, compute_efficiency, bandwidth_efficiency;
};

extern const struct cli_group cli_hardware_group;

/* The preset (or "custom") with the overrides applied; energies the overrides leave
 * missing are derived (thermoai_hardware_derive_energy()). 0 or an exit code. */
int cli_hardware_load(struct cli_ctx *ctx, const struct cli_hardware_opts *o, uint32_t precision,
                      thermoai_hardware *hw);

/* The profile actually used, as a "hardware_profile" object (JSON/CSV). */
void cli_emit_hardware(struct cli_ctx *ctx, const thermoai_hardware *hw);

struct cli_serving_opts {
    const char *serving;
    double device_s_per_layer, host_s_per_layer, overhead_power_w, kv_rewrites;
    int no_power_cap;
};

extern const struct cli_group cli_serving_group;

int cli_serving_load(struct cli_ctx *ctx, const struct cli_serving_opts *o,
                     thermoai_cost_serving *serving);

struct cli_work_opts {
    uint64_t batch, context;
    double weight_bits, kv_bits, activation_bits;
    uint32_t compute;
    int full_attention, all_logits;
};

extern const struct cli_group cli_work_group;

int cli_work_load(struct cli_ctx *ctx, const struct cli_work_opts *o, thermoai_work_params *p);

/* The four option groups of a cost-model step (model, accelerator, serving stack,
 * step), for an options struct with members model, hw, serving and work; O is the
 * command's offsetof macro. Shared by energy, batch, serve and tip energy. */
#define CLI_STEP_GROUPS(O)                                                                   \
    { .type = CLI_GROUP, .offset = O(model), .help = "model (a preset, any field overridable)", \
      .group = &cli_cost_model_group },                                                      \
    { .type = CLI_GROUP, .offset = O(hw), .help = "accelerator (a preset or custom, overridable)", \
      .group = &cli_hardware_group },                                                        \
    { .type = CLI_GROUP, .offset = O(serving), .help = "serving stack", .group = &cli_serving_group }, \
    { .type = CLI_GROUP, .offset = O(work), .help = "the step", .group = &cli_work_group }

/* Loads the four groups of a step into a, h, s and p; 0 or an exit code. */
int cli_step_load(struct cli_ctx *ctx, const struct cli_model_opts *model,
                  const struct cli_hardware_opts *hw, const struct cli_serving_opts *serving,
                  const struct cli_work_opts *work, thermoai_model_arch *a, thermoai_hardware *h,
                  thermoai_cost_serving *s, thermoai_work_params *p);

/* The name of a THERMOAI_COST_BOUND_* value: "memory", "compute", "host", "power". */
const char *cli_bound_name(uint32_t bound);

#endif /* THERMOAI_CLI_COMMANDS_H */
