/* SPDX-License-Identifier: MIT */
/* The trilemma: the three metrics against batch, the memory cap, the Pareto front
 * (checked against a brute-force dominance test), paper 002's closed forms, bad input. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static thermoai_model_arch arch;
static thermoai_hardware hw;
static thermoai_cost_serving graphs;

static int setup(void)
{
    return thermoai_model_arch_init(&arch, sizeof arch) == THERMOAI_OK
           && thermoai_model_preset_find("llama-2-7b", &arch) == THERMOAI_OK
           && thermoai_hardware_init(&hw, sizeof hw) == THERMOAI_OK
           && thermoai_hardware_preset_find("h100-sxm-measured", &hw) == THERMOAI_OK
           && thermoai_cost_serving_init(&graphs, sizeof graphs) == THERMOAI_OK
           && thermoai_cost_serving_preset("cuda-graphs", &graphs) == THERMOAI_OK;
}

static int point(const thermoai_hardware *h, const thermoai_cost_serving *s, uint64_t batch,
                 uint64_t context, thermoai_trilemma_point *pt)
{
    thermoai_work_params p;

    if (thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK)
        return -1;
    p.batch = batch;
    p.context = context;
    memset(pt, 0, sizeof *pt);
    pt->struct_size = (uint32_t)sizeof *pt;
    return thermoai_trilemma_evaluate(&arch, &p, h, s, pt);
}

static int dominated_by(const thermoai_trilemma_point *a, const thermoai_trilemma_point *b)
{
    return b->latency_s <= a->latency_s && b->energy_per_token_j <= a->energy_per_token_j
           && b->tokens_per_s >= a->tokens_per_s
           && (b->latency_s < a->latency_s || b->energy_per_token_j < a->energy_per_token_j
               || b->tokens_per_s > a->tokens_per_s);
}

/* The front by brute force: every pair compared. */
static size_t check_front(const thermoai_hardware *h, const thermoai_cost_serving *s, uint64_t max_b,
                          uint64_t context, const char *what)
{
    thermoai_trilemma_point *pts = (thermoai_trilemma_point *)calloc(max_b, sizeof *pts);
    uint64_t *got = (uint64_t *)calloc(max_b, sizeof *got);
    size_t n = 99, i, k = 0, expected = 0;
    uint64_t b, c;
    thermoai_work_params p;
    int same = 1, ok = 1;

    if (!tap_ok(pts != NULL && got != NULL && thermoai_work_params_init(&p, sizeof p) == THERMOAI_OK,
                "%s: buffers", what)) {
        free(pts);
        free(got);
        return 0;
    }
    p.context = context;
    for (b = 1; b <= max_b; b++)
        ok &= point(h, s, b, context, &pts[b - 1]) == THERMOAI_OK;
    tap_ok(ok, "%s: every batch evaluates", what);
    tap_ok(thermoai_trilemma_front(&arch, &p, h, s, max_b, got, (size_t)max_b, &n) == THERMOAI_OK,
           "%s: front", what);
    for (b = 1; b <= max_b; b++) {
        int dom = 0;

        for (c = 1; c <= max_b && !dom; c++)
            dom = dominated_by(&pts[b - 1], &pts[c - 1]);
        if (!dom) {
            expected++;
            if (k >= n || got[k] != b)
                same = 0;
            k++;
        }
    }
    tap_ok(same && n == expected, "%s: the front is the brute-force non-dominated set (%zu of %llu)",
           what, n, (unsigned long long)max_b);
    for (i = 0; i + 1 < n; i++)
        if (!(got[i] < got[i + 1]))
            same = 0;
    tap_ok(same, "%s: increasing batches", what);
    if (n > 1) {
        size_t m = 7;

        tap_ok(thermoai_trilemma_front(&arch, &p, h, s, max_b, got, n - 1, &m) == THERMOAI_E_RANGE
                   && m == 0,
               "%s: capacity one short of the front is E_RANGE", what);
    }
    free(pts);
    free(got);
    return n;
}

int main(void)
{
    thermoai_trilemma_point pt, prev, one;
    thermoai_work_params p;
    thermoai_hardware slow, nomem;
    thermoai_model_arch big;
    uint64_t bmax = 0, b;
    uint64_t buf[4];
    double v = 0.0;
    size_t n = 0;
    int mono = 1;

    if (!tap_ok(setup(), "llama-2-7b, h100-sxm-measured, cuda-graphs"))
        return tap_done();

    /* ---- one point: the cost model's values, the product by hand ---- */
    tap_ok(point(&hw, &graphs, 8, 512, &pt) == THERMOAI_OK, "batch 8, context 512");
    {
        thermoai_cost_result r;

        memset(&r, 0, sizeof r);
        r.struct_size = (uint32_t)sizeof r;
        tap_ok(thermoai_work_params_init(&p, sizeof p) == THERMOAI_OK, "params");
        p.batch = 8;
        p.context = 512;
        tap_ok(thermoai_cost_decode(&arch, &p, &hw, &graphs, &r) == THERMOAI_OK && pt.latency_s == r.step_s
                   && pt.energy_per_token_j == r.energy_per_token_j && pt.tokens_per_s == r.tokens_per_s
                   && pt.batch == 8.0 && pt.bound == r.bound && pt.average_power_w == r.average_power_w,
               "the point is thermoai_cost_decode()'s step");
        tap_rel(pt.tokens_per_s, 8.0 / pt.latency_s, 1e-15, "throughput = B / latency");
        tap_rel(pt.product_j_s2, pt.latency_s * pt.latency_s * pt.energy_per_token_j / 8.0, 1e-15,
                "product = latency^2 x energy / B");
    }

    /* ---- monotonicity over batch (memory-bound decode) and limits ---- */
    tap_ok(point(&hw, NULL, 1, 512, &one) == THERMOAI_OK, "batch 1, ideal serving");
    prev = one;
    for (b = 2; b <= 256; b++) {
        if (point(&hw, NULL, b, 512, &pt) != THERMOAI_OK || !(pt.latency_s >= prev.latency_s)
            || !(pt.energy_per_token_j < prev.energy_per_token_j) || !(pt.tokens_per_s > prev.tokens_per_s))
            mono = 0;
        prev = pt;
    }
    tap_ok(mono, "batch 1..256: latency grows, energy per token falls, throughput grows");
    /* Theorem 4.2's tau_min = p / B_mem: weights (2 bytes each) over the achieved bandwidth */
    tap_ok(one.latency_s >= 2.0 * 6738415616.0 / (hw.memory_bw_bytes_per_s * hw.bandwidth_efficiency),
           "batch-1 latency >= weight bytes / achieved bandwidth");
    tap_ok(one.energy_per_token_j >= 2.0 * 6738415616.0 * hw.j_per_byte,
           "batch-1 energy >= weight bytes x energy per byte");

    /* ---- memory cap: hand algebra ---- */
    /* weights 6738415616 x 2 bytes; one sequence's cache after the step: 2 (K, V) x 32 layers x
     * 4096 x 2 bytes x 513 tokens = 268959744 bytes; (80e9 - 13476831232) / 268959744 = 247.33 */
    tap_ok(thermoai_work_params_init(&p, sizeof p) == THERMOAI_OK, "params");
    p.context = 512;
    p.batch = 99; /* ignored */
    tap_ok(thermoai_trilemma_memory_batch(&arch, &p, &hw, 0.0, &bmax) == THERMOAI_OK && bmax == 247,
           "llama-2-7b at 512 on 80 GB: B_max = 247 (hand: 247.33)");
    tap_ok(13476831232.0 + 247.0 * 268959744.0 <= hw.memory_usable_bytes
               && 13476831232.0 + 248.0 * 268959744.0 > hw.memory_usable_bytes,
           "247 sequences fit, 248 do not");
    tap_ok(thermoai_trilemma_memory_batch(&arch, &p, &hw, 268959744.0 * 10.0, &bmax) == THERMOAI_OK
               && bmax == 237,
           "ten sequences' worth of overhead: 237");
    p.weight_bits = 4.0;
    tap_ok(thermoai_trilemma_memory_batch(&arch, &p, &hw, 0.0, &bmax) == THERMOAI_OK && bmax == 284,
           "4-bit weights: (80e9 - 3369207808) / 268959744 = 284.9 -> 284");
    p.weight_bits = 0.0;
    tap_ok(thermoai_trilemma_memory_batch(&arch, &p, &hw, 70e9, &bmax) == THERMOAI_E_DOMAIN && bmax == 0,
           "overhead leaves no room for one sequence: E_DOMAIN");
    big = arch;
    tap_ok(thermoai_model_preset_find("llama-2-70b", &big) == THERMOAI_OK
               && thermoai_trilemma_memory_batch(&big, &p, &hw, 0.0, &bmax) == THERMOAI_E_DOMAIN,
           "llama-2-70b (140 GB) on 80 GB: E_DOMAIN");
    nomem = hw;
    nomem.memory_usable_bytes = 0.0;
    tap_ok(thermoai_trilemma_memory_batch(&arch, &p, &nomem, 0.0, &bmax) == THERMOAI_E_UNSUPPORTED,
           "no memory size: E_UNSUPPORTED");
    tap_ok(thermoai_trilemma_memory_batch(&arch, &p, &hw, (double)NAN, &bmax) == THERMOAI_E_NONFINITE,
           "NaN overhead");
    tap_ok(thermoai_trilemma_memory_batch(&arch, &p, &hw, -1.0, &bmax) == THERMOAI_E_INVALID, "negative overhead");
    tap_ok(thermoai_trilemma_memory_batch(NULL, &p, &hw, 0.0, &bmax) == THERMOAI_E_NULL
               && thermoai_trilemma_memory_batch(&arch, &p, &hw, 0.0, NULL) == THERMOAI_E_NULL,
           "NULL");

    /* ---- the front ---- */
    check_front(&hw, &graphs, 64, 512, "memory-bound (cuda-graphs)");
    slow = hw;
    slow.peak_bf16_flop_per_s /= 300.0; /* compute-bound from a small batch on */
    check_front(&slow, NULL, 96, 512, "compute-bound (peak / 300)");
    check_front(&hw, NULL, 40, 4000, "long context (ideal)");
    {
        thermoai_cost_serving eager;

        /* host-bound: the step time is the host's until the GPU's exceeds it, so a larger
         * batch has the same latency, less energy per token and more throughput */
        tap_ok(thermoai_cost_serving_init(&eager, sizeof eager) == THERMOAI_OK
                   && thermoai_cost_serving_preset("hf-eager", &eager) == THERMOAI_OK,
               "hf-eager");
        n = check_front(&hw, &eager, 64, 512, "host-bound (hf-eager)");
        tap_ok(n > 0 && n < 64, "host-bound: the flat-latency batches are dominated (front %zu of 64)", n);
    }
    tap_ok(thermoai_trilemma_front(&arch, NULL, &hw, NULL, 0, buf, 4, &n) == THERMOAI_E_INVALID && n == 0,
           "max_batch 0");
    tap_ok(thermoai_trilemma_front(&arch, NULL, &hw, NULL, THERMOAI_TRILEMMA_BATCH_MAX + 1u, buf, 4, &n)
               == THERMOAI_E_INVALID,
           "max_batch above the limit");
    tap_ok(thermoai_trilemma_front(&arch, NULL, &hw, NULL, 4, NULL, 4, &n) == THERMOAI_E_NULL
               && thermoai_trilemma_front(&arch, NULL, &hw, NULL, 4, buf, 4, NULL) == THERMOAI_E_NULL,
           "NULL");

    /* ---- evaluate: bad input ---- */
    tap_ok(thermoai_work_params_init(&p, sizeof p) == THERMOAI_OK, "params");
    p.batch = 0;
    memset(&pt, 0, sizeof pt);
    pt.struct_size = (uint32_t)sizeof pt;
    tap_ok(thermoai_trilemma_evaluate(&arch, &p, &hw, NULL, &pt) == THERMOAI_E_INVALID && isnan(pt.latency_s)
               && isnan(pt.product_j_s2) && pt.bound == 0,
           "batch 0: E_INVALID, NaN");
    p.batch = 1;
    pt.struct_size = 8;
    tap_ok(thermoai_trilemma_evaluate(&arch, &p, &hw, NULL, &pt) == THERMOAI_E_SIZE, "struct_size too small");
    tap_ok(thermoai_trilemma_evaluate(&arch, &p, &hw, NULL, NULL) == THERMOAI_E_NULL, "NULL out");

    /* ---- paper 002's closed forms: exact hand values ---- */
    tap_ok(thermoai_trilemma_paper_batch(100.0, 1.0, 4.0, &v) == THERMOAI_OK && v == 5.0, "sqrt(100 / 4) = 5");
    tap_ok(thermoai_trilemma_paper_batch(1048576.0, 64.0, 16.0, &v) == THERMOAI_OK && v == 32.0,
           "sqrt(2^20 / 2^10) = 32");
    tap_ok(thermoai_trilemma_paper_batch(1e300, 1e-10, 1e-10, &v) == THERMOAI_OK && fabs(v / 1e160 - 1.0) < 1e-15,
           "the ratio (1e320) overflows, its root (1e160) does not");
    tap_ok(thermoai_trilemma_paper_batch(1e300, 1e-300, 1e-300, &v) == THERMOAI_E_RANGE && isnan(v),
           "root 1e450 overflows: E_RANGE");
    tap_ok(thermoai_trilemma_paper_batch(0.0, 1.0, 1.0, &v) == THERMOAI_E_INVALID && isnan(v), "p = 0");
    tap_ok(thermoai_trilemma_paper_batch(1.0, (double)NAN, 1.0, &v) == THERMOAI_E_NONFINITE, "NaN context");
    tap_ok(thermoai_trilemma_paper_batch(1.0, 1.0, 1.0, NULL) == THERMOAI_E_NULL, "NULL");
    tap_ok(thermoai_trilemma_paper_bound_j_s(2e9, 1e-10, 4e12, &v) == THERMOAI_OK, "Eq. (14)");
    tap_rel(v, 5e-14, 1e-15, "2e9 x 1e-10 / 4e12 = 5e-14 J s");
    tap_ok(thermoai_trilemma_paper_bound_j_s(1.0, 1.0, 0.0, &v) == THERMOAI_E_INVALID, "zero bandwidth");
    /* (80e9 - 14e9 - 2e9) / (2 x 2048 x 131072 x 2) = 64e9 / 1073741824 = 59.6 */
    tap_ok(thermoai_trilemma_paper_max_batch(80e9, 14e9, 2e9, 2048.0, 131072.0, 2.0, &v) == THERMOAI_OK
               && v == 59.0,
           "Remark 4.1: 59");
    tap_ok(thermoai_trilemma_paper_max_batch(80e9, 79e9, 0.5e9, 2048.0, 131072.0, 2.0, &v) == THERMOAI_E_DOMAIN
               && isnan(v),
           "0.5 GB free, 1.07 GB per sequence: E_DOMAIN");
    tap_ok(thermoai_trilemma_paper_max_batch(80e9, 140e9, 0.0, 2048.0, 1.0, 2.0, &v) == THERMOAI_E_DOMAIN,
           "model larger than memory: E_DOMAIN");
    tap_ok(thermoai_trilemma_paper_max_batch(80e9, 0.0, 0.0, 0.0, 1.0, 2.0, &v) == THERMOAI_E_INVALID,
           "context 0");
    tap_ok(thermoai_trilemma_paper_max_batch(80e9, 0.0, 0.0, 1e300, 1e300, 2.0, &v) == THERMOAI_E_RANGE,
           "per-sequence bytes overflow");
    return tap_done();
}
