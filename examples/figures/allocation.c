/* SPDX-License-Identifier: MIT */
/*
 * Energy-optimal allocation and the precision trade-off, from the library
 * (doc/allocation.md).
 *
 *   allocation OUTDIR   writes, for allocation.gp:
 *     alloc_<fit>_iso.dat       iso-loss curves in (N, D), one block per loss level
 *                               (the loss of the optimum at 1e18, 1e20, ..., 1e26 FLOP)
 *     alloc_<fit>_frontier.dat  the compute-optimal frontier C = 6 N D (Hoffmann Eq. 4)
 *     alloc_<fit>_lifetime.dat  the frontier when the model then serves 1e13 tokens
 *                               (2 FLOP per parameter each; thermoai_allocate_solve)
 *     precision.dat             energy per operation against bit width under Theorem
 *                               4.5's laws, and the degradation c 2^-2b (c = 1)
 *     precision_table5.dat      Table 5 as printed (the paper's points)
 * Energies are in FLOP (e = 1 J/FLOP): the allocation does not depend on e.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

static const char *const fits[] = { "hoffmann2022", "hoffmann2022-tex", "besiroglu2024", "kaplan2020" };

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    if (f == NULL)
        fprintf(stderr, "allocation: cannot write %s\n", path);
    return f;
}

static int fail(const char *what, int status)
{
    fprintf(stderr, "allocation: %s: %s\n", what, thermoai_strerror(status));
    return 1;
}

static int one_fit(const char *dir, const char *name)
{
    thermoai_loss_model m;
    thermoai_allocate_energy_model e;
    thermoai_allocate_result r;
    char file[256];
    FILE *iso, *front, *life;
    double c, n, d, l;
    int s, k;

    if ((s = thermoai_loss_model_init(&m, sizeof m)) != THERMOAI_OK || (s = thermoai_loss_preset_find(name, &m)) != THERMOAI_OK)
        return fail(name, s);
    snprintf(file, sizeof file, "alloc_%s_iso.dat", name);
    iso = open_out(dir, file);
    snprintf(file, sizeof file, "alloc_%s_frontier.dat", name);
    front = open_out(dir, file);
    snprintf(file, sizeof file, "alloc_%s_lifetime.dat", name);
    life = open_out(dir, file);
    if (iso == NULL || front == NULL || life == NULL)
        return 1;
    fprintf(iso, "# %s: iso-loss curves L(N, D) = const; block k: the loss of the optimum at 1e(18+2k) FLOP\n"
                 "# N  D  loss_nats\n", name);
    for (k = 0; k < 5; k++) {
        double x;

        c = pow(10.0, 18.0 + 2.0 * k);
        if ((s = thermoai_allocate_compute_optimal(&m, c, &n, &d, &l)) != THERMOAI_OK)
            return fail("compute_optimal", s);
        /* D(N) on the level set: B / D^beta = L - E - A / N^alpha */
        for (x = 6.0; x <= 14.0 + 1e-9; x += 0.02) {
            const double np = pow(10.0, x);
            const double rest = l - m.irreducible_nats - m.params_coef * pow(np, -m.params_exponent);

            if (rest > 0.0) {
                const double dp = pow(m.tokens_coef / rest, 1.0 / m.tokens_exponent);

                if (dp <= 1e16)
                    fprintf(iso, "%.6e %.6e %.6f\n", np, dp, l);
            }
        }
        fprintf(iso, "\n\n");
    }
    fprintf(front, "# %s: compute-optimal frontier C = 6 N D\n# C_flop  N  D  D/N  loss_nats\n", name);
    fprintf(life, "# %s: energy-optimal N, D when the model then serves 1e13 tokens (E = 6 N D + 2e13 N FLOP)\n"
                  "# E_flop  N  D  D/N  loss_nats\n", name);
    if ((s = thermoai_allocate_energy_model_init(&e, sizeof e)) != THERMOAI_OK
        || (s = thermoai_allocate_result_init(&r, sizeof r)) != THERMOAI_OK)
        return fail("init", s);
    e.compute_j_per_param_token = 6.0;
    e.memory_j_per_param = 2e13;
    for (c = 1e17; c <= 1e27 * 1.0001; c *= pow(10.0, 0.1)) {
        if ((s = thermoai_allocate_compute_optimal(&m, c, &n, &d, &l)) != THERMOAI_OK)
            return fail("compute_optimal", s);
        fprintf(front, "%.6e %.6e %.6e %.6g %.6f\n", c, n, d, d / n, l);
        if ((s = thermoai_allocate_solve(&m, &e, c, &r)) != THERMOAI_OK)
            return fail("solve", s);
        fprintf(life, "%.6e %.6e %.6e %.6g %.6f\n", c, r.params, r.tokens, r.tokens_per_param, r.loss_nats);
    }
    return (fclose(iso) | fclose(front) | fclose(life)) != 0;
}

static int precision(const char *dir)
{
    static const struct {
        const char *name;
        double bits, e_flop_pj, e_mem_pj, relative;
    } table5[] = { { "FP32", 32, 0.9, 0.5, 1.0 }, { "FP16", 16, 0.4, 0.25, 0.45 },
                   { "INT8", 8, 0.2, 0.125, 0.22 }, { "INT4", 4, 0.1, 0.0625, 0.11 } };
    FILE *f = open_out(dir, "precision.dat"), *t = open_out(dir, "precision_table5.dat");
    double b;
    size_t i;
    int s;

    if (f == NULL || t == NULL)
        return 1;
    fprintf(f, "# bits  e_flop/e_flop(32) digital b^1.5  analog b^2  e_mem/e_mem(32) b  degradation c 2^-2b (c = 1)\n");
    for (b = 2.0; b <= 32.0 + 1e-9; b += 0.25) {
        double dig, ana, mem, deg;

        if ((s = thermoai_precision_energy_j(1.0, 32.0, b, THERMOAI_PRECISION_DIGITAL_EXPONENT, &dig)) != THERMOAI_OK
            || (s = thermoai_precision_energy_j(1.0, 32.0, b, THERMOAI_PRECISION_ANALOG_EXPONENT, &ana)) != THERMOAI_OK
            || (s = thermoai_precision_energy_j(1.0, 32.0, b, THERMOAI_PRECISION_MEMORY_EXPONENT, &mem)) != THERMOAI_OK
            || (s = thermoai_precision_degradation(1.0, b, &deg)) != THERMOAI_OK)
            return fail("precision", s);
        fprintf(f, "%.2f %.6g %.6g %.6g %.6g\n", b, dig, ana, mem, deg);
    }
    fprintf(t, "# Table 5 as printed: name bits e_flop_pJ e_mem_pJ_per_bit relative_energy\n");
    for (i = 0; i < sizeof table5 / sizeof table5[0]; i++)
        fprintf(t, "%s %g %g %g %g\n", table5[i].name, table5[i].bits, table5[i].e_flop_pj, table5[i].e_mem_pj,
                table5[i].relative);
    return (fclose(f) | fclose(t)) != 0;
}

int main(int argc, char **argv)
{
    size_t i;

    if (argc != 2) {
        fprintf(stderr, "usage: allocation OUTDIR\n");
        return 2;
    }
    for (i = 0; i < sizeof fits / sizeof fits[0]; i++)
        if (one_fit(argv[1], fits[i]) != 0)
            return 1;
    return precision(argv[1]);
}
