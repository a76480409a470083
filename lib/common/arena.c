/* SPDX-License-Identifier: MIT */
/* Arena layout and the default allocator of the handles. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "common/arena.h"

size_t thermoai__layout_reserve(struct thermoai__layout *l, size_t count, size_t size)
{
    const size_t align = THERMOAI__ARENA_ALIGN;
    size_t start;

    if (l->bytes > SIZE_MAX - (align - 1)) {
        l->overflow = 1;
        return 0;
    }
    start = (l->bytes + align - 1) / align * align;
    if (size != 0 && count > (SIZE_MAX - start) / size) {
        l->overflow = 1;
        return 0;
    }
    l->bytes = start + count * size;
    return start;
}

size_t thermoai__layout_total(const struct thermoai__layout *l)
{
    if (l->overflow || l->bytes > SIZE_MAX - THERMOAI__ARENA_ALIGN)
        return 0;
    return l->bytes + THERMOAI__ARENA_ALIGN;
}

static void *malloc_default(size_t size, void *user)
{
    (void)user;
    return malloc(size);
}

static void free_default(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

int thermoai__allocator_resolve(const thermoai_allocator *user, thermoai_allocator *out)
{
    if (user != NULL) {
        if (user->alloc == NULL || user->release == NULL)
            return THERMOAI_E_NULL;
        *out = *user;
        return THERMOAI_OK;
    }
    out->alloc = malloc_default;
    out->release = free_default;
    out->user = NULL;
    return THERMOAI_OK;
}
