/* SPDX-License-Identifier: MIT */
/*
 * The FMA peak of this machine (make bench): GFLOP/s of independent fused
 * multiply-add chains in AVX-512 (16 chains of 16 floats) and AVX2 (12 chains of 8),
 * on 1 thread and, with OpenMP, on every thread at once (OMP_NUM_THREADS). A
 * multiply-add counts 2 floating-point operations. The clock is whatever the CPU
 * runs under this load (no frequency is assumed); the best of 5 runs of about 0.2 s.
 *
 * usage: fma_peak THREADS     Output: CSV rows "peak,avx512|avx2,threads,gflops".
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#ifdef THERMOAI_WITH_OPENMP
#  include <omp.h>
#endif

static double now_s(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#  include <immintrin.h>
/* 16 independent FMA chains of 512-bit vectors (FMA latency 4, 2 pipes: 8 suffice) */
__attribute__((target("avx512f"))) static float run512(long iters)
{
    const __m512 b = _mm512_set1_ps(0.999999f), c = _mm512_set1_ps(1e-7f);
    __m512 a0 = _mm512_set1_ps((float)0);
    __m512 a1 = _mm512_set1_ps((float)1);
    __m512 a2 = _mm512_set1_ps((float)2);
    __m512 a3 = _mm512_set1_ps((float)3);
    __m512 a4 = _mm512_set1_ps((float)4);
    __m512 a5 = _mm512_set1_ps((float)5);
    __m512 a6 = _mm512_set1_ps((float)6);
    __m512 a7 = _mm512_set1_ps((float)7);
    __m512 a8 = _mm512_set1_ps((float)8);
    __m512 a9 = _mm512_set1_ps((float)9);
    __m512 a10 = _mm512_set1_ps((float)10);
    __m512 a11 = _mm512_set1_ps((float)11);
    __m512 a12 = _mm512_set1_ps((float)12);
    __m512 a13 = _mm512_set1_ps((float)13);
    __m512 a14 = _mm512_set1_ps((float)14);
    __m512 a15 = _mm512_set1_ps((float)15);
    float out[16];
    long it;

    for (it = 0; it < iters; it++) {
        a0 = _mm512_fmadd_ps(a0, b, c);
        a1 = _mm512_fmadd_ps(a1, b, c);
        a2 = _mm512_fmadd_ps(a2, b, c);
        a3 = _mm512_fmadd_ps(a3, b, c);
        a4 = _mm512_fmadd_ps(a4, b, c);
        a5 = _mm512_fmadd_ps(a5, b, c);
        a6 = _mm512_fmadd_ps(a6, b, c);
        a7 = _mm512_fmadd_ps(a7, b, c);
        a8 = _mm512_fmadd_ps(a8, b, c);
        a9 = _mm512_fmadd_ps(a9, b, c);
        a10 = _mm512_fmadd_ps(a10, b, c);
        a11 = _mm512_fmadd_ps(a11, b, c);
        a12 = _mm512_fmadd_ps(a12, b, c);
        a13 = _mm512_fmadd_ps(a13, b, c);
        a14 = _mm512_fmadd_ps(a14, b, c);
        a15 = _mm512_fmadd_ps(a15, b, c);
    }
    a0 = _mm512_add_ps(a0, a1);
    a0 = _mm512_add_ps(a0, a2);
    a0 = _mm512_add_ps(a0, a3);
    a0 = _mm512_add_ps(a0, a4);
    a0 = _mm512_add_ps(a0, a5);
    a0 = _mm512_add_ps(a0, a6);
    a0 = _mm512_add_ps(a0, a7);
    a0 = _mm512_add_ps(a0, a8);
    a0 = _mm512_add_ps(a0, a9);
    a0 = _mm512_add_ps(a0, a10);
    a0 = _mm512_add_ps(a0, a11);
    a0 = _mm512_add_ps(a0, a12);
    a0 = _mm512_add_ps(a0, a13);
    a0 = _mm512_add_ps(a0, a14);
    a0 = _mm512_add_ps(a0, a15);
    _mm512_storeu_ps(out, a0);
    return out[0];
}

/* 12 independent FMA chains of 256-bit vectors (FMA latency 4, 2 pipes: 8 suffice) */
__attribute__((target("avx2,fma"))) static float run256(long iters)
{
    const __m256 b = _mm256_set1_ps(0.999999f), c = _mm256_set1_ps(1e-7f);
    __m256 a0 = _mm256_set1_ps((float)0);
    __m256 a1 = _mm256_set1_ps((float)1);
    __m256 a2 = _mm256_set1_ps((float)2);
    __m256 a3 = _mm256_set1_ps((float)3);
    __m256 a4 = _mm256_set1_ps((float)4);
    __m256 a5 = _mm256_set1_ps((float)5);
    __m256 a6 = _mm256_set1_ps((float)6);
    __m256 a7 = _mm256_set1_ps((float)7);
    __m256 a8 = _mm256_set1_ps((float)8);
    __m256 a9 = _mm256_set1_ps((float)9);
    __m256 a10 = _mm256_set1_ps((float)10);
    __m256 a11 = _mm256_set1_ps((float)11);
    float out[16];
    long it;

    for (it = 0; it < iters; it++) {
        a0 = _mm256_fmadd_ps(a0, b, c);
        a1 = _mm256_fmadd_ps(a1, b, c);
        a2 = _mm256_fmadd_ps(a2, b, c);
        a3 = _mm256_fmadd_ps(a3, b, c);
        a4 = _mm256_fmadd_ps(a4, b, c);
        a5 = _mm256_fmadd_ps(a5, b, c);
        a6 = _mm256_fmadd_ps(a6, b, c);
        a7 = _mm256_fmadd_ps(a7, b, c);
        a8 = _mm256_fmadd_ps(a8, b, c);
        a9 = _mm256_fmadd_ps(a9, b, c);
        a10 = _mm256_fmadd_ps(a10, b, c);
        a11 = _mm256_fmadd_ps(a11, b, c);
    }
    a0 = _mm256_add_ps(a0, a1);
    a0 = _mm256_add_ps(a0, a2);
    a0 = _mm256_add_ps(a0, a3);
    a0 = _mm256_add_ps(a0, a4);
    a0 = _mm256_add_ps(a0, a5);
    a0 = _mm256_add_ps(a0, a6);
    a0 = _mm256_add_ps(a0, a7);
    a0 = _mm256_add_ps(a0, a8);
    a0 = _mm256_add_ps(a0, a9);
    a0 = _mm256_add_ps(a0, a10);
    a0 = _mm256_add_ps(a0, a11);
    _mm256_storeu_ps(out, a0);
    return out[0];
}

/* GFLOP/s of `threads` threads running kind's chains together (best of 5) */
static double measure(int kind, int threads)
{
    const long iters = kind == 512 ? 2000000L : 4000000L;
    const double flop = (double)iters * (kind == 512 ? 16.0 * 16.0 : 12.0 * 8.0) * 2.0;
    double best = 0.0, sink = 0.0;
    int rep;

    for (rep = 0; rep < 5; rep++) {
        const double t0 = now_s();
        double t;
        int i;

#  ifdef THERMOAI_WITH_OPENMP
#    pragma omp parallel for num_threads(threads) reduction(+ : sink)
#  endif
        for (i = 0; i < threads; i++)
            sink += (double)(kind == 512 ? run512(iters) : run256(iters));
        t = now_s() - t0;
        if (flop * threads / t / 1e9 > best)
            best = flop * threads / t / 1e9;
    }
    if (sink == 12345.0)
        printf("#\n"); /* keep the sums alive */
    return best;
}
#endif

int main(int argc, char **argv)
{
    const int threads = argc > 1 ? atoi(argv[1]) : 1;

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        printf("peak,avx512,%d,%.1f\n", threads, measure(512, threads));
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        printf("peak,avx2,%d,%.1f\n", threads, measure(256, threads));
#else
    (void)threads;
#endif
    return 0;
}
