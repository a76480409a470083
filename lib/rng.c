/* SPDX-License-Identifier: MIT */
/* Seeded random numbers: splitmix64 streams, never global. */
#include "config.h"

#include <math.h>

#include "rng.h"

uint64_t thermoai__rng_next(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));

    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

uint64_t thermoai__rng_stream(uint64_t seed, uint64_t stream)
{
    uint64_t s = seed ^ (stream * UINT64_C(0xD1342543DE82EF95) + UINT64_C(0x2545F4914F6CDD1D));

    (void)thermoai__rng_next(&s);
    return s;
}

uint64_t thermoai__rng_below(uint64_t *state, uint64_t bound)
{
    uint64_t x, threshold;

    if (bound <= 1)
        return 0;
    threshold = (0 - bound) % bound; /* 2^64 mod bound */
#if defined(__SIZEOF_INT128__)
    /* Lemire's multiply-shift with rejection: exactly uniform on [0, bound) */
    for (;;) {
        unsigned __int128 p;

        x = thermoai__rng_next(state);
        p = (unsigned __int128)x * bound;
        if ((uint64_t)p >= threshold)
            return (uint64_t)(p >> 64);
    }
#else
    /* reject the incomplete last block of 2^64, then reduce: also exact */
    for (;;) {
        x = thermoai__rng_next(state);
        if (x >= threshold)
            return x % bound;
    }
#endif
}

double thermoai__rng_unit(uint64_t *state)
{
    return (double)(thermoai__rng_next(state) >> 11) * 0x1.0p-53;
}

double thermoai__rng_normal(uint64_t *state)
{
    /* Box-Muller, one of the pair: u1 in (0, 1] so the log is finite */
    const double u1 = 1.0 - thermoai__rng_unit(state), u2 = thermoai__rng_unit(state);

    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586476925286766559 * u2);
}
