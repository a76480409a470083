/* SPDX-License-Identifier: MIT */
/* Adaptive Gauss-Kronrod (7, 15) quadrature without allocation. */
#include "config.h"

#include <float.h>
#include <math.h>

#include "common/internal.h"

/* Kronrod nodes on [-1, 1] (positive half; the last is 0) and weights; the
 * Gauss nodes are xk[1], xk[3], xk[5], xk[7]. Values from Piessens et al.,
 * QUADPACK (1983); tests/internal/test_quadrature.c checks that K15
 * integrates polynomials of degree 22 and G7 of degree 13 exactly. */
static const double xk[8] = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.000000000000000000000000000000000,
};
static const double wk[8] = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
};
static const double wg[4] = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
};

#define MAX_INTERVALS 256

struct piece {
    double a, b, val, err;
};

static int eval(thermoai_time_fn fn, void *user, double t, double *f)
{
    if (fn(t, user, f) != 0)
        return THERMOAI_E_CALLBACK;
    if (!isfinite(*f))
        return THERMOAI_E_NONFINITE;
    return THERMOAI_OK;
}

/* One G7/K15 pair on [a, b]: the Kronrod value and |K15 - G7| as its error. */
static int gk15(thermoai_time_fn fn, void *user, struct piece *p)
{
    const double c = 0.5 * (p->a + p->b), h = 0.5 * (p->b - p->a);
    double fc, kron, gauss = 0.0;
    int i;

    THERMOAI__TRY(eval(fn, user, c, &fc));
    kron = wk[7] * fc;
    gauss = wg[3] * fc;
    for (i = 0; i < 7; i++) {
        double f1, f2;

        THERMOAI__TRY(eval(fn, user, c - h * xk[i], &f1));
        THERMOAI__TRY(eval(fn, user, c + h * xk[i], &f2));
        kron += wk[i] * (f1 + f2);
        if (i % 2 == 1)
            gauss += wg[i / 2] * (f1 + f2);
    }
    p->val = kron * h;
    p->err = fabs((kron - gauss) * h);
    return THERMOAI_OK;
}

int thermoai__integrate(thermoai_time_fn fn, void *user, double a, double b, double rel_tol,
                        double *val, double *err)
{
    struct piece pieces[MAX_INTERVALS];
    size_t n = 1, i, worst;

    *val = 0.0;
    *err = 0.0;
    if (a == b)
        return THERMOAI_OK;
    pieces[0].a = a;
    pieces[0].b = b;
    THERMOAI__TRY(gk15(fn, user, &pieces[0]));
    for (;;) {
        double total = 0.0, total_err = 0.0, mid;

        worst = 0;
        for (i = 0; i < n; i++) {
            total += pieces[i].val;
            total_err += pieces[i].err;
            if (pieces[i].err > pieces[worst].err)
                worst = i;
        }
        *val = total;
        *err = total_err;
        if (!isfinite(total))
            return THERMOAI_E_RANGE;
        if (total_err <= rel_tol * fabs(total) || total_err <= 1e-300)
            return THERMOAI_OK;
        if (n == MAX_INTERVALS)
            return THERMOAI_E_NO_CONVERGENCE;
        /* bisect the piece with the largest error */
        mid = 0.5 * (pieces[worst].a + pieces[worst].b);
        if (!(mid > pieces[worst].a && mid < pieces[worst].b))
            return THERMOAI_E_NO_CONVERGENCE; /* cannot split further in double */
        pieces[n].a = mid;
        pieces[n].b = pieces[worst].b;
        pieces[worst].b = mid;
        THERMOAI__TRY(gk15(fn, user, &pieces[worst]));
        THERMOAI__TRY(gk15(fn, user, &pieces[n]));
        n++;
    }
}

int thermoai_quadrature_integrate(thermoai_time_fn fn, void *user_data, double t0_s, double t1_s,
                                  double rel_tol, thermoai_result *result)
{
    int status;

    if (result != NULL)
        result->val = result->err = (double)NAN;
    if (fn == NULL || result == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(THERMOAI__CHECK({ t0_s, THERMOAI__FINITE }, { t1_s, THERMOAI__FINITE },
                                  { rel_tol, THERMOAI__POS }));
    if (t1_s < t0_s || rel_tol < 1e-14 || rel_tol >= 1.0)
        return THERMOAI_E_INVALID;
    status = thermoai__integrate(fn, user_data, t0_s, t1_s, rel_tol, &result->val, &result->err);
    if (status != THERMOAI_OK)
        result->val = result->err = (double)NAN;
    return status;
}
