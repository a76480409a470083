/* SPDX-License-Identifier: MIT */
/*
 * The inner loops of Blahut-Arimoto and the information bottleneck (rd.c,
 * ib.c): exponentials of a scaled matrix, the Blahut-Arimoto pass, and the
 * matrix products and row softmax of the bottleneck. Portable C, and AVX2+FMA
 * or AVX-512F selected at run time (GCC/clang target attributes on x86-64, no
 * IFUNC). Included only from lib/bounds.
 *
 * Matrices are row-major with a row stride ld that is a multiple of
 * INFO_LANES doubles (64 bytes), on 64-byte aligned bases; the padding columns
 * of every operand hold 0 (the kernels read them, and keep them 0).
 */
#ifndef THERMOAI_BOUNDS_INFO_KERNELS_H
#define THERMOAI_BOUNDS_INFO_KERNELS_H

#include <stddef.h>

#include "common/internal.h"

/* Row strides are multiples of this many doubles. */
#define INFO_LANES 8u

/* Below this argument e^x is flushed to 0 (e^x < 2^-1022 there): the same in every path. */
#define INFO_EXP_MIN (-708.39641853226408)

/* The stride of a row of n doubles. */
static inline size_t thermoai__info_ld(size_t n)
{
    return (n + INFO_LANES - 1) / INFO_LANES * INFO_LANES;
}

struct thermoai__info_kernels {
    /* a[i] = e^(s d[i]) for i < n (n a multiple of INFO_LANES), with s d[i] <= 0
     * (s <= 0, d >= 0); 0 where s d[i] < INFO_EXP_MIN. */
    void (*expscale)(double *a, const double *d, size_t n, double s);
    /* One Blahut-Arimoto pass over nx rows of a: c[x] = sum_j a[x,j] q[j];
     * t[j] = sum over x with p[x] > 0 of (p[x] / c[x]) a[x,j]. t is overwritten.
     * Rows with c[x] = 0 and p[x] > 0 make t non-finite (the caller checks). */
    void (*ba_pass)(const double *a, size_t nx, size_t ld, const double *q, const double *p,
                    double *c, double *t);
    /* out[r, z] = sum_j m[r, j] l[z, j] for r < rows, z < nz (rows of m and of l have
     * stride ld; out has stride ldo). */
    void (*gemm_nt)(const double *m, size_t rows, const double *l, size_t nz, size_t ld,
                    double *out, size_t ldo);
    /* out[z, j] = sum_r e[r, z] m[r, j] for z < nz (e has stride lde; m and out ld).
     * out is overwritten. */
    void (*gemm_tn)(const double *e, size_t rows, size_t nz, size_t lde, const double *m,
                    size_t ld, double *out);
    const char *name;
};

/* The fastest kernels this CPU runs, or portable C when allow_simd is 0. */
THERMOAI_INTERNAL void thermoai__info_kernels_select(struct thermoai__info_kernels *k,
                                                     int allow_simd);

#endif
