/* SPDX-License-Identifier: MIT */
/**
 * \file thermoai/model_preset.h
 * \brief Named model architectures, each with its public source.
 *
 * Names are matched case-insensitively: "llama-2-7b", "LLaMA-2-7B". Every row
 * cites the public configuration it was taken from, with how it was read
 * (thermoai_model_preset_status(): "verified" from the owner's own code, config or
 * paper; "secondary" from verbatim copies of config.json, model cards or paper
 * transcriptions) and the release date. tests/ref/model_presets_ref.py recounts
 * every row by hand and compares with the published totals.
 *
 * | name | L | d | heads/kv | FFN (experts) | V | context | status |
 * |---|---|---|---|---|---|---|---|
 * | pythia-70m, pythia-1.3b (alias pythia-1.4b), pythia-6.9b, pythia-12b | 6-36 | 512-5120 | MHA | 4d GELU | 50304-50688 | 2048 | secondary |
 * | llama-2-7b / 13b / 70b | 32/40/80 | 4096/5120/8192 | 32/32, 40/40, 64/8 | SwiGLU | 32000 | 4096 | secondary |
 * | llama-3-8b / 70b | 32/80 | 4096/8192 | 32/8, 64/8 | SwiGLU | 128256 | 8192 | secondary |
 * | llama-3.1-8b / 70b / 405b | 32/80/126 | 4096/8192/16384 | GQA 8 | SwiGLU | 128256 | 131072 | verified |
 * | llama-3.2-1b / 3b | 16/28 | 2048/3072 | GQA 8 | SwiGLU, tied | 128256 | 131072 | verified |
 * | mistral-7b | 32 | 4096 | 32/8 | 14336 | 32000 | 32768 (window 4096) | secondary |
 * | mixtral-8x7b / 8x22b | 32/56 | 4096/6144 | GQA 8 | 8 experts, top-2 | 32000 | 32768/65536 | secondary |
 * | qwen2.5-0.5b / 1.5b / 7b / 32b | 24-64 | 896-5120 | GQA | SwiGLU, QKV bias | 151936/152064 | 32768/131072 | secondary |
 * | qwen3-8b / 32b | 36/64 | 4096/5120 | 32/8, 64/8 | SwiGLU | 151936 | 40960 | secondary |
 * | qwen3-235b-a22b | 94 | 4096 | 64/4 | 128 experts of 1536, top-8 | 151936 | 40960 | secondary |
 * | deepseek-v3 (alias deepseek-r1) | 61 | 7168 | 128, MLA | 256+1 experts of 2048, top-8, 3 dense | 129280 | 163840 | secondary |
 * | gpt-oss-120b | 36 | 2880 | 64/8 | 128 experts of 2880, top-4 | 201088 | 131072 | verified |
 * | falcon-7b / falcon-180b | 32/80 | 4544/14848 | 71/1, 232/8 | 4d GELU | 65024 | 2048 | secondary |
 * | gemma-2-9b | 42 | 3584 | 16/8 | GeGLU 14336 | 256128 | 8192 | verified |
 * | phi-3-mini-4k | 32 | 3072 | 32/32 | SwiGLU 8192 | 32064 | 4096 | secondary |
 * | gpt-3-175b (alias gpt-3) | 96 | 12288 | 96/96 | 4d GELU | 50257 | 2048 | secondary |
 * | bloom-176b (alias bloom) | 70 | 14336 | 112/112 | 4d GELU | 250880 | 2048 | secondary |
 *
 * \c precision_bits is 16 (FP16/BF16) for every preset but deepseek-v3 (8: its
 * released weights are FP8).
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
 *                      written over it (its \c struct_size is kept). On error
 *                      its \c precision_bits is NaN where \c struct_size covers it.
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

/**
 * \brief How the preset at \p index was sourced, and its release date.
 *
 * \param[in]  index   0 .. thermoai_model_preset_count() - 1.
 * \param[out] status  "verified" or "secondary" (static storage); may be NULL.
 * \param[out] as_of   Release date of the configuration, "YYYY-MM-DD" or "YYYY-MM"
 *                     (static storage); may be NULL.
 * \retval THERMOAI_OK           success
 * \retval THERMOAI_E_NOT_FOUND  \p index is out of range (outputs set to NULL)
 * \since 0.1.0
 */
THERMOAI_API THERMOAI_NODISCARD
int thermoai_model_preset_status(size_t index, const char **status, const char **as_of);

#ifdef __cplusplus
}
#endif
#endif /* THERMOAI_MODEL_PRESET_H */
