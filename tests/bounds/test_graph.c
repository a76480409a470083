/* SPDX-License-Identifier: MIT */
/*
 * Weighted graphs (paper 002, Sec. 9.1, 10.1, App. A.3): Cheeger's inequality on
 * 300 random graphs (seeds 1..300; must hold for the standard conductance), the
 * counterexample to the printed conductance of Theorem A.4, Foster's theorem,
 * resistances of paths, spectra of complete graphs, the effective-resistance
 * sparsifier (unbiased on average, a spectral approximation, seeded and
 * deterministic, allocation failure at every k), and bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "bounds_util.h"

static unsigned char ws[1 << 20];

static void random_graph(uint64_t *s, size_t n, double density, double *w)
{
    size_t i, j;

    for (i = 0; i < n; i++) {
        w[i * n + i] = 0.0;
        for (j = i + 1; j < n; j++) {
            const int edge = j == i + 1 || 0.5 + 0.5 * rng_sym(s) < density; /* a path keeps it connected */

            w[i * n + j] = w[j * n + i] = edge ? exp(2 * rng_sym(s)) : 0.0;
        }
    }
}

static void cheeger(void)
{
    static double w[12 * 12], lam[12];
    const int seeds = quick() ? 60 : 300;
    int seed, holds = 1, upper_paper = 1;

    for (seed = 1; seed <= seeds; seed++) {
        uint64_t s = (uint64_t)seed;
        const size_t n = 3 + (size_t)(rng_next(&s) % 10);
        double phi, phi_p, lo, hi;

        random_graph(&s, n, 0.2 + 0.8 * (0.5 + 0.5 * rng_sym(&s)), w);
        if (thermoai_graph_laplacian_spectrum(n, w, ws, sizeof ws, lam) != THERMOAI_OK
            || thermoai_graph_conductance(n, w, 0, &phi) != THERMOAI_OK
            || thermoai_graph_conductance(n, w, THERMOAI_GRAPH_CONDUCTANCE_PAPER, &phi_p) != THERMOAI_OK
            || thermoai_graph_cheeger_bounds(lam[1], &lo, &hi) != THERMOAI_OK) {
            holds = 0;
            continue;
        }
        if (!(lo <= phi * (1 + 1e-12) && phi <= hi * (1 + 1e-12))) {
            holds = 0;
            tap_diag("seed %d: lambda2/2 %.17g, phi %.17g, sqrt(2 lambda2) %.17g", seed, lo, phi, hi);
        }
        if (!(phi_p <= hi * (1 + 1e-12)))
            upper_paper = 0;
    }
    tap_ok(holds, "Cheeger lambda2/2 <= phi <= sqrt(2 lambda2) on %d random graphs (n 3..12)", seeds);
    tap_ok(upper_paper, "the upper bound holds for the paper's conductance too");
    {
        /* Theorem A.4 as printed: S = {heavy pair}, |S| = 2 <= n/2 but vol(S) large */
        const double g[16] = { 0, 100, 1, 0, 100, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0 };
        double l4[4], phi_p, phi, lo, hi;
        int st;

        st = thermoai_graph_laplacian_spectrum(4, g, ws, sizeof ws, l4)
             | thermoai_graph_conductance(4, g, THERMOAI_GRAPH_CONDUCTANCE_PAPER, &phi_p)
             | thermoai_graph_conductance(4, g, 0, &phi) | thermoai_graph_cheeger_bounds(l4[1], &lo, &hi);
        tap_ok(st == THERMOAI_OK && phi_p < lo && lo <= phi,
               "Theorem A.4 as printed: paper conductance %.5f < lambda2/2 = %.4f (standard: %.2f)", phi_p, lo, phi);
    }
}

static void resistances(void)
{
    static double w[10 * 10], r[10 * 10];
    double foster = 0.0;
    uint64_t s = 5;
    size_t i, j, k;
    int tri = 1, sym = 1;

    random_graph(&s, 10, 0.5, w);
    tap_ok(thermoai_graph_effective_resistance(10, w, ws, sizeof ws, r) == THERMOAI_OK, "resistances: OK");
    for (i = 0; i < 10; i++)
        for (j = 0; j < 10; j++) {
            if (i < j)
                foster += w[i * 10 + j] * r[i * 10 + j];
            if (r[i * 10 + j] != r[j * 10 + i])
                sym = 0;
            for (k = 0; k < 10; k++)
                if (r[i * 10 + k] > r[i * 10 + j] + r[j * 10 + k] + 1e-12)
                    tri = 0;
        }
    tap_rel(foster, 9.0, 1e-12, "Foster's theorem: sum w_e R_e = n - 1 = 9");
    tap_ok(sym && r[0] == 0.0, "R symmetric with zero diagonal");
    tap_ok(tri, "R is a metric (triangle inequality)");
    {
        double path[25] = { 0 }, rp[25];

        for (i = 0; i < 4; i++)
            path[i * 5 + i + 1] = path[(i + 1) * 5 + i] = 2.0;
        tap_ok(thermoai_graph_effective_resistance(5, path, ws, sizeof ws, rp) == THERMOAI_OK
                   && fabs(rp[4] - 2.0) < 1e-13 && fabs(rp[1] - 0.5) < 1e-14,
               "a path of four 2-siemens edges: R(0,4) = 4 * 1/2 = 2, R(0,1) = 1/2");
        path[2 * 5 + 3] = path[3 * 5 + 2] = 0.0;
        tap_ok(thermoai_graph_effective_resistance(5, path, ws, sizeof ws, rp) == THERMOAI_E_DOMAIN && isnan(rp[0]),
               "a disconnected graph -> E_DOMAIN, NaN");
    }
    {
        double kn[36], l6[6];

        for (i = 0; i < 36; i++)
            kn[i] = i % 7 == 0 ? 0.0 : 1.0;
        tap_ok(thermoai_graph_laplacian_spectrum(6, kn, ws, sizeof ws, l6) == THERMOAI_OK && fabs(l6[0]) < 1e-14
                   && fabs(l6[1] - 1.2) < 1e-14 && fabs(l6[5] - 1.2) < 1e-14,
               "K_6: L_sym eigenvalues 0 and n/(n-1) = 1.2 (x5)");

        for (i = 0; i < 36; i++)
            kn[i] = i % 7 == 0 ? 0.0 : ((i / 6 + i % 6) % 2 == 1 ? 1.0 : 0.0);
        tap_ok(thermoai_graph_laplacian_spectrum(6, kn, ws, sizeof ws, l6) == THERMOAI_OK && fabs(l6[5] - 2.0) < 1e-14,
               "a bipartite graph (K_3,3): largest eigenvalue 2");
    }
}

static void sparsifier(void)
{
    enum { N = 16 };
    static double w[N * N], out[N * N], out2[N * N], avg[N * N];
    thermoai_graph_sampler *sm = NULL;
    uint64_t s = 77;
    size_t i, j, distinct = 0;
    int seed, ok_ratio = 1, det = 1;
    const int reps = quick() ? 20 : 200;
    double maxdev = 0.0, worst_lo = 1e9, worst_hi = 0.0;

    random_graph(&s, N, 1.0, w); /* complete, random weights */
    tap_ok(thermoai_graph_sampler_create(N, &sm) == THERMOAI_OK && sm != NULL, "sampler: create");
    seed = thermoai_graph_sampler_execute(sm, w, 4000, 1, out, &distinct);
    tap_ok(seed == THERMOAI_OK && distinct > 0
               && distinct <= N * (N - 1) / 2,
           "sampler: 4000 draws, %zu distinct edges", distinct);
    /* x^T L~ x / x^T L x over random x orthogonal to 1: within [0.7, 1.3] for q ~ 9 n ln n / 0.3^2 */
    for (seed = 0; seed < 200; seed++) {
        double x[N], mean = 0.0, qa = 0.0, qb = 0.0, ratio;

        for (i = 0; i < N; i++)
            mean += (x[i] = rng_sym(&s)) / N;
        for (i = 0; i < N; i++)
            x[i] -= mean;
        for (i = 0; i < N; i++)
            for (j = i + 1; j < N; j++) {
                const double dx = (x[i] - x[j]) * (x[i] - x[j]);

                qa += w[i * N + j] * dx;
                qb += out[i * N + j] * dx;
            }
        ratio = qb / qa;
        worst_lo = fmin(worst_lo, ratio);
        worst_hi = fmax(worst_hi, ratio);
        if (ratio < 0.7 || ratio > 1.3)
            ok_ratio = 0;
    }
    tap_ok(ok_ratio, "spectral approximation: x^T L~ x / x^T L x in [%.3f, %.3f] for 200 random x", worst_lo,
           worst_hi);
    tap_ok(thermoai_graph_sampler_execute(sm, w, 4000, 1, out2, NULL) == THERMOAI_OK
               && memcmp(out, out2, sizeof out) == 0,
           "same seed: the same sparsifier, bit for bit");
    tap_ok(thermoai_graph_sampler_execute(sm, w, 4000, 2, out2, NULL) == THERMOAI_OK
               && memcmp(out, out2, sizeof out) != 0,
           "another seed: another sparsifier");
    for (i = 0; i < N; i++)
        if (out[i * N + i] != 0.0)
            det = 0;
    tap_ok(det, "zero diagonal");
    /* unbiased: the mean over seeds approaches W */
    memset(avg, 0, sizeof avg);
    for (seed = 0; seed < reps; seed++) {
        if (thermoai_graph_sampler_execute(sm, w, 200, (uint64_t)seed + 100, out2, NULL) != THERMOAI_OK)
            break;
        for (i = 0; i < N * N; i++)
            avg[i] += out2[i] / reps;
    }
    {
        double tot = 0, tot_avg = 0;

        for (i = 0; i < N * N; i++) {
            maxdev = fmax(maxdev, fabs(avg[i] - w[i]));
            tot += w[i];
            tot_avg += avg[i];
        }
        tap_ok(fabs(tot_avg - tot) < (quick() ? 0.1 : 0.03) * tot,
               "unbiased: total weight of the mean of %d sparsifiers within 3%% (%.4g vs %.4g)", reps, tot_avg, tot);
    }
    {
        double one[N * N];

        memset(one, 0, sizeof one);
        tap_ok(thermoai_graph_sampler_execute(sm, one, 10, 1, out, NULL) == THERMOAI_E_DOMAIN && isnan(out[0]),
               "no edge -> E_DOMAIN, output NaN");
        one[0 * N + 1] = one[1 * N + 0] = 3.0;
        tap_ok(thermoai_graph_sampler_execute(sm, one, 10, 1, out, &distinct) == THERMOAI_OK && distinct == 1
                   && fabs(out[1] - 3.0) < 1e-15,
               "a single edge (disconnected rest): kept with its weight");
        one[5] = -1.0;
        one[5 * N] = -1.0;
        tap_ok(thermoai_graph_sampler_execute(sm, one, 10, 1, out, NULL) == THERMOAI_E_INVALID,
               "a negative weight -> E_INVALID");
        tap_ok(thermoai_graph_sampler_execute(sm, w, 0, 1, out, NULL) == THERMOAI_E_INVALID, "0 samples");
        tap_ok(thermoai_graph_sampler_execute(NULL, w, 10, 1, out, NULL) == THERMOAI_E_NULL, "NULL sampler");
    }
    thermoai_graph_sampler_free(sm);
    thermoai_graph_sampler_free(NULL);
    {
        thermoai_graph_sampler *t = (thermoai_graph_sampler *)&t;

        tap_ok(thermoai_graph_sampler_create(1, &t) == THERMOAI_E_INVALID && t == NULL,
               "create: n = 1 -> E_INVALID, NULL");
        tap_ok(thermoai_graph_sampler_create(5000, &t) == THERMOAI_E_INVALID, "create: n above 1024");
        tap_ok(thermoai_graph_sampler_create(4, NULL) == THERMOAI_E_NULL, "create: NULL");
    }
    /* allocation failure at every k until creation succeeds */
    {
        int k, clean = 1, created = 0;

        for (k = 1; k < 10 && !created; k++) {
            struct counting_alloc c = { 0, 0, 0 };
            thermoai_allocator a;
            thermoai_graph_sampler *t = NULL;
            int st;

            c.fail_at = k;
            a.alloc = counting_malloc;
            a.release = counting_free;
            a.user = &c;
            st = thermoai_graph_sampler_create_ex(N, &a, &t);
            if (st == THERMOAI_OK) {
                created = 1;
                if (thermoai_graph_sampler_execute(t, w, 50, 3, out, NULL) != THERMOAI_OK)
                    clean = 0;
                thermoai_graph_sampler_free(t);
            } else if (st != THERMOAI_E_NOMEM || t != NULL) {
                clean = 0;
            }
            if (c.live != 0)
                clean = 0;
        }
        tap_ok(clean && created && k == 4, "allocation failure at call 1 and 2: E_NOMEM, nothing leaked; 3: works");
    }
    {
        thermoai_allocator bad = { NULL, counting_free, NULL };
        thermoai_graph_sampler *t;

        tap_ok(thermoai_graph_sampler_create_ex(4, &bad, &t) == THERMOAI_E_NULL, "an allocator without alloc -> E_NULL");
    }
}

static void bad_input(void)
{
    double x = 1, y = 1, w4[16] = { 0 }, l4[4];
    const double asym[4] = { 0, 1, 2, 0 }, nanw[4] = { 0, (double)NAN, (double)NAN, 0 };
    size_t bytes;

    tap_ok(thermoai_graph_cheeger_bounds(2.5, &x, &y) == THERMOAI_E_INVALID && isnan(x) && isnan(y),
           "Cheeger: lambda2 > 2 -> E_INVALID, both NaN");
    tap_ok(thermoai_graph_cheeger_bounds((double)NAN, &x, &y) == THERMOAI_E_NONFINITE, "Cheeger: NaN");
    tap_ok(thermoai_graph_cheeger_bounds(1.0, &x, NULL) == THERMOAI_E_NULL && isnan(x), "Cheeger: NULL output");
    tap_ok(thermoai_graph_cheeger_bounds(1e-310, &x, &y) == THERMOAI_OK && x == 0.0 && y > 0,
           "Cheeger: a subnormal lambda2 is a value");
    tap_ok(thermoai_graph_conductance(2, asym, 0, &x) == THERMOAI_E_INVALID && isnan(x),
           "conductance: non-symmetric -> E_INVALID");
    tap_ok(thermoai_graph_conductance(2, nanw, 0, &x) == THERMOAI_E_NONFINITE, "conductance: NaN weight");
    tap_ok(thermoai_graph_conductance(4, w4, 0, &x) == THERMOAI_E_DOMAIN, "conductance: isolated vertices -> E_DOMAIN");
    w4[1] = w4[4] = 1;
    w4[11] = w4[14] = 1;
    tap_ok(thermoai_graph_conductance(4, w4, 0x8, &x) == THERMOAI_E_UNSUPPORTED, "conductance: unknown flag");
    tap_ok(thermoai_graph_conductance(4, w4, 0, &x) == THERMOAI_OK && x == 0.0,
           "two components: conductance 0");
    tap_ok(thermoai_graph_conductance(25, w4, 0, &x) == THERMOAI_E_INVALID, "conductance: n above 24");
    tap_ok(thermoai_graph_laplacian_spectrum(4, w4, ws, 8, l4) == THERMOAI_E_SIZE && isnan(l4[0]),
           "spectrum: small workspace -> E_SIZE, NaN");
    tap_ok(thermoai_graph_laplacian_spectrum(1, w4, ws, sizeof ws, l4) == THERMOAI_E_INVALID, "spectrum: n = 1");
    w4[1] = w4[4] = 0;
    tap_ok(thermoai_graph_laplacian_spectrum(4, w4, ws, sizeof ws, l4) == THERMOAI_E_DOMAIN,
           "spectrum: a vertex of degree 0 -> E_DOMAIN");
    tap_ok(thermoai_graph_workspace_bytes(0, &bytes) == THERMOAI_E_INVALID && bytes == 0, "workspace: n = 0");
    tap_ok(thermoai_graph_sparsifier_min_edges(1024, 0.1, 1, &x) == THERMOAI_OK && fabs(x - 102400) < 1e-9,
           "Theorem 10.2 with c = 1: N / eps^2");
    tap_ok(thermoai_graph_sparsifier_min_edges(1024, 1.5, 1, &x) == THERMOAI_E_INVALID, "Theorem 10.2: eps >= 1");
}

int main(void)
{
    cheeger();
    resistances();
    sparsifier();
    bad_input();
    return tap_done();
}
