## tests/internal: private helpers of lib/, linked against the non-installed
## libthermoai_core.la (hidden symbols are visible in a static link).
C_TESTS += tests/internal/test_scaled tests/internal/test_rng tests/internal/test_lanczos \
	tests/internal/test_dense
tests_internal_test_scaled_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_scaled_LDADD = $(TEST_CORE)
tests_internal_test_rng_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_rng_LDADD = $(TEST_CORE)
tests_internal_test_lanczos_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_lanczos_LDADD = $(TEST_CORE)
C_TESTS += tests/internal/test_xnum
tests_internal_test_xnum_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_xnum_LDADD = $(TEST_CORE)
tests_internal_test_dense_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_dense_LDADD = $(TEST_CORE)
C_TESTS += tests/internal/test_quadrature
tests_internal_test_quadrature_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_quadrature_LDADD = $(TEST_CORE)
C_TESTS += tests/internal/test_kmeans
tests_internal_test_kmeans_CPPFLAGS = $(TEST_CORE_CPPFLAGS)
tests_internal_test_kmeans_LDADD = $(TEST_CORE)
