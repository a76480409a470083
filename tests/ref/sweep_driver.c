/* SPDX-License-Identifier: MIT */
/*
 * The accuracy sweep's C side: reads the reference points that
 * tests/ref/sweep_points.py wrote (mpmath, from tests/ref/sweep_table.h),
 * calls each function through the table and checks every point: the status,
 * and the result within the row's tolerance in ulps of the correctly rounded
 * value. Prints TAP, one test point per function, with the largest error seen.
 * Run by tests/ref/test_sweep.py; usage: sweep_driver POINTS-FILE.
 *
 * A points line: function;status;tolerance;expected;input1;input2;...
 * status: OK, RANGE (E_RANGE and NaN), DOMAIN (E_DOMAIN and NaN), or EDGE (a
 * result within the tolerance of the edge of the double range: OK within the
 * tolerance, or E_RANGE). Integer inputs are written as integers.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

#include "sweep_calls.h"

struct tally {
    long points, ok, range, domain, bad;
    double worst_ulps;
    double worst_tol;
};

static const struct row *find(const char *name)
{
    size_t i;

    for (i = 0; i < N_ROWS; i++)
        if (strcmp(rows[i].name, name) == 0)
            return &rows[i];
    return NULL;
}

/* One point; 0 when it fails (with a diagnostic line when *shown is small). */
static int check(const struct row *r, char *status, double tol, double expected, char **fields, int nf,
                 struct tally *t, int *shown)
{
    struct arg a[MAX_IN];
    double out[3];
    int i, s, good = 1;
    double ulps = 0.0;

    if (nf != (int)strlen(r->types) || nf > MAX_IN)
        return 0;
    for (i = 0; i < nf; i++) {
        if (r->types[i] == 'd')
            a[i].d = strtod(fields[i], NULL);
        else
            a[i].u = strtoull(fields[i], NULL, 10);
    }
    out[0] = out[1] = out[2] = 42.0;
    s = r->call(a, out);
    if (strcmp(status, "OK") == 0 || strcmp(status, "EDGE") == 0) {
        if (s == THERMOAI_OK) {
            ulps = tap_ulp_distance(out[0], expected);
            good = isfinite(out[0]) && ulps <= tol;
            if (ulps > t->worst_ulps) {
                t->worst_ulps = ulps;
                t->worst_tol = tol;
            }
            t->ok++;
        } else {
            good = strcmp(status, "EDGE") == 0 && s == THERMOAI_E_RANGE && isnan(out[0]);
            t->range += good;
        }
    } else if (strcmp(status, "RANGE") == 0) {
        good = s == THERMOAI_E_RANGE && isnan(out[0]);
        t->range++;
    } else if (strcmp(status, "DOMAIN") == 0) {
        good = s == THERMOAI_E_DOMAIN && isnan(out[0]);
        t->domain++;
    } else {
        good = 0;
    }
    if (!good) {
        t->bad++;
        if ((*shown)++ < 4) {
            char line[1024];
            size_t used = 0;

            for (i = 0; i < nf && used < sizeof line - 64; i++)
                used += (size_t)snprintf(line + used, sizeof line - used, "%s%s", i ? ", " : "", fields[i]);
            tap_diag("    %s(%s): status %s, expected %s %.17g; got %d %.17g (%.0f ulp, tolerance %.1f)",
                     r->name, line, thermoai_status_name(s), status, expected, s, out[0], ulps, tol);
        }
    }
    return good;
}

int main(int argc, char **argv)
{
    static struct tally tallies[N_ROWS];
    int shown[N_ROWS];
    char line[8192];
    FILE *f;
    size_t i;
    long unknown = 0;

    if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
        printf("Bail out! usage: sweep_driver POINTS-FILE\n");
        return 99;
    }
    memset(shown, 0, sizeof shown);
    while (fgets(line, sizeof line, f) != NULL) {
        char *fields[MAX_IN + 4], *p = line, *status;
        int nf = 0;
        const struct row *r;
        size_t k;

        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        while (p != NULL && nf < MAX_IN + 4) {
            fields[nf++] = p;
            p = strchr(p, ';');
            if (p != NULL)
                *p++ = '\0';
        }
        r = nf >= 4 ? find(fields[0]) : NULL;
        if (r == NULL) {
            unknown++;
            continue;
        }
        k = (size_t)(r - rows);
        status = fields[1];
        tallies[k].points++;
        (void)check(r, status, strtod(fields[2], NULL), strtod(fields[3], NULL), fields + 4, nf - 4,
                    &tallies[k], &shown[k]);
    }
    fclose(f);
    tap_ok(unknown == 0, "every point names a function of the table (%ld do not)", unknown);
    for (i = 0; i < N_ROWS; i++) {
        const struct tally *t = &tallies[i];

        tap_ok(t->points > 0 && t->bad == 0,
               "%s: %ld points (%ld OK, %ld E_RANGE, %ld E_DOMAIN), %ld outside; largest error %.0f ulp "
               "(its tolerance %.1f)",
               rows[i].name, t->points, t->ok, t->range, t->domain, t->bad, t->worst_ulps, t->worst_tol);
    }
    return tap_done();
}
