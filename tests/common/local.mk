## tests/common: the public API of lib/common.
C_TESTS += tests/common/test_status tests/common/test_version
tests_common_test_status_LDADD = $(TEST_LIB)
tests_common_test_version_LDADD = $(TEST_LIB)
