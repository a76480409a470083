/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/sparsity.h
 * \brief Energy of sparse formats, the break-even density, and the sparsity Pareto condition.
 *
 * One product of an \f$m \times n\f$ weight matrix with a vector costs
 * \f$e_{flop}\f$ per FLOP (2 per multiply-add) and \f$e_{mem}\f$ per bit read. Theorem
 * 3.24 of paper 002 gives the orders
 * \f$E_{unstructured}(s) = \Theta(s) e_{flop} + \Theta(s) e_{mem}\f$,
 * \f$E_{block}(b) = \Theta(b k^2) e_{flop} + \Theta(b) e_{mem}\f$,
 * \f$E_{low\text{-}rank}(r) = \Theta((m+n) r) e_{flop} + \Theta(r) e_{mem}\f$; its memory
 * terms for block and low-rank count one item per block or per rank, which
 * leaves out the stored values (\f$b k^2\f$ and \f$(m+n) r\f$ of them). The functions
 * here count every stored bit, values and indices separately:
 *
 * | format | FLOPs | bits read |
 * |---|---|---|
 * | dense | \f$2 m n\f$ | \f$m n\, w\f$ |
 * | unstructured, \f$s\f$ non-zeros | \f$2 s\f$ | \f$s (w + i)\f$ |
 * | block, \f$b\f$ blocks of \f$k \times k\f$ | \f$2 b k^2\f$ | \f$b k^2 w + b\, i\f$ |
 * | low rank \f$r\f$ | \f$2 (m + n) r\f$ | \f$(m + n) r\, w\f$ |
 *
 * with \f$w\f$ bits per value and \f$i\f$ bits per index. Proposition 4.9's break-even
 * density for sparse attention (index overhead \f$c_{idx} \log N\f$ per kept entry
 * against \f$c_{flop} d\f$ of compute) is exactly
 * \f$\rho^* = 1/(1 + c_{idx}\log N/(c_{flop} d))\f$; the paper prints its first-order
 * form \f$1 - c_{idx}\log N/(c_{flop} d)\f$.
 */
#ifndef THERMOAI_SPARSITY_H
#define THERMOAI_SPARSITY_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/sparsity.h> directly; use <thermoai/thermoai.h>."
#endif

#include <thermoai/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Energy of a dense matrix-vector product: \f$2mn\,e_{flop} + mn\,w\,e_{mem}\f$.
 * \param[in]  rows             Rows \f$m\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  cols             Columns \f$n\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  value_bits       Bits per stored value \f$w\f$. Unit: bit. Finite, >= 0.
 * \param[in]  j_per_flop       Energy per FLOP \f$e_{flop}\f$. Unit: J/FLOP. Finite, >= 0.
 * \param[in]  j_per_bit        Energy per bit read \f$e_{mem}\f$. Unit: J/bit. Finite, >= 0.
 * \param[out] energy_j         The energy. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 002, Theorem 3.24 (the dense baseline).
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_sparsity_dense_energy_j(double rows, double cols, double value_bits, double j_per_flop,
                                     double j_per_bit, double *energy_j);

/**
 * \brief Energy with \f$s\f$ unstructured non-zeros: \f$2s\,e_{flop} + s(w + i)\,e_{mem}\f$.
 * \param[in]  nonzeros    Stored non-zeros \f$s\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  value_bits  Bits per value \f$w\f$. Unit: bit. Finite, >= 0.
 * \param[in]  index_bits  Bits of index per non-zero \f$i\f$ (e.g. a column index of
 *                         \f$\lceil\log_2 n\rceil\f$ bits). Unit: bit. Finite, >= 0.
 * \param[in]  j_per_flop  Energy per FLOP. Unit: J/FLOP. Finite, >= 0.
 * \param[in]  j_per_bit   Energy per bit read. Unit: J/bit. Finite, >= 0.
 * \param[out] energy_j    The energy. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 002, Theorem 3.24 (\f$E_{unstructured}\f$), index overhead explicit.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_sparsity_unstructured_energy_j(double nonzeros, double value_bits, double index_bits,
                                            double j_per_flop, double j_per_bit, double *energy_j);

/**
 * \brief Energy with \f$b\f$ dense \f$k \times k\f$ blocks: \f$2bk^2 e_{flop} + (bk^2 w + b\,i) e_{mem}\f$.
 * \param[in]  blocks      Non-zero blocks \f$b\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  block_size  Block side \f$k\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  value_bits  Bits per value \f$w\f$. Unit: bit. Finite, >= 0.
 * \param[in]  index_bits  Bits of index per block \f$i\f$. Unit: bit. Finite, >= 0.
 * \param[in]  j_per_flop  Energy per FLOP. Unit: J/FLOP. Finite, >= 0.
 * \param[in]  j_per_bit   Energy per bit read. Unit: J/bit. Finite, >= 0.
 * \param[out] energy_j    The energy. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input or \p block_size < 1
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 002, Theorem 3.24 (\f$E_{block}\f$), with the block values counted.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_sparsity_block_energy_j(double blocks, double block_size, double value_bits,
                                     double index_bits, double j_per_flop, double j_per_bit,
                                     double *energy_j);

/**
 * \brief Energy of a rank-\f$r\f$ factorisation: \f$2(m+n)r\,e_{flop} + (m+n)r\,w\,e_{mem}\f$.
 * \param[in]  rows        Rows \f$m\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  cols        Columns \f$n\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  rank        Rank \f$r\f$. [dimensionless]. Finite, >= 0.
 * \param[in]  value_bits  Bits per value \f$w\f$. Unit: bit. Finite, >= 0.
 * \param[in]  j_per_flop  Energy per FLOP. Unit: J/FLOP. Finite, >= 0.
 * \param[in]  j_per_bit   Energy per bit read. Unit: J/bit. Finite, >= 0.
 * \param[out] energy_j    The energy. Unit: J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p energy_j is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    a negative input
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 002, Theorem 3.24 (\f$E_{low\text{-}rank}\f$), with the factor values counted.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_sparsity_lowrank_energy_j(double rows, double cols, double rank, double value_bits,
                                       double j_per_flop, double j_per_bit, double *energy_j);

/**
 * \brief Index bits of a sparse attention pattern: \f$\rho N^2 \lceil\log_2 N\rceil\f$.
 * \param[in]  seq_len  Sequence length \f$N\f$. [dimensionless]. Finite, >= 1.
 * \param[in]  density  Kept fraction \f$\rho\f$. [dimensionless]. Finite, in [0, 1].
 * \param[out] bits     The index storage. Unit: bit. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p bits is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows, or is positive and below DBL_MIN
 * \par Source
 *   Paper 002, Proposition 4.9 item 1.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_sparsity_attention_index_bits(double seq_len, double density, double *bits);

/**
 * \brief Break-even density of a sparse format, Proposition 4.9.
 *
 * Keeping a fraction \f$\rho\f$ of \f$N^2\f$ entries costs
 * \f$\rho N^2 (c_{flop} d + c_{idx} i)\f$ against \f$N^2 c_{flop} d\f$ dense, with
 * \f$i\f$ index bits per kept entry (\f$\log_2 N\f$ in the paper). Sparsity saves energy
 * exactly when \f$\rho < \rho^* = 1/(1 + x)\f$, \f$x = c_{idx} i/(c_{flop} d)\f$; the paper's
 * \f$1 - x\f$ is the first-order form (below \f$\rho^*\f$ by \f$x^2/(1+x)\f$, and negative
 * for \f$x > 1\f$, where it is returned as such).
 *
 * \param[in]  flop_per_entry  Compute per kept entry, \f$d\f$ in the paper. Unit: FLOP. Finite, > 0.
 * \param[in]  j_per_flop      Energy per FLOP \f$c_{flop}\f$. Unit: J/FLOP. Finite, > 0.
 * \param[in]  index_bits      Index bits per kept entry \f$i\f$. Unit: bit. Finite, >= 0.
 * \param[in]  j_per_index_bit Energy per index bit \f$c_{idx}\f$. Unit: J/bit. Finite, >= 0.
 * \param[out] density         The exact \f$\rho^*\f$. [dimensionless]. NaN on error.
 * \param[out] first_order     The paper's \f$1 - x\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       an output is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      \f$x\f$ overflows
 * \par Source
 *   Paper 002, Proposition 4.9 item 3.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_sparsity_breakeven_density(double flop_per_entry, double j_per_flop, double index_bits,
                                        double j_per_index_bit, double *density, double *first_order);

/**
 * \brief The multiplier of the Pareto condition at a density, Proposition 3.23.
 *
 * With degradation \f$\Delta(\rho) = c\rho^{-\eta}\f$ and energy
 * \f$E(\rho) = E_0 + E_1\rho\f$, the condition \f$\partial\Delta/\partial\rho = -\lambda\,\partial E/\partial\rho\f$
 * holds at every \f$\rho \in (0, 1]\f$ with \f$\lambda = c\eta\rho^{-\eta-1}/E_1 > 0\f$: every
 * density is Pareto-optimal (\f$\Delta\f$ falls and \f$E\f$ rises with \f$\rho\f$), and
 * \f$\lambda\f$ is the price in degradation per joule that selects it.
 *
 * \param[in]  coefficient    Degradation at full density \f$c\f$. [dimensionless]. Finite, > 0.
 * \param[in]  eta            Exponent \f$\eta\f$. [dimensionless]. Finite, > 0.
 * \param[in]  energy_slope_j Energy slope \f$E_1\f$ (the derivative of the energy in the density: the energy
 *                            of the dense computation that density scales). Unit: J. Finite, > 0.
 * \param[in]  density        Density \f$\rho\f$. [dimensionless]. Finite, in (0, 1].
 * \param[out] multiplier     Multiplier \f$\lambda\f$, degradation per joule. Unit: 1/J. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p multiplier is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the result overflows or is subnormal
 * \par Source
 *   Paper 002, Proposition 3.23.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_sparsity_pareto_multiplier(double coefficient, double eta, double energy_slope_j,
                                        double density, double *multiplier);

/**
 * \brief The density that minimises \f$\Delta(\rho) + \lambda E(\rho)\f$, Proposition 3.23.
 *
 * \f$\rho^* = \min\bigl(1, (c\eta/(\lambda E_1))^{1/(\eta+1)}\bigr)\f$, the inverse of
 * thermoai_sparsity_pareto_multiplier() clamped to full density.
 *
 * \param[in]  coefficient    Degradation at full density \f$c\f$. [dimensionless]. Finite, > 0.
 * \param[in]  eta            Exponent \f$\eta\f$. [dimensionless]. Finite, > 0.
 * \param[in]  energy_slope_j Energy slope \f$E_1\f$. Unit: J. Finite, > 0.
 * \param[in]  multiplier     Price \f$\lambda\f$ in degradation per joule. Unit: 1/J. Finite, > 0.
 * \param[out] density        Density \f$\rho^*\f$. [dimensionless]. NaN on error.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p density is NULL
 * \retval THERMOAI_E_NONFINITE  an input is NaN or infinite
 * \retval THERMOAI_E_INVALID    an input outside its domain
 * \retval THERMOAI_E_RANGE      the density underflows
 * \par Source
 *   Paper 002, Proposition 3.23.
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_sparsity_pareto_density(double coefficient, double eta, double energy_slope_j,
                                     double multiplier, double *density);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_SPARSITY_H */
