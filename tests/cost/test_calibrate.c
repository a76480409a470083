/* SPDX-License-Identifier: MIT */
/*
 * Calibration: NNLS against hand-solved systems (unconstrained, with active
 * constraints), recovery of known parameters from synthetic runs, the compiled-in
 * H100 microbenchmark reproduced by its own fit, and bad input.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static void nnls(void)
{
    /* A = [1 0; 0 1; 1 1], b = (1, 2, 3): normal equations [2 1; 1 2] x = (4, 5), x = (1, 2) */
    const double a1[] = { 1, 0, 0, 1, 1, 1 }, b1[] = { 1, 2, 3 };
    /* b = (-1, 2) on the identity: x1 clamps to 0, residual (-1, 0) */
    const double a2[] = { 1, 0, 0, 1 }, b2[] = { -1, 2 };
    /* a line through (1,3), (2,2), (3,1): slope -1 unconstrained; NNLS holds it at 0 and
     * the intercept becomes the mean 2, residuals (1, 0, -1) */
    const double a3[] = { 1, 1, 1, 2, 1, 3 }, b3[] = { 3, 2, 1 };
    /* wildly different column scales: t in seconds, B in bytes; E = 70 t + 1.5e-10 B */
    const double a4[] = { 1, 0, 6, 1.8e13, 5, 1e12, 2, 7e12 };
    double b4[4], x[3] = { 7, 7, 7 }, r[3] = { 7, 7, 7 };
    size_t i;

    for (i = 0; i < 4; i++)
        b4[i] = 70.0 * a4[2 * i] + 1.5e-10 * a4[2 * i + 1];
    tap_ok(thermoai_calibrate_nnls(a1, 3, 2, b1, x, r) == THERMOAI_OK, "NNLS 3x2");
    tap_rel(x[0], 1.0, 1e-13, "x1 = 1");
    tap_rel(x[1], 2.0, 1e-13, "x2 = 2");
    tap_ok(fabs(r[0]) < 1e-13 && fabs(r[1]) < 1e-13 && fabs(r[2]) < 1e-13, "residuals 0");
    tap_ok(thermoai_calibrate_nnls(a2, 2, 2, b2, x, r) == THERMOAI_OK && x[0] == 0.0 && x[1] == 2.0
               && r[0] == -1.0 && r[1] == 0.0,
           "a negative unconstrained solution is held at 0");
    tap_ok(thermoai_calibrate_nnls(a3, 3, 2, b3, x, r) == THERMOAI_OK && x[1] == 0.0,
           "a negative slope is held at 0");
    tap_rel(x[0], 2.0, 1e-13, "and the intercept is the mean");
    tap_rel(r[0], 1.0, 1e-12, "residual +1");
    tap_rel(r[2], -1.0, 1e-12, "residual -1");
    tap_ok(thermoai_calibrate_nnls(a4, 4, 2, b4, x, NULL) == THERMOAI_OK, "badly scaled columns");
    tap_rel(x[0], 70.0, 1e-12, "idle-like 70 recovered across 13 decades of column scale");
    tap_rel(x[1], 1.5e-10, 1e-12, "per-byte-like 1.5e-10 recovered");

    /* bad input: NaN outputs */
    {
        const double az[] = { 1, 0, 1, 0 }, bz[] = { 1, 2 };
        const double ac[] = { 1, 2, 2, 4, 3, 6 }, bc[] = { 1, 2, 3 };
        double an[] = { 1, (double)NAN }, bn[] = { 1 };

        tap_ok(thermoai_calibrate_nnls(az, 2, 2, bz, x, r) == THERMOAI_E_DOMAIN && isnan(x[0])
                   && isnan(x[1]) && isnan(r[0]),
               "an all-zero column -> E_DOMAIN, NaN");
        /* collinear columns: the solution is not unique; NNLS returns one that fits */
        tap_ok(thermoai_calibrate_nnls(ac, 3, 2, bc, x, r) == THERMOAI_OK && fabs(r[0]) < 1e-12
                   && fabs(r[2]) < 1e-12 && x[0] >= 0.0 && x[1] >= 0.0,
               "collinear columns: a non-negative solution that fits");
        tap_ok(thermoai_calibrate_nnls(an, 1, 2, bn, x, NULL) == THERMOAI_E_NONFINITE, "NaN entry");
        tap_ok(thermoai_calibrate_nnls(a1, 0, 2, b1, x, NULL) == THERMOAI_E_INVALID, "0 rows");
        tap_ok(thermoai_calibrate_nnls(a1, 3, 0, b1, x, NULL) == THERMOAI_E_INVALID, "0 columns");
        tap_ok(thermoai_calibrate_nnls(a1, 3, 17, b1, x, NULL) == THERMOAI_E_INVALID, "17 columns");
        tap_ok(thermoai_calibrate_nnls(NULL, 3, 2, b1, x, NULL) == THERMOAI_E_NULL && isnan(x[0]),
               "NULL matrix");
        tap_ok(thermoai_calibrate_nnls(a1, 3, 2, b1, NULL, NULL) == THERMOAI_E_NULL, "NULL x");
    }
}

static thermoai_hardware profile(void)
{
    thermoai_hardware h;

    if (thermoai_hardware_init(&h, sizeof h) != THERMOAI_OK)
        memset(&h, 0, sizeof h);
    h.peak_bf16_flop_per_s = 1000e12;
    h.peak_fp8_flop_per_s = 2000e12;
    h.memory_bw_bytes_per_s = 4e12;
    h.board_power_w = 800.0;
    return h;
}

/* Runs of a known device: idle 80 W, 120 pJ/B, 0.7 pJ per BF16 FLOP, 0.4 pJ per FP8 FLOP. */
static thermoai_calibrate_point run(unsigned prec, double flop, double bytes, double s)
{
    thermoai_calibrate_point p;
    double ef = prec == THERMOAI_HARDWARE_FP8 ? 0.4e-12 : 0.7e-12;

    memset(&p, 0, sizeof p);
    p.precision = prec;
    p.flop = flop;
    p.bytes = bytes;
    p.seconds = s;
    p.joules = 80.0 * s + 120e-12 * bytes + ef * flop;
    return p;
}

static void synthetic(void)
{
    thermoai_calibrate_point pts[6];
    thermoai_hardware h = profile();
    thermoai_calibrate_fit fit;
    double res[6];
    size_t i;

    pts[0] = run(0, 0, 0, 2.0);
    pts[1] = run(THERMOAI_HARDWARE_BF16, 3e15, 2e12, 4.0);    /* 750 TFLOP/s: compute-bound */
    pts[2] = run(THERMOAI_HARDWARE_BF16, 1.5e15, 1e12, 2.0);
    pts[3] = run(THERMOAI_HARDWARE_FP8, 6e15, 3e12, 4.0);
    pts[4] = run(0, 0, 1.4e13, 4.0);                         /* 3.5 TB/s: memory-bound */
    pts[5] = run(THERMOAI_HARDWARE_BF16, 1e12, 7e12, 2.0);    /* decode-like, memory-bound */
    tap_ok(thermoai_calibrate_fit_init(&fit, sizeof fit) == THERMOAI_OK, "fit init");
    tap_ok(thermoai_calibrate_energy(pts, 6, 0, &h, res, &fit) == THERMOAI_OK, "fit 6 synthetic runs");
    tap_rel(h.idle_power_w, 80.0, 1e-10, "recovers idle 80 W");
    tap_rel(h.j_per_byte, 120e-12, 1e-10, "recovers 120 pJ/byte");
    tap_rel(h.j_per_flop_bf16, 0.7e-12, 1e-10, "recovers 0.7 pJ/FLOP (BF16)");
    tap_rel(h.j_per_flop_fp8, 0.4e-12, 1e-10, "recovers 0.4 pJ/FLOP (FP8)");
    tap_ok(fit.unknowns == 4 && fit.points == 6 && fit.at_zero == 0, "4 unknowns, 6 points");
    tap_ok(fit.rms_residual_j < 1e-9 * 1000 && fit.max_rel_residual < 1e-12, "residuals vanish");
    for (i = 0; i < 6; i++)
        if (!(fabs(res[i]) <= 1e-12 * pts[i].joules))
            break;
    tap_ok(i == 6, "every residual below 1e-12 relative");
    /* bandwidth: memory-bound points (4: 1.4e13 B in 4 s; 5: 7e12 B in 2 s) -> 3.5e12 */
    tap_rel(fit.achieved_bw_bytes_per_s, 3.5e12, 1e-14, "achieved bandwidth 3.5 TB/s");
    tap_rel(h.bandwidth_efficiency, 3.5 / 4.0, 1e-14, "bandwidth efficiency 0.875");
    tap_rel(fit.achieved_flop_per_s, 750e12, 1e-14, "achieved BF16 rate 750 TFLOP/s");
    tap_rel(h.compute_efficiency, 0.75, 1e-14, "compute efficiency 0.75");
    tap_ok(h.idle_origin == THERMOAI_HARDWARE_ORIGIN_MEASURED
               && h.flop_energy_measured
                      == ((1u << THERMOAI_HARDWARE_BF16) | (1u << THERMOAI_HARDWARE_FP8)),
           "origins measured, BF16 and FP8 bits set");

    /* noise: +-1 % alternating on the energies; relative fit stays within a few % */
    {
        thermoai_calibrate_point q[6];
        thermoai_hardware g = profile();

        memcpy(q, pts, sizeof q);
        for (i = 0; i < 6; i++)
            q[i].joules *= (i % 2) ? 1.01 : 0.99;
        tap_ok(thermoai_calibrate_energy(q, 6, THERMOAI_CALIBRATE_RELATIVE, &g, NULL, &fit)
                   == THERMOAI_OK,
               "relative fit to noisy runs");
        tap_rel(g.idle_power_w, 80.0, 0.1, "idle within 10 %% under 1 %% noise");
        tap_rel(g.j_per_byte, 120e-12, 0.05, "per byte within 5 %%");
        tap_ok(fit.max_rel_residual > 0.001 && fit.max_rel_residual < 0.03,
               "residuals show the noise (%.4f)", fit.max_rel_residual);
    }
    /* a negative slope is clamped: energy falling with bytes cannot give e_byte < 0 */
    {
        thermoai_calibrate_point q[3];
        thermoai_hardware g = profile();

        q[0] = run(0, 0, 0, 1.0);
        q[1] = run(0, 0, 1e12, 1.0);
        q[2] = run(0, 0, 2e12, 1.0);
        q[1].joules = 80.0 - 10.0;
        q[2].joules = 80.0 - 20.0;
        tap_ok(thermoai_calibrate_energy(q, 3, 0, &g, NULL, &fit) == THERMOAI_OK
                   && g.j_per_byte == 0.0 && fit.at_zero == 1,
               "non-negativity: e_byte held at 0");
    }
}

static void microbench(void)
{
    thermoai_hardware h, m;
    thermoai_calibrate_fit fit;
    /* the four runs as tools/gen_microbench.py writes them from data/h100_microbench.json */
    thermoai_calibrate_point pts[4];
    double res[4];
    size_t i;

    memset(pts, 0, sizeof pts);
    pts[0].seconds = 1.0;
    pts[0].joules = 69.4;
    pts[1].precision = THERMOAI_HARDWARE_BF16;
    pts[1].flop = 2.0 * 8192.0 * 8192.0 * 8192.0 * 3708.0;
    pts[1].bytes = 3.0 * 8192.0 * 8192.0 * 2.0 * 3708.0;
    pts[1].seconds = 6.0052;
    pts[1].joules = 4169.644;
    pts[2].precision = THERMOAI_HARDWARE_FP32;
    pts[2].flop = 2.0 * 8192.0 * 8192.0 * 8192.0 * 232.0;
    pts[2].bytes = 3.0 * 8192.0 * 8192.0 * 4.0 * 232.0;
    pts[2].seconds = 5.0638;
    pts[2].joules = 3385.399;
    pts[3].bytes = 8589934592.0 * 2112.0;
    pts[3].seconds = 6.0064;
    pts[3].joules = 3197.948;
    tap_ok(thermoai_hardware_init(&h, sizeof h) == THERMOAI_OK
               && thermoai_hardware_preset_find("h100-sxm", &h) == THERMOAI_OK
               && thermoai_calibrate_fit_init(&fit, sizeof fit) == THERMOAI_OK,
           "h100-sxm datasheet profile");
    {
        int st = thermoai_calibrate_energy(pts, 4, 0, &h, res, &fit);

        tap_ok(st == THERMOAI_OK, "fit the microbenchmark (%d)", st);
    }
    for (i = 0; i < 4; i++)
        tap_ok(fabs(res[i]) <= 1e-9 * pts[i].joules, "run %zu reproduced (residual %.3g J)", i, res[i]);
    tap_ok(thermoai_hardware_init(&m, sizeof m) == THERMOAI_OK
               && thermoai_hardware_preset_find("h100-sxm-measured", &m) == THERMOAI_OK
               && m.idle_power_w == h.idle_power_w && m.j_per_byte == h.j_per_byte
               && m.j_per_flop_bf16 == h.j_per_flop_bf16 && m.j_per_flop_fp32 == h.j_per_flop_fp32,
           "the h100-sxm-measured preset is this fit (not typed in)");
    /* the measured profile predicts its own runs: E = P t + e_b B + e_f F */
    for (i = 1; i < 4; i++) {
        double ef = pts[i].precision == THERMOAI_HARDWARE_FP32 ? m.j_per_flop_fp32 : m.j_per_flop_bf16;
        double e = m.idle_power_w * pts[i].seconds + m.j_per_byte * pts[i].bytes + ef * pts[i].flop;

        tap_rel(e, pts[i].joules, 1e-9, "preset reproduces run %zu's %.1f J", i, pts[i].joules);
    }
}

static void bad_input(void)
{
    thermoai_calibrate_point p[3];
    thermoai_hardware h = profile();
    thermoai_calibrate_fit fit;
    double res[3] = { 1, 1, 1 };

    memset(p, 0, sizeof p);
    p[0] = run(0, 0, 0, 1.0);
    p[1] = run(THERMOAI_HARDWARE_BF16, 1e15, 1e12, 2.0);
    p[2] = run(0, 0, 1e13, 3.0);
    tap_ok(thermoai_calibrate_fit_size() == sizeof(thermoai_calibrate_fit), "fit size accessor");
    tap_ok(thermoai_calibrate_fit_init(&fit, 55) == THERMOAI_E_SIZE, "fit init 55 -> E_SIZE");
    tap_ok(thermoai_calibrate_fit_init(&fit, sizeof fit) == THERMOAI_OK, "fit init");
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, res, &fit) == THERMOAI_OK, "a valid fit");
    tap_ok(thermoai_calibrate_energy(p, 2, 0, &h, res, &fit) == THERMOAI_E_INVALID && isnan(res[0])
               && isnan(fit.rms_residual_j),
           "fewer points than unknowns -> E_INVALID, NaN");
    tap_ok(thermoai_calibrate_energy(p, 3, 2, &h, res, &fit) == THERMOAI_E_UNSUPPORTED, "unknown flag");
    p[1].reserved = 1;
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, res, &fit) == THERMOAI_E_UNSUPPORTED, "reserved");
    p[1].reserved = 0;
    p[1].seconds = (double)NAN;
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, res, &fit) == THERMOAI_E_NONFINITE, "NaN seconds");
    p[1].seconds = 0.0;
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, res, &fit) == THERMOAI_E_INVALID, "zero seconds");
    p[1].seconds = 2.0;
    p[1].joules = -1.0;
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, res, &fit) == THERMOAI_E_INVALID, "negative energy");
    p[1] = run(THERMOAI_HARDWARE_INT4, 1e15, 1e12, 2.0);
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, res, &fit) == THERMOAI_E_INVALID,
           "a precision the profile has no peak for");
    p[1] = run(THERMOAI_HARDWARE_BF16, 1e15, 1e12, 0.5); /* 2000 TFLOP/s > 1000 peak */
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, res, &fit) == THERMOAI_E_INVALID,
           "a run faster than the peak -> E_INVALID");
    p[1] = run(THERMOAI_HARDWARE_BF16, 1e15, 1e12, 2.0);
    tap_ok(thermoai_calibrate_energy(NULL, 3, 0, &h, res, &fit) == THERMOAI_E_NULL, "NULL points");
    tap_ok(thermoai_calibrate_energy(p, 3, 0, NULL, res, &fit) == THERMOAI_E_NULL, "NULL profile");
    fit.struct_size = 8;
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, res, &fit) == THERMOAI_E_SIZE, "small fit struct");
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, NULL, NULL) == THERMOAI_OK, "outputs optional");
    h.memory_bw_bytes_per_s = 0.0;
    tap_ok(thermoai_calibrate_energy(p, 3, 0, &h, NULL, NULL) == THERMOAI_E_INVALID, "invalid profile");
}

int main(void)
{
    nnls();
    synthetic();
    microbench();
    bad_input();
    return tap_done();
}
