/* SPDX-License-Identifier: MIT */
/*
 * The attention tile kernel shared by dense attention and SSA: the online
 * softmax update of up to ATTN_TILE_ROWS query rows against a block of packed
 * keys (FlashAttention's recurrence, on the CPU).
 *
 * Three implementations with the same arithmetic contract: portable C, and
 * AVX2+FMA and AVX-512F selected at run time (GCC/clang target attributes on
 * x86-64, no IFUNC); the two SIMD kernels give bit-identical results. Both work in float32: scores by fused multiply-add over d, the
 * running maximum subtracted before exponentiation, the sums and outputs
 * accumulated in float. exp2 in the AVX2 path is a degree-7 polynomial on
 * [-1/2, 1/2] with exact scaling by 2^n (relative error below 2e-7); scores
 * below 2^-126 after the shift contribute exactly 0.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "attn_kernels.h"

/* ---- portable C ------------------------------------------------------------ */

static void scores_c(int rows, const float *const *q, const float *kp, size_t kw, size_t j0,
                     size_t nj, size_t d, float scale, float *s)
{
    int r;
    size_t j, t;

    for (r = 0; r < rows; r++) {
        float *sr = s + (size_t)r * ATTN_KCHUNK;

        for (j = 0; j < nj; j++)
            sr[j] = 0.0f;
        for (t = 0; t < d; t++) {
            const float qt = q[r][t];
            const float *kt = kp + t * kw + j0;

            for (j = 0; j < nj; j++)
                sr[j] += qt * kt[j];
        }
        for (j = 0; j < nj; j++)
            sr[j] *= scale;
    }
}

/* s[j] <- 2^(s[j] - m) for j < n; returns the sum. */
static float exp2_shift_c(float *s, size_t n, float m)
{
    float sum = 0.0f;
    size_t j;

    for (j = 0; j < n; j++) {
        float x = s[j] - m;

        s[j] = x < -126.0f ? 0.0f : exp2f(x);
        sum += s[j];
    }
    return sum;
}

static void accumulate_c(int rows, float *const *y, const float *p, const float *v,
                         size_t vstride, size_t nj, size_t d)
{
    int r;
    size_t j, c;

    for (r = 0; r < rows; r++) {
        const float *pr = p + (size_t)r * ATTN_KCHUNK;

        for (j = 0; j < nj; j++) {
            const float pj = pr[j];
            const float *vj = v + j * vstride;

            if (pj == 0.0f)
                continue;
            for (c = 0; c < d; c++)
                y[r][c] += pj * vj[c];
        }
    }
}

static void gather_scores_c(const float *q, const float *k, const uint32_t *idx, size_t nj,
                            size_t d, float scale, float *s)
{
    size_t j, t;

    for (j = 0; j < nj; j++) {
        const float *kj = k + (size_t)idx[j] * d;
        float acc = 0.0f;

        for (t = 0; t < d; t++)
            acc += q[t] * kj[t];
        s[j] = acc * scale;
    }
}

static void gather_accumulate_c(float *y, const float *p, const float *v, const uint32_t *idx,
                                size_t nj, size_t d)
{
    size_t j, c;

    for (j = 0; j < nj; j++) {
        const float *vj = v + (size_t)idx[j] * d;

        if (p[j] == 0.0f)
            continue;
        for (c = 0; c < d; c++)
            y[c] += p[j] * vj[c];
    }
}

static size_t argmin_dist_c(const float *s, const float *norms, size_t n, float *best)
{
    size_t j, arg = 0;
    float m = INFINITY;

    for (j = 0; j < n; j++) {
        const float dist = norms[j] - 2.0f * s[j];

        if (dist < m) {
            m = dist;
            arg = j;
        }
    }
    *best = m;
    return arg;
}

static float mass_above_c(const float *s, size_t n, float tau, size_t *count)
{
    float a[8] = { 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f }, sum;
    size_t j, c = 0;
    int l;

    for (j = 0; j + 8 <= n; j += 8)
        for (l = 0; l < 8; l++)
            if (s[j + (size_t)l] >= tau) {
                a[l] += s[j + (size_t)l];
                c++;
            }
    /* the AVX2 kernel's horizontal sum */
    sum = ((a[0] + a[4]) + (a[2] + a[6])) + ((a[1] + a[5]) + (a[3] + a[7]));
    for (; j < n; j++)
        if (s[j] >= tau) {
            sum += s[j];
            c++;
        }
    *count = c;
    return sum;
}

static void scale_c(float *y, size_t d, float f)
{
    size_t c;

    for (c = 0; c < d; c++)
        y[c] *= f;
}

static float max_c(const float *s, size_t n)
{
    float m = -INFINITY;
    size_t j;

    for (j = 0; j < n; j++)
        if (s[j] > m)
            m = s[j];
    return m;
}

/* ---- AVX2 + FMA ------------------------------------------------------------- */

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#  define HAVE_X86_DISPATCH 1
#  include <immintrin.h>
#  define AVX2 __attribute__((target("avx2,fma")))

AVX2 static void scores_avx2(int rows, const float *const *q, const float *kp, size_t kw,
                             size_t j0, size_t nj, size_t d, float scale, float *s)
{
    const float *q0 = q[0], *q1 = q[rows > 1 ? 1 : 0], *q2 = q[rows > 2 ? 2 : 0],
                *q3 = q[rows > 3 ? 3 : 0];
    const __m256 vs = _mm256_set1_ps(scale);
    size_t j, t;

    if (rows == 1) { /* one row (sampled keys): 32 keys per step, 4 accumulators */
        for (j = 0; j < nj; j += 32) {
            __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
            __m256 a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
            const float *kt = kp + j0 + j;
            const int wide = j + 32 <= ATTN_KCHUNK && j0 + j + 32 <= kw;

            for (t = 0; t < d; t++, kt += kw) {
                const __m256 b = _mm256_broadcast_ss(q0 + t);

                a0 = _mm256_fmadd_ps(b, _mm256_load_ps(kt), a0);
                a1 = _mm256_fmadd_ps(b, _mm256_load_ps(kt + 8), a1);
                if (wide) {
                    a2 = _mm256_fmadd_ps(b, _mm256_load_ps(kt + 16), a2);
                    a3 = _mm256_fmadd_ps(b, _mm256_load_ps(kt + 24), a3);
                }
            }
            _mm256_store_ps(s + j, _mm256_mul_ps(a0, vs));
            _mm256_store_ps(s + j + 8, _mm256_mul_ps(a1, vs));
            if (wide) {
                _mm256_store_ps(s + j + 16, _mm256_mul_ps(a2, vs));
                _mm256_store_ps(s + j + 24, _mm256_mul_ps(a3, vs));
            }
        }
        return;
    }
    /* 4 rows x 16 keys per step: 8 accumulators, 2 key loads, 4 broadcasts per t */
    for (j = 0; j < nj; j += 16) {
        __m256 a00 = _mm256_setzero_ps(), a01 = _mm256_setzero_ps();
        __m256 a10 = _mm256_setzero_ps(), a11 = _mm256_setzero_ps();
        __m256 a20 = _mm256_setzero_ps(), a21 = _mm256_setzero_ps();
        __m256 a30 = _mm256_setzero_ps(), a31 = _mm256_setzero_ps();
        const float *kt = kp + j0 + j;

        for (t = 0; t < d; t++, kt += kw) {
            const __m256 k0 = _mm256_load_ps(kt), k1 = _mm256_load_ps(kt + 8);
            __m256 b;

            b = _mm256_broadcast_ss(q0 + t);
            a00 = _mm256_fmadd_ps(b, k0, a00);
            a01 = _mm256_fmadd_ps(b, k1, a01);
            b = _mm256_broadcast_ss(q1 + t);
            a10 = _mm256_fmadd_ps(b, k0, a10);
            a11 = _mm256_fmadd_ps(b, k1, a11);
            b = _mm256_broadcast_ss(q2 + t);
            a20 = _mm256_fmadd_ps(b, k0, a20);
            a21 = _mm256_fmadd_ps(b, k1, a21);
            b = _mm256_broadcast_ss(q3 + t);
            a30 = _mm256_fmadd_ps(b, k0, a30);
            a31 = _mm256_fmadd_ps(b, k1, a31);
        }
        /* the scratch rows are ATTN_KCHUNK wide and 64-byte aligned: whole vectors fit */
        _mm256_store_ps(s + j, _mm256_mul_ps(a00, vs));
        _mm256_store_ps(s + j + 8, _mm256_mul_ps(a01, vs));
        _mm256_store_ps(s + ATTN_KCHUNK + j, _mm256_mul_ps(a10, vs));
        _mm256_store_ps(s + ATTN_KCHUNK + j + 8, _mm256_mul_ps(a11, vs));
        _mm256_store_ps(s + 2 * ATTN_KCHUNK + j, _mm256_mul_ps(a20, vs));
        _mm256_store_ps(s + 2 * ATTN_KCHUNK + j + 8, _mm256_mul_ps(a21, vs));
        _mm256_store_ps(s + 3 * ATTN_KCHUNK + j, _mm256_mul_ps(a30, vs));
        _mm256_store_ps(s + 3 * ATTN_KCHUNK + j + 8, _mm256_mul_ps(a31, vs));
    }
}

/* 2^x for x <= 0 (or slightly above); exactly 0 below -126; NaN stays NaN (as
 * exp2f: an infinite score makes the row's maximum infinite, inf - inf is NaN, and
 * the NaN must reach the output so that the caller sees THERMOAI_E_RANGE). */
AVX2 static inline __m256 exp2_avx2(__m256 x)
{
    const __m256 lo = _mm256_set1_ps(-126.0f);
    const __m256 underflow = _mm256_cmp_ps(x, lo, _CMP_LT_OQ);
    __m256 n, f, p;
    __m256i e;

    /* max/min return their second operand when one is NaN: x goes second */
    x = _mm256_max_ps(lo, x);
    x = _mm256_min_ps(_mm256_set1_ps(127.0f), x);
    n = _mm256_round_ps(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    f = _mm256_sub_ps(x, n); /* exact, in [-1/2, 1/2] */
    /* 2^f = e^(f ln 2): Taylor to degree 7, |error| < 2e-9 relative on [-1/2, 1/2] */
    p = _mm256_set1_ps(1.5252733804059840e-5f);
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.5403530393381608e-4f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.3333558146428443e-3f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(9.6181291076284772e-3f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(5.5504108664821580e-2f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(2.4022650695910071e-1f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(6.9314718055994531e-1f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(1.0f));
    e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    p = _mm256_mul_ps(p, _mm256_castsi256_ps(e));
    return _mm256_andnot_ps(underflow, p);
}

AVX2 static float hsum_avx2(__m256 v)
{
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));

    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

AVX2 static float exp2_shift_avx2(float *s, size_t n, float m)
{
    const __m256 vm = _mm256_set1_ps(m);
    __m256 acc = _mm256_setzero_ps();
    float sum;
    size_t j;

    for (j = 0; j + 8 <= n; j += 8) {
        __m256 p = exp2_avx2(_mm256_sub_ps(_mm256_load_ps(s + j), vm));

        _mm256_store_ps(s + j, p);
        acc = _mm256_add_ps(acc, p);
    }
    sum = hsum_avx2(acc);
    for (; j < n; j++) {
        float x = s[j] - m;

        s[j] = x < -126.0f ? 0.0f : exp2f(x);
        sum += s[j];
    }
    return sum;
}

AVX2 static float max_avx2(const float *s, size_t n)
{
    __m256 acc = _mm256_set1_ps(-INFINITY);
    __m128 h;
    float m;
    size_t j;

    for (j = 0; j + 8 <= n; j += 8)
        acc = _mm256_max_ps(acc, _mm256_load_ps(s + j));
    h = _mm_max_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1));
    h = _mm_max_ps(h, _mm_movehl_ps(h, h));
    h = _mm_max_ss(h, _mm_shuffle_ps(h, h, 1));
    m = _mm_cvtss_f32(h);
    for (; j < n; j++)
        if (s[j] > m)
            m = s[j];
    return m;
}

AVX2 static void accumulate_avx2(int rows, float *const *y, const float *p, const float *v,
                                 size_t vstride, size_t nj, size_t d)
{
    float *y0 = y[0], *y1 = y[rows > 1 ? 1 : 0], *y2 = y[rows > 2 ? 2 : 0],
          *y3 = y[rows > 3 ? 3 : 0];
    const float *p0 = p, *p1 = p + (rows > 1 ? ATTN_KCHUNK : 0),
                *p2 = p + (rows > 2 ? 2 * ATTN_KCHUNK : 0), *p3 = p + (rows > 3 ? 3 * ATTN_KCHUNK : 0);
    size_t c, j;

    if (rows == 1) { /* one row: 32 columns per step */
        for (c = 0; c + 32 <= d; c += 32) {
            __m256 a0 = _mm256_loadu_ps(y0 + c), a1 = _mm256_loadu_ps(y0 + c + 8);
            __m256 a2 = _mm256_loadu_ps(y0 + c + 16), a3 = _mm256_loadu_ps(y0 + c + 24);
            const float *vj = v + c;

            for (j = 0; j < nj; j++, vj += vstride) {
                const __m256 b = _mm256_broadcast_ss(p0 + j);

                a0 = _mm256_fmadd_ps(b, _mm256_loadu_ps(vj), a0);
                a1 = _mm256_fmadd_ps(b, _mm256_loadu_ps(vj + 8), a1);
                a2 = _mm256_fmadd_ps(b, _mm256_loadu_ps(vj + 16), a2);
                a3 = _mm256_fmadd_ps(b, _mm256_loadu_ps(vj + 24), a3);
            }
            _mm256_storeu_ps(y0 + c, a0);
            _mm256_storeu_ps(y0 + c + 8, a1);
            _mm256_storeu_ps(y0 + c + 16, a2);
            _mm256_storeu_ps(y0 + c + 24, a3);
        }
        for (; c < d; c++) {
            float acc = y0[c];

            for (j = 0; j < nj; j++)
                acc += p0[j] * v[j * vstride + c];
            y0[c] = acc;
        }
        return;
    }
    if (rows > 1 && rows < 4) { /* rows beyond the tile alias row 0: one real row at a time */
        int r;

        for (r = 0; r < rows; r++) {
            float *const yr[1] = { y[r] };

            accumulate_avx2(1, yr, p + (size_t)r * ATTN_KCHUNK, v, vstride, nj, d);
        }
        return;
    }
    for (c = 0; c + 16 <= d; c += 16) {
        __m256 a00 = _mm256_loadu_ps(y0 + c), a01 = _mm256_loadu_ps(y0 + c + 8);
        __m256 a10 = _mm256_loadu_ps(y1 + c), a11 = _mm256_loadu_ps(y1 + c + 8);
        __m256 a20 = _mm256_loadu_ps(y2 + c), a21 = _mm256_loadu_ps(y2 + c + 8);
        __m256 a30 = _mm256_loadu_ps(y3 + c), a31 = _mm256_loadu_ps(y3 + c + 8);
        const float *vj = v + c;

        for (j = 0; j < nj; j++, vj += vstride) {
            const __m256 v0 = _mm256_loadu_ps(vj), v1 = _mm256_loadu_ps(vj + 8);
            __m256 b;

            b = _mm256_broadcast_ss(p0 + j);
            a00 = _mm256_fmadd_ps(b, v0, a00);
            a01 = _mm256_fmadd_ps(b, v1, a01);
            b = _mm256_broadcast_ss(p1 + j);
            a10 = _mm256_fmadd_ps(b, v0, a10);
            a11 = _mm256_fmadd_ps(b, v1, a11);
            b = _mm256_broadcast_ss(p2 + j);
            a20 = _mm256_fmadd_ps(b, v0, a20);
            a21 = _mm256_fmadd_ps(b, v1, a21);
            b = _mm256_broadcast_ss(p3 + j);
            a30 = _mm256_fmadd_ps(b, v0, a30);
            a31 = _mm256_fmadd_ps(b, v1, a31);
        }
        _mm256_storeu_ps(y0 + c, a00);
        _mm256_storeu_ps(y0 + c + 8, a01);
        _mm256_storeu_ps(y1 + c, a10);
        _mm256_storeu_ps(y1 + c + 8, a11);
        _mm256_storeu_ps(y2 + c, a20);
        _mm256_storeu_ps(y2 + c + 8, a21);
        _mm256_storeu_ps(y3 + c, a30);
        _mm256_storeu_ps(y3 + c + 8, a31);
    }
    for (; c < d; c++) { /* d not a multiple of 16: the last columns one at a time */
        float s0 = y0[c], s1 = y1[c], s2 = y2[c], s3 = y3[c];

        for (j = 0; j < nj; j++) {
            const float vc = v[j * vstride + c];

            s0 += p0[j] * vc;
            s1 += p1[j] * vc;
            s2 += p2[j] * vc;
            s3 += p3[j] * vc;
        }
        y0[c] = s0;
        y1[c] = s1;
        y2[c] = s2;
        y3[c] = s3;
    }
}

/* s[j] = scale * q . k[idx[j]]: four gathered rows per step, 8 columns per FMA. */
AVX2 static void gather_scores_avx2(const float *q, const float *k, const uint32_t *idx, size_t nj,
                                   size_t d, float scale, float *s)
{
    size_t j = 0, t;

    for (; j + 4 <= nj; j += 4) {
        const float *k0 = k + (size_t)idx[j] * d, *k1 = k + (size_t)idx[j + 1] * d;
        const float *k2 = k + (size_t)idx[j + 2] * d, *k3 = k + (size_t)idx[j + 3] * d;
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
        __m256 a2 = _mm256_setzero_ps(), a3 = _mm256_setzero_ps();
        __m128 h;
        float out[4];
        int u;

        for (t = 0; t + 8 <= d; t += 8) {
            const __m256 b = _mm256_loadu_ps(q + t);

            a0 = _mm256_fmadd_ps(b, _mm256_loadu_ps(k0 + t), a0);
            a1 = _mm256_fmadd_ps(b, _mm256_loadu_ps(k1 + t), a1);
            a2 = _mm256_fmadd_ps(b, _mm256_loadu_ps(k2 + t), a2);
            a3 = _mm256_fmadd_ps(b, _mm256_loadu_ps(k3 + t), a3);
        }
        /* horizontal sums of the four accumulators at once */
        a0 = _mm256_hadd_ps(a0, a1);
        a2 = _mm256_hadd_ps(a2, a3);
        a0 = _mm256_hadd_ps(a0, a2);
        h = _mm_add_ps(_mm256_castps256_ps128(a0), _mm256_extractf128_ps(a0, 1));
        _mm_storeu_ps(out, h);
        for (u = 0; u < 4; u++) {
            const float *ku = u == 0 ? k0 : u == 1 ? k1 : u == 2 ? k2 : k3;
            size_t c;

            for (c = t; c < d; c++)
                out[u] += q[c] * ku[c];
            s[j + (size_t)u] = out[u] * scale;
        }
    }
    for (; j < nj; j++) {
        const float *kj = k + (size_t)idx[j] * d;
        __m256 a = _mm256_setzero_ps();
        float acc;

        for (t = 0; t + 8 <= d; t += 8)
            a = _mm256_fmadd_ps(_mm256_loadu_ps(q + t), _mm256_loadu_ps(kj + t), a);
        acc = hsum_avx2(a);
        for (; t < d; t++)
            acc += q[t] * kj[t];
        s[j] = acc * scale;
    }
}

/* y += sum_j p[j] v[idx[j]]: 32 columns held in registers across the keys. */
AVX2 static void gather_accumulate_avx2(float *y, const float *p, const float *v,
                                        const uint32_t *idx, size_t nj, size_t d)
{
    size_t c = 0, j;

    for (; c + 32 <= d; c += 32) {
        __m256 a0 = _mm256_loadu_ps(y + c), a1 = _mm256_loadu_ps(y + c + 8);
        __m256 a2 = _mm256_loadu_ps(y + c + 16), a3 = _mm256_loadu_ps(y + c + 24);

        for (j = 0; j < nj; j++) {
            const float *vj = v + (size_t)idx[j] * d + c;
            const __m256 b = _mm256_broadcast_ss(p + j);

            a0 = _mm256_fmadd_ps(b, _mm256_loadu_ps(vj), a0);
            a1 = _mm256_fmadd_ps(b, _mm256_loadu_ps(vj + 8), a1);
            a2 = _mm256_fmadd_ps(b, _mm256_loadu_ps(vj + 16), a2);
            a3 = _mm256_fmadd_ps(b, _mm256_loadu_ps(vj + 24), a3);
        }
        _mm256_storeu_ps(y + c, a0);
        _mm256_storeu_ps(y + c + 8, a1);
        _mm256_storeu_ps(y + c + 16, a2);
        _mm256_storeu_ps(y + c + 24, a3);
    }
    for (; c + 8 <= d; c += 8) {
        __m256 a = _mm256_loadu_ps(y + c);

        for (j = 0; j < nj; j++)
            a = _mm256_fmadd_ps(_mm256_broadcast_ss(p + j),
                                _mm256_loadu_ps(v + (size_t)idx[j] * d + c), a);
        _mm256_storeu_ps(y + c, a);
    }
    for (; c < d; c++) {
        float acc = y[c];

        for (j = 0; j < nj; j++)
            acc += p[j] * v[(size_t)idx[j] * d + c];
        y[c] = acc;
    }
}

/* As argmin_dist_c: each lane keeps its first minimum, then the lowest index among equal minima. */
AVX2 static size_t argmin_dist_avx2(const float *s, const float *norms, size_t n, float *best)
{
    __m256 vmin = _mm256_set1_ps(INFINITY);
    __m256i varg = _mm256_setzero_si256(), idx = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m256i eight = _mm256_set1_epi32(8);
    float mins[8], m = INFINITY;
    int32_t args[8];
    size_t j, arg = 0;
    int u;

    for (j = 0; j + 8 <= n && n <= INT32_MAX; j += 8) {
        const __m256 dist = _mm256_sub_ps(_mm256_loadu_ps(norms + j),
                                          _mm256_add_ps(_mm256_loadu_ps(s + j), _mm256_loadu_ps(s + j)));
        const __m256 lt = _mm256_cmp_ps(dist, vmin, _CMP_LT_OQ);

        vmin = _mm256_blendv_ps(vmin, dist, lt);
        varg = _mm256_castps_si256(
            _mm256_blendv_ps(_mm256_castsi256_ps(varg), _mm256_castsi256_ps(idx), lt));
        idx = _mm256_add_epi32(idx, eight);
    }
    _mm256_storeu_ps(mins, vmin);
    _mm256_storeu_si256((__m256i *)(void *)args, varg);
    for (u = 0; u < 8 && j > 0; u++)
        if (mins[u] < m || (mins[u] == m && (size_t)args[u] < arg)) {
            m = mins[u];
            arg = (size_t)args[u];
        }
    for (; j < n; j++) {
        const float dist = norms[j] - 2.0f * s[j];

        if (dist < m) {
            m = dist;
            arg = j;
        }
    }
    *best = m;
    return arg;
}

AVX2 static float mass_above_avx2(const float *s, size_t n, float tau, size_t *count)
{
    const __m256 vt = _mm256_set1_ps(tau);
    __m256 acc = _mm256_setzero_ps();
    size_t j, c = 0;
    float sum;

    for (j = 0; j + 8 <= n; j += 8) {
        const __m256 x = _mm256_loadu_ps(s + j), ge = _mm256_cmp_ps(x, vt, _CMP_GE_OQ);

        acc = _mm256_add_ps(acc, _mm256_and_ps(x, ge));
        c += (size_t)__builtin_popcount((unsigned)_mm256_movemask_ps(ge));
    }
    sum = hsum_avx2(acc);
    for (; j < n; j++)
        if (s[j] >= tau) {
            sum += s[j];
            c++;
        }
    *count = c;
    return sum;
}

AVX2 static void scale_avx2(float *y, size_t d, float f)
{
    const __m256 vf = _mm256_set1_ps(f);
    size_t c;

    for (c = 0; c + 8 <= d; c += 8)
        _mm256_storeu_ps(y + c, _mm256_mul_ps(_mm256_loadu_ps(y + c), vf));
    for (; c < d; c++)
        y[c] *= f;
}

/* ---- AVX-512F ----------------------------------------------------------------
 *
 * Twice the vector width for the three loops that carry the work (scores, the
 * exponentials, the weighted sum of values), with every output element computed
 * by the same sequence of operations as in the AVX2 kernel: scores are one FMA
 * chain over t from 0, each output column one FMA chain over the keys (and the
 * same columns fall to the scalar multiply-add tail), the exponential is the
 * same polynomial, and the row sums are accumulated in eight lanes in the AVX2
 * order. The two kernels therefore give bit-identical results
 * (tests/attention/test_attention.c and test_ssa.c compare them), and so does
 * everything built on them.
 */
#  define AVX512 __attribute__((target("avx512f,avx2,fma")))

AVX512 static void scores_avx512(int rows, const float *const *q, const float *kp, size_t kw,
                                 size_t j0, size_t nj, size_t d, float scale, float *s)
{
    const float *q0 = q[0], *q1 = q[rows > 1 ? 1 : 0], *q2 = q[rows > 2 ? 2 : 0],
                *q3 = q[rows > 3 ? 3 : 0];
    const __m512 vs = _mm512_set1_ps(scale);
    size_t j = 0, t;

    if (rows == 1) { /* one row: 128 keys per step, 8 accumulators; then 64, then 16 */
        for (; j + 128 <= nj; j += 128) {
            __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps();
            __m512 a2 = _mm512_setzero_ps(), a3 = _mm512_setzero_ps();
            __m512 a4 = _mm512_setzero_ps(), a5 = _mm512_setzero_ps();
            __m512 a6 = _mm512_setzero_ps(), a7 = _mm512_setzero_ps();
            const float *kt = kp + j0 + j;

            for (t = 0; t < d; t++, kt += kw) {
                const __m512 b = _mm512_set1_ps(q0[t]);

                a0 = _mm512_fmadd_ps(b, _mm512_load_ps(kt), a0);
                a1 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 16), a1);
                a2 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 32), a2);
                a3 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 48), a3);
                a4 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 64), a4);
                a5 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 80), a5);
                a6 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 96), a6);
                a7 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 112), a7);
            }
            _mm512_store_ps(s + j, _mm512_mul_ps(a0, vs));
            _mm512_store_ps(s + j + 16, _mm512_mul_ps(a1, vs));
            _mm512_store_ps(s + j + 32, _mm512_mul_ps(a2, vs));
            _mm512_store_ps(s + j + 48, _mm512_mul_ps(a3, vs));
            _mm512_store_ps(s + j + 64, _mm512_mul_ps(a4, vs));
            _mm512_store_ps(s + j + 80, _mm512_mul_ps(a5, vs));
            _mm512_store_ps(s + j + 96, _mm512_mul_ps(a6, vs));
            _mm512_store_ps(s + j + 112, _mm512_mul_ps(a7, vs));
        }
        for (; j + 64 <= nj; j += 64) {
            __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps();
            __m512 a2 = _mm512_setzero_ps(), a3 = _mm512_setzero_ps();
            const float *kt = kp + j0 + j;

            for (t = 0; t < d; t++, kt += kw) {
                const __m512 b = _mm512_set1_ps(q0[t]);

                a0 = _mm512_fmadd_ps(b, _mm512_load_ps(kt), a0);
                a1 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 16), a1);
                a2 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 32), a2);
                a3 = _mm512_fmadd_ps(b, _mm512_load_ps(kt + 48), a3);
            }
            _mm512_store_ps(s + j, _mm512_mul_ps(a0, vs));
            _mm512_store_ps(s + j + 16, _mm512_mul_ps(a1, vs));
            _mm512_store_ps(s + j + 32, _mm512_mul_ps(a2, vs));
            _mm512_store_ps(s + j + 48, _mm512_mul_ps(a3, vs));
        }
        for (; j < nj; j += 16) { /* the packed width is a multiple of 16 */
            __m512 a0 = _mm512_setzero_ps();
            const float *kt = kp + j0 + j;

            for (t = 0; t < d; t++, kt += kw)
                a0 = _mm512_fmadd_ps(_mm512_set1_ps(q0[t]), _mm512_load_ps(kt), a0);
            _mm512_store_ps(s + j, _mm512_mul_ps(a0, vs));
        }
        return;
    }
    /* 4 rows x 64 keys per step: 16 accumulators, 4 key loads and 4 broadcasts per t */
    for (; j + 64 <= nj; j += 64) {
        __m512 a00 = _mm512_setzero_ps(), a01 = _mm512_setzero_ps(), a02 = _mm512_setzero_ps(),
               a03 = _mm512_setzero_ps();
        __m512 a10 = _mm512_setzero_ps(), a11 = _mm512_setzero_ps(), a12 = _mm512_setzero_ps(),
               a13 = _mm512_setzero_ps();
        __m512 a20 = _mm512_setzero_ps(), a21 = _mm512_setzero_ps(), a22 = _mm512_setzero_ps(),
               a23 = _mm512_setzero_ps();
        __m512 a30 = _mm512_setzero_ps(), a31 = _mm512_setzero_ps(), a32 = _mm512_setzero_ps(),
               a33 = _mm512_setzero_ps();
        const float *kt = kp + j0 + j;

        for (t = 0; t < d; t++, kt += kw) {
            const __m512 k0 = _mm512_load_ps(kt), k1 = _mm512_load_ps(kt + 16),
                         k2 = _mm512_load_ps(kt + 32), k3 = _mm512_load_ps(kt + 48);
            __m512 b;

            b = _mm512_set1_ps(q0[t]);
            a00 = _mm512_fmadd_ps(b, k0, a00);
            a01 = _mm512_fmadd_ps(b, k1, a01);
            a02 = _mm512_fmadd_ps(b, k2, a02);
            a03 = _mm512_fmadd_ps(b, k3, a03);
            b = _mm512_set1_ps(q1[t]);
            a10 = _mm512_fmadd_ps(b, k0, a10);
            a11 = _mm512_fmadd_ps(b, k1, a11);
            a12 = _mm512_fmadd_ps(b, k2, a12);
            a13 = _mm512_fmadd_ps(b, k3, a13);
            b = _mm512_set1_ps(q2[t]);
            a20 = _mm512_fmadd_ps(b, k0, a20);
            a21 = _mm512_fmadd_ps(b, k1, a21);
            a22 = _mm512_fmadd_ps(b, k2, a22);
            a23 = _mm512_fmadd_ps(b, k3, a23);
            b = _mm512_set1_ps(q3[t]);
            a30 = _mm512_fmadd_ps(b, k0, a30);
            a31 = _mm512_fmadd_ps(b, k1, a31);
            a32 = _mm512_fmadd_ps(b, k2, a32);
            a33 = _mm512_fmadd_ps(b, k3, a33);
        }
        _mm512_store_ps(s + j, _mm512_mul_ps(a00, vs));
        _mm512_store_ps(s + j + 16, _mm512_mul_ps(a01, vs));
        _mm512_store_ps(s + j + 32, _mm512_mul_ps(a02, vs));
        _mm512_store_ps(s + j + 48, _mm512_mul_ps(a03, vs));
        _mm512_store_ps(s + ATTN_KCHUNK + j, _mm512_mul_ps(a10, vs));
        _mm512_store_ps(s + ATTN_KCHUNK + j + 16, _mm512_mul_ps(a11, vs));
        _mm512_store_ps(s + ATTN_KCHUNK + j + 32, _mm512_mul_ps(a12, vs));
        _mm512_store_ps(s + ATTN_KCHUNK + j + 48, _mm512_mul_ps(a13, vs));
        _mm512_store_ps(s + 2 * ATTN_KCHUNK + j, _mm512_mul_ps(a20, vs));
        _mm512_store_ps(s + 2 * ATTN_KCHUNK + j + 16, _mm512_mul_ps(a21, vs));
        _mm512_store_ps(s + 2 * ATTN_KCHUNK + j + 32, _mm512_mul_ps(a22, vs));
        _mm512_store_ps(s + 2 * ATTN_KCHUNK + j + 48, _mm512_mul_ps(a23, vs));
        _mm512_store_ps(s + 3 * ATTN_KCHUNK + j, _mm512_mul_ps(a30, vs));
        _mm512_store_ps(s + 3 * ATTN_KCHUNK + j + 16, _mm512_mul_ps(a31, vs));
        _mm512_store_ps(s + 3 * ATTN_KCHUNK + j + 32, _mm512_mul_ps(a32, vs));
        _mm512_store_ps(s + 3 * ATTN_KCHUNK + j + 48, _mm512_mul_ps(a33, vs));
    }
    for (; j < nj; j += 16) { /* 16 keys at a time */
        __m512 a0 = _mm512_setzero_ps(), a1 = _mm512_setzero_ps(), a2 = _mm512_setzero_ps(),
               a3 = _mm512_setzero_ps();
        const float *kt = kp + j0 + j;

        for (t = 0; t < d; t++, kt += kw) {
            const __m512 k0 = _mm512_load_ps(kt);

            a0 = _mm512_fmadd_ps(_mm512_set1_ps(q0[t]), k0, a0);
            a1 = _mm512_fmadd_ps(_mm512_set1_ps(q1[t]), k0, a1);
            a2 = _mm512_fmadd_ps(_mm512_set1_ps(q2[t]), k0, a2);
            a3 = _mm512_fmadd_ps(_mm512_set1_ps(q3[t]), k0, a3);
        }
        _mm512_store_ps(s + j, _mm512_mul_ps(a0, vs));
        _mm512_store_ps(s + ATTN_KCHUNK + j, _mm512_mul_ps(a1, vs));
        _mm512_store_ps(s + 2 * ATTN_KCHUNK + j, _mm512_mul_ps(a2, vs));
        _mm512_store_ps(s + 3 * ATTN_KCHUNK + j, _mm512_mul_ps(a3, vs));
    }
}

/* exp2_avx2 on 16 lanes: the same operations, so the same bits. */
AVX512 static inline __m512 exp2_avx512(__m512 x)
{
    const __m512 lo = _mm512_set1_ps(-126.0f);
    const __mmask16 keep = _mm512_cmp_ps_mask(x, lo, _CMP_NLT_UQ); /* not below -126 (or NaN) */
    __m512 n, f, p;
    __m512i e;

    x = _mm512_max_ps(lo, x);
    x = _mm512_min_ps(_mm512_set1_ps(127.0f), x);
    n = _mm512_roundscale_ps(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    f = _mm512_sub_ps(x, n);
    p = _mm512_set1_ps(1.5252733804059840e-5f);
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.5403530393381608e-4f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.3333558146428443e-3f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(9.6181291076284772e-3f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(5.5504108664821580e-2f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(2.4022650695910071e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(6.9314718055994531e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.0f));
    e = _mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(n), _mm512_set1_epi32(127)), 23);
    p = _mm512_mul_ps(p, _mm512_castsi512_ps(e));
    return _mm512_maskz_mov_ps(keep, p);
}

AVX512 static float exp2_shift_avx512(float *s, size_t n, float m)
{
    const __m512 vm = _mm512_set1_ps(m);
    __m256 acc = _mm256_setzero_ps();
    float sum;
    size_t j = 0;

    for (; j + 16 <= n; j += 16) {
        const __m512 p = exp2_avx512(_mm512_sub_ps(_mm512_load_ps(s + j), vm));

        _mm512_store_ps(s + j, p);
        /* eight lanes, j mod 8, in the order of the AVX2 kernel */
        acc = _mm256_add_ps(acc, _mm512_castps512_ps256(p));
        acc = _mm256_add_ps(acc, _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(p), 1)));
    }
    if (j + 8 <= n) {
        const __m256 p = exp2_avx2(_mm256_sub_ps(_mm256_load_ps(s + j), _mm256_set1_ps(m)));

        _mm256_store_ps(s + j, p);
        acc = _mm256_add_ps(acc, p);
        j += 8;
    }
    sum = hsum_avx2(acc);
    for (; j < n; j++) {
        float x = s[j] - m;

        s[j] = x < -126.0f ? 0.0f : exp2f(x);
        sum += s[j];
    }
    return sum;
}

/* y[c] += sum_j p[j] v[j][c] for one row; columns below fma_end by FMA, 64 then 16 at a
 * time, the rest (as in the AVX2 kernel) by a multiply and an add. */
AVX512 static void accumulate_row_avx512(float *y0, const float *p0, const float *v,
                                         size_t vstride, size_t nj, size_t d, size_t fma_end)
{
    size_t c = 0, j;

    for (; c + 64 <= fma_end; c += 64) {
        __m512 a0 = _mm512_loadu_ps(y0 + c), a1 = _mm512_loadu_ps(y0 + c + 16);
        __m512 a2 = _mm512_loadu_ps(y0 + c + 32), a3 = _mm512_loadu_ps(y0 + c + 48);
        const float *vj = v + c;

        for (j = 0; j < nj; j++, vj += vstride) {
            const __m512 b = _mm512_set1_ps(p0[j]);

            a0 = _mm512_fmadd_ps(b, _mm512_loadu_ps(vj), a0);
            a1 = _mm512_fmadd_ps(b, _mm512_loadu_ps(vj + 16), a1);
            a2 = _mm512_fmadd_ps(b, _mm512_loadu_ps(vj + 32), a2);
            a3 = _mm512_fmadd_ps(b, _mm512_loadu_ps(vj + 48), a3);
        }
        _mm512_storeu_ps(y0 + c, a0);
        _mm512_storeu_ps(y0 + c + 16, a1);
        _mm512_storeu_ps(y0 + c + 32, a2);
        _mm512_storeu_ps(y0 + c + 48, a3);
    }
    for (; c + 16 <= fma_end; c += 16) {
        __m512 a0 = _mm512_loadu_ps(y0 + c);
        const float *vj = v + c;

        for (j = 0; j < nj; j++, vj += vstride)
            a0 = _mm512_fmadd_ps(_mm512_set1_ps(p0[j]), _mm512_loadu_ps(vj), a0);
        _mm512_storeu_ps(y0 + c, a0);
    }
    for (; c < d; c++) {
        float acc = y0[c];

        for (j = 0; j < nj; j++)
            acc += p0[j] * v[j * vstride + c];
        y0[c] = acc;
    }
}

AVX512 static void accumulate_avx512(int rows, float *const *y, const float *p, const float *v,
                                     size_t vstride, size_t nj, size_t d)
{
    float *y0 = y[0], *y1 = y[rows > 1 ? 1 : 0], *y2 = y[rows > 2 ? 2 : 0],
          *y3 = y[rows > 3 ? 3 : 0];
    const float *p0 = p, *p1 = p + ATTN_KCHUNK, *p2 = p + 2 * ATTN_KCHUNK, *p3 = p + 3 * ATTN_KCHUNK;
    const size_t fma_end = d / 16 * 16;
    size_t c = 0, j;
    int r;

    if (rows < 4) { /* as the AVX2 kernel: one row at a time, FMA below a multiple of 32 */
        for (r = 0; r < rows; r++)
            accumulate_row_avx512(y[r], p + (size_t)r * ATTN_KCHUNK, v, vstride, nj, d, d / 32 * 32);
        return;
    }
    /* 4 rows x 64 columns: 16 accumulators, 4 value loads and 4 broadcasts per key */
    for (; c + 64 <= fma_end; c += 64) {
        __m512 a00 = _mm512_loadu_ps(y0 + c), a01 = _mm512_loadu_ps(y0 + c + 16),
               a02 = _mm512_loadu_ps(y0 + c + 32), a03 = _mm512_loadu_ps(y0 + c + 48);
        __m512 a10 = _mm512_loadu_ps(y1 + c), a11 = _mm512_loadu_ps(y1 + c + 16),
               a12 = _mm512_loadu_ps(y1 + c + 32), a13 = _mm512_loadu_ps(y1 + c + 48);
        __m512 a20 = _mm512_loadu_ps(y2 + c), a21 = _mm512_loadu_ps(y2 + c + 16),
               a22 = _mm512_loadu_ps(y2 + c + 32), a23 = _mm512_loadu_ps(y2 + c + 48);
        __m512 a30 = _mm512_loadu_ps(y3 + c), a31 = _mm512_loadu_ps(y3 + c + 16),
               a32 = _mm512_loadu_ps(y3 + c + 32), a33 = _mm512_loadu_ps(y3 + c + 48);
        const float *vj = v + c;

        for (j = 0; j < nj; j++, vj += vstride) {
            const __m512 v0 = _mm512_loadu_ps(vj), v1 = _mm512_loadu_ps(vj + 16),
                         v2 = _mm512_loadu_ps(vj + 32), v3 = _mm512_loadu_ps(vj + 48);
            __m512 b;

            b = _mm512_set1_ps(p0[j]);
            a00 = _mm512_fmadd_ps(b, v0, a00);
            a01 = _mm512_fmadd_ps(b, v1, a01);
            a02 = _mm512_fmadd_ps(b, v2, a02);
            a03 = _mm512_fmadd_ps(b, v3, a03);
            b = _mm512_set1_ps(p1[j]);
            a10 = _mm512_fmadd_ps(b, v0, a10);
            a11 = _mm512_fmadd_ps(b, v1, a11);
            a12 = _mm512_fmadd_ps(b, v2, a12);
            a13 = _mm512_fmadd_ps(b, v3, a13);
            b = _mm512_set1_ps(p2[j]);
            a20 = _mm512_fmadd_ps(b, v0, a20);
            a21 = _mm512_fmadd_ps(b, v1, a21);
            a22 = _mm512_fmadd_ps(b, v2, a22);
            a23 = _mm512_fmadd_ps(b, v3, a23);
            b = _mm512_set1_ps(p3[j]);
            a30 = _mm512_fmadd_ps(b, v0, a30);
            a31 = _mm512_fmadd_ps(b, v1, a31);
            a32 = _mm512_fmadd_ps(b, v2, a32);
            a33 = _mm512_fmadd_ps(b, v3, a33);
        }
        _mm512_storeu_ps(y0 + c, a00);
        _mm512_storeu_ps(y0 + c + 16, a01);
        _mm512_storeu_ps(y0 + c + 32, a02);
        _mm512_storeu_ps(y0 + c + 48, a03);
        _mm512_storeu_ps(y1 + c, a10);
        _mm512_storeu_ps(y1 + c + 16, a11);
        _mm512_storeu_ps(y1 + c + 32, a12);
        _mm512_storeu_ps(y1 + c + 48, a13);
        _mm512_storeu_ps(y2 + c, a20);
        _mm512_storeu_ps(y2 + c + 16, a21);
        _mm512_storeu_ps(y2 + c + 32, a22);
        _mm512_storeu_ps(y2 + c + 48, a23);
        _mm512_storeu_ps(y3 + c, a30);
        _mm512_storeu_ps(y3 + c + 16, a31);
        _mm512_storeu_ps(y3 + c + 32, a32);
        _mm512_storeu_ps(y3 + c + 48, a33);
    }
    for (; c + 16 <= fma_end; c += 16) {
        __m512 a0 = _mm512_loadu_ps(y0 + c), a1 = _mm512_loadu_ps(y1 + c);
        __m512 a2 = _mm512_loadu_ps(y2 + c), a3 = _mm512_loadu_ps(y3 + c);
        const float *vj = v + c;

        for (j = 0; j < nj; j++, vj += vstride) {
            const __m512 v0 = _mm512_loadu_ps(vj);

            a0 = _mm512_fmadd_ps(_mm512_set1_ps(p0[j]), v0, a0);
            a1 = _mm512_fmadd_ps(_mm512_set1_ps(p1[j]), v0, a1);
            a2 = _mm512_fmadd_ps(_mm512_set1_ps(p2[j]), v0, a2);
            a3 = _mm512_fmadd_ps(_mm512_set1_ps(p3[j]), v0, a3);
        }
        _mm512_storeu_ps(y0 + c, a0);
        _mm512_storeu_ps(y1 + c, a1);
        _mm512_storeu_ps(y2 + c, a2);
        _mm512_storeu_ps(y3 + c, a3);
    }
    for (; c < d; c++) { /* the last columns one at a time: multiply, then add */
        float s0 = y0[c], s1 = y1[c], s2 = y2[c], s3 = y3[c];

        for (j = 0; j < nj; j++) {
            const float vc = v[j * vstride + c];

            s0 += p0[j] * vc;
            s1 += p1[j] * vc;
            s2 += p2[j] * vc;
            s3 += p3[j] * vc;
        }
        y0[c] = s0;
        y1[c] = s1;
        y2[c] = s2;
        y3[c] = s3;
    }
}
#endif /* x86-64 */

/* ---- selection and the tile update ----------------------------------------- */

void thermoai__attn_kernels_select(struct attn_kernels *k, int level)
{
    k->scores = scores_c;
    k->exp2_shift = exp2_shift_c;
    k->accumulate = accumulate_c;
    k->scale = scale_c;
    k->max = max_c;
    k->gather_scores = gather_scores_c;
    k->argmin_dist = argmin_dist_c;
    k->gather_accumulate = gather_accumulate_c;
    k->mass_above = mass_above_c;
    k->name = "portable C";
#ifdef HAVE_X86_DISPATCH
    if (level >= ATTN_SIMD_AVX2 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        k->scores = scores_avx2;
        k->exp2_shift = exp2_shift_avx2;
        k->accumulate = accumulate_avx2;
        k->scale = scale_avx2;
        k->max = max_avx2;
        k->gather_scores = gather_scores_avx2;
        k->argmin_dist = argmin_dist_avx2;
        k->gather_accumulate = gather_accumulate_avx2;
        k->mass_above = mass_above_avx2;
        k->name = "AVX2+FMA";
        if (level >= ATTN_SIMD_BEST && __builtin_cpu_supports("avx512f")) {
            k->scores = scores_avx512;
            k->exp2_shift = exp2_shift_avx512;
            k->accumulate = accumulate_avx512;
            k->name = "AVX-512F";
        }
    }
#else
    (void)level;
#endif
}

void thermoai__attn_tile_update(const struct attn_kernels *k, struct attn_tile *tile,
                                const float *kp, size_t kw, size_t nk, const float *v,
                                size_t vstride, const float *bias, const uint32_t *key_index,
                                float *scratch)
{
    size_t j0;
    int r;

    for (j0 = 0; j0 < nk; j0 += ATTN_KCHUNK) {
        const size_t nj = nk - j0 < ATTN_KCHUNK ? nk - j0 : ATTN_KCHUNK;

        k->scores(tile->rows, tile->q, kp, kw, j0, nj, tile->d, tile->scale, scratch);
        for (r = 0; r < tile->rows; r++) {
            float *s = scratch + (size_t)r * ATTN_KCHUNK;
            float cmax, mnew, sum;
            size_t j;

            if (bias != NULL)
                for (j = 0; j < nj; j++)
                    s[j] += bias[j0 + j];
            if (key_index != NULL) /* causal: key j only where its position <= the query's */
                for (j = 0; j < nj; j++)
                    if (key_index[j0 + j] > tile->position[r])
                        s[j] = -INFINITY;
            cmax = k->max(s, nj);
            if (cmax == -INFINITY) {
                for (j = 0; j < nj; j++)
                    s[j] = 0.0f;
                continue;
            }
            mnew = tile->m[r] > cmax ? tile->m[r] : cmax;
            if (tile->m[r] != -INFINITY && mnew > tile->m[r]) {
                const float f = exp2f(tile->m[r] - mnew);

                tile->l[r] *= f;
                k->scale(tile->y[r], tile->d, f);
            }
            sum = k->exp2_shift(s, nj, mnew);
            tile->l[r] += sum;
            tile->m[r] = mnew;
        }
        k->accumulate(tile->rows, tile->y, scratch, v + j0 * vstride, vstride, nj, tile->d);
    }
}

void thermoai__attn_row_gather_update(const struct attn_kernels *k, struct attn_tile *tile,
                                      const float *keys, const float *v, const uint32_t *idx,
                                      size_t nk, float bias, float *scratch)
{
    size_t j0, j;

    for (j0 = 0; j0 < nk; j0 += ATTN_KCHUNK) {
        const size_t nj = nk - j0 < ATTN_KCHUNK ? nk - j0 : ATTN_KCHUNK;
        float cmax, mnew;

        k->gather_scores(tile->q[0], keys, idx + j0, nj, tile->d, tile->scale, scratch);
        if (bias != 0.0f)
            for (j = 0; j < nj; j++)
                scratch[j] += bias;
        cmax = k->max(scratch, nj);
        mnew = tile->m[0] > cmax ? tile->m[0] : cmax;
        if (tile->m[0] != -INFINITY && mnew > tile->m[0]) {
            const float f = exp2f(tile->m[0] - mnew);

            tile->l[0] *= f;
            k->scale(tile->y[0], tile->d, f);
        }
        tile->l[0] += k->exp2_shift(scratch, nj, mnew);
        tile->m[0] = mnew;
        k->gather_accumulate(tile->y[0], scratch, v, idx + j0, nj, tile->d);
    }
}

void thermoai__attn_pack(const float *rows, const uint32_t *index, size_t n, size_t d,
                         size_t stride, float *kp, size_t kw)
{
    size_t j, t, u;

    /* eight rows at a time: each source row is read once, and every packed row
     * gets eight contiguous floats per pass (column-by-column stores missed the
     * cache on every key) */
    for (j = 0; j + 8 <= n; j += 8) {
        const float *src[8];

        for (u = 0; u < 8; u++)
            src[u] = rows + (index != NULL ? index[j + u] : j + u) * stride;
        for (t = 0; t < d; t++) {
            float *dst = kp + t * kw + j;

            for (u = 0; u < 8; u++)
                dst[u] = src[u][t];
        }
    }
    for (; j < n; j++) {
        const float *src = rows + (index != NULL ? index[j] : j) * stride;

        for (t = 0; t < d; t++)
            kp[t * kw + j] = src[t];
    }
    for (t = 0; t < d; t++)
        for (j = n; j < kw; j++)
            kp[t * kw + j] = 0.0f;
}
