## tests/examples: the examples run, and the README's code and commands work.
SH_TESTS += tests/examples/test_examples.sh tests/examples/test_readme.sh

## The tiny transformer of examples/tiplm: gradients by finite differences in
## double (test_tiplm) and float with the AVX2 kernel (test_tiplm_f); its CLI.
C_TESTS += tests/examples/test_tiplm tests/examples/test_tiplm_f
tests_examples_test_tiplm_SOURCES = tests/examples/test_tiplm.c examples/tiplm/tiplm.c \
	examples/tiplm/tiplm.h
tests_examples_test_tiplm_CPPFLAGS = $(AM_CPPFLAGS) -DTIPLM_DOUBLE
tests_examples_test_tiplm_CFLAGS = $(AM_CFLAGS) $(FP_CFLAGS)
tests_examples_test_tiplm_LDADD = $(LIBM)
tests_examples_test_tiplm_f_SOURCES = tests/examples/test_tiplm.c examples/tiplm/tiplm.c \
	examples/tiplm/tiplm.h
tests_examples_test_tiplm_f_CFLAGS = $(AM_CFLAGS) $(FP_CFLAGS)
tests_examples_test_tiplm_f_LDADD = $(LIBM)
SH_TESTS += tests/examples/test_tiplm_cli.sh tests/examples/test_tip_experiment.sh
