/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/model_preset.h
 * \brief Named model architectures, each with its public source.
 *
 * Names are matched case-insensitively: "llama-2-7b", "LLaMA-2-7B". Every row
 * cites the public configuration it was taken from; the dimensions reproduce
 * the published parameter counts with thermoai_model_params().
 *
 * | name | L | d | heads/kv | d_ff | V | context | source |
 * |---|---|---|---|---|---|---|---|
 * | pythia-1.3b (alias pythia-1.4b) | 24 | 2048 | 16/16 | 8192 | 50304 | 2048 | EleutherAI/pythia-1.4b config.json |
 * | llama-2-7b | 32 | 4096 | 32/32 | 11008 | 32000 | 4096 | meta-llama/Llama-2-7b-hf config.json |
 * | llama-2-13b | 40 | 5120 | 40/40 | 13824 | 32000 | 4096 | meta-llama/Llama-2-13b-hf config.json |
 * | llama-2-70b | 80 | 8192 | 64/8 | 28672 | 32000 | 4096 | meta-llama/Llama-2-70b-hf config.json |
 * | mistral-7b | 32 | 4096 | 32/8 | 14336 | 32000 | 32768 | mistralai/Mistral-7B-v0.1 config.json |
 * | falcon-180b | 80 | 14848 | 232/8 | 59392 | 65024 | 2048 | tiiuae/falcon-180B config.json |
 * | gpt-3-175b | 96 | 12288 | 96/96 | 49152 | 50257 | 2048 | Brown et al. 2020, Table 2.1 |
 * | llama-3-8b | 32 | 4096 | 32/8 | 14336 | 128256 | 8192 | meta-llama/Meta-Llama-3-8B config.json |
 * | llama-3-70b | 80 | 8192 | 64/8 | 28672 | 128256 | 8192 | meta-llama/Meta-Llama-3-70B config.json |
 *
 * All presets use \c precision_bits = 16 (FP16/BF16 weights and activations).
 */
#ifndef THERMOAI_MODEL_PRESET_H
#define THERMOAI_MODEL_PRESET_H

#ifndef THERMOAI_H_INSIDE
#  error "Never include <thermoai/model_preset.h> directly; use <thermoai/thermoai.h>."
#endif

#include <stddef.h>
#include <thermoai/export.h>
#include <thermoai/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * \brief Looks up a model preset by name.
 *
 * \param[in]     name  Preset name or alias, case-insensitive.
 * \param[in,out] arch  Initialised with thermoai_model_arch_init(); the preset is
 *                      written over it (its \c struct_size is kept).
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NULL       \p name or \p arch is NULL
 * \retval THERMOAI_E_SIZE       \c arch->struct_size is smaller than 120
 * \retval THERMOAI_E_NOT_FOUND  no preset of that name
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_preset_find(const char *name, thermoai_model_arch *arch);

/**
 * \brief Number of model presets.
 * \return The count; indexes 0 .. count-1 are valid for thermoai_model_preset_info().
 * \since 0.1.0
 */
THERMOAI_API size_t thermoai_model_preset_count(void);

/**
 * \brief The preset at \p index, with its name and source, for listing.
 *
 * \param[in]     index   0 .. thermoai_model_preset_count() - 1.
 * \param[out]    name    The canonical name (static storage); may be NULL.
 * \param[out]    source  The public configuration cited (static storage); may be NULL.
 * \param[in,out] arch    As in thermoai_model_preset_find(); may be NULL.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_SIZE       \c arch->struct_size is smaller than 120
 * \retval THERMOAI_E_NOT_FOUND  \p index is out of range (\p name and \p source set to NULL)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_preset_info(size_t index, const char **name, const char **source,
                               thermoai_model_arch *arch);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_MODEL_PRESET_H */
