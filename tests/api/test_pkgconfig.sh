#!/bin/sh
# SPDX-License-Identifier: MIT
# Install into a temporary DESTDIR, then build and run a program with the flags
# from `pkg-config --cflags --libs thermoai`, shared and static.
. "$top_srcdir/tests/harness/taplib.sh"
pkgconfig=${PKG_CONFIG:-pkg-config}
command -v "$pkgconfig" >/dev/null 2>&1 || skip_all "pkg-config not found"
[ -n "$prefix" ] && [ -n "$libdir" ] || skip_all "prefix/libdir not exported by make"
case $libdir in
    "$prefix"/*) ;;
    *) skip_all "libdir ($libdir) is not under prefix ($prefix)" ;;
esac

dest=$tap_tmp/dest
ok "make install DESTDIR=<tmp> succeeds" \
    ${MAKE:-make} -C "$top_builddir" install DESTDIR="$dest" AM_UPDATE_INFO_DIR=no
root=$dest$prefix
pc_dir=$dest$libdir/pkgconfig
pc() { "$pkgconfig" --define-variable=prefix="$root" "$@" thermoai; }
export PKG_CONFIG_PATH="$pc_dir"
export PKG_CONFIG_LIBDIR="$pc_dir"

ok "thermoai.pc is installed" test -f "$pc_dir/thermoai.pc"
ok "pkg-config --validate accepts thermoai.pc" "$pkgconfig" --validate thermoai
modversion() { test "$("$pkgconfig" --modversion thermoai)" = "$PACKAGE_VERSION"; }
static_libm() { "$pkgconfig" --static --libs thermoai | grep -q -- -lm; }
ok "pkg-config reports the package version $PACKAGE_VERSION" modversion
ok "Libs.private names libm for static linking" static_libm
ok "thermoai.h is installed" test -f "$root/include/thermoai/thermoai.h"
ok "the generated version.h is installed" test -f "$root/include/thermoai/version.h"

cat >"$tap_tmp/consumer.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <thermoai/thermoai.h>
int main(void)
{
    double e;
    if (thermoai_version_number() != THERMOAI_VERSION_NUMBER)
        return 2;
    if (thermoai_landauer_energy_j(1.0, 300.0, &e) != THERMOAI_OK)
        return 3;
    printf("%.10g\n", e);
    return 0;
}
C
flags="${CFLAGS:-} ${SANITIZER_FLAGS:-}"
cc=${CC:-cc}
build_shared() {
    $cc $flags $(pc --cflags) "$tap_tmp/consumer.c" -o "$tap_tmp/consumer" $(pc --libs)
}
run_shared() {
    LD_LIBRARY_PATH="$dest$libdir" "$tap_tmp/consumer" >"$tap_tmp/value" &&
        grep -qx 2.870978885e-21 "$tap_tmp/value"
}
build_static() {
    # the archive by path, then what Libs.private adds (-lm)
    $cc $flags $(pc --cflags) "$tap_tmp/consumer.c" -o "$tap_tmp/consumer_static" \
        "$dest$libdir/libthermoai.a" $(pc --static --libs-only-l | sed 's/-lthermoai//')
}
run_static() {
    "$tap_tmp/consumer_static" >"$tap_tmp/value" && grep -qx 2.870978885e-21 "$tap_tmp/value"
}
ok "a consumer compiles and links with pkg-config --cflags --libs" build_shared
ok "the consumer runs against the installed shared library" run_shared
if [ -f "$dest$libdir/libthermoai.a" ]; then
    ok "a consumer links the static library with pkg-config --static" build_static
    ok "the statically linked consumer runs" run_static
fi
done_testing
