/* SPDX-License-Identifier: MIT */
/*
 * The `thermoai` command: a table of commands (cli/commands.c), each with a
 * table of typed options that fill a struct of the command's own. The same
 * tables print `--help`, the usage text and the man page, so none can drift
 * from what the parser accepts (git's command table and parse-options).
 *
 * Exit status: 0 success; 1 the values were rejected (a domain error naming the
 * option, or the library's status); 2 the command line is wrong.
 */
#ifndef THERMOAI_CLI_H
#define THERMOAI_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "emit.h"

#define CLI_EXIT_OK 0
#define CLI_EXIT_VALUE 1
#define CLI_EXIT_USAGE 2

/* Option types; the target in the command's struct has the C type in brackets. */
enum cli_type {
    CLI_DOUBLE = 1, /* [double] a C floating literal, finite */
    CLI_COUNT,      /* [uint64_t] a decimal integer >= 0 */
    CLI_ENUM,       /* [uint32_t] one of the option's choices */
    CLI_FLAG,       /* [int] set to 1 when present; takes no value */
    CLI_STRING,     /* [const char *] any text */
    CLI_GROUP,      /* a group of options (shared by several commands) at an offset */
    CLI_STRINGS     /* [struct cli_strings] any text; may repeat, each value appended */
};

#define CLI_MAX_REPEAT 16

/* The values of a CLI_STRINGS option, in command-line order (no default). */
struct cli_strings {
    const char *item[CLI_MAX_REPEAT];
    size_t n;
};

/* Domains checked before anything is computed: a value outside is exit 1 with
 * "--name must be <domain> (<unit>), got <value>". */
enum cli_domain {
    CLI_ANY = 0,
    CLI_POSITIVE,    /* > 0 */
    CLI_NONNEGATIVE, /* >= 0 */
    CLI_UNIT,        /* in [0, 1] */
    CLI_AT_LEAST_1   /* >= 1 */
};

struct cli_choice {
    const char *name;
    uint32_t value;
    const char *help;
};

#define CLI_REQUIRED 0x1u /* no default: the option must be given */
#define CLI_HIDDEN_JSON 0x2u /* not echoed among the inputs of JSON/CSV output */

struct cli_group;

struct cli_option {
    const char *name;     /* "--temperature-k"; its JSON key is "temperature_k" */
    int type;             /* enum cli_type */
    size_t offset;        /* of the target in the command's struct (or the group's) */
    const char *meta;     /* "T" in "--temperature-k T" */
    const char *unit;     /* spelled out: "kelvin", "J", "bits"; NULL for none */
    int domain;           /* enum cli_domain */
    const char *def;      /* the default as the user would type it; NULL: none */
    unsigned flags;       /* CLI_REQUIRED, ... */
    const char *help;     /* one line, no trailing period */
    const struct cli_choice *choices; /* CLI_ENUM */
    size_t n_choices;
    const struct cli_group *group;    /* CLI_GROUP */
};

/* Options shared by several commands, placed in each command's struct at the
 * group option's offset. */
struct cli_group {
    const struct cli_option *options;
    size_t count;
};

struct cli_ctx;

#define CLI_OWN_FORMAT 0x1u /* the command defines its own --format; no --json/--csv */

struct cli_command {
    const char *name;         /* "landauer", or two words: "presets models" */
    unsigned flags;           /* CLI_OWN_FORMAT */
    const char *synopsis;     /* one line for the command list */
    const char *description;  /* a paragraph for --help and the man page */
    const struct cli_option *options;
    size_t n_options;
    size_t opts_size;         /* sizeof the command's struct */
    int (*run)(struct cli_ctx *ctx, void *opts);
    const char *example;      /* one command line with its output, for help and man */
};

/* What every command gets: its table entry, its parsed options, the output. */
struct cli_ctx {
    const struct cli_command *cmd;
    void *opts;
    int format;       /* CLI_TEXT, or EMIT_JSON / EMIT_CSV */
    struct emit emit; /* for JSON and CSV */
    FILE *out;
};

#define CLI_TEXT 0

/* The command table (cli/commands.c), in the order `thermoai help` lists them. */
size_t cli_command_count(void);
const struct cli_command *cli_command_at(size_t i); /* NULL past the end */

/* Parses argv (after the command's name) into opts; --help prints the command's
 * help and returns -1 with *exit_code 0. Returns 0, or -1 with *exit_code set. */
int cli_parse(struct cli_ctx *ctx, int argc, char **argv, int *exit_code);

/* The help of one command, and the whole usage text. */
void cli_print_command_help(FILE *out, const struct cli_command *cmd);
void cli_print_usage(FILE *out);
/* thermoai(1) in roff, from the same table. */
void cli_print_man(FILE *out, const char *version);

/* Messages: "thermoai CMD: ..." on stderr; return the exit code to use. */
int cli_usage_error(const struct cli_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int cli_value_error(const struct cli_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The library rejected the values: names the call and the status. */
int cli_library_error(const struct cli_ctx *ctx, const char *call, int status);

/* ---- output ---------------------------------------------------------------- */

/* Starts the result object of a command (JSON and CSV): "command", "version"
 * and every option's effective value, defaults included. Text: nothing. */
void cli_out_begin(struct cli_ctx *ctx);
/* Ends it and checks the stream; returns an exit code. */
int cli_out_end(struct cli_ctx *ctx);

/* The options of a command as they were parsed, as JSON/CSV fields. */
void cli_emit_inputs(struct cli_ctx *ctx);

/* JSON key of an option: "--temperature-k" -> "temperature_k" (static buffer per call site). */
void cli_option_key(const char *name, char *key, size_t size);

#endif /* THERMOAI_CLI_H */
