/* SPDX-License-Identifier: MIT */
/*
 * A small TAP emitter with floating-point comparators, for the C tests.
 * Header-only; each test program includes it once.
 *
 *   tap_ok(cond, "fmt", ...)          one test point
 *   tap_ulps(obs, exp, max, "fmt")    |obs - exp| in units in the last place <= max
 *   tap_rel(obs, exp, rtol, "fmt")    |obs - exp| <= rtol * |exp|
 *   tap_is_nan(x, "fmt")              x is NaN
 *   tap_done()                        prints the plan, returns the exit status
 *
 * NaN equals NaN and infinities equal themselves in tap_ulps/tap_rel, so
 * "expected NaN" can be written as a comparison; failures print %.17g values.
 */
#ifndef THERMOAI_TAP_H
#define THERMOAI_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__)
#  define TAP_PRINTF(a, b) __attribute__((format(printf, a, b)))
#  define TAP_UNUSED __attribute__((unused))
#else
#  define TAP_PRINTF(a, b)
#  define TAP_UNUSED
#endif

static int tap_count_ = 0;
static int tap_failed_ = 0;

static TAP_UNUSED TAP_PRINTF(2, 0) int tap_vok(int cond, const char *fmt, va_list ap)
{
    tap_count_++;
    printf("%s %d - ", cond ? "ok" : "not ok", tap_count_);
    vprintf(fmt, ap);
    putchar('\n');
    if (!cond)
        tap_failed_++;
    return cond;
}

static TAP_UNUSED TAP_PRINTF(2, 3) int tap_ok(int cond, const char *fmt, ...)
{
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = tap_vok(cond, fmt, ap);
    va_end(ap);
    return r;
}

static TAP_UNUSED TAP_PRINTF(1, 2) void tap_diag(const char *fmt, ...)
{
    va_list ap;

    fputs("# ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* Distance in units in the last place between two finite doubles of any sign. */
static TAP_UNUSED double tap_ulp_distance(double a, double b)
{
    int64_t ia, ib;

    if (a == b)
        return 0.0;
    memcpy(&ia, &a, sizeof ia);
    memcpy(&ib, &b, sizeof ib);
    /* map the sign-magnitude encoding onto a monotonic integer line */
    if (ia < 0)
        ia = INT64_MIN - ia;
    if (ib < 0)
        ib = INT64_MIN - ib;
    /* subtract in 64-bit integers: a double cannot hold a 1-ulp step near 2^62 */
    return (double)(ia > ib ? (uint64_t)ia - (uint64_t)ib : (uint64_t)ib - (uint64_t)ia);
}

static TAP_UNUSED TAP_PRINTF(4, 5) int tap_ulps(double obs, double exp, double max_ulps,
                                                const char *fmt, ...)
{
    va_list ap;
    int cond, r;
    double d = 0.0;

    if (isnan(exp) || isnan(obs))
        cond = isnan(exp) && isnan(obs);
    else if (isinf(exp) || isinf(obs))
        cond = obs == exp;
    else
        cond = (d = tap_ulp_distance(obs, exp)) <= max_ulps;
    va_start(ap, fmt);
    r = tap_vok(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        tap_diag("    got %.17g, expected %.17g (%.0f ulp, allowed %.0f)", obs, exp, d,
                 max_ulps);
    return r;
}

static TAP_UNUSED TAP_PRINTF(4, 5) int tap_rel(double obs, double exp, double rtol,
                                               const char *fmt, ...)
{
    va_list ap;
    int cond, r;

    if (isnan(exp) || isnan(obs))
        cond = isnan(exp) && isnan(obs);
    else if (isinf(exp) || isinf(obs))
        cond = obs == exp;
    else
        cond = fabs(obs - exp) <= rtol * fabs(exp);
    va_start(ap, fmt);
    r = tap_vok(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        tap_diag("    got %.17g, expected %.17g (rel. tol. %g)", obs, exp, rtol);
    return r;
}

static TAP_UNUSED TAP_PRINTF(2, 3) int tap_is_nan(double x, const char *fmt, ...)
{
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = tap_vok(isnan(x), fmt, ap);
    va_end(ap);
    if (!isnan(x))
        tap_diag("    got %.17g, expected NaN", x);
    return r;
}

static TAP_UNUSED int tap_done(void)
{
    printf("1..%d\n", tap_count_);
    if (tap_failed_)
        tap_diag("%d of %d failed", tap_failed_, tap_count_);
    return tap_failed_ ? 1 : 0;
}

#endif /* THERMOAI_TAP_H */
