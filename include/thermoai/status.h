/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/status.h
 * \brief Status codes returned by every thermoai function, and their names.
 *
 * Every computing function returns an \c int status and writes its results
 * through pointers. On any status other than #THERMOAI_OK every \c double
 * output that the caller passed is set to NaN, so an ignored status cannot
 * pass for a number (GSL's \c _e convention).
 *
 * Codes are positive, grouped in bands, and part of the ABI: they are never
 * renumbered or reused. New codes may appear in later versions, so callers
 * must treat unknown non-zero values as errors. There is no global error state.
 */
#ifndef THERMOAI_STATUS_H
#define THERMOAI_STATUS_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/status.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Status codes. The values are part of the ABI.
 *
 * Band 1-99: the caller broke a documented precondition.
 * Band 100-199: the inputs are valid but the mathematics has no usable answer.
 * Band 200-299: resources. Band 300-399: look-ups.
 * \since 0.1.0
 */
enum thermoai_status {
    THERMOAI_OK = 0,                /**< success */
    THERMOAI_E_NULL = 1,            /**< a required pointer argument was NULL */
    THERMOAI_E_INVALID = 2,         /**< an argument is outside its documented domain */
    THERMOAI_E_NONFINITE = 3,       /**< an input is NaN or infinite */
    THERMOAI_E_SIZE = 4,            /**< a struct_size or buffer length is wrong */
    THERMOAI_E_UNSUPPORTED = 5,     /**< unknown flag bits, or non-zero reserved/unknown fields */
    THERMOAI_E_CALLBACK = 6,        /**< a caller-supplied callback returned non-zero */
    THERMOAI_E_DOMAIN = 100,        /**< the result is mathematically undefined for these inputs */
    THERMOAI_E_RANGE = 101,         /**< the result overflows, or underflows below the normal range of double */
    THERMOAI_E_NO_CONVERGENCE = 102,/**< an iteration reached its limit without converging */
    THERMOAI_E_LOSS = 103,          /**< the requested accuracy cannot be reached */
    THERMOAI_E_NOMEM = 200,         /**< memory allocation failed */
    THERMOAI_E_INTERNAL = 299,      /**< an internal invariant failed: a bug, please report it */
    THERMOAI_E_NOT_FOUND = 300      /**< no preset or item of that name */
};

/**
 * \brief English description of a status code.
 * \param[in] status  Any integer; unknown values are described as such.
 * \return A static, NUL-terminated string; never NULL. Thread-safe.
 * \since 0.1.0
 */
THERMOAI_API const char *thermoai_strerror(int status);

/**
 * \brief Symbolic name of a status code, e.g. "THERMOAI_E_RANGE".
 * \param[in] status  Any integer; unknown values give "THERMOAI_E_UNKNOWN".
 * \return A static, NUL-terminated string; never NULL. Thread-safe.
 * \since 0.1.0
 */
THERMOAI_API const char *thermoai_status_name(int status);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_STATUS_H */
