/* SPDX-License-Identifier: MIT */
/* Precision: b*, per-layer bit allocation, energy per bit width (paper 002,
 * Proposition 3.21, Theorems 3.22 and 4.5, Table 5). */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "common/internal.h"

#define MAX_WHOLE_BITS 1048576u /* 2^20 */

int thermoai_precision_degradation(double sensitivity, double bits, double *degradation)
{
    THERMOAI__OUTPUTS(degradation);
    THERMOAI__TRY(THERMOAI__CHECK({ sensitivity, THERMOAI__NONNEG }, { bits, THERMOAI__NONNEG }));
    double two_b, whole, m;
    int e;

    if (sensitivity == 0.0)
        return thermoai__finish(0.0, degradation);
    /* c 2^-2b = (m 2^-f) 2^(e - n), c = m 2^e (frexp), 2b = n + f (both exact): one
     * exp2 of f in [0, 1) and one product, then an exact scaling; no intermediate
     * underflow, and no rounding of log2 c amplified by exp2 */
    two_b = 2.0 * bits;
    if (!(two_b <= 4096.0)) /* c 2^-2b < 2^(1024 - 4096): underflows */
        return thermoai__finish_positive(0.0, degradation);
    whole = floor(two_b);
    m = frexp(sensitivity, &e) * exp2(-(two_b - whole));
    return thermoai__finish_positive(ldexp(m, e - (int)whole), degradation);
}

int thermoai_precision_optimal_bits(double sensitivity, double tolerance, double *bits,
                                    double *whole_bits)
{
    double v[2];

    THERMOAI__OUTPUTS(bits, whole_bits);
    THERMOAI__TRY(THERMOAI__CHECK({ sensitivity, THERMOAI__POS }, { tolerance, THERMOAI__POS }));
    {
        /* log2(c / tol) = e + log2(q), c / tol = q 2^e with q in [1/sqrt 2, sqrt 2]
         * (frexp; q rounded once): no difference of two large logarithms */
        int ec, et;
        double q = frexp(sensitivity, &ec) / frexp(tolerance, &et);
        int e = ec - et;

        if (q < 0.70710678118654752440) {
            q *= 2.0;
            e -= 1;
        } else if (q > 1.41421356237309504880) {
            q *= 0.5;
            e += 1;
        }
        v[0] = 0.5 * ((double)e + log2(q));
    }
    v[1] = v[0] > 0.0 ? ceil(v[0]) : 0.0;
    {
        double *const outs[2] = { bits, whole_bits };

        return thermoai__store(outs, v, 2);
    }
}

int thermoai_precision_energy_j(double ref_energy_j, double ref_bits, double bits, double exponent,
                                double *energy_j)
{
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ ref_energy_j, THERMOAI__NONNEG }, { ref_bits, THERMOAI__POS },
                                  { bits, THERMOAI__NONNEG }, { exponent, THERMOAI__NONNEG }));
    if (ref_energy_j == 0.0 || (bits == 0.0 && exponent > 0.0))
        return thermoai__finish(0.0, energy_j);
    return thermoai__finish_positive(ref_energy_j * pow(bits / ref_bits, exponent), energy_j);
}

/* ---- per-layer allocation ------------------------------------------------------------------ */

/* Common checks of the layer functions: sizes, sensitivities, exponent. */
static int check_layers(const double *s, size_t layers, double k)
{
    size_t i;

    if ((double)layers > THERMOAI_PRECISION_MAX_LAYERS || layers == 0)
        return THERMOAI_E_SIZE;
    for (i = 0; i < layers; i++)
        if (!isfinite(s[i]))
            return THERMOAI_E_NONFINITE;
    THERMOAI__TRY(THERMOAI__CHECK({ k, THERMOAI__POS }));
    for (i = 0; i < layers; i++)
        if (!(s[i] > 0.0))
            return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

/* sum_i clamp(nu + log2(s_i)/k, lo, hi) */
static double fill_sum(const double *s, size_t n, double k, double lo, double hi, double nu)
{
    double sum = 0.0;
    size_t i;

    for (i = 0; i < n; i++)
        sum += clamp(nu + log2(s[i]) / k, lo, hi);
    return sum;
}

/*
 * The water level nu with sum_i clamp(nu + u_i) = total, u_i = log2(s_i)/k:
 * bisection to the active set, then the exact level for that set.
 */
static double water_level(const double *s, size_t n, double total, double k, double lo, double hi)
{
    double umin = (double)INFINITY, umax = -(double)INFINITY, a, b, nu, free_u = 0.0, fixed = 0.0;
    size_t i, nfree = 0;
    int it;

    for (i = 0; i < n; i++) {
        const double u = log2(s[i]) / k;

        umin = u < umin ? u : umin;
        umax = u > umax ? u : umax;
    }
    a = lo - umax; /* every layer at lo */
    b = hi - umin; /* every layer at hi */
    for (it = 0; it < 200; it++) {
        const double mid = 0.5 * (a + b);

        if (!(mid > a && mid < b))
            break;
        if (fill_sum(s, n, k, lo, hi, mid) < total)
            a = mid;
        else
            b = mid;
    }
    nu = 0.5 * (a + b);
    for (i = 0; i < n; i++) {
        const double u = log2(s[i]) / k, v = nu + u;

        if (v <= lo)
            fixed += lo;
        else if (v >= hi)
            fixed += hi;
        else {
            free_u += u;
            nfree++;
        }
    }
    if (nfree > 0)
        nu = (total - fixed - free_u) / (double)nfree;
    return nu;
}

static int check_budget(size_t layers, double total, double lo, double hi)
{
    if (!(total >= (double)layers * lo && total <= (double)layers * hi))
        return THERMOAI_E_DOMAIN;
    return THERMOAI_OK;
}

int thermoai_precision_layer_error(const double *sensitivity, const double *bits, size_t layers,
                                   double error_exponent, double *error)
{
    double sum = 0.0;
    size_t i;

    THERMOAI__OUTPUTS(error);
    if (sensitivity == NULL || bits == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(check_layers(sensitivity, layers, error_exponent));
    for (i = 0; i < layers; i++)
        if (!isfinite(bits[i]))
            return THERMOAI_E_NONFINITE;
    for (i = 0; i < layers; i++)
        if (!(bits[i] >= 0.0))
            return THERMOAI_E_INVALID;
    for (i = 0; i < layers; i++)
        sum += exp2(log2(sensitivity[i]) - error_exponent * bits[i]);
    return thermoai__finish(sum, error);
}

int thermoai_precision_layer_bits(const double *sensitivity, size_t layers, double total_bits,
                                  double error_exponent, double min_bits, double max_bits,
                                  double *bits)
{
    double nu;
    size_t i;
    int status;

    if (bits == NULL || sensitivity == NULL)
        return THERMOAI_E_NULL;
    status = check_layers(sensitivity, layers, error_exponent);
    if (status == THERMOAI_OK)
        status = THERMOAI__CHECK({ total_bits, THERMOAI__NONNEG }, { min_bits, THERMOAI__NONNEG },
                                 { max_bits, THERMOAI__NONNEG });
    if (status == THERMOAI_OK && !(max_bits >= min_bits))
        status = THERMOAI_E_INVALID;
    if (status == THERMOAI_OK)
        status = check_budget(layers, total_bits, min_bits, max_bits);
    if (status != THERMOAI_OK) {
        if ((double)layers <= THERMOAI_PRECISION_MAX_LAYERS)
            for (i = 0; i < layers; i++)
                bits[i] = (double)NAN;
        return status;
    }
    nu = water_level(sensitivity, layers, total_bits, error_exponent, min_bits, max_bits);
    for (i = 0; i < layers; i++)
        bits[i] = clamp(nu + log2(sensitivity[i]) / error_exponent, min_bits, max_bits);
    return THERMOAI_OK;
}

/* A total order of doubles as unsigned integers (larger double, larger key). */
static uint64_t order_key(double v)
{
    uint64_t u;

    memcpy(&u, &v, sizeof u);
    return (u >> 63) != 0 ? ~u : (u | 0x8000000000000000u);
}

/* The greedy key of layer i at width b: log2 of its error s 2^-kb, up to a constant
 * (the error removed by one more bit, and added by one fewer, is proportional). */
static uint64_t gain_key(const double *s, double k, uint32_t b, size_t i, int sign)
{
    return order_key((double)sign * (log2(s[i]) - k * (double)b));
}

/*
 * Gives one bit (sign +1) to, or takes one (sign -1) from, each of the
 * `count` eligible layers of largest sign * key, ties to the lower index.
 * Eligible: below max (giving) or above min (taking). Returns how many moved.
 */
static uint64_t move_bits(const double *s, size_t n, double k, uint32_t lo, uint32_t hi,
                          uint32_t *b, uint64_t count, int sign)
{
    uint64_t eligible = 0, t_lo = 0, t_hi = UINT64_MAX, above, ties;
    size_t i;

#define ELIGIBLE(i) (sign > 0 ? b[i] < hi : b[i] > lo)
    for (i = 0; i < n; i++)
        eligible += ELIGIBLE(i) ? 1u : 0u;
    if (count >= eligible) {
        for (i = 0; i < n; i++)
            if (ELIGIBLE(i))
                b[i] = sign > 0 ? b[i] + 1u : b[i] - 1u;
        return eligible;
    }
    /* the smallest threshold T with #{key > T} <= count */
    while (t_lo < t_hi) {
        const uint64_t mid = t_lo + (t_hi - t_lo) / 2;
        uint64_t c = 0;

        for (i = 0; i < n; i++)
            if (ELIGIBLE(i) && gain_key(s, k, b[i], i, sign) > mid)
                c++;
        if (c <= count)
            t_hi = mid;
        else
            t_lo = mid + 1;
    }
    above = 0;
    for (i = 0; i < n; i++)
        if (ELIGIBLE(i) && gain_key(s, k, b[i], i, sign) > t_lo)
            above++;
    ties = count - above;
    for (i = 0; i < n; i++) {
        if (!ELIGIBLE(i))
            continue;
        {
            const uint64_t key = gain_key(s, k, b[i], i, sign);

            if (key > t_lo || (key == t_lo && ties > 0)) {
                if (key == t_lo)
                    ties--;
                b[i] = sign > 0 ? b[i] + 1u : b[i] - 1u;
            }
        }
    }
#undef ELIGIBLE
    return count;
}

int thermoai_precision_layer_bits_whole(const double *sensitivity, size_t layers, uint64_t total_bits,
                                        double error_exponent, uint32_t min_bits, uint32_t max_bits,
                                        uint32_t *bits, double *error)
{
    double nu, sum = 0.0;
    uint64_t have = 0;
    size_t i;
    int status;

    if (error != NULL)
        *error = (double)NAN;
    if (bits == NULL || sensitivity == NULL)
        return THERMOAI_E_NULL;
    status = check_layers(sensitivity, layers, error_exponent);
    if (status == THERMOAI_OK && (max_bits < min_bits || max_bits > MAX_WHOLE_BITS))
        status = THERMOAI_E_INVALID;
    if (status == THERMOAI_OK
        && !(total_bits >= (uint64_t)layers * min_bits && total_bits <= (uint64_t)layers * max_bits))
        status = THERMOAI_E_DOMAIN;
    if (status != THERMOAI_OK) {
        if ((double)layers <= THERMOAI_PRECISION_MAX_LAYERS)
            memset(bits, 0, layers * sizeof *bits);
        return status;
    }
    nu = water_level(sensitivity, layers, (double)total_bits, error_exponent, (double)min_bits,
                     (double)max_bits);
    for (i = 0; i < layers; i++) {
        const double c = clamp(nu + log2(sensitivity[i]) / error_exponent, (double)min_bits,
                               (double)max_bits);

        bits[i] = (uint32_t)floor(c);
        have += bits[i];
    }
    /* the leftover (and, after rounding of the level, any surplus) by greedy key */
    while (status == THERMOAI_OK && have != total_bits) {
        const uint64_t moved = have < total_bits
            ? move_bits(sensitivity, layers, error_exponent, min_bits, max_bits, bits, total_bits - have, +1)
            : move_bits(sensitivity, layers, error_exponent, min_bits, max_bits, bits, have - total_bits, -1);

        if (moved == 0)
            status = THERMOAI_E_INTERNAL; /* impossible: the budget lies within the bounds */
        have = have < total_bits ? have + moved : have - moved;
    }
    for (i = 0; i < layers; i++)
        sum += exp2(log2(sensitivity[i]) - error_exponent * (double)bits[i]);
    if (status == THERMOAI_OK && !isfinite(sum))
        status = THERMOAI_E_RANGE;
    if (status != THERMOAI_OK) {
        memset(bits, 0, layers * sizeof *bits);
        return status;
    }
    if (error != NULL)
        *error = sum;
    return THERMOAI_OK;
}
