/* SPDX-License-Identifier: MIT */
/* Energy accounting of training and inference (paper 001, Sec. 5.1, 6.2, 7.5, App. B-C). */
#include "config.h"

#include <math.h>

#include "common/internal.h"
#include "common/xnum.h"

int thermoai_energy_from_power_j(double power_w, double duration_s, double *energy_j)
{
    double num[2];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ power_w, THERMOAI__NONNEG }, { duration_s, THERMOAI__NONNEG }));
    num[0] = power_w;
    num[1] = duration_s;
    return thermoai__scaled_ratio(num, 2, NULL, 0, energy_j);
}

int thermoai_energy_training_flop(double params, double tokens, double *flop)
{
    double num[3];

    THERMOAI__OUTPUTS(flop);
    THERMOAI__TRY(THERMOAI__CHECK({ params, THERMOAI__NONNEG }, { tokens, THERMOAI__NONNEG }));
    num[0] = 6.0; /* forward (2) and backward (4) FLOPs per parameter per token */
    num[1] = params;
    num[2] = tokens;
    return thermoai__scaled_ratio(num, 3, NULL, 0, flop);
}

int thermoai_energy_training_j(double flop, double j_per_flop, double pue, double *energy_j)
{
    double num[3];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ flop, THERMOAI__NONNEG }, { j_per_flop, THERMOAI__POS },
                                  { pue, THERMOAI__GE1 }));
    num[0] = flop;
    num[1] = j_per_flop;
    num[2] = pue;
    return thermoai__scaled_ratio(num, 3, NULL, 0, energy_j);
}

int thermoai_energy_facility_j(double it_energy_j, double pue, double *energy_j)
{
    double num[2];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ it_energy_j, THERMOAI__NONNEG }, { pue, THERMOAI__GE1 }));
    num[0] = it_energy_j;
    num[1] = pue;
    return thermoai__scaled_ratio(num, 2, NULL, 0, energy_j);
}

int thermoai_energy_inference_per_token_j(double params, double j_per_flop, double pue,
                                          double *energy_j)
{
    double num[4];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ params, THERMOAI__NONNEG }, { j_per_flop, THERMOAI__POS },
                                  { pue, THERMOAI__GE1 }));
    num[0] = 2.0; /* one multiply and one add per parameter per token */
    num[1] = params;
    num[2] = j_per_flop;
    num[3] = pue;
    return thermoai__scaled_ratio(num, 4, NULL, 0, energy_j);
}

int thermoai_energy_amortized_per_token_j(double training_j, double inference_tokens,
                                          double inference_per_token_j, double *energy_j)
{
    thermoai__xn share;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ training_j, THERMOAI__NONNEG },
                                  { inference_tokens, THERMOAI__POS },
                                  { inference_per_token_j, THERMOAI__NONNEG }));
    /* the share E_train / N may underflow (or overflow) on its own: it is kept
     * in extended range, and the range is judged on the sum */
    share = thermoai__xn_div(thermoai__xn_from(training_j), thermoai__xn_from(inference_tokens));
    return thermoai__xn_finish(thermoai__xn_add(share, thermoai__xn_from(inference_per_token_j)),
                               energy_j);
}

int thermoai_energy_break_even_tokens(double training_j, double inference_per_token_j,
                                      double *tokens)
{
    THERMOAI__OUTPUTS(tokens);
    THERMOAI__TRY(THERMOAI__CHECK({ training_j, THERMOAI__NONNEG },
                                  { inference_per_token_j, THERMOAI__POS }));
    return thermoai__scaled_ratio(&training_j, 1, &inference_per_token_j, 1, tokens);
}

int thermoai_energy_entropy_rate_w_per_k(double power_w, double temperature_k,
                                         double *sigma_w_per_k)
{
    THERMOAI__OUTPUTS(sigma_w_per_k);
    THERMOAI__TRY(THERMOAI__CHECK({ power_w, THERMOAI__NONNEG }, { temperature_k, THERMOAI__POS }));
    return thermoai__scaled_ratio(&power_w, 1, &temperature_k, 1, sigma_w_per_k);
}

int thermoai_energy_entropy_produced_j_per_k(double power_w, double temperature_k,
                                             double duration_s, double *entropy_j_per_k)
{
    double num[2];

    THERMOAI__OUTPUTS(entropy_j_per_k);
    THERMOAI__TRY(THERMOAI__CHECK({ power_w, THERMOAI__NONNEG }, { temperature_k, THERMOAI__POS },
                                  { duration_s, THERMOAI__NONNEG }));
    num[0] = power_w;
    num[1] = duration_s;
    return thermoai__scaled_ratio(num, 2, &temperature_k, 1, entropy_j_per_k);
}
