/* SPDX-License-Identifier: MIT */
/*
 * Allocation-failure injection for whole programs (LD_PRELOAD, glibc only), used by
 * tests/cli/test_cli_oom.sh. With THERMOAI_FAIL_AT=k the k-th call (from 1) of
 * malloc, calloc or realloc made after the program's constructors returns NULL; the
 * others go to glibc. With THERMOAI_FAIL_COUNT=path the number of calls made is
 * written to path at exit. Not part of the library; never installed.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);

static unsigned long calls, fail_at;
static int armed;

static int fail_now(void)
{
    if (!armed)
        return 0;
    calls++;
    return calls == fail_at;
}

void *malloc(size_t size)
{
    return fail_now() ? NULL : __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    return fail_now() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    return fail_now() ? NULL : __libc_realloc(p, size);
}

static const char *count_path;

static void report(void)
{
    FILE *f;

    armed = 0;
    if (count_path != NULL && (f = fopen(count_path, "w")) != NULL) {
        fprintf(f, "%lu\n", calls);
        fclose(f);
    }
}

__attribute__((constructor)) static void arm(void)
{
    const char *k = getenv("THERMOAI_FAIL_AT");

    count_path = getenv("THERMOAI_FAIL_COUNT");
    fail_at = k != NULL ? strtoul(k, NULL, 10) : 0;
    if (count_path != NULL)
        atexit(report);
    armed = 1;
}
