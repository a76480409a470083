## make bench: performance, never part of make check (README "Benchmarks").
EXTRA_PROGRAMS += bench/ssa_bench
bench_ssa_bench_LDADD = lib/libthermoai.la $(LIBM)
CLEANFILES += bench/ssa_bench$(EXEEXT)
EXTRA_DIST += bench/run.sh bench/summarize.py bench/peers/numpy_attention.py bench/RESULTS.md

bench: bench/ssa_bench$(EXEEXT)
	SSA_BENCH=./bench/ssa_bench PYTHON="$(PYTHON)" sh $(srcdir)/bench/run.sh bench-results
.PHONY: bench
