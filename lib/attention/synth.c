/* SPDX-License-Identifier: MIT */
/* Seeded synthetic attention inputs with planted clusters. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "attn_kernels.h"
#include "common/arrays.h"
#include "common/internal.h"
#include "common/rng.h"


THERMOAI__STATIC_ASSERT(sizeof(thermoai_synth_params) == THERMOAI__SIZE_V0_SYNTH_PARAMS, synth_params_size);

#define SYNTH_MAX_N THERMOAI__ATTN_MAX_TOKENS
#define SYNTH_MAX_D THERMOAI__ATTN_MAX_HEAD_DIM

/* Above this dimension the unit direction is staged in k instead of on the stack. */
#define SYNTH_MAX_D_STACK 512

/* Label i, in labels or (when NULL) in the bits of q[i] (memcpy: no aliasing). */
static void put_label(uint32_t *labels, float *q, size_t i, uint32_t value)
{
    if (labels != NULL)
        labels[i] = value;
    else
        memcpy(&q[i], &value, sizeof value);
}

static uint32_t get_label(const uint32_t *labels, const float *q, size_t i)
{
    uint32_t value;

    if (labels != NULL)
        return labels[i];
    memcpy(&value, &q[i], sizeof value);
    return value;
}

static int regime(thermoai_synth_params *p, uint32_t which)
{
    switch (which) {
    case THERMOAI_SYNTH_CONCENTRATED:
        p->separation = 3.0;
        p->noise = 1.0;
        p->logit_scale = 12.0;
        return THERMOAI_OK;
    case THERMOAI_SYNTH_DIFFUSE:
        p->separation = 1.0;
        p->noise = 1.0;
        p->logit_scale = 6.0;
        return THERMOAI_OK;
    case THERMOAI_SYNTH_UNIFORM:
        p->separation = 0.0;
        p->noise = 1.0;
        p->logit_scale = 1.0;
        return THERMOAI_OK;
    default:
        return THERMOAI_E_UNSUPPORTED;
    }
}

int thermoai_synth_params_init(thermoai_synth_params *params, size_t size, uint32_t which)
{
    thermoai_synth_params d;
    int status;

    memset(&d, 0, sizeof d);
    d.struct_size = (uint32_t)sizeof d;
    if ((status = regime(&d, which)) != THERMOAI_OK)
        return params == NULL ? THERMOAI_E_NULL : status;
    THERMOAI__TRY(thermoai__struct_init(params, size, THERMOAI__SIZE_V0_SYNTH_PARAMS));
    return thermoai__struct_out(params, THERMOAI__SIZE_V0_SYNTH_PARAMS, &d, sizeof d);
}

size_t thermoai_synth_params_size(void)
{
    return sizeof(thermoai_synth_params);
}

/* The outputs' NaN on error, where n and d are in range (so n d floats exist). */
static int fail(int status, size_t n, size_t d, float *q, float *k, float *v)
{
    if (n >= 1 && n <= SYNTH_MAX_N && d >= 1 && d <= SYNTH_MAX_D) {
        if (q != NULL)
            thermoai__fill_nan(q, n * d);
        if (k != NULL)
            thermoai__fill_nan(k, n * d);
        if (v != NULL)
            thermoai__fill_nan(v, n * d);
    }
    return status;
}

/* x as a float; 0 (and *bad set) when it is beyond the float range. */
static float to_float(double x, int *bad)
{
    if (!(fabs(x) <= (double)FLT_MAX)) {
        *bad = 1;
        return 0.0f;
    }
    return (float)x;
}

static int generate(size_t n, size_t d, const thermoai_synth_params *user, float *q, float *k,
                    float *v, uint32_t *labels)
{
    thermoai_synth_params p;
    size_t i, t, clusters;
    double amp, norm, a, sigma, top;
    uint64_t rng;
    int status, bad = 0;

    if (q == NULL || k == NULL || v == NULL)
        return THERMOAI_E_NULL;
    memset(&p, 0, sizeof p);
    p.struct_size = (uint32_t)sizeof p;
    (void)regime(&p, THERMOAI_SYNTH_CONCENTRATED);
    if (user != NULL && (status = thermoai__struct_in(user, THERMOAI__SIZE_V0_SYNTH_PARAMS, &p, sizeof p)) != THERMOAI_OK)
        return status;
    THERMOAI__TRY(THERMOAI__CHECK({ p.separation, THERMOAI__NONNEG }, { p.noise, THERMOAI__NONNEG },
                                  { p.logit_scale, THERMOAI__NONNEG }));
    if (n < 1 || n > SYNTH_MAX_N || d < 1 || d > SYNTH_MAX_D || !(p.separation + p.noise > 0.0))
        return THERMOAI_E_INVALID;
    clusters = p.clusters ? p.clusters : (size_t)floor(sqrt((double)n) + 0.5);
    if (clusters > n)
        return THERMOAI_E_INVALID;
    /* (a u + sigma g) / sqrt(a^2 + sigma^2): directly when a^2 + sigma^2 is a normal
     * double, otherwise with a and sigma divided by the larger of the two first (the
     * same ratio, without the square underflowing at a = 1e-200 or overflowing at
     * a = 1e200) */
    a = p.separation;
    sigma = p.noise;
    norm = a * a + sigma * sigma;
    if (norm >= DBL_MIN && norm <= DBL_MAX && p.logit_scale * sqrt((double)d) <= DBL_MAX) {
        amp = sqrt(p.logit_scale * sqrt((double)d)) / sqrt(norm);
    } else {
        top = a > sigma ? a : sigma;
        a /= top;
        sigma /= top;
        amp = sqrt(p.logit_scale) * sqrt(sqrt((double)d)) / sqrt(a * a + sigma * sigma);
    }
    if (!(amp <= (double)FLT_MAX))
        return THERMOAI_E_RANGE; /* logit_scale near DBL_MAX: no float holds the outputs */
    rng = thermoai__rng_stream(p.seed, thermoai__rng_stream_id(THERMOAI__RNG_SYNTH_LABELS, 0));

    /* labels: balanced (0, 1, ..., c - 1 repeating), then a Fisher-Yates shuffle;
     * without a labels array they are kept in the first n floats of q */
    for (i = 0; i < n; i++)
        put_label(labels, q, i, (uint32_t)(i % clusters));
    for (i = n - 1; i > 0; i--) {
        const size_t j = (size_t)thermoai__rng_below(&rng, (uint64_t)i + 1);
        const uint32_t li = get_label(labels, q, i), lj = get_label(labels, q, j);

        put_label(labels, q, i, lj);
        put_label(labels, q, j, li);
    }
    /* cluster directions: uniform on the unit sphere, drawn from a per-cluster
     * stream for each member, so that no scratch memory is needed. Tokens go
     * last to first: token i overwrites floats i d .. i d + d - 1 of q, which
     * hold the labels of tokens already written (or its own, read first). */
    for (i = n; i-- > 0;) {
        const uint32_t label = get_label(labels, q, i);
        uint64_t dir = thermoai__rng_stream(p.seed, thermoai__rng_stream_id(THERMOAI__RNG_SYNTH_DIRECTION, label));
        uint64_t tok = thermoai__rng_stream(p.seed, thermoai__rng_stream_id(THERMOAI__RNG_SYNTH_TOKEN, i));
        double u[SYNTH_MAX_D_STACK];
        double *dirv = d <= SYNTH_MAX_D_STACK ? u : NULL;

        norm = 0.0;
        for (t = 0; t < d; t++) { /* the direction, drawn again for each member, into k */
            const double x = thermoai__rng_normal(&dir);

            if (dirv != NULL)
                dirv[t] = x;
            else
                k[i * d + t] = (float)x;
            norm += x * x;
        }
        norm = sqrt(norm);
        for (t = 0; t < d; t++) {
            const double ut = (dirv != NULL ? dirv[t] : (double)k[i * d + t]) / norm;
            const double gq = thermoai__rng_normal(&tok) / sqrt((double)d);
            const double gk = thermoai__rng_normal(&tok) / sqrt((double)d);

            q[i * d + t] = to_float(amp * (a * ut + sigma * gq), &bad);
            k[i * d + t] = to_float(amp * (a * ut + sigma * gk), &bad);
            v[i * d + t] = (float)thermoai__rng_normal(&tok);
        }
    }
    return bad ? THERMOAI_E_RANGE : THERMOAI_OK;
}

int thermoai_synth_generate(size_t n, size_t d, const thermoai_synth_params *user, float *q,
                            float *k, float *v, uint32_t *labels)
{
    const int status = generate(n, d, user, q, k, v, labels);

    return status == THERMOAI_OK ? status : fail(status, n, d, q, k, v);
}
