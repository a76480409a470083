/* SPDX-License-Identifier: MIT */
/* Seeded random numbers: splitmix64 streams, never global. */
#include "config.h"

#include <math.h>

#include "common/rng.h"

uint64_t thermoai__rng_next(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

uint64_t thermoai__rng_stream_id(int purpose, uint64_t index)
{
    switch (purpose) {
    case THERMOAI__RNG_SSA_SAMPLES:
        return index + 1;
    case THERMOAI__RNG_SSA_PROJECTION:
        return UINT64_C(0x70726f6a);
    case THERMOAI__RNG_KMEANS_SEEDING:
        return UINT64_C(0x6b6d65616e73);
    case THERMOAI__RNG_KMEANS_SUBSET:
        return UINT64_C(0x737562736574);
    case THERMOAI__RNG_LANCZOS_START:
        return UINT64_C(0x6c616e637a6f73);
    case THERMOAI__RNG_SYNTH_LABELS:
        return UINT64_C(0x73796e7468);
    case THERMOAI__RNG_SYNTH_DIRECTION:
        return (UINT64_C(0x646972) << 32) | (index & UINT64_C(0xFFFFFFFF));
    case THERMOAI__RNG_SYNTH_TOKEN:
        return (UINT64_C(0x746f6b) << 32) | (index & UINT64_C(0xFFFFFFFF));
    default:
        return 0; /* no purpose has id 0 */
    }
}

uint64_t thermoai__rng_stream(uint64_t seed, uint64_t id)
{
    /* multiplying by an odd constant and adding are bijections of 2^64, and so
     * is the xor with the seed: distinct ids give distinct states */
    uint64_t s = seed ^ (id * UINT64_C(0xD1342543DE82EF95) + UINT64_C(0x2545F4914F6CDD1D));

    (void)thermoai__rng_next(&s);
    return s;
}

/* The high and low 64 bits of the 128-bit product a * b, from 32-bit halves:
 * plain C99, the same result as a native 128-bit multiply on every target. */
static uint64_t mul_hi_lo(uint64_t a, uint64_t b, uint64_t *lo)
{
    const uint64_t mask = UINT64_C(0xFFFFFFFF);
    const uint64_t a0 = a & mask, a1 = a >> 32, b0 = b & mask, b1 = b >> 32;
    const uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    const uint64_t mid = (p00 >> 32) + (p01 & mask) + (p10 & mask);

    *lo = (mid << 32) | (p00 & mask);
    return p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

uint64_t thermoai__rng_below(uint64_t *state, uint64_t bound)
{
    uint64_t threshold, hi, lo;

    if (bound <= 1)
        return 0;
    threshold = (0 - bound) % bound; /* 2^64 mod bound */
    /* Lemire's multiply-shift with rejection: exactly uniform on [0, bound), one
     * method on every platform (D. Lemire, ACM TOMACS 29(1), 2019) */
    for (;;) {
        hi = mul_hi_lo(thermoai__rng_next(state), bound, &lo);
        if (lo >= threshold)
            return hi;
    }
}

double thermoai__rng_unit(uint64_t *state)
{
    return (double)(thermoai__rng_next(state) >> 11) * 0x1.0p-53;
}

/*
 * log(x) for x in (0, 1], from IEEE-754 basic operations only (frexp is exact),
 * so that it gives the same bits on every platform: x = m 2^e with m in
 * [sqrt(1/2), sqrt(2)), log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.1716,
 * summed to s^23 (the next term is below 2^-60 relative). Error about 2 ulp.
 */
double thermoai__portable_log(double x)
{
    int e;
    double m = frexp(x, &e), s, s2, sum;
    int i;

    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e -= 1;
    }
    s = (m - 1.0) / (m + 1.0);
    s2 = s * s;
    sum = 1.0 / 23.0;
    for (i = 21; i >= 1; i -= 2)
        sum = sum * s2 + 1.0 / (double)i;
    return (double)e * THERMOAI__LN2 + 2.0 * s * sum;
}

/*
 * cos(2 pi u) for u in [0, 1), from basic operations only: the turn is folded
 * to an angle a in [0, pi/4] of a sine or cosine with a sign (exact steps), and
 * both are Taylor series to a^22 (the next term is below 2^-70). Error about 2 ulp.
 */
double thermoai__portable_cos_turn(double u)
{
    double a, a2, sum, v;
    int use_sin = 0, negative = 0, i;

    /* cos(2 pi u) = cos(2 pi (1 - u)): u in [0, 1/2] */
    if (u > 0.5)
        u = 1.0 - u;
    /* cos(2 pi u) = -cos(2 pi (1/2 - u)): u in [0, 1/4] */
    if (u > 0.25) {
        u = 0.5 - u;
        negative = 1;
    }
    /* cos(2 pi u) = sin(2 pi (1/4 - u)): u in [0, 1/8] */
    if (u > 0.125) {
        u = 0.25 - u;
        use_sin = 1;
    }
    a = THERMOAI__TWO_PI * u;
    a2 = a * a;
    if (use_sin) {
        sum = 1.0;
        for (i = 21; i >= 3; i -= 2) /* 1 - a^2/3! + ... */
            sum = 1.0 - a2 / ((double)i * (double)(i - 1)) * sum;
        v = a * sum;
    } else {
        sum = 1.0;
        for (i = 22; i >= 2; i -= 2)
            sum = 1.0 - a2 / ((double)i * (double)(i - 1)) * sum;
        v = sum;
    }
    return negative ? -v : v;
}

double thermoai__rng_normal(uint64_t *state)
{
    /* Box-Muller, one of the pair: u1 in (0, 1] so the log is finite. The log
     * and cosine are our own, so that draws are the same on every platform. */
    const double u1 = 1.0 - thermoai__rng_unit(state), u2 = thermoai__rng_unit(state);

    return sqrt(-2.0 * thermoai__portable_log(u1)) * thermoai__portable_cos_turn(u2);
}
