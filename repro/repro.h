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
    size_t shared_at; /* note + shared_at: the part that several records may share (the
                       * driver's context, a re-run's conditions); strlen(note): none */
    int selected;    /* 1 unless repro_select() left it out; writers skip the others */
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
    int reruns; /* set by the caller: run the empirical re-runs (they time code, so
                 * their records differ between runs; never in doc/errata.md) */
    int quick;  /* set by the caller: the re-runs at small sizes (memcheck) */
    unsigned docs_run; /* set by the caller: bit d for repro_papers()[d] run */
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
 * Comparisons allow a relative 4 DBL_EPSILON for the binary representation of
 * the decimal literals. A NaN computed value is a mismatch. */
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

/* ---- selection ---------------------------------------------------------------- */

/* Which records to write: every field zero selects all. */
struct repro_filter {
    unsigned verdicts;           /* bit v set: verdict v (enum repro_verdict); 0: any */
    const char *const *prefixes; /* record id prefixes ("E000", "T000-TER.0"); NULL: any */
    size_t n_prefixes;
};

/* Sets record.selected by the filter (a record passes when its verdict is in the
 * set and its id starts with one of the prefixes). Returns the number selected. */
size_t repro_select(struct repro_list *list, const struct repro_filter *filter);

/* Whether prefix can select anything: it starts a catalog id ("E000", "T000-T"), or
 * a record id of one ("E000-landauer300.0"). Checked against the catalog, so that the
 * answer does not depend on which records a run made. */
int repro_prefix_known(const char *prefix);

/* The verdict of its name ("match", ...), or -1. */
int repro_verdict_from_name(const char *name);

/* ---- output ----------------------------------------------------------------- */

/* How text output looks (the other formats ignore it). */
enum repro_text_mode {
    REPRO_TEXT_SUMMARY = 0, /* the per-paper table and where the records are */
    REPRO_TEXT_RECORDS = 1, /* the table, then every selected record in full */
    REPRO_TEXT_BRIEF = 2    /* one line per selected record, no table */
};

struct repro_view {
    int text_mode;          /* enum repro_text_mode */
    int width;              /* columns to wrap notes at (>= 40; 0: 80) */
    const char *selection;  /* the selection as typed, for the heading; NULL: none */
    int filtered;           /* a record filter (verdict, id) applies: the summary shows
                             * only the documents with records selected */
};

/* Writes the selected records in the given format. Returns 0, or -1 on a write error. */
int repro_write(FILE *out, const struct repro_list *list, int format, const char *title);
/* The same with the text view (view NULL: the summary at 80 columns). */
int repro_write_view(FILE *out, const struct repro_list *list, int format, const char *title,
                     const struct repro_view *view);

/* Text columns from the environment: COLUMNS when it is an integer in [40, 1000],
 * else 80 (no terminal query: the output is the same in a pipe). */
int repro_text_width(const char *columns_env);

/* ---- catalog and drivers ---------------------------------------------------- */

struct repro_catalog_item {
    const char *id;    /* e.g. "E000-landauer300" */
    const char *kind;  /* DERIVABLE, EMPIRICAL, QUALITATIVE, CROSS-DOCUMENT, ... */
    const char *doc;   /* "000".."003" or "cross" */
    const char *where; /* section in the document */
    const char *what;
};

/* The catalog of shared/design/REPRODUCTION.md, in its order, vendored in
 * catalog.c (tools/gen_catalog.py; tests/repro/test_catalog_sync.py compares). */
const struct repro_catalog_item *repro_catalog(size_t *count);

/* The catalog item a record id ("E000-landauer300.01") belongs to, or NULL. */
const struct repro_catalog_item *repro_catalog_find(const char *record_id);

/* The documents, in catalog order: the one list of papers (papers.c). */
struct repro_paper {
    const char *id;    /* "000".."003", "cross" */
    const char *title; /* for headings */
    int (*driver)(struct repro_list *list);
};

/* The table of documents and its length. */
const struct repro_paper *repro_papers(size_t *count);

/* The document of id, or NULL. */
const struct repro_paper *repro_paper_find(const char *id);

/* Paper drivers: each appends its records and qualitative lines. Return 0 or -1. */
int repro_paper000(struct repro_list *list);
int repro_paper001(struct repro_list *list);
int repro_paper002(struct repro_list *list);
/* Paper 002's allocation, precision and sparsity items (paper002_alloc.c), called by repro_paper002(). */
int repro_paper002_alloc(struct repro_list *list);
/* Paper 002's serving items: Table 4, Example 1.1 (paper002_serving.c), called by repro_paper002(). */
int repro_paper002_serving(struct repro_list *list);
/* Paper 002 Sec. 3, information theory and learning bounds (paper002_info.c), called by repro_paper002(). */
int repro_paper002_info(struct repro_list *list);
int repro_paper003(struct repro_list *list);
int repro_cross(struct repro_list *list);

#endif /* THERMOAI_REPRO_H */
