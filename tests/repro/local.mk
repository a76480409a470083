## tests/repro: the verdict rule, the record list and the catalog.
C_TESTS += tests/repro/test_repro_rule
tests_repro_test_repro_rule_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/examples/reproduce
tests_repro_test_repro_rule_LDADD = examples/reproduce/libreproduce.la $(TEST_LIB)
PY_TESTS += tests/repro/test_catalog_sync.py
