# SPDX-License-Identifier: MIT
# TAP helpers for the shell tests (sourced). The harness sets top_srcdir,
# top_builddir (absolute) and the tool variables in AM_TESTS_ENVIRONMENT.
tap_n=0
tap_failed=0

# ok DESCRIPTION COMMAND...: runs COMMAND, one test point from its exit status.
ok() {
    tap_desc=$1
    shift
    tap_n=$((tap_n + 1))
    if "$@" >"$tap_tmp/out" 2>&1; then
        echo "ok $tap_n - $tap_desc"
    else
        echo "not ok $tap_n - $tap_desc"
        tap_failed=$((tap_failed + 1))
        sed 's/^/#   /' "$tap_tmp/out" | head -n 40
    fi
}

# skip_all REASON: the whole script is skipped.
skip_all() {
    echo "1..0 # SKIP $1"
    exit 0
}

done_testing() {
    echo "1..$tap_n"
    [ "$tap_failed" -eq 0 ]
}

tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/thermoai-test.XXXXXX") || exit 99
trap 'rm -rf "$tap_tmp"' EXIT
: "${top_srcdir:?top_srcdir not set (run through make check)}"
: "${top_builddir:?top_builddir not set (run through make check)}"
