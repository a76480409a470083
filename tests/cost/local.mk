## tests/cost: the public API of lib/cost.
C_TESTS += tests/cost/test_hardware tests/cost/test_hardware_preset tests/cost/test_calibrate \
	tests/cost/test_work tests/cost/test_cost tests/cost/test_training tests/cost/test_carbon \
	tests/cost/test_paper_energy tests/cost/test_ladder tests/cost/test_trilemma tests/cost/test_slo \
	tests/cost/test_serving
tests_cost_test_training_LDADD = $(TEST_LIB)
tests_cost_test_carbon_LDADD = $(TEST_LIB)
tests_cost_test_paper_energy_LDADD = $(TEST_LIB)
tests_cost_test_ladder_LDADD = $(TEST_LIB)
tests_cost_test_trilemma_LDADD = $(TEST_LIB)
tests_cost_test_slo_LDADD = $(TEST_LIB)
tests_cost_test_serving_LDADD = $(TEST_LIB)
tests_cost_test_cost_LDADD = $(TEST_LIB)
tests_cost_test_work_LDADD = $(TEST_LIB)
tests_cost_test_hardware_LDADD = $(TEST_LIB)
tests_cost_test_hardware_preset_LDADD = $(TEST_LIB)
tests_cost_test_calibrate_LDADD = $(TEST_LIB)
PY_TESTS += tests/cost/test_microbench_gen.py
SH_TESTS += tests/cost/test_validation.sh
