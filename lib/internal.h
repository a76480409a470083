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

/* ln 2 to 36 digits; the compiler rounds it to the nearest double. */
#define THERMOAI__LN2 0.693147180559945309417232121458176568

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

/* Writes NaN to *p when p is not NULL. */
THERMOAI_INTERNAL void thermoai__set_nan(double *p);

/* ---- size-field structs (STYLE.md 2.7; lib/structs.c) ---------------------- */

/* Sizes of the public structs as released in 0.1.0 (their _SIZE_V0). */
#define THERMOAI__MODEL_ARCH_SIZE_V0 72u
#define THERMOAI__ENTROPY_PARAMS_SIZE_V0 32u
#define THERMOAI__ENTROPY_BREAKDOWN_SIZE_V0 56u

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

/* Common _init: zero size bytes, store struct_size. Checks NULL and size. */
THERMOAI_INTERNAL int thermoai__struct_init(void *user, size_t size, size_t v0_size);

/* ---- model architecture (lib/model.c) --------------------------------------- */

/*
 * Loads and validates a caller's architecture into *arch (full size, defaults
 * applied: kv_heads 0 -> heads, head_dim 0 -> d_model / heads).
 */
THERMOAI_INTERNAL int thermoai__arch_load(const thermoai_model_arch *user,
                                          thermoai_model_arch *arch);

#endif /* THERMOAI_INTERNAL_H */
