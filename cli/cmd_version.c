/* SPDX-License-Identifier: MIT */
/* thermoai version: the library's version and ABI. */
#include "config.h"

#include <stdio.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

static int run(struct cli_ctx *ctx, void *opts)
{
    (void)opts;
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT)
        fprintf(ctx->out, "thermoai %s (ABI %d)\n", thermoai_version_string(),
                thermoai_version_abi());
    else
        emit_int(&ctx->emit, "abi", thermoai_version_abi());
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_version = {
    .name = "version",
    .synopsis = "print the library version and its ABI number",
    .description = "Prints the version of the thermoai library the command runs with and the\n"
                   "major number of its ABI (the SONAME: libthermoai.so.ABI).",
    .run = run,
    .example = "thermoai version    # thermoai 0.1.0 (ABI 0)",
};
