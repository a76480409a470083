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
#include <stdint.h>
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
    "  landauer-model --model NAME [MODEL OPTIONS] [--json]\n"
    "                                  per-layer entropy and per-token Landauer bound\n"
    "                                  of a transformer (paper 000 Sec. 3)\n"
    "  ter --model NAME --energy-per-token-j E [MODEL OPTIONS] [--json]\n"
    "                                  Thermodynamic Efficiency Ratio: E over the bound\n"
    "  presets models [--json]         the model presets and their sources\n"
    "  reproduce [--paper ID] [--format FORMAT] [--quick]\n"
    "                                  recompute the source papers' numbers;\n"
    "                                  ID: 000, 001, 002, 003, cross or all (default);\n"
    "                                  FORMAT: text (default), csv, json, markdown;\n"
    "                                  --quick: paper 002's re-runs at N <= 256\n"
    "  help                            this text\n"
    "\n"
    "MODEL OPTIONS: --temperature-k T (default 300), --seq-len N (default: the model's\n"
    "  context length), --saturation ALPHA (default 0.15), --attention-rows one|all\n"
    "  (default one: one query row per head, as when decoding with a KV cache)\n"
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

/* One command-line option: "--name VALUE" / "--name=VALUE" stores the value,
 * a flag ("--json") sets *flag. */
struct option {
    const char *name;
    const char **value;
    int *flag;
};

/* Parses argv[1..] against opts; returns 0 or a usage error's exit status. */
static int parse_options(int argc, char **argv, const char *cmd, const struct option *opts,
                         size_t n_opts)
{
    int i;
    size_t k;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int matched = 0;

        for (k = 0; k < n_opts && !matched; k++) {
            size_t len = strlen(opts[k].name);

            if (strncmp(a, opts[k].name, len) != 0)
                continue;
            if (opts[k].flag != NULL && a[len] == '\0') {
                *opts[k].flag = 1;
                matched = 1;
            } else if (opts[k].value != NULL && a[len] == '=') {
                *opts[k].value = a + len + 1;
                matched = 1;
            } else if (opts[k].value != NULL && a[len] == '\0') {
                if (i + 1 >= argc)
                    return usage_error("option '%s' needs a value", opts[k].name);
                *opts[k].value = argv[++i];
                matched = 1;
            }
        }
        if (!matched)
            return usage_error("%s: unknown argument '%s'", cmd, a);
    }
    return 0;
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
    printf("thermoai %s (ABI %d)\n", thermoai_version_string(), thermoai_version_abi());
    return 0;
}

static int cmd_landauer(int argc, char **argv)
{
    const char *bits_s = NULL, *temp_s = NULL;
    double bits, temperature_k, energy_j;
    int json = 0, rc, status;
    const struct option opts[] = {
        { "--bits", &bits_s, NULL },
        { "--temperature-k", &temp_s, NULL },
        { "--json", NULL, &json },
    };

    if ((rc = parse_options(argc, argv, "landauer", opts, sizeof opts / sizeof opts[0])) != 0)
        return rc;
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

/* Strict unsigned integer parsing for counts. */
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

/* The options shared by `ter` and `landauer-model`: a model preset and the
 * entropy-model options. */
struct model_options {
    const char *model, *temperature, *seq_len, *saturation, *rows;
    int json;
    thermoai_model_arch arch;
    thermoai_entropy_params params;
};

#define MODEL_OPTIONS(m)                                                                   \
    { "--model", &(m).model, NULL }, { "--temperature-k", &(m).temperature, NULL },        \
        { "--seq-len", &(m).seq_len, NULL }, { "--saturation", &(m).saturation, NULL },    \
        { "--attention-rows", &(m).rows, NULL }, { "--json", NULL, &(m).json }

/* Turns the option strings into arch and params; returns 0 or an exit status. */
static int load_model_options(const char *cmd, struct model_options *m)
{
    int status;

    if (m->model == NULL)
        return usage_error("%s: missing --model NAME (see 'thermoai presets models')", cmd);
    if (thermoai_model_arch_init(&m->arch, sizeof m->arch) != THERMOAI_OK
        || thermoai_entropy_params_init(&m->params, sizeof m->params) != THERMOAI_OK)
        return library_error(cmd, THERMOAI_E_INTERNAL);
    status = thermoai_model_preset_find(m->model, &m->arch);
    if (status == THERMOAI_E_NOT_FOUND)
        return usage_error("%s: unknown model '%s' (see 'thermoai presets models')", cmd,
                           m->model);
    if (status != THERMOAI_OK)
        return library_error(cmd, status);
    if (m->temperature != NULL && parse_double(m->temperature, &m->params.temperature_k) != 0)
        return usage_error("%s: --temperature-k: not a number: '%s'", cmd, m->temperature);
    if (m->saturation != NULL
        && parse_double(m->saturation, &m->params.saturation_fraction) != 0)
        return usage_error("%s: --saturation: not a number: '%s'", cmd, m->saturation);
    if (m->seq_len != NULL && parse_count(m->seq_len, &m->params.seq_len) != 0)
        return usage_error("%s: --seq-len: not a count: '%s'", cmd, m->seq_len);
    if (m->rows != NULL) {
        if (strcmp(m->rows, "one") == 0)
            m->params.attention_rows = THERMOAI_ENTROPY_ROWS_ONE;
        else if (strcmp(m->rows, "all") == 0)
            m->params.attention_rows = THERMOAI_ENTROPY_ROWS_ALL;
        else
            return usage_error("%s: --attention-rows must be 'one' or 'all', not '%s'", cmd,
                               m->rows);
    }
    return 0;
}

static uint64_t effective_seq_len(const struct model_options *m)
{
    return m->params.seq_len != 0 ? m->params.seq_len : m->arch.context_length;
}

static int cmd_landauer_model(int argc, char **argv)
{
    struct model_options m = { 0 };
    const struct option opts[] = { MODEL_OPTIONS(m) };
    thermoai_entropy_breakdown b;
    int rc, status;

    if ((rc = parse_options(argc, argv, "landauer-model", opts, sizeof opts / sizeof opts[0]))
            != 0
        || (rc = load_model_options("landauer-model", &m)) != 0)
        return rc;
    b.struct_size = (uint32_t)sizeof b;
    if ((status = thermoai_entropy_token(&m.arch, &m.params, &b)) != THERMOAI_OK)
        return library_error("landauer-model", status);
    if (m.json) {
        fputs("{\"model\": ", stdout);
        repro_json_string(stdout, m.model);
        printf(", \"layers\": %u, \"attention_rows\": \"%s\", "
               "\"seq_len\": %llu, \"saturation_fraction\": %.17g, \"temperature_k\": %.17g, "
               "\"attention_bits\": %.17g, \"ffn_bits\": %.17g, \"norm_bits\": %.17g, "
               "\"layer_bits\": %.17g, \"token_bits\": %.17g, \"token_energy_j\": %.17g}\n",
               (unsigned)m.arch.layers,
               m.params.attention_rows == THERMOAI_ENTROPY_ROWS_ALL ? "all" : "one",
               (unsigned long long)effective_seq_len(&m), m.params.saturation_fraction,
               m.params.temperature_k, b.attention_bits, b.ffn_bits, b.norm_bits, b.layer_bits,
               b.token_bits, b.token_energy_j);
        return 0;
    }
    printf("model              %s (%u layers, %u heads of %u, d_ff %llu, %g-bit values)\n",
           m.model, (unsigned)m.arch.layers, (unsigned)m.arch.heads,
           (unsigned)(m.arch.head_dim ? m.arch.head_dim
                                      : (uint32_t)(m.arch.d_model / m.arch.heads)),
           (unsigned long long)m.arch.d_ff, m.arch.precision_bits);
    printf("attention rows     %s\n", m.params.attention_rows == THERMOAI_ENTROPY_ROWS_ALL
                                          ? "all n rows per head (paper 000 formula as printed)"
                                          : "one query row per head (decoding with a KV cache)");
    printf("sequence length    %llu tokens\n", (unsigned long long)effective_seq_len(&m));
    printf("saturation alpha   %g\n", m.params.saturation_fraction);
    printf("temperature        %g K\n", m.params.temperature_k);
    printf("per layer\n");
    printf("  attention        %.10g bits\n", b.attention_bits);
    printf("  FFN              %.10g bits\n", b.ffn_bits);
    printf("  2 x LayerNorm    %.10g bits\n", b.norm_bits);
    printf("  total            %.10g bits\n", b.layer_bits);
    printf("per token          %.10g bits\n", b.token_bits);
    printf("Landauer bound     %.10g J per token\n", b.token_energy_j);
    return 0;
}

static int cmd_ter(int argc, char **argv)
{
    struct model_options m = { 0 };
    const char *energy_s = NULL;
    const struct option opts[] = { MODEL_OPTIONS(m), { "--energy-per-token-j", &energy_s, NULL } };
    double energy_j, bound_j, ter;
    int rc, status;

    if ((rc = parse_options(argc, argv, "ter", opts, sizeof opts / sizeof opts[0])) != 0)
        return rc;
    if (energy_s == NULL)
        return usage_error("ter: missing %s", "--energy-per-token-j E");
    if (parse_double(energy_s, &energy_j) != 0)
        return usage_error("ter: --energy-per-token-j: not a number: '%s'", energy_s);
    if ((rc = load_model_options("ter", &m)) != 0)
        return rc;
    if ((status = thermoai_ter_per_token(&m.arch, &m.params, energy_j, &ter)) != THERMOAI_OK
        || (status = thermoai_entropy_token_energy_j(&m.arch, &m.params, &bound_j))
               != THERMOAI_OK)
        return library_error("ter", status);
    if (m.json) {
        fputs("{\"model\": ", stdout);
        repro_json_string(stdout, m.model);
        printf(", \"energy_per_token_j\": %.17g, \"landauer_energy_j\": %.17g, "
               "\"ter\": %.17g, \"attention_rows\": \"%s\", \"seq_len\": %llu, "
               "\"temperature_k\": %.17g}\n",
               energy_j, bound_j, ter,
               m.params.attention_rows == THERMOAI_ENTROPY_ROWS_ALL ? "all" : "one",
               (unsigned long long)effective_seq_len(&m), m.params.temperature_k);
    } else {
        printf("TER %.4g (%.4g J per token over a Landauer bound of %.4g J)\n", ter, energy_j,
               bound_j);
    }
    return 0;
}

static int cmd_presets(int argc, char **argv)
{
    int json = 0, rc;
    const struct option opts[] = { { "--json", NULL, &json } };
    size_t i, n = thermoai_model_preset_count();

    if (argc < 2 || strcmp(argv[1], "models") != 0)
        return usage_error("presets: expected 'models', got '%s'", argc < 2 ? "" : argv[1]);
    if ((rc = parse_options(argc - 1, argv + 1, "presets models", opts, 1)) != 0)
        return rc;
    if (json)
        fputs("[\n", stdout);
    else
        printf("%-13s %6s %7s %9s %8s %7s %8s %15s\n", "name", "layers", "d_model", "heads/kv",
               "d_ff", "vocab", "context", "parameters");
    for (i = 0; i < n; i++) {
        thermoai_model_arch a;
        const char *name, *source;
        uint64_t params;
        int status;

        if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK)
            return library_error("presets", THERMOAI_E_INTERNAL);
        if ((status = thermoai_model_preset_info(i, &name, &source, &a)) != THERMOAI_OK
            || (status = thermoai_model_params(&a, &params)) != THERMOAI_OK)
            return library_error("presets", status);
        if (json) {
            fputs("  {\"name\": ", stdout);
            repro_json_string(stdout, name);
            printf(", \"layers\": %u, \"d_model\": %llu, \"heads\": %u, "
                   "\"kv_heads\": %u, \"head_dim\": %u, \"d_ff\": %llu, \"vocab_size\": %llu, "
                   "\"context_length\": %llu, \"precision_bits\": %.17g, \"flags\": %u, "
                   "\"params\": %llu, \"source\": ",
                   (unsigned)a.layers, (unsigned long long)a.d_model, (unsigned)a.heads,
                   (unsigned)a.kv_heads, (unsigned)a.head_dim, (unsigned long long)a.d_ff,
                   (unsigned long long)a.vocab_size, (unsigned long long)a.context_length,
                   a.precision_bits, (unsigned)a.flags, (unsigned long long)params);
            repro_json_string(stdout, source);
            fputs(i + 1 < n ? "},\n" : "}\n", stdout);
        } else
            printf("%-13s %6u %7llu %5u/%-3u %8llu %7llu %8llu %15llu\n    source: %s\n", name,
                   (unsigned)a.layers, (unsigned long long)a.d_model, (unsigned)a.heads,
                   (unsigned)a.kv_heads, (unsigned long long)a.d_ff,
                   (unsigned long long)a.vocab_size, (unsigned long long)a.context_length,
                   (unsigned long long)params, source);
    }
    if (json)
        fputs("]\n", stdout);
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
    const char *paper = "all", *format_s = "text";
    int format = -1, rc = 0, selected = 0, quick = 0;
    size_t k;
    struct repro_list list;
    const struct option opts[] = {
        { "--paper", &paper, NULL },
        { "--format", &format_s, NULL },
        { "--quick", NULL, &quick },
    };

    if ((rc = parse_options(argc, argv, "reproduce", opts, sizeof opts / sizeof opts[0])) != 0)
        return rc;
    for (k = 0; k < sizeof formats / sizeof formats[0]; k++)
        if (strcmp(format_s, formats[k].name) == 0)
            format = formats[k].format;
    if (format < 0)
        return usage_error("reproduce: unknown format '%s' (text, csv, json, markdown)",
                           format_s);

    repro_list_init(&list);
    list.quick = quick;
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
    if (strcmp(cmd, "landauer-model") == 0)
        return cmd_landauer_model(argc - 1, argv + 1);
    if (strcmp(cmd, "ter") == 0)
        return cmd_ter(argc - 1, argv + 1);
    if (strcmp(cmd, "presets") == 0)
        return cmd_presets(argc - 1, argv + 1);
    return usage_error("unknown command '%s'", cmd);
}
