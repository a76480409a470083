/* SPDX-License-Identifier: MIT */
/*
 * The one writer of machine-readable output for the program side (cli/ and
 * repro/): JSON and CSV from the same calls, so that no command builds JSON with
 * printf and every format escapes the same way.
 *
 *   struct emit e;
 *   emit_init(&e, stdout, EMIT_JSON);
 *   emit_begin(&e, NULL);                    top-level object (a CSV row)
 *   emit_string(&e, "command", "landauer");
 *   emit_double(&e, "energy_j", 2.87e-21);
 *   emit_end(&e);
 *   if (emit_finish(&e) != 0) ... write error or misuse
 *
 * JSON: objects and arrays nest; a top-level array puts one element per line.
 * Numbers print with the fewest of 15, 16 or 17 significant digits that read back
 * as the same double, non-finite ones as null. CSV (RFC 4180, CRLF): every object that is a top-level value or an
 * element of the top-level array is one row; keys of nested objects are joined
 * with '.'; the first row's keys are the header; strings are always quoted,
 * numbers never.
 */
#ifndef THERMOAI_CLI_EMIT_H
#define THERMOAI_CLI_EMIT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum emit_format { EMIT_JSON = 1, EMIT_CSV = 2 };

#define EMIT_MAX_DEPTH 8
#define EMIT_MAX_CELLS 128

struct emit {
    FILE *out;
    int format;
    int depth;                      /* open containers */
    char kind[EMIT_MAX_DEPTH];      /* 'o' object, 'a' array */
    int count[EMIT_MAX_DEPTH];      /* members written in each */
    const char *path[EMIT_MAX_DEPTH]; /* CSV: the key of each open object */
    int row_depth;                  /* CSV: depth of the open row object, 0 = none */
    size_t row_from;                /* CSV: first cell of the open row (before: context) */
    int rows;                       /* CSV: rows written */
    size_t n_cells;                 /* CSV: context cells, then the open row's */
    char *cells[EMIT_MAX_CELLS];    /* CSV: "key\0value" of each cell */
    size_t header_cells;            /* CSV: 0 until the header is written */
    int error;                      /* misuse, allocation or write error */
};

void emit_init(struct emit *e, FILE *out, int format);

/* Containers. key is the member name inside an object, NULL elsewhere. */
void emit_begin(struct emit *e, const char *key);       /* object */
void emit_end(struct emit *e);
void emit_array_begin(struct emit *e, const char *key);
void emit_array_end(struct emit *e);

/* Values. */
void emit_string(struct emit *e, const char *key, const char *value); /* NULL: null */
void emit_double(struct emit *e, const char *key, double value);
void emit_uint(struct emit *e, const char *key, uint64_t value);
void emit_int(struct emit *e, const char *key, long long value);
void emit_bool(struct emit *e, const char *key, int value);

/* Checks that every container is closed and the stream took every byte; frees
 * what the CSV rows held. Returns 0, or -1 after any error. */
int emit_finish(struct emit *e);

/* s as a JSON string literal (quotes and escapes; UTF-8 passes through). */
void emit_json_string(FILE *out, const char *s);
/* s as a CSV field: always quoted, quotes doubled. */
void emit_csv_string(FILE *out, const char *s);

#endif /* THERMOAI_CLI_EMIT_H */
