/* SPDX-License-Identifier: MIT */
/* Interval propagation for monotone formulas. */
#include "config.h"

#include <math.h>

#include "common/internal.h"

#define MAX_POWER 16

static int check_interval(const thermoai_interval *x, int positive)
{
    int status = THERMOAI__CHECK({ x->lo, THERMOAI__FINITE }, { x->hi, THERMOAI__FINITE });

    if (status != THERMOAI_OK)
        return status;
    if (x->lo > x->hi || (positive && !(x->lo > 0.0)))
        return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

/* Widens [lo, hi] by one ulp each way (an exact zero stays), so that rounding
 * in the corner evaluations can never exclude the true range. */
static int outward(double lo, double hi, thermoai_interval *out)
{
    if (lo != 0.0)
        lo = nextafter(lo, -(double)INFINITY);
    if (hi != 0.0)
        hi = nextafter(hi, (double)INFINITY);
    if (!isfinite(lo) || !isfinite(hi)) {
        out->lo = out->hi = (double)NAN;
        return THERMOAI_E_RANGE;
    }
    out->lo = lo;
    out->hi = hi;
    return THERMOAI_OK;
}

static void set_nan(thermoai_interval *out)
{
    if (out != NULL)
        out->lo = out->hi = (double)NAN;
}

int thermoai_interval_monomial(double coefficient, const thermoai_interval *factors,
                               const int32_t *powers, size_t n, thermoai_interval *out)
{
    double num_lo[2 * MAX_POWER + 1], num_hi[2 * MAX_POWER + 1];
    double lo = 1.0, hi = 1.0;
    size_t i;

    set_nan(out);
    if (factors == NULL || powers == NULL || out == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(THERMOAI__CHECK({ coefficient, THERMOAI__POS }));
    if (n == 0)
        return THERMOAI_E_INVALID;
    for (i = 0; i < n; i++)
        THERMOAI__TRY(check_interval(&factors[i], 1));
    for (i = 0; i < n; i++)
        if (powers[i] < -MAX_POWER || powers[i] > MAX_POWER)
            return THERMOAI_E_INVALID;
    /* accumulate factor by factor on scaled mantissas: lo takes each factor's
     * lower corner when its power is positive and its upper corner otherwise */
    for (i = 0; i < n; i++) {
        int32_t k, p = powers[i] < 0 ? -powers[i] : powers[i];
        double l = powers[i] >= 0 ? factors[i].lo : factors[i].hi;
        double h = powers[i] >= 0 ? factors[i].hi : factors[i].lo;

        for (k = 0; k < p; k++) {
            num_lo[k] = l;
            num_hi[k] = h;
        }
        num_lo[p] = lo;
        num_hi[p] = hi;
        if (powers[i] >= 0) {
            THERMOAI__TRY(thermoai__scaled_ratio(num_lo, (size_t)p + 1, NULL, 0, &lo));
            THERMOAI__TRY(thermoai__scaled_ratio(num_hi, (size_t)p + 1, NULL, 0, &hi));
        } else {
            THERMOAI__TRY(thermoai__scaled_ratio(&num_lo[p], 1, num_lo, (size_t)p, &lo));
            THERMOAI__TRY(thermoai__scaled_ratio(&num_hi[p], 1, num_hi, (size_t)p, &hi));
        }
    }
    num_lo[0] = lo;
    num_lo[1] = coefficient;
    num_hi[0] = hi;
    num_hi[1] = coefficient;
    THERMOAI__TRY(thermoai__scaled_ratio(num_lo, 2, NULL, 0, &lo));
    THERMOAI__TRY(thermoai__scaled_ratio(num_hi, 2, NULL, 0, &hi));
    return outward(lo, hi, out);
}

int thermoai_interval_difference(const thermoai_interval *a, const thermoai_interval *b,
                                 thermoai_interval *out)
{

    set_nan(out);
    if (a == NULL || b == NULL || out == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(check_interval(a, 0));
    THERMOAI__TRY(check_interval(b, 0));
    return outward(a->lo - b->hi, a->hi - b->lo, out);
}

int thermoai_interval_training_min_j(const thermoai_interval *tokens,
                                     const thermoai_interval *data_entropy_bits,
                                     const thermoai_interval *cross_entropy_bits,
                                     const thermoai_interval *temperature_k,
                                     thermoai_interval *energy_j)
{
    const thermoai_interval *in[4];
    double lo, hi;
    int i;

    set_nan(energy_j);
    in[0] = tokens;
    in[1] = data_entropy_bits;
    in[2] = cross_entropy_bits;
    in[3] = temperature_k;
    if (energy_j == NULL)
        return THERMOAI_E_NULL;
    for (i = 0; i < 4; i++)
        if (in[i] == NULL)
            return THERMOAI_E_NULL;
    for (i = 0; i < 4; i++)
        THERMOAI__TRY(check_interval(in[i], i == 3));
    for (i = 0; i < 3; i++)
        if (in[i]->lo < 0.0)
            return THERMOAI_E_INVALID;
    if (cross_entropy_bits->hi > data_entropy_bits->lo)
        return THERMOAI_E_DOMAIN;
    /* increasing in N, H_data and T; decreasing in H_cross */
    THERMOAI__TRY(thermoai_negentropy_training_min_j(tokens->lo, data_entropy_bits->lo,
                                                     cross_entropy_bits->hi, temperature_k->lo,
                                                     &lo));
    THERMOAI__TRY(thermoai_negentropy_training_min_j(tokens->hi, data_entropy_bits->hi,
                                                     cross_entropy_bits->lo,
                                                     temperature_k->hi, &hi));
    return outward(lo, hi, energy_j);
}
