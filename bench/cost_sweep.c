/* SPDX-License-Identifier: MIT */
/*
 * make bench-cost: 10^6 decode configurations (25 models x 25 accelerators x 40 batch
 * sizes x 40 contexts) through thermoai_cost_decode(), timed against a named baseline
 * measured in the same run: the same loop calling paper 001's Eq. (35),
 * thermoai_energy_inference_per_token_j() (one multiplication chain per call). Prints
 * the time per configuration, the ratio, and a checksum so that nothing is optimised
 * away. A program, not the library: it reads the clock.
 *
 * Usage: cost_sweep [repeats]
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <thermoai/thermoai.h>

#define NM 25
#define NH 25
#define NB 40
#define NC 40

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    static thermoai_model_arch models[NM];
    static thermoai_hardware hws[NH];
    static double params[NM];
    thermoai_cost_serving s;
    thermoai_cost_result r;
    thermoai_work_params p;
    size_t i, nh = 0, nm = 0;
    int reps = argc > 1 ? atoi(argv[1]) : 3, k;
    double best_model = 1e300, best_base = 1e300, sum = 0.0, base_sum = 0.0;
    long errors = 0;

    for (i = 0; i < thermoai_model_preset_count() && nm < NM; i++) {
        uint64_t n = 0;

        if (thermoai_model_arch_init(&models[nm], sizeof models[nm]) != THERMOAI_OK
            || thermoai_model_preset_info(i, NULL, NULL, &models[nm]) != THERMOAI_OK
            || thermoai_model_params(&models[nm], &n) != THERMOAI_OK)
            return 1;
        params[nm++] = (double)n;
    }
    for (i = 0; i < thermoai_hardware_preset_count() && nh < NH; i++) {
        if (thermoai_hardware_init(&hws[nh], sizeof hws[nh]) != THERMOAI_OK
            || thermoai_hardware_preset_info(i, NULL, NULL, &hws[nh]) != THERMOAI_OK)
            return 1;
        if (hws[nh].j_per_byte > 0.0 && hws[nh].j_per_flop_bf16 > 0.0)
            nh++; /* skip devices without published power (TPUs) */
    }
    if (nm < NM || nh < NH) {
        fprintf(stderr, "cost_sweep: %zu models, %zu accelerators\n", nm, nh);
        return 1;
    }
    if (thermoai_cost_serving_init(&s, sizeof s) != THERMOAI_OK
        || thermoai_cost_serving_preset("cuda-graphs", &s) != THERMOAI_OK
        || thermoai_cost_result_init(&r, sizeof r) != THERMOAI_OK
        || thermoai_work_params_init(&p, sizeof p) != THERMOAI_OK)
        return 1;
    for (k = 0; k < reps; k++) {
        double t0 = now(), t1, t2;
        size_t m, h, b, c;

        sum = 0.0;
        for (m = 0; m < NM; m++)
            for (h = 0; h < NH; h++)
                for (b = 0; b < NB; b++)
                    for (c = 0; c < NC; c++) {
                        p.batch = 1 + 8 * b;
                        p.context = 128 * c;
                        if (thermoai_cost_decode(&models[m], &p, &hws[h], &s, &r) == THERMOAI_OK)
                            sum += r.energy_per_token_j;
                        else
                            errors++;
                    }
        t1 = now();
        base_sum = 0.0;
        for (m = 0; m < NM; m++)
            for (h = 0; h < NH; h++)
                for (b = 0; b < NB; b++)
                    for (c = 0; c < NC; c++) {
                        double e = 0.0;

                        if (thermoai_energy_inference_per_token_j(params[m] + (double)(b + c),
                                                                  hws[h].j_per_flop_bf16, 1.0, &e)
                            == THERMOAI_OK)
                            base_sum += e;
                    }
        t2 = now();
        if (t1 - t0 < best_model)
            best_model = t1 - t0;
        if (t2 - t1 < best_base)
            best_base = t2 - t1;
    }
    printf("configurations: %d (%d models x %d accelerators x %d batches x %d contexts), "
           "best of %d runs\n", NM * NH * NB * NC, NM, NH, NB, NC, reps);
    printf("thermoai_cost_decode (cuda-graphs): %.3f s, %.1f ns per configuration\n", best_model,
           1e9 * best_model / (NM * NH * NB * NC));
    printf("baseline, Eq. (35) thermoai_energy_inference_per_token_j: %.4f s, %.1f ns per call\n",
           best_base, 1e9 * best_base / (NM * NH * NB * NC));
    printf("ratio: %.1f x the baseline; errors %ld; checksums %.6g %.6g\n", best_model / best_base,
           errors, sum, base_sum);
    return errors != 0;
}
