#!/bin/sh
# SPDX-License-Identifier: MIT
# lib/prune allocates nothing: no object of the folder references an allocator (its
# functions are pure or take caller workspace; doc/architecture.md, "Memory").
. "$top_srcdir/tests/harness/taplib.sh"
command -v nm >/dev/null 2>&1 || skip_all "nm not found"
set -- "$top_builddir"/lib/prune/libthermoai_core_la-*.o
[ -f "$1" ] || skip_all "no objects of lib/prune in the build tree"
for o in "$@"; do
    name=$(basename "$o" .o | sed 's/^libthermoai_core_la-//')
    nm -u "$o" >"$tap_tmp/u" 2>&1
    ok "lib/prune/$name.c references no malloc, calloc, realloc or free" \
        sh -c "! grep -E ' (malloc|calloc|realloc|free|aligned_alloc|posix_memalign)\$' '$tap_tmp/u'"
done
done_testing
