/* SPDX-License-Identifier: MIT */
/*
 * Synthetic attention inputs: regimes, determinism, balanced labels, the
 * logit statistics the header derives, the in-cluster mass each regime is
 * documented to give, and bad input.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "attn_util.h"
#include "../harness/tap.h"

struct data {
    float *q, *k, *v;
    uint32_t *labels;
};

static int alloc_data(struct data *x, size_t n, size_t d)
{
    x->q = malloc(n * d * sizeof(float));
    x->k = malloc(n * d * sizeof(float));
    x->v = malloc(n * d * sizeof(float));
    x->labels = malloc(n * sizeof(uint32_t));
    return x->q && x->k && x->v && x->labels;
}

static void free_data(struct data *x)
{
    free(x->q);
    free(x->k);
    free(x->v);
    free(x->labels);
}

static void check_regimes(void)
{
    thermoai_synth_params p;
    int rc;

    rc = thermoai_synth_params_init(&p, sizeof p, THERMOAI_SYNTH_CONCENTRATED);
    tap_ok(rc == THERMOAI_OK && p.separation == 3.0 && p.noise == 1.0 && p.logit_scale == 12.0
               && p.clusters == 0 && p.seed == 0 && p.struct_size == sizeof p,
           "concentrated: a = 3, sigma = 1, l = 12, default clusters, seed 0");
    rc = thermoai_synth_params_init(&p, sizeof p, THERMOAI_SYNTH_DIFFUSE);
    tap_ok(rc == THERMOAI_OK && p.separation == 1.0 && p.noise == 1.0 && p.logit_scale == 6.0,
           "diffuse: a = 1, sigma = 1, l = 6");
    rc = thermoai_synth_params_init(&p, sizeof p, THERMOAI_SYNTH_UNIFORM);
    tap_ok(rc == THERMOAI_OK && p.separation == 0.0 && p.logit_scale == 1.0,
           "uniform: a = 0, l = 1");
    tap_ok(thermoai_synth_params_init(&p, sizeof p, 3) == THERMOAI_E_UNSUPPORTED,
           "unknown regime -> E_UNSUPPORTED");
    tap_ok(thermoai_synth_params_init(NULL, sizeof p, 0) == THERMOAI_E_NULL, "init: NULL");
    tap_ok(thermoai_synth_params_init(&p, 39, 0) == THERMOAI_E_SIZE, "init: size 39 -> E_SIZE");
}

static void check_determinism(void)
{
    const size_t n = 300, d = 20;
    struct data a, b;
    thermoai_synth_params p;
    size_t counts[17] = { 0 }, i, lo = SIZE_MAX, hi = 0;
    int rc1, rc2, in_range = 1;

    if (!alloc_data(&a, n, d) || !alloc_data(&b, n, d)
        || thermoai_synth_params_init(&p, sizeof p, THERMOAI_SYNTH_DIFFUSE) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    p.seed = 7;
    rc1 = thermoai_synth_generate(n, d, &p, a.q, a.k, a.v, a.labels);
    rc2 = thermoai_synth_generate(n, d, &p, b.q, b.k, b.v, b.labels);
    tap_ok(rc1 == THERMOAI_OK && rc2 == THERMOAI_OK && memcmp(a.q, b.q, n * d * 4) == 0
               && memcmp(a.k, b.k, n * d * 4) == 0 && memcmp(a.v, b.v, n * d * 4) == 0
               && memcmp(a.labels, b.labels, n * 4) == 0,
           "same seed: identical tokens and labels");
    rc2 = thermoai_synth_generate(n, d, &p, b.q, b.k, b.v, NULL);
    tap_ok(rc2 == THERMOAI_OK && memcmp(a.q, b.q, n * d * 4) == 0
               && memcmp(a.k, b.k, n * d * 4) == 0 && memcmp(a.v, b.v, n * d * 4) == 0,
           "without a labels array: the same tokens");
    p.seed = 8;
    rc2 = thermoai_synth_generate(n, d, &p, b.q, b.k, b.v, b.labels);
    tap_ok(rc2 == THERMOAI_OK && memcmp(a.q, b.q, n * d * 4) != 0
               && memcmp(a.labels, b.labels, n * 4) != 0,
           "another seed: other tokens and labels");
    /* default clusters round(sqrt(300)) = 17, balanced: sizes 17 or 18 */
    for (i = 0; i < n; i++) {
        if (a.labels[i] < 17)
            counts[a.labels[i]]++;
        else
            in_range = 0;
    }
    for (i = 0; i < 17; i++) {
        lo = counts[i] < lo ? counts[i] : lo;
        hi = counts[i] > hi ? counts[i] : hi;
    }
    tap_ok(in_range && lo == 17 && hi == 18, "17 balanced clusters of 17 or 18 tokens (%zu..%zu)",
           lo, hi);
    p.clusters = 1;
    p.seed = 7;
    rc1 = thermoai_synth_generate(1, 1, &p, b.q, b.k, b.v, b.labels);
    tap_ok(rc1 == THERMOAI_OK && b.labels[0] == 0 && isfinite(b.q[0]), "n = d = 1 works");
    free_data(&a);
    free_data(&b);
}

/* E[q_i . k_j] / sqrt(d) = l a^2 / (a^2 + sigma^2) in a cluster and 0 across (synth.h). */
static void check_logit_statistics(void)
{
    const size_t n = 512, d = 64;
    struct data x;
    thermoai_synth_params p;
    double in = 0.0, out = 0.0, vs = 0.0, vs2 = 0.0;
    size_t nin = 0, nout = 0, i, j, t;

    if (!alloc_data(&x, n, d)
        || thermoai_synth_params_init(&p, sizeof p, THERMOAI_SYNTH_CONCENTRATED) != THERMOAI_OK
        || thermoai_synth_generate(n, d, &p, x.q, x.k, x.v, x.labels) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double dot = 0.0;

            if (i == j)
                continue;
            for (t = 0; t < d; t++)
                dot += (double)x.q[i * d + t] * (double)x.k[j * d + t];
            dot /= sqrt((double)d);
            if (x.labels[i] == x.labels[j]) {
                in += dot;
                nin++;
            } else {
                out += dot;
                nout++;
            }
        }
    in /= (double)nin;
    out /= (double)nout;
    tap_ok(fabs(in - 12.0 * 9.0 / 10.0) < 0.5,
           "mean in-cluster logit %.3f ~ l a^2/(a^2+s^2) = 10.8", in);
    tap_ok(fabs(out) < 0.5, "mean cross-cluster logit %.3f ~ 0", out);
    for (i = 0; i < n * d; i++) {
        vs += (double)x.v[i];
        vs2 += (double)x.v[i] * (double)x.v[i];
    }
    vs /= (double)(n * d);
    vs2 = vs2 / (double)(n * d) - vs * vs;
    tap_ok(fabs(vs) < 0.02 && fabs(vs2 - 1.0) < 0.03, "values: mean %.4f, variance %.4f (0, 1)",
           vs, vs2);
    free_data(&x);
}

/* The masses synth.h documents for n = 4096, d = 64, 64 clusters (1024 tokens and
 * 32 clusters under valgrind, where the O(n^2 d) masses would take minutes). */
static void check_regime_masses(void)
{
    const size_t n = getenv("VALGRIND") != NULL ? 1024 : 4096, d = 64;
    struct data x;
    thermoai_synth_params p;
    double mass[3] = { (double)NAN, (double)NAN, (double)NAN };
    size_t bytes;
    void *ws;
    uint32_t r;

    if (!alloc_data(&x, n, d) || thermoai_attention_workspace_bytes(n, d, &bytes) != THERMOAI_OK
        || (ws = malloc(bytes)) == NULL) {
        tap_ok(0, "setup");
        return;
    }
    for (r = 0; r < 3; r++)
        if (thermoai_synth_params_init(&p, sizeof p, r) != THERMOAI_OK
            || thermoai_synth_generate(n, d, &p, x.q, x.k, x.v, x.labels) != THERMOAI_OK
            || thermoai_attention_cluster_mass(n, d, x.q, x.k, x.labels, 0, ws, bytes, &mass[r])
                   != THERMOAI_OK)
            mass[r] = (double)NAN;
    tap_ok(mass[0] > 0.99, "concentrated: in-cluster mass %.4f > 0.99", mass[0]);
    tap_ok(n == 4096 ? mass[1] > 0.15 && mass[1] < 0.35 : mass[1] > mass[2] && mass[1] < mass[0],
           "diffuse: in-cluster mass %.4f (about 0.22 at n = 4096)", mass[1]);
    tap_ok(mass[2] > 0.5 / sqrt((double)n) && mass[2] < 2.0 / sqrt((double)n),
           "uniform: in-cluster mass %.4f ~ 1/%.0f", mass[2], sqrt((double)n));
    free(ws);
    free_data(&x);
}

/* Issue 20: amplitudes beyond float are an error (q and k were infinite with OK), and a
 * tiny separation is a scale, not an underflow. */
static void check_range(thermoai_synth_params *p)
{
    const size_t n = 4, d = 4;
    struct data x, r;
    size_t i;
    int rc, finite = 1;
    double worst = 0.0;

    if (!alloc_data(&x, n, d) || !alloc_data(&r, n, d)) {
        tap_ok(0, "setup");
        return;
    }
    p->logit_scale = 1e300;
    rc = thermoai_synth_generate(n, d, p, x.q, x.k, x.v, x.labels);
    tap_ok(rc == THERMOAI_E_RANGE && util_all_nan(x.q, n * d) && util_all_nan(x.k, n * d)
               && util_all_nan(x.v, n * d),
           "logit_scale 1e300: E_RANGE, q, k, v NaN (got %d)", rc);
    p->logit_scale = 1.7e308;
    rc = thermoai_synth_generate(n, d, p, x.q, x.k, x.v, x.labels);
    tap_ok(rc == THERMOAI_E_RANGE && util_all_nan(x.q, n * d), "logit_scale 1.7e308: E_RANGE");
    p->logit_scale = 12.0;
    p->noise = 0.0;
    p->separation = 1e-200;
    rc = thermoai_synth_generate(n, d, p, x.q, x.k, x.v, x.labels);
    p->separation = 1.0;
    if (thermoai_synth_generate(n, d, p, r.q, r.k, r.v, r.labels) != THERMOAI_OK)
        rc = -1;
    for (i = 0; i < n * d; i++) {
        finite &= isfinite(x.q[i]) && isfinite(x.k[i]);
        worst = fmax(worst, fabs((double)x.q[i] - (double)r.q[i]) / (fabs((double)r.q[i]) + 1e-30));
    }
    tap_ok(rc == THERMOAI_OK && finite && worst <= 1e-6,
           "separation 1e-200, noise 0: finite, as separation 1 (q = sqrt(l sqrt d) u; rel. %.1e)",
           worst);
    p->separation = 1e200;
    p->noise = 1e200;
    rc = thermoai_synth_generate(n, d, p, x.q, x.k, x.v, x.labels);
    p->separation = p->noise = 1.0;
    if (thermoai_synth_generate(n, d, p, r.q, r.k, r.v, r.labels) != THERMOAI_OK)
        rc = -1;
    for (i = 0, worst = 0.0; i < n * d; i++)
        worst = fmax(worst, fabs((double)x.q[i] - (double)r.q[i]) / (fabs((double)r.q[i]) + 1e-30));
    tap_ok(rc == THERMOAI_OK && worst <= 1e-6,
           "separation = noise = 1e200: as separation = noise = 1 (rel. %.1e)", worst);
    p->separation = 3.0;
    p->noise = 1.0;
    free_data(&x);
    free_data(&r);
}

static void check_bad_input(void)
{
    const size_t n = 10, d = 4;
    struct data x;
    thermoai_synth_params p;

    if (!alloc_data(&x, n, d)
        || thermoai_synth_params_init(&p, sizeof p, THERMOAI_SYNTH_CONCENTRATED) != THERMOAI_OK) {
        tap_ok(0, "setup");
        return;
    }
    tap_ok(thermoai_synth_generate(n, d, &p, NULL, x.k, x.v, x.labels) == THERMOAI_E_NULL,
           "NULL q -> E_NULL");
    tap_ok(thermoai_synth_generate(n, d, &p, x.q, x.k, NULL, x.labels) == THERMOAI_E_NULL,
           "NULL v -> E_NULL");
    tap_ok(thermoai_synth_generate(0, d, &p, x.q, x.k, x.v, x.labels) == THERMOAI_E_INVALID,
           "n = 0 -> E_INVALID");
    tap_ok(thermoai_synth_generate(n, 0, &p, x.q, x.k, x.v, x.labels) == THERMOAI_E_INVALID,
           "d = 0 -> E_INVALID");
    tap_ok(thermoai_synth_generate(n, 4097, &p, x.q, x.k, x.v, x.labels) == THERMOAI_E_INVALID,
           "d = 4097 -> E_INVALID");
    p.clusters = 11;
    tap_ok(thermoai_synth_generate(n, d, &p, x.q, x.k, x.v, x.labels) == THERMOAI_E_INVALID,
           "more clusters than tokens -> E_INVALID");
    p.clusters = 0;
    p.separation = (double)NAN;
    tap_ok(thermoai_synth_generate(n, d, &p, x.q, x.k, x.v, x.labels) == THERMOAI_E_NONFINITE,
           "NaN separation -> E_NONFINITE");
    p.separation = 3.0;
    p.noise = -1.0;
    tap_ok(thermoai_synth_generate(n, d, &p, x.q, x.k, x.v, x.labels) == THERMOAI_E_INVALID,
           "negative noise -> E_INVALID");
    p.noise = 0.0;
    p.separation = 0.0;
    tap_ok(thermoai_synth_generate(n, d, &p, x.q, x.k, x.v, x.labels) == THERMOAI_E_INVALID,
           "a = sigma = 0 -> E_INVALID");
    p.separation = 3.0;
    p.struct_size = 16;
    tap_ok(thermoai_synth_generate(n, d, &p, x.q, x.k, x.v, x.labels) == THERMOAI_E_SIZE
               && util_all_nan(x.q, n * d) && util_all_nan(x.v, n * d),
           "struct_size 16 -> E_SIZE, outputs NaN");
    p.struct_size = sizeof p;
    free_data(&x);
    check_range(&p);
    if (!alloc_data(&x, n, d)) {
        tap_ok(0, "setup");
        return;
    }
    tap_ok(thermoai_synth_generate(n, d, NULL, x.q, x.k, x.v, x.labels) == THERMOAI_OK,
           "NULL params: the concentrated regime");
    free_data(&x);
}

int main(void)
{
    check_regimes();
    check_determinism();
    check_logit_statistics();
    check_regime_masses();
    check_bad_input();
    return tap_done();
}
