/* SPDX-License-Identifier: MIT */
/* A growable NUL-terminated string for building notes. Out of memory is sticky. */
#ifndef THERMOAI_STRBUF_H
#define THERMOAI_STRBUF_H

#include <stddef.h>

struct strbuf {
    char *s;
    size_t len, cap;
    int oom;
};

void strbuf_init(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void strbuf_printf(struct strbuf *sb, const char *fmt, ...);
/* Returns the string (caller frees) and resets sb; NULL after out of memory. */
char *strbuf_take(struct strbuf *sb);

#endif
