/* SPDX-License-Identifier: MIT */
/*
 * Size overflow (issue 20): every public function that takes a size is called
 * with sizes whose products overflow size_t (n * d wrapping to 2, n * 8 bytes
 * wrapping to 8, n * 4 wrapping to 4, SIZE_MAX) and, where the header documents
 * a limit below 2^32, sizes that truncate to a small int or uint32_t (2^32 + 2).
 * The buffers passed are small (256 elements). The contract:
 *   - the call returns an error status (the few functions whose sizes are only
 *     numbers in a formula may succeed, with finite outputs);
 *   - scalar double outputs are NaN on error, finite on success;
 *   - nothing is written to the small output buffers except NaN, and no handle
 *     is returned (ASan and valgrind catch a write or read past them).
 * A function that truncated or wrapped a size would see a size of 2, 4 or 8,
 * succeed on the small buffers and fail the first rule.
 */
#include "config.h"

#define THERMOAI_EXPERIMENTAL 1

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

/* work memory of the spectra (thermoai_spectral_*_workspace_bytes() for the sizes used
 * here is far below this) */
static double spec_ws[1 << 16];

#define POOL 256
#define SENT 12345.0
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* sizes */
#define WRAP2 (((size_t)1 << (sizeof(size_t) * 8 - 1)) + 1) /* x2 wraps to 2 */
#define WRAP4 (((size_t)1 << (sizeof(size_t) * 8 - 2)) + 1) /* x4 wraps to 4 */
#define WRAP8 (((size_t)1 << (sizeof(size_t) * 8 - 3)) + 1) /* x8 wraps to 8 */
#define TRUNC ((size_t)((sizeof(size_t) > 4) ? (((uint64_t)1 << 32) + 2) : 2)) /* (uint32_t) = 2 */

static double gi[3][POOL];  /* inputs: a uniform pmf, also a valid matrix entry */
static double go[4][POOL];  /* outputs, SENT until written */
static float gfi[POOL], gfo[POOL];
static uint32_t gu[POOL];
static int32_t gpow[POOL];
static thermoai_interval gint[POOL], gint_out;
static unsigned char gws[8192];
static size_t gsz;
static void *gh;
static thermoai_graph_sampler *g_sampler;
static thermoai_ib *g_ib;
static thermoai_rd_ba *g_rd;
static thermoai_ssa *g_ssa;

static const double PA[3] = { 0.5, 0.3, 0.2 };
static const double DA[9] = { 0.0, 1.0, 2.0, 1.0, 0.0, 1.0, 2.0, 1.0, 0.0 };
static const double J1[12] = { 0.2, 0.05, 0.0, 0.05, 0.2, 0.0, 0.0, 0.05, 0.2, 0.1, 0.05, 0.1 };

static void reset(void)
{
    size_t i, j;
    for (i = 0; i < 4; i++)
        for (j = 0; j < POOL; j++)
            go[i][j] = SENT;
    for (j = 0; j < POOL; j++)
        gfo[j] = (float)SENT;
    gsz = 777;
    gh = (void *)&gh;
    gint_out.lo = gint_out.hi = SENT;
}

/* Every output buffer holds SENT or NaN. */
static int outputs_clean(void)
{
    size_t i, j;
    for (i = 0; i < 4; i++)
        for (j = 0; j < POOL; j++)
            if (go[i][j] != SENT && !isnan(go[i][j]))
                return 0;
    for (j = 0; j < POOL; j++)
        if (gfo[j] != (float)SENT && !isnan(gfo[j]))
            return 0;
    return 1;
}

typedef int (*call_fn)(size_t a, size_t b, size_t c);

/* kind of function */
#define ARRAY 0  /* reads or writes arrays of the sizes: must fail */
#define SCALAR 1 /* sizes are numbers in a formula: may succeed, finite go[0][0] */
#define HANDLE 2 /* creates a handle: must fail, handle NULL */
#define QUERY 3  /* a workspace-size query: must fail */

struct sz_case {
    const char *name;
    call_fn call;
    int kind;
    int args;    /* how many sizes: 1, 2 or 3 */
    int limited; /* every size has a documented limit below 2^32: TRUNC cases too */
};

#define W (void *)gws, sizeof gws
static int f_att_ws(size_t a, size_t b, size_t c) { (void)c; return thermoai_attention_workspace_bytes(a, b, &gsz); }
static int f_att_dense(size_t a, size_t b, size_t c) { (void)c; return thermoai_attention_dense(a, b, gfi, gfi, gfi, 0, W, gfo); }
static int f_att_mass(size_t a, size_t b, size_t c) { (void)c; return thermoai_attention_cluster_mass(a, b, gfi, gfi, gu, 0, W, go[0]); }
static int f_nnls(size_t a, size_t b, size_t c) { (void)c; return thermoai_calibrate_nnls(gi[0], a, b, gi[1], go[0], go[1]); }
static int f_cal_energy(size_t a, size_t b, size_t c)
{
    thermoai_calibrate_point pts[4];
    thermoai_hardware hw;
    (void)b; (void)c;
    memset(pts, 0, sizeof pts);
    if (thermoai_hardware_init(&hw, sizeof hw) != THERMOAI_OK)
        return THERMOAI_OK; /* fails the test */
    return thermoai_calibrate_energy(pts, a, 0, &hw, go[0], NULL);
}
static int f_w2_diag(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_dynamics_w2_gaussian_diag(a, gi[0], gi[1], gi[0], gi[1], go[0]); }
static int f_w2_ws(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_dynamics_w2_gaussian_workspace_bytes(a, &gsz); }
static int f_w2(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_dynamics_w2_gaussian(a, gi[0], gi[1], gi[0], gi[1], W, go[0]); }
static int f_ou_rate(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_dynamics_ou_entropy_rate(a, gi[0], gi[1], gi[2], 1.0, 1.0, go[0]); }
static int f_ou_prod(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_dynamics_ou_entropy_production(a, gi[0], gi[1], gi[2], 1.0, 1.0, go[0], go[1], go[2]); }
static int f_lr(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_dynamics_lr_energy_profile(0.1, 1.0, a, gi[0], go[0]); }
static int f_fisher_ws(size_t a, size_t b, size_t c) { (void)c; return thermoai_geometry_fisher_workspace_bytes(a, b, &gsz); }
static int f_fisher(size_t a, size_t b, size_t c) { (void)c; return thermoai_geometry_fisher_metric(a, b, gi[0], gi[1], W, go[0]); }
static int f_heat_ws(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_geometry_heat_filter_workspace_bytes(a, &gsz); }
static int f_heat(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_geometry_heat_filter(a, gi[0], gi[1], 1.0, 1.0, W, go[0]); }
static int f_conductance(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_graph_conductance(a, gi[0], 0, go[0]); }
static int f_graph_ws(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_graph_workspace_bytes(a, &gsz); }
static int f_lap(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_graph_laplacian_spectrum(a, gi[0], W, go[0]); }
static int f_resist(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_graph_effective_resistance(a, gi[0], W, go[0]); }
static int f_sampler(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_graph_sampler_create(a, (thermoai_graph_sampler **)&gh); }
static int f_sampler_ex(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_graph_sampler_create_ex(a, NULL, (thermoai_graph_sampler **)&gh); }
static int f_sampler_exec(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_graph_sampler_execute(g_sampler, gi[0], a, 1, go[0], &gsz); }
static int f_ib(size_t a, size_t b, size_t c) { return thermoai_ib_create(gi[0], a, b, c, NULL, (thermoai_ib **)&gh); }
static int f_ib_ex(size_t a, size_t b, size_t c) { return thermoai_ib_create_ex(gi[0], a, b, c, NULL, NULL, (thermoai_ib **)&gh); }
static int f_ib_curve(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_ib_curve(g_ib, gi[2], a, go[0], go[1]); }
static int f_ib_minrate(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_ib_min_rate_bits(gi[0], gi[1], a, 0.1, go[0]); }
static int f_ib_energy(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_ib_energy_j(gi[0], gi[1], a, 0.1, 300.0, go[0]); }
static int f_monomial(size_t a, size_t b, size_t c)
{
    (void)b; (void)c;
    return thermoai_interval_monomial(1.0, gint, gpow, a, &gint_out);
}
static int f_sin_theta(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_perturbation_sin_theta_bound(1.0, 1.0, a, 1.0, go[0]); }
static int f_pm_ws(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_perturbation_measure_workspace_bytes(a, &gsz); }
static int f_pm(size_t a, size_t b, size_t c) { (void)c; return thermoai_perturbation_measure(a, b, gi[0], gi[1], W, go[0], go[1], go[2], go[3]); }
static int f_bern_tail(size_t a, size_t b, size_t c) { (void)c; return thermoai_perturbation_bernstein_tail(a, b, 1.0, 1.0, 1.0, go[0]); }
static int f_bern_dev(size_t a, size_t b, size_t c) { (void)c; return thermoai_perturbation_bernstein_deviation(a, b, 1.0, 1.0, 0.1, go[0]); }
static int f_nys_ws(size_t a, size_t b, size_t c) { (void)c; return thermoai_perturbation_nystrom_workspace_bytes(a, b, &gsz); }
static int f_nys(size_t a, size_t b, size_t c) { (void)c; return thermoai_perturbation_nystrom_error(a, gi[0], b, gu, W, go[0]); }
static int f_nys_bound(size_t a, size_t b, size_t c) { (void)c; return thermoai_perturbation_nystrom_bound(a, b, gi[2], go[0]); }
static int f_pmf_check(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_pmf_check(gi[0], a); }
static int f_pmf_h(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_pmf_entropy_bits(gi[0], a, go[0]); }
static int f_pmf_hn(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_pmf_entropy_nats(gi[0], a, go[0]); }
static int f_pmf_ce(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_pmf_cross_entropy_bits(gi[0], gi[1], a, go[0]); }
static int f_pmf_cen(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_pmf_cross_entropy_nats(gi[0], gi[1], a, go[0]); }
static int f_pmf_kl(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_pmf_kl_divergence_bits(gi[0], gi[1], a, go[0]); }
static int f_pmf_kln(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_pmf_kl_divergence_nats(gi[0], gi[1], a, go[0]); }
static int f_pmf_mi(size_t a, size_t b, size_t c) { (void)c; return thermoai_pmf_mutual_information_bits(gi[0], a, b, go[0]); }
static int f_pmf_min(size_t a, size_t b, size_t c) { (void)c; return thermoai_pmf_mutual_information_nats(gi[0], a, b, go[0]); }
static int f_pmf_ch(size_t a, size_t b, size_t c) { (void)c; return thermoai_pmf_conditional_entropy_bits(gi[0], a, b, go[0]); }
static int f_pmf_chn(size_t a, size_t b, size_t c) { (void)c; return thermoai_pmf_conditional_entropy_nats(gi[0], a, b, go[0]); }
static int f_lse(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_pmf_log_sum_exp(gi[0], a, go[0]); }
static int f_prec_err(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_precision_layer_error(gi[2], gi[2], a, 1.5, go[0]); }
static int f_prec_bits(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_precision_layer_bits(gi[2], a, 64.0, 1.5, 1.0, 16.0, go[0]); }
static int f_prec_whole(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_precision_layer_bits_whole(gi[2], a, 64, 1.5, 1, 16, gu, go[0]); }
static int fn_one(double t, void *u, double *v) { (void)t; (void)u; *v = 1.0; return 0; }
static int f_quad_points(size_t a, size_t b, size_t c)
{
    thermoai_result r;
    int s;
    (void)b; (void)c;
    s = thermoai_quadrature_integrate_points(fn_one, NULL, 0.0, 1.0, gi[0], a, 1e-9, &r);
    go[0][0] = r.val;
    go[0][1] = r.err;
    return s;
}
static int f_rd(size_t a, size_t b, size_t c) { (void)c; return thermoai_rd_ba_create(gi[0], a, gi[1], b, NULL, (thermoai_rd_ba **)&gh); }
static int f_rd_ex(size_t a, size_t b, size_t c) { (void)c; return thermoai_rd_ba_create_ex(gi[0], a, gi[1], b, NULL, NULL, (thermoai_rd_ba **)&gh); }
static int f_rd_curve(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_rd_ba_curve(g_rd, go[3], a, go[0], go[1]); }
static int f_sm_fe(size_t a, size_t b, size_t c) { (void)c; return thermoai_softmax_free_energy(a, b, gi[0], gi[1], gi[2], go[0]); }
static int f_sm_femin(size_t a, size_t b, size_t c) { (void)c; return thermoai_softmax_free_energy_min(a, b, gi[0], gi[1], go[0], go[1]); }
static int f_sm_max(size_t a, size_t b, size_t c) { (void)c; return thermoai_softmax_max_weight(a, b, gi[0], gi[1], go[0], go[1]); }
static int f_sm_sv_ws(size_t a, size_t b, size_t c) { (void)c; return thermoai_softmax_singular_values_workspace_bytes(a, b, &gsz); }
static int f_sm_sv(size_t a, size_t b, size_t c) { (void)c; return thermoai_softmax_singular_values(a, b, gi[0], gi[1], W, go[0]); }
static int f_sm_erank(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_softmax_effective_rank(a, gi[2], go[0]); }
static int f_sm_rank(size_t a, size_t b, size_t c) { (void)c; return thermoai_softmax_rank_bound(a, b, go[0]); }
static int f_spec(size_t a, size_t b, size_t c) { (void)c; return thermoai_spectral_attention(a, b, gfi, gfi, NULL, 2, spec_ws, sizeof spec_ws, go[0], NULL); }
static int f_spec_count(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_spectral_attention(8, 8, gfi, gfi, NULL, a, spec_ws, sizeof spec_ws, go[0], NULL); }
static int f_spec_ssa(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_spectral_ssa(g_ssa, gfi, gfi, NULL, a, spec_ws, sizeof spec_ws, go[0], NULL); }
static int f_ssa(size_t a, size_t b, size_t c) { (void)c; return thermoai_ssa_create(a, b, NULL, (thermoai_ssa **)&gh); }
static int f_ssa_ex(size_t a, size_t b, size_t c) { (void)c; return thermoai_ssa_create_ex(a, b, NULL, NULL, (thermoai_ssa **)&gh); }
static int f_synth(size_t a, size_t b, size_t c)
{
    thermoai_synth_params p;
    (void)c;
    if (thermoai_synth_params_init(&p, sizeof p, THERMOAI_SYNTH_CONCENTRATED) != THERMOAI_OK)
        return THERMOAI_OK;
    return thermoai_synth_generate(a, b, &p, gfo, gfo, gfo, NULL);
}
static int f_ter(size_t a, size_t b, size_t c) { (void)b; (void)c; return thermoai_ter_gap_product(gi[2], gi[2], a, go[0], go[1]); }

static const struct sz_case CASES[] = {
    { "attention_workspace_bytes", f_att_ws, QUERY, 2, 0 },
    { "attention_dense", f_att_dense, ARRAY, 2, 0 },
    { "attention_cluster_mass", f_att_mass, ARRAY, 2, 0 },
    { "calibrate_nnls", f_nnls, ARRAY, 2, 0 },
    { "calibrate_energy", f_cal_energy, ARRAY, 1, 0 },
    { "dynamics_w2_gaussian_diag", f_w2_diag, ARRAY, 1, 1 },
    { "dynamics_w2_gaussian_workspace_bytes", f_w2_ws, QUERY, 1, 0 },
    { "dynamics_w2_gaussian", f_w2, ARRAY, 1, 0 },
    { "dynamics_ou_entropy_rate", f_ou_rate, ARRAY, 1, 1 },
    { "dynamics_ou_entropy_production", f_ou_prod, ARRAY, 1, 1 },
    { "dynamics_lr_energy_profile", f_lr, ARRAY, 1, 1 },
    { "geometry_fisher_workspace_bytes", f_fisher_ws, QUERY, 2, 0 },
    { "geometry_fisher_metric", f_fisher, ARRAY, 2, 0 },
    { "geometry_heat_filter_workspace_bytes", f_heat_ws, QUERY, 1, 0 },
    { "geometry_heat_filter", f_heat, ARRAY, 1, 0 },
    { "graph_conductance", f_conductance, ARRAY, 1, 0 },
    { "graph_workspace_bytes", f_graph_ws, QUERY, 1, 0 },
    { "graph_laplacian_spectrum", f_lap, ARRAY, 1, 0 },
    { "graph_effective_resistance", f_resist, ARRAY, 1, 0 },
    { "graph_sampler_create", f_sampler, HANDLE, 1, 0 },
    { "graph_sampler_create_ex", f_sampler_ex, HANDLE, 1, 0 },
    { "graph_sampler_execute (samples)", f_sampler_exec, ARRAY, 1, 1 },
    { "ib_create", f_ib, HANDLE, 3, 1 },
    { "ib_create_ex", f_ib_ex, HANDLE, 3, 1 },
    { "ib_curve", f_ib_curve, ARRAY, 1, 0 },
    { "ib_min_rate_bits", f_ib_minrate, ARRAY, 1, 0 },
    { "ib_energy_j", f_ib_energy, ARRAY, 1, 0 },
    { "interval_monomial", f_monomial, ARRAY, 1, 0 },
    { "perturbation_sin_theta_bound", f_sin_theta, SCALAR, 1, 0 },
    { "perturbation_measure_workspace_bytes", f_pm_ws, QUERY, 1, 0 },
    { "perturbation_measure", f_pm, ARRAY, 2, 0 },
    { "perturbation_bernstein_tail", f_bern_tail, SCALAR, 2, 0 },
    { "perturbation_bernstein_deviation", f_bern_dev, SCALAR, 2, 0 },
    { "perturbation_nystrom_workspace_bytes", f_nys_ws, QUERY, 2, 0 },
    { "perturbation_nystrom_error", f_nys, ARRAY, 2, 0 },
    { "perturbation_nystrom_bound", f_nys_bound, ARRAY, 2, 0 },
    { "pmf_check", f_pmf_check, ARRAY, 1, 0 },
    { "pmf_entropy_bits", f_pmf_h, ARRAY, 1, 0 },
    { "pmf_entropy_nats", f_pmf_hn, ARRAY, 1, 0 },
    { "pmf_cross_entropy_bits", f_pmf_ce, ARRAY, 1, 0 },
    { "pmf_cross_entropy_nats", f_pmf_cen, ARRAY, 1, 0 },
    { "pmf_kl_divergence_bits", f_pmf_kl, ARRAY, 1, 0 },
    { "pmf_kl_divergence_nats", f_pmf_kln, ARRAY, 1, 0 },
    { "pmf_mutual_information_bits", f_pmf_mi, ARRAY, 2, 0 },
    { "pmf_mutual_information_nats", f_pmf_min, ARRAY, 2, 0 },
    { "pmf_conditional_entropy_bits", f_pmf_ch, ARRAY, 2, 0 },
    { "pmf_conditional_entropy_nats", f_pmf_chn, ARRAY, 2, 0 },
    { "pmf_log_sum_exp", f_lse, ARRAY, 1, 0 },
    { "precision_layer_error", f_prec_err, ARRAY, 1, 0 },
    { "precision_layer_bits", f_prec_bits, ARRAY, 1, 0 },
    { "precision_layer_bits_whole", f_prec_whole, ARRAY, 1, 0 },
    { "quadrature_integrate_points", f_quad_points, ARRAY, 1, 0 },
    { "rd_ba_create", f_rd, HANDLE, 2, 0 },
    { "rd_ba_create_ex", f_rd_ex, HANDLE, 2, 0 },
    { "rd_ba_curve", f_rd_curve, ARRAY, 1, 0 },
    { "softmax_free_energy", f_sm_fe, ARRAY, 2, 0 },
    { "softmax_free_energy_min", f_sm_femin, ARRAY, 2, 0 },
    { "softmax_max_weight", f_sm_max, ARRAY, 2, 0 },
    { "softmax_singular_values_workspace_bytes", f_sm_sv_ws, QUERY, 2, 0 },
    { "softmax_singular_values", f_sm_sv, ARRAY, 2, 0 },
    { "softmax_effective_rank", f_sm_erank, ARRAY, 1, 1 },
    { "softmax_rank_bound", f_sm_rank, SCALAR, 2, 0 },
    { "spectral_attention", f_spec, ARRAY, 2, 0 },
    { "spectral_attention (count)", f_spec_count, ARRAY, 1, 0 },
    { "spectral_ssa (count)", f_spec_ssa, ARRAY, 1, 0 },
    { "ssa_create", f_ssa, HANDLE, 2, 0 },
    { "ssa_create_ex", f_ssa_ex, HANDLE, 2, 0 },
    { "synth_generate", f_synth, ARRAY, 2, 0 },
    { "ter_gap_product", f_ter, ARRAY, 1, 0 },
};

static const size_t ONE[] = { SIZE_MAX, WRAP2, WRAP4, WRAP8 };
static const size_t TWO[][2] = {
    { WRAP2, 2 }, { 2, WRAP2 }, { WRAP4, 1 }, { 1, WRAP4 }, { WRAP8, 1 }, { 1, WRAP8 },
    { (size_t)1 << (sizeof(size_t) * 4), (size_t)1 << (sizeof(size_t) * 4) }, /* n * d = 0 */
    { SIZE_MAX, SIZE_MAX }, { SIZE_MAX, 2 }, { 2, SIZE_MAX },
};
static const size_t THREE[][3] = {
    { WRAP2, 2, 2 }, { 2, WRAP2, 2 }, { 2, 2, WRAP2 }, { WRAP8, 1, 1 }, { 1, WRAP8, 1 },
    { 1, 1, WRAP8 }, { SIZE_MAX, SIZE_MAX, SIZE_MAX },
};

/* One call: 1 when it obeys the contract. */
static int one(const struct sz_case *c, size_t a, size_t b, size_t d, const char **why)
{
    int s;
    double x;
    reset();
    s = c->call(a, b, d);
    x = go[0][0];
    if (c->kind == SCALAR)
        go[0][0] = SENT; /* judged below */
    if (!outputs_clean()) {
        *why = "an output buffer got a non-NaN value";
        return 0;
    }
    switch (c->kind) {
    case SCALAR:
        if (s == THERMOAI_OK ? !isfinite(x) : !isnan(x)) {
            *why = "scalar output not finite on OK or not NaN on error";
            return 0;
        }
        return 1;
    case HANDLE:
        if (s == THERMOAI_OK || gh != NULL) {
            *why = "a handle was created or the pointer not set to NULL";
            if (s == THERMOAI_OK && gh != NULL && gh != (void *)&gh)
                thermoai_ssa_free(NULL); /* leak reported by valgrind; nothing safe to free */
            return 0;
        }
        return 1;
    default:
        if (s == THERMOAI_OK) {
            *why = "returned THERMOAI_OK";
            return 0;
        }
        return 1;
    }
}

static void run_case(const struct sz_case *c)
{
    size_t i, calls = 0, bad = 0;
    const char *why = "";
    size_t first[3] = { 0, 0, 0 };

#define TRY3(x, y, z)                                                                      \
    do {                                                                                   \
        calls++;                                                                           \
        if (!one(c, (x), (y), (z), &why) && bad++ == 0) {                                  \
            first[0] = (x);                                                                \
            first[1] = (y);                                                                \
            first[2] = (z);                                                                \
        }                                                                                  \
    } while (0)
    if (c->args == 1) {
        for (i = 0; i < N_OF(ONE); i++)
            TRY3(ONE[i], 0, 0);
        if (c->limited)
            TRY3(TRUNC, 0, 0);
    } else if (c->args == 2) {
        for (i = 0; i < N_OF(TWO); i++)
            TRY3(TWO[i][0], TWO[i][1], 0);
        if (c->limited) {
            TRY3(TRUNC, 2, 0);
            TRY3(2, TRUNC, 0);
        }
    } else {
        for (i = 0; i < N_OF(THREE); i++)
            TRY3(THREE[i][0], THREE[i][1], THREE[i][2]);
        if (c->limited) {
            TRY3(TRUNC, 2, 2);
            TRY3(2, TRUNC, 2);
            TRY3(2, 2, TRUNC);
        }
    }
    tap_ok(bad == 0, "%s: %u overflowing size sets rejected%s%s", c->name, (unsigned)calls,
           bad ? ": " : "", why);
    if (bad)
        tap_diag("    first failing sizes %#zx, %#zx, %#zx (%u of %u)", first[0], first[1],
                 first[2], (unsigned)bad, (unsigned)calls);
}

int main(void)
{
    thermoai_ssa_params sp;
    size_t i;

    for (i = 0; i < POOL; i++) {
        gi[0][i] = gi[1][i] = 1.0 / POOL;
        gi[2][i] = 1.0;
        gfi[i] = 0.25f;
        gu[i] = 0;
        gpow[i] = 1;
        gint[i].lo = 1.0;
        gint[i].hi = 2.0;
    }
    if (thermoai_ssa_params_init(&sp, sizeof sp) != THERMOAI_OK)
        return 1;
    sp.clusters = 2;
    sp.samples = 2;
    tap_ok(thermoai_graph_sampler_create(4, &g_sampler) == THERMOAI_OK
               && thermoai_ib_create(J1, 4, 3, 2, NULL, &g_ib) == THERMOAI_OK
               && thermoai_rd_ba_create(PA, 3, DA, 3, NULL, &g_rd) == THERMOAI_OK
               && thermoai_ssa_create(8, 8, &sp, &g_ssa) == THERMOAI_OK,
           "small handles for the count arguments");
    for (i = 0; i < N_OF(CASES); i++)
        run_case(&CASES[i]);
    thermoai_graph_sampler_free(g_sampler);
    thermoai_ib_free(g_ib);
    thermoai_rd_ba_free(g_rd);
    thermoai_ssa_free(g_ssa);
    return tap_done();
}
