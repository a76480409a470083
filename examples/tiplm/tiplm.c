/* SPDX-License-Identifier: MIT */
/* tiplm: model, forward, backward, AdamW, evaluation and Taylor scores (tiplm.h). */
#include "tiplm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(TIPLM_DOUBLE)
#  define R_EXP exp
#  define R_SQRT sqrt
#else
#  define R_EXP expf
#  define R_SQRT sqrtf
#endif
#define R(x) ((tiplm_real)(x))
#define RMS_EPS 1e-5

/* ---- configuration ------------------------------------------------------- */

int tiplm_config_preset(tiplm_config *c, const char *name)
{
    static const struct {
        const char *name;
        tiplm_config c;
    } presets[] = {
        {"tiny", {256, 8, 16, 2, 2, 24}},
        {"small", {256, 64, 64, 4, 4, 192}},
        {"base", {256, 128, 128, 4, 4, 320}},
        {"wide", {256, 128, 160, 4, 5, 384}},
    };
    size_t i;

    for (i = 0; i < sizeof presets / sizeof presets[0]; i++)
        if (strcmp(name, presets[i].name) == 0) {
            *c = presets[i].c;
            return 0;
        }
    return -1;
}

int tiplm_config_check(const tiplm_config *c)
{
    if (!c || c->vocab != 256 || c->ctx < 1 || c->ctx > 4096 || c->dim < 1 || c->dim > 4096 ||
        c->layers < 1 || c->layers > 64 || c->heads < 1 || c->dim % c->heads != 0 || c->ffn < 1 ||
        c->ffn > 65536)
        return -1;
    return 0;
}

static size_t layer_params(const tiplm_config *c)
{
    size_t d = (size_t)c->dim, f = (size_t)c->ffn;

    return 2 * d + 4 * d * d + 3 * d * f;
}

size_t tiplm_param_count(const tiplm_config *c)
{
    size_t d = (size_t)c->dim, v = (size_t)c->vocab;

    return v * d + (size_t)c->ctx * d + (size_t)c->layers * layer_params(c) + d + d * v;
}

static int model_alloc(tiplm_model *m, const tiplm_config *c)
{
    size_t d = (size_t)c->dim, f = (size_t)c->ffn, off;
    int l;

    memset(m, 0, sizeof *m);
    if (tiplm_config_check(c) != 0)
        return -1;
    m->cfg = *c;
    m->n_params = tiplm_param_count(c);
    m->layer = calloc((size_t)c->layers, sizeof *m->layer);
    m->w = calloc(m->n_params, sizeof *m->w);
    if (!m->layer || !m->w) {
        tiplm_model_free(m);
        return -1;
    }
    off = 0;
    m->tok_emb = off;
    off += (size_t)c->vocab * d;
    m->pos_emb = off;
    off += (size_t)c->ctx * d;
    for (l = 0; l < c->layers; l++) {
        tiplm_layer_off *o = &m->layer[l];

        o->rms1 = off;
        off += d;
        o->wq = off;
        off += d * d;
        o->wk = off;
        off += d * d;
        o->wv = off;
        off += d * d;
        o->wo = off;
        off += d * d;
        o->rms2 = off;
        off += d;
        o->w1 = off;
        off += d * f;
        o->w3 = off;
        off += d * f;
        o->w2 = off;
        off += f * d;
    }
    m->rmsf = off;
    off += d;
    m->head = off;
    off += d * (size_t)c->vocab;
    return off == m->n_params ? 0 : -1;
}

/* splitmix64: the one generator (init and batches). */
static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double rng_unit(uint64_t *s) /* (0, 1) */
{
    return ((double)(rng_next(s) >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

static double rng_normal(uint64_t *s)
{
    double u1 = rng_unit(s), u2 = rng_unit(s);

    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

static void fill_normal(tiplm_real *w, size_t n, double sd, uint64_t *s)
{
    size_t i;

    for (i = 0; i < n; i++)
        w[i] = R(sd * rng_normal(s));
}

static void fill_const(tiplm_real *w, size_t n, double v)
{
    size_t i;

    for (i = 0; i < n; i++)
        w[i] = R(v);
}

int tiplm_model_init(tiplm_model *m, const tiplm_config *c, uint64_t seed)
{
    size_t d, f;
    double sd = 0.02, sdo;
    uint64_t s = seed;
    int l;

    if (model_alloc(m, c) != 0)
        return -1;
    d = (size_t)c->dim;
    f = (size_t)c->ffn;
    sdo = sd / sqrt(2.0 * c->layers);
    fill_normal(m->w + m->tok_emb, (size_t)c->vocab * d, sd, &s);
    fill_normal(m->w + m->pos_emb, (size_t)c->ctx * d, sd, &s);
    for (l = 0; l < c->layers; l++) {
        const tiplm_layer_off *o = &m->layer[l];

        fill_const(m->w + o->rms1, d, 1.0);
        fill_normal(m->w + o->wq, d * d, sd, &s);
        fill_normal(m->w + o->wk, d * d, sd, &s);
        fill_normal(m->w + o->wv, d * d, sd, &s);
        fill_normal(m->w + o->wo, d * d, sdo, &s);
        fill_const(m->w + o->rms2, d, 1.0);
        fill_normal(m->w + o->w1, d * f, sd, &s);
        fill_normal(m->w + o->w3, d * f, sd, &s);
        fill_normal(m->w + o->w2, f * d, sdo, &s);
    }
    fill_const(m->w + m->rmsf, d, 1.0);
    fill_normal(m->w + m->head, d * (size_t)c->vocab, sd, &s);
    return 0;
}

int tiplm_model_clone(tiplm_model *dst, const tiplm_model *src)
{
    if (model_alloc(dst, &src->cfg) != 0)
        return -1;
    memcpy(dst->w, src->w, src->n_params * sizeof *src->w);
    return 0;
}

void tiplm_model_free(tiplm_model *m)
{
    if (!m)
        return;
    free(m->layer);
    free(m->w);
    m->layer = NULL;
    m->w = NULL;
}

/* ---- checkpoint ---------------------------------------------------------- */

static void put_u32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

#define CK_HEADER 64

int tiplm_save(const tiplm_model *m, const char *path, int64_t step, uint64_t seed)
{
    unsigned char h[CK_HEADER], b[4];
    FILE *f;
    size_t i;
    int ok = 1;

    memset(h, 0, sizeof h);
    memcpy(h, "TIPLMCK1", 8);
    put_u32(h + 8, (uint32_t)m->cfg.vocab);
    put_u32(h + 12, (uint32_t)m->cfg.ctx);
    put_u32(h + 16, (uint32_t)m->cfg.dim);
    put_u32(h + 20, (uint32_t)m->cfg.layers);
    put_u32(h + 24, (uint32_t)m->cfg.heads);
    put_u32(h + 28, (uint32_t)m->cfg.ffn);
    put_u32(h + 32, (uint32_t)((uint64_t)step & 0xffffffffu));
    put_u32(h + 36, (uint32_t)((uint64_t)step >> 32));
    put_u32(h + 40, (uint32_t)(seed & 0xffffffffu));
    put_u32(h + 44, (uint32_t)(seed >> 32));
    put_u32(h + 48, (uint32_t)(m->n_params & 0xffffffffu));
    f = fopen(path, "wb");
    if (!f)
        return -1;
    if (fwrite(h, 1, sizeof h, f) != sizeof h)
        ok = 0;
    for (i = 0; ok && i < m->n_params; i++) {
        float x = (float)m->w[i];
        uint32_t u;

        memcpy(&u, &x, 4);
        put_u32(b, u);
        if (fwrite(b, 1, 4, f) != 4)
            ok = 0;
    }
    if (fclose(f) != 0)
        ok = 0;
    return ok ? 0 : -1;
}

int tiplm_load(tiplm_model *m, const char *path, int64_t *step, uint64_t *seed)
{
    unsigned char h[CK_HEADER], b[4];
    tiplm_config c;
    FILE *f = fopen(path, "rb");
    size_t i;

    memset(m, 0, sizeof *m);
    if (!f)
        return -1;
    if (fread(h, 1, sizeof h, f) != sizeof h || memcmp(h, "TIPLMCK1", 8) != 0) {
        fclose(f);
        return -1;
    }
    c.vocab = (int)get_u32(h + 8);
    c.ctx = (int)get_u32(h + 12);
    c.dim = (int)get_u32(h + 16);
    c.layers = (int)get_u32(h + 20);
    c.heads = (int)get_u32(h + 24);
    c.ffn = (int)get_u32(h + 28);
    if (model_alloc(m, &c) != 0 || get_u32(h + 48) != (uint32_t)(m->n_params & 0xffffffffu)) {
        tiplm_model_free(m);
        fclose(f);
        return -1;
    }
    if (step)
        *step = (int64_t)((uint64_t)get_u32(h + 32) | (uint64_t)get_u32(h + 36) << 32);
    if (seed)
        *seed = (uint64_t)get_u32(h + 40) | (uint64_t)get_u32(h + 44) << 32;
    for (i = 0; i < m->n_params; i++) {
        uint32_t u;
        float x;

        if (fread(b, 1, 4, f) != 4) {
            tiplm_model_free(m);
            fclose(f);
            return -1;
        }
        u = get_u32(b);
        memcpy(&x, &u, 4);
        m->w[i] = (tiplm_real)x;
    }
    fclose(f);
    return 0;
}

/* ---- data ---------------------------------------------------------------- */

int tiplm_data_from_bytes(tiplm_data *d, const uint8_t *text, size_t n)
{
    size_t k, nb = (n + TIPLM_BLOCK - 1) / TIPLM_BLOCK;

    memset(d, 0, sizeof *d);
    d->train = malloc(n + 1);
    d->val = malloc(n + 1);
    if (!d->train || !d->val) {
        tiplm_data_free(d);
        return -1;
    }
    for (k = 0; k < nb; k++) {
        size_t a = k * TIPLM_BLOCK, len = n - a < TIPLM_BLOCK ? n - a : TIPLM_BLOCK;

        if (k % TIPLM_VAL_EVERY == TIPLM_VAL_EVERY - 1) {
            memcpy(d->val + d->n_val, text + a, len);
            d->n_val += len;
        } else {
            memcpy(d->train + d->n_train, text + a, len);
            d->n_train += len;
        }
    }
    return 0;
}

int tiplm_data_load(tiplm_data *d, const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    size_t n = 0, cap = 0, r;
    int rc;

    memset(d, 0, sizeof *d);
    if (!f)
        return -1;
    for (;;) {
        if (n == cap) {
            uint8_t *nb;

            cap = cap ? 2 * cap : (size_t)1 << 20;
            nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return -1;
            }
            buf = nb;
        }
        r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    fclose(f);
    rc = n > 0 ? tiplm_data_from_bytes(d, buf, n) : -1;
    free(buf);
    return rc;
}

void tiplm_data_free(tiplm_data *d)
{
    if (!d)
        return;
    free(d->train);
    free(d->val);
    memset(d, 0, sizeof *d);
}

size_t tiplm_val_windows(const tiplm_data *d, const tiplm_config *c)
{
    return d->n_val > (size_t)c->ctx ? (d->n_val - 1) / (size_t)c->ctx : 0;
}

void tiplm_window(const tiplm_data *d, const tiplm_config *c, int split, size_t i, uint8_t *out)
{
    const uint8_t *src = split ? d->val : d->train;
    size_t n = split ? d->n_val : d->n_train, T = (size_t)c->ctx, a = (i * T) % (n - T);

    memcpy(out, src + a, T + 1);
}

/* ---- matrix kernel ------------------------------------------------------- */

static int simd_wanted = -1; /* -1: not decided yet; the only static state, a CPU choice */

#if !defined(TIPLM_DOUBLE) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#  define TIPLM_X86 1
#  include <immintrin.h>
#  define AVX2 __attribute__((target("avx2,fma")))

/* C[M x N] (+)= A[M x K] B[K x N], row-major with leading dimensions; blocks of
 * 4 rows x 16 columns with FMA, the k order the scalar path uses. */
AVX2 static void mm_avx2(int M, int N, int K, const float *A, int lda, const float *B, int ldb,
                         float *C, int ldc, int acc)
{
    int m = 0, n, k;

    for (; m + 4 <= M; m += 4) {
        for (n = 0; n + 16 <= N; n += 16) {
            float *c0 = C + (size_t)m * ldc + n;
            __m256 c00, c01, c10, c11, c20, c21, c30, c31;
            const float *a = A + (size_t)m * lda;
            const float *b = B + n;

            if (acc) {
                c00 = _mm256_loadu_ps(c0);
                c01 = _mm256_loadu_ps(c0 + 8);
                c10 = _mm256_loadu_ps(c0 + ldc);
                c11 = _mm256_loadu_ps(c0 + ldc + 8);
                c20 = _mm256_loadu_ps(c0 + 2 * ldc);
                c21 = _mm256_loadu_ps(c0 + 2 * ldc + 8);
                c30 = _mm256_loadu_ps(c0 + 3 * ldc);
                c31 = _mm256_loadu_ps(c0 + 3 * ldc + 8);
            } else {
                c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = _mm256_setzero_ps();
            }
            for (k = 0; k < K; k++, b += ldb) {
                const __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
                __m256 av = _mm256_broadcast_ss(a + k);

                c00 = _mm256_fmadd_ps(av, b0, c00);
                c01 = _mm256_fmadd_ps(av, b1, c01);
                av = _mm256_broadcast_ss(a + lda + k);
                c10 = _mm256_fmadd_ps(av, b0, c10);
                c11 = _mm256_fmadd_ps(av, b1, c11);
                av = _mm256_broadcast_ss(a + 2 * lda + k);
                c20 = _mm256_fmadd_ps(av, b0, c20);
                c21 = _mm256_fmadd_ps(av, b1, c21);
                av = _mm256_broadcast_ss(a + 3 * lda + k);
                c30 = _mm256_fmadd_ps(av, b0, c30);
                c31 = _mm256_fmadd_ps(av, b1, c31);
            }
            _mm256_storeu_ps(c0, c00);
            _mm256_storeu_ps(c0 + 8, c01);
            _mm256_storeu_ps(c0 + ldc, c10);
            _mm256_storeu_ps(c0 + ldc + 8, c11);
            _mm256_storeu_ps(c0 + 2 * ldc, c20);
            _mm256_storeu_ps(c0 + 2 * ldc + 8, c21);
            _mm256_storeu_ps(c0 + 3 * ldc, c30);
            _mm256_storeu_ps(c0 + 3 * ldc + 8, c31);
        }
        for (; n < N; n++) {
            int r;

            for (r = 0; r < 4; r++) {
                float s = acc ? C[(size_t)(m + r) * ldc + n] : 0.0f;

                for (k = 0; k < K; k++)
                    s = fmaf(A[(size_t)(m + r) * lda + k], B[(size_t)k * ldb + n], s);
                C[(size_t)(m + r) * ldc + n] = s;
            }
        }
    }
    for (; m < M; m++) {
        float *c = C + (size_t)m * ldc;

        n = 0;
        for (; n + 8 <= N; n += 8) {
            __m256 s = acc ? _mm256_loadu_ps(c + n) : _mm256_setzero_ps();

            for (k = 0; k < K; k++)
                s = _mm256_fmadd_ps(_mm256_broadcast_ss(A + (size_t)m * lda + k),
                                    _mm256_loadu_ps(B + (size_t)k * ldb + n), s);
            _mm256_storeu_ps(c + n, s);
        }
        for (; n < N; n++) {
            float s = acc ? c[n] : 0.0f;

            for (k = 0; k < K; k++)
                s = fmaf(A[(size_t)m * lda + k], B[(size_t)k * ldb + n], s);
            c[n] = s;
        }
    }
}

#  define AVX512 __attribute__((target("avx512f,avx2,fma")))

/* The same product with 4 rows x 32 columns per block (AVX-512F). Each element is
 * the same chain of fused multiply-adds in the same k order as mm_avx2, so both
 * kernels give the same bits; leftover columns go to mm_avx2. */
AVX512 static void mm_avx512(int M, int N, int K, const float *A, int lda, const float *B, int ldb,
                             float *C, int ldc, int acc)
{
    const int N32 = N / 32 * 32, M4 = M / 4 * 4;
    int m, n, k;

    for (m = 0; m < M4; m += 4)
        for (n = 0; n < N32; n += 32) {
            float *c0 = C + (size_t)m * ldc + n;
            __m512 c00, c01, c10, c11, c20, c21, c30, c31;
            const float *a = A + (size_t)m * lda;
            const float *b = B + n;

            if (acc) {
                c00 = _mm512_loadu_ps(c0);
                c01 = _mm512_loadu_ps(c0 + 16);
                c10 = _mm512_loadu_ps(c0 + ldc);
                c11 = _mm512_loadu_ps(c0 + ldc + 16);
                c20 = _mm512_loadu_ps(c0 + 2 * ldc);
                c21 = _mm512_loadu_ps(c0 + 2 * ldc + 16);
                c30 = _mm512_loadu_ps(c0 + 3 * ldc);
                c31 = _mm512_loadu_ps(c0 + 3 * ldc + 16);
            } else {
                c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = _mm512_setzero_ps();
            }
            for (k = 0; k < K; k++, b += ldb) {
                const __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);
                __m512 av = _mm512_set1_ps(a[k]);

                c00 = _mm512_fmadd_ps(av, b0, c00);
                c01 = _mm512_fmadd_ps(av, b1, c01);
                av = _mm512_set1_ps(a[lda + k]);
                c10 = _mm512_fmadd_ps(av, b0, c10);
                c11 = _mm512_fmadd_ps(av, b1, c11);
                av = _mm512_set1_ps(a[2 * lda + k]);
                c20 = _mm512_fmadd_ps(av, b0, c20);
                c21 = _mm512_fmadd_ps(av, b1, c21);
                av = _mm512_set1_ps(a[3 * lda + k]);
                c30 = _mm512_fmadd_ps(av, b0, c30);
                c31 = _mm512_fmadd_ps(av, b1, c31);
            }
            _mm512_storeu_ps(c0, c00);
            _mm512_storeu_ps(c0 + 16, c01);
            _mm512_storeu_ps(c0 + ldc, c10);
            _mm512_storeu_ps(c0 + ldc + 16, c11);
            _mm512_storeu_ps(c0 + 2 * ldc, c20);
            _mm512_storeu_ps(c0 + 2 * ldc + 16, c21);
            _mm512_storeu_ps(c0 + 3 * ldc, c30);
            _mm512_storeu_ps(c0 + 3 * ldc + 16, c31);
        }
    if (N32 < N && M4 > 0) /* right strip */
        mm_avx2(M4, N - N32, K, A, lda, B + N32, ldb, C + N32, ldc, acc);
    if (M4 < M) /* bottom rows */
        mm_avx2(M - M4, N, K, A + (size_t)M4 * lda, lda, B, ldb, C + (size_t)M4 * ldc, ldc, acc);
}
#endif

void tiplm_set_simd(int level)
{
    simd_wanted = level < 0 ? 0 : level > 2 ? 2 : level;
}

int tiplm_simd_active(void)
{
#if defined(TIPLM_X86)
    if (simd_wanted < 0) {
        const char *e = getenv("TIPLM_SIMD");

        simd_wanted = e && e[0] == '0' ? 0 : e && e[0] == '1' ? 1 : 2;
    }
    if (!simd_wanted || !__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("fma"))
        return 0;
    return simd_wanted >= 2 && __builtin_cpu_supports("avx512f") ? 2 : 1;
#else
    (void)simd_wanted;
    return 0;
#endif
}

const char *tiplm_simd_name(void)
{
    static const char *const names[3] = {"scalar", "avx2", "avx512"};

    return names[tiplm_simd_active()];
}

static void mm(int M, int N, int K, const tiplm_real *A, int lda, const tiplm_real *B, int ldb,
               tiplm_real *C, int ldc, int acc)
{
    int m, n, k;

#if defined(TIPLM_X86)
    const int level = tiplm_simd_active();

    if (level) { /* panels of 256 k, so that B's rows stay in cache */
        int k0;

        for (k0 = 0; k0 < K || k0 == 0; k0 += 256) {
            const int kk = K - k0 < 256 ? K - k0 : 256;

            if (level == 2)
                mm_avx512(M, N, kk, A + k0, lda, B + (size_t)k0 * ldb, ldb, C, ldc, acc || k0 > 0);
            else
                mm_avx2(M, N, kk, A + k0, lda, B + (size_t)k0 * ldb, ldb, C, ldc, acc || k0 > 0);
        }
        return;
    }
#endif
    for (m = 0; m < M; m++) {
        tiplm_real *c = C + (size_t)m * ldc;
        const tiplm_real *a = A + (size_t)m * lda;

        if (!acc)
            for (n = 0; n < N; n++)
                c[n] = 0;
        for (k = 0; k < K; k++) {
            const tiplm_real av = a[k], *b = B + (size_t)k * ldb;

            for (n = 0; n < N; n++)
                c[n] += av * b[n];
        }
    }
}

/* dst[c][r] = src[r][c]; dst has leading dimension rows. */
static void transpose(int rows, int cols, const tiplm_real *src, int lds, tiplm_real *dst)
{
    int r0, c0, r, c;

    for (r0 = 0; r0 < rows; r0 += 16) /* 16 x 16 tiles */
        for (c0 = 0; c0 < cols; c0 += 16) {
            const int r1 = r0 + 16 < rows ? r0 + 16 : rows, c1 = c0 + 16 < cols ? c0 + 16 : cols;

            for (r = r0; r < r1; r++)
                for (c = c0; c < c1; c++)
                    dst[(size_t)c * rows + r] = src[(size_t)r * lds + c];
        }
}

/* C[M x N] (+)= A[M x K] B^T, B is [N x K]. */
static void mm_nt(int M, int N, int K, const tiplm_real *A, const tiplm_real *B, tiplm_real *C,
                  int acc, tiplm_real *tmp)
{
    transpose(N, K, B, K, tmp);
    mm(M, N, K, A, K, tmp, N, C, N, acc);
}

/* C[M x N] += A^T B, A is [K x M], B is [K x N]. */
static void mm_tn(int M, int N, int K, const tiplm_real *A, const tiplm_real *B, tiplm_real *C,
                  tiplm_real *tmp)
{
    transpose(K, M, A, M, tmp);
    mm(M, N, K, tmp, K, B, N, C, N, 1);
}

/* ---- work ---------------------------------------------------------------- */

struct tiplm_work {
    tiplm_config c;
    int cap; /* batch capacity */
    int batch;
    size_t N;
    uint8_t *tok;
    tiplm_real *x;     /* [L+1][N][d] */
    tiplm_real *xmid;  /* [L][N][d] */
    tiplm_real *xn1, *xn2; /* [L][N][d] */
    tiplm_real *r1, *r2;   /* [L][N] */
    tiplm_real *q, *k, *v, *aop; /* [L][N][d] */
    tiplm_real *att;   /* [L][B][H][T][T] */
    tiplm_real *fa, *fb, *fu; /* [L][N][F] */
    tiplm_real *xnf, *rf; /* [N][d], [N] */
    tiplm_real *prob;  /* [N][V] */
    /* scratch */
    tiplm_real *g0, *g1, *g2, *g3, *g4; /* [N][max(d,F)] */
    tiplm_real *tmp;   /* transposes */
    tiplm_real *row;   /* [T] */
    const tiplm_real *hg, *ng;
};

void tiplm_work_free(tiplm_work *w)
{
    if (!w)
        return;
    free(w->tok);
    free(w->x);
    free(w->xmid);
    free(w->xn1);
    free(w->xn2);
    free(w->r1);
    free(w->r2);
    free(w->q);
    free(w->k);
    free(w->v);
    free(w->aop);
    free(w->att);
    free(w->fa);
    free(w->fb);
    free(w->fu);
    free(w->xnf);
    free(w->rf);
    free(w->prob);
    free(w->g0);
    free(w->g1);
    free(w->g2);
    free(w->g3);
    free(w->g4);
    free(w->tmp);
    free(w->row);
    free(w);
}

static tiplm_real *ralloc(size_t n)
{
    return malloc((n ? n : 1) * sizeof(tiplm_real));
}

tiplm_work *tiplm_work_create(const tiplm_config *c, int batch)
{
    tiplm_work *w;
    size_t N, d, f, L, T, mx, tmpn;

    if (tiplm_config_check(c) != 0 || batch < 1)
        return NULL;
    w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->c = *c;
    w->cap = batch;
    T = (size_t)c->ctx;
    N = (size_t)batch * T;
    d = (size_t)c->dim;
    f = (size_t)c->ffn;
    L = (size_t)c->layers;
    mx = d > f ? d : f;
    if ((size_t)c->vocab > mx)
        mx = (size_t)c->vocab;
    tmpn = (N > mx ? N : mx) * mx;
    if (tmpn < T * (T + (T > d ? T : d))) /* attention: dP [T][T] after a [T][max(T,d)] transpose */
        tmpn = T * (T + (T > d ? T : d));
    w->tok = malloc((size_t)batch * (T + 1));
    w->x = ralloc((L + 1) * N * d);
    w->xmid = ralloc(L * N * d);
    w->xn1 = ralloc(L * N * d);
    w->xn2 = ralloc(L * N * d);
    w->r1 = ralloc(L * N);
    w->r2 = ralloc(L * N);
    w->q = ralloc(L * N * d);
    w->k = ralloc(L * N * d);
    w->v = ralloc(L * N * d);
    w->aop = ralloc(L * N * d);
    w->att = ralloc(L * (size_t)batch * (size_t)c->heads * T * T);
    w->fa = ralloc(L * N * f);
    w->fb = ralloc(L * N * f);
    w->fu = ralloc(L * N * f);
    w->xnf = ralloc(N * d);
    w->rf = ralloc(N);
    w->prob = ralloc(N * (size_t)c->vocab);
    w->g0 = ralloc(N * mx);
    w->g1 = ralloc(N * mx);
    w->g2 = ralloc(N * mx);
    w->g3 = ralloc(N * mx);
    w->g4 = ralloc(N * mx);
    w->tmp = ralloc(tmpn);
    w->row = ralloc(T);
    if (!w->tok || !w->x || !w->xmid || !w->xn1 || !w->xn2 || !w->r1 || !w->r2 || !w->q || !w->k ||
        !w->v || !w->aop || !w->att || !w->fa || !w->fb || !w->fu || !w->xnf || !w->rf ||
        !w->prob || !w->g0 || !w->g1 || !w->g2 || !w->g3 || !w->g4 || !w->tmp || !w->row) {
        tiplm_work_free(w);
        return NULL;
    }
    return w;
}

/* ---- forward ------------------------------------------------------------- */

static void rmsnorm(size_t N, int d, const tiplm_real *x, const tiplm_real *g, tiplm_real *y,
                    tiplm_real *rinv)
{
    size_t n;
    int j;

    for (n = 0; n < N; n++) {
        const tiplm_real *xr = x + n * (size_t)d;
        tiplm_real *yr = y + n * (size_t)d, ss = 0, r;

        for (j = 0; j < d; j++)
            ss += xr[j] * xr[j];
        r = R(1) / R_SQRT(ss / R(d) + R(RMS_EPS));
        rinv[n] = r;
        for (j = 0; j < d; j++)
            yr[j] = xr[j] * r * g[j];
    }
}

static tiplm_real sigm(tiplm_real a)
{
    return R(1) / (R(1) + R_EXP(-a));
}

double tiplm_forward(const tiplm_model *m, tiplm_work *w, const uint8_t *tokens, int batch,
                     const tiplm_real *head_gate, const tiplm_real *neuron_gate)
{
    const tiplm_config *c = &m->cfg;
    const int T = c->ctx, d = c->dim, F = c->ffn, H = c->heads, hd = d / H, V = c->vocab;
    const size_t N = (size_t)batch * (size_t)T, Nd = N * (size_t)d, NF = N * (size_t)F;
    const tiplm_real scale = R(1.0 / sqrt((double)hd));
    const tiplm_real *W = m->w;
    double loss = 0;
    size_t n;
    int l, b, h, t, j, i;

    if (batch < 1 || batch > w->cap)
        return (double)NAN;
    w->batch = batch;
    w->N = N;
    w->hg = head_gate;
    w->ng = neuron_gate;
    memcpy(w->tok, tokens, (size_t)batch * (size_t)(T + 1));
    for (b = 0; b < batch; b++)
        for (t = 0; t < T; t++) {
            const tiplm_real *e = W + m->tok_emb + (size_t)tokens[(size_t)b * (T + 1) + t] * d;
            const tiplm_real *p = W + m->pos_emb + (size_t)t * d;
            tiplm_real *x = w->x + ((size_t)b * T + t) * d;

            for (j = 0; j < d; j++)
                x[j] = e[j] + p[j];
        }
    for (l = 0; l < c->layers; l++) {
        const tiplm_layer_off *o = &m->layer[l];
        const tiplm_real *x = w->x + l * Nd;
        tiplm_real *xmid = w->xmid + l * Nd, *xn1 = w->xn1 + l * Nd, *xn2 = w->xn2 + l * Nd;
        tiplm_real *q = w->q + l * Nd, *k = w->k + l * Nd, *v = w->v + l * Nd;
        tiplm_real *aop = w->aop + l * Nd, *xo = w->x + (l + 1) * Nd;
        tiplm_real *fa = w->fa + l * NF, *fb = w->fb + l * NF, *fu = w->fu + l * NF;
        tiplm_real *att = w->att + (size_t)l * batch * H * T * T;
        tiplm_real *ao = w->g0, *u = w->g1;

        rmsnorm(N, d, x, W + o->rms1, xn1, w->r1 + l * N);
        mm((int)N, d, d, xn1, d, W + o->wq, d, q, d, 0);
        mm((int)N, d, d, xn1, d, W + o->wk, d, k, d, 0);
        mm((int)N, d, d, xn1, d, W + o->wv, d, v, d, 0);
        for (b = 0; b < batch; b++)
            for (h = 0; h < H; h++) {
                const size_t base = (size_t)b * T * d + (size_t)(h * hd);
                tiplm_real *P = att + ((size_t)b * H + h) * T * T;

                /* S = Q_h K_h^T (full square; the causal half is overwritten) */
                transpose(T, hd, k + base, d, w->tmp);
                mm(T, T, hd, q + base, d, w->tmp, T, P, T, 0);
                for (i = 0; i < T; i++) {
                    tiplm_real *pr = P + (size_t)i * T, mx = -R(HUGE_VAL), s = 0;

                    for (j = 0; j <= i; j++) {
                        pr[j] *= scale;
                        if (pr[j] > mx)
                            mx = pr[j];
                    }
                    for (j = 0; j <= i; j++) {
                        pr[j] = R_EXP(pr[j] - mx);
                        s += pr[j];
                    }
                    s = R(1) / s;
                    for (j = 0; j <= i; j++)
                        pr[j] *= s;
                    for (j = i + 1; j < T; j++)
                        pr[j] = 0;
                }
                mm(T, hd, T, P, T, v + base, d, aop + base, d, 0); /* O_h = P V_h */
            }
        if (head_gate) {
            for (n = 0; n < N; n++)
                for (h = 0; h < H; h++) {
                    const tiplm_real gh = head_gate[l * H + h];

                    for (j = 0; j < hd; j++)
                        ao[n * d + (size_t)(h * hd + j)] = aop[n * d + (size_t)(h * hd + j)] * gh;
                }
        } else {
            memcpy(ao, aop, Nd * sizeof *ao);
        }
        memcpy(xmid, x, Nd * sizeof *xmid);
        mm((int)N, d, d, ao, d, W + o->wo, d, xmid, d, 1);
        rmsnorm(N, d, xmid, W + o->rms2, xn2, w->r2 + l * N);
        mm((int)N, F, d, xn2, d, W + o->w1, F, fa, F, 0);
        mm((int)N, F, d, xn2, d, W + o->w3, F, fb, F, 0);
        for (n = 0; n < NF; n++) {
            const tiplm_real a = fa[n];

            fu[n] = a * sigm(a) * fb[n];
        }
        if (neuron_gate) {
            for (n = 0; n < N; n++)
                for (j = 0; j < F; j++)
                    u[n * F + (size_t)j] = fu[n * F + (size_t)j] * neuron_gate[l * F + j];
        } else {
            memcpy(u, fu, NF * sizeof *u);
        }
        memcpy(xo, xmid, Nd * sizeof *xo);
        mm((int)N, d, F, u, F, W + o->w2, d, xo, d, 1);
    }
    rmsnorm(N, d, w->x + (size_t)c->layers * Nd, W + m->rmsf, w->xnf, w->rf);
    mm((int)N, V, d, w->xnf, d, W + m->head, V, w->prob, V, 0);
    for (n = 0; n < N; n++) {
        tiplm_real *p = w->prob + n * V, mx = p[0], s = 0, zy;
        const size_t bb = n / (size_t)T, tt = n % (size_t)T;
        const int y = tokens[bb * (size_t)(T + 1) + tt + 1];

        for (j = 1; j < V; j++)
            if (p[j] > mx)
                mx = p[j];
        zy = p[y] - mx;
        for (j = 0; j < V; j++) {
            p[j] = R_EXP(p[j] - mx);
            s += p[j];
        }
        loss += log((double)s) - (double)zy;
        for (j = 0; j < V; j++)
            p[j] /= s;
    }
    return loss / (double)N;
}

/* ---- backward ------------------------------------------------------------ */

/* y = x * r * g: dx += r * (g.dy - xhat * mean(g.dy . xhat)), dg += dy . xhat */
static void rmsnorm_back(size_t N, int d, const tiplm_real *x, const tiplm_real *rinv,
                         const tiplm_real *g, const tiplm_real *dy, tiplm_real *dx, tiplm_real *dg)
{
    size_t n;
    int j;

    for (n = 0; n < N; n++) {
        const tiplm_real *xr = x + n * (size_t)d, *dyr = dy + n * (size_t)d, r = rinv[n];
        tiplm_real *dxr = dx + n * (size_t)d, dot = 0;

        for (j = 0; j < d; j++) {
            const tiplm_real xh = xr[j] * r;

            dot += dyr[j] * g[j] * xh;
            if (dg)
                dg[j] += dyr[j] * xh;
        }
        dot /= R(d);
        for (j = 0; j < d; j++)
            dxr[j] += r * (dyr[j] * g[j] - xr[j] * r * dot);
    }
}

void tiplm_backward(const tiplm_model *m, tiplm_work *w, tiplm_real *grad, double *dhead,
                    double *dneuron)
{
    const tiplm_config *c = &m->cfg;
    const int T = c->ctx, d = c->dim, F = c->ffn, H = c->heads, hd = d / H, V = c->vocab;
    const int batch = w->batch;
    const size_t N = w->N, Nd = N * (size_t)d, NF = N * (size_t)F;
    const tiplm_real scale = R(1.0 / sqrt((double)hd));
    const tiplm_real *W = m->w;
    tiplm_real *dx = w->g0, *dxn = w->g1, *s2 = w->g2, *s3 = w->g3, *s4 = w->g4;
    tiplm_real *G = grad, *gdummy = NULL;
    size_t n;
    int l, b, h, i, j;

    if (!G) { /* gate gradients only: weight gradients go to a scratch array */
        gdummy = calloc(m->n_params, sizeof *gdummy);
        if (!gdummy)
            return;
        G = gdummy;
    }
    /* logits: dz = (p - onehot) / N */
    for (n = 0; n < N; n++) {
        const size_t bb = n / (size_t)T, tt = n % (size_t)T;
        const int y = w->tok[bb * (size_t)(T + 1) + tt + 1];
        tiplm_real *p = w->prob + n * V;

        p[y] -= R(1);
        for (j = 0; j < V; j++)
            p[j] /= R(N);
    }
    mm_tn(d, V, (int)N, w->xnf, w->prob, G + m->head, w->tmp);
    mm_nt((int)N, d, V, w->prob, W + m->head, dxn, 0, w->tmp);
    memset(dx, 0, Nd * sizeof *dx);
    rmsnorm_back(N, d, w->x + (size_t)c->layers * Nd, w->rf, W + m->rmsf, dxn, dx, G + m->rmsf);
    for (l = c->layers - 1; l >= 0; l--) {
        const tiplm_layer_off *o = &m->layer[l];
        const tiplm_real *x = w->x + l * Nd, *xmid = w->xmid + l * Nd;
        const tiplm_real *xn1 = w->xn1 + l * Nd, *xn2 = w->xn2 + l * Nd;
        const tiplm_real *q = w->q + l * Nd, *k = w->k + l * Nd, *v = w->v + l * Nd;
        const tiplm_real *aop = w->aop + l * Nd;
        const tiplm_real *fa = w->fa + l * NF, *fb = w->fb + l * NF, *fu = w->fu + l * NF;
        const tiplm_real *att = w->att + (size_t)l * batch * H * T * T;
        const tiplm_real *hg = w->hg ? w->hg + l * H : NULL, *ng = w->ng ? w->ng + l * F : NULL;

        /* FFN: x_out = xmid + u W2, u = ng * silu(fa) * fb */
        if (ng) {
            for (n = 0; n < N; n++)
                for (j = 0; j < F; j++)
                    s2[n * F + (size_t)j] = fu[n * F + (size_t)j] * ng[j];
        } else {
            memcpy(s2, fu, NF * sizeof *s2);
        }
        mm_tn(F, d, (int)N, s2, dx, G + o->w2, w->tmp);
        mm_nt((int)N, F, d, dx, W + o->w2, s3, 0, w->tmp); /* s3 = du (gated) */
        if (dneuron)
            for (n = 0; n < N; n++)
                for (j = 0; j < F; j++)
                    dneuron[l * F + j] += (double)(fu[n * F + (size_t)j] * s3[n * F + (size_t)j]);
        for (n = 0; n < N; n++)
            for (j = 0; j < F; j++) {
                const size_t ix = n * F + (size_t)j;
                const tiplm_real du = ng ? s3[ix] * ng[j] : s3[ix], a = fa[ix], sg = sigm(a);

                s3[ix] = du * fb[ix] * sg * (R(1) + a * (R(1) - sg)); /* d fa */
                s4[ix] = du * a * sg;                                 /* d fb */
            }
        mm_tn(d, F, (int)N, xn2, s3, G + o->w1, w->tmp);
        mm_tn(d, F, (int)N, xn2, s4, G + o->w3, w->tmp);
        mm_nt((int)N, d, F, s3, W + o->w1, dxn, 0, w->tmp);
        mm_nt((int)N, d, F, s4, W + o->w3, dxn, 1, w->tmp);
        /* dx now = d xmid (residual) + norm path */
        rmsnorm_back(N, d, xmid, w->r2 + l * N, W + o->rms2, dxn, dx, G + o->rms2);
        /* attention: xmid = x + ao Wo, ao = hg * aop */
        if (hg) {
            for (n = 0; n < N; n++)
                for (h = 0; h < H; h++)
                    for (j = 0; j < hd; j++)
                        s2[n * d + (size_t)(h * hd + j)] = aop[n * d + (size_t)(h * hd + j)] * hg[h];
        } else {
            memcpy(s2, aop, Nd * sizeof *s2);
        }
        mm_tn(d, d, (int)N, s2, dx, G + o->wo, w->tmp);
        mm_nt((int)N, d, d, dx, W + o->wo, s3, 0, w->tmp); /* s3 = d ao (gated) */
        if (dhead)
            for (n = 0; n < N; n++)
                for (h = 0; h < H; h++) {
                    double acc = 0;

                    for (j = 0; j < hd; j++)
                        acc += (double)(aop[n * d + (size_t)(h * hd + j)] *
                                        s3[n * d + (size_t)(h * hd + j)]);
                    dhead[l * H + h] += acc;
                }
        if (hg)
            for (n = 0; n < N; n++)
                for (h = 0; h < H; h++)
                    for (j = 0; j < hd; j++)
                        s3[n * d + (size_t)(h * hd + j)] *= hg[h];
        /* s2 = dq, s4 = dk, dxn = dv (all [N][d]) */
        for (b = 0; b < batch; b++)
            for (h = 0; h < H; h++) {
                const size_t base = (size_t)b * T * d + (size_t)(h * hd);
                const tiplm_real *P = att + ((size_t)b * H + h) * T * T;
                tiplm_real *tr = w->tmp, *dP = w->tmp + (size_t)T * (size_t)(T > d ? T : d);

                transpose(T, hd, v + base, d, tr); /* dP = dO V_h^T */
                mm(T, T, hd, s3 + base, d, tr, T, dP, T, 0);
                transpose(T, T, P, T, tr); /* dV_h = P^T dO */
                mm(T, hd, T, tr, T, s3 + base, d, dxn + base, d, 0);
                for (i = 0; i < T; i++) { /* dS = P (dP - rowsum(P dP)) * scale */
                    const tiplm_real *pr = P + (size_t)i * T;
                    tiplm_real *dr = dP + (size_t)i * T, sum = 0;

                    for (j = 0; j <= i; j++)
                        sum += pr[j] * dr[j];
                    for (j = 0; j <= i; j++)
                        dr[j] = pr[j] * (dr[j] - sum) * scale;
                    for (j = i + 1; j < T; j++)
                        dr[j] = 0;
                }
                mm(T, hd, T, dP, T, k + base, d, s2 + base, d, 0); /* dQ_h = dS K_h */
                transpose(T, T, dP, T, tr);                        /* dK_h = dS^T Q_h */
                mm(T, hd, T, tr, T, q + base, d, s4 + base, d, 0);
            }
        mm_tn(d, d, (int)N, xn1, s2, G + o->wq, w->tmp);
        mm_tn(d, d, (int)N, xn1, s4, G + o->wk, w->tmp);
        mm_tn(d, d, (int)N, xn1, dxn, G + o->wv, w->tmp);
        mm_nt((int)N, d, d, dxn, W + o->wv, s3, 0, w->tmp);
        mm_nt((int)N, d, d, s2, W + o->wq, s3, 1, w->tmp);
        mm_nt((int)N, d, d, s4, W + o->wk, s3, 1, w->tmp);
        rmsnorm_back(N, d, x, w->r1 + l * N, W + o->rms1, s3, dx, G + o->rms1);
    }
    for (b = 0; b < batch; b++)
        for (i = 0; i < T; i++) {
            const tiplm_real *g = dx + ((size_t)b * T + i) * d;
            tiplm_real *ge = G + m->tok_emb + (size_t)w->tok[(size_t)b * (T + 1) + i] * d;
            tiplm_real *gp = G + m->pos_emb + (size_t)i * d;

            for (j = 0; j < d; j++) {
                ge[j] += g[j];
                gp[j] += g[j];
            }
        }
    free(gdummy);
}

/* ---- training ------------------------------------------------------------ */

void tiplm_train_opts_default(tiplm_train_opts *o)
{
    memset(o, 0, sizeof *o);
    o->steps = 2000;
    o->batch = 16;
    o->lr = 3e-3;
    o->warmup = 0.05;
    o->beta1 = 0.9;
    o->beta2 = 0.95;
    o->eps = 1e-8;
    o->weight_decay = 0.1;
    o->clip = 1.0;
    o->seed = 1;
    o->eval_every = 0;
    o->eval_windows = 256;
}

#include <time.h>

static double now_s(void)
{
    return (double)clock() / (double)CLOCKS_PER_SEC;
}

static int is_matrix(const tiplm_model *m, size_t i)
{
    int l;

    if (i >= m->head)
        return 1;
    if (i < m->rmsf && i >= m->pos_emb + (size_t)m->cfg.ctx * m->cfg.dim) {
        for (l = 0; l < m->cfg.layers; l++) {
            const tiplm_layer_off *o = &m->layer[l];

            if ((i >= o->rms1 && i < o->wq) || (i >= o->rms2 && i < o->w1))
                return 0;
        }
        return 1;
    }
    return 0;
}

int tiplm_train(tiplm_model *m, const tiplm_data *d, const tiplm_train_opts *o, double *train_tok_s)
{
    const tiplm_config *c = &m->cfg;
    const size_t T = (size_t)c->ctx, np = m->n_params;
    tiplm_work *w = tiplm_work_create(c, o->batch);
    tiplm_real *g = calloc(np, sizeof *g), *am = calloc(np, sizeof *am), *av = calloc(np, sizeof *av);
    uint8_t *tok = malloc((size_t)o->batch * (T + 1)), *wd = malloc(np);
    uint64_t rs = o->seed ^ 0x5DEECE66DULL;
    double t0, tsum = 0, b1p = 1, b2p = 1;
    long step;
    size_t i;
    int rc = 0;

    if (!w || !g || !am || !av || !tok || !wd || d->n_train < T + 2) {
        rc = -1;
        goto done;
    }
    for (i = 0; i < np; i++)
        wd[i] = (uint8_t)is_matrix(m, i);
    for (step = 0; step < o->steps; step++) {
        double loss, gn = 0, lr, frac, clipf = 1;
        long wu = (long)(o->warmup * (double)o->steps);
        int bi;

        t0 = now_s();
        for (bi = 0; bi < o->batch; bi++) {
            size_t a = (size_t)(rng_next(&rs) % (uint64_t)(d->n_train - T - 1));

            memcpy(tok + (size_t)bi * (T + 1), d->train + a, T + 1);
        }
        memset(g, 0, np * sizeof *g);
        loss = tiplm_forward(m, w, tok, o->batch, NULL, NULL);
        tiplm_backward(m, w, g, NULL, NULL);
        for (i = 0; i < np; i++)
            gn += (double)g[i] * (double)g[i];
        gn = sqrt(gn);
        if (o->clip > 0 && gn > o->clip)
            clipf = o->clip / gn;
        if (step < wu)
            lr = o->lr * (double)(step + 1) / (double)wu;
        else {
            frac = o->steps > wu ? (double)(step - wu) / (double)(o->steps - wu) : 1.0;
            lr = o->lr * (0.1 + 0.9 * 0.5 * (1.0 + cos(3.141592653589793 * frac)));
        }
        b1p *= o->beta1;
        b2p *= o->beta2;
        {
            const tiplm_real B1 = R(o->beta1), B2 = R(o->beta2), cf = R(clipf);
            const tiplm_real lr1 = R(lr / (1.0 - b1p)), bc2 = R(1.0 / (1.0 - b2p));
            const tiplm_real dec = R(1.0 - lr * o->weight_decay), ep = R(o->eps);

            for (i = 0; i < np; i++) {
                const tiplm_real gi = g[i] * cf;

                am[i] = B1 * am[i] + (R(1) - B1) * gi;
                av[i] = B2 * av[i] + (R(1) - B2) * gi * gi;
                if (wd[i])
                    m->w[i] *= dec;
                m->w[i] -= lr1 * am[i] / (R_SQRT(av[i] * bc2) + ep);
            }
        }
        tsum += now_s() - t0;
        if (o->verbose && (step % 50 == 0 || step + 1 == o->steps))
            fprintf(stderr, "step %ld loss %.4f bpb %.4f lr %.2e gnorm %.3f %.0f tok/s\n", step, loss,
                    loss / log(2.0), lr, gn,
                    (double)(step + 1) * (double)o->batch * (double)T / (tsum > 0 ? tsum : 1));
        if (o->eval_every > 0 && (step + 1) % o->eval_every == 0 && step + 1 < o->steps) {
            tiplm_evaluator e;
            double vl = (double)NAN;

            if (tiplm_evaluator_create(&e, m, d, TIPLM_MASK_STRUCTURED, o->eval_windows) == 0) {
                tiplm_eval(NULL, &e, &vl);
                tiplm_evaluator_free(&e);
            }
            fprintf(stderr, "step %ld val loss %.4f bpb %.4f\n", step + 1, vl, vl / log(2.0));
        }
    }
    if (train_tok_s)
        *train_tok_s = (double)o->steps * (double)o->batch * (double)T / (tsum > 0 ? tsum : 1);
done:
    tiplm_work_free(w);
    free(g);
    free(am);
    free(av);
    free(tok);
    free(wd);
    return rc;
}

/* ---- masks, evaluation --------------------------------------------------- */

int tiplm_n_matrices(const tiplm_config *c)
{
    return 7 * c->layers;
}

void tiplm_matrix_at(const tiplm_model *m, int i, tiplm_matrix *out)
{
    static const char *const names[7] = {"wq", "wk", "wv", "wo", "w1", "w3", "w2"};
    const int d = m->cfg.dim, F = m->cfg.ffn, l = i / 7, k = i % 7;
    const tiplm_layer_off *o = &m->layer[l];
    const size_t offs[7] = {o->wq, o->wk, o->wv, o->wo, o->w1, o->w3, o->w2};
    const size_t per = 4 * (size_t)d * d + 3 * (size_t)d * F;
    const size_t firsts[7] = {0, (size_t)d * d, 2 * (size_t)d * d, 3 * (size_t)d * d,
                              4 * (size_t)d * d, 4 * (size_t)d * d + (size_t)d * F,
                              4 * (size_t)d * d + 2 * (size_t)d * F};

    out->name = names[k];
    out->layer = l;
    out->offset = offs[k];
    out->rows = k == 6 ? F : d;
    out->cols = k == 4 || k == 5 ? F : d;
    out->first = (size_t)l * per + firsts[k];
}

size_t tiplm_n_prunable(const tiplm_config *c)
{
    return (size_t)c->layers * (4 * (size_t)c->dim * c->dim + 3 * (size_t)c->dim * c->ffn);
}

size_t tiplm_mask_len(const tiplm_config *c, int kind)
{
    if (kind == TIPLM_MASK_STRUCTURED)
        return (size_t)c->layers * (size_t)(c->heads + c->ffn);
    if (kind == TIPLM_MASK_WEIGHTS)
        return tiplm_n_prunable(c);
    return 0;
}

size_t tiplm_act_norm_len(const tiplm_config *c)
{
    return (size_t)c->layers * (6 * (size_t)c->dim + (size_t)c->ffn);
}

int tiplm_evaluator_create(tiplm_evaluator *e, const tiplm_model *m, const tiplm_data *d, int kind,
                           size_t windows)
{
    const tiplm_config *c = &m->cfg;
    size_t nw = tiplm_val_windows(d, c);

    memset(e, 0, sizeof *e);
    if ((kind != TIPLM_MASK_STRUCTURED && kind != TIPLM_MASK_WEIGHTS) || nw == 0)
        return -1;
    e->model = m;
    e->data = d;
    e->kind = kind;
    e->windows = windows == 0 || windows > nw ? nw : windows;
    e->batch = e->windows < 16 ? (int)e->windows : 16;
    e->work = tiplm_work_create(c, e->batch);
    e->tok = malloc((size_t)e->batch * (size_t)(c->ctx + 1));
    e->hg = ralloc((size_t)c->layers * (size_t)c->heads);
    e->ng = ralloc((size_t)c->layers * (size_t)c->ffn);
    if (!e->work || !e->tok || !e->hg || !e->ng ||
        (kind == TIPLM_MASK_WEIGHTS && tiplm_model_clone(&e->scratch, m) != 0)) {
        tiplm_evaluator_free(e);
        return -1;
    }
    return 0;
}

void tiplm_evaluator_free(tiplm_evaluator *e)
{
    if (!e)
        return;
    tiplm_work_free(e->work);
    free(e->tok);
    free(e->hg);
    free(e->ng);
    tiplm_model_free(&e->scratch);
    memset(e, 0, sizeof *e);
}

int tiplm_eval(const uint8_t *mask, void *user, double *loss)
{
    tiplm_evaluator *e = user;
    const tiplm_model *m;
    const tiplm_real *hg = NULL, *ng = NULL;
    double sum = 0;
    size_t i, done;

    if (loss)
        *loss = (double)NAN;
    if (!e || !loss || !e->model || !e->work)
        return -1;
    m = e->model;
    e->calls++;
    if (mask && e->kind == TIPLM_MASK_STRUCTURED) {
        const size_t nh = (size_t)m->cfg.layers * (size_t)m->cfg.heads;

        for (i = 0; i < nh; i++)
            e->hg[i] = mask[i] ? R(1) : R(0);
        for (i = 0; i < (size_t)m->cfg.layers * (size_t)m->cfg.ffn; i++)
            e->ng[i] = mask[nh + i] ? R(1) : R(0);
        hg = e->hg;
        ng = e->ng;
    } else if (mask) { /* WEIGHTS: zero the pruned weights of a copy */
        int k;

        memcpy(e->scratch.w, m->w, m->n_params * sizeof *m->w);
        for (k = 0; k < tiplm_n_matrices(&m->cfg); k++) {
            tiplm_matrix mt;
            size_t j, nmt;

            tiplm_matrix_at(m, k, &mt);
            nmt = (size_t)mt.rows * (size_t)mt.cols;
            for (j = 0; j < nmt; j++)
                if (!mask[mt.first + j])
                    e->scratch.w[mt.offset + j] = 0;
        }
        m = &e->scratch;
    }
    for (done = 0; done < e->windows;) {
        const int nb = e->windows - done < (size_t)e->batch ? (int)(e->windows - done) : e->batch;
        int b;
        double l;

        for (b = 0; b < nb; b++)
            tiplm_window(e->data, &m->cfg, 1, done + (size_t)b,
                         e->tok + (size_t)b * (size_t)(m->cfg.ctx + 1));
        l = tiplm_forward(m, e->work, e->tok, nb, hg, ng);
        if (!(l == l))
            return -1;
        sum += l * nb;
        done += (size_t)nb;
    }
    *loss = sum / (double)e->windows;
    return 0;
}

static int taylor_impl(const tiplm_model *m, const tiplm_data *d, size_t windows, int batch,
                       double *structured, double *structured_sq, double *weights, double *act_norm);

int tiplm_taylor(const tiplm_model *m, const tiplm_data *d, size_t windows, int batch,
                 double *structured, double *weights, double *act_norm)
{
    return taylor_impl(m, d, windows, batch, structured, NULL, weights, act_norm);
}

int tiplm_taylor_sq(const tiplm_model *m, const tiplm_data *d, size_t windows, int batch,
                    double *structured_sq)
{
    if (!structured_sq)
        return -1;
    return taylor_impl(m, d, windows, batch, NULL, structured_sq, NULL, NULL);
}

static int taylor_impl(const tiplm_model *m, const tiplm_data *d, size_t windows, int batch,
                       double *structured, double *structured_sq, double *weights, double *act_norm)
{
    const tiplm_config *c = &m->cfg;
    const size_t T = (size_t)c->ctx, ns = tiplm_mask_len(c, TIPLM_MASK_STRUCTURED);
    const size_t nan_ = tiplm_act_norm_len(c);
    tiplm_work *w;
    tiplm_real *gb = NULL;
    double *g = NULL, *th = NULL;
    uint8_t *tok;
    size_t done, i;
    int rc = 0;

    if (windows == 0 || batch < 1 || d->n_train < T + 2)
        return -1;
    w = tiplm_work_create(c, batch);
    tok = malloc((size_t)batch * (T + 1));
    if (weights) {
        g = calloc(m->n_params, sizeof *g);
        gb = calloc(m->n_params, sizeof *gb);
    }
    if (structured || structured_sq)
        th = calloc(ns, sizeof *th);
    if (!w || !tok || (weights && (!g || !gb)) || ((structured || structured_sq) && !th)) {
        rc = -1;
        goto done;
    }
    if (structured)
        memset(structured, 0, ns * sizeof *structured);
    if (structured_sq)
        memset(structured_sq, 0, ns * sizeof *structured_sq);
    if (act_norm)
        memset(act_norm, 0, nan_ * sizeof *act_norm);
    for (done = 0; done < windows;) {
        const int nb = windows - done < (size_t)batch ? (int)(windows - done) : batch;
        const size_t N = (size_t)nb * T, Nd = N * (size_t)c->dim, NF = N * (size_t)c->ffn;
        int b, l;

        for (b = 0; b < nb; b++)
            tiplm_window(d, c, 0, done + (size_t)b, tok + (size_t)b * (T + 1));
        tiplm_forward(m, w, tok, nb, NULL, NULL);
        if (act_norm) {
            double *an = act_norm;

            for (l = 0; l < c->layers; l++) {
                const tiplm_real *srcs[4] = {w->xn1 + l * Nd, w->aop + l * Nd, w->xn2 + l * Nd,
                                             w->fu + l * NF};
                const int cols[4] = {c->dim, c->dim, c->dim, c->ffn};
                double *dst[4];
                int s, j;
                size_t n;

                /* per layer: wq wk wv (xn1), wo (ao), w1 w3 (xn2), w2 (u) */
                dst[0] = an;
                dst[1] = an + 3 * c->dim;
                dst[2] = an + 4 * c->dim;
                dst[3] = an + 6 * c->dim;
                for (s = 0; s < 4; s++)
                    for (n = 0; n < N; n++)
                        for (j = 0; j < cols[s]; j++) {
                            const double x = (double)srcs[s][n * (size_t)cols[s] + (size_t)j];

                            dst[s][j] += x * x;
                        }
                an += 6 * c->dim + c->ffn;
            }
        }
        /* the gradient of the mean over all windows: each batch's mean weighted by its share */
        {
            const double sc = (double)nb / (double)windows;

            if (th)
                memset(th, 0, ns * sizeof *th);
            if (gb)
                memset(gb, 0, m->n_params * sizeof *gb);
            tiplm_backward(m, w, gb, th, th ? th + (size_t)c->layers * (size_t)c->heads : NULL);
            if (structured)
                for (i = 0; i < ns; i++)
                    structured[i] += th[i] * sc;
            if (structured_sq)
                for (i = 0; i < ns; i++)
                    structured_sq[i] += th[i] * th[i] * sc;
            if (gb)
                for (i = 0; i < m->n_params; i++)
                    g[i] += (double)gb[i] * sc;
        }
        done += (size_t)nb;
    }
    if (act_norm) {
        const size_t dd = (size_t)c->dim;
        int l;

        for (i = 0; i < nan_; i++)
            act_norm[i] = sqrt(act_norm[i]);
        for (l = 0; l < c->layers; l++) { /* wk, wv share wq's input; w3 shares w1's */
            double *an = act_norm + (size_t)l * (6 * dd + (size_t)c->ffn);

            memcpy(an + dd, an, dd * sizeof *an);
            memcpy(an + 2 * dd, an, dd * sizeof *an);
            memcpy(an + 5 * dd, an + 4 * dd, dd * sizeof *an);
        }
    }
    if (weights) {
        int k;

        for (k = 0; k < tiplm_n_matrices(c); k++) {
            tiplm_matrix mt;
            size_t j, nmt;

            tiplm_matrix_at(m, k, &mt);
            nmt = (size_t)mt.rows * (size_t)mt.cols;
            for (j = 0; j < nmt; j++)
                weights[mt.first + j] = g[mt.offset + j] * (double)m->w[mt.offset + j];
        }
    }
done:
    tiplm_work_free(w);
    free(tok);
    free(g);
    free(gb);
    free(th);
    return rc;
}
