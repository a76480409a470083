/* SPDX-License-Identifier: MIT */
/* Spectral Sparse Attention (paper 002, Sec. 8.5, Algorithm 2) and its variants. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#ifdef THERMOAI_WITH_OPENMP
#  include <omp.h>
#endif

#include "attn_kernels.h"
#include "common/arena.h"
#include "common/arrays.h"
#include "common/internal.h"
#include "common/rng.h"
#include "kmeans.h"
#include "ssa_internal.h"

/* The first field sets (V0: 40 and 80 bytes) and the fields appended after them for the
 * routed variant; a caller of the first set gets the defaults of the rest. */
THERMOAI__STATIC_ASSERT(sizeof(thermoai_ssa_params) == 56, ssa_params_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_ssa_stats) == 120, ssa_stats_size);
THERMOAI__STATIC_ASSERT(THERMOAI__SIZE_V0_SSA_PARAMS == 40 && THERMOAI__SIZE_V0_SSA_STATS == 80,
                        ssa_v0_sizes);

#define MAX_N THERMOAI__ATTN_MAX_TOKENS
#define MAX_D THERMOAI__ATTN_MAX_HEAD_DIM
#define MAX_THREADS 64u
#define KNOWN_FLAGS (THERMOAI_SSA_CAUSAL | THERMOAI_SSA_PORTABLE)
#define ROUTED_TOLERANCE 0.1 /* default relative Frobenius error the check accepts */
#define ROUTED_CLUSTER_ROWS 32 /* default queries per cluster: k = ceil(n / 32) */

/* The caller's clock (thermoai_ssa_set_clock()), or 0 when none is set: the
 * library reads no clock of its own. */
double thermoai__ssa_now(const thermoai_ssa *p)
{
    return p->clock != NULL ? p->clock(p->clock_user) : 0.0;
}

static double now_s(const thermoai_ssa *p)
{
    return thermoai__ssa_now(p);
}

static size_t isqrt_round(size_t n)
{
    size_t r = (size_t)floor(sqrt((double)n) + 0.5);

    return r < 1 ? 1 : r;
}

/* ---- parameters ---------------------------------------------------------------- */

int thermoai_ssa_params_init(thermoai_ssa_params *params, size_t size)
{
    THERMOAI__TRY(thermoai__struct_init(params, size, THERMOAI__SIZE_V0_SSA_PARAMS));
    params->variant = THERMOAI_SSA_ROUTED; /* inside the first field set: any valid size has it */
    return THERMOAI_OK;
}

size_t thermoai_ssa_params_size(void)
{
    return sizeof(thermoai_ssa_params);
}

size_t thermoai_ssa_stats_size(void)
{
    return sizeof(thermoai_ssa_stats);
}

int thermoai_ssa_stats_init(thermoai_ssa_stats *out, size_t size)
{
    return thermoai__struct_init(out, size, THERMOAI__SIZE_V0_SSA_STATS);
}

/* Checks the parameters and resolves the defaults into plan fields. */
static int configure(thermoai_ssa *p, size_t n, size_t d, const thermoai_ssa_params *user)
{
    thermoai_ssa_params par;
    int status;

    memset(&par, 0, sizeof par);
    par.struct_size = (uint32_t)sizeof par;
    par.variant = THERMOAI_SSA_ROUTED; /* NULL params: the default variant */
    if (user != NULL
        && (status = thermoai__struct_in(user, THERMOAI__SIZE_V0_SSA_PARAMS, &par, sizeof par)) != THERMOAI_OK)
        return status;
    if (par.variant > THERMOAI_SSA_ROUTED || (par.flags & ~(uint32_t)KNOWN_FLAGS) != 0)
        return THERMOAI_E_UNSUPPORTED;
    if ((par.variant == THERMOAI_SSA_CENTROID || par.variant == THERMOAI_SSA_ROUTED)
        && (par.flags & THERMOAI_SSA_CAUSAL))
        return THERMOAI_E_UNSUPPORTED;
    if (n < 2 || n > MAX_N || d < 1 || d > MAX_D || isnan(par.tolerance))
        return THERMOAI_E_INVALID;
    p->n = n;
    p->d = d;
    if (par.variant == THERMOAI_SSA_ROUTED) {
        const size_t budget = n / 8 > 64 ? n / 8 : 64;

        p->k = par.clusters ? par.clusters : (n + ROUTED_CLUSTER_ROWS - 1) / ROUTED_CLUSTER_ROWS;
        p->s = par.samples ? par.samples : (budget < n ? budget : n);
        p->groups = par.key_groups ? par.key_groups : isqrt_round(n);
        if (par.check_rows) {
            p->checks = par.check_rows;
        } else { /* two rows per cluster, at least 128 */
            p->checks = 2 * p->k > 128 ? 2 * p->k : 128;
            p->checks = p->checks < n ? p->checks : n;
        }
        p->tolerance = par.tolerance == 0.0 ? ROUTED_TOLERANCE : par.tolerance;
        if (p->groups > n || p->checks > n)
            return THERMOAI_E_INVALID;
    } else {
        p->k = par.clusters ? par.clusters : isqrt_round(n);
        p->s = par.samples ? par.samples : isqrt_round(n);
    }
    if (par.projection_dim) {
        p->m = par.projection_dim;
    } else {
        size_t m = (size_t)ceil(2.0 * log2((double)n));

        p->m = m < 8 ? 8 : m;
        if (p->m > d)
            p->m = d;
    }
    if (p->k > n || p->s > n || p->m > d)
        return THERMOAI_E_INVALID;
    if (par.threads > MAX_THREADS)
        return THERMOAI_E_INVALID;
    p->iterations = par.kmeans_iterations ? par.kmeans_iterations
                    : par.variant == THERMOAI_SSA_ROUTED ? 4u /* fast k-means */
                                                         : 8u;
    p->variant = par.variant;
    p->flags = par.flags;
    p->seed = par.seed;
    p->kk = p->variant == THERMOAI_SSA_CENTROID ? p->k : 0;
    p->threads = 1;
#ifdef THERMOAI_WITH_OPENMP
    p->threads = par.threads ? (int)par.threads : omp_get_max_threads();
    if (p->threads < 1)
        p->threads = 1;
#endif
    return THERMOAI_OK;
}

/* ---- create / free ----------------------------------------------------------- */

int thermoai_ssa_create_ex(size_t n, size_t d, const thermoai_ssa_params *params,
                           const thermoai_allocator *allocator, thermoai_ssa **plan)
{
    thermoai_ssa *p;
    thermoai_allocator a;
    struct thermoai__layout l = { 0, 0 };
    size_t o_phi, o_qp, o_kp, o_cen, o_pack, o_norm, o_sums, o_counts, o_chosen, o_kmscr;
    size_t o_assign, o_kassign, o_order, o_off, o_segoff, o_seg, o_vs, o_tk, o_tv, o_tn, o_tb;
    size_t o_xnorm, o_trial, o_xpk, o_block, o_trow, o_kmorder, o_kmoff, o_kmfill, o_split;
    size_t o_subset, o_subassign, o_bits, o_owner, seed_rows, sub_rows, kmax, routed, kwn, kwb, kwg;
    size_t o_kpk, o_k2p, o_kg, o_kord, o_goff, o_kgp, o_gsk, o_gsv, o_gc, o_gkf, o_gvf, o_ex, o_pool, o_chk, o_mark, o_cbits, o_ych, o_outf, o_outl, o_cstr, o_csz;
    size_t o_t[10][64], o_r[17][64], i, t, kwm, kwc, kwkk, threads;
    char *base;
    uint64_t rng;
    int status;

    if (plan == NULL)
        return THERMOAI_E_NULL;
    *plan = NULL;
    THERMOAI__TRY(thermoai__allocator_resolve(allocator, &a));
    p = (thermoai_ssa *)a.alloc(sizeof *p, a.user);
    if (p == NULL)
        return THERMOAI_E_NOMEM;
    memset(p, 0, sizeof *p);
    p->alloc = a;
    if ((status = configure(p, n, d, params)) != THERMOAI_OK) {
        a.release(p, a.user);
        return status;
    }
    threads = (size_t)p->threads;
    if (threads > MAX_THREADS) /* omp_get_max_threads() above the plan's limit */
        threads = MAX_THREADS, p->threads = (int)MAX_THREADS;
    routed = p->variant == THERMOAI_SSA_ROUTED;
    /* the k-means buffers serve the query clusters, the key clusters and the key groups */
    kmax = p->k > p->kk ? p->k : p->kk;
    kmax = kmax > p->groups ? kmax : p->groups;
    seed_rows = thermoai__kmeans_seed_rows(n, kmax);
    kwm = ATTN_KWIDTH(p->m);
    kwc = ATTN_KWIDTH(kmax > KMEANS_TRIALS_MAX ? kmax : KMEANS_TRIALS_MAX);
    kwkk = ATTN_KWIDTH(p->kk);
    kwn = routed ? ATTN_KWIDTH(n) : 0;
    kwb = routed ? ATTN_KWIDTH(p->s) : 0;
    kwg = routed ? ATTN_KWIDTH(p->groups) : 0;

    o_phi = thermoai__layout_reserve(&l, d * kwm, sizeof(float));
    o_qp = thermoai__layout_reserve(&l, n * p->m, sizeof(float));
    o_kp = thermoai__layout_reserve(&l, p->kk || routed ? n * p->m : 0, sizeof(float));
    o_cen = thermoai__layout_reserve(&l, (kmax + KMEANS_TRIALS_MAX) * p->m, sizeof(float));
    o_pack = thermoai__layout_reserve(&l, p->m * ATTN_KWIDTH(kmax), sizeof(float));
    o_norm = thermoai__layout_reserve(&l, kwc, sizeof(float));
    o_xnorm = thermoai__layout_reserve(&l, seed_rows, sizeof(float));
    o_trial = thermoai__layout_reserve(&l, thermoai__kmeans_trials(kmax) * seed_rows, sizeof(float));
    o_xpk = thermoai__layout_reserve(&l, p->m * ATTN_KSTRIDE(seed_rows), sizeof(float));
    o_block = thermoai__layout_reserve(&l, thermoai__kmeans_trials(kmax)
                              * ((seed_rows + KMEANS_BLOCK - 1) / KMEANS_BLOCK),
                      sizeof(double));
    o_trow = thermoai__layout_reserve(&l, KMEANS_TRIALS_MAX, sizeof(uint32_t));
    o_kmorder = thermoai__layout_reserve(&l, n, sizeof(uint32_t));
    o_kmoff = thermoai__layout_reserve(&l, kmax + 1, sizeof(size_t));
    o_kmfill = thermoai__layout_reserve(&l, kmax, sizeof(size_t));
    o_split = thermoai__layout_reserve(&l, 4 * p->m, sizeof(double));
    o_sums = thermoai__layout_reserve(&l, kmax * p->m, sizeof(double));
    o_counts = thermoai__layout_reserve(&l, kmax, sizeof(uint32_t));
    o_chosen = thermoai__layout_reserve(&l, seed_rows, sizeof(float));
    /* the seeding subset: the full mode's, or the fast mode's (routed), when below n */
    sub_rows = seed_rows < n ? seed_rows
               : routed && thermoai__kmeans_fast_rows(n, kmax) < n ? thermoai__kmeans_fast_rows(n, kmax)
                                                                   : 0;
    o_subset = thermoai__layout_reserve(&l, sub_rows * p->m, sizeof(float));
    o_subassign = thermoai__layout_reserve(&l, sub_rows, sizeof(uint32_t));
    o_bits = thermoai__layout_reserve(&l, (n + 63) / 64, sizeof(uint64_t));
    o_kmscr = thermoai__layout_reserve(&l, threads * ATTN_SCRATCH_FLOATS, sizeof(float));
    o_assign = thermoai__layout_reserve(&l, n, sizeof(uint32_t));
    o_kassign = thermoai__layout_reserve(&l, p->kk ? n : 0, sizeof(uint32_t));
    o_order = thermoai__layout_reserve(&l, n, sizeof(uint32_t));
    o_off = thermoai__layout_reserve(&l, p->k + 1, sizeof(size_t));
    o_segoff = thermoai__layout_reserve(&l, p->k + 1, sizeof(size_t));
    o_seg = thermoai__layout_reserve(&l, routed ? 0 : d * (n + ATTN_KPAD * p->k), sizeof(float));
    o_vs = thermoai__layout_reserve(&l, routed ? 0 : n * d, sizeof(float));
    o_tk = thermoai__layout_reserve(&l, p->kk * d, sizeof(double));
    o_tv = thermoai__layout_reserve(&l, p->kk * d, sizeof(double));
    o_tn = thermoai__layout_reserve(&l, p->kk, sizeof(uint32_t));
    o_owner = thermoai__layout_reserve(&l, p->k, sizeof(uint32_t));
    o_tb = thermoai__layout_reserve(&l, threads, sizeof(struct thermoai__ssa_thread));
    o_kpk = thermoai__layout_reserve(&l, routed ? d * ATTN_KSTRIDE(n) : 0, sizeof(float));
    o_k2p = thermoai__layout_reserve(&l, routed ? d * ATTN_KSTRIDE(n) : 0, sizeof(float));
    o_kg = thermoai__layout_reserve(&l, routed ? n : 0, sizeof(uint32_t));
    o_kord = thermoai__layout_reserve(&l, routed ? n : 0, sizeof(uint32_t));
    o_goff = thermoai__layout_reserve(&l, routed ? p->groups + 1 : 0, sizeof(size_t));
    o_kgp = thermoai__layout_reserve(&l, routed ? d * ATTN_KSTRIDE(n) : 0, sizeof(float));
    o_gsk = thermoai__layout_reserve(&l, routed ? p->groups * d : 0, sizeof(double));
    o_gsv = thermoai__layout_reserve(&l, routed ? p->groups * d : 0, sizeof(double));
    o_gc = thermoai__layout_reserve(&l, routed ? p->groups : 0, sizeof(uint32_t));
    o_gkf = thermoai__layout_reserve(&l, routed ? p->groups * d : 0, sizeof(float));
    o_gvf = thermoai__layout_reserve(&l, routed ? p->groups * d : 0, sizeof(float));
    o_ex = thermoai__layout_reserve(&l, routed ? p->k : 0, sizeof(uint32_t));
    o_pool = thermoai__layout_reserve(&l, routed ? p->k : 0, sizeof(uint32_t));
    o_chk = thermoai__layout_reserve(&l, routed ? p->checks : 0, sizeof(uint32_t));
    o_mark = thermoai__layout_reserve(&l, routed ? 2 * p->checks : 0, sizeof(double));
    o_cstr = thermoai__layout_reserve(&l, routed ? p->checks : 0, sizeof(uint32_t));
    o_csz = thermoai__layout_reserve(&l, routed ? p->checks : 0, sizeof(double));
    o_cbits = thermoai__layout_reserve(&l, routed ? (p->k + 63) / 64 : 0, sizeof(uint64_t));
    o_ych = thermoai__layout_reserve(&l, routed ? p->checks * d : 0, sizeof(float));
    o_outf = thermoai__layout_reserve(&l, routed ? n : 0, 1);
    o_outl = thermoai__layout_reserve(&l, routed ? n : 0, sizeof(uint32_t));
    for (t = 0; t < threads; t++) {
        o_t[0][t] = thermoai__layout_reserve(&l, ATTN_SCRATCH_FLOATS, sizeof(float));
        o_t[1][t] = thermoai__layout_reserve(&l, p->s, sizeof(uint32_t));
        o_t[2][t] = thermoai__layout_reserve(&l, (n + 63) / 64, sizeof(uint64_t));
        o_t[3][t] = thermoai__layout_reserve(&l, p->kk || routed ? 0 : n, sizeof(uint32_t));
        o_t[4][t] = thermoai__layout_reserve(&l, p->kk * d, sizeof(double));
        o_t[5][t] = thermoai__layout_reserve(&l, p->kk * d, sizeof(double));
        o_t[6][t] = thermoai__layout_reserve(&l, p->kk, sizeof(uint32_t));
        o_t[7][t] = thermoai__layout_reserve(&l, d * kwkk, sizeof(float));
        o_t[8][t] = thermoai__layout_reserve(&l, p->kk * d, sizeof(float));
        o_t[9][t] = thermoai__layout_reserve(&l, kwkk, sizeof(float));
        o_r[0][t] = thermoai__layout_reserve(&l, ROUTED_BATCH * kwn, sizeof(float));
        o_r[1][t] = thermoai__layout_reserve(&l, ROUTED_BATCH * kwn, sizeof(float));
        o_r[2][t] = thermoai__layout_reserve(&l, routed ? p->groups : 0, sizeof(uint32_t));
        o_r[3][t] = thermoai__layout_reserve(&l, routed ? p->s : 0, sizeof(uint32_t));
        o_r[4][t] = thermoai__layout_reserve(&l, d * kwb, sizeof(float));
        o_r[5][t] = thermoai__layout_reserve(&l, routed ? (p->s > p->groups ? p->s : p->groups) * d : 0,
                                             sizeof(float));
        o_r[6][t] = thermoai__layout_reserve(&l, routed ? p->groups * d : 0, sizeof(float));
        o_r[7][t] = thermoai__layout_reserve(&l, routed ? p->groups * d : 0, sizeof(float));
        o_r[15][t] = thermoai__layout_reserve(&l, routed ? 2 * d : 0, sizeof(double));
        o_r[16][t] = thermoai__layout_reserve(&l, routed ? n : 0, sizeof(uint32_t));
        o_r[8][t] = thermoai__layout_reserve(&l, routed ? p->groups : 0, sizeof(double));
        o_r[9][t] = thermoai__layout_reserve(&l, routed ? p->groups : 0, sizeof(uint32_t));
        o_r[10][t] = thermoai__layout_reserve(&l, d * kwg, sizeof(float));
        o_r[11][t] = thermoai__layout_reserve(&l, routed ? p->groups * d : 0, sizeof(float));
        o_r[12][t] = thermoai__layout_reserve(&l, kwg, sizeof(float));
        o_r[13][t] = thermoai__layout_reserve(&l, routed ? ROUTED_BATCH * d : 0, sizeof(float));
        o_r[14][t] = thermoai__layout_reserve(&l, routed ? ROUTED_BATCH * d : 0, sizeof(float));
    }
    if ((p->arena_bytes = thermoai__layout_total(&l)) == 0) {
        a.release(p, a.user);
        return THERMOAI_E_NOMEM;
    }
    p->arena = a.alloc(p->arena_bytes, a.user);
    if (p->arena == NULL) {
        a.release(p, a.user);
        return THERMOAI_E_NOMEM;
    }
    base = (char *)thermoai__align(p->arena, THERMOAI__ARENA_ALIGN);
    p->phi_packed = (float *)(void *)(base + o_phi);
    p->qproj = (float *)(void *)(base + o_qp);
    p->kproj = (float *)(void *)(base + o_kp);
    p->km.centroids = (float *)(void *)(base + o_cen);
    p->km.packed = (float *)(void *)(base + o_pack);
    p->km.norms = (float *)(void *)(base + o_norm);
    p->km.sums = (double *)(void *)(base + o_sums);
    p->km.counts = (uint32_t *)(void *)(base + o_counts);
    p->km.mindist = (float *)(void *)(base + o_chosen);
    p->km.subset = (float *)(void *)(base + o_subset);
    p->km.subset_assign = (uint32_t *)(void *)(base + o_subassign);
    p->km.chosen = (uint64_t *)(void *)(base + o_bits);
    p->km.xnorm = (float *)(void *)(base + o_xnorm);
    p->km.trial_dist = (float *)(void *)(base + o_trial);
    p->km.xpacked = (float *)(void *)(base + o_xpk);
    p->km.block_sum = (double *)(void *)(base + o_block);
    p->km.trial_row = (uint32_t *)(void *)(base + o_trow);
    p->km.order = (uint32_t *)(void *)(base + o_kmorder);
    p->km.offset = (size_t *)(void *)(base + o_kmoff);
    p->km.fill = (size_t *)(void *)(base + o_kmfill);
    p->km.split = (double *)(void *)(base + o_split);
    p->km.scratch = (float *)(void *)(base + o_kmscr);
    p->assign = (uint32_t *)(void *)(base + o_assign);
    p->kassign = (uint32_t *)(void *)(base + o_kassign);
    p->order = (uint32_t *)(void *)(base + o_order);
    p->offset = (size_t *)(void *)(base + o_off);
    p->seg_offset = (size_t *)(void *)(base + o_segoff);
    p->segments = (float *)(void *)(base + o_seg);
    p->vsorted = (float *)(void *)(base + o_vs);
    p->tot_k = (double *)(void *)(base + o_tk);
    p->tot_v = (double *)(void *)(base + o_tv);
    p->tot_n = (uint32_t *)(void *)(base + o_tn);
    p->owner = (uint32_t *)(void *)(base + o_owner);
    p->tb = (struct thermoai__ssa_thread *)(void *)(base + o_tb);
    p->kpacked = (float *)(void *)(base + o_kpk);
    p->k2packed = (float *)(void *)(base + o_k2p);
    p->kgroup = (uint32_t *)(void *)(base + o_kg);
    p->korder = (uint32_t *)(void *)(base + o_kord);
    p->goff = (size_t *)(void *)(base + o_goff);
    p->kgpacked = (float *)(void *)(base + o_kgp);
    p->gsum_k = (double *)(void *)(base + o_gsk);
    p->gsum_v = (double *)(void *)(base + o_gsv);
    p->gcount = (uint32_t *)(void *)(base + o_gc);
    p->gsum_kf = (float *)(void *)(base + o_gkf);
    p->gsum_vf = (float *)(void *)(base + o_gvf);
    p->exact = (uint32_t *)(void *)(base + o_ex);
    p->pool = (uint32_t *)(void *)(base + o_pool);
    p->check = (uint32_t *)(void *)(base + o_chk);
    p->cerr = (double *)(void *)(base + o_mark);
    p->cstr = (uint32_t *)(void *)(base + o_cstr);
    p->csize = (double *)(void *)(base + o_csz);
    p->cbits = (uint64_t *)(void *)(base + o_cbits);
    p->ycheck = (float *)(void *)(base + o_ych);
    p->outlier = (unsigned char *)(void *)(base + o_outf);
    p->outl = (uint32_t *)(void *)(base + o_outl);
    for (t = 0; t < threads; t++) {
        struct thermoai__ssa_thread *b = &p->tb[t];

        b->scores = (float *)(void *)(base + o_t[0][t]);
        b->sample_r = (uint32_t *)(void *)(base + o_t[1][t]);
        b->bitmap = (uint64_t *)(void *)(base + o_t[2][t]);
        b->outside = (uint32_t *)(void *)(base + o_t[3][t]);
        b->excl_k = (double *)(void *)(base + o_t[4][t]);
        b->excl_v = (double *)(void *)(base + o_t[5][t]);
        b->excl_n = (uint32_t *)(void *)(base + o_t[6][t]);
        b->cen_keys = (float *)(void *)(base + o_t[7][t]);
        b->cen_vals = (float *)(void *)(base + o_t[8][t]);
        b->cen_bias = (float *)(void *)(base + o_t[9][t]);
        b->rscore = (float *)(void *)(base + o_r[0][t]);
        b->rspread = (float *)(void *)(base + o_r[1][t]);
        b->touched = (uint32_t *)(void *)(base + o_r[2][t]);
        b->sel = (uint32_t *)(void *)(base + o_r[3][t]);
        b->skeys = (float *)(void *)(base + o_r[4][t]);
        b->svals = (float *)(void *)(base + o_r[5][t]);
        b->gk = (float *)(void *)(base + o_r[6][t]);
        b->gv = (float *)(void *)(base + o_r[7][t]);
        b->mom = (double *)(void *)(base + o_r[15][t]);
        b->inliers = (uint32_t *)(void *)(base + o_r[16][t]);
        b->gz = (double *)(void *)(base + o_r[8][t]);
        b->gn = (uint32_t *)(void *)(base + o_r[9][t]);
        b->pkeys = (float *)(void *)(base + o_r[10][t]);
        b->pvals = (float *)(void *)(base + o_r[11][t]);
        b->pbias = (float *)(void *)(base + o_r[12][t]);
        b->cen = (float *)(void *)(base + o_r[13][t]);
        b->var = (float *)(void *)(base + o_r[14][t]);
        memset(b->bitmap, 0, (n + 63) / 64 * sizeof *b->bitmap);
    }
    /* the JL matrix: entries +-1/sqrt(m), packed as m "keys" of width d */
    rng = thermoai__rng_stream(p->seed, thermoai__rng_stream_id(THERMOAI__RNG_SSA_PROJECTION, 0));
    for (t = 0; t < d; t++)
        for (i = 0; i < kwm; i++)
            p->phi_packed[t * kwm + i] =
                i < p->m ? ((thermoai__rng_next(&rng) >> 63) ? 1.0f : -1.0f) / sqrtf((float)p->m)
                         : 0.0f;
    thermoai__attn_kernels_select(&p->kern, (p->flags & THERMOAI_SSA_PORTABLE) ? ATTN_SIMD_NONE : ATTN_SIMD_BEST);
    p->stats.struct_size = (uint32_t)sizeof p->stats;
    p->stats.clusters = (uint32_t)p->k;
    p->stats.samples = (uint32_t)p->s;
    p->stats.projection_dim = (uint32_t)p->m;
    p->stats.kmeans_iterations = p->iterations;
    p->stats.bytes = (double)(p->arena_bytes + sizeof *p);
    p->stats.error_estimate = p->stats.error_bound = (double)NAN;
    p->stats.exact_rows = p->stats.routed_keys = 0.0;
    p->stats.check_rounds = 0;
    *plan = p;
    return THERMOAI_OK;
}

int thermoai_ssa_create(size_t n, size_t d, const thermoai_ssa_params *params, thermoai_ssa **plan)
{
    return thermoai_ssa_create_ex(n, d, params, NULL, plan);
}

int thermoai_ssa_set_clock(thermoai_ssa *plan, thermoai_clock_fn clock, void *user)
{
    if (plan == NULL)
        return THERMOAI_E_NULL;
    plan->clock = clock;
    plan->clock_user = user;
    return THERMOAI_OK;
}

void thermoai_ssa_free(thermoai_ssa *plan)
{
    thermoai_allocator a;

    if (plan == NULL)
        return;
    a = plan->alloc;
    a.release(plan->arena, a.user);
    a.release(plan, a.user);
}

/* ---- execution ------------------------------------------------------------------ */

/* The largest Euclidean row norm of n rows of width d (double). */
static double max_row_norm(const float *x, size_t n, size_t d)
{
    double best = 0.0;
    size_t i, t;

    for (i = 0; i < n; i++) {
        double s = 0.0;

        for (t = 0; t < d; t++)
            s += (double)x[i * d + t] * (double)x[i * d + t];
        best = s > best ? s : best;
    }
    return sqrt(best);
}

/*
 * 1 when no score can overflow float: by Cauchy-Schwarz every partial sum of
 * q_i . k_j (and of any mean query against any mean key) is at most
 * max|q| max|k|, and a score is that times log2(e)/sqrt(d). Without this the
 * result would depend on which pairs a plan happens to score.
 */
static int scores_in_range(const float *q, const float *k, size_t n, size_t d)
{
    const double scale = THERMOAI__LOG2E / sqrt((double)d);

    return max_row_norm(q, n, d) * max_row_norm(k, n, d) * (scale > 1.0 ? scale : 1.0)
           <= 0.5 * (double)FLT_MAX;
}

/* One tile of rows times the packed JL matrix. */
static void project_tile(const thermoai_ssa *p, const float *x, float *out, size_t tile, float *s)
{
    const size_t i0 = tile * ATTN_TILE_ROWS;
    const int rows = (int)(p->n - i0 < ATTN_TILE_ROWS ? p->n - i0 : ATTN_TILE_ROWS);
    const float *q[ATTN_TILE_ROWS];
    int r;

    for (r = 0; r < ATTN_TILE_ROWS; r++)
        q[r] = x + (i0 + (size_t)(r < rows ? r : 0)) * p->d;
    p->kern.scores(rows, q, p->phi_packed, ATTN_KWIDTH(p->m), 0, p->m, p->d, 1.0f, s);
    for (r = 0; r < rows; r++)
        memcpy(out + (i0 + (size_t)r) * p->m, s + (size_t)r * ATTN_KCHUNK, p->m * sizeof(float));
}

/* rows x d times the packed JL matrix: out (rows of m floats) */
void thermoai__ssa_project(const thermoai_ssa *p, const float *x, float *out)
{
    const long tiles = (long)((p->n + ATTN_TILE_ROWS - 1) / ATTN_TILE_ROWS);
    long t;

#ifdef THERMOAI_WITH_OPENMP
    if (p->threads > 1 && (double)p->n * (double)p->d * (double)p->m >= THERMOAI__PARALLEL_MIN_WORK) {
#  pragma omp parallel for schedule(static) num_threads(p->threads) default(none) \
      shared(p, x, out, tiles)
        for (t = 0; t < tiles; t++)
            project_tile(p, x, out, (size_t)t, p->tb[omp_get_thread_num()].scores);
        return;
    }
#endif
    for (t = 0; t < tiles; t++)
        project_tile(p, x, out, (size_t)t, p->tb[0].scores);
}

/* The keys of cluster c packed as one segment, its values in cluster order. */
static void pack_cluster(thermoai_ssa *p, size_t c, const float *k, const float *v)
{
    const size_t lo = p->offset[c], size = p->offset[c + 1] - lo;
    size_t j;

    if (size == 0)
        return;
    thermoai__attn_pack(k, p->order + lo, size, p->d, p->d, p->segments + p->seg_offset[c],
                        ATTN_KWIDTH(size));
    for (j = 0; j < size; j++)
        memcpy(p->vsorted + (lo + j) * p->d, v + (size_t)p->order[lo + j] * p->d,
               p->d * sizeof(float));
}

/* Stable counting sort of the tokens by cluster: order, offsets, segment offsets. */
void thermoai__ssa_sort_clusters(thermoai_ssa *p)
{
    size_t c, i, pos;

    memset(p->offset, 0, (p->k + 1) * sizeof *p->offset);
    for (i = 0; i < p->n; i++)
        p->offset[p->assign[i] + 1]++;
    for (c = 0; c < p->k; c++)
        p->offset[c + 1] += p->offset[c];
    p->seg_offset[0] = 0;
    for (c = 0; c < p->k; c++)
        p->seg_offset[c + 1] =
            p->seg_offset[c] + p->d * ATTN_KWIDTH(p->offset[c + 1] - p->offset[c]);
    /* fill pointers (the k-means counts are free now); scanning tokens in order
     * keeps the members of each cluster ascending */
    for (c = 0; c < p->k; c++)
        p->km.counts[c] = (uint32_t)p->offset[c];
    for (i = 0; i < p->n; i++) {
        pos = p->km.counts[p->assign[i]]++;
        p->order[pos] = (uint32_t)i;
    }
}

size_t thermoai__ssa_draw_samples(const thermoai_ssa *p, struct thermoai__ssa_thread *b,
                                  uint32_t token, size_t members_allowed, size_t allowed,
                                  double *weight)
{
    const size_t M = allowed - members_allowed;
    size_t drawn, j;
    uint64_t rng;

    *weight = 1.0;
    if (M == 0)
        return 0;
    if (M <= p->s) {
        for (j = 0; j < M; j++)
            b->sample_r[j] = (uint32_t)j;
        drawn = M;
    } else {
        rng = thermoai__rng_stream(p->seed, thermoai__rng_stream_id(THERMOAI__RNG_SSA_SAMPLES, token));
        drawn = 0;
        for (j = M - p->s; j < M; j++) { /* Floyd: a uniform s-subset of [0, M) */
            size_t r = (size_t)thermoai__rng_below(&rng, (uint64_t)j + 1);

            if (b->bitmap[r / 64] >> (r % 64) & 1u)
                r = j;
            b->bitmap[r / 64] |= UINT64_C(1) << (r % 64);
            b->sample_r[drawn++] = (uint32_t)r;
        }
        for (j = 0; j < drawn; j++)
            b->bitmap[b->sample_r[j] / 64] = 0;
        *weight = (double)M / (double)drawn;
    }
    for (j = 0; j < drawn; j++) /* ranks among non-members -> tokens */
        b->sample_r[j] = b->outside[b->sample_r[j]];
    return drawn;
}

void thermoai__ssa_outside(const thermoai_ssa *p, struct thermoai__ssa_thread *b, size_t c)
{
    size_t i, count = 0;

    for (i = 0; i < p->n; i++)
        if (p->assign[i] != c)
            b->outside[count++] = (uint32_t)i;
}

/* Centroid variant: the key-cluster centroids outside query cluster c, packed. */
static size_t build_centroids(const thermoai_ssa *p, struct thermoai__ssa_thread *b, size_t c,
                              const float *k, const float *v)
{
    const size_t d = p->d, lo = p->offset[c], hi = p->offset[c + 1];
    size_t i, j, t, used = 0;

    memcpy(b->excl_k, p->tot_k, p->kk * d * sizeof(double));
    memcpy(b->excl_v, p->tot_v, p->kk * d * sizeof(double));
    memcpy(b->excl_n, p->tot_n, p->kk * sizeof(uint32_t));
    for (i = lo; i < hi; i++) {
        const size_t tok = p->order[i], kc = p->kassign[tok];

        for (t = 0; t < d; t++) {
            b->excl_k[kc * d + t] -= (double)k[tok * d + t];
            b->excl_v[kc * d + t] -= (double)v[tok * d + t];
        }
        b->excl_n[kc]--;
    }
    for (j = 0; j < p->kk; j++) {
        const double cnt = (double)b->excl_n[j];

        if (b->excl_n[j] == 0)
            continue;
        for (t = 0; t < d; t++) {
            /* keys go packed [d][kw]; fill the column of this centroid */
            b->cen_keys[t * ATTN_KWIDTH(p->kk) + used] = (float)(b->excl_k[j * d + t] / cnt);
            b->cen_vals[used * d + t] = (float)(b->excl_v[j * d + t] / cnt);
        }
        b->cen_bias[used] = (float)log2(cnt); /* n' copies of the centroid term */
        used++;
    }
    for (t = 0; t < d; t++) /* zero padding of the packed columns */
        for (j = used; j < ATTN_KWIDTH(p->kk); j++)
            b->cen_keys[t * ATTN_KWIDTH(p->kk) + j] = 0.0f;
    return used;
}

/* Queries of cluster c; returns 0, or 1 when an output is not finite. */
static int attend_cluster(thermoai_ssa *p, size_t c, const float *q, const float *k, const float *v,
                          float *y, struct thermoai__ssa_thread *b, double *pairs, double *terms)
{
    const size_t d = p->d, lo = p->offset[c], size = p->offset[c + 1] - lo;
    const uint32_t *members = p->order + lo;
    const float *seg = p->segments + p->seg_offset[c];
    const size_t kw = ATTN_KWIDTH(size);
    const float scale = (float)(THERMOAI__LOG2E / sqrt((double)d));
    const int causal = (p->flags & THERMOAI_SSA_CAUSAL) != 0;
    size_t centroids = 0, t0, i;
    int bad = 0, r;

    if (size == 0)
        return 0;
    /* packed here, by the thread that reads it: the cluster's keys and values
     * stay in this core's cache */
    pack_cluster(p, c, k, v);
    if (p->variant == THERMOAI_SSA_CENTROID) {
        centroids = build_centroids(p, b, c, k, v);
    } else {
        thermoai__ssa_outside(p, b, c);
    }
    for (t0 = 0; t0 < size; t0 += ATTN_TILE_ROWS) {
        struct attn_tile tile;
        const int rows = (int)(size - t0 < ATTN_TILE_ROWS ? size - t0 : ATTN_TILE_ROWS);
        size_t nk = causal ? t0 + (size_t)rows : size;

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
        thermoai__attn_tile_update(&p->kern, &tile, seg, kw, nk, p->vsorted + lo * d, d, NULL,
                                   causal ? members : NULL, b->scores);
        *pairs += (double)(causal ? (size_t)rows * (t0 + 1) + (size_t)rows * (size_t)(rows - 1) / 2
                                  : (size_t)rows * size);
        if (p->variant == THERMOAI_SSA_CENTROID) {
            thermoai__attn_tile_update(&p->kern, &tile, b->cen_keys, ATTN_KWIDTH(p->kk), centroids,
                                       b->cen_vals, d, b->cen_bias, NULL, b->scores);
            *terms += (double)((size_t)rows * centroids);
        } else {
            for (r = 0; r < rows; r++) {
                const uint32_t tok = members[t0 + (size_t)r];
                const size_t allowed = causal ? (size_t)tok + 1 : p->n;
                const size_t members_allowed = causal ? t0 + (size_t)r + 1 : size;
                struct attn_tile one;
                double weight;
                size_t drawn =
                    thermoai__ssa_draw_samples(p, b, tok, members_allowed, allowed, &weight);

                if (drawn == 0)
                    continue;
                one.rows = 1;
                one.d = d;
                one.scale = scale;
                one.q[0] = tile.q[r];
                one.y[0] = tile.y[r];
                one.m[0] = tile.m[r];
                one.l[0] = tile.l[r];
                /* Algorithm 2 gives each sampled key weight 1; importance: M / drawn */
                thermoai__attn_row_gather_update(
                    &p->kern, &one, k, v, b->sample_r, drawn,
                    p->variant == THERMOAI_SSA_IMPORTANCE ? (float)log2(weight) : 0.0f, b->scores);
                tile.m[r] = one.m[0];
                tile.l[r] = one.l[0];
                *pairs += (double)drawn;
            }
        }
        for (r = 0; r < rows; r++) {
            const float inv = 1.0f / tile.l[r];

            for (i = 0; i < d; i++) {
                tile.y[r][i] *= inv;
                if (!isfinite(tile.y[r][i]))
                    bad = 1;
            }
        }
    }
    return bad;
}

#ifdef THERMOAI_WITH_OPENMP
/*
 * Splits the query clusters into `threads` contiguous runs of about equal
 * estimated cost (pairs scored: size * (size + s), or size * (size + kk)):
 * cluster c goes to the run holding the middle of its cost in the prefix sum.
 * The owners depend only on the cluster sizes, so repeated calls keep each
 * cluster, its packed keys and its output rows on the same core. A dynamic
 * schedule moved them between cores on every call, which cost more than it
 * balanced (bench: N = 256, 2 threads), and so did dealing clusters out in
 * turn.
 */
static void balance_clusters(thermoai_ssa *p, int threads)
{
    const double extra = (double)(p->kk ? p->kk : p->s);
    double total = 0.0, before = 0.0;
    size_t c;

    for (c = 0; c < p->k; c++) {
        const double size = (double)(p->offset[c + 1] - p->offset[c]);

        total += size * (size + extra);
    }
    for (c = 0; c < p->k; c++) {
        const double size = (double)(p->offset[c + 1] - p->offset[c]);
        const double cost = size * (size + extra);
        const double at = total > 0.0 ? (before + 0.5 * cost) / total * (double)threads : 0.0;

        p->owner[c] = at < (double)(threads - 1) ? (uint32_t)at : (uint32_t)(threads - 1);
        before += cost;
    }
}
#endif

int thermoai_ssa_execute(thermoai_ssa *p, const float *q, const float *k, const float *v, float *y)
{
    struct kmeans_result kr, kkr;
    double t0, t1, t2, t3, pairs = 0.0, terms = 0.0;
    size_t i, t;
    long cc;
    int bad = 0;

    if (p == NULL)
        return THERMOAI_E_NULL;
    if (q == NULL || k == NULL || v == NULL || y == NULL) {
        thermoai__fill_nan(y, p->n * p->d);
        return THERMOAI_E_NULL;
    }
    if (!thermoai__all_finite(q, p->n * p->d) || !thermoai__all_finite(k, p->n * p->d)
        || !thermoai__all_finite(v, p->n * p->d)) {
        thermoai__fill_nan(y, p->n * p->d);
        return THERMOAI_E_NONFINITE;
    }
    if (!scores_in_range(q, k, p->n, p->d)) {
        thermoai__fill_nan(y, p->n * p->d);
        return THERMOAI_E_RANGE;
    }
    if (p->variant == THERMOAI_SSA_ROUTED)
        return thermoai__ssa_routed_execute(p, q, k, v, y);
    t0 = now_s(p);
    thermoai__ssa_project(p, q, p->qproj);
    if (p->kk)
        thermoai__ssa_project(p, k, p->kproj);
    t1 = now_s(p);
    thermoai__kmeans(&p->kern, p->qproj, p->n, p->m, p->k, p->iterations, p->seed, p->threads, 0,
                     &p->km, p->assign, &kr);
    if (p->kk) {
        thermoai__kmeans(&p->kern, p->kproj, p->n, p->m, p->kk, p->iterations, p->seed ^ 0x6b657973u,
                         p->threads, 0, &p->km, p->kassign, &kkr);
        memset(p->tot_k, 0, p->kk * p->d * sizeof(double));
        memset(p->tot_v, 0, p->kk * p->d * sizeof(double));
        memset(p->tot_n, 0, p->kk * sizeof(uint32_t));
        for (i = 0; i < p->n; i++) { /* token order: deterministic sums */
            const size_t kc = p->kassign[i];

            for (t = 0; t < p->d; t++) {
                p->tot_k[kc * p->d + t] += (double)k[i * p->d + t];
                p->tot_v[kc * p->d + t] += (double)v[i * p->d + t];
            }
            p->tot_n[kc]++;
        }
    }
    t2 = now_s(p);
    thermoai__ssa_sort_clusters(p);

#ifdef THERMOAI_WITH_OPENMP
    if (p->threads > 1
        && (double)p->n * ((double)p->n / (double)p->k + (double)p->s) * (double)p->d
               >= THERMOAI__PARALLEL_MIN_WORK) {
        balance_clusters(p, p->threads);
#  pragma omp parallel num_threads(p->threads) default(none) shared(p, q, k, v, y) \
      reduction(+ : pairs, terms) reduction(| : bad)
        {
            /* a smaller team than asked for takes the owners modulo its size */
            const uint32_t tid = (uint32_t)omp_get_thread_num(), nth = (uint32_t)omp_get_num_threads();
            size_t c;

            for (c = 0; c < p->k; c++)
                if (p->owner[c] % nth == tid)
                    bad |= attend_cluster(p, c, q, k, v, y, &p->tb[tid], &pairs, &terms);
        }
    } else
#endif
    {
        for (cc = 0; cc < (long)p->k; cc++)
            bad |= attend_cluster(p, (size_t)cc, q, k, v, y, &p->tb[0], &pairs, &terms);
    }
    t3 = now_s(p);
    p->executed = 1;
    p->stats.empty_clusters = kr.empty;
    p->stats.kmeans_objective = kr.objective;
    p->stats.kmeans_iterations = kr.iterations;
    p->stats.projection_s = t1 - t0;
    p->stats.clustering_s = t2 - t1;
    p->stats.attention_s = t3 - t2;
    p->stats.exact_pairs = pairs;
    p->stats.centroid_terms = terms;
    if (bad) {
        thermoai__fill_nan(y, p->n * p->d);
        return THERMOAI_E_RANGE;
    }
    return THERMOAI_OK;
}

/* The double fields of the stats, for the error path of an output struct. */
static const size_t stats_doubles[] = {
    offsetof(thermoai_ssa_stats, projection_s),  offsetof(thermoai_ssa_stats, clustering_s),
    offsetof(thermoai_ssa_stats, attention_s),   offsetof(thermoai_ssa_stats, exact_pairs),
    offsetof(thermoai_ssa_stats, centroid_terms), offsetof(thermoai_ssa_stats, kmeans_objective),
    offsetof(thermoai_ssa_stats, bytes),          offsetof(thermoai_ssa_stats, error_estimate),
    offsetof(thermoai_ssa_stats, error_bound),    offsetof(thermoai_ssa_stats, exact_rows),
    offsetof(thermoai_ssa_stats, routed_keys),
};

int thermoai_ssa_get_stats(const thermoai_ssa *plan, thermoai_ssa_stats *stats)
{
    int status = THERMOAI_E_NULL;

    if (stats == NULL)
        return THERMOAI_E_NULL;
    if (plan != NULL)
        status = thermoai__struct_out(stats, THERMOAI__SIZE_V0_SSA_STATS, &plan->stats,
                                      sizeof plan->stats);
    if (status != THERMOAI_OK) /* every double the caller's struct_size covers */
        thermoai__struct_nan(stats, sizeof plan->stats, stats_doubles,
                             sizeof stats_doubles / sizeof stats_doubles[0]);
    return status;
}

int thermoai_ssa_clusters(const thermoai_ssa *plan, uint32_t *assignment)
{
    if (plan == NULL || assignment == NULL)
        return THERMOAI_E_NULL;
    if (!plan->executed)
        return THERMOAI_E_DOMAIN;
    memcpy(assignment, plan->assign, plan->n * sizeof *assignment);
    return THERMOAI_OK;
}
