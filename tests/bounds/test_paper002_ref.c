/* SPDX-License-Identifier: MIT */
/*
 * Reference values for paper 002's dynamics, geometry and spectral bounds:
 * every row of tests/ref/paper002.csv (mpmath, each by a method other than the
 * library's; see tests/ref/paper002_ref.py) through the library.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

#define MAX_ARGS 256
#define LINE_MAX_CHARS 16384

static unsigned char workspace[1 << 20];

/* E(t) = e0 (2 + cos(w t)) for thermoai_dynamics_lr_energy_aware(). */
static int energy_fn(double t, void *user, double *value)
{
    const double *p = (const double *)user;

    *value = p[0] * (2.0 + cos(p[1] * t));
    return 0;
}

/* A count read from the table: a[0] may be any double (a temperature, a
 * negative rate), so it converts only when it is a count (no UB otherwise). */
static size_t count_of(double x)
{
    return x >= 0.0 && x < 1e9 ? (size_t)x : 0;
}

/* Calls the function named fn with args a (count na); -1 for an unknown name. */
static int call(const char *fn, const double *a, int na, double *out)
{
    const size_t n = count_of(a[0]);
    double o[8];
    int s;

    (void)na;
    if (!strcmp(fn, "temperature"))
        return thermoai_dynamics_temperature(a[0], a[1], a[2], out);
    if (!strcmp(fn, "w2_diag"))
        return thermoai_dynamics_w2_gaussian_diag(n, a + 1, a + 1 + n, a + 1 + 2 * n, a + 1 + 3 * n, out);
    if (!strcmp(fn, "w2_full"))
        return thermoai_dynamics_w2_gaussian(n, a + 1, a + 1 + n, a + 1 + n + n * n,
                                             a + 1 + 2 * n + n * n, workspace, sizeof workspace, out);
    if (!strcmp(fn, "ou_rate"))
        return thermoai_dynamics_ou_entropy_rate(n, a + 1, a + 1 + n, a + 1 + 2 * n, a[1 + 3 * n],
                                                 a[2 + 3 * n], out);
    if (!strcmp(fn, "ou_sigma") || !strcmp(fn, "ou_ds") || !strcmp(fn, "ou_dl")) {
        s = thermoai_dynamics_ou_entropy_production(n, a + 1, a + 1 + n, a + 1 + 2 * n, a[1 + 3 * n],
                                                    a[2 + 3 * n], &o[0], &o[1], &o[2]);
        *out = o[fn[3] == 's' ? 0 : fn[4] == 's' ? 1 : 2];
        return s;
    }
    if (!strcmp(fn, "lr_schedule"))
        return thermoai_dynamics_lr_schedule(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "lr_tau_opt"))
        return thermoai_dynamics_lr_tau_opt(a[0], a[1], a[2], out);
    if (!strcmp(fn, "lr_energy_aware")) {
        const double p[2] = { a[2], a[3] };

        return thermoai_dynamics_lr_energy_aware(a[0], a[1], energy_fn, (void *)(uintptr_t)p, a[4], out);
    }
    if (!strcmp(fn, "lr_profile")) {
        double eta[16];
        const size_t steps = (size_t)a[3];

        s = thermoai_dynamics_lr_energy_profile(a[0], a[1], steps, a + 4, eta);
        *out = eta[(size_t)a[2]];
        return s;
    }
    if (!strcmp(fn, "transport_entropy"))
        return thermoai_dynamics_transport_entropy_bound(a[0], a[1], a[2], out);
    if (!strcmp(fn, "transport_energy"))
        return thermoai_dynamics_transport_energy_bound(a[0], a[1], a[2], out);
    if (!strcmp(fn, "speed_energy"))
        return thermoai_dynamics_speed_energy_product(a[0], a[1], out);
    if (!strcmp(fn, "second_law_slack"))
        return thermoai_dynamics_second_law_slack(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "min_dissipation"))
        return thermoai_dynamics_min_dissipation(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "fisher")) {
        const size_t d = (size_t)a[1], i = (size_t)a[2], j = (size_t)a[3];
        double g[64];

        s = thermoai_geometry_fisher_metric(n, d, a + 4, a + 4 + d, workspace, sizeof workspace, g);
        *out = g[i * d + j];
        return s != THERMOAI_OK || g[i * d + j] != g[j * d + i] ? -2 : s;
    }
    if (!strcmp(fn, "heat_factor"))
        return thermoai_geometry_heat_factor(a[0], a[1], a[2], out);
    if (!strcmp(fn, "heat_cutoff"))
        return thermoai_geometry_heat_cutoff(a[0], a[1], a[2], out);
    if (!strcmp(fn, "heat_filter")) {
        double y[16];

        s = thermoai_geometry_heat_filter(n, a + 4, a + 4 + n * n, a[2], a[3], workspace,
                                          sizeof workspace, y);
        *out = y[(size_t)a[1]];
        return s;
    }
    if (!strcmp(fn, "info_bound"))
        return thermoai_geometry_information_bound(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "spectral_energy"))
        return thermoai_geometry_spectral_energy_j(a[0], a[1], a[2], a[3], a[4], out);
    if (!strcmp(fn, "sin_theta_bound"))
        return thermoai_perturbation_sin_theta_bound(a[0], a[1], (size_t)a[2], a[3], out);
    if (!strcmp(fn, "davis_kahan"))
        return thermoai_perturbation_davis_kahan(a[0], a[1], out);
    if (!strncmp(fn, "measure_", 8)) {
        const size_t k = (size_t)a[1];

        s = thermoai_perturbation_measure(n, k, a + 2, a + 2 + n * n, workspace, sizeof workspace,
                                          &o[0], &o[1], &o[2], &o[3]);
        *out = o[!strcmp(fn + 8, "sin") ? 0 : !strcmp(fn + 8, "gap") ? 1 : !strcmp(fn + 8, "nf") ? 2 : 3];
        return s;
    }
    if (!strcmp(fn, "bernstein_tail"))
        return thermoai_perturbation_bernstein_tail((size_t)a[0], (size_t)a[1], a[2], a[3], a[4], out);
    if (!strcmp(fn, "bernstein_dev"))
        return thermoai_perturbation_bernstein_deviation((size_t)a[0], (size_t)a[1], a[2], a[3], a[4],
                                                         out);
    if (!strcmp(fn, "jl_gaussian"))
        return thermoai_perturbation_jl_dimension_gaussian(a[0], a[1], a[2], out);
    if (!strcmp(fn, "jl_printed"))
        return thermoai_perturbation_jl_dimension(a[0], a[1], a[2], out);
    if (!strcmp(fn, "nystrom_error")) {
        const size_t cols = (size_t)a[1];
        uint32_t idx[16];
        size_t i;

        for (i = 0; i < cols; i++)
            idx[i] = (uint32_t)a[2 + i];
        return thermoai_perturbation_nystrom_error(n, a + 2 + cols, cols, idx, workspace,
                                                   sizeof workspace, out);
    }
    if (!strcmp(fn, "nystrom_bound"))
        return thermoai_perturbation_nystrom_bound(n, (size_t)a[1], a + 2, out);
    if (!strcmp(fn, "ssa_bound"))
        return thermoai_perturbation_ssa_bound(a[0], a[1], a[2], a[3], a[4], a[5], out);
    if (!strcmp(fn, "ssa_sampling"))
        return thermoai_perturbation_ssa_sampling_error(a[0], a[1], a[2], a[3], a[4], a[5], out);
    if (!strcmp(fn, "tradeoff_error"))
        return thermoai_perturbation_tradeoff_error(a[0], a[1], a[2], out);
    if (!strcmp(fn, "tradeoff_edges"))
        return thermoai_perturbation_tradeoff_edges(a[0], a[1], a[2], out);
    if (!strcmp(fn, "resistance")) {
        static double r[64];

        s = thermoai_graph_effective_resistance(n, a + 3, workspace, sizeof workspace, r);
        *out = r[(size_t)a[1] * n + (size_t)a[2]];
        return s;
    }
    if (!strcmp(fn, "laplacian")) {
        double lam[16];

        s = thermoai_graph_laplacian_spectrum(n, a + 2, workspace, sizeof workspace, lam);
        *out = lam[(size_t)a[1]];
        return s;
    }
    if (!strcmp(fn, "conductance"))
        return thermoai_graph_conductance(n, a + 2, a[1] != 0.0 ? THERMOAI_GRAPH_CONDUCTANCE_PAPER : 0u,
                                          out);
    if (!strcmp(fn, "cheeger_lo") || !strcmp(fn, "cheeger_hi")) {
        s = thermoai_graph_cheeger_bounds(a[0], &o[0], &o[1]);
        *out = o[fn[8] == 'l' ? 0 : 1];
        return s;
    }
    if (!strcmp(fn, "sparsifier_min"))
        return thermoai_graph_sparsifier_min_edges(a[0], a[1], a[2], out);
    if (!strcmp(fn, "rademacher"))
        return thermoai_rademacher_bound(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "rademacher_sparse"))
        return thermoai_rademacher_sparse(a[0], a[1], out);
    if (!strcmp(fn, "free_energy_min")) {
        const size_t d = (size_t)a[1];

        return thermoai_softmax_free_energy_min(n, d, a + 2, a + 2 + d, out, NULL);
    }
    if (!strcmp(fn, "free_energy")) {
        const size_t d = (size_t)a[1];

        return thermoai_softmax_free_energy(n, d, a + 2, a + 2 + d, a + 2 + d + n * d, out);
    }
    if (!strcmp(fn, "max_weight") || !strcmp(fn, "max_threshold")) {
        const size_t d = (size_t)a[1];

        s = thermoai_softmax_max_weight(n, d, a + 2, a + 2 + d, &o[0], &o[1]);
        *out = o[fn[4] == 'w' ? 0 : 1];
        return s;
    }
    if (!strcmp(fn, "singular")) {
        const size_t d = (size_t)a[1];
        double sig[16];

        s = thermoai_softmax_singular_values(n, d, a + 3, a + 3 + n * d, workspace, sizeof workspace, sig);
        *out = sig[(size_t)a[2]];
        return s;
    }
    if (!strcmp(fn, "erank"))
        return thermoai_softmax_effective_rank(n, a + 1, out);
    return -1;
}

int main(void)
{
    FILE *f = ref_open("paper002.csv");
    static char line[LINE_MAX_CHARS];
    int rows = 0, bad = 0;

    if (!tap_ok(f != NULL, "open tests/ref/paper002.csv"))
        return tap_done();
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[4 + MAX_ARGS], *save = NULL, *tok;
        static double args[MAX_ARGS];
        double want, tol, got = 0;
        int n = 0, status, ok, i, absolute;

        if (line[0] == '#')
            continue;
        line[strcspn(line, "\n")] = '\0';
        for (tok = strtok_r(line, ";", &save); tok != NULL && n < 4 + MAX_ARGS;
             tok = strtok_r(NULL, ";", &save))
            field[n++] = tok;
        if (n < 5) {
            bad++;
            continue;
        }
        absolute = field[2][0] == 'a';
        tol = strtod(field[2] + absolute, NULL);
        want = strtod(field[3], NULL);
        memset(args, 0, sizeof args);
        for (i = 4; i < n; i++)
            args[i - 4] = strtod(field[i], NULL);
        status = call(field[0], args, n - 4, &got);
        ok = strcmp(field[1], "OK") == 0 && status == THERMOAI_OK
             && fabs(got - want) <= tol * (absolute ? 1.0 : fabs(want));
        rows++;
        if (!ok) {
            bad++;
            tap_diag("%s(%g, %g, ...): status %s, got %.17g, want %.17g (%s tol. %g)", field[0],
                     args[0], args[1], thermoai_status_name(status), got, want,
                     absolute ? "abs." : "rel.", tol);
        }
    }
    fclose(f);
    tap_ok(rows > 200, "read %d reference rows", rows);
    tap_ok(bad == 0, "every row within its tolerance (%d bad)", bad);
    return tap_done();
}
