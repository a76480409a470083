/* SPDX-License-Identifier: MIT */
/*
 * Lanczos iteration with full reorthogonalisation (Golub and Van Loan,
 * Matrix Computations, 4th ed., Sec. 10.1-10.3) and the implicit QL method
 * for the symmetric tridiagonal eigenproblem (ibid. Sec. 8.3): the extreme
 * eigenvalues of a normalised graph Laplacian without forming the matrix.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/lanczos.h"
#include "common/rng.h"

#define CHECK_EVERY 10      /* Ritz values are examined every CHECK_EVERY steps */
#define BREAKDOWN 1e-10     /* beta below this (||A|| <= 1): the Krylov space is invariant */
#define QL_MAX_ITERATIONS 60

int thermoai__tridiag_eigen(size_t n, double *d, double *e, double *z)
{
    size_t l, m, i, j, k;

    if (z != NULL)
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                z[i * n + j] = i == j ? 1.0 : 0.0;
    if (n == 0)
        return 0;
    e[n - 1] = 0.0;
    for (l = 0; l < n; l++) {
        int iter = 0;

        for (;;) {
            double g, r, s, c, p, f, b;
            int underflow = 0;

            for (m = l; m + 1 < n; m++) { /* a negligible off-diagonal splits the matrix */
                const double dd = fabs(d[m]) + fabs(d[m + 1]);

                if (fabs(e[m]) <= DBL_EPSILON * dd)
                    break;
            }
            if (m == l)
                break;
            if (iter++ == QL_MAX_ITERATIONS)
                return -1;
            /* Wilkinson-type shift from the leading 2 x 2 block */
            g = (d[l + 1] - d[l]) / (2.0 * e[l]);
            r = hypot(g, 1.0);
            g = d[m] - d[l] + e[l] / (g + copysign(r, g));
            s = c = 1.0;
            p = 0.0;
            for (i = m; i-- > l;) { /* plane rotations chase the bulge from m up to l */
                f = s * e[i];
                b = c * e[i];
                r = hypot(f, g);
                e[i + 1] = r;
                if (r == 0.0) { /* deflation: recover and restart this eigenvalue */
                    d[i + 1] -= p;
                    e[m] = 0.0;
                    underflow = 1;
                    break;
                }
                s = f / r;
                c = g / r;
                g = d[i + 1] - p;
                r = (d[i] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = g + p;
                g = c * r - b;
                if (z != NULL)
                    for (k = 0; k < n; k++) {
                        f = z[k * n + i + 1];
                        z[k * n + i + 1] = s * z[k * n + i] + c * f;
                        z[k * n + i] = c * z[k * n + i] - s * f;
                    }
            }
            if (underflow)
                continue;
            d[l] -= p;
            e[l] = g;
            e[m] = 0.0;
        }
    }
    /* ascending order (selection sort; n is at most a few thousand) */
    for (i = 0; i + 1 < n; i++) {
        size_t best = i;

        for (j = i + 1; j < n; j++)
            if (d[j] < d[best])
                best = j;
        if (best != i) {
            double t = d[i];

            d[i] = d[best];
            d[best] = t;
            if (z != NULL)
                for (k = 0; k < n; k++) {
                    t = z[k * n + i];
                    z[k * n + i] = z[k * n + best];
                    z[k * n + best] = t;
                }
        }
    }
    return 0;
}

static double dot(const double *a, const double *b, size_t n)
{
    double s = 0.0;
    size_t i;

    for (i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

/* w -= sum_i (v_i . w) v_i over the first `count` columns of V, twice (Kahan's "twice is enough"). */
static void orthogonalise(const double *V, size_t n, size_t count, double *w)
{
    size_t pass, i, t;

    for (pass = 0; pass < 2; pass++)
        for (i = 0; i < count; i++) {
            const double *v = V + i * n;
            const double c = dot(v, w, n);

            for (t = 0; t < n; t++)
                w[t] -= c * v[t];
        }
}

/* A normalised random vector orthogonal to the first `count` columns of V; 0 if none is left. */
static double fresh_vector(const double *V, size_t n, size_t count, uint64_t *rng, double *w)
{
    double norm;
    size_t t;

    for (t = 0; t < n; t++)
        w[t] = thermoai__rng_normal(rng);
    orthogonalise(V, n, count, w);
    norm = sqrt(dot(w, w, n));
    if (!(norm > 1e-8 * sqrt((double)n)))
        return 0.0;
    for (t = 0; t < n; t++)
        w[t] /= norm;
    return norm;
}

struct scaled_op {
    thermoai__matvec matvec;
    void *ctx;
    const double *dinv; /* D^(-1/2) */
    double *tmp;
    size_t n;
};

/* y = D^(-1/2) W D^(-1/2) x */
static int apply_scaled(const struct scaled_op *op, const double *x, double *y)
{
    size_t i;

    for (i = 0; i < op->n; i++)
        op->tmp[i] = op->dinv[i] * x[i];
    if (op->matvec(op->ctx, op->tmp, y) != 0)
        return -1;
    for (i = 0; i < op->n; i++)
        y[i] *= op->dinv[i];
    return 0;
}

/* *acc += a * b; returns 1 on overflow. */
static int add_product(size_t *acc, size_t a, size_t b)
{
    if (a != 0 && b > SIZE_MAX / a)
        return 1;
    if (a * b > SIZE_MAX - *acc)
        return 1;
    *acc += a * b;
    return 0;
}

static double clamp_eigenvalue(double lambda) /* rounding can leave [0, 2] by ~1e-15 */
{
    return lambda < 0.0 ? 0.0 : lambda > 2.0 ? 2.0 : lambda;
}

int thermoai__laplacian_spectrum_doubles(size_t n, const struct thermoai__lanczos_settings *set,
                                         size_t *doubles)
{
    const size_t ms = set->max_steps < n ? set->max_steps : n;
    size_t need = 0;

    /* deg, dinv, tmp, w: 4n; V: n (ms + 1); alpha, beta, dt, et: 4 (ms + 1); Z: ms^2 */
    if (add_product(&need, 4, n) || add_product(&need, n, ms + 1) || add_product(&need, 4, ms + 1)
        || add_product(&need, ms, ms) || need > SIZE_MAX / sizeof(double))
        return THERMOAI_E_NOMEM;
    *doubles = need;
    return THERMOAI_OK;
}

int thermoai__laplacian_spectrum(size_t n, thermoai__matvec matvec, void *ctx,
                                 const struct thermoai__lanczos_settings *set, size_t count,
                                 double *work, double *lambda, double *lambda_max, double *pi_min,
                                 size_t *steps, double *residual)
{
    const size_t ms = set->max_steps < n ? set->max_steps : n;
    size_t j, i;
    double *mem = work, *deg, *dinv, *w, *V, *alpha, *beta, *dt, *et, *Z, total = 0.0, dmin = (double)INFINITY;
    struct scaled_op op;
    uint64_t rng = thermoai__rng_stream(set->seed, thermoai__rng_stream_id(THERMOAI__RNG_LANCZOS_START, 0));
    int status = THERMOAI_E_NO_CONVERGENCE;

    *steps = 0;
    deg = mem;
    dinv = deg + n;
    op.tmp = dinv + n;
    w = op.tmp + n;
    V = w + n;
    alpha = V + n * (ms + 1);
    beta = alpha + (ms + 1);
    dt = beta + (ms + 1);
    et = dt + (ms + 1);
    Z = et + (ms + 1);

    /* degrees D = W 1 and the stationary distribution D / sum D */
    for (i = 0; i < n; i++)
        w[i] = 1.0;
    if (matvec(ctx, w, deg) != 0) {
        status = THERMOAI_E_CALLBACK;
        goto out;
    }
    for (i = 0; i < n; i++) {
        if (!(deg[i] > 0.0) || !isfinite(deg[i])) {
            status = THERMOAI_E_RANGE;
            goto out;
        }
        total += deg[i];
        if (deg[i] < dmin)
            dmin = deg[i];
        dinv[i] = 1.0 / sqrt(deg[i]);
    }
    *pi_min = dmin / total;
    op.matvec = matvec;
    op.ctx = ctx;
    op.dinv = dinv;
    op.n = n;

    if (fresh_vector(V, n, 0, &rng, V) == 0.0) {
        status = THERMOAI_E_INTERNAL;
        goto out;
    }
    for (j = 0; j < ms; j++) {
        double *v = V + j * n, *next = V + (j + 1) * n;
        const size_t s = j + 1;
        int exhausted = 0;

        if (apply_scaled(&op, v, w) != 0) {
            status = THERMOAI_E_CALLBACK;
            goto out;
        }
        alpha[j] = dot(v, w, n);
        for (i = 0; i < n; i++)
            w[i] -= alpha[j] * v[i] + (j > 0 ? beta[j - 1] * V[(j - 1) * n + i] : 0.0);
        orthogonalise(V, n, s, w);
        beta[j] = sqrt(dot(w, w, n));
        if (s < n) {
            if (beta[j] > BREAKDOWN) {
                for (i = 0; i < n; i++)
                    next[i] = w[i] / beta[j];
            } else { /* invariant subspace: continue in its complement, T decouples */
                beta[j] = 0.0;
                exhausted = fresh_vector(V, n, s, &rng, next) == 0.0;
            }
        }
        *steps = s;
        if (s == n || s == ms || exhausted || (s > count && s % CHECK_EVERY == 0)) {
            double worst = 0.0;
            int ok = 1;

            if (s < count + 1 && s < n && !exhausted)
                continue;
            memcpy(dt, alpha, s * sizeof *dt);
            memcpy(et, beta, s * sizeof *et);
            if (thermoai__tridiag_eigen(s, dt, et, Z) != 0) {
                status = THERMOAI_E_INTERNAL;
                goto out;
            }
            /* Ritz residual of pair i: |beta_s| |last component of its eigenvector| */
            for (i = 0; i < s; i++) {
                const int wanted = i == 0 || i + count >= s;
                const double r = s == n || exhausted ? 0.0 : fabs(beta[j] * Z[(s - 1) * s + i]);

                if (!wanted)
                    continue;
                if (r > worst)
                    worst = r;
                if (r > set->tolerance)
                    ok = 0;
            }
            if (ok && s >= count) {
                for (i = 0; i < count; i++)
                    lambda[i] = clamp_eigenvalue(1.0 - dt[s - 1 - i]);
                *lambda_max = clamp_eigenvalue(1.0 - dt[0]);
                *residual = worst;
                status = THERMOAI_OK;
                break;
            }
            if (exhausted) /* fewer independent directions than eigenvalues asked for */
                break;
        }
    }
out:
    return status;
}
