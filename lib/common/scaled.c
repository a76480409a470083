/* SPDX-License-Identifier: MIT */
/* Products and quotients of positive doubles without intermediate over/underflow. */
#include "config.h"

#include <float.h>
#include <math.h>

#include "common/internal.h"

void thermoai__set_nan(double *p)
{
    if (p != NULL)
        *p = (double)NAN;
}

int thermoai__outputs(double *const *outs, size_t n)
{
    size_t i;
    int status = THERMOAI_OK;

    for (i = 0; i < n; i++) {
        if (outs[i] == NULL)
            status = THERMOAI_E_NULL;
        else
            *outs[i] = (double)NAN;
    }
    return status;
}

int thermoai__store(double *const *outs, const double *vals, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!isfinite(vals[i]) || (vals[i] != 0.0 && fabs(vals[i]) < DBL_MIN)) {
            for (i = 0; i < n; i++)
                *outs[i] = (double)NAN;
            return THERMOAI_E_RANGE;
        }
    for (i = 0; i < n; i++)
        *outs[i] = vals[i];
    return THERMOAI_OK;
}

/* Keeps exponent sums far from int overflow: any |e| beyond this is out of range
 * for double anyway (double exponents span about -1074..1024). */
#define EXP_CLAMP 100000L

int thermoai__scaled_ratio(const double *num, size_t nn, const double *den, size_t nd,
                           double *out)
{
    double m = 1.0;
    long e = 0;
    size_t i;
    int ei;

    for (i = 0; i < nn; i++) {
        if (num[i] == 0.0) {
            *out = 0.0;
            return THERMOAI_OK;
        }
        m *= frexp(num[i], &ei); /* mantissa in [0.5, 1): product stays in [0.25, 1) */
        e += ei;
        m = frexp(m, &ei);
        e += ei;
    }
    for (i = 0; i < nd; i++) {
        m /= frexp(den[i], &ei); /* quotient in (0.5, 2] */
        e -= ei;
        m = frexp(m, &ei);
        e += ei;
    }
    if (e > EXP_CLAMP)
        e = EXP_CLAMP;
    if (e < -EXP_CLAMP)
        e = -EXP_CLAMP;
    *out = ldexp(m, (int)e);
    if (!isfinite(*out) || *out < DBL_MIN) {
        *out = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    return THERMOAI_OK;
}

int thermoai__check(const struct thermoai__arg *args, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!isfinite(args[i].value))
            return THERMOAI_E_NONFINITE;
    for (i = 0; i < n; i++) {
        double v = args[i].value;

        switch (args[i].domain) {
        case THERMOAI__NONNEG:
            if (v < 0.0)
                return THERMOAI_E_INVALID;
            break;
        case THERMOAI__POS:
            if (!(v > 0.0))
                return THERMOAI_E_INVALID;
            break;
        case THERMOAI__GE1:
            if (!(v >= 1.0))
                return THERMOAI_E_INVALID;
            break;
        default:
            break;
        }
    }
    return THERMOAI_OK;
}

int thermoai__sum_of_products(const double *f, size_t nt, size_t nf, double *out)
{
    double m[THERMOAI__SUM_TERMS_MAX], sum = 0.0;
    long e[THERMOAI__SUM_TERMS_MAX], top = -EXP_CLAMP;
    size_t t, j;
    int ei, any = 0;

    for (t = 0; t < nt && t < THERMOAI__SUM_TERMS_MAX; t++) {
        m[t] = 1.0;
        e[t] = 0;
        for (j = 0; j < nf; j++) {
            const double x = f[t * nf + j];

            if (x == 0.0) {
                m[t] = 0.0;
                break;
            }
            m[t] *= frexp(x, &ei); /* as thermoai__scaled_ratio(): in [0.25, 1) */
            e[t] += ei;
            m[t] = frexp(m[t], &ei);
            e[t] += ei;
        }
        if (m[t] != 0.0 && e[t] > top)
            top = e[t];
        any |= m[t] != 0.0;
    }
    if (!any) {
        *out = 0.0;
        return THERMOAI_OK;
    }
    /* every term relative to the largest exponent: those 1100 binades below add nothing */
    for (t = 0; t < nt && t < THERMOAI__SUM_TERMS_MAX; t++)
        if (m[t] != 0.0 && top - e[t] < 1100)
            sum += ldexp(m[t], (int)(e[t] - top));
    sum = frexp(sum, &ei);
    top += ei;
    if (top > EXP_CLAMP)
        top = EXP_CLAMP;
    *out = ldexp(sum, (int)top);
    if (!isfinite(*out) || *out < DBL_MIN) {
        *out = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    return THERMOAI_OK;
}

int thermoai__signed_scale(double sign, const double *num, size_t nn, const double *den,
                           size_t nd, double *out)
{
    int status = thermoai__scaled_ratio(num, nn, den, nd, out);

    if (status == THERMOAI_OK && sign < 0.0)
        *out = -*out;
    return status;
}

int thermoai__finish(double x, double *out)
{
    if (!isfinite(x) || (x != 0.0 && fabs(x) < DBL_MIN)) {
        *out = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    *out = x;
    return THERMOAI_OK;
}

int thermoai__finish_positive(double x, double *out)
{
    if (!(x >= DBL_MIN) || !isfinite(x)) {
        *out = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    *out = x;
    return THERMOAI_OK;
}
