/* SPDX-License-Identifier: MIT */
/* Loss and negentropy scaling laws (paper 001, Eq. 20; Appendix A, Eqs. 39-40). */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "common/internal.h"
#include "common/xnum.h"

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
    thermoai__xn sum = thermoai__xn_from(0.0);
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
        /* (X_c / X)^alpha in extended range: the quotient may overflow where the
         * power does not (n_c = 1e300, N = 1e-300, alpha = 0.01 gives 1e6) */
        for (i = 0; i < 3; i++)
            if (scale[i] > 0.0)
                sum = thermoai__xn_add(sum, thermoai__xn_pow_ratio(scale[i], resource[i], alpha[i]));
    }
    return thermoai__xn_finish(thermoai__xn_sub(thermoai__xn_from(l.n_inf_bits), sum), bits);
}

int thermoai_scaling_loss_bits(const thermoai_scaling_loss_law *user, double params, double tokens,
                               double flop, double *loss_bits)
{
    thermoai_scaling_loss_law l;
    thermoai__xn sum;
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
        sum = thermoai__xn_from(l.l_inf_bits);
        /* a X^-alpha in extended range: X^-alpha may over- or underflow where
         * the product with a does not */
        for (i = 0; i < 3; i++)
            if (coef[i] > 0.0)
                sum = thermoai__xn_add(
                    sum, thermoai__xn_mul(thermoai__xn_from(coef[i]),
                                          thermoai__xn_pow(thermoai__xn_from(resource[i]), -alpha[i])));
    }
    return thermoai__xn_finish(sum, loss_bits);
}

/* The double fields of the negentropy law, for the error path of an output struct. */
static const size_t law_doubles[] = {
    offsetof(thermoai_scaling_negentropy_law, n_inf_bits),
    offsetof(thermoai_scaling_negentropy_law, n_c),
    offsetof(thermoai_scaling_negentropy_law, d_c),
    offsetof(thermoai_scaling_negentropy_law, c_c),
    offsetof(thermoai_scaling_negentropy_law, alpha_n),
    offsetof(thermoai_scaling_negentropy_law, alpha_d),
    offsetof(thermoai_scaling_negentropy_law, alpha_c),
};

/*
 * c^(1/alpha) for c > 0, alpha > 0. 1/alpha = r + d with r = fl(1/alpha) and
 * d its rounding error (from the exact product r * alpha), so that
 * c^(1/alpha) = c^r (1 + d ln c): pow(c, fl(1/alpha)) alone would be off by
 * |ln c^(1/alpha)| ulp (19 ulp for 406.4^(1/0.076)).
 */
static double root_pow(double c, double alpha)
{
    const double r = 1.0 / alpha, split = 134217729.0; /* 2^27 + 1 (Dekker) */
    double ma, mr, t, ah, al, rh, rl, p, e, d;
    int ka, kr;

    if (c == 1.0 || !isfinite(r))
        return c == 1.0 ? 1.0 : c > 1.0 ? (double)INFINITY : 0.0;
    /* r alpha = (p + e) 2^(ka + kr) exactly: Dekker's product of the mantissas */
    ma = frexp(alpha, &ka);
    mr = frexp(r, &kr);
    t = split * ma;
    ah = t - (t - ma);
    al = ma - ah;
    t = split * mr;
    rh = t - (t - mr);
    rl = mr - rh;
    p = ma * mr;
    e = ((ah * rh - p) + ah * rl + al * rh) + al * rl;
    /* d = (1 - r alpha) / alpha; 1 - p 2^(ka+kr) is exact (Sterbenz) */
    d = ((1.0 - ldexp(p, ka + kr)) - ldexp(e, ka + kr)) / alpha;
    return pow(c, r) * (1.0 + d * log(c));
}

static int from_loss(const thermoai_scaling_loss_law *user_loss, double data_entropy_bits,
                     thermoai_scaling_negentropy_law *law)
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
            *scale[i] = root_pow(coef[i], alpha[i]); /* X_c = coefficient^(1/alpha) */
            if (!isfinite(*scale[i]) || *scale[i] == 0.0)
                return THERMOAI_E_RANGE;
        }
    }
    return thermoai__struct_out(law, THERMOAI__SIZE_V0_SCALING_NEGENTROPY_LAW, &n, sizeof n);
}

int thermoai_scaling_negentropy_from_loss(const thermoai_scaling_loss_law *user_loss,
                                          double data_entropy_bits, thermoai_scaling_negentropy_law *law)
{
    int status = from_loss(user_loss, data_entropy_bits, law);

    if (status != THERMOAI_OK)
        thermoai__struct_nan(law, sizeof(thermoai_scaling_negentropy_law), law_doubles,
                             sizeof law_doubles / sizeof law_doubles[0]);
    return status;
}
