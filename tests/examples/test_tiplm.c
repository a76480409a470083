/* SPDX-License-Identifier: MIT */
/*
 * examples/tiplm: the tiny transformer's gradients against central finite
 * differences (every weight, the head and neuron gates, the Taylor g.w), the
 * pruning masks against the gates they stand for, determinism, the checkpoint
 * round trip, and that AdamW learns a simple text.
 *
 * Built twice: -DTIPLM_DOUBLE (test_tiplm: tight finite-difference tolerances)
 * and float (test_tiplm_f: the AVX2 kernel against the scalar one, looser
 * tolerances). THERMOAI_TEST_QUICK=1 checks every 13th weight.
 */
#include "../../examples/tiplm/tiplm.h"
#include "../harness/tap.h"

#include <stdlib.h>

#if defined(TIPLM_DOUBLE) && defined(FDH)
#  define FD_H FDH
#  define FD_RTOL 1e-5
#  define FD_ATOL 1e-8
#elif defined(TIPLM_DOUBLE)
#  define FD_H 1e-6
#  define FD_RTOL 1e-5
#  define FD_ATOL 1e-8
#else
#  ifndef FDH
#    define FDH 5e-3
#  endif
#  define FD_H FDH
#  define FD_RTOL 0.05
#  define FD_ATOL 1e-3
#endif

static uint64_t st = 88172645463325252ULL;

static double unit(void)
{
    st ^= st << 13;
    st ^= st >> 7;
    st ^= st << 17;
    return (double)(st >> 11) / 9007199254740992.0;
}

/* A text with structure: words from a small vocabulary, spaces and newlines. */
static uint8_t *make_text(size_t n)
{
    static const char *const words[] = {"the", "and", "of", "lord", "god", "unto", "said",
                                        "land", "shall", "thy", "he", "his"};
    uint8_t *t = malloc(n);
    size_t i = 0;

    while (t && i < n) {
        const char *w = words[(size_t)(unit() * 12) % 12];

        while (*w && i < n)
            t[i++] = (uint8_t)*w++;
        if (i < n)
            t[i++] = unit() < 0.1 ? '\n' : ' ';
    }
    return t;
}

/* Makes the weights O(1) so that every path carries a visible gradient. */
#if defined(TIPLM_DOUBLE)
#  define ROUGH 6.0
#else
#  define ROUGH 3.0
#endif
static void roughen(tiplm_model *m)
{
    size_t i;

    for (i = 0; i < m->n_params; i++)
        m->w[i] = (tiplm_real)((double)m->w[i] * ROUGH + 0.05 * (unit() - 0.5));
}

static int close_enough(double fd, double an)
{
    return fabs(fd - an) <= FD_ATOL + FD_RTOL * fabs(an) + FD_RTOL * fabs(fd);
}

static double loss_at(const tiplm_model *m, tiplm_work *w, const uint8_t *tok, int batch,
                      const tiplm_real *hg, const tiplm_real *ng)
{
    return tiplm_forward(m, w, tok, batch, hg, ng);
}

static void test_gradients(int quick)
{
    tiplm_config c;
    tiplm_model m;
    tiplm_work *w;
    uint8_t *text = make_text(4000), tok[2 * 9];
    tiplm_real *g, hg[4], ng[48];
    double dh[4] = {0}, dn[48] = {0}, worst = 0;
    size_t i, bad = 0, checked = 0, step = quick ? 13 : 1;
    int k;

    tap_ok(tiplm_config_preset(&c, "tiny") == 0 && c.layers * c.heads == 4 && c.layers * c.ffn == 48,
           "tiny preset: 2 layers, 2 heads, 24 neurons");
    tap_ok(tiplm_model_init(&m, &c, 7) == 0, "model init");
    roughen(&m);
    w = tiplm_work_create(&c, 2);
    g = calloc(m.n_params, sizeof *g);
    memcpy(tok, text + 100, 18);
    for (k = 0; k < 4; k++)
        hg[k] = (tiplm_real)(0.5 + unit());
    for (k = 0; k < 48; k++)
        ng[k] = (tiplm_real)(0.5 + unit());
    loss_at(&m, w, tok, 2, hg, ng);
    tiplm_backward(&m, w, g, dh, dn);
    for (i = 0; i < m.n_params; i += step) {
        const tiplm_real w0 = m.w[i];
        double lp, lm, fd;

        m.w[i] = (tiplm_real)((double)w0 + FD_H);
        lp = loss_at(&m, w, tok, 2, hg, ng);
        m.w[i] = (tiplm_real)((double)w0 - FD_H);
        lm = loss_at(&m, w, tok, 2, hg, ng);
        m.w[i] = w0;
        fd = (lp - lm) / (2 * FD_H);
        checked++;
        if (!close_enough(fd, (double)g[i])) {
            if (bad < 5)
                tap_diag("weight %zu: fd %.10g analytic %.10g", i, fd, (double)g[i]);
            bad++;
        }
        if (fabs(fd - (double)g[i]) > worst)
            worst = fabs(fd - (double)g[i]);
    }
    tap_ok(bad == 0, "d loss / d weight matches central differences at %zu of %zu weights (worst "
           "abs error %.3g)", checked - bad, checked, worst);
    bad = 0;
    for (k = 0; k < 4 + 48; k++) {
        tiplm_real *gp = k < 4 ? &hg[k] : &ng[k - 4];
        const tiplm_real g0 = *gp;
        const double an = k < 4 ? dh[k] : dn[k - 4];
        double lp, lm, fd;

        *gp = (tiplm_real)((double)g0 + FD_H);
        lp = loss_at(&m, w, tok, 2, hg, ng);
        *gp = (tiplm_real)((double)g0 - FD_H);
        lm = loss_at(&m, w, tok, 2, hg, ng);
        *gp = g0;
        fd = (lp - lm) / (2 * FD_H);
        if (!close_enough(fd, an)) {
            tap_diag("gate %d: fd %.10g analytic %.10g", k, fd, an);
            bad++;
        }
    }
    tap_ok(bad == 0, "d loss / d gate matches central differences for 4 heads and 48 neurons");
    free(g);
    free(text);
    tiplm_work_free(w);
    tiplm_model_free(&m);
}

static void test_masks_and_taylor(void)
{
    tiplm_config c;
    tiplm_model m;
    tiplm_data d;
    tiplm_evaluator es, ew;
    tiplm_work *w;
    uint8_t *text = make_text(20 * TIPLM_BLOCK + 1000), *mask, *wm;
    double ldense, lmask, lgate, lw, st_[52], *wt, sum = 0, fd;
    tiplm_real hg[4] = {1, 1, 1, 1}, ng[48];
    size_t ns, np, i, nwin = 6;
    tiplm_matrix mt;
    int k, b;

    tiplm_config_preset(&c, "tiny");
    tiplm_model_init(&m, &c, 3);
    roughen(&m);
    k = tiplm_data_from_bytes(&d, text, 20 * TIPLM_BLOCK + 1000);
    tap_ok(k == 0 &&
               d.n_val == TIPLM_BLOCK && d.n_train == 19 * TIPLM_BLOCK + 1000,
           "split: block 19 of 21 is validation (%zu / %zu bytes)", d.n_val, d.n_train);
    tap_ok(memcmp(d.val, text + 19 * TIPLM_BLOCK, TIPLM_BLOCK) == 0, "validation bytes are block 19");
    ns = tiplm_mask_len(&c, TIPLM_MASK_STRUCTURED);
    np = tiplm_n_prunable(&c);
    tap_ok(ns == 52 && np == (size_t)2 * (4 * 16 * 16 + 3 * 16 * 24), "mask lengths %zu, %zu", ns, np);
    tiplm_matrix_at(&m, 13, &mt);
    tap_ok(!strcmp(mt.name, "w2") && mt.layer == 1 && mt.rows == 24 && mt.cols == 16 &&
               mt.first + (size_t)mt.rows * mt.cols == np,
           "the last prunable matrix is layer 1's w2 and ends the weight mask");
    tap_ok(tiplm_evaluator_create(&es, &m, &d, TIPLM_MASK_STRUCTURED, 5) == 0 &&
               tiplm_evaluator_create(&ew, &m, &d, TIPLM_MASK_WEIGHTS, 5) == 0,
           "evaluators");
    k = tiplm_eval(NULL, &es, &ldense);
    tap_ok(k == 0 && isfinite(ldense), "dense eval %.6f", ldense);
    tap_ok(tiplm_eval(NULL, &es, NULL) == -1 && tiplm_eval(NULL, NULL, &lw) == -1 && isnan(lw),
           "eval: NULL loss or context is refused, loss NaN");
    mask = malloc(ns);
    wm = malloc(np);
    memset(mask, 1, ns);
    tap_ok(tiplm_eval(mask, &es, &lmask) == 0 && lmask == ldense, "all-ones mask = dense");
    /* prune head 1 of layer 0 and neuron 5 of layer 1 */
    mask[1] = 0;
    mask[4 + 24 + 5] = 0;
    tiplm_eval(mask, &es, &lmask);
    for (k = 0; k < 48; k++)
        ng[k] = 1;
    hg[1] = 0;
    ng[24 + 5] = 0;
    w = tiplm_work_create(&c, 5);
    {
        uint8_t tok[5 * 9];

        for (b = 0; b < 5; b++)
            tiplm_window(&d, &c, 1, (size_t)b, tok + b * 9);
        lgate = tiplm_forward(&m, w, tok, 5, hg, ng);
    }
    tap_ok(lmask != ldense && fabs(lmask - lgate) <= 1e-12 * fabs(lgate),
           "structured mask = gates at 0 (%.9f vs %.9f)", lmask, lgate);
    /* the same removal as weights: Wo rows of head 1 of layer 0, W2 row 5 of layer 1 */
    memset(wm, 1, np);
    tiplm_matrix_at(&m, 3, &mt); /* layer 0 wo: rows = inputs = head dims */
    for (i = 8; i < 16; i++)
        memset(wm + mt.first + i * (size_t)mt.cols, 0, (size_t)mt.cols);
    tiplm_matrix_at(&m, 13, &mt); /* layer 1 w2 */
    memset(wm + mt.first + 5 * (size_t)mt.cols, 0, (size_t)mt.cols);
    k = tiplm_eval(wm, &ew, &lw);
    tap_ok(k == 0 && fabs(lw - lgate) <= 1e-5 * fabs(lgate),
           "weight mask of the same rows = structured removal (%.9f vs %.9f)", lw, lgate);
    tap_ok(tiplm_eval(NULL, &ew, &lw) == 0 && lw == ldense, "weight evaluator restores the dense model");
    /* Taylor g.w against finite differences of the mean calibration loss */
    wt = malloc(np * sizeof *wt);
    tap_ok(tiplm_taylor(&m, &d, nwin, 4, st_, wt, NULL) == 0, "taylor over 6 windows in batches of 4");
    {
        uint8_t tok[6 * 9];
        tiplm_work *w6 = tiplm_work_create(&c, 6);
        tiplm_real g1[4] = {1, 1, 1, 1}, g2[48];
        double lp, lm, an;
        int bad = 0;
        const int probe[4] = {0, 3, 4 + 7, 4 + 24 + 20};
        size_t wi;

        for (b = 0; b < 6; b++)
            tiplm_window(&d, &c, 0, (size_t)b, tok + b * 9);
        for (k = 0; k < 48; k++)
            g2[k] = 1;
        for (k = 0; k < 4; k++) {
            tiplm_real *gp = probe[k] < 4 ? &g1[probe[k]] : &g2[probe[k] - 4];

            *gp = (tiplm_real)(1 + FD_H);
            lp = tiplm_forward(&m, w6, tok, 6, g1, g2);
            *gp = (tiplm_real)(1 - FD_H);
            lm = tiplm_forward(&m, w6, tok, 6, g1, g2);
            *gp = 1;
            fd = (lp - lm) / (2 * FD_H);
            if (!close_enough(fd, st_[probe[k]])) {
                tap_diag("taylor component %d: fd %.10g got %.10g", probe[k], fd, st_[probe[k]]);
                bad++;
            }
        }
        tap_ok(bad == 0, "taylor structured = d(mean calibration loss)/d(gate)");
        /* sum of g.w over w2 row f of layer 1 = the neuron's gate derivative */
        tiplm_matrix_at(&m, 13, &mt);
        for (i = 0; i < (size_t)mt.cols; i++)
            sum += wt[mt.first + 20 * (size_t)mt.cols + i];
        tap_ok(fabs(sum - st_[4 + 24 + 20]) <= 1e-4 * fabs(st_[4 + 24 + 20]) + 1e-9,
               "sum of g.w over a neuron's W2 row = its gate derivative (%.9g vs %.9g)", sum,
               st_[4 + 24 + 20]);
        /* one weight of layer 0 wq by finite differences */
        tiplm_matrix_at(&m, 0, &mt);
        wi = mt.offset + 37;
        {
            const tiplm_real w0 = m.w[wi];

            m.w[wi] = (tiplm_real)((double)w0 + FD_H);
            lp = tiplm_forward(&m, w6, tok, 6, NULL, NULL);
            m.w[wi] = (tiplm_real)((double)w0 - FD_H);
            lm = tiplm_forward(&m, w6, tok, 6, NULL, NULL);
            m.w[wi] = w0;
            an = wt[mt.first + 37];
            fd = (lp - lm) / (2 * FD_H) * (double)w0;
        }
        tap_ok(close_enough(fd, an), "taylor weight g.w of wq[2][5] (%.9g vs %.9g)", fd, an);
        tiplm_work_free(w6);
    }
    {
        double *an = malloc(tiplm_act_norm_len(&c) * sizeof *an);

        tap_ok(an && tiplm_taylor(&m, &d, nwin, 4, NULL, NULL, an) == 0 && an[0] > 0 &&
                   an[0] == an[16] && an[0] == an[32] && an[64] == an[80],
               "activation norms: wk, wv share wq's inputs, w3 shares w1's");
        free(an);
    }
    {
        double one[52], sq1[52], sqw[52];
        int ok1 = 1, okw = 1;

        tiplm_taylor(&m, &d, nwin, 6, one, NULL, NULL);
        tiplm_taylor_sq(&m, &d, nwin, 6, sq1);
        tiplm_taylor_sq(&m, &d, nwin, 1, sqw);
        for (k = 0; k < 52; k++) {
            if (fabs(sq1[k] - one[k] * one[k]) > 1e-9 * one[k] * one[k] + 1e-300)
                ok1 = 0;
            if (!(sqw[k] >= one[k] * one[k] * (1 - 1e-9))) /* mean of squares >= square of mean */
                okw = 0;
        }
        tap_ok(ok1, "taylor_sq with one batch = the square of taylor");
        tap_ok(okw, "taylor_sq per window >= the square of the mean (Jensen)");
        tap_ok(tiplm_taylor_sq(&m, &d, nwin, 1, NULL) == -1, "taylor_sq: NULL output refused");
    }
    tap_ok(tiplm_taylor(&m, &d, 0, 4, st_, NULL, NULL) == -1, "taylor: zero windows refused");
    free(wt);
    free(mask);
    free(wm);
    free(text);
    tiplm_work_free(w);
    tiplm_evaluator_free(&es);
    tiplm_evaluator_free(&ew);
    tiplm_data_free(&d);
    tiplm_model_free(&m);
}

static void test_training(void)
{
    tiplm_config c;
    tiplm_model a, b2, cc, ld;
    tiplm_data d;
    tiplm_train_opts o;
    tiplm_evaluator e;
    uint8_t *text = make_text(20 * TIPLM_BLOCK);
    double l0, l1, tps;
    int64_t step = 0;
    uint64_t seed = 0;
#if defined(TIPLM_DOUBLE) /* the two builds may run at once: one file each */
    const char *path = "test_tiplm_d.ckpt";
#else
    const char *path = "test_tiplm_f.ckpt";
#endif
    size_t i, same = 1;

    tiplm_config_preset(&c, "tiny");
    tiplm_data_from_bytes(&d, text, 20 * TIPLM_BLOCK);
    tiplm_train_opts_default(&o);
    o.steps = 60;
    o.batch = 4;
    o.lr = 1e-2;
    o.seed = 5;
    tiplm_model_init(&a, &c, 5);
    tiplm_evaluator_create(&e, &a, &d, TIPLM_MASK_STRUCTURED, 32);
    tiplm_eval(NULL, &e, &l0);
    tap_ok(tiplm_train(&a, &d, &o, &tps) == 0, "60 AdamW steps");
    tiplm_eval(NULL, &e, &l1);
    tap_ok(fabs(l0 - log(256.0)) < 0.05 && l1 < 0.7 * l0,
           "validation loss falls from ln 256 (%.4f) to %.4f", l0, l1);
    tiplm_evaluator_free(&e);
    o.steps = 5;
    tiplm_model_init(&b2, &c, 9);
    tiplm_model_init(&cc, &c, 9);
    tiplm_train(&b2, &d, &o, NULL);
    tiplm_train(&cc, &d, &o, NULL);
    tap_ok(memcmp(b2.w, cc.w, b2.n_params * sizeof *b2.w) == 0, "same seed, same bits");
    tap_ok(memcmp(a.w, cc.w, a.n_params * sizeof *a.w) != 0, "another run differs");
    tap_ok(tiplm_save(&b2, path, 5, 9) == 0 && tiplm_load(&ld, path, &step, &seed) == 0 && step == 5 &&
               seed == 9 && ld.n_params == b2.n_params,
           "checkpoint round trip: step and seed");
    for (i = 0; i < b2.n_params; i++)
        if (ld.w[i] != (tiplm_real)(float)b2.w[i])
            same = 0;
    tap_ok(same, "checkpoint weights are the float32 of the model's");
    remove(path);
    tiplm_model_free(&ld);
    tap_ok(tiplm_load(&ld, "/nonexistent/x.ckpt", NULL, NULL) == -1, "missing checkpoint refused");
    tiplm_model_free(&ld);
    tap_ok(tiplm_config_preset(&c, "nope") == -1, "unknown preset refused");
    c.heads = 3;
    tap_ok(tiplm_config_check(&c) == -1 && tiplm_model_init(&ld, &c, 1) == -1,
           "dim not divisible by heads refused");
    tiplm_model_free(&a);
    tiplm_model_free(&b2);
    tiplm_model_free(&cc);
    tiplm_data_free(&d);
    free(text);
}

#if !defined(TIPLM_DOUBLE)
/* The kernels: AVX-512 and AVX2 give the same bits (the same fused multiply-adds
 * in the same order, with column and row tails: N = 40, F = 72); the scalar loop
 * agrees within float rounding. */
static void test_simd(void)
{
    const tiplm_config c = {256, 20, 40, 2, 2, 72};
    tiplm_model m;
    tiplm_work *w;
    uint8_t *text = make_text(3000), tok[2 * 21];
    tiplm_real *g1, *g2;
    double ls, l1, l2;
    int lv1, lv2;

    tiplm_model_init(&m, &c, 11);
    roughen(&m);
    w = tiplm_work_create(&c, 2);
    g1 = calloc(m.n_params, sizeof *g1);
    g2 = calloc(m.n_params, sizeof *g2);
    memcpy(tok, text, sizeof tok);
    tiplm_set_simd(0);
    ls = tiplm_forward(&m, w, tok, 2, NULL, NULL);
    tap_ok(tiplm_simd_active() == 0 && !strcmp(tiplm_simd_name(), "scalar"), "level 0 is scalar");
    tiplm_set_simd(1);
    lv1 = tiplm_simd_active();
    l1 = tiplm_forward(&m, w, tok, 2, NULL, NULL);
    tiplm_backward(&m, w, g1, NULL, NULL);
    tiplm_set_simd(2);
    lv2 = tiplm_simd_active();
    l2 = tiplm_forward(&m, w, tok, 2, NULL, NULL);
    tiplm_backward(&m, w, g2, NULL, NULL);
    tap_ok(fabs(ls - l1) <= 1e-4 * fabs(ls), "%s loss %.7f vs scalar %.7f", tiplm_simd_name(), l1, ls);
    tap_ok(l1 == l2 && memcmp(g1, g2, m.n_params * sizeof *g1) == 0,
           "levels %d and %d: the same loss and gradient bits", lv1, lv2);
    free(g1);
    free(g2);
    tiplm_work_free(w);
    tiplm_model_free(&m);
    free(text);
}
#endif

int main(void)
{
    const char *q = getenv("THERMOAI_TEST_QUICK");

    test_gradients(q && q[0] == '1');
    test_masks_and_taylor();
    test_training();
#if !defined(TIPLM_DOUBLE)
    test_simd();
#endif
    return tap_done();
}
