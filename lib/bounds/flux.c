/* SPDX-License-Identifier: MIT */
/* Three-phase negentropy flux and its integral (paper 001, Sec. 3.2, Eqs. 17-19). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_flux_phases) == THERMOAI__SIZE_V0_FLUX_PHASES,
                        flux_phases_size);

static void defaults(thermoai_flux_phases *p)
{
    memset(p, 0, sizeof *p);
    p->struct_size = (uint32_t)sizeof *p;
    p->alpha = 1.5;  /* middle of the paper's "alpha ~ 1-2" */
    p->beta = 0.75;  /* middle of "beta ~ 0.5-1" */
}

int thermoai_flux_phases_init(thermoai_flux_phases *phases, size_t size)
{
    thermoai_flux_phases d;
    int status = thermoai__struct_init(phases, size, THERMOAI__SIZE_V0_FLUX_PHASES);

    if (status != THERMOAI_OK)
        return status;
    defaults(&d);
    return thermoai__struct_out(phases, THERMOAI__SIZE_V0_FLUX_PHASES, &d, sizeof d);
}

size_t thermoai_flux_phases_size(void)
{
    return sizeof(thermoai_flux_phases);
}

/* The phases as used: validated, tau4 derived and the decay's origin set. */
struct model {
    double phi0, tau1, tau2, tau3, tau4, alpha, beta;
    double decay_origin; /* 0 as printed, tau1 when continuous */
};

static int load(const thermoai_flux_phases *user, struct model *m)
{
    thermoai_flux_phases p;

    if (user == NULL)
        return THERMOAI_E_NULL;
    defaults(&p);
    THERMOAI__TRY(thermoai__struct_in(user, THERMOAI__SIZE_V0_FLUX_PHASES, &p, sizeof p));
    if ((p.flags & ~THERMOAI_FLUX_CONTINUOUS) != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(THERMOAI__CHECK({ p.phi0_bits_per_s, THERMOAI__POS }, { p.tau1_s, THERMOAI__POS },
                                  { p.tau2_s, THERMOAI__POS }, { p.tau3_s, THERMOAI__POS },
                                  { p.alpha, THERMOAI__NONNEG }, { p.beta, THERMOAI__POS },
                                  { p.tau4_s, THERMOAI__FINITE }));
    if (p.tau3_s < p.tau1_s)
        return THERMOAI_E_INVALID;
    m->phi0 = p.phi0_bits_per_s;
    m->tau1 = p.tau1_s;
    m->tau2 = p.tau2_s;
    m->tau3 = p.tau3_s;
    m->alpha = p.alpha;
    m->beta = p.beta;
    if (p.flags & THERMOAI_FLUX_CONTINUOUS) {
        /* phi0 e^{-(tau3 - tau1)/tau2} = phi0 (tau3/tau4)^{-beta} */
        m->decay_origin = p.tau1_s;
        m->tau4 = p.tau3_s * exp(-(p.tau3_s - p.tau1_s) / (p.beta * p.tau2_s));
        if (!(m->tau4 > 0.0))
            return THERMOAI_E_RANGE;
    } else {
        if (!(p.tau4_s > 0.0))
            return THERMOAI_E_INVALID;
        m->decay_origin = 0.0;
        m->tau4 = p.tau4_s;
    }
    return THERMOAI_OK;
}

static double rate(const struct model *m, double t)
{
    if (t < m->tau1)
        return m->phi0 * pow(t / m->tau1, m->alpha);
    if (t <= m->tau3)
        return m->phi0 * exp(-(t - m->decay_origin) / m->tau2);
    return m->phi0 * pow(t / m->tau4, -m->beta);
}

int thermoai_flux_rate_bits_per_s(const thermoai_flux_phases *phases, double t_s,
                                  double *flux_bits_per_s)
{
    struct model m;

    THERMOAI__OUTPUTS(flux_bits_per_s);
    THERMOAI__TRY(load(phases, &m));
    THERMOAI__TRY(THERMOAI__CHECK({ t_s, THERMOAI__NONNEG }));
    /* positive for t > 0; at t = 0 the warm-up is exactly 0 (or phi0 when alpha = 0) */
    return t_s > 0.0 ? thermoai__finish_positive(rate(&m, t_s), flux_bits_per_s)
                     : thermoai__finish(rate(&m, t_s), flux_bits_per_s);
}

int thermoai_flux_total_bits(const thermoai_flux_phases *phases, double t_final_s,
                             double *total_bits)
{
    struct model m;
    double total = 0.0, a, b;

    THERMOAI__OUTPUTS(total_bits);
    THERMOAI__TRY(load(phases, &m));
    THERMOAI__TRY(THERMOAI__CHECK({ t_final_s, THERMOAI__NONNEG }));
    /* warm-up: phi0 tau1 (b/tau1)^(alpha+1) / (alpha+1) */
    b = fmin(t_final_s, m.tau1);
    total += m.phi0 * m.tau1 * pow(b / m.tau1, m.alpha + 1.0) / (m.alpha + 1.0);
    /* decay: phi0 tau2 (e^{-(a-s)/tau2} - e^{-(b-s)/tau2}), written with expm1 */
    if (t_final_s > m.tau1) {
        a = m.tau1;
        b = fmin(t_final_s, m.tau3);
        total += m.phi0 * m.tau2 * exp(-(a - m.decay_origin) / m.tau2)
                 * -expm1(-(b - a) / m.tau2);
    }
    /* tail: phi0 a (tau4/a)^beta (e^{(1-beta) ln(b/a)} - 1)/(1-beta); ln(b/a) at beta = 1 */
    if (t_final_s > m.tau3) {
        double L, g, factor;

        a = m.tau3;
        b = t_final_s;
        L = log(b / a);
        g = (1.0 - m.beta) * L;
        factor = g == 0.0 ? L : expm1(g) / (1.0 - m.beta);
        total += m.phi0 * a * pow(m.tau4 / a, m.beta) * factor;
    }
    return t_final_s > 0.0 ? thermoai__finish_positive(total, total_bits)
                           : thermoai__finish(total, total_bits);
}
