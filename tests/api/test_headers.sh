#!/bin/sh
# SPDX-License-Identifier: MIT
# Public headers: the umbrella compiles as C99 -pedantic and as C++11 with
# warnings as errors; every sub-header is self-contained; sub-headers refuse
# direct inclusion; C++ sees unmangled names.
. "$top_srcdir/tests/harness/taplib.sh"
inc="-I$top_builddir/include -I$top_srcdir/include"
cc=${CC:-cc}
cxx=${CXX:-}

cat >"$tap_tmp/umbrella.c" <<'C'
#include <thermoai/thermoai.h>
int main(void)
{
    double e;
    return thermoai_landauer_energy_j(1.0, 300.0, &e) == THERMOAI_OK ? 0 : 1;
}
C

for std in c99 c11; do
    ok "thermoai.h compiles as -std=$std -pedantic -Wall -Wextra -Werror" \
        $cc -std=$std -pedantic -Wall -Wextra -Werror $inc -c "$tap_tmp/umbrella.c" -o "$tap_tmp/u.o"
done

# The experimental tier (doc/abi-policy.md): hidden unless asked for, complete when asked.
cat >"$tap_tmp/exp.c" <<'C'
#include <thermoai/thermoai.h>
int main(void)
{
    thermoai_synth_params p;
    return thermoai_synth_params_init(&p, sizeof p, THERMOAI_SYNTH_UNIFORM) == THERMOAI_OK ? 0 : 1;
}
C
ok "an experimental declaration is invisible without THERMOAI_EXPERIMENTAL" \
    sh -c "! $cc -std=c99 -Wall -Werror $inc -c '$tap_tmp/exp.c' -o '$tap_tmp/e.o' 2>/dev/null"
ok "with -DTHERMOAI_EXPERIMENTAL it compiles as -std=c99 -pedantic -Werror" \
    $cc -std=c99 -pedantic -Wall -Wextra -Werror -DTHERMOAI_EXPERIMENTAL $inc -c "$tap_tmp/exp.c" -o "$tap_tmp/e.o"

for h in "$top_srcdir"/include/thermoai/*.h "$top_builddir"/include/thermoai/version.h; do
    name=$(basename "$h")
    [ "$name" = thermoai.h ] && continue
    printf '#define THERMOAI_EXPERIMENTAL\n#define THERMOAI_H_INSIDE\n#include <thermoai/%s>\ntypedef int not_empty;\n' "$name" >"$tap_tmp/alone.c"
    ok "$name is self-contained (C99 -pedantic)" \
        $cc -std=c99 -pedantic -Wall -Wextra -Werror $inc -c "$tap_tmp/alone.c" -o "$tap_tmp/a.o"
    [ "$name" = export.h ] && continue
    printf '#include <thermoai/%s>\n' "$name" >"$tap_tmp/direct.c"
    ok "$name refuses direct inclusion" \
        sh -c "! $cc $inc -c '$tap_tmp/direct.c' -o '$tap_tmp/d.o'"
done

if [ -n "$cxx" ] && command -v "${cxx%% *}" >/dev/null 2>&1; then
    cp "$tap_tmp/umbrella.c" "$tap_tmp/umbrella.cc"
    for std in c++11 c++17 c++20; do
        ok "thermoai.h compiles as $std -Wall -Wextra -Werror (and experimental)" \
            sh -c "$cxx -std=$std -Wall -Wextra -Werror -pedantic $inc -c '$tap_tmp/umbrella.cc' -o '$tap_tmp/cxx.o' && $cxx -std=$std -Wall -Wextra -Werror -pedantic -DTHERMOAI_EXPERIMENTAL $inc -c '$tap_tmp/umbrella.cc' -o '$tap_tmp/cxx.o'"
    done
    ok "C++ references the unmangled C symbol" \
        sh -c "nm '$tap_tmp/cxx.o' | grep -q ' U thermoai_landauer_energy_j\$'"
else
    ok "C++ compiler available for the C++11 header test # SKIP no C++ compiler" true
fi

# clang's -Wdocumentation on the installed headers: nothing to report (a \param
# description must not begin with a formula, which clang reads as an empty paragraph).
if command -v clang >/dev/null 2>&1; then
    for x in "" -DTHERMOAI_EXPERIMENTAL; do
        ok "clang -Wdocumentation -Werror on thermoai.h $x" \
            clang -std=c99 -Wdocumentation -Wdocumentation-unknown-command -Werror $x $inc \
            -fsyntax-only "$tap_tmp/umbrella.c"
    done
else
    ok "clang -Wdocumentation # SKIP no clang" true
fi
done_testing
