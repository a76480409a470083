/* SPDX-License-Identifier: MIT */
#include "config.h"

#include "common/internal.h"

struct status_entry {
    int code;
    const char *name;
    const char *text;
};

/* One row per code of enum thermoai_status; tests/common/test_status.c checks all of them. */
static const struct status_entry status_table[] = {
    { THERMOAI_OK, "THERMOAI_OK", "success" },
    { THERMOAI_E_NULL, "THERMOAI_E_NULL", "a required pointer argument was NULL" },
    { THERMOAI_E_INVALID, "THERMOAI_E_INVALID", "argument outside its documented domain" },
    { THERMOAI_E_NONFINITE, "THERMOAI_E_NONFINITE", "input is NaN or infinite" },
    { THERMOAI_E_SIZE, "THERMOAI_E_SIZE", "wrong struct_size or buffer length" },
    { THERMOAI_E_UNSUPPORTED, "THERMOAI_E_UNSUPPORTED",
      "unknown flag bits or non-zero reserved fields" },
    { THERMOAI_E_CALLBACK, "THERMOAI_E_CALLBACK", "a callback returned an error" },
    { THERMOAI_E_DOMAIN, "THERMOAI_E_DOMAIN", "result mathematically undefined for these inputs" },
    { THERMOAI_E_RANGE, "THERMOAI_E_RANGE", "result out of the normal range of double" },
    { THERMOAI_E_NO_CONVERGENCE, "THERMOAI_E_NO_CONVERGENCE", "iteration did not converge" },
    { THERMOAI_E_LOSS, "THERMOAI_E_LOSS", "requested accuracy cannot be reached" },
    { THERMOAI_E_NOMEM, "THERMOAI_E_NOMEM", "out of memory" },
    { THERMOAI_E_INTERNAL, "THERMOAI_E_INTERNAL", "internal error (a bug; please report it)" },
    { THERMOAI_E_NOT_FOUND, "THERMOAI_E_NOT_FOUND", "no preset or item of that name" },
};

static const struct status_entry *find_status(int status)
{
    size_t i;

    for (i = 0; i < sizeof status_table / sizeof status_table[0]; i++)
        if (status_table[i].code == status)
            return &status_table[i];
    return NULL;
}

const char *thermoai_strerror(int status)
{
    const struct status_entry *e = find_status(status);

    return e != NULL ? e->text : "unknown status code";
}

const char *thermoai_status_name(int status)
{
    const struct status_entry *e = find_status(status);

    return e != NULL ? e->name : "THERMOAI_E_UNKNOWN";
}
