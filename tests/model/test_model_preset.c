/* SPDX-License-Identifier: MIT */
/*
 * Model presets: parameter counts from the library's formula against the
 * hand counts and published totals (tests/ref/model_presets.csv), lookup by name, the
 * listing, bad input.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/refcsv.h"
#include "../harness/tap.h"

/* Every preset against tests/ref/model_presets.csv: the library's counts equal the
 * hand counts exactly; the hand count reproduces the published figure (to its last
 * printed digit) unless the row documents why not. */
static void presets_against_published(void)
{
    FILE *f = ref_open("model_presets.csv");
    char line[1024], name[64], why[512];
    unsigned long long total, active, pub, unit, pub_active, unit_active;
    int rows = 0, mismatches = 0;

    if (!tap_ok(f != NULL, "open tests/ref/model_presets.csv"))
        return;
    while (fgets(line, sizeof line, f) != NULL) {
        thermoai_model_arch a;
        uint64_t p = 0, q = 0;
        int found;

        if (sscanf(line, "preset,%63[^,],%llu,%llu,%llu,%llu,%llu,%llu,%511[^\n]", name, &total,
                   &active, &pub, &unit, &pub_active, &unit_active, why)
            != 8)
            continue;
        rows++;
        found = thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
                && thermoai_model_preset_find(name, &a) == THERMOAI_OK;
        tap_ok(found && thermoai_model_params(&a, &p) == THERMOAI_OK && p == total,
               "preset %s: %llu parameters, the hand count (got %llu)", name, total,
               (unsigned long long)p);
        tap_ok(found && thermoai_model_active_params(&a, &q) == THERMOAI_OK && q == active,
               "preset %s: %llu active parameters (got %llu)", name, active,
               (unsigned long long)q);
        if (strcmp(why, "yes") == 0) {
            unsigned long long d = total > pub ? total - pub : pub - total;
            unsigned long long da = active > pub_active ? active - pub_active : pub_active - active;

            tap_ok(d <= unit && (pub_active == 0 || da <= unit_active),
                   "preset %s: the count reproduces the published %llu (to %llu)", name, pub,
                   unit);
        } else {
            mismatches++;
            tap_diag("preset %s does not reproduce its published %llu: %s", name, pub, why);
        }
    }
    fclose(f);
    tap_ok(rows == (int)thermoai_model_preset_count(), "every preset has a row (%d of %zu)", rows,
           thermoai_model_preset_count());
    tap_ok(mismatches <= 3, "at most the three documented mismatches (%d)", mismatches);
}

static void preset_lookup(void)
{
    thermoai_model_arch a, b;
    const char *name = "x", *source = "x";
    size_t i, n = thermoai_model_preset_count();
    int all_valid = 1, all_sourced = 1;

    tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK, "init for lookups");
    tap_ok(n >= 20, "at least twenty presets (%zu)", n);
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
    {
        const char *st = "x", *asof = "x";
        int ok = 1, moe = 0;

        for (i = 0; i < n; i++) {
            if (thermoai_model_preset_status(i, &st, &asof) != THERMOAI_OK
                || (strcmp(st, "verified") != 0 && strcmp(st, "secondary") != 0)
                || strlen(asof) < 4)
                ok = 0;
            if (thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
                && thermoai_model_preset_info(i, NULL, NULL, &a) == THERMOAI_OK && a.experts > 0)
                moe++;
        }
        tap_ok(ok, "every preset has a status and an as-of date");
        tap_ok(moe >= 5, "at least five mixture-of-experts presets (%d)", moe);
        tap_ok(thermoai_model_preset_status(n, &st, &asof) == THERMOAI_E_NOT_FOUND && st == NULL
                   && asof == NULL,
               "status past the end -> E_NOT_FOUND, outputs NULL");
        tap_ok(thermoai_model_preset_status(0, NULL, NULL) == THERMOAI_OK, "status outputs optional");
    }
    tap_ok(thermoai_model_arch_init(&a, sizeof a) == THERMOAI_OK
               && thermoai_model_preset_find("deepseek-v3", &a) == THERMOAI_OK && a.experts == 256
               && a.active_experts == 8 && a.shared_experts == 1 && a.first_dense_layers == 3
               && a.kv_lora_rank == 512 && a.precision_bits == 8.0,
           "deepseek-v3: 256 + 1 experts, top-8, 3 dense layers, MLA latent 512, FP8");
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
