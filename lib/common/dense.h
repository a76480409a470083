/* SPDX-License-Identifier: MIT */
/*
 * Small dense linear algebra for the bound functions (lib/common/dense.c):
 * the cyclic Jacobi eigensolver for symmetric matrices, products, and checks
 * of caller double arrays. Row-major n x n matrices throughout; meant for
 * n up to about a thousand (Jacobi is O(n^3) per sweep).
 */
#ifndef THERMOAI_DENSE_H
#define THERMOAI_DENSE_H

#include <stddef.h>

#include "common/internal.h"

/* Largest n the dense bound functions accept (n x n doubles: 8 MiB at n = 1024). */
#define THERMOAI__DENSE_N_MAX 1024u

/*
 * Eigenvalues (ascending, into w[0..n)) and, when v is not NULL, eigenvectors
 * of the symmetric n x n matrix a by the cyclic Jacobi method with Rutishauser's
 * rotations (Golub and Van Loan, Matrix Computations, 4th ed., Sec. 8.5):
 * v[i * n + j] is the i-th component of the unit eigenvector of w[j]. Only the
 * values of a are read as a symmetric matrix (a[i][j] for i < j and a[j][i] must
 * agree; the caller checks). a is destroyed. Eigenvalues have absolute error of
 * order n eps ||a||_F. Returns 0, or -1 when 100 sweeps do not converge.
 */
THERMOAI_INTERNAL int thermoai__symeig(size_t n, double *a, double *w, double *v);

/* 1 when every x[i] is finite. */
THERMOAI_INTERNAL int thermoai__all_finite_d(const double *x, size_t count);

/* x[0..count) = NaN (x may be NULL). */
THERMOAI_INTERNAL void thermoai__fill_nan_d(double *x, size_t count);

/*
 * 1 when the n x n matrix a is symmetric to within rel * max|a_ij| in every
 * pair (exact symmetry for rel = 0).
 */
THERMOAI_INTERNAL int thermoai__is_symmetric(size_t n, const double *a, double rel);

/* The first doubles-sized piece of a caller workspace: the workspace rounded up
 * to double alignment, or NULL when bytes cannot hold count doubles after it. */
THERMOAI_INTERNAL double *thermoai__workspace_doubles(void *workspace, size_t bytes, size_t count);

/* bytes = count doubles plus alignment slack; 0 when it overflows. */
THERMOAI_INTERNAL size_t thermoai__doubles_bytes(size_t count);

#endif /* THERMOAI_DENSE_H */
