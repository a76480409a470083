/* SPDX-License-Identifier: MIT */
/* Run-time version functions agree with the compile-time macros. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <thermoai/thermoai.h>

#include "../harness/tap.h"

int main(void)
{
    unsigned maj = 0, min = 0, pat = 0;
    char tail = 0;

    tap_ok(thermoai_version_number() == (uint32_t)THERMOAI_VERSION_NUMBER,
           "thermoai_version_number() == THERMOAI_VERSION_NUMBER (%u)",
           (unsigned)thermoai_version_number());
    tap_ok(strcmp(thermoai_version_string(), THERMOAI_VERSION_STRING) == 0,
           "thermoai_version_string() == THERMOAI_VERSION_STRING (%s)", thermoai_version_string());
    tap_ok(strcmp(THERMOAI_VERSION_STRING, PACKAGE_VERSION) == 0,
           "header version string equals the package version from configure.ac");
    tap_ok(sscanf(thermoai_version_string(), "%u.%u.%u%c", &maj, &min, &pat, &tail) == 3,
           "version string has the form MAJOR.MINOR.PATCH");
    tap_ok(maj == THERMOAI_VERSION_MAJOR && min == THERMOAI_VERSION_MINOR
               && pat == THERMOAI_VERSION_PATCH,
           "string and MAJOR/MINOR/PATCH macros agree");
    tap_ok(THERMOAI_VERSION_NUMBER
               == THERMOAI_VERSION_MAJOR * 1000000 + THERMOAI_VERSION_MINOR * 1000
                      + THERMOAI_VERSION_PATCH,
           "number encodes MAJOR*1000000 + MINOR*1000 + PATCH");
    tap_ok(THERMOAI_VERSION_AT_LEAST(0, 0, 0)
               && THERMOAI_VERSION_AT_LEAST(THERMOAI_VERSION_MAJOR, THERMOAI_VERSION_MINOR,
                                            THERMOAI_VERSION_PATCH)
               && !THERMOAI_VERSION_AT_LEAST(THERMOAI_VERSION_MAJOR, THERMOAI_VERSION_MINOR,
                                             THERMOAI_VERSION_PATCH + 1)
               && !THERMOAI_VERSION_AT_LEAST(THERMOAI_VERSION_MAJOR + 1, 0, 0),
           "THERMOAI_VERSION_AT_LEAST compares correctly");
    tap_ok(thermoai_version_abi() == THERMOAI_VERSION_ABI,
           "thermoai_version_abi() == THERMOAI_VERSION_ABI (%d)", thermoai_version_abi());
    return tap_done();
}
