/* SPDX-License-Identifier: MIT */
/*
 * One libFuzzer target over the library's entry-point families (issue 20). The
 * first input byte picks the family; the rest are its arguments, raw (any double
 * bit pattern, NaN and infinities included). Every family checks the library's
 * promise under bad input and calls fuzz_fail() (abort) when it is broken:
 *
 *   0 scalar     every row of tests/ref/sweep_table.h: status != 0 => every
 *                double output NaN; status 0 => every output finite
 *   1 structs    every _init with any size into a 1 KiB buffer: no byte at or past
 *                the size written; OK only for V0 <= size, then struct_size set
 *   2 ssa        create_ex with an allocator failing at the k-th call, execute:
 *                a failed create returns NULL and leaks nothing; execute's y is
 *                all NaN on error, all finite on success; free releases all
 *   3 dense      thermoai_attention_dense: the same rule for y
 *   4 spectra    thermoai_spectral_attention: every lambda[0..count) NaN on error,
 *                finite and non-increasing from 1 on success
 *   5 interval   thermoai_interval_monomial: lo <= hi, and the product at the
 *                factors' midpoints (long double) inside [lo, hi]; NaN on error
 *   6 quadrature the integrand is called only at finite t in [t0, t1]; the result
 *                finite on success (and within err + 1e-6 relative of the exact
 *                integral of the cubic), NaN on error
 *   7 presets    model/hardware/loss/serving lookup by any name: OK or NOT_FOUND,
 *                and on NOT_FOUND every double NaN
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`; tests/fuzz/replay.c runs the
 * committed corpus (tests/fuzz/corpus/) through the same function in `make check`.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

/* work memory of the spectra (thermoai_spectral_*_workspace_bytes() for the sizes used
 * here is far below this) */
static double spec_ws[1 << 16];

#include "../ref/sweep_calls.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_fail(const char *family, const char *what)
{
    fprintf(stderr, "fuzz_api: %s: %s\n", family, what);
    abort();
}

struct rd {
    const uint8_t *p;
    size_t n;
};

static uint64_t take_u64(struct rd *r)
{
    uint64_t v = 0;
    size_t i;
    for (i = 0; i < 8; i++) {
        v = (v << 8) | (r->n > 0 ? *r->p : 0);
        if (r->n > 0) {
            r->p++;
            r->n--;
        }
    }
    return v;
}
static uint32_t take_u8(struct rd *r)
{
    uint32_t v = r->n > 0 ? *r->p : 0;
    if (r->n > 0) {
        r->p++;
        r->n--;
    }
    return v;
}
static double take_d(struct rd *r)
{
    uint64_t u = take_u64(r);
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}
/* a float, usually small and finite (one in 16 raw bits) */
static float take_f(struct rd *r)
{
    uint32_t b = take_u8(r);
    if ((b & 15u) == 15u) {
        uint32_t u = (take_u8(r) << 24) | (take_u8(r) << 16) | (take_u8(r) << 8) | take_u8(r);
        float f;
        memcpy(&f, &u, sizeof f);
        return f;
    }
    return ((float)b - 128.0f) / 32.0f;
}

/* ---- 0 scalar --------------------------------------------------------------- */
static void fam_scalar(struct rd *r)
{
    const struct row *row = &rows[(take_u8(r) << 8 | take_u8(r)) % N_ROWS];
    struct arg a[MAX_IN];
    double o[3] = { 12345.0, 12345.0, 12345.0 };
    size_t i, nin = strlen(row->types);
    int s, k;

    for (i = 0; i < nin && i < MAX_IN; i++) {
        if (row->types[i] == 'd')
            a[i].d = take_d(r);
        else
            a[i].u = take_u64(r);
        if (row->types[i] != 'd')
            a[i].d = 0.0;
    }
    s = row->call(a, o);
    for (k = 0; k < row->outputs; k++) {
        if (s != THERMOAI_OK && !isnan(o[k]))
            fuzz_fail(row->name, "an error left an output that is not NaN");
        if (s == THERMOAI_OK && !isfinite(o[k]))
            fuzz_fail(row->name, "THERMOAI_OK with an output that is not finite");
    }
}

/* ---- 1 structs -------------------------------------------------------------- */
typedef int (*init_fn)(void *, size_t);
#define INIT(name, v0) { #name, (init_fn)(void (*)(void))name, v0 }
static int synth_init(void *p, size_t size) { return thermoai_synth_params_init(p, size, 0); }
static const struct {
    const char *name;
    init_fn fn;
    size_t v0;
} INITS[] = {
    INIT(thermoai_allocate_energy_model_init, 40), INIT(thermoai_allocate_result_init, 128),
    INIT(thermoai_calibrate_fit_init, 56), INIT(thermoai_cost_serving_init, 56),
    INIT(thermoai_cost_result_init, 152), INIT(thermoai_entropy_params_init, 32),
    INIT(thermoai_entropy_breakdown_init, 56), INIT(thermoai_flux_phases_init, 64),
    INIT(thermoai_hardware_init, 272), INIT(thermoai_ib_params_init, 32),
    INIT(thermoai_ib_result_init, 40), INIT(thermoai_ladder_init, 80),
    INIT(thermoai_loss_model_init, 64), INIT(thermoai_model_arch_init, 120),
    INIT(thermoai_paper_energy_train_terms_init, 112), INIT(thermoai_rd_ba_params_init, 24),
    INIT(thermoai_rd_ba_result_init, 48), INIT(thermoai_scaling_negentropy_law_init, 64),
    INIT(thermoai_scaling_loss_law_init, 64), INIT(thermoai_scheduler_params_init, 56),
    INIT(thermoai_spectral_params_init, 32), INIT(thermoai_spectral_info_init, 32),
    INIT(thermoai_ssa_params_init, 40), INIT(thermoai_ssa_stats_init, 80),
    { "thermoai_synth_params_init", synth_init, 40 }, INIT(thermoai_training_params_init, 72),
    INIT(thermoai_training_result_init, 56), INIT(thermoai_work_params_init, 64),
    INIT(thermoai_work_init, 104),
};
static void fam_structs(struct rd *r)
{
    static union {
        double align;
        unsigned char b[1024];
    } buf;
    size_t which = take_u8(r) % (sizeof INITS / sizeof INITS[0]), sz, i;
    uint32_t got;
    int s;

    sz = (take_u8(r) << 8 | take_u8(r)) % (sizeof buf.b + 1);
    memset(buf.b, 0xA5, sizeof buf.b);
    s = INITS[which].fn(buf.b, sz);
    for (i = sz; i < sizeof buf.b; i++)
        if (buf.b[i] != 0xA5)
            fuzz_fail(INITS[which].name, "a byte at or past size was written");
    if (s == THERMOAI_OK) {
        memcpy(&got, buf.b, sizeof got);
        if (sz < INITS[which].v0 || got != sz)
            fuzz_fail(INITS[which].name, "OK below the V0 size, or struct_size not the size");
    } else if (sz >= INITS[which].v0 && sz <= 1024 && s != THERMOAI_E_UNSUPPORTED) {
        fuzz_fail(INITS[which].name, "an error for a valid size");
    }
}

/* ---- 2 ssa with a failing allocator ----------------------------------------- */
struct fail_alloc {
    unsigned long calls, fail_at;
    long live;
};
static void *fa_alloc(size_t size, void *user)
{
    struct fail_alloc *f = user;
    void *p;
    if (++f->calls == f->fail_at)
        return NULL;
    p = malloc(size);
    if (p != NULL)
        f->live++;
    return p;
}
static void fa_release(void *p, void *user)
{
    struct fail_alloc *f = user;
    f->live--;
    free(p);
}
static float g_q[64 * 16], g_k[64 * 16], g_v[64 * 16], g_y[64 * 16];
static void take_qkv(struct rd *r, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++) {
        g_q[i] = take_f(r);
        g_k[i] = take_f(r);
        g_v[i] = take_f(r);
    }
}
static void check_y(const char *fam, int s, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++) {
        if (s != THERMOAI_OK && !isnan(g_y[i]))
            fuzz_fail(fam, "an error left an output that is not NaN");
        if (s == THERMOAI_OK && !isfinite(g_y[i]))
            fuzz_fail(fam, "THERMOAI_OK with an output that is not finite");
    }
}
static void fam_ssa(struct rd *r)
{
    size_t n = 2 + take_u8(r) % 63, d = 1 + take_u8(r) % 16, i;
    struct fail_alloc f = { 0, 0, 0 };
    thermoai_allocator al;
    thermoai_ssa_params p;
    thermoai_ssa *plan = (thermoai_ssa *)&f;
    int s;

    al.alloc = fa_alloc;
    al.release = fa_release;
    al.user = &f;
    if (thermoai_ssa_params_init(&p, sizeof p) != THERMOAI_OK)
        fuzz_fail("ssa", "params_init");
    p.variant = take_u8(r) % 5; /* 4 is unknown */
    p.flags = take_u8(r) & 0x7u;
    p.clusters = take_u8(r) % 20;
    p.samples = take_u8(r) % 20;
    p.seed = take_u8(r);
    f.fail_at = take_u8(r); /* 0: never */
    take_qkv(r, n * d);
    s = thermoai_ssa_create_ex(n, d, &p, &al, &plan);
    if (s != THERMOAI_OK) {
        if (plan != NULL || f.live != 0)
            fuzz_fail("ssa", "a failed create returned a plan or leaked");
        return;
    }
    for (i = 0; i < n * d; i++)
        g_y[i] = 12345.0f;
    s = thermoai_ssa_execute(plan, g_q, g_k, g_v, g_y);
    check_y("ssa_execute", s, n * d);
    thermoai_ssa_free(plan);
    if (f.live != 0)
        fuzz_fail("ssa", "free left allocations live");
}

/* ---- 3 dense ------------------------------------------------------------------ */
static void fam_dense(struct rd *r)
{
    size_t n = take_u8(r) % 65, d = take_u8(r) % 17, need = 0, i;
    uint32_t flags = take_u8(r) & 0xFu;
    void *ws;
    int s;

    take_qkv(r, n * d);
    if (thermoai_attention_workspace_bytes(n, d, &need) != THERMOAI_OK)
        need = 64;
    ws = malloc(need + 1);
    if (ws == NULL)
        return;
    for (i = 0; i < sizeof g_y / sizeof g_y[0]; i++)
        g_y[i] = 12345.0f;
    s = thermoai_attention_dense(n, d, g_q, g_k, g_v, flags, ws, need, g_y);
    check_y("attention_dense", s, n * d);
    for (i = n * d; i < sizeof g_y / sizeof g_y[0]; i++)
        if (g_y[i] != 12345.0f)
            fuzz_fail("attention_dense", "wrote past n d outputs");
    free(ws);
}

/* ---- 4 spectra ------------------------------------------------------------- */
static void fam_spectra(struct rd *r)
{
    size_t n = take_u8(r) % 33, d = 1 + take_u8(r) % 8, count = 1 + take_u8(r) % 36, i;
    double lambda[40];
    int s;

    take_qkv(r, n * d);
    for (i = 0; i < 40; i++)
        lambda[i] = 12345.0;
    s = thermoai_spectral_attention(n, d, g_q, g_k, NULL, count, spec_ws, sizeof spec_ws, lambda, NULL);
    for (i = 0; i < count; i++) {
        if (s != THERMOAI_OK && !isnan(lambda[i]))
            fuzz_fail("spectral_attention", "an error left a lambda that is not NaN");
        if (s == THERMOAI_OK && !isfinite(lambda[i]))
            fuzz_fail("spectral_attention", "OK with a lambda that is not finite");
    }
    for (i = count; i < 40; i++)
        if (lambda[i] != 12345.0)
            fuzz_fail("spectral_attention", "wrote past count");
}

/* ---- 5 intervals -------------------------------------------------------------- */
static void fam_interval(struct rd *r)
{
    thermoai_interval f[6], out = { 12345.0, 12345.0 };
    int32_t pw[6];
    size_t n = 1 + take_u8(r) % 6, i;
    double coef = take_d(r);
    long double mid;
    int s;

    if (take_u8(r) & 1u) /* mostly ordinary magnitudes */
        coef = (double)((int)take_u8(r) - 128) / 8.0;
    for (i = 0; i < n; i++) {
        if (take_u8(r) & 1u) {
            f[i].lo = take_d(r);
            f[i].hi = take_d(r);
        } else {
            f[i].lo = (double)take_u8(r) / 16.0 + 0.01;
            f[i].hi = f[i].lo + (double)take_u8(r) / 64.0;
        }
        pw[i] = (int32_t)(take_u8(r) % 9) - 4;
    }
    s = thermoai_interval_monomial(coef, f, pw, n, &out);
    if (s != THERMOAI_OK) {
        if (!isnan(out.lo) || !isnan(out.hi))
            fuzz_fail("interval_monomial", "an error left a bound that is not NaN");
        return;
    }
    if (!(out.lo <= out.hi) || !isfinite(out.lo) || !isfinite(out.hi))
        fuzz_fail("interval_monomial", "OK with lo > hi or a bound not finite");
    mid = (long double)coef;
    for (i = 0; i < n; i++) {
        long double m = ((long double)f[i].lo + (long double)f[i].hi) / 2.0L;
        mid *= powl(m, (long double)pw[i]);
    }
    if (isfinite((double)mid) && fabsl(mid) > 1e-300L && fabsl(mid) < 1e300L
        && (mid < (long double)out.lo * (1.0L - 1e-15L * (mid < 0 ? -1 : 1))
            || mid > (long double)out.hi * (1.0L + 1e-15L * (mid < 0 ? -1 : 1))))
        fuzz_fail("interval_monomial", "the midpoint product lies outside [lo, hi]");
}

/* ---- 6 quadrature ----------------------------------------------------------- */
struct cubic {
    double c[4], t0, t1;
    int bad_t;
};
static int cubic_fn(double t, void *user, double *v)
{
    struct cubic *q = user;
    if (!isfinite(t) || t < q->t0 || t > q->t1)
        q->bad_t = 1;
    *v = ((q->c[3] * t + q->c[2]) * t + q->c[1]) * t + q->c[0];
    return 0;
}
static void fam_quadrature(struct rd *r)
{
    struct cubic q;
    thermoai_result res;
    double tol;
    int i, s;

    for (i = 0; i < 4; i++)
        q.c[i] = (double)((int)take_u8(r) - 128) / 16.0;
    if (take_u8(r) & 1u) {
        q.t0 = take_d(r);
        q.t1 = take_d(r);
    } else {
        q.t0 = (double)((int)take_u8(r) - 128);
        q.t1 = q.t0 + (double)take_u8(r);
    }
    tol = (take_u8(r) & 1u) ? take_d(r) : 1e-10;
    q.bad_t = 0;
    s = thermoai_quadrature_integrate(cubic_fn, &q, q.t0, q.t1, tol, &res);
    if (q.bad_t)
        fuzz_fail("quadrature", "the integrand was called outside [t0, t1] or at a non-finite t");
    if (s != THERMOAI_OK) {
        if (!isnan(res.val) || !isnan(res.err))
            fuzz_fail("quadrature", "an error left a result that is not NaN");
        return;
    }
    if (!isfinite(res.val) || !isfinite(res.err) || !(res.err >= 0.0))
        fuzz_fail("quadrature", "OK with a result or error bound not finite");
    if (fabs(q.t0) < 1e3 && fabs(q.t1) < 1e3 && tol == 1e-10) {
        long double a = (long double)q.t0, b = (long double)q.t1, ex = 0.0L;
        for (i = 0; i < 4; i++)
            ex += (long double)q.c[i] * (powl(b, i + 1) - powl(a, i + 1)) / (i + 1);
        if (fabsl((long double)res.val - ex) > (long double)res.err + 1e-6L * (1.0L + fabsl(ex)))
            fuzz_fail("quadrature", "the cubic's integral is off by more than err");
    }
}

/* ---- 7 presets ---------------------------------------------------------------- */
static void all_nan_or_fail(const char *fam, const void *p, const size_t *offs, size_t n)
{
    size_t i;
    double x;
    for (i = 0; i < n; i++) {
        memcpy(&x, (const unsigned char *)p + offs[i], sizeof x);
        if (!isnan(x))
            fuzz_fail(fam, "NOT_FOUND left a double that is not NaN");
    }
}
static void fam_presets(struct rd *r)
{
    char name[48];
    size_t len = r->n < sizeof name - 1 ? r->n : sizeof name - 1;
    thermoai_model_arch arch;
    thermoai_hardware hw;
    thermoai_loss_model lm;
    thermoai_cost_serving sv;
    static const size_t arch_d[] = { offsetof(thermoai_model_arch, precision_bits) };
    static const size_t lm_d[] = { offsetof(thermoai_loss_model, irreducible_nats),
                                   offsetof(thermoai_loss_model, params_coef) };
    static const size_t hw_d[] = { offsetof(thermoai_hardware, board_power_w),
                                   offsetof(thermoai_hardware, peak_bf16_flop_per_s) };
    static const size_t sv_d[] = { offsetof(thermoai_cost_serving, device_s_per_layer) };
    int s;

    memcpy(name, r->p, len);
    name[len] = '\0';
    if (thermoai_model_arch_init(&arch, sizeof arch) != THERMOAI_OK
        || thermoai_hardware_init(&hw, sizeof hw) != THERMOAI_OK
        || thermoai_loss_model_init(&lm, sizeof lm) != THERMOAI_OK
        || thermoai_cost_serving_init(&sv, sizeof sv) != THERMOAI_OK)
        fuzz_fail("presets", "init");
    s = thermoai_model_preset_find(name, &arch);
    if (s != THERMOAI_OK && s != THERMOAI_E_NOT_FOUND)
        fuzz_fail("model_preset_find", "status neither OK nor NOT_FOUND");
    if (s != THERMOAI_OK)
        all_nan_or_fail("model_preset_find", &arch, arch_d, 1);
    s = thermoai_hardware_preset_find(name, &hw);
    if (s != THERMOAI_OK && s != THERMOAI_E_NOT_FOUND)
        fuzz_fail("hardware_preset_find", "status neither OK nor NOT_FOUND");
    if (s != THERMOAI_OK)
        all_nan_or_fail("hardware_preset_find", &hw, hw_d, 2);
    s = thermoai_loss_preset_find(name, &lm);
    if (s != THERMOAI_OK && s != THERMOAI_E_NOT_FOUND)
        fuzz_fail("loss_preset_find", "status neither OK nor NOT_FOUND");
    if (s != THERMOAI_OK)
        all_nan_or_fail("loss_preset_find", &lm, lm_d, 2);
    s = thermoai_cost_serving_preset(name, &sv);
    if (s != THERMOAI_OK && s != THERMOAI_E_NOT_FOUND)
        fuzz_fail("cost_serving_preset", "status neither OK nor NOT_FOUND");
    if (s != THERMOAI_OK)
        all_nan_or_fail("cost_serving_preset", &sv, sv_d, 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct rd r;

    if (size == 0)
        return 0;
    r.p = data + 1;
    r.n = size - 1;
    switch (data[0] % 8) {
    case 0: fam_scalar(&r); break;
    case 1: fam_structs(&r); break;
    case 2: fam_ssa(&r); break;
    case 3: fam_dense(&r); break;
    case 4: fam_spectra(&r); break;
    case 5: fam_interval(&r); break;
    case 6: fam_quadrature(&r); break;
    default: fam_presets(&r); break;
    }
    return 0;
}
