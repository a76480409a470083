/* SPDX-License-Identifier: MIT */
/*
 * SSA benchmark (make bench): times thermoai's exact streaming kernel and the
 * three SSA variants on one sequence length, with SSA's per-phase times, its
 * accuracy against the exact kernel for the three synthetic regimes, and the
 * memory each holds. One process per configuration, so that the peak resident
 * set (getrusage) belongs to it. bench/run.sh drives it together with the
 * numpy peer (bench/peers/numpy_attention.py); bench/summarize.py makes the tables.
 *
 * usage: ssa_bench N D THREADS [REGIMES]
 *   THREADS  SSA's threads parameter; the exact kernel uses OpenMP's default,
 *            which run.sh sets to the same value through OMP_NUM_THREADS.
 *   REGIMES  which synthetic regimes to run, e.g. "cdu" (default) or "c".
 * Output: CSV rows (header first) on stdout.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, getrusage */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <thermoai/thermoai.h>

static double now_s(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The plan's phase clock (thermoai_ssa_set_clock()). */
static double clock_s(void *user)
{
    (void)user;
    return now_s();
}

static int cmp_double(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* Repeats until at least 3 runs and 0.3 s (at most 25 runs); the median in s. */
#define MAX_RUNS 25
#define TIMED(expr, median)                                                                    \
    do {                                                                                       \
        double runs_[MAX_RUNS], total_ = 0.0, t0_;                                             \
        int n_ = 0;                                                                            \
        while (n_ < MAX_RUNS && (n_ < 3 || total_ < 0.3)) {                                    \
            t0_ = now_s();                                                                     \
            if ((expr) != THERMOAI_OK) {                                                       \
                fprintf(stderr, "ssa_bench: %s failed\n", #expr);                             \
                exit(1);                                                                       \
            }                                                                                  \
            runs_[n_] = now_s() - t0_;                                                         \
            total_ += runs_[n_++];                                                             \
            if (runs_[0] > 5.0)                                                                \
                break; /* one run of a long case is enough */                                  \
        }                                                                                      \
        qsort(runs_, (size_t)n_, sizeof runs_[0], cmp_double);                                 \
        (median) = runs_[n_ / 2];                                                              \
    } while (0)

static void accuracy(size_t count, const float *y, const float *ref, double *relerr,
                     double *cosine, double *norm_ratio)
{
    double e = 0.0, yy = 0.0, rr = 0.0, yr = 0.0;
    size_t i;

    for (i = 0; i < count; i++) {
        const double a = y[i], b = ref[i];

        e += (a - b) * (a - b);
        yy += a * a;
        rr += b * b;
        yr += a * b;
    }
    *relerr = sqrt(e / rr);
    *cosine = yr / sqrt(yy * rr);
    *norm_ratio = sqrt(yy / rr);
}

static double peak_rss_bytes(void)
{
    struct rusage u;

    return getrusage(RUSAGE_SELF, &u) == 0 ? 1024.0 * (double)u.ru_maxrss : (double)NAN;
}

int main(int argc, char **argv)
{
    static const char *const regime_name[3] = { "concentrated", "diffuse", "uniform" };
    static const char *const variant_name[3] = { "paper", "importance", "centroid" };
    size_t n, d, bytes;
    unsigned threads;
    const char *regimes = argc > 4 ? argv[4] : "cdu";
    float *q, *k, *v, *y, *ref;
    uint32_t *labels;
    void *ws;
    const char *kernel = "?";
    char kernel_desc[96];
    int r;

#ifdef THERMOAI_WITH_OPENMP
    const char *openmp = "OpenMP";
#else
    const char *openmp = "no OpenMP: one thread";
#endif

    if (argc < 4) {
        fprintf(stderr, "usage: ssa_bench N D THREADS [REGIMES]\n");
        return 2;
    }
    n = (size_t)strtoul(argv[1], NULL, 10);
    d = (size_t)strtoul(argv[2], NULL, 10);
    threads = (unsigned)strtoul(argv[3], NULL, 10);
    q = malloc(n * d * sizeof *q);
    k = malloc(n * d * sizeof *k);
    v = malloc(n * d * sizeof *v);
    y = malloc(n * d * sizeof *y);
    ref = malloc(n * d * sizeof *ref);
    labels = malloc(n * sizeof *labels);
    if (!q || !k || !v || !y || !ref || !labels
        || thermoai_attention_workspace_bytes(n, d, &bytes) != THERMOAI_OK
        || (ws = malloc(bytes)) == NULL || thermoai_attention_kernel_name(0, &kernel) != THERMOAI_OK) {
        fprintf(stderr, "ssa_bench: out of memory\n");
        return 1;
    }
    snprintf(kernel_desc, sizeof kernel_desc, "%s %s", kernel, openmp);
    printf("impl,variant,regime,n,d,threads,seconds,projection_s,clustering_s,attention_s,"
           "relerr,cosine,norm_ratio,in_cluster_mass,held_bytes,peak_rss_bytes,kernel\n");
    for (r = 0; r < 3; r++) {
        thermoai_synth_params sp;
        double t_dense, mass = (double)NAN;
        unsigned var;

        if (strchr(regimes, "cdu"[r]) == NULL)
            continue;
        if (thermoai_synth_params_init(&sp, sizeof sp, (uint32_t)r) != THERMOAI_OK
            || thermoai_synth_generate(n, d, &sp, q, k, v, labels) != THERMOAI_OK) {
            fprintf(stderr, "ssa_bench: synth failed\n");
            return 1;
        }
        TIMED(thermoai_attention_dense(n, d, q, k, v, 0, ws, bytes, ref), t_dense);
        if (n <= 16384
            && thermoai_attention_cluster_mass(n, d, q, k, labels, 0, ws, bytes, &mass) != THERMOAI_OK)
            mass = (double)NAN;
        printf("thermoai-dense,exact,%s,%zu,%zu,%u,%.6g,,,,0,1,1,%.6g,%zu,%.6g,%s\n", regime_name[r], n,
               d, threads, t_dense, mass, bytes, peak_rss_bytes(), kernel_desc);
        for (var = 0; var < 3; var++) {
            thermoai_ssa_params p;
            thermoai_ssa_stats st;
            thermoai_ssa *plan = NULL;
            double t_ssa, re, cs, nr;

            if (thermoai_ssa_params_init(&p, sizeof p) != THERMOAI_OK)
                return 1;
            p.variant = var;
            p.threads = threads;
            if (thermoai_ssa_create(n, d, &p, &plan) != THERMOAI_OK) {
                fprintf(stderr, "ssa_bench: create failed\n");
                return 1;
            }
            if (thermoai_ssa_set_clock(plan, clock_s, NULL) != THERMOAI_OK)
                return 1;
            TIMED(thermoai_ssa_execute(plan, q, k, v, y), t_ssa);
            st.struct_size = sizeof st;
            if (thermoai_ssa_get_stats(plan, &st) != THERMOAI_OK)
                return 1;
            accuracy(n * d, y, ref, &re, &cs, &nr);
            printf("thermoai-ssa,%s,%s,%zu,%zu,%u,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.0f,%.6g,%s\n",
                   variant_name[var], regime_name[r], n, d, threads, t_ssa, st.projection_s,
                   st.clustering_s, st.attention_s, re, cs, nr, mass, st.bytes, peak_rss_bytes(),
                   kernel_desc);
            fflush(stdout);
            thermoai_ssa_free(plan);
        }
    }
    free(q);
    free(k);
    free(v);
    free(y);
    free(ref);
    free(labels);
    free(ws);
    return 0;
}
