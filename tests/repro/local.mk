## tests/repro: the verdict rule, the record list, the catalog, deterministic errata.
C_TESTS += tests/repro/test_repro_rule
tests_repro_test_repro_rule_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/repro
tests_repro_test_repro_rule_LDADD = repro/librepro.la cli/libemit.la $(TEST_LIB)
PY_TESTS += tests/repro/test_catalog_sync.py
SH_TESTS += tests/repro/test_errata.sh
PY_TESTS += tests/repro/test_coverage.py
EXTRA_DIST += tools/check_coverage.py repro/coverage.tsv doc/coverage.md
