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
    int reruns;
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
      .meta = "ID", .def = "all",
      .help = "one document (000, 001, 002, 003 or cross; the table of repro/papers.c) or all" },
    { .name = "--format", .type = CLI_ENUM, .offset = offsetof(struct reproduce_opts, format),
      .meta = "FORMAT", .def = "text", .help = "output format", .choices = formats,
      .n_choices = sizeof formats / sizeof formats[0] },
    { .name = "--reruns", .type = CLI_FLAG, .offset = offsetof(struct reproduce_opts, reruns),
      .help = "also run the empirical re-runs (paper 002's SSA timings: results vary between runs)" },
    { .name = "--quick", .type = CLI_FLAG, .offset = offsetof(struct reproduce_opts, quick),
      .help = "the re-runs at N <= 256 only (implies --reruns)" },
};

/* The documents' ids for an error message: "000, 001, 002, 003, cross". */
static void paper_ids(char *buf, size_t size)
{
    size_t k, n, used = 0;
    const struct repro_paper *p = repro_papers(&n);

    buf[0] = '\0';
    for (k = 0; k < n && used < size; k++) {
        int w = snprintf(buf + used, size - used, "%s%s", k ? ", " : "", p[k].id);

        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static int run(struct cli_ctx *ctx, void *opts)
{
    const struct reproduce_opts *o = (const struct reproduce_opts *)opts;
    int rc = 0, all = strcmp(o->paper, "all") == 0;
    size_t k, n;
    const struct repro_paper *papers = repro_papers(&n);
    struct repro_list list;

    if (!all && repro_paper_find(o->paper) == NULL) {
        char ids[128];

        paper_ids(ids, sizeof ids);
        return cli_usage_error(ctx, "unknown paper '%s' (%s, all)", o->paper, ids);
    }
    repro_list_init(&list);
    list.quick = o->quick;
    list.reruns = o->reruns || o->quick;
    for (k = 0; k < n; k++)
        if (all || strcmp(o->paper, papers[k].id) == 0) {
            list.docs_run |= 1u << k;
            if (papers[k].driver(&list) != 0)
                rc = CLI_EXIT_VALUE;
        }
    if (rc != 0) {
        cli_value_error(ctx, "a driver failed; no records written");
    } else if (repro_write(ctx->out, &list, (int)o->format,
                           list.reruns ? "The source papers' empirical re-runs by thermoai"
                                       : "Errata: the source papers recomputed by thermoai")
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
        "a note that names the reading reproducing a mismatched value (doc/reproduction.md).\n"
        "The output is deterministic (doc/errata.md is this command's markdown); the\n"
        "empirical re-runs, which time code, run only with --reruns (doc/reruns.md).",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .opts_size = sizeof(struct reproduce_opts),
    .run = run,
    .example = "thermoai reproduce --paper 000 --format markdown",
};
