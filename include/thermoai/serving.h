/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/serving.h
 * \brief Serving and facility arithmetic: tokens per second per watt, devices for a
 *        token rate, node and facility power, annual energy and electricity cost, and
 *        how many nodes a rack or a site holds (paper 003's datacenter estimate).
 *
 * Plain arithmetic on the caller's figures; the per-device throughput and power come
 * from the roofline model (cost.h) or a measurement. A year is 365 days (8760 h), as
 * paper 003 counts it.
 */
#ifndef THERMOAI_SERVING_H
#define THERMOAI_SERVING_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/serving.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <stdint.h>
#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Energy efficiency of serving: \f$\eta = T / P\f$ (equal to tokens per joule).
 * \param[in]  tokens_per_s  The value \f$T\f$. Unit: tokens/s. Finite, >= 0.
 * \param[in]  power_w       The value \f$P\f$. Unit: W. Finite, > 0.
 * \param[out] tokens_per_j  The value \f$\eta\f$. Unit: tokens/J (= tokens/s/W). NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p tokens_per_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input out of its domain
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 003, dict tokens_per_watt.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_serving_tokens_per_j(double tokens_per_s, double power_w, double *tokens_per_j);

/**
 * \brief Devices needed for a token rate: \f$n = \lceil R / T_{dev} \rceil\f$.
 * \param[in]  tokens_per_s         The value \f$R\f$, the service's rate. Unit: tokens/s. Finite, >= 0.
 * \param[in]  device_tokens_per_s  The value \f$T_{dev}\f$, one device's rate. Unit: tokens/s. Finite, > 0.
 * \param[out] devices              The value \f$n\f$ (an integer value). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p devices is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input out of its domain
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 003, dict datacenter_power ("gpus_needed").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_serving_devices(double tokens_per_s, double device_tokens_per_s, double *devices);

/**
 * \brief Power of a node: \f$P_{node} = n P_{dev} + P_{host}\f$ (CPUs, switches, NICs, fans).
 * \param[in]  devices         The value \f$n\f$ per node. [dimensionless]. Finite, >= 0.
 * \param[in]  device_power_w  The value \f$P_{dev}\f$. Unit: W. Finite, >= 0.
 * \param[in]  host_power_w    The value \f$P_{host}\f$. Unit: W. Finite, >= 0.
 * \param[out] node_power_w    The value \f$P_{node}\f$. Unit: W. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p node_power_w is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input < 0
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 003, dict datacenter_constraints.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_serving_node_power_w(double devices, double device_power_w, double host_power_w,
                                  double *node_power_w);

/**
 * \brief Facility power: \f$P_{fac} = \mathrm{PUE}\cdot P_{IT}\f$.
 * \param[in]  it_power_w        The value \f$P_{IT}\f$. Unit: W. Finite, >= 0.
 * \param[in]  pue               Power usage effectiveness. [dimensionless]. Finite, >= 1.
 * \param[out] facility_power_w  The value \f$P_{fac}\f$. Unit: W. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p facility_power_w is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p it_power_w < 0 or \p pue < 1
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   The Green Grid's PUE (total facility power over IT power); paper 003 ("* 1.5 (PUE)").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_serving_facility_power_w(double it_power_w, double pue, double *facility_power_w);

/**
 * \brief Energy of a constant power over a 365-day year: \f$E = P \cdot 8760 \cdot 3600\f$ s.
 * \param[in]  power_w   The value \f$P\f$. Unit: W. Finite, >= 0.
 * \param[out] energy_j  The value \f$E\f$. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  \p power_w is NaN or infinite
 * \retval THERMOAI_E_INVALID    \p power_w < 0
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 003 ("4.0 MW * 8760h").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_serving_annual_energy_j(double power_w, double *energy_j);

/**
 * \brief Electricity cost: \f$C = (E / 3.6\times 10^6\,\mathrm{J/kWh})\cdot c\f$.
 * \param[in]  energy_j     The value \f$E\f$. Unit: J. Finite, >= 0.
 * \param[in]  usd_per_kwh  The value \f$c\f$. Unit: USD/kWh. Finite, >= 0.
 * \param[out] cost_usd     The value \f$C\f$. Unit: USD. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p cost_usd is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input < 0
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 003, dict datacenter_power ("35 GWh * $0.05/kWh").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_serving_energy_cost_usd(double energy_j, double usd_per_kwh, double *cost_usd);

/**
 * \brief Nodes a power budget holds: \f$n = \lfloor P_{site} / (\mathrm{PUE}\cdot P_{node}) \rfloor\f$
 *        (a rack: PUE 1).
 * \param[in]  site_power_w  The value \f$P_{site}\f$, the supply. Unit: W. Finite, >= 0.
 * \param[in]  node_power_w  The value \f$P_{node}\f$. Unit: W. Finite, > 0.
 * \param[in]  pue           Power usage effectiveness. [dimensionless]. Finite, >= 1.
 * \param[out] nodes         The value \f$n\f$ (an integer value). [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p nodes is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input out of its domain
 * \retval THERMOAI_E_RANGE      the result overflows
 * \par Source
 *   Paper 003, dict datacenter_constraints ("20-30 kW per rack", "20MW class").
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_serving_site_nodes(double site_power_w, double node_power_w, double pue,
                                double *nodes);

/**
 * \brief A named node: devices per node, board power per device and the host's share.
 *
 * - \c dgx-h100: 8 x 700 W; system maximum 10.2 kW (NVIDIA DGX H100 datasheet), so
 *   4.6 kW for CPUs, NVSwitches, NICs, fans and power conversion.
 * - \c dgx-b200: 8 x 1000 W; system maximum 14.3 kW (NVIDIA DGX B200 datasheet), so 6.3 kW.
 * - \c dgx-a100: 8 x 400 W; system maximum 6.5 kW (NVIDIA DGX A100 datasheet), so 3.3 kW.
 *
 * The datasheets were read in secondary copies (none is stored with the project).
 * \param[in]  name            The node, case-insensitive.
 * \param[out] devices         Devices per node. [dimensionless]. May be NULL.
 * \param[out] device_power_w  Board power per device. Unit: W. May be NULL.
 * \param[out] host_power_w    The rest of the system maximum. Unit: W. May be NULL.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p name is NULL
 * \retval THERMOAI_E_NOT_FOUND  no node of that name (outputs NaN)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_serving_node_preset(const char *name, double *devices, double *device_power_w,
                                 double *host_power_w);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SERVING_H */
