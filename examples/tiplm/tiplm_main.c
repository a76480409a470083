/* SPDX-License-Identifier: MIT */
/*
 * tiplm: train, evaluate and score the tiny transformer of tiplm.h.
 *
 *   tiplm train  --text FILE --out CKPT [--size base] [--steps N] [--seed S] ...
 *   tiplm eval   --text FILE --ckpt CKPT [--mask FILE --kind structured|weights]
 *   tiplm taylor --text FILE --ckpt CKPT --out CSV [--windows N]
 *   tiplm info   --ckpt CKPT
 *   tiplm bench  --text FILE [--size base] [--steps N]   tokens/s of training and evaluation
 */
#define _POSIX_C_SOURCE 200112L
#include "tiplm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: tiplm COMMAND [options]\n"
    "\n"
    "A tiny byte-level llama-style transformer (RMSNorm, learned positions, causal\n"
    "multi-head attention, SwiGLU FFN) trained with AdamW on one core, for the TIP\n"
    "pruning experiment (issue 14). Text split: 4096-byte blocks, every 20th is\n"
    "validation.\n"
    "\n"
    "commands:\n"
    "  train   train from scratch, write a checkpoint, print validation bits/byte\n"
    "  eval    validation loss, bits/byte and perplexity of a checkpoint, with an\n"
    "          optional pruning mask\n"
    "  taylor  first-order Taylor g.w per head, per FFN neuron (and optionally per\n"
    "          weight) over calibration windows of the training text, and the mean\n"
    "          per-window (g.w)^2, as CSV\n"
    "  info    the configuration of a checkpoint\n"
    "  bench   training and evaluation tokens/s (CPU time, one thread)\n"
    "\n"
    "options:\n"
    "  --text FILE       the corpus (bible -f \"Genesis 1:1-Revelation 22:21\" > FILE)\n"
    "  --ckpt FILE       checkpoint to read (eval, taylor, info)\n"
    "  --out FILE        checkpoint to write (train) or CSV (taylor)\n"
    "  --size NAME       tiny | small | base | wide [base]\n"
    "  --steps N         optimizer steps [2000]\n"
    "  --batch N         sequences per step [16]\n"
    "  --lr X            peak learning rate [3e-3]\n"
    "  --seed N          initialization and batch-sampling seed [1]\n"
    "  --eval-every N    validation every N steps during training [0: end only]\n"
    "  --windows N       validation (eval, train's final evaluation) or calibration\n"
    "                    (taylor) windows of T+1 bytes [0 = all validation; taylor 256]\n"
    "  --mask FILE       eval: one ASCII '0'/'1' per component (whitespace ignored)\n"
    "  --kind K          structured (L*H heads then L*F neurons) | weights [structured]\n"
    "  --weights         taylor: also write g.w per prunable weight (large)\n"
    "  --scalar          the portable scalar kernel (other rounding: no FMA)\n"
    "  --avx2            at most the AVX2 kernel (the same bits as AVX-512)\n"
    "  --quiet           no per-step log\n"
    "  -h, --help        this text\n";

typedef struct {
    const char *text, *ckpt, *out, *size, *mask, *kind;
    long steps, eval_every;
    int batch, weights, quiet;
    double lr;
    uint64_t seed;
    size_t windows;
    int windows_set;
} opts;

static double wall_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int parse(int argc, char **argv, opts *o)
{
    int i;

    memset(o, 0, sizeof *o);
    o->size = "base";
    o->steps = 2000;
    o->batch = 16;
    o->lr = 3e-3;
    o->seed = 1;
    o->kind = "structured";
    for (i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

#define VAL()                                                                  \
    do {                                                                       \
        if (!v) {                                                              \
            fprintf(stderr, "tiplm: %s needs a value\n", a);                   \
            return -1;                                                         \
        }                                                                      \
        i++;                                                                   \
    } while (0)
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            exit(0);
        } else if (!strcmp(a, "--text")) {
            VAL();
            o->text = v;
        } else if (!strcmp(a, "--ckpt")) {
            VAL();
            o->ckpt = v;
        } else if (!strcmp(a, "--out")) {
            VAL();
            o->out = v;
        } else if (!strcmp(a, "--size")) {
            VAL();
            o->size = v;
        } else if (!strcmp(a, "--mask")) {
            VAL();
            o->mask = v;
        } else if (!strcmp(a, "--kind")) {
            VAL();
            o->kind = v;
        } else if (!strcmp(a, "--steps")) {
            VAL();
            o->steps = strtol(v, NULL, 10);
        } else if (!strcmp(a, "--eval-every")) {
            VAL();
            o->eval_every = strtol(v, NULL, 10);
        } else if (!strcmp(a, "--batch")) {
            VAL();
            o->batch = (int)strtol(v, NULL, 10);
        } else if (!strcmp(a, "--lr")) {
            VAL();
            o->lr = strtod(v, NULL);
        } else if (!strcmp(a, "--seed")) {
            VAL();
            o->seed = strtoull(v, NULL, 10);
        } else if (!strcmp(a, "--windows")) {
            VAL();
            o->windows = (size_t)strtoull(v, NULL, 10);
            o->windows_set = 1;
        } else if (!strcmp(a, "--weights")) {
            o->weights = 1;
        } else if (!strcmp(a, "--scalar")) {
            tiplm_set_simd(0);
        } else if (!strcmp(a, "--avx2")) {
            tiplm_set_simd(1);
        } else if (!strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else {
            fprintf(stderr, "tiplm: unknown option %s (see tiplm --help)\n", a);
            return -1;
        }
#undef VAL
    }
    if (o->steps < 1 || o->batch < 1 || !(o->lr > 0)) {
        fprintf(stderr, "tiplm: --steps, --batch and --lr must be positive\n");
        return -1;
    }
    return 0;
}

static void print_config(const tiplm_config *c)
{
    printf("config: vocab %d ctx %d dim %d layers %d heads %d ffn %d params %zu\n", c->vocab,
           c->ctx, c->dim, c->layers, c->heads, c->ffn, tiplm_param_count(c));
}

static int load_text(const opts *o, tiplm_data *d)
{
    if (!o->text) {
        fprintf(stderr, "tiplm: --text FILE is required\n");
        return -1;
    }
    if (tiplm_data_load(d, o->text) != 0) {
        fprintf(stderr, "tiplm: cannot read %s\n", o->text);
        return -1;
    }
    return 0;
}

static int report_eval(const tiplm_model *m, const tiplm_data *d, const uint8_t *mask, int kind,
                       size_t windows, const char *label)
{
    tiplm_evaluator e;
    double loss, t0;

    if (tiplm_evaluator_create(&e, m, d, kind, windows) != 0) {
        fprintf(stderr, "tiplm: cannot set up the evaluation\n");
        return -1;
    }
    t0 = wall_s();
    if (tiplm_eval(mask, &e, &loss) != 0) {
        tiplm_evaluator_free(&e);
        fprintf(stderr, "tiplm: evaluation failed\n");
        return -1;
    }
    printf("%s: windows %zu tokens %zu loss %.6f nats/byte bpb %.6f ppl %.6f (%.1f s)\n", label,
           e.windows, e.windows * (size_t)m->cfg.ctx, loss, loss / log(2.0), exp(loss),
           wall_s() - t0);
    tiplm_evaluator_free(&e);
    return 0;
}

static int cmd_train(const opts *o)
{
    tiplm_config c;
    tiplm_model m;
    tiplm_data d;
    tiplm_train_opts to;
    double tps, t0;
    int rc;

    if (tiplm_config_preset(&c, o->size) != 0) {
        fprintf(stderr, "tiplm: unknown --size %s\n", o->size);
        return 2;
    }
    if (!o->out) {
        fprintf(stderr, "tiplm: train needs --out CKPT\n");
        return 2;
    }
    if (load_text(o, &d) != 0)
        return 1;
    if (tiplm_model_init(&m, &c, o->seed) != 0) {
        tiplm_data_free(&d);
        return 1;
    }
    print_config(&c);
    printf("data: train %zu bytes, validation %zu bytes; kernel %s\n", d.n_train, d.n_val,
           tiplm_simd_name());
    tiplm_train_opts_default(&to);
    to.steps = o->steps;
    to.batch = o->batch;
    to.lr = o->lr;
    to.seed = o->seed;
    to.eval_every = o->eval_every;
    to.verbose = !o->quiet;
    fflush(stdout);
    t0 = wall_s();
    rc = tiplm_train(&m, &d, &to, &tps);
    if (rc == 0) {
        printf("train: steps %ld batch %d seed %llu lr %g: %.1f s wall, %.0f tokens/s\n", o->steps,
               o->batch, (unsigned long long)o->seed, o->lr, wall_s() - t0, tps);
        if (tiplm_save(&m, o->out, o->steps, o->seed) != 0) {
            fprintf(stderr, "tiplm: cannot write %s\n", o->out);
            rc = 1;
        } else {
            printf("checkpoint: %s\n", o->out);
            rc = report_eval(&m, &d, NULL, TIPLM_MASK_STRUCTURED, o->windows, "validation");
        }
    }
    tiplm_model_free(&m);
    tiplm_data_free(&d);
    return rc ? 1 : 0;
}

static int load_ckpt(const opts *o, tiplm_model *m)
{
    int64_t step;
    uint64_t seed;

    if (!o->ckpt) {
        fprintf(stderr, "tiplm: --ckpt FILE is required\n");
        return -1;
    }
    if (tiplm_load(m, o->ckpt, &step, &seed) != 0) {
        fprintf(stderr, "tiplm: cannot read checkpoint %s\n", o->ckpt);
        return -1;
    }
    print_config(&m->cfg);
    printf("checkpoint: %s steps %lld seed %llu\n", o->ckpt, (long long)step,
           (unsigned long long)seed);
    return 0;
}

static uint8_t *read_mask(const char *path, size_t want)
{
    FILE *f = fopen(path, "r");
    uint8_t *mk;
    size_t n = 0;
    int ch;

    if (!f)
        return NULL;
    mk = malloc(want ? want : 1);
    while (mk && (ch = fgetc(f)) != EOF) {
        if (ch == '0' || ch == '1') {
            if (n == want) {
                n++;
                break;
            }
            mk[n++] = (uint8_t)(ch - '0');
        } else if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') {
            n = want + 1;
            break;
        }
    }
    fclose(f);
    if (n != want) {
        fprintf(stderr, "tiplm: the mask needs exactly %zu '0'/'1' characters\n", want);
        free(mk);
        return NULL;
    }
    return mk;
}

static int cmd_eval(const opts *o)
{
    tiplm_model m;
    tiplm_data d;
    uint8_t *mask = NULL;
    int kind = !strcmp(o->kind, "weights") ? TIPLM_MASK_WEIGHTS : TIPLM_MASK_STRUCTURED, rc;

    if (strcmp(o->kind, "weights") && strcmp(o->kind, "structured")) {
        fprintf(stderr, "tiplm: --kind is structured or weights\n");
        return 2;
    }
    if (load_ckpt(o, &m) != 0)
        return 1;
    if (load_text(o, &d) != 0) {
        tiplm_model_free(&m);
        return 1;
    }
    if (o->mask) {
        size_t i, kept = 0, len = tiplm_mask_len(&m.cfg, kind);

        mask = read_mask(o->mask, len);
        if (!mask) {
            tiplm_model_free(&m);
            tiplm_data_free(&d);
            return 1;
        }
        for (i = 0; i < len; i++)
            kept += mask[i];
        printf("mask: %s kind %s kept %zu of %zu\n", o->mask, o->kind, kept, len);
    }
    rc = report_eval(&m, &d, mask, kind, o->windows, "validation");
    free(mask);
    tiplm_model_free(&m);
    tiplm_data_free(&d);
    return rc ? 1 : 0;
}

static int cmd_taylor(const opts *o)
{
    tiplm_model m;
    tiplm_data d;
    size_t ns, np, windows = o->windows_set ? o->windows : 256, i;
    double *st, *wt = NULL, *sq;
    FILE *f;
    int l, k;

    if (!o->out) {
        fprintf(stderr, "tiplm: taylor needs --out CSV\n");
        return 2;
    }
    if (load_ckpt(o, &m) != 0)
        return 1;
    if (load_text(o, &d) != 0) {
        tiplm_model_free(&m);
        return 1;
    }
    ns = tiplm_mask_len(&m.cfg, TIPLM_MASK_STRUCTURED);
    np = tiplm_n_prunable(&m.cfg);
    st = malloc(ns * sizeof *st);
    if (o->weights)
        wt = malloc(np * sizeof *wt);
    if (!st || (o->weights && !wt) ||
        tiplm_taylor(&m, &d, windows ? windows : 256, 16, st, wt, NULL) != 0 ||
        !(f = fopen(o->out, "w"))) {
        fprintf(stderr, "tiplm: taylor failed\n");
        free(st);
        free(wt);
        tiplm_model_free(&m);
        tiplm_data_free(&d);
        return 1;
    }
    sq = malloc(ns * sizeof *sq);
    if (!sq || tiplm_taylor_sq(&m, &d, windows ? windows : 256, 1, sq) != 0) {
        fprintf(stderr, "tiplm: taylor failed\n");
        fclose(f);
        free(sq);
        free(st);
        free(wt);
        tiplm_model_free(&m);
        tiplm_data_free(&d);
        return 1;
    }
    fprintf(f, "index,kind,layer,unit,gw,score,gw2_per_window\n");
    i = 0;
    for (l = 0; l < m.cfg.layers; l++)
        for (k = 0; k < m.cfg.heads; k++, i++)
            fprintf(f, "%zu,head,%d,%d,%.9g,%.9g,%.9g\n", i, l, k, st[i], fabs(st[i]), sq[i]);
    for (l = 0; l < m.cfg.layers; l++)
        for (k = 0; k < m.cfg.ffn; k++, i++)
            fprintf(f, "%zu,neuron,%d,%d,%.9g,%.9g,%.9g\n", i, l, k, st[i], fabs(st[i]), sq[i]);
    if (wt)
        for (i = 0; i < np; i++)
            fprintf(f, "%zu,weight,,%zu,%.9g,%.9g,\n", ns + i, i, wt[i], fabs(wt[i]));
    free(sq);
    fclose(f);
    printf("taylor: %zu calibration windows, %zu structured components%s -> %s\n", windows, ns,
           wt ? " and every prunable weight" : "", o->out);
    free(st);
    free(wt);
    tiplm_model_free(&m);
    tiplm_data_free(&d);
    return 0;
}

static int cmd_info(const opts *o)
{
    tiplm_model m;

    if (load_ckpt(o, &m) != 0)
        return 1;
    printf("mask lengths: structured %zu (heads %d, neurons %d), weights %zu\n",
           tiplm_mask_len(&m.cfg, TIPLM_MASK_STRUCTURED), m.cfg.layers * m.cfg.heads,
           m.cfg.layers * m.cfg.ffn, tiplm_n_prunable(&m.cfg));
    tiplm_model_free(&m);
    return 0;
}

/* tokens/s of training steps and of evaluation forwards, CPU time (the peer in
 * bench/peers/torch_tiplm.py measures the same way). */
static int cmd_bench(const opts *o)
{
    tiplm_config c;
    tiplm_model m;
    tiplm_data d;
    tiplm_train_opts to;
    tiplm_evaluator e;
    double tps, loss, c0, eps;
    size_t windows = o->windows_set && o->windows ? o->windows : 256;

    if (tiplm_config_preset(&c, o->size) != 0 || load_text(o, &d) != 0)
        return 2;
    if (tiplm_model_init(&m, &c, o->seed) != 0)
        return 1;
    tiplm_train_opts_default(&to);
    to.steps = o->steps;
    to.batch = o->batch;
    to.seed = o->seed;
    if (tiplm_train(&m, &d, &to, &tps) != 0 ||
        tiplm_evaluator_create(&e, &m, &d, TIPLM_MASK_STRUCTURED, windows) != 0)
        return 1;
    c0 = (double)clock();
    tiplm_eval(NULL, &e, &loss);
    eps = (double)e.windows * c.ctx / (((double)clock() - c0) / CLOCKS_PER_SEC);
    printf("tiplm-c,%s,%zu,%d,%d,%ld,%.1f,%.1f,%s\n", o->size, tiplm_param_count(&c), c.ctx,
           o->batch, o->steps, tps, eps, tiplm_simd_name());
    tiplm_evaluator_free(&e);
    tiplm_model_free(&m);
    tiplm_data_free(&d);
    return 0;
}

int main(int argc, char **argv)
{
    opts o;
    const char *cmd = argc > 1 ? argv[1] : NULL;

    if (!cmd || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
        fputs(usage, cmd ? stdout : stderr);
        return cmd ? 0 : 2;
    }
    if (parse(argc, argv, &o) != 0)
        return 2;
    if (!strcmp(cmd, "train"))
        return cmd_train(&o);
    if (!strcmp(cmd, "eval"))
        return cmd_eval(&o);
    if (!strcmp(cmd, "taylor"))
        return cmd_taylor(&o);
    if (!strcmp(cmd, "info"))
        return cmd_info(&o);
    if (!strcmp(cmd, "bench"))
        return cmd_bench(&o);
    fprintf(stderr, "tiplm: unknown command %s (see tiplm --help)\n", cmd);
    return 2;
}
