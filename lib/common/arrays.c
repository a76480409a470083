/* SPDX-License-Identifier: MIT */
/* Helpers for caller float arrays: alignment, finiteness, NaN fill. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "common/arrays.h"

void *thermoai__align(void *p, size_t alignment)
{
    uintptr_t a = (uintptr_t)p;

    return (void *)((a + alignment - 1) & ~(uintptr_t)(alignment - 1));
}

int thermoai__all_finite(const float *x, size_t count)
{
    /* a float is NaN or infinite exactly when its exponent bits are all ones; eight
     * independent OR accumulators over blocks keep the test branch-free and fast */
    const uint32_t exp_mask = UINT32_C(0x7f800000);
    size_t i = 0, u;

    if (count > 0 && !thermoai__can_own(count, 1, sizeof *x))
        return 0; /* more values than can exist: never read (the caller fails) */

    while (i < count) {
        const size_t end = count - i < 4096 ? count : i + 4096;
        uint32_t hit[8] = { 0, 0, 0, 0, 0, 0, 0, 0 };

        for (; i + 8 <= end; i += 8)
            for (u = 0; u < 8; u++) {
                uint32_t bits;

                memcpy(&bits, &x[i + u], sizeof bits);
                hit[u] |= (uint32_t)((bits & exp_mask) == exp_mask);
            }
        for (; i < end; i++)
            if (!isfinite(x[i]))
                return 0;
        if (hit[0] | hit[1] | hit[2] | hit[3] | hit[4] | hit[5] | hit[6] | hit[7])
            return 0;
    }
    return 1;
}

int thermoai__can_own(size_t a, size_t b, size_t elem)
{
    const size_t max = (size_t)PTRDIFF_MAX;

    if (a == 0 || b == 0 || elem == 0)
        return 0;
    return a <= max / elem / b;
}

void thermoai__fill_nan(float *x, size_t count)
{
    size_t i;

    /* nothing when count floats cannot exist (an overflowing size) */
    if (x != NULL && thermoai__can_own(count, 1, sizeof *x))
        for (i = 0; i < count; i++)
            x[i] = (double)NAN;
}
