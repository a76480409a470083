#!/bin/sh
# SPDX-License-Identifier: MIT
# Quick start: install missing build dependencies (Debian), build thermoai in
# build/, and run the main job, `thermoai reproduce`, from the build tree: it
# prints the per-paper summary of the reproduction and says where the rest is.
set -eu
cd "$(dirname "$0")/.."
sh tools/deps.sh build
./bootstrap
mkdir -p build
cd build
[ -f Makefile ] || ../configure --enable-werror
make -j"$(nproc 2>/dev/null || echo 2)"
echo
echo "== thermoai reproduce (build/cli/thermoai) =="
./cli/thermoai reproduce
echo
echo "(this build's errata: build/doc/errata.md; every command: build/cli/thermoai help)"
