/* SPDX-License-Identifier: MIT */
/* Extreme eigenvalues of a symmetric operator (lib/lanczos.c): Lanczos with full
 * reorthogonalisation, and the normalised Laplacian spectrum built on it. */
#ifndef THERMOAI_LANCZOS_H
#define THERMOAI_LANCZOS_H

#include <stddef.h>
#include <stdint.h>

#include "common/internal.h"

/* y = W x for a symmetric non-negative n x n matrix W; returns 0, or non-zero on failure. */
typedef int (*thermoai__matvec)(void *ctx, const double *x, double *y);

/* Settings resolved from thermoai_spectral_params. */
struct thermoai__lanczos_settings {
    size_t max_steps; /* Lanczos steps, <= n */
    double tolerance; /* residual bound |A z - theta z| for an accepted Ritz pair */
    uint64_t seed;    /* the starting vector */
};

/*
 * Eigenvalues of the symmetric tridiagonal matrix with diagonal d[0..n) and
 * off-diagonal e[0..n-1) (e[i] couples i and i + 1) by the implicit QL method
 * with Wilkinson shifts. On return d holds the eigenvalues ascending and, when
 * z is not NULL, z[i * n + j] the i-th component of the eigenvector of d[j]
 * (z must hold n * n doubles). e is destroyed (it needs n entries). Returns 0,
 * or -1 when an eigenvalue needs more than 60 iterations.
 */
THERMOAI_INTERNAL int thermoai__tridiag_eigen(size_t n, double *d, double *e, double *z);

/*
 * The count smallest eigenvalues (ascending, into lambda) and the largest of
 * L_sym = I - D^(-1/2) W D^(-1/2), D = diag(W 1), for the symmetric W applied
 * by matvec. Lanczos runs on A = D^(-1/2) W D^(-1/2) (eigenvalues 1 - lambda)
 * and stops when the count largest and the smallest Ritz values of A have
 * residuals below the tolerance, when the Krylov space is exhausted, or after
 * max_steps steps. Outputs: *lambda_max, *pi_min = min_i D_ii / sum D (the
 * stationary distribution of the walk D^-1 W), *steps, *residual (the largest
 * residual among the reported values).
 * work holds thermoai__laplacian_spectrum_doubles() doubles (the caller's
 * workspace: nothing is allocated here).
 * Returns THERMOAI_OK, THERMOAI_E_CALLBACK (matvec failed),
 * THERMOAI_E_RANGE (a degree is zero or not finite), THERMOAI_E_NO_CONVERGENCE,
 * or THERMOAI_E_INTERNAL (the tridiagonal solver failed).
 */
THERMOAI_INTERNAL int thermoai__laplacian_spectrum(size_t n, thermoai__matvec matvec, void *ctx,
                                                   const struct thermoai__lanczos_settings *set,
                                                   size_t count, double *work, double *lambda,
                                                   double *lambda_max, double *pi_min,
                                                   size_t *steps, double *residual);

/* The doubles of work thermoai__laplacian_spectrum() needs for n and set, into
 * *doubles; THERMOAI_E_NOMEM when the count overflows size_t. */
THERMOAI_INTERNAL int thermoai__laplacian_spectrum_doubles(size_t n,
                                                           const struct thermoai__lanczos_settings *set,
                                                           size_t *doubles);

#endif
