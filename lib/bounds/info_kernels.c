/* SPDX-License-Identifier: MIT */
/*
 * Inner loops of Blahut-Arimoto and the information bottleneck: portable C,
 * and AVX2+FMA / AVX-512F versions selected at run time.
 *
 * exp in the SIMD paths: x = n ln 2 + r with n = round(x log2 e) and r by two
 * fused multiply-adds (ln 2 split in a head and a tail, Cody and Waite), then
 * e^r by its Taylor polynomial of degree 13 on |r| <= ln2/2 (truncation below
 * 5e-18 relative) in Horner form, scaled by 2^n built in the exponent field.
 * Within 2 ulp of a correctly rounded e^x; x below INFO_EXP_MIN gives 0 in
 * every path.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "info_kernels.h"

/* ---- portable C ------------------------------------------------------------------- */

static void expscale_c(double *a, const double *d, size_t n, double s)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const double x = s * d[i];

        a[i] = x < INFO_EXP_MIN ? 0.0 : exp(x);
    }
}

static void ba_pass_c(const double *a, size_t nx, size_t ld, const double *q, const double *p,
                      double *c, double *t)
{
    size_t x, j;

    memset(t, 0, ld * sizeof *t);
    for (x = 0; x < nx; x++) {
        const double *ar = a + x * ld;
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, w;

        for (j = 0; j < ld; j += 4) {
            s0 += ar[j] * q[j];
            s1 += ar[j + 1] * q[j + 1];
            s2 += ar[j + 2] * q[j + 2];
            s3 += ar[j + 3] * q[j + 3];
        }
        c[x] = (s0 + s1) + (s2 + s3);
        if (p[x] > 0.0) {
            w = p[x] / c[x];
            for (j = 0; j < ld; j++)
                t[j] += w * ar[j];
        }
    }
}

static void gemm_nt_c(const double *m, size_t rows, const double *l, size_t nz, size_t ld,
                      double *out, size_t ldo)
{
    size_t r, z, j;

    for (r = 0; r < rows; r++) {
        const double *mr = m + r * ld;

        for (z = 0; z < nz; z++) {
            const double *lz = l + z * ld;
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;

            for (j = 0; j < ld; j += 4) {
                s0 += mr[j] * lz[j];
                s1 += mr[j + 1] * lz[j + 1];
                s2 += mr[j + 2] * lz[j + 2];
                s3 += mr[j + 3] * lz[j + 3];
            }
            out[r * ldo + z] = (s0 + s1) + (s2 + s3);
        }
    }
}

static void gemm_tn_c(const double *e, size_t rows, size_t nz, size_t lde, const double *m,
                      size_t ld, double *out)
{
    size_t r, z, j;

    memset(out, 0, nz * ld * sizeof *out);
    for (r = 0; r < rows; r++) {
        const double *mr = m + r * ld;

        for (z = 0; z < nz; z++) {
            const double w = e[r * lde + z];
            double *oz = out + z * ld;

            if (w == 0.0)
                continue;
            for (j = 0; j < ld; j++)
                oz[j] += w * mr[j];
        }
    }
}

/* ---- x86-64: AVX2+FMA and AVX-512F -------------------------------------------------- */

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#  define HAVE_X86_DISPATCH 1
#  include <immintrin.h>
#  define AVX2 __attribute__((target("avx2,fma")))
#  define AVX512 __attribute__((target("avx512f")))

#  define LOG2E 1.44269504088896340735992468100189214
#  define LN2_HI 0x1.62e42fefa39efp-1   /* the double nearest ln 2 */
#  define LN2_LO 0x1.abc9e3b39803fp-56  /* ln 2 - LN2_HI */
#  define MAGIC (0x1.8p52 + 1023.0)     /* n + MAGIC holds n + 1023 in its low bits */
#  define C2 (1.0 / 2.0)
#  define C3 (1.0 / 6.0)
#  define C4 (1.0 / 24.0)
#  define C5 (1.0 / 120.0)
#  define C6 (1.0 / 720.0)
#  define C7 (1.0 / 5040.0)
#  define C8 (1.0 / 40320.0)
#  define C9 (1.0 / 362880.0)
#  define C10 (1.0 / 3628800.0)
#  define C11 (1.0 / 39916800.0)
#  define C12 (1.0 / 479001600.0)
#  define C13 (1.0 / 6227020800.0)

/* e^x for x <= 0; 0 below INFO_EXP_MIN. */
AVX2 static inline __m256d exp_avx2(__m256d x)
{
    const __m256d lo = _mm256_set1_pd(INFO_EXP_MIN);
    const __m256d under = _mm256_cmp_pd(x, lo, _CMP_LT_OQ);
    __m256d n, r, p;
    __m256i e;

    x = _mm256_min_pd(_mm256_max_pd(x, lo), _mm256_setzero_pd());
    n = _mm256_round_pd(_mm256_mul_pd(x, _mm256_set1_pd(LOG2E)),
                        _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    r = _mm256_fnmadd_pd(n, _mm256_set1_pd(LN2_HI), x);
    r = _mm256_fnmadd_pd(n, _mm256_set1_pd(LN2_LO), r);
    p = _mm256_set1_pd(C13);
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C12));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C11));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C10));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C9));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C8));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C7));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C6));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C5));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C4));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C3));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(C2));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(1.0));
    e = _mm256_slli_epi64(_mm256_castpd_si256(_mm256_add_pd(n, _mm256_set1_pd(MAGIC))), 52);
    p = _mm256_mul_pd(p, _mm256_castsi256_pd(e));
    return _mm256_andnot_pd(under, p);
}

AVX2 static void expscale_avx2(double *a, const double *d, size_t n, double s)
{
    const __m256d vs = _mm256_set1_pd(s);
    size_t i;

    for (i = 0; i < n; i += 4)
        _mm256_store_pd(a + i, exp_avx2(_mm256_mul_pd(vs, _mm256_load_pd(d + i))));
}

AVX2 static double hsum_avx2(__m256d v)
{
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));

    return _mm_cvtsd_f64(_mm_add_sd(s, _mm_unpackhi_pd(s, s)));
}

AVX2 static void ba_pass_avx2(const double *a, size_t nx, size_t ld, const double *q,
                              const double *p, double *c, double *t)
{
    size_t x, j;

    memset(t, 0, ld * sizeof *t);
    for (x = 0; x < nx; x++) {
        const double *ar = a + x * ld;
        __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0, w;

        for (j = 0; j + 16 <= ld; j += 16) {
            s0 = _mm256_fmadd_pd(_mm256_load_pd(ar + j), _mm256_load_pd(q + j), s0);
            s1 = _mm256_fmadd_pd(_mm256_load_pd(ar + j + 4), _mm256_load_pd(q + j + 4), s1);
            s2 = _mm256_fmadd_pd(_mm256_load_pd(ar + j + 8), _mm256_load_pd(q + j + 8), s2);
            s3 = _mm256_fmadd_pd(_mm256_load_pd(ar + j + 12), _mm256_load_pd(q + j + 12), s3);
        }
        for (; j < ld; j += 4)
            s0 = _mm256_fmadd_pd(_mm256_load_pd(ar + j), _mm256_load_pd(q + j), s0);
        c[x] = hsum_avx2(_mm256_add_pd(_mm256_add_pd(s0, s1), _mm256_add_pd(s2, s3)));
        if (p[x] > 0.0) {
            w = _mm256_set1_pd(p[x] / c[x]);
            for (j = 0; j < ld; j += 4)
                _mm256_store_pd(t + j, _mm256_fmadd_pd(w, _mm256_load_pd(ar + j),
                                                       _mm256_load_pd(t + j)));
        }
    }
}

AVX2 static void gemm_nt_avx2(const double *m, size_t rows, const double *l, size_t nz,
                              size_t ld, double *out, size_t ldo)
{
    size_t r, z, j;

    for (r = 0; r < rows; r++) {
        const double *mr = m + r * ld;

        for (z = 0; z + 4 <= nz; z += 4) {
            const double *l0 = l + z * ld, *l1 = l0 + ld, *l2 = l1 + ld, *l3 = l2 + ld;
            __m256d s0 = _mm256_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;

            for (j = 0; j < ld; j += 4) {
                const __m256d v = _mm256_load_pd(mr + j);

                s0 = _mm256_fmadd_pd(v, _mm256_load_pd(l0 + j), s0);
                s1 = _mm256_fmadd_pd(v, _mm256_load_pd(l1 + j), s1);
                s2 = _mm256_fmadd_pd(v, _mm256_load_pd(l2 + j), s2);
                s3 = _mm256_fmadd_pd(v, _mm256_load_pd(l3 + j), s3);
            }
            out[r * ldo + z] = hsum_avx2(s0);
            out[r * ldo + z + 1] = hsum_avx2(s1);
            out[r * ldo + z + 2] = hsum_avx2(s2);
            out[r * ldo + z + 3] = hsum_avx2(s3);
        }
        for (; z < nz; z++) {
            const double *lz = l + z * ld;
            __m256d s0 = _mm256_setzero_pd();

            for (j = 0; j < ld; j += 4)
                s0 = _mm256_fmadd_pd(_mm256_load_pd(mr + j), _mm256_load_pd(lz + j), s0);
            out[r * ldo + z] = hsum_avx2(s0);
        }
    }
}

AVX2 static void gemm_tn_avx2(const double *e, size_t rows, size_t nz, size_t lde,
                              const double *m, size_t ld, double *out)
{
    size_t r, z, j;

    memset(out, 0, nz * ld * sizeof *out);
    for (r = 0; r < rows; r++) {
        const double *mr = m + r * ld;

        for (z = 0; z < nz; z++) {
            const double wz = e[r * lde + z];
            double *oz = out + z * ld;
            __m256d w;

            if (wz == 0.0)
                continue;
            w = _mm256_set1_pd(wz);
            for (j = 0; j < ld; j += 4)
                _mm256_store_pd(oz + j, _mm256_fmadd_pd(w, _mm256_load_pd(mr + j),
                                                        _mm256_load_pd(oz + j)));
        }
    }
}

/* e^x for x <= 0; 0 below INFO_EXP_MIN. */
AVX512 static inline __m512d exp_avx512(__m512d x)
{
    const __m512d lo = _mm512_set1_pd(INFO_EXP_MIN);
    const __mmask8 under = _mm512_cmp_pd_mask(x, lo, _CMP_LT_OQ);
    __m512d n, r, p;
    __m512i e;

    x = _mm512_min_pd(_mm512_max_pd(x, lo), _mm512_setzero_pd());
    n = _mm512_roundscale_pd(_mm512_mul_pd(x, _mm512_set1_pd(LOG2E)),
                             _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    r = _mm512_fnmadd_pd(n, _mm512_set1_pd(LN2_HI), x);
    r = _mm512_fnmadd_pd(n, _mm512_set1_pd(LN2_LO), r);
    p = _mm512_set1_pd(C13);
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C12));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C11));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C10));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C9));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C8));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C7));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C6));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C5));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C4));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C3));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(C2));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0));
    p = _mm512_fmadd_pd(p, r, _mm512_set1_pd(1.0));
    e = _mm512_slli_epi64(_mm512_castpd_si512(_mm512_add_pd(n, _mm512_set1_pd(MAGIC))), 52);
    p = _mm512_mul_pd(p, _mm512_castsi512_pd(e));
    return _mm512_maskz_mov_pd((__mmask8)~under, p);
}

AVX512 static void expscale_avx512(double *a, const double *d, size_t n, double s)
{
    const __m512d vs = _mm512_set1_pd(s);
    size_t i;

    for (i = 0; i < n; i += 8)
        _mm512_store_pd(a + i, exp_avx512(_mm512_mul_pd(vs, _mm512_load_pd(d + i))));
}

AVX512 static void ba_pass_avx512(const double *a, size_t nx, size_t ld, const double *q,
                                  const double *p, double *c, double *t)
{
    size_t x, j;

    memset(t, 0, ld * sizeof *t);
    for (x = 0; x < nx; x++) {
        const double *ar = a + x * ld;
        __m512d s0 = _mm512_setzero_pd(), s1 = s0, s2 = s0, s3 = s0, w;

        for (j = 0; j + 32 <= ld; j += 32) {
            s0 = _mm512_fmadd_pd(_mm512_load_pd(ar + j), _mm512_load_pd(q + j), s0);
            s1 = _mm512_fmadd_pd(_mm512_load_pd(ar + j + 8), _mm512_load_pd(q + j + 8), s1);
            s2 = _mm512_fmadd_pd(_mm512_load_pd(ar + j + 16), _mm512_load_pd(q + j + 16), s2);
            s3 = _mm512_fmadd_pd(_mm512_load_pd(ar + j + 24), _mm512_load_pd(q + j + 24), s3);
        }
        for (; j < ld; j += 8)
            s0 = _mm512_fmadd_pd(_mm512_load_pd(ar + j), _mm512_load_pd(q + j), s0);
        c[x] = _mm512_reduce_add_pd(_mm512_add_pd(_mm512_add_pd(s0, s1), _mm512_add_pd(s2, s3)));
        if (p[x] > 0.0) {
            w = _mm512_set1_pd(p[x] / c[x]);
            for (j = 0; j < ld; j += 8)
                _mm512_store_pd(t + j, _mm512_fmadd_pd(w, _mm512_load_pd(ar + j),
                                                       _mm512_load_pd(t + j)));
        }
    }
}

AVX512 static void gemm_nt_avx512(const double *m, size_t rows, const double *l, size_t nz,
                                  size_t ld, double *out, size_t ldo)
{
    size_t r, z, j;

    for (r = 0; r < rows; r++) {
        const double *mr = m + r * ld;

        for (z = 0; z + 4 <= nz; z += 4) {
            const double *l0 = l + z * ld, *l1 = l0 + ld, *l2 = l1 + ld, *l3 = l2 + ld;
            __m512d s0 = _mm512_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;

            for (j = 0; j < ld; j += 8) {
                const __m512d v = _mm512_load_pd(mr + j);

                s0 = _mm512_fmadd_pd(v, _mm512_load_pd(l0 + j), s0);
                s1 = _mm512_fmadd_pd(v, _mm512_load_pd(l1 + j), s1);
                s2 = _mm512_fmadd_pd(v, _mm512_load_pd(l2 + j), s2);
                s3 = _mm512_fmadd_pd(v, _mm512_load_pd(l3 + j), s3);
            }
            out[r * ldo + z] = _mm512_reduce_add_pd(s0);
            out[r * ldo + z + 1] = _mm512_reduce_add_pd(s1);
            out[r * ldo + z + 2] = _mm512_reduce_add_pd(s2);
            out[r * ldo + z + 3] = _mm512_reduce_add_pd(s3);
        }
        for (; z < nz; z++) {
            const double *lz = l + z * ld;
            __m512d s0 = _mm512_setzero_pd();

            for (j = 0; j < ld; j += 8)
                s0 = _mm512_fmadd_pd(_mm512_load_pd(mr + j), _mm512_load_pd(lz + j), s0);
            out[r * ldo + z] = _mm512_reduce_add_pd(s0);
        }
    }
}

AVX512 static void gemm_tn_avx512(const double *e, size_t rows, size_t nz, size_t lde,
                                  const double *m, size_t ld, double *out)
{
    size_t r, z, j;

    memset(out, 0, nz * ld * sizeof *out);
    for (r = 0; r < rows; r++) {
        const double *mr = m + r * ld;

        for (z = 0; z < nz; z++) {
            const double wz = e[r * lde + z];
            double *oz = out + z * ld;
            __m512d w;

            if (wz == 0.0)
                continue;
            w = _mm512_set1_pd(wz);
            for (j = 0; j < ld; j += 8)
                _mm512_store_pd(oz + j, _mm512_fmadd_pd(w, _mm512_load_pd(mr + j),
                                                        _mm512_load_pd(oz + j)));
        }
    }
}
#endif /* x86-64 */

void thermoai__info_kernels_select(struct thermoai__info_kernels *k, int allow_simd)
{
    k->expscale = expscale_c;
    k->ba_pass = ba_pass_c;
    k->gemm_nt = gemm_nt_c;
    k->gemm_tn = gemm_tn_c;
    k->name = "portable C";
#ifdef HAVE_X86_DISPATCH
    if (allow_simd && __builtin_cpu_supports("avx512f")) {
        k->expscale = expscale_avx512;
        k->ba_pass = ba_pass_avx512;
        k->gemm_nt = gemm_nt_avx512;
        k->gemm_tn = gemm_tn_avx512;
        k->name = "AVX-512F";
    } else if (allow_simd && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        k->expscale = expscale_avx2;
        k->ba_pass = ba_pass_avx2;
        k->gemm_nt = gemm_nt_avx2;
        k->gemm_tn = gemm_tn_avx2;
        k->name = "AVX2+FMA";
    }
#else
    (void)allow_simd;
#endif
}
