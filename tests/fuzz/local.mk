## tests/fuzz: the libFuzzer target over the entry-point families and its replay.
## `make check` replays the committed corpus (tests/fuzz/corpus/) with any compiler;
## `make fuzz` builds the target with clang -fsanitize=fuzzer,address,undefined and
## runs it for FUZZ_SECONDS (default 60) from that corpus (new inputs go to
## $(builddir)/fuzz-corpus, never into the source tree).
C_TESTS += tests/fuzz/replay
tests_fuzz_replay_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_api.c tests/ref/sweep_calls.h \
	tests/ref/sweep_table.h
tests_fuzz_replay_LDADD = $(TEST_LIB)
EXTRA_DIST += tests/fuzz/make_corpus.py tests/fuzz/corpus

FUZZ_CC = clang
FUZZ_SECONDS = 60
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
fuzz:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { echo "make fuzz needs clang" >&2; exit 1; }
	$(FUZZ_CC) $(FUZZ_FLAGS) -std=c99 -DTHERMOAI_EXPERIMENTAL -I$(top_builddir) \
	  -I$(top_builddir)/include -I$(top_srcdir)/include -I$(top_srcdir)/lib \
	  $(top_srcdir)/tests/fuzz/fuzz_api.c $(top_srcdir)/lib/*/*.c -lm -o fuzz_api
	mkdir -p fuzz-corpus
	ASAN_OPTIONS=detect_leaks=1 ./fuzz_api -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	  -rss_limit_mb=2048 fuzz-corpus $(top_srcdir)/tests/fuzz/corpus
.PHONY: fuzz
CLEANFILES += fuzz_api
