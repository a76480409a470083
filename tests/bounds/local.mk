## tests/bounds: the public API of lib/bounds.
C_TESTS += tests/bounds/test_landauer tests/bounds/test_info tests/bounds/test_negentropy \
	tests/bounds/test_paper001_ref tests/bounds/test_energy tests/bounds/test_flux \
	tests/bounds/test_scaling tests/bounds/test_interval \
	tests/bounds/test_loss tests/bounds/test_allocate tests/bounds/test_precision \
	tests/bounds/test_sparsity
tests_bounds_test_landauer_LDADD = $(TEST_LIB)
tests_bounds_test_negentropy_LDADD = $(TEST_LIB)
tests_bounds_test_info_LDADD = $(TEST_LIB)
tests_bounds_test_paper001_ref_LDADD = $(TEST_LIB)
tests_bounds_test_energy_LDADD = $(TEST_LIB)
tests_bounds_test_flux_LDADD = $(TEST_LIB)
tests_bounds_test_scaling_LDADD = $(TEST_LIB)
tests_bounds_test_interval_LDADD = $(TEST_LIB)
tests_bounds_test_loss_LDADD = $(TEST_LIB)
tests_bounds_test_allocate_LDADD = $(TEST_LIB)
tests_bounds_test_precision_LDADD = $(TEST_LIB)
tests_bounds_test_sparsity_LDADD = $(TEST_LIB)
