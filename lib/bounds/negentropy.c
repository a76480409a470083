/* SPDX-License-Identifier: MIT */
/* Negentropy, its Landauer price and the demon efficiency (paper 001, Sec. 2-4, 7.3). */
#include "config.h"

#include <float.h>
#include <math.h>

#include "common/internal.h"
#include "common/xnum.h"

int thermoai_negentropy_description_bits_per_token(double model_bits, double tokens,
                                                   double *bits)
{
    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ model_bits, THERMOAI__NONNEG }, { tokens, THERMOAI__POS }));
    return thermoai__scaled_ratio(&model_bits, 1, &tokens, 1, bits);
}

int thermoai_negentropy_bits_per_token(double data_entropy_bits, double cross_entropy_bits,
                                       double model_bits, double tokens, double *bits)
{
    thermoai__xn net;

    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ data_entropy_bits, THERMOAI__NONNEG },
                                  { cross_entropy_bits, THERMOAI__NONNEG },
                                  { model_bits, THERMOAI__NONNEG }, { tokens, THERMOAI__POS }));
    /* (H_data - H_cross) - L/N in extended double-double: L/N may underflow or
     * overflow on its own, and the difference may cancel; the range is judged
     * on the result only */
    net = thermoai__xn_sub(thermoai__xn_sub(thermoai__xn_from(data_entropy_bits),
                                            thermoai__xn_from(cross_entropy_bits)),
                           thermoai__xn_div(thermoai__xn_from(model_bits), thermoai__xn_from(tokens)));
    return thermoai__xn_finish(net, bits);
}

int thermoai_negentropy_total_bits(double tokens, double negentropy_bits_per_token,
                                   double *total_bits)
{
    double num[2];

    THERMOAI__OUTPUTS(total_bits);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens, THERMOAI__NONNEG },
                                  { negentropy_bits_per_token, THERMOAI__NONNEG }));
    num[0] = tokens;
    num[1] = negentropy_bits_per_token;
    return thermoai__scaled_ratio(num, 2, NULL, 0, total_bits);
}

int thermoai_negentropy_entropy_reduction_j_per_k(double tokens, double prior_entropy_bits,
                                                  double cross_entropy_bits, double model_bits,
                                                  double *entropy_j_per_k)
{
    thermoai__xn net;

    THERMOAI__OUTPUTS(entropy_j_per_k);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens, THERMOAI__POS },
                                  { prior_entropy_bits, THERMOAI__NONNEG },
                                  { cross_entropy_bits, THERMOAI__NONNEG },
                                  { model_bits, THERMOAI__NONNEG }));
    /* k_B ln2 (N (H_prior - H_cross) - L): no division by N, and the difference
     * of the two totals in extended double-double, so that a cancellation keeps
     * its digits (DBL_MAX - 5.4e287 - DBL_MAX is -5.4e287, not 0); the range is
     * judged on the result only */
    net = thermoai__xn_sub(thermoai__xn_mul(thermoai__xn_from(tokens),
                                            thermoai__xn_sub(thermoai__xn_from(prior_entropy_bits),
                                                             thermoai__xn_from(cross_entropy_bits))),
                           thermoai__xn_from(model_bits));
    return thermoai__xn_finish(thermoai__xn_mul(thermoai__xn_from(THERMOAI__K_B_LN2_J_PER_K), net),
                               entropy_j_per_k);
}

int thermoai_negentropy_training_min_j(double tokens, double data_entropy_bits,
                                       double cross_entropy_bits, double temperature_k,
                                       double *energy_j)
{
    double num[4];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens, THERMOAI__NONNEG },
                                  { data_entropy_bits, THERMOAI__NONNEG },
                                  { cross_entropy_bits, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }));
    if (cross_entropy_bits > data_entropy_bits)
        return THERMOAI_E_DOMAIN;
    num[0] = THERMOAI__K_B_LN2_J_PER_K;
    num[1] = temperature_k;
    num[2] = tokens;
    num[3] = data_entropy_bits - cross_entropy_bits;
    return thermoai__scaled_ratio(num, 4, NULL, 0, energy_j);
}

int thermoai_negentropy_efficiency(double min_energy_j, double actual_energy_j,
                                   double *efficiency)
{
    THERMOAI__OUTPUTS(efficiency);
    THERMOAI__TRY(THERMOAI__CHECK({ min_energy_j, THERMOAI__NONNEG },
                                  { actual_energy_j, THERMOAI__POS }));
    return thermoai__scaled_ratio(&min_energy_j, 1, &actual_energy_j, 1, efficiency);
}

int thermoai_negentropy_cost_j_per_bit(double actual_energy_j, double tokens,
                                       double negentropy_bits_per_token, double *cost_j_per_bit)
{
    double den[2];

    THERMOAI__OUTPUTS(cost_j_per_bit);
    THERMOAI__TRY(THERMOAI__CHECK({ actual_energy_j, THERMOAI__NONNEG }, { tokens, THERMOAI__POS },
                                  { negentropy_bits_per_token, THERMOAI__POS }));
    den[0] = tokens;
    den[1] = negentropy_bits_per_token;
    return thermoai__scaled_ratio(&actual_energy_j, 1, den, 2, cost_j_per_bit);
}

int thermoai_negentropy_demon_efficiency(double tokens, double delta_h_bits,
                                         double temperature_k, double heat_j,
                                         double *efficiency)
{
    double num[4];

    THERMOAI__OUTPUTS(efficiency);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens, THERMOAI__NONNEG }, { delta_h_bits, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }, { heat_j, THERMOAI__POS }));
    num[0] = THERMOAI__K_B_LN2_J_PER_K;
    num[1] = temperature_k;
    num[2] = tokens;
    num[3] = delta_h_bits;
    return thermoai__scaled_ratio(num, 4, &heat_j, 1, efficiency);
}

int thermoai_negentropy_demon_trend(double efficiency0, double elapsed_s, double doubling_time_s,
                                    double *efficiency)
{
    double x, xi, m;
    int e;

    THERMOAI__OUTPUTS(efficiency);
    THERMOAI__TRY(THERMOAI__CHECK({ efficiency0, THERMOAI__POS }, { elapsed_s, THERMOAI__FINITE },
                                  { doubling_time_s, THERMOAI__POS }));
    x = elapsed_s / doubling_time_s; /* doublings */
    if (!isfinite(x) || fabs(x) > 4096.0)
        return THERMOAI_E_RANGE;
    /* eta0 * 2^x with the integer part of x in the exponent: no intermediate
     * overflow, and exp2 only sees the fractional part */
    xi = floor(x);
    m = frexp(efficiency0, &e) * exp2(x - xi);
    return thermoai__finish_positive(ldexp(m, e + (int)xi), efficiency);
}

int thermoai_negentropy_flux_limit_bits_per_s(double power_w, double demon_efficiency,
                                              double temperature_k, double *flux_bits_per_s)
{
    double num[2], den[2];

    THERMOAI__OUTPUTS(flux_bits_per_s);
    THERMOAI__TRY(THERMOAI__CHECK({ power_w, THERMOAI__NONNEG },
                                  { demon_efficiency, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }));
    num[0] = power_w;
    num[1] = demon_efficiency;
    den[0] = THERMOAI__K_B_LN2_J_PER_K;
    den[1] = temperature_k;
    return thermoai__scaled_ratio(num, 2, den, 2, flux_bits_per_s);
}

int thermoai_negentropy_compression_ratio(double tokens, double data_bits_per_token,
                                          double model_bits, double *ratio)
{
    double num[2];

    THERMOAI__OUTPUTS(ratio);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens, THERMOAI__NONNEG },
                                  { data_bits_per_token, THERMOAI__NONNEG },
                                  { model_bits, THERMOAI__POS }));
    num[0] = tokens;
    num[1] = data_bits_per_token;
    return thermoai__scaled_ratio(num, 2, &model_bits, 1, ratio);
}
