/* SPDX-License-Identifier: MIT */
/*
 * Private helpers shared between the library's translation units.
 * Never installed. Names use the thermoai__ prefix and hidden visibility.
 */
#ifndef THERMOAI_INTERNAL_H
#define THERMOAI_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <thermoai/thermoai.h>

#if defined(__GNUC__) && __GNUC__ >= 4 && !defined(_WIN32)
#  define THERMOAI_INTERNAL __attribute__((visibility("hidden")))
#else
#  define THERMOAI_INTERNAL
#endif

/* Compile-time assertion usable at file scope in C99. */
#define THERMOAI__STATIC_ASSERT(cond, tag) \
    typedef char thermoai__static_assert_##tag[(cond) ? 1 : -1]

/* Mathematical constants to 36 digits; the compiler rounds each to the nearest
 * double once. Every file uses these, never a literal of its own. */
#define THERMOAI__LN2 0.693147180559945309417232121458176568      /* ln 2 */
#define THERMOAI__LOG2E 1.44269504088896340735992468100189214     /* log2 e = 1 / ln 2 */
#define THERMOAI__TWO_PI 6.28318530717958647692528676655900577    /* 2 pi */

/* k_B ln 2 in J/K per bit, from the exact SI k_B times ln 2 (mpmath, 50 digits;
 * tests/ref/landauer_ref.py prints it). Written out so that it is rounded once,
 * instead of twice as the product of two rounded doubles would be. */
#define THERMOAI__K_B_LN2_J_PER_K 9.5699296169290793150159211125911002e-24

/*
 * r = (num[0] * ... * num[nn-1]) / (den[0] * ... * den[nd-1]).
 * All arguments must be finite and >= 0, den[i] > 0 (the caller validates).
 * Mantissas and exponents are carried separately (frexp/ldexp), so no
 * intermediate result can overflow or underflow; each factor adds at most one
 * rounding of 2^-53 relative.
 * Returns THERMOAI_OK, or THERMOAI_E_RANGE when the exact result overflows
 * double or is non-zero but below DBL_MIN; *out is NaN then.
 */
THERMOAI_INTERNAL int thermoai__scaled_ratio(const double *num, size_t nn,
                                             const double *den, size_t nd,
                                             double *out);

/* ---- the error path of every scalar function ---------------------------------
 *
 *   int thermoai_m_quantity_unit(double a, double b, double *out)
 *   {
 *       THERMOAI__OUTPUTS(out);                       all outputs NaN, or E_NULL
 *       THERMOAI__TRY(THERMOAI__CHECK({ a, THERMOAI__POS }, { b, THERMOAI__NONNEG }));
 *       ... compute into locals, THERMOAI__TRY around every call that can fail ...
 *       return thermoai__finish(value, out);          E_RANGE, or the value stored
 *   }
 *
 * The outputs are NaN from the first line and written only by the last, so every
 * early return leaves them NaN. Several outputs: THERMOAI__OUTPUTS(lo, hi) and
 * thermoai__store() at the end. Pointer inputs are checked (E_NULL) right after
 * THERMOAI__OUTPUTS. (GSL's error macros, with the NaN rule of its _e functions.)
 */

/* NaN into every non-NULL outs[i]; THERMOAI_E_NULL when any is NULL. */
THERMOAI_INTERNAL int thermoai__outputs(double *const *outs, size_t n);

#define THERMOAI__OUTPUTS(...)                                                             \
    do {                                                                                   \
        double *const thermoai__outs_[] = { __VA_ARGS__ };                                 \
        const int thermoai__s_ = thermoai__outputs(                                       \
            thermoai__outs_, sizeof thermoai__outs_ / sizeof thermoai__outs_[0]);          \
        if (thermoai__s_ != THERMOAI_OK)                                                   \
            return thermoai__s_;                                                           \
    } while (0)

/* Returns the status of expr from the enclosing function unless it is THERMOAI_OK. */
#define THERMOAI__TRY(expr)                                                                \
    do {                                                                                   \
        const int thermoai__s_ = (expr);                                                   \
        if (thermoai__s_ != THERMOAI_OK)                                                   \
            return thermoai__s_;                                                           \
    } while (0)

/* 1 when an array of a * b elements of elem bytes can exist: the byte count fits
 * in ptrdiff_t (no C object is larger), so an error path may write all of it. 0
 * for a zero size. An error path never writes more than this proves the caller owns. */
THERMOAI_INTERNAL int thermoai__can_own(size_t a, size_t b, size_t elem);

/* Writes NaN to *p when p is not NULL. */
THERMOAI_INTERNAL void thermoai__set_nan(double *p);

/* ---- argument checks --------------------------------------------------------- */

/* Domains of a double argument. */
enum thermoai__domain {
    THERMOAI__FINITE = 0, /* any finite value */
    THERMOAI__NONNEG = 1, /* finite, >= 0 */
    THERMOAI__POS = 2,    /* finite, > 0 */
    THERMOAI__GE1 = 3     /* finite, >= 1 */
};

struct thermoai__arg {
    double value;
    int domain;
};

/*
 * THERMOAI_E_NONFINITE when any value is NaN or infinite (checked first, over
 * all arguments), else THERMOAI_E_INVALID when any is outside its domain.
 * Use through THERMOAI__CHECK({x, THERMOAI__POS}, {y, THERMOAI__NONNEG}).
 */
THERMOAI_INTERNAL int thermoai__check(const struct thermoai__arg *args, size_t n);
#define THERMOAI__CHECK(...)                                                               \
    thermoai__check((const struct thermoai__arg[]){ __VA_ARGS__ },                         \
                    sizeof((const struct thermoai__arg[]){ __VA_ARGS__ })                  \
                        / sizeof(struct thermoai__arg))

/*
 * r = sum over t < nt of f[t nf] * f[t nf + 1] * ... * f[t nf + nf - 1] (nt terms of
 * nf factors each, nt <= THERMOAI__SUM_TERMS_MAX; pad short terms with 1.0). All
 * factors finite and >= 0 (the caller validates). As thermoai__scaled_ratio():
 * no intermediate overflow or underflow, one rounding per factor and per term
 * added. THERMOAI_OK (0 when every term has a zero factor), or THERMOAI_E_RANGE
 * when the sum overflows or is non-zero below DBL_MIN; *out is NaN then.
 */
#define THERMOAI__SUM_TERMS_MAX 8
THERMOAI_INTERNAL int thermoai__sum_of_products(const double *f, size_t nt, size_t nf, double *out);

/* Like thermoai__scaled_ratio() but for a value of either sign: the sign of
 * the result is sign * |result|. */
THERMOAI_INTERNAL int thermoai__signed_scale(double sign, const double *num, size_t nn,
                                             const double *den, size_t nd, double *out);

/* A finished double result: THERMOAI_E_RANGE (and NaN) when x is infinite or a
 * non-zero subnormal, else stores it. */
THERMOAI_INTERNAL int thermoai__finish(double x, double *out);

/* As thermoai__finish() for a quantity known to be positive: an underflow to
 * exactly 0 is a THERMOAI_E_RANGE too. */
THERMOAI_INTERNAL int thermoai__finish_positive(double x, double *out);

/* The end of a function with several outputs: when every vals[i] passes
 * thermoai__finish(), stores them all; otherwise stores NaN in all and returns
 * THERMOAI_E_RANGE. */
THERMOAI_INTERNAL int thermoai__store(double *const *outs, const double *vals, size_t n);


/* ---- quadrature (lib/common/quadrature.c) ------------------------------------------ */

/* Adaptive Gauss-Kronrod (7, 15) of fn over [a, b], the pieces starting at the
 * points inside (a, b); see thermoai_quadrature_integrate_points(). */
THERMOAI_INTERNAL int thermoai__integrate(thermoai_time_fn fn, void *user, double a, double b,
                                          const double *points, size_t n_points, double rel_tol,
                                          double *val, double *err);

/* The Gauss-Kronrod (7, 15) tables of lib/common/quadrature.c, for its test: the 8
 * non-negative Kronrod nodes (the last is 0), their weights, and the 4 Gauss
 * weights (the Gauss nodes are nodes[1], [3], [5], [7]). */
THERMOAI_INTERNAL void thermoai__gk15_rule(const double **nodes, const double **kronrod,
                                           const double **gauss);

/* ---- size-field structs (STYLE.md 2.7; lib/common/structs.c) ---------------------- */

/*
 * The registry of size-field structs: the size of each as released in 0.1.0
 * (its V0). A caller compiled against 0.1.0 passes at least this; every struct
 * listed here has _init and _size functions (tests/api/test_structs.c checks
 * each, and tests/api/test_api_sync.py that no size-field struct is missing).
 */
#define THERMOAI__SIZE_V0_MODEL_ARCH 120u
#define THERMOAI__SIZE_V0_ENTROPY_PARAMS 32u
#define THERMOAI__SIZE_V0_ENTROPY_BREAKDOWN 56u
#define THERMOAI__SIZE_V0_FLUX_PHASES 64u
#define THERMOAI__SIZE_V0_SCALING_NEGENTROPY_LAW 64u
#define THERMOAI__SIZE_V0_SCALING_LOSS_LAW 64u
/* SSA: the first field sets. The fields of the routed variant (issue 21) were appended
 * after them, and callers built on the first sets (the Python binding) keep working
 * with the defaults of the new fields; lib/attention/ssa.c asserts the full sizes. */
#define THERMOAI__SIZE_V0_SSA_PARAMS 40u
#define THERMOAI__SIZE_V0_SSA_STATS 80u
#define THERMOAI__SIZE_V0_SPECTRAL_PARAMS 32u
#define THERMOAI__SIZE_V0_SPECTRAL_INFO 32u
#define THERMOAI__SIZE_V0_SYNTH_PARAMS 40u
#define THERMOAI__SIZE_V0_HARDWARE 272u
#define THERMOAI__SIZE_V0_CALIBRATE_FIT 56u
#define THERMOAI__SIZE_V0_WORK_PARAMS 64u
#define THERMOAI__SIZE_V0_WORK 104u
#define THERMOAI__SIZE_V0_COST_SERVING 56u
#define THERMOAI__SIZE_V0_COST_RESULT 152u
#define THERMOAI__SIZE_V0_TRAINING_PARAMS 72u
#define THERMOAI__SIZE_V0_TRAINING_RESULT 56u
#define THERMOAI__SIZE_V0_PAPER_ENERGY_TRAIN_TERMS 112u
#define THERMOAI__SIZE_V0_LADDER 80u
#define THERMOAI__SIZE_V0_TRILEMMA_POINT 56u
#define THERMOAI__SIZE_V0_SLO_PARAMS 40u
#define THERMOAI__SIZE_V0_SLO_RESULT 120u
#define THERMOAI__SIZE_V0_RD_BA_PARAMS 24u
#define THERMOAI__SIZE_V0_RD_BA_RESULT 48u
#define THERMOAI__SIZE_V0_IB_PARAMS 32u
#define THERMOAI__SIZE_V0_IB_RESULT 40u
#define THERMOAI__SIZE_V0_SCHEDULER_PARAMS 56u
#define THERMOAI__SIZE_V0_LOSS_MODEL 64u
#define THERMOAI__SIZE_V0_ALLOCATE_ENERGY_MODEL 40u
#define THERMOAI__SIZE_V0_ALLOCATE_RESULT 128u

/* Largest struct_size accepted by the _init functions. */
#define THERMOAI__STRUCT_SIZE_MAX 0x80000000u

/* The struct_size a caller wrote in the first 4 bytes of a size-field struct. */
THERMOAI_INTERNAL uint32_t thermoai__struct_size_of(const void *user);

/*
 * Input struct: copies min(user size, our_size) bytes of *user over *ours,
 * which holds our defaults, then sets ours' struct_size to our_size.
 * THERMOAI_E_SIZE when the user's size is below v0_size; THERMOAI_E_UNSUPPORTED
 * when the user's struct is larger than ours and a byte beyond ours is non-zero.
 */
THERMOAI_INTERNAL int thermoai__struct_in(const void *user, size_t v0_size, void *ours,
                                          size_t our_size);

/*
 * Output struct: writes min(user size, our_size) bytes of *ours into *user,
 * keeping the user's struct_size. THERMOAI_E_SIZE when the user's size is
 * below v0_size (nothing is written).
 */
THERMOAI_INTERNAL int thermoai__struct_out(void *user, size_t v0_size, const void *ours,
                                           size_t our_size);

/*
 * The error path of an output struct (doc/abi-policy.md): NaN into every double
 * field of *user (at the byte offsets double_offsets[0..n)) that lies wholly
 * within the first min(user's struct_size, our_size) bytes, whatever that size
 * is, also below the V0 size. Writes nothing else: never struct_size, never
 * part of a field, never a byte at or past struct_size. user may be NULL.
 */
THERMOAI_INTERNAL void thermoai__struct_nan(void *user, size_t our_size,
                                            const size_t *double_offsets, size_t n);

/*
 * thermoai__struct_out() with the error rule: when the caller's struct_size is below
 * v0_size, poisons the doubles it covers (thermoai__struct_nan()) and returns
 * THERMOAI_E_SIZE; otherwise writes *ours as thermoai__struct_out() does.
 */
THERMOAI_INTERNAL int thermoai__struct_out_nan(void *user, size_t v0_size, const void *ours,
                                               size_t our_size, const size_t *double_offsets,
                                               size_t n);

/* The E_SIZE check before a computation: THERMOAI_E_SIZE, with the doubles the
 * caller's struct_size covers poisoned, when that size is below v0_size. */
THERMOAI_INTERNAL int thermoai__struct_out_check(void *user, size_t v0_size, size_t our_size,
                                                 const size_t *double_offsets, size_t n);

/* Common _init: zero size bytes, store struct_size. Checks NULL and size. */
THERMOAI_INTERNAL int thermoai__struct_init(void *user, size_t size, size_t v0_size);

#endif /* THERMOAI_INTERNAL_H */
