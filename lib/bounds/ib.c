/* SPDX-License-Identifier: MIT */
/* The information bottleneck (ib.h). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "common/arena.h"
#include "common/arrays.h"
#include "common/rng.h"
#include "info_kernels.h"
#include "pmf_internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_ib_params) == THERMOAI__SIZE_V0_IB_PARAMS, ib_params_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_ib_result) == THERMOAI__SIZE_V0_IB_RESULT, ib_result_size);

#define DEFAULT_MAX_ITERATIONS 100000u
#define DEFAULT_TOLERANCE_BITS 1e-10
#define BETA_MAX 1e12
#define SIZE_LIMIT ((size_t)1 << 24)
/* Weight of the random encoder in a warm start at a new beta. */
#define WARM_MIX 0.01
/* ln p(y|z) where p(y|z) = 0: finite, so that 0 * LOG0 = 0 in the products. */
#define LOG0 (-1e300)
#define KNOWN_FLAGS (THERMOAI_IB_COLD | THERMOAI_IB_PORTABLE)

struct thermoai_ib {
    thermoai_allocator alloc;
    void *arena;
    size_t arena_bytes;
    struct thermoai__info_kernels k;
    size_t nx, ny, nz, ldy, ldz;
    uint32_t flags, max_iterations;
    double tol_nats;
    double *px, *py, *lnpy;  /* marginals */
    double *j, *pyx;         /* nx x ldy: p(x,y) and p(y|x) */
    double *e, *lne, *e0, *m;/* nx x ldz: encoder, its log, the random encoder, products */
    double *pyz, *l;         /* nz x ldy: sum_x p(x,y) p(z|x), ln p(y|z) */
    double *pz, *lnpz;       /* ldz */
    double hx, ixy;          /* H(X), I(X;Y) in nats */
    int started, exact_next;
    double last_beta;
};

struct stats {
    double ixz, izy, f; /* nats; f = ixz - beta izy (unclamped) */
};

int thermoai_ib_params_init(thermoai_ib_params *params, size_t size)
{
    return thermoai__struct_init(params, size, THERMOAI__SIZE_V0_IB_PARAMS);
}

size_t thermoai_ib_params_size(void)
{
    return sizeof(thermoai_ib_params);
}

int thermoai_ib_result_init(thermoai_ib_result *result, size_t size)
{
    return thermoai__struct_init(result, size, THERMOAI__SIZE_V0_IB_RESULT);
}

size_t thermoai_ib_result_size(void)
{
    return sizeof(thermoai_ib_result);
}

static void result_nan(thermoai_ib_result *user)
{
    static const size_t offs[] = { offsetof(thermoai_ib_result, beta),
                                   offsetof(thermoai_ib_result, ixz_bits),
                                   offsetof(thermoai_ib_result, izy_bits),
                                   offsetof(thermoai_ib_result, functional_bits) };
    const double nan = (double)NAN;
    uint32_t size;
    size_t i;

    if (user == NULL)
        return;
    size = thermoai__struct_size_of(user);
    for (i = 0; i < sizeof offs / sizeof offs[0]; i++)
        if (offs[i] + sizeof(double) <= size)
            memcpy((unsigned char *)user + offs[i], &nan, sizeof nan);
}

/* E_NULL, E_SIZE, E_NONFINITE, E_INVALID for an execution at beta. */
static int beta_check(const thermoai_ib *ib, double beta, thermoai_ib_result *res)
{
    result_nan(res);
    if (ib == NULL || res == NULL)
        return THERMOAI_E_NULL;
    if (thermoai__struct_size_of(res) < THERMOAI__SIZE_V0_IB_RESULT)
        return THERMOAI_E_SIZE;
    if (!isfinite(beta))
        return THERMOAI_E_NONFINITE;
    if (!(beta > 0.0) || beta > BETA_MAX)
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

/* ---- create / free ------------------------------------------------------------------ */

static int create_check(const double *joint, size_t nx, size_t ny, size_t nz,
                        const thermoai_ib_params *params, thermoai_ib_params *par)
{
    double s;

    memset(par, 0, sizeof *par);
    par->struct_size = (uint32_t)sizeof *par;
    if (joint == NULL)
        return THERMOAI_E_NULL;
    if (params != NULL)
        THERMOAI__TRY(thermoai__struct_in(params, THERMOAI__SIZE_V0_IB_PARAMS, par, sizeof *par));
    if (nx == 0 || ny == 0 || nz == 0 || nx > SIZE_LIMIT || ny > SIZE_LIMIT || nz > SIZE_LIMIT)
        return THERMOAI_E_INVALID;
    THERMOAI__TRY(thermoai__pmf_finite(joint, nx * ny));
    if (!isfinite(par->tolerance_bits))
        return THERMOAI_E_NONFINITE;
    if ((par->flags & ~KNOWN_FLAGS) != 0 || par->reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    if (par->tolerance_bits < 0.0)
        return THERMOAI_E_INVALID;
    return thermoai__pmf_sum(joint, nx * ny, &s);
}

int thermoai_ib_create(const double *joint, size_t nx, size_t ny, size_t nz,
                       const thermoai_ib_params *params, thermoai_ib **ib)
{
    return thermoai_ib_create_ex(joint, nx, ny, nz, params, NULL, ib);
}

/* p(z|x) rows normalised; ln p(z|x) beside (-inf for 0). */
static void normalise_rows(thermoai_ib *h, double *e)
{
    size_t x, z;

    for (x = 0; x < h->nx; x++) {
        double *row = e + x * h->ldz, s = 0.0;

        for (z = 0; z < h->nz; z++)
            s += row[z];
        for (z = 0; z < h->nz; z++)
            row[z] /= s;
    }
}

static void logs_of_encoder(thermoai_ib *h)
{
    size_t x, z;

    for (x = 0; x < h->nx; x++)
        for (z = 0; z < h->ldz; z++) {
            const double v = h->e[x * h->ldz + z];

            h->lne[x * h->ldz + z] = z < h->nz && v > 0.0 ? log(v) : -(double)INFINITY;
        }
}

int thermoai_ib_create_ex(const double *joint, size_t nx, size_t ny, size_t nz,
                          const thermoai_ib_params *params, const thermoai_allocator *allocator,
                          thermoai_ib **ib)
{
    thermoai_ib_params par;
    thermoai_allocator al;
    struct thermoai__layout lay = { 0, 0 };
    size_t ldy, ldz, o[15], x, y, z;
    struct thermoai__ksum kx = { 0.0, 0.0 }, ky = { 0.0, 0.0 }, kxy = { 0.0, 0.0 };
    thermoai_ib *h;
    double sum;
    uint64_t rng;
    char *base;

    if (ib == NULL)
        return THERMOAI_E_NULL;
    *ib = NULL;
    THERMOAI__TRY(create_check(joint, nx, ny, nz, params, &par));
    THERMOAI__TRY(thermoai__allocator_resolve(allocator, &al));
    h = (thermoai_ib *)al.alloc(sizeof *h, al.user);
    if (h == NULL)
        return THERMOAI_E_NOMEM;
    memset(h, 0, sizeof *h);
    h->alloc = al;
    ldy = thermoai__info_ld(ny);
    ldz = thermoai__info_ld(nz);
    o[0] = thermoai__layout_reserve(&lay, nx, sizeof(double));
    o[1] = thermoai__layout_reserve(&lay, ny, sizeof(double));
    o[2] = thermoai__layout_reserve(&lay, ny, sizeof(double));
    o[3] = thermoai__layout_reserve(&lay, nx * ldy, sizeof(double));
    o[4] = thermoai__layout_reserve(&lay, nx * ldy, sizeof(double));
    o[5] = thermoai__layout_reserve(&lay, nx * ldz, sizeof(double));
    o[6] = thermoai__layout_reserve(&lay, nx * ldz, sizeof(double));
    o[7] = thermoai__layout_reserve(&lay, nx * ldz, sizeof(double));
    o[8] = thermoai__layout_reserve(&lay, nx * ldz, sizeof(double));
    o[9] = thermoai__layout_reserve(&lay, nz * ldy, sizeof(double));
    o[10] = thermoai__layout_reserve(&lay, nz * ldy, sizeof(double));
    o[11] = thermoai__layout_reserve(&lay, ldz, sizeof(double));
    o[12] = thermoai__layout_reserve(&lay, ldz, sizeof(double));
    if ((h->arena_bytes = thermoai__layout_total(&lay)) == 0
        || (h->arena = al.alloc(h->arena_bytes, al.user)) == NULL) {
        al.release(h, al.user);
        return THERMOAI_E_NOMEM;
    }
    base = (char *)thermoai__align(h->arena, THERMOAI__ARENA_ALIGN);
    memset(base, 0, lay.bytes);
    h->px = (double *)(void *)(base + o[0]);
    h->py = (double *)(void *)(base + o[1]);
    h->lnpy = (double *)(void *)(base + o[2]);
    h->j = (double *)(void *)(base + o[3]);
    h->pyx = (double *)(void *)(base + o[4]);
    h->e = (double *)(void *)(base + o[5]);
    h->lne = (double *)(void *)(base + o[6]);
    h->e0 = (double *)(void *)(base + o[7]);
    h->m = (double *)(void *)(base + o[8]);
    h->pyz = (double *)(void *)(base + o[9]);
    h->l = (double *)(void *)(base + o[10]);
    h->pz = (double *)(void *)(base + o[11]);
    h->lnpz = (double *)(void *)(base + o[12]);
    h->nx = nx;
    h->ny = ny;
    h->nz = nz;
    h->ldy = ldy;
    h->ldz = ldz;
    h->flags = par.flags;
    h->max_iterations = par.max_iterations ? par.max_iterations : DEFAULT_MAX_ITERATIONS;
    h->tol_nats = (par.tolerance_bits > 0.0 ? par.tolerance_bits : DEFAULT_TOLERANCE_BITS)
                  * THERMOAI__LN2;
    thermoai__info_kernels_select(&h->k, (par.flags & THERMOAI_IB_PORTABLE) == 0);

    (void)thermoai__pmf_sum(joint, nx * ny, &sum);
    for (x = 0; x < nx; x++) {
        struct thermoai__ksum r = { 0.0, 0.0 };

        for (y = 0; y < ny; y++) {
            const double v = joint[x * ny + y] / sum;

            h->j[x * ldy + y] = v;
            thermoai__ksum_add(&r, v);
            h->py[y] += v;
            if (v > 0.0)
                thermoai__ksum_add(&kxy, v * log(v));
        }
        h->px[x] = thermoai__ksum_value(&r);
        if (h->px[x] > 0.0) {
            thermoai__ksum_add(&kx, h->px[x] * log(h->px[x]));
            for (y = 0; y < ny; y++)
                h->pyx[x * ldy + y] = h->j[x * ldy + y] / h->px[x];
        }
    }
    for (y = 0; y < ny; y++) {
        h->lnpy[y] = h->py[y] > 0.0 ? log(h->py[y]) : 0.0;
        if (h->py[y] > 0.0)
            thermoai__ksum_add(&ky, h->py[y] * log(h->py[y]));
    }
    h->hx = -thermoai__ksum_value(&kx);
    h->ixy = thermoai__ksum_value(&kxy) - thermoai__ksum_value(&kx) - thermoai__ksum_value(&ky);
    if (h->ixy < 0.0)
        h->ixy = 0.0;
    /* the random encoder: rows Dirichlet(1) */
    rng = thermoai__rng_stream(par.seed, thermoai__rng_stream_id(THERMOAI__RNG_IB_ENCODER, 0));
    for (x = 0; x < nx; x++)
        for (z = 0; z < nz; z++)
            h->e0[x * ldz + z] = 1e-12 - log1p(-thermoai__rng_unit(&rng));
    normalise_rows(h, h->e0);
    memcpy(h->e, h->e0, nx * ldz * sizeof(double));
    logs_of_encoder(h);
    *ib = h;
    return THERMOAI_OK;
}

void thermoai_ib_free(thermoai_ib *ib)
{
    thermoai_allocator al;

    if (ib == NULL)
        return;
    al = ib->alloc;
    al.release(ib->arena, al.user);
    al.release(ib, al.user);
}

int thermoai_ib_kernel_name(const thermoai_ib *ib, const char **name)
{
    if (name != NULL)
        *name = NULL;
    if (ib == NULL || name == NULL)
        return THERMOAI_E_NULL;
    *name = ib->k.name;
    return THERMOAI_OK;
}

/* ---- the iteration ------------------------------------------------------------------ */

static void prepare(thermoai_ib *h, double beta, int may_restart)
{
    size_t i;

    if (h->exact_next) {
        h->exact_next = 0;
    } else if (!h->started || (may_restart && (h->flags & THERMOAI_IB_COLD))) {
        memcpy(h->e, h->e0, h->nx * h->ldz * sizeof(double));
        logs_of_encoder(h);
    } else if (beta != h->last_beta) {
        for (i = 0; i < h->nx * h->ldz; i++)
            h->e[i] = (1.0 - WARM_MIX) * h->e[i] + WARM_MIX * h->e0[i];
        logs_of_encoder(h);
    }
    h->started = 1;
    h->last_beta = beta;
}

/* The marginals, p(y|z) and the two informations of the current encoder. */
static void evaluate(thermoai_ib *h, double beta, struct stats *st)
{
    const size_t nx = h->nx, ny = h->ny, nz = h->nz, ldy = h->ldy, ldz = h->ldz;
    struct thermoai__ksum kxz = { 0.0, 0.0 }, kzy = { 0.0, 0.0 };
    size_t x, y, z;

    memset(h->pz, 0, ldz * sizeof(double));
    for (x = 0; x < nx; x++)
        for (z = 0; z < nz; z++)
            h->pz[z] += h->px[x] * h->e[x * ldz + z];
    h->k.gemm_tn(h->e, nx, nz, ldz, h->j, ldy, h->pyz);
    for (z = 0; z < nz; z++) {
        const double pz = h->pz[z];
        double *lz = h->l + z * ldy;
        const double *qz = h->pyz + z * ldy;

        h->lnpz[z] = pz > 0.0 ? log(pz) : -(double)INFINITY;
        for (y = 0; y < ny; y++) {
            if (qz[y] > 0.0 && pz > 0.0) {
                lz[y] = log(qz[y] / pz);
                thermoai__ksum_add(&kzy, qz[y] * (lz[y] - h->lnpy[y]));
            } else {
                lz[y] = LOG0;
            }
        }
    }
    for (z = nz; z < ldz; z++)
        h->lnpz[z] = -(double)INFINITY;
    for (x = 0; x < nx; x++) {
        struct thermoai__ksum r = { 0.0, 0.0 };

        if (!(h->px[x] > 0.0))
            continue;
        for (z = 0; z < nz; z++) {
            const double v = h->e[x * ldz + z];

            if (v > 0.0 && h->pz[z] > 0.0)
                thermoai__ksum_add(&r, v * (h->lne[x * ldz + z] - h->lnpz[z]));
        }
        thermoai__ksum_add(&kxz, h->px[x] * thermoai__ksum_value(&r));
    }
    st->ixz = thermoai__ksum_value(&kxz);
    st->izy = thermoai__ksum_value(&kzy);
    st->f = st->ixz - beta * st->izy;
}

/* The new encoder: row softmax of ln p(z) + beta sum_y p(y|x) ln p(y|z). */
static int update(thermoai_ib *h, double beta)
{
    const size_t nx = h->nx, nz = h->nz, ldz = h->ldz;
    size_t x, z;

    h->k.gemm_nt(h->pyx, nx, h->l, nz, h->ldy, h->m, ldz);
    for (x = 0; x < nx; x++) {
        double *le = h->lne + x * ldz, *ee = h->e + x * ldz;
        const double *mr = h->m + x * ldz;
        double mx = -(double)INFINITY, s = 0.0, ls;

        for (z = 0; z < nz; z++) {
            le[z] = h->lnpz[z] + beta * mr[z];
            if (le[z] > mx)
                mx = le[z];
        }
        if (!isfinite(mx))
            return THERMOAI_E_LOSS;
        for (z = 0; z < nz; z++)
            le[z] -= mx;
        for (z = nz; z < ldz; z++)
            le[z] = -(double)INFINITY;
        h->k.expscale(ee, le, ldz, 1.0);
        for (z = 0; z < nz; z++)
            s += ee[z];
        ls = log(s);
        for (z = 0; z < nz; z++) {
            ee[z] /= s;
            le[z] -= ls;
        }
    }
    return THERMOAI_OK;
}

static void fill_result(const thermoai_ib *h, double beta, const struct stats *st,
                        uint32_t iterations, thermoai_ib_result *r)
{
    double ixz = st->ixz, izy = st->izy, cap = h->hx;

    if (log((double)h->nz) < cap)
        cap = log((double)h->nz);
    if (ixz > cap)
        ixz = cap;
    if (ixz < 0.0)
        ixz = 0.0;
    if (izy > h->ixy)
        izy = h->ixy;
    if (izy > ixz)
        izy = ixz;
    if (izy < 0.0)
        izy = 0.0;
    memset(r, 0, sizeof *r);
    r->struct_size = (uint32_t)sizeof *r;
    r->iterations = iterations;
    r->beta = beta;
    r->ixz_bits = ixz / THERMOAI__LN2;
    r->izy_bits = izy / THERMOAI__LN2;
    r->functional_bits = st->f / THERMOAI__LN2;
}

static int store(thermoai_ib_result *res, const thermoai_ib_result *r)
{
    if (!isfinite(r->ixz_bits) || !isfinite(r->izy_bits) || !isfinite(r->functional_bits)) {
        result_nan(res);
        return THERMOAI_E_RANGE;
    }
    return thermoai__struct_out(res, THERMOAI__SIZE_V0_IB_RESULT, r, sizeof *r);
}

int thermoai_ib_execute(thermoai_ib *ib, double beta, thermoai_ib_result *result)
{
    thermoai_ib_result r;
    struct stats st, prev;
    uint32_t it;

    THERMOAI__TRY(beta_check(ib, beta, result));
    prepare(ib, beta, 1);
    for (it = 1; it <= ib->max_iterations; it++) {
        int status;

        evaluate(ib, beta, &st);
        if (it > 1 && fabs(st.ixz - prev.ixz) <= ib->tol_nats
            && fabs(st.izy - prev.izy) <= ib->tol_nats) {
            fill_result(ib, beta, &st, it, &r);
            return store(result, &r);
        }
        prev = st;
        if ((status = update(ib, beta)) != THERMOAI_OK) {
            result_nan(result);
            return status;
        }
    }
    result_nan(result);
    return THERMOAI_E_NO_CONVERGENCE;
}

int thermoai_ib_iterate(thermoai_ib *ib, double beta, uint32_t count, thermoai_ib_result *result)
{
    thermoai_ib_result r;
    struct stats st;
    uint32_t i;

    THERMOAI__TRY(beta_check(ib, beta, result));
    if (count == 0)
        return THERMOAI_E_INVALID;
    prepare(ib, beta, 0);
    for (i = 0; i < count; i++) {
        int status;

        evaluate(ib, beta, &st);
        if (i + 1 == count)
            fill_result(ib, beta, &st, count, &r);
        if ((status = update(ib, beta)) != THERMOAI_OK) {
            result_nan(result);
            return status;
        }
    }
    return store(result, &r);
}

int thermoai_ib_curve(thermoai_ib *ib, const double *betas, size_t count, double *ixz_bits,
                      double *izy_bits)
{
    thermoai_ib_result r;
    size_t i;
    int status = THERMOAI_OK;

    if (betas != NULL && ixz_bits != NULL && izy_bits != NULL
        && thermoai__can_own(count, 1, sizeof(double)))
        for (i = 0; i < count; i++)
            ixz_bits[i] = izy_bits[i] = (double)NAN;
    if (ib == NULL || betas == NULL || ixz_bits == NULL || izy_bits == NULL)
        return THERMOAI_E_NULL;
    if (!thermoai__can_own(count, 1, sizeof(double)))
        return THERMOAI_E_INVALID; /* 0, or more values than can exist */
    if (thermoai__pmf_finite(betas, count) != THERMOAI_OK)
        return THERMOAI_E_NONFINITE;
    for (i = 0; i < count; i++)
        if (!(betas[i] > 0.0) || betas[i] > BETA_MAX)
            return THERMOAI_E_INVALID;
    THERMOAI__TRY(thermoai_ib_result_init(&r, sizeof r));
    for (i = 0; i < count && status == THERMOAI_OK; i++) {
        status = thermoai_ib_execute(ib, betas[i], &r);
        ixz_bits[i] = r.ixz_bits;
        izy_bits[i] = r.izy_bits;
    }
    if (status != THERMOAI_OK)
        for (i = 0; i < count; i++)
            ixz_bits[i] = izy_bits[i] = (double)NAN;
    return status;
}

int thermoai_ib_encoder(const thermoai_ib *ib, double *encoder)
{
    size_t x;

    if (ib == NULL || encoder == NULL)
        return THERMOAI_E_NULL;
    for (x = 0; x < ib->nx; x++)
        memcpy(encoder + x * ib->nz, ib->e + x * ib->ldz, ib->nz * sizeof(double));
    return THERMOAI_OK;
}

int thermoai_ib_set_encoder(thermoai_ib *ib, const double *encoder)
{
    size_t x, z;
    double s;

    if (ib == NULL || encoder == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__pmf_finite(encoder, ib->nx * ib->nz));
    for (x = 0; x < ib->nx; x++)
        THERMOAI__TRY(thermoai__pmf_sum(encoder + x * ib->nz, ib->nz, &s));
    for (x = 0; x < ib->nx; x++) {
        (void)thermoai__pmf_sum(encoder + x * ib->nz, ib->nz, &s);
        for (z = 0; z < ib->nz; z++)
            ib->e[x * ib->ldz + z] = encoder[x * ib->nz + z] / s;
    }
    logs_of_encoder(ib);
    ib->exact_next = 1;
    ib->started = 1;
    return THERMOAI_OK;
}

/* ---- Phi^-1 and the energy bound ----------------------------------------------------- */

int thermoai_ib_min_rate_bits(const double *ixz_bits, const double *izy_bits, size_t count,
                              double target_bits, double *min_ixz_bits)
{
    double best = (double)INFINITY;
    size_t i, j;

    THERMOAI__OUTPUTS(min_ixz_bits);
    if (ixz_bits == NULL || izy_bits == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__pmf_finite(ixz_bits, count));
    THERMOAI__TRY(thermoai__pmf_finite(izy_bits, count));
    THERMOAI__TRY(THERMOAI__CHECK({ target_bits, THERMOAI__NONNEG }));
    if (count == 0)
        return THERMOAI_E_INVALID;
    for (i = 0; i < count; i++)
        if (ixz_bits[i] < 0.0 || izy_bits[i] < 0.0)
            return THERMOAI_E_INVALID;
    if (target_bits == 0.0) {
        *min_ixz_bits = 0.0;
        return THERMOAI_OK;
    }
    /* index count stands for the origin (a constant Z) */
    for (i = 0; i <= count; i++) {
        const double ai = i < count ? ixz_bits[i] : 0.0, bi = i < count ? izy_bits[i] : 0.0;

        if (bi >= target_bits) {
            if (ai < best)
                best = ai;
            continue;
        }
        for (j = 0; j < count; j++) {
            const double aj = ixz_bits[j], bj = izy_bits[j];

            if (bj >= target_bits) {
                const double a = ai + (aj - ai) * (target_bits - bi) / (bj - bi);

                if (a < best)
                    best = a;
            }
        }
    }
    if (!isfinite(best))
        return THERMOAI_E_DOMAIN;
    *min_ixz_bits = best;
    return THERMOAI_OK;
}

int thermoai_ib_energy_j(const double *ixz_bits, const double *izy_bits, size_t count,
                         double target_bits, double temperature_k, double *energy_j)
{
    double r;

    THERMOAI__OUTPUTS(energy_j);
    if (!isfinite(temperature_k))
        return THERMOAI_E_NONFINITE;
    THERMOAI__TRY(thermoai_ib_min_rate_bits(ixz_bits, izy_bits, count, target_bits, &r));
    return thermoai_landauer_energy_j(r, temperature_k, energy_j);
}
