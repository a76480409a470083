/* SPDX-License-Identifier: MIT */
/*
 * Attention inputs of many families for make bench (program side): data SSA was
 * not designed for, to measure what it does on inputs users have.
 *
 *   balanced  the library's own synthetic regime (synth.h, concentrated): balanced
 *             clusters, about sqrt(N) of them, query and key of a token together
 *   zipf      Gaussian clusters of Zipf(1.1) sizes, sqrt(N) of them, logit about 9
 *             inside a cluster; most mass stays in the planted cluster
 *   qkdiff    queries and keys from different distributions: query clusters of
 *             Zipf(0.8) sizes attend to key clusters of uniform sizes through a
 *             random permutation, more key noise, and a common key offset (which
 *             changes no softmax but breaks methods that cluster Q and K together)
 *   lowrank   Q = A Wq + noise, K = B Wk + noise with rank-8 factors
 *   local     positional (RoPE-like sinusoids, no aliasing over N) plus content
 *             noise: each query attends to a few neighbours
 *   uniform   small random logits (standard deviation 0.25): near-uniform attention
 *   peaked    each query is a noisy copy of one random key: one dominant key per
 *             row, no cluster structure
 *   text      hashed character 2-4-gram embeddings of consecutive words of a text
 *             (Debian's bible-kjv), Q and K through two random near-identity maps:
 *             lexical matching, Zipf word frequencies
 *
 * Values are independent standard normals in every family.
 */
#ifndef THERMOAI_BENCH_FAMILIES_H
#define THERMOAI_BENCH_FAMILIES_H

#include <stddef.h>
#include <stdint.h>

#define FAMILY_COUNT 8

/* The name of family f (0 <= f < FAMILY_COUNT). */
const char *family_name(int f);

/* The index of a family by name, or -1. */
int family_index(const char *name);

/*
 * Fills q, k, v (n x d row-major) with family f, seeded. text: the words of the text
 * (NULL for every other family; the text family needs at least n words). Returns 0,
 * or -1 on a bad argument or no memory.
 */
int family_generate(int f, size_t n, size_t d, uint64_t seed, const char *text, float *q,
                    float *k, float *v);

#endif
