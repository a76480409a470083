/* SPDX-License-Identifier: MIT */
/*
 * ib.h: fixed points against an independent mpmath bottleneck
 * (tests/ref/ib.csv), data-processing properties on random joints over many
 * seeds (recomputed from the returned encoder with pmf.h), monotone
 * iterations, the curve, Phi^-1 and the energy bound, degenerate problems, bad
 * input and allocation failure at every k.
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

static int quick;

/* The problems of tests/ref/ib_ref.py. */
static const double J1[12] = { 0.2, 0.05, 0.0, 0.05, 0.2, 0.0, 0.0, 0.05, 0.2, 0.1, 0.05, 0.1 };
static const double E1[8] = { 0.6, 0.4, 0.3, 0.7, 0.55, 0.45, 0.2, 0.8 };
static const double J2[20] = { 0.1, 0.02, 0.03, 0.0, 0.02, 0.12, 0.01, 0.05, 0.0, 0.03,
                               0.15, 0.02, 0.04, 0.01, 0.02, 0.13, 0.05, 0.05, 0.1, 0.05 };
static const double E2[15] = { 0.5, 0.3, 0.2, 0.2, 0.5, 0.3, 0.3, 0.3, 0.4, 0.1, 0.3, 0.6, 0.4, 0.4, 0.2 };

static thermoai_ib *make(const double *j, size_t nx, size_t ny, size_t nz, uint32_t flags, double tol,
                         uint64_t seed)
{
    thermoai_ib_params par;
    thermoai_ib *h = NULL;

    if (thermoai_ib_params_init(&par, sizeof par) != THERMOAI_OK)
        return NULL;
    par.flags = flags;
    par.tolerance_bits = tol;
    par.seed = seed;
    par.max_iterations = 200000;
    if (thermoai_ib_create(j, nx, ny, nz, &par, &h) != THERMOAI_OK)
        return NULL;
    return h;
}

static void result_init(thermoai_ib_result *r)
{
    if (thermoai_ib_result_init(r, sizeof *r) != THERMOAI_OK)
        memset(r, 0, sizeof *r);
}

static void reference(int portable)
{
    char line[512];
    FILE *f = ref_open("ib.csv");
    thermoai_ib *h1 = make(J1, 4, 3, 2, portable ? THERMOAI_IB_PORTABLE : 0, 1e-15, 0);
    thermoai_ib *h2 = make(J2, 5, 4, 3, portable ? THERMOAI_IB_PORTABLE : 0, 1e-15, 0);
    int rows = 0, bad = 0;
    double worst = 0.0;

    if (!tap_ok(f != NULL && h1 != NULL && h2 != NULL, "open tests/ref/ib.csv; two solvers"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        char name[8];
        double beta, ixz, izy, fun;
        thermoai_ib_result r;
        thermoai_ib *h;
        int st;

        if (line[0] == '#' || strncmp(line, "problem,", 8) == 0)
            continue;
        if (sscanf(line, "%7[^,],%lf,%lf,%lf,%lf", name, &beta, &ixz, &izy, &fun) != 5) {
            tap_ok(0, "parse '%s'", line);
            continue;
        }
        rows++;
        h = name[1] == '1' ? h1 : h2;
        result_init(&r);
        st = thermoai_ib_set_encoder(h, name[1] == '1' ? E1 : E2);
        if (st == THERMOAI_OK)
            st = thermoai_ib_execute(h, beta, &r);
        if (st != THERMOAI_OK || fabs(r.ixz_bits - ixz) > 1e-9 || fabs(r.izy_bits - izy) > 1e-9
            || fabs(r.functional_bits - fun) > 1e-9 * (1.0 + beta)) {
            bad++;
            tap_diag("%s beta %g: %s ixz %.15g izy %.15g F %.15g; want %.15g %.15g %.15g", name, beta,
                     thermoai_status_name(st), r.ixz_bits, r.izy_bits, r.functional_bits, ixz, izy, fun);
        }
        if (fabs(r.ixz_bits - ixz) > worst)
            worst = fabs(r.ixz_bits - ixz);
        if (fabs(r.izy_bits - izy) > worst)
            worst = fabs(r.izy_bits - izy);
    }
    fclose(f);
    tap_ok(rows == 8 && bad == 0,
           "%s kernels: %d fixed points from the same start as an mpmath bottleneck (the full-KL "
           "form), I(X;Z) and I(Z;Y) within 1e-9 bits (worst %.2g)",
           portable ? "portable" : "default", rows, worst);
    thermoai_ib_free(h1);
    thermoai_ib_free(h2);
}

/* ---- properties on random joints -------------------------------------------------------- */

static uint64_t state = 0x9E3779B97F4A7C15ull;

static double unit(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (double)(state >> 11) * 0x1.0p-53;
}

static void properties(void)
{
    enum { MAXN = 12 };
    static double j[MAXN * MAXN], enc[MAXN * MAXN], pxz[MAXN * MAXN], pzy[MAXN * MAXN], px[MAXN];
    const int trials = quick ? 25 : 300;
    int t, dpi = 1, agree = 1, ok = 1, small_beta = 1;
    double worst = 0.0;

    for (t = 0; t < trials; t++) {
        const size_t nx = 2 + (size_t)(unit() * 10), ny = 2 + (size_t)(unit() * 10),
                     nz = 2 + (size_t)(unit() * 7);
        const double beta = 0.1 + 50.0 * unit() * unit();
        thermoai_ib_result r;
        thermoai_ib *h;
        double s = 0.0, ixy, hx, ixz, izy;
        size_t x, y, z;

        for (x = 0; x < nx * ny; x++) {
            j[x] = unit() < 0.2 ? 0.0 : pow(unit(), 2.0);
            s += j[x];
        }
        if (s == 0.0) {
            j[0] = 1.0;
            s = 1.0;
        }
        for (x = 0; x < nx * ny; x++)
            j[x] /= s;
        h = make(j, nx, ny, nz, 0, 1e-12, (uint64_t)t);
        result_init(&r);
        if (h == NULL || thermoai_ib_execute(h, beta, &r) != THERMOAI_OK
            || thermoai_ib_encoder(h, enc) != THERMOAI_OK) {
            ok = 0;
            thermoai_ib_free(h);
            continue;
        }
        /* recompute both informations from the encoder with pmf.h */
        for (x = 0; x < nx; x++) {
            px[x] = 0.0;
            for (y = 0; y < ny; y++)
                px[x] += j[x * ny + y];
            for (z = 0; z < nz; z++)
                pxz[x * nz + z] = px[x] * enc[x * nz + z];
        }
        for (z = 0; z < nz; z++)
            for (y = 0; y < ny; y++) {
                double v = 0.0;

                for (x = 0; x < nx; x++)
                    v += j[x * ny + y] * enc[x * nz + z];
                pzy[z * ny + y] = v;
            }
        if (thermoai_pmf_mutual_information_bits(j, nx, ny, &ixy) != THERMOAI_OK
            || thermoai_pmf_entropy_bits(px, nx, &hx) != THERMOAI_OK
            || thermoai_pmf_mutual_information_bits(pxz, nx, nz, &ixz) != THERMOAI_OK
            || thermoai_pmf_mutual_information_bits(pzy, nz, ny, &izy) != THERMOAI_OK) {
            ok = 0;
            thermoai_ib_free(h);
            continue;
        }
        dpi &= izy <= ixy + 1e-12 && ixz <= hx + 1e-12 && izy <= ixz + 1e-12
               && ixz <= log2((double)nz) + 1e-12;
        dpi &= r.izy_bits <= ixy + 1e-12 && r.ixz_bits <= hx + 1e-12;
        agree &= fabs(ixz - r.ixz_bits) <= 1e-10 && fabs(izy - r.izy_bits) <= 1e-10;
        if (fabs(ixz - r.ixz_bits) > worst)
            worst = fabs(ixz - r.ixz_bits);
        if (fabs(izy - r.izy_bits) > worst)
            worst = fabs(izy - r.izy_bits);
        /* for beta <= 1, I(X;Z) - beta I(Z;Y) >= (1 - beta) I(X;Z) >= 0 */
        if (thermoai_ib_execute(h, 0.5 + 0.5 * unit(), &r) == THERMOAI_OK)
            small_beta &= r.functional_bits >= -1e-12;
        thermoai_ib_free(h);
    }
    tap_ok(ok, "%d random joints (|X|, |Y| 2..11, |Z| 2..8, beta 0.1..50, one seed each) converge", trials);
    tap_ok(dpi, "data processing on every one: I(Z;Y) <= I(X;Y), I(Z;Y) <= I(X;Z) <= min(H(X), log2 |Z|), "
                "recomputed from the encoder with pmf.h");
    tap_ok(agree, "the reported I(X;Z), I(Z;Y) equal the recomputed ones within 1e-10 (worst %.2g)", worst);
    tap_ok(small_beta, "beta <= 1: the functional is never negative");
}

static void iterations_and_curve(void)
{
    thermoai_ib *h = make(J2, 5, 4, 3, 0, 1e-12, 7);
    thermoai_ib_result r;
    double prev = (double)INFINITY, betas[12], ixz[12], izy[12], ixy, enc[15];
    int mono = 1, k, rising = 1, rows = 1, z;

    result_init(&r);
    if (!tap_ok(h != NULL, "solver"))
        return;
    for (k = 0; k < 400; k++) {
        if (thermoai_ib_iterate(h, 8.0, 1, &r) != THERMOAI_OK) {
            mono = 0;
            break;
        }
        mono &= r.functional_bits <= prev + 1e-14 * (1.0 + fabs(prev));
        prev = r.functional_bits;
    }
    tap_ok(mono, "400 single iterations at beta = 8: the functional never increases");
    tap_ok(thermoai_ib_encoder(h, enc) == THERMOAI_OK, "encoder");
    for (k = 0; k < 5; k++) {
        double s = 0.0;

        for (z = 0; z < 3; z++)
            s += enc[k * 3 + z];
        rows &= fabs(s - 1.0) < 1e-14;
    }
    tap_ok(rows, "every encoder row is a pmf");
    thermoai_ib_free(h);

    h = make(J2, 5, 4, 5, 0, 1e-12, 3);
    for (k = 0; k < 12; k++)
        betas[k] = 0.5 * pow(2.0, k);
    tap_ok(h != NULL && thermoai_ib_curve(h, betas, 12, ixz, izy) == THERMOAI_OK,
           "information curve: beta = 0.5 .. 1024, warm-started");
    for (k = 1; k < 12; k++)
        rising &= izy[k] >= izy[k - 1] - 1e-9 && ixz[k] >= ixz[k - 1] - 1e-9;
    tap_ok(rising, "along increasing beta both informations rise (annealing stays on one branch)");
    k = thermoai_pmf_mutual_information_bits(J2, 5, 4, &ixy);
    tap_ok(k == THERMOAI_OK && izy[11] <= ixy && izy[11] >= ixy - 1e-3 && ixz[0] < 1e-6,
           "|Z| = |X|: I(Z;Y) reaches I(X;Y) = %.6f within 1e-3 at beta 1024 (%.6f); "
           "I(X;Z) = 0 at beta 0.5", ixy, izy[11]);
    {
        double m, e, lb;

        k = thermoai_ib_min_rate_bits(ixz, izy, 12, 0.5 * ixy, &m);
        tap_ok(k == THERMOAI_OK && m >= 0.5 * ixy,
               "Phi^-1(I(X;Y)/2) = %.6f bits from the curve, >= I0 (data processing)", m);
        tap_ok(thermoai_ib_energy_j(ixz, izy, 12, 0.5 * ixy, 300.0, &e) == THERMOAI_OK
                   && thermoai_landauer_energy_j(m, 300.0, &lb) == THERMOAI_OK && e == lb,
               "E_min(I0) = thermoai_landauer_energy_j(Phi^-1(I0), T)");
    }
    thermoai_ib_free(h);
}

static void min_rate(void)
{
    const double a[3] = { 1.0, 2.0, 4.0 }, b[3] = { 0.5, 0.8, 1.0 };
    const double neg[2] = { -1.0, 1.0 }, nan2[2] = { (double)NAN, 1.0 };
    double m = 1.0, e = 1.0;

    tap_ok(thermoai_ib_min_rate_bits(a, b, 3, 0.0, &m) == THERMOAI_OK && m == 0.0, "I0 = 0: 0 bits");
    tap_ok(thermoai_ib_min_rate_bits(a, b, 3, 0.25, &m) == THERMOAI_OK && fabs(m - 0.5) < 1e-15,
           "I0 below the first point: time-sharing with the origin (0.5 bits)");
    tap_ok(thermoai_ib_min_rate_bits(a, b, 3, 0.65, &m) == THERMOAI_OK && fabs(m - 1.5) < 1e-15,
           "I0 between two points: their chord (1.5 bits)");
    {
        const double a2[2] = { 1.0, 2.0 }, b2[2] = { 0.2, 0.9 };

        tap_ok(thermoai_ib_min_rate_bits(a2, b2, 2, 0.5, &m) == THERMOAI_OK && fabs(m - 1.0 / 0.9) < 1e-15,
               "a point below the hull is skipped: the chord from the origin gives 1/0.9 bits");
    }
    tap_ok(thermoai_ib_min_rate_bits(a, b, 3, 1.0, &m) == THERMOAI_OK && m == 4.0, "I0 at the last point: 4 bits");
    tap_ok(thermoai_ib_min_rate_bits(a, b, 3, 1.1, &m) == THERMOAI_E_DOMAIN && isnan(m),
           "I0 beyond the curve -> E_DOMAIN, NaN");
    tap_ok(thermoai_ib_min_rate_bits(NULL, b, 3, 0.5, &m) == THERMOAI_E_NULL && isnan(m), "NULL points -> E_NULL");
    tap_ok(thermoai_ib_min_rate_bits(a, b, 0, 0.5, &m) == THERMOAI_E_INVALID, "count 0 -> E_INVALID");
    tap_ok(thermoai_ib_min_rate_bits(neg, b, 2, 0.5, &m) == THERMOAI_E_INVALID, "negative I -> E_INVALID");
    tap_ok(thermoai_ib_min_rate_bits(nan2, b, 2, 0.5, &m) == THERMOAI_E_NONFINITE, "NaN point -> E_NONFINITE");
    tap_ok(thermoai_ib_min_rate_bits(a, b, 3, -0.5, &m) == THERMOAI_E_INVALID, "negative I0 -> E_INVALID");
    tap_ok(thermoai_ib_min_rate_bits(a, b, 3, 0.5, NULL) == THERMOAI_E_NULL, "NULL output -> E_NULL");
    tap_ok(thermoai_ib_energy_j(a, b, 3, 0.65, -1.0, &e) == THERMOAI_E_INVALID && isnan(e),
           "energy: negative temperature -> E_INVALID");
    tap_ok(thermoai_ib_energy_j(a, b, 3, 0.65, (double)NAN, &e) == THERMOAI_E_NONFINITE, "energy: NaN temperature");
    tap_ok(thermoai_ib_energy_j(a, b, 3, 0.65, 300.0, &e) == THERMOAI_OK
               && fabs(e - 1.5 * 2.870978885078724e-21) < 1e-35,
           "energy: 1.5 bits at 300 K = %.6g J", e);
}

static void degenerate(void)
{
    const double one_z[6] = { 0.1, 0.2, 0.3, 0.1, 0.2, 0.1 }, row[3] = { 0.2, 0.5, 0.3 };
    const double indep[4] = { 0.06, 0.14, 0.24, 0.56 };
    thermoai_ib_result r;
    thermoai_ib *h;

    result_init(&r);
    h = make(one_z, 2, 3, 1, 0, 1e-12, 1);
    tap_ok(h != NULL && thermoai_ib_execute(h, 10.0, &r) == THERMOAI_OK && r.ixz_bits == 0.0 && r.izy_bits == 0.0,
           "|Z| = 1: I(X;Z) = I(Z;Y) = 0");
    thermoai_ib_free(h);
    h = make(row, 1, 3, 4, 0, 1e-12, 1);
    tap_ok(h != NULL && thermoai_ib_execute(h, 10.0, &r) == THERMOAI_OK && r.ixz_bits == 0.0 && r.izy_bits == 0.0,
           "|X| = 1: I(X;Z) = I(Z;Y) = 0");
    thermoai_ib_free(h);
    h = make(indep, 2, 2, 2, 0, 1e-12, 1);
    tap_ok(h != NULL && thermoai_ib_execute(h, 100.0, &r) == THERMOAI_OK && r.izy_bits < 1e-12,
           "X and Y independent: I(Z;Y) = 0 at any beta");
    thermoai_ib_free(h);
}

static void bad_input(void)
{
    const double nanj[4] = { 0.25, (double)NAN, 0.25, 0.25 }, badj[4] = { 0.3, 0.3, 0.3, 0.3 };
    const double enc_bad[8] = { 0.5, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5 };
    thermoai_ib_params par;
    thermoai_ib_result r, small;
    thermoai_ib *h = (thermoai_ib *)&par;
    thermoai_allocator al = { NULL, NULL, NULL };
    double x[2], y[2];
    const double betas[2] = { 1.0, -1.0 };
    const char *nm;

    tap_ok(thermoai_ib_params_init(&par, sizeof par) == THERMOAI_OK && thermoai_ib_params_size() == 32
               && thermoai_ib_result_size() == 40,
           "params 32 bytes, result 40 bytes");
    tap_ok(thermoai_ib_create(NULL, 4, 3, 2, NULL, &h) == THERMOAI_E_NULL && h == NULL, "create: NULL joint");
    tap_ok(thermoai_ib_create(J1, 4, 3, 2, NULL, NULL) == THERMOAI_E_NULL, "create: NULL solver");
    tap_ok(thermoai_ib_create(J1, 0, 3, 2, NULL, &h) == THERMOAI_E_INVALID, "create: nx = 0");
    tap_ok(thermoai_ib_create(J1, 4, 3, 0, NULL, &h) == THERMOAI_E_INVALID, "create: nz = 0");
    tap_ok(thermoai_ib_create(J1, 4, 3, (size_t)1 << 30, NULL, &h) == THERMOAI_E_INVALID, "create: nz = 2^30");
    tap_ok(thermoai_ib_create(nanj, 2, 2, 2, NULL, &h) == THERMOAI_E_NONFINITE, "create: NaN in the joint");
    tap_ok(thermoai_ib_create(badj, 2, 2, 2, NULL, &h) == THERMOAI_E_INVALID, "create: joint sums to 1.2");
    par.flags = 0x100u;
    tap_ok(thermoai_ib_create(J1, 4, 3, 2, &par, &h) == THERMOAI_E_UNSUPPORTED, "create: unknown flag");
    par.flags = 0;
    par.reserved = 2;
    tap_ok(thermoai_ib_create(J1, 4, 3, 2, &par, &h) == THERMOAI_E_UNSUPPORTED, "create: reserved != 0");
    par.reserved = 0;
    par.tolerance_bits = -1.0;
    tap_ok(thermoai_ib_create(J1, 4, 3, 2, &par, &h) == THERMOAI_E_INVALID, "create: negative tolerance");
    par.tolerance_bits = (double)INFINITY;
    tap_ok(thermoai_ib_create(J1, 4, 3, 2, &par, &h) == THERMOAI_E_NONFINITE, "create: infinite tolerance");
    par.tolerance_bits = 0.0;
    par.struct_size = 8;
    tap_ok(thermoai_ib_create(J1, 4, 3, 2, &par, &h) == THERMOAI_E_SIZE, "create: struct_size 8");
    tap_ok(thermoai_ib_create_ex(J1, 4, 3, 2, NULL, &al, &h) == THERMOAI_E_NULL, "create_ex: empty allocator");
    if (thermoai_ib_create(J1, 4, 3, 2, NULL, &h) != THERMOAI_OK)
        return;
    result_init(&r);
    tap_ok(thermoai_ib_execute(h, 0.0, &r) == THERMOAI_E_INVALID && isnan(r.ixz_bits), "execute: beta 0");
    tap_ok(thermoai_ib_execute(h, -2.0, &r) == THERMOAI_E_INVALID, "execute: negative beta");
    tap_ok(thermoai_ib_execute(h, 2e12, &r) == THERMOAI_E_INVALID, "execute: beta 2e12");
    tap_ok(thermoai_ib_execute(h, (double)NAN, &r) == THERMOAI_E_NONFINITE && isnan(r.beta), "execute: NaN beta");
    tap_ok(thermoai_ib_execute(NULL, 1.0, &r) == THERMOAI_E_NULL && isnan(r.izy_bits), "execute: NULL solver");
    tap_ok(thermoai_ib_execute(h, 1.0, NULL) == THERMOAI_E_NULL, "execute: NULL result");
    memset(&small, 0, sizeof small);
    small.struct_size = 20;
    small.izy_bits = 3.0;
    tap_ok(thermoai_ib_execute(h, 1.0, &small) == THERMOAI_E_SIZE && isnan(small.beta) && small.izy_bits == 3.0,
           "execute: struct_size 20 -> E_SIZE; NaN only within it");
    tap_ok(thermoai_ib_iterate(h, 1.0, 0, &r) == THERMOAI_E_INVALID, "iterate: count 0");
    tap_ok(thermoai_ib_curve(h, betas, 2, x, y) == THERMOAI_E_INVALID && isnan(x[0]) && isnan(y[1]),
           "curve: a negative beta -> E_INVALID, NaN");
    tap_ok(thermoai_ib_curve(h, betas, 0, x, y) == THERMOAI_E_INVALID, "curve: count 0");
    tap_ok(thermoai_ib_curve(h, NULL, 2, x, y) == THERMOAI_E_NULL, "curve: NULL betas");
    tap_ok(thermoai_ib_set_encoder(h, enc_bad) == THERMOAI_E_INVALID, "set_encoder: a row sums to 1.1");
    tap_ok(thermoai_ib_set_encoder(h, nanj) == THERMOAI_E_NONFINITE, "set_encoder: NaN");
    tap_ok(thermoai_ib_set_encoder(h, NULL) == THERMOAI_E_NULL && thermoai_ib_encoder(h, NULL) == THERMOAI_E_NULL
               && thermoai_ib_kernel_name(h, NULL) == THERMOAI_E_NULL && thermoai_ib_kernel_name(NULL, &nm) == THERMOAI_E_NULL,
           "getters and set_encoder: NULL -> E_NULL");
    {
        thermoai_ib_params p3;
        thermoai_ib *lim = NULL;

        if (thermoai_ib_params_init(&p3, sizeof p3) == THERMOAI_OK) {
            p3.max_iterations = 2;
            p3.tolerance_bits = 1e-15;
        }
        tap_ok(thermoai_ib_create(J2, 5, 4, 3, &p3, &lim) == THERMOAI_OK
                   && thermoai_ib_execute(lim, 8.0, &r) == THERMOAI_E_NO_CONVERGENCE && isnan(r.ixz_bits),
               "iteration limit -> E_NO_CONVERGENCE, NaN");
        thermoai_ib_free(lim);
    }
    thermoai_ib_free(h);
    thermoai_ib_free(NULL);
    tap_ok(1, "free(NULL) is a no-op");
}

struct counting {
    int calls, fail_at, outstanding;
};

static void *count_alloc(size_t size, void *user)
{
    struct counting *c = (struct counting *)user;
    void *p;

    if (c->calls++ == c->fail_at)
        return NULL;
    p = malloc(size);
    if (p != NULL)
        c->outstanding++;
    return p;
}

static void count_release(void *ptr, void *user)
{
    struct counting *c = (struct counting *)user;

    c->outstanding--;
    free(ptr);
}

static void allocator(void)
{
    struct counting c;
    thermoai_allocator a;
    thermoai_ib_result r;
    thermoai_ib *h;
    int i, rc;

    a.alloc = count_alloc;
    a.release = count_release;
    a.user = &c;
    result_init(&r);
    for (i = 0; i < 8; i++) {
        c.calls = 0;
        c.fail_at = i;
        c.outstanding = 0;
        h = (thermoai_ib *)&c;
        rc = thermoai_ib_create_ex(J2, 5, 4, 3, NULL, &a, &h);
        if (i < c.calls) {
            tap_ok(rc == THERMOAI_E_NOMEM && h == NULL && c.outstanding == 0,
                   "allocation %d of %d fails: E_NOMEM, solver NULL, nothing leaked", i + 1, c.calls);
        } else {
            const int before = c.calls;

            tap_ok(rc == THERMOAI_OK && thermoai_ib_execute(h, 8.0, &r) == THERMOAI_OK && c.calls == before,
                   "create makes %d allocations; executions make none", c.calls);
            thermoai_ib_free(h);
            tap_ok(c.outstanding == 0, "free releases them all");
            break;
        }
    }
}

int main(void)
{
    quick = getenv("THERMOAI_TEST_QUICK") != NULL;
    reference(0);
    reference(1);
    properties();
    iterations_and_curve();
    min_rate();
    degenerate();
    bad_input();
    allocator();
    return tap_done();
}
