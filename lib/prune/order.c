/* SPDX-License-Identifier: MIT */
/* Index ordering and workspace layout for lib/prune. */
#include "config.h"

#include <stdint.h>

#include "common/arrays.h"
#include "order.h"

static int before(const double *key, size_t a, size_t b)
{
    return key[a] < key[b] || (key[a] == key[b] && a < b);
}

static void sift(const double *key, size_t *idx, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1, top = root;

        if (child < n && before(key, idx[top], idx[child]))
            top = child;
        if (child + 1 < n && before(key, idx[top], idx[child + 1]))
            top = child + 1;
        if (top == root)
            return;
        {
            size_t t = idx[root];

            idx[root] = idx[top];
            idx[top] = t;
        }
        root = top;
    }
}

void thermoai__prune_order(size_t n, const double *key, size_t *idx)
{
    size_t i, end;

    for (i = 0; i < n; i++)
        idx[i] = i;
    if (n < 2)
        return;
    for (i = n / 2; i-- > 0;)
        sift(key, idx, i, n);
    for (end = n - 1; end > 0; end--) {
        size_t t = idx[0];

        idx[0] = idx[end];
        idx[end] = t;
        sift(key, idx, 0, end);
    }
}

#define ALIGN 16u

size_t thermoai__prune_ws_bytes(size_t n)
{
    return n * (2u * sizeof(double) + sizeof(size_t) + 1u) + 3u * ALIGN;
}

int thermoai__prune_ws(void *ws, size_t bytes, size_t n, double **d, size_t **idx, unsigned char **mask)
{
    unsigned char *p = (unsigned char *)ws, *end = p + bytes;

    if (ws == NULL || bytes < thermoai__prune_ws_bytes(n))
        return -1;
    p = (unsigned char *)thermoai__align(p, ALIGN);
    *d = (double *)(void *)p;
    p = (unsigned char *)thermoai__align(p + 2u * n * sizeof(double), ALIGN);
    *idx = (size_t *)(void *)p;
    p += n * sizeof(size_t);
    *mask = p;
    return p + n <= end ? 0 : -1;
}
