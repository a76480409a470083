## tests/common: the public API of lib/common.
C_TESTS += tests/common/test_status tests/common/test_version tests/common/test_constants \
	tests/common/test_quadrature
tests_common_test_status_LDADD = $(TEST_LIB)
tests_common_test_version_LDADD = $(TEST_LIB)
tests_common_test_constants_LDADD = $(TEST_LIB)
tests_common_test_quadrature_LDADD = $(TEST_LIB)
