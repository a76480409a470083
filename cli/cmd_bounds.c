/* SPDX-License-Identifier: MIT */
/*
 * thermoai bounds ...: paper 002's training-dynamics, geometry, spectral and
 * generalisation bounds (dynamics.h, geometry.h, perturbation.h, graph.h,
 * rademacher.h, softmax.h). Where the paper's statement is false or unproven the
 * command prints it as "printed" next to the bound that holds
 * (doc/dynamics-and-spectra.md).
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

#define LIST_MAX 4096 /* numbers in a list option: a 64 x 64 matrix */

/* One result: text "name  value unit", JSON/CSV key = value. */
static void out(struct cli_ctx *ctx, const char *key, double value, const char *unit)
{
    if (ctx->format == CLI_TEXT)
        fprintf(ctx->out, "%-34s %.10g%s%s\n", key, value, unit != NULL ? " " : "",
                unit != NULL ? unit : "");
    else
        emit_double(&ctx->emit, key, value);
}

/* A call that failed: the library's status, exit 1. */
#define CALL(expr, name)                                                                      \
    do {                                                                                      \
        const int call_status_ = (expr);                                                      \
        if (call_status_ != THERMOAI_OK)                                                      \
            return cli_library_error(ctx, name, call_status_);                               \
    } while (0)

#define OPT_D(st, field, nm, mt, un, dom, df, hl)                                              \
    { .name = nm, .type = CLI_DOUBLE, .offset = offsetof(st, field), .meta = mt, .unit = un,   \
      .domain = dom, .def = df, .help = hl }
#define OPT_N(st, field, nm, mt, df, hl)                                                       \
    { .name = nm, .type = CLI_COUNT, .offset = offsetof(st, field), .meta = mt, .def = df,     \
      .help = hl }
#define OPT_S(st, field, nm, mt, df, hl)                                                       \
    { .name = nm, .type = CLI_STRING, .offset = offsetof(st, field), .meta = mt, .def = df,    \
      .help = hl }
#define COMMAND(id, nm, syn, desc, opts_t, ex)                                                 \
    const struct cli_command cli_cmd_bounds_##id = {                                          \
        .name = nm, .synopsis = syn, .description = desc, .options = id##_options,            \
        .n_options = sizeof id##_options / sizeof id##_options[0], .opts_size = sizeof(opts_t), \
        .run = run_##id, .example = ex }

/*
 * "1,2,3" or "1,2;3,4" into v (at most LIST_MAX); *rows = the number of ';'-separated
 * rows. Returns the count, or 0 after a usage message.
 */
static size_t parse_list(struct cli_ctx *ctx, const char *option, const char *text, double *v,
                         size_t *rows)
{
    const char *p = text;
    size_t n = 0;

    *rows = 1;
    while (*p != '\0') {
        char *end;
        double x;

        while (*p == ' ')
            p++;
        x = strtod(p, &end);
        if (end == p || !isfinite(x) || n == LIST_MAX) {
            cli_usage_error(ctx, "%s: expected finite numbers separated by ',' (rows by ';'), got '%s'",
                            option, text);
            return 0;
        }
        v[n++] = x;
        p = end;
        while (*p == ' ')
            p++;
        if (*p == ';')
            ++*rows;
        if (*p == ',' || *p == ';')
            p++;
        else if (*p != '\0') {
            cli_usage_error(ctx, "%s: unexpected '%c' in '%s'", option, *p, text);
            return 0;
        }
    }
    if (n == 0)
        cli_usage_error(ctx, "%s: an empty list", option);
    return n;
}

/* ---- bounds temperature ------------------------------------------------------------ */

struct temperature_opts {
    double learning_rate, batch_size, noise_variance;
};

static const struct cli_option temperature_options[] = {
    OPT_D(struct temperature_opts, learning_rate, "--learning-rate", "ETA", "[theta]^2/[loss]",
          CLI_POSITIVE, "0.1", "learning rate (one step lasts eta in Langevin time)"),
    OPT_D(struct temperature_opts, batch_size, "--batch-size", "B", NULL, CLI_AT_LEAST_1, "32",
          "batch size"),
    OPT_D(struct temperature_opts, noise_variance, "--noise-variance", "S2", "([loss]/[theta])^2",
          CLI_NONNEGATIVE, "1", "per-sample gradient variance per coordinate"),
};

static int run_temperature(struct cli_ctx *ctx, void *opts)
{
    const struct temperature_opts *o = (const struct temperature_opts *)opts;
    double t;

    CALL(thermoai_dynamics_temperature(o->learning_rate, o->batch_size, o->noise_variance, &t),
         "thermoai_dynamics_temperature");
    cli_out_begin(ctx);
    out(ctx, "temperature", t, "[loss]");
    return cli_out_end(ctx);
}

COMMAND(temperature, "bounds temperature", "computational temperature T_comp = eta sigma^2/(2B) of SGD",
        "The temperature of the Langevin reading of SGD (paper 002, Remark 2.1, Eq. 23, App. B.1):\n"
        "D = eta Sigma/(2B) = T_comp for isotropic noise Sigma = sigma^2 I, in loss units.",
        struct temperature_opts, "thermoai bounds temperature --learning-rate 0.1 --batch-size 32");

/* ---- bounds transport -------------------------------------------------------------- */

struct transport_opts {
    double w2_squared, temperature, duration;
};

static const struct cli_option transport_options[] = {
    OPT_D(struct transport_opts, w2_squared, "--w2-squared", "W", "[theta]^2", CLI_NONNEGATIVE, "1",
          "squared 2-Wasserstein distance between start and end"),
    OPT_D(struct transport_opts, temperature, "--temperature", "T", "[loss]", CLI_POSITIVE, "0.01",
          "computational temperature"),
    OPT_D(struct transport_opts, duration, "--duration", "TAU", "Langevin time", CLI_POSITIVE, "10",
          "duration of the transport"),
};

static int run_transport(struct cli_ctx *ctx, void *opts)
{
    const struct transport_opts *o = (const struct transport_opts *)opts;
    double good, printed, product;

    CALL(thermoai_dynamics_transport_entropy_bound(o->w2_squared, o->temperature, o->duration, &good),
         "thermoai_dynamics_transport_entropy_bound");
    CALL(thermoai_dynamics_transport_energy_bound(o->w2_squared, o->temperature, o->duration, &printed),
         "thermoai_dynamics_transport_energy_bound");
    CALL(thermoai_dynamics_speed_energy_product(o->w2_squared, o->temperature, &product),
         "thermoai_dynamics_speed_energy_product");
    cli_out_begin(ctx);
    out(ctx, "entropy_bound_nats", good, "nat (W2^2/(T tau), Aurell et al. 2011)");
    out(ctx, "printed_theorem_6_4", printed, "nat (W2^2/(2 T tau), as printed)");
    out(ctx, "printed_corollary_6_5", product, "Langevin time (d^2/(2T), as printed)");
    return cli_out_end(ctx);
}

COMMAND(transport, "bounds transport", "least entropy production of a transport, and Theorem 6.4 as printed",
        "Sigma >= W2^2/(T tau) for overdamped Langevin dynamics with D = T (a theorem), next to\n"
        "paper 002's Theorem 6.4 (W2^2/(2 T tau)) and Corollary 6.5 (d^2/(2T)) as printed.",
        struct transport_opts, "thermoai bounds transport --w2-squared 2 --temperature 0.1 --duration 5");

/* ---- bounds ou ----------------------------------------------------------------------- */

struct ou_opts {
    double stiffness, offset, variance, temperature, duration;
};

static const struct cli_option ou_options[] = {
    OPT_D(struct ou_opts, stiffness, "--stiffness", "K", "[loss]/[theta]^2", CLI_POSITIVE, "1",
          "curvature k of the quadratic loss k theta^2/2"),
    OPT_D(struct ou_opts, offset, "--offset", "MU", "[theta]", CLI_ANY, "0",
          "initial mean minus the minimiser"),
    OPT_D(struct ou_opts, variance, "--variance", "S0", "[theta]^2", CLI_POSITIVE, "0.01",
          "initial variance"),
    OPT_D(struct ou_opts, temperature, "--temperature", "T", "[loss]", CLI_POSITIVE, "0.5",
          "computational temperature (D = T)"),
    OPT_D(struct ou_opts, duration, "--duration", "TAU", "Langevin time", CLI_NONNEGATIVE, "1",
          "duration"),
};

static int run_ou(struct cli_ctx *ctx, void *opts)
{
    const struct ou_opts *o = (const struct ou_opts *)opts;
    const double a = o->temperature / o->stiffness;
    double sigma, ds, dl, rate, w2, good = 0.0, slack, wmin, m2, v2;

    CALL(thermoai_dynamics_ou_entropy_production(1, &o->stiffness, &o->offset, &o->variance,
                                                 o->temperature, o->duration, &sigma, &ds, &dl),
         "thermoai_dynamics_ou_entropy_production");
    CALL(thermoai_dynamics_ou_entropy_rate(1, &o->stiffness, &o->offset, &o->variance, o->temperature,
                                           o->duration, &rate),
         "thermoai_dynamics_ou_entropy_rate");
    m2 = o->offset * exp(-o->stiffness * o->duration);
    v2 = a + (o->variance - a) * exp(-2.0 * o->stiffness * o->duration);
    CALL(thermoai_dynamics_w2_gaussian_diag(1, &o->offset, &o->variance, &m2, &v2, &w2),
         "thermoai_dynamics_w2_gaussian_diag");
    if (o->duration > 0.0)
        CALL(thermoai_dynamics_transport_entropy_bound(w2, o->temperature, o->duration, &good),
             "thermoai_dynamics_transport_entropy_bound");
    CALL(thermoai_dynamics_second_law_slack(dl, o->temperature, ds, o->temperature * sigma, &slack),
         "thermoai_dynamics_second_law_slack");
    CALL(thermoai_dynamics_min_dissipation(o->temperature, ds, 0.0, -dl, &wmin),
         "thermoai_dynamics_min_dissipation");
    cli_out_begin(ctx);
    out(ctx, "entropy_production_nats", sigma, "nat (Theorem 6.1 integrated)");
    out(ctx, "entropy_change_nats", ds, "nat");
    out(ctx, "mean_loss_change", dl, "[loss]");
    out(ctx, "rate_at_end", rate, "nat per Langevin time");
    out(ctx, "w2_squared", w2, "[theta]^2 (start to end)");
    out(ctx, "transport_entropy_bound", good, "nat (<= the production)");
    out(ctx, "printed_theorem_6_7_slack", slack, "[loss] (negative: violated)");
    out(ctx, "printed_corollary_6_8", wmin, "[loss]");
    return cli_out_end(ctx);
}

COMMAND(ou, "bounds ou", "entropy production of quadratic-loss Langevin relaxation (Theorem 6.1, 6.7)",
        "Closed forms for the Ornstein-Uhlenbeck process dtheta = -k theta dt + sqrt(2T) dW from a\n"
        "Gaussian start: the entropy production of Theorem 6.1, the entropy and mean-loss changes,\n"
        "the transport bound it satisfies, and Theorem 6.7's slack and Corollary 6.8 as printed\n"
        "(with W_diss = T Sigma). A start narrower than T/k shows Theorem 6.7 failing.",
        struct ou_opts, "thermoai bounds ou --variance 0.01 --temperature 0.5   # slack < 0");

/* ---- bounds w2 ------------------------------------------------------------------------ */

struct w2_opts {
    const char *mean1, *cov1, *mean2, *cov2;
};

static const struct cli_option w2_options[] = {
    OPT_S(struct w2_opts, mean1, "--mean1", "LIST", "0", "mean of the first Gaussian, n numbers"),
    OPT_S(struct w2_opts, cov1, "--cov1", "LIST", "1",
          "its covariance: n variances, or n x n rows separated by ';'"),
    OPT_S(struct w2_opts, mean2, "--mean2", "LIST", "1", "mean of the second Gaussian"),
    OPT_S(struct w2_opts, cov2, "--cov2", "LIST", "4", "its covariance, as --cov1"),
};

static int run_w2(struct cli_ctx *ctx, void *opts)
{
    const struct w2_opts *o = (const struct w2_opts *)opts;
    static double m1[LIST_MAX], c1[LIST_MAX], m2[LIST_MAX], c2[LIST_MAX];
    size_t n, n2, k1, k2, rows, bytes;
    double w2;
    int full;

    if ((n = parse_list(ctx, "--mean1", o->mean1, m1, &rows)) == 0
        || (n2 = parse_list(ctx, "--mean2", o->mean2, m2, &rows)) == 0
        || (k1 = parse_list(ctx, "--cov1", o->cov1, c1, &rows)) == 0
        || (k2 = parse_list(ctx, "--cov2", o->cov2, c2, &rows)) == 0)
        return CLI_EXIT_USAGE;
    if (n2 != n)
        return cli_value_error(ctx, "--mean2 must have as many numbers as --mean1 (%zu), got %zu", n, n2);
    if (k1 != n && k1 != n * n)
        return cli_value_error(ctx, "--cov1 must have n = %zu variances or n x n = %zu entries, got %zu", n,
                               n * n, k1);
    if (k2 != k1)
        return cli_value_error(ctx, "--cov2 must have as many numbers as --cov1 (%zu), got %zu", k1, k2);
    full = k1 == n * n && n > 1;
    if (full) {
        void *ws;
        int status;

        CALL(thermoai_dynamics_w2_gaussian_workspace_bytes(n, &bytes),
             "thermoai_dynamics_w2_gaussian_workspace_bytes");
        if ((ws = malloc(bytes)) == NULL)
            return cli_value_error(ctx, "out of memory");
        status = thermoai_dynamics_w2_gaussian(n, m1, c1, m2, c2, ws, bytes, &w2);
        free(ws);
        CALL(status, "thermoai_dynamics_w2_gaussian");
    } else {
        CALL(thermoai_dynamics_w2_gaussian_diag(n, m1, c1, m2, c2, &w2), "thermoai_dynamics_w2_gaussian_diag");
    }
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT)
        fprintf(ctx->out, "%-34s %zu (%s covariances)\n", "dimension", n, full ? "full" : "diagonal");
    else
        emit_uint(&ctx->emit, "dimension", n);
    out(ctx, "w2_squared", w2, "[theta]^2");
    out(ctx, "w2", sqrt(w2), "[theta]");
    return cli_out_end(ctx);
}

COMMAND(w2, "bounds w2", "2-Wasserstein distance between two Gaussians",
        "W2^2 = |m1 - m2|^2 + tr S1 + tr S2 - 2 tr (S1^1/2 S2 S1^1/2)^1/2 (Dowson and Landau 1982),\n"
        "for diagonal (n variances) or full (n x n) covariances, the distance of Theorem 6.4.",
        struct w2_opts, "thermoai bounds w2 --mean1 0,0 --cov1 '2,1;1,2' --mean2 1,0 --cov2 '1,0;0,1'");

/* ---- bounds schedule ------------------------------------------------------------------ */

struct schedule_opts {
    double eta0, kappa, energy_total_j, power_w, time_s, lambda_w, step_energy_j;
};

static const struct cli_option schedule_options[] = {
    OPT_D(struct schedule_opts, eta0, "--eta0", "ETA", "[theta]^2/[loss]", CLI_POSITIVE, "0.1",
          "initial learning rate"),
    OPT_D(struct schedule_opts, kappa, "--kappa", "K", NULL, CLI_AT_LEAST_1, "10",
          "condition number of the quadratic loss"),
    OPT_D(struct schedule_opts, energy_total_j, "--energy-total-j", "E", "J", CLI_POSITIVE, "3.6e6",
          "energy budget"),
    OPT_D(struct schedule_opts, power_w, "--power-w", "P", "W", CLI_POSITIVE, "1000", "power P_0"),
    OPT_D(struct schedule_opts, time_s, "--time-s", "T", "s", CLI_NONNEGATIVE, "60", "time t"),
    OPT_D(struct schedule_opts, lambda_w, "--lambda-w", "L", "W", CLI_NONNEGATIVE, "1",
          "lambda of Eq. 24"),
    OPT_D(struct schedule_opts, step_energy_j, "--step-energy-j", "E", "J", CLI_POSITIVE, "10",
          "energy per step (constant) for Eq. 24"),
};

static int const_energy(double t, void *user, double *value)
{
    (void)t;
    *value = *(const double *)user;
    return 0;
}

static int run_schedule(struct cli_ctx *ctx, void *opts)
{
    const struct schedule_opts *o = (const struct schedule_opts *)opts;
    double tau, eta, eta24, e = o->step_energy_j;

    CALL(thermoai_dynamics_lr_tau_opt(o->kappa, o->energy_total_j, o->power_w, &tau),
         "thermoai_dynamics_lr_tau_opt");
    CALL(thermoai_dynamics_lr_schedule(o->eta0, o->time_s, tau, o->kappa, &eta),
         "thermoai_dynamics_lr_schedule");
    CALL(thermoai_dynamics_lr_energy_aware(o->eta0, o->lambda_w, const_energy, &e, o->time_s, &eta24),
         "thermoai_dynamics_lr_energy_aware");
    cli_out_begin(ctx);
    out(ctx, "printed_tau_opt_s", tau, "s (sqrt(kappa E/P0): the unit is really s^1/2)");
    out(ctx, "printed_theorem_6_6_eta", eta, "[theta]^2/[loss]");
    out(ctx, "printed_eq_24_eta", eta24, "[theta]^2/[loss]");
    return cli_out_end(ctx);
}

COMMAND(schedule, "bounds schedule", "the learning-rate schedules of Theorem 6.6 and Eq. 24 as printed",
        "eta*(t) = eta0 e^{-t/tau} (1 + kappa e^{-2t/tau})^{-1/2} with tau = sqrt(kappa E/P0)\n"
        "(Theorem 6.6) and eta0/(1 + lambda t/E_step) (Eq. 24 for a constant step energy). Neither\n"
        "is derived in the paper; Eq. 24 decays more slowly when steps cost more, against its text.",
        struct schedule_opts, "thermoai bounds schedule --time-s 60");

/* ---- bounds davis-kahan --------------------------------------------------------------- */

struct dk_opts {
    double norm_op, norm_f, gap;
    uint64_t k;
};

static const struct cli_option davis_kahan_options[] = {
    OPT_D(struct dk_opts, norm_op, "--norm-op", "X", NULL, CLI_NONNEGATIVE, "0.1",
          "spectral norm of the perturbation E"),
    OPT_D(struct dk_opts, norm_f, "--norm-f", "X", NULL, CLI_NONNEGATIVE, "0.15", "Frobenius norm of E"),
    OPT_N(struct dk_opts, k, "--k", "K", "2", "dimension of the invariant subspace (k smallest)"),
    OPT_D(struct dk_opts, gap, "--gap", "G", NULL, CLI_POSITIVE, "0.5", "eigengap lambda_{k+1} - lambda_k"),
};

static int run_davis_kahan(struct cli_ctx *ctx, void *opts)
{
    const struct dk_opts *o = (const struct dk_opts *)opts;
    double yws, printed;

    CALL(thermoai_perturbation_sin_theta_bound(o->norm_op, o->norm_f, (size_t)o->k, o->gap, &yws),
         "thermoai_perturbation_sin_theta_bound");
    CALL(thermoai_perturbation_davis_kahan(o->norm_f, o->gap, &printed), "thermoai_perturbation_davis_kahan");
    cli_out_begin(ctx);
    out(ctx, "sin_theta_bound", yws, "(Yu-Wang-Samworth: holds)");
    out(ctx, "printed_theorem_9_3", printed, "(||E||_F/gap: false in general)");
    return cli_out_end(ctx);
}

COMMAND(davis_kahan, "bounds davis-kahan", "Davis-Kahan sin Theta bound, and Theorem 9.3 as printed",
        "||sin Theta(U_k, U~_k)||_F <= 2 min(sqrt k ||E||_op, ||E||_F)/gap (Yu, Wang and Samworth 2015)\n"
        "for symmetric A and A + E; paper 002's Theorem 9.3 omits the 2 and is false without it.",
        struct dk_opts, "thermoai bounds davis-kahan --norm-op 0.6 --norm-f 0.849 --k 1 --gap 1");

/* ---- bounds bernstein ----------------------------------------------------------------- */

struct bernstein_opts {
    uint64_t rows, cols;
    double variance, max_norm, deviation, delta;
};

static const struct cli_option bernstein_options[] = {
    OPT_N(struct bernstein_opts, rows, "--rows", "D1", "100", "rows of the summands"),
    OPT_N(struct bernstein_opts, cols, "--cols", "D2", "100", "columns of the summands"),
    OPT_D(struct bernstein_opts, variance, "--variance", "S2", NULL, CLI_NONNEGATIVE, "1",
          "variance parameter sigma^2 (the larger of the two for rectangular summands)"),
    OPT_D(struct bernstein_opts, max_norm, "--max-norm", "R", NULL, CLI_NONNEGATIVE, "1",
          "bound R on each summand's norm"),
    OPT_D(struct bernstein_opts, deviation, "--deviation", "T", NULL, CLI_POSITIVE, "10",
          "deviation t of the tail bound"),
    OPT_D(struct bernstein_opts, delta, "--delta", "D", NULL, CLI_UNIT, "0.01",
          "failure probability for the deviation, in (0, 1)"),
};

static int run_bernstein(struct cli_ctx *ctx, void *opts)
{
    const struct bernstein_opts *o = (const struct bernstein_opts *)opts;
    double tail, dev;

    CALL(thermoai_perturbation_bernstein_tail((size_t)o->rows, (size_t)o->cols, o->variance, o->max_norm,
                                              o->deviation, &tail),
         "thermoai_perturbation_bernstein_tail");
    CALL(thermoai_perturbation_bernstein_deviation((size_t)o->rows, (size_t)o->cols, o->variance,
                                                   o->max_norm, o->delta, &dev),
         "thermoai_perturbation_bernstein_deviation");
    cli_out_begin(ctx);
    out(ctx, "tail_probability_bound", tail, "(> 1: vacuous)");
    out(ctx, "deviation_at_delta", dev, NULL);
    return cli_out_end(ctx);
}

COMMAND(bernstein, "bounds bernstein", "matrix Bernstein tail and deviation (Theorem 9.5)",
        "P(||sum X_i|| >= t) <= (d1 + d2) exp(-(t^2/2)/(sigma^2 + R t/3)) (Tropp 2012), and the t at which\n"
        "the bound equals delta.",
        struct bernstein_opts, "thermoai bounds bernstein --deviation 8");

/* ---- bounds jl ------------------------------------------------------------------------- */

struct jl_opts {
    double points, epsilon, delta, constant;
};

static const struct cli_option jl_options[] = {
    OPT_D(struct jl_opts, points, "--points", "N", NULL, CLI_AT_LEAST_1, "4096", "number of points"),
    OPT_D(struct jl_opts, epsilon, "--epsilon", "EPS", NULL, CLI_UNIT, "0.1", "distortion, in (0, 1)"),
    OPT_D(struct jl_opts, delta, "--delta", "D", NULL, CLI_UNIT, "0.01", "failure probability, in (0, 1)"),
    OPT_D(struct jl_opts, constant, "--constant", "C", NULL, CLI_POSITIVE, "1",
          "the unspecified constant of Theorem B.1"),
};

static int run_jl(struct cli_ctx *ctx, void *opts)
{
    const struct jl_opts *o = (const struct jl_opts *)opts;
    double g, p;

    CALL(thermoai_perturbation_jl_dimension_gaussian(o->points, o->epsilon, o->delta, &g),
         "thermoai_perturbation_jl_dimension_gaussian");
    CALL(thermoai_perturbation_jl_dimension(o->points, o->epsilon, o->constant, &p),
         "thermoai_perturbation_jl_dimension");
    cli_out_begin(ctx);
    out(ctx, "dimension_gaussian", g, "(every constant explicit)");
    out(ctx, "printed_theorem_b_1", p, "(C ln N / eps^2)");
    return cli_out_end(ctx);
}

COMMAND(jl, "bounds jl", "Johnson-Lindenstrauss projection dimension (Theorem B.1)",
        "m = ceil(2 ln(N(N-1)/delta)/(eps^2/2 - eps^3/3)) for a Gaussian projection (Dasgupta and\n"
        "Gupta 2003), and Theorem B.1's C eps^-2 ln N with its constant as an option.",
        struct jl_opts, "thermoai bounds jl --points 4096 --epsilon 0.1");

/* ---- bounds ssa ------------------------------------------------------------------------ */

struct ssa_opts {
    double constant, gap, cluster_error, dim, delta, samples, w_max, clusters, n, edges;
};

static const struct cli_option ssa_options[] = {
    OPT_D(struct ssa_opts, constant, "--constant", "C", NULL, CLI_POSITIVE, "1", "the constants C"),
    OPT_D(struct ssa_opts, gap, "--gap", "G", NULL, CLI_POSITIVE, "0.1", "spectral gap delta_k"),
    OPT_D(struct ssa_opts, cluster_error, "--cluster-error", "E", NULL, CLI_NONNEGATIVE, "0",
          "k-means clustering error epsilon_cluster"),
    OPT_D(struct ssa_opts, dim, "--dim", "D", NULL, CLI_AT_LEAST_1, "64", "d in log(d/delta) of Theorem 9.4"),
    OPT_D(struct ssa_opts, delta, "--delta", "P", NULL, CLI_UNIT, "0.05", "failure probability, in (0, 1)"),
    OPT_D(struct ssa_opts, samples, "--samples", "S", NULL, CLI_AT_LEAST_1, "64", "sampled edges s"),
    OPT_D(struct ssa_opts, w_max, "--w-max", "W", NULL, CLI_NONNEGATIVE, "1", "largest attention weight"),
    OPT_D(struct ssa_opts, clusters, "--clusters", "K", NULL, CLI_AT_LEAST_1, "64", "clusters k"),
    OPT_D(struct ssa_opts, n, "--n", "N", NULL, CLI_AT_LEAST_1, "4096", "sequence length N"),
    OPT_D(struct ssa_opts, edges, "--edges", "M", NULL, CLI_NONNEGATIVE, "0",
          "total edges m for Theorem 9.7 (0: N^1.5)"),
};

static int run_ssa(struct cli_ctx *ctx, void *opts)
{
    const struct ssa_opts *o = (const struct ssa_opts *)opts;
    const double m = o->edges > 0.0 ? o->edges : pow(o->n, 1.5);
    double b94, b96, b97;

    CALL(thermoai_perturbation_ssa_bound(o->constant, o->gap, o->cluster_error, o->dim, o->delta,
                                         o->samples, &b94),
         "thermoai_perturbation_ssa_bound");
    CALL(thermoai_perturbation_ssa_sampling_error(o->constant, o->w_max, o->clusters, o->n, o->delta,
                                                  o->samples, &b96),
         "thermoai_perturbation_ssa_sampling_error");
    CALL(thermoai_perturbation_tradeoff_error(o->constant, o->n, m, &b97), "thermoai_perturbation_tradeoff_error");
    cli_out_begin(ctx);
    out(ctx, "printed_theorem_9_4", b94, "(bound on ||sin Theta||_F)");
    out(ctx, "printed_lemma_9_6", b96, "(bound on ||E_S||)");
    out(ctx, "edges_used", m, NULL);
    out(ctx, "printed_theorem_9_7", b97, "(C sqrt(N^2 ln N/m): N^(+1/4) sqrt(ln N) at m = N^1.5)");
    return cli_out_end(ctx);
}

COMMAND(ssa, "bounds ssa", "SSA's spectral bounds as printed (Theorems 9.4, 9.7, Lemma 9.6)",
        "The paper's bounds on SSA's spectral error with their unspecified constants as an option. None\n"
        "is established by the paper's proofs (doc/dynamics-and-spectra.md, items 13, 14, 16).",
        struct ssa_opts, "thermoai bounds ssa --n 4096");

/* ---- bounds cheeger, sparsifier, rademacher, heat, curvature, spectral-energy ----------- */

struct cheeger_opts {
    double lambda2;
};

static const struct cli_option cheeger_options[] = {
    OPT_D(struct cheeger_opts, lambda2, "--lambda2", "L", NULL, CLI_NONNEGATIVE, "0.1",
          "second eigenvalue of the normalised Laplacian, in [0, 2]"),
};

static int run_cheeger(struct cli_ctx *ctx, void *opts)
{
    const struct cheeger_opts *o = (const struct cheeger_opts *)opts;
    double lo, hi;

    CALL(thermoai_graph_cheeger_bounds(o->lambda2, &lo, &hi), "thermoai_graph_cheeger_bounds");
    cli_out_begin(ctx);
    out(ctx, "conductance_lower", lo, "(lambda2/2)");
    out(ctx, "conductance_upper", hi, "(sqrt(2 lambda2))");
    return cli_out_end(ctx);
}

COMMAND(cheeger, "bounds cheeger", "Cheeger bounds on conductance from lambda_2 (Theorem A.4)",
        "lambda2/2 <= phi(G) <= sqrt(2 lambda2) for the standard conductance (min of the two volumes);\n"
        "with the paper's definition (|S| <= n/2) the lower bound fails.",
        struct cheeger_opts, "thermoai bounds cheeger --lambda2 0.51");

struct sparsifier_opts {
    double n, epsilon, constant;
};

static const struct cli_option sparsifier_options[] = {
    OPT_D(struct sparsifier_opts, n, "--n", "N", NULL, CLI_AT_LEAST_1, "4096", "vertices N"),
    OPT_D(struct sparsifier_opts, epsilon, "--epsilon", "EPS", NULL, CLI_UNIT, "0.1",
          "spectral approximation factor, in (0, 1)"),
    OPT_D(struct sparsifier_opts, constant, "--constant", "C", NULL, CLI_POSITIVE, "1",
          "the Omega constant (not given)"),
};

static int run_sparsifier(struct cli_ctx *ctx, void *opts)
{
    const struct sparsifier_opts *o = (const struct sparsifier_opts *)opts;
    double e;

    CALL(thermoai_graph_sparsifier_min_edges(o->n, o->epsilon, o->constant, &e),
         "thermoai_graph_sparsifier_min_edges");
    cli_out_begin(ctx);
    out(ctx, "printed_theorem_10_2_edges", e, "(c N/eps^2)");
    out(ctx, "ssa_edges", pow(o->n, 1.5), "(N^1.5)");
    return cli_out_end(ctx);
}

COMMAND(sparsifier, "bounds sparsifier", "edges any eps-spectral sparsifier of K_N needs (Theorem 10.2)",
        "Omega(N/eps^2) edges (Batson, Spielman and Srivastava 2012), with its constant as an option,\n"
        "next to SSA's N^1.5.",
        struct sparsifier_opts, "thermoai bounds sparsifier --n 4096 --epsilon 0.5");

struct rademacher_opts {
    double empirical_risk, complexity, delta, samples, density;
};

static const struct cli_option rademacher_options[] = {
    OPT_D(struct rademacher_opts, empirical_risk, "--empirical-risk", "R", NULL, CLI_UNIT, "0.1",
          "empirical risk of a [0, 1] loss"),
    OPT_D(struct rademacher_opts, complexity, "--complexity", "C", NULL, CLI_NONNEGATIVE, "0.05",
          "empirical Rademacher complexity of the loss class"),
    OPT_D(struct rademacher_opts, delta, "--delta", "D", NULL, CLI_UNIT, "0.05", "failure probability, in (0, 1)"),
    OPT_D(struct rademacher_opts, samples, "--samples", "M", NULL, CLI_AT_LEAST_1, "10000", "sample size m"),
    OPT_D(struct rademacher_opts, density, "--density", "RHO", NULL, CLI_UNIT, "1",
          "attention density rho for the printed SSA claim"),
};

static int run_rademacher(struct cli_ctx *ctx, void *opts)
{
    const struct rademacher_opts *o = (const struct rademacher_opts *)opts;
    double b, sparse, bs;

    CALL(thermoai_rademacher_bound(o->empirical_risk, o->complexity, o->delta, o->samples, &b),
         "thermoai_rademacher_bound");
    CALL(thermoai_rademacher_sparse(o->density, o->complexity, &sparse), "thermoai_rademacher_sparse");
    CALL(thermoai_rademacher_bound(o->empirical_risk, sparse, o->delta, o->samples, &bs),
         "thermoai_rademacher_bound");
    cli_out_begin(ctx);
    out(ctx, "risk_bound", b, "(holds)");
    out(ctx, "printed_sparse_complexity", sparse, "(rho R_dense: unproven)");
    out(ctx, "risk_bound_with_printed_claim", bs, NULL);
    return cli_out_end(ctx);
}

COMMAND(rademacher, "bounds rademacher", "Rademacher generalisation bound (Theorem 10.1)",
        "R(h) <= R^(h) + 2 Rad_S + 3 sqrt(ln(2/delta)/(2m)) (Mohri et al., Thm. 3.3), and the paper's\n"
        "unproven claim Rad_S(SSA) <= rho Rad_S(dense).",
        struct rademacher_opts, "thermoai bounds rademacher --density 0.0156");

struct heat_opts {
    double eigenvalue, tau, layers, threshold;
};

static const struct cli_option heat_options[] = {
    OPT_D(struct heat_opts, eigenvalue, "--eigenvalue", "L", NULL, CLI_NONNEGATIVE, "1",
          "Laplacian eigenvalue of the mode"),
    OPT_D(struct heat_opts, tau, "--tau", "T", NULL, CLI_POSITIVE, "0.1", "time constant per layer"),
    OPT_D(struct heat_opts, layers, "--layers", "N", NULL, CLI_POSITIVE, "12", "layers L"),
    OPT_D(struct heat_opts, threshold, "--threshold", "EPS", NULL, CLI_UNIT, "0.001",
          "suppression level for the cutoff, in (0, 1]"),
};

static int run_heat(struct cli_ctx *ctx, void *opts)
{
    const struct heat_opts *o = (const struct heat_opts *)opts;
    double f, cut;

    CALL(thermoai_geometry_heat_factor(o->eigenvalue, o->tau, o->layers, &f), "thermoai_geometry_heat_factor");
    CALL(thermoai_geometry_heat_cutoff(o->tau, o->layers, o->threshold, &cut), "thermoai_geometry_heat_cutoff");
    cli_out_begin(ctx);
    out(ctx, "suppression_factor", f, "(e^{-lambda tau L})");
    out(ctx, "cutoff_eigenvalue", cut, "(modes above keep < threshold)");
    return cli_out_end(ctx);
}

COMMAND(heat, "bounds heat", "heat-kernel suppression of a spectral mode after L layers (Theorem 5.6)",
        "e^{-lambda tau L} for one mode and the eigenvalue above which modes fall below a threshold;\n"
        "that attention layers approximate the heat semigroup is the paper's assumption.",
        struct heat_opts, "thermoai bounds heat --eigenvalue 1.5 --layers 24");

struct curvature_opts {
    double info0_bits, kappa_per_s, source_bits_per_s, time_s;
};

static const struct cli_option curvature_options[] = {
    OPT_D(struct curvature_opts, info0_bits, "--info0-bits", "I", "bits", CLI_NONNEGATIVE, "10",
          "information at t = 0"),
    OPT_D(struct curvature_opts, kappa_per_s, "--kappa-per-s", "K", "1/s", CLI_ANY, "0.5",
          "Ricci lower bound as a rate (any sign)"),
    OPT_D(struct curvature_opts, source_bits_per_s, "--source-bits-per-s", "C", "bits/s", CLI_NONNEGATIVE,
          "1", "information injection rate"),
    OPT_D(struct curvature_opts, time_s, "--time-s", "T", "s", CLI_NONNEGATIVE, "3", "time t"),
};

static int run_curvature(struct cli_ctx *ctx, void *opts)
{
    const struct curvature_opts *o = (const struct curvature_opts *)opts;
    double i;

    CALL(thermoai_geometry_information_bound(o->info0_bits, o->kappa_per_s, o->source_bits_per_s,
                                             o->time_s, &i),
         "thermoai_geometry_information_bound");
    cli_out_begin(ctx);
    out(ctx, "printed_theorem_5_2_bits", i, "bits (I0 e^{-kt} + C (1 - e^{-kt})/k)");
    return cli_out_end(ctx);
}

COMMAND(curvature, "bounds curvature", "Theorem 5.2 integrated: I(t) under dI/dt <= -kappa I + C",
        "Gronwall's solution of the curvature-information inequality; the inequality itself is not\n"
        "proven by the paper (its proof gives rate 2 kappa for a relative entropy, without a source).",
        struct curvature_opts, "thermoai bounds curvature --kappa-per-s 0.5 --time-s 3");

struct spectral_energy_opts {
    double modes, n, d, energy_per_flop_j, energy_per_element_j;
};

static const struct cli_option spectral_energy_options[] = {
    OPT_D(struct spectral_energy_opts, modes, "--modes", "K", NULL, CLI_NONNEGATIVE, "64", "modes kept k"),
    OPT_D(struct spectral_energy_opts, n, "--n", "N", NULL, CLI_AT_LEAST_1, "4096", "sequence length N"),
    OPT_D(struct spectral_energy_opts, d, "--d", "D", NULL, CLI_AT_LEAST_1, "128", "head dimension d"),
    OPT_D(struct spectral_energy_opts, energy_per_flop_j, "--energy-per-flop-j", "E", "J", CLI_NONNEGATIVE,
          "1e-12", "energy per FLOP"),
    OPT_D(struct spectral_energy_opts, energy_per_element_j, "--energy-per-element-j", "E", "J",
          CLI_NONNEGATIVE, "2e-11", "energy per stored element"),
};

static int run_spectral_energy(struct cli_ctx *ctx, void *opts)
{
    const struct spectral_energy_opts *o = (const struct spectral_energy_opts *)opts;
    double e;

    CALL(thermoai_geometry_spectral_energy_j(o->modes, o->n, o->d, o->energy_per_flop_j,
                                             o->energy_per_element_j, &e),
         "thermoai_geometry_spectral_energy_j");
    cli_out_begin(ctx);
    out(ctx, "printed_corollary_5_7_j", e, "J (k N e_flop + k d e_mem)");
    return cli_out_end(ctx);
}

COMMAND(spectral_energy, "bounds mode-energy", "energy of keeping k spectral modes (Corollary 5.7)",
        "E(k) = k N e_flop + k d e_mem with the corollary's Theta constants set to 1 (not given).",
        struct spectral_energy_opts, "thermoai bounds mode-energy --modes 64 --n 4096");

/* ---- bounds graph ----------------------------------------------------------------------- */

struct graph_opts {
    const char *weights;
    uint64_t samples, seed;
};

static const struct cli_option graph_options[] = {
    OPT_S(struct graph_opts, weights, "--weights", "ROWS", "0,100,1,0;100,0,0,1;1,0,0,1;0,1,1,0",
          "symmetric weight matrix, rows separated by ';' (default: Theorem A.4's counterexample)"),
    OPT_N(struct graph_opts, samples, "--samples", "Q", "0",
          "draws of the effective-resistance sparsifier (0: none)"),
    OPT_N(struct graph_opts, seed, "--seed", "S", "1", "seed of the sparsifier"),
};

static int run_graph(struct cli_ctx *ctx, void *opts)
{
    const struct graph_opts *o = (const struct graph_opts *)opts;
    static double w[LIST_MAX], lam[64], r[LIST_MAX], sparse[LIST_MAX];
    size_t count, n, rows, i, j, bytes, kept = 0;
    double phi = (double)NAN, phi_p = (double)NAN, lo, hi, foster = 0.0;
    void *ws;
    int status;

    if ((count = parse_list(ctx, "--weights", o->weights, w, &rows)) == 0)
        return CLI_EXIT_USAGE;
    n = rows;
    if (n < 2 || n > 64 || count != n * n)
        return cli_value_error(ctx, "--weights must be an n x n matrix with 2 <= n <= 64 (got %zu numbers in %zu rows)",
                               count, rows);
    CALL(thermoai_graph_workspace_bytes(n, &bytes), "thermoai_graph_workspace_bytes");
    if ((ws = malloc(bytes)) == NULL)
        return cli_value_error(ctx, "out of memory");
    status = thermoai_graph_laplacian_spectrum(n, w, ws, bytes, lam);
    if (status == THERMOAI_OK)
        status = thermoai_graph_effective_resistance(n, w, ws, bytes, r);
    free(ws);
    CALL(status, "thermoai_graph_laplacian_spectrum");
    CALL(thermoai_graph_cheeger_bounds(lam[1], &lo, &hi), "thermoai_graph_cheeger_bounds");
    if (n <= 24) {
        CALL(thermoai_graph_conductance(n, w, 0, &phi), "thermoai_graph_conductance");
        CALL(thermoai_graph_conductance(n, w, THERMOAI_GRAPH_CONDUCTANCE_PAPER, &phi_p),
             "thermoai_graph_conductance");
    }
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            foster += w[i * n + j] * r[i * n + j];
    if (o->samples > 0) {
        thermoai_graph_sampler *s;

        CALL(thermoai_graph_sampler_create(n, &s), "thermoai_graph_sampler_create");
        status = thermoai_graph_sampler_execute(s, w, (size_t)o->samples, o->seed, sparse, &kept);
        thermoai_graph_sampler_free(s);
        CALL(status, "thermoai_graph_sampler_execute");
    }
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT)
        fprintf(ctx->out, "%-34s %zu\n", "vertices", n);
    else
        emit_uint(&ctx->emit, "vertices", n);
    out(ctx, "lambda2", lam[1], "(normalised Laplacian)");
    out(ctx, "cheeger_lower", lo, NULL);
    out(ctx, "cheeger_upper", hi, NULL);
    out(ctx, "conductance", phi, "(exact; n <= 24)");
    out(ctx, "printed_conductance_a_4", phi_p, "(|S| <= n/2, vol(S))");
    out(ctx, "foster_sum", foster, "(sum w_e R_e = n - 1)");
    if (ctx->format == CLI_TEXT) {
        if (o->samples > 0)
            fprintf(ctx->out, "%-34s %zu of %zu\n", "sparsifier_edges", kept, n * (n - 1) / 2);
        fprintf(ctx->out, "eigenvalues                       ");
        for (i = 0; i < n; i++)
            fprintf(ctx->out, " %.6g", lam[i]);
        fputc('\n', ctx->out);
    } else {
        emit_uint(&ctx->emit, "sparsifier_edges", kept);
        emit_array_begin(&ctx->emit, "eigenvalues");
        for (i = 0; i < n; i++) {
            emit_begin(&ctx->emit, NULL);
            emit_uint(&ctx->emit, "index", i);
            emit_double(&ctx->emit, "lambda", lam[i]);
            emit_end(&ctx->emit);
        }
        emit_array_end(&ctx->emit);
    }
    return cli_out_end(ctx);
}

COMMAND(graph, "bounds graph", "spectrum, conductance, Cheeger and resistances of a weighted graph",
        "For a small symmetric weight matrix: the normalised Laplacian spectrum, Cheeger's bounds, the\n"
        "exact conductance in the standard and in Theorem A.4's definition, Foster's sum of effective\n"
        "resistances, and optionally the effective-resistance sparsifier of Theorem 9.2.",
        struct graph_opts, "thermoai bounds graph   # Theorem A.4's counterexample: 0.0099 < 0.255");

/* ---- bounds softmax --------------------------------------------------------------------- */

struct softmax_opts {
    const char *query, *keys;
};

static const struct cli_option softmax_options[] = {
    OPT_S(struct softmax_opts, query, "--query", "LIST", "1,0", "query q, d numbers"),
    OPT_S(struct softmax_opts, keys, "--keys", "ROWS", "1,0;0,1;-1,0", "keys, one row of d numbers each"),
};

static int run_softmax(struct cli_ctx *ctx, void *opts)
{
    const struct softmax_opts *o = (const struct softmax_opts *)opts;
    static double q[LIST_MAX], k[LIST_MAX], p[LIST_MAX], g[LIST_MAX];
    size_t d, count, n, rows, bytes, a;
    double fmin_v, amax, thr, trace = 0.0;
    void *ws;
    int status;

    if ((d = parse_list(ctx, "--query", o->query, q, &rows)) == 0
        || (count = parse_list(ctx, "--keys", o->keys, k, &rows)) == 0)
        return CLI_EXIT_USAGE;
    n = rows;
    if (d > 64 || count != n * d)
        return cli_value_error(ctx, "--keys must have rows of d = %zu numbers (d <= 64; got %zu numbers in %zu rows)",
                               d, count, rows);
    CALL(thermoai_softmax_free_energy_min(n, d, q, k, &fmin_v, p), "thermoai_softmax_free_energy_min");
    CALL(thermoai_softmax_max_weight(n, d, q, k, &amax, &thr), "thermoai_softmax_max_weight");
    CALL(thermoai_geometry_fisher_workspace_bytes(n, d, &bytes), "thermoai_geometry_fisher_workspace_bytes");
    if ((ws = malloc(bytes)) == NULL)
        return cli_value_error(ctx, "out of memory");
    status = thermoai_geometry_fisher_metric(n, d, q, k, ws, bytes, g);
    free(ws);
    CALL(status, "thermoai_geometry_fisher_metric");
    for (a = 0; a < d; a++)
        trace += g[a * d + a];
    cli_out_begin(ctx);
    out(ctx, "free_energy_min", fmin_v, "(Proposition 8.4: reached by softmax)");
    out(ctx, "max_weight", amax, NULL);
    out(ctx, "lemma_c_1_threshold", thr, "(ln N/N)");
    out(ctx, "fisher_trace", trace, "(Proposition 5.1)");
    if (ctx->format == CLI_TEXT) {
        size_t b;

        fprintf(ctx->out, "weights                           ");
        for (a = 0; a < n; a++)
            fprintf(ctx->out, " %.6g", p[a]);
        fprintf(ctx->out, "\nfisher metric\n");
        for (a = 0; a < d; a++) {
            fprintf(ctx->out, "   ");
            for (b = 0; b < d; b++)
                fprintf(ctx->out, " %12.6g", g[a * d + b]);
            fputc('\n', ctx->out);
        }
    } else {
        emit_array_begin(&ctx->emit, "weights");
        for (a = 0; a < n; a++) {
            emit_begin(&ctx->emit, NULL);
            emit_uint(&ctx->emit, "key", a);
            emit_double(&ctx->emit, "weight", p[a]);
            emit_end(&ctx->emit);
        }
        emit_array_end(&ctx->emit);
    }
    return cli_out_end(ctx);
}

COMMAND(softmax, "bounds softmax", "softmax weights, free energy and Fisher metric of one query",
        "For a query and keys: the attention weights, the minimum of the free energy of Definition 8.3\n"
        "(reached by softmax, Proposition 8.4), the largest weight against Lemma C.1's ln N/N, and the\n"
        "Fisher metric Cov_P(k)/d of Proposition 5.1.",
        struct softmax_opts, "thermoai bounds softmax --query 1,0 --keys '1,0;0,1;-1,0'");
