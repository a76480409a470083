/* SPDX-License-Identifier: MIT */
/*
 * The attention tile kernel shared by dense attention and SSA: the online
 * softmax update of up to ATTN_TILE_ROWS query rows against a block of packed
 * keys (FlashAttention's recurrence, on the CPU).
 *
 * Two implementations with the same arithmetic contract: portable C, and
 * AVX2+FMA selected at run time (GCC/clang target attributes on x86-64, no
 * IFUNC). Both work in float32: scores by fused multiply-add over d, the
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

AVX2 static void scale_avx2(float *y, size_t d, float f)
{
    const __m256 vf = _mm256_set1_ps(f);
    size_t c;

    for (c = 0; c + 8 <= d; c += 8)
        _mm256_storeu_ps(y + c, _mm256_mul_ps(_mm256_loadu_ps(y + c), vf));
    for (; c < d; c++)
        y[c] *= f;
}
#endif /* x86-64 */

/* ---- selection and the tile update ----------------------------------------- */

void thermoai__attn_kernels_select(struct attn_kernels *k, int allow_simd)
{
    k->scores = scores_c;
    k->exp2_shift = exp2_shift_c;
    k->accumulate = accumulate_c;
    k->scale = scale_c;
    k->max = max_c;
    k->gather_scores = gather_scores_c;
    k->argmin_dist = argmin_dist_c;
    k->gather_accumulate = gather_accumulate_c;
    k->name = "portable C";
#ifdef HAVE_X86_DISPATCH
    if (allow_simd && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        k->scores = scores_avx2;
        k->exp2_shift = exp2_shift_avx2;
        k->accumulate = accumulate_avx2;
        k->scale = scale_avx2;
        k->max = max_avx2;
        k->gather_scores = gather_scores_avx2;
        k->argmin_dist = argmin_dist_avx2;
        k->gather_accumulate = gather_accumulate_avx2;
        k->name = "AVX2+FMA";
    }
#else
    (void)allow_simd;
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
    size_t j, t;

    /* row by row: each source row is read once, contiguously */
    for (j = 0; j < n; j++) {
        const float *src = rows + (index != NULL ? index[j] : j) * stride;

        for (t = 0; t < d; t++)
            kp[t * kw + j] = src[t];
    }
    for (t = 0; t < d; t++)
        for (j = n; j < kw; j++)
            kp[t * kw + j] = 0.0f;
}
