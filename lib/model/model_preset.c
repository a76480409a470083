/* SPDX-License-Identifier: MIT */
/* Model presets: static rows, each with the public configuration it comes from. */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "common/internal.h"

struct model_preset {
    const char *name, *alias, *source, *status, *as_of;
    uint32_t flags, layers, heads, kv_heads, head_dim;
    uint64_t d_model, d_ff, vocab_size, context_length;
    double bits;
    /* mixture of experts: N, k, shared, first dense layers, expert width */
    uint32_t experts, active, shared, first_dense;
    uint64_t expert_d_ff;
    /* attention variants: window, MLA query rank, latent rank, rotary width, value width */
    uint64_t window;
    uint32_t q_lora, kv_lora, rope, v_head_dim;
};

#define LLAMA (THERMOAI_MODEL_GATED_FFN) /* SwiGLU, RMSNorm, no biases, untied */
#define NEOX (THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_NORM_BIAS) /* GPT-NeoX, LayerNorm, GELU */
#define DENSE 0, 0, 0, 0, 0
#define FULL 0, 0, 0, 0, 0

/* Dimensions from each model's published configuration. The status says how the
 * values were read (tools and notes: doc/cost-model.md, "Model presets"):
 * verified = the owner's own code, config or paper full text; secondary = verbatim
 * copies of config.json or the model card in public repositories, or paper-table
 * transcriptions. tests/ref/model_presets_ref.py recounts every row by hand and
 * compares with the published totals. */
static const struct model_preset presets[] = {
    { "pythia-1.3b", "pythia-1.4b",
      "EleutherAI/pythia-1.4b config.json (Hugging Face); the model was called Pythia-1.3B "
      "before EleutherAI's renaming; 1414647808 parameters",
      "secondary", "2023-04", NEOX, 24, 16, 16, 128, 2048, 8192, 50304, 2048, 16, DENSE, FULL },
    { "llama-2-7b", NULL, "meta-llama/Llama-2-7b-hf config.json (Hugging Face); 6738415616 parameters",
      "secondary", "2023-07-18", LLAMA, 32, 32, 32, 128, 4096, 11008, 32000, 4096, 16, DENSE, FULL },
    { "llama-2-13b", NULL,
      "meta-llama/Llama-2-13b-hf config.json (Hugging Face); 13015864320 parameters", "secondary",
      "2023-07-18", LLAMA, 40, 40, 40, 128, 5120, 13824, 32000, 4096, 16, DENSE, FULL },
    { "llama-2-70b", NULL,
      "meta-llama/Llama-2-70b-hf config.json (Hugging Face); 68976648192 parameters", "secondary",
      "2023-07-18", LLAMA, 80, 64, 8, 128, 8192, 28672, 32000, 4096, 16, DENSE, FULL },
    { "mistral-7b", NULL,
      "mistralai/Mistral-7B-v0.1 config.json (Hugging Face; sliding window 4096 on every "
      "layer); 7241732096 parameters",
      "secondary", "2023-09-27", LLAMA, 32, 32, 8, 128, 4096, 14336, 32000, 32768, 16, DENSE,
      4096, 0, 0, 0, 0 },
    { "falcon-180b", NULL,
      "tiiuae/falcon-180B config.json (Hugging Face; GELU MLP 4d, parallel attention with two "
      "LayerNorms, no biases); 179522565120 parameters",
      "secondary", "2023-09", THERMOAI_MODEL_NORM_BIAS, 80, 232, 8, 64, 14848, 59392, 65024,
      2048, 16, DENSE, FULL },
    { "gpt-3-175b", "gpt-3",
      "Brown et al. 2020, 'Language Models are Few-Shot Learners', Table 2.1 (96 layers, "
      "d_model 12288, 96 heads of 128, d_ff = 4 d_model, context 2048; GPT-2 BPE vocabulary "
      "50257, tied embeddings, learned positions; the dense and banded-sparse layer "
      "alternation is not modelled); 174604259328 parameters (printed: 175.0B)",
      "secondary", "2020-05-28",
      THERMOAI_MODEL_TIED_EMBEDDINGS | THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_NORM_BIAS
          | THERMOAI_MODEL_LEARNED_POSITIONS,
      96, 96, 96, 128, 12288, 49152, 50257, 2048, 16, DENSE, FULL },
    { "llama-3-8b", NULL,
      "meta-llama/Meta-Llama-3-8B config.json (Hugging Face); 8030261248 parameters", "secondary",
      "2024-04-18", LLAMA, 32, 32, 8, 128, 4096, 14336, 128256, 8192, 16, DENSE, FULL },
    { "llama-3-70b", NULL,
      "meta-llama/Meta-Llama-3-70B config.json (Hugging Face); 70553706496 parameters",
      "secondary", "2024-04-18", LLAMA, 80, 64, 8, 128, 8192, 28672, 128256, 8192, 16, DENSE,
      FULL },
    { "llama-3.1-8b", NULL,
      "meta-llama/llama-models models/llama3_1/api/sku_list.py (dim 4096, 32 layers, 32/8 "
      "heads, ffn_dim_multiplier 1.3, multiple_of 1024) and the HF config.json; 8030261248 "
      "parameters",
      "verified", "2024-07-23", LLAMA, 32, 32, 8, 128, 4096, 14336, 128256, 131072, 16, DENSE,
      FULL },
    { "llama-3.1-70b", NULL,
      "meta-llama/llama-models models/llama3_1/api/sku_list.py (dim 8192, 80 layers, 64/8 "
      "heads, multiplier 1.3, multiple_of 4096); 70553706496 parameters",
      "verified", "2024-07-23", LLAMA, 80, 64, 8, 128, 8192, 28672, 128256, 131072, 16, DENSE,
      FULL },
    { "llama-3.1-405b", NULL,
      "meta-llama/llama-models models/llama3_1/api/sku_list.py (dim 16384, 126 layers, "
      "128/8 heads, multiplier 1.2, multiple_of 4096); 405853388800 parameters",
      "verified", "2024-07-23", LLAMA, 126, 128, 8, 128, 16384, 53248, 128256, 131072, 16,
      DENSE, FULL },
    { "llama-3.2-1b", NULL,
      "meta-llama/llama-models models/sku_list.py (dim 2048, 16 layers, 32/8 heads, "
      "multiplier 1.5, multiple_of 256; tied embeddings per the HF config); 1.23B parameters",
      "verified", "2024-09-25", LLAMA | THERMOAI_MODEL_TIED_EMBEDDINGS, 16, 32, 8, 64, 2048,
      8192, 128256, 131072, 16, DENSE, FULL },
    { "llama-3.2-3b", NULL,
      "meta-llama/llama-models models/sku_list.py (dim 3072, 28 layers, 24/8 heads, "
      "multiplier 1.0, multiple_of 256; tied embeddings); 3.21B parameters",
      "verified", "2024-09-25", LLAMA | THERMOAI_MODEL_TIED_EMBEDDINGS, 28, 24, 8, 128, 3072,
      8192, 128256, 131072, 16, DENSE, FULL },
    { "mixtral-8x7b", NULL,
      "mistralai/Mixtral-8x7B-v0.1 config.json (num_local_experts 8, num_experts_per_tok 2, "
      "intermediate_size 14336) and model card; 46.7B total, 12.9B active",
      "secondary", "2023-12-11", LLAMA, 32, 32, 8, 128, 4096, 0, 32000, 32768, 16, 8, 2, 0, 0,
      14336, FULL },
    { "mixtral-8x22b", NULL,
      "mistralai/Mixtral-8x22B-v0.1 config.json (8 experts, top-2, intermediate 16384) and "
      "Mistral AI's announcement; 141B total, 39B active",
      "secondary", "2024-04-17", LLAMA, 56, 48, 8, 128, 6144, 0, 32000, 65536, 16, 8, 2, 0, 0,
      16384, FULL },
    { "qwen2.5-0.5b", NULL,
      "Qwen/Qwen2.5-0.5B model card and config.json (QKV bias, tied embeddings, 14/2 heads); "
      "0.49B parameters",
      "secondary", "2024-09-19", LLAMA | THERMOAI_MODEL_QKV_BIAS | THERMOAI_MODEL_TIED_EMBEDDINGS,
      24, 14, 2, 64, 896, 4864, 151936, 32768, 16, DENSE, FULL },
    { "qwen2.5-1.5b", NULL,
      "Qwen/Qwen2.5-1.5B model card and config.json (QKV bias, tied embeddings, 12/2 heads); "
      "1.54B parameters",
      "secondary", "2024-09-19", LLAMA | THERMOAI_MODEL_QKV_BIAS | THERMOAI_MODEL_TIED_EMBEDDINGS,
      28, 12, 2, 128, 1536, 8960, 151936, 32768, 16, DENSE, FULL },
    { "qwen2.5-7b", NULL,
      "Qwen/Qwen2.5-7B config.json and model card (QKV bias, 28/4 heads, vocabulary 152064); "
      "7.61B parameters",
      "secondary", "2024-09-19", LLAMA | THERMOAI_MODEL_QKV_BIAS, 28, 28, 4, 128, 3584, 18944,
      152064, 131072, 16, DENSE, FULL },
    { "qwen2.5-32b", NULL,
      "Qwen/Qwen2.5-32B config.json (64 layers, 40/8 heads, intermediate 27648, QKV bias); the "
      "card prints 32.5B, its config gives 32763876352",
      "secondary", "2024-09-19", LLAMA | THERMOAI_MODEL_QKV_BIAS, 64, 40, 8, 128, 5120, 27648,
      152064, 131072, 16, DENSE, FULL },
    { "qwen3-8b", NULL,
      "Qwen/Qwen3-8B config.json and model card (36 layers, 32/8 heads, head_dim 128; the "
      "per-head QK norms, 256 parameters a layer, are not counted); 8.2B parameters",
      "secondary", "2025-04-29", LLAMA, 36, 32, 8, 128, 4096, 12288, 151936, 40960, 16, DENSE,
      FULL },
    { "qwen3-32b", NULL,
      "Qwen/Qwen3-32B config.json and model card (64 layers, 64/8 heads of 128, query width "
      "8192 > d_model 5120, intermediate 25600); 32.8B parameters",
      "secondary", "2025-04-29", LLAMA, 64, 64, 8, 128, 5120, 25600, 151936, 40960, 16, DENSE,
      FULL },
    { "qwen3-235b-a22b", NULL,
      "Qwen/Qwen3-235B-A22B config.json and model card (94 layers, 64/4 heads, 128 experts, "
      "8 active, moe_intermediate_size 1536, no shared experts); 235B total, 22B active",
      "secondary", "2025-04-29", LLAMA, 94, 64, 4, 128, 4096, 0, 151936, 40960, 16, 128, 8, 0,
      0, 1536, FULL },
    { "deepseek-v3", "deepseek-r1",
      "deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json and the technical report "
      "(arXiv:2412.19437): MLA with q rank 1536, kv rank 512, rotary 64, value 128; 256 "
      "routed + 1 shared experts of 2048, 8 active, first 3 layers dense (18432); FP8 "
      "weights; the multi-token-prediction module is not included; 671B total, 37B active",
      "secondary", "2024-12-26", LLAMA, 61, 128, 128, 192, 7168, 18432, 129280, 163840, 8, 256,
      8, 1, 3, 2048, 0, 1536, 512, 64, 128 },
    { "gpt-oss-120b", NULL,
      "openai/gpt-oss gpt_oss/torch/model.py ModelConfig (36 layers, hidden 2880, 64/8 heads "
      "of 64, 128 experts of 2880, top-4, biases, sliding window 128 on alternate layers; "
      "MXFP4 expert weights: pass 4.25 weight bits for them); 117B total and 5.1B active "
      "(OpenAI, not re-read; the 5.1B leaves out the input embedding)",
      "verified", "2025-08-05",
      LLAMA | THERMOAI_MODEL_LINEAR_BIAS | THERMOAI_MODEL_SLIDING_ALTERNATE, 36, 64, 8, 64, 2880,
      0, 201088, 131072, 16, 128, 4, 0, 0, 2880, 128, 0, 0, 0, 0 },
    { "falcon-7b", NULL,
      "tiiuae/falcon-7b config.json (multi-query, parallel attention with one LayerNorm, GELU "
      "4d MLP, no biases, tied embeddings per the FalconConfig default); 7B parameters",
      "secondary", "2023-05",
      THERMOAI_MODEL_NORM_BIAS | THERMOAI_MODEL_TIED_EMBEDDINGS | THERMOAI_MODEL_PARALLEL_BLOCK,
      32, 71, 1, 64, 4544, 18176, 65024, 2048, 16, DENSE, FULL },
    { "gemma-2-9b", NULL,
      "Gemma Team 2024 (arXiv:2408.00118) Tables 1-2 and google/gemma-2-9b config.json "
      "(GeGLU 14336, 16/8 heads of 256, norms before and after each sub-layer, window 4096 "
      "on alternate layers, vocabulary 256128 per the paper's embedding count; the config "
      "says 256000); 9242164736 parameters",
      "verified", "2024-06-27",
      LLAMA | THERMOAI_MODEL_TIED_EMBEDDINGS | THERMOAI_MODEL_SANDWICH_NORM
          | THERMOAI_MODEL_SLIDING_ALTERNATE,
      42, 16, 8, 256, 3584, 14336, 256128, 8192, 16, DENSE, 4096, 0, 0, 0, 0 },
    { "phi-3-mini-4k", NULL,
      "microsoft/Phi-3-mini-4k-instruct config.json and Abdin et al. 2024 (32 layers, 32 "
      "heads of 96, intermediate 8192, sliding window 2047); 3.8B parameters",
      "secondary", "2024-04-23", LLAMA, 32, 32, 32, 96, 3072, 8192, 32064, 4096, 16, DENSE,
      2047, 0, 0, 0, 0 },
    { "bloom-176b", "bloom",
      "BigScience 2022 (arXiv:2211.05100) and bigscience/bloom config.json (70 layers, 14336, "
      "112 heads, GELU 4d MLP, biases, ALiBi, tied embeddings padded to 250880 rows; the "
      "embedding LayerNorm, 28672 parameters, is not counted); 176247M parameters",
      "secondary", "2022-11", NEOX | THERMOAI_MODEL_TIED_EMBEDDINGS, 70, 112, 112, 128, 14336,
      57344, 250880, 2048, 16, DENSE, FULL },
    { "pythia-70m", NULL,
      "Biderman et al. 2023 (arXiv:2304.01373) Table 1 and EleutherAI/pythia-70m config.json; "
      "70426624 parameters",
      "secondary", "2023-04", NEOX, 6, 8, 8, 64, 512, 2048, 50304, 2048, 16, DENSE, FULL },
    { "pythia-6.9b", NULL,
      "Biderman et al. 2023 Table 1 (non-embedding 6444163072; 50432 embedding rows follow "
      "from the total); 6857302016 parameters",
      "secondary", "2023-04", NEOX, 32, 32, 32, 128, 4096, 16384, 50432, 2048, 16, DENSE, FULL },
    { "pythia-12b", NULL,
      "Biderman et al. 2023 Table 1 (non-embedding 11327027200; 50688 embedding rows); "
      "11846072320 parameters",
      "secondary", "2023-04", NEOX, 36, 40, 40, 128, 5120, 20480, 50688, 2048, 16, DENSE, FULL },
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
    a.precision_bits = p->bits;
    a.experts = p->experts;
    a.active_experts = p->active;
    a.shared_experts = p->shared;
    a.first_dense_layers = p->first_dense;
    a.expert_d_ff = p->expert_d_ff;
    a.sliding_window = p->window;
    a.q_lora_rank = p->q_lora;
    a.kv_lora_rank = p->kv_lora;
    a.rope_head_dim = p->rope;
    a.v_head_dim = p->v_head_dim;
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

int thermoai_model_preset_status(size_t index, const char **status, const char **as_of)
{
    if (status != NULL)
        *status = NULL;
    if (as_of != NULL)
        *as_of = NULL;
    if (index >= N_PRESETS)
        return THERMOAI_E_NOT_FOUND;
    if (status != NULL)
        *status = presets[index].status;
    if (as_of != NULL)
        *as_of = presets[index].as_of;
    return THERMOAI_OK;
}
