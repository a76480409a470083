## tests/threads: the modules called from several pthreads at once.
## `make tsan` builds the test with clang -fsanitize=thread over the library's
## sources (OpenMP off) and runs it: any data race fails.
C_TESTS += tests/threads/test_threads
tests_threads_test_threads_CFLAGS = $(AM_CFLAGS) -pthread
tests_threads_test_threads_LDADD = $(TEST_LIB) -lpthread

TSAN_CC = clang
tsan:
	@command -v $(TSAN_CC) >/dev/null 2>&1 || { echo "make tsan needs clang" >&2; exit 1; }
	$(TSAN_CC) -g -O1 -fsanitize=thread -std=c99 -pthread -DTHERMOAI_EXPERIMENTAL \
	  -I$(top_builddir) -I$(top_builddir)/include -I$(top_srcdir)/include -I$(top_srcdir)/lib \
	  $(top_srcdir)/tests/threads/test_threads.c $(top_srcdir)/lib/*/*.c -lm -o test_threads_tsan
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 ./test_threads_tsan
.PHONY: tsan
CLEANFILES += test_threads_tsan
