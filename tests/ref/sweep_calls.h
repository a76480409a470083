/* SPDX-License-Identifier: MIT */
/*
 * The sweep table's calls: one wrapper per row of tests/ref/sweep_table.h and the
 * registry rows[] (name, input types, outputs, call). Shared by the accuracy sweep
 * (tests/ref/sweep_driver.c) and the scalar fuzz family (tests/fuzz/fuzz_api.c).
 * Include once, after <thermoai/thermoai.h>, <stdint.h> and "config.h".
 */
#ifndef THERMOAI_SWEEP_CALLS_H
#define THERMOAI_SWEEP_CALLS_H

#define MAX_IN 12

struct arg {
    double d;
    uint64_t u;
};

#define A_d(i) a[i].d
#define A_u(i) ((uint32_t)a[i].u)
#define A_U(i) ((uint64_t)a[i].u)
#define A_z(i) ((size_t)a[i].u)
#define A_i(i) ((int32_t)(int64_t)a[i].u)

/* ---- the wrappers: one per row, from the table --------------------------------- */

#define SWEEP_1_1(fn, t0, ...) \
    static int call_##fn(const struct arg *a, double *o) { return fn(A_##t0(0), &o[0]); }
#define SWEEP_2_1(fn, t0, t1, ...) \
    static int call_##fn(const struct arg *a, double *o) { return fn(A_##t0(0), A_##t1(1), &o[0]); }
#define SWEEP_3_1(fn, t0, t1, t2, ...)                                   \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), &o[0]);               \
    }
#define SWEEP_4_1(fn, t0, t1, t2, t3, ...)                               \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), &o[0]);    \
    }
#define SWEEP_5_1(fn, t0, t1, t2, t3, t4, ...)                                     \
    static int call_##fn(const struct arg *a, double *o)                           \
    {                                                                              \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), A_##t4(4), &o[0]);   \
    }
#define SWEEP_6_1(fn, t0, t1, t2, t3, t4, t5, ...)                                            \
    static int call_##fn(const struct arg *a, double *o)                                      \
    {                                                                                         \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), A_##t4(4), A_##t5(5), &o[0]);   \
    }
#define SWEEP_7_1(fn, t0, t1, t2, t3, t4, t5, t6, ...)                                        \
    static int call_##fn(const struct arg *a, double *o)                                      \
    {                                                                                         \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), A_##t4(4), A_##t5(5), A_##t6(6), \
                  &o[0]);                                                                     \
    }
/* three outputs: the first is checked (the others are other terms of the same kind) */
#define SWEEP_5_3(fn, t0, t1, t2, t3, t4, ...)                                                \
    static int call_##fn(const struct arg *a, double *o)                                      \
    {                                                                                         \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), A_##t4(4), &o[0], &o[1], &o[2]); \
    }
#define SWEEP_1_2(fn, t0, ...) \
    static int call_##fn(const struct arg *a, double *o) { return fn(A_##t0(0), &o[0], &o[1]); }
#define SWEEP_2_2(fn, t0, t1, ...)                                       \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), &o[0], &o[1]);                   \
    }
#define SWEEP_3_2(fn, t0, t1, t2, ...)                                   \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), &o[0], &o[1]);        \
    }
#define SWEEP_4_2(fn, t0, t1, t2, t3, ...)                               \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        return fn(A_##t0(0), A_##t1(1), A_##t2(2), A_##t3(3), &o[0], &o[1]); \
    }

/* flux phases: phi0, tau1, tau2, tau3, tau4, alpha, beta, flags; then t */
#define SWEEP_FLUX_1(fn, ...)                                            \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        thermoai_flux_phases p;                                          \
        int s = thermoai_flux_phases_init(&p, sizeof p);                 \
        if (s != THERMOAI_OK)                                            \
            return s;                                                    \
        p.phi0_bits_per_s = a[0].d;                                      \
        p.tau1_s = a[1].d;                                               \
        p.tau2_s = a[2].d;                                               \
        p.tau3_s = a[3].d;                                               \
        p.tau4_s = a[4].d;                                               \
        p.alpha = a[5].d;                                                \
        p.beta = a[6].d;                                                 \
        p.flags = a[7].d != 0.0 ? THERMOAI_FLUX_CONTINUOUS : 0u;         \
        return fn(&p, a[8].d, &o[0]);                                    \
    }
/* negentropy law: n_inf, n_c, d_c, c_c, alpha_n, alpha_d, alpha_c; then N, D, C */
#define SWEEP_NLAW_1(fn, ...)                                            \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        thermoai_scaling_negentropy_law l;                               \
        int s = thermoai_scaling_negentropy_law_init(&l, sizeof l);      \
        if (s != THERMOAI_OK)                                            \
            return s;                                                    \
        l.n_inf_bits = a[0].d;                                           \
        l.n_c = a[1].d;                                                  \
        l.d_c = a[2].d;                                                  \
        l.c_c = a[3].d;                                                  \
        l.alpha_n = a[4].d;                                              \
        l.alpha_d = a[5].d;                                              \
        l.alpha_c = a[6].d;                                              \
        return fn(&l, a[7].d, a[8].d, a[9].d, &o[0]);                    \
    }
/* loss law: l_inf, a, b, c, alpha_n, alpha_d, alpha_c; then N, D, C */
#define SWEEP_LLAW_1(fn, ...)                                            \
    static int call_##fn(const struct arg *a, double *o)                 \
    {                                                                    \
        thermoai_scaling_loss_law l;                                     \
        int s = thermoai_scaling_loss_law_init(&l, sizeof l);            \
        if (s != THERMOAI_OK)                                            \
            return s;                                                    \
        l.l_inf_bits = a[0].d;                                           \
        l.a = a[1].d;                                                    \
        l.b = a[2].d;                                                    \
        l.c = a[3].d;                                                    \
        l.alpha_n = a[4].d;                                              \
        l.alpha_d = a[5].d;                                              \
        l.alpha_c = a[6].d;                                              \
        return fn(&l, a[7].d, a[8].d, a[9].d, &o[0]);                    \
    }

#include "sweep_table.h"

#undef SWEEP_1_1
#undef SWEEP_2_1
#undef SWEEP_3_1
#undef SWEEP_4_1
#undef SWEEP_5_1
#undef SWEEP_6_1
#undef SWEEP_7_1
#undef SWEEP_5_3
#undef SWEEP_1_2
#undef SWEEP_2_2
#undef SWEEP_3_2
#undef SWEEP_4_2
#undef SWEEP_FLUX_1
#undef SWEEP_NLAW_1
#undef SWEEP_LLAW_1

/* ---- the registry ------------------------------------------------------------------ */

struct row {
    const char *name;
    const char *types; /* one letter per input */
    int outputs;
    int (*call)(const struct arg *, double *);
};

#define SWEEP_1_1(fn, t0, ...) { #fn, #t0, 1, call_##fn },
#define SWEEP_2_1(fn, t0, t1, ...) { #fn, #t0 #t1, 1, call_##fn },
#define SWEEP_3_1(fn, t0, t1, t2, ...) { #fn, #t0 #t1 #t2, 1, call_##fn },
#define SWEEP_4_1(fn, t0, t1, t2, t3, ...) { #fn, #t0 #t1 #t2 #t3, 1, call_##fn },
#define SWEEP_5_1(fn, t0, t1, t2, t3, t4, ...) { #fn, #t0 #t1 #t2 #t3 #t4, 1, call_##fn },
#define SWEEP_6_1(fn, t0, t1, t2, t3, t4, t5, ...) { #fn, #t0 #t1 #t2 #t3 #t4 #t5, 1, call_##fn },
#define SWEEP_7_1(fn, t0, t1, t2, t3, t4, t5, t6, ...) { #fn, #t0 #t1 #t2 #t3 #t4 #t5 #t6, 1, call_##fn },
#define SWEEP_5_3(fn, t0, t1, t2, t3, t4, ...) { #fn, #t0 #t1 #t2 #t3 #t4, 3, call_##fn },
#define SWEEP_1_2(fn, t0, ...) { #fn, #t0, 2, call_##fn },
#define SWEEP_2_2(fn, t0, t1, ...) { #fn, #t0 #t1, 2, call_##fn },
#define SWEEP_3_2(fn, t0, t1, t2, ...) { #fn, #t0 #t1 #t2, 2, call_##fn },
#define SWEEP_4_2(fn, t0, t1, t2, t3, ...) { #fn, #t0 #t1 #t2 #t3, 2, call_##fn },
#define SWEEP_FLUX_1(fn, ...) { #fn, "ddddddddd", 1, call_##fn },
#define SWEEP_NLAW_1(fn, ...) { #fn, "dddddddddd", 1, call_##fn },
#define SWEEP_LLAW_1(fn, ...) { #fn, "dddddddddd", 1, call_##fn },

static const struct row rows[] = {
#include "sweep_table.h"
};

#define N_ROWS (sizeof rows / sizeof rows[0])

#endif /* THERMOAI_SWEEP_CALLS_H */
