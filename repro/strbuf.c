/* SPDX-License-Identifier: MIT */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

void strbuf_init(struct strbuf *sb)
{
    memset(sb, 0, sizeof *sb);
}

void strbuf_free(struct strbuf *sb)
{
    free(sb->s);
    strbuf_init(sb);
}

void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (sb->oom)
        return;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->oom = 1;
        return;
    }
    if (sb->len + (size_t)n + 1 > sb->cap) {
        size_t cap = sb->cap ? sb->cap : 128;
        char *s;

        while (cap < sb->len + (size_t)n + 1)
            cap *= 2;
        s = realloc(sb->s, cap);
        if (s == NULL) {
            sb->oom = 1;
            return;
        }
        sb->s = s;
        sb->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

char *strbuf_take(struct strbuf *sb)
{
    char *s = sb->oom ? NULL : sb->s;

    if (sb->oom)
        free(sb->s);
    else if (s == NULL) {
        s = malloc(1);
        if (s != NULL)
            s[0] = '\0';
    }
    strbuf_init(sb);
    return s;
}
