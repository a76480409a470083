/* SPDX-License-Identifier: MIT */
/*
 * Model presets: parameter counts from the library's formula against the
 * published totals (tests/ref/entropy.csv, params rows), lookup by name, the
 * listing, bad input.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

static void presets_against_published(void)
{
    FILE *f = ref_open("entropy.csv");
    char line[512], name[64];
    unsigned long long published;
    int rows = 0;

    if (!tap_ok(f != NULL, "open tests/ref/entropy.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        thermoai_model_arch a;
        uint64_t p = 0;

        if (sscanf(line, "params,%63[^,],%llu", name, &published) != 2)
            continue;
        rows++;
        tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
                   && thermoai_model_preset_find(name, &a) == THERMOAI_OK
                   && thermoai_model_params(&a, &p) == THERMOAI_OK && p == published,
               "preset %s has the published %llu parameters (got %llu)", name, published,
               (unsigned long long)p);
    }
    fclose(f);
    tap_ok(rows == (int)thermoai_model_preset_count(), "every preset has a published count");
}

static void preset_lookup(void)
{
    thermoai_model_arch a, b;
    const char *name = "x", *source = "x";
    size_t i, n = thermoai_model_preset_count();
    int all_valid = 1, all_sourced = 1;

    tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK, "init for lookups");
    tap_ok(n >= 9, "at least the nine presets of paper 000 and LLaMA-3 (%zu)", n);
    tap_ok(thermoai_model_preset_find("LLaMA-2-7B", &a) == THERMOAI_OK && a.layers == 32
               && a.d_ff == 11008 && a.struct_size == sizeof a,
           "lookup is case-insensitive and keeps struct_size");
    tap_ok(thermoai_model_arch_init(&b, sizeof b) == THERMOAI_OK
               && thermoai_model_preset_find("pythia-1.4b", &b) == THERMOAI_OK
               && thermoai_model_preset_find("pythia-1.3b", &a) == THERMOAI_OK
               && memcmp(&a, &b, sizeof a) == 0,
           "alias pythia-1.4b is pythia-1.3b");
    tap_ok(thermoai_model_preset_find("gpt-5", &a) == THERMOAI_E_NOT_FOUND, "unknown name -> E_NOT_FOUND");
    tap_ok(thermoai_model_preset_find("llama-2-7", &a) == THERMOAI_E_NOT_FOUND, "a prefix is not a match");
    tap_ok(thermoai_model_preset_find(NULL, &a) == THERMOAI_E_NULL, "NULL name -> E_NULL");
    tap_ok(thermoai_model_preset_find("llama-2-7b", NULL) == THERMOAI_E_NULL, "NULL arch -> E_NULL");
    b.struct_size = 8;
    tap_ok(thermoai_model_preset_find("llama-2-7b", &b) == THERMOAI_E_SIZE, "small struct_size -> E_SIZE");
    for (i = 0; i < n; i++) {
        if (thermoai_model_arch_init(&a, sizeof a) != THERMOAI_OK
            || thermoai_model_preset_info(i, &name, &source, &a) != THERMOAI_OK
            || thermoai_model_arch_check(&a) != THERMOAI_OK)
            all_valid = 0;
        if (source == NULL || strlen(source) < 20)
            all_sourced = 0;
    }
    tap_ok(all_valid, "every preset is a valid architecture");
    tap_ok(all_sourced, "every preset cites its source");
    tap_ok(thermoai_model_preset_info(n, &name, &source, NULL) == THERMOAI_E_NOT_FOUND && name == NULL
               && source == NULL,
           "index past the end -> E_NOT_FOUND, outputs NULL");
    tap_ok(thermoai_model_preset_info(0, NULL, NULL, NULL) == THERMOAI_OK, "all outputs optional");
}

int main(void)
{
    presets_against_published();
    preset_lookup();
    return tap_done();
}
