/* SPDX-License-Identifier: MIT */
/*
 * The accuracy sweep's table: every exported scalar function of the library
 * (int f(scalars..., double *out...)), its input domain, its formula for
 * mpmath at 50 digits (and more where terms cancel) and its tolerance in ulps.
 * One row per function; tests/ref/test_sweep.py fails when a scalar function
 * declared in include/thermoai/ has no row, or a row names no such function.
 *
 * Read twice: by tests/ref/sweep_driver.c (the C compiler checks each row's
 * arity and types against the declaration) and by tests/ref/sweep_points.py
 * (which parses the same text and generates the reference points).
 *
 *   SWEEP_<n>_<m>(function, t1, ..., tn, "tolerance", "domains", "formula", "pre")
 *
 *   n, m        inputs and double outputs (m is 1, 2 or 3; the first output is checked)
 *   t1..tn      the C type of each input: d double, u uint32_t, U uint64_t,
 *               z size_t, i int32_t
 *   tolerance   a Python expression in the inputs a, b, c, ... (floats): the
 *               most ulps the result may be from the correctly rounded value
 *               (0 = correctly rounded). Where the rounding of an argument of
 *               exp/pow is amplified (the result's condition number), say so
 *               with the inputs, e.g. "2 + abs(b / c)".
 *   domains     one per input, ';'-separated:
 *                 pos, nonneg, finite, ge1     with optional [lo, hi] on |x|;
 *                 unit (in [0, 1]), open01 (in (0, 1));
 *                 u32, u64 with optional [lo, hi]; flag (0 or 1)
 *               magnitudes are drawn log-uniformly over [lo, hi] (default
 *               the whole double range, subnormals included), with the edges
 *               (0, lo, hi, 1, DBL_MIN, DBL_MAX where allowed) one time in ten.
 *   formula     a Python expression in the inputs as exact mpmath numbers
 *               a, b, c, ... (x[0], x[1], ... too): the exact result, or
 *               DOMAIN where the function must return THERMOAI_E_DOMAIN. Names:
 *               mpmath's (log, log2, exp, sqrt, ...), K = k_B ln 2 (exact k_B),
 *               LN2, and the helpers of sweep_points.py (flux_rate, ...).
 *               The expected status follows: E_RANGE where the exact result
 *               overflows or is non-zero below DBL_MIN.
 *   pre         "" or a Python expression mapping the drawn inputs x (a list
 *               of floats/ints) to valid ones (orderings the domains cannot
 *               say), e.g. "sorted(x)"; i is the draw's index, and the
 *               helpers flux_pre and near_pow2 of sweep_points.py are there.
 *
 *   SWEEP_FLUX_1, SWEEP_NLAW_1, SWEEP_LLAW_1: the functions of a parameter
 *   struct and scalars (the flux phases, the scaling laws): the struct's
 *   fields come first as inputs (see sweep_driver.c), then the scalars.
 *
 * Adding a module: one row per scalar function; the test says which are
 * missing. A new shape (seven inputs, a new type) needs its macro in
 * sweep_driver.c.
 */

/* ---- landauer.h ---- */
SWEEP_1_1(thermoai_landauer_energy_per_bit_j, d, "2", "pos", "K * a", "")
SWEEP_2_1(thermoai_landauer_energy_j, d, d, "3", "nonneg; pos", "K * b * a", "")
SWEEP_1_1(thermoai_landauer_bits_per_j, d, "3", "pos", "1 / (K * a)", "")
SWEEP_2_1(thermoai_landauer_ratio, d, d, "3", "nonneg; pos", "a / (K * b)", "")

/* ---- info.h ---- */
SWEEP_1_1(thermoai_info_perplexity_from_bits, d, "1", "nonneg[0, 1100]", "2 ** a", "")
SWEEP_1_1(thermoai_info_perplexity_from_nats, d, "1", "nonneg[0, 760]", "exp(a)", "")
SWEEP_1_1(thermoai_info_cross_entropy_bits, d, "1", "ge1", "log(a, 2)", "")
SWEEP_1_1(thermoai_info_cross_entropy_nats, d, "1", "ge1", "log(a)", "")
SWEEP_1_1(thermoai_info_bits_from_nats, d, "2", "finite", "a / LN2", "")
SWEEP_1_1(thermoai_info_nats_from_bits, d, "2", "finite", "a * LN2", "")
SWEEP_1_1(thermoai_info_uniform_entropy_bits, d, "1", "ge1", "log(a, 2)", "")

/* ---- negentropy.h ---- */
SWEEP_2_1(thermoai_negentropy_description_bits_per_token, d, d, "0", "nonneg; pos", "a / b", "")
SWEEP_4_1(thermoai_negentropy_bits_per_token, d, d, d, d, "1 + 2 ** -50 * (a + b + c / d) / max(abs(a - b - c / d), 1e-300)", "nonneg; nonneg; nonneg; pos",
          "a - b - c / d", "")
SWEEP_2_1(thermoai_negentropy_total_bits, d, d, "0", "nonneg; nonneg", "a * b", "")
SWEEP_4_1(thermoai_negentropy_entropy_reduction_j_per_k, d, d, d, d, "2 + 2 ** -50 * (a * (b + c) + d) / max(abs(a * (b - c) - d), 1e-300)",
          "pos; nonneg; nonneg; nonneg", "K * (a * (b - c) - d)", "")
SWEEP_4_1(thermoai_negentropy_training_min_j, d, d, d, d, "5", "nonneg; nonneg; nonneg; pos",
          "DOMAIN if c > b else K * d * a * (b - c)", "")
SWEEP_2_1(thermoai_negentropy_efficiency, d, d, "0", "nonneg; pos", "a / b", "")
SWEEP_3_1(thermoai_negentropy_cost_j_per_bit, d, d, d, "2", "nonneg; pos; pos", "a / (b * c)", "")
SWEEP_4_1(thermoai_negentropy_demon_efficiency, d, d, d, d, "5", "nonneg; nonneg; pos; pos",
          "a * b * K * c / d", "")
SWEEP_3_1(thermoai_negentropy_demon_trend, d, d, d, "3 + 0.7 * abs(b / c)",
          "pos; finite[1e-300, 1e5]; pos[1e-10, 1e10]", "a * 2 ** (b / c)", "")
SWEEP_3_1(thermoai_negentropy_flux_limit_bits_per_s, d, d, d, "4", "nonneg; nonneg; pos",
          "a * b / (K * c)", "")
SWEEP_3_1(thermoai_negentropy_compression_ratio, d, d, d, "2", "nonneg; nonneg; pos", "a * b / c", "")

/* ---- energy.h ---- */
SWEEP_2_1(thermoai_energy_from_power_j, d, d, "0", "nonneg; nonneg", "a * b", "")
SWEEP_2_1(thermoai_energy_training_flop, d, d, "2", "nonneg; nonneg", "6 * a * b", "")
SWEEP_3_1(thermoai_energy_training_j, d, d, d, "2", "nonneg; pos; ge1[1, 1e6]", "a * b * c", "")
SWEEP_2_1(thermoai_energy_facility_j, d, d, "0", "nonneg; ge1[1, 1e6]", "a * b", "")
SWEEP_3_1(thermoai_energy_inference_per_token_j, d, d, d, "3", "nonneg; pos; ge1[1, 1e6]",
          "2 * a * b * c", "")
SWEEP_3_1(thermoai_energy_amortized_per_token_j, d, d, d, "1", "nonneg; pos; nonneg", "a / b + c", "")
SWEEP_2_1(thermoai_energy_break_even_tokens, d, d, "0", "nonneg; pos", "a / b", "")
SWEEP_2_1(thermoai_energy_entropy_rate_w_per_k, d, d, "0", "nonneg; pos", "a / b", "")
SWEEP_3_1(thermoai_energy_entropy_produced_j_per_k, d, d, d, "2", "nonneg; pos; nonneg", "a * c / b", "")

/* ---- entropy.h ---- */
SWEEP_5_1(thermoai_entropy_attention_bits, u, u, d, U, U, "4 + 2 * (b * c + log2(d) + 1) / max(abs(b * c - log2(d)), 1e-300)",
          "u32[1, 4294967295]; u32[1, 4294967295]; pos[1e-3, 1e3]; u64; u64",
          "DOMAIN if b * c - log(d, 2) <= 0 else a * e * (b * c - log(d, 2))", "")
SWEEP_3_1(thermoai_entropy_ffn_bits, U, d, d, "3", "u64; unit; pos", "a * b * c", "")
SWEEP_1_1(thermoai_entropy_norm_bits, d, "0", "pos", "2 * a", "")

/* ---- ter.h ---- */
SWEEP_2_1(thermoai_ter_ratio, d, d, "0", "nonneg; pos", "a / b", "")
SWEEP_1_1(thermoai_ter_landauer_share, d, "0", "ge1", "1 / a", "")

/* ---- spectral.h (lib/attention) ---- */
SWEEP_3_1(thermoai_spectral_cluster_quality, d, d, d, "2",
          "unit; unit; pos[1e-300, 2]", "(b - a) / c", "sorted(x)")
SWEEP_4_1(thermoai_spectral_mixing_time_bound, d, d, d, d, "5",
          "pos[1e-300, 2]; pos[1e-300, 1]; open01; nonneg[0, 2]",
          "DOMAIN if d >= a else log(1 / (c * b)) / (a - d)", "")

/* ---- tip.h (lib/prune) ---- */
SWEEP_2_1(thermoai_tip_relative_degradation, d, d, "2", "ge1; ge1", "(b - a) / a", "")
SWEEP_4_1(thermoai_tip_score, d, d, d, d, "4", "ge1; ge1; pos; pos", "(b - a) / a * d / c",
          "[x[0], x[1]] + sorted(x[2:])")
SWEEP_3_1(thermoai_tip_score_from_loss, d, d, d, "4", "finite[1e-300, 700]; pos; pos",
          "expm1(a) * c / b", "[x[0]] + sorted(x[1:])")

/* ---- flux.h: phases (phi0, tau1, tau2, tau3, tau4, alpha, beta, flags), then t ---- */
SWEEP_FLUX_1(thermoai_flux_rate_bits_per_s, "flux_rate_tol(x)",
             "pos[1e-10, 1e20]; pos[1e-3, 1e8]; pos[1e-3, 1e8]; pos[1e-3, 1e9]; pos[1e-3, 1e9]; "
             "nonneg[1e-3, 4]; pos[1e-3, 3]; flag; nonneg[1e-6, 1e10]",
             "flux_rate(x)", "flux_pre(x)")
SWEEP_FLUX_1(thermoai_flux_total_bits, "flux_total_tol(x)",
             "pos[1e-10, 1e20]; pos[1e-3, 1e8]; pos[1e-3, 1e8]; pos[1e-3, 1e9]; pos[1e-3, 1e9]; "
             "nonneg[1e-3, 4]; pos[1e-3, 3]; flag; nonneg[1e-6, 1e10]",
             "flux_total(x)", "flux_pre(x)")

/* ---- scaling.h: law (n_inf or l_inf, three scales or coefficients, three exponents), then N, D, C ---- */
SWEEP_NLAW_1(thermoai_scaling_negentropy_bits, "nlaw_tol(x)",
             "finite[1e-3, 1e3]; nonneg[1, 1e300]; nonneg[1, 1e300]; nonneg[1, 1e300]; "
             "nonneg[1e-3, 2]; nonneg[1e-3, 2]; nonneg[1e-3, 2]; pos[1e-300, 1e300]; "
             "pos[1e-300, 1e300]; pos[1e-300, 1e300]",
             "x[0] - sum((x[1 + i] / x[7 + i]) ** x[4 + i] for i in range(3) if x[1 + i] > 0)", "")
SWEEP_LLAW_1(thermoai_scaling_loss_bits, "llaw_tol(x)",
             "nonneg[1e-3, 1e3]; nonneg[1e-300, 1e300]; nonneg[1e-300, 1e300]; nonneg[1e-300, 1e300]; "
             "nonneg[1e-3, 2]; nonneg[1e-3, 2]; nonneg[1e-3, 2]; pos[1e-300, 1e300]; "
             "pos[1e-300, 1e300]; pos[1e-300, 1e300]",
             "x[0] + sum(x[1 + i] * x[7 + i] ** -x[4 + i] for i in range(3) if x[1 + i] > 0)", "")

/* ---- carbon.h, work.h, paper_energy.h (the cost models) ---- */
SWEEP_2_1(thermoai_carbon_co2e_kg, d, d, "2", "nonneg; nonneg", "a * b / 3600000000", "")
SWEEP_3_1(thermoai_work_moe_distinct_experts, u, u, d, "8 + 4 * c * b / max(a - b, 1)",
          "u32[1, 1024]; u32[1, 1024]; nonneg[1e-300, 1e6]", "-a * expm1(c * log1p(-b / a)) if b < a else (a if c > 0 else 0)",
          "[max(x[0], x[1]), min(x[0], x[1]), x[2]]")
SWEEP_6_1(thermoai_paper_energy_attention_j, u, d, d, d, d, d, "6",
          "u32[0, 2]; nonneg[0, 1e12]; nonneg[0, 1e6]; nonneg[0, 1e-6]; nonneg[0, 1e-6]; pos[1, 1e12]",
          "(d * 2 * b * b * c + e * b * b) if a == 0 else "
          "(d * 2 * b * b * c + e * b * b * c / f) if a == 1 else (d * 2 * b ** 1.5 * c + e * b ** 1.5)", "")
SWEEP_7_1(thermoai_paper_energy_inference_j, d, d, d, d, d, d, d, "6",
          "nonneg[0, 1e-6]; nonneg[0, 1e13]; nonneg[0, 1e12]; nonneg[0, 1e-6]; nonneg[0, 1e-6]; "
          "nonneg[0, 1e7]; nonneg[0, 1e5]",
          "a * b * c + d * 2 * b * c + e * 2 * f * g * c", "")
/* the three outputs are stored together (one out of range: all NaN): the domain keeps
 * the other two in range so that the first can be judged alone */
SWEEP_5_3(thermoai_paper_energy_blog_decode, d, d, d, d, d, "2",
          "pos[1, 1e15]; pos[1, 1e15]; pos[1, 1e15]; pos[1e-20, 1e-6]; pos[1e-20, 1e-6]",
          "8 * a * d", "")

/* ---- trilemma.h, slo.h, serving.h (paper 002 Sec. 4.2 and 4.6, paper 003): the floors
 * and ceilings are of quotients drawn at random, so an exact integer quotient that rounds
 * below itself is as rare as the draw of one ---- */
SWEEP_3_1(thermoai_trilemma_paper_batch, d, d, d, "3", "pos; pos; pos", "sqrt(a / (b * c))", "")
SWEEP_3_1(thermoai_trilemma_paper_bound_j_s, d, d, d, "2", "nonneg; nonneg; pos", "a * b / c", "")
SWEEP_6_1(thermoai_trilemma_paper_max_batch, d, d, d, d, d, d,
          "0 if (a - b - c) / (2 * d * e * f) < 2 ** 50 else 4 + 2 * a / max(a - b - c, 2 ** -1000)",
          "nonneg[1, 1e15]; nonneg[1, 1e15]; nonneg[1, 1e15]; pos[1e-3, 1e6]; pos[1e-3, 1e6]; pos[1e-3, 8]",
          "(lambda q: DOMAIN if q < 1 else q)(floor((a - b - c) / (2 * d * e * f))) if a - b - c > 0 else DOMAIN",
          "")
SWEEP_4_1(thermoai_slo_paper_fill_batch, d, d, d, d, "0",
          "pos[1e-3, 1e6]; pos[1e-6, 1e3]; nonneg[0, 1e3]; ge1[1, 1e9]",
          "(lambda q: DOMAIN if q < 1 else q)(min(floor(a * (b - c)), floor(d))) if b - c > 0 else DOMAIN", "")
SWEEP_3_1(thermoai_slo_paper_root_batch, d, d, d, "3", "nonneg; pos; pos", "sqrt(a * b / c)", "")
SWEEP_2_1(thermoai_serving_tokens_per_j, d, d, "1", "nonneg; pos", "a / b", "")
SWEEP_2_1(thermoai_serving_devices, d, d, "0 if a / b < 2 ** 50 else 1", "nonneg; pos", "ceil(a / b)", "")
SWEEP_3_1(thermoai_serving_node_power_w, d, d, d, "0", "nonneg; nonneg; nonneg", "a * b + c", "")
SWEEP_2_1(thermoai_serving_facility_power_w, d, d, "0", "nonneg; ge1", "a * b", "")
SWEEP_1_1(thermoai_serving_annual_energy_j, d, "0", "nonneg", "a * 31536000", "")
SWEEP_2_1(thermoai_serving_energy_cost_usd, d, d, "2", "nonneg; nonneg", "a * b / 3600000", "")
SWEEP_3_1(thermoai_serving_site_nodes, d, d, d, "0 if a / (b * c) < 2 ** 50 else 2", "nonneg; pos; ge1", "floor(a / (b * c))", "")

/* ---- rd.h (rate-distortion): the rounding of sigma^2 / D, or of the entropies, is
 * amplified where the rate is near 0 ---- */
SWEEP_2_1(thermoai_rd_gaussian_bits, d, d, "4 + 2 / max(abs(log(a / b)), 2 ** -60)", "pos; pos",
          "max(0, log(a / b, 2) / 2)", "")
SWEEP_2_1(thermoai_rd_gaussian_distortion, d, d, "3 + 2 * b", "pos; nonneg[0, 1e4]",
          "a * 2 ** (-2 * b)", "")
SWEEP_2_1(thermoai_rd_bernoulli_bits, d, d, "6 + 4 * (hb(a) + hb(b)) / max(hb(a) - hb(b), 2 ** -60)",
          "unit; unit", "hb(a) - hb(b) if b < min(a, 1 - a) else 0", "")
SWEEP_3_1(thermoai_rd_gaussian_energy_j, d, d, d, "6 + 2 / max(abs(log(a / b)), 2 ** -60)",
          "pos; pos; pos", "K * c * max(0, log(a / b, 2) / 2)", "")
SWEEP_3_1(thermoai_rd_bernoulli_energy_j, d, d, d,
          "8 + 4 * (hb(a) + hb(b)) / max(hb(a) - hb(b), 2 ** -60)", "unit; unit; pos",
          "K * c * (hb(a) - hb(b) if b < min(a, 1 - a) else 0)", "")

/* ---- dynamics.h (the stable scalar closed forms; the rounding of t / tau is amplified
 * by t / tau in the exponential) ---- */
SWEEP_4_1(thermoai_dynamics_lr_schedule, d, d, d, d, "6 + 3 * b / c", "pos; nonneg; pos; ge1",
          "a * exp(-b / c) * (1 + d * exp(-2 * b / c)) ** -0.5", "")
SWEEP_3_1(thermoai_dynamics_temperature, d, d, d, "2", "pos; ge1; nonneg", "a * c / (2 * b)", "")
SWEEP_3_1(thermoai_dynamics_transport_entropy_bound, d, d, d, "2", "nonneg; pos; pos", "a / (b * c)", "")
SWEEP_3_1(thermoai_dynamics_transport_energy_bound, d, d, d, "2", "nonneg; pos; pos", "a / (2 * b * c)", "")
SWEEP_2_1(thermoai_dynamics_speed_energy_product, d, d, "1", "nonneg; pos", "a / (2 * b)", "")
/* three square roots, each half an ulp, and two roundings of the ratio */
SWEEP_3_1(thermoai_dynamics_lr_tau_opt, d, d, d, "3", "ge1; pos; pos", "sqrt(a * b / c)", "")
/* -T dS + W - dL and T dS + (L0 - Lf) as sums: the rounding of each partial sum
 * (the product and the first sum), in ulps of the result where the terms cancel */
SWEEP_4_1(thermoai_dynamics_second_law_slack, d, d, d, d,
          "2 + (2 * abs(b * c) + abs(d)) / max(abs(d - a - b * c), 1e-300)", "finite; pos; finite; nonneg",
          "-b * c + d - a", "")
SWEEP_4_1(thermoai_dynamics_min_dissipation, d, d, d, d,
          "2 + (abs(a * b) + abs(c - d)) / max(abs(a * b + c - d), 1e-300)", "pos; finite; finite; finite",
          "a * b + (c - d)", "")

/* ---- geometry.h: a suppressed mode is 0, not a range error (flush) ---- */
SWEEP_3_1(thermoai_geometry_heat_factor, d, d, d, "2", "nonneg; nonneg; nonneg", "flush(exp(-a * b * c))", "")
SWEEP_3_1(thermoai_geometry_heat_cutoff, d, d, d, "3", "pos; pos; open01", "-log(c) / (a * b)", "")
/* the rounding of kappa t is amplified in e^{-kappa t} (info_bound_tol) */
SWEEP_4_1(thermoai_geometry_information_bound, d, d, d, d, "info_bound_tol(x)",
          "nonneg; finite[1e-10, 1e10]; nonneg; nonneg[0, 1e10]",
          "a * flush(exp(-b * d)) + c * (d if b == 0 else -expm1(-b * d) / b)", "")
SWEEP_5_1(thermoai_geometry_spectral_energy_j, d, d, d, d, d, "3",
          "nonneg; ge1; ge1; nonneg; nonneg", "a * b * d + a * c * e", "")

/* ---- graph.h: the first output of cheeger_bounds, lambda2 / 2 (0 below DBL_MIN) ---- */
SWEEP_1_2(thermoai_graph_cheeger_bounds, d, "0", "nonneg[0, 2]", "flush(a / 2)", "")
SWEEP_3_1(thermoai_graph_sparsifier_min_edges, d, d, d, "2", "ge1[2, 1.7976931348623157e308]; open01; pos",
          "c * a / (b * b)", "")

/* ---- perturbation.h ---- */
SWEEP_4_1(thermoai_perturbation_sin_theta_bound, d, d, z, d, "2", "nonneg; nonneg; u64; pos",
          "2 * min(sqrt(c) * a, b) / d", "")
/* the rounding of the exponent's argument x = t^2 / (2 (sigma^2 + R t / 3)), four
 * operations, is amplified by x; a vanishing tail is 0 (flush) */
SWEEP_5_1(thermoai_perturbation_bernstein_tail, z, z, d, d, d, "4 + 3 * e * e / (2 * c + 2 * d * e / 3)",
          "u64; u64; nonneg; nonneg; pos", "flush((a + b) * exp(-e * e / 2 / (c + d * e / 3)))",
          "x if x[2] or x[3] else x[:2] + [1.0] + x[3:]")
SWEEP_5_1(thermoai_perturbation_bernstein_deviation, z, z, d, d, d, "4", "u64; u64; nonneg; nonneg; open01",
          "log((a + b) / e) * d / 3 + sqrt((log((a + b) / e) * d / 3) ** 2 + 2 * log((a + b) / e) * c)", "")
/* m = ceil(...): either neighbour where the value is within a few ulps of an integer */
SWEEP_3_1(thermoai_perturbation_jl_dimension_gaussian, d, d, d,
          "ceil_tol(2 * log(a * (a - 1) / c) / (b * b / 2 - b ** 3 / 3), 6)",
          "ge1[2, 1.7976931348623157e308]; pos[1e-5, 0.99999]; open01",
          "ceil(2 * log(a * (a - 1) / c) / (b * b / 2 - b ** 3 / 3))", "")
SWEEP_2_1(thermoai_perturbation_davis_kahan, d, d, "1", "nonneg; pos", "a / b", "")
/* nine roundings of at most half an ulp each (two logs, their difference, two roots,
 * a quotient, a sum, a product and a quotient) */
SWEEP_6_1(thermoai_perturbation_ssa_bound, d, d, d, d, d, d, "5",
          "pos; pos; nonneg; ge1; open01; ge1", "a / b * (c + sqrt(log(d / e) / f))", "")
/* nine roundings of at most half an ulp each (two logs, their difference, two roots,
 * three products and a quotient): 4 ulp were seen */
SWEEP_6_1(thermoai_perturbation_ssa_sampling_error, d, d, d, d, d, d, "5",
          "pos; nonneg; ge1; ge1; open01; ge1", "a * b * c * sqrt(log(d / e) / f)", "")
/* six roundings (a log, two roots, two products, a quotient) */
SWEEP_3_1(thermoai_perturbation_tradeoff_error, d, d, d, "4", "pos; ge1; ge1", "a * b * sqrt(log(b) / c)", "")
SWEEP_3_1(thermoai_perturbation_tradeoff_edges, d, d, d, "3", "pos; ge1[2, 1.7976931348623157e308]; pos",
          "(a * b / c) ** 2 * log(b)", "")
SWEEP_3_1(thermoai_perturbation_jl_dimension, d, d, d, "ceil_tol(c * log(a) / (b * b), 3)",
          "ge1[2, 1.7976931348623157e308]; pos[1e-5, 0.99999]; pos[1e-3, 1e3]", "ceil(c * log(a) / (b * b))", "")

/* ---- precision.h: optimal_bits's first output, b* (its rounding of c / tol is
 * amplified where b* is near 0) ---- */
SWEEP_2_1(thermoai_precision_degradation, d, d, "2", "nonneg; nonneg", "a * 2 ** (-2 * b)", "")
SWEEP_2_2(thermoai_precision_optimal_bits, d, d, "3 + 2 / max(abs(log(a / b)), 2 ** -60)", "pos; pos",
          "log(a / b, 2) / 2", "")
/* the rounding of b / b_ref is amplified by x in the power; bit widths from 1e-3
 * (a subnormal b, whose b / b_ref underflows, gives E_RANGE for a result near
 * e_ref when x is tiny: not fixed) */
SWEEP_4_1(thermoai_precision_energy_j, d, d, d, d, "2 + d",
          "nonneg[1e-30, 1e3]; pos[1, 1e3]; nonneg[1e-3, 1e3]; nonneg[0, 4]",
          "a * (c / b) ** d", "")

/* ---- rademacher.h ---- */
SWEEP_4_1(thermoai_rademacher_bound, d, d, d, d, "3", "unit; nonneg; open01; ge1",
          "a + 2 * b + 3 * sqrt(log(2 / c) / (2 * d))", "")
SWEEP_2_1(thermoai_rademacher_sparse, d, d, "0", "unit; nonneg", "a * b", "")

/* ---- softmax.h ---- */
SWEEP_2_1(thermoai_softmax_rank_bound, z, z, "0", "u64; u64[0, 100000]", "min(a, 2 ** b)", "")

/* ---- sparsity.h: the first output of breakeven_density, the exact rho* ---- */
SWEEP_5_1(thermoai_sparsity_dense_energy_j, d, d, d, d, d, "3", "nonneg; nonneg; nonneg; nonneg; nonneg",
          "2 * a * b * d + a * b * c * e", "")
SWEEP_5_1(thermoai_sparsity_unstructured_energy_j, d, d, d, d, d, "3", "nonneg; nonneg; nonneg; nonneg; nonneg",
          "2 * a * d + a * (b + c) * e", "")
SWEEP_6_1(thermoai_sparsity_block_energy_j, d, d, d, d, d, d, "3", "nonneg; ge1; nonneg; nonneg; nonneg; nonneg",
          "2 * a * b * b * e + (a * b * b * c + a * d) * f", "")
SWEEP_6_1(thermoai_sparsity_lowrank_energy_j, d, d, d, d, d, d, "3", "nonneg; nonneg; nonneg; nonneg; nonneg; nonneg",
          "2 * (a + b) * c * e + (a + b) * c * d * f", "")
/* one draw in four just above a power of two, where log2 N rounds down to an integer */
SWEEP_2_1(thermoai_sparsity_attention_index_bits, d, d, "2", "ge1; unit", "b * a * a * ceil_log2(a)",
          "[near_pow2(x[0], i), x[1]]")
SWEEP_4_2(thermoai_sparsity_breakeven_density, d, d, d, d, "3", "pos; pos; nonneg; nonneg",
          "1 / (1 + c * d / (a * b))", "")
/* the roundings of eta + 1 and of log2 rho are amplified by the exponent
 * p = (eta + 1) log2(1 / rho) of rho^-(eta + 1) */
SWEEP_4_1(thermoai_sparsity_pareto_multiplier, d, d, d, d, "3 + 1.5 * abs((b + 1) * log2(d))",
          "pos; pos[1e-3, 1e3]; pos; pos[1e-300, 1]", "a * b * d ** (-b - 1) / c", "")
/* the rounding of log2 rho = log2(c eta / (lambda E1)) / (eta + 1) is amplified by |log2 rho| */
SWEEP_4_1(thermoai_sparsity_pareto_density, d, d, d, d, "3 + 1.5 * abs(log2(a * b / (c * d))) / (b + 1)",
          "pos; pos[1e-3, 1e3]; pos; pos", "min(1, (a * b / (c * d)) ** (1 / (b + 1)))", "")

/* ---- learning.h ---- */
SWEEP_6_1(thermoai_learning_pac_bayes_bound, d, d, d, d, d, d, "4", "unit; nonneg; ge1; open01; nonneg; nonneg",
          "a + sqrt((b + log(2 * sqrt(c) / d)) / (2 * (c - 1))) + e * f / c",
          "[x[0], x[1], max(x[2], 2.0), x[3], x[4], x[5]]")
SWEEP_2_1(thermoai_learning_awgn_energy_per_bit_j, d, d, "6", "pos; nonneg[0, 3000]",
          "a * LN2 if b == 0 else a * expm1(b * LN2) / b", "")
SWEEP_4_1(thermoai_learning_energy_accuracy_j, d, d, d, d, "6", "nonneg; open01; nonneg; pos",
          "K * d * (a * log2(1 / b) + c)", "")
SWEEP_5_1(thermoai_learning_energy_condition_j, d, d, d, d, d, "8", "nonneg; ge1; pos; pos; pos",
          "K / LN2 * e * a * b * log(c / d)", "[x[0], x[1], max(x[2], x[3]), min(x[2], x[3]), x[4]]")
SWEEP_3_1(thermoai_learning_attention_info_j, d, d, d, "6", "ge1; nonneg; pos", "K * c * a * b * log2(a)", "")
SWEEP_3_1(thermoai_learning_attention_flop_j, d, d, d, "4", "nonneg; nonneg; nonneg", "c * 2 * a ** 2 * b", "")
SWEEP_4_1(thermoai_learning_attention_io_j, d, d, d, d, "5", "nonneg; nonneg; pos; nonneg", "d * a ** 2 * b / c", "")
SWEEP_4_1(thermoai_learning_attention_approx_j, d, d, d, d, "6", "nonneg; nonneg; open01; pos",
          "K * d * a * b * log2(1 / c)", "")
SWEEP_3_1(thermoai_learning_channel_energy_per_bit_j, d, d, d, "6", "pos; nonneg; pos",
          "a * LN2 * b / (1 - b / c)",
          "[x[0], min(x[1], x[2]) * (0.5 if x[1] == x[2] else 1.0), max(x[1], x[2])]")
SWEEP_5_1(thermoai_learning_training_bits, d, d, d, d, d, "6", "nonneg; nonneg; nonneg; nonneg; nonneg",
          "a * b + c * d + e", "")
SWEEP_6_1(thermoai_learning_training_j, d, d, d, d, d, d, "8", "nonneg; nonneg; nonneg; nonneg; nonneg; pos",
          "K * f * (a * b + c * d + e)", "")
SWEEP_3_1(thermoai_learning_inference_bits, d, d, d, "6", "nonneg; nonneg; ge1", "a * (b + log2(c))", "")
SWEEP_4_1(thermoai_learning_inference_j, d, d, d, d, "8", "nonneg; nonneg; ge1; pos", "K * d * a * (b + log2(c))", "")
