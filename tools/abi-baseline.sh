#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes abi/libthermoai.abi, the ABI baseline `abidiff` compares every build with
# (tests/api/test_abidiff.sh), from a build of the released sources with debug
# information (CFLAGS with -g, the default):
#     tools/abi-baseline.sh BUILD_DIR
# Regenerate it only at a release, or with an ABI change doc/abi-policy.md allows.
# The source-tree prefix is stripped so the file does not name the machine.
set -eu
build=${1:?usage: tools/abi-baseline.sh BUILD_DIR}
src=$(cd "$(dirname "$0")/.." && pwd)
abidw --no-corpus-path --no-show-locs --no-comp-dir-path \
    "$build/lib/.libs/libthermoai.so" | sed "s|$src/||g" >"$src/abi/libthermoai.abi"
echo "wrote abi/libthermoai.abi"
