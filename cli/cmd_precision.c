/* SPDX-License-Identifier: MIT */
/* thermoai precision: the energy-optimal bit width and a per-layer bit allocation
 * (precision.h). */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

#define MAX_LAYERS 65536

struct precision_opts {
    double c_sens;
    double tolerance;
    const char *sensitivities;
    const char *sensitivities_file;
    uint64_t total_bits;
    uint64_t min_bits;
    uint64_t max_bits;
    double error_exponent;
};

static const struct cli_option options[] = {
    { .name = "--c-sens", .type = CLI_DOUBLE, .offset = offsetof(struct precision_opts, c_sens), .meta = "C",
      .domain = CLI_POSITIVE, .def = "1", .help = "sensitivity c_sens of the error to quantisation, c 2^-2b" },
    { .name = "--tolerance", .type = CLI_DOUBLE, .offset = offsetof(struct precision_opts, tolerance),
      .meta = "T", .domain = CLI_POSITIVE, .def = "1e-4",
      .help = "tolerated degradation, in the unit of --c-sens" },
    { .name = "--sensitivities", .type = CLI_STRING, .offset = offsetof(struct precision_opts, sensitivities),
      .meta = "S1,S2,...", .def = "",
      .help = "per-layer sensitivities s_i > 0, separated by commas or spaces" },
    { .name = "--sensitivities-file", .type = CLI_STRING,
      .offset = offsetof(struct precision_opts, sensitivities_file), .meta = "PATH", .def = "",
      .help = "the same from a file: numbers separated by white space or commas, '#' comments" },
    { .name = "--total-bits", .type = CLI_COUNT, .offset = offsetof(struct precision_opts, total_bits),
      .meta = "B", .unit = "bits", .def = "0", .help = "sum of the layers' widths; 0: 8 per layer" },
    { .name = "--min-bits", .type = CLI_COUNT, .offset = offsetof(struct precision_opts, min_bits),
      .meta = "LO", .unit = "bits", .def = "2", .help = "narrowest width of a layer" },
    { .name = "--max-bits", .type = CLI_COUNT, .offset = offsetof(struct precision_opts, max_bits),
      .meta = "HI", .unit = "bits", .def = "16", .help = "widest width of a layer (at most 2^20)" },
    { .name = "--error-exponent", .type = CLI_DOUBLE,
      .offset = offsetof(struct precision_opts, error_exponent), .meta = "K", .domain = CLI_POSITIVE,
      .def = "2", .help = "k in the layer error s_i 2^(-k b_i): 2 as Theorem 3.22 states, 1 as its proof uses" },
};

/* Appends the numbers of text to s[*n]; 0, or an exit code naming the option. */
static int parse_list(struct cli_ctx *ctx, const char *option, const char *text, double *s, size_t *n)
{
    const char *p = text;

    for (;;) {
        char *end;
        double v;

        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ',')
            p++;
        if (*p == '#') { /* a comment runs to the end of the line */
            while (*p != '\0' && *p != '\n')
                p++;
            continue;
        }
        if (*p == '\0')
            return 0;
        errno = 0;
        v = strtod(p, &end);
        if (end == p || (errno == ERANGE && isinf(v))) {
            int len = 0;

            while (p[len] != '\0' && p[len] != ',' && p[len] != ' ' && p[len] != '\n' && len < 40)
                len++;
            return cli_usage_error(ctx, "%s: not a number: '%.*s'", option, len, p);
        }
        if (*n == MAX_LAYERS)
            return cli_value_error(ctx, "%s: more than %d layers", option, MAX_LAYERS);
        if (!(v > 0.0) || !isfinite(v))
            return cli_value_error(ctx, "%s must be > 0, got %g (layer %zu)", option, v, *n + 1);
        s[(*n)++] = v;
        p = end;
    }
}

static int read_file(struct cli_ctx *ctx, const char *path, double *s, size_t *n)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    int rc = 0;

    if (f == NULL)
        return cli_value_error(ctx, "--sensitivities-file: cannot open '%s': %s", path, strerror(errno));
    while (rc == 0 && fgets(line, sizeof line, f) != NULL)
        rc = parse_list(ctx, "--sensitivities-file", line, s, n);
    if (rc == 0 && ferror(f))
        rc = cli_value_error(ctx, "--sensitivities-file: cannot read '%s'", path);
    fclose(f);
    return rc;
}

static int report(struct cli_ctx *ctx, const struct precision_opts *o, const double *s, size_t n,
                  double b_star, double b_whole, double degradation)
{
    double *bits = NULL, err_real = 0.0, err_whole = 0.0;
    uint32_t *whole = NULL;
    uint64_t total = o->total_bits != 0 ? o->total_bits : 8u * (uint64_t)n;
    size_t i;
    int status, rc;

    if (n > 0) {
        if (o->max_bits > 1048576u || o->min_bits > o->max_bits)
            return cli_value_error(ctx, "--min-bits and --max-bits must satisfy min <= max <= 2^20, got %llu and %llu",
                                   (unsigned long long)o->min_bits, (unsigned long long)o->max_bits);
        if (total < (uint64_t)n * o->min_bits || total > (uint64_t)n * o->max_bits)
            return cli_value_error(ctx, "--total-bits must lie in [%llu, %llu] for %zu layers in [%llu, %llu] bits, got %llu",
                                   (unsigned long long)((uint64_t)n * o->min_bits),
                                   (unsigned long long)((uint64_t)n * o->max_bits), n,
                                   (unsigned long long)o->min_bits, (unsigned long long)o->max_bits,
                                   (unsigned long long)total);
        bits = (double *)malloc(n * sizeof *bits);
        whole = (uint32_t *)malloc(n * sizeof *whole);
        if (bits == NULL || whole == NULL) {
            free(bits);
            free(whole);
            return cli_value_error(ctx, "out of memory for %zu layers", n);
        }
        if ((status = thermoai_precision_layer_bits(s, n, (double)total, o->error_exponent, (double)o->min_bits,
                                                    (double)o->max_bits, bits)) != THERMOAI_OK
            || (status = thermoai_precision_layer_error(s, bits, n, o->error_exponent, &err_real)) != THERMOAI_OK
            || (status = thermoai_precision_layer_bits_whole(s, n, total, o->error_exponent, (uint32_t)o->min_bits,
                                                             (uint32_t)o->max_bits, whole, &err_whole))
                   != THERMOAI_OK) {
            free(bits);
            free(whole);
            return cli_library_error(ctx, "thermoai_precision_layer_bits", status);
        }
    }
    cli_out_begin(ctx);
    if (ctx->format != CLI_TEXT) {
        emit_double(&ctx->emit, "bits", b_star);
        emit_double(&ctx->emit, "whole_bits", b_whole);
        emit_double(&ctx->emit, "degradation_at_whole_bits", degradation);
        if (n > 0) {
            emit_uint(&ctx->emit, "layers", n);
            emit_uint(&ctx->emit, "total_bits_used", total);
            emit_double(&ctx->emit, "error_real", err_real);
            emit_double(&ctx->emit, "error_whole", err_whole);
            emit_array_begin(&ctx->emit, "allocation");
            for (i = 0; i < n; i++) {
                emit_begin(&ctx->emit, NULL);
                emit_uint(&ctx->emit, "layer", i + 1);
                emit_double(&ctx->emit, "sensitivity", s[i]);
                emit_double(&ctx->emit, "bits_real", bits[i]);
                emit_uint(&ctx->emit, "bits_whole", whole[i]);
                emit_end(&ctx->emit);
            }
            emit_array_end(&ctx->emit);
        }
    } else {
        fprintf(ctx->out, "b* = 1/2 log2(c_sens / tolerance) = %.6g bits; %g whole bits (degradation %.4g)\n",
                b_star, b_whole, degradation);
        if (n > 0) {
            fprintf(ctx->out, "%zu layers, %llu bits in [%llu, %llu] per layer, error s_i 2^(-%g b_i)\n", n,
                    (unsigned long long)total, (unsigned long long)o->min_bits, (unsigned long long)o->max_bits,
                    o->error_exponent);
            fprintf(ctx->out, "%6s %12s %10s %6s\n", "layer", "sensitivity", "bits", "whole");
            for (i = 0; i < n; i++)
                fprintf(ctx->out, "%6zu %12.6g %10.4f %6u\n", i + 1, s[i], bits[i], (unsigned)whole[i]);
            fprintf(ctx->out, "total error %.6g (real widths), %.6g (whole widths)\n", err_real, err_whole);
        }
    }
    free(bits);
    free(whole);
    rc = cli_out_end(ctx);
    return rc;
}

static int run(struct cli_ctx *ctx, void *opts)
{
    const struct precision_opts *o = (const struct precision_opts *)opts;
    double *s, b_star, b_whole, degradation;
    size_t n = 0;
    int rc = 0, status;

    if ((status = thermoai_precision_optimal_bits(o->c_sens, o->tolerance, &b_star, &b_whole)) != THERMOAI_OK
        || (status = thermoai_precision_degradation(o->c_sens, b_whole, &degradation)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_precision_optimal_bits", status);
    s = (double *)malloc(MAX_LAYERS * sizeof *s);
    if (s == NULL)
        return cli_value_error(ctx, "out of memory");
    if (o->sensitivities != NULL && o->sensitivities[0] != '\0')
        rc = parse_list(ctx, "--sensitivities", o->sensitivities, s, &n);
    if (rc == 0 && o->sensitivities_file != NULL && o->sensitivities_file[0] != '\0')
        rc = read_file(ctx, o->sensitivities_file, s, &n);
    if (rc == 0)
        rc = report(ctx, o, s, n, b_star, b_whole, degradation);
    free(s);
    return rc;
}

const struct cli_command cli_cmd_precision = {
    .name = "precision",
    .synopsis = "energy-optimal bit width b* and a per-layer bit allocation",
    .description =
        "b* = 1/2 log2(c_sens / tolerance), the narrowest width whose degradation c_sens 2^-2b\n"
        "meets the tolerance (paper 002 Proposition 3.21, Theorem 4.5, Eq. 18). With per-layer\n"
        "sensitivities, the allocation of Theorem 3.22 that minimises sum s_i 2^(-k b_i) for a\n"
        "total of B bits within [LO, HI] per layer: the real widths, and whole widths that\n"
        "spend exactly B bits (an exact integer optimum; doc/allocation.md).",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .opts_size = sizeof(struct precision_opts),
    .run = run,
    .example = "thermoai precision --sensitivities 1,4,16,0.25 --total-bits 32",
};
