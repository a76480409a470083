/* SPDX-License-Identifier: MIT */
/* The learning energy bounds of paper 002 Sec. 3 (include/thermoai/learning.h). */
#include "config.h"

#include <float.h>
#include <limits.h>
#include <math.h>

#include "pmf_internal.h"
#include "common/internal.h"

/* Largest |exponent| carried before ldexp: beyond it the result is 0 or infinite anyway. */
#define EXP_LIMIT 4200L

/*
 * out = (common[0] * ... * common[nc-1]) * sum_i (t[i][0] * t[i][1] * t[i][2]), every
 * factor finite and >= 0. Mantissas and exponents are carried apart (frexp), the
 * terms summed at the largest exponent, one ldexp at the end: no intermediate
 * overflow or underflow, a few roundings in all. E_RANGE (NaN) when the exact
 * result overflows or is non-zero below DBL_MIN.
 */
static int sum_of_products(const double *common, size_t nc, const double (*t)[3], size_t nt,
                           double *out)
{
    double m[4], mant = 0.0, mc = 1.0;
    long e[4], emax = LONG_MIN, ec = 0;
    size_t i, k;
    int ei;

    for (i = 0; i < nt; i++) {
        m[i] = 1.0;
        e[i] = 0;
        for (k = 0; k < 3; k++) {
            if (t[i][k] == 0.0) {
                m[i] = 0.0;
                break;
            }
            m[i] *= frexp(t[i][k], &ei);
            e[i] += ei;
            m[i] = frexp(m[i], &ei);
            e[i] += ei;
        }
        if (m[i] != 0.0 && e[i] > emax)
            emax = e[i];
    }
    for (k = 0; k < nc; k++) {
        if (common[k] == 0.0)
            emax = LONG_MIN;
        else {
            mc *= frexp(common[k], &ei);
            ec += ei;
            mc = frexp(mc, &ei);
            ec += ei;
        }
    }
    if (emax == LONG_MIN) {
        *out = 0.0;
        return THERMOAI_OK;
    }
    for (i = 0; i < nt; i++)
        if (m[i] != 0.0 && e[i] - emax > -1200)
            mant += ldexp(m[i], (int)(e[i] - emax));
    mant = frexp(mant * mc, &ei);
    emax += ec + ei;
    if (emax > EXP_LIMIT)
        emax = EXP_LIMIT;
    if (emax < -EXP_LIMIT)
        emax = -EXP_LIMIT;
    return thermoai__finish_positive(ldexp(mant, (int)emax), out);
}

/* ---- stable ------------------------------------------------------------------------ */

int thermoai_learning_pac_bayes_bound(double empirical_risk, double kl_nats, double samples,
                                      double delta, double lambda_per_j, double train_energy_j,
                                      double *bound)
{
    const double num[2] = { lambda_per_j, train_energy_j };
    double slack, energy = 0.0;
    int st;

    THERMOAI__OUTPUTS(bound);
    THERMOAI__TRY(THERMOAI__CHECK({ empirical_risk, THERMOAI__NONNEG }, { kl_nats, THERMOAI__NONNEG },
                                  { samples, THERMOAI__GE1 }, { delta, THERMOAI__POS },
                                  { lambda_per_j, THERMOAI__NONNEG },
                                  { train_energy_j, THERMOAI__NONNEG }));
    if (empirical_risk > 1.0 || samples < 2.0 || delta >= 1.0)
        return THERMOAI_E_INVALID;
    /* sqrt((KL + ln 2 + ln(n)/2 - ln delta) / (2 (n - 1))), the root taken of the
     * numerator and the denominator apart so that neither can overflow or underflow */
    slack = sqrt(kl_nats + (THERMOAI__LN2 + 0.5 * log(samples) - log(delta)))
            / (sqrt(samples - 1.0) * 1.41421356237309504880168872420969808);
    st = thermoai__scaled_ratio(num, 2, &samples, 1, &energy);
    if (st != THERMOAI_OK) {
        /* overflow, or an energy term below DBL_MIN: the latter is negligible next
         * to the slack (at least 1e-154) */
        if (ilogb(lambda_per_j) + ilogb(train_energy_j) - ilogb(samples) > 0)
            return THERMOAI_E_RANGE;
        energy = 0.0;
    }
    return thermoai__finish(empirical_risk + slack + energy, bound);
}

int thermoai_learning_awgn_energy_per_bit_j(double n0_j, double spectral_efficiency,
                                            double *energy_j)
{
    const double eta = spectral_efficiency;
    double g, m0, m1, mant;
    int e0, e1, ei;
    long e;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ n0_j, THERMOAI__POS }, { eta, THERMOAI__NONNEG }));
    if (eta < 1.0) {
        /* (2^eta - 1)/eta = expm1(eta ln 2)/eta, its series where eta ln 2 would be imprecise */
        if (eta < 1e-10)
            g = THERMOAI__LN2 * (1.0 + 0.5 * THERMOAI__LN2 * eta);
        else
            g = expm1(eta * THERMOAI__LN2) / eta;
        return thermoai__finish_positive(n0_j * g, energy_j);
    }
    if (eta > 4096.0)
        return THERMOAI_E_RANGE; /* 2^eta / eta above 2^4084 over the least n0 */
    /* 2^eta - 1 = 2^E (2^(eta - E) - 2^-E), E = floor(eta) */
    e = (long)floor(eta);
    m0 = frexp(n0_j, &e0);
    m1 = frexp(eta, &e1);
    mant = frexp(m0 / m1 * (exp2(eta - (double)e) - ldexp(1.0, (int)-e)), &ei);
    e += (long)e0 - e1 + ei;
    if (e > EXP_LIMIT)
        e = EXP_LIMIT;
    return thermoai__finish_positive(ldexp(mant, (int)e), energy_j);
}

/* ---- the paper's statements ------------------------------------------------------- */

int thermoai_learning_energy_accuracy_j(double task_bits, double excess_error, double model_bits,
                                        double temperature_k, double *energy_j)
{
    const double common[2] = { THERMOAI__K_B_LN2_J_PER_K, temperature_k };
    double t[2][3];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ task_bits, THERMOAI__NONNEG }, { excess_error, THERMOAI__POS },
                                  { model_bits, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }));
    if (excess_error > 1.0)
        return THERMOAI_E_INVALID;
    t[0][0] = task_bits;
    t[0][1] = -log2(excess_error);
    t[0][2] = 1.0;
    t[1][0] = model_bits;
    t[1][1] = 1.0;
    t[1][2] = 1.0;
    return sum_of_products(common, 2, (const double(*)[3])t, 2, energy_j);
}

int thermoai_learning_energy_condition_j(double params, double condition, double initial_error,
                                         double excess_error, double temperature_k,
                                         double *energy_j)
{
    double num[5], r;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ params, THERMOAI__NONNEG }, { condition, THERMOAI__GE1 },
                                  { initial_error, THERMOAI__POS }, { excess_error, THERMOAI__POS },
                                  { temperature_k, THERMOAI__POS }));
    if (initial_error < excess_error)
        return THERMOAI_E_INVALID;
    /* ln(E0 / x): log1p of the exact difference (Sterbenz) near 1, else the log of
     * the ratio, or the difference of logs where the ratio overflows */
    if (initial_error <= 2.0 * excess_error) {
        r = log1p((initial_error - excess_error) / excess_error);
    } else {
        r = initial_error / excess_error;
        r = isfinite(r) ? log(r) : log(initial_error) - log(excess_error);
    }
    num[0] = thermoai_constants_boltzmann_j_per_k();
    num[1] = temperature_k;
    num[2] = params;
    num[3] = condition;
    num[4] = r;
    if (params == 0.0 || r == 0.0)
        return thermoai__finish(0.0, energy_j);
    return thermoai__scaled_ratio(num, 5, NULL, 0, energy_j);
}

/* -sum_i (q_i - p_i) log2 p_i over the normalised pmfs (KL(Q||P) + H(Q) - H(P)). */
int thermoai_learning_landauer_bits(const double *q, const double *p, size_t n, double *bits)
{
    struct thermoai__ksum k = { 0.0, 0.0 };
    double sq, sp;
    size_t i;

    THERMOAI__OUTPUTS(bits);
    if (q == NULL || p == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__pmf_finite(q, n));
    THERMOAI__TRY(thermoai__pmf_finite(p, n));
    THERMOAI__TRY(thermoai__pmf_sum(q, n, &sq));
    THERMOAI__TRY(thermoai__pmf_sum(p, n, &sp));
    for (i = 0; i < n; i++) {
        const double qi = sq == 1.0 ? q[i] : q[i] / sq;
        const double pi = sp == 1.0 ? p[i] : p[i] / sp;

        if (p[i] == 0.0) {
            if (q[i] != 0.0)
                return THERMOAI_E_DOMAIN;
            continue;
        }
        if (qi != pi)
            thermoai__ksum_add(&k, (pi - qi) * log2(pi));
    }
    return thermoai__finish(thermoai__ksum_value(&k), bits);
}

int thermoai_learning_landauer_j(const double *q, const double *p, size_t n, double temperature_k,
                                 double *energy_j)
{
    double b, num[3];

    THERMOAI__OUTPUTS(energy_j);
    if (q == NULL || p == NULL)
        return THERMOAI_E_NULL;
    THERMOAI__TRY(thermoai__pmf_finite(q, n));
    THERMOAI__TRY(thermoai__pmf_finite(p, n));
    THERMOAI__TRY(THERMOAI__CHECK({ temperature_k, THERMOAI__POS }));
    THERMOAI__TRY(thermoai_learning_landauer_bits(q, p, n, &b));
    num[0] = THERMOAI__K_B_LN2_J_PER_K;
    num[1] = temperature_k;
    num[2] = fabs(b);
    if (b == 0.0)
        return thermoai__finish(0.0, energy_j);
    return thermoai__signed_scale(b < 0.0 ? -1.0 : 1.0, num, 3, NULL, 0, energy_j);
}

int thermoai_learning_attention_info_j(double seq_len, double d_model, double temperature_k,
                                       double *energy_j)
{
    double num[5];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ seq_len, THERMOAI__GE1 }, { d_model, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }));
    num[0] = THERMOAI__K_B_LN2_J_PER_K;
    num[1] = temperature_k;
    num[2] = seq_len;
    num[3] = d_model;
    num[4] = log2(seq_len);
    return thermoai__scaled_ratio(num, 5, NULL, 0, energy_j);
}

int thermoai_learning_attention_flop_j(double seq_len, double d_model, double e_flop_j,
                                       double *energy_j)
{
    double num[5];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ seq_len, THERMOAI__NONNEG }, { d_model, THERMOAI__NONNEG },
                                  { e_flop_j, THERMOAI__NONNEG }));
    num[0] = e_flop_j;
    num[1] = 2.0;
    num[2] = seq_len;
    num[3] = seq_len;
    num[4] = d_model;
    return thermoai__scaled_ratio(num, 5, NULL, 0, energy_j);
}

int thermoai_learning_attention_io_j(double seq_len, double d_model, double cache_words,
                                     double e_io_j, double *energy_j)
{
    double num[4];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ seq_len, THERMOAI__NONNEG }, { d_model, THERMOAI__NONNEG },
                                  { cache_words, THERMOAI__POS }, { e_io_j, THERMOAI__NONNEG }));
    num[0] = e_io_j;
    num[1] = seq_len;
    num[2] = seq_len;
    num[3] = d_model;
    return thermoai__scaled_ratio(num, 4, &cache_words, 1, energy_j);
}

int thermoai_learning_attention_approx_j(double seq_len, double d_model, double epsilon,
                                         double temperature_k, double *energy_j)
{
    double num[5];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ seq_len, THERMOAI__NONNEG }, { d_model, THERMOAI__NONNEG },
                                  { epsilon, THERMOAI__POS }, { temperature_k, THERMOAI__POS }));
    if (epsilon >= 1.0)
        return THERMOAI_E_INVALID;
    num[0] = THERMOAI__K_B_LN2_J_PER_K;
    num[1] = temperature_k;
    num[2] = seq_len;
    num[3] = d_model;
    num[4] = -log2(epsilon);
    return thermoai__scaled_ratio(num, 5, NULL, 0, energy_j);
}

int thermoai_learning_channel_energy_per_bit_j(double n0_j, double rate, double capacity,
                                               double *energy_j)
{
    double num[4], den;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ n0_j, THERMOAI__POS }, { rate, THERMOAI__NONNEG },
                                  { capacity, THERMOAI__POS }));
    if (rate >= capacity)
        return THERMOAI_E_INVALID;
    /* N0 ln 2 R / (1 - R/C) = N0 ln 2 R C / (C - R); C - R is correctly rounded */
    den = capacity - rate;
    num[0] = n0_j;
    num[1] = THERMOAI__LN2;
    num[2] = rate;
    num[3] = capacity;
    return thermoai__scaled_ratio(num, 4, &den, 1, energy_j);
}

int thermoai_learning_training_bits(double samples, double label_bits, double params,
                                    double precision, double info_bits, double *bits)
{
    const double t[3][3] = { { samples, label_bits, 1.0 }, { params, precision, 1.0 },
                             { info_bits, 1.0, 1.0 } };

    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ samples, THERMOAI__NONNEG }, { label_bits, THERMOAI__NONNEG },
                                  { params, THERMOAI__NONNEG }, { precision, THERMOAI__NONNEG },
                                  { info_bits, THERMOAI__NONNEG }));
    return sum_of_products(NULL, 0, t, 3, bits);
}

int thermoai_learning_training_j(double samples, double label_bits, double params,
                                 double precision, double info_bits, double temperature_k,
                                 double *energy_j)
{
    const double t[3][3] = { { samples, label_bits, 1.0 }, { params, precision, 1.0 },
                             { info_bits, 1.0, 1.0 } };
    const double common[2] = { THERMOAI__K_B_LN2_J_PER_K, temperature_k };

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ samples, THERMOAI__NONNEG }, { label_bits, THERMOAI__NONNEG },
                                  { params, THERMOAI__NONNEG }, { precision, THERMOAI__NONNEG },
                                  { info_bits, THERMOAI__NONNEG },
                                  { temperature_k, THERMOAI__POS }));
    return sum_of_products(common, 2, t, 3, energy_j);
}

int thermoai_learning_inference_bits(double tokens, double token_bits, double params, double *bits)
{
    double t[2][3];

    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens, THERMOAI__NONNEG }, { token_bits, THERMOAI__NONNEG },
                                  { params, THERMOAI__GE1 }));
    t[0][0] = tokens;
    t[0][1] = token_bits;
    t[0][2] = 1.0;
    t[1][0] = tokens;
    t[1][1] = log2(params);
    t[1][2] = 1.0;
    return sum_of_products(NULL, 0, (const double(*)[3])t, 2, bits);
}

int thermoai_learning_inference_j(double tokens, double token_bits, double params,
                                  double temperature_k, double *energy_j)
{
    const double common[2] = { THERMOAI__K_B_LN2_J_PER_K, temperature_k };
    double t[2][3];

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens, THERMOAI__NONNEG }, { token_bits, THERMOAI__NONNEG },
                                  { params, THERMOAI__GE1 }, { temperature_k, THERMOAI__POS }));
    t[0][0] = tokens;
    t[0][1] = token_bits;
    t[0][2] = 1.0;
    t[1][0] = tokens;
    t[1][1] = log2(params);
    t[1][2] = 1.0;
    return sum_of_products(common, 2, (const double(*)[3])t, 2, energy_j);
}
