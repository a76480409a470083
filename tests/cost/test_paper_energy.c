/* SPDX-License-Identifier: MIT */
/*
 * The papers' energy forms against values computed by hand from their printed inputs:
 * paper 002 Eq. (11), Eq. (13) with Example 4.1's inputs, Theorem 4.6 (dense, flash,
 * SSA), paper 003's decode breakdown (140 GB x 8 x 20 pJ/bit = 22.4 J; the blog prints mJ).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static void eq11(void)
{
    double e = 0.0;

    /* e_mem 20 pJ x 7e9 x 10 tokens + 1 pJ x 2 x 7e9 x 10 + 2 pJ x 2 x 2048 x 4096 x 10
     * = 1.4 + 0.14 + 3.3554432e-4 J */
    tap_ok(thermoai_paper_energy_inference_j(20e-12, 7e9, 10.0, 1e-12, 2e-12, 2048.0, 4096.0, &e)
               == THERMOAI_OK,
           "Eq. (11)");
    tap_rel(e, 1.4 + 0.14 + 2e-12 * 2.0 * 2048.0 * 4096.0 * 10.0, 1e-14, "1.54034 J");
    tap_ok(thermoai_paper_energy_inference_j(20e-12, 7e9, 0.0, 1e-12, 2e-12, 2048.0, 4096.0, &e)
               == THERMOAI_OK && e == 0.0,
           "no tokens, no energy");
    tap_ok(thermoai_paper_energy_inference_j(-1.0, 7e9, 1.0, 1e-12, 2e-12, 1.0, 1.0, &e)
               == THERMOAI_E_INVALID && isnan(e),
           "negative input");
    tap_ok(thermoai_paper_energy_inference_j(1.0, (double)INFINITY, 1.0, 1.0, 1.0, 1.0, 1.0, &e)
               == THERMOAI_E_NONFINITE,
           "infinite input");
    tap_ok(thermoai_paper_energy_inference_j(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, NULL) == THERMOAI_E_NULL,
           "NULL");
}

static void eq13(void)
{
    thermoai_paper_energy_train_terms t;
    double c = 0, a = 0, k = 0, m = 0, e = 0;

    /* Example 4.1's inputs as the example uses them: p = 175e9, "S" = 300e9 tokens,
     * L 96, H 96, N 2048, d 12288, "B" = N (the example divides by 2048); e_flop = e_attn
     * = 1 J so that the terms are the FLOP counts: 6pS = 3.15e23 and
     * 4 L H N^2 d S / N = 4 x 96 x 96 x 2048 x 12288 x 300e9 = 2.78e23 (the example prints
     * 9.2e22: it does not follow from its own formula) */
    tap_ok(thermoai_paper_energy_train_terms_init(&t, sizeof t) == THERMOAI_OK, "init");
    t.e_flop_j = 1.0;
    t.params = 175e9;
    t.steps = 300e9;
    t.e_attn_j = 1.0;
    t.layers = 96;
    t.heads = 96;
    t.seq_len = 2048;
    t.d_model = 12288;
    t.batch = 2048;
    t.e_mem_j = 2.0;
    t.checkpoint_interval = 1e11;
    t.e_comm_j_per_byte = 1e-9;
    t.allreduce_bytes = 5e12;
    tap_ok(thermoai_paper_energy_training_j(&t, &c, &a, &k, &m, &e) == THERMOAI_OK, "Eq. (13)");
    tap_rel(c, 3.15e23, 1e-14, "6 p S = 3.15e23");
    tap_rel(a, 4.0 * 96.0 * 96.0 * 2048.0 * 12288.0 * 300e9, 1e-14, "attention term 2.78e23");
    tap_rel(k, 2.0 * 175e9 * 3.0, 1e-14, "checkpoint term: ceil(300e9 / 1e11) = 3 checkpoints");
    tap_rel(m, 5000.0, 1e-14, "communication 5e12 bytes x 1 nJ");
    tap_rel(e, c + a + k + m, 1e-14, "the sum");
    t.checkpoint_interval = 0.0;
    tap_ok(thermoai_paper_energy_training_j(&t, &c, &a, &k, &m, &e) == THERMOAI_OK && k == 0.0,
           "no checkpoint interval: no checkpoint term");
    t.batch = 0.0;
    tap_ok(thermoai_paper_energy_training_j(&t, &c, &a, &k, &m, &e) == THERMOAI_E_INVALID && isnan(c)
               && isnan(e),
           "batch 0 -> E_INVALID, all NaN");
    t.batch = 1.0;
    t.reserved = 1;
    tap_ok(thermoai_paper_energy_training_j(&t, &c, &a, &k, &m, &e) == THERMOAI_E_UNSUPPORTED, "reserved");
    t.reserved = 0;
    t.heads = (double)NAN;
    tap_ok(thermoai_paper_energy_training_j(&t, &c, &a, &k, &m, &e) == THERMOAI_E_NONFINITE, "NaN");
    t.struct_size = 8;
    tap_ok(thermoai_paper_energy_training_j(&t, &c, &a, &k, &m, &e) == THERMOAI_E_SIZE, "small struct");
    tap_ok(thermoai_paper_energy_training_j(NULL, &c, &a, &k, &m, &e) == THERMOAI_E_NULL, "NULL terms");
    tap_ok(thermoai_paper_energy_train_terms_size() == sizeof t, "size accessor");
}

static void thm46(void)
{
    double e = 0.0, dense = 0.0, ssa = 0.0;

    /* N = 1024, d = 64, e_flop 1 pJ, e_mem 10 pJ: dense 1e-12 x 2 x 2^20 x 64 + 10e-12 x 2^20 */
    tap_ok(thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_DENSE, 1024, 64, 1e-12, 10e-12, 0, &dense)
               == THERMOAI_OK,
           "dense");
    tap_rel(dense, 1e-12 * 2.0 * 1048576.0 * 64.0 + 10e-12 * 1048576.0, 1e-14, "dense by hand");
    tap_ok(thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_FLASH, 1024, 64, 1e-12, 10e-12, 65536, &e)
               == THERMOAI_OK,
           "flash");
    tap_rel(e, 1e-12 * 2.0 * 1048576.0 * 64.0 + 10e-12 * 1048576.0 * 64.0 / 65536.0, 1e-14, "flash by hand");
    tap_ok(thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_SSA, 1024, 64, 1e-12, 10e-12, 0, &ssa)
               == THERMOAI_OK,
           "SSA");
    tap_rel(ssa, 1e-12 * 2.0 * 32768.0 * 64.0 + 10e-12 * 32768.0, 1e-14, "SSA: N^1.5 = 32768");
    tap_rel(ssa / dense, 1.0 / 32.0, 1e-14, "SSA / dense = N^-0.5 (Eq. 19)");
    tap_ok(thermoai_paper_energy_attention_j(THERMOAI_PAPER_ENERGY_FLASH, 1024, 64, 1e-12, 1e-12, 0, &e)
               == THERMOAI_E_INVALID && isnan(e),
           "flash without SRAM size");
    tap_ok(thermoai_paper_energy_attention_j(7, 1024, 64, 1e-12, 1e-12, 1, &e) == THERMOAI_E_INVALID,
           "unknown kind");
    tap_ok(thermoai_paper_energy_attention_j(0, -1, 64, 1e-12, 1e-12, 1, &e) == THERMOAI_E_INVALID, "N < 0");
}

static void blog(void)
{
    double w = 0, a = 0, k = 0;

    /* paper 003: 140 GB x 8 x 20 pJ/bit = 22.4 J (printed "22.4 mJ/token": a unit slip);
     * 140 GFLOP x 0.3 pJ = 0.042 J (printed 0.042 mJ); 8 GB KV x 8 x 20 pJ = 1.28 J */
    tap_ok(thermoai_paper_energy_blog_decode(140e9, 140e9, 8e9, 20e-12, 0.3e-12, &w, &a, &k) == THERMOAI_OK,
           "the blog's 70B decode");
    tap_rel(w, 22.4, 1e-14, "weights 22.4 J");
    tap_rel(a, 0.042, 1e-14, "arithmetic 0.042 J");
    tap_rel(k, 1.28, 1e-14, "KV cache 1.28 J");
    tap_rel((w + k) / (w + k + a), 0.99823, 1e-4, "data movement 99.8 %% (the headline)");
    tap_ok(thermoai_paper_energy_blog_decode(-1, 0, 0, 0, 0, &w, &a, &k) == THERMOAI_E_INVALID && isnan(w)
               && isnan(a) && isnan(k),
           "negative -> all NaN");
    tap_ok(thermoai_paper_energy_blog_decode(1, 1, 1, 1, 1, &w, NULL, &k) == THERMOAI_E_NULL, "NULL output");
}

int main(void)
{
    eq11();
    eq13();
    thm46();
    blog();
    return tap_done();
}
