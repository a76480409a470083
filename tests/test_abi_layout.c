/* SPDX-License-Identifier: MIT */
/*
 * ABI pins, written as literal numbers: status code values, constants, and
 * (as they are added) the size and field offsets of every public struct.
 * A change here is an ABI change and needs a conscious edit (doc/abi-policy.md).
 */
#include "config.h"

#include <float.h>
#include <stddef.h>

#include <thermoai/thermoai.h>

#include "tap.h"

int main(void)
{
    /* The library's numbers are IEEE 754 binary64. */
    tap_ok(sizeof(double) == 8 && DBL_MANT_DIG == 53 && FLT_RADIX == 2,
           "double is IEEE 754 binary64");

    /* Status codes are pinned from the first release. */
    tap_ok(THERMOAI_OK == 0, "THERMOAI_OK == 0");
    tap_ok(THERMOAI_E_NULL == 1, "THERMOAI_E_NULL == 1");
    tap_ok(THERMOAI_E_INVALID == 2, "THERMOAI_E_INVALID == 2");
    tap_ok(THERMOAI_E_NONFINITE == 3, "THERMOAI_E_NONFINITE == 3");
    tap_ok(THERMOAI_E_SIZE == 4, "THERMOAI_E_SIZE == 4");
    tap_ok(THERMOAI_E_UNSUPPORTED == 5, "THERMOAI_E_UNSUPPORTED == 5");
    tap_ok(THERMOAI_E_CALLBACK == 6, "THERMOAI_E_CALLBACK == 6");
    tap_ok(THERMOAI_E_DOMAIN == 100, "THERMOAI_E_DOMAIN == 100");
    tap_ok(THERMOAI_E_RANGE == 101, "THERMOAI_E_RANGE == 101");
    tap_ok(THERMOAI_E_NO_CONVERGENCE == 102, "THERMOAI_E_NO_CONVERGENCE == 102");
    tap_ok(THERMOAI_E_LOSS == 103, "THERMOAI_E_LOSS == 103");
    tap_ok(THERMOAI_E_NOMEM == 200, "THERMOAI_E_NOMEM == 200");
    tap_ok(THERMOAI_E_INTERNAL == 299, "THERMOAI_E_INTERNAL == 299");
    tap_ok(THERMOAI_E_NOT_FOUND == 300, "THERMOAI_E_NOT_FOUND == 300");

    tap_ok(THERMOAI_BOLTZMANN_J_PER_K == 1.380649e-23, "k_B macro is 1.380649e-23 J/K");
    tap_ok(THERMOAI_JULIAN_YEAR_S == 31557600.0 && thermoai_julian_year_s() == 31557600.0,
           "Julian year is 31557600 s");

    /* thermoai_model_arch (0.1.0): 72 bytes */
    tap_ok(sizeof(thermoai_model_arch) == 72, "sizeof(thermoai_model_arch) == 72");
    tap_ok(thermoai_model_arch_size() == 72, "thermoai_model_arch_size() == 72");
    tap_ok(offsetof(thermoai_model_arch, struct_size) == 0 && offsetof(thermoai_model_arch, flags) == 4
               && offsetof(thermoai_model_arch, layers) == 8 && offsetof(thermoai_model_arch, heads) == 12
               && offsetof(thermoai_model_arch, kv_heads) == 16
               && offsetof(thermoai_model_arch, head_dim) == 20
               && offsetof(thermoai_model_arch, d_model) == 24 && offsetof(thermoai_model_arch, d_ff) == 32
               && offsetof(thermoai_model_arch, vocab_size) == 40
               && offsetof(thermoai_model_arch, context_length) == 48
               && offsetof(thermoai_model_arch, precision_bits) == 56
               && offsetof(thermoai_model_arch, params) == 64,
           "thermoai_model_arch field offsets 0,4,8,12,16,20,24,32,40,48,56,64");
    tap_ok(THERMOAI_ARCH_GATED_FFN == 0x1u && THERMOAI_ARCH_TIED_EMBEDDINGS == 0x2u
               && THERMOAI_ARCH_LINEAR_BIAS == 0x4u && THERMOAI_ARCH_NORM_BIAS == 0x8u
               && THERMOAI_ARCH_LEARNED_POSITIONS == 0x10u,
           "architecture flag bits 0x1, 0x2, 0x4, 0x8, 0x10");

    /* thermoai_entropy_params (0.1.0): 32 bytes */
    tap_ok(sizeof(thermoai_entropy_params) == 32 && thermoai_entropy_params_size() == 32,
           "sizeof(thermoai_entropy_params) == 32");
    tap_ok(offsetof(thermoai_entropy_params, attention_rows) == 4
               && offsetof(thermoai_entropy_params, seq_len) == 8
               && offsetof(thermoai_entropy_params, saturation_fraction) == 16
               && offsetof(thermoai_entropy_params, temperature_k) == 24,
           "thermoai_entropy_params field offsets 4, 8, 16, 24");
    tap_ok(THERMOAI_ATTENTION_ROWS_ONE == 0 && THERMOAI_ATTENTION_ROWS_ALL == 1,
           "attention row modes 0 (one) and 1 (all)");

    /* thermoai_entropy_breakdown (0.1.0): 56 bytes */
    tap_ok(sizeof(thermoai_entropy_breakdown) == 56 && thermoai_entropy_breakdown_size() == 56,
           "sizeof(thermoai_entropy_breakdown) == 56");
    tap_ok(offsetof(thermoai_entropy_breakdown, reserved) == 4
               && offsetof(thermoai_entropy_breakdown, attention_bits) == 8
               && offsetof(thermoai_entropy_breakdown, ffn_bits) == 16
               && offsetof(thermoai_entropy_breakdown, norm_bits) == 24
               && offsetof(thermoai_entropy_breakdown, layer_bits) == 32
               && offsetof(thermoai_entropy_breakdown, token_bits) == 40
               && offsetof(thermoai_entropy_breakdown, token_energy_j) == 48,
           "thermoai_entropy_breakdown field offsets 4, 8, ..., 48");
    tap_ok(THERMOAI_ABI_VERSION == 0, "ABI (SONAME major) version is 0");
    return tap_done();
}
