/* SPDX-License-Identifier: MIT */
/*
 * tiplm: a tiny byte-level llama-style transformer in plain C99 + libm, with
 * forward, backward and AdamW, for the TIP pruning experiment (issue 14,
 * paper 000 section 5). Not part of libthermoai: an example the experiment
 * links against.
 *
 * Architecture (pre-norm, llama-style):
 *   x_0 = E[tok] + P[pos]                          byte embedding + learned positions
 *   per layer l:
 *     h   = RMSNorm(x; g1)                          r = 1/sqrt(mean(x^2) + 1e-5)
 *     q,k,v = h Wq, h Wk, h Wv                      H heads of dim d/H
 *     o   = concat_h gate_h * softmax(q_h k_h^T / sqrt(d/H) + causal) v_h
 *     x  += o Wo
 *     h   = RMSNorm(x; g2)
 *     u   = gate_f * silu(h W1) * (h W3)            gated FFN (SwiGLU), F neurons
 *     x  += u W2
 *   logits = RMSNorm(x; gf) Wout                    untied output head, 256 bytes
 * Loss: mean next-byte cross-entropy (nats); bits per byte = loss / ln 2.
 *
 * Matrices are stored [in][out] (y = x W). Every computation is sequential and
 * in a fixed order, so the same seed, build and CPU path give the same bits;
 * an AVX2+FMA matrix kernel is used when the CPU has it (TIPLM_SIMD=0 in the
 * environment, or tiplm_set_simd(0), forces the scalar path).
 *
 * Compile with -DTIPLM_DOUBLE for a double-precision build (the gradient test).
 */
#ifndef TIPLM_H
#define TIPLM_H

#include <stddef.h>
#include <stdint.h>

#if defined(TIPLM_DOUBLE)
typedef double tiplm_real;
#else
typedef float tiplm_real;
#endif

/** Shape of the model. */
typedef struct {
    int vocab;  /**< 256 (bytes) */
    int ctx;    /**< context length T */
    int dim;    /**< model width d */
    int layers; /**< L */
    int heads;  /**< H; d % H == 0 */
    int ffn;    /**< F, gated-FFN neurons per layer */
} tiplm_config;

/** Named sizes: "tiny" (tests), "small", "base" (the experiment). 0 on success. */
int tiplm_config_preset(tiplm_config *c, const char *name);
/** 0 when the shape is valid. */
int tiplm_config_check(const tiplm_config *c);

/** Offsets of every tensor inside the flat parameter array. */
typedef struct {
    size_t rms1, wq, wk, wv, wo, rms2, w1, w3, w2;
} tiplm_layer_off;

typedef struct {
    tiplm_config cfg;
    size_t n_params;
    size_t tok_emb, pos_emb, rmsf, head; /* offsets */
    tiplm_layer_off *layer;              /* [L] */
    tiplm_real *w;                       /* [n_params] */
} tiplm_model;

size_t tiplm_param_count(const tiplm_config *c);
/** Allocates and initializes (normal(0, 0.02), output projections / sqrt(2L), norms 1). */
int tiplm_model_init(tiplm_model *m, const tiplm_config *c, uint64_t seed);
/** Allocates with the shape of src and copies the weights. */
int tiplm_model_clone(tiplm_model *dst, const tiplm_model *src);
void tiplm_model_free(tiplm_model *m);

/** Checkpoint: "TIPLMCK1", config, step, seed, float32 little-endian weights. */
int tiplm_save(const tiplm_model *m, const char *path, int64_t step, uint64_t seed);
int tiplm_load(tiplm_model *m, const char *path, int64_t *step, uint64_t *seed);

/* ---- data --------------------------------------------------------------- */

/** The fixed split: the text is cut into 4096-byte blocks; block k is
 *  validation when k % 20 == 19 (5 %), training otherwise. */
#define TIPLM_BLOCK 4096
#define TIPLM_VAL_EVERY 20
typedef struct {
    uint8_t *train, *val;
    size_t n_train, n_val;
} tiplm_data;
int tiplm_data_load(tiplm_data *d, const char *path);
int tiplm_data_from_bytes(tiplm_data *d, const uint8_t *text, size_t n);
void tiplm_data_free(tiplm_data *d);
/** Number of validation windows (non-overlapping, T+1 bytes, stride T). */
size_t tiplm_val_windows(const tiplm_data *d, const tiplm_config *c);
/** Copies window i of the validation (split=1) or training (split=0, stride T) text. */
void tiplm_window(const tiplm_data *d, const tiplm_config *c, int split, size_t i, uint8_t *out);

/* ---- forward / backward -------------------------------------------------- */

typedef struct tiplm_work tiplm_work;
/** Activations and scratch for batches of up to `batch` sequences. */
tiplm_work *tiplm_work_create(const tiplm_config *c, int batch);
void tiplm_work_free(tiplm_work *w);

/**
 * Forward pass on `batch` sequences of T+1 bytes (tokens[b*(T+1) + t]); returns
 * the mean cross-entropy in nats over the batch*T predictions. head_gate [L*H]
 * and neuron_gate [L*F] multiply each head's output and each FFN neuron (NULL:
 * all 1). The activations stay in w for tiplm_backward.
 */
double tiplm_forward(const tiplm_model *m, tiplm_work *w, const uint8_t *tokens, int batch,
                     const tiplm_real *head_gate, const tiplm_real *neuron_gate);
/**
 * Backward pass of the last forward: adds d(mean loss)/d(weights) to grad
 * [n_params] (may be NULL), and d(loss)/d(gate) to dhead [L*H] and dneuron
 * [L*F] (either may be NULL).
 */
void tiplm_backward(const tiplm_model *m, tiplm_work *w, tiplm_real *grad, double *dhead,
                    double *dneuron);

/** Kernel level: 2 AVX-512F where the CPU has it (default), 1 AVX2+FMA at most, 0 scalar;
 *  the environment variable TIPLM_SIMD=0/1/2 sets the default. The AVX2 and AVX-512
 *  kernels give the same bits (the same fused multiply-adds in the same order). */
void tiplm_set_simd(int level);
/** The level in use now (0, 1, 2), after the CPU check. */
int tiplm_simd_active(void);
/** "scalar", "avx2" or "avx512". */
const char *tiplm_simd_name(void);

/* ---- training ------------------------------------------------------------ */

typedef struct {
    long steps;        /**< optimizer steps */
    int batch;         /**< sequences per step */
    double lr;         /**< peak learning rate (linear warmup, cosine to lr/10) */
    double warmup;     /**< fraction of steps of warmup */
    double beta1, beta2, eps, weight_decay, clip;
    uint64_t seed;     /**< init and batch sampling */
    long eval_every;   /**< 0: only at the end */
    size_t eval_windows; /**< validation windows per evaluation (0: all) */
    int verbose;
} tiplm_train_opts;
void tiplm_train_opts_default(tiplm_train_opts *o);
/** Trains m (already initialized) on d; optional per-step log to stderr. 0 on success. */
int tiplm_train(tiplm_model *m, const tiplm_data *d, const tiplm_train_opts *o, double *train_tok_s);

/* ---- evaluation, masks and scores for TIP -------------------------------- */

/** Mask kinds. STRUCTURED: L*H head entries (layer-major) then L*F neuron
 *  entries. WEIGHTS: one entry per prunable weight, in tiplm_prunable order. */
enum { TIPLM_MASK_STRUCTURED = 0, TIPLM_MASK_WEIGHTS = 1 };

/** Prunable matrices: per layer wq, wk, wv, wo, w1, w3, w2 (7L matrices). */
typedef struct {
    const char *name; /* "wq" ... */
    int layer;
    size_t offset;    /* into m->w */
    int rows, cols;   /* [in][out] */
    size_t first;     /* index of its first weight in the WEIGHTS mask */
} tiplm_matrix;
int tiplm_n_matrices(const tiplm_config *c);
void tiplm_matrix_at(const tiplm_model *m, int i, tiplm_matrix *out);
size_t tiplm_n_prunable(const tiplm_config *c);
size_t tiplm_mask_len(const tiplm_config *c, int kind);

/** Evaluation context for tiplm_eval; made by tiplm_evaluator_create. */
typedef struct {
    const tiplm_model *model;
    const tiplm_data *data;
    int kind;           /* TIPLM_MASK_* */
    size_t windows;     /* validation windows evaluated (the first ones) */
    int batch;
    tiplm_model scratch; /* masked copy for WEIGHTS masks */
    tiplm_work *work;
    uint8_t *tok;
    tiplm_real *hg, *ng;
    long calls;
} tiplm_evaluator;
int tiplm_evaluator_create(tiplm_evaluator *e, const tiplm_model *m, const tiplm_data *d, int kind,
                           size_t windows);
void tiplm_evaluator_free(tiplm_evaluator *e);

/**
 * The TIP evaluator callback: mean validation cross-entropy in nats per byte of
 * the model with `mask` applied (1 keep, 0 prune; NULL = dense), over the
 * evaluator's windows. user is a tiplm_evaluator *. 0 on success, -1 on bad
 * input (loss NaN). bits/byte = loss / ln 2, perplexity per byte = exp(loss).
 */
int tiplm_eval(const uint8_t *mask, void *user, double *loss);

/**
 * First-order Taylor quantities over `windows` calibration windows of the
 * training text (stride T from the start), batch `batch`:
 *   structured[L*H + L*F] : dL/d(gate) of each head and neuron, i.e. the sum of
 *                           g.w over the component's outgoing weights; removing
 *                           it changes L by about -structured[i]; TIP score |.|.
 *   weights[n_prunable]   : g_i * w_i per prunable weight (may be NULL).
 *   act_norm[sum of rows] : ||X_j||_2 of each prunable matrix's input column j
 *                           over the calibration tokens (Wanda), matrices in
 *                           tiplm_matrix_at order (may be NULL).
 * g is the gradient of the mean loss over all calibration windows. 0 on success.
 */
int tiplm_taylor(const tiplm_model *m, const tiplm_data *d, size_t windows, int batch,
                 double *structured, double *weights, double *act_norm);
/**
 * The squared variant (Molchanov et al. 2019): structured_sq[L*H + L*F] = the mean
 * over the calibration batches of (dL_batch/d(gate))^2, each batch's loss being its
 * own mean; batch 1 makes it per window. Always >= 0; a ranking score. 0 on success.
 */
int tiplm_taylor_sq(const tiplm_model *m, const tiplm_data *d, size_t windows, int batch,
                    double *structured_sq);
/** Total rows over the prunable matrices (length of act_norm). */
size_t tiplm_act_norm_len(const tiplm_config *c);

#endif /* TIPLM_H */
