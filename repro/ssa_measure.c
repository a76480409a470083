/* SPDX-License-Identifier: MIT */
/* Measurements of SSA against thermoai's exact kernel (see ssa_measure.h). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <thermoai/thermoai.h>

#include "ssa_measure.h"

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

#define RUNS 15

/* median of >= 3 runs, more while the total is under 0.05 s (at most RUNS) */
static double median_of(double *runs, int count)
{
    qsort(runs, (size_t)count, sizeof *runs, cmp_double);
    return runs[count / 2];
}

static int report(const char *what, int status)
{
    fprintf(stderr, "ssa_measure: %s: %s\n", what, thermoai_strerror(status));
    return -1;
}

int ssa_measure(const struct ssa_case *c, struct ssa_result *r)
{
    const size_t count = c->n * c->d;
    float *q = malloc(count * sizeof *q), *k = malloc(count * sizeof *k),
          *v = malloc(count * sizeof *v), *y = malloc(count * sizeof *y),
          *ref = malloc(count * sizeof *ref);
    uint32_t *labels = malloc(c->n * sizeof *labels);
    thermoai_synth_params sp;
    thermoai_ssa_params p;
    thermoai_ssa_stats st;
    thermoai_ssa *plan = NULL;
    double runs[RUNS], total, e = 0.0, yy = 0.0, rr = 0.0, yr = 0.0, t0;
    size_t bytes = 0, i;
    void *ws = NULL;
    int rc = -1, s, n_runs;

    memset(r, 0, sizeof *r);
    if (!q || !k || !v || !y || !ref || !labels) {
        fprintf(stderr, "ssa_measure: out of memory\n");
        goto out;
    }
    if ((s = thermoai_synth_params_init(&sp, sizeof sp, c->regime)) != THERMOAI_OK) {
        report("thermoai_synth_params_init", s);
        goto out;
    }
    sp.seed = c->seed;
    if ((s = thermoai_synth_generate(c->n, c->d, &sp, q, k, v, labels)) != THERMOAI_OK
        || (s = thermoai_attention_workspace_bytes(c->n, c->d, &bytes)) != THERMOAI_OK) {
        report("synthetic data", s);
        goto out;
    }
    if ((ws = malloc(bytes)) == NULL)
        goto out;
    for (n_runs = 0, total = 0.0; n_runs < RUNS && (n_runs < 3 || total < 0.05); n_runs++) {
        t0 = now_s();
        if ((s = thermoai_attention_dense(c->n, c->d, q, k, v, 0, ws, bytes, ref)) != THERMOAI_OK) {
            report("thermoai_attention_dense", s);
            goto out;
        }
        runs[n_runs] = now_s() - t0;
        total += runs[n_runs];
    }
    r->dense_s = median_of(runs, n_runs);
    if ((s = thermoai_attention_cluster_mass(c->n, c->d, q, k, labels, 0, ws, bytes, &r->mass))
        != THERMOAI_OK) {
        report("thermoai_attention_cluster_mass", s);
        goto out;
    }
    if ((s = thermoai_ssa_params_init(&p, sizeof p)) != THERMOAI_OK)
        goto out;
    p.variant = c->variant;
    p.clusters = c->clusters;
    p.samples = c->samples;
    p.seed = c->seed;
    if ((s = thermoai_ssa_create(c->n, c->d, &p, &plan)) != THERMOAI_OK) {
        report("thermoai_ssa_create", s);
        goto out;
    }
    if ((s = thermoai_ssa_set_clock(plan, clock_s, NULL)) != THERMOAI_OK) {
        report("thermoai_ssa_set_clock", s);
        goto out;
    }
    for (n_runs = 0, total = 0.0; n_runs < RUNS && (n_runs < 3 || total < 0.05); n_runs++) {
        t0 = now_s();
        if ((s = thermoai_ssa_execute(plan, q, k, v, y)) != THERMOAI_OK) {
            report("thermoai_ssa_execute", s);
            goto out;
        }
        runs[n_runs] = now_s() - t0;
        total += runs[n_runs];
    }
    r->ssa_s = median_of(runs, n_runs);
    r->speedup = r->dense_s / r->ssa_s;
    st.struct_size = sizeof st;
    if ((s = thermoai_ssa_get_stats(plan, &st)) != THERMOAI_OK)
        goto out;
    r->clusters = st.clusters;
    r->samples = st.samples;
    r->projection_dim = st.projection_dim;
    r->projection_s = st.projection_s;
    r->clustering_s = st.clustering_s;
    r->attention_s = st.attention_s;
    for (i = 0; i < count; i++) {
        const double a = (double)y[i], b = (double)ref[i];

        e += (a - b) * (a - b);
        yy += a * a;
        rr += b * b;
        yr += a * b;
    }
    r->relerr = sqrt(e / rr);
    r->cosine = yr / sqrt(yy * rr);
    r->norm_ratio = sqrt(yy / rr);
    rc = 0;
out:
    thermoai_ssa_free(plan);
    free(q);
    free(k);
    free(v);
    free(y);
    free(ref);
    free(labels);
    free(ws);
    return rc;
}

const char *ssa_machine(void)
{
    static const char *desc =
#ifdef THERMOAI_WITH_OPENMP
        "OpenMP build"
#else
        "one thread"
#endif
        ;
    return desc;
}
