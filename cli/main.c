/* SPDX-License-Identifier: MIT */
/*
 * thermoai: the command-line front end of the library. main() finds the command
 * in the table (cli/commands.c), parses its options (cli/options.c) and runs it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

/* The command whose name is argv[0], or "argv[0] argv[1]" for two-word names;
 * *words says how many arguments the name took. */
static const struct cli_command *find(int argc, char **argv, int *words)
{
    size_t i;
    const struct cli_command *c;

    for (i = 0; (c = cli_command_at(i)) != NULL; i++) {
        const char *sp = strchr(c->name, ' ');

        if (sp == NULL) {
            if (strcmp(argv[0], c->name) == 0) {
                *words = 1;
                return c;
            }
        } else if (argc > 1 && strncmp(argv[0], c->name, (size_t)(sp - c->name)) == 0
                   && argv[0][sp - c->name] == '\0' && strcmp(argv[1], sp + 1) == 0) {
            *words = 2;
            return c;
        }
    }
    return NULL;
}

/* The first word of a two-word family ("presets") without its second word. */
static int family_error(const char *word)
{
    size_t i, len = strlen(word);
    const struct cli_command *c;
    int found = 0;

    for (i = 0; (c = cli_command_at(i)) != NULL; i++)
        if (strncmp(c->name, word, len) == 0 && c->name[len] == ' ') {
            if (!found)
                fprintf(stderr, "thermoai %s: expected one of:", word);
            fprintf(stderr, " '%s'", c->name + len + 1);
            found = 1;
        }
    if (!found)
        return 0;
    fprintf(stderr, "\nTry 'thermoai help'.\n");
    return 1;
}

int main(int argc, char **argv)
{
    const struct cli_command *cmd;
    struct cli_ctx ctx;
    int words = 0, rc = CLI_EXIT_OK;

    if (argc < 2) {
        cli_print_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0
        || strcmp(argv[1], "-h") == 0) {
        if (argc == 3 && strcmp(argv[2], "--man") == 0)
            cli_print_man(stdout, thermoai_version_string());
        else if (argc > 2 && (cmd = find(argc - 2, argv + 2, &words)) != NULL)
            cli_print_command_help(stdout, cmd);
        else if (argc > 2) {
            fprintf(stderr, "thermoai: no command '%s'\n", argv[2]);
            return CLI_EXIT_USAGE;
        } else
            cli_print_usage(stdout);
        return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_VALUE;
    }
    if (strcmp(argv[1], "--version") == 0)
        cmd = &cli_cmd_version, words = 1;
    else if ((cmd = find(argc - 1, argv + 1, &words)) == NULL) {
        if (family_error(argv[1]))
            return CLI_EXIT_USAGE;
        fprintf(stderr, "thermoai: unknown command '%s'\nTry 'thermoai help'.\n", argv[1]);
        return CLI_EXIT_USAGE;
    }
    memset(&ctx, 0, sizeof ctx);
    ctx.cmd = cmd;
    ctx.out = stdout;
    if (cmd->opts_size > 0 && (ctx.opts = calloc(1, cmd->opts_size)) == NULL) {
        fputs("thermoai: out of memory\n", stderr);
        return CLI_EXIT_VALUE;
    }
    if (cli_parse(&ctx, argc - 1 - words, argv + 1 + words, &rc) == 0)
        rc = cmd->run(&ctx, ctx.opts);
    free(ctx.opts);
    return rc;
}
