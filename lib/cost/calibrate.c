/* SPDX-License-Identifier: MIT */
/* Non-negative least squares (Lawson-Hanson) and the energy fit of a hardware profile. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "cost_internal.h"

#define MAXC THERMOAI_CALIBRATE_MAX_COLS

THERMOAI__STATIC_ASSERT(sizeof(thermoai_calibrate_fit) == THERMOAI__SIZE_V0_CALIBRATE_FIT, fit_size);

int thermoai_calibrate_fit_init(thermoai_calibrate_fit *fit, size_t size)
{
    return thermoai__struct_init(fit, size, THERMOAI__SIZE_V0_CALIBRATE_FIT);
}

size_t thermoai_calibrate_fit_size(void)
{
    return sizeof(thermoai_calibrate_fit);
}

/* Solves g[P,P] z = c[P] for the indices in p[0..np-1] by Cholesky; 0 when the
 * submatrix is not positive definite (collinear columns). */
static int solve_passive(const double g[MAXC][MAXC], const double *c, const size_t *p, size_t np,
                         double *z)
{
    double l[MAXC][MAXC], y[MAXC];
    size_t i, j, k;

    for (i = 0; i < np; i++) {
        for (j = 0; j <= i; j++) {
            double s = g[p[i]][p[j]];

            for (k = 0; k < j; k++)
                s -= l[i][k] * l[j][k];
            if (i == j) {
                /* relative pivot test: a column (scaled to norm 1) that the others span */
                if (!(s > 1e-13))
                    return 0;
                l[i][i] = sqrt(s);
            } else {
                l[i][j] = s / l[j][j];
            }
        }
    }
    for (i = 0; i < np; i++) {
        double s = c[p[i]];

        for (k = 0; k < i; k++)
            s -= l[i][k] * y[k];
        y[i] = s / l[i][i];
    }
    for (i = np; i-- > 0;) {
        double s = y[i];

        for (k = i + 1; k < np; k++)
            s -= l[k][i] * z[k];
        z[i] = s / l[i][i];
    }
    return 1;
}

/* NNLS on the normal equations g x = c (g = A^T A, c = A^T b, unscaled; both are
 * overwritten). Columns are scaled by sqrt(g_jj), their norms. */
static int nnls_gram(double g[MAXC][MAXC], double *c, size_t cols, double *x)
{
    double s[MAXC], y[MAXC], z[MAXC], tol, cmax = 0.0;
    size_t p[MAXC], np = 0, i, j, iter = 0;
    int in_p[MAXC];

    for (j = 0; j < cols; j++) {
        if (!(g[j][j] > 0.0))
            return THERMOAI_E_DOMAIN; /* an all-zero column: its unknown is undetermined */
        s[j] = sqrt(g[j][j]);
    }
    for (i = 0; i < cols; i++) {
        for (j = 0; j < cols; j++)
            g[i][j] /= s[i] * s[j];
        c[i] /= s[i];
        if (fabs(c[i]) > cmax)
            cmax = fabs(c[i]);
        y[i] = 0.0;
        in_p[i] = 0;
    }
    for (i = 0; i < cols; i++)
        for (j = 0; j < cols; j++)
            if (!isfinite(g[i][j]))
                return THERMOAI_E_RANGE;
    if (!isfinite(cmax))
        return THERMOAI_E_RANGE;
    tol = 1e-12 * (cmax > 0.0 ? cmax : 1.0);

    for (;;) {
        size_t best = cols;
        double wmax = tol;

        /* the gradient c - g y; the largest positive component of an inactive unknown */
        for (i = 0; i < cols; i++) {
            double acc = c[i];

            for (j = 0; j < cols; j++)
                acc -= g[i][j] * y[j];
            if (!in_p[i] && acc > wmax) {
                wmax = acc;
                best = i;
            }
        }
        if (best == cols)
            break; /* the Kuhn-Tucker conditions hold */
        if (++iter > 3 * cols)
            return THERMOAI_E_NO_CONVERGENCE;
        in_p[best] = 1;
        p[np++] = best;
        for (;;) {
            double alpha = 2.0;
            size_t k, m;

            if (!solve_passive((const double(*)[MAXC])g, c, p, np, z))
                return THERMOAI_E_DOMAIN; /* collinear columns */
            for (k = 0; k < np; k++)
                if (!(z[k] > 0.0)) {
                    double t = y[p[k]] / (y[p[k]] - z[k]);

                    if (t < alpha)
                        alpha = t;
                }
            if (alpha > 1.0) {
                for (k = 0; k < np; k++)
                    y[p[k]] = z[k];
                break;
            }
            /* step towards z until a coordinate reaches 0; those leave the passive set */
            for (k = 0, m = 0; k < np; k++) {
                double v = y[p[k]] + alpha * (z[k] - y[p[k]]);

                if (v <= 0.0) {
                    y[p[k]] = 0.0;
                    in_p[p[k]] = 0;
                } else {
                    y[p[k]] = v;
                    p[m++] = p[k];
                }
            }
            if (m == np) { /* the limiting coordinate rounded to a tiny positive value */
                size_t kmin = 0;

                for (k = 1; k < np; k++)
                    if (y[p[k]] < y[p[kmin]])
                        kmin = k;
                y[p[kmin]] = 0.0;
                in_p[p[kmin]] = 0;
                for (k = kmin; k + 1 < np; k++)
                    p[k] = p[k + 1];
                m = np - 1;
            }
            np = m;
            if (np == 0)
                break;
        }
    }
    for (j = 0; j < cols; j++) {
        x[j] = y[j] / s[j];
        if (!isfinite(x[j]))
            return THERMOAI_E_RANGE;
    }
    return THERMOAI_OK;
}

static void nan_fill(double *v, size_t n)
{
    size_t i;

    if (v != NULL && thermoai__can_own(n, 1, sizeof *v))
        for (i = 0; i < n; i++)
            v[i] = (double)NAN;
}

int thermoai_calibrate_nnls(const double *a, size_t rows, size_t cols, const double *b,
                            double *x, double *residuals)
{
    size_t i;
    int status;

    if (x == NULL)
        return THERMOAI_E_NULL;
    if (cols >= 1 && cols <= MAXC)
        nan_fill(x, cols);
    if (rows >= 1 && cols >= 1 && cols <= MAXC)
        nan_fill(residuals, rows);
    if (a == NULL || b == NULL)
        return THERMOAI_E_NULL;
    /* rows * cols doubles must be able to exist: a wrapped product would read past a */
    if (rows == 0 || cols == 0 || cols > MAXC || !thermoai__can_own(rows, cols, sizeof(double)))
        return THERMOAI_E_INVALID;
    for (i = 0; i < rows * cols; i++)
        if (!isfinite(a[i]))
            return THERMOAI_E_NONFINITE;
    for (i = 0; i < rows; i++)
        if (!isfinite(b[i]))
            return THERMOAI_E_NONFINITE;
    {
        double g[MAXC][MAXC], c[MAXC];
        size_t j, k, r;

        for (j = 0; j < cols; j++) {
            c[j] = 0.0;
            for (k = 0; k < cols; k++)
                g[j][k] = 0.0;
        }
        for (r = 0; r < rows; r++)
            for (j = 0; j < cols; j++) {
                c[j] += a[r * cols + j] * b[r];
                for (k = 0; k < cols; k++)
                    g[j][k] += a[r * cols + j] * a[r * cols + k];
            }
        status = nnls_gram(g, c, cols, x);
        if (status == THERMOAI_OK && residuals != NULL)
            for (r = 0; r < rows; r++) {
                double acc = b[r];

                for (j = 0; j < cols; j++)
                    acc -= a[r * cols + j] * x[j];
                residuals[r] = acc;
            }
    }
    if (status != THERMOAI_OK) {
        nan_fill(x, cols);
        nan_fill(residuals, rows);
    }
    return status;
}

/* Least-squares rate through the origin: sum x^2 / sum x t. */
static double rate(double sxx, double sxt)
{
    return sxt > 0.0 ? sxx / sxt : 0.0;
}

/* The fit itself; the caller handles the NaN rule. At most MAXC-1 precisions + 2. */
static int fit_energy(const thermoai_calibrate_point *pt, size_t n, uint32_t flags,
                      thermoai_hardware *hw, double *residuals, thermoai_calibrate_fit *f)
{
    double peak[THERMOAI_HARDWARE_PRECISIONS], x[MAXC], bw, sbb = 0.0, sbt = 0.0, sff = 0.0,
                                                         sft = 0.0, ss = 0.0;
    double *jflop[THERMOAI_HARDWARE_PRECISIONS];
    int col_of[THERMOAI_HARDWARE_PRECISIONS], byte_col = -1;
    size_t i, cols = 1, r, p, k;
    int status;

    if ((flags & ~(uint32_t)THERMOAI_CALIBRATE_RELATIVE) != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(thermoai_hardware_check(hw));
    thermoai__hardware_peaks(hw, peak);
    thermoai__hardware_flop_energies(hw, jflop);
    bw = hw->memory_bw_bytes_per_s;
    for (p = 0; p < THERMOAI_HARDWARE_PRECISIONS; p++)
        col_of[p] = -1;
    for (i = 0; i < n; i++) {
        const thermoai_calibrate_point *q = &pt[i];

        if (q->reserved != 0)
            return THERMOAI_E_UNSUPPORTED;
        if (!isfinite(q->flop) || !isfinite(q->bytes) || !isfinite(q->seconds)
            || !isfinite(q->joules))
            return THERMOAI_E_NONFINITE;
    }
    for (i = 0; i < n; i++) {
        const thermoai_calibrate_point *q = &pt[i];

        if (q->flop < 0.0 || q->bytes < 0.0 || !(q->seconds > 0.0) || q->joules < 0.0)
            return THERMOAI_E_INVALID;
        if (q->flop > 0.0) {
            if (q->precision >= THERMOAI_HARDWARE_PRECISIONS || !(peak[q->precision] > 0.0))
                return THERMOAI_E_INVALID;
            if (col_of[q->precision] < 0)
                col_of[q->precision] = (int)cols++;
        }
        if (q->bytes > 0.0 && byte_col < 0)
            byte_col = (int)cols++;
    }
    if (n < cols)
        return THERMOAI_E_INVALID;
    {
        /* the normal equations of the n x cols design matrix, one row per point */
        double g[MAXC][MAXC], c[MAXC], row[MAXC];
        size_t j;

        for (j = 0; j < cols; j++) {
            c[j] = 0.0;
            for (k = 0; k < cols; k++)
                g[j][k] = 0.0;
        }
        for (r = 0; r < n; r++) {
            double w2 = 1.0;

            if (flags & THERMOAI_CALIBRATE_RELATIVE)
                w2 = pt[r].joules > 0.0 ? 1.0 / (pt[r].joules * pt[r].joules) : 0.0;
            for (k = 0; k < cols; k++)
                row[k] = 0.0;
            row[0] = pt[r].seconds;
            if (byte_col >= 0)
                row[byte_col] = pt[r].bytes;
            if (pt[r].flop > 0.0)
                row[col_of[pt[r].precision]] = pt[r].flop;
            for (j = 0; j < cols; j++) {
                c[j] += w2 * row[j] * pt[r].joules;
                for (k = 0; k < cols; k++)
                    g[j][k] += w2 * row[j] * row[k];
            }
        }
        status = nnls_gram(g, c, cols, x);
        if (status != THERMOAI_OK)
            return status;
    }
    /* achieved rates of the points each roof binds */
    for (i = 0; i < n; i++) {
        const thermoai_calibrate_point *q = &pt[i];
        double tb = q->bytes / bw;
        double tf = q->flop > 0.0 ? q->flop / peak[q->precision] : 0.0;

        if (q->bytes > 0.0 && tb > tf) {
            sbb += q->bytes * q->bytes;
            sbt += q->bytes * q->seconds;
        } else if (q->flop > 0.0 && q->precision == THERMOAI_HARDWARE_BF16) {
            sff += q->flop * q->flop;
            sft += q->flop * q->seconds;
        }
    }
    f->achieved_bw_bytes_per_s = rate(sbb, sbt);
    f->achieved_flop_per_s = rate(sff, sft);
    if (f->achieved_bw_bytes_per_s > bw
        || f->achieved_flop_per_s > peak[THERMOAI_HARDWARE_BF16])
        return THERMOAI_E_INVALID;
    /* residuals and their summaries */
    f->max_abs_residual_j = 0.0;
    f->max_rel_residual = 0.0;
    for (r = 0; r < n; r++) {
        double model = x[0] * pt[r].seconds, res;

        if (byte_col >= 0)
            model += x[byte_col] * pt[r].bytes;
        if (pt[r].flop > 0.0)
            model += x[col_of[pt[r].precision]] * pt[r].flop;
        res = pt[r].joules - model;
        if (residuals != NULL)
            residuals[r] = res;
        ss += res * res;
        if (fabs(res) > f->max_abs_residual_j)
            f->max_abs_residual_j = fabs(res);
        if (pt[r].joules > 0.0 && fabs(res) / pt[r].joules > f->max_rel_residual)
            f->max_rel_residual = fabs(res) / pt[r].joules;
    }
    f->rms_residual_j = sqrt(ss / (double)n);
    f->unknowns = (uint32_t)cols;
    f->points = (uint32_t)n;
    f->at_zero = 0;
    for (k = 0; k < cols; k++)
        if (x[k] == 0.0)
            f->at_zero++;
    /* into the profile */
    hw->idle_power_w = x[0];
    hw->idle_origin = THERMOAI_HARDWARE_ORIGIN_MEASURED;
    if (byte_col >= 0) {
        hw->j_per_byte = x[byte_col];
        hw->byte_energy_origin = THERMOAI_HARDWARE_ORIGIN_MEASURED;
    }
    for (p = 0; p < THERMOAI_HARDWARE_PRECISIONS; p++)
        if (col_of[p] >= 0) {
            *jflop[p] = x[col_of[p]];
            hw->flop_energy_measured |= 1u << p;
        }
    if (f->achieved_bw_bytes_per_s > 0.0)
        hw->bandwidth_efficiency = f->achieved_bw_bytes_per_s / bw;
    if (f->achieved_flop_per_s > 0.0)
        hw->compute_efficiency = f->achieved_flop_per_s / peak[THERMOAI_HARDWARE_BF16];
    if (f->achieved_bw_bytes_per_s > 0.0 || f->achieved_flop_per_s > 0.0)
        hw->efficiency_origin = THERMOAI_HARDWARE_ORIGIN_MEASURED;
    return THERMOAI_OK;
}

/* The double fields, for the error path of an output struct (doc/abi-policy.md). */
static const size_t fit_doubles[] = {
    offsetof(thermoai_calibrate_fit, rms_residual_j),
    offsetof(thermoai_calibrate_fit, max_abs_residual_j),
    offsetof(thermoai_calibrate_fit, max_rel_residual),
    offsetof(thermoai_calibrate_fit, achieved_bw_bytes_per_s),
    offsetof(thermoai_calibrate_fit, achieved_flop_per_s),
};
#define N_FIT_DOUBLES (sizeof fit_doubles / sizeof fit_doubles[0])

int thermoai_calibrate_energy(const thermoai_calibrate_point *points, size_t n, uint32_t flags,
                              thermoai_hardware *hw, double *residuals_j,
                              thermoai_calibrate_fit *fit)
{
    thermoai_hardware h;
    thermoai_calibrate_fit f;
    int status;

    nan_fill(points != NULL ? residuals_j : NULL, n);
    if (fit != NULL)
        THERMOAI__TRY(thermoai__struct_out_check(fit, THERMOAI__SIZE_V0_CALIBRATE_FIT, sizeof f,
                                                 fit_doubles, N_FIT_DOUBLES));
    memset(&f, 0, sizeof f);
    f.struct_size = (uint32_t)sizeof f;
    if (points == NULL || hw == NULL) {
        status = THERMOAI_E_NULL;
    } else {
        status = thermoai__hardware_load(hw, &h);
        if (status == THERMOAI_OK)
            status = fit_energy(points, n, flags, &h, residuals_j, &f);
    }
    if (status != THERMOAI_OK) {
        f.rms_residual_j = f.max_abs_residual_j = f.max_rel_residual =
            f.achieved_bw_bytes_per_s = f.achieved_flop_per_s = (double)NAN;
        f.unknowns = f.points = f.at_zero = 0;
        nan_fill(points != NULL ? residuals_j : NULL, n);
    } else {
        (void)thermoai__struct_out(hw, THERMOAI__SIZE_V0_HARDWARE, &h, sizeof h);
    }
    if (fit != NULL)
        (void)thermoai__struct_out(fit, THERMOAI__SIZE_V0_CALIBRATE_FIT, &f, sizeof f);
    return status;
}
