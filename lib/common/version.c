/* SPDX-License-Identifier: MIT */
#include "config.h"

#include "common/internal.h"

uint32_t thermoai_version_number(void)
{
    return (uint32_t)THERMOAI_VERSION_NUMBER;
}

const char *thermoai_version_string(void)
{
    return THERMOAI_VERSION_STRING;
}

int thermoai_version_abi(void)
{
    return THERMOAI_VERSION_ABI;
}
