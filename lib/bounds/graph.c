/* SPDX-License-Identifier: MIT */
/* Weighted graphs: Cheeger, conductance, spectra, effective resistances and the
 * Spielman-Srivastava sparsifier (paper 002, Sec. 9.1, 10.1, App. A.3). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/arena.h"
#include "common/arrays.h"
#include "common/dense.h"
#include "common/internal.h"
#include "common/rng.h"

#define CONDUCTANCE_N_MAX 24u
#define RECOMPUTE_EVERY 4096u

/* NULL and size checks done by the caller: finite, non-negative, symmetric weights. */
static int check_weights(size_t n, const double *w)
{
    size_t i;

    if (!thermoai__all_finite_d(w, n * n))
        return THERMOAI_E_NONFINITE;
    for (i = 0; i < n * n; i++)
        if (w[i] < 0.0)
            return THERMOAI_E_INVALID;
    if (!thermoai__is_symmetric(n, w, 1e-10))
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

/* The symmetric weight a vertex pair carries (the mean of the two triangles). */
static double weight(size_t n, const double *w, size_t i, size_t j)
{
    return 0.5 * (w[i * n + j] + w[j * n + i]);
}

int thermoai_graph_cheeger_bounds(double lambda2, double *lower, double *upper)
{
    double vals[2];
    double *const outs[2] = { lower, upper };

    THERMOAI__OUTPUTS(lower, upper);
    THERMOAI__TRY(THERMOAI__CHECK({ lambda2, THERMOAI__NONNEG }));
    if (lambda2 > 2.0)
        return THERMOAI_E_INVALID;
    vals[0] = 0.5 * lambda2;
    vals[1] = sqrt(2.0 * lambda2);
    if (vals[0] < DBL_MIN) /* lambda2 / 2 of a tiny lambda2 is 0, a value and not a range error */
        vals[0] = 0.0;
    return thermoai__store(outs, vals, 2);
}

/* Cut weight and volume of the set bits of mask, from scratch. */
static void cut_volume(size_t n, const double *w, const double *deg, uint32_t mask, double *cut,
                       double *vol)
{
    size_t i, j;

    *cut = 0.0;
    *vol = 0.0;
    for (i = 0; i < n; i++) {
        if (!(mask >> i & 1u))
            continue;
        *vol += deg[i];
        for (j = 0; j < n; j++)
            if (!(mask >> j & 1u))
                *cut += weight(n, w, i, j);
    }
}

int thermoai_graph_conductance(size_t n, const double *w, uint32_t flags, double *phi)
{
    double deg[CONDUCTANCE_N_MAX], total = 0.0, cut = 0.0, vol = 0.0, best = (double)INFINITY;
    uint32_t mask = 0, step, steps;
    size_t i, j;

    THERMOAI__OUTPUTS(phi);
    if (w == NULL)
        return THERMOAI_E_NULL;
    if (n < 2 || n > CONDUCTANCE_N_MAX)
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(check_weights(n, w));
    if (flags & ~THERMOAI_GRAPH_CONDUCTANCE_PAPER)
        return THERMOAI_E_UNSUPPORTED;
    for (i = 0; i < n; i++) {
        deg[i] = 0.0;
        for (j = 0; j < n; j++)
            deg[i] += weight(n, w, i, j);
        if (!(deg[i] > 0.0))
            return THERMOAI_E_DOMAIN;
        total += deg[i];
    }
    steps = (uint32_t)((1ul << n) - 1u);
    for (step = 1; step <= steps; step++) {
        /* Gray code: subset number step differs from step - 1 in bit ctz(step) */
        unsigned v = 0;
        unsigned count;
        double in = 0.0, out = 0.0, ratio;

        while (!(step >> v & 1u))
            v++;
        for (j = 0; j < n; j++) {
            if (j == v)
                continue;
            if (mask >> j & 1u)
                in += weight(n, w, v, j);
            else
                out += weight(n, w, v, j);
        }
        if (mask >> v & 1u) { /* v leaves S */
            cut += in - out;
            vol -= deg[v];
        } else {
            cut += out - in;
            vol += deg[v];
        }
        mask ^= 1u << v;
        if (step % RECOMPUTE_EVERY == 0)
            cut_volume(n, w, deg, mask, &cut, &vol); /* no drift from the updates */
        if (mask == steps)
            continue; /* S = V */
        if (flags & THERMOAI_GRAPH_CONDUCTANCE_PAPER) {
            uint32_t m = mask;

            for (count = 0; m; m &= m - 1)
                count++;
            if (2u * count > n)
                continue;
            ratio = fmax(cut, 0.0) / vol;
        } else {
            ratio = fmax(cut, 0.0) / fmin(vol, total - vol);
        }
        best = fmin(best, ratio);
    }
    return thermoai__finish(best < DBL_MIN ? 0.0 : best, phi);
}

int thermoai_graph_workspace_bytes(size_t n, size_t *bytes)
{
    if (bytes == NULL)
        return THERMOAI_E_NULL;
    *bytes = 0;
    if (n < 2 || n > THERMOAI__DENSE_N_MAX)
        return THERMOAI_E_INVALID;
    *bytes = thermoai__doubles_bytes(2 * n * n + n);
    return THERMOAI_OK;
}

/* Common checks of the dense graph functions; fills out with NaN first. */
static int graph_begin(size_t n, const double *w, const void *workspace, double *out)
{
    const int n_ok = n >= 2 && n <= THERMOAI__DENSE_N_MAX;

    if (out != NULL && n_ok)
        thermoai__fill_nan_d(out, n);
    if (w == NULL || workspace == NULL || out == NULL)
        return THERMOAI_E_NULL;
    if (!n_ok)
        return THERMOAI_E_INVALID;
    return check_weights(n, w);
}

int thermoai_graph_laplacian_spectrum(size_t n, const double *w, void *workspace,
                                      size_t workspace_bytes, double *lambda)
{
    double *a, *deg, *vals;
    size_t i, j;

    THERMOAI__TRY(graph_begin(n, w, workspace, lambda));
    a = thermoai__workspace_doubles(workspace, workspace_bytes, 2 * n * n + n);
    if (a == NULL)
        return THERMOAI_E_SIZE;
    deg = a + n * n;
    vals = deg + n;
    for (i = 0; i < n; i++) {
        deg[i] = 0.0;
        for (j = 0; j < n; j++)
            deg[i] += weight(n, w, i, j);
        if (!(deg[i] > 0.0))
            return THERMOAI_E_DOMAIN;
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            a[i * n + j] = (i == j ? 1.0 : 0.0)
                           - weight(n, w, i, j) / (sqrt(deg[i]) * sqrt(deg[j]));
    if (thermoai__symeig(n, a, vals, NULL) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    for (i = 0; i < n; i++)
        lambda[i] = fmin(fmax(vals[i], 0.0), 2.0);
    return THERMOAI_OK;
}

/*
 * The pseudo-inverse of L = D - W into lp (n x n), with v (n x n) and e (n) as
 * scratch; *components = the number of zero eigenvalues. lp may not alias v.
 */
static int laplacian_pinv(size_t n, const double *w, double *lp, double *v, double *e,
                          size_t *components)
{
    double big = 0.0;
    size_t i, j, m;

    for (i = 0; i < n; i++) {
        double d = 0.0;

        for (j = 0; j < n; j++)
            if (j != i)
                d += weight(n, w, i, j);
        for (j = 0; j < n; j++)
            lp[i * n + j] = i == j ? d : -weight(n, w, i, j);
    }
    if (thermoai__symeig(n, lp, e, v) != 0)
        return THERMOAI_E_NO_CONVERGENCE;
    for (m = 0; m < n; m++)
        big = fmax(big, fabs(e[m]));
    *components = 0;
    for (m = 0; m < n; m++) {
        if (e[m] <= 1e-10 * big) {
            e[m] = 0.0;
            ++*components;
        } else {
            e[m] = 1.0 / e[m];
        }
    }
    for (i = 0; i < n; i++)
        for (j = i; j < n; j++) {
            double s = 0.0;

            for (m = 0; m < n; m++)
                s += v[i * n + m] * e[m] * v[j * n + m];
            lp[i * n + j] = lp[j * n + i] = s;
        }
    return THERMOAI_OK;
}

static double resistance_of(size_t n, const double *lp, size_t i, size_t j)
{
    return fmax(lp[i * n + i] + lp[j * n + j] - 2.0 * lp[i * n + j], 0.0);
}

int thermoai_graph_effective_resistance(size_t n, const double *w, void *workspace,
                                        size_t workspace_bytes, double *resistance)
{
    double *lp, *v, *e;
    size_t i, j, components;
    int status;

    if (resistance != NULL && n >= 2 && n <= THERMOAI__DENSE_N_MAX)
        thermoai__fill_nan_d(resistance, n * n);
    if (w == NULL || workspace == NULL || resistance == NULL)
        return THERMOAI_E_NULL;
    if (n < 2 || n > THERMOAI__DENSE_N_MAX)
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(check_weights(n, w));
    lp = thermoai__workspace_doubles(workspace, workspace_bytes, 2 * n * n + n);
    if (lp == NULL)
        return THERMOAI_E_SIZE;
    v = lp + n * n;
    e = v + n * n;
    THERMOAI__TRY(laplacian_pinv(n, w, lp, v, e, &components));
    if (components != 1)
        return THERMOAI_E_DOMAIN;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            v[i * n + j] = i == j ? 0.0 : resistance_of(n, lp, i, j);
    status = THERMOAI_OK;
    for (i = 0; i < n * n; i++)
        if (!isfinite(v[i]))
            status = THERMOAI_E_RANGE;
    if (status == THERMOAI_OK)
        memcpy(resistance, v, n * n * sizeof *v);
    return status;
}

/* ---- the effective-resistance sampler -------------------------------------------- */

struct thermoai_graph_sampler {
    thermoai_allocator alloc;
    size_t n;
    void *arena;
    double *lp;      /* n x n: L^+ */
    double *v;       /* n x n: eigenvectors */
    double *e;       /* n: eigenvalues */
    double *cum;     /* n(n-1)/2: cumulative w_e R_e */
    uint32_t *ends;  /* 2 n(n-1)/2: edge endpoints */
};

int thermoai_graph_sampler_create_ex(size_t n, const thermoai_allocator *allocator,
                                     thermoai_graph_sampler **sampler)
{
    thermoai_graph_sampler *s;
    thermoai_allocator a;
    struct thermoai__layout l = { 0, 0 };
    size_t o_lp, o_v, o_e, o_cum, o_ends, pairs, bytes;
    char *base;

    if (sampler == NULL)
        return THERMOAI_E_NULL;
    *sampler = NULL;
    THERMOAI__TRY(thermoai__allocator_resolve(allocator, &a));
    if (n < 2 || n > THERMOAI__DENSE_N_MAX)
        return THERMOAI_E_INVALID;
    pairs = n * (n - 1) / 2;
    o_lp = thermoai__layout_reserve(&l, n * n, sizeof(double));
    o_v = thermoai__layout_reserve(&l, n * n, sizeof(double));
    o_e = thermoai__layout_reserve(&l, n, sizeof(double));
    o_cum = thermoai__layout_reserve(&l, pairs, sizeof(double));
    o_ends = thermoai__layout_reserve(&l, 2 * pairs, sizeof(uint32_t));
    if ((bytes = thermoai__layout_total(&l)) == 0)
        return THERMOAI_E_NOMEM;
    s = (thermoai_graph_sampler *)a.alloc(sizeof *s, a.user);
    if (s == NULL)
        return THERMOAI_E_NOMEM;
    memset(s, 0, sizeof *s);
    s->alloc = a;
    s->n = n;
    s->arena = a.alloc(bytes, a.user);
    if (s->arena == NULL) {
        a.release(s, a.user);
        return THERMOAI_E_NOMEM;
    }
    base = (char *)thermoai__align(s->arena, THERMOAI__ARENA_ALIGN);
    s->lp = (double *)(void *)(base + o_lp);
    s->v = (double *)(void *)(base + o_v);
    s->e = (double *)(void *)(base + o_e);
    s->cum = (double *)(void *)(base + o_cum);
    s->ends = (uint32_t *)(void *)(base + o_ends);
    *sampler = s;
    return THERMOAI_OK;
}

int thermoai_graph_sampler_create(size_t n, thermoai_graph_sampler **sampler)
{
    return thermoai_graph_sampler_create_ex(n, NULL, sampler);
}

void thermoai_graph_sampler_free(thermoai_graph_sampler *sampler)
{
    thermoai_allocator a;

    if (sampler == NULL)
        return;
    a = sampler->alloc;
    a.release(sampler->arena, a.user);
    a.release(sampler, a.user);
}

int thermoai_graph_sampler_execute(thermoai_graph_sampler *sampler, const double *w,
                                   size_t samples, uint64_t seed, double *w_out,
                                   size_t *distinct_edges)
{
    size_t n, i, j, edges = 0, q, components, kept = 0;
    double total = 0.0;
    uint64_t state;

    if (distinct_edges != NULL)
        *distinct_edges = 0;
    if (sampler != NULL && w_out != NULL)
        thermoai__fill_nan_d(w_out, sampler->n * sampler->n);
    if (sampler == NULL || w == NULL || w_out == NULL)
        return THERMOAI_E_NULL;
    n = sampler->n;
    THERMOAI__TRY(check_weights(n, w));
    if (samples == 0 || samples > ((size_t)1 << 32))
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(laplacian_pinv(n, w, sampler->lp, sampler->v, sampler->e, &components));
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++) {
            const double we = weight(n, w, i, j);

            if (!(we > 0.0))
                continue;
            total += we * resistance_of(n, sampler->lp, i, j);
            sampler->cum[edges] = total;
            sampler->ends[2 * edges] = (uint32_t)i;
            sampler->ends[2 * edges + 1] = (uint32_t)j;
            edges++;
        }
    if (edges == 0 || !(total > 0.0))
        return THERMOAI_E_DOMAIN;
    memset(w_out, 0, n * n * sizeof *w_out);
    state = thermoai__rng_stream(seed, thermoai__rng_stream_id(THERMOAI__RNG_GRAPH_SAMPLES, 0));
    for (q = 0; q < samples; q++) {
        const double u = thermoai__rng_unit(&state) * total;
        size_t lo = 0, hi = edges - 1;
        double pe, add;

        while (lo < hi) { /* the first edge whose cumulative weight exceeds u */
            const size_t mid = lo + (hi - lo) / 2;

            if (sampler->cum[mid] > u)
                hi = mid;
            else
                lo = mid + 1;
        }
        i = sampler->ends[2 * lo];
        j = sampler->ends[2 * lo + 1];
        pe = (sampler->cum[lo] - (lo > 0 ? sampler->cum[lo - 1] : 0.0)) / total;
        add = weight(n, w, i, j) / ((double)samples * pe);
        w_out[i * n + j] += add;
        w_out[j * n + i] = w_out[i * n + j];
    }
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            kept += w_out[i * n + j] != 0.0;
    if (distinct_edges != NULL)
        *distinct_edges = kept;
    return THERMOAI_OK;
}

/* ---- the paper's statements as printed (experimental) --------------------------- */

int thermoai_graph_sparsifier_min_edges(double n, double epsilon, double c, double *edges)
{
    const double num[2] = { c, n };
    double den[2];

    THERMOAI__OUTPUTS(edges);
    THERMOAI__TRY(THERMOAI__CHECK({ n, THERMOAI__GE1 }, { epsilon, THERMOAI__POS }, { c, THERMOAI__POS }));
    if (n < 2.0 || epsilon >= 1.0)
        return THERMOAI_E_INVALID;
    den[0] = epsilon;
    den[1] = epsilon;
    return thermoai__scaled_ratio(num, 2, den, 2, edges);
}
