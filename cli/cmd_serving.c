/* SPDX-License-Identifier: MIT */
/* thermoai batch|serve: the energy-optimal batch under a latency SLO (slo.h, paper 002
 * Theorem 4.7) and the devices, power, energy and cost of serving a token rate
 * (serving.h, paper 003). */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "cli.h"
#include "commands.h"

struct serving_opts {
    struct cli_model_opts model;
    struct cli_hardware_opts hw;
    struct cli_serving_opts serving;
    struct cli_work_opts work;
    double slo_ms, arrival_per_s, overhead_bytes, tokens_per_s, pue, usd_per_kwh, host_w;
    uint64_t max_batch;
};

#define O(field) offsetof(struct serving_opts, field)
#define GROUPS CLI_STEP_GROUPS(O)

static int load(struct cli_ctx *ctx, const struct serving_opts *o, thermoai_model_arch *a,
                thermoai_hardware *h, thermoai_cost_serving *s, thermoai_work_params *p)
{
    return cli_step_load(ctx, &o->model, &o->hw, &o->serving, &o->work, a, h, s, p);
}

static int run_batch(struct cli_ctx *ctx, void *opts)
{
    const struct serving_opts *o = (const struct serving_opts *)opts;
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_cost_serving s;
    thermoai_work_params p;
    thermoai_slo_params sp;
    thermoai_slo_result r;
    double bstar = 0.0;
    int rc, status;

    if ((rc = load(ctx, o, &a, &h, &s, &p)) != 0)
        return rc;
    if ((status = thermoai_slo_params_init(&sp, sizeof sp)) != THERMOAI_OK
        || (status = thermoai_slo_result_init(&r, sizeof r)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_slo_params_init", status);
    sp.slo_s = o->slo_ms * 1e-3;
    sp.arrival_per_s = o->arrival_per_s;
    sp.flags = o->arrival_per_s > 0.0 ? 0u : THERMOAI_SLO_BACKLOG;
    sp.max_batch = o->max_batch;
    sp.overhead_bytes = o->overhead_bytes;
    status = thermoai_slo_batch(&a, &p, &h, &s, &sp, &r);
    if (status == THERMOAI_E_DOMAIN)
        return cli_value_error(ctx, "no batch meets a %g ms SLO%s (the batch-1 step is longer, the queue "
                                    "cannot keep up, or the model does not fit in memory)",
                               o->slo_ms, o->arrival_per_s > 0.0 ? " at this arrival rate" : "");
    if (status != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_slo_batch", status);
    /* Theorem 4.2's B* with Table 4's reading: p parameters, N the context, d = d_model / heads */
    {
        uint64_t n = 0;

        if (thermoai_model_params(&a, &n) != THERMOAI_OK
            || thermoai_trilemma_paper_batch((double)n, (double)(p.context > 0 ? p.context : 1),
                                             (double)a.d_model / (double)a.heads, &bstar) != THERMOAI_OK)
            bstar = 0.0;
    }
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT) {
        fprintf(ctx->out, "model          %s on %s, serving %s, context %llu\n", o->model.model,
                o->hw.hardware, o->serving.serving, (unsigned long long)p.context);
        if (o->arrival_per_s > 0.0)
            fprintf(ctx->out, "traffic        %g requests/s; a batch waits until it is full\n", o->arrival_per_s);
        else
            fprintf(ctx->out, "traffic        backlog (requests always waiting)\n");
        fprintf(ctx->out, "optimal batch  %g of at most %g (SLO %g ms)\n", r.batch, r.cap_batch, o->slo_ms);
        fprintf(ctx->out, "latency        %.4g ms (wait %.4g ms + step %.4g ms)\n", 1e3 * r.latency_s,
                1e3 * r.wait_s, 1e3 * r.step_s);
        fprintf(ctx->out, "energy         %.4g J per token\n", r.energy_per_token_j);
        fprintf(ctx->out, "tokens/s       %.4g\n", r.tokens_per_s);
        fprintf(ctx->out, "Eq. (20) batch %g: %s, %+.1f %% energy\n", r.fill_batch,
                r.fill_meets_slo ? "meets the SLO" : "misses the SLO", 100.0 * r.fill_gap);
        fprintf(ctx->out, "Eq. (21) batch %g: %s, %+.1f %% energy\n", r.root_batch,
                r.root_meets_slo ? "meets the SLO" : "misses the SLO", 100.0 * r.root_gap);
        fprintf(ctx->out, "paper B*       %.4g (Theorem 4.2, sqrt(p / (N d)), d = d_model / heads)\n", bstar);
        return cli_out_end(ctx);
    }
    cli_emit_arch(ctx, &a);
    cli_emit_hardware(ctx, &h);
    emit_double(&ctx->emit, "batch", r.batch);
    emit_double(&ctx->emit, "cap_batch", r.cap_batch);
    emit_double(&ctx->emit, "latency_s", r.latency_s);
    emit_double(&ctx->emit, "wait_s", r.wait_s);
    emit_double(&ctx->emit, "step_s", r.step_s);
    emit_double(&ctx->emit, "energy_per_token_j", r.energy_per_token_j);
    emit_double(&ctx->emit, "tokens_per_s", r.tokens_per_s);
    emit_double(&ctx->emit, "fill_batch", r.fill_batch);
    emit_double(&ctx->emit, "fill_meets_slo", (double)r.fill_meets_slo);
    emit_double(&ctx->emit, "fill_gap", r.fill_gap);
    emit_double(&ctx->emit, "root_batch", r.root_batch);
    emit_double(&ctx->emit, "root_meets_slo", (double)r.root_meets_slo);
    emit_double(&ctx->emit, "root_gap", r.root_gap);
    emit_double(&ctx->emit, "paper_batch", bstar);
    return cli_out_end(ctx);
}

static int run_serve(struct cli_ctx *ctx, void *opts)
{
    const struct serving_opts *o = (const struct serving_opts *)opts;
    thermoai_model_arch a;
    thermoai_hardware h;
    thermoai_cost_serving s;
    thermoai_work_params p;
    thermoai_cost_result r;
    double devices = 0.0, it_w = 0.0, fac_w = 0.0, year_j = 0.0, usd = 0.0, tpj = 0.0;
    int rc, status;

    if ((rc = load(ctx, o, &a, &h, &s, &p)) != 0)
        return rc;
    if ((status = thermoai_cost_result_init(&r, sizeof r)) != THERMOAI_OK
        || (status = thermoai_cost_decode(&a, &p, &h, &s, &r)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_cost_decode", status);
    if ((status = thermoai_serving_devices(o->tokens_per_s, r.tokens_per_s, &devices)) != THERMOAI_OK
        || (status = thermoai_serving_node_power_w(devices, r.average_power_w, devices * o->host_w, &it_w))
               != THERMOAI_OK
        || (status = thermoai_serving_facility_power_w(it_w, o->pue, &fac_w)) != THERMOAI_OK
        || (status = thermoai_serving_annual_energy_j(fac_w, &year_j)) != THERMOAI_OK
        || (status = thermoai_serving_energy_cost_usd(year_j, o->usd_per_kwh, &usd)) != THERMOAI_OK
        || (status = thermoai_serving_tokens_per_j(r.tokens_per_s, r.average_power_w, &tpj)) != THERMOAI_OK)
        return cli_library_error(ctx, "thermoai_serving_*", status);
    cli_out_begin(ctx);
    if (ctx->format == CLI_TEXT) {
        fprintf(ctx->out, "model          %s on %s, serving %s, batch %llu, context %llu\n", o->model.model,
                o->hw.hardware, o->serving.serving, (unsigned long long)p.batch, (unsigned long long)p.context);
        fprintf(ctx->out, "per device     %.4g tokens/s at %.4g W (%.4g tokens/J)\n", r.tokens_per_s,
                r.average_power_w, tpj);
        fprintf(ctx->out, "devices        %g for %g tokens/s\n", devices, o->tokens_per_s);
        fprintf(ctx->out, "IT power       %.4g kW (devices plus %g W host each)\n", it_w / 1e3, o->host_w);
        fprintf(ctx->out, "facility       %.4g kW at PUE %g\n", fac_w / 1e3, o->pue);
        fprintf(ctx->out, "annual energy  %.4g MWh\n", year_j / 3.6e9);
        fprintf(ctx->out, "annual cost    $%.4g at $%g/kWh\n", usd, o->usd_per_kwh);
        return cli_out_end(ctx);
    }
    cli_emit_arch(ctx, &a);
    cli_emit_hardware(ctx, &h);
    emit_double(&ctx->emit, "device_tokens_per_s", r.tokens_per_s);
    emit_double(&ctx->emit, "device_power_w", r.average_power_w);
    emit_double(&ctx->emit, "tokens_per_j", tpj);
    emit_double(&ctx->emit, "devices", devices);
    emit_double(&ctx->emit, "it_power_w", it_w);
    emit_double(&ctx->emit, "facility_power_w", fac_w);
    emit_double(&ctx->emit, "annual_energy_j", year_j);
    emit_double(&ctx->emit, "annual_cost_usd", usd);
    return cli_out_end(ctx);
}

static const struct cli_option batch_options[] = {
    { .name = "--slo-ms", .type = CLI_DOUBLE, .offset = O(slo_ms), .meta = "L", .unit = "ms",
      .domain = CLI_POSITIVE, .flags = CLI_REQUIRED, .help = "latency a request may see (wait plus step)" },
    { .name = "--arrival-per-s", .type = CLI_DOUBLE, .offset = O(arrival_per_s), .meta = "R",
      .unit = "requests/s", .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "arrival rate; a batch waits until full (0: backlog, requests always waiting)" },
    { .name = "--max-batch", .type = CLI_COUNT, .offset = O(max_batch), .meta = "B", .def = "0",
      .help = "batch cap (0: what fits in memory); --batch is ignored" },
    { .name = "--overhead-bytes", .type = CLI_DOUBLE, .offset = O(overhead_bytes), .meta = "M",
      .unit = "bytes", .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "memory reserved besides weights and KV cache" },
    GROUPS
};

static const struct cli_option serve_options[] = {
    { .name = "--tokens-per-s", .type = CLI_DOUBLE, .offset = O(tokens_per_s), .meta = "T",
      .unit = "tokens/s", .domain = CLI_NONNEGATIVE, .flags = CLI_REQUIRED, .help = "the service's token rate" },
    { .name = "--pue", .type = CLI_DOUBLE, .offset = O(pue), .meta = "P", .domain = CLI_AT_LEAST_1,
      .def = "1.5", .help = "power usage effectiveness of the facility" },
    { .name = "--usd-per-kwh", .type = CLI_DOUBLE, .offset = O(usd_per_kwh), .meta = "C", .unit = "USD/kWh",
      .domain = CLI_NONNEGATIVE, .def = "0.05", .help = "electricity price" },
    { .name = "--host-w", .type = CLI_DOUBLE, .offset = O(host_w), .meta = "P", .unit = "W",
      .domain = CLI_NONNEGATIVE, .def = "0",
      .help = "host power per device (dgx-h100: 4600 W / 8 = 575 W)" },
    GROUPS
};

const struct cli_command cli_cmd_batch = {
    .name = "batch",
    .synopsis = "energy-optimal batch under a latency SLO, with paper 002's closed forms beside it",
    .description = "The batch with the least energy per token whose latency (the wait for the batch to\n"
                   "fill at the arrival rate, plus the decode step of the roofline model) meets the SLO\n"
                   "and whose queue is stable, found by search over integer batch up to the memory cap\n"
                   "(include/thermoai/slo.h). Beside it: Theorem 4.7's Eq. (20) and Eq. (21) batches with\n"
                   "their energy gap, and Theorem 4.2's B* = sqrt(p / (N d)).",
    .options = batch_options,
    .n_options = sizeof batch_options / sizeof batch_options[0],
    .opts_size = sizeof(struct serving_opts),
    .run = run_batch,
    .example = "thermoai batch --model llama-2-7b --hardware h100-sxm-measured --slo-ms 50 "
               "--arrival-per-s 300 --context 512",
};

const struct cli_command cli_cmd_serve = {
    .name = "serve",
    .synopsis = "devices, power, annual energy and electricity cost of serving a token rate",
    .description = "Per-device tokens/s and power from the roofline model at --batch and --context;\n"
                   "devices = ceil(rate / per-device rate); IT power = devices x (device power + host);\n"
                   "facility = PUE x IT; annual energy over 8760 h; cost at --usd-per-kwh\n"
                   "(include/thermoai/serving.h, paper 003's datacenter estimate).",
    .options = serve_options,
    .n_options = sizeof serve_options / sizeof serve_options[0],
    .opts_size = sizeof(struct serving_opts),
    .run = run_serve,
    .example = "thermoai serve --model llama-2-7b --hardware h100-sxm-measured --batch 64 --context 512 "
               "--tokens-per-s 578704",
};
