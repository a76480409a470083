/* SPDX-License-Identifier: MIT */
/* Serving and facility arithmetic (paper 003's datacenter estimate). */
#include "config.h"

#include <ctype.h>
#include <math.h>

#include "common/internal.h"

/* seconds in a 365-day year */
#define S_PER_YEAR (8760.0 * 3600.0)
#define J_PER_KWH 3.6e6

int thermoai_serving_tokens_per_j(double tokens_per_s, double power_w, double *tokens_per_j)
{
    THERMOAI__OUTPUTS(tokens_per_j);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens_per_s, THERMOAI__NONNEG }, { power_w, THERMOAI__POS }));
    {
        const double num[1] = { tokens_per_s }, den[1] = { power_w };
        double v;

        THERMOAI__TRY(thermoai__scaled_ratio(num, 1, den, 1, &v));
        return thermoai__finish(v, tokens_per_j);
    }
}

int thermoai_serving_devices(double tokens_per_s, double device_tokens_per_s, double *devices)
{
    THERMOAI__OUTPUTS(devices);
    THERMOAI__TRY(THERMOAI__CHECK({ tokens_per_s, THERMOAI__NONNEG },
                                  { device_tokens_per_s, THERMOAI__POS }));
    {
        const double num[1] = { tokens_per_s }, den[1] = { device_tokens_per_s };
        double v;

        if (thermoai__scaled_ratio(num, 1, den, 1, &v) != THERMOAI_OK) {
            /* a ratio below DBL_MIN still needs one device; above DBL_MAX overflows */
            if (tokens_per_s > 0.0 && tokens_per_s < device_tokens_per_s)
                return thermoai__finish(1.0, devices);
            return THERMOAI_E_RANGE;
        }
        return thermoai__finish(ceil(v), devices);
    }
}

int thermoai_serving_node_power_w(double devices, double device_power_w, double host_power_w,
                                  double *node_power_w)
{
    THERMOAI__OUTPUTS(node_power_w);
    THERMOAI__TRY(THERMOAI__CHECK({ devices, THERMOAI__NONNEG }, { device_power_w, THERMOAI__NONNEG },
                                  { host_power_w, THERMOAI__NONNEG }));
    {
        const double v = fma(devices, device_power_w, host_power_w);

        /* an exact result that is not 0 must not underflow to 0 */
        if ((devices > 0.0 && device_power_w > 0.0) || host_power_w > 0.0)
            return thermoai__finish_positive(v, node_power_w);
        return thermoai__finish(v, node_power_w);
    }
}

int thermoai_serving_facility_power_w(double it_power_w, double pue, double *facility_power_w)
{
    THERMOAI__OUTPUTS(facility_power_w);
    THERMOAI__TRY(THERMOAI__CHECK({ it_power_w, THERMOAI__NONNEG }, { pue, THERMOAI__GE1 }));
    return thermoai__finish(it_power_w * pue, facility_power_w);
}

int thermoai_serving_annual_energy_j(double power_w, double *energy_j)
{
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ power_w, THERMOAI__NONNEG }));
    return thermoai__finish(power_w * S_PER_YEAR, energy_j);
}

int thermoai_serving_energy_cost_usd(double energy_j, double usd_per_kwh, double *cost_usd)
{
    THERMOAI__OUTPUTS(cost_usd);
    THERMOAI__TRY(THERMOAI__CHECK({ energy_j, THERMOAI__NONNEG }, { usd_per_kwh, THERMOAI__NONNEG }));
    {
        const double num[2] = { energy_j, usd_per_kwh }, den[1] = { J_PER_KWH };
        double v;

        THERMOAI__TRY(thermoai__scaled_ratio(num, 2, den, 1, &v));
        return thermoai__finish(v, cost_usd);
    }
}

int thermoai_serving_site_nodes(double site_power_w, double node_power_w, double pue, double *nodes)
{
    THERMOAI__OUTPUTS(nodes);
    THERMOAI__TRY(THERMOAI__CHECK({ site_power_w, THERMOAI__NONNEG }, { node_power_w, THERMOAI__POS },
                                  { pue, THERMOAI__GE1 }));
    {
        const double num[1] = { site_power_w }, den[2] = { node_power_w, pue };
        double v;

        if (thermoai__scaled_ratio(num, 1, den, 2, &v) != THERMOAI_OK) {
            if (site_power_w / node_power_w < pue)
                return thermoai__finish(0.0, nodes); /* below DBL_MIN: no node fits */
            return THERMOAI_E_RANGE;
        }
        return thermoai__finish(floor(v), nodes);
    }
}

struct node {
    const char *name;
    double devices, device_w, system_w;
};

/* NVIDIA DGX datasheets, system maximum power (secondary copies; none stored). */
static const struct node nodes[] = {
    { "dgx-a100", 8.0, 400.0, 6500.0 },
    { "dgx-h100", 8.0, 700.0, 10200.0 },
    { "dgx-b200", 8.0, 1000.0, 14300.0 },
};

static int same_name(const char *a, const char *b)
{
    for (; *a != '\0' && *b != '\0'; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

int thermoai_serving_node_preset(const char *name, double *devices, double *device_power_w,
                                 double *host_power_w)
{
    size_t i;

    thermoai__set_nan(devices);
    thermoai__set_nan(device_power_w);
    thermoai__set_nan(host_power_w);
    if (name == NULL)
        return THERMOAI_E_NULL;
    for (i = 0; i < sizeof nodes / sizeof nodes[0]; i++)
        if (same_name(name, nodes[i].name)) {
            if (devices != NULL)
                *devices = nodes[i].devices;
            if (device_power_w != NULL)
                *device_power_w = nodes[i].device_w;
            if (host_power_w != NULL)
                *host_power_w = nodes[i].system_w - nodes[i].devices * nodes[i].device_w;
            return THERMOAI_OK;
        }
    return THERMOAI_E_NOT_FOUND;
}
