/* SPDX-License-Identifier: MIT */
/* thermoai reproduce: the source papers' numbers recomputed (repro/). */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"
#include "repro.h"

struct reproduce_opts {
    const char *paper;
    const char *verdict;
    struct cli_strings id;
    int records;
    int brief;
    uint32_t format;
    int reruns;
    int quick;
};

static const struct cli_choice formats[] = {
    { "text", REPRO_TEXT, "the per-paper summary and where the records are (see --records, --brief)" },
    { "csv", REPRO_CSV, "one row per record (RFC 4180)" },
    { "json", REPRO_JSON, "an array of records (doc/reproduction.md)" },
    { "markdown", REPRO_MARKDOWN, "the errata page" },
};

#define O(field) offsetof(struct reproduce_opts, field)

static const struct cli_option options[] = {
    { .name = "--paper", .type = CLI_STRING, .offset = O(paper), .meta = "ID[,ID]", .def = "all",
      .help = "documents, a comma list of 000, 001, 002, 003, cross (repro/papers.c), or all" },
    { .name = "--verdict", .type = CLI_STRING, .offset = O(verdict), .meta = "V[,V]",
      .help = "only these verdicts, a comma list: match, mismatch, not-derivable, rerun" },
    { .name = "--id", .type = CLI_STRINGS, .offset = O(id), .meta = "PREFIX[,PREFIX]",
      .help = "only ids starting with a prefix, a comma list: E000, T000-TER, "
              "E000-landauer300.01" },
    { .name = "--records", .type = CLI_FLAG, .offset = O(records),
      .help = "text: the summary, then every record in full, notes wrapped to $COLUMNS" },
    { .name = "--brief", .type = CLI_FLAG, .offset = O(brief),
      .help = "text: one line per record: id, verdict, paper, computed, unit" },
    { .name = "--format", .type = CLI_ENUM, .offset = O(format), .meta = "FORMAT",
      .def = "text", .help = "output format; the filters apply to every format",
      .choices = formats, .n_choices = sizeof formats / sizeof formats[0] },
    { .name = "--reruns", .type = CLI_FLAG, .offset = O(reruns),
      .help = "also run the empirical re-runs (paper 002's SSA timings: results vary between runs)" },
    { .name = "--quick", .type = CLI_FLAG, .offset = O(quick),
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

/* Splits a copy of text at commas into items (at most cap); NULL out of memory.
 * Empty items are kept, so that "000,,001" can be rejected. */
static char *split(const char *text, char **items, size_t cap, size_t *n)
{
    size_t len = strlen(text);
    char *copy = malloc(len + 1), *p;

    *n = 0;
    if (copy == NULL)
        return NULL;
    memcpy(copy, text, len + 1);
    for (p = copy; *n < cap;) {
        char *comma = strchr(p, ',');

        items[(*n)++] = p;
        if (comma == NULL)
            break;
        *comma = '\0';
        p = comma + 1;
    }
    return copy;
}

static size_t items_in(const char *text)
{
    size_t n = 1;

    for (; *text != '\0'; text++)
        n += *text == ',';
    return n;
}

/* The documents to run: bit k for repro_papers()[k]; 0 after a usage error (rc set). */
static unsigned parse_papers(struct cli_ctx *ctx, const char *text, int *rc)
{
    size_t k, n, n_items = items_in(text), i;
    const struct repro_paper *papers = repro_papers(&n);
    char **items = malloc(n_items * sizeof *items), *copy = NULL;
    unsigned docs = 0;

    *rc = 0;
    if (items == NULL || (copy = split(text, items, n_items, &n_items)) == NULL) {
        free(items);
        *rc = cli_value_error(ctx, "out of memory");
        return 0;
    }
    for (i = 0; i < n_items && *rc == 0; i++) {
        const struct repro_paper *p = repro_paper_find(items[i]);

        if (strcmp(items[i], "all") == 0) {
            for (k = 0; k < n; k++)
                docs |= 1u << k;
        } else if (p != NULL) {
            docs |= 1u << (unsigned)(p - papers);
        } else {
            char ids[128];

            paper_ids(ids, sizeof ids);
            *rc = cli_usage_error(ctx, "--paper must be a comma list of %s or all, not '%s'",
                                  ids, items[i]);
        }
    }
    free(copy);
    free(items);
    return *rc == 0 ? docs : 0u;
}

static int parse_verdicts(struct cli_ctx *ctx, const char *text, unsigned *mask)
{
    size_t n_items = items_in(text), i;
    char **items = malloc(n_items * sizeof *items), *copy = NULL;
    int rc = 0;

    *mask = 0;
    if (items == NULL || (copy = split(text, items, n_items, &n_items)) == NULL) {
        free(items);
        return cli_value_error(ctx, "out of memory");
    }
    for (i = 0; i < n_items && rc == 0; i++) {
        int v = repro_verdict_from_name(items[i]);

        if (v < 0)
            rc = cli_usage_error(ctx, "--verdict must be a comma list of match, mismatch, "
                                      "not-derivable, rerun, not '%s'", items[i]);
        else
            *mask |= 1u << (unsigned)v;
    }
    free(copy);
    free(items);
    return rc;
}

/* The --id prefixes, every value split at commas; *copies holds the strings. */
static int parse_ids(struct cli_ctx *ctx, const struct cli_strings *ids, char ***prefixes,
                     size_t *n_prefixes, char **copies)
{
    size_t j, i, cap = 0, n;

    *prefixes = NULL;
    *n_prefixes = 0;
    for (j = 0; j < ids->n; j++) {
        copies[j] = NULL;
        cap += items_in(ids->item[j]);
    }
    if (cap == 0)
        return 0;
    if ((*prefixes = malloc(cap * sizeof **prefixes)) == NULL)
        return cli_value_error(ctx, "out of memory");
    for (j = 0; j < ids->n; j++) {
        copies[j] = split(ids->item[j], *prefixes + *n_prefixes, cap - *n_prefixes, &n);
        if (copies[j] == NULL)
            return cli_value_error(ctx, "out of memory");
        for (i = 0; i < n; i++)
            if (!repro_prefix_known((*prefixes)[*n_prefixes + i]))
                return cli_usage_error(ctx, "--id must be a comma list of record id prefixes "
                                            "of the catalog (E000, T000-TER, "
                                            "E000-landauer300.01), not '%s'",
                                       (*prefixes)[*n_prefixes + i]);
        *n_prefixes += n;
    }
    return 0;
}

/* "--paper 000 --verdict mismatch --id E000,T000": the selection for the heading. */
static void describe(char *buf, size_t size, const struct reproduce_opts *o)
{
    size_t used = 0, j;
    int w;

    buf[0] = '\0';
#define ADD(...)                                                                           \
    do {                                                                                   \
        w = used < size ? snprintf(buf + used, size - used, __VA_ARGS__) : 0;              \
        if (w > 0)                                                                         \
            used += (size_t)w;                                                             \
    } while (0)
    if (strcmp(o->paper, "all") != 0)
        ADD("--paper %s", o->paper);
    if (o->verdict != NULL)
        ADD("%s--verdict %s", used ? " " : "", o->verdict);
    for (j = 0; j < o->id.n; j++)
        ADD("%s--id %s", used ? " " : "", o->id.item[j]);
#undef ADD
}

static int run(struct cli_ctx *ctx, void *opts)
{
    const struct reproduce_opts *o = (const struct reproduce_opts *)opts;
    int rc = 0;
    size_t k, n, n_prefixes = 0;
    const struct repro_paper *papers = repro_papers(&n);
    struct repro_list list;
    struct repro_filter filter = { 0 };
    struct repro_view view = { REPRO_TEXT_SUMMARY, 80, NULL, 0 };
    char **prefixes = NULL, *copies[CLI_MAX_REPEAT], selection[512];
    unsigned docs;

    memset(copies, 0, sizeof copies);
    if (o->records && o->brief)
        return cli_usage_error(ctx, "--records and --brief exclude each other");
    docs = parse_papers(ctx, o->paper, &rc);
    if (rc == 0 && o->verdict != NULL)
        rc = parse_verdicts(ctx, o->verdict, &filter.verdicts);
    if (rc == 0)
        rc = parse_ids(ctx, &o->id, &prefixes, &n_prefixes, copies);
    if (rc != 0)
        goto done;
    filter.prefixes = (const char *const *)prefixes;
    filter.n_prefixes = n_prefixes;
    describe(selection, sizeof selection, o);
    view.selection = selection;
    view.width = repro_text_width(getenv("COLUMNS"));
    view.filtered = o->verdict != NULL || o->id.n > 0;
    view.text_mode = o->brief ? REPRO_TEXT_BRIEF
                     : (o->records || o->verdict != NULL || o->id.n > 0) ? REPRO_TEXT_RECORDS
                                                                        : REPRO_TEXT_SUMMARY;

    repro_list_init(&list);
    list.quick = o->quick;
    list.reruns = o->reruns || o->quick;
    for (k = 0; k < n; k++)
        if (docs >> k & 1u) {
            list.docs_run |= 1u << k;
            if (papers[k].driver(&list) != 0)
                rc = CLI_EXIT_VALUE;
        }
    if (rc != 0) {
        cli_value_error(ctx, "a driver failed; no records written");
    } else {
        repro_select(&list, &filter);
        if (repro_write_view(ctx->out, &list, (int)o->format,
                             list.reruns ? "The source papers' empirical re-runs by thermoai"
                                         : "Errata: the source papers recomputed by thermoai",
                             &view)
                != 0
            || fflush(ctx->out) != 0)
            rc = cli_value_error(ctx, "write error");
    }
    repro_list_free(&list);
done:
    for (k = 0; k < CLI_MAX_REPEAT; k++)
        free(copies[k]);
    free(prefixes);
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
        "Text starts with the per-paper summary and says where the rest is: --records\n"
        "prints every record in full, --brief one line each; --verdict, --id and --paper\n"
        "select records in every format (in text, --verdict and --id imply --records).\n"
        "A note shared by several records is printed once, as [note N]. The output is\n"
        "deterministic (doc/errata.md is this command's markdown); the empirical\n"
        "re-runs, which time code, run only with --reruns (doc/reruns.md).",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .opts_size = sizeof(struct reproduce_opts),
    .run = run,
    .example = "thermoai reproduce --verdict mismatch --paper 000,001 --brief",
};
