/* SPDX-License-Identifier: MIT */
/*
 * Scaling laws (paper 001 Eq. 20, App. A Eqs. 39-40): limits (N -> N_inf as
 * resources grow), monotonicity, the loss <-> negentropy conversion, bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

int main(void)
{
    thermoai_scaling_negentropy_law n, n2;
    thermoai_scaling_loss_law l;
    double a, b, c, prev;
    int monotone = 1;
    double x;

    tap_ok(thermoai_scaling_negentropy_law_size() == sizeof n && thermoai_scaling_loss_law_size() == sizeof l,
           "size accessors");
    tap_ok(thermoai_scaling_negentropy_law_init(&n, sizeof n) == THERMOAI_OK && n.n_inf_bits == 7.5
               && n.alpha_n == 0.076 && n.alpha_d == 0.095 && n.alpha_c == 0.057 && n.n_c == 0.0,
           "negentropy law defaults: N_inf 7.5, exponents 0.076/0.095/0.057, no terms");
    tap_ok(thermoai_scaling_loss_law_init(&l, sizeof l) == THERMOAI_OK && l.l_inf_bits == 0.0 && l.a == 0.0,
           "loss law defaults: no terms");
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 0, &x) == THERMOAI_OK && x == 7.5,
           "a law without terms is N_inf, whatever the (absent) resources");

    n.c_c = 1e30;
    for (c = 1e18, prev = -(double)INFINITY; c <= 1e40; c *= 10) {
        if (thermoai_scaling_negentropy_bits(&n, 0, 0, c, &x) != THERMOAI_OK || !(x > prev))
            monotone = 0;
        prev = x;
    }
    tap_ok(monotone, "negentropy increases with compute");
    /* (1e30 / 1e200)^0.057 = 10^-9.69: close to, and below, N_inf */
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1e200, &x) == THERMOAI_OK && 7.5 - x < 3e-10 && x < 7.5,
           "and tends to N_inf from below as compute grows");
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1e30, &x) == THERMOAI_OK && x == 6.5,
           "at C = C_c the compute term is exactly 1 bit");

    /* a loss law and its negentropy form agree: N = H_data - L */
    l.l_inf_bits = 1.69;
    l.a = 406.4;
    l.b = 410.7;
    l.alpha_n = 0.34;
    l.alpha_d = 0.28;
    tap_ok(thermoai_scaling_negentropy_law_init(&n2, sizeof n2) == THERMOAI_OK
               && thermoai_scaling_negentropy_from_loss(&l, 10.0, &n2) == THERMOAI_OK
               && fabs(n2.n_inf_bits - 8.31) <= 4 * DBL_EPSILON * 8.31 && n2.c_c == 0.0
               && n2.alpha_n == 0.34 && n2.alpha_d == 0.28,
           "from_loss: N_inf = H_data - L_inf, exponents copied, absent term stays absent");
    tap_ok(fabs(pow(n2.n_c, 0.34) - 406.4) <= 1e-12 * 406.4 && fabs(pow(n2.d_c, 0.28) - 410.7) <= 1e-12 * 410.7,
           "from_loss: N_c^alpha_N = a, D_c^alpha_D = b");
    tap_ok(thermoai_scaling_loss_bits(&l, 7e10, 1.4e12, 0, &a) == THERMOAI_OK
               && thermoai_scaling_negentropy_bits(&n2, 7e10, 1.4e12, 0, &b) == THERMOAI_OK
               && fabs((10.0 - a) - b) <= 1e-13,
           "L(N, D) + N(N, D) = H_data (Eq. 40)");
    tap_ok(thermoai_scaling_loss_bits(&l, 1e300, 1e300, 0, &a) == THERMOAI_OK && fabs(a - 1.69) < 1e-60,
           "the loss tends to L_inf");
    tap_ok(thermoai_scaling_loss_bits(&l, 7e10, 1.4e12, 0, &a) == THERMOAI_OK
               && thermoai_scaling_loss_bits(&l, 1.4e11, 1.4e12, 0, &b) == THERMOAI_OK && b < a,
           "the loss falls with more parameters");

    x = 1;
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 0, &x) == THERMOAI_E_INVALID && isnan(x),
           "a present term with zero resource -> E_INVALID, NaN");
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, -1, &x) == THERMOAI_E_INVALID, "negative resource");
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, (double)NAN, &x) == THERMOAI_E_NONFINITE, "NaN resource");
    /* (1e30 / 1e-300)^0.057 = 10^18.81: the quotient overflows, the term does not */
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1e-300, &x) == THERMOAI_OK
               && fabs(x - (7.5 - pow(10.0, 330 * 0.057))) <= 1e-12 * fabs(x),
           "a quotient C_c / C that overflows while its power does not: no range error");
    n.alpha_c = 4.0;
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1e-300, &x) == THERMOAI_E_RANGE && isnan(x),
           "a term that overflows itself, (1e330)^4 -> E_RANGE, NaN");
    n.alpha_c = 0.057;
    n.c_c = -1;
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1, &x) == THERMOAI_E_INVALID, "negative scale");
    n.c_c = 1e30;
    n.alpha_c = -0.1;
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1, &x) == THERMOAI_E_INVALID, "negative exponent");
    n.alpha_c = 0.057;
    n.reserved = 1;
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1, &x) == THERMOAI_E_UNSUPPORTED, "reserved non-zero");
    n.reserved = 0;
    n.struct_size = 12;
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1, &x) == THERMOAI_E_SIZE, "struct_size 12");
    n.struct_size = (uint32_t)sizeof n;
    tap_ok(thermoai_scaling_negentropy_bits(NULL, 0, 0, 1, &x) == THERMOAI_E_NULL, "NULL law");
    tap_ok(thermoai_scaling_negentropy_bits(&n, 0, 0, 1, NULL) == THERMOAI_E_NULL, "NULL output");
    l.l_inf_bits = -1;
    tap_ok(thermoai_scaling_loss_bits(&l, 1, 1, 0, &x) == THERMOAI_E_INVALID, "negative L_inf");
    l.l_inf_bits = 1.69;
    l.alpha_n = 0.0;
    tap_ok(thermoai_scaling_negentropy_from_loss(&l, 10.0, &n2) == THERMOAI_E_INVALID,
           "from_loss: zero exponent for a present term");
    l.alpha_n = 0.34;
    tap_ok(thermoai_scaling_negentropy_from_loss(&l, -1.0, &n2) == THERMOAI_E_INVALID, "from_loss: negative H_data");
    n2.struct_size = 4;
    tap_ok(thermoai_scaling_negentropy_from_loss(&l, 10.0, &n2) == THERMOAI_E_SIZE, "from_loss: output too small");
    tap_ok(thermoai_scaling_negentropy_from_loss(NULL, 10.0, &n2) == THERMOAI_E_NULL, "from_loss: NULL");
    /* issue 19 item 6: on error the output law is NaN, not the caller's old values */
    tap_ok(thermoai_scaling_negentropy_law_init(&n2, sizeof n2) == THERMOAI_OK, "law for the error paths");
    n2.n_c = 12345.0;
    l.a = -1.0;
    tap_ok(thermoai_scaling_negentropy_from_loss(&l, 10.0, &n2) == THERMOAI_E_INVALID && isnan(n2.n_inf_bits)
               && isnan(n2.n_c) && isnan(n2.d_c) && isnan(n2.c_c) && isnan(n2.alpha_n)
               && isnan(n2.alpha_d) && isnan(n2.alpha_c) && n2.struct_size == sizeof n2,
           "from_loss error: every double of the output law NaN, struct_size kept");
    l.a = 406.4;
    tap_ok(thermoai_scaling_negentropy_from_loss(NULL, 10.0, &n2) == THERMOAI_E_NULL && isnan(n2.n_inf_bits),
           "from_loss NULL loss: the output law NaN");
    l.b = 1e300;
    l.alpha_d = 0.01;
    n2.n_c = 1.0;
    tap_ok(thermoai_scaling_negentropy_from_loss(&l, 10.0, &n2) == THERMOAI_E_RANGE && isnan(n2.n_c)
               && isnan(n2.d_c),
           "from_loss: a scale (1e300)^100 that overflows -> E_RANGE, the law NaN");
    l.b = 410.7;
    l.alpha_d = 0.28;
    memset(&l, 0, sizeof l);
    tap_ok(thermoai_scaling_loss_bits(&l, 1, 1, 1, &x) == THERMOAI_E_SIZE, "zeroed loss law (no struct_size)");
    {
        /* issue 19 item 4: n_c = 1e300, alpha = 0.01, N = 1e-300 gave E_RANGE; the
         * truth (mpmath) is 7.5 - (1e300 / 1e-300)^0.01 = -999992.500000000287867... */
        thermoai_scaling_negentropy_law w;

        tap_ok(thermoai_scaling_negentropy_law_init(&w, sizeof w) == THERMOAI_OK, "law for the ratio case");
        w.n_c = 1e300;
        w.alpha_n = 0.01;
        tap_ok(thermoai_scaling_negentropy_bits(&w, 1e-300, 0, 0, &x) == THERMOAI_OK
                   && tap_ulp_distance(x, -999992.500000000287867542654273) <= 2,
               "issue 19: N_c / N = 1e600 overflows, (N_c / N)^0.01 = 1e6 does not: %.17g", x);
    }
    {
        /* a X^-alpha: X^-alpha = (1e-300)^-2 overflows, a = 1e-300 brings it back */
        thermoai_scaling_loss_law w;

        tap_ok(thermoai_scaling_loss_law_init(&w, sizeof w) == THERMOAI_OK, "loss law for the power case");
        w.a = 1e-300;
        w.alpha_n = 2.0;
        tap_ok(thermoai_scaling_loss_bits(&w, 1e-200, 0, 0, &x) == THERMOAI_OK && fabs(x - 1e100) <= 1e-14 * 1e100,
               "loss: a X^-alpha = 1e-300 (1e-200)^-2 = 1e100 without the overflow of X^-alpha");
    }
    {
        /* X_c = coefficient^(1/alpha) to a few ulps: pow(406.4, fl(1/0.076)) is 19 ulp off */
        thermoai_scaling_loss_law w;
        thermoai_scaling_negentropy_law v;

        tap_ok(thermoai_scaling_loss_law_init(&w, sizeof w) == THERMOAI_OK
                   && thermoai_scaling_negentropy_law_init(&v, sizeof v) == THERMOAI_OK, "laws for the root");
        w.a = 406.4;
        w.alpha_n = 0.076;
        /* 406.4^(1/0.076) = 2.12979669304313702262934e34 (mpmath, at the exact doubles) */
        tap_ok(thermoai_scaling_negentropy_from_loss(&w, 10.0, &v) == THERMOAI_OK
                   && tap_ulp_distance(v.n_c, 2.12979669304313702262934e34) <= 2,
               "from_loss: N_c = a^(1/alpha_N) within 2 ulp: %.17g", v.n_c);
    }
    return tap_done();
}
