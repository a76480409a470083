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

/* Barycentric weights of the 15 Kronrod nodes (the same for +x_i and -x_i;
 * the last for the centre), scaled to the largest: p(x) = sum(bw_j f_j /
 * (x - x_j)) / sum(bw_j / (x - x_j)) is the degree-14 polynomial through the
 * rule's samples (mpmath, 40 digits). */
static const double bw[8] = {
    0.110013657742513501853,  -0.318466113651962231426, 0.502645322578598331359,
    -0.666990139763523380859, 0.810663488606081700443,  -0.918467904487983422059,
    0.980601688976275500688,  -1.0,
};

/* Probes into the blind zone at an end: distances gap 32^-k, k = 1..PROBES. */
#define PROBES 12

#define MAX_INTERVALS 256
#define EPS DBL_EPSILON /* 2^-52 */

struct piece {
    double a, b, val, err;
    double fc;         /* f at the centre, which becomes an end of both halves */
    double fa, fb;     /* f at the ends, where an ancestor sampled it */
    int has_fa, has_fb;
    int edge_a, edge_b; /* the end is t0, t1 or a breakpoint: never sampled */
};

void thermoai__gk15_rule(const double **nodes, const double **kronrod, const double **gauss)
{
    *nodes = xk;
    *kronrod = wk;
    *gauss = wg;
}

static int eval(thermoai_time_fn fn, void *user, double t, double *f)
{
    if (fn(t, user, f) != 0)
        return THERMOAI_E_CALLBACK;
    if (!isfinite(*f))
        return THERMOAI_E_NONFINITE;
    return THERMOAI_OK;
}

/*
 * Centre and half-width of [a, b] without overflow: (a + b) / 2 and (b - a) / 2
 * overflow on [1e308, DBL_MAX] and [-DBL_MAX, DBL_MAX]; a/2 + b/2 cannot, and
 * is exact except where a or b is subnormal, where (a + b) / 2 is exact.
 */
static void centre(double a, double b, double *c, double *h)
{
    if (fabs(a) < 1.0 && fabs(b) < 1.0) {
        *c = 0.5 * (a + b);
        *h = 0.5 * (b - a);
    } else {
        *c = 0.5 * a + 0.5 * b;
        *h = 0.5 * b - 0.5 * a;
    }
}

/* A node c + h x, kept inside [a, b] against rounding. */
static double node(double a, double b, double c, double hx)
{
    return fmin(fmax(c + hx, a), b);
}

/* The rule's interpolating polynomial at x in [-1, 1], not a node. */
static double poly_at(const double *f1, const double *f2, double fc, double x)
{
    double num, den, q;
    int i;

    q = bw[7] / x;
    num = q * fc;
    den = q;
    for (i = 0; i < 7; i++) {
        const double qm = bw[i] / (x + xk[i]), qp = bw[i] / (x - xk[i]);

        num += qm * f1[i] + qp * f2[i];
        den += qm + qp;
    }
    return num / den;
}

/*
 * The blind zone at one end of a piece: the rule never samples the gap between
 * its outermost node and the end. Where an ancestor sampled f at the end (the
 * centre it was split at), that value is compared with the rule's polynomial
 * there; at t0, t1 and breakpoints, which are never sampled, f is probed at
 * distances gap/32, gap/32^2, ... from the end instead. Each disagreement,
 * times the width it stands for (the previous, larger distance), is added to
 * the error: a jump or a mass at distance D from the end is seen by the
 * probes below D, and counted at least as D times its height. For a smooth f
 * the term is of the order of the rule's own error.
 */
static int blind_zone(thermoai_time_fn fn, void *user, const struct piece *p, double c, double h,
                      const double *f1, const double *f2, double fc, int side, double *term)
{
    const double end = side < 0 ? p->a : p->b, gap = fabs(h) * (1.0 - xk[0]);
    const int known = side < 0 ? p->has_fa : p->has_fb, edge = side < 0 ? p->edge_a : p->edge_b;
    double width = gap, dist = gap;
    int k;

    *term = 0.0;
    if (known)
        *term = gap * fabs((side < 0 ? p->fa : p->fb) - poly_at(f1, f2, fc, side < 0 ? -1.0 : 1.0));
    if (!edge || !(h > 0.0))
        return THERMOAI_OK;
    for (k = 1; k <= PROBES; k++) {
        double t, f;

        dist /= 32.0;
        t = side < 0 ? end + dist : end - dist;
        if (!(t > p->a && t < p->b))
            break; /* below the resolution of t: nothing left unseen */
        THERMOAI__TRY(eval(fn, user, t, &f));
        *term += width * fabs(f - poly_at(f1, f2, fc, (t - c) / h));
        width = dist;
    }
    return THERMOAI_OK;
}

/*
 * One G7/K15 pair on [a, b]. The value is K15's; the error estimate is
 * QUADPACK's (Piessens et al. 1983, qk15): |K15 - G7| h scaled by the variation
 * of f over the piece, resasc min(1, (200 |K15 - G7| h / resasc)^1.5), never
 * below 50 eps times the integral of |f| (the rounding of the sums), plus the
 * blind zones at both ends.
 */
static int gk15(thermoai_time_fn fn, void *user, struct piece *p)
{
    double c, h, fc, kron, gauss, absk, asc, mean, err, ta, tb, f1[7], f2[7];
    int i;

    centre(p->a, p->b, &c, &h);
    THERMOAI__TRY(eval(fn, user, c, &fc));
    kron = wk[7] * fc;
    gauss = wg[3] * fc;
    absk = wk[7] * fabs(fc);
    for (i = 0; i < 7; i++) {
        const double hx = h * xk[i];

        THERMOAI__TRY(eval(fn, user, node(p->a, p->b, c, -hx), &f1[i]));
        THERMOAI__TRY(eval(fn, user, node(p->a, p->b, c, hx), &f2[i]));
        kron += wk[i] * (f1[i] + f2[i]);
        absk += wk[i] * (fabs(f1[i]) + fabs(f2[i]));
        if (i % 2 == 1)
            gauss += wg[i / 2] * (f1[i] + f2[i]);
    }
    mean = 0.5 * kron;
    asc = wk[7] * fabs(fc - mean);
    for (i = 0; i < 7; i++)
        asc += wk[i] * (fabs(f1[i] - mean) + fabs(f2[i] - mean));
    p->val = kron * h;
    p->fc = fc;
    err = fabs((kron - gauss) * h);
    asc *= fabs(h);
    absk *= fabs(h);
    if (asc != 0.0 && err != 0.0)
        err = asc * fmin(1.0, pow(200.0 * err / asc, 1.5));
    err = fmax(err, 50.0 * EPS * absk);
    THERMOAI__TRY(blind_zone(fn, user, p, c, h, f1, f2, fc, -1, &ta));
    THERMOAI__TRY(blind_zone(fn, user, p, c, h, f1, f2, fc, 1, &tb));
    p->err = err + ta + tb;
    return THERMOAI_OK;
}

/* Sorts the points strictly inside (a, b), without duplicates, into out[];
 * returns their number. */
static size_t inner_points(double a, double b, const double *points, size_t n, double *out)
{
    size_t i, j, m = 0;

    for (i = 0; i < n; i++) {
        const double x = points[i];

        if (!(x > a && x < b))
            continue;
        for (j = m; j > 0 && out[j - 1] > x; j--)
            out[j] = out[j - 1];
        if (j > 0 && out[j - 1] == x) { /* a duplicate: undo the shift */
            for (; j < m; j++)
                out[j] = out[j + 1];
            continue;
        }
        out[j] = x;
        m++;
    }
    return m;
}

int thermoai__integrate(thermoai_time_fn fn, void *user, double a, double b, const double *points,
                        size_t n_points, double rel_tol, double *val, double *err)
{
    struct piece pieces[MAX_INTERVALS];
    double edges[MAX_INTERVALS + 1];
    size_t n, i, worst;

    *val = 0.0;
    *err = 0.0;
    if (a == b)
        return THERMOAI_OK;
    /* the initial pieces end at the caller's breakpoints: the rule's nodes never
     * straddle a jump or a kink there */
    edges[0] = a;
    n = 1 + inner_points(a, b, points, n_points, &edges[1]);
    edges[n] = b;
    for (i = 0; i < n; i++) {
        pieces[i].a = edges[i];
        pieces[i].b = edges[i + 1];
        pieces[i].has_fa = pieces[i].has_fb = 0; /* never evaluated at t0, t1 or a breakpoint */
        pieces[i].fa = pieces[i].fb = 0.0;
        pieces[i].edge_a = pieces[i].edge_b = 1;
        THERMOAI__TRY(gk15(fn, user, &pieces[i]));
    }
    for (;;) {
        double total = 0.0, comp = 0.0, total_err = 0.0, sum_abs = 0.0, mid, c, h, parent_val,
               parent_err, gap;

        worst = 0;
        for (i = 0; i < n; i++) {
            /* Neumaier's compensated sum of the pieces */
            const double v = pieces[i].val, t = total + v;

            comp += fabs(total) >= fabs(v) ? (total - t) + v : (v - t) + total;
            total = t;
            sum_abs += fabs(v);
            total_err += pieces[i].err;
            if (pieces[i].err > pieces[worst].err)
                worst = i;
        }
        total += comp;
        /* the compensated sum's own rounding: 2 eps of the sum of |pieces| */
        total_err += 2.0 * EPS * sum_abs;
        *val = total;
        *err = total_err;
        if (!isfinite(total) || !isfinite(total_err))
            return THERMOAI_E_RANGE;
        if (total_err <= rel_tol * fabs(total) || total_err <= 1e-300)
            return THERMOAI_OK;
        if (n == MAX_INTERVALS)
            return THERMOAI_E_NO_CONVERGENCE;
        /* bisect the piece with the largest error */
        centre(pieces[worst].a, pieces[worst].b, &c, &h);
        mid = c;
        if (!(mid > pieces[worst].a && mid < pieces[worst].b))
            return THERMOAI_E_NO_CONVERGENCE; /* cannot split further in double */
        parent_val = pieces[worst].val;
        parent_err = pieces[worst].err;
        pieces[n] = pieces[worst];
        pieces[n].a = mid;
        pieces[n].fa = pieces[worst].fc;
        pieces[n].has_fa = 1;
        pieces[n].edge_a = 0;
        pieces[worst].b = mid;
        pieces[worst].fb = pieces[worst].fc;
        pieces[worst].has_fb = 1;
        pieces[worst].edge_b = 0;
        THERMOAI__TRY(gk15(fn, user, &pieces[worst]));
        THERMOAI__TRY(gk15(fn, user, &pieces[n]));
        /* the halves disagree with the whole by more than the whole's estimate:
         * the rule's error model failed here, so the halves carry that
         * disagreement until a finer level confirms them */
        gap = fabs(pieces[worst].val + pieces[n].val - parent_val);
        if (gap > parent_err) {
            pieces[worst].err += 0.5 * gap;
            pieces[n].err += 0.5 * gap;
        }
        n++;
    }
}

static int integrate(thermoai_time_fn fn, void *user_data, double t0_s, double t1_s,
                     const double *points_s, size_t n_points, double rel_tol, thermoai_result *result)
{
    size_t i;

    if (fn == NULL || result == NULL || (points_s == NULL && n_points != 0))
        return THERMOAI_E_NULL;
    THERMOAI__TRY(THERMOAI__CHECK({ t0_s, THERMOAI__FINITE }, { t1_s, THERMOAI__FINITE },
                                  { rel_tol, THERMOAI__POS }));
    if (n_points >= MAX_INTERVALS) /* before reading points_s: never past what can exist */
        return THERMOAI_E_INVALID;
    for (i = 0; i < n_points; i++)
        if (!isfinite(points_s[i]))
            return THERMOAI_E_NONFINITE;
    if (t1_s < t0_s || rel_tol < 1e-14 || rel_tol >= 1.0 || n_points >= MAX_INTERVALS)
        return THERMOAI_E_INVALID;
    return thermoai__integrate(fn, user_data, t0_s, t1_s, points_s, n_points, rel_tol, &result->val,
                               &result->err);
}

int thermoai_quadrature_integrate_points(thermoai_time_fn fn, void *user_data, double t0_s,
                                         double t1_s, const double *points_s, size_t n_points,
                                         double rel_tol, thermoai_result *result)
{
    int status;

    if (result != NULL)
        result->val = result->err = (double)NAN;
    status = integrate(fn, user_data, t0_s, t1_s, points_s, n_points, rel_tol, result);
    if (status != THERMOAI_OK && result != NULL)
        result->val = result->err = (double)NAN;
    return status;
}

int thermoai_quadrature_integrate(thermoai_time_fn fn, void *user_data, double t0_s, double t1_s,
                                  double rel_tol, thermoai_result *result)
{
    return thermoai_quadrature_integrate_points(fn, user_data, t0_s, t1_s, NULL, 0, rel_tol, result);
}
