## tests/prune: the public API of lib/prune.
C_TESTS += tests/prune/test_tip
tests_prune_test_tip_LDADD = $(TEST_LIB)
