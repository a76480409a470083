/* SPDX-License-Identifier: MIT */
/*
 * Spectral Sparse Attention: the oracles of issue 5 (k = 1 or s covering every
 * key equals dense attention; rows of the sparse probabilities sum to 1;
 * permutation equivariance; determinism across thread counts; causal plans
 * never look ahead), accuracy on planted clusters, statistics, bad input and
 * allocation failure.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "attn_util.h"
#include "../harness/tap.h"

#define VARIANTS 3u
static const char *const variant_name[VARIANTS] = { "paper", "importance", "centroid" };

static thermoai_ssa *make_plan(size_t n, size_t d, uint32_t variant, uint32_t flags,
                               uint32_t clusters, uint32_t samples, uint32_t threads, uint64_t seed)
{
    thermoai_ssa_params p;
    thermoai_ssa *plan = NULL;

    if (thermoai_ssa_params_init(&p, sizeof p) != THERMOAI_OK)
        return NULL;
    p.variant = variant;
    p.flags = flags;
    p.clusters = clusters;
    p.samples = samples;
    p.threads = threads;
    p.seed = seed;
    if (thermoai_ssa_create(n, d, &p, &plan) != THERMOAI_OK)
        return NULL;
    return plan;
}

/* runs a fresh plan; returns its status (plan freed) */
static int run(size_t n, size_t d, uint32_t variant, uint32_t flags, uint32_t clusters,
               uint32_t samples, uint32_t threads, uint64_t seed, const float *q, const float *k,
               const float *v, float *y)
{
    thermoai_ssa *plan = make_plan(n, d, variant, flags, clusters, samples, threads, seed);
    int rc;

    if (plan == NULL)
        return -1;
    rc = thermoai_ssa_execute(plan, q, k, v, y);
    thermoai_ssa_free(plan);
    return rc;
}

struct data {
    float *q, *k, *v, *y, *y2;
    double *r;
};

static int alloc_data(struct data *x, size_t n, size_t d)
{
    x->q = malloc(n * d * sizeof(float));
    x->k = malloc(n * d * sizeof(float));
    x->v = malloc(n * d * sizeof(float));
    x->y = malloc(n * d * sizeof(float));
    x->y2 = malloc(n * d * sizeof(float));
    x->r = malloc(n * d * sizeof(double));
    return x->q && x->k && x->v && x->y && x->y2 && x->r;
}

static void free_data(struct data *x)
{
    free(x->q);
    free(x->k);
    free(x->v);
    free(x->y);
    free(x->y2);
    free(x->r);
}

static void check_params(void)
{
    thermoai_ssa_params p;

    memset(&p, 0xff, sizeof p);
    tap_ok(thermoai_ssa_params_init(&p, sizeof p) == THERMOAI_OK && p.struct_size == sizeof p
               && p.variant == THERMOAI_SSA_ROUTED && p.flags == 0 && p.clusters == 0
               && p.samples == 0 && p.projection_dim == 0 && p.kmeans_iterations == 0
               && p.threads == 0 && p.seed == 0 && p.tolerance == 0.0 && p.check_rows == 0
               && p.key_groups == 0,
           "params_init: routed variant, every count and the tolerance 0 (default), seed 0");
    tap_ok(thermoai_ssa_params_init(&p, 39) == THERMOAI_E_SIZE, "params_init: size 39 -> E_SIZE");
    tap_ok(thermoai_ssa_params_init(&p, 40) == THERMOAI_OK && p.variant == THERMOAI_SSA_ROUTED,
           "params_init: the first field set (40 bytes) gets the routed variant too");
    tap_ok(thermoai_ssa_params_init(NULL, sizeof p) == THERMOAI_E_NULL, "params_init: NULL");
    tap_ok(thermoai_ssa_params_size() == 56 && thermoai_ssa_stats_size() == 120,
           "sizes: params 56, stats 120 bytes (first field sets: 40 and 80)");
}

/* k = 1 (every key in the one cluster) and s >= n (every other key sampled, weight 1)
 * both reduce every variant to dense attention. */
static void check_dense_oracles(void)
{
    const size_t n = 333, d = 24;
    struct data x;
    uint32_t var;
    int causal;

    if (!alloc_data(&x, n, d)) {
        tap_ok(0, "allocation");
        return;
    }
    util_fill(x.q, n * d, 2.0, 31);
    util_fill(x.k, n * d, 2.0, 32);
    util_fill(x.v, n * d, 1.0, 33);
    for (causal = 0; causal <= 1; causal++) {
        const uint32_t flags = causal ? THERMOAI_SSA_CAUSAL : 0u;

        util_reference(n, d, x.q, x.k, x.v, causal, x.r);
        for (var = 0; var < 3; var++) {
            int rc;
            double err;

            if (causal && var == THERMOAI_SSA_CENTROID)
                continue;
            rc = run(n, d, var, flags, 1, 5, 0, 1, x.q, x.k, x.v, x.y);
            err = util_row_error(n, d, x.y, x.r, 1e-3);
            tap_ok(rc == THERMOAI_OK && err <= 2e-5, "%s, causal=%d, k = 1: dense (error %.2e)",
                   variant_name[var], causal, err);
            if (var == THERMOAI_SSA_CENTROID)
                continue;
            rc = run(n, d, var, flags, 8, (uint32_t)n, 0, 1, x.q, x.k, x.v, x.y);
            err = util_row_error(n, d, x.y, x.r, 1e-3);
            tap_ok(rc == THERMOAI_OK && err <= 2e-5,
                   "%s, causal=%d, k = 8, s = n: dense (error %.2e)", variant_name[var], causal,
                   err);
        }
    }
    free_data(&x);
}

/* Every row of the sparse probabilities sums to 1: V = 1 gives Y = 1, and with
 * V = token position the output is a convex combination (causal: <= i). */
static void check_rows_sum_to_one(void)
{
    const size_t n = 500, d = 16;
    struct data x;
    uint32_t var;
    size_t i, t;
    int causal;

    if (!alloc_data(&x, n, d)) {
        tap_ok(0, "allocation");
        return;
    }
    util_fill(x.q, n * d, 2.0, 41);
    util_fill(x.k, n * d, 2.0, 42);
    for (causal = 0; causal <= 1; causal++)
        for (var = 0; var < 3; var++) {
            const uint32_t flags = causal ? THERMOAI_SSA_CAUSAL : 0u;
            double worst = 0.0, over = 0.0;
            int rc1, rc2;

            if (causal && var == THERMOAI_SSA_CENTROID)
                continue;
            for (i = 0; i < n * d; i++)
                x.v[i] = 1.0f;
            rc1 = run(n, d, var, flags, 0, 0, 0, 3, x.q, x.k, x.v, x.y);
            for (i = 0; i < n * d; i++)
                worst = fmax(worst, fabs((double)x.y[i] - 1.0));
            for (i = 0; i < n; i++)
                for (t = 0; t < d; t++)
                    x.v[i * d + t] = (float)i;
            rc2 = run(n, d, var, flags, 0, 0, 0, 3, x.q, x.k, x.v, x.y);
            for (i = 0; i < n; i++) {
                const double top = causal ? (double)i : (double)(n - 1);

                over = fmax(over, (double)x.y[i * d] - top); /* > 0: weight beyond the range */
                over = fmax(over, -(double)x.y[i * d]);
            }
            tap_ok(rc1 == THERMOAI_OK && worst <= 1e-5,
                   "%s, causal=%d: V = 1 gives Y = 1 (max deviation %.2e)", variant_name[var],
                   causal, worst);
            tap_ok(rc2 == THERMOAI_OK && over <= 1e-3 * (double)n * 1e-3,
                   "%s, causal=%d: V = position stays in [0, %s] (excess %.2e)",
                   variant_name[var], causal, causal ? "i" : "n-1", over);
        }
    free_data(&x);
}

/* Permuting the tokens permutes the output. Planted, well separated clusters make the
 * k-means partition itself equivariant; the sampled keys are drawn per token index, so
 * the sampling variants are equivariant with s covering every key and the centroid
 * variant (deterministic given the partition) with the default s. */
static void check_permutation(void)
{
    const size_t n = 512, d = 32;
    struct data x, px;
    thermoai_synth_params sp;
    size_t *perm = malloc(n * sizeof *perm), i, j, t;
    uint32_t *ca = malloc(n * sizeof *ca), *cb = malloc(n * sizeof *cb);
    uint64_t s = 77;
    uint32_t var;
    int same_partition = 1;
    thermoai_ssa *pa, *pb;

    if (perm == NULL || ca == NULL || cb == NULL || !alloc_data(&x, n, d) || !alloc_data(&px, n, d)
        || thermoai_synth_params_init(&sp, sizeof sp, THERMOAI_SYNTH_CONCENTRATED) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    sp.clusters = 16;
    if (thermoai_synth_generate(n, d, &sp, x.q, x.k, x.v, NULL) != THERMOAI_OK) {
        tap_ok(0, "synth");
        return;
    }
    for (i = 0; i < n; i++)
        perm[i] = i;
    for (i = n - 1; i > 0; i--) {
        const size_t r = (size_t)(util_next(&s) % (i + 1)), tmp = perm[i];

        perm[i] = perm[r];
        perm[r] = tmp;
    }
    for (i = 0; i < n; i++) { /* token i of px is token perm[i] of x */
        memcpy(px.q + i * d, x.q + perm[i] * d, d * sizeof(float));
        memcpy(px.k + i * d, x.k + perm[i] * d, d * sizeof(float));
        memcpy(px.v + i * d, x.v + perm[i] * d, d * sizeof(float));
    }
    for (var = 0; var < 3; var++) {
        const uint32_t samples = var == THERMOAI_SSA_CENTROID ? 0u : (uint32_t)n;
        double worst = 0.0;
        int rc1, rc2;

        pa = make_plan(n, d, var, 0, 16, samples, 0, 5);
        pb = make_plan(n, d, var, 0, 16, samples, 0, 5);
        rc1 = pa && pb ? thermoai_ssa_execute(pa, x.q, x.k, x.v, x.y) : -1;
        rc2 = pa && pb ? thermoai_ssa_execute(pb, px.q, px.k, px.v, px.y) : -1;
        for (i = 0; i < n; i++) {
            double e = 0.0, nr = 0.0;

            for (t = 0; t < d; t++) {
                const double a = (double)px.y[i * d + t], b = (double)x.y[perm[i] * d + t];

                e += (a - b) * (a - b);
                nr += b * b;
            }
            worst = fmax(worst, sqrt(e / nr));
        }
        tap_ok(rc1 == THERMOAI_OK && rc2 == THERMOAI_OK && worst <= 1e-5,
               "%s: permuted tokens give permuted outputs (row error %.2e)", variant_name[var],
               worst);
        if (var == THERMOAI_SSA_CENTROID && thermoai_ssa_clusters(pa, ca) == THERMOAI_OK
            && thermoai_ssa_clusters(pb, cb) == THERMOAI_OK)
            for (i = 0; i < n; i += 7)
                for (j = 0; j < n; j += 5)
                    if ((ca[perm[i]] == ca[perm[j]]) != (cb[i] == cb[j]))
                        same_partition = 0;
        thermoai_ssa_free(pa);
        thermoai_ssa_free(pb);
    }
    tap_ok(same_partition, "the k-means partition is the same up to relabelling");
    free(perm);
    free(ca);
    free(cb);
    free_data(&x);
    free_data(&px);
}

/*
 * Very uneven clusters: 240 of 300 query rows are the same vector, the rest
 * scattered, so one cluster costs far more than the others and the threads'
 * shares of clusters differ. Output still bit-identical at 1, 2 and 3 threads.
 */
static void check_uneven_clusters(void)
{
    const size_t n = 300, d = 24, big = 240;
    struct data x;
    uint32_t *assign = malloc(n * sizeof *assign), var, largest;
    size_t i, t, count[8] = { 0 };
    uint64_t state = 12345;

    if (!alloc_data(&x, n, d) || assign == NULL) {
        tap_ok(0, "setup");
        free(assign);
        return;
    }
    for (i = 0; i < n * d; i++) { /* deterministic values in [-1, 1) */
        state = state * 6364136223846793005u + 1442695040888963407u;
        x.k[i] = (float)((double)(state >> 11) / 4503599627370496.0 - 1.0);
        state = state * 6364136223846793005u + 1442695040888963407u;
        x.v[i] = (float)((double)(state >> 11) / 4503599627370496.0 - 1.0);
        state = state * 6364136223846793005u + 1442695040888963407u;
        x.q[i] = (float)(4.0 * ((double)(state >> 11) / 4503599627370496.0 - 1.0));
    }
    for (i = 1; i < big; i++)
        for (t = 0; t < d; t++)
            x.q[i * d + t] = x.q[t];
    for (var = 0; var < 3; var++) {
        thermoai_ssa *plan = make_plan(n, d, var, 0, 8, 8, 1, 3);
        int rc1 = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : -1, rc2, rc3;

        if (var == 0 && rc1 == THERMOAI_OK && thermoai_ssa_clusters(plan, assign) == THERMOAI_OK) {
            for (i = 0; i < n; i++)
                count[assign[i] & 7]++;
            for (largest = 0, i = 0; i < 8; i++)
                largest = count[i] > largest ? (uint32_t)count[i] : largest;
            tap_ok(largest >= big, "uneven data: the largest of 8 clusters holds %u of %zu rows",
                   largest, n);
        }
        thermoai_ssa_free(plan);
        memset(x.y2, 0xff, n * d * sizeof(float)); /* NaN: a row left unwritten shows */
        rc2 = run(n, d, var, 0, 8, 8, 2, 3, x.q, x.k, x.v, x.y2);
        tap_ok(rc1 == THERMOAI_OK && rc2 == THERMOAI_OK
                   && memcmp(x.y, x.y2, n * d * sizeof(float)) == 0,
               "%s, uneven clusters: 1 and 2 threads are bit-identical", variant_name[var]);
        memset(x.y2, 0xff, n * d * sizeof(float));
        rc3 = run(n, d, var, 0, 8, 8, 3, 3, x.q, x.k, x.v, x.y2);
        tap_ok(rc3 == THERMOAI_OK && memcmp(x.y, x.y2, n * d * sizeof(float)) == 0,
               "%s, uneven clusters: 1 and 3 threads are bit-identical", variant_name[var]);
    }
    free(assign);
    free_data(&x);
}

/* Bit-identical results: repeated, from two plans, and at 1 and 2 threads. */
static void check_determinism(void)
{
    const size_t n = 700, d = 40;
    struct data x;
    thermoai_synth_params sp;
    uint32_t var;
    int causal;

    if (!alloc_data(&x, n, d)
        || thermoai_synth_params_init(&sp, sizeof sp, THERMOAI_SYNTH_DIFFUSE) != THERMOAI_OK
        || thermoai_synth_generate(n, d, &sp, x.q, x.k, x.v, NULL) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    for (causal = 0; causal <= 1; causal++)
        for (var = 0; var < 3; var++) {
            const uint32_t flags = causal ? THERMOAI_SSA_CAUSAL : 0u;
            thermoai_ssa *plan;
            int rc1, rc2, rc3;

            if (causal && var == THERMOAI_SSA_CENTROID)
                continue;
            plan = make_plan(n, d, var, flags, 0, 0, 1, 9);
            rc1 = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : -1;
            rc2 = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y2) : -1;
            tap_ok(rc1 == THERMOAI_OK && rc2 == THERMOAI_OK
                       && memcmp(x.y, x.y2, n * d * sizeof(float)) == 0,
                   "%s, causal=%d: the same plan twice is bit-identical", variant_name[var],
                   causal);
            thermoai_ssa_free(plan);
            rc3 = run(n, d, var, flags, 0, 0, 2, 9, x.q, x.k, x.v, x.y2);
            tap_ok(rc3 == THERMOAI_OK && memcmp(x.y, x.y2, n * d * sizeof(float)) == 0,
                   "%s, causal=%d: 1 and 2 threads are bit-identical", variant_name[var], causal);
            rc3 = run(n, d, var, flags, 0, 0, 3, 9, x.q, x.k, x.v, x.y2);
            tap_ok(rc3 == THERMOAI_OK && memcmp(x.y, x.y2, n * d * sizeof(float)) == 0,
                   "%s, causal=%d: 1 and 3 threads are bit-identical", variant_name[var], causal);
            if (var != THERMOAI_SSA_CENTROID) {
                rc3 = run(n, d, var, flags, 0, 0, 1, 10, x.q, x.k, x.v, x.y2);
                tap_ok(rc3 == THERMOAI_OK && memcmp(x.y, x.y2, n * d * sizeof(float)) != 0,
                       "%s, causal=%d: another seed gives other samples", variant_name[var],
                       causal);
            }
        }
    free_data(&x);
}

/* Causal plans: rows before n/2 are bit-identical when later keys and values change. */
static void check_causal(void)
{
    const size_t n = 600, d = 16;
    struct data x;
    uint32_t var;

    if (!alloc_data(&x, n, d)) {
        tap_ok(0, "allocation");
        return;
    }
    for (var = 0; var < 2; var++) {
        int rc1, rc2;

        util_fill(x.q, n * d, 2.0, 51);
        util_fill(x.k, n * d, 2.0, 52);
        util_fill(x.v, n * d, 1.0, 53);
        rc1 = run(n, d, var, THERMOAI_SSA_CAUSAL, 0, 0, 0, 4, x.q, x.k, x.v, x.y);
        util_fill(x.k + n / 2 * d, (n - n / 2) * d, 4.0, 54);
        util_fill(x.v + n / 2 * d, (n - n / 2) * d, 40.0, 55);
        rc2 = run(n, d, var, THERMOAI_SSA_CAUSAL, 0, 0, 0, 4, x.q, x.k, x.v, x.y2);
        tap_ok(rc1 == THERMOAI_OK && rc2 == THERMOAI_OK
                   && memcmp(x.y, x.y2, n / 2 * d * sizeof(float)) == 0,
               "%s causal: rows < n/2 ignore later keys and values", variant_name[var]);
        tap_ok(memcmp(x.y + n / 2 * d, x.y2 + n / 2 * d, (n - n / 2) * d * sizeof(float)) != 0,
               "%s causal: later rows see them (the test can fail)", variant_name[var]);
    }
    free_data(&x);
}

/* Planted, concentrated clusters: the mass-preserving variants are accurate. */
static void check_accuracy(void)
{
    const size_t n = 1024, d = 64;
    struct data x;
    thermoai_synth_params sp;
    size_t bytes;
    void *ws = NULL;
    float *dense = malloc(n * d * sizeof(float));
    uint32_t var;

    if (dense == NULL || !alloc_data(&x, n, d)
        || thermoai_synth_params_init(&sp, sizeof sp, THERMOAI_SYNTH_CONCENTRATED) != THERMOAI_OK
        || thermoai_synth_generate(n, d, &sp, x.q, x.k, x.v, NULL) != THERMOAI_OK
        || thermoai_attention_workspace_bytes(n, d, &bytes) != THERMOAI_OK
        || (ws = malloc(bytes)) == NULL
        || thermoai_attention_dense(n, d, x.q, x.k, x.v, 0, ws, bytes, dense) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    for (var = 0; var < 3; var++) {
        const int rc = run(n, d, var, 0, 0, 0, 0, 0, x.q, x.k, x.v, x.y);
        const double err = util_rel_frobenius(n * d, x.y, dense), cs = util_cosine(n * d, x.y, dense);

        tap_ok(rc == THERMOAI_OK && err <= 0.1 && cs >= 0.99,
               "%s on concentrated clusters, n = 1024: relative error %.4f <= 0.1, cosine %.5f",
               variant_name[var], err, cs);
    }
    free(ws);
    free(dense);
    free_data(&x);
}

static void check_stats(void)
{
    const size_t n = 500, d = 32;
    struct data x;
    thermoai_ssa *plan;
    thermoai_ssa_stats st;
    uint32_t *assign = malloc(n * sizeof *assign);
    size_t i;
    int ok = 1, rc;

    if (assign == NULL || !alloc_data(&x, n, d)) {
        tap_ok(0, "allocation");
        return;
    }
    util_fill(x.q, n * d, 1.0, 61);
    util_fill(x.k, n * d, 1.0, 62);
    util_fill(x.v, n * d, 1.0, 63);
    plan = make_plan(n, d, THERMOAI_SSA_PAPER, 0, 0, 0, 0, 0);
    memset(&st, 0, sizeof st);
    st.struct_size = sizeof st;
    rc = plan != NULL ? thermoai_ssa_get_stats(plan, &st) : -1;
    tap_ok(rc == THERMOAI_OK && st.clusters == 22 && st.samples == 22 && st.projection_dim == 18
               && st.exact_pairs == 0.0 && st.bytes > (double)(n * d * 4),
           "defaults for n = 500, d = 32: k = s = round(sqrt n) = 22, m = ceil(2 log2 n) = 18; "
           "nothing measured yet; %.0f bytes held", st.bytes);
    tap_ok(thermoai_ssa_clusters(plan, assign) == THERMOAI_E_DOMAIN,
           "clusters before any execution -> E_DOMAIN");
    rc = thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y);
    rc = rc == THERMOAI_OK ? thermoai_ssa_get_stats(plan, &st) : rc;
    tap_ok(rc == THERMOAI_OK && st.exact_pairs > 0.0 && st.kmeans_iterations >= 1
               && st.kmeans_objective > 0.0 && st.projection_s >= 0.0 && st.clustering_s >= 0.0
               && st.attention_s >= 0.0 && st.centroid_terms == 0.0,
           "after execution: %.0f exact pairs, %u Lloyd iterations, objective %.3g",
           st.exact_pairs, st.kmeans_iterations, st.kmeans_objective);
    tap_ok(thermoai_ssa_clusters(plan, assign) == THERMOAI_OK, "clusters after execution");
    for (i = 0; i < n; i++)
        ok &= assign[i] < 22;
    tap_ok(ok, "every assignment in [0, k)");
    st.struct_size = 79;
    tap_ok(thermoai_ssa_get_stats(plan, &st) == THERMOAI_E_SIZE, "stats: struct_size 79 -> E_SIZE");
    tap_ok(thermoai_ssa_get_stats(plan, NULL) == THERMOAI_E_NULL, "stats: NULL");
    tap_ok(thermoai_ssa_clusters(plan, NULL) == THERMOAI_E_NULL, "clusters: NULL");
    thermoai_ssa_free(plan);

    /* pair counts: k = 1 scores n^2 pairs, n (n + 1) / 2 when causal */
    {
        static const uint32_t variants[3] = { THERMOAI_SSA_PAPER, THERMOAI_SSA_PAPER,
                                              THERMOAI_SSA_CENTROID };
        static const uint32_t flags[3] = { 0, THERMOAI_SSA_CAUSAL, 0 };
        static const uint32_t clusters[3] = { 1, 1, 10 };
        double got[3][2];
        int c;

        st.struct_size = sizeof st;
        for (c = 0; c < 3; c++) {
            plan = make_plan(n, d, variants[c], flags[c], clusters[c], 0, 0, 0);
            rc = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : -1;
            rc = rc == THERMOAI_OK ? thermoai_ssa_get_stats(plan, &st) : rc;
            got[c][0] = rc == THERMOAI_OK ? st.exact_pairs : -1.0;
            got[c][1] = rc == THERMOAI_OK ? st.centroid_terms : -1.0;
            thermoai_ssa_free(plan);
        }
        tap_ok(got[0][0] == (double)(n * n), "k = 1: n^2 = %zu exact pairs (%.0f)", n * n,
               got[0][0]);
        tap_ok(got[1][0] == (double)(n * (n + 1) / 2),
               "k = 1, causal: n (n + 1) / 2 = %zu exact pairs (%.0f)", n * (n + 1) / 2, got[1][0]);
        tap_ok(got[2][1] > 0.0 && got[2][1] <= (double)(n * 10),
               "centroid variant: %.0f query-centroid terms <= n k", got[2][1]);
    }
    free(assign);
    free_data(&x);
}

static int create_status(size_t n, size_t d, uint32_t variant, uint32_t flags, uint32_t clusters,
                         uint32_t samples, uint32_t m)
{
    thermoai_ssa_params p;
    thermoai_ssa *plan = (thermoai_ssa *)&p; /* must come back NULL on error */
    int rc;

    if (thermoai_ssa_params_init(&p, sizeof p) != THERMOAI_OK)
        return -1;
    p.variant = variant;
    p.flags = flags;
    p.clusters = clusters;
    p.samples = samples;
    p.projection_dim = m;
    rc = thermoai_ssa_create(n, d, &p, &plan);
    if (rc != THERMOAI_OK && plan != NULL)
        return -2;
    thermoai_ssa_free(plan);
    return rc;
}

static void check_bad_input(void)
{
    const size_t n = 50, d = 8;
    struct data x;
    thermoai_ssa *plan;
    unsigned char big[64];
    thermoai_ssa_params p;
    int rc;

    tap_ok(create_status(n, d, 0, 0, 51, 0, 0) == THERMOAI_E_INVALID, "N < k -> E_INVALID");
    tap_ok(create_status(n, d, 0, 0, 0, 51, 0) == THERMOAI_E_INVALID, "s > N -> E_INVALID");
    tap_ok(create_status(n, d, 0, 0, 0, 0, 9) == THERMOAI_E_INVALID, "m > d -> E_INVALID");
    tap_ok(create_status(1, d, 0, 0, 0, 0, 0) == THERMOAI_E_INVALID, "N = 1 -> E_INVALID");
    tap_ok(create_status(n, 0, 0, 0, 0, 0, 0) == THERMOAI_E_INVALID, "d = 0 -> E_INVALID");
    tap_ok(create_status(((size_t)1 << 28) + 1, d, 0, 0, 0, 0, 0) == THERMOAI_E_INVALID,
           "N = 2^28 + 1 -> E_INVALID");
    tap_ok(create_status(n, 4097, 0, 0, 0, 0, 0) == THERMOAI_E_INVALID, "d = 4097 -> E_INVALID");
    tap_ok(create_status(n, d, 4, 0, 0, 0, 0) == THERMOAI_E_UNSUPPORTED,
           "unknown variant -> E_UNSUPPORTED");
    tap_ok(create_status(n, d, THERMOAI_SSA_ROUTED, THERMOAI_SSA_CAUSAL, 0, 0, 0)
               == THERMOAI_E_UNSUPPORTED,
           "causal routed variant -> E_UNSUPPORTED");
    tap_ok(create_status(n, d, 0, 0x4u, 0, 0, 0) == THERMOAI_E_UNSUPPORTED,
           "unknown flag -> E_UNSUPPORTED");
    tap_ok(create_status(n, d, THERMOAI_SSA_CENTROID, THERMOAI_SSA_CAUSAL, 0, 0, 0)
               == THERMOAI_E_UNSUPPORTED,
           "causal centroid variant -> E_UNSUPPORTED");
    tap_ok(create_status(n, d, 0, 0, (uint32_t)n, (uint32_t)n, (uint32_t)d) == THERMOAI_OK,
           "k = s = N and m = d are allowed");
    tap_ok(thermoai_ssa_create(n, d, NULL, NULL) == THERMOAI_E_NULL, "create: NULL plan pointer");
    if (thermoai_ssa_params_init(&p, sizeof p) == THERMOAI_OK) {
        p.struct_size = 16;
        plan = NULL;
        tap_ok(thermoai_ssa_create(n, d, &p, &plan) == THERMOAI_E_SIZE && plan == NULL,
               "struct_size 16 -> E_SIZE");
        memset(big, 0, sizeof big);
        p.struct_size = sizeof big;
        memcpy(big, &p, sizeof p);
        big[60] = 1;
        tap_ok(thermoai_ssa_create(n, d, (const thermoai_ssa_params *)(void *)big, &plan)
                       == THERMOAI_E_UNSUPPORTED
                   && plan == NULL,
               "a newer caller's struct with a non-zero unknown field -> E_UNSUPPORTED");
        big[60] = 0;
        tap_ok(thermoai_ssa_create(n, d, (const thermoai_ssa_params *)(void *)big, &plan)
                   == THERMOAI_OK,
               "a newer caller's struct with zero unknown fields is accepted");
        thermoai_ssa_free(plan);
    }

    if (!alloc_data(&x, n, d) || (plan = make_plan(n, d, 0, 0, 0, 0, 0, 0)) == NULL) {
        tap_ok(0, "setup");
        return;
    }
    util_fill(x.q, n * d, 1.0, 71);
    util_fill(x.k, n * d, 1.0, 72);
    util_fill(x.v, n * d, 1.0, 73);
    tap_ok(thermoai_ssa_execute(NULL, x.q, x.k, x.v, x.y) == THERMOAI_E_NULL, "execute: NULL plan");
    rc = thermoai_ssa_execute(plan, x.q, NULL, x.v, x.y);
    tap_ok(rc == THERMOAI_E_NULL && util_all_nan(x.y, n * d), "execute: NULL k -> E_NULL, y NaN");
    tap_ok(thermoai_ssa_execute(plan, x.q, x.k, x.v, NULL) == THERMOAI_E_NULL, "execute: NULL y");
    x.q[5] = (double)NAN;
    rc = thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y);
    tap_ok(rc == THERMOAI_E_NONFINITE && util_all_nan(x.y, n * d),
           "execute: NaN query -> E_NONFINITE, y NaN");
    x.q[5] = 0.25f;
    x.v[n * d - 1] = -(double)INFINITY;
    rc = thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y);
    tap_ok(rc == THERMOAI_E_NONFINITE && util_all_nan(x.y, n * d),
           "execute: infinite value -> E_NONFINITE, y NaN");
    x.v[n * d - 1] = 0.5f;
    rc = thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y);
    tap_ok(rc == THERMOAI_OK && !isnan(x.y[0]), "the plan works after errors");
    thermoai_ssa_free(plan);
    thermoai_ssa_free(NULL);
    tap_ok(1, "free(NULL) is a no-op");
    free_data(&x);
}

/* Issue 21: defects found by the evaluation, each with the input that showed it. */
static void check_defects(void)
{
    const size_t n = 64, d = 16;
    struct data x;
    thermoai_ssa_params p;
    thermoai_ssa_stats st;
    thermoai_ssa *plan = NULL;
    size_t i;
    uint32_t var;
    int rc;

    if (!alloc_data(&x, n, d) || thermoai_ssa_params_init(&p, sizeof p) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    /* q . k overflows float with finite entries of 1e19: OK with garbage before */
    util_fill(x.q, n * d, 1.0, 81);
    util_fill(x.k, n * d, 1.0, 82);
    util_fill(x.v, n * d, 1.0, 83);
    for (i = 0; i < n * d; i++) {
        x.q[i] = x.q[i] >= 0.0f ? 1e19f : -1e19f;
        x.k[i] = x.k[i] >= 0.0f ? 1e19f : -1e19f;
    }
    for (var = 0; var < VARIANTS; var++) {
        rc = run(n, d, var, 0, 4, 4, 0, 1, x.q, x.k, x.v, x.y);
        tap_ok(rc == THERMOAI_E_RANGE && util_all_nan(x.y, n * d),
               "%s: entries +-1e19 (q . k overflows) -> E_RANGE, y NaN (got %d)",
               variant_name[var], rc);
    }
    /* threads above the documented 64 were accepted */
    p.threads = 65;
    rc = thermoai_ssa_create(n, d, &p, &plan);
    tap_ok(rc == THERMOAI_E_INVALID && plan == NULL, "threads = 65 -> E_INVALID (got %d)", rc);
    thermoai_ssa_free(plan);
    plan = NULL;
    p.threads = 64;
    rc = thermoai_ssa_create(n, d, &p, &plan);
    tap_ok(rc == THERMOAI_OK, "threads = 64 is allowed");
    thermoai_ssa_free(plan);
    free_data(&x);

    /* stats.kmeans_iterations summed the refits past its limit: n above the seeding
     * subset (4096 rows) runs Lloyd twice; the limit holds for each run */
    {
        const size_t nn = util_quick() ? 4200 : 5000, dd = 8;
        unsigned limit;

        if (!alloc_data(&x, nn, dd)) {
            tap_ok(0, "allocation");
            return;
        }
        util_fill(x.q, nn * dd, 1.0, 91);
        util_fill(x.k, nn * dd, 1.0, 92);
        util_fill(x.v, nn * dd, 1.0, 93);
        for (limit = 1; limit <= (util_quick() ? 1u : 3u); limit++) {
            p.threads = 0;
            p.variant = THERMOAI_SSA_PAPER;
            p.kmeans_iterations = limit;
            plan = NULL;
            rc = thermoai_ssa_create(nn, dd, &p, &plan);
            rc = rc == THERMOAI_OK ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : rc;
            st.struct_size = sizeof st;
            rc = rc == THERMOAI_OK ? thermoai_ssa_get_stats(plan, &st) : rc;
            tap_ok(rc == THERMOAI_OK && st.kmeans_iterations >= 1 && st.kmeans_iterations <= limit,
                   "kmeans_iterations = %u, n = %zu: the stats report %u <= the limit", limit, nn,
                   st.kmeans_iterations);
            thermoai_ssa_free(plan);
        }
        free_data(&x);
    }
}

/* ---- the routed variant ------------------------------------------------------ */

static thermoai_ssa *routed_plan(size_t n, size_t d, double tolerance, uint32_t threads, uint64_t seed)
{
    thermoai_ssa_params p;
    thermoai_ssa *plan = NULL;

    if (thermoai_ssa_params_init(&p, sizeof p) != THERMOAI_OK)
        return NULL;
    p.tolerance = tolerance;
    p.threads = threads;
    p.seed = seed;
    return thermoai_ssa_create(n, d, &p, &plan) == THERMOAI_OK ? plan : NULL;
}

/* Gaussian clusters of Zipf(1.1) sizes (about sqrt(n) of them), logit near `logit`
 * inside a cluster, query and key noise `noise`; values standard normal. */
static void zipf_clusters(size_t n, size_t d, double logit, double noise, uint64_t seed, float *q,
                          float *k, float *v)
{
    const size_t c = (size_t)floor(sqrt((double)n) + 0.5);
    double *u = malloc(c * d * sizeof *u), *cum = malloc(c * sizeof *cum), total = 0.0;
    const double a = sqrt(logit * sqrt((double)d));
    size_t i, t, j;

    if (u == NULL || cum == NULL)
        abort();
    for (j = 0; j < c; j++) {
        double nn = 0.0;

        for (t = 0; t < d; t++) {
            u[j * d + t] = util_normal(&seed);
            nn += u[j * d + t] * u[j * d + t];
        }
        for (t = 0; t < d; t++)
            u[j * d + t] /= sqrt(nn);
        total += pow((double)(j + 1), -1.1);
        cum[j] = total;
    }
    for (i = 0; i < n; i++) {
        const double x = (double)(util_next(&seed) >> 11) / 9007199254740992.0 * total;

        for (j = 0; j + 1 < c && cum[j] < x; j++)
            ;
        for (t = 0; t < d; t++) {
            q[i * d + t] = (float)(a * (u[j * d + t] + noise * util_normal(&seed) / sqrt((double)d)));
            k[i * d + t] = (float)(a * (u[j * d + t] + noise * util_normal(&seed) / sqrt((double)d)));
            v[i * d + t] = (float)util_normal(&seed);
        }
    }
    free(u);
    free(cum);
}

/* ||y - ref||_F / ||ref||_F against thermoai_attention_dense() */
static double routed_error(size_t n, size_t d, const struct data *x, void *ws, size_t bytes,
                           float *dense)
{
    if (thermoai_attention_dense(n, d, x->q, x->k, x->v, 0, ws, bytes, dense) != THERMOAI_OK)
        return (double)INFINITY;
    return util_rel_frobenius(n * d, x->y, dense);
}

static void check_routed(void)
{
    const size_t n = util_quick() ? 300 : 1024, d = 32;
    struct data x;
    thermoai_ssa *plan;
    thermoai_ssa_stats st;
    size_t bytes, i;
    void *ws = NULL;
    float *dense = malloc(n * d * sizeof(float));
    double err, worst;
    int rc, rc2, rc3;

    if (dense == NULL || !alloc_data(&x, n, d) || thermoai_attention_workspace_bytes(n, d, &bytes) != THERMOAI_OK
        || (ws = malloc(bytes)) == NULL) {
        tap_ok(0, "setup");
        return;
    }
    zipf_clusters(n, d, 9.0, 0.6, 5, x.q, x.k, x.v);
    /* the default plan (NULL params) is the routed variant, and meets its tolerance */
    plan = NULL;
    rc = thermoai_ssa_create(n, d, NULL, &plan);
    rc = rc == THERMOAI_OK ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : rc;
    st.struct_size = sizeof st;
    rc = rc == THERMOAI_OK ? thermoai_ssa_get_stats(plan, &st) : rc;
    err = routed_error(n, d, &x, ws, bytes, dense);
    /* one call: the bound it accepted is within the tolerance, and the true error within
     * twice that (the frequency of misses is check_error_control's) */
    tap_ok(rc == THERMOAI_OK && err <= 0.2 && st.check_rounds >= 1 && st.exact_rows >= 64
               && st.error_estimate >= 0.0 && st.error_bound >= st.error_estimate
               && st.error_bound <= 0.1 + 1e-12 && st.routed_keys > 0.0,
           "routed default on Zipf clusters, n = %zu: error %.4f (estimate %.4f, bound %.4f <= 0.1, "
           "%.0f exact rows, %.0f keys per query, fallback %u)", n, err, st.error_estimate,
           st.error_bound, st.exact_rows, st.routed_keys, st.fallback);
    /* a caller of the first stats field set (80 bytes) still gets them */
    st.struct_size = 80;
    tap_ok(thermoai_ssa_get_stats(plan, &st) == THERMOAI_OK, "stats of 80 bytes are accepted");
    /* the same plan again: bit-identical */
    rc = thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y2);
    tap_ok(rc == THERMOAI_OK && memcmp(x.y, x.y2, n * d * sizeof(float)) == 0,
           "routed: the same plan twice is bit-identical");
    thermoai_ssa_free(plan);
    /* 1, 2 and 3 threads: bit-identical (with --enable-openmp) */
    plan = routed_plan(n, d, 0.0, 1, 0);
    rc = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : -1;
    thermoai_ssa_free(plan);
    plan = routed_plan(n, d, 0.0, 2, 0);
    rc2 = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y2) : -1;
    thermoai_ssa_free(plan);
    tap_ok(rc == THERMOAI_OK && rc2 == THERMOAI_OK && memcmp(x.y, x.y2, n * d * sizeof(float)) == 0,
           "routed: 1 and 2 threads are bit-identical");
    plan = routed_plan(n, d, 0.0, 3, 0);
    rc3 = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y2) : -1;
    thermoai_ssa_free(plan);
    tap_ok(rc3 == THERMOAI_OK && memcmp(x.y, x.y2, n * d * sizeof(float)) == 0,
           "routed: 1 and 3 threads are bit-identical");
    /* no check: no estimate */
    plan = routed_plan(n, d, -1.0, 0, 0);
    rc = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : -1;
    st.struct_size = sizeof st;
    rc = rc == THERMOAI_OK ? thermoai_ssa_get_stats(plan, &st) : rc;
    tap_ok(rc == THERMOAI_OK && isnan(st.error_estimate) && st.check_rounds == 0 && st.fallback == 0,
           "tolerance < 0: no check, estimate NaN, %.0f rows exact (outliers)", st.exact_rows);
    thermoai_ssa_free(plan);
    /* a tolerance no approximation meets: every row exact, the exact kernel's output */
    plan = routed_plan(n, d, 1e-12, 0, 0);
    rc = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : -1;
    rc = rc == THERMOAI_OK ? thermoai_ssa_get_stats(plan, &st) : rc;
    util_reference(n, d, x.q, x.k, x.v, 0, x.r);
    worst = util_row_error(n, d, x.y, x.r, 1e-3);
    tap_ok(rc == THERMOAI_OK && st.fallback == 2 && st.exact_rows == (double)n && worst <= 2e-5,
           "tolerance 1e-12: every row exact (fallback %u, %.0f rows), row error %.2e <= 2e-5",
           st.fallback, st.exact_rows, worst);
    thermoai_ssa_free(plan);
    /* rows sum to 1: V = 1 gives Y = 1, approximated rows and summaries alike */
    for (i = 0; i < n * d; i++)
        x.v[i] = 1.0f;
    plan = routed_plan(n, d, -1.0, 0, 0);
    rc = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : -1;
    for (i = 0, worst = 0.0; i < n * d; i++)
        worst = fmax(worst, fabs((double)x.y[i] - 1.0));
    tap_ok(rc == THERMOAI_OK && worst <= 1e-5, "routed: V = 1 gives Y = 1 (max deviation %.2e)", worst);
    thermoai_ssa_free(plan);
    /* bad parameters */
    {
        thermoai_ssa_params p;

        plan = NULL;
        if (thermoai_ssa_params_init(&p, sizeof p) != THERMOAI_OK)
            return;
        p.tolerance = (double)NAN;
        tap_ok(thermoai_ssa_create(n, d, &p, &plan) == THERMOAI_E_INVALID && plan == NULL,
               "routed: NaN tolerance -> E_INVALID");
        p.tolerance = 0.0;
        p.check_rows = (uint32_t)n + 1;
        tap_ok(thermoai_ssa_create(n, d, &p, &plan) == THERMOAI_E_INVALID,
               "routed: check_rows > n -> E_INVALID");
        p.check_rows = 0;
        p.key_groups = (uint32_t)n + 1;
        tap_ok(thermoai_ssa_create(n, d, &p, &plan) == THERMOAI_E_INVALID,
               "routed: key_groups > n -> E_INVALID");
    }
    free(ws);
    free(dense);
    free_data(&x);
}

/*
 * The error check's promise (doc/ssa.md): over random inputs the output's true error
 * exceeds the tolerance in at most 1 call in 10. Inputs: Zipf clusters of random
 * logit scale and noise, near-uniform and low-rank random logits, at tolerances 0.05
 * and 0.1; the truth is the exact kernel.
 */
static void check_error_control(void)
{
    const size_t n = util_quick() ? 256 : 768, d = 32;
    const int calls = util_quick() ? 6 : 40;
    struct data x;
    size_t bytes, i;
    void *ws = NULL;
    float *dense = malloc(n * d * sizeof(float));
    uint64_t s = 2024;
    int c, over = 0, exact_all = 0;
    double worst = 0.0, sum_ratio = 0.0;

    if (dense == NULL || !alloc_data(&x, n, d) || thermoai_attention_workspace_bytes(n, d, &bytes) != THERMOAI_OK
        || (ws = malloc(bytes)) == NULL) {
        tap_ok(0, "setup");
        return;
    }
    for (c = 0; c < calls; c++) {
        const double tol = c % 2 ? 0.1 : 0.05, u = (double)(util_next(&s) >> 11) / 9007199254740992.0;
        thermoai_ssa *plan;
        thermoai_ssa_stats st;
        double err;
        int rc;

        if (c % 4 == 3) { /* near-uniform or sharp random logits */
            util_fill(x.q, n * d, 0.5 + 2.5 * u, util_next(&s));
            util_fill(x.k, n * d, 1.0, util_next(&s));
            util_fill(x.v, n * d, 1.0, util_next(&s));
        } else {
            zipf_clusters(n, d, 4.0 + 10.0 * u, 0.3 + 0.6 * u, util_next(&s), x.q, x.k, x.v);
        }
        for (i = 0; i < n * d && c % 4 == 2; i++) /* low rank: keys of few directions */
            x.k[i] = x.k[(i / d % 7) * d + i % d] + 0.1f * x.k[i];
        plan = routed_plan(n, d, tol, 0, (uint64_t)c);
        rc = plan ? thermoai_ssa_execute(plan, x.q, x.k, x.v, x.y) : -1;
        st.struct_size = sizeof st;
        rc = rc == THERMOAI_OK ? thermoai_ssa_get_stats(plan, &st) : rc;
        thermoai_ssa_free(plan);
        err = routed_error(n, d, &x, ws, bytes, dense);
        if (rc != THERMOAI_OK) {
            over = calls;
            break;
        }
        over += err > tol;
        exact_all += st.fallback == 2;
        worst = fmax(worst, err / tol);
        sum_ratio += err / tol;
    }
    tap_ok(over * 10 <= calls,
           "error check: the true error exceeded the tolerance in %d of %d calls (at most 1 in 10); "
           "worst error / tolerance %.2f, mean %.2f; %d calls all exact",
           over, calls, worst, sum_ratio / calls, exact_all);
    free(ws);
    free(dense);
    free_data(&x);
}

/* ---- allocation failure ------------------------------------------------------ */

struct counting {
    int calls, fail_at, outstanding;
    size_t refuse_above;
};

static void *count_alloc(size_t size, void *user)
{
    struct counting *c = (struct counting *)user;
    void *p;

    if (c->calls++ == c->fail_at || size > c->refuse_above)
        return NULL;
    p = malloc(size);
    if (p != NULL)
        c->outstanding++;
    return p;
}

static void count_release(void *ptr, void *user)
{
    struct counting *c = (struct counting *)user;

    c->outstanding--;
    free(ptr);
}

static void check_allocator(void)
{
    struct counting c;
    thermoai_allocator a;
    thermoai_ssa *plan;
    int i, rc, all = 1;

    a.alloc = count_alloc;
    a.release = count_release;
    a.user = &c;
    for (i = 0; i < 4; i++) {
        c.calls = 0;
        c.fail_at = i;
        c.outstanding = 0;
        c.refuse_above = SIZE_MAX;
        plan = (thermoai_ssa *)&c;
        rc = thermoai_ssa_create_ex(1000, 64, NULL, &a, &plan);
        if (i < c.calls) {
            tap_ok(rc == THERMOAI_E_NOMEM && plan == NULL && c.outstanding == 0,
                   "allocation %d of %d fails: E_NOMEM, plan NULL, nothing leaked", i + 1,
                   c.calls);
        } else {
            all = rc == THERMOAI_OK && c.outstanding > 0;
            thermoai_ssa_free(plan);
            tap_ok(all && c.outstanding == 0,
                   "create makes %d allocations; free releases them all", c.calls);
            break;
        }
    }
    c.calls = 0;
    c.fail_at = -1;
    c.outstanding = 0;
    c.refuse_above = (size_t)1 << 30;
    rc = thermoai_ssa_create_ex((size_t)1 << 28, 4096, NULL, &a, &plan);
    tap_ok(rc == THERMOAI_E_NOMEM && plan == NULL && c.outstanding == 0,
           "N = 2^28, d = 4096 (terabytes): E_NOMEM, nothing leaked");
    a.alloc = NULL;
    tap_ok(thermoai_ssa_create_ex(100, 8, NULL, &a, &plan) == THERMOAI_E_NULL && plan == NULL,
           "allocator without alloc -> E_NULL");
}

int main(void)
{
    check_params();
    check_dense_oracles();
    check_rows_sum_to_one();
    check_permutation();
    check_determinism();
    check_uneven_clusters();
    check_causal();
    check_accuracy();
    check_stats();
    check_bad_input();
    check_defects();
    check_routed();
    check_error_control();
    check_allocator();
    return tap_done();
}
