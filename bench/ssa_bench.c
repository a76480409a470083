/* SPDX-License-Identifier: MIT */
/*
 * SSA benchmark (make bench): on one sequence length, for every input family of
 * bench/families.h, times thermoai's exact kernel (AVX-512 where the CPU has it, and
 * the AVX2 one) and the SSA variants, with SSA's phase times, its accuracy against
 * the exact kernel, its error estimate and the memory each holds. One process per
 * configuration, so that the peak resident set (getrusage) belongs to it.
 * bench/run.sh drives it with the numpy and PyTorch peers; bench/summarize.py makes
 * the tables.
 *
 * usage: ssa_bench N D THREADS [FAMILIES [VARIANTS]]
 *   THREADS   SSA's threads parameter; the exact kernel uses OpenMP's default,
 *             which run.sh sets to the same value through OMP_NUM_THREADS.
 *   FAMILIES  comma-separated names (default: all); "text" needs BENCH_TEXT, a file
 *             of text (run.sh writes Debian's bible-kjv there), and is skipped without.
 *   VARIANTS  comma-separated: routed, paper, importance, centroid (default: all).
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

#ifndef THERMOAI_EXPERIMENTAL
#  define THERMOAI_EXPERIMENTAL
#endif
#include <thermoai/thermoai.h>

#include "families.h"

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

static char *read_text(const char *path)
{
    FILE *f = path != NULL && *path ? fopen(path, "rb") : NULL;
    char *buf = NULL;
    long size;

    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0
        && (buf = malloc((size_t)size + 1)) != NULL) {
        if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
            free(buf);
            buf = NULL;
        } else {
            buf[size] = '\0';
        }
    }
    fclose(f);
    return buf;
}

/* 1 when name is in the comma-separated list (NULL: every name) */
static int listed(const char *list, const char *name)
{
    const size_t len = strlen(name);
    const char *p = list;

    if (list == NULL)
        return 1;
    while ((p = strstr(p, name)) != NULL) {
        if ((p == list || p[-1] == ',') && (p[len] == ',' || p[len] == '\0'))
            return 1;
        p += len;
    }
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const variant_name[4] = { "paper", "importance", "centroid", "routed" };
    static const unsigned order[4] = { THERMOAI_SSA_ROUTED, THERMOAI_SSA_PAPER,
                                       THERMOAI_SSA_IMPORTANCE, THERMOAI_SSA_CENTROID };
    size_t n, d, bytes;
    unsigned threads;
    const char *families = argc > 4 ? argv[4] : NULL, *variants = argc > 5 ? argv[5] : NULL;
    float *q, *k, *v, *y, *ref;
    void *ws;
    const char *kernel = "?", *kernel2 = "?";
    char kernel_desc[96], kernel2_desc[96], *text = read_text(getenv("BENCH_TEXT"));
    int f, timed_avx2 = 0;

#ifdef THERMOAI_WITH_OPENMP
    const char *openmp = "OpenMP";
#else
    const char *openmp = "no OpenMP: one thread";
#endif

    if (argc < 4) {
        fprintf(stderr, "usage: ssa_bench N D THREADS [FAMILIES [VARIANTS]]\n");
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
    if (!q || !k || !v || !y || !ref || thermoai_attention_workspace_bytes(n, d, &bytes) != THERMOAI_OK
        || (ws = malloc(bytes)) == NULL || thermoai_attention_kernel_name(0, &kernel) != THERMOAI_OK
        || thermoai_attention_kernel_name(THERMOAI_ATTENTION_NO_AVX512, &kernel2) != THERMOAI_OK) {
        fprintf(stderr, "ssa_bench: out of memory\n");
        return 1;
    }
    snprintf(kernel_desc, sizeof kernel_desc, "%s %s", kernel, openmp);
    snprintf(kernel2_desc, sizeof kernel2_desc, "%s %s", kernel2, openmp);
    printf("impl,variant,family,n,d,threads,seconds,projection_s,clustering_s,attention_s,"
           "relerr,cosine,norm_ratio,error_estimate,error_bound,exact_rows,routed_keys,fallback,"
           "held_bytes,peak_rss_bytes,kernel\n");
    for (f = 0; f < FAMILY_COUNT; f++) {
        double t_dense;
        int vi;

        if (!listed(families, family_name(f)) || (f == family_index("text") && text == NULL))
            continue;
        if (family_generate(f, n, d, 1, text, q, k, v) != 0) {
            fprintf(stderr, "ssa_bench: family %s failed\n", family_name(f));
            return 1;
        }
        TIMED(thermoai_attention_dense(n, d, q, k, v, 0, ws, bytes, ref), t_dense);
        printf("thermoai-exact,exact,%s,%zu,%zu,%u,%.6g,,,,0,1,1,,,%zu,,,%zu,%.6g,%s\n",
               family_name(f), n, d, threads, t_dense, n, bytes, peak_rss_bytes(), kernel_desc);
        if (!timed_avx2 && strcmp(kernel, kernel2) != 0) { /* the AVX2 kernel, once */
            TIMED(thermoai_attention_dense(n, d, q, k, v, THERMOAI_ATTENTION_NO_AVX512, ws, bytes, y),
                  t_dense);
            printf("thermoai-exact-avx2,exact,%s,%zu,%zu,%u,%.6g,,,,,,,,,%zu,,,%zu,%.6g,%s\n",
                   family_name(f), n, d, threads, t_dense, n, bytes, peak_rss_bytes(), kernel2_desc);
            timed_avx2 = 1;
        }
        fflush(stdout);
        for (vi = 0; vi < 4; vi++) {
            const unsigned var = order[vi];
            thermoai_ssa_params p;
            thermoai_ssa_stats st;
            thermoai_ssa *plan = NULL;
            double t_ssa, re, cs, nr;

            if (!listed(variants, variant_name[var]))
                continue;
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
            printf("thermoai-ssa,%s,%s,%zu,%zu,%u,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.0f,%.6g,%u,"
                   "%.0f,%.6g,%s\n",
                   variant_name[var], family_name(f), n, d, threads, t_ssa, st.projection_s,
                   st.clustering_s, st.attention_s, re, cs, nr, st.error_estimate, st.error_bound,
                   st.exact_rows, st.routed_keys, st.fallback, st.bytes, peak_rss_bytes(),
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
    free(ws);
    free(text);
    return 0;
}
