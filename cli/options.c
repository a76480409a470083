/* SPDX-License-Identifier: MIT */
/* Option parsing, help and messages of the `thermoai` command (see cli.h). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"

#define MAX_FLAT 96

/* An option of a command with groups expanded: where its target lies. */
struct flat {
    const struct cli_option *opt;
    size_t offset;
};

static size_t flatten(const struct cli_option *opts, size_t n, size_t base, struct flat *out,
                      size_t count)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (opts[i].type == CLI_GROUP) {
            count = flatten(opts[i].group->options, opts[i].group->count, base + opts[i].offset,
                            out, count);
        } else if (count < MAX_FLAT) {
            out[count].opt = &opts[i];
            out[count].offset = base + opts[i].offset;
            count++;
        }
    }
    return count;
}

static size_t flat_options(const struct cli_command *cmd, struct flat *out)
{
    return flatten(cmd->options, cmd->n_options, 0, out, 0);
}

/* ---- messages ------------------------------------------------------------------ */

#if defined(__GNUC__)
__attribute__((format(printf, 2, 0)))
#endif
static void vmessage(const struct cli_ctx *ctx, const char *fmt, va_list ap)
{
    fputs("thermoai", stderr);
    if (ctx != NULL && ctx->cmd != NULL)
        fprintf(stderr, " %s", ctx->cmd->name);
    fputs(": ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int cli_usage_error(const struct cli_ctx *ctx, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage(ctx, fmt, ap);
    va_end(ap);
    if (ctx != NULL && ctx->cmd != NULL)
        fprintf(stderr, "Try 'thermoai %s --help'.\n", ctx->cmd->name);
    else
        fputs("Try 'thermoai help'.\n", stderr);
    return CLI_EXIT_USAGE;
}

int cli_value_error(const struct cli_ctx *ctx, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vmessage(ctx, fmt, ap);
    va_end(ap);
    return CLI_EXIT_VALUE;
}

int cli_library_error(const struct cli_ctx *ctx, const char *call, int status)
{
    return cli_value_error(ctx, "%s: %s (%s)", call, thermoai_strerror(status),
                           thermoai_status_name(status));
}

/* ---- values --------------------------------------------------------------------- */

void cli_option_key(const char *name, char *key, size_t size)
{
    size_t i = 0;

    while (*name == '-')
        name++;
    for (; *name != '\0' && i + 1 < size; name++)
        key[i++] = *name == '-' ? '_' : *name;
    key[i] = '\0';
}

/* The whole argument must be one C floating literal (inf and nan included:
 * the domain check names them). */
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
        return -1; /* a finite literal too large for double ("inf" sets no ERANGE) */
    return 0;
}

static int parse_count(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;

    if (s == NULL || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (*end != '\0' || errno == ERANGE)
        return -1;
    *out = (uint64_t)v;
    return 0;
}

static void choices_text(const struct cli_option *o, char *buf, size_t size)
{
    size_t i, used = 0;

    buf[0] = '\0';
    for (i = 0; i < o->n_choices && used + 1 < size; i++) {
        int w = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", o->choices[i].name);

        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* Stores text into the option's target; returns 0 or a usage error's exit code. */
static int store(struct cli_ctx *ctx, const struct flat *f, const char *text)
{
    char *target = (char *)ctx->opts + f->offset;
    const struct cli_option *o = f->opt;
    size_t i;

    switch (o->type) {
    case CLI_DOUBLE: {
        double v;

        if (parse_double(text, &v) != 0)
            return cli_usage_error(ctx, "%s: not a number: '%s'", o->name, text);
        memcpy(target, &v, sizeof v);
        return 0;
    }
    case CLI_COUNT: {
        uint64_t v;

        if (parse_count(text, &v) != 0)
            return cli_usage_error(ctx, "%s: not a count: '%s'", o->name, text);
        memcpy(target, &v, sizeof v);
        return 0;
    }
    case CLI_ENUM:
        for (i = 0; i < o->n_choices; i++)
            if (strcmp(text, o->choices[i].name) == 0) {
                memcpy(target, &o->choices[i].value, sizeof(uint32_t));
                return 0;
            }
        {
            char list[256];

            choices_text(o, list, sizeof list);
            return cli_usage_error(ctx, "%s must be one of %s, not '%s'", o->name, list, text);
        }
    case CLI_STRING:
        memcpy(target, &text, sizeof text);
        return 0;
    case CLI_STRINGS: {
        struct cli_strings v;

        memcpy(&v, target, sizeof v);
        if (v.n >= CLI_MAX_REPEAT)
            return cli_usage_error(ctx, "%s given more than %d times", o->name, CLI_MAX_REPEAT);
        v.item[v.n++] = text;
        memcpy(target, &v, sizeof v);
        return 0;
    }
    default:
        return cli_usage_error(ctx, "%s takes no value", o->name);
    }
}

static const char *domain_text(int domain)
{
    switch (domain) {
    case CLI_POSITIVE:
        return "> 0";
    case CLI_NONNEGATIVE:
        return ">= 0";
    case CLI_UNIT:
        return "in [0, 1]";
    case CLI_AT_LEAST_1:
        return ">= 1";
    default:
        return "finite";
    }
}

static int in_domain(double v, int domain)
{
    if (!isfinite(v))
        return 0;
    switch (domain) {
    case CLI_POSITIVE:
        return v > 0.0;
    case CLI_NONNEGATIVE:
        return v >= 0.0;
    case CLI_UNIT:
        return v >= 0.0 && v <= 1.0;
    case CLI_AT_LEAST_1:
        return v >= 1.0;
    default:
        return 1;
    }
}

/* ---- parsing ----------------------------------------------------------------------- */

static int set_format(struct cli_ctx *ctx, const char *name)
{
    if (strcmp(name, "text") == 0)
        ctx->format = CLI_TEXT;
    else if (strcmp(name, "json") == 0)
        ctx->format = EMIT_JSON;
    else if (strcmp(name, "csv") == 0)
        ctx->format = EMIT_CSV;
    else
        return cli_usage_error(ctx, "--format must be one of text, json, csv, not '%s'", name);
    return 0;
}

int cli_parse(struct cli_ctx *ctx, int argc, char **argv, int *exit_code)
{
    struct flat flat[MAX_FLAT];
    unsigned char seen[MAX_FLAT];
    const size_t n = flat_options(ctx->cmd, flat);
    size_t k;
    int i, rc;

    if (ctx->cmd->opts_size > 0)
        memset(ctx->opts, 0, ctx->cmd->opts_size);
    memset(seen, 0, sizeof seen);
    ctx->format = CLI_TEXT;
    for (k = 0; k < n; k++)
        if (flat[k].opt->def != NULL && (rc = store(ctx, &flat[k], flat[k].opt->def)) != 0) {
            *exit_code = CLI_EXIT_USAGE; /* a bad default in the table: a bug */
            return -1;
        }
    for (i = 0; i < argc; i++) {
        const char *a = argv[i], *eq = strchr(a, '='), *value = NULL;
        size_t len = eq != NULL ? (size_t)(eq - a) : strlen(a);
        const struct flat *f = NULL;

        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            cli_print_command_help(stdout, ctx->cmd);
            *exit_code = CLI_EXIT_OK;
            return -1;
        }
        if ((ctx->cmd->flags & CLI_OWN_FORMAT) == 0
            && (strcmp(a, "--json") == 0 || strcmp(a, "--csv") == 0)) {
            ctx->format = a[2] == 'j' ? EMIT_JSON : EMIT_CSV;
            continue;
        }
        if ((ctx->cmd->flags & CLI_OWN_FORMAT) == 0 && strncmp(a, "--format", len) == 0
            && len == 8) {
            if (eq == NULL && i + 1 >= argc) {
                *exit_code = cli_usage_error(ctx, "option '--format' needs a value");
                return -1;
            }
            if ((rc = set_format(ctx, eq != NULL ? eq + 1 : argv[++i])) != 0) {
                *exit_code = rc;
                return -1;
            }
            continue;
        }
        for (k = 0; k < n && f == NULL; k++)
            if (strlen(flat[k].opt->name) == len && strncmp(a, flat[k].opt->name, len) == 0)
                f = &flat[k];
        if (f == NULL || a[0] != '-') {
            *exit_code = cli_usage_error(ctx, "unknown argument '%s'", a);
            return -1;
        }
        if (f->opt->type == CLI_FLAG) {
            int one = 1;

            if (eq != NULL) {
                *exit_code = cli_usage_error(ctx, "%s takes no value", f->opt->name);
                return -1;
            }
            memcpy((char *)ctx->opts + f->offset, &one, sizeof one);
        } else {
            if (eq != NULL)
                value = eq + 1;
            else if (i + 1 < argc)
                value = argv[++i];
            else {
                *exit_code = cli_usage_error(ctx, "option '%s' needs a value", f->opt->name);
                return -1;
            }
            if ((rc = store(ctx, f, value)) != 0) {
                *exit_code = rc;
                return -1;
            }
        }
        seen[f - flat] = 1;
    }
    for (k = 0; k < n; k++)
        if ((flat[k].opt->flags & CLI_REQUIRED) != 0 && !seen[k]) {
            *exit_code = cli_usage_error(ctx, "missing %s %s", flat[k].opt->name,
                                         flat[k].opt->meta != NULL ? flat[k].opt->meta : "");
            return -1;
        }
    for (k = 0; k < n; k++) {
        const struct cli_option *o = flat[k].opt;
        double v;

        if (o->type != CLI_DOUBLE)
            continue;
        memcpy(&v, (char *)ctx->opts + flat[k].offset, sizeof v);
        if (!in_domain(v, o->domain)) {
            if (o->unit != NULL)
                *exit_code = cli_value_error(ctx, "%s must be %s (%s), got %g", o->name,
                                             domain_text(o->domain), o->unit, v);
            else
                *exit_code = cli_value_error(ctx, "%s must be %s, got %g", o->name,
                                             domain_text(o->domain), v);
            return -1;
        }
    }
    return 0;
}

/* ---- help ---------------------------------------------------------------------------- */

static void option_help(FILE *out, const struct cli_option *o)
{
    char left[64];
    size_t i;

    snprintf(left, sizeof left, "%s%s%s", o->name, o->type == CLI_FLAG ? "" : " ",
             o->type == CLI_FLAG ? "" : (o->meta != NULL ? o->meta : "VALUE"));
    fprintf(out, "  %-24s %s", left, o->help);
    if (o->unit != NULL)
        fprintf(out, ", %s", o->unit);
    if (o->domain != CLI_ANY)
        fprintf(out, "; %s", domain_text(o->domain));
    if ((o->flags & CLI_REQUIRED) != 0)
        fputs(" (required)", out);
    else if (o->def != NULL)
        fprintf(out, " (default %s)", o->def);
    if (o->type == CLI_STRINGS)
        fputs(" (may repeat)", out);
    fputc('\n', out);
    for (i = 0; i < o->n_choices; i++)
        fprintf(out, "  %-24s   %-8s %s\n", "", o->choices[i].name, o->choices[i].help);
}

static void options_help(FILE *out, const struct cli_option *opts, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (opts[i].type == CLI_GROUP) {
            fprintf(out, " %s:\n", opts[i].help);
            options_help(out, opts[i].group->options, opts[i].group->count);
        } else {
            option_help(out, &opts[i]);
        }
    }
}

static void synopsis(FILE *out, const struct cli_command *cmd)
{
    struct flat flat[MAX_FLAT];
    const size_t n = flat_options(cmd, flat);
    size_t k;

    fprintf(out, "usage: thermoai %s", cmd->name);
    for (k = 0; k < n; k++) {
        const struct cli_option *o = flat[k].opt;

        if ((o->flags & CLI_REQUIRED) != 0)
            fprintf(out, " %s %s", o->name, o->meta != NULL ? o->meta : "VALUE");
    }
    if (n > 0)
        fputs(" [options]", out);
    fputs((cmd->flags & CLI_OWN_FORMAT) == 0 ? " [--json|--csv]\n" : "\n", out);
}

void cli_print_command_help(FILE *out, const struct cli_command *cmd)
{
    synopsis(out, cmd);
    fprintf(out, "\n%s\n", cmd->description != NULL ? cmd->description : cmd->synopsis);
    fputs("\noptions:\n", out);
    options_help(out, cmd->options, cmd->n_options);
    if ((cmd->flags & CLI_OWN_FORMAT) == 0)
        fprintf(out, "  %-24s %s\n", "--json, --csv",
                "machine-readable output (also --format text|json|csv)");
    fprintf(out, "  %-24s %s\n", "-h, --help", "this help");
    if (cmd->example != NULL)
        fprintf(out, "\nexample:\n  %s\n", cmd->example);
    fputs("\nexit status: 0 success, 1 the values were rejected, 2 usage error\n", out);
}

void cli_print_usage(FILE *out)
{
    size_t i;
    const struct cli_command *c;

    fputs("usage: thermoai <command> [options]\n\ncommands:\n", out);
    for (i = 0; (c = cli_command_at(i)) != NULL; i++)
        fprintf(out, "  %-18s %s\n", c->name, c->synopsis);
    fprintf(out, "  %-18s %s\n", "help [COMMAND]", "this text, or a command's options");
    fputs("\nEvery command answers --help with its options, units and defaults, and\n"
          "prints JSON (--json) or CSV (--csv) carrying the library version and all inputs.\n"
          "exit status: 0 success, 1 the values were rejected, 2 usage error\n",
          out);
}

/* ---- the man page ------------------------------------------------------------------------- */

/* Text for roff: backslashes escaped, hyphens as \-, a leading '.' or '\'' guarded. */
static void roff(FILE *out, const char *s)
{
    int bol = 1;

    for (; *s != '\0'; s++) {
        if (bol && (*s == '.' || *s == '\''))
            fputs("\\&", out);
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
        bol = *s == '\n';
    }
}

static void man_options(FILE *out, const struct cli_option *opts, size_t n)
{
    size_t i, c;

    for (i = 0; i < n; i++) {
        const struct cli_option *o = &opts[i];

        if (o->type == CLI_GROUP) {
            fputs(".PP\n", out);
            roff(out, o->help);
            fputs(":\n", out);
            man_options(out, o->group->options, o->group->count);
            continue;
        }
        fputs(".TP\n\\fB", out);
        roff(out, o->name);
        fputs("\\fR", out);
        if (o->type != CLI_FLAG) {
            fputs(" \\fI", out);
            roff(out, o->meta != NULL ? o->meta : "VALUE");
            fputs("\\fR", out);
        }
        fputc('\n', out);
        roff(out, o->help);
        if (o->unit != NULL) {
            fputs(", ", out);
            roff(out, o->unit);
        }
        if (o->domain != CLI_ANY) {
            fputs("; ", out);
            roff(out, domain_text(o->domain));
        }
        if ((o->flags & CLI_REQUIRED) != 0)
            fputs(" (required)", out);
        else if (o->def != NULL) {
            fputs(" (default ", out);
            roff(out, o->def);
            fputc(')', out);
        }
        if (o->type == CLI_STRINGS)
            fputs(" (may repeat)", out);
        fputs(".\n", out);
        for (c = 0; c < o->n_choices; c++) {
            fputs(".RS\n.TP\n.B ", out);
            roff(out, o->choices[c].name);
            fputc('\n', out);
            roff(out, o->choices[c].help);
            fputs("\n.RE\n", out);
        }
    }
}

void cli_print_man(FILE *out, const char *version)
{
    size_t i;
    const struct cli_command *c;

    fputs(".\\\" Generated by `thermoai help --man` from the command table; do not edit.\n", out);
    fprintf(out, ".TH THERMOAI 1 \"\" \"thermoai %s\" \"User Commands\"\n", version);
    fputs(".SH NAME\nthermoai \\- physical limits and energy cost of AI computation\n"
          ".SH SYNOPSIS\n.B thermoai\n.I command\n[\\fIoptions\\fR]\n.br\n.B thermoai help\n"
          "[\\fIcommand\\fR]\n"
          ".SH DESCRIPTION\nThe command-line front end of the thermoai library: Landauer bounds, "
          "the entropy model of a transformer, the Thermodynamic Efficiency Ratio, energy cost "
          "models, and the reproduction of the source papers' numbers. Every quantity is in SI "
          "units, with the unit in the option's name or its help.\n.PP\n"
          "Every command answers \\fB\\-\\-help\\fR. Except where noted, every command "
          "prints text for people, or JSON (\\fB\\-\\-json\\fR) or CSV "
          "(\\fB\\-\\-csv\\fR; also \\fB\\-\\-format\\fR \\fItext\\fR|\\fIjson\\fR|"
          "\\fIcsv\\fR) that carry the command, the library version and every input with its "
          "effective value, defaults included.\n.SH COMMANDS\n",
          out);
    for (i = 0; (c = cli_command_at(i)) != NULL; i++) {
        fputs(".SS ", out);
        roff(out, c->name);
        fputs("\n", out);
        roff(out, c->synopsis);
        fputs(".\n.PP\n", out);
        if (c->description != NULL) {
            roff(out, c->description);
            fputs("\n", out);
        }
        if (c->n_options > 0)
            man_options(out, c->options, c->n_options);
        if ((c->flags & CLI_OWN_FORMAT) != 0)
            fputs(".PP\nThis command has its own \\fB\\-\\-format\\fR and no "
                  "\\fB\\-\\-json\\fR/\\fB\\-\\-csv\\fR.\n", out);
        if (c->example != NULL) {
            fputs(".PP\nExample:\n.RS\n.nf\n", out);
            roff(out, c->example);
            fputs("\n.fi\n.RE\n", out);
        }
    }
    fputs(".SH EXIT STATUS\n.TP\n0\nsuccess\n.TP\n1\nthe values were rejected: a value outside "
          "its option's domain (the message names the option and the domain), or the library's "
          "status for the values (the message names it)\n.TP\n2\nthe command line is wrong: "
          "an unknown command or option, a missing required option, a malformed number\n"
          ".SH SEE ALSO\n.BR thermoai (3)\n",
          out);
}

/* ---- output ------------------------------------------------------------------------------ */

void cli_emit_inputs(struct cli_ctx *ctx)
{
    struct flat flat[MAX_FLAT];
    const size_t n = flat_options(ctx->cmd, flat);
    size_t k, i;

    for (k = 0; k < n; k++) {
        const struct cli_option *o = flat[k].opt;
        const char *p = (const char *)ctx->opts + flat[k].offset;
        char key[64];

        if ((o->flags & CLI_HIDDEN_JSON) != 0)
            continue;
        cli_option_key(o->name, key, sizeof key);
        switch (o->type) {
        case CLI_DOUBLE: {
            double v;

            memcpy(&v, p, sizeof v);
            emit_double(&ctx->emit, key, v);
            break;
        }
        case CLI_COUNT: {
            uint64_t v;

            memcpy(&v, p, sizeof v);
            emit_uint(&ctx->emit, key, v);
            break;
        }
        case CLI_ENUM: {
            uint32_t v;
            const char *name = NULL;

            memcpy(&v, p, sizeof v);
            for (i = 0; i < o->n_choices; i++)
                if (o->choices[i].value == v)
                    name = o->choices[i].name;
            emit_string(&ctx->emit, key, name);
            break;
        }
        case CLI_FLAG: {
            int v;

            memcpy(&v, p, sizeof v);
            emit_bool(&ctx->emit, key, v);
            break;
        }
        case CLI_STRING: {
            const char *v;

            memcpy(&v, p, sizeof v);
            emit_string(&ctx->emit, key, v);
            break;
        }
        case CLI_STRINGS: {
            struct cli_strings v;
            char joined[512];
            size_t used = 0;

            memcpy(&v, p, sizeof v);
            joined[0] = '\0';
            for (i = 0; i < v.n && used + 1 < sizeof joined; i++) {
                int w = snprintf(joined + used, sizeof joined - used, "%s%s", i ? "," : "",
                                 v.item[i]);

                if (w < 0)
                    break;
                used += (size_t)w;
            }
            emit_string(&ctx->emit, key, joined);
            break;
        }
        default:
            break;
        }
    }
}

void cli_out_begin(struct cli_ctx *ctx)
{
    if (ctx->format == CLI_TEXT)
        return;
    emit_init(&ctx->emit, ctx->out, ctx->format);
    emit_begin(&ctx->emit, NULL);
    emit_string(&ctx->emit, "command", ctx->cmd->name);
    emit_string(&ctx->emit, "version", thermoai_version_string());
    cli_emit_inputs(ctx);
}

int cli_out_end(struct cli_ctx *ctx)
{
    if (ctx->format == CLI_TEXT) {
        if (fflush(ctx->out) != 0 || ferror(ctx->out))
            return cli_value_error(ctx, "write error");
        return CLI_EXIT_OK;
    }
    emit_end(&ctx->emit);
    if (emit_finish(&ctx->emit) != 0)
        return cli_value_error(ctx, "write error (or output too large for CSV)");
    return CLI_EXIT_OK;
}
