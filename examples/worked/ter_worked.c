/* SPDX-License-Identifier: MIT */
/* The worked example in C: the thermodynamic efficiency ratio (TER) of the llama-2-7b
 * preset at 0.4 J per token (default entropy parameters: one attention row, the
 * context as sequence length, saturation 0.15, 300 K). The same example is in C++,
 * Python and Rust (ter_worked.cc, ter_worked.py, bindings/rust/thermoai/examples);
 * tests/bindings/test_worked_example.sh checks that all four print the same bits. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <thermoai/thermoai.h>

int main(void)
{
    thermoai_model_arch arch;
    double ter;
    uint64_t bits;
    int st = thermoai_model_arch_init(&arch, sizeof arch);
    if (st == THERMOAI_OK)
        st = thermoai_model_preset_find("llama-2-7b", &arch);
    if (st == THERMOAI_OK)
        st = thermoai_ter_per_token(&arch, NULL, 0.4, &ter);
    if (st != THERMOAI_OK) {
        fprintf(stderr, "ter_worked: %s\n", thermoai_status_name(st));
        return 1;
    }
    memcpy(&bits, &ter, sizeof bits);
    printf("TER llama-2-7b at 0.4 J/token: %.17g (bits 0x%016" PRIx64 ")\n", ter, bits);
    return 0;
}
