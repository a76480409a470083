// SPDX-License-Identifier: MIT
// The worked example in C++ (C++11 and later): see ter_worked.c.
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <thermoai/thermoai.h>

namespace {
void check(int status)
{
    if (status != THERMOAI_OK)
        throw std::runtime_error(thermoai_status_name(status));
}
} // namespace

int main()
{
    try {
        thermoai_model_arch arch;
        check(thermoai_model_arch_init(&arch, sizeof arch));
        check(thermoai_model_preset_find("llama-2-7b", &arch));
        double ter = 0.0;
        check(thermoai_ter_per_token(&arch, nullptr, 0.4, &ter));
        std::uint64_t bits = 0;
        std::memcpy(&bits, &ter, sizeof bits);
        std::printf("TER llama-2-7b at 0.4 J/token: %.17g (bits 0x%016" PRIx64 ")\n", ter, bits);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ter_worked: %s\n", e.what());
        return 1;
    }
    return 0;
}
