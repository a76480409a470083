/* SPDX-License-Identifier: MIT */
/*
 * Private helpers shared between the library's translation units.
 * Never installed. Names use the thermoai__ prefix and hidden visibility.
 */
#ifndef THERMOAI_INTERNAL_H
#define THERMOAI_INTERNAL_H

#include <stddef.h>
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

#endif /* THERMOAI_INTERNAL_H */
