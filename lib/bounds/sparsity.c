/* SPDX-License-Identifier: MIT */
/* Sparse formats: energy with the index overhead explicit (paper 002 Theorem
 * 3.24), the break-even density (Proposition 4.9), the Pareto condition
 * (Proposition 3.23). */
#include "config.h"

#include <math.h>

#include "common/internal.h"

int thermoai_sparsity_dense_energy_j(double rows, double cols, double value_bits, double j_per_flop,
                                     double j_per_bit, double *energy_j)
{
    double entries;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ rows, THERMOAI__NONNEG }, { cols, THERMOAI__NONNEG },
                                  { value_bits, THERMOAI__NONNEG }, { j_per_flop, THERMOAI__NONNEG },
                                  { j_per_bit, THERMOAI__NONNEG }));
    entries = rows * cols;
    return thermoai__finish(2.0 * entries * j_per_flop + entries * value_bits * j_per_bit, energy_j);
}

int thermoai_sparsity_unstructured_energy_j(double nonzeros, double value_bits, double index_bits,
                                            double j_per_flop, double j_per_bit, double *energy_j)
{
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ nonzeros, THERMOAI__NONNEG }, { value_bits, THERMOAI__NONNEG },
                                  { index_bits, THERMOAI__NONNEG }, { j_per_flop, THERMOAI__NONNEG },
                                  { j_per_bit, THERMOAI__NONNEG }));
    return thermoai__finish(2.0 * nonzeros * j_per_flop + nonzeros * (value_bits + index_bits) * j_per_bit,
                            energy_j);
}

int thermoai_sparsity_block_energy_j(double blocks, double block_size, double value_bits,
                                     double index_bits, double j_per_flop, double j_per_bit,
                                     double *energy_j)
{
    double values;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ blocks, THERMOAI__NONNEG }, { block_size, THERMOAI__GE1 },
                                  { value_bits, THERMOAI__NONNEG }, { index_bits, THERMOAI__NONNEG },
                                  { j_per_flop, THERMOAI__NONNEG }, { j_per_bit, THERMOAI__NONNEG }));
    values = blocks * block_size * block_size;
    return thermoai__finish(2.0 * values * j_per_flop + (values * value_bits + blocks * index_bits) * j_per_bit,
                            energy_j);
}

int thermoai_sparsity_lowrank_energy_j(double rows, double cols, double rank, double value_bits,
                                       double j_per_flop, double j_per_bit, double *energy_j)
{
    double values;

    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ rows, THERMOAI__NONNEG }, { cols, THERMOAI__NONNEG },
                                  { rank, THERMOAI__NONNEG }, { value_bits, THERMOAI__NONNEG },
                                  { j_per_flop, THERMOAI__NONNEG }, { j_per_bit, THERMOAI__NONNEG }));
    values = (rows + cols) * rank;
    return thermoai__finish(2.0 * values * j_per_flop + values * value_bits * j_per_bit, energy_j);
}

int thermoai_sparsity_attention_index_bits(double seq_len, double density, double *bits)
{
    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ seq_len, THERMOAI__GE1 }, { density, THERMOAI__NONNEG }));
    if (!(density <= 1.0))
        return THERMOAI_E_INVALID;
    return thermoai__finish(density * seq_len * seq_len * ceil(log2(seq_len)), bits);
}

int thermoai_sparsity_breakeven_density(double flop_per_entry, double j_per_flop, double index_bits,
                                        double j_per_index_bit, double *density, double *first_order)
{
    double x, v[2];

    THERMOAI__OUTPUTS(density, first_order);
    THERMOAI__TRY(THERMOAI__CHECK({ flop_per_entry, THERMOAI__POS }, { j_per_flop, THERMOAI__POS },
                                  { index_bits, THERMOAI__NONNEG }, { j_per_index_bit, THERMOAI__NONNEG }));
    /* x = c_idx i / (c_flop d), as a product of ratios (no intermediate overflow) */
    x = (j_per_index_bit / j_per_flop) * (index_bits / flop_per_entry);
    if (!isfinite(x))
        return THERMOAI_E_RANGE;
    v[0] = 1.0 / (1.0 + x);
    v[1] = 1.0 - x;
    {
        double *const outs[2] = { density, first_order };

        return thermoai__store(outs, v, 2);
    }
}

int thermoai_sparsity_pareto_multiplier(double coefficient, double eta, double energy_slope_j,
                                        double density, double *multiplier)
{
    THERMOAI__OUTPUTS(multiplier);
    THERMOAI__TRY(THERMOAI__CHECK({ coefficient, THERMOAI__POS }, { eta, THERMOAI__POS },
                                  { energy_slope_j, THERMOAI__POS }, { density, THERMOAI__POS }));
    if (!(density <= 1.0))
        return THERMOAI_E_INVALID;
    /* c eta rho^(-eta-1) / E1, in logarithms */
    return thermoai__finish_positive(exp(log(coefficient) + log(eta) - (eta + 1.0) * log(density)
                                         - log(energy_slope_j)),
                                     multiplier);
}

int thermoai_sparsity_pareto_density(double coefficient, double eta, double energy_slope_j,
                                     double multiplier, double *density)
{
    double ln_rho;

    THERMOAI__OUTPUTS(density);
    THERMOAI__TRY(THERMOAI__CHECK({ coefficient, THERMOAI__POS }, { eta, THERMOAI__POS },
                                  { energy_slope_j, THERMOAI__POS }, { multiplier, THERMOAI__POS }));
    ln_rho = (log(coefficient) + log(eta) - log(multiplier) - log(energy_slope_j)) / (eta + 1.0);
    return thermoai__finish_positive(ln_rho >= 0.0 ? 1.0 : exp(ln_rho), density);
}
