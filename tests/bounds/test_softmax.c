/* SPDX-License-Identifier: MIT */
/*
 * Softmax attention (paper 002, Definition 8.3, Proposition 8.4, Lemmas 8.2 and
 * C.1). Proposition 8.4: dense softmax minimises the free energy; checked on 500
 * seeded random distributions (F(P) >= F(P*) on every one; F(P) - F(P*) =
 * sqrt(d) KL(P || P*)) and against sparse restrictions. Lemma C.1: false for
 * N = 2 and, by Monte Carlo over 20000 seeded queries, for d = 1, N = 10 (the
 * frequency matches the closed form erfc(z_c / sqrt 2) / 2 = 0.31 > 1/N). Lemma 8.2:
 * a one-dimensional span gives rank 3 > 2^1. Effective rank, bad input.
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

static void free_energy(void)
{
    enum { N = 12, D = 4 };
    double q[D], k[N * D], p[N], pstar[N], fmin_v, fs, f, kl;
    uint64_t s = 8;
    size_t i, j;
    int seed, above = 1, identity = 1, sparse_above = 1;
    const int seeds = quick() ? 100 : 500;

    for (i = 0; i < D; i++)
        q[i] = 2 * rng_sym(&s);
    for (i = 0; i < N * D; i++)
        k[i] = rng_sym(&s);
    tap_ok(thermoai_softmax_free_energy_min(N, D, q, k, &fmin_v, pstar) == THERMOAI_OK, "F_min and P*: OK");
    tap_ok(thermoai_softmax_free_energy(N, D, q, k, pstar, &fs) == THERMOAI_OK && fabs(fs - fmin_v) < 1e-13,
           "Proposition 8.4: F(softmax) = F_min = %.15g", fmin_v);
    for (seed = 0; seed < seeds; seed++) {
        double tot = 0.0;

        for (j = 0; j < N; j++) {
            p[j] = seed % 5 == 0 && j % 3 == 0 ? 0.0 : exp(3 * rng_sym(&s));
            tot += p[j];
        }
        for (j = 0; j < N; j++)
            p[j] /= tot;
        if (thermoai_softmax_free_energy(N, D, q, k, p, &f) != THERMOAI_OK || !(f >= fmin_v - 1e-13)) {
            above = 0;
            tap_diag("seed %d: F(P) = %.17g < F_min %.17g", seed, f, fmin_v);
        }
        kl = 0.0;
        for (j = 0; j < N; j++)
            if (p[j] > 0)
                kl += p[j] * log(p[j] / pstar[j]);
        if (fabs(f - fmin_v - sqrt((double)D) * kl) > 1e-12)
            identity = 0;
    }
    tap_ok(above, "F(P) >= F(P*) for %d random distributions", seeds);
    tap_ok(identity, "F(P) - F(P*) = sqrt(d) KL(P || P*) on all of them");
    /* SSA's constrained problem: P restricted to the K largest weights, renormalised */
    for (j = 1; j < N; j++) {
        size_t m;
        double tot = 0.0;

        memcpy(p, pstar, sizeof p);
        for (m = 0; m < N; m++) { /* keep the j largest */
            size_t rank = 0, l;

            for (l = 0; l < N; l++)
                if (pstar[l] > pstar[m])
                    rank++;
            if (rank >= j)
                p[m] = 0.0;
            tot += p[m];
        }
        for (m = 0; m < N; m++)
            p[m] /= tot;
        if (thermoai_softmax_free_energy(N, D, q, k, p, &f) != THERMOAI_OK || !(f > fmin_v))
            sparse_above = 0;
    }
    tap_ok(sparse_above, "every top-K restriction of softmax has a higher free energy (K = 1..11)");
    p[0] = 0.5;
    for (j = 1; j < N; j++)
        p[j] = 0.1;
    f = 1;
    tap_ok(thermoai_softmax_free_energy(N, D, q, k, p, &f) == THERMOAI_E_INVALID && isnan(f),
           "a P that does not sum to 1 -> E_INVALID, NaN");
    p[0] = -0.1;
    tap_ok(thermoai_softmax_free_energy(N, D, q, k, p, &f) == THERMOAI_E_INVALID, "a negative P -> E_INVALID");
    tap_ok(thermoai_softmax_free_energy(N, D, q, k, NULL, &f) == THERMOAI_E_NULL, "NULL P");
    pstar[0] = 1;
    tap_ok(thermoai_softmax_free_energy_min(0, D, q, k, &f, pstar) == THERMOAI_E_INVALID && isnan(f),
           "F_min: n = 0 -> E_INVALID");
    k[3] = (double)INFINITY;
    tap_ok(thermoai_softmax_free_energy_min(N, D, q, k, &f, pstar) == THERMOAI_E_NONFINITE && isnan(pstar[0]),
           "F_min: an infinite key -> E_NONFINITE, P* NaN");
    tap_ok(thermoai_softmax_free_energy_min(N, D, q, k, NULL, pstar) == THERMOAI_E_NULL, "F_min: NULL output");
    {
        const double qb[1] = { 1e300 }, kb[2] = { 1e300, -1e300 };

        tap_ok(thermoai_softmax_free_energy_min(2, 1, qb, kb, &f, NULL) == THERMOAI_E_RANGE && isnan(f),
               "F_min: a logit beyond double -> E_RANGE");
    }
}

static void lemma_c1(void)
{
    const double keys2[2] = { 1.0, -1.0 };
    double keys10[10], am, th, q, zs, p_exact, freq;
    const int draws = quick() ? 2000 : 20000;
    uint64_t s = 4242;
    int i, over = 0, over64 = 0;
    enum { D64 = 64, N64 = 10 };
    static double k64[N64 * D64], q64[D64];

    q = 0.3;
    tap_ok(thermoai_softmax_max_weight(2, 1, &q, keys2, &am, &th) == THERMOAI_OK && am > th && am >= 0.5
               && fabs(th - log(2.0) / 2) < 1e-16,
           "N = 2: max alpha >= 1/2 > ln 2 / 2 for every query: Lemma C.1 fails with probability 1");
    keys10[0] = 1.0;
    for (i = 1; i < 10; i++)
        keys10[i] = -1.0;
    for (i = 0; i < draws; i++) {
        q = rng_normal(&s); /* N(0, I_d / d) with d = 1 */
        if (thermoai_softmax_max_weight(10, 1, &q, keys10, &am, &th) == THERMOAI_OK && am > th)
            over++;
    }
    zs = 0.5 * log(9.0 * log(10.0) / (10.0 - log(10.0)));
    p_exact = 0.5 * erfc(zs / sqrt(2.0));
    freq = (double)over / draws;
    tap_ok(fabs(freq - p_exact) < (quick() ? 0.05 : 0.015) && freq > 0.1,
           "d = 1, N = 10: P(max alpha > ln N / N) = %.4f (closed form %.4f) > 1/N: Lemma C.1 fails", freq, p_exact);
    /* in high dimension the logits shrink (std 1/d) and the statement holds in practice */
    for (i = 0; i < N64 * D64; i++)
        k64[i] = rng_normal(&s);
    for (i = 0; i < N64; i++) {
        double n2 = 0;
        int a;

        for (a = 0; a < D64; a++)
            n2 += k64[i * D64 + a] * k64[i * D64 + a];
        for (a = 0; a < D64; a++)
            k64[i * D64 + a] /= sqrt(n2);
    }
    for (i = 0; i < draws / 10; i++) {
        int a;

        for (a = 0; a < D64; a++)
            q64[a] = rng_normal(&s) / sqrt((double)D64);
        if (thermoai_softmax_max_weight(N64, D64, q64, k64, &am, &th) == THERMOAI_OK && am > th)
            over64++;
    }
    tap_ok(over64 == 0, "d = 64, N = 10, unit keys: no violation in %d draws", draws / 10);
    tap_ok(thermoai_softmax_max_weight(0, 1, &q, keys10, &am, &th) == THERMOAI_E_INVALID && isnan(am) && isnan(th),
           "max weight: n = 0 -> E_INVALID, both NaN");
    tap_ok(thermoai_softmax_max_weight(2, 1, &q, keys2, &am, NULL) == THERMOAI_E_NULL, "max weight: NULL output");
}

static void low_rank(void)
{
    const double q1[3] = { 0, 1, 2 }, k1[3] = { 0, 1, 2 };
    double sig[6], bound, er, q3[18], k3[18];
    uint64_t s = 1;
    size_t i;
    int desc = 1;
    size_t bytes;

    int st = thermoai_softmax_singular_values(3, 1, q1, k1, ws, sizeof ws, sig);

    tap_ok(st == THERMOAI_OK && sig[0] == 1.0
               && sig[2] > 1e-3,
           "q = k = (0, 1, 2), d = 1: W is Vandermonde in (1, e, e^2); sigma_3/sigma_1 = %.3g > 0", sig[2]);
    tap_ok(thermoai_softmax_rank_bound(3, 1, &bound) == THERMOAI_OK && bound == 2.0,
           "Lemma 8.2 as printed bounds the rank by min(3, 2^1) = 2: false (rank 3)");
    tap_ok(thermoai_softmax_rank_bound(10, 100, &bound) == THERMOAI_OK && bound == 10.0, "2^100 > N: N");
    tap_ok(thermoai_softmax_rank_bound(0, 1, &bound) == THERMOAI_E_INVALID && isnan(bound), "rank bound: n = 0");
    for (i = 0; i < 18; i++) {
        q3[i] = rng_sym(&s);
        k3[i] = rng_sym(&s);
    }
    tap_ok(thermoai_softmax_singular_values(6, 3, q3, k3, ws, sizeof ws, sig) == THERMOAI_OK, "6 x 6: OK");
    for (i = 1; i < 6; i++)
        if (sig[i] > sig[i - 1] || sig[i] < 0)
            desc = 0;
    tap_ok(desc && sig[0] == 1.0, "singular values descending, the first 1");
    st = thermoai_softmax_effective_rank(6, sig, &er);
    tap_ok(st == THERMOAI_OK && er >= 1 && er <= 6,
           "effective rank in [1, n]: %.3f", er);
    {
        const double flat[4] = { 2, 2, 2, 2 }, spike[4] = { 5, 0, 0, 0 }, zero[2] = { 0, 0 }, neg[2] = { 1, -1 };

        tap_ok(thermoai_softmax_effective_rank(4, flat, &er) == THERMOAI_OK && fabs(er - 4) < 1e-14,
               "equal singular values: erank = n");
        tap_ok(thermoai_softmax_effective_rank(4, spike, &er) == THERMOAI_OK && er == 1.0, "rank one: erank = 1");
        tap_ok(thermoai_softmax_effective_rank(2, zero, &er) == THERMOAI_E_INVALID && isnan(er), "all zero -> E_INVALID");
        tap_ok(thermoai_softmax_effective_rank(2, neg, &er) == THERMOAI_E_INVALID, "negative -> E_INVALID");
    }
    tap_ok(thermoai_softmax_singular_values(6, 3, q3, k3, ws, 64, sig) == THERMOAI_E_SIZE && isnan(sig[0]),
           "singular values: small workspace -> E_SIZE, NaN");
    tap_ok(thermoai_softmax_singular_values_workspace_bytes(2000, 3, &bytes) == THERMOAI_E_INVALID && bytes == 0,
           "singular values: n above 1024");
}

int main(void)
{
    free_energy();
    lemma_c1();
    low_rank();
    return tap_done();
}
