/* SPDX-License-Identifier: MIT */
/*
 * Every size-field struct (the registry in lib/common/internal.h): its _size()
 * is the sizeof this program was compiled with, its _init() writes struct_size
 * and accepts every size from the V0 size (a program built against 0.1.0) up,
 * and rejects NULL, a size below V0 and an absurd size. The V0 sizes are
 * literals here: changing one is an ABI change (doc/abi-policy.md).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

typedef int (*init_fn)(void *out, size_t size);

static int synth_init(void *p, size_t s)
{
    return thermoai_synth_params_init((thermoai_synth_params *)p, s, THERMOAI_SYNTH_CONCENTRATED);
}
#define INIT(T) static int T##_init_(void *p, size_t s) { return thermoai_##T##_init((thermoai_##T *)p, s); }
INIT(model_arch)
INIT(entropy_params)
INIT(entropy_breakdown)
INIT(flux_phases)
INIT(scaling_negentropy_law)
INIT(scaling_loss_law)
INIT(ssa_params)
INIT(ssa_stats)
INIT(spectral_params)
INIT(spectral_info)
INIT(loss_model)
INIT(allocate_energy_model)
INIT(allocate_result)

struct entry {
    const char *name;
    size_t compiled;     /* sizeof in this program */
    size_t library;      /* the library's _size() */
    size_t v0;           /* pinned V0 size */
    init_fn init;
};

int main(void)
{
#define E(T, v0) { #T, sizeof(thermoai_##T), thermoai_##T##_size(), v0, T##_init_ }
    const struct entry all[] = {
        E(model_arch, 72),         E(entropy_params, 32), E(entropy_breakdown, 56),
        E(flux_phases, 64),        E(scaling_negentropy_law, 64), E(scaling_loss_law, 64),
        E(ssa_params, 40),         E(ssa_stats, 80),      E(spectral_params, 32),
        E(spectral_info, 32),      E(loss_model, 64),     E(allocate_energy_model, 40),
        E(allocate_result, 128),
        { "synth_params", sizeof(thermoai_synth_params), thermoai_synth_params_size(), 40, synth_init },
    };
#undef E
    size_t i;

    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        const struct entry *e = &all[i];
        unsigned char *buf = (unsigned char *)malloc(e->compiled + 64);
        uint32_t ss = 0;

        if (!tap_ok(buf != NULL, "%s: buffer", e->name))
            continue;
        tap_ok(e->library == e->compiled, "%s: _size() %zu == sizeof %zu", e->name, e->library,
               e->compiled);
        tap_ok(e->v0 <= e->compiled, "%s: V0 size %zu <= sizeof", e->name, e->v0);
        memset(buf, 0xA5, e->compiled + 64);
        tap_ok(e->init(buf, e->compiled) == THERMOAI_OK && (memcpy(&ss, buf, 4), ss == e->compiled),
               "%s: _init(sizeof) sets struct_size", e->name);
        tap_ok(buf[e->compiled] == 0xA5, "%s: _init writes nothing past size", e->name);
        memset(buf, 0xA5, e->compiled + 64);
        tap_ok(e->init(buf, e->v0) == THERMOAI_OK && (memcpy(&ss, buf, 4), ss == e->v0)
                   && buf[e->v0] == 0xA5,
               "%s: _init(V0 size) for a program built against 0.1.0", e->name);
        tap_ok(e->init(buf, e->compiled + 64) == THERMOAI_OK,
               "%s: _init(larger) for a program built against a newer library", e->name);
        tap_ok(e->init(buf, e->v0 - 1) == THERMOAI_E_SIZE, "%s: _init(V0 - 1) is E_SIZE", e->name);
        tap_ok(e->init(buf, 0) == THERMOAI_E_SIZE, "%s: _init(0) is E_SIZE", e->name);
        tap_ok(e->init(buf, (size_t)0x80000001u) == THERMOAI_E_SIZE,
               "%s: _init(2^31 + 1) is E_SIZE", e->name);
        tap_ok(e->init(NULL, e->compiled) == THERMOAI_E_NULL, "%s: _init(NULL) is E_NULL", e->name);
        free(buf);
    }
    return tap_done();
}
