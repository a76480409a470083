/* SPDX-License-Identifier: MIT */
/*
 * The routed SSA variant (THERMOAI_SSA_ROUTED), the default.
 *
 * Per execution:
 * 1. Queries are projected and clustered (k-means, fast mode: plain k-means++ on a
 *    subset, Lloyd, every row assigned); keys are clustered into G groups the same way.
 * 2. Each query cluster c (one thread) scores its mean query against every key,
 *    exactly: s_cj = log2(e) q_c . k_j / sqrt(d). A key's selection score adds the
 *    cluster's spread, log2(e)/(2d) sum_t var_ct k_jt^2: the second-order term of the
 *    members' mean weight, log2 mean_i 2^(s_ij), so that keys the centroid ranks low
 *    but some members want still rank high (improved clustered attention keeps the
 *    top keys of the centroid; this keeps those of the cluster).
 * 3. The keys that carry ROUTED_MASS of that mass (at least ROUTED_MIN_KEYS, at most
 *    the budget s) are routed to the cluster: its queries attend to them exactly.
 * 4. The keys left out are summarised per group g: their mass at the centroid,
 *    Z_cg = sum 2^(s_cj), summed exactly from step 2, and their mean key and value.
 *    Query i adds one term per group with log weight log2 Z_cg + (q_i - q_c) . k_g
 *    scaled (a first-order tilt from the centroid to the query) and value v_g,
 *    in the same online softmax as the routed keys.
 * 5. Error check: rows drawn uniformly from those not yet exact are computed exactly
 *    (and kept: they are exact in the output); their squared errors give an estimate
 *    of ||Y - Y_exact||_F^2 over the remaining rows and a normal upper confidence
 *    bound (z = ROUTED_Z). Above the tolerance, the clusters of the rows that erred
 *    most are recomputed exactly, and a fresh draw checks again; after
 *    ROUTED_ROUNDS checks, or when exact rows would pass ROUTED_ALL_EXACT of n,
 *    every row is computed exactly.
 *
 * Every cluster and every tile of exact rows is computed by one thread in a fixed
 * order, and sums over rows run in row order: bit-identical at any thread count.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#ifdef THERMOAI_WITH_OPENMP
#  include <omp.h>
#endif

#include "attn_kernels.h"
#include "common/arrays.h"
#include "common/internal.h"
#include "common/rng.h"
#include "kmeans.h"
#include "ssa_internal.h"

#define ROUTED_MASS 0.95         /* share of the cluster's mass routed to it */
#define ROUTED_MIN_KEYS 32       /* at least this many keys routed (or all) */
#define ROUTED_OUTLIER 3.0       /* outlier: squared distance to the mean above 3 x the mean */
#define ROUTED_OUTLIER_MIN 4     /* ... in clusters of at least 4 members */
#define ROUTED_PER_CLUSTER 8     /* most check rows per cluster */
#define ROUTED_REST 0.3          /* rows with more of their mass on the summaries go exact */
#define ROUTED_STEPS 8           /* routing thresholds are powers of 2^(1/8) ... */
#define ROUTED_LOWEST 40         /* ... down to 2^-40 */
#define ROUTED_Z 2.0             /* the check's one-sided normal quantile (97.7 %) */
#define ROUTED_ROUNDS 3          /* most checks before every row goes exact */
#define ROUTED_ALL_EXACT 0.5     /* beyond this share of exact rows, all rows go exact */

/* ---- exact rows ------------------------------------------------------------------ */

/*
 * Exact attention of the rows tokens[0..count) against every key, four rows per
 * tile: into y[token] (out NULL) or into out[i] rows. Returns 1 if not finite.
 */
static int exact_tile(const thermoai_ssa *p, const uint32_t *tokens, size_t count, size_t t0,
                      const float *q, const float *v, float *y, float *out, float *scratch)
{
    const size_t d = p->d;
    const int rows = (int)(count - t0 < ATTN_TILE_ROWS ? count - t0 : ATTN_TILE_ROWS);
    struct attn_tile tile;
    size_t c;
    int r, bad = 0;

    tile.rows = rows;
    tile.d = d;
    tile.scale = (float)(THERMOAI__LOG2E / sqrt((double)d));
    for (r = 0; r < ATTN_TILE_ROWS; r++) {
        const size_t i = t0 + (size_t)(r < rows ? r : 0);

        tile.q[r] = q + (size_t)tokens[i] * d;
        tile.y[r] = out != NULL ? out + i * d : y + (size_t)tokens[i] * d;
        tile.m[r] = -INFINITY;
        tile.l[r] = 0.0f;
        tile.position[r] = tokens[i];
    }
    for (r = 0; r < rows; r++)
        memset(tile.y[r], 0, d * sizeof(float));
    thermoai__attn_tile_update(&p->kern, &tile, p->kpacked, ATTN_KSTRIDE(p->n), p->n, v, d, NULL,
                               NULL, scratch);
    for (r = 0; r < rows; r++) {
        const float inv = 1.0f / tile.l[r];

        for (c = 0; c < d; c++) {
            tile.y[r][c] *= inv;
            bad |= !isfinite(tile.y[r][c]);
        }
    }
    return bad;
}

static int exact_rows(thermoai_ssa *p, const uint32_t *tokens, size_t count, const float *q,
                      const float *v, float *y, float *out)
{
    const long tiles = (long)((count + ATTN_TILE_ROWS - 1) / ATTN_TILE_ROWS);
    long t;
    int bad = 0;

#ifdef THERMOAI_WITH_OPENMP
    if (p->threads > 1 && (double)count * (double)p->n * (double)p->d >= THERMOAI__PARALLEL_MIN_WORK) {
#  pragma omp parallel for schedule(static) num_threads(p->threads) default(none) \
      shared(p, tokens, count, q, v, y, out, tiles) reduction(| : bad)
        for (t = 0; t < tiles; t++)
            bad |= exact_tile(p, tokens, count, (size_t)t * ATTN_TILE_ROWS, q, v, y, out,
                              p->tb[omp_get_thread_num()].scores);
        return bad;
    }
#endif
    for (t = 0; t < tiles; t++)
        bad |= exact_tile(p, tokens, count, (size_t)t * ATTN_TILE_ROWS, q, v, y, out, p->tb[0].scores);
    return bad;
}

/* ---- one query cluster ---------------------------------------------------------- */

/*
 * The routing threshold: w holds 2^(selection score - top) of every key (group
 * order), total their sum. Returns the largest tau (a power of 2^(1/ROUTED_STEPS))
 * such that the keys with w >= tau hold ROUTED_MASS of the total, lowered until at
 * least ROUTED_MIN_KEYS are taken, raised until at most the budget are. Each trial
 * is one vector pass (bisection on the exponent).
 */
static float route_threshold(const thermoai_ssa *p, const float *w, float total)
{
    const size_t n = p->n, least = ROUTED_MIN_KEYS < n ? ROUTED_MIN_KEYS : n;
    int lo = 0, hi = ROUTED_LOWEST * ROUTED_STEPS, mid; /* exponents -e / ROUTED_STEPS */
    size_t count;
    float mass;

    /* the smallest e (largest tau) with enough mass and at least `least` keys */
    while (lo < hi) {
        mid = (lo + hi) / 2;
        mass = p->kern.mass_above(w, n, exp2f(-(float)mid / ROUTED_STEPS), &count);
        if (mass >= (float)ROUTED_MASS * total && count >= least)
            hi = mid;
        else
            lo = mid + 1;
    }
    (void)p->kern.mass_above(w, n, exp2f(-(float)lo / ROUTED_STEPS), &count);
    if (count > p->s) { /* over budget: the largest e that keeps at most the budget */
        int e0 = 0, e1 = lo;

        while (e0 < e1) {
            mid = (e0 + e1 + 1) / 2;
            (void)p->kern.mass_above(w, n, exp2f(-(float)mid / ROUTED_STEPS), &count);
            if (count <= p->s)
                e0 = mid;
            else
                e1 = mid - 1;
        }
        lo = e0;
    }
    return exp2f(-(float)lo / ROUTED_STEPS);
}

/* Mean and variance per dimension of the members of cluster c not marked outliers. */
static void moments(const thermoai_ssa *p, size_t c, const float *q, struct thermoai__ssa_thread *b,
                    float *cen, float *var)
{
    const size_t d = p->d, lo = p->offset[c], size = p->offset[c + 1] - lo;
    double *s1 = b->mom, *s2 = b->mom + d, count = 0.0;
    size_t i, t;

    memset(b->mom, 0, 2 * d * sizeof(double));
    for (i = 0; i < size; i++) {
        const uint32_t tok = p->order[lo + i];
        const float *qi = q + (size_t)tok * d;

        if (p->outlier[tok])
            continue;
        for (t = 0; t < d; t++) {
            s1[t] += (double)qi[t];
            s2[t] += (double)qi[t] * (double)qi[t];
        }
        count += 1.0;
    }
    for (t = 0; t < d; t++) {
        const double mean = s1[t] / count, vv = s2[t] / count - mean * mean;

        cen[t] = (float)mean;
        var[t] = (float)(vv > 0.0 ? vv : 0.0);
    }
}

/*
 * The centroid and spread of cluster c. Members whose squared distance to the mean
 * exceeds ROUTED_OUTLIER times the members' mean are marked outliers (p->outlier):
 * the centroid speaks for them worst, so they are computed exactly instead, and the
 * moments are taken again without them.
 */
static void cluster_moments(thermoai_ssa *p, size_t c, const float *q,
                            struct thermoai__ssa_thread *b, float *cen, float *var)
{
    const size_t d = p->d, lo = p->offset[c], size = p->offset[c + 1] - lo;
    double total = 0.0;
    size_t i, t, marked = 0;

    moments(p, c, q, b, cen, var);
    if (size < ROUTED_OUTLIER_MIN)
        return;
    for (i = 0; i < size; i++) {
        const float *qi = q + (size_t)p->order[lo + i] * d;
        double e = 0.0;

        for (t = 0; t < d; t++)
            e += ((double)qi[t] - (double)cen[t]) * ((double)qi[t] - (double)cen[t]);
        total += e;
    }
    for (i = 0; i < size; i++) {
        const uint32_t tok = p->order[lo + i];
        const float *qi = q + (size_t)tok * d;
        double e = 0.0;

        for (t = 0; t < d; t++)
            e += ((double)qi[t] - (double)cen[t]) * ((double)qi[t] - (double)cen[t]);
        if (e > ROUTED_OUTLIER * total / (double)size) {
            p->outlier[tok] = 1;
            marked++;
        }
    }
    if (marked > 0)
        moments(p, c, q, b, cen, var);
}

/*
 * Queries of cluster c, given the centroid's scores of every key (sc) and the
 * selection scores (sel_sc), both in group order and both destroyed; returns 1 when
 * an output is not finite.
 */
static int routed_cluster(thermoai_ssa *p, size_t c, const float *q, const float *k,
                          const float *v, float *y, struct thermoai__ssa_thread *b,
                          const float *cen, float *sc, float *sel_sc, double *pairs,
                          double *terms)
{
    const size_t n = p->n, d = p->d, G = p->groups, lo = p->offset[c];
    const size_t kwg = ATTN_KWIDTH(G);
    const float scale = (float)(THERMOAI__LOG2E / sqrt((double)d));
    static const float minus_one = -1.0f;
    uint32_t *members = b->inliers;
    size_t size = 0;
    float top, tau, total;
    size_t i, j, t, g, routed = 0, used = 0, t0, touched = 0;
    int bad = 0, r;

    for (i = lo; i < p->offset[c + 1]; i++) /* the members not computed exactly */
        if (!p->outlier[p->order[i]])
            members[size++] = p->order[i];
    /* routing: the keys whose selection weight reaches the threshold, in group order */
    top = p->kern.max(sel_sc, n);
    total = p->kern.exp2_shift(sel_sc, n, top);
    tau = route_threshold(p, sel_sc, total);
    /* each group's mass at the centroid (routed keys taken out below) */
    top = p->kern.max(sc, n);
    (void)p->kern.exp2_shift(sc, n, top); /* 2^(s - top), in place */
    for (g = 0; g < G; g++) {
        size_t cnt;

        b->gz[g] = (double)p->kern.mass_above(sc + p->goff[g], p->goff[g + 1] - p->goff[g], 0.0f, &cnt);
        b->gn[g] = 0;
    }
    for (g = 0; g < G; g++)
        for (j = p->goff[g]; j < p->goff[g + 1]; j++) {
            uint32_t key;

            if (!(sel_sc[j] >= tau) || routed == p->s)
                continue;
            key = p->korder[j];
            b->sel[routed++] = key;
            b->gz[g] -= (double)sc[j];
            if (b->gn[g]++ == 0) { /* first routed key of the group */
                memset(b->gk + g * d, 0, d * sizeof(float));
                memset(b->gv + g * d, 0, d * sizeof(float));
                b->touched[touched++] = (uint32_t)g;
            }
            p->kern.gather_accumulate(b->gk + g * d, &minus_one, k, &key, 1, d);
            p->kern.gather_accumulate(b->gv + g * d, &minus_one, v, &key, 1, d);
        }
    (void)touched;
    /* one summary per group of the keys not routed: mean key and value, and the log
     * weight that makes query i's score log2 Z_cg + top + (q_i - q_c) . k_g scale */
    for (g = 0; g < G; g++) {
        const size_t cnt = p->goff[g + 1] - p->goff[g] - b->gn[g];
        float *kr = b->svals + used * d, *vr = b->pvals + used * d, inv;
        double dot = 0.0;

        if (cnt == 0 || !(b->gz[g] > 0.0))
            continue;
        inv = 1.0f / (float)cnt;
        for (t = 0; t < d; t++) {
            const float sk = p->gsum_kf[g * d + t] + (b->gn[g] ? b->gk[g * d + t] : 0.0f);
            const float sv = p->gsum_vf[g * d + t] + (b->gn[g] ? b->gv[g * d + t] : 0.0f);

            kr[t] = sk * inv;
            vr[t] = sv * inv;
            dot += (double)cen[t] * (double)kr[t];
        }
        b->pbias[used] = (float)(log2(b->gz[g]) + (double)top - (double)scale * dot);
        used++;
    }
    thermoai__attn_pack(b->svals, NULL, used, d, d, b->pkeys, kwg);
    for (j = used; j < kwg; j++)
        b->pbias[j] = 0.0f;
    /* the routed keys packed, their values in order */
    thermoai__attn_pack(k, b->sel, routed, d, d, b->skeys, ATTN_KWIDTH(routed));
    for (j = 0; j < routed; j++)
        memcpy(b->svals + j * d, v + (size_t)b->sel[j] * d, d * sizeof(float));
    for (t0 = 0; t0 < size; t0 += ATTN_TILE_ROWS) {
        struct attn_tile tile;
        const int rows = (int)(size - t0 < ATTN_TILE_ROWS ? size - t0 : ATTN_TILE_ROWS);

        tile.rows = rows;
        tile.d = d;
        tile.scale = scale;
        for (r = 0; r < ATTN_TILE_ROWS; r++) {
            const uint32_t tok = members[t0 + (size_t)(r < rows ? r : 0)];

            tile.q[r] = q + (size_t)tok * d;
            tile.y[r] = y + (size_t)tok * d;
            tile.m[r] = -INFINITY;
            tile.l[r] = 0.0f;
            tile.position[r] = tok;
        }
        for (r = 0; r < rows; r++)
            memset(tile.y[r], 0, d * sizeof(float));
        thermoai__attn_tile_update(&p->kern, &tile, b->skeys, ATTN_KWIDTH(routed), routed, b->svals,
                                   d, NULL, NULL, b->scores);
        if (used > 0) {
            float m0[ATTN_TILE_ROWS], l0[ATTN_TILE_ROWS];

            memcpy(m0, tile.m, sizeof m0);
            memcpy(l0, tile.l, sizeof l0);
            thermoai__attn_tile_update(&p->kern, &tile, b->pkeys, kwg, used, b->pvals, d, b->pbias,
                                       NULL, b->scores);
            /* a row that puts more than ROUTED_REST of its mass on the summaries is
             * one the routing missed: it goes exact */
            for (r = 0; r < rows; r++) {
                const float kept = l0[r] * exp2f(m0[r] - tile.m[r]);

                if (!(kept >= (1.0f - (float)ROUTED_REST) * tile.l[r]))
                    p->outlier[tile.position[r]] = 1;
            }
        }
        for (r = 0; r < rows; r++) {
            const float inv = 1.0f / tile.l[r];

            for (i = 0; i < d; i++) {
                tile.y[r][i] *= inv;
                bad |= !isfinite(tile.y[r][i]);
            }
        }
    }
    *pairs += (double)(size * routed);
    *terms += (double)(size * used);
    return bad;
}

/*
 * Up to ROUTED_BATCH clusters cl[0..count) together: their centroids score every key,
 * chunk by chunk, four centroids per kernel call, so that each chunk of the packed
 * keys is read once from memory for the whole batch; then each cluster is routed
 * and attended. The bits do not depend on the batching (every score is the same
 * FMA chain in a call of one or of four rows).
 */
static int routed_batch(thermoai_ssa *p, const size_t *cl, int count, const float *q,
                        const float *k, const float *v, float *y, struct thermoai__ssa_thread *b,
                        double *pairs, double *terms)
{
    const size_t n = p->n, d = p->d, kw = ATTN_KSTRIDE(n), kwn = ATTN_KWIDTH(n);
    const float scale = (float)(THERMOAI__LOG2E / sqrt((double)d));
    const float spread = (float)(THERMOAI__LOG2E / (2.0 * (double)d));
    const float *cq[ATTN_TILE_ROWS], *vq[ATTN_TILE_ROWS];
    size_t j, i;
    int r, r0, rows, bad = 0;

    for (r = 0; r < count; r++)
        cluster_moments(p, cl[r], q, b, b->cen + (size_t)r * d, b->var + (size_t)r * d);
    for (j = 0; j < n; j += ATTN_KCHUNK) {
        const size_t nj = n - j < ATTN_KCHUNK ? n - j : ATTN_KCHUNK;

        for (r0 = 0; r0 < count; r0 += ATTN_TILE_ROWS) {
            rows = count - r0 < ATTN_TILE_ROWS ? count - r0 : ATTN_TILE_ROWS;
            for (r = 0; r < ATTN_TILE_ROWS; r++) {
                cq[r] = b->cen + (size_t)(r0 + (r < rows ? r : 0)) * d;
                vq[r] = b->var + (size_t)(r0 + (r < rows ? r : 0)) * d;
            }
            p->kern.scores(rows, cq, p->kgpacked, kw, j, nj, d, scale, b->scores);
            for (r = 0; r < rows; r++)
                memcpy(b->rscore + (size_t)(r0 + r) * kwn + j, b->scores + (size_t)r * ATTN_KCHUNK,
                       nj * sizeof(float));
            p->kern.scores(rows, vq, p->k2packed, kw, j, nj, d, spread, b->scores);
            for (r = 0; r < rows; r++) {
                const float *a = b->rscore + (size_t)(r0 + r) * kwn + j;
                const float *sp = b->scores + (size_t)r * ATTN_KCHUNK;
                float *o = b->rspread + (size_t)(r0 + r) * kwn + j;

                for (i = 0; i < nj; i++)
                    o[i] = a[i] + sp[i];
            }
        }
    }
    for (r = 0; r < count; r++)
        bad |= routed_cluster(p, cl[r], q, k, v, y, b, b->cen + (size_t)r * d,
                              b->rscore + (size_t)r * kwn, b->rspread + (size_t)r * kwn, pairs,
                              terms);
    return bad;
}

/* The approximated clusters among those owned by `tid` of `nth`, in batches. */
static int routed_owned(thermoai_ssa *p, uint32_t tid, uint32_t nth, const float *q,
                        const float *k, const float *v, float *y, struct thermoai__ssa_thread *b,
                        double *pairs, double *terms)
{
    size_t c, cl[ROUTED_BATCH];
    int count = 0, bad = 0;

    for (c = 0; c < p->k; c++) {
        if (p->owner[c] % nth != tid || p->exact[c] || p->offset[c + 1] == p->offset[c])
            continue;
        cl[count++] = c;
        if (count == ROUTED_BATCH) {
            bad |= routed_batch(p, cl, count, q, k, v, y, b, pairs, terms);
            count = 0;
        }
    }
    if (count > 0)
        bad |= routed_batch(p, cl, count, q, k, v, y, b, pairs, terms);
    return bad;
}

/* The exact rows of cluster c, if it is marked exact. */
static int exact_cluster(thermoai_ssa *p, size_t c, const float *q, const float *v, float *y,
                         struct thermoai__ssa_thread *b)
{
    const size_t lo = p->offset[c], size = p->offset[c + 1] - lo;
    size_t t0;
    int bad = 0;

    if (p->exact[c] != 2) /* 2: to compute; 1: done */
        return 0;
    for (t0 = 0; t0 < size; t0 += ATTN_TILE_ROWS)
        bad |= exact_tile(p, p->order + lo, size, t0, q, v, y, NULL, b->scores);
    p->exact[c] = 1;
    return bad;
}

#ifdef THERMOAI_WITH_OPENMP
/* Contiguous runs of clusters of about equal cost per thread (as balance_clusters). */
static void balance(thermoai_ssa *p, int threads, int exact_only)
{
    double total = 0.0, before = 0.0;
    size_t c;

    for (c = 0; c < p->k; c++) {
        const double size = (double)(p->offset[c + 1] - p->offset[c]);

        total += exact_only ? (p->exact[c] == 2 ? size : 0.0) : 2.0 * (double)p->n + size * (double)p->s;
    }
    for (c = 0; c < p->k; c++) {
        const double size = (double)(p->offset[c + 1] - p->offset[c]);
        const double cost = exact_only ? (p->exact[c] == 2 ? size : 0.0)
                                       : 2.0 * (double)p->n + size * (double)p->s;
        const double at = total > 0.0 ? (before + 0.5 * cost) / total * (double)threads : 0.0;

        p->owner[c] = at < (double)(threads - 1) ? (uint32_t)at : (uint32_t)(threads - 1);
        before += cost;
    }
}
#endif

/* Every cluster (exact_only: the exact ones). Returns 1 when an output is not finite. */
static int all_clusters(thermoai_ssa *p, const float *q, const float *k, const float *v, float *y,
                        int exact_only, double *pairs, double *terms)
{
    double pr = 0.0, tm = 0.0;
    size_t c;
    int bad = 0;

#ifdef THERMOAI_WITH_OPENMP
    if (p->threads > 1
        && (double)p->n * ((double)p->k + (double)p->s) * (double)p->d >= THERMOAI__PARALLEL_MIN_WORK) {
        balance(p, p->threads, exact_only);
#  pragma omp parallel num_threads(p->threads) default(none) shared(p, q, k, v, y, exact_only) \
      private(c) reduction(+ : pr, tm) reduction(| : bad)
        {
            const uint32_t tid = (uint32_t)omp_get_thread_num(), nth = (uint32_t)omp_get_num_threads();

            if (exact_only) {
                for (c = 0; c < p->k; c++)
                    if (p->owner[c] % nth == tid)
                        bad |= exact_cluster(p, c, q, v, y, &p->tb[tid]);
            } else {
                bad |= routed_owned(p, tid, nth, q, k, v, y, &p->tb[tid], &pr, &tm);
            }
        }
    } else
#endif
    {
        if (exact_only) {
            for (c = 0; c < p->k; c++)
                bad |= exact_cluster(p, c, q, v, y, &p->tb[0]);
        } else {
            memset(p->owner, 0, p->k * sizeof *p->owner);
            bad |= routed_owned(p, 0, 1, q, k, v, y, &p->tb[0], &pr, &tm);
        }
    }
    *pairs += pr;
    *terms += tm;
    return bad;
}

/* ---- the error check ---------------------------------------------------------------- */

/* The non-empty clusters not computed exactly, ascending, into p->pool; returns how many. */
static size_t fill_pool(thermoai_ssa *p)
{
    size_t c, count = 0;

    size_t i;

    for (c = 0; c < p->k; c++)
        if (!p->exact[c])
            for (i = p->offset[c]; i < p->offset[c + 1]; i++)
                if (!p->outlier[p->order[i]]) {
                    p->pool[count++] = (uint32_t)c;
                    break;
                }
    return count;
}

/*
 * One check's rows, a stratified draw: when the budget covers the `size` pool
 * clusters, per = checks / size (at most ROUTED_PER_CLUSTER) distinct rows of every
 * one of them, so that a cluster whose rows went wrong is seen; otherwise `checks`
 * clusters drawn uniformly, one row each. Rows are uniform among the cluster's rows
 * that are approximated (Floyd on their ranks). Fills p->check (rows), p->cstr (their
 * stratum), p->pool[0..strata) (the strata's clusters) and p->csize (their sizes);
 * returns the number of rows.
 */
static size_t draw_rows(thermoai_ssa *p, size_t size, unsigned round, size_t *strata)
{
    uint64_t rng = thermoai__rng_stream(p->seed, thermoai__rng_stream_id(THERMOAI__RNG_SSA_CHECK, round));
    size_t per = p->checks / size, count = size, j, r, drawn = 0, rows = 0;

    if (per > ROUTED_PER_CLUSTER)
        per = ROUTED_PER_CLUSTER;
    if (per == 0) { /* fewer rows than clusters: a uniform set of clusters, one row each */
        per = 1;
        count = p->checks;
        memset(p->cbits, 0, (size + 63) / 64 * sizeof *p->cbits);
        for (j = size - count; j < size; j++) {
            r = (size_t)thermoai__rng_below(&rng, (uint64_t)j + 1);
            if (p->cbits[r / 64] >> (r % 64) & 1u)
                r = j;
            p->cbits[r / 64] |= UINT64_C(1) << (r % 64);
        }
        for (r = 0; r < size && drawn < count; r++)
            if (p->cbits[r / 64] >> (r % 64) & 1u)
                p->pool[drawn++] = p->pool[r]; /* r >= drawn: in place */
    }
    for (j = 0; j < count; j++) {
        const size_t c = p->pool[j], lo = p->offset[c], hi = p->offset[c + 1];
        size_t inl = 0, i, want, u, rank;
        uint32_t picks[ROUTED_PER_CLUSTER];

        for (i = lo; i < hi; i++)
            inl += !p->outlier[p->order[i]];
        want = per < inl ? per : inl;
        for (u = 0; u < want; u++) { /* Floyd over the ranks, by rejection on the few picked */
            size_t x, w;
            int seen;

            rank = inl - want + u;
            x = (size_t)thermoai__rng_below(&rng, (uint64_t)rank + 1);
            for (seen = 0, w = 0; w < u; w++)
                seen |= picks[w] == (uint32_t)x;
            picks[u] = (uint32_t)(seen ? rank : x);
        }
        for (u = 0; u < want; u++) { /* ranks among the approximated members -> rows */
            size_t left = picks[u];

            for (i = lo; i < hi; i++)
                if (!p->outlier[p->order[i]] && left-- == 0)
                    break;
            p->check[rows] = p->order[i];
            p->cstr[rows++] = (uint32_t)j;
        }
        p->csize[j] = (double)inl;
    }
    *strata = count;
    return rows;
}

int thermoai__ssa_routed_execute(thermoai_ssa *p, const float *q, const float *k, const float *v,
                                 float *y)
{
    const size_t n = p->n, d = p->d, G = p->groups, kw = ATTN_KSTRIDE(n);
    struct kmeans_result kr, kg;
    double t0, t1, t2, t3, pairs = 0.0, terms = 0.0, estimate = 0.0, bound = 0.0, exact_count = 0.0;
    const unsigned iterations = p->iterations;

    size_t i, t, c, outliers;
    unsigned round = 0;
    uint32_t fallback = 0;
    int bad = 0;

    t0 = thermoai__ssa_now(p);
    thermoai__ssa_project(p, q, p->qproj);
    thermoai__ssa_project(p, k, p->kproj);
    /* every key packed in token order (the exact rows) */
    thermoai__attn_pack(k, NULL, n, d, d, p->kpacked, kw);
    t1 = thermoai__ssa_now(p);
    thermoai__kmeans(&p->kern, p->kproj, n, p->m, G, iterations, p->seed ^ 0x67726f7570u, p->threads,
                     1, &p->km, p->kgroup, &kg);
    memset(p->gsum_k, 0, G * d * sizeof(double));
    memset(p->gsum_v, 0, G * d * sizeof(double));
    memset(p->gcount, 0, G * sizeof(uint32_t));
    for (i = 0; i < n; i++) { /* token order: the same sums at any thread count */
        const size_t g = p->kgroup[i];

        for (t = 0; t < d; t++) {
            p->gsum_k[g * d + t] += (double)k[i * d + t];
            p->gsum_v[g * d + t] += (double)v[i * d + t];
        }
        p->gcount[g]++;
    }
    for (i = 0; i < G * d; i++) {
        p->gsum_kf[i] = (float)p->gsum_k[i];
        p->gsum_vf[i] = (float)p->gsum_v[i];
    }
    /* the keys in group order (stable counting sort), packed, and squared */
    memset(p->goff, 0, (G + 1) * sizeof *p->goff);
    for (i = 0; i < n; i++)
        p->goff[p->kgroup[i] + 1]++;
    for (i = 0; i < G; i++)
        p->goff[i + 1] += p->goff[i];
    for (i = 0; i < G; i++)
        p->gcount[i] = (uint32_t)p->goff[i]; /* fill pointers, then counts again */
    for (i = 0; i < n; i++)
        p->korder[p->gcount[p->kgroup[i]]++] = (uint32_t)i;
    for (i = 0; i < G; i++)
        p->gcount[i] = (uint32_t)(p->goff[i + 1] - p->goff[i]);
    thermoai__attn_pack(k, p->korder, n, d, d, p->kgpacked, kw);
    for (t = 0; t < d; t++)
        for (i = 0; i < kw; i++) {
            const float x = p->kgpacked[t * kw + i];

            p->k2packed[t * kw + i] = x * x;
        }
    thermoai__kmeans(&p->kern, p->qproj, n, p->m, p->k, iterations, p->seed, p->threads, 1, &p->km,
                     p->assign, &kr);
    thermoai__ssa_sort_clusters(p);
    t2 = thermoai__ssa_now(p);
    memset(p->exact, 0, p->k * sizeof(uint32_t));
    memset(p->outlier, 0, n);
    bad |= all_clusters(p, q, k, v, y, 0, &pairs, &terms);
    /* the outliers exactly, in token order */
    for (i = 0, outliers = 0; i < n; i++)
        if (p->outlier[i])
            p->outl[outliers++] = (uint32_t)i;
    bad |= exact_rows(p, p->outl, outliers, q, v, y, NULL);

    /* the error check, on fresh rows each round */
    memset(p->tb[0].bitmap, 0, (n + 63) / 64 * sizeof(uint64_t)); /* rows drawn */
    while (!bad && p->tolerance >= 0.0) {
        const size_t pool = fill_pool(p);
        double yy_exact = 0.0, yy_pool = 0.0, e_drawn = 0.0, tot = 0.0, var = 0.0, yy, limit, scale_up;
        double b_sum = 0.0, b_sq = 0.0;
        size_t rows_exact = 0, added = 0, r, strata, h, i0;

        if (pool == 0)
            break;
        round++;
        r = draw_rows(p, pool, round - 1, &strata);
        bad |= exact_rows(p, p->check, r, q, v, y, p->ycheck);
        for (i = 0; i < r; i++) { /* each drawn row's squared error and norm, in draw order */
            const float *ya = y + (size_t)p->check[i] * d, *ye = p->ycheck + i * d;
            double e = 0.0, sq = 0.0;

            for (t = 0; t < d; t++) {
                e += ((double)ya[t] - (double)ye[t]) * ((double)ya[t] - (double)ye[t]);
                sq += (double)ye[t] * (double)ye[t];
            }
            p->cerr[i] = e;
            p->cerr[p->checks + i] = sq;
            e_drawn += e;
            /* the drawn row is exact from now on */
            memcpy(y + (size_t)p->check[i] * d, ye, d * sizeof(float));
            p->tb[0].bitmap[p->check[i] / 64] |= UINT64_C(1) << (p->check[i] % 64);
        }
        /* per stratum: mean squared error and norm of its drawn rows, scaled to its size */
        for (h = 0, i0 = 0; h < strata; h++) {
            size_t i1 = i0, m;
            double me = 0.0, my = 0.0, ve = 0.0;

            while (i1 < r && p->cstr[i1] == h)
                i1++;
            m = i1 - i0;
            for (i = i0; i < i1; i++) {
                me += p->cerr[i];
                my += p->cerr[p->checks + i];
            }
            me /= (double)m;
            my /= (double)m;
            for (i = i0; i < i1; i++)
                ve += (p->cerr[i] - me) * (p->cerr[i] - me);
            tot += p->csize[h] * me;
            yy_pool += p->csize[h] * my;
            if (m > 1) /* within the stratum, finite-population corrected */
                var += p->csize[h] * p->csize[h] * ve / (double)(m - 1) / (double)m
                       * (1.0 - (double)m / p->csize[h]);
            b_sum += p->csize[h] * me;
            b_sq += p->csize[h] * me * p->csize[h] * me;
            i0 = i1;
        }
        if (strata < pool || r == strata) { /* one row per stratum, or a sample of strata:
                                              the spread between strata stands in */
            const double mean = b_sum / (double)strata;
            const double vb = strata > 1 ? (b_sq - (double)strata * mean * mean) / (double)(strata - 1)
                                         : mean * mean;

            var += (double)pool * (double)pool * (vb > 0.0 ? vb : 0.0) / (double)strata;
        }
        for (c = 0; c < p->k; c++) /* the exact rows (clusters, outliers), known exactly */
            for (i = p->offset[c]; i < p->offset[c + 1]; i++) {
                const float *ye = y + (size_t)p->order[i] * d;

                if (!p->exact[c] && !p->outlier[p->order[i]])
                    continue;
                for (t = 0; t < d; t++)
                    yy_exact += (double)ye[t] * (double)ye[t];
                rows_exact++;
            }
        scale_up = (double)pool / (double)strata;
        yy = yy_exact + scale_up * yy_pool;
        estimate = scale_up * tot - e_drawn;
        estimate = estimate > 0.0 ? estimate : 0.0;
        bound = estimate + ROUTED_Z * sqrt(var);
        estimate = yy > 0.0 ? sqrt(estimate / yy) : 0.0;
        bound = yy > 0.0 ? sqrt(bound / yy) : 0.0;
        if (bound <= p->tolerance)
            break;
        /* too large: the clusters of the drawn rows whose squared error is above a
         * quarter of the tolerated mean go exact, and fresh rows check again */
        fallback = 1;
        limit = p->tolerance * p->tolerance * yy / (double)n / 4.0;
        for (i = 0; i < r; i++) {
            c = p->pool[p->cstr[i]];
            if (p->cerr[i] > limit && !p->exact[c]) {
                p->exact[c] = 2;
                added += p->offset[c + 1] - p->offset[c];
            }
        }
        if (added == 0 || round >= ROUTED_ROUNDS
            || (double)(rows_exact + added) > ROUTED_ALL_EXACT * (double)n) {
            for (c = 0; c < p->k; c++)
                p->exact[c] = p->exact[c] ? p->exact[c] : 2;
            fallback = 2;
        }
        bad |= all_clusters(p, q, k, v, y, 1, &pairs, &terms);
        if (fallback == 2) {
            estimate = bound = 0.0;
            break;
        }
    }
    for (c = 0; c < p->k; c++)
        if (p->exact[c])
            for (i = p->offset[c]; i < p->offset[c + 1]; i++)
                p->tb[0].bitmap[p->order[i] / 64] |= UINT64_C(1) << (p->order[i] % 64);
    for (i = 0; i < outliers; i++)
        p->tb[0].bitmap[p->outl[i] / 64] |= UINT64_C(1) << (p->outl[i] % 64);
    for (i = 0; i < n; i++)
        exact_count += (double)(p->tb[0].bitmap[i / 64] >> (i % 64) & 1u);
    t3 = thermoai__ssa_now(p);
    p->executed = 1;
    p->stats.empty_clusters = kr.empty;
    p->stats.kmeans_objective = kr.objective;
    p->stats.kmeans_iterations = kr.iterations;
    p->stats.projection_s = t1 - t0;
    p->stats.clustering_s = t2 - t1;
    p->stats.attention_s = t3 - t2;
    p->stats.exact_pairs = pairs + exact_count * (double)n;
    p->stats.centroid_terms = terms;
    p->stats.error_estimate = p->tolerance >= 0.0 ? estimate : (double)NAN;
    p->stats.error_bound = p->tolerance >= 0.0 ? bound : (double)NAN;
    p->stats.exact_rows = exact_count;
    p->stats.routed_keys = pairs / (double)n;
    p->stats.fallback = fallback;
    p->stats.check_rounds = round;
    (void)kg;
    if (bad) {
        thermoai__fill_nan(y, n * d);
        return THERMOAI_E_RANGE;
    }
    return THERMOAI_OK;
}
