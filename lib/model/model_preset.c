/* SPDX-License-Identifier: MIT */
/* Model presets: static rows, each with the public configuration it comes from. */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "common/internal.h"

struct model_preset {
    const char *name, *alias, *source;
    uint32_t flags, layers, heads, kv_heads, head_dim;
    uint64_t d_model, d_ff, vocab_size, context_length;
};

#define LLAMA (THERMOAI_MODEL_GATED_FFN) /* SwiGLU, RMSNorm, no biases, untied */

/* Dimensions from each model's published configuration; precision_bits = 16 for
 * all. tests/test_presets.c checks the parameter counts against the published
 * totals (HF model cards / Brown et al. 2020). */
static const struct model_preset presets[] = {
    { "pythia-1.3b", "pythia-1.4b",
      "EleutherAI/pythia-1.4b config.json (Hugging Face); the model was called Pythia-1.3B "
      "before EleutherAI's renaming; 1414647808 parameters",
      THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_NORM_BIAS, 24, 16, 16, 128, 2048, 8192, 50304,
      2048 },
    { "llama-2-7b", NULL, "meta-llama/Llama-2-7b-hf config.json (Hugging Face); 6738415616 parameters",
      LLAMA, 32, 32, 32, 128, 4096, 11008, 32000, 4096 },
    { "llama-2-13b", NULL,
      "meta-llama/Llama-2-13b-hf config.json (Hugging Face); 13015864320 parameters", LLAMA, 40,
      40, 40, 128, 5120, 13824, 32000, 4096 },
    { "llama-2-70b", NULL,
      "meta-llama/Llama-2-70b-hf config.json (Hugging Face); 68976648192 parameters", LLAMA, 80,
      64, 8, 128, 8192, 28672, 32000, 4096 },
    { "mistral-7b", NULL,
      "mistralai/Mistral-7B-v0.1 config.json (Hugging Face; sliding window 4096); "
      "7241732096 parameters",
      LLAMA, 32, 32, 8, 128, 4096, 14336, 32000, 32768 },
    { "falcon-180b", NULL,
      "tiiuae/falcon-180B config.json (Hugging Face; GELU MLP 4d, parallel attention, "
      "LayerNorm); 179522565120 parameters",
      THERMOAI_MODEL_NORM_BIAS, 80, 232, 8, 64, 14848, 59392, 65024, 2048 },
    { "gpt-3-175b", "gpt-3",
      "Brown et al. 2020, 'Language Models are Few-Shot Learners', Table 2.1 (96 layers, "
      "d_model 12288, 96 heads of 128, d_ff = 4 d_model, context 2048; GPT-2 BPE vocabulary "
      "50257, tied embeddings, learned positions)",
      THERMOAI_MODEL_TIED_EMBEDDINGS | THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_NORM_BIAS
          | THERMOAI_MODEL_LEARNED_POSITIONS,
      96, 96, 96, 128, 12288, 49152, 50257, 2048 },
    { "llama-3-8b", NULL,
      "meta-llama/Meta-Llama-3-8B config.json (Hugging Face); 8030261248 parameters", LLAMA, 32,
      32, 8, 128, 4096, 14336, 128256, 8192 },
    { "llama-3-70b", NULL,
      "meta-llama/Meta-Llama-3-70B config.json (Hugging Face); 70553706496 parameters", LLAMA,
      80, 64, 8, 128, 8192, 28672, 128256, 8192 },
};

#define N_PRESETS (sizeof presets / sizeof presets[0])

static int same_name(const char *a, const char *b)
{
    if (b == NULL)
        return 0;
    for (; *a != '\0' && *b != '\0'; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
    return *a == *b;
}

/* Writes preset p over the caller's struct, keeping its struct_size. */
static int fill(const struct model_preset *p, thermoai_model_arch *arch)
{
    thermoai_model_arch a;

    memset(&a, 0, sizeof a);
    a.struct_size = (uint32_t)sizeof a;
    a.flags = p->flags;
    a.layers = p->layers;
    a.heads = p->heads;
    a.kv_heads = p->kv_heads;
    a.head_dim = p->head_dim;
    a.d_model = p->d_model;
    a.d_ff = p->d_ff;
    a.vocab_size = p->vocab_size;
    a.context_length = p->context_length;
    a.precision_bits = 16.0;
    return thermoai__struct_out(arch, THERMOAI__SIZE_V0_MODEL_ARCH, &a, sizeof a);
}

/* The error path of the output arch: its double field (precision_bits) NaN
 * where the caller's struct_size covers it, so that a failed lookup cannot
 * pass for an architecture. */
static int fail(int status, thermoai_model_arch *arch)
{
    static const size_t doubles[] = { offsetof(thermoai_model_arch, precision_bits) };

    thermoai__struct_nan(arch, sizeof *arch, doubles, 1);
    return status;
}

int thermoai_model_preset_find(const char *name, thermoai_model_arch *arch)
{
    size_t i;

    if (arch == NULL)
        return THERMOAI_E_NULL;
    if (name == NULL)
        return fail(THERMOAI_E_NULL, arch);
    for (i = 0; i < N_PRESETS; i++)
        if (same_name(name, presets[i].name) || same_name(name, presets[i].alias)) {
            const int status = fill(&presets[i], arch);

            return status == THERMOAI_OK ? status : fail(status, arch);
        }
    return fail(THERMOAI_E_NOT_FOUND, arch);
}

size_t thermoai_model_preset_count(void)
{
    return N_PRESETS;
}

int thermoai_model_preset_info(size_t index, const char **name, const char **source,
                               thermoai_model_arch *arch)
{
    if (name != NULL)
        *name = NULL;
    if (source != NULL)
        *source = NULL;
    if (index >= N_PRESETS)
        return fail(THERMOAI_E_NOT_FOUND, arch);
    if (arch != NULL) {
        int status = fill(&presets[index], arch);

        if (status != THERMOAI_OK)
            return fail(status, arch);
    }
    if (name != NULL)
        *name = presets[index].name;
    if (source != NULL)
        *source = presets[index].source;
    return THERMOAI_OK;
}
