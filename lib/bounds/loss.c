/* SPDX-License-Identifier: MIT */
/* Separable power-law loss models and the published fits (paper 002 Eq. 6;
 * Hoffmann et al. 2022; Besiroglu et al. 2024; Kaplan et al. 2020). */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "loss_model.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_loss_model) == THERMOAI__SIZE_V0_LOSS_MODEL, loss_model_size);

struct loss_preset {
    const char *name, *alias, *source;
    double e, a, alpha, b, beta;
};

/*
 * Each row: the values as printed in the source. The Kaplan coefficients are
 * N_c^alpha_N and D_c^alpha_D for N_c = 8.8e13, D_c = 5.4e13 (mpmath, 40
 * digits, rounded to 17; tests/bounds/test_loss.c checks them against pow()).
 */
static const struct loss_preset presets[] = {
    { "hoffmann2022", "chinchilla",
      "Hoffmann et al. 2022, 'Training Compute-Optimal Large Language Models', arXiv:2203.15556, "
      "approach 3 (Sec. 3.3), Eq. (10) as printed: E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, "
      "beta = 0.28; loss in nats per token, N all parameters, D training tokens",
      1.69, 406.4, 0.34, 410.7, 0.28 },
    { "hoffmann2022-tex", NULL,
      "Hoffmann et al. 2022, approach 3, the unrounded estimates of the paper's TeX source as "
      "quoted by Besiroglu et al. 2024 (arXiv:2404.10102): E = 1.6934, A = 406.4, B = 410.7, "
      "alpha = 0.3392, beta = 0.2849",
      1.6934, 406.4, 0.3392, 410.7, 0.2849 },
    { "besiroglu2024", "epoch2024",
      "Besiroglu, Erdil, Barnett, You 2024 (Epoch AI), 'Chinchilla Scaling: A replication "
      "attempt', arXiv:2404.10102, the replication's estimates of the approach-3 law: "
      "E = 1.8172, A = 482.01, B = 2085.43, alpha = 0.3478, beta = 0.3658 (standard errors "
      "0.03, 124.58, 1293.23, 0.02, 0.02)",
      1.8172, 482.01, 0.3478, 2085.43, 0.3658 },
    { "kaplan2020", "kaplan",
      "Kaplan et al. 2020, 'Scaling Laws for Neural Language Models', arXiv:2001.08361, "
      "Eqs. (1.1)-(1.2): L(N) = (N_c/N)^alpha_N, N_c = 8.8e13 non-embedding parameters, "
      "alpha_N = 0.076; L(D) = (D_c/D)^alpha_D, D_c = 5.4e13 tokens, alpha_D = 0.095 (the "
      "exponents paper 001 Theorem 3.4 quotes); summed as paper 001 Eq. (20) does, E = 0, "
      "A = N_c^alpha_N, B = D_c^alpha_D",
      0.0, 11.475739550450955, 0.076, 20.164033355647759, 0.095 },
};

#define N_PRESETS (sizeof presets / sizeof presets[0])

static void preset_model(const struct loss_preset *p, thermoai_loss_model *m)
{
    memset(m, 0, sizeof *m);
    m->struct_size = (uint32_t)sizeof *m;
    m->irreducible_nats = p->e;
    m->params_coef = p->a;
    m->params_exponent = p->alpha;
    m->tokens_coef = p->b;
    m->tokens_exponent = p->beta;
}

int thermoai_loss_model_init(thermoai_loss_model *model, size_t size)
{
    thermoai_loss_model d;
    int status = thermoai__struct_init(model, size, THERMOAI__SIZE_V0_LOSS_MODEL);

    if (status != THERMOAI_OK)
        return status;
    preset_model(&presets[0], &d);
    return thermoai__struct_out(model, THERMOAI__SIZE_V0_LOSS_MODEL, &d, sizeof d);
}

size_t thermoai_loss_model_size(void)
{
    return sizeof(thermoai_loss_model);
}

double thermoai__lse2(double a, double b)
{
    double hi = a > b ? a : b, lo = a > b ? b : a;

    if (hi == -(double)INFINITY)
        return hi;
    return hi + log1p(exp(lo - hi));
}

int thermoai__loss_load(const thermoai_loss_model *user, struct thermoai__loss *out)
{
    thermoai_loss_model m;
    int i;

    if (user == NULL)
        return THERMOAI_E_NULL;
    preset_model(&presets[0], &m);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_LOSS_MODEL, &m, sizeof m));
    if (m.reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(THERMOAI__CHECK({ m.irreducible_nats, THERMOAI__NONNEG }, { m.params_coef, THERMOAI__POS },
                                  { m.params_exponent, THERMOAI__POS }, { m.tokens_coef, THERMOAI__POS },
                                  { m.tokens_exponent, THERMOAI__POS }, { m.data_coef, THERMOAI__NONNEG },
                                  { m.data_exponent, THERMOAI__FINITE }));
    out->has_data = m.data_coef > 0.0;
    if (out->has_data && !(m.data_exponent > 0.0))
        return THERMOAI_E_INVALID;
    out->e_inf = m.irreducible_nats;
    out->coef[THERMOAI__RES_PARAMS] = m.params_coef;
    out->coef[THERMOAI__RES_TOKENS] = m.tokens_coef;
    out->coef[THERMOAI__RES_DATA] = m.data_coef;
    out->expo[THERMOAI__RES_PARAMS] = m.params_exponent;
    out->expo[THERMOAI__RES_TOKENS] = m.tokens_exponent;
    out->expo[THERMOAI__RES_DATA] = out->has_data ? m.data_exponent : 0.0;
    for (i = 0; i < 3; i++)
        out->ln_coef[i] = out->coef[i] > 0.0 ? log(out->coef[i]) : -(double)INFINITY;
    return THERMOAI_OK;
}

double thermoai__loss_ln_excess(const struct thermoai__loss *m, const double *x)
{
    double s = thermoai__lse2(m->ln_coef[0] - m->expo[0] * x[0], m->ln_coef[1] - m->expo[1] * x[1]);

    if (m->has_data)
        s = thermoai__lse2(s, m->ln_coef[2] - m->expo[2] * x[2]);
    return s;
}

int thermoai_loss_nats(const thermoai_loss_model *model, double params, double tokens, double data,
                       double *loss_nats)
{
    struct thermoai__loss m;
    double sum;
    int i;

    THERMOAI__OUTPUTS(loss_nats);
    THERMOAI__TRY(thermoai__loss_load(model, &m));
    THERMOAI__TRY(THERMOAI__CHECK({ params, THERMOAI__POS }, { tokens, THERMOAI__POS }, { data, THERMOAI__FINITE }));
    if (m.has_data && !(data > 0.0))
        return THERMOAI_E_INVALID;
    {
        const double x[3] = { params, tokens, data };

        sum = m.e_inf;
        for (i = 0; i < (m.has_data ? 3 : 2); i++)
            sum += exp(m.ln_coef[i] - m.expo[i] * log(x[i])); /* c / x^gamma */
    }
    return thermoai__finish(sum, loss_nats);
}

static int same_name(const char *a, const char *b)
{
    if (b == NULL)
        return 0;
    for (; *a != '\0' && *b != '\0'; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t model_doubles[] = {
    offsetof(thermoai_loss_model, irreducible_nats),
    offsetof(thermoai_loss_model, params_coef),
    offsetof(thermoai_loss_model, params_exponent),
    offsetof(thermoai_loss_model, tokens_coef),
    offsetof(thermoai_loss_model, tokens_exponent),
    offsetof(thermoai_loss_model, data_coef),
    offsetof(thermoai_loss_model, data_exponent),
};
#define N_MODEL_DOUBLES (sizeof model_doubles / sizeof model_doubles[0])

static int fill(const struct loss_preset *p, thermoai_loss_model *model)
{
    thermoai_loss_model m;

    preset_model(p, &m);
    return thermoai__struct_out_nan(model, THERMOAI__SIZE_V0_LOSS_MODEL, &m, sizeof m, model_doubles,
                                    N_MODEL_DOUBLES);
}

int thermoai_loss_preset_find(const char *name, thermoai_loss_model *model)
{
    size_t i;

    if (model == NULL)
        return THERMOAI_E_NULL;
    for (i = 0; name != NULL && i < N_PRESETS; i++)
        if (same_name(name, presets[i].name) || same_name(name, presets[i].alias))
            return fill(&presets[i], model);
    thermoai__struct_nan(model, sizeof *model, model_doubles, N_MODEL_DOUBLES);
    return name == NULL ? THERMOAI_E_NULL : THERMOAI_E_NOT_FOUND;
}

size_t thermoai_loss_preset_count(void)
{
    return N_PRESETS;
}

int thermoai_loss_preset_info(size_t index, const char **name, const char **source,
                              thermoai_loss_model *model)
{
    if (name != NULL)
        *name = NULL;
    if (source != NULL)
        *source = NULL;
    if (index >= N_PRESETS)
        return THERMOAI_E_NOT_FOUND;
    if (model != NULL)
        THERMOAI__TRY(fill(&presets[index], model));
    if (name != NULL)
        *name = presets[index].name;
    if (source != NULL)
        *source = presets[index].source;
    return THERMOAI_OK;
}
