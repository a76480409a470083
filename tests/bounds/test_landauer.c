/* SPDX-License-Identifier: MIT */
/*
 * Landauer core: reference values (tests/ref/landauer.csv, from mpmath),
 * properties (linearity, monotonicity, inverses) and bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

/* Documented accuracy (landauer.h): products of a rounded constant and two
 * inputs carry at most 3 roundings of 2^-53 relative each. */
#define MAX_ULPS_PER_BIT 2.0
#define MAX_ULPS_PRODUCT 3.0

static int call(const char *fn, double a, double t, double *out)
{
    if (strcmp(fn, "energy_per_bit_j") == 0)
        return thermoai_landauer_energy_per_bit_j(t, out);
    if (strcmp(fn, "energy_j") == 0)
        return thermoai_landauer_energy_j(a, t, out);
    if (strcmp(fn, "bits_per_j") == 0)
        return thermoai_landauer_bits_per_j(t, out);
    if (strcmp(fn, "ratio") == 0)
        return thermoai_landauer_ratio(a, t, out);
    return -1;
}

static void reference_values(void)
{
    char line[512];
    FILE *f = ref_open("landauer.csv");
    int rows = 0, bad = 0;
    double worst[2] = { 0.0, 0.0 };

    if (!tap_ok(f != NULL, "open tests/ref/landauer.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char fn[32], status_s[16], expected_s[64];
        double a, t, expected, got = 0.0;
        int status, want_ok, is_per_bit;

        if (line[0] == '#' || strncmp(line, "function,", 9) == 0)
            continue;
        if (sscanf(line, "%31[^,],%lf,%lf,%15[^,],%63s", fn, &a, &t, status_s, expected_s)
            != 5) {
            tap_ok(0, "parse reference row '%s'", line);
            continue;
        }
        expected = strtod(expected_s, NULL); /* correctly rounded by glibc */
        want_ok = strcmp(status_s, "OK") == 0;
        status = call(fn, a, t, &got);
        is_per_bit = strcmp(fn, "energy_per_bit_j") == 0;
        rows++;
        if (want_ok) {
            double d = tap_ulp_distance(got, expected);
            double limit = is_per_bit ? MAX_ULPS_PER_BIT : MAX_ULPS_PRODUCT;

            if (status != THERMOAI_OK || !(d <= limit)) {
                bad++;
                tap_diag("%s(%.17g, %.17g): status %s, got %.17g want %.17g (%.0f ulp)", fn,
                         a, t, thermoai_status_name(status), got, expected, d);
            }
            if (d > worst[is_per_bit])
                worst[is_per_bit] = d;
        } else if (status != THERMOAI_E_RANGE || !isnan(got)) {
            bad++;
            tap_diag("%s(%.17g, %.17g): status %s, got %.17g, want THERMOAI_E_RANGE and NaN",
                     fn, a, t, thermoai_status_name(status), got);
        }
    }
    fclose(f);
    tap_ok(rows > 300, "read %d reference rows", rows);
    tap_ok(bad == 0, "every reference row within its ulp bound or out of range as derived"
                     " (%d bad)", bad);
    tap_diag("largest error: %.0f ulp per bit, %.0f ulp for products and quotients",
             worst[1], worst[0]);
}

static void documented_values(void)
{
    double e = 0.0;

    /* The CLI acceptance value; 10 significant digits from mpmath: 2.870978885078723794...e-21. */
    tap_ok(thermoai_landauer_energy_per_bit_j(300.0, &e) == THERMOAI_OK,
           "per-bit energy at 300 K: status OK");
    tap_rel(e, 2.870978885e-21, 5e-11, "per-bit energy at 300 K is 2.870978885e-21 J");
    /* At T = 1 K the product is the constant itself: exact. */
    tap_ok(thermoai_landauer_energy_per_bit_j(1.0, &e) == THERMOAI_OK && e == 9.5699296169290793e-24,
           "k_B ln 2 at 1 K is the correctly rounded constant 9.5699296169290793e-24 J");
    tap_ok(thermoai_landauer_energy_j(0.0, 300.0, &e) == THERMOAI_OK && e == 0.0,
           "erasing 0 bits costs exactly 0 J");
    tap_ok(thermoai_landauer_ratio(0.0, 300.0, &e) == THERMOAI_OK && e == 0.0,
           "zero energy per bit is 0 times the limit");
    tap_ok(thermoai_constants_boltzmann_j_per_k() == THERMOAI_CONSTANTS_BOLTZMANN_J_PER_K
               && THERMOAI_CONSTANTS_BOLTZMANN_J_PER_K == 1.380649e-23,
           "k_B accessor equals the exact SI value 1.380649e-23 J/K");
}

static void properties(void)
{
    static const double temps[] = { 1e-3, 1.0, 77.0, 300.0, 350.0, 1e6 };
    static const double bits[] = { 1e-6, 1.0, 3.0, 1e12, 1e250 };
    size_t i, j;
    int linear2 = 1, linear3 = 1, monotone = 1, inverse = 1, ratio_one = 1, per_bit = 1;

    for (i = 0; i < sizeof temps / sizeof temps[0]; i++) {
        double t = temps[i], e1, e2, n, r, pb;

        if (thermoai_landauer_energy_per_bit_j(t, &pb) != THERMOAI_OK
            || thermoai_landauer_bits_per_j(t, &n) != THERMOAI_OK
            || thermoai_landauer_ratio(pb, t, &r) != THERMOAI_OK) {
            inverse = 0;
            continue;
        }
        /* (k T ln2) * 1/(k T ln2) = 1 and E_bit / limit = 1 */
        if (fabs(pb * n - 1.0) > 4 * DBL_EPSILON)
            inverse = 0;
        if (fabs(r - 1.0) > 4 * DBL_EPSILON)
            ratio_one = 0;
        for (j = 0; j < sizeof bits / sizeof bits[0]; j++) {
            double b = bits[j];

            if (thermoai_landauer_energy_j(b, t, &e1) != THERMOAI_OK) {
                linear2 = 0;
                continue;
            }
            /* doubling is exact in binary: E(2B) = 2E(B), E(2T) = 2E(T) exactly */
            if (thermoai_landauer_energy_j(2 * b, t, &e2) != THERMOAI_OK || e2 != 2 * e1)
                linear2 = 0;
            if (thermoai_landauer_energy_j(b, 2 * t, &e2) != THERMOAI_OK || e2 != 2 * e1)
                linear2 = 0;
            /* a factor 3 is inexact: agree within the accuracy bound of both sides */
            if (thermoai_landauer_energy_j(3 * b, t, &e2) != THERMOAI_OK
                || fabs(e2 - 3 * e1) > 8 * DBL_EPSILON * e2)
                linear3 = 0;
            if (thermoai_landauer_energy_j(b * 1.0000001, t, &e2) != THERMOAI_OK || !(e2 > e1))
                monotone = 0;
            if (thermoai_landauer_energy_j(b, t * 1.0000001, &e2) != THERMOAI_OK || !(e2 > e1))
                monotone = 0;
            /* E(B, T) = B * E_bit(T) within the accuracy bounds */
            if (fabs(e1 - b * pb) > 6 * DBL_EPSILON * e1)
                per_bit = 0;
        }
    }
    tap_ok(linear2, "E(2B, T) = E(B, 2T) = 2 E(B, T) exactly");
    tap_ok(linear3, "E(3B, T) = 3 E(B, T) within the accuracy bound");
    tap_ok(monotone, "E strictly increasing in bits and in temperature");
    tap_ok(per_bit, "E(B, T) = B * energy_per_bit(T)");
    tap_ok(inverse, "bits_per_j(T) * energy_per_bit(T) = 1");
    tap_ok(ratio_one, "ratio(energy_per_bit(T), T) = 1");
}

/* Intermediate products that a naive k*T*B would lose are handled by scaling. */
static void scaling(void)
{
    double e = 0.0;

    /* 1e300 bits at 1e10 K: 9.57e286 J, though 1e300 * 1e10 overflows */
    tap_ok(thermoai_landauer_energy_j(1e300, 1e10, &e) == THERMOAI_OK,
           "1e300 bits at 1e10 K is representable");
    tap_rel(e, 9.5699296169290793e286, 4 * DBL_EPSILON, "  and equals 9.5699e286 J");
    /* 1e300 bits at 1e-300 K: 9.57e-24 J, though k ln2 * 1e-300 is subnormal */
    tap_ok(thermoai_landauer_energy_j(1e300, 1e-300, &e) == THERMOAI_OK,
           "1e300 bits at 1e-300 K is representable");
    tap_rel(e, 9.5699296169290793e-24, 4 * DBL_EPSILON, "  and keeps full precision");
}

#define BAD(call, want, out, what)                                                         \
    do {                                                                                   \
        out = 42.0;                                                                        \
        tap_ok((call) == (want) && isnan(out), "%s -> %s, output NaN", what, #want);       \
    } while (0)

static void bad_input(void)
{
    const double nan = (double)NAN, inf = (double)INFINITY;
    double o;

    tap_ok(thermoai_landauer_energy_per_bit_j(300.0, NULL) == THERMOAI_E_NULL,
           "energy_per_bit_j: NULL output -> THERMOAI_E_NULL");
    tap_ok(thermoai_landauer_energy_j(1.0, 300.0, NULL) == THERMOAI_E_NULL,
           "energy_j: NULL output -> THERMOAI_E_NULL");
    tap_ok(thermoai_landauer_bits_per_j(300.0, NULL) == THERMOAI_E_NULL,
           "bits_per_j: NULL output -> THERMOAI_E_NULL");
    tap_ok(thermoai_landauer_ratio(1.0, 300.0, NULL) == THERMOAI_E_NULL,
           "ratio: NULL output -> THERMOAI_E_NULL");

    BAD(thermoai_landauer_energy_per_bit_j(nan, &o), THERMOAI_E_NONFINITE, o, "per_bit(NaN K)");
    BAD(thermoai_landauer_energy_per_bit_j(inf, &o), THERMOAI_E_NONFINITE, o, "per_bit(+Inf K)");
    BAD(thermoai_landauer_energy_per_bit_j(-inf, &o), THERMOAI_E_NONFINITE, o, "per_bit(-Inf K)");
    BAD(thermoai_landauer_energy_per_bit_j(0.0, &o), THERMOAI_E_INVALID, o, "per_bit(0 K)");
    BAD(thermoai_landauer_energy_per_bit_j(-0.0, &o), THERMOAI_E_INVALID, o, "per_bit(-0 K)");
    BAD(thermoai_landauer_energy_per_bit_j(-300.0, &o), THERMOAI_E_INVALID, o, "per_bit(-300 K)");
    BAD(thermoai_landauer_energy_per_bit_j(5e-324, &o), THERMOAI_E_RANGE, o,
        "per_bit(subnormal K) underflows");

    BAD(thermoai_landauer_energy_j(nan, 300.0, &o), THERMOAI_E_NONFINITE, o, "energy(NaN bits)");
    BAD(thermoai_landauer_energy_j(1.0, nan, &o), THERMOAI_E_NONFINITE, o, "energy(NaN K)");
    BAD(thermoai_landauer_energy_j(inf, 300.0, &o), THERMOAI_E_NONFINITE, o, "energy(Inf bits)");
    BAD(thermoai_landauer_energy_j(1.0, inf, &o), THERMOAI_E_NONFINITE, o, "energy(Inf K)");
    BAD(thermoai_landauer_energy_j(-1.0, 300.0, &o), THERMOAI_E_INVALID, o, "energy(-1 bit)");
    BAD(thermoai_landauer_energy_j(1.0, 0.0, &o), THERMOAI_E_INVALID, o, "energy(0 K)");
    BAD(thermoai_landauer_energy_j(1.0, -1.0, &o), THERMOAI_E_INVALID, o, "energy(-1 K)");
    BAD(thermoai_landauer_energy_j(-1.0, nan, &o), THERMOAI_E_NONFINITE, o,
        "energy(-1 bit, NaN K): non-finite reported before domain");
    BAD(thermoai_landauer_energy_j(1e300, 1e300, &o), THERMOAI_E_RANGE, o,
        "energy(1e300 bits, 1e300 K) overflows");
    BAD(thermoai_landauer_energy_j(1e-300, 1e-10, &o), THERMOAI_E_RANGE, o,
        "energy(1e-300 bits, 1e-10 K) underflows");
    BAD(thermoai_landauer_energy_j(DBL_MAX, DBL_MAX, &o), THERMOAI_E_RANGE, o,
        "energy(DBL_MAX, DBL_MAX) overflows");

    BAD(thermoai_landauer_bits_per_j(nan, &o), THERMOAI_E_NONFINITE, o, "bits_per_j(NaN K)");
    BAD(thermoai_landauer_bits_per_j(inf, &o), THERMOAI_E_NONFINITE, o, "bits_per_j(Inf K)");
    BAD(thermoai_landauer_bits_per_j(0.0, &o), THERMOAI_E_INVALID, o, "bits_per_j(0 K)");
    BAD(thermoai_landauer_bits_per_j(-5.0, &o), THERMOAI_E_INVALID, o, "bits_per_j(-5 K)");
    BAD(thermoai_landauer_bits_per_j(1e-300, &o), THERMOAI_E_RANGE, o,
        "bits_per_j(1e-300 K) overflows");
    BAD(thermoai_landauer_bits_per_j(5e-324, &o), THERMOAI_E_RANGE, o,
        "bits_per_j(subnormal K) overflows");

    BAD(thermoai_landauer_ratio(nan, 300.0, &o), THERMOAI_E_NONFINITE, o, "ratio(NaN J)");
    BAD(thermoai_landauer_ratio(1.0, nan, &o), THERMOAI_E_NONFINITE, o, "ratio(NaN K)");
    BAD(thermoai_landauer_ratio(-inf, 300.0, &o), THERMOAI_E_NONFINITE, o, "ratio(-Inf J)");
    BAD(thermoai_landauer_ratio(-1e-12, 300.0, &o), THERMOAI_E_INVALID, o, "ratio(-1e-12 J)");
    BAD(thermoai_landauer_ratio(1e-12, 0.0, &o), THERMOAI_E_INVALID, o, "ratio(0 K)");
    BAD(thermoai_landauer_ratio(1e300, 1e-300, &o), THERMOAI_E_RANGE, o, "ratio overflow");
    BAD(thermoai_landauer_ratio(1e-300, 1e300, &o), THERMOAI_E_RANGE, o, "ratio underflow");
}

int main(void)
{
    reference_values();
    documented_values();
    properties();
    scaling();
    bad_input();
    return tap_done();
}
