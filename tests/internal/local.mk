## tests/internal: private helpers of lib/, linked against the non-installed
## libthermoai_core.la (hidden symbols are visible in a static link).
C_TESTS += tests/internal/test_scaled tests/internal/test_rng tests/internal/test_lanczos
tests_internal_test_scaled_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_scaled_LDADD = $(TEST_CORE)
tests_internal_test_rng_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_rng_LDADD = $(TEST_CORE)
tests_internal_test_lanczos_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_lanczos_LDADD = $(TEST_CORE)
