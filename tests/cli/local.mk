## tests/cli: the `thermoai` command, its output formats, and memcheck over it.
SH_TESTS += tests/cli/test_cli.sh
PY_TESTS += tests/cli/test_cli_json.py tests/cli/test_cli_bounds.py tests/cli/test_cli_tip.py
EXTRA_DIST += tests/cli/tip_components.csv
EXTRA_DIST += tests/cli/memcheck_cli.sh
