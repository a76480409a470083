/* SPDX-License-Identifier: MIT */
/*
 * Figure data of the cost model (doc/cost-model.md), from library calls only:
 *   cost_ladder.dat   the TER ladder of batch-1 decode, per model and device: the
 *                     Landauer bound (paper 000's entropy model), the CMOS limit
 *                     (the step's FLOPs at Epoch AI's limit of about 4.7e15 ops/J,
 *                     2.13e-16 J per op: a stated constant, not a library value), the
 *                     device's arithmetic, arithmetic plus data movement, the roofline
 *                     model with its serving stack, and the one measured point we have
 *                     (LLaMA-2-7B on the H100, Hugging Face eager, data/)
 *   cost_batch.dat    energy per token against batch (context 2048) per device
 *   cost_context.dat  energy per token against context (batch 8) per device
 * Usage: cost DIR
 */
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#define CMOS_J_PER_OP 2.13e-16 /* Epoch AI's CMOS limit, about 4.7e15 FP4 ops per J */
/* data/h100_hf_eager_decode.json: LLaMA-2-7B, batch 1, 879.967 J over 127 decode steps */
#define MEASURED_7B_H100_J (879.9670000000001 / 127.0)

static const char *const devices[] = { "h100-sxm-measured", "a100-80-sxm", "h200", "b200", "mi300x",
                                       "l40s" };
#define N_DEVICES (sizeof devices / sizeof devices[0])

static int load(const char *model, const char *device, thermoai_model_arch *a, thermoai_hardware *hw,
                thermoai_cost_serving *sv)
{
    if (thermoai_model_arch_init(a, sizeof *a) != THERMOAI_OK
        || thermoai_model_preset_find(model, a) != THERMOAI_OK
        || thermoai_hardware_init(hw, sizeof *hw) != THERMOAI_OK
        || thermoai_hardware_preset_find(device, hw) != THERMOAI_OK
        || thermoai_cost_serving_init(sv, sizeof *sv) != THERMOAI_OK
        || thermoai_cost_serving_preset("cuda-graphs", sv) != THERMOAI_OK) {
        fprintf(stderr, "cost: cannot load %s on %s\n", model, device);
        return -1;
    }
    return 0;
}

static int per_token(const char *model, const char *device, uint64_t batch, uint64_t context,
                     double *j)
{
    thermoai_model_arch a;
    thermoai_hardware hw;
    thermoai_cost_serving sv;
    thermoai_work_params p;
    thermoai_work w;
    thermoai_cost_result r;
    int s;

    if (load(model, device, &a, &hw, &sv) != 0 || thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK
        || thermoai_work_init(&w, sizeof w) != THERMOAI_OK
        || thermoai_cost_result_init(&r, sizeof r) != THERMOAI_OK)
        return -1;
    p.batch = batch;
    p.context = context;
    /* weights and the KV cache must fit in the device's usable memory */
    if (thermoai_work_decode(&a, &p, &w) != THERMOAI_OK) {
        fprintf(stderr, "cost: thermoai_work_decode(%s)\n", model);
        return -1;
    }
    if (w.weight_bytes + w.kv_cache_bytes > hw.memory_usable_bytes) {
        *j = -1.0;
        return 0;
    }
    s = thermoai_cost_decode(&a, &p, &hw, &sv, &r);
    if (s == THERMOAI_E_INVALID || s == THERMOAI_E_DOMAIN) { /* e.g. beyond the device's memory */
        *j = -1.0;
        return 0;
    }
    if (s != THERMOAI_OK) {
        fprintf(stderr, "cost: thermoai_cost_decode(%s, %s): %s\n", model, device, thermoai_status_name(s));
        return -1;
    }
    *j = r.energy_per_token_j;
    return 0;
}

static int ladder(FILE *f)
{
    /* models whose fp16 weights fit one device of the three */
    static const char *const models[] = { "llama-2-7b", "llama-3.1-8b", "qwen2.5-32b" };
    size_t m, d;
    int row = 0;

    fprintf(f, "# TER ladder of batch-1 decode at context 2048 (cuda-graphs serving), J per token;\n"
               "# models whose weights and KV cache fit the device\n"
               "# row label landauer cmos arithmetic data modelled measured(0: none)\n");
    for (m = 0; m < sizeof models / sizeof models[0]; m++)
        for (d = 0; d < 3; d++) {
            const char *dev = d == 0 ? "h100-sxm-measured" : d == 1 ? "a100-80-sxm" : "b200";
            thermoai_model_arch a;
            thermoai_hardware hw;
            thermoai_cost_serving sv;
            thermoai_work_params p;
            thermoai_work w;
            thermoai_ladder l;
            double measured = 0.0;
            int s;

            if (load(models[m], dev, &a, &hw, &sv) != 0 || thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK
                || thermoai_work_init(&w, sizeof w) != THERMOAI_OK || thermoai_ladder_init(&l, sizeof l) != THERMOAI_OK)
                return -1;
            p.batch = 1;
            p.context = 2048;
            if (d == 0 && m == 0)
                measured = MEASURED_7B_H100_J;
            if ((s = thermoai_work_decode(&a, &p, &w)) != THERMOAI_OK
                || (s = thermoai_ladder_decode(&a, &p, &hw, &sv, NULL, measured, &l)) != THERMOAI_OK) {
                if (s == THERMOAI_E_INVALID) /* the model does not fit: no row */
                    continue;
                fprintf(stderr, "cost: ladder %s on %s: %s\n", models[m], dev, thermoai_status_name(s));
                return -1;
            }
            fprintf(f, "%d \"%s\\n%s\" %.6e %.6e %.6e %.6e %.6e %.6e\n", row++, models[m], dev, l.landauer_j,
                    w.flop * CMOS_J_PER_OP, l.arithmetic_j, l.data_j, l.modelled_j, l.measured_j);
        }
    return 0;
}

static int sweep(FILE *f, int by_batch)
{
    const char *model = "llama-3.1-8b";
    uint64_t x;
    size_t d;

    fprintf(f, "# %s decode, cuda-graphs serving: J per token against %s; -1: weights and\n"
               "# KV cache do not fit in the device's memory\n%s", model,
            by_batch ? "batch (context 2048)" : "context (batch 8)", by_batch ? "batch" : "context");
    for (d = 0; d < N_DEVICES; d++)
        fprintf(f, " %s", devices[d]);
    fputc('\n', f);
    for (x = by_batch ? 1 : 256; x <= (by_batch ? 1024u : 131072u); x *= 2) {
        fprintf(f, "%llu", (unsigned long long)x);
        for (d = 0; d < N_DEVICES; d++) {
            double j;

            if (per_token(model, devices[d], by_batch ? x : 8, by_batch ? 2048 : x, &j) != 0)
                return -1;
            fprintf(f, " %.6e", j);
        }
        fputc('\n', f);
    }
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const names[] = { "cost_ladder.dat", "cost_batch.dat", "cost_context.dat" };
    char path[1024];
    int i, rc = 0;

    if (argc != 2) {
        fprintf(stderr, "usage: cost DIR\n");
        return 2;
    }
    for (i = 0; i < 3 && rc == 0; i++) {
        FILE *f;

        snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
        if ((f = fopen(path, "w")) == NULL) {
            perror(path);
            return 1;
        }
        rc = i == 0 ? ladder(f) : sweep(f, i == 1);
        if (fclose(f) != 0)
            rc = -1;
    }
    return rc == 0 ? 0 : 1;
}
