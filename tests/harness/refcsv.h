/* SPDX-License-Identifier: MIT */
/* Opening the reference tables in tests/ref/ from the source tree (distcheck-safe). */
#ifndef THERMOAI_REFCSV_H
#define THERMOAI_REFCSV_H

#include <stdio.h>
#include <stdlib.h>

/* Opens $top_srcdir/tests/ref/<name>; NULL (with a message) when missing. */
static FILE *ref_open(const char *name)
{
    char path[4096];
    const char *top = getenv("top_srcdir");
    FILE *f;

    snprintf(path, sizeof path, "%s/tests/ref/%s", top != NULL ? top : ".", name);
    f = fopen(path, "r");
    if (f == NULL)
        printf("# cannot open %s\n", path);
    return f;
}

#endif
