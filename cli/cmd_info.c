/* SPDX-License-Identifier: MIT */
/* thermoai rd: the rate-distortion function and its energy bound (rd.h, paper 002 Theorem 3.13). */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

/* The most numbers a file may hold (a 4096 x 4096 matrix). */
#define MAX_NUMBERS (4096u * 4096u)

enum rd_source { RD_AUTO = 0, RD_GAUSSIAN, RD_BERNOULLI, RD_DISCRETE };

struct rd_opts {
    uint32_t source;
    double variance;
    double p;
    double distortion;
    const char *pmf;
    const char *matrix;
    double tolerance_bits;
    double temperature_k;
};

static const struct cli_choice sources[] = {
    { "auto", RD_AUTO, "discrete when --pmf is given, else an error" },
    { "gaussian", RD_GAUSSIAN, "Gaussian of variance V, squared error: R = max(0, log2(V/D)/2)" },
    { "bernoulli", RD_BERNOULLI, "Bernoulli(p), Hamming distortion: R = H(p) - H(D) below min(p, 1-p)" },
    { "discrete", RD_DISCRETE, "the pmf of --pmf with the matrix of --distortion-matrix (Blahut-Arimoto)" },
};

static const struct cli_option options[] = {
    { .name = "--source", .type = CLI_ENUM, .offset = offsetof(struct rd_opts, source), .meta = "KIND",
      .def = "auto", .help = "the source and distortion measure", .choices = sources,
      .n_choices = sizeof sources / sizeof sources[0] },
    { .name = "--variance", .type = CLI_DOUBLE, .offset = offsetof(struct rd_opts, variance), .meta = "V",
      .unit = "squared units of the source", .domain = CLI_POSITIVE, .def = "1",
      .help = "variance of the Gaussian source" },
    { .name = "--p", .type = CLI_DOUBLE, .offset = offsetof(struct rd_opts, p), .meta = "P",
      .domain = CLI_UNIT, .def = "0.5", .help = "probability of a 1 of the Bernoulli source" },
    { .name = "--distortion", .type = CLI_DOUBLE, .offset = offsetof(struct rd_opts, distortion), .meta = "D",
      .domain = CLI_NONNEGATIVE, .def = NULL, .flags = CLI_REQUIRED,
      .help = "the allowed expected distortion, in the unit of the distortion measure" },
    { .name = "--pmf", .type = CLI_STRING, .offset = offsetof(struct rd_opts, pmf), .meta = "FILE",
      .def = "", .help = "source pmf p(x): whitespace-separated numbers summing to 1" },
    { .name = "--distortion-matrix", .type = CLI_STRING, .offset = offsetof(struct rd_opts, matrix),
      .meta = "FILE", .def = "",
      .help = "d(x, xhat): nx rows of whitespace-separated numbers (nx = entries of --pmf)" },
    { .name = "--tolerance-bits", .type = CLI_DOUBLE, .offset = offsetof(struct rd_opts, tolerance_bits),
      .meta = "TOL", .unit = "bits", .domain = CLI_POSITIVE, .def = "1e-9",
      .help = "discrete: certified gap between the rate and its lower bound" },
    { .name = "--temperature-k", .type = CLI_DOUBLE, .offset = offsetof(struct rd_opts, temperature_k),
      .meta = "T", .unit = "kelvin", .domain = CLI_POSITIVE, .def = "300",
      .help = "temperature of the energy bound" },
};

/* Reads whitespace-separated numbers from path into a new array; -1 with a message on error. */
static int read_numbers(const struct cli_ctx *ctx, const char *option, const char *path, double **out,
                        size_t *count)
{
    FILE *f = fopen(path, "r");
    double *v = NULL;
    size_t n = 0, cap = 0;
    char word[128];
    int rc = -1;

    *out = NULL;
    *count = 0;
    if (f == NULL) {
        cli_value_error(ctx, "%s: cannot open '%s': %s", option, path, strerror(errno));
        return -1;
    }
    while (fscanf(f, "%127s", word) == 1) {
        char *end;
        double x;

        errno = 0;
        x = strtod(word, &end);
        if (*end != '\0' || end == word) {
            cli_value_error(ctx, "%s: '%s' is not a number in '%s'", option, word, path);
            goto done;
        }
        if (n == cap) {
            double *w;

            if (cap >= MAX_NUMBERS) {
                cli_value_error(ctx, "%s: more than %u numbers in '%s'", option, MAX_NUMBERS, path);
                goto done;
            }
            cap = cap ? 2 * cap : 64;
            w = realloc(v, cap * sizeof *v);
            if (w == NULL) {
                cli_value_error(ctx, "%s: out of memory", option);
                goto done;
            }
            v = w;
        }
        v[n++] = x;
    }
    if (ferror(f)) {
        cli_value_error(ctx, "%s: cannot read '%s'", option, path);
        goto done;
    }
    if (n == 0) {
        cli_value_error(ctx, "%s: no numbers in '%s'", option, path);
        goto done;
    }
    *out = v;
    *count = n;
    v = NULL;
    rc = 0;
done:
    free(v);
    fclose(f);
    return rc;
}

static int run_discrete(struct cli_ctx *ctx, const struct rd_opts *o)
{
    double *pmf = NULL, *matrix = NULL, dmin, dmax, energy_j;
    size_t nx, nm, nxhat;
    thermoai_rd_ba_params params;
    thermoai_rd_ba_result res;
    thermoai_rd_ba *solver = NULL;
    const char *kernel = "";
    int status, code = CLI_EXIT_VALUE;

    if (o->matrix[0] == '\0') {
        free(pmf);
        return cli_usage_error(ctx, "--pmf needs --distortion-matrix");
    }
    if (read_numbers(ctx, "--pmf", o->pmf, &pmf, &nx) != 0
        || read_numbers(ctx, "--distortion-matrix", o->matrix, &matrix, &nm) != 0)
        goto done;
    if (nm % nx != 0) {
        code = cli_value_error(ctx, "--distortion-matrix: %zu numbers are not %zu rows of equal length", nm, nx);
        goto done;
    }
    nxhat = nm / nx;
    if ((status = thermoai_rd_ba_params_init(&params, sizeof params)) != THERMOAI_OK
        || (status = thermoai_rd_ba_result_init(&res, sizeof res)) != THERMOAI_OK) {
        code = cli_library_error(ctx, "thermoai_rd_ba_params_init", status);
        goto done;
    }
    params.tolerance_bits = o->tolerance_bits;
    if ((status = thermoai_rd_ba_create(pmf, nx, matrix, nxhat, &params, &solver)) != THERMOAI_OK) {
        code = cli_library_error(ctx, "thermoai_rd_ba_create", status);
        goto done;
    }
    if ((status = thermoai_rd_ba_distortion_range(solver, &dmin, &dmax)) != THERMOAI_OK
        || (status = thermoai_rd_ba_kernel_name(solver, &kernel)) != THERMOAI_OK) {
        code = cli_library_error(ctx, "thermoai_rd_ba_distortion_range", status);
        goto done;
    }
    if (o->distortion < dmin) {
        code = cli_value_error(ctx, "--distortion %g is below the least achievable D_min = %.10g: R is infinite",
                               o->distortion, dmin);
        goto done;
    }
    if ((status = thermoai_rd_ba_execute_distortion(solver, o->distortion, &res)) != THERMOAI_OK) {
        code = cli_library_error(ctx, "thermoai_rd_ba_execute_distortion", status);
        goto done;
    }
    /* the energy bound from the certified lower bound on R(D) */
    if ((status = thermoai_landauer_energy_j(res.rate_lower_bits, o->temperature_k, &energy_j)) != THERMOAI_OK) {
        code = cli_library_error(ctx, "thermoai_landauer_energy_j", status);
        goto done;
    }
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT) {
        fprintf(ctx->out, "R(D) in [%.10g, %.10g] bits at D = %.10g (nx = %zu, nxhat = %zu)\n",
                res.rate_lower_bits, res.rate_bits, res.distortion, nx, nxhat);
        fprintf(ctx->out, "D_min = %.10g, D_max = %.10g; %u iterations (%s)\n", dmin, dmax,
                res.iterations, kernel);
        fprintf(ctx->out, "E_min >= %.10g J at %g K\n", energy_j, o->temperature_k);
    } else {
        emit_uint(&ctx->emit, "nx", nx);
        emit_uint(&ctx->emit, "nxhat", nxhat);
        emit_double(&ctx->emit, "rate_bits", res.rate_bits);
        emit_double(&ctx->emit, "rate_lower_bits", res.rate_lower_bits);
        emit_double(&ctx->emit, "achieved_distortion", res.distortion);
        emit_double(&ctx->emit, "slope_bits", res.slope_bits);
        emit_double(&ctx->emit, "dmin", dmin);
        emit_double(&ctx->emit, "dmax", dmax);
        emit_uint(&ctx->emit, "iterations", res.iterations);
        emit_string(&ctx->emit, "kernel", kernel);
        emit_double(&ctx->emit, "energy_j", energy_j);
    }
    code = cli_out_end(ctx);
done:
    thermoai_rd_ba_free(solver);
    free(pmf);
    free(matrix);
    return code;
}

static int run(struct cli_ctx *ctx, void *opts)
{
    const struct rd_opts *o = (const struct rd_opts *)opts;
    uint32_t source = o->source;
    double rate_bits, energy_j;
    const char *call;
    int status;

    if (source == RD_AUTO) {
        if (o->pmf[0] == '\0')
            return cli_usage_error(ctx, "give --source gaussian|bernoulli, or --pmf and --distortion-matrix");
        source = RD_DISCRETE;
    }
    if (source == RD_DISCRETE) {
        if (o->pmf[0] == '\0')
            return cli_usage_error(ctx, "--source discrete needs --pmf and --distortion-matrix");
        return run_discrete(ctx, o);
    }
    if (source == RD_GAUSSIAN) {
        call = "thermoai_rd_gaussian_bits";
        status = thermoai_rd_gaussian_bits(o->variance, o->distortion, &rate_bits);
    } else {
        call = "thermoai_rd_bernoulli_bits";
        status = thermoai_rd_bernoulli_bits(o->p, o->distortion, &rate_bits);
    }
    if (status != THERMOAI_OK)
        return cli_library_error(ctx, call, status);
    if ((status = thermoai_landauer_energy_j(rate_bits, o->temperature_k, &energy_j)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_landauer_energy_j", status);
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT) {
        fprintf(ctx->out, "R(D) = %.10g bits\n", rate_bits);
        fprintf(ctx->out, "E_min >= %.10g J at %g K\n", energy_j, o->temperature_k);
    } else {
        emit_double(&ctx->emit, "rate_bits", rate_bits);
        emit_double(&ctx->emit, "energy_j", energy_j);
    }
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_rd = {
    .name = "rd",
    .synopsis = "rate-distortion R(D) in bits and the energy bound k_B T ln 2 R(D)",
    .description =
        "The Shannon rate-distortion function R(D), the fewest bits per source symbol that\n"
        "reproduce it within expected distortion D, and paper 002 Theorem 3.13's energy bound\n"
        "E_min >= k_B T ln 2 R(D) for an implementation that erases those bits. Closed forms\n"
        "for a Gaussian source with squared error and a Bernoulli source with Hamming\n"
        "distortion; any discrete source (--pmf) with any distortion matrix\n"
        "(--distortion-matrix) by Blahut-Arimoto, which prints a certified interval for R(D)\n"
        "(the energy bound uses its lower end). See doc/information-theory.md.",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .opts_size = sizeof(struct rd_opts),
    .run = run,
    .example = "thermoai rd --source gaussian --variance 1 --distortion 0.25    # R(D) = 1 bits",
};
