/* SPDX-License-Identifier: MIT */
/*
 * Reproduction records for `thermoai reproduce` (see doc/reproduction.md).
 *
 * A paper driver computes each printed value with library calls and hands the
 * pair (printed, computed) to repro_add(); the verdict is decided here, by one
 * rule (repro_verdict), never by the driver. The record format and the rule
 * follow shared/design/REPRODUCTION.md.
 */
#ifndef THERMOAI_REPRO_H
#define THERMOAI_REPRO_H

#include <stddef.h>
#include <stdio.h>

/* How the document writes a value, which selects the match criterion. */
enum repro_form {
    REPRO_POINT = 0, /* a number: match when computed rounds to it at the printed digits */
    REPRO_RANGE = 1, /* "a-b": match when lo <= computed <= hi */
    REPRO_ORDER = 2  /* "~10^n": match when computed has the same power of ten */
};

enum repro_verdict {
    REPRO_MATCH = 0,
    REPRO_MISMATCH = 1,
    REPRO_NOT_DERIVABLE = 2,
    REPRO_RERUN = 3
};

/* An alternative reading of the document (unit slip, other constant, ...),
 * computed with the library, that the record tests against the printed value. */
struct repro_reading {
    const char *label; /* e.g. "T = 298 K instead of 300 K" */
    double value;      /* in the record's unit */
};

/* One printed value to check. Unset fields are zero (designated initialisers). */
struct repro_spec {
    const char *id;         /* catalog id plus ".NN", e.g. "E000-landauer300.01" */
    const char *quantity;   /* short description */
    const char *unit;       /* SI unit of paper and computed ("1" for ratios) */
    const char *paper_text; /* the printed text as it stands; its digits set the precision */
    double paper;           /* the printed value in `unit` (a labelled literal) */
    int form;               /* enum repro_form */
    double lo, hi;          /* REPRO_RANGE: the printed bounds in `unit` */
    double computed;        /* from library calls with the document's stated inputs */
    const struct repro_reading *readings; /* alternative readings, may be NULL */
    size_t n_readings;
    const char *note;       /* context added to the generated note, may be NULL */
};

struct repro_record {
    char *id, *quantity, *unit, *paper_text, *note;
    double paper;    /* NaN prints as null */
    double computed; /* NaN prints as null */
    int verdict;     /* enum repro_verdict */
};

/* A qualitative catalog item: one line in the errata, no record. */
struct repro_line {
    char *id, *text;
};

struct repro_list {
    struct repro_record *rec;
    size_t n, cap;
    struct repro_line *lines;
    size_t n_lines, cap_lines;
    int failed; /* set when a record could not be built (NaN computed, bad id, no memory) */
    int quick;  /* set by the caller: empirical re-runs at small sizes (memcheck) */
};

enum repro_format { REPRO_TEXT, REPRO_CSV, REPRO_JSON, REPRO_MARKDOWN };

/* ---- the rule -------------------------------------------------------------- */

/* Significant digits of the first number in text ("2.85×10^-21" -> 3, "0.08" -> 1,
 * "1,287" -> 4, "1300" -> 2: trailing zeros of an integer are not significant,
 * trailing zeros after a decimal point are). Returns 0 when text has no number. */
int repro_sig_digits(const char *text);

/* The verdict rule (REPRODUCTION.md): REPRO_MATCH or REPRO_MISMATCH.
 * POINT: |computed - paper| <= half a unit in the last printed digit
 *        (sig_digits significant digits at the magnitude of paper).
 * RANGE: lo <= computed <= hi.
 * ORDER: floor(log10 computed) == floor(log10 paper) (same power of ten).
 * Comparisons allow a relative 1e-12 for the binary representation of the
 * decimal literals. A NaN computed value is a mismatch. */
int repro_verdict(int form, double computed, double paper, double lo, double hi,
                  int sig_digits);

const char *repro_verdict_name(int verdict);

/* ---- building the list ------------------------------------------------------ */

void repro_list_init(struct repro_list *list);
void repro_list_free(struct repro_list *list);

/* Checks spec by the rule and appends the record with its generated note.
 * Returns 0, or -1 (and sets list->failed) when spec is unusable. */
int repro_add(struct repro_list *list, const struct repro_spec *spec);

/* A printed value that cannot be derived from the document; note names the
 * missing input. paper may be NaN. */
int repro_add_not_derivable(struct repro_list *list, const char *id, const char *quantity,
                            const char *unit, double paper, const char *paper_text,
                            const char *missing);

/* An empirical value re-measured by our own code: computed is the measurement,
 * conditions says machine, sizes, seed, and what differs from the document. */
int repro_add_rerun(struct repro_list *list, const char *id, const char *quantity,
                    const char *unit, double paper, const char *paper_text,
                    double measured, const char *conditions);

/* A qualitative catalog item: nothing to compute, one line in the errata. */
int repro_add_line(struct repro_list *list, const char *id, const char *text);

/* ---- output ----------------------------------------------------------------- */

/* Writes s as a JSON string literal (quotes, escapes; UTF-8 passes through). */
void repro_json_string(FILE *out, const char *s);

/* Writes the records in the given format. Returns 0, or -1 on a write error. */
int repro_write(FILE *out, const struct repro_list *list, int format, const char *title);

/* ---- catalog and drivers ---------------------------------------------------- */

struct repro_catalog_item {
    const char *id;    /* e.g. "E000-landauer300" */
    const char *kind;  /* DERIVABLE, EMPIRICAL, QUALITATIVE, CROSS-DOCUMENT, ... */
    const char *doc;   /* "000".."003" or "cross" */
    const char *where; /* section in the document */
    const char *what;
};

/* The catalog of shared/design/REPRODUCTION.md, in its order. */
const struct repro_catalog_item *repro_catalog(size_t *count);

/* The catalog item a record id ("E000-landauer300.01") belongs to, or NULL. */
const struct repro_catalog_item *repro_catalog_find(const char *record_id);

/* Paper drivers: each appends its records and qualitative lines. Return 0 or -1. */
int repro_paper000(struct repro_list *list);
int repro_paper001(struct repro_list *list);
int repro_paper002(struct repro_list *list);
/* Paper 002's allocation, precision and sparsity items (paper002_alloc.c), called by repro_paper002(). */
int repro_paper002_alloc(struct repro_list *list);
/* Paper 002 Sec. 3, information theory and learning bounds (paper002_info.c), called by repro_paper002(). */
int repro_paper002_info(struct repro_list *list);
int repro_paper003(struct repro_list *list);
int repro_cross(struct repro_list *list);

#endif /* THERMOAI_REPRO_H */
