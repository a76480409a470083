/* SPDX-License-Identifier: MIT */
/* SLO batching: the exact optimum against a brute-force search written here from the
 * queue model of slo.h, its properties (meets the SLO, never worse than the closed
 * forms' batches), Eqs. (20)-(21) by hand, bad input. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static thermoai_model_arch arch;
static thermoai_hardware hw;
static thermoai_cost_serving graphs;
static thermoai_work_params wp;

static int setup(void)
{
    return thermoai_model_arch_init(&arch, sizeof arch) == THERMOAI_OK
           && thermoai_model_preset_find("llama-2-7b", &arch) == THERMOAI_OK
           && thermoai_hardware_init(&hw, sizeof hw) == THERMOAI_OK
           && thermoai_hardware_preset_find("h100-sxm-measured", &hw) == THERMOAI_OK
           && thermoai_cost_serving_init(&graphs, sizeof graphs) == THERMOAI_OK
           && thermoai_cost_serving_preset("cuda-graphs", &graphs) == THERMOAI_OK
           && thermoai_work_params_init(&wp, sizeof wp) == THERMOAI_OK;
}

/* One decode step: time and energy from the cost model. */
static void step(const thermoai_cost_serving *s, uint64_t b, double *t, double *e)
{
    thermoai_work_params p = wp;
    thermoai_cost_result r;

    p.batch = b;
    memset(&r, 0, sizeof r);
    r.struct_size = (uint32_t)sizeof r;
    if (thermoai_cost_decode(&arch, &p, &hw, s, &r) != THERMOAI_OK) {
        *t = *e = (double)NAN;
        return;
    }
    *t = r.step_s;
    *e = r.energy_j;
}

/* The queue model, written out again: latency, energy per request, feasible. */
static int model(const thermoai_cost_serving *s, uint64_t b, double slo, double lambda, double *lat,
                 double *epr)
{
    double t, e;
    const double bd = (double)b;

    step(s, b, &t, &e);
    if (lambda == 0.0) {
        *lat = t;
        *epr = e / bd;
        return t <= slo;
    }
    *lat = (bd - 1.0) / lambda + t;
    *epr = (e + hw.idle_power_w * fmax(0.0, bd / lambda - t)) / bd;
    return *lat <= slo && t <= bd / lambda;
}

static int run(const thermoai_cost_serving *s, double slo, double lambda, uint64_t cap,
               thermoai_slo_result *r)
{
    thermoai_slo_params sp;

    if (thermoai_slo_params_init(&sp, sizeof sp) != THERMOAI_OK)
        return -1;
    sp.slo_s = slo;
    sp.arrival_per_s = lambda;
    sp.flags = lambda == 0.0 ? THERMOAI_SLO_BACKLOG : 0u;
    sp.max_batch = cap;
    memset(r, 0, sizeof *r);
    r->struct_size = (uint32_t)sizeof *r;
    return thermoai_slo_batch(&arch, &wp, &hw, s, &sp, r);
}

int main(void)
{
    static const double slos[] = { 0.008, 0.02, 0.05, 0.2 };
    static const double lambdas[] = { 0.0, 50.0, 300.0, 2000.0, 20000.0 };
    thermoai_slo_result r;
    thermoai_slo_params sp;
    size_t i, j;
    double v = 0.0, t1, e1;
    int all_brute = 1, all_slo = 1, all_fill = 1, all_root = 1;

    if (!tap_ok(setup(), "llama-2-7b, h100-sxm-measured, cuda-graphs"))
        return tap_done();
    wp.context = 512;

    /* ---- the optimum against a brute-force search, and its properties ---- */
    for (i = 0; i < sizeof slos / sizeof slos[0]; i++)
        for (j = 0; j < sizeof lambdas / sizeof lambdas[0]; j++) {
            const double slo = slos[i], lam = lambdas[j];
            uint64_t b, best = 0;
            double best_e = 0.0, lat, epr;
            int rc = run(&graphs, slo, lam, 0, &r);

            for (b = 1; b <= 247; b++)
                if (model(&graphs, b, slo, lam, &lat, &epr) && (best == 0 || epr <= best_e)) {
                    best = b;
                    best_e = epr;
                }
            if (best == 0) {
                if (rc != THERMOAI_E_DOMAIN || !isnan(r.batch))
                    all_brute = 0;
                continue;
            }
            if (rc != THERMOAI_OK || r.batch != (double)best || fabs(r.energy_per_token_j / best_e - 1.0) > 1e-14
                || r.cap_batch != 247.0)
                all_brute = 0;
            if (!(r.latency_s <= slo) || !(r.step_s <= (lam > 0.0 ? r.batch / lam : slo)))
                all_slo = 0;
            if (r.fill_meets_slo && !(r.fill_gap >= 0.0 && r.energy_per_token_j <= r.fill_energy_per_token_j))
                all_fill = 0;
            if (r.root_meets_slo && !(r.root_gap >= 0.0 && r.energy_per_token_j <= r.root_energy_per_token_j))
                all_root = 0;
            tap_diag("slo %g s, %g req/s: B = %g (%.4g J), Eq. 20: %g (%s, gap %+.3g), Eq. 21: %g (%s, gap %+.3g)",
                     slo, lam, r.batch, r.energy_per_token_j, r.fill_batch, r.fill_meets_slo ? "meets" : "misses",
                     r.fill_gap, r.root_batch, r.root_meets_slo ? "meets" : "misses", r.root_gap);
        }
    tap_ok(all_brute, "the optimum is the brute-force optimum over 1..247 (20 SLO x rate cases)");
    tap_ok(all_slo, "the optimum never violates the SLO and keeps the queue stable");
    tap_ok(all_fill, "never worse in energy than Eq. (20)'s batch where that meets the SLO");
    tap_ok(all_root, "never worse in energy than Eq. (21)'s batch where that meets the SLO");

    /* ---- a hand case: backlog, ideal serving: the largest batch within the SLO ---- */
    {
        double t, e, tn, en;

        tap_ok(run(NULL, 0.02, 0.0, 0, &r) == THERMOAI_OK, "backlog, 20 ms, ideal");
        step(NULL, (uint64_t)r.batch, &t, &e);
        step(NULL, (uint64_t)r.batch + 1, &tn, &en);
        tap_ok(t <= 0.02 && tn > 0.02, "B = %g: the last batch whose step fits 20 ms", r.batch);
        tap_ok(r.wait_s == 0.0 && r.tokens_per_s == r.batch / r.step_s && r.latency_s == r.step_s,
               "backlog: no wait, throughput B / t");
        tap_ok(r.fill_batch == 247.0, "backlog: Eq. (20) with lambda -> inf is B_max");
    }
    /* ---- the memory and caller caps ---- */
    tap_ok(run(&graphs, 1.0, 0.0, 0, &r) == THERMOAI_OK && r.batch == 247.0, "a loose SLO: the memory cap");
    tap_ok(run(&graphs, 1.0, 0.0, 32, &r) == THERMOAI_OK && r.batch == 32.0 && r.cap_batch == 32.0,
           "the caller's cap below memory's");
    tap_ok(run(&graphs, 1.0, 0.0, 100000, &r) == THERMOAI_OK && r.batch == 247.0, "a cap above memory's: memory");
    /* ---- the queue: low rate, the idle power between batches ---- */
    step(&graphs, 1, &t1, &e1);
    tap_ok(run(&graphs, 0.05, 1.0, 0, &r) == THERMOAI_OK && r.batch == 1.0, "1 request/s: batch 1");
    tap_rel(r.energy_per_token_j, e1 + hw.idle_power_w * (1.0 - t1), 1e-14,
            "1 request/s: step energy plus idle power for the rest of the second");
    tap_ok(r.fill_batch == 0.0 && r.fill_gap == 0.0 && r.fill_meets_slo == 0,
           "Eq. (20) gives floor(1 x (0.05 - t)) = 0: no batch");

    /* ---- bad input ---- */
    tap_ok(run(&graphs, t1 * 0.5, 0.0, 0, &r) == THERMOAI_E_DOMAIN && isnan(r.batch) && isnan(r.root_gap)
               && r.fill_meets_slo == 0,
           "SLO below the batch-1 latency: E_DOMAIN, NaN");
    tap_ok(run(&graphs, 0.02, 20000.0, 0, &r) == THERMOAI_E_DOMAIN && isnan(r.energy_per_token_j),
           "20000 req/s within 20 ms: every batch either misses the SLO or lets the queue grow");
    tap_ok(thermoai_slo_params_init(&sp, sizeof sp) == THERMOAI_OK, "params");
    sp.slo_s = 0.05;
    r.struct_size = (uint32_t)sizeof r;
    tap_ok(thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_INVALID && isnan(r.batch),
           "zero arrival rate without backlog: E_INVALID");
    sp.flags = THERMOAI_SLO_BACKLOG;
    sp.arrival_per_s = 10.0;
    tap_ok(thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_INVALID,
           "backlog with an arrival rate: E_INVALID");
    sp.arrival_per_s = 0.0;
    sp.flags = 0x80u;
    tap_ok(thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_UNSUPPORTED, "unknown flag");
    sp.flags = THERMOAI_SLO_BACKLOG;
    sp.slo_s = (double)NAN;
    tap_ok(thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_NONFINITE, "NaN SLO");
    sp.slo_s = -1.0;
    tap_ok(thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_INVALID, "negative SLO");
    sp.slo_s = 0.05;
    sp.overhead_bytes = -1.0;
    tap_ok(thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_INVALID, "negative overhead");
    sp.overhead_bytes = 0.0;
    {
        thermoai_model_arch big = arch;

        tap_ok(thermoai_model_preset_find("llama-2-70b", &big) == THERMOAI_OK
                   && thermoai_slo_batch(&big, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_DOMAIN,
               "model larger than memory: E_DOMAIN");
    }
    sp.struct_size = 8;
    tap_ok(thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_SIZE, "params struct_size too small");
    sp.struct_size = (uint32_t)sizeof sp;
    r.struct_size = 8;
    tap_ok(thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_SIZE, "result struct_size too small");
    r.struct_size = (uint32_t)sizeof r;
    tap_ok(thermoai_slo_batch(NULL, &wp, &hw, NULL, &sp, &r) == THERMOAI_E_NULL
               && thermoai_slo_batch(&arch, &wp, &hw, NULL, NULL, &r) == THERMOAI_E_NULL
               && thermoai_slo_batch(&arch, &wp, &hw, NULL, &sp, NULL) == THERMOAI_E_NULL,
           "NULL");

    /* ---- Eqs. (20) and (21) by hand ---- */
    tap_ok(thermoai_slo_paper_fill_batch(1000.0, 0.5, 0.25, 1e6, &v) == THERMOAI_OK && v == 250.0,
           "Eq. (20): 1000 x (0.5 - 0.25) = 250");
    tap_ok(thermoai_slo_paper_fill_batch(1000.0, 0.5, 0.25, 100.0, &v) == THERMOAI_OK && v == 100.0,
           "Eq. (20): capped at B_max = 100");
    tap_ok(thermoai_slo_paper_fill_batch(1000.0, 0.5, 0.25, 99.5, &v) == THERMOAI_OK && v == 99.0,
           "Eq. (20): B_max 99.5 floors to 99");
    tap_ok(thermoai_slo_paper_fill_batch(3.0, 0.5, 0.25, 100.0, &v) == THERMOAI_E_DOMAIN && isnan(v),
           "Eq. (20): floor(0.75) = 0: E_DOMAIN");
    tap_ok(thermoai_slo_paper_fill_batch(1000.0, 0.25, 0.5, 100.0, &v) == THERMOAI_E_DOMAIN,
           "Eq. (20): compute time above the SLO: E_DOMAIN");
    tap_ok(thermoai_slo_paper_fill_batch(0.0, 0.5, 0.25, 100.0, &v) == THERMOAI_E_INVALID,
           "Eq. (20): zero arrival rate: E_INVALID");
    tap_ok(thermoai_slo_paper_fill_batch(1.0, 0.5, 0.25, 0.5, &v) == THERMOAI_E_INVALID, "Eq. (20): B_max < 1");
    tap_ok(thermoai_slo_paper_root_batch(16.0, 4.0, 1.0, &v) == THERMOAI_OK && v == 8.0,
           "Eq. (21): sqrt(16 x 4 / 1) = 8");
    tap_ok(thermoai_slo_paper_root_batch(0.0, 4.0, 1.0, &v) == THERMOAI_OK && v == 0.0,
           "Eq. (21): no static power, B* = 0");
    tap_ok(thermoai_slo_paper_root_batch(1.0, 4.0, 0.0, &v) == THERMOAI_E_INVALID && isnan(v),
           "Eq. (21): zero marginal energy");
    tap_ok(thermoai_slo_paper_root_batch(1e200, 1e200, 1e-10, &v) == THERMOAI_OK
               && fabs(v / 1e205 - 1.0) < 1e-14,
           "Eq. (21): the ratio (1e410) overflows, its root (1e205) does not");
    tap_ok(thermoai_slo_paper_root_batch(1.0, 1.0, 1.0, NULL) == THERMOAI_E_NULL, "NULL");
    return tap_done();
}
