#!/bin/sh
# SPDX-License-Identifier: MIT
# Exported symbols: only thermoai_* names, all versioned, exactly the committed list.
. "$top_srcdir/tests/harness/taplib.sh"
so=$top_builddir/lib/.libs/libthermoai.so
[ -f "$so" ] || skip_all "no shared library built (--disable-shared)"
command -v nm >/dev/null 2>&1 || skip_all "nm not found"

nm -D --defined-only "$so" >"$tap_tmp/nm" 2>&1
ok "nm -D reads the shared library" test -s "$tap_tmp/nm"
# functions (T) and any data (D, B, R): data exports are banned outright
awk '$2 ~ /^[TtWDdBbRr]$/ {print $3}' "$tap_tmp/nm" | LC_ALL=C sort >"$tap_tmp/exported"
ok "every exported symbol is a thermoai_ function" \
    sh -c "! grep -v '^thermoai_[a-z]' '$tap_tmp/exported'"
ok "every exported symbol carries a THERMOAI_ version node" \
    sh -c "! grep -v -E '@@THERMOAI_([0-9][0-9.]*|EXPERIMENTAL)\$' '$tap_tmp/exported'"
ok "no data symbols exported" sh -c "! awk '\$2 ~ /^[DdBbRr]\$/' '$tap_tmp/nm' | grep -q thermoai_"
ok "exported symbols equal abi/exported-symbols.txt" \
    diff -u "$top_srcdir/abi/exported-symbols.txt" "$tap_tmp/exported"
done_testing
