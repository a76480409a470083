/* SPDX-License-Identifier: MIT */
/* Shared by the spectrum computations of dense attention (lib/spectral.c) and of
 * the SSA graph (lib/ssa_spectrum.c). */
#ifndef THERMOAI_SPECTRAL_INTERNAL_H
#define THERMOAI_SPECTRAL_INTERNAL_H

#include <stddef.h>

#include "common/internal.h"
#include "common/lanczos.h"

struct thermoai__spectrum_setup {
    struct thermoai__lanczos_settings lanczos;
    uint32_t flags;
    int threads;
};

/* Validates and resolves the caller's params (NULL: defaults) for count of n eigenvalues. */
THERMOAI_INTERNAL int thermoai__spectrum_setup(const thermoai_spectral_params *user, size_t n,
                                               size_t count, struct thermoai__spectrum_setup *out);

/* NaN into lambda[0..count) (nothing when count doubles overflow size_t). */
THERMOAI_INTERNAL void thermoai__spectrum_nan(double *lambda, size_t count);

/* Writes info (when not NULL) and, on error, NaN into lambda[0..count); returns the status. */
THERMOAI_INTERNAL int thermoai__spectrum_finish(int status, size_t n, size_t count, double *lambda,
                                                size_t steps, double lambda_max, double pi_min,
                                                double residual, thermoai_spectral_info *info);

#endif
