/* SPDX-License-Identifier: MIT */
/* Serving and facility arithmetic: hand values (paper 003's datacenter estimate), bad input. */
#include "config.h"

#include <math.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

int main(void)
{
    double v = 0.0, n = 0.0, w = 0.0, h = 0.0;

    tap_ok(thermoai_serving_tokens_per_j(768.0, 700.0, &v) == THERMOAI_OK, "768 t/s at 700 W");
    tap_rel(v, 768.0 / 700.0, 1e-15, "1.0971 tokens/J");
    tap_ok(thermoai_serving_tokens_per_j(0.0, 700.0, &v) == THERMOAI_OK && v == 0.0, "no tokens");
    tap_ok(thermoai_serving_tokens_per_j(1.0, 0.0, &v) == THERMOAI_E_INVALID && isnan(v), "zero power");
    tap_ok(thermoai_serving_tokens_per_j((double)NAN, 1.0, &v) == THERMOAI_E_NONFINITE, "NaN");
    tap_ok(thermoai_serving_tokens_per_j(1.0, 1.0, NULL) == THERMOAI_E_NULL, "NULL");

    /* 50e9 tokens/day = 578703.7 t/s; / 150 = 3858.02 -> 3859 devices */
    tap_ok(thermoai_serving_devices(50e9 / 86400.0, 150.0, &v) == THERMOAI_OK && v == 3859.0,
           "578703.7 t/s at 150 t/s each: 3859 devices (3858.02 rounded up)");
    tap_ok(thermoai_serving_devices(300.0, 150.0, &v) == THERMOAI_OK && v == 2.0, "exactly 2");
    tap_ok(thermoai_serving_devices(0.0, 150.0, &v) == THERMOAI_OK && v == 0.0, "no traffic, no devices");
    tap_ok(thermoai_serving_devices(1e-300, 1e300, &v) == THERMOAI_OK && v == 1.0,
           "a vanishing rate still needs one device");
    tap_ok(thermoai_serving_devices(1e300, 1e-300, &v) == THERMOAI_E_RANGE && isnan(v), "overflow");
    tap_ok(thermoai_serving_devices(1.0, 0.0, &v) == THERMOAI_E_INVALID, "zero per-device rate");

    tap_ok(thermoai_serving_node_power_w(8.0, 700.0, 4600.0, &v) == THERMOAI_OK && v == 10200.0,
           "8 x 700 W + 4.6 kW = 10.2 kW");
    tap_ok(thermoai_serving_node_power_w(8.0, -1.0, 0.0, &v) == THERMOAI_E_INVALID, "negative power");
    tap_ok(thermoai_serving_node_power_w(1e308, 1e308, 0.0, &v) == THERMOAI_E_RANGE, "overflow");

    tap_ok(thermoai_serving_facility_power_w(2.7e6, 1.5, &v) == THERMOAI_OK, "2.7 MW at PUE 1.5");
    tap_rel(v, 4.05e6, 1e-15, "4.05 MW");
    tap_ok(thermoai_serving_facility_power_w(1.0, 0.9, &v) == THERMOAI_E_INVALID, "PUE below 1");

    tap_ok(thermoai_serving_annual_energy_j(1.0, &v) == THERMOAI_OK && v == 31536000.0, "1 W for 365 days");
    tap_ok(thermoai_serving_annual_energy_j(4e6, &v) == THERMOAI_OK && v == 4e6 * 31536000.0,
           "4 MW: 35.04 GWh");
    tap_ok(thermoai_serving_annual_energy_j(-1.0, &v) == THERMOAI_E_INVALID, "negative power");

    tap_ok(thermoai_serving_energy_cost_usd(35e9 * 3600.0, 0.05, &v) == THERMOAI_OK, "35 GWh at $0.05/kWh");
    tap_rel(v, 1.75e6, 1e-15, "$1.75M");
    tap_ok(thermoai_serving_energy_cost_usd(1.0, -0.05, &v) == THERMOAI_E_INVALID, "negative price");

    /* 20 MW / (10.2 kW x 1.5) = 1307.2 */
    tap_ok(thermoai_serving_site_nodes(20e6, 10200.0, 1.5, &v) == THERMOAI_OK && v == 1307.0,
           "a 20 MW site holds 1307 DGX H100 nodes at PUE 1.5");
    tap_ok(thermoai_serving_site_nodes(30e3, 10200.0, 1.0, &v) == THERMOAI_OK && v == 2.0, "a 30 kW rack: 2");
    tap_ok(thermoai_serving_site_nodes(20e3, 10000.0, 1.0, &v) == THERMOAI_OK && v == 2.0, "exactly 2");
    tap_ok(thermoai_serving_site_nodes(1e-300, 1e300, 1.0, &v) == THERMOAI_OK && v == 0.0, "none fits");
    tap_ok(thermoai_serving_site_nodes(1.0, 0.0, 1.0, &v) == THERMOAI_E_INVALID, "zero node power");
    tap_ok(thermoai_serving_site_nodes(1.0, 1.0, 0.5, &v) == THERMOAI_E_INVALID, "PUE below 1");

    tap_ok(thermoai_serving_node_preset("DGX-H100", &n, &w, &h) == THERMOAI_OK && n == 8.0 && w == 700.0
               && h == 4600.0,
           "dgx-h100: 8 x 700 W + 4.6 kW");
    tap_ok(thermoai_serving_node_preset("dgx-b200", &n, &w, &h) == THERMOAI_OK && n == 8.0 && w == 1000.0
               && h == 6300.0,
           "dgx-b200: 8 x 1000 W + 6.3 kW");
    tap_ok(thermoai_serving_node_preset("dgx-a100", NULL, NULL, &h) == THERMOAI_OK && h == 3300.0,
           "dgx-a100: 3.3 kW host; outputs optional");
    tap_ok(thermoai_serving_node_preset("dgx-z9", &n, &w, &h) == THERMOAI_E_NOT_FOUND && isnan(n) && isnan(w)
               && isnan(h),
           "unknown node: NaN");
    tap_ok(thermoai_serving_node_preset(NULL, &n, &w, &h) == THERMOAI_E_NULL, "NULL name");
    return tap_done();
}
