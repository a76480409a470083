/* SPDX-License-Identifier: MIT */
/* Output formats of `thermoai reproduce`: text, csv, json, markdown. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "emit.h"
#include "repro.h"

static void put_md_cell(FILE *out, const char *s)
{
    for (; *s != '\0'; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else if (*s == '\n')
            fputc(' ', out);
        else
            fputc(*s, out);
    }
}

static void put_md_number(FILE *out, double x)
{
    if (isfinite(x))
        fprintf(out, "%.10g", x);
    else
        fputs("—", out);
}

/* JSON and CSV through the program side's one emitter (cli/emit.c): the same
 * keys, escapes and round-trip numbers as every other command. */
static int write_emit(FILE *out, const struct repro_list *list, int format)
{
    struct emit e;
    size_t i;

    emit_init(&e, out, format);
    emit_array_begin(&e, NULL);
    for (i = 0; i < list->n; i++) {
        const struct repro_record *r = &list->rec[i];

        if (!r->selected)
            continue;
        emit_begin(&e, NULL);
        emit_string(&e, "id", r->id);
        emit_string(&e, "quantity", r->quantity);
        emit_string(&e, "unit", r->unit);
        emit_double(&e, "paper", r->paper);
        emit_string(&e, "paper_text", r->paper_text);
        emit_double(&e, "computed", r->computed);
        emit_string(&e, "verdict", repro_verdict_name(r->verdict));
        emit_string(&e, "note", r->note);
        emit_end(&e);
    }
    emit_array_end(&e);
    return emit_finish(&e);
}

struct tally {
    size_t n[4];
};

/* The document of a record ("000", "cross"), or "" when its id is unknown. */
static const char *doc_of(const struct repro_record *r)
{
    const struct repro_catalog_item *c = repro_catalog_find(r->id);

    return c != NULL ? c->doc : "";
}

/* Counts the records of doc (NULL: all); only the selected ones unless all_records. */
static void count_ex(const struct repro_list *list, const char *doc, int all_records,
                     struct tally *t)
{
    size_t i;

    memset(t, 0, sizeof *t);
    for (i = 0; i < list->n; i++) {
        const struct repro_record *r = &list->rec[i];

        if ((all_records || r->selected) && (doc == NULL || strcmp(doc_of(r), doc) == 0)
            && r->verdict >= 0 && r->verdict < 4)
            t->n[r->verdict]++;
    }
}

static void count(const struct repro_list *list, const char *doc, struct tally *t)
{
    count_ex(list, doc, 0, t);
}

static size_t total(const struct tally *t)
{
    return t->n[0] + t->n[1] + t->n[2] + t->n[3];
}

/* ---- text ---------------------------------------------------------------------- */

#ifndef THERMOAI_DOCDIR
#define THERMOAI_DOCDIR "/usr/local/share/doc/thermoai"
#endif

/* Notes shorter than this are printed with their record even when shared. */
#define SHARED_MIN 40

int repro_text_width(const char *columns_env)
{
    char *end;
    long v;

    if (columns_env == NULL || *columns_env < '0' || *columns_env > '9')
        return 80;
    v = strtol(columns_env, &end, 10);
    if (*end != '\0' || v < 40 || v > 1000)
        return 80;
    return (int)v;
}

/* Display columns of n bytes of UTF-8 (continuation bytes take none). */
static size_t columns(const char *s, size_t n)
{
    size_t i, c = 0;

    for (i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0u) != 0x80u)
            c++;
    return c;
}

/* Writes text after a first-line prefix, filling lines to width at spaces;
 * continuation lines start with indent spaces. A word longer than a line stands
 * alone. Ends with a newline. */
static void put_wrapped(FILE *out, const char *prefix, size_t indent, const char *text,
                        size_t width)
{
    size_t col = columns(prefix, strlen(prefix));
    const char *p = text;
    int first = 1;

    fputs(prefix, out);
    while (*p == ' ')
        p++;
    while (*p != '\0') {
        size_t len = strcspn(p, " "), w = columns(p, len);

        if (!first && col + 1 + w > width) {
            fprintf(out, "\n%*s", (int)indent, "");
            col = indent;
            first = 1;
        }
        if (!first) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, len, out);
        col += w;
        first = 0;
        p += len;
        while (*p == ' ')
            p++;
    }
    fputc('\n', out);
}

/* The shared part of a record's note, or NULL when it has none worth sharing. */
static const char *shared_part(const struct repro_record *r)
{
    const char *s = r->note + r->shared_at;

    return strlen(s) >= SHARED_MIN ? s : NULL;
}

/* Shared notes: distinct shared parts that two or more selected records carry,
 * numbered in order of first appearance. */
struct shared {
    const char **text;
    size_t *uses;
    size_t n;
};

static int shared_build(const struct repro_list *list, struct shared *sh)
{
    size_t i, j, k;

    sh->n = 0;
    sh->text = malloc((list->n + 1) * sizeof *sh->text);
    sh->uses = malloc((list->n + 1) * sizeof *sh->uses);
    if (sh->text == NULL || sh->uses == NULL) {
        free(sh->text);
        free(sh->uses);
        sh->text = NULL;
        sh->uses = NULL;
        return -1;
    }
    for (i = 0; i < list->n; i++) {
        const char *s = list->rec[i].selected ? shared_part(&list->rec[i]) : NULL;
        size_t uses = 0;

        if (s == NULL)
            continue;
        for (k = 0; k < sh->n; k++)
            if (strcmp(sh->text[k], s) == 0)
                break;
        if (k < sh->n)
            continue; /* numbered already */
        for (j = i; j < list->n; j++) {
            const char *t = list->rec[j].selected ? shared_part(&list->rec[j]) : NULL;

            if (t != NULL && strcmp(s, t) == 0)
                uses++;
        }
        if (uses >= 2) {
            sh->text[sh->n] = s;
            sh->uses[sh->n] = uses;
            sh->n++;
        }
    }
    return 0;
}

/* The number (from 1) of a record's shared note, or 0. */
static size_t shared_ref(const struct shared *sh, const struct repro_record *r)
{
    const char *s = shared_part(r);
    size_t k;

    if (s == NULL)
        return 0;
    for (k = 0; k < sh->n; k++)
        if (strcmp(sh->text[k], s) == 0)
            return k + 1;
    return 0;
}

static void put_title(FILE *out, const struct repro_paper *p)
{
    if (strncmp(p->title, "Paper ", 6) == 0)
        fprintf(out, "  %s\n", p->title);
    else
        fprintf(out, "  %s: %s\n", p->id, p->title);
}

/* Whether the document of id ran. */
static int ran(const struct repro_list *list, const char *id)
{
    const struct repro_paper *p = repro_paper_find(id), *docs = repro_papers(NULL);

    return p != NULL && (list->docs_run >> (unsigned)(p - docs) & 1u);
}

/* Whether the summary shows document d: it ran, and, under a filter, has records
 * selected. */
static int shown(const struct repro_list *list, const char *doc, size_t d, int filtered)
{
    struct tally t;

    if (!(list->docs_run >> d & 1u))
        return 0;
    if (!filtered)
        return 1;
    count(list, doc, &t);
    return total(&t) > 0;
}

/* The per-paper table and what did not run; the first lines of every text view
 * but the brief one. */
static void write_summary(FILE *out, const struct repro_list *list, const struct repro_view *v)
{
    size_t d, n_docs, n_run = 0, selected;
    const struct repro_paper *docs = repro_papers(&n_docs);
    struct tally t, all;
    int filtered = v->filtered;

    count(list, NULL, &t);
    selected = total(&t);
    count_ex(list, NULL, 1, &all);
    fprintf(out, "thermoai %s: the source papers' printed numbers recomputed\n",
            thermoai_version_string());
    if (filtered)
        fprintf(out, "selected: %zu of %zu records (%s)\n", selected, total(&all),
                v->selection);
    fprintf(out, "\n%-8s  %7s  %5s  %8s  %13s  %5s\n", "document", "records", "match",
            "mismatch", "not-derivable", "rerun");
    for (d = 0; d < n_docs; d++) {
        if (!shown(list, docs[d].id, d, filtered))
            continue;
        n_run++;
        count(list, docs[d].id, &t);
        fprintf(out, "%-8s  %7zu  %5zu  %8zu  %13zu  %5zu\n", docs[d].id, total(&t),
                t.n[REPRO_MATCH], t.n[REPRO_MISMATCH], t.n[REPRO_NOT_DERIVABLE],
                t.n[REPRO_RERUN]);
    }
    if (n_run > 1) {
        count(list, NULL, &t);
        fprintf(out, "%-8s  %7zu  %5zu  %8zu  %13zu  %5zu\n", "all", total(&t),
                t.n[REPRO_MATCH], t.n[REPRO_MISMATCH], t.n[REPRO_NOT_DERIVABLE],
                t.n[REPRO_RERUN]);
    }
    fputc('\n', out);
    for (d = 0; d < n_docs; d++) {
        if (!shown(list, docs[d].id, d, filtered))
            continue;
        put_title(out, &docs[d]);
        count_ex(list, docs[d].id, 1, &t);
        if (total(&t) == 0)
            fputs("    no records yet: its catalog items are listed as not yet reproduced\n"
                  "    (--format markdown)\n",
                  out);
    }
    if (!list->reruns && ran(list, "002"))
        fputs("\nThe empirical re-runs (paper 002's SSA timings) did not run: add --reruns.\n",
              out);
}

static void write_pointers(FILE *out, const struct repro_list *list)
{
    struct tally t;

    count(list, NULL, &t);
    fputs("\nThe records:\n"
          "  thermoai reproduce --records           every record: printed, computed, note\n"
          "  thermoai reproduce --brief             one line per record\n",
          out);
    if (t.n[REPRO_MISMATCH] > 0)
        fprintf(out, "  thermoai reproduce --verdict mismatch  the %zu mismatch%s with "
                     "their diagnosis\n",
                t.n[REPRO_MISMATCH], t.n[REPRO_MISMATCH] == 1 ? "" : "es");
    fputs("  filters (every format): --verdict V[,V] --id PREFIX[,PREFIX] "
          "--paper 000[,001]\n"
          "The errata (every record, one table per paper): doc/errata.md in the build\n"
          "  tree (make writes it), " THERMOAI_DOCDIR "/errata.md when installed,\n"
          "  or thermoai reproduce --format markdown (also --format json, csv)\n",
          out);
}

static void put_value(FILE *out, double x, const char *unit, int digits)
{
    fprintf(out, "%.*g%s%s", digits, x, *unit ? " " : "", unit);
}

static void write_record(FILE *out, const struct repro_record *r, const struct shared *sh,
                         size_t width)
{
    const char *unit = strcmp(r->unit, "1") == 0 ? "" : r->unit;
    char head[64];
    size_t ref = shared_ref(sh, r);

    snprintf(head, sizeof head, "%-28s %-13s ", r->id, repro_verdict_name(r->verdict));
    /* the quantity in its column when 30 columns are left for it, else below */
    if (strlen(head) + 30 <= width) {
        put_wrapped(out, head, strlen(head), r->quantity, width);
    } else {
        fprintf(out, "%s %s\n", r->id, repro_verdict_name(r->verdict));
        put_wrapped(out, "    ", 4, r->quantity, width);
    }
    fprintf(out, "    paper     %s", r->paper_text);
    if (isfinite(r->paper)) {
        fputs("  (", out);
        put_value(out, r->paper, unit, 6);
        fputc(')', out);
    }
    fputc('\n', out);
    if (isfinite(r->computed)) {
        fputs("    computed  ", out);
        put_value(out, r->computed, unit, 10);
        fputc('\n', out);
    }
    if (ref > 0) {
        /* the record's own part without the ". " that joins the shared one */
        size_t own = r->shared_at;
        char tag[32], *text;

        while (own > 0 && (r->note[own - 1] == ' ' || r->note[own - 1] == '.'))
            own--;
        snprintf(tag, sizeof tag, "[note %zu]", ref);
        text = malloc(own + strlen(tag) + 2);
        if (text == NULL) {
            put_wrapped(out, "    note      ", 14, r->note, width);
            return;
        }
        memcpy(text, r->note, own);
        text[own] = '\0';
        if (own > 0)
            strcat(text, " ");
        strcat(text, tag);
        put_wrapped(out, "    note      ", 14, text, width);
        free(text);
    } else if (r->note[0] != '\0') {
        put_wrapped(out, "    note      ", 14, r->note, width);
    }
}

static void write_records(FILE *out, const struct repro_list *list, size_t width)
{
    struct shared sh;
    size_t i, k, n = 0;

    if (shared_build(list, &sh) != 0)
        sh.n = 0;
    for (i = 0; i < list->n; i++)
        if (list->rec[i].selected) {
            fputc('\n', out);
            write_record(out, &list->rec[i], &sh, width);
            n++;
        }
    if (n == 0)
        fputs("\nno record passes the filter\n", out);
    if (sh.n > 0) {
        fputs("\nNotes shared by several records:\n", out);
        for (k = 0; k < sh.n; k++) {
            char prefix[48];

            snprintf(prefix, sizeof prefix, "[note %zu] (%zu records) ", k + 1, sh.uses[k]);
            put_wrapped(out, prefix, 4, sh.text[k], width);
        }
    }
    free(sh.text);
    free(sh.uses);
}

static void write_brief(FILE *out, const struct repro_list *list)
{
    size_t i;

    fprintf(out, "%-28s %-13s %-16s %-16s %s\n", "id", "verdict", "paper", "computed", "unit");
    for (i = 0; i < list->n; i++) {
        const struct repro_record *r = &list->rec[i];
        char paper[80], computed[32];

        if (!r->selected)
            continue;
        if (isfinite(r->paper))
            snprintf(paper, sizeof paper, "%.6g", r->paper);
        else
            snprintf(paper, sizeof paper, "-");
        if (isfinite(r->computed))
            snprintf(computed, sizeof computed, "%.10g", r->computed);
        else
            snprintf(computed, sizeof computed, "-");
        fprintf(out, "%-28s %-13s %-16s %-16s %s", r->id, repro_verdict_name(r->verdict),
                paper, computed, r->unit);
        if (!isfinite(r->paper)) /* a range or words: the printed text, after the columns */
            fprintf(out, "  (printed \"%s\")", r->paper_text);
        fputc('\n', out);
    }
}

static void write_text(FILE *out, const struct repro_list *list, const struct repro_view *v)
{
    size_t width = v->width >= 40 ? (size_t)v->width : 80;

    switch (v->text_mode) {
    case REPRO_TEXT_BRIEF:
        write_brief(out, list);
        break;
    case REPRO_TEXT_RECORDS:
        write_summary(out, list, v);
        fputs("\nThe errata: doc/errata.md (thermoai reproduce --format markdown).\n", out);
        write_records(out, list, width);
        break;
    default:
        write_summary(out, list, v);
        write_pointers(out, list);
        break;
    }
}

/* The records of a catalog item: the selected ones, or (selected 0) all. */
static size_t records_of(const struct repro_list *list, const char *catalog_id, int selected)
{
    size_t i, n = 0, len = strlen(catalog_id);

    for (i = 0; i < list->n; i++)
        if (strncmp(list->rec[i].id, catalog_id, len) == 0 && list->rec[i].id[len] == '.'
            && (!selected || list->rec[i].selected))
            n++;
    return n;
}

static const char *line_of(const struct repro_list *list, const char *catalog_id)
{
    size_t i;

    for (i = 0; i < list->n_lines; i++)
        if (strcmp(list->lines[i].id, catalog_id) == 0)
            return list->lines[i].text;
    return NULL;
}

static void write_markdown(FILE *out, const struct repro_list *list, const char *title)
{
    size_t d, i, n_cat, n_docs;
    const struct repro_catalog_item *cat = repro_catalog(&n_cat);
    const struct repro_paper *docs = repro_papers(&n_docs);
    struct tally t;

    fprintf(out, "# %s {#%s}\n\n", title != NULL ? title : "Errata",
            list->reruns ? "reruns" : "errata");
    fprintf(out,
            "Generated by `thermoai reproduce%s --format markdown` (thermoai %s); "
            "do not edit by hand.\n\n",
            list->reruns ? " --reruns" : "", thermoai_version_string());
    fputs("Each row is one printed value. *computed* comes from library calls with the "
          "document's stated inputs; the verdict is decided by one rule "
          "(doc/reproduction.md): a number matches when the computed value rounds to "
          "it at the printed significant digits, a range when the value lies inside "
          "it, an order of magnitude when the power of ten agrees. A mismatch note "
          "gives computed/paper and the alternative reading, itself computed, that "
          "reproduces the printed value.\n\n",
          out);
    fputs("| document | records | match | mismatch | not-derivable | rerun |\n"
          "|---|---:|---:|---:|---:|---:|\n",
          out);
    for (d = 0; d < n_docs; d++) {
        count(list, docs[d].id, &t);
        fprintf(out, "| %s | %zu | %zu | %zu | %zu | %zu |\n", docs[d].id,
                t.n[0] + t.n[1] + t.n[2] + t.n[3], t.n[REPRO_MATCH], t.n[REPRO_MISMATCH],
                t.n[REPRO_NOT_DERIVABLE], t.n[REPRO_RERUN]);
    }
    for (d = 0; d < n_docs; d++) {
        int header = 0;

        for (i = 0; i < list->n; i++) {
            const struct repro_record *r = &list->rec[i];
            const struct repro_catalog_item *c = repro_catalog_find(r->id);

            if (!r->selected || c == NULL || strcmp(c->doc, docs[d].id) != 0)
                continue;
            if (!header) {
                fprintf(out, "\n## %s\n\n", docs[d].title);
                fputs("| id | quantity | printed | paper | computed | unit | verdict | note |\n"
                      "|---|---|---|---:|---:|---|---|---|\n",
                      out);
                header = 1;
            }
            fputs("| ", out);
            put_md_cell(out, r->id);
            fputs(" | ", out);
            put_md_cell(out, r->quantity);
            fputs(" | ", out);
            put_md_cell(out, r->paper_text);
            fputs(" | ", out);
            put_md_number(out, r->paper);
            fputs(" | ", out);
            put_md_number(out, r->computed);
            fputs(" | ", out);
            put_md_cell(out, r->unit);
            fprintf(out, " | **%s** | ", repro_verdict_name(r->verdict));
            put_md_cell(out, r->note);
            fputs(" |\n", out);
        }
    }
    fputs("\n## Catalog coverage\n\n"
          "Every item of the catalog, with its records in this run. Qualitative items "
          "hold nothing to compute.\n\n"
          "| item | kind | document | records | status |\n|---|---|---|---:|---|\n",
          out);
    for (i = 0; i < n_cat; i++) {
        size_t n = records_of(list, cat[i].id, 1);
        const char *line = line_of(list, cat[i].id);

        fprintf(out, "| %s | %s | %s | %zu | ", cat[i].id, cat[i].kind, cat[i].doc, n);
        if (line != NULL)
            put_md_cell(out, line);
        else if (n > 0)
            fputs("reproduced", out);
        else if (records_of(list, cat[i].id, 0) > 0)
            fputs("reproduced; not selected by the filter", out);
        else if (strcmp(cat[i].kind, "QUALITATIVE") == 0)
            fputs("qualitative: nothing to compute", out);
        else if (!list->reruns && strcmp(cat[i].kind, "EMPIRICAL") == 0)
            fputs("empirical: not on this page (`thermoai reproduce --reruns`, "
                  "`make reproduce-reruns`)", out);
        else
            fputs("not yet reproduced by thermoai", out);
        fputs(" |\n", out);
    }
}

int repro_write(FILE *out, const struct repro_list *list, int format, const char *title)
{
    return repro_write_view(out, list, format, title, NULL);
}

int repro_write_view(FILE *out, const struct repro_list *list, int format, const char *title,
                     const struct repro_view *view)
{
    static const struct repro_view summary = { REPRO_TEXT_SUMMARY, 80, NULL, 0 };

    switch (format) {
    case REPRO_TEXT:
        write_text(out, list, view != NULL ? view : &summary);
        break;
    case REPRO_CSV:
        if (write_emit(out, list, EMIT_CSV) != 0)
            return -1;
        break;
    case REPRO_JSON:
        if (write_emit(out, list, EMIT_JSON) != 0)
            return -1;
        break;
    case REPRO_MARKDOWN:
        write_markdown(out, list, title);
        break;
    default:
        return -1;
    }
    return ferror(out) ? -1 : 0;
}
