/* SPDX-License-Identifier: MIT */
/* Spectral Sparse Attention on synthetic clustered tokens, checked against exact attention. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <thermoai/thermoai.h>

int main(void)
{
    const size_t n = 4096, d = 64;
    float *q = malloc(n * d * sizeof *q), *k = malloc(n * d * sizeof *k);
    float *v = malloc(n * d * sizeof *v), *y = malloc(n * d * sizeof *y);
    float *exact = malloc(n * d * sizeof *exact);
    size_t bytes, i;
    void *ws;
    double err = 0.0, norm = 0.0;

    if (!q || !k || !v || !y || !exact) return 1;
    /* the concentrated regime: 64 planted clusters, seed 0 */
    if (thermoai_synth_generate(n, d, NULL, q, k, v, NULL) != THERMOAI_OK) return 1;
    if (thermoai_attention_workspace_bytes(n, d, &bytes) != THERMOAI_OK) return 1;
    if ((ws = malloc(bytes)) == NULL) return 1;
    if (thermoai_attention_dense(n, d, q, k, v, 0, ws, bytes, exact) != THERMOAI_OK) return 1;

    thermoai_ssa_params p;
    thermoai_ssa *plan;
    if (thermoai_ssa_params_init(&p, sizeof p) != THERMOAI_OK) return 1;
    p.variant = THERMOAI_SSA_CENTROID;          /* or _PAPER (Algorithm 2), _IMPORTANCE */
    if (thermoai_ssa_create(n, d, &p, &plan) != THERMOAI_OK) return 1;   /* all memory here */
    if (thermoai_ssa_execute(plan, q, k, v, y) != THERMOAI_OK) return 1; /* no allocation */
    thermoai_ssa_free(plan);

    for (i = 0; i < n * d; i++) {
        err += ((double)y[i] - (double)exact[i]) * ((double)y[i] - (double)exact[i]);
        norm += (double)exact[i] * (double)exact[i];
    }
    printf("SSA (centroid) vs exact attention, N = %zu: relative error %.4f\n", n, sqrt(err / norm));
    free(q);
    free(k);
    free(v);
    free(y);
    free(exact);
    free(ws);
    return sqrt(err / norm) < 0.1 ? 0 : 1;
}
