/* SPDX-License-Identifier: MIT */
/* thermoai reproduce: the source papers' numbers recomputed (repro/). */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"
#include "repro.h"

struct reproduce_opts {
    const char *paper;
    uint32_t format;
    int quick;
};

static const struct cli_choice formats[] = {
    { "text", REPRO_TEXT, "one block per record and a summary" },
    { "csv", REPRO_CSV, "one row per record (RFC 4180)" },
    { "json", REPRO_JSON, "an array of records (doc/reproduction.md)" },
    { "markdown", REPRO_MARKDOWN, "the errata page" },
};

static const struct cli_option options[] = {
    { .name = "--paper", .type = CLI_STRING, .offset = offsetof(struct reproduce_opts, paper),
      .meta = "ID", .def = "all", .help = "000, 001, 002, 003, cross or all" },
    { .name = "--format", .type = CLI_ENUM, .offset = offsetof(struct reproduce_opts, format),
      .meta = "FORMAT", .def = "text", .help = "output format", .choices = formats,
      .n_choices = sizeof formats / sizeof formats[0] },
    { .name = "--quick", .type = CLI_FLAG, .offset = offsetof(struct reproduce_opts, quick),
      .help = "paper 002's re-runs at N <= 256 only" },
};

static int run(struct cli_ctx *ctx, void *opts)
{
    static const struct {
        const char *name;
        int (*driver)(struct repro_list *);
    } papers[] = {
        { "000", repro_paper000 }, { "001", repro_paper001 }, { "002", repro_paper002 },
        { "003", repro_paper003 }, { "cross", repro_cross },
    };
    const struct reproduce_opts *o = (const struct reproduce_opts *)opts;
    int rc = 0, selected = 0;
    size_t k;
    struct repro_list list;

    repro_list_init(&list);
    list.quick = o->quick;
    for (k = 0; k < sizeof papers / sizeof papers[0]; k++)
        if (strcmp(o->paper, "all") == 0 || strcmp(o->paper, papers[k].name) == 0) {
            selected = 1;
            if (papers[k].driver(&list) != 0)
                rc = CLI_EXIT_VALUE;
        }
    if (!selected) {
        repro_list_free(&list);
        return cli_usage_error(ctx, "unknown paper '%s' (000, 001, 002, 003, cross, all)",
                               o->paper);
    }
    if (rc != 0) {
        cli_value_error(ctx, "a driver failed; no records written");
    } else if (repro_write(ctx->out, &list, (int)o->format,
                           "Errata: the source papers recomputed by thermoai")
                   != 0
               || fflush(ctx->out) != 0) {
        rc = cli_value_error(ctx, "write error");
    }
    repro_list_free(&list);
    return rc;
}

const struct cli_command cli_cmd_reproduce = {
    .name = "reproduce",
    .flags = CLI_OWN_FORMAT,
    .synopsis = "recompute the source papers' printed numbers, with a verdict each",
    .description =
        "Recomputes every printed value of the four source documents with library calls\n"
        "and prints one record per value: the printed text, the value in SI units, the\n"
        "computed value, a verdict by one rule (match, mismatch, not-derivable, rerun) and\n"
        "a note that names the reading reproducing a mismatched value (doc/reproduction.md).",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .opts_size = sizeof(struct reproduce_opts),
    .run = run,
    .example = "thermoai reproduce --paper 000 --format markdown",
};
