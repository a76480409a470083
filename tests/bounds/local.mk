## tests/bounds: the public API of lib/bounds.
C_TESTS += tests/bounds/test_landauer tests/bounds/test_info tests/bounds/test_negentropy \
	tests/bounds/test_paper001_ref tests/bounds/test_energy tests/bounds/test_flux \
	tests/bounds/test_scaling tests/bounds/test_interval tests/bounds/test_pmf \
	tests/bounds/test_rd tests/bounds/test_ib tests/bounds/test_learning \
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
tests_bounds_test_pmf_LDADD = $(TEST_LIB)
tests_bounds_test_rd_LDADD = $(TEST_LIB)
tests_bounds_test_ib_LDADD = $(TEST_LIB)
tests_bounds_test_learning_SOURCES = tests/bounds/test_learning.c tests/bounds/bounds_util.h
tests_bounds_test_learning_LDADD = $(TEST_LIB)
C_TESTS += tests/bounds/test_dynamics
tests_bounds_test_dynamics_SOURCES = tests/bounds/test_dynamics.c tests/bounds/bounds_util.h
tests_bounds_test_dynamics_LDADD = $(TEST_LIB)
C_TESTS += tests/bounds/test_geometry
tests_bounds_test_geometry_SOURCES = tests/bounds/test_geometry.c tests/bounds/bounds_util.h
tests_bounds_test_geometry_LDADD = $(TEST_LIB)
C_TESTS += tests/bounds/test_perturbation
tests_bounds_test_perturbation_SOURCES = tests/bounds/test_perturbation.c tests/bounds/bounds_util.h
tests_bounds_test_perturbation_LDADD = $(TEST_LIB)
C_TESTS += tests/bounds/test_graph
tests_bounds_test_graph_SOURCES = tests/bounds/test_graph.c tests/bounds/bounds_util.h
tests_bounds_test_graph_LDADD = $(TEST_LIB)
C_TESTS += tests/bounds/test_rademacher
tests_bounds_test_rademacher_SOURCES = tests/bounds/test_rademacher.c tests/bounds/bounds_util.h
tests_bounds_test_rademacher_LDADD = $(TEST_LIB)
C_TESTS += tests/bounds/test_softmax
tests_bounds_test_softmax_SOURCES = tests/bounds/test_softmax.c tests/bounds/bounds_util.h
tests_bounds_test_softmax_LDADD = $(TEST_LIB)
C_TESTS += tests/bounds/test_scheduler
tests_bounds_test_scheduler_SOURCES = tests/bounds/test_scheduler.c tests/bounds/bounds_util.h
tests_bounds_test_scheduler_LDADD = $(TEST_LIB)
C_TESTS += tests/bounds/test_paper002_ref
tests_bounds_test_paper002_ref_SOURCES = tests/bounds/test_paper002_ref.c
tests_bounds_test_paper002_ref_LDADD = $(TEST_LIB)
tests_bounds_test_loss_LDADD = $(TEST_LIB)
tests_bounds_test_allocate_LDADD = $(TEST_LIB)
tests_bounds_test_precision_LDADD = $(TEST_LIB)
tests_bounds_test_sparsity_LDADD = $(TEST_LIB)
