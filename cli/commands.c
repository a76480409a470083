/* SPDX-License-Identifier: MIT */
/* The command table of `thermoai`: the order of `thermoai help` and the man page. */
#include "config.h"

#include "commands.h"

static const struct cli_command *const table[] = {
    &cli_cmd_landauer,
    &cli_cmd_landauer_model,
    &cli_cmd_ter,
    &cli_cmd_allocate,
    &cli_cmd_precision,
    &cli_cmd_presets_models,
    &cli_cmd_presets_fits,
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
