/* SPDX-License-Identifier: MIT */
/* Information measures of pmfs on caller arrays (pmf.h). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>

#include "pmf_internal.h"

double thermoai_pmf_tolerance(void)
{
    return THERMOAI_PMF_TOLERANCE;
}

/* ---- helpers shared with rd.c, ib.c, learning.c ------------------------------- */

int thermoai__pmf_finite(const double *p, size_t n)
{
    size_t i;

    /* more values than can exist (a wrapped or absurd size): never read */
    if (n > 0 && !thermoai__can_own(n, 1, sizeof *p))
        return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++)
        if (!isfinite(p[i]))
            return THERMOAI_E_NONFINITE;
    return THERMOAI_OK;
}

int thermoai__pmf_sum(const double *p, size_t n, double *sum)
{
    struct thermoai__ksum k = { 0.0, 0.0 };
    size_t i;

    *sum = (double)NAN;
    if (p == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__pmf_finite(p, n));
    if (n == 0)
        return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++) {
        if (p[i] < 0.0)
            return THERMOAI_E_INVALID;
        thermoai__ksum_add(&k, p[i]);
    }
    *sum = thermoai__ksum_value(&k);
    if (!(fabs(*sum - 1.0) <= THERMOAI_PMF_TOLERANCE)) {
        *sum = (double)NAN;
        return THERMOAI_E_INVALID;
    }
    return THERMOAI_OK;
}

double thermoai__sum_xlogx(const double *p, size_t n)
{
    struct thermoai__ksum k = { 0.0, 0.0 };
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] > 0.0)
            thermoai__ksum_add(&k, p[i] * log(p[i]));
    return thermoai__ksum_value(&k);
}

int thermoai__size_product(size_t a, size_t b, size_t *n)
{
    *n = 0;
    if (a == 0 || b == 0 || a > SIZE_MAX / b)
        return THERMOAI_E_INVALID;
    *n = a * b;
    return THERMOAI_OK;
}

/* ---- public functions ----------------------------------------------------------- */

int thermoai_pmf_check(const double *p, size_t n)
{
    double s;

    return thermoai__pmf_sum(p, n, &s);
}

static int to_bits(int status, double nats, double *bits)
{
    if (status != THERMOAI_OK)
        return status;
    return thermoai__finish(nats / THERMOAI__LN2, bits);
}

int thermoai_pmf_entropy_nats(const double *p, size_t n, double *nats)
{
    double s, h;

    THERMOAI__OUTPUTS(nats);
    THERMOAI__TRY(thermoai__pmf_sum(p, n, &s));
    h = log(s) - thermoai__sum_xlogx(p, n) / s;
    return thermoai__finish(h > 0.0 ? h : 0.0, nats);
}

int thermoai_pmf_entropy_bits(const double *p, size_t n, double *bits)
{
    double h;
    int st;

    THERMOAI__OUTPUTS(bits);
    st = thermoai_pmf_entropy_nats(p, n, &h);
    return to_bits(st, h, bits);
}

/* The sums of two pmfs, with every NaN check before any domain check. */
static int two_pmfs(const double *p, const double *q, size_t n, double *sp, double *sq)
{
    if (p == NULL || q == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__pmf_finite(p, n));
    THERMOAI__TRY(thermoai__pmf_finite(q, n));
    THERMOAI__TRY(thermoai__pmf_sum(p, n, sp));
    return thermoai__pmf_sum(q, n, sq);
}

int thermoai_pmf_cross_entropy_nats(const double *p, const double *q, size_t n, double *nats)
{
    struct thermoai__ksum k = { 0.0, 0.0 };
    double sp, sq;
    size_t i;

    THERMOAI__OUTPUTS(nats);
    THERMOAI__TRY(two_pmfs(p, q, n, &sp, &sq));
    for (i = 0; i < n; i++) {
        if (p[i] == 0.0)
            continue;
        if (q[i] == 0.0)
            return THERMOAI_E_DOMAIN;
        thermoai__ksum_add(&k, p[i] * log(q[i]));
    }
    return thermoai__finish(log(sq) - thermoai__ksum_value(&k) / sp, nats);
}

int thermoai_pmf_cross_entropy_bits(const double *p, const double *q, size_t n, double *bits)
{
    double h;
    int st;

    THERMOAI__OUTPUTS(bits);
    st = thermoai_pmf_cross_entropy_nats(p, q, n, &h);
    return to_bits(st, h, bits);
}

int thermoai_pmf_kl_divergence_nats(const double *p, const double *q, size_t n, double *nats)
{
    struct thermoai__ksum k = { 0.0, 0.0 };
    double sp, sq, kl;
    size_t i;

    THERMOAI__OUTPUTS(nats);
    THERMOAI__TRY(two_pmfs(p, q, n, &sp, &sq));
    for (i = 0; i < n; i++) {
        double r, lr;

        if (p[i] == 0.0)
            continue;
        if (q[i] == 0.0)
            return THERMOAI_E_DOMAIN;
        /* near p = q, log1p of the exact difference (Sterbenz) over q keeps the
         * relative accuracy of a small divergence; elsewhere the log of the
         * ratio, or the difference of logs where the ratio leaves the normal range */
        if (fabs(p[i] - q[i]) <= 0.5 * q[i]) {
            lr = log1p((p[i] - q[i]) / q[i]);
        } else {
            r = p[i] / q[i];
            lr = (isfinite(r) && r >= DBL_MIN) ? log(r) : log(p[i]) - log(q[i]);
        }
        thermoai__ksum_add(&k, p[i] * lr);
    }
    kl = thermoai__ksum_value(&k) / sp + (sq == sp ? 0.0 : log(sq / sp));
    return thermoai__finish(kl > 0.0 ? kl : 0.0, nats);
}

int thermoai_pmf_kl_divergence_bits(const double *p, const double *q, size_t n, double *bits)
{
    double h;
    int st;

    THERMOAI__OUTPUTS(bits);
    st = thermoai_pmf_kl_divergence_nats(p, q, n, &h);
    return to_bits(st, h, bits);
}

/* The three sums of p ln p over the joint, its rows and its columns. */
struct joint_sums {
    double s;    /* total */
    double xy;   /* sum p(x,y) ln p(x,y) */
    double x;    /* sum r(x) ln r(x), r the row sums */
    double y;    /* sum c(y) ln c(y), c the column sums */
};

static int joint_sums(const double *joint, size_t nx, size_t ny, int want_y, struct joint_sums *js)
{
    struct thermoai__ksum kx = { 0.0, 0.0 }, ky = { 0.0, 0.0 };
    size_t n, i, j;

    if (joint == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__size_product(nx, ny, &n));
    THERMOAI__TRY(thermoai__pmf_sum(joint, n, &js->s));
    js->xy = thermoai__sum_xlogx(joint, n);
    for (i = 0; i < nx; i++) {
        struct thermoai__ksum r = { 0.0, 0.0 };
        double v;

        for (j = 0; j < ny; j++)
            thermoai__ksum_add(&r, joint[i * ny + j]);
        v = thermoai__ksum_value(&r);
        if (v > 0.0)
            thermoai__ksum_add(&kx, v * log(v));
    }
    js->x = thermoai__ksum_value(&kx);
    js->y = 0.0;
    if (want_y) {
        for (j = 0; j < ny; j++) {
            struct thermoai__ksum c = { 0.0, 0.0 };
            double v;

            for (i = 0; i < nx; i++)
                thermoai__ksum_add(&c, joint[i * ny + j]);
            v = thermoai__ksum_value(&c);
            if (v > 0.0)
                thermoai__ksum_add(&ky, v * log(v));
        }
        js->y = thermoai__ksum_value(&ky);
    }
    return THERMOAI_OK;
}

int thermoai_pmf_mutual_information_nats(const double *joint, size_t nx, size_t ny, double *nats)
{
    struct joint_sums js;
    double hx, hy, mi, cap;

    THERMOAI__OUTPUTS(nats);
    THERMOAI__TRY(joint_sums(joint, nx, ny, 1, &js));
    hx = log(js.s) - js.x / js.s;
    hy = log(js.s) - js.y / js.s;
    mi = (js.xy - js.x - js.y) / js.s + log(js.s);
    cap = hx < hy ? hx : hy;
    if (mi > cap)
        mi = cap;
    return thermoai__finish(mi > 0.0 ? mi : 0.0, nats);
}

int thermoai_pmf_mutual_information_bits(const double *joint, size_t nx, size_t ny, double *bits)
{
    double h;
    int st;

    THERMOAI__OUTPUTS(bits);
    st = thermoai_pmf_mutual_information_nats(joint, nx, ny, &h);
    return to_bits(st, h, bits);
}

int thermoai_pmf_conditional_entropy_nats(const double *joint, size_t nx, size_t ny,
                                          double *nats)
{
    struct joint_sums js;
    double h;

    THERMOAI__OUTPUTS(nats);
    THERMOAI__TRY(joint_sums(joint, nx, ny, 0, &js));
    h = (js.x - js.xy) / js.s;
    if (h > log((double)ny))
        h = log((double)ny);
    return thermoai__finish(h > 0.0 ? h : 0.0, nats);
}

int thermoai_pmf_conditional_entropy_bits(const double *joint, size_t nx, size_t ny,
                                          double *bits)
{
    double h;
    int st;

    THERMOAI__OUTPUTS(bits);
    st = thermoai_pmf_conditional_entropy_nats(joint, nx, ny, &h);
    return to_bits(st, h, bits);
}

int thermoai_pmf_log_sum_exp(const double *x, size_t n, double *out)
{
    struct thermoai__ksum k = { 0.0, 0.0 };
    double m;
    size_t i, imax = 0;

    THERMOAI__OUTPUTS(out);
    if (x == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__pmf_finite(x, n));
    if (n == 0)
        return THERMOAI_E_INVALID;
    m = x[0];
    for (i = 1; i < n; i++)
        if (x[i] > m) {
            m = x[i];
            imax = i;
        }
    for (i = 0; i < n; i++)
        if (i != imax)
            thermoai__ksum_add(&k, exp(x[i] - m));
    return thermoai__finish(m + log1p(thermoai__ksum_value(&k)), out);
}
