/* SPDX-License-Identifier: MIT */
/* thermoai tip and tip energy: Thermodynamically-Informed Pruning over a components
 * file (tip.h, experimental tier), and the energy of one kind of component from the
 * cost model. */
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

/* ---- the components file ------------------------------------------------------------- */

static const struct cli_choice kind_choices[] = {
    { "head", THERMOAI_TIP_KIND_HEAD, "an attention (query) head; with MHA its K, V go with it" },
    { "kv-group", THERMOAI_TIP_KIND_KV_GROUP, "a KV head with the query heads that share it" },
    { "neuron", THERMOAI_TIP_KIND_NEURON, "an FFN neuron (or, in a file, a group of them)" },
    { "layer", THERMOAI_TIP_KIND_LAYER, "a transformer block" },
};
#define N_KINDS (sizeof kind_choices / sizeof kind_choices[0])

struct components {
    size_t n, cap;
    uint32_t *kind;
    double *energy_j, *delta_loss, *size;
    int has_size;
};

static void components_free(struct components *c)
{
    free(c->kind);
    free(c->energy_j);
    free(c->delta_loss);
    free(c->size);
    memset(c, 0, sizeof *c);
}

static int components_grow(struct components *c)
{
    size_t cap = c->cap ? 2 * c->cap : 64;
    uint32_t *k = (uint32_t *)realloc(c->kind, cap * sizeof *k);
    double *e, *l, *s;

    if (k == NULL)
        return -1;
    c->kind = k;
    if ((e = (double *)realloc(c->energy_j, cap * sizeof *e)) == NULL)
        return -1;
    c->energy_j = e;
    if ((l = (double *)realloc(c->delta_loss, cap * sizeof *l)) == NULL)
        return -1;
    c->delta_loss = l;
    if ((s = (double *)realloc(c->size, cap * sizeof *s)) == NULL)
        return -1;
    c->size = s;
    c->cap = cap;
    return 0;
}

static char *trim(char *s)
{
    char *e;

    while (*s == ' ' || *s == '\t')
        s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
        *--e = '\0';
    return s;
}

static int parse_number(const char *s, double *v)
{
    char *end;

    errno = 0;
    *v = strtod(s, &end);
    return *s != '\0' && *end == '\0' && errno == 0 && isfinite(*v) ? 0 : -1;
}

/* Reads "kind,energy_j,delta_loss[,size]" lines ('#' comments, blank lines and a header
 * line starting with "kind" are skipped). 0, or an exit code after the message. */
static int read_components(struct cli_ctx *ctx, const char *path, int relative, struct components *c)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    char line[1024];
    unsigned long lineno = 0;
    int rc = 0;

    if (f == NULL)
        return cli_value_error(ctx, "--components: cannot open '%s': %s", path, strerror(errno));
    while (rc == 0 && fgets(line, sizeof line, f) != NULL) {
        char *fields[5], *p = trim(line), *tok;
        size_t nf = 0, k;
        double v[3];

        lineno++;
        if (*p == '\0' || *p == '#' || (c->n == 0 && strncmp(p, "kind,", 5) == 0))
            continue;
        for (tok = p; nf < 5;) {
            char *comma = strchr(tok, ',');

            fields[nf++] = tok;
            if (comma == NULL)
                break;
            *comma = '\0';
            tok = comma + 1;
        }
        if (nf < 3 || nf > 4) {
            rc = cli_value_error(ctx, "%s:%lu: expected kind,energy_j,delta_loss[,size], got %zu fields", path,
                                 lineno, nf);
            break;
        }
        for (k = 0; k < N_KINDS; k++)
            if (strcmp(trim(fields[0]), kind_choices[k].name) == 0)
                break;
        if (k == N_KINDS) {
            rc = cli_value_error(ctx, "%s:%lu: unknown kind '%s' (head, kv-group, neuron, layer)", path, lineno,
                                 trim(fields[0]));
            break;
        }
        if (parse_number(trim(fields[1]), &v[0]) != 0 || parse_number(trim(fields[2]), &v[1]) != 0
            || (nf == 4 && parse_number(trim(fields[3]), &v[2]) != 0)) {
            rc = cli_value_error(ctx, "%s:%lu: a field is not a finite number", path, lineno);
            break;
        }
        if (relative && !(v[1] > -1.0)) {
            rc = cli_value_error(ctx, "%s:%lu: a relative perplexity change must be > -1, got %g", path, lineno,
                                 v[1]);
            break;
        }
        if (c->n > 0 && (nf == 4) != c->has_size) {
            rc = cli_value_error(ctx, "%s:%lu: give the size column on every line or on none", path, lineno);
            break;
        }
        if (c->n == c->cap && components_grow(c) != 0) {
            rc = cli_value_error(ctx, "out of memory reading '%s'", path);
            break;
        }
        c->has_size = nf == 4;
        c->kind[c->n] = kind_choices[k].value;
        c->energy_j[c->n] = v[0];
        /* a relative perplexity change x is a loss change log1p(x) nats (PPL = e^L) */
        c->delta_loss[c->n] = relative ? log1p(v[1]) : v[1];
        c->size[c->n] = nf == 4 ? v[2] : 1.0;
        c->n++;
    }
    if (rc == 0 && ferror(f))
        rc = cli_value_error(ctx, "--components: read error on '%s'", path);
    if (rc == 0 && c->n == 0)
        rc = cli_value_error(ctx, "--components: '%s' lists no component", path);
    if (f != stdin)
        fclose(f);
    return rc;
}

static const char *kind_name(uint32_t kind)
{
    size_t k;

    for (k = 0; k < N_KINDS; k++)
        if (kind_choices[k].value == kind)
            return kind_choices[k].name;
    return "?";
}

/* ---- thermoai tip -------------------------------------------------------------------- */

struct tip_opts {
    const char *components;
    uint32_t target;
    double value;
    double total_energy_j;
    uint32_t loss_unit;
};

static const struct cli_choice target_choices[] = {
    { "sparsity", THERMOAI_TIP_TARGET_SPARSITY, "remove this fraction of the total size" },
    { "energy", THERMOAI_TIP_TARGET_ENERGY, "save this fraction of the total energy" },
    { "quality", THERMOAI_TIP_TARGET_QUALITY, "keep PPL'/PPL - 1 (predicted, additive) within this" },
};

#define LOSS_NATS 1u
#define LOSS_RELATIVE 2u

static const struct cli_choice loss_choices[] = {
    { "nats", LOSS_NATS, "the file's loss change is in nats per token" },
    { "relative", LOSS_RELATIVE, "the file's loss change is dPPL/PPL (0.01 for 1 %)" },
};

#define T(field) offsetof(struct tip_opts, field)
static const struct cli_option tip_options[] = {
    { .name = "--components", .type = CLI_STRING, .offset = T(components), .meta = "FILE",
      .flags = CLI_REQUIRED, .help = "CSV lines kind,energy_j,delta_loss[,size] ('-': standard input)" },
    { .name = "--target", .type = CLI_ENUM, .offset = T(target), .meta = "TARGET", .def = "sparsity",
      .help = "what --value bounds", .choices = target_choices,
      .n_choices = sizeof target_choices / sizeof target_choices[0] },
    { .name = "--value", .type = CLI_DOUBLE, .offset = T(value), .meta = "V", .domain = CLI_NONNEGATIVE,
      .def = "0.5", .help = "the target: a fraction in [0, 1] (sparsity, energy) or a relative degradation" },
    { .name = "--total-energy-j", .type = CLI_DOUBLE, .offset = T(total_energy_j), .meta = "E", .unit = "J",
      .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "energy per token of the whole model (0: the sum of the components')" },
    { .name = "--loss-unit", .type = CLI_ENUM, .offset = T(loss_unit), .meta = "UNIT", .def = "nats",
      .help = "unit of the file's loss change", .choices = loss_choices,
      .n_choices = sizeof loss_choices / sizeof loss_choices[0] },
};

static int run_tip(struct cli_ctx *ctx, void *opts)
{
    const struct tip_opts *o = (const struct tip_opts *)opts;
    struct components c = { 0, 0, NULL, NULL, NULL, NULL, 0 };
    double total, sv = 0, sz = 0, dg = 0, *score = NULL;
    size_t *order = NULL, *rank = NULL, ws_bytes = 0, i, removed = 0;
    uint8_t *keep = NULL;
    void *ws = NULL;
    int rc, status;

    if (o->target != THERMOAI_TIP_TARGET_QUALITY && o->value > 1.0)
        return cli_value_error(ctx, "--value must be in [0, 1] for --target %s, got %g",
                               o->target == THERMOAI_TIP_TARGET_SPARSITY ? "sparsity" : "energy", o->value);
    if ((rc = read_components(ctx, o->components, o->loss_unit == LOSS_RELATIVE, &c)) != 0) {
        components_free(&c);
        return rc;
    }
    total = o->total_energy_j;
    if (total == 0.0)
        for (i = 0; i < c.n; i++)
            total += c.energy_j[i];
    if ((status = thermoai_tip_select_workspace_bytes(c.n, &ws_bytes)) != THERMOAI_OK) {
        components_free(&c);
        return cli_library_error(ctx, "thermoai_tip_select_workspace_bytes", status);
    }
    ws = malloc(ws_bytes);
    keep = (uint8_t *)malloc(c.n);
    order = (size_t *)malloc(c.n * sizeof *order);
    rank = (size_t *)malloc(c.n * sizeof *rank);
    score = (double *)malloc(c.n * sizeof *score);
    if (ws == NULL || keep == NULL || order == NULL || rank == NULL || score == NULL) {
        rc = cli_value_error(ctx, "out of memory for %zu components", c.n);
        goto done;
    }
    status = thermoai_tip_select(c.n, c.energy_j, c.delta_loss, c.has_size ? c.size : NULL, total, o->target,
                                 o->value, ws, ws_bytes, keep, order, &sv, &sz, &dg);
    if (status == THERMOAI_OK)
        status = thermoai_tip_scores(c.n, c.energy_j, c.delta_loss, total, score);
    if (status == THERMOAI_E_DOMAIN) {
        rc = cli_value_error(ctx, "--value %g: removing every component saves less than that share of "
                                  "--total-energy-j %g J", o->value, total);
        goto done;
    }
    if (status != THERMOAI_OK) {
        rc = cli_library_error(ctx, "thermoai_tip_select", status);
        goto done;
    }
    for (i = 0; i < c.n; i++) {
        rank[order[i]] = i + 1;
        removed += keep[i] == 0;
    }
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT) {
        fprintf(ctx->out, "components     %zu from %s, total energy %.6g J per token%s\n", c.n, o->components, total,
                o->total_energy_j == 0.0 ? " (their sum)" : "");
        fprintf(ctx->out, "removed        %zu: size %.4g %%, energy %.4g %%, predicted PPL'/PPL - 1 = %.4g %%\n",
                removed, 100.0 * sz, 100.0 * sv, 100.0 * dg);
        fprintf(ctx->out, "%5s %6s %-9s %12s %12s %12s  %s\n", "rank", "line", "kind", "energy_j", "dloss_nats",
                "score", "action");
        for (i = 0; i < c.n; i++) {
            size_t j = order[i];

            fprintf(ctx->out, "%5zu %6zu %-9s %12.6g %12.6g %12.6g  %s\n", i + 1, j + 1, kind_name(c.kind[j]),
                    c.energy_j[j], c.delta_loss[j], score[j], keep[j] ? "keep" : "remove");
        }
        fprintf(ctx->out, "Losses are assumed additive; the saving holds only for structured removal "
                          "(doc/tip.md).\n");
    } else {
        emit_uint(&ctx->emit, "n_components", c.n);
        emit_uint(&ctx->emit, "removed_count", removed);
        emit_double(&ctx->emit, "total_energy_per_token_j", total);
        emit_double(&ctx->emit, "saved_fraction", sv);
        emit_double(&ctx->emit, "size_fraction", sz);
        emit_double(&ctx->emit, "predicted_degradation", dg);
        emit_array_begin(&ctx->emit, "components");
        for (i = 0; i < c.n; i++) {
            emit_begin(&ctx->emit, NULL);
            emit_uint(&ctx->emit, "index", i);
            emit_string(&ctx->emit, "kind", kind_name(c.kind[i]));
            emit_double(&ctx->emit, "energy_j", c.energy_j[i]);
            emit_double(&ctx->emit, "delta_loss_nats", c.delta_loss[i]);
            emit_double(&ctx->emit, "size", c.size[i]);
            emit_double(&ctx->emit, "score", score[i]);
            emit_uint(&ctx->emit, "rank", rank[i]);
            emit_bool(&ctx->emit, "removed", keep[i] == 0);
            emit_end(&ctx->emit);
        }
        emit_array_end(&ctx->emit);
    }
    rc = cli_out_end(ctx);
done:
    free(ws);
    free(keep);
    free(order);
    free(rank);
    free(score);
    components_free(&c);
    return rc;
}

const struct cli_command cli_cmd_tip = {
    .name = "tip",
    .synopsis = "Thermodynamically-Informed Pruning over a file of components (paper 000 Sec. 5)",
    .description =
        "Reads prunable components (kind, energy per token E_i in J, loss change when removed\n"
        "alone) and scores each s_i = (dPPL_i/PPL) / (E_i/E_total) (paper 000 Sec. 5.2), then\n"
        "removes the lowest-scored first until the target holds: a share of the total size\n"
        "(the optional 4th column, else 1 per component), a share of the energy, or a predicted\n"
        "quality loss (losses assumed additive). E_i should be what removing the component saves:\n"
        "'thermoai tip energy' gives it from the cost model for heads, FFN neurons and layers.\n"
        "The energy argument holds only for structured removal: zeroed weights in dense\n"
        "matrices save nothing (doc/tip.md). Iterative re-scoring needs your model in the loop:\n"
        "use thermoai_tip_select_rounds() with an evaluator callback.",
    .options = tip_options,
    .n_options = sizeof tip_options / sizeof tip_options[0],
    .opts_size = sizeof(struct tip_opts),
    .run = run_tip,
    .example = "thermoai tip --components heads.csv --target energy --value 0.3",
};

/* ---- thermoai tip energy ------------------------------------------------------------- */

struct tip_energy_opts {
    struct cli_model_opts model;
    struct cli_hardware_opts hw;
    struct cli_serving_opts serving;
    struct cli_work_opts work;
    uint32_t kind, phase;
    uint64_t count, prompt_tokens;
    double sparsity, index_bits;
};

static const struct cli_choice phase_choices[] = {
    { "decode", THERMOAI_TIP_DECODE, "one decode step (per generated token)" },
    { "prefill", THERMOAI_TIP_PREFILL, "a prefill (per prompt token)" },
};

#define TE(field) offsetof(struct tip_energy_opts, field)
static const struct cli_option tip_energy_options[] = {
    { .name = "--kind", .type = CLI_ENUM, .offset = TE(kind), .meta = "KIND", .def = "head",
      .help = "the component", .choices = kind_choices, .n_choices = N_KINDS },
    { .name = "--count", .type = CLI_COUNT, .offset = TE(count), .meta = "N", .domain = CLI_AT_LEAST_1,
      .def = "1", .help = "components removed together (the roofline is not linear in it)" },
    { .name = "--phase", .type = CLI_ENUM, .offset = TE(phase), .meta = "PHASE", .def = "decode",
      .help = "the step", .choices = phase_choices, .n_choices = sizeof phase_choices / sizeof phase_choices[0] },
    { .name = "--prompt-tokens", .type = CLI_COUNT, .offset = TE(prompt_tokens), .meta = "P", .def = "512",
      .help = "prefill: prompt tokens per sequence" },
    { .name = "--sparsity", .type = CLI_DOUBLE, .offset = TE(sparsity), .meta = "S", .domain = CLI_UNIT,
      .def = "0.5", .help = "for the unstructured comparison: share of block weights zeroed, < 1" },
    { .name = "--index-bits", .type = CLI_DOUBLE, .offset = TE(index_bits), .meta = "I", .unit = "bits",
      .domain = CLI_NONNEGATIVE, .def = "2",
      .help = "sparse format: index bits per kept weight (2:4 metadata 2, CSR 32)" },
    CLI_STEP_GROUPS(TE),
};

static int run_tip_energy(struct cli_ctx *ctx, void *opts)
{
    const struct tip_energy_opts *o = (const struct tip_energy_opts *)opts;
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_cost_serving s;
    thermoai_work_params p;
    double e = 0, total = 0, dense = 0, sparse = 0, t2 = 0;
    int rc, status;

    if (o->sparsity >= 1.0)
        return cli_value_error(ctx, "--sparsity must be < 1, got %g", o->sparsity);
    if ((rc = cli_step_load(ctx, &o->model, &o->hw, &o->serving, &o->work, &a, &h, &s, &p)) != 0)
        return rc;
    if (o->phase == THERMOAI_TIP_PREFILL) {
        if (o->prompt_tokens == 0)
            return cli_value_error(ctx, "--prompt-tokens must be >= 1, got 0");
        p.tokens = o->prompt_tokens;
    }
    status = thermoai_tip_component_energy_j(&a, &p, o->phase, &h, &s, o->kind, o->count, &e, &total);
    if (status == THERMOAI_E_UNSUPPORTED)
        return cli_value_error(ctx, "--kind %s is not supported for this model (heads of MLA, neurons of "
                                    "MoE), or the hardware lacks energy parameters", kind_name(o->kind));
    if (status == THERMOAI_E_INVALID)
        return cli_value_error(ctx, "--count %llu: the model has fewer %s components (or invalid values)",
                               (unsigned long long)o->count, kind_name(o->kind));
    if (status != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_tip_component_energy_j", status);
    /* the unstructured comparison: dense storage, and the sparse format (dense models only) */
    status = thermoai_tip_unstructured_energy_j(&a, &p, o->phase, &h, &s, THERMOAI_TIP_STORE_DENSE, o->sparsity,
                                                o->index_bits, &dense, &t2);
    if (status == THERMOAI_OK)
        status = thermoai_tip_unstructured_energy_j(&a, &p, o->phase, &h, &s, THERMOAI_TIP_STORE_SPARSE,
                                                    o->sparsity, o->index_bits, &sparse, &t2);
    if (status != THERMOAI_OK && status != THERMOAI_E_UNSUPPORTED)
        return cli_library_error(ctx, "thermoai_tip_unstructured_energy_j", status);
    if (status != THERMOAI_OK)
        dense = sparse = (double)NAN;
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT) {
        fprintf(ctx->out, "model          %s on %s, %s, batch %llu, context %llu\n", o->model.model, o->hw.hardware,
                o->phase == THERMOAI_TIP_DECODE ? "decode" : "prefill", (unsigned long long)o->work.batch,
                (unsigned long long)o->work.context);
        fprintf(ctx->out, "total          %.6g J per token\n", total);
        fprintf(ctx->out, "%-14s %.6g J per token saved by removing %llu (%.4g %% of the total)\n", kind_name(o->kind),
                e, (unsigned long long)o->count, 100.0 * e / total);
        if (isfinite(dense))
            fprintf(ctx->out, "unstructured   %g%% of block weights zeroed: dense storage saves %g J; a sparse "
                              "format with %g index bits\n               per kept weight saves %.6g J (%.4g %%)\n",
                    100.0 * o->sparsity, dense, o->index_bits, sparse, 100.0 * sparse / total);
        return cli_out_end(ctx);
    }
    cli_emit_arch(ctx, &a);
    cli_emit_hardware(ctx, &h);
    emit_double(&ctx->emit, "total_energy_per_token_j", total);
    emit_double(&ctx->emit, "component_energy_per_token_j", e);
    emit_double(&ctx->emit, "unstructured_dense_saved_j", dense);
    emit_double(&ctx->emit, "unstructured_sparse_saved_j", sparse);
    return cli_out_end(ctx);
}

const struct cli_command cli_cmd_tip_energy = {
    .name = "tip energy",
    .synopsis = "energy per token a head, KV group, FFN neuron or layer saves (cost model)",
    .description =
        "E_i for TIP: the energy per token of a decode step or prefill minus the same with --count\n"
        "components of --kind removed, from the work counts of the cost model on a hardware\n"
        "profile (thermoai_tip_component_energy_j()). Beside it, what zeroing --sparsity of the\n"
        "block weights saves: nothing with dense storage, and with a sparse format whose index\n"
        "bits are charged (thermoai_tip_unstructured_energy_j(); kernels assumed to skip zeros).",
    .options = tip_energy_options,
    .n_options = sizeof tip_energy_options / sizeof tip_energy_options[0],
    .opts_size = sizeof(struct tip_energy_opts),
    .run = run_tip_energy,
    .example = "thermoai tip energy --model llama-2-7b --hardware h100-sxm --kind head --context 512",
};
