/* SPDX-License-Identifier: MIT */
/* The command table of `thermoai`: the order of `thermoai help` and the man page. */
#include "config.h"

#include "commands.h"

static const struct cli_command *const table[] = {
    &cli_cmd_landauer,
    &cli_cmd_landauer_model,
    &cli_cmd_ter,
    &cli_cmd_energy_decode,
    &cli_cmd_energy_prefill,
    &cli_cmd_energy_request,
    &cli_cmd_energy_train,
    &cli_cmd_energy_ladder,
    &cli_cmd_batch,
    &cli_cmd_serve,
    &cli_cmd_allocate,
    &cli_cmd_precision,
    &cli_cmd_tip_energy, /* before "tip": the first match wins */
    &cli_cmd_tip,
    &cli_cmd_rd,
    &cli_cmd_presets_models,
    &cli_cmd_presets_hardware,
    &cli_cmd_presets_serving,
    &cli_cmd_presets_grids,
    &cli_cmd_presets_fits,
    &cli_cmd_bounds_temperature,
    &cli_cmd_bounds_transport,
    &cli_cmd_bounds_ou,
    &cli_cmd_bounds_w2,
    &cli_cmd_bounds_schedule,
    &cli_cmd_bounds_davis_kahan,
    &cli_cmd_bounds_bernstein,
    &cli_cmd_bounds_jl,
    &cli_cmd_bounds_ssa,
    &cli_cmd_bounds_cheeger,
    &cli_cmd_bounds_graph,
    &cli_cmd_bounds_sparsifier,
    &cli_cmd_bounds_rademacher,
    &cli_cmd_bounds_heat,
    &cli_cmd_bounds_curvature,
    &cli_cmd_bounds_spectral_energy,
    &cli_cmd_bounds_softmax,
    &cli_cmd_reproduce,
    &cli_cmd_version,
};

const struct cli_command *cli_command_at(size_t i)
{
    return i < sizeof table / sizeof table[0] ? table[i] : NULL;
}

size_t cli_command_count(void)
{
    return sizeof table / sizeof table[0];
}
