/* SPDX-License-Identifier: MIT */
/* JSON and CSV output for the program side (see emit.h). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"

/* ---- escaping ---------------------------------------------------------------- */

void emit_json_string(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    fputc('"', out);
    for (; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p == '\r')
            fputs("\\r", out);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out); /* UTF-8 passes through unchanged */
    }
    fputc('"', out);
}

void emit_csv_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s != '\0'; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* ---- CSV cells ----------------------------------------------------------------- */

/* A cell is one allocation: the dotted key, a NUL, the value as CSV text. */
static void csv_cell(struct emit *e, const char *key, const char *text, int quote)
{
    size_t klen = 0, vlen = strlen(text), i, n;
    char *c, *p;
    /* keys of the nested objects below the row (or below the top level) */
    const int first = e->row_depth != 0 ? e->row_depth : 1;
    int d;

    if (e->n_cells >= EMIT_MAX_CELLS) {
        e->error = 1;
        return;
    }
    for (d = first; d < e->depth; d++)
        if (e->path[d] != NULL)
            klen += strlen(e->path[d]) + 1;
    klen += key != NULL ? strlen(key) : 0;
    /* quoting can double every character */
    n = klen + 1 + (quote ? 2 * vlen + 2 : vlen) + 1;
    if ((c = (char *)malloc(n)) == NULL) {
        e->error = 1;
        return;
    }
    p = c;
    for (d = first; d < e->depth; d++)
        if (e->path[d] != NULL) {
            size_t l = strlen(e->path[d]);

            memcpy(p, e->path[d], l);
            p += l;
            *p++ = '.';
        }
    if (key != NULL) {
        memcpy(p, key, strlen(key));
        p += strlen(key);
    }
    *p++ = '\0';
    if (quote) {
        *p++ = '"';
        for (i = 0; i < vlen; i++) {
            if (text[i] == '"')
                *p++ = '"';
            *p++ = text[i];
        }
        *p++ = '"';
    } else {
        memcpy(p, text, vlen);
        p += vlen;
    }
    *p = '\0';
    e->cells[e->n_cells++] = c;
}

static void csv_line(struct emit *e, size_t from, size_t to, size_t context, int keys)
{
    size_t i;

    for (i = 0; i < context + (to - from); i++) {
        const char *c = e->cells[i < context ? i : from + (i - context)];

        if (i > 0)
            fputc(',', e->out);
        if (keys)
            emit_csv_string(e->out, c);
        else
            fputs(c + strlen(c) + 1, e->out);
    }
    fputs("\r\n", e->out);
}

/* Writes context cells [0, context) plus row cells [from, n_cells) as one row. */
static void csv_row(struct emit *e, size_t context, size_t from)
{
    if (e->header_cells == 0) {
        csv_line(e, from, e->n_cells, context, 1);
        e->header_cells = context + (e->n_cells - from);
    } else if (context + (e->n_cells - from) != e->header_cells) {
        e->error = 1; /* rows must share the header's columns */
    }
    csv_line(e, from, e->n_cells, context, 0);
}

static void free_cells(struct emit *e, size_t keep)
{
    while (e->n_cells > keep)
        free(e->cells[--e->n_cells]);
}

/* ---- structure -------------------------------------------------------------------- */

void emit_init(struct emit *e, FILE *out, int format)
{
    memset(e, 0, sizeof *e);
    e->out = out;
    e->format = format;
    if (format != EMIT_JSON && format != EMIT_CSV)
        e->error = 1;
}

/* JSON separator and key before a member or element. */
static void json_member(struct emit *e, const char *key)
{
    if (e->depth > 0) {
        const int top_array = e->depth == 1 && e->kind[0] == 'a';

        if (e->count[e->depth - 1]++ > 0)
            fputs(top_array ? ",\n" : ", ", e->out);
        if (top_array)
            fputs("  ", e->out);
        if (e->kind[e->depth - 1] == 'o') {
            if (key == NULL) {
                e->error = 1;
                key = "";
            }
            emit_json_string(e->out, key);
            fputs(": ", e->out);
        } else if (key != NULL) {
            e->error = 1;
        }
    }
}

static int push(struct emit *e, char kind, const char *key)
{
    if (e->depth >= EMIT_MAX_DEPTH) {
        e->error = 1;
        return -1;
    }
    e->kind[e->depth] = kind;
    e->count[e->depth] = 0;
    e->path[e->depth] = key;
    e->depth++;
    return 0;
}

void emit_begin(struct emit *e, const char *key)
{
    if (e->format == EMIT_JSON) {
        json_member(e, key);
        fputc('{', e->out);
    } else if (e->depth > 0 && e->kind[e->depth - 1] == 'a' && e->row_depth == 0) {
        e->row_depth = e->depth + 1; /* an object in an array is a row */
        e->row_from = e->n_cells;    /* the cells before it are the context */
    }
    push(e, 'o', key);
}

void emit_end(struct emit *e)
{
    if (e->depth == 0 || e->kind[e->depth - 1] != 'o') {
        e->error = 1;
        return;
    }
    if (e->format == EMIT_JSON) {
        fputc('}', e->out);
        if (e->depth == 1)
            fputc('\n', e->out);
    } else if (e->row_depth == e->depth) {
        csv_row(e, e->row_from, e->row_from);
        free_cells(e, e->row_from);
        e->row_depth = 0;
        e->rows++;
    } else if (e->depth == 1 && e->rows == 0) {
        csv_row(e, e->n_cells, e->n_cells); /* no rows: the object itself is the row */
    }
    if (e->format == EMIT_CSV && e->depth == 1)
        free_cells(e, 0);
    e->depth--;
}

void emit_array_begin(struct emit *e, const char *key)
{
    if (e->format == EMIT_JSON) {
        json_member(e, key);
        fputc('[', e->out);
        if (e->depth == 0)
            fputc('\n', e->out);
    } else if (e->row_depth != 0) {
        e->error = 1; /* CSV: no arrays inside a row */
    }
    push(e, 'a', key);
}

void emit_array_end(struct emit *e)
{
    if (e->depth == 0 || e->kind[e->depth - 1] != 'a') {
        e->error = 1;
        return;
    }
    if (e->format == EMIT_JSON) {
        if (e->depth == 1)
            fputs(e->count[0] > 0 ? "\n]\n" : "]\n", e->out);
        else
            fputc(']', e->out);
    }
    e->depth--;
}

/* ---- values -------------------------------------------------------------------------- */

static void scalar(struct emit *e, const char *key, const char *text, int is_string)
{
    if (e->format == EMIT_JSON) {
        json_member(e, key);
        if (is_string)
            emit_json_string(e->out, text);
        else
            fputs(text, e->out);
        if (e->depth == 0)
            fputc('\n', e->out);
    } else {
        if (e->depth == 0 || e->kind[e->depth - 1] != 'o')
            e->error = 1; /* CSV cells live in objects */
        csv_cell(e, key, text, is_string);
    }
}

void emit_string(struct emit *e, const char *key, const char *value)
{
    if (value == NULL)
        scalar(e, key, e->format == EMIT_JSON ? "null" : "", 0);
    else
        scalar(e, key, value, 1);
}

void emit_double(struct emit *e, const char *key, double value)
{
    char buf[40];

    if (isfinite(value)) {
        int digits;

        /* the shortest of 15, 16, 17 significant digits that reads back exactly */
        for (digits = 15; digits < 17; digits++) {
            snprintf(buf, sizeof buf, "%.*g", digits, value);
            if (strtod(buf, NULL) == value)
                break;
        }
        if (digits == 17)
            snprintf(buf, sizeof buf, "%.17g", value);
    } else
        strcpy(buf, e->format == EMIT_JSON ? "null" : "");
    scalar(e, key, buf, 0);
}

void emit_uint(struct emit *e, const char *key, uint64_t value)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%llu", (unsigned long long)value);
    scalar(e, key, buf, 0);
}

void emit_int(struct emit *e, const char *key, long long value)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%lld", value);
    scalar(e, key, buf, 0);
}

void emit_bool(struct emit *e, const char *key, int value)
{
    scalar(e, key, value ? "true" : "false", 0);
}

int emit_finish(struct emit *e)
{
    if (e->depth != 0)
        e->error = 1;
    free_cells(e, 0);
    if (fflush(e->out) != 0 || ferror(e->out))
        e->error = 1;
    return e->error ? -1 : 0;
}
