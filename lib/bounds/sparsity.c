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
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ rows, THERMOAI__NONNEG }, { cols, THERMOAI__NONNEG },
                                  { value_bits, THERMOAI__NONNEG }, { j_per_flop, THERMOAI__NONNEG },
                                  { j_per_bit, THERMOAI__NONNEG }));
    {
        /* every energy here is a sum of products, scaled (no intermediate overflow
         * or underflow: m n may overflow where the energy does not) */
        const double f[8] = { 2.0, rows, cols, j_per_flop, rows, cols, value_bits, j_per_bit };

        return thermoai__sum_of_products(f, 2, 4, energy_j);
    }
}

int thermoai_sparsity_unstructured_energy_j(double nonzeros, double value_bits, double index_bits,
                                            double j_per_flop, double j_per_bit, double *energy_j)
{
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ nonzeros, THERMOAI__NONNEG }, { value_bits, THERMOAI__NONNEG },
                                  { index_bits, THERMOAI__NONNEG }, { j_per_flop, THERMOAI__NONNEG },
                                  { j_per_bit, THERMOAI__NONNEG }));
    {
        const double f[9] = { 2.0, nonzeros, j_per_flop, nonzeros, value_bits, j_per_bit,
                              nonzeros, index_bits, j_per_bit };

        return thermoai__sum_of_products(f, 3, 3, energy_j);
    }
}

int thermoai_sparsity_block_energy_j(double blocks, double block_size, double value_bits,
                                     double index_bits, double j_per_flop, double j_per_bit,
                                     double *energy_j)
{
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ blocks, THERMOAI__NONNEG }, { block_size, THERMOAI__GE1 },
                                  { value_bits, THERMOAI__NONNEG }, { index_bits, THERMOAI__NONNEG },
                                  { j_per_flop, THERMOAI__NONNEG }, { j_per_bit, THERMOAI__NONNEG }));
    {
        const double f[15] = { 2.0, blocks, block_size, block_size, j_per_flop,
                               blocks, block_size, block_size, value_bits, j_per_bit,
                               blocks, index_bits, j_per_bit, 1.0, 1.0 };

        return thermoai__sum_of_products(f, 3, 5, energy_j);
    }
}

int thermoai_sparsity_lowrank_energy_j(double rows, double cols, double rank, double value_bits,
                                       double j_per_flop, double j_per_bit, double *energy_j)
{
    THERMOAI__OUTPUTS(energy_j);
    THERMOAI__TRY(THERMOAI__CHECK({ rows, THERMOAI__NONNEG }, { cols, THERMOAI__NONNEG },
                                  { rank, THERMOAI__NONNEG }, { value_bits, THERMOAI__NONNEG },
                                  { j_per_flop, THERMOAI__NONNEG }, { j_per_bit, THERMOAI__NONNEG }));
    {
        const double f[16] = { 2.0, rows, rank, j_per_flop, 2.0, cols, rank, j_per_flop,
                               rows, rank, value_bits, j_per_bit, cols, rank, value_bits, j_per_bit };

        return thermoai__sum_of_products(f, 4, 4, energy_j);
    }
}

int thermoai_sparsity_attention_index_bits(double seq_len, double density, double *bits)
{
    THERMOAI__OUTPUTS(bits);
    THERMOAI__TRY(THERMOAI__CHECK({ seq_len, THERMOAI__GE1 }, { density, THERMOAI__NONNEG }));
    if (!(density <= 1.0))
        return THERMOAI_E_INVALID;
    {
        /* ceil(log2 N) from the binary exponent, exactly (log2 of a double just
         * above a power of two rounds down to the integer); N >= 1 */
        int e;
        const double m = frexp(seq_len, &e);
        const double f[4] = { density, seq_len, seq_len, m == 0.5 ? (double)(e - 1) : (double)e };

        return thermoai__sum_of_products(f, 1, 4, bits);
    }
}

int thermoai_sparsity_breakeven_density(double flop_per_entry, double j_per_flop, double index_bits,
                                        double j_per_index_bit, double *density, double *first_order)
{
    double x, v[2];

    THERMOAI__OUTPUTS(density, first_order);
    THERMOAI__TRY(THERMOAI__CHECK({ flop_per_entry, THERMOAI__POS }, { j_per_flop, THERMOAI__POS },
                                  { index_bits, THERMOAI__NONNEG }, { j_per_index_bit, THERMOAI__NONNEG }));
    {
        /* x = c_idx i / (c_flop d), scaled; a range error of the scaling is an
         * overflow (E_RANGE) or an x below DBL_MIN, for which 1 / (1 + x) and 1 - x
         * are both 1 */
        const double num[2] = { j_per_index_bit, index_bits };
        const double den[2] = { j_per_flop, flop_per_entry };

        if (thermoai__scaled_ratio(num, 2, den, 2, &x) != THERMOAI_OK) {
            if (log2(j_per_index_bit) + log2(index_bits) - log2(j_per_flop) - log2(flop_per_entry) > 0.0)
                return THERMOAI_E_RANGE;
            x = 0.0;
        }
    }
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
    {
        /* c eta rho^-(eta+1) / E1 = (mc meta / mE) 2^(ec + eeta - eE) 2^p with
         * p = (eta + 1) log2(1 / rho) >= 0 split as n + f: frexp mantissas, one
         * exp2 of f in [0, 1), an exact scaling; no rounded log c or log E1 amplified */
        const double p = -(eta + 1.0) * log2(density);
        double whole, m;
        long e;
        int ec, ee, e1;

        if (!(p <= 8192.0)) /* c eta / E1 >= 2^-2200: the product overflows */
            return thermoai__finish_positive((double)INFINITY, multiplier);
        whole = floor(p);
        m = frexp(coefficient, &ec) * frexp(eta, &ee) / frexp(energy_slope_j, &e1) * exp2(p - whole);
        e = (long)ec + ee - e1 + (long)whole;
        if (e > 4000)
            e = 4000;
        if (e < -4000)
            e = -4000;
        return thermoai__finish_positive(ldexp(m, (int)e), multiplier);
    }
}

int thermoai_sparsity_pareto_density(double coefficient, double eta, double energy_slope_j,
                                     double multiplier, double *density)
{
    double ln_rho;

    THERMOAI__OUTPUTS(density);
    THERMOAI__TRY(THERMOAI__CHECK({ coefficient, THERMOAI__POS }, { eta, THERMOAI__POS },
                                  { energy_slope_j, THERMOAI__POS }, { multiplier, THERMOAI__POS }));
    {
        /* log2 of r = c eta / (lambda E1) = q 2^e, q from the frexp mantissas in
         * [1/sqrt 2, sqrt 2] (rounded a few times): e + log2 q has no cancellation,
         * unlike a sum of four logarithms */
        int ec, ee, el, e1;
        double q = frexp(coefficient, &ec) * frexp(eta, &ee) / (frexp(multiplier, &el) * frexp(energy_slope_j, &e1));
        long e = (long)ec + ee - el - e1;

        while (q < 0.70710678118654752440) {
            q *= 2.0;
            e -= 1;
        }
        while (q > 1.41421356237309504880) {
            q *= 0.5;
            e += 1;
        }
        ln_rho = ((double)e + log2(q)) / (eta + 1.0); /* log2 rho */
    }
    return thermoai__finish_positive(ln_rho >= 0.0 ? 1.0 : exp2(ln_rho), density);
}
