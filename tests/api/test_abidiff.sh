#!/bin/sh
# SPDX-License-Identifier: MIT
# The built library against the ABI baseline abi/libthermoai.abi (libabigail's
# abidiff, Debian's abigail-tools). abidiff's exit status is a bit set: 1 error,
# 2 usage error, 4 an ABI change, 8 an incompatible ABI change. An error or an
# incompatible change (a removed or changed function, a changed struct layout)
# fails, and so does bit 4 with a removed or changed function or variable (abidiff
# reports a changed struct layout as bit 4 with "1 Changed"); additions (new
# functions, bit 4 with only "Added") pass and are shown.
# Skipped when abidiff is absent, in a sanitizer build, or without debug info.
. "$top_srcdir/tests/harness/taplib.sh"
lib=$top_builddir/lib/.libs/libthermoai.so
base=$top_srcdir/abi/libthermoai.abi
command -v abidiff >/dev/null 2>&1 || skip_all "abidiff not installed (abigail-tools)"
[ -f "$lib" ] || skip_all "no shared library built"
[ "${THERMOAI_SANITIZERS:-no}" != yes ] || skip_all "sanitizer build"
if command -v readelf >/dev/null 2>&1 && ! readelf -S "$lib" | grep -q '\.debug_info'; then
    skip_all "the library has no debug information (CFLAGS without -g)"
fi

check() {
    # the version map exports only the public API, so every symbol compared is public
    abidiff "$base" "$lib" >"$tap_tmp/report" 2>&1
    rc=$?
    cat "$tap_tmp/report"
    echo "abidiff exit status $rc"
    [ $((rc & 1)) -eq 0 ] && [ $((rc & 2)) -eq 0 ] && [ $((rc & 8)) -eq 0 ] || return 1
    if [ $((rc & 4)) -ne 0 ]; then
        # compatible changes pass only when nothing was removed or changed
        ! grep -Eq '([1-9][0-9]*) Removed|([1-9][0-9]*) Changed' "$tap_tmp/report"
    fi
}
ok "libthermoai.so is ABI-compatible with abi/libthermoai.abi (additions allowed)" check
done_testing
