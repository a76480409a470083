## tests/cli: the `thermoai` command, its output formats, and memcheck over it.
SH_TESTS += tests/cli/test_cli.sh
PY_TESTS += tests/cli/test_cli_json.py tests/cli/test_cli_bounds.py tests/cli/test_cli_tip.py
EXTRA_DIST += tests/cli/tip_components.csv
EXTRA_DIST += tests/cli/memcheck_cli.sh

## Allocation failure at every k for the CLI (an LD_PRELOAD shim, glibc only).
SH_TESTS += tests/cli/test_cli_oom.sh
check_LTLIBRARIES = tests/cli/failmalloc.la
tests_cli_failmalloc_la_SOURCES = tests/cli/failmalloc.c
tests_cli_failmalloc_la_CFLAGS = $(WARN_CFLAGS)
tests_cli_failmalloc_la_LDFLAGS = -module -avoid-version -shared -rpath /nowhere
