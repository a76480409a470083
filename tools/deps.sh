#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs what a fresh Debian 12 lacks to build and test thermoai, using only
# Debian's package registry. Installs nothing when everything is present.
# Usage: tools/deps.sh [build|test|bench]   (default: test: also cargo for the Rust
# crates, numpy and Dask for the Python tests, abigail-tools for abidiff; bench adds numpy with
# OpenBLAS (so that numpy's libblas.so.3 is OpenBLAS, not the reference BLAS),
# PyTorch (the second peer), bible-kjv (the text family) and gnuplot for make bench
# and make figures)
set -eu
what=${1:-test}
build_pkgs="build-essential autoconf automake libtool pkg-config"
test_pkgs="$build_pkgs valgrind doxygen libjs-mathjax man-db python3 python3-mpmath g++ binutils clang abigail-tools cargo python3-setuptools python3-numpy python3-dask python3-distributed"
case $what in
    build) pkgs=$build_pkgs ;;
    test) pkgs=$test_pkgs ;;
    bench) pkgs="$test_pkgs python3-numpy libopenblas0-pthread python3-torch bible-kjv gnuplot-nox" ;;
    *) echo "usage: $0 [build|test|bench]" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "tools/deps.sh: missing Debian packages:$missing" >&2
    echo "tools/deps.sh: run as root, or: sudo apt-get install$missing" >&2
    exit 1
fi
echo "tools/deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
