/* SPDX-License-Identifier: MIT */
/*
 * pmf.h: values against tests/ref/pmf.csv (mpmath, the direct definitions),
 * identities and properties on random pmfs (Gibbs, chain rule, symmetry, data
 * processing), and bad input.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

#define LN2 0.693147180559945309417232121458176568

/* |got - want| <= tol * max(1, |want|) */
static int close_to(double got, double want, double tol)
{
    return fabs(got - want) <= tol * (fabs(want) > 1.0 ? fabs(want) : 1.0);
}

static size_t parse_list(const char *s, double *v, size_t cap)
{
    size_t n = 0;
    char *end;

    while (n < cap) {
        double x = strtod(s, &end);

        if (end == s)
            break;
        v[n++] = x;
        s = end;
    }
    return n;
}

typedef int (*one_fn)(const double *, size_t, double *);
typedef int (*two_fn)(const double *, const double *, size_t, double *);
typedef int (*joint_fn)(const double *, size_t, size_t, double *);

static void reference(void)
{
    static char line[65536];
    static double p[4096], q[4096];
    FILE *f = ref_open("pmf.csv");
    int rows = 0, bad = 0;
    double worst = 0.0;

    if (!tap_ok(f != NULL, "open tests/ref/pmf.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[7], *s = line;
        size_t nx, ny, np, nq;
        double want, got_n = 0.0, got_b = 0.0;
        int k, st_n = -1, st_b = -1, want_ok;

        if (line[0] == '#' || strncmp(line, "function,", 9) == 0)
            continue;
        for (k = 0; k < 7; k++) {
            field[k] = s;
            s = strchr(s, ',');
            if (s == NULL)
                break;
            *s++ = '\0';
        }
        if (k < 6) {
            tap_ok(0, "parse reference row");
            continue;
        }
        nx = (size_t)strtoul(field[1], NULL, 10);
        ny = (size_t)strtoul(field[2], NULL, 10);
        np = parse_list(field[3], p, 4096);
        nq = parse_list(field[4], q, 4096);
        want_ok = strcmp(field[5], "OK") == 0;
        want = strtod(field[6], NULL);
        rows++;
        if (strcmp(field[0], "entropy") == 0) {
            st_n = thermoai_pmf_entropy_nats(p, np, &got_n);
            st_b = thermoai_pmf_entropy_bits(p, np, &got_b);
        } else if (strcmp(field[0], "cross_entropy") == 0 && np == nq) {
            st_n = thermoai_pmf_cross_entropy_nats(p, q, np, &got_n);
            st_b = thermoai_pmf_cross_entropy_bits(p, q, np, &got_b);
        } else if (strcmp(field[0], "kl") == 0 && np == nq) {
            st_n = thermoai_pmf_kl_divergence_nats(p, q, np, &got_n);
            st_b = thermoai_pmf_kl_divergence_bits(p, q, np, &got_b);
        } else if (strcmp(field[0], "mutual_information") == 0 && np == nx * ny) {
            st_n = thermoai_pmf_mutual_information_nats(p, nx, ny, &got_n);
            st_b = thermoai_pmf_mutual_information_bits(p, nx, ny, &got_b);
        } else if (strcmp(field[0], "conditional_entropy") == 0 && np == nx * ny) {
            st_n = thermoai_pmf_conditional_entropy_nats(p, nx, ny, &got_n);
            st_b = thermoai_pmf_conditional_entropy_bits(p, nx, ny, &got_b);
        } else if (strcmp(field[0], "log_sum_exp") == 0) {
            st_n = thermoai_pmf_log_sum_exp(p, np, &got_n);
            st_b = st_n;
            got_b = got_n / LN2;
        }
        if (want_ok) {
            double e = fabs(got_n - want) / (fabs(want) > 1.0 ? fabs(want) : 1.0);

            if (st_n != THERMOAI_OK || st_b != THERMOAI_OK || !close_to(got_n, want, 4e-15)
                || !close_to(got_b, want / LN2, 8e-15)) {
                bad++;
                tap_diag("%s row %d: status %s/%s, nats %.17g bits %.17g, want %.17g nats",
                         field[0], rows, thermoai_status_name(st_n), thermoai_status_name(st_b),
                         got_n, got_b, want);
            }
            if (e > worst)
                worst = e;
        } else {
            const int want_st = strcmp(field[5], "DOMAIN") == 0 ? THERMOAI_E_DOMAIN : THERMOAI_E_RANGE;

            if (st_n != want_st || st_b != want_st || !isnan(got_n) || !isnan(got_b)) {
                bad++;
                tap_diag("%s row %d: want %s and NaN, got %s", field[0], rows, field[5],
                         thermoai_status_name(st_n));
            }
        }
    }
    fclose(f);
    tap_ok(rows > 80 && bad == 0,
           "%d reference rows (mpmath, 60 digits): nats within 4e-15 (worst %.2g), bits within 8e-15",
           rows, worst);
}

/* ---- properties on random pmfs -------------------------------------------------------- */

static uint64_t rng_state = 88172645463325252ull;

static double unit(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) * 0x1.0p-53;
}

static void random_pmf(double *p, size_t n, double zeros)
{
    double s = 0.0;
    size_t i;

    for (i = 0; i < n; i++) {
        p[i] = unit() < zeros ? 0.0 : pow(unit(), 3.0);
        s += p[i];
    }
    if (s == 0.0) {
        p[0] = 1.0;
        s = 1.0;
    }
    for (i = 0; i < n; i++)
        p[i] /= s;
}

static void properties(void)
{
    enum { TRIALS = 300 };
    double p[64], q[64], j[64 * 64], jt[64 * 64], prod[64 * 64], px[64], py[64];
    int t, gibbs = 1, chain = 1, sym = 1, bounds = 1, indep = 1, unif = 1, kl_self = 1;
    int ce = 1, dpi = 1;

    for (t = 0; t < TRIALS; t++) {
        size_t n = 1 + (size_t)(unit() * 40), nx = 1 + (size_t)(unit() * 12),
               ny = 1 + (size_t)(unit() * 12), x, y;
        double h, hq, hpq, kl, klpp, mi, mit, hyx, hxy, hx, hy, hz, miz;

        random_pmf(p, n, t % 3 == 0 ? 0.3 : 0.0);
        random_pmf(q, n, 0.0);
        random_pmf(j, nx * ny, t % 4 == 0 ? 0.3 : 0.0);
        for (x = 0; x < nx; x++) {
            px[x] = 0.0;
            for (y = 0; y < ny; y++) {
                jt[y * nx + x] = j[x * ny + y];
                px[x] += j[x * ny + y];
            }
        }
        for (y = 0; y < ny; y++) {
            py[y] = 0.0;
            for (x = 0; x < nx; x++)
                py[y] += j[x * ny + y];
        }
        for (x = 0; x < nx; x++)
            for (y = 0; y < ny; y++)
                prod[x * ny + y] = px[x] * py[y];
        if (thermoai_pmf_entropy_bits(p, n, &h) || thermoai_pmf_entropy_bits(q, n, &hq)
            || thermoai_pmf_cross_entropy_bits(p, q, n, &hpq)
            || thermoai_pmf_kl_divergence_bits(p, q, n, &kl)
            || thermoai_pmf_kl_divergence_bits(p, p, n, &klpp)
            || thermoai_pmf_mutual_information_bits(j, nx, ny, &mi)
            || thermoai_pmf_mutual_information_bits(jt, ny, nx, &mit)
            || thermoai_pmf_conditional_entropy_bits(j, nx, ny, &hyx)
            || thermoai_pmf_entropy_bits(j, nx * ny, &hxy) || thermoai_pmf_entropy_bits(px, nx, &hx)
            || thermoai_pmf_entropy_bits(py, ny, &hy)
            || thermoai_pmf_mutual_information_bits(prod, nx, ny, &miz)) {
            tap_ok(0, "trial %d: a call failed", t);
            return;
        }
        /* Gibbs: H(p, q) = H(p) + KL(p||q) >= H(p); KL >= 0 */
        gibbs &= kl >= 0.0 && hpq >= h - 1e-13;
        ce &= fabs(hpq - (h + kl)) <= 1e-12 * (1.0 + hpq);
        kl_self &= klpp == 0.0 || klpp < 1e-15;
        bounds &= h >= 0.0 && h <= log2((double)n) + 1e-13 && mi >= 0.0
                  && mi <= (hx < hy ? hx : hy) && hyx >= 0.0 && hyx <= log2((double)ny) + 1e-13;
        /* chain rule H(X,Y) = H(X) + H(Y|X); symmetry I(X;Y) = I(Y;X) = H(X)+H(Y)-H(X,Y) */
        chain &= fabs(hxy - (hx + hyx)) <= 1e-12;
        sym &= fabs(mi - mit) <= 1e-12 && fabs(mi - (hx + hy - hxy)) <= 1e-12;
        indep &= miz <= 1e-12; /* product of marginals: I = 0 */
        /* data processing: merging columns 0 and 1 of Y cannot raise I(X;Y) */
        if (ny >= 2) {
            static double merged[64 * 64];
            for (x = 0; x < nx; x++) {
                merged[x * (ny - 1)] = j[x * ny] + j[x * ny + 1];
                for (y = 2; y < ny; y++)
                    merged[x * (ny - 1) + y - 1] = j[x * ny + y];
            }
            if (thermoai_pmf_mutual_information_bits(merged, nx, ny - 1, &hz) == THERMOAI_OK)
                dpi &= hz <= mi + 1e-12;
            else
                dpi = 0;
        }
        if (n >= 1) {
            size_t i;
            for (i = 0; i < n; i++)
                q[i] = 1.0 / (double)n;
            unif &= thermoai_pmf_entropy_bits(q, n, &h) == THERMOAI_OK
                    && fabs(h - log2((double)n)) <= 4e-15 * (1.0 + h);
        }
    }
    tap_ok(gibbs, "Gibbs: KL(p||q) >= 0 and H(p,q) >= H(p) on %d random pairs", TRIALS);
    tap_ok(ce, "H(p, q) = H(p) + KL(p||q) to 1e-12");
    tap_ok(kl_self, "KL(p||p) = 0");
    tap_ok(bounds, "0 <= H <= log2 n, 0 <= I(X;Y) <= min(H(X), H(Y)), 0 <= H(Y|X) <= log2 ny");
    tap_ok(chain, "chain rule H(X,Y) = H(X) + H(Y|X) to 1e-12");
    tap_ok(sym, "I(X;Y) = I(Y;X) = H(X) + H(Y) - H(X,Y) to 1e-12");
    tap_ok(indep, "I(X;Y) = 0 for a product of marginals");
    tap_ok(dpi, "data processing: merging two values of Y never raises I(X;Y)");
    tap_ok(unif, "uniform pmf: H = log2 n to 4 ulp");
}

static void exact_values(void)
{
    const double half[2] = { 0.5, 0.5 }, point[3] = { 0.0, 1.0, 0.0 };
    const double diag[4] = { 0.5, 0.0, 0.0, 0.5 }, unnorm[2] = { 0.5, 0.5 + 2e-10 };
    const double lse_in[3] = { 1e308, 1e308, -1e308 };
    double h, s;

    tap_ok(thermoai_pmf_entropy_bits(half, 2, &h) == THERMOAI_OK && h == 1.0, "H(1/2, 1/2) = 1 bit exactly");
    tap_ok(thermoai_pmf_entropy_bits(point, 3, &h) == THERMOAI_OK && h == 0.0, "point mass: H = 0 (0 log 0 = 0)");
    tap_ok(thermoai_pmf_mutual_information_bits(diag, 2, 2, &h) == THERMOAI_OK && fabs(h - 1.0) <= 2e-16,
           "I(X;X) of a fair bit = 1 bit");
    tap_ok(thermoai_pmf_conditional_entropy_bits(diag, 2, 2, &h) == THERMOAI_OK && h == 0.0,
           "H(X|X) = 0");
    tap_ok(thermoai_pmf_entropy_bits(unnorm, 2, &h) == THERMOAI_OK && fabs(h - 1.0) < 1e-15,
           "a sum 1 + 2e-10 (within tolerance) is normalised away");
    tap_ok(thermoai_pmf_log_sum_exp(lse_in, 3, &s) == THERMOAI_OK && close_to(s, 1e308 + log(2.0), 1e-15),
           "log-sum-exp of 1e308 twice: 1e308 + ln 2, no overflow");
    tap_ok(thermoai_pmf_tolerance() == THERMOAI_PMF_TOLERANCE && THERMOAI_PMF_TOLERANCE == 1e-9,
           "thermoai_pmf_tolerance() = THERMOAI_PMF_TOLERANCE = 1e-9");
}

#define BAD(expr, want)                                                                    \
    do {                                                                                   \
        double o_ = 1.0, *out = &o_;                                                       \
        int s_ = (expr);                                                                   \
        tap_ok(s_ == (want) && isnan(o_), "%s -> %s (got %s)", #expr, #want,               \
               thermoai_status_name(s_));                                                  \
    } while (0)

static void bad_input(void)
{
    const double good[3] = { 0.2, 0.3, 0.5 };
    const double nan3[3] = { 0.2, (double)NAN, 0.8 }, inf3[3] = { 0.2, (double)INFINITY, 0.0 };
    const double neg[3] = { 0.6, -0.1, 0.5 }, low[3] = { 0.2, 0.3, 0.4999 };
    const double high[3] = { 0.2, 0.3, 0.5 + 2e-9 }, counts[3] = { 2.0, 3.0, 5.0 };
    const double zero_q[3] = { 0.5, 0.5, 0.0 };

    tap_ok(thermoai_pmf_check(good, 3) == THERMOAI_OK, "check: a pmf -> OK");
    tap_ok(thermoai_pmf_check(NULL, 3) == THERMOAI_E_NULL, "check: NULL -> E_NULL");
    tap_ok(thermoai_pmf_check(good, 0) == THERMOAI_E_INVALID, "check: n = 0 -> E_INVALID");
    tap_ok(thermoai_pmf_check(nan3, 3) == THERMOAI_E_NONFINITE, "check: NaN -> E_NONFINITE");
    tap_ok(thermoai_pmf_check(inf3, 3) == THERMOAI_E_NONFINITE, "check: Inf -> E_NONFINITE");
    tap_ok(thermoai_pmf_check(neg, 3) == THERMOAI_E_INVALID, "check: negative entry -> E_INVALID");
    tap_ok(thermoai_pmf_check(low, 3) == THERMOAI_E_INVALID, "check: sum 0.9999 -> E_INVALID");
    tap_ok(thermoai_pmf_check(high, 3) == THERMOAI_E_INVALID, "check: sum 1 + 2e-9 -> E_INVALID");
    tap_ok(thermoai_pmf_check(counts, 3) == THERMOAI_E_INVALID, "check: counts (sum 10) -> E_INVALID");

    BAD(thermoai_pmf_entropy_bits(NULL, 3, out), THERMOAI_E_NULL);
    BAD(thermoai_pmf_entropy_bits(good, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_entropy_nats(nan3, 3, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_pmf_entropy_nats(neg, 3, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_entropy_bits(counts, 3, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_cross_entropy_bits(good, zero_q, 3, out), THERMOAI_E_DOMAIN);
    BAD(thermoai_pmf_cross_entropy_nats(good, NULL, 3, out), THERMOAI_E_NULL);
    /* every array's NaN check comes before any domain check */
    BAD(thermoai_pmf_kl_divergence_bits(neg, nan3, 3, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_pmf_kl_divergence_bits(good, zero_q, 3, out), THERMOAI_E_DOMAIN);
    BAD(thermoai_pmf_kl_divergence_nats(good, low, 3, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_mutual_information_bits(good, 3, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_mutual_information_bits(good, 0, 3, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_mutual_information_bits(good, SIZE_MAX / 2, 3, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_mutual_information_nats(NULL, 1, 3, out), THERMOAI_E_NULL);
    BAD(thermoai_pmf_mutual_information_nats(inf3, 1, 3, out), THERMOAI_E_NONFINITE);
    BAD(thermoai_pmf_conditional_entropy_bits(counts, 3, 1, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_conditional_entropy_nats(good, SIZE_MAX, SIZE_MAX, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_log_sum_exp(NULL, 3, out), THERMOAI_E_NULL);
    BAD(thermoai_pmf_log_sum_exp(good, 0, out), THERMOAI_E_INVALID);
    BAD(thermoai_pmf_log_sum_exp(inf3, 3, out), THERMOAI_E_NONFINITE);
    tap_ok(thermoai_pmf_entropy_bits(good, 3, NULL) == THERMOAI_E_NULL
               && thermoai_pmf_kl_divergence_nats(good, good, 3, NULL) == THERMOAI_E_NULL
               && thermoai_pmf_mutual_information_bits(good, 1, 3, NULL) == THERMOAI_E_NULL
               && thermoai_pmf_log_sum_exp(good, 3, NULL) == THERMOAI_E_NULL,
           "NULL output -> E_NULL");
}

int main(void)
{
    reference();
    properties();
    exact_values();
    bad_input();
    return tap_done();
}
