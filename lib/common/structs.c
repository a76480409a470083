/* SPDX-License-Identifier: MIT */
/* Size-field structs: the copy rules of STYLE.md 2.7 in one place. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"

uint32_t thermoai__struct_size_of(const void *user)
{
    uint32_t size;

    memcpy(&size, user, sizeof size);
    return size;
}

int thermoai__struct_in(const void *user, size_t v0_size, void *ours, size_t our_size)
{
    size_t user_size = thermoai__struct_size_of(user);
    const unsigned char *tail = (const unsigned char *)user;
    uint32_t ours32 = (uint32_t)our_size;
    size_t i;

    if (user_size < v0_size)
        return THERMOAI_E_SIZE;
    /* A newer caller may append fields this library does not know: allowed only
     * while they are zero, so that no requested feature is silently ignored. */
    for (i = our_size; i < user_size; i++)
        if (tail[i] != 0)
            return THERMOAI_E_UNSUPPORTED;
    memcpy(ours, user, user_size < our_size ? user_size : our_size);
    memcpy(ours, &ours32, sizeof ours32);
    return THERMOAI_OK;
}

int thermoai__struct_out(void *user, size_t v0_size, const void *ours, size_t our_size)
{
    uint32_t user_size = thermoai__struct_size_of(user);
    size_t n = user_size < our_size ? user_size : our_size;

    if (user_size < v0_size)
        return THERMOAI_E_SIZE;
    /* everything after struct_size; the caller's size stays as it set it */
    memcpy((unsigned char *)user + sizeof user_size,
           (const unsigned char *)ours + sizeof user_size, n - sizeof user_size);
    return THERMOAI_OK;
}

void thermoai__struct_nan(void *user, size_t our_size, const size_t *double_offsets, size_t n)
{
    const double nan = (double)NAN;
    size_t limit, i;

    if (user == NULL)
        return;
    limit = thermoai__struct_size_of(user);
    if (limit > our_size)
        limit = our_size;
    for (i = 0; i < n; i++)
        if (double_offsets[i] >= sizeof(uint32_t) && double_offsets[i] <= limit
            && limit - double_offsets[i] >= sizeof nan)
            memcpy((unsigned char *)user + double_offsets[i], &nan, sizeof nan);
}

int thermoai__struct_out_check(void *user, size_t v0_size, size_t our_size,
                               const size_t *double_offsets, size_t n)
{
    if (thermoai__struct_size_of(user) >= v0_size)
        return THERMOAI_OK;
    thermoai__struct_nan(user, our_size, double_offsets, n);
    return THERMOAI_E_SIZE;
}

int thermoai__struct_out_nan(void *user, size_t v0_size, const void *ours, size_t our_size,
                             const size_t *double_offsets, size_t n)
{
    THERMOAI__TRY(thermoai__struct_out_check(user, v0_size, our_size, double_offsets, n));
    return thermoai__struct_out(user, v0_size, ours, our_size);
}

int thermoai__struct_init(void *user, size_t size, size_t v0_size)
{
    uint32_t size32;

    if (user == NULL)
        return THERMOAI_E_NULL;
    if (size < v0_size || size > THERMOAI__STRUCT_SIZE_MAX)
        return THERMOAI_E_SIZE;
    memset(user, 0, size);
    size32 = (uint32_t)size;
    memcpy(user, &size32, sizeof size32);
    return THERMOAI_OK;
}
