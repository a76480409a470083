## tests/prune: the public API of lib/prune.
C_TESTS += tests/prune/test_tip tests/prune/test_prune tests/prune/test_tip_energy
tests_prune_test_tip_LDADD = $(TEST_LIB)
tests_prune_test_prune_LDADD = $(TEST_LIB)
tests_prune_test_tip_energy_LDADD = $(TEST_LIB)
SH_TESTS += tests/prune/test_prune_alloc.sh
