/* SPDX-License-Identifier: MIT */
/* The documents of the reproduction and their drivers: the one list of papers
 * (the CLI's --paper choices, the errata's sections and the coverage table read
 * it; the catalog names each item's document by the same id). */
#include "config.h"

#include <string.h>

#include "repro.h"

static const struct repro_paper papers[] = {
    { "000", "Paper 000: Thermodynamic Bounds on Neural Network Inference", repro_paper000 },
    { "001", "Paper 001: Local Entropy Inversion in Large-Scale AI Systems", repro_paper001 },
    { "002", "Paper 002: A Unified Mathematical Theory of Energy-Efficient AI", repro_paper002 },
    { "003", "Paper 003: 99.8% of LLM Inference Power Isn't Spent on Computation",
      repro_paper003 },
    { "cross", "Across documents", repro_cross },
};

const struct repro_paper *repro_papers(size_t *count)
{
    if (count != NULL)
        *count = sizeof papers / sizeof papers[0];
    return papers;
}

const struct repro_paper *repro_paper_find(const char *id)
{
    size_t i;

    if (id == NULL)
        return NULL;
    for (i = 0; i < sizeof papers / sizeof papers[0]; i++)
        if (strcmp(papers[i].id, id) == 0)
            return &papers[i];
    return NULL;
}
