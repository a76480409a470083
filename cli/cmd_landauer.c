/* SPDX-License-Identifier: MIT */
/* thermoai landauer: the minimum energy of erasing bits (landauer.h). */
#include "config.h"

#include <stddef.h>
#include <stdio.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

struct landauer_opts {
    double bits;
    double temperature_k;
};

static const struct cli_option options[] = {
    { .name = "--bits", .type = CLI_DOUBLE, .offset = offsetof(struct landauer_opts, bits),
      .meta = "B", .unit = "bits", .domain = CLI_NONNEGATIVE, .def = "1",
      .help = "bits erased" },
    { .name = "--temperature-k", .type = CLI_DOUBLE,
      .offset = offsetof(struct landauer_opts, temperature_k), .meta = "T", .unit = "kelvin",
      .domain = CLI_POSITIVE, .def = "300", .help = "temperature of the environment" },
};

static int run(struct cli_ctx *ctx, void *opts)
{
    const struct landauer_opts *o = (const struct landauer_opts *)opts;
    double energy_j;
    int status;

    if ((status = thermoai_landauer_energy_j(o->bits, o->temperature_k, &energy_j)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_landauer_energy_j", status);
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT)
        fprintf(ctx->out, "%.10g J\n", energy_j);
    else
        emit_double(&ctx->emit, "energy_j", energy_j);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_landauer = {
    .name = "landauer",
    .synopsis = "minimum energy in J to erase B bits at T kelvin",
    .description =
        "Landauer's bound E = B k_B T ln 2 (Landauer 1961), with the exact SI 2019 Boltzmann\n"
        "constant k_B = 1.380649e-23 J/K: the least energy a device at temperature T must\n"
        "dissipate to erase B bits.",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .opts_size = sizeof(struct landauer_opts),
    .run = run,
    .example = "thermoai landauer --bits 1    # 2.870978885e-21 J (at the default 300 K)",
};
