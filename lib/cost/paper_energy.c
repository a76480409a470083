/* SPDX-License-Identifier: MIT */
/* The energy formulas of papers 002 and 003 as printed. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "common/internal.h"
#include "common/xnum.h"

THERMOAI__STATIC_ASSERT(sizeof(thermoai_paper_energy_train_terms)
                            == THERMOAI__SIZE_V0_PAPER_ENERGY_TRAIN_TERMS,
                        terms_size);

int thermoai_paper_energy_train_terms_init(thermoai_paper_energy_train_terms *terms, size_t size)
{
    return thermoai__struct_init(terms, size, THERMOAI__SIZE_V0_PAPER_ENERGY_TRAIN_TERMS);
}

size_t thermoai_paper_energy_train_terms_size(void)
{
    return sizeof(thermoai_paper_energy_train_terms);
}

/* The product of n factors in extended range: no partial product can overflow or
 * underflow before the result is known (lib/common/xnum.h). */
static thermoai__xn product(const double *x, size_t n)
{
    return thermoai__xn_ratio(x, n, NULL, 0);
}

int thermoai_paper_energy_inference_j(double e_mem_j, double params, double tokens,
                                      double e_flop_j, double e_cache_j, double seq_len,
                                      double d_model, double *energy_j)
{
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ e_mem_j, THERMOAI__NONNEG }, { params, THERMOAI__NONNEG },
                                  { tokens, THERMOAI__NONNEG }, { e_flop_j, THERMOAI__NONNEG },
                                  { e_cache_j, THERMOAI__NONNEG }, { seq_len, THERMOAI__NONNEG },
                                  { d_model, THERMOAI__NONNEG }));
    {
        const double mem[3] = { e_mem_j, params, tokens };
        const double flop[4] = { e_flop_j, 2.0, params, tokens };
        const double cache[5] = { e_cache_j, 2.0, seq_len, d_model, tokens };

        return thermoai__xn_finish(thermoai__xn_add(thermoai__xn_add(product(mem, 3),
                                                                     product(flop, 4)),
                                                    product(cache, 5)),
                                   energy_j);
    }
}

int thermoai_paper_energy_training_j(const thermoai_paper_energy_train_terms *terms,
                                     double *compute_j, double *attention_j, double *checkpoint_j,
                                     double *comm_j, double *energy_j)
{
    thermoai_paper_energy_train_terms t;
    double v[5];

    THERMOAI__OUTPUTS(compute_j, attention_j, checkpoint_j, comm_j, energy_j);
    if (terms == NULL)
        return THERMOAI_E_NULL;
    memset(&t, 0, sizeof t);
    THERMOAI__TRY(thermoai__struct_in(terms, THERMOAI__SIZE_V0_PAPER_ENERGY_TRAIN_TERMS, &t, sizeof t));
    if (t.reserved != 0)
        return THERMOAI_E_UNSUPPORTED;
    THERMOAI__TRY(THERMOAI__CHECK({ t.e_flop_j, THERMOAI__NONNEG }, { t.params, THERMOAI__NONNEG },
                                  { t.steps, THERMOAI__NONNEG }, { t.e_attn_j, THERMOAI__NONNEG },
                                  { t.layers, THERMOAI__NONNEG }, { t.heads, THERMOAI__NONNEG },
                                  { t.seq_len, THERMOAI__NONNEG }, { t.d_model, THERMOAI__NONNEG },
                                  { t.batch, THERMOAI__POS }, { t.e_mem_j, THERMOAI__NONNEG },
                                  { t.checkpoint_interval, THERMOAI__NONNEG },
                                  { t.e_comm_j_per_byte, THERMOAI__NONNEG },
                                  { t.allreduce_bytes, THERMOAI__NONNEG }));
    v[0] = t.e_flop_j * 6.0 * t.params * t.steps;
    v[1] = t.e_attn_j * 4.0 * t.layers * t.heads * t.seq_len * t.seq_len * t.d_model * t.steps
           / t.batch;
    v[2] = t.checkpoint_interval > 0.0 ? t.e_mem_j * t.params * ceil(t.steps / t.checkpoint_interval)
                                       : 0.0;
    v[3] = t.e_comm_j_per_byte * t.allreduce_bytes;
    v[4] = v[0] + v[1] + v[2] + v[3];
    {
        double *const outs[] = { compute_j, attention_j, checkpoint_j, comm_j, energy_j };

        return thermoai__store(outs, v, 5);
    }
}

int thermoai_paper_energy_attention_j(uint32_t kind, double seq_len, double d_model,
                                      double e_flop_j, double e_mem_j, double sram_values,
                                      double *energy_j)
{
    thermoai__xn e;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ seq_len, THERMOAI__NONNEG }, { d_model, THERMOAI__NONNEG },
                                  { e_flop_j, THERMOAI__NONNEG }, { e_mem_j, THERMOAI__NONNEG },
                                  { sram_values, THERMOAI__NONNEG }));
    switch (kind) {
    case THERMOAI_PAPER_ENERGY_DENSE: {
        const double a[5] = { e_flop_j, 2.0, seq_len, seq_len, d_model };
        const double b[3] = { e_mem_j, seq_len, seq_len };

        e = thermoai__xn_add(product(a, 5), product(b, 3));
        break;
    }
    case THERMOAI_PAPER_ENERGY_FLASH: {
        const double a[5] = { e_flop_j, 2.0, seq_len, seq_len, d_model };
        const double b[4] = { e_mem_j, seq_len, seq_len, d_model };

        if (!(sram_values > 0.0))
            return THERMOAI_E_INVALID;
        e = thermoai__xn_add(product(a, 5), thermoai__xn_ratio(b, 4, &sram_values, 1));
        break;
    }
    case THERMOAI_PAPER_ENERGY_SSA: {
        /* N^1.5 = N sqrt(N): sqrt is exact to half an ulp and never leaves the range */
        const double r = sqrt(seq_len);
        const double a[5] = { e_flop_j, 2.0, seq_len, r, d_model };
        const double b[3] = { e_mem_j, seq_len, r };

        e = thermoai__xn_add(product(a, 5), product(b, 3));
        break;
    }
    default:
        return THERMOAI_E_INVALID;
    }
    return thermoai__xn_finish(e, energy_j);
}

int thermoai_paper_energy_blog_decode(double weight_bytes, double flop, double kv_bytes,
                                      double j_per_bit, double j_per_flop, double *weights_j,
                                      double *arithmetic_j, double *kv_j)
{
    double v[3];
    double *const outs[] = { weights_j, arithmetic_j, kv_j };

    THERMOAI__OUTPUTS(weights_j, arithmetic_j, kv_j);
    THERMOAI__TRY(THERMOAI__CHECK({ weight_bytes, THERMOAI__NONNEG }, { flop, THERMOAI__NONNEG },
                                  { kv_bytes, THERMOAI__NONNEG }, { j_per_bit, THERMOAI__NONNEG },
                                  { j_per_flop, THERMOAI__NONNEG }));
    {
        const double w[3] = { weight_bytes, 8.0, j_per_bit };
        const double a[2] = { flop, j_per_flop };
        const double k[3] = { kv_bytes, 8.0, j_per_bit };

        THERMOAI__TRY(thermoai__xn_finish(product(w, 3), &v[0]));
        THERMOAI__TRY(thermoai__xn_finish(product(a, 2), &v[1]));
        THERMOAI__TRY(thermoai__xn_finish(product(k, 3), &v[2]));
    }
    return thermoai__store(outs, v, 3);
}
