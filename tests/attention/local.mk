## tests/attention: the public API of lib/attention.
C_TESTS += tests/attention/test_attention tests/attention/test_synth \
	tests/attention/test_ssa tests/attention/test_spectral
tests_attention_test_attention_SOURCES = tests/attention/test_attention.c tests/attention/attn_util.h
tests_attention_test_attention_LDADD = $(TEST_LIB)
tests_attention_test_synth_SOURCES = tests/attention/test_synth.c tests/attention/attn_util.h
tests_attention_test_synth_LDADD = $(TEST_LIB)
tests_attention_test_ssa_SOURCES = tests/attention/test_ssa.c tests/attention/attn_util.h
tests_attention_test_ssa_LDADD = $(TEST_LIB)
tests_attention_test_spectral_SOURCES = tests/attention/test_spectral.c tests/attention/attn_util.h
tests_attention_test_spectral_LDADD = $(TEST_LIB)
