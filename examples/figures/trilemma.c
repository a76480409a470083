/* SPDX-License-Identifier: MIT */
/*
 * Figure data of the trilemma and of paper 003's tokens-per-watt table, from library calls:
 *   trilemma.dat   LLaMA-2-7B decode at context 512 on h100-sxm-measured (cuda-graphs):
 *                  batch, latency (ms), J per token, tokens/s, on the Pareto front (0/1),
 *                  within a 20 ms SLO (0/1), for batch 1 .. the memory cap
 *   trilemma_slo.dat  the 20 ms backlog optimum and Eq. (20)/(21) batches (batch, J/token)
 *   tokens_per_watt.dat  the blog's rows: printed t/s/W and recomputed from its speed and power
 * Usage: trilemma DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#define SLO_S 0.020

static FILE *open_in(const char *dir, const char *name)
{
    char path[1024];

    snprintf(path, sizeof path, "%s/%s", dir, name);
    return fopen(path, "w");
}

int main(int argc, char **argv)
{
    thermoai_model_arch a;
    thermoai_hardware hw;
    thermoai_cost_serving sv;
    thermoai_work_params p;
    thermoai_trilemma_point pt;
    thermoai_slo_params sp;
    thermoai_slo_result r;
    uint64_t bmax = 0, b, *front;
    size_t n = 0, k = 0;
    FILE *f;
    static const struct { const char *row; double tps, w, printed; } blog[] = {
        { "\"RTX 4060, Qwen2.5-32B\"", 10.8, 70.0, 0.154 }, { "\"RTX 4060, Qwen3.5-4B\"", 50.0, 40.0, 1.25 },
        { "\"M4 Mac mini, Qwen2.5-32B\"", 8.0, 30.0, 0.27 }, { "\"H100, Llama-3-70B, batch 32\"", 768.0, 700.0, 1.10 },
        { "\"H100, single request\"", 24.0, 700.0, 0.034 },
    };
    size_t i;

    if (argc != 2) {
        fprintf(stderr, "usage: trilemma DIR\n");
        return 2;
    }
    if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK || thermoai_model_preset_find("llama-2-7b", &a) != THERMOAI_OK
        || thermoai_hardware_init(&hw, sizeof hw) != THERMOAI_OK
        || thermoai_hardware_preset_find("h100-sxm-measured", &hw) != THERMOAI_OK
        || thermoai_cost_serving_init(&sv, sizeof sv) != THERMOAI_OK
        || thermoai_cost_serving_preset("cuda-graphs", &sv) != THERMOAI_OK
        || thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK)
        return 1;
    p.context = 512;
    if (thermoai_trilemma_memory_batch(&a, &p, &hw, 0.0, &bmax) != THERMOAI_OK
        || (front = (uint64_t *)calloc(bmax, sizeof *front)) == NULL)
        return 1;
    if (thermoai_trilemma_front(&a, &p, &hw, &sv, bmax, front, bmax, &n) != THERMOAI_OK || (f = open_in(argv[1], "trilemma.dat")) == NULL) {
        free(front);
        return 1;
    }
    fprintf(f, "batch latency_ms j_per_token tokens_per_s on_front within_slo\n");
    for (b = 1; b <= bmax; b++) {
        int on = k < n && front[k] == b;

        if (on)
            k++;
        p.batch = b;
        memset(&pt, 0, sizeof pt);
        pt.struct_size = (uint32_t)sizeof pt;
        if (thermoai_trilemma_evaluate(&a, &p, &hw, &sv, &pt) != THERMOAI_OK)
            break;
        fprintf(f, "%llu %.6g %.6g %.6g %d %d\n", (unsigned long long)b, 1e3 * pt.latency_s, pt.energy_per_token_j,
                pt.tokens_per_s, on, pt.latency_s <= SLO_S);
    }
    free(front);
    if (fclose(f) != 0 || b <= bmax)
        return 1;
    if (thermoai_slo_params_init(&sp, sizeof sp) != THERMOAI_OK || thermoai_slo_result_init(&r, sizeof r) != THERMOAI_OK)
        return 1;
    sp.slo_s = SLO_S;
    sp.flags = THERMOAI_SLO_BACKLOG;
    if (thermoai_slo_batch(&a, &p, &hw, &sv, &sp, &r) != THERMOAI_OK || (f = open_in(argv[1], "trilemma_slo.dat")) == NULL)
        return 1;
    fprintf(f, "what batch j_per_token\n\"exact optimum\" %g %.6g\n\"Eq. (20)\" %g %.6g\n\"Eq. (21)\" %g %.6g\n", r.batch,
            r.energy_per_token_j, r.fill_batch, r.fill_energy_per_token_j, r.root_batch, r.root_energy_per_token_j);
    if (fclose(f) != 0 || (f = open_in(argv[1], "tokens_per_watt.dat")) == NULL)
        return 1;
    fprintf(f, "index row printed recomputed\n");
    for (i = 0; i < sizeof blog / sizeof blog[0]; i++) {
        double v = 0.0;

        if (thermoai_serving_tokens_per_j(blog[i].tps, blog[i].w, &v) != THERMOAI_OK)
            return 1;
        fprintf(f, "%zu %s %.6g %.6g\n", i, blog[i].row, blog[i].printed, v);
    }
    return fclose(f) != 0;
}
