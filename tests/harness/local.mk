## tests/harness: the TAP helpers every test uses, and a test of them.
C_TESTS += tests/harness/test_tap_self
tests_harness_test_tap_self_LDADD = $(LIBM)
EXTRA_DIST += tests/harness/tap.h tests/harness/refcsv.h tests/harness/exact.h tests/harness/taplib.sh \
	tests/harness/taplib.py
