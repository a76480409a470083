/* SPDX-License-Identifier: MIT */
/*
 * lib/common/rng.c: the stream table (no two ids coincide, at every block
 * boundary, and in the case that collided before: n = 7540, label 2 and token
 * 119), the bounded draw against a 128-bit multiply done another way (long
 * multiplication in 16-bit digits), and the portable normal draw (its log and
 * cosine within 4 ulp of libm over the unit interval; the sample moments).
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/rng.h"

#include "../harness/tap.h"

static int cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

/* Ids at the edges of every purpose's range, sorted: none may repeat. */
static void stream_ids(void)
{
    static const uint64_t edges[] = { 0, 1, 2, 119, 7540, 7541, (1u << 28) - 1,
                                      UINT64_C(0xFFFFFFFE), UINT64_C(0xFFFFFFFF) };
    uint64_t ids[THERMOAI__RNG_PURPOSES * 9];
    size_t n = 0, i, e;
    int p, dup = 0;

    for (p = 0; p < THERMOAI__RNG_PURPOSES; p++)
        for (e = 0; e < sizeof edges / sizeof edges[0]; e++) {
            const uint64_t index = edges[e];

            if (p == THERMOAI__RNG_SSA_SAMPLES && index >= (1u << 28))
                continue; /* outside its documented range */
            if (p != THERMOAI__RNG_SSA_SAMPLES && p != THERMOAI__RNG_SYNTH_DIRECTION
                && p != THERMOAI__RNG_SYNTH_TOKEN && index != 0)
                continue; /* unindexed purposes take index 0 */
            ids[n++] = thermoai__rng_stream_id(p, index);
        }
    qsort(ids, n, sizeof ids[0], cmp_u64);
    for (i = 1; i < n; i++)
        dup |= ids[i] == ids[i - 1];
    tap_ok(!dup, "%zu stream ids at the range edges of every purpose are distinct", n);
    tap_ok(thermoai__rng_stream_id(THERMOAI__RNG_SYNTH_DIRECTION, 2)
               != thermoai__rng_stream_id(THERMOAI__RNG_SYNTH_TOKEN, 119),
           "synth at n = 7540: cluster 2 and token 119 have different ids (they collided)");
    tap_ok(thermoai__rng_stream(42, thermoai__rng_stream_id(THERMOAI__RNG_SYNTH_DIRECTION, 2))
               != thermoai__rng_stream(42, thermoai__rng_stream_id(THERMOAI__RNG_SYNTH_TOKEN, 119)),
           "and different initial states");
    tap_ok(thermoai__rng_stream_id(99, 0) == 0, "an unknown purpose gives id 0, which no purpose has");
    {
        /* the largest unindexed id lies below the first indexed block */
        int inside = 0;

        for (p = THERMOAI__RNG_SSA_PROJECTION; p <= THERMOAI__RNG_SYNTH_LABELS; p++) {
            const uint64_t id = thermoai__rng_stream_id(p, 0), hi = id >> 32;

            inside |= id >= 1 && id <= (1u << 28);         /* the SSA sample block */
            inside |= hi == 0x646972 || hi == 0x746f6b;     /* a synth block */
        }
        tap_ok(!inside, "no unindexed id falls inside an indexed block");
    }
}

/* The high word of a * b by long multiplication in base 2^16 (independent of rng.c). */
static uint64_t mulhi_digits(uint64_t a, uint64_t b)
{
    uint32_t r[8] = { 0 };
    int i, j;

    for (i = 0; i < 4; i++) {
        uint64_t carry = 0;
        const uint64_t ai = (a >> (16 * i)) & 0xFFFF;

        for (j = 0; j < 4; j++) {
            const uint64_t t = ai * ((b >> (16 * j)) & 0xFFFF) + r[i + j] + carry;

            r[i + j] = (uint32_t)(t & 0xFFFF);
            carry = t >> 16;
        }
        for (j = i + 4; j < 8 && carry; j++) {
            const uint64_t t = (uint64_t)r[j] + carry;

            r[j] = (uint32_t)(t & 0xFFFF);
            carry = t >> 16;
        }
    }
    return (uint64_t)r[4] | (uint64_t)r[5] << 16 | (uint64_t)r[6] << 32 | (uint64_t)r[7] << 48;
}

static void bounded(void)
{
    static const uint64_t bounds[] = { 2, 3, 7, 1000, 7541, UINT64_C(1) << 32,
                                       UINT64_C(0x8000000000000001), UINT64_MAX };
    size_t b;
    int i, all = 1;

    for (b = 0; b < sizeof bounds / sizeof bounds[0]; b++) {
        uint64_t s1 = thermoai__rng_stream(7, b), s2 = s1;

        for (i = 0; i < 2000; i++) {
            const uint64_t bound = bounds[b], threshold = (0 - bound) % bound;
            const uint64_t got = thermoai__rng_below(&s1, bound);
            uint64_t x, want;

            do { /* Lemire's method, spelled out with the independent multiply */
                x = thermoai__rng_next(&s2);
            } while (x * bound < threshold);
            want = mulhi_digits(x, bound);
            all &= got == want && got < bound;
        }
    }
    tap_ok(all, "rng_below equals Lemire's method with a 128-bit product computed by digits");
    {
        uint64_t s = 1;
        tap_ok(thermoai__rng_below(&s, 0) == 0 && thermoai__rng_below(&s, 1) == 0,
               "bounds 0 and 1 give 0");
    }
}

/* |a - b| in units of the last place of b (b not 0). */
static double ulps(double a, double b)
{
    int e;

    (void)frexp(b, &e);
    return fabs(a - b) / ldexp(1.0, e - 53);
}

/* cos(2 pi u) by libm after the same exact folding to [0, 1/8] of a turn that rng.c
 * does (each step is exact by Sterbenz's lemma), so that the argument libm sees is
 * the one the series sees: this checks the series, not the rounding of 2 pi u. */
static double folded_libm_cos(double u)
{
    int neg = 0, sine = 0;

    if (u > 0.5)
        u = 1.0 - u;
    if (u > 0.25)
        u = 0.5 - u, neg = 1;
    if (u > 0.125)
        u = 0.25 - u, sine = 1;
    {
        const double a = 6.28318530717958647692528676655900577 * u, v = sine ? sin(a) : cos(a);

        return neg ? -v : v;
    }
}

static void portable_functions(void)
{
    double worst_log = 0.0, worst_cos = 0.0, abs_cos = 0.0;
    uint64_t s = 99;
    int i;

    for (i = 0; i < 100000; i++) {
        const double u = thermoai__rng_unit(&s), x = 1.0 - u; /* x in (0, 1] */
        const double c = folded_libm_cos(u), got = thermoai__portable_cos_turn(u);

        if (x < 1.0)
            worst_log = fmax(worst_log, ulps(thermoai__portable_log(x), log(x)));
        if (c != 0.0)
            worst_cos = fmax(worst_cos, ulps(got, c));
        /* against libm with the argument rounded as users would write it */
        abs_cos = fmax(abs_cos, fabs(got - cos(6.283185307179586 * u)));
    }
    tap_ok(worst_log <= 4.0, "portable log within 4 ulp of libm on (0, 1) (worst %.2f)", worst_log);
    tap_ok(worst_cos <= 4.0, "portable cos(2 pi u) within 4 ulp of libm on the same folded argument "
                             "(worst %.2f)", worst_cos);
    tap_ok(abs_cos <= 1e-15, "and within 1e-15 of cos(2 pi u) everywhere (worst %.2g)", abs_cos);
    tap_ok(thermoai__portable_log(1.0) == 0.0 && thermoai__portable_cos_turn(0.0) == 1.0
               && thermoai__portable_cos_turn(0.5) == -1.0
               && thermoai__portable_cos_turn(0.25) == 0.0,
           "log 1 = 0, cos 0 = 1, cos pi = -1, cos pi/2 = 0 exactly");
    tap_ok(thermoai__portable_cos_turn(0.1) == thermoai__portable_cos_turn(0.9)
               && thermoai__portable_cos_turn(0.3) == -thermoai__portable_cos_turn(0.2),
           "cos(2 pi u) = cos(2 pi (1 - u)) and = -cos(2 pi (1/2 - u)) exactly");
    tap_ok(fabs(thermoai__portable_log(DBL_MIN) - log(DBL_MIN)) <= 4 * DBL_EPSILON * 708.4,
           "log of the smallest normal double");
}

static void normal(void)
{
    uint64_t s = thermoai__rng_stream(2024, 1);
    const int n = 200000;
    double sum = 0.0, sum2 = 0.0, sum4 = 0.0;
    int i;

    for (i = 0; i < n; i++) {
        const double x = thermoai__rng_normal(&s);

        sum += x;
        sum2 += x * x;
        sum4 += x * x * x * x;
    }
    /* standard errors: mean 1/sqrt(n), variance sqrt(2/n), fourth moment sqrt(96/n) */
    tap_ok(fabs(sum / n) < 5.0 / sqrt((double)n), "normal draws: mean %.4f within 5 sigma of 0",
           sum / n);
    tap_ok(fabs(sum2 / n - 1.0) < 5.0 * sqrt(2.0 / n), "variance %.4f within 5 sigma of 1",
           sum2 / n);
    tap_ok(fabs(sum4 / n - 3.0) < 5.0 * sqrt(96.0 / n), "fourth moment %.3f within 5 sigma of 3",
           sum4 / n);
}

int main(void)
{
    stream_ids();
    bounded();
    portable_functions();
    normal();
    return tap_done();
}
