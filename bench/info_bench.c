/* SPDX-License-Identifier: MIT */
/*
 * make bench: Blahut-Arimoto curves and information-bottleneck points (rd.h, ib.h),
 * timed here and against bench/peers/numpy_info.py (the same iterations, the same
 * stopping rules, the same problems) in the same run by bench/run_info.sh.
 *
 * Problems (identical in the peer, from the same formulas, no random numbers):
 *   rd N    source p(x) proportional to 1 + x mod 7, distortion 0 on the diagonal and
 *           1 + ((7x + 3y) mod 5)/5 off it (a perturbed Hamming distortion), N x N;
 *           50 slopes s_k = -10^(0.3 + 1.2 k/49) bit per unit of distortion (k = 0..49, flat to
 *           steep), warm-started along the curve, certified tolerance 1e-4 bits (RD_TOL).
 *   ib N    joint p(x, y) proportional to 1 + ((3x + 5y) mod 11) + 10 [|x - y| < 3],
 *           N x N, |Z| = N; beta = 20, the encoder set to the same start
 *           (p(z|x) proportional to 1 + ((x + 2z) mod 5)), tolerance 1e-10 bits.
 *
 * usage: info_bench [REPEATS]      prints CSV rows: impl,problem,n,points,iterations,seconds
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <thermoai/thermoai.h>

#define SLOPES 50

static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int rd_bench(size_t n, int repeats, int portable)
{
    double *p = malloc(n * sizeof *p), *d = malloc(n * n * sizeof *d), s = 0.0, best = 1e300;
    double slopes[SLOPES], dist[SLOPES], rate[SLOPES];
    thermoai_rd_ba_params params;
    thermoai_rd_ba_result r;
    thermoai_rd_ba *h = NULL;
    unsigned long iters = 0;
    size_t i, j;
    int k, rep, rc = 1;

    if (p == NULL || d == NULL)
        goto done;
    for (i = 0; i < n; i++) {
        p[i] = 1.0 + (double)(i % 7);
        s += p[i];
    }
    for (i = 0; i < n; i++) {
        p[i] /= s;
        for (j = 0; j < n; j++)
            d[i * n + j] = i == j ? 0.0 : 1.0 + (double)((7 * i + 3 * j) % 5) / 5.0;
    }
    for (k = 0; k < SLOPES; k++)
        slopes[k] = -pow(10.0, 0.3 + 1.2 * k / (SLOPES - 1.0));
    if (thermoai_rd_ba_params_init(&params, sizeof params) != THERMOAI_OK
        || thermoai_rd_ba_result_init(&r, sizeof r) != THERMOAI_OK)
        goto done;
    params.tolerance_bits = getenv("RD_TOL") ? atof(getenv("RD_TOL")) : 1e-4;
    params.flags = portable ? THERMOAI_RD_BA_PORTABLE : 0;
    for (rep = 0; rep < repeats; rep++) {
        double t0, t;

        thermoai_rd_ba_free(h);
        h = NULL;
        if (thermoai_rd_ba_create(p, n, d, n, &params, &h) != THERMOAI_OK)
            goto done;
        iters = 0;
        t0 = now();
        for (k = 0; k < SLOPES; k++) {
            int st = thermoai_rd_ba_execute(h, slopes[k], &r);

            if (st != THERMOAI_OK) {
                fprintf(stderr, "rd %zu: slope %g: %s\n", n, slopes[k], thermoai_status_name(st));
                goto done;
            }
            iters += r.iterations;
            dist[k] = r.distortion;
            rate[k] = r.rate_bits;
        }
        t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("thermoai%s,rd,%zu,%d,%lu,%.6e\n", portable ? "-portable" : "", n, SLOPES, iters, best);
    fprintf(stderr, "# rd %zu: R(D) from %.6f bits at D = %.3g to %.6f at D = %.3g\n", n, rate[0], dist[0],
            rate[SLOPES - 1], dist[SLOPES - 1]);
    rc = 0;
done:
    thermoai_rd_ba_free(h);
    free(p);
    free(d);
    return rc;
}

static int ib_bench(size_t n, int repeats, int portable)
{
    double *joint = malloc(n * n * sizeof *joint), *enc = malloc(n * n * sizeof *enc), s = 0.0;
    double best = 1e300;
    thermoai_ib_params params;
    thermoai_ib_result r;
    thermoai_ib *h = NULL;
    unsigned long iters = 0;
    size_t x, y;
    int rep, rc = 1;

    if (joint == NULL || enc == NULL)
        goto done;
    for (x = 0; x < n; x++)
        for (y = 0; y < n; y++) {
            const double dxy = (double)x - (double)y;

            joint[x * n + y] = 1.0 + (double)((3 * x + 5 * y) % 11) + (fabs(dxy) < 3.0 ? 10.0 : 0.0);
            s += joint[x * n + y];
        }
    for (x = 0; x < n * n; x++)
        joint[x] /= s;
    for (x = 0; x < n; x++) {
        double rs = 0.0;

        for (y = 0; y < n; y++)
            rs += enc[x * n + y] = 1.0 + (double)((x + 2 * y) % 5);
        for (y = 0; y < n; y++)
            enc[x * n + y] /= rs;
    }
    if (thermoai_ib_params_init(&params, sizeof params) != THERMOAI_OK
        || thermoai_ib_result_init(&r, sizeof r) != THERMOAI_OK)
        goto done;
    params.tolerance_bits = 1e-10;
    params.flags = portable ? THERMOAI_IB_PORTABLE : 0;
    if (thermoai_ib_create(joint, n, n, n, &params, &h) != THERMOAI_OK)
        goto done;
    for (rep = 0; rep < repeats; rep++) {
        double t0, t;

        if (thermoai_ib_set_encoder(h, enc) != THERMOAI_OK)
            goto done;
        t0 = now();
        if (thermoai_ib_execute(h, 20.0, &r) != THERMOAI_OK)
            goto done;
        t = now() - t0;
        iters = r.iterations;
        if (t < best)
            best = t;
    }
    printf("thermoai%s,ib,%zu,1,%lu,%.6e\n", portable ? "-portable" : "", n, iters, best);
    fprintf(stderr, "# ib %zu: I(X;Z) = %.6f, I(Z;Y) = %.6f bits\n", n, r.ixz_bits, r.izy_bits);
    rc = 0;
done:
    thermoai_ib_free(h);
    free(joint);
    free(enc);
    return rc;
}

int main(int argc, char **argv)
{
    const int repeats = argc > 1 ? atoi(argv[1]) : 3;
    int rc = 0, portable;

    for (portable = 0; portable < 2; portable++) {
        rc |= rd_bench(64, repeats, portable);
        if (!portable)
            rc |= rd_bench(512, repeats, portable);
        rc |= ib_bench(64, repeats, portable);
        rc |= ib_bench(256, repeats, portable);
    }
    return rc;
}
