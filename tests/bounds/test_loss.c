/* SPDX-License-Identifier: MIT */
/*
 * Loss models (include/thermoai/loss.h): each preset pinned to the values its
 * source prints, losses against tests/ref/allocate.csv (mpmath), monotonicity
 * and limits, and bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

static void set_model(thermoai_loss_model *m, const double *a)
{
    if (thermoai_loss_model_init(m, sizeof *m) != THERMOAI_OK)
        return;
    m->irreducible_nats = a[0];
    m->params_coef = a[1];
    m->params_exponent = a[2];
    m->tokens_coef = a[3];
    m->tokens_exponent = a[4];
    m->data_coef = a[5];
    m->data_exponent = a[6];
}

/* Every "loss" row of allocate.csv: model (7), p, s, n. */
static void reference_rows(void)
{
    FILE *f = ref_open("allocate.csv");
    char line[2048];
    int rows = 0, bad = 0;

    if (!tap_ok(f != NULL, "open tests/ref/allocate.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[32], *save = NULL, *tok;
        double a[28] = { 0 }, want, tol, got = 0;
        thermoai_loss_model m;
        int n = 0, i;

        if (line[0] == '#' || strncmp(line, "loss;", 5) != 0)
            continue;
        line[strcspn(line, "\n")] = '\0';
        for (tok = strtok_r(line, ";", &save); tok != NULL && n < 32; tok = strtok_r(NULL, ";", &save))
            field[n++] = tok;
        if (n < 5)
            continue;
        tol = strtod(field[2], NULL);
        want = strtod(field[3], NULL);
        for (i = 4; i < n; i++)
            a[i - 4] = strtod(field[i], NULL);
        set_model(&m, a);
        rows++;
        if (thermoai_loss_nats(&m, a[7], a[8], a[9], &got) != THERMOAI_OK || !(fabs(got - want) <= tol * want)) {
            bad++;
            tap_diag("loss(%g, %g, %g): got %.17g want %.17g", a[7], a[8], a[9], got, want);
        }
    }
    fclose(f);
    tap_ok(rows >= 18, "read %d loss reference rows", rows);
    tap_ok(bad == 0, "every loss within 1e-13 of mpmath (%d bad)", bad);
}

struct pin {
    const char *name, *alias;
    double e, a, alpha, b, beta;
    const char *cite; /* a phrase the source string must contain */
};

int main(void)
{
    /* The values each source prints (the Kaplan coefficients are N_c^alpha_N and
     * D_c^alpha_D, checked against pow below). */
    static const struct pin pins[] = {
        { "hoffmann2022", "chinchilla", 1.69, 406.4, 0.34, 410.7, 0.28, "arXiv:2203.15556" },
        { "hoffmann2022-tex", NULL, 1.6934, 406.4, 0.3392, 410.7, 0.2849, "TeX source" },
        { "besiroglu2024", "epoch2024", 1.8172, 482.01, 0.3478, 2085.43, 0.3658, "arXiv:2404.10102" },
        { "kaplan2020", "kaplan", 0.0, 11.475739550450955, 0.076, 20.164033355647759, 0.095,
          "arXiv:2001.08361" },
    };
    thermoai_loss_model m, big[2];
    const char *name, *source;
    double x, y, prev;
    size_t i;
    int ok;

    tap_ok(thermoai_loss_model_size() == sizeof m && sizeof m == 64, "thermoai_loss_model is 64 bytes");
    tap_ok(thermoai_loss_model_init(&m, sizeof m) == THERMOAI_OK && m.irreducible_nats == 1.69
               && m.params_coef == 406.4 && m.tokens_exponent == 0.28 && m.data_coef == 0.0,
           "defaults are the hoffmann2022 preset without a data term");
    tap_ok(thermoai_loss_preset_count() == 4, "four presets");
    for (i = 0; i < sizeof pins / sizeof pins[0]; i++) {
        const struct pin *p = &pins[i];

        ok = thermoai_loss_model_init(&m, sizeof m) == THERMOAI_OK
             && thermoai_loss_preset_find(p->name, &m) == THERMOAI_OK;
        tap_ok(ok && m.irreducible_nats == p->e && m.params_coef == p->a && m.params_exponent == p->alpha
                   && m.tokens_coef == p->b && m.tokens_exponent == p->beta && m.data_coef == 0.0
                   && m.data_exponent == 0.0 && m.struct_size == sizeof m,
               "%s: E %g, A %g, alpha %g, B %g, beta %g as printed in its source", p->name, p->e, p->a,
               p->alpha, p->b, p->beta);
        tap_ok(thermoai_loss_preset_info(i, &name, &source, NULL) == THERMOAI_OK && strcmp(name, p->name) == 0
                   && strstr(source, p->cite) != NULL,
               "%s: listed at index %zu, its source cites %s", p->name, i, p->cite);
        if (p->alias != NULL) {
            thermoai_loss_model alias;

            tap_ok(thermoai_loss_model_init(&alias, sizeof alias) == THERMOAI_OK
                       && thermoai_loss_preset_find(p->alias, &alias) == THERMOAI_OK
                       && memcmp(&alias, &m, sizeof m) == 0,
                   "%s: alias %s is the same row", p->name, p->alias);
        }
    }
    /* Kaplan Eqs. (1.1)-(1.2): L(N) = (8.8e13/N)^0.076, L(D) = (5.4e13/D)^0.095 */
    tap_ok(thermoai_loss_preset_find("KAPLAN2020", &m) == THERMOAI_OK, "names are case-insensitive");
    tap_rel(m.params_coef, pow(8.8e13, 0.076), 4e-16, "kaplan2020: A = N_c^alpha_N, N_c = 8.8e13");
    tap_rel(m.tokens_coef, pow(5.4e13, 0.095), 4e-16, "kaplan2020: B = D_c^alpha_D, D_c = 5.4e13");
    tap_ok(thermoai_loss_nats(&m, 8.8e13, 1e300, 0, &x) == THERMOAI_OK && fabs(x - 1.0) < 1e-15,
           "kaplan2020: at N = N_c (and unlimited data) the loss is 1 nat");
    tap_ok(thermoai_loss_preset_find("gpt-9", &m) == THERMOAI_E_NOT_FOUND, "unknown preset: E_NOT_FOUND");
    tap_ok(thermoai_loss_preset_find(NULL, &m) == THERMOAI_E_NULL && thermoai_loss_preset_find("kaplan", NULL) == THERMOAI_E_NULL,
           "preset_find: NULL");
    tap_ok(thermoai_loss_preset_info(4, &name, &source, &m) == THERMOAI_E_NOT_FOUND && name == NULL
               && source == NULL,
           "preset_info past the end: E_NOT_FOUND, NULL strings");
    memset(&m, 0, sizeof m);
    m.struct_size = 8;
    tap_ok(thermoai_loss_preset_find("kaplan", &m) == THERMOAI_E_SIZE, "preset into a too-small struct: E_SIZE");

    reference_rows();

    /* properties: monotone, limit */
    if (thermoai_loss_model_init(&m, sizeof m) != THERMOAI_OK || thermoai_loss_preset_find("besiroglu2024", &m) != THERMOAI_OK)
        tap_ok(0, "besiroglu2024");
    for (ok = 1, prev = (double)INFINITY, x = 1e3; x <= 1e15; x *= 3.0) {
        if (thermoai_loss_nats(&m, x, 1e12, 0, &y) != THERMOAI_OK || !(y < prev))
            ok = 0;
        prev = y;
    }
    tap_ok(ok, "the loss falls with parameters");
    for (ok = 1, prev = (double)INFINITY, x = 1e3; x <= 1e15; x *= 3.0) {
        if (thermoai_loss_nats(&m, 1e10, x, 0, &y) != THERMOAI_OK || !(y < prev))
            ok = 0;
        prev = y;
    }
    tap_ok(ok, "the loss falls with tokens");
    tap_ok(thermoai_loss_nats(&m, 1e300, 1e300, 0, &y) == THERMOAI_OK && fabs(y - 1.8172) < 1e-90,
           "the loss tends to E as both grow");
    tap_ok(thermoai_loss_nats(&m, 1e10, 1e12, -5.0, &y) == THERMOAI_OK,
           "without a data term the data argument is ignored");
    m.data_coef = 2.0;
    m.data_exponent = 0.5;
    tap_ok(thermoai_loss_nats(&m, 1e10, 1e12, 4.0, &y) == THERMOAI_OK
               && thermoai_loss_nats(&m, 1e10, 1e12, 1e300, &x) == THERMOAI_OK && fabs((y - x) - 1.0) < 1e-14,
           "the data term adds c_n n^-g_n (2 / sqrt 4 = 1)");

    /* bad input */
    tap_ok(thermoai_loss_nats(&m, 1e10, 1e12, 0.0, &y) == THERMOAI_E_INVALID && isnan(y),
           "data term present, n = 0: E_INVALID, NaN");
    tap_ok(thermoai_loss_nats(&m, 0.0, 1e12, 1.0, &y) == THERMOAI_E_INVALID && isnan(y), "p = 0: E_INVALID");
    tap_ok(thermoai_loss_nats(&m, -1.0, 1e12, 1.0, &y) == THERMOAI_E_INVALID, "p < 0: E_INVALID");
    tap_ok(thermoai_loss_nats(&m, (double)NAN, 1e12, 1.0, &y) == THERMOAI_E_NONFINITE && isnan(y), "p NaN");
    tap_ok(thermoai_loss_nats(&m, 1.0, (double)INFINITY, 1.0, &y) == THERMOAI_E_NONFINITE, "s infinite");
    m.data_exponent = 0.0;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_INVALID, "data term with exponent 0");
    m.data_coef = -1.0;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_INVALID, "negative data coefficient");
    m.data_coef = 0.0;
    m.params_exponent = 0.0;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_INVALID && isnan(y), "params exponent 0");
    m.params_exponent = -0.3;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_INVALID, "negative params exponent");
    m.params_exponent = 0.3;
    m.tokens_exponent = -0.3;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_INVALID, "negative tokens exponent");
    m.tokens_exponent = 0.3;
    m.tokens_coef = 0.0;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_INVALID, "tokens coefficient 0");
    m.tokens_coef = 1.0;
    m.irreducible_nats = -0.1;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_INVALID, "negative E");
    m.irreducible_nats = (double)NAN;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_NONFINITE, "E NaN");
    m.irreducible_nats = 1.0;
    m.params_coef = 1e300;
    m.params_exponent = 1.0;
    tap_ok(thermoai_loss_nats(&m, 1e-300, 1.0, 1.0, &y) == THERMOAI_E_RANGE && isnan(y), "overflow: E_RANGE");
    m.params_coef = 1.0;
    m.reserved = 1;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_UNSUPPORTED, "reserved non-zero");
    m.reserved = 0;
    m.struct_size = 60;
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, &y) == THERMOAI_E_SIZE, "struct_size 60: E_SIZE");
    m.struct_size = (uint32_t)sizeof m;
    tap_ok(thermoai_loss_nats(NULL, 1.0, 1.0, 1.0, &y) == THERMOAI_E_NULL, "NULL model");
    tap_ok(thermoai_loss_nats(&m, 1.0, 1.0, 1.0, NULL) == THERMOAI_E_NULL, "NULL output");
    /* a newer caller's larger struct: zero tail accepted, non-zero tail refused */
    memset(big, 0, sizeof big);
    memcpy(&big[0], &m, sizeof m);
    big[0].struct_size = (uint32_t)sizeof big;
    tap_ok(thermoai_loss_nats(&big[0], 1.0, 1.0, 1.0, &y) == THERMOAI_OK, "larger struct, zero tail: OK");
    ((unsigned char *)big)[sizeof m + 3] = 1;
    tap_ok(thermoai_loss_nats(&big[0], 1.0, 1.0, 1.0, &y) == THERMOAI_E_UNSUPPORTED,
           "larger struct, non-zero tail: E_UNSUPPORTED");
    return tap_done();
}
