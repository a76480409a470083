#!/bin/sh
# SPDX-License-Identifier: MIT
# The Rust crates (bindings/rust): `cargo test --offline` against the built library,
# from a copy of the crates (cargo writes Cargo.lock; the source tree may be read-only).
# Skipped when cargo is absent (Debian: apt-get install cargo) or in sanitizer builds.
. "$top_srcdir/tests/harness/taplib.sh"
cargo=${CARGO:-cargo}
command -v "$cargo" >/dev/null 2>&1 || skip_all "no cargo"
[ "${THERMOAI_SANITIZERS:-no}" = yes ] && skip_all "sanitizer build"
lib="$top_builddir/lib/.libs"
[ -e "$lib/libthermoai.so" ] || skip_all "no shared library built"

cp -R "$top_srcdir/bindings/rust" "$tap_tmp/rust"
chmod -R u+w "$tap_tmp/rust"
rm -rf "$tap_tmp/rust/target" "$tap_tmp/rust/Cargo.lock"
THERMOAI_LIB_DIR=$lib; export THERMOAI_LIB_DIR
THERMOAI_ABI_SYMBOLS="$top_srcdir/abi/exported-symbols.txt"; export THERMOAI_ABI_SYMBOLS
CARGO_TARGET_DIR="$top_builddir/bindings/rust-target"; export CARGO_TARGET_DIR
CARGO_NET_OFFLINE=true; export CARGO_NET_OFFLINE
ok "cargo test --offline passes in bindings/rust" \
    "$cargo" test --offline --quiet --manifest-path "$tap_tmp/rust/Cargo.toml"
done_testing
