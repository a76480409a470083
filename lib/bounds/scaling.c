/* SPDX-License-Identifier: MIT */
/* Loss and negentropy scaling laws (paper 001, Eq. 20; Appendix A, Eqs. 39-40). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_scaling_negentropy_law) == THERMOAI__SIZE_V0_SCALING_NEGENTROPY_LAW,
                        negentropy_law_size);
THERMOAI__STATIC_ASSERT(sizeof(thermoai_scaling_loss_law) == THERMOAI__SIZE_V0_SCALING_LOSS_LAW, loss_law_size);

/* Kaplan et al. 2020 exponents as quoted by paper 001 Theorem 3.4. */
#define ALPHA_N 0.076
#define ALPHA_D 0.095
#define ALPHA_C 0.057

static void negentropy_defaults(thermoai_scaling_negentropy_law *l)
{
    memset(l, 0, sizeof *l);
    l->struct_size = (uint32_t)sizeof *l;
    l->n_inf_bits = 7.5; /* paper 001 Sec. 5.3 */
    l->alpha_n = ALPHA_N;
    l->alpha_d = ALPHA_D;
    l->alpha_c = ALPHA_C;
}

static void loss_defaults(thermoai_scaling_loss_law *l)
{
    memset(l, 0, sizeof *l);
    l->struct_size = (uint32_t)sizeof *l;
    l->alpha_n = ALPHA_N;
    l->alpha_d = ALPHA_D;
    l->alpha_c = ALPHA_C;
}

int thermoai_scaling_negentropy_law_init(thermoai_scaling_negentropy_law *law, size_t size)
{
    thermoai_scaling_negentropy_law d;
    int status = thermoai__struct_init(law, size, THERMOAI__SIZE_V0_SCALING_NEGENTROPY_LAW);

    if (status != THERMOAI_OK)
        return status;
    negentropy_defaults(&d);
    return thermoai__struct_out(law, THERMOAI__SIZE_V0_SCALING_NEGENTROPY_LAW, &d, sizeof d);
}

int thermoai_scaling_loss_law_init(thermoai_scaling_loss_law *law, size_t size)
{
    thermoai_scaling_loss_law d;
    int status = thermoai__struct_init(law, size, THERMOAI__SIZE_V0_SCALING_LOSS_LAW);

    if (status != THERMOAI_OK)
        return status;
    loss_defaults(&d);
    return thermoai__struct_out(law, THERMOAI__SIZE_V0_SCALING_LOSS_LAW, &d, sizeof d);
}

size_t thermoai_scaling_negentropy_law_size(void)
{
    return sizeof(thermoai_scaling_negentropy_law);
}

size_t thermoai_scaling_loss_law_size(void)
{
    return sizeof(thermoai_scaling_loss_law);
}

/*
 * The three terms' (scale or coefficient, exponent) pairs and the resources
 * share one check: a present term (scale > 0) needs its resource > 0; the
 * resource of an absent term is ignored (and may be 0).
 */
static int check_terms(const double scale[3], const double alpha[3], const double resource[3])
{
    int i;

    for (i = 0; i < 3; i++)
        THERMOAI__TRY(THERMOAI__CHECK({ scale[i], THERMOAI__NONNEG }, { alpha[i], THERMOAI__NONNEG },
                                      { resource[i], THERMOAI__FINITE }));
    for (i = 0; i < 3; i++)
        if (scale[i] > 0.0 && !(resource[i] > 0.0))
            return THERMOAI_E_INVALID;
    return THERMOAI_OK;
}

int thermoai_scaling_negentropy_bits(const thermoai_scaling_negentropy_law *user, double params,
                                     double tokens, double flop, double *bits)
{
    thermoai_scaling_negentropy_law l;
    double sum = 0.0;
    int i;

    THERMOAI__OUTPUTS(bits);
    if (user == NULL)
        return THERMOAI_E_NULL;
    negentropy_defaults(&l);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_SCALING_NEGENTROPY_LAW, &l, sizeof l));
    if (l.reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    {
        const double scale[3] = { l.n_c, l.d_c, l.c_c };
        const double alpha[3] = { l.alpha_n, l.alpha_d, l.alpha_c };
        const double resource[3] = { params, tokens, flop };

        THERMOAI__TRY(THERMOAI__CHECK({ l.n_inf_bits, THERMOAI__FINITE }));
        THERMOAI__TRY(check_terms(scale, alpha, resource));
        for (i = 0; i < 3; i++)
            if (scale[i] > 0.0)
                sum += pow(scale[i] / resource[i], alpha[i]); /* (X_c / X)^alpha */
    }
    return thermoai__finish(l.n_inf_bits - sum, bits);
}

int thermoai_scaling_loss_bits(const thermoai_scaling_loss_law *user, double params, double tokens,
                               double flop, double *loss_bits)
{
    thermoai_scaling_loss_law l;
    double sum;
    int i;

    THERMOAI__OUTPUTS(loss_bits);
    if (user == NULL)
        return THERMOAI_E_NULL;
    loss_defaults(&l);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_SCALING_LOSS_LAW, &l, sizeof l));
    if (l.reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    {
        const double coef[3] = { l.a, l.b, l.c };
        const double alpha[3] = { l.alpha_n, l.alpha_d, l.alpha_c };
        const double resource[3] = { params, tokens, flop };

        THERMOAI__TRY(THERMOAI__CHECK({ l.l_inf_bits, THERMOAI__NONNEG }));
        THERMOAI__TRY(check_terms(coef, alpha, resource));
        sum = l.l_inf_bits;
        for (i = 0; i < 3; i++)
            if (coef[i] > 0.0)
                sum += coef[i] * pow(resource[i], -alpha[i]); /* a / X^alpha */
    }
    return thermoai__finish(sum, loss_bits);
}

int thermoai_scaling_negentropy_from_loss(const thermoai_scaling_loss_law *user_loss,
                                          double data_entropy_bits, thermoai_scaling_negentropy_law *law)
{
    thermoai_scaling_loss_law l;
    thermoai_scaling_negentropy_law n;
    double *scale[3];
    int i;

    if (user_loss == NULL || law == NULL)
        return THERMOAI_E_NULL;
    if (thermoai__struct_size_of(law) < THERMOAI__SIZE_V0_SCALING_NEGENTROPY_LAW)
        return THERMOAI_E_SIZE;
    loss_defaults(&l);
    THERMOAI__TRY(thermoai__struct_in(user_loss, THERMOAI__SIZE_V0_SCALING_LOSS_LAW, &l, sizeof l));
    if (l.reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(THERMOAI__CHECK({ data_entropy_bits, THERMOAI__NONNEG },
                                  { l.l_inf_bits, THERMOAI__NONNEG }, { l.a, THERMOAI__NONNEG },
                                  { l.b, THERMOAI__NONNEG }, { l.c, THERMOAI__NONNEG },
                                  { l.alpha_n, THERMOAI__NONNEG }, { l.alpha_d, THERMOAI__NONNEG },
                                  { l.alpha_c, THERMOAI__NONNEG }));
    negentropy_defaults(&n);
    n.n_inf_bits = data_entropy_bits - l.l_inf_bits;
    n.alpha_n = l.alpha_n;
    n.alpha_d = l.alpha_d;
    n.alpha_c = l.alpha_c;
    scale[0] = &n.n_c;
    scale[1] = &n.d_c;
    scale[2] = &n.c_c;
    {
        const double coef[3] = { l.a, l.b, l.c };
        const double alpha[3] = { l.alpha_n, l.alpha_d, l.alpha_c };

        for (i = 0; i < 3; i++) {
            if (coef[i] == 0.0)
                continue; /* absent term stays absent */
            if (!(alpha[i] > 0.0))
                return THERMOAI_E_INVALID;
            *scale[i] = pow(coef[i], 1.0 / alpha[i]); /* X_c = coefficient^(1/alpha) */
            if (!isfinite(*scale[i]) || *scale[i] == 0.0)
                return THERMOAI_E_RANGE;
        }
    }
    return thermoai__struct_out(law, THERMOAI__SIZE_V0_SCALING_NEGENTROPY_LAW, &n, sizeof n);
}
