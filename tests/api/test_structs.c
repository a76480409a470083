/* SPDX-License-Identifier: MIT */
/*
 * Every size-field struct (the registry in lib/common/internal.h): its _size()
 * is the sizeof this program was compiled with, its _init() writes struct_size
 * and accepts every size from the V0 size (a program built against 0.1.0) up,
 * and rejects NULL, a size below V0 and an absurd size. The V0 sizes are
 * literals here: changing one is an ABI change (doc/abi-policy.md).
 *
 * And the error rule of every output struct (doc/abi-policy.md): on any error,
 * every double field that lies wholly within min(struct_size, sizeof) is NaN,
 * whatever struct_size is (also below V0 and 0), struct_size is kept, and no
 * byte at or past struct_size is written; at every struct_size from 0 to
 * sizeof + 16.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

typedef int (*init_fn)(void *out, size_t size);

static int synth_init(void *p, size_t s)
{
    return thermoai_synth_params_init((thermoai_synth_params *)p, s, THERMOAI_SYNTH_CONCENTRATED);
}
#define INIT(T) static int T##_init_(void *p, size_t s) { return thermoai_##T##_init((thermoai_##T *)p, s); }
INIT(model_arch)
INIT(entropy_params)
INIT(entropy_breakdown)
INIT(flux_phases)
INIT(scaling_negentropy_law)
INIT(scaling_loss_law)
INIT(ssa_params)
INIT(ssa_stats)
INIT(spectral_params)
INIT(spectral_info)
INIT(hardware)
INIT(calibrate_fit)
INIT(work_params)
INIT(work)
INIT(cost_serving)
INIT(cost_result)
INIT(training_params)
INIT(training_result)
INIT(paper_energy_train_terms)
INIT(ladder)
INIT(trilemma_point)
INIT(slo_params)
INIT(slo_result)
INIT(rd_ba_params)
INIT(rd_ba_result)
INIT(ib_params)
INIT(ib_result)
INIT(scheduler_params)
INIT(loss_model)
INIT(allocate_energy_model)
INIT(allocate_result)

struct entry {
    const char *name;
    size_t compiled;     /* sizeof in this program */
    size_t library;      /* the library's _size() */
    size_t v0;           /* pinned V0 size */
    init_fn init;
};

/* ---- the error rule of output structs ------------------------------------------ */

typedef int (*fail_fn)(void *out);

static int fail_entropy(void *out)
{
    return thermoai_entropy_token(NULL, NULL, (thermoai_entropy_breakdown *)out);
}

static int fail_entropy_valid_arch(void *out)
{
    thermoai_model_arch a;

    if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK
        || thermoai_model_preset_find("gpt-3", &a) != THERMOAI_OK)
        return THERMOAI_OK; /* counted as a missing error: the test fails */
    return thermoai_entropy_token(&a, NULL, (thermoai_entropy_breakdown *)out);
}

static int fail_from_loss(void *out)
{
    thermoai_scaling_loss_law l;

    if (thermoai_scaling_loss_law_init(&l, sizeof l) != THERMOAI_OK)
        return -1;
    l.a = -1.0;
    return thermoai_scaling_negentropy_from_loss(&l, 10.0, (thermoai_scaling_negentropy_law *)out);
}

static int fail_ssa_stats(void *out)
{
    return thermoai_ssa_get_stats(NULL, (thermoai_ssa_stats *)out);
}

static int fail_spectral(void *out)
{
    const float q[2] = { 0.0f, 0.0f };
    double lambda[1];

    double work[8];

    return thermoai_spectral_attention(1, 1, q, q, NULL, 1, work, sizeof work, lambda,
                                       (thermoai_spectral_info *)out);
}

static int fail_spectral_null(void *out)
{
    const float q[2] = { 0.0f, 0.0f };

    double work[8];

    return thermoai_spectral_attention(2, 1, q, q, NULL, 1, work, sizeof work, NULL,
                                       (thermoai_spectral_info *)out);
}

static int fail_preset(void *out)
{
    return thermoai_model_preset_find("no-such-model", (thermoai_model_arch *)out);
}

static int fail_preset_info(void *out)
{
    return thermoai_model_preset_info(thermoai_model_preset_count(), NULL, NULL, (thermoai_model_arch *)out);
}

struct out_case {
    const char *name;
    size_t size;
    size_t doubles[8];
    size_t n_doubles;
    fail_fn fail;
    size_t fails_below; /* an error only below this struct_size (0: at every size) */
};

static void output_rule(void)
{
#define OFF(T, f) offsetof(T, f)
    const struct out_case cases[] = {
        { "entropy_token (NULL arch) -> entropy_breakdown", sizeof(thermoai_entropy_breakdown),
          { OFF(thermoai_entropy_breakdown, attention_bits), OFF(thermoai_entropy_breakdown, ffn_bits),
            OFF(thermoai_entropy_breakdown, norm_bits), OFF(thermoai_entropy_breakdown, layer_bits),
            OFF(thermoai_entropy_breakdown, token_bits), OFF(thermoai_entropy_breakdown, token_energy_j) },
          6, fail_entropy, 0 },
        { "entropy_token (valid arch, small struct) -> entropy_breakdown", sizeof(thermoai_entropy_breakdown),
          { OFF(thermoai_entropy_breakdown, attention_bits), OFF(thermoai_entropy_breakdown, ffn_bits),
            OFF(thermoai_entropy_breakdown, norm_bits), OFF(thermoai_entropy_breakdown, layer_bits),
            OFF(thermoai_entropy_breakdown, token_bits), OFF(thermoai_entropy_breakdown, token_energy_j) },
          6, fail_entropy_valid_arch, 56 },
        { "scaling_negentropy_from_loss -> scaling_negentropy_law", sizeof(thermoai_scaling_negentropy_law),
          { OFF(thermoai_scaling_negentropy_law, n_inf_bits), OFF(thermoai_scaling_negentropy_law, n_c),
            OFF(thermoai_scaling_negentropy_law, d_c), OFF(thermoai_scaling_negentropy_law, c_c),
            OFF(thermoai_scaling_negentropy_law, alpha_n), OFF(thermoai_scaling_negentropy_law, alpha_d),
            OFF(thermoai_scaling_negentropy_law, alpha_c) },
          7, fail_from_loss, 0 },
        { "ssa_get_stats (NULL plan) -> ssa_stats", sizeof(thermoai_ssa_stats),
          { OFF(thermoai_ssa_stats, projection_s), OFF(thermoai_ssa_stats, clustering_s),
            OFF(thermoai_ssa_stats, attention_s), OFF(thermoai_ssa_stats, exact_pairs),
            OFF(thermoai_ssa_stats, centroid_terms), OFF(thermoai_ssa_stats, kmeans_objective),
            OFF(thermoai_ssa_stats, bytes) },
          7, fail_ssa_stats, 0 },
        { "spectral_attention (n = 1) -> spectral_info", sizeof(thermoai_spectral_info),
          { OFF(thermoai_spectral_info, lambda_max), OFF(thermoai_spectral_info, pi_min),
            OFF(thermoai_spectral_info, residual) },
          3, fail_spectral, 0 },
        { "spectral_attention (NULL lambda) -> spectral_info", sizeof(thermoai_spectral_info),
          { OFF(thermoai_spectral_info, lambda_max), OFF(thermoai_spectral_info, pi_min),
            OFF(thermoai_spectral_info, residual) },
          3, fail_spectral_null, 0 },
        { "model_preset_find (unknown name) -> model_arch", sizeof(thermoai_model_arch),
          { OFF(thermoai_model_arch, precision_bits) }, 1, fail_preset, 0 },
        { "model_preset_info (index out of range) -> model_arch", sizeof(thermoai_model_arch),
          { OFF(thermoai_model_arch, precision_bits) }, 1, fail_preset_info, 0 },
    };
#undef OFF
    size_t c;

    for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const struct out_case *e = &cases[c];
        const size_t total = e->size + 16;
        unsigned char *buf = (unsigned char *)malloc(total);
        int ok = 1, errors = 1;
        uint32_t size;

        if (!tap_ok(buf != NULL, "%s: buffer", e->name))
            continue;
        for (size = 0; size <= total; size++) {
            const size_t limit = size < e->size ? size : e->size;
            size_t i, d;
            uint32_t kept;
            int status;

            memset(buf, 0x5A, total);
            memcpy(buf, &size, sizeof size);
            status = e->fail(buf);
            if (status == THERMOAI_OK && (e->fails_below == 0 || size < e->fails_below))
                errors = 0;
            if (status == THERMOAI_OK)
                continue; /* a success: the error rule does not apply */
            memcpy(&kept, buf, sizeof kept);
            if (kept != size)
                ok = 0;
            for (d = 0; d < e->n_doubles; d++) {
                double v;

                memcpy(&v, buf + e->doubles[d], sizeof v);
                if (e->doubles[d] + sizeof v <= limit && !isnan(v)) {
                    if (ok)
                        tap_diag("%s, struct_size %u: double at %zu not NaN", e->name, (unsigned)size,
                                 e->doubles[d]);
                    ok = 0;
                }
            }
            for (i = limit > 4 ? limit : 4; i < total; i++)
                if (buf[i] != 0x5A) {
                    ok = 0;
                    tap_diag("%s, struct_size %u: byte %zu written", e->name, (unsigned)size, i);
                    break;
                }
        }
        tap_ok(errors, "%s: an error at every struct_size%s", e->name,
               e->fails_below ? " below V0" : "");
        tap_ok(ok, "%s: on error every double within struct_size NaN (0 .. sizeof + 16), nothing past it",
               e->name);
        free(buf);
    }
}

int main(void)
{
#define E(T, v0) { #T, sizeof(thermoai_##T), thermoai_##T##_size(), v0, T##_init_ }
    const struct entry all[] = {
        E(model_arch, 120),         E(entropy_params, 32), E(entropy_breakdown, 56),
        E(flux_phases, 64),        E(scaling_negentropy_law, 64), E(scaling_loss_law, 64),
        E(ssa_params, 40),         E(ssa_stats, 80),      E(spectral_params, 32),
        E(spectral_info, 32),      E(hardware, 272),      E(calibrate_fit, 56),
        E(work_params, 64),        E(work, 104),          E(cost_serving, 56),
        E(cost_result, 152),       E(training_params, 72), E(training_result, 56),
        E(paper_energy_train_terms, 112), E(ladder, 80),
        E(trilemma_point, 56), E(slo_params, 40), E(slo_result, 120),
        E(rd_ba_params, 24),   E(rd_ba_result, 48),
        E(ib_params, 32),          E(ib_result, 40),
        E(scheduler_params, 56),
        E(loss_model, 64),     E(allocate_energy_model, 40),
        E(allocate_result, 128),
        { "synth_params", sizeof(thermoai_synth_params), thermoai_synth_params_size(), 40, synth_init },
    };
#undef E
    size_t i;

    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        const struct entry *e = &all[i];
        unsigned char *buf = (unsigned char *)malloc(e->compiled + 64);
        uint32_t ss = 0;

        if (!tap_ok(buf != NULL, "%s: buffer", e->name))
            continue;
        tap_ok(e->library == e->compiled, "%s: _size() %zu == sizeof %zu", e->name, e->library,
               e->compiled);
        tap_ok(e->v0 <= e->compiled, "%s: V0 size %zu <= sizeof", e->name, e->v0);
        memset(buf, 0xA5, e->compiled + 64);
        tap_ok(e->init(buf, e->compiled) == THERMOAI_OK && (memcpy(&ss, buf, 4), ss == e->compiled),
               "%s: _init(sizeof) sets struct_size", e->name);
        tap_ok(buf[e->compiled] == 0xA5, "%s: _init writes nothing past size", e->name);
        memset(buf, 0xA5, e->compiled + 64);
        tap_ok(e->init(buf, e->v0) == THERMOAI_OK && (memcpy(&ss, buf, 4), ss == e->v0)
                   && buf[e->v0] == 0xA5,
               "%s: _init(V0 size) for a program built against 0.1.0", e->name);
        tap_ok(e->init(buf, e->compiled + 64) == THERMOAI_OK,
               "%s: _init(larger) for a program built against a newer library", e->name);
        tap_ok(e->init(buf, e->v0 - 1) == THERMOAI_E_SIZE, "%s: _init(V0 - 1) is E_SIZE", e->name);
        tap_ok(e->init(buf, 0) == THERMOAI_E_SIZE, "%s: _init(0) is E_SIZE", e->name);
        tap_ok(e->init(buf, (size_t)0x80000001u) == THERMOAI_E_SIZE,
               "%s: _init(2^31 + 1) is E_SIZE", e->name);
        tap_ok(e->init(NULL, e->compiled) == THERMOAI_E_NULL, "%s: _init(NULL) is E_NULL", e->name);
        free(buf);
    }
    output_rule();
    return tap_done();
}
