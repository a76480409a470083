/* SPDX-License-Identifier: MIT */
/*
 * Reference values for paper 001's formulas: every row of
 * tests/ref/negentropy.csv (mpmath, exact double inputs) through the library.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

#define MAX_ARGS 12

static int flux_phases(const double *a, thermoai_flux_phases *p)
{
    if (thermoai_flux_phases_init(p, sizeof *p) != THERMOAI_OK)
        return -1;
    p->phi0_bits_per_s = a[0];
    p->tau1_s = a[1];
    p->tau2_s = a[2];
    p->tau3_s = a[3];
    p->tau4_s = a[4];
    p->alpha = a[5];
    p->beta = a[6];
    p->flags = a[7] != 0.0 ? THERMOAI_FLUX_CONTINUOUS : 0u;
    return 0;
}

/* Calls the function named fn with args; -1 for an unknown name. */
static int call(const char *fn, const double *a, double *out)
{
    thermoai_flux_phases ph;

    if (!strcmp(fn, "info_perplexity_from_bits"))
        return thermoai_info_perplexity_from_bits(a[0], out);
    if (!strcmp(fn, "info_perplexity_from_nats"))
        return thermoai_info_perplexity_from_nats(a[0], out);
    if (!strcmp(fn, "info_cross_entropy_bits"))
        return thermoai_info_cross_entropy_bits(a[0], out);
    if (!strcmp(fn, "info_cross_entropy_nats"))
        return thermoai_info_cross_entropy_nats(a[0], out);
    if (!strcmp(fn, "info_bits_from_nats"))
        return thermoai_info_bits_from_nats(a[0], out);
    if (!strcmp(fn, "info_nats_from_bits"))
        return thermoai_info_nats_from_bits(a[0], out);
    if (!strcmp(fn, "info_uniform_entropy_bits"))
        return thermoai_info_uniform_entropy_bits(a[0], out);
    if (!strcmp(fn, "description"))
        return thermoai_negentropy_description_bits_per_token(a[0], a[1], out);
    if (!strcmp(fn, "negentropy"))
        return thermoai_negentropy_bits_per_token(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "total_bits"))
        return thermoai_negentropy_total_bits(a[0], a[1], out);
    if (!strcmp(fn, "entropy_reduction"))
        return thermoai_negentropy_entropy_reduction_j_per_k(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "training_min"))
        return thermoai_negentropy_training_min_j(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "efficiency"))
        return thermoai_negentropy_efficiency(a[0], a[1], out);
    if (!strcmp(fn, "cost_per_bit"))
        return thermoai_negentropy_cost_j_per_bit(a[0], a[1], a[2], out);
    if (!strcmp(fn, "demon_efficiency"))
        return thermoai_negentropy_demon_efficiency(a[0], a[1], a[2], a[3], out);
    if (!strcmp(fn, "demon_trend"))
        return thermoai_negentropy_demon_trend(a[0], a[1], a[2], out);
    if (!strcmp(fn, "flux_limit"))
        return thermoai_negentropy_flux_limit_bits_per_s(a[0], a[1], a[2], out);
    if (!strcmp(fn, "compression_ratio"))
        return thermoai_negentropy_compression_ratio(a[0], a[1], a[2], out);
    if (!strcmp(fn, "energy_from_power"))
        return thermoai_energy_from_power_j(a[0], a[1], out);
    if (!strcmp(fn, "training_flop"))
        return thermoai_energy_training_flop(a[0], a[1], out);
    if (!strcmp(fn, "training_energy"))
        return thermoai_energy_training_j(a[0], a[1], a[2], out);
    if (!strcmp(fn, "facility_energy"))
        return thermoai_energy_facility_j(a[0], a[1], out);
    if (!strcmp(fn, "inference_energy"))
        return thermoai_energy_inference_per_token_j(a[0], a[1], a[2], out);
    if (!strcmp(fn, "amortized"))
        return thermoai_energy_amortized_per_token_j(a[0], a[1], a[2], out);
    if (!strcmp(fn, "break_even"))
        return thermoai_energy_break_even_tokens(a[0], a[1], out);
    if (!strcmp(fn, "entropy_rate"))
        return thermoai_energy_entropy_rate_w_per_k(a[0], a[1], out);
    if (!strcmp(fn, "entropy_produced"))
        return thermoai_energy_entropy_produced_j_per_k(a[0], a[1], a[2], out);
    if (!strcmp(fn, "flux_rate"))
        return flux_phases(a, &ph) ? -1 : thermoai_flux_rate_bits_per_s(&ph, a[8], out);
    if (!strcmp(fn, "flux_total"))
        return flux_phases(a, &ph) ? -1 : thermoai_flux_total_bits(&ph, a[8], out);
    if (!strcmp(fn, "scaling_negentropy")) {
        thermoai_scaling_negentropy_law l;

        if (thermoai_scaling_negentropy_law_init(&l, sizeof l) != THERMOAI_OK)
            return -1;
        l.n_inf_bits = a[0];
        l.n_c = a[1];
        l.d_c = a[2];
        l.c_c = a[3];
        l.alpha_n = a[4];
        l.alpha_d = a[5];
        l.alpha_c = a[6];
        return thermoai_scaling_negentropy_bits(&l, a[7], a[8], a[9], out);
    }
    if (!strcmp(fn, "scaling_loss")) {
        thermoai_scaling_loss_law l;

        if (thermoai_scaling_loss_law_init(&l, sizeof l) != THERMOAI_OK)
            return -1;
        l.l_inf_bits = a[0];
        l.a = a[1];
        l.b = a[2];
        l.c = a[3];
        l.alpha_n = a[4];
        l.alpha_d = a[5];
        l.alpha_c = a[6];
        return thermoai_scaling_loss_bits(&l, a[7], a[8], a[9], out);
    }
    return -1;
}

int main(void)
{
    FILE *f = ref_open("negentropy.csv");
    char line[1024];
    int rows = 0, bad = 0;

    if (!tap_ok(f != NULL, "open tests/ref/negentropy.csv"))
        return tap_done();
    while (fgets(line, sizeof line, f) != NULL) {
        char *field[4 + MAX_ARGS], *save = NULL, *tok;
        double args[MAX_ARGS] = { 0 }, want, tol, got = 0;
        int n = 0, status, ok, i;

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
        tol = strtod(field[2], NULL);
        want = strtod(field[3], NULL);
        for (i = 4; i < n; i++)
            args[i - 4] = strtod(field[i], NULL);
        status = call(field[0], args, &got);
        if (strcmp(field[1], "OK") == 0)
            ok = status == THERMOAI_OK && fabs(got - want) <= tol * fabs(want);
        else if (strcmp(field[1], "RANGE") == 0)
            ok = status == THERMOAI_E_RANGE && isnan(got);
        else
            ok = status == THERMOAI_E_DOMAIN && isnan(got);
        rows++;
        if (!ok) {
            bad++;
            tap_diag("%s(%g, %g, ...): status %s, got %.17g, want %s %.17g (rel. tol. %g)",
                     field[0], args[0], args[1], thermoai_status_name(status), got, field[1],
                     want, tol);
        }
    }
    fclose(f);
    tap_ok(rows > 150, "read %d reference rows", rows);
    tap_ok(bad == 0, "every row within its tolerance or with its status (%d bad)", bad);
    return tap_done();
}
