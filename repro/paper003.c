/* SPDX-License-Identifier: MIT */
/*
 * Paper 003: "99.8% of LLM Inference Power Isn't Spent on Computation"
 * (shared/papers/003_*.txt, a blog post with Python dicts).
 * Its derivable items (B003-*) need the cost model, which has no driver yet;
 * the errata's coverage table lists them as not yet reproduced.
 */
#include "config.h"

#include "repro.h"

int repro_paper003(struct repro_list *list)
{
    return list->failed ? -1 : 0;
}
