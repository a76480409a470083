/* SPDX-License-Identifier: MIT */
/* Cross-entropy, perplexity, bits and nats. */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_info_perplexity_from_bits(double cross_entropy_bits, double *perplexity)
{
    int status;

    if (perplexity == NULL)
        return THERMOAI_E_NULL;
    *perplexity = (double)NAN;
    if ((status = THERMOAI__CHECK({ cross_entropy_bits, THERMOAI__NONNEG })) != THERMOAI_OK)
        return status;
    return thermoai__finish(exp2(cross_entropy_bits), perplexity);
}

int thermoai_info_perplexity_from_nats(double cross_entropy_nats, double *perplexity)
{
    int status;

    if (perplexity == NULL)
        return THERMOAI_E_NULL;
    *perplexity = (double)NAN;
    if ((status = THERMOAI__CHECK({ cross_entropy_nats, THERMOAI__NONNEG })) != THERMOAI_OK)
        return status;
    return thermoai__finish(exp(cross_entropy_nats), perplexity);
}

int thermoai_info_cross_entropy_bits(double perplexity, double *cross_entropy_bits)
{
    int status;

    if (cross_entropy_bits == NULL)
        return THERMOAI_E_NULL;
    *cross_entropy_bits = (double)NAN;
    if ((status = THERMOAI__CHECK({ perplexity, THERMOAI__GE1 })) != THERMOAI_OK)
        return status;
    *cross_entropy_bits = log2(perplexity);
    return THERMOAI_OK;
}

int thermoai_info_cross_entropy_nats(double perplexity, double *cross_entropy_nats)
{
    int status;

    if (cross_entropy_nats == NULL)
        return THERMOAI_E_NULL;
    *cross_entropy_nats = (double)NAN;
    if ((status = THERMOAI__CHECK({ perplexity, THERMOAI__GE1 })) != THERMOAI_OK)
        return status;
    *cross_entropy_nats = log(perplexity);
    return THERMOAI_OK;
}

int thermoai_info_bits_from_nats(double nats, double *bits)
{
    int status;
    const double ln2 = THERMOAI__LN2;

    if (bits == NULL)
        return THERMOAI_E_NULL;
    *bits = (double)NAN;
    if ((status = THERMOAI__CHECK({ nats, THERMOAI__FINITE })) != THERMOAI_OK)
        return status;
    return thermoai__finish(nats / ln2, bits);
}

int thermoai_info_nats_from_bits(double bits, double *nats)
{
    int status;
    const double ln2 = THERMOAI__LN2;

    if (nats == NULL)
        return THERMOAI_E_NULL;
    *nats = (double)NAN;
    if ((status = THERMOAI__CHECK({ bits, THERMOAI__FINITE })) != THERMOAI_OK)
        return status;
    return thermoai__finish(bits * ln2, nats);
}

int thermoai_info_uniform_entropy_bits(double outcomes, double *bits)
{
    int status;

    if (bits == NULL)
        return THERMOAI_E_NULL;
    *bits = (double)NAN;
    if ((status = THERMOAI__CHECK({ outcomes, THERMOAI__GE1 })) != THERMOAI_OK)
        return status;
    *bits = log2(outcomes);
    return THERMOAI_OK;
}
