/* SPDX-License-Identifier: MIT */
/* Output formats of `thermoai reproduce`: text, csv, json, markdown. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "repro.h"

/* Full precision for machine-readable formats: %.17g round-trips a double. */
static void put_number(FILE *out, double x)
{
    if (isfinite(x))
        fprintf(out, "%.17g", x);
    else
        fputs("null", out);
}

void repro_json_string(FILE *out, const char *s)
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
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out); /* UTF-8 passes through unchanged */
    }
    fputc('"', out);
}

static void put_csv_field(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s != '\0'; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

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

static void write_json(FILE *out, const struct repro_list *list)
{
    size_t i;

    fputs("[\n", out);
    for (i = 0; i < list->n; i++) {
        const struct repro_record *r = &list->rec[i];

        fputs("  {\"id\": ", out);
        repro_json_string(out, r->id);
        fputs(", \"quantity\": ", out);
        repro_json_string(out, r->quantity);
        fputs(", \"unit\": ", out);
        repro_json_string(out, r->unit);
        fputs(", \"paper\": ", out);
        put_number(out, r->paper);
        fputs(", \"paper_text\": ", out);
        repro_json_string(out, r->paper_text);
        fputs(", \"computed\": ", out);
        put_number(out, r->computed);
        fputs(", \"verdict\": ", out);
        repro_json_string(out, repro_verdict_name(r->verdict));
        fputs(", \"note\": ", out);
        repro_json_string(out, r->note);
        fputs(i + 1 < list->n ? "},\n" : "}\n", out);
    }
    fputs("]\n", out);
}

static void write_csv(FILE *out, const struct repro_list *list)
{
    size_t i;

    fputs("id,quantity,unit,paper,paper_text,computed,verdict,note\r\n", out);
    for (i = 0; i < list->n; i++) {
        const struct repro_record *r = &list->rec[i];

        put_csv_field(out, r->id);
        fputc(',', out);
        put_csv_field(out, r->quantity);
        fputc(',', out);
        put_csv_field(out, r->unit);
        fputc(',', out);
        if (isfinite(r->paper))
            fprintf(out, "%.17g", r->paper);
        fputc(',', out);
        put_csv_field(out, r->paper_text);
        fputc(',', out);
        if (isfinite(r->computed))
            fprintf(out, "%.17g", r->computed);
        fputc(',', out);
        put_csv_field(out, repro_verdict_name(r->verdict));
        fputc(',', out);
        put_csv_field(out, r->note);
        fputs("\r\n", out);
    }
}

struct tally {
    size_t n[4];
};

static void count(const struct repro_list *list, const char *doc, struct tally *t)
{
    size_t i;

    memset(t, 0, sizeof *t);
    for (i = 0; i < list->n; i++) {
        const struct repro_catalog_item *c = repro_catalog_find(list->rec[i].id);

        if ((doc == NULL || (c != NULL && strcmp(c->doc, doc) == 0))
            && list->rec[i].verdict >= 0 && list->rec[i].verdict < 4)
            t->n[list->rec[i].verdict]++;
    }
}

static void write_text(FILE *out, const struct repro_list *list)
{
    size_t i;
    struct tally t;

    for (i = 0; i < list->n; i++) {
        const struct repro_record *r = &list->rec[i];
        const char *unit = strcmp(r->unit, "1") == 0 ? "" : r->unit;

        fprintf(out, "%-28s %-13s %s\n", r->id, repro_verdict_name(r->verdict), r->quantity);
        fprintf(out, "    paper     %s", r->paper_text);
        if (isfinite(r->paper))
            fprintf(out, "  (%.6g%s%s)", r->paper, *unit ? " " : "", unit);
        fputc('\n', out);
        if (isfinite(r->computed))
            fprintf(out, "    computed  %.10g%s%s\n", r->computed, *unit ? " " : "", unit);
        if (r->note[0] != '\0')
            fprintf(out, "    note      %s\n", r->note);
    }
    count(list, NULL, &t);
    fprintf(out, "\n%zu records: %zu match, %zu mismatch, %zu not-derivable, %zu rerun\n",
            list->n, t.n[REPRO_MATCH], t.n[REPRO_MISMATCH], t.n[REPRO_NOT_DERIVABLE],
            t.n[REPRO_RERUN]);
}

static const char *doc_title(const char *doc)
{
    if (strcmp(doc, "000") == 0)
        return "Paper 000: Thermodynamic Bounds on Neural Network Inference";
    if (strcmp(doc, "001") == 0)
        return "Paper 001: Local Entropy Inversion in Large-Scale AI Systems";
    if (strcmp(doc, "002") == 0)
        return "Paper 002: A Unified Mathematical Theory of Energy-Efficient AI";
    if (strcmp(doc, "003") == 0)
        return "Paper 003: 99.8% of LLM Inference Power Isn't Spent on Computation";
    return "Across documents";
}

static size_t records_of(const struct repro_list *list, const char *catalog_id)
{
    size_t i, n = 0, len = strlen(catalog_id);

    for (i = 0; i < list->n; i++)
        if (strncmp(list->rec[i].id, catalog_id, len) == 0 && list->rec[i].id[len] == '.')
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
    static const char *const docs[] = { "000", "001", "002", "003", "cross" };
    size_t d, i, n_cat;
    const struct repro_catalog_item *cat = repro_catalog(&n_cat);
    struct tally t;

    fprintf(out, "# %s {#errata}\n\n", title != NULL ? title : "Errata");
    fprintf(out,
            "Generated by `thermoai reproduce --format markdown` (thermoai %s); "
            "do not edit by hand.\n\n",
            thermoai_version_string());
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
    for (d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        count(list, docs[d], &t);
        fprintf(out, "| %s | %zu | %zu | %zu | %zu | %zu |\n", docs[d],
                t.n[0] + t.n[1] + t.n[2] + t.n[3], t.n[REPRO_MATCH], t.n[REPRO_MISMATCH],
                t.n[REPRO_NOT_DERIVABLE], t.n[REPRO_RERUN]);
    }
    for (d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        int header = 0;

        for (i = 0; i < list->n; i++) {
            const struct repro_record *r = &list->rec[i];
            const struct repro_catalog_item *c = repro_catalog_find(r->id);

            if (c == NULL || strcmp(c->doc, docs[d]) != 0)
                continue;
            if (!header) {
                fprintf(out, "\n## %s\n\n", doc_title(docs[d]));
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
        size_t n = records_of(list, cat[i].id);
        const char *line = line_of(list, cat[i].id);

        fprintf(out, "| %s | %s | %s | %zu | ", cat[i].id, cat[i].kind, cat[i].doc, n);
        if (line != NULL)
            put_md_cell(out, line);
        else if (n > 0)
            fputs("reproduced", out);
        else if (strcmp(cat[i].kind, "QUALITATIVE") == 0)
            fputs("qualitative: nothing to compute", out);
        else
            fputs("not yet reproduced by thermoai", out);
        fputs(" |\n", out);
    }
}

int repro_write(FILE *out, const struct repro_list *list, int format, const char *title)
{
    switch (format) {
    case REPRO_TEXT:
        write_text(out, list);
        break;
    case REPRO_CSV:
        write_csv(out, list);
        break;
    case REPRO_JSON:
        write_json(out, list);
        break;
    case REPRO_MARKDOWN:
        write_markdown(out, list, title);
        break;
    default:
        return -1;
    }
    return ferror(out) ? -1 : 0;
}
