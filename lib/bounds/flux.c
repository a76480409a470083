/* SPDX-License-Identifier: MIT */
/* Three-phase negentropy flux and its integral (paper 001, Sec. 3.2, Eqs. 17-19). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "common/xnum.h"

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

/* The phases as used: validated, the decay's origin set. */
struct model {
    double phi0, tau1, tau2, tau3, tau4, alpha, beta;
    double decay_origin; /* 0 as printed, tau1 when continuous */
    int continuous;
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
    m->continuous = (p.flags & THERMOAI_FLUX_CONTINUOUS) != 0;
    if (m->continuous) {
        /* tau4 = tau3 e^{-(tau3 - tau1)/(beta tau2)} is never formed: it
         * underflows for ordinary parameters (tau3 - tau1 = 5878 beta tau2), while
         * the tail it defines, phi0 e^{-(tau3 - tau1)/tau2} (t/tau3)^-beta, does not */
        m->decay_origin = p.tau1_s;
        m->tau4 = 0.0;
    } else {
        if (!(p.tau4_s > 0.0))
            return THERMOAI_E_INVALID;
        m->decay_origin = 0.0;
        m->tau4 = p.tau4_s;
    }
    return THERMOAI_OK;
}

/* (tau4 / tau3)^beta, the tail's value at tau3 relative to phi0 (extended range). */
static thermoai__xn tail_scale(const struct model *m)
{
    if (m->continuous)
        return thermoai__xn_exp(-(m->tau3 - m->tau1) / m->tau2);
    return thermoai__xn_pow_ratio(m->tau4, m->tau3, m->beta);
}

/* The flux at t >= 0 in extended range: no power or exponential under- or
 * overflows before the product with phi0. */
static thermoai__xn rate(const struct model *m, double t)
{
    const thermoai__xn phi0 = thermoai__xn_from(m->phi0);

    if (t < m->tau1) {
        if (t == 0.0) /* (0/tau1)^alpha: 1 for alpha = 0, else 0 */
            return m->alpha == 0.0 ? phi0 : thermoai__xn_from(0.0);
        return thermoai__xn_mul(phi0, thermoai__xn_pow_ratio(t, m->tau1, m->alpha));
    }
    if (t <= m->tau3)
        return thermoai__xn_mul(phi0, thermoai__xn_exp(-(t - m->decay_origin) / m->tau2));
    if (m->continuous)
        return thermoai__xn_mul(thermoai__xn_mul(phi0, tail_scale(m)),
                                thermoai__xn_pow_ratio(t, m->tau3, -m->beta));
    return thermoai__xn_mul(phi0, thermoai__xn_pow_ratio(t, m->tau4, -m->beta));
}

int thermoai_flux_rate_bits_per_s(const thermoai_flux_phases *phases, double t_s,
                                  double *flux_bits_per_s)
{
    struct model m;

    THERMOAI__OUTPUTS(flux_bits_per_s);
    THERMOAI__TRY(load(phases, &m));
    THERMOAI__TRY(THERMOAI__CHECK({ t_s, THERMOAI__NONNEG }));
    /* positive for t > 0; at t = 0 the warm-up is exactly 0 (or phi0 when alpha = 0) */
    return t_s > 0.0 ? thermoai__xn_finish_positive(rate(&m, t_s), flux_bits_per_s)
                     : thermoai__xn_finish(rate(&m, t_s), flux_bits_per_s);
}

int thermoai_flux_phase_bounds_s(const thermoai_flux_phases *phases, double *warmup_end_s,
                                 double *tail_start_s)
{
    struct model m;

    THERMOAI__OUTPUTS(warmup_end_s, tail_start_s);
    THERMOAI__TRY(load(phases, &m));
    return thermoai__store((double *const[]){ warmup_end_s, tail_start_s },
                           (const double[]){ m.tau1, m.tau3 }, 2);
}

/* (e^g - 1) / (1 - beta) for g = (1 - beta) L, in extended range: e^g may
 * overflow where the tail's integral does not. */
static thermoai__xn tail_factor(double beta, double L)
{
    const double g = (1.0 - beta) * L;

    if (g == 0.0)
        return thermoai__xn_from(L); /* beta = 1: the logarithm */
    if (g > 700.0) /* e^g - 1 = e^g to far below one ulp */
        return thermoai__xn_div(thermoai__xn_exp(g), thermoai__xn_from(1.0 - beta));
    return thermoai__xn_from(expm1(g) / (1.0 - beta));
}

int thermoai_flux_total_bits(const thermoai_flux_phases *phases, double t_final_s,
                             double *total_bits)
{
    struct model m;
    thermoai__xn total = thermoai__xn_from(0.0), phi0;
    double a, b;

    THERMOAI__OUTPUTS(total_bits);
    THERMOAI__TRY(load(phases, &m));
    THERMOAI__TRY(THERMOAI__CHECK({ t_final_s, THERMOAI__NONNEG }));
    phi0 = thermoai__xn_from(m.phi0);
    /* warm-up: phi0 tau1 (b/tau1)^(alpha+1) / (alpha+1), the power as (b/tau1) (b/tau1)^alpha:
     * pow(q, fl(alpha + 1)) would carry the rounding of alpha + 1 times |ln q| */
    b = fmin(t_final_s, m.tau1);
    if (b > 0.0)
        total = thermoai__xn_div(
            thermoai__xn_mul(thermoai__xn_mul(phi0, thermoai__xn_from(b)),
                             thermoai__xn_pow_ratio(b, m.tau1, m.alpha)),
            thermoai__xn_from(m.alpha + 1.0));
    /* decay: phi0 tau2 e^{-(a-s)/tau2} (1 - e^{-(b-a)/tau2}), the bracket by expm1 */
    if (t_final_s > m.tau1) {
        const double x = (fmin(t_final_s, m.tau3) - m.tau1) / m.tau2;
        thermoai__xn part;

        a = m.tau1;
        b = fmin(t_final_s, m.tau3);
        /* for x below 1e-200 the bracket is x itself, kept in extended range */
        part = x < 1e-200 ? thermoai__xn_div(thermoai__xn_from(b - a), thermoai__xn_from(m.tau2))
                          : thermoai__xn_from(-expm1(-x));
        part = thermoai__xn_mul(thermoai__xn_mul(thermoai__xn_mul(phi0, thermoai__xn_from(m.tau2)),
                                                 thermoai__xn_exp(-(a - m.decay_origin) / m.tau2)),
                                part);
        total = thermoai__xn_add(total, part);
    }
    /* tail: phi0 a (tau4/a)^beta (e^{(1-beta) ln(b/a)} - 1)/(1-beta); ln(b/a) at beta = 1.
     * ln(b/a) is log1p((b - a)/a) just past tau3 (log(b/a) loses digits there) */
    if (t_final_s > m.tau3) {
        a = m.tau3;
        b = t_final_s;
        total = thermoai__xn_add(
            total, thermoai__xn_mul(thermoai__xn_mul(thermoai__xn_mul(phi0, thermoai__xn_from(a)),
                                                     tail_scale(&m)),
                                    tail_factor(m.beta, thermoai__log_ratio(b, a))));
    }
    return t_final_s > 0.0 ? thermoai__xn_finish_positive(total, total_bits)
                           : thermoai__xn_finish(total, total_bits);
}
