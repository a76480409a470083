/* SPDX-License-Identifier: MIT */
/* thermoai allocate and presets fits: the loss-optimal parameters and tokens for an
 * energy budget (allocate.h, loss.h). */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

struct allocate_opts {
    double energy_j;
    const char *fit;
    double j_per_flop;
    double mfu;
    double pue;
    double inference_tokens;
    double fixed_j;
};

static const struct cli_option options[] = {
    { .name = "--energy-j", .type = CLI_DOUBLE, .offset = offsetof(struct allocate_opts, energy_j),
      .meta = "E", .unit = "J", .domain = CLI_POSITIVE, .flags = CLI_REQUIRED,
      .help = "energy budget of the training run (and of the lifetime inference, if any)" },
    { .name = "--fit", .type = CLI_STRING, .offset = offsetof(struct allocate_opts, fit), .meta = "NAME",
      .def = "hoffmann2022", .help = "loss model: a preset of 'thermoai presets fits'" },
    { .name = "--j-per-flop", .type = CLI_DOUBLE, .offset = offsetof(struct allocate_opts, j_per_flop),
      .meta = "e", .unit = "J/FLOP", .domain = CLI_POSITIVE, .def = "1e-12",
      .help = "device energy per FLOP at full utilisation (paper 002 Remark 3.1: about 1 pJ)" },
    { .name = "--mfu", .type = CLI_DOUBLE, .offset = offsetof(struct allocate_opts, mfu), .meta = "U",
      .domain = CLI_UNIT, .def = "1", .help = "model FLOPs utilisation, in (0, 1]: energy per FLOP / U" },
    { .name = "--pue", .type = CLI_DOUBLE, .offset = offsetof(struct allocate_opts, pue), .meta = "P",
      .domain = CLI_AT_LEAST_1, .def = "1", .help = "power usage effectiveness of the facility" },
    { .name = "--inference-tokens", .type = CLI_DOUBLE,
      .offset = offsetof(struct allocate_opts, inference_tokens), .meta = "T", .unit = "tokens",
      .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "tokens the model will serve in its lifetime (2 FLOP per parameter each)" },
    { .name = "--fixed-j", .type = CLI_DOUBLE, .offset = offsetof(struct allocate_opts, fixed_j), .meta = "E0",
      .unit = "J", .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "fixed energy that does not depend on the allocation (Axiom 3.3's E_0)" },
};

/* The fit named by --fit; 0 or an exit code. */
static int load_fit(struct cli_ctx *ctx, const char *name, thermoai_loss_model *m)
{
    int status;

    if ((status = thermoai_loss_model_init(m, sizeof *m)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_loss_model_init", status);
    if ((status = thermoai_loss_preset_find(name, m)) == THERMOAI_E_NOT_FOUND)
        return cli_usage_error(ctx, "--fit: unknown fit '%s' (see 'thermoai presets fits')", name);
    if (status != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_loss_preset_find", status);
    return 0;
}

static void emit_result(struct cli_ctx *ctx, const char *key, const thermoai_allocate_result *r)
{
    emit_begin(&ctx->emit, key);
    emit_double(&ctx->emit, "params", r->params);
    emit_double(&ctx->emit, "tokens", r->tokens);
    emit_double(&ctx->emit, "tokens_per_param", r->tokens_per_param);
    emit_double(&ctx->emit, "loss_nats", r->loss_nats);
    emit_double(&ctx->emit, "multiplier_nats_per_j", r->multiplier_nats_per_j);
    emit_double(&ctx->emit, "energy_j", r->energy_j);
    emit_double(&ctx->emit, "training_energy_j", r->compute_energy_j);
    emit_double(&ctx->emit, "inference_energy_j", r->memory_energy_j);
    emit_double(&ctx->emit, "fixed_energy_j", r->fixed_energy_j);
    emit_double(&ctx->emit, "marginal_spread", r->marginal_spread);
    emit_double(&ctx->emit, "params_elasticity", r->params_elasticity);
    emit_double(&ctx->emit, "tokens_elasticity", r->tokens_elasticity);
    emit_uint(&ctx->emit, "iterations", r->iterations);
    emit_end(&ctx->emit);
}

static int run(struct cli_ctx *ctx, void *opts)
{
    const struct allocate_opts *o = (const struct allocate_opts *)opts;
    thermoai_loss_model m;
    thermoai_allocate_energy_model e;
    thermoai_allocate_result r;
    double e_flop, flop, n_c, d_c, l_c;
    int rc, status;

    if (!(o->mfu > 0.0))
        return cli_value_error(ctx, "--mfu must be > 0, got %g", o->mfu);
    if (!(o->energy_j > o->fixed_j))
        return cli_value_error(ctx, "--energy-j must exceed --fixed-j (%g J), got %g J: nothing to allocate",
                               o->fixed_j, o->energy_j);
    if ((rc = load_fit(ctx, o->fit, &m)) != 0)
        return rc;
    e_flop = o->j_per_flop * o->pue / o->mfu; /* facility energy per useful FLOP */
    if ((status = thermoai_allocate_energy_model_init(&e, sizeof e)) != THERMOAI_OK
        || (status = thermoai_allocate_result_init(&r, sizeof r)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_allocate_energy_model_init", status);
    e.compute_j_per_param_token = 6.0 * e_flop;
    e.memory_j_per_param = 2.0 * e_flop * o->inference_tokens;
    e.fixed_j = o->fixed_j;
    if ((status = thermoai_allocate_solve(&m, &e, o->energy_j, &r)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_allocate_solve", status);
    /* the FLOP budget the energy buys, and Chinchilla's allocation for it */
    flop = (o->energy_j - o->fixed_j) / e_flop;
    if ((status = thermoai_allocate_compute_optimal(&m, flop, &n_c, &d_c, &l_c)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_allocate_compute_optimal", status);
    cli_out_begin(ctx);
    if (ctx->format != CLI_TEXT) {
        emit_double(&ctx->emit, "j_per_useful_flop", e_flop);
        emit_result(ctx, "energy_optimal", &r);
        emit_begin(&ctx->emit, "flop_budget");
        emit_double(&ctx->emit, "flop", flop);
        emit_double(&ctx->emit, "params", n_c);
        emit_double(&ctx->emit, "tokens", d_c);
        emit_double(&ctx->emit, "tokens_per_param", d_c / n_c);
        emit_double(&ctx->emit, "loss_nats", l_c);
        emit_end(&ctx->emit);
        return cli_out_end(ctx);
    }
    fprintf(ctx->out, "fit                 %s: L = %g + %g/N^%g + %g/D^%g nats per token\n", o->fit,
            m.irreducible_nats, m.params_coef, m.params_exponent, m.tokens_coef, m.tokens_exponent);
    fprintf(ctx->out, "energy per FLOP     %.4g J (%.4g J/FLOP x PUE %g / MFU %g)\n", e_flop, o->j_per_flop,
            o->pue, o->mfu);
    fprintf(ctx->out, "energy-optimal for %.4g J%s\n", o->energy_j,
            o->inference_tokens > 0.0 ? " (training and lifetime inference)" : "");
    fprintf(ctx->out, "  parameters        %.6g\n", r.params);
    fprintf(ctx->out, "  training tokens   %.6g (%.4g per parameter)\n", r.tokens, r.tokens_per_param);
    fprintf(ctx->out, "  loss              %.6g nats per token\n", r.loss_nats);
    fprintf(ctx->out, "  energy split      training %.4g J, inference %.4g J, fixed %.4g J\n",
            r.compute_energy_j, r.memory_energy_j, r.fixed_energy_j);
    fprintf(ctx->out, "  multiplier        %.4g nats per token per J (marginal spread %.1e)\n",
            r.multiplier_nats_per_j, r.marginal_spread);
    fprintf(ctx->out, "compute-optimal for the %.4g FLOP that %.4g J buy (C = 6 N D, no inference)\n", flop,
            o->energy_j - o->fixed_j);
    fprintf(ctx->out, "  parameters        %.6g\n", n_c);
    fprintf(ctx->out, "  training tokens   %.6g (%.4g per parameter)\n", d_c, d_c / n_c);
    fprintf(ctx->out, "  loss              %.6g nats per token\n", l_c);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_allocate = {
    .name = "allocate",
    .synopsis = "loss-optimal parameters and tokens for an energy budget",
    .description =
        "Minimises a published loss fit L(N, D) = E + A/N^alpha + B/D^beta subject to the energy\n"
        "6 N D e + 2 N T e + E0 <= E_budget, with e = (J/FLOP) x PUE / MFU the facility energy\n"
        "per useful FLOP and T the lifetime inference tokens (paper 002 Theorems 3.20 and 4.3,\n"
        "corrected; doc/allocation.md). Prints the allocation, its loss, the energy split and\n"
        "the Lagrange multiplier, and the compute-optimal allocation (Hoffmann et al. Eq. 4) for\n"
        "the FLOP budget the energy buys. Hardware profiles will replace --j-per-flop once the\n"
        "cost model is merged.",
    .options = options,
    .n_options = sizeof options / sizeof options[0],
    .opts_size = sizeof(struct allocate_opts),
    .run = run,
    .example = "thermoai allocate --energy-j 5.88e11 --fit besiroglu2024   # N 7.3e10, D 1.34e12",
};

/* ---- presets fits -------------------------------------------------------------------- */

static int run_fits(struct cli_ctx *ctx, void *opts)
{
    const size_t n = thermoai_loss_preset_count();
    size_t i;

    (void)opts;
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT)
        fprintf(ctx->out, "%-17s %7s %9s %7s %9s %7s\n", "name", "E", "A", "alpha", "B", "beta");
    else
        emit_array_begin(&ctx->emit, "presets");
    for (i = 0; i < n; i++) {
        thermoai_loss_model m;
        const char *name, *source;
        int status;

        if ((status = thermoai_loss_model_init(&m, sizeof m)) != THERMOAI_OK
            || (status = thermoai_loss_preset_info(i, &name, &source, &m)) != THERMOAI_OK) {
            if (ctx->format != CLI_TEXT)
                (void)emit_finish(&ctx->emit);
            return cli_library_error(ctx, "thermoai_loss_preset_info", status);
        }
        if (ctx->format == CLI_TEXT) {
            fprintf(ctx->out, "%-17s %7.5g %9.6g %7.4g %9.6g %7.4g\n    source: %s\n", name, m.irreducible_nats,
                    m.params_coef, m.params_exponent, m.tokens_coef, m.tokens_exponent, source);
            continue;
        }
        emit_begin(&ctx->emit, NULL);
        emit_string(&ctx->emit, "name", name);
        emit_double(&ctx->emit, "irreducible_nats", m.irreducible_nats);
        emit_double(&ctx->emit, "params_coef", m.params_coef);
        emit_double(&ctx->emit, "params_exponent", m.params_exponent);
        emit_double(&ctx->emit, "tokens_coef", m.tokens_coef);
        emit_double(&ctx->emit, "tokens_exponent", m.tokens_exponent);
        emit_string(&ctx->emit, "source", source);
        emit_end(&ctx->emit);
    }
    if (ctx->format != CLI_TEXT)
        emit_array_end(&ctx->emit);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_presets_fits = {
    .name = "presets fits",
    .synopsis = "the published loss fits for 'allocate', their values and their sources",
    .description =
        "Every loss-model preset, L(N, D) = E + A/N^alpha + B/D^beta in nats per token, with the\n"
        "paper and equation or table it comes from and the values as printed there.",
    .run = run_fits,
    .example = "thermoai presets fits --json",
};
