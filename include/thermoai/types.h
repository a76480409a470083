/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/types.h
 * \brief Plain types shared by several modules: an estimate with its error, an
 *        interval, a caller's allocator and an integrand.
 *
 * These structs never grow (they carry no \c struct_size) and hold no units of
 * their own: the function that fills one states the unit.
 */
#ifndef THERMOAI_TYPES_H
#define THERMOAI_TYPES_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/types.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief An estimate with its absolute error bound (plain struct; never grows).
 * \since 0.1.0
 */
typedef struct thermoai_result {
    double val; /**< the estimate */
    double err; /**< estimated absolute error of \c val */
} thermoai_result;

/**
 * \brief A closed interval \f$[lo, hi]\f$ (plain struct; never grows).
 * \since 0.1.0
 */
typedef struct thermoai_interval {
    double lo; /**< lower bound */
    double hi; /**< upper bound, >= lo */
} thermoai_interval;

/**
 * \brief A caller's allocator for the handles' _create_ex functions (plain struct).
 *
 * \c alloc returns memory aligned for any object, or NULL; \c release frees it.
 * Both receive \c user unchanged.
 * \since 0.1.0
 */
typedef struct thermoai_allocator {
    void *(*alloc)(size_t size, void *user); /**< allocate \p size bytes or return NULL */
    void (*release)(void *ptr, void *user);  /**< free a pointer from \c alloc (never NULL) */
    void *user;                              /**< passed to both */
} thermoai_allocator;

/**
 * \brief A function of one real variable (time, in the flux modules) to integrate: writes \f$f(t)\f$ to \p *value.
 *
 * Must return 0 on success; any other value stops the integration with
 * #THERMOAI_E_CALLBACK. Must not longjmp or throw through the library.
 * \since 0.1.0
 */
typedef int (*thermoai_time_fn)(double t_s, void *user_data, double *value);

/**
 * \brief A caller's clock: the time in seconds since any fixed origin.
 *
 * The library reads no clock itself; functions that report timings take one of
 * these (thermoai_ssa_set_clock()). Must be thread-safe if the plans that use it
 * run concurrently.
 * \since 0.1.0
 */
typedef double (*thermoai_clock_fn)(void *user_data);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_TYPES_H */
