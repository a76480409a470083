/* SPDX-License-Identifier: MIT */
/* Lloyd's k-means, with the attention score kernel computing x . c. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#ifdef THERMOAI_WITH_OPENMP
#  include <omp.h>
#endif

#include "kmeans.h"
#include "common/rng.h"

static void pack_centroids(const struct kmeans_buffers *b, size_t k, size_t m)
{
    const size_t kw = ATTN_KWIDTH(k);
    size_t c, t;

    thermoai__attn_pack(b->centroids, NULL, k, m, m, b->packed, kw);
    for (c = 0; c < kw; c++) {
        double s = 0.0;

        if (c < k)
            for (t = 0; t < m; t++)
                s += (double)b->centroids[c * m + t] * (double)b->centroids[c * m + t];
        b->norms[c] = (float)s;
    }
}

/* Nearest centres of rows [i0, i0 + rows): |c|^2 - 2 x.c, the lower index on ties.
 * Returns how many assignments changed. */
static size_t assign_tile(const struct attn_kernels *kern, const float *x, size_t i0, int rows,
                          size_t m, size_t k, const struct kmeans_buffers *b, float *scratch,
                          uint32_t *assign)
{
    const float *q[ATTN_TILE_ROWS];
    float best[ATTN_TILE_ROWS];
    uint32_t arg[ATTN_TILE_ROWS];
    const size_t kw = ATTN_KWIDTH(k);
    size_t j0, changed = 0;
    int r;

    for (r = 0; r < ATTN_TILE_ROWS; r++) {
        q[r] = x + (i0 + (size_t)(r < rows ? r : 0)) * m;
        best[r] = INFINITY;
        arg[r] = 0;
    }
    for (j0 = 0; j0 < k; j0 += ATTN_KCHUNK) {
        const size_t nj = k - j0 < ATTN_KCHUNK ? k - j0 : ATTN_KCHUNK;

        kern->scores(rows, q, b->packed, kw, j0, nj, m, 1.0f, scratch);
        for (r = 0; r < rows; r++) {
            float dist;
            const size_t j = kern->argmin_dist(scratch + (size_t)r * ATTN_KCHUNK, b->norms + j0, nj,
                                               &dist);

            if (dist < best[r]) {
                best[r] = dist;
                arg[r] = (uint32_t)(j0 + j);
            }
        }
    }
    for (r = 0; r < rows; r++) {
        changed += assign[i0 + (size_t)r] != arg[r];
        assign[i0 + (size_t)r] = arg[r];
    }
    return changed;
}

/* Assigns every row; returns how many assignments changed. */
static size_t assign_all(const struct attn_kernels *kern, const float *x, size_t n, size_t m,
                         size_t k, int threads, const struct kmeans_buffers *b, uint32_t *assign)
{
    const long tiles = (long)((n + ATTN_TILE_ROWS - 1) / ATTN_TILE_ROWS);
    size_t changed = 0;
    long t;

    (void)threads;
#ifdef THERMOAI_WITH_OPENMP
    if (threads > 1 && (double)n * (double)k * (double)m >= THERMOAI__PARALLEL_MIN_WORK) {
#  pragma omp parallel for schedule(static) num_threads(threads) default(none) \
      shared(kern, x, n, m, k, b, assign, tiles) reduction(+ : changed)
        for (t = 0; t < tiles; t++) {
            const size_t i0 = (size_t)t * ATTN_TILE_ROWS;

            changed += assign_tile(kern, x, i0,
                                   (int)(n - i0 < ATTN_TILE_ROWS ? n - i0 : ATTN_TILE_ROWS), m, k,
                                   b, b->scratch + (size_t)omp_get_thread_num() * ATTN_SCRATCH_FLOATS,
                                   assign);
        }
        return changed;
    }
#endif
    /* small problems run here, without waking a team (see THERMOAI__PARALLEL_MIN_WORK) */
    for (t = 0; t < tiles; t++) {
        const size_t i0 = (size_t)t * ATTN_TILE_ROWS;

        changed += assign_tile(kern, x, i0, (int)(n - i0 < ATTN_TILE_ROWS ? n - i0 : ATTN_TILE_ROWS),
                               m, k, b, b->scratch, assign);
    }
    return changed;
}

size_t thermoai__kmeans_seed_rows(size_t n, size_t k)
{
    size_t rows = KMEANS_SEED_ROWS_MIN;

    if (k <= SIZE_MAX / KMEANS_SEED_ROWS_PER_CLUSTER && k * KMEANS_SEED_ROWS_PER_CLUSTER > rows)
        rows = k * KMEANS_SEED_ROWS_PER_CLUSTER;
    return rows < n ? rows : n;
}

size_t thermoai__kmeans_trials(size_t k)
{
    size_t t = 2 + (size_t)log((double)k);

    return t > KMEANS_TRIALS_MAX ? KMEANS_TRIALS_MAX : t;
}

/* Squared distances of rows [lo, hi) to the `tried` candidates in centroid slots
 * c .. c + tried: |x|^2 + |c|^2 - 2 x.c, >= 0. The candidates are the queries
 * and the packed rows the keys, so one kernel call covers ATTN_KCHUNK rows. */
static void candidate_rows(const struct attn_kernels *kern, size_t n, size_t lo, size_t hi, size_t m,
                           size_t c, size_t tried, const struct kmeans_buffers *b, float *scratch)
{
    const size_t kw = ATTN_KSTRIDE(n);
    size_t i, j0, jj;
    int r;

    for (i = lo; i < hi; i += ATTN_KCHUNK) {
        const size_t nj = hi - i < ATTN_KCHUNK ? hi - i : ATTN_KCHUNK;

        for (j0 = 0; j0 < tried; j0 += ATTN_TILE_ROWS) {
            const int rows = (int)(tried - j0 < ATTN_TILE_ROWS ? tried - j0 : ATTN_TILE_ROWS);
            const float *q[ATTN_TILE_ROWS];

            for (r = 0; r < ATTN_TILE_ROWS; r++)
                q[r] = b->centroids + (c + j0 + (size_t)(r < rows ? r : 0)) * m;
            kern->scores(rows, q, b->xpacked, kw, i, nj, m, 1.0f, scratch);
            for (r = 0; r < rows; r++) {
                const float *sc = scratch + (size_t)r * ATTN_KCHUNK, norm = b->norms[j0 + (size_t)r];
                float *dist = b->trial_dist + (j0 + (size_t)r) * n + i;

                for (jj = 0; jj < nj; jj++) {
                    const float dd = b->xnorm[i + jj] + norm - 2.0f * sc[jj];

                    dist[jj] = dd > 0.0f ? dd : 0.0f;
                }
            }
        }
    }
}

/*
 * One block of rows for seeding step c: folds the previous step's winner
 * into mindist, computes the distances to the `tried` candidates and each
 * candidate's block potential, sum over the rows of min(mindist, distance).
 */
static void seed_block(const struct attn_kernels *kern, size_t n, size_t m, size_t c,
                       size_t tried, size_t prev_best, int first, size_t block,
                       const struct kmeans_buffers *b, float *scratch)
{
    const size_t lo = block * KMEANS_BLOCK, hi = lo + KMEANS_BLOCK < n ? lo + KMEANS_BLOCK : n;
    size_t i, j;

    if (!first)
        for (i = lo; i < hi; i++) {
            const float dist = b->trial_dist[prev_best * n + i];

            if (dist < b->mindist[i])
                b->mindist[i] = dist;
        }
    candidate_rows(kern, n, lo, hi, m, c, tried, b, scratch);
    for (j = 0; j < tried; j++) {
        const float *dist = b->trial_dist + j * n, *mind = b->mindist;
        double p0 = 0.0, p1 = 0.0, p2 = 0.0, p3 = 0.0; /* in registers: four independent chains */

        for (i = lo; i + 4 <= hi; i += 4) { /* four partial sums, combined in a fixed order */
            p0 += (double)(dist[i] < mind[i] ? dist[i] : mind[i]);
            p1 += (double)(dist[i + 1] < mind[i + 1] ? dist[i + 1] : mind[i + 1]);
            p2 += (double)(dist[i + 2] < mind[i + 2] ? dist[i + 2] : mind[i + 2]);
            p3 += (double)(dist[i + 3] < mind[i + 3] ? dist[i + 3] : mind[i + 3]);
        }
        for (; i < hi; i++)
            p0 += (double)(dist[i] < mind[i] ? dist[i] : mind[i]);
        b->block_sum[j * ((n + KMEANS_BLOCK - 1) / KMEANS_BLOCK) + block] = (p0 + p1) + (p2 + p3);
    }
}

/* A row drawn with probability proportional to min(mindist, trial_dist[best]): the
 * block by its potential, then the row by a walk in row order. */
static size_t draw_row(size_t n, size_t best, double u, const struct kmeans_buffers *b)
{
    const size_t blocks = (n + KMEANS_BLOCK - 1) / KMEANS_BLOCK;
    const double *pot = b->block_sum + best * blocks;
    size_t blk, i, last = n;

    for (blk = 0; blk + 1 < blocks && u >= pot[blk]; blk++)
        u -= pot[blk];
    for (i = blk * KMEANS_BLOCK; i < n && i < (blk + 1) * KMEANS_BLOCK; i++) {
        const float dist = b->trial_dist[best * n + i];
        const float w = dist < b->mindist[i] ? dist : b->mindist[i];

        if (w > 0.0f) {
            last = i;
            if (u < (double)w)
                return i;
            u -= (double)w;
        }
    }
    return last < n ? last : blk * KMEANS_BLOCK; /* rounding ran past the end */
}

/*
 * Greedy k-means++ seeding (Arthur and Vassilvitskii 2007; the greedy form of
 * scikit-learn): the first centre is a uniform row; each further step draws
 * 2 + ln k candidate rows with probability proportional to the squared
 * distance to the nearest centre so far and keeps the one that lowers the
 * total squared distance (the potential) most. Potentials are summed over
 * fixed blocks of rows, in order, so the result does not depend on the thread
 * count; one parallel region per step.
 */
static void seed_centres(const struct attn_kernels *kern, const float *x, size_t n, size_t m,
                         size_t k, size_t trials, uint64_t seed, int threads,
                         const struct kmeans_buffers *b)
{
    const size_t blocks = (n + KMEANS_BLOCK - 1) / KMEANS_BLOCK;
    uint64_t rng = thermoai__rng_stream(seed, thermoai__rng_stream_id(THERMOAI__RNG_KMEANS_SEEDING, 0));
    size_t c, i, j, t, best = 0;
    long lb;

    (void)threads;
    for (i = 0; i < n; i++) {
        double s = 0.0;

        for (t = 0; t < m; t++)
            s += (double)x[i * m + t] * (double)x[i * m + t];
        b->xnorm[i] = (float)s;
        b->mindist[i] = INFINITY;
    }
    /* the rows packed as keys; the candidates of each step are the queries */
    thermoai__attn_pack(x, NULL, n, m, m, b->xpacked, ATTN_KSTRIDE(n));
    for (c = 0; c < k; c++) {
        size_t tried = 1, prev = best;

        if (c == 0) {
            b->trial_row[0] = (uint32_t)thermoai__rng_below(&rng, n);
        } else {
            double total = 0.0;

            for (t = 0; t < blocks; t++)
                total += b->block_sum[prev * blocks + t];
            tried = trials;
            for (j = 0; j < trials; j++)
                b->trial_row[j] = (uint32_t)(total > 0.0
                                                 ? draw_row(n, prev, thermoai__rng_unit(&rng) * total, b)
                                                 : (c + j) % n); /* all rows on centres */
        }
        for (j = 0; j < tried; j++) { /* candidates go in slots c .. c + tried */
            double s = 0.0;

            memcpy(b->centroids + (c + j) * m, x + (size_t)b->trial_row[j] * m, m * sizeof *x);
            for (t = 0; t < m; t++)
                s += (double)b->centroids[(c + j) * m + t] * (double)b->centroids[(c + j) * m + t];
            b->norms[j] = (float)s;
        }
#ifdef THERMOAI_WITH_OPENMP
        if (threads > 1 && blocks > 1) {
#  pragma omp parallel for schedule(static) num_threads(threads) default(none) \
      shared(kern, n, m, tried, prev, c, b, blocks)
            for (lb = 0; lb < (long)blocks; lb++)
                seed_block(kern, n, m, c, tried, prev, c == 0, (size_t)lb, b,
                           b->scratch + (size_t)omp_get_thread_num() * ATTN_SCRATCH_FLOATS);
        } else
#endif
        {
            for (lb = 0; lb < (long)blocks; lb++)
                seed_block(kern, n, m, c, tried, prev, c == 0, (size_t)lb, b, b->scratch);
        }
        best = 0;
        if (tried > 1) {
            double best_pot = (double)INFINITY;

            for (j = 0; j < tried; j++) {
                double pot = 0.0;

                for (t = 0; t < blocks; t++)
                    pot += b->block_sum[j * blocks + t];
                if (pot < best_pot) {
                    best_pot = pot;
                    best = j;
                }
            }
        }
        if (best != 0)
            memcpy(b->centroids + c * m, b->centroids + (c + best) * m, m * sizeof *x);
    }
}

/* The fast mode's start: k distinct rows drawn uniformly (Floyd), in row order; with
 * more centres than rows, the rows repeat (Lloyd leaves the copies empty). */
static void random_centres(const float *x, size_t n, size_t m, size_t k, uint64_t seed,
                           const struct kmeans_buffers *b)
{
    uint64_t rng = thermoai__rng_stream(seed, thermoai__rng_stream_id(THERMOAI__RNG_KMEANS_SEEDING, 0));
    size_t j, r, c = 0;

    if (k >= n) {
        for (c = 0; c < k; c++)
            memcpy(b->centroids + c * m, x + (c % n) * m, m * sizeof *x);
        return;
    }
    memset(b->chosen, 0, (n + 63) / 64 * sizeof *b->chosen);
    for (j = n - k; j < n; j++) {
        r = (size_t)thermoai__rng_below(&rng, (uint64_t)j + 1);
        if (b->chosen[r / 64] >> (r % 64) & 1u)
            r = j;
        b->chosen[r / 64] |= UINT64_C(1) << (r % 64);
    }
    for (r = 0; r < n && c < k; r++)
        if (b->chosen[r / 64] >> (r % 64) & 1u)
            memcpy(b->centroids + c++ * m, x + r * m, m * sizeof *x);
}

/* Means of the current assignment into sums (double) and centroids; counts. */
static void update_means(const float *x, size_t n, size_t m, size_t k,
                         const struct kmeans_buffers *b, const uint32_t *assign)
{
    size_t i, c, t;

    memset(b->sums, 0, k * m * sizeof *b->sums);
    memset(b->counts, 0, k * sizeof *b->counts);
    for (i = 0; i < n; i++) { /* row order: the same sums at any thread count */
        double *s = b->sums + (size_t)assign[i] * m;

        for (t = 0; t < m; t++)
            s[t] += (double)x[i * m + t];
        b->counts[assign[i]]++;
    }
    for (c = 0; c < k; c++)
        if (b->counts[c] > 0)
            for (t = 0; t < m; t++) {
                b->sums[c * m + t] /= (double)b->counts[c];
                b->centroids[c * m + t] = (float)b->sums[c * m + t];
            }
}

/* Lloyd from the current centroids: up to `iterations` updates, fewer once no
 * assignment changes. Returns the updates done. */
static unsigned lloyd(const struct attn_kernels *kern, const float *x, size_t n, size_t m, size_t k,
                      unsigned iterations, int threads, const struct kmeans_buffers *b,
                      uint32_t *assign)
{
    unsigned it;

    pack_centroids(b, k, m);
    assign_all(kern, x, n, m, k, threads, b, assign);
    for (it = 0; it < iterations; it++) {
        update_means(x, n, m, k, b, assign);
        pack_centroids(b, k, m);
        if (assign_all(kern, x, n, m, k, threads, b, assign) == 0)
            return it + 1; /* converged: this update changed no assignment */
    }
    return it;
}

static double dist2_rows(const float *a, const double *c, size_t m)
{
    double s = 0.0;
    size_t t;

    for (t = 0; t < m; t++)
        s += ((double)a[t] - c[t]) * ((double)a[t] - c[t]);
    return s;
}

/* out = the member farthest from `from` (the first on ties), in double. */
static void farthest_member(const float *x, size_t m, const uint32_t *members, size_t size,
                            const double *from, double *out)
{
    double far = -1.0;
    size_t i, t, best = 0;

    for (i = 0; i < size; i++) {
        const double dd = dist2_rows(x + (size_t)members[i] * m, from, m);

        if (dd > far) {
            far = dd;
            best = i;
        }
    }
    for (t = 0; t < m; t++)
        out[t] = (double)x[(size_t)members[best] * m + t];
}

/*
 * The best 2-means split of the `size` rows listed in members: centres started
 * at the member farthest from the mean and the member farthest from that one,
 * SPLIT_ITERATIONS Lloyd steps. Writes both centres (2m doubles) to centres
 * and returns the within-cluster sum of squares of the split.
 */
static double split_cluster(const float *x, size_t m, const uint32_t *members, size_t size,
                            const double *mean, double *centres, double *sums)
{
    double *ca = centres, *cb = centres + m, sse = 0.0;
    size_t i, t, na, nb;
    int it;

    farthest_member(x, m, members, size, mean, ca);
    farthest_member(x, m, members, size, ca, cb);
    for (it = 0; it <= SPLIT_ITERATIONS; it++) {
        memset(sums, 0, 2 * m * sizeof *sums);
        na = nb = 0;
        sse = 0.0;
        for (i = 0; i < size; i++) {
            const float *row = x + (size_t)members[i] * m;
            const double da = dist2_rows(row, ca, m), db = dist2_rows(row, cb, m);
            double *s = da <= db ? sums : sums + m;

            sse += da <= db ? da : db;
            if (da <= db)
                na++;
            else
                nb++;
            for (t = 0; t < m; t++)
                s[t] += (double)row[t];
        }
        if (it == SPLIT_ITERATIONS || na == 0 || nb == 0)
            break;
        for (t = 0; t < m; t++) {
            ca[t] = sums[t] / (double)na;
            cb[t] = sums[m + t] / (double)nb;
        }
    }
    return sse;
}

/*
 * One split-merge move (in the spirit of ISODATA): the pair of clusters whose
 * merge raises the sum of squares least, n_a n_b / (n_a + n_b) |mu_a - mu_b|^2,
 * is merged (an empty cluster is a free slot), and the other cluster whose
 * 2-means split lowers it most is split. Done only when the gain beats
 * the cost; then the centroids hold the new centres. Returns 1 if moved.
 * This repairs the k-means++ outcome Lloyd cannot: two centres in one true
 * cluster while two true clusters share one centre.
 */
static int split_merge(const float *x, size_t n, size_t m, size_t k, const struct kmeans_buffers *b,
                       const uint32_t *assign)
{
    size_t i, c, a2, t, best_split = k, ma = k, mb = k;
    double best_gain = 0.0, best_cost = (double)INFINITY;

    if (k < 2)
        return 0;
    update_means(x, n, m, k, b, assign); /* b->sums: means in double */
    /* members of each cluster, ascending: counting sort into b->order */
    b->offset[0] = 0;
    for (c = 0; c < k; c++)
        b->offset[c + 1] = b->offset[c] + b->counts[c];
    for (c = 0; c < k; c++)
        b->fill[c] = b->offset[c];
    for (i = 0; i < n; i++)
        b->order[b->fill[assign[i]]++] = (uint32_t)i;
    /* the cheapest merge of two clusters, or a free slot */
    for (c = 0; c < k && best_cost > 0.0; c++) {
        if (b->counts[c] == 0) {
            best_cost = 0.0;
            ma = c;
            mb = k;
            break;
        }
        for (a2 = c + 1; a2 < k; a2++) {
            double dd = 0.0, cost;

            if (b->counts[a2] == 0)
                continue;
            for (t = 0; t < m; t++)
                dd += (b->sums[c * m + t] - b->sums[a2 * m + t])
                      * (b->sums[c * m + t] - b->sums[a2 * m + t]);
            cost = dd * (double)b->counts[c] * (double)b->counts[a2]
                   / (double)(b->counts[c] + b->counts[a2]);
            if (cost < best_cost) {
                best_cost = cost;
                ma = c;
                mb = a2;
            }
        }
    }
    /* the best split among the other clusters; a split gains at most the cluster's
     * sum of squares, so clusters below the merge cost are not priced */
    for (c = 0; c < k; c++) {
        const size_t lo = b->offset[c], size = b->offset[c + 1] - lo;
        double sse = 0.0, gain;

        if (size < 2 || c == ma || c == mb)
            continue;
        for (i = lo; i < b->offset[c + 1]; i++)
            sse += dist2_rows(x + (size_t)b->order[i] * m, b->sums + c * m, m);
        if (!(sse > best_cost) || !(sse > best_gain))
            continue;
        gain = sse - split_cluster(x, m, b->order + lo, size, b->sums + c * m, b->split,
                                   b->split + 2 * m);
        if (gain > best_gain) {
            best_gain = gain;
            best_split = c;
        }
    }
    if (best_split == k)
        return 0;
    if (ma == k || !(best_gain > best_cost * (1.0 + 1e-9) + 1e-12 * best_gain))
        return 0;
    if (mb < k) /* merge mb into ma: the weighted mean */
        for (t = 0; t < m; t++)
            b->centroids[ma * m + t] =
                (float)((b->sums[ma * m + t] * (double)b->counts[ma]
                         + b->sums[mb * m + t] * (double)b->counts[mb])
                        / (double)(b->counts[ma] + b->counts[mb]));
    /* the split's centres go to best_split and the freed slot */
    c = best_split;
    (void)split_cluster(x, m, b->order + b->offset[c], b->offset[c + 1] - b->offset[c],
                        b->sums + c * m, b->split, b->split + 2 * m);
    for (t = 0; t < m; t++) {
        b->centroids[c * m + t] = (float)b->split[t];
        b->centroids[(mb < k ? mb : ma) * m + t] = (float)b->split[m + t];
    }
    return 1;
}

size_t thermoai__kmeans_fast_rows(size_t n, size_t k)
{
    size_t rows = KMEANS_FAST_ROWS_MIN;

    if (k <= SIZE_MAX / KMEANS_FAST_ROWS_PER_CLUSTER && k * KMEANS_FAST_ROWS_PER_CLUSTER > rows)
        rows = k * KMEANS_FAST_ROWS_PER_CLUSTER;
    return rows < n ? rows : n;
}

void thermoai__kmeans(const struct attn_kernels *kern, const float *x, size_t n, size_t m,
                      size_t k, unsigned iterations, uint64_t seed, int threads, int fast,
                      const struct kmeans_buffers *b, uint32_t *assign,
                      struct kmeans_result *result)
{
    size_t i, c, t;
    const size_t rows = fast ? thermoai__kmeans_fast_rows(n, k) : thermoai__kmeans_seed_rows(n, k);
    const float *xs = x; /* the rows seeding, Lloyd and the repairs look at */
    uint32_t *as = assign;
    unsigned round;

    if (rows < n) { /* a uniform subset of rows, kept in row order */
        uint64_t rng = thermoai__rng_stream(seed, thermoai__rng_stream_id(THERMOAI__RNG_KMEANS_SUBSET, 0));
        size_t j, r, kept = 0;

        memset(b->chosen, 0, (n + 63) / 64 * sizeof *b->chosen);
        for (j = n - rows; j < n; j++) { /* Floyd: each subset equally likely */
            r = (size_t)thermoai__rng_below(&rng, (uint64_t)j + 1);
            if (b->chosen[r / 64] >> (r % 64) & 1u)
                r = j;
            b->chosen[r / 64] |= UINT64_C(1) << (r % 64);
        }
        for (r = 0; r < n; r++)
            if (b->chosen[r / 64] >> (r % 64) & 1u)
                memcpy(b->subset + kept++ * m, x + r * m, m * sizeof *x);
        xs = b->subset;
        as = b->subset_assign;
    }
    if (fast)
        random_centres(xs, rows, m, k, seed, b);
    else
        seed_centres(kern, xs, rows, m, k, thermoai__kmeans_trials(k), seed, threads, b);
    for (i = 0; i < rows; i++)
        as[i] = UINT32_MAX;
    result->iterations = lloyd(kern, xs, rows, m, k, iterations, threads, b, as);
    result->total_iterations = result->iterations;
    for (round = 0; round < (fast ? 0u : KMEANS_REPAIR_ROUNDS); round++) {
        unsigned it;

        if (!split_merge(xs, rows, m, k, b, as))
            break;
        it = lloyd(kern, xs, rows, m, k, iterations, threads, b, as);
        result->iterations = it > result->iterations ? it : result->iterations;
        result->total_iterations += it;
    }
    if (rows < n) { /* every row to the subset's centres, then a few full Lloyd steps */
        unsigned it;

        for (i = 0; i < n; i++)
            assign[i] = UINT32_MAX;
        it = lloyd(kern, x, n, m, k,
                   fast ? 1u
                   : iterations < KMEANS_FULL_ITERATIONS ? iterations
                                                         : KMEANS_FULL_ITERATIONS,
                   threads, b, assign);
        result->iterations = it > result->iterations ? it : result->iterations;
        result->total_iterations += it;
    }
    memset(b->counts, 0, k * sizeof *b->counts);
    result->objective = 0.0;
    for (i = 0; i < n; i++) {
        const float *cen = b->centroids + (size_t)assign[i] * m;

        for (t = 0; t < m; t++) {
            const double diff = (double)x[i * m + t] - (double)cen[t];

            result->objective += diff * diff;
        }
        b->counts[assign[i]]++;
    }
    result->empty = 0;
    for (c = 0; c < k; c++)
        if (b->counts[c] == 0)
            result->empty++;
}
