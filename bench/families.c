/* SPDX-License-Identifier: MIT */
/* Attention inputs of many families (bench/families.h). */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifndef THERMOAI_EXPERIMENTAL
#  define THERMOAI_EXPERIMENTAL
#endif
#include <thermoai/thermoai.h>

#include "families.h"

static const char *const names[FAMILY_COUNT] = { "balanced", "zipf",    "qkdiff", "lowrank",
                                                 "local",    "uniform", "peaked", "text" };

const char *family_name(int f)
{
    return f >= 0 && f < FAMILY_COUNT ? names[f] : "?";
}

int family_index(const char *name)
{
    int f;

    for (f = 0; f < FAMILY_COUNT; f++)
        if (strcmp(name, names[f]) == 0)
            return f;
    return -1;
}

/* ---- random numbers: splitmix64, Box-Muller ----------------------------------- */

static uint64_t next(uint64_t *s)
{
    uint64_t z = (*s += UINT64_C(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static double unit(uint64_t *s)
{
    return ((double)(next(s) >> 11) + 0.5) / 9007199254740992.0; /* (0, 1) */
}

static double normal(uint64_t *s)
{
    const double a = unit(s), b = unit(s);

    return sqrt(-2.0 * log(a)) * cos(6.283185307179586 * b);
}

static size_t below(uint64_t *s, size_t n)
{
    return (size_t)(unit(s) * (double)n) % n;
}

/* c random unit vectors of width d */
static void directions(uint64_t *s, size_t c, size_t d, double *u)
{
    size_t i, t;

    for (i = 0; i < c; i++) {
        double nn = 0.0;

        for (t = 0; t < d; t++) {
            u[i * d + t] = normal(s);
            nn += u[i * d + t] * u[i * d + t];
        }
        for (t = 0; t < d; t++)
            u[i * d + t] /= sqrt(nn);
    }
}

/* n labels in [0, c) with P(l) proportional to (l + 1)^-e */
static void zipf_labels(uint64_t *s, size_t n, size_t c, double e, uint32_t *lab)
{
    double *cum = malloc(c * sizeof *cum), total = 0.0;
    size_t i;

    if (cum == NULL)
        return;
    for (i = 0; i < c; i++) {
        total += pow((double)(i + 1), -e);
        cum[i] = total;
    }
    for (i = 0; i < n; i++) {
        const double x = unit(s) * total;
        size_t lo = 0, hi = c - 1;

        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;

            if (cum[mid] < x)
                lo = mid + 1;
            else
                hi = mid;
        }
        lab[i] = (uint32_t)lo;
    }
    free(cum);
}

static void shuffle(uint64_t *s, size_t n, uint32_t *perm)
{
    size_t i;

    for (i = 0; i < n; i++)
        perm[i] = (uint32_t)i;
    for (i = n - 1; i > 0; i--) {
        const size_t j = below(s, i + 1);
        const uint32_t tmp = perm[i];

        perm[i] = perm[j];
        perm[j] = tmp;
    }
}

/* ---- text: hashed character n-gram embeddings ------------------------------------ */

static uint64_t fnv(const char *p, size_t len)
{
    uint64_t h = UINT64_C(1469598103934665603);
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)p[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

/* the unit embedding of one word (letters, lower case, at most 30) */
static void embed(const char *w, size_t len, size_t d, double *e)
{
    char buf[34];
    size_t t, m, i;
    double nn = 0.0;

    if (len > 30)
        len = 30;
    buf[0] = '<';
    memcpy(buf + 1, w, len);
    buf[len + 1] = '>';
    for (t = 0; t < d; t++)
        e[t] = 0.0;
    for (m = 2; m <= 4; m++)
        for (i = 0; i + m <= len + 2; i++) {
            uint64_t s = fnv(buf + i, m);

            for (t = 0; t < d; t++)
                e[t] += normal(&s);
        }
    for (t = 0; t < d; t++)
        nn += e[t] * e[t];
    for (t = 0; t < d; t++)
        e[t] /= sqrt(nn);
}

static int text_family(size_t n, size_t d, uint64_t *s, const char *text, float *q, float *k)
{
    size_t words = 0, i, t, u, start, *pos, *len, cap = 1024;
    const char *c;
    double *e = malloc(d * sizeof *e), *wq = malloc(d * d * sizeof *wq), *wk = malloc(d * d * sizeof *wk);
    char *lower;
    const double a = sqrt(12.0 * sqrt((double)d));

    pos = malloc(cap * sizeof *pos);
    len = malloc(cap * sizeof *len);
    if (text == NULL || !e || !wq || !wk || !pos || !len)
        goto fail;
    for (c = text; *c;) { /* words: runs of letters */
        while (*c && !isalpha((unsigned char)*c))
            c++;
        if (!*c)
            break;
        start = (size_t)(c - text);
        while (*c && isalpha((unsigned char)*c))
            c++;
        if (words == cap) {
            size_t *p2 = realloc(pos, 2 * cap * sizeof *pos), *l2;

            if (p2 == NULL)
                goto fail;
            pos = p2;
            l2 = realloc(len, 2 * cap * sizeof *len);
            if (l2 == NULL)
                goto fail;
            len = l2;
            cap *= 2;
        }
        pos[words] = start;
        len[words++] = (size_t)(c - text) - start;
    }
    if (words < n)
        goto fail;
    for (t = 0; t < d; t++)
        for (u = 0; u < d; u++) {
            wq[t * d + u] = (t == u) + 0.3 * normal(s) / sqrt((double)d);
            wk[t * d + u] = (t == u) + 0.3 * normal(s) / sqrt((double)d);
        }
    start = below(s, words - n + 1);
    lower = malloc(64);
    if (lower == NULL)
        goto fail;
    for (i = 0; i < n; i++) {
        const size_t l = len[start + i] < 60 ? len[start + i] : 60;

        for (t = 0; t < l; t++)
            lower[t] = (char)tolower((unsigned char)text[pos[start + i] + t]);
        embed(lower, l, d, e);
        for (u = 0; u < d; u++) {
            double aq = 0.0, ak = 0.0;

            for (t = 0; t < d; t++) {
                aq += e[t] * wq[t * d + u];
                ak += e[t] * wk[t * d + u];
            }
            q[i * d + u] = (float)(a * aq);
            k[i * d + u] = (float)(a * ak);
        }
    }
    free(lower);
    free(e);
    free(wq);
    free(wk);
    free(pos);
    free(len);
    return 0;
fail:
    free(e);
    free(wq);
    free(wk);
    free(pos);
    free(len);
    return -1;
}

/* ---- the families ------------------------------------------------------------------ */

int family_generate(int f, size_t n, size_t d, uint64_t seed, const char *text, float *q,
                    float *k, float *v)
{
    uint64_t s = seed * UINT64_C(0x2545F4914F6CDD1D) + (uint64_t)f + 1;
    const size_t c = (size_t)floor(sqrt((double)n) + 0.5);
    const double sd = sqrt((double)d);
    double *u = NULL, *w = NULL;
    uint32_t *la = NULL, *lb = NULL, *perm = NULL;
    size_t i, t, r;
    int rc = 0;

    if (f < 0 || f >= FAMILY_COUNT || n < 2 || d < 2)
        return -1;
    for (i = 0; i < n * d; i++)
        v[i] = (float)normal(&s);
    switch (f) {
    case 0: { /* balanced: the library's concentrated regime */
        thermoai_synth_params sp;

        if (thermoai_synth_params_init(&sp, sizeof sp, THERMOAI_SYNTH_CONCENTRATED) != THERMOAI_OK)
            return -1;
        sp.seed = seed;
        return thermoai_synth_generate(n, d, &sp, q, k, v, NULL) == THERMOAI_OK ? 0 : -1;
    }
    case 1: /* zipf */
    case 2: { /* qkdiff */
        const double a = sqrt(9.0 * sd);

        u = malloc(c * d * sizeof *u);
        w = malloc(d * sizeof *w);
        la = malloc(n * sizeof *la);
        lb = malloc(n * sizeof *lb);
        perm = malloc(c * sizeof *perm);
        if (!u || !w || !la || !lb || !perm) {
            rc = -1;
            break;
        }
        directions(&s, c, d, u);
        zipf_labels(&s, n, c, f == 1 ? 1.1 : 0.8, la);
        for (i = 0; i < n; i++)
            lb[i] = f == 1 ? la[i] : (uint32_t)below(&s, c);
        shuffle(&s, c, perm);
        for (t = 0; t < d; t++)
            w[t] = f == 1 ? 0.0 : 3.0 * normal(&s);
        for (i = 0; i < n; i++) {
            const double *uq = u + (size_t)la[i] * d;
            const double *uk = u + (size_t)(f == 1 ? lb[i] : perm[lb[i]]) * d;

            for (t = 0; t < d; t++) {
                q[i * d + t] = (float)(a * (uq[t] + (f == 1 ? 0.6 : 0.5) * normal(&s) / sd));
                k[i * d + t] = (float)(a * (uk[t] + (f == 1 ? 0.6 : 0.8) * normal(&s) / sd) + w[t]);
            }
        }
        break;
    }
    case 3: { /* lowrank */
        const size_t rank = 8;

        u = malloc(2 * rank * d * sizeof *u);
        w = malloc(2 * rank * sizeof *w);
        if (!u || !w) {
            rc = -1;
            break;
        }
        for (i = 0; i < 2 * rank * d; i++)
            u[i] = normal(&s) / sqrt((double)rank);
        for (i = 0; i < n; i++) {
            for (r = 0; r < 2 * rank; r++)
                w[r] = normal(&s);
            for (t = 0; t < d; t++) {
                double aq = 0.0, ak = 0.0;

                for (r = 0; r < rank; r++) {
                    aq += w[r] * u[r * d + t];
                    ak += w[rank + r] * u[(rank + r) * d + t];
                }
                q[i * d + t] = (float)(1.6 * (aq + 0.3 * normal(&s)));
                k[i * d + t] = (float)(1.6 * (ak + 0.3 * normal(&s)));
            }
        }
        break;
    }
    case 4: { /* local: sinusoids of wavelengths 4 pi .. 16 pi n */
        const size_t half = d / 2;
        const double a = sqrt(40.0 * sd / (double)half);

        for (i = 0; i < n; i++)
            for (t = 0; t < d; t++) {
                const size_t fi = t < half ? t : t - half;
                const double om = 0.5 / pow(4.0 * (double)n, (double)fi / (double)half);
                const double pe = t < half ? cos((double)i * om) : sin((double)i * om);

                q[i * d + t] = (float)(t < 2 * half ? a * pe + 0.3 * normal(&s) : 0.3 * normal(&s));
                k[i * d + t] = (float)(t < 2 * half ? a * pe + 0.3 * normal(&s) : 0.3 * normal(&s));
            }
        break;
    }
    case 5: /* uniform */
        for (i = 0; i < n * d; i++) {
            q[i] = (float)(0.5 * normal(&s));
            k[i] = (float)(0.5 * normal(&s));
        }
        break;
    case 6: /* peaked */
        perm = malloc(n * sizeof *perm);
        if (!perm) {
            rc = -1;
            break;
        }
        for (i = 0; i < n * d; i++)
            k[i] = (float)normal(&s);
        shuffle(&s, n, perm);
        for (i = 0; i < n; i++)
            for (t = 0; t < d; t++)
                q[i * d + t] = (float)(1.2 * (double)k[(size_t)perm[i] * d + t] + 0.5 * normal(&s));
        break;
    default: /* text */
        rc = text_family(n, d, &s, text, q, k);
        break;
    }
    free(u);
    free(w);
    free(la);
    free(lb);
    free(perm);
    return rc;
}
