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

#define MAX_IN 12

struct arg {
    double d;
    uint64_t u;
};

#define A_d(i) a[i].d
#define A_u(i) ((uint32_t)a[i].u)
#define A_U(i) ((uint64_t)a[i].u)
#define A_z(i) ((size_t)a[i].u)
#define A_i(i) ((int32_t)(int64_t)a[i].u)

/* ---- the wrappers: one per row, from the table --------------------------------- */

#define SWEEP_1_1(fn, t0, ...) \
    static int call_##fn(const struct arg *a, double *o) { return fn(A_##t0(0), &o[0]); }
#define SWEEP_2_1(fn, t0, t1, ...) \
    static int call_##fn(const struct arg *a, double *o) { return fn(A_##t0(0), A_##t1(1), &o[0]); }
#define SWEEP_3_1(fn, t0, t1, t2, ...)                                   \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), &o[0]);               \
    }
#define SWEEP_4_1(fn, t0, t1, t2, t3, ...)                               \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), &o[0]);    \
    }
#define SWEEP_5_1(fn, t0, t1, t2, t3, t4, ...)                                     \
    static int call_##fn(const struct arg *a, double *o)                           \
    {                                                                              \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), A_##t4(4), &o[0]);   \
    }
#define SWEEP_6_1(fn, t0, t1, t2, t3, t4, t5, ...)                                            \
    static int call_##fn(const struct arg *a, double *o)                                      \
    {                                                                                         \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), A_##t4(4), A_##t5(5), &o[0]);   \
    }
#define SWEEP_7_1(fn, t0, t1, t2, t3, t4, t5, t6, ...)                                        \
    static int call_##fn(const struct arg *a, double *o)                                      \
    {                                                                                         \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), A_##t4(4), A_##t5(5), A_##t6(6), \
                  &o[0]);                                                                     \
    }
/* three outputs: the first is checked (the others are other terms of the same kind) */
#define SWEEP_5_3(fn, t0, t1, t2, t3, t4, ...)                                                \
    static int call_##fn(const struct arg *a, double *o)                                      \
    {                                                                                         \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), A_##t4(4), &o[0], &o[1], &o[2]); \
    }
#define SWEEP_1_2(fn, t0, ...) \
    static int call_##fn(const struct arg *a, double *o) { return fn(A_##t0(0), &o[0], &o[1]); }
#define SWEEP_2_2(fn, t0, t1, ...)                                       \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), &o[0], &o[1]);                   \
    }
#define SWEEP_3_2(fn, t0, t1, t2, ...)                                   \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), &o[0], &o[1]);        \
    }
#define SWEEP_4_2(fn, t0, t1, t2, t3, ...)                               \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), &o[0], &o[1]); \
    }

/* flux phases: phi0, tau1, tau2, tau3, tau4, alpha, beta, flags; then t */
#define SWEEP_FLUX_1(fn, ...)                                            \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        thermoai_flux_phases p;                                          \
        int s = thermoai_flux_phases_init(&p, sizeof p);                 \
        if (s != THERMOAI_OK)                                            \
            return s;                                                    \
        p.phi0_bits_per_s = a[0].d;                                      \
        p.tau1_s = a[1].d;                                               \
        p.tau2_s = a[2].d;                                               \
        p.tau3_s = a[3].d;                                               \
        p.tau4_s = a[4].d;                                               \
        p.alpha = a[5].d;                                                \
        p.beta = a[6].d;                                                 \
        p.flags = a[7].d != 0.0 ? THERMOAI_FLUX_CONTINUOUS : 0u;         \
        return fn(&p, a[8].d, &o[0]);                                    \
    }
/* negentropy law: n_inf, n_c, d_c, c_c, alpha_n, alpha_d, alpha_c; then N, D, C */
#define SWEEP_NLAW_1(fn, ...)                                            \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        thermoai_scaling_negentropy_law l;                               \
        int s = thermoai_scaling_negentropy_law_init(&l, sizeof l);      \
        if (s != THERMOAI_OK)                                            \
            return s;                                                    \
        l.n_inf_bits = a[0].d;                                           \
        l.n_c = a[1].d;                                                  \
        l.d_c = a[2].d;                                                  \
        l.c_c = a[3].d;                                                  \
        l.alpha_n = a[4].d;                                              \
        l.alpha_d = a[5].d;                                              \
        l.alpha_c = a[6].d;                                              \
        return fn(&l, a[7].d, a[8].d, a[9].d, &o[0]);                    \
    }
/* loss law: l_inf, a, b, c, alpha_n, alpha_d, alpha_c; then N, D, C */
#define SWEEP_LLAW_1(fn, ...)                                            \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        thermoai_scaling_loss_law l;                                     \
        int s = thermoai_scaling_loss_law_init(&l, sizeof l);            \
        if (s != THERMOAI_OK)                                            \
            return s;                                                    \
        l.l_inf_bits = a[0].d;                                           \
        l.a = a[1].d;                                                    \
        l.b = a[2].d;                                                    \
        l.c = a[3].d;                                                    \
        l.alpha_n = a[4].d;                                              \
        l.alpha_d = a[5].d;                                              \
        l.alpha_c = a[6].d;                                              \
        return fn(&l, a[7].d, a[8].d, a[9].d, &o[0]);                    \
    }

#include "sweep_table.h"

#undef SWEEP_1_1
#undef SWEEP_2_1
#undef SWEEP_3_1
#undef SWEEP_4_1
#undef SWEEP_5_1
#undef SWEEP_6_1
#undef SWEEP_7_1
#undef SWEEP_5_3
#undef SWEEP_1_2
#undef SWEEP_2_2
#undef SWEEP_3_2
#undef SWEEP_4_2
#undef SWEEP_FLUX_1
#undef SWEEP_NLAW_1
#undef SWEEP_LLAW_1

/* ---- the registry ------------------------------------------------------------------ */

struct row {
    const char *name;
    const char *types; /* one letter per input */
    int outputs;
    int (*call)(const struct arg *, double *);
};

#define SWEEP_1_1(fn, t0, ...) { #fn, #t0, 1, call_##fn },
#define SWEEP_2_1(fn, t0, t1, ...) { #fn, #t0 #t1, 1, call_##fn },
#define SWEEP_3_1(fn, t0, t1, t2, ...) { #fn, #t0 #t1 #t2, 1, call_##fn },
#define SWEEP_4_1(fn, t0, t1, t2, t3, ...) { #fn, #t0 #t1 #t2 #t3, 1, call_##fn },
#define SWEEP_5_1(fn, t0, t1, t2, t3, t4, ...) { #fn, #t0 #t1 #t2 #t3 #t4, 1, call_##fn },
#define SWEEP_6_1(fn, t0, t1, t2, t3, t4, t5, ...) { #fn, #t0 #t1 #t2 #t3 #t4 #t5, 1, call_##fn },
#define SWEEP_7_1(fn, t0, t1, t2, t3, t4, t5, t6, ...) { #fn, #t0 #t1 #t2 #t3 #t4 #t5 #t6, 1, call_##fn },
#define SWEEP_5_3(fn, t0, t1, t2, t3, t4, ...) { #fn, #t0 #t1 #t2 #t3 #t4, 3, call_##fn },
#define SWEEP_1_2(fn, t0, ...) { #fn, #t0, 2, call_##fn },
#define SWEEP_2_2(fn, t0, t1, ...) { #fn, #t0 #t1, 2, call_##fn },
#define SWEEP_3_2(fn, t0, t1, t2, ...) { #fn, #t0 #t1 #t2, 2, call_##fn },
#define SWEEP_4_2(fn, t0, t1, t2, t3, ...) { #fn, #t0 #t1 #t2 #t3, 2, call_##fn },
#define SWEEP_FLUX_1(fn, ...) { #fn, "ddddddddd", 1, call_##fn },
#define SWEEP_NLAW_1(fn, ...) { #fn, "dddddddddd", 1, call_##fn },
#define SWEEP_LLAW_1(fn, ...) { #fn, "dddddddddd", 1, call_##fn },

static const struct row rows[] = {
#include "sweep_table.h"
};

#define N_ROWS (sizeof rows / sizeof rows[0])

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
