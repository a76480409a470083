/* SPDX-License-Identifier: MIT */
/* Status codes: names, messages, unknown codes. */
#include "config.h"

#include <limits.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

static const struct {
    int code;
    const char *name;
} codes[] = {
    { THERMOAI_OK, "THERMOAI_OK" },
    { THERMOAI_E_NULL, "THERMOAI_E_NULL" },
    { THERMOAI_E_INVALID, "THERMOAI_E_INVALID" },
    { THERMOAI_E_NONFINITE, "THERMOAI_E_NONFINITE" },
    { THERMOAI_E_SIZE, "THERMOAI_E_SIZE" },
    { THERMOAI_E_UNSUPPORTED, "THERMOAI_E_UNSUPPORTED" },
    { THERMOAI_E_CALLBACK, "THERMOAI_E_CALLBACK" },
    { THERMOAI_E_DOMAIN, "THERMOAI_E_DOMAIN" },
    { THERMOAI_E_RANGE, "THERMOAI_E_RANGE" },
    { THERMOAI_E_NO_CONVERGENCE, "THERMOAI_E_NO_CONVERGENCE" },
    { THERMOAI_E_LOSS, "THERMOAI_E_LOSS" },
    { THERMOAI_E_NOMEM, "THERMOAI_E_NOMEM" },
    { THERMOAI_E_INTERNAL, "THERMOAI_E_INTERNAL" },
    { THERMOAI_E_NOT_FOUND, "THERMOAI_E_NOT_FOUND" },
};

int main(void)
{
    size_t i, j, n = sizeof codes / sizeof codes[0];
    int distinct = 1, never_null = 1, k;
    static const int unknown[] = { -1, 7, 99, 104, 198, 201, 298, 301, INT_MIN, INT_MAX };

    for (i = 0; i < n; i++) {
        const char *name = thermoai_status_name(codes[i].code);
        const char *text = thermoai_strerror(codes[i].code);

        tap_ok(strcmp(name, codes[i].name) == 0, "status %d is named %s", codes[i].code,
               codes[i].name);
        tap_ok(text != NULL && strlen(text) > 3 && strcmp(text, "unknown status code") != 0,
               "status %s has its own message: '%s'", codes[i].name, text);
        for (j = 0; j < i; j++)
            if (strcmp(thermoai_strerror(codes[j].code), text) == 0)
                distinct = 0;
    }
    tap_ok(distinct, "every status has a distinct message");
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        tap_ok(strcmp(thermoai_status_name(unknown[i]), "THERMOAI_E_UNKNOWN") == 0
                   && strcmp(thermoai_strerror(unknown[i]), "unknown status code") == 0,
               "status %d is unknown and described as such", unknown[i]);
    }
    for (k = -1000; k <= 1000; k++)
        if (thermoai_status_name(k) == NULL || thermoai_strerror(k) == NULL)
            never_null = 0;
    tap_ok(never_null, "names and messages are never NULL for -1000..1000");
    return tap_done();
}
