/* SPDX-License-Identifier: MIT */
/* Record list, verdict rule and output formats of `thermoai reproduce`. */
#include "config.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "repro.h"
#include "strbuf.h"

/* ---- the rule -------------------------------------------------------------- */

static int is_digit(char c)
{
    return isdigit((unsigned char)c) != 0;
}

int repro_sig_digits(const char *text)
{
    const char *p = text;
    char digits[64];
    int nd = 0, seen_point = 0, first, end;

    if (text == NULL)
        return 0;
    while (*p != '\0' && !(is_digit(*p) || (*p == '.' && is_digit(p[1]))))
        p++;
    for (; *p != '\0' && nd < (int)sizeof digits; p++) {
        if (is_digit(*p))
            digits[nd++] = *p;
        else if (*p == '.' && !seen_point && is_digit(p[1]))
            seen_point = 1;
        else if (*p == ',' && !seen_point && nd > 0 && is_digit(p[1]) && is_digit(p[2])
                 && is_digit(p[3]) && !is_digit(p[4]))
            continue; /* thousands separator: "1,287" */
        else
            break;
    }
    if (nd == 0)
        return 0;
    for (first = 0; first < nd && digits[first] == '0'; first++)
        ;
    if (first == nd)
        return 1; /* "0", "0.0" */
    end = nd;
    if (!seen_point)
        while (end > first + 1 && digits[end - 1] == '0')
            end--;
    return end - first;
}

/* Power of ten of x in scientific notation; the nudge keeps 1e21 (stored as
 * 1.0000000000000000e21 or 9.999999999999999e20) in decade 21. */
static int decade(double x)
{
    return (int)floor(log10(fabs(x)) + 1e-12);
}

/* Slack for the binary representation of a decimal literal. */
static double repr_slack(double x)
{
    return 4.0 * DBL_EPSILON * fabs(x);
}

int repro_verdict(int form, double computed, double paper, double lo, double hi,
                  int sig_digits)
{
    double half;

    if (!isfinite(computed))
        return REPRO_MISMATCH;
    switch (form) {
    case REPRO_POINT:
        if (!isfinite(paper) || sig_digits < 1)
            return REPRO_MISMATCH;
        if (paper == 0.0)
            return computed == 0.0 ? REPRO_MATCH : REPRO_MISMATCH;
        half = 0.5 * pow(10.0, (double)(decade(paper) - sig_digits + 1));
        return fabs(computed - paper) <= half + repr_slack(paper) ? REPRO_MATCH
                                                                  : REPRO_MISMATCH;
    case REPRO_RANGE:
        if (!isfinite(lo) || !isfinite(hi) || lo > hi)
            return REPRO_MISMATCH;
        return (computed >= lo - repr_slack(lo) && computed <= hi + repr_slack(hi))
                   ? REPRO_MATCH
                   : REPRO_MISMATCH;
    case REPRO_ORDER:
        if (!(paper > 0.0) || !(computed > 0.0) || !isfinite(paper))
            return REPRO_MISMATCH;
        return decade(computed) == decade(paper) ? REPRO_MATCH : REPRO_MISMATCH;
    default:
        return REPRO_MISMATCH;
    }
}

const char *repro_verdict_name(int verdict)
{
    switch (verdict) {
    case REPRO_MATCH:
        return "match";
    case REPRO_MISMATCH:
        return "mismatch";
    case REPRO_NOT_DERIVABLE:
        return "not-derivable";
    case REPRO_RERUN:
        return "rerun";
    default:
        return "unknown";
    }
}

/* ---- building the list ------------------------------------------------------ */

void repro_list_init(struct repro_list *list)
{
    memset(list, 0, sizeof *list);
}

void repro_list_free(struct repro_list *list)
{
    size_t i;

    for (i = 0; i < list->n; i++) {
        free(list->rec[i].id);
        free(list->rec[i].quantity);
        free(list->rec[i].unit);
        free(list->rec[i].paper_text);
        free(list->rec[i].note);
    }
    for (i = 0; i < list->n_lines; i++) {
        free(list->lines[i].id);
        free(list->lines[i].text);
    }
    free(list->rec);
    free(list->lines);
    repro_list_init(list);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s != NULL ? s : "") + 1;
    char *d = malloc(n);

    if (d != NULL)
        memcpy(d, s != NULL ? s : "", n);
    return d;
}

static int fail(struct repro_list *list, const char *id, const char *why)
{
    fprintf(stderr, "thermoai reproduce: record %s: %s\n", id != NULL ? id : "(null)", why);
    list->failed = 1;
    return -1;
}

/* Appends a finished record; takes ownership of note (NULL: its allocation failed).
 * On any failure nothing is appended and the list is marked failed. */
static int push(struct repro_list *list, const char *id, const char *quantity,
                const char *unit, double paper, const char *paper_text, double computed,
                int verdict, char *note, size_t shared_at)
{
    struct repro_record *r;
    const struct repro_catalog_item *c = repro_catalog_find(id);
    size_t i, n;

    /* <catalog id> '.' digits */
    if (note == NULL) /* strbuf_take() or dup_str() ran out of memory: never print "" */
        return fail(list, id, "out of memory");
    n = c != NULL ? strlen(c->id) : 0;
    if (c == NULL || id[n] != '.' || id[n + 1] == '\0'
        || strspn(id + n + 1, "0123456789") != strlen(id + n + 1)) {
        free(note);
        return fail(list, id, "id is not <catalog id>.NN");
    }
    for (i = 0; i < list->n; i++)
        if (strcmp(list->rec[i].id, id) == 0) {
            free(note);
            return fail(list, id, "duplicate id");
        }
    if (list->n == list->cap) {
        size_t cap = list->cap ? 2 * list->cap : 64;
        struct repro_record *v = realloc(list->rec, cap * sizeof *v);

        if (v == NULL) {
            free(note);
            return fail(list, id, "out of memory");
        }
        list->rec = v;
        list->cap = cap;
    }
    r = &list->rec[list->n];
    r->id = dup_str(id);
    r->quantity = dup_str(quantity);
    r->unit = dup_str(unit);
    r->paper_text = dup_str(paper_text);
    r->note = note;
    r->paper = paper;
    r->computed = computed;
    r->verdict = verdict;
    r->selected = 1;
    r->shared_at = shared_at <= strlen(note) ? shared_at : strlen(note);
    if (r->id == NULL || r->quantity == NULL || r->unit == NULL || r->paper_text == NULL) {
        /* not counted: no later strcmp() or printer sees a NULL field */
        free(r->id);
        free(r->quantity);
        free(r->unit);
        free(r->paper_text);
        free(r->note);
        return fail(list, id, "out of memory");
    }
    list->n++;
    return 0;
}

/* " J" for a unit, "" for the dimensionless "1". */
static const char *unit_suffix(const char *unit, char *buf, size_t size)
{
    if (strcmp(unit, "1") == 0)
        return "";
    snprintf(buf, size, " %s", unit);
    return buf;
}

/* "inside the printed range [a, b]", or "... [a, inf)" for a one-sided bound. */
static void describe_range(struct strbuf *sb, const char *where, const struct repro_spec *s)
{
    if (s->hi >= DBL_MAX)
        strbuf_printf(sb, "%s the printed range [%.6g, inf)", where, s->lo);
    else
        strbuf_printf(sb, "%s the printed range [%.6g, %.6g]", where, s->lo, s->hi);
}

static void describe_match(struct strbuf *sb, const struct repro_spec *s, int sig)
{
    switch (s->form) {
    case REPRO_POINT:
        strbuf_printf(sb, "match at the %d significant digit%s printed", sig,
                      sig == 1 ? "" : "s");
        break;
    case REPRO_RANGE:
        describe_range(sb, "inside", s);
        break;
    case REPRO_ORDER:
        strbuf_printf(sb, "same power of ten as printed (10^%d)", decade(s->paper));
        break;
    }
}

int repro_add(struct repro_list *list, const struct repro_spec *s)
{
    struct strbuf sb;
    int sig, verdict;
    size_t i, hits = 0, own;
    char ubuf[32];
    const char *u;

    if (s->paper_text == NULL || s->unit == NULL || s->quantity == NULL)
        return fail(list, s->id, "incomplete spec");
    if (!isfinite(s->computed))
        return fail(list, s->id, "computed value is not finite (a library call failed)");
    sig = repro_sig_digits(s->paper_text);
    if (s->form == REPRO_POINT && sig < 1)
        return fail(list, s->id, "paper_text holds no number");
    if (s->form != REPRO_RANGE && !isfinite(s->paper))
        return fail(list, s->id, "paper value missing");
    verdict = repro_verdict(s->form, s->computed, s->paper, s->lo, s->hi, sig);
    u = unit_suffix(s->unit, ubuf, sizeof ubuf);

    strbuf_init(&sb);
    if (verdict == REPRO_MATCH) {
        describe_match(&sb, s, sig);
        for (i = 0; i < s->n_readings; i++) {
            int v = repro_verdict(s->form, s->readings[i].value, s->paper, s->lo, s->hi, sig);

            strbuf_printf(&sb, "; reading '%s' gives %.6g%s (%s)", s->readings[i].label,
                          s->readings[i].value, u,
                          v == REPRO_MATCH ? "same verdict" : "would not match");
        }
    } else {
        if (s->form == REPRO_RANGE)
            describe_range(&sb, "outside", s);
        else if (s->form == REPRO_ORDER && s->computed > 0.0)
            strbuf_printf(&sb, "computed/paper = %.4g, log10(computed) = %.3f", s->computed / s->paper,
                          log10(s->computed));
        else
            strbuf_printf(&sb, "computed/paper = %.4g", s->computed / s->paper);
        for (i = 0; i < s->n_readings; i++)
            if (repro_verdict(s->form, s->readings[i].value, s->paper, s->lo, s->hi, sig)
                == REPRO_MATCH) {
                strbuf_printf(&sb, "%s%s (%.6g%s)",
                              hits == 0 ? "; printed value reproduced by: " : "; also: ",
                              s->readings[i].label, s->readings[i].value, u);
                hits++;
            }
        if (hits == 0) {
            strbuf_printf(&sb, "; no reading found");
            for (i = 0; i < s->n_readings; i++)
                strbuf_printf(&sb, "%s'%s' gives %.6g", i == 0 ? " (tried: " : "; ",
                              s->readings[i].label, s->readings[i].value);
            if (s->n_readings > 0)
                strbuf_printf(&sb, ")");
        }
    }
    own = sb.len;
    if (s->note != NULL && s->note[0] != '\0') {
        strbuf_printf(&sb, ". %s", s->note);
        own += 2; /* the shared part is the driver's note, after ". " */
    }
    if (sb.oom) {
        strbuf_free(&sb);
        return fail(list, s->id, "out of memory");
    }
    return push(list, s->id, s->quantity, s->unit, s->form == REPRO_RANGE ? (double)NAN : s->paper,
                s->paper_text, s->computed, verdict, strbuf_take(&sb), own);
}

int repro_add_not_derivable(struct repro_list *list, const char *id, const char *quantity,
                            const char *unit, double paper, const char *paper_text,
                            const char *missing)
{
    return push(list, id, quantity, unit, paper, paper_text, (double)NAN, REPRO_NOT_DERIVABLE,
                dup_str(missing), 0);
}

int repro_add_rerun(struct repro_list *list, const char *id, const char *quantity,
                    const char *unit, double paper, const char *paper_text, double measured,
                    const char *conditions)
{
    if (!isfinite(measured))
        return fail(list, id, "measured value is not finite");
    return push(list, id, quantity, unit, paper, paper_text, measured, REPRO_RERUN,
                dup_str(conditions), 0);
}

int repro_add_line(struct repro_list *list, const char *id, const char *text)
{
    struct repro_line *l;

    if (id == NULL || repro_catalog_find(id) == NULL
        || strcmp(repro_catalog_find(id)->id, id) != 0)
        return fail(list, id, "not a catalog id");
    if (list->n_lines == list->cap_lines) {
        size_t cap = list->cap_lines ? 2 * list->cap_lines : 16;
        struct repro_line *v = realloc(list->lines, cap * sizeof *v);

        if (v == NULL)
            return fail(list, id, "out of memory");
        list->lines = v;
        list->cap_lines = cap;
    }
    l = &list->lines[list->n_lines];
    l->id = dup_str(id);
    l->text = dup_str(text);
    if (l->id == NULL || l->text == NULL) {
        free(l->id);
        free(l->text);
        return fail(list, id, "out of memory");
    }
    list->n_lines++;
    return 0;
}

/* ---- selection ---------------------------------------------------------------- */

int repro_verdict_from_name(const char *name)
{
    int v;

    if (name == NULL)
        return -1;
    for (v = REPRO_MATCH; v <= REPRO_RERUN; v++)
        if (strcmp(name, repro_verdict_name(v)) == 0)
            return v;
    return -1;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int repro_prefix_known(const char *prefix)
{
    size_t i, n, len;
    const struct repro_catalog_item *cat = repro_catalog(&n);

    if (prefix == NULL || prefix[0] == '\0')
        return 0;
    for (i = 0; i < n; i++) {
        len = strlen(cat[i].id);
        if (starts_with(cat[i].id, prefix))
            return 1; /* "E000", "E000-landauer300" */
        if (strncmp(prefix, cat[i].id, len) == 0 && prefix[len] == '.'
            && strspn(prefix + len + 1, "0123456789") == strlen(prefix + len + 1))
            return 1; /* "E000-landauer300.", "E000-landauer300.01" */
    }
    return 0;
}

size_t repro_select(struct repro_list *list, const struct repro_filter *f)
{
    size_t i, k, n = 0;

    for (i = 0; i < list->n; i++) {
        struct repro_record *r = &list->rec[i];
        int pass = 1;

        if (f != NULL && f->verdicts != 0u
            && (r->verdict < 0 || r->verdict > REPRO_RERUN || !(f->verdicts >> r->verdict & 1u)))
            pass = 0;
        if (pass && f != NULL && f->n_prefixes > 0) {
            pass = 0;
            for (k = 0; k < f->n_prefixes && !pass; k++)
                pass = starts_with(r->id, f->prefixes[k]);
        }
        r->selected = pass;
        n += (size_t)pass;
    }
    return n;
}
