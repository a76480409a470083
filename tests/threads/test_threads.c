/* SPDX-License-Identifier: MIT */
/*
 * Threads (issue 20): four pthreads call the modules at once on shared read-only
 * inputs and their own handles -- scalars, preset lookups, dense attention, SSA
 * (create, execute, free), spectra, rate-distortion and information-bottleneck
 * solvers -- and each thread's results must equal, bit for bit, one serial run's.
 * The library keeps no global mutable state; `make tsan` builds this test with
 * clang -fsanitize=thread, which reports any data race.
 */
#include "config.h"

#define THERMOAI_EXPERIMENTAL 1

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>


#include "../harness/tap.h"

#define N 32
#define D 8
#define THREADS 4
#define ROUNDS 3
#define NRES (8 + N * D * 2 + 4)

static float g_q[N * D], g_k[N * D], g_v[N * D];
static const double PA[3] = { 0.5, 0.3, 0.2 };
static const double DA[9] = { 0.0, 1.0, 2.0, 1.0, 0.0, 1.0, 2.0, 1.0, 0.0 };
static const double J1[12] = { 0.2, 0.05, 0.0, 0.05, 0.2, 0.0, 0.0, 0.05, 0.2, 0.1, 0.05, 0.1 };

struct job {
    double res[NRES];
    int status;
};

/* Everything one thread computes; status 0 when every call succeeded. */
static void work(struct job *j)
{
    thermoai_model_arch arch;
    thermoai_hardware hw;
    thermoai_ssa_params sp;
    thermoai_ssa *plan = NULL;
    thermoai_rd_ba *rd = NULL;
    thermoai_ib *ib = NULL;
    thermoai_rd_ba_result rr;
    thermoai_ib_result ir;
    float y[N * D];
    double lambda[4];
    size_t need, i, at = 0;
    void *ws;
    int s = 0;

    memset(j->res, 0, sizeof j->res);
    s |= thermoai_landauer_energy_j(1e9, 300.0, &j->res[at++]);
    s |= thermoai_model_arch_init(&arch, sizeof arch);
    s |= thermoai_model_preset_find("llama-2-7b", &arch);
    j->res[at++] = (double)arch.params;
    s |= thermoai_hardware_init(&hw, sizeof hw);
    s |= thermoai_hardware_preset_find("h100-sxm", &hw);
    j->res[at++] = hw.j_per_byte;
    s |= thermoai_attention_workspace_bytes(N, D, &need);
    ws = malloc(need);
    if (ws == NULL) {
        j->status = -1;
        return;
    }
    s |= thermoai_attention_dense(N, D, g_q, g_k, g_v, 0, ws, need, y);
    free(ws);
    for (i = 0; i < N * D; i++)
        j->res[8 + i] = (double)y[i];
    s |= thermoai_ssa_params_init(&sp, sizeof sp);
    sp.clusters = 4;
    sp.samples = 4;
    s |= thermoai_ssa_create(N, D, &sp, &plan);
    if (plan != NULL) {
        s |= thermoai_ssa_execute(plan, g_q, g_k, g_v, y);
        for (i = 0; i < N * D; i++)
            j->res[8 + N * D + i] = (double)y[i];
        thermoai_ssa_free(plan);
    }
    /* one workspace per thread, as the API asks */
    need = 0;
    s |= thermoai_spectral_attention_workspace_bytes(N, D, NULL, 2, &need);
    ws = malloc(need);
    if (ws == NULL) {
        j->status = -1;
        return;
    }
    s |= thermoai_spectral_attention(N, D, g_q, g_k, NULL, 2, ws, need, lambda, NULL);
    free(ws);
    j->res[at++] = lambda[0];
    j->res[at++] = lambda[1];
    s |= thermoai_rd_ba_create(PA, 3, DA, 3, NULL, &rd);
    s |= thermoai_rd_ba_result_init(&rr, sizeof rr);
    if (rd != NULL) {
        s |= thermoai_rd_ba_execute(rd, -1.0, &rr);
        thermoai_rd_ba_free(rd);
    }
    j->res[at++] = rr.rate_bits;
    s |= thermoai_ib_create(J1, 4, 3, 2, NULL, &ib);
    s |= thermoai_ib_result_init(&ir, sizeof ir);
    if (ib != NULL) {
        s |= thermoai_ib_execute(ib, 2.0, &ir);
        thermoai_ib_free(ib);
    }
    j->res[at++] = ir.izy_bits;
    j->status = s;
}

static void *thread_main(void *arg)
{
    struct job *jobs = arg;
    int r;

    for (r = 0; r < ROUNDS; r++)
        work(&jobs[r]);
    return NULL;
}

int main(void)
{
    static struct job serial, jobs[THREADS][ROUNDS];
    pthread_t th[THREADS];
    int t, r, started = 1, same = 1, ok = 1;
    uint64_t x = 88172645463325252u;
    size_t i;

    for (i = 0; i < N * D; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        g_q[i] = (float)((double)(x % 2001) / 1000.0 - 1.0);
        g_k[i] = (float)((double)((x >> 20) % 2001) / 1000.0 - 1.0);
        g_v[i] = (float)((double)((x >> 40) % 2001) / 1000.0 - 1.0);
    }
    work(&serial);
    tap_ok(serial.status == 0, "serial run: every call succeeds");
    for (t = 0; t < THREADS; t++)
        if (pthread_create(&th[t], NULL, thread_main, jobs[t]) != 0)
            started = 0;
    for (t = 0; t < THREADS; t++)
        if (pthread_join(th[t], NULL) != 0)
            started = 0;
    tap_ok(started, "%d threads started and joined", THREADS);
    for (t = 0; t < THREADS; t++)
        for (r = 0; r < ROUNDS; r++) {
            if (jobs[t][r].status != 0)
                ok = 0;
            if (memcmp(jobs[t][r].res, serial.res, sizeof serial.res) != 0)
                same = 0;
        }
    tap_ok(ok, "every call in every thread succeeds");
    tap_ok(same, "every thread's results equal the serial run's bit for bit");
    return tap_done();
}
