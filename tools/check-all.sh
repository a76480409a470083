#!/bin/sh
# SPDX-License-Identifier: MIT
# The whole test suite, as CI runs it (.ci/run calls this script). Two tiers: the quick
# tier is `make check` (what a developer runs); this script is the full tier, and runs
# each kind of check once:
#   1. dependencies (tools/deps.sh), ./bootstrap
#   2. gcc build with -Werror, Doxygen with warnings as errors, make check (the quick tier)
#   3. make check-valgrind: memcheck over the C tests at their quick sizes and the CLI
#   4. clang build with -Werror, ASan and UBSan (a second compiler and the sanitizers in
#      one build), make check
#   5. OpenMP build: the thread-count determinism tests with real threads, and make bench
#      at the smallest size
#   6. make distcheck (VPATH build, install, uninstall, tarball) with a smoke test only,
#      and the tarball holds nothing git does not know
# Every step prints its duration. Ends with the line "N passed, N failed" (after a line
# "N skipped") and exits non-zero on any failure. Test points are counted from
# Automake's test-suite.log of each run; steps without their own tests (configure,
# build, Doxygen, distcheck) count as one.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)
passed=0
failed=0
skipped=0

sh tools/deps.sh test || { echo "0 passed, 1 failed"; exit 1; }

rm -rf _ci
mkdir -p _ci/logs

# seconds since the epoch, and the time since $1
now() { date +%s; }
took() { echo "$(($(now) - $1)) s"; }

# step NAME COMMAND...: runs COMMAND with its output in _ci/logs, counts one result.
step() {
    name=$1
    shift
    log=$top/_ci/logs/$(echo "$name" | tr -c 'A-Za-z0-9_\n-' '_').log
    printf '%-62s' "$name"
    t0=$(now)
    if "$@" >"$log" 2>&1; then
        echo "ok ($(took "$t0"))"
        passed=$((passed + 1))
        return 0
    fi
    echo "FAILED after $(took "$t0") (log: _ci/logs/${log##*/})"
    tail -n 60 "$log" | sed 's/^/    | /'
    failed=$((failed + 1))
    return 1
}

# suite NAME DIR TARGET [MAKE ARGS...]: runs `make TARGET` in DIR and counts its test points.
suite() {
    name=$1 dir=$2 target=$3
    shift 3
    log=$top/_ci/logs/$(echo "$name" | tr -c 'A-Za-z0-9_\n-' '_').log
    printf '%-62s' "$name"
    rm -f "$dir/test-suite.log"
    t0=$(now)
    (cd "$dir" && make -j"$jobs" "$target" "$@") >"$log" 2>&1
    rc=$?
    if [ ! -f "$dir/test-suite.log" ]; then
        echo "FAILED before running tests (log: _ci/logs/${log##*/})"
        tail -n 60 "$log" | sed 's/^/    | /'
        failed=$((failed + 1))
        return 1
    fi
    set -- $(awk '/^# (PASS|XFAIL):/ {p += $3} /^# (FAIL|XPASS|ERROR):/ {f += $3}
                  /^# SKIP:/ {s += $3} END {print p + 0, f + 0, s + 0}' "$dir/test-suite.log")
    passed=$((passed + $1))
    failed=$((failed + $2))
    skipped=$((skipped + $3))
    if [ "$rc" -ne 0 ] && [ "$2" -eq 0 ]; then
        failed=$((failed + 1)) # make failed although no test point did
    fi
    echo "$1 passed, $2 failed, $3 skipped ($(took "$t0"))"
    if [ "$rc" -ne 0 ]; then
        sed -n '/^FAIL\|^ERROR\|^XPASS/,$p' "$dir/test-suite.log" | head -n 200 | sed 's/^/    | /'
    fi
}

configure_in() {
    dir=$1
    shift
    mkdir -p "$dir" && cd "$dir" && "$top/configure" "$@" && cd "$top"
}

# the dist tarball holds only files tracked by git plus Autotools output
tarball_matches_git() {
    tarball=$(ls "$top"/_ci/werror/thermoai-*.tar.xz) || return 1
    base=$(basename "$tarball" .tar.xz)
    tar -tJf "$tarball" | sed "s|^$base/||" | grep -v '/$' | grep -v '^$' | LC_ALL=C sort >_ci/tar.list
    git ls-files | LC_ALL=C sort >_ci/git.list
    LC_ALL=C comm -23 _ci/tar.list _ci/git.list |
        grep -v -E '^(configure|aclocal\.m4|config\.h\.in|Makefile\.in|.*/Makefile\.in|build-aux/.*|m4/(libtool|lt.*)\.m4)$' \
            >_ci/tar.extra
    if [ -s _ci/tar.extra ]; then
        echo "files in the tarball that git does not track:"
        cat _ci/tar.extra
        return 1
    fi
}

summary() {
    echo
    echo "$skipped skipped"
    echo "$passed passed, $failed failed"
}

start=$(now)
step "bootstrap (autoreconf -fi)" ./bootstrap || { summary; exit 1; }

# 2. gcc, warnings as errors, Doxygen, the quick tier
if step "configure --enable-werror --enable-doxygen" configure_in _ci/werror --enable-werror --enable-doxygen &&
    step "build (gcc -Werror)" make -C _ci/werror -j"$jobs"; then
    step "doxygen: API reference with zero warnings" make -C _ci/werror doc/html/index.html
    suite "make check (gcc -Werror)" _ci/werror check
    # 3. valgrind, at the tests' quick sizes
    suite "make check-valgrind (memcheck, quick sizes)" _ci/werror check-valgrind
fi

# 4. clang with the sanitizers: a second compiler's warnings and ASan + UBSan in one build
if step "configure CC=clang --enable-werror --enable-sanitizers" \
        configure_in _ci/clang-asan --enable-werror --enable-sanitizers CC=clang CXX=clang++ &&
    step "build (clang -Werror, ASan + UBSan)" make -C _ci/clang-asan -j"$jobs"; then
    suite "make check (clang, ASan + UBSan)" _ci/clang-asan check
    # libFuzzer over the entry-point families (tests/fuzz/fuzz_api.c), a fixed short time
    step "make fuzz (libFuzzer + ASan + UBSan, 60 s)" make -C _ci/clang-asan fuzz FUZZ_SECONDS=60
    # the modules from four pthreads at once under ThreadSanitizer (OpenMP off)
    step "make tsan (ThreadSanitizer, tests/threads)" make -C _ci/clang-asan tsan
fi

# 5. OpenMP: the thread-count determinism tests with real threads, and make bench
if step "configure --enable-werror --enable-openmp" configure_in _ci/openmp --enable-werror --enable-openmp &&
    step "build (gcc -Werror, OpenMP)" make -C _ci/openmp -j"$jobs"; then
    suite "thread determinism tests (OpenMP)" _ci/openmp check TESTS="$(cd "$top" &&
        ls tests/attention/test_*.c | sed 's/\.c$//' | tr '\n' ' ')"
    step "make bench at N = 256 (it runs; timings are not judged)" \
        env BENCH_SIZES=256 BENCH_BIG= BENCH_DIMS=64 BENCH_THREADS="1 2" make -C _ci/openmp bench
fi

# 6. distcheck: VPATH build, install and uninstall from the tarball, with a smoke test
#    (the full suite ran in step 2)
if [ -d _ci/werror ]; then
    step "make distcheck (smoke test)" make -C _ci/werror distcheck \
        TESTS="tests/common/test_version tests/api/test_symbols.sh tests/api/test_headers.sh" &&
        step "dist tarball holds only git-tracked files and Autotools output" tarball_matches_git
fi

echo "total $(took "$start")"
summary
[ "$failed" -eq 0 ]
