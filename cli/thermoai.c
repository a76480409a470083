/* SPDX-License-Identifier: MIT */
/*
 * thermoai: command-line calculators and the paper reproduction driver.
 *
 * Exit status: 0 success, 1 the library reported an error for the given
 * values (the message names the status), 2 the command line is wrong.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "repro.h"

#define EXIT_LIBRARY 1
#define EXIT_USAGE 2

static const char usage_text[] =
    "usage: thermoai <command> [options]\n"
    "\n"
    "commands:\n"
    "  version                         print the library version\n"
    "  landauer --bits B --temperature-k T [--json]\n"
    "                                  minimum energy in J to erase B bits at T kelvin\n"
    "  reproduce [--paper ID] [--format FORMAT]\n"
    "                                  recompute the source papers' numbers;\n"
    "                                  ID: 000, 001, 002, 003, cross or all (default);\n"
    "                                  FORMAT: text (default), csv, json, markdown\n"
    "  help                            this text\n"
    "\n"
    "exit status: 0 success, 1 the library rejected the values, 2 usage error\n";

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int usage_error(const char *fmt, ...)
{
    va_list ap;

    fputs("thermoai: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'thermoai help'.\n", stderr);
    return EXIT_USAGE;
}

/* Strict number parsing: the whole argument must be one C floating literal. */
static int parse_double(const char *s, double *out)
{
    char *end;

    if (s == NULL || *s == '\0')
        return -1;
    errno = 0;
    *out = strtod(s, &end);
    if (*end != '\0' || end == s)
        return -1;
    if (errno == ERANGE && isinf(*out))
        return -1; /* a finite literal too large for double */
    return 0;
}

/*
 * Matches "--name VALUE" and "--name=VALUE" at argv[*i]; advances *i past the
 * value. Returns 1 on a match, 0 when argv[*i] is another option, -1 when the
 * value is missing.
 */
static int option_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t n = strlen(name);
    const char *a = argv[*i];

    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

static int library_error(const char *what, int status)
{
    fprintf(stderr, "thermoai: %s: %s (%s)\n", what, thermoai_strerror(status),
            thermoai_status_name(status));
    return EXIT_LIBRARY;
}

static int cmd_version(int argc, char **argv)
{
    if (argc > 1)
        return usage_error("version takes no arguments, got '%s'", argv[1]);
    printf("thermoai %s (ABI %d)\n", thermoai_version_string(), thermoai_abi_version());
    return 0;
}

static int cmd_landauer(int argc, char **argv)
{
    const char *bits_s = NULL, *temp_s = NULL, *v = NULL;
    double bits, temperature_k, energy_j;
    int json = 0, i, m, status;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else if ((m = option_value(argc, argv, &i, "--bits", &v)) != 0) {
            if (m < 0)
                return usage_error("option '%s' needs a value", "--bits");
            bits_s = v;
        } else if ((m = option_value(argc, argv, &i, "--temperature-k", &v)) != 0) {
            if (m < 0)
                return usage_error("option '%s' needs a value", "--temperature-k");
            temp_s = v;
        } else {
            return usage_error("landauer: unknown argument '%s'", argv[i]);
        }
    }
    if (bits_s == NULL)
        return usage_error("landauer: missing %s", "--bits B");
    if (temp_s == NULL)
        return usage_error("landauer: missing %s", "--temperature-k T");
    if (parse_double(bits_s, &bits) != 0)
        return usage_error("landauer: --bits: not a number: '%s'", bits_s);
    if (parse_double(temp_s, &temperature_k) != 0)
        return usage_error("landauer: --temperature-k: not a number: '%s'", temp_s);

    status = thermoai_landauer_energy_j(bits, temperature_k, &energy_j);
    if (status != THERMOAI_OK)
        return library_error("landauer", status);
    if (json)
        printf("{\"bits\": %.17g, \"temperature_k\": %.17g, \"energy_j\": %.17g}\n", bits,
               temperature_k, energy_j);
    else
        printf("%.10g J\n", energy_j);
    return 0;
}

static int cmd_reproduce(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*driver)(struct repro_list *);
    } papers[] = {
        { "000", repro_paper000 }, { "001", repro_paper001 }, { "002", repro_paper002 },
        { "003", repro_paper003 }, { "cross", repro_cross },
    };
    static const struct {
        const char *name;
        int format;
    } formats[] = {
        { "text", REPRO_TEXT }, { "csv", REPRO_CSV }, { "json", REPRO_JSON },
        { "markdown", REPRO_MARKDOWN },
    };
    const char *paper = "all", *format_s = "text", *v = NULL;
    int format = -1, i, m, rc = 0, selected = 0;
    size_t k;
    struct repro_list list;

    for (i = 1; i < argc; i++) {
        if ((m = option_value(argc, argv, &i, "--paper", &v)) != 0) {
            if (m < 0)
                return usage_error("option '%s' needs a value", "--paper");
            paper = v;
        } else if ((m = option_value(argc, argv, &i, "--format", &v)) != 0) {
            if (m < 0)
                return usage_error("option '%s' needs a value", "--format");
            format_s = v;
        } else {
            return usage_error("reproduce: unknown argument '%s'", argv[i]);
        }
    }
    for (k = 0; k < sizeof formats / sizeof formats[0]; k++)
        if (strcmp(format_s, formats[k].name) == 0)
            format = formats[k].format;
    if (format < 0)
        return usage_error("reproduce: unknown format '%s' (text, csv, json, markdown)",
                           format_s);

    repro_list_init(&list);
    for (k = 0; k < sizeof papers / sizeof papers[0]; k++)
        if (strcmp(paper, "all") == 0 || strcmp(paper, papers[k].name) == 0) {
            selected = 1;
            if (papers[k].driver(&list) != 0)
                rc = EXIT_LIBRARY;
        }
    if (!selected) {
        repro_list_free(&list);
        return usage_error("reproduce: unknown paper '%s' (000, 001, 002, 003, cross, all)",
                           paper);
    }
    if (rc != 0) {
        fputs("thermoai: reproduce: a driver failed; no records written\n", stderr);
    } else if (repro_write(stdout, &list, format,
                           "Errata: the source papers recomputed by thermoai")
                   != 0
               || fflush(stdout) != 0) {
        fputs("thermoai: reproduce: write error\n", stderr);
        rc = EXIT_LIBRARY;
    }
    repro_list_free(&list);
    return rc;
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : NULL;

    if (cmd == NULL) {
        fputs(usage_text, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0)
        return cmd_version(argc - 1, argv + 1);
    if (strcmp(cmd, "landauer") == 0)
        return cmd_landauer(argc - 1, argv + 1);
    if (strcmp(cmd, "reproduce") == 0)
        return cmd_reproduce(argc - 1, argv + 1);
    return usage_error("unknown command '%s'", cmd);
}
