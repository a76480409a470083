/* SPDX-License-Identifier: MIT */
/* Cross-entropy, perplexity, bits and nats. */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_info_perplexity_from_bits(double cross_entropy_bits, double *perplexity)
{
    THERMOAI__OUTPUTS(perplexity);
    THERMOAI__TRY(THERMOAI__CHECK({ cross_entropy_bits, THERMOAI__NONNEG }));
    return thermoai__finish(exp2(cross_entropy_bits), perplexity);
}

int thermoai_info_perplexity_from_nats(double cross_entropy_nats, double *perplexity)
{
    THERMOAI__OUTPUTS(perplexity);
    THERMOAI__TRY(THERMOAI__CHECK({ cross_entropy_nats, THERMOAI__NONNEG }));
    return thermoai__finish(exp(cross_entropy_nats), perplexity);
}

int thermoai_info_cross_entropy_bits(double perplexity, double *cross_entropy_bits)
{
    THERMOAI__OUTPUTS(cross_entropy_bits);
    THERMOAI__TRY(THERMOAI__CHECK({ perplexity, THERMOAI__GE1 }));
    *cross_entropy_bits = log2(perplexity);
    return THERMOAI_OK;
}

int thermoai_info_cross_entropy_nats(double perplexity, double *cross_entropy_nats)
{
    THERMOAI__OUTPUTS(cross_entropy_nats);
    THERMOAI__TRY(THERMOAI__CHECK({ perplexity, THERMOAI__GE1 }));
    *cross_entropy_nats = log(perplexity);
    return THERMOAI_OK;
}

int thermoai_info_bits_from_nats(double nats, double *bits)
{
    const double ln2 = THERMOAI__LN2;

    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ nats, THERMOAI__FINITE }));
    return thermoai__finish(nats / ln2, bits);
}

int thermoai_info_nats_from_bits(double bits, double *nats)
{
    const double ln2 = THERMOAI__LN2;

    THERMOAI__OUTPUTS(nats);
    THERMOAI__TRY(THERMOAI__CHECK({ bits, THERMOAI__FINITE }));
    return thermoai__finish(bits * ln2, nats);
}

int thermoai_info_uniform_entropy_bits(double outcomes, double *bits)
{
    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ outcomes, THERMOAI__GE1 }));
    *bits = log2(outcomes);
    return THERMOAI_OK;
}
