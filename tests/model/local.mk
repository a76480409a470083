## tests/model: the public API of lib/model.
C_TESTS += tests/model/test_model tests/model/test_model_preset tests/model/test_entropy tests/model/test_ter
tests_model_test_model_LDADD = $(TEST_LIB)
tests_model_test_model_preset_LDADD = $(TEST_LIB)
tests_model_test_entropy_LDADD = $(TEST_LIB)
tests_model_test_ter_LDADD = $(TEST_LIB)
