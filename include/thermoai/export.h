/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/export.h
 * \brief Symbol export and attribute macros used by every public header.
 *
 * \c THERMOAI_API marks a declaration as part of the public ABI. The library is
 * built with \c -fvisibility=hidden and a linker version script, so only
 * declarations carrying this macro (and listed in the script) are exported.
 *
 * Defining \c THERMOAI_CDEF before inclusion expands every macro to nothing, for
 * FFI generators (cffi, bindgen) that cannot parse compiler attributes.
 * Defining \c THERMOAI_STATIC selects the static library on Windows.
 *
 * There is deliberately no \c nonnull attribute: FFI callers may pass NULL and
 * the library checks for it; \c nonnull would let the compiler delete those checks.
 */
#ifndef THERMOAI_EXPORT_H
#define THERMOAI_EXPORT_H

/**
 * \def THERMOAI_API
 * \brief Marks a public function: default visibility on ELF, dllexport/dllimport on Windows.
 * \since 0.1.0
 *
 * \def THERMOAI_DEPRECATED(msg)
 * \brief Marks a function scheduled for removal in the next ABI line; \p msg names the
 *        replacement. Define THERMOAI_NO_DEPRECATION_WARNINGS to silence it.
 * \since 0.1.0
 *
 * \def THERMOAI_NODISCARD
 * \brief Makes the compiler warn when a returned status is ignored.
 * \since 0.1.0
 */

#if defined(THERMOAI_CDEF) || defined(THERMOAI_STATIC)
#  define THERMOAI_API
#elif defined(_WIN32) || defined(__CYGWIN__)
#  if defined(THERMOAI_BUILDING)
#    define THERMOAI_API __declspec(dllexport)
#  else
#    define THERMOAI_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define THERMOAI_API __attribute__((visibility("default")))
#else
#  define THERMOAI_API
#endif

#if defined(THERMOAI_CDEF) || defined(THERMOAI_NO_DEPRECATION_WARNINGS)
#  define THERMOAI_DEPRECATED(msg)
#elif defined(__GNUC__) || defined(__clang__)
#  define THERMOAI_DEPRECATED(msg) __attribute__((deprecated(msg)))
#elif defined(_MSC_VER)
#  define THERMOAI_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#  define THERMOAI_DEPRECATED(msg)
#endif

/* A status that is ignored is a bug: warn (and fail under -Werror). */
#if !defined(THERMOAI_CDEF) && (defined(__GNUC__) || defined(__clang__))
#  define THERMOAI_NODISCARD __attribute__((warn_unused_result))
#else
#  define THERMOAI_NODISCARD
#endif

#endif /* THERMOAI_EXPORT_H */
