#!/bin/sh
# SPDX-License-Identifier: MIT
# The same worked example (TER of the llama-2-7b preset at 0.4 J/token) in C, C++ (11,
# 17, 20), Python and Rust prints the same bits (examples/worked/, and
# bindings/rust/thermoai/examples/ter_worked.rs). Languages whose tool is absent skip.
. "$top_srcdir/tests/harness/taplib.sh"
[ "${THERMOAI_SANITIZERS:-no}" = yes ] && skip_all "sanitizer build"
lib="$top_builddir/lib/.libs"
[ -e "$lib/libthermoai.so" ] || skip_all "no shared library built"
inc="-I$top_builddir/include -I$top_srcdir/include"
link="-L$lib -lthermoai -Wl,-rpath,$lib"
src="$top_srcdir/examples/worked"
cc=${CC:-cc}

ok "C: builds (C99 -pedantic -Werror) and runs" \
    sh -c "$cc -std=c99 -pedantic -Wall -Wextra -Werror $inc '$src/ter_worked.c' $link -o '$tap_tmp/c' && '$tap_tmp/c' > '$tap_tmp/c.out'"
ok "C: one line with the value and its bits" \
    grep -Eq "^TER llama-2-7b at 0.4 J/token: [0-9.e+]+ \(bits 0x[0-9a-f]{16}\)$" "$tap_tmp/c.out"

same() { cmp "$tap_tmp/c.out" "$1"; }
if [ -n "${CXX:-}" ] && command -v "${CXX%% *}" >/dev/null 2>&1; then
    for std in c++11 c++17 c++20; do
        ok "C++ ($std -Wall -Wextra -Werror): same bits as C" \
            sh -c "$CXX -std=$std -pedantic -Wall -Wextra -Werror $inc '$src/ter_worked.cc' $link -o '$tap_tmp/x' && '$tap_tmp/x' > '$tap_tmp/x.out' && cmp '$tap_tmp/c.out' '$tap_tmp/x.out'"
    done
else
    ok "C++ # SKIP no C++ compiler" true
fi
py=${PYTHON:-python3}
if command -v "$py" >/dev/null 2>&1; then
    ok "Python: same bits as C" \
        sh -c "THERMOAI_LIBRARY='$lib/libthermoai.so' PYTHONPATH='$top_srcdir/bindings/python' '$py' '$src/ter_worked.py' > '$tap_tmp/p.out' && cmp '$tap_tmp/c.out' '$tap_tmp/p.out'"
else
    ok "Python # SKIP no python" true
fi
cargo=${CARGO:-cargo}
if command -v "$cargo" >/dev/null 2>&1; then
    cp -R "$top_srcdir/bindings/rust" "$tap_tmp/rust" && chmod -R u+w "$tap_tmp/rust"
    rm -rf "$tap_tmp/rust/target" "$tap_tmp/rust/Cargo.lock"
    ok "Rust: same bits as C" \
        sh -c "THERMOAI_LIB_DIR='$lib' CARGO_TARGET_DIR='$top_builddir/bindings/rust-target' '$cargo' run --offline --quiet --manifest-path '$tap_tmp/rust/Cargo.toml' -p thermoai --example ter_worked > '$tap_tmp/r.out' && cmp '$tap_tmp/c.out' '$tap_tmp/r.out'"
else
    ok "Rust # SKIP no cargo" true
fi
done_testing
